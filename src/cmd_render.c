/*
 * cmd_render.c - `relgraph render`: the relationship diagram of the corpus,
 * laid out and drawn in process by Graphviz (render.c) as SVG, PNG, PDF or
 * DOT, or the interactive page (render_html.c) with the evidence sentences
 * of every tie; the whole graph or the ego network of one actor.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "cli.h"
#include "cmd_formats.h"

static const rg_opt opts[] = {
	{ "output", 'o', "FILE", "the diagram: .svg (default graph.svg), .png, .pdf, .dot, "
				  "or .html (interactive page)" },
	{ "layout", 'l', "NAME", "neato, sfdp, fdp, circo or twopi (default: by size)" },
	{ "top", 'n', "N", "draw the N most central actors (default 40; 0 = all)" },
	{ "by", 'b', "METRIC", "node size and --top order (default strength)" },
	{ "fill", 0, "WHAT", "node colour: type (default) or community" },
	{ "focus", 'f', "ID", "the ego network of actor ID (see --depth)" },
	{ "depth", 0, "N", "with --focus: partners (1, default) or also theirs (2)" },
	{ "label-lang", 0, "LANG", "labels in en (default), fa, ar, az, ru or tr" },
	{ "style", 0, "FILE", "a style file, or the name of one in viz/ (light, print)" },
	{ "title", 0, "TEXT", "the diagram's title" },
	{ "evidence", 0, "N", "with .html: sentences kept per tie (default 20)" },
	{ "window", 'w', "WIN", "sentence (default), paragraph, document or tokens:K" },
	{ "types", 't', "LIST", "actor types to draw (default country,person,org)" },
	{ "formats", 0, NULL, "draw the multilateral formats and their member countries "
			      "(--top: the N most-mentioned formats; default all)" },
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
	rg_window window;
	unsigned types;
	const char *focus;
	size_t depth;
	size_t evidence;
	char style_path[4096];
	int formats, top_set;     /* --formats; --top given */
} render_cli;

/* "print" means viz/print.style when no file of that name exists. */
static const char *style_file(render_cli *o, const char *arg)
{
	struct stat st;
	size_t n = strlen(arg);

	if (strchr(arg, '/') || stat(arg, &st) == 0)
		return arg;
	snprintf(o->style_path, sizeof o->style_path, "%s/%s%s", rg_cli_vizdir(), arg,
		 n > 6 && strcmp(arg + n - 6, ".style") == 0 ? "" : ".style");
	return o->style_path;
}

static int handle(const char *name, const char *arg, void *user)
{
	render_cli *o = user;
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
	} else if (strcmp(name, "focus") == 0) {
		o->focus = arg;
	} else if (strcmp(name, "depth") == 0) {
		if (rg_cli_size("render", name, arg, &o->depth))
			return EXIT_USAGE;
		if (o->depth < 1 || o->depth > 2)
			return rg_cli_usage_error("render", "--depth is 1 or 2, not '%s'", arg);
	} else if (strcmp(name, "evidence") == 0) {
		return rg_cli_size("render", name, arg, &o->evidence);
	} else if (strcmp(name, "label-lang") == 0) {
		if ((o->ro.label_lang = rg_lang_parse(arg)) == RG_LANG_NONE)
			return rg_cli_usage_error("render", "unknown --label-lang '%s'", arg);
	} else if (strcmp(name, "style") == 0) {
		o->ro.style = style_file(o, arg);
	} else if (strcmp(name, "title") == 0) {
		o->ro.title = arg;
	} else if (strcmp(name, "window") == 0) {
		if (rg_window_parse(arg, &o->window))
			return rg_cli_usage_error("render", "unknown --window '%s'", arg);
	} else if (strcmp(name, "types") == 0) {
		if (!(o->types = rg_cli_types(arg)))
			return rg_cli_usage_error("render", "unknown type in --types '%s'", arg);
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
	char err[512] = "";
	rg_ctx_init(&ctx);
	rg_network_init(&net);
	rg_metrics_init(&m);
	memset(&o, 0, sizeof o);
	o.output = "graph.svg";
	o.window.kind = RG_WINDOW_SENTENCE;
	o.depth = 1;
	o.evidence = 20;
	rg_render_opts_init(&o.ro);
	o.ro.top = 40;
	o.ro.size_by = RG_METRIC_STRENGTH;
	int p = rg_cli_parse(&rg_cmd_render, argc, argv, &ctx, handle, &o, &first);
	if (p)
		return p == 1 ? rg_cli_flush() : p;
	if (o.formats) /* the formats diagram: cmd_formats.c */
		return cmd_formats_render(&ctx, argc, argv, first, &o.ro, o.output,
					  o.top_set ? o.ro.top : 0);
	int html = is_html(o.output);
	rg_err rc;
	if (rg_cli_lexicon(&ctx, &lex) ||
	    rg_cli_corpus(&ctx, lex, argc, argv, first, o.window, html ? o.evidence : 0,
			  o.types, &c, &st))
		goto out;
	if ((rc = rg_cooc_network(c, &net))) {
		fprintf(stderr, "relgraph: error: building the graph: %s\n", rg_err_str(rc));
		goto out;
	}
	/* the ego network's own centralities size its nodes */
	if (o.focus && (rc = rg_network_ego(&net, o.focus, (unsigned)o.depth))) {
		if (rc == RG_EINPUT) {
			fprintf(stderr, "relgraph: error: --focus '%s': no such actor in the corpus\n",
				o.focus);
			status = EXIT_USAGE;
		} else {
			fprintf(stderr, "relgraph: error: %s\n", rg_err_str(rc));
		}
		goto out;
	}
	if ((rc = rg_metrics_compute(&net, &m))) {
		fprintf(stderr, "relgraph: error: building the graph: %s\n", rg_err_str(rc));
		goto out;
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
	if (!ctx.quiet)
		fprintf(stderr, "relgraph: wrote '%s' (%zu actors, %zu links)\n", o.output,
			o.ro.top && o.ro.top < net.n_nodes ? o.ro.top : net.n_nodes, net.n_edges);
	status = rg_cli_finish(&ctx, &st);
out:
	rg_metrics_release(&m);
	rg_network_release(&net);
	rg_cooc_free(c);
	rg_lexicon_free(lex);
	return status;
}
