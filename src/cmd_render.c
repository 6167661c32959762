/*
 * cmd_render.c - `relgraph render`: the relationship diagram of the corpus
 * (articles, or partial edge tables like rank and graph read), laid out and
 * drawn in process by Graphviz (render.c) as SVG, PNG, PDF or DOT, or the
 * interactive page (render_html.c) with the evidence sentences of every tie.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>
#include <errno.h>

#include "cli_net.h"
#include "cmd_formats.h"
#include "util.h"

static const rg_opt opts[] = {
	{ "output", 'o', "FILE", "the diagram: .svg (default graph.svg), .png, .pdf, .dot, "
				  "or .html (interactive page)" },
	{ "layout", 'l', "NAME", "neato, sfdp, fdp, circo or twopi (default: by size)" },
	{ "top", 'n', "N", "draw the N most central actors (default 40; 0 = all)" },
	{ "by", 'b', "METRIC", "node size and --top order (default strength)" },
	{ "fill", 0, "WHAT", "node colour: type (default) or community" },
	{ "label-lang", 0, "LANG", "labels in en (default), fa, ar, az, ru, tr or native "
				   "(each actor in its home language)" },
	{ "style", 0, "FILE", "a style file, or the name of one in viz/ (light, print)" },
	{ "title", 0, "TEXT", "the diagram's title" },
	{ "evidence", 0, "N", "with .html: sentences kept per tie (default 20)" },
	{ "formats", 0, NULL, "draw the multilateral formats and their member countries "
			      "(--top: the N most-mentioned formats; default 30)" },
	RG_NET_OPTS,
	RG_COMMON_OPTS,
	{ NULL, 0, NULL, NULL }
};

const rg_command rg_cmd_render = {
	"render", cmd_render, "draw the relationship diagram of the corpus",
	"[OPTIONS] PATH...", opts
};

typedef struct {
	const char *output;
	rg_render_opts ro;
	rg_netopts net;
	int native;               /* --label-lang native */
	size_t evidence;
	char style_path[4096];
	int formats, top_set;     /* --formats; --top given */
} render_cli;

/* "print" means viz/print.style when no file of that name exists; a style
 * file that cannot be read is a usage error naming it. */
static int style_file(render_cli *o, const char *arg)
{
	struct stat st;
	size_t n = strlen(arg);
	const char *path = arg;

	if (!strchr(arg, '/') && stat(arg, &st) != 0) {
		snprintf(o->style_path, sizeof o->style_path, "%s/%s%s", rg_cli_vizdir(), arg,
			 n > 6 && strcmp(arg + n - 6, ".style") == 0 ? "" : ".style");
		path = o->style_path;
	}
	if (access(path, R_OK) != 0 || (stat(path, &st) == 0 && S_ISDIR(st.st_mode)))
		return rg_cli_usage_error("render", "--style '%s': cannot read '%s': %s", arg, path,
					  errno ? strerror(errno) : "a directory");
	o->ro.style = path;
	return 0;
}

static int handle(const char *name, const char *arg, void *user)
{
	render_cli *o = user;
	int r = rg_cli_netopt("render", name, arg, &o->net);
	if (r >= 0)
		return r;
	if (strcmp(name, "output") == 0) {
		o->output = arg;
	} else if (strcmp(name, "layout") == 0) {
		o->ro.layout = arg;
	} else if (strcmp(name, "top") == 0) {
		o->top_set = 1;
		return rg_cli_size("render", name, arg, &o->ro.top);
	} else if (strcmp(name, "by") == 0) {
		int m = rg_metric_parse(arg);
		if (m < 0)
			return rg_cli_usage_error("render", "unknown --by '%s'", arg);
		o->ro.size_by = (rg_metric)m;
	} else if (strcmp(name, "fill") == 0) {
		if (strcmp(arg, "type") == 0)
			o->ro.fill_by = RG_FILL_TYPE;
		else if (strcmp(arg, "community") == 0)
			o->ro.fill_by = RG_FILL_COMMUNITY;
		else
			return rg_cli_usage_error("render", "unknown --fill '%s' (type, community)",
						  arg);
	} else if (strcmp(name, "evidence") == 0) {
		return rg_cli_size("render", name, arg, &o->evidence);
	} else if (strcmp(name, "label-lang") == 0) {
		o->native = strcmp(arg, "native") == 0;
		if (o->native)
			o->ro.label_lang = RG_LANG_NONE; /* set once the network is known */
		else if ((o->ro.label_lang = rg_lang_parse(arg)) == RG_LANG_NONE)
			return rg_cli_usage_error("render", "unknown --label-lang '%s' (en, fa, "
						  "ar, az, ru, tr, native)", arg);
	} else if (strcmp(name, "style") == 0) {
		errno = 0;
		return style_file(o, arg);
	} else if (strcmp(name, "title") == 0) {
		o->ro.title = arg;
	} else if (strcmp(name, "formats") == 0) {
		o->formats = 1;
	}
	return 0;
}

static int is_html(const char *path)
{
	const char *slash = strrchr(path, '/');
	const char *dot = strrchr(slash ? slash + 1 : path, '.');
	return dot && (strcasecmp(dot, ".html") == 0 || strcasecmp(dot, ".htm") == 0);
}

/* ---- the page's network: articles with their evidence sentences ---------- */

typedef struct {
	rg_cooc *c;
	const rg_netopts *o;
	long filtered;
} page_run;

/* --since/--until/--lang as rg_cli_raw_network applies them. */
static rg_err page_doc(void *v, const rg_doc *doc, const rg_analysis *an)
{
	page_run *run = v;
	const rg_netopts *o = run->o;
	if ((o->since && (!an->date[0] || strcmp(an->date, o->since) < 0)) ||
	    (o->until && (!an->date[0] || strncmp(an->date, o->until, strlen(o->until)) > 0)) ||
	    (o->lang >= 0 && an->lang != o->lang)) {
		run->filtered++;
		return RG_OK;
	}
	return rg_cooc_add(run->c, doc, an);
}

static int page_network(rg_ctx *ctx, int argc, char **argv, int first, const render_cli *o,
			rg_lexicon **lex, rg_cooc **c, rg_network *net, rg_reader_stats *st)
{
	rg_reader *r = NULL;
	page_run run = { NULL, &o->net, 0 };
	rg_err rc;

	if ((rc = rg_cli_lexicon(ctx, lex)))
		return EXIT_INPUT;
	if ((rc = rg_cooc_new(&run.c, *lex, o->net.window, o->evidence)) ||
	    (rc = rg_cli_reader(ctx, argc, argv, first, &r)))
		goto out;
	if (o->net.types)
		rg_cooc_set_types(run.c, o->net.types);
	rg_cli_cooc_limits(ctx, run.c);
	if ((rc = rg_cli_pipeline(ctx, *lex, r, page_doc, &run)) ||
	    (rc = rg_cooc_network(run.c, net)))
		goto out;
	*st = *rg_reader_get_stats(r);
	if (run.filtered && !ctx->quiet)
		fprintf(stderr, "relgraph: %ld document%s outside --since/--until/--lang left "
			"out\n", run.filtered, run.filtered == 1 ? "" : "s");
out:
	if (rc)
		fprintf(stderr, "relgraph: error: %s\n", rg_err_str(rc));
	rg_reader_free(r);
	*c = run.c;
	return rc ? EXIT_INPUT : 0;
}

/* ---- --label-lang native: data/home_lang.tsv and data/offices.tsv -------- */

typedef struct {
	struct pair { char *key, *val; } *at;
	size_t n, cap;
} pairs;

static void pairs_free(pairs *p)
{
	for (size_t i = 0; i < p->n; i++) {
		free(p->at[i].key);
		free(p->at[i].val);
	}
	free(p->at);
}

static const char *pairs_get(const pairs *p, const char *key)
{
	for (size_t i = 0; i < p->n; i++)
		if (strcmp(p->at[i].key, key) == 0)
			return p->at[i].val;
	return NULL;
}

/* Reads columns kc and vc (0-based, < 5) of the rows of a data table; the
 * first row of a key wins.  0, or -1 after printing the error. */
static int pairs_read(pairs *p, const char *dir, const char *file, int kc, int vc)
{
	char path[4096], *col[5];
	rg_rows rows = RG_ROWS_INIT;
	rg_err rc;
	int n;

	snprintf(path, sizeof path, "%s/%s", dir, file);
	if ((rc = rg_rows_open(&rows, path))) {
		fprintf(stderr, "relgraph: error: --label-lang native: cannot read '%s': %s\n",
			path, rc == RG_ENOMEM ? rg_err_str(rc) : strerror(errno));
		return -1;
	}
	while ((n = rg_rows_next(&rows, col, 5)) > 0) {
		if (n <= kc || n <= vc || pairs_get(p, col[kc]))
			continue;
		if ((rc = rg_grow(&p->at, &p->cap, p->n + 1, sizeof *p->at)))
			break;
		struct pair *e = &p->at[p->n];
		e->key = strdup(col[kc]);
		e->val = strdup(col[vc]);
		if (!e->key || !e->val) {
			free(e->key);
			free(e->val);
			rc = RG_ENOMEM;
			break;
		}
		p->n++;
	}
	rg_rows_close(&rows);
	if (rc)
		fprintf(stderr, "relgraph: error: %s\n", rg_err_str(rc));
	return rc ? -1 : 0;
}

/*
 * Each node's home language: its home_lang.tsv row; else, for a person,
 * that of the country or organisation of their first offices.tsv row;
 * else RG_LANG_NONE (English).  *out is malloc'd.  0, or EXIT_INPUT.
 */
static int home_langs(rg_ctx *ctx, const rg_network *net, signed char **out)
{
	pairs home = { 0 }, office = { 0 };
	const char *dir = rg_cli_datadir(ctx), *v;
	int status = EXIT_INPUT;

	if (pairs_read(&home, dir, "home_lang.tsv", 0, 1) ||
	    pairs_read(&office, dir, "offices.tsv", 2, 0))
		goto out;
	if (!(*out = malloc(net->n_nodes + 1))) {
		fprintf(stderr, "relgraph: error: %s\n", rg_err_str(RG_ENOMEM));
		goto out;
	}
	for (size_t i = 0; i < net->n_nodes; i++) {
		const rg_node *nd = &net->nodes[i];
		v = pairs_get(&home, nd->id);
		if (!v && nd->type == RG_TYPE_PERSON && (v = pairs_get(&office, nd->id)))
			v = pairs_get(&home, v);
		(*out)[i] = (signed char)(v ? rg_lang_parse(v) : RG_LANG_NONE);
	}
	status = 0;
out:
	pairs_free(&home);
	pairs_free(&office);
	return status;
}

int cmd_render(int argc, char **argv)
{
	rg_ctx ctx;
	static render_cli o;
	int first, status = EXIT_INPUT;
	rg_lexicon *lex = NULL;
	rg_cooc *c = NULL;
	rg_network net;
	rg_metrics m;
	rg_reader_stats st;
	rg_window w;
	signed char *home = NULL;
	size_t drawn_nodes, drawn_edges;
	char err[512] = "";
	rg_err rc;
	rg_ctx_init(&ctx);
	rg_network_init(&net);
	rg_metrics_init(&m);
	memset(&o, 0, sizeof o);
	o.output = "graph.svg";
	rg_netopts_init(&o.net);
	o.evidence = 20;
	rg_render_opts_init(&o.ro);
	o.ro.top = 40;
	o.ro.size_by = RG_METRIC_STRENGTH;
	int p = rg_cli_parse(&rg_cmd_render, argc, argv, &ctx, handle, &o, &first);
	if (p)
		return p == 1 ? rg_cli_flush() : p;
	if (o.formats && o.native)
		return rg_cli_usage_error("render", "--label-lang native does not apply to "
					  "--formats (use en, fa, ar, az, ru or tr)");
	if (o.formats) /* the formats diagram: cmd_formats.c */
		return cmd_formats_render(&ctx, argc, argv, first, &o.ro, o.output,
					  o.top_set ? o.ro.top : 30);
	int html = is_html(o.output);
	if (html && !rg_cli_all_tables(argc, argv, first))
		status = page_network(&ctx, argc, argv, first, &o, &lex, &c, &net, &st);
	else
		status = rg_cli_raw_network(&ctx, argc, argv, first, &o.net, &w, &net, &st);
	if (status)
		goto out;
	status = EXIT_INPUT;
	/* an actor the corpus never names is a usage error, as in `explain` */
	if (o.net.focus && rg_cli_find_node(&net, o.net.focus) < 0) {
		fprintf(stderr, "relgraph: error: --focus '%s': no such actor in the corpus\n",
			o.net.focus);
		status = EXIT_USAGE;
		goto out;
	}
	/* weights, filters, the ego network; its own centralities size its nodes */
	if ((status = rg_cli_analyse("render", &o.net, &net, &m, 0, ctx.jobs)))
		goto out;
	status = EXIT_INPUT;
	if (o.native) {
		if (home_langs(&ctx, &net, &home))
			goto out;
		o.ro.label_lang = RG_LABEL_NATIVE;
		o.ro.home_lang = home;
	}
	if (html) {
		o.ro.evidence = c;
		o.ro.page_dir = rg_cli_vizdir();
	}
	if ((rc = rg_render(&net, &m, &o.ro, o.output, err, sizeof err))) {
		fprintf(stderr, "relgraph: error: cannot render '%s': %s\n", o.output,
			err[0] ? err : rg_err_str(rc));
		status = rc == RG_EINPUT ? EXIT_USAGE : EXIT_INPUT;
		goto out;
	}
	if ((rc = rg_render_counts(&net, &m, &o.ro, &drawn_nodes, &drawn_edges))) {
		fprintf(stderr, "relgraph: error: %s\n", rg_err_str(rc));
		goto out;
	}
	if (!ctx.quiet)
		fprintf(stderr, "relgraph: wrote '%s' (%zu actors, %zu links)\n", o.output,
			drawn_nodes, drawn_edges);
	status = rg_cli_finish(&ctx, &st);
out:
	free(home);
	rg_metrics_release(&m);
	rg_network_release(&net);
	rg_cooc_free(c);
	rg_lexicon_free(lex);
	return status;
}
