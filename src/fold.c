/*
 * fold.c - builds the folding table of fold.h with ICU: NFKC_Casefold
 * (which also drops default-ignorable characters), canonical decomposition
 * with non-spacing marks removed (diacritics, harakat, hamza above), then
 * the project's own map (data/fold.tsv: dotless i, schwa, Arabic/Persian
 * yeh and kaf, teh marbuta, digits...).  Dictionary aliases and documents
 * go through the same table, which is what makes them comparable.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/uscript.h>
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

rg_err rg_fold_build(rg_fold *f, const char *fold_tsv, const rg_diag *diag)
{
	rg_err rc = RG_OK;
	extra_map *m = calloc(1, sizeof *m);
	rg_sb one = RG_SB_INIT;
	memset(f, 0, sizeof *f);
	f->bmp = calloc(MAP_MAX, sizeof *f->bmp);
	if (!m || !f->bmp) {
		rc = RG_ENOMEM;
		goto out;
	}
	if (fold_tsv && (rc = extra_load(m, fold_tsv, diag)))
		goto out;
	UErrorCode st = U_ZERO_ERROR;
	const UNormalizer2 *cf = unorm2_getNFKCCasefoldInstance(&st);
	const UNormalizer2 *nfd = unorm2_getNFDInstance(&st);
	if (U_FAILURE(st)) {
		rg_diag_emit(diag, RG_SEV_ERROR, NULL, -1, -1,
			     "unorm2_getInstance failed: %s", u_errorName(st));
		rc = RG_EICU;
		goto out;
	}
	for (UChar32 c = 0; c < MAP_MAX; c++) {
		rg_fold_ent *e = &f->bmp[c];
		if (U_IS_SURROGATE(c)) {
			e->cls = RG_CC_OTHER;
			continue;
		}
		e->cls = classify(c, &e->flags, &e->sb);
		if (e->cls != RG_CC_WORD && e->cls != RG_CC_APOS)
			continue;
		rg_sb_reset(&one);
		if (e->cls == RG_CC_APOS)
			rc = rg_sb_addc(&one, '\'');
		else
			rc = fold_one(c, m, cf, nfd, &one);
		if (rc)
			goto out;
		if (one.len > 255) {
			rc = RG_EICU;
			goto out;
		}
		e->off = (uint32_t)f->pool.len;
		e->len = (uint8_t)one.len;
		if (one.len && (rc = rg_sb_add(&f->pool, one.buf, one.len)))
			goto out;
	}
	if ((rc = rg_sb_grow(&f->pool, RG_FOLD_SLACK)))
		goto out;
	memset(f->pool.buf + f->pool.len, 0, RG_FOLD_SLACK);
out:
	if (m)
		for (size_t i = 0; i < MAP_MAX; i++)
			free(m->to[i]);
	free(m);
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
