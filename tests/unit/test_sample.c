/*
 * test_sample.c - unit tests of the sampled betweenness and closeness of
 * graph.c (rg_metrics_compute_sampled): exact when every node is a
 * source, calibrated when sampling, and chosen by size.  Expected values
 * are worked out by hand in the comments.
 */
#include <stdlib.h>
#include <string.h>

#include "relgraph.h"
#include "tap.h"

#define EPS 1e-9

static void net_make(rg_network *net, size_t n)
{
	rg_network_init(net);
	net->nodes = calloc(n, sizeof *net->nodes);
	net->n_nodes = n;
	for (size_t i = 0; i < n; i++) {
		char id[8];
		snprintf(id, sizeof id, "N%zu", i);
		net->nodes[i].id = strdup(id);
		net->nodes[i].actor = i;
	}
}

static void net_edge(rg_network *net, size_t a, size_t b, double w)
{
	net->edges = realloc(net->edges, (net->n_edges + 1) * sizeof *net->edges);
	memset(&net->edges[net->n_edges], 0, sizeof *net->edges);
	net->edges[net->n_edges].a = a;
	net->edges[net->n_edges].b = b;
	net->edges[net->n_edges].weight = w;
	net->edges[net->n_edges].docs = 1;
	net->n_edges++;
}

/*
 * Path 0-1-2-3-4, unit weights.  Betweenness: node 1 lies on {0,2} {0,3}
 * {0,4} = 3; node 2 on {0,3} {0,4} {1,3} {1,4} = 4; node 3 = 3; ends 0.
 * Harmonic closeness: node 0 = 1 + 1/2 + 1/3 + 1/4 = 25/12; node 2 =
 * 1 + 1 + 1/2 + 1/2 = 3.
 */
static void test_exact_when_all_sources(void)
{
	rg_network net;
	rg_metrics m;
	net_make(&net, 5);
	for (size_t i = 0; i + 1 < 5; i++)
		net_edge(&net, i, i + 1, 1);
	rg_metrics_init(&m);
	is_int(rg_metrics_compute_sampled(&net, &m, 5), RG_OK, "path: 5 sources of 5");
	is_int(m.sampled_sources, 0, "path: every node a source is exact");
	is_num(m.value[RG_METRIC_BETWEENNESS][1], 3, EPS, "path: betweenness of node 1");
	is_num(m.value[RG_METRIC_BETWEENNESS][2], 4, EPS, "path: betweenness of node 2");
	is_num(m.value[RG_METRIC_BETWEENNESS][0], 0, EPS, "path: betweenness of an end");
	is_num(m.value[RG_METRIC_CLOSENESS][0], 25.0 / 12, EPS, "path: closeness of node 0");
	is_num(m.value[RG_METRIC_CLOSENESS][2], 3, EPS, "path: closeness of node 2");
	is_int(rg_metrics_compute(&net, &m), RG_OK, "path: automatic choice");
	is_int(m.sampled_sources, 0, "path: a small graph is computed exactly");
	rg_metrics_release(&m);
	rg_network_release(&net);
}

/*
 * Cycle of 6, unit weights: every node has betweenness 2 (the pair of its
 * two neighbours, 1, plus half of each of the two opposite pairs whose two
 * shortest paths it lies on once: 1/2 + 1/2), 12 in all.  Every source's
 * shortest-path tree has the same total dependency by symmetry, so the
 * estimate scaled by n / k sums to exactly 12 for any sample.  Harmonic
 * closeness of every node is 1 + 1 + 1/2 + 1/2 + 1/3 = 10/3; a sampled
 * estimate is (n - 1) times the mean of 1/d over the sources, so it lies
 * between 5 * 1/3 and 5 * 1.
 */
static void test_sampled_calibration(void)
{
	rg_network net;
	rg_metrics m;
	net_make(&net, 6);
	for (size_t i = 0; i + 1 < 6; i++)
		net_edge(&net, i, i + 1, 1);
	net_edge(&net, 0, 5, 1);
	rg_metrics_init(&m);
	for (size_t k = 1; k <= 3; k++) {
		char name[80];
		is_int(rg_metrics_compute_sampled(&net, &m, k), RG_OK, "cycle: sampled run");
		snprintf(name, sizeof name, "cycle: %zu sources reported", k);
		is_int(m.sampled_sources, (long)k, name);
		double sum = 0, lo = 1e9, hi = 0;
		for (size_t i = 0; i < 6; i++) {
			sum += m.value[RG_METRIC_BETWEENNESS][i];
			double c = m.value[RG_METRIC_CLOSENESS][i];
			lo = c < lo ? c : lo;
			hi = c > hi ? c : hi;
		}
		snprintf(name, sizeof name, "cycle: %zu sources, betweenness sums to 12", k);
		is_num(sum, 12, EPS, name);
		snprintf(name, sizeof name, "cycle: %zu sources, closeness in [5/3, 5]", k);
		ok(lo >= 5.0 / 3 - EPS && hi <= 5 + EPS, name);
		/* a source's own closeness comes from its whole row: exact */
		snprintf(name, sizeof name, "cycle: %zu sources, some node exactly 10/3", k);
		int exact = 0;
		for (size_t i = 0; i < 6; i++)
			exact |= fabs(m.value[RG_METRIC_CLOSENESS][i] - 10.0 / 3) < EPS;
		ok(exact, name);
	}
	/* the same sample every run */
	rg_metrics m2;
	rg_metrics_init(&m2);
	rg_metrics_compute_sampled(&net, &m, 2);
	rg_metrics_compute_sampled(&net, &m2, 2);
	ok(memcmp(m.value[RG_METRIC_BETWEENNESS], m2.value[RG_METRIC_BETWEENNESS],
		  6 * sizeof(double)) == 0, "cycle: sampling is reproducible");
	rg_metrics_release(&m2);
	rg_metrics_release(&m);
	rg_network_release(&net);
}

/*
 * A star of 2,000 leaves has 2,001 nodes and 2,000 edges: 4.0e6 <= the
 * exact budget, so exact.  The hub lies on every pair of leaves:
 * 2000 * 1999 / 2 = 1,999,000.  Sampled with 100 sources (explicitly; the
 * automatic choice needs nodes x edges > 5e7, too slow for a unit test),
 * leaf-leaf paths still all cross the hub: each leaf source reaches the
 * 1999 other leaves through it and the hub source none, so the estimate
 * is 2001 / 100 * 1999 * (leaf sources) / 2 (undirected pairs counted once).
 */
static void test_star(void)
{
	rg_network net;
	rg_metrics m;
	net_make(&net, 2001);
	for (size_t i = 1; i < 2001; i++)
		net_edge(&net, 0, i, 1);
	rg_metrics_init(&m);
	is_int(rg_metrics_compute(&net, &m), RG_OK, "star: computed");
	is_int(m.sampled_sources, 0, "star: exact below the budget");
	is_num(m.value[RG_METRIC_BETWEENNESS][0], 1999000, 1e-6, "star: hub betweenness");
	is_num(m.value[RG_METRIC_CLOSENESS][0], 2000, 1e-6, "star: hub closeness");
	is_int(rg_metrics_compute_sampled(&net, &m, 100), RG_OK, "star: 100 sources");
	/* 100 leaf sources, or 99 if the hub itself was drawn */
	double got = m.value[RG_METRIC_BETWEENNESS][0];
	ok(fabs(got - 2001.0 / 100 * 1999 * 100 / 2) < 1e-6 ||
	   fabs(got - 2001.0 / 100 * 1999 * 99 / 2) < 1e-6, "star: hub estimate from 100 sources");
	rg_metrics_release(&m);
	rg_network_release(&net);
}

int main(void)
{
	test_exact_when_all_sources();
	test_sampled_calibration();
	test_star();
	return tap_done();
}
