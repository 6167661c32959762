/*
 * paths.h - betweenness and harmonic closeness estimated from sampled
 * source actors, both from one shortest-path search per source, the
 * sources spread over threads (paths.c).  graph.c uses it above the size
 * where it stops computing them exactly with igraph.
 */
#ifndef RG_PATHS_H
#define RG_PATHS_H

#include "relgraph.h"

/*
 * For the k sources src[0..k) (ascending node indices of net, k >= 1):
 * bc[v] = n / k times half the sum over the sources s of the dependency of
 * s on v (Brandes), v != s: the estimate of v's undirected betweenness;
 * clo[v] = (n - 1) / k times the sum of 1 / d(s, v) over the sources that
 * reach v, except for a source, whose closeness is its own sum, exact.
 * Distances are 1 / weight; two path lengths within igraph's relative
 * IGRAPH_SHORTEST_PATH_EPSILON are equal.  bc and clo have net->n_nodes
 * entries.  The sources run on `jobs` threads (0: one per online CPU);
 * sums are taken in a fixed order, so the result does not depend on it.
 * Returns RG_ENOMEM, or RG_EINPUT for 2^31 nodes or 2^30 edges or more.
 */
rg_err rg_paths_sampled(const rg_network *net, const size_t *src, size_t k, int jobs,
			double *bc, double *clo);

#endif
