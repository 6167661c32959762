/*
 * gen_cldr_countries.c - prints data/actors/countries.cldr.tsv: the name of
 * every ISO 3166-1 country in relgraph's six languages, read from the CLDR
 * territory names that ICU ships, with CLDR's short and variant forms as
 * aliases.  A build tool run by `make data-cldr`, not part of librelgraph;
 * hand-curated forms go to data/actors/countries.tsv instead.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/uclean.h>
#include <unicode/udata.h>
#include <unicode/uloc.h>
#include <unicode/ulocdata.h>
#include <unicode/ures.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>
#include <unicode/uversion.h>

/* The ICU data tree holding territory names (U_ICUDATA_REGION is private). */
#define REGION_TREE U_ICUDATA_NAME U_TREE_SEPARATOR_STRING "region"

enum { NLANG = 6, MAXFORMS = 12 };

/* Same order as RG_LANG_* in relgraph.h, which is the order rows are printed. */
static const char *const langs[NLANG] = { "en", "fa", "ar", "az", "ru", "tr" };

enum { K_NAME, K_ALIAS, K_ACRONYM };
static const char *const kind_names[] = { "name", "alias", "acronym" };

/*
 * Codes uloc_getISOCountries() returns that are not ISO 3166-1 countries but
 * "exceptionally reserved" (Diego Garcia, Ceuta & Melilla, Canary Islands).
 */
static const char *const not_iso[] = { "DG", "EA", "IC", NULL };

/*
 * Kosovo has no ISO alpha-3 code; ICU says XKK, the EU, IMF and World Bank
 * use XKX, which is what relgraph uses.
 */
static const char *const id_override[][2] = { { "XK", "XKX" }, { NULL, NULL } };

/*
 * Territories whose CLDR display name is a long descriptive form ("Hong Kong
 * SAR China", "Palestinian Territories", "Myanmar (Burma)") while CLDR's
 * short form is what news calls them: the short form becomes the name.
 */
static const char *const prefer_short[] = { "HK", "MO", "MM", "PS", NULL };

struct form {
	char *text; /* UTF-8, owned */
	int kind;
};

struct country {
	char a2[3];
	char id[4];
	struct form forms[NLANG][MAXFORMS];
	int n[NLANG];
};

static int in_list(const char *const *list, const char *s)
{
	for (; *list; list++)
		if (strcmp(*list, s) == 0)
			return 1;
	return 0;
}

/* All letters upper case and at least two of them: "US", "ОАЭ", "ABŞ". */
static int is_acronym(const char *utf8)
{
	UChar buf[256];
	int32_t len = 0, i = 0, letters = 0;
	UErrorCode st = U_ZERO_ERROR;

	u_strFromUTF8(buf, 256, &len, utf8, -1, &st);
	if (U_FAILURE(st))
		return 0;
	while (i < len) {
		UChar32 c;

		U16_NEXT(buf, i, len, c);
		if (!u_isalpha(c))
			continue;
		if (!u_isupper(c))
			return 0;
		letters++;
	}
	return letters >= 2;
}

/* A malloc'd UTF-8 copy of s[0..len), or NULL (message printed). */
static char *to_utf8(const UChar *s, int32_t len)
{
	UErrorCode st = U_ZERO_ERROR;
	int32_t n = 0;
	char *out = NULL;

	u_strToUTF8(NULL, 0, &n, s, len, &st);
	if (st != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(st))
		goto fail;
	if (!(out = malloc((size_t)n + 1))) {
		fprintf(stderr, "gen_cldr_countries: error: out of memory\n");
		return NULL;
	}
	st = U_ZERO_ERROR;
	u_strToUTF8(out, n + 1, NULL, s, len, &st);
	if (U_FAILURE(st))
		goto fail;
	return out;
fail:
	fprintf(stderr, "gen_cldr_countries: error: u_strToUTF8: %s\n", u_errorName(st));
	free(out);
	return NULL;
}

/*
 * The display name of territory `a2` in `lang`: 1 and a malloc'd *out, 0
 * when CLDR has no name in that language (ICU then returns the code), -1 on
 * error.
 */
static int display_name(const char *a2, const char *lang, char **out)
{
	char loc[16];
	UChar buf[128], *big = NULL, *s = buf;
	UErrorCode st = U_ZERO_ERROR;
	int32_t len;
	int rc = -1;

	snprintf(loc, sizeof loc, "und_%s", a2);
	len = uloc_getDisplayCountry(loc, lang, buf, 128, &st);
	if (st == U_BUFFER_OVERFLOW_ERROR) {
		if (!(big = malloc(((size_t)len + 1) * sizeof *big)))
			goto out;
		st = U_ZERO_ERROR;
		len = uloc_getDisplayCountry(loc, lang, big, len + 1, &st);
		s = big;
	}
	if (U_FAILURE(st)) {
		fprintf(stderr, "gen_cldr_countries: error: uloc_getDisplayCountry(%s, %s): %s\n",
			loc, lang, u_errorName(st));
		goto out;
	}
	if (st == U_USING_DEFAULT_WARNING || (len == 2 && s[0] == (UChar)a2[0] &&
					       s[1] == (UChar)a2[1])) {
		rc = 0;
		goto out;
	}
	if ((*out = to_utf8(s, len)))
		rc = 1;
out:
	free(big);
	return rc;
}

/* The entry `a2` of table `tbl` (may be NULL): as display_name(). */
static int table_form(UResourceBundle *tbl, const char *a2, char **out)
{
	UErrorCode st = U_ZERO_ERROR;
	const UChar *s;
	int32_t len = 0;

	if (!tbl)
		return 0;
	s = ures_getStringByKey(tbl, a2, &len, &st);
	if (st == U_MISSING_RESOURCE_ERROR)
		return 0;
	if (U_FAILURE(st)) {
		fprintf(stderr, "gen_cldr_countries: error: ures_getStringByKey(%s): %s\n",
			a2, u_errorName(st));
		return -1;
	}
	return (*out = to_utf8(s, len)) ? 1 : -1;
}

/*
 * Adds `text` (taking ownership; NULL is ignored) to c's forms in `lang`
 * unless already there; an all-capital form becomes an acronym.  Returns -1
 * when the fixed table is full (a bug to fix here, not a data problem).
 */
static int form_add(struct country *c, int lang, char *text, int kind)
{
	if (!text)
		return 0;
	for (int i = 0; i < c->n[lang]; i++) {
		if (strcmp(c->forms[lang][i].text, text) == 0) {
			free(text);
			return 0;
		}
	}
	if (c->n[lang] == MAXFORMS) {
		fprintf(stderr, "gen_cldr_countries: error: too many forms for %s\n", c->a2);
		free(text);
		return -1;
	}
	if (is_acronym(text))
		kind = K_ACRONYM;
	c->forms[lang][c->n[lang]].text = text;
	c->forms[lang][c->n[lang]].kind = kind;
	c->n[lang]++;
	return 0;
}

/*
 * Whether a country other than `self` has a form in `lang` that is `text`
 * or starts with it as a whole word ("Конго" in "Конго - Браззавиль").
 */
static int used_elsewhere(const struct country *cs, size_t n, size_t self, int lang,
			  const char *text)
{
	size_t len = strlen(text);

	for (size_t j = 0; j < n; j++) {
		if (j == self)
			continue;
		for (int i = 0; i < cs[j].n[lang]; i++) {
			const char *f = cs[j].forms[lang][i].text;

			if (strncmp(f, text, len) == 0 && (f[len] == '\0' || f[len] == ' '))
				return 1;
		}
	}
	return 0;
}

/* "Myanmar (Burma)" -> malloc'd "Myanmar"; NULL when `s` is not of that shape. */
static char *outer_part(const char *s)
{
	size_t n = strlen(s);
	const char *p = strstr(s, " (");

	if (!p || p == s || n == 0 || s[n - 1] != ')')
		return NULL;
	return strndup(s, (size_t)(p - s));
}

/*
 * Adds the part before the parenthesis of each "A (B)" form as an alias
 * when no other country claims it: "Myanmar" is kept, "Congo" (from both
 * "Congo (DRC)" and "Congo (Republic)") is not.  The inner part is never
 * used: it is often a bare word such as "Republic".
 */
static int add_outer_parts(struct country *cs, size_t n)
{
	for (int l = 0; l < NLANG; l++) {
		for (size_t j = 0; j < n; j++) {
			int nf = cs[j].n[l];

			for (int i = 0; i < nf; i++) {
				char *o = outer_part(cs[j].forms[l][i].text);
				int clash = 0;

				if (!o)
					continue;
				if (used_elsewhere(cs, n, j, l, o))
					clash = 1;
				for (size_t k = 0; !clash && k < n; k++) {
					for (int m = 0; k != j && m < cs[k].n[l]; m++) {
						char *p = outer_part(cs[k].forms[l][m].text);

						clash |= p && strcmp(p, o) == 0;
						free(p);
					}
				}
				if (clash)
					free(o);
				else if (form_add(&cs[j], l, o, K_ALIAS))
					return -1;
			}
		}
	}
	return 0;
}

static int by_id(const void *a, const void *b)
{
	return strcmp(((const struct country *)a)->id, ((const struct country *)b)->id);
}

/*
 * Fills c's forms in language l from ICU: the name, then CLDR's short and
 * variant forms (the short form first for the territories of prefer_short).
 */
static int country_load_lang(struct country *c, int l, UResourceBundle *shorts,
			     UResourceBundle *variants)
{
	char *name = NULL, *sh = NULL, *var = NULL;
	int rc = -1;

	if (display_name(c->a2, langs[l], &name) < 0 || table_form(shorts, c->a2, &sh) < 0 ||
	    table_form(variants, c->a2, &var) < 0)
		goto out;
	if (sh && in_list(prefer_short, c->a2)) {
		rc = form_add(c, l, sh, K_NAME);
		rc |= form_add(c, l, name, K_ALIAS);
	} else {
		rc = form_add(c, l, name, K_NAME);
		rc |= form_add(c, l, sh, K_ALIAS);
	}
	rc |= form_add(c, l, var, K_ALIAS);
	name = sh = var = NULL; /* form_add took them */
out:
	free(name);
	free(sh);
	free(var);
	return rc;
}

static int print_all(const struct country *cs, size_t n)
{
	UVersionInfo icu, cldr;
	char icu_s[U_MAX_VERSION_STRING_LENGTH], cldr_s[U_MAX_VERSION_STRING_LENGTH];
	UErrorCode st = U_ZERO_ERROR;

	u_getVersion(icu);
	u_versionToString(icu, icu_s);
	ulocdata_getCLDRVersion(cldr, &st);
	if (U_FAILURE(st)) {
		fprintf(stderr, "gen_cldr_countries: error: ulocdata_getCLDRVersion: %s\n",
			u_errorName(st));
		return -1;
	}
	u_versionToString(cldr, cldr_s);
	printf("# countries.cldr.tsv - country names in en fa ar az ru tr.\n"
	       "# Source: ICU %s (CLDR %s) territory display names "
	       "(uloc_getDisplayCountry) and the\n"
	       "# CLDR \"Countries%%short\"/\"Countries%%variant\" forms as aliases; "
	       "all-capital forms are acronyms.\n"
	       "# Generated by `make data-cldr` (src/tools/gen_cldr_countries.c): "
	       "do not edit, add to countries.tsv.\n"
	       "# id\ttype\tlang\tkind\ttext\n", icu_s, cldr_s);
	for (size_t j = 0; j < n; j++)
		for (int l = 0; l < NLANG; l++)
			for (int i = 0; i < cs[j].n[l]; i++)
				printf("%s\tcountry\t%s\t%s\t%s\n", cs[j].id, langs[l],
				       kind_names[cs[j].forms[l][i].kind],
				       cs[j].forms[l][i].text);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		perror("gen_cldr_countries: error: cannot write to stdout");
		return -1;
	}
	return 0;
}

/* Opens the table `key` of bundle `b`; *out is NULL (and no error) when absent. */
static int table_open(UResourceBundle *b, const char *key, UResourceBundle **out)
{
	UErrorCode st = U_ZERO_ERROR;
	UResourceBundle *t = ures_getByKey(b, key, NULL, &st);

	*out = NULL;
	if (U_SUCCESS(st)) {
		*out = t;
		return 0;
	}
	ures_close(t);
	if (st == U_MISSING_RESOURCE_ERROR)
		return 0;
	fprintf(stderr, "gen_cldr_countries: error: ures_getByKey(%s): %s\n", key,
		u_errorName(st));
	return -1;
}

int main(void)
{
	UResourceBundle *bundles[NLANG] = { 0 }, *shorts[NLANG] = { 0 };
	UResourceBundle *variants[NLANG] = { 0 };
	const char *const *codes = uloc_getISOCountries();
	struct country *cs = NULL;
	size_t n = 0, ncodes = 0;
	int rc = 1;

	while (codes[ncodes])
		ncodes++;
	if (!(cs = calloc(ncodes, sizeof *cs))) {
		fprintf(stderr, "gen_cldr_countries: error: out of memory\n");
		goto out;
	}
	for (int l = 0; l < NLANG; l++) {
		UErrorCode st = U_ZERO_ERROR;

		/* Direct: no fallback to root or the default locale. */
		bundles[l] = ures_openDirect(REGION_TREE, langs[l], &st);
		if (U_FAILURE(st)) {
			fprintf(stderr, "gen_cldr_countries: error: ures_openDirect(%s): %s\n",
				langs[l], u_errorName(st));
			goto out;
		}
		if (table_open(bundles[l], "Countries%short", &shorts[l]) ||
		    table_open(bundles[l], "Countries%variant", &variants[l]))
			goto out;
	}
	for (size_t i = 0; i < ncodes; i++) {
		char loc[16];
		const char *a3;
		struct country *c = &cs[n];

		if (strlen(codes[i]) != 2 || in_list(not_iso, codes[i]))
			continue;
		snprintf(loc, sizeof loc, "und_%s", codes[i]);
		a3 = uloc_getISO3Country(loc);
		if (strlen(a3) != 3)
			continue;
		memcpy(c->a2, codes[i], 3);
		memcpy(c->id, a3, 4);
		for (int k = 0; id_override[k][0]; k++)
			if (strcmp(id_override[k][0], c->a2) == 0)
				memcpy(c->id, id_override[k][1], 4);
		n++;
		for (int l = 0; l < NLANG; l++)
			if (country_load_lang(c, l, shorts[l], variants[l]))
				goto out;
	}
	if (add_outer_parts(cs, n))
		goto out;
	qsort(cs, n, sizeof *cs, by_id);
	if (print_all(cs, n))
		goto out;
	rc = 0;
out:
	for (size_t j = 0; cs && j < n; j++)
		for (int l = 0; l < NLANG; l++)
			for (int i = 0; i < cs[j].n[l]; i++)
				free(cs[j].forms[l][i].text);
	free(cs);
	for (int l = 0; l < NLANG; l++) {
		ures_close(variants[l]);
		ures_close(shorts[l]);
		ures_close(bundles[l]);
	}
	u_cleanup(); /* ICU's caches, so leak checkers see a clean exit */
	return rc;
}
