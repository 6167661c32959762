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
			for (size_t k = 0; k < an.n_formats && k < i; k++)
				(void)k;
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
