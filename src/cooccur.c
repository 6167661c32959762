/*
 * cooccur.c - the co-mention accumulator: for each analysed document, the
 * distinct actors of each window (sentence, paragraph, document or K
 * tokens) form pairs; each pair's weight counts the windows, its document
 * count the documents, and up to `evidence_cap` windows are kept as
 * evidence.  Memory is bounded by the graph (plus the capped evidence and
 * one id per document), not by the corpus.
 */
#include <stdlib.h>
#include <string.h>

#include "analysis.h"
#include "cooccur.h"

typedef struct {
	uint32_t a, b;       /* actor indices, a < b */
	double weight;
	long docs;
	size_t last_doc;     /* for counting documents once */
	size_t last_tok;     /* tokens windows: last counted position + 1 */
	char first[11], last[11]; /* dated documents with such a window */
	rg_evidence *ev;
	size_t n_ev;
} pair_stat;

typedef struct {
	long mentions, docs;
	long windows;        /* windows naming the actor (mentions for tokens:K) */
	size_t last_doc;
} actor_stat;

struct rg_cooc {
	const rg_lexicon *lex;
	rg_window window;
	size_t evidence_cap;
	unsigned type_mask;
	long n_windows;      /* windows naming at least one counted actor */
	long by_types[32];   /* those windows by the set of types they name */
	rg_u64map index;     /* (a << 32 | b) -> pair */
	pair_stat *pairs;
	size_t n_pairs, cap_pairs;
	actor_stat *actors;
	char **doc_ids, **doc_dates;
	size_t n_docs, cap_docs, cap_dates;
	rg_sb text;
	size_t *win;         /* scratch: actors of the current window */
	size_t cap_win;
	size_t max_win;      /* distinct actors paired per window; 0: no bound */
	const rg_diag *diag; /* where a capped window is reported */
	long capped;         /* windows of the current document over max_win */
	size_t capped_at;    /* byte offset of the first of them */
};

rg_err rg_cooc_new(rg_cooc **out, const rg_lexicon *lex, rg_window w,
		   size_t evidence_cap)
{
	rg_cooc *c = calloc(1, sizeof *c);
	*out = NULL;
	if (!c)
		return RG_ENOMEM;
	c->lex = lex;
	c->window = w;
	c->evidence_cap = evidence_cap;
	c->max_win = RG_COOC_MAX_WINDOW_ACTORS;
	c->type_mask = (1u << RG_TYPE_COUNTRY) | (1u << RG_TYPE_PERSON) |
		       (1u << RG_TYPE_ORG);
	rg_u64map_init(&c->index);
	c->actors = calloc(rg_lexicon_actor_count(lex), sizeof *c->actors);
	if (!c->actors) {
		free(c);
		return RG_ENOMEM;
	}
	for (size_t i = 0; i < rg_lexicon_actor_count(lex); i++)
		c->actors[i].last_doc = SIZE_MAX;
	*out = c;
	return RG_OK;
}

void rg_cooc_set_types(rg_cooc *c, unsigned mask)
{
	c->type_mask = mask;
}

void rg_cooc_set_window_cap(rg_cooc *c, size_t max_actors, const rg_diag *diag)
{
	c->max_win = max_actors;
	c->diag = diag;
}

/* Notes that a window at byte `at` of the current document was capped. */
static void note_capped(rg_cooc *c, size_t at)
{
	if (!c->capped++)
		c->capped_at = at;
}

void rg_cooc_free(rg_cooc *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->n_pairs; i++) {
		for (size_t j = 0; j < c->pairs[i].n_ev; j++)
			free(c->pairs[i].ev[j].text);
		free(c->pairs[i].ev);
	}
	free(c->pairs);
	rg_u64map_release(&c->index);
	free(c->actors);
	for (size_t i = 0; i < c->n_docs; i++) {
		free(c->doc_ids[i]);
		free(c->doc_dates[i]);
	}
	free(c->doc_ids);
	free(c->doc_dates);
	rg_sb_release(&c->text);
	free(c->win);
	free(c);
}

static int counted(const rg_cooc *c, size_t actor)
{
	return (c->type_mask >> rg_lexicon_actor(c->lex, actor)->type) & 1u;
}

/* The pair (a, b), created on first use. */
static rg_err pair_get(rg_cooc *c, size_t a, size_t b, pair_stat **out)
{
	if (a > b) {
		size_t t = a;
		a = b;
		b = t;
	}
	uint64_t key = (uint64_t)a << 32 | b;
	uint32_t i = rg_u64map_get(&c->index, key);
	if (i == UINT32_MAX) {
		if (rg_grow(&c->pairs, &c->cap_pairs, c->n_pairs + 1, sizeof *c->pairs) ||
		    rg_u64map_put(&c->index, key, (uint32_t)c->n_pairs))
			return RG_ENOMEM;
		i = (uint32_t)c->n_pairs++;
		c->pairs[i] = (pair_stat){ (uint32_t)a, (uint32_t)b, 0, 0, SIZE_MAX, 0,
					   "", "", NULL, 0 };
	}
	*out = &c->pairs[i];
	return RG_OK;
}

/* Counts one window's pair and keeps its evidence. */
static rg_err count_pair(rg_cooc *c, const rg_doc *doc, size_t a, size_t b,
			 int para, int sent, size_t start, size_t end)
{
	pair_stat *p;
	rg_err rc = pair_get(c, a, b, &p);
	if (rc)
		return rc;
	p->weight += 1;
	if (p->last_doc != c->n_docs - 1) {
		const char *d = c->doc_dates[c->n_docs - 1];
		p->last_doc = c->n_docs - 1;
		p->docs++;
		if (d[0] && (!p->first[0] || strcmp(d, p->first) < 0))
			memcpy(p->first, d, 11);
		if (d[0] && (!p->last[0] || strcmp(d, p->last) > 0))
			memcpy(p->last, d, 11);
	}
	if (p->n_ev >= c->evidence_cap)
		return RG_OK;
	rg_evidence *ne = realloc(p->ev, (p->n_ev + 1) * sizeof *ne);
	if (!ne)
		return RG_ENOMEM;
	p->ev = ne;
	rg_sb_reset(&c->text);
	size_t len = end - start, cut = len > 1000 ? 1000 : len;
	while (cut < len && cut > 0 && ((unsigned char)doc->text[start + cut] & 0xC0) == 0x80)
		cut--;
	if (rg_sb_add_utf8(&c->text, doc->text + start, cut) ||
	    (cut < len && rg_sb_adds(&c->text, "…")))
		return RG_ENOMEM;
	char *text = rg_strndup(c->text.buf ? c->text.buf : "", c->text.len);
	if (!text)
		return RG_ENOMEM;
	p->ev[p->n_ev++] = (rg_evidence){ c->n_docs - 1, para, sent, start, end, text };
	return RG_OK;
}

/* Pairs the distinct actors of mentions [i, j) as one window. */
static rg_err window_pairs(rg_cooc *c, const rg_doc *doc, const rg_analysis *an,
			   size_t i, size_t j, size_t start, size_t end)
{
	size_t n = 0;
	int capped = 0;
	if (rg_grow(&c->win, &c->cap_win, j - i + 1, sizeof *c->win))
		return RG_ENOMEM;
	for (size_t k = i; k < j; k++) {
		size_t a = an->mentions[k].actor, x;
		if (!counted(c, a))
			continue;
		for (x = 0; x < n && c->win[x] != a; x++)
			;
		if (x == n && c->max_win && n == c->max_win) {
			/* one more distinct actor: the pairs would grow as n^2 */
			if (!capped)
				note_capped(c, start);
			capped = 1;
		} else if (x == n) {
			c->win[n++] = a;
			c->actors[a].windows++;
		}
	}
	if (n) {
		unsigned set = 0;
		for (size_t x = 0; x < n; x++)
			set |= 1u << rg_lexicon_actor(c->lex, c->win[x])->type;
		c->n_windows++;
		c->by_types[set & 31u]++;
	}
	for (size_t x = 0; x < n; x++)
		for (size_t y = x + 1; y < n; y++) {
			rg_err rc = count_pair(c, doc, c->win[x], c->win[y],
					       an->mentions[i].para, an->mentions[i].sent,
					       start, end);
			if (rc)
				return rc;
		}
	return RG_OK;
}

/* The window key of mention m: its sentence, paragraph or the document. */
static int window_of(const rg_cooc *c, const rg_mention *m)
{
	switch (c->window.kind) {
	case RG_WINDOW_SENTENCE: return m->sent;
	case RG_WINDOW_PARAGRAPH: return m->para;
	default: return 0;
	}
}

/*
 * Token windows: a pair counts when its two mentions are at most K tokens
 * apart, once per stretch: a repeat within K tokens of the last counted
 * occurrence is the same window.  Each mention looks back at most max_win
 * mentions, so a long run of names costs O(n max_win), not O(n K).
 */
static rg_err token_pairs(rg_cooc *c, const rg_doc *doc, const rg_analysis *an)
{
	size_t k = (size_t)c->window.tokens;
	for (size_t j = 0; j < an->n_mentions; j++) {
		const rg_mention *mj = &an->mentions[j];
		size_t looked = 0;
		if (!counted(c, mj->actor))
			continue;
		for (size_t i = j; i-- > 0;) {
			const rg_mention *mi = &an->mentions[i];
			if (mj->tok - mi->tok > k)
				break;
			if (c->max_win && ++looked > c->max_win) {
				note_capped(c, mj->start);
				break;
			}
			if (mi->actor == mj->actor || !counted(c, mi->actor))
				continue;
			pair_stat *p;
			rg_err rc = pair_get(c, mi->actor, mj->actor, &p);
			if (rc)
				return rc;
			if (p->last_doc == c->n_docs - 1 && mj->tok < p->last_tok + k)
				continue;
			if ((rc = count_pair(c, doc, mi->actor, mj->actor, mi->para, mi->sent,
					     mi->start, mj->end)))
				return rc;
			p = &c->pairs[rg_u64map_get(&c->index,
				(uint64_t)(mi->actor < mj->actor ? mi->actor : mj->actor) << 32 |
				(mi->actor < mj->actor ? mj->actor : mi->actor))];
			p->last_tok = mj->tok + 1;
		}
	}
	return RG_OK;
}

static rg_err add_doc(rg_cooc *c, const rg_doc *doc, const rg_analysis *an)
{
	if (rg_grow(&c->doc_ids, &c->cap_docs, c->n_docs + 1, sizeof *c->doc_ids) ||
	    rg_grow(&c->doc_dates, &c->cap_dates, c->n_docs + 1, sizeof *c->doc_dates))
		return RG_ENOMEM;
	c->doc_ids[c->n_docs] = rg_strdup(doc->id ? doc->id : "");
	c->doc_dates[c->n_docs] = rg_strdup(an->date);
	if (!c->doc_ids[c->n_docs] || !c->doc_dates[c->n_docs]) {
		free(c->doc_ids[c->n_docs]);
		free(c->doc_dates[c->n_docs]);
		return RG_ENOMEM;
	}
	size_t d = c->n_docs++;
	for (size_t i = 0; i < an->n_mentions; i++) {
		actor_stat *s = &c->actors[an->mentions[i].actor];
		s->mentions++;
		if (s->last_doc != d) {
			s->last_doc = d;
			s->docs++;
		}
		if (c->window.kind == RG_WINDOW_TOKENS && counted(c, an->mentions[i].actor)) {
			s->windows++;
			c->n_windows++;
			c->by_types[(1u << rg_lexicon_actor(c->lex, an->mentions[i].actor)->type) &
				    31u]++;
		}
	}
	if (c->window.kind == RG_WINDOW_TOKENS)
		return token_pairs(c, doc, an);
	for (size_t i = 0; i < an->n_mentions;) {
		int w = window_of(c, &an->mentions[i]);
		size_t j = i + 1;
		while (j < an->n_mentions && window_of(c, &an->mentions[j]) == w)
			j++;
		size_t start, end;
		const rg_mention *m = &an->mentions[i];
		if (c->window.kind == RG_WINDOW_PARAGRAPH) {
			start = an->paras[m->para - 1].start;
			end = an->paras[m->para - 1].end;
		} else { /* the sentence (for documents: of the first mention) */
			start = an->sents[m->sent - 1].start;
			end = an->sents[m->sent - 1].end;
		}
		rg_err rc = window_pairs(c, doc, an, i, j, start, end);
		if (rc)
			return rc;
		i = j;
	}
	return RG_OK;
}

rg_err rg_cooc_add(rg_cooc *c, const rg_doc *doc, const rg_analysis *an)
{
	c->capped = 0;
	rg_err rc = add_doc(c, doc, an);
	if (rc || !c->capped)
		return rc;
	/* one warning per document, at its first capped window */
	if (c->window.kind == RG_WINDOW_TOKENS)
		rg_diag_emit(c->diag, RG_SEV_WARNING, doc->id, -1, (long)c->capped_at,
			     "%ld mention%s had more than %zu others within %d tokens; "
			     "each was paired with the nearest %zu only (--max-window-actors)",
			     c->capped, c->capped == 1 ? "" : "s", c->max_win,
			     c->window.tokens, c->max_win);
	else
		rg_diag_emit(c->diag, RG_SEV_WARNING, doc->id, -1, (long)c->capped_at,
			     "%ld window%s named more than %zu distinct actors; only the "
			     "first %zu of each were paired (--max-window-actors)",
			     c->capped, c->capped == 1 ? "" : "s", c->max_win, c->max_win);
	return RG_OK;
}

const char *rg_cooc_doc_id(const rg_cooc *c, size_t i)
{
	return i < c->n_docs ? c->doc_ids[i] : NULL;
}

const char *rg_cooc_doc_date(const rg_cooc *c, size_t i)
{
	return i < c->n_docs ? c->doc_dates[i] : NULL;
}

size_t rg_cooc_doc_count(const rg_cooc *c)
{
	return c->n_docs;
}

const rg_evidence *rg_cooc_evidence(const rg_cooc *c, size_t a, size_t b, size_t *n)
{
	if (a > b) {
		size_t t = a;
		a = b;
		b = t;
	}
	uint32_t i = rg_u64map_get(&c->index, (uint64_t)a << 32 | b);
	*n = i == UINT32_MAX ? 0 : c->pairs[i].n_ev;
	return i == UINT32_MAX ? NULL : c->pairs[i].ev;
}


rg_err rg_cooc_network(const rg_cooc *c, rg_network *out)
{
	rg_err rc = RG_ENOMEM;
	size_t n_act = rg_lexicon_actor_count(c->lex), n = 0;
	rg_id_ref *ids = malloc((n_act + 1) * sizeof *ids);
	size_t *node_of = malloc((n_act + 1) * sizeof *node_of);
	rg_network_release(out);
	if (!ids || !node_of)
		goto out;
	for (size_t i = 0; i < n_act; i++)
		if (c->actors[i].mentions && counted(c, i))
			ids[n++] = (rg_id_ref){ rg_lexicon_actor(c->lex, i)->id, i };
	rg_id_refs_sort(ids, n);
	out->nodes = calloc(n ? n : 1, sizeof *out->nodes);
	out->edges = calloc(c->n_pairs ? c->n_pairs : 1, sizeof *out->edges);
	if (!out->nodes || !out->edges)
		goto out;
	for (size_t k = 0; k < n; k++) {
		size_t ai = ids[k].index;
		const rg_actor_info *a = rg_lexicon_actor(c->lex, ai);
		rg_node *nd = &out->nodes[k];
		node_of[ai] = k;
		nd->actor = ai;
		nd->type = a->type;
		nd->mentions = c->actors[ai].mentions;
		nd->docs = c->actors[ai].docs;
		nd->windows = c->actors[ai].windows;
		out->n_nodes = k + 1;
		if (!(nd->id = rg_strdup(a->id)))
			goto out;
		for (int l = 0; l < RG_NLANG; l++)
			if (a->names[l] && !(nd->names[l] = rg_strdup(a->names[l])))
				goto out;
	}
	for (size_t i = 0; i < c->n_pairs; i++) {
		const pair_stat *p = &c->pairs[i];
		if (!p->weight)
			continue;
		size_t x = node_of[p->a], y = node_of[p->b];
		rg_edge *e = &out->edges[out->n_edges++];
		*e = (rg_edge){ x < y ? x : y, x < y ? y : x, p->weight, p->docs,
				(long)p->weight, "", "" };
		memcpy(e->first_date, p->first, 11);
		memcpy(e->last_date, p->last, 11);
	}
	qsort(out->edges, out->n_edges, sizeof *out->edges, rg_edge_cmp);
	out->n_docs = (long)c->n_docs;
	out->n_windows = c->n_windows;
	for (size_t i = 0; i < c->n_docs; i++) {
		const char *d = c->doc_dates[i];
		if (!d[0])
			continue;
		if (!out->first_date[0] || strcmp(d, out->first_date) < 0)
			memcpy(out->first_date, d, 11);
		if (!out->last_date[0] || strcmp(d, out->last_date) > 0)
			memcpy(out->last_date, d, 11);
	}
	rc = RG_OK;
out:
	free(ids);
	free(node_of);
	if (rc)
		rg_network_release(out);
	return rc;
}

/* ---- one document at a time (edge sets, see cooccur.h) ------------------- */

long rg_cooc_actor_windows(const rg_cooc *c, size_t actor)
{
	return c->actors[actor].windows;
}

size_t rg_cooc_pair_count(const rg_cooc *c)
{
	return c->n_pairs;
}

void rg_cooc_pair_at(const rg_cooc *c, size_t i, size_t *a, size_t *b, long *windows)
{
	*a = c->pairs[i].a;
	*b = c->pairs[i].b;
	*windows = (long)c->pairs[i].weight;
}

const long *rg_cooc_window_types(const rg_cooc *c, long *windows)
{
	*windows = c->n_windows;
	return c->by_types;
}

void rg_cooc_clear(rg_cooc *c, const rg_analysis *an)
{
	for (size_t i = 0; i < an->n_mentions; i++) {
		actor_stat *s = &c->actors[an->mentions[i].actor];
		*s = (actor_stat){ 0, 0, 0, SIZE_MAX };
	}
	for (size_t i = 0; i < c->n_pairs; i++) {
		for (size_t j = 0; j < c->pairs[i].n_ev; j++)
			free(c->pairs[i].ev[j].text);
		free(c->pairs[i].ev);
	}
	c->n_pairs = 0;
	rg_u64map_clear(&c->index);
	for (size_t i = 0; i < c->n_docs; i++) {
		free(c->doc_ids[i]);
		free(c->doc_dates[i]);
	}
	c->n_docs = 0;
	c->n_windows = 0;
	memset(c->by_types, 0, sizeof c->by_types);
}
