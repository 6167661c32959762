/*
 * cmd_actors.c - `relgraph actors list|lookup|check`: looks inside the
 * dictionary: every actor with its names, how a string is folded and
 * which actor and rule it resolves to (the same matcher extract uses), and
 * whether an analyst's own dictionary file is sound before it is used.
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "util.h"

static const rg_opt opts[] = {
	{ "type", 't', "TYPE", "list only actors of this type" },
	{ "lang", 0, "LANG", "lookup: read TEXT as this language (default: detect)" },
	RG_COMMON_OPTS,
	{ NULL, 0, NULL, NULL }
};

const rg_command rg_cmd_actors = {
	"actors", cmd_actors, "list the dictionary, or look up how a text resolves",
	"list [--type T] | lookup TEXT | check FILE...", opts
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
	char *folded = NULL;
	if (rg_lexicon_fold(lex, text, strlen(text), &folded) == RG_OK)
		printf("folded: %s\n", folded);
	free(folded);
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

/* ---- actors check ---------------------------------------------------- */

/* The problems the loader reports for the file being checked. */
typedef struct {
	const char *path;
	long problems;
	rg_ctx *ctx;
} check_run;

static void check_diag(void *v, rg_severity sev, const char *file, long line, long byte,
		       const char *msg)
{
	check_run *c = v;
	if (!file || strcmp(file, c->path)) {
		/* the data folder's own problems are not the analyst's */
		rg_diag d = rg_cli_diag(c->ctx);
		d.fn(d.ctx, sev, file, line, byte, msg);
		return;
	}
	c->problems++;
	if (line > 0)
		printf("%s:%ld: %s\n", file, line, msg);
	else
		printf("%s: %s\n", file, msg);
}

/* Whether `id` looks like what data/README.md asks for its type. */
static const char *id_advice(const char *id, const char *type)
{
	size_t n = strlen(id);
	if (strcmp(type, "country") == 0) {
		int ok = n == 3;
		for (size_t i = 0; ok && i < n; i++)
			ok = id[i] >= 'A' && id[i] <= 'Z';
		return ok ? NULL : "a country id is its ISO 3166-1 alpha-3 code in capitals (AZE)";
	}
	if (strcmp(type, "person") == 0 || strcmp(type, "org") == 0 ||
	    strcmp(type, "place") == 0)
		for (size_t i = 0; i < n; i++)
			if (id[i] >= 'A' && id[i] <= 'Z')
				return "ids of people, organisations and places are lower case "
				       "slugs (ilham-aliyev, un, baku)";
	return NULL;
}

/*
 * Checks the rows the loader accepted: duplicates within the file, ids of
 * the wrong shape, and forms that the dictionaries already give to another
 * actor (the same words would then name two actors).
 */
static rg_err check_rows(const rg_lexicon *base, check_run *c, int verbose)
{
	char *text = NULL;
	size_t len = 0;
	rg_err rc = RG_OK;
	rg_analysis an;
	rg_strmap seen; /* "id TAB lang TAB kind TAB text" -> first line */
	rg_sb key = RG_SB_INIT;
	rg_analysis_init(&an);
	rg_strmap_init(&seen);
	if (rg_file_read(c->path, &text, &len))
		goto out; /* already reported by the loader */
	long lineno = 0;
	char *cur = text, *line;
	while ((line = rg_line_next(&cur, &lineno))) {
		if (rg_line_skip(line))
			continue;
		char *f[5];
		if (rg_tsv_split(line, f, 5) != 5 || strcmp(f[3], "block") == 0)
			continue;
		rg_sb_reset(&key);
		if ((rc = rg_sb_addf(&key, "%s\t%s\t%s\t%s", f[0], f[2], f[3], f[4])))
			goto out;
		uint32_t other = rg_strmap_get(&seen, key.buf, key.len);
		if (other != UINT32_MAX) {
			printf("%s:%ld: the same row as line %lu\n", c->path, lineno,
			       (unsigned long)other);
			c->problems++;
			continue;
		} else if ((rc = rg_strmap_put(&seen, key.buf, key.len, (uint32_t)lineno, NULL))) {
			goto out;
		}
		const char *advice = id_advice(f[0], f[1]);
		if (advice) {
			printf("%s:%ld: '%s': %s\n", c->path, lineno, f[0], advice);
			c->problems++;
		}
		int lang = rg_lang_parse(f[2]);
		rg_doc doc = { "(check)", f[4], strlen(f[4]), NULL, lang };
		if ((rc = rg_analyze(base, &doc, &an, NULL)))
			goto out;
		if (an.n_mentions != 1 || an.mentions[0].start != 0 ||
		    an.mentions[0].end != doc.len)
			continue;
		const rg_actor_info *a = rg_lexicon_actor(base, an.mentions[0].actor);
		if (strcmp(a->id, f[0]) == 0) {
			if (verbose)
				printf("%s:%ld: note: '%s' is already a form of %s\n", c->path,
				       lineno, f[4], f[0]);
			continue;
		}
		printf("%s:%ld: '%s' already means %s (%s, %s); it would name two actors\n",
		       c->path, lineno, f[4], a->id, a->names[RG_LANG_EN] ? a->names[RG_LANG_EN]
		       : a->id, rg_type_name(a->type));
		c->problems++;
	}
out:
	rg_analysis_release(&an);
	rg_strmap_release(&seen);
	rg_sb_release(&key);
	free(text);
	return rc;
}

/* `actors check FILE...`: exit 1 when any file has a problem. */
static int check(rg_ctx *ctx, int argc, char **argv, int first)
{
	rg_lexicon *base = NULL, *with = NULL;
	int status = EXIT_INPUT;
	long problems = 0;
	const char *dir = rg_cli_datadir(ctx);
	rg_diag d = rg_cli_diag(ctx);
	if (rg_lexicon_open(&base, dir, ctx->actors, ctx->n_actors, &d)) {
		fprintf(stderr, "relgraph: error: cannot load the dictionaries from '%s'\n", dir);
		goto out;
	}
	for (int i = first; i < argc; i++) {
		check_run c = { argv[i], 0, ctx };
		rg_diag cd = { check_diag, &c };
		const char *extra[33];
		for (size_t k = 0; k < ctx->n_actors; k++)
			extra[k] = ctx->actors[k];
		extra[ctx->n_actors] = argv[i];
		rg_err rc = rg_lexicon_open(&with, dir, extra, ctx->n_actors + 1, &cd);
		rg_lexicon_free(with);
		with = NULL;
		if (rc && rc != RG_EDATA)
			goto out;
		if (!rc && (rc = check_rows(base, &c, ctx->verbose)))
			goto out;
		if (c.problems)
			printf("%s: %ld problem%s\n", argv[i], c.problems,
			       c.problems == 1 ? "" : "s");
		else
			printf("%s: ok\n", argv[i]);
		problems += c.problems;
	}
	status = problems ? EXIT_INPUT : EXIT_OK;
out:
	rg_lexicon_free(base);
	return status;
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
		return rg_cli_usage_error("actors", "actors needs 'list', 'lookup TEXT' "
					  "or 'check FILE'");
	const char *verb = argv[first];
	if (strcmp(verb, "check") == 0) {
		if (first + 1 >= argc)
			return rg_cli_usage_error("actors", "check needs a FILE");
		status = check(&ctx, argc, argv, first + 1);
		int fl = rg_cli_flush();
		return status ? status : fl;
	}
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
