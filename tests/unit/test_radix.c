/*
 * test_radix.c - the radix sort behind the edge tables (src/radix.c):
 * the same order as a stable comparison sort (qsort on key, then original
 * position) for random keys of several widths and sizes, keys sharing
 * whole digits (skipped passes), equal keys keeping their order, the
 * small-array path, and rg_radix_bits.
 */
#include <stdlib.h>

#include "radix.h"
#include "tap.h"

static int cmp_stable(const void *x, const void *y)
{
	const rg_radix_item *a = x, *b = y;
	if (a->key != b->key)
		return a->key < b->key ? -1 : 1;
	return (a->i > b->i) - (a->i < b->i);
}

/* xorshift64: reproducible keys without rand()'s narrow range */
static uint64_t next_rand(uint64_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s;
}

/* Sorts n random keys below 2^bits both ways; 1 when the orders are equal. */
static int same_as_qsort(size_t n, unsigned bits, uint64_t seed)
{
	rg_radix_item *a = malloc((n + 1) * sizeof *a), *b = malloc((n + 1) * sizeof *b);
	rg_radix_item *tmp = malloc((n + 1) * sizeof *tmp);
	uint64_t mask = bits >= 64 ? ~(uint64_t)0 : ((uint64_t)1 << bits) - 1;
	int same = a && b && tmp;
	for (size_t i = 0; same && i < n; i++) {
		a[i] = (rg_radix_item){ next_rand(&seed) & mask, (uint32_t)i };
		b[i] = a[i];
	}
	if (same) {
		rg_radix_sort(a, tmp, n, bits);
		qsort(b, n, sizeof *b, cmp_stable);
		for (size_t i = 0; i < n && same; i++)
			same = a[i].key == b[i].key && a[i].i == b[i].i;
	}
	free(a);
	free(b);
	free(tmp);
	return same;
}

int main(void)
{
	ok(same_as_qsort(100000, 20, 1), "100,000 keys of 20 bits: qsort's order");
	ok(same_as_qsort(100000, 64, 2), "100,000 keys of 64 bits: qsort's order");
	ok(same_as_qsort(5000, 6, 3), "5,000 keys of 6 bits (many equal): stable");
	ok(same_as_qsort(5000, 33, 4), "5,000 keys of 33 bits: a pass over one bit");
	/* the digit 8..15 is fixed: only the low digit and 16..23 vary */
	{
		size_t n = 20000;
		rg_radix_item *a = malloc(n * sizeof *a), *tmp = malloc(n * sizeof *tmp);
		uint64_t seed = 6;
		int sorted = a && tmp;
		for (size_t i = 0; sorted && i < n; i++) {
			uint64_t r = next_rand(&seed);
			a[i] = (rg_radix_item){ (r & 0xff) | 0x5a00 | (r >> 8 & 0xff) << 16,
						(uint32_t)i };
		}
		if (sorted)
			rg_radix_sort(a, tmp, n, 24);
		for (size_t i = 1; sorted && i < n; i++)
			sorted = a[i - 1].key < a[i].key ||
				 (a[i - 1].key == a[i].key && a[i - 1].i < a[i].i);
		ok(sorted, "a digit every key shares: still sorted and stable");
		free(a);
		free(tmp);
	}
	ok(same_as_qsort(31, 40, 7), "31 keys (insertion sort): qsort's order");
	ok(same_as_qsort(32, 40, 8), "32 keys (the radix path): qsort's order");
	ok(same_as_qsort(1, 8, 9), "one key");
	ok(same_as_qsort(0, 8, 10), "no keys");
	{
		rg_radix_item a[40], tmp[40];
		for (int i = 0; i < 40; i++)
			a[i] = (rg_radix_item){ (uint64_t)(i % 3), (uint32_t)i };
		rg_radix_sort(a, tmp, 40, 2);
		is_int(a[0].key * 100 + a[0].i, 0, "equal keys: the first of key 0 is item 0");
		is_int(a[14].key * 100 + a[14].i, 100 + 1, "the first of key 1 (after 14 of key 0) is item 1");
		is_int(a[39].key * 100 + a[39].i, 200 + 38, "the last of key 2 is item 38");
	}
	is_int(rg_radix_bits(0), 1, "bits below 0: 1");
	is_int(rg_radix_bits(1), 1, "bits below 1: 1");
	is_int(rg_radix_bits(2), 1, "bits below 2: 1");
	is_int(rg_radix_bits(3), 2, "bits below 3: 2");
	is_int(rg_radix_bits(487), 9, "bits below 487: 9");
	is_int(rg_radix_bits(512), 9, "bits below 512: 9");
	is_int(rg_radix_bits(513), 10, "bits below 513: 10");
	is_int(rg_radix_bits(UINT64_MAX), 64, "bits below 2^64-1: 64");
	return tap_done();
}
