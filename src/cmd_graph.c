/*
 * cmd_graph.c - `relgraph graph -o FILE`: the weighted, filtered graph with
 * every metric and community, exported for other tools (GraphML and GML
 * for Gephi, Cytoscape and networkx, DOT, an edge-list CSV, JSON).  Reads
 * articles or partial edge tables like rank does.
 */
#include <string.h>
#include <strings.h>

#include "cli_net.h"

static const rg_opt opts[] = {
	{ "output", 'o', "FILE", "FILE.graphml, .gml, .dot, .csv (edge list) or .json" },
	{ "top", 'n', "N", "keep the N highest by --by (ranked on the whole graph; 0 = all)" },
	{ "by", 'b', "METRIC", "the --top order (default strength)" },
	RG_NET_OPTS,
	RG_COMMON_OPTS,
	{ NULL, 0, NULL, NULL }
};

const rg_command rg_cmd_graph = {
	"graph", cmd_graph, "export the graph with its metrics (GraphML, GML, DOT, CSV, JSON)",
	"-o FILE [OPTIONS] PATH...", opts
};

typedef struct {
	rg_netopts net;
	const char *output;
	size_t top;
	int by;
} graph_opts;

static int handle(const char *name, const char *arg, void *user)
{
	graph_opts *o = user;
	int r = rg_cli_netopt("graph", name, arg, &o->net);
	if (r >= 0)
		return r;
	if (strcmp(name, "output") == 0) {
		static const char *const ext[] = { ".graphml", ".gml", ".dot", ".csv", ".json" };
		const char *dot = strrchr(arg, '.');
		size_t i = 0;
		while (dot && i < 5 && strcasecmp(dot, ext[i]))
			i++;
		if (!dot || i == 5)
			return rg_cli_usage_error("graph", "'%s': unknown format (use .graphml, "
						  ".gml, .dot, .csv or .json)", arg);
		o->output = arg;
	} else if (strcmp(name, "top") == 0) {
		return rg_cli_size("graph", name, arg, &o->top);
	} else if (strcmp(name, "by") == 0) {
		if ((o->by = rg_metric_parse(arg)) < 0)
			return rg_cli_usage_error("graph", "unknown --by '%s'", arg);
	}
	return 0;
}

int cmd_graph(int argc, char **argv)
{
	rg_ctx ctx;
	graph_opts go = { .output = NULL, .top = 0, .by = RG_METRIC_STRENGTH };
	rg_network net;
	rg_metrics m;
	rg_reader_stats st;
	char err[512];
	int first, status;
	rg_err rc;

	rg_ctx_init(&ctx);
	rg_netopts_init(&go.net);
	rg_network_init(&net);
	rg_metrics_init(&m);
	int p = rg_cli_parse(&rg_cmd_graph, argc, argv, &ctx, handle, &go, &first);
	if (p)
		return p == 1 ? rg_cli_flush() : p;
	if (!go.output)
		return rg_cli_usage_error("graph", "-o FILE is required (.graphml, .gml, .dot, "
					  ".csv or .json)");
	if ((status = rg_cli_network(&ctx, "graph", argc, argv, first, &go.net, &net, &m, &st)))
		goto out;
	status = EXIT_INPUT;
	if ((rc = rg_network_top(&net, &m, (rg_metric)go.by, go.top))) {
		fprintf(stderr, "relgraph: error: %s\n", rg_err_str(rc));
		goto out;
	}
	if ((rc = rg_export(&net, &m, go.output, err, sizeof err))) {
		fprintf(stderr, "relgraph: error: %s\n", err);
		status = rc == RG_EINPUT ? EXIT_USAGE : EXIT_INPUT;
		goto out;
	}
	if (!ctx.quiet)
		fprintf(stderr, "relgraph: %zu actors, %zu ties written to %s\n", net.n_nodes,
			net.n_edges, go.output);
	status = rg_cli_finish(&ctx, &st);
out:
	rg_metrics_release(&m);
	rg_network_release(&net);
	return status;
}
