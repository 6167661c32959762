/*
 * cmd_explain.c - `relgraph explain A B`: the evidence that links two
 * actors: every window in which both were named, with document, date,
 * paragraph, sentence, byte offsets and the text itself.
 */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cli.h"
#include "util.h"

static const rg_opt opts[] = {
	{ "window", 'w', "WIN", "sentence (default), paragraph, document or tokens:K" },
	{ "limit", 'n', "N", "show at most N pieces of evidence (default 1000)" },
	{ "format", 'f', "FMT", "text (default) or json" },
	RG_COMMON_OPTS,
	{ NULL, 0, NULL, NULL }
};

const rg_command rg_cmd_explain = {
	"explain", cmd_explain, "show the sentences that link two actors",
	"[OPTIONS] ACTOR_A ACTOR_B PATH...", opts
};

typedef struct {
	rg_window window;
	size_t limit;
	int json;
} explain_opts;

static int handle(const char *name, const char *arg, void *user)
{
	explain_opts *o = user;
	if (strcmp(name, "window") == 0) {
		if (rg_window_parse(arg, &o->window))
			return rg_cli_usage_error("explain", "unknown --window '%s'", arg);
	} else if (strcmp(name, "limit") == 0) {
		return rg_cli_size("explain", name, arg, &o->limit);
	} else if (strcmp(name, "format") == 0) {
		if (strcmp(arg, "text") && strcmp(arg, "json"))
			return rg_cli_usage_error("explain", "unknown --format '%s'", arg);
		o->json = strcmp(arg, "json") == 0;
	}
	return 0;
}

int cmd_explain(int argc, char **argv)
{
	rg_ctx ctx;
	explain_opts eo = { { RG_WINDOW_SENTENCE, 0 }, 1000, 0 };
	int first, status = EXIT_INPUT;
	rg_lexicon *lex = NULL;
	rg_cooc *c = NULL;
	rg_reader_stats st;
	rg_sb tb = RG_SB_INIT; /* names and text made terminal-safe */
	rg_ctx_init(&ctx);
	int p = rg_cli_parse(&rg_cmd_explain, argc, argv, &ctx, handle, &eo, &first);
	if (p)
		return p == 1 ? rg_cli_flush() : p;
	if (argc - first < 2)
		return rg_cli_usage_error("explain", "explain needs two actor ids");
	const char *ida = argv[first], *idb = argv[first + 1];
	if (rg_cli_lexicon(&ctx, &lex))
		goto out;
	long a = rg_lexicon_find(lex, ida), b = rg_lexicon_find(lex, idb);
	if (a < 0 || b < 0) {
		status = rg_cli_usage_error("explain", "unknown actor '%s' (see 'relgraph actors "
					    "list')", a < 0 ? ida : idb);
		goto out;
	}
	if (rg_cli_corpus(&ctx, lex, argc, argv, first + 2, eo.window, eo.limit, 0xff, &c, &st))
		goto out;
	size_t n;
	const rg_evidence *ev = rg_cooc_evidence(c, (size_t)a, (size_t)b, &n);
	json_t *arr = eo.json ? json_array() : NULL;
	if (!eo.json) {
		printf("%s - ", rg_term_text(rg_lexicon_actor(lex, (size_t)a)->names[RG_LANG_EN],
					     &tb));
		printf("%s: %zu piece%s of evidence\n",
		       rg_term_text(rg_lexicon_actor(lex, (size_t)b)->names[RG_LANG_EN], &tb), n,
		       n == 1 ? "" : "s");
	}
	for (size_t i = 0; i < n; i++) {
		const char *doc = rg_cooc_doc_id(c, ev[i].doc), *date = rg_cooc_doc_date(c, ev[i].doc);
		if (eo.json) {
			json_array_append_new(arr, json_pack("{s:s, s:s?, s:i, s:i, s:I, s:I, s:s}",
				"doc", doc, "date", date[0] ? date : NULL, "para", ev[i].para,
				"sent", ev[i].sent, "start", (json_int_t)ev[i].start,
				"end", (json_int_t)ev[i].end, "text", ev[i].text));
		} else {
			printf("\n%s%s%s, paragraph %d, sentence %d (bytes %zu-%zu):\n",
			       rg_term_text(doc, &tb), date[0] ? " " : "", date, ev[i].para,
			       ev[i].sent, ev[i].start, ev[i].end);
			printf("  %s\n", rg_term_text(ev[i].text, &tb));
		}
	}
	if (eo.json) {
		json_dumpf(arr, stdout, JSON_INDENT(1));
		putchar('\n');
		json_decref(arr);
	}
	status = rg_cli_flush();
	if (!status)
		status = rg_cli_finish(&ctx, &st);
out:
	rg_sb_release(&tb);
	rg_cooc_free(c);
	rg_lexicon_free(lex);
	return status;
}
