/*
 * lang.h - guesses which of relgraph's six languages a text is written in,
 * from the script of its letters and a few cheap lexical cues; no model and
 * no data files.  rg_analyze() uses it for documents whose metadata gives
 * no language.
 */
#ifndef RG_LANG_H
#define RG_LANG_H

#include <stddef.h>

#include "relgraph.h"

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

#endif
