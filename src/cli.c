/*
 * cli.c - the parts of the command line every subcommand uses: option
 * parsing from rg_opt tables (getopt_long underneath, --help generated from
 * the table), error and warning printing in one form, and the corpus
 * pipeline reader -> rg_analyze -> rg_cooc that rank, render and explain run.
 */
#include <errno.h>
#include <getopt.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

#ifndef RG_DATADIR
#define RG_DATADIR "data"
#endif

#define DEFAULT_MAX_DOC ((size_t)256 << 20)

void rg_ctx_init(rg_ctx *ctx)
{
	memset(ctx, 0, sizeof *ctx);
	ctx->max_doc = DEFAULT_MAX_DOC;
}

int rg_cli_usage_error(const char *cmd, const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "relgraph: error: ");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nTry 'relgraph %s --help'.\n", cmd ? cmd : "help");
	return EXIT_USAGE;
}

void rg_cli_help(const rg_command *cmd, FILE *f)
{
	fprintf(f, "usage: relgraph %s %s\n\n%s\n\noptions:\n", cmd->name, cmd->usage,
		cmd->summary);
	for (const rg_opt *o = cmd->opts; o->name; o++) {
		char left[64];
		snprintf(left, sizeof left, "%s%c%s--%s%s%s", o->letter ? "-" : "",
			 o->letter ? o->letter : ' ', o->letter ? ", " : " ", o->name,
			 o->arg ? " " : "", o->arg ? o->arg : "");
		fprintf(f, "  %-26s %s\n", o->letter ? left : left + 1, o->help);
	}
	fprintf(f, "\nexit status: 0 success, 1 some inputs failed (or were skipped, "
		   "with --strict), 2 usage error\n");
}

int rg_cli_size(const char *cmd, const char *opt, const char *arg, size_t *out)
{
	char *end;
	errno = 0;
	long long v = strtoll(arg, &end, 10);
	if (errno || end == arg || *end || v < 0) {
		rg_cli_usage_error(cmd, "--%s wants a non-negative integer, not '%s'", opt, arg);
		return EXIT_USAGE;
	}
	*out = (size_t)v;
	return 0;
}

static int common_option(const rg_command *cmd, rg_ctx *ctx, const char *name,
			 const char *arg)
{
	if (strcmp(name, "actors") == 0) {
		if (ctx->n_actors == sizeof ctx->actors / sizeof *ctx->actors)
			return rg_cli_usage_error(cmd->name, "too many --actors files");
		ctx->actors[ctx->n_actors++] = arg;
	} else if (strcmp(name, "data") == 0) {
		ctx->data = arg;
	} else if (strcmp(name, "input") == 0) {
		if (strcmp(arg, "auto") == 0)
			ctx->input = RG_INPUT_AUTO;
		else if (strcmp(arg, "text") == 0)
			ctx->input = RG_INPUT_TEXT;
		else if (strcmp(arg, "jsonl") == 0)
			ctx->input = RG_INPUT_JSONL;
		else
			return rg_cli_usage_error(cmd->name, "unknown --input '%s' "
						  "(auto, text, jsonl)", arg);
	} else if (strcmp(name, "max-doc-bytes") == 0) {
		return rg_cli_size(cmd->name, name, arg, &ctx->max_doc);
	} else if (strcmp(name, "jobs") == 0) {
		size_t j;
		if (rg_cli_size(cmd->name, name, arg, &j))
			return EXIT_USAGE;
		if (j > 256)
			return rg_cli_usage_error(cmd->name, "--jobs is at most 256");
		ctx->jobs = (int)j;
	} else if (strcmp(name, "strict") == 0) {
		ctx->strict = 1;
	} else if (strcmp(name, "quiet") == 0) {
		ctx->quiet = 1;
	} else {
		return -1; /* not a common option */
	}
	return 0;
}

int rg_cli_parse(const rg_command *cmd, int argc, char **argv, rg_ctx *ctx,
		 int (*handle)(const char *name, const char *arg, void *user),
		 void *user, int *first)
{
	struct option lo[64];
	char so[160];
	size_t n = 0, k = 0;
	so[k++] = ':'; /* report a missing value as ':' */
	for (const rg_opt *o = cmd->opts; o->name && n < 63; o++, n++) {
		lo[n] = (struct option){ o->name, o->arg ? required_argument : no_argument,
					 NULL, o->letter ? o->letter : 256 + (int)n };
		if (o->letter && k < sizeof so - 3) {
			so[k++] = (char)o->letter;
			if (o->arg)
				so[k++] = ':';
		}
	}
	lo[n] = (struct option){ NULL, 0, NULL, 0 };
	so[k] = '\0';
	optind = 1;
	opterr = 0;
	int c, idx;
	while ((c = getopt_long(argc, argv, so, lo, &idx)) != -1) {
		if (c == '?') {
			if (optopt)
				return rg_cli_usage_error(cmd->name, "unknown option '-%c'", optopt);
			return rg_cli_usage_error(cmd->name, "unknown option '%s'",
						  argv[optind - 1]);
		}
		if (c == ':')
			return rg_cli_usage_error(cmd->name, "option '%s' needs a value",
						  argv[optind - 1]);
		const rg_opt *o = NULL;
		for (size_t i = 0; i < n; i++)
			if (lo[i].val == c)
				o = &cmd->opts[i];
		if (!o)
			return rg_cli_usage_error(cmd->name, "unknown option");
		if (strcmp(o->name, "help") == 0) {
			rg_cli_help(cmd, stdout);
			return 1;
		}
		int r = common_option(cmd, ctx, o->name, optarg);
		if (r < 0)
			r = handle ? handle(o->name, optarg, user) : 0;
		if (r)
			return EXIT_USAGE;
	}
	*first = optind;
	return 0;
}

/* Diagnostics come from several analysis threads: one line at a time. */
static pthread_mutex_t diag_mu = PTHREAD_MUTEX_INITIALIZER;

static void print_diag(void *vctx, rg_severity sev, const char *file, long line,
		       long byte, const char *msg)
{
	rg_ctx *ctx = vctx;
	pthread_mutex_lock(&diag_mu);
	if (sev == RG_SEV_ERROR)
		ctx->errors++;
	else
		ctx->warnings++;
	if (!ctx->quiet || sev == RG_SEV_ERROR) {
		fprintf(stderr, "relgraph: %s: ", sev == RG_SEV_ERROR ? "error" : "warning");
		if (file && line >= 0)
			fprintf(stderr, "%s:%ld: ", file, line);
		else if (file && byte >= 0)
			fprintf(stderr, "%s: byte %ld: ", file, byte);
		else if (file)
			fprintf(stderr, "'%s': ", file);
		fprintf(stderr, "%s\n", msg);
	}
	pthread_mutex_unlock(&diag_mu);
}

rg_diag rg_cli_diag(rg_ctx *ctx)
{
	return (rg_diag){ print_diag, ctx };
}

rg_err rg_cli_lexicon(rg_ctx *ctx, rg_lexicon **out)
{
	const char *dir = ctx->data;
	if (!dir)
		dir = getenv("RELGRAPH_DATA");
	if (!dir || !*dir)
		dir = RG_DATADIR;
	rg_diag d = rg_cli_diag(ctx);
	rg_err rc = rg_lexicon_open(out, dir, ctx->actors, ctx->n_actors, &d);
	if (rc)
		fprintf(stderr, "relgraph: error: cannot load the dictionaries from '%s': %s\n",
			dir, rg_err_str(rc));
	return rc;
}

rg_err rg_cli_reader(rg_ctx *ctx, int argc, char **argv, int first, rg_reader **out)
{
	static const char *const stdin_only[] = { "-" };
	static rg_diag d;
	d = rg_cli_diag(ctx);
	if (first >= argc)
		return rg_reader_open(out, stdin_only, 1, ctx->input, ctx->max_doc, &d);
	return rg_reader_open(out, (const char *const *)argv + first, (size_t)(argc - first),
			      ctx->input, ctx->max_doc, &d);
}

static rg_err add_doc(void *c, const rg_doc *doc, const rg_analysis *an)
{
	return rg_cooc_add(c, doc, an);
}

rg_err rg_cli_corpus(rg_ctx *ctx, const rg_lexicon *lex, int argc, char **argv,
		     int first, rg_window w, size_t evidence_cap, unsigned types,
		     rg_cooc **out, rg_reader_stats *stats)
{
	rg_reader *r = NULL;
	rg_cooc *c = NULL;
	rg_diag d = rg_cli_diag(ctx);
	rg_err rc;
	*out = NULL;
	if ((rc = rg_cooc_new(&c, lex, w, evidence_cap)) ||
	    (rc = rg_cli_reader(ctx, argc, argv, first, &r)))
		goto out;
	if (types)
		rg_cooc_set_types(c, types);
	if ((rc = rg_pipeline_run(lex, r, ctx->jobs, add_doc, c, &d)))
		goto out;
	*stats = *rg_reader_get_stats(r);
	*out = c;
	c = NULL;
out:
	if (rc)
		fprintf(stderr, "relgraph: error: %s\n", rg_err_str(rc));
	rg_reader_free(r);
	rg_cooc_free(c);
	return rc;
}

int rg_cli_finish(rg_ctx *ctx, const rg_reader_stats *st)
{
	long skipped = 0, failed = st->skipped[RG_SKIP_UNREADABLE] + st->skipped[RG_SKIP_JSON];
	for (int i = 0; i < RG_NSKIP; i++)
		skipped += st->skipped[i];
	if (!ctx->quiet) {
		fprintf(stderr, "relgraph: %ld document%s processed, %ld skipped", st->docs,
			st->docs == 1 ? "" : "s", skipped);
		const char *sep = " (";
		for (int i = 0; i < RG_NSKIP; i++) {
			if (!st->skipped[i])
				continue;
			fprintf(stderr, "%s%s %ld", sep, rg_skip_name(i), st->skipped[i]);
			sep = ", ";
		}
		fprintf(stderr, "%s\n", skipped ? ")" : "");
	}
	if (failed || (ctx->strict && skipped))
		return EXIT_INPUT;
	return EXIT_OK;
}

unsigned rg_cli_types(const char *s)
{
	unsigned mask = 0;
	char buf[128];
	snprintf(buf, sizeof buf, "%s", s);
	for (char *t = strtok(buf, ","); t; t = strtok(NULL, ",")) {
		int ty = rg_type_parse(t);
		if (ty < 0)
			return 0;
		mask |= 1u << ty;
	}
	return mask;
}

int rg_cli_flush(void)
{
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "relgraph: error: cannot write the output: %s\n",
			strerror(errno));
		return EXIT_INPUT;
	}
	return EXIT_OK;
}
