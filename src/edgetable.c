/*
 * edgetable.c - edge sets as text (the format is documented in
 * relgraph.h): writing one sorted, so that the tables of any split of a
 * corpus merge to the bytes of the whole corpus's table, and reading any
 * number of tables, checked row by row, into one set (the reduce step and
 * the input of rank, render, graph, trend and formats).
 */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "edgeset.h"
#include "radix.h"

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

/* s with tabs, newlines and backslashes escaped (as put_escaped), malloc'd;
 * NULL if out of memory. */
static char *escaped(const char *s)
{
	size_t n = 0;
	for (const char *p = s; p && *p; p++)
		n += 1 + (*p == '\t' || *p == '\n' || *p == '\r' || *p == '\\');
	char *buf = malloc(n + 1), *q = buf;
	if (!buf)
		return NULL;
	for (; s && *s; s++) {
		char c = *s == '\t' ? 't' : *s == '\n' ? 'n' : *s == '\r' ? 'r' : *s;
		if (c != *s || c == '\\')
			*q++ = '\\';
		*q++ = c;
	}
	*q = '\0';
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
typedef rg_radix_item sort_ref;

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
	char **fmt_out;      /* each format's key and name ("-": none) as
				written, 2 per format, malloc'd */
	size_t n_fmt_out;
} write_order;

/* Frees the n strings of v (NULL: none) and v. */
static void free_strs(char **v, size_t n)
{
	for (size_t i = 0; v && i < n; i++)
		free(v[i]);
	free(v);
}

static void order_release(write_order *o)
{
	free_strs(o->id_out, o->n_ids);
	free_strs(o->fmt_out, o->n_fmt_out);
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

/* One radix sort, to run on a thread of its own. */
typedef struct {
	sort_ref *a, *tmp;
	size_t n;
	unsigned bits;
} sort_job;

static void *sort_run(void *arg)
{
	sort_job *j = arg;
	rg_radix_sort(j->a, j->tmp, j->n, j->bits);
	return NULL;
}

/* The orders of s's actors, slices, formats and rows into o; with jobs > 1
 * the edge rows are sorted on a second thread.  RG_ENOMEM. */
static rg_err order_build(const rg_edgeset *s, write_order *o, int jobs)
{
	size_t most = s->n_actors > s->n_slices ? s->n_actors : s->n_slices;
	str_ref *refs = malloc(((most > s->n_fmts ? most : s->n_fmts) + 1) * sizeof *refs);
	sort_ref *tmp = NULL, *etmp = NULL;
	pthread_t th;
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
	if (!(o->fmt_out = calloc(2 * s->n_fmts + 1, sizeof *o->fmt_out)))
		goto out;
	o->n_fmt_out = 2 * s->n_fmts;
	for (size_t i = 0; i < s->n_fmts; i++)
		if (!(o->fmt_out[2 * i] = escaped(s->fmt_keys[i])) ||
		    !(o->fmt_out[2 * i + 1] = escaped(s->fmt_names[i] ? s->fmt_names[i] : "-")))
			goto out;
	o->nodes = rg_malloc_big((s->n_nodes + 1) * sizeof *o->nodes);
	o->edges = rg_malloc_big((s->n_edges + 1) * sizeof *o->edges);
	o->formats = rg_malloc_big((s->n_formats + 1) * sizeof *o->formats);
	if (!o->nodes || !o->edges || !o->formats)
		goto out;
	/* row keys in rank order, packed into the bits the ranks need */
	unsigned ab = rg_radix_bits(s->n_actors), fb = rg_radix_bits(s->n_fmts);
	unsigned sb = rg_radix_bits(s->n_slices);
	for (size_t i = 0; i < s->n_nodes; i++)
		o->nodes[i] = (sort_ref){ (uint64_t)o->slice_rank[s->nodes[i].slice] << ab |
					  o->actor_rank[s->nodes[i].actor], (uint32_t)i };
	for (size_t i = 0; i < s->n_edges; i++) {
		uint64_t ra = o->actor_rank[s->edges[i].a], rb = o->actor_rank[s->edges[i].b];
		o->edges[i] = (sort_ref){ ((uint64_t)o->slice_rank[s->edges[i].slice] << ab |
					   (ra < rb ? ra : rb)) << ab | (ra < rb ? rb : ra),
					  (uint32_t)i };
	}
	for (size_t i = 0; i < s->n_formats; i++)
		o->formats[i] = (sort_ref){ (uint64_t)o->slice_rank[s->formats[i].slice] << fb |
					    o->fmt_rank[s->formats[i].fmt], (uint32_t)i };
	/* one scratch array for the node and format rows, one for the edges */
	size_t most_rows = s->n_nodes > s->n_formats ? s->n_nodes : s->n_formats;
	if (!(tmp = rg_malloc_big((most_rows + 1) * sizeof *tmp)) ||
	    !(etmp = rg_malloc_big((s->n_edges + 1) * sizeof *etmp)))
		goto out;
	sort_job ej = { o->edges, etmp, s->n_edges, sb + 2 * ab };
	int threaded = jobs > 1 && !pthread_create(&th, NULL, sort_run, &ej);
	if (!threaded)
		sort_run(&ej);
	rg_radix_sort(o->nodes, tmp, s->n_nodes, sb + ab);
	rg_radix_sort(o->formats, tmp, s->n_formats, sb + fb);
	if (threaded)
		pthread_join(th, NULL);
	rc = RG_OK;
out:
	free(tmp);
	free(etmp);
	free(refs);
	return rc;
}

/*
 * The rows go through a buffer written out when it reaches OUT_CHUNK
 * bytes: one stdio call per chunk rather than several per row.  Each row
 * first makes room for its longest form (ob_room), then its pieces are
 * copied without further checks.
 */
#define OUT_CHUNK ((size_t)1 << 16)
#define NUM_MAX 22 /* a tab and the digits of an unsigned long */

typedef struct {
	char *buf;
	size_t len, cap;
	FILE *f;
	rg_err err;     /* the first: RG_ENOMEM, or RG_EIO for a failed write */
} out_buf;

static void ob_write(out_buf *o)
{
	if (o->len && fwrite(o->buf, 1, o->len, o->f) != o->len && !o->err)
		o->err = RG_EIO;
	o->len = 0;
}

/* Room for n more bytes; 0 (o->err set) when there is none.  A buffer
 * with a file is written out when full; one without (f NULL) grows. */
static int ob_room(out_buf *o, size_t n)
{
	if (o->err)
		return 0;
	if (o->len + n <= o->cap)
		return 1;
	if (o->f)
		ob_write(o);
	if (o->len + n > o->cap) {
		size_t cap = o->len + n > OUT_CHUNK ? o->len + n : OUT_CHUNK;
		if (cap < 2 * o->cap)
			cap = 2 * o->cap;
		char *b = realloc(o->buf, cap);
		if (!b) {
			o->err = RG_ENOMEM;
			return 0;
		}
		o->buf = b;
		o->cap = cap;
	}
	return !o->err;
}

static void ob_mem(out_buf *o, const char *s, size_t n)
{
	memcpy(o->buf + o->len, s, n);
	o->len += n;
}

static void ob_str(out_buf *o, const char *s)
{
	ob_mem(o, s, strlen(s));
}

/* A tab and the decimal digits of v. */
static void ob_num(out_buf *o, unsigned long v)
{
	o->len = (size_t)(put_num(o->buf + o->len, v) - o->buf);
}

static void put_slice(out_buf *o, const rg_es_slice *sl, char (*typesets)[64])
{
	int any = 0;
	const char *lang = rg_lang_code(sl->lang);
	if (!ob_room(o, 32 + 2 * NUM_MAX + RG_ES_TYPESETS * (64 + NUM_MAX)))
		return;
	ob_str(o, "slice\t");
	ob_str(o, sl->date[0] ? sl->date : "-");
	ob_str(o, "\t");
	ob_str(o, lang ? lang : "-");
	ob_num(o, (unsigned long)sl->docs);
	ob_num(o, (unsigned long)sl->windows);
	ob_str(o, "\t");
	for (unsigned t = 1; t < RG_ES_TYPESETS; t++) {
		if (!sl->by_types[t])
			continue;
		ob_str(o, any++ ? "," : "");
		ob_str(o, typesets[t]);
		size_t at = o->len;
		ob_num(o, (unsigned long)sl->by_types[t]);
		o->buf[at] = '='; /* "name=count", not a tab */
	}
	if (!any)
		ob_str(o, "-");
	ob_str(o, "\n");
}

/*
 * A run of slices to write: [k0, k1) in sorted order, whose rows start at
 * ni, ei and fi in o->nodes, o->edges and o->formats.
 */
typedef struct {
	size_t k0, k1, ni, ei, fi;
} slice_run;

/* The slices of run r, with their rows, into ob. */
static void put_rows(const rg_edgeset *s, const write_order *o, slice_run run, out_buf *ob)
{
	size_t ni = run.ni, ei = run.ei, fi = run.fi;
	char typesets[RG_ES_TYPESETS][64];
	for (unsigned t = 0; t < RG_ES_TYPESETS; t++)
		rg_es_typeset_name(t, typesets[t], sizeof typesets[t]);
	for (size_t k = run.k0; k < run.k1 && !ob->err; k++) {
		uint32_t si = o->slice_order[k];
		put_slice(ob, &s->slices[si], typesets);
		/* rows of one key are adjacent once sorted: sum them */
		while (ni < s->n_nodes && s->nodes[o->nodes[ni].i].slice == si) {
			const rg_es_node *n = &s->nodes[o->nodes[ni].i];
			unsigned long sum[3] = { 0, 0, 0 };
			uint64_t key = o->nodes[ni].key;
			for (; ni < s->n_nodes && o->nodes[ni].key == key; ni++) {
				const rg_es_node *d = &s->nodes[o->nodes[ni].i];
				sum[0] += d->mentions;
				sum[1] += d->docs;
				sum[2] += d->windows;
			}
			const char *id = o->id_out[n->actor];
			size_t idn = strlen(id);
			if (!ob_room(ob, 8 + idn + 3 * NUM_MAX))
				return;
			ob_mem(ob, "node\t", 5);
			ob_mem(ob, id, idn);
			for (int c = 0; c < 3; c++)
				ob_num(ob, sum[c]);
			ob_mem(ob, "\n", 1);
		}
		while (ei < s->n_edges && s->edges[o->edges[ei].i].slice == si) {
			const rg_es_edge *e = &s->edges[o->edges[ei].i];
			int swap = o->actor_rank[e->a] > o->actor_rank[e->b];
			unsigned long sum[2] = { 0, 0 };
			uint64_t key = o->edges[ei].key;
			for (; ei < s->n_edges && o->edges[ei].key == key; ei++) {
				sum[0] += s->edges[o->edges[ei].i].windows;
				sum[1] += s->edges[o->edges[ei].i].docs;
			}
			const char *ia = o->id_out[swap ? e->b : e->a];
			const char *ib = o->id_out[swap ? e->a : e->b];
			size_t na = strlen(ia), nb = strlen(ib);
			if (!ob_room(ob, 8 + na + nb + 2 * NUM_MAX))
				return;
			ob_mem(ob, "edge\t", 5);
			ob_mem(ob, ia, na);
			ob_mem(ob, "\t", 1);
			ob_mem(ob, ib, nb);
			ob_num(ob, sum[0]);
			ob_num(ob, sum[1]);
			ob_mem(ob, "\n", 1);
		}
		for (; fi < s->n_formats && s->formats[o->formats[fi].i].slice == si; fi++) {
			const rg_es_format *r = &s->formats[o->formats[fi].i];
			const char *key = o->fmt_out[2 * r->fmt], *name = o->fmt_out[2 * r->fmt + 1];
			if (!ob_room(ob, 16 + strlen(key) + strlen(name) + 6 * NUM_MAX))
				return;
			ob_str(ob, "format\t");
			ob_str(ob, key);
			ob_num(ob, (unsigned long)r->mentions);
			ob_num(ob, (unsigned long)r->docs);
			for (int c = 0; c < 4; c++)
				ob_num(ob, (unsigned long)r->by_rule[c]);
			ob_str(ob, "\t");
			ob_str(ob, name);
			ob_str(ob, "\n");
		}
	}
}

/*
 * Writing on several threads: the slices are cut into runs of about
 * RUN_ROWS rows; each round, one thread per job formats one run into its
 * own buffer, and the calling thread writes the buffers out in order, so
 * the text is that of one thread and memory is a few runs' text.
 */
#define RUN_ROWS ((size_t)1 << 15)

typedef struct {
	const rg_edgeset *s;
	const write_order *o;
	slice_run r;
	out_buf ob;          /* memory only */
} run_job;

static void *run_format(void *arg)
{
	run_job *j = arg;
	put_rows(j->s, j->o, j->r, &j->ob);
	return NULL;
}

/*
 * The runs of RUN_ROWS rows or so (a slice is never cut), malloc'd into
 * *out (*n of them); RG_ENOMEM.
 */
static rg_err slice_runs(const rg_edgeset *s, const write_order *o, slice_run **out, size_t *n)
{
	size_t *cnt = calloc(3 * s->n_slices + 1, sizeof *cnt), cap = 0, here = 0;
	slice_run *runs = NULL, cur = { 0, 0, 0, 0, 0 };
	rg_err rc = RG_ENOMEM;

	*out = NULL;
	*n = 0;
	if (!cnt)
		return RG_ENOMEM;
	/* each slice's node, edge and format rows: the sorted keys carry the
	   slice's rank in their top bits */
	unsigned ab = rg_radix_bits(s->n_actors), fb = rg_radix_bits(s->n_fmts);
	for (size_t i = 0; i < s->n_nodes; i++)
		cnt[3 * (o->nodes[i].key >> ab)]++;
	for (size_t i = 0; i < s->n_edges; i++)
		cnt[3 * (o->edges[i].key >> (2 * ab)) + 1]++;
	for (size_t i = 0; i < s->n_formats; i++)
		cnt[3 * (o->formats[i].key >> fb) + 2]++;
	size_t ni = 0, ei = 0, fi = 0; /* the rows of the slices before k + 1 */
	for (size_t k = 0; k < s->n_slices; k++) {
		const size_t *c = &cnt[3 * k];
		here += 1 + c[0] + c[1] + c[2];
		ni += c[0];
		ei += c[1];
		fi += c[2];
		cur.k1 = k + 1;
		if (here >= RUN_ROWS || k + 1 == s->n_slices) {
			if (rg_grow(&runs, &cap, *n + 1, sizeof *runs))
				goto out;
			runs[(*n)++] = cur;
			cur = (slice_run){ k + 1, k + 1, ni, ei, fi };
			here = 0;
		}
	}
	rc = RG_OK;
out:
	free(cnt);
	if (rc)
		free(runs);
	else
		*out = runs;
	return rc;
}
/*
 * The runs formatted jobs at a time (run_format) and written out in
 * order; with one job, or one run, straight into f.
 */
static rg_err put_runs(const rg_edgeset *s, const write_order *o, FILE *f, int jobs)
{
	slice_run *runs = NULL;
	run_job *jb = NULL;
	pthread_t *th = NULL;
	int started[64];          /* jobs <= 64 */
	size_t n = 0;
	rg_err rc = slice_runs(s, o, &runs, &n);

	if (rc)
		return rc;
	if (jobs < 2 || n < 2) {
		out_buf ob = { .f = f };
		for (size_t i = 0; i < n && !ob.err; i++)
			put_rows(s, o, runs[i], &ob);
		ob_write(&ob);
		free(ob.buf);
		free(runs);
		return ob.err;
	}
	rc = RG_ENOMEM;
	if (!(jb = calloc((size_t)jobs, sizeof *jb)) || !(th = calloc((size_t)jobs, sizeof *th)))
		goto out;
	rc = RG_OK;
	for (size_t i = 0; i < n && !rc; i += (size_t)jobs) {
		size_t m = n - i < (size_t)jobs ? n - i : (size_t)jobs;
		for (size_t t = 0; t < m; t++) {
			jb[t].s = s;
			jb[t].o = o;
			jb[t].r = runs[i + t];
			jb[t].ob.len = 0;
			/* the first run on this thread; the others on their own, or
			   here too when a thread cannot be had */
			started[t] = t > 0 && !pthread_create(&th[t], NULL, run_format, &jb[t]);
		}
		for (size_t t = 0; t < m; t++) {
			if (t == 0 || !started[t])
				run_format(&jb[t]);
		}
		for (size_t t = 0; t < m; t++) {
			if (started[t])
				pthread_join(th[t], NULL);
			jb[t].ob.f = f;
			if (!rc && !(rc = jb[t].ob.err)) {
				ob_write(&jb[t].ob);
				rc = jb[t].ob.err;
			}
			jb[t].ob.f = NULL;
		}
	}
out:
	for (int t = 0; jb && t < jobs; t++)
		free(jb[t].ob.buf);
	free(jb);
	free(th);
	free(runs);
	return rc;
}

rg_err rg_edgeset_write(const rg_edgeset *s, FILE *f)
{
	return rg_edgeset_write_jobs(s, f, 1);
}

rg_err rg_edgeset_write_jobs(const rg_edgeset *s, FILE *f, int jobs)
{
	write_order o;
	char wd[32], types[64];
	rg_err rc;

	if (!s || !f)
		return RG_EINPUT;
	if (jobs > 64)
		jobs = 64;
	if ((rc = order_build(s, &o, jobs)))
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
	if (!(rc = put_runs(s, &o, f, jobs)))
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
