/*
 * cmd_render.c - `relgraph render`: the relationship diagram of the corpus,
 * laid out and drawn in process by Graphviz (render.c) as SVG, PNG, PDF or
 * DOT; node size follows a centrality, colour the actor type.
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const rg_opt opts[] = {
	{ "output", 'o', "FILE", "the diagram: .svg (default graph.svg), .png, .pdf or .dot" },
	{ "layout", 'l', "NAME", "neato, sfdp, fdp, circo or twopi (default: by size)" },
	{ "top", 'n', "N", "draw the N most central actors (default 40; 0 = all)" },
	{ "by", 'b', "METRIC", "node size and --top order (default strength)" },
	{ "label-lang", 0, "LANG", "labels in en (default), fa, ar, az, ru or tr" },
	{ "style", 0, "FILE", "a style file (see viz/light.style)" },
	{ "title", 0, "TEXT", "the diagram's title" },
	{ "window", 'w', "WIN", "sentence (default), paragraph, document or tokens:K" },
	{ "types", 't', "LIST", "actor types to draw (default country,person,org)" },
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
} render_cli;

static int handle(const char *name, const char *arg, void *user)
{
	render_cli *o = user;
	if (strcmp(name, "output") == 0) {
		o->output = arg;
	} else if (strcmp(name, "layout") == 0) {
		o->ro.layout = arg;
	} else if (strcmp(name, "top") == 0) {
		return rg_cli_size("render", name, arg, &o->ro.top);
	} else if (strcmp(name, "by") == 0) {
		int m = rg_metric_parse(arg);
		if (m < 0)
			return rg_cli_usage_error("render", "unknown --by '%s'", arg);
		o->ro.size_by = (rg_metric)m;
	} else if (strcmp(name, "label-lang") == 0) {
		if ((o->ro.label_lang = rg_lang_parse(arg)) == RG_LANG_NONE)
			return rg_cli_usage_error("render", "unknown --label-lang '%s'", arg);
	} else if (strcmp(name, "style") == 0) {
		o->ro.style = arg;
	} else if (strcmp(name, "title") == 0) {
		o->ro.title = arg;
	} else if (strcmp(name, "window") == 0) {
		if (rg_window_parse(arg, &o->window))
			return rg_cli_usage_error("render", "unknown --window '%s'", arg);
	} else if (strcmp(name, "types") == 0) {
		if (!(o->types = rg_cli_types(arg)))
			return rg_cli_usage_error("render", "unknown type in --types '%s'", arg);
	}
	return 0;
}

int cmd_render(int argc, char **argv)
{
	rg_ctx ctx;
	render_cli rc_opts = { "graph.svg", { 0 }, { RG_WINDOW_SENTENCE, 0 }, 0 };
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
	rg_render_opts_init(&rc_opts.ro);
	rc_opts.ro.top = 40;
	rc_opts.ro.size_by = RG_METRIC_STRENGTH;
	int p = rg_cli_parse(&rg_cmd_render, argc, argv, &ctx, handle, &rc_opts, &first);
	if (p)
		return p == 1 ? rg_cli_flush() : p;
	rg_err rc;
	if (rg_cli_lexicon(&ctx, &lex) ||
	    rg_cli_corpus(&ctx, lex, argc, argv, first, rc_opts.window, 0, rc_opts.types,
			  &c, &st))
		goto out;
	if ((rc = rg_cooc_network(c, &net)) || (rc = rg_metrics_compute(&net, &m))) {
		fprintf(stderr, "relgraph: error: building the graph: %s\n", rg_err_str(rc));
		goto out;
	}
	if ((rc = rg_render(&net, &m, &rc_opts.ro, rc_opts.output, err, sizeof err))) {
		fprintf(stderr, "relgraph: error: cannot render '%s': %s\n", rc_opts.output,
			err[0] ? err : rg_err_str(rc));
		status = rc == RG_EINPUT ? EXIT_USAGE : EXIT_INPUT;
		goto out;
	}
	if (!ctx.quiet)
		fprintf(stderr, "relgraph: wrote '%s' (%zu actors, %zu links)\n", rc_opts.output,
			rc_opts.ro.top && rc_opts.ro.top < net.n_nodes ? rc_opts.ro.top
								       : net.n_nodes,
			net.n_edges);
	status = rg_cli_finish(&ctx, &st);
out:
	rg_metrics_release(&m);
	rg_network_release(&net);
	rg_cooc_free(c);
	rg_lexicon_free(lex);
	return status;
}
