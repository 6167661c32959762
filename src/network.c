/*
 * network.c - the lifecycle of rg_network, the snapshot of actors (nodes)
 * and co-mention ties (edges) that cooccur.c hands to the graph stage
 * (graph.c) and the renderer (render.c).  A network owns every string and
 * array it points to.
 */
#include <stdlib.h>
#include <string.h>

#include "relgraph.h"

void rg_network_init(rg_network *net)
{
	if (!net)
		return;
	memset(net, 0, sizeof *net);
}

void rg_network_release(rg_network *net)
{
	if (!net)
		return;
	for (size_t i = 0; net->nodes && i < net->n_nodes; i++) {
		free(net->nodes[i].id);
		for (int l = 0; l < RG_NLANG; l++)
			free(net->nodes[i].names[l]);
	}
	free(net->nodes);
	free(net->edges);
	rg_network_init(net);
}
