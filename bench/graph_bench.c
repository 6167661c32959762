/*
 * graph_bench.c - times the graph stage on a synthetic network built
 * directly with the library (no corpus): rg_metrics_compute on N actors and
 * E edges (preferential attachment, so there are hubs, fixed seed), and
 * rg_render with sfdp on a second network of RN actors and RE edges (a
 * diagram-sized graph).  Part of `make bench`.
 *
 * usage: graph_bench NODES EDGES [RNODES REDGES OUT.svg]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "relgraph.h"

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* xorshift64*: a fixed sequence, the same on every machine. */
static uint64_t rng_state = 0x9E3779B97F4A7C15ull;
static uint64_t rng(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * 0x2545F4914F6CDD1Dull;
}

static int cmp_edge(const void *x, const void *y)
{
	const rg_edge *a = x, *b = y;
	if (a->a != b->a)
		return a->a < b->a ? -1 : 1;
	return a->b < b->b ? -1 : a->b > b->b;
}

/*
 * n nodes; about e distinct edges: each edge joins a uniform node with one
 * drawn from the ends of earlier edges (preferential attachment).
 */
static int build(rg_network *net, size_t n, size_t e)
{
	size_t *ends = malloc(2 * e * sizeof *ends);
	net->nodes = calloc(n, sizeof *net->nodes);
	net->edges = malloc(e * sizeof *net->edges);
	if (!ends || !net->nodes || !net->edges) {
		free(ends);
		return -1;
	}
	net->n_nodes = n;
	for (size_t i = 0; i < n; i++) {
		char id[32];
		snprintf(id, sizeof id, "A%05zu", i);
		net->nodes[i].id = strdup(id);
		net->nodes[i].names[RG_LANG_EN] = strdup(id);
		net->nodes[i].type = (rg_actor_type)(i % 3);
		net->nodes[i].actor = i;
		net->nodes[i].mentions = 1;
		net->nodes[i].docs = 1;
	}
	size_t k = 0;
	for (size_t i = 0; i < e; i++) {
		size_t a = (size_t)(rng() % n);
		size_t b = k && rng() % 4 ? ends[rng() % k] : (size_t)(rng() % n);
		if (a == b)
			b = (b + 1) % n;
		ends[k++] = a;
		ends[k++] = b;
		net->edges[i] = (rg_edge){ .a = a < b ? a : b, .b = a < b ? b : a,
					   .weight = (double)(1 + rng() % 20), .docs = 1 };
	}
	qsort(net->edges, e, sizeof *net->edges, cmp_edge);
	size_t m = 0; /* merge duplicate pairs, adding their weights */
	for (size_t i = 0; i < e; i++) {
		if (m && net->edges[m - 1].a == net->edges[i].a &&
		    net->edges[m - 1].b == net->edges[i].b) {
			net->edges[m - 1].weight += net->edges[i].weight;
			continue;
		}
		net->edges[m++] = net->edges[i];
	}
	net->n_edges = m;
	for (size_t i = 0; i < m; i++) {
		net->nodes[net->edges[i].a].mentions++;
		net->nodes[net->edges[i].b].mentions++;
	}
	net->n_docs = 1;
	free(ends);
	return 0;
}

/* Builds a network and times its metrics; with `out`, also renders it. */
static int bench(size_t n, size_t e, const char *out)
{
	rg_network net;
	rg_metrics m;
	int status = 1;
	rg_network_init(&net);
	rg_metrics_init(&m);
	if (n < 2 || build(&net, n, e)) {
		fprintf(stderr, "graph_bench: cannot build the network\n");
		goto out;
	}
	double t0 = now();
	rg_err rc = rg_metrics_compute(&net, &m);
	double t1 = now();
	if (rc) {
		fprintf(stderr, "graph_bench: metrics: %s\n", rg_err_str(rc));
		goto out;
	}
	printf("metrics\t%zu nodes\t%zu edges\t%.2f s\tbetweenness/closeness from %ld of %zu sources\n",
	       net.n_nodes, net.n_edges, t1 - t0,
	       m.sampled_sources ? m.sampled_sources : (long)net.n_nodes, net.n_nodes);
	if (out) {
		rg_render_opts o;
		char err[256] = "";
		rg_render_opts_init(&o);
		o.layout = "sfdp";
		t0 = now();
		rc = rg_render(&net, &m, &o, out, err, sizeof err);
		t1 = now();
		if (rc) {
			fprintf(stderr, "graph_bench: render: %s\n", err);
			goto out;
		}
		printf("render\tsfdp\t%zu nodes\t%zu edges\t%.2f s\n", net.n_nodes, net.n_edges,
		       t1 - t0);
	}
	fflush(stdout);
	status = 0;
out:
	rg_metrics_release(&m);
	rg_network_release(&net);
	return status;
}

int main(int argc, char **argv)
{
	if (argc != 3 && argc != 6) {
		fprintf(stderr, "usage: graph_bench NODES EDGES [RNODES REDGES OUT.svg]\n");
		return 2;
	}
	if (bench(strtoul(argv[1], NULL, 10), strtoul(argv[2], NULL, 10), NULL))
		return 1;
	if (argc == 6 && bench(strtoul(argv[3], NULL, 10), strtoul(argv[4], NULL, 10), argv[5]))
		return 1;
	return 0;
}
