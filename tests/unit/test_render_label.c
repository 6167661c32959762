/*
 * test_render_label.c - the labels of render's nodes: a fixed --label-lang,
 * and RG_LABEL_NATIVE (each node in its home language), with the fallbacks
 * to the English name, the first name in language order, and the id; and
 * rg_render_counts, what a --top diagram draws.
 */
#include <stdlib.h>

#include "tap.h"
#include "render.h"

static rg_node node(char *id, char *en, char *fa, char *az, char *ru)
{
	rg_node n;
	memset(&n, 0, sizeof n);
	n.id = id;
	n.type = RG_TYPE_COUNTRY;
	n.names[RG_LANG_EN] = en;
	n.names[RG_LANG_FA] = fa;
	n.names[RG_LANG_AZ] = az;
	n.names[RG_LANG_RU] = ru;
	return n;
}

int main(void)
{
	rg_node nodes[5];
	rg_edge edges[3];
	rg_network net;
	rg_render_opts o;
	signed char home[5] = { RG_LANG_AZ, RG_LANG_FA, RG_LANG_NONE, RG_LANG_TR, RG_LANG_RU };
	double strength[5] = { 5, 1, 3, 3, 0 };
	double *values[RG_NMETRIC] = { 0 };
	rg_metrics m;
	size_t nn, ne;

	nodes[0] = node("AZE", "Azerbaijan", "آذربایجان", "Azərbaycan", NULL);
	nodes[1] = node("X1", "Only English", NULL, NULL, "Только");
	nodes[2] = node("X2", NULL, NULL, NULL, "Россия");
	nodes[3] = node("X3", NULL, NULL, NULL, NULL);
	nodes[4] = node("X4", "Empty Russian", NULL, NULL, "");
	memset(&net, 0, sizeof net);
	net.nodes = nodes;
	net.n_nodes = 5;
	rg_render_opts_init(&o);

	is_str(rg_render_label(&net, 0, &o), "Azerbaijan", "default: English");
	o.label_lang = RG_LANG_FA;
	is_str(rg_render_label(&net, 0, &o), "آذربایجان", "--label-lang fa");
	is_str(rg_render_label(&net, 1, &o), "Only English", "no fa name: English");
	is_str(rg_render_label(&net, 2, &o), "Россия", "no fa nor en: the first name (ru)");
	is_str(rg_render_label(&net, 3, &o), "X3", "no name at all: the id");

	o.label_lang = RG_LABEL_NATIVE;
	is_str(rg_render_label(&net, 0, &o), "Azerbaijan", "native without home_lang: English");
	o.home_lang = home;
	is_str(rg_render_label(&net, 0, &o), "Azərbaycan", "native: home az");
	is_str(rg_render_label(&net, 1, &o), "Only English", "native: home fa missing -> English");
	is_str(rg_render_label(&net, 2, &o), "Россия", "native: no home -> English missing -> ru");
	is_str(rg_render_label(&net, 3, &o), "X3", "native: nothing -> id");
	is_str(rg_render_label(&net, 4, &o), "Empty Russian", "native: empty home name -> English");

	/* counts: strength 5,1,3,3,0; top 2 = AZE and (tie 3,3 by id) X2 */
	edges[0] = (rg_edge){ .a = 0, .b = 1, .weight = 1 };
	edges[1] = (rg_edge){ .a = 0, .b = 2, .weight = 3 };
	edges[2] = (rg_edge){ .a = 2, .b = 3, .weight = 1 };
	net.edges = edges;
	net.n_edges = 3;
	rg_metrics_init(&m);
	memcpy(m.value, values, sizeof values);
	m.value[RG_METRIC_STRENGTH] = strength;
	m.n = 5;
	o.top = 2;
	ok(rg_render_counts(&net, &m, &o, &nn, &ne) == RG_OK && nn == 2 && ne == 1,
	   "--top 2: AZE and X2, the one tie between them");
	o.top = 3;
	ok(rg_render_counts(&net, &m, &o, &nn, &ne) == RG_OK && nn == 3 && ne == 2,
	   "--top 3: AZE, X2, X3 and their two ties");
	o.top = 0;
	ok(rg_render_counts(&net, &m, &o, &nn, &ne) == RG_OK && nn == 5 && ne == 3,
	   "--top 0: everything");
	o.top = 1;
	ok(rg_render_counts(&net, NULL, &o, &nn, &ne) == RG_OK && nn == 1 && ne == 0,
	   "no metrics: one node, no tie");
	return tap_done();
}
