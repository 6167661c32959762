/*
 * test_dates.c - rg_date_find and rg_date_convert on dates of the six
 * languages and three calendars.  Expected Gregorian dates come from known
 * reference conversions (Nowruz 1403 = 20 March 2024, 22 Bahman 1357 =
 * 11 February 1979, Umm al-Qura 1 Ramadan 1445 = 11 March 2024...); byte
 * offsets are counted by hand (Arabic/Cyrillic letters are 2 bytes).  A copy
 * of the finder before its fast paths (table, number-to-number jumps) is the
 * reference for random texts of date pieces and, when present, the
 * benchmark corpus and the seeds.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ucal.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "tap.h"
#include "dates.h"

/* ---- the reference: rg_date_find as it was before its fast paths ------ */

/*
 * A verbatim copy of dates.c's finder before the classification table
 * (every code point asked of ICU), renamed ref_date_find: the random and
 * corpus comparisons below must find the same answer with both.
 */
enum { CAL_GREG, CAL_PERSIAN, CAL_ISLAMIC };

#define L(lang) (1u << (lang))

/* ---- month names ------------------------------------------------------- */

/*
 * Names are written as a reader would (any case, any letter variant); the
 * matcher folds them like the text.  A space inside a name also matches the
 * joined spelling (ربیع‌الثانی with ZWNJ, ذوالقعدة).
 */
struct month_name {
	const char *name;
	int month;
};

static const struct month_name en_greg[] = {
	{ "January", 1 }, { "February", 2 }, { "March", 3 }, { "April", 4 },
	{ "May", 5 }, { "June", 6 }, { "July", 7 }, { "August", 8 },
	{ "September", 9 }, { "October", 10 }, { "November", 11 },
	{ "December", 12 },
	/* abbreviations; a following dot is skipped by the patterns */
	{ "Jan", 1 }, { "Feb", 2 }, { "Mar", 3 }, { "Apr", 4 }, { "Jun", 6 },
	{ "Jul", 7 }, { "Aug", 8 }, { "Sep", 9 }, { "Sept", 9 }, { "Oct", 10 },
	{ "Nov", 11 }, { "Dec", 12 },
};

/* Gregorian months in Persian, with the French- and English-derived forms. */
static const struct month_name fa_greg[] = {
	{ "ژانویه", 1 }, { "فوریه", 2 }, { "مارس", 3 }, { "آوریل", 4 },
	{ "آپریل", 4 }, { "مه", 5 }, { "می", 5 }, { "ژوئن", 6 }, { "ژوین", 6 },
	{ "جون", 6 }, { "ژوئیه", 7 }, { "ژوییه", 7 }, { "جولای", 7 },
	{ "اوت", 8 }, { "آگوست", 8 }, { "اگوست", 8 }, { "سپتامبر", 9 },
	{ "اکتبر", 10 }, { "نوامبر", 11 }, { "دسامبر", 12 },
};

/* The Solar Hijri months; "دی", "مهر", "تیر" are also words, hence the year. */
static const struct month_name fa_solar[] = {
	{ "فروردین", 1 }, { "اردیبهشت", 2 }, { "خرداد", 3 }, { "تیر", 4 },
	{ "مرداد", 5 }, { "امرداد", 5 }, { "شهریور", 6 }, { "مهر", 7 },
	{ "آبان", 8 }, { "آذر", 9 }, { "دی", 10 }, { "بهمن", 11 },
	{ "اسفند", 12 },
};

/* Gregorian months in Arabic: Egypt/Gulf, Levant/Iraq, Maghreb, Morocco. */
static const struct month_name ar_greg[] = {
	{ "يناير", 1 }, { "فبراير", 2 }, { "مارس", 3 }, { "أبريل", 4 },
	{ "مايو", 5 }, { "يونيو", 6 }, { "يونيه", 6 }, { "يوليو", 7 },
	{ "يوليه", 7 }, { "أغسطس", 8 }, { "سبتمبر", 9 }, { "أكتوبر", 10 },
	{ "نوفمبر", 11 }, { "ديسمبر", 12 },
	{ "كانون الثاني", 1 }, { "شباط", 2 }, { "آذار", 3 }, { "نيسان", 4 },
	{ "أيار", 5 }, { "حزيران", 6 }, { "تموز", 7 }, { "آب", 8 },
	{ "أيلول", 9 }, { "تشرين الأول", 10 }, { "تشرين الثاني", 11 },
	{ "كانون الأول", 12 },
	{ "جانفي", 1 }, { "فيفري", 2 }, { "أفريل", 4 }, { "ماي", 5 },
	{ "جوان", 6 }, { "جويلية", 7 }, { "أوت", 8 },
	{ "يوليوز", 7 }, { "غشت", 8 }, { "شتنبر", 9 }, { "نونبر", 11 },
	{ "دجنبر", 12 },
};

/* The Hijri lunar months, Arabic and Persian spellings (ar and fa). */
static const struct month_name hijri[] = {
	{ "محرم", 1 }, { "المحرم", 1 }, { "صفر", 2 },
	{ "ربيع الأول", 3 }, { "ربيع الآخر", 4 }, { "ربيع الثاني", 4 },
	{ "جمادى الأولى", 5 }, { "جمادى الأول", 5 }, { "جمادى الآخرة", 6 },
	{ "جمادى الآخر", 6 }, { "جمادى الثانية", 6 }, { "جمادى الثاني", 6 },
	{ "رجب", 7 }, { "شعبان", 8 }, { "رمضان", 9 }, { "شوال", 10 },
	{ "ذو القعدة", 11 }, { "ذي القعدة", 11 }, { "ذو الحجة", 12 },
	{ "ذي الحجة", 12 },
};

static const struct month_name az_greg[] = {
	{ "yanvar", 1 }, { "fevral", 2 }, { "mart", 3 }, { "aprel", 4 },
	{ "may", 5 }, { "iyun", 6 }, { "iyul", 7 }, { "avqust", 8 },
	{ "sentyabr", 9 }, { "oktyabr", 10 }, { "noyabr", 11 }, { "dekabr", 12 },
};

/* Russian: genitive (as dates are written), nominative, abbreviations. */
static const struct month_name ru_greg[] = {
	{ "января", 1 }, { "февраля", 2 }, { "марта", 3 }, { "апреля", 4 },
	{ "мая", 5 }, { "июня", 6 }, { "июля", 7 }, { "августа", 8 },
	{ "сентября", 9 }, { "октября", 10 }, { "ноября", 11 },
	{ "декабря", 12 },
	{ "январь", 1 }, { "февраль", 2 }, { "март", 3 }, { "апрель", 4 },
	{ "май", 5 }, { "июнь", 6 }, { "июль", 7 }, { "август", 8 },
	{ "сентябрь", 9 }, { "октябрь", 10 }, { "ноябрь", 11 },
	{ "декабрь", 12 },
	{ "янв", 1 }, { "фев", 2 }, { "февр", 2 }, { "мар", 3 }, { "апр", 4 },
	{ "июн", 6 }, { "июл", 7 }, { "авг", 8 }, { "сен", 9 }, { "сент", 9 },
	{ "окт", 10 }, { "ноя", 11 }, { "нояб", 11 }, { "дек", 12 },
};

static const struct month_name tr_greg[] = {
	{ "Ocak", 1 }, { "Şubat", 2 }, { "Mart", 3 }, { "Nisan", 4 },
	{ "Mayıs", 5 }, { "Haziran", 6 }, { "Temmuz", 7 }, { "Ağustos", 8 },
	{ "Eylül", 9 }, { "Ekim", 10 }, { "Kasım", 11 }, { "Aralık", 12 },
};

/* Endings a month name may carry: fa آذرماه; az dekabrın, dekabrda. */
static const char *const fa_suffixes[] = { "ماه", NULL };
static const char *const az_suffixes[] = {
	"ın", "in", "un", "ün", "da", "də", "dan", "dən", "ında", "ində",
	"unda", "ündə", NULL
};

struct month_table {
	unsigned langs;                 /* L(RG_LANG_...) bits */
	int cal;
	const struct month_name *names;
	size_t n;
	const char *const *suffixes;    /* NULL-ended, or NULL */
};

#define TABLE(langs, cal, t, suf) \
	{ (langs), (cal), (t), sizeof (t) / sizeof (t)[0], (suf) }

static const struct month_table tables[] = {
	TABLE(L(RG_LANG_EN), CAL_GREG, en_greg, NULL),
	TABLE(L(RG_LANG_FA), CAL_GREG, fa_greg, fa_suffixes),
	TABLE(L(RG_LANG_FA), CAL_PERSIAN, fa_solar, fa_suffixes),
	TABLE(L(RG_LANG_AR), CAL_GREG, ar_greg, NULL),
	TABLE(L(RG_LANG_AR) | L(RG_LANG_FA), CAL_ISLAMIC, hijri, NULL),
	TABLE(L(RG_LANG_AZ), CAL_GREG, az_greg, az_suffixes),
	TABLE(L(RG_LANG_RU), CAL_GREG, ru_greg, NULL),
	TABLE(L(RG_LANG_TR), CAL_GREG, tr_greg, NULL),
};

/* Words between the month and the year: "آذر ماه 1403", "ديسمبر عام 2019". */
static const char *const year_words[] = {
	"سال", "عام", "سنة", "لعام", "لسنة", NULL
};
/* Words after a lunar year: هـ, هجري(ة), للهجرة, ه.ق, قمری. */
static const char *const hijri_marks[] = {
	"هـ", "هجري", "هجرية", "للهجرة", "ق", "قمري", NULL
};
static const char *const en_ordinals[] = { "st", "nd", "rd", "th", NULL };
static const char *const en_of[] = { "of", NULL };

/* ---- folding ----------------------------------------------------------- */

/*
 * The folded form of `c`, or 0 for characters ignored inside words
 * (tatweel, ZWNJ/ZWJ, bidi marks and other format characters, harakat and
 * other non-spacing marks).  Names and text go through the same function.
 */
static UChar32 fold(UChar32 c)
{
	if (c < 0x80) /* the common case, without ICU */
		return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
	switch (c) {
	case 0x0130: case 0x0131:                     /* İ, ı (I is ASCII) */
		return 'i';
	case 0x0401: case 0x0451:                     /* Ё, ё */
		return 0x0435;
	case 0x064A: case 0x0649:                     /* Arabic yeh, alef maksura */
		return 0x06CC;
	case 0x0643:                                  /* Arabic kaf */
		return 0x06A9;
	case 0x0622: case 0x0623: case 0x0625: case 0x0671: /* آ أ إ ٱ */
		return 0x0627;
	case 0x0629: case 0x06C0: case 0x06D5:        /* ة ۀ ە */
		return 0x0647;
	case 0x0640: case 0x00AD:                     /* tatweel, soft hyphen */
		return 0;
	default:
		break;
	}
	if (c >= 0x0621 && c <= 0x063A) /* Arabic letters hamza..ghain */
		return c;
	int8_t type = u_charType(c);
	if (type == U_NON_SPACING_MARK || type == U_FORMAT_CHAR)
		return 0;
	return u_tolower(c);
}

/* The next folded code point of the literal `p` at *i, ' ' or 0 at its end. */
static UChar32 lit_next(const char *p, size_t *i)
{
	const uint8_t *s = (const uint8_t *)p;
	for (;;) {
		UChar32 c;
		if (s[*i] == 0)
			return 0;
		U8_NEXT_UNSAFE(s, *i, c);
		if (c == ' ')
			return ' ';
		c = fold(c);
		if (c != 0)
			return c;
	}
}

/* Does the folded w[0..n) equal the literal `lit` once folded? */
static int lit_equals(const char *lit, const char *w, size_t n)
{
	const uint8_t *s = (const uint8_t *)w;
	size_t i = 0, p = 0;
	UChar32 c, d;
	while ((c = lit_next(lit, &i)) != 0) {
		if (p >= n)
			return 0;
		U8_NEXT_UNSAFE(s, p, d);
		if (c != d)
			return 0;
	}
	return p == n;
}

/* ---- tokens ------------------------------------------------------------ */

enum { TK_NONE, TK_NUM, TK_WORD, TK_PUNCT };

#define WORD_MAX 48     /* longer words never name a month */
#define RING 32         /* tokens of look-ahead; the longest pattern uses ~20 */
#define NUM_CAP 100000L /* numbers are capped: only 1-4 digits matter */

struct tok {
	int kind;
	int sp;         /* space, an ill-formed byte or the text start before it */
	size_t start;   /* byte offset in the text */
	long val;       /* TK_NUM: value (capped at NUM_CAP) */
	int ndig;       /* TK_NUM: digits (capped at 99) */
	int dsys;       /* TK_NUM: 0 ASCII, 1 Arabic-Indic, 2 Persian digits */
	UChar32 ch;     /* TK_PUNCT: the character */
	int wlen;       /* TK_WORD: bytes of w, -1 when too long */
	char w[WORD_MAX]; /* TK_WORD: folded UTF-8, not NUL-terminated */
};

/* What the glue checks need of the tokens before the current one. */
struct glue {
	int kind, sp;
	UChar32 ch;
};

/* A sliding window of tokens over the text: token 0 is the current one. */
struct scan {
	const uint8_t *s;
	size_t len, pos;
	struct tok ring[RING];
	size_t head, n;
	struct glue prev1, prev2;
};

static int digit_of(UChar32 c, int *sys)
{
	if (c >= '0' && c <= '9') {
		*sys = 0;
		return c - '0';
	}
	if (c >= 0x0660 && c <= 0x0669) {
		*sys = 1;
		return c - 0x0660;
	}
	if (c >= 0x06F0 && c <= 0x06F9) {
		*sys = 2;
		return c - 0x06F0;
	}
	return -1;
}

/* The code point at sc->pos (negative when ill-formed); *next follows it. */
static UChar32 peek(const struct scan *sc, size_t *next)
{
	size_t i = sc->pos;
	UChar32 c;
	U8_NEXT(sc->s, i, sc->len, c);
	*next = i;
	return c;
}

static int in_word(UChar32 c)
{
	return c > 0 && (u_isalpha(c) || fold(c) == 0);
}

static void lex_word(struct scan *sc, struct tok *t, UChar32 c, size_t next)
{
	t->kind = TK_WORD;
	t->wlen = 0;
	for (;;) {
		UChar32 f = fold(c);
		if (f != 0 && t->wlen >= 0) {
			size_t n = (size_t)t->wlen;
			if (n + U8_MAX_LENGTH > WORD_MAX) {
				t->wlen = -1;
			} else {
				U8_APPEND_UNSAFE(t->w, n, f);
				t->wlen = (int)n;
			}
		}
		sc->pos = next;
		if (sc->pos >= sc->len)
			return;
		c = peek(sc, &next);
		if (!in_word(c))
			return;
	}
}

/* Reads the next token into *t; 0 at the end of the text. */
static int lex(struct scan *sc, struct tok *t)
{
	size_t next = 0;
	UChar32 c = 0;
	int sys = 0, d;

	t->sp = sc->pos == 0;
	for (;;) {
		if (sc->pos >= sc->len)
			return 0;
		c = peek(sc, &next);
		if (c <= 0 || u_isUWhiteSpace(c))
			t->sp = 1;
		else if (fold(c) != 0)
			break;
		sc->pos = next;
	}
	t->start = sc->pos;
	if (digit_of(c, &sys) >= 0) {
		t->kind = TK_NUM;
		t->val = 0;
		t->ndig = 0;
		t->dsys = sys;
		while ((d = digit_of(c, &sys)) >= 0) {
			if (t->val < NUM_CAP)
				t->val = t->val * 10 + d;
			if (t->ndig < 99)
				t->ndig++;
			sc->pos = next;
			if (sc->pos >= sc->len)
				break;
			c = peek(sc, &next);
		}
	} else if (u_isalpha(c)) {
		lex_word(sc, t, c, next);
	} else {
		t->kind = TK_PUNCT;
		t->ch = c;
		sc->pos = next;
	}
	return 1;
}

/* Token k of the window (lexed on demand), or NULL past the end/look-ahead. */
static const struct tok *get(struct scan *sc, size_t k)
{
	if (k >= RING)
		return NULL;
	while (sc->n <= k) {
		if (!lex(sc, &sc->ring[(sc->head + sc->n) % RING]))
			return NULL;
		sc->n++;
	}
	return &sc->ring[(sc->head + k) % RING];
}

static void drop(struct scan *sc)
{
	const struct tok *t = &sc->ring[sc->head];
	sc->prev2 = sc->prev1;
	sc->prev1.kind = t->kind;
	sc->prev1.sp = t->sp;
	sc->prev1.ch = t->kind == TK_PUNCT ? t->ch : 0;
	sc->head = (sc->head + 1) % RING;
	sc->n--;
}

/* ---- token predicates -------------------------------------------------- */

static int is_punct(const struct tok *t, UChar32 ch)
{
	return t && t->kind == TK_PUNCT && t->ch == ch;
}

/* Separators inside numbers and numeric dates. */
static int is_sep(UChar32 ch)
{
	return ch == '.' || ch == '/' || ch == '-' || ch == ':' ||
	       ch == 0x066B || ch == 0x066C;
}

static int is_day(const struct tok *t)
{
	return t && t->kind == TK_NUM && t->ndig <= 2 && t->val >= 1 &&
	       t->val <= 31;
}

static int is_year(const struct tok *t)
{
	return t && t->kind == TK_NUM && t->ndig == 4;
}

static int word_in(const struct tok *t, const char *const *list)
{
	if (!t || t->kind != TK_WORD || t->wlen < 0)
		return 0;
	for (; *list; list++)
		if (lit_equals(*list, t->w, (size_t)t->wlen))
			return 1;
	return 0;
}

/* Is token 0 the tail of a longer number ("3.01.12.2019", "2.5")? */
static int glued_before(const struct scan *sc, const struct tok *t0)
{
	if (t0->sp)
		return 0;
	if (sc->prev1.kind == TK_NUM)
		return 1;
	return sc->prev1.kind == TK_PUNCT && is_sep(sc->prev1.ch) &&
	       !sc->prev1.sp && sc->prev2.kind == TK_NUM;
}

/* Does a number go on at token k ("01.12.2019.5")? */
static int glued_after(struct scan *sc, size_t k)
{
	const struct tok *t = get(sc, k), *u;
	if (!t || t->sp || t->kind != TK_PUNCT || !is_sep(t->ch))
		return 0;
	u = get(sc, k + 1);
	return u && !u->sp && u->kind == TK_NUM;
}

/* ---- month lookup ------------------------------------------------------ */

struct month {
	int cal, month;
	size_t ntok;    /* tokens the name spans */
};

/*
 * Matches `name` against the words from token k (`t`, a word); returns the
 * tokens used, 0 when it does not match.
 */
static size_t match_name(struct scan *sc, size_t k, const struct tok *t,
			 const char *name, const char *const *suffixes)
{
	size_t used = 1, i = 0, p = 0;
	UChar32 c, w;

	while ((c = lit_next(name, &i)) != 0) {
		if (c == ' ') {
			if (p < (size_t)t->wlen)
				continue; /* the joined spelling */
			t = get(sc, k + used);
			if (!t || t->kind != TK_WORD || t->wlen < 0)
				return 0;
			used++;
			p = 0;
			continue;
		}
		if (p >= (size_t)t->wlen)
			return 0;
		U8_NEXT_UNSAFE((const uint8_t *)t->w, p, w);
		if (w != c)
			return 0;
	}
	if (p == (size_t)t->wlen)
		return used;
	for (; suffixes && *suffixes; suffixes++)
		if (lit_equals(*suffixes, t->w + p, (size_t)t->wlen - p))
			return used;
	return 0;
}

/* The longest month name of the tables of `langs` at token k. */
static int find_month(struct scan *sc, size_t k, unsigned langs,
		      struct month *m)
{
	const struct tok *t = get(sc, k);
	size_t best = 0;

	if (!t || t->kind != TK_WORD || t->wlen < 0)
		return 0;
	for (size_t i = 0; i < sizeof tables / sizeof tables[0]; i++) {
		const struct month_table *tab = &tables[i];
		if (!(tab->langs & langs))
			continue;
		for (size_t j = 0; j < tab->n; j++) {
			size_t u = match_name(sc, k, t, tab->names[j].name,
					      tab->suffixes);
			if (u > best) {
				best = u;
				m->cal = tab->cal;
				m->month = tab->names[j].month;
				m->ntok = u;
			}
		}
	}
	return best > 0;
}

/* ---- calendars --------------------------------------------------------- */

/* The ICU calendars, opened on first use and closed by conv_close(). */
struct conv {
	UCalendar *greg, *persian, *islamic;
};

static const UChar utc_zone[] = { 'U', 'T', 'C', 0 };

static UCalendar *conv_cal(UCalendar **slot, const char *locale,
			   UErrorCode *st)
{
	if (*slot)
		return *slot;
	UCalendar *cal = ucal_open(utc_zone, -1, locale, UCAL_DEFAULT, st);
	if (U_FAILURE(*st)) {
		if (cal)
			ucal_close(cal);
		return NULL;
	}
	/* strict: 30 Esfand of a common year must fail, not roll over */
	ucal_setAttribute(cal, UCAL_LENIENT, 0);
	*slot = cal;
	return cal;
}

static void conv_close(struct conv *cv)
{
	if (cv->greg)
		ucal_close(cv->greg);
	if (cv->persian)
		ucal_close(cv->persian);
	if (cv->islamic)
		ucal_close(cv->islamic);
}

static int greg_days(int y, int m)
{
	static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
				      30, 31 };
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return m == 2 && leap ? 29 : days[m - 1];
}

static void put_date(char out[11], int y, int m, int d)
{
	out[0] = (char)('0' + y / 1000);
	out[1] = (char)('0' + y / 100 % 10);
	out[2] = (char)('0' + y / 10 % 10);
	out[3] = (char)('0' + y % 10);
	out[4] = '-';
	out[5] = (char)('0' + m / 10);
	out[6] = (char)('0' + m % 10);
	out[7] = '-';
	out[8] = (char)('0' + d / 10);
	out[9] = (char)('0' + d % 10);
	out[10] = '\0';
}

/*
 * Converts a date of `cal` to Gregorian in out: 0 done, 1 no such date,
 * -1 an ICU call failed.
 */
static int conv_date(struct conv *cv, int cal, int y, int m, int d,
		     char out[11])
{
	UErrorCode st = U_ZERO_ERROR;
	UCalendar *src, *greg;
	UDate ms;
	int gy, gm, gd;

	if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31)
		return 1;
	if (cal == CAL_GREG) {
		if (d > greg_days(y, m))
			return 1;
		put_date(out, y, m, d);
		return 0;
	}
	if (cal == CAL_PERSIAN)
		src = conv_cal(&cv->persian, "fa_IR@calendar=persian", &st);
	else
		src = conv_cal(&cv->islamic, "ar_SA@calendar=islamic-umalqura",
			       &st);
	if (!src)
		return -1;
	greg = conv_cal(&cv->greg, "en_US@calendar=gregorian", &st);
	if (!greg)
		return -1;
	ucal_clear(src);
	ucal_setDate(src, y, m - 1, d, &st);
	if (U_FAILURE(st))
		return -1;
	ms = ucal_getMillis(src, &st);
	if (st == U_ILLEGAL_ARGUMENT_ERROR)
		return 1; /* a field out of range: the date does not exist */
	if (U_FAILURE(st))
		return -1;
	ucal_setMillis(greg, ms, &st);
	gy = ucal_get(greg, UCAL_EXTENDED_YEAR, &st);
	gm = ucal_get(greg, UCAL_MONTH, &st) + 1;
	gd = ucal_get(greg, UCAL_DATE, &st);
	if (U_FAILURE(st))
		return -1;
	if (gy < 1 || gy > 9999)
		return 1;
	put_date(out, gy, gm, gd);
	return 0;
}

/* ---- patterns ---------------------------------------------------------- */

/* The search state: each pattern returns 1 found, 0 not here, -1 ICU. */
struct finder {
	struct scan sc;
	struct conv cv;
	unsigned langs;  /* month tables in use */
	int lang;
	char out[11];
};

/* Is this a plausible year for `cal`? Lunar years need their marker after. */
static int year_fits(struct finder *f, int cal, long y, size_t k_after)
{
	switch (cal) {
	case CAL_GREG:
		return y >= 1000 && y <= 2999;
	case CAL_PERSIAN:
		return y >= 1300 && y <= 1499;
	default:
		return y >= 1300 && y <= 1500 &&
		       word_in(get(&f->sc, k_after), hijri_marks);
	}
}

/* 0 if the date does not exist (keep looking), else found (1) or error. */
static int finish(struct finder *f, int cal, long y, long m, long d)
{
	int r = conv_date(&f->cv, cal, (int)y, (int)m, (int)d, f->out);
	return r < 0 ? -1 : r == 0;
}

/* 2019-12-01, 1403/09/08, 01.12.2019, 1/12/2019 (no spaces inside). */
static int try_numeric(struct finder *f)
{
	struct scan *sc = &f->sc;
	const struct tok *t0 = get(sc, 0), *t1 = get(sc, 1), *t2 = get(sc, 2);
	const struct tok *t3 = get(sc, 3), *t4 = get(sc, 4), *y, *d;
	int cal;

	if (!t4 || t1->kind != TK_PUNCT || t1->sp || t2->kind != TK_NUM ||
	    t2->sp || t2->ndig > 2 || t3->kind != TK_PUNCT || t3->sp ||
	    t4->kind != TK_NUM || t4->sp)
		return 0;
	if (t1->ch != t3->ch || (t1->ch != '-' && t1->ch != '.' && t1->ch != '/'))
		return 0;
	if (t0->ndig == 4 && t4->ndig <= 2) {
		y = t0;
		d = t4;
	} else if (t0->ndig <= 2 && t4->ndig == 4) {
		d = t0;
		y = t4;
	} else {
		return 0;
	}
	if (glued_before(sc, t0) || glued_after(sc, 5))
		return 0;
	if (y->val >= 1300 && y->val <= 1499) {
		if (word_in(get(sc, 5), hijri_marks) || f->lang == RG_LANG_AR ||
		    (f->lang == RG_LANG_NONE && y->dsys == 1))
			cal = CAL_ISLAMIC;
		else
			cal = CAL_PERSIAN;
	} else if (y->val >= 1500 && y->val <= 2999) {
		cal = CAL_GREG;
	} else {
		return 0;
	}
	return finish(f, cal, y->val, t2->val, d->val);
}

/* Skips an ordinal ending after a day: 1st, 1-го, 1-ci; returns tokens. */
static size_t skip_ordinal(struct scan *sc, size_t k)
{
	const struct tok *t = get(sc, k), *u;
	if (t && !t->sp && word_in(t, en_ordinals))
		return 1;
	u = get(sc, k + 1);
	if (is_punct(t, '-') && !t->sp && u && !u->sp && u->kind == TK_WORD &&
	    u->wlen >= 0 && u->wlen <= 12)
		return 2;
	return 0;
}

/* 1 December 2019, 8 آذر ماه 1403, 5 ربيع الآخر 1441 هـ, 1 ديسمبر/كانون الأول 2019. */
static int try_day_first(struct finder *f)
{
	struct scan *sc = &f->sc;
	const struct tok *day = get(sc, 0), *y, *t;
	struct month m, alt;
	size_t k;

	if (!is_day(day) || glued_before(sc, day))
		return 0;
	k = 1 + skip_ordinal(sc, 1);
	if (word_in(get(sc, k), en_of))
		k++;
	if (!find_month(sc, k, f->langs, &m))
		return 0;
	k += m.ntok;
	if (is_punct(get(sc, k), '.'))
		k++;
	/* a second name of the same month: ديسمبر/كانون الأول, Dec (December) */
	t = get(sc, k);
	if ((is_punct(t, '/') || is_punct(t, '(') || is_punct(t, '-')) &&
	    find_month(sc, k + 1, f->langs, &alt) && alt.cal == m.cal &&
	    alt.month == m.month) {
		k += 1 + alt.ntok;
		if (is_punct(get(sc, k), ')'))
			k++;
	}
	if (is_punct(get(sc, k), ',') || is_punct(get(sc, k), 0x060C))
		k++;
	if (word_in(get(sc, k), fa_suffixes))
		k++;
	if (word_in(get(sc, k), year_words))
		k++;
	y = get(sc, k);
	if (!is_year(y) || !year_fits(f, m.cal, y->val, k + 1))
		return 0;
	return finish(f, m.cal, y->val, m.month, day->val);
}

/* December 1, 2019; Dec. 1st 2019 (English only). */
static int try_month_first(struct finder *f)
{
	struct scan *sc = &f->sc;
	const struct tok *t1 = get(sc, 1), *t2 = get(sc, 2), *day, *y;
	struct month m;
	size_t k;

	if (!(f->langs & L(RG_LANG_EN)))
		return 0;
	/* cheap filter: a number must follow at once or after a dot */
	if (!t1 || (t1->kind != TK_NUM && !(is_punct(t1, '.') && t2 &&
					     t2->kind == TK_NUM)))
		return 0;
	if (!find_month(sc, 0, L(RG_LANG_EN), &m))
		return 0;
	k = m.ntok;
	if (is_punct(get(sc, k), '.'))
		k++;
	day = get(sc, k);
	if (!is_day(day))
		return 0;
	k++;
	if (word_in(get(sc, k), en_ordinals) && !get(sc, k)->sp)
		k++;
	if (is_punct(get(sc, k), ','))
		k++;
	y = get(sc, k);
	if (!is_year(y) || !year_fits(f, m.cal, y->val, k + 1))
		return 0;
	return finish(f, m.cal, y->val, m.month, day->val);
}

/* 2019-cu il 1 dekabr, 2019-cu il dekabrın 1-də (Azerbaijani). */
static int try_az_year_first(struct finder *f)
{
	static const char *const il[] = { "il", "ilin", NULL };
	struct scan *sc = &f->sc;
	const struct tok *y = get(sc, 0), *t, *day;
	struct month m;
	size_t k = 1;

	if (!(f->langs & L(RG_LANG_AZ)) || !is_year(y) || glued_before(sc, y))
		return 0;
	t = get(sc, 1);
	if (is_punct(t, '-') && !t->sp && get(sc, 2) &&
	    get(sc, 2)->kind == TK_WORD && !get(sc, 2)->sp)
		k = 3;
	if (!word_in(get(sc, k), il))
		return 0;
	k++;
	if (is_punct(get(sc, k), ','))
		k++;
	day = get(sc, k);
	if (is_day(day)) {
		k++;
		k += skip_ordinal(sc, k);
		if (!find_month(sc, k, L(RG_LANG_AZ), &m))
			return 0;
	} else {
		if (!find_month(sc, k, L(RG_LANG_AZ), &m))
			return 0;
		day = get(sc, k + m.ntok);
		if (!is_day(day))
			return 0;
	}
	if (!year_fits(f, m.cal, y->val, 0))
		return 0;
	return finish(f, m.cal, y->val, m.month, day->val);
}

static int try_at(struct finder *f)
{
	const struct tok *t = get(&f->sc, 0);
	int r;

	if (t->kind == TK_WORD)
		return try_month_first(f);
	if (t->kind != TK_NUM)
		return 0;
	if ((r = try_numeric(f)) != 0)
		return r;
	if ((r = try_az_year_first(f)) != 0)
		return r;
	return try_day_first(f);
}

static int ref_date_find(const char *text, size_t len, int lang,
			 char out[11], size_t *at)
{
	struct finder f;
	const struct tok *t;
	int rc = 0;

	memset(&f, 0, sizeof f);
	f.sc.s = (const uint8_t *)text;
	f.sc.len = text ? len : 0;
	f.lang = lang >= 0 && lang < RG_NLANG ? lang : RG_LANG_NONE;
	f.langs = f.lang == RG_LANG_NONE ? ~0u : L(f.lang);
	while ((t = get(&f.sc, 0)) != NULL) {
		rc = try_at(&f);
		if (rc < 0)
			goto out;
		if (rc > 0) {
			memcpy(out, f.out, sizeof f.out);
			if (at)
				*at = t->start;
			goto out;
		}
		drop(&f.sc);
	}
out:
	conv_close(&f.cv);
	return rc;
}


/* ---- end of the reference ---- */

/* ---- comparisons with the reference ------------------------------------ */

/* Does rg_date_find answer text[0..len) in `lang` as the reference? */
static int same_as_ref(const char *text, size_t len, int lang)
{
	char a[11] = "untouched", b[11] = "untouched";
	size_t at_a = (size_t)-1, at_b = (size_t)-1;
	int ra = rg_date_find(text, len, lang, a, &at_a);
	int rb = ref_date_find(text, len, lang, b, &at_b);
	if (ra == rb && at_a == at_b && memcmp(a, b, sizeof a) == 0)
		return 1;
	printf("# lang %d, %zu bytes: %d %.10s at %zu, reference %d %.10s at %zu\n",
	       lang, len, ra, a, at_a, rb, b, at_b);
	return 0;
}

/* Every language (and none) on text[0..len), and on its tails and heads. */
static int same_in_every_lang(const char *text, size_t len)
{
	for (int lang = RG_LANG_NONE; lang < RG_NLANG; lang++)
		if (!same_as_ref(text, len, lang))
			return 0;
	return 1;
}

/*
 * The documents of `path` (a JSONL file or a directory of texts), if it
 * exists: each in every language, and from each of its first 200 bytes
 * (tails starting mid-token and mid-character).
 */
static void test_corpus(const char *path)
{
	const char *paths[1] = { path };
	rg_reader *r = NULL;
	rg_doc doc;
	int bad = 0, n = 0, got;

	if (rg_reader_open(&r, paths, 1, RG_INPUT_AUTO, 0, NULL) != RG_OK) {
		ok(0, "a corpus to compare on (run from the repository's top)");
		return;
	}
	while ((got = rg_reader_next(r, &doc)) == 1 && bad < 5) {
		n++;
		if (!same_in_every_lang(doc.text, doc.len))
			bad++;
		for (size_t k = 1; n % 8 == 0 && k < 200 && k < doc.len;
		     k += 1 + k / 16)
			if (!same_in_every_lang(doc.text + k, doc.len - k))
				bad++;
	}
	rg_reader_free(r);
	printf("# %s: %d documents\n", path, n);
	ok(got >= 0 && bad == 0, "corpus documents: as the reference");
}

/* Fragments of dates, and what lies around them, for the random texts. */
static const char *const frags[] = {
	/* digits of the three scripts, numbers of every length */
	"1", "5", "12", "31", "32", "0", "00", "08", "2019", "1403", "1441",
	"1500", "999", "12345", "\xd9\xa1", "\xd9\xa2\xd9\xa0", "\xd9\xa1\xd9\xa4\xd9\xa4\xd9\xa1",
	"\xdb\xb8", "\xdb\xb1\xdb\xb0", "\xdb\xb1\xdb\xb4\xdb\xb0\xdb\xb3", "\xdb\xb2\xdb\xb0\xdb\xb1\xdb\xb9",
	/* separators and punctuation */
	" ", " ", " ", "  ", "\n", "\t", "\xc2\xa0", "\xe2\x80\x83", ".", "/", "-", ":", ",",
	"(", ")", "'", "\xd8\x8c", "\xd9\xab", "\xd9\xac", "\xe2\x80\x94",
	/* ignorables: ZWNJ, ZWJ, tatweel, soft hyphen, harakat, bidi marks */
	"\xe2\x80\x8c", "\xe2\x80\x8d", "\xd9\x80", "\xc2\xad", "\xd9\x8e", "\xcc\x81",
	"\xe2\x80\x8f", "\xe2\x80\x8e",
	/* ill-formed and truncated sequences, NUL */
	"\xff", "\x80", "\xd9", "\xdb", "\xe2\x80", "\xc0\xaf", "\xed\xa0\x80",
	/* English, Azerbaijani, Russian and Turkish pieces */
	"of", "st", "nd", "th", "the", "on", "DEC", "Dec", "MAY", "Sept",
	"il", "ilin", "cu", "ci", "\xc4\xb1n", "d\xc9\x99", "ayda", "\xd0\xb3",
	"\xd0\xb3\xd0\xbe", "\xd0\x81", "\xc4\xb0", "I", "\xc4\xb1",
	/* Arabic and Persian pieces: marks after a year, year words, mah */
	"\xd9\x87\xd9\x80", "\xd9\x87", "\xd9\x82", "\xd9\x87.\xd9\x82",
	"\xd9\x87\xd8\xac\xd8\xb1\xd9\x8a", "\xd9\x82\xd9\x85\xd8\xb1\xdb\x8c",
	"\xd8\xb3\xd8\xa7\xd9\x84", "\xd8\xb9\xd8\xa7\xd9\x85", "\xd9\x85\xd8\xa7\xd9\x87",
	"\xd8\xa7\xd9\x84", "\xd9\x88",
	/* words of other scripts, a letter above the BMP */
	"\xce\xa9\xce\xb1", "\xe4\xb8\xad", "\xf0\x9d\x90\x93",
};

/* One of the month names of dates.c's own tables (the reference copy's). */
static const char *any_month(void)
{
	const size_t nt = sizeof tables / sizeof tables[0];
	const struct month_table *tab = &tables[(size_t)rand() % nt];
	return tab->names[(size_t)rand() % tab->n].name;
}

/* One of the words the patterns look for around a month (the copy's lists). */
static const char *suffix_of(void)
{
	static const char *const *const lists[] = {
		az_suffixes, fa_suffixes, year_words, hijri_marks, en_ordinals,
		en_of,
	};
	const char *const *l = lists[(size_t)rand() % 6];
	size_t n = 0;
	while (l[n])
		n++;
	return l[(size_t)rand() % n];
}

/* Appends piece p to text (n bytes so far, cap bytes): upper-cased at times. */
static size_t put(char *text, size_t n, size_t cap, const char *p)
{
	size_t m = strlen(p);
	if (n + m > cap)
		return n;
	memcpy(text + n, p, m);
	if (rand() % 8 == 0)
		for (size_t i = n; i < n + m; i++)
			if (text[i] >= 'a' && text[i] <= 'z')
				text[i] = (char)(text[i] - 'a' + 'A');
	return n + m;
}

/* A number of `digits` digits in a random script, value about v. */
static size_t put_num(char *text, size_t n, size_t cap, long v, int digits)
{
	static const char *const zero[3] = { "0", "\xd9\xa0", "\xdb\xb0" };
	int sys = rand() % 3;
	char d[8];
	for (int i = digits - 1; i >= 0; i--, v /= 10)
		d[i] = (char)(v % 10);
	for (int i = 0; i < digits; i++) {
		char one[4];
		strcpy(one, zero[sys]);
		one[strlen(one) - 1] = (char)(one[strlen(one) - 1] + d[i]);
		n = put(text, n, cap, one);
	}
	return n;
}

/* Something close to a date: numeric, day-month-year, month-day-year, az. */
static size_t put_date_like(char *text, size_t n, size_t cap)
{
	static const char *const seps[] = { " ", " ", "-", ".", "/", ", ", "" };
	static const long years[] = { 2019, 1403, 1441, 1357, 1299, 1500, 999,
				      3000, 2024 };
	long day = 1 + rand() % 33, month = 1 + rand() % 13;
	long year = years[(size_t)rand() % 9];
	const char *sep = seps[(size_t)rand() % 7];
	switch (rand() % 4) {
	case 0: /* numeric, either order */
		if (rand() % 2) {
			n = put_num(text, n, cap, year, 4);
			n = put(text, n, cap, sep);
			n = put_num(text, n, cap, month, 1 + rand() % 2);
			n = put(text, n, cap, rand() % 4 ? sep : "/");
			n = put_num(text, n, cap, day, 1 + rand() % 2);
		} else {
			n = put_num(text, n, cap, day, 1 + rand() % 2);
			n = put(text, n, cap, sep);
			n = put_num(text, n, cap, month, 1 + rand() % 2);
			n = put(text, n, cap, rand() % 4 ? sep : "-");
			n = put_num(text, n, cap, year, 4);
		}
		break;
	case 1: /* day month year */
		n = put_num(text, n, cap, day, 1 + rand() % 2);
		n = put(text, n, cap, rand() % 4 ? " " : "-");
		n = put(text, n, cap, any_month());
		n = put(text, n, cap, rand() % 4 ? " " : suffix_of());
		if (rand() % 4 == 0)
			n = put(text, n, cap, "/");
		if (rand() % 4 == 0)
			n = put(text, n, cap, any_month());
		n = put(text, n, cap, " ");
		n = put_num(text, n, cap, year, 4);
		break;
	case 2: /* month day, year */
		n = put(text, n, cap, any_month());
		n = put(text, n, cap, rand() % 3 ? " " : ". ");
		n = put_num(text, n, cap, day, 1 + rand() % 2);
		n = put(text, n, cap, rand() % 3 ? ", " : "th ");
		n = put_num(text, n, cap, year, 4);
		break;
	default: /* 2019-cu il 1 dekabr, 2019-cu il dekabrın 1-də */
		n = put_num(text, n, cap, year, 4);
		n = put(text, n, cap, rand() % 2 ? "-cu il " : " ilin ");
		if (rand() % 2) {
			n = put_num(text, n, cap, day, 1 + rand() % 2);
			n = put(text, n, cap, " ");
			n = put(text, n, cap, any_month());
		} else {
			n = put(text, n, cap, any_month());
			n = put(text, n, cap, suffix_of());
			n = put(text, n, cap, " ");
			n = put_num(text, n, cap, day, 1 + rand() % 2);
		}
	}
	if (rand() % 3 == 0) {
		n = put(text, n, cap, rand() % 2 ? " " : "");
		n = put(text, n, cap, suffix_of());
	}
	return n;
}

/* 20,000 random texts of date fragments: every language as the reference. */
static void test_random(void)
{
	const size_t nf = sizeof frags / sizeof *frags;
	char text[512];
	int bad = 0, found = 0, runs = 0;
	srand(11);
	for (int r = 0; r < 20000; r++) {
		size_t n = 0;
		int parts = 1 + rand() % 24;
		for (int k = 0; k < parts; k++) {
			int pick = rand() % 10;
			if (pick >= 8)
				n = put_date_like(text, n, sizeof text);
			else if (pick < 3)
				n = put(text, n, sizeof text, any_month());
			else if (pick == 3)
				n = put(text, n, sizeof text, suffix_of());
			else
				n = put(text, n, sizeof text, frags[(size_t)rand() % nf]);
			if (rand() % 3)
				n = put(text, n, sizeof text, rand() % 4 ? " " : ".");
		}
		/* at times a NUL inside, or a length cutting the last piece */
		if (n > 0 && rand() % 16 == 0)
			text[(size_t)rand() % n] = '\0';
		size_t len = rand() % 8 ? n : (size_t)rand() % (n + 1);
		char out[11];
		runs++;
		if (!same_in_every_lang(text, len))
			bad++;
		if (rg_date_find(text, len, RG_LANG_NONE, out, NULL) == 1)
			found++;
		if (bad >= 5)
			break;
	}
	printf("# random texts: %d with a date\n", found);
	ok(bad == 0 && runs == 20000, "20,000 random texts: as the reference");
	ok(found > 1000, "random texts: many hold a date");
}

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
	test_random();
	test_corpus("data/samples");  /* our own sample corpus */
	test_corpus("../shared/seeds"); /* the seeds, beside the checkout (CI has them) */
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
