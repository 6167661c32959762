/*
 * export.c - writes a network and its metrics for other tools: GraphML,
 * GML and DOT through igraph's writers (with igraph's C attribute handler,
 * so Gephi, Cytoscape and networkx see every attribute), an edge-list CSV
 * and a {nodes, edges} JSON through jansson.  Files are written under a
 * temporary name and renamed, like the renderer's diagrams.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include <igraph.h>
#include <jansson.h>

#include "igraph_try.h"
#include "relgraph.h"

typedef enum { FMT_GRAPHML, FMT_GML, FMT_DOT, FMT_CSV, FMT_JSON } export_fmt;

static void say(char *buf, size_t len, const char *fmt, ...)
{
	va_list ap;
	if (!buf || !len)
		return;
	va_start(ap, fmt);
	vsnprintf(buf, len, fmt, ap);
	va_end(ap);
}

static int format_of(const char *path)
{
	static const char *const ext[] = { ".graphml", ".gml", ".dot", ".csv", ".json" };
	size_t n = strlen(path);
	for (int i = 0; i < 5; i++) {
		size_t k = strlen(ext[i]);
		if (n > k && strcasecmp(path + n - k, ext[i]) == 0)
			return i;
	}
	return -1;
}

static const char *str_or_empty(const char *s)
{
	return s ? s : "";
}

/* Writes UTF-8 text with every non-ASCII character as an &#N; entity. */
static void put_ascii(FILE *f, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	for (size_t i = 0; i < n;) {
		unsigned c = p[i], extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
		if (c < 0x80 || !extra || i + extra >= n) {
			putc(c < 0x80 ? (int)c : '?', f);
			i++;
			continue;
		}
		unsigned cp = c & (0x3F >> extra);
		for (unsigned k = 1; k <= extra; k++)
			cp = cp << 6 | (p[i + k] & 0x3F);
		fprintf(f, "&#%u;", cp);
		i += extra + 1;
	}
}

/* Graphviz DOT with every attribute quoted (igraph 0.10's DOT writer leaves
 * numbers such as 6.4e-05 bare, which Graphviz cannot parse). */
static void dot_str(FILE *f, const char *s)
{
	putc('"', f);
	for (; s && *s; s++) {
		if (*s == '"' || *s == '\\')
			putc('\\', f);
		if (*s == '\n')
			fputs("\\n", f);
		else if (*s != '\r')
			putc(*s, f);
	}
	putc('"', f);
}

static rg_err write_dot(const rg_network *net, const rg_metrics *m, FILE *f)
{
	fputs("graph relgraph {\n", f);
	for (size_t i = 0; i < net->n_nodes; i++) {
		const rg_node *nd = &net->nodes[i];
		fputs("  ", f);
		dot_str(f, nd->id);
		fputs(" [name=", f);
		dot_str(f, nd->names[RG_LANG_EN] ? nd->names[RG_LANG_EN] : nd->id);
		for (int l = 0; l < RG_NLANG; l++)
			if (nd->names[l]) {
				fprintf(f, ", name_%s=", rg_lang_code(l));
				dot_str(f, nd->names[l]);
			}
		fprintf(f, ", type=\"%s\", mentions=\"%ld\", docs=\"%ld\", windows=\"%ld\"",
			rg_type_name(nd->type), nd->mentions, nd->docs, nd->windows);
		if (m && m->n == net->n_nodes) {
			for (int k = 0; k < RG_NMETRIC; k++)
				fprintf(f, ", %s=\"%.15g\"", rg_metric_name((rg_metric)k),
					m->value[k][i]);
			fprintf(f, ", community=\"%ld\"", m->community[i]);
		}
		fputs("];\n", f);
	}
	for (size_t i = 0; i < net->n_edges; i++) {
		const rg_edge *e = &net->edges[i];
		fputs("  ", f);
		dot_str(f, net->nodes[e->a].id);
		fputs(" -- ", f);
		dot_str(f, net->nodes[e->b].id);
		fprintf(f, " [weight=\"%.15g\", windows=\"%ld\", docs=\"%ld\", first_date=\"%s\", "
			"last_date=\"%s\"];\n", e->weight, e->windows ? e->windows : (long)e->weight,
			e->docs, e->first_date, e->last_date);
	}
	fputs("}\n", f);
	return ferror(f) ? RG_EIO : RG_OK;
}

/* Builds the attributed igraph graph and writes it in format fmt. */
static rg_err write_igraph(const rg_network *net, const rg_metrics *m, export_fmt fmt,
			   FILE *f)
{
	igraph_t g;
	igraph_vector_int_t ends;
	int have_g = 0, have_ends = 0;
	rg_err rc = RG_EGRAPH;
	char key[32];

#define TRY(call) RG_IGRAPH_TRY(call)
	TRY(igraph_vector_int_init(&ends, 2 * (igraph_integer_t)net->n_edges));
	have_ends = 1;
	for (size_t i = 0; i < net->n_edges; i++) {
		VECTOR(ends)[2 * i] = (igraph_integer_t)net->edges[i].a;
		VECTOR(ends)[2 * i + 1] = (igraph_integer_t)net->edges[i].b;
	}
	TRY(igraph_empty(&g, (igraph_integer_t)net->n_nodes, IGRAPH_UNDIRECTED));
	have_g = 1;
	TRY(igraph_add_edges(&g, &ends, NULL));
	for (size_t i = 0; i < net->n_nodes; i++) {
		const rg_node *nd = &net->nodes[i];
		igraph_integer_t v = (igraph_integer_t)i;
		/* GML keeps "id" for its own numbering, so there the actor id is "actor" */
		TRY(SETVAS(&g, fmt == FMT_GML ? "actor" : "id", v, str_or_empty(nd->id)));
		TRY(SETVAS(&g, "name", v, str_or_empty(nd->names[RG_LANG_EN] ? nd->names[RG_LANG_EN]
									 : nd->id)));
		for (int l = 0; l < RG_NLANG; l++) {
			snprintf(key, sizeof key, fmt == FMT_GML ? "name%s" : "name_%s",
				 rg_lang_code(l));
			TRY(SETVAS(&g, key, v, str_or_empty(nd->names[l])));
		}
		TRY(SETVAS(&g, "type", v, rg_type_name(nd->type)));
		TRY(SETVAN(&g, "mentions", v, (double)nd->mentions));
		TRY(SETVAN(&g, "docs", v, (double)nd->docs));
		TRY(SETVAN(&g, "windows", v, (double)nd->windows));
		if (m && m->n == net->n_nodes) {
			for (int k = 0; k < RG_NMETRIC; k++)
				TRY(SETVAN(&g, rg_metric_name((rg_metric)k), v, m->value[k][i]));
			TRY(SETVAN(&g, "community", v, (double)m->community[i]));
		}
	}
	for (size_t i = 0; i < net->n_edges; i++) {
		const rg_edge *e = &net->edges[i];
		igraph_integer_t id = (igraph_integer_t)i;
		TRY(SETEAN(&g, "weight", id, e->weight));
		TRY(SETEAN(&g, "windows", id, (double)(e->windows ? e->windows : (long)e->weight)));
		TRY(SETEAN(&g, "docs", id, (double)e->docs));
		TRY(SETEAS(&g, fmt == FMT_GML ? "firstdate" : "first_date", id, e->first_date));
		TRY(SETEAS(&g, fmt == FMT_GML ? "lastdate" : "last_date", id, e->last_date));
	}
	if (fmt == FMT_GRAPHML) {
		TRY(igraph_write_graph_graphml(&g, f, 0));
	} else {
		/* GML is ASCII: igraph 0.10 writes UTF-8 as is, so the text goes
		 * through a buffer that turns it into &#N; entities (networkx
		 * refuses anything else) */
		char *buf = NULL;
		size_t len = 0;
		FILE *mem = open_memstream(&buf, &len);
		if (!mem) {
			rc = RG_ENOMEM;
			goto out;
		}
		igraph_error_t ierr = igraph_write_graph_gml(&g, mem, IGRAPH_WRITE_GML_DEFAULT_SW,
							     NULL, "relgraph " RG_VERSION);
		if (fclose(mem) != 0 && ierr == IGRAPH_SUCCESS)
			ierr = IGRAPH_ENOMEM;
		if (ierr == IGRAPH_SUCCESS)
			put_ascii(f, buf, len);
		free(buf);
		TRY(ierr);
	}
#undef TRY
	rc = RG_OK;
out:
	if (have_g)
		igraph_destroy(&g);
	if (have_ends)
		igraph_vector_int_destroy(&ends);
	return rc;
}

static void csv_field(FILE *f, const char *s, int last)
{
	s = str_or_empty(s);
	if (strpbrk(s, ",\"\r\n")) {
		putc('"', f);
		for (; *s; s++) {
			if (*s == '"')
				putc('"', f);
			putc(*s, f);
		}
		putc('"', f);
	} else {
		fputs(s, f);
	}
	fputs(last ? "\r\n" : ",", f);
}

static rg_err write_csv(const rg_network *net, FILE *f)
{
	fputs("source,target,source_name,target_name,weight,windows,docs,first_date,"
	      "last_date\r\n", f);
	for (size_t i = 0; i < net->n_edges; i++) {
		const rg_edge *e = &net->edges[i];
		const rg_node *a = &net->nodes[e->a], *b = &net->nodes[e->b];
		csv_field(f, a->id, 0);
		csv_field(f, b->id, 0);
		csv_field(f, a->names[RG_LANG_EN], 0);
		csv_field(f, b->names[RG_LANG_EN], 0);
		fprintf(f, "%.17g,%ld,%ld,", e->weight, e->windows ? e->windows : (long)e->weight,
			e->docs);
		csv_field(f, e->first_date, 0);
		csv_field(f, e->last_date, 1);
	}
	return ferror(f) ? RG_EIO : RG_OK;
}

static rg_err write_json(const rg_network *net, const rg_metrics *m, FILE *f)
{
	json_t *o = json_object(), *nodes = json_array(), *edges = json_array();
	rg_err rc = RG_ENOMEM;

	if (!o || !nodes || !edges)
		goto out;
	for (size_t i = 0; i < net->n_nodes; i++) {
		const rg_node *nd = &net->nodes[i];
		json_t *names = json_object();
		json_t *j = json_pack("{s:s, s:s, s:s, s:I, s:I, s:I}", "id", str_or_empty(nd->id),
				      "name", str_or_empty(nd->names[RG_LANG_EN]),
				      "type", rg_type_name(nd->type),
				      "mentions", (json_int_t)nd->mentions,
				      "docs", (json_int_t)nd->docs,
				      "windows", (json_int_t)nd->windows);
		if (!j || !names) {
			json_decref(j);
			json_decref(names);
			goto out;
		}
		for (int l = 0; l < RG_NLANG; l++)
			if (nd->names[l])
				json_object_set_new(names, rg_lang_code(l), json_string(nd->names[l]));
		json_object_set_new(j, "names", names);
		if (m && m->n == net->n_nodes) {
			for (int k = 0; k < RG_NMETRIC; k++)
				json_object_set_new(j, rg_metric_name((rg_metric)k),
						    json_real(m->value[k][i]));
			json_object_set_new(j, "community", json_integer(m->community[i]));
		}
		json_array_append_new(nodes, j);
	}
	for (size_t i = 0; i < net->n_edges; i++) {
		const rg_edge *e = &net->edges[i];
		json_t *j = json_pack("{s:s, s:s, s:f, s:I, s:I, s:o, s:o}",
				      "source", str_or_empty(net->nodes[e->a].id),
				      "target", str_or_empty(net->nodes[e->b].id),
				      "weight", e->weight,
				      "windows", (json_int_t)(e->windows ? e->windows : (long)e->weight),
				      "docs", (json_int_t)e->docs,
				      "first_date", e->first_date[0] ? json_string(e->first_date)
								     : json_null(),
				      "last_date", e->last_date[0] ? json_string(e->last_date)
								   : json_null());
		if (!j)
			goto out;
		json_array_append_new(edges, j);
	}
	json_object_set_new(o, "documents", json_integer(net->n_docs));
	json_object_set_new(o, "first_date", net->first_date[0] ? json_string(net->first_date)
								 : json_null());
	json_object_set_new(o, "last_date", net->last_date[0] ? json_string(net->last_date)
							       : json_null());
	json_object_set(o, "nodes", nodes);
	json_object_set(o, "edges", edges);
	rc = json_dumpf(o, f, JSON_INDENT(1)) == 0 && putc('\n', f) != EOF ? RG_OK : RG_EIO;
out:
	json_decref(o);
	json_decref(nodes);
	json_decref(edges);
	return rc;
}

rg_err rg_export(const rg_network *net, const rg_metrics *m, const char *path,
		 char *errbuf, size_t errlen)
{
	char *tmp = NULL;
	FILE *f = NULL;
	int fd = -1, fmt;
	rg_err rc = RG_EINPUT;
	igraph_attribute_table_t *old_attr = NULL;
	igraph_error_handler_t *old_err = NULL;
	int igraph_set = 0;

	if (!net || !path) {
		say(errbuf, errlen, "no network or no path");
		return RG_EINPUT;
	}
	if ((fmt = format_of(path)) < 0) {
		say(errbuf, errlen, "'%s': unknown format (use .graphml, .gml, .dot, .csv "
			"or .json)", path);
		return RG_EINPUT;
	}
	rc = RG_ENOMEM;
	if (!(tmp = malloc(strlen(path) + 16)))
		goto out;
	sprintf(tmp, "%s.tmpXXXXXX", path);
	rc = RG_EIO;
	if ((fd = mkstemp(tmp)) < 0 || !(f = fdopen(fd, "w"))) {
		say(errbuf, errlen, "cannot create '%s': %s", tmp, strerror(errno));
		goto out;
	}
	mode_t mask = umask(0);
	umask(mask);
	fchmod(fileno(f), 0666 & ~mask);
	fd = -1;
	if (fmt == FMT_CSV) {
		rc = write_csv(net, f);
	} else if (fmt == FMT_DOT) {
		rc = write_dot(net, m, f);
	} else if (fmt == FMT_JSON) {
		rc = write_json(net, m, f);
	} else {
		old_attr = igraph_set_attribute_table(&igraph_cattribute_table);
		old_err = igraph_set_error_handler(igraph_error_handler_ignore);
		igraph_set = 1;
		rc = write_igraph(net, m, (export_fmt)fmt, f);
	}
	if (rc) {
		say(errbuf, errlen, "cannot write '%s': %s", path, rg_err_str(rc));
		goto out;
	}
	if (fflush(f) != 0 || ferror(f) || fsync(fileno(f)) != 0) {
		rc = RG_EIO;
		say(errbuf, errlen, "cannot write '%s': %s", path, strerror(errno));
		goto out;
	}
	if (fclose(f) != 0) {
		f = NULL;
		rc = RG_EIO;
		say(errbuf, errlen, "cannot write '%s': %s", path, strerror(errno));
		goto out;
	}
	f = NULL;
	if (rename(tmp, path) != 0) {
		rc = RG_EIO;
		say(errbuf, errlen, "cannot rename '%s' to '%s': %s", tmp, path, strerror(errno));
		goto out;
	}
	free(tmp);
	tmp = NULL;
	rc = RG_OK;
out:
	if (igraph_set) {
		igraph_set_error_handler(old_err);
		igraph_set_attribute_table(old_attr);
	}
	if (fd >= 0)
		close(fd);
	if (f)
		fclose(f);
	if (tmp) {
		unlink(tmp);
		free(tmp);
	}
	return rc;
}
