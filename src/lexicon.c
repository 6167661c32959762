/*
 * lexicon.c - loads the dictionaries (data/actors/ TSV files and --actors files)
 * and compiles every alias into one trie over folded words, the matcher that
 * match.c runs over each document in a single pass.  Think of this module as
 * the gazetteer's compiler: it decides which forms of a name exist
 * (as written, without the Arabic article, joined Arabic-script words,
 * Russian stems); match.c decides which of them a text contains.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "lexicon.h"

static const char *const kind_names[RG_AK_N] = {
	"name", "alias", "adj", "acronym", "surname", "weak", "block", "role"
};

/* ---- trie ---------------------------------------------------------------- */

static rg_err new_node(rg_lexicon *lex, uint32_t *out)
{
	if (rg_grow(&lex->node_term, &lex->cap_nodes, lex->n_nodes + 1,
		    sizeof *lex->node_term))
		return RG_ENOMEM;
	lex->node_term[lex->n_nodes] = UINT32_MAX;
	*out = (uint32_t)lex->n_nodes++;
	return RG_OK;
}

static rg_err word_id(rg_lexicon *lex, const char *w, size_t n, uint32_t *id)
{
	return rg_strmap_put(&lex->words, w, n, (uint32_t)lex->words.n_ents, id);
}

static uint64_t edge_key(uint32_t node, uint32_t word)
{
	return (uint64_t)node << 32 | word;
}

/*
 * The Russian stems of a Cyrillic word: the word minus each stem ending that
 * leaves at least `min` characters.  Calls fn for each; stops on error.
 */
static rg_err each_stem(const rg_lexicon *lex, const char *w, size_t n,
			rg_err (*fn)(void *, const char *, size_t), void *ctx)
{
	const rg_affix_set *ru = &lex->affixes[RG_LANG_RU];
	size_t chars = SIZE_MAX; /* counted when an ending first needs it */
	/* only the endings with the word's last byte (all when unindexed) */
	size_t from = 0, to = ru->n[RG_AF_STEM];
	if (lex->stem_idx && n) {
		from = lex->stem_off[(uint8_t)w[n - 1]];
		to = lex->stem_off[(uint8_t)w[n - 1] + 1];
	}
	for (size_t j = from; j < to; j++) {
		size_t i = lex->stem_idx && n ? lex->stem_idx[j] : j;
		const rg_affix *a = &ru->list[RG_AF_STEM][i];
		/* the last byte first: it turns most endings away without a call */
		if (a->len >= n || (a->len && w[n - 1] != a->text[a->len - 1]))
			continue;
		if (chars == SIZE_MAX)
			chars = rg_utf8_chars(w, n);
		if (chars - a->chars < a->min || memcmp(w + n - a->len, a->text, a->len) != 0)
			continue;
		rg_err rc = fn(ctx, w, n - a->len);
		if (rc)
			return rc;
	}
	return RG_OK;
}

/*
 * Groups the Russian stem endings by their last byte for each_stem, each
 * group in list order, so the stems come out in the same order as a scan
 * of the whole list.  An empty ending fits every word: then no index.
 */
static rg_err index_stems(rg_lexicon *lex)
{
	const rg_affix_set *ru = &lex->affixes[RG_LANG_RU];
	size_t n = ru->n[RG_AF_STEM];
	for (size_t i = 0; i < n; i++)
		if (!ru->list[RG_AF_STEM][i].len)
			return RG_OK;
	if (!(lex->stem_idx = malloc((n ? n : 1) * sizeof *lex->stem_idx)))
		return RG_ENOMEM;
	uint32_t at = 0;
	for (int b = 0; b < 256; b++) {
		lex->stem_off[b] = at;
		for (size_t i = 0; i < n; i++) {
			const rg_affix *a = &ru->list[RG_AF_STEM][i];
			if ((uint8_t)a->text[a->len - 1] == b)
				lex->stem_idx[at++] = (uint32_t)i;
		}
	}
	lex->stem_off[256] = at;
	return RG_OK;
}

static int is_cyrillic_word(const char *w, size_t n)
{
	/* Cyrillic letters are U+0400..U+04FF: lead bytes 0xD0..0xD3 */
	return n >= 2 && (unsigned char)w[0] >= 0xD0 && (unsigned char)w[0] <= 0xD3;
}

static int is_arabic_word(const char *w, size_t n)
{
	/* Arabic letters are U+0600..U+06FF: lead bytes 0xD8..0xDB */
	return n >= 2 && (unsigned char)w[0] >= 0xD8 && (unsigned char)w[0] <= 0xDB;
}

/*
 * Russian words that share a stem share a trie node ("российская" in
 * "Российская Федерация" and the adjective "российский"), because the
 * matcher treats them as the same word.  find_stem_child looks for a node
 * a sibling of the same stem already made; add_stem_edge links the stems.
 */
struct stem_edge_ctx {
	rg_lexicon *lex;
	uint32_t node, child;
	rg_sb key;
};

static rg_err stem_id(struct stem_edge_ctx *c, const char *stem, size_t n, uint32_t *id)
{
	rg_sb_reset(&c->key);
	if (rg_sb_addc(&c->key, RG_STEM_KEY) || rg_sb_add(&c->key, stem, n))
		return RG_ENOMEM;
	return word_id(c->lex, c->key.buf, c->key.len, id);
}

static rg_err find_stem_child(void *vctx, const char *stem, size_t n)
{
	struct stem_edge_ctx *c = vctx;
	uint32_t id;
	if (c->child != UINT32_MAX)
		return RG_OK;
	if (stem_id(c, stem, n, &id))
		return RG_ENOMEM;
	c->child = rg_u64map_get(&c->lex->edges, edge_key(c->node, id));
	return RG_OK;
}

static rg_err add_stem_edge(void *vctx, const char *stem, size_t n)
{
	struct stem_edge_ctx *c = vctx;
	uint32_t id;
	if (stem_id(c, stem, n, &id))
		return RG_ENOMEM;
	uint64_t k = edge_key(c->node, id);
	if (rg_u64map_get(&c->lex->edges, k) != UINT32_MAX)
		return RG_OK; /* a word of the same stem got here first */
	return rg_u64map_put(&c->lex->edges, k, c->child);
}

/* Inserts the words of `folded` (space-separated) into the trie. */
static rg_err trie_insert(rg_lexicon *lex, const char *folded, uint32_t actor,
			  uint32_t alias, uint8_t kind, uint8_t capital)
{
	rg_err rc = RG_OK;
	struct stem_edge_ctx sc = { lex, 0, 0, RG_SB_INIT };
	uint32_t node = kind == RG_AK_ROLE ? lex->role_root : 0;
	int n_words = 0;
	for (const char *w = folded; *w;) {
		size_t n = strcspn(w, " ");
		uint32_t id, child;
		if ((rc = word_id(lex, w, n, &id)))
			goto out;
		int cyr = is_cyrillic_word(w, n);
		child = rg_u64map_get(&lex->edges, edge_key(node, id));
		if (child == UINT32_MAX && cyr) {
			sc.node = node;
			sc.child = UINT32_MAX;
			if ((rc = each_stem(lex, w, n, find_stem_child, &sc)))
				goto out;
			child = sc.child;
		}
		if (child == UINT32_MAX && (rc = new_node(lex, &child)))
			goto out;
		if ((rc = rg_u64map_put(&lex->edges, edge_key(node, id), child)))
			goto out;
		if (cyr) {
			sc.node = node;
			sc.child = child;
			if ((rc = each_stem(lex, w, n, add_stem_edge, &sc)))
				goto out;
		}
		node = child;
		n_words++;
		w += n;
		w += *w == ' ';
	}
	if (n_words > lex->max_alias_words)
		lex->max_alias_words = n_words;
	for (uint32_t t = lex->node_term[node]; t != UINT32_MAX; t = lex->terms[t].next) {
		const rg_term *o = &lex->terms[t];
		if (o->actor == actor && o->kind == kind) {
			/* the same form twice: written in lower case in one
			 * language (Azerbaijani "türkmən"), it matches lower case
			 * even where another lists it with a capital ("Turkmen") */
			if (!capital)
				lex->terms[t].capital = 0;
			goto out;
		}
		if (o->actor != actor && kind <= RG_AK_ACRONYM && o->kind <= RG_AK_ACRONYM)
			lex->last_conflict = o->actor;
	}
	if ((rc = rg_grow(&lex->terms, &lex->cap_terms, lex->n_terms + 1,
			  sizeof *lex->terms)))
		goto out;
	lex->terms[lex->n_terms] = (rg_term){ actor, alias, lex->node_term[node], kind,
					      capital };
	lex->node_term[node] = (uint32_t)lex->n_terms++;
out:
	rg_sb_release(&sc.key);
	return rc;
}

/*
 * Persian writes the ezafe after an inner word that ends in heh as ZWNJ +
 * yeh ("اتحادیه‌ی اروپا", "کره‌ی جنوبی"); the ZWNJ is dropped, so the word
 * reads "اتحادیهی".  Inserts the name with that yeh on each subset of its
 * inner heh-final words (up to three; the last word takes it as a suffix).
 */
static rg_err add_ezafe_variants(rg_lexicon *lex, const char *folded, uint32_t actor,
				 uint32_t alias, uint8_t kind, uint8_t capital)
{
	static const char heh[] = "\xd9\x87", yeh[] = "\xdb\x8c"; /* U+0647, U+06CC */
	size_t ends[3];
	int k = 0;
	for (const char *p = folded; *p && k < 3;) {
		size_t n = strcspn(p, " ");
		if (!p[n])
			break;
		if (n > 2 && memcmp(p + n - 2, heh, 2) == 0)
			ends[k++] = (size_t)(p + n - folded);
		p += n + 1;
	}
	rg_err rc = RG_OK;
	rg_sb v = RG_SB_INIT;
	for (unsigned mask = 1; !rc && mask < (1u << k); mask++) {
		size_t from = 0;
		rg_sb_reset(&v);
		for (int i = 0; i < k && !rc; i++) {
			if (!(mask & (1u << i)))
				continue;
			if (!(rc = rg_sb_add(&v, folded + from, ends[i] - from)))
				rc = rg_sb_add(&v, yeh, 2);
			from = ends[i];
		}
		if (!rc && !(rc = rg_sb_adds(&v, folded + from)))
			rc = trie_insert(lex, v.buf, actor, alias, kind, capital);
	}
	rg_sb_release(&v);
	return rc;
}

/*
 * Compiles one alias: as written; for Arabic aliases, also without the
 * article on the first word; for Arabic-script aliases of several words,
 * also with the words joined, all of them or (from three words) one
 * adjacent pair (Persian writes names with a space, a ZWNJ or nothing
 * between their parts); for Persian ones, also with the ezafe on inner
 * words ending in heh.
 */
static rg_err compile_alias(rg_lexicon *lex, const char *folded, uint32_t actor,
			    uint32_t alias, uint8_t kind, int lang, uint8_t capital)
{
	rg_err rc = trie_insert(lex, folded, actor, alias, kind, capital);
	rg_sb v = RG_SB_INIT;
	if (rc)
		return rc;
	const rg_affix_set *ar = &lex->affixes[RG_LANG_AR];
	for (size_t i = 0; lang == RG_LANG_AR && i < ar->n[RG_AF_ARTICLE]; i++) {
		const rg_affix *a = &ar->list[RG_AF_ARTICLE][i];
		size_t first = strcspn(folded, " ");
		if (first <= a->len || strncmp(folded, a->text, a->len) != 0 ||
		    rg_utf8_chars(folded + a->len, first - a->len) < 3)
			continue;
		rg_sb_reset(&v);
		if ((rc = rg_sb_adds(&v, folded + a->len)) ||
		    (rc = trie_insert(lex, v.buf, actor, alias, kind, capital)))
			goto out;
	}
	if (strchr(folded, ' ') && is_arabic_word(folded, strlen(folded))) {
		rg_sb_reset(&v);
		for (const char *p = folded; *p;) { /* the words without their spaces */
			size_t k = strcspn(p, " ");
			if ((rc = rg_sb_add(&v, p, k)))
				goto out;
			p += k;
			p += *p == ' ';
		}
		if ((rc = trie_insert(lex, v.buf, actor, alias, kind, capital)))
			goto out;
		/* names of three words or more: also with one pair of adjacent
		 * words joined ("شورای همکاری خلیج‌فارس") */
		const char *sp = strchr(folded, ' ');
		for (sp = sp == strrchr(folded, ' ') ? NULL : sp; sp; sp = strchr(sp + 1, ' ')) {
			rg_sb_reset(&v);
			if ((rc = rg_sb_add(&v, folded, (size_t)(sp - folded))) ||
			    (rc = rg_sb_adds(&v, sp + 1)) ||
			    (rc = trie_insert(lex, v.buf, actor, alias, kind, capital)))
				goto out;
		}
	}
	/* Persian ezafe on inner words; not in people's names, which take none */
	if (lang == RG_LANG_FA && strchr(folded, ' ') &&
	    (kind == RG_AK_ROLE || kind == RG_AK_BLOCK ||
	     lex->actors[actor].type != RG_TYPE_PERSON))
		rc = add_ezafe_variants(lex, folded, actor, alias, kind, capital);
out:
	rg_sb_release(&v);
	return rc;
}

rg_err rg_lexicon_add_alias(rg_lexicon *lex, const char *folded, uint32_t actor,
			    int kind, int lang, int capital)
{
	if (rg_grow(&lex->aliases, &lex->cap_aliases, lex->n_aliases + 1,
		    sizeof *lex->aliases))
		return RG_ENOMEM;
	rg_alias *al = &lex->aliases[lex->n_aliases];
	al->text = rg_strdup(folded);
	if (!al->text)
		return RG_ENOMEM;
	al->actor = actor;
	al->kind = (uint8_t)kind;
	al->lang = (int8_t)lang;
	lex->n_aliases++;
	return compile_alias(lex, al->text, actor, (uint32_t)lex->n_aliases - 1,
			     (uint8_t)kind, lang, (uint8_t)capital);
}

/* ---- loading ------------------------------------------------------------- */

/* Whether the first letter of s is a capital of a cased script. */
static int starts_upper(const char *s)
{
	int32_t i = 0, n = (int32_t)strlen(s);
	while (i < n) {
		UChar32 c;
		U8_NEXT((const uint8_t *)s, i, n, c);
		if (c >= 0 && u_isalpha(c))
			return u_isUUppercase(c);
	}
	return 0;
}

static int valid_id(const char *id)
{
	if (!*id)
		return 0;
	for (const char *p = id; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		      (*p >= '0' && *p <= '9') || *p == '-' || *p == '_' || *p == '.'))
			return 0;
	return 1;
}

rg_err rg_lexicon_actor_get(rg_lexicon *lex, const char *id, int type,
			    const char *file, long line, const rg_diag *diag,
			    uint32_t *out)
{
	uint32_t idx = rg_strmap_get(&lex->actor_ids, id, strlen(id));
	if (idx != UINT32_MAX) {
		if ((int)lex->actors[idx].type != type) {
			rg_diag_emit(diag, RG_SEV_WARNING, file, line, -1,
				     "actor '%s' is a %s, not a %s; row skipped", id,
				     rg_type_name(lex->actors[idx].type),
				     rg_type_name((rg_actor_type)type));
			return RG_EINPUT;
		}
		*out = idx;
		return RG_OK;
	}
	if (rg_grow(&lex->actors, &lex->cap_actors, lex->n_actors + 1,
		    sizeof *lex->actors))
		return RG_ENOMEM;
	rg_actor_info *a = &lex->actors[lex->n_actors];
	memset(a, 0, sizeof *a);
	a->type = (rg_actor_type)type;
	a->id = rg_strdup(id);
	if (!a->id ||
	    rg_strmap_put(&lex->actor_ids, id, strlen(id), (uint32_t)lex->n_actors, NULL)) {
		free((char *)a->id);
		return RG_ENOMEM;
	}
	*out = (uint32_t)lex->n_actors++;
	return RG_OK;
}

/* Loads one actors file; malformed rows are reported and skipped. */
static rg_err load_actor_file(rg_lexicon *lex, const char *path, const rg_diag *diag)
{
	rg_err rc = RG_OK;
	rg_rows rows = RG_ROWS_INIT;
	rg_sb folded = RG_SB_INIT;
	char *f[5];
	int nf;
	if (rg_rows_open(&rows, path)) {
		rg_diag_emit(diag, RG_SEV_ERROR, path, -1, -1,
			     "cannot read dictionary (missing, unreadable or binary)");
		return RG_EDATA;
	}
	while ((nf = rg_rows_next(&rows, f, 5))) {
		long lineno = rows.line;
		int kind = -1;
		for (int k = 0; nf == 5 && k < RG_AK_ROLE; k++)
			if (f[3][0] == kind_names[k][0] && strcmp(f[3], kind_names[k]) == 0)
				kind = k;
		int lang = nf == 5 ? rg_lang_parse(f[2]) : RG_LANG_NONE;
		int any_lang = nf == 5 && strcmp(f[2], "*") == 0;
		int type = nf == 5 ? rg_type_parse(f[1]) : -1;
		const char *why = NULL;
		if (nf != 5)
			why = "expected 5 tab-separated columns: id, type, lang, kind, text";
		else if (kind < 0)
			why = "unknown kind (name, alias, adj, acronym, surname, block)";
		else if (lang == RG_LANG_NONE && !any_lang)
			why = "unknown language (en, fa, ar, az, ru, tr or *)";
		else if (kind != RG_AK_BLOCK && (type < 0 || !valid_id(f[0])))
			why = type < 0 ? "unknown type (country, person, org, place, group)"
				       : "id must be ASCII letters, digits, '-', '_' or '.'";
		else if (strchr(f[4], '\t'))
			why = "the text contains a tab";
		if (!why) {
			if ((rc = rg_fold_words(&lex->fold, f[4], strlen(f[4]), &folded)))
				goto out;
			if (!folded.len)
				why = "the text has no letters or digits";
		}
		if (why) {
			rg_diag_emit(diag, RG_SEV_WARNING, path, lineno, -1, "%s", why);
			continue;
		}
		uint32_t actor = UINT32_MAX;
		if (kind != RG_AK_BLOCK) {
			rc = rg_lexicon_actor_get(lex, f[0], type, path, lineno, diag, &actor);
			if (rc == RG_EINPUT) {
				rc = RG_OK;
				continue;
			}
			if (rc)
				goto out;
			rg_actor_info *a = &lex->actors[actor];
			if (kind == RG_AK_NAME && lang != RG_LANG_NONE && !a->names[lang] &&
			    !(a->names[lang] = rg_strdup(f[4]))) {
				rc = RG_ENOMEM;
				goto out;
			}
		}
		lex->last_conflict = UINT32_MAX;
		if ((rc = rg_lexicon_add_alias(lex, folded.buf, actor, kind, lang,
					       starts_upper(f[4]))))
			goto out;
		if (lex->last_conflict != UINT32_MAX)
			rg_diag_emit(diag, RG_SEV_WARNING, path, lineno, -1,
				     "'%s' already names '%s'; the first one loaded wins",
				     f[4], lex->actors[lex->last_conflict].id);
	}
out:
	rg_rows_close(&rows);
	rg_sb_release(&folded);
	return rc;
}

static int tsv_filter(const struct dirent *d)
{
	size_t n = strlen(d->d_name);
	return d->d_name[0] != '.' && n > 4 && strcmp(d->d_name + n - 4, ".tsv") == 0;
}

/* Loads data/capitals.tsv into lex->capital_of; a missing file is fine. */
static rg_err load_capitals(rg_lexicon *lex, const char *path, const rg_diag *diag)
{
	rg_rows rows = RG_ROWS_INIT;
	char *f[2];
	int nf;
	lex->capital_of = malloc((lex->n_actors + 1) * sizeof *lex->capital_of);
	if (!lex->capital_of)
		return RG_ENOMEM;
	memset(lex->capital_of, 0xff, (lex->n_actors + 1) * sizeof *lex->capital_of);
	if (rg_rows_open(&rows, path))
		return RG_OK;
	while ((nf = rg_rows_next(&rows, f, 2))) {
		long lineno = rows.line;
		long p = -1, c = -1;
		if (nf == 2) {
			p = rg_lexicon_find(lex, f[0]);
			c = rg_lexicon_find(lex, f[1]);
		}
		if (p < 0 || c < 0 || lex->actors[p].type != RG_TYPE_PLACE ||
		    lex->actors[c].type != RG_TYPE_COUNTRY) {
			rg_diag_emit(diag, RG_SEV_WARNING, path, lineno, -1,
				     "expected a known place id and a known country id");
			continue;
		}
		lex->capital_of[p] = (uint32_t)c;
	}
	rg_rows_close(&rows);
	return RG_OK;
}

/* Names every (kind, modifiers) pair once, e.g. "surname+suffix". */
static rg_err make_rule_names(rg_lexicon *lex)
{
	static const char *const mods[] = { "prefix", "suffix", "stem", "join", "apostrophe" };
	rg_sb sb = RG_SB_INIT;
	for (int k = 0; k < RG_AK_N; k++) {
		for (int m = 0; m < 32; m++) {
			rg_sb_reset(&sb);
			if (rg_sb_adds(&sb, kind_names[k]))
				goto nomem;
			for (int b = 0; b < 5; b++)
				if ((m & (1 << b)) &&
				    (rg_sb_addc(&sb, '+') || rg_sb_adds(&sb, mods[b])))
					goto nomem;
			if (!(lex->rule_names[k][m] = rg_strdup(sb.buf)))
				goto nomem;
		}
	}
	rg_sb_release(&sb);
	return RG_OK;
nomem:
	rg_sb_release(&sb);
	return RG_ENOMEM;
}

/* Every actor lacking an English display name gets its id. */
static rg_err fill_names(rg_lexicon *lex)
{
	for (size_t i = 0; i < lex->n_actors; i++) {
		rg_actor_info *a = &lex->actors[i];
		if (!a->names[RG_LANG_EN] && !(a->names[RG_LANG_EN] = rg_strdup(a->id)))
			return RG_ENOMEM;
	}
	return RG_OK;
}

rg_err rg_lexicon_open(rg_lexicon **out, const char *datadir,
		       const char *const *extra, size_t n_extra, const rg_diag *diag)
{
	rg_err rc = RG_OK;
	struct dirent **ents = NULL;
	int n_ents = 0;
	rg_sb path = RG_SB_INIT;
	rg_lexicon *lex = calloc(1, sizeof *lex);
	*out = NULL;
	if (!lex)
		return RG_ENOMEM;
	rg_strmap_init(&lex->actor_ids);
	rg_strmap_init(&lex->words);
	rg_strmap_init(&lex->cues);
	rg_strmap_init(&lex->conjunctions);
	rg_u64map_init(&lex->edges);
	uint32_t root;
	if ((rc = new_node(lex, &root)) || (rc = new_node(lex, &lex->role_root)))
		goto out;
	rg_strmap_init(&lex->connectors);
	rg_strmap_init(&lex->former);
	rg_strmap_init(&lex->given_names);

	if ((rc = rg_sb_addf(&path, "%s/fold.tsv", datadir)) ||
	    (rc = rg_fold_build(&lex->fold, path.buf, diag)))
		goto out;
	rg_sb_reset(&path);
	if ((rc = rg_sb_addf(&path, "%s/affixes.tsv", datadir)) ||
	    (rc = rg_affixes_load(lex, path.buf, diag)) || (rc = index_stems(lex)))
		goto out;

	rg_sb_reset(&path);
	if ((rc = rg_sb_addf(&path, "%s/actors", datadir)))
		goto out;
	n_ents = scandir(path.buf, &ents, tsv_filter, alphasort);
	if (n_ents < 0) {
		rg_diag_emit(diag, RG_SEV_ERROR, path.buf, -1, -1,
			     "cannot read the dictionary folder");
		rc = RG_EDATA;
		n_ents = 0;
		goto out;
	}
	for (int i = 0; i < n_ents; i++) {
		rg_sb_reset(&path);
		if ((rc = rg_sb_addf(&path, "%s/actors/%s", datadir, ents[i]->d_name)))
			goto out;
		rc = load_actor_file(lex, path.buf, diag);
		if (rc == RG_ENOMEM)
			goto out;
		rc = RG_OK; /* an unreadable file was reported; the rest loads */
	}
	rg_sb_reset(&path);
	if ((rc = rg_sb_addf(&path, "%s/formats.tsv", datadir)) ||
	    (rc = rg_formats_load(lex, path.buf, diag)))
		goto out;
	{
		rg_sb p2 = RG_SB_INIT;
		rg_sb_reset(&path);
		if ((rc = rg_sb_addf(&path, "%s/roles.tsv", datadir)) ||
		    (rc = rg_sb_addf(&p2, "%s/offices.tsv", datadir))) {
			rg_sb_release(&p2);
			goto out;
		}
		rc = rg_roles_load(lex, path.buf, p2.buf, diag);
		rg_sb_release(&p2);
		if (rc)
			goto out;
	}
	for (size_t i = 0; i < n_extra; i++) {
		rc = load_actor_file(lex, extra[i], diag);
		if (rc)
			goto out; /* a file the user named must load */
	}
	if (!lex->n_actors) {
		rg_diag_emit(diag, RG_SEV_ERROR, datadir, -1, -1, "no actor was loaded");
		rc = RG_EDATA;
		goto out;
	}
	if ((rc = fill_names(lex)))
		goto out;
	rg_sb_reset(&path);
	if ((rc = rg_sb_addf(&path, "%s/given_names.tsv", datadir)) ||
	    (rc = rg_surnames_load(lex, path.buf, diag)))
		goto out;
	rg_sb_reset(&path);
	if ((rc = rg_sb_addf(&path, "%s/capitals.tsv", datadir)) ||
	    (rc = load_capitals(lex, path.buf, diag)))
		goto out;
	if ((rc = make_rule_names(lex)))
		goto out;
	rc = rg_match_index_build(lex);
out:
	for (int i = 0; i < n_ents; i++)
		free(ents[i]);
	free(ents);
	rg_sb_release(&path);
	if (rc)
		rg_lexicon_free(lex);
	else
		*out = lex;
	return rc;
}

void rg_lexicon_free(rg_lexicon *lex)
{
	if (!lex)
		return;
	for (size_t i = 0; i < lex->n_actors; i++) {
		free((char *)lex->actors[i].id);
		for (int l = 0; l < RG_NLANG; l++)
			free((char *)lex->actors[i].names[l]);
	}
	free(lex->actors);
	for (size_t i = 0; i < lex->n_aliases; i++)
		free(lex->aliases[i].text);
	free(lex->aliases);
	free(lex->capital_of);
	free(lex->match_ix);
	free(lex->stem_idx);
	for (int k = 0; k < RG_AK_N; k++)
		for (int m = 0; m < 32; m++)
			free(lex->rule_names[k][m]);
	rg_strmap_release(&lex->actor_ids);
	rg_strmap_release(&lex->words);
	rg_u64map_release(&lex->edges);
	free(lex->node_term);
	free(lex->terms);
	rg_affixes_release(lex);
	rg_formats_release(lex);
	rg_roles_release(lex);
	rg_surnames_release(lex);
	rg_fold_release(&lex->fold);
	free(lex);
}

size_t rg_lexicon_actor_count(const rg_lexicon *lex)
{
	return lex->n_actors;
}

const rg_actor_info *rg_lexicon_actor(const rg_lexicon *lex, size_t i)
{
	return i < lex->n_actors ? &lex->actors[i] : NULL;
}

long rg_lexicon_find(const rg_lexicon *lex, const char *id)
{
	uint32_t i = rg_strmap_get(&lex->actor_ids, id, strlen(id));
	return i == UINT32_MAX ? -1 : (long)i;
}

rg_err rg_lexicon_fold(const rg_lexicon *lex, const char *text, size_t len, char **out)
{
	rg_sb sb = RG_SB_INIT;
	rg_err rc = rg_fold_words(&lex->fold, text, len, &sb);
	if (!rc && !sb.buf)
		rc = rg_sb_add(&sb, "", 0);
	if (rc) {
		rg_sb_release(&sb);
		return rc;
	}
	*out = sb.buf;
	return RG_OK;
}

void rg_lexicon_set_metonymy(rg_lexicon *lex, int on)
{
	lex->metonymy = on;
}

size_t rg_lexicon_alias_count(const rg_lexicon *lex)
{
	return lex->n_aliases;
}

const char *rg_lexicon_alias(const rg_lexicon *lex, size_t i, size_t *actor)
{
	if (i >= lex->n_aliases)
		return NULL;
	if (actor)
		*actor = lex->aliases[i].actor;
	return lex->aliases[i].text;
}
