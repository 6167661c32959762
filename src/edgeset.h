/*
 * edgeset.h - the inside of an rg_edgeset, shared by edgeset.c (counting
 * documents into slices, and answering questions from them) and
 * edgetable.c (the set as text).  Counts live in flat arrays of rows
 * (slice, actor) and (slice, actor, actor), appended and compacted now and
 * then (edgeset.c), so rows may repeat a key: every reader sums them.
 */
#ifndef RG_EDGESET_H
#define RG_EDGESET_H

#include "util.h"

#define RG_ES_MAX_ACTORS (1u << 20)  /* actor indices fit 20 bits */
#define RG_ES_MAX_SLICES (1u << 24)  /* slice indices fit 24 bits */
#define RG_ES_TYPESETS 32            /* subsets of the five actor types */

typedef struct {
	char *id;
	rg_actor_type type;
	char *names[RG_NLANG];
} rg_es_actor;

typedef struct {
	char date[11];       /* "", "YYYY", "YYYY-MM" or "YYYY-MM-DD" */
	int lang;            /* RG_LANG_NONE when not known */
	long docs;
	long windows;        /* windows naming at least one counted actor */
	long by_types[RG_ES_TYPESETS]; /* those windows by the types they name */
} rg_es_slice;

/* Counts within one slice are 32-bit (the adds refuse to overflow): the
 * rows are most of a set's memory. */
typedef struct {
	uint32_t slice, actor;
	uint32_t mentions, docs, windows;
} rg_es_node;

typedef struct {
	uint32_t slice, a, b; /* a < b (actor indices) */
	uint32_t windows, docs;
} rg_es_edge;

typedef struct {
	uint32_t slice, fmt;  /* fmt: index into the set's format keys */
	long mentions, docs, by_rule[4];
} rg_es_format;

struct rg_edgeset {
	rg_window window;
	unsigned types;
	rg_slicing slicing;
	rg_es_actor *actors;
	size_t n_actors, cap_actors;
	rg_strmap actor_ix;          /* id -> actor index */
	rg_es_slice *slices;
	size_t n_slices, cap_slices;
	rg_strmap slice_ix;          /* "date\tlang" -> slice index */
	rg_es_node *nodes;
	size_t n_nodes, cap_nodes;
	size_t nodes_compact;        /* compacted at twice this many rows */
	rg_es_edge *edges;
	size_t n_edges, cap_edges;
	size_t edges_compact;
	char **fmt_keys;             /* member ids joined by '-' */
	char **fmt_names;            /* the named format's id, or NULL */
	size_t n_fmts, cap_fmts;
	size_t fmt_key_bytes;        /* the keys' strings, for rg_es_bytes */
	rg_strmap fmt_ix;            /* key -> format index */
	rg_es_format *formats;
	size_t n_formats, cap_formats;
	rg_u64map format_ix;         /* slice << 32 | fmt -> format row */
	size_t *lex_actor;           /* map step: lexicon index -> actor + 1 */
	size_t n_lex;
	long *lex_mentions;          /* map step: one document's mentions per actor */
	size_t *touched, n_touched;  /* map step: the actors lex_mentions counts */
	rg_cooc *scratch;            /* map step: one document's co-mentions */
	const rg_lexicon *lex;
};

/* The actor `id` (made with `type` and no names when new); its index in *out. */
rg_err rg_es_actor_intern(rg_edgeset *s, const char *id, rg_actor_type type, uint32_t *out);
/* The slice of (date, lang), made when new. */
rg_err rg_es_slice_intern(rg_edgeset *s, const char *date, int lang, uint32_t *out);
/* The format key `key`, made when new (name may be NULL). */
rg_err rg_es_format_intern(rg_edgeset *s, const char *key, const char *name, uint32_t *out);
/* Adds counts for a node or an edge of a slice (a row appended: a key may
 * have several rows) or a format (its row made when new).  RG_EINPUT when
 * a count does not fit 32 bits, RG_ENOMEM. */
rg_err rg_es_node_add(rg_edgeset *s, uint32_t slice, uint32_t actor, long mentions,
		      long docs, long windows);
rg_err rg_es_edge_add(rg_edgeset *s, uint32_t slice, uint32_t a, uint32_t b, long windows,
		      long docs);
rg_err rg_es_format_add(rg_edgeset *s, uint32_t slice, uint32_t fmt, long mentions,
			long docs, const long by_rule[4]);

/* The characters of a slice date: 10 (day), 7 (month) or 4 (year). */
size_t rg_es_precision(rg_slicing sl);

/* The bytes the set holds (arrays and maps), for the map step's spill. */
size_t rg_es_bytes(const rg_edgeset *s);

/* The name of a set of types ("country+person"), written into buf. */
void rg_es_typeset_name(unsigned set, char *buf, size_t n);
/* The set of types named "country+person"; -1 when malformed. */
int rg_es_typeset_parse(const char *s);

#endif
