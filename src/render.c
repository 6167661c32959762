/*
 * render.c - the last stage of the pipeline: draws an rg_network and its
 * rg_metrics with Graphviz (cgraph + gvc, in process) as SVG, PNG, PDF or
 * laid-out DOT, styled by a viz/ *.style file (format: viz/light.style, whose
 * values are built in below).  Every Graphviz call of relgraph lives here.
 */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <cgraph.h>
#include <gvc.h>

#include "relgraph.h"

/* Above this many nodes the default layout is sfdp instead of neato. */
#define NEATO_MAX_NODES 150

/* The settings of viz/light.style, used when no style file is given; keep identical. */
static const char builtin_style[] =
	"graph.bgcolor = #FFFFFF\n"
	"graph.fontname = Noto Sans,Noto Sans Arabic\n"
	"graph.fontsize = 12\n"
	"graph.fontcolor = #1A1A1A\n"
	"graph.labelloc = t\n"
	"graph.pad = 0.3\n"
	"graph.overlap = prism\n"
	"graph.splines = true\n"
	"graph.outputorder = edgesfirst\n"
	"graph.sep = +8\n"
	"node.shape = ellipse\n"
	"node.style = filled\n"
	"node.fontname = Noto Sans,Noto Sans Arabic\n"
	"node.fontcolor = #1A1A1A\n"
	"node.penwidth = 1.2\n"
	"node.margin = 0.08,0.04\n"
	"edge.fontname = Noto Sans,Noto Sans Arabic\n"
	"type.country.fillcolor = #A8D1EE\n"
	"type.country.color = #0072B2\n"
	"type.person.fillcolor = #F6D48A\n"
	"type.person.color = #B87F00\n"
	"type.org.fillcolor = #A3DCC9\n"
	"type.org.color = #009E73\n"
	"type.place.fillcolor = #D9D9D9\n"
	"type.place.color = #808080\n"
	"type.group.fillcolor = #EBC6DB\n"
	"type.group.color = #CC79A7\n"
	"scale.node_min = 0.35\n"
	"scale.node_max = 1.4\n"
	"scale.font_min = 10\n"
	"scale.font_max = 20\n"
	"scale.edge_light = #BDBDBD\n"
	"scale.edge_dark = #3A3A3A\n"
	"scale.spline_limit = 100\n"
	"legend.show = yes\n"
	"legend.title_size = 20\n"
	"legend.fontsize = 11\n"
	"legend.fontcolor = #555555\n";

/* ---- growable strings ---------------------------------------------------- */

typedef struct {
	char *s;
	size_t len, cap;
	int oom;       /* an allocation failed; the content is incomplete */
} sbuf;

static void sb_putn(sbuf *b, const char *s, size_t n)
{
	size_t cap;
	char *p;

	if (b->oom)
		return;
	if (b->len + n + 1 > b->cap) {
		cap = b->cap ? b->cap : 128;
		while (cap < b->len + n + 1)
			cap *= 2;
		p = realloc(b->s, cap);
		if (!p) {
			b->oom = 1;
			return;
		}
		b->s = p;
		b->cap = cap;
	}
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

static void sb_puts(sbuf *b, const char *s)
{
	sb_putn(b, s, strlen(s));
}

static void sb_clear(sbuf *b)
{
	b->len = 0;
	sb_putn(b, "", 0);
}

/*
 * Appends `v` with `prec` digits ("%.*f", or "%.*g" when `g`), always with
 * '.' as the decimal point: Graphviz parses numbers in the C locale, whatever
 * LC_NUMERIC the application chose.
 */
static void sb_num(sbuf *b, double v, int prec, int g)
{
	char tmp[64], *p;

	if (g)
		snprintf(tmp, sizeof tmp, "%.*g", prec, v);
	else
		snprintf(tmp, sizeof tmp, "%.*f", prec, v);
	for (p = tmp; *p; p++)
		if (*p == ',')
			*p = '.';
	sb_puts(b, tmp);
}

static void set_err(char *errbuf, size_t errlen, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void set_err(char *errbuf, size_t errlen, const char *fmt, ...)
{
	va_list ap;

	if (!errbuf || errlen == 0)
		return;
	va_start(ap, fmt);
	vsnprintf(errbuf, errlen, fmt, ap);
	va_end(ap);
}

/* ---- escaping text for Graphviz ------------------------------------------ */

enum {
	ESC_LABEL,   /* a plain label: backslashes doubled, newline -> "\n" */
	ESC_ATTR,    /* a tooltip or id: like a label, but newline -> space */
	ESC_HTML     /* text or attribute value inside an HTML-like label */
};

/* The length of the well-formed UTF-8 sequence at s[0..n), or 0. */
static size_t utf8_len(const unsigned char *s, size_t n)
{
	unsigned long cp, min;
	size_t len, i;

	if (s[0] < 0x80)
		return 1;
	if (s[0] < 0xC2)
		return 0;
	if (s[0] < 0xE0) {
		len = 2, cp = s[0] & 0x1F, min = 0x80;
	} else if (s[0] < 0xF0) {
		len = 3, cp = s[0] & 0x0F, min = 0x800;
	} else if (s[0] < 0xF5) {
		len = 4, cp = s[0] & 0x07, min = 0x10000;
	} else {
		return 0;
	}
	if (n < len)
		return 0;
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		cp = cp << 6 | (s[i] & 0x3F);
	}
	if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		return 0;
	return len;
}

/* Does `s` (just after an '&') look like an entity that Graphviz decodes? */
static int entity_like(const char *s)
{
	const char *p = s;

	if (*p == '#') {
		p++;
		if (*p == 'x' || *p == 'X') {
			p++;
			while ((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'f') ||
			       (*p >= 'A' && *p <= 'F'))
				p++;
		} else {
			while (*p >= '0' && *p <= '9')
				p++;
		}
	} else if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')) {
		while ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		       (*p >= '0' && *p <= '9'))
			p++;
	}
	return p > s + 1 && *p == ';';
}

/*
 * Appends `s` so that Graphviz shows exactly these characters.  Labels are
 * escStrings: "\N", "\n", "\l" are expanded and "&name;" entities decoded, so
 * backslashes are doubled and an '&' that starts an entity becomes "&amp;".
 * Graphviz itself escapes <, >, & and " for SVG and quotes for DOT.  Control
 * characters become spaces and ill-formed UTF-8 becomes U+FFFD, so the SVG
 * stays well-formed whatever the articles contained.
 */
static void sb_escape(sbuf *b, const char *s, int mode)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = strlen(s), len;

	while (n > 0) {
		len = utf8_len(p, n);
		if (len == 0) {
			sb_puts(b, "\xEF\xBF\xBD");
			len = 1;
		} else if (*p == '\r' && n > 1 && p[1] == '\n') {
			/* CRLF: the LF that follows makes the line break */
		} else if (*p == '\n' || *p == '\r') {
			sb_puts(b, mode == ESC_LABEL ? "\\n" :
				   mode == ESC_HTML ? "<BR/>" : " ");
		} else if (*p < 0x20 || *p == 0x7F) {
			sb_puts(b, " ");
		} else if (mode == ESC_HTML && *p == '&') {
			sb_puts(b, "&amp;");
		} else if (mode == ESC_HTML && *p == '<') {
			sb_puts(b, "&lt;");
		} else if (mode == ESC_HTML && *p == '>') {
			sb_puts(b, "&gt;");
		} else if (mode == ESC_HTML && *p == '"') {
			sb_puts(b, "&quot;");
		} else if (mode != ESC_HTML && *p == '\\') {
			sb_puts(b, "\\\\");
		} else if (mode != ESC_HTML && *p == '&' && entity_like((const char *)p + 1)) {
			sb_puts(b, "&amp;");
		} else {
			sb_putn(b, (const char *)p, len);
		}
		p += len;
		n -= len;
	}
}

/* ---- tables -------------------------------------------------------------- */

/* Actor types as written in style keys, and as shown in the legend. */
static const char *const type_key[RG_NTYPE] = {
	"country", "person", "org", "place", "group"
};
static const char *const type_legend[RG_NTYPE] = {
	"country", "person", "organisation", "place", "group"
};

/* Metrics as named in the legend. */
static const char *const metric_legend[RG_NMETRIC] = {
	"degree (partners)", "strength (co-mentions)", "betweenness",
	"closeness", "PageRank", "eigenvector centrality", "k-core",
	"clustering coefficient"
};

static const char *const layouts[] = {
	"neato", "sfdp", "fdp", "circo", "twopi", "dot"
};

/*
 * The Graphviz (2.42) attributes a style may set, as " name " lists per kind
 * of object; those the renderer computes are refused separately.
 */
static const char graph_attrs[] =
	" Damping K URL _background bgcolor center charset clusterrank colorscheme"
	" comment compound concentrate defaultdist dim dimen diredgeconstraints dpi"
	" epsilon esep fontcolor fontname fontnames fontpath fontsize forcelabels"
	" gradientangle href id imagepath inputscale label label_scheme labeljust"
	" labelloc landscape layers layersep levels levelsgap margin maxiter mclimit"
	" mindist mode model newrank nodesep nojustify normalize notranslate nslimit"
	" nslimit1 ordering orientation outputorder overlap overlap_scaling"
	" overlap_shrink pack packmode pad page pagedir pencolor penwidth peripheries"
	" quadtree quantum rankdir ranksep ratio remincross repulsiveforce resolution"
	" root rotate rotation scale searchsize sep showboxes size smoothing sortv"
	" splines start style stylesheet target tooltip truecolor viewport voro_margin ";
static const char node_attrs[] =
	" URL color colorscheme comment distortion fillcolor fixedsize fontcolor"
	" fontname fontsize gradientangle group height href id image imagepos"
	" imagescale label labelloc layer margin nojustify ordering orientation"
	" penwidth peripheries regular root samplepoints shape showboxes sides skew"
	" sortv style target tooltip width xlabel ";
static const char edge_attrs[] =
	" URL arrowhead arrowsize arrowtail color colorscheme comment constraint"
	" decorate dir edgeURL edgehref edgetarget edgetooltip fillcolor fontcolor"
	" fontname fontsize headclip headlabel href id label labelangle"
	" labeldistance labelfloat labelfontcolor labelfontname labelfontsize layer"
	" len minlen penwidth showboxes style tailclip taillabel target tooltip"
	" weight xlabel ";

/* Is `attr` (letters, digits, '_') in the " name " list `list`? */
static int attr_known(const char *list, const char *attr)
{
	char pat[40];
	size_t n = strspn(attr, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_");

	if (n == 0 || attr[n] || n + 3 > sizeof pat)
		return 0;
	snprintf(pat, sizeof pat, " %s ", attr);
	return strstr(list, pat) != NULL;
}

/* Attributes the renderer computes for every object, so a style may not set them. */
static const char *const computed_graph[] = { "label", NULL };
static const char *const computed_node[] = {
	"label", "id", "tooltip", "width", "height", "fontsize", "fillcolor", NULL
};
static const char *const computed_edge[] = {
	"id", "tooltip", "penwidth", "color", "weight", "len", NULL
};

static int in_list(const char *const *list, const char *s)
{
	for (; *list; list++)
		if (strcmp(*list, s) == 0)
			return 1;
	return 0;
}

/* ---- styles -------------------------------------------------------------- */

enum { SEC_GRAPH, SEC_NODE, SEC_EDGE, SEC_TYPE };

typedef struct {
	int sec;       /* SEC_* */
	int type;      /* the rg_actor_type of a SEC_TYPE entry, else -1 */
	char *attr;    /* owned; mutable because cgraph takes char * */
	char *value;   /* owned */
} style_attr;

typedef struct {
	style_attr *a;            /* in first-set order; a later line replaces */
	size_t n, cap;
	double node_min, node_max; /* node width in inches, by size_by */
	double font_min, font_max; /* node label size in points, by size_by */
	unsigned long edge_light;  /* 0xRRGGBB of the weakest edge */
	unsigned long edge_dark;   /* ... and of the strongest */
	int legend;                /* draw the legend under the title */
	double spline_limit;       /* above this many nodes, splines=true -> curved */
	double title_size, legend_size;
	char *legend_color;        /* owned */
} style;

static void style_release(style *st)
{
	size_t i;

	for (i = 0; i < st->n; i++) {
		free(st->a[i].attr);
		free(st->a[i].value);
	}
	free(st->a);
	free(st->legend_color);
	memset(st, 0, sizeof *st);
}

static const char *style_get(const style *st, int sec, int type, const char *attr)
{
	size_t i;

	for (i = 0; i < st->n; i++)
		if (st->a[i].sec == sec && st->a[i].type == type &&
		    strcmp(st->a[i].attr, attr) == 0)
			return st->a[i].value;
	return NULL;
}

static char *dup_str(const char *s)
{
	size_t n = strlen(s) + 1;
	char *d = malloc(n);

	if (d)
		memcpy(d, s, n);
	return d;
}

static rg_err style_set(style *st, int sec, int type, const char *attr, const char *value)
{
	style_attr *a;
	char *v;
	size_t i;

	if (!(v = dup_str(value)))
		return RG_ENOMEM;
	for (i = 0; i < st->n; i++) {
		a = &st->a[i];
		if (a->sec == sec && a->type == type && strcmp(a->attr, attr) == 0) {
			free(a->value);
			a->value = v;
			return RG_OK;
		}
	}
	if (st->n == st->cap) {
		size_t cap = st->cap ? 2 * st->cap : 48;

		a = realloc(st->a, cap * sizeof *a);
		if (!a)
			goto oom;
		st->a = a;
		st->cap = cap;
	}
	a = &st->a[st->n];
	if (!(a->attr = dup_str(attr)))
		goto oom;
	a->sec = sec;
	a->type = type;
	a->value = v;
	st->n++;
	return RG_OK;
oom:
	free(v);
	return RG_ENOMEM;
}

static int parse_color(const char *s, unsigned long *out)
{
	char *end;
	size_t i;

	if (s[0] != '#' || strlen(s) != 7)
		return 0;
	for (i = 1; i < 7; i++)
		if (!strchr("0123456789abcdefABCDEF", s[i]))
			return 0;
	*out = strtoul(s + 1, &end, 16);
	return 1;
}

static int parse_positive(const char *s, double *out)
{
	char *end;
	double v;

	errno = 0;
	v = strtod(s, &end);
	if (end == s || *end || errno || !isfinite(v) || v <= 0)
		return 0;
	*out = v;
	return 1;
}

/* Handles a "scale.*" or "legend.*" key; returns 0 if `key` is unknown. */
static int style_setting(style *st, const char *key, const char *val, int *bad)
{
	static const struct {
		const char *key;
		size_t off;
	} nums[] = {
		{ "scale.node_min", offsetof(style, node_min) },
		{ "scale.node_max", offsetof(style, node_max) },
		{ "scale.font_min", offsetof(style, font_min) },
		{ "scale.font_max", offsetof(style, font_max) },
		{ "legend.title_size", offsetof(style, title_size) },
		{ "legend.fontsize", offsetof(style, legend_size) },
		{ "scale.spline_limit", offsetof(style, spline_limit) },
	};
	size_t i;
	char *c;

	*bad = 0;
	for (i = 0; i < sizeof nums / sizeof nums[0]; i++)
		if (strcmp(key, nums[i].key) == 0) {
			*bad = !parse_positive(val, (double *)((char *)st + nums[i].off));
			return 1;
		}
	if (strcmp(key, "scale.edge_light") == 0) {
		*bad = !parse_color(val, &st->edge_light);
	} else if (strcmp(key, "scale.edge_dark") == 0) {
		*bad = !parse_color(val, &st->edge_dark);
	} else if (strcmp(key, "legend.show") == 0) {
		if (!strcmp(val, "yes") || !strcmp(val, "true") || !strcmp(val, "on"))
			st->legend = 1;
		else if (!strcmp(val, "no") || !strcmp(val, "false") || !strcmp(val, "off"))
			st->legend = 0;
		else
			*bad = 1;
	} else if (strcmp(key, "legend.fontcolor") == 0) {
		if (!(c = dup_str(val)))
			return -1;
		free(st->legend_color);
		st->legend_color = c;
	} else {
		return 0;
	}
	return 1;
}

/* Applies one "key = value" line of `file`. */
static rg_err style_key(style *st, const char *file, long line, char *key,
			const char *val, char *errbuf, size_t errlen)
{
	static const char *const secs[] = { "graph.", "node.", "edge.", "type." };
	static const char *const known[] = { graph_attrs, node_attrs, edge_attrs, node_attrs };
	static const char *const *const computed[] = {
		computed_graph, computed_node, computed_edge, computed_node
	};
	const char *attr = NULL;
	int sec, type = -1, bad, r;
	size_t n;

	r = style_setting(st, key, val, &bad);
	if (r < 0)
		return RG_ENOMEM;
	if (r > 0) {
		if (!bad)
			return RG_OK;
		set_err(errbuf, errlen, "%s:%ld: bad value '%s' for '%s'", file, line, val, key);
		return RG_EINPUT;
	}
	for (sec = 0; sec < 4; sec++)
		if (strncmp(key, secs[sec], strlen(secs[sec])) == 0)
			break;
	if (sec < 4)
		attr = key + strlen(secs[sec]);
	if (sec == SEC_TYPE) {
		for (type = 0; type < RG_NTYPE; type++) {
			n = strlen(type_key[type]);
			if (strncmp(attr, type_key[type], n) == 0 && attr[n] == '.')
				break;
		}
		attr = type < RG_NTYPE ? attr + strlen(type_key[type]) + 1 : NULL;
	}
	if (!attr || !attr_known(known[sec], attr)) {
		set_err(errbuf, errlen, "%s:%ld: unknown key '%s'", file, line, key);
		return RG_EINPUT;
	}
	/* fillcolor is computed for nodes from the type.* keys */
	if (in_list(computed[sec], attr) && !(sec == SEC_TYPE && !strcmp(attr, "fillcolor"))) {
		set_err(errbuf, errlen, "%s:%ld: '%s' is set by the renderer for every %s",
			file, line, key, sec == SEC_GRAPH ? "diagram" :
			sec == SEC_EDGE ? "edge" : "node");
		return RG_EINPUT;
	}
	return style_set(st, sec, sec == SEC_TYPE ? type : -1, attr, val);
}

static char *trim(char *s)
{
	char *e;

	while (*s == ' ' || *s == '\t')
		s++;
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
		*--e = '\0';
	return s;
}

/* Parses style text (NUL-terminated, modified in place) read from `file`. */
static rg_err style_parse(style *st, char *text, const char *file, char *errbuf, size_t errlen)
{
	char *line = text, *next, *eq, *key, *val;
	long lineno = 0;
	size_t n;
	rg_err rc;

	if (strncmp(line, "\xEF\xBB\xBF", 3) == 0)
		line += 3; /* a UTF-8 byte order mark */
	for (; line; line = next) {
		lineno++;
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		line = trim(line);
		if (*line == '\0' || *line == '#')
			continue;
		eq = strchr(line, '=');
		if (!eq) {
			set_err(errbuf, errlen, "%s:%ld: expected 'key = value'", file, lineno);
			return RG_EINPUT;
		}
		*eq = '\0';
		key = trim(line);
		val = trim(eq + 1);
		n = strlen(val);
		if (n >= 2 && val[0] == '"' && val[n - 1] == '"') {
			val[n - 1] = '\0';
			val++;
		} else if (n == 0) {
			set_err(errbuf, errlen, "%s:%ld: no value for '%s'", file, lineno, key);
			return RG_EINPUT;
		}
		rc = style_key(st, file, lineno, key, val, errbuf, errlen);
		if (rc != RG_OK)
			return rc;
	}
	if (st->node_min > st->node_max || st->font_min > st->font_max) {
		set_err(errbuf, errlen, "%s: a scale.*_min is larger than its scale.*_max", file);
		return RG_EINPUT;
	}
	return RG_OK;
}

/* Loads the built-in style, then the file `file` (if not NULL) over it. */
static rg_err style_load(style *st, const char *file, char *errbuf, size_t errlen)
{
	char *text = NULL, *p;
	FILE *fp = NULL;
	size_t len = 0, cap = 0, got;
	rg_err rc;

	if (!(text = dup_str(builtin_style)))
		return RG_ENOMEM;
	rc = style_parse(st, text, "<built-in style>", errbuf, errlen);
	free(text);
	text = NULL;
	if (rc != RG_OK || !file)
		return rc;
	fp = fopen(file, "rb");
	if (!fp) {
		set_err(errbuf, errlen, "cannot open '%s': %s", file, strerror(errno));
		return RG_EIO;
	}
	do {
		if (cap - len < 4096) {
			cap = cap ? 2 * cap : 8192;
			if (!(p = realloc(text, cap))) {
				rc = RG_ENOMEM;
				goto out;
			}
			text = p;
		}
		got = fread(text + len, 1, cap - len - 1, fp);
		len += got;
	} while (got > 0);
	if (ferror(fp)) {
		set_err(errbuf, errlen, "cannot read '%s': %s", file, strerror(errno));
		rc = RG_EIO;
		goto out;
	}
	text[len] = '\0';
	if (strlen(text) != len) {
		set_err(errbuf, errlen, "%s: not a text file (NUL byte)", file);
		rc = RG_EINPUT;
		goto out;
	}
	rc = style_parse(st, text, file, errbuf, errlen);
out:
	fclose(fp);
	free(text);
	return rc;
}

/* ---- Graphviz glue ------------------------------------------------------- */

/*
 * Graphviz reports problems through agerr(), which prints to stderr unless a
 * handler is installed.  While rg_render() runs, errors are collected here so
 * they can go to errbuf; warnings are dropped.  Graphviz is not thread-safe,
 * so neither is this.
 */
static char gv_msg[512];
static int gv_msg_is_error;

static int gv_capture(char *msg)
{
	size_t used = strlen(gv_msg);

	if (strncmp(msg, "Error", 5) == 0)
		gv_msg_is_error = 1;
	else if (strncmp(msg, "Warning", 7) == 0)
		gv_msg_is_error = 0;
	if (gv_msg_is_error && used + 1 < sizeof gv_msg)
		snprintf(gv_msg + used, sizeof gv_msg - used, "%s", msg);
	return 0;
}

/* The collected Graphviz errors on one line, or "". */
static const char *gv_errors(void)
{
	char *p;

	for (p = gv_msg; *p; p++)
		if (*p == '\n')
			*p = ' ';
	while (p > gv_msg && p[-1] == ' ')
		*--p = '\0';
	return gv_msg;
}

/*
 * One Graphviz context serves the whole process and is never freed: the
 * pango plugin of Graphviz 2.42 caches a pointer to the last font name, which
 * the context owns, so after gvFreeContext() the next context reads freed
 * memory (valgrind: invalid read in pango_textlayout).  Reusing one context
 * is what `dot` itself does for several graphs; valgrind counts it as still
 * reachable.
 */
static GVC_t *gv_context;

static GVC_t *gv_get_context(void)
{
	if (!gv_context)
		gv_context = gvContext();
	return gv_context;
}

/* agsafeset() with a copied attribute name (cgraph takes char *). */
static int gv_set(void *obj, const char *name, char *value)
{
	char nm[32], empty[1] = "";

	if (strlen(name) >= sizeof nm)
		return -1;
	strcpy(nm, name);
	return agsafeset(obj, nm, value, empty);
}

/* Sets `name` of `obj` to the text of `b`; nonzero on failure (see b->oom). */
static int gv_set_sb(void *obj, const char *name, const sbuf *b)
{
	return b->oom || gv_set(obj, name, b->s) != 0;
}

/*
 * Declares the style's graph, node and edge defaults, before any object
 * exists.  Routing splines round every node (splines=true) takes time
 * quadratic in the nodes, 9 s for 150, so big diagrams get curved edges.
 */
static int gv_defaults(Agraph_t *g, const style *st, size_t n_nodes)
{
	static const int kinds[] = { AGRAPH, AGNODE, AGEDGE };
	const char *v = style_get(st, SEC_GRAPH, -1, "splines");
	char key[] = "splines", curved[] = "curved";
	size_t i;

	for (i = 0; i < st->n; i++) {
		if (st->a[i].sec == SEC_TYPE)
			continue;
		if (!agattr(g, kinds[st->a[i].sec], st->a[i].attr, st->a[i].value))
			return -1;
	}
	if (v && (double)n_nodes > st->spline_limit &&
	    (!strcmp(v, "true") || !strcmp(v, "spline") || !strcmp(v, "yes")) &&
	    !agattr(g, AGRAPH, key, curved))
		return -1;
	return 0;
}

/* ---- the diagram --------------------------------------------------------- */

typedef struct {
	const rg_network *net;
	const rg_metrics *m;        /* NULL: no metrics */
	const rg_render_opts *o;
	const style *st;
	unsigned char *kept;        /* kept[i]: node i is drawn */
	size_t n_kept;
	Agnode_t **gvn;             /* gvn[i]: the Graphviz node of node i */
	sbuf b, b2;                 /* scratch */
} diagram;

/* Metric `k` of node i, 0 when unknown or not a finite non-negative number. */
static double metric(const diagram *d, rg_metric k, size_t i)
{
	double v;

	if (!d->m || !d->m->value[k])
		return 0;
	v = d->m->value[k][i];
	return isfinite(v) && v > 0 ? v : 0;
}

static const char *node_name(const diagram *d, size_t i)
{
	const rg_node *nd = &d->net->nodes[i];
	int lang = d->o->label_lang == RG_LANG_NONE ? RG_LANG_EN : d->o->label_lang;

	if (nd->names[lang] && nd->names[lang][0])
		return nd->names[lang];
	if (nd->names[RG_LANG_EN] && nd->names[RG_LANG_EN][0])
		return nd->names[RG_LANG_EN];
	return nd->id;
}

typedef struct {
	double v;
	const char *id;
	size_t i;
} rank_item;

static int rank_cmp(const void *pa, const void *pb)
{
	const rank_item *a = pa, *b = pb;

	if (a->v != b->v)
		return a->v > b->v ? -1 : 1;
	return strcmp(a->id, b->id);
}

/* Marks the nodes to draw: all, or the `top` highest by size_by (ties by id). */
static rg_err pick_nodes(diagram *d)
{
	size_t n = d->net->n_nodes, i, top = d->o->top;
	rank_item *r;

	if (top == 0 || n <= top) {
		memset(d->kept, 1, n);
		d->n_kept = n;
		return RG_OK;
	}
	if (!(r = malloc(n * sizeof *r)))
		return RG_ENOMEM;
	for (i = 0; i < n; i++) {
		r[i].v = metric(d, d->o->size_by, i);
		r[i].id = d->net->nodes[i].id;
		r[i].i = i;
	}
	qsort(r, n, sizeof *r, rank_cmp);
	memset(d->kept, 0, n);
	for (i = 0; i < top; i++)
		d->kept[r[i].i] = 1;
	d->n_kept = top;
	free(r);
	return RG_OK;
}

/* The tooltip of node i: "Name (type) - degree D, strength S, ...". */
static void node_tooltip(diagram *d, sbuf *b, size_t i)
{
	sb_escape(b, node_name(d, i), ESC_ATTR);
	sb_puts(b, " (");
	sb_puts(b, type_key[d->net->nodes[i].type]);
	sb_puts(b, ")");
	if (!d->m)
		return;
	sb_puts(b, " - degree ");
	sb_num(b, metric(d, RG_METRIC_DEGREE, i), 0, 0);
	sb_puts(b, ", strength ");
	sb_num(b, metric(d, RG_METRIC_STRENGTH, i), 6, 1);
	sb_puts(b, ", betweenness ");
	sb_num(b, metric(d, RG_METRIC_BETWEENNESS, i), 4, 1);
	sb_puts(b, ", pagerank ");
	sb_num(b, metric(d, RG_METRIC_PAGERANK, i), 4, 1);
}

static rg_err add_nodes(diagram *d, Agraph_t *g)
{
	const style *st = d->st;
	double vmax = 0, s, w;
	size_t i, k;
	Agnode_t *n;
	int bad = 0;

	for (i = 0; i < d->net->n_nodes; i++)
		if (d->kept[i] && metric(d, d->o->size_by, i) > vmax)
			vmax = metric(d, d->o->size_by, i);
	for (i = 0; i < d->net->n_nodes && !bad; i++) {
		if (!d->kept[i])
			continue;
		if (!(n = agnode(g, d->net->nodes[i].id, 1)))
			return RG_ERENDER;
		d->gvn[i] = n;
		/* sqrt: the area of a node grows with its metric */
		s = vmax > 0 ? sqrt(metric(d, d->o->size_by, i) / vmax) : 0;
		w = st->node_min + (st->node_max - st->node_min) * s;
		sb_clear(&d->b);
		sb_escape(&d->b, node_name(d, i), ESC_LABEL);
		bad |= gv_set_sb(n, "label", &d->b);
		sb_clear(&d->b);
		sb_puts(&d->b, "n_");
		sb_escape(&d->b, d->net->nodes[i].id, ESC_ATTR);
		bad |= gv_set_sb(n, "id", &d->b);
		sb_clear(&d->b);
		node_tooltip(d, &d->b, i);
		bad |= gv_set_sb(n, "tooltip", &d->b);
		sb_clear(&d->b);
		sb_num(&d->b, w, 3, 0);
		bad |= gv_set_sb(n, "width", &d->b);
		sb_clear(&d->b);
		sb_num(&d->b, 0.6 * w, 3, 0);
		bad |= gv_set_sb(n, "height", &d->b);
		sb_clear(&d->b);
		sb_num(&d->b, st->font_min + (st->font_max - st->font_min) * s, 1, 0);
		bad |= gv_set_sb(n, "fontsize", &d->b);
		for (k = 0; k < st->n; k++)
			if (st->a[k].sec == SEC_TYPE &&
			    st->a[k].type == (int)d->net->nodes[i].type)
				bad |= gv_set(n, st->a[k].attr, st->a[k].value) != 0;
	}
	if (d->b.oom)
		return RG_ENOMEM;
	return bad ? RG_ERENDER : RG_OK;
}

/* "#RRGGBB" between the style's light and dark edge colours, t in [0, 1]. */
static void edge_color(const style *st, double t, char out[8])
{
	unsigned long c = 0;
	int shift;
	double a, b;

	for (shift = 16; shift >= 0; shift -= 8) {
		a = (double)((st->edge_light >> shift) & 0xFF);
		b = (double)((st->edge_dark >> shift) & 0xFF);
		c |= (unsigned long)lround(a + (b - a) * t) << shift;
	}
	snprintf(out, 8, "#%06lX", c);
}

static rg_err add_edges(diagram *d, Agraph_t *g)
{
	const rg_network *net = d->net;
	double wmax = 0, t, pw;
	const rg_edge *e;
	char color[8];
	Agedge_t *ge;
	size_t i;
	int bad = 0;

	for (i = 0; i < net->n_edges; i++)
		if (d->kept[net->edges[i].a] && d->kept[net->edges[i].b] &&
		    net->edges[i].weight > wmax)
			wmax = net->edges[i].weight;
	for (i = 0; i < net->n_edges && !bad; i++) {
		e = &net->edges[i];
		if (!d->kept[e->a] || !d->kept[e->b])
			continue;
		if (!(ge = agedge(g, d->gvn[e->a], d->gvn[e->b], NULL, 1)))
			return RG_ERENDER;
		/* log scale: t = 0 for weight 1, 1 for the heaviest edge */
		t = wmax > 1 && e->weight > 0 ? log(e->weight) / log(wmax) : 0;
		pw = 1 + 3 * t;
		t = t < 0 ? 0 : t > 1 ? 1 : t;
		sb_clear(&d->b);
		sb_num(&d->b, pw < 0.8 ? 0.8 : pw, 3, 0);
		bad |= gv_set_sb(ge, "penwidth", &d->b);
		edge_color(d->st, t, color);
		bad |= gv_set(ge, "color", color) != 0;
		/* strong ties pull harder (weight) and sit closer (len) in neato */
		sb_clear(&d->b);
		sb_num(&d->b, 1 + 4 * t, 0, 0);
		bad |= gv_set_sb(ge, "weight", &d->b);
		sb_clear(&d->b);
		sb_num(&d->b, 1.4 - 0.5 * t, 2, 0);
		bad |= gv_set_sb(ge, "len", &d->b);
		sb_clear(&d->b);
		sb_puts(&d->b, "e_");
		sb_escape(&d->b, net->nodes[e->a].id, ESC_ATTR);
		sb_puts(&d->b, "__");
		sb_escape(&d->b, net->nodes[e->b].id, ESC_ATTR);
		bad |= gv_set_sb(ge, "id", &d->b);
		sb_clear(&d->b);
		sb_escape(&d->b, node_name(d, e->a), ESC_ATTR);
		sb_puts(&d->b, " - ");
		sb_escape(&d->b, node_name(d, e->b), ESC_ATTR);
		sb_puts(&d->b, ": weight ");
		sb_num(&d->b, e->weight, 6, 1);
		bad |= gv_set_sb(ge, "tooltip", &d->b);
	}
	if (d->b.oom)
		return RG_ENOMEM;
	return bad ? RG_ERENDER : RG_OK;
}

/* Opens a table row with one cell in the legend's font. */
static void html_row(diagram *d, sbuf *b, double size, int muted)
{
	sb_puts(b, "<TR><TD><FONT POINT-SIZE=\"");
	sb_num(b, size, 1, 0);
	sb_puts(b, "\"");
	if (muted && d->st->legend_color) {
		sb_puts(b, " COLOR=\"");
		sb_escape(b, d->st->legend_color, ESC_HTML);
		sb_puts(b, "\"");
	}
	sb_puts(b, ">");
}

/* The legend's coloured swatches, one per actor type drawn. */
static void html_swatches(diagram *d, sbuf *b)
{
	unsigned char present[RG_NTYPE] = { 0 };
	const char *fill, *border;
	size_t i;
	int t;

	for (i = 0; i < d->net->n_nodes; i++)
		if (d->kept[i])
			present[d->net->nodes[i].type] = 1;
	sb_puts(b, "<TR><TD><TABLE BORDER=\"0\" CELLSPACING=\"4\" CELLPADDING=\"0\"><TR>");
	for (t = 0; t < RG_NTYPE; t++) {
		if (!present[t])
			continue;
		fill = style_get(d->st, SEC_TYPE, t, "fillcolor");
		border = style_get(d->st, SEC_TYPE, t, "color");
		if (!border)
			border = style_get(d->st, SEC_NODE, -1, "color");
		sb_puts(b, "<TD BORDER=\"1\" WIDTH=\"14\" HEIGHT=\"14\" FIXEDSIZE=\"TRUE\"");
		if (fill) {
			sb_puts(b, " BGCOLOR=\"");
			sb_escape(b, fill, ESC_HTML);
			sb_puts(b, "\"");
		}
		if (border) {
			sb_puts(b, " COLOR=\"");
			sb_escape(b, border, ESC_HTML);
			sb_puts(b, "\"");
		}
		sb_puts(b, "></TD><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"");
		sb_num(b, d->st->legend_size, 1, 0);
		sb_puts(b, "\">");
		sb_puts(b, type_legend[t]);
		sb_puts(b, "</FONT></TD><TD WIDTH=\"8\"></TD>");
	}
	sb_puts(b, "</TR></TABLE></TD></TR>");
}

/*
 * The graph label: an HTML-like table with the title, the corpus span and
 * the legend.  It is the only place that reliably stays clear of the nodes
 * under every layout engine, so the legend lives in it rather than in a node.
 * Leaves "" in `b` when there is nothing to say.
 */
static void title_label(diagram *d, sbuf *b)
{
	const rg_network *net = d->net;
	const char *a = net->first_date, *z = net->last_date;
	int rows = 0;

	sb_puts(b, "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"2\">");
	if (d->o->title && d->o->title[0]) {
		html_row(d, b, d->st->title_size, 0);
		sb_puts(b, "<B>");
		sb_escape(b, d->o->title, ESC_HTML);
		sb_puts(b, "</B></FONT></TD></TR>");
		rows++;
	}
	if (net->n_docs > 0 || (a[0] && z[0])) {
		html_row(d, b, d->st->legend_size, 1);
		sb_num(b, (double)net->n_docs, 0, 0);
		sb_puts(b, net->n_docs == 1 ? " document" : " documents");
		if (a[0] && z[0]) {
			sb_puts(b, ", ");
			sb_escape(b, a, ESC_HTML);
			if (strcmp(a, z) != 0) {
				sb_puts(b, " \xE2\x80\x93 "); /* en dash */
				sb_escape(b, z, ESC_HTML);
			}
		}
		sb_puts(b, "</FONT></TD></TR>");
		rows++;
	}
	if (d->st->legend) {
		if (d->n_kept > 0) {
			html_swatches(d, b);
			html_row(d, b, d->st->legend_size, 1);
			sb_puts(b, "node size: ");
			sb_puts(b, metric_legend[d->o->size_by]);
			sb_puts(b, "; edge width: co-mentions (log scale)</FONT></TD></TR>");
		} else {
			html_row(d, b, d->st->legend_size, 1);
			sb_puts(b, "no actors to show</FONT></TD></TR>");
		}
		rows++;
	}
	sb_puts(b, "</TABLE>");
	if (rows == 0)
		sb_clear(b);
}

static rg_err set_title(diagram *d, Agraph_t *g)
{
	char *html;
	int r;

	sb_clear(&d->b2);
	title_label(d, &d->b2);
	if (d->b2.oom)
		return RG_ENOMEM;
	if (d->b2.len == 0)
		return RG_OK;
	if (!(html = agstrdup_html(g, d->b2.s)))
		return RG_ENOMEM;
	r = gv_set(g, "label", html);
	agstrfree(g, html);
	return r == 0 ? RG_OK : RG_ERENDER;
}

/* ---- checks and output --------------------------------------------------- */

/* The Graphviz format for the extension of `outpath`, or NULL. */
static const char *format_for(const char *outpath)
{
	static const char *const map[][2] = {
		{ "svg", "svg" }, { "png", "png:cairo" }, { "pdf", "pdf:cairo" },
		{ "dot", "dot" },
	};
	const char *slash = strrchr(outpath, '/');
	const char *dot = strrchr(slash ? slash + 1 : outpath, '.');
	size_t i;

	if (!dot)
		return NULL;
	for (i = 0; i < sizeof map / sizeof map[0]; i++)
		if (strcasecmp(dot + 1, map[i][0]) == 0)
			return map[i][1];
	return NULL;
}

static rg_err check_input(const rg_network *net, const rg_metrics *m,
			  const rg_render_opts *o, char *errbuf, size_t errlen)
{
	size_t i;

	if (o->label_lang != RG_LANG_NONE && (o->label_lang < 0 || o->label_lang >= RG_NLANG)) {
		set_err(errbuf, errlen, "unknown label language %d", o->label_lang);
		return RG_EINPUT;
	}
	if ((int)o->size_by < 0 || o->size_by >= RG_NMETRIC) {
		set_err(errbuf, errlen, "unknown size metric %d", (int)o->size_by);
		return RG_EINPUT;
	}
	if (m && m->n != net->n_nodes) {
		set_err(errbuf, errlen, "the metrics have %zu values for %zu nodes",
			m->n, net->n_nodes);
		return RG_EINPUT;
	}
	for (i = 0; i < net->n_nodes; i++)
		if (!net->nodes[i].id || (int)net->nodes[i].type < 0 ||
		    net->nodes[i].type >= RG_NTYPE) {
			set_err(errbuf, errlen, "node %zu has no id or a bad type", i);
			return RG_EINPUT;
		}
	for (i = 0; i < net->n_edges; i++)
		if (net->edges[i].a >= net->n_nodes || net->edges[i].b >= net->n_nodes ||
		    net->edges[i].a == net->edges[i].b) {
			set_err(errbuf, errlen, "edge %zu joins bad nodes (%zu, %zu)",
				i, net->edges[i].a, net->edges[i].b);
			return RG_EINPUT;
		}
	return RG_OK;
}

/* Renders into PATH.tmp.<pid> and renames it to `outpath`; removes it on failure. */
static rg_err write_diagram(GVC_t *gvc, Agraph_t *g, const char *fmt, const char *outpath,
			    char *errbuf, size_t errlen)
{
	size_t len = strlen(outpath) + 32;
	char *tmp = malloc(len);
	FILE *fp = NULL;
	rg_err rc = RG_OK;
	int made = 0;

	if (!tmp)
		return RG_ENOMEM;
	snprintf(tmp, len, "%s.tmp.%ld", outpath, (long)getpid());
	/* gvRender() on our own FILE, not gvRenderFilename(): write errors are seen */
	if (!(fp = fopen(tmp, "wb"))) {
		set_err(errbuf, errlen, "cannot create '%s': %s", tmp, strerror(errno));
		rc = RG_EIO;
		goto out;
	}
	made = 1;
	if (gvRender(gvc, g, fmt, fp) != 0) {
		set_err(errbuf, errlen, "graphviz cannot write '%s' as %s: %s", outpath, fmt,
			gv_errors());
		rc = RG_ERENDER;
		goto out;
	}
	if (fflush(fp) != 0 || ferror(fp)) {
		set_err(errbuf, errlen, "cannot write '%s': %s", tmp, strerror(errno));
		rc = RG_EIO;
		goto out;
	}
	if (fclose(fp) != 0) {
		fp = NULL;
		set_err(errbuf, errlen, "cannot write '%s': %s", tmp, strerror(errno));
		rc = RG_EIO;
		goto out;
	}
	fp = NULL;
	if (rename(tmp, outpath) != 0) {
		set_err(errbuf, errlen, "cannot rename '%s' to '%s': %s", tmp, outpath,
			strerror(errno));
		rc = RG_EIO;
		goto out;
	}
	made = 0;
out:
	if (fp)
		fclose(fp);
	if (made)
		unlink(tmp);
	free(tmp);
	return rc;
}

/* ---- the public API ------------------------------------------------------ */

void rg_render_opts_init(rg_render_opts *o)
{
	o->layout = NULL;
	o->label_lang = RG_LANG_NONE;
	o->top = 0;
	o->size_by = RG_METRIC_STRENGTH;
	o->title = NULL;
	o->style = NULL;
}

rg_err rg_render(const rg_network *net, const rg_metrics *m,
		 const rg_render_opts *opts, const char *outpath,
		 char *errbuf, size_t errlen)
{
	rg_render_opts defaults;
	diagram d;
	style st;
	const char *fmt, *layout;
	char name[] = "relgraph";
	agusererrf prev_errf = NULL;
	GVC_t *gvc = NULL;
	Agraph_t *g = NULL;
	int errf_set = 0, laid_out = 0;
	size_t i;
	rg_err rc = RG_OK;

	memset(&d, 0, sizeof d);
	memset(&st, 0, sizeof st);
	if (errbuf && errlen)
		errbuf[0] = '\0';
	if (!opts) {
		rg_render_opts_init(&defaults);
		opts = &defaults;
	}
	if (!net || !outpath) {
		set_err(errbuf, errlen, "no network or no output path");
		return RG_EINPUT;
	}
	if (!(fmt = format_for(outpath))) {
		set_err(errbuf, errlen, "cannot tell the format of '%s': "
			"use .svg, .png, .pdf or .dot", outpath);
		return RG_EINPUT;
	}
	if ((rc = check_input(net, m, opts, errbuf, errlen)) != RG_OK)
		return rc;
	layout = opts->layout;
	if (layout) {
		for (i = 0; i < sizeof layouts / sizeof layouts[0]; i++)
			if (strcmp(layout, layouts[i]) == 0)
				break;
		if (i == sizeof layouts / sizeof layouts[0]) {
			set_err(errbuf, errlen, "unknown layout '%s': use neato, sfdp, fdp, "
				"circo, twopi or dot", layout);
			return RG_EINPUT;
		}
	}
	if ((rc = style_load(&st, opts->style, errbuf, errlen)) != RG_OK)
		goto out;

	d.net = net;
	d.m = m;
	d.o = opts;
	d.st = &st;
	d.kept = malloc(net->n_nodes + 1);
	d.gvn = calloc(net->n_nodes + 1, sizeof *d.gvn);
	if (!d.kept || !d.gvn) {
		rc = RG_ENOMEM;
		goto out;
	}
	if ((rc = pick_nodes(&d)) != RG_OK)
		goto out;
	if (!layout)
		layout = d.n_kept <= NEATO_MAX_NODES ? "neato" : "sfdp";

	gv_msg[0] = '\0';
	gv_msg_is_error = 0;
	prev_errf = agseterrf(gv_capture);
	errf_set = 1;
	agreseterrors();
	rc = RG_ERENDER;
	if (!(gvc = gv_get_context())) {
		set_err(errbuf, errlen, "cannot start graphviz");
		goto out;
	}
	if (!(g = agopen(name, Agundirected, NULL)) || gv_defaults(g, &st, d.n_kept) != 0) {
		set_err(errbuf, errlen, "cannot build the graphviz graph: %s", gv_errors());
		goto out;
	}
	if ((rc = set_title(&d, g)) != RG_OK || (rc = add_nodes(&d, g)) != RG_OK ||
	    (rc = add_edges(&d, g)) != RG_OK) {
		set_err(errbuf, errlen, "cannot build the graphviz graph: %s",
			rc == RG_ENOMEM ? "out of memory" : gv_errors());
		goto out;
	}
	if (gvLayout(gvc, g, layout) != 0) {
		rc = RG_ERENDER;
		set_err(errbuf, errlen, "graphviz layout '%s' failed: %s", layout, gv_errors());
		goto out;
	}
	laid_out = 1;
	rc = write_diagram(gvc, g, fmt, outpath, errbuf, errlen);
out:
	if (laid_out)
		gvFreeLayout(gvc, g);
	if (g)
		agclose(g);
	if (errf_set)
		agseterrf(prev_errf);
	if (rc == RG_ENOMEM && errbuf && errlen && !errbuf[0])
		set_err(errbuf, errlen, "out of memory");
	free(d.b.s);
	free(d.b2.s);
	free(d.kept);
	free(d.gvn);
	style_release(&st);
	return rc;
}
