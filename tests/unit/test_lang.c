/*
 * test_lang.c - rg_lang_detect on short sentences of our own in the six
 * languages, on near pairs (tr/az, fa/ar) that only the cues tell apart,
 * and on texts with no letters or ill-formed UTF-8; and random texts of
 * stop words, cue letters, marks, long words and ill-formed bytes, on
 * which rg_lang_detect must answer as rg_lang_detect_ref (ICU asked about
 * every character, every word spelt out).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/utf8.h>

#include "tap.h"
#include "lang.h"

static void check(const char *text, int want, const char *name)
{
	is_int(rg_lang_detect(text, strlen(text), 0), want, name);
}

/* Pieces of the random texts: the cues, their neighbours and the edges. */
static const char *const pieces[] = {
	/* stop words, in both cases */
	"the", "The", "THE", "of", "and", "said", "is", "ve", "VE", "ile",
	"\xc4\xb0LE", "i\xc3\xa7in", "\xc4\xb0\xc3\x87\xc4\xb0N", "de", "ama",
	"v\xc9\x99", "V\xc6\x8f", "il\xc9\x99", "\xc3\xbc\xc3\xa7\xc3\xbcn",
	"t\xc9\x99r\xc9\x99" "find\xc9\x99n", "bildirib",
	"\xd8\xa7\xd8\xb3\xd8\xaa", "\xd8\xa7\xdb\x8c\xd9\x86", "\xd8\xb1\xd8\xa7",
	"\xda\xa9\xd9\x87", "\xd9\x85\xdb\x8c", "\xd9\x81\xd9\x8a",
	"\xd8\xb9\xd9\x84\xd9\x89", "\xd8\xa7\xd9\x84\xd8\xaa\xd9\x8a",
	"\xd9\x88\xd9\x82\xd8\xa7\xd9\x84",
	/* the article: al- and two letters or more, or fewer */
	"\xd8\xa7\xd9\x84\xd9\x82\xd8\xa7", "\xd8\xa7\xd9\x84\xd9\x82",
	"\xd8\xa7\xd9\x84\xd8\xb1\xd9\x8a\xd8\xa7\xd8\xb6",
	/* near misses: same length and first byte, other words */
	"tha", "thy", "oz", "ant", "vi", "\xd9\x81\xd9\x84", "\xd8\xa7\xd8\xb3\xd8\xa8",
	/* cue and plain letters of the three scripts */
	"x", "q", "Q", "\xc3\xa7", "\xc5\x9f", "\xc4\x9f", "\xc4\xb1", "\xc3\xb6",
	"\xc3\x9c", "\xc9\x99", "\xc6\x8f", "\xd9\xbe", "\xda\x86", "\xda\xaf",
	"\xdb\x8c", "\xda\xa9", "\xd9\x8a", "\xd9\x83", "\xd8\xa9", "\xd9\x89",
	"\xd0\x9c", "\xd0\xb8", "\xd1\x8f", "a", "Z", "\xe1\xba\x9e",
	/* tatweel, harakat, a combining accent, ZWNJ, Greek, CJK */
	"\xd9\x80", "\xd9\x8e", "\xcc\x81", "\xe2\x80\x8c", "\xce\xa9", "\xe4\xb8\xad",
	/* letters above the BMP (one with a lower case there), a 4-byte mark */
	"\xf0\x9d\x90\x93", "\xf0\x90\x90\x80", "\xf0\x9d\x85\xa5",
	/* separators, digits, ill-formed bytes */
	" ", " ", " ", ".", ",", "\n", "7", "\xd9\xa3", "\xff", "\x80", "\xd8", "\xe2\x80",
	"\xc0\xaf", "\xc1\xa1", "\xed\xa0\x80",
};

/* A word of k copies of letter l (long words around the 40-byte limit). */
static size_t long_word(char *out, const char *l, int k)
{
	size_t n = 0, m = strlen(l);
	for (int j = 0; j < k; j++, n += m)
		memcpy(out + n, l, m);
	return n;
}

/* Random texts: rg_lang_detect answers as the reference on each. */
static void test_random(void)
{
	const size_t np = sizeof pieces / sizeof *pieces;
	const char *longs[] = { "a", "\xd9\x84", "\xd0\xb4", "\xe4\xb8\xad", "\xc9\x99" };
	char text[1024];
	int bad = 0, runs = 0;
	srand(7);
	for (int r = 0; r < 40000; r++) {
		size_t n = 0;
		int parts = 1 + rand() % 12;
		for (int k = 0; k < parts; k++) {
			if (rand() % 16 == 0) { /* sometimes after the article */
				if (rand() % 2) {
					memcpy(text + n, "\xd8\xa7\xd9\x84", 4);
					n += 4;
				}
				n += long_word(text + n, longs[rand() % 5], 8 + rand() % 40);
				continue;
			}
			const char *p = pieces[(size_t)rand() % np];
			size_t m = strlen(p);
			memcpy(text + n, p, m);
			n += m;
			/* pieces run together into words as often as not */
			if (rand() % 2)
				text[n++] = ' ';
		}
		size_t max = rand() % 4 ? 0 : (size_t)rand() % (n + 1);
		int a = rg_lang_detect(text, n, max), b = rg_lang_detect_ref(text, n, max);
		runs++;
		if (a != b && bad++ < 5)
			printf("# text %.*s (max %zu): %d, reference %d\n", (int)n, text, max, a, b);
	}
	ok(bad == 0, "random texts: as the reference");
	ok(runs == 40000, "forty thousand random texts");
}

/*
 * Every BMP code point alone (twice, and beside "ve"): the table built
 * from ICU's ranges classifies it as ICU does one code point at a time.
 */
static void test_every_code_point(void)
{
	int bad = 0;
	for (UChar32 c = 0; c < 0x10000; c++) {
		char t[32];
		int32_t n = 0;
		if (U_IS_SURROGATE(c))
			continue;
		U8_APPEND_UNSAFE(t, n, c);
		U8_APPEND_UNSAFE(t, n, c);
		memcpy(t + n, " ve ", 4);
		n += 4;
		U8_APPEND_UNSAFE(t, n, c);
		int a = rg_lang_detect(t, (size_t)n, 0), b = rg_lang_detect_ref(t, (size_t)n, 0);
		if (a != b && bad++ < 5)
			printf("# U+%04X: %d, reference %d\n", (unsigned)c, a, b);
	}
	ok(bad == 0, "every BMP code point: as the reference");
}

int main(void)
{
	check("The foreign minister met his counterpart in Baku on Monday.",
	      RG_LANG_EN, "en: minister sentence");
	check("Talks on trade were held at the ministry.", RG_LANG_EN,
	      "en: talks sentence");
	check("The president said that the agreement is important for the region.",
	      RG_LANG_EN, "en: president sentence");
	check("Ankara Baku Tbilisi", RG_LANG_EN,
	      "en: Latin without any cue defaults to en");

	check("رئیس جمهور امروز به مسکو سفر کرد و با مقامات روس دیدار کرد.",
	      RG_LANG_FA, "fa: trip sentence");
	check("این نشست در تهران برگزار شد.", RG_LANG_FA, "fa: meeting sentence");
	check("وزیر گفت که همکاری دو کشور ادامه دارد.", RG_LANG_FA,
	      "fa: cooperation sentence");

	check("وصل وزير الخارجية إلى الرياض في زيارة رسمية.", RG_LANG_AR,
	      "ar: visit sentence");
	check("قال الرئيس إن العلاقات بين البلدين قوية.", RG_LANG_AR,
	      "ar: relations sentence");
	check("عقد الاجتماع في القاهرة على مستوى الوزراء.", RG_LANG_AR,
	      "ar: meeting sentence");

	/* the same four words, told apart by yeh/kaf forms and function words */
	check("سفیر ایران در بغداد است", RG_LANG_FA, "fa/ar pair: fa");
	check("سفير إيران في بغداد", RG_LANG_AR, "fa/ar pair: ar");

	check("Xarici işlər naziri Bakıda həmkarı ilə görüşüb.", RG_LANG_AZ,
	      "az: minister sentence");
	check("Prezident bildirib ki, iki ölkə arasında əməkdaşlıq davam edir.",
	      RG_LANG_AZ, "az: cooperation sentence");
	check("Azərbaycan və Gürcüstan yeni saziş imzalayıb.", RG_LANG_AZ,
	      "az: agreement sentence");

	check("Dışişleri Bakanı Ankara'da mevkidaşı ile görüştü.", RG_LANG_TR,
	      "tr: minister sentence");
	check("Cumhurbaşkanı iki ülke arasındaki işbirliğinin süreceğini söyledi.",
	      RG_LANG_TR, "tr: cooperation sentence (letters only)");
	check("Türkiye ve Gürcistan yeni bir anlaşma imzaladı.", RG_LANG_TR,
	      "tr: agreement sentence");

	/* the same sentence, only schwa and ve/və differ */
	check("Türkiye ve İran heyetleri görüştü", RG_LANG_TR, "tr/az pair: tr");
	check("Türkiyə və İran heyətləri görüşdü", RG_LANG_AZ, "tr/az pair: az");

	check("Министр иностранных дел посетил Баку.", RG_LANG_RU,
	      "ru: visit sentence");
	check("Стороны обсудили сотрудничество в регионе.", RG_LANG_RU,
	      "ru: cooperation sentence");
	check("Переговоры прошли в Москве в четверг.", RG_LANG_RU,
	      "ru: talks sentence");

	check("وزیر خارجه با Antony Blinken دیدار کرد", RG_LANG_FA,
	      "fa with a Latin name");

	is_int(rg_lang_detect("", 0, 0), RG_LANG_NONE, "empty text");
	is_int(rg_lang_detect(NULL, 0, 0), RG_LANG_NONE, "NULL text");
	check("2019 12 01 - 15:30", RG_LANG_NONE, "digits only");
	check("۱۴۰۳/۰۹/۰۸", RG_LANG_NONE, "Persian digits only");
	check("\xff\xfe\x80\xc3", RG_LANG_NONE, "ill-formed bytes only");
	check("\xff" "Talks on trade were\x80 held at the ministry.\xe2",
	      RG_LANG_EN, "ill-formed bytes are skipped");
	check("中华人民共和国", RG_LANG_NONE, "no letter of our scripts");

	/* max: only the Russian head is read */
	const char *mixed = "Переговоры прошли. The talks were held in the city "
			    "and the ministers said that the talks went well.";
	is_int(rg_lang_detect(mixed, strlen(mixed), 0), RG_LANG_EN,
	       "whole mixed text: more Latin letters");
	is_int(rg_lang_detect(mixed, strlen(mixed), 20), RG_LANG_RU,
	       "max bounds the bytes read");
	/* len bounds the text even without a NUL */
	const char buf[] = { 'd', 'e', 'r', ' ', '\xd0', '\x9c' };
	is_int(rg_lang_detect(buf, 4, 0), RG_LANG_EN, "len bounds the text");

	/* capitals are lowered before the cues: İLE -> ile, VE -> ve, İÇİN -> için */
	check("\xc4\xb0LE VE \xc4\xb0\xc3\x87\xc4\xb0N", RG_LANG_TR,
	      "upper-case Turkish stop words");
	/* capital schwa U+018F lowers to the az cue U+0259 */
	check("\xc6\x8fLAQ\xc6\x8f V\xc6\x8f \xc6\x8fM\xc6\x8fKDA\xc5\x9eLIQ",
	      RG_LANG_AZ, "upper-case schwa");
	/* mathematical bold letters (above the BMP) are letters of no script:
	   they neither count nor break the words around them */
	check("\xf0\x9d\x90\x93\xf0\x9d\x90\xa1\xf0\x9d\x90\x9e ve ile", RG_LANG_TR,
	      "letters above the BMP");
	/* a combining mark inside a word is skipped: v + U+0301 + e is "ve" */
	check("Baku v\xcc\x81" "e Ankara", RG_LANG_TR, "combining mark inside a word");
	test_every_code_point();
	test_random();
	return tap_done();
}
