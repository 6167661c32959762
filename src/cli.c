/*
 * cli.c - the parts of the command line every subcommand uses: option
 * parsing from rg_opt tables (getopt_long underneath, --help generated from
 * the table), error and warning printing in one form, and the corpus
 * pipeline reader -> rg_analyze -> rg_cooc that rank, render and explain run.
 */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "config.h"
#include "progress.h"

#ifndef RG_DATADIR
#define RG_DATADIR "data"
#endif

/* A news article is kilobytes; a larger "document" is a dump or garbage, and
 * analysis needs about 15 bytes of memory per input byte (tokens, offsets). */
#define DEFAULT_MAX_DOC ((size_t)32 << 20)

void rg_ctx_init(rg_ctx *ctx)
{
	memset(ctx, 0, sizeof *ctx);
	ctx->max_doc = DEFAULT_MAX_DOC;
	ctx->max_win = RG_COOC_MAX_WINDOW_ACTORS;
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
	} else if (strcmp(name, "max-window-actors") == 0) {
		return rg_cli_size(cmd->name, name, arg, &ctx->max_win);
	} else if (strcmp(name, "max-doc-bytes") == 0) {
		return rg_cli_size(cmd->name, name, arg, &ctx->max_doc);
	} else if (strcmp(name, "jobs") == 0) {
		size_t j;
		if (rg_cli_size(cmd->name, name, arg, &j))
			return EXIT_USAGE;
		if (j > 256)
			return rg_cli_usage_error(cmd->name, "--jobs is at most 256");
		ctx->jobs = (int)j;
	} else if (strcmp(name, "metonymy") == 0) {
		ctx->metonymy = 1;
	} else if (strcmp(name, "strict") == 0) {
		ctx->strict = 1;
	} else if (strcmp(name, "quiet") == 0) {
		ctx->quiet = 1;
	} else if (strcmp(name, "verbose") == 0) {
		ctx->verbose = 1;
	} else {
		return -1; /* not a common option */
	}
	return 0;
}

/* ---- relgraph.conf ---------------------------------------------------- */

static const rg_command *const *all_cmds;
static size_t n_all_cmds;

void rg_cli_set_commands(const rg_command *const *cmds, size_t n)
{
	all_cmds = cmds;
	n_all_cmds = n;
}

/* Values the configuration gave to options must live as long as the run
 * (ctx->actors points at them): kept here and freed at exit. */
static char **conf_strs;
static size_t n_conf_strs;

static void conf_strs_free(void)
{
	for (size_t i = 0; i < n_conf_strs; i++)
		free(conf_strs[i]);
	free(conf_strs);
	conf_strs = NULL;
	n_conf_strs = 0;
}

static const char *conf_keep(char *s)
{
	char **grown = s ? realloc(conf_strs, (n_conf_strs + 1) * sizeof *grown) : NULL;
	if (!grown) {
		free(s);
		return NULL;
	}
	if (!conf_strs)
		atexit(conf_strs_free);
	conf_strs = grown;
	conf_strs[n_conf_strs++] = s;
	return s;
}

static const rg_opt *find_opt(const rg_command *cmd, const char *name)
{
	for (const rg_opt *o = cmd->opts; o->name; o++)
		if (strcmp(o->name, name) == 0)
			return o;
	return NULL;
}

typedef struct {
	const rg_command *cmd;
	rg_ctx *ctx;
	int (*handle)(const char *name, const char *arg, void *user);
	void *user;
	const char *path;
} conf_run;

static void conf_warn(const conf_run *c, long line, const char *what, const char *name)
{
	fprintf(stderr, "relgraph: warning: %s:%ld: '%s' %s; line ignored\n", c->path, line,
		name, what);
}

/* One "key = value" of relgraph.conf: applied as if given before argv. */
static int conf_setting(void *vc, const char *section, const char *key,
			const char *value, long line)
{
	conf_run *c = vc;
	int known = 0;
	for (size_t i = 0; i < n_all_cmds && !known; i++)
		known = !key ? strcmp(all_cmds[i]->name, section) == 0
			     : find_opt(all_cmds[i], key) != NULL;
	if (!key) { /* a [section] header */
		if (!known && n_all_cmds)
			conf_warn(c, line, "is no command", section);
		return 0;
	}
	if (*section && strcmp(section, c->cmd->name))
		return 0;
	const rg_opt *o = find_opt(c->cmd, key);
	if (!o || strcmp(key, "help") == 0) {
		if (*section || (!known && n_all_cmds) || strcmp(key, "help") == 0)
			conf_warn(c, line, "is no option here", key);
		return 0;
	}
	const char *arg = NULL;
	if (!o->arg) {
		if (!strcmp(value, "false") || !strcmp(value, "no") || !strcmp(value, "off") ||
		    !strcmp(value, "0"))
			return 0;
		if (strcmp(value, "true") && strcmp(value, "yes") && strcmp(value, "on") &&
		    strcmp(value, "1")) {
			fprintf(stderr, "relgraph: error: %s:%ld: '%s' wants true or false, "
				"not '%s'\n", c->path, line, key, value);
			return EXIT_USAGE;
		}
	} else {
		/* a relative FILE or DIR is relative to the configuration file */
		const char *slash = strrchr(c->path, '/');
		int rel = (!strcmp(o->arg, "FILE") || !strcmp(o->arg, "DIR")) && slash &&
			  value[0] != '/' && value[0] != '~';
		size_t n = strlen(value) + (rel ? (size_t)(slash - c->path) + 2 : 1);
		char *v = malloc(n);
		if (v && rel)
			snprintf(v, n, "%.*s/%s", (int)(slash - c->path), c->path, value);
		else if (v)
			snprintf(v, n, "%s", value);
		if (!(arg = conf_keep(v))) {
			fprintf(stderr, "relgraph: error: %s\n", rg_err_str(RG_ENOMEM));
			return EXIT_USAGE;
		}
	}
	int r = common_option(c->cmd, c->ctx, o->name, arg);
	if (r < 0)
		r = c->handle ? c->handle(o->name, arg, c->user) : 0;
	if (r) {
		fprintf(stderr, "relgraph: error: the value comes from %s:%ld\n", c->path, line);
		return EXIT_USAGE;
	}
	return 0;
}

/* Applies relgraph.conf (see config.h for where it is looked for). */
static int apply_config(const rg_command *cmd, rg_ctx *ctx,
			int (*handle)(const char *name, const char *arg, void *user),
			void *user)
{
	char path[PATH_MAX];
	if (!rg_config_locate(path, sizeof path))
		return 0;
	conf_run c = { cmd, ctx, handle, user, path };
	rg_diag d = rg_cli_diag(ctx);
	int r = rg_config_read(path, conf_setting, &c, &d);
	if (r == RG_EIO)
		return EXIT_USAGE; /* reported through d */
	if (r == RG_ENOMEM) {
		fprintf(stderr, "relgraph: error: %s\n", rg_err_str(RG_ENOMEM));
		return EXIT_USAGE;
	}
	return r;
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
	int cr = apply_config(cmd, ctx, handle, user);
	if (cr)
		return cr;
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
		rg_progress_clear(ctx->progress);
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

/* PREFIX/share/relgraph when this binary is PREFIX/bin/relgraph and that
 * folder holds dictionaries; NULL otherwise (e.g. in the build tree). */
static const char *installed_datadir(void)
{
	static char dir[PATH_MAX + 16];
	char exe[PATH_MAX];
	struct stat st;
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n <= 0)
		return NULL;
	exe[n] = '\0';
	for (int up = 0; up < 2; up++) { /* drop "/relgraph", then "/bin" */
		char *slash = strrchr(exe, '/');
		if (!slash)
			return NULL;
		*slash = '\0';
	}
	snprintf(dir, sizeof dir, "%s/share/relgraph", exe);
	char actors[PATH_MAX + 24];
	snprintf(actors, sizeof actors, "%s/actors", dir);
	if (stat(actors, &st) != 0 || !S_ISDIR(st.st_mode))
		return NULL;
	return dir;
}

const char *rg_cli_datadir(const rg_ctx *ctx)
{
	const char *dir = ctx->data;
	if (!dir)
		dir = getenv("RELGRAPH_DATA");
	if (!dir || !*dir)
		dir = installed_datadir();
	if (!dir)
		dir = RG_DATADIR;
	return dir;
}

#ifndef RG_VIZDIR
#define RG_VIZDIR RG_DATADIR "/../viz"
#endif

const char *rg_cli_vizdir(void)
{
	static char dir[PATH_MAX + 32];
	const char *env = getenv("RELGRAPH_VIZ"), *inst;
	struct stat st;
	if (env && *env)
		return env;
	if ((inst = installed_datadir())) {
		snprintf(dir, sizeof dir, "%s/viz", inst);
		if (stat(dir, &st) == 0 && S_ISDIR(st.st_mode))
			return dir;
	}
	return RG_VIZDIR;
}

rg_err rg_cli_lexicon(rg_ctx *ctx, rg_lexicon **out)
{
	const char *dir = rg_cli_datadir(ctx);
	rg_diag d = rg_cli_diag(ctx);
	rg_err rc = rg_lexicon_open(out, dir, ctx->actors, ctx->n_actors, &d);
	if (!rc)
		rg_lexicon_set_metonymy(*out, ctx->metonymy);
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
	if (first >= argc) {
		ctx->paths = stdin_only;
		ctx->n_paths = 1;
		return rg_reader_open(out, stdin_only, 1, ctx->input, ctx->max_doc, &d);
	}
	ctx->paths = (const char *const *)argv + first;
	ctx->n_paths = (size_t)(argc - first);
	return rg_reader_open(out, (const char *const *)argv + first, (size_t)(argc - first),
			      ctx->input, ctx->max_doc, &d);
}

static rg_err add_doc(void *c, const rg_doc *doc, const rg_analysis *an)
{
	return rg_cooc_add(c, doc, an);
}

/* What rg_cli_pipeline wraps around the command's callback. */
typedef struct {
	rg_ctx *ctx;
	rg_doc_fn fn;
	void *user;
	long docs;
	long long bytes;
	int tty_out; /* stdout is a terminal: keep the progress line off it */
	rg_work_fn work;
} pipe_run;

/* Runs on a worker thread: the command's per-worker work. */
static rg_err run_work(void *v, int worker, const rg_doc *doc, const rg_analysis *an,
		       const rg_diag *diag)
{
	pipe_run *p = v;
	return p->work(p->user, worker, doc, an, diag);
}

/* Runs on the pipeline's calling thread, in input order. */
static rg_err run_doc(void *v, const rg_doc *doc, const rg_analysis *an)
{
	pipe_run *p = v;
	rg_ctx *ctx = p->ctx;
	p->docs++;
	p->bytes += (long long)doc->len;
	pthread_mutex_lock(&diag_mu);
	if (p->tty_out)
		rg_progress_clear(ctx->progress);
	if (ctx->verbose && !ctx->quiet) {
		rg_progress_clear(ctx->progress);
		const char *lang = rg_lang_code(an->lang);
		fprintf(stderr, "relgraph: %s: %zu bytes, %s, %s, %zu mention%s, %zu format%s\n",
			doc->id, doc->len, lang ? lang : "language unknown",
			an->date[0] ? an->date : "no date", an->n_mentions,
			an->n_mentions == 1 ? "" : "s", an->n_formats,
			an->n_formats == 1 ? "" : "s");
	}
	pthread_mutex_unlock(&diag_mu);
	rg_err rc = p->fn ? p->fn(p->user, doc, an) : RG_OK;
	if (p->tty_out)
		fflush(stdout);
	pthread_mutex_lock(&diag_mu);
	rg_progress_update(ctx->progress, p->docs, p->bytes);
	pthread_mutex_unlock(&diag_mu);
	return rc;
}

rg_err rg_cli_pipeline(rg_ctx *ctx, const rg_lexicon *lex, rg_reader *r,
		       rg_doc_fn fn, void *user)
{
	return rg_cli_pipeline_work(ctx, lex, r, NULL, fn, user);
}

rg_err rg_cli_pipeline_work(rg_ctx *ctx, const rg_lexicon *lex, rg_reader *r,
			    rg_work_fn work, rg_doc_fn fn, void *user)
{
	rg_diag d = rg_cli_diag(ctx);
	pipe_run p = { ctx, fn, user, 0, 0, isatty(STDOUT_FILENO), work };
	long long total = rg_progress_input_size(ctx->paths, ctx->n_paths);
	rg_progress *pr = NULL;
	rg_err rc = rg_progress_new(&pr, stderr, !ctx->quiet && isatty(STDERR_FILENO), total);
	if (rc)
		return rc;
	pthread_mutex_lock(&diag_mu);
	ctx->progress = pr;
	pthread_mutex_unlock(&diag_mu);
	rc = rg_pipeline_run_work(lex, r, ctx->jobs, work ? run_work : NULL, run_doc, &p, &d);
	pthread_mutex_lock(&diag_mu);
	ctx->progress = NULL;
	rg_progress_free(pr);
	pthread_mutex_unlock(&diag_mu);
	return rc;
}

void rg_cli_cooc_limits(rg_ctx *ctx, rg_cooc *c)
{
	static rg_diag cap_diag; /* c keeps a pointer to it */
	cap_diag = rg_cli_diag(ctx);
	rg_cooc_set_window_cap(c, ctx->max_win, &cap_diag);
}

rg_err rg_cli_corpus(rg_ctx *ctx, const rg_lexicon *lex, int argc, char **argv,
		     int first, rg_window w, size_t evidence_cap, unsigned types,
		     rg_cooc **out, rg_reader_stats *stats)
{
	rg_reader *r = NULL;
	rg_cooc *c = NULL;
	rg_err rc;
	*out = NULL;
	if ((rc = rg_cooc_new(&c, lex, w, evidence_cap)) ||
	    (rc = rg_cli_reader(ctx, argc, argv, first, &r)))
		goto out;
	if (types)
		rg_cooc_set_types(c, types);
	rg_cli_cooc_limits(ctx, c);
	if ((rc = rg_cli_pipeline(ctx, lex, r, add_doc, c)))
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
