/*
 * weights.c - edge weight schemes: turns a network whose ties carry raw
 * window counts into one weighted by documents, association strength
 * (VOSviewer), positive PMI or Jaccard, before the graph stage computes
 * metrics on it; and the deep copy of a network the transforms start from.
 * The formulas are documented with rg_weight_scheme in relgraph.h.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "relgraph.h"
#include "util.h"

static const char *const scheme_names[RG_NWEIGHT] = {
	[RG_WEIGHT_COUNT] = "count",
	[RG_WEIGHT_DOCS] = "docs",
	[RG_WEIGHT_ASSOC] = "assoc",
	[RG_WEIGHT_PMI] = "pmi",
	[RG_WEIGHT_JACCARD] = "jaccard",
};

const char *rg_weight_name(rg_weight_scheme s)
{
	return (unsigned)s < RG_NWEIGHT ? scheme_names[s] : NULL;
}

int rg_weight_parse(const char *name)
{
	for (int i = 0; name && i < RG_NWEIGHT; i++)
		if (strcmp(name, scheme_names[i]) == 0)
			return i;
	return -1;
}

/* The new weight of edge e, or NAN when a count it needs is missing. */
static double scheme_weight(const rg_network *net, const rg_edge *e, rg_weight_scheme s)
{
	double w = (double)e->windows;
	double na = (double)net->nodes[e->a].windows, nb = (double)net->nodes[e->b].windows;
	double total = (double)net->n_windows;

	switch (s) {
	case RG_WEIGHT_COUNT:
		return w;
	case RG_WEIGHT_DOCS:
		return (double)e->docs;
	case RG_WEIGHT_ASSOC:
	case RG_WEIGHT_PMI:
		if (na <= 0 || nb <= 0 || total <= 0)
			return NAN;
		return s == RG_WEIGHT_ASSOC ? w * total / (na * nb) : log(w * total / (na * nb));
	case RG_WEIGHT_JACCARD:
		if (na + nb - w <= 0)
			return NAN;
		/* token windows can count a pair more often than a mention: cap at 1 */
		return w >= na + nb - w ? 1.0 : w / (na + nb - w);
	default:
		return NAN;
	}
}

rg_err rg_network_weight(rg_network *net, rg_weight_scheme s)
{
	size_t k = 0;

	if (!net || (unsigned)s >= RG_NWEIGHT)
		return RG_EINPUT;
	for (size_t i = 0; i < net->n_edges; i++)
		if (!net->edges[i].windows)
			net->edges[i].windows = (long)net->edges[i].weight;
	for (size_t i = 0; i < net->n_edges; i++)
		if (isnan(scheme_weight(net, &net->edges[i], s)))
			return RG_EINPUT;
	for (size_t i = 0; i < net->n_edges; i++) {
		rg_edge e = net->edges[i];
		e.weight = scheme_weight(net, &e, s);
		if (e.weight > 0)
			net->edges[k++] = e;
	}
	net->n_edges = k;
	return RG_OK;
}

rg_err rg_network_copy(const rg_network *src, rg_network *dst)
{
	rg_network_release(dst);
	*dst = *src;
	dst->nodes = calloc(src->n_nodes ? src->n_nodes : 1, sizeof *dst->nodes);
	dst->edges = malloc((src->n_edges ? src->n_edges : 1) * sizeof *dst->edges);
	dst->n_nodes = 0;
	if (!dst->nodes || !dst->edges)
		goto fail;
	if (src->n_edges)
		memcpy(dst->edges, src->edges, src->n_edges * sizeof *dst->edges);
	for (size_t i = 0; i < src->n_nodes; i++) {
		rg_node *d = &dst->nodes[i];
		*d = src->nodes[i];
		d->id = NULL;
		memset(d->names, 0, sizeof d->names);
		dst->n_nodes = i + 1;
		if (src->nodes[i].id && !(d->id = rg_strdup(src->nodes[i].id)))
			goto fail;
		for (int l = 0; l < RG_NLANG; l++)
			if (src->nodes[i].names[l] &&
			    !(d->names[l] = rg_strdup(src->nodes[i].names[l])))
				goto fail;
	}
	return RG_OK;
fail:
	rg_network_release(dst);
	return RG_ENOMEM;
}
