/*
 * test_lang.c - rg_lang_detect on short sentences of our own in the six
 * languages, on near pairs (tr/az, fa/ar) that only the cues tell apart,
 * and on texts with no letters or ill-formed UTF-8.
 */
#include <string.h>

#include "tap.h"
#include "lang.h"

static void check(const char *text, int want, const char *name)
{
	is_int(rg_lang_detect(text, strlen(text), 0), want, name);
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
	return tap_done();
}
