/*
 * lang.h - guesses which of relgraph's six languages a text is written in,
 * from the script of its letters and a few cheap lexical cues; no model and
 * no data files.  rg_analyze() uses it for documents whose metadata gives
 * no language.
 */
#ifndef RG_LANG_H
#define RG_LANG_H

#include <stddef.h>
#include <stdint.h>

#include <unicode/umachine.h>

#include "relgraph.h"

/* Documents up to this many bytes are guessed whole; longer ones by this
   many first bytes (rg_analyze). */
#define RG_LANG_GUESS_MAX 65536

/*
 * Guesses the language (RG_LANG_*) of the UTF-8 text[0..len), which need
 * not be NUL-terminated; ill-formed sequences are skipped.  Only the first
 * `max` bytes are read (0: all of them).  `text` may be NULL when len is 0.
 *
 * The script with the most letters decides the family, then cues decide:
 *   Arabic script -> fa or ar: Persian letters (pe, che, zhe, gaf, Farsi yeh,
 *     keheh) and words (است، این، را، که، می، از...) against Arabic letters
 *     (yeh, kaf, teh marbuta, alef maksura), the article al- and words
 *     (في، على، التي، الذي، إلى...); a tie goes to ar.
 *   Cyrillic -> ru.
 *   Latin -> az, tr or en: schwa, x and q and words (və, ilə, üçün...) for az;
 *     Turkish letters without schwa and words (ve, ile, için...) for tr;
 *     English stop words (the, of, and...) for en; no cue at all gives en.
 *
 * What it cannot tell apart: other Cyrillic languages (Ukrainian, Kazakh...)
 * are reported as ru; Urdu, Pashto, Kurdish (Sorani) as fa; Latin languages
 * other than az/tr (French, German...) as en, as are short Latin texts
 * without a cue word; a Turkish text quoting much Azerbaijani may pass for
 * az.  Returns RG_LANG_NONE when the text has no letter of these three
 * scripts (empty, digits and punctuation only, Chinese...).
 *
 * Cost: one pass over at most `max` bytes; no allocation; thread-safe.
 */
int rg_lang_detect(const char *text, size_t len, size_t max);

/*
 * The same answer as rg_lang_detect, from a plainer loop that asks ICU
 * about every character and spells out every word (several times slower):
 * the reference tests/unit/test_lang.c compares rg_lang_detect with.
 */
int rg_lang_detect_ref(const char *text, size_t len, size_t max);

/* The letters and words rg_lang_detect counts (its whole state). */
typedef struct rg_lang_score {
	long arabic, cyrillic, latin;  /* letters per script */
	long fa, ar, az, tr, en;
	long schwa, trl;               /* schwas; Turkish-alphabet letters */
} rg_lang_score;

/*
 * The guess made while another pass reads the text (text.c's tokenizer),
 * so the text is not read twice.  That pass decodes every character as
 * U8_NEXT does over the whole text and, for each BMP code point c, adds
 * one to kinds[rg_lang_table()[c] & RG_LT_KIND]; it hands every word it
 * finds to rg_lang_tally_word, and sets `fallback` where its words and the
 * guesser's could differ (below).  rg_lang_tally_decide then gives what
 * rg_lang_detect(text, len, 0) gives.
 */
typedef struct {
	long kinds[32];
	long spare[32];     /* rg_lang_tally_word's recounts, not read */
	rg_lang_score sc;
	int fallback;
} rg_lang_tally;

/* rg_lang_table() bits. */
enum {
	RG_LT_KIND = 31,    /* which count a BMP letter goes to (0: none) */
	RG_LT_ALPHA = 32,   /* a letter (general category L*) */
	RG_LT_IGNORE = 64,  /* inside a word but no part of it (Mn, tatweel) */
	RG_LT_PLAIN = 128   /* a letter counted by its kind whose lower case
			       has as many UTF-8 bytes as itself */
};

/* Per BMP code point, the bits above; thread-safe, built once. */
const uint8_t *rg_lang_table(void);

/* Zeroes t. */
void rg_lang_tally_init(rg_lang_tally *t);

/*
 * Counts the word text[start, end) (well-formed UTF-8): a span whose
 * characters are letters, ignorables and others that the guesser's words
 * end at, with none of the first two just before `start` or just after
 * `end`.  plain: every character of it has RG_LT_PLAIN (its cues are then
 * read from the bytes as they are).  Letters of the table are not counted
 * here (the caller counted them); others (above the BMP) are.
 */
void rg_lang_tally_word(rg_lang_tally *t, const char *text, size_t start, size_t end,
			int plain);

/*
 * Whether the guesser's words continue over c (c >= 0x10000; below, see
 * the table): a letter or an in-word ignorable.
 */
int rg_lang_in_word(UChar32 c);

/*
 * The language of text[0..len) (len <= RG_LANG_GUESS_MAX) from the tally
 * of a pass over all of it; with t->fallback set, rg_lang_detect's.
 */
int rg_lang_tally_decide(rg_lang_tally *t, const char *text, size_t len);

#endif
