/*
 * dates.h - finds the date a news text is about ("1 December 2019",
 * "۸ آذر ۱۴۰۳", "5 ربيع الآخر 1441 هـ", "01.12.2019"...) and converts Solar
 * Hijri and Umm al-Qura dates to Gregorian with ICU calendars.  rg_analyze()
 * uses it for documents whose metadata carries no date.
 */
#ifndef RG_DATES_H
#define RG_DATES_H

#include <stddef.h>

#include "relgraph.h"

/*
 * Finds the first complete date (day, month and year) in the UTF-8
 * text[0..len), written in language `lang` (RG_LANG_*: the month names of
 * that language; RG_LANG_NONE: of every language).  `text` need not be
 * NUL-terminated and may hold ill-formed UTF-8, which is skipped like a
 * space; nothing past len is read.  On success writes the Gregorian date
 * "YYYY-MM-DD" and its NUL to out, sets *at (if `at` is not NULL) to the
 * byte offset where the date starts and returns 1; returns 0 when there is
 * none (out is then untouched); -1 when an ICU call fails.
 *
 * Recognised, in Western, Persian (۰-۹) or Arabic-Indic (٠-٩) digits:
 *   numeric   2019-12-01, 2019/12/01; day first 01.12.2019, 1/12/2019,
 *             1-12-2019; year-first or day-first with a year 1300-1499 is
 *             Hijri: Umm al-Qura when followed by هـ/هجري/ق or in an Arabic
 *             text (lang ar, or Arabic-Indic digits when lang is none),
 *             otherwise Solar Hijri (1403/09/08);
 *   named     day month year with the Gregorian month names of every
 *             language (1 December 2019, 1st of Dec. 2019, 1 ديسمبر 2019,
 *             1 كانون الأول 2019, 1 ديسمبر/كانون الأول 2019, ۱۰ دسامبر ۲۰۱۹,
 *             1 dekabr 2019, 1 декабря 2019 г., 1-го декабря, 1 Aralık 2019),
 *             en month-first (December 1, 2019), az year-first (2019-cu il
 *             1 dekabr, 2019-cu il dekabrın 1-də);
 *   Solar     8 آذر 1403, 8 آذر ماه 1403 (fa; the year must be 1300-1499,
 *             so "تیر" or "مهر" as ordinary words never match);
 *   lunar     5 ربيع الآخر 1441 هـ, ۵ ربیع‌الثانی ۱۴۴۱ ه.ق (ar, fa; the year
 *             must be 1300-1500 and followed by هـ, هجري, ق or قمری).
 * Names are compared case-insensitively (Turkish İ/ı, ё/е) and with the
 * Arabic/Persian letter variants merged; harakat, tatweel, ZWNJ and bidi
 * marks are ignored.  Month-and-year or a year alone is not a date: the
 * search goes on after it, as it does after an impossible date (31.02.2019).
 * Gregorian dates are proleptic (no Julian calendar before 1582).
 *
 * Cost: linear in len (a bounded look-ahead of tokens, no allocation but
 * the ICU calendars, opened only when a Hijri date is seen).  Thread-safe.
 */
int rg_date_find(const char *text, size_t len, int lang, char out[11],
		 size_t *at);

/*
 * Whether s starts with a Gregorian calendar date "YYYY-MM-DD" that exists
 * (month 01-12, day within its month, 29 February in leap years only; year
 * 0000 is taken, as ISO 8601's year 0).  What follows the ten characters
 * is not looked at ("2024-05-01T10:00Z" is valid).  NULL: not valid.
 */
int rg_date_iso_valid(const char *s);

/*
 * Converts day `day` of month `month` (1-12) of year `year` of `calendar`
 * ("gregorian", "persian" or "islamic-umalqura") to the Gregorian
 * "YYYY-MM-DD" written with its NUL to out.  Returns 0 on success, -1 when
 * the calendar is unknown (or NULL), the date does not exist in it (30
 * Esfand of a common year, 29 February 2019) or an ICU call fails; out is
 * untouched on failure.
 */
int rg_date_convert(const char *calendar, int year, int month, int day,
		    char out[11]);

#endif
