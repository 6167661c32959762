/*
 * test_jsonl.c - the check that decides whether a JSONL line may go to
 * yajl (src/jsonl.c, rg_jsonl_plain_line): its word-at-a-time fast path
 * must give what the plain character loop with ICU's U8_NEXT gives, on
 * random lines built from the bytes that matter (ASCII, \v, \f, "\u d",
 * two-, three- and four-byte sequences, C0/C1, lone and missing trails,
 * surrogates, bytes above F4) at every alignment, and on a few by hand.
 */
#include <stdint.h>
#include <stdlib.h>

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
	return tap_done();
}
