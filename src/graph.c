/*
 * graph.c - the graph stage: turns an rg_network into igraph's undirected
 * weighted graph and computes per-node centralities, k-cores, clustering and
 * Leiden communities (rg_metrics), plus the stable rankings the commands
 * print.  Every igraph call of the library lives here (but paths.c's
 * igraph_cmp_epsilon, a pure function); igraph's abort-on-error model is
 * wrapped so that failures come back as RG_EGRAPH.  Above the exact-work
 * threshold, betweenness and closeness are estimated by paths.c instead.
 */
#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <igraph.h>

#include "igraph_try.h"
#include "paths.h"
#include "relgraph.h"

/*
 * Conventions (shared with the help text of the commands):
 * - A tie's weight is its strength; path lengths use distance = 1 / weight,
 *   so two heavy hops can be "shorter" than one light direct tie.
 * - Betweenness is igraph's undirected count: each unordered pair {s, t}
 *   is counted once (not twice), endpoints excluded, not normalised; paths
 *   of equal length (within igraph's epsilon) share the pair equally.
 * - Closeness is harmonic: sum over the other nodes of 1 / d, unreachable
 *   nodes adding 0, not normalised.
 * - Eigenvector centrality of an edgeless network is all zeros (igraph
 *   would return all ones with a warning).
 * - Communities: Leiden with node weights = strength and resolution
 *   1 / (2 W), W the total edge weight, which makes Leiden's quality equal
 *   to 2 W times Newman's weighted modularity.  In an edgeless network
 *   every node is its own community and the modularity is 0 (igraph says
 *   NaN).
 * Known limit of igraph 0.10.2, not of this file: when malloc fails inside
 * igraph, harmonic centrality can crash and PRPACK / Leiden leak a block;
 * failure injection shows no leak on our own paths.
 */

#define LEIDEN_SEED 42
#define LEIDEN_BETA 0.01
#define PAGERANK_DAMPING 0.85

static const char *const metric_names[RG_NMETRIC] = {
	[RG_METRIC_DEGREE] = "degree",
	[RG_METRIC_STRENGTH] = "strength",
	[RG_METRIC_BETWEENNESS] = "betweenness",
	[RG_METRIC_CLOSENESS] = "closeness",
	[RG_METRIC_PAGERANK] = "pagerank",
	[RG_METRIC_EIGENVECTOR] = "eigenvector",
	[RG_METRIC_CORENESS] = "coreness",
	[RG_METRIC_CLUSTERING] = "clustering",
};

/*
 * igraph's error and warning handlers, and its default RNG, are process
 * globals in Debian's build (IGRAPH_THREAD_SAFE is 0), so one computation
 * runs at a time.
 */
static pthread_mutex_t igraph_lock = PTHREAD_MUTEX_INITIALIZER;

const char *rg_metric_name(rg_metric m)
{
	return (unsigned)m < RG_NMETRIC ? metric_names[m] : NULL;
}

int rg_metric_parse(const char *name)
{
	for (int i = 0; name && i < RG_NMETRIC; i++)
		if (strcmp(name, metric_names[i]) == 0)
			return i;
	return -1;
}

void rg_metrics_init(rg_metrics *m)
{
	if (!m)
		return;
	memset(m, 0, sizeof *m);
}

void rg_metrics_release(rg_metrics *m)
{
	if (!m)
		return;
	for (int i = 0; i < RG_NMETRIC; i++)
		free(m->value[i]);
	free(m->community);
	rg_metrics_init(m);
}

/* RG_OK when every edge joins two distinct nodes in order with a weight > 0. */
static rg_err check_network(const rg_network *net)
{
	if (net->n_nodes > 0 && !net->nodes)
		return RG_EINPUT;
	if (net->n_edges > 0 && !net->edges)
		return RG_EINPUT;
	if (net->n_nodes > (size_t)IGRAPH_INTEGER_MAX / 2 ||
	    net->n_edges > (size_t)IGRAPH_INTEGER_MAX / 2)
		return RG_EINPUT;
	for (size_t i = 0; i < net->n_edges; i++) {
		const rg_edge *e = &net->edges[i];
		if (e->a >= e->b || e->b >= net->n_nodes)
			return RG_EINPUT;
		if (!(e->weight > 0) || !isfinite(e->weight))
			return RG_EINPUT;
	}
	return RG_OK;
}

/* Allocates the n-entry arrays of `m`; n > 0. */
static rg_err metrics_alloc(rg_metrics *m, size_t n)
{
	m->n = n;
	for (int i = 0; i < RG_NMETRIC; i++)
		if (!(m->value[i] = calloc(n, sizeof *m->value[i])))
			return RG_ENOMEM;
	if (!(m->community = calloc(n, sizeof *m->community)))
		return RG_ENOMEM;
	return RG_OK;
}

static const char *node_id(const rg_network *net, size_t i)
{
	return net->nodes[i].id ? net->nodes[i].id : "";
}

/* A community while it is being renumbered. */
struct comm {
	size_t size;
	size_t first;                 /* member with the lowest id */
	const rg_network *net;
};

/* Larger communities first, then the one whose lowest id sorts first. */
static int comm_cmp(const void *pa, const void *pb)
{
	const struct comm *a = pa, *b = pb;
	int c;

	if (a->size != b->size)
		return a->size > b->size ? -1 : 1;
	c = strcmp(node_id(a->net, a->first), node_id(b->net, b->first));
	if (c)
		return c;
	return (a->first > b->first) - (a->first < b->first);
}

/*
 * Stores `membership` (labels 0..k-1) in m->community renumbered so that
 * community 0 is the largest, ties going to the lowest node id.
 */
static rg_err communities_store(const rg_network *net,
				const igraph_vector_int_t *membership,
				igraph_integer_t k, rg_metrics *m)
{
	struct comm *c = NULL;
	size_t *rank = NULL;
	size_t n = net->n_nodes;
	rg_err rc = RG_ENOMEM;

	if (k < 1 || (size_t)k > n || (size_t)igraph_vector_int_size(membership) != n)
		return RG_EGRAPH;
	c = calloc((size_t)k, sizeof *c);
	rank = calloc((size_t)k, sizeof *rank);
	if (!c || !rank)
		goto out;
	for (size_t j = 0; j < (size_t)k; j++) {
		c[j].first = SIZE_MAX;
		c[j].net = net;
	}
	for (size_t i = 0; i < n; i++) {
		igraph_integer_t l = VECTOR(*membership)[i];
		if (l < 0 || l >= k) {
			rc = RG_EGRAPH;
			goto out;
		}
		c[l].size++;
		if (c[l].first == SIZE_MAX ||
		    strcmp(node_id(net, i), node_id(net, c[l].first)) < 0)
			c[l].first = i;
	}
	for (size_t j = 0; j < (size_t)k; j++) {
		if (c[j].size == 0) {   /* igraph promises labels 0..k-1, all used */
			rc = RG_EGRAPH;
			goto out;
		}
	}
	qsort(c, (size_t)k, sizeof *c, comm_cmp);
	for (size_t j = 0; j < (size_t)k; j++)
		rank[VECTOR(*membership)[c[j].first]] = j;
	for (size_t i = 0; i < n; i++)
		m->community[i] = (long)rank[VECTOR(*membership)[i]];
	m->n_communities = (long)k;
	rc = RG_OK;
out:
	free(c);
	free(rank);
	return rc;
}

static void copy_real(const igraph_vector_t *v, double *dst, size_t n)
{
	for (size_t i = 0; i < n; i++)
		dst[i] = VECTOR(*v)[i];
}

/* How many sources the path metrics use: n when exact (see relgraph.h). */
static igraph_integer_t path_sources(size_t n, size_t ne, size_t asked)
{
	if (asked)
		return (igraph_integer_t)(asked < n ? asked : n);
	if ((double)n * (double)ne <= RG_METRICS_EXACT_WORK)
		return (igraph_integer_t)n;
	double k = RG_METRICS_EXACT_WORK / (double)(ne ? ne : 1);
	if (k < RG_METRICS_MIN_SOURCES)
		k = RG_METRICS_MIN_SOURCES;
	return (igraph_integer_t)(k < (double)n ? k : (double)n);
}

/*
 * The k sources, drawn without replacement by a partial Fisher-Yates
 * shuffle with a fixed xorshift seed (so runs agree), in ascending order.
 */
static igraph_error_t pick_sources(igraph_integer_t n, igraph_integer_t k,
				   igraph_vector_int_t *src)
{
	igraph_vector_int_t all;
	uint64_t x = 0x9E3779B97F4A7C15ull;
	IGRAPH_CHECK(igraph_vector_int_init_range(&all, 0, n));
	for (igraph_integer_t i = 0; i < k; i++) {
		x ^= x >> 12;
		x ^= x << 25;
		x ^= x >> 27;
		igraph_integer_t j = i + (igraph_integer_t)((x * 0x2545F4914F6CDD1Dull) %
							      (uint64_t)(n - i));
		igraph_integer_t t = VECTOR(all)[i];
		VECTOR(all)[i] = VECTOR(all)[j];
		VECTOR(all)[j] = t;
	}
	igraph_error_t e = igraph_vector_int_resize(&all, k);
	if (e == IGRAPH_SUCCESS) {
		igraph_vector_int_sort(&all);
		e = igraph_vector_int_update(src, &all);
	}
	igraph_vector_int_destroy(&all);
	return e;
}

/*
 * The igraph half of rg_metrics_compute: `net` is valid and non-empty and
 * the arrays of `m` are allocated.  Called with igraph_lock held and
 * igraph's handlers set to silent ones.
 */
static rg_err compute_igraph(const rg_network *net, rg_metrics *m, size_t asked, int jobs)
{
	igraph_t g;
	igraph_vector_int_t ends, ivec, membership;
	igraph_vector_t w, dist, res, nodew;
	int have_g = 0, have_ends = 0, have_ivec = 0, have_memb = 0;
	int have_w = 0, have_dist = 0, have_res = 0, have_nodew = 0;
	igraph_integer_t n = (igraph_integer_t)net->n_nodes;
	igraph_integer_t ne = (igraph_integer_t)net->n_edges;
	igraph_integer_t k = 0;
	igraph_bool_t multi = 0;
	igraph_real_t value, quality, q, total = 0;
	size_t nn = net->n_nodes;
	rg_err rc = RG_EGRAPH;

#define TRY(call) RG_IGRAPH_TRY(call)
	TRY(igraph_vector_int_init(&ends, 2 * ne));
	have_ends = 1;
	TRY(igraph_vector_init(&w, ne));
	have_w = 1;
	TRY(igraph_vector_init(&dist, ne));
	have_dist = 1;
	TRY(igraph_vector_int_init(&ivec, 0));
	have_ivec = 1;
	TRY(igraph_vector_int_init(&membership, 0));
	have_memb = 1;
	TRY(igraph_vector_init(&res, 0));
	have_res = 1;
	TRY(igraph_vector_init(&nodew, 0));
	have_nodew = 1;

	for (igraph_integer_t e = 0; e < ne; e++) {
		VECTOR(ends)[2 * e] = (igraph_integer_t)net->edges[e].a;
		VECTOR(ends)[2 * e + 1] = (igraph_integer_t)net->edges[e].b;
		VECTOR(w)[e] = net->edges[e].weight;
		VECTOR(dist)[e] = 1.0 / net->edges[e].weight;
		total += net->edges[e].weight;
	}
	TRY(igraph_create(&g, &ends, n, IGRAPH_UNDIRECTED));
	have_g = 1;
	TRY(igraph_has_multiple(&g, &multi));
	if (multi) {
		rc = RG_EINPUT;   /* the same pair twice: not a network we made */
		goto out;
	}

	TRY(igraph_degree(&g, &ivec, igraph_vss_all(), IGRAPH_ALL, IGRAPH_NO_LOOPS));
	for (size_t i = 0; i < nn; i++)
		m->value[RG_METRIC_DEGREE][i] = (double)VECTOR(ivec)[i];

	TRY(igraph_strength(&g, &nodew, igraph_vss_all(), IGRAPH_ALL, IGRAPH_NO_LOOPS, &w));
	copy_real(&nodew, m->value[RG_METRIC_STRENGTH], nn);

	igraph_integer_t n_src = path_sources(nn, (size_t)ne, asked);
	if (n_src < n) {
		m->sampled_sources = (long)n_src;
		TRY(pick_sources(n, n_src, &ivec));
		size_t *src = malloc((size_t)n_src * sizeof *src);
		if (!src) {
			rc = RG_ENOMEM;
			goto out;
		}
		for (igraph_integer_t i = 0; i < n_src; i++)
			src[i] = (size_t)VECTOR(ivec)[i];
		rc = rg_paths_sampled(net, src, (size_t)n_src, jobs,
				      m->value[RG_METRIC_BETWEENNESS],
				      m->value[RG_METRIC_CLOSENESS]);
		free(src);
		if (rc)
			goto out;
		rc = RG_EGRAPH;
	} else {
		TRY(igraph_betweenness(&g, &res, igraph_vss_all(), IGRAPH_UNDIRECTED, &dist));
		copy_real(&res, m->value[RG_METRIC_BETWEENNESS], nn);
		TRY(igraph_harmonic_centrality(&g, &res, igraph_vss_all(), IGRAPH_ALL,
					       &dist, 0));
		copy_real(&res, m->value[RG_METRIC_CLOSENESS], nn);
	}

	TRY(igraph_pagerank(&g, IGRAPH_PAGERANK_ALGO_PRPACK, &res, &value, igraph_vss_all(),
			    IGRAPH_UNDIRECTED, PAGERANK_DAMPING, &w, NULL));
	copy_real(&res, m->value[RG_METRIC_PAGERANK], nn);

	if (ne > 0) {   /* else the calloc'd zeros stand */
		TRY(igraph_eigenvector_centrality(&g, &res, &value, IGRAPH_UNDIRECTED, 1,
						  &w, NULL));
		copy_real(&res, m->value[RG_METRIC_EIGENVECTOR], nn);
	}

	TRY(igraph_coreness(&g, &ivec, IGRAPH_ALL));
	for (size_t i = 0; i < nn; i++)
		m->value[RG_METRIC_CORENESS][i] = (double)VECTOR(ivec)[i];

	TRY(igraph_transitivity_barrat(&g, &res, igraph_vss_all(), &w,
				       IGRAPH_TRANSITIVITY_ZERO));
	copy_real(&res, m->value[RG_METRIC_CLUSTERING], nn);

	if (ne == 0) {
		/* Singletons; Leiden's resolution 1 / (2 W) is undefined. */
		TRY(igraph_vector_int_resize(&membership, n));
		for (igraph_integer_t i = 0; i < n; i++)
			VECTOR(membership)[i] = i;
		k = n;
		q = 0;
	} else {
		TRY(igraph_rng_seed(igraph_rng_default(), LEIDEN_SEED));
		TRY(igraph_community_leiden(&g, &w, &nodew, 1.0 / (2.0 * total),
					    LEIDEN_BETA, 0, -1, &membership, &k,
					    &quality));
		TRY(igraph_modularity(&g, &membership, &w, 1.0, IGRAPH_UNDIRECTED, &q));
	}
#undef TRY
	rc = communities_store(net, &membership, k, m);
	m->modularity = q;
out:
	if (have_g)
		igraph_destroy(&g);
	if (have_ends)
		igraph_vector_int_destroy(&ends);
	if (have_ivec)
		igraph_vector_int_destroy(&ivec);
	if (have_memb)
		igraph_vector_int_destroy(&membership);
	if (have_w)
		igraph_vector_destroy(&w);
	if (have_dist)
		igraph_vector_destroy(&dist);
	if (have_res)
		igraph_vector_destroy(&res);
	if (have_nodew)
		igraph_vector_destroy(&nodew);
	return rc;
}

rg_err rg_metrics_compute(const rg_network *net, rg_metrics *out)
{
	return rg_metrics_compute_sampled(net, out, 0);
}

rg_err rg_metrics_compute_sampled(const rg_network *net, rg_metrics *out, size_t sources)
{
	return rg_metrics_compute_jobs(net, out, sources, 0);
}

rg_err rg_metrics_compute_jobs(const rg_network *net, rg_metrics *out, size_t sources,
			       int jobs)
{
	igraph_error_handler_t *old_err;
	igraph_warning_handler_t *old_warn;
	rg_err rc;

	if (!out)
		return RG_EINPUT;
	rg_metrics_release(out);
	if (!net)
		return RG_EINPUT;
	if ((rc = check_network(net)) != RG_OK)
		return rc;
	if (net->n_nodes == 0)
		return RG_OK;
	if ((rc = metrics_alloc(out, net->n_nodes)) != RG_OK)
		goto out;

	if (pthread_mutex_lock(&igraph_lock) != 0) {
		rc = RG_EGRAPH;
		goto out;
	}
	old_err = igraph_set_error_handler(igraph_error_handler_ignore);
	old_warn = igraph_set_warning_handler(igraph_warning_handler_ignore);
	rc = compute_igraph(net, out, sources, jobs);
	igraph_set_warning_handler(old_warn);
	igraph_set_error_handler(old_err);
	pthread_mutex_unlock(&igraph_lock);
out:
	if (rc != RG_OK)
		rg_metrics_release(out);
	return rc;
}

/* An entry of the array rg_metrics_order sorts. */
struct rank_ent {
	double v, s;
	const char *id;
	size_t i;
};

/* Descending, NaN last (so the comparison is a total order). */
static int cmp_desc(double a, double b)
{
	int na = isnan(a), nb = isnan(b);

	if (na || nb)
		return na - nb;
	return (a < b) - (a > b);
}

static int rank_cmp(const void *pa, const void *pb)
{
	const struct rank_ent *a = pa, *b = pb;
	int c;

	if ((c = cmp_desc(a->v, b->v)) != 0)
		return c;
	if ((c = cmp_desc(a->s, b->s)) != 0)
		return c;
	if ((c = strcmp(a->id, b->id)) != 0)
		return c;
	return (a->i > b->i) - (a->i < b->i);
}

rg_err rg_metrics_order(const rg_network *net, const rg_metrics *m,
			rg_metric by, size_t *order)
{
	struct rank_ent *ents;
	size_t n;

	if (!net || !m || (unsigned)by >= RG_NMETRIC)
		return RG_EINPUT;
	n = net->n_nodes;
	if (n == 0)
		return RG_OK;
	if (!order || !net->nodes || m->n != n || !m->value[by] ||
	    !m->value[RG_METRIC_STRENGTH])
		return RG_EINPUT;
	if (!(ents = malloc(n * sizeof *ents)))
		return RG_ENOMEM;
	for (size_t i = 0; i < n; i++) {
		ents[i].v = m->value[by][i];
		ents[i].s = m->value[RG_METRIC_STRENGTH][i];
		ents[i].id = node_id(net, i);
		ents[i].i = i;
	}
	qsort(ents, n, sizeof *ents, rank_cmp);
	for (size_t i = 0; i < n; i++)
		order[i] = ents[i].i;
	free(ents);
	return RG_OK;
}
