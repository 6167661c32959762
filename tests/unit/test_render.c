/*
 * test_render.c - unit test of src/render.c: draws a hand-made five-node
 * network (mixed actor types, Persian and Arabic names, a name full of XML
 * and DOT metacharacters) and checks the SVG, DOT, PNG and PDF files, the
 * node filter, styles and the error paths.  Set RG_TEST_KEEP=1 to keep the
 * files (the directory is printed).
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "relgraph.h"
#include "tap.h"

/* The name with every metacharacter: what the diagram must show. */
#define ODD_NAME "R&D <Union> \"Co\" \\ &lt; 1"

static char dir[64];

static void add_node(rg_network *net, const char *id, rg_actor_type t,
		     const char *en, const char *fa, const char *ar)
{
	rg_node *n = &net->nodes[net->n_nodes++];

	memset(n, 0, sizeof *n);
	n->id = strdup(id);
	n->type = t;
	n->names[RG_LANG_EN] = en ? strdup(en) : NULL;
	n->names[RG_LANG_FA] = fa ? strdup(fa) : NULL;
	n->names[RG_LANG_AR] = ar ? strdup(ar) : NULL;
}

static void free_network(rg_network *net)
{
	size_t i, l;

	for (i = 0; i < net->n_nodes; i++) {
		free(net->nodes[i].id);
		for (l = 0; l < RG_NLANG; l++)
			free(net->nodes[i].names[l]);
	}
	free(net->nodes);
	free(net->edges);
}

static void free_metrics(rg_metrics *m)
{
	int k;

	for (k = 0; k < RG_NMETRIC; k++)
		free(m->value[k]);
	free(m->community);
}

/*
 * Nodes by id: AZE, IRN, caspian, ilham-aliyev, odd.  Edges (weight):
 * AZE-IRN 10, AZE-aliyev 4, AZE-odd 3, IRN-caspian 1, IRN-odd 2.
 * Degree 3 3 1 1 2, strength 17 13 1 4 5 (worked out from the edges).
 */
static void build(rg_network *net, rg_metrics *m)
{
	static const double deg[] = { 3, 3, 1, 1, 2 };
	static const double str[] = { 17, 13, 1, 4, 5 };
	static const double btw[] = { 4.5, 3, 0, 0, 0.5 };
	static const double pr[] = { 0.3, 0.28, 0.08, 0.12, 0.22 };
	static const struct { size_t a, b; double w; } ed[] = {
		{ 0, 1, 10 }, { 0, 3, 4 }, { 0, 4, 3 }, { 1, 2, 1 }, { 1, 4, 2 }
	};
	size_t i;
	int k;

	memset(net, 0, sizeof *net);
	net->nodes = calloc(5, sizeof *net->nodes);
	add_node(net, "AZE", RG_TYPE_COUNTRY, "Azerbaijan", "جمهوری آذربایجان", "أذربيجان");
	add_node(net, "IRN", RG_TYPE_COUNTRY, "Iran", "ایران", "إيران");
	add_node(net, "caspian", RG_TYPE_PLACE, "Caspian\nSea", NULL, NULL);
	add_node(net, "ilham-aliyev", RG_TYPE_PERSON, "Ilham Aliyev", "الهام علی‌اف", NULL);
	add_node(net, "odd", RG_TYPE_ORG, ODD_NAME, NULL, NULL);
	net->edges = calloc(5, sizeof *net->edges);
	for (i = 0; i < 5; i++) {
		net->edges[i].a = ed[i].a;
		net->edges[i].b = ed[i].b;
		net->edges[i].weight = ed[i].w;
		net->edges[i].docs = 1;
	}
	net->n_edges = 5;
	net->n_docs = 7;
	strcpy(net->first_date, "2024-01-05");
	strcpy(net->last_date, "2024-03-28");

	memset(m, 0, sizeof *m);
	m->n = 5;
	for (k = 0; k < RG_NMETRIC; k++)
		m->value[k] = calloc(5, sizeof(double));
	for (i = 0; i < 5; i++) {
		m->value[RG_METRIC_DEGREE][i] = deg[i];
		m->value[RG_METRIC_STRENGTH][i] = str[i];
		m->value[RG_METRIC_BETWEENNESS][i] = btw[i];
		m->value[RG_METRIC_PAGERANK][i] = pr[i];
	}
}

static char *path_of(const char *name)
{
	static char buf[256];

	snprintf(buf, sizeof buf, "%s/%s", dir, name);
	return buf;
}

static char *slurp(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	char *s = NULL;
	long n;

	*len = 0;
	if (!fp)
		return NULL;
	if (fseek(fp, 0, SEEK_END) == 0 && (n = ftell(fp)) >= 0 &&
	    fseek(fp, 0, SEEK_SET) == 0 && (s = malloc((size_t)n + 1))) {
		*len = fread(s, 1, (size_t)n, fp);
		s[*len] = '\0';
	}
	fclose(fp);
	return s;
}

static int count(const char *hay, const char *needle)
{
	int n = 0;

	for (; (hay = strstr(hay, needle)); hay += strlen(needle))
		n++;
	return n;
}

/* Decodes the five XML entities and numeric references of s[0..n). */
static void xml_decode(const char *s, size_t n, char *out, size_t outlen)
{
	static const char *const ent[][2] = {
		{ "&amp;", "&" }, { "&lt;", "<" }, { "&gt;", ">" },
		{ "&quot;", "\"" }, { "&apos;", "'" }, { "&#39;", "'" },
		{ "&#34;", "\"" }, { "&#45;", "-" }, { "&#160;", "\xC2\xA0" },
	};
	size_t i = 0, o = 0, k, el;

	while (i < n && o + 4 < outlen) {
		for (k = 0; k < sizeof ent / sizeof ent[0]; k++) {
			el = strlen(ent[k][0]);
			if (i + el <= n && strncmp(s + i, ent[k][0], el) == 0)
				break;
		}
		if (k < sizeof ent / sizeof ent[0]) {
			strcpy(out + o, ent[k][1]);
			o += strlen(ent[k][1]);
			i += strlen(ent[k][0]);
		} else {
			out[o++] = s[i++];
		}
	}
	out[o] = '\0';
}

/*
 * A small well-formedness check: every tag closes in order, attribute values
 * are quoted, and '&' in text or attributes starts an entity.
 */
static int xml_ok(const char *s)
{
	char stack[64][32];
	int depth = 0;
	const char *p = s, *q;
	size_t n;

	while (*p) {
		if (*p == '&') {
			q = p + 1;
			while (*q && *q != ';' && *q != '&' && *q != '<' && *q != ' ')
				q++;
			if (*q != ';' || q == p + 1)
				return 0;
			p = q + 1;
		} else if (*p != '<') {
			p++;
		} else if (!strncmp(p, "<?", 2) || !strncmp(p, "<!--", 4) ||
			   !strncmp(p, "<!", 2)) {
			q = strstr(p, !strncmp(p, "<?", 2) ? "?>" :
				   !strncmp(p, "<!--", 4) ? "-->" : ">");
			if (!q)
				return 0;
			p = q + 1;
		} else {
			int closing = p[1] == '/';
			const char *name = p + 1 + closing;

			n = strcspn(name, " \t\n/>");
			if (n == 0 || n >= 32)
				return 0;
			/* skip attributes, respecting quotes */
			q = name + n;
			while (*q && *q != '>') {
				if (*q == '"') {
					q = strchr(q + 1, '"');
					if (!q)
						return 0;
				} else if (*q == '<') {
					return 0;
				}
				q++;
			}
			if (!*q)
				return 0;
			if (closing) {
				if (depth == 0 || strncmp(stack[depth - 1], name, n) ||
				    stack[depth - 1][n])
					return 0;
				depth--;
			} else if (q[-1] != '/') {
				if (depth == 64)
					return 0;
				memcpy(stack[depth], name, n);
				stack[depth++][n] = '\0';
			}
			p = q + 1;
		}
	}
	return depth == 0;
}

/* The <g id="ID" ...> ... </g> element of the SVG (ID compared decoded), or NULL. */
static char *svg_group(const char *svg, const char *id, size_t *len)
{
	const char *a = svg, *z, *p;
	char got[128];
	int depth = 0;

	for (; (a = strstr(a, "<g id=\"")); a++) {
		z = strchr(a + 7, '"');
		if (!z)
			return NULL;
		xml_decode(a + 7, (size_t)(z - a - 7), got, sizeof got);
		if (strcmp(got, id) == 0)
			break;
	}
	if (!a)
		return NULL;
	for (p = a; *p; p++) {
		if (!strncmp(p, "<g", 2) && (p[2] == ' ' || p[2] == '>'))
			depth++;
		else if (!strncmp(p, "</g>", 4) && --depth == 0)
			break;
	}
	z = *p ? p + 4 : p;
	*len = (size_t)(z - a);
	return (char *)a;
}

/* How many elements have the id `id` (compared decoded)? */
static int count_id(const char *svg, const char *id)
{
	const char *a = svg, *z;
	char got[128];
	int n = 0;

	for (; (a = strstr(a, " id=\"")); a = z) {
		z = strchr(a + 5, '"');
		if (!z)
			break;
		xml_decode(a + 5, (size_t)(z - a - 5), got, sizeof got);
		n += strcmp(got, id) == 0;
	}
	return n;
}

/* The decoded text of every <text> in svg[0..len), joined by '|'. */
static void svg_texts(const char *svg, size_t len, char *out, size_t outlen)
{
	const char *p = svg, *end = svg + len, *a, *z;
	size_t o = 0;

	out[0] = '\0';
	while ((p = strstr(p, "<text")) && p < end) {
		a = strchr(p, '>');
		z = a ? strstr(a, "</text>") : NULL;
		if (!z || z > end)
			break;
		if (o > 0 && o + 1 < outlen)
			out[o++] = '|';
		xml_decode(a + 1, (size_t)(z - a - 1), out + o, outlen - o);
		o += strlen(out + o);
		p = z;
	}
}

/* The decoded value of attribute `attr` in svg[0..len), or "". */
static void svg_attr(const char *svg, size_t len, const char *attr, char *out,
		     size_t outlen)
{
	char pat[64];
	const char *a, *z;

	out[0] = '\0';
	snprintf(pat, sizeof pat, " %s=\"", attr);
	a = strstr(svg, pat);
	if (!a || a > svg + len)
		return;
	a += strlen(pat);
	z = strchr(a, '"');
	if (z)
		xml_decode(a, (size_t)(z - a), out, outlen);
}

/* The stroke-width of the edge path of group `id` (SVG default 1). */
static double edge_width(const char *svg, const char *id)
{
	char buf[64];
	size_t len;
	const char *g = svg_group(svg, id, &len), *path;

	if (!g || !(path = strstr(g, "<path")) || path > g + len)
		return -1;
	svg_attr(path, (size_t)(strchr(path, '>') - path), "stroke-width", buf, sizeof buf);
	return buf[0] ? atof(buf) : 1.0;
}

static int file_starts(const char *path, const char *magic, size_t n)
{
	size_t len;
	char *s = slurp(path, &len);
	int r = s && len > n && memcmp(s, magic, n) == 0;

	free(s);
	return r;
}

/* Does dir hold a left-over temporary file? */
static int tmp_left(void)
{
	DIR *dp = opendir(dir);
	struct dirent *e;
	int found = 0;

	while (dp && (e = readdir(dp)))
		if (strstr(e->d_name, ".tmp."))
			found = 1;
	if (dp)
		closedir(dp);
	return found;
}

static void test_svg(const rg_network *net, const rg_metrics *m)
{
	static const char *const ids[] = {
		"n_AZE", "n_IRN", "n_caspian", "n_ilham-aliyev", "n_odd"
	};
	static const char *const edge_ids[] = {	/* by decreasing weight */
		"e_AZE__IRN", "e_AZE__ilham-aliyev", "e_AZE__odd", "e_IRN__odd", "e_IRN__caspian"
	};
	rg_render_opts o;
	char err[256], buf[240], *svg;
	size_t len, glen, i;
	const char *g;
	rg_err rc;

	rg_render_opts_init(&o);
	o.label_lang = RG_LANG_FA;
	o.title = "Caspian <talks> & \"friends\"";
	rc = rg_render(net, m, &o, path_of("net.svg"), err, sizeof err);
	is_int(rc, RG_OK, "svg: rendered");
	if (rc != RG_OK)
		printf("# %s\n", err);
	svg = slurp(path_of("net.svg"), &len);
	ok(svg != NULL, "svg: file exists");
	if (!svg)
		return;
	ok(strncmp(svg, "<?xml", 5) == 0 && strstr(svg, "</svg>"), "svg: complete document");
	ok(xml_ok(svg), "svg: well-formed");
	for (i = 0; i < 5; i++)
		is_int(count_id(svg, ids[i]), 1, ids[i]);
	is_int(count(svg, "class=\"node\""), 5, "svg: 5 nodes");
	is_int(count(svg, "class=\"edge\""), 5, "svg: 5 edges");
	for (i = 0; i < 10; i++) {
		g = svg_group(svg, i < 5 ? ids[i] : edge_ids[i - 5], &glen);
		svg_attr(g ? g : "", g ? glen : 0, "xlink:title", buf, sizeof buf);
		ok(g && strstr(g, "<title>") && strstr(g, "<title>") < g + glen && buf[0],
		   i < 5 ? "svg: node has a title and a tooltip" :
		   "svg: edge has a title and a tooltip");
	}

	/* labels: Persian where known, else English, metacharacters intact */
	g = svg_group(svg, "n_AZE", &glen);
	svg_texts(g ? g : "", g ? glen : 0, buf, sizeof buf);
	is_str(buf, "جمهوری آذربایجان", "svg: Persian label");
	g = svg_group(svg, "n_ilham-aliyev", &glen);
	svg_texts(g ? g : "", g ? glen : 0, buf, sizeof buf);
	is_str(buf, "الهام علی‌اف", "svg: Persian label with ZWNJ");
	g = svg_group(svg, "n_odd", &glen);
	svg_texts(g ? g : "", g ? glen : 0, buf, sizeof buf);
	is_str(buf, ODD_NAME, "svg: special characters shown as given");
	ok(!strstr(svg, "<Union"), "svg: '<' escaped");
	g = svg_group(svg, "n_caspian", &glen);
	svg_texts(g ? g : "", g ? glen : 0, buf, sizeof buf);
	is_str(buf, "Caspian|Sea", "svg: newline makes two lines");

	/* tooltips */
	g = svg_group(svg, "n_AZE", &glen);
	svg_attr(g ? g : "", g ? glen : 0, "xlink:title", buf, sizeof buf);
	is_str(buf, "جمهوری آذربایجان (country) - degree 3, strength 17, "
	       "betweenness 4.5, pagerank 0.3", "svg: node tooltip");
	g = svg_group(svg, "n_odd", &glen);
	svg_attr(g ? g : "", g ? glen : 0, "xlink:title", buf, sizeof buf);
	is_str(buf, ODD_NAME " (org) - degree 2, strength 5, betweenness 0.5, "
	       "pagerank 0.22", "svg: tooltip with special characters");
	g = svg_group(svg, "e_AZE__IRN", &glen);
	svg_attr(g ? g : "", g ? glen : 0, "xlink:title", buf, sizeof buf);
	is_str(buf, "جمهوری آذربایجان - ایران: weight 10", "svg: edge tooltip");
	g = svg_group(svg, "n_IRN", &glen);
	svg_attr(g ? g : "", g ? glen : 0, "fill", buf, sizeof buf);
	is_str(buf, "#a8d1ee", "svg: country fill from the style");
	g = svg_group(svg, "n_ilham-aliyev", &glen);
	svg_attr(g ? g : "", g ? glen : 0, "fill", buf, sizeof buf);
	is_str(buf, "#f6d48a", "svg: person fill from the style");

	/* 1 + 3 log(w) / log(10): 4, 2.806, 2.431, 1.903, 1 */
	is_num(edge_width(svg, "e_AZE__IRN"), 4.0, 0.01, "svg: width of weight 10");
	is_num(edge_width(svg, "e_AZE__ilham-aliyev"), 2.806, 0.01, "svg: width of weight 4");
	is_num(edge_width(svg, "e_AZE__odd"), 2.431, 0.01, "svg: width of weight 3");
	is_num(edge_width(svg, "e_IRN__odd"), 1.903, 0.01, "svg: width of weight 2");
	is_num(edge_width(svg, "e_IRN__caspian"), 1.0, 0.01, "svg: width of weight 1");
	for (i = 1; i < 5; i++)
		ok(edge_width(svg, edge_ids[i - 1]) > edge_width(svg, edge_ids[i]),
		   "svg: heavier edge drawn wider");

	/* the title, corpus span and legend */
	svg_texts(svg, len, buf, sizeof buf);
	ok(strstr(buf, "Caspian <talks> & \"friends\"") != NULL, "svg: title");
	ok(strstr(buf, "7 documents, 2024-01-05 \xE2\x80\x93 2024-03-28") != NULL,
	   "svg: corpus span");
	ok(strstr(buf, "|country|") && strstr(buf, "|person|") && strstr(buf, "|organisation|")
	   && strstr(buf, "|place|") && !strstr(buf, "|group|"),
	   "svg: legend lists types present");
	ok(strstr(buf, "node size: strength (co-mentions); edge width: co-mentions (log scale)")
	   != NULL, "svg: legend explains sizes");
	free(svg);
}

static void test_arabic_and_fallback(const rg_network *net, const rg_metrics *m)
{
	rg_render_opts o;
	char err[256], buf[240], *svg;
	size_t len, glen;
	const char *g;

	rg_render_opts_init(&o);
	o.label_lang = RG_LANG_AR;
	is_int(rg_render(net, m, &o, path_of("ar.svg"), err, sizeof err), RG_OK, "ar: rendered");
	svg = slurp(path_of("ar.svg"), &len);
	if (!svg) {
		ok(0, "ar: file exists");
		return;
	}
	g = svg_group(svg, "n_IRN", &glen);
	svg_texts(g ? g : "", g ? glen : 0, buf, sizeof buf);
	is_str(buf, "إيران", "ar: Arabic label");
	g = svg_group(svg, "n_ilham-aliyev", &glen);
	svg_texts(g ? g : "", g ? glen : 0, buf, sizeof buf);
	is_str(buf, "Ilham Aliyev", "ar: falls back to English");
	free(svg);
}

static void test_formats(const rg_network *net, const rg_metrics *m)
{
	static const char *const ids[] = { "AZE", "IRN", "caspian", "ilham-aliyev", "odd" };
	char err[256], pat[64], qpat[64], *dot;
	size_t len, i;
	rg_render_opts o;

	rg_render_opts_init(&o);
	o.label_lang = RG_LANG_FA;
	o.title = "Formats";
	is_int(rg_render(net, m, &o, path_of("net.dot"), err, sizeof err), RG_OK, "dot: rendered");
	dot = slurp(path_of("net.dot"), &len);
	ok(dot && strstr(dot, "graph relgraph {"), "dot: a DOT graph");
	/* DOT quotes only the ids that need it */
	for (i = 0; dot && i < 5; i++) {
		snprintf(pat, sizeof pat, "id=n_%s", ids[i]);
		snprintf(qpat, sizeof qpat, "id=\"n_%s\"", ids[i]);
		is_int(count(dot, pat) + count(dot, qpat), 1, qpat);
	}
	ok(dot && strstr(dot, "pos=\""), "dot: laid out (pos)");
	ok(dot && strstr(dot, "R&D <Union> \\\"Co\\\" \\\\ &amp;lt; 1"),
	   "dot: label escaped for DOT");
	free(dot);

	is_int(rg_render(net, m, &o, path_of("net.png"), err, sizeof err), RG_OK, "png: rendered");
	ok(file_starts(path_of("net.png"), "\x89PNG\r\n\x1a\n", 8), "png: PNG signature");
	is_int(rg_render(net, m, &o, path_of("net.PDF"), err, sizeof err), RG_OK, "pdf: rendered");
	ok(file_starts(path_of("net.PDF"), "%PDF-", 5), "pdf: PDF signature");

	err[0] = '\0';
	is_int(rg_render(net, m, &o, path_of("net.jpeg"), err, sizeof err), RG_EINPUT,
	       "unknown extension: RG_EINPUT");
	ok(strstr(err, "net.jpeg") && strstr(err, ".svg"), "unknown extension: message");
	is_int(rg_render(net, m, &o, path_of("noext"), err, sizeof err), RG_EINPUT,
	       "no extension: RG_EINPUT");
	ok(access(path_of("net.jpeg"), F_OK) != 0, "unknown extension: no file");
	is_int(rg_render(net, m, &o, path_of("no/such/dir/x.svg"), err, sizeof err), RG_EIO,
	       "missing directory: RG_EIO");
	ok(!tmp_left(), "no temporary file left");
}

static void test_top(const rg_network *net, const rg_metrics *m)
{
	rg_render_opts o;
	char err[256], *svg;
	size_t len;

	rg_render_opts_init(&o);
	o.top = 2;
	o.size_by = RG_METRIC_STRENGTH;
	is_int(rg_render(net, m, &o, path_of("top2.svg"), err, sizeof err), RG_OK,
	       "top 2: rendered");
	svg = slurp(path_of("top2.svg"), &len);
	ok(svg && count(svg, "class=\"node\"") == 2, "top 2: two nodes");
	ok(svg && strstr(svg, "id=\"n_AZE\"") && strstr(svg, "id=\"n_IRN\""),
	   "top 2: the two strongest");
	ok(svg && count(svg, "class=\"edge\"") == 1 && strstr(svg, "id=\"e_AZE__IRN\""),
	   "top 2: only the edge between them");
	ok(svg && !strstr(svg, "|place|"), "top 2: legend");
	free(svg);

	/* degrees 3 3 1 1 2: caspian and ilham-aliyev tie, the lower id stays */
	o.top = 4;
	o.size_by = RG_METRIC_DEGREE;
	is_int(rg_render(net, m, &o, path_of("top4.svg"), err, sizeof err), RG_OK,
	       "top 4: rendered");
	svg = slurp(path_of("top4.svg"), &len);
	ok(svg && count(svg, "class=\"node\"") == 4, "top 4: four nodes");
	ok(svg && count_id(svg, "n_caspian") == 1 && count_id(svg, "n_ilham-aliyev") == 0,
	   "top 4: tie broken by id");
	ok(svg && count(svg, "class=\"edge\"") == 4, "top 4: four edges");
	free(svg);
}

static void test_empty(void)
{
	rg_network net;
	rg_render_opts o;
	char err[256], buf[512], *svg;
	size_t len;

	memset(&net, 0, sizeof net);
	rg_render_opts_init(&o);
	o.title = "Nothing yet";
	is_int(rg_render(&net, NULL, &o, path_of("empty.svg"), err, sizeof err), RG_OK,
	       "empty: rendered");
	svg = slurp(path_of("empty.svg"), &len);
	ok(svg && strstr(svg, "</svg>") && xml_ok(svg), "empty: well-formed SVG");
	ok(svg && count(svg, "class=\"node\"") == 0, "empty: no nodes");
	svg_texts(svg ? svg : "", len, buf, sizeof buf);
	ok(strstr(buf, "Nothing yet") != NULL, "empty: titled");
	free(svg);
	is_int(rg_render(&net, NULL, NULL, path_of("empty.png"), err, sizeof err), RG_OK,
	       "empty: png without options");
}

/* Bytes no XML may hold, a backslash-N that Graphviz would expand, no metrics. */
static void test_odd_text(void)
{
	rg_network net;
	rg_node nodes[2];
	rg_edge edge;
	rg_render_opts o;
	char err[256], buf[240], *svg;
	char bad_utf8[] = "Bad\xFF\xC3(name";
	char controls[] = "Tab\there\x01x";
	char id0[] = "x\\N", id1[] = "y";
	size_t len, glen;
	const char *g;

	memset(&net, 0, sizeof net);
	memset(nodes, 0, sizeof nodes);
	memset(&edge, 0, sizeof edge);
	nodes[0].id = id0;
	nodes[0].names[RG_LANG_EN] = bad_utf8;
	nodes[1].id = id1;
	nodes[1].type = RG_TYPE_GROUP;
	nodes[1].names[RG_LANG_EN] = controls;
	edge.a = 0;
	edge.b = 1;
	edge.weight = 1;
	net.nodes = nodes;
	net.n_nodes = 2;
	net.edges = &edge;
	net.n_edges = 1;
	net.n_docs = 1;
	strcpy(net.first_date, "2024-02-01");
	strcpy(net.last_date, "2024-02-01");
	rg_render_opts_init(&o);
	o.title = "Line one\nLine \\N <two>";
	is_int(rg_render(&net, NULL, &o, path_of("odd.svg"), err, sizeof err), RG_OK,
	       "odd text: rendered");
	svg = slurp(path_of("odd.svg"), &len);
	ok(svg && xml_ok(svg), "odd text: well-formed SVG");
	if (!svg)
		return;
	g = svg_group(svg, "n_x\\N", &glen);
	ok(g != NULL, "odd text: backslash in an id kept");
	svg_texts(g ? g : "", g ? glen : 0, buf, sizeof buf);
	is_str(buf, "Bad\xEF\xBF\xBD\xEF\xBF\xBD(name", "odd text: bad UTF-8 shown as U+FFFD");
	svg_attr(g ? g : "", g ? glen : 0, "xlink:title", buf, sizeof buf);
	is_str(buf, "Bad\xEF\xBF\xBD\xEF\xBF\xBD(name (country)",
	       "odd text: tooltip without metrics");
	g = svg_group(svg, "n_y", &glen);
	svg_texts(g ? g : "", g ? glen : 0, buf, sizeof buf);
	is_str(buf, "Tab here x", "odd text: control characters become spaces");
	svg_texts(svg, len, buf, sizeof buf);
	ok(strstr(buf, "Line one|Line \\N <two>|1 document, 2024-02-01|country|group|") == buf,
	   "odd text: two-line title, one date");
	free(svg);
}

static void write_file(const char *path, const char *text)
{
	FILE *fp = fopen(path, "w");

	if (fp) {
		fputs(text, fp);
		fclose(fp);
	}
}

static void test_styles(const rg_network *net, const rg_metrics *m)
{
	char root[256], light[300], print[300], bad[300], good[300], err[256], *a, *b;
	const char *f = __FILE__;
	size_t la, lb, n;
	rg_render_opts o;

	/* viz/ relative to this file's directory, as the build compiled it */
	n = strlen(f) - strlen("tests/unit/test_render.c");
	snprintf(root, sizeof root, "%.*s", (int)n, f);
	snprintf(light, sizeof light, "%sviz/light.style", root);
	snprintf(print, sizeof print, "%sviz/print.style", root);

	rg_render_opts_init(&o);
	o.title = "Styles";
	is_int(rg_render(net, m, &o, path_of("builtin.dot"), err, sizeof err), RG_OK,
	       "style: built-in");
	o.style = light;
	is_int(rg_render(net, m, &o, path_of("light.dot"), err, sizeof err), RG_OK,
	       "style: light.style");
	a = slurp(path_of("builtin.dot"), &la);
	b = slurp(path_of("light.dot"), &lb);
	ok(a && b && la == lb && memcmp(a, b, la) == 0, "style: light.style = built-in");
	free(a);
	free(b);
	o.style = print;
	is_int(rg_render(net, m, &o, path_of("print.svg"), err, sizeof err), RG_OK,
	       "style: print.style");
	a = slurp(path_of("print.svg"), &la);
	ok(a && strstr(a, "font-family=\"Noto Serif") && strstr(a, "<polygon fill=\"#c8c8c8\""),
	   "style: print.style serif, grey org hexagon");
	free(a);

	snprintf(bad, sizeof bad, "%s", path_of("bad.style"));
	snprintf(good, sizeof good, "%s", path_of("ok.style"));
	write_file(bad, "# comment\n\nnode.colour = red\n");
	o.style = bad;
	err[0] = '\0';
	is_int(rg_render(net, m, &o, path_of("bad.svg"), err, sizeof err), RG_EINPUT,
	       "style: unknown key");
	ok(strstr(err, "bad.style:3:") && strstr(err, "node.colour"),
	   "style: message names file:line");
	write_file(bad, "edge.penwidth = 3\n");
	is_int(rg_render(net, m, &o, path_of("bad.svg"), err, sizeof err), RG_EINPUT,
	       "style: computed attribute refused");
	write_file(bad, "type.nation.fillcolor = red\n");
	is_int(rg_render(net, m, &o, path_of("bad.svg"), err, sizeof err), RG_EINPUT,
	       "style: unknown type");
	write_file(bad, "scale.node_min = big\n");
	is_int(rg_render(net, m, &o, path_of("bad.svg"), err, sizeof err), RG_EINPUT,
	       "style: bad number");
	write_file(bad, "graph.bgcolor\n");
	is_int(rg_render(net, m, &o, path_of("bad.svg"), err, sizeof err), RG_EINPUT,
	       "style: line without '='");
	ok(access(path_of("bad.svg"), F_OK) != 0, "style: no diagram after an error");
	write_file(good, "graph.bgcolor = \"#FFFFF0\"\ntype.org.shape = box\n");
	o.style = good;
	is_int(rg_render(net, m, &o, path_of("ok.svg"), err, sizeof err), RG_OK,
	       "style: partial style over the defaults");
	a = slurp(path_of("ok.svg"), &la);
	ok(a && strstr(a, "fill=\"#fffff0\"") && strstr(a, "fill=\"#a3dcc9\""),
	   "style: new background, default org fill");
	free(a);
	o.style = path_of("missing.style");
	is_int(rg_render(net, m, &o, path_of("bad.svg"), err, sizeof err), RG_EIO,
	       "style: missing file");
}

static void test_layouts(const rg_network *net, const rg_metrics *m)
{
	static const char *const layouts[] = { "neato", "sfdp", "fdp", "circo", "twopi", "dot" };
	rg_render_opts o;
	char err[256], name[32];
	size_t i;

	rg_render_opts_init(&o);
	for (i = 0; i < 6; i++) {
		o.layout = layouts[i];
		snprintf(name, sizeof name, "layout-%s.svg", layouts[i]);
		is_int(rg_render(net, m, &o, path_of(name), err, sizeof err), RG_OK, name);
	}
	o.layout = "spring";
	is_int(rg_render(net, m, &o, path_of("spring.svg"), err, sizeof err), RG_EINPUT,
	       "unknown layout: RG_EINPUT");
	rg_render_opts_init(&o);
	o.size_by = RG_NMETRIC;
	is_int(rg_render(net, m, &o, path_of("x.svg"), err, sizeof err), RG_EINPUT,
	       "bad size metric: RG_EINPUT");
}

static void cleanup(void)
{
	DIR *dp = opendir(dir);
	struct dirent *e;
	char p[512];

	while (dp && (e = readdir(dp))) {
		if (e->d_name[0] == '.')
			continue;
		snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
		unlink(p);
	}
	if (dp)
		closedir(dp);
	rmdir(dir);
}

int main(void)
{
	rg_network net;
	rg_metrics m;

	strcpy(dir, "/tmp/rg_render_XXXXXX");
	if (!mkdtemp(dir)) {
		ok(0, "mkdtemp");
		return tap_done();
	}
	build(&net, &m);
	test_svg(&net, &m);
	test_arabic_and_fallback(&net, &m);
	test_formats(&net, &m);
	test_top(&net, &m);
	test_empty();
	test_odd_text();
	test_styles(&net, &m);
	test_layouts(&net, &m);
	free_network(&net);
	free_metrics(&m);
	if (getenv("RG_TEST_KEEP"))
		printf("# files kept in %s\n", dir);
	else
		cleanup();
	return tap_done();
}
