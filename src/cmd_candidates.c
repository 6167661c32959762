/*
 * cmd_candidates.c - `relgraph candidates`: the names in a corpus that no
 * dictionary entry matched (after titles and offices, or runs of
 * capitalised words), most frequent first, with an example of where each
 * was seen, so an analyst knows what to add with --actors.
 */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cli.h"
#include "util.h"

static const rg_opt opts[] = {
	{ "min-count", 'm', "N", "show names seen at least N times (default 1)" },
	{ "top", 'n', "N", "show at most N names (default 50; 0 = all)" },
	{ "format", 'f', "FMT", "table (default), tsv or json" },
	RG_COMMON_OPTS,
	{ NULL, 0, NULL, NULL }
};

const rg_command rg_cmd_candidates = {
	"candidates", cmd_candidates,
	"list names that no dictionary entry matched, to grow the dictionary",
	"[OPTIONS] PATH...", opts
};

typedef struct {
	size_t min_count, top;
	const char *format;
} cand_opts;

static int handle(const char *name, const char *arg, void *user)
{
	cand_opts *o = user;
	if (strcmp(name, "min-count") == 0)
		return rg_cli_size("candidates", name, arg, &o->min_count);
	if (strcmp(name, "top") == 0)
		return rg_cli_size("candidates", name, arg, &o->top);
	if (strcmp(name, "format") == 0) {
		if (strcmp(arg, "table") && strcmp(arg, "tsv") && strcmp(arg, "json"))
			return rg_cli_usage_error("candidates", "unknown --format '%s'", arg);
		o->format = arg;
	}
	return 0;
}

static rg_err add(void *c, const rg_doc *doc, const rg_analysis *an)
{
	return rg_cands_add(c, doc, an);
}

/* Replaces tabs and line ends so a value stays in its TSV cell. */
static void tsv_clean(char *s)
{
	for (; *s; s++)
		if (*s == '\t' || *s == '\n' || *s == '\r')
			*s = ' ';
}

int cmd_candidates(int argc, char **argv)
{
	rg_ctx ctx;
	cand_opts co = { 1, 50, "table" };
	int first, status = EXIT_INPUT;
	rg_lexicon *lex = NULL;
	rg_reader *r = NULL;
	rg_cands *c = NULL;
	rg_sb path = RG_SB_INIT, tb = RG_SB_INIT; /* tb: terminal-safe text */
	rg_ctx_init(&ctx);
	int p = rg_cli_parse(&rg_cmd_candidates, argc, argv, &ctx, handle, &co, &first);
	if (p)
		return p == 1 ? rg_cli_flush() : p;
	rg_diag d = rg_cli_diag(&ctx);
	if (rg_cli_lexicon(&ctx, &lex) || rg_sb_addf(&path, "%s/titles.tsv", rg_cli_datadir(&ctx)) ||
	    rg_cands_new(&c, lex, path.buf, &d) || rg_cli_reader(&ctx, argc, argv, first, &r))
		goto out;
	rg_err rc = rg_cli_pipeline(&ctx, lex, r, add, c);
	const rg_candidate *list;
	size_t n;
	if (rc || (rc = rg_cands_list(c, (long)co.min_count, &list, &n))) {
		fprintf(stderr, "relgraph: error: %s\n", rg_err_str(rc));
		goto out;
	}
	if (co.top && n > co.top)
		n = co.top;
	if (strcmp(co.format, "json") == 0) {
		json_t *arr = json_array();
		for (size_t i = 0; i < n; i++)
			json_array_append_new(arr, json_pack("{s:s, s:I, s:I, s:s, s:s, s:i}",
				"name", list[i].text, "count", (json_int_t)list[i].count,
				"docs", (json_int_t)list[i].docs, "how", list[i].how,
				"doc", list[i].doc, "para", list[i].para));
		json_dumpf(arr, stdout, JSON_INDENT(1));
		putchar('\n');
		json_decref(arr);
	} else {
		int tsv = strcmp(co.format, "tsv") == 0;
		printf(tsv ? "count\tdocs\tname\thow\tdoc\tpara\n"
			   : "%6s %5s  %-8s  %s  (first seen)\n", "count", "docs", "how", "name");
		for (size_t i = 0; i < n; i++) {
			char *name = rg_strdup(list[i].text), *doc = rg_strdup(list[i].doc);
			if (!name || !doc) {
				free(name);
				free(doc);
				goto out;
			}
			tsv_clean(name);
			tsv_clean(doc);
			if (tsv) {
				printf("%ld\t%ld\t%s\t%s\t%s\t%d\n", list[i].count, list[i].docs,
				       name, list[i].how, doc, list[i].para);
			} else {
				printf("%6ld %5ld  %-8s  %s  ", list[i].count, list[i].docs,
				       list[i].how, rg_term_text(name, &tb));
				printf("(%s, paragraph %d)\n", rg_term_text(doc, &tb), list[i].para);
			}
			free(name);
			free(doc);
		}
	}
	status = rg_cli_flush();
	if (!status)
		status = rg_cli_finish(&ctx, rg_reader_get_stats(r));
out:
	rg_sb_release(&tb);
	rg_sb_release(&path);
	rg_cands_free(c);
	rg_reader_free(r);
	rg_lexicon_free(lex);
	return status;
}
