/*
 * test_render_html.c - unit test of the interactive page (src/render_html.c)
 * and of --fill community (src/render.c): a hand-made four-node network with
 * a name full of HTML metacharacters is written as .html with the page
 * assets of viz/ (run from the repository root, as tests/run.sh does), and
 * the page's data, SVG and escaping are checked; then the error paths.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "relgraph.h"
#include "tap.h"

#define EVIL "Evil </script><script>alert(1)</script> & Co"

static char dir[64];

static char *path_of(const char *name)
{
	static char buf[2][256];
	static int k;

	k ^= 1;
	snprintf(buf[k], sizeof buf[k], "%s/%s", dir, name);
	return buf[k];
}

static char *slurp(const char *path)
{
	FILE *fp = fopen(path, "rb");
	char *s = NULL;
	long n;

	if (!fp)
		return NULL;
	if (fseek(fp, 0, SEEK_END) == 0 && (n = ftell(fp)) >= 0 &&
	    fseek(fp, 0, SEEK_SET) == 0 && (s = malloc((size_t)n + 1)))
		s[fread(s, 1, (size_t)n, fp)] = '\0';
	fclose(fp);
	return s;
}

static void write_file(const char *path, const char *text)
{
	FILE *fp = fopen(path, "wb");

	if (fp) {
		fputs(text, fp);
		fclose(fp);
	}
}

static int count(const char *hay, const char *needle)
{
	int n = 0;

	for (; (hay = strstr(hay, needle)); hay += strlen(needle))
		n++;
	return n;
}

/* count() ignoring ASCII case: Graphviz may write colours in either case. */
static int count_ci(const char *hay, const char *needle)
{
	size_t n = strlen(needle);
	int k = 0;

	for (; *hay; hay++)
		if (strncasecmp(hay, needle, n) == 0)
			k++;
	return k;
}

static char *xdup(const char *s)
{
	return s ? strdup(s) : NULL;
}

/*
 * Nodes by id: AZE, IRN, TUR, evil.  Edges (weight): AZE-IRN 6, AZE-TUR 2,
 * IRN-evil 1.  Communities (given, not computed): {AZE, IRN} = 0, {TUR} = 1,
 * {evil} = 12 (past the palette: grey).
 */
static void build(rg_network *net, rg_metrics *m)
{
	static const char *const ids[] = { "AZE", "IRN", "TUR", "evil" };
	static const char *const en[] = { "Azerbaijan", "Iran", "Turkey", EVIL };
	static const char *const fa[] = { "جمهوری آذربایجان", "ایران", "ترکیه", NULL };
	static const long comm[] = { 0, 0, 1, 12 };
	static const double str[] = { 8, 7, 2, 1 };
	static const struct { size_t a, b; double w; } ed[] = {
		{ 0, 1, 6 }, { 0, 2, 2 }, { 1, 3, 1 }
	};
	size_t i;
	int k;

	memset(net, 0, sizeof *net);
	net->nodes = calloc(4, sizeof *net->nodes);
	for (i = 0; i < 4; i++) {
		net->nodes[i].id = xdup(ids[i]);
		net->nodes[i].type = i == 3 ? RG_TYPE_ORG : RG_TYPE_COUNTRY;
		net->nodes[i].names[RG_LANG_EN] = xdup(en[i]);
		net->nodes[i].names[RG_LANG_FA] = xdup(fa[i]);
		net->nodes[i].actor = RG_NO_ACTOR;
		net->nodes[i].mentions = (long)str[i];
	}
	net->n_nodes = 4;
	net->edges = calloc(3, sizeof *net->edges);
	for (i = 0; i < 3; i++) {
		net->edges[i].a = ed[i].a;
		net->edges[i].b = ed[i].b;
		net->edges[i].weight = ed[i].w;
		net->edges[i].docs = 1;
	}
	net->n_edges = 3;
	net->n_docs = 2;
	strcpy(net->first_date, "2024-02-01");
	strcpy(net->last_date, "2024-02-09");
	memset(m, 0, sizeof *m);
	m->n = 4;
	for (k = 0; k < RG_NMETRIC; k++)
		m->value[k] = calloc(4, sizeof(double));
	m->community = calloc(4, sizeof *m->community);
	for (i = 0; i < 4; i++) {
		m->value[RG_METRIC_STRENGTH][i] = str[i];
		m->community[i] = comm[i];
	}
	m->n_communities = 13;
}

static void release(rg_network *net, rg_metrics *m)
{
	size_t i;
	int l;

	for (i = 0; i < net->n_nodes; i++) {
		free(net->nodes[i].id);
		for (l = 0; l < RG_NLANG; l++)
			free(net->nodes[i].names[l]);
	}
	free(net->nodes);
	free(net->edges);
	for (l = 0; l < RG_NMETRIC; l++)
		free(m->value[l]);
	free(m->community);
}

/* The JSON between the data element's tags, parsed; NULL when absent. */
static json_t *page_data(const char *html)
{
	const char *open = "<script type=\"application/json\" id=\"relgraph-data\">";
	const char *a = strstr(html, open), *z;
	json_error_t e;

	if (!a)
		return NULL;
	a += strlen(open);
	if (!(z = strstr(a, "</script>")))
		return NULL;
	return json_loadb(a, (size_t)(z - a), 0, &e);
}

static void test_page(const rg_network *net, const rg_metrics *m)
{
	rg_render_opts o;
	char err[256] = "";
	char *html;
	json_t *d, *nodes, *edges, *e;
	size_t i;

	rg_render_opts_init(&o);
	o.page_dir = "viz";
	o.title = "Ties <b>&</b> borders";
	o.label_lang = RG_LANG_FA;
	is_int(rg_render(net, m, &o, path_of("page.html"), err, sizeof err), RG_OK, "html: rendered");
	if (err[0])
		printf("# %s\n", err);
	html = slurp(path_of("page.html"));
	ok(html != NULL, "html: file exists");
	if (!html)
		return;
	ok(strncmp(html, "<!DOCTYPE html>", 15) == 0 && strstr(html, "</html>"), "html: a whole document");
	ok(!strstr(html, "{{"), "html: every template slot filled");
	ok(!strstr(html, "<?xml") && count(html, "<svg") == 1, "html: one inline <svg>, no XML prolog");
	ok(!strstr(html, "<!-- "), "html: Graphviz comments dropped");
	ok(strstr(html, "<title>Ties &lt;b&gt;&amp;&lt;/b&gt; borders</title>") != NULL,
	   "html: title escaped");
	/* the page's own two scripts only: the evil name cannot open a third */
	is_int(count(html, "<script"), 2, "html: exactly two script elements");
	is_int(count(html, "</script>"), 2, "html: exactly two script end tags");
	ok(strstr(html, "\\u003c/script\\u003e\\u003cscript\\u003ealert(1)") != NULL,
	   "html: '<' of names \\u003c-escaped in the data");
	ok(strstr(html, "id=\"n_evil\"") && strstr(html, "id=\"e_IRN__evil\""),
	   "html: SVG ids for nodes and edges");
	ok(strstr(html, ">ایران</text>") != NULL, "html: Persian label in the SVG");
	d = page_data(html);
	ok(d != NULL, "html: the data is valid JSON");
	nodes = json_object_get(d, "nodes");
	edges = json_object_get(d, "edges");
	is_int(json_array_size(nodes), 4, "data: four nodes");
	is_int(json_array_size(edges), 3, "data: three edges");
	is_str(json_string_value(json_object_get(json_array_get(nodes, 3), "label")), EVIL,
	       "data: the name round-trips exactly (fallback to English)");
	is_str(json_string_value(json_object_get(json_array_get(nodes, 1), "label")), "ایران",
	       "data: label in the chosen language");
	is_str(json_string_value(json_object_get(json_object_get(json_array_get(nodes, 1), "names"),
						 "en")), "Iran", "data: names in every language");
	is_int(json_integer_value(json_object_get(json_array_get(nodes, 2), "community")), 2,
	       "data: communities numbered from 1");
	e = json_array_get(edges, 0);
	is_str(json_string_value(json_object_get(e, "id")), "e_AZE__IRN", "data: edge id = SVG id");
	is_num(json_number_value(json_object_get(e, "weight")), 6, 1e-9, "data: edge weight");
	ok(json_is_array(json_object_get(e, "evidence")) &&
	   json_array_size(json_object_get(e, "evidence")) == 0, "data: no evidence without a corpus");
	ok(json_is_false(json_object_get(d, "evidence_kept")), "data: says evidence was not kept");
	is_str(json_string_value(json_object_get(d, "first_date")), "2024-02-01", "data: corpus span");
	for (i = 0; i < json_array_size(nodes); i++) {
		char id[64];

		snprintf(id, sizeof id, "id=\"n_%s\"",
			 json_string_value(json_object_get(json_array_get(nodes, i), "id")));
		ok(strstr(html, id) != NULL, "data: every data node is drawn");
	}
	json_decref(d);
	free(html);

	/* --top 2: only AZE and IRN, and their one edge */
	o.top = 2;
	is_int(rg_render(net, m, &o, path_of("top.html"), err, sizeof err), RG_OK, "html top 2: rendered");
	html = slurp(path_of("top.html"));
	d = html ? page_data(html) : NULL;
	is_int(json_array_size(json_object_get(d, "nodes")), 2, "html top 2: two nodes in the data");
	is_int(json_array_size(json_object_get(d, "edges")), 1, "html top 2: one edge in the data");
	ok(html && !strstr(html, "n_TUR"), "html top 2: TUR not drawn");
	json_decref(d);
	free(html);
}

static void test_page_errors(const rg_network *net, const rg_metrics *m)
{
	rg_render_opts o;
	char err[256] = "";
	char sub[128];

	rg_render_opts_init(&o);
	o.page_dir = path_of("no-such-dir");
	is_int(rg_render(net, m, &o, path_of("x.html"), err, sizeof err), RG_EIO,
	       "html: missing assets: RG_EIO");
	ok(strstr(err, "page.html") != NULL, "html: missing assets: named");
	ok(access(path_of("x.html"), F_OK) != 0, "html: missing assets: no file");

	snprintf(sub, sizeof sub, "%s", path_of("tpl"));
	mkdir(sub, 0700);
	write_file(path_of("tpl/page.html"), "<html>{{title}}{{css}}{{js}}{{svg}}</html>");
	write_file(path_of("tpl/page.css"), "body {}");
	write_file(path_of("tpl/page.js"), "1;");
	o.page_dir = sub;
	is_int(rg_render(net, m, &o, path_of("x.html"), err, sizeof err), RG_EDATA,
	       "html: template without {{data}}: RG_EDATA");
	ok(strstr(err, "{{data}}") != NULL, "html: the missing slot is named");
	write_file(path_of("tpl/page.html"), "{{title}}{{css}}{{js}}{{svg}}{{data}}");
	write_file(path_of("tpl/page.js"), "var s = '</SCRIPT>';");
	is_int(rg_render(net, m, &o, path_of("x.html"), err, sizeof err), RG_EDATA,
	       "html: a script that closes itself is refused");
	write_file(path_of("tpl/page.js"), "1;");
	is_int(rg_render(net, m, &o, path_of("y.HTML"), err, sizeof err), RG_OK,
	       "html: minimal template, upper-case extension");
	unlink(path_of("tpl/page.html"));
	unlink(path_of("tpl/page.css"));
	unlink(path_of("tpl/page.js"));
	rmdir(sub);
}

/* --fill community: palette colours by community, grey past the palette. */
static void test_community(const rg_network *net, const rg_metrics *m)
{
	rg_render_opts o;
	char err[256] = "";
	char *svg;

	rg_render_opts_init(&o);
	o.fill_by = RG_FILL_COMMUNITY;
	is_int(rg_render(net, m, &o, path_of("comm.svg"), err, sizeof err), RG_OK,
	       "community: rendered");
	svg = slurp(path_of("comm.svg"));
	ok(svg != NULL, "community: file exists");
	if (!svg)
		return;
	/* Tol's light palette: 1st #77aadd, 2nd #ee8866, grey #dddddd */
	ok(strstr(svg, "community 1") && strstr(svg, "community 2") &&
	   strstr(svg, "other communities"), "community: legend names the communities");
	is_int(count_ci(svg, "fill=\"#77aadd\""), 2 + 1, "community: two nodes + swatch in colour 1");
	is_int(count_ci(svg, "fill=\"#ee8866\""), 1 + 1, "community: one node + swatch in colour 2");
	is_int(count_ci(svg, "fill=\"#dddddd\""), 1 + 1, "community: past the palette: grey");
	ok(strstr(svg, ">community 13<") == NULL, "community: no swatch for a grey community");
	ok(strstr(svg, "pagerank 0, community 1") != NULL, "community: in the tooltip");
	free(svg);
}

int main(void)
{
	rg_network net;
	rg_metrics m;

	strcpy(dir, "/tmp/rg_page_XXXXXX");
	if (!mkdtemp(dir)) {
		ok(0, "mkdtemp");
		return tap_done();
	}
	build(&net, &m);
	test_page(&net, &m);
	test_page_errors(&net, &m);
	test_community(&net, &m);
	release(&net, &m);
	unlink(path_of("page.html"));
	unlink(path_of("top.html"));
	unlink(path_of("y.HTML"));
	unlink(path_of("comm.svg"));
	if (rmdir(dir) != 0)
		printf("# files left in %s\n", dir);
	return tap_done();
}
