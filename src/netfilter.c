/*
 * netfilter.c - network filters shared by rank, render and graph: keep a
 * subset of nodes (by type, around a focus actor, the top N by a metric
 * computed on the whole graph) and drop light ties.  Each works in place
 * on an rg_network and keeps rg_cooc_network's order (nodes by id, edges
 * by node pair), so filtered networks print stably.
 */
#include <stdlib.h>
#include <string.h>

#include "relgraph.h"

rg_err rg_network_subset(rg_network *net, rg_metrics *m, const unsigned char *keep)
{
	size_t *newidx = NULL, k = 0, ke = 0;

	if (!net || (!keep && net->n_nodes))
		return RG_EINPUT;
	if (!(newidx = malloc((net->n_nodes + 1) * sizeof *newidx)))
		return RG_ENOMEM;
	for (size_t i = 0; i < net->n_nodes; i++) {
		if (!keep[i]) {
			free(net->nodes[i].id);
			for (int l = 0; l < RG_NLANG; l++)
				free(net->nodes[i].names[l]);
			newidx[i] = SIZE_MAX;
			continue;
		}
		newidx[i] = k;
		net->nodes[k] = net->nodes[i];
		if (m && m->n == net->n_nodes) {
			for (int x = 0; x < RG_NMETRIC; x++)
				if (m->value[x])
					m->value[x][k] = m->value[x][i];
			if (m->community)
				m->community[k] = m->community[i];
		}
		k++;
	}
	for (size_t i = 0; i < net->n_edges; i++) {
		rg_edge e = net->edges[i];
		if (newidx[e.a] == SIZE_MAX || newidx[e.b] == SIZE_MAX)
			continue;
		e.a = newidx[e.a];
		e.b = newidx[e.b];
		net->edges[ke++] = e;
	}
	if (m && m->n == net->n_nodes)
		m->n = k;
	net->n_nodes = k;
	net->n_edges = ke;
	free(newidx);
	return RG_OK;
}

rg_err rg_network_keep_types(rg_network *net, unsigned mask)
{
	unsigned char *keep;
	rg_err rc;

	if (!net)
		return RG_EINPUT;
	if (!mask)
		return RG_OK;
	if (!(keep = malloc(net->n_nodes + 1)))
		return RG_ENOMEM;
	for (size_t i = 0; i < net->n_nodes; i++)
		keep[i] = (mask >> net->nodes[i].type) & 1u;
	rc = rg_network_subset(net, NULL, keep);
	free(keep);
	return rc;
}

rg_err rg_network_min_weight(rg_network *net, double min)
{
	size_t k = 0;

	if (!net)
		return RG_EINPUT;
	for (size_t i = 0; i < net->n_edges; i++)
		if (net->edges[i].weight >= min)
			net->edges[k++] = net->edges[i];
	net->n_edges = k;
	return RG_OK;
}

rg_err rg_network_ego(rg_network *net, const char *focus, unsigned depth)
{
	size_t n, *dist = NULL, *adj_start = NULL, *adj = NULL, *queue = NULL;
	size_t center = SIZE_MAX, head = 0, tail = 0;
	unsigned char *keep = NULL;
	rg_err rc = RG_ENOMEM;

	if (!net || !focus)
		return RG_EINPUT;
	n = net->n_nodes;
	for (size_t i = 0; i < n; i++)
		if (net->nodes[i].id && strcmp(net->nodes[i].id, focus) == 0)
			center = i;
	if (center == SIZE_MAX)
		return RG_EINPUT;
	dist = malloc(n * sizeof *dist);
	adj_start = calloc(n + 1, sizeof *adj_start);
	adj = malloc((2 * net->n_edges + 1) * sizeof *adj);
	queue = malloc(n * sizeof *queue);
	keep = calloc(n, 1);
	if (!dist || !adj_start || !adj || !queue || !keep)
		goto out;
	/* adjacency lists in compressed form: the neighbours of i are
	 * adj[adj_start[i] .. adj_start[i + 1]) */
	for (size_t i = 0; i < net->n_edges; i++) {
		adj_start[net->edges[i].a + 1]++;
		adj_start[net->edges[i].b + 1]++;
	}
	for (size_t i = 0; i < n; i++)
		adj_start[i + 1] += adj_start[i];
	for (size_t i = 0; i < n; i++)
		dist[i] = adj_start[i]; /* fill cursor, reset below */
	for (size_t i = 0; i < net->n_edges; i++) {
		adj[dist[net->edges[i].a]++] = net->edges[i].b;
		adj[dist[net->edges[i].b]++] = net->edges[i].a;
	}
	for (size_t i = 0; i < n; i++)
		dist[i] = SIZE_MAX;
	dist[center] = 0;
	queue[tail++] = center;
	while (head < tail) {
		size_t v = queue[head++];
		keep[v] = 1;
		if (dist[v] >= depth)
			continue;
		for (size_t j = adj_start[v]; j < adj_start[v + 1]; j++)
			if (dist[adj[j]] == SIZE_MAX) {
				dist[adj[j]] = dist[v] + 1;
				queue[tail++] = adj[j];
			}
	}
	rc = rg_network_subset(net, NULL, keep);
out:
	free(dist);
	free(adj_start);
	free(adj);
	free(queue);
	free(keep);
	return rc;
}

rg_err rg_network_top(rg_network *net, rg_metrics *m, rg_metric by, size_t top)
{
	size_t *order = NULL;
	unsigned char *keep = NULL;
	rg_err rc = RG_ENOMEM;

	if (!net || !m)
		return RG_EINPUT;
	if (!top || top >= net->n_nodes)
		return RG_OK;
	order = malloc(net->n_nodes * sizeof *order);
	keep = calloc(net->n_nodes, 1);
	if (!order || !keep)
		goto out;
	if ((rc = rg_metrics_order(net, m, by, order)))
		goto out;
	for (size_t i = 0; i < top; i++)
		keep[order[i]] = 1;
	rc = rg_network_subset(net, m, keep);
out:
	free(order);
	free(keep);
	return rc;
}
