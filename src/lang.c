/*
 * lang.c - language guessing for documents without metadata: counts letters
 * per script (ICU), then weighs letter and stop-word cues between the
 * languages that share a script.  Cheap by design: one pass, no allocation;
 * the cue tables below are the whole model.
 */
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include "lang.h"

/* A stop word weighs as much as this many cue letters. */
#define WORD_WEIGHT 3
/* Longest word (folded UTF-8 bytes) compared with the tables. */
#define WORD_MAX 40

/* Frequent words only one language of a script uses.  Lower case, NFC. */
static const char *const fa_words[] = {
	"است", "این", "را", "که", "می", "با", "های", "از", "شد", "کرد",
	"برای", "آن", "ها", "نیز", "شده", "کند", NULL
};
/* Arabic yeh/kaf/alef maksura keep these apart from Persian spellings. */
static const char *const ar_words[] = {
	"في", "على", "التي", "الذي", "إلى", "الى", "عن", "هذا", "هذه", "أن",
	"كان", "قال", "بين", "مع", "وقال", NULL
};
static const char *const az_words[] = {
	"və", "ilə", "üçün", "olaraq", "kimi", "çox", "deyil", "amma", "isə",
	"həm", "hər", "tərəfindən", "edib", "bildirib", NULL
};
static const char *const tr_words[] = {
	"ve", "ile", "için", "olarak", "gibi", "çok", "değil", "ama", "de",
	"tarafından", "ise", "yüzde", "olduğunu", NULL
};
static const char *const en_words[] = {
	"the", "of", "and", "to", "in", "is", "that", "for", "on", "with",
	"was", "by", "as", "at", "from", "said", NULL
};

/* Cue totals for one text. */
struct score {
	long arabic, cyrillic, latin;  /* letters per script */
	long fa, ar, az, tr, en;
	long schwa, trl;               /* schwas; Turkish-alphabet letters */
};

static int in_list(const char *const *list, const char *w, size_t n)
{
	for (; *list; list++)
		if ((*list)[0] == w[0] && strlen(*list) == n &&
		    memcmp(*list, w, n) == 0)
			return 1;
	return 0;
}

static void score_word(struct score *sc, const char *w, size_t n)
{
	if (n == 0)
		return;
	if (in_list(fa_words, w, n))
		sc->fa += WORD_WEIGHT;
	if (in_list(ar_words, w, n))
		sc->ar += WORD_WEIGHT;
	/* the Arabic article: al- followed by at least two letters */
	if (n >= 8 && memcmp(w, "\xd8\xa7\xd9\x84", 4) == 0)
		sc->ar += 1;
	if (in_list(az_words, w, n))
		sc->az += WORD_WEIGHT;
	if (in_list(tr_words, w, n))
		sc->tr += WORD_WEIGHT;
	if (in_list(en_words, w, n))
		sc->en += WORD_WEIGHT;
}

/* Counts the script and the cue value of letter `c` (already lower case). */
static void score_letter(struct score *sc, UChar32 c)
{
	UErrorCode st = U_ZERO_ERROR;
	UScriptCode s = uscript_getScript(c, &st);
	if (U_FAILURE(st))
		return;
	if (s == USCRIPT_ARABIC)
		sc->arabic++;
	else if (s == USCRIPT_CYRILLIC)
		sc->cyrillic++;
	else if (s == USCRIPT_LATIN)
		sc->latin++;
	switch (c) {
	case 0x067E: case 0x0686: case 0x0698: case 0x06AF: /* pe che zhe gaf */
	case 0x06CC: case 0x06A9:                           /* Farsi yeh, keheh */
		sc->fa++;
		break;
	case 0x064A: case 0x0643: case 0x0629: case 0x0649: /* yeh kaf ta alef m. */
		sc->ar++;
		break;
	case 0x0259:                                        /* schwa */
		sc->schwa++;
		sc->az += 3;
		break;
	case 'x': case 'q':
		sc->az++;
		break;
	case 0x00E7: case 0x015F: case 0x011F: case 0x0131: /* ç ş ğ ı */
	case 0x00F6: case 0x00FC:                           /* ö ü */
		sc->trl++;
		break;
	default:
		break;
	}
}

/* Marks inside a word (harakat, combining accents) and tatweel are skipped. */
static int in_word_ignorable(UChar32 c)
{
	return c == 0x0640 || u_charType(c) == U_NON_SPACING_MARK;
}

static int decide(const struct score *sc)
{
	if (sc->arabic == 0 && sc->cyrillic == 0 && sc->latin == 0)
		return RG_LANG_NONE;
	if (sc->arabic >= sc->cyrillic && sc->arabic >= sc->latin)
		return sc->fa > sc->ar ? RG_LANG_FA : RG_LANG_AR;
	if (sc->cyrillic >= sc->latin)
		return RG_LANG_RU;
	/*
	 * Turkish letters also occur in Azerbaijani, so they only count for tr
	 * when schwa, which Turkish lacks, is rare beside them.
	 */
	long tr = sc->tr + (sc->schwa * 4 > sc->trl ? 0 : sc->trl);
	if (sc->az > tr && sc->az > sc->en)
		return RG_LANG_AZ;
	if (tr > sc->en)
		return RG_LANG_TR;
	return RG_LANG_EN;
}

int rg_lang_detect(const char *text, size_t len, size_t max)
{
	struct score sc;
	char word[WORD_MAX];
	size_t wn = 0, i = 0;
	int wlong = 0;
	const uint8_t *s = (const uint8_t *)text;

	memset(&sc, 0, sizeof sc);
	if (!text)
		len = 0;
	if (max && max < len)
		len = max;
	while (i < len) {
		UChar32 c;
		U8_NEXT(s, i, len, c);
		if (c >= 0 && u_isalpha(c)) {
			c = u_tolower(c);
			score_letter(&sc, c);
			if (wn + U8_MAX_LENGTH > sizeof word)
				wlong = 1;
			else
				U8_APPEND_UNSAFE(word, wn, c);
			continue;
		}
		if (c >= 0 && in_word_ignorable(c))
			continue;
		if (!wlong)
			score_word(&sc, word, wn);
		wn = 0;
		wlong = 0;
	}
	if (!wlong)
		score_word(&sc, word, wn);
	return decide(&sc);
}
