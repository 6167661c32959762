/*
 * test_data.c - checks the shipped dictionaries (the files of data/actors and
 * data/offices.tsv): they load without a single diagnostic, display names
 * come out as intended, and a handful of forms that are easy to get wrong
 * (provinces named after Azerbaijan, common words that are also country
 * names, shared surnames) are read as intended.  Run from the source root,
 * or set RELGRAPH_DATA.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "relgraph.h"
#include "tap.h"

static int n_diags;

static void count_diag(void *ctx, rg_severity sev, const char *file, long line, long byte,
		       const char *msg)
{
	(void)ctx;
	(void)sev;
	(void)byte;
	n_diags++;
	printf("# %s:%ld: %s\n", file ? file : "-", line, msg);
}

static const char *data_dir(void)
{
	const char *d = getenv("RELGRAPH_DATA");

	return d && *d ? d : "data";
}

/* How many mentions of actor `id` analysing `text` (in `lang`) yields. */
static int mentions(const rg_lexicon *lex, const char *text, int lang, const char *id)
{
	rg_analysis an;
	rg_doc doc = { "test", text, strlen(text), NULL, lang };
	long want = rg_lexicon_find(lex, id);
	int n = 0;

	rg_analysis_init(&an);
	if (rg_analyze(lex, &doc, &an, NULL) != RG_OK)
		n = -1;
	for (size_t i = 0; n >= 0 && i < an.n_mentions; i++)
		if (want >= 0 && an.mentions[i].actor == (size_t)want)
			n++;
	rg_analysis_release(&an);
	return n;
}

static const char *display(const rg_lexicon *lex, const char *id, int lang)
{
	long i = rg_lexicon_find(lex, id);

	return i < 0 ? "(none)" : rg_lexicon_actor(lex, (size_t)i)->names[lang];
}

static int is_type(const rg_lexicon *lex, const char *id, rg_actor_type t)
{
	long i = rg_lexicon_find(lex, id);

	return i >= 0 && rg_lexicon_actor(lex, (size_t)i)->type == t;
}

static int date_ok(const char *s)
{
	size_t n = strlen(s);

	if (n != 7 && n != 10)
		return 0;
	for (size_t i = 0; i < n; i++)
		if ((i == 4 || i == 7) ? s[i] != '-' : (s[i] < '0' || s[i] > '9'))
			return 0;
	return 1;
}

/* Every row of offices.tsv names a known holder and person, with valid dates. */
static void check_offices(const rg_lexicon *lex)
{
	char path[1024], line[1024];
	FILE *fp;
	int rows = 0, bad = 0;

	snprintf(path, sizeof path, "%s/offices.tsv", data_dir());
	fp = fopen(path, "r");
	ok(fp != NULL, "offices.tsv opens");
	if (!fp)
		return;
	while (fgets(line, sizeof line, fp)) {
		char *f[5] = { 0 }, *p = line;
		int nf = 0;

		line[strcspn(line, "\r\n")] = '\0';
		if (line[0] == '#' || line[0] == '\0')
			continue;
		while (nf < 5 && (f[nf++] = strsep(&p, "\t")) != NULL)
			;
		rows++;
		if (p != NULL || !f[4] || !(is_type(lex, f[0], RG_TYPE_COUNTRY) ||
					     is_type(lex, f[0], RG_TYPE_ORG)) ||
		    !is_type(lex, f[2], RG_TYPE_PERSON) || !date_ok(f[3]) ||
		    (f[4][0] && (!date_ok(f[4]) || strcmp(f[4], f[3]) < 0))) {
			bad++;
			printf("# bad offices row: %s\n", line);
		}
	}
	fclose(fp);
	ok(rows > 200, "offices.tsv has its rows");
	is_int(bad, 0, "offices rows name known holders and people, with valid dates");
}

int main(void)
{
	rg_lexicon *lex = NULL;
	rg_diag diag = { count_diag, NULL };

	if (rg_lexicon_open(&lex, data_dir(), NULL, 0, &diag) != RG_OK) {
		ok(0, "the dictionaries load");
		return tap_done();
	}
	is_int(n_diags, 0, "the dictionaries load without a diagnostic");

	/* display names: CLDR first, curated forms where CLDR has none */
	is_str(display(lex, "AZE", RG_LANG_EN), "Azerbaijan", "AZE in English");
	is_str(display(lex, "AZE", RG_LANG_FA), "جمهوری آذربایجان", "AZE in Persian");
	is_str(display(lex, "TUR", RG_LANG_TR), "Türkiye", "TUR in Turkish");
	is_str(display(lex, "PSE", RG_LANG_EN), "Palestine", "PSE: CLDR's short form");
	is_str(display(lex, "ARE", RG_LANG_RU), "Объединённые Арабские Эмираты",
	       "ARE in Russian: curated name, CLDR has only the acronym");
	ok(rg_lexicon_find(lex, "XKX") >= 0 && rg_lexicon_find(lex, "XKK") < 0,
	   "Kosovo is XKX");
	ok(rg_lexicon_find(lex, "XIC") < 0 && rg_lexicon_find(lex, "DGA") < 0,
	   "no exceptionally reserved codes");
	ok(is_type(lex, "ilham-aliyev", RG_TYPE_PERSON) && is_type(lex, "un", RG_TYPE_ORG) &&
	   is_type(lex, "east-azerbaijan-province", RG_TYPE_PLACE),
	   "people, organisations and places have their types");

	/* names, inflected and not */
	is_int(mentions(lex, "Azərbaycanın xarici işlər naziri", RG_LANG_AZ, "AZE"), 1,
	       "az genitive of Azərbaycan");
	is_int(mentions(lex, "رییس جمهوری آذربایجان الهام علی اف گفت", RG_LANG_FA,
			"ilham-aliyev"), 1, "Persian Aliyev written in two words");
	is_int(mentions(lex, "Iranian and Azerbaijani diplomats met.", RG_LANG_EN, "IRN"), 1,
	       "Iranian is Iran");
	is_int(mentions(lex, "القوات الأرمنية", RG_LANG_AR, "ARM"), 1,
	       "Arabic adjective of Armenia (stem differs from the name)");
	is_int(mentions(lex, "BMT Təhlükəsizlik Şurasının qərarları", RG_LANG_AZ, "unsc"), 1,
	       "the UN Security Council in Azerbaijani");
	is_int(mentions(lex, "BMT Təhlükəsizlik Şurasının qərarları", RG_LANG_AZ, "un"), 0,
	       "... is not also the UN");
	is_int(mentions(lex, "جنبش عدم تعهد (نم)", RG_LANG_FA, "nam"), 2,
	       "NAM and its Persian acronym in brackets");

	/* places that contain a state's name */
	is_int(mentions(lex, "استان آذربایجان شرقی", RG_LANG_FA, "AZE"), 0,
	       "East Azerbaijan province is not the Republic");
	is_int(mentions(lex, "استان آذربایجان شرقی", RG_LANG_FA, "east-azerbaijan-province"), 1,
	       "... it is the province");
	is_int(mentions(lex, "ships in the Indian Ocean", RG_LANG_EN, "IND"), 0,
	       "the Indian Ocean is not India");

	/* words that look like names */
	is_int(mentions(lex, "Для того чтобы", RG_LANG_RU, "TGO"), 0, "Russian того is not Togo");
	is_int(mentions(lex, "نشست روسای جمهور", RG_LANG_FA, "RUS"), 0,
	       "Persian روسای (heads) is not Russia");
	is_int(mentions(lex, "کمک مالی", RG_LANG_FA, "MLI"), 0, "Persian مالی is not Mali");

	/* surnames: unique ones resolve, shared ones need the full name first */
	is_int(mentions(lex, "Tokayev said so.", RG_LANG_EN, "kassym-jomart-tokayev"), 1,
	       "a unique surname");
	is_int(mentions(lex, "Aliyev said so.", RG_LANG_EN, "ilham-aliyev"), 0,
	       "a shared surname alone");
	is_int(mentions(lex, "Ilham Aliyev spoke. Aliyev said so.", RG_LANG_EN, "ilham-aliyev"),
	       2, "a shared surname after the full name");

	check_offices(lex);
	rg_lexicon_free(lex);
	return tap_done();
}
