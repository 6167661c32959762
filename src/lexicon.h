/*
 * lexicon.h - the private layout of rg_lexicon: the actor table, the folding
 * table, the affix rules and the compiled matcher (a trie over folded word
 * ids).  Only lexicon.c builds it; match.c walks it; everything is read-only
 * once rg_lexicon_open() returns.
 */
#ifndef RG_LEXICON_H
#define RG_LEXICON_H

#include "fold.h"
#include "relgraph.h"
#include "util.h"

/* Kinds of dictionary rows. */
enum {
	RG_AK_NAME = 0,
	RG_AK_ALIAS,
	RG_AK_ADJ,
	RG_AK_ACRONYM,
	RG_AK_SURNAME,
	RG_AK_WEAK,      /* a name that is also a common word or first name */
	RG_AK_BLOCK,
	RG_AK_ROLE,      /* an office phrase (data/roles.tsv); its own trie root */
	RG_AK_N
};

/* Affix kinds. */
enum {
	RG_AF_PREFIX = 0,
	RG_AF_ARTICLE,
	RG_AF_SUFFIX,
	RG_AF_ADJSUFFIX,
	RG_AF_STEM,
	RG_AF_N
};

typedef struct {
	char *text;      /* folded */
	uint32_t len;    /* bytes */
	uint32_t chars;  /* code points */
	uint8_t kind;
	uint8_t min;     /* shortest stem left, in code points */
} rg_affix;

/* The affixes of one language, each list longest first. */
typedef struct {
	rg_affix *list[RG_AF_N];
	size_t n[RG_AF_N];
} rg_affix_set;

/* One way an alias ends at a trie node. */
typedef struct {
	uint32_t actor;  /* UINT32_MAX for a block */
	uint32_t alias;  /* index into rg_lexicon.aliases */
	uint32_t next;   /* next term of the same node, or UINT32_MAX */
	uint8_t kind;    /* RG_AK_* */
	uint8_t capital; /* written with a capital: in cased scripts the text
			    must be too ("Turkey", not "turkey") */
} rg_term;

typedef struct {
	char *text;      /* folded, words separated by one space */
	uint32_t actor;
	uint8_t kind;
	int8_t lang;     /* RG_LANG_*, or RG_LANG_NONE for "*" */
} rg_alias;

struct rg_lexicon {
	rg_fold fold;
	rg_affix_set affixes[RG_NLANG];

	rg_actor_info *actors;
	size_t n_actors, cap_actors;
	rg_strmap actor_ids;      /* id -> index */

	rg_alias *aliases;
	size_t n_aliases, cap_aliases;

	rg_strmap words;          /* folded word (or "\1" + stem) -> word id */
	rg_u64map edges;          /* (node << 32 | word id) -> child node */
	uint32_t *node_term;      /* node -> first term, UINT32_MAX if none */
	size_t n_nodes, cap_nodes;
	rg_term *terms;
	size_t n_terms, cap_terms;
	int max_alias_words;      /* longest alias, in words */

	/* named formats (data/formats.tsv): group actors with known members */
	struct rg_named_format {
		uint32_t actor;
		uint32_t *members;  /* sorted country actor indices */
		size_t n;
	} *formats;
	size_t n_formats;
	rg_strmap cues;           /* folded cue word -> 1 ("trilateral"...) */
	/* a filter over the cues' first 4 bytes, or 2 when their first word
	   is shorter (formats.c): a clear bit means no cue starts there; off
	   (every word is tried) when a cue's first word has under 2 bytes */
	uint64_t cue_prefix[64];
	int cue_unfiltered;
	rg_strmap conjunctions;   /* folded list conjunction -> 1 ("and"...) */

	/* offices (data/roles.tsv, data/offices.tsv), see roles.c */
	uint32_t role_root;       /* trie root of the office phrases */
	struct rg_role_phrase {
		uint16_t office;      /* index into office_names */
		uint8_t many;         /* plural: "the foreign ministers of" */
		uint32_t holder;      /* the country or organisation the phrase
					 names itself ("President of the European
					 Commission"), or UINT32_MAX: paired by roles.c */
	} *role_phrases;
	size_t n_role_phrases;
	char **office_names;
	size_t n_office_names;
	int16_t (*office_fallback)[3]; /* per office: offices to try instead, -1 ends */
	struct rg_office_term {
		uint32_t holder_of;   /* country or organisation */
		uint32_t person;
		uint16_t office;
		char start[11], end[11]; /* "YYYY-MM-DD"; end "" = still in office */
	} *office_terms;
	size_t n_office_terms;
	rg_strmap connectors;     /* words allowed between an office and its country */
	rg_strmap former;         /* "former", «سابق»: the office's past holder */
	rg_strmap given_names;    /* folded common given names (surnames.c) */
	char (*given_initials)[24]; /* per actor: the first characters of a
				       person's names' words but the last,
				       NUL-ended (surnames.c) */
	uint32_t *capital_of;     /* per actor: the country a capital stands for,
				     or UINT32_MAX (data/capitals.tsv) */
	int metonymy;             /* report capitals as their countries */
	struct rg_affix_index *match_ix; /* match.c's index, built last */
	/* the Russian stem endings by last byte, in list order (lexicon.c,
	   each_stem): group b is stem_idx[stem_off[b] .. stem_off[b + 1]);
	   NULL when some ending is empty (every word is then tried) */
	uint32_t *stem_idx;
	uint32_t stem_off[257];
	uint32_t last_conflict;   /* set by an insert whose form already names
				     another actor (UINT32_MAX: none) */

	/* rule_names[kind][modifiers]: "alias+suffix" etc., for --explain */
	char *rule_names[RG_AK_N][32];
};

/* Modifiers of a match, combined into rule names. */
enum {
	RG_MOD_PREFIX = 1,
	RG_MOD_SUFFIX = 2,
	RG_MOD_STEM = 4,
	RG_MOD_JOIN = 8,
	RG_MOD_APOS = 16
};

/* Prefix byte of stem keys in `words`. */
#define RG_STEM_KEY '\1'

/* Loads affix rules from `path` into lex->affixes (lexicon.c calls it). */
rg_err rg_affixes_load(rg_lexicon *lex, const char *path, const rg_diag *diag);
void rg_affixes_release(rg_lexicon *lex);

/*
 * Loads data/formats.tsv: named formats (compiled into the matcher as
 * `group` actors), cue words and list conjunctions (formats.c).
 */
rg_err rg_formats_load(rg_lexicon *lex, const char *path, const rg_diag *diag);
void rg_formats_release(rg_lexicon *lex);

/*
 * Builds match.c's index over the finished lexicon (the affixes grouped by
 * their edge byte and a filter over the word keys) into lex->match_ix;
 * called once, last, by rg_lexicon_open, so the lexicon stays read-only.
 */
rg_err rg_match_index_build(rg_lexicon *lex);

/* Loads the office phrases and holders (roles.c). */
rg_err rg_roles_load(rg_lexicon *lex, const char *roles_tsv, const char *offices_tsv,
		     const rg_diag *diag);
void rg_roles_release(rg_lexicon *lex);

/*
 * Loads data/given_names.tsv and each person's given-name initials
 * (surnames.c); called once all actors are loaded.
 */
rg_err rg_surnames_load(rg_lexicon *lex, const char *given_tsv, const rg_diag *diag);
void rg_surnames_release(rg_lexicon *lex);

/* Registers one alias row in the matcher (lexicon.c). */
rg_err rg_lexicon_add_alias(rg_lexicon *lex, const char *folded, uint32_t actor,
			    int kind, int lang, int capital);

/* The actor with `id`, created with `type` if new; RG_EINPUT (reported) on a
 * type conflict (lexicon.c). */
rg_err rg_lexicon_actor_get(rg_lexicon *lex, const char *id, int type,
			    const char *file, long line, const rg_diag *diag,
			    uint32_t *out);

/* The number of code points of UTF-8 s[0..n). */
size_t rg_utf8_chars(const char *s, size_t n);

#endif
