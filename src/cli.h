/*
 * cli.h - what the subcommands share: option tables with their help text
 * (parsed by getopt_long, --help generated from the same table), the
 * diagnostic printer, and the corpus pipeline (read, analyse, count) that
 * rank, render and explain all run.  Only main() picks exit statuses.
 */
#ifndef RG_CLI_H
#define RG_CLI_H

#include <stdio.h>

#include "relgraph.h"

/* Exit statuses (documented in README and --help). */
enum { EXIT_OK = 0, EXIT_INPUT = 1, EXIT_USAGE = 2 };

/* One option: its long name, short letter (0: none), argument name (NULL:
 * a flag) and help.  Tables end with an entry whose name is NULL. */
typedef struct {
	const char *name;
	int letter;
	const char *arg;
	const char *help;
} rg_opt;

/* The options every corpus-reading command accepts. */
#define RG_COMMON_OPTS \
	{ "actors", 'a', "FILE", "also load the actors of FILE (repeatable)" }, \
	{ "data", 0, "DIR", "data folder (default: $RELGRAPH_DATA or the installed one)" }, \
	{ "input", 0, "FMT", "input format: auto (default), text or jsonl" }, \
	{ "max-doc-bytes", 0, "N", "skip documents larger than N bytes (default 33554432)" }, \
	{ "max-window-actors", 0, "N", "pair at most N distinct actors per window (default 64; 0: no cap)" }, \
	{ "strict", 0, NULL, "exit with status 1 when any document is skipped" }, \
	{ "jobs", 'j', "N", "N threads for the documents and the sampled path measures (default: all cores)" }, \
	{ "metonymy", 0, NULL, "read capitals as their countries (\"Baku\" -> Azerbaijan)" }, \
	{ "quiet", 'q', NULL, "print no warnings, no progress and no summary" }, \
	{ "verbose", 'v', NULL, "print a line on stderr for every document" }, \
	{ "help", 'h', NULL, "show this help" }

/* A subcommand. */
typedef struct {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *summary;
	const char *usage;        /* after "relgraph NAME " */
	const rg_opt *opts;
} rg_command;

/* Parsed common options plus the state of one run. */
typedef struct {
	const char *actors[32];
	size_t n_actors;
	const char *data;
	rg_input_format input;
	size_t max_doc;
	size_t max_win;  /* --max-window-actors */
	int strict, quiet;
	int jobs;
	int metonymy;
	long warnings, errors;
	int verbose;
	struct rg_progress *progress;  /* the progress line, while the pipeline runs */
	const char *const *paths;      /* the operands the reader was opened on */
	size_t n_paths;
} rg_ctx;

void rg_ctx_init(rg_ctx *ctx);

/*
 * Parses argv against cmd->opts.  For each option calls handle(ctx, name,
 * arg, user) unless it is a common option (handled here) or --help
 * (printed; returns 1).  Returns 0 on success with *first set to the first
 * operand, 1 for --help, or EXIT_USAGE after printing an error.
 */
int rg_cli_parse(const rg_command *cmd, int argc, char **argv, rg_ctx *ctx,
		 int (*handle)(const char *name, const char *arg, void *user),
		 void *user, int *first);

/*
 * Tells the parser every command, so that a relgraph.conf key that is an
 * option of none of them (a typo) is reported.  main() calls it first.
 */
void rg_cli_set_commands(const rg_command *const *cmds, size_t n);

/* Prints cmd's generated help to f. */
void rg_cli_help(const rg_command *cmd, FILE *f);

/* Prints "relgraph: error: ..." to stderr; returns EXIT_USAGE. */
int rg_cli_usage_error(const char *cmd, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Parses a non-negative integer option value; 0 on success. */
int rg_cli_size(const char *cmd, const char *opt, const char *arg, size_t *out);

/* The diag callback that prints to stderr and counts into an rg_ctx. */
rg_diag rg_cli_diag(rg_ctx *ctx);

/* The data folder: --data, else $RELGRAPH_DATA, else PREFIX/share/relgraph
 * next to an installed binary (bin/../share/relgraph, when it has an
 * actors/ folder), else the build tree's data/ (RG_DATADIR). */
const char *rg_cli_datadir(const rg_ctx *ctx);

/* The folder of the page templates and styles: $RELGRAPH_VIZ, else viz/ in
 * the installed data folder (PREFIX/share/relgraph/viz), else the build
 * tree's viz/ (RG_VIZDIR, default RG_DATADIR/../viz). */
const char *rg_cli_vizdir(void);

/* Opens the lexicon named by ctx (data folder and --actors files). */
rg_err rg_cli_lexicon(rg_ctx *ctx, rg_lexicon **out);

/* Opens a reader over operands (default "-" when none). */
rg_err rg_cli_reader(rg_ctx *ctx, int argc, char **argv, int first, rg_reader **out);

/*
 * Reads and analyses the whole corpus into a co-mention accumulator (the
 * pipeline of rank, render and explain).
 */
rg_err rg_cli_corpus(rg_ctx *ctx, const rg_lexicon *lex, int argc, char **argv,
		     int first, rg_window w, size_t evidence_cap, unsigned types,
		     rg_cooc **out, rg_reader_stats *stats);

/*
 * rg_pipeline_run over r with ctx's jobs, plus what the command line adds:
 * the progress line on stderr (when it is a terminal and not --quiet) and,
 * with --verbose, one line per document.  fn is called as by
 * rg_pipeline_run.  Use it instead of calling rg_pipeline_run directly.
 */
rg_err rg_cli_pipeline(rg_ctx *ctx, const rg_lexicon *lex, rg_reader *r,
		       rg_doc_fn fn, void *user);

/* rg_cli_pipeline with `work` run on the worker threads (see rg_work_fn);
 * fn may be NULL. */
rg_err rg_cli_pipeline_work(rg_ctx *ctx, const rg_lexicon *lex, rg_reader *r,
			    rg_work_fn work, rg_doc_fn fn, void *user);

/* Applies --max-window-actors to c, warning through ctx's diagnostics. */
void rg_cli_cooc_limits(rg_ctx *ctx, rg_cooc *c);

/* Prints the end-of-run summary and returns the exit status it implies. */
int rg_cli_finish(rg_ctx *ctx, const rg_reader_stats *st);

/* Parses "country,person,org" into a type mask; 0 on error. */
unsigned rg_cli_types(const char *s);

/* Writes to stdout; returns EXIT_INPUT and reports if the write failed. */
int rg_cli_flush(void);

int cmd_extract(int argc, char **argv);
int cmd_rank(int argc, char **argv);
int cmd_render(int argc, char **argv);
int cmd_explain(int argc, char **argv);
int cmd_actors(int argc, char **argv);
int cmd_candidates(int argc, char **argv);
int cmd_graph(int argc, char **argv);
int cmd_merge(int argc, char **argv);
extern const rg_command rg_cmd_graph, rg_cmd_merge;
int cmd_trend(int argc, char **argv);
extern const rg_command rg_cmd_trend;

extern const rg_command rg_cmd_candidates;
int cmd_formats(int argc, char **argv);
extern const rg_command rg_cmd_formats;
extern const rg_command rg_cmd_extract, rg_cmd_rank, rg_cmd_render, rg_cmd_explain,
	rg_cmd_actors;

#endif
