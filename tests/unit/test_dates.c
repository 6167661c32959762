/*
 * test_dates.c - rg_date_find and rg_date_convert on dates of the six
 * languages and three calendars.  Expected Gregorian dates come from known
 * reference conversions (Nowruz 1403 = 20 March 2024, 22 Bahman 1357 =
 * 11 February 1979, Umm al-Qura 1 Ramadan 1445 = 11 March 2024...); byte
 * offsets are counted by hand (Arabic/Cyrillic letters are 2 bytes).
 */
#include <string.h>

#include "tap.h"
#include "dates.h"

/* Finds in the NUL-terminated `text`; want NULL means "no date". */
static void check(const char *text, int lang, const char *want, long want_at,
		  const char *name)
{
	char out[11] = "";
	size_t at = (size_t)-1;
	int r = rg_date_find(text, strlen(text), lang, out, &at);
	if (!want) {
		is_int(r, 0, name);
		return;
	}
	is_int(r, 1, name);
	is_str(out, want, name);
	is_int((long)at, want_at, name);
}

static void test_english(void)
{
	check("Talks opened on 1 December 2019 in Baku.", RG_LANG_EN,
	      "2019-12-01", 16, "en: day month year");
	check("Signed December 1, 2019.", RG_LANG_EN, "2019-12-01", 7,
	      "en: month day, year");
	check("On Dec. 1, 2019 the envoys met", RG_LANG_EN, "2019-12-01", 3,
	      "en: abbreviated month with dot");
	check("on the 21st of March 2023", RG_LANG_NONE, "2023-03-21", 7,
	      "en: ordinal and 'of'");
	check("DECEMBER 12 2019", RG_LANG_EN, "2019-12-12", 0,
	      "en: upper case, no comma");
}

static void test_arabic(void)
{
	/* "وصل الوزير في " = 3 + 6 + 2 letters, 3 spaces: 25 bytes */
	check("وصل الوزير في 1 ديسمبر 2019 إلى", RG_LANG_AR, "2019-12-01", 25,
	      "ar: day month year");
	check("1 كانون الأول 2019", RG_LANG_AR, "2019-12-01", 0,
	      "ar: Levantine two-word month");
	check("15 آذار 2021", RG_LANG_NONE, "2021-03-15", 0,
	      "ar: Levantine March (not Persian Azar)");
	check("3 ديسمبر/كانون الأول 2019", RG_LANG_AR, "2019-12-03", 0,
	      "ar: month with its second name");
	check("٢٠ يناير ٢٠٢٤", RG_LANG_AR, "2024-01-20", 0,
	      "ar: Arabic-Indic digits");
}

static void test_hijri(void)
{
	/* "الاثنين " = 7 letters and a space: 15 bytes */
	check("الاثنين 5 ربيع الآخر 1441 هـ", RG_LANG_AR, "2019-12-02", 15,
	      "hijri: Rabi al-Akhir with marker");
	check("1 رمضان 1445هـ", RG_LANG_AR, "2024-03-11", 0,
	      "hijri: 1 Ramadan 1445");
	check("10 ذو الحجة 1444 هـ", RG_LANG_NONE, "2023-06-28", 0,
	      "hijri: 10 Dhu al-Hijjah 1444 (Eid al-Adha)");
	check("1 محرم 1445 هجرية", RG_LANG_AR, "2023-07-19", 0,
	      "hijri: 1 Muharram 1445");
	check("۵ ربیع\xe2\x80\x8c" "الثانی ۱۴۴۱ ه.ق", RG_LANG_FA, "2019-12-02", 0,
	      "hijri: Persian spelling with ZWNJ");
	check("5/4/1441هـ", RG_LANG_NONE, "2019-12-02", 0,
	      "hijri: numeric day first with marker");
	check("5 ربيع الآخر 1441", RG_LANG_AR, NULL, 0,
	      "hijri: no marker after the year is no date");
	check("30 رمضان 1444 هـ", RG_LANG_AR, NULL, 0,
	      "hijri: Ramadan 1444 had 29 days");
}

static void test_persian(void)
{
	check("۱۰ دسامبر ۲۰۱۹", RG_LANG_FA, "2019-12-10", 0,
	      "fa: Gregorian month, Persian digits");
	check("10 ژوئیه 2023", RG_LANG_NONE, "2023-07-10", 0,
	      "fa: July");
	/* "پنجشنبه " = 7 letters and a space: 15 bytes */
	check("پنجشنبه 8 آذر 1403", RG_LANG_FA, "2024-11-28", 15,
	      "fa: 8 Azar 1403 after a weekday");
	check("۸ آذر ۱۴۰۳", RG_LANG_FA, "2024-11-28", 0,
	      "fa: Solar date in Persian digits");
	check("8 آذر ماه 1403", RG_LANG_FA, "2024-11-28", 0,
	      "fa: 'mah' after the month");
	check("8 آذر\xe2\x80\x8cماه 1403", RG_LANG_FA, "2024-11-28", 0,
	      "fa: 'mah' joined with ZWNJ");
	check("1 فروردین 1403", RG_LANG_FA, "2024-03-20", 0,
	      "fa: Nowruz 1403");
	check("14 تیر 1402", RG_LANG_FA, "2023-07-05", 0, "fa: 14 Tir 1402");
	check("22 بهمن 1357", RG_LANG_NONE, "1979-02-11", 0,
	      "fa: 22 Bahman 1357");
	check("1403/09/08", RG_LANG_FA, "2024-11-28", 0,
	      "fa: year-first slash date");
	check("۱۴۰۳/۰۹/۰۸", RG_LANG_NONE, "2024-11-28", 0,
	      "fa: year-first slash date, Persian digits");
	check("30 اسفند 1402", RG_LANG_FA, NULL, 0,
	      "fa: 1402 is a common year");
	check("30 اسفند 1403", RG_LANG_FA, "2025-03-20", 0,
	      "fa: 1403 is a leap year");
	check("او با تیر زد", RG_LANG_FA, NULL, 0, "fa: 'tir' as a word");
	check("روز 14 تیر", RG_LANG_FA, NULL, 0, "fa: day and month, no year");
	check("در ماه دسامبر سال 2017 میلادی", RG_LANG_FA, NULL, 0,
	      "fa: month and year only");
	check("8 آذر 2024", RG_LANG_FA, NULL, 0,
	      "fa: Solar month with a Gregorian year");
}

static void test_azerbaijani(void)
{
	check("1 dekabr 2019-cu il", RG_LANG_AZ, "2019-12-01", 0,
	      "az: day month year-cu il");
	check("2019-cu il 1 dekabr", RG_LANG_AZ, "2019-12-01", 0,
	      "az: year first, day month");
	/* "Görüş " = G, ö (2), r, ü (2), ş (2) and a space: 9 bytes */
	check("Görüş 2019-cu il dekabrın 1-də keçirilib", RG_LANG_AZ,
	      "2019-12-01", 9, "az: year first, genitive month, day");
	check("25 Fevral 2020", RG_LANG_NONE, "2020-02-25", 0, "az: February");
}

static void test_russian(void)
{
	check("1 декабря 2019 г.", RG_LANG_RU, "2019-12-01", 0,
	      "ru: genitive month");
	/* "Встреча прошла " = 7 + 6 letters, 2 spaces: 28 bytes */
	check("Встреча прошла 9 мая 2020 года", RG_LANG_RU, "2020-05-09", 28,
	      "ru: in a sentence");
	check("1-го декабря 2019", RG_LANG_RU, "2019-12-01", 0,
	      "ru: ordinal ending");
	check("1 декабря 2019", RG_LANG_EN, NULL, 0,
	      "ru: month names of another language are not used");
}

static void test_turkish(void)
{
	check("1 Aralık 2019", RG_LANG_TR, "2019-12-01", 0, "tr: Aralık");
	check("1 ARALIK 2019", RG_LANG_TR, "2019-12-01", 0,
	      "tr: upper case dotless I");
	check("29 Ekim 1923", RG_LANG_NONE, "1923-10-29", 0, "tr: Ekim");
	check("15 Şubat 2022'de", RG_LANG_TR, "2022-02-15", 0,
	      "tr: apostrophe suffix");
}

static void test_numeric(void)
{
	check("01.12.2019", RG_LANG_NONE, "2019-12-01", 0, "numeric: dots");
	check("1/12/2019", RG_LANG_NONE, "2019-12-01", 0, "numeric: slashes");
	check("Published 2019-12-01", RG_LANG_NONE, "2019-12-01", 10,
	      "numeric: ISO");
	check("29.02.2020", RG_LANG_NONE, "2020-02-29", 0,
	      "numeric: leap day");
	check("29.02.2019", RG_LANG_NONE, NULL, 0, "numeric: not a leap year");
	check("31.04.2019", RG_LANG_NONE, NULL, 0, "numeric: 31 April");
	check("12/31/2019", RG_LANG_NONE, NULL, 0,
	      "numeric: month first is not read");
	check("v3.01.12.2019", RG_LANG_NONE, NULL, 0,
	      "numeric: part of a longer number");
}

static void test_search(void)
{
	check("31 February 2019 or 1 March 2019", RG_LANG_EN, "2019-03-01",
	      20, "an impossible date is skipped");
	check("In December 2017 and in 2018 nothing", RG_LANG_EN, NULL, 0,
	      "month-year and a year alone are not dates");
	check("Published 2020-03-05, about the 1 December 2019 talks",
	      RG_LANG_EN, "2020-03-05", 10, "the first date in text order");

	/* ill-formed bytes around and inside, and a buffer without NUL */
	check("\xff\xfe" "1 December 2019\x80", RG_LANG_EN, "2019-12-01", 2,
	      "ill-formed bytes around a date");
	check("12\xc3 December 2019", RG_LANG_EN, "2019-12-12", 0,
	      "a truncated sequence inside a date");
	check("\xe2\x80", RG_LANG_NONE, NULL, 0, "only a truncated sequence");

	const char buf[] = { '1', ' ', 'M', 'a', 'y', ' ', '2', '0', '1', '9',
			     '9' };
	char out[11] = "";
	size_t at = 7;
	is_int(rg_date_find(buf, 10, RG_LANG_EN, out, &at), 1,
	       "len bounds the text");
	is_str(out, "2019-05-01", "len bounds the text: date");
	is_int(rg_date_find(buf, 9, RG_LANG_EN, out, &at), 0,
	       "a 3-digit year past len is not read");
	is_int(rg_date_find(NULL, 0, RG_LANG_NONE, out, NULL), 0,
	       "NULL text");
	is_int(rg_date_find(buf, 10, RG_LANG_EN, out, NULL), 1,
	       "at may be NULL");
}

static void test_convert(void)
{
	char out[11];

	is_int(rg_date_convert("persian", 1403, 9, 8, out), 0, "convert persian");
	is_str(out, "2024-11-28", "8 Azar 1403");
	is_int(rg_date_convert("persian", 1358, 8, 13, out), 0,
	       "convert persian 1358");
	is_str(out, "1979-11-04", "13 Aban 1358");
	is_int(rg_date_convert("islamic-umalqura", 1441, 4, 5, out), 0,
	       "convert umalqura");
	is_str(out, "2019-12-02", "5 Rabi al-Akhir 1441");
	is_int(rg_date_convert("islamic-umalqura", 1444, 10, 1, out), 0,
	       "convert umalqura Shawwal");
	is_str(out, "2023-04-21", "1 Shawwal 1444 (Eid al-Fitr)");
	is_int(rg_date_convert("gregorian", 2020, 2, 29, out), 0,
	       "convert gregorian");
	is_str(out, "2020-02-29", "gregorian leap day");
	strcpy(out, "untouched");
	is_int(rg_date_convert("gregorian", 2019, 2, 29, out), -1,
	       "29 February 2019 does not exist");
	is_str(out, "untouched", "out untouched on failure");
	is_int(rg_date_convert("persian", 1402, 12, 30, out), -1,
	       "30 Esfand 1402 does not exist");
	is_int(rg_date_convert("persian", 1403, 13, 1, out), -1, "month 13");
	is_int(rg_date_convert("julian", 2019, 1, 1, out), -1,
	       "unknown calendar");
	is_int(rg_date_convert(NULL, 2019, 1, 1, out), -1, "NULL calendar");
}

int main(void)
{
	test_english();
	test_arabic();
	test_hijri();
	test_persian();
	test_azerbaijani();
	test_russian();
	test_turkish();
	test_numeric();
	test_search();
	test_convert();
	/* metadata dates: only dates that exist are taken */
	ok(rg_date_iso_valid("2024-02-29"), "iso: 29 February of a leap year");
	ok(!rg_date_iso_valid("2023-02-29"), "iso: no 29 February in 2023");
	ok(!rg_date_iso_valid("1900-02-29"), "iso: 1900 is not a leap year");
	ok(rg_date_iso_valid("2000-02-29"), "iso: 2000 is");
	ok(!rg_date_iso_valid("2024-13-01"), "iso: no month 13");
	ok(!rg_date_iso_valid("2024-00-10"), "iso: no month 0");
	ok(!rg_date_iso_valid("2024-04-31"), "iso: no 31 April");
	ok(!rg_date_iso_valid("2024-05-00"), "iso: no day 0");
	ok(rg_date_iso_valid("2024-05-31T08:00:00Z"), "iso: a time after the date is fine");
	ok(!rg_date_iso_valid("2024-5-31"), "iso: two-digit months only");
	ok(!rg_date_iso_valid("2024-05"), "iso: too short");
	ok(!rg_date_iso_valid(NULL), "iso: NULL");
	return tap_done();
}
