/*
 * analysis.h - the private scratch of an rg_analysis: the folded words of
 * the document with their byte offsets, the sentence iterators, and the
 * capacities of the public arrays.  text.c fills the tokens, match.c turns
 * them into mentions, formats.c into formats; analyze.c runs the three.
 */
#ifndef RG_ANALYSIS_H
#define RG_ANALYSIS_H

#include <unicode/ubrk.h>

#include "lexicon.h"

/* Token flags. */
enum {
	RG_TF_UPPER = 1,     /* has a capital and no lower-case letter */
	RG_TF_LATIN = 2,
	RG_TF_CYRILLIC = 4,
	RG_TF_ARABIC = 8,
	RG_TF_GLUED = 16,    /* only spaces or hyphens since the previous token */
	RG_TF_HYPHEN = 32,   /* a hyphen or dash since the previous token */
	RG_TF_CASED = 64,    /* has a letter of a cased script */
	RG_TF_INITIAL = 128  /* begins with a capital */
};

/*
 * One word; 32 bytes, as a document has about one per 6 bytes of text.
 * Offsets are 32-bit: rg_text_segment refuses a document whose text or
 * folded words reach RG_TEXT_MAX bytes (far above --max-doc-bytes).
 */
#define RG_TEXT_MAX UINT32_MAX

/*
 * Paragraphs of up to this many bytes are handed to ICU's sentence
 * iterator as UTF-16 (its fast path); longer or ill-formed ones go as a
 * UTF-8 UText, so the scratch stays bounded (6 bytes per unit: 384 KiB).
 */
#define RG_U16_PARA 65536
typedef struct {
	uint32_t fold_off, fold_len; /* the folded word in scratch.fold */
	uint32_t apos;               /* offset of an apostrophe in it, or 0 */
	uint32_t start, end;         /* bytes of the original text */
	int para;                    /* 1-based */
	int sent;                    /* 1-based */
	uint8_t flags;
} rg_token;

typedef struct {
	rg_sb fold;
	rg_token *toks;
	size_t n_toks, cap_toks;
	size_t cap_paras, cap_sents, cap_mentions, cap_formats;
	struct rg_para_note {       /* per paragraph, for text.c's sentence
				       step: its first token, and what the
				       tokenizer learnt of it (PB_*) */
		size_t tok0;
		unsigned bits;
	} *para_notes;
	size_t cap_para_notes;
	UBreakIterator *sbrk[RG_NLANG];
	UChar *u16;                 /* a paragraph in UTF-16 for the sentence
				       iterator (text.c), at most RG_U16_PARA */
	uint32_t *u16_at;           /* byte offset in it of each unit, + end
				       (one allocation with u16) */
	size_t *members;            /* storage of the formats' members */
	size_t n_members, cap_members;
	rg_sb key;                  /* scratch for candidate keys */
	struct rg_role_hit {        /* office phrases found by match.c */
		size_t a, b;            /* tokens [a, b) */
		uint32_t phrase;        /* index into lex->role_phrases */
		uint8_t former;         /* "former", «سابق» beside it (roles.c) */
	} *hits;
	size_t n_hits, cap_hits, cap_roles;
	uint32_t *role_hit;         /* per an->roles entry: its office phrase */
	size_t cap_role_hit;
	/* the candidate keys of every token (matchkeys.c), computed once
	   per document (cands[cand_off[t] .. cand_off[t + 1]) for token t) */
	struct rg_cand *cands;
	size_t n_cands, cap_cands;
	uint32_t *cand_off;
	size_t cap_cand_off;
	int cands_ready;            /* reset by rg_analyze for each document */
	/* matchkeys.c's cache of the keys of frequent words, kept across
	   documents (bounded, 512 KB); NULL until the first document */
	struct rg_key_cache *key_cache;
} rg_scratch;

/*
 * Swaps the analysis's cache of candidate keys (s->key_cache) with *cache,
 * making the analysis's scratch when it has none.  The cache depends on
 * the lexicon only, so a pipeline worker lends its one cache to every
 * slot it analyses (and takes it back after), and the cache learns from
 * all of the worker's documents rather than one slot's.  The cache is a
 * single malloc'd block: free() releases it.  RG_ENOMEM.
 */
rg_err rg_analysis_swap_cache(rg_analysis *an, struct rg_key_cache **cache);

/*
 * Splits doc into paragraphs, sentences and folded tokens (text.c).  With
 * `guess` set and a text of at most RG_LANG_GUESS_MAX bytes, also guesses
 * an->lang (rg_lang_detect's answer) in the same pass over the text;
 * otherwise an->lang is the language already known.  Reports the first
 * ill-formed UTF-8 sequence through diag.  Returns RG_EINPUT (reported
 * through diag) when the text or its folded words reach RG_TEXT_MAX bytes,
 * RG_ENOMEM or RG_EICU.
 */
rg_err rg_text_segment(const rg_lexicon *lex, const rg_doc *doc, rg_analysis *an,
		       rg_scratch *s, int guess, const rg_diag *diag);

/* Finds the actor mentions among the tokens (match.c). */
rg_err rg_match_tokens(const rg_lexicon *lex, const rg_doc *doc, rg_analysis *an,
		       rg_scratch *s);

/* Finds the office phrases among the tokens into s->hits (match.c). */
rg_err rg_match_roles(const rg_lexicon *lex, const rg_doc *doc, rg_analysis *an,
		      rg_scratch *s);

/*
 * Resolves the office phrases of s->hits with their countries and the
 * document date into an->roles and role mentions (roles.c).
 */
rg_err rg_roles_resolve(const rg_lexicon *lex, const rg_doc *doc, rg_analysis *an,
			rg_scratch *s);

/* Finds the multilateral formats among the mentions (formats.c). */
rg_err rg_formats_find(const rg_lexicon *lex, const rg_doc *doc, rg_analysis *an,
		       rg_scratch *s);

#endif
