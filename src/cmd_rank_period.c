/*
 * cmd_rank_period.c - `relgraph rank --by-period month|quarter|year`: the
 * ranking of each period (its own graph, metrics computed on it) with each
 * actor's change of rank since the previous period, as a table, TSV, CSV
 * or JSON.  The slices come from cli_net.c; cmd_rank.c hands over here.
 */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cli_net.h"
#include "util.h"

int rg_cli_rank_of(const rg_network *net, const rg_metrics *m, int by, size_t **rank)
{
	size_t *order = malloc((net->n_nodes + 1) * sizeof *order);
	*rank = malloc((net->n_nodes + 1) * sizeof **rank);
	if (!order || !*rank || rg_metrics_order(net, m, (rg_metric)by, order)) {
		free(order);
		free(*rank);
		*rank = NULL;
		return -1;
	}
	for (size_t r = 0; r < net->n_nodes; r++)
		(*rank)[order[r]] = r + 1;
	free(order);
	return 0;
}

long rg_cli_find_node(const rg_network *net, const char *id)
{
	for (size_t i = 0; i < net->n_nodes; i++)
		if (strcmp(net->nodes[i].id, id) == 0)
			return (long)i;
	return -1;
}

/* "+2", "-1", "0", "new", or "" in the first period. */
static void change_str(char *buf, size_t n, size_t period, long prev, size_t now)
{
	if (period == 0)
		snprintf(buf, n, "%s", "");
	else if (prev < 0)
		snprintf(buf, n, "new");
	else
		snprintf(buf, n, "%+ld", prev - (long)now);
	if (strcmp(buf, "+0") == 0)
		snprintf(buf, n, "0");
}

int rg_cli_rank_periods(const rg_cli_slices *sl, int by, size_t top, const char *format)
{
	rg_sb tb = RG_SB_INIT; /* names made terminal-safe for the table */
	int csv = strcmp(format, "csv") == 0, tsv = strcmp(format, "tsv") == 0;
	int json = strcmp(format, "json") == 0;
	const char *sep = csv ? "," : "\t";
	size_t *prev_rank = NULL, *rank = NULL, *order = NULL;
	json_t *root = json ? json_object() : NULL, *periods = json ? json_array() : NULL;
	int rc = -1;

	if (json && (!root || !periods))
		goto out;
	if (csv || tsv) {
		printf("period%srank%schange%sid%sname%stype", sep, sep, sep, sep, sep);
		for (int k = 0; k < RG_NMETRIC; k++)
			printf("%s%s", sep, rg_metric_name((rg_metric)k));
		printf("%scommunity%s", sep, csv ? "\r\n" : "\n");
	}
	for (size_t p = 0; p < sl->n; p++) {
		const rg_network *net = &sl->nets[p];
		const rg_metrics *m = &sl->metrics[p];
		size_t n = top && top < net->n_nodes ? top : net->n_nodes;
		json_t *rows = json ? json_array() : NULL;
		free(order);
		order = malloc((net->n_nodes + 1) * sizeof *order);
		if (!order || (net->n_nodes && rg_metrics_order(net, m, (rg_metric)by, order)) ||
		    rg_cli_rank_of(net, m, by, &rank))
			goto out;
		if (!json && !csv && !tsv)
			printf("%s%s  (%ld document%s, %zu actors, %zu ties)\n", p ? "\n" : "",
			       sl->keys[p], net->n_docs, net->n_docs == 1 ? "" : "s", net->n_nodes,
			       net->n_edges);
		if (!json && !csv && !tsv && n)
			printf("%4s %6s  %-24s %6s %8s %11s %9s\n", "rank", "change", "actor",
			       "degree", "strength", "betweenness", "pagerank");
		for (size_t r = 0; r < n; r++) {
			size_t i = order[r];
			const rg_node *nd = &net->nodes[i];
			long prev = -1;
			char ch[24];
			if (p) {
				long j = rg_cli_find_node(&sl->nets[p - 1], nd->id);
				prev = j < 0 ? -1 : (long)prev_rank[j];
			}
			change_str(ch, sizeof ch, p, prev, r + 1);
			const char *name = nd->names[RG_LANG_EN] ? nd->names[RG_LANG_EN] : nd->id;
			if (json) {
				json_t *row = json_pack("{s:I, s:o, s:s, s:s, s:s}", "rank",
							(json_int_t)r + 1, "change",
							p == 0 ? json_null() : prev < 0 ? json_string("new")
							: json_integer(prev - (long)(r + 1)),
							"id", nd->id, "name", name,
							"type", rg_type_name(nd->type));
				for (int k = 0; row && k < RG_NMETRIC; k++)
					json_object_set_new(row, rg_metric_name((rg_metric)k),
							    json_real(m->value[k][i]));
				if (row)
					json_object_set_new(row, "community",
							    json_integer(m->community[i]));
				json_array_append_new(rows, row);
			} else if (csv || tsv) {
				printf("%s%s%zu%s%s%s%s%s", sl->keys[p], sep, r + 1, sep, ch, sep,
				       nd->id, sep);
				if (csv && strpbrk(name, ",\"")) {
					putchar('"');
					for (const char *c = name; *c; c++)
						printf(*c == '"' ? "\"\"" : "%c", *c);
					putchar('"');
				} else {
					fputs(name, stdout);
				}
				printf("%s%s", sep, rg_type_name(nd->type));
				for (int k = 0; k < RG_NMETRIC; k++)
					printf("%s%.6g", sep, m->value[k][i]);
				printf("%s%ld%s", sep, m->community[i], csv ? "\r\n" : "\n");
			} else {
				printf("%4zu %6s  %-24s %6.0f %8.4g %11.2f %9.4f\n", r + 1, ch,
				       rg_term_text(name, &tb),
				       m->value[RG_METRIC_DEGREE][i], m->value[RG_METRIC_STRENGTH][i],
				       m->value[RG_METRIC_BETWEENNESS][i],
				       m->value[RG_METRIC_PAGERANK][i]);
			}
		}
		if (json) {
			json_t *o = json_pack("{s:s, s:I, s:I, s:I, s:o}", "period", sl->keys[p],
					      "documents", (json_int_t)net->n_docs,
					      "nodes", (json_int_t)net->n_nodes,
					      "edges", (json_int_t)net->n_edges, "ranking", rows);
			if (!o)
				goto out;
			json_array_append_new(periods, o);
		}
		free(prev_rank);
		prev_rank = rank;
		rank = NULL;
	}
	if (json) {
		json_object_set_new(root, "by", json_string(rg_metric_name((rg_metric)by)));
		json_object_set(root, "periods", periods);
		if (json_dumpf(root, stdout, JSON_INDENT(1)) || putchar('\n') == EOF)
			goto out;
	}
	rc = 0;
out:
	json_decref(root);
	json_decref(periods);
	free(prev_rank);
	free(rank);
	free(order);
	rg_sb_release(&tb);
	return rc;
}
