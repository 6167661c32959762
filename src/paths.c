/*
 * paths.c - betweenness and harmonic closeness of a large network,
 * estimated from sampled source actors (Brandes and Pich's pivots): from
 * each source one Dijkstra search over a compact copy of the network
 * counts the shortest paths to every node (Brandes' algorithm), then
 * walks the nodes back in the order it settled them to add up each
 * node's dependency; the same search's distances give the closeness
 * terms.  igraph would need two searches per source (betweenness_subset,
 * then distances) and, as Debian builds it (not thread-safe), one thread;
 * here the sources are cut into blocks of BLOCK that run on several
 * threads, and the blocks' sums are added in block order, so the result
 * is the same for any number of threads.  Path lengths are compared as
 * igraph compares them (distance plus one, relative epsilon), so ties
 * split paths as in igraph.
 */
#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <igraph.h>

#include "paths.h"

/* Sources per block: the unit of work of a thread and of the sums. */
#define BLOCK 8

/* The network as arrays of arcs: node v's are [off[v], off[v + 1]). */
typedef struct {
	size_t n;
	size_t *off;
	uint32_t *to;
	double *len;     /* 1 / weight */
} csr;

/* One thread's search state, and the sums of the block it runs. */
typedef struct {
	const csr *g;
	double *dist;    /* distance + 1; 0: not reached */
	double *paths;   /* shortest paths from the source */
	double *dep;     /* dependency of the source on the node */
	uint32_t *order; /* nodes in the order they were settled */
	uint32_t *heap;  /* a binary heap of nodes by dist */
	int32_t *slot;   /* a node's place in heap; -1: not in it */
	int32_t *first;  /* a node's first parent entry; -1: none */
	struct parent {
		uint32_t node;
		int32_t next;
	} *par;          /* parent entries, at most one per arc + source */
	double *bc, *clo, *own; /* the block's sums; own[i]: source i's */
	const size_t *src;
	size_t n_src;
} worker;

static void csr_free(csr *g)
{
	free(g->off);
	free(g->to);
	free(g->len);
	g->off = NULL;
	g->to = NULL;
	g->len = NULL;
}

/* The arcs of net's edges, both ways.  RG_ENOMEM. */
static rg_err csr_build(const rg_network *net, csr *g)
{
	size_t n = net->n_nodes, m = net->n_edges;
	g->n = n;
	g->off = calloc(n + 1, sizeof *g->off);
	g->to = malloc((2 * m + 1) * sizeof *g->to);
	g->len = malloc((2 * m + 1) * sizeof *g->len);
	size_t *at = malloc((n + 1) * sizeof *at);
	if (!g->off || !g->to || !g->len || !at) {
		free(at);
		csr_free(g);
		return RG_ENOMEM;
	}
	for (size_t e = 0; e < m; e++) {
		g->off[net->edges[e].a + 1]++;
		g->off[net->edges[e].b + 1]++;
	}
	for (size_t v = 0; v < n; v++)
		g->off[v + 1] += g->off[v];
	memcpy(at, g->off, (n + 1) * sizeof *at);
	for (size_t e = 0; e < m; e++) {
		size_t a = net->edges[e].a, b = net->edges[e].b;
		double len = 1.0 / net->edges[e].weight;
		g->to[at[a]] = (uint32_t)b;
		g->len[at[a]++] = len;
		g->to[at[b]] = (uint32_t)a;
		g->len[at[b]++] = len;
	}
	free(at);
	return RG_OK;
}

static void worker_free(worker *w)
{
	free(w->dist);
	free(w->paths);
	free(w->dep);
	free(w->order);
	free(w->heap);
	free(w->slot);
	free(w->first);
	free(w->par);
	free(w->bc);
	free(w->clo);
	free(w->own);
}

/* The arrays of a search on g, zeroed.  RG_ENOMEM. */
static rg_err worker_init(worker *w, const csr *g)
{
	size_t n = g->n;
	memset(w, 0, sizeof *w);
	w->g = g;
	w->dist = calloc(n, sizeof *w->dist);
	w->paths = calloc(n, sizeof *w->paths);
	w->dep = calloc(n, sizeof *w->dep);
	w->order = malloc(n * sizeof *w->order);
	w->heap = malloc(n * sizeof *w->heap);
	w->slot = malloc(n * sizeof *w->slot);
	w->first = malloc(n * sizeof *w->first);
	w->par = malloc((g->off[n] + 1) * sizeof *w->par);
	w->bc = malloc(n * sizeof *w->bc);
	w->clo = malloc(n * sizeof *w->clo);
	w->own = malloc(BLOCK * sizeof *w->own);
	if (!w->dist || !w->paths || !w->dep || !w->order || !w->heap || !w->slot ||
	    !w->first || !w->par || !w->bc || !w->clo || !w->own) {
		worker_free(w);
		return RG_ENOMEM;
	}
	for (size_t v = 0; v < n; v++)
		w->slot[v] = w->first[v] = -1;
	return RG_OK;
}

/* Moves heap entry i up while its distance is below its parent's. */
static void heap_up(worker *w, int32_t i)
{
	uint32_t v = w->heap[i];
	double d = w->dist[v];
	while (i > 0) {
		int32_t p = (i - 1) / 2;
		uint32_t u = w->heap[p];
		if (w->dist[u] <= d)
			break;
		w->heap[i] = u;
		w->slot[u] = i;
		i = p;
	}
	w->heap[i] = v;
	w->slot[v] = i;
}

/* Removes and returns the heap's nearest node (the heap has `*size`). */
static uint32_t heap_pop(worker *w, int32_t *size)
{
	uint32_t top = w->heap[0], v = w->heap[--*size];
	double d = w->dist[v];
	int32_t i = 0, n = *size;
	w->slot[top] = -1;
	if (n == 0)
		return top;
	for (;;) {
		int32_t c = 2 * i + 1;
		if (c >= n)
			break;
		if (c + 1 < n && w->dist[w->heap[c + 1]] < w->dist[w->heap[c]])
			c++;
		if (w->dist[w->heap[c]] >= d)
			break;
		w->heap[i] = w->heap[c];
		w->slot[w->heap[i]] = i;
		i = c;
	}
	w->heap[i] = v;
	w->slot[v] = i;
	return top;
}

/*
 * a < b, a == b, a > b within the relative epsilon igraph compares path
 * lengths with: a quick answer when they are far apart, else igraph's own
 * igraph_cmp_epsilon (a pure function, safe on any thread).
 */
static inline int cmp_len(double a, double b)
{
	double d = a - b, s = a + b;
	if (d > 1e-9 * s)
		return 1;
	if (d < -1e-9 * s)
		return -1;
	return igraph_cmp_epsilon(a, b, IGRAPH_SHORTEST_PATH_EPSILON);
}

/*
 * One source s, the i-th of the block: the search, then the dependencies
 * added to w->bc and the closeness terms to w->clo and w->own[i]; leaves
 * the search arrays as it found them (zeroed, no parents).
 */
static void run_source(worker *w, uint32_t s, size_t i)
{
	const csr *g = w->g;
	int32_t size = 0, n_par = 0;
	size_t settled = 0;
	w->dist[s] = 1.0;
	w->paths[s] = 1;
	w->heap[size++] = s;
	w->slot[s] = 0;
	while (size > 0) {
		uint32_t u = heap_pop(w, &size);
		double du = w->dist[u];
		w->order[settled++] = u;
		for (size_t a = g->off[u]; a < g->off[u + 1]; a++) {
			uint32_t v = g->to[a];
			double alt = du + g->len[a], dv = w->dist[v];
			int c = dv == 0 ? -1 : cmp_len(alt, dv);
			if (c < 0) {
				if (dv != 0 && w->slot[v] < 0)
					continue; /* settled: only within epsilon of it */
				w->par[n_par] = (struct parent){ u, -1 };
				w->first[v] = n_par++;
				w->paths[v] = w->paths[u];
				w->dist[v] = alt;
				if (dv == 0) {
					w->heap[size] = v;
					heap_up(w, size++);
				} else {
					heap_up(w, w->slot[v]);
				}
			} else if (c == 0 && w->slot[v] >= 0) {
				w->par[n_par] = (struct parent){ u, w->first[v] };
				w->first[v] = n_par++;
				w->paths[v] += w->paths[u];
			}
		}
	}
	/* back from the farthest: each node passes its share to its parents */
	double own = 0;
	while (settled > 0) {
		uint32_t v = w->order[--settled];
		double coeff = (1 + w->dep[v]) / w->paths[v];
		for (int32_t p = w->first[v]; p >= 0; p = w->par[p].next)
			w->dep[w->par[p].node] += w->paths[w->par[p].node] * coeff;
		if (v != s) {
			w->bc[v] += w->dep[v];
			double d = w->dist[v] - 1.0;
			if (d > 0 && isfinite(d)) {
				w->clo[v] += 1.0 / d;
				own += 1.0 / d;
			}
		}
		w->dist[v] = w->paths[v] = w->dep[v] = 0;
		w->first[v] = -1;
	}
	w->own[i] = own;
}

/* A thread: the block of sources w->src[0..n_src), into zeroed sums. */
static void *run_block(void *arg)
{
	worker *w = arg;
	size_t n = w->g->n;
	memset(w->bc, 0, n * sizeof *w->bc);
	memset(w->clo, 0, n * sizeof *w->clo);
	for (size_t i = 0; i < w->n_src; i++)
		run_source(w, (uint32_t)w->src[i], i);
	return NULL;
}

rg_err rg_paths_sampled(const rg_network *net, const size_t *src, size_t k, int jobs,
			double *bc, double *clo)
{
	size_t n = net->n_nodes, blocks = (k + BLOCK - 1) / BLOCK;
	size_t nt = (size_t)rg_pipeline_jobs(jobs); /* 1 .. 64 */
	double *own = NULL;
	worker *ws = NULL;
	pthread_t *th = NULL;
	size_t made = 0;
	csr g = { 0 };
	rg_err rc = RG_ENOMEM;

	if (n >= INT32_MAX || net->n_edges >= INT32_MAX / 2)
		return RG_EINPUT; /* node and parent numbers are 32-bit */
	if (nt > blocks)
		nt = blocks;
	if (!(own = malloc(k * sizeof *own)) || csr_build(net, &g) != RG_OK ||
	    !(ws = calloc(nt, sizeof *ws)) || !(th = calloc(nt, sizeof *th)))
		goto out;
	for (; made < nt; made++)
		if (worker_init(&ws[made], &g) != RG_OK)
			goto out;
	memset(bc, 0, n * sizeof *bc);
	memset(clo, 0, n * sizeof *clo);
	/* waves of nt blocks; each wave's sums added in block order */
	for (size_t b0 = 0; b0 < blocks; b0 += nt) {
		size_t nb = blocks - b0 < nt ? blocks - b0 : nt;
		int started[64] = { 0 };
		for (size_t t = 0; t < nb; t++) {
			size_t first = (b0 + t) * BLOCK;
			ws[t].src = src + first;
			ws[t].n_src = k - first < BLOCK ? k - first : BLOCK;
			started[t] = t > 0 && pthread_create(&th[t], NULL, run_block, &ws[t]) == 0;
		}
		for (size_t t = 0; t < nb; t++)
			if (!started[t])
				run_block(&ws[t]);
		for (size_t t = 0; t < nb; t++) {
			if (started[t])
				pthread_join(th[t], NULL);
			for (size_t v = 0; v < n; v++) {
				bc[v] += ws[t].bc[v];
				clo[v] += ws[t].clo[v];
			}
			memcpy(own + (b0 + t) * BLOCK, ws[t].own, ws[t].n_src * sizeof *own);
		}
	}
	for (size_t v = 0; v < n; v++) {
		bc[v] = bc[v] * 0.5 * (double)n / (double)k;
		clo[v] *= (double)(n - 1) / (double)k;
	}
	for (size_t i = 0; i < k; i++)
		clo[src[i]] = own[i];
	rc = RG_OK;
out:
	for (size_t t = 0; t < made; t++)
		worker_free(&ws[t]);
	free(ws);
	free(th);
	free(own);
	csr_free(&g);
	return rc;
}
