/*
 * edgeset.c - co-mention counts kept per slice (the documents of one date
 * and language): the map step adds analysed documents, each counted by a
 * scratch rg_cooc so the window rules are those of the corpus path; the
 * questions (a network for --since/--until/--lang/--types, the periods,
 * the formats) sum the slices they take.  edgetable.c reads and writes
 * sets as text; merge sums them.
 */
#include <stdlib.h>
#include <string.h>

#include "cooccur.h"
#include "edgeset.h"
#include "radix.h"


size_t rg_es_precision(rg_slicing sl)
{
	return sl == RG_SLICE_DAY ? 10 : sl == RG_SLICE_MONTH ? 7 : 4;
}

rg_err rg_edgeset_new(rg_edgeset **out, rg_window w, unsigned types, rg_slicing slicing)
{
	*out = NULL;
	if ((int)slicing < 0 || slicing > RG_SLICE_YEAR)
		return RG_EINPUT;
	rg_edgeset *s = rg_calloc_line(sizeof *s); /* one per worker, side by side */
	if (!s)
		return RG_ENOMEM;
	s->window = w;
	s->types = types ? types
			 : (1u << RG_TYPE_COUNTRY) | (1u << RG_TYPE_PERSON) | (1u << RG_TYPE_ORG);
	s->slicing = slicing;
	rg_strmap_init(&s->actor_ix);
	rg_strmap_init(&s->slice_ix);
	rg_strmap_init(&s->fmt_ix);
	rg_u64map_init(&s->format_ix);
	*out = s;
	return RG_OK;
}

void rg_edgeset_free(rg_edgeset *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->n_actors; i++) {
		free(s->actors[i].id);
		for (int l = 0; l < RG_NLANG; l++)
			free(s->actors[i].names[l]);
	}
	for (size_t i = 0; i < s->n_fmts; i++) {
		free(s->fmt_keys[i]);
		free(s->fmt_names[i]);
	}
	free(s->actors);
	free(s->slices);
	free(s->nodes);
	free(s->edges);
	free(s->formats);
	free(s->fmt_keys);
	free(s->fmt_names);
	free(s->lex_actor);
	free(s->lex_mentions);
	free(s->touched);
	rg_strmap_release(&s->actor_ix);
	rg_strmap_release(&s->slice_ix);
	rg_strmap_release(&s->fmt_ix);
	rg_u64map_release(&s->format_ix);
	rg_cooc_free(s->scratch);
	free(s);
}

rg_window rg_edgeset_window(const rg_edgeset *s)
{
	return s->window;
}

unsigned rg_edgeset_types(const rg_edgeset *s)
{
	return s->types;
}

rg_slicing rg_edgeset_slicing(const rg_edgeset *s)
{
	return s->slicing;
}

long rg_edgeset_doc_count(const rg_edgeset *s)
{
	long n = 0;
	for (size_t i = 0; i < s->n_slices; i++)
		n += s->slices[i].docs;
	return n;
}

size_t rg_edgeset_slice_count(const rg_edgeset *s)
{
	return s->n_slices;
}

/* ---- interning ------------------------------------------------------------ */

rg_err rg_es_actor_intern(rg_edgeset *s, const char *id, rg_actor_type type, uint32_t *out)
{
	uint32_t got;
	if (s->n_actors >= RG_ES_MAX_ACTORS - 1)
		return RG_EINPUT;
	if (rg_strmap_put(&s->actor_ix, id, strlen(id), (uint32_t)s->n_actors, &got))
		return RG_ENOMEM;
	*out = got;
	if (got < s->n_actors)
		return RG_OK;
	if (rg_grow(&s->actors, &s->cap_actors, s->n_actors + 1, sizeof *s->actors))
		return RG_ENOMEM;
	rg_es_actor *a = &s->actors[s->n_actors];
	memset(a, 0, sizeof *a);
	a->type = type;
	if (!(a->id = rg_strdup(id)))
		return RG_ENOMEM;
	s->n_actors++;
	return RG_OK;
}

rg_err rg_es_slice_intern(rg_edgeset *s, const char *date, int lang, uint32_t *out)
{
	char key[16];
	uint32_t got;
	size_t n = strnlen(date, 10);
	/* the key: the date, then a byte for the language (never NUL) */
	memcpy(key, date, n);
	key[n++] = (char)(lang < 0 ? 1 : 2 + (lang & 0x3f));
	if (s->n_slices >= RG_ES_MAX_SLICES - 1)
		return RG_EINPUT;
	if (rg_strmap_put(&s->slice_ix, key, n, (uint32_t)s->n_slices, &got))
		return RG_ENOMEM;
	*out = got;
	if (got < s->n_slices)
		return RG_OK;
	if (rg_grow(&s->slices, &s->cap_slices, s->n_slices + 1, sizeof *s->slices))
		return RG_ENOMEM;
	rg_es_slice *sl = &s->slices[s->n_slices++];
	memset(sl, 0, sizeof *sl);
	snprintf(sl->date, sizeof sl->date, "%s", date);
	sl->lang = lang;
	return RG_OK;
}

rg_err rg_es_format_intern(rg_edgeset *s, const char *key, const char *name, uint32_t *out)
{
	uint32_t got;
	if (rg_strmap_put(&s->fmt_ix, key, strlen(key), (uint32_t)s->n_fmts, &got))
		return RG_ENOMEM;
	*out = got;
	if (got == s->n_fmts) {
		size_t cap = s->cap_fmts;
		if (rg_grow(&s->fmt_keys, &cap, s->n_fmts + 1, sizeof *s->fmt_keys) ||
		    rg_grow(&s->fmt_names, &s->cap_fmts, s->n_fmts + 1, sizeof *s->fmt_names))
			return RG_ENOMEM;
		s->fmt_names[s->n_fmts] = NULL;
		if (!(s->fmt_keys[s->n_fmts] = rg_strdup(key)))
			return RG_ENOMEM;
		s->fmt_key_bytes += strlen(key) + 1;
		s->n_fmts++;
	}
	if (name && !s->fmt_names[got] && !(s->fmt_names[got] = rg_strdup(name)))
		return RG_ENOMEM;
	return RG_OK;
}

/*
 * Node and edge rows are appended, not looked up: one document's counts
 * are a handful of rows, and a hash table over millions of (slice, pair)
 * keys cost more than the analysis (random access, rehashing).  When the
 * rows double since the last compaction they are sorted and equal keys
 * summed, so memory stays near the distinct keys; readers of the rows
 * (edgequery.c, the writer) sum whatever duplicates remain.  Below
 * COMPACT_MIN rows (20 MB of edge rows) there is no compaction: the
 * writer sorts them once anyway, and on corpora whose slices are sparse
 * (few documents per date and language) early compactions found little
 * to sum for the sorting they cost.
 */
#define COMPACT_MIN ((size_t)1 << 20)

/* *acc += v, refusing to pass 2^32 (a slice's counts are 32-bit). */
static int add32(uint32_t *acc, uint64_t v)
{
	if ((uint64_t)*acc + v > UINT32_MAX)
		return -1;
	*acc += (uint32_t)v;
	return 0;
}

/*
 * The base of the next compaction (it comes at twice the base) after one
 * that left k of n rows: k, or 2k when a quarter or less of the rows went
 * (keys that seldom repeat, such as day slices of sparse dates), so that
 * sorting without gain does not become most of the map step.
 */
static size_t next_compaction(size_t n, size_t k)
{
	return 4 * k > 3 * n ? 2 * k : k;
}

/*
 * The order of a set's rows by key: items (packed key, row) sorted, the
 * key packed into the bits the set's slices and actors need (the order is
 * that of node_key and edge_key).  *k: the number of distinct keys.
 * NULL when out of memory.
 */
static rg_radix_item *rows_sorted(size_t n, unsigned keybits, const rg_edgeset *s, int edges,
				  size_t *k)
{
	unsigned ab = rg_radix_bits(s->n_actors);
	rg_radix_item *it = rg_malloc_big((n + 1) * sizeof *it),
		      *tmp = rg_malloc_big((n + 1) * sizeof *tmp);
	if (!it || !tmp) {
		free(it);
		free(tmp);
		return NULL;
	}
	for (size_t i = 0; i < n; i++) {
		uint64_t key;
		if (edges)
			key = ((uint64_t)s->edges[i].slice << ab | s->edges[i].a) << ab | s->edges[i].b;
		else
			key = (uint64_t)s->nodes[i].slice << ab | s->nodes[i].actor;
		it[i] = (rg_radix_item){ key, (uint32_t)i };
	}
	rg_radix_sort(it, tmp, n, keybits);
	free(tmp);
	*k = 0;
	for (size_t i = 0; i < n; i++)
		*k += !i || it[i].key != it[i - 1].key;
	return it;
}

/* Adds the counts of row r to row d (nodes or edges); -1 past 2^32. */
static int sum_node(void *d, const void *r)
{
	rg_es_node *x = d;
	const rg_es_node *y = r;
	return add32(&x->mentions, y->mentions) || add32(&x->docs, y->docs) ||
	       add32(&x->windows, y->windows) ? -1 : 0;
}

static int sum_edge(void *d, const void *r)
{
	rg_es_edge *x = d;
	const rg_es_edge *y = r;
	return add32(&x->windows, y->windows) || add32(&x->docs, y->docs) ? -1 : 0;
}

/*
 * Sorts the node (edges 0) or edge rows and sums equal keys into a new
 * array of the distinct keys; RG_EINPUT past 2^32, RG_ENOMEM.
 */
static rg_err compact(rg_edgeset *s, int edges)
{
	void **rows = edges ? (void **)&s->edges : (void **)&s->nodes;
	size_t *n_rows = edges ? &s->n_edges : &s->n_nodes;
	size_t sz = edges ? sizeof *s->edges : sizeof *s->nodes, n = *n_rows, k = 0, distinct;
	int (*sum)(void *, const void *) = edges ? sum_edge : sum_node;
	unsigned ab = rg_radix_bits(s->n_actors);
	rg_radix_item *it = rows_sorted(n, (edges ? 2 : 1) * ab + rg_radix_bits(s->n_slices), s,
					edges, &distinct);
	char *out = it ? rg_malloc_big((distinct + 1) * sz) : NULL;
	rg_err rc = RG_ENOMEM;

	if (!out)
		goto out;
	rc = RG_EINPUT;
	for (size_t i = 0; i < n; i++) {
		const char *r = (const char *)*rows + it[i].i * sz;
		if (k && it[i].key == it[i - 1].key) {
			if (sum(out + (k - 1) * sz, r))
				goto out;
		} else {
			memcpy(out + k++ * sz, r, sz);
		}
	}
	free(*rows);
	*rows = out;
	out = NULL;
	*n_rows = k;
	if (edges) {
		s->cap_edges = distinct + 1;
		s->edges_compact = next_compaction(n, k);
	} else {
		s->cap_nodes = distinct + 1;
		s->nodes_compact = next_compaction(n, k);
	}
	rc = RG_OK;
out:
	free(it);
	free(out);
	return rc;
}

/* A count as a 32-bit row value; -1 when it does not fit. */
static int to32(long v, uint32_t *out)
{
	if (v < 0 || (unsigned long)v > UINT32_MAX)
		return -1;
	*out = (uint32_t)v;
	return 0;
}

rg_err rg_es_node_add(rg_edgeset *s, uint32_t slice, uint32_t actor, long mentions,
		      long docs, long windows)
{
	rg_es_node n = { slice, actor, 0, 0, 0 };
	if (to32(mentions, &n.mentions) || to32(docs, &n.docs) || to32(windows, &n.windows))
		return RG_EINPUT;
	if (s->n_nodes >= COMPACT_MIN && s->n_nodes >= 2 * s->nodes_compact) {
		rg_err rc = compact(s, 0);
		if (rc)
			return rc;
	}
	if (rg_grow(&s->nodes, &s->cap_nodes, s->n_nodes + 1, sizeof *s->nodes))
		return RG_ENOMEM;
	s->nodes[s->n_nodes++] = n;
	return RG_OK;
}

rg_err rg_es_edge_add(rg_edgeset *s, uint32_t slice, uint32_t a, uint32_t b, long windows,
		      long docs)
{
	rg_es_edge e = { slice, a < b ? a : b, a < b ? b : a, 0, 0 };
	if (to32(windows, &e.windows) || to32(docs, &e.docs))
		return RG_EINPUT;
	if (s->n_edges >= COMPACT_MIN && s->n_edges >= 2 * s->edges_compact) {
		rg_err rc = compact(s, 1);
		if (rc)
			return rc;
	}
	if (rg_grow(&s->edges, &s->cap_edges, s->n_edges + 1, sizeof *s->edges))
		return RG_ENOMEM;
	s->edges[s->n_edges++] = e;
	return RG_OK;
}

size_t rg_es_bytes(const rg_edgeset *s)
{
	return sizeof *s + s->cap_actors * sizeof *s->actors +
	       s->cap_slices * sizeof *s->slices + s->cap_nodes * sizeof *s->nodes +
	       s->cap_edges * sizeof *s->edges + s->cap_formats * sizeof *s->formats +
	       s->cap_fmts * 2 * sizeof(char *) + s->fmt_key_bytes +
	       s->format_ix.n_slots * (sizeof(uint64_t) + sizeof(uint32_t)) +
	       s->actor_ix.n_slots * 4 + s->actor_ix.cap_ents * sizeof *s->actor_ix.ents +
	       s->slice_ix.n_slots * 4 + s->slice_ix.cap_ents * sizeof *s->slice_ix.ents +
	       s->fmt_ix.n_slots * 4 + s->fmt_ix.cap_ents * sizeof *s->fmt_ix.ents +
	       s->actor_ix.keys.cap + s->slice_ix.keys.cap + s->fmt_ix.keys.cap;
}

size_t rg_edgeset_memory(const rg_edgeset *s)
{
	return s ? rg_es_bytes(s) : 0;
}

rg_err rg_es_format_add(rg_edgeset *s, uint32_t slice, uint32_t fmt, long mentions,
			long docs, const long by_rule[4])
{
	uint64_t key = (uint64_t)slice << 32 | fmt;
	uint32_t i = rg_u64map_get(&s->format_ix, key);
	if (i == UINT32_MAX) {
		if (rg_grow(&s->formats, &s->cap_formats, s->n_formats + 1, sizeof *s->formats) ||
		    rg_u64map_put(&s->format_ix, key, (uint32_t)s->n_formats))
			return RG_ENOMEM;
		i = (uint32_t)s->n_formats++;
		memset(&s->formats[i], 0, sizeof s->formats[i]);
		s->formats[i].slice = slice;
		s->formats[i].fmt = fmt;
	}
	s->formats[i].mentions += mentions;
	s->formats[i].docs += docs;
	for (int r = 0; r < 4; r++)
		s->formats[i].by_rule[r] += by_rule[r];
	return RG_OK;
}

/* ---- type sets ------------------------------------------------------------ */

void rg_es_typeset_name(unsigned set, char *buf, size_t n)
{
	size_t at = 0;
	buf[0] = '\0';
	for (int t = 0; t < 5 && at < n; t++)
		if (set >> t & 1u)
			at += (size_t)snprintf(buf + at, n - at, "%s%s", at ? "+" : "",
					       rg_type_name((rg_actor_type)t));
}

int rg_es_typeset_parse(const char *s)
{
	unsigned set = 0;
	char name[32];
	while (*s) {
		size_t n = strcspn(s, "+");
		if (n == 0 || n >= sizeof name)
			return -1;
		memcpy(name, s, n);
		name[n] = '\0';
		int t = rg_type_parse(name);
		if (t < 0 || t > 4)
			return -1;
		set |= 1u << t;
		s += n;
		if (*s == '+' && !*++s)
			return -1;
	}
	return set ? (int)set : -1;
}

/* ---- the map step ---------------------------------------------------------- */

/* The set's actor of lexicon actor `la`, interned with its names on first use. */
static rg_err lex_actor(rg_edgeset *s, size_t la, uint32_t *out)
{
	if (s->lex_actor[la]) {
		*out = (uint32_t)(s->lex_actor[la] - 1);
		return RG_OK;
	}
	const rg_actor_info *info = rg_lexicon_actor(s->lex, la);
	rg_err rc = rg_es_actor_intern(s, info->id, info->type, out);
	if (rc)
		return rc;
	rg_es_actor *a = &s->actors[*out];
	for (int l = 0; l < RG_NLANG; l++)
		if (!a->names[l] && info->names[l] && !(a->names[l] = rg_strdup(info->names[l])))
			return RG_ENOMEM;
	s->lex_actor[la] = *out + 1;
	return RG_OK;
}

/* The slice date of an analysis date at the set's precision. */
static void slice_date(rg_slicing sl, const char *date, char out[11])
{
	size_t n = date[0] ? strnlen(date, rg_es_precision(sl)) : 0;
	memcpy(out, date, n);
	out[n] = '\0';
}

/* The formats of one document into its slice. */
static rg_err add_formats(rg_edgeset *s, uint32_t slice, const rg_doc *doc,
			  const rg_analysis *an)
{
	rg_formatstats *fs = NULL;
	rg_err rc = rg_formatstats_new(&fs, s->lex, RG_PERIOD_YEAR);
	if (rc || (rc = rg_formatstats_add(fs, doc, an)))
		goto out;
	for (size_t i = 0; i < rg_formatstats_count(fs); i++) {
		const rg_format_stat *f = rg_formatstats_get(fs, i);
		uint32_t fmt;
		if ((rc = rg_es_format_intern(s, f->key, f->name, &fmt)) ||
		    (rc = rg_es_format_add(s, slice, fmt, f->mentions, f->docs, f->by_rule)))
			goto out;
	}
out:
	rg_formatstats_free(fs);
	return rc;
}

rg_err rg_edgeset_add(rg_edgeset *s, const rg_lexicon *lex, const rg_doc *doc,
		      const rg_analysis *an, size_t max_window_actors, const rg_diag *diag)
{
	char date[11];
	uint32_t slice;
	long windows;
	rg_err rc;

	if (!s->scratch) {
		size_t n = rg_lexicon_actor_count(lex);
		if ((rc = rg_cooc_new(&s->scratch, lex, s->window, 0)))
			return rc;
		rg_cooc_set_types(s->scratch, s->types);
		if (!(s->lex_actor = calloc(n + 1, sizeof *s->lex_actor)) ||
		    !(s->lex_mentions = calloc(n + 1, sizeof *s->lex_mentions)) ||
		    !(s->touched = calloc(n + 1, sizeof *s->touched)))
			return RG_ENOMEM;
		s->lex = lex;
		s->n_lex = n;
	}
	rg_cooc_set_window_cap(s->scratch, max_window_actors, diag);
	slice_date(s->slicing, an->date, date);
	if ((rc = rg_es_slice_intern(s, date, an->lang, &slice)))
		return rc;
	if ((rc = rg_cooc_add(s->scratch, doc, an)))
		goto out;
	const long *by = rg_cooc_window_types(s->scratch, &windows);
	rg_es_slice *sl = &s->slices[slice];
	sl->docs++;
	sl->windows += windows;
	for (int t = 0; t < RG_ES_TYPESETS; t++)
		sl->by_types[t] += by[t];
	/* mentions per counted actor: lex_mentions[la] counts, touched lists them */
	s->n_touched = 0;
	for (size_t i = 0; i < an->n_mentions; i++) {
		size_t la = an->mentions[i].actor;
		if (!(s->types >> rg_lexicon_actor(lex, la)->type & 1u))
			continue;
		if (!s->lex_mentions[la]++)
			s->touched[s->n_touched++] = la;
	}
	for (size_t i = 0; i < s->n_touched && !rc; i++) {
		size_t la = s->touched[i];
		uint32_t a;
		if (!(rc = lex_actor(s, la, &a)))
			rc = rg_es_node_add(s, slice, a, s->lex_mentions[la], 1,
					    rg_cooc_actor_windows(s->scratch, la));
	}
	for (size_t i = 0; i < s->n_touched; i++)
		s->lex_mentions[s->touched[i]] = 0;
	if (rc)
		goto out;
	for (size_t i = 0; i < rg_cooc_pair_count(s->scratch); i++) {
		size_t la, lb;
		uint32_t a, b;
		rg_cooc_pair_at(s->scratch, i, &la, &lb, &windows);
		if (!windows)
			continue;
		if ((rc = lex_actor(s, la, &a)) || (rc = lex_actor(s, lb, &b)) ||
		    (rc = rg_es_edge_add(s, slice, a, b, windows, 1)))
			goto out;
	}
	if (an->n_formats)
		rc = add_formats(s, slice, doc, an);
out:
	rg_cooc_clear(s->scratch, an);
	return rc;
}

/* ---- summing sets ----------------------------------------------------------- */

rg_err rg_edgeset_merge(rg_edgeset *dst, const rg_edgeset *src)
{
	uint32_t *slice = malloc((src->n_slices + 1) * sizeof *slice);
	uint32_t *actor = malloc((src->n_actors + 1) * sizeof *actor);
	uint32_t *fmt = malloc((src->n_fmts + 1) * sizeof *fmt);
	rg_err rc = RG_ENOMEM;

	if (!slice || !actor || !fmt)
		goto out;
	rc = RG_EINPUT;
	if (dst->window.kind != src->window.kind || dst->window.tokens != src->window.tokens ||
	    dst->types != src->types || dst->slicing != src->slicing)
		goto out;
	for (size_t i = 0; i < src->n_actors; i++) {
		const rg_es_actor *a = &src->actors[i];
		if ((rc = rg_es_actor_intern(dst, a->id, a->type, &actor[i])))
			goto out;
		rg_es_actor *d = &dst->actors[actor[i]];
		for (int l = 0; l < RG_NLANG; l++)
			if (!d->names[l] && a->names[l] && !(d->names[l] = rg_strdup(a->names[l]))) {
				rc = RG_ENOMEM;
				goto out;
			}
	}
	for (size_t i = 0; i < src->n_slices; i++) {
		const rg_es_slice *sl = &src->slices[i];
		if ((rc = rg_es_slice_intern(dst, sl->date, sl->lang, &slice[i])))
			goto out;
		rg_es_slice *d = &dst->slices[slice[i]];
		d->docs += sl->docs;
		d->windows += sl->windows;
		for (int t = 0; t < RG_ES_TYPESETS; t++)
			d->by_types[t] += sl->by_types[t];
	}
	for (size_t i = 0; i < src->n_fmts; i++)
		if ((rc = rg_es_format_intern(dst, src->fmt_keys[i], src->fmt_names[i], &fmt[i])))
			goto out;
	/* the rows appended as they are (renumbered), compacted by later adds
	   or summed by the writer; no compaction on the way */
	rc = RG_ENOMEM;
	if (rg_grow(&dst->nodes, &dst->cap_nodes, dst->n_nodes + src->n_nodes + 1,
		    sizeof *dst->nodes) ||
	    rg_grow(&dst->edges, &dst->cap_edges, dst->n_edges + src->n_edges + 1,
		    sizeof *dst->edges))
		goto out;
	for (size_t i = 0; i < src->n_nodes; i++) {
		rg_es_node n = src->nodes[i];
		n.slice = slice[n.slice];
		n.actor = actor[n.actor];
		dst->nodes[dst->n_nodes++] = n;
	}
	for (size_t i = 0; i < src->n_edges; i++) {
		rg_es_edge e = src->edges[i];
		uint32_t a = actor[e.a], b = actor[e.b];
		e.slice = slice[e.slice];
		e.a = a < b ? a : b;
		e.b = a < b ? b : a;
		dst->edges[dst->n_edges++] = e;
	}
	for (size_t i = 0; i < src->n_formats; i++) {
		const rg_es_format *f = &src->formats[i];
		if ((rc = rg_es_format_add(dst, slice[f->slice], fmt[f->fmt], f->mentions, f->docs,
					   f->by_rule)))
			goto out;
	}
	rc = RG_OK;
out:
	free(slice);
	free(actor);
	free(fmt);
	return rc;
}
