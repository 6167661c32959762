/*
 * test_text.c - unit tests of the text layer and the matcher through the
 * public API (util.h for buffers): folding (case, dotless i, schwa,
 * Arabic/Persian letters, ZWNJ, digits), byte offsets into the original
 * input, paragraphs and sentences, invalid UTF-8, the affix rules of each
 * language and the key cache across documents and lexicons, and overfull
 * (evicting), with the project's own dictionaries.  Expected values are
 * worked out by hand, except that paragraphs and sentences of generated
 * texts are also compared with ICU's sentence iterator run directly (the
 * text layer skips it where it knows the answer), and the tokens of
 * generated texts with those of a plain reference tokenizer here (the
 * text layer folds most letters in a faster loop).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <unicode/uchar.h>
#include <unicode/ubrk.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include "analysis.h"
#include "lang.h"
#include "relgraph.h"
#include "tap.h"
#include "util.h"

static rg_lexicon *lex;

/* The next state of a 64-bit linear congruential generator (Knuth's). */
static void lcg(unsigned long *seed)
{
	*seed = *seed * 6364136223846793005UL + 1442695040888963407UL;
}

/* Analyses text; returns the analysis (static, reused). */
static rg_analysis *run(const char *text, int lang, const char *date)
{
	static rg_analysis an;
	static int init;
	if (!init) {
		rg_analysis_init(&an);
		init = 1;
	}
	rg_doc d = { "t", text, strlen(text), date, lang };
	if (rg_analyze(lex, &d, &an, NULL) != RG_OK)
		return NULL;
	return &an;
}

/* The actor ids found, space-separated, in text order (role mentions too). */
static const char *found(const char *text, int lang)
{
	static char buf[1024];
	rg_analysis *an = run(text, lang, NULL);
	buf[0] = '\0';
	for (size_t i = 0; an && i < an->n_mentions; i++) {
		if (buf[0])
			strcat(buf, " ");
		strncat(buf, rg_lexicon_actor(lex, an->mentions[i].actor)->id,
			sizeof buf - strlen(buf) - 1);
	}
	return buf;
}

static void test_folding(void)
{
	/* case and the Turkish dotted/dotless i all fold to "i" */
	is_str(found("İRAN və Iran, İran", RG_LANG_AZ), "IRN IRN IRN", "I/İ/i fold together");
	is_str(found("Qazaxıstan QAZAXISTAN", RG_LANG_AZ), "KAZ KAZ", "dotless ı folds to i");
	/* schwa: the Turkish spelling of the Azerbaijani name */
	is_str(found("Azerbaycan ve Azərbaycan", RG_LANG_TR), "AZE AZE", "ə folds to e");
	/* Arabic yeh and alef with hamza against the Persian spelling */
	is_str(found("إيران و ایران", RG_LANG_FA), "IRN IRN", "Arabic and Persian yeh, alef hamza");
	/* tatweel inside a word and harakat are dropped */
	is_str(found("قـطـر وقَطَر", RG_LANG_AR), "QAT QAT", "tatweel and harakat dropped");
	/* a zero-width non-joiner or a bidi mark inside a name does not split it */
	is_str(found("Azerbai\xE2\x80\x8Bjan", RG_LANG_EN), "AZE", "zero-width space inside a name");
	is_str(found("Rus\xE2\x80\x8Fsia", RG_LANG_EN), "RUS", "bidi mark inside a name");
}

static void test_offsets(void)
{
	/* "Ağ " is 4 bytes (ğ is 2), so Rusiya is bytes 4-10; "\r\n\r\n" is
	 * bytes 10-13, so line 2 starts at byte 14; "Qətərə" is 9 bytes */
	const char *t = "Ağ Rusiya\r\n\r\nQətərə gedib.\n";
	rg_analysis *an = run(t, RG_LANG_AZ, NULL);
	ok(an != NULL, "analysis of a CRLF text");
	if (!an)
		return;
	is_int(an->n_paras, 2, "CRLF: the blank line is no paragraph");
	is_int(an->n_mentions, 2, "two mentions");
	is_int(an->mentions[0].start, 4, "Rusiya starts at byte 4");
	is_int(an->mentions[0].end, 10, "Rusiya ends at byte 10");
	is_int(an->mentions[1].para, 2, "Qətərə is in paragraph 2");
	is_int(an->mentions[1].start, 14, "Qətərə starts after CR LF CR LF");
	is_int(an->mentions[1].end, 14 + 9, "the suffix is part of the surface (9 bytes)");
	is_int(an->paras[1].start, 14, "paragraph 2 starts at byte 14");

	/* lone CR ends a paragraph too; whitespace-only lines are blank */
	an = run("Iran\r \t\rRussia", RG_LANG_EN, NULL);
	is_int(an->n_paras, 2, "CR line ends; a whitespace-only line is blank");
	is_int(an->mentions[1].para, 2, "Russia is in paragraph 2");
}

static void test_sentences_and_bad_bytes(void)
{
	rg_analysis *an = run("Iran met Russia. Qatar met Turkey.\nPakistan.", RG_LANG_EN, NULL);
	is_int(an->n_sents, 3, "two sentences in paragraph 1, one in paragraph 2");
	is_int(an->mentions[1].sent, 1, "Russia in sentence 1");
	is_int(an->mentions[2].sent, 2, "Qatar in sentence 2");
	is_int(an->mentions[4].sent, 3, "Pakistan in sentence 3");
	is_int(an->sents[2].para, 2, "sentence 3 is in paragraph 2");

	an = run("Iran \xFF\xFE and \xC0\xAF Russia", RG_LANG_EN, NULL);
	is_int(an->invalid_bytes, 4, "four ill-formed bytes (0xFF, 0xFE, overlong C0 AF)");
	is_int(an->n_mentions, 2, "names on both sides of bad bytes");
	is_int(an->mentions[1].start, 15, "offsets stay byte offsets of the input");

	/* a Roman numeral ordinal before a name is no sentence end in tr, az */
	an = run("\xC3\x9Crd\xC3\xBCn Kral\xC4\xB1 II. Abdullah geldi. Sonra gitti.",
		 RG_LANG_TR, NULL);
	is_int(an->n_sents, 2, "tr: 'Kralı II. Abdullah geldi.' is one sentence");
	is_int(an->sents[0].end, 35, "tr: the first ends after 'geldi. '");
	an = run("II. D\xC3\xBCnya m\xC3\xBCharib\xC9\x99si bitdi. (XIV. Leo g\xC9\x99ldi.)",
		 RG_LANG_AZ, NULL);
	is_int(an->n_sents, 2, "az: numerals at the start and after '(' too");
	an = run("King Abdullah II. He met them.", RG_LANG_EN, NULL);
	is_int(an->n_sents, 2, "en: 'II.' ends a sentence as ICU says");
	an = run("TBMM. Ankara bekliyor.", RG_LANG_TR, NULL);
	is_int(an->n_sents, 2, "tr: 'MM' ending a word is no numeral");

	an = run("", RG_LANG_NONE, NULL);
	is_int(an->n_paras, 0, "empty text: no paragraph");
	is_int(an->n_mentions, 0, "empty text: no mention");
}

/* Whether bytes [a, b) hold only white space and default-ignorables. */
static int ref_blank(const char *t, size_t a, size_t b)
{
	for (size_t i = a; i < b;) {
		UChar32 c;
		U8_NEXT((const uint8_t *)t, i, b, c);
		if (c < 0 || !(u_isUWhiteSpace(c) ||
			       u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT)))
			return 0;
	}
	return 1;
}

/*
 * Compares the paragraphs and sentences of `an` with the reference: lines
 * ended by LF, CR or CR LF, blank ones skipped, each split by ICU's
 * sentence iterator (UTF-8 UText) for `locale`, blank sentences skipped.
 * Returns 1 when they agree; prints the first difference otherwise.
 */
static int same_as_icu(const char *t, const rg_analysis *an, const char *locale)
{
	size_t n = strlen(t), line = 0, np = 0, ns = 0;
	UErrorCode st = U_ZERO_ERROR;
	UBreakIterator *bi = ubrk_open(UBRK_SENTENCE, locale, NULL, 0, &st);
	int same = U_SUCCESS(st);
	while (same && line < n) {
		size_t eol = line + strcspn(t + line, "\r\n"), next = eol;
		if (next < n && t[next] == '\r')
			next++;
		if (next < n && t[next] == '\n')
			next++;
		if (next == eol)
			next++;
		if (!ref_blank(t, line, eol)) {
			same = np < an->n_paras && an->paras[np].start == line &&
			       an->paras[np].end == eol;
			np++;
			UText ut = UTEXT_INITIALIZER;
			utext_openUTF8(&ut, t + line, (int64_t)(eol - line), &st);
			ubrk_setUText(bi, &ut, &st);
			size_t sa = line;
			ubrk_first(bi);
			for (int32_t b = ubrk_next(bi); same && b != UBRK_DONE; b = ubrk_next(bi)) {
				size_t sb = line + (size_t)b;
				if (!ref_blank(t, sa, sb)) {
					same = ns < an->n_sents && an->sents[ns].start == sa &&
					       an->sents[ns].end == sb && an->sents[ns].para == (int)np;
					ns++;
				}
				sa = sb;
			}
			utext_close(&ut);
		}
		line = next;
	}
	same = same && U_SUCCESS(st) && np == an->n_paras && ns == an->n_sents;
	if (!same)
		printf("# differs from ICU (%s): '%s'\n", locale, t);
	ubrk_close(bi);
	return same;
}

/*
 * Texts put together from pieces of every sentence-break class (terminals
 * of several scripts, closing punctuation, spaces, marks, ZWNJ, paragraph
 * separators, CR/LF, ill-formed bytes, characters above the BMP) split as
 * ICU splits them.
 */
static void test_sentences_icu(void)
{
	static const char *const pieces[] = {
		"Iran", "met", "Russia", "a", "B", "3", "x", " ", "  ", "\t", ".", ".",
		"?", "!", "\xD8\x9F" /* ؟ */, "\xDB\x94" /* ۔ */, "\xE3\x80\x82" /* 。 */,
		"\xE2\x80\xA6" /* … */, ")", "\"", "'", "\xC2\xBB" /* » */,
		"\xC2\xAB" /* « */, ",", ";", ":", "-", "\xE2\x80\x8C" /* ZWNJ */,
		"\xE2\x80\x8D" /* ZWJ */, "\xCC\x81" /* combining acute */,
		"\xC2\xAD" /* soft hyphen */, "\xE2\x80\xA9" /* U+2029 */,
		"\xE2\x80\xA8" /* U+2028 */, "\xC2\x85" /* NEL */, "\r", "\n", "\r\n",
		"\xC2\xA0" /* NBSP */, "\xD1\x8B" /* ы */, "\xD8\xA7\xD9\x84" /* ال */,
		"\xD9\x8E" /* fatha */, "\xFF", "\xC3", "\xE2\x80", "Mr", "U.S", "e.g",
		"\xF0\x9D\x90\x80" /* U+1D400 */, "\xF0\x91\x81\x87" /* U+11047 danda */,
		"\xF0\x9F\x98\x80" /* U+1F600 */, "\xEF\xBC\x8E" /* fullwidth . */,
		"\xD6\x89" /* Armenian full stop */, "\xE0\xA5\xA4" /* danda */,
	};
	static const char *const locales[] = {
		"en@ss=standard", "fa", "ar", "az", "ru@ss=standard", "tr",
	};
	const size_t np = sizeof pieces / sizeof *pieces;
	unsigned long seed = 12345;
	int bad = 0, runs = 0;
	char t[512];
	for (int k = 0; k < 3000 && bad < 3; k++) {
		size_t len = 0;
		lcg(&seed);
		int n = 1 + (int)(seed >> 59);
		for (int j = 0; j < n; j++) {
			lcg(&seed);
			/* words and spaces twice as often as the rest */
			size_t w = (size_t)(seed >> 33) % (np + 16);
			const char *pc = w < np ? pieces[w] : pieces[w % 8];
			size_t m = strlen(pc);
			memcpy(t + len, pc, m);
			len += m;
		}
		t[len] = '\0';
		int lang = k % RG_NLANG;
		rg_analysis *an = run(t, lang, NULL);
		runs++;
		if (!an || !same_as_icu(t, an, locales[lang]))
			bad++;
	}
	is_int(bad, 0, "paragraphs and sentences of generated texts are ICU's");
	ok(runs >= 3000, "three thousand texts compared");
}

static void test_affixes(void)
{
	is_str(found("Azərbaycanın və Rusiyaya, Türkiye'nin", RG_LANG_AZ), "AZE RUS TUR",
	       "Azerbaijani case suffixes and a Turkish apostrophe");
	is_str(found("Azərbaycan Respublikasının", RG_LANG_AZ), "AZE",
	       "two stacked suffixes on the last word of a long name");
	is_str(found("لأذربيجان وبقطر والقطري", RG_LANG_AR), "AZE QAT QAT",
	       "Arabic proclitics, article and nisba");
	is_str(found("ایرانی‌ها و آذربایجانی", RG_LANG_FA), "IRN AZE",
	       "Persian adjective -i and plural -ha");
	is_str(found("России, Азербайджана, российско-азербайджанские", RG_LANG_RU),
	       "RUS AZE RUS AZE", "Russian declension and a hyphenated adjective pair");
	is_str(found("Rusiya-Azərbaycan", RG_LANG_AZ), "RUS AZE", "a hyphenated pair names both");
	is_str(found("محمد یاراف و محمدیاراف", RG_LANG_FA),
	       "elmar-mammadyarov elmar-mammadyarov", "a Persian name split or joined");
	is_str(found("Лаврову", RG_LANG_RU), "sergey-lavrov", "a declined surname");
	is_str(found("اتحادیه\u200cی اروپا و کره\u200cی جنوبی", RG_LANG_FA), "eu KOR",
	       "Persian ezafe written ZWNJ + yeh after an inner word ending in heh");
	is_str(found("شورای همکاری خلیج\u200cفارس و آژانس بین\u200cالمللی انرژی\u200cاتمی", RG_LANG_FA),
	       "gcc iaea", "two words of a longer Persian name written as one");
}

static void test_precision(void)
{
	is_str(found("BMT Təhlükəsizlik Şurası", RG_LANG_AZ), "unsc",
	       "nested name: only the Security Council");
	is_str(found("UN delegates, and un-related", RG_LANG_EN), "un",
	       "an acronym counts only in capitals");
	is_str(found("ABD'nin ve AB'ye, Ab'nin", RG_LANG_TR), "USA eu",
	       "an acronym in capitals before an apostrophe and a lower-case suffix");
	is_str(found("the UN's report", RG_LANG_EN), "un",
	       "an acronym with an English possessive");
	is_str(found("The U.S. and the U.N. agreed; U.S.-Iran talks.", RG_LANG_EN), "USA un USA IRN",
	       "dotted acronyms: a dot between initials does not split the name");
	is_str(found("We roasted a turkey.", RG_LANG_EN), "",
	       "a capitalised name does not match a lower-case word");
	is_str(found("türkmən tərəfi", RG_LANG_AZ), "TKM",
	       "a form one language writes in lower case matches in lower case, "
	       "though another lists it with a capital");
	is_str(found("Michael Jordan and Chad Miller", RG_LANG_EN), "",
	       "a weak name beside an unknown capitalised word is part of a person's name");
	is_str(found("Jordan and Georgia signed", RG_LANG_EN), "JOR GEO",
	       "weak names beside other mentions are countries");
	is_str(found("Snow closed roads across Atlanta, Georgia, on Monday.", RG_LANG_EN), "",
	       "'City, Georgia,' with an unknown city is the US state");
	is_str(found("On Monday, Georgia signed.", RG_LANG_EN), "GEO",
	       "a weak name after an introductory phrase is still the country");
	is_str(found("In Tbilisi, Georgia, talks began.", RG_LANG_EN), "tbilisi GEO",
	       "'City, Georgia,' with a known city is the country");
	const char *s = found("استان آذربایجان شرقی", RG_LANG_FA);
	ok(strstr(s, "AZE") == NULL, "East Azerbaijan province is not the Republic of Azerbaijan");
	is_str(found("Baku", RG_LANG_EN), "baku", "a capital is a place, not its country");
}

static void test_roles(void)
{
	/* the holder comes from data/offices.tsv: Jeyhun Bayramov became
	 * Azerbaijan's foreign minister in July 2020 */
	rg_analysis *an = run("The Azerbaijani foreign minister spoke.", RG_LANG_EN, "2024-03-12");
	size_t n_roles = an ? an->n_roles : 0;
	is_int(n_roles, 1, "one office phrase with its country");
	const char *who = n_roles && an->roles[0].person != RG_NO_ACTOR
		? rg_lexicon_actor(lex, an->roles[0].person)->id : "(none)";
	is_str(who, "jeyhun-bayramov", "resolved by the document's date");
	an = run("The Azerbaijani foreign minister spoke.", RG_LANG_EN, NULL);
	is_int(an->n_roles, 1, "undated: the office is still reported");
	ok(an->n_roles && an->roles[0].person == RG_NO_ACTOR && an->roles[0].why &&
	   strcmp(an->roles[0].why, "no date") == 0, "undated: unresolved, because of no date");
	an = run("Foreign Minister Jeyhun Bayramov spoke.", RG_LANG_EN, "2024-03-12");
	is_int(an->n_roles, 0, "an office next to a name is not resolved again");
}

/*
 * The matcher keeps each word's candidate keys in a cache inside the
 * analysis, across documents: a warm cache must give what a fresh analysis
 * gives, and an analysis moved to another lexicon must not reuse keys
 * (word ids) of the first.
 */
static void test_key_cache(void)
{
	const char *text = "Azərbaycanın xarici işlər naziri Türkiyə'nin paytaxtı Ankarada "
			   "Zorblandiya ilə görüşdü.";
	char fresh[200];
	rg_analysis *an = run(text, RG_LANG_AZ, NULL);
	snprintf(fresh, sizeof fresh, "%s", found(text, RG_LANG_AZ));
	for (int i = 0; i < 3; i++)
		is_str(found(text, RG_LANG_AZ), fresh, "a warm key cache finds the same actors");
	ok(an && strstr(fresh, "AZE") && strstr(fresh, "TUR"), "the cached inflected forms match");

	char path[64];
	snprintf(path, sizeof path, "/tmp/rg_test_keys_%d.tsv", (int)getpid());
	FILE *f = fopen(path, "w");
	ok(f != NULL, "a temporary dictionary can be written");
	if (!f)
		return;
	fputs("ZZZ\tcountry\taz\tname\tZorblandiya\n", f);
	fclose(f);
	const char *extra[] = { path };
	rg_lexicon *lex2 = NULL, *first = lex;
	rg_err rc = rg_lexicon_open(&lex2, RG_DATADIR, extra, 1, NULL);
	ok(rc == RG_OK, "a lexicon with one more country loads");
	if (rc == RG_OK) {
		lex = lex2; /* the same analysis, warm with the first lexicon's keys */
		ok(strstr(found(text, RG_LANG_AZ), "ZZZ") != NULL,
		   "another lexicon does not reuse the cached keys");
		lex = first;
		is_str(found(text, RG_LANG_AZ), fresh, "and back to the first lexicon");
		rg_lexicon_free(lex2);
	}
	remove(path);
}

/* The mentions of an analysis as "actor@start" words, into buf. */
static void mention_list(const rg_analysis *an, rg_sb *buf)
{
	rg_sb_reset(buf);
	for (size_t i = 0; an && i < an->n_mentions; i++)
		rg_sb_addf(buf, "%s@%zu ", rg_lexicon_actor(lex, an->mentions[i].actor)->id,
			   an->mentions[i].start);
}

/*
 * The key cache is four-way and bounded (2,048 sets): a document with more
 * distinct words than it holds evicts and reorders entries all the time.
 * The mentions must not depend on what the cache held before: a fresh
 * analysis, the warm one, and the warm one after the words came in the
 * opposite order all find the same.
 */
static void test_key_cache_evictions(void)
{
	rg_sb text = RG_SB_INIT, rev = RG_SB_INIT, want = RG_SB_INIT, got = RG_SB_INIT;
	const char *names = "Azərbaycanın xarici işlər naziri Türkiyə'nin paytaxtı Ankarada "
			    "Rusiyanın və İranın nümayəndələri ilə görüşdü. ";
	for (int i = 0; i < 12000; i++) {
		char w[16];
		int v = i, k = 0;
		w[k++] = 'q';
		do {
			w[k++] = (char)('a' + v % 26);
			v /= 26;
		} while (v);
		w[k++] = i % 5 ? 'n' : 'a'; /* some with an ending the affixes know */
		w[k] = '\0';
		rg_sb_adds(&text, w);
		rg_sb_adds(&text, i % 97 == 0 ? ". " : " ");
		if (i % 400 == 0)
			rg_sb_adds(&text, names);
	}
	for (size_t i = text.len; i > 0;) { /* the same words, last first */
		size_t j = i - 1;
		while (j > 0 && text.buf[j - 1] != ' ')
			j--;
		rg_sb_add(&rev, text.buf + j, i - j);
		rg_sb_addc(&rev, ' ');
		i = j;
	}
	rg_analysis fresh;
	rg_analysis_init(&fresh);
	rg_doc d = { "t", text.buf, text.len, NULL, RG_LANG_AZ };
	ok(rg_analyze(lex, &d, &fresh, NULL) == RG_OK, "a document of 12,000 distinct words");
	mention_list(&fresh, &want);
	ok(fresh.n_mentions >= 4 * 30, "its names are found");
	for (int round = 0; round < 2; round++) {
		mention_list(run(text.buf, RG_LANG_AZ, NULL), &got);
		is_str(got.buf, want.buf, "a warm, overfull key cache finds the same mentions");
		run(rev.buf, RG_LANG_AZ, NULL);
	}
	rg_analysis_release(&fresh);
	rg_sb_release(&text);
	rg_sb_release(&rev);
	rg_sb_release(&want);
	rg_sb_release(&got);
}

/*
 * The reference tokenizer: every character decoded with U8_NEXT and
 * looked up in the folding table, the rules of text.c's tokenize() one by
 * one.  Appends "start-end fold apos flags" per token to out.
 */
static int ref_hyphen(UChar32 c)
{
	return c == '-' || c == '+' || (c >= 0x2010 && c <= 0x2015) || c == 0x2212;
}

static void ref_end(char **o, size_t start, size_t end, const char *w, size_t wn,
		    size_t apos, unsigned flags, unsigned acc, unsigned cacc)
{
	if ((cacc & 0x1) && !(cacc & 0x2)) /* RG_CF_UPPER, RG_CF_LOWER before the apostrophe */
		flags |= RG_TF_UPPER;
	if (acc & 0x4)
		flags |= RG_TF_LATIN | RG_TF_CASED;
	if (acc & 0x8)
		flags |= RG_TF_CYRILLIC | RG_TF_CASED;
	if (acc & 0x10)
		flags |= RG_TF_ARABIC;
	if (wn)
		*o += sprintf(*o, "%zu-%zu %.*s %zu %u\n", start, end, (int)wn, w, apos, flags);
}

static void ref_tokens(const rg_fold *f, const uint8_t *p, size_t n, char *out)
{
	static char w[1 << 17];
	char *o = out;
	size_t wn = 0, start = 0, end = 0, apos = 0, i = 0;
	unsigned flags = 0, acc = 0, cacc = 0;
	int in_word = 0, glued = 1, hyphen = 0;
	while (i < n) {
		size_t at = i;
		UChar32 c;
		U8_NEXT(p, i, n, c);
		rg_fold_ent tmp;
		const rg_fold_ent *e = rg_fold_lookup(f, c, &tmp);
		int cls = e->cls;
		if (cls == RG_CC_NEWLINE) { /* a new line: a fresh start */
			if (in_word)
				ref_end(&o, start, end, w, wn, apos, flags, acc, cacc);
			in_word = 0;
			glued = 1;
			hyphen = 0;
			continue;
		}
		if (cls == RG_CC_APOS) {
			size_t j = i;
			UChar32 d = -1;
			if (j < n)
				U8_NEXT(p, j, n, d);
			cls = in_word && rg_fold_lookup(f, d, &tmp)->cls == RG_CC_WORD
				? RG_CC_WORD : RG_CC_OTHER;
			if (cls == RG_CC_WORD && !apos)
				apos = wn;
		}
		if (cls == RG_CC_WORD) {
			if (!in_word) {
				wn = apos = 0;
				start = at;
				flags = (glued ? RG_TF_GLUED : 0) | (hyphen ? RG_TF_HYPHEN : 0) |
					(e->flags & 0x1 ? RG_TF_INITIAL : 0);
				acc = cacc = 0;
				in_word = 1;
			}
			const char *src = c >= 0x10000 ? (const char *)p + at
				: f->pool.buf + e->off;
			size_t m = c >= 0x10000 ? i - at : e->len;
			if (wn + m <= sizeof w) { /* the test's texts stay below */
				memcpy(w + wn, src, m);
				wn += m;
			}
			acc |= e->flags;
			if (!apos)
				cacc |= e->flags;
			end = i;
			continue;
		}
		if (cls == RG_CC_IGNORE)
			continue;
		if (in_word) {
			ref_end(&o, start, end, w, wn, apos, flags, acc, cacc);
			in_word = 0;
			glued = 1;
			hyphen = 0;
		}
		if (cls == RG_CC_SPACE)
			continue;
		if (ref_hyphen(c)) {
			hyphen = 1;
		} else if (c == '.' && end == at && end > start && i < n) {
			/* a dot between initials ("U.S.") keeps the next word glued */
			size_t j = start, k = i;
			UChar32 d;
			U8_FWD_1(p, j, n);
			U8_NEXT(p, k, n, d);
			if (j != end || d < 0 || rg_fold_lookup(f, d, &tmp)->cls != RG_CC_WORD)
				glued = 0;
		} else {
			glued = 0;
		}
	}
	if (in_word)
		ref_end(&o, start, end, w, wn, apos, flags, acc, cacc);
	*o = '\0';
}

/* Generated texts: the text layer's tokens are the reference's. */
/*
 * Whether the tokens of an (the analysis of t[0..len)) are the reference
 * tokenizer's; both lists, one token a line, are left in got and want.
 */
static int same_tokens(const rg_analysis *an, const char *t, size_t len, char *got,
		       char *want)
{
	const rg_scratch *s = an->priv_;
	char *o = got;
	for (size_t i = 0; i < s->n_toks; i++) {
		const rg_token *tk = &s->toks[i];
		o += sprintf(o, "%u-%u %.*s %u %u\n", tk->start, tk->end, (int)tk->fold_len,
			     s->fold.buf + tk->fold_off, tk->apos, tk->flags);
	}
	*o = '\0';
	ref_tokens(&lex->fold, (const uint8_t *)t, len, want);
	return strcmp(got, want) == 0;
}

static void test_tokens_random(void)
{
	static const char *const pieces[] = {
		"Iran", "met", "RUSSIA", "a", "B", "3", "xyz", " ", " ", "  ", "\t", ".",
		"?", "!", "\r", "\n", "\r\n", "-", "+", "\xE2\x80\x93" /* en dash */,
		"'", "\xE2\x80\x99" /* ’ */, "\xCA\xBC" /* ʼ */, "Türkiye", "İ", "ı",
		"ə", "Ə", "ß", "ẞ", "ŉ", "Ǆ", "ǅ", "ΐ", "ﬁ" /* 3 bytes, folds to 2 */,
		"\xEF\xB7\xBA" /* U+FDFA, folds to 33 bytes */, "Москва", "ы", "Ё",
		"\xD8\xA7\xD9\x84" /* ال */, "قـطـر", "وقَطَر", "\xD9\x8E" /* fatha */,
		"ایران", "كيف", "٣", "۴", "\xE2\x80\x8C" /* ZWNJ */, "\xE2\x80\x8B",
		"\xCC\x81" /* combining acute */, "\xC2\xAD" /* soft hyphen */,
		"\xC2\xA0" /* NBSP */, "\xC2\xBB" /* » */, "\xC2\xB7" /* · */,
		"\xE4\xB8\xAD" /* 中 */, "\xEA\xB0\x80" /* 가 */, "ｆｕｌｌ",
		"\xF0\x9D\x90\x80" /* U+1D400 */, "\xF0\x90\x90\x80" /* U+10400 */,
		"\xFF", "\xC3", "\xE2\x80", "\xC0\xAF", "\xC1\xA1", "\xED\xA0\x80", "\x80",
		"\xDF\xBF" /* U+07FF */, "\xC2\x80" /* U+0080 */, "\xCD\x85" /* ypogegrammeni */,
	};
	const size_t np = sizeof pieces / sizeof *pieces;
	unsigned long seed = 777;
	int bad = 0, runs = 0;
	static char t[8192], want[1 << 18], got[1 << 18];
	for (int k = 0; k < 4000; k++) {
		size_t len = 0;
		lcg(&seed);
		int n = 1 + (int)(seed >> 58);
		for (int j = 0; j < n; j++) {
			lcg(&seed);
			size_t w = (size_t)(seed >> 33) % (np + 24);
			/* sometimes a piece many times over: long words */
			int times = (seed >> 20) % 32 == 0 ? 1 + (int)((seed >> 8) % 200) : 1;
			/* words twice as often as the rest */
			const char *pc = w < np ? pieces[w] : pieces[w % 8];
			size_t m = strlen(pc);
			for (int r = 0; r < times && len + m < sizeof t; r++, len += m)
				memcpy(t + len, pc, m);
		}
		t[len] = '\0';
		rg_analysis *an = run(t, k % RG_NLANG, NULL);
		runs++;
		if (!an) {
			bad++;
			continue;
		}
		if (!same_tokens(an, t, len, got, want) && bad++ < 3)
			printf("# text \"%s\":\n# got\n%s# want\n%s", t, got, want);
	}
	is_int(bad, 0, "tokens of generated texts are the reference's");
	ok(runs == 4000, "four thousand texts compared");
}

/*
 * Texts without a language: the tokenizer's guess (made in its own pass)
 * is rg_lang_detect's, and its tokens are the reference's, on generated
 * texts of stop words in both cases, the article, letters whose lower
 * case is longer or shorter, apostrophes, ignorables inside and between
 * words (ZWNJ, CGJ, a variation selector, Hangul fillers, which are
 * letters), marks, tatweel, digits, letters above the BMP, long words
 * around the guesser's 40-byte limit, line ends and ill-formed bytes.
 */
static void test_guess_random(void)
{
	static const char *const pieces[] = {
		"the", "The", "THE", "tHe", "of", "OF", "said", "and", "ve", "VE", "ile",
		"\xC4\xB0LE" /* İLE */, "i\xC3\xA7in", "\xC4\xB0\xC3\x87\xC4\xB0N",
		"\xC3\x87OK", "v\xC9\x99", "V\xC6\x8F", "\xC3\xBC\xC3\xA7\xC3\xBCn",
		"\xC3\x9C\xC3\x87\xC3\x9CN", "t\xC9\x99r\xC9\x99" "find\xC9\x99n",
		"\xE2\x84\xAA" /* Kelvin sign: lower case k */, "\xE2\x84\xAB" /* Å sign */,
		"\xD8\xA7\xD8\xB3\xD8\xAA", "\xD8\xB1\xD8\xA7", "\xDA\xA9\xD9\x87",
		"\xD9\x85\xDB\x8C", "\xD9\x81\xD9\x8A", "\xD8\xB9\xD9\x84\xD9\x89",
		"\xD8\xA7\xD9\x84", "\xD8\xA7\xD9\x84\xD9\x82\xD8\xA7",
		"\xD8\xA7\xD9\x84\xD8\xB1\xD9\x8A\xD8\xA7\xD8\xB6", "\xD8\xA3\xD9\x84",
		"\xD9\x80" /* tatweel */, "\xD9\x8E" /* fatha */, "\xCC\x81",
		"\xE2\x80\x8C" /* ZWNJ */, "\xCD\x8F" /* CGJ */, "\xEF\xB8\x8F" /* VS16 */,
		"\xE3\x85\xA4" /* U+3164 */, "\xEF\xBE\xA0" /* U+FFA0 */,
		"'", "\xE2\x80\x99", "\xCA\xBC" /* ʼ, a letter */, "-", ".", ",", "3",
		"\xD9\xA3", "\xF0\x90\x90\x80" /* U+10400 */, "\xF0\x9D\x90\x93",
		"\xF0\x9D\x85\xA5" /* a mark above the BMP */, "\xE4\xB8\xAD",
		"\xD0\x9C\xD0\xB8\xD1\x80", "x", "q", "\xC5\x9F", "\xC4\xB1",
		"\r\n", "\n", "\r", "\xFF", "\xD8", "\xE2\x80", "\xED\xA0\x80",
	};
	const char *longs[] = { "a", "\xD9\x84", "\xD0\x94", "\xC9\x99", "A" };
	const size_t np = sizeof pieces / sizeof *pieces;
	unsigned long seed = 4242;
	int bad = 0, bad_tokens = 0, runs = 0;
	static char t[4096], want[1 << 16], got[1 << 16];
	for (int k = 0; k < 30000; k++) {
		size_t len = 0;
		lcg(&seed);
		int n = 1 + (int)(seed >> 59);
		for (int j = 0; j < n; j++) {
			lcg(&seed);
			if ((seed >> 20) % 12 == 0) { /* a long word, sometimes after al- */
				if ((seed >> 30) & 1) {
					memcpy(t + len, "\xD8\xA7\xD9\x84", 4);
					len += 4;
				}
				const char *l = longs[(seed >> 40) % 5];
				for (int r = 14 + (int)((seed >> 8) % 30); r > 0; r--, len += strlen(l))
					memcpy(t + len, l, strlen(l));
				continue;
			}
			const char *pc = pieces[(size_t)(seed >> 33) % np];
			memcpy(t + len, pc, strlen(pc));
			len += strlen(pc);
			if ((seed >> 25) & 1) /* pieces run together as often as not */
				t[len++] = ' ';
		}
		t[len] = '\0';
		rg_analysis *an = run(t, RG_LANG_NONE, NULL);
		runs++;
		if (!an) {
			bad++;
			continue;
		}
		int want_lang = rg_lang_detect(t, len, RG_LANG_GUESS_MAX);
		if (an->lang != want_lang && bad++ < 3)
			printf("# text \"%s\": guessed %d, rg_lang_detect %d\n", t, an->lang,
			       want_lang);
		if (!same_tokens(an, t, len, got, want) && bad_tokens++ < 3)
			printf("# text \"%s\": tokens differ\n", t);
	}
	is_int(bad, 0, "guessed languages of generated texts are rg_lang_detect's");
	is_int(bad_tokens, 0, "and their tokens are the reference's");
	ok(runs == 30000, "thirty thousand texts guessed");
}

/*
 * A text longer than the guess reads is guessed from its first
 * RG_LANG_GUESS_MAX bytes, before it is segmented; one of that length
 * whole, in the tokenizer's pass.
 */
static void test_guess_long(void)
{
	const char *en = "The minister said that the talks of the week went on. ";
	const char *ar = "\xD9\x82\xD8\xA7\xD9\x84 \xD9\x81\xD9\x8A \xD8\xA7\xD9\x84\xD8\xB1\xD9\x8A\xD8\xA7\xD8\xB6 ";
	rg_sb text = { 0 };
	while (text.len + strlen(en) <= RG_LANG_GUESS_MAX)
		rg_sb_add(&text, en, strlen(en));
	while (text.len < RG_LANG_GUESS_MAX)
		rg_sb_add(&text, " ", 1);
	is_int(run(text.buf, RG_LANG_NONE, NULL)->lang, RG_LANG_EN,
	       "a text of exactly the limit: English");
	for (int k = 0; k < 6000; k++)
		rg_sb_add(&text, ar, strlen(ar));
	is_int(run(text.buf, RG_LANG_NONE, NULL)->lang, RG_LANG_EN,
	       "English for the first 64 KiB, Arabic after: English");
	is_int(rg_lang_detect(text.buf, text.len, 0), RG_LANG_AR, "(Arabic as a whole)");
	rg_sb_release(&text);
}

int main(void)
{
	rg_err rc = rg_lexicon_open(&lex, RG_DATADIR, NULL, 0, NULL);
	ok(rc == RG_OK, "the project's dictionaries load");
	if (rc)
		return tap_done();
	test_folding();
	test_offsets();
	test_sentences_and_bad_bytes();
	test_sentences_icu();
	test_tokens_random();
	test_guess_random();
	test_guess_long();
	test_affixes();
	test_precision();
	test_roles();
	test_key_cache();
	test_key_cache_evictions();
	rg_analysis *an = run("", RG_LANG_NONE, NULL);
	rg_analysis_release(an);
	rg_lexicon_free(lex);
	return tap_done();
}
