/*
 * surnames.c - a surname alone ("Əliyev", «علی‌اف», "Kallas") is read as
 * the person listed with it; right after a common given name that is not
 * the person's own ("Elnur Əliyev", "Siim Kallas") it names somebody
 * else, and match.c does not report it.  The given names are our list
 * (data/given_names.tsv); a person's own are the first characters of the
 * words before the last in each of their names of two words or more, so
 * a spelling the dictionary lacks ("Ilkham Aliyev") still counts as theirs.
 */
#include <stdlib.h>
#include <string.h>

#include <unicode/utf8.h>

#include "surnames.h"

/* The bytes of the character at w (w NUL-ended, well-formed: folded). */
static size_t first_char(const char *w)
{
	size_t n = 0;
	UChar32 c;
	U8_NEXT_UNSAFE((const uint8_t *)w, n, c);
	(void)c;
	return n;
}

/* Whether the NUL-ended characters `set` hold the character c[0..n). */
static int has_initial(const char *set, const char *c, size_t n)
{
	for (size_t i = 0, k; set[i]; i += k) {
		k = first_char(set + i);
		if (k == n && memcmp(set + i, c, n) == 0)
			return 1;
	}
	return 0;
}

/* lex->given_initials from every person's names and aliases. */
static rg_err collect_initials(rg_lexicon *lex)
{
	lex->given_initials = calloc(lex->n_actors ? lex->n_actors : 1,
				     sizeof *lex->given_initials);
	if (!lex->given_initials)
		return RG_ENOMEM;
	for (size_t i = 0; i < lex->n_aliases; i++) {
		const rg_alias *al = &lex->aliases[i];
		if ((al->kind != RG_AK_NAME && al->kind != RG_AK_ALIAS) ||
		    al->actor >= lex->n_actors || lex->actors[al->actor].type != RG_TYPE_PERSON)
			continue;
		char *set = lex->given_initials[al->actor];
		for (const char *w = al->text, *sp; (sp = strchr(w, ' ')); w = sp + 1) {
			size_t n = first_char(w), used = strlen(set);
			if (w == sp || has_initial(set, w, n) ||
			    used + n >= sizeof *lex->given_initials)
				continue;
			memcpy(set + used, w, n);
			set[used + n] = '\0';
		}
	}
	return RG_OK;
}

rg_err rg_surnames_load(rg_lexicon *lex, const char *given_tsv, const rg_diag *diag)
{
	rg_err rc = RG_OK;
	rg_rows rows = RG_ROWS_INIT;
	rg_sb folded = RG_SB_INIT;
	char *f[2];
	if (rg_rows_open(&rows, given_tsv)) {
		rg_diag_emit(diag, RG_SEV_WARNING, given_tsv, -1, -1,
			     "cannot read given names; a surname alone is always its person's");
		return RG_OK;
	}
	while (rg_rows_next(&rows, f, 2) == 2) {
		if (rg_lang_parse(f[0]) == RG_LANG_NONE) {
			rg_diag_emit(diag, RG_SEV_WARNING, given_tsv, rows.line, -1,
				     "expected lang and name; row skipped");
			continue;
		}
		if ((rc = rg_fold_words(&lex->fold, f[1], strlen(f[1]), &folded)))
			break;
		/* one word: the token before a surname */
		if (folded.len && !memchr(folded.buf, ' ', folded.len) &&
		    (rc = rg_strmap_put(&lex->given_names, folded.buf, folded.len, 1, NULL)))
			break;
	}
	rg_rows_close(&rows);
	rg_sb_release(&folded);
	return rc ? rc : collect_initials(lex);
}

void rg_surnames_release(rg_lexicon *lex)
{
	rg_strmap_release(&lex->given_names);
	free(lex->given_initials);
	lex->given_initials = NULL;
}

int rg_surname_after_given_name(const rg_lexicon *lex, const rg_analysis *an,
				const rg_scratch *s, size_t a, uint32_t person)
{
	if (a == 0 || !lex->given_initials || !lex->given_names.n_ents)
		return 0;
	const rg_token *t = &s->toks[a], *p = &s->toks[a - 1];
	/* glued and no hyphen: only spaces between the two words (the first
	   word of a line is glued to nothing before it) */
	if (!(t->flags & RG_TF_GLUED) || (t->flags & RG_TF_HYPHEN) || p->para != t->para ||
	    !p->fold_len)
		return 0;
	const char *w = s->fold.buf + p->fold_off;
	if (rg_strmap_get(&lex->given_names, w, p->fold_len) == UINT32_MAX ||
	    has_initial(lex->given_initials[person], w, first_char(w)))
		return 0;
	/* a given name inside a mention found so far is part of that name */
	for (size_t i = an->n_mentions; i-- > 0;) {
		const rg_mention *m = &an->mentions[i];
		if (m->end <= p->start)
			break;
		if (m->start <= p->start)
			return 0;
	}
	return 1;
}
