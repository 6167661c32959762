/*
 * cooccur.h - reading one document's counts out of a co-mention
 * accumulator and emptying it again: edge sets (edgeset.c) count each
 * document with a scratch rg_cooc, so that the window rules live in one
 * place, and move the counts into the document's slice.
 */
#ifndef RG_COOCCUR_H
#define RG_COOCCUR_H

#include "analysis.h"

/* Windows naming lexicon actor `actor` since the last clear. */
long rg_cooc_actor_windows(const rg_cooc *c, size_t actor);
/* The pairs counted since the last clear (a < b, lexicon indices). */
size_t rg_cooc_pair_count(const rg_cooc *c);
void rg_cooc_pair_at(const rg_cooc *c, size_t i, size_t *a, size_t *b, long *windows);
/* Windows naming a counted actor (*windows) and their split by the set of
 * types they name (32 entries, bit 1 << RG_TYPE_*). */
const long *rg_cooc_window_types(const rg_cooc *c, long *windows);
/* Empties c after the document analysed as `an` (the only one added since
 * the last clear): O(its mentions and pairs), not O(lexicon). */
void rg_cooc_clear(rg_cooc *c, const rg_analysis *an);

#endif
