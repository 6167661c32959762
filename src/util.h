/*
 * util.h - small containers shared by the library: a growable byte buffer,
 * a growable array macro, and an open-addressing hash map from byte strings
 * to 32-bit values.  Every allocation failure is returned, never fatal.
 */
#ifndef RG_UTIL_H
#define RG_UTIL_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "relgraph.h"

/* The 8 or 4 bytes at p as one unaligned load (for word-at-a-time hashing
 * and comparing; the byte order is the machine's). */
static inline uint64_t rg_read64(const char *p)
{
	uint64_t x;
	memcpy(&x, p, 8);
	return x;
}

static inline uint64_t rg_read32(const char *p)
{
	uint32_t x;
	memcpy(&x, p, 4);
	return x;
}

/* A growable byte buffer; always NUL-terminated when len > 0 or after add. */
typedef struct {
	char *buf;
	size_t len, cap;
} rg_sb;

#define RG_SB_INIT { NULL, 0, 0 }

/* Makes room for `extra` more bytes plus a NUL; RG_ENOMEM on failure. */
rg_err rg_sb_grow(rg_sb *sb, size_t extra);
/* Appends `n` bytes of `p`. */
rg_err rg_sb_add(rg_sb *sb, const void *p, size_t n);
rg_err rg_sb_adds(rg_sb *sb, const char *s);
rg_err rg_sb_addc(rg_sb *sb, char c);
/* Appends printf-formatted text. */
rg_err rg_sb_addf(rg_sb *sb, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void rg_sb_reset(rg_sb *sb);
void rg_sb_release(rg_sb *sb);

/*
 * Grows array `*p` of `*cap` elements of `size` bytes to hold at least
 * `need`; doubles, so appends are amortised O(1).  RG_ENOMEM on failure
 * (the array is left unchanged).
 */
rg_err rg_grow(void *pp, size_t *cap, size_t need, size_t size);

/*
 * malloc(bytes) for a block that will be filled and read many times: from
 * RG_HUGE_MIN bytes on, aligned to and rounded up to whole 2 MB pages,
 * which the kernel is asked to back with huge pages (madvise
 * MADV_HUGEPAGE) before anything touches them, so that filling a table of
 * 100 MB takes fifty page faults instead of 25,000 (a kernel without
 * transparent huge pages ignores the hint).  Released with free(); NULL
 * on failure.
 */
#define RG_HUGE_MIN ((size_t)2 << 20)
void *rg_malloc_big(size_t bytes);

/*
 * calloc(1, bytes) in whole cache lines of its own (RG_CACHE_LINE-aligned,
 * rounded up), for a structure one thread writes at a high rate while
 * another thread works beside it: two such structures allocated one after
 * the other would otherwise share a line, and each write would take the
 * line from the other core.  Released with free(); NULL on failure.
 */
#define RG_CACHE_LINE 64
void *rg_calloc_line(size_t bytes);

/*
 * s as it may go to a terminal in the table and text formats: C0 and C1
 * controls, DEL, and the bidi embeddings, overrides and isolates
 * (U+202A-U+202E, U+2066-U+2069), which act past the cell they are in
 * (reordering, hiding or recolouring what follows), are written as
 * "<U+XXXX>".  Returns s itself when it holds none (the usual case), else
 * buf's text, valid until buf changes ("?" when out of memory).
 */
const char *rg_term_text(const char *s, rg_sb *buf);

/* 64-bit FNV-1a of `n` bytes. */
uint64_t rg_hash(const void *p, size_t n);

/*
 * A map from byte strings to uint32 values.  Keys are copied into the map's
 * own arena; lookups never allocate.
 */
typedef struct {
	uint32_t *slots;   /* 0 = empty, else entry index + 1 */
	size_t n_slots;    /* power of two */
	struct rg_strmap_ent { uint64_t hash; uint32_t off, len, val; } *ents;
	size_t n_ents, cap_ents;
	rg_sb keys;
} rg_strmap;

void rg_strmap_init(rg_strmap *m);
void rg_strmap_release(rg_strmap *m);
/* The value of key, or UINT32_MAX when absent. */
uint32_t rg_strmap_get(const rg_strmap *m, const char *key, size_t len);
/*
 * Inserts key with value `val` unless present; *out (if not NULL) receives
 * the stored value (the old one when the key was present).
 */
rg_err rg_strmap_put(rg_strmap *m, const char *key, size_t len, uint32_t val,
		     uint32_t *out);
/* The key of entry `i` (0 <= i < n_ents), not NUL-terminated. */
const char *rg_strmap_key(const rg_strmap *m, size_t i, size_t *len);

/* A map from 64-bit keys to uint32 values (the trie's edges, edge tables). */
typedef struct {
	uint64_t *keys;
	uint32_t *vals;    /* UINT32_MAX = empty */
	size_t n_slots, n;
} rg_u64map;

void rg_u64map_init(rg_u64map *m);
void rg_u64map_release(rg_u64map *m);
uint32_t rg_u64map_get(const rg_u64map *m, uint64_t key);
rg_err rg_u64map_put(rg_u64map *m, uint64_t key, uint32_t val);
/* Removes every key, keeping the slots for reuse. */
void rg_u64map_clear(rg_u64map *m);

/* qsort comparator of rg_edge by (a, b): the order networks keep edges in. */
int rg_edge_cmp(const void *x, const void *y);

/* An id and what it stands for, to sort by id (byte order). */
typedef struct {
	const char *id;
	size_t index;
} rg_id_ref;

/* Sorts refs[0..n) by id. */
void rg_id_refs_sort(rg_id_ref *refs, size_t n);

/* Reads a whole file into a NUL-terminated malloc'd buffer; errno on error. */
rg_err rg_file_read(const char *path, char **out, size_t *len);

/* strdup that reports failure as NULL (plain strdup, named for grep). */
char *rg_strdup(const char *s);
char *rg_strndup(const char *s, size_t n);

/*
 * Appends `n` bytes of possibly ill-formed UTF-8 to sb, replacing each
 * ill-formed sequence with U+FFFD, so the result is always valid UTF-8.
 */
rg_err rg_sb_add_utf8(rg_sb *sb, const char *p, size_t n);

/* Emits a diagnostic through d (NULL-safe), printf-style. */
void rg_diag_emit(const rg_diag *d, rg_severity sev, const char *file,
		  long line, long byte, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));


/*
 * Line iteration over a mutable NUL-terminated text: returns the next line
 * (its '\n' and a trailing '\r' replaced by NUL) and advances *cursor and
 * *lineno; NULL at the end.
 */
char *rg_line_next(char **cursor, long *lineno);

/*
 * Splits `line` in place at TABs into at most `max` fields; returns the
 * number of fields (a line with more TABs leaves the rest in the last one).
 */
int rg_tsv_split(char *line, char **fields, int max);

/* Whether a row-based data line is a comment or blank. */
int rg_line_skip(const char *line);

/*
 * A data table read row by row (every data/ file): `#` comments and blank
 * lines are skipped and each row is split at TABs, in place.
 */
typedef struct {
	char *text, *cur;
	long line;          /* the line number of the row last returned */
} rg_rows;

#define RG_ROWS_INIT { NULL, NULL, 0 }

/* Reads the file at path whole; RG_EIO or RG_ENOMEM (nothing is reported). */
rg_err rg_rows_open(rg_rows *r, const char *path);
/* Splits the next row into at most max fields; returns their number, 0 at the end. */
int rg_rows_next(rg_rows *r, char **fields, int max);
void rg_rows_close(rg_rows *r);

#endif
