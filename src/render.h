/*
 * render.h - private interface between the parts of the renderer: the style
 * files (render_style.c), the Graphviz diagram (render.c) and the
 * interactive HTML page (render_html.c).  Not part of the public API.
 */
#ifndef RG_RENDER_H
#define RG_RENDER_H

#include <stddef.h>

#include "relgraph.h"

/* Where a style setting applies: graph, node or edge defaults, or one actor type. */
enum { SEC_GRAPH, SEC_NODE, SEC_EDGE, SEC_TYPE };

typedef struct {
	int sec;       /* SEC_* */
	int type;      /* the rg_actor_type of a SEC_TYPE entry, else -1 */
	char *attr;    /* owned; mutable because cgraph takes char * */
	char *value;   /* owned */
} rg_style_attr;

/* A loaded style: Graphviz attributes plus the renderer's own scales. */
typedef struct {
	rg_style_attr *a;          /* in first-set order; a later line replaces */
	size_t n, cap;
	double node_min, node_max; /* node width in inches, by size_by */
	double font_min, font_max; /* node label size in points, by size_by */
	unsigned long edge_light;  /* 0xRRGGBB of the weakest edge */
	unsigned long edge_dark;   /* ... and of the strongest */
	int legend;                /* draw the legend under the title */
	double spline_limit;       /* above this many nodes, splines=true -> curved */
	double title_size, legend_size;
	char *legend_color;        /* owned */
} rg_style;

/* Actor types as written in style keys: "country", "person", "org", ... */
extern const char *const rg_style_type_key[RG_NTYPE];

/*
 * Loads the built-in style (viz/light.style), then `file` (NULL: none) over
 * it into a zeroed *st.  Errors (unknown key, bad value, unreadable file)
 * name the file and line in errbuf and return RG_EINPUT, RG_EIO or
 * RG_ENOMEM; *st must be released either way.
 */
rg_err rg_style_load(rg_style *st, const char *file, char *errbuf, size_t errlen);
void rg_style_release(rg_style *st);

/* The value of `attr` in section `sec` (type: for SEC_TYPE, else -1), or NULL. */
const char *rg_style_get(const rg_style *st, int sec, int type, const char *attr);

/* snprintf into errbuf (which may be NULL). */
void rg_render_seterr(char *errbuf, size_t errlen, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* ---- render_text.c: strings for Graphviz attributes ---- */

/* A growable NUL-terminated string; zero-initialise, free(b.s) after. */
typedef struct {
	char *s;
	size_t len, cap;
	int oom;       /* an allocation failed; the content is incomplete */
} rg_sbuf;

/* Appends n bytes / a string; on allocation failure sets b->oom and stops. */
void rg_sb_putn(rg_sbuf *b, const char *s, size_t n);
void rg_sb_puts(rg_sbuf *b, const char *s);
/* Empties b (keeping its memory); b->s is "" afterwards. */
void rg_sb_clear(rg_sbuf *b);
/*
 * Appends `v` with `prec` digits ("%.*f", or "%.*g" when `g`), always with
 * '.' as the decimal point: Graphviz parses numbers in the C locale.
 */
void rg_sb_num(rg_sbuf *b, double v, int prec, int g);

enum {
	RG_ESC_LABEL,   /* a plain label: backslashes doubled, newline -> "\n" */
	RG_ESC_ATTR,    /* a tooltip or id: like a label, but newline -> space */
	RG_ESC_HTML     /* text or attribute value inside an HTML-like label */
};

/*
 * Appends `s` so that Graphviz shows exactly these characters in the
 * context `mode` (RG_ESC_*): escString sequences and entities neutralised,
 * control characters as spaces, ill-formed UTF-8 as U+FFFD.
 */
void rg_sb_escape(rg_sbuf *b, const char *s, int mode);

/* ---- render.c ---- */

/*
 * The label of node i under opts->label_lang (RG_LABEL_NATIVE: its
 * opts->home_lang): the name in that language, else the English name, else
 * the first name in RG_LANG_* order, else the id.  Owned by net.
 */
const char *rg_render_label(const rg_network *net, size_t i, const rg_render_opts *o);

/*
 * render.c: lays out `net` like rg_render() and returns the SVG in *svg
 * (malloc'd, NUL-terminated, *len bytes) and which nodes it shows in *kept
 * (malloc'd, net->n_nodes flags).  The caller frees both.
 */
rg_err rg_render_svg(const rg_network *net, const rg_metrics *m,
		     const rg_render_opts *opts, char **svg, size_t *len,
		     unsigned char **kept, char *errbuf, size_t errlen);

/*
 * render_html.c: writes the interactive page (opts->page_dir's page.html
 * with page.css, page.js, the SVG and the data as JSON) to `outpath`,
 * through a temporary file renamed at the end.
 */
rg_err rg_render_page(const rg_network *net, const rg_metrics *m,
		      const rg_render_opts *opts, const char *outpath,
		      char *errbuf, size_t errlen);

#endif
