/*
 * reader.c - turns command-line paths into a stream of documents: plain
 * text files, directories (recursive, sorted), JSONL files (jansson parses
 * each line) and standard input.  Only one document is in memory at a time.
 * Every input that cannot be used is reported and counted, never dropped
 * silently.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <jansson.h>

#include "util.h"

struct rg_reader {
	char **stack;           /* paths still to visit, last = next */
	size_t n_stack, cap_stack;
	rg_input_format fmt;
	size_t max_doc;
	const rg_diag *diag;
	rg_reader_stats stats;

	/* the current JSONL stream, if any */
	FILE *jf;
	char *jpath;
	long jline;
	char *line;
	size_t line_cap;
	rg_strmap jids;         /* ids seen in the current JSONL file */

	/* the current document's storage */
	char *text;
	char *id, *date;
	json_t *json;
};

static const char *const skip_names[RG_NSKIP] = {
	"unreadable", "invalid JSON", "binary", "empty", "too large"
};

const char *rg_skip_name(int reason)
{
	return reason >= 0 && reason < RG_NSKIP ? skip_names[reason] : "unknown";
}

static rg_err push(rg_reader *r, const char *path)
{
	if (rg_grow(&r->stack, &r->cap_stack, r->n_stack + 1, sizeof *r->stack))
		return RG_ENOMEM;
	if (!(r->stack[r->n_stack] = rg_strdup(path)))
		return RG_ENOMEM;
	r->n_stack++;
	return RG_OK;
}

rg_err rg_reader_open(rg_reader **out, const char *const *paths, size_t n_paths,
		      rg_input_format fmt, size_t max_doc_bytes, const rg_diag *diag)
{
	rg_reader *r = calloc(1, sizeof *r);
	*out = NULL;
	if (!r)
		return RG_ENOMEM;
	r->fmt = fmt;
	r->max_doc = max_doc_bytes;
	r->diag = diag;
	rg_strmap_init(&r->jids);
	for (size_t i = n_paths; i-- > 0;) {
		if (push(r, paths[i])) {
			rg_reader_free(r);
			return RG_ENOMEM;
		}
	}
	*out = r;
	return RG_OK;
}

static void clear_doc(rg_reader *r)
{
	free(r->text);
	free(r->id);
	free(r->date);
	r->text = r->id = r->date = NULL;
	if (r->json)
		json_decref(r->json);
	r->json = NULL;
}

void rg_reader_free(rg_reader *r)
{
	if (!r)
		return;
	clear_doc(r);
	for (size_t i = 0; i < r->n_stack; i++)
		free(r->stack[i]);
	free(r->stack);
	if (r->jf && r->jf != stdin)
		fclose(r->jf);
	free(r->jpath);
	free(r->line);
	rg_strmap_release(&r->jids);
	free(r);
}

const rg_reader_stats *rg_reader_get_stats(const rg_reader *r)
{
	return &r->stats;
}

/* Counts a skipped document and reports why (msg is a complete message). */
static void skip(rg_reader *r, int reason, const char *file, long line, long byte,
		 const char *msg, const char *detail)
{
	r->stats.skipped[reason]++;
	rg_diag_emit(r->diag, reason <= RG_SKIP_JSON ? RG_SEV_ERROR : RG_SEV_WARNING,
		     file, line, byte, "%s%s", msg, detail ? detail : "");
}

static int is_jsonl_name(const char *path)
{
	size_t n = strlen(path);
	return (n > 6 && strcmp(path + n - 6, ".jsonl") == 0) ||
	       (n > 7 && strcmp(path + n - 7, ".ndjson") == 0);
}

static int blank(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!strchr(" \t\r\n\f\v", s[i]))
			return 0;
	return 1;
}

/*
 * Checks a document's text; returns 1 when it may be analysed, 0 when it
 * was skipped (and reported).
 */
static int usable(rg_reader *r, const char *file, long line, const char *text,
		  size_t len)
{
	const char *nul = memchr(text, '\0', len);
	if (nul) {
		char where[64];
		snprintf(where, sizeof where, "%ld)", (long)(nul - text));
		skip(r, RG_SKIP_BINARY, file, line, (long)(nul - text),
		     "binary data; skipped (a NUL byte at offset ", where);
		return 0;
	}
	if (blank(text, len)) {
		skip(r, RG_SKIP_EMPTY, file, line, -1, "empty document; skipped", NULL);
		return 0;
	}
	return 1;
}

/* Pushes a directory's entries in reverse name order (so they pop sorted). */
static rg_err push_dir(rg_reader *r, const char *path)
{
	struct dirent **ents = NULL;
	int n = scandir(path, &ents, NULL, alphasort);
	rg_err rc = RG_OK;
	rg_sb sb = RG_SB_INIT;
	if (n < 0) {
		skip(r, RG_SKIP_UNREADABLE, path, -1, -1, "cannot read directory: ",
		     strerror(errno));
		return RG_OK;
	}
	for (int i = n; i-- > 0;) {
		if (ents[i]->d_name[0] != '.' && !rc) {
			rg_sb_reset(&sb);
			size_t pl = strlen(path);
			rc = rg_sb_add(&sb, path, pl);
			if (!rc && pl && path[pl - 1] != '/')
				rc = rg_sb_addc(&sb, '/');
			if (!rc)
				rc = rg_sb_adds(&sb, ents[i]->d_name);
			if (!rc)
				rc = push(r, sb.buf);
		}
		free(ents[i]);
	}
	free(ents);
	rg_sb_release(&sb);
	return rc;
}

/* Reads all of FILE f (standard input or a file) into r->text. */
static rg_err slurp(FILE *f, char **out, size_t *len)
{
	rg_sb sb = RG_SB_INIT;
	for (;;) {
		if (rg_sb_grow(&sb, 1 << 16)) {
			rg_sb_release(&sb);
			return RG_ENOMEM;
		}
		size_t n = fread(sb.buf + sb.len, 1, sb.cap - sb.len - 1, f);
		sb.len += n;
		if (!n)
			break;
	}
	if (ferror(f)) {
		rg_sb_release(&sb);
		return RG_EIO;
	}
	sb.buf[sb.len] = '\0';
	*out = sb.buf;
	*len = sb.len;
	return RG_OK;
}

static void end_jsonl(rg_reader *r)
{
	if (r->jf && r->jf != stdin)
		fclose(r->jf);
	r->jf = NULL;
	free(r->jpath);
	r->jpath = NULL;
	rg_strmap_release(&r->jids);
	rg_strmap_init(&r->jids);
}

static int valid_date(const char *s)
{
	if (strlen(s) < 10)
		return 0;
	for (int i = 0; i < 10; i++)
		if ((i == 4 || i == 7) ? s[i] != '-' : (s[i] < '0' || s[i] > '9'))
			return 0;
	return 1;
}

/* The next document of the current JSONL stream: 1, 0 at its end, -1. */
static int next_jsonl(rg_reader *r, rg_doc *doc)
{
	for (;;) {
		ssize_t n = getline(&r->line, &r->line_cap, r->jf);
		if (n < 0) {
			if (ferror(r->jf))
				skip(r, RG_SKIP_UNREADABLE, r->jpath, r->jline + 1, -1,
				     "read error: ", strerror(errno));
			end_jsonl(r);
			return 0;
		}
		r->jline++;
		if (blank(r->line, (size_t)n))
			continue;
		json_error_t err;
		json_t *o = json_loadb(r->line, (size_t)n, JSON_DISABLE_EOF_CHECK, &err);
		if (!o || !json_is_object(o)) {
			skip(r, RG_SKIP_JSON, r->jpath, r->jline, -1, "invalid JSON: ",
			     o ? "not an object" : err.text);
			if (o)
				json_decref(o);
			continue;
		}
		json_t *text = json_object_get(o, "text"), *id = json_object_get(o, "id");
		json_t *date = json_object_get(o, "date"), *lang = json_object_get(o, "lang");
		if (!json_is_string(text)) {
			skip(r, RG_SKIP_JSON, r->jpath, r->jline, -1,
			     text ? "\"text\" is not a string; line skipped"
				  : "no \"text\" field; line skipped", NULL);
			json_decref(o);
			continue;
		}
		if (!usable(r, r->jpath, r->jline, json_string_value(text),
			    json_string_length(text))) {
			json_decref(o);
			continue;
		}
		if (r->max_doc && json_string_length(text) > r->max_doc) {
			skip(r, RG_SKIP_TOO_LARGE, r->jpath, r->jline, -1,
			     "document larger than --max-doc-bytes; skipped", NULL);
			json_decref(o);
			continue;
		}
		char idbuf[64];
		const char *ids = NULL;
		if (json_is_string(id))
			ids = json_string_value(id);
		else if (json_is_integer(id))
			snprintf(idbuf, sizeof idbuf, "%" JSON_INTEGER_FORMAT,
				 json_integer_value(id)), ids = idbuf;
		rg_sb sb = RG_SB_INIT;
		if (!ids) {
			if (id)
				rg_diag_emit(r->diag, RG_SEV_WARNING, r->jpath, r->jline, -1,
					     "\"id\" is neither a string nor an integer; "
					     "using the file and line");
			if (rg_sb_addf(&sb, "%s:%ld", r->jpath, r->jline)) {
				json_decref(o);
				return -1;
			}
			ids = sb.buf;
		}
		uint32_t seen;
		if (rg_strmap_put(&r->jids, ids, strlen(ids), (uint32_t)r->jline, &seen)) {
			rg_sb_release(&sb);
			json_decref(o);
			return -1;
		}
		if (seen != (uint32_t)r->jline)
			rg_diag_emit(r->diag, RG_SEV_WARNING, r->jpath, r->jline, -1,
				     "duplicate id '%s' (first on line %u)", ids, seen);
		clear_doc(r);
		r->id = rg_strdup(ids);
		rg_sb_release(&sb);
		r->json = o;
		if (!r->id)
			return -1;
		doc->id = r->id;
		doc->text = json_string_value(text);
		doc->len = json_string_length(text);
		doc->date = NULL;
		doc->lang = RG_LANG_NONE;
		if (json_is_string(date) && valid_date(json_string_value(date)))
			doc->date = json_string_value(date);
		else if (date && !json_is_null(date))
			rg_diag_emit(r->diag, RG_SEV_WARNING, r->jpath, r->jline, -1,
				     "\"date\" is not YYYY-MM-DD; the text's own date is used");
		if (json_is_string(lang)) {
			doc->lang = rg_lang_parse(json_string_value(lang));
			if (doc->lang == RG_LANG_NONE)
				rg_diag_emit(r->diag, RG_SEV_WARNING, r->jpath, r->jline, -1,
					     "unknown \"lang\" '%s'; detecting it",
					     json_string_value(lang));
		}
		r->stats.docs++;
		r->stats.bytes += (long long)doc->len;
		return 1;
	}
}

static int start_jsonl(rg_reader *r, FILE *f, const char *path)
{
	r->jf = f;
	r->jline = 0;
	r->jpath = rg_strdup(path);
	return r->jpath ? 0 : -1;
}

int rg_reader_next(rg_reader *r, rg_doc *doc)
{
	for (;;) {
		if (r->jf) {
			int k = next_jsonl(r, doc);
			if (k)
				return k;
			continue;
		}
		if (!r->n_stack)
			return 0;
		char *path = r->stack[--r->n_stack];
		int is_stdin = strcmp(path, "-") == 0;
		struct stat st;
		FILE *f = NULL;
		int rc = 0;
		if (!is_stdin && stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
			rc = push_dir(r, path) ? -1 : 0;
			free(path);
			if (rc)
				return -1;
			continue;
		}
		if (!is_stdin && r->max_doc && r->fmt != RG_INPUT_JSONL && !is_jsonl_name(path) &&
		    stat(path, &st) == 0 && (size_t)st.st_size > r->max_doc) {
			skip(r, RG_SKIP_TOO_LARGE, path, -1, -1,
			     "document larger than --max-doc-bytes; skipped", NULL);
			free(path);
			continue;
		}
		f = is_stdin ? stdin : fopen(path, "rb");
		if (!f) {
			skip(r, RG_SKIP_UNREADABLE, path, -1, -1, "cannot open: ",
			     strerror(errno));
			free(path);
			continue;
		}
		int jsonl = r->fmt == RG_INPUT_JSONL ||
			    (r->fmt == RG_INPUT_AUTO && !is_stdin && is_jsonl_name(path));
		if (r->fmt == RG_INPUT_AUTO && is_stdin) {
			int c;
			while ((c = getc(f)) == ' ' || c == '\n' || c == '\r' || c == '\t')
				;
			if (c != EOF)
				ungetc(c, f);
			jsonl = c == '{';
		}
		if (jsonl) {
			rc = start_jsonl(r, f, is_stdin ? "(stdin)" : path);
			free(path);
			if (rc)
				return -1;
			continue;
		}
		clear_doc(r);
		size_t len = 0;
		rg_err e = slurp(f, &r->text, &len);
		if (f != stdin)
			fclose(f);
		if (e == RG_ENOMEM) {
			free(path);
			return -1;
		}
		if (e) {
			skip(r, RG_SKIP_UNREADABLE, path, -1, -1, "read error: %s",
			     strerror(errno));
			free(path);
			continue;
		}
		if (r->max_doc && len > r->max_doc) {
			skip(r, RG_SKIP_TOO_LARGE, path, -1, -1,
			     "document larger than --max-doc-bytes; skipped", NULL);
			free(path);
			continue;
		}
		if (!usable(r, path, -1, r->text, len)) {
			free(path);
			continue;
		}
		r->id = is_stdin ? (free(path), rg_strdup("-")) : path;
		if (!r->id)
			return -1;
		doc->id = r->id;
		doc->text = r->text;
		doc->len = len;
		doc->date = NULL;
		doc->lang = RG_LANG_NONE;
		r->stats.docs++;
		r->stats.bytes += (long long)len;
		return 1;
	}
}
