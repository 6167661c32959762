/*
 * cmd_actors.c - `relgraph actors list|lookup`: looks inside the
 * dictionary: every actor with its names, or how a string is folded and
 * which actor and rule it resolves to (the same matcher extract uses).
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const rg_opt opts[] = {
	{ "type", 't', "TYPE", "list only actors of this type" },
	{ "lang", 0, "LANG", "lookup: read TEXT as this language (default: detect)" },
	RG_COMMON_OPTS,
	{ NULL, 0, NULL, NULL }
};

const rg_command rg_cmd_actors = {
	"actors", cmd_actors, "list the dictionary, or look up how a text resolves",
	"list [--type T] | lookup TEXT", opts
};

typedef struct {
	int type, lang;
} actors_opts;

static int handle(const char *name, const char *arg, void *user)
{
	actors_opts *o = user;
	if (strcmp(name, "type") == 0 && (o->type = rg_type_parse(arg)) < 0)
		return rg_cli_usage_error("actors", "unknown --type '%s'", arg);
	if (strcmp(name, "lang") == 0 && (o->lang = rg_lang_parse(arg)) == RG_LANG_NONE)
		return rg_cli_usage_error("actors", "unknown --lang '%s'", arg);
	return 0;
}

static void list(const rg_lexicon *lex, int type)
{
	printf("id\ttype\ten\tfa\tar\taz\tru\ttr\n");
	for (size_t i = 0; i < rg_lexicon_actor_count(lex); i++) {
		const rg_actor_info *a = rg_lexicon_actor(lex, i);
		if (type >= 0 && (int)a->type != type)
			continue;
		printf("%s\t%s", a->id, rg_type_name(a->type));
		for (int l = 0; l < RG_NLANG; l++)
			printf("\t%s", a->names[l] ? a->names[l] : "");
		putchar('\n');
	}
}

static int lookup(const rg_lexicon *lex, const char *text, int lang, const rg_diag *d)
{
	rg_doc doc = { "(lookup)", text, strlen(text), NULL, lang };
	rg_analysis an;
	rg_analysis_init(&an);
	if (rg_analyze(lex, &doc, &an, d)) {
		rg_analysis_release(&an);
		return EXIT_INPUT;
	}
	printf("language: %s\n", rg_lang_code(an.lang) ? rg_lang_code(an.lang) : "unknown");
	if (!an.n_mentions)
		printf("no actor\n");
	for (size_t i = 0; i < an.n_mentions; i++) {
		const rg_mention *m = &an.mentions[i];
		const rg_actor_info *a = rg_lexicon_actor(lex, m->actor);
		printf("'%.*s' -> %s (%s, %s) via %s, rule %s\n", (int)(m->end - m->start),
		       text + m->start, a->id, rg_type_name(a->type), a->names[RG_LANG_EN],
		       rg_via_name(m->via), m->rule);
	}
	rg_analysis_release(&an);
	return EXIT_OK;
}

int cmd_actors(int argc, char **argv)
{
	rg_ctx ctx;
	actors_opts ao = { -1, RG_LANG_NONE };
	int first, status = EXIT_INPUT;
	rg_lexicon *lex = NULL;
	rg_ctx_init(&ctx);
	int p = rg_cli_parse(&rg_cmd_actors, argc, argv, &ctx, handle, &ao, &first);
	if (p)
		return p == 1 ? rg_cli_flush() : p;
	if (first >= argc)
		return rg_cli_usage_error("actors", "actors needs 'list' or 'lookup TEXT'");
	const char *verb = argv[first];
	if (strcmp(verb, "list") && strcmp(verb, "lookup"))
		return rg_cli_usage_error("actors", "unknown actors command '%s'", verb);
	if (strcmp(verb, "lookup") == 0 && first + 1 >= argc)
		return rg_cli_usage_error("actors", "lookup needs a TEXT");
	if (rg_cli_lexicon(&ctx, &lex))
		goto out;
	rg_diag d = rg_cli_diag(&ctx);
	if (strcmp(verb, "list") == 0) {
		list(lex, ao.type);
		status = EXIT_OK;
	} else {
		status = lookup(lex, argv[first + 1], ao.lang, &d);
	}
	if (!status)
		status = rg_cli_flush();
out:
	rg_lexicon_free(lex);
	return status;
}
