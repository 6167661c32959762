/*
 * test_text.c - unit tests of the text layer and the matcher through the
 * public API: folding (case, dotless i, schwa, Arabic/Persian letters,
 * ZWNJ, digits), byte offsets into the original input, paragraphs and
 * sentences, invalid UTF-8, the affix rules of each language and the key
 * cache across documents and lexicons, with the project's own
 * dictionaries.  Expected values are worked out by hand.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "relgraph.h"
#include "tap.h"

static rg_lexicon *lex;

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

	an = run("", RG_LANG_NONE, NULL);
	is_int(an->n_paras, 0, "empty text: no paragraph");
	is_int(an->n_mentions, 0, "empty text: no mention");
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
}

static void test_precision(void)
{
	is_str(found("BMT Təhlükəsizlik Şurası", RG_LANG_AZ), "unsc",
	       "nested name: only the Security Council");
	is_str(found("UN delegates, and un-related", RG_LANG_EN), "un",
	       "an acronym counts only in capitals");
	is_str(found("We roasted a turkey.", RG_LANG_EN), "",
	       "a capitalised name does not match a lower-case word");
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

int main(void)
{
	rg_err rc = rg_lexicon_open(&lex, RG_DATADIR, NULL, 0, NULL);
	ok(rc == RG_OK, "the project's dictionaries load");
	if (rc)
		return tap_done();
	test_folding();
	test_offsets();
	test_sentences_and_bad_bytes();
	test_affixes();
	test_precision();
	test_roles();
	test_key_cache();
	rg_analysis *an = run("", RG_LANG_NONE, NULL);
	rg_analysis_release(an);
	rg_lexicon_free(lex);
	return tap_done();
}
