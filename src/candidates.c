/*
 * candidates.c - unknown-name discovery for `relgraph candidates`: after
 * matching, the words that follow a title ("Mr", «السيد», "cənab") or an
 * office phrase, and runs of capitalised words, that no mention covers are
 * collected across the corpus with counts and a first example, so an
 * analyst can see which names the dictionary still lacks.
 */
#include <stdlib.h>
#include <string.h>

#include "analysis.h"

typedef struct {
	char *text, *doc;
	long count, docs;
	size_t last_doc;
	int para;
	const char *how;
} cand_ent;

struct rg_cands {
	const rg_lexicon *lex;
	rg_strmap titles;     /* folded title (one or two words) -> 1 */
	rg_strmap index;      /* folded candidate -> entry */
	cand_ent *ents;
	size_t n, cap;
	size_t n_docs;
	rg_candidate *list;
	rg_sb key, surf;
};

rg_err rg_cands_new(rg_cands **out, const rg_lexicon *lex, const char *titles_tsv,
		    const rg_diag *diag)
{
	rg_err rc = RG_OK;
	rg_rows rows = RG_ROWS_INIT;
	char *f[2];
	int nf;
	rg_cands *c = calloc(1, sizeof *c);
	*out = NULL;
	if (!c)
		return RG_ENOMEM;
	c->lex = lex;
	rg_strmap_init(&c->titles);
	rg_strmap_init(&c->index);
	if (titles_tsv && rg_rows_open(&rows, titles_tsv)) {
		rg_diag_emit(diag, RG_SEV_WARNING, titles_tsv, -1, -1,
			     "cannot read titles; only capitalised names are found");
	} else if (titles_tsv) {
		while ((nf = rg_rows_next(&rows, f, 2))) {
			if (nf != 2 || rg_lang_parse(f[0]) == RG_LANG_NONE) {
				rg_diag_emit(diag, RG_SEV_WARNING, titles_tsv, rows.line, -1,
					     "expected lang and title");
				continue;
			}
			if ((rc = rg_fold_words(&lex->fold, f[1], strlen(f[1]), &c->key)) ||
			    (c->key.len &&
			     (rc = rg_strmap_put(&c->titles, c->key.buf, c->key.len, 1, NULL))))
				break;
		}
	}
	rg_rows_close(&rows);
	if (rc) {
		rg_cands_free(c);
		return rc;
	}
	*out = c;
	return RG_OK;
}

void rg_cands_free(rg_cands *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->n; i++) {
		free(c->ents[i].text);
		free(c->ents[i].doc);
	}
	free(c->ents);
	free(c->list);
	rg_strmap_release(&c->titles);
	rg_strmap_release(&c->index);
	rg_sb_release(&c->key);
	rg_sb_release(&c->surf);
	free(c);
}

static int is_title(const rg_cands *c, const rg_scratch *s, size_t t, size_t *after)
{
	const rg_token *k = &s->toks[t];
	if (rg_strmap_get(&c->titles, s->fold.buf + k->fold_off, k->fold_len) != UINT32_MAX) {
		*after = t + 1;
		return 1;
	}
	return 0;
}

/* Whether w is "bin"/"ibn" (بن، ابن) linking the parts of an Arabic name. */
static int is_nasab(const rg_scratch *s, const rg_token *w)
{
	const char *p = s->fold.buf + w->fold_off;
	return (w->fold_len == 4 && memcmp(p, "بن", 4) == 0) ||
	       (w->fold_len == 6 && memcmp(p, "ابن", 6) == 0);
}

/* Records tokens [a, b) of doc as one candidate. */
static rg_err record(rg_cands *c, const rg_doc *doc, const rg_scratch *s, size_t a,
		     size_t b, const char *how)
{
	rg_sb_reset(&c->key);
	for (size_t t = a; t < b; t++)
		if ((t > a && rg_sb_addc(&c->key, ' ')) ||
		    rg_sb_add(&c->key, s->fold.buf + s->toks[t].fold_off, s->toks[t].fold_len))
			return RG_ENOMEM;
	uint32_t i;
	if (rg_strmap_put(&c->index, c->key.buf, c->key.len, (uint32_t)c->n, &i))
		return RG_ENOMEM;
	if (i == c->n) {
		if (rg_grow(&c->ents, &c->cap, c->n + 1, sizeof *c->ents))
			return RG_ENOMEM;
		rg_sb_reset(&c->surf);
		if (rg_sb_add_utf8(&c->surf, doc->text + s->toks[a].start,
				   s->toks[b - 1].end - s->toks[a].start))
			return RG_ENOMEM;
		cand_ent *e = &c->ents[c->n];
		memset(e, 0, sizeof *e);
		e->text = rg_strdup(c->surf.buf ? c->surf.buf : "");
		e->doc = rg_strdup(doc->id);
		if (!e->text || !e->doc) {
			free(e->text);
			free(e->doc);
			return RG_ENOMEM;
		}
		e->para = s->toks[a].para;
		e->how = how;
		e->last_doc = SIZE_MAX;
		c->n++;
	}
	cand_ent *e = &c->ents[i];
	e->count++;
	if (e->last_doc != c->n_docs) {
		e->last_doc = c->n_docs;
		e->docs++;
	}
	return RG_OK;
}

rg_err rg_cands_add(rg_cands *c, const rg_doc *doc, const rg_analysis *an)
{
	const rg_scratch *s = an->priv_;
	rg_err rc = RG_OK;
	if (!s || !s->n_toks) {
		c->n_docs++;
		return RG_OK;
	}
	uint8_t *covered = calloc(s->n_toks, 1), *starts = calloc(s->n_toks + 1, 1);
	if (!covered || !starts) {
		rc = RG_ENOMEM;
		goto out;
	}
	for (size_t i = 0; i < an->n_mentions; i++)
		for (size_t t = an->mentions[i].tok;
		     t < s->n_toks && s->toks[t].start < an->mentions[i].end; t++)
			covered[t] = 1;
	for (size_t h = 0; h < s->n_hits; h++) { /* office phrases introduce names */
		starts[s->hits[h].b] = 1;
		for (size_t t = s->hits[h].a; t < s->hits[h].b; t++)
			covered[t] = 1;
	}
	for (size_t t = 0; t < s->n_toks;) {
		size_t a;
		const rg_token *k = &s->toks[t];
		int titled = starts[t] ? (a = t, 1) : is_title(c, s, t, &a);
		if (titled) {
			/* up to three uncovered words after the titles ("سعادة السيد"):
			 * capitalised ones in cased scripts, no conjunction */
			size_t dummy;
			while (a < s->n_toks && !covered[a] && is_title(c, s, a, &dummy))
				a++;
			size_t b = a, max = 3;
			while (b < s->n_toks && b - a < max && !covered[b] &&
			       s->toks[b].sent == k->sent && (s->toks[b].flags & RG_TF_GLUED) &&
			       (!(s->toks[b].flags & RG_TF_CASED) ||
				(s->toks[b].flags & RG_TF_INITIAL)) &&
			       !(b > a && starts[b])) {
				const rg_token *w = &s->toks[b];
				if ((b > a && is_title(c, s, b, &dummy)) ||
				    rg_strmap_get(&c->lex->conjunctions, s->fold.buf + w->fold_off,
						  w->fold_len) != UINT32_MAX)
					break;
				/* uncased scripts show no name's end: two words, more
				 * only through a nasab ("سلطان بن سعد المريخي") */
				if (!(w->flags & RG_TF_CASED) && b == a)
					max = 2;
				if (!(w->flags & RG_TF_CASED) && is_nasab(s, w))
					max = b - a + 3;
				b++;
			}
			if (b > a && (rc = record(c, doc, s, a, b, "title")))
				goto out;
			t = b > t ? b : t + 1;
			continue;
		}
		/* two or more capitalised uncovered words; a sentence's first word
		 * is capitalised anyway, so a run never starts there */
		size_t b = t;
		int first = t == 0 || s->toks[t - 1].sent != k->sent;
		while (!first && b < s->n_toks && !covered[b] &&
		       (s->toks[b].flags & RG_TF_INITIAL) && s->toks[b].sent == k->sent &&
		       (b == t || (s->toks[b].flags & RG_TF_GLUED)))
			b++;
		if (b - t >= 2 && (rc = record(c, doc, s, t, b, "capitals")))
			goto out;
		t = b > t ? b : t + 1;
	}
	c->n_docs++;
out:
	free(covered);
	free(starts);
	return rc;
}

static int cmp_cand(const void *x, const void *y)
{
	const rg_candidate *a = x, *b = y;
	if (a->count != b->count)
		return a->count > b->count ? -1 : 1;
	return strcmp(a->text, b->text);
}

rg_err rg_cands_list(rg_cands *c, long min_count, const rg_candidate **out, size_t *n)
{
	free(c->list);
	c->list = malloc((c->n + 1) * sizeof *c->list);
	if (!c->list)
		return RG_ENOMEM;
	size_t k = 0;
	for (size_t i = 0; i < c->n; i++) {
		const cand_ent *e = &c->ents[i];
		if (e->count >= min_count)
			c->list[k++] = (rg_candidate){ e->text, e->count, e->docs, e->doc,
						       e->para, e->how };
	}
	qsort(c->list, k, sizeof *c->list, cmp_cand);
	*out = c->list;
	*n = k;
	return RG_OK;
}
