/*
 * surnames.h - whether a surname matched alone is another person's
 * (surnames.c); used by match.c.  The given names and each person's
 * given-name initials it reads are loaded by rg_surnames_load.
 */
#ifndef RG_SURNAMES_H
#define RG_SURNAMES_H

#include "analysis.h"

/* rg_surnames_load (lexicon.h): a missing given-names file is reported
   through diag and leaves the rule off. */

/*
 * Whether the surname of `person` matched alone at token a follows another
 * person's given name: the word just before it, in its sentence, with only
 * spaces between, is a common given name (data/given_names.tsv) outside
 * any mention found so far, and does not begin as one of the person's own
 * given or middle names ("Elnur Əliyev" is not Ilham Aliyev; "Ilkham
 * Aliyev" may be).
 */
int rg_surname_after_given_name(const rg_lexicon *lex, const rg_analysis *an,
				const rg_scratch *s, size_t a, uint32_t person);

#endif
