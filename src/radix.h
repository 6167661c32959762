/*
 * radix.h - a stable least-significant-digit radix sort of (key, index)
 * items, for the edge tables' rows (edgeset.c compacts them, edgetable.c
 * writes them in order): hundreds of thousands of rows whose keys pack a
 * few small indices, where qsort's comparisons were a tenth of the map
 * step.
 */
#ifndef RG_RADIX_H
#define RG_RADIX_H

#include <stddef.h>
#include <stdint.h>

typedef struct {
	uint64_t key;
	uint32_t i;   /* the caller's: usually the row the key is of */
} rg_radix_item;

/*
 * Sorts the n items at a by key, ascending and stable (items of equal keys
 * keep their order).  Keys must be below 2^keybits (keybits <= 64); fewer
 * bits mean fewer passes, and a pass whose digit is the same for every
 * item is skipped.  tmp holds n items of scratch; the result is in a.
 * Cost: O(n) per 8 bits of key.
 */
void rg_radix_sort(rg_radix_item *a, rg_radix_item *tmp, size_t n, unsigned keybits);

/* The bits needed for values below n (at least 1). */
unsigned rg_radix_bits(uint64_t n);

#endif
