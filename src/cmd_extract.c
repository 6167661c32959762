/*
 * cmd_extract.c - `relgraph extract`: one record per document with its
 * language, date, mentions (actor, type, English name, paragraph, sentence,
 * byte offsets, surface, via) and formats, as JSON Lines (the contract the
 * scorer reads) or as TSV rows of mentions.  Documents are streamed: each
 * is printed as soon as it is analysed.
 */
#include <string.h>

#include <jansson.h>

#include "cli_net.h"
#include "util.h"

static const rg_opt opts[] = {
	{ "format", 'f', "FMT", "jsonl (default) or tsv" },
	{ "explain", 0, NULL, "add the rule that matched to every mention" },
	{ "emit", 'e', "WHAT", "mentions (default) or edges: the partial edge table "
			       "that 'relgraph merge' sums" },
	{ "window", 'w', "WIN", "with --emit edges: sentence (default), paragraph, "
				"document or tokens:K" },
	{ "types", 't', "LIST", "with --emit edges: actor types (default country,person,org)" },
	{ "since", 0, "DATE", "with --emit edges: only documents dated DATE or later" },
	{ "until", 0, "DATE", "with --emit edges: only documents dated DATE or earlier" },
	{ "lang", 0, "LANG", "with --emit edges: only documents in LANG" },
	{ "slice", 0, "BY", "with --emit edges: count per day (default), month or year "
			     "of the documents' dates" },
	{ "spill-mb", 0, "MB", "with --emit edges: when the counts and their sort would pass MB "
			       "(default 128), write them as one table and go on afresh "
			       "(merge sums them)" },
	RG_COMMON_OPTS,
	{ NULL, 0, NULL, NULL }
};

const rg_command rg_cmd_extract = {
	"extract", cmd_extract, "list the actor mentions and formats of each document",
	"[OPTIONS] PATH...", opts
};

typedef struct {
	int tsv, explain;
	int edges;           /* --emit edges */
	int slicing;         /* --slice (an rg_slicing) */
	size_t spill_mb;     /* --spill-mb */
	rg_netopts net;
} extract_opts;

static int handle(const char *name, const char *arg, void *user)
{
	extract_opts *o = user;
	int r = rg_cli_netopt("extract", name, arg, &o->net);
	if (r >= 0)
		return r;
	if (strcmp(name, "emit") == 0) {
		if (strcmp(arg, "mentions") && strcmp(arg, "edges"))
			return rg_cli_usage_error("extract", "unknown --emit '%s' (mentions, "
						  "edges)", arg);
		o->edges = strcmp(arg, "edges") == 0;
	} else if (strcmp(name, "format") == 0) {
		if (strcmp(arg, "jsonl") && strcmp(arg, "tsv"))
			return rg_cli_usage_error("extract", "unknown --format '%s' (jsonl, tsv)",
						  arg);
		o->tsv = strcmp(arg, "tsv") == 0;
	} else if (strcmp(name, "explain") == 0) {
		o->explain = 1;
	} else if (strcmp(name, "spill-mb") == 0) {
		if (rg_cli_size("extract", name, arg, &o->spill_mb))
			return EXIT_USAGE;
		if (o->spill_mb < 1 || o->spill_mb > ((size_t)1 << 30))
			return rg_cli_usage_error("extract", "--spill-mb is 1 to 2^30");
	} else if (strcmp(name, "slice") == 0) {
		if ((o->slicing = rg_slicing_parse(arg)) < 0)
			return rg_cli_usage_error("extract", "unknown --slice '%s' (day, month, "
						  "year)", arg);
	}
	return 0;
}

/* A JSON string of bytes that may not be valid UTF-8. */
static json_t *jstr(rg_sb *tmp, const char *p, size_t n)
{
	rg_sb_reset(tmp);
	if (rg_sb_add_utf8(tmp, p, n))
		return NULL;
	return json_stringn(tmp->buf ? tmp->buf : "", tmp->len);
}

static int print_json(const rg_lexicon *lex, const rg_doc *doc, const rg_analysis *an,
		      int explain, rg_sb *tmp)
{
	json_t *o = json_object(), *ms = json_array(), *fs = json_array();
	int rc = -1;
	if (!o || !ms || !fs)
		goto out;
	json_object_set_new(o, "doc", jstr(tmp, doc->id, strlen(doc->id)));
	json_object_set_new(o, "lang", an->lang >= 0 ? json_string(rg_lang_code(an->lang))
						     : json_null());
	json_object_set_new(o, "date", an->date[0] ? json_string(an->date) : json_null());
	for (size_t i = 0; i < an->n_mentions; i++) {
		const rg_mention *m = &an->mentions[i];
		const rg_actor_info *a = rg_lexicon_actor(lex, m->actor);
		json_t *j = json_pack("{s:s, s:s, s:s, s:i, s:i, s:I, s:I, s:o, s:s}",
				      "actor", a->id, "type", rg_type_name(a->type),
				      "name", a->names[RG_LANG_EN], "para", m->para,
				      "sent", m->sent, "start", (json_int_t)m->start,
				      "end", (json_int_t)m->end,
				      "surface", jstr(tmp, doc->text + m->start, m->end - m->start),
				      "via", rg_via_name(m->via));
		if (!j)
			goto out;
		if (explain)
			json_object_set_new(j, "rule", json_string(m->rule));
		json_array_append_new(ms, j);
	}
	for (size_t i = 0; i < an->n_formats; i++) {
		const rg_format *f = &an->formats[i];
		static const char *const kinds[] = { "trilateral", "quadrilateral" };
		json_t *mem = json_array();
		for (size_t k = 0; k < f->n_members; k++)
			json_array_append_new(mem, json_string(rg_lexicon_actor(lex, f->members[k])->id));
		json_t *j = json_pack("{s:o, s:s, s:i, s:i, s:I, s:I, s:o, s:s}",
				      "members", mem, "kind",
				      f->n_members <= 4 ? kinds[f->n_members - 3] : "multilateral",
				      "para", f->para, "sent", f->sent,
				      "start", (json_int_t)f->start, "end", (json_int_t)f->end,
				      "surface", jstr(tmp, doc->text + f->start, f->end - f->start),
				      "rule", f->rule);
		if (!j)
			goto out;
		json_array_append_new(fs, j);
	}
	json_object_set(o, "mentions", ms);
	json_object_set(o, "formats", fs);
	json_t *rs = json_array();
	for (size_t i = 0; rs && i < an->n_roles; i++) {
		const rg_role *r = &an->roles[i];
		json_t *j = json_pack("{s:s, s:s, s:o, s:i, s:i, s:I, s:I, s:o}",
				      "office", r->office,
				      "of", rg_lexicon_actor(lex, r->holder_of)->id,
				      "person", r->person == RG_NO_ACTOR ? json_null()
					: json_string(rg_lexicon_actor(lex, r->person)->id),
				      "para", r->para, "sent", r->sent,
				      "start", (json_int_t)r->start, "end", (json_int_t)r->end,
				      "unresolved", r->why ? json_string(r->why) : json_null());
		if (j)
			json_array_append_new(rs, j);
	}
	json_object_set_new(o, "roles", rs);
	if (json_dumpf(o, stdout, JSON_COMPACT) == 0 && putchar('\n') != EOF)
		rc = 0;
out:
	json_decref(o);
	json_decref(ms);
	json_decref(fs);
	return rc;
}

/* TSV: one row per mention; tabs and newlines in surfaces become spaces. */
static int print_tsv(const rg_lexicon *lex, const rg_doc *doc, const rg_analysis *an,
		     int explain, rg_sb *tmp)
{
	for (size_t i = 0; i < an->n_mentions; i++) {
		const rg_mention *m = &an->mentions[i];
		const rg_actor_info *a = rg_lexicon_actor(lex, m->actor);
		rg_sb_reset(tmp);
		if (rg_sb_add_utf8(tmp, doc->text + m->start, m->end - m->start))
			return -1;
		for (size_t k = 0; k < tmp->len; k++)
			if (tmp->buf[k] == '\t' || tmp->buf[k] == '\n' || tmp->buf[k] == '\r')
				tmp->buf[k] = ' ';
		printf("%s\t%s\t%s\t%s\t%s\t%s\t%d\t%d\t%zu\t%zu\t%s\t%s", doc->id,
		       rg_lang_code(an->lang) ? rg_lang_code(an->lang) : "",
		       an->date, a->id, rg_type_name(a->type), a->names[RG_LANG_EN],
		       m->para, m->sent, m->start, m->end, tmp->buf ? tmp->buf : "",
		       rg_via_name(m->via));
		if (explain)
			printf("\t%s", m->rule);
		putchar('\n');
	}
	return ferror(stdout) ? -1 : 0;
}

typedef struct {
	const rg_lexicon *lex;
	extract_opts *eo;
	rg_sb tmp;
	int write_failed;
} extract_run;

static rg_err print_doc(void *vrun, const rg_doc *doc, const rg_analysis *an)
{
	extract_run *run = vrun;
	int r = run->eo->tsv ? print_tsv(run->lex, doc, an, run->eo->explain, &run->tmp)
			     : print_json(run->lex, doc, an, run->eo->explain, &run->tmp);
	if (r) {
		run->write_failed = 1;
		return RG_EIO;
	}
	return RG_OK;
}

/* --emit edges: the corpus's counts per slice as an edge table on stdout. */
static int emit_edges(rg_ctx *ctx, int argc, char **argv, int first, const rg_netopts *o,
		      int slicing, size_t spill_mb)
{
	rg_edgeset *s = NULL;
	rg_reader_stats st;
	int status;

	if (!(status = rg_cli_edgeset_build(ctx, argc, argv, first, o, slicing, stdout,
					    spill_mb << 20, &s, &st))) {
		rg_edgeset_write_jobs(s, stdout, rg_pipeline_jobs(ctx->jobs));
		if (!(status = rg_cli_flush()))
			status = rg_cli_finish(ctx, &st);
	}
	rg_edgeset_free(s);
	return status;
}

int cmd_extract(int argc, char **argv)
{
	rg_ctx ctx;
	extract_opts eo;
	int first, status = EXIT_OK;
	rg_lexicon *lex = NULL;
	rg_reader *r = NULL;
	extract_run run = { NULL, &eo, RG_SB_INIT, 0 };
	rg_ctx_init(&ctx);
	memset(&eo, 0, sizeof eo);
	eo.slicing = RG_SLICE_DAY;
	eo.spill_mb = 128;
	rg_netopts_init(&eo.net);
	int p = rg_cli_parse(&rg_cmd_extract, argc, argv, &ctx, handle, &eo, &first);
	if (p)
		return p == 1 ? rg_cli_flush() : p;
	if (eo.edges)
		return emit_edges(&ctx, argc, argv, first, &eo.net, eo.slicing, eo.spill_mb);
	if (rg_cli_lexicon(&ctx, &lex) || rg_cli_reader(&ctx, argc, argv, first, &r)) {
		status = EXIT_INPUT;
		goto out;
	}
	run.lex = lex;
	if (eo.tsv)
		printf("doc\tlang\tdate\tactor\ttype\tname\tpara\tsent\tstart\tend\tsurface\tvia%s\n",
		       eo.explain ? "\trule" : "");
	rg_err rc = rg_cli_pipeline(&ctx, lex, r, print_doc, &run);
	if (rc) {
		if (run.write_failed)
			rg_cli_flush();
		else
			fprintf(stderr, "relgraph: error: %s\n", rg_err_str(rc));
		status = EXIT_INPUT;
		goto out;
	}
	status = rg_cli_flush();
	if (!status)
		status = rg_cli_finish(&ctx, rg_reader_get_stats(r));
out:
	rg_sb_release(&run.tmp);
	rg_reader_free(r);
	rg_lexicon_free(lex);
	return status;
}
