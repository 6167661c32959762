/*
 * match.c - finds actor mentions: at each word, walks the lexicon's trie
 * over the word's candidate keys (as written; without an Arabic proclitic;
 * without Azerbaijani/Turkish/Persian/Arabic endings; Russian stems; two
 * Arabic-script words joined) and keeps the longest match, leftmost first.
 * One pass over the tokens; the affix rules are data (data/affixes.tsv).
 */
#include <stdlib.h>
#include <string.h>

#include "analysis.h"

/* Where a candidate key may stand in an alias. */
enum {
	W_FIRST_ONLY = 1,   /* a proclitic was removed */
	W_LAST_ONLY = 2     /* an ending was removed */
};

typedef struct rg_cand {
	uint32_t id;
	uint8_t where;
	uint8_t mods;    /* RG_MOD_* */
	uint8_t adj;     /* an adjective ending was removed */
	uint8_t span;    /* tokens consumed: 1, or 2 for joined words */
} cand;

/*
 * The affix rules of each language and kind grouped by the byte they end
 * with (prefixes: begin with), each group in the rules' own order, so a
 * word is only compared with the affixes that can fit it and the
 * candidates come out in the same order as a scan of the whole list.
 */
#define KEYBITS_LOG 17
struct rg_affix_index {
	uint32_t off[RG_NLANG][RG_AF_N][257]; /* group b: idx[off[b] .. off[b+1]) */
	/* a filter over the lexicon's word keys: the bit of keybit() is set
	   for every key, so a clear bit means the key is absent */
	uint64_t keybits[(1u << KEYBITS_LOG) / 64];
	uint32_t idx[];
};

/* A cheap hash of a key's length and its first, middle and last two bytes. */
static inline uint32_t keybit(const char *w, size_t n)
{
	const uint8_t *p = (const uint8_t *)w;
	uint32_t h = (uint32_t)n * 0x9E3779B1u;
	if (n) {
		h ^= (uint32_t)p[0] * 0x85EBCA77u;
		h ^= (uint32_t)p[n - 1] * 0xC2B2AE3Du;
	}
	if (n > 1) {
		h ^= (uint32_t)p[1] * 0x27D4EB2Fu;
		h ^= (uint32_t)p[n - 2] * 0x165667B1u;
		h ^= (uint32_t)p[n / 2] * 0xD3A2646Cu;
		h += (uint32_t)p[n / 2 - 1] * 0xFD7046C5u;
	}
	h ^= h >> 15;
	h *= 0x2C1B3C6Du;
	h ^= h >> 13;
	return h >> (32 - KEYBITS_LOG);
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
	size_t total = 0;
	for (int l = 0; l < RG_NLANG; l++)
		for (int k = 0; k < RG_AF_N; k++)
			total += lex->affixes[l].n[k];
	struct rg_affix_index *ix = malloc(sizeof *ix + total * sizeof ix->idx[0]);
	if (!ix)
		return RG_ENOMEM;
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
	memset(ix->keybits, 0, sizeof ix->keybits);
	for (size_t i = 0; i < lex->words.n_ents; i++) {
		size_t len;
		const char *k = rg_strmap_key(&lex->words, i, &len);
		uint32_t b = keybit(k, len);
		ix->keybits[b >> 6] |= (uint64_t)1 << (b & 63);
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

typedef struct {
	cand c[MAX_CANDS];
	int n;
} cand_list;

static void cand_add(cand_list *l, uint32_t id, int where, int mods, int adj, int span)
{
	if (id == UINT32_MAX || l->n == MAX_CANDS)
		return;
	for (int i = 0; i < l->n; i++)
		if (l->c[i].id == id && l->c[i].where == where && l->c[i].span == span)
			return;
	l->c[l->n++] = (cand){ id, (uint8_t)where, (uint8_t)mods, (uint8_t)adj,
			       (uint8_t)span };
}

/* The affix set that applies to a word of this script in a document of lang. */
static const rg_affix_set *affixes_for(const rg_lexicon *lex, int lang, uint8_t flags)
{
	if (flags & RG_TF_CYRILLIC)
		return &lex->affixes[RG_LANG_RU];
	if (flags & RG_TF_ARABIC)
		return &lex->affixes[lang == RG_LANG_FA ? RG_LANG_FA : RG_LANG_AR];
	if (lang == RG_LANG_AZ || lang == RG_LANG_TR || lang == RG_LANG_EN)
		return &lex->affixes[lang];
	return &lex->affixes[RG_LANG_EN];
}

/* The word key w[0..n), after the filter; UINT32_MAX when absent. */
static inline uint32_t lookup(const rg_lexicon *lex, const struct rg_affix_index *ix,
				 const char *w, size_t n)
{
	if (!key_maybe(ix, w, n))
		return UINT32_MAX;
	return rg_strmap_get(&lex->words, w, n);
}

static uint32_t lookup_stem(const rg_lexicon *lex, const struct rg_affix_index *ix,
			    rg_sb *key, const char *w, size_t n)
{
	rg_sb_reset(key);
	if (rg_sb_addc(key, RG_STEM_KEY) || rg_sb_add(key, w, n))
		return UINT32_MAX;
	return lookup(lex, ix, key->buf, key->len);
}

static int ends_with(const char *w, size_t n, const rg_affix *a)
{
	return a->len < n && memcmp(w + n - a->len, a->text, a->len) == 0 &&
	       rg_utf8_chars(w, n - a->len) >= a->min;
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
			cand_add(l, lookup(lex, ix, w, n1), where | W_LAST_ONLY,
				 mods | RG_MOD_SUFFIX, adj, 1);
			for (int k2 = RG_AF_SUFFIX; k2 <= RG_AF_ADJSUFFIX; k2++) {
				affix_group g2 = affix_group_of(lex, ix, set, k2,
								(uint8_t)w[n1 - 1]);
				for (size_t j = 0; j < g2.n; j++) {
					const rg_affix *b = &g2.list[g2.idx[j]];
					if (ends_with(w, n1, b))
						cand_add(l, lookup(lex, ix, w, n1 - b->len),
							 where | W_LAST_ONLY, mods | RG_MOD_SUFFIX,
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
		    rg_utf8_chars(w + a->len, n - a->len) < a->min)
			continue;
		cand_add(l, lookup(lex, ix, w + a->len, n - a->len), where | W_FIRST_ONLY,
			 mods | RG_MOD_PREFIX, 0, 1);
		add_suffixed(lex, ix, set, w + a->len, n - a->len, where | W_FIRST_ONLY,
			     mods | RG_MOD_PREFIX, l);
	}
}

/* All candidate keys of token t (and of t joined with t+1). */
static void candidates(const rg_lexicon *lex, const rg_analysis *an, rg_scratch *s,
		       size_t t, cand_list *l)
{
	const rg_token *tok = &s->toks[t];
	const char *w = s->fold.buf + tok->fold_off;
	size_t n = tok->fold_len;
	const rg_affix_set *set = affixes_for(lex, an->lang, tok->flags);
	const struct rg_affix_index *ix = lex->match_ix;
	l->n = 0;
	if (!n)
		return;
	add_forms(lex, lex->match_ix, set, &s->key, w, n, 0, 0, 1, l);
	if (tok->apos) /* Türkiye'nin: the name before the apostrophe */
		cand_add(l, lookup(lex, ix, w, tok->apos), W_LAST_ONLY, RG_MOD_APOS, 0, 1);
	if (t + 1 < s->n_toks && (tok->flags & RG_TF_ARABIC)) {
		const rg_token *nx = &s->toks[t + 1];
		if ((nx->flags & RG_TF_ARABIC) && (nx->flags & RG_TF_GLUED) &&
		    !(nx->flags & RG_TF_HYPHEN) && nx->para == tok->para &&
		    nx->fold_off == tok->fold_off + tok->fold_len)
			add_forms(lex, lex->match_ix, set, &s->key, w, n + nx->fold_len, 0,
				  RG_MOD_JOIN, 2, l);
	}
}

/*
 * Computes the candidate keys of every token once per document into the
 * scratch cache; the trie walks of rg_match_tokens and rg_match_roles, at
 * every depth, read them from there instead of recomputing them.
 */
static rg_err cands_prepare(const rg_lexicon *lex, const rg_analysis *an, rg_scratch *s)
{
	if (s->cands_ready)
		return RG_OK;
	if (rg_grow(&s->cand_off, &s->cap_cand_off, s->n_toks + 1, sizeof *s->cand_off))
		return RG_ENOMEM;
	cand_list l;
	s->n_cands = 0;
	for (size_t t = 0; t < s->n_toks; t++) {
		candidates(lex, an, s, t, &l);
		if (rg_grow(&s->cands, &s->cap_cands, s->n_cands + (size_t)l.n + 1,
			    sizeof *s->cands))
			return RG_ENOMEM;
		s->cand_off[t] = (uint32_t)s->n_cands;
		memcpy(s->cands + s->n_cands, l.c, (size_t)l.n * sizeof *l.c);
		s->n_cands += (size_t)l.n;
	}
	s->cand_off[s->n_toks] = (uint32_t)s->n_cands;
	s->cands_ready = 1;
	return RG_OK;
}

/* The best match found so far from one start token. */
typedef struct {
	uint32_t node;
	size_t end;      /* one past the last token */
	int strips;      /* affixes removed; fewer is better */
	int mods, adj;
} best_match;

static int count_bits(int x)
{
	int n = 0;
	for (; x; x &= x - 1)
		n++;
	return n;
}

/* Depth-first walk from trie node `node` at token t over the cached candidates. */
static void walk(const rg_lexicon *lex, const rg_scratch *s, uint32_t node, size_t t,
		 int depth, int para, int strips, int mods, int adj, best_match *best)
{
	if (t >= s->n_toks || s->toks[t].para != para || depth >= lex->max_alias_words)
		return;
	if (depth > 0 && !(s->toks[t].flags & RG_TF_GLUED))
		return;
	for (uint32_t i = s->cand_off[t]; i < s->cand_off[t + 1]; i++) {
		const cand *c = &s->cands[i];
		if (depth > 0 && (c->where & W_FIRST_ONLY))
			continue;
		uint32_t child = rg_u64map_get(&lex->edges, (uint64_t)node << 32 | c->id);
		if (child == UINT32_MAX)
			continue;
		size_t end = t + c->span;
		int st = strips + count_bits(c->mods & (RG_MOD_PREFIX | RG_MOD_SUFFIX |
							RG_MOD_STEM | RG_MOD_APOS));
		if (lex->node_term[child] != UINT32_MAX &&
		    (end > best->end || (end == best->end && st < best->strips))) {
			best->node = child;
			best->end = end;
			best->strips = st;
			best->mods = mods | c->mods;
			best->adj = adj || c->adj;
		}
		if (!(c->where & W_LAST_ONLY) && end < s->n_toks)
			walk(lex, s, child, end, depth + 1, para, st, mods | c->mods,
			     adj || c->adj, best);
	}
}

/* Whether an acronym spanning tokens [a, b) is written as one. */
static int acronym_ok(const rg_doc *doc, const rg_scratch *s, size_t a, size_t b)
{
	int cased = 0;
	for (size_t t = a; t < b; t++) {
		if (s->toks[t].flags & RG_TF_CASED) {
			cased = 1;
			if (!(s->toks[t].flags & RG_TF_UPPER))
				return 0;
		}
	}
	if (cased)
		return 1;
	/* uncased scripts: only an acronym introduced in brackets counts */
	size_t i = s->toks[a].start, j = s->toks[b - 1].end;
	while (i > 0 && doc->text[i - 1] == ' ')
		i--;
	while (j < doc->len && doc->text[j] == ' ')
		j++;
	return i > 0 && doc->text[i - 1] == '(' && j < doc->len && doc->text[j] == ')';
}

static int kind_rank(int kind)
{
	switch (kind) {
	case RG_AK_BLOCK: return 0;
	case RG_AK_NAME: case RG_AK_ALIAS: case RG_AK_WEAK: return 1;
	case RG_AK_ADJ: return 2;
	case RG_AK_ACRONYM: return 3;
	default: return 4;
	}
}

/* Whether actor `actor` was already named, other than by surname, in an. */
static int named_before(const rg_analysis *an, size_t actor)
{
	for (size_t i = 0; i < an->n_mentions; i++)
		if (an->mentions[i].actor == actor &&
		    strncmp(an->mentions[i].rule, "surname", 7) != 0)
			return 1;
	return 0;
}

/*
 * Chooses the term of a matched node: a block beats everything; then
 * names, adjectives, acronyms (if written as one), and last surnames,
 * which resolve only when one person has that surname or one of them was
 * named in full earlier.  A name written with a capital in the dictionary
 * matches a word of a cased script only when that word has one too
 * ("Turkey", not "turkey"), unless an adjective ending was removed
 * ("rusiyalı").  *weak tells whether the chosen actor's form is listed as
 * weak (checked against its neighbours later).  Returns 0 when nothing may
 * be reported, 1 with *term set, or -1 for a block.
 */
static int choose_term(const rg_lexicon *lex, const rg_doc *doc, const rg_analysis *an,
		       const rg_scratch *s, const best_match *m, size_t a,
		       uint32_t *term, int *weak)
{
	uint32_t pick = UINT32_MAX, only = UINT32_MAX, named = UINT32_MAX;
	int n_surnames = 0, n_named = 0;
	size_t b = m->end;
	int lower = (s->toks[a].flags & RG_TF_CASED) && !(s->toks[a].flags & RG_TF_INITIAL) &&
		    !m->adj;
	for (uint32_t t = lex->node_term[m->node]; t != UINT32_MAX; t = lex->terms[t].next) {
		const rg_term *tm = &lex->terms[t];
		if (tm->kind == RG_AK_BLOCK)
			return -1;
		if (tm->capital && lower)
			continue;
		if (tm->kind == RG_AK_ACRONYM && !acronym_ok(doc, s, a, b))
			continue;
		if (tm->kind == RG_AK_SURNAME) {
			n_surnames++;
			only = t;
			if (named_before(an, tm->actor)) {
				n_named++;
				named = t;
			}
			continue;
		}
		/* the earliest-loaded row wins among equals */
		if (pick == UINT32_MAX ||
		    kind_rank(tm->kind) < kind_rank(lex->terms[pick].kind) ||
		    (kind_rank(tm->kind) == kind_rank(lex->terms[pick].kind) &&
		     tm->alias < lex->terms[pick].alias))
			pick = t;
	}
	if (pick == UINT32_MAX && n_surnames == 1)
		pick = only;
	else if (pick == UINT32_MAX && n_named == 1)
		pick = named;
	if (pick == UINT32_MAX)
		return 0;
	*term = pick;
	*weak = 0;
	for (uint32_t t = lex->node_term[m->node]; t != UINT32_MAX; t = lex->terms[t].next)
		if (lex->terms[t].kind == RG_AK_WEAK && lex->terms[t].actor == lex->terms[pick].actor)
			*weak = 1;
	return 1;
}

/* Whether bytes [i, j) of doc are a comma and spaces (", "). */
static int comma_gap(const rg_doc *doc, size_t i, size_t j)
{
	int comma = 0;
	for (; i < j; i++) {
		if (doc->text[i] == ',' && !comma)
			comma = 1;
		else if (doc->text[i] != ' ')
			return 0;
	}
	return comma;
}

/*
 * A weak name ("Jordan", "Chad", "Georgia") next to a capitalised word that
 * is no mention is part of a longer proper name ("Michael Jordan", "Chad
 * Miller"), or the second half of a "City, Region," apposition ("Atlanta,
 * Georgia, on Monday"), so it is dropped.  `covered` marks the tokens of
 * mentions and office phrases.
 */
static int weak_in_name(const rg_doc *doc, const rg_scratch *s, const uint8_t *covered,
			size_t a, size_t b)
{
	const rg_token *t = &s->toks[a];
	int prev_name = a > 0 && s->toks[a - 1].sent == t->sent &&
			(s->toks[a - 1].flags & RG_TF_INITIAL) && !covered[a - 1];
	if (prev_name && (t->flags & RG_TF_GLUED) && !(t->flags & RG_TF_HYPHEN))
		return 1;
	if (b < s->n_toks && (s->toks[b].flags & RG_TF_GLUED) &&
	    !(s->toks[b].flags & RG_TF_HYPHEN) && s->toks[b].sent == t->sent &&
	    (s->toks[b].flags & RG_TF_INITIAL) && !covered[b])
		return 1;
	/* "Atlanta, Georgia," or "Atlanta, Georgia." */
	size_t end = s->toks[b - 1].end;
	int closed = end >= doc->len || doc->text[end] == ',' || doc->text[end] == '.' ||
		     b >= s->n_toks || s->toks[b].sent != t->sent;
	return prev_name && closed && comma_gap(doc, s->toks[a - 1].end, t->start) &&
	       !(a >= 2 && s->toks[a - 2].sent == t->sent && covered[a - 2]);
}

static rg_err add_mention(const rg_lexicon *lex, rg_analysis *an, rg_scratch *s,
			  const rg_term *tm, size_t a, size_t b, const best_match *m)
{
	if (rg_grow(&an->mentions, &s->cap_mentions, an->n_mentions + 1,
		    sizeof *an->mentions))
		return RG_ENOMEM;
	rg_mention *mn = &an->mentions[an->n_mentions++];
	mn->actor = tm->actor;
	mn->para = s->toks[a].para;
	mn->sent = s->toks[a].sent;
	mn->tok = a;
	mn->start = s->toks[a].start;
	mn->end = s->toks[b - 1].end;
	if (tm->kind == RG_AK_ACRONYM)
		mn->via = RG_VIA_ACRONYM;
	else if (tm->kind == RG_AK_ADJ || m->adj)
		mn->via = RG_VIA_ADJECTIVE;
	else
		mn->via = RG_VIA_NAME;
	mn->rule = lex->rule_names[tm->kind][m->mods & 31];
	if (lex->metonymy && lex->capital_of[tm->actor] != UINT32_MAX) {
		mn->actor = lex->capital_of[tm->actor];
		mn->via = RG_VIA_METONYM;
	}
	return RG_OK;
}

rg_err rg_match_tokens(const rg_lexicon *lex, const rg_doc *doc, rg_analysis *an,
		       rg_scratch *s)
{
	rg_err rc;
	size_t *weak = NULL, n_weak = 0, cap_weak = 0;
	uint8_t *covered = NULL;
	if ((rc = cands_prepare(lex, an, s)))
		return rc;
	for (size_t t = 0; t < s->n_toks;) {
		best_match m = { 0, 0, 0, 0, 0 };
		walk(lex, s, 0, t, 0, s->toks[t].para, 0, 0, 0, &m);
		uint32_t term;
		int is_weak = 0;
		int r = m.end ? choose_term(lex, doc, an, s, &m, t, &term, &is_weak) : 0;
		if (r == 0) {
			t++;
			continue;
		}
		if (r > 0 && is_weak &&
		    (rc = rg_grow(&weak, &cap_weak, n_weak + 1, sizeof *weak)))
			goto out;
		if (r > 0 && is_weak)
			weak[n_weak++] = an->n_mentions;
		if (r > 0 && (rc = add_mention(lex, an, s, &lex->terms[term], t, m.end, &m)))
			goto out;
		t = m.end;
	}
	if (!n_weak)
		goto out;
	if (!(covered = calloc(s->n_toks, 1))) {
		rc = RG_ENOMEM;
		goto out;
	}
	for (size_t i = 0; i < an->n_mentions; i++)
		for (size_t t = an->mentions[i].tok; t < s->n_toks &&
		     s->toks[t].start < an->mentions[i].end; t++)
			covered[t] = 1;
	for (size_t h = 0; h < s->n_hits; h++) /* office phrases are known words */
		for (size_t t = s->hits[h].a; t < s->hits[h].b; t++)
			covered[t] = 1;
	size_t keep = 0, w = 0;
	for (size_t i = 0; i < an->n_mentions; i++) {
		if (w < n_weak && weak[w] == i) {
			w++;
			size_t b = an->mentions[i].tok;
			while (b < s->n_toks && s->toks[b].start < an->mentions[i].end)
				b++;
			if (weak_in_name(doc, s, covered, an->mentions[i].tok, b))
				continue;
		}
		an->mentions[keep++] = an->mentions[i];
	}
	an->n_mentions = keep;
out:
	free(weak);
	free(covered);
	return rc;
}

rg_err rg_match_roles(const rg_lexicon *lex, const rg_doc *doc, rg_analysis *an,
		      rg_scratch *s)
{
	rg_err rc;
	if (!lex->n_role_phrases)
		return RG_OK;
	if ((rc = cands_prepare(lex, an, s)))
		return rc;
	(void)doc;
	for (size_t t = 0; t < s->n_toks;) {
		best_match m = { 0, 0, 0, 0, 0 };
		walk(lex, s, lex->role_root, t, 0, s->toks[t].para, 0, 0, 0, &m);
		uint32_t term = m.end ? lex->node_term[m.node] : UINT32_MAX;
		if (term == UINT32_MAX) {
			t++;
			continue;
		}
		if (rg_grow(&s->hits, &s->cap_hits, s->n_hits + 1, sizeof *s->hits))
			return RG_ENOMEM;
		s->hits[s->n_hits++] = (struct rg_role_hit){ t, m.end, lex->terms[term].actor };
		t = m.end;
	}
	return RG_OK;
}
