/*
 * relgraph.h - the public API of librelgraph.
 *
 * relgraph turns multilingual diplomatic news into a relationship graph of
 * countries, officials and intergovernmental organisations.  The pipeline is:
 *
 *   rg_doc --rg_analyze()--> rg_analysis --rg_cooc_add()--> rg_cooc
 *          --rg_cooc_network()--> rg_network --rg_metrics_compute()--> rg_metrics
 *          --rg_render()--> SVG/PNG/PDF/DOT
 *
 * A loaded rg_lexicon is immutable and may be shared by any number of threads;
 * rg_analyze() keeps all of its state in the rg_analysis it fills, so several
 * documents can be analysed at once.  rg_cooc, rg_network and rg_metrics are
 * owned by one thread at a time.
 *
 * Every function that can fail returns an rg_err; the library never exits or
 * aborts.  Human-readable problems (a bad byte in a file, a malformed row in
 * a dictionary) are reported through an rg_diag callback and the work goes on.
 */
#ifndef RELGRAPH_H
#define RELGRAPH_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define RG_VERSION "0.1.0"

/* ---- errors ------------------------------------------------------------ */

typedef enum {
	RG_OK = 0,
	RG_ENOMEM,  /* an allocation failed */
	RG_EINPUT,  /* the input (document, option value) cannot be used */
	RG_EIO,     /* a file could not be read or written */
	RG_EICU,    /* an ICU call failed */
	RG_EGRAPH,  /* an igraph call failed */
	RG_ERENDER, /* a Graphviz call failed */
	RG_EDATA    /* a dictionary or data file is unusable */
} rg_err;

/* A static English description of `e`; never NULL. */
const char *rg_err_str(rg_err e);

/* ---- languages, actor types, metrics ----------------------------------- */

/* The six languages relgraph reads.  RG_LANG_NONE means "not known". */
enum {
	RG_LANG_NONE = -1,
	RG_LANG_EN = 0,
	RG_LANG_FA,
	RG_LANG_AR,
	RG_LANG_AZ,
	RG_LANG_RU,
	RG_LANG_TR,
	RG_NLANG
};

/* The ISO 639-1 code of `lang` ("en"...), or NULL for RG_LANG_NONE/unknown. */
const char *rg_lang_code(int lang);
/* The language whose code is `code`, or RG_LANG_NONE. */
int rg_lang_parse(const char *code);

typedef enum {
	RG_TYPE_COUNTRY = 0,
	RG_TYPE_PERSON,
	RG_TYPE_ORG,
	RG_TYPE_PLACE,
	RG_TYPE_GROUP,
	RG_NTYPE
} rg_actor_type;

/* "country", "person", ...; NULL when out of range. */
const char *rg_type_name(rg_actor_type t);
/* The type named `name`, or -1. */
int rg_type_parse(const char *name);

/* How a mention was recognised; printed as "name", "role", ... */
typedef enum {
	RG_VIA_NAME = 0,
	RG_VIA_ROLE,
	RG_VIA_ADJECTIVE,
	RG_VIA_ACRONYM
} rg_via;

const char *rg_via_name(rg_via v);

/* ---- diagnostics ------------------------------------------------------- */

typedef enum { RG_SEV_WARNING = 0, RG_SEV_ERROR } rg_severity;

/*
 * Called for every problem found in an input or a data file.  `file` may be
 * NULL; `line` and `byte` are -1 when unknown (lines count from 1, bytes from
 * 0).  `msg` is lower case without a trailing newline and is only valid
 * during the call.
 */
typedef void (*rg_diag_fn)(void *ctx, rg_severity sev, const char *file,
			   long line, long byte, const char *msg);

typedef struct {
	rg_diag_fn fn; /* NULL: problems are dropped */
	void *ctx;
} rg_diag;

/* ---- the lexicon: dictionaries compiled into a matcher ----------------- */

typedef struct rg_lexicon rg_lexicon;

/* What the lexicon knows of one actor.  Owned by the lexicon. */
typedef struct {
	const char *id;                /* "AZE", "ilham-aliyev", "un" */
	rg_actor_type type;
	const char *names[RG_NLANG];   /* display name per language, or NULL */
} rg_actor_info;

/*
 * Loads every `*.tsv` file of `datadir`/actors (in name order), the rules of
 * `datadir` (fold.tsv, affixes.tsv) and then each file of `extra`, and
 * compiles them into one matcher.  Malformed rows are reported through
 * `diag` with file and line and skipped; RG_EDATA is returned only when a
 * file cannot be read at all or no actor was loaded.  On success *out owns
 * the lexicon; free it with rg_lexicon_free().  Cost: linear in the size of
 * the dictionaries, plus a one-time ICU pass over the Basic Multilingual
 * Plane to build the folding table (a few milliseconds).
 */
rg_err rg_lexicon_open(rg_lexicon **out, const char *datadir,
		       const char *const *extra, size_t n_extra,
		       const rg_diag *diag);

/* Frees `lex` and everything it owns.  NULL is allowed. */
void rg_lexicon_free(rg_lexicon *lex);

/* The number of actors, and actor `i` (0 <= i < count). */
size_t rg_lexicon_actor_count(const rg_lexicon *lex);
const rg_actor_info *rg_lexicon_actor(const rg_lexicon *lex, size_t i);

/* The index of the actor with id `id` (exact), or -1. */
long rg_lexicon_find(const rg_lexicon *lex, const char *id);

/* The number of aliases compiled into the matcher. */
size_t rg_lexicon_alias_count(const rg_lexicon *lex);

/*
 * The folded, matcher-ready form of alias `i` (0 <= i < alias count) and
 * its actor index; used to build the grep -F floor of the benchmark and by
 * `relgraph actors list`.  Returns NULL when `i` is out of range.
 */
const char *rg_lexicon_alias(const rg_lexicon *lex, size_t i, size_t *actor);

/* ---- documents and their analysis -------------------------------------- */

/* One input document.  The caller owns every pointer. */
typedef struct {
	const char *id;    /* path or JSONL id, printed as "doc" */
	const char *text;  /* the bytes; need not be valid UTF-8 or NUL-ended */
	size_t len;
	const char *date;  /* "YYYY-MM-DD" from metadata, or NULL */
	int lang;          /* from metadata, or RG_LANG_NONE to detect */
} rg_doc;

typedef struct {
	size_t start, end; /* byte offsets into rg_doc.text, end exclusive */
} rg_span;

typedef struct {
	size_t start, end; /* byte offsets, end exclusive */
	int para;          /* 1-based paragraph of the sentence */
} rg_sentence;

typedef struct {
	size_t actor;      /* index into the lexicon */
	int para;          /* 1-based non-blank line */
	int sent;          /* 1-based sentence within the document */
	size_t tok;        /* index of the first token in the document */
	size_t start, end; /* byte offsets into rg_doc.text */
	rg_via via;
	const char *rule;  /* what fired, e.g. "alias+suffix" (owned by the lexicon) */
} rg_mention;

typedef struct {
	size_t *members;   /* sorted actor indices (countries) */
	size_t n_members;
	int para, sent;
	size_t start, end;
	const char *rule;  /* "chain", "named", "list" (static) */
} rg_format;

#define RG_NO_ACTOR ((size_t)-1)

/*
 * An office phrase with its country ("the foreign minister of Azerbaijan"):
 * resolved to the person in office at the document's date (then also a
 * mention with via RG_VIA_ROLE), or left unresolved with the reason.
 */
typedef struct {
	const char *office;  /* "foreign-minister", ... (owned by the lexicon) */
	size_t holder_of;    /* the country or organisation (lexicon index) */
	size_t person;       /* the holder, or RG_NO_ACTOR */
	int para, sent;
	size_t start, end;   /* the office phrase and its country */
	const char *why;     /* NULL when resolved, else "no date",
				"no holder known", "several holders" (static) */
} rg_role;

/* The result of analysing one document.  Init before use; release after. */
typedef struct {
	int lang;             /* detected or given */
	char date[11];        /* "YYYY-MM-DD", or "" when none is known */
	rg_span *paras;       /* the non-blank lines, in order */
	size_t n_paras;
	rg_sentence *sents;
	size_t n_sents;
	size_t n_tokens;
	rg_mention *mentions; /* in text order */
	size_t n_mentions;
	rg_format *formats;
	size_t n_formats;
	rg_role *roles;       /* office phrases, resolved or not, in text order */
	size_t n_roles;
	size_t invalid_bytes; /* ill-formed UTF-8 sequences replaced */
	void *priv_;          /* scratch kept between calls; do not touch */
} rg_analysis;

void rg_analysis_init(rg_analysis *an);
void rg_analysis_release(rg_analysis *an);

/*
 * Analyses `doc` with `lex` into `an` (previous contents are replaced; the
 * scratch memory of `an` is reused, so one rg_analysis per thread is the
 * cheap way to analyse many documents).  Invalid UTF-8 is reported through
 * `diag` with the byte offset of the first bad sequence and decoded as
 * U+FFFD.  Returns RG_ENOMEM or RG_EICU on failure, RG_OK otherwise (an
 * empty document is not an error).  Cost: linear in doc->len.
 */
rg_err rg_analyze(const rg_lexicon *lex, const rg_doc *doc, rg_analysis *an,
		  const rg_diag *diag);

/* ---- reading documents ------------------------------------------------- */

/* Why a document was not processed. */
enum {
	RG_SKIP_UNREADABLE = 0, /* cannot open or read (a failure) */
	RG_SKIP_JSON,           /* a malformed JSONL line (a failure) */
	RG_SKIP_BINARY,         /* NUL bytes: not text */
	RG_SKIP_EMPTY,          /* no text at all, or only white space */
	RG_SKIP_TOO_LARGE,      /* over the size limit */
	RG_NSKIP
};

/* "unreadable", "invalid JSON", ... */
const char *rg_skip_name(int reason);

typedef enum { RG_INPUT_AUTO = 0, RG_INPUT_TEXT, RG_INPUT_JSONL } rg_input_format;

typedef struct {
	long docs;              /* documents handed out by rg_reader_next */
	long skipped[RG_NSKIP]; /* documents (or JSONL lines) not handed out */
	long long bytes;        /* bytes of the documents handed out */
} rg_reader_stats;

typedef struct rg_reader rg_reader;

/*
 * Opens a reader over `paths` ("-" is standard input): plain files are one
 * document each; directories are walked recursively in name order (hidden
 * entries skipped); files ending in .jsonl/.ndjson (or all, with
 * RG_INPUT_JSONL) hold one JSON object {"id","text","date"?,"lang"?} per
 * line.  Documents are read one at a time, so memory is bounded by the
 * largest document.  `max_doc_bytes` (0: no limit) skips larger ones.
 * Every skip is reported through `diag` with the file and line or byte and
 * counted in the stats.  The paths are copied.
 */
rg_err rg_reader_open(rg_reader **out, const char *const *paths, size_t n_paths,
		      rg_input_format fmt, size_t max_doc_bytes, const rg_diag *diag);

/*
 * The next document: returns 1 and fills *doc (valid until the next call),
 * 0 at the end, or -1 on an allocation failure.
 */
int rg_reader_next(rg_reader *r, rg_doc *doc);

const rg_reader_stats *rg_reader_get_stats(const rg_reader *r);
void rg_reader_free(rg_reader *r);

/* ---- the parallel pipeline --------------------------------------------- */

/* Called once per document, in input order, on the thread that called
 * rg_pipeline_run; a non-zero return stops the run with that error. */
typedef rg_err (*rg_doc_fn)(void *ctx, const rg_doc *doc, const rg_analysis *an);

/*
 * Reads every document of `r`, analyses them on `jobs` threads (0: one per
 * online CPU) and hands each result to `fn` in input order, so the output
 * is identical whatever the number of jobs.  At most 2 x jobs documents
 * are in memory at once.  `diag` may be called from several threads at
 * once; its function must be thread-safe.  Returns the first error of
 * rg_analyze or fn, RG_ENOMEM, or RG_OK.
 */
rg_err rg_pipeline_run(const rg_lexicon *lex, rg_reader *r, int jobs, rg_doc_fn fn,
		       void *ctx, const rg_diag *diag);

/* ---- co-mentions ------------------------------------------------------- */

typedef enum {
	RG_WINDOW_SENTENCE = 0,
	RG_WINDOW_PARAGRAPH,
	RG_WINDOW_DOCUMENT,
	RG_WINDOW_TOKENS
} rg_window_kind;

typedef struct {
	rg_window_kind kind;
	int tokens;        /* K for RG_WINDOW_TOKENS */
} rg_window;

/* Parses "sentence", "paragraph", "document" or "tokens:K"; RG_EINPUT. */
rg_err rg_window_parse(const char *s, rg_window *out);

/* One piece of evidence for an edge: where the two actors were named. */
typedef struct {
	size_t doc;        /* index into the documents added, see rg_cooc_doc */
	int para, sent;
	size_t start, end; /* byte span of the window's text in the document */
	char *text;        /* a copy of that text (valid UTF-8), owned */
} rg_evidence;

typedef struct rg_cooc rg_cooc;

/*
 * Creates an empty co-mention accumulator.  `evidence_cap` bounds the
 * evidence kept per edge (0 keeps none), so memory is bounded by the graph,
 * not the corpus.
 */
rg_err rg_cooc_new(rg_cooc **out, const rg_lexicon *lex, rg_window w,
		   size_t evidence_cap);
void rg_cooc_free(rg_cooc *c);

/*
 * Which actor types become nodes and pairs: a bit mask of 1 << RG_TYPE_*.
 * The default is countries, people and organisations (places and groups
 * are still counted as mentions by rg_analyze, but not paired).
 */
void rg_cooc_set_types(rg_cooc *c, unsigned mask);

/*
 * Adds one analysed document: every unordered pair of distinct actors named
 * in the same window adds 1 to the pair's weight (once per window, however
 * often the names repeat).  `doc` is only read during the call.
 */
rg_err rg_cooc_add(rg_cooc *c, const rg_doc *doc, const rg_analysis *an);

/* The id and date ("" if none) of the `i`th document added. */
const char *rg_cooc_doc_id(const rg_cooc *c, size_t i);
const char *rg_cooc_doc_date(const rg_cooc *c, size_t i);
size_t rg_cooc_doc_count(const rg_cooc *c);

/*
 * The evidence kept for the pair (a, b) of actor indices, in the order it
 * was added; *n is 0 when the actors never co-occur.  Owned by `c`.
 */
const rg_evidence *rg_cooc_evidence(const rg_cooc *c, size_t a, size_t b,
				    size_t *n);

/* ---- the network handed to the graph and render stages ---------------- */

typedef struct {
	char *id;
	rg_actor_type type;
	char *names[RG_NLANG]; /* display names, NULL where unknown */
	long mentions;         /* mentions in the corpus */
	long docs;             /* documents naming the actor */
	size_t actor;          /* index into the lexicon */
} rg_node;

typedef struct {
	size_t a, b;           /* node indices, a < b */
	double weight;         /* windows in which both were named */
	long docs;             /* documents with at least one such window */
} rg_edge;

typedef struct {
	rg_node *nodes;        /* every actor named at least once, by id */
	size_t n_nodes;
	rg_edge *edges;        /* sorted by (a, b) */
	size_t n_edges;
	long n_docs;           /* documents in the corpus */
	char first_date[11];   /* corpus span, "" when no document is dated */
	char last_date[11];
} rg_network;

void rg_network_init(rg_network *net);
void rg_network_release(rg_network *net);

/* Snapshots the accumulated co-mentions as a network owned by *out. */
rg_err rg_cooc_network(const rg_cooc *c, rg_network *out);

/* ---- graph metrics (igraph) -------------------------------------------- */

typedef enum {
	RG_METRIC_DEGREE = 0,   /* number of distinct partners */
	RG_METRIC_STRENGTH,     /* sum of edge weights */
	RG_METRIC_BETWEENNESS,  /* weighted; distance = 1 / weight */
	RG_METRIC_CLOSENESS,    /* harmonic, weighted; distance = 1 / weight */
	RG_METRIC_PAGERANK,     /* weighted, damping 0.85 */
	RG_METRIC_EIGENVECTOR,  /* weighted, scaled so the maximum is 1 */
	RG_METRIC_CORENESS,     /* k-core index (unweighted) */
	RG_METRIC_CLUSTERING,   /* local clustering coefficient (weighted, Barrat) */
	RG_NMETRIC
} rg_metric;

const char *rg_metric_name(rg_metric m);
int rg_metric_parse(const char *name);

typedef struct {
	size_t n;                  /* = network n_nodes */
	double *value[RG_NMETRIC]; /* value[m][i] for node i */
	long *community;           /* community[i]: 0-based community of node i
				      (Leiden, modularity objective, fixed seed),
				      numbered by decreasing size then lowest id */
	long n_communities;
	double modularity;
} rg_metrics;

void rg_metrics_init(rg_metrics *m);
void rg_metrics_release(rg_metrics *m);

/*
 * Computes every metric of `net` with igraph into `out` (previous contents
 * released).  Returns RG_EGRAPH when igraph fails, RG_ENOMEM.  An empty
 * network gives empty metrics.  Cost: dominated by betweenness,
 * O(V E + V^2 log V).
 */
rg_err rg_metrics_compute(const rg_network *net, rg_metrics *out);

/*
 * Fills `order` (net->n_nodes entries) with node indices sorted by metric
 * `by`, highest first, ties broken by strength, then by id, so the order is
 * stable across runs.
 */
rg_err rg_metrics_order(const rg_network *net, const rg_metrics *m,
			rg_metric by, size_t *order);

/* ---- rendering (Graphviz) ---------------------------------------------- */

typedef struct {
	const char *layout;   /* "neato", "sfdp", "fdp", "circo", "twopi"; NULL: by size */
	int label_lang;       /* RG_LANG_*, or RG_LANG_NONE for English */
	size_t top;           /* keep the top N nodes by size_by; 0 keeps all */
	rg_metric size_by;    /* node size */
	const char *title;    /* NULL: no title */
	const char *style;    /* path of a viz/ *.style file, or NULL for defaults */
} rg_render_opts;

void rg_render_opts_init(rg_render_opts *o);

/*
 * Draws `net` with Graphviz (cgraph + gvc, in process) into `path`, whose
 * extension picks the format: .svg, .png, .pdf or .dot.  The file is
 * written to a temporary name and renamed, so an interrupted run never
 * leaves a half-written diagram.  Not thread-safe: Graphviz keeps global
 * state, so call it from one thread at a time.  On failure a message is written to
 * `errbuf` (if not NULL) and RG_ERENDER, RG_EIO or RG_EINPUT is returned.
 */
rg_err rg_render(const rg_network *net, const rg_metrics *m,
		 const rg_render_opts *opts, const char *path,
		 char *errbuf, size_t errlen);

#ifdef __cplusplus
}
#endif

#endif /* RELGRAPH_H */
