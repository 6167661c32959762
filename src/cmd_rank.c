/*
 * cmd_rank.c - `relgraph rank`: builds the co-mention graph of the corpus,
 * computes every centrality with igraph and prints the actors ranked by
 * one of them, as an aligned table, TSV, CSV or JSON.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <unicode/utf8.h>
#include <unicode/uchar.h>

#include "cli_net.h"
#include "util.h"

static const rg_opt opts[] = {
	{ "top", 'n', "N", "show the N highest (default 20; 0 = all)" },
	{ "by", 'b', "METRIC", "sort key: degree, strength (default), betweenness, "
			       "closeness, pagerank, eigenvector, coreness, clustering" },
	{ "format", 'f', "FMT", "table (default), tsv, csv or json" },
	{ "by-period", 0, "P", "rank each month, quarter or year, with rank changes" },
	RG_NET_OPTS,
	RG_COMMON_OPTS,
	{ NULL, 0, NULL, NULL }
};

const rg_command rg_cmd_rank = {
	"rank", cmd_rank, "rank the most-connected actors of the corpus",
	"[OPTIONS] PATH...", opts
};

typedef struct {
	rg_netopts net;
	size_t top;
	int by;
	const char *format;
	int period;          /* rg_period, or -1 for the whole corpus */
} rank_opts;

static int handle(const char *name, const char *arg, void *user)
{
	rank_opts *o = user;
	int r = rg_cli_netopt("rank", name, arg, &o->net);
	if (r >= 0)
		return r;
	if (strcmp(name, "top") == 0) {
		return rg_cli_size("rank", name, arg, &o->top);
	} else if (strcmp(name, "by-period") == 0) {
		return rg_cli_period_parse("rank", arg, &o->period);
	} else if (strcmp(name, "by") == 0) {
		if ((o->by = rg_metric_parse(arg)) < 0)
			return rg_cli_usage_error("rank", "unknown --by '%s'", arg);
	} else if (strcmp(name, "format") == 0) {
		if (strcmp(arg, "table") && strcmp(arg, "tsv") && strcmp(arg, "csv") &&
		    strcmp(arg, "json"))
			return rg_cli_usage_error("rank", "unknown --format '%s'", arg);
		o->format = arg;
	}
	return 0;
}

/* Display width of a UTF-8 string in terminal columns (ICU east-asian width). */
static int display_width(const char *s)
{
	int w = 0;
	int32_t i = 0, n = (int32_t)strlen(s);
	while (i < n) {
		UChar32 c;
		U8_NEXT((const uint8_t *)s, i, n, c);
		if (c < 0) {
			w++;
			continue;
		}
		int8_t t = u_charType(c);
		if (t == U_NON_SPACING_MARK || t == U_ENCLOSING_MARK || t == U_FORMAT_CHAR)
			continue;
		int ea = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
		w += (ea == U_EA_WIDE || ea == U_EA_FULLWIDTH) ? 2 : 1;
	}
	return w;
}

static void csv_field(const char *s, int last)
{
	if (strpbrk(s, ",\"\r\n")) {
		putchar('"');
		for (; *s; s++) {
			if (*s == '"')
				putchar('"');
			putchar(*s);
		}
		putchar('"');
	} else {
		fputs(s, stdout);
	}
	fputs(last ? "\r\n" : ",", stdout);
}

static void print_rows(const rg_network *net, const rg_metrics *m, const size_t *order,
		       size_t n, const char *format)
{
	static const char *const head[] = { "rank", "id", "name", "type" };
	int csv = strcmp(format, "csv") == 0, tsv = strcmp(format, "tsv") == 0;
	if (csv || tsv) {
		for (int i = 0; i < 4; i++)
			csv ? csv_field(head[i], 0) : (void)printf("%s\t", head[i]);
		for (int k = 0; k < RG_NMETRIC; k++)
			csv ? csv_field(rg_metric_name((rg_metric)k), 0)
			    : (void)printf("%s\t", rg_metric_name((rg_metric)k));
		csv ? csv_field("community", 1) : (void)printf("community\n");
		for (size_t r = 0; r < n; r++) {
			const rg_node *nd = &net->nodes[order[r]];
			char num[32];
			snprintf(num, sizeof num, "%zu", r + 1);
			if (csv) {
				csv_field(num, 0);
				csv_field(nd->id, 0);
				csv_field(nd->names[RG_LANG_EN], 0);
				csv_field(rg_type_name(nd->type), 0);
			} else {
				printf("%s\t%s\t%s\t%s\t", num, nd->id, nd->names[RG_LANG_EN],
				       rg_type_name(nd->type));
			}
			for (int k = 0; k < RG_NMETRIC; k++) {
				snprintf(num, sizeof num, "%.6g", m->value[k][order[r]]);
				csv ? csv_field(num, 0) : (void)printf("%s\t", num);
			}
			snprintf(num, sizeof num, "%ld", m->community[order[r]]);
			csv ? csv_field(num, 1) : (void)printf("%s\n", num);
		}
		return;
	}
	int wname = 4;
	rg_sb tb = RG_SB_INIT;
	for (size_t r = 0; r < n; r++) {
		int w = display_width(rg_term_text(net->nodes[order[r]].names[RG_LANG_EN], &tb));
		if (w > wname)
			wname = w;
	}
	printf("%4s  %-*s  %-7s %6s %8s %11s %9s %11s %5s\n", "rank", wname, "actor", "type",
	       "degree", "strength", "betweenness", "pagerank", "eigenvector", "comm");
	for (size_t r = 0; r < n; r++) {
		size_t i = order[r];
		const char *name = rg_term_text(net->nodes[i].names[RG_LANG_EN], &tb);
		printf("%4zu  %s%*s  %-7s %6.0f %8.6g %11.2f %9.4f %11.4f %5ld\n", r + 1, name,
		       wname - display_width(name), "", rg_type_name(net->nodes[i].type),
		       m->value[RG_METRIC_DEGREE][i], m->value[RG_METRIC_STRENGTH][i],
		       m->value[RG_METRIC_BETWEENNESS][i], m->value[RG_METRIC_PAGERANK][i],
		       m->value[RG_METRIC_EIGENVECTOR][i], m->community[i]);
	}
	rg_sb_release(&tb);
}

static int print_json(const rg_network *net, const rg_metrics *m, const size_t *order,
		      size_t n, const rg_reader_stats *st, int by)
{
	json_t *o = json_object(), *rows = json_array(), *inputs = json_object();
	json_t *sk = json_object();
	for (int i = 0; i < RG_NSKIP; i++)
		json_object_set_new(sk, rg_skip_name(i), json_integer(st->skipped[i]));
	json_object_set_new(inputs, "processed", json_integer(st->docs));
	json_object_set_new(inputs, "skipped", sk);
	json_object_set_new(o, "inputs", inputs);
	json_object_set_new(o, "by", json_string(rg_metric_name((rg_metric)by)));
	json_object_set_new(o, "nodes", json_integer((json_int_t)net->n_nodes));
	json_object_set_new(o, "edges", json_integer((json_int_t)net->n_edges));
	/* 0: betweenness and closeness exact; else estimated from this many sources */
	json_object_set_new(o, "sampled_sources", json_integer(m->sampled_sources));
	for (size_t r = 0; r < n; r++) {
		size_t i = order[r];
		json_t *row = json_pack("{s:I, s:s, s:s, s:s, s:I, s:I}", "rank", (json_int_t)r + 1,
					"id", net->nodes[i].id, "name", net->nodes[i].names[RG_LANG_EN],
					"type", rg_type_name(net->nodes[i].type),
					"mentions", (json_int_t)net->nodes[i].mentions,
					"docs", (json_int_t)net->nodes[i].docs);
		for (int k = 0; k < RG_NMETRIC; k++)
			json_object_set_new(row, rg_metric_name((rg_metric)k),
					    json_real(m->value[k][i]));
		json_object_set_new(row, "community", json_integer(m->community[i]));
		json_array_append_new(rows, row);
	}
	json_object_set_new(o, "ranking", rows);
	int rc = json_dumpf(o, stdout, JSON_INDENT(1)) == 0 && putchar('\n') != EOF ? 0 : -1;
	json_decref(o);
	return rc;
}

/* --by-period: every period's own graph, ranked, with rank changes. */
static int rank_by_period(rg_ctx *ctx, const rank_opts *ro, int argc, char **argv,
			  int first)
{
	rg_cli_slices sl;
	rg_reader_stats st;
	int status = rg_cli_slices_build(ctx, "rank", argc, argv, first, &ro->net, ro->period,
					 &sl, &st);
	if (!status) {
		if (rg_cli_rank_periods(&sl, ro->by, ro->top, ro->format)) {
			fprintf(stderr, "relgraph: error: %s\n", rg_err_str(RG_ENOMEM));
			status = EXIT_INPUT;
		} else if (!(status = rg_cli_flush())) {
			status = rg_cli_finish(ctx, &st);
		}
	}
	rg_cli_slices_release(&sl);
	return status;
}

int cmd_rank(int argc, char **argv)
{
	rg_ctx ctx;
	rank_opts ro = { .top = 20, .by = RG_METRIC_STRENGTH, .format = "table", .period = -1 };
	int first, status = EXIT_INPUT;
	rg_network net;
	rg_metrics m;
	rg_reader_stats st;
	size_t *order = NULL;
	rg_ctx_init(&ctx);
	rg_netopts_init(&ro.net);
	rg_network_init(&net);
	rg_metrics_init(&m);
	int p = rg_cli_parse(&rg_cmd_rank, argc, argv, &ctx, handle, &ro, &first);
	if (p)
		return p == 1 ? rg_cli_flush() : p;
	if (ro.period >= 0)
		return rank_by_period(&ctx, &ro, argc, argv, first);
	if ((status = rg_cli_network(&ctx, "rank", argc, argv, first, &ro.net, &net, &m, &st)))
		goto out;
	status = EXIT_INPUT;
	if (m.sampled_sources && !ctx.quiet)
		fprintf(stderr, "relgraph: note: betweenness and closeness estimated from %ld "
			"sampled source actors of %zu (graph above %.0f nodes x edges)\n",
			m.sampled_sources, net.n_nodes, RG_METRICS_EXACT_WORK);
	order = malloc((net.n_nodes + 1) * sizeof *order);
	if (!order || rg_metrics_order(&net, &m, (rg_metric)ro.by, order))
		goto out;
	size_t n = ro.top && ro.top < net.n_nodes ? ro.top : net.n_nodes;
	if (strcmp(ro.format, "json") == 0) {
		if (print_json(&net, &m, order, n, &st, ro.by))
			goto out;
	} else {
		print_rows(&net, &m, order, n, ro.format);
	}
	status = rg_cli_flush();
	if (!status)
		status = rg_cli_finish(&ctx, &st);
out:
	free(order);
	rg_metrics_release(&m);
	rg_network_release(&net);
	return status;
}
