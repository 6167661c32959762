/*
 * edgetable_read.c - reading edge tables (the format is documented in
 * relgraph.h) into an edge set, summing as it goes: one table, several
 * files, or several tables concatenated in one stream.  Every row is
 * checked; the first bad one is reported with its file and line.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "edgeset.h"

#define MAX_FIELDS 16

/* Splits line (modified in place, escapes undone) into at most max fields. */
static size_t split(char *line, char **fields, size_t max)
{
	size_t n = 0;
	char *p = line;

	while (n < max) {
		char *out = p;
		fields[n++] = p;
		for (;;) {
			if (*p == '\\' && p[1]) {
				char c = p[1];
				*out++ = c == 't' ? '\t' : c == 'n' ? '\n' : c == 'r' ? '\r' : c;
				p += 2;
			} else if (*p == '\t' || *p == '\0' || *p == '\n') {
				break;
			} else {
				*out++ = *p++;
			}
		}
		char end = *p;
		*out = '\0';
		if (end != '\t')
			break;
		p++;
	}
	return n;
}

static int parse_long(const char *s, long *out)
{
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (errno || end == s || *end || v < 0)
		return -1;
	*out = v;
	return 0;
}

/* A slice date of the table's precision, or "-" for none. */
static int parse_date(const char *s, rg_slicing sl, char out[11])
{
	size_t want = rg_es_precision(sl);
	if (strcmp(s, "-") == 0) {
		out[0] = '\0';
		return 0;
	}
	if (strlen(s) != want)
		return -1;
	for (size_t i = 0; i < want; i++)
		if ((i == 4 || i == 7) ? s[i] != '-' : (s[i] < '0' || s[i] > '9'))
			return -1;
	memcpy(out, s, want + 1);
	return 0;
}

/* "country,person" -> mask; 0 when malformed. */
static unsigned parse_types(const char *s)
{
	char buf[64];
	if (strlen(s) >= sizeof buf)
		return 0;
	snprintf(buf, sizeof buf, "%s", s);
	for (char *p = buf; *p; p++)
		if (*p == ',')
			*p = '+';
	int set = rg_es_typeset_parse(buf);
	return set < 0 ? 0 : (unsigned)set;
}

/* The table's first line: sets up *s or checks it against the set. */
static const char *header(char **fl, size_t n, rg_edgeset **s)
{
	rg_window w;
	unsigned types;
	int slicing;
	if (n >= 1 && strncmp(fl[0], "#relgraph-edges v1", 18) == 0)
		return "an edge table of the first version (no slices): write it again with "
		       "this relgraph's extract --emit edges";
	if (n != 4 || strcmp(fl[0], RG_EDGETABLE_MAGIC) || strncmp(fl[1], "window=", 7) ||
	    rg_window_parse(fl[1] + 7, &w) || strncmp(fl[2], "types=", 6) ||
	    !(types = parse_types(fl[2] + 6)) || strncmp(fl[3], "slice=", 6) ||
	    (slicing = rg_slicing_parse(fl[3] + 6)) < 0)
		return "not a relgraph edge table (bad first line)";
	if (!*s)
		return rg_edgeset_new(s, w, types, (rg_slicing)slicing) ? "out of memory" : NULL;
	if ((*s)->window.kind != w.kind || (*s)->window.tokens != w.tokens)
		return "the table's window differs from the other tables'";
	if ((*s)->types != types)
		return "the table's types differ from the other tables'";
	if ((*s)->slicing != (rg_slicing)slicing)
		return "the table's slices differ from the other tables' (slice=)";
	return NULL;
}

static const char *actor_row(rg_edgeset *s, char **fl, size_t n)
{
	int ty = n == 3 + RG_NLANG ? rg_type_parse(fl[2]) : -1;
	uint32_t a;
	if (ty < 0 || !fl[1][0])
		return "malformed actor row";
	size_t before = s->n_actors;
	rg_err rc = rg_es_actor_intern(s, fl[1], (rg_actor_type)ty, &a);
	if (rc)
		return rc == RG_EINPUT ? "too many actors" : "out of memory";
	rg_es_actor *ac = &s->actors[a];
	if (a < before && ac->type != (rg_actor_type)ty)
		return "the actor's type differs from an earlier table's";
	for (int l = 0; l < RG_NLANG; l++)
		if (!ac->names[l] && fl[3 + l][0] && !(ac->names[l] = rg_strdup(fl[3 + l])))
			return "out of memory";
	return NULL;
}

static const char *slice_row(rg_edgeset *s, char **fl, size_t n, uint32_t *cur)
{
	char date[11];
	long docs, windows, sum = 0;
	int lang = RG_LANG_NONE;
	if (n != 6 || parse_date(fl[1], s->slicing, date) ||
	    (strcmp(fl[2], "-") && (lang = rg_lang_parse(fl[2])) < 0) ||
	    parse_long(fl[3], &docs) || parse_long(fl[4], &windows))
		return "malformed slice row (date of the table's precision or -, language "
		       "or -, documents, windows, windows by types)";
	long by[RG_ES_TYPESETS] = { 0 };
	for (char *p = fl[5]; strcmp(fl[5], "-") && *p;) {
		char *eq = strchr(p, '='), *end;
		if (!eq)
			return "malformed windows by types (country=5,country+person=2)";
		*eq = '\0';
		int set = rg_es_typeset_parse(p);
		errno = 0;
		long v = strtol(eq + 1, &end, 10);
		if (set < 0 || errno || end == eq + 1 || v < 0 || (*end && *end != ','))
			return "malformed windows by types (country=5,country+person=2)";
		by[set] += v;
		sum += v;
		p = *end ? end + 1 : end;
	}
	if (sum != windows)
		return "the windows by types do not add up to the slice's windows";
	rg_err rc = rg_es_slice_intern(s, date, lang, cur);
	if (rc)
		return rc == RG_EINPUT ? "too many slices" : "out of memory";
	rg_es_slice *sl = &s->slices[*cur];
	sl->docs += docs;
	sl->windows += windows;
	for (int t = 0; t < RG_ES_TYPESETS; t++)
		sl->by_types[t] += by[t];
	return NULL;
}

/* The set's actor with id `id`; -1 when no actor row declared it. */
static long known_actor(const rg_edgeset *s, const char *id)
{
	uint32_t a = rg_strmap_get(&s->actor_ix, id, strlen(id));
	return a == UINT32_MAX ? -1 : (long)a;
}

static const char *count_row(rg_edgeset *s, char **fl, size_t n, long cur)
{
	long v[6];
	rg_err rc = RG_OK;
	if (cur < 0)
		return "a node, edge or format row before any slice row";
	if (strcmp(fl[0], "node") == 0) {
		long a = n == 5 ? known_actor(s, fl[1]) : -1;
		if (a < 0 || parse_long(fl[2], &v[0]) || parse_long(fl[3], &v[1]) ||
		    parse_long(fl[4], &v[2]))
			return "malformed node row (an actor without an actor row, or a bad count)";
		rc = rg_es_node_add(s, (uint32_t)cur, (uint32_t)a, v[0], v[1], v[2]);
	} else if (strcmp(fl[0], "edge") == 0) {
		long a = n == 5 ? known_actor(s, fl[1]) : -1, b = n == 5 ? known_actor(s, fl[2]) : -1;
		if (a < 0 || b < 0 || a == b || parse_long(fl[3], &v[0]) || v[0] <= 0 ||
		    parse_long(fl[4], &v[1]))
			return "malformed edge row (unknown actor, a self-tie, or a bad count)";
		rc = rg_es_edge_add(s, (uint32_t)cur, (uint32_t)a, (uint32_t)b, v[0], v[1]);
	} else {
		uint32_t fmt;
		int ok = n == 9 && fl[1][0];
		for (int i = 0; ok && i < 6; i++)
			ok = !parse_long(fl[2 + i], &v[i]);
		if (!ok)
			return "malformed format row";
		if (!(rc = rg_es_format_intern(s, fl[1], strcmp(fl[8], "-") ? fl[8] : NULL, &fmt)))
			rc = rg_es_format_add(s, (uint32_t)cur, fmt, v[0], v[1], v + 2);
	}
	return rc == RG_EINPUT ? "a count past 2^32 in one slice"
	       : rc ? "out of memory" : NULL;
}

/* Reads the table(s) of stream f into *s; reports the first bad row. */
static rg_err read_tables(FILE *f, const char *path, rg_edgeset **s, const rg_diag *diag)
{
	char *line = NULL, *fl[MAX_FIELDS];
	size_t cap = 0;
	long lineno = 0, cur = -1;
	rg_err rc = RG_OK;
	ssize_t got;

	while ((got = getline(&line, &cap, f)) > 0) {
		lineno++;
		if (line[got - 1] == '\n')
			line[--got] = '\0';
		if (got && line[got - 1] == '\r')
			line[--got] = '\0';
		size_t n = split(line, fl, MAX_FIELDS);
		const char *bad = NULL;
		uint32_t slice;
		if (lineno == 1 || strncmp(fl[0], "#relgraph-edges", 15) == 0) {
			bad = header(fl, n, s);
			cur = -1;
		} else if (strcmp(fl[0], "actor") == 0) {
			bad = actor_row(*s, fl, n);
		} else if (strcmp(fl[0], "slice") == 0) {
			if (!(bad = slice_row(*s, fl, n, &slice)))
				cur = slice;
		} else if (!strcmp(fl[0], "node") || !strcmp(fl[0], "edge") ||
			   !strcmp(fl[0], "format")) {
			bad = count_row(*s, fl, n, cur);
		} else if (fl[0][0] != '#' && fl[0][0] != '\0') {
			bad = "unknown row kind";
		}
		if (bad) {
			rg_diag_emit(diag, RG_SEV_ERROR, path, lineno, -1, "%s", bad);
			rc = strcmp(bad, "out of memory") ? RG_EINPUT : RG_ENOMEM;
			break;
		}
	}
	if (!rc && ferror(f))
		rc = RG_EIO;
	if (!rc && lineno == 0) {
		rg_diag_emit(diag, RG_SEV_ERROR, path, -1, -1, "empty edge table");
		rc = RG_EINPUT;
	}
	free(line);
	return rc;
}

rg_err rg_edgeset_read(rg_edgeset **s, const char *path, const rg_diag *diag)
{
	int is_stdin = !path || strcmp(path, "-") == 0;
	FILE *f;
	rg_err rc;

	if (!s)
		return RG_EINPUT;
	if (!(f = is_stdin ? stdin : fopen(path, "rb"))) {
		rg_diag_emit(diag, RG_SEV_ERROR, path, -1, -1, "cannot open: %s", strerror(errno));
		return RG_EIO;
	}
	rc = read_tables(f, is_stdin ? "-" : path, s, diag);
	if (!is_stdin)
		fclose(f);
	return rc;
}
