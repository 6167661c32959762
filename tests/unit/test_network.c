/*
 * test_network.c - the analysis-stage transforms against values worked out
 * by hand: weight schemes, type/ego/top/min-weight filters, the disparity
 * filter's kept edges, and exports (edge tables: test_edgeset.c).
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "relgraph.h"
#include "tap.h"

/* A network of nodes "A", "B", ... (sorted ids) with the given edges. */
static void build(rg_network *net, size_t n, const long *windows, size_t ne,
		  const size_t (*ends)[2], const double *w)
{
	rg_network_init(net);
	net->nodes = calloc(n, sizeof *net->nodes);
	net->edges = calloc(ne ? ne : 1, sizeof *net->edges);
	net->n_nodes = n;
	net->n_edges = ne;
	for (size_t i = 0; i < n; i++) {
		char id[2] = { (char)('A' + i), 0 };
		net->nodes[i].id = strdup(id);
		net->nodes[i].names[RG_LANG_EN] = strdup(id);
		net->nodes[i].type = RG_TYPE_COUNTRY;
		net->nodes[i].windows = windows ? windows[i] : 0;
		net->nodes[i].mentions = windows ? windows[i] : 1;
		net->nodes[i].docs = 1;
		net->nodes[i].actor = RG_NO_ACTOR;
	}
	for (size_t i = 0; i < ne; i++) {
		net->edges[i].a = ends[i][0];
		net->edges[i].b = ends[i][1];
		net->edges[i].weight = w[i];
		net->edges[i].windows = (long)w[i];
		net->edges[i].docs = 1;
	}
}

/* The weight of edge (a, b), or -1 when it is gone. */
static double weight_of(const rg_network *net, const char *a, const char *b)
{
	for (size_t i = 0; i < net->n_edges; i++)
		if (!strcmp(net->nodes[net->edges[i].a].id, a) &&
		    !strcmp(net->nodes[net->edges[i].b].id, b))
			return net->edges[i].weight;
	return -1;
}

static void test_weights(void)
{
	/* W = 10 windows; A in 4, B in 5, C in 2; A-B in 2 (2 documents), A-C in 1 */
	static const long win[] = { 4, 5, 2 };
	static const size_t ends[][2] = { { 0, 1 }, { 0, 2 } };
	static const double w[] = { 2, 1 };
	rg_network net, copy;

	build(&net, 3, win, 2, ends, w);
	net.n_windows = 10;
	net.edges[0].docs = 2;
	rg_network_init(&copy);

	ok(rg_network_copy(&net, &copy) == RG_OK, "copy");
	ok(rg_network_weight(&copy, RG_WEIGHT_ASSOC) == RG_OK, "assoc");
	is_num(weight_of(&copy, "A", "B"), 2.0 * 10 / (4 * 5), 1e-12, "assoc A-B = 2*10/(4*5) = 1");
	is_num(weight_of(&copy, "A", "C"), 1.0 * 10 / (4 * 2), 1e-12, "assoc A-C = 10/8 = 1.25");
	is_int(copy.edges[0].windows, 2, "assoc keeps the raw window count");

	ok(rg_network_copy(&net, &copy) == RG_OK && rg_network_weight(&copy, RG_WEIGHT_PMI) == RG_OK,
	   "pmi");
	is_int(copy.n_edges, 1, "pmi drops A-B (log 1 = 0: no more than chance)");
	is_num(weight_of(&copy, "A", "C"), 0.22314355131420976, 1e-12, "pmi A-C = ln 1.25");

	ok(rg_network_copy(&net, &copy) == RG_OK &&
	   rg_network_weight(&copy, RG_WEIGHT_JACCARD) == RG_OK, "jaccard");
	is_num(weight_of(&copy, "A", "B"), 2.0 / 7, 1e-12, "jaccard A-B = 2/(4+5-2)");
	is_num(weight_of(&copy, "A", "C"), 0.2, 1e-12, "jaccard A-C = 1/(4+2-1)");

	ok(rg_network_copy(&net, &copy) == RG_OK && rg_network_weight(&copy, RG_WEIGHT_DOCS) == RG_OK,
	   "docs");
	is_num(weight_of(&copy, "A", "B"), 2, 0, "docs A-B = 2");
	ok(rg_network_weight(&copy, RG_WEIGHT_COUNT) == RG_OK, "back to count");
	is_num(weight_of(&copy, "A", "B"), 2, 0, "count recomputed from the raw windows");

	net.n_windows = 0;
	ok(rg_network_weight(&net, RG_WEIGHT_ASSOC) == RG_EINPUT, "assoc without window counts is an error");
	ok(rg_network_weight(&net, (rg_weight_scheme)99) == RG_EINPUT, "unknown scheme");
	is_str(rg_weight_name(RG_WEIGHT_JACCARD), "jaccard", "scheme name");
	is_int(rg_weight_parse("pmi"), RG_WEIGHT_PMI, "parse pmi");
	is_int(rg_weight_parse("nope"), -1, "parse unknown");
	rg_network_release(&net);
	rg_network_release(&copy);
}

static void test_backbone(void)
{
	/*
	 * A-B 10, A-C 1, A-D 1, B-C 1, D-E 3.  k: A 3, B 2, C 2, D 2, E 1;
	 * s: A 12, B 11, C 2, D 4, E 3.  alpha_ij = (1 - w/s_i)^(k_i - 1):
	 *   A-B: from A (2/12)^2 = 0.0278, from B 1/11 = 0.0909
	 *   A-C: from A (11/12)^2 = 0.840, from C 1/2 = 0.5
	 *   A-D: from A 0.840, from D 3/4 = 0.75
	 *   B-C: from B 10/11 = 0.909, from C 0.5
	 *   D-E: E has degree 1, always kept
	 */
	static const size_t ends[][2] = { { 0, 1 }, { 0, 2 }, { 0, 3 }, { 1, 2 }, { 3, 4 } };
	static const double w[] = { 10, 1, 1, 1, 3 };
	rg_network net;

	build(&net, 5, NULL, 5, ends, w);
	ok(rg_network_backbone(&net, 0.05) == RG_OK, "backbone 0.05");
	is_int(net.n_edges, 2, "alpha 0.05 keeps two ties");
	ok(weight_of(&net, "A", "B") == 10 && weight_of(&net, "D", "E") == 3,
	   "alpha 0.05 keeps A-B (0.028) and the pendant D-E");
	is_int(net.n_nodes, 5, "nodes stay");
	rg_network_release(&net);

	build(&net, 5, NULL, 5, ends, w);
	ok(rg_network_backbone(&net, 0.6) == RG_OK, "backbone 0.6");
	is_int(net.n_edges, 4, "alpha 0.6 keeps four ties");
	ok(weight_of(&net, "A", "C") == 1 && weight_of(&net, "B", "C") == 1,
	   "alpha 0.6 keeps A-C and B-C (0.5 from C)");
	ok(weight_of(&net, "A", "D") < 0, "alpha 0.6 drops A-D (0.84 and 0.75)");
	ok(rg_network_backbone(&net, 0) == RG_EINPUT && rg_network_backbone(&net, 1.5) == RG_EINPUT,
	   "alpha outside (0, 1] is an error");
	rg_network_release(&net);
}

static void test_filters(void)
{
	/* a path A-B-C-D and E alone; B is a person */
	static const size_t ends[][2] = { { 0, 1 }, { 1, 2 }, { 2, 3 } };
	static const double w[] = { 1, 3, 2 };
	rg_network net;
	rg_metrics m;

	build(&net, 5, NULL, 3, ends, w);
	ok(rg_network_ego(&net, "B", 1) == RG_OK, "ego B depth 1");
	is_int(net.n_nodes, 3, "ego B depth 1: A, B, C");
	is_str(net.nodes[2].id, "C", "nodes keep their order");
	is_int(net.n_edges, 2, "ego B depth 1: A-B, B-C");
	ok(net.edges[1].a == 1 && net.edges[1].b == 2, "edges renumbered");
	rg_network_release(&net);

	build(&net, 5, NULL, 3, ends, w);
	ok(rg_network_ego(&net, "B", 2) == RG_OK && net.n_nodes == 4 && net.n_edges == 3,
	   "ego B depth 2: A, B, C, D with the three ties");
	ok(rg_network_ego(&net, "Z", 1) == RG_EINPUT, "ego of an unknown id");
	rg_network_release(&net);

	build(&net, 5, NULL, 3, ends, w);
	net.nodes[1].type = RG_TYPE_PERSON;
	ok(rg_network_keep_types(&net, 1u << RG_TYPE_COUNTRY) == RG_OK, "keep countries");
	ok(net.n_nodes == 4 && net.n_edges == 1 && weight_of(&net, "C", "D") == 2,
	   "dropping the person B leaves C-D only");
	rg_network_release(&net);

	build(&net, 5, NULL, 3, ends, w);
	ok(rg_network_min_weight(&net, 2) == RG_OK && net.n_edges == 2 && weight_of(&net, "A", "B") < 0,
	   "min weight 2 drops A-B");
	rg_network_release(&net);

	/* top 2 by strength, computed on the whole graph: B (4) and C (5) */
	build(&net, 5, NULL, 3, ends, w);
	rg_metrics_init(&m);
	ok(rg_metrics_compute(&net, &m) == RG_OK, "metrics");
	ok(rg_network_top(&net, &m, RG_METRIC_STRENGTH, 2) == RG_OK, "top 2");
	ok(net.n_nodes == 2 && !strcmp(net.nodes[0].id, "B") && !strcmp(net.nodes[1].id, "C"),
	   "top 2 by strength: B and C");
	is_num(m.value[RG_METRIC_STRENGTH][1], 5, 0, "metrics compacted with the nodes (C = 5)");
	is_num(m.value[RG_METRIC_DEGREE][0], 2, 0, "degree of B from the whole graph");
	is_int(m.n, 2, "metrics size");
	is_int(net.n_edges, 1, "the tie between the two kept");
	rg_metrics_release(&m);
	rg_network_release(&net);
}

static void test_export(void)
{
	static const size_t ends[][2] = { { 0, 1 }, { 1, 2 } };
	static const double w[] = { 1, 2 };
	rg_network net;
	char err[256], path[64];

	build(&net, 3, NULL, 2, ends, w);
	snprintf(path, sizeof path, "/tmp/rg_test_export_%d.json", (int)getpid());
	ok(rg_export(&net, NULL, path, err, sizeof err) == RG_OK, "json without metrics");
	ok(access(path, R_OK) == 0, "file written");
	unlink(path);
	snprintf(path, sizeof path, "/tmp/rg_test_export_%d.graphml", (int)getpid());
	ok(rg_export(&net, NULL, path, err, sizeof err) == RG_OK, "graphml");
	unlink(path);
	ok(rg_export(&net, NULL, "/tmp/x.unknown", err, sizeof err) == RG_EINPUT, "unknown extension");
	ok(strstr(err, "unknown format") != NULL, "the message says why");
	ok(rg_export(&net, NULL, "/nonexistent/dir/g.json", err, sizeof err) == RG_EIO, "unwritable");
	rg_network_release(&net);
}

int main(void)
{
	test_weights();
	test_backbone();
	test_filters();
	test_export();
	return tap_done();
}
