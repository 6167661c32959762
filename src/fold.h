/*
 * fold.h - the character folding table: for every code point, its class
 * (word, space, ignorable...), its folded form (ICU NFKC_Casefold, marks
 * removed, then the rows of data/fold.tsv) and its sentence-break role.  Built once per lexicon and
 * read-only afterwards, so any number of threads may fold with it.
 */
#ifndef RG_FOLD_H
#define RG_FOLD_H

#include <stdint.h>

#include <unicode/utypes.h>

#include "util.h"

/* Character classes (low 3 bits of rg_fold_ent.cls). */
enum {
	RG_CC_OTHER = 0,   /* punctuation, symbols: ends a word */
	RG_CC_WORD = 1,    /* letters, marks, digits */
	RG_CC_SPACE = 2,   /* white space other than line ends */
	RG_CC_IGNORE = 3,  /* default-ignorable (ZWNJ, ZWJ, bidi controls, BOM):
			      removed, never ends a word */
	RG_CC_APOS = 4,    /* apostrophes: inside a word before a letter */
	RG_CC_NEWLINE = 5  /* LF, CR */
};

/*
 * Sentence-break roles (rg_fold_ent.sb): the Sentence_Break property of
 * UAX #29 with the values text.c's one-sentence test tells apart.
 */
enum {
	RG_SB_OTHER = 0,   /* letters, digits, SContinue, everything else */
	RG_SB_TERM = 1,    /* STerm, ATerm: . ? ! ؟ ۔ 。... */
	RG_SB_CLOSE = 2,   /* Close: ) " » ... */
	RG_SB_SP = 3,      /* Sp */
	RG_SB_EXTEND = 4,  /* Extend, Format: marks, ZWNJ, soft hyphen */
	RG_SB_SEP = 5,     /* Sep, CR, LF: paragraph separators */
	RG_SB_N
};

/* Flags (rg_fold_ent.flags). */
enum {
	RG_CF_UPPER = 1,
	RG_CF_LOWER = 2,
	RG_CF_LATIN = 4,
	RG_CF_CYRILLIC = 8,
	RG_CF_ARABIC = 16
};

typedef struct {
	uint32_t off;   /* folded UTF-8 in rg_fold.pool */
	uint8_t len;
	uint8_t cls;
	uint8_t flags;
	uint8_t sb;     /* RG_SB_* */
} rg_fold_ent;

/*
 * The pool is followed by RG_FOLD_SLACK zero bytes (not counted in its
 * length), so a folded form of up to 4 bytes can be copied as 4 bytes.
 */
#define RG_FOLD_SLACK 4

typedef struct {
	rg_fold_ent *bmp;  /* 65536 entries */
	rg_sb pool;
} rg_fold;

/*
 * Builds the table with ICU, applying the FROM<TAB>TO rows of `fold_tsv`
 * (NULL: none).  Malformed rows are reported through diag and skipped.
 * Returns RG_EICU, RG_EIO (file unreadable) or RG_ENOMEM on failure.
 */
rg_err rg_fold_build(rg_fold *f, const char *fold_tsv, const rg_diag *diag);

/*
 * Builds the same table as rg_fold_build by asking ICU about each of the
 * 65,536 code points alone (about 50M instructions, rg_fold_build a fraction
 * of that): the reference tests/unit/test_fold.c compares it with.
 */
rg_err rg_fold_build_slow(rg_fold *f, const char *fold_tsv, const rg_diag *diag);
void rg_fold_release(rg_fold *f);

/*
 * The entry of `c` (c < 0 for an ill-formed sequence counts as OTHER, and
 * as RG_SB_OTHER like the U+FFFD that ICU's UTF-8 UText reads for it).
 * Code points above the BMP are classified with ICU on the fly and fold to
 * themselves; `tmp` receives their entry.
 */
const rg_fold_ent *rg_fold_lookup_slow(const rg_fold *f, UChar32 c, rg_fold_ent *tmp);

/* Inline: the tokenizer calls it for every character of the corpus. */
static inline const rg_fold_ent *rg_fold_lookup(const rg_fold *f, UChar32 c,
						rg_fold_ent *tmp)
{
	if (c >= 0 && c < 0x10000)
		return &f->bmp[c];
	return rg_fold_lookup_slow(f, c, tmp);
}

/*
 * Folds the words of s[0..n) into `out`, one space between words (the
 * form the matcher compares); returns RG_ENOMEM on failure.
 */
rg_err rg_fold_words(const rg_fold *f, const char *s, size_t n, rg_sb *out);

#endif
