/*
 * render_style.c - the style files of the renderer (viz/ *.style, format
 * documented in viz/light.style): parsed over the built-in light style into
 * an rg_style of Graphviz attributes and scale settings that render.c applies.
 * Only Graphviz attribute names the renderer knows are accepted.
 */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render.h"
#include "util.h"

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

void rg_render_seterr(char *errbuf, size_t errlen, const char *fmt, ...)
{
	va_list ap;

	if (!errbuf || errlen == 0)
		return;
	va_start(ap, fmt);
	vsnprintf(errbuf, errlen, fmt, ap);
	va_end(ap);
}

/* Actor types as written in style keys. */
const char *const rg_style_type_key[RG_NTYPE] = {
	"country", "person", "org", "place", "group"
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

void rg_style_release(rg_style *st)
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

const char *rg_style_get(const rg_style *st, int sec, int type, const char *attr)
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

static rg_err style_set(rg_style *st, int sec, int type, const char *attr, const char *value)
{
	rg_style_attr *a;
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
static int style_setting(rg_style *st, const char *key, const char *val, int *bad)
{
	static const struct {
		const char *key;
		size_t off;
	} nums[] = {
		{ "scale.node_min", offsetof(rg_style, node_min) },
		{ "scale.node_max", offsetof(rg_style, node_max) },
		{ "scale.font_min", offsetof(rg_style, font_min) },
		{ "scale.font_max", offsetof(rg_style, font_max) },
		{ "legend.title_size", offsetof(rg_style, title_size) },
		{ "legend.fontsize", offsetof(rg_style, legend_size) },
		{ "scale.spline_limit", offsetof(rg_style, spline_limit) },
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
static rg_err style_key(rg_style *st, const char *file, long line, char *key,
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
		rg_render_seterr(errbuf, errlen, "%s:%ld: bad value '%s' for '%s'", file, line, val, key);
		return RG_EINPUT;
	}
	for (sec = 0; sec < 4; sec++)
		if (strncmp(key, secs[sec], strlen(secs[sec])) == 0)
			break;
	if (sec < 4)
		attr = key + strlen(secs[sec]);
	if (sec == SEC_TYPE) {
		for (type = 0; type < RG_NTYPE; type++) {
			n = strlen(rg_style_type_key[type]);
			if (strncmp(attr, rg_style_type_key[type], n) == 0 && attr[n] == '.')
				break;
		}
		attr = type < RG_NTYPE ? attr + strlen(rg_style_type_key[type]) + 1 : NULL;
	}
	if (!attr || !attr_known(known[sec], attr)) {
		rg_render_seterr(errbuf, errlen, "%s:%ld: unknown key '%s'", file, line, key);
		return RG_EINPUT;
	}
	/* fillcolor is computed for nodes from the type.* keys */
	if (in_list(computed[sec], attr) && !(sec == SEC_TYPE && !strcmp(attr, "fillcolor"))) {
		rg_render_seterr(errbuf, errlen, "%s:%ld: '%s' is set by the renderer for every %s",
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
static rg_err style_parse(rg_style *st, char *text, const char *file, char *errbuf, size_t errlen)
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
			rg_render_seterr(errbuf, errlen, "%s:%ld: expected 'key = value'", file, lineno);
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
			rg_render_seterr(errbuf, errlen, "%s:%ld: no value for '%s'", file, lineno, key);
			return RG_EINPUT;
		}
		rc = style_key(st, file, lineno, key, val, errbuf, errlen);
		if (rc != RG_OK)
			return rc;
	}
	if (st->node_min > st->node_max || st->font_min > st->font_max) {
		rg_render_seterr(errbuf, errlen, "%s: a scale.*_min is larger than its scale.*_max", file);
		return RG_EINPUT;
	}
	return RG_OK;
}

/* Loads the built-in style, then the file `file` (if not NULL) over it. */
rg_err rg_style_load(rg_style *st, const char *file, char *errbuf, size_t errlen)
{
	char *text = NULL;
	size_t len;
	rg_err rc;

	if (!(text = dup_str(builtin_style)))
		return RG_ENOMEM;
	rc = style_parse(st, text, "<built-in style>", errbuf, errlen);
	free(text);
	text = NULL;
	if (rc != RG_OK || !file)
		return rc;
	if ((rc = rg_file_read(file, &text, &len))) {
		rg_render_seterr(errbuf, errlen, "cannot read '%s': %s", file,
				 rc == RG_ENOMEM ? "out of memory" : strerror(errno));
		return rc == RG_ENOMEM ? rc : RG_EIO;
	}
	if (strlen(text) != len) {
		rg_render_seterr(errbuf, errlen, "%s: not a text file (NUL byte)", file);
		rc = RG_EINPUT;
	} else {
		rc = style_parse(st, text, file, errbuf, errlen);
	}
	free(text);
	return rc;
}
