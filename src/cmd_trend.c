/*
 * cmd_trend.c - `relgraph trend ID... PATH...`: each actor's centralities
 * and rank period by period (month, quarter or year; each period's own
 * graph), as a table, TSV or JSON, so the series can be plotted.  Periods
 * where an actor is not named show rank "-" and zeros.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <jansson.h>

#include "cli_net.h"

static const rg_opt opts[] = {
	{ "period", 'p', "P", "month (default), quarter or year" },
	{ "by", 'b', "METRIC", "the metric the rank column ranks by (default strength)" },
	{ "format", 'f', "FMT", "table (default), tsv or json" },
	RG_NET_OPTS,
	RG_COMMON_OPTS,
	{ NULL, 0, NULL, NULL }
};

const rg_command rg_cmd_trend = {
	"trend", cmd_trend, "an actor's centrality period by period (to plot it)",
	"[OPTIONS] ID... PATH...  (the leading operands that name no file are actor ids)",
	opts
};

typedef struct {
	rg_netopts net;
	int period, by;
	const char *format;
} trend_opts;

static int handle(const char *name, const char *arg, void *user)
{
	trend_opts *o = user;
	int r = rg_cli_netopt("trend", name, arg, &o->net);
	if (r >= 0)
		return r;
	if (strcmp(name, "period") == 0)
		return rg_cli_period_parse("trend", arg, &o->period);
	if (strcmp(name, "by") == 0) {
		if ((o->by = rg_metric_parse(arg)) < 0)
			return rg_cli_usage_error("trend", "unknown --by '%s'", arg);
	} else if (strcmp(name, "format") == 0) {
		if (strcmp(arg, "table") && strcmp(arg, "tsv") && strcmp(arg, "json"))
			return rg_cli_usage_error("trend", "unknown --format '%s' (table, tsv, "
						  "json)", arg);
		o->format = arg;
	}
	return 0;
}

/* The metrics printed, in order. */
static const rg_metric shown[] = {
	RG_METRIC_DEGREE, RG_METRIC_STRENGTH, RG_METRIC_BETWEENNESS, RG_METRIC_CLOSENESS,
	RG_METRIC_PAGERANK, RG_METRIC_EIGENVECTOR
};
#define N_SHOWN (sizeof shown / sizeof *shown)

static int print_trend(const rg_cli_slices *sl, char **ids, int n_ids, const trend_opts *o)
{
	int json = strcmp(o->format, "json") == 0, tsv = strcmp(o->format, "tsv") == 0;
	json_t *root = json ? json_object() : NULL, *actors = json ? json_array() : NULL;
	size_t **ranks = calloc(sl->n + 1, sizeof *ranks);
	int rc = -1;

	if (!ranks || (json && (!root || !actors)))
		goto out;
	for (size_t p = 0; p < sl->n; p++)
		if (rg_cli_rank_of(&sl->nets[p], &sl->metrics[p], o->by, &ranks[p]))
			goto out;
	if (tsv) {
		printf("period\tid\tdocuments\trank");
		for (size_t k = 0; k < N_SHOWN; k++)
			printf("\t%s", rg_metric_name(shown[k]));
		putchar('\n');
	} else if (!json) {
		printf("%-8s  %-14s %4s %6s %8s %11s %9s %9s %11s\n", "period", "actor", "rank",
		       "degree", "strength", "betweenness", "closeness", "pagerank", "eigenvector");
	}
	for (int a = 0; a < n_ids; a++) {
		json_t *series = json ? json_array() : NULL;
		for (size_t p = 0; p < sl->n; p++) {
			long i = rg_cli_find_node(&sl->nets[p], ids[a]);
			double v[N_SHOWN];
			for (size_t k = 0; k < N_SHOWN; k++)
				v[k] = i < 0 ? 0 : sl->metrics[p].value[shown[k]][i];
			if (json) {
				json_t *row = json_pack("{s:s, s:I, s:o}", "period", sl->keys[p],
							"documents", (json_int_t)sl->nets[p].n_docs,
							"rank", i < 0 ? json_null()
							: json_integer((json_int_t)ranks[p][i]));
				for (size_t k = 0; row && k < N_SHOWN; k++)
					json_object_set_new(row, rg_metric_name(shown[k]),
							    json_real(v[k]));
				json_array_append_new(series, row);
				continue;
			}
			char rk[24];
			snprintf(rk, sizeof rk, i < 0 ? "-" : "%zu", i < 0 ? 0 : ranks[p][i]);
			if (tsv) {
				printf("%s\t%s\t%ld\t%s", sl->keys[p], ids[a], sl->nets[p].n_docs, rk);
				for (size_t k = 0; k < N_SHOWN; k++)
					printf("\t%.6g", v[k]);
				putchar('\n');
			} else {
				printf("%-8s  %-14s %4s %6.0f %8.4g %11.2f %9.4g %9.4f %11.4f\n",
				       sl->keys[p], ids[a], rk, v[0], v[1], v[2], v[3], v[4], v[5]);
			}
		}
		if (json)
			json_array_append_new(actors, json_pack("{s:s, s:o}", "id", ids[a],
								"series", series));
	}
	if (json) {
		static const char *const pn[] = { "month", "quarter", "year" };
		json_object_set_new(root, "period", json_string(pn[o->period]));
		json_object_set_new(root, "by", json_string(rg_metric_name((rg_metric)o->by)));
		json_object_set(root, "actors", actors);
		if (json_dumpf(root, stdout, JSON_INDENT(1)) || putchar('\n') == EOF)
			goto out;
	}
	rc = 0;
out:
	for (size_t p = 0; ranks && p < sl->n; p++)
		free(ranks[p]);
	free(ranks);
	json_decref(root);
	json_decref(actors);
	return rc;
}

int cmd_trend(int argc, char **argv)
{
	rg_ctx ctx;
	trend_opts to = { .period = RG_PERIOD_MONTH, .by = RG_METRIC_STRENGTH, .format = "table" };
	rg_cli_slices sl;
	rg_reader_stats st;
	int first, paths, status;
	struct stat sb;

	rg_ctx_init(&ctx);
	rg_netopts_init(&to.net);
	memset(&sl, 0, sizeof sl);
	int p = rg_cli_parse(&rg_cmd_trend, argc, argv, &ctx, handle, &to, &first);
	if (p)
		return p == 1 ? rg_cli_flush() : p;
	for (paths = first; paths < argc && strcmp(argv[paths], "-") &&
			    stat(argv[paths], &sb) != 0; paths++)
		;
	if (paths == first)
		return rg_cli_usage_error("trend", "name at least one actor id before the paths");
	status = rg_cli_slices_build(&ctx, "trend", argc, argv, paths, &to.net, to.period, &sl,
				     &st);
	if (!status) {
		for (int i = first; i < paths; i++) {
			int found = 0;
			for (size_t q = 0; q < sl.n && !found; q++)
				found = rg_cli_find_node(&sl.nets[q], argv[i]) >= 0;
			if (!found && !ctx.quiet)
				fprintf(stderr, "relgraph: warning: '%s' is named in no dated "
					"document (ids are case-sensitive: AZE, ilham-aliyev)\n",
					argv[i]);
		}
		if (print_trend(&sl, argv + first, paths - first, &to)) {
			fprintf(stderr, "relgraph: error: %s\n", rg_err_str(RG_ENOMEM));
			status = EXIT_INPUT;
		} else if (!(status = rg_cli_flush())) {
			status = rg_cli_finish(&ctx, &st);
		}
	}
	rg_cli_slices_release(&sl);
	return status;
}
