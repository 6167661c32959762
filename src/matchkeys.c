/*
 * matchkeys.c - the candidate keys of each word for the matcher (match.c):
 * the word as written, without an Arabic proclitic, without up to two
 * Azerbaijani/Turkish/Persian/Arabic endings, as a Russian stem, and two
 * Arabic-script words joined, each looked up in the lexicon's word map.
 * The affix rules are data (data/affixes.tsv); news repeats its words, so
 * each analysis keeps a bounded cache from a word to its keys.
 */
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "matchkeys.h"

typedef rg_cand cand;

/*
 * A cheap hash of a key: its length and its first and last 8 bytes (two
 * overlapping 4-byte reads, or three bytes, when shorter), the bit of
 * the filter over the lexicon's keys.
 */
static inline uint32_t keybit(const char *w, size_t n)
{
	const uint8_t *p = (const uint8_t *)w;
	uint64_t x, y;
	if (n >= 8) {
		memcpy(&x, w, 8);
		memcpy(&y, w + n - 8, 8);
	} else if (n >= 4) {
		uint32_t a, b;
		memcpy(&a, w, 4);
		memcpy(&b, w + n - 4, 4);
		x = a;
		y = b;
	} else {
		x = n ? (uint64_t)p[0] << 16 | (uint64_t)p[n / 2] << 8 | p[n - 1] : 0;
		y = 0;
	}
	uint64_t h = x * 0xFF51AFD7ED558CCDull + y * 0xC4CEB9FE1A85EC53ull + n;
	h ^= h >> 31;
	h *= 0x9E3779B97F4A7C15ull;
	return (uint32_t)(h >> (64 - RG_KEYBITS_LOG));
}

static inline int key_maybe(const struct rg_affix_index *ix, const char *w, size_t n)
{
	uint32_t b = keybit(w, n);
	return (ix->keybits[b >> 6] >> (b & 63)) & 1;
}

static int affix_key(int kind, const rg_affix *a)
{
	return (uint8_t)(kind == RG_AF_PREFIX || kind == RG_AF_ARTICLE
			 ? a->text[0] : a->text[a->len - 1]);
}

rg_err rg_match_index_build(rg_lexicon *lex)
{
	static _Atomic uint64_t serials;
	size_t total = 0, n_words = lex->words.n_ents;
	for (int l = 0; l < RG_NLANG; l++)
		for (int k = 0; k < RG_AF_N; k++)
			total += lex->affixes[l].n[k];
	/* one block: the header, idx[total], root_child and role_child */
	struct rg_affix_index *ix = malloc(sizeof *ix + (total + 2 * n_words) *
					   sizeof ix->idx[0]);
	if (!ix)
		return RG_ENOMEM;
	ix->serial = atomic_fetch_add(&serials, 1) + 1;
	uint32_t at = 0;
	for (int l = 0; l < RG_NLANG; l++) {
		for (int k = 0; k < RG_AF_N; k++) {
			const rg_affix_set *set = &lex->affixes[l];
			for (int b = 0; b < 256; b++) {
				ix->off[l][k][b] = at;
				for (size_t i = 0; i < set->n[k]; i++)
					if (set->list[k][i].len &&
					    affix_key(k, &set->list[k][i]) == b)
						ix->idx[at++] = (uint32_t)i;
			}
			ix->off[l][k][256] = at;
		}
	}
	ix->root_child = ix->idx + total;
	ix->role_child = ix->root_child + n_words;
	memset(ix->keybits, 0, sizeof ix->keybits);
	for (size_t i = 0; i < n_words; i++) {
		size_t len;
		const char *k = rg_strmap_key(&lex->words, i, &len);
		uint32_t b = keybit(k, len);
		ix->keybits[b >> 6] |= (uint64_t)1 << (b & 63);
		ix->root_child[i] = rg_u64map_get(&lex->edges, i);
		ix->role_child[i] = lex->n_role_phrases
			? rg_u64map_get(&lex->edges, (uint64_t)lex->role_root << 32 | i)
			: UINT32_MAX;
	}
	free(lex->match_ix);
	lex->match_ix = ix;
	return RG_OK;
}

/* The affixes of kind k in set l that may end (prefixes: begin) with byte b. */
typedef struct {
	const rg_affix *list;
	const uint32_t *idx;
	size_t n;
} affix_group;

static affix_group affix_group_of(const rg_lexicon *lex, const struct rg_affix_index *ix,
				  const rg_affix_set *set, int k, uint8_t b)
{
	int l = (int)(set - lex->affixes);
	uint32_t from = ix->off[l][k][b], to = ix->off[l][k][b + 1];
	return (affix_group){ set->list[k], ix->idx + from, to - from };
}

#define MAX_CANDS 48

/* Keys being collected into the caller's c[0 .. max), max <= MAX_CANDS. */
typedef struct {
	cand *c;
	int n, max;
} cand_list;

static void cand_add(cand_list *l, uint32_t id, int where, int mods, int adj, int span)
{
	if (id == UINT32_MAX || l->n == l->max)
		return;
	for (int i = 0; i < l->n; i++)
		if (l->c[i].id == id && l->c[i].where == where && l->c[i].span == span)
			return;
	l->c[l->n++] = (cand){ id, (uint8_t)where, (uint8_t)mods, (uint8_t)adj,
			       (uint8_t)span };
}

/* The affix set that applies to a word of this script in a document of lang. */
static inline __attribute__((always_inline)) int affixes_for(int lang, uint8_t flags)
{
	if (flags & RG_TF_CYRILLIC)
		return RG_LANG_RU;
	if (flags & RG_TF_ARABIC)
		return lang == RG_LANG_FA ? RG_LANG_FA : RG_LANG_AR;
	if (lang == RG_LANG_AZ || lang == RG_LANG_TR || lang == RG_LANG_EN)
		return lang;
	return RG_LANG_EN;
}

/* The word key w[0..n), after the filter; UINT32_MAX when absent. */
static inline uint32_t lookup(const rg_lexicon *lex, const struct rg_affix_index *ix,
			      const char *w, size_t n)
{
	if (!key_maybe(ix, w, n))
		return UINT32_MAX;
	return rg_strmap_get(&lex->words, w, n);
}

/* The stem key (RG_STEM_KEY, then w[0..n)); short ones built on the stack. */
static uint32_t lookup_stem(const rg_lexicon *lex, const struct rg_affix_index *ix,
			    rg_sb *key, const char *w, size_t n)
{
	char buf[64];
	if (n < sizeof buf) {
		buf[0] = RG_STEM_KEY;
		memcpy(buf + 1, w, n);
		return lookup(lex, ix, buf, n + 1);
	}
	rg_sb_reset(key);
	if (rg_sb_addc(key, RG_STEM_KEY) || rg_sb_add(key, w, n))
		return UINT32_MAX;
	return lookup(lex, ix, key->buf, key->len);
}

/*
 * Whether w[0..n) has at least min characters: rg_utf8_chars(w, n) >= min,
 * counting only as far as it takes (the count of a prefix never falls).
 */
static inline int has_chars(const char *w, size_t n, size_t min)
{
	size_t c = 0;
	for (size_t i = 0; i < n && c < min; i++)
		c += ((unsigned char)w[i] & 0xC0) != 0x80;
	return c >= min;
}

static int ends_with(const char *w, size_t n, const rg_affix *a)
{
	return a->len < n && memcmp(w + n - a->len, a->text, a->len) == 0 &&
	       has_chars(w, n - a->len, a->min);
}

/* Adds the keys of w minus up to two endings. */
static void add_suffixed(const rg_lexicon *lex, const struct rg_affix_index *ix,
			 const rg_affix_set *set, const char *w, size_t n, int where,
			 int mods, cand_list *l)
{
	if (!n)
		return;
	for (int k = RG_AF_SUFFIX; k <= RG_AF_ADJSUFFIX; k++) {
		affix_group g = affix_group_of(lex, ix, set, k, (uint8_t)w[n - 1]);
		for (size_t i = 0; i < g.n; i++) {
			const rg_affix *a = &g.list[g.idx[i]];
			if (!ends_with(w, n, a))
				continue;
			size_t n1 = n - a->len;
			int adj = k == RG_AF_ADJSUFFIX;
			cand_add(l, lookup(lex, ix, w, n1), where | RG_W_LAST_ONLY,
				 mods | RG_MOD_SUFFIX, adj, 1);
			for (int k2 = RG_AF_SUFFIX; k2 <= RG_AF_ADJSUFFIX; k2++) {
				affix_group g2 = affix_group_of(lex, ix, set, k2,
								(uint8_t)w[n1 - 1]);
				for (size_t j = 0; j < g2.n; j++) {
					const rg_affix *b = &g2.list[g2.idx[j]];
					if (ends_with(w, n1, b))
						cand_add(l, lookup(lex, ix, w, n1 - b->len),
							 where | RG_W_LAST_ONLY,
							 mods | RG_MOD_SUFFIX,
							 adj || k2 == RG_AF_ADJSUFFIX, 1);
				}
			}
		}
	}
}

/* Adds every key of one base form (a word, or a word cut at its apostrophe). */
static void add_forms(const rg_lexicon *lex, const struct rg_affix_index *ix,
		      const rg_affix_set *set, rg_sb *key, const char *w, size_t n,
		      int where, int mods, int span, cand_list *l)
{
	cand_add(l, lookup(lex, ix, w, n), where, mods, 0, span);
	affix_group gs = affix_group_of(lex, ix, set, RG_AF_STEM, (uint8_t)w[n - 1]);
	for (size_t i = 0; i < gs.n; i++) {
		const rg_affix *a = &gs.list[gs.idx[i]];
		if (!ends_with(w, n, a))
			continue;
		size_t m = n - a->len;
		cand_add(l, lookup(lex, ix, w, m), where, mods | RG_MOD_STEM, 0, span);
		cand_add(l, lookup_stem(lex, ix, key, w, m), where, mods | RG_MOD_STEM, 0, span);
	}
	if (set->n[RG_AF_STEM]) /* the stem of the word as written */
		cand_add(l, lookup_stem(lex, ix, key, w, n), where, mods | RG_MOD_STEM, 0, span);
	if (span > 1)
		return;
	add_suffixed(lex, ix, set, w, n, where, mods, l);
	affix_group gp = affix_group_of(lex, ix, set, RG_AF_PREFIX, (uint8_t)w[0]);
	for (size_t i = 0; i < gp.n; i++) {
		const rg_affix *a = &gp.list[gp.idx[i]];
		if (a->len >= n || memcmp(w, a->text, a->len) != 0 ||
		    !has_chars(w + a->len, n - a->len, a->min))
			continue;
		cand_add(l, lookup(lex, ix, w + a->len, n - a->len), where | RG_W_FIRST_ONLY,
			 mods | RG_MOD_PREFIX, 0, 1);
		add_suffixed(lex, ix, set, w + a->len, n - a->len, where | RG_W_FIRST_ONLY,
			     mods | RG_MOD_PREFIX, l);
	}
}

/*
 * The keys of one form into out[0 .. max) (max <= MAX_CANDS), returning
 * their number: span 1, the word w[0..n) with its apostrophe at apos (0:
 * none); span 2, two Arabic-script words joined.  They depend on nothing
 * else, which is what lets the cache below reuse them.  Stopping at max
 * keeps the same keys as collecting MAX_CANDS and cutting to max: both
 * are the first distinct keys in the same order.
 */
static int form_keys(const rg_lexicon *lex, rg_sb *key, int set, int span,
		     const char *w, size_t n, size_t apos, cand *out, int max)
{
	const struct rg_affix_index *ix = lex->match_ix;
	cand_list l = { out, 0, max };
	if (span == 2) {
		add_forms(lex, ix, &lex->affixes[set], key, w, n, 0, RG_MOD_JOIN, 2, &l);
		return l.n;
	}
	add_forms(lex, ix, &lex->affixes[set], key, w, n, 0, 0, 1, &l);
	if (apos) /* Türkiye'nin: the name before the apostrophe */
		cand_add(&l, lookup(lex, ix, w, apos), RG_W_LAST_ONLY, RG_MOD_APOS, 0, 1);
	return l.n;
}

/*
 * The key cache: a four-way set-associative table from (affix set,
 * apostrophe, folded word) to the word's keys, kept across the documents
 * of one analysis.  Bounded: KC_SETS x KC_WAYS slots of one cache line
 * (512 KB in all).  Each set is kept in order of last use: a hit moves
 * its slot first, a new word goes first and the least recently used is
 * dropped.  With two ways and no move on a hit, a third word in a set
 * evicted frequent ones: on a 2 MB corpus whose words are first seen
 * 7,303 times, there were 10,884 misses; 8,131 now.  Words longer than KC_KEY
 * bytes (about 1%) or with more than KC_CANDS keys are computed every
 * time, and so are joined words (their keys are one lookup).  Tied to
 * one lexicon by its serial.
 */
#define KC_SETS 2048
#define KC_WAYS 4
#define KC_KEY 24
#define KC_CANDS 4

struct kc_slot {
	/* kc_tag: the word's kc_hash, bytes (0: empty), affix set and
	   apostrophe, compared at once; the top byte holds the keys in c */
	uint64_t tag;
	char key[KC_KEY];
	cand c[KC_CANDS];
};

#define KC_TAG_MASK 0x00FFFFFFFFFFFFFFull

/* The tag of a word of n bytes (1 <= n <= KC_KEY), so never 0. */
static inline uint64_t kc_tag(uint32_t h, size_t n, int set, size_t apos)
{
	return h | (uint64_t)n << 32 | (uint64_t)set << 40 | (uint64_t)apos << 48;
}

struct rg_key_cache {
	uint64_t serial;         /* of the lexicon the entries come from */
	struct kc_slot slot[KC_SETS][KC_WAYS];
};

/*
 * A hash of a word of n <= KC_KEY bytes with its affix set and
 * apostrophe: the bytes as at most three overlapping 8-byte words (two
 * 4-byte ones, or three bytes, for short words), each multiplied by its
 * own odd constant, then one more multiply.  Only the cache's speed
 * depends on it: a slot is taken only after its key compares equal.
 */
static inline uint32_t kc_hash(const char *w, size_t n, int set, size_t apos)
{
	const uint8_t *b = (const uint8_t *)w;
	uint64_t x, y;
	if (n >= 8) {
		x = rg_read64(w);
		y = rg_read64(w + n - 8); /* overlapping */
		if (n > 16)
			x ^= rg_read64(w + 8) * 0x9E3779B97F4A7C15ull;
	} else if (n >= 4) {
		x = rg_read32(w);
		y = rg_read32(w + n - 4);
	} else {
		x = n ? (uint64_t)b[0] << 16 | (uint64_t)b[n / 2] << 8 | b[n - 1] : 0;
		y = 0;
	}
	uint64_t h = x * 0xFF51AFD7ED558CCDull + y * 0xC4CEB9FE1A85EC53ull +
		     ((uint64_t)n << 16 | (uint64_t)set << 8 | apos);
	h *= 0xD6E8FEB86659FD93ull;
	return (uint32_t)(h >> 32); /* the well-mixed half */
}

/* Whether a[0..n) == b[0..n), n <= KC_KEY: a few word compares, no call. */
static inline int kc_key_eq(const char *a, const char *b, size_t n)
{
	if (n >= 8) {
		for (size_t i = 0; i + 8 < n; i += 8)
			if (rg_read64(a + i) != rg_read64(b + i))
				return 0;
		return rg_read64(a + n - 8) == rg_read64(b + n - 8); /* overlapping */
	}
	if (n >= 4)
		return rg_read32(a) == rg_read32(b) && rg_read32(a + n - 4) == rg_read32(b + n - 4);
	for (size_t i = 0; i < n; i++)
		if (a[i] != b[i])
			return 0;
	return 1;
}

static inline int kc_is(const struct kc_slot *e, uint64_t tag, const char *w, size_t n)
{
	return (e->tag & KC_TAG_MASK) == tag && kc_key_eq(e->key, w, n);
}

/*
 * The cache entry of a word w[0..n) (tag: its kc_tag), or NULL.  Inline:
 * nine words in ten are found here, so the lookup costs no call.
 */
static inline const struct kc_slot *kc_get(struct rg_key_cache *kc, uint64_t tag,
					    const char *w, size_t n)
{
	struct kc_slot *e = kc->slot[tag & (KC_SETS - 1)];
	if (kc_is(&e[0], tag, w, n))
		return &e[0];
	for (int i = 1; i < KC_WAYS; i++) {
		if (!kc_is(&e[i], tag, w, n))
			continue;
		struct kc_slot used = e[i]; /* the most recently used goes first */
		memmove(&e[1], &e[0], (size_t)i * sizeof *e);
		e[0] = used;
		return &e[0];
	}
	return NULL;
}

/*
 * Computes the keys of a word missing from the cache into out[0 ..
 * MAX_CANDS) and returns their number; kept in the cache (kc may be NULL:
 * none) when there are few enough.  Out of line: the rare, long path.
 */
static __attribute__((noinline)) int word_keys(const rg_lexicon *lex, rg_scratch *s,
					       struct rg_key_cache *kc, int set,
					       const char *w, size_t n, size_t apos,
					       uint64_t tag, cand *out)
{
	int k = form_keys(lex, &s->key, set, 1, w, n, apos, out, MAX_CANDS);
	if (kc && k <= KC_CANDS) {
		struct kc_slot *e = kc->slot[tag & (KC_SETS - 1)];
		memmove(&e[1], &e[0], (KC_WAYS - 1) * sizeof *e);
		e[0].tag = tag | (uint64_t)k << 56;
		memcpy(e[0].key, w, n);
		memcpy(e[0].c, out, (size_t)k * sizeof *out);
	}
	return k;
}

/*
 * The kc_tag of token tok's word (0 when it is not cached: no cache, no
 * bytes or more than KC_KEY), after asking the processor to fetch its
 * cache set: the sets are scattered over 512 KB and reading one was most
 * of the cost of a hit, so the loop below hashes KC_AHEAD tokens in
 * advance and finds their sets in cache when it gets there.
 */
#define KC_AHEAD 8
static inline __attribute__((always_inline)) uint64_t
kc_tag_token(struct rg_key_cache *kc, int lang, const rg_token *tok, const char *fold)
{
	if (!kc || tok->fold_len > KC_KEY || !tok->fold_len)
		return 0;
	int set = affixes_for(lang, tok->flags);
	uint32_t h = kc_hash(fold + tok->fold_off, tok->fold_len, set, tok->apos);
	__builtin_prefetch(kc->slot[h & (KC_SETS - 1)]);
	return kc_tag(h, tok->fold_len, set, tok->apos);
}

/*
 * The keys of two Arabic-script words joined, w[0..n), into out[0 .. max)
 * (max >= 1).  Without stem rules in the set (Arabic and Persian have
 * none) form_keys would make one key, the joined word as written, so it is
 * looked up here directly; a set with stem rules goes the long way.
 */
static inline int join_keys(const rg_lexicon *lex, rg_scratch *s, int set,
			    const char *w, size_t n, cand *out, int max)
{
	if (lex->affixes[set].n[RG_AF_STEM])
		return form_keys(lex, &s->key, set, 2, w, n, 0, out, max);
	uint32_t id = lookup(lex, lex->match_ix, w, n);
	if (id == UINT32_MAX)
		return 0;
	out[0] = (cand){ id, 0, RG_MOD_JOIN, 0, 2 };
	return 1;
}

/* Whether token t of toks[0 .. n_toks) is joined with t+1 as one Arabic-script word. */
static inline int joins_next(const rg_token *toks, size_t n_toks, size_t t)
{
	const rg_token *tok = &toks[t], *nx = tok + 1;
	return t + 1 < n_toks && (tok->flags & RG_TF_ARABIC) &&
	       (nx->flags & RG_TF_ARABIC) && (nx->flags & RG_TF_GLUED) &&
	       !(nx->flags & RG_TF_HYPHEN) && nx->para == tok->para &&
	       nx->fold_off == tok->fold_off + tok->fold_len;
}

rg_err rg_match_keys_prepare(const rg_lexicon *lex, const rg_analysis *an, rg_scratch *s)
{
	const struct rg_affix_index *ix = lex->match_ix;
	if (s->cands_ready)
		return RG_OK;
	if (!s->key_cache)
		s->key_cache = calloc(1, sizeof *s->key_cache); /* NULL: no cache */
	if (s->key_cache && s->key_cache->serial != ix->serial) {
		memset(s->key_cache, 0, sizeof *s->key_cache);
		s->key_cache->serial = ix->serial;
	}
	if (rg_grow(&s->cand_off, &s->cap_cand_off, s->n_toks + 1, sizeof *s->cand_off))
		return RG_ENOMEM;
	/* locals: the stores below (keys copied as bytes) could otherwise
	   alias every field of s and have them read again per token */
	struct rg_key_cache *kc = s->key_cache;
	const rg_token *toks = s->toks;
	const char *fold = s->fold.buf;
	size_t n_toks = s->n_toks, nc = 0;
	uint32_t *cand_off = s->cand_off;
	int lang = an->lang;
	uint64_t ahead[KC_AHEAD]; /* kc_tag_token of t .. t + KC_AHEAD - 1 */
	for (size_t t = 0; t < KC_AHEAD && t < n_toks; t++)
		ahead[t] = kc_tag_token(kc, lang, &toks[t], fold);
	for (size_t t = 0; t < n_toks; t++) {
		uint64_t tag = ahead[t % KC_AHEAD];
		if (t + KC_AHEAD < n_toks)
			ahead[t % KC_AHEAD] = kc_tag_token(kc, lang, &toks[t + KC_AHEAD], fold);
		const rg_token *tok = &toks[t];
		const char *w = fold + tok->fold_off;
		size_t len = tok->fold_len;
		if (nc + MAX_CANDS + 1 > s->cap_cands &&
		    rg_grow(&s->cands, &s->cap_cands, nc + MAX_CANDS + 1, sizeof *s->cands))
			return RG_ENOMEM;
		cand *out = s->cands + nc;
		cand_off[t] = (uint32_t)nc;
		if (!len) /* the tokenizer keeps none, but keys need a byte */
			continue;
		/* the word's keys: from the cache (tag 0: not cached) or
		   computed and offered to it */
		const struct kc_slot *hit = tag ? kc_get(kc, tag, w, len) : NULL;
		int n;
		if (hit) { /* out has room for MAX_CANDS; a fixed copy is cheaper */
			memcpy(out, hit->c, sizeof hit->c);
			n = (int)(hit->tag >> 56);
		} else {
			n = word_keys(lex, s, tag ? kc : NULL, affixes_for(lang, tok->flags),
				      w, len, tok->apos, tag, out);
		}
		/* the joined form's keys all have span 2, so none repeats one of
		   the word's own; together they keep the first MAX_CANDS */
		if (n < MAX_CANDS && joins_next(toks, n_toks, t))
			n += join_keys(lex, s, affixes_for(lang, tok->flags), w,
				       len + tok[1].fold_len, out + n, MAX_CANDS - n);
		nc += (size_t)n;
	}
	s->n_cands = nc;
	cand_off[n_toks] = (uint32_t)nc;
	s->cands_ready = 1;
	return RG_OK;
}
