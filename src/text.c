/*
 * text.c - the text layer: validates and decodes UTF-8 (ICU's U8_NEXT),
 * splits a document into paragraphs (non-blank lines), sentences (ICU's
 * sentence BreakIterator over a UTF-8 UText, so boundaries are byte
 * offsets) and words folded through the lexicon's table.  Every token keeps
 * the byte span of the original input it came from.
 */
#include <stdlib.h>
#include <string.h>

#include <unicode/utext.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include "analysis.h"

static const char *const brk_locales[RG_NLANG] = {
	[RG_LANG_EN] = "en@ss=standard", [RG_LANG_FA] = "fa", [RG_LANG_AR] = "ar",
	[RG_LANG_AZ] = "az", [RG_LANG_RU] = "ru@ss=standard", [RG_LANG_TR] = "tr",
};

/* Characters that may join the words of one name: "Guinea-Bissau", "3+3". */
static int is_hyphen(UChar32 c)
{
	return c == '-' || c == '+' || (c >= 0x2010 && c <= 0x2015) || c == 0x2212;
}

/* Whether line[0..n) holds nothing but white space and ignorables. */
static int blank_line(const rg_fold *f, const uint8_t *p, size_t n)
{
	size_t i = 0;
	while (i < n) {
		UChar32 c;
		U8_NEXT(p, i, n, c);
		rg_fold_ent tmp;
		int cls = rg_fold_lookup(f, c, &tmp)->cls;
		if (cls != RG_CC_SPACE && cls != RG_CC_IGNORE && cls != RG_CC_NEWLINE)
			return 0;
	}
	return 1;
}

/* Appends n bytes to the folded words; inline, as it runs once per letter. */
static inline rg_err fold_put(rg_sb *sb, const void *p, size_t n)
{
	if (sb->len + n + 1 > sb->cap) {
		if (sb->len + n >= RG_TEXT_MAX)
			return RG_EINPUT; /* token offsets are 32-bit */
		if (rg_sb_grow(sb, n))
			return RG_ENOMEM;
	}
	memcpy(sb->buf + sb->len, p, n);
	sb->len += n;
	return RG_OK;
}

static rg_err push_token(rg_scratch *s, const rg_token *t)
{
	if (rg_grow(&s->toks, &s->cap_toks, s->n_toks + 1, sizeof *s->toks))
		return RG_ENOMEM;
	s->toks[s->n_toks++] = *t;
	return RG_OK;
}

/*
 * Tokenises bytes [from, to) of the text (one paragraph).  A word is a run
 * of letters, marks and digits; default-ignorable characters (ZWNJ, bidi
 * controls) inside it are dropped; an apostrophe between letters stays in
 * it ("Türkiye'nin").  *bad counts ill-formed sequences, *first_bad is the
 * offset of the first.  On the way the paragraph is copied to s->u16 for
 * the sentence iterator, with the offset of each unit in s->u16_at; *n16
 * is its length, or -1 when it is too long or holds ill-formed UTF-8.
 */
static rg_err tokenize(const rg_fold *f, const uint8_t *p, size_t from, size_t to,
		       int para, rg_scratch *s, size_t *bad, long *first_bad,
		       int32_t *n16)
{
	rg_token t = { 0 };
	int in_word = 0, has_upper = 0, has_lower = 0;
	int glued = 1, hyphen = 0;
	size_t i = from;
	UChar *u = NULL;
	uint32_t *u_at = NULL;
	int32_t n = 0;
	if (to - from <= RG_U16_PARA) {
		if (!s->u16_at) { /* one block: the offsets, then the units */
			s->u16_at = malloc((RG_U16_PARA + 1) * sizeof *s->u16_at +
					   RG_U16_PARA * sizeof *s->u16);
			if (!s->u16_at)
				return RG_ENOMEM;
			s->u16 = (UChar *)(s->u16_at + RG_U16_PARA + 1);
		}
		u = s->u16;
		u_at = s->u16_at;
	}
	*n16 = -1;
	while (i < to) {
		size_t at = i;
		UChar32 c;
		U8_NEXT(p, i, to, c);
		if (c < 0) {
			if (!(*bad)++)
				*first_bad = (long)at;
			u = NULL;
		} else if (u) {
			u_at[n] = (uint32_t)(at - from);
			if (c < 0x10000) {
				u[n++] = (UChar)c;
			} else {
				u[n++] = U16_LEAD(c);
				u_at[n] = (uint32_t)(at - from);
				u[n++] = U16_TRAIL(c);
			}
		}
		rg_fold_ent tmp;
		const rg_fold_ent *e = rg_fold_lookup(f, c, &tmp);
		int cls = e->cls;
		if (cls == RG_CC_APOS) {
			size_t j = i;
			UChar32 d = -1;
			if (j < to)
				U8_NEXT(p, j, to, d);
			cls = in_word && rg_fold_lookup(f, d, &tmp)->cls == RG_CC_WORD
				? RG_CC_WORD : RG_CC_OTHER;
			if (cls == RG_CC_WORD && !t.apos)
				t.apos = (uint32_t)(s->fold.len - t.fold_off);
		}
		if (cls == RG_CC_IGNORE)
			continue;
		if (cls == RG_CC_WORD) {
			if (!in_word) {
				memset(&t, 0, sizeof t);
				t.fold_off = (uint32_t)s->fold.len;
				t.start = (uint32_t)at;
				t.para = para;
				t.flags = (glued ? RG_TF_GLUED : 0) | (hyphen ? RG_TF_HYPHEN : 0);
				in_word = 1;
				has_upper = has_lower = 0;
				if (e->flags & RG_CF_UPPER)
					t.flags |= RG_TF_INITIAL;
			}
			rg_err rc = RG_OK;
			if (c >= 0x10000)
				rc = fold_put(&s->fold, p + at, i - at);
			else if (e->len)
				rc = fold_put(&s->fold, f->pool.buf + e->off, e->len);
			if (rc)
				return rc;
			has_upper |= e->flags & RG_CF_UPPER;
			has_lower |= e->flags & RG_CF_LOWER;
			if (e->flags & RG_CF_LATIN)
				t.flags |= RG_TF_LATIN | RG_TF_CASED;
			if (e->flags & RG_CF_CYRILLIC)
				t.flags |= RG_TF_CYRILLIC | RG_TF_CASED;
			if (e->flags & RG_CF_ARABIC)
				t.flags |= RG_TF_ARABIC;
			t.end = (uint32_t)i;
			continue;
		}
		if (in_word) {
			in_word = 0;
			t.fold_len = (uint32_t)(s->fold.len - t.fold_off);
			if (has_upper && !has_lower)
				t.flags |= RG_TF_UPPER;
			if (t.fold_len && push_token(s, &t))
				return RG_ENOMEM;
			glued = 1;
			hyphen = 0;
		}
		if (cls == RG_CC_SPACE)
			continue;
		if (is_hyphen(c))
			hyphen = 1;
		else
			glued = 0;
	}
	if (in_word) {
		t.fold_len = (uint32_t)(s->fold.len - t.fold_off);
		if (has_upper && !has_lower)
			t.flags |= RG_TF_UPPER;
		if (t.fold_len && push_token(s, &t))
			return RG_ENOMEM;
	}
	if (u) {
		u_at[n] = (uint32_t)(to - from);
		*n16 = n;
	}
	/* keep the folded words NUL-terminated for the matcher's lookups
	   (fold_put always leaves room for it) */
	if (rg_sb_grow(&s->fold, 1))
		return RG_ENOMEM;
	s->fold.buf[s->fold.len] = '\0';
	return RG_OK;
}

static rg_err push_sentence(rg_analysis *an, rg_scratch *s, size_t a, size_t b, int para)
{
	if (rg_grow(&an->sents, &s->cap_sents, an->n_sents + 1, sizeof *an->sents))
		return RG_ENOMEM;
	an->sents[an->n_sents++] = (rg_sentence){ a, b, para };
	return RG_OK;
}

/*
 * Splits paragraph [from, to) into sentences with ICU and numbers the
 * paragraph's tokens (tokens [tok0, n_toks)) by sentence.  ICU walks
 * UTF-16 directly but UTF-8 only through a UText that converts it 32
 * characters at a time, so the paragraph goes as tokenize's UTF-16 copy
 * (n16 units) unless n16 < 0.
 */
static rg_err sentences(const rg_fold *f, const rg_doc *doc, rg_analysis *an,
			rg_scratch *s, size_t from, size_t to, int para, size_t tok0,
			int32_t n16, const rg_diag *diag)
{
	int lang = an->lang >= 0 ? an->lang : RG_LANG_EN;
	const uint8_t *p = (const uint8_t *)doc->text;
	UErrorCode st = U_ZERO_ERROR;
	UText ut = UTEXT_INITIALIZER;
	size_t first = an->n_sents;
	rg_err rc = RG_OK;
	if (!s->sbrk[lang]) {
		s->sbrk[lang] = ubrk_open(UBRK_SENTENCE, brk_locales[lang], NULL, 0, &st);
		if (U_FAILURE(st)) {
			rg_diag_emit(diag, RG_SEV_ERROR, doc->id, -1, -1,
				     "ubrk_open(sentence, %s) failed: %s",
				     brk_locales[lang], u_errorName(st));
			s->sbrk[lang] = NULL;
			return RG_EICU;
		}
	}
	UBreakIterator *bi = s->sbrk[lang];
	if (n16 >= 0)
		ubrk_setText(bi, s->u16, n16, &st);
	else {
		utext_openUTF8(&ut, doc->text + from, (int64_t)(to - from), &st);
		ubrk_setUText(bi, &ut, &st);
	}
	if (U_FAILURE(st)) {
		rg_diag_emit(diag, RG_SEV_ERROR, doc->id, -1, (long)from,
			     "sentence segmentation failed: %s", u_errorName(st));
		rc = RG_EICU;
		goto out;
	}
	size_t sa = from;
	ubrk_first(bi);
	for (int32_t b = ubrk_next(bi); b != UBRK_DONE; b = ubrk_next(bi)) {
		size_t sb = from + (n16 < 0 ? (size_t)b : s->u16_at[b]);
		if (!blank_line(f, p + sa, sb - sa) && (rc = push_sentence(an, s, sa, sb, para)))
			goto out;
		sa = sb;
	}
	if (an->n_sents == first && (rc = push_sentence(an, s, from, to, para)))
		goto out;
	/* number the tokens: each belongs to the sentence whose span holds its start */
	size_t k = first;
	for (size_t t = tok0; t < s->n_toks; t++) {
		while (k + 1 < an->n_sents && s->toks[t].start >= an->sents[k + 1].start)
			k++;
		s->toks[t].sent = (int)k + 1;
	}
out:
	utext_close(&ut);
	return rc;
}

rg_err rg_text_segment(const rg_lexicon *lex, const rg_doc *doc, rg_analysis *an,
		       rg_scratch *s, const rg_diag *diag)
{
	const uint8_t *p = (const uint8_t *)doc->text;
	size_t n = doc->len, bad = 0;
	long first_bad = -1;
	rg_err rc = RG_OK;
	size_t line = 0;
	if (n >= RG_TEXT_MAX) {
		rg_diag_emit(diag, RG_SEV_ERROR, doc->id, -1, -1,
			     "document of %zu bytes: too large to analyse (limit %lu)",
			     n, (unsigned long)RG_TEXT_MAX - 1);
		return RG_EINPUT;
	}
	while (line < n) {
		size_t eol = line;
		while (eol < n && p[eol] != '\n' && p[eol] != '\r')
			eol++;
		size_t next = eol;
		if (next < n && p[next] == '\r')
			next++;
		if (next < n && p[next] == '\n' && (next == eol || p[eol] == '\r'))
			next++;
		if (next == eol)
			next++; /* end of text */
		if (!blank_line(&lex->fold, p + line, eol - line)) {
			if (rg_grow(&an->paras, &s->cap_paras, an->n_paras + 1,
				    sizeof *an->paras))
				return RG_ENOMEM;
			an->paras[an->n_paras++] = (rg_span){ line, eol };
			int para = (int)an->n_paras;
			size_t tok0 = s->n_toks;
			int32_t n16;
			rc = tokenize(&lex->fold, p, line, eol, para, s, &bad, &first_bad,
				      &n16);
			if (rc == RG_EINPUT)
				rg_diag_emit(diag, RG_SEV_ERROR, doc->id, -1, (long)line,
					     "the folded words of the document reach %lu "
					     "bytes: too large to analyse",
					     (unsigned long)RG_TEXT_MAX);
			if (rc || (rc = sentences(&lex->fold, doc, an, s, line, eol, para,
						  tok0, n16, diag)))
				return rc;
		}
		line = next;
	}
	an->invalid_bytes = bad;
	an->n_tokens = s->n_toks;
	if (bad)
		rg_diag_emit(diag, RG_SEV_WARNING, doc->id, -1, first_bad,
			     "invalid UTF-8 (%zu ill-formed sequence%s, the first at "
			     "byte %ld); decoded as U+FFFD", bad, bad == 1 ? "" : "s",
			     first_bad);
	return RG_OK;
}
