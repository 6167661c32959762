/*
 * test_graph.c - unit tests of network.c and graph.c: igraph metrics,
 * Leiden communities and the stable ranking, on small networks whose
 * values are worked out by hand in the comments.
 */
#include <stdlib.h>
#include <string.h>

#include "relgraph.h"
#include "tap.h"

#define EPS 1e-9
#define EPS_ITER 1e-6   /* for PRPACK / ARPACK results */

/* Fills `net` with nodes named `ids` (strdup'd) and no edges. */
static void net_make(rg_network *net, const char *const *ids, size_t n)
{
	rg_network_init(net);
	net->nodes = calloc(n ? n : 1, sizeof *net->nodes);
	net->n_nodes = n;
	for (size_t i = 0; i < n; i++) {
		net->nodes[i].id = strdup(ids[i]);
		net->nodes[i].names[RG_LANG_EN] = strdup(ids[i]);
		net->nodes[i].actor = i;
	}
}

/* Appends edge (a, b, w); callers add them in (a, b) order. */
static void net_edge(rg_network *net, size_t a, size_t b, double w)
{
	net->edges = realloc(net->edges, (net->n_edges + 1) * sizeof *net->edges);
	net->edges[net->n_edges].a = a;
	net->edges[net->n_edges].b = b;
	net->edges[net->n_edges].weight = w;
	net->edges[net->n_edges].docs = 1;
	net->n_edges++;
}

static double val(const rg_metrics *m, rg_metric k, size_t i)
{
	return m->value[k][i];
}

static void test_names(void)
{
	int all = 1;

	for (int i = 0; i < RG_NMETRIC; i++)
		if (rg_metric_parse(rg_metric_name((rg_metric)i)) != i)
			all = 0;
	ok(all, "rg_metric_parse(rg_metric_name(m)) == m for every metric");
	is_str(rg_metric_name(RG_METRIC_BETWEENNESS), "betweenness", "name of betweenness");
	is_str(rg_metric_name(RG_METRIC_CLOSENESS), "closeness", "name of closeness");
	is_int(rg_metric_parse("pagerank"), RG_METRIC_PAGERANK, "parse pagerank");
	is_int(rg_metric_parse("coreness"), RG_METRIC_CORENESS, "parse coreness");
	is_int(rg_metric_parse("Degree"), -1, "parse is case-sensitive");
	is_int(rg_metric_parse("bogus"), -1, "parse unknown name");
	is_int(rg_metric_parse(NULL), -1, "parse NULL");
	ok(rg_metric_name(RG_NMETRIC) == NULL, "name out of range is NULL");
}

static void test_network_release(void)
{
	static const char *const ids[] = { "AZE", "IRN" };
	rg_network net;

	net_make(&net, ids, 2);
	net_edge(&net, 0, 1, 3);
	net.nodes[1].names[RG_LANG_FA] = strdup("x");
	net.n_docs = 7;
	strcpy(net.first_date, "2024-01-01");
	rg_network_release(&net);
	ok(net.nodes == NULL && net.edges == NULL, "release clears the arrays");
	ok(net.n_nodes == 0 && net.n_edges == 0 && net.n_docs == 0, "release zeroes counts");
	is_str(net.first_date, "", "release clears the dates");
	rg_network_release(&net);      /* twice is fine */
	rg_network_release(NULL);
	ok(1, "release is idempotent and NULL-safe");
}

/*
 * Triangle a-b-c plus a pendant d on c, unit weights (a=0, b=1, c=2, d=3).
 */
static void test_triangle_pendant(void)
{
	static const char *const ids[] = { "a", "b", "c", "d" };
	rg_network net;
	rg_metrics m;
	double sum = 0;

	net_make(&net, ids, 4);
	net_edge(&net, 0, 1, 1);
	net_edge(&net, 0, 2, 1);
	net_edge(&net, 1, 2, 1);
	net_edge(&net, 2, 3, 1);
	rg_metrics_init(&m);
	is_int(rg_metrics_compute(&net, &m), RG_OK, "triangle+pendant: compute");
	is_int(m.n, 4, "triangle+pendant: n");

	/* degree: a {b,c}, b {a,c}, c {a,b,d}, d {c} */
	is_num(val(&m, RG_METRIC_DEGREE, 0), 2, EPS, "degree a = 2");
	is_num(val(&m, RG_METRIC_DEGREE, 2), 3, EPS, "degree c = 3");
	is_num(val(&m, RG_METRIC_DEGREE, 3), 1, EPS, "degree d = 1");
	/* strength = degree with unit weights */
	is_num(val(&m, RG_METRIC_STRENGTH, 1), 2, EPS, "strength b = 2");
	is_num(val(&m, RG_METRIC_STRENGTH, 2), 3, EPS, "strength c = 3");

	/* betweenness: only {a,d} and {b,d} pass through an inner node, c */
	is_num(val(&m, RG_METRIC_BETWEENNESS, 0), 0, EPS, "betweenness a = 0");
	is_num(val(&m, RG_METRIC_BETWEENNESS, 1), 0, EPS, "betweenness b = 0");
	is_num(val(&m, RG_METRIC_BETWEENNESS, 2), 2, EPS, "betweenness c = 2");
	is_num(val(&m, RG_METRIC_BETWEENNESS, 3), 0, EPS, "betweenness d = 0");

	/*
	 * harmonic closeness: a: 1/1 (b) + 1/1 (c) + 1/2 (d) = 2.5; b alike;
	 * c: 1 + 1 + 1 = 3; d: 1/1 (c) + 1/2 (a) + 1/2 (b) = 2.
	 */
	is_num(val(&m, RG_METRIC_CLOSENESS, 0), 2.5, EPS, "closeness a = 2.5");
	is_num(val(&m, RG_METRIC_CLOSENESS, 1), 2.5, EPS, "closeness b = 2.5");
	is_num(val(&m, RG_METRIC_CLOSENESS, 2), 3, EPS, "closeness c = 3");
	is_num(val(&m, RG_METRIC_CLOSENESS, 3), 2, EPS, "closeness d = 2");

	/* coreness: the triangle is the 2-core, d only in the 1-core */
	is_num(val(&m, RG_METRIC_CORENESS, 0), 2, EPS, "coreness a = 2");
	is_num(val(&m, RG_METRIC_CORENESS, 2), 2, EPS, "coreness c = 2");
	is_num(val(&m, RG_METRIC_CORENESS, 3), 1, EPS, "coreness d = 1");

	/*
	 * clustering: a's two neighbours b, c are linked: 1.  c has 3
	 * neighbours, 3 pairs, 1 linked (a-b): 1/3.  Barrat with unit
	 * weights: 1/(s (k-1)) * sum over ordered pairs (j,h) of
	 * (w_cj + w_ch)/2 = 1/(3*2) * ((1+1)/2 + (1+1)/2) = 2/6 = 1/3, the same.
	 * d has degree 1: 0 (mode ZERO).
	 */
	is_num(val(&m, RG_METRIC_CLUSTERING, 0), 1, EPS, "clustering a = 1");
	is_num(val(&m, RG_METRIC_CLUSTERING, 2), 1.0 / 3, EPS, "clustering c = 1/3");
	is_num(val(&m, RG_METRIC_CLUSTERING, 3), 0, EPS, "clustering d = 0");

	/*
	 * pagerank, x = a = b, y = c, z = d, (1-0.85)/4 = 3/80:
	 *   x = 3/80 + 0.85 (x/2 + y/3)
	 *   y = 3/80 + 0.85 (x/2 + x/2 + z)
	 *   z = 3/80 + 0.85 y/3
	 * gives x = 770/3131, y = 4593/12524, z = 1771/12524 (sum 1).
	 */
	for (size_t i = 0; i < 4; i++)
		sum += val(&m, RG_METRIC_PAGERANK, i);
	is_num(sum, 1, EPS_ITER, "pagerank sums to 1");
	is_num(val(&m, RG_METRIC_PAGERANK, 0), 770.0 / 3131, EPS_ITER, "pagerank a");
	is_num(val(&m, RG_METRIC_PAGERANK, 2), 4593.0 / 12524, EPS_ITER, "pagerank c");
	is_num(val(&m, RG_METRIC_PAGERANK, 3), 1771.0 / 12524, EPS_ITER, "pagerank d");
	ok(val(&m, RG_METRIC_PAGERANK, 2) > val(&m, RG_METRIC_PAGERANK, 0),
	   "pagerank c is highest");

	/*
	 * eigenvector, c = 1, a = b = x, d = z:  L x = x + 1, L = 2x + z,
	 * L z = 1, so L^3 - L^2 - 3L + 1 = 0, L = 2.1700865 (bisection),
	 * x = 1/(L-1) = 0.8546377, z = 1/L = 0.4608111.
	 */
	is_num(val(&m, RG_METRIC_EIGENVECTOR, 2), 1, EPS_ITER, "eigenvector c = 1");
	is_num(val(&m, RG_METRIC_EIGENVECTOR, 0), 0.8546377, 1e-5, "eigenvector a");
	is_num(val(&m, RG_METRIC_EIGENVECTOR, 3), 0.4608111, 1e-5, "eigenvector d");

	rg_metrics_release(&m);
	rg_network_release(&net);
}

/*
 * Star: hub (index 0) and leaves with ids out of index order, so that
 * the id tie-break of rg_metrics_order is visible.
 */
static void test_star(void)
{
	static const char *const ids[] = { "hub", "l3", "l1", "l4", "l2" };
	rg_network net;
	rg_metrics m;
	size_t order[5];

	net_make(&net, ids, 5);
	for (size_t i = 1; i < 5; i++)
		net_edge(&net, 0, i, 1);
	rg_metrics_init(&m);
	is_int(rg_metrics_compute(&net, &m), RG_OK, "star: compute");
	/* every pair of the 4 leaves goes through the hub: C(4,2) = 6 */
	is_num(val(&m, RG_METRIC_BETWEENNESS, 0), 6, EPS, "star: betweenness hub = 6");
	is_num(val(&m, RG_METRIC_BETWEENNESS, 3), 0, EPS, "star: betweenness leaf = 0");
	/* adjacency eigenvalue sqrt(4) = 2: hub 1, leaves 1/2 */
	is_num(val(&m, RG_METRIC_EIGENVECTOR, 0), 1, EPS_ITER, "star: eigenvector hub = 1");
	is_num(val(&m, RG_METRIC_EIGENVECTOR, 1), 0.5, EPS_ITER, "star: eigenvector leaf = 0.5");
	is_num(val(&m, RG_METRIC_EIGENVECTOR, 4), 0.5, EPS_ITER, "star: eigenvector leaf 2");
	/* harmonic: hub 4 * 1 = 4; leaf 1 (hub) + 3 * 1/2 = 2.5 */
	is_num(val(&m, RG_METRIC_CLOSENESS, 0), 4, EPS, "star: closeness hub = 4");
	is_num(val(&m, RG_METRIC_CLOSENESS, 2), 2.5, EPS, "star: closeness leaf = 2.5");
	/* no triangles anywhere */
	is_num(val(&m, RG_METRIC_CLUSTERING, 0), 0, EPS, "star: clustering hub = 0");
	is_num(val(&m, RG_METRIC_CORENESS, 0), 1, EPS, "star: coreness hub = 1");
	/*
	 * pagerank, hub y, leaves x, (1-0.85)/5 = 0.03:
	 * y = 0.03 + 0.85 * 4x, x = 0.03 + 0.85 y/4 -> y = 0.132/0.2775 = 88/185,
	 * x = 0.03 + 0.2125 * 88/185 = 0.1310811.
	 */
	is_num(val(&m, RG_METRIC_PAGERANK, 0), 88.0 / 185, EPS_ITER, "star: pagerank hub");
	is_num(val(&m, RG_METRIC_PAGERANK, 1), 0.1310811, 1e-6, "star: pagerank leaf");

	/* degree: hub 4, leaves tie at 1 (and on strength), so by id l1 < l2 < l3 < l4 */
	is_int(rg_metrics_order(&net, &m, RG_METRIC_DEGREE, order), RG_OK, "star: order");
	is_int(order[0], 0, "star: order 1st hub");
	is_int(order[1], 2, "star: order 2nd l1");
	is_int(order[2], 4, "star: order 3rd l2");
	is_int(order[3], 1, "star: order 4th l3");
	is_int(order[4], 3, "star: order 5th l4");
	is_int(rg_metrics_order(&net, &m, RG_NMETRIC, order), RG_EINPUT, "order: bad metric");

	rg_metrics_release(&m);
	rg_network_release(&net);
}

/*
 * Two 4-cliques, indices 0-3 (ids x1..x4) and 4-7 (ids b1..b4), joined by
 * the bridge x4-b1 (3-4).
 */
static void test_two_cliques(void)
{
	static const char *const ids[] = { "x1", "x2", "x3", "x4", "b1", "b2", "b3", "b4" };
	rg_network net;
	rg_metrics m;
	size_t order[8];
	int same = 1;

	net_make(&net, ids, 8);
	for (size_t i = 0; i < 4; i++)
		for (size_t j = i + 1; j < 4; j++)
			net_edge(&net, i, j, 1);
	net_edge(&net, 3, 4, 1);
	for (size_t i = 4; i < 8; i++)
		for (size_t j = i + 1; j < 8; j++)
			net_edge(&net, i, j, 1);
	rg_metrics_init(&m);
	is_int(rg_metrics_compute(&net, &m), RG_OK, "two cliques: compute");
	/*
	 * x4 is inner on the (unique) shortest paths of {x1,x2,x3} x {b1..b4}:
	 * 3 * 4 = 12 pairs; b1 on {x1..x4} x {b2,b3,b4}: 4 * 3 = 12.  Pairs in
	 * one clique are adjacent, so every other node has 0.
	 */
	is_num(val(&m, RG_METRIC_BETWEENNESS, 3), 12, EPS, "two cliques: betweenness x4 = 12");
	is_num(val(&m, RG_METRIC_BETWEENNESS, 4), 12, EPS, "two cliques: betweenness b1 = 12");
	is_num(val(&m, RG_METRIC_BETWEENNESS, 0), 0, EPS, "two cliques: betweenness x1 = 0");
	is_int(rg_metrics_order(&net, &m, RG_METRIC_BETWEENNESS, order), RG_OK,
	       "two cliques: order");
	/* x4 and b1 tie on betweenness (12) and strength (4): id b1 < x4 */
	is_int(order[0], 4, "two cliques: top betweenness b1");
	is_int(order[1], 3, "two cliques: second x4");

	is_int(m.n_communities, 2, "two cliques: 2 communities");
	for (size_t i = 1; i < 4; i++)
		same &= m.community[i] == m.community[0] && m.community[4 + i] == m.community[4];
	ok(same && m.community[0] != m.community[4], "two cliques: the cliques are the communities");
	/* equal sizes: the community holding the lowest id ("b1") is 0 */
	is_int(m.community[4], 0, "two cliques: b-clique is community 0");
	is_int(m.community[0], 1, "two cliques: x-clique is community 1");
	/*
	 * m = 13 edges; each clique: 6 inner edges, degree sum 3*3 + 4 = 13:
	 * Q = 2 * (6/13 - (13/26)^2) = 12/13 - 1/2 = 11/26.
	 */
	is_num(m.modularity, 11.0 / 26, EPS, "two cliques: modularity 11/26");

	rg_metrics_release(&m);
	rg_network_release(&net);
}

/* K4 (ids w,x,y,z at 0-3) and a triangle (ids a,b,c at 4-6), bridge z-a. */
static void test_community_sizes(void)
{
	static const char *const ids[] = { "w", "x", "y", "z", "a", "b", "c" };
	rg_network net;
	rg_metrics m;

	net_make(&net, ids, 7);
	for (size_t i = 0; i < 4; i++)
		for (size_t j = i + 1; j < 4; j++)
			net_edge(&net, i, j, 1);
	net_edge(&net, 3, 4, 1);
	net_edge(&net, 4, 5, 1);
	net_edge(&net, 4, 6, 1);
	net_edge(&net, 5, 6, 1);
	rg_metrics_init(&m);
	is_int(rg_metrics_compute(&net, &m), RG_OK, "K4+K3: compute");
	is_int(m.n_communities, 2, "K4+K3: 2 communities");
	/* the larger community is 0 although the triangle has the lower ids */
	is_int(m.community[0], 0, "K4+K3: K4 is community 0");
	is_int(m.community[3], 0, "K4+K3: z in community 0");
	is_int(m.community[4], 1, "K4+K3: triangle is community 1");
	is_int(m.community[6], 1, "K4+K3: c in community 1");
	/*
	 * m = 10; K4: 6 inner, degree sum 12 + 1 = 13; K3: 3 inner, 6 + 1 = 7:
	 * Q = 6/10 - (13/20)^2 + 3/10 - (7/20)^2 = 0.9 - 0.4225 - 0.1225 = 0.355.
	 */
	is_num(m.modularity, 0.355, EPS, "K4+K3: modularity 0.355");

	rg_metrics_release(&m);
	rg_network_release(&net);
}

/*
 * Weighted triangle m-k w1, m-z w4, k-z w4 (m=0, k=1, z=2): the direct
 * m-k tie has distance 1/1 = 1, the route via z 1/4 + 1/4 = 0.5.
 */
static void test_weighted(void)
{
	static const char *const ids[] = { "m", "k", "z" };
	rg_network net;
	rg_metrics m;
	size_t order[3];

	net_make(&net, ids, 3);
	net_edge(&net, 0, 1, 1);
	net_edge(&net, 0, 2, 4);
	net_edge(&net, 1, 2, 4);
	rg_metrics_init(&m);
	/* compute twice into the same struct: the first result is released */
	is_int(rg_metrics_compute(&net, &m), RG_OK, "weighted: compute");
	is_int(rg_metrics_compute(&net, &m), RG_OK, "weighted: compute again");
	is_num(val(&m, RG_METRIC_BETWEENNESS, 2), 1, EPS, "weighted: z carries m-k, betweenness 1");
	is_num(val(&m, RG_METRIC_BETWEENNESS, 0), 0, EPS, "weighted: betweenness m = 0");
	is_num(val(&m, RG_METRIC_BETWEENNESS, 1), 0, EPS, "weighted: betweenness k = 0");
	is_num(val(&m, RG_METRIC_STRENGTH, 0), 5, EPS, "weighted: strength m = 1 + 4");
	is_num(val(&m, RG_METRIC_STRENGTH, 2), 8, EPS, "weighted: strength z = 4 + 4");
	is_num(val(&m, RG_METRIC_DEGREE, 2), 2, EPS, "weighted: degree z = 2");
	/* harmonic: m: 1/0.5 (k via z) + 1/0.25 (z) = 6; z: 4 + 4 = 8 */
	is_num(val(&m, RG_METRIC_CLOSENESS, 0), 6, EPS, "weighted: closeness m = 6");
	is_num(val(&m, RG_METRIC_CLOSENESS, 2), 8, EPS, "weighted: closeness z = 8");
	/*
	 * Barrat, m: 1/(5 * 1) * ((1+4)/2 + (4+1)/2) = 1: any node of degree 2
	 * inside a triangle has 1.
	 */
	is_num(val(&m, RG_METRIC_CLUSTERING, 0), 1, EPS, "weighted: clustering m = 1");
	is_num(val(&m, RG_METRIC_CLUSTERING, 2), 1, EPS, "weighted: clustering z = 1");
	/*
	 * pagerank, x = m = k, y = z, (1-0.85)/3 = 0.05, a walker at m goes to
	 * k w.p. 1/5 and to z 4/5; at z to each side 4/8:
	 *   x = 0.05 + 0.85 (x/5 + y/2), y = 0.05 + 0.85 * 2 * 4x/5 = 0.05 + 1.36x
	 * -> 0.252 x = 0.07125, x = 95/336, y = 0.05 + 1.36 * 95/336 = 0.4345238.
	 */
	is_num(val(&m, RG_METRIC_PAGERANK, 0), 95.0 / 336, EPS_ITER, "weighted: pagerank m");
	is_num(val(&m, RG_METRIC_PAGERANK, 2), 0.4345238, 1e-6, "weighted: pagerank z");
	/*
	 * eigenvector, z = 1, m = k = x: L x = x + 4, L = 8x, so
	 * L^2 - L - 32 = 0, L = (1 + sqrt(129))/2 = 6.1789083, x = L/8 = 0.7723635.
	 */
	is_num(val(&m, RG_METRIC_EIGENVECTOR, 2), 1, EPS_ITER, "weighted: eigenvector z = 1");
	is_num(val(&m, RG_METRIC_EIGENVECTOR, 0), 0.7723635, 1e-5, "weighted: eigenvector m");

	/* all degree 2: strength puts z (8) first, then m, k (5 each) by id */
	is_int(rg_metrics_order(&net, &m, RG_METRIC_DEGREE, order), RG_OK, "weighted: order");
	is_int(order[0], 2, "weighted: order by degree, strength tie-break: z");
	is_int(order[1], 1, "weighted: then id tie-break: k");
	is_int(order[2], 0, "weighted: then m");

	rg_metrics_release(&m);
	rg_network_release(&net);
}

static void test_empty_and_edgeless(void)
{
	static const char *const ids[] = { "c", "a", "b" };
	rg_network net;
	rg_metrics m;
	size_t order[3];
	int zero = 1;

	rg_network_init(&net);
	rg_metrics_init(&m);
	is_int(rg_metrics_compute(&net, &m), RG_OK, "empty: compute");
	ok(m.n == 0 && m.community == NULL && m.n_communities == 0, "empty: empty metrics");
	is_int(rg_metrics_order(&net, &m, RG_METRIC_DEGREE, NULL), RG_OK, "empty: order");
	rg_metrics_release(&m);

	/* three isolated nodes */
	net_make(&net, ids, 3);
	is_int(rg_metrics_compute(&net, &m), RG_OK, "edgeless: compute");
	for (int k = 0; k < RG_NMETRIC; k++)
		for (size_t i = 0; i < 3; i++)
			if (k != RG_METRIC_PAGERANK && val(&m, (rg_metric)k, i) != 0)
				zero = 0;
	ok(zero, "edgeless: every metric but pagerank is 0 (eigenvector too)");
	is_num(val(&m, RG_METRIC_PAGERANK, 1), 1.0 / 3, EPS_ITER, "edgeless: pagerank 1/3");
	is_int(m.n_communities, 3, "edgeless: singleton communities");
	/* all of size 1, numbered by id: a (1) -> 0, b (2) -> 1, c (0) -> 2 */
	is_int(m.community[1], 0, "edgeless: a is community 0");
	is_int(m.community[2], 1, "edgeless: b is community 1");
	is_int(m.community[0], 2, "edgeless: c is community 2");
	is_num(m.modularity, 0, EPS, "edgeless: modularity 0");
	is_int(rg_metrics_order(&net, &m, RG_METRIC_DEGREE, order), RG_OK, "edgeless: order");
	ok(order[0] == 1 && order[1] == 2 && order[2] == 0, "edgeless: order by id a, b, c");
	rg_metrics_release(&m);
	rg_network_release(&net);
}

/* A triangle a, b, c plus an isolated d: Leiden keeps d alone. */
static void test_isolated(void)
{
	static const char *const ids[] = { "a", "b", "c", "d" };
	rg_network net;
	rg_metrics m;

	net_make(&net, ids, 4);
	net_edge(&net, 0, 1, 2);
	net_edge(&net, 0, 2, 2);
	net_edge(&net, 1, 2, 2);
	rg_metrics_init(&m);
	is_int(rg_metrics_compute(&net, &m), RG_OK, "isolated: compute");
	is_int(m.n_communities, 2, "isolated: 2 communities");
	ok(m.community[0] == 0 && m.community[1] == 0 && m.community[2] == 0,
	   "isolated: triangle is community 0");
	is_int(m.community[3], 1, "isolated: d alone in community 1");
	/* one community holds every edge: Q = 1 - (12/12)^2 = 0 */
	is_num(m.modularity, 0, EPS, "isolated: modularity 0");
	is_num(val(&m, RG_METRIC_EIGENVECTOR, 3), 0, EPS_ITER, "isolated: eigenvector d = 0");
	is_num(val(&m, RG_METRIC_CLOSENESS, 3), 0, EPS, "isolated: closeness d = 0");
	/* triangle 2-hop distances are 1/2 each: 2 + 2 = 4 */
	is_num(val(&m, RG_METRIC_CLOSENESS, 0), 4, EPS, "isolated: closeness a = 4");
	rg_metrics_release(&m);
	rg_network_release(&net);
}

static void test_bad_input(void)
{
	static const char *const ids[] = { "a", "b", "c" };
	rg_network net;
	rg_metrics m;

	rg_metrics_init(&m);
	net_make(&net, ids, 3);
	net_edge(&net, 0, 1, 1);
	is_int(rg_metrics_compute(&net, &m), RG_OK, "bad input: a good network first");
	net.edges[0].weight = 0;
	is_int(rg_metrics_compute(&net, &m), RG_EINPUT, "bad input: weight 0");
	ok(m.n == 0 && m.value[RG_METRIC_DEGREE] == NULL, "bad input: out left empty");
	net.edges[0].weight = 1;
	net.edges[0].a = 1;
	net.edges[0].b = 0;
	is_int(rg_metrics_compute(&net, &m), RG_EINPUT, "bad input: a > b");
	net.edges[0].a = 0;
	net.edges[0].b = 3;
	is_int(rg_metrics_compute(&net, &m), RG_EINPUT, "bad input: b out of range");
	net.edges[0].b = 1;
	net_edge(&net, 0, 1, 2);
	is_int(rg_metrics_compute(&net, &m), RG_EINPUT, "bad input: the same pair twice");
	is_int(rg_metrics_compute(NULL, &m), RG_EINPUT, "bad input: NULL network");
	is_int(rg_metrics_compute(&net, NULL), RG_EINPUT, "bad input: NULL out");
	rg_metrics_release(&m);
	rg_metrics_release(NULL);
	rg_network_release(&net);
}

int main(void)
{
	test_names();
	test_network_release();
	test_triangle_pendant();
	test_star();
	test_two_cliques();
	test_community_sizes();
	test_weighted();
	test_empty_and_edgeless();
	test_isolated();
	test_bad_input();
	return tap_done();
}
