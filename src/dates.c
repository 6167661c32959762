/*
 * dates.c - the date finder of dates.h.  A small lexer turns the text into
 * number, word and punctuation tokens (words folded on the way), and a few
 * patterns (numeric, day-month-year, English month-day-year, Azerbaijani
 * year-first) are tried at each token against the month-name tables below.
 * Solar Hijri and Umm al-Qura dates are converted with ICU calendars.
 * ICU's answers for the code points of one or two UTF-8 bytes (Latin,
 * Cyrillic, Arabic script) are cached in a table built once per process,
 * and the search jumps from number to number (to two tokens before one
 * when English month names are in use: "December 1", "Dec. 1").
 * tests/unit/test_dates.c keeps the finder as it was before these fast
 * paths and compares the two.
 */
#include <pthread.h>
#include <string.h>

#include <unicode/ucal.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "dates.h"

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

/*
 * ICU's answers for U+0000..U+07FF, asked once per process: fold(c) and
 * whether c is a space (u_isUWhiteSpace) or a letter (u_isalpha).  The
 * fast helpers below answer from it and ask ICU above it, so they return
 * what fold(), u_isUWhiteSpace(), u_isalpha() and in_word() return for
 * every c >= 0.  Built with it: the first folded code point of each month
 * name, which find_month compares before spelling a name out.
 */
#define FAST_CP 0x800
enum { CP_SPACE = 1, CP_ALPHA = 2, CP_WORD = 4 /* in_word */ };
static UChar32 cp_fold[FAST_CP];
static uint8_t cp_flags[FAST_CP];
static pthread_once_t cp_once = PTHREAD_ONCE_INIT;

#define NAMES_MAX 256
static UChar32 name_first[NAMES_MAX]; /* -1: no filter for that name */
static size_t name_base[sizeof tables / sizeof tables[0]];

static UChar32 lit_next(const char *p, size_t *i);

/* Fills name_first (after cp_fold: lit_next reads it). */
static void names_build(void)
{
	size_t k = 0;
	for (size_t i = 0; i < sizeof tables / sizeof tables[0]; i++) {
		name_base[i] = k;
		for (size_t j = 0; j < tables[i].n; j++, k++) {
			size_t at = 0;
			UChar32 c = lit_next(tables[i].names[j].name, &at);
			if (k < NAMES_MAX)
				name_first[k] = c == 0 || c == ' ' ? -1 : c;
		}
	}
	if (k > NAMES_MAX) /* more names than room: no filter at all */
		for (k = 0; k < NAMES_MAX; k++)
			name_first[k] = -1;
}

static void cp_build(void)
{
	for (UChar32 c = 0; c < FAST_CP; c++) {
		cp_fold[c] = fold(c);
		int alpha = u_isalpha(c) != 0;
		cp_flags[c] = (uint8_t)((u_isUWhiteSpace(c) ? CP_SPACE : 0) |
					(alpha ? CP_ALPHA : 0) |
					(c > 0 && (alpha || cp_fold[c] == 0)
					 ? CP_WORD : 0));
	}
	names_build();
}

static UChar32 fold_fast(UChar32 c)
{
	return (uint32_t)c < FAST_CP ? cp_fold[c] : fold(c);
}

static int is_space(UChar32 c)
{
	return (uint32_t)c < FAST_CP ? cp_flags[c] & CP_SPACE
				     : u_isUWhiteSpace(c);
}

static int is_alpha(UChar32 c)
{
	return (uint32_t)c < FAST_CP ? cp_flags[c] & CP_ALPHA : u_isalpha(c);
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
		c = fold_fast(c);
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

/*
 * The code point at s[i] (i < len; negative when ill-formed); *next follows
 * it.  One- and well-formed two-byte sequences are decoded here, as U8_NEXT
 * decodes them; the rest by U8_NEXT.
 */
static inline UChar32 decode(const uint8_t *s, size_t i, size_t len,
			     size_t *next)
{
	UChar32 c;
	if (s[i] < 0x80) {
		*next = i + 1;
		return s[i];
	}
	if (s[i] >= 0xC2 && s[i] <= 0xDF && i + 1 < len &&
	    (s[i + 1] & 0xC0) == 0x80) {
		*next = i + 2;
		return ((UChar32)(s[i] & 0x1F) << 6) | (s[i + 1] & 0x3F);
	}
	U8_NEXT(s, i, len, c);
	*next = i;
	return c;
}

/* The code point at sc->pos (negative when ill-formed); *next follows it. */
static UChar32 peek(const struct scan *sc, size_t *next)
{
	return decode(sc->s, sc->pos, sc->len, next);
}

static inline int in_word(UChar32 c)
{
	return (uint32_t)c < FAST_CP ? (cp_flags[c] & CP_WORD) != 0
		: c > 0 && (u_isalpha(c) || fold(c) == 0);
}

/*
 * Reads the word whose first letter c ends at `next`: folds it into t->w
 * (wlen -1 once it could pass WORD_MAX bytes) and leaves sc->pos after it.
 */
static void lex_word(struct scan *sc, struct tok *t, UChar32 c, size_t next)
{
	const uint8_t *s = sc->s;
	size_t len = sc->len, n = 0, pos;
	int too_long = 0;

	t->kind = TK_WORD;
	for (;;) {
		UChar32 f = fold_fast(c);
		if (f != 0 && !too_long) {
			if (n + U8_MAX_LENGTH > WORD_MAX)
				too_long = 1;
			else
				U8_APPEND_UNSAFE(t->w, n, f);
		}
		pos = next;
		if (pos >= len)
			break;
		c = decode(s, pos, len, &next);
		if (!in_word(c))
			break;
	}
	sc->pos = pos;
	t->wlen = too_long ? -1 : (int)n;
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
		if (c <= 0 || is_space(c))
			t->sp = 1;
		else if (fold_fast(c) != 0)
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
	} else if (is_alpha(c)) {
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

/* Token t goes behind: it becomes *p1, *p1 becomes *p2. */
static void glue_push(struct glue *p1, struct glue *p2, const struct tok *t)
{
	*p2 = *p1;
	p1->kind = t->kind;
	p1->sp = t->sp;
	p1->ch = t->kind == TK_PUNCT ? t->ch : 0;
}

static void drop(struct scan *sc)
{
	glue_push(&sc->prev1, &sc->prev2, &sc->ring[sc->head]);
	sc->head = (sc->head + 1) % RING;
	sc->n--;
}

/* ---- skipping to the next number ---------------------------------------- */

/*
 * Only a number can start a date, or with English month names a word one
 * or two tokens before a number (try_month_first); try_at returns 0
 * elsewhere, only reading tokens, so the search may jump from one number
 * to the next.  What the patterns
 * read of the tokens behind a number is their glue (prev1, prev2), and
 * the number's own sp: skip_to_number rebuilds those by lexing, from a
 * point where the lexer is known to be between tokens, the last tokens
 * before the number.
 */

/*
 * The bytes a digit starts with: '0'-'9'; D9 (U+0660-0669 is D9 A0-A9)
 * and DB (U+06F0-06F9 is DB B0-B9) with the second byte they need.
 */
#define DIGIT_BYTE(b) \
	((b) >= '0' && (b) <= '9' ? 1 : (b) == 0xD9 ? 0xA0 : (b) == 0xDB ? 0xB0 : 0)
#define DIGIT_ROW(b) DIGIT_BYTE(b), DIGIT_BYTE((b) + 1), DIGIT_BYTE((b) + 2), \
	DIGIT_BYTE((b) + 3), DIGIT_BYTE((b) + 4), DIGIT_BYTE((b) + 5), \
	DIGIT_BYTE((b) + 6), DIGIT_BYTE((b) + 7)
static const uint8_t digit_byte[256] = {
	DIGIT_ROW(0x00), DIGIT_ROW(0x08), DIGIT_ROW(0x10), DIGIT_ROW(0x18),
	DIGIT_ROW(0x20), DIGIT_ROW(0x28), DIGIT_ROW(0x30), DIGIT_ROW(0x38),
	DIGIT_ROW(0x40), DIGIT_ROW(0x48), DIGIT_ROW(0x50), DIGIT_ROW(0x58),
	DIGIT_ROW(0x60), DIGIT_ROW(0x68), DIGIT_ROW(0x70), DIGIT_ROW(0x78),
	DIGIT_ROW(0x80), DIGIT_ROW(0x88), DIGIT_ROW(0x90), DIGIT_ROW(0x98),
	DIGIT_ROW(0xA0), DIGIT_ROW(0xA8), DIGIT_ROW(0xB0), DIGIT_ROW(0xB8),
	DIGIT_ROW(0xC0), DIGIT_ROW(0xC8), DIGIT_ROW(0xD0), DIGIT_ROW(0xD8),
	DIGIT_ROW(0xE0), DIGIT_ROW(0xE8), DIGIT_ROW(0xF0), DIGIT_ROW(0xF8),
};

/*
 * The first digit (Western, Arabic-Indic, Persian) at or after byte i,
 * or len.  D9 and DB are lead bytes, so a code point starts there.
 */
static size_t next_digit(const uint8_t *s, size_t i, size_t len)
{
	for (; i < len; i++) {
		uint8_t need = digit_byte[s[i]];
		if (need == 0)
			continue;
		if (need == 1 || (i + 1 < len &&
				  (unsigned)(s[i + 1] - need) < 10))
			return i;
	}
	return len;
}

/* ASCII spaces: always a code point of their own, never inside a token. */
static int space_byte(uint8_t b)
{
	return b == ' ' || b == '\n' || b == '\t' || b == '\r';
}

/*
 * Where to lex from to see `segments` space-separated runs of bytes
 * before byte d (no lower than `lo`): just after a space byte, where the
 * lexer is between tokens and the next token has sp set; or lo itself.
 */
static size_t back_segments(const uint8_t *s, size_t lo, size_t d,
			    int segments)
{
	size_t i = d;
	while (segments-- > 0) {
		while (i > lo && space_byte(s[i - 1]))
			i--;
		while (i > lo && !space_byte(s[i - 1]))
			i--;
	}
	return i;
}

/* The scan's place and glue after some token (or before the first). */
struct place {
	size_t end;
	struct glue p1, p2;
};

#define KEEP_MAX 2

/*
 * Lexes the tokens from byte q up to the number at byte d, the scan being
 * between tokens at q with at[0] (end q) the glue before (sp_first: the
 * first token follows a space).  at[i % (keep + 1)] is left with the place
 * after token i for the last keep + 1 tokens.  sc->pos is moved; returns
 * the tokens lexed.
 */
static size_t lex_upto(struct scan *sc, size_t q, size_t d, int sp_first,
		       int keep, struct place at[KEEP_MAX + 1])
{
	struct tok t;
	struct place cur = at[0];
	size_t n = 0;

	sc->pos = q;
	while (lex(sc, &t) && t.start < d) {
		if (n == 0 && sp_first)
			t.sp = 1;
		glue_push(&cur.p1, &cur.p2, &t);
		cur.end = sc->pos;
		n++;
		at[n % (size_t)(keep + 1)] = cur;
	}
	return n;
}

/* Puts the scan at place p with an empty window: the tokens before it
   read and dropped. */
static void resume_at(struct scan *sc, const struct place *p)
{
	sc->n = 0;
	sc->pos = p->end;
	sc->prev1 = p->p1;
	sc->prev2 = p->p2;
}

/*
 * Moves the scan to `keep` tokens before the next number, as if the
 * tokens up to there had been read and dropped, when no number lies
 * between: the window holds none and `keep` tokens or more come before the
 * number (with English month names, keep is 2: "December 1", "Dec. 1").
 * Returns 0 when no number is left (then there is no date either).
 */
static int skip_to_number(struct scan *sc, int keep)
{
	size_t d, pos = sc->pos, m;
	struct place at[KEEP_MAX + 1];

	for (size_t k = 0; k < sc->n; k++)
		if (sc->ring[(sc->head + k) % RING].kind == TK_NUM)
			return 1;
	d = next_digit(sc->s, pos, sc->len);
	if (d >= sc->len)
		return 0;
	for (int seg = 2 + keep; seg <= 4 + keep; seg++) {
		size_t q = back_segments(sc->s, pos, d, seg);
		if (q == pos)
			break;
		/* q follows a space: the lexer is between tokens there, and
		   the glue is known once two tokens have been lexed */
		at[0].end = q;
		at[0].p1 = sc->prev1;
		at[0].p2 = sc->prev2;
		m = lex_upto(sc, q, d, 1, keep, at);
		if (m >= (size_t)keep + 2) {
			resume_at(sc, &at[(m - keep) % (size_t)(keep + 1)]);
			return 1;
		}
	}
	/* from where the scan is, the window's tokens behind: exact */
	at[0].end = pos;
	at[0].p1 = sc->prev1;
	at[0].p2 = sc->prev2;
	for (size_t k = 0; k < sc->n; k++)
		glue_push(&at[0].p1, &at[0].p2, &sc->ring[(sc->head + k) % RING]);
	m = lex_upto(sc, pos, d, 0, keep, at);
	if (m < (size_t)keep) { /* too near: walk on */
		sc->pos = pos;
		return 1;
	}
	resume_at(sc, &at[(m - keep) % (size_t)(keep + 1)]);
	return 1;
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
	size_t best = 0, p = 0;
	UChar32 w0 = -2;

	if (!t || t->kind != TK_WORD || t->wlen < 0)
		return 0;
	/* a name whose first folded code point is not the word's cannot
	   match (match_name compares that one first) */
	if (t->wlen > 0)
		U8_NEXT_UNSAFE((const uint8_t *)t->w, p, w0);
	for (size_t i = 0; i < sizeof tables / sizeof tables[0]; i++) {
		const struct month_table *tab = &tables[i];
		if (!(tab->langs & langs))
			continue;
		for (size_t j = 0; j < tab->n; j++) {
			size_t at = name_base[i] + j;
			if (at < NAMES_MAX && name_first[at] >= 0 &&
			    name_first[at] != w0 && w0 != -2)
				continue;
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

int rg_date_iso_valid(const char *s)
{
	int v[3] = { 0, 0, 0 };
	if (!s || strnlen(s, 10) < 10)
		return 0;
	for (int i = 0; i < 10; i++) {
		if (i == 4 || i == 7) {
			if (s[i] != '-')
				return 0;
		} else if (s[i] < '0' || s[i] > '9') {
			return 0;
		} else {
			int f = i < 4 ? 0 : i < 7 ? 1 : 2;
			v[f] = v[f] * 10 + (s[i] - '0');
		}
	}
	return v[1] >= 1 && v[1] <= 12 && v[2] >= 1 && v[2] <= greg_days(v[0], v[1]);
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

int rg_date_find(const char *text, size_t len, int lang, char out[11],
		 size_t *at)
{
	struct finder f;
	const struct tok *t;
	int rc = 0;

	pthread_once(&cp_once, cp_build);
	/* the ring is not cleared: lex() writes each field it reads */
	f.sc.head = f.sc.n = 0;
	memset(&f.sc.prev1, 0, sizeof f.sc.prev1);
	memset(&f.sc.prev2, 0, sizeof f.sc.prev2);
	memset(&f.cv, 0, sizeof f.cv);
	f.sc.pos = 0;
	f.sc.s = (const uint8_t *)text;
	f.sc.len = text ? len : 0;
	f.lang = lang >= 0 && lang < RG_NLANG ? lang : RG_LANG_NONE;
	f.langs = f.lang == RG_LANG_NONE ? ~0u : L(f.lang);
	for (;;) {
		if (!skip_to_number(&f.sc, f.langs & L(RG_LANG_EN) ? 2 : 0))
			break;
		if ((t = get(&f.sc, 0)) == NULL)
			break;
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

int rg_date_convert(const char *calendar, int year, int month, int day,
		    char out[11])
{
	struct conv cv = { NULL, NULL, NULL };
	char buf[11];
	int cal, r;

	if (!calendar)
		return -1;
	if (strcmp(calendar, "gregorian") == 0)
		cal = CAL_GREG;
	else if (strcmp(calendar, "persian") == 0)
		cal = CAL_PERSIAN;
	else if (strcmp(calendar, "islamic-umalqura") == 0)
		cal = CAL_ISLAMIC;
	else
		return -1;
	r = conv_date(&cv, cal, year, month, day, buf);
	conv_close(&cv);
	if (r != 0)
		return -1;
	memcpy(out, buf, sizeof buf);
	return 0;
}
