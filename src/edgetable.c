/*
 * edgetable.c - partial edge tables: a network written as tab-separated
 * text (actors with their counts, ties with windows, documents and date
 * span) so that the networks of any split of a corpus sum to the network of
 * the whole.  `extract --emit edges` writes them (the map step), `merge`
 * sums them (the reduce step), and rank, render and graph read them in
 * place of articles.  The format is documented in relgraph.h.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "relgraph.h"
#include "util.h"

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

static const char *date_or_dash(const char *d)
{
	return d[0] ? d : "-";
}

static void window_desc(rg_window w, char *buf, size_t n)
{
	static const char *const kinds[] = { "sentence", "paragraph", "document" };
	if (w.kind == RG_WINDOW_TOKENS)
		snprintf(buf, n, "tokens:%d", w.tokens);
	else
		snprintf(buf, n, "%s", kinds[w.kind]);
}

rg_err rg_edgetable_write(const rg_network *net, rg_window w, FILE *f)
{
	char wd[32];

	if (!net || !f)
		return RG_EINPUT;
	window_desc(w, wd, sizeof wd);
	fprintf(f, "%s\twindow=%s\n", RG_EDGETABLE_MAGIC, wd);
	fprintf(f, "corpus\t%ld\t%ld\t%s\t%s\n", net->n_docs, net->n_windows,
		date_or_dash(net->first_date), date_or_dash(net->last_date));
	for (size_t i = 0; i < net->n_nodes; i++) {
		const rg_node *nd = &net->nodes[i];
		fputs("node\t", f);
		put_escaped(f, nd->id);
		fprintf(f, "\t%s\t%ld\t%ld\t%ld", rg_type_name(nd->type), nd->mentions, nd->docs,
			nd->windows);
		for (int l = 0; l < RG_NLANG; l++) {
			putc('\t', f);
			put_escaped(f, nd->names[l]);
		}
		putc('\n', f);
	}
	for (size_t i = 0; i < net->n_edges; i++) {
		const rg_edge *e = &net->edges[i];
		fputs("edge\t", f);
		put_escaped(f, net->nodes[e->a].id);
		putc('\t', f);
		put_escaped(f, net->nodes[e->b].id);
		fprintf(f, "\t%ld\t%ld\t%s\t%s\n", e->windows ? e->windows : (long)e->weight,
			e->docs, date_or_dash(e->first_date), date_or_dash(e->last_date));
	}
	return fflush(f) == 0 && !ferror(f) ? RG_OK : RG_EIO;
}

int rg_edgetable_sniff(const char *path)
{
	char buf[sizeof RG_EDGETABLE_MAGIC];
	FILE *f = path && strcmp(path, "-") ? fopen(path, "rb") : NULL;
	int yes;

	if (!f)
		return 0;
	yes = fread(buf, 1, sizeof buf - 1, f) == sizeof buf - 1 &&
	      memcmp(buf, RG_EDGETABLE_MAGIC, sizeof buf - 1) == 0;
	fclose(f);
	return yes;
}

/* Splits line (modified in place, escapes undone) into at most max fields. */
static size_t split(char *line, char **fields, size_t max)
{
	size_t n = 0;
	char *p = line;

	while (n < max) {
		char *out = p;
		fields[n++] = p;
		for (;;) {
			if (*p == '\\' && p[1]) {
				char c = p[1];
				*out++ = c == 't' ? '\t' : c == 'n' ? '\n' : c == 'r' ? '\r' : c;
				p += 2;
			} else if (*p == '\t' || *p == '\0' || *p == '\n') {
				break;
			} else {
				*out++ = *p++;
			}
		}
		char end = *p;
		*out = '\0';
		if (end != '\t')
			break;
		p++;
	}
	return n;
}

static int parse_long(const char *s, long *out)
{
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (errno || end == s || *end || v < 0)
		return -1;
	*out = v;
	return 0;
}

static int parse_date(const char *s, char out[11])
{
	if (strcmp(s, "-") == 0) {
		out[0] = '\0';
		return 0;
	}
	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return -1;
	memcpy(out, s, 11);
	return 0;
}

static void widen(char first[11], char last[11], const char *f2, const char *l2)
{
	if (f2[0] && (!first[0] || strcmp(f2, first) < 0))
		memcpy(first, f2, 11);
	if (l2[0] && (!last[0] || strcmp(l2, last) > 0))
		memcpy(last, l2, 11);
}

static int cmp_edge(const void *x, const void *y)
{
	const rg_edge *a = x, *b = y;
	if (a->a != b->a)
		return a->a < b->a ? -1 : 1;
	return a->b < b->b ? -1 : a->b > b->b;
}

static long node_find(const rg_network *net, const char *id)
{
	size_t lo = 0, hi = net->n_nodes;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strcmp(net->nodes[mid].id, id);
		if (c == 0)
			return (long)mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

/*
 * Sums `part` into `acc`; both have nodes sorted by unique id and edges
 * sorted by pair.  part's strings are moved into acc (part is emptied).
 */
static rg_err merge_into(rg_network *acc, rg_network *part)
{
	size_t na = acc->n_nodes, np = part->n_nodes, i = 0, j = 0, k = 0, ne = 0, nn;
	size_t *map_a = malloc((na + 1) * sizeof *map_a), *map_p = malloc((np + 1) * sizeof *map_p);
	rg_node *nodes = calloc(na + np + 1, sizeof *nodes);
	rg_edge *edges = malloc((acc->n_edges + part->n_edges + 1) * sizeof *edges);
	rg_err rc = RG_ENOMEM;

	if (!map_a || !map_p || !nodes || !edges)
		goto out;
	while (i < na || j < np) {
		int c = i == na ? 1 : j == np ? -1 : strcmp(acc->nodes[i].id, part->nodes[j].id);
		if (c < 0) {
			map_a[i] = k;
			nodes[k++] = acc->nodes[i++];
		} else if (c > 0) {
			map_p[j] = k;
			nodes[k++] = part->nodes[j++];
		} else {
			rg_node *d = &nodes[k], *p = &part->nodes[j];
			*d = acc->nodes[i];
			d->mentions += p->mentions;
			d->docs += p->docs;
			d->windows += p->windows;
			for (int l = 0; l < RG_NLANG; l++)
				if (!d->names[l]) {
					d->names[l] = p->names[l];
					p->names[l] = NULL;
				}
			free(p->id);
			for (int l = 0; l < RG_NLANG; l++)
				free(p->names[l]);
			map_a[i++] = k;
			map_p[j++] = k++;
		}
	}
	nn = k;
	for (size_t e = 0; e < acc->n_edges; e++) {
		edges[ne] = acc->edges[e];
		edges[ne].a = map_a[acc->edges[e].a];
		edges[ne++].b = map_a[acc->edges[e].b];
	}
	for (size_t e = 0; e < part->n_edges; e++) {
		edges[ne] = part->edges[e];
		edges[ne].a = map_p[part->edges[e].a];
		edges[ne++].b = map_p[part->edges[e].b];
	}
	qsort(edges, ne, sizeof *edges, cmp_edge);
	k = 0;
	for (size_t e = 0; e < ne; e++) {
		if (k && edges[k - 1].a == edges[e].a && edges[k - 1].b == edges[e].b) {
			rg_edge *d = &edges[k - 1];
			d->windows += edges[e].windows;
			d->weight = (double)d->windows;
			d->docs += edges[e].docs;
			widen(d->first_date, d->last_date, edges[e].first_date, edges[e].last_date);
		} else {
			edges[k++] = edges[e];
		}
	}
	free(acc->nodes);
	free(acc->edges);
	acc->nodes = nodes;
	acc->n_nodes = nn;
	acc->edges = edges;
	acc->n_edges = k;
	acc->n_docs += part->n_docs;
	acc->n_windows += part->n_windows;
	widen(acc->first_date, acc->last_date, part->first_date, part->last_date);
	free(part->nodes);
	free(part->edges);
	rg_network_init(part);
	nodes = NULL;
	edges = NULL;
	rc = RG_OK;
out:
	free(map_a);
	free(map_p);
	free(nodes);
	free(edges);
	return rc;
}

static int parse_window(const char *s, rg_window *w)
{
	if (strncmp(s, "window=", 7) != 0)
		return -1;
	return rg_window_parse(s + 7, w) ? -1 : 0;
}

/* Reads one table into `part`; RG_EINPUT after reporting a bad row. */
/* A table's first line: its window must match the earlier tables'. */
static const char *header(char **fl, size_t n, rg_window *w)
{
	rg_window tw;
	if (n != 2 || strcmp(fl[0], RG_EDGETABLE_MAGIC) || parse_window(fl[1], &tw))
		return "not a relgraph edge table (bad first line)";
	if (w->tokens >= 0 && (w->kind != tw.kind || w->tokens != tw.tokens))
		return "the table's window differs from the other tables'";
	*w = tw;
	return NULL;
}

/*
 * Reads the table(s) of f into acc: a stream may hold several tables one
 * after the other (the part files of a map step concatenated), each summed
 * in when the next header or the end is reached.
 */
static rg_err read_tables(FILE *f, const char *path, rg_network *acc, rg_window *w,
			  const rg_diag *diag)
{
	char *line = NULL, *fl[16];
	size_t cap = 0, cap_nodes = 0, cap_edges = 0;
	long lineno = 0;
	rg_err rc = RG_OK;
	ssize_t got;
	rg_network partn, *part = &partn;

	rg_network_init(part);
	while ((got = getline(&line, &cap, f)) > 0) {
		lineno++;
		if (line[got - 1] == '\n')
			line[--got] = '\0';
		size_t n = split(line, fl, 16);
		const char *bad = NULL;
		if (lineno == 1) {
			bad = header(fl, n, w);
		} else if (strcmp(fl[0], RG_EDGETABLE_MAGIC) == 0) {
			if (!(bad = header(fl, n, w))) {
				if ((rc = merge_into(acc, part)))
					break;
				cap_nodes = cap_edges = 0;
			}
		} else if (strcmp(fl[0], "corpus") == 0) {
			if (n != 5 || parse_long(fl[1], &part->n_docs) ||
			    parse_long(fl[2], &part->n_windows) ||
			    parse_date(fl[3], part->first_date) || parse_date(fl[4], part->last_date))
				bad = "malformed corpus row";
		} else if (strcmp(fl[0], "node") == 0) {
			rg_node nd = { 0 };
			int ty = n == 6 + RG_NLANG ? rg_type_parse(fl[2]) : -1;
			if (ty < 0 || parse_long(fl[3], &nd.mentions) || parse_long(fl[4], &nd.docs) ||
			    parse_long(fl[5], &nd.windows) || !fl[1][0]) {
				bad = "malformed node row";
			} else if (part->n_nodes && strcmp(part->nodes[part->n_nodes - 1].id, fl[1]) >= 0) {
				bad = "node rows out of order or repeated";
			} else if (rg_grow(&part->nodes, &cap_nodes, part->n_nodes + 1,
					   sizeof *part->nodes)) {
				rc = RG_ENOMEM;
				break;
			} else {
				nd.type = (rg_actor_type)ty;
				nd.actor = RG_NO_ACTOR;
				part->nodes[part->n_nodes++] = nd;
				rg_node *d = &part->nodes[part->n_nodes - 1];
				if (!(d->id = rg_strdup(fl[1])))
					rc = RG_ENOMEM;
				for (int l = 0; l < RG_NLANG; l++)
					if (fl[6 + l][0] && !(d->names[l] = rg_strdup(fl[6 + l])))
						rc = RG_ENOMEM;
				if (rc)
					break;
			}
		} else if (strcmp(fl[0], "edge") == 0) {
			rg_edge e = { 0 };
			long a = n == 7 ? node_find(part, fl[1]) : -1;
			long b = n == 7 ? node_find(part, fl[2]) : -1;
			if (a < 0 || b < 0 || a >= b || parse_long(fl[3], &e.windows) ||
			    e.windows <= 0 || parse_long(fl[4], &e.docs) ||
			    parse_date(fl[5], e.first_date) || parse_date(fl[6], e.last_date)) {
				bad = "malformed edge row (unknown actor, ids out of order, bad count)";
			} else if (part->n_edges && (size_t)a <= part->edges[part->n_edges - 1].a &&
				   ((size_t)a < part->edges[part->n_edges - 1].a ||
				    (size_t)b <= part->edges[part->n_edges - 1].b)) {
				bad = "edge rows out of order or repeated";
			} else if (rg_grow(&part->edges, &cap_edges, part->n_edges + 1,
					   sizeof *part->edges)) {
				rc = RG_ENOMEM;
				break;
			} else {
				e.a = (size_t)a;
				e.b = (size_t)b;
				e.weight = (double)e.windows;
				part->edges[part->n_edges++] = e;
			}
		} else if (fl[0][0] != '#' && fl[0][0] != '\0') {
			bad = "unknown row kind";
		}
		if (bad) {
			rg_diag_emit(diag, RG_SEV_ERROR, path, lineno, -1, "%s", bad);
			rc = RG_EINPUT;
			break;
		}
	}
	if (!rc && ferror(f))
		rc = RG_EIO;
	if (!rc && lineno == 0) {
		rg_diag_emit(diag, RG_SEV_ERROR, path, -1, -1, "empty edge table");
		rc = RG_EINPUT;
	}
	if (!rc)
		rc = merge_into(acc, part);
	rg_network_release(part);
	free(line);
	return rc;
}

rg_err rg_edgetable_read(rg_network *acc, rg_window *w, const char *path,
			 const rg_diag *diag)
{
	int is_stdin = !path || strcmp(path, "-") == 0;
	FILE *f = is_stdin ? stdin : fopen(path, "rb");
	rg_err rc;

	if (!acc || !w)
		return RG_EINPUT;
	if (!f) {
		rg_diag_emit(diag, RG_SEV_ERROR, path, -1, -1, "cannot open: %s", strerror(errno));
		return RG_EIO;
	}
	rc = read_tables(f, is_stdin ? "-" : path, acc, w, diag);
	if (!is_stdin)
		fclose(f);
	return rc;
}
