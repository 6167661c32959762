/*
 * formatstats.c - the formats of a whole corpus: folds the per-document
 * detections of formats.c (rg_analysis.formats) into one record per member
 * set (mentions, documents, first/last date, activity per period), and the
 * numbers `relgraph formats` compares them by: member ties in the
 * co-mention graph, Jaccard overlap, the hub country, and parsing of a
 * format as the user writes it ("AZE-TUR-IRN", "3+3").
 */
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "lexicon.h"

struct rg_formatstats {
	const rg_lexicon *lex;
	rg_period period;
	rg_format_stat *f;
	size_t n, cap;
	int sorted;          /* f is in rg_formatstats_get order */
};

static const char *const rule_names[4] = { "chain", "list", "named", "officials" };

int rg_period_parse(const char *s)
{
	if (!s)
		return -1;
	if (strcmp(s, "month") == 0)
		return RG_PERIOD_MONTH;
	if (strcmp(s, "quarter") == 0)
		return RG_PERIOD_QUARTER;
	if (strcmp(s, "year") == 0)
		return RG_PERIOD_YEAR;
	return -1;
}

rg_err rg_formatstats_new(rg_formatstats **out, const rg_lexicon *lex, rg_period period)
{
	*out = NULL;
	if (!lex || (int)period < 0 || period > RG_PERIOD_YEAR)
		return RG_EINPUT;
	rg_formatstats *fs = calloc(1, sizeof *fs);
	if (!fs)
		return RG_ENOMEM;
	fs->lex = lex;
	fs->period = period;
	fs->sorted = 1;
	*out = fs;
	return RG_OK;
}

void rg_formatstats_free(rg_formatstats *fs)
{
	if (!fs)
		return;
	for (size_t i = 0; i < fs->n; i++) {
		free(fs->f[i].key);
		free(fs->f[i].members);
		free(fs->f[i].name);
		free(fs->f[i].periods);
	}
	free(fs->f);
	free(fs);
}

static const char *actor_id(const rg_lexicon *lex, size_t a)
{
	return lex->actors[a].id;
}

/* Sorts members[0..n) by actor id (formats are small: insertion sort). */
static void sort_by_id(const rg_lexicon *lex, size_t *m, size_t n)
{
	for (size_t i = 1; i < n; i++) {
		size_t v = m[i], j = i;
		for (; j > 0 && strcmp(actor_id(lex, m[j - 1]), actor_id(lex, v)) > 0; j--)
			m[j] = m[j - 1];
		m[j] = v;
	}
}

/* The index of the format with the id-sorted members m[0..n), or -1. */
static long lookup(const rg_formatstats *fs, const size_t *m, size_t n)
{
	for (size_t i = 0; i < fs->n; i++)
		if (fs->f[i].n_members == n && memcmp(fs->f[i].members, m, n * sizeof *m) == 0)
			return (long)i;
	return -1;
}

/* Finds or adds the format of the id-sorted members m[0..n). */
static rg_err intern(rg_formatstats *fs, const size_t *m, size_t n, size_t *idx)
{
	long at = lookup(fs, m, n);
	if (at >= 0) {
		*idx = (size_t)at;
		return RG_OK;
	}
	if (rg_grow(&fs->f, &fs->cap, fs->n + 1, sizeof *fs->f))
		return RG_ENOMEM;
	rg_format_stat *f = &fs->f[fs->n];
	memset(f, 0, sizeof *f);
	size_t len = 0;
	for (size_t i = 0; i < n; i++)
		len += strlen(actor_id(fs->lex, m[i])) + 1;
	f->key = malloc(len);
	f->members = malloc(n * sizeof *m);
	if (!f->key || !f->members) {
		free(f->key);
		free(f->members);
		return RG_ENOMEM;
	}
	char *p = f->key;
	for (size_t i = 0; i < n; i++) {
		size_t l = strlen(actor_id(fs->lex, m[i]));
		memcpy(p, actor_id(fs->lex, m[i]), l);
		p += l;
		*p++ = i + 1 < n ? '-' : '\0';
	}
	memcpy(f->members, m, n * sizeof *m);
	f->n_members = n;
	*idx = fs->n++;
	fs->sorted = 0;
	return RG_OK;
}

/* Copies, checks and id-sorts members; RG_EINPUT unless 3+ distinct countries. */
static rg_err normalise(const rg_lexicon *lex, const size_t *in, size_t n, size_t *out)
{
	if (n < 3 || n > 64)
		return RG_EINPUT;
	for (size_t i = 0; i < n; i++) {
		if (in[i] >= lex->n_actors || lex->actors[in[i]].type != RG_TYPE_COUNTRY)
			return RG_EINPUT;
		for (size_t j = 0; j < i; j++)
			if (in[j] == in[i])
				return RG_EINPUT;
		out[i] = in[i];
	}
	sort_by_id(lex, out, n);
	return RG_OK;
}

void rg_period_key(int period, const char *date, char out[9])
{
	size_t n = strlen(date);
	out[0] = '\0';
	if (n < 4 || (period != RG_PERIOD_YEAR && n < 7))
		return;
	int month = (date[5] - '0') * 10 + (date[6] - '0');
	if (period == RG_PERIOD_YEAR)
		snprintf(out, 9, "%.4s", date);
	else if (period == RG_PERIOD_QUARTER)
		snprintf(out, 9, "%.4s-Q%d", date, month >= 1 && month <= 12 ? (month + 2) / 3 : 0);
	else
		snprintf(out, 9, "%.7s", date);
}

/* The activity record of `period` in f, added in sorted place if new. */
static rg_format_period *period_slot(rg_format_stat *f, const char *period)
{
	size_t i = 0;
	while (i < f->n_periods && strcmp(f->periods[i].period, period) < 0)
		i++;
	if (i < f->n_periods && strcmp(f->periods[i].period, period) == 0)
		return &f->periods[i];
	rg_format_period *np = realloc(f->periods, (f->n_periods + 1) * sizeof *np);
	if (!np)
		return NULL;
	f->periods = np;
	memmove(np + i + 1, np + i, (f->n_periods - i) * sizeof *np);
	memset(&np[i], 0, sizeof *np);
	snprintf(np[i].period, sizeof np[i].period, "%s", period);
	f->n_periods++;
	return &np[i];
}

/* The named format whose name the detection `fm` is, or NULL. */
static const char *named_id(const rg_lexicon *lex, const rg_analysis *an, const rg_format *fm)
{
	for (size_t i = 0; i < an->n_mentions; i++) {
		const rg_mention *m = &an->mentions[i];
		if (m->start == fm->start && m->end == fm->end &&
		    lex->actors[m->actor].type == RG_TYPE_GROUP)
			return lex->actors[m->actor].id;
	}
	return NULL;
}

rg_err rg_formatstats_add(rg_formatstats *fs, const rg_doc *doc, const rg_analysis *an)
{
	rg_err rc = RG_OK;
	size_t *seen = NULL, n_seen = 0;
	size_t m[64];
	char period[9] = "";
	(void)doc;
	if (!an->n_formats)
		return RG_OK;
	if (!(seen = malloc(an->n_formats * sizeof *seen)))
		return RG_ENOMEM;
	if (an->date[0])
		rg_period_key((int)fs->period, an->date, period);
	for (size_t i = 0; i < an->n_formats; i++) {
		const rg_format *fm = &an->formats[i];
		size_t idx;
		if (normalise(fs->lex, fm->members, fm->n_members, m))
			continue; /* formats.c only reports 3+ distinct countries */
		if ((rc = intern(fs, m, fm->n_members, &idx)))
			goto out;
		rg_format_stat *f = &fs->f[idx];
		f->mentions++;
		for (int r = 0; r < 4; r++)
			if (fm->rule && strcmp(fm->rule, rule_names[r]) == 0)
				f->by_rule[r]++;
		const char *name = fm->rule && strcmp(fm->rule, "named") == 0
					   ? named_id(fs->lex, an, fm) : NULL;
		if (name && !f->name && !(f->name = rg_strdup(name))) {
			rc = RG_ENOMEM;
			goto out;
		}
		if (period[0]) {
			rg_format_period *p = period_slot(f, period);
			if (!p) {
				rc = RG_ENOMEM;
				goto out;
			}
			p->mentions++;
		}
		size_t k;
		for (k = 0; k < n_seen && seen[k] != idx; k++)
			;
		if (k < n_seen)
			continue;
		seen[n_seen++] = idx;
		f->docs++;
		if (an->date[0]) {
			if (!f->first_date[0] || strcmp(an->date, f->first_date) < 0)
				memcpy(f->first_date, an->date, 11);
			if (!f->last_date[0] || strcmp(an->date, f->last_date) > 0)
				memcpy(f->last_date, an->date, 11);
			period_slot(f, period)->docs++; /* made above */
		}
	}
	fs->sorted = 0;
out:
	free(seen);
	return rc;
}

rg_err rg_formatstats_add_counts(rg_formatstats *fs, const size_t *members, size_t n,
				 const char *name, long mentions, long docs,
				 const long by_rule[4], const char *date)
{
	size_t m[64], idx;
	char period[9] = "";
	rg_err rc = normalise(fs->lex, members, n, m);
	if (rc || (rc = intern(fs, m, n, &idx)))
		return rc;
	rg_format_stat *f = &fs->f[idx];
	f->mentions += mentions;
	f->docs += docs;
	for (int r = 0; r < 4; r++)
		f->by_rule[r] += by_rule[r];
	if (name && !f->name && !(f->name = rg_strdup(name)))
		return RG_ENOMEM;
	fs->sorted = 0;
	if (!date || !date[0])
		return RG_OK;
	if (docs) {
		if (!f->first_date[0] || strcmp(date, f->first_date) < 0)
			snprintf(f->first_date, sizeof f->first_date, "%s", date);
		if (!f->last_date[0] || strcmp(date, f->last_date) > 0)
			snprintf(f->last_date, sizeof f->last_date, "%s", date);
	}
	rg_period_key((int)fs->period, date, period);
	if (period[0]) {
		rg_format_period *p = period_slot(f, period);
		if (!p)
			return RG_ENOMEM;
		p->mentions += mentions;
		p->docs += docs;
	}
	return RG_OK;
}

rg_err rg_formatstats_ensure(rg_formatstats *fs, const size_t *members, size_t n)
{
	size_t m[64], idx;
	rg_err rc = normalise(fs->lex, members, n, m);
	if (rc)
		return rc;
	return intern(fs, m, n, &idx);
}

static int cmp_stat(const void *pa, const void *pb)
{
	const rg_format_stat *a = pa, *b = pb;
	if (a->mentions != b->mentions)
		return a->mentions > b->mentions ? -1 : 1;
	if (a->docs != b->docs)
		return a->docs > b->docs ? -1 : 1;
	return strcmp(a->key, b->key);
}

static void sort_formats(rg_formatstats *fs)
{
	if (!fs->sorted && fs->n > 1)
		qsort(fs->f, fs->n, sizeof *fs->f, cmp_stat);
	fs->sorted = 1;
}

size_t rg_formatstats_count(const rg_formatstats *fs)
{
	return fs ? fs->n : 0;
}

const rg_format_stat *rg_formatstats_get(rg_formatstats *fs, size_t i)
{
	if (!fs || i >= fs->n)
		return NULL;
	sort_formats(fs);
	return &fs->f[i];
}

long rg_formatstats_find(rg_formatstats *fs, const size_t *members, size_t n)
{
	size_t m[64];
	if (normalise(fs->lex, members, n, m))
		return -1;
	sort_formats(fs);
	return lookup(fs, m, n);
}

size_t rg_formatstats_hub(rg_formatstats *fs, size_t *n_formats)
{
	size_t na = fs->lex->n_actors, best = RG_NO_ACTOR;
	long *in = calloc(na ? na : 1, sizeof *in), *ment = calloc(na ? na : 1, sizeof *ment);
	*n_formats = 0;
	if (!in || !ment)
		goto out;
	for (size_t i = 0; i < fs->n; i++) {
		if (!fs->f[i].mentions)
			continue;
		for (size_t j = 0; j < fs->f[i].n_members; j++) {
			in[fs->f[i].members[j]]++;
			ment[fs->f[i].members[j]] += fs->f[i].mentions;
		}
	}
	for (size_t a = 0; a < na; a++) {
		if (!in[a])
			continue;
		if (best == RG_NO_ACTOR || in[a] > in[best] ||
		    (in[a] == in[best] && (ment[a] > ment[best] ||
		     (ment[a] == ment[best] && strcmp(actor_id(fs->lex, a),
						      actor_id(fs->lex, best)) < 0))))
			best = a;
	}
	if (best != RG_NO_ACTOR)
		*n_formats = (size_t)in[best];
out:
	free(in);
	free(ment);
	return best;
}

double rg_format_jaccard(const rg_format_stat *a, const rg_format_stat *b)
{
	size_t shared = 0;
	for (size_t i = 0; i < a->n_members; i++)
		for (size_t j = 0; j < b->n_members; j++)
			shared += a->members[i] == b->members[j];
	size_t uni = a->n_members + b->n_members - shared;
	return uni ? (double)shared / (double)uni : 0.0;
}

/* The node of lexicon actor `a` in net, or -1. */
static long node_of(const rg_network *net, size_t a)
{
	for (size_t i = 0; i < net->n_nodes; i++)
		if (net->nodes[i].actor == a)
			return (long)i;
	return -1;
}

static double edge_weight(const rg_network *net, long x, long y)
{
	if (x < 0 || y < 0)
		return 0;
	size_t a = (size_t)(x < y ? x : y), b = (size_t)(x < y ? y : x);
	for (size_t i = 0; i < net->n_edges; i++)
		if (net->edges[i].a == a && net->edges[i].b == b)
			return net->edges[i].weight;
	return 0;
}

void rg_format_links_compute(const rg_format_stat *f, const rg_network *net,
			     const rg_metrics *m, rg_format_links *out)
{
	long node[64];
	size_t n = f->n_members < 64 ? f->n_members : 64, pairs = 0;
	double sum = 0, prod = 1;
	memset(out, 0, sizeof *out);
	out->intensity = NAN;
	for (size_t i = 0; i < n; i++) {
		node[i] = node_of(net, f->members[i]);
		if (i < 16 && node[i] >= 0 && m && (size_t)node[i] < m->n) {
			out->strength[i] = m->value[RG_METRIC_STRENGTH][node[i]];
			out->pagerank[i] = m->value[RG_METRIC_PAGERANK][node[i]];
		}
	}
	for (size_t i = 0; i < n; i++)
		for (size_t j = i + 1; j < n; j++) {
			double w = edge_weight(net, node[i], node[j]);
			if (pairs == 0 || w < out->w_min)
				out->w_min = w;
			sum += w;
			prod *= w;
			out->pairs_linked += w > 0;
			pairs++;
		}
	out->w_mean = pairs ? sum / (double)pairs : 0;
	if (n == 3)
		out->intensity = cbrt(prod);
}

/* Resolves a country id as the user may write it ("aze", "AZE"); -1 if none. */
static long country_id(const rg_lexicon *lex, const char *tok)
{
	char up[16];
	size_t n = strlen(tok);
	if (n == 0 || n >= sizeof up)
		return -1;
	for (size_t i = 0; i <= n; i++)
		up[i] = (char)toupper((unsigned char)tok[i]);
	long a = rg_lexicon_find(lex, up);
	return a >= 0 && lex->actors[a].type == RG_TYPE_COUNTRY ? a : -1;
}

/* "AZE-TUR-IRN": ids joined by '-', ',', '+', spaces or an en dash. */
static int parse_ids(const rg_lexicon *lex, const char *spec, size_t *m, size_t cap,
		     size_t *n)
{
	char buf[256], *save = NULL;
	size_t k = 0;
	if (strlen(spec) >= sizeof buf)
		return 0;
	strcpy(buf, spec);
	for (char *p = buf; *p; p++) /* U+2013/U+2014: E2 80 93/94 -> spaces */
		if ((unsigned char)p[0] == 0xE2 && (unsigned char)p[1] == 0x80 &&
		    ((unsigned char)p[2] == 0x93 || (unsigned char)p[2] == 0x94))
			p[0] = p[1] = p[2] = ' ';
	for (char *t = strtok_r(buf, "-,+ \t", &save); t; t = strtok_r(NULL, "-,+ \t", &save)) {
		long a = country_id(lex, t);
		if (a < 0 || k == cap)
			return 0;
		m[k++] = (size_t)a;
	}
	*n = k;
	return k >= 3;
}

rg_err rg_format_spec_parse(const rg_lexicon *lex, const char *spec, size_t *members,
			    size_t cap, size_t *n)
{
	size_t m[64], k = 0;
	rg_err rc = RG_EINPUT;
	rg_analysis an;
	*n = 0;
	if (!spec || !*spec)
		return RG_EINPUT;
	if (parse_ids(lex, spec, m, 64, &k))
		goto found;
	long g = rg_lexicon_find(lex, spec);
	for (size_t i = 0; g >= 0 && i < lex->n_formats; i++)
		if (lex->formats[i].actor == (uint32_t)g && lex->formats[i].n <= 64) {
			for (k = 0; k < lex->formats[i].n; k++)
				m[k] = lex->formats[i].members[k];
			goto found;
		}
	/* any text naming exactly one format: "3+3", "Astana format" */
	rg_doc doc = { "format", spec, strlen(spec), NULL, RG_LANG_NONE };
	rg_analysis_init(&an);
	rc = rg_analyze(lex, &doc, &an, NULL);
	if (rc == RG_OK && an.n_formats > 0 && an.formats[0].n_members <= 64) {
		k = an.formats[0].n_members;
		memcpy(m, an.formats[0].members, k * sizeof *m);
		for (size_t i = 1; i < an.n_formats; i++)
			if (an.formats[i].n_members != k ||
			    memcmp(an.formats[i].members, m, k * sizeof *m) != 0)
				k = 0; /* several formats: ambiguous */
	}
	rg_analysis_release(&an);
	if (rc)
		return rc;
	if (k == 0)
		return RG_EINPUT;
found:
	if (normalise(lex, m, k, m) || k > cap)
		return RG_EINPUT;
	memcpy(members, m, k * sizeof *m);
	*n = k;
	return RG_OK;
}
