/*
 * edgequery.c - the questions an edge set answers: which slices a filter
 * (--since/--until/--lang/--types, one period) takes and whether the
 * slices are fine enough to answer it exactly, the network of those
 * slices (what rg_cooc_network gives for the same documents), their
 * periods, and their formats.
 */
#include <stdlib.h>
#include <string.h>

#include "edgeset.h"

void rg_slice_filter_init(rg_slice_filter *f)
{
	memset(f, 0, sizeof *f);
	f->lang = RG_LANG_NONE;
	f->period = -1;
}

int rg_date_in_span(const char *date, const char *since, const char *until)
{
	if (since && (!date[0] || strcmp(date, since) < 0))
		return 0;
	if (until && (!date[0] || strncmp(date, until, strlen(until)) > 0))
		return 0;
	return 1;
}

const char *rg_edgeset_check(const rg_edgeset *s, const rg_slice_filter *f)
{
	static _Thread_local char why[160];
	size_t p = rg_es_precision(s->slicing);
	if (!f)
		return NULL;
	if ((f->since && strlen(f->since) > p) || (f->until && strlen(f->until) > p)) {
		snprintf(why, sizeof why, "the table's slices are %ss: a --since/--until "
			 "date finer than that cannot be answered", rg_slicing_name(s->slicing));
		return why;
	}
	if (f->period >= 0 && f->period != RG_PERIOD_YEAR && p < 7) {
		snprintf(why, sizeof why, "the table's slices are years: periods of months "
			 "or quarters cannot be answered");
		return why;
	}
	if (f->types & ~s->types) {
		char have[64];
		rg_es_typeset_name(s->types, have, sizeof have);
		for (char *c = have; *c; c++)
			if (*c == '+')
				*c = ',';
		snprintf(why, sizeof why, "the table counted only the types %s: rerun extract "
			 "--emit edges with the --types you want", have);
		return why;
	}
	return NULL;
}

/* Whether f takes slice sl. */
static int takes(const rg_slice_filter *f, const rg_es_slice *sl)
{
	if (!f)
		return 1;
	if (f->lang >= 0 && sl->lang != f->lang)
		return 0;
	if (!rg_date_in_span(sl->date, f->since, f->until))
		return 0;
	if (f->period >= 0 && f->period_key) {
		char key[9];
		rg_period_key(f->period, sl->date, key);
		if (strcmp(key, f->period_key))
			return 0;
	}
	return 1;
}

static void widen(char first[11], char last[11], const char *d)
{
	if (!d[0])
		return;
	if (!first[0] || strcmp(d, first) < 0)
		snprintf(first, 11, "%s", d);
	if (!last[0] || strcmp(d, last) > 0)
		snprintf(last, 11, "%s", d);
}


/* The actor indices sorted by id (malloc'd). */
static size_t *actors_by_id(const rg_edgeset *s)
{
	rg_id_ref *refs = malloc((s->n_actors + 1) * sizeof *refs);
	size_t *order = malloc((s->n_actors + 1) * sizeof *order);
	if (!refs || !order) {
		free(refs);
		free(order);
		return NULL;
	}
	for (size_t i = 0; i < s->n_actors; i++)
		refs[i] = (rg_id_ref){ s->actors[i].id, i };
	rg_id_refs_sort(refs, s->n_actors);
	for (size_t i = 0; i < s->n_actors; i++)
		order[i] = refs[i].index;
	free(refs);
	return order;
}

/* An actor's counts over the slices taken. */
typedef struct {
	long mentions, docs, windows;
} actor_sum;

/* Fills out's nodes from the per-actor sums; node_of[actor] = node + 1. */
static rg_err make_nodes(const rg_edgeset *s, const actor_sum *sum, unsigned mask,
			 size_t *node_of, rg_network *out)
{
	size_t *order = actors_by_id(s);
	if (!order || !(out->nodes = calloc(s->n_actors + 1, sizeof *out->nodes))) {
		free(order);
		return RG_ENOMEM;
	}
	for (size_t k = 0; k < s->n_actors; k++) {
		size_t i = order[k];
		const rg_es_actor *a = &s->actors[i];
		if (!sum[i].mentions || !(mask >> a->type & 1u))
			continue;
		rg_node *nd = &out->nodes[out->n_nodes++];
		nd->type = a->type;
		nd->actor = RG_NO_ACTOR;
		nd->mentions = sum[i].mentions;
		nd->docs = sum[i].docs;
		nd->windows = sum[i].windows;
		node_of[i] = out->n_nodes;
		if (!(nd->id = rg_strdup(a->id)))
			goto nomem;
		for (int l = 0; l < RG_NLANG; l++)
			if (a->names[l] && !(nd->names[l] = rg_strdup(a->names[l])))
				goto nomem;
	}
	free(order);
	return RG_OK;
nomem:
	free(order);
	return RG_ENOMEM;
}

/* Sums the edges of the slices taken (take[slice]) into out. */
static rg_err make_edges(const rg_edgeset *s, const unsigned char *take,
			 const size_t *node_of, rg_network *out)
{
	rg_u64map ix;
	size_t cap = 0;
	rg_err rc = RG_OK;
	rg_u64map_init(&ix);
	for (size_t i = 0; i < s->n_edges && !rc; i++) {
		const rg_es_edge *e = &s->edges[i];
		size_t x = node_of[e->a], y = node_of[e->b];
		if (!take[e->slice] || !x || !y)
			continue;
		if (x > y) {
			size_t t = x;
			x = y;
			y = t;
		}
		uint64_t key = (uint64_t)(x - 1) << 32 | (y - 1);
		uint32_t at = rg_u64map_get(&ix, key);
		if (at == UINT32_MAX) {
			if (rg_grow(&out->edges, &cap, out->n_edges + 1, sizeof *out->edges) ||
			    rg_u64map_put(&ix, key, (uint32_t)out->n_edges)) {
				rc = RG_ENOMEM;
				break;
			}
			at = (uint32_t)out->n_edges++;
			out->edges[at] = (rg_edge){ x - 1, y - 1, 0, 0, 0, "", "" };
		}
		rg_edge *d = &out->edges[at];
		d->windows += (long)e->windows;
		d->weight = (double)d->windows;
		d->docs += (long)e->docs;
		widen(d->first_date, d->last_date, s->slices[e->slice].date);
	}
	rg_u64map_release(&ix);
	if (!rc && out->n_edges)
		qsort(out->edges, out->n_edges, sizeof *out->edges, rg_edge_cmp);
	return rc;
}

rg_err rg_edgeset_network(const rg_edgeset *s, const rg_slice_filter *f, rg_network *out)
{
	unsigned mask = f && f->types ? f->types : s->types;
	unsigned char *take = malloc(s->n_slices + 1);
	actor_sum *sum = calloc(s->n_actors + 1, sizeof *sum);
	size_t *node_of = calloc(s->n_actors + 1, sizeof *node_of);
	rg_err rc = RG_ENOMEM;

	rg_network_release(out);
	if (rg_edgeset_check(s, f)) {
		rc = RG_EINPUT;
		goto out;
	}
	if (!take || !sum || !node_of)
		goto out;
	for (size_t i = 0; i < s->n_slices; i++) {
		const rg_es_slice *sl = &s->slices[i];
		if (!(take[i] = (unsigned char)takes(f, sl)))
			continue;
		out->n_docs += sl->docs;
		for (unsigned t = 1; t < RG_ES_TYPESETS; t++)
			if (t & mask)
				out->n_windows += sl->by_types[t];
		if (sl->docs)
			widen(out->first_date, out->last_date, sl->date);
	}
	for (size_t i = 0; i < s->n_nodes; i++) {
		const rg_es_node *n = &s->nodes[i];
		if (!take[n->slice])
			continue;
		sum[n->actor].mentions += n->mentions;
		sum[n->actor].docs += n->docs;
		sum[n->actor].windows += n->windows;
	}
	if ((rc = make_nodes(s, sum, mask, node_of, out)) ||
	    (rc = make_edges(s, take, node_of, out)))
		goto out;
	if (!out->edges && !(out->edges = calloc(1, sizeof *out->edges)))
		rc = RG_ENOMEM;
out:
	free(take);
	free(sum);
	free(node_of);
	if (rc)
		rg_network_release(out);
	return rc;
}

rg_err rg_edgeset_periods(const rg_edgeset *s, const rg_slice_filter *f, int period,
			  char (**keys)[9], size_t *n, long *undated)
{
	rg_slice_filter any;
	char key[9];
	size_t cap = 0;

	*keys = NULL;
	*n = 0;
	*undated = 0;
	if (f)
		any = *f;
	else
		rg_slice_filter_init(&any);
	any.period = period;
	any.period_key = NULL;
	if (rg_edgeset_check(s, &any))
		return RG_EINPUT;
	for (size_t i = 0; i < s->n_slices; i++) {
		const rg_es_slice *sl = &s->slices[i];
		if (!sl->docs || !takes(&any, sl))
			continue;
		if (!sl->date[0]) {
			*undated += sl->docs;
			continue;
		}
		rg_period_key(period, sl->date, key);
		size_t at = 0;
		while (at < *n && strcmp((*keys)[at], key) < 0)
			at++;
		if (at < *n && strcmp((*keys)[at], key) == 0)
			continue;
		if (rg_grow(keys, &cap, *n + 1, sizeof **keys)) {
			free(*keys);
			*keys = NULL;
			*n = 0;
			return RG_ENOMEM;
		}
		memmove(*keys + at + 1, *keys + at, (*n - at) * sizeof **keys);
		memcpy((*keys)[at], key, 9);
		(*n)++;
	}
	return RG_OK;
}

/* Looks up the lexicon indices of the '-'-joined ids of key; 0 if all known. */
static int key_members(const rg_lexicon *lex, const char *key, size_t *m, size_t *n)
{
	char id[128];
	*n = 0;
	while (*key && *n < 64) {
		size_t len = strcspn(key, "-");
		if (len == 0 || len >= sizeof id)
			return -1;
		memcpy(id, key, len);
		id[len] = '\0';
		long a = rg_lexicon_find(lex, id);
		if (a < 0)
			return -1;
		m[(*n)++] = (size_t)a;
		key += len;
		if (*key == '-')
			key++;
	}
	return *key ? -1 : 0;
}

rg_err rg_edgeset_formats(const rg_edgeset *s, const rg_slice_filter *f,
			  const rg_lexicon *lex, rg_formatstats *fs, long *unknown)
{
	size_t m[64], n;
	*unknown = 0;
	for (size_t i = 0; i < s->n_formats; i++) {
		const rg_es_format *r = &s->formats[i];
		const rg_es_slice *sl = &s->slices[r->slice];
		if (!takes(f, sl))
			continue;
		if (key_members(lex, s->fmt_keys[r->fmt], m, &n)) {
			(*unknown)++;
			continue;
		}
		rg_err rc = rg_formatstats_add_counts(fs, m, n, r->by_rule[2] ? s->fmt_names[r->fmt]
									      : NULL,
						      r->mentions, r->docs, r->by_rule, sl->date);
		if (rc == RG_EINPUT) {
			(*unknown)++;
			continue;
		}
		if (rc)
			return rc;
	}
	return RG_OK;
}
