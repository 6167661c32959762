/*
 * affix.c - loads data/affixes.tsv: per language, the prefixes, suffixes and
 * stem endings that let one dictionary alias match its inflected forms in
 * running text ("Azərbaycanın", "لأذربيجان", "России").  The matcher
 * (match.c) uses the lists; the lexicon compiler (lexicon.c) uses the
 * article and stem lists on the dictionary side.
 */
#include <stdlib.h>
#include <string.h>

#include "lexicon.h"

static const char *const kind_names[RG_AF_N] = {
	"prefix", "article", "suffix", "adjsuffix", "stem"
};

size_t rg_utf8_chars(const char *s, size_t n)
{
	size_t c = 0;
	for (size_t i = 0; i < n; i++)
		c += ((unsigned char)s[i] & 0xC0) != 0x80;
	return c;
}

static int by_length_desc(const void *a, const void *b)
{
	const rg_affix *x = a, *y = b;
	if (x->len != y->len)
		return x->len < y->len ? 1 : -1;
	return strcmp(x->text, y->text);
}

static rg_err add_affix(rg_lexicon *lex, int lang, int kind, const char *text,
			int min, rg_sb *tmp)
{
	rg_affix_set *set = &lex->affixes[lang];
	rg_err rc = rg_fold_words(&lex->fold, text, strlen(text), tmp);
	if (rc)
		return rc;
	rg_affix *na = realloc(set->list[kind], (set->n[kind] + 1) * sizeof *na);
	if (!na)
		return RG_ENOMEM;
	set->list[kind] = na;
	rg_affix *a = &na[set->n[kind]];
	a->text = rg_strndup(tmp->buf ? tmp->buf : "", tmp->len);
	if (!a->text)
		return RG_ENOMEM;
	a->len = (uint32_t)tmp->len;
	a->chars = (uint32_t)rg_utf8_chars(a->text, a->len);
	a->kind = (uint8_t)kind;
	a->min = (uint8_t)min;
	set->n[kind]++;
	return RG_OK;
}

rg_err rg_affixes_load(rg_lexicon *lex, const char *path, const rg_diag *diag)
{
	rg_err rc = RG_OK;
	rg_rows rows = RG_ROWS_INIT;
	rg_sb tmp = RG_SB_INIT;
	char *f[4];
	int nf;
	if (rg_rows_open(&rows, path)) {
		rg_diag_emit(diag, RG_SEV_ERROR, path, -1, -1, "cannot read affix rules");
		return RG_EDATA;
	}
	while ((nf = rg_rows_next(&rows, f, 4))) {
		long lineno = rows.line;
		int lang = nf >= 3 ? rg_lang_parse(f[0]) : RG_LANG_NONE;
		int kind = -1;
		for (int k = 0; nf >= 3 && k < RG_AF_N; k++)
			if (strcmp(f[1], kind_names[k]) == 0)
				kind = k;
		int min = 3;
		if (nf == 4) {
			char *end;
			min = (int)strtol(f[3], &end, 10);
			if (*end || min < 1 || min > 20)
				min = -1;
		}
		if (lang == RG_LANG_NONE || kind < 0 || !f[2][0] || min < 0) {
			rg_diag_emit(diag, RG_SEV_WARNING, path, lineno, -1,
				     "expected lang, kind (prefix, article, suffix, "
				     "adjsuffix, stem), affix and an optional minimum "
				     "stem length");
			continue;
		}
		if ((rc = add_affix(lex, lang, kind, f[2], min, &tmp)))
			goto out;
	}
	for (int l = 0; l < RG_NLANG; l++)
		for (int k = 0; k < RG_AF_N; k++)
			if (lex->affixes[l].n[k])
				qsort(lex->affixes[l].list[k], lex->affixes[l].n[k],
				      sizeof(rg_affix), by_length_desc);
out:
	rg_rows_close(&rows);
	rg_sb_release(&tmp);
	return rc;
}

void rg_affixes_release(rg_lexicon *lex)
{
	for (int l = 0; l < RG_NLANG; l++) {
		for (int k = 0; k < RG_AF_N; k++) {
			for (size_t i = 0; i < lex->affixes[l].n[k]; i++)
				free(lex->affixes[l].list[k][i].text);
			free(lex->affixes[l].list[k]);
		}
	}
	memset(lex->affixes, 0, sizeof lex->affixes);
}
