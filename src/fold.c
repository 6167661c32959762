/*
 * fold.c - builds the folding table of fold.h with ICU: NFKC_Casefold
 * (which also drops default-ignorable characters), canonical decomposition
 * with non-spacing marks removed (diacritics, harakat, hamza above), then
 * the project's own map (data/fold.tsv: dotless i, schwa, Arabic/Persian
 * yeh and kaf, teh marbuta, digits...).  Dictionary aliases and documents
 * go through the same table, which is what makes them comparable.
 * rg_fold_build reads ICU's properties by ranges and spans of quick checks
 * and asks about single code points only where those do not settle them;
 * rg_fold_build_slow asks about every code point, as the tests' reference.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/uscript.h>
#include <unicode/uset.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include "fold.h"

#define MAP_MAX 0x10000

/* The project's map: one replacement string per BMP code point, or none. */
typedef struct {
	char *to[MAP_MAX];
} extra_map;

static rg_err extra_load(extra_map *m, const char *path, const rg_diag *diag)
{
	char *text = NULL;
	size_t len = 0;
	if (rg_file_read(path, &text, &len)) {
		rg_diag_emit(diag, RG_SEV_ERROR, path, -1, -1,
			     "cannot read folding rules");
		return RG_EIO;
	}
	long lineno = 0;
	char *cur = text, *line;
	while ((line = rg_line_next(&cur, &lineno))) {
		if (line[0] == '#' || line[0] == '\0')
			continue;
		char *tab = strchr(line, '\t');
		UChar32 c;
		int32_t i = 0, n = tab ? (int32_t)(tab - line) : 0;
		if (tab)
			U8_NEXT((const uint8_t *)line, i, n, c);
		if (!tab || c < 0 || i != n || c >= MAP_MAX) {
			rg_diag_emit(diag, RG_SEV_WARNING, path, lineno, -1,
				     "expected one BMP character, a tab and its replacement");
			continue;
		}
		free(m->to[c]);
		m->to[c] = rg_strdup(tab + 1);
		if (!m->to[c]) {
			free(text);
			return RG_ENOMEM;
		}
	}
	free(text);
	return RG_OK;
}

/* The sentence-break role (RG_SB_*) of c, from ICU's Sentence_Break. */
static uint8_t sentence_role(UChar32 c)
{
	switch (u_getIntPropertyValue(c, UCHAR_SENTENCE_BREAK)) {
	case U_SB_ATERM: case U_SB_STERM:
		return RG_SB_TERM;
	case U_SB_CLOSE:
		return RG_SB_CLOSE;
	case U_SB_SP:
		return RG_SB_SP;
	case U_SB_EXTEND: case U_SB_FORMAT:
		return RG_SB_EXTEND;
	case U_SB_SEP: case U_SB_CR: case U_SB_LF:
		return RG_SB_SEP;
	default:
		return RG_SB_OTHER;
	}
}

/* Class (the return value), flags and sentence-break role of c. */
static uint8_t classify(UChar32 c, uint8_t *flags, uint8_t *sb)
{
	*flags = 0;
	*sb = sentence_role(c);
	if (u_isUUppercase(c))
		*flags |= RG_CF_UPPER;
	if (u_isULowercase(c))
		*flags |= RG_CF_LOWER;
	UErrorCode st = U_ZERO_ERROR;
	UScriptCode sc = uscript_getScript(c, &st);
	if (sc == USCRIPT_LATIN)
		*flags |= RG_CF_LATIN;
	else if (sc == USCRIPT_CYRILLIC)
		*flags |= RG_CF_CYRILLIC;
	else if (sc == USCRIPT_ARABIC)
		*flags |= RG_CF_ARABIC;
	if (c == '\n' || c == '\r')
		return RG_CC_NEWLINE;
	if (c == '\'' || c == 0x2019 || c == 0x02BC)
		return RG_CC_APOS;
	if (u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT))
		return RG_CC_IGNORE;
	if (u_isUWhiteSpace(c))
		return RG_CC_SPACE;
	int8_t t = u_charType(c);
	if (u_hasBinaryProperty(c, UCHAR_ALPHABETIC) || t == U_DECIMAL_DIGIT_NUMBER ||
	    t == U_NON_SPACING_MARK || t == U_COMBINING_SPACING_MARK ||
	    t == U_ENCLOSING_MARK)
		return RG_CC_WORD;
	return RG_CC_OTHER;
}

/* Appends code point d to out, through the project's map when it has d. */
static rg_err emit(UChar32 d, const extra_map *m, rg_sb *out)
{
	if (d < MAP_MAX && m->to[d])
		return rg_sb_adds(out, m->to[d]);
	char u8[4];
	int32_t k = 0;
	U8_APPEND_UNSAFE(u8, k, d);
	return rg_sb_add(out, u8, (size_t)k);
}

/*
 * Folds one code point into `out` (UTF-8): NFKC_Casefold; then each
 * resulting character the project's map names is replaced as a whole (so
 * "ä" can become "e"), and every other one is decomposed, its non-spacing
 * marks dropped and its remaining characters mapped.  Most code points are
 * their own NFKC_Casefold and have no decomposition; asking ICU that
 * (unorm2_isInert, then unorm2_isNormalized, unorm2_getDecomposition)
 * gives the same strings as normalizing and is several times cheaper, for
 * 65,536 of them.
 */
static rg_err fold_one(UChar32 c, const extra_map *m, const UNormalizer2 *cf,
		       const UNormalizer2 *nfd, rg_sb *out)
{
	UChar src[2], a[64], b[64];
	int32_t n = 0, na;
	UBool err = 0;
	U16_APPEND(src, n, 2, c, err);
	UErrorCode st = U_ZERO_ERROR;
	if (err)
		return RG_EICU;
	/* an inert character (most letters) is its own NFKC_Casefold; asking
	   that is a table lookup, isNormalized builds a string */
	if (unorm2_isInert(cf, c) || unorm2_isNormalized(cf, src, n, &st)) {
		memcpy(a, src, (size_t)n * sizeof *src);
		na = n;
	} else {
		na = unorm2_normalize(cf, src, n, a, 64, &st);
	}
	if (U_FAILURE(st))
		return RG_EICU;
	for (int32_t i = 0; i < na;) {
		UChar32 d;
		U16_NEXT(a, i, na, d);
		if (d < MAP_MAX && m->to[d]) {
			if (emit(d, m, out))
				return RG_ENOMEM;
			continue;
		}
		/* inert under NFD: no decomposition mapping */
		int32_t nb = unorm2_isInert(nfd, d) ? -1
			: unorm2_getDecomposition(nfd, d, b, 64, &st);
		if (U_FAILURE(st))
			return RG_EICU;
		if (nb < 0) { /* none: d itself */
			nb = 0;
			U16_APPEND_UNSAFE(b, nb, d);
		}
		for (int32_t j = 0; j < nb;) {
			UChar32 e;
			U16_NEXT(b, j, nb, e);
			int8_t t = u_charType(e);
			if (t == U_NON_SPACING_MARK || t == U_ENCLOSING_MARK)
				continue;
			if (emit(e, m, out))
				return RG_ENOMEM;
		}
	}
	return RG_OK;
}

/* The slot of BMP code point c, appended to the pool (folded.len bytes). */
static rg_err set_folded(rg_fold *f, UChar32 c, const rg_sb *folded)
{
	rg_fold_ent *e = &f->bmp[c];
	if (folded->len > 255)
		return RG_EICU;
	e->off = (uint32_t)f->pool.len;
	e->len = (uint8_t)folded->len;
	return folded->len ? rg_sb_add(&f->pool, folded->buf, folded->len) : RG_OK;
}

/*
 * Folds BMP code point c alone, as rg_fold_build_slow does (its class must
 * already be in f->bmp[c]): the APOS class folds to "'", WORD through
 * fold_one, the other classes to nothing (and take no pool slot).
 */
static rg_err fold_slot(rg_fold *f, UChar32 c, const extra_map *m,
			const UNormalizer2 *cf, const UNormalizer2 *nfd, rg_sb *one)
{
	rg_err rc;
	int cls = f->bmp[c].cls;
	if (cls != RG_CC_WORD && cls != RG_CC_APOS)
		return RG_OK;
	rg_sb_reset(one);
	if (cls == RG_CC_APOS)
		rc = rg_sb_addc(one, '\'');
	else
		rc = fold_one(c, m, cf, nfd, one);
	return rc ? rc : set_folded(f, c, one);
}

/* What rg_fold_build and rg_fold_build_slow share: the pool's slack, the
   maps and the normalizers. */
static rg_err finish_pool(rg_fold *f)
{
	if (rg_sb_grow(&f->pool, RG_FOLD_SLACK))
		return RG_ENOMEM;
	memset(f->pool.buf + f->pool.len, 0, RG_FOLD_SLACK);
	return RG_OK;
}

static rg_err open_normalizers(const UNormalizer2 **cf, const UNormalizer2 **nfd,
			       const rg_diag *diag)
{
	UErrorCode st = U_ZERO_ERROR;
	*cf = unorm2_getNFKCCasefoldInstance(&st);
	*nfd = unorm2_getNFDInstance(&st);
	if (U_FAILURE(st)) {
		rg_diag_emit(diag, RG_SEV_ERROR, NULL, -1, -1,
			     "unorm2_getInstance failed: %s", u_errorName(st));
		return RG_EICU;
	}
	return RG_OK;
}

/* Starts a build: an empty table and the project's map. */
static rg_err build_start(rg_fold *f, extra_map **m, const char *fold_tsv,
			  const rg_diag *diag)
{
	memset(f, 0, sizeof *f);
	*m = calloc(1, sizeof **m);
	f->bmp = calloc(MAP_MAX, sizeof *f->bmp);
	if (!*m || !f->bmp)
		return RG_ENOMEM;
	return fold_tsv ? extra_load(*m, fold_tsv, diag) : RG_OK;
}

static void extra_free(extra_map *m)
{
	if (m)
		for (size_t i = 0; i < MAP_MAX; i++)
			free(m->to[i]);
	free(m);
}

rg_err rg_fold_build_slow(rg_fold *f, const char *fold_tsv, const rg_diag *diag)
{
	extra_map *m = NULL;
	rg_sb one = RG_SB_INIT;
	const UNormalizer2 *cf, *nfd;
	rg_err rc = build_start(f, &m, fold_tsv, diag);
	if (rc || (rc = open_normalizers(&cf, &nfd, diag)))
		goto out;
	for (UChar32 c = 0; c < MAP_MAX; c++) {
		rg_fold_ent *e = &f->bmp[c];
		if (U_IS_SURROGATE(c)) {
			e->cls = RG_CC_OTHER;
			continue;
		}
		e->cls = classify(c, &e->flags, &e->sb);
		if ((rc = fold_slot(f, c, m, cf, nfd, &one)))
			goto out;
	}
	rc = finish_pool(f);
out:
	extra_free(m);
	rg_sb_release(&one);
	if (rc)
		rg_fold_release(f);
	return rc;
}

/*
 * ICU's properties of the BMP, read by ranges: the sets of a binary
 * property or of one value of an enumerated one are lists of ranges, and
 * u_enumCharTypes walks the general category's ranges, so filling these
 * arrays costs a few instructions a code point where asking ICU about each
 * code point (classify) costs some 350.
 */
enum { P_IGNORABLE = 1, P_SPACE = 2, P_ALPHA = 4, P_CF_YES = 8, P_NFD_YES = 16 };

typedef struct {
	uint8_t gc[MAP_MAX];     /* UCharCategory */
	uint8_t flags[MAP_MAX];  /* RG_CF_* */
	uint8_t p[MAP_MAX];      /* P_* */
	UChar words[MAP_MAX];    /* the WORD code points, in order */
} bmp_props;

/* Sets `bit` in a[c] for the BMP code points c of s. */
static rg_err mark_set(const USet *s, uint8_t *a, uint8_t bit)
{
	int32_t n = uset_getItemCount(s);
	for (int32_t k = 0; k < n; k++) {
		UChar32 lo, hi;
		UErrorCode st = U_ZERO_ERROR;
		int32_t len = uset_getItem(s, k, &lo, &hi, NULL, 0, &st);
		if (U_FAILURE(st) || len != 0) /* property sets hold no strings */
			return RG_EICU;
		for (UChar32 c = lo; c <= hi && c < MAP_MAX; c++)
			a[c] |= bit;
	}
	return RG_OK;
}

static rg_err mark_binary(UProperty prop, uint8_t *a, uint8_t bit)
{
	UErrorCode st = U_ZERO_ERROR;
	const USet *s = u_getBinaryPropertySet(prop, &st);
	return U_FAILURE(st) ? RG_EICU : mark_set(s, a, bit);
}

/* a[c] |= bit where property `prop` of c has value v. */
static rg_err mark_value(UProperty prop, int32_t v, uint8_t *a, uint8_t bit)
{
	UErrorCode st = U_ZERO_ERROR;
	USet *s = uset_openEmpty();
	if (!s)
		return RG_ENOMEM;
	uset_applyIntPropertyValue(s, prop, v, &st);
	rg_err rc = U_FAILURE(st) ? RG_EICU : mark_set(s, a, bit);
	uset_close(s);
	return rc;
}

static UBool gc_range(const void *ctx, UChar32 start, UChar32 limit, UCharCategory t)
{
	uint8_t *gc = (uint8_t *)(uintptr_t)ctx;
	for (UChar32 c = start; c < limit && c < MAP_MAX; c++)
		gc[c] = (uint8_t)t;
	return limit < MAP_MAX;
}

/*
 * Fills p's gc, flags and the P_IGNORABLE/SPACE/ALPHA bits.  (Each set of
 * one property value costs ICU about 0.5M instructions, whatever its size:
 * Sentence_Break, nine values, is cheaper asked per code point.)
 */
static rg_err props_read(bmp_props *p)
{
	rg_err rc;
	u_enumCharTypes(gc_range, p->gc);
	if ((rc = mark_binary(UCHAR_UPPERCASE, p->flags, RG_CF_UPPER)) ||
	    (rc = mark_binary(UCHAR_LOWERCASE, p->flags, RG_CF_LOWER)) ||
	    (rc = mark_value(UCHAR_SCRIPT, USCRIPT_LATIN, p->flags, RG_CF_LATIN)) ||
	    (rc = mark_value(UCHAR_SCRIPT, USCRIPT_CYRILLIC, p->flags, RG_CF_CYRILLIC)) ||
	    (rc = mark_value(UCHAR_SCRIPT, USCRIPT_ARABIC, p->flags, RG_CF_ARABIC)) ||
	    (rc = mark_binary(UCHAR_DEFAULT_IGNORABLE_CODE_POINT, p->p, P_IGNORABLE)) ||
	    (rc = mark_binary(UCHAR_WHITE_SPACE, p->p, P_SPACE)) ||
	    (rc = mark_binary(UCHAR_ALPHABETIC, p->p, P_ALPHA)))
		return rc;
	return RG_OK;
}

/* classify() from the arrays of p. */
static uint8_t class_of(const bmp_props *p, UChar32 c)
{
	if (c == '\n' || c == '\r')
		return RG_CC_NEWLINE;
	if (c == '\'' || c == 0x2019 || c == 0x02BC)
		return RG_CC_APOS;
	if (p->p[c] & P_IGNORABLE)
		return RG_CC_IGNORE;
	if (p->p[c] & P_SPACE)
		return RG_CC_SPACE;
	int t = p->gc[c];
	if ((p->p[c] & P_ALPHA) || t == U_DECIMAL_DIGIT_NUMBER ||
	    t == U_NON_SPACING_MARK || t == U_COMBINING_SPACING_MARK ||
	    t == U_ENCLOSING_MARK)
		return RG_CC_WORD;
	return RG_CC_OTHER;
}

/*
 * Sets `bit` in p->p[c] for the code points c of p->words[0..n) that a
 * quick-check "yes" span of `norm` covers.  Quick check yes is per
 * character: each such character has no mapping under `norm` (for
 * NFKC_Casefold: is its own normal form; for NFD: has no decomposition),
 * which is all fold_one asks of ICU about it; the character at the end of
 * a span is left to fold_one.
 */
static rg_err mark_quick_yes(const UNormalizer2 *norm, bmp_props *p, int32_t from,
			     int32_t n, uint8_t bit)
{
	for (int32_t i = from; i < n;) {
		UErrorCode st = U_ZERO_ERROR;
		int32_t k = unorm2_spanQuickCheckYes(norm, p->words + i, n - i, &st);
		if (U_FAILURE(st))
			return RG_EICU;
		for (int32_t j = i; j < i + k; j++)
			p->p[p->words[j]] |= bit;
		i += k + 1;
	}
	return RG_OK;
}

/* Hangul syllables decompose algorithmically (Unicode 3.12, "Conjoining
   Jamo Behavior"): S = LBase + l, VBase + v, TBase + t (t > 0 only). */
enum { H_SBASE = 0xAC00, H_LBASE = 0x1100, H_VBASE = 0x1161, H_TBASE = 0x11A7,
       H_VCOUNT = 21, H_TCOUNT = 28, H_SCOUNT = 11172 };

/* The code points c decomposes to (0 to 3 of them, in d[]), when its
   folded form is known without fold_one; -1 when fold_one must be asked. */
static int quick_parts(const bmp_props *p, UChar32 c, const extra_map *m, UChar32 d[3])
{
	uint8_t q = p->p[c];
	if (!(q & P_CF_YES) || m->to[c])
		return -1;
	if (q & P_NFD_YES) {
		int t = p->gc[c];
		d[0] = c;
		return t != U_NON_SPACING_MARK && t != U_ENCLOSING_MARK;
	}
	UChar32 s = c - H_SBASE;
	if (s < 0 || s >= H_SCOUNT)
		return -1;
	int n = 0;
	d[n++] = H_LBASE + s / (H_VCOUNT * H_TCOUNT);
	d[n++] = H_VBASE + s % (H_VCOUNT * H_TCOUNT) / H_TCOUNT;
	if (s % H_TCOUNT)
		d[n++] = H_TBASE + s % H_TCOUNT;
	for (int k = 0; k < n; k++)
		if (m->to[d[k]])
			return -1;
	return n;
}

/*
 * Appends the folded form of WORD code point c to the pool (which has room
 * for 9 more bytes) and returns 1, or returns 0 when fold_one must be
 * asked.  A character that is its own NFKC_Casefold, has no decomposition
 * and is not in the project's map folds to itself, or to nothing if it is
 * a non-spacing or enclosing mark (fold_one's steps with their answers
 * known); a Hangul syllable (its own NFKC_Casefold) folds to its jamo
 * when the map has none of them (conjoining jamo are letters, never marks,
 * and have no decomposition).  tests/unit/test_fold.c compares the table
 * with rg_fold_build_slow's for every BMP code point.
 */
static int fold_quick(rg_fold *f, const bmp_props *p, UChar32 c, const extra_map *m)
{
	UChar32 d[3];
	int n = quick_parts(p, c, m, d);
	if (n < 0)
		return 0;
	rg_fold_ent *e = &f->bmp[c];
	size_t at = f->pool.len;
	e->off = (uint32_t)at;
	for (int k = 0; k < n; k++)
		U8_APPEND_UNSAFE(f->pool.buf, at, d[k]);
	e->len = (uint8_t)(at - f->pool.len);
	f->pool.len = at;
	return 1;
}

/*
 * rg_fold_build reads the properties by ranges (props_read), classifies
 * every code point from them, then folds the WORD ones that quick checks
 * show need no normalization (most letters) without asking ICU each time;
 * the others go through fold_one as in rg_fold_build_slow.
 */
rg_err rg_fold_build(rg_fold *f, const char *fold_tsv, const rg_diag *diag)
{
	extra_map *m = NULL;
	bmp_props *p = calloc(1, sizeof *p);
	rg_sb one = RG_SB_INIT;
	const UNormalizer2 *cf, *nfd;
	rg_err rc = build_start(f, &m, fold_tsv, diag);
	if (!rc && !p)
		rc = RG_ENOMEM;
	if (rc || (rc = open_normalizers(&cf, &nfd, diag)))
		goto out;
	if ((rc = props_read(p))) {
		rg_diag_emit(diag, RG_SEV_ERROR, NULL, -1, -1,
			     "reading ICU's character properties failed");
		goto out;
	}
	int32_t nw = 0, h0 = 0, h1 = 0;
	for (UChar32 c = 0; c < MAP_MAX; c++) {
		if (c == H_SBASE)
			h0 = nw;
		if (c == H_SBASE + H_SCOUNT)
			h1 = nw;
		rg_fold_ent *e = &f->bmp[c];
		if (U_IS_SURROGATE(c)) /* RG_CC_OTHER, no flags, RG_SB_OTHER */
			continue;
		e->cls = class_of(p, c);
		e->flags = p->flags[c];
		e->sb = sentence_role(c);
		if (e->cls == RG_CC_WORD)
			p->words[nw++] = (UChar)c;
	}
	/* Hangul syllables (words[h0..h1)) all decompose: fold_quick knows how */
	if ((rc = mark_quick_yes(cf, p, 0, nw, P_CF_YES)) ||
	    (rc = mark_quick_yes(nfd, p, 0, h0, P_NFD_YES)) ||
	    (rc = mark_quick_yes(nfd, p, h1, nw, P_NFD_YES)))
		goto out;
	for (UChar32 c = 0; c < MAP_MAX; c++) {
		if (f->bmp[c].cls == RG_CC_WORD) {
			if (f->pool.len + 10 > f->pool.cap && rg_sb_grow(&f->pool, 9)) {
				rc = RG_ENOMEM;
				goto out;
			}
			if (fold_quick(f, p, c, m))
				continue;
		}
		if ((rc = fold_slot(f, c, m, cf, nfd, &one)))
			goto out;
	}
	rc = finish_pool(f);
out:
	extra_free(m);
	free(p);
	rg_sb_release(&one);
	if (rc)
		rg_fold_release(f);
	return rc;
}

void rg_fold_release(rg_fold *f)
{
	free(f->bmp);
	rg_sb_release(&f->pool);
	memset(f, 0, sizeof *f);
}

const rg_fold_ent *rg_fold_lookup_slow(const rg_fold *f, UChar32 c, rg_fold_ent *tmp)
{
	if (c >= 0 && c < MAP_MAX)
		return &f->bmp[c];
	tmp->off = 0;
	tmp->len = 0;
	tmp->flags = 0;
	tmp->sb = RG_SB_OTHER;
	tmp->cls = c < 0 ? RG_CC_OTHER : classify(c, &tmp->flags, &tmp->sb);
	if (tmp->cls == RG_CC_APOS)
		tmp->cls = RG_CC_OTHER;
	return tmp;
}

rg_err rg_fold_words(const rg_fold *f, const char *s, size_t n, rg_sb *out)
{
	const uint8_t *p = (const uint8_t *)s;
	size_t i = 0;
	int in_word = 0;
	rg_sb_reset(out);
	while (i < n) {
		UChar32 c;
		size_t at = i;
		U8_NEXT(p, i, n, c);
		rg_fold_ent tmp;
		const rg_fold_ent *e = rg_fold_lookup(f, c, &tmp);
		int cls = e->cls;
		if (cls == RG_CC_APOS) {
			/* an apostrophe belongs to the word only before a letter */
			size_t j = i;
			UChar32 d = -1;
			if (j < n)
				U8_NEXT(p, j, n, d);
			const rg_fold_ent *nx = rg_fold_lookup(f, d, &tmp);
			cls = in_word && nx->cls == RG_CC_WORD ? RG_CC_WORD : RG_CC_OTHER;
		}
		if (cls == RG_CC_IGNORE)
			continue;
		if (cls != RG_CC_WORD) {
			in_word = 0;
			continue;
		}
		if (!in_word && out->len && rg_sb_addc(out, ' '))
			return RG_ENOMEM;
		in_word = 1;
		if (c >= MAP_MAX) {
			if (rg_sb_add(out, s + at, i - at))
				return RG_ENOMEM;
		} else if (e->len && rg_sb_add(out, f->pool.buf + e->off, e->len)) {
			return RG_ENOMEM;
		}
	}
	return RG_OK;
}
