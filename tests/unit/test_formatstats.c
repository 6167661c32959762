/*
 * test_formatstats.c - multilateral formats: each detection rule of
 * formats.c (chain, cued list, name) in each of the six languages, with a
 * passage that is a format and one that is not (all written for this test);
 * then the corpus accumulator of formatstats.c, spec parsing, Jaccard, the
 * hub and the graph ties, on a four-document corpus whose numbers are
 * worked out by hand in the comments (the same corpus as
 * tests/fixtures/formats, checked end to end by tests/cli/formats_tsv).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "relgraph.h"
#include "tap.h"

static const char *data_dir(void)
{
	const char *d = getenv("RELGRAPH_DATA");
	return d && *d ? d : "data";
}

/* ---- detection ------------------------------------------------------------ */

static const struct {
	int lang;
	const char *rule;  /* the rule that must find it */
	const char *want;  /* member ids joined by '-', "" when no format */
	const char *text;
} passages[] = {
	{ RG_LANG_EN, "chain", "AZE-GEO-TUR",
	  "Officials from the Azerbaijan–Georgia–Turkey format gathered in Kars." },
	{ RG_LANG_EN, "chain", "",
	  "Russia-Azerbaijan relations were discussed on Monday." },
	{ RG_LANG_EN, "list", "AZE-PAK-TUR",
	  "Pakistan, Azerbaijan and Turkey held a tripartite summit in Islamabad." },
	{ RG_LANG_EN, "list", "",
	  "Ministers from Pakistan, Azerbaijan and Turkey attended the forum with many others." },
	{ RG_LANG_EN, "named", "AZE-IRN-KAZ-RUS-TKM",
	  "The Caspian Five will meet in Tehran next year." },
	{ RG_LANG_EN, "named", "",
	  "The Caspian Sea level fell again this summer." },
	{ RG_LANG_FA, "chain", "AZE-IRN-TUR",
	  "نشست «ایران ترکیه جمهوری آذربایجان» در تهران برگزار شد." },
	{ RG_LANG_FA, "chain", "",
	  "روابط ایران و روسیه گسترش می‌یابد." },
	{ RG_LANG_FA, "list", "AZE-IRN-TUR",
	  "نشست سه جانبه ایران، ترکیه و جمهوری آذربایجان در باکو برگزار شد." },
	{ RG_LANG_FA, "list", "",
	  "سفیران ایران، ترکیه و جمهوری آذربایجان در این مراسم حضور داشتند." },
	{ RG_LANG_FA, "named", "AZE-IRN-KAZ-RUS-TKM",
	  "نمایندگان کشورهای ساحلی خزر در مسکو دیدار کردند." },
	{ RG_LANG_FA, "named", "",
	  "کشورهای حاشیه خزر از گرمای هوا آسیب دیدند." },
	{ RG_LANG_AR, "chain", "AZE-PAK-TUR",
	  "ناقش الوزراء صيغة أذربيجان-تركيا-باكستان للتعاون الدفاعي." },
	{ RG_LANG_AR, "chain", "",
	  "تطورت علاقات قطر-تركيا خلال العام." },
	{ RG_LANG_AR, "list", "IRN-RUS-TUR",
	  "عقد اجتماع ثلاثي بين إيران وروسيا وتركيا في طهران." },
	{ RG_LANG_AR, "list", "",
	  "شهدت إيران وروسيا وتركيا موجة حر هذا الصيف." },
	{ RG_LANG_AR, "named", "AZE-IRN-KAZ-RUS-TKM",
	  "اجتمع ممثلو الدول المطلة على بحر قزوين في باكو." },
	{ RG_LANG_AR, "named", "",
	  "ارتفع منسوب المياه في بحر قزوين." },
	{ RG_LANG_AZ, "chain", "AZE-PAK-TUR",
	  "Azərbaycan-Türkiyə-Pakistan formatında görüş keçirilib." },
	{ RG_LANG_AZ, "chain", "",
	  "Rusiya-Azərbaycan münasibətləri müzakirə olunub." },
	{ RG_LANG_AZ, "list", "AZE-GEO-TUR",
	  "Azərbaycan, Türkiyə və Gürcüstan arasında üçtərəfli görüş keçirilib." },
	{ RG_LANG_AZ, "list", "",
	  "Azərbaycan, Türkiyə və Gürcüstan nümayəndələri sərgidə iştirak ediblər." },
	{ RG_LANG_AZ, "named", "AZE-IRN-KAZ-RUS-TKM",
	  "Xəzəryanı dövlətlərin nümayəndələri Bakıda toplaşıb." },
	{ RG_LANG_AZ, "named", "",
	  "Xəzər dənizində balıq ovu qadağan edilib." },
	{ RG_LANG_RU, "chain", "AZE-IRN-TUR",
	  "Встреча в формате Азербайджан–Турция–Иран прошла в Баку." },
	{ RG_LANG_RU, "chain", "",
	  "Российско-азербайджанские отношения обсуждались в Москве." },
	{ RG_LANG_RU, "list", "IRN-RUS-TUR",
	  "Трехсторонняя встреча России, Ирана и Турции состоялась в Тегеране." },
	{ RG_LANG_RU, "list", "",
	  "Делегации России, Ирана и Турции посетили выставку." },
	{ RG_LANG_RU, "named", "AZE-IRN-KAZ-RUS-TKM",
	  "Представители прикаспийских государств встретятся в Москве." },
	{ RG_LANG_RU, "named", "",
	  "Уровень Каспийского моря снизился." },
	{ RG_LANG_TR, "chain", "AZE-GEO-TUR",
	  "Türkiye-Azerbaycan-Gürcistan toplantısı Kars'ta yapıldı." },
	{ RG_LANG_TR, "chain", "",
	  "Türkiye-Azerbaycan ilişkileri ele alındı." },
	{ RG_LANG_TR, "list", "AZE-PAK-TUR",
	  "Türkiye, Azerbaycan ve Pakistan arasında üçlü zirve düzenlendi." },
	{ RG_LANG_TR, "list", "",
	  "Türkiye, Azerbaycan ve Pakistan heyetleri fuara katıldı." },
	{ RG_LANG_TR, "named", "IRN-RUS-TUR",
	  "Astana süreci kapsamında yeni bir toplantı yapılacak." },
	{ RG_LANG_TR, "named", "",
	  "Astana'da kar yağışı etkili oldu." },
};

/* The formats of `text` as "AZE-IRN-TUR" keys joined by ' ', and their rules. */
static void formats_of(const rg_lexicon *lex, int lang, const char *text, char *keys,
		       size_t kn, char *rules, size_t rn)
{
	rg_analysis an;
	rg_doc doc = { "p", text, strlen(text), NULL, lang };
	keys[0] = rules[0] = '\0';
	rg_analysis_init(&an);
	if (rg_analyze(lex, &doc, &an, NULL) == RG_OK)
		for (size_t i = 0; i < an.n_formats; i++) {
			size_t used = strlen(keys);
			/* members are lexicon indices: print them as ids, sorted by id */
			const char *ids[16];
			size_t n = an.formats[i].n_members < 16 ? an.formats[i].n_members : 16;
			for (size_t k = 0; k < n; k++)
				ids[k] = rg_lexicon_actor(lex, an.formats[i].members[k])->id;
			for (size_t a = 1; a < n; a++)
				for (size_t b = a; b > 0 && strcmp(ids[b - 1], ids[b]) > 0; b--) {
					const char *t = ids[b];
					ids[b] = ids[b - 1];
					ids[b - 1] = t;
				}
			snprintf(keys + used, kn - used, "%s", used ? " " : "");
			for (size_t k = 0; k < n; k++) {
				used = strlen(keys);
				snprintf(keys + used, kn - used, "%s%s", k ? "-" : "", ids[k]);
			}
			used = strlen(rules);
			snprintf(rules + used, rn - used, "%s%s", used ? " " : "", an.formats[i].rule);
		}
	rg_analysis_release(&an);
}

static void test_detection(const rg_lexicon *lex)
{
	for (size_t i = 0; i < sizeof passages / sizeof *passages; i++) {
		char keys[256], rules[64], name[160];
		formats_of(lex, passages[i].lang, passages[i].text, keys, sizeof keys, rules,
			   sizeof rules);
		snprintf(name, sizeof name, "%s %s %s: %.50s", rg_lang_code(passages[i].lang),
			 passages[i].rule, passages[i].want[0] ? "positive" : "negative",
			 passages[i].text);
		is_str(keys, passages[i].want, name);
		if (passages[i].want[0])
			is_str(rules, passages[i].rule, "  ... found by that rule");
	}
}

/* ---- the accumulator on a hand-checked corpus ------------------------------ */

/*
 * Four documents (tests/fixtures/formats).  Sentence windows give these
 * co-mention weights (counted by hand, one per sentence naming both):
 *   AZE-TUR 5 (a2 a3 b2 c2 c3)  AZE-GEO 4 (a4 b2 c3 c4)  IRN-TUR 3 (a2 b4 c2)
 *   AZE-IRN 2 (a2 c2)  GEO-TUR 2 (b2 c3)  AZE-RUS, GEO-RUS 1 (a4)
 *   IRN-RUS, IRN-KAZ, IRN-TKM, KAZ-RUS, KAZ-TKM, RUS-TKM 1 (d2)
 * so strength AZE 12, TUR 10, IRN 8, GEO 7, RUS 5, KAZ 3, TKM 3.  The
 * formats: AZE-IRN-TUR (a2 chain, c2 chain), AZE-GEO-TUR (b2 list, c3
 * chain), 3+3 (b3 named), the Caspian five (d1 named, undated).  The plain
 * lists a4 and d2 have no cue and are no format.
 */
static const char *const corpus[][2] = {
	{ "a", "10 January 2024\nThe Azerbaijan-Turkey-Iran trilateral met in Baku.\n"
	       "Azerbaijan and Turkey signed a transit deal.\n"
	       "Azerbaijan, Georgia and Russia were also named in the report.\n" },
	{ "b", "20 May 2024\nA trilateral meeting of Azerbaijan, Georgia and Turkey took "
	       "place in Tbilisi.\nDelegations of the 3+3 format met the next day.\n"
	       "Iran and Turkey welcomed the talks.\n" },
	{ "c", "2 July 2024\nAzerbaijan-Turkey-Iran consultations continued in Tehran.\n"
	       "The Azerbaijan-Georgia-Turkey trilateral will meet again.\n"
	       "Azerbaijan and Georgia opened a new border post.\n" },
	{ "d", "The Caspian littoral states met in Aktau.\n"
	       "Russia, Kazakhstan and Turkmenistan are neighbours of Iran.\n" },
};

/* Reads the corpus into fs and (when not NULL) a sentence co-mention graph. */
static int load(const rg_lexicon *lex, rg_formatstats *fs, rg_cooc *c)
{
	rg_analysis an;
	int bad = 0;
	rg_analysis_init(&an);
	for (size_t i = 0; i < sizeof corpus / sizeof *corpus; i++) {
		rg_doc d = { corpus[i][0], corpus[i][1], strlen(corpus[i][1]), NULL, RG_LANG_EN };
		bad |= rg_analyze(lex, &d, &an, NULL) != RG_OK;
		bad |= rg_formatstats_add(fs, &d, &an) != RG_OK;
		if (c)
			bad |= rg_cooc_add(c, &d, &an) != RG_OK;
	}
	rg_analysis_release(&an);
	return bad;
}

static void test_accumulator(const rg_lexicon *lex)
{
	rg_formatstats *fs = NULL;
	rg_cooc *c = NULL;
	rg_network net;
	rg_metrics m;
	rg_window w = { RG_WINDOW_SENTENCE, 0 };
	rg_format_links l;
	size_t n;

	rg_network_init(&net);
	rg_metrics_init(&m);
	ok(rg_formatstats_new(&fs, lex, RG_PERIOD_QUARTER) == RG_OK && fs, "new accumulator");
	ok(rg_cooc_new(&c, lex, w, 0) == RG_OK, "new co-mention graph");
	ok(!load(lex, fs, c), "corpus analysed and added");
	is_int(rg_formatstats_count(fs), 4, "four distinct formats");

	/* sorted by mentions, docs, key: the two trilaterals tie at 2/2 */
	const rg_format_stat *f = rg_formatstats_get(fs, 0);
	is_str(f->key, "AZE-GEO-TUR", "first: AZE-GEO-TUR (key breaks the tie)");
	is_int(f->mentions, 2, "AZE-GEO-TUR mentions");
	is_int(f->docs, 2, "AZE-GEO-TUR documents");
	is_str(f->first_date, "2024-05-20", "AZE-GEO-TUR first date");
	is_str(f->last_date, "2024-07-02", "AZE-GEO-TUR last date");
	ok(f->by_rule[0] == 1 && f->by_rule[1] == 1 && f->by_rule[2] == 0,
	   "AZE-GEO-TUR: one chain, one list");
	ok(f->name == NULL, "AZE-GEO-TUR has no name");
	is_int(f->n_periods, 2, "AZE-GEO-TUR active in two quarters");
	if (f->n_periods == 2) {
		is_str(f->periods[0].period, "2024-Q2", "... 2024-Q2");
		is_str(f->periods[1].period, "2024-Q3", "... 2024-Q3");
		ok(f->periods[0].mentions == 1 && f->periods[0].docs == 1, "... once each");
	}
	f = rg_formatstats_get(fs, 1);
	is_str(f->key, "AZE-IRN-TUR", "second: AZE-IRN-TUR");
	is_int(f->by_rule[0], 2, "AZE-IRN-TUR: two chains");
	is_str(f->first_date, "2024-01-10", "AZE-IRN-TUR first date");
	f = rg_formatstats_get(fs, 2);
	is_str(f->key, "ARM-AZE-GEO-IRN-RUS-TUR", "third: 3+3 with its dictionary members");
	is_str(f->name, "three-plus-three", "3+3 named");
	is_int(f->by_rule[2], 1, "3+3 found by name");
	f = rg_formatstats_get(fs, 3);
	is_str(f->key, "AZE-IRN-KAZ-RUS-TKM", "fourth: the Caspian five");
	ok(f->first_date[0] == '\0' && f->n_periods == 0, "undated: no dates, no periods");

	/* Jaccard: |A n B| / |A u B| */
	is_num(rg_format_jaccard(rg_formatstats_get(fs, 0), rg_formatstats_get(fs, 1)),
	       2.0 / 4, 1e-12, "Jaccard AZE-GEO-TUR / AZE-IRN-TUR = 2/4");
	is_num(rg_format_jaccard(rg_formatstats_get(fs, 0), rg_formatstats_get(fs, 3)),
	       1.0 / 7, 1e-12, "Jaccard AZE-GEO-TUR / Caspian five = 1/7");
	is_num(rg_format_jaccard(rg_formatstats_get(fs, 2), rg_formatstats_get(fs, 3)),
	       3.0 / 8, 1e-12, "Jaccard 3+3 / Caspian five = 3/8");
	size_t hub = rg_formatstats_hub(fs, &n);
	is_str(hub != RG_NO_ACTOR ? rg_lexicon_actor(lex, hub)->id : "-", "AZE",
	       "hub: Azerbaijan");
	is_int(n, 4, "... in all four formats");

	/* ties in the graph */
	ok(rg_cooc_network(c, &net) == RG_OK && rg_metrics_compute(&net, &m) == RG_OK,
	   "graph and metrics");
	rg_format_links_compute(rg_formatstats_get(fs, 0), &net, &m, &l);
	is_num(l.w_min, 2, 1e-12, "AZE-GEO-TUR: min weight 2 (GEO-TUR)");
	is_num(l.w_mean, 11.0 / 3, 1e-12, "AZE-GEO-TUR: mean (4+5+2)/3");
	is_num(l.intensity, cbrt(40.0), 1e-12, "AZE-GEO-TUR: intensity (4*5*2)^(1/3)");
	is_num(l.strength[0], 12, 1e-12, "strength of AZE 5+2+4+1");
	is_num(l.strength[1], 7, 1e-12, "strength of GEO 4+1+2");
	/* PageRank by power iteration over the weights above, outside relgraph */
	is_num(l.pagerank[0], 0.22332, 1e-4, "PageRank of AZE");
	rg_format_links_compute(rg_formatstats_get(fs, 1), &net, &m, &l);
	is_num(l.intensity, cbrt(30.0), 1e-12, "AZE-IRN-TUR: intensity (2*5*3)^(1/3)");
	rg_format_links_compute(rg_formatstats_get(fs, 2), &net, &m, &l);
	is_num(l.w_min, 0, 1e-12, "3+3: Armenia is never named, min 0");
	is_num(l.w_mean, 19.0 / 15, 1e-12, "3+3: mean over its 15 pairs 19/15");
	is_int(l.pairs_linked, 8, "3+3: 8 of 15 pairs linked");
	ok(isnan(l.intensity), "3+3: no triangle intensity");

	/* a format asked for but never found */
	size_t mem[64];
	ok(rg_format_spec_parse(lex, "pak-aze-tur", mem, 64, &n) == RG_OK && n == 3,
	   "spec: lower-case ids in any order");
	ok(rg_formatstats_ensure(fs, mem, n) == RG_OK, "ensure AZE-PAK-TUR");
	is_int(rg_formatstats_count(fs), 5, "now five formats");
	long at = rg_formatstats_find(fs, mem, n);
	is_int(at, 4, "the unmentioned format sorts last");
	if (at >= 0)
		ok(rg_formatstats_get(fs, (size_t)at)->mentions == 0, "... with no mention");
	rg_metrics_release(&m);
	rg_network_release(&net);
	rg_cooc_free(c);
	rg_formatstats_free(fs);

	/* per year */
	ok(rg_formatstats_new(&fs, lex, RG_PERIOD_YEAR) == RG_OK && !load(lex, fs, NULL),
	   "per-year accumulator");
	f = rg_formatstats_get(fs, 1);
	ok(f && f->n_periods == 1 && strcmp(f->periods[0].period, "2024") == 0 &&
	   f->periods[0].mentions == 2 && f->periods[0].docs == 2,
	   "AZE-IRN-TUR: 2024, two mentions in two documents");
	rg_formatstats_free(fs);
}

static void test_specs(const rg_lexicon *lex)
{
	size_t m[64], n;
	ok(rg_format_spec_parse(lex, "caspian-five", m, 64, &n) == RG_OK && n == 5,
	   "spec: a named format's id");
	ok(rg_format_spec_parse(lex, "3+3", m, 64, &n) == RG_OK && n == 6, "spec: 3+3");
	ok(rg_format_spec_parse(lex, "Astana format", m, 64, &n) == RG_OK && n == 3,
	   "spec: a format's name as text");
	ok(rg_format_spec_parse(lex, "AZE–GEO–TUR", m, 64, &n) == RG_OK && n == 3,
	   "spec: ids joined by en dashes");
	is_int(rg_format_spec_parse(lex, "AZE-TUR", m, 64, &n), RG_EINPUT, "spec: a pair");
	is_int(rg_format_spec_parse(lex, "AZE-AZE-TUR", m, 64, &n), RG_EINPUT,
	       "spec: a repeated member");
	is_int(rg_format_spec_parse(lex, "AZE-XYZ-TUR", m, 64, &n), RG_EINPUT,
	       "spec: an unknown id");
	is_int(rg_format_spec_parse(lex, "", m, 64, &n), RG_EINPUT, "spec: empty");
	is_int(rg_period_parse("quarter"), RG_PERIOD_QUARTER, "period quarter");
	is_int(rg_period_parse("week"), -1, "period week is unknown");
}

static void test_render(const rg_lexicon *lex)
{
	rg_formatstats *fs = NULL;
	char dir[] = "/tmp/rg-formats-XXXXXX", path[64], err[256];
	ok(rg_formatstats_new(&fs, lex, RG_PERIOD_QUARTER) == RG_OK && !load(lex, fs, NULL),
	   "formats for the diagram");
	if (!mkdtemp(dir))
		return;
	snprintf(path, sizeof path, "%s/f.dot", dir);
	is_int(rg_render_formats(fs, lex, NULL, path, err, sizeof err), RG_OK,
	       "formats diagram as DOT");
	FILE *fp = fopen(path, "r");
	char buf[65536];
	size_t len = fp ? fread(buf, 1, sizeof buf - 1, fp) : 0;
	buf[len] = '\0';
	if (fp)
		fclose(fp);
	int edges = 0;
	for (const char *p = buf; (p = strstr(p, " -- ")); p++)
		edges++;
	ok(strstr(buf, "format:AZE-GEO-TUR") && strstr(buf, "country:ARM"),
	   "one node per format and per member");
	is_int(edges, 3 + 3 + 6 + 5, "one link per format member");
	snprintf(path, sizeof path, "%s/f.gif", dir);
	is_int(rg_render_formats(fs, lex, NULL, path, err, sizeof err), RG_EINPUT,
	       "an unknown extension is refused");
	snprintf(path, sizeof path, "%s/f.dot", dir);
	remove(path);
	remove(dir);
	rg_formatstats_free(fs);
}

int main(void)
{
	rg_lexicon *lex = NULL;
	if (rg_lexicon_open(&lex, data_dir(), NULL, 0, NULL) != RG_OK) {
		ok(0, "dictionaries load");
		return tap_done();
	}
	test_detection(lex);
	test_accumulator(lex);
	test_specs(lex);
	test_render(lex);
	rg_lexicon_free(lex);
	return tap_done();
}
