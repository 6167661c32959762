/*
 * edgetable.c - edge sets as text (the format is documented in
 * relgraph.h): writing one sorted, so that the tables of any split of a
 * corpus merge to the bytes of the whole corpus's table, and reading any
 * number of tables, checked row by row, into one set (the reduce step and
 * the input of rank, render, graph, trend and formats).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "edgeset.h"

/* ---- writing ------------------------------------------------------------- */

/* Writes s with tabs, newlines and backslashes escaped. */
static void put_escaped(FILE *f, const char *s)
{
	for (; s && *s; s++) {
		if (*s == '\t')
			fputs("\\t", f);
		else if (*s == '\n')
			fputs("\\n", f);
		else if (*s == '\r')
			fputs("\\r", f);
		else if (*s == '\\')
			fputs("\\\\", f);
		else
			putc(*s, f);
	}
}

/* s with tabs, newlines and backslashes escaped, malloc'd; NULL if out of memory. */
static char *escaped(const char *s)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	if (!f)
		return NULL;
	put_escaped(f, s);
	if (fclose(f)) {
		free(buf);
		return NULL;
	}
	return buf;
}

/* Appends "\t" and the decimal digits of v at p; returns the new end. */
static char *put_num(char *p, unsigned long v)
{
	char digits[24];
	int n = 0;
	do
		digits[n++] = (char)('0' + v % 10);
	while ((v /= 10));
	*p++ = '\t';
	while (n)
		*p++ = digits[--n];
	return p;
}

/* A row to sort: its sort key and its index. */
typedef struct {
	uint64_t key;
	uint32_t i;
} sort_ref;

static int cmp_ref(const void *x, const void *y)
{
	const sort_ref *a = x, *b = y;
	return a->key < b->key ? -1 : a->key > b->key;
}

typedef struct {
	const char *s;
	int lang;
	uint32_t i;
} str_ref;

static int cmp_str_ref(const void *x, const void *y)
{
	const str_ref *a = x, *b = y;
	int c = strcmp(a->s, b->s);
	return c ? c : (a->lang > b->lang) - (a->lang < b->lang);
}

/* rank[i] = position of string i in sorted order (by s, then lang). */
static uint32_t *ranks(str_ref *refs, size_t n, uint32_t **order)
{
	uint32_t *rank = malloc((n + 1) * sizeof *rank);
	*order = malloc((n + 1) * sizeof **order);
	if (!rank || !*order) {
		free(rank);
		free(*order);
		*order = NULL;
		return NULL;
	}
	qsort(refs, n, sizeof *refs, cmp_str_ref);
	for (size_t k = 0; k < n; k++) {
		rank[refs[k].i] = (uint32_t)k;
		(*order)[k] = refs[k].i;
	}
	return rank;
}

/* The sorted orders of actors, slices and formats, and of the rows. */
typedef struct {
	uint32_t *actor_rank, *actor_order, *slice_rank, *slice_order, *fmt_rank, *fmt_order;
	sort_ref *nodes, *edges, *formats;
	char **id_out;       /* each actor's id as written (escaped), malloc'd */
	size_t n_ids;
} write_order;

static void order_release(write_order *o)
{
	for (size_t i = 0; o->id_out && i < o->n_ids; i++)
		free(o->id_out[i]);
	free(o->id_out);
	free(o->actor_rank);
	free(o->actor_order);
	free(o->slice_rank);
	free(o->slice_order);
	free(o->fmt_rank);
	free(o->fmt_order);
	free(o->nodes);
	free(o->edges);
	free(o->formats);
}

static rg_err order_build(const rg_edgeset *s, write_order *o)
{
	size_t most = s->n_actors > s->n_slices ? s->n_actors : s->n_slices;
	str_ref *refs = malloc(((most > s->n_fmts ? most : s->n_fmts) + 1) * sizeof *refs);
	rg_err rc = RG_ENOMEM;

	memset(o, 0, sizeof *o);
	if (!refs)
		return RG_ENOMEM;
	for (size_t i = 0; i < s->n_actors; i++)
		refs[i] = (str_ref){ s->actors[i].id, 0, (uint32_t)i };
	if (!(o->actor_rank = ranks(refs, s->n_actors, &o->actor_order)))
		goto out;
	for (size_t i = 0; i < s->n_slices; i++)
		refs[i] = (str_ref){ s->slices[i].date, s->slices[i].lang, (uint32_t)i };
	if (!(o->slice_rank = ranks(refs, s->n_slices, &o->slice_order)))
		goto out;
	for (size_t i = 0; i < s->n_fmts; i++)
		refs[i] = (str_ref){ s->fmt_keys[i], 0, (uint32_t)i };
	if (!(o->fmt_rank = ranks(refs, s->n_fmts, &o->fmt_order)))
		goto out;
	if (!(o->id_out = calloc(s->n_actors + 1, sizeof *o->id_out)))
		goto out;
	o->n_ids = s->n_actors;
	for (size_t i = 0; i < s->n_actors; i++)
		if (!(o->id_out[i] = escaped(s->actors[i].id)))
			goto out;
	o->nodes = malloc((s->n_nodes + 1) * sizeof *o->nodes);
	o->edges = malloc((s->n_edges + 1) * sizeof *o->edges);
	o->formats = malloc((s->n_formats + 1) * sizeof *o->formats);
	if (!o->nodes || !o->edges || !o->formats)
		goto out;
	for (size_t i = 0; i < s->n_nodes; i++)
		o->nodes[i] = (sort_ref){ (uint64_t)o->slice_rank[s->nodes[i].slice] << 32 |
					  o->actor_rank[s->nodes[i].actor], (uint32_t)i };
	for (size_t i = 0; i < s->n_edges; i++) {
		uint64_t ra = o->actor_rank[s->edges[i].a], rb = o->actor_rank[s->edges[i].b];
		o->edges[i] = (sort_ref){ (uint64_t)o->slice_rank[s->edges[i].slice] << 40 |
					  (ra < rb ? ra << 20 | rb : rb << 20 | ra), (uint32_t)i };
	}
	for (size_t i = 0; i < s->n_formats; i++)
		o->formats[i] = (sort_ref){ (uint64_t)o->slice_rank[s->formats[i].slice] << 32 |
					    o->fmt_rank[s->formats[i].fmt], (uint32_t)i };
	qsort(o->nodes, s->n_nodes, sizeof *o->nodes, cmp_ref);
	qsort(o->edges, s->n_edges, sizeof *o->edges, cmp_ref);
	qsort(o->formats, s->n_formats, sizeof *o->formats, cmp_ref);
	rc = RG_OK;
out:
	free(refs);
	return rc;
}

static void put_slice(FILE *f, const rg_es_slice *sl)
{
	char name[64];
	int any = 0;
	const char *lang = rg_lang_code(sl->lang);
	fprintf(f, "slice\t%s\t%s\t%ld\t%ld\t", sl->date[0] ? sl->date : "-", lang ? lang : "-",
		sl->docs, sl->windows);
	for (unsigned t = 1; t < RG_ES_TYPESETS; t++) {
		if (!sl->by_types[t])
			continue;
		rg_es_typeset_name(t, name, sizeof name);
		fprintf(f, "%s%s=%ld", any++ ? "," : "", name, sl->by_types[t]);
	}
	fputs(any ? "\n" : "-\n", f);
}

static void put_rows(const rg_edgeset *s, const write_order *o, FILE *f)
{
	size_t ni = 0, ei = 0, fi = 0;
	for (size_t k = 0; k < s->n_slices; k++) {
		uint32_t si = o->slice_order[k];
		put_slice(f, &s->slices[si]);
		/* rows of one key are adjacent once sorted: sum them */
		while (ni < s->n_nodes && s->nodes[o->nodes[ni].i].slice == si) {
			const rg_es_node *n = &s->nodes[o->nodes[ni].i];
			unsigned long sum[3] = { 0, 0, 0 };
			uint64_t key = o->nodes[ni].key;
			char row[96], *p = row;
			for (; ni < s->n_nodes && o->nodes[ni].key == key; ni++) {
				const rg_es_node *d = &s->nodes[o->nodes[ni].i];
				sum[0] += d->mentions;
				sum[1] += d->docs;
				sum[2] += d->windows;
			}
			fputs("node\t", f);
			fputs(o->id_out[n->actor], f);
			for (int c = 0; c < 3; c++)
				p = put_num(p, sum[c]);
			*p++ = '\n';
			fwrite(row, 1, (size_t)(p - row), f);
		}
		while (ei < s->n_edges && s->edges[o->edges[ei].i].slice == si) {
			const rg_es_edge *e = &s->edges[o->edges[ei].i];
			int swap = o->actor_rank[e->a] > o->actor_rank[e->b];
			unsigned long sum[2] = { 0, 0 };
			uint64_t key = o->edges[ei].key;
			char row[64], *p = row;
			for (; ei < s->n_edges && o->edges[ei].key == key; ei++) {
				sum[0] += s->edges[o->edges[ei].i].windows;
				sum[1] += s->edges[o->edges[ei].i].docs;
			}
			fputs("edge\t", f);
			fputs(o->id_out[swap ? e->b : e->a], f);
			putc('\t', f);
			fputs(o->id_out[swap ? e->a : e->b], f);
			p = put_num(p, sum[0]);
			p = put_num(p, sum[1]);
			*p++ = '\n';
			fwrite(row, 1, (size_t)(p - row), f);
		}
		for (; fi < s->n_formats && s->formats[o->formats[fi].i].slice == si; fi++) {
			const rg_es_format *r = &s->formats[o->formats[fi].i];
			const char *name = s->fmt_names[r->fmt];
			fputs("format\t", f);
			put_escaped(f, s->fmt_keys[r->fmt]);
			fprintf(f, "\t%ld\t%ld\t%ld\t%ld\t%ld\t%ld\t", r->mentions, r->docs,
				r->by_rule[0], r->by_rule[1], r->by_rule[2], r->by_rule[3]);
			put_escaped(f, name ? name : "-");
			putc('\n', f);
		}
	}
}

rg_err rg_edgeset_write(const rg_edgeset *s, FILE *f)
{
	write_order o;
	char wd[32], types[64];
	rg_err rc;

	if (!s || !f)
		return RG_EINPUT;
	if ((rc = order_build(s, &o)))
		goto out;
	rg_window_name(s->window, wd, sizeof wd);
	rg_es_typeset_name(s->types, types, sizeof types);
	for (char *p = types; *p; p++)
		if (*p == '+')
			*p = ',';
	fprintf(f, "%s\twindow=%s\ttypes=%s\tslice=%s\n", RG_EDGETABLE_MAGIC, wd, types,
		rg_slicing_name(s->slicing));
	for (size_t k = 0; k < s->n_actors; k++) {
		const rg_es_actor *a = &s->actors[o.actor_order[k]];
		fputs("actor\t", f);
		fputs(o.id_out[o.actor_order[k]], f);
		fprintf(f, "\t%s", rg_type_name(a->type));
		for (int l = 0; l < RG_NLANG; l++) {
			putc('\t', f);
			put_escaped(f, a->names[l]);
		}
		putc('\n', f);
	}
	put_rows(s, &o, f);
	rc = fflush(f) == 0 && !ferror(f) ? RG_OK : RG_EIO;
out:
	order_release(&o);
	return rc;
}

int rg_edgetable_sniff(const char *path)
{
	static const char magic[] = "#relgraph-edges ";
	char buf[sizeof magic];
	FILE *f = path && strcmp(path, "-") ? fopen(path, "rb") : NULL;
	int yes;

	if (!f)
		return 0;
	yes = fread(buf, 1, sizeof magic - 1, f) == sizeof magic - 1 &&
	      memcmp(buf, magic, sizeof magic - 1) == 0;
	fclose(f);
	return yes;
}
