/*
 * cli_net.h - the network options rank, graph (and render) share: window,
 * weight scheme, types, light-tie and backbone filters, ego network, and
 * the corpus filters --since/--until/--lang; and the one function that
 * turns the operands (articles, or partial edge tables) into the filtered,
 * weighted network with its metrics.
 */
#ifndef RG_CLI_NET_H
#define RG_CLI_NET_H

#include "cli.h"

#define RG_NET_OPTS \
	{ "window", 'w', "WIN", "sentence (default), paragraph, document or tokens:K" }, \
	{ "weight", 0, "SCHEME", "tie weight: count (default), docs, assoc, pmi, jaccard" }, \
	{ "types", 't', "LIST", "actor types (default country,person,org)" }, \
	{ "min-weight", 0, "W", "drop ties lighter than W (in the chosen weight)" }, \
	{ "backbone", 0, "ALPHA", "keep the ties significant at ALPHA (disparity filter)" }, \
	{ "focus", 0, "ID", "the ego network of actor ID (see --depth)" }, \
	{ "depth", 0, "D", "with --focus: ties away from ID (default 1)" }, \
	{ "since", 0, "DATE", "only documents dated DATE (YYYY[-MM[-DD]]) or later" }, \
	{ "until", 0, "DATE", "only documents dated DATE or earlier" }, \
	{ "lang", 0, "LANG", "only documents in LANG (en, fa, ar, az, ru, tr)" }

typedef struct {
	rg_window window;
	int window_set;          /* --window was given */
	unsigned types;          /* 0: the default mask */
	int weight;              /* rg_weight_scheme */
	double min_weight;       /* 0: none */
	double backbone;         /* 0: none */
	const char *focus;       /* NULL: whole graph */
	unsigned depth;
	const char *since, *until;
	int lang;                /* RG_LANG_NONE: all */
} rg_netopts;

void rg_netopts_init(rg_netopts *o);

/*
 * Handles option `name` if it is one of RG_NET_OPTS: 0 when taken,
 * EXIT_USAGE after printing an error, -1 when it is not a network option.
 */
int rg_cli_netopt(const char *cmd, const char *name, const char *arg, rg_netopts *o);

/*
 * The raw network of the operands (window counts, no weighting or
 * filters except --types/--since/--until/--lang): every operand an edge
 * table (recognised by its first line) summed, or else the articles read
 * and analysed.  *w receives the window (a table's own).  Returns 0, or
 * EXIT_INPUT after printing the error.
 */
int rg_cli_raw_network(rg_ctx *ctx, int argc, char **argv, int first,
		       const rg_netopts *o, rg_window *w, rg_network *net,
		       rg_reader_stats *st);

/*
 * rg_cli_raw_network, then the weight scheme, --min-weight, --backbone
 * and --focus/--depth in that order, then every metric with igraph.
 */
int rg_cli_network(rg_ctx *ctx, const char *cmd, int argc, char **argv, int first,
		   const rg_netopts *o, rg_network *net, rg_metrics *m,
		   rg_reader_stats *st);

/*
 * The weight scheme, --min-weight, --backbone and --focus/--depth applied
 * to net, then its metrics (sampled paths on `jobs` threads, --jobs).
 * With `lenient`, a --focus actor absent from net leaves it empty instead
 * of failing (one period may lack the actor).
 */
int rg_cli_analyse(const char *cmd, const rg_netopts *o, rg_network *net, rg_metrics *m,
		   int lenient, int jobs);

/* ---- time slices (rank --by-period, trend) ---- */

#define RG_PERIOD_KEY 9 /* "2024-03", "2024-Q1", "2024" */

/* Parses month, quarter or year into *out (an rg_period); EXIT_USAGE
 * after an error. */
int rg_cli_period_parse(const char *cmd, const char *arg, int *out);

/* One analysed network per period, in time order. */
typedef struct {
	char (*keys)[RG_PERIOD_KEY];
	rg_network *nets;
	rg_metrics *metrics;
	size_t n;
} rg_cli_slices;

/*
 * Reads the articles once, sending each dated document to its period's
 * accumulator (undated ones are counted and left out), then analyses each
 * period's network like rg_cli_network.  Edge tables are refused (they
 * hold no per-period counts).  0, or EXIT_INPUT after printing the error;
 * release *sl with rg_cli_slices_release either way.
 */
int rg_cli_slices_build(rg_ctx *ctx, const char *cmd, int argc, char **argv, int first,
			const rg_netopts *o, int period, rg_cli_slices *sl,
			rg_reader_stats *st);
void rg_cli_slices_release(rg_cli_slices *sl);

/* rank[i] = 1-based rank of node i by metric `by` (malloc'd); -1 on failure. */
int rg_cli_rank_of(const rg_network *net, const rg_metrics *m, int by, size_t **rank);
/* The index of the node with id `id`, or -1. */
long rg_cli_find_node(const rg_network *net, const char *id);

/* Prints each period's ranking (top N, 0 = all) with rank changes in
 * `format` (table, tsv, csv, json); -1 when out of memory. */
int rg_cli_rank_periods(const rg_cli_slices *sl, int by, size_t top, const char *format);

/* 1 when there are operands and each is an edge table (extract --emit edges). */
int rg_cli_all_tables(int argc, char **argv, int first);

/* The --since/--until/--lang/--types of o as a slice filter. */
void rg_cli_slice_filter(const rg_netopts *o, rg_slice_filter *f);

/* Sums the edge tables argv[first..] into *s (NULL on failure); 0, or
 * EXIT_INPUT after the reader reported the bad row. */
int rg_cli_read_tables(rg_ctx *ctx, int argc, char **argv, int first, rg_edgeset **s);

/* 0 when the slices of s can answer f; else EXIT_INPUT after saying why. */
int rg_cli_table_filter(const char *cmd, const rg_edgeset *s, const rg_slice_filter *f);

/*
 * The map step: the articles argv[first..] (those --since/--until/--lang
 * take) counted into a new edge set of window o->window, types o->types
 * and `slicing` (an rg_slicing).  Whenever the set holds more than
 * spill_bytes it is written to `spill` as one table and started afresh
 * (spill NULL: never), so memory stays bounded; *out is the last set.
 * 0, or EXIT_INPUT after printing the error.
 */
int rg_cli_edgeset_build(rg_ctx *ctx, int argc, char **argv, int first, const rg_netopts *o,
			 int slicing, FILE *spill, size_t spill_bytes, rg_edgeset **out,
			 rg_reader_stats *st);

#endif
