/*
 * test_paths.c - rg_paths_sampled (paths.c) against igraph: on random
 * weighted networks (small integer weights, so that many paths tie, and
 * several components), the sampled betweenness must be igraph's
 * betweenness_subset from the same sources scaled by n / k, and the
 * closeness the sums of 1 / d over igraph's Dijkstra distances from them,
 * scaled by (n - 1) / k, a source's own sum exact; and the result must be
 * the same, bit for bit, on 1, 2 and 5 threads.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <igraph.h>

#include "paths.h"
#include "tap.h"

static uint64_t rng_state = 12345;

static uint64_t rng(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return rng_state;
}

/* A random network of n nodes: each pair joined with probability p. */
static void random_net(rg_network *net, size_t n, double p)
{
	rg_network_init(net);
	net->nodes = calloc(n, sizeof *net->nodes);
	net->n_nodes = n;
	size_t cap = 16;
	net->edges = calloc(cap, sizeof *net->edges);
	for (size_t a = 0; a < n; a++) {
		char id[16];
		snprintf(id, sizeof id, "n%zu", a);
		net->nodes[a].id = strdup(id);
		for (size_t b = a + 1; b < n; b++) {
			if ((double)(rng() % 10000) >= p * 10000)
				continue;
			if (net->n_edges == cap) {
				cap *= 2;
				net->edges = realloc(net->edges, cap * sizeof *net->edges);
			}
			memset(&net->edges[net->n_edges], 0, sizeof *net->edges);
			net->edges[net->n_edges].a = a;
			net->edges[net->n_edges].b = b;
			net->edges[net->n_edges].weight = (double)(1 + rng() % 4);
			net->n_edges++;
		}
	}
}

/* What rg_paths_sampled should give, from igraph. */
static void reference(const rg_network *net, const size_t *src, size_t k, double *bc,
		      double *clo)
{
	igraph_integer_t n = (igraph_integer_t)net->n_nodes;
	igraph_integer_t ne = (igraph_integer_t)net->n_edges;
	igraph_vector_int_t ends, s;
	igraph_vector_t dist, res;
	igraph_matrix_t d;
	igraph_t g;
	igraph_vector_int_init(&ends, 2 * ne);
	igraph_vector_init(&dist, ne);
	for (igraph_integer_t e = 0; e < ne; e++) {
		VECTOR(ends)[2 * e] = (igraph_integer_t)net->edges[e].a;
		VECTOR(ends)[2 * e + 1] = (igraph_integer_t)net->edges[e].b;
		VECTOR(dist)[e] = 1.0 / net->edges[e].weight;
	}
	igraph_create(&g, &ends, n, IGRAPH_UNDIRECTED);
	igraph_vector_int_init(&s, (igraph_integer_t)k);
	for (size_t i = 0; i < k; i++)
		VECTOR(s)[i] = (igraph_integer_t)src[i];
	igraph_vector_init(&res, 0);
	igraph_betweenness_subset(&g, &res, igraph_vss_all(), IGRAPH_UNDIRECTED,
				  igraph_vss_vector(&s), igraph_vss_all(), &dist);
	igraph_matrix_init(&d, 0, 0);
	igraph_distances_dijkstra(&g, &d, igraph_vss_vector(&s), igraph_vss_all(), &dist,
				  IGRAPH_ALL);
	for (igraph_integer_t v = 0; v < n; v++) {
		bc[v] = VECTOR(res)[v] * (double)n / (double)k;
		clo[v] = 0;
	}
	double *own = calloc(k, sizeof *own);
	for (size_t r = 0; r < k; r++)
		for (igraph_integer_t v = 0; v < n; v++) {
			double dv = MATRIX(d, (igraph_integer_t)r, v);
			if ((size_t)v != src[r] && isfinite(dv) && dv > 0) {
				clo[v] += 1.0 / dv;
				own[r] += 1.0 / dv;
			}
		}
	for (igraph_integer_t v = 0; v < n; v++)
		clo[v] *= (double)(n - 1) / (double)k;
	for (size_t r = 0; r < k; r++)
		clo[src[r]] = own[r];
	free(own);
	igraph_matrix_destroy(&d);
	igraph_vector_destroy(&res);
	igraph_vector_int_destroy(&s);
	igraph_vector_destroy(&dist);
	igraph_vector_int_destroy(&ends);
	igraph_destroy(&g);
}

static int close_to(double a, double b)
{
	return fabs(a - b) <= 1e-9 * (fabs(a) + fabs(b)) + 1e-12;
}

static void test_against_igraph(void)
{
	int bad_bc = 0, bad_clo = 0, bad_jobs = 0, runs = 0;
	for (int r = 0; r < 60; r++) {
		size_t n = 5 + rng() % 120;
		double p = r % 3 == 0 ? 0.03 : r % 3 == 1 ? 0.1 : 0.5;
		rg_network net;
		random_net(&net, n, p);
		/* k sources, ascending: every node with probability k / n */
		size_t *src = malloc(n * sizeof *src), k = 0;
		size_t want = 1 + rng() % n;
		for (size_t v = 0; v < n; v++)
			if (rng() % n < want)
				src[k++] = v;
		if (k == 0)
			src[k++] = n / 2;
		double *bc = malloc(n * sizeof *bc), *clo = malloc(n * sizeof *clo);
		double *rbc = malloc(n * sizeof *rbc), *rclo = malloc(n * sizeof *rclo);
		double *bc2 = malloc(n * sizeof *bc2), *clo2 = malloc(n * sizeof *clo2);
		reference(&net, src, k, rbc, rclo);
		if (rg_paths_sampled(&net, src, k, 1, bc, clo) != RG_OK) {
			bad_bc++;
		} else {
			for (size_t v = 0; v < n; v++) {
				if (!close_to(bc[v], rbc[v]) && bad_bc++ < 3)
					printf("# n %zu k %zu node %zu: betweenness %.17g, igraph %.17g\n",
					       n, k, v, bc[v], rbc[v]);
				if (!close_to(clo[v], rclo[v]) && bad_clo++ < 3)
					printf("# n %zu k %zu node %zu: closeness %.17g, igraph %.17g\n",
					       n, k, v, clo[v], rclo[v]);
			}
		}
		for (int jobs = 2; jobs <= 5; jobs += 3) {
			if (rg_paths_sampled(&net, src, k, jobs, bc2, clo2) != RG_OK ||
			    memcmp(bc, bc2, n * sizeof *bc) != 0 ||
			    memcmp(clo, clo2, n * sizeof *clo) != 0)
				bad_jobs++;
		}
		runs++;
		free(src);
		free(bc);
		free(clo);
		free(rbc);
		free(rclo);
		free(bc2);
		free(clo2);
		rg_network_release(&net);
	}
	is_int(bad_bc, 0, "sampled betweenness is igraph's betweenness_subset, scaled");
	is_int(bad_clo, 0, "sampled closeness is the sum over igraph's distances, scaled");
	is_int(bad_jobs, 0, "the same bits on 1, 2 and 5 threads");
	ok(runs == 60, "sixty random networks");
}

int main(void)
{
	test_against_igraph();
	return tap_done();
}
