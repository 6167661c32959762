/*
 * text.c - the text layer: validates and decodes UTF-8 (ICU's U8_NEXT),
 * splits a document into paragraphs (non-blank lines), sentences (ICU's
 * sentence BreakIterator, given the paragraph as UTF-16 with its units
 * mapped back to byte offsets, or as a UTF-8 UText; not asked about a
 * paragraph that UAX #29 makes one sentence) and words folded through the
 * lexicon's table.  Every token keeps the byte span of the original input
 * it came from.  A document without a language is guessed in the same
 * pass (lang.h's tally), so the sentences, whose rules depend on the
 * language, are cut after all the words.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/utext.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include "analysis.h"
#include "lang.h"

static const char *const brk_locales[RG_NLANG] = {
	[RG_LANG_EN] = "en@ss=standard", [RG_LANG_FA] = "fa", [RG_LANG_AR] = "ar",
	[RG_LANG_AZ] = "az", [RG_LANG_RU] = "ru@ss=standard", [RG_LANG_TR] = "tr",
};

/* Characters that may join the words of one name: "Guinea-Bissau", "3+3". */
static int is_hyphen(UChar32 c)
{
	return c == '-' || c == '+' || (c >= 0x2010 && c <= 0x2015) || c == 0x2212;
}

/*
 * Whether the '.' at byte `at` of p[0..n) joins two initials ("U.S.",
 * "U.N."): it follows the one-letter word t directly and a letter follows
 * it.  The next word then stays glued to t, so dotted acronyms match.
 */
static int initial_dot(const rg_fold *f, const uint8_t *p, size_t at, size_t n,
		       const rg_token *t)
{
	if (t->end != at || t->end <= t->start || at + 1 >= n)
		return 0;
	size_t j = t->start;
	U8_FWD_1(p, j, n);
	if (j != t->end)
		return 0;
	UChar32 d;
	j = at + 1;
	U8_NEXT(p, j, n, d);
	rg_fold_ent tmp;
	return d >= 0 && rg_fold_lookup(f, d, &tmp)->cls == RG_CC_WORD;
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

/*
 * Appends the folded form of a BMP letter.  Most are at most 4 bytes: when
 * 4 bytes and the NUL fit, copies 4 (the pool has RG_FOLD_SLACK bytes after
 * its end) and counts len, which is fold_put's result in fewer steps.
 */
static inline rg_err fold_put_ent(rg_sb *sb, const rg_fold *f, const rg_fold_ent *e)
{
	if (e->len <= 4 && sb->len + 5 <= sb->cap) {
		memcpy(sb->buf + sb->len, f->pool.buf + e->off, 4);
		sb->len += e->len;
		return RG_OK;
	}
	return fold_put(sb, f->pool.buf + e->off, e->len);
}

static rg_err push_token(rg_scratch *s, const rg_token *t)
{
	if (s->n_toks == s->cap_toks &&
	    rg_grow(&s->toks, &s->cap_toks, s->n_toks + 1, sizeof *s->toks))
		return RG_ENOMEM;
	s->toks[s->n_toks++] = *t;
	return RG_OK;
}

/*
 * The one-sentence test.  UAX #29 ends a sentence only after a paragraph
 * separator (SB4) or after a terminal, (STerm|ATerm) Close* Sp* ParaSep?
 * (SB11); Extend and Format characters go with the one before (SB5).  So a
 * paragraph
 *     body [terminal (terminal | close | extend)* (space | extend)*]
 * whose body holds no terminal and no separator is one sentence: nothing
 * in the body follows a terminal; in the tail SB8a keeps a terminal after
 * terminal Close*, SB9 a Close or Sp after it and SB10 a Sp after terminal
 * Close* Sp*; the end of the text is its only boundary.  ICU implements
 * these rules for all six locales (the ss=standard suppressions only take
 * boundaries away), so it is not asked; any other paragraph goes to it.
 * tests/unit/test_text.c compares the result with ICU on generated texts.
 */
enum { SS_BODY, SS_TAIL, SS_SPACE, SS_ICU, SS_N };

static const uint8_t ss_next[SS_N][RG_SB_N] = {
	/*             OTHER    TERM     CLOSE    SP        EXTEND    SEP */
	[SS_BODY]  = { SS_BODY, SS_TAIL, SS_BODY, SS_BODY,  SS_BODY,  SS_ICU },
	[SS_TAIL]  = { SS_ICU,  SS_TAIL, SS_TAIL, SS_SPACE, SS_TAIL,  SS_ICU },
	[SS_SPACE] = { SS_ICU,  SS_ICU,  SS_ICU,  SS_SPACE, SS_SPACE, SS_ICU },
	[SS_ICU]   = { SS_ICU,  SS_ICU,  SS_ICU,  SS_ICU,   SS_ICU,   SS_ICU },
};

/*
 * The letters that follow the first one of a word, folded in a tight loop:
 * from p[i], while the character is one or two bytes of well-formed UTF-8
 * (c < 0x800) and its entry is WORD with sentence role OTHER and a folded
 * form of at most 4 bytes.  For such a character inside a word,
 * tokenize()'s general path does exactly this: the one-sentence state is
 * unchanged (SS_BODY and SS_ICU, the only states after a WORD character of
 * role OTHER, go to themselves on OTHER), no newline, apostrophe or
 * above-BMP branch is taken, and fold_put_ent copies 4 bytes and counts
 * e->len (fw has room for them and the NUL: the loop reads at most
 * room / 4 bytes, each a character of at most 4 folded bytes).  The
 * decoding is U8_NEXT's for these lengths: a byte below 0x80 is itself; a
 * lead byte C2..DF followed by a trail byte 80..BF is ((lead & 0x1F) << 6)
 * | (trail & 0x3F) (the loop stops before the text's last byte, so the
 * trail byte is inside it); anything else (three- and four-byte
 * sequences, ill-formed bytes) stops the loop and goes through the
 * general path.  Returns where it stopped; ORs the letters' flags into
 * *acc.  The caller knows ss is SS_BODY or SS_ICU.  With `guess`, also
 * counts each character for the language guess (kinds[], by the bits
 * `lt` gives it) and ANDs those bits into *plain, as the general path.
 */
static inline __attribute__((always_inline)) size_t
word_run(const rg_fold_ent *bmp, const char *pool, const uint8_t *p, size_t i, size_t n,
	 rg_sb *fw, unsigned *acc, const int guess, const uint8_t *lt, long *kinds,
	 unsigned *plain)
{
	if (fw->len + 5 > fw->cap || i + 1 >= n)
		return i;
	size_t end = i + (fw->cap - fw->len - 5) / 4; /* room for 4 bytes + NUL */
	if (end > n - 1)
		end = n - 1;
	char *o = fw->buf + fw->len;
	unsigned a = 0, pl = RG_LT_PLAIN;
	while (i < end) {
		unsigned c = p[i], k = 1;
		if (c >= 0x80) {
			unsigned t = (unsigned)p[i + 1] - 0x80;
			if (c - 0xC2 > 0xDF - 0xC2 || t > 0x3F)
				break;
			c = ((c & 0x1F) << 6) | t;
			k = 2;
		}
		const rg_fold_ent *e = &bmp[c];
		if (e->cls != RG_CC_WORD || e->sb != RG_SB_OTHER || e->len > 4)
			break;
		memcpy(o, pool + e->off, 4);
		o += e->len;
		a |= e->flags;
		if (guess) {
			unsigned l = lt[c];
			kinds[l & RG_LT_KIND]++;
			pl &= l;
		}
		i += k;
	}
	fw->len = (size_t)(o - fw->buf);
	*acc |= a;
	if (guess)
		*plain &= pl;
	return i;
}

/* What tokenize() learnt about a line besides its words. */
typedef struct {
	size_t eol;        /* offset of the CR or LF that ends it, or the text's end */
	int blank;         /* only white space and ignorables: no paragraph */
	int one_sentence;  /* passes the one-sentence test */
	int ill_formed;    /* holds an ill-formed sequence */
} line_info;

/* Ends the word t, whose folded form ends at fold_end: its length, case
 * and script flags (acc: RG_CF_* of its characters; case_acc: of those
 * before its apostrophe, whose case is the word's: "ABD'nin" is upper
 * case); keeps it unless it folded to nothing. */
static rg_err end_word(rg_scratch *s, rg_token *t, size_t fold_end, unsigned acc,
		       unsigned case_acc)
{
	t->fold_len = (uint32_t)(fold_end - t->fold_off);
	if ((case_acc & RG_CF_UPPER) && !(case_acc & RG_CF_LOWER))
		t->flags |= RG_TF_UPPER;
	if (acc & RG_CF_LATIN)
		t->flags |= RG_TF_LATIN | RG_TF_CASED;
	if (acc & RG_CF_CYRILLIC)
		t->flags |= RG_TF_CYRILLIC | RG_TF_CASED;
	if (acc & RG_CF_ARABIC)
		t->flags |= RG_TF_ARABIC;
	return t->fold_len ? push_token(s, t) : RG_OK;
}

/*
 * Tokenises the line that starts at byte `from` of p[0..n), up to the next
 * CR or LF, as paragraph `para` (if it is blank it yields no token).  A
 * word is a run of letters, marks and digits; default-ignorable characters
 * (ZWNJ, bidi controls) inside it are dropped; an apostrophe between
 * letters stays in it ("Türkiye'nin").  *bad counts ill-formed sequences,
 * *first_bad is the offset of the first.  Decoding with the text's end as
 * the limit reads each character of the line as decoding the line alone
 * would, since the CR or LF after it is no trail byte.
 *
 * With `guess` (a constant: the two instances below), the line is also
 * counted into `tally` for the language guess (lang.h): every BMP
 * character by its kind, and every word, as one span, with whether all
 * its characters are RG_LT_PLAIN.  The guesser's words are runs of
 * letters and in-word ignorables; ours hold the same letters (letters and
 * marks are word characters here unless default-ignorable), so a span of
 * ours holds whole words of the guesser's, and rg_lang_tally_word splits
 * it as the guesser would.  Where one of its letters or ignorables is
 * not a word character here (a letter that is default-ignorable, "ʼ"
 * after a word), the words may differ, and the tally falls back to
 * rg_lang_detect.
 */
static inline __attribute__((always_inline)) rg_err
tokenize_impl(const rg_fold *f, const uint8_t *p, size_t from, size_t n, int para,
	      rg_scratch *s, size_t *bad, long *first_bad, line_info *li,
	      const int guess, rg_lang_tally *tally)
{
	rg_token t = { 0 };
	int in_word = 0, glued = 1, hyphen = 0, blank = 1, ss = SS_BODY;
	unsigned acc = 0, apos_acc = 0, plain = 0;
	size_t i = from, bad0 = *bad;
	rg_err rc = RG_OK;
	/* the folded words live in locals during the loop: the compiler
	   would reload them from *s after every byte stored */
	rg_sb fw = s->fold;
	const rg_fold_ent *bmp = f->bmp;
	const uint8_t *lt = guess ? rg_lang_table() : NULL;
	long *kinds = guess ? tally->kinds : NULL;
	while (i < n) {
		size_t at = i;
		UChar32 c;
		U8_NEXT(p, i, n, c);
		rg_fold_ent tmp;
		const rg_fold_ent *e = c >= 0 && c < 0x10000 ? &bmp[c]
			: rg_fold_lookup_slow(f, c, &tmp);
		int cls = e->cls;
		if (cls == RG_CC_NEWLINE) {
			i = at;
			break;
		}
		unsigned l = 0; /* the guesser's bits of c */
		if (guess) {
			if ((uint32_t)c < 0x10000)
				l = lt[c];
			else if (c >= 0 && rg_lang_in_word(c))
				l = RG_LT_ALPHA; /* above the BMP: counted when rescanned */
			kinds[l & RG_LT_KIND]++;
		}
		ss = ss_next[ss][e->sb];
		if (cls == RG_CC_APOS) {
			size_t j = i;
			UChar32 d = -1;
			if (j < n)
				U8_NEXT(p, j, n, d);
			cls = in_word && rg_fold_lookup(f, d, &tmp)->cls == RG_CC_WORD
				? RG_CC_WORD : RG_CC_OTHER;
			if (cls == RG_CC_WORD && !t.apos) {
				t.apos = (uint32_t)(fw.len - t.fold_off);
				apos_acc = acc;
			}
		}
		if (cls == RG_CC_WORD) {
			if (!in_word) {
				plain = RG_LT_PLAIN;
				memset(&t, 0, sizeof t);
				t.fold_off = (uint32_t)fw.len;
				t.start = (uint32_t)at;
				t.para = para;
				t.flags = (glued ? RG_TF_GLUED : 0) | (hyphen ? RG_TF_HYPHEN : 0);
				if (e->flags & RG_CF_UPPER)
					t.flags |= RG_TF_INITIAL;
				in_word = 1;
				acc = 0;
				blank = 0;
			}
			if (c >= 0x10000)
				rc = fold_put(&fw, p + at, i - at);
			else
				rc = fold_put_ent(&fw, f, e);
			if (rc)
				goto out;
			acc |= e->flags;
			plain &= l;
			if (e->sb == RG_SB_OTHER) /* ss is SS_BODY or SS_ICU */
				i = word_run(bmp, f->pool.buf, p, i, n, &fw, &acc, guess, lt,
					     kinds, &plain);
			t.end = (uint32_t)i;
			continue;
		}
		if (guess && (l & (cls == RG_CC_IGNORE ? RG_LT_ALPHA
				   : RG_LT_ALPHA | RG_LT_IGNORE)))
			tally->fallback = 1; /* a word of the guesser's, not ours */
		if (cls == RG_CC_IGNORE) {
			plain = 0;
			continue;
		}
		if (in_word) {
			in_word = 0;
			if (guess)
				rg_lang_tally_word(tally, (const char *)p, t.start, t.end, plain);
			if ((rc = end_word(s, &t, fw.len, acc, t.apos ? apos_acc : acc)))
				goto out;
			glued = 1;
			hyphen = 0;
		}
		if (cls == RG_CC_SPACE)
			continue;
		blank = 0;
		if (c < 0 && !(*bad)++)
			*first_bad = (long)at;
		if (is_hyphen(c))
			hyphen = 1;
		else if (c != '.' || !initial_dot(f, p, at, n, &t))
			glued = 0;
	}
	if (in_word) {
		if (guess)
			rg_lang_tally_word(tally, (const char *)p, t.start, t.end, plain);
		if ((rc = end_word(s, &t, fw.len, acc, t.apos ? apos_acc : acc)))
			goto out;
	}
	li->eol = i;
	li->blank = blank;
	li->one_sentence = ss != SS_ICU;
	li->ill_formed = *bad != bad0;
	/* keep the folded words NUL-terminated for the matcher's lookups
	   (fold_put always leaves room for it) */
	if (rg_sb_grow(&fw, 1)) {
		rc = RG_ENOMEM;
		goto out;
	}
	fw.buf[fw.len] = '\0';
out:
	s->fold = fw;
	return rc;
}

/* tokenize_impl, counting nothing for the language guess. */
static rg_err tokenize(const rg_fold *f, const uint8_t *p, size_t from, size_t n,
		       int para, rg_scratch *s, size_t *bad, long *first_bad,
		       line_info *li)
{
	return tokenize_impl(f, p, from, n, para, s, bad, first_bad, li, 0, NULL);
}

/* tokenize_impl, counting the letters and words of the line into `tally`. */
static rg_err tokenize_guess(const rg_fold *f, const uint8_t *p, size_t from, size_t n,
			     int para, rg_scratch *s, size_t *bad, long *first_bad,
			     line_info *li, rg_lang_tally *tally)
{
	return tokenize_impl(f, p, from, n, para, s, bad, first_bad, li, 1, tally);
}

/*
 * Copies the well-formed UTF-8 p[from, to), at most RG_U16_PARA bytes, to
 * s->u16 for the sentence iterator, with the offset (from `from`) of each
 * unit in s->u16_at and the end after the last; returns the units' count.
 */
static rg_err para_utf16(const uint8_t *p, size_t from, size_t to, rg_scratch *s,
			 int32_t *n16)
{
	if (!s->u16_at) { /* one block: the offsets, then the units */
		s->u16_at = malloc((RG_U16_PARA + 1) * sizeof *s->u16_at +
				   RG_U16_PARA * sizeof *s->u16);
		if (!s->u16_at)
			return RG_ENOMEM;
		s->u16 = (UChar *)(s->u16_at + RG_U16_PARA + 1);
	}
	UChar *u = s->u16;
	uint32_t *u_at = s->u16_at;
	int32_t n = 0;
	for (size_t i = from; i < to;) {
		size_t at = i;
		UChar32 c;
		U8_NEXT_UNSAFE(p, i, c);
		u_at[n] = (uint32_t)(at - from);
		if (c < 0x10000) {
			u[n++] = (UChar)c;
		} else {
			u[n++] = U16_LEAD(c);
			u_at[n] = (uint32_t)(at - from);
			u[n++] = U16_TRAIL(c);
		}
	}
	u_at[n] = (uint32_t)(to - from);
	*n16 = n;
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
 * Whether the sentence boundary at byte b of p (after `from`, the start of
 * its paragraph) follows a Roman numeral ordinal: "II. " as Turkish and
 * Azerbaijani write "the second" before a name ("II. Abdullah", "II. Dünya
 * Savaşı"), which UAX #29 takes for the end of a sentence.  The numeral
 * is a word of one to seven of the letters I V X L C D M, after the start
 * of the paragraph or an ASCII character other than a letter or digit.
 */
static int roman_ordinal_before(const uint8_t *p, size_t from, size_t b)
{
	size_t j = b;
	while (j > from && (p[j - 1] == ' ' || p[j - 1] == '\t'))
		j--;
	if (j == b || j == from || p[j - 1] != '.')
		return 0;
	size_t k = --j;
	while (k > from && k + 7 > j && p[k - 1] && strchr("IVXLCDM", p[k - 1]))
		k--;
	if (k == j || (k > from && (p[k - 1] >= 0x80 || isalnum(p[k - 1]))))
		return 0;
	return 1;
}

/*
 * Splits paragraph [from, to) into sentences with ICU.  ICU walks UTF-16
 * directly but UTF-8 only through a UText that converts it 32 characters
 * at a time, so the paragraph goes as UTF-16 unless it is ill-formed or
 * longer than RG_U16_PARA bytes.
 */
static rg_err icu_sentences(const rg_fold *f, const rg_doc *doc, rg_analysis *an,
			    rg_scratch *s, size_t from, size_t to, int para,
			    int ill_formed, const rg_diag *diag)
{
	int lang = an->lang >= 0 ? an->lang : RG_LANG_EN;
	const uint8_t *p = (const uint8_t *)doc->text;
	UErrorCode st = U_ZERO_ERROR;
	UText ut = UTEXT_INITIALIZER;
	int32_t n16 = -1;
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
	if (!ill_formed && to - from <= RG_U16_PARA) {
		if ((rc = para_utf16(p, from, to, s, &n16)))
			return rc;
		ubrk_setText(bi, s->u16, n16, &st);
	} else {
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
	int ordinals = lang == RG_LANG_TR || lang == RG_LANG_AZ;
	ubrk_first(bi);
	for (int32_t b = ubrk_next(bi); b != UBRK_DONE; b = ubrk_next(bi)) {
		size_t sb = from + (n16 < 0 ? (size_t)b : s->u16_at[b]);
		if (ordinals && sb < to && roman_ordinal_before(p, from, sb))
			continue; /* "II. Abdullah": one sentence */
		if (!blank_line(f, p + sa, sb - sa) && (rc = push_sentence(an, s, sa, sb, para)))
			goto out;
		sa = sb;
	}
out:
	utext_close(&ut);
	return rc;
}

/* rg_para_note.bits: what tokenize() learnt of a paragraph. */
enum { PB_ONE_SENTENCE = 1, PB_ILL_FORMED = 2 };

/*
 * Splits the non-blank paragraph [from, to) into sentences (one, or as
 * ICU says) and numbers its tokens (tokens [tok0, tok1)) by sentence.
 */
static rg_err sentences(const rg_fold *f, const rg_doc *doc, rg_analysis *an,
			rg_scratch *s, size_t from, size_t to, int para, size_t tok0,
			size_t tok1, unsigned bits, const rg_diag *diag)
{
	size_t first = an->n_sents;
	rg_err rc;
	if (!(bits & PB_ONE_SENTENCE) &&
	    (rc = icu_sentences(f, doc, an, s, from, to, para, bits & PB_ILL_FORMED, diag)))
		return rc;
	if (an->n_sents == first && (rc = push_sentence(an, s, from, to, para)))
		return rc;
	/* number the tokens: each belongs to the sentence whose span holds its start */
	size_t k = first;
	for (size_t t = tok0; t < tok1; t++) {
		while (k + 1 < an->n_sents && s->toks[t].start >= an->sents[k + 1].start)
			k++;
		s->toks[t].sent = (int)k + 1;
	}
	return RG_OK;
}

rg_err rg_text_segment(const rg_lexicon *lex, const rg_doc *doc, rg_analysis *an,
		       rg_scratch *s, int guess, const rg_diag *diag)
{
	const uint8_t *p = (const uint8_t *)doc->text;
	size_t n = doc->len, bad = 0;
	long first_bad = -1;
	rg_err rc = RG_OK;
	size_t line = 0;
	rg_lang_tally tally;
	if (n >= RG_TEXT_MAX) {
		rg_diag_emit(diag, RG_SEV_ERROR, doc->id, -1, -1,
			     "document of %zu bytes: too large to analyse (limit %lu)",
			     n, (unsigned long)RG_TEXT_MAX - 1);
		return RG_EINPUT;
	}
	guess = guess && n <= RG_LANG_GUESS_MAX;
	if (guess)
		rg_lang_tally_init(&tally);
	/* the words and paragraphs first: the sentences need the language */
	while (line < n) {
		int para = (int)an->n_paras + 1;
		size_t tok0 = s->n_toks;
		line_info li = { 0 };
		rc = guess ? tokenize_guess(&lex->fold, p, line, n, para, s, &bad, &first_bad,
					    &li, &tally)
			: tokenize(&lex->fold, p, line, n, para, s, &bad, &first_bad, &li);
		if (rc == RG_EINPUT)
			rg_diag_emit(diag, RG_SEV_ERROR, doc->id, -1, (long)line,
				     "the folded words of the document reach %lu "
				     "bytes: too large to analyse",
				     (unsigned long)RG_TEXT_MAX);
		if (rc)
			return rc;
		size_t eol = li.eol, next = eol;
		if (next < n && p[next] == '\r')
			next++;
		if (next < n && p[next] == '\n' && (next == eol || p[eol] == '\r'))
			next++;
		if (next == eol)
			next++; /* end of text */
		if (!li.blank) {
			if (rg_grow(&an->paras, &s->cap_paras, an->n_paras + 1,
				    sizeof *an->paras) ||
			    rg_grow(&s->para_notes, &s->cap_para_notes, an->n_paras + 1,
				    sizeof *s->para_notes))
				return RG_ENOMEM;
			s->para_notes[an->n_paras] = (struct rg_para_note){
				tok0, (li.one_sentence ? PB_ONE_SENTENCE : 0) |
				      (li.ill_formed ? PB_ILL_FORMED : 0) };
			an->paras[an->n_paras++] = (rg_span){ line, eol };
		}
		line = next;
	}
	if (guess)
		an->lang = rg_lang_tally_decide(&tally, doc->text, n);
	for (size_t k = 0; k < an->n_paras; k++) {
		size_t t1 = k + 1 < an->n_paras ? s->para_notes[k + 1].tok0 : s->n_toks;
		if ((rc = sentences(&lex->fold, doc, an, s, an->paras[k].start,
				    an->paras[k].end, (int)k + 1, s->para_notes[k].tok0, t1,
				    s->para_notes[k].bits, diag)))
			return rc;
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
