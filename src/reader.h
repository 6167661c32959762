/*
 * reader.h - the reader's private interface for the parallel pipeline
 * (pipeline.c): the reader (reader.c) only cuts JSONL files into lines;
 * a worker thread parses each line with jansson (jsonl.c); the calling
 * thread then commits the lines in input order (duplicate ids, counts and
 * messages), so what is reported does not depend on the number of jobs.
 * rg_reader_next() is the three steps in a row.
 */
#ifndef RG_READER_H
#define RG_READER_H

#include "util.h"

struct json_t;

/* One unit of input: a whole document, or a JSONL line still to parse. */
typedef struct {
	int is_line;            /* 1: line[0..len) is one JSONL line */
	rg_doc doc;             /* when !is_line */
	const char *line;       /* when is_line; not NUL-terminated */
	size_t len;
	const char *file;       /* the JSONL file and its 1-based line */
	long lineno;
	unsigned file_seq;      /* which JSONL stream: ids repeat only within one */
	size_t max_doc;         /* the reader's --max-doc-bytes, for rg_jsonl_parse */
} rg_raw;

/* Warnings about a usable JSONL line, reported when it is committed. */
enum {
	RG_JW_ID = 1,           /* "id" neither a string nor an integer */
	RG_JW_DATE = 2,         /* "date" not a YYYY-MM-DD date that exists */
	RG_JW_LANG = 4          /* unknown "lang" (bad_lang) */
};

/* A parsed JSONL line. */
typedef struct {
	struct json_t *json;    /* the line, when jansson read it (owned) */
	char *id;               /* owned */
	rg_doc doc;             /* when skip < 0; points into json or buf, and id */
	int skip;               /* -1: usable; else its RG_SKIP_* reason */
	const char *msg;        /* for a skip: the message (static) ... */
	char detail[192];       /* ... and its end (jansson's error text) */
	long byte;              /* for a skip: a byte offset, or -1 */
	unsigned warn;          /* RG_JW_* */
	const char *bad_lang;   /* for RG_JW_LANG; points into json or buf */
	rg_sb buf;              /* the strings of a line read without jansson */
} rg_jsonl_doc;

/*
 * The next unit of input: 1, 0 at the end, -1 when out of memory.  Files
 * that cannot be used are reported and counted here; *raw is valid until
 * the next call.
 */
int rg_reader_next_raw(rg_reader *r, rg_raw *raw);

/*
 * Trades the buffer of the JSONL line that rg_reader_next_raw last handed
 * out (raw->line) for *buf (capacity *cap; malloc'd, or NULL and 0): *buf
 * then holds that line, and the reader reads its next line into the old
 * *buf.  Lets the pipeline keep a line without copying it.
 */
void rg_reader_swap_line(rg_reader *r, char **buf, size_t *cap);

/*
 * Whether line p[0..n) is one yajl and jansson read alike, so that
 * rg_jsonl_parse may take yajl's reading: well-formed UTF-8, no \v or
 * \f, no escape that may be a surrogate (jsonl.c says why).
 */
int rg_jsonl_plain_line(const uint8_t *p, size_t n);

/* Where the fast readers put a line's fields: off/len into their buffer
   (each string NUL-terminated there), seen when the object has it. */
enum { RG_JF_TEXT, RG_JF_ID, RG_JF_DATE, RG_JF_LANG, RG_JF_N };
typedef struct {
	size_t off[RG_JF_N], len[RG_JF_N];
	int seen[RG_JF_N];
} rg_jsonl_fields;

/*
 * rg_jsonl_parse's two fast readers, exposed for the tests that hold
 * them to jansson and to each other: each returns 1 with the fields
 * copied into *buf (reset first) when it takes the line (it has a string
 * "text"), 0 when the line is left to the next reader.  read_flat takes
 * any line, and only a flat object of string values in well-formed UTF-8;
 * read_yajl only a line rg_jsonl_plain_line passed, and any object whose
 * four fields are strings and that holds no number.
 */
int rg_jsonl_read_flat(const char *line, size_t n, rg_sb *buf, rg_jsonl_fields *fl);
int rg_jsonl_read_yajl(const char *line, size_t n, rg_sb *buf, rg_jsonl_fields *fl);

/*
 * Parses JSONL line line[0..n) of `file` (numbered `lineno`) into *d,
 * replacing what d held; thread-safe (no reader state), reports nothing.
 * `max_doc` is --max-doc-bytes (0: no limit).  Returns RG_ENOMEM or RG_OK
 * (a bad line is RG_OK with d->skip set).
 */
rg_err rg_jsonl_parse(rg_jsonl_doc *d, const char *line, size_t n, const char *file,
		      long lineno, size_t max_doc);

/*
 * Seeds jansson's object hash before any worker thread parses a line
 * (jansson seeds it on first use, race-free only where it was built with
 * atomic builtins).  Called by rg_reader_open.
 */
void rg_jsonl_init(void);

/* Frees what d holds and zeroes it (d itself is the caller's). */
void rg_jsonl_release(rg_jsonl_doc *d);

/*
 * Reports (through `diag`) and counts a parsed line of `raw` on the
 * reader, in input order: its skip or its warnings and a duplicate id.
 * Returns 1 when d->doc may be analysed, 0 when the line was skipped, -1
 * when out of memory.
 */
int rg_reader_commit(rg_reader *r, const rg_raw *raw, const rg_jsonl_doc *d,
		     const rg_diag *diag);

/*
 * Makes rg_reader_next_raw report through `diag` (kept, not copied) and
 * returns the one it used before.
 */
const rg_diag *rg_reader_set_diag(rg_reader *r, const rg_diag *diag);

/*
 * Whether text[0..len) can be analysed: -1, or RG_SKIP_BINARY (with the
 * offset of its first NUL in *byte) or RG_SKIP_EMPTY.
 */
int rg_reader_check_text(const char *text, size_t len, long *byte);

#endif
