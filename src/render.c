/*
 * render.c - the last stage of the pipeline: draws an rg_network and its
 * rg_metrics with Graphviz (cgraph + gvc, in process) as SVG, PNG, PDF or
 * laid-out DOT, styled by a viz/ *.style file (render_style.c); the
 * interactive page (render_html.c) embeds its SVG.  Every Graphviz call of
 * relgraph lives here.
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

#include "render.h"

/* Above this many nodes the default layout is sfdp instead of neato. */
#define NEATO_MAX_NODES 150

/* ---- tables -------------------------------------------------------------- */
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
static int gv_set_sb(void *obj, const char *name, const rg_sbuf *b)
{
	return b->oom || gv_set(obj, name, b->s) != 0;
}

/*
 * Declares the style's graph, node and edge defaults, before any object
 * exists.  Routing splines round every node (splines=true) takes time
 * quadratic in the nodes, 9 s for 150, so big diagrams get curved edges.
 */
static int gv_defaults(Agraph_t *g, const rg_style *st, size_t n_nodes)
{
	static const int kinds[] = { AGRAPH, AGNODE, AGEDGE };
	const char *v = rg_style_get(st, SEC_GRAPH, -1, "splines");
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
	const rg_style *st;
	unsigned char *kept;        /* kept[i]: node i is drawn */
	size_t n_kept;
	Agnode_t **gvn;             /* gvn[i]: the Graphviz node of node i */
	rg_sbuf b, b2;                 /* scratch */
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

const char *rg_render_label(const rg_network *net, size_t i, const rg_render_opts *o)
{
	const rg_node *nd = &net->nodes[i];
	int lang = o->label_lang, l;

	if (lang == RG_LABEL_NATIVE)
		lang = o->home_lang ? o->home_lang[i] : RG_LANG_NONE;
	if (lang < 0 || lang >= RG_NLANG)
		lang = RG_LANG_EN;
	if (nd->names[lang] && nd->names[lang][0])
		return nd->names[lang];
	if (nd->names[RG_LANG_EN] && nd->names[RG_LANG_EN][0])
		return nd->names[RG_LANG_EN];
	for (l = 0; l < RG_NLANG; l++)
		if (nd->names[l] && nd->names[l][0])
			return nd->names[l];
	return nd->id;
}

static const char *node_name(const diagram *d, size_t i)
{
	return rg_render_label(d->net, i, d->o);
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
static void node_tooltip(diagram *d, rg_sbuf *b, size_t i)
{
	rg_sb_escape(b, node_name(d, i), RG_ESC_ATTR);
	rg_sb_puts(b, " (");
	rg_sb_puts(b, rg_style_type_key[d->net->nodes[i].type]);
	rg_sb_puts(b, ")");
	if (!d->m)
		return;
	rg_sb_puts(b, " - degree ");
	rg_sb_num(b, metric(d, RG_METRIC_DEGREE, i), 0, 0);
	rg_sb_puts(b, ", strength ");
	rg_sb_num(b, metric(d, RG_METRIC_STRENGTH, i), 6, 1);
	rg_sb_puts(b, ", betweenness ");
	rg_sb_num(b, metric(d, RG_METRIC_BETWEENNESS, i), 4, 1);
	rg_sb_puts(b, ", pagerank ");
	rg_sb_num(b, metric(d, RG_METRIC_PAGERANK, i), 4, 1);
	if (d->m->community && d->m->community[i] >= 0) {
		rg_sb_puts(b, ", community ");
		rg_sb_num(b, (double)d->m->community[i] + 1, 0, 0);
	}
}

/*
 * Community fills: Paul Tol's "light" scheme, distinguishable with every
 * common colour-vision deficiency; communities past the eighth share grey.
 * The communities are numbered by decreasing size, so the big ones differ.
 */
static char community_colors[][8] = {
	"#77AADD", "#EE8866", "#EEDD88", "#FFAABB", "#99DDFF", "#44BB99",
	"#BBCC33", "#AAAA00", "#DDDDDD"
};
#define N_COMMUNITY_COLORS ((long)(sizeof community_colors / sizeof community_colors[0]) - 1)

static char *community_fill(const diagram *d, size_t i)
{
	long c = d->m && d->m->community ? d->m->community[i] : -1;

	return community_colors[c >= 0 && c < N_COMMUNITY_COLORS ? c : N_COMMUNITY_COLORS];
}

static rg_err add_nodes(diagram *d, Agraph_t *g)
{
	const rg_style *st = d->st;
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
		rg_sb_clear(&d->b);
		rg_sb_escape(&d->b, node_name(d, i), RG_ESC_LABEL);
		bad |= gv_set_sb(n, "label", &d->b);
		rg_sb_clear(&d->b);
		rg_sb_puts(&d->b, "n_");
		rg_sb_escape(&d->b, d->net->nodes[i].id, RG_ESC_ATTR);
		bad |= gv_set_sb(n, "id", &d->b);
		rg_sb_clear(&d->b);
		node_tooltip(d, &d->b, i);
		bad |= gv_set_sb(n, "tooltip", &d->b);
		rg_sb_clear(&d->b);
		rg_sb_num(&d->b, w, 3, 0);
		bad |= gv_set_sb(n, "width", &d->b);
		rg_sb_clear(&d->b);
		rg_sb_num(&d->b, 0.6 * w, 3, 0);
		bad |= gv_set_sb(n, "height", &d->b);
		rg_sb_clear(&d->b);
		rg_sb_num(&d->b, st->font_min + (st->font_max - st->font_min) * s, 1, 0);
		bad |= gv_set_sb(n, "fontsize", &d->b);
		for (k = 0; k < st->n; k++)
			if (st->a[k].sec == SEC_TYPE &&
			    st->a[k].type == (int)d->net->nodes[i].type)
				bad |= gv_set(n, st->a[k].attr, st->a[k].value) != 0;
		if (d->o->fill_by == RG_FILL_COMMUNITY)
			bad |= gv_set(n, "fillcolor", community_fill(d, i)) != 0;
	}
	if (d->b.oom)
		return RG_ENOMEM;
	return bad ? RG_ERENDER : RG_OK;
}

/*
 * "#RRGGBB" between the style's light and dark edge colours, t in [0, 1];
 * with `alpha`, "#RRGGBBAA" more transparent the weaker the edge.
 */
static void edge_color(const rg_style *st, double t, int alpha, char out[10])
{
	unsigned long c = 0;
	int shift;
	double a, b;

	for (shift = 16; shift >= 0; shift -= 8) {
		a = (double)((st->edge_light >> shift) & 0xFF);
		b = (double)((st->edge_dark >> shift) & 0xFF);
		c |= (unsigned long)lround(a + (b - a) * t) << shift;
	}
	if (alpha)
		snprintf(out, 10, "#%06lX%02lX", c, (unsigned long)lround(0x40 + 0xBF * t));
	else
		snprintf(out, 10, "#%06lX", c);
}

static rg_err add_edges(diagram *d, Agraph_t *g)
{
	const rg_network *net = d->net;
	double wmax = 0, wmin = 0, t, pw;
	/* big diagrams: thinner, translucent lines, so the nodes stay readable */
	int big = d->n_kept > NEATO_MAX_NODES;
	const rg_edge *e;
	char color[10];
	Agedge_t *ge;
	size_t i;
	int bad = 0;

	for (i = 0; i < net->n_edges; i++)
		if (d->kept[net->edges[i].a] && d->kept[net->edges[i].b] &&
		    net->edges[i].weight > 0) {
			if (net->edges[i].weight > wmax)
				wmax = net->edges[i].weight;
			if (wmin == 0 || net->edges[i].weight < wmin)
				wmin = net->edges[i].weight;
		}
	/* counts start at 1; other weight schemes (rg_network_weight) may not */
	if (wmin > 1)
		wmin = 1;
	for (i = 0; i < net->n_edges && !bad; i++) {
		e = &net->edges[i];
		if (!d->kept[e->a] || !d->kept[e->b])
			continue;
		if (!(ge = agedge(g, d->gvn[e->a], d->gvn[e->b], NULL, 1)))
			return RG_ERENDER;
		/* log scale: t = 0 for the lightest weight (1 for counts), 1 for the heaviest */
		t = wmax > wmin && e->weight > 0 ? log(e->weight / wmin) / log(wmax / wmin) : 0;
		t = t < 0 ? 0 : t > 1 ? 1 : t;
		pw = big ? 0.5 + 1.5 * t : 1 + 3 * t;
		rg_sb_clear(&d->b);
		rg_sb_num(&d->b, pw, 3, 0);
		bad |= gv_set_sb(ge, "penwidth", &d->b);
		edge_color(d->st, t, big, color);
		bad |= gv_set(ge, "color", color) != 0;
		/* strong ties pull harder (weight) and sit closer (len) in neato */
		rg_sb_clear(&d->b);
		rg_sb_num(&d->b, 1 + 4 * t, 0, 0);
		bad |= gv_set_sb(ge, "weight", &d->b);
		rg_sb_clear(&d->b);
		rg_sb_num(&d->b, 1.4 - 0.5 * t, 2, 0);
		bad |= gv_set_sb(ge, "len", &d->b);
		rg_sb_clear(&d->b);
		rg_sb_puts(&d->b, "e_");
		rg_sb_escape(&d->b, net->nodes[e->a].id, RG_ESC_ATTR);
		rg_sb_puts(&d->b, "__");
		rg_sb_escape(&d->b, net->nodes[e->b].id, RG_ESC_ATTR);
		bad |= gv_set_sb(ge, "id", &d->b);
		rg_sb_clear(&d->b);
		rg_sb_escape(&d->b, node_name(d, e->a), RG_ESC_ATTR);
		rg_sb_puts(&d->b, " - ");
		rg_sb_escape(&d->b, node_name(d, e->b), RG_ESC_ATTR);
		rg_sb_puts(&d->b, ": weight ");
		rg_sb_num(&d->b, e->weight, 6, 1);
		bad |= gv_set_sb(ge, "tooltip", &d->b);
	}
	if (d->b.oom)
		return RG_ENOMEM;
	return bad ? RG_ERENDER : RG_OK;
}

/* Opens a table row with one cell in the legend's font. */
static void html_row(diagram *d, rg_sbuf *b, double size, int muted)
{
	rg_sb_puts(b, "<TR><TD><FONT POINT-SIZE=\"");
	rg_sb_num(b, size, 1, 0);
	rg_sb_puts(b, "\"");
	if (muted && d->st->legend_color) {
		rg_sb_puts(b, " COLOR=\"");
		rg_sb_escape(b, d->st->legend_color, RG_ESC_HTML);
		rg_sb_puts(b, "\"");
	}
	rg_sb_puts(b, ">");
}

/* One legend swatch: a filled square and its text. */
static void swatch(diagram *d, rg_sbuf *b, const char *fill, const char *border,
		   const char *text)
{
	rg_sb_puts(b, "<TD BORDER=\"1\" WIDTH=\"14\" HEIGHT=\"14\" FIXEDSIZE=\"TRUE\"");
	if (fill) {
		rg_sb_puts(b, " BGCOLOR=\"");
		rg_sb_escape(b, fill, RG_ESC_HTML);
		rg_sb_puts(b, "\"");
	}
	if (border) {
		rg_sb_puts(b, " COLOR=\"");
		rg_sb_escape(b, border, RG_ESC_HTML);
		rg_sb_puts(b, "\"");
	}
	rg_sb_puts(b, "></TD><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"");
	rg_sb_num(b, d->st->legend_size, 1, 0);
	rg_sb_puts(b, "\">");
	rg_sb_escape(b, text, RG_ESC_HTML);
	rg_sb_puts(b, "</FONT></TD><TD WIDTH=\"8\"></TD>");
}

/* The legend of --fill community: one swatch per colour in use. */
static void community_swatches(diagram *d, rg_sbuf *b)
{
	unsigned char used[sizeof community_colors / sizeof community_colors[0]] = { 0 };
	const char *border = rg_style_get(d->st, SEC_NODE, -1, "color");
	char text[32];
	long c;
	size_t i;

	for (i = 0; i < d->net->n_nodes; i++)
		if (d->kept[i]) {
			c = d->m && d->m->community ? d->m->community[i] : -1;
			used[c >= 0 && c < N_COMMUNITY_COLORS ? c : N_COMMUNITY_COLORS] = 1;
		}
	rg_sb_puts(b, "<TR><TD><TABLE BORDER=\"0\" CELLSPACING=\"4\" CELLPADDING=\"0\"><TR>");
	for (c = 0; c <= N_COMMUNITY_COLORS; c++) {
		if (!used[c])
			continue;
		if (c < N_COMMUNITY_COLORS)
			snprintf(text, sizeof text, "community %ld", c + 1);
		else
			snprintf(text, sizeof text, "%s", "other communities");
		swatch(d, b, community_colors[c], border ? border : "#555555", text);
	}
	rg_sb_puts(b, "</TR></TABLE></TD></TR>");
}

/* The legend's coloured swatches, one per actor type drawn. */
static void html_swatches(diagram *d, rg_sbuf *b)
{
	unsigned char present[RG_NTYPE] = { 0 };
	const char *fill, *border;
	size_t i;
	int t;

	if (d->o->fill_by == RG_FILL_COMMUNITY) {
		community_swatches(d, b);
		return;
	}
	for (i = 0; i < d->net->n_nodes; i++)
		if (d->kept[i])
			present[d->net->nodes[i].type] = 1;
	rg_sb_puts(b, "<TR><TD><TABLE BORDER=\"0\" CELLSPACING=\"4\" CELLPADDING=\"0\"><TR>");
	for (t = 0; t < RG_NTYPE; t++) {
		if (!present[t])
			continue;
		fill = rg_style_get(d->st, SEC_TYPE, t, "fillcolor");
		border = rg_style_get(d->st, SEC_TYPE, t, "color");
		if (!border)
			border = rg_style_get(d->st, SEC_NODE, -1, "color");
		swatch(d, b, fill, border, type_legend[t]);
	}
	rg_sb_puts(b, "</TR></TABLE></TD></TR>");
}

/*
 * The graph label: an HTML-like table with the title, the corpus span and
 * the legend.  It is the only place that reliably stays clear of the nodes
 * under every layout engine, so the legend lives in it rather than in a node.
 * Leaves "" in `b` when there is nothing to say.
 */
static void title_label(diagram *d, rg_sbuf *b)
{
	const rg_network *net = d->net;
	const char *a = net->first_date, *z = net->last_date;
	int rows = 0;

	rg_sb_puts(b, "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"2\">");
	if (d->o->title && d->o->title[0]) {
		html_row(d, b, d->st->title_size, 0);
		rg_sb_puts(b, "<B>");
		rg_sb_escape(b, d->o->title, RG_ESC_HTML);
		rg_sb_puts(b, "</B></FONT></TD></TR>");
		rows++;
	}
	if (net->n_docs > 0 || (a[0] && z[0])) {
		html_row(d, b, d->st->legend_size, 1);
		rg_sb_num(b, (double)net->n_docs, 0, 0);
		rg_sb_puts(b, net->n_docs == 1 ? " document" : " documents");
		if (a[0] && z[0]) {
			rg_sb_puts(b, ", ");
			rg_sb_escape(b, a, RG_ESC_HTML);
			if (strcmp(a, z) != 0) {
				rg_sb_puts(b, " \xE2\x80\x93 "); /* en dash */
				rg_sb_escape(b, z, RG_ESC_HTML);
			}
		}
		rg_sb_puts(b, "</FONT></TD></TR>");
		rows++;
	}
	if (d->st->legend) {
		if (d->n_kept > 0) {
			html_swatches(d, b);
			html_row(d, b, d->st->legend_size, 1);
			rg_sb_puts(b, "node size: ");
			rg_sb_puts(b, metric_legend[d->o->size_by]);
			rg_sb_puts(b, "; edge width: co-mentions (log scale)</FONT></TD></TR>");
		} else {
			html_row(d, b, d->st->legend_size, 1);
			rg_sb_puts(b, "no actors to show</FONT></TD></TR>");
		}
		rows++;
	}
	rg_sb_puts(b, "</TABLE>");
	if (rows == 0)
		rg_sb_clear(b);
}

static rg_err set_title(diagram *d, Agraph_t *g)
{
	char *html;
	int r;

	rg_sb_clear(&d->b2);
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

	if (o->label_lang != RG_LANG_NONE && o->label_lang != RG_LABEL_NATIVE &&
	    (o->label_lang < 0 || o->label_lang >= RG_NLANG)) {
		rg_render_seterr(errbuf, errlen, "unknown label language %d", o->label_lang);
		return RG_EINPUT;
	}
	if ((int)o->size_by < 0 || o->size_by >= RG_NMETRIC) {
		rg_render_seterr(errbuf, errlen, "unknown size metric %d", (int)o->size_by);
		return RG_EINPUT;
	}
	if (m && m->n != net->n_nodes) {
		rg_render_seterr(errbuf, errlen, "the metrics have %zu values for %zu nodes",
			m->n, net->n_nodes);
		return RG_EINPUT;
	}
	for (i = 0; i < net->n_nodes; i++)
		if (!net->nodes[i].id || (int)net->nodes[i].type < 0 ||
		    net->nodes[i].type >= RG_NTYPE) {
			rg_render_seterr(errbuf, errlen, "node %zu has no id or a bad type", i);
			return RG_EINPUT;
		}
	for (i = 0; i < net->n_edges; i++)
		if (net->edges[i].a >= net->n_nodes || net->edges[i].b >= net->n_nodes ||
		    net->edges[i].a == net->edges[i].b) {
			rg_render_seterr(errbuf, errlen, "edge %zu joins bad nodes (%zu, %zu)",
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
		rg_render_seterr(errbuf, errlen, "cannot create '%s': %s", tmp, strerror(errno));
		rc = RG_EIO;
		goto out;
	}
	made = 1;
	if (gvRender(gvc, g, fmt, fp) != 0) {
		rg_render_seterr(errbuf, errlen, "graphviz cannot write '%s' as %s: %s", outpath, fmt,
			gv_errors());
		rc = RG_ERENDER;
		goto out;
	}
	if (fflush(fp) != 0 || ferror(fp)) {
		rg_render_seterr(errbuf, errlen, "cannot write '%s': %s", tmp, strerror(errno));
		rc = RG_EIO;
		goto out;
	}
	if (fclose(fp) != 0) {
		fp = NULL;
		rg_render_seterr(errbuf, errlen, "cannot write '%s': %s", tmp, strerror(errno));
		rc = RG_EIO;
		goto out;
	}
	fp = NULL;
	if (rename(tmp, outpath) != 0) {
		rg_render_seterr(errbuf, errlen, "cannot rename '%s' to '%s': %s", tmp, outpath,
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
	o->home_lang = NULL;
	o->top = 0;
	o->size_by = RG_METRIC_STRENGTH;
	o->title = NULL;
	o->style = NULL;
	o->fill_by = RG_FILL_TYPE;
	o->evidence = NULL;
	o->page_dir = NULL;
}

/* Where the drawing goes: a file (path), or memory (svg, len). */
typedef struct {
	const char *fmt;
	const char *path;
	char **svg;
	size_t *len;
} target;

/* Copies the rendered bytes out of Graphviz's buffer into malloc'd memory. */
static rg_err render_memory(GVC_t *gvc, Agraph_t *g, const target *t, char *errbuf,
			    size_t errlen)
{
	char *data = NULL;
	unsigned int n = 0;

	if (gvRenderData(gvc, g, t->fmt, &data, &n) != 0 || !data) {
		rg_render_seterr(errbuf, errlen, "graphviz cannot render %s: %s", t->fmt,
				 gv_errors());
		if (data)
			gvFreeRenderData(data);
		return RG_ERENDER;
	}
	*t->svg = malloc((size_t)n + 1);
	if (*t->svg) {
		memcpy(*t->svg, data, n);
		(*t->svg)[n] = '\0';
		*t->len = n;
	}
	gvFreeRenderData(data);
	return *t->svg ? RG_OK : RG_ENOMEM;
}

/*
 * Checks the options, picks the nodes, builds the Graphviz graph, lays it
 * out and renders it to `t`.  On success *kept_out (if not NULL) receives
 * the kept-node flags.
 */
static rg_err draw(const rg_network *net, const rg_metrics *m, const rg_render_opts *opts,
		   const target *t, unsigned char **kept_out, char *errbuf, size_t errlen)
{
	diagram d;
	rg_style st;
	const char *layout = opts->layout;
	char name[] = "relgraph";
	agusererrf prev_errf = NULL;
	GVC_t *gvc = NULL;
	Agraph_t *g = NULL;
	int errf_set = 0, laid_out = 0;
	size_t i;
	rg_err rc = RG_OK;

	memset(&d, 0, sizeof d);
	memset(&st, 0, sizeof st);
	if ((rc = check_input(net, m, opts, errbuf, errlen)) != RG_OK)
		return rc;
	if (layout) {
		for (i = 0; i < sizeof layouts / sizeof layouts[0]; i++)
			if (strcmp(layout, layouts[i]) == 0)
				break;
		if (i == sizeof layouts / sizeof layouts[0]) {
			rg_render_seterr(errbuf, errlen, "unknown layout '%s': use neato, sfdp, fdp, "
				"circo, twopi or dot", layout);
			return RG_EINPUT;
		}
	}
	if ((rc = rg_style_load(&st, opts->style, errbuf, errlen)) != RG_OK)
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
		rg_render_seterr(errbuf, errlen, "cannot start graphviz");
		goto out;
	}
	if (!(g = agopen(name, Agundirected, NULL)) || gv_defaults(g, &st, d.n_kept) != 0) {
		rg_render_seterr(errbuf, errlen, "cannot build the graphviz graph: %s", gv_errors());
		goto out;
	}
	if ((rc = set_title(&d, g)) != RG_OK || (rc = add_nodes(&d, g)) != RG_OK ||
	    (rc = add_edges(&d, g)) != RG_OK) {
		rg_render_seterr(errbuf, errlen, "cannot build the graphviz graph: %s",
			rc == RG_ENOMEM ? "out of memory" : gv_errors());
		goto out;
	}
	if (gvLayout(gvc, g, layout) != 0) {
		rc = RG_ERENDER;
		rg_render_seterr(errbuf, errlen, "graphviz layout '%s' failed: %s", layout, gv_errors());
		goto out;
	}
	laid_out = 1;
	if (t->path)
		rc = write_diagram(gvc, g, t->fmt, t->path, errbuf, errlen);
	else
		rc = render_memory(gvc, g, t, errbuf, errlen);
	if (rc == RG_OK && kept_out) {
		*kept_out = d.kept;
		d.kept = NULL;
	}
out:
	if (laid_out)
		gvFreeLayout(gvc, g);
	if (g)
		agclose(g);
	if (errf_set)
		agseterrf(prev_errf);
	if (rc == RG_ENOMEM && errbuf && errlen && !errbuf[0])
		rg_render_seterr(errbuf, errlen, "out of memory");
	free(d.b.s);
	free(d.b2.s);
	free(d.kept);
	free(d.gvn);
	rg_style_release(&st);
	return rc;
}

rg_err rg_render_counts(const rg_network *net, const rg_metrics *m,
			const rg_render_opts *opts, size_t *nodes, size_t *edges)
{
	diagram d;
	rg_err rc;
	size_t i;

	memset(&d, 0, sizeof d);
	*nodes = *edges = 0;
	d.net = net;
	d.m = m && m->n == net->n_nodes ? m : NULL;
	d.o = opts;
	if (!(d.kept = malloc(net->n_nodes + 1)))
		return RG_ENOMEM;
	if ((rc = pick_nodes(&d)) == RG_OK) {
		*nodes = d.n_kept;
		for (i = 0; i < net->n_edges; i++)
			if (d.kept[net->edges[i].a] && d.kept[net->edges[i].b])
				++*edges;
	}
	free(d.kept);
	return rc;
}

rg_err rg_render_svg(const rg_network *net, const rg_metrics *m,
		     const rg_render_opts *opts, char **svg, size_t *len,
		     unsigned char **kept, char *errbuf, size_t errlen)
{
	target t = { "svg", NULL, svg, len };

	*svg = NULL;
	*len = 0;
	*kept = NULL;
	return draw(net, m, opts, &t, kept, errbuf, errlen);
}

rg_err rg_render(const rg_network *net, const rg_metrics *m,
		 const rg_render_opts *opts, const char *outpath,
		 char *errbuf, size_t errlen)
{
	rg_render_opts defaults;
	target t = { NULL, NULL, NULL, NULL };
	const char *slash, *dot;

	if (errbuf && errlen)
		errbuf[0] = '\0';
	if (!opts) {
		rg_render_opts_init(&defaults);
		opts = &defaults;
	}
	if (!net || !outpath) {
		rg_render_seterr(errbuf, errlen, "no network or no output path");
		return RG_EINPUT;
	}
	slash = strrchr(outpath, '/');
	dot = strrchr(slash ? slash + 1 : outpath, '.');
	if (dot && (strcasecmp(dot, ".html") == 0 || strcasecmp(dot, ".htm") == 0))
		return rg_render_page(net, m, opts, outpath, errbuf, errlen);
	if (!(t.fmt = format_for(outpath))) {
		rg_render_seterr(errbuf, errlen, "cannot tell the format of '%s': "
			"use .svg, .png, .pdf, .dot or .html", outpath);
		return RG_EINPUT;
	}
	t.path = outpath;
	return draw(net, m, opts, &t, NULL, errbuf, errlen);
}
