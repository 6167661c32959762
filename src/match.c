/*
 * match.c - finds actor mentions and office phrases: at each word, walks
 * the lexicon's trie over the words' candidate keys (matchkeys.c: as
 * written, without affixes, Russian stems, Arabic-script words joined) and
 * keeps the longest match, leftmost first, then chooses its actor.  One
 * pass over the tokens per trie root.
 */
#include <stdlib.h>
#include <string.h>

#include "matchkeys.h"
#include "surnames.h"

typedef rg_cand cand;

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

/*
 * Depth-first walk from trie node `node` at token t over the cached
 * candidates; the first step (depth 0, from a root) reads the root's
 * children from the array `first` (per word id) instead of the edge map.
 */
static void walk(const rg_lexicon *lex, const rg_scratch *s, const uint32_t *first,
		 uint32_t node, size_t t, int depth, int para, int strips, int mods, int adj,
		 best_match *best)
{
	if (t >= s->n_toks || s->toks[t].para != para || depth >= lex->max_alias_words)
		return;
	if (depth > 0 && !(s->toks[t].flags & RG_TF_GLUED))
		return;
	for (uint32_t i = s->cand_off[t]; i < s->cand_off[t + 1]; i++) {
		const cand *c = &s->cands[i];
		if (depth > 0 && (c->where & RG_W_FIRST_ONLY))
			continue;
		uint32_t child = depth ? rg_u64map_get(&lex->edges, (uint64_t)node << 32 | c->id)
				       : first[c->id];
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
		if (!(c->where & RG_W_LAST_ONLY) && end < s->n_toks)
			walk(lex, s, first, child, end, depth + 1, para, st, mods | c->mods,
			     adj || c->adj, best);
	}
}

/*
 * Whether some candidate key of token t has a child in `first` (the
 * root's children by word id).  When none has, walk() from the root at t
 * finds nothing, so the callers skip the call: most words begin no name
 * and no office phrase.
 */
static inline int may_start(const rg_scratch *s, const uint32_t *first, size_t t)
{
	for (uint32_t i = s->cand_off[t]; i < s->cand_off[t + 1]; i++)
		if (first[s->cands[i].id] != UINT32_MAX)
			return 1;
	return 0;
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
	if (lex->terms[pick].kind == RG_AK_SURNAME &&
	    rg_surname_after_given_name(lex, an, s, a, lex->terms[pick].actor))
		return 0; /* "Elnur Əliyev" is not Ilham Aliyev */
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
	if ((rc = rg_match_keys_prepare(lex, an, s)))
		return rc;
	const uint32_t *root_child = lex->match_ix->root_child;
	for (size_t t = 0; t < s->n_toks;) {
		if (!may_start(s, root_child, t)) { /* no match here */
			t++;
			continue;
		}
		best_match m = { 0, 0, 0, 0, 0 };
		walk(lex, s, root_child, 0, t, 0, s->toks[t].para, 0, 0, 0, &m);
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
	if ((rc = rg_match_keys_prepare(lex, an, s)))
		return rc;
	(void)doc;
	const uint32_t *role_child = lex->match_ix->role_child;
	for (size_t t = 0; t < s->n_toks;) {
		if (!may_start(s, role_child, t)) {
			t++;
			continue;
		}
		best_match m = { 0, 0, 0, 0, 0 };
		walk(lex, s, role_child, lex->role_root, t, 0, s->toks[t].para, 0, 0, 0, &m);
		uint32_t term = m.end ? lex->node_term[m.node] : UINT32_MAX;
		if (term == UINT32_MAX) {
			t++;
			continue;
		}
		if (rg_grow(&s->hits, &s->cap_hits, s->n_hits + 1, sizeof *s->hits))
			return RG_ENOMEM;
		s->hits[s->n_hits++] = (struct rg_role_hit){ t, m.end, lex->terms[term].actor, 0 };
		t = m.end;
	}
	return RG_OK;
}
