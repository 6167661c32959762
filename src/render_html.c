/*
 * render_html.c - the interactive page of `relgraph render -o graph.html`:
 * viz/page.html with viz/page.css, viz/page.js, the diagram's SVG
 * (render.c) and the actors, ties and evidence sentences as JSON, in one
 * self-contained file.  Article text only ever enters the page as JSON data
 * whose '<', '>' and '&' are \u-escaped, and page.js shows it as text.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <jansson.h>

#include "render.h"
#include "util.h"

/* The page template's slots, each of which must appear exactly once. */
enum { SLOT_TITLE, SLOT_CSS, SLOT_JS, SLOT_SVG, SLOT_DATA, NSLOT };
static const char *const slot_name[NSLOT] = {
	"{{title}}", "{{css}}", "{{js}}", "{{svg}}", "{{data}}"
};

/* Reads `dir`/`name` into a NUL-terminated malloc'd string. */
static rg_err read_asset(const char *dir, const char *name, char **out, char *errbuf,
			 size_t errlen)
{
	char path[4096];
	size_t len;
	*out = NULL;
	snprintf(path, sizeof path, "%s/%s", dir, name);
	rg_err rc = rg_file_read(path, out, &len);
	if (rc) {
		rg_render_seterr(errbuf, errlen, "cannot read the page template '%s': %s", path,
				 rc == RG_ENOMEM ? "out of memory" : strerror(errno));
		return rc;
	}
	if (strlen(*out) != len) {
		rg_render_seterr(errbuf, errlen, "'%s' is not a text file", path);
		free(*out);
		*out = NULL;
		return RG_EDATA;
	}
	return RG_OK;
}

/* Does `s` contain `needle`, ignoring ASCII case? */
static int contains_nocase(const char *s, const char *needle)
{
	size_t n = strlen(needle);

	for (; *s; s++)
		if (strncasecmp(s, needle, n) == 0)
			return 1;
	return 0;
}

static int put_num(json_t *o, const char *key, double v)
{
	return json_object_set_new(o, key, json_real(v));
}

/* A node of the page: id, label, type, names, community and centralities. */
static json_t *node_json(const rg_network *net, const rg_metrics *m,
			 const rg_render_opts *o, size_t i)
{
	const rg_node *nd = &net->nodes[i];
	const char *label = rg_render_label(net, i, o);
	json_t *j = json_object(), *names = json_object(), *metrics = json_object();
	int l, k, bad = 0;

	if (!j || !names || !metrics)
		goto fail;
	bad |= json_object_set_new(j, "id", json_string(nd->id));
	bad |= json_object_set_new(j, "label", json_string(label));
	bad |= json_object_set_new(j, "type", json_string(rg_type_name(nd->type)));
	bad |= json_object_set_new(j, "mentions", json_integer(nd->mentions));
	for (l = 0; l < RG_NLANG; l++)
		if (nd->names[l] && nd->names[l][0])
			bad |= json_object_set_new(names, rg_lang_code(l), json_string(nd->names[l]));
	for (k = 0; m && k < RG_NMETRIC; k++)
		if (m->value[k])
			bad |= put_num(metrics, rg_metric_name((rg_metric)k), m->value[k][i]);
	if (m && m->community)
		bad |= json_object_set_new(j, "community", json_integer(m->community[i] + 1));
	bad |= json_object_set(j, "names", names);
	bad |= json_object_set(j, "metrics", metrics);
	json_decref(names);
	json_decref(metrics);
	if (bad) {
		json_decref(j);
		return NULL;
	}
	return j;
fail:
	json_decref(j);
	json_decref(names);
	json_decref(metrics);
	return NULL;
}

/* The evidence sentences of edge e: [{doc, date, para, sent, text}]. */
static json_t *evidence_json(const rg_network *net, const rg_cooc *c, const rg_edge *e)
{
	json_t *list = json_array(), *item;
	const rg_evidence *ev;
	size_t n = 0, k, a = net->nodes[e->a].actor, b = net->nodes[e->b].actor;
	const char *doc, *date;
	int bad = 0;

	if (!list)
		return NULL;
	if (!c || a == RG_NO_ACTOR || b == RG_NO_ACTOR)
		return list;
	ev = rg_cooc_evidence(c, a, b, &n);
	for (k = 0; k < n && !bad; k++) {
		doc = rg_cooc_doc_id(c, ev[k].doc);
		date = rg_cooc_doc_date(c, ev[k].doc);
		if (!(item = json_object())) {
			bad = 1;
			break;
		}
		bad |= json_object_set_new(item, "doc", json_string(doc ? doc : ""));
		bad |= json_object_set_new(item, "date", json_string(date ? date : ""));
		bad |= json_object_set_new(item, "para", json_integer(ev[k].para));
		bad |= json_object_set_new(item, "sent", json_integer(ev[k].sent));
		/* json_string refuses invalid UTF-8; the evidence text is valid by contract */
		bad |= json_object_set_new(item, "text", json_string(ev[k].text ? ev[k].text : ""));
		bad |= json_array_append_new(list, item);
	}
	if (bad) {
		json_decref(list);
		return NULL;
	}
	return list;
}

/* The page data: title, corpus, and the drawn nodes and edges. */
static json_t *page_json(const rg_network *net, const rg_metrics *m,
			 const rg_render_opts *o, const unsigned char *kept)
{
	json_t *root = json_object(), *nodes = json_array(), *edges = json_array(), *j;
	char id[1024];
	size_t i;
	int bad = !root || !nodes || !edges;

	for (i = 0; i < net->n_nodes && !bad; i++) {
		if (!kept[i])
			continue;
		bad |= !(j = node_json(net, m, o, i)) || json_array_append_new(nodes, j);
	}
	for (i = 0; i < net->n_edges && !bad; i++) {
		const rg_edge *e = &net->edges[i];
		json_t *ev;

		if (!kept[e->a] || !kept[e->b])
			continue;
		if (!(j = json_object()) || !(ev = evidence_json(net, o->evidence, e))) {
			json_decref(j);
			bad = 1;
			break;
		}
		/* the same id as the SVG's edge group (render.c add_edges) */
		snprintf(id, sizeof id, "e_%s__%s", net->nodes[e->a].id, net->nodes[e->b].id);
		bad |= json_object_set_new(j, "id", json_string(id));
		bad |= json_object_set_new(j, "a", json_string(net->nodes[e->a].id));
		bad |= json_object_set_new(j, "b", json_string(net->nodes[e->b].id));
		bad |= put_num(j, "weight", e->weight);
		bad |= json_object_set_new(j, "docs", json_integer(e->docs));
		bad |= json_object_set_new(j, "evidence", ev);
		bad |= json_array_append_new(edges, j);
	}
	if (!bad) {
		bad |= json_object_set_new(root, "title", json_string(o->title ? o->title : ""));
		bad |= json_object_set_new(root, "documents", json_integer(net->n_docs));
		bad |= json_object_set_new(root, "first_date", json_string(net->first_date));
		bad |= json_object_set_new(root, "last_date", json_string(net->last_date));
		bad |= json_object_set_new(root, "evidence_kept", json_boolean(o->evidence != NULL));
		bad |= json_object_set(root, "nodes", nodes);
		bad |= json_object_set(root, "edges", edges);
	}
	json_decref(nodes);
	json_decref(edges);
	if (bad) {
		json_decref(root);
		return NULL;
	}
	return root;
}

/*
 * Writes JSON text so that it cannot end or alter the <script> element it
 * sits in: '<', '>' and '&' (which only occur inside JSON strings) become
 * \u escapes, so "</script>" or "<!--" from an article never reach the
 * HTML parser.
 */
static void put_json_safe(FILE *fp, const char *s)
{
	for (; *s; s++) {
		if (*s == '<')
			fputs("\\u003c", fp);
		else if (*s == '>')
			fputs("\\u003e", fp);
		else if (*s == '&')
			fputs("\\u0026", fp);
		else
			fputc(*s, fp);
	}
}

static void put_html_text(FILE *fp, const char *s)
{
	for (; *s; s++) {
		if (*s == '<')
			fputs("&lt;", fp);
		else if (*s == '>')
			fputs("&gt;", fp);
		else if (*s == '&')
			fputs("&amp;", fp);
		else if (*s == '"')
			fputs("&quot;", fp);
		else
			fputc(*s, fp);
	}
}

/* The <svg> element of Graphviz's output, without the XML prolog and comments. */
static void put_svg(FILE *fp, const char *svg)
{
	const char *p = strstr(svg, "<svg"), *c, *end;

	if (!p)
		return;
	while ((c = strstr(p, "<!--"))) {
		fwrite(p, 1, (size_t)(c - p), fp);
		end = strstr(c + 4, "-->");
		if (!end)
			return;
		p = end + 3;
	}
	fputs(p, fp);
}

/* Fills the template's slots into fp. */
static void put_page(FILE *fp, const char *tpl, const char *const *slot_pos,
		     const rg_render_opts *o, const char *css, const char *js,
		     const char *svg, const char *data)
{
	const char *p = tpl;
	int s, next;

	for (;;) {
		next = -1;
		for (s = 0; s < NSLOT; s++)
			if (slot_pos[s] >= p && (next < 0 || slot_pos[s] < slot_pos[next]))
				next = s;
		if (next < 0)
			break;
		fwrite(p, 1, (size_t)(slot_pos[next] - p), fp);
		if (next == SLOT_TITLE)
			put_html_text(fp, o->title && o->title[0] ? o->title : "relgraph");
		else if (next == SLOT_CSS)
			fputs(css, fp);
		else if (next == SLOT_JS)
			fputs(js, fp);
		else if (next == SLOT_SVG)
			put_svg(fp, svg);
		else
			put_json_safe(fp, data);
		p = slot_pos[next] + strlen(slot_name[next]);
	}
	fputs(p, fp);
}

/* Checks the assets: each slot exactly once; CSS and JS cannot close their element. */
static rg_err check_assets(const char *dir, const char *tpl, const char **slot_pos,
			   const char *css, const char *js, char *errbuf, size_t errlen)
{
	int s;

	for (s = 0; s < NSLOT; s++) {
		slot_pos[s] = strstr(tpl, slot_name[s]);
		if (!slot_pos[s] || strstr(slot_pos[s] + 1, slot_name[s])) {
			rg_render_seterr(errbuf, errlen, "%s/page.html must contain %s exactly once",
					 dir, slot_name[s]);
			return RG_EDATA;
		}
	}
	if (contains_nocase(css, "</style") || contains_nocase(js, "</script")) {
		rg_render_seterr(errbuf, errlen, "%s: page.css or page.js closes its own element",
				 dir);
		return RG_EDATA;
	}
	return RG_OK;
}

rg_err rg_render_page(const rg_network *net, const rg_metrics *m,
		      const rg_render_opts *o, const char *outpath,
		      char *errbuf, size_t errlen)
{
	const char *dir = o->page_dir ? o->page_dir : "viz";
	const char *slot_pos[NSLOT];
	char *tpl = NULL, *css = NULL, *js = NULL, *svg = NULL, *data = NULL, *tmp = NULL;
	unsigned char *kept = NULL;
	json_t *root = NULL;
	FILE *fp = NULL;
	size_t svg_len, tlen;
	rg_err rc;

	if ((rc = read_asset(dir, "page.html", &tpl, errbuf, errlen)) ||
	    (rc = read_asset(dir, "page.css", &css, errbuf, errlen)) ||
	    (rc = read_asset(dir, "page.js", &js, errbuf, errlen)) ||
	    (rc = check_assets(dir, tpl, slot_pos, css, js, errbuf, errlen)))
		goto out;
	if ((rc = rg_render_svg(net, m, o, &svg, &svg_len, &kept, errbuf, errlen)))
		goto out;
	rc = RG_ENOMEM;
	if (!(root = page_json(net, m, o, kept)) ||
	    !(data = json_dumps(root, JSON_COMPACT | JSON_ENSURE_ASCII)))
		goto out;
	tlen = strlen(outpath) + 32;
	if (!(tmp = malloc(tlen)))
		goto out;
	snprintf(tmp, tlen, "%s.tmp.%ld", outpath, (long)getpid());
	rc = RG_EIO;
	if (!(fp = fopen(tmp, "wb"))) {
		rg_render_seterr(errbuf, errlen, "cannot create '%s': %s", tmp, strerror(errno));
		free(tmp);
		tmp = NULL;
		goto out;
	}
	put_page(fp, tpl, slot_pos, o, css, js, svg, data);
	if (fflush(fp) != 0 || ferror(fp)) {
		rg_render_seterr(errbuf, errlen, "cannot write '%s': %s", tmp, strerror(errno));
		goto out;
	}
	if (fclose(fp) != 0) {
		fp = NULL;
		rg_render_seterr(errbuf, errlen, "cannot write '%s': %s", tmp, strerror(errno));
		goto out;
	}
	fp = NULL;
	if (rename(tmp, outpath) != 0) {
		rg_render_seterr(errbuf, errlen, "cannot rename '%s' to '%s': %s", tmp, outpath,
				 strerror(errno));
		goto out;
	}
	free(tmp);
	tmp = NULL;
	rc = RG_OK;
out:
	if (fp)
		fclose(fp);
	if (tmp) {
		unlink(tmp);
		free(tmp);
	}
	if (rc == RG_ENOMEM && errbuf && errlen && !errbuf[0])
		rg_render_seterr(errbuf, errlen, "out of memory");
	json_decref(root);
	free(data);
	free(kept);
	free(svg);
	free(js);
	free(css);
	free(tpl);
	return rc;
}
