/*
 * names.c - the printable names of the library's enums (errors, languages,
 * actor types, "via" kinds, windows) and their parsers.  Every name printed
 * in relgraph's outputs comes from the tables here.
 */
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "relgraph.h"

static const char *const err_names[] = {
	[RG_OK] = "success",
	[RG_ENOMEM] = "out of memory",
	[RG_EINPUT] = "unusable input",
	[RG_EIO] = "input/output error",
	[RG_EICU] = "ICU failure",
	[RG_EGRAPH] = "igraph failure",
	[RG_ERENDER] = "Graphviz failure",
	[RG_EDATA] = "unusable data file",
};

const char *rg_err_str(rg_err e)
{
	if ((unsigned)e < sizeof err_names / sizeof *err_names && err_names[e])
		return err_names[e];
	return "unknown error";
}

static const char *const lang_codes[RG_NLANG] = {
	[RG_LANG_EN] = "en", [RG_LANG_FA] = "fa", [RG_LANG_AR] = "ar",
	[RG_LANG_AZ] = "az", [RG_LANG_RU] = "ru", [RG_LANG_TR] = "tr",
};

const char *rg_lang_code(int lang)
{
	return lang >= 0 && lang < RG_NLANG ? lang_codes[lang] : NULL;
}

int rg_lang_parse(const char *code)
{
	for (int i = 0; code && i < RG_NLANG; i++)
		if (strcmp(code, lang_codes[i]) == 0)
			return i;
	return RG_LANG_NONE;
}

static const char *const type_names[RG_NTYPE] = {
	[RG_TYPE_COUNTRY] = "country", [RG_TYPE_PERSON] = "person",
	[RG_TYPE_ORG] = "org", [RG_TYPE_PLACE] = "place",
	[RG_TYPE_GROUP] = "group",
};

const char *rg_type_name(rg_actor_type t)
{
	return (unsigned)t < RG_NTYPE ? type_names[t] : NULL;
}

int rg_type_parse(const char *name)
{
	for (int i = 0; name && i < RG_NTYPE; i++)
		if (strcmp(name, type_names[i]) == 0)
			return i;
	return -1;
}

const char *rg_via_name(rg_via v)
{
	static const char *const names[] = { "name", "role", "adjective", "acronym",
					     "metonymy" };
	return (unsigned)v < sizeof names / sizeof *names ? names[v] : "name";
}

static const char *const window_kinds[] = { "sentence", "paragraph", "document" };

void rg_window_name(rg_window w, char *buf, size_t n)
{
	if (w.kind == RG_WINDOW_TOKENS)
		snprintf(buf, n, "tokens:%d", w.tokens);
	else
		snprintf(buf, n, "%s", window_kinds[w.kind]);
}

static const char *const slicing_names[] = { "day", "month", "year" };

int rg_slicing_parse(const char *s)
{
	for (int i = 0; s && i < 3; i++)
		if (strcmp(s, slicing_names[i]) == 0)
			return i;
	return -1;
}

const char *rg_slicing_name(rg_slicing sl)
{
	return (unsigned)sl < 3 ? slicing_names[sl] : "day";
}

rg_err rg_window_parse(const char *s, rg_window *out)
{
	const char *const *kinds = window_kinds;
	for (int i = 0; i < 3; i++) {
		if (strcmp(s, kinds[i]) == 0) {
			out->kind = (rg_window_kind)i;
			out->tokens = 0;
			return RG_OK;
		}
	}
	if (strncmp(s, "tokens:", 7) == 0) {
		char *end;
		long k = strtol(s + 7, &end, 10);
		if (end != s + 7 && *end == '\0' && k > 0 && k <= 100000) {
			out->kind = RG_WINDOW_TOKENS;
			out->tokens = (int)k;
			return RG_OK;
		}
	}
	return RG_EINPUT;
}
