/*
 * lang.c - language guessing for documents without metadata: counts letters
 * per script, then weighs letter and stop-word cues between the languages
 * that share a script.  Cheap by design: one pass, no allocation; the cue
 * tables below are the whole model.  ICU's answers for the BMP (letter?,
 * lower case, script, cue) are cached in a table built once per process
 * from ICU's general-category ranges and script sets.  Inside a word, the
 * letters of one or two bytes go through a tight loop (letter_run);
 * rg_lang_detect_ref, the loop as it was before, asking ICU about every
 * character, is the tests' reference.  The tally (rg_lang_tally_*) gives
 * the same guess from another pass's reading: text.c's tokenizer counts
 * the letters by rg_lang_table() and hands over its words.
 */
#include <pthread.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/uset.h>
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

static uint64_t word_fnv(const char *w, size_t n)
{
	uint64_t h = 1469598103934665603ULL;
	for (size_t i = 0; i < n; i++) {
		h ^= (uint8_t)w[i];
		h *= 1099511628211ULL;
	}
	return h;
}


/* Scripts and letter cues, as cached in the code point table. */
enum { SC_NONE, SC_ARABIC, SC_CYRILLIC, SC_LATIN, SC_N };
enum { CUE_NONE, CUE_FA, CUE_AR, CUE_SCHWA, CUE_AZ, CUE_TR, CUE_N };

/* Code point table entry flags. */
enum {
	CP_ALPHA = 1,      /* u_isalpha */
	CP_IGNORE = 2,     /* tatweel or non-spacing mark */
	CP_SLOW = 4        /* lower case above the BMP: ask ICU */
};

/*
 * Per BMP code point, for a letter: its lower case in UTF-8 and the
 * counter its script and cue go to, so the loop over the text only copies
 * bytes and bumps one counter per letter.
 */
typedef struct {
	uint8_t flags;
	uint8_t kind;      /* script * CUE_N + cue, of the lower-case letter */
	uint8_t n;         /* bytes of lower[] */
	uint8_t script;    /* SC_* of the code point itself (while building;
			      8 bytes an entry: indexing is a shift) */
	char lower[U8_MAX_LENGTH]; /* u_tolower, UTF-8 (when CP_ALPHA) */
} cp_ent;

static cp_ent cp_table[0x10000];

/* rg_lang_table(): RG_LT_* per BMP code point, from cp_table. */
static uint8_t lt_table[0x10000];

/* Whether some stop word has this length and first byte, this length and
   last byte (a quick no). */
static uint8_t word_first[WORD_MAX + 1][256];
static uint8_t word_last[WORD_MAX + 1][256];
/* The same for a word as written, of RG_LT_PLAIN letters: whether the
   first (last) byte may be that of a letter whose lower case begins
   (ends) some stop word of this length. */
static uint8_t plain_first[WORD_MAX + 1][256];
static uint8_t plain_last[WORD_MAX + 1][256];

/* The stop words, hashed: the lists each word belongs to (bits 1 << lang). */
#define WORD_SLOTS 256
static struct {
	const char *w;
	uint8_t n;
	uint8_t langs;
} word_slots[WORD_SLOTS];
static size_t word_maxlen;
/* The stop words in a list, for building the tables. */
static struct {
	const char *w;
	size_t n;
} stops[WORD_SLOTS];
static size_t n_stops;

static pthread_once_t tables_once = PTHREAD_ONCE_INIT;

static unsigned word_hash(const char *w, size_t n)
{
	return (unsigned)(word_fnv(w, n) & (WORD_SLOTS - 1));
}

static void add_words(const char *const *list, int lang)
{
	for (; *list; list++) {
		size_t n = strlen(*list);
		unsigned i = word_hash(*list, n);
		while (word_slots[i].w &&
		       !(word_slots[i].n == n && memcmp(word_slots[i].w, *list, n) == 0))
			i = (i + 1) & (WORD_SLOTS - 1);
		word_slots[i].w = *list;
		word_slots[i].n = (uint8_t)n;
		word_slots[i].langs |= (uint8_t)(1u << lang);
		word_first[n][(uint8_t)(*list)[0]] = 1;
		word_last[n][(uint8_t)(*list)[n - 1]] = 1;
		/* a letter that is its own lower case is written as in the word */
		plain_first[n][(uint8_t)(*list)[0]] = 1;
		plain_last[n][(uint8_t)(*list)[n - 1]] = 1;
		if (n_stops < WORD_SLOTS) {
			stops[n_stops].w = *list;
			stops[n_stops++].n = n;
		}
		if (n > word_maxlen)
			word_maxlen = n;
	}
}

static int cue_of(UChar32 c)
{
	switch (c) {
	case 0x067E: case 0x0686: case 0x0698: case 0x06AF: /* pe che zhe gaf */
	case 0x06CC: case 0x06A9:                           /* Farsi yeh, keheh */
		return CUE_FA;
	case 0x064A: case 0x0643: case 0x0629: case 0x0649: /* yeh kaf ta alef m. */
		return CUE_AR;
	case 0x0259:                                        /* schwa */
		return CUE_SCHWA;
	case 'x': case 'q':
		return CUE_AZ;
	case 0x00E7: case 0x015F: case 0x011F: case 0x0131: /* ç ş ğ ı */
	case 0x00F6: case 0x00FC:                           /* ö ü */
		return CUE_TR;
	default:
		return CUE_NONE;
	}
}

/* The script class of script code s. */
static int script_class(int32_t s)
{
	return s == USCRIPT_ARABIC ? SC_ARABIC : s == USCRIPT_CYRILLIC ? SC_CYRILLIC
		: s == USCRIPT_LATIN ? SC_LATIN : SC_NONE;
}

/* The script class of c; SC_NONE also when ICU fails. */
static int script_of(UChar32 c)
{
	UErrorCode st = U_ZERO_ERROR;
	UScriptCode s = uscript_getScript(c, &st);
	if (U_FAILURE(st))
		return -1;
	return script_class(s);
}

/* Marks inside a word (harakat, combining accents) and tatweel are skipped. */
static int in_word_ignorable(UChar32 c)
{
	return c == 0x0640 || u_charType(c) == U_NON_SPACING_MARK;
}

/*
 * u_enumCharTypes callback: marks the letters (u_isalpha: general category
 * L*) CP_ALPHA and the non-spacing marks CP_IGNORE.  Tatweel, the other
 * in_word_ignorable character, is a letter (Lm), so it is never reached
 * as ignorable in the BMP, as in the per-code-point rule (letter first).
 */
static UBool mark_types(const void *ctx, UChar32 start, UChar32 limit, UCharCategory t)
{
	(void)ctx;
	uint8_t f = U_MASK(t) & U_GC_L_MASK ? CP_ALPHA
		: t == U_NON_SPACING_MARK ? CP_IGNORE : 0;
	for (UChar32 c = start; f && c < limit && c < 0x10000; c++)
		cp_table[c].flags = f;
	return limit < 0x10000;
}

/*
 * Sets cp_table[c].script = sc for the BMP code points of script `code`;
 * returns 0 when ICU fails.
 */
static int mark_script(UScriptCode code, uint8_t sc)
{
	UErrorCode st = U_ZERO_ERROR;
	USet *set = uset_openEmpty();
	if (!set)
		return 0;
	uset_applyIntPropertyValue(set, UCHAR_SCRIPT, code, &st);
	int32_t n = U_SUCCESS(st) ? uset_getItemCount(set) : 0;
	for (int32_t k = 0; k < n && U_SUCCESS(st); k++) {
		UChar32 lo, hi;
		if (uset_getItem(set, k, &lo, &hi, NULL, 0, &st) != 0)
			st = U_INTERNAL_PROGRAM_ERROR; /* property sets hold no strings */
		for (UChar32 c = lo; U_SUCCESS(st) && c <= hi && c < 0x10000; c++)
			cp_table[c].script = sc;
	}
	uset_close(set);
	return U_SUCCESS(st);
}

/*
 * Marks plain_first/plain_last for the RG_LT_PLAIN letter c, whose lower
 * case `low` (n bytes) is another letter: the first (last) byte of c
 * where `low` begins (ends) a stop word.
 */
static void mark_plain_case(UChar32 c, const char *low, size_t n)
{
	char own[U8_MAX_LENGTH];
	size_t m = 0;
	U8_APPEND_UNSAFE(own, m, c);
	for (size_t k = 0; k < n_stops; k++) {
		const char *w = stops[k].w;
		size_t wn = stops[k].n;
		if (wn < n)
			continue;
		if (w[0] == low[0] && memcmp(w, low, n) == 0)
			plain_first[wn][(uint8_t)own[0]] = 1;
		if (w[wn - 1] == low[n - 1] && memcmp(w + wn - n, low, n) == 0)
			plain_last[wn][(uint8_t)own[m - 1]] = 1;
	}
}

/*
 * Fills cp_table as asking ICU about each code point would (u_isalpha,
 * in_word_ignorable, u_tolower, script_of, cue_of), reading ICU's general
 * categories and the three scripts' sets by ranges, and lowering only the
 * letters.  If a script set cannot be read, script_of is asked per letter.
 */
static void build_tables(void)
{
	int sets = mark_script(USCRIPT_ARABIC, SC_ARABIC) &&
		mark_script(USCRIPT_CYRILLIC, SC_CYRILLIC) &&
		mark_script(USCRIPT_LATIN, SC_LATIN);
	u_enumCharTypes(mark_types, NULL);
	if (!(cp_table[0x0640].flags & CP_ALPHA)) /* tatweel, were it not Lm */
		cp_table[0x0640].flags = CP_IGNORE;
	add_words(fa_words, RG_LANG_FA);
	add_words(ar_words, RG_LANG_AR);
	add_words(az_words, RG_LANG_AZ);
	add_words(tr_words, RG_LANG_TR);
	add_words(en_words, RG_LANG_EN);
	for (UChar32 c = 0; c < 0x10000; c++) {
		cp_ent *e = &cp_table[c];
		if (e->flags == CP_IGNORE)
			lt_table[c] = RG_LT_IGNORE;
		if (e->flags != CP_ALPHA)
			continue;
		UChar32 l = u_tolower(c);
		if (l >= 0x10000) {
			e->flags |= CP_SLOW;
			lt_table[c] = RG_LT_ALPHA;
			continue;
		}
		size_t n = 0;
		U8_APPEND_UNSAFE(e->lower, n, l);
		e->n = (uint8_t)n;
		int sc = sets ? cp_table[l].script : script_of(l);
		/* every letter cue_of names is below U+0700 */
		/* an ICU failure counts neither the script nor the cue */
		e->kind = (uint8_t)(sc < 0 ? SC_NONE * CUE_N + CUE_NONE
				    : sc * CUE_N + (l < 0x700 ? cue_of(l) : CUE_NONE));
		lt_table[c] = (uint8_t)(RG_LT_ALPHA | e->kind);
		if (n == (size_t)U8_LENGTH(c)) {
			lt_table[c] |= RG_LT_PLAIN;
			if (l != c)
				mark_plain_case(c, e->lower, n);
		}
	}
}

/* Counts w[0..n) if it is a stop word. */
static void score_stop_word(rg_lang_score *sc, const char *w, size_t n)
{
	unsigned i = word_hash(w, n);
	for (; word_slots[i].w; i = (i + 1) & (WORD_SLOTS - 1)) {
		if (word_slots[i].n != n || memcmp(word_slots[i].w, w, n) != 0)
			continue;
		unsigned m = word_slots[i].langs;
		if (m & 1u << RG_LANG_FA)
			sc->fa += WORD_WEIGHT;
		if (m & 1u << RG_LANG_AR)
			sc->ar += WORD_WEIGHT;
		if (m & 1u << RG_LANG_AZ)
			sc->az += WORD_WEIGHT;
		if (m & 1u << RG_LANG_TR)
			sc->tr += WORD_WEIGHT;
		if (m & 1u << RG_LANG_EN)
			sc->en += WORD_WEIGHT;
		return;
	}
}

/* Counts the Arabic article: w[0..n) is al- and at least two letters. */
static inline void score_article(rg_lang_score *sc, const void *w, size_t n)
{
	if (n >= 8 && memcmp(w, "\xd8\xa7\xd9\x84", 4) == 0)
		sc->ar += 1;
}

/* Whether w[0..n) (n > 0) may be a stop word: one has its length, first
   and last byte. */
static inline int stop_bytes(const char *w, size_t n)
{
	return n <= word_maxlen && word_first[n][(uint8_t)w[0]] &&
	       word_last[n][(uint8_t)w[n - 1]];
}

static void score_word(rg_lang_score *sc, const char *w, size_t n)
{
	if (n == 0)
		return;
	score_article(sc, w, n);
	if (n > word_maxlen || !word_first[n][(uint8_t)w[0]])
		return;
	score_stop_word(sc, w, n);
}

/*
 * Whether score_word can count word[0..n) (n > 0): long enough for the
 * article (which starts with byte 0xD8), or a stop word's length and first
 * byte.  Most words are neither; this is score_word's own first test.
 */
static inline int may_be_cue(const char *w, size_t n)
{
	return (n >= 8 && (uint8_t)w[0] == 0xD8) ||
	       (n <= word_maxlen && word_first[n][(uint8_t)w[0]]);
}

/* Counts k lower-case letters of one script and cue. */
static inline void score_letters(rg_lang_score *sc, int script, int cue, long k)
{
	if (script == SC_ARABIC)
		sc->arabic += k;
	else if (script == SC_CYRILLIC)
		sc->cyrillic += k;
	else if (script == SC_LATIN)
		sc->latin += k;
	switch (cue) {
	case CUE_FA: sc->fa += k; break;
	case CUE_AR: sc->ar += k; break;
	case CUE_SCHWA: sc->schwa += k; sc->az += 3 * k; break;
	case CUE_AZ: sc->az += k; break;
	case CUE_TR: sc->trl += k; break;
	default: break;
	}
}

/* Adds the letters counted per kind (script * CUE_N + cue) to sc. */
static void score_kinds(rg_lang_score *sc, const long *kinds)
{
	for (int script = 0; script < SC_N; script++)
		for (int cue = 0; cue < CUE_N; cue++)
			score_letters(sc, script, cue, kinds[script * CUE_N + cue]);
}

static int decide(const rg_lang_score *sc)
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

/* The start of both guessers: the tables, sc zeroed; returns the bytes to
   read (rg_lang_detect's len and max). */
static size_t detect_start(rg_lang_score *sc, const char *text, size_t len, size_t max)
{
	pthread_once(&tables_once, build_tables);
	memset(sc, 0, sizeof *sc);
	if (!text)
		len = 0;
	if (max && max < len)
		len = max;
	return len;
}

/*
 * The reference: the loop rg_lang_detect replaced, asking ICU about every
 * character instead of the table and spelling out every word.
 */
int rg_lang_detect_ref(const char *text, size_t len, size_t max)
{
	rg_lang_score sc;
	char word[WORD_MAX] = { 0 };
	size_t wn = 0, i = 0;
	int wlong = 0;
	const uint8_t *s = (const uint8_t *)text;

	len = detect_start(&sc, text, len, max);
	while (i < len) {
		UChar32 c;
		U8_NEXT(s, i, len, c);
		if (c >= 0 && u_isalpha(c)) {
			c = u_tolower(c);
			int scr = script_of(c);
			if (scr >= 0)
				score_letters(&sc, scr, cue_of(c), 1);
			if (wn + U8_MAX_LENGTH > sizeof word)
				wlong = 1;
			else
				U8_APPEND_UNSAFE(word, wn, c);
			continue;
		}
		if (c >= 0 && in_word_ignorable(c))
			continue;
		if (wn) {
			if (!wlong && may_be_cue(word, wn))
				score_word(&sc, word, wn);
			wn = 0;
			wlong = 0;
		}
	}
	if (!wlong && wn && may_be_cue(word, wn))
		score_word(&sc, word, wn);
	return decide(&sc);
}

/* The word being read: its lower-case form, unless too long for a cue. */
struct word {
	char w[WORD_MAX];
	size_t n;
	int too_long;
};

/*
 * Reads the letters that follow inside a word from s[i], doing for each
 * what rg_lang_detect's general path does for a letter of the table:
 * while the character is one or two bytes of well-formed UTF-8 (decoded
 * as U8_NEXT does: a byte below 0x80 is itself; a lead C2..DF and a trail
 * 80..BF give ((lead & 0x1F) << 6) | (trail & 0x3F); the loop stops
 * before the last byte, so the trail is inside the text) and a letter of
 * the table.  Its lower-case form (at most 3 bytes) is appended while
 * the word has room for 4 (U8_MAX_LENGTH) bytes before it: every letter
 * takes at least one byte of the text, so that holds for the first
 * (WORD_MAX - 4 - n) / 3 + 1 bytes read; past them the general path
 * decides.  Once the word is too long, letters are only counted.
 * Returns where it stopped.
 */
static inline size_t letter_run(const uint8_t *s, size_t i, size_t len, long *kinds,
				struct word *w)
{
	size_t end = len - 1, n = w->n;
	int copy = !w->too_long;
	if (copy) {
		if (n + U8_MAX_LENGTH > WORD_MAX)
			return i;
		/* (WORD_MAX - 4 - n) / 4 + 1 <= (WORD_MAX - 4 - n) / 3 + 1 */
		size_t room = i + ((WORD_MAX - U8_MAX_LENGTH - n) >> 2) + 1;
		if (room < end)
			end = room;
	}
	char *o = w->w + n;
	while (i < end) {
		unsigned c = s[i], k = 1;
		if (c >= 0x80) {
			unsigned t = (unsigned)s[i + 1] - 0x80;
			if (c - 0xC2 > 0xDF - 0xC2 || t > 0x3F)
				break;
			c = ((c & 0x1F) << 6) | t;
			k = 2;
		}
		const cp_ent *e = &cp_table[c];
		if (e->flags != CP_ALPHA)
			break;
		kinds[e->kind]++;
		if (copy) {
			memcpy(o, e->lower, U8_MAX_LENGTH);
			o += e->n;
		}
		i += k;
	}
	w->n = (size_t)(o - w->w);
	return i;
}

/*
 * What `if (may_be_cue(w, n)) score_word(sc, w, n)` does, for a word
 * w[0..n) (n > 0) read by rg_lang_detect, with a tighter first test: the
 * article is tested as score_word does, and a stop word is looked up
 * only when one has the word's length, first byte and last byte (a
 * match needs all three).
 */
static inline void score_cues(rg_lang_score *sc, const char *w, size_t n)
{
	score_article(sc, w, n);
	if (stop_bytes(w, n))
		score_stop_word(sc, w, n);
}

/*
 * rg_lang_detect's pass over s[0..len): BMP letters of the table are
 * counted by kind into kinds[], the others and the words' cues into sc.
 */
static void scan(rg_lang_score *sc, long *kinds, const uint8_t *s, size_t len)
{
	struct word w = { { 0 }, 0, 0 };
	size_t i = 0;
	while (i < len) {
		/* a word has begun: its next letters, most often */
		if (w.n && (i = letter_run(s, i, len, kinds, &w)) >= len)
			break;
		UChar32 c;
		U8_NEXT(s, i, len, c);
		if ((uint32_t)c < 0x10000) { /* c < 0 (ill-formed) is not */
			const cp_ent *e = &cp_table[c];
			if (e->flags == CP_ALPHA) {
				kinds[e->kind]++;
				if (w.n + U8_MAX_LENGTH > sizeof w.w) {
					w.too_long = 1;
				} else if (!w.too_long) {
					memcpy(w.w + w.n, e->lower, U8_MAX_LENGTH);
					w.n += e->n;
				}
				continue;
			}
			if (e->flags == CP_IGNORE)
				continue;
			if (!(e->flags & CP_SLOW))
				goto boundary;
		}
		if (c >= 0 && u_isalpha(c)) {
			c = u_tolower(c);
			int scr = script_of(c);
			if (scr >= 0)
				score_letters(sc, scr, cue_of(c), 1);
			if (w.n + U8_MAX_LENGTH > sizeof w.w)
				w.too_long = 1;
			else if (!w.too_long)
				U8_APPEND_UNSAFE(w.w, w.n, c);
			continue;
		}
		if (c >= 0 && in_word_ignorable(c))
			continue;
boundary:
		/* too_long implies n > 0: nothing to do between words */
		if (w.n) {
			if (!w.too_long)
				score_cues(sc, w.w, w.n);
			w.n = 0;
			w.too_long = 0;
		}
	}
	if (!w.too_long && w.n)
		score_cues(sc, w.w, w.n);
}

int rg_lang_detect(const char *text, size_t len, size_t max)
{
	rg_lang_score sc;
	long kinds[SC_N * CUE_N] = { 0 }; /* BMP letters per kind */

	len = detect_start(&sc, text, len, max);
	scan(&sc, kinds, (const uint8_t *)text, len);
	score_kinds(&sc, kinds);
	return decide(&sc);
}

const uint8_t *rg_lang_table(void)
{
	pthread_once(&tables_once, build_tables);
	return lt_table;
}

void rg_lang_tally_init(rg_lang_tally *t)
{
	pthread_once(&tables_once, build_tables);
	memset(t, 0, sizeof *t);
}

/*
 * A word of RG_LT_PLAIN letters, at most WORD_MAX - U8_MAX_LENGTH bytes
 * (so never too long for scan): its lower case has as many bytes as it,
 * begins with the article's bytes only where it does (alef and lam are
 * each the lower case of themselves alone), and is looked up as scan
 * would once the bytes pass plain_first/plain_last.
 */
static void plain_word(rg_lang_score *sc, const uint8_t *w, size_t n)
{
	score_article(sc, w, n);
	if (n > word_maxlen || !plain_first[n][w[0]] || !plain_last[n][w[n - 1]])
		return;
	char low[WORD_MAX + U8_MAX_LENGTH];
	size_t i = 0, o = 0;
	while (i < n) {
		UChar32 c;
		U8_NEXT_UNSAFE(w, i, c);
		memcpy(low + o, cp_table[c].lower, U8_MAX_LENGTH);
		o += cp_table[c].n;
	}
	if (stop_bytes(low, n))
		score_stop_word(sc, low, n);
}

void rg_lang_tally_word(rg_lang_tally *t, const char *text, size_t start, size_t end,
			int plain)
{
	const uint8_t *w = (const uint8_t *)text + start;
	size_t n = end - start;
	if (plain && n <= WORD_MAX - U8_MAX_LENGTH)
		plain_word(&t->sc, w, n);
	else
		scan(&t->sc, t->spare, w, n);
}

int rg_lang_in_word(UChar32 c)
{
	return u_isalpha(c) || in_word_ignorable(c);
}

int rg_lang_tally_decide(rg_lang_tally *t, const char *text, size_t len)
{
	if (t->fallback)
		return rg_lang_detect(text, len, 0);
	score_kinds(&t->sc, t->kinds);
	return decide(&t->sc);
}
