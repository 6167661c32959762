/*
 * test_edgeset.c - edge sets (partial edge tables) against values worked
 * out by hand from two small tables written here: sums across tables,
 * every filter (--lang, --since, --until, --types), the periods, the
 * formats, a write/read round trip with escaped names, refusals of
 * questions finer than the slices, and bad rows.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "relgraph.h"
#include "tap.h"

#define HDR RG_EDGETABLE_MAGIC "\twindow=sentence\ttypes=country,person,org\tslice=day\n"
#define NO_NAMES "\t\t\t\t\t"

/* Two documents of 2024-02-01 (en) and one of 2024-03-15 (fa). */
static const char t1[] =
	HDR
	"actor\tAZE\tcountry\tTab\\there \\\\ new\\nline" NO_NAMES "\n"
	"actor\teu\torg\tEuropean Union" NO_NAMES "\n"
	"actor\tTUR\tcountry\tTurkey" NO_NAMES "\n"
	"slice\t2024-02-01\ten\t2\t4\tcountry=1,country+org=3\n"
	"node\tAZE\t3\t2\t3\n"
	"node\teu\t2\t1\t3\n"
	"edge\tAZE\teu\t3\t1\n"
	"slice\t2024-03-15\tfa\t1\t2\tcountry=2\n"
	"node\tAZE\t1\t1\t1\n"
	"node\tTUR\t1\t1\t1\n"
	"edge\tAZE\tTUR\t1\t1\n"
	"format\tAZE-IRN-TUR\t2\t1\t1\t1\t0\t0\t-\n";

/* One more document of 2024-02-01 (en) and an undated one. */
static const char t2[] =
	HDR
	"actor\tAZE\tcountry\tAzerbaijan" NO_NAMES "\n"
	"actor\teu\torg\t" NO_NAMES "\n"
	"actor\tTUR\tcountry\t" NO_NAMES "\n"
	"slice\t2024-02-01\ten\t1\t1\tcountry+org=1\n"
	"node\tAZE\t1\t1\t1\n"
	"node\teu\t1\t1\t1\n"
	"edge\tAZE\teu\t1\t1\n"
	"slice\t-\t-\t1\t1\tcountry=1\n"
	"node\tTUR\t2\t1\t1\n";

static const char *put(const char *text, int k)
{
	static char path[8][64];
	snprintf(path[k], sizeof path[k], "/tmp/rg_test_edgeset_%d_%d", (int)getpid(), k);
	FILE *f = fopen(path[k], "w");
	fputs(text, f);
	fclose(f);
	return path[k];
}

static long node_of(const rg_network *net, const char *id)
{
	for (size_t i = 0; i < net->n_nodes; i++)
		if (!strcmp(net->nodes[i].id, id))
			return (long)i;
	return -1;
}

static const rg_edge *edge_of(const rg_network *net, const char *x, const char *y)
{
	long a = node_of(net, x), b = node_of(net, y);
	for (size_t i = 0; a >= 0 && b >= 0 && i < net->n_edges; i++)
		if ((net->edges[i].a == (size_t)a && net->edges[i].b == (size_t)b) ||
		    (net->edges[i].a == (size_t)b && net->edges[i].b == (size_t)a))
			return &net->edges[i];
	return NULL;
}

static void test_sums(rg_edgeset *s)
{
	rg_network net;
	rg_network_init(&net);
	ok(rg_edgeset_network(s, NULL, &net) == RG_OK, "network of every slice");
	is_int(net.n_docs, 5, "documents 2 + 1 + 1 + 1");
	is_int(net.n_windows, 8, "windows 4 + 2 + 1 + 1");
	is_str(net.first_date, "2024-02-01", "corpus first date");
	is_str(net.last_date, "2024-03-15", "corpus last date");
	is_int(net.n_nodes, 3, "three actors");
	ok(!strcmp(net.nodes[0].id, "AZE") && !strcmp(net.nodes[1].id, "TUR") &&
	   !strcmp(net.nodes[2].id, "eu"), "nodes sorted by id (byte order)");
	is_int(net.nodes[0].mentions, 5, "AZE mentions 3 + 1 + 1");
	is_int(net.nodes[0].docs, 4, "AZE documents 2 + 1 + 1");
	is_int(net.nodes[0].windows, 5, "AZE windows 3 + 1 + 1");
	is_int(net.nodes[1].mentions, 3, "TUR mentions 1 + 2 (one undated)");
	is_int(net.nodes[2].windows, 4, "eu windows 3 + 1");
	is_str(net.nodes[0].names[RG_LANG_EN], "Tab\there \\ new\nline",
	       "the first table's name, unescaped");
	is_int(net.nodes[2].type, RG_TYPE_ORG, "eu is an organisation");
	is_int(net.n_edges, 2, "two ties");
	const rg_edge *e = edge_of(&net, "AZE", "eu");
	ok(e && e->windows == 4 && e->docs == 2, "AZE-eu: windows 3 + 1, documents 1 + 1");
	ok(e && !strcmp(e->first_date, "2024-02-01") && !strcmp(e->last_date, "2024-02-01"),
	   "AZE-eu dated by its slice");
	e = edge_of(&net, "AZE", "TUR");
	ok(e && e->windows == 1 && !strcmp(e->first_date, "2024-03-15"), "AZE-TUR");
	rg_network_release(&net);
}

static void test_filters(rg_edgeset *s)
{
	rg_slice_filter f;
	rg_network net;
	rg_network_init(&net);

	rg_slice_filter_init(&f);
	f.lang = rg_lang_parse("fa");
	ok(rg_edgeset_network(s, &f, &net) == RG_OK, "--lang fa");
	ok(net.n_docs == 1 && net.n_windows == 2 && net.n_nodes == 2 && net.n_edges == 1,
	   "--lang fa: the one Persian document, AZE-TUR");

	rg_slice_filter_init(&f);
	f.until = "2024-02";
	ok(rg_edgeset_network(s, &f, &net) == RG_OK, "--until 2024-02");
	ok(net.n_docs == 3 && net.n_windows == 5, "--until 2024-02: three documents, 4 + 1 windows");
	ok(node_of(&net, "AZE") == 0 && net.nodes[0].mentions == 4, "AZE mentions 3 + 1");
	ok(node_of(&net, "TUR") < 0, "TUR only in later and undated documents");

	rg_slice_filter_init(&f);
	f.since = "2024-03-15";
	ok(rg_edgeset_network(s, &f, &net) == RG_OK && net.n_docs == 1,
	   "--since a day: the undated document is left out");

	rg_slice_filter_init(&f);
	f.types = 1u << RG_TYPE_ORG;
	ok(rg_edgeset_network(s, &f, &net) == RG_OK, "--types org");
	ok(net.n_nodes == 1 && net.n_edges == 0 && net.n_windows == 4,
	   "--types org: eu alone, the 3 + 1 windows naming an organisation");

	rg_slice_filter_init(&f);
	f.types = 1u << RG_TYPE_PLACE;
	ok(rg_edgeset_check(s, &f) != NULL, "types the table did not count are refused");
	ok(rg_edgeset_network(s, &f, &net) == RG_EINPUT, "... by the network too");
	rg_network_release(&net);
}

static void test_periods(rg_edgeset *s)
{
	char (*keys)[9] = NULL;
	size_t n;
	long undated;
	rg_slice_filter f;
	rg_network net;

	ok(rg_edgeset_periods(s, NULL, RG_PERIOD_MONTH, &keys, &n, &undated) == RG_OK, "months");
	ok(n == 2 && !strcmp(keys[0], "2024-02") && !strcmp(keys[1], "2024-03"),
	   "two months, in order");
	is_int(undated, 1, "one undated document");
	free(keys);
	ok(rg_edgeset_periods(s, NULL, RG_PERIOD_QUARTER, &keys, &n, &undated) == RG_OK &&
	   n == 1 && !strcmp(keys[0], "2024-Q1"), "one quarter");
	free(keys);
	rg_network_init(&net);
	rg_slice_filter_init(&f);
	f.period = RG_PERIOD_MONTH;
	f.period_key = "2024-03";
	ok(rg_edgeset_network(s, &f, &net) == RG_OK && net.n_docs == 1 && net.n_edges == 1,
	   "the network of March");
	rg_network_release(&net);
}

static void test_formats(rg_edgeset *s)
{
	rg_lexicon *lex = NULL;
	rg_formatstats *fs = NULL;
	long unknown = -1;
	if (rg_lexicon_open(&lex, RG_DATADIR, NULL, 0, NULL) != RG_OK) {
		ok(0, "lexicon");
		return;
	}
	ok(rg_formatstats_new(&fs, lex, RG_PERIOD_QUARTER) == RG_OK, "formats accumulator");
	ok(rg_edgeset_formats(s, NULL, lex, fs, &unknown) == RG_OK && unknown == 0, "formats");
	is_int(rg_formatstats_count(fs), 1, "one format");
	const rg_format_stat *f = rg_formatstats_get(fs, 0);
	is_str(f->key, "AZE-IRN-TUR", "its members");
	ok(f->mentions == 2 && f->docs == 1 && f->by_rule[0] == 1 && f->by_rule[1] == 1,
	   "two detections (a chain, a list) in one document");
	is_str(f->first_date, "2024-03-15", "dated by its slice");
	ok(f->n_periods == 1 && !strcmp(f->periods[0].period, "2024-Q1") &&
	   f->periods[0].mentions == 2, "its quarter");
	ok(f->name == NULL, "never named");
	rg_formatstats_free(fs);
	rg_lexicon_free(lex);
}

static void test_round_trip(rg_edgeset *s)
{
	char path[64], *a = NULL, *b = NULL;
	size_t na = 0, nb = 0;
	rg_edgeset *back = NULL;
	snprintf(path, sizeof path, "/tmp/rg_test_edgeset_%d_out", (int)getpid());
	FILE *f = open_memstream(&a, &na);
	ok(rg_edgeset_write(s, f) == RG_OK, "write");
	fclose(f);
	f = fopen(path, "w");
	fputs(a, f);
	fclose(f);
	ok(rg_edgeset_read(&back, path, NULL) == RG_OK, "read what was written");
	f = open_memstream(&b, &nb);
	rg_edgeset_write(back, f);
	fclose(f);
	ok(na == nb && !memcmp(a, b, na), "written again, byte for byte");
	ok(strstr(a, "actor\tAZE\tcountry\tTab\\there \\\\ new\\nline\t") != NULL,
	   "tabs, backslashes and newlines escaped");
	ok(strstr(a, "slice\t-\t-\t1\t1\tcountry=1\n") != NULL &&
	   strstr(a, "slice\t-\t-") < strstr(a, "slice\t2024-02-01\ten"),
	   "undated slice first, windows by types");
	ok(strstr(a, "slice\t2024-02-01\ten\t3\t5\tcountry=1,country+org=4\n") != NULL,
	   "the two tables' 2024-02-01 slices summed");
	unlink(path);
	free(a);
	free(b);
	rg_edgeset_free(back);
}

static void test_refusals(void)
{
	rg_edgeset *s = NULL;
	rg_slice_filter f;
	const char *p;

	p = put(RG_EDGETABLE_MAGIC "\twindow=sentence\ttypes=country\tslice=month\n"
		"actor\tAZE\tcountry" NO_NAMES "\t\n"
		"slice\t2024-02\t-\t1\t0\t-\nnode\tAZE\t1\t1\t0\n", 2);
	ok(rg_edgeset_read(&s, p, NULL) == RG_OK, "a table sliced by month");
	rg_slice_filter_init(&f);
	f.since = "2024-02";
	ok(rg_edgeset_check(s, &f) == NULL, "a month bound on months is answered");
	f.since = "2024-02-10";
	ok(rg_edgeset_check(s, &f) != NULL, "a day bound on months is refused");
	ok(rg_edgeset_read(&s, put(t1, 3), NULL) == RG_EINPUT,
	   "a table of other types and slices is not summed in");
	rg_edgeset_free(s);

	static const char *const bad[] = {
		"#relgraph-edges v1\twindow=sentence\n",
		HDR "actor\tAZE\tcountry" NO_NAMES "\t\nnode\tAZE\t1\t1\t1\n",
		HDR "slice\t2024-01-01\ten\t1\t1\tcountry=1\nnode\tIRN\t1\t1\t1\n",
		HDR "actor\tAZE\tcountry" NO_NAMES "\t\n"
		    "slice\t2024-01-01\ten\t1\t2\tcountry=1\n",
		HDR "actor\tAZE\tcountry" NO_NAMES "\t\n"
		    "slice\t2024-01\ten\t1\t1\tcountry=1\n",
		HDR "actor\tAZE\tcountry" NO_NAMES "\t\n"
		    "slice\t2024-01-01\ten\t1\t1\tcountry=1\nedge\tAZE\tAZE\t1\t1\n",
		HDR "bogus\trow\n",
	};
	static const char *const why[] = {
		"a first-version table", "a node before any slice", "an undeclared actor",
		"windows by types that do not add up", "a month date in a day table",
		"a self-tie", "an unknown row kind",
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		char name[96];
		s = NULL;
		snprintf(name, sizeof name, "refused: %s", why[i]);
		ok(rg_edgeset_read(&s, put(bad[i], 4), NULL) == RG_EINPUT, name);
		rg_edgeset_free(s);
	}
	s = NULL;
	ok(rg_edgeset_read(&s, "/nonexistent/table", NULL) == RG_EIO, "a missing file");
	ok(rg_edgetable_sniff(put(t1, 5)) == 1, "sniff a table");
	ok(rg_edgetable_sniff("/etc/hostname") == 0, "sniff a text file");
	for (int k = 2; k <= 5; k++) {
		char path[64];
		snprintf(path, sizeof path, "/tmp/rg_test_edgeset_%d_%d", (int)getpid(), k);
		unlink(path);
	}
}

/*
 * A table of 4,000 slices and 92,000 rows, written on one thread, on three
 * (three runs of about 32,768 rows: one round) and on two (two rounds):
 * the same bytes, which are also the bytes read.
 */
static void test_write_jobs(void)
{
	static const char *ids[] = { "AZE", "IRN", "RUS", "TUR", "UN", "person:x" };
	char *text = NULL, *one = NULL, *three = NULL;
	size_t len = 0, n1 = 0, n3 = 0;
	FILE *f = open_memstream(&text, &len);
	rg_edgeset *s = NULL;
	fputs(HDR, f);
	for (int a = 0; a < 6; a++)
		fprintf(f, "actor\t%s\t%s" NO_NAMES "\t\n", ids[a], a < 4 ? "country" :
			a == 4 ? "org" : "person");
	for (int d = 0; d < 4000; d++) {
		fprintf(f, "slice\t%04d-%02d-%02d\t%s\t3\t9\tcountry=9\n", 2000 + d / 336,
			1 + d / 28 % 12, 1 + d % 28, d % 2 ? "fa" : "en");
		for (int a = 0; a < 6; a++)
			fprintf(f, "node\t%s\t%d\t1\t%d\n", ids[a], 1 + (d + a) % 7, 1 + a);
		for (int a = 0; a < 6; a++)
			for (int b = a + 1; b < 6; b++)
				fprintf(f, "edge\t%s\t%s\t%d\t1\n", ids[a], ids[b], 1 + (d * a + b) % 5);
		fprintf(f, "format\tAZE-IRN-TUR\t1\t1\t1\t0\t0\t0\t-\n");
	}
	fclose(f);
	ok(rg_edgeset_read(&s, put(text, 7), NULL) == RG_OK, "a table of 4,000 slices");
	f = open_memstream(&one, &n1);
	ok(s && rg_edgeset_write_jobs(s, f, 1) == RG_OK, "written on one thread");
	fclose(f);
	f = open_memstream(&three, &n3);
	ok(s && rg_edgeset_write_jobs(s, f, 3) == RG_OK, "written on three threads");
	fclose(f);
	ok(n1 == n3 && n1 && memcmp(one, three, n1) == 0, "the same bytes on three threads");
	free(three);
	three = NULL;
	f = open_memstream(&three, &n3);
	ok(s && rg_edgeset_write_jobs(s, f, 2) == RG_OK, "written on two threads (two rounds)");
	fclose(f);
	ok(n1 == n3 && n1 && memcmp(one, three, n1) == 0, "the same bytes on two threads");
	ok(n1 == len && memcmp(one, text, len) == 0, "the bytes read, in their sorted order");
	rg_edgeset_free(s);
	free(text);
	free(one);
	free(three);
	char path[64];
	snprintf(path, sizeof path, "/tmp/rg_test_edgeset_%d_7", (int)getpid());
	unlink(path);
}

/* 2,200,000 rows of one tie and as many of one actor: appended, compacted
 * at 2^20 and 2^21 rows (so the set holds far less than the 88 MB of its
 * rows), summed. */
static void test_many_rows(void)
{
	char *text = NULL, *out = NULL;
	size_t len = 0, n_out = 0;
	FILE *f = open_memstream(&text, &len);
	rg_edgeset *s = NULL;
	rg_network net;
	fputs(HDR "actor\tAZE\tcountry" NO_NAMES "\t\nactor\tTUR\tcountry" NO_NAMES "\t\n"
	      "slice\t2024-01-01\ten\t1\t2200000\tcountry=2200000\n"
	      "node\tTUR\t2200000\t1\t2200000\n", f);
	for (int i = 0; i < 2200000; i++)
		fputs("node\tAZE\t1\t0\t1\n", f);
	for (int i = 0; i < 2200000; i++)
		fputs(i % 2 ? "edge\tAZE\tTUR\t1\t1\n" : "edge\tTUR\tAZE\t1\t1\n", f);
	fclose(f);
	ok(rg_edgeset_read(&s, put(text, 6), NULL) == RG_OK,
	   "a table of 2,200,000 rows of one tie and as many of one actor");
	ok(s && rg_edgeset_memory(s) < ((size_t)16 << 20),
	   "compacted on the way: under 16 MB for 88 MB of rows");
	rg_network_init(&net);
	ok(s && rg_edgeset_network(s, NULL, &net) == RG_OK && net.n_edges == 1 &&
	   net.edges[0].windows == 2200000 && net.edges[0].docs == 2200000,
	   "one tie of 2,200,000 windows, whichever order its ids were written in");
	f = open_memstream(&out, &n_out);
	if (s)
		rg_edgeset_write(s, f);
	fclose(f);
	ok(strstr(out, "\nedge\tAZE\tTUR\t2200000\t2200000\n") &&
	   !strstr(strstr(out, "\nedge\t") + 1, "\nedge\t"), "written as one row");
	ok(strstr(out, "\nnode\tAZE\t2200000\t0\t2200000\nnode\tTUR\t") != NULL,
	   "the actor's 2,200,000 rows written as one, summed");
	rg_network_release(&net);
	rg_edgeset_free(s);
	free(text);
	free(out);
	char path[64];
	snprintf(path, sizeof path, "/tmp/rg_test_edgeset_%d_6", (int)getpid());
	unlink(path);
}

int main(void)
{
	rg_edgeset *s = NULL;
	const char *p1 = put(t1, 0), *p2 = put(t2, 1);
	ok(rg_edgeset_read(&s, p1, NULL) == RG_OK, "read table 1");
	ok(rg_edgeset_read(&s, p2, NULL) == RG_OK, "sum table 2 into it");
	if (s) {
		is_int(rg_edgeset_doc_count(s), 5, "documents");
		test_sums(s);
		test_filters(s);
		test_periods(s);
		test_formats(s);
		test_round_trip(s);
	}
	rg_edgeset_free(s);
	test_refusals();
	test_many_rows();
	test_write_jobs();
	unlink(p1);
	unlink(p2);
	return tap_done();
}
