/*
 * roles.c - officials named by their office: loads the office phrases
 * (data/roles.tsv) into their own trie root and the office holders with
 * their terms (data/offices.tsv); after matching, pairs each office phrase
 * with the country next to it ("the foreign minister of Azerbaijan",
 * "Azerbaijani foreign minister", «وزير الخارجية القطري», plural lists) and
 * resolves it to the person in office at the document's date; a phrase
 * with a holder column names its country or organisation itself ("President
 * of the European Commission").  Without a date, or with no or several
 * holders, the office stays unresolved and says why; nothing is guessed.
 */
#include <stdlib.h>
#include <string.h>

#include "analysis.h"

/* ---- loading ------------------------------------------------------------ */

static int is_holder_type(const rg_lexicon *lex, size_t actor)
{
	rg_actor_type t = lex->actors[actor].type;
	return t == RG_TYPE_COUNTRY || t == RG_TYPE_ORG;
}

static int office_index(rg_lexicon *lex, const char *name)
{
	for (size_t i = 0; i < lex->n_office_names; i++)
		if (strcmp(lex->office_names[i], name) == 0)
			return (int)i;
	char **nn = realloc(lex->office_names, (lex->n_office_names + 1) * sizeof *nn);
	if (!nn)
		return -1;
	lex->office_names = nn;
	int16_t (*fb)[3] = realloc(lex->office_fallback, (lex->n_office_names + 1) * sizeof *fb);
	if (!fb)
		return -1;
	lex->office_fallback = fb;
	fb[lex->n_office_names][0] = fb[lex->n_office_names][1] = fb[lex->n_office_names][2] = -1;
	if (!(nn[lex->n_office_names] = rg_strdup(name)))
		return -1;
	return (int)lex->n_office_names++;
}

/* A `fallback OFFICE - A,B` row: offices tried when a holder has no OFFICE rows. */
static rg_err add_fallback(rg_lexicon *lex, const char *office, char *list)
{
	int o = office_index(lex, office), k = 0;
	if (o < 0)
		return RG_ENOMEM;
	for (char *t = strtok(list, ","); t && k < 2; t = strtok(NULL, ",")) {
		int f = office_index(lex, t);
		if (f < 0)
			return RG_ENOMEM;
		lex->office_fallback[o][k++] = (int16_t)f;
	}
	return RG_OK;
}

/* Normalises "YYYY", "YYYY-MM" or "YYYY-MM-DD" to a full date; 0 if bad. */
static int term_date(const char *s, int is_end, char out[11])
{
	size_t n = strlen(s);
	if (n != 4 && n != 7 && n != 10)
		return 0;
	for (size_t i = 0; i < n; i++)
		if ((i == 4 || i == 7) ? s[i] != '-' : (s[i] < '0' || s[i] > '9'))
			return 0;
	memcpy(out, s, n);
	if (n == 4)
		memcpy(out + 4, is_end ? "-12-31" : "-01-01", 6);
	else if (n == 7)
		memcpy(out + 7, is_end ? "-31" : "-01", 3);
	out[10] = '\0';
	return 1;
}

static rg_err load_phrases(rg_lexicon *lex, const char *path, const rg_diag *diag)
{
	rg_err rc = RG_OK;
	rg_rows rows = RG_ROWS_INIT;
	rg_sb folded = RG_SB_INIT;
	char *f[5];
	int nf;
	if (rg_rows_open(&rows, path)) {
		rg_diag_emit(diag, RG_SEV_ERROR, path, -1, -1, "cannot read office phrases");
		return RG_EDATA;
	}
	while ((nf = rg_rows_next(&rows, f, 5))) {
		long lineno = rows.line;
		if (nf == 4 && strcmp(f[0], "fallback") == 0) {
			if ((rc = add_fallback(lex, f[1], f[3])))
				goto out;
			continue;
		}
		int lang = nf >= 4 ? rg_lang_parse(f[1]) : RG_LANG_NONE;
		/* connector and former rows are words, not office phrases */
		rg_strmap *words = nf < 4 ? NULL
			: strcmp(f[0], "connector") == 0 ? &lex->connectors
			: strcmp(f[0], "former") == 0 ? &lex->former : NULL;
		int conn = words != NULL;
		int many = nf >= 4 && strcmp(f[2], "many") == 0;
		if (nf < 4 || lang == RG_LANG_NONE ||
		    (!conn && !many && strcmp(f[2], "one") != 0)) {
			rg_diag_emit(diag, RG_SEV_WARNING, path, lineno, -1,
				     "expected office, lang, number (one or many) and phrase");
			continue;
		}
		/* a fifth column: the country or organisation the phrase names */
		long holder = nf == 5 && !conn ? rg_lexicon_find(lex, f[4]) : -1;
		if (nf == 5 && (conn || holder < 0 || !is_holder_type(lex, (size_t)holder))) {
			rg_diag_emit(diag, RG_SEV_WARNING, path, lineno, -1,
				     "the fifth column must name a country or organisation; row skipped");
			continue;
		}
		if ((rc = rg_fold_words(&lex->fold, f[3], strlen(f[3]), &folded)))
			goto out;
		if (!folded.len)
			continue;
		if (conn) {
			if ((rc = rg_strmap_put(words, folded.buf, folded.len, 1, NULL)))
				goto out;
			continue;
		}
		int office = office_index(lex, f[0]);
		struct rg_role_phrase *np = realloc(lex->role_phrases,
						    (lex->n_role_phrases + 1) * sizeof *np);
		if (office < 0 || !np) {
			if (np)
				lex->role_phrases = np;
			rc = RG_ENOMEM;
			goto out;
		}
		lex->role_phrases = np;
		np[lex->n_role_phrases] = (struct rg_role_phrase){
			(uint16_t)office, (uint8_t)many,
			holder < 0 ? UINT32_MAX : (uint32_t)holder };
		if ((rc = rg_lexicon_add_alias(lex, folded.buf, (uint32_t)lex->n_role_phrases++,
					       RG_AK_ROLE, lang, 0)))
			goto out;
	}
out:
	rg_rows_close(&rows);
	rg_sb_release(&folded);
	return rc;
}

static rg_err load_holders(rg_lexicon *lex, const char *path, const rg_diag *diag)
{
	rg_err rc = RG_OK;
	rg_rows rows = RG_ROWS_INIT;
	char *f[6];
	int nf;
	if (rg_rows_open(&rows, path)) {
		/* no holders: offices stay unresolved, which is not an error */
		rg_diag_emit(diag, RG_SEV_WARNING, path, -1, -1,
			     "cannot read office holders; offices stay unresolved");
		return RG_OK;
	}
	while ((nf = rg_rows_next(&rows, f, 6))) {
		long lineno = rows.line;
		struct rg_office_term t;
		memset(&t, 0, sizeof t);
		long holder = nf >= 4 ? rg_lexicon_find(lex, f[0]) : -1;
		long person = nf >= 4 ? rg_lexicon_find(lex, f[2]) : -1;
		const char *why = NULL;
		if (nf < 4)
			why = "expected holder_of, office, person, start and end";
		else if (holder < 0)
			why = "unknown country or organisation";
		else if (person < 0 || lex->actors[person].type != RG_TYPE_PERSON)
			why = "unknown person";
		else if (!term_date(f[3], 0, t.start) ||
			 (nf >= 5 && f[4][0] && !term_date(f[4], 1, t.end)))
			why = "dates must be YYYY, YYYY-MM or YYYY-MM-DD";
		if (why) {
			rg_diag_emit(diag, RG_SEV_WARNING, path, lineno, -1, "%s; row skipped", why);
			continue;
		}
		int office = office_index(lex, f[1]);
		struct rg_office_term *nt = realloc(lex->office_terms,
						    (lex->n_office_terms + 1) * sizeof *nt);
		if (office < 0 || !nt) {
			if (nt)
				lex->office_terms = nt;
			rc = RG_ENOMEM;
			break;
		}
		lex->office_terms = nt;
		t.holder_of = (uint32_t)holder;
		t.person = (uint32_t)person;
		t.office = (uint16_t)office;
		nt[lex->n_office_terms++] = t;
	}
	rg_rows_close(&rows);
	return rc;
}

struct term_key {
	uint32_t holder_of, row;
};

static int cmp_term_key(const void *x, const void *y)
{
	const struct term_key *a = x, *b = y;
	if (a->holder_of != b->holder_of)
		return a->holder_of < b->holder_of ? -1 : 1;
	return a->row < b->row ? -1 : a->row > b->row;
}

/*
 * Orders the office terms by holder, each holder's rows in file order, so
 * resolution reads one holder's rows (holder_rows) and still meets them in
 * the order it would in the whole file.
 */
static rg_err sort_terms(rg_lexicon *lex)
{
	size_t n = lex->n_office_terms;
	struct term_key *k = malloc((n ? n : 1) * sizeof *k);
	struct rg_office_term *t = malloc((n ? n : 1) * sizeof *t);
	if (!k || !t) {
		free(k);
		free(t);
		return RG_ENOMEM;
	}
	for (size_t i = 0; i < n; i++)
		k[i] = (struct term_key){ lex->office_terms[i].holder_of, (uint32_t)i };
	qsort(k, n, sizeof *k, cmp_term_key);
	for (size_t i = 0; i < n; i++)
		t[i] = lex->office_terms[k[i].row];
	free(k);
	free(lex->office_terms);
	lex->office_terms = t;
	return RG_OK;
}

rg_err rg_roles_load(rg_lexicon *lex, const char *roles_tsv, const char *offices_tsv,
		     const rg_diag *diag)
{
	rg_err rc = load_phrases(lex, roles_tsv, diag);
	if (!rc)
		rc = load_holders(lex, offices_tsv, diag);
	return rc ? rc : sort_terms(lex);
}

void rg_roles_release(rg_lexicon *lex)
{
	for (size_t i = 0; i < lex->n_office_names; i++)
		free(lex->office_names[i]);
	free(lex->office_names);
	free(lex->office_fallback);
	lex->office_fallback = NULL;
	free(lex->role_phrases);
	free(lex->office_terms);
	rg_strmap_release(&lex->connectors);
	rg_strmap_release(&lex->former);
	lex->office_names = NULL;
	lex->role_phrases = NULL;
	lex->office_terms = NULL;
	lex->n_office_names = lex->n_role_phrases = lex->n_office_terms = 0;
}

/* ---- resolution ----------------------------------------------------------- */

/* The index of the last token of mention m. */
static size_t last_token(const rg_scratch *s, const rg_mention *m)
{
	size_t t = m->tok;
	while (t + 1 < s->n_toks && s->toks[t].end < m->end)
		t++;
	return t;
}

static int in_set(const rg_strmap *set, const rg_scratch *s, size_t t)
{
	return rg_strmap_get(set, s->fold.buf + s->toks[t].fold_off,
			     s->toks[t].fold_len) != UINT32_MAX;
}

/* Whether token t is a connector or the one-token name of a country or organisation. */
static int apposition_gap(const rg_lexicon *lex, const rg_analysis *an,
			  const rg_scratch *s, size_t t)
{
	if (in_set(&lex->connectors, s, t))
		return 1;
	for (size_t i = 0; i < an->n_mentions; i++)
		if (an->mentions[i].tok == t && is_holder_type(lex, an->mentions[i].actor) &&
		    an->mentions[i].via != RG_VIA_ROLE && last_token(s, &an->mentions[i]) == t)
			return 1;
	return 0;
}

/*
 * Whether a person is named right next to tokens [a, b): the office is then
 * that person's title ("Foreign Minister Lavrov", "Hakan Fidan, Türkiye
 * Dışişleri Bakanı", "Fidan, the foreign minister").  One word between the
 * name and the office counts only when it is a connector or a country; any
 * other ("أيمن الصفدي مع الأمين العام", 'Safadi with the secretary-general')
 * separates them.
 */
static int person_beside(const rg_lexicon *lex, const rg_analysis *an,
			 const rg_scratch *s, size_t a, size_t b)
{
	for (size_t i = 0; i < an->n_mentions; i++) {
		const rg_mention *m = &an->mentions[i];
		if (lex->actors[m->actor].type != RG_TYPE_PERSON || m->via == RG_VIA_ROLE)
			continue;
		size_t first = m->tok, last = last_token(s, m);
		if ((first >= a && first <= b) || last + 1 == a ||
		    (first == b + 1 && apposition_gap(lex, an, s, b)) ||
		    (last + 2 == a && apposition_gap(lex, an, s, last + 1)) ||
		    (first <= a && last >= a))
			return 1;
	}
	return 0;
}

/* The office terms of `holder_of`: rows [*from, *to) (sort_terms). */
static void holder_rows(const rg_lexicon *lex, size_t holder_of, size_t *from, size_t *to)
{
	size_t lo = 0, hi = lex->n_office_terms;
	while (lo < hi) { /* the first row with holder_of >= the one sought */
		size_t mid = lo + (hi - lo) / 2;
		if (lex->office_terms[mid].holder_of < holder_of)
			lo = mid + 1;
		else
			hi = mid;
	}
	*from = hi = lo;
	while (hi < lex->n_office_terms && lex->office_terms[hi].holder_of == holder_of)
		hi++;
	*to = hi;
}

/* Whether rows [from, to) (one holder's) name a holder of `office`, at any date. */
static int has_rows(const rg_lexicon *lex, size_t from, size_t to, int office)
{
	for (size_t i = from; i < to; i++)
		if (lex->office_terms[i].office == office)
			return 1;
	return 0;
}

/*
 * The holder of `office` for `holder_of` at `date`: 1 found, 0 none, 2
 * several.  An office the holder has no rows for is read as its first
 * fallback office that has some.
 */
static int holder_at(const rg_lexicon *lex, size_t holder_of, int office,
		     const char *date, size_t *person)
{
	int n = 0;
	size_t from, to;
	holder_rows(lex, holder_of, &from, &to);
	for (int k = 0; k < 3 && !has_rows(lex, from, to, office); k++) {
		int f = lex->office_fallback[office][k];
		if (f < 0)
			break;
		if (has_rows(lex, from, to, f)) {
			office = f;
			break;
		}
	}
	for (size_t i = from; i < to; i++) {
		const struct rg_office_term *t = &lex->office_terms[i];
		if (t->office != office ||
		    strcmp(date, t->start) < 0 || (t->end[0] && strcmp(date, t->end) > 0))
			continue;
		if (n && *person == t->person)
			continue;
		*person = t->person;
		n++;
	}
	return n > 1 ? 2 : n;
}

static rg_err add_role(const rg_lexicon *lex, rg_analysis *an, rg_scratch *s,
		       const struct rg_role_hit *h, const rg_mention *c)
{
	int office = lex->role_phrases[h->phrase].office;
	rg_role r;
	r.office = lex->office_names[office];
	r.holder_of = c->actor;
	r.person = RG_NO_ACTOR;
	r.para = s->toks[h->a].para;
	r.sent = s->toks[h->a].sent;
	r.start = s->toks[h->a].start < c->start ? s->toks[h->a].start : c->start;
	r.end = s->toks[h->b - 1].end > c->end ? s->toks[h->b - 1].end : c->end;
	r.why = NULL;
	size_t person = RG_NO_ACTOR;
	if (h->former)
		r.why = "former holder";
	else if (!an->date[0])
		r.why = "no date";
	else {
		int k = holder_at(lex, c->actor, office, an->date, &person);
		r.why = k == 0 ? "no holder known" : k == 2 ? "several holders" : NULL;
	}
	if (!r.why)
		r.person = person;
	if (rg_grow(&an->roles, &s->cap_roles, an->n_roles + 1, sizeof *an->roles) ||
	    rg_grow(&s->role_hit, &s->cap_role_hit, an->n_roles + 1, sizeof *s->role_hit))
		return RG_ENOMEM;
	s->role_hit[an->n_roles] = (uint32_t)(h - s->hits);
	an->roles[an->n_roles++] = r;
	if (r.why)
		return RG_OK;
	if (rg_grow(&an->mentions, &s->cap_mentions, an->n_mentions + 1,
		    sizeof *an->mentions))
		return RG_ENOMEM;
	an->mentions[an->n_mentions++] = (rg_mention){
		person, r.para, r.sent, h->a, r.start, r.end, RG_VIA_ROLE,
		lex->rule_names[RG_AK_ROLE][0] };
	return RG_OK;
}

static int cmp_mention(const void *x, const void *y)
{
	const rg_mention *a = x, *b = y;
	if (a->start != b->start)
		return a->start < b->start ? -1 : 1;
	return (int)a->via - (int)b->via;
}

/*
 * Whether tokens t and u are in one sentence: an office is never paired
 * with a country across a full stop ("... the German foreign minister. The
 * NATO summit ..." is Germany's minister, not NATO's).
 */
static int same_sentence(const rg_scratch *s, size_t t, size_t u)
{
	return s->toks[t].para == s->toks[u].para && s->toks[t].sent == s->toks[u].sent;
}

/*
 * Whether bytes [from, to) of the text hold a comma or semicolon (Latin or
 * Arabic): an office is not paired with a country past one ("the Iranian
 * foreign minister, the Turkish president ..." names Iran's minister).
 */
static int separated(const rg_doc *doc, size_t from, size_t to)
{
	const unsigned char *p = (const unsigned char *)doc->text;
	for (size_t i = from; i < to && i < doc->len; i++)
		if (p[i] == ',' || p[i] == ';' ||
		    (p[i] == 0xD8 && i + 1 < to && (p[i + 1] == 0x8C || p[i + 1] == 0x9B)))
			return 1; /* U+060C ، and U+061B ؛ */
	return 0;
}

/*
 * Whether a "former" word stands beside the office phrase [a, b) in its
 * sentence: right before it ("former foreign minister", «бывший министр»,
 * "keçmiş xarici işlər naziri"), before a one-word country or connector
 * before it ("the former Iranian foreign minister"), right after it
 * («وزیر امور خارجه سابق ایران») or after a one-word country after it
 * («وزير الخارجية الإيراني الأسبق»).  The office then names a past
 * holder the date cannot tell.
 */
static int former_near(const rg_lexicon *lex, const rg_analysis *an, const rg_scratch *s,
		       size_t a, size_t b)
{
	if (!lex->former.n_ents)
		return 0;
	if (a >= 1 && same_sentence(s, a - 1, a) &&
	    (in_set(&lex->former, s, a - 1) ||
	     (a >= 2 && same_sentence(s, a - 2, a) && apposition_gap(lex, an, s, a - 1) &&
	      in_set(&lex->former, s, a - 2))))
		return 1;
	if (b < s->n_toks && same_sentence(s, b, a) &&
	    (in_set(&lex->former, s, b) ||
	     (b + 1 < s->n_toks && same_sentence(s, b + 1, a) &&
	      apposition_gap(lex, an, s, b) && in_set(&lex->former, s, b + 1))))
		return 1;
	return 0;
}

/*
 * The countries named after the office (past connector words; a list for
 * plural offices).  With need_connector, at least one connector must stand
 * between ("the foreign minister of Iran", not "Foreign Minister Iran").
 * Returns how many were paired, or -1 on an allocation failure.
 */
static int pair_after(const rg_lexicon *lex, const rg_doc *doc, rg_analysis *an,
		      rg_scratch *s, const struct rg_role_hit *hit, size_t n_named,
		      int need_connector)
{
	int found = 0;
	size_t next_tok = hit->b;
	for (size_t i = 0; i < n_named; i++) {
		const rg_mention *m = &an->mentions[i];
		if (m->tok < hit->b || !is_holder_type(lex, m->actor) || m->via == RG_VIA_ROLE)
			continue;
		size_t t = next_tok;
		while (t < m->tok && (in_set(&lex->connectors, s, t) ||
				      (found && in_set(&lex->conjunctions, s, t))))
			t++;
		if (m->tok > t || !same_sentence(s, m->tok, hit->a) ||
		    (!found && need_connector && t == hit->b) ||
		    (!found && separated(doc, s->toks[hit->b - 1].end, m->start)))
			break;
		if (add_role(lex, an, s, hit, &an->mentions[i]))
			return -1;
		found++;
		next_tok = last_token(s, &an->mentions[i]) + 1;
		if (!lex->role_phrases[hit->phrase].many)
			break;
	}
	return found;
}

/* Whether token t is a case ending written after a hyphen ("ABŞ-ın"). */
static int hyphen_suffix(const rg_lexicon *lex, const rg_analysis *an,
			 const rg_scratch *s, size_t t)
{
	const rg_token *k = &s->toks[t];
	if (an->lang < 0 || !(k->flags & RG_TF_HYPHEN))
		return 0;
	const rg_affix_set *set = &lex->affixes[an->lang];
	for (size_t i = 0; i < set->n[RG_AF_SUFFIX]; i++)
		if (set->list[RG_AF_SUFFIX][i].len == k->fold_len &&
		    memcmp(set->list[RG_AF_SUFFIX][i].text, s->fold.buf + k->fold_off,
			   k->fold_len) == 0)
			return 1;
	return 0;
}

/*
 * The country (or adjective) just before the office; for a plural office
 * also the countries listed before it ("Azərbaycan, Türkiyə və
 * Gürcüstanın xarici işlər nazirləri").  Returns how many, or -1.
 */
static int pair_before(const rg_lexicon *lex, const rg_doc *doc, rg_analysis *an,
		       rg_scratch *s, const struct rg_role_hit *hit, size_t n_named)
{
	int found = 0;
	size_t next = hit->a; /* the token the next country must end right before */
	for (size_t i = n_named; i-- > 0 && next > 0;) {
		const rg_mention *m = &an->mentions[i];
		if (m->tok >= next || !is_holder_type(lex, m->actor) || m->via == RG_VIA_ROLE)
			continue;
		size_t t = last_token(s, m) + 1;
		if (t < next && hyphen_suffix(lex, an, s, t))
			t++;
		while (found && t < next && in_set(&lex->conjunctions, s, t))
			t++;
		if (t != next || !same_sentence(s, m->tok, hit->a) ||
		    (!found && separated(doc, m->end, s->toks[hit->a].start)))
			break;
		size_t first_tok = m->tok; /* add_role may move the mentions */
		if (add_role(lex, an, s, hit, m))
			return -1;
		found++;
		next = first_tok;
		if (!lex->role_phrases[hit->phrase].many)
			break;
	}
	return found;
}

/*
 * Pairs each office phrase with its country by the language's word order:
 * Azerbaijani and Turkish put the possessor first ("Azərbaycanın xarici
 * işlər naziri"); Persian, Arabic and Russian after ("وزير خارجية قطر",
 * "министр иностранных дел России"), or an adjective before; English before
 * ("the Azerbaijani foreign minister") or after "of".
 */
rg_err rg_roles_resolve(const rg_lexicon *lex, const rg_doc *doc, rg_analysis *an,
			rg_scratch *s)
{
	size_t n_named = an->n_mentions;
	int head_final = an->lang == RG_LANG_AZ || an->lang == RG_LANG_TR;
	int en = an->lang == RG_LANG_EN || an->lang == RG_LANG_NONE;
	for (size_t h = 0; h < s->n_hits; h++) {
		struct rg_role_hit *hit = &s->hits[h];
		if (person_beside(lex, an, s, hit->a, hit->b))
			continue;
		hit->former = (uint8_t)former_near(lex, an, s, hit->a, hit->b);
		int k = 0;
		uint32_t holder = lex->role_phrases[hit->phrase].holder;
		if (holder != UINT32_MAX) { /* the phrase names its holder itself */
			rg_mention self = { 0 };
			self.actor = holder;
			self.start = s->toks[hit->a].start;
			self.end = s->toks[hit->b - 1].end;
			if (add_role(lex, an, s, hit, &self))
				return RG_ENOMEM;
			continue;
		}
		if (!head_final)
			k = pair_after(lex, doc, an, s, hit, n_named, en);
		if (k == 0)
			k = pair_before(lex, doc, an, s, hit, n_named);
		if (k < 0)
			return RG_ENOMEM;
	}
	if (an->n_mentions > n_named)
		qsort(an->mentions, an->n_mentions, sizeof *an->mentions, cmp_mention);
	return RG_OK;
}
