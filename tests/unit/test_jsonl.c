/*
 * test_jsonl.c - the check that decides whether a JSONL line may go to
 * yajl (src/jsonl.c, rg_jsonl_plain_line): its word-at-a-time fast path
 * must give what the plain character loop with ICU's U8_NEXT gives, on
 * random lines built from the bytes that matter (ASCII, \v, \f, "\u d",
 * two-, three- and four-byte sequences, C0/C1, lone and missing trails,
 * surrogates, bytes above F4) at every alignment, and on a few by hand.
 * Then the flat reader (rg_jsonl_read_flat) on random objects, some with
 * ill-formed UTF-8: every line it takes, jansson (the authority) reads
 * with the same four fields, byte for byte, and so does yajl's reader
 * where plain_line lets yajl read the line; the shapes it must take, it
 * takes.
 */
#include <stdint.h>
#include <stdlib.h>

#include <jansson.h>
#include <unicode/utf8.h>

#include "reader.h"
#include "tap.h"

/* The reference: the loop jsonl.c had before its fast path. */
static int slow_plain_line(const uint8_t *p, size_t n)
{
	size_t i = 0;
	while (i < n) {
		uint8_t b = p[i];
		if (b < 0x80) {
			if (b == '\v' || b == '\f')
				return 0;
			if (b == '\\' && i + 2 < n && p[i + 1] == 'u' &&
			    (p[i + 2] == 'd' || p[i + 2] == 'D'))
				return 0;
			i++;
			continue;
		}
		UChar32 c;
		U8_NEXT(p, i, n, c);
		if (c < 0)
			return 0;
	}
	return 1;
}

static uint64_t next_rand(uint64_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s;
}

/* Pieces lines are made of: mostly valid text, some of every oddity. */
static const char *const pieces[] = {
	"a", "b", " ", "\"", ":", "{", "}", "\n", "\t", "\r", "\x0d", "\x0e", "\x01", "\x7f",
	"\v", "\f", "\\", "\\n", "\\u", "\\ud", "\\uD", "\\u0", "\\\\ud",
	"\xd8\xa7", "\xd9\x84", "\xd0\xb8", "\xc2\x80", "\xdf\xbf", "\xc3\xa9",
	"\xe2\x80\x8c", "\xe0\xa0\x80", "\xef\xbf\xbd", "\xf0\x9f\x98\x80", "\xf4\x8f\xbf\xbf",
	"\xc0\x80", "\xc1\xbf", "\xc2", "\xdf", "\x80", "\xbf", "\xe0\x80\x80", "\xed\xa0\x80",
	"\xf4\x90\x80\x80", "\xf5\x80\x80\x80", "\xff", "\xfe", "\xe2\x80", "\xf0\x9f\x98",
};

/* Indices of the plain pieces most text is made of. */
static const size_t common[] = { 0, 1, 2, 3, 4, 23, 24, 25, 26, 27, 28 };

/* ---- the flat reader against yajl ------------------------------------- */

static const char *const keys[] = {
	"text", "id", "date", "lang", "other", "te\\u0078t", "", "TEXT", "text ",
};
static const char *const str_pieces[] = {
	"abc", " ", "Azerbaijan", "\xd8\xa7\xdb\x8c\xd8\xb1\xd8\xa7\xd9\x86", "Az\xc9\x99rbaycan",
	"\\n", "\\\"", "\\\\", "\\/", "\\b", "\\f", "\\r", "\\t", "\\u0041",
	"\\u00E9", "\\u06cc", "\\u20ac", "\\u0000", "\\uZZ12", "\\u12", "\\x", "\x01",
	"\x7f", "\"", "\t", "0123456789abcdef", "\xe2\x80\x8c", "\xf0\x9f\x98\x80",
	"\xc0\x80", "\xed\xa0\x80", "\xff", "\xe2\x80", "\xd8", "\x80", "\f", "\v",
	"\\\\ud800", "\xc0", "\xc1", "\xdf", "\xf5", "\xe0",
};
static const char *const values[] = {
	"12", "null", "true", "false", "[\"a\", 1]", "{\"text\": \"inner\"}", "\"\"", "-1.5e3",
};
static const char *const spaces[] = { "", "", "", " ", "  ", "\t", "\r", "\n" };
static const char *const tails[] = { "", "", "", " ", "\r", " x", "}", "\n" };

#define PICK(a, r) (a)[(r) % (sizeof (a) / sizeof (a)[0])]

/* Appends s to the line at *n (bounded by cap). */
static void put(char *line, size_t *n, size_t cap, const char *s)
{
	size_t k = strlen(s);
	if (*n + k < cap) {
		memcpy(line + *n, s, k);
		*n += k;
	}
}

/* A random object line: mostly flat string members, some oddities. */
static size_t random_object(char *line, size_t cap, uint64_t *seed)
{
	size_t n = 0;
	put(line, &n, cap, PICK(spaces, next_rand(seed)));
	put(line, &n, cap, next_rand(seed) % 50 ? "{" : "[");
	int members = (int)(next_rand(seed) % 6);
	for (int m = 0; m < members; m++) {
		put(line, &n, cap, PICK(spaces, next_rand(seed)));
		put(line, &n, cap, "\"");
		uint64_t rk = next_rand(seed);
		put(line, &n, cap, rk % 3 == 0 ? "text" : PICK(keys, rk >> 8));
		put(line, &n, cap, "\"");
		put(line, &n, cap, PICK(spaces, next_rand(seed)));
		put(line, &n, cap, next_rand(seed) % 40 ? ":" : ";");
		put(line, &n, cap, PICK(spaces, next_rand(seed)));
		if (next_rand(seed) % 20 == 0) {
			put(line, &n, cap, PICK(values, next_rand(seed)));
		} else {
			put(line, &n, cap, "\"");
			int k = (int)(next_rand(seed) % 9);
			for (int j = 0; j < k; j++) {
				uint64_t r = next_rand(seed);
				/* the oddities less often than text */
				put(line, &n, cap, r % 8 ? PICK(str_pieces, (r >> 8) % 6)
						       : PICK(str_pieces, r >> 8));
			}
			put(line, &n, cap, "\"");
		}
		put(line, &n, cap, PICK(spaces, next_rand(seed)));
		if (m + 1 < members)
			put(line, &n, cap, next_rand(seed) % 40 ? "," : "");
	}
	if (members && next_rand(seed) % 40 == 0)
		put(line, &n, cap, ",");
	put(line, &n, cap, next_rand(seed) % 50 ? "}" : "");
	put(line, &n, cap, PICK(tails, next_rand(seed)));
	return n;
}

/* Whether the fields two readers left in their buffers are the same. */
static int same_fields(const rg_sb *a, const rg_jsonl_fields *fa, const rg_sb *b,
		       const rg_jsonl_fields *fb)
{
	for (int k = 0; k < RG_JF_N; k++) {
		if (fa->seen[k] != fb->seen[k])
			return 0;
		if (fa->seen[k] && (fa->len[k] != fb->len[k] ||
				    memcmp(a->buf + fa->off[k], b->buf + fb->off[k], fa->len[k]) ||
				    a->buf[fa->off[k] + fa->len[k]] != '\0'))
			return 0;
	}
	return 1;
}

/* Whether jansson reads line[0..n) as an object whose four fields are
   the ones the flat reader left in buf (present as strings, or absent). */
static int same_as_jansson(const char *line, size_t n, const rg_sb *buf,
			   const rg_jsonl_fields *fl)
{
	static const char *const names[RG_JF_N] = { "text", "id", "date", "lang" };
	json_error_t err;
	json_t *o = json_loadb(line, n, JSON_DISABLE_EOF_CHECK, &err);
	int same = o && json_is_object(o);
	for (int k = 0; same && k < RG_JF_N; k++) {
		json_t *v = json_object_get(o, names[k]);
		if (!fl->seen[k])
			same = v == NULL;
		else
			same = json_is_string(v) && json_string_length(v) == fl->len[k] &&
			       memcmp(json_string_value(v), buf->buf + fl->off[k], fl->len[k]) == 0;
	}
	json_decref(o);
	return same;
}

static void test_flat_reader(void)
{
	uint64_t seed = 0x2545F4914F6CDD1Dull;
	rg_sb fb = RG_SB_INIT, yb = RG_SB_INIT;
	char line[512];
	long taken = 0, left = 0, yajl_only = 0, ill = 0;
	int agree = 1;
	for (int round = 0; round < 200000 && agree; round++) {
		size_t n = random_object(line, sizeof line, &seed);
		rg_jsonl_fields ff, yf;
		int f = rg_jsonl_read_flat(line, n, &fb, &ff);
		int plain = rg_jsonl_plain_line((const uint8_t *)line, n);
		int y = plain && rg_jsonl_read_yajl(line, n, &yb, &yf);
		if (f && (!same_as_jansson(line, n, &fb, &ff) ||
			  (plain && (!y || !same_fields(&fb, &ff, &yb, &yf))))) {
			agree = 0;
			printf("# the readers differ on: %.*s\n", (int)n, line);
		}
		f ? taken++ : left++;
		yajl_only += !f && y;
		ill += !f && !plain;
	}
	ok(agree, "every line the flat reader takes, jansson (and yajl, where it may read "
		  "the line) reads with the same fields");
	ok(taken > 20000 && left > 20000 && yajl_only > 1000 && ill > 1000,
	   "the flat reader took and left many lines; yajl alone took some; some were ill-formed");
	printf("# flat took %ld, left %ld (yajl took %ld of those, %ld not plain)\n", taken,
	       left, yajl_only, ill);

	static const struct { const char *s; int flat; } cases[] = {
		{ "{\"id\": \"a-1\", \"text\": \"Baku and Tehran.\\n\\nAnkara.\"}", 1 },
		{ "  {\"text\":\"x\",\"date\":\"2024-01-02\",\"lang\":\"az\"}\r", 1 },
		{ "{\"text\":\"quote \\\" slash \\/ \\u00e9\\u06CC\"}", 1 },
		{ "{\"text\":\"a\", \"text\":\"b\"}", 1 },          /* the last wins */
		{ "{\"text\":\"a\", \"n\": 1}", 0 },                /* a number */
		{ "{\"text\":\"a\", \"x\": null}", 0 },
		{ "{\"te\\u0078t\":\"a\"}", 0 },                    /* an escaped key */
		{ "{\"text\":\"a\\u0000b\"}", 0 },                  /* a NUL */
		{ "{\"text\":\"a\"} trailing", 0 },
		{ "{\"id\":\"a\"}", 0 },                             /* no text */
		{ "{}", 0 },
		{ "{\"text\":\"a \\\\ud800 b\"}", 1 },        /* an escaped backslash */
		{ "{\"text\":\"a \xed\xa0\x80 b\"}", 0 },      /* a UTF-8 surrogate */
		{ "{\"text\":\"a \xc0\x80\"}", 0 },             /* an overlong NUL */
		{ "{\"text\":\"ZWNJ \xe2\x80\x8c and \xf0\x9f\x98\x80\"}", 1 },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		rg_jsonl_fields ff;
		size_t n = strlen(cases[i].s);
		int f = rg_jsonl_read_flat(cases[i].s, n, &fb, &ff);
		char name[160];
		snprintf(name, sizeof name, "flat reader case %zu: %s", i,
			 cases[i].flat ? "taken, as jansson reads it" : "left to yajl/jansson");
		ok(f == cases[i].flat && (!f || same_as_jansson(cases[i].s, n, &fb, &ff)), name);
	}
	rg_jsonl_fields ff;
	const char *two = "{\"text\":\"a\", \"text\":\"bc\"}";
	ok(rg_jsonl_read_flat(two, strlen(two), &fb, &ff) && ff.len[RG_JF_TEXT] == 2 &&
	   memcmp(fb.buf + ff.off[RG_JF_TEXT], "bc", 2) == 0, "a repeated key: the last value");
	const char *esc = "{\"text\":\"\\n\\t\\u00e9\\\"\"}";
	ok(rg_jsonl_read_flat(esc, strlen(esc), &fb, &ff) && ff.len[RG_JF_TEXT] == 5 &&
	   memcmp(fb.buf + ff.off[RG_JF_TEXT], "\n\t\xc3\xa9\"", 5) == 0, "escapes unescaped");
	rg_sb_release(&fb);
	rg_sb_release(&yb);
}

int main(void)
{
	const size_t n_pieces = sizeof pieces / sizeof pieces[0];
	const size_t n_common = sizeof common / sizeof common[0];
	uint64_t seed = 0x9E3779B97F4A7C15ull;
	uint8_t buf[96];
	int same = 1, n_plain = 0, n_not = 0;
	for (int round = 0; round < 300000 && same; round++) {
		size_t n = 0;
		int k = (int)(next_rand(&seed) % 24);
		/* a bias to valid pieces, so long plain runs occur */
		for (int j = 0; j < k; j++) {
			uint64_t r = next_rand(&seed);
			size_t pick = r % 8 < 6 ? common[(r >> 8) % n_common] : (r >> 8) % n_pieces;
			size_t len = strlen(pieces[pick]);
			if (n + len > sizeof buf)
				break;
			memcpy(buf + n, pieces[pick], len);
			n += len;
		}
		/* every start offset: the fast path reads 8 bytes at any alignment */
		for (size_t off = 0; off < 3 && off <= n; off++) {
			int want = slow_plain_line(buf + off, n - off);
			int got = rg_jsonl_plain_line(buf + off, n - off);
			if (got != want) {
				same = 0;
				printf("# differs at round %d offset %zu:", round, off);
				for (size_t j = off; j < n; j++)
					printf(" %02x", buf[j]);
				printf("\n");
			}
			want ? n_plain++ : n_not++;
		}
	}
	ok(same, "the fast check equals the character loop on random lines");
	ok(n_plain > 10000 && n_not > 10000, "both answers were tested often");

	static const struct { const char *s; int plain; } cases[] = {
		{ "{\"text\":\"plain ascii text, eight+\"}", 1 },
		{ "{\"text\":\"\xd8\xa7\xd9\x84\xd8\xa7\xd9\x84 \xd0\xb8\xd0\xb8\"}", 1 },
		{ "abcdefg\xd8\xa7", 1 },          /* a lead in the 8th byte */
		{ "abcdefg\xd8", 0 },              /* a lead cut at the end */
		{ "abcdefgh\xc0\x80", 0 },         /* overlong NUL */
		{ "abcdefgh\xc1\xbf", 0 },
		{ "\xd8\xa7\xd8\xa7\xd8\xa7\xd8\xa7\xbf", 0 }, /* a lone trail after a word */
		{ "abcdefgh\vabcdefgh", 0 },
		{ "abcdefgh\fabcdefgh", 0 },
		{ "abcdefgh\\ud800abc", 0 },
		{ "abcdefgh\\\\abcdefg", 1 },
		{ "abc\xe2\x80\x8c" "defgh", 1 },   /* ZWNJ, three bytes */
		{ "abcdefgh\xed\xa0\x80", 0 },     /* a surrogate */
		{ "\xf0\x9f\x98\x80" "abcdefgh", 1 },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const uint8_t *p = (const uint8_t *)cases[i].s;
		size_t n = strlen(cases[i].s);
		char name[96];
		snprintf(name, sizeof name, "case %zu: %s", i, cases[i].plain ? "plain" : "not plain");
		ok(rg_jsonl_plain_line(p, n) == cases[i].plain &&
		   slow_plain_line(p, n) == cases[i].plain, name);
	}
	test_flat_reader();
	return tap_done();
}
