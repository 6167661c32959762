/*
 * cmd_formats.h - what `relgraph formats` (cmd_formats.c: options, corpus,
 * selection) hands its printer (cmd_formats_print.c: table, TSV, JSON and
 * Markdown), and the --formats diagram that `relgraph render` routes here.
 */
#ifndef RG_CMD_FORMATS_H
#define RG_CMD_FORMATS_H

#include "cli_net.h"

/* One run's results: the formats, the whole graph, and which formats to show. */
typedef struct {
	const rg_lexicon *lex;
	rg_formatstats *fs;
	const rg_network *net;
	const rg_metrics *m;
	const rg_reader_stats *st;
	const size_t *sel;       /* indices in rg_formatstats_get order */
	size_t n_sel;
	rg_period period;
	const char *window;      /* as given, for the heading */
	int compare;             /* --compare: the side-by-side view */
} fm_report;

/* Prints the report as `format` (table, tsv, json, md); 0 or -1 (out of memory). */
int fm_print(const fm_report *r, const char *format);

/*
 * `relgraph render --formats`: reads the corpus of argv[first..] and draws
 * its formats to `output` with `ro` (only layout, label_lang and title are
 * used) and the `top` most-mentioned formats (0: all).  Returns the exit
 * status.
 */
int cmd_formats_render(rg_ctx *ctx, int argc, char **argv, int first,
		       const rg_render_opts *ro, const char *output, size_t top);

#endif
