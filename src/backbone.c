/*
 * backbone.c - the disparity filter of Serrano, Boguñá and Vespignani
 * (PNAS 106:6483, 2009): keeps the ties that carry a significant share of
 * at least one endpoint's strength, so a dense corpus still gives a
 * readable graph.  Runs on an rg_network's current weights, after the
 * weighting scheme and before the metrics.
 */
#include <math.h>
#include <stdlib.h>

#include "relgraph.h"

/* alpha_ij seen from node i (degree k, strength s) for a tie of weight w. */
static double disparity(double w, double s, size_t k)
{
	return pow(1.0 - w / s, (double)(k - 1));
}

rg_err rg_network_backbone(rg_network *net, double alpha)
{
	size_t *deg = NULL, k = 0;
	double *str = NULL;

	if (!net || !(alpha > 0 && alpha <= 1))
		return RG_EINPUT;
	deg = calloc(net->n_nodes + 1, sizeof *deg);
	str = calloc(net->n_nodes + 1, sizeof *str);
	if (!deg || !str) {
		free(deg);
		free(str);
		return RG_ENOMEM;
	}
	for (size_t i = 0; i < net->n_edges; i++) {
		const rg_edge *e = &net->edges[i];
		deg[e->a]++;
		deg[e->b]++;
		str[e->a] += e->weight;
		str[e->b] += e->weight;
	}
	for (size_t i = 0; i < net->n_edges; i++) {
		const rg_edge *e = &net->edges[i];
		int keep = deg[e->a] == 1 || deg[e->b] == 1 ||
			   disparity(e->weight, str[e->a], deg[e->a]) < alpha ||
			   disparity(e->weight, str[e->b], deg[e->b]) < alpha;
		if (keep)
			net->edges[k++] = *e;
	}
	net->n_edges = k;
	free(deg);
	free(str);
	return RG_OK;
}
