/*
 * progress.h - the one-line progress display of long runs (private to
 * relgraph; the command line drives it from the pipeline's per-document
 * callback).  Writes only to the FILE it is given, only when enabled.
 */
#ifndef RG_PROGRESS_H
#define RG_PROGRESS_H

#include <stdio.h>

#include "relgraph.h"

typedef struct rg_progress rg_progress;

/*
 * Creates a progress display writing to `f` (not owned).  When `enabled`
 * is 0 every call below does nothing, so callers need not test it; pass
 * isatty(fileno(f)) && !quiet.  `total` is the number of input bytes
 * expected, or -1 when unknown (standard input).  Returns RG_ENOMEM.
 */
rg_err rg_progress_new(rg_progress **out, FILE *f, int enabled, long long total);

/*
 * Records that `docs` documents and `bytes` bytes are done so far and
 * redraws the line, at most ten times a second.  Cheap when not redrawn.
 */
void rg_progress_update(rg_progress *p, long docs, long long bytes);

/* Erases the line, so that another message can be printed on its own
 * line; the next update draws it again.  NULL is allowed. */
void rg_progress_clear(rg_progress *p);

/* Erases the line and frees `p`.  NULL is allowed. */
void rg_progress_free(rg_progress *p);

/*
 * Formats one progress line into buf (at most n bytes, NUL-ended):
 * "N documents, X MB, R MB/s" and, when total > 0, "X/T MB (P%)" and
 * "ETA M:SS" (H:MM:SS from an hour up).  MB are 10^6 bytes, printed with
 * one decimal; the rate is bytes / elapsed seconds (omitted when elapsed
 * < 0.05 s); the ETA is (total - bytes) / rate, omitted while the rate is
 * 0 and clamped at 0 when bytes exceed the total.  The numbers never use
 * the locale.  Returns the length written.
 */
size_t rg_progress_format(char *buf, size_t n, long docs, long long bytes,
			  long long total, double elapsed);

/*
 * The sum of the sizes of the regular files under `paths` (directories are
 * walked recursively, hidden entries skipped, as the reader does), or -1
 * when one of them is "-" (standard input) or not a regular file or
 * directory (a pipe): then no total is known.
 */
long long rg_progress_input_size(const char *const *paths, size_t n);

#endif
