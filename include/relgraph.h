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
#include <stdio.h>
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
	RG_VIA_ACRONYM,
	RG_VIA_METONYM   /* a capital standing for its country (--metonymy) */
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

/*
 * With `on`, capitals are reported as the countries they stand for
 * (data/capitals.tsv: "Baku" -> AZE) with via RG_VIA_METONYM; off by
 * default, since a capital is a place.  Call before the lexicon is shared
 * between threads.
 */
void rg_lexicon_set_metonymy(rg_lexicon *lex, int on);

/*
 * The folded form of text[0..len): the words the matcher compares, after
 * ICU NFKC_Casefold, diacritics removed and data/fold.tsv, one space
 * between words ("Azərbaycan Respublikası" -> "azerbaycan respublikasi").
 * *out is malloc'd; the caller frees it.
 */
rg_err rg_lexicon_fold(const rg_lexicon *lex, const char *text, size_t len, char **out);

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
	const char *rule;  /* "chain", "list", "named", "officials" (static) */
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
				"no holder known", "several holders",
				"former holder" (static) */
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

/* ---- unknown-name discovery -------------------------------------------- */

/* A name no dictionary entry matched, with how often it was seen. */
typedef struct {
	const char *text;     /* the first surface seen (valid UTF-8) */
	long count, docs;
	const char *doc;      /* where it was first seen */
	int para;
	const char *how;      /* "title" (after "Mr", «السيد», an office) or
				 "capitals" (a run of capitalised words) */
} rg_candidate;

typedef struct rg_cands rg_cands;

/*
 * Creates an accumulator of candidate names; `titles_tsv` lists the words
 * that introduce names (data/titles.tsv; NULL: none).  Bad rows are
 * reported through diag.
 */
rg_err rg_cands_new(rg_cands **out, const rg_lexicon *lex, const char *titles_tsv,
		    const rg_diag *diag);
void rg_cands_free(rg_cands *c);

/*
 * Adds the candidates of one analysed document: words after a title or an
 * office phrase, and runs of two or more capitalised words, that no
 * mention covers.
 */
rg_err rg_cands_add(rg_cands *c, const rg_doc *doc, const rg_analysis *an);

/*
 * The candidates seen at least `min_count` times, most frequent first (ties
 * by text), as an array owned by c (valid until the next add or free).
 */
rg_err rg_cands_list(rg_cands *c, long min_count, const rg_candidate **out, size_t *n);

/* ---- the parallel pipeline --------------------------------------------- */

/* Called once per document, in input order, on the thread that called
 * rg_pipeline_run; a non-zero return stops the run with that error. */
typedef rg_err (*rg_doc_fn)(void *ctx, const rg_doc *doc, const rg_analysis *an);

/*
 * Reads every document of `r`, analyses them on `jobs` threads (0: one per
 * online CPU: jobs - 1 worker threads, and the calling thread whenever it
 * would otherwise wait for them) and hands each result to `fn` in input
 * order, so the output is identical whatever the number of jobs.  At most
 * 16 x jobs documents are in memory at once (64 x jobs, without their
 * analyses, when rg_pipeline_run_work has no fn), and past 2 x jobs no
 * more than 16 MB of input.  `diag` may be called from several threads
 * at once; its function must be thread-safe.  Returns the first error of
 * rg_analyze or fn, RG_ENOMEM, or RG_OK.
 */
rg_err rg_pipeline_run(const rg_lexicon *lex, rg_reader *r, int jobs, rg_doc_fn fn,
		       void *ctx, const rg_diag *diag);

/* The number of worker threads `jobs` means (0: one per online CPU, at most 64). */
int rg_pipeline_jobs(int jobs);

/*
 * Work done on the thread that analysed a document, right after the
 * analysis: `worker` is the thread's number, 0 .. rg_pipeline_jobs(jobs)
 * - 1 (the last is the calling thread), so per-thread state (a partial
 * sum) needs no lock.  Documents reach
 * the workers in no fixed order, so the work must not depend on it (sums
 * do not).  Messages through `diag` are held and reported in input order,
 * like the analysis's.  A non-zero return stops the run with that error.
 */
typedef rg_err (*rg_work_fn)(void *ctx, int worker, const rg_doc *doc,
			     const rg_analysis *an, const rg_diag *diag);

/*
 * rg_pipeline_run with `work` (may be NULL) run on the workers; `fn` may
 * be NULL when all is done there.  Both get `ctx`.
 */
rg_err rg_pipeline_run_work(const rg_lexicon *lex, rg_reader *r, int jobs, rg_work_fn work,
			    rg_doc_fn fn, void *ctx, const rg_diag *diag);

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
/* The window as rg_window_parse reads it ("sentence", "tokens:5"), into buf. */
void rg_window_name(rg_window w, char *buf, size_t n);

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

/* The default of rg_cooc_set_window_cap (--max-window-actors). */
#define RG_COOC_MAX_WINDOW_ACTORS 64

/*
 * Bounds the work per window, so one document naming thousands of actors
 * cannot make a quadratic number of pairs: in sentence, paragraph and
 * document windows only the first `max_actors` distinct actors of a window
 * (in text order) are paired; in token windows each mention is paired with
 * at most the `max_actors` nearest earlier mentions.  0 removes the bound.
 * A document where the bound cut something is reported once through
 * `diag` (with the byte offset of the first such window); `diag` may be
 * NULL and must outlive `c`.  The default is RG_COOC_MAX_WINDOW_ACTORS.
 */
void rg_cooc_set_window_cap(rg_cooc *c, size_t max_actors, const rg_diag *diag);

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
	size_t actor;          /* index into the lexicon (RG_NO_ACTOR when the
				  network was read from an edge table) */
	long windows;          /* windows naming the actor (see rg_weight_scheme) */
} rg_node;

typedef struct {
	size_t a, b;           /* node indices, a < b */
	double weight;         /* windows in which both were named */
	long docs;             /* documents with at least one such window */
	long windows;          /* the raw window count, whatever `weight` became
				  after rg_network_weight (0 = same as weight) */
	char first_date[11];   /* earliest/latest dated document with such a */
	char last_date[11];    /* window, "" when none is dated */
} rg_edge;

typedef struct {
	rg_node *nodes;        /* every actor named at least once, by id */
	size_t n_nodes;
	rg_edge *edges;        /* sorted by (a, b) */
	size_t n_edges;
	long n_docs;           /* documents in the corpus */
	char first_date[11];   /* corpus span, "" when no document is dated */
	char last_date[11];
	long n_windows;        /* windows naming at least one counted actor */
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
	long sampled_sources;      /* 0: betweenness and closeness are exact;
				      else estimated from this many sampled
				      source actors (see rg_metrics_compute) */
} rg_metrics;

void rg_metrics_init(rg_metrics *m);
void rg_metrics_release(rg_metrics *m);

/*
 * Computes every metric of `net` with igraph into `out` (previous contents
 * released).  Returns RG_EGRAPH when igraph fails, RG_ENOMEM.  An empty
 * network gives empty metrics.  Cost: dominated by betweenness and
 * closeness, O(V E + V^2 log V) when exact, O(k (E + V log V)) when sampled
 * (below).
 */
rg_err rg_metrics_compute(const rg_network *net, rg_metrics *out);

/*
 * Above this much path work (nodes x edges) betweenness and closeness are
 * estimated from a sample of source actors instead of all of them: k =
 * max(RG_METRICS_MIN_SOURCES, RG_METRICS_EXACT_WORK / edges) sources drawn
 * with a fixed seed, each shortest-path tree weighted n / k (Brandes and
 * Pich's pivot estimator; closeness sums 1/d from the sources, scaled by
 * (n - 1) / k).  rg_metrics.sampled_sources then says k.  For 10,000 actors
 * and 1,000,000 edges that is 64 sources instead of 10,000.
 */
#define RG_METRICS_EXACT_WORK 50000000.0
#define RG_METRICS_MIN_SOURCES 64

/*
 * rg_metrics_compute with an explicit number of sampled sources for
 * betweenness and closeness: 0 chooses as above; k >= n_nodes is exact;
 * 0 < k < n_nodes samples k sources.  Used by the tests and the benchmark.
 */
rg_err rg_metrics_compute_sampled(const rg_network *net, rg_metrics *out,
				  size_t sources);

/*
 * rg_metrics_compute_sampled, with the sampled betweenness and closeness
 * run on `jobs` threads (0: one per online CPU, as rg_pipeline_jobs); the
 * result does not depend on the number.  The rest of the metrics run
 * on the calling thread (igraph as Debian builds it is not thread-safe).
 */
rg_err rg_metrics_compute_jobs(const rg_network *net, rg_metrics *out, size_t sources,
			       int jobs);

/*
 * Fills `order` (net->n_nodes entries) with node indices sorted by metric
 * `by`, highest first, ties broken by strength, then by id, so the order is
 * stable across runs.
 */
rg_err rg_metrics_order(const rg_network *net, const rg_metrics *m,
			rg_metric by, size_t *order);

/* ---- network transforms: weights, filters, backbone --------------------- */

/*
 * Edge weight schemes (rg_network_weight).  With w_ab the windows naming
 * both a and b, n_a the windows naming a (rg_node.windows) and W the
 * windows naming at least one counted actor (rg_network.n_windows):
 *   count    w_ab (the default; what rg_cooc_network gives)
 *   docs     the number of documents with at least one such window
 *   assoc    association strength as in VOSviewer: w_ab * W / (n_a * n_b)
 *            (1 = as often as independent mentions would predict)
 *   pmi      positive pointwise mutual information over windows,
 *            log(p_ab / (p_a p_b)) = log(w_ab * W / (n_a * n_b)); ties with
 *            PMI <= 0 (no more frequent than chance) are dropped, since a
 *            tie must have a positive weight
 *   jaccard  w_ab / (n_a + n_b - w_ab), in (0, 1]
 * With token windows (tokens:K) n_a counts a's mentions and W all mentions
 * of counted actors.  Metrics that use distances take 1 / weight whatever
 * the scheme.
 */
typedef enum {
	RG_WEIGHT_COUNT = 0,
	RG_WEIGHT_DOCS,
	RG_WEIGHT_ASSOC,
	RG_WEIGHT_PMI,
	RG_WEIGHT_JACCARD,
	RG_NWEIGHT
} rg_weight_scheme;

/* "count", "docs", "assoc", "pmi", "jaccard"; NULL when out of range. */
const char *rg_weight_name(rg_weight_scheme s);
/* The scheme named `name`, or -1. */
int rg_weight_parse(const char *name);

/*
 * Replaces every edge weight of `net` by scheme `s`, computed from the raw
 * counts (rg_edge.windows when set, else the current weight, which is then
 * kept in rg_edge.windows).  Edges whose new weight is not > 0 are removed.
 * RG_EINPUT when s is unknown or a count the scheme needs is 0.  O(E).
 */
rg_err rg_network_weight(rg_network *net, rg_weight_scheme s);

/* Deep-copies `src` into `dst` (released first).  RG_ENOMEM. */
rg_err rg_network_copy(const rg_network *src, rg_network *dst);

/*
 * Keeps the nodes with keep[i] != 0 (and the edges between them), in
 * their order; edge indices are renumbered.  When `m` is not NULL its
 * per-node arrays are compacted the same way (communities keep their
 * numbers).  RG_ENOMEM.  O(V + E).
 */
rg_err rg_network_subset(rg_network *net, rg_metrics *m, const unsigned char *keep);

/* Keeps the nodes whose type is in `mask` (bits 1 << RG_TYPE_*); 0 keeps all. */
rg_err rg_network_keep_types(rg_network *net, unsigned mask);

/* Removes the edges whose weight is below `min`; nodes stay. */
rg_err rg_network_min_weight(rg_network *net, double min);

/*
 * The ego network: keeps the node with id `focus` and every node at most
 * `depth` ties away from it (breadth-first over the edges), with the edges
 * among them.  RG_EINPUT when no node has that id.  O(V + E).
 */
rg_err rg_network_ego(rg_network *net, const char *focus, unsigned depth);

/*
 * Keeps the `top` nodes ranked highest by metric `by` (rg_metrics_order),
 * computed beforehand on the whole network, and compacts `m` with them.
 * 0 or top >= n_nodes keeps all.  RG_ENOMEM, RG_EINPUT.
 */
rg_err rg_network_top(rg_network *net, rg_metrics *m, rg_metric by, size_t top);

/*
 * The disparity filter backbone (Serrano, Boguñá, Vespignani, PNAS 2009):
 * for a node i of degree k_i > 1 and strength s_i, an edge (i, j) is
 * significant at level `alpha` when
 *     alpha_ij = (1 - w_ij / s_i) ^ (k_i - 1) < alpha;
 * an edge is kept when it is significant for at least one endpoint, and
 * the only edge of a node of degree 1 is always kept.  Nodes stay, even if
 * left without edges.  Works on the current weights (any scheme).
 * RG_EINPUT unless 0 < alpha <= 1.  O(V + E).
 */
rg_err rg_network_backbone(rg_network *net, double alpha);

/* ---- graph exports --------------------------------------------------------- */

/*
 * Writes `net` with its metrics `m` (may be NULL) to `path`, in the format
 * its extension names:
 *   .graphml, .gml  igraph's writers: node attributes id, name, name_LANG
 *                   per language, type, mentions, docs, windows, every metric
 *                   and community; edge attributes weight, windows, docs,
 *                   first_date, last_date (Gephi, Cytoscape, networkx)
 *   .dot            Graphviz DOT (igraph's writer, same attributes)
 *   .csv            one edge list with a header: source, target, the names,
 *                   weight, windows, docs, first_date, last_date
 *   .json           {"nodes": [...], "edges": [...]} with the same fields
 * The file is written under a temporary name and renamed.  Uses igraph's
 * attribute handler, so do not run it concurrently with rg_metrics_compute.
 * RG_EINPUT (unknown extension), RG_EIO, RG_EGRAPH, RG_ENOMEM; a message
 * goes to `errbuf` when not NULL.
 */
rg_err rg_export(const rg_network *net, const rg_metrics *m, const char *path,
		 char *errbuf, size_t errlen);

/* ---- rendering (Graphviz) ---------------------------------------------- */

/* What a node's fill colour shows: its actor type (from the style's
 * type.* keys) or its Leiden community (a colour-blind-safe palette). */
typedef enum { RG_FILL_TYPE = 0, RG_FILL_COMMUNITY } rg_fill;

typedef struct {
	const char *layout;   /* "neato", "sfdp", "fdp", "circo", "twopi"; NULL: by size */
	int label_lang;       /* RG_LANG_*, RG_LANG_NONE for English, or
				 RG_LABEL_NATIVE: node i in home_lang[i] */
	const signed char *home_lang; /* RG_LABEL_NATIVE: per node (n_nodes) the
				 RG_LANG_* of its home language, RG_LANG_NONE
				 for English; NULL: all English.  A node without
				 a name in its language shows its English name,
				 else its first name in the RG_LANG_* order */
	size_t top;           /* keep the top N nodes by size_by; 0 keeps all */
	rg_metric size_by;    /* node size */
	const char *title;    /* NULL: no title */
	const char *style;    /* path of a viz/ *.style file, or NULL for defaults */
	rg_fill fill_by;      /* node colour: actor type (default) or community */
	const rg_cooc *evidence; /* .html: the sentences shown per edge, or NULL */
	const char *page_dir; /* .html: the folder of page.html, page.css and
				 page.js (the build's viz/); NULL: "viz" */
} rg_render_opts;

/* label_lang: every actor in its own home language (see home_lang). */
#define RG_LABEL_NATIVE (-2)

void rg_render_opts_init(rg_render_opts *o);

/*
 * What rg_render draws of `net` with `opts`: *nodes the actors kept (the
 * opts->top highest by opts->size_by, ties by id; all when top is 0) and
 * *edges the ties among them.  m may be NULL (then the first `top` by id).
 * Returns RG_ENOMEM or RG_OK.
 */
rg_err rg_render_counts(const rg_network *net, const rg_metrics *m,
			const rg_render_opts *opts, size_t *nodes, size_t *edges);

/*
 * Draws `net` with Graphviz (cgraph + gvc, in process) into `path`, whose
 * extension picks the format: .svg, .png, .pdf, .dot, or .html: one
 * self-contained interactive page (the SVG with pan and zoom, search, and
 * per edge the evidence of opts->evidence: document, date, sentence), built
 * from the page.* templates of opts->page_dir; every article text in it is
 * escaped, so the page never runs script from an article.  The file is
 * written to a temporary name and renamed, so an interrupted run never
 * leaves a half-written diagram.  Not thread-safe: Graphviz keeps global
 * state, so call it from one thread at a time.  On failure a message is written to
 * `errbuf` (if not NULL) and RG_ERENDER, RG_EIO or RG_EINPUT is returned.
 */
rg_err rg_render(const rg_network *net, const rg_metrics *m,
		 const rg_render_opts *opts, const char *path,
		 char *errbuf, size_t errlen);

/* ---- multilateral formats across a corpus (formatstats.c) -------------- */

/* The period activity is counted by. */
typedef enum { RG_PERIOD_MONTH = 0, RG_PERIOD_QUARTER, RG_PERIOD_YEAR } rg_period;

/* Parses "month", "quarter" or "year"; -1 otherwise. */
int rg_period_parse(const char *s);

/*
 * The `period` (an rg_period) of a date "YYYY-MM-DD" (or "YYYY-MM",
 * "YYYY") into key: "2024-03", "2024-Q1" (Q0 for a month outside 1-12) or
 * "2024"; "" when the date is coarser than the period.  The one
 * definition of a period for the corpus, its formats and edge tables.
 */
void rg_period_key(int period, const char *date, char key[9]);

/*
 * Whether a document dated `date` ("" = undated) is within --since and
 * --until (YYYY[-MM[-DD]], NULL = open): date >= since, and date's prefix
 * of until's length <= until; an undated document is within no bound.
 */
int rg_date_in_span(const char *date, const char *since, const char *until);

/* The activity of one format in one period. */
typedef struct {
	char period[9];      /* "2024-03", "2024-Q1" or "2024" */
	long mentions;       /* detections in the period's documents */
	long docs;           /* documents of the period with a detection */
} rg_format_period;

/*
 * One format of the corpus: a distinct member set, however it was written
 * (a chain, a cued list or a name all count for the same set).
 */
typedef struct {
	char *key;           /* member ids sorted by id, joined by '-': "AZE-IRN-TUR" */
	size_t *members;     /* lexicon indices of the members, in key order */
	size_t n_members;    /* >= 3 */
	char *name;          /* the named format's id when the text ever used its
				name ("three-plus-three"), else NULL */
	long mentions;       /* detections (rg_analysis formats) */
	long docs;           /* documents with at least one detection */
	long by_rule[4];     /* detections by rule: chain, list, named, officials */
	char first_date[11]; /* earliest / latest dated document, "" if none */
	char last_date[11];
	rg_format_period *periods; /* dated activity, sorted by period */
	size_t n_periods;
} rg_format_stat;

typedef struct rg_formatstats rg_formatstats;

/*
 * Creates an empty accumulator of the formats of a corpus; activity is
 * counted per `period`.  `lex` must outlive it.  Free with
 * rg_formatstats_free().  Returns RG_ENOMEM or RG_EINPUT (bad period).
 */
rg_err rg_formatstats_new(rg_formatstats **out, const rg_lexicon *lex, rg_period period);
void rg_formatstats_free(rg_formatstats *fs);

/*
 * Adds the formats of one analysed document (an->formats, dated by
 * an->date).  `doc` and `an` are only read during the call.  Cost: linear
 * in the document's formats times the formats known so far.
 */
rg_err rg_formatstats_add(rg_formatstats *fs, const rg_doc *doc, const rg_analysis *an);

/*
 * Adds a format by its members without a detection (mentions 0), so a
 * format asked for by name can be compared even if the corpus never names
 * it.  `members` are lexicon indices of three or more distinct countries,
 * in any order.  Returns RG_EINPUT or RG_ENOMEM.
 */
rg_err rg_formatstats_ensure(rg_formatstats *fs, const size_t *members, size_t n);

/*
 * The position (in rg_formatstats_get order) of the format with exactly
 * the lexicon indices members[0..n) (any order), or -1.
 */
long rg_formatstats_find(rg_formatstats *fs, const size_t *members, size_t n);

/*
 * The formats, sorted by mentions (highest first), then documents, then
 * key; the order is fixed when this is called after the last add.  The
 * returned structs are owned by `fs` and stay valid until the next add.
 */
size_t rg_formatstats_count(const rg_formatstats *fs);
const rg_format_stat *rg_formatstats_get(rg_formatstats *fs, size_t i);

/*
 * Parses a format as a user writes it: country ids joined by '-', ',', '+'
 * or spaces in any order and case ("AZE-TUR-IRN"), the id of a named
 * format ("caspian-five"), or any text whose analysis finds exactly one
 * format ("3+3", "Astana format").  Fills members[0..cap) with the
 * members' lexicon indices, in id order, and *n with their number.  Returns RG_EINPUT when `spec`
 * names no format of three or more countries, RG_ENOMEM.
 */
rg_err rg_format_spec_parse(const rg_lexicon *lex, const char *spec, size_t *members,
			    size_t cap, size_t *n);

/* How a format's members are tied in the whole co-mention graph. */
typedef struct {
	double w_min;        /* smallest co-mention weight among member pairs */
	double w_mean;       /* mean over all n(n-1)/2 member pairs (0 for unlinked) */
	double intensity;    /* trilaterals: geometric mean of the three weights,
				(w1 w2 w3)^(1/3); NAN for larger formats */
	size_t pairs_linked; /* member pairs with a non-zero weight */
	double strength[16]; /* per member (key order): strength and PageRank */
	double pagerank[16]; /* in the graph; 0 for members it does not hold */
} rg_format_links;

/*
 * Computes `f`'s ties in `net` (whose nodes carry lexicon indices) with the
 * metrics `m` of rg_metrics_compute (may be NULL: strength and PageRank
 * are then 0).  Members past the sixteenth get no centrality.
 */
void rg_format_links_compute(const rg_format_stat *f, const rg_network *net,
			     const rg_metrics *m, rg_format_links *out);

/* |A n B| / |A u B| of the two formats' member sets. */
double rg_format_jaccard(const rg_format_stat *a, const rg_format_stat *b);

/*
 * The hub: the country that belongs to most of the formats with at least
 * one mention (ties: more format mentions, then smaller id).  Returns its
 * lexicon index and the number of formats in *n_formats, or RG_NO_ACTOR
 * when there is no format.
 */
size_t rg_formatstats_hub(rg_formatstats *fs, size_t *n_formats);

/*
 * Draws the formats of `fs` as a bipartite diagram: one box per format
 * (area by mentions) linked to an ellipse per member country (size by the
 * number of formats it belongs to), with Graphviz in process (see
 * rg_render for `path`, `opts` (layout, label_lang, title, top = the N
 * most-mentioned formats) and errors).  Formats with no mention are left
 * out.  Not thread-safe.
 */
rg_err rg_render_formats(rg_formatstats *fs, const rg_lexicon *lex,
			 const rg_render_opts *opts, const char *path,
			 char *errbuf, size_t errlen);

/* ---- partial edge tables (map/reduce) ------------------------------------ */

/*
 * An edge set is a corpus's co-mention counts kept apart per slice, a
 * slice being the documents of one date and one language, so that sets
 * built from parts of a corpus sum to the set of the whole (relgraph as
 * mapper and reducer) and a set answers every question the articles
 * answer: the network of any --since/--until/--lang/--types choice, one
 * network per month, quarter or year, and the formats.  Slice dates are
 * days, months or years (rg_slicing): coarser slices make smaller tables
 * but cannot answer a finer question (that is refused, never guessed).
 *
 * As text (an edge table) the set is tab-separated: a first line
 * RG_EDGETABLE_MAGIC, "window=W", "types=country,person,org", "slice=day";
 * one `actor` row per actor named anywhere (id, type, display names in the
 * order of RG_LANG_*, "" when unknown), sorted by id; then per slice, in
 * (date, language) order, a `slice` row (date or "-", language or "-",
 * documents, windows naming a counted actor, and those windows by the set
 * of types they name: "country=5,country+person=2" or "-") followed by its
 * `node` rows (id, mentions, documents, windows), `edge` rows (the two ids
 * in sorted order, windows, documents) and `format` rows (member ids
 * joined by '-', detections, documents, detections by rule chain, list,
 * named and officials, the named format's id or "-").  Tabs, newlines and
 * backslashes in names are written as \t, \n and \\.
 */
#define RG_EDGETABLE_MAGIC "#relgraph-edges v2"

/* The date precision of the slices. */
typedef enum { RG_SLICE_DAY = 0, RG_SLICE_MONTH, RG_SLICE_YEAR } rg_slicing;

/* Parses "day", "month" or "year"; -1 otherwise.  And the name back. */
int rg_slicing_parse(const char *s);
const char *rg_slicing_name(rg_slicing sl);

typedef struct rg_edgeset rg_edgeset;

/*
 * Creates an empty edge set counted with window `w` over the actor types
 * `types` (bits 1 << RG_TYPE_*; 0 = countries, people and organisations)
 * and slices of precision `slicing`.  Free with rg_edgeset_free().
 * RG_ENOMEM or RG_EINPUT (bad slicing).
 */
rg_err rg_edgeset_new(rg_edgeset **out, rg_window w, unsigned types, rg_slicing slicing);
void rg_edgeset_free(rg_edgeset *s);

rg_window rg_edgeset_window(const rg_edgeset *s);
unsigned rg_edgeset_types(const rg_edgeset *s);
rg_slicing rg_edgeset_slicing(const rg_edgeset *s);

/*
 * The map step: adds one analysed document (made with `lex`, which must
 * be the same for every call and outlive the set) to its slice, counted
 * exactly as rg_cooc_add counts it.  Windows naming more than
 * `max_window_actors` distinct actors are cut as rg_cooc_set_window_cap
 * says (0: no bound) and reported through `diag` (may be NULL; must
 * outlive the set).  Not thread-safe: add documents from one thread.
 * RG_ENOMEM, or RG_EINPUT past 2^20 actors or 2^24 slices.
 */
rg_err rg_edgeset_add(rg_edgeset *s, const rg_lexicon *lex, const rg_doc *doc,
		      const rg_analysis *an, size_t max_window_actors, const rg_diag *diag);

/*
 * Sums `src` into `dst` (the partial sets of several threads or shards).
 * RG_EINPUT when their window, types or slicing differ, RG_ENOMEM (dst
 * is then incomplete).
 */
rg_err rg_edgeset_merge(rg_edgeset *dst, const rg_edgeset *src);

/* Writes the set as an edge table.  RG_EIO when a write fails. */
rg_err rg_edgeset_write(const rg_edgeset *s, FILE *f);
/*
 * rg_edgeset_write on up to `jobs` threads (at most 64): the rows are
 * sorted and formatted in runs of slices on the threads, written in order
 * by the caller's thread; the bytes are those of rg_edgeset_write.
 * Memory: the text of `jobs` runs of about 32,768 rows each.
 */
rg_err rg_edgeset_write_jobs(const rg_edgeset *s, FILE *f, int jobs);

/* 1 when the file at `path` starts with "#relgraph-edges", else 0. */
int rg_edgetable_sniff(const char *path);

/*
 * The reduce step: reads the edge table(s) at `path` ("-" is standard
 * input; a stream may hold several tables one after the other, as the part
 * files of a map step concatenated) and sums them into *s, which is
 * created from the first table when NULL.  Every table must have the
 * set's window, types and slicing (else RG_EINPUT, reported).  Malformed
 * rows are reported through `diag` with file and line and make the call
 * fail with RG_EINPUT (the set then holds the tables before the bad one);
 * RG_EIO when the file cannot be read.  Memory: the slices' counts.
 */
rg_err rg_edgeset_read(rg_edgeset **s, const char *path, const rg_diag *diag);

/* Which slices a question takes. */
typedef struct {
	const char *since;   /* YYYY[-MM[-DD]]: documents dated that or later */
	const char *until;   /* documents dated that or earlier; NULL: open */
	int lang;            /* RG_LANG_NONE: every language */
	unsigned types;      /* node types (mask); 0: the set's own */
	int period;          /* with period_key: only that rg_period, -1: any */
	const char *period_key; /* "2024-03", "2024-Q1" or "2024" */
} rg_slice_filter;

/* A filter that takes every slice. */
void rg_slice_filter_init(rg_slice_filter *f);

/*
 * Whether the set's slices can answer `f` exactly: NULL when they can,
 * else a message saying why not (a bound or period finer than the
 * slices, or types the set was not counted with).
 */
const char *rg_edgeset_check(const rg_edgeset *s, const rg_slice_filter *f);

/*
 * The network of the slices `f` takes (NULL: all), as rg_cooc_network
 * gives it for those documents: nodes sorted by id with rg_node.actor =
 * RG_NO_ACTOR, edges sorted, date spans at the slices' precision.  *out
 * is released first.  RG_EINPUT when rg_edgeset_check refuses f,
 * RG_ENOMEM.
 */
rg_err rg_edgeset_network(const rg_edgeset *s, const rg_slice_filter *f, rg_network *out);

/*
 * The periods (rg_period) of the dated slices `f` takes, sorted, as
 * malloc'd keys in *keys (free it); *n their number; *undated the
 * documents of undated slices f takes.  RG_EINPUT when the slices are
 * coarser than the period, RG_ENOMEM.
 */
rg_err rg_edgeset_periods(const rg_edgeset *s, const rg_slice_filter *f, int period,
			  char (**keys)[9], size_t *n, long *undated);

/* Documents and slices in the set, and the bytes it holds (0 for NULL). */
long rg_edgeset_doc_count(const rg_edgeset *s);
size_t rg_edgeset_slice_count(const rg_edgeset *s);
size_t rg_edgeset_memory(const rg_edgeset *s);

/*
 * Adds the format counts of the slices `f` takes (NULL: all) to `fs`
 * (made with `lex`, in which the member ids are looked up), dated by the
 * slices' dates; a format row whose members `lex` lacks is left out and
 * counted in *unknown.  RG_ENOMEM.
 */
rg_err rg_edgeset_formats(const rg_edgeset *s, const rg_slice_filter *f,
			  const rg_lexicon *lex, rg_formatstats *fs, long *unknown);

/*
 * Adds `mentions` detections in `docs` documents of the format with the
 * lexicon indices members[0..n) (any order), dated `date` ("YYYY[-MM[-DD]]"
 * or "" for none), `by_rule` counting them by rule (chain, list, named,
 * officials), named `name` (a named format's id, or NULL).  What
 * rg_formatstats_add does for a document, from counts (edge tables).
 * RG_EINPUT (members as for rg_formatstats_ensure), RG_ENOMEM.
 */
rg_err rg_formatstats_add_counts(rg_formatstats *fs, const size_t *members, size_t n,
				 const char *name, long mentions, long docs,
				 const long by_rule[4], const char *date);

#ifdef __cplusplus
}
#endif

#endif /* RELGRAPH_H */
