/*
 * cli_net.c - builds the network rank and graph analyse: from articles
 * (reader -> analysis -> co-mentions, with the --since/--until/--lang
 * document filters) or from partial edge tables summed, then weighted and
 * filtered as the network options ask, then measured with igraph.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>

#include "cli_net.h"
#include "util.h"

void rg_netopts_init(rg_netopts *o)
{
	memset(o, 0, sizeof *o);
	o->window.kind = RG_WINDOW_SENTENCE;
	o->weight = RG_WEIGHT_COUNT;
	o->depth = 1;
	o->lang = RG_LANG_NONE;
}

static int parse_real(const char *cmd, const char *name, const char *arg, double *out)
{
	char *end;
	errno = 0;
	double v = strtod(arg, &end);
	if (errno || end == arg || *end || !(v >= 0))
		return rg_cli_usage_error(cmd, "--%s wants a non-negative number, not '%s'",
					  name, arg);
	*out = v;
	return 0;
}

/* YYYY, YYYY-MM or YYYY-MM-DD. */
static int date_ok(const char *s)
{
	size_t n = strlen(s);
	if (n != 4 && n != 7 && n != 10)
		return 0;
	for (size_t i = 0; i < n; i++)
		if ((i == 4 || i == 7) ? s[i] != '-' : (s[i] < '0' || s[i] > '9'))
			return 0;
	return 1;
}

int rg_cli_netopt(const char *cmd, const char *name, const char *arg, rg_netopts *o)
{
	if (strcmp(name, "window") == 0) {
		if (rg_window_parse(arg, &o->window))
			return rg_cli_usage_error(cmd, "unknown --window '%s'", arg);
		o->window_set = 1;
	} else if (strcmp(name, "weight") == 0) {
		if ((o->weight = rg_weight_parse(arg)) < 0)
			return rg_cli_usage_error(cmd, "unknown --weight '%s' (count, docs, "
						  "assoc, pmi, jaccard)", arg);
	} else if (strcmp(name, "types") == 0) {
		if (!(o->types = rg_cli_types(arg)))
			return rg_cli_usage_error(cmd, "unknown type in --types '%s'", arg);
	} else if (strcmp(name, "min-weight") == 0) {
		return parse_real(cmd, name, arg, &o->min_weight);
	} else if (strcmp(name, "backbone") == 0) {
		if (parse_real(cmd, name, arg, &o->backbone))
			return EXIT_USAGE;
		if (!(o->backbone > 0 && o->backbone <= 1))
			return rg_cli_usage_error(cmd, "--backbone wants ALPHA in (0, 1], "
						  "e.g. 0.05");
	} else if (strcmp(name, "focus") == 0) {
		o->focus = arg;
	} else if (strcmp(name, "depth") == 0) {
		size_t d;
		if (rg_cli_size(cmd, name, arg, &d))
			return EXIT_USAGE;
		if (d < 1 || d > 100)
			return rg_cli_usage_error(cmd, "--depth is 1 to 100");
		o->depth = (unsigned)d;
	} else if (strcmp(name, "since") == 0 || strcmp(name, "until") == 0) {
		if (!date_ok(arg))
			return rg_cli_usage_error(cmd, "--%s wants YYYY, YYYY-MM or YYYY-MM-DD, "
						  "not '%s'", name, arg);
		*(name[0] == 's' ? &o->since : &o->until) = arg;
	} else if (strcmp(name, "lang") == 0) {
		if ((o->lang = rg_lang_parse(arg)) < 0)
			return rg_cli_usage_error(cmd, "unknown --lang '%s'", arg);
	} else {
		return -1;
	}
	return 0;
}

/* What the pipeline callback needs: the accumulator and the filters. */
typedef struct {
	rg_cooc *c;
	const rg_netopts *o;
	long filtered;
} corpus_run;

/* Whether a document dated `date` ("" = undated) passes --since/--until. */
static int in_span(const rg_netopts *o, const char *date)
{
	return rg_date_in_span(date, o->since, o->until);
}

static rg_err add_doc(void *v, const rg_doc *doc, const rg_analysis *an)
{
	corpus_run *run = v;
	if (!in_span(run->o, an->date) || (run->o->lang >= 0 && an->lang != run->o->lang)) {
		run->filtered++;
		return RG_OK;
	}
	return rg_cooc_add(run->c, doc, an);
}

int rg_cli_all_tables(int argc, char **argv, int first)
{
	if (first >= argc)
		return 0;
	for (int i = first; i < argc; i++)
		if (!rg_edgetable_sniff(argv[i]))
			return 0;
	return 1;
}

void rg_cli_slice_filter(const rg_netopts *o, rg_slice_filter *f)
{
	rg_slice_filter_init(f);
	f->since = o->since;
	f->until = o->until;
	f->lang = o->lang;
	f->types = o->types;
}

int rg_cli_read_tables(rg_ctx *ctx, int argc, char **argv, int first, rg_edgeset **s)
{
	rg_diag d = rg_cli_diag(ctx);
	*s = NULL;
	for (int i = first; i < argc; i++) {
		rg_err rc = rg_edgeset_read(s, argv[i], &d);
		if (rc) {
			if (rc == RG_ENOMEM)
				fprintf(stderr, "relgraph: error: %s\n", rg_err_str(rc));
			rg_edgeset_free(*s);
			*s = NULL;
			return EXIT_INPUT;
		}
	}
	return 0;
}

int rg_cli_table_filter(const char *cmd, const rg_edgeset *s, const rg_slice_filter *f)
{
	const char *why = rg_edgeset_check(s, f);
	if (!why)
		return 0;
	fprintf(stderr, "relgraph: error: %s: %s\n", cmd, why);
	return EXIT_INPUT;
}

/* EXIT_INPUT after a message when --window asks for another window than s's. */
static int table_window(const char *cmd, const rg_netopts *o, const rg_edgeset *s)
{
	rg_window w = rg_edgeset_window(s);
	char name[32];
	if (!o->window_set || (o->window.kind == w.kind &&
			       (w.kind != RG_WINDOW_TOKENS || o->window.tokens == w.tokens)))
		return 0;
	rg_window_name(w, name, sizeof name);
	fprintf(stderr, "relgraph: error: %s: the edge tables were counted with --window %s\n",
		cmd, name);
	return EXIT_INPUT;
}

static int from_tables(rg_ctx *ctx, int argc, char **argv, int first, const rg_netopts *o,
		       rg_window *w, rg_network *net, rg_reader_stats *st)
{
	rg_edgeset *s = NULL;
	rg_slice_filter f;
	int status = rg_cli_read_tables(ctx, argc, argv, first, &s);
	rg_err rc;

	if (status)
		return status;
	rg_cli_slice_filter(o, &f);
	status = EXIT_INPUT;
	if (table_window("edge tables", o, s) || rg_cli_table_filter("edge tables", s, &f))
		goto out;
	if ((rc = rg_edgeset_network(s, &f, net))) {
		fprintf(stderr, "relgraph: error: %s\n", rg_err_str(rc));
		goto out;
	}
	*w = rg_edgeset_window(s);
	memset(st, 0, sizeof *st);
	st->docs = net->n_docs;
	status = 0;
out:
	rg_edgeset_free(s);
	return status;
}

/* What the map step's workers share: one partial set per worker. */
typedef struct {
	rg_edgeset **sets;   /* [jobs] */
	long *filtered;      /* [jobs] documents outside --since/--until/--lang */
	int jobs;
	const rg_lexicon *lex;
	const rg_netopts *o;
	int slicing;
	size_t max_win;
	FILE *spill;         /* where a full set is written, or NULL */
	size_t spill_bytes;  /* per worker */
	long spills;
	pthread_mutex_t spill_mu;
} map_run;

/* On worker w: counts the document into the worker's own set, so the sum
 * runs on every core; a set past its share of the budget is spilled. */
static rg_err map_doc(void *v, int w, const rg_doc *doc, const rg_analysis *an,
		      const rg_diag *diag)
{
	map_run *run = v;
	rg_err rc;
	if (!in_span(run->o, an->date) || (run->o->lang >= 0 && an->lang != run->o->lang)) {
		run->filtered[w]++;
		return RG_OK;
	}
	if ((rc = rg_edgeset_add(run->sets[w], run->lex, doc, an, run->max_win, diag)))
		return rc;
	if (!run->spill || rg_edgeset_memory(run->sets[w]) <= run->spill_bytes)
		return RG_OK;
	/* the counts so far as one table, then a fresh set: tables in a stream sum */
	pthread_mutex_lock(&run->spill_mu);
	rc = rg_edgeset_write(run->sets[w], run->spill);
	run->spills++;
	pthread_mutex_unlock(&run->spill_mu);
	if (rc)
		return rc;
	rg_edgeset_free(run->sets[w]);
	run->sets[w] = NULL;
	return rg_edgeset_new(&run->sets[w], run->o->window, run->o->types,
			      (rg_slicing)run->slicing);
}

int rg_cli_edgeset_build(rg_ctx *ctx, int argc, char **argv, int first, const rg_netopts *o,
			 int slicing, FILE *spill, size_t spill_bytes, rg_edgeset **out,
			 rg_reader_stats *st)
{
	rg_lexicon *lex = NULL;
	rg_reader *r = NULL;
	map_run run = { NULL, NULL, rg_pipeline_jobs(ctx->jobs), NULL, o, slicing, ctx->max_win,
			spill, 0, 0, PTHREAD_MUTEX_INITIALIZER };
	int status = EXIT_INPUT;
	long filtered = 0;
	rg_err rc = RG_OK;

	*out = NULL;
	/* each worker's share, of which its counts may take 2/5: writing a
	   table sorts its rows by way of 32 more bytes per 20-byte row */
	run.spill_bytes = spill_bytes / (size_t)run.jobs / 5 * 2;
	if (rg_cli_lexicon(ctx, &lex))
		goto out;
	run.lex = lex;
	if (!(run.sets = calloc((size_t)run.jobs, sizeof *run.sets)) ||
	    !(run.filtered = calloc((size_t)run.jobs, sizeof *run.filtered))) {
		rc = RG_ENOMEM;
		goto out;
	}
	for (int w = 0; w < run.jobs; w++)
		if ((rc = rg_edgeset_new(&run.sets[w], o->window, o->types, (rg_slicing)slicing)))
			goto out;
	if ((rc = rg_cli_reader(ctx, argc, argv, first, &r)) ||
	    (rc = rg_cli_pipeline_work(ctx, lex, r, map_doc, NULL, &run)))
		goto out;
	/* the workers' sums into the first: sums do not depend on the split */
	for (int w = 0; w < run.jobs; w++) {
		filtered += run.filtered[w];
		if (w && (rc = rg_edgeset_merge(run.sets[0], run.sets[w])))
			goto out;
	}
	*st = *rg_reader_get_stats(r);
	if (filtered && !ctx->quiet)
		fprintf(stderr, "relgraph: %ld document%s outside --since/--until/--lang left "
			"out\n", filtered, filtered == 1 ? "" : "s");
	if (run.spills && !ctx->quiet)
		fprintf(stderr, "relgraph: the counts and their sort would have passed %zu MB "
			"%ld time%s: wrote %ld partial table%s before the last (merge sums "
			"them)\n", spill_bytes >> 20,
			run.spills, run.spills == 1 ? "" : "s", run.spills,
			run.spills == 1 ? "" : "s");
	*out = run.sets[0];
	run.sets[0] = NULL;
	status = 0;
out:
	if (rc)
		fprintf(stderr, "relgraph: error: %s\n", rg_err_str(rc));
	for (int w = 0; run.sets && w < run.jobs; w++)
		rg_edgeset_free(run.sets[w]);
	free(run.sets);
	free(run.filtered);
	rg_reader_free(r);
	rg_lexicon_free(lex);
	return status;
}

int rg_cli_raw_network(rg_ctx *ctx, int argc, char **argv, int first,
		       const rg_netopts *o, rg_window *w, rg_network *net,
		       rg_reader_stats *st)
{
	rg_lexicon *lex = NULL;
	rg_reader *r = NULL;
	corpus_run run = { NULL, o, 0 };
	int status = EXIT_INPUT;
	rg_err rc = RG_OK;

	if (rg_cli_all_tables(argc, argv, first))
		return from_tables(ctx, argc, argv, first, o, w, net, st);
	*w = o->window;
	if (rg_cli_lexicon(ctx, &lex))
		goto out;
	if ((rc = rg_cooc_new(&run.c, lex, o->window, 0)) ||
	    (rc = rg_cli_reader(ctx, argc, argv, first, &r)))
		goto out;
	if (o->types)
		rg_cooc_set_types(run.c, o->types);
	rg_cli_cooc_limits(ctx, run.c);
	if ((rc = rg_cli_pipeline(ctx, lex, r, add_doc, &run)) ||
	    (rc = rg_cooc_network(run.c, net)))
		goto out;
	*st = *rg_reader_get_stats(r);
	if (run.filtered && !ctx->quiet)
		fprintf(stderr, "relgraph: %ld document%s outside --since/--until/--lang left "
			"out\n", run.filtered, run.filtered == 1 ? "" : "s");
	status = 0;
out:
	if (rc)
		fprintf(stderr, "relgraph: error: %s\n", rg_err_str(rc));
	rg_reader_free(r);
	rg_cooc_free(run.c);
	rg_lexicon_free(lex);
	return status;
}

int rg_cli_network(rg_ctx *ctx, const char *cmd, int argc, char **argv, int first,
		   const rg_netopts *o, rg_network *net, rg_metrics *m,
		   rg_reader_stats *st)
{
	rg_window w;
	int status = rg_cli_raw_network(ctx, argc, argv, first, o, &w, net, st);

	return status ? status : rg_cli_analyse(cmd, o, net, m, 0, ctx->jobs);
}

int rg_cli_analyse(const char *cmd, const rg_netopts *o, rg_network *net, rg_metrics *m,
		   int lenient, int jobs)
{
	rg_err rc;

	if ((rc = rg_network_weight(net, (rg_weight_scheme)o->weight))) {
		fprintf(stderr, "relgraph: error: --weight %s needs window counts this input "
				"lacks\n", rg_weight_name((rg_weight_scheme)o->weight));
		return EXIT_INPUT;
	}
	if (o->min_weight > 0 && (rc = rg_network_min_weight(net, o->min_weight)))
		goto fail;
	if (o->backbone > 0 && (rc = rg_network_backbone(net, o->backbone)))
		goto fail;
	if (o->focus && (rc = rg_network_ego(net, o->focus, o->depth))) {
		if (rc == RG_EINPUT && lenient) {
			rg_network_release(net); /* the actor is absent: nothing to rank */
		} else if (rc == RG_EINPUT) {
			fprintf(stderr, "relgraph: error: --focus '%s': no such actor in the "
					"graph\n", o->focus);
			return EXIT_INPUT;
		}
		goto fail;
	}
	if ((rc = rg_metrics_compute_jobs(net, m, 0, jobs)))
		goto fail;
	return 0;
fail:
	fprintf(stderr, "relgraph: error: %s: building the graph: %s\n", cmd, rg_err_str(rc));
	return EXIT_INPUT;
}

/* ---- time slices --------------------------------------------------------- */

int rg_cli_period_parse(const char *cmd, const char *arg, int *out)
{
	if ((*out = rg_period_parse(arg)) < 0)
		return rg_cli_usage_error(cmd, "unknown period '%s' (month, quarter, year)", arg);
	return 0;
}

typedef struct {
	const rg_lexicon *lex;
	const rg_netopts *o;
	int period;
	rg_cli_slices *sl;
	rg_cooc **coocs;
	size_t cap, cap_keys;
	long filtered, undated;
	rg_err rc;
} slice_run;

/* Each dated document goes to its period's accumulator (made on first use),
 * so memory is bounded by the graph times the number of periods. */
static rg_err add_sliced(void *v, const rg_doc *doc, const rg_analysis *an)
{
	slice_run *run = v;
	rg_cli_slices *sl = run->sl;
	char key[RG_PERIOD_KEY];
	size_t i;

	if (!in_span(run->o, an->date) || (run->o->lang >= 0 && an->lang != run->o->lang)) {
		run->filtered++;
		return RG_OK;
	}
	if (!an->date[0]) {
		run->undated++;
		return RG_OK;
	}
	rg_period_key(run->period, an->date, key);
	/* keys stay sorted (periods in time order): find key or its place */
	for (i = 0; i < sl->n && strcmp(sl->keys[i], key) < 0; i++)
		;
	if (i == sl->n || strcmp(sl->keys[i], key)) {
		if (rg_grow(&sl->keys, &run->cap_keys, sl->n + 1, sizeof *sl->keys) ||
		    rg_grow(&run->coocs, &run->cap, sl->n + 1, sizeof *run->coocs))
			return RG_ENOMEM;
		rg_cooc *c = NULL;
		rg_err rc = rg_cooc_new(&c, run->lex, run->o->window, 0);
		if (rc)
			return rc;
		if (run->o->types)
			rg_cooc_set_types(c, run->o->types);
		memmove(sl->keys + i + 1, sl->keys + i, (sl->n - i) * sizeof *sl->keys);
		memmove(run->coocs + i + 1, run->coocs + i, (sl->n - i) * sizeof *run->coocs);
		memcpy(sl->keys[i], key, RG_PERIOD_KEY);
		run->coocs[i] = c;
		sl->n++;
	}
	return rg_cooc_add(run->coocs[i], doc, an);
}

/* Allocates the networks and metrics of sl's n periods. */
static rg_err slices_alloc(rg_cli_slices *sl)
{
	if (!(sl->nets = calloc(sl->n + 1, sizeof *sl->nets)) ||
	    !(sl->metrics = calloc(sl->n + 1, sizeof *sl->metrics)))
		return RG_ENOMEM;
	for (size_t i = 0; i < sl->n; i++) {
		rg_network_init(&sl->nets[i]);
		rg_metrics_init(&sl->metrics[i]);
	}
	return RG_OK;
}

static void say_left_out(const rg_ctx *ctx, long filtered, long undated)
{
	if (!ctx->quiet && filtered)
		fprintf(stderr, "relgraph: %ld document%s outside --since/--until/--lang left "
			"out\n", filtered, filtered == 1 ? "" : "s");
	if (!ctx->quiet && undated)
		fprintf(stderr, "relgraph: %ld undated document%s left out of the periods\n",
			undated, undated == 1 ? "" : "s");
}

/* Time slices from edge tables: each period's network from its slices. */
static int slices_from_tables(rg_ctx *ctx, const char *cmd, int argc, char **argv,
			      int first, const rg_netopts *o, int period, rg_cli_slices *sl,
			      rg_reader_stats *st)
{
	rg_edgeset *s = NULL;
	rg_slice_filter f;
	long undated = 0;
	int status = rg_cli_read_tables(ctx, argc, argv, first, &s);
	rg_err rc = RG_OK;

	if (status)
		return status;
	status = EXIT_INPUT;
	rg_cli_slice_filter(o, &f);
	f.period = period;
	if (table_window(cmd, o, s) || rg_cli_table_filter(cmd, s, &f))
		goto out;
	if ((rc = rg_edgeset_periods(s, &f, period, &sl->keys, &sl->n, &undated)) ||
	    (rc = slices_alloc(sl)))
		goto out;
	for (size_t i = 0; i < sl->n; i++) {
		f.period_key = sl->keys[i];
		if ((rc = rg_edgeset_network(s, &f, &sl->nets[i])))
			goto out;
		if ((status = rg_cli_analyse(cmd, o, &sl->nets[i], &sl->metrics[i], 1, ctx->jobs)))
			goto out;
	}
	memset(st, 0, sizeof *st);
	st->docs = rg_edgeset_doc_count(s);
	say_left_out(ctx, 0, undated);
	status = 0;
out:
	if (rc)
		fprintf(stderr, "relgraph: error: %s\n", rg_err_str(rc));
	rg_edgeset_free(s);
	return status;
}

int rg_cli_slices_build(rg_ctx *ctx, const char *cmd, int argc, char **argv, int first,
			const rg_netopts *o, int period, rg_cli_slices *sl,
			rg_reader_stats *st)
{
	rg_lexicon *lex = NULL;
	rg_reader *r = NULL;
	slice_run run = { NULL, o, period, sl, NULL, 0, 0, 0, 0, RG_OK };
	int status = EXIT_INPUT;
	rg_err rc = RG_OK;

	memset(sl, 0, sizeof *sl);
	if (rg_cli_all_tables(argc, argv, first))
		return slices_from_tables(ctx, cmd, argc, argv, first, o, period, sl, st);
	if (rg_cli_lexicon(ctx, &lex))
		goto out;
	run.lex = lex;
	if ((rc = rg_cli_reader(ctx, argc, argv, first, &r)) ||
	    (rc = rg_cli_pipeline(ctx, lex, r, add_sliced, &run)))
		goto out;
	*st = *rg_reader_get_stats(r);
	if ((rc = slices_alloc(sl)))
		goto out;
	for (size_t i = 0; i < sl->n; i++)
		if ((rc = rg_cooc_network(run.coocs[i], &sl->nets[i])))
			goto out;
	for (size_t i = 0; i < sl->n; i++)
		if ((status = rg_cli_analyse(cmd, o, &sl->nets[i], &sl->metrics[i], 1, ctx->jobs)))
			goto out;
	say_left_out(ctx, run.filtered, run.undated);
	status = 0;
out:
	if (rc)
		fprintf(stderr, "relgraph: error: %s\n", rg_err_str(rc));
	for (size_t i = 0; i < sl->n; i++)
		rg_cooc_free(run.coocs[i]);
	free(run.coocs);
	rg_reader_free(r);
	rg_lexicon_free(lex);
	return status;
}

void rg_cli_slices_release(rg_cli_slices *sl)
{
	for (size_t i = 0; sl->nets && i < sl->n; i++)
		rg_network_release(&sl->nets[i]);
	for (size_t i = 0; sl->metrics && i < sl->n; i++)
		rg_metrics_release(&sl->metrics[i]);
	free(sl->nets);
	free(sl->metrics);
	free(sl->keys);
	memset(sl, 0, sizeof *sl);
}
