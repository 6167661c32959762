/*
 * cmd_formats_print.c - the output of `relgraph formats`.  The numbers are
 * laid out once as grids of strings (formats, members, overlap, activity)
 * and each grid is written as an aligned table, Markdown or TSV; --compare
 * turns the formats grid on its side so the chosen formats stand in
 * columns.  JSON is built separately with jansson.
 */
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cmd_formats.h"
#include "util.h"

/* ---- grids of cells -------------------------------------------------------- */

typedef struct {
	size_t rows, cols;    /* row 0 is the header */
	char **cell;          /* rows x cols, owned; NULL prints as "" */
	int oom;
} grid;

static int grid_init(grid *g, size_t rows, size_t cols)
{
	g->rows = rows;
	g->cols = cols;
	g->oom = 0;
	g->cell = calloc(rows * cols + 1, sizeof *g->cell);
	return g->cell ? 0 : -1;
}

static void grid_free(grid *g)
{
	for (size_t i = 0; g->cell && i < g->rows * g->cols; i++)
		free(g->cell[i]);
	free(g->cell);
	g->cell = NULL;
}

static void grid_set(grid *g, size_t r, size_t c, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void grid_set(grid *g, size_t r, size_t c, const char *fmt, ...)
{
	char buf[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	char **p = &g->cell[r * g->cols + c];
	rg_sb tb = RG_SB_INIT;
	free(*p);
	if (!(*p = strdup(rg_term_text(buf, &tb))))
		g->oom = 1;
	rg_sb_release(&tb);
}

static const char *grid_get(const grid *g, size_t r, size_t c)
{
	const char *s = g->cell[r * g->cols + c];
	return s ? s : "";
}

/* Columns a UTF-8 string takes (one per code point; ids and numbers). */
static size_t width(const char *s)
{
	size_t w = 0;
	for (; *s; s++)
		w += ((unsigned char)*s & 0xC0) != 0x80;
	return w;
}

/* Does the column hold numbers (right-aligned)? */
static int numeric(const grid *g, size_t c)
{
	for (size_t r = 1; r < g->rows; r++) {
		const char *s = grid_get(g, r, c);
		if (*s && strspn(s, "0123456789.-/ ") != strlen(s))
			return 0;
	}
	return 1;
}

static void grid_print(const grid *g, const char *format)
{
	int md = strcmp(format, "md") == 0, tsv = strcmp(format, "tsv") == 0;
	size_t *w = calloc(g->cols + 1, sizeof *w);
	if (!w)
		return;
	for (size_t c = 0; c < g->cols; c++)
		for (size_t r = 0; r < g->rows; r++)
			if (width(grid_get(g, r, c)) > w[c])
				w[c] = width(grid_get(g, r, c));
	for (size_t r = 0; r < g->rows; r++) {
		for (size_t c = 0; c < g->cols; c++) {
			const char *s = grid_get(g, r, c);
			size_t pad = w[c] - width(s);
			if (tsv) {
				printf("%s%s", c ? "\t" : "", s);
			} else if (md) {
				printf("| %s ", s);
			} else {
				int right = r > 0 && numeric(g, c) && c > 0;
				printf("%s%*s%s%*s", c ? "  " : "", right ? (int)pad : 0, "", s,
				       right || c + 1 == g->cols ? 0 : (int)pad, "");
			}
		}
		printf(md ? "|\n" : "\n");
		if (md && r == 0) {
			for (size_t c = 0; c < g->cols; c++)
				printf("| %s ", c > 0 && numeric(g, c) ? "---:" : "---");
			printf("|\n");
		}
	}
	free(w);
}

/* ---- the numbers ------------------------------------------------------------- */

static const char *kind_of(size_t n)
{
	return n == 3 ? "trilateral" : n == 4 ? "quadrilateral" : "multilateral";
}

static const rg_format_stat *sel_get(const fm_report *r, size_t i)
{
	return rg_formatstats_get(r->fs, r->sel[i]);
}

/* The countries of the selected formats, hub first (see members_grid). */
typedef struct {
	size_t actor;
	long formats, mentions;
	double strength, pagerank;
} member_row;

static int cmp_member(const void *pa, const void *pb)
{
	const member_row *a = pa, *b = pb;
	if (a->formats != b->formats)
		return a->formats > b->formats ? -1 : 1;
	if (a->mentions != b->mentions)
		return a->mentions > b->mentions ? -1 : 1;
	return a->actor < b->actor ? -1 : a->actor > b->actor;
}

static size_t collect_members(const fm_report *r, member_row **out)
{
	size_t n = 0, cap = 0;
	member_row *m = NULL;
	for (size_t i = 0; i < r->n_sel; i++) {
		const rg_format_stat *f = sel_get(r, i);
		rg_format_links l;
		rg_format_links_compute(f, r->net, r->m, &l);
		for (size_t j = 0; j < f->n_members; j++) {
			size_t k;
			for (k = 0; k < n && m[k].actor != f->members[j]; k++)
				;
			if (k == n) {
				if (n == cap) {
					member_row *nm = realloc(m, (cap = cap ? 2 * cap : 16) * sizeof *m);
					if (!nm) {
						free(m);
						*out = NULL;
						return 0;
					}
					m = nm;
				}
				m[n++] = (member_row){ f->members[j], 0, 0,
						       j < 16 ? l.strength[j] : 0,
						       j < 16 ? l.pagerank[j] : 0 };
			}
			m[k].formats += f->mentions > 0 || r->compare;
			m[k].mentions += f->mentions;
		}
	}
	/* ties between ids: by id, as the lexicon indices are not id-ordered */
	qsort(m, n, sizeof *m, cmp_member);
	for (size_t i = 1; i < n; i++)
		for (size_t j = i; j > 0 && m[j].formats == m[j - 1].formats &&
				   m[j].mentions == m[j - 1].mentions &&
				   strcmp(rg_lexicon_actor(r->lex, m[j].actor)->id,
					  rg_lexicon_actor(r->lex, m[j - 1].actor)->id) < 0; j--) {
			member_row t = m[j];
			m[j] = m[j - 1];
			m[j - 1] = t;
		}
	*out = m;
	return n;
}

/* v with `prec` decimals, or with %g when prec < 0; "-" for NAN. */
static void num_or_dash(char *buf, size_t n, double v, int prec)
{
	if (isnan(v))
		snprintf(buf, n, "-");
	else if (prec < 0)
		snprintf(buf, n, "%g", v);
	else
		snprintf(buf, n, "%.*f", prec, v);
}

/* One row per selected format; transposed later for --compare. */
static int formats_grid(const fm_report *r, grid *g)
{
	static const char *const head[] = {
		"#", "format", "kind", "name", "mentions", "docs", "first", "last",
		"chain/list/named/officials", "w_min", "w_mean", "intensity"
	};
	size_t nc = sizeof head / sizeof *head;
	if (grid_init(g, r->n_sel + 1, nc))
		return -1;
	for (size_t c = 0; c < nc; c++)
		grid_set(g, 0, c, "%s", head[c]);
	for (size_t i = 0; i < r->n_sel; i++) {
		const rg_format_stat *f = sel_get(r, i);
		rg_format_links l;
		char a[32], b[32], c[32];
		rg_format_links_compute(f, r->net, r->m, &l);
		num_or_dash(a, sizeof a, l.w_min, -1);
		num_or_dash(b, sizeof b, l.w_mean, 2);
		num_or_dash(c, sizeof c, l.intensity, 2);
		grid_set(g, i + 1, 0, "F%zu", i + 1);
		grid_set(g, i + 1, 1, "%s", f->key);
		grid_set(g, i + 1, 2, "%s", kind_of(f->n_members));
		grid_set(g, i + 1, 3, "%s", f->name ? f->name : "-");
		grid_set(g, i + 1, 4, "%ld", f->mentions);
		grid_set(g, i + 1, 5, "%ld", f->docs);
		grid_set(g, i + 1, 6, "%s", f->first_date[0] ? f->first_date : "-");
		grid_set(g, i + 1, 7, "%s", f->last_date[0] ? f->last_date : "-");
		grid_set(g, i + 1, 8, "%ld/%ld/%ld/%ld", f->by_rule[0], f->by_rule[1],
			 f->by_rule[2], f->by_rule[3]);
		grid_set(g, i + 1, 9, "%s", a);
		grid_set(g, i + 1, 10, "%s", b);
		grid_set(g, i + 1, 11, "%s", c);
	}
	return g->oom ? -1 : 0;
}

static int transpose(const grid *in, grid *out)
{
	if (grid_init(out, in->cols, in->rows))
		return -1;
	for (size_t r = 0; r < in->rows; r++)
		for (size_t c = 0; c < in->cols; c++)
			grid_set(out, c, r, "%s", grid_get(in, r, c));
	return out->oom ? -1 : 0;
}

/* Countries: centrality in the whole graph, and the formats they are in. */
static int members_grid(const fm_report *r, const member_row *m, size_t n, grid *g)
{
	size_t nc = 5 + (r->compare ? r->n_sel : 1);
	if (grid_init(g, n + 1, nc))
		return -1;
	const char *head[] = { "country", "name", "strength", "pagerank", "formats" };
	for (size_t c = 0; c < 5; c++)
		grid_set(g, 0, c, "%s", head[c]);
	if (r->compare)
		for (size_t i = 0; i < r->n_sel; i++)
			grid_set(g, 0, 5 + i, "F%zu", i + 1);
	else
		grid_set(g, 0, 5, "in");
	for (size_t k = 0; k < n; k++) {
		const rg_actor_info *a = rg_lexicon_actor(r->lex, m[k].actor);
		char in[512] = "";
		size_t used = 0;
		grid_set(g, k + 1, 0, "%s", a->id);
		grid_set(g, k + 1, 1, "%s", a->names[RG_LANG_EN] ? a->names[RG_LANG_EN] : a->id);
		grid_set(g, k + 1, 2, "%g", m[k].strength);
		grid_set(g, k + 1, 3, "%.4f", m[k].pagerank);
		grid_set(g, k + 1, 4, "%ld", m[k].formats);
		for (size_t i = 0; i < r->n_sel; i++) {
			const rg_format_stat *f = sel_get(r, i);
			int member = 0;
			for (size_t j = 0; j < f->n_members; j++)
				member |= f->members[j] == m[k].actor;
			if (r->compare)
				grid_set(g, k + 1, 5 + i, "%s", member ? "yes" : "-");
			else if (member && used + 16 < sizeof in)
				used += (size_t)snprintf(in + used, sizeof in - used, "%sF%zu",
							 used ? " " : "", i + 1);
		}
		if (!r->compare)
			grid_set(g, k + 1, 5, "%s", in);
	}
	return g->oom ? -1 : 0;
}

/* A Jaccard matrix (table, md) or a list of overlapping pairs (tsv). */
static int overlap_grid(const fm_report *r, int pairs, grid *g)
{
	if (pairs) {
		size_t n = 0;
		for (size_t i = 0; i < r->n_sel; i++)
			for (size_t j = i + 1; j < r->n_sel; j++)
				n += rg_format_jaccard(sel_get(r, i), sel_get(r, j)) > 0;
		if (grid_init(g, n + 1, 3))
			return -1;
		grid_set(g, 0, 0, "format_a");
		grid_set(g, 0, 1, "format_b");
		grid_set(g, 0, 2, "jaccard");
		n = 0;
		for (size_t i = 0; i < r->n_sel; i++)
			for (size_t j = i + 1; j < r->n_sel; j++) {
				double jc = rg_format_jaccard(sel_get(r, i), sel_get(r, j));
				if (jc <= 0)
					continue;
				n++;
				grid_set(g, n, 0, "%s", sel_get(r, i)->key);
				grid_set(g, n, 1, "%s", sel_get(r, j)->key);
				grid_set(g, n, 2, "%.3f", jc);
			}
		return g->oom ? -1 : 0;
	}
	if (grid_init(g, r->n_sel + 1, r->n_sel + 1))
		return -1;
	grid_set(g, 0, 0, "jaccard");
	for (size_t i = 0; i < r->n_sel; i++) {
		grid_set(g, 0, i + 1, "F%zu", i + 1);
		grid_set(g, i + 1, 0, "F%zu", i + 1);
		for (size_t j = 0; j < r->n_sel; j++)
			if (i == j)
				grid_set(g, i + 1, j + 1, "-");
			else
				grid_set(g, i + 1, j + 1, "%.2f",
					 rg_format_jaccard(sel_get(r, i), sel_get(r, j)));
	}
	return g->oom ? -1 : 0;
}

/* Mentions per period: periods down, formats across (tsv: one row per pair). */
static int activity_grid(const fm_report *r, int long_form, grid *g)
{
	char (*per)[9] = NULL;
	size_t np = 0, rows = 0;
	for (size_t i = 0; i < r->n_sel; i++)
		rows += sel_get(r, i)->n_periods;
	if (!(per = calloc(rows + 1, sizeof *per)))
		return -1;
	for (size_t i = 0; i < r->n_sel; i++)
		for (size_t k = 0; k < sel_get(r, i)->n_periods; k++) {
			const char *p = sel_get(r, i)->periods[k].period;
			size_t at = 0;
			while (at < np && strcmp(per[at], p) < 0)
				at++;
			if (at < np && strcmp(per[at], p) == 0)
				continue;
			memmove(per + at + 1, per + at, (np - at) * sizeof *per);
			memcpy(per[at], p, 9);
			np++;
		}
	int rc = long_form ? grid_init(g, rows + 1, 4) : grid_init(g, np + 1, r->n_sel + 1);
	if (rc) {
		free(per);
		return -1;
	}
	if (long_form) {
		static const char *const head[] = { "format", "period", "mentions", "docs" };
		for (size_t c = 0; c < 4; c++)
			grid_set(g, 0, c, "%s", head[c]);
		size_t row = 1;
		for (size_t i = 0; i < r->n_sel; i++)
			for (size_t k = 0; k < sel_get(r, i)->n_periods; k++, row++) {
				const rg_format_period *p = &sel_get(r, i)->periods[k];
				grid_set(g, row, 0, "%s", sel_get(r, i)->key);
				grid_set(g, row, 1, "%s", p->period);
				grid_set(g, row, 2, "%ld", p->mentions);
				grid_set(g, row, 3, "%ld", p->docs);
			}
	} else {
		grid_set(g, 0, 0, "period");
		for (size_t i = 0; i < r->n_sel; i++)
			grid_set(g, 0, i + 1, "F%zu", i + 1);
		for (size_t k = 0; k < np; k++) {
			grid_set(g, k + 1, 0, "%s", per[k]);
			for (size_t i = 0; i < r->n_sel; i++) {
				long v = 0;
				for (size_t x = 0; x < sel_get(r, i)->n_periods; x++)
					if (strcmp(sel_get(r, i)->periods[x].period, per[k]) == 0)
						v = sel_get(r, i)->periods[x].mentions;
				grid_set(g, k + 1, i + 1, "%ld", v);
			}
		}
	}
	free(per);
	return g->oom ? -1 : 0;
}

static const char *const period_names[] = { "month", "quarter", "year" };

/* ---- JSON ------------------------------------------------------------------- */

static json_t *jnum(double v)
{
	return isnan(v) ? json_null() : json_real(v);
}

static int print_json(const fm_report *r, const member_row *m, size_t nm)
{
	json_t *o = json_object(), *fa = json_array(), *ma = json_array(), *ov = json_array();
	for (size_t i = 0; i < r->n_sel; i++) {
		const rg_format_stat *f = sel_get(r, i);
		rg_format_links l;
		rg_format_links_compute(f, r->net, r->m, &l);
		json_t *mem = json_array(), *act = json_array();
		for (size_t j = 0; j < f->n_members; j++)
			json_array_append_new(mem, json_pack("{s:s, s:f, s:f}", "id",
				rg_lexicon_actor(r->lex, f->members[j])->id, "strength",
				j < 16 ? l.strength[j] : 0.0, "pagerank", j < 16 ? l.pagerank[j] : 0.0));
		for (size_t k = 0; k < f->n_periods; k++)
			json_array_append_new(act, json_pack("{s:s, s:I, s:I}", "period",
				f->periods[k].period, "mentions", (json_int_t)f->periods[k].mentions,
				"docs", (json_int_t)f->periods[k].docs));
		json_t *j = json_pack("{s:s, s:s, s:o, s:o, s:I, s:I, s:o, s:o, s:{s:I, s:I, s:I, s:I}, "
				      "s:{s:o, s:o, s:o, s:I}, s:o}",
			"format", f->key, "kind", kind_of(f->n_members), "name",
			f->name ? json_string(f->name) : json_null(), "members", mem,
			"mentions", (json_int_t)f->mentions, "docs", (json_int_t)f->docs,
			"first_date", f->first_date[0] ? json_string(f->first_date) : json_null(),
			"last_date", f->last_date[0] ? json_string(f->last_date) : json_null(),
			"rules", "chain", (json_int_t)f->by_rule[0], "list", (json_int_t)f->by_rule[1],
			"named", (json_int_t)f->by_rule[2], "officials", (json_int_t)f->by_rule[3],
			"weights", "min", jnum(l.w_min), "mean", jnum(l.w_mean),
			"intensity", jnum(l.intensity), "pairs_linked", (json_int_t)l.pairs_linked,
			"activity", act);
		json_array_append_new(fa, j);
		for (size_t k = i + 1; k < r->n_sel; k++) {
			double jc = rg_format_jaccard(f, sel_get(r, k));
			if (jc > 0)
				json_array_append_new(ov, json_pack("{s:s, s:s, s:f}", "a", f->key,
								    "b", sel_get(r, k)->key, "jaccard", jc));
		}
	}
	for (size_t k = 0; k < nm; k++)
		json_array_append_new(ma, json_pack("{s:s, s:I, s:f, s:f}", "id",
			rg_lexicon_actor(r->lex, m[k].actor)->id, "formats", (json_int_t)m[k].formats,
			"strength", m[k].strength, "pagerank", m[k].pagerank));
	json_object_set_new(o, "documents", json_integer(r->st->docs));
	json_object_set_new(o, "window", json_string(r->window));
	json_object_set_new(o, "period", json_string(period_names[r->period]));
	json_object_set_new(o, "formats", fa);
	json_object_set_new(o, "members", ma);
	json_object_set_new(o, "hub", nm ? json_string(rg_lexicon_actor(r->lex, m[0].actor)->id)
					 : json_null());
	json_object_set_new(o, "overlap", ov);
	int rc = json_dumpf(o, stdout, JSON_INDENT(1) | JSON_REAL_PRECISION(6)) == 0 &&
		 putchar('\n') != EOF ? 0 : -1;
	json_decref(o);
	return rc;
}

/* ---- putting it together ------------------------------------------------------ */

int fm_print(const fm_report *r, const char *format)
{
	grid fg = { 0 }, tg = { 0 }, mg = { 0 }, og = { 0 }, ag = { 0 };
	member_row *m = NULL;
	int rc = -1, tsv = strcmp(format, "tsv") == 0, md = strcmp(format, "md") == 0;
	size_t nm = collect_members(r, &m);
	if (!m && r->n_sel)
		goto out;
	if (strcmp(format, "json") == 0) {
		rc = print_json(r, m, nm);
		goto out;
	}
	if (formats_grid(r, &fg) || members_grid(r, m, nm, &mg) ||
	    overlap_grid(r, tsv, &og) || activity_grid(r, tsv, &ag) ||
	    (r->compare && !tsv && transpose(&fg, &tg)))
		goto out;
	const char *h = md ? "\n### " : "\n";
	if (!tsv)
		printf("%s%zu format%s in %ld document%s; co-mentions per %s\n\n",
		       md ? "### " : "", r->n_sel, r->n_sel == 1 ? "" : "s", r->st->docs,
		       r->st->docs == 1 ? "" : "s", r->window);
	grid_print(r->compare && !tsv ? &tg : &fg, format);
	if (!tsv)
		printf("%smembers (centrality in the whole graph)%s\n", h, md ? "\n" : "");
	else
		putchar('\n');
	grid_print(&mg, format);
	if (!tsv && nm)
		printf("%shub: %s (%s), in %ld of %zu formats\n", md ? "\n" : "",
		       rg_lexicon_actor(r->lex, m[0].actor)->id,
		       rg_lexicon_actor(r->lex, m[0].actor)->names[RG_LANG_EN], m[0].formats,
		       r->n_sel);
	if (!tsv)
		printf("%soverlap (Jaccard of the member sets)%s\n", h, md ? "\n" : "");
	else
		putchar('\n');
	grid_print(&og, format);
	if (tsv || r->compare) {
		if (!tsv)
			printf("%smentions per %s%s\n", h, period_names[r->period], md ? "\n" : "");
		else
			putchar('\n');
		grid_print(&ag, format);
	}
	rc = 0;
out:
	free(m);
	grid_free(&fg);
	grid_free(&tg);
	grid_free(&mg);
	grid_free(&og);
	grid_free(&ag);
	return rc;
}
