/*
 * test_fold.c - the folding table rg_fold_build reads from ICU's property
 * ranges and quick checks must equal the one rg_fold_build_slow builds by
 * asking ICU about each code point: every entry of the BMP (class, flags,
 * sentence-break role, folded form) and the pool, with and without the
 * project's data/fold.tsv.
 */
#include <stdio.h>
#include <string.h>

#include "tap.h"
#include "fold.h"

/* Compares the two tables; prints the first few differing code points. */
static int same_tables(const rg_fold *a, const rg_fold *b)
{
	int bad = 0;
	for (UChar32 c = 0; c < 0x10000; c++) {
		const rg_fold_ent *x = &a->bmp[c], *y = &b->bmp[c];
		if (x->off == y->off && x->len == y->len && x->cls == y->cls &&
		    x->flags == y->flags && x->sb == y->sb)
			continue;
		if (bad++ < 10)
			printf("# U+%04X: off %u/%u len %u/%u cls %u/%u flags %u/%u sb %u/%u\n",
			       (unsigned)c, x->off, y->off, x->len, y->len, x->cls, y->cls,
			       x->flags, y->flags, x->sb, y->sb);
	}
	if (a->pool.len != b->pool.len ||
	    memcmp(a->pool.buf, b->pool.buf, a->pool.len + RG_FOLD_SLACK) != 0) {
		printf("# pools differ (%zu and %zu bytes)\n", a->pool.len, b->pool.len);
		bad++;
	}
	return bad == 0;
}

static void check(const char *fold_tsv, const char *name)
{
	rg_fold fast, slow;
	rg_err r1 = rg_fold_build(&fast, fold_tsv, NULL);
	rg_err r2 = rg_fold_build_slow(&slow, fold_tsv, NULL);
	ok(r1 == RG_OK && r2 == RG_OK, name);
	if (r1 == RG_OK && r2 == RG_OK)
		ok(same_tables(&fast, &slow), name);
	if (r1 == RG_OK)
		rg_fold_release(&fast);
	if (r2 == RG_OK)
		rg_fold_release(&slow);
}

int main(void)
{
	check(NULL, "ICU folding alone: by ranges = per code point");
	check(RG_DATADIR "/fold.tsv", "with data/fold.tsv: by ranges = per code point");
	return tap_done();
}
