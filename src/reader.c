/*
 * reader.c - turns command-line paths into a stream of documents: plain
 * text files, directories (recursive, sorted), JSONL files (cut into
 * lines here, each parsed by jsonl.c) and standard input.  Only one
 * document is in memory at a time.  Every input that cannot be used is
 * reported and counted, never dropped silently.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "reader.h"

#define IOBUF_SIZE ((size_t)1 << 20) /* reads of 1 MB, not the 4 KB default */

struct rg_reader {
	char *iobuf;            /* IOBUF_SIZE bytes, the buffer of the open file */
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
	unsigned jseq;          /* JSONL streams started so far */
	char *line;
	size_t line_cap;

	/* the committing side: ids seen in JSONL stream number cseq */
	rg_strmap jids;
	unsigned cseq;

	/* the current document's storage */
	char *text;
	char *id;
	rg_jsonl_doc jd;        /* rg_reader_next's parsed line */
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
	rg_jsonl_init();
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
	r->text = r->id = NULL;
	rg_jsonl_release(&r->jd);
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
	free(r->iobuf); /* after the fclose that last used it */
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
static void skip_via(rg_reader *r, const rg_diag *diag, int reason, const char *file,
		     long line, long byte, const char *msg, const char *detail)
{
	r->stats.skipped[reason]++;
	rg_diag_emit(diag, reason <= RG_SKIP_JSON ? RG_SEV_ERROR : RG_SEV_WARNING,
		     file, line, byte, "%s%s", msg, detail ? detail : "");
}

static void skip(rg_reader *r, int reason, const char *file, long line, long byte,
		 const char *msg, const char *detail)
{
	skip_via(r, r->diag, reason, file, line, byte, msg, detail);
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

int rg_reader_check_text(const char *text, size_t len, long *byte)
{
	const char *nul = memchr(text, '\0', len);
	*byte = -1;
	if (nul) {
		*byte = (long)(nul - text);
		return RG_SKIP_BINARY;
	}
	return blank(text, len) ? RG_SKIP_EMPTY : -1;
}

/*
 * Checks a document's text; returns 1 when it may be analysed, 0 when it
 * was skipped (and reported).
 */
static int usable(rg_reader *r, const char *file, long line, const char *text,
		  size_t len)
{
	long at;
	int why = rg_reader_check_text(text, len, &at);
	if (why == RG_SKIP_BINARY) {
		char where[64];
		snprintf(where, sizeof where, "%ld)", at);
		skip(r, RG_SKIP_BINARY, file, line, at,
		     "binary data; skipped (a NUL byte at offset ", where);
		return 0;
	}
	if (why == RG_SKIP_EMPTY) {
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
}

/* The next line of the current JSONL stream: 1, 0 at its end. */
static int next_line(rg_reader *r, rg_raw *raw)
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
		*raw = (rg_raw){ .is_line = 1, .line = r->line, .len = (size_t)n,
				 .file = r->jpath, .lineno = r->jline, .file_seq = r->jseq,
				 .max_doc = r->max_doc };
		return 1;
	}
}

void rg_reader_swap_line(rg_reader *r, char **buf, size_t *cap)
{
	char *b = r->line;
	size_t c = r->line_cap;
	r->line = *buf;
	r->line_cap = *cap;
	*buf = b;
	*cap = c;
}

const rg_diag *rg_reader_set_diag(rg_reader *r, const rg_diag *diag)
{
	const rg_diag *old = r->diag;
	r->diag = diag;
	return old;
}

int rg_reader_commit(rg_reader *r, const rg_raw *raw, const rg_jsonl_doc *d,
		     const rg_diag *diag)
{
	const char *file = raw->file;
	long line = raw->lineno;
	if (d->skip >= 0) {
		skip_via(r, diag, d->skip, file, line, d->byte, d->msg, d->detail);
		return 0;
	}
	if (d->warn & RG_JW_ID)
		rg_diag_emit(diag, RG_SEV_WARNING, file, line, -1,
			     "\"id\" is neither a string nor an integer; "
			     "using the file and line");
	if (raw->file_seq != r->cseq) {
		rg_strmap_release(&r->jids);
		rg_strmap_init(&r->jids);
		r->cseq = raw->file_seq;
	}
	uint32_t seen;
	if (rg_strmap_put(&r->jids, d->doc.id, strlen(d->doc.id), (uint32_t)line, &seen))
		return -1;
	if (seen != (uint32_t)line)
		rg_diag_emit(diag, RG_SEV_WARNING, file, line, -1,
			     "duplicate id '%s' (first on line %u)", d->doc.id, seen);
	if (d->warn & RG_JW_DATE)
		rg_diag_emit(diag, RG_SEV_WARNING, file, line, -1,
			     "\"date\" is not a YYYY-MM-DD date that exists; the text's own "
			     "date is used");
	if (d->warn & RG_JW_LANG)
		rg_diag_emit(diag, RG_SEV_WARNING, file, line, -1,
			     "unknown \"lang\" '%s'; detecting it", d->bad_lang);
	r->stats.docs++;
	r->stats.bytes += (long long)d->doc.len;
	return 1;
}

static int start_jsonl(rg_reader *r, FILE *f, const char *path)
{
	r->jf = f;
	r->jline = 0;
	r->jseq++;
	r->jpath = rg_strdup(path);
	return r->jpath ? 0 : -1;
}

int rg_reader_next(rg_reader *r, rg_doc *doc)
{
	rg_raw raw;
	int k;
	while ((k = rg_reader_next_raw(r, &raw)) > 0) {
		if (!raw.is_line) {
			*doc = raw.doc;
			return 1;
		}
		if (rg_jsonl_parse(&r->jd, raw.line, raw.len, raw.file, raw.lineno,
				   r->max_doc))
			return -1;
		if ((k = rg_reader_commit(r, &raw, &r->jd, r->diag)) != 0) {
			if (k > 0)
				*doc = r->jd.doc;
			return k;
		}
	}
	return k;
}

int rg_reader_next_raw(rg_reader *r, rg_raw *raw)
{
	rg_doc *doc = &raw->doc;
	raw->is_line = 0;
	for (;;) {
		if (r->jf) {
			if (next_line(r, raw))
				return 1;
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
		if (f != stdin && (r->iobuf || (r->iobuf = malloc(IOBUF_SIZE))))
			setvbuf(f, r->iobuf, _IOFBF, IOBUF_SIZE); /* one file open at a time */
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
