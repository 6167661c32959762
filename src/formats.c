/*
 * formats.c - multilateral formats: groupings of three or more countries
 * that a text presents as one format.  Three rules, each over the country
 * mentions of one sentence (see data/formats.tsv for the words they use):
 *   chain  countries joined by hyphens/dashes ("Azerbaijan-Turkey-Iran"),
 *          or separated only by spaces inside quotes or brackets;
 *   list   a list of three or more countries (commas, "and", spaces) in a
 *          sentence that also holds a cue word ("trilateral", «سه جانبه»);
 *   named  a format's own name ("3+3", "Caspian Five") with its members;
 *   officials  a plural office with three or more countries ("the foreign
 *          ministers of Azerbaijan, Turkey and Iran", "Azərbaycan, Türkiyə
 *          və Gürcüstanın xarici işlər nazirləri"), as roles.c paired them.
 * A plain list of countries without a cue is not a format.
 */
#include <stdlib.h>
#include <string.h>

#include <unicode/utf8.h>

#include "analysis.h"

/* ---- loading data/formats.tsv ------------------------------------------- */

/*
 * The bit of lex->cue_prefix for the first k bytes at p: k is 4, or 2 for
 * cues whose first word is 2 or 3 bytes ("uc tarafli").
 */
static inline uint32_t cue_prefix_bit(const char *p, size_t k)
{
	uint32_t x;
	if (k == 4)
		memcpy(&x, p, 4);
	else
		x = (uint32_t)(uint8_t)p[0] | (uint32_t)(uint8_t)p[1] << 8 | 1u << 31;
	x *= 0x9E3779B1u;
	x ^= x >> 15;
	x *= 0x85EBCA77u;
	return x >> 20; /* 12 bits: 64 words of 64 */
}

/* Adds a folded cue's first bytes to the filter of sentence_has_cue. */
static void cue_filter_add(rg_lexicon *lex, const char *cue, size_t n)
{
	const char *sp = memchr(cue, ' ', n);
	size_t first = sp ? (size_t)(sp - cue) : n;
	if (first < 2) {
		lex->cue_unfiltered = 1;
		return;
	}
	uint32_t b = cue_prefix_bit(cue, first >= 4 ? 4 : 2);
	lex->cue_prefix[b >> 6] |= (uint64_t)1 << (b & 63);
}

static int cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	return x < y ? -1 : x > y;
}

static rg_err add_named(rg_lexicon *lex, uint32_t actor, char *members,
			const char *path, long line, const rg_diag *diag)
{
	for (size_t i = 0; i < lex->n_formats; i++)
		if (lex->formats[i].actor == actor)
			return RG_OK; /* members come from the first row */
	uint32_t *m = NULL;
	size_t n = 0;
	for (char *tok = strtok(members, ","); tok; tok = strtok(NULL, ",")) {
		long a = rg_lexicon_find(lex, tok);
		if (a < 0 || lex->actors[a].type != RG_TYPE_COUNTRY) {
			rg_diag_emit(diag, RG_SEV_WARNING, path, line, -1,
				     "format member '%s' is not a known country", tok);
			continue;
		}
		uint32_t *nm = realloc(m, (n + 1) * sizeof *m);
		if (!nm) {
			free(m);
			return RG_ENOMEM;
		}
		m = nm;
		m[n++] = (uint32_t)a;
	}
	if (n < 3) {
		rg_diag_emit(diag, RG_SEV_WARNING, path, line, -1,
			     "a format needs three or more member countries");
		free(m);
		return RG_OK;
	}
	qsort(m, n, sizeof *m, cmp_u32);
	struct rg_named_format *nf = realloc(lex->formats,
					     (lex->n_formats + 1) * sizeof *nf);
	if (!nf) {
		free(m);
		return RG_ENOMEM;
	}
	lex->formats = nf;
	nf[lex->n_formats++] = (struct rg_named_format){ actor, m, n };
	return RG_OK;
}

rg_err rg_formats_load(rg_lexicon *lex, const char *path, const rg_diag *diag)
{
	rg_err rc = RG_OK;
	rg_rows rows = RG_ROWS_INIT;
	rg_sb folded = RG_SB_INIT;
	char *f[5];
	int nf;
	if (rg_rows_open(&rows, path)) {
		rg_diag_emit(diag, RG_SEV_ERROR, path, -1, -1, "cannot read formats");
		return RG_EDATA;
	}
	while ((nf = rg_rows_next(&rows, f, 5))) {
		long lineno = rows.line;
		int lang = nf >= 4 ? rg_lang_parse(f[2]) : RG_LANG_NONE;
		int any = nf >= 4 && strcmp(f[2], "*") == 0;
		if (nf < 4 || (lang == RG_LANG_NONE && !any) ||
		    (strcmp(f[1], "name") == 0 && nf != 5) ||
		    (strcmp(f[1], "name") && strcmp(f[1], "cue") && strcmp(f[1], "and"))) {
			rg_diag_emit(diag, RG_SEV_WARNING, path, lineno, -1,
				     "expected id, kind (name, cue, and), lang, text "
				     "and, for names, the members");
			continue;
		}
		if ((rc = rg_fold_words(&lex->fold, f[3], strlen(f[3]), &folded)))
			goto out;
		if (!folded.len) {
			rg_diag_emit(diag, RG_SEV_WARNING, path, lineno, -1,
				     "the text has no letters or digits");
			continue;
		}
		if (strcmp(f[1], "cue") == 0 || strcmp(f[1], "and") == 0) {
			rg_strmap *m = f[1][0] == 'c' ? &lex->cues : &lex->conjunctions;
			if ((rc = rg_strmap_put(m, folded.buf, folded.len, 1, NULL)))
				goto out;
			if (m == &lex->cues)
				cue_filter_add(lex, folded.buf, folded.len);
			continue;
		}
		uint32_t actor;
		rc = rg_lexicon_actor_get(lex, f[0], RG_TYPE_GROUP, path, lineno, diag,
					  &actor);
		if (rc == RG_EINPUT) {
			rc = RG_OK;
			continue;
		}
		if (rc)
			goto out;
		rg_actor_info *a = &lex->actors[actor];
		if (lang != RG_LANG_NONE && !a->names[lang] &&
		    !(a->names[lang] = rg_strdup(f[3]))) {
			rc = RG_ENOMEM;
			goto out;
		}
		if ((rc = rg_lexicon_add_alias(lex, folded.buf, actor, RG_AK_NAME, lang, 0)) ||
		    (rc = add_named(lex, actor, f[4], path, lineno, diag)))
			goto out;
	}
out:
	rg_rows_close(&rows);
	rg_sb_release(&folded);
	return rc;
}

void rg_formats_release(rg_lexicon *lex)
{
	for (size_t i = 0; i < lex->n_formats; i++)
		free(lex->formats[i].members);
	free(lex->formats);
	lex->formats = NULL;
	lex->n_formats = 0;
	rg_strmap_release(&lex->cues);
	rg_strmap_release(&lex->conjunctions);
}

/* ---- detection ------------------------------------------------------------ */

enum { GAP_BREAK, GAP_SPACE, GAP_HYPHEN, GAP_LIST };

static int is_dash(UChar32 c)
{
	return c == '-' || c == '/' || (c >= 0x2010 && c <= 0x2015) || c == 0x2212;
}

static int is_comma(UChar32 c)
{
	return c == ',' || c == 0x060C || c == ';' || c == 0x061B || c == '&';
}

static int is_open_quote(UChar32 c)
{
	return c == 0x00AB || c == '"' || c == 0x201C || c == 0x201E || c == '(' ||
	       c == '[' || c == 0x2039 || c == '\'';
}

static int is_close_quote(UChar32 c)
{
	return c == 0x00BB || c == '"' || c == 0x201D || c == 0x201C || c == ')' ||
	       c == ']' || c == 0x203A || c == '\'';
}

/*
 * Classifies the text between two mentions: only spaces, a dash, list
 * punctuation and conjunction words may stand there.
 */
static int gap_kind(const rg_lexicon *lex, const rg_doc *doc, const rg_scratch *s,
		    const rg_mention *m1, const rg_mention *m2)
{
	const uint8_t *p = (const uint8_t *)doc->text;
	size_t i = m1->end, n = m2->start;
	int dash = 0, list = 0;
	if (n < i)
		return GAP_BREAK;
	while (i < n) {
		UChar32 c;
		size_t at = i;
		U8_NEXT(p, i, n, c);
		rg_fold_ent tmp;
		int cls = rg_fold_lookup(&lex->fold, c, &tmp)->cls;
		if (cls == RG_CC_SPACE || cls == RG_CC_IGNORE)
			continue;
		if (is_dash(c)) {
			dash = 1;
			continue;
		}
		if (is_comma(c)) {
			list = 1;
			continue;
		}
		if (cls != RG_CC_WORD)
			return GAP_BREAK;
		/* a word: it must be a conjunction token */
		size_t t = m1->tok;
		while (t < s->n_toks && s->toks[t].start < at)
			t++;
		if (t >= s->n_toks || s->toks[t].start != at ||
		    rg_strmap_get(&lex->conjunctions, s->fold.buf + s->toks[t].fold_off,
				  s->toks[t].fold_len) == UINT32_MAX)
			return GAP_BREAK;
		list = 1;
		i = s->toks[t].end;
	}
	if (list)
		return GAP_LIST;
	return dash ? GAP_HYPHEN : GAP_SPACE;
}

/* The code point before byte `at` (skipping spaces), or -1. */
static UChar32 char_before(const rg_lexicon *lex, const rg_doc *doc, size_t at)
{
	const uint8_t *p = (const uint8_t *)doc->text;
	int32_t i = (int32_t)at;
	while (i > 0) {
		UChar32 c;
		U8_PREV(p, 0, i, c);
		rg_fold_ent tmp;
		int cls = rg_fold_lookup(&lex->fold, c, &tmp)->cls;
		if (cls != RG_CC_SPACE && cls != RG_CC_IGNORE)
			return c;
	}
	return -1;
}

static UChar32 char_after(const rg_lexicon *lex, const rg_doc *doc, size_t at)
{
	const uint8_t *p = (const uint8_t *)doc->text;
	size_t i = at;
	while (i < doc->len) {
		UChar32 c;
		U8_NEXT(p, i, doc->len, c);
		rg_fold_ent tmp;
		int cls = rg_fold_lookup(&lex->fold, c, &tmp)->cls;
		if (cls != RG_CC_SPACE && cls != RG_CC_IGNORE)
			return c;
	}
	return -1;
}

/*
 * Whether a cue may start in token tok's word w[0..n) at one of the
 * offsets sentence_has_cue tries (0, and up to 4 in Arabic script).  Exact
 * as a filter: a cue matching at `skip` has its first word's bytes there,
 * at least 4 of them or at least 2 for a short first word (any shorter
 * turns the filter off), so the bit of those 4 or 2 bytes is set.
 */
static int cue_may_start(const rg_lexicon *lex, const rg_token *tok, const char *w,
			 size_t n)
{
	for (size_t skip = 0; skip <= 4 && skip + 2 <= n; skip++) {
		uint32_t b = cue_prefix_bit(w + skip, 2);
		if ((lex->cue_prefix[b >> 6] >> (b & 63)) & 1)
			return 1;
		if (skip + 4 <= n) {
			b = cue_prefix_bit(w + skip, 4);
			if ((lex->cue_prefix[b >> 6] >> (b & 63)) & 1)
				return 1;
		}
		if (!(tok->flags & RG_TF_ARABIC))
			break;
	}
	return 0;
}

/* Whether sentence `sent` holds a cue word (prefix match, after a clitic). */
static int sentence_has_cue(const rg_lexicon *lex, const rg_scratch *s, int sent)
{
	if (!lex->cues.n_ents)
		return 0;
	for (size_t t = 0; t < s->n_toks; t++) {
		if (s->toks[t].sent != sent)
			continue;
		const char *w = s->fold.buf + s->toks[t].fold_off;
		size_t n = s->toks[t].fold_len;
		if (!lex->cue_unfiltered && !cue_may_start(lex, &s->toks[t], w, n))
			continue;
		for (size_t c = 0; c < lex->cues.n_ents; c++) {
			size_t cl;
			const char *cue = rg_strmap_key(&lex->cues, c, &cl);
			const char *sp = memchr(cue, ' ', cl);
			if (sp) { /* a two-word cue: this word and the next */
				size_t a = (size_t)(sp - cue);
				if (t + 1 < s->n_toks && n == a && memcmp(w, cue, a) == 0 &&
				    s->toks[t + 1].fold_len >= cl - a - 1 &&
				    memcmp(s->fold.buf + s->toks[t + 1].fold_off, sp + 1,
					   cl - a - 1) == 0)
					return 1;
				continue;
			}
			for (size_t skip = 0; skip <= 4 && skip < n; skip++) {
				if (n - skip >= cl && memcmp(w + skip, cue, cl) == 0)
					return 1;
				if (!(s->toks[t].flags & RG_TF_ARABIC))
					break; /* only Arabic script has proclitics */
			}
		}
	}
	return 0;
}

static int cmp_size(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	return x < y ? -1 : x > y;
}

/* Adds the format of mentions ms[0..n) (their distinct actors) if >= 3. */
static rg_err add_format(rg_analysis *an, rg_scratch *s, const size_t *actors,
			 size_t n, const rg_mention *first, const rg_mention *last,
			 const char *rule)
{
	size_t base = s->n_members, k = 0;
	if (rg_grow(&s->members, &s->cap_members, base + n, sizeof *s->members))
		return RG_ENOMEM;
	for (size_t i = 0; i < n; i++) {
		size_t j;
		for (j = 0; j < k && s->members[base + j] != actors[i]; j++)
			;
		if (j == k)
			s->members[base + k++] = actors[i];
	}
	if (k < 3)
		return RG_OK;
	qsort(s->members + base, k, sizeof *s->members, cmp_size);
	for (size_t f = 0; f < an->n_formats; f++) { /* once per sentence */
		rg_format *o = &an->formats[f];
		if (o->sent == first->sent && o->n_members == k &&
		    memcmp(s->members + (size_t)o->members, s->members + base,
			   k * sizeof *s->members) == 0)
			return RG_OK;
	}
	if (rg_grow(&an->formats, &s->cap_formats, an->n_formats + 1,
		    sizeof *an->formats))
		return RG_ENOMEM;
	/* members holds an offset until rg_formats_find fixes the pointers */
	an->formats[an->n_formats++] = (rg_format){
		(size_t *)(uintptr_t)base, k, first->para, first->sent,
		first->start, last->end, rule };
	s->n_members = base + k;
	return RG_OK;
}

/* Tests runs of country mentions ms[a..b) of one sentence. */
static rg_err sentence_formats(const rg_lexicon *lex, const rg_doc *doc,
			       rg_analysis *an, rg_scratch *s, const size_t *ms,
			       size_t n, int *gaps)
{
	rg_err rc = RG_OK;
	size_t *actors = malloc((n ? n : 1) * sizeof *actors);
	if (!actors)
		return RG_ENOMEM;
	for (size_t i = 0; i < n; i++)
		actors[i] = an->mentions[ms[i]].actor;
	for (size_t i = 0; i + 1 < n; i++)
		gaps[i] = gap_kind(lex, doc, s, &an->mentions[ms[i]], &an->mentions[ms[i + 1]]);
	int cue = -1;
	for (size_t a = 0; a < n;) {
		size_t b = a + 1;
		int hyphen = 0, list = 0;
		while (b < n && gaps[b - 1] != GAP_BREAK) {
			hyphen |= gaps[b - 1] == GAP_HYPHEN;
			list |= gaps[b - 1] == GAP_LIST;
			b++;
		}
		if (b - a >= 3) {
			const rg_mention *f = &an->mentions[ms[a]], *l = &an->mentions[ms[b - 1]];
			int quoted = is_open_quote(char_before(lex, doc, f->start)) &&
				     is_close_quote(char_after(lex, doc, l->end));
			const char *rule = NULL;
			if (!list && (hyphen || quoted))
				rule = "chain";
			else {
				if (cue < 0)
					cue = sentence_has_cue(lex, s, f->sent);
				if (cue)
					rule = "list";
			}
			if (rule && (rc = add_format(an, s, actors + a, b - a, f, l, rule)))
				break;
		}
		a = b;
	}
	free(actors);
	return rc;
}

/* Plural offices paired with three or more countries (roles.c) are formats. */
static rg_err officials_formats(const rg_lexicon *lex, rg_analysis *an, rg_scratch *s)
{
	size_t actors[64];
	for (size_t h = 0; h < s->n_hits; h++) {
		if (!lex->role_phrases[s->hits[h].phrase].many)
			continue;
		size_t n = 0, first = SIZE_MAX, last = 0;
		for (size_t r = 0; r < an->n_roles && n < 64; r++) {
			if (s->role_hit[r] != h ||
			    lex->actors[an->roles[r].holder_of].type != RG_TYPE_COUNTRY)
				continue;
			actors[n++] = an->roles[r].holder_of;
			if (first == SIZE_MAX)
				first = r;
			last = r;
		}
		if (n < 3)
			continue;
		const rg_role *a = &an->roles[first], *b = &an->roles[last];
		rg_mention f = { 0, a->para, a->sent, 0, a->start < b->start ? a->start : b->start,
				 0, RG_VIA_ROLE, NULL };
		rg_mention l = f;
		l.end = a->end > b->end ? a->end : b->end;
		rg_err rc = add_format(an, s, actors, n, &f, &l, "officials");
		if (rc)
			return rc;
	}
	return RG_OK;
}

rg_err rg_formats_find(const rg_lexicon *lex, const rg_doc *doc, rg_analysis *an,
		       rg_scratch *s)
{
	rg_err rc = RG_OK;
	size_t *ms = malloc((an->n_mentions + 1) * sizeof *ms);
	int *gaps = malloc((an->n_mentions + 1) * sizeof *gaps);
	if (!ms || !gaps) {
		rc = RG_ENOMEM;
		goto out;
	}
	for (size_t i = 0; i < an->n_mentions;) {
		int sent = an->mentions[i].sent;
		size_t n = 0, j = i;
		for (; j < an->n_mentions && an->mentions[j].sent == sent; j++) {
			const rg_mention *m = &an->mentions[j];
			if (lex->actors[m->actor].type == RG_TYPE_COUNTRY)
				ms[n++] = j;
			/* a named format's actor is a group (rg_formats_load) */
			if (lex->actors[m->actor].type != RG_TYPE_GROUP)
				continue;
			for (size_t f = 0; f < lex->n_formats; f++) {
				const struct rg_named_format *nf = &lex->formats[f];
				if (nf->actor != m->actor)
					continue;
				size_t tmp[64], k = nf->n < 64 ? nf->n : 64;
				for (size_t x = 0; x < k; x++)
					tmp[x] = nf->members[x];
				if ((rc = add_format(an, s, tmp, k, m, m, "named")))
					goto out;
			}
		}
		if (n >= 3 && (rc = sentence_formats(lex, doc, an, s, ms, n, gaps)))
			goto out;
		i = j;
	}
	if ((rc = officials_formats(lex, an, s)))
		goto out;
	for (size_t f = 0; f < an->n_formats; f++)
		an->formats[f].members = s->members + (uintptr_t)an->formats[f].members;
out:
	free(ms);
	free(gaps);
	return rc;
}
