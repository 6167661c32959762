/*
 * igraph_try.h - the one way relgraph calls igraph: RG_IGRAPH_TRY(call)
 * runs an igraph call and, on failure, sets the caller's `rc` (igraph's
 * out-of-memory becomes RG_ENOMEM, any other failure RG_EGRAPH) and jumps
 * to the caller's `out:` label, its single cleanup path.
 */
#ifndef RG_IGRAPH_TRY_H
#define RG_IGRAPH_TRY_H

#include <igraph.h>

#include "relgraph.h"

#define RG_IGRAPH_TRY(call) do { \
		igraph_error_t ierr_ = (call); \
		if (ierr_ != IGRAPH_SUCCESS) { \
			rc = ierr_ == IGRAPH_ENOMEM ? RG_ENOMEM : RG_EGRAPH; \
			goto out; \
		} \
	} while (0)

#endif
