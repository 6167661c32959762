/*
 * matchkeys.h - the candidate keys of a word (matchkeys.c) for the trie
 * walks of match.c: the word ids it may stand for as written, without an
 * affix, as a Russian stem or joined with the next Arabic-script word, and
 * the lexicon's index that makes finding them cheap.
 */
#ifndef RG_MATCHKEYS_H
#define RG_MATCHKEYS_H

#include "analysis.h"

/* Where a candidate key may stand in an alias. */
enum {
	RG_W_FIRST_ONLY = 1,   /* a proclitic was removed */
	RG_W_LAST_ONLY = 2     /* an ending was removed */
};

/* One candidate key of a token. */
typedef struct rg_cand {
	uint32_t id;     /* word id in lex->words */
	uint8_t where;   /* RG_W_* */
	uint8_t mods;    /* RG_MOD_* */
	uint8_t adj;     /* an adjective ending was removed */
	uint8_t span;    /* tokens consumed: 1, or 2 for joined words */
} rg_cand;

/*
 * The affix rules of each language and kind grouped by the byte they end
 * with (prefixes: begin with), each group in the rules' own order, so a
 * word is only compared with the affixes that can fit it and the
 * candidates come out in the same order as a scan of the whole list.
 */
#define RG_KEYBITS_LOG 17
struct rg_affix_index {
	uint64_t serial;   /* tells the lexicon apart from others for the key cache */
	/* per word id: the trie node it leads to from the actor root and from
	   the office-phrase root (UINT32_MAX: none), the walks' first step */
	uint32_t *root_child, *role_child;
	uint32_t off[RG_NLANG][RG_AF_N][257]; /* group b: idx[off[b] .. off[b+1]) */
	/* a filter over the lexicon's word keys: the bit of keybit() is set
	   for every key, so a clear bit means the key is absent */
	uint64_t keybits[(1u << RG_KEYBITS_LOG) / 64];
	uint32_t idx[];
};

/*
 * Computes the candidate keys of every token of the segmented document in
 * s once, into s->cands / s->cand_off (token t: cands[cand_off[t] ..
 * cand_off[t + 1])); does nothing when s->cands_ready.  Keys of frequent
 * words come from the per-analysis cache s->key_cache (allocated here on
 * first use, freed by rg_analysis_release).  Returns RG_ENOMEM.
 */
rg_err rg_match_keys_prepare(const rg_lexicon *lex, const rg_analysis *an, rg_scratch *s);

#endif
