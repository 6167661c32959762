/*
 * cmd_formats.c - `relgraph formats`: reads the corpus once into both the
 * co-mention graph (rg_cooc) and the formats accumulator (formatstats.c),
 * computes the graph's centralities, picks the formats to show (all that
 * were found, or those named with --compare) and hands them to
 * cmd_formats_print.c.  Also runs `relgraph render --formats`.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cmd_formats.h"

static const rg_opt opts[] = {
	{ "format", 'f', "FMT", "table (default), tsv, json or md" },
	{ "compare", 'c', "FORMAT", "compare these formats side by side: AZE-TUR-IRN, "
				    "3+3, caspian-five... (repeatable; more may follow "
				    "as operands before the paths)" },
	{ "period", 'p', "P", "activity per month, quarter (default) or year" },
	{ "window", 'w', "WIN", "co-mention window: sentence (default), paragraph, "
				"document or tokens:K" },
	RG_COMMON_OPTS,
	{ NULL, 0, NULL, NULL }
};

const rg_command rg_cmd_formats = {
	"formats", cmd_formats,
	"list the multilateral formats of the corpus and compare them side by side",
	"[--format table|tsv|json|md] [--compare FORMAT [FORMAT...]] PATH...", opts
};

#define MAX_COMPARE 16

typedef struct {
	const char *format;
	const char *compare[MAX_COMPARE];
	size_t n_compare;
	int period;
	rg_window window;
	const char *window_name; /* NULL: not given (sentence, or the table's) */
	char table_window[32];   /* the window of edge tables read */
	int period_given;        /* --period was given */
} formats_opts;

static int handle(const char *name, const char *arg, void *user)
{
	formats_opts *o = user;
	if (strcmp(name, "format") == 0) {
		if (strcmp(arg, "table") && strcmp(arg, "tsv") && strcmp(arg, "json") &&
		    strcmp(arg, "md"))
			return rg_cli_usage_error("formats", "unknown --format '%s' "
						  "(table, tsv, json, md)", arg);
		o->format = arg;
	} else if (strcmp(name, "compare") == 0) {
		if (o->n_compare == MAX_COMPARE)
			return rg_cli_usage_error("formats", "at most %d formats to compare",
						  MAX_COMPARE);
		o->compare[o->n_compare++] = arg;
	} else if (strcmp(name, "period") == 0) {
		o->period_given = 1;
		if ((o->period = rg_period_parse(arg)) < 0)
			return rg_cli_usage_error("formats", "unknown --period '%s' "
						  "(month, quarter, year)", arg);
	} else if (strcmp(name, "window") == 0) {
		if (rg_window_parse(arg, &o->window))
			return rg_cli_usage_error("formats", "unknown --window '%s'", arg);
		o->window_name = arg;
	}
	return 0;
}

/* ---- reading the corpus -------------------------------------------------- */

typedef struct {
	rg_cooc *c;
	rg_formatstats *fs;
} sinks;

static rg_err add_doc(void *user, const rg_doc *doc, const rg_analysis *an)
{
	sinks *s = user;
	rg_err rc = rg_cooc_add(s->c, doc, an);
	return rc ? rc : rg_formatstats_add(s->fs, doc, an);
}

/* Gives the table's nodes their lexicon indices (format ties look them up). */
static void link_nodes(const rg_lexicon *lex, rg_network *net)
{
	for (size_t i = 0; i < net->n_nodes; i++) {
		long a = rg_lexicon_find(lex, net->nodes[i].id);
		net->nodes[i].actor = a < 0 ? RG_NO_ACTOR : (size_t)a;
	}
}

/* The network and formats of edge tables argv[first..]; prints errors. */
static int read_tables(rg_ctx *ctx, const rg_lexicon *lex, int argc, char **argv, int first,
		       formats_opts *o, rg_network *net, rg_formatstats **fs,
		       rg_reader_stats *st)
{
	rg_edgeset *s = NULL;
	rg_slice_filter f;
	long unknown = 0;
	rg_err rc = RG_OK;
	int status = rg_cli_read_tables(ctx, argc, argv, first, &s);
	if (status)
		return status;
	status = EXIT_INPUT;
	rg_window w = rg_edgeset_window(s);
	rg_window_name(w, o->table_window, sizeof o->table_window);
	if (o->window_name && strcmp(o->window_name, o->table_window)) {
		fprintf(stderr, "relgraph: error: formats: the edge tables were counted with "
			"--window %s, not %s\n", o->table_window, o->window_name);
		goto out;
	}
	o->window_name = o->table_window;
	rg_slice_filter_init(&f);
	f.period = o->period;
	if (!o->period_given && rg_edgeset_slicing(s) == RG_SLICE_YEAR)
		f.period = o->period = RG_PERIOD_YEAR; /* the finest the table holds */
	if (rg_cli_table_filter("formats", s, &f))
		goto out;
	if ((rc = rg_formatstats_new(fs, lex, (rg_period)o->period)) ||
	    (rc = rg_edgeset_network(s, NULL, net)) ||
	    (rc = rg_edgeset_formats(s, NULL, lex, *fs, &unknown)))
		goto out;
	link_nodes(lex, net);
	if (unknown && !ctx->quiet)
		fprintf(stderr, "relgraph: warning: %ld format row%s of the tables name "
			"countries this dictionary lacks; left out\n", unknown,
			unknown == 1 ? "" : "s");
	memset(st, 0, sizeof *st);
	st->docs = rg_edgeset_doc_count(s);
	status = 0;
out:
	if (rc)
		fprintf(stderr, "relgraph: error: %s\n", rg_err_str(rc));
	rg_edgeset_free(s);
	return status;
}

/*
 * Reads argv[first..] (articles, or edge tables) into the co-mention
 * network and the formats (*fs, made here); prints errors.
 */
static int read_corpus(rg_ctx *ctx, const rg_lexicon *lex, int argc, char **argv,
		       int first, formats_opts *o, rg_network *net, rg_formatstats **fs,
		       rg_reader_stats *st)
{
	rg_reader *r = NULL;
	rg_cooc *c = NULL;
	rg_err rc;
	if (rg_cli_all_tables(argc, argv, first))
		return read_tables(ctx, lex, argc, argv, first, o, net, fs, st);
	for (int i = first; i < argc; i++)
		if (rg_edgetable_sniff(argv[i])) {
			fprintf(stderr, "relgraph: error: '%s' is an edge table: give only edge "
				"tables, or only articles\n", argv[i]);
			return EXIT_INPUT;
		}
	if ((rc = rg_formatstats_new(fs, lex, (rg_period)o->period)) ||
	    (rc = rg_cooc_new(&c, lex, o->window, 0)) ||
	    (rc = rg_cli_reader(ctx, argc, argv, first, &r)))
		goto out;
	rg_cli_cooc_limits(ctx, c);
	sinks s = { c, *fs };
	if ((rc = rg_cli_pipeline(ctx, lex, r, add_doc, &s)) || (rc = rg_cooc_network(c, net)))
		goto out;
	*st = *rg_reader_get_stats(r);
	if (!o->window_name)
		o->window_name = "sentence";
out:
	if (rc)
		fprintf(stderr, "relgraph: error: %s\n", rg_err_str(rc));
	rg_reader_free(r);
	rg_cooc_free(c);
	return rc ? EXIT_INPUT : 0;
}

/* ---- choosing the formats ------------------------------------------------ */

/*
 * With --compare, operands before the paths that are no file and read as a
 * format ("AZE-GEO-TUR") are more formats to compare: the issue's own
 * syntax `--compare "AZE-TUR-IRN" "AZE-GEO-TUR" PATH`.
 */
static int take_spec_operands(const rg_lexicon *lex, formats_opts *o, int argc,
			      char **argv, int *first)
{
	struct stat sb;
	size_t m[64], n;
	while (o->n_compare && *first < argc && o->n_compare < MAX_COMPARE &&
	       strcmp(argv[*first], "-") != 0 && stat(argv[*first], &sb) != 0 &&
	       rg_format_spec_parse(lex, argv[*first], m, 64, &n) == RG_OK)
		o->compare[o->n_compare++] = argv[(*first)++];
	return 0;
}

/* Adds the --compare formats to fs and lists their indices in sel. */
static int select_compared(const rg_lexicon *lex, rg_formatstats *fs,
			   const formats_opts *o, size_t *sel, size_t *n_sel)
{
	size_t m[MAX_COMPARE][64], n[MAX_COMPARE];
	for (size_t i = 0; i < o->n_compare; i++) {
		rg_err rc = rg_format_spec_parse(lex, o->compare[i], m[i], 64, &n[i]);
		if (rc == RG_ENOMEM)
			return -1;
		if (rc) {
			rg_cli_usage_error("formats", "'%s' is not a format: write three or "
					   "more country ids joined by '-' (AZE-TUR-IRN) or a "
					   "format's name (3+3, caspian-five)", o->compare[i]);
			return EXIT_USAGE;
		}
		if (rg_formatstats_ensure(fs, m[i], n[i]))
			return -1;
	}
	*n_sel = 0;
	for (size_t i = 0; i < o->n_compare; i++) {
		long at = rg_formatstats_find(fs, m[i], n[i]);
		size_t k;
		for (k = 0; k < *n_sel && sel[k] != (size_t)at; k++)
			;
		if (at >= 0 && k == *n_sel)
			sel[(*n_sel)++] = (size_t)at;
	}
	return 0;
}

int cmd_formats(int argc, char **argv)
{
	rg_ctx ctx;
	formats_opts fo = { "table", { NULL }, 0, RG_PERIOD_QUARTER,
			    { RG_WINDOW_SENTENCE, 0 }, NULL, "", 0 };
	int first, status = EXIT_INPUT;
	rg_lexicon *lex = NULL;
	rg_formatstats *fs = NULL;
	rg_network net;
	rg_metrics m;
	rg_reader_stats st;
	size_t *sel = NULL, n_sel = 0;
	rg_ctx_init(&ctx);
	rg_network_init(&net);
	rg_metrics_init(&m);
	int p = rg_cli_parse(&rg_cmd_formats, argc, argv, &ctx, handle, &fo, &first);
	if (p)
		return p == 1 ? rg_cli_flush() : p;
	rg_err rc;
	if (rg_cli_lexicon(&ctx, &lex))
		goto out;
	take_spec_operands(lex, &fo, argc, argv, &first);
	if (read_corpus(&ctx, lex, argc, argv, first, &fo, &net, &fs, &st))
		goto out;
	if ((rc = rg_metrics_compute(&net, &m))) {
		fprintf(stderr, "relgraph: error: building the graph: %s\n", rg_err_str(rc));
		goto out;
	}
	if (!(sel = malloc((rg_formatstats_count(fs) + MAX_COMPARE + 1) * sizeof *sel)))
		goto out;
	if (fo.n_compare) {
		int r = select_compared(lex, fs, &fo, sel, &n_sel);
		if (r) {
			status = r < 0 ? EXIT_INPUT : r;
			goto out;
		}
	} else {
		for (size_t i = 0; i < rg_formatstats_count(fs); i++)
			if (rg_formatstats_get(fs, i)->mentions)
				sel[n_sel++] = i;
	}
	fm_report rep = { lex, fs, &net, &m, &st, sel, n_sel, (rg_period)fo.period,
			  fo.window_name, fo.n_compare > 0 };
	if (fm_print(&rep, fo.format)) {
		fprintf(stderr, "relgraph: error: %s\n", rg_err_str(RG_ENOMEM));
		goto out;
	}
	status = rg_cli_flush();
	if (!status)
		status = rg_cli_finish(&ctx, &st);
out:
	free(sel);
	rg_metrics_release(&m);
	rg_network_release(&net);
	rg_formatstats_free(fs);
	rg_lexicon_free(lex);
	return status;
}

int cmd_formats_render(rg_ctx *ctx, int argc, char **argv, int first,
		       const rg_render_opts *ro, const char *output, size_t top)
{
	rg_render_opts fo = *ro;
	int status = EXIT_INPUT;
	rg_lexicon *lex = NULL;
	rg_formatstats *fs = NULL;
	rg_network net;
	rg_reader_stats st;
	char err[512] = "";
	formats_opts o = { "table", { NULL }, 0, RG_PERIOD_QUARTER, { RG_WINDOW_SENTENCE, 0 },
			   NULL, "", 0 };
	rg_err rc;
	rg_network_init(&net);
	if (rg_cli_lexicon(ctx, &lex) ||
	    read_corpus(ctx, lex, argc, argv, first, &o, &net, &fs, &st))
		goto out;
	fo.top = top;
	if ((rc = rg_render_formats(fs, lex, &fo, output, err, sizeof err))) {
		fprintf(stderr, "relgraph: error: cannot render '%s': %s\n", output,
			err[0] ? err : rg_err_str(rc));
		status = rc == RG_EINPUT ? EXIT_USAGE : EXIT_INPUT;
		goto out;
	}
	if (!ctx->quiet) {
		size_t n = 0;
		for (size_t i = 0; i < rg_formatstats_count(fs); i++)
			n += rg_formatstats_get(fs, i)->mentions > 0;
		if (top && n > top)
			fprintf(stderr, "relgraph: wrote '%s' (the %zu most-mentioned of %zu "
				"formats; --top 0 draws all)\n", output, top, n);
		else
			fprintf(stderr, "relgraph: wrote '%s' (%zu formats)\n", output, n);
	}
	status = rg_cli_finish(ctx, &st);
out:
	rg_network_release(&net);
	rg_formatstats_free(fs);
	rg_lexicon_free(lex);
	return status;
}
