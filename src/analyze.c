/*
 * analyze.c - rg_analyze(), the per-document pipeline: language (lang.c),
 * date (dates.c), paragraphs/sentences/tokens (text.c), mentions (match.c)
 * and formats (formats.c).  All state lives in the caller's rg_analysis, so
 * documents can be analysed on several threads with one lexicon.
 */
#include <stdlib.h>
#include <string.h>

#include "analysis.h"
#include "dates.h"
#include "lang.h"

void rg_analysis_init(rg_analysis *an)
{
	memset(an, 0, sizeof *an);
	an->lang = RG_LANG_NONE;
}


void rg_analysis_release(rg_analysis *an)
{
	rg_scratch *s = an->priv_;
	if (s) {
		rg_sb_release(&s->fold);
		rg_sb_release(&s->key);
		free(s->toks);
		free(s->para_notes);
		free(s->members);
		free(s->hits);
		free(s->role_hit);
		free(s->cands);
		free(s->cand_off);
		free(s->key_cache);
		free(s->u16_at); /* s->u16 is in the same block */
		for (int l = 0; l < RG_NLANG; l++)
			if (s->sbrk[l])
				ubrk_close(s->sbrk[l]);
		free(s);
	}
	free(an->paras);
	free(an->sents);
	free(an->mentions);
	free(an->formats);
	free(an->roles);
	rg_analysis_init(an);
}

/* The analysis's scratch, made when it has none; NULL when out of memory. */
static rg_scratch *scratch_of(rg_analysis *an)
{
	if (!an->priv_)
		an->priv_ = rg_calloc_line(sizeof(rg_scratch)); /* see pipeline.c */
	return an->priv_;
}

rg_err rg_analysis_swap_cache(rg_analysis *an, struct rg_key_cache **cache)
{
	rg_scratch *s = scratch_of(an);
	if (!s)
		return RG_ENOMEM;
	struct rg_key_cache *t = s->key_cache;
	s->key_cache = *cache;
	*cache = t;
	return RG_OK;
}

/* Whether s starts with a date that exists ("YYYY-MM-DD..."); copies it. */
static int copy_iso_date(const char *s, char out[11])
{
	if (!rg_date_iso_valid(s))
		return 0;
	memcpy(out, s, 10);
	out[10] = '\0';
	return 1;
}

rg_err rg_analyze(const rg_lexicon *lex, const rg_doc *doc, rg_analysis *an,
		  const rg_diag *diag)
{
	rg_err rc;
	rg_scratch *s = scratch_of(an);
	if (!s)
		return RG_ENOMEM;
	rg_sb_reset(&s->fold);
	s->n_toks = 0;
	s->n_members = 0;
	s->n_hits = 0;
	s->cands_ready = 0;
	an->n_roles = 0;
	an->n_paras = an->n_sents = an->n_tokens = 0;
	an->n_mentions = an->n_formats = 0;
	an->invalid_bytes = 0;
	an->date[0] = '\0';

	/* a language the metadata does not give is guessed: while the text
	   is segmented, or first when it is longer than the guess reads */
	an->lang = doc->lang;
	int guess = an->lang < 0 || an->lang >= RG_NLANG;
	if (guess && doc->len > RG_LANG_GUESS_MAX) {
		an->lang = rg_lang_detect(doc->text, doc->len, RG_LANG_GUESS_MAX);
		guess = 0;
	}
	if ((rc = rg_text_segment(lex, doc, an, s, guess, diag)))
		return rc;
	if (!copy_iso_date(doc->date, an->date)) {
		size_t at;
		if (rg_date_find(doc->text, doc->len, an->lang, an->date, &at) != 1)
			an->date[0] = '\0';
	}
	if ((rc = rg_match_roles(lex, doc, an, s)) ||
	    (rc = rg_match_tokens(lex, doc, an, s)) ||
	    (rc = rg_roles_resolve(lex, doc, an, s)) ||
	    (rc = rg_formats_find(lex, doc, an, s)))
		return rc;
	return RG_OK;
}
