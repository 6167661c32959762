/*
 * test_cooc.c - unit tests of co-mention windows and the network snapshot:
 * sentence, paragraph, document and token windows, one count per window
 * however often names repeat, document counts, evidence and its cap, the
 * type mask, and node statistics.  Expected weights are counted by hand.
 */
#include <stdlib.h>
#include <string.h>

#include "relgraph.h"
#include "tap.h"

static rg_lexicon *lex;

/* The weight of the edge between two actor ids in net, or -1. */
static double weight(const rg_network *net, const char *a, const char *b)
{
	long ia = -1, ib = -1;
	for (size_t i = 0; i < net->n_nodes; i++) {
		if (strcmp(net->nodes[i].id, a) == 0)
			ia = (long)i;
		if (strcmp(net->nodes[i].id, b) == 0)
			ib = (long)i;
	}
	for (size_t e = 0; ia >= 0 && ib >= 0 && e < net->n_edges; e++)
		if ((net->edges[e].a == (size_t)ia && net->edges[e].b == (size_t)ib) ||
		    (net->edges[e].a == (size_t)ib && net->edges[e].b == (size_t)ia))
			return net->edges[e].weight;
	return -1;
}

/* Builds the network of docs (NULL-terminated) with window w. */
static int build(const char *const *docs, const char *window, size_t cap,
		 rg_network *net, rg_cooc **keep)
{
	rg_window w;
	rg_cooc *c = NULL;
	rg_analysis an;
	int rc = 1;
	rg_analysis_init(&an);
	if (rg_window_parse(window, &w) || rg_cooc_new(&c, lex, w, cap))
		goto out;
	for (size_t i = 0; docs[i]; i++) {
		rg_doc d = { docs[i], docs[i], strlen(docs[i]), "2024-01-0" "1", RG_LANG_EN };
		if (rg_analyze(lex, &d, &an, NULL) || rg_cooc_add(c, &d, &an))
			goto out;
	}
	rc = rg_cooc_network(c, net) != RG_OK;
out:
	rg_analysis_release(&an);
	if (keep && !rc)
		*keep = c;
	else
		rg_cooc_free(c);
	return rc;
}

static void test_windows(void)
{
	/* paragraph 1: sentence 1 names Iran, Russia, Iran again; sentence 2
	 * names Russia and Qatar.  Paragraph 2 names Qatar and Iran. */
	static const char *const docs[] = {
		"Iran met Russia and Iran thanked Russia. Russia then met Qatar.\nQatar and Iran.",
		NULL
	};
	rg_network net;
	rg_network_init(&net);
	ok(build(docs, "sentence", 0, &net, NULL) == 0, "sentence windows build");
	is_num(weight(&net, "IRN", "RUS"), 1, 0, "sentence: IRN-RUS once despite repeats");
	is_num(weight(&net, "QAT", "RUS"), 1, 0, "sentence: RUS-QAT in sentence 2");
	is_num(weight(&net, "IRN", "QAT"), 1, 0, "sentence: IRN-QAT in paragraph 2 only");
	is_int(net.n_edges, 3, "sentence: three edges");
	rg_network_release(&net);

	ok(build(docs, "paragraph", 0, &net, NULL) == 0, "paragraph windows build");
	is_num(weight(&net, "IRN", "QAT"), 2, 0, "paragraph: IRN-QAT in both paragraphs");
	is_num(weight(&net, "IRN", "RUS"), 1, 0, "paragraph: IRN-RUS once");
	rg_network_release(&net);

	ok(build(docs, "document", 0, &net, NULL) == 0, "document windows build");
	is_num(weight(&net, "IRN", "QAT"), 1, 0, "document: every pair once");
	is_num(weight(&net, "QAT", "RUS"), 1, 0, "document: RUS-QAT once");
	rg_network_release(&net);
}

static void test_token_windows(void)
{
	/* tokens: Iran(0) w w w w Russia(5) w w w w w w w w w Qatar(15) */
	static const char *const docs[] = {
		"Iran a b c d Russia e f g h i j k l m Qatar", NULL
	};
	rg_network net;
	rg_network_init(&net);
	ok(build(docs, "tokens:5", 0, &net, NULL) == 0, "token windows build");
	is_num(weight(&net, "IRN", "RUS"), 1, 0, "tokens:5: Iran and Russia are 5 apart");
	is_num(weight(&net, "QAT", "RUS"), -1, 0, "tokens:5: Russia and Qatar are 10 apart");
	rg_network_release(&net);
	ok(build(docs, "tokens:10", 0, &net, NULL) == 0, "token windows build");
	is_num(weight(&net, "QAT", "RUS"), 1, 0, "tokens:10: Russia and Qatar pair");
	is_num(weight(&net, "IRN", "QAT"), -1, 0, "tokens:10: Iran and Qatar are 15 apart");
	rg_network_release(&net);
	rg_window w;
	ok(rg_window_parse("tokens:0", &w) == RG_EINPUT, "tokens:0 is rejected");
	ok(rg_window_parse("words", &w) == RG_EINPUT, "an unknown window is rejected");
}

static void test_docs_and_evidence(void)
{
	static const char *const docs[] = {
		"Iran and Russia. Iran and Russia again.",
		"Russia and Iran.",
		"Baku and Tehran welcomed Qatar.",
		NULL
	};
	rg_network net;
	rg_cooc *c = NULL;
	rg_network_init(&net);
	ok(build(docs, "sentence", 2, &net, &c) == 0, "a three-document corpus builds");
	is_num(weight(&net, "IRN", "RUS"), 3, 0, "three sentences pair Iran and Russia");
	for (size_t e = 0; e < net.n_edges; e++)
		if (weight(&net, "IRN", "RUS") == net.edges[e].weight)
			is_int(net.edges[e].docs, 2, "in two documents");
	is_int(net.n_docs, 3, "three documents");
	is_str(net.first_date, "2024-01-01", "the corpus span");
	/* places are mentions but not nodes by default */
	int has_place = 0;
	for (size_t i = 0; i < net.n_nodes; i++)
		has_place |= net.nodes[i].type == RG_TYPE_PLACE;
	ok(!has_place, "places are not nodes by default");
	long iran = rg_lexicon_find(lex, "IRN"), russia = rg_lexicon_find(lex, "RUS");
	size_t n;
	const rg_evidence *ev = rg_cooc_evidence(c, (size_t)iran, (size_t)russia, &n);
	is_int(n, 2, "evidence is capped at 2 per edge");
	is_str(n ? ev[0].text : NULL, "Iran and Russia. ", "the first evidence is the sentence");
	is_int(n ? ev[0].doc : 9, 0, "from the first document");
	is_str(rg_cooc_doc_id(c, n ? ev[0].doc : 0), docs[0], "its document id");
	rg_network_release(&net);
	rg_cooc_free(c);
}

int main(void)
{
	if (rg_lexicon_open(&lex, RG_DATADIR, NULL, 0, NULL) != RG_OK) {
		ok(0, "the project's dictionaries load");
		return tap_done();
	}
	test_windows();
	test_token_windows();
	test_docs_and_evidence();
	rg_lexicon_free(lex);
	return tap_done();
}
