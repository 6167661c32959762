/*
 * jsonl.c - turns one JSONL line into a document: the object's "text",
 * "id", "date" and "lang".  A plain line (valid UTF-8) that is one flat
 * object of string values, as corpora are, is read by a scanner of that
 * shape alone (read_flat); another plain line (string fields) with yajl's
 * event parser, which builds no tree; anything else, and every line yajl
 * refuses, with jansson, which decides what is valid and words the error,
 * so the result is jansson's either way.  It
 * keeps no state and reports nothing, so the pipeline's workers parse
 * lines in parallel; rg_reader_commit (reader.c) reports in input order.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <unicode/utf8.h>
#include <yajl/yajl_parse.h>

#include "dates.h"
#include "reader.h"

/* The fields of a line, whichever parser read it. */
typedef struct {
	const char *text;
	size_t len;
	const json_t *id;       /* jansson: the "id" value, if any */
	const char *ids;        /* the id as a string, or NULL */
	int has_id;             /* an "id" that is not a string or integer */
	const char *date;       /* a string "date", or NULL */
	int odd_date;           /* a "date" neither a string nor null */
	const char *lang;       /* a string "lang", or NULL */
} fields;

void rg_jsonl_init(void)
{
	json_object_seed(0); /* no-op once seeded */
}

/* Empties d for the next line, keeping its buffer. */
static void jsonl_reset(rg_jsonl_doc *d)
{
	rg_sb buf = d->buf;
	if (d->json)
		json_decref(d->json);
	free(d->id);
	memset(d, 0, sizeof *d);
	d->buf = buf;
	d->skip = -1;
	d->byte = -1;
}

void rg_jsonl_release(rg_jsonl_doc *d)
{
	jsonl_reset(d);
	rg_sb_release(&d->buf);
}

static void set_skip(rg_jsonl_doc *d, int reason, const char *msg, const char *detail)
{
	d->skip = reason;
	d->msg = msg;
	snprintf(d->detail, sizeof d->detail, "%s", detail ? detail : "");
}

/*
 * yajl's pass.  Only what both parsers read alike is taken: the line is
 * well-formed UTF-8 (yajl checks only the shape of a sequence) without
 * \\v or \\f (white space to yajl, not to jansson) or an escaped
 * surrogate (yajl lets a lone one through); the object's values for the
 * four fields are strings; no string holds a NUL; there are no numbers
 * (jansson's range checks differ) and the nesting stays shallow.  Any
 * other line is left to jansson.
 */
#define FAST_MAX_DEPTH 64

typedef struct {
	rg_sb *buf;             /* copies of the field strings, NUL-terminated */
	rg_jsonl_fields *fl;    /* where they are in buf */
	int depth, key, opened;
	int nomem;
} fast;

#define ONES8 0x0101010101010101ull
#define HIGH8 (ONES8 * 0x80)

/* Bit 7 set in each byte of x below n (n <= 0x80), or equal to c; the
   tricks never miss such a byte (they may flag one more above it, which
   only sends the word the slow way). */
static inline uint64_t below8(uint64_t x, unsigned n)
{
	return (x - ONES8 * n) & ~x;
}

static inline uint64_t equal8(uint64_t x, unsigned char c)
{
	uint64_t v = x ^ (ONES8 * c);
	return (v - ONES8) & ~v;
}

/*
 * Whether the 8 bytes x (little-endian) are whole characters, none of
 * them flagged in `stop` (bit 7 of a byte): ASCII bytes and two-byte
 * sequences (lead C2..DF, one trail byte: what U8_NEXT takes as two
 * bytes), none cut at either end.  Bit 7 of each byte of lead/trail marks
 * a lead (11xxxxxx, of which only C2..DF may pass) or trail (10xxxxxx)
 * byte; every trail must follow a lead and every lead be followed by one:
 * trail == lead << 8.  A lead in the last byte is left for the next step:
 * 7 bytes are passed (returns how many, or 0).
 */
static inline int chars8(uint64_t x, uint64_t stop)
{
	uint64_t hi = x & HIGH8, b6 = (x << 1) & HIGH8, b5 = (x << 2) & HIGH8;
	uint64_t lead = hi & b6, trail = hi & ~b6;
	/* bit 7: some of bits 1-4 set (a lead 110xxxxx without them is C0/C1) */
	uint64_t nz = (x & (ONES8 * 0x1E)) + ONES8 * 0x7E;
	if (((lead & (b5 | ~nz)) | stop) & HIGH8 || trail != lead << 8)
		return 0;
	return 8 - (int)(lead >> 63);
}

/* chars8 for what plain_line passes one by one: no byte below 0x0D (so
   no \v or \f) and no backslash. */
static inline int plain8(uint64_t x)
{
	return chars8(x, below8(x, 0x0D) | equal8(x, '\\'));
}

/* The fast path's test (reader.h): eight bytes that plain8 passes are
 * skipped at once (they end on a character boundary); anything else goes
 * a character at a time, a two-byte sequence without a call and longer
 * ones through U8_NEXT. */
int rg_jsonl_plain_line(const uint8_t *p, size_t n)
{
	size_t i = 0;
	while (i < n) {
		uint64_t x;
		int k;
		if (i + 8 <= n && (memcpy(&x, p + i, 8), k = plain8(x))) {
			i += (size_t)k;
			continue;
		}
		uint8_t b = p[i];
		if (b < 0x80) {
			if (b == '\v' || b == '\f')
				return 0;
			if (b == '\\' && i + 2 < n && p[i + 1] == 'u' &&
			    (p[i + 2] == 'd' || p[i + 2] == 'D'))
				return 0; /* maybe a surrogate (or an escaped backslash) */
			i++;
			continue;
		}
		if (b >= 0xC2 && b <= 0xDF && i + 1 < n && (p[i + 1] & 0xC0) == 0x80) {
			i += 2;
			continue;
		}
		UChar32 c;
		U8_NEXT(p, i, n, c);
		if (c < 0)
			return 0;
	}
	return 1;
}

/* Which field key p[0..n) (unescaped) names, or -1. */
static int field_of(const uint8_t *p, size_t n)
{
	static const char *const names[RG_JF_N] = { "text", "id", "date", "lang" };
	for (int k = 0; k < RG_JF_N; k++)
		if (strlen(names[k]) == n && memcmp(names[k], p, n) == 0)
			return k;
	return -1;
}

/* A value other than a string: fine unless it is one of the fields. */
static int f_other(fast *f)
{
	return f->depth > 1 || (f->depth == 1 && f->key < 0);
}

static int f_null(void *ctx)
{
	return f_other(ctx);
}

static int f_bool(void *ctx, int b)
{
	return f_other(ctx);
}

static int f_number(void *ctx, const char *s, size_t n)
{
	return 0;
}

static int f_string(void *ctx, const unsigned char *s, size_t n)
{
	fast *f = ctx;
	if (f->depth == 0 || memchr(s, '\0', n))
		return 0;
	if (f->depth == 1 && f->key >= 0) {
		f->fl->off[f->key] = f->buf->len;
		f->fl->len[f->key] = n;
		f->fl->seen[f->key] = 1;
		if (rg_sb_add(f->buf, s, n) || rg_sb_addc(f->buf, '\0')) {
			f->nomem = 1;
			return 0;
		}
		f->key = -1;
	}
	return 1;
}

static int f_key(void *ctx, const unsigned char *s, size_t n)
{
	fast *f = ctx;
	if (memchr(s, '\0', n))
		return 0;
	f->key = f->depth == 1 ? field_of(s, n) : -1;
	return 1;
}

static int f_open(fast *f, int map)
{
	if (f->depth == 0 && (!map || f->opened))
		return 0;
	if (!f_other(f) && f->depth > 0)
		return 0;
	f->opened = 1;
	f->key = -1;
	return ++f->depth <= FAST_MAX_DEPTH;
}

static int f_start_map(void *ctx)
{
	return f_open(ctx, 1);
}

static int f_start_array(void *ctx)
{
	return f_open(ctx, 0);
}

static int f_end(void *ctx)
{
	fast *f = ctx;
	f->depth--;
	f->key = -1;
	return 1;
}

static const yajl_callbacks fast_cb = {
	f_null, f_bool, NULL, NULL, f_number, f_string,
	f_start_map, f_key, f_end, f_start_array, f_end
};

int rg_jsonl_read_yajl(const char *line, size_t n, rg_sb *buf, rg_jsonl_fields *fl)
{
	memset(fl, 0, sizeof *fl);
	fast f = { .buf = buf, .fl = fl, .key = -1 };
	rg_sb_reset(buf);
	yajl_handle h = yajl_alloc(&fast_cb, NULL, &f);
	if (!h)
		return 0;
	yajl_config(h, yajl_allow_trailing_garbage, 1);
	/* plain_line has checked the whole line's UTF-8, more strictly */
	yajl_config(h, yajl_dont_validate_strings, 1);
	int ok = yajl_parse(h, (const unsigned char *)line, n) == yajl_status_ok &&
		 yajl_complete_parse(h) == yajl_status_ok &&
		 f.opened && f.depth == 0 && fl->seen[RG_JF_TEXT] && !f.nomem;
	yajl_free(h);
	return ok;
}

/*
 * The flat reader: the shape corpora have, {"key": "string", ...} with
 * JSON white space (space, tab, CR, LF) between tokens and nothing but
 * white space after the object.  Strings are scanned 8 bytes at a time
 * (flat8: plain8's test with the quote and every control byte also
 * stopping it), and checked to be well-formed UTF-8 as plain_line checks
 * a line (flat8, then ICU's U8_NEXT), so a line it takes needs no other
 * pass; a field's string is copied in runs between escapes.  Whatever this reader does
 * not know for certain is yajl's to read (returns 0): another value than
 * a string, an escape in a key, a control byte, \u0000 (a NUL, which
 * the yajl pass refuses) or a surrogate (which plain_line has already
 * kept away), an invalid escape, trailing bytes.  What it takes, yajl
 * takes with the same fields: the same unescaping (a \u escape of the
 * BMP is its UTF-8), the last of a repeated key.
 */
/* chars8 for the inside of a string: the quote, the backslash and every
   byte below 0x20 end the 8 bytes (they end a run of the flat reader's scan). */
static inline int flat8(uint64_t x)
{
	return chars8(x, below8(x, 0x20) | equal8(x, '"') | equal8(x, '\\'));
}

static int hex4(const uint8_t *p, unsigned *v)
{
	unsigned r = 0;
	for (int k = 0; k < 4; k++) {
		unsigned c = p[k], d;
		if (c >= '0' && c <= '9')
			d = c - '0';
		else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f')
			d = (c | 0x20) - 'a' + 10;
		else
			return 0;
		r = r << 4 | d;
	}
	*v = r;
	return 1;
}

/*
 * The string whose opening quote is p[i - 1]: unescaped onto buf when
 * buf is not NULL.  Returns the offset after the closing quote, or 0 when
 * the line is left to yajl (or memory ran out).
 */
static size_t flat_string(const uint8_t *p, size_t i, size_t n, rg_sb *buf)
{
	for (;;) {
		size_t run = i;
		for (;;) {
			uint64_t x;
			int k;
			/* ASCII and two-byte characters, 8 bytes at a time */
			while (i + 8 <= n && (memcpy(&x, p + i, 8), k = flat8(x)))
				i += (size_t)k;
			if (i >= n)
				break;
			if (p[i] < 0x80) {
				if (p[i] == '"' || p[i] == '\\' || p[i] < 0x20)
					break;
				i++;
				continue;
			}
			UChar32 c;
			U8_NEXT(p, i, n, c);
			if (c < 0)
				return 0; /* ill-formed: jansson words it */
		}
		if (buf && i > run && rg_sb_add(buf, p + run, i - run))
			return 0;
		if (i >= n || p[i] < 0x20)
			return 0;
		if (p[i] == '"')
			return i + 1;
		if (i + 1 >= n)
			return 0;
		char e[4];
		size_t k = 1, adv = 2;
		switch (p[i + 1]) {
		case '"': case '\\': case '/': e[0] = (char)p[i + 1]; break;
		case 'b': e[0] = '\b'; break;
		case 'f': e[0] = '\f'; break;
		case 'n': e[0] = '\n'; break;
		case 'r': e[0] = '\r'; break;
		case 't': e[0] = '\t'; break;
		case 'u': {
			unsigned v;
			if (i + 6 > n || !hex4(p + i + 2, &v) || v == 0 ||
			    (v >= 0xD800 && v <= 0xDFFF))
				return 0;
			k = 0;
			U8_APPEND_UNSAFE(e, k, v);
			adv = 6;
			break;
		}
		default:
			return 0;
		}
		if (buf && rg_sb_add(buf, e, k))
			return 0;
		i += adv;
	}
}

static inline size_t skip_ws(const uint8_t *p, size_t i, size_t n)
{
	while (i < n && (p[i] == ' ' || p[i] == '\t' || p[i] == '\n' || p[i] == '\r'))
		i++;
	return i;
}

int rg_jsonl_read_flat(const char *line, size_t n, rg_sb *buf, rg_jsonl_fields *fl)
{
	const uint8_t *p = (const uint8_t *)line;
	memset(fl, 0, sizeof *fl);
	rg_sb_reset(buf);
	size_t i = skip_ws(p, 0, n);
	if (i >= n || p[i] != '{')
		return 0;
	i = skip_ws(p, i + 1, n);
	if (i < n && p[i] == '}')
		return 0; /* no text: jansson words it */
	for (;;) {
		if (i >= n || p[i] != '"')
			return 0;
		size_t k0 = i + 1, kend = flat_string(p, k0, n, NULL);
		if (!kend || memchr(p + k0, '\\', kend - 1 - k0))
			return 0;
		int key = field_of(p + k0, kend - 1 - k0);
		i = skip_ws(p, kend, n);
		if (i >= n || p[i] != ':')
			return 0;
		i = skip_ws(p, i + 1, n);
		if (i >= n || p[i] != '"')
			return 0;
		size_t off = buf->len;
		if (!(i = flat_string(p, i + 1, n, key >= 0 ? buf : NULL)))
			return 0;
		if (key >= 0) {
			fl->off[key] = off;
			fl->len[key] = buf->len - off;
			fl->seen[key] = 1;
			if (rg_sb_addc(buf, '\0'))
				return 0;
		}
		i = skip_ws(p, i, n);
		if (i < n && p[i] == ',') {
			i = skip_ws(p, i + 1, n);
			continue;
		}
		if (i >= n || p[i] != '}')
			return 0;
		break;
	}
	return skip_ws(p, i + 1, n) == n && fl->seen[RG_JF_TEXT];
}

/* 1: the fields of a plain line are in *fl (pointing into d->buf); 0: ask jansson. */
static int read_fast(rg_jsonl_doc *d, const char *line, size_t n, fields *fl)
{
	rg_jsonl_fields f;
	if (!rg_jsonl_read_flat(line, n, &d->buf, &f) &&
	    (!rg_jsonl_plain_line((const uint8_t *)line, n) ||
	     !rg_jsonl_read_yajl(line, n, &d->buf, &f)))
		return 0;
	const char *b = d->buf.buf;
	*fl = (fields){ .text = b + f.off[RG_JF_TEXT], .len = f.len[RG_JF_TEXT] };
	fl->ids = f.seen[RG_JF_ID] ? b + f.off[RG_JF_ID] : NULL;
	fl->date = f.seen[RG_JF_DATE] ? b + f.off[RG_JF_DATE] : NULL;
	fl->lang = f.seen[RG_JF_LANG] ? b + f.off[RG_JF_LANG] : NULL;
	return 1;
}

/* jansson's pass: 1 with the fields, 0 when the line is skipped (in d). */
static int read_jansson(rg_jsonl_doc *d, const char *line, size_t n, fields *fl)
{
	json_error_t err;
	json_t *o = json_loadb(line, n, JSON_DISABLE_EOF_CHECK, &err);
	d->json = o;
	if (!o || !json_is_object(o)) {
		set_skip(d, RG_SKIP_JSON, "invalid JSON: ", o ? "not an object" : err.text);
		return 0;
	}
	json_t *text = json_object_get(o, "text"), *id = json_object_get(o, "id");
	json_t *date = json_object_get(o, "date"), *lang = json_object_get(o, "lang");
	if (!json_is_string(text)) {
		set_skip(d, RG_SKIP_JSON, text ? "\"text\" is not a string; line skipped"
					       : "no \"text\" field; line skipped", NULL);
		return 0;
	}
	*fl = (fields){ .text = json_string_value(text), .len = json_string_length(text),
			.id = id };
	if (json_is_string(id))
		fl->ids = json_string_value(id);
	else if (id && !json_is_integer(id))
		fl->has_id = 1;
	if (json_is_string(date))
		fl->date = json_string_value(date);
	else if (date && !json_is_null(date))
		fl->odd_date = 1;
	if (json_is_string(lang))
		fl->lang = json_string_value(lang);
	return 1;
}

rg_err rg_jsonl_parse(rg_jsonl_doc *d, const char *line, size_t n, const char *file,
		      long lineno, size_t max_doc)
{
	jsonl_reset(d);
	fields fl;
	if (!read_fast(d, line, n, &fl) && !read_jansson(d, line, n, &fl))
		return RG_OK;
	int why = rg_reader_check_text(fl.text, fl.len, &d->byte);
	if (why == RG_SKIP_BINARY) {
		char where[64];
		snprintf(where, sizeof where, "%ld)", d->byte);
		set_skip(d, why, "binary data; skipped (a NUL byte at offset ", where);
		return RG_OK;
	}
	if (why == RG_SKIP_EMPTY) {
		set_skip(d, why, "empty document; skipped", NULL);
		return RG_OK;
	}
	if (max_doc && fl.len > max_doc) {
		set_skip(d, RG_SKIP_TOO_LARGE, "document larger than --max-doc-bytes; skipped",
			 NULL);
		return RG_OK;
	}
	char idbuf[64];
	const char *ids = fl.ids;
	rg_sb sb = RG_SB_INIT;
	if (!ids && json_is_integer(fl.id))
		snprintf(idbuf, sizeof idbuf, "%" JSON_INTEGER_FORMAT,
			 json_integer_value(fl.id)), ids = idbuf;
	if (!ids) {
		if (fl.has_id)
			d->warn |= RG_JW_ID;
		if (rg_sb_addf(&sb, "%s:%ld", file, lineno))
			return RG_ENOMEM;
		ids = sb.buf;
	}
	d->id = rg_strdup(ids);
	rg_sb_release(&sb);
	if (!d->id)
		return RG_ENOMEM;
	d->doc = (rg_doc){ d->id, fl.text, fl.len, NULL, RG_LANG_NONE };
	if (fl.date && rg_date_iso_valid(fl.date))
		d->doc.date = fl.date;
	else if (fl.date || fl.odd_date)
		d->warn |= RG_JW_DATE;
	if (fl.lang) {
		d->doc.lang = rg_lang_parse(fl.lang);
		if (d->doc.lang == RG_LANG_NONE) {
			d->warn |= RG_JW_LANG;
			d->bad_lang = fl.lang;
		}
	}
	return RG_OK;
}
