/*
 * radix.c - stable LSD radix sort of (key, index) items (radix.h): one
 * pass counts every 8-bit digit of every key, then each digit that varies
 * scatters the items between a and tmp.  Small arrays are insertion-sorted.
 */
#include <string.h>

#include "radix.h"

#define DIGIT_BITS 8
#define BUCKETS (1u << DIGIT_BITS)
#define MAX_PASSES (64 / DIGIT_BITS)
#define SMALL 32

unsigned rg_radix_bits(uint64_t n)
{
	unsigned b = 1;
	while (b < 64 && n > (uint64_t)1 << b)
		b++;
	return b;
}

static void insertion_sort(rg_radix_item *a, size_t n)
{
	for (size_t i = 1; i < n; i++) {
		rg_radix_item x = a[i];
		size_t j = i;
		while (j > 0 && a[j - 1].key > x.key) {
			a[j] = a[j - 1];
			j--;
		}
		a[j] = x;
	}
}

void rg_radix_sort(rg_radix_item *a, rg_radix_item *tmp, size_t n, unsigned keybits)
{
	size_t count[MAX_PASSES][BUCKETS];
	unsigned passes = (keybits + DIGIT_BITS - 1) / DIGIT_BITS;
	rg_radix_item *src = a, *dst = tmp;

	if (n < SMALL) {
		insertion_sort(a, n);
		return;
	}
	if (passes > MAX_PASSES)
		passes = MAX_PASSES;
	memset(count, 0, sizeof count[0] * passes);
	for (size_t i = 0; i < n; i++)
		for (unsigned p = 0; p < passes; p++)
			count[p][src[i].key >> (p * DIGIT_BITS) & (BUCKETS - 1)]++;
	for (unsigned p = 0; p < passes; p++) {
		size_t *c = count[p], at = 0;
		unsigned shift = p * DIGIT_BITS;
		/* a digit every key shares leaves the order as it is */
		if (c[src[0].key >> shift & (BUCKETS - 1)] == n)
			continue;
		for (unsigned d = 0; d < BUCKETS; d++) {
			size_t m = c[d];
			c[d] = at;
			at += m;
		}
		for (size_t i = 0; i < n; i++)
			dst[c[src[i].key >> shift & (BUCKETS - 1)]++] = src[i];
		rg_radix_item *t = src;
		src = dst;
		dst = t;
	}
	if (src != a)
		memcpy(a, src, n * sizeof *a);
}
