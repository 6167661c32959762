/*
 * test_util.c - the growable containers of src/util.h across the size
 * where their blocks move to huge pages (RG_HUGE_MIN): rg_grow and
 * rg_sb_grow keep every element when they switch from realloc to a
 * fresh hinted block; rg_malloc_big gives small sizes plain blocks and
 * big ones whole 2 MB pages, aligned, writable to the last byte; and,
 * where the kernel has transparent huge pages, the block's mapping
 * carries the hint (the "hg" flag of /proc/self/smaps).  And
 * rg_term_text, which makes names and text safe for a terminal.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tap.h"
#include "util.h"

#define HUGE ((uintptr_t)2 << 20)

/* 1 when the mapping holding address a has the flag "hg" (MADV_HUGEPAGE),
   0 when it has not, -1 when /proc/self/smaps cannot say. */
static int mapping_hinted(const void *a)
{
	FILE *f = fopen("/proc/self/smaps", "r");
	if (!f)
		return -1;
	char line[512];
	int inside = 0, found = -1;
	uintptr_t p = (uintptr_t)a;
	while (fgets(line, sizeof line, f)) {
		uintptr_t lo, hi;
		if (sscanf(line, "%" SCNxPTR "-%" SCNxPTR " ", &lo, &hi) == 2 &&
		    strchr(line, '-') < strchr(line, ' ')) {
			inside = p >= lo && p < hi;
			continue;
		}
		if (inside && strncmp(line, "VmFlags:", 8) == 0) {
			found = strstr(line, " hg") != NULL;
			break;
		}
	}
	fclose(f);
	return found;
}

/* Whether this kernel offers transparent huge pages at all. */
static int thp_available(void)
{
	FILE *f = fopen("/sys/kernel/mm/transparent_hugepage/enabled", "r");
	if (!f)
		return 0;
	char buf[128] = "";
	int ok_ = fgets(buf, sizeof buf, f) != NULL && !strstr(buf, "[never]");
	fclose(f);
	return ok_;
}

static void test_grow_keeps_elements(void)
{
	uint32_t *a = NULL;
	size_t cap = 0, n = (RG_HUGE_MIN / sizeof *a) * 3 + 17; /* crosses the line */
	int same = 1, grew_past = 0;
	for (size_t i = 0; i < n; i++) {
		if (rg_grow(&a, &cap, i + 1, sizeof *a))
			break;
		a[i] = (uint32_t)(i * 2654435761u);
		grew_past |= cap * sizeof *a >= RG_HUGE_MIN;
	}
	for (size_t i = 0; i < n && a; i++)
		same &= a[i] == (uint32_t)(i * 2654435761u);
	ok(a && cap >= n, "rg_grow reaches 3x RG_HUGE_MIN");
	ok(grew_past && same, "rg_grow keeps every element across the huge-page size");
	ok(((uintptr_t)a & (HUGE - 1)) == 0, "a big grown array starts on a 2 MB page");
	free(a);
}

static void test_sb_keeps_bytes(void)
{
	rg_sb sb = { 0 };
	char chunk[1000];
	for (size_t i = 0; i < sizeof chunk; i++)
		chunk[i] = (char)('a' + i % 26);
	size_t rounds = (RG_HUGE_MIN / sizeof chunk) * 2 + 3;
	rg_err rc = RG_OK;
	for (size_t r = 0; r < rounds && !rc; r++)
		rc = rg_sb_add(&sb, chunk, sizeof chunk);
	int same = !rc && sb.len == rounds * sizeof chunk && sb.buf[sb.len] == '\0';
	for (size_t r = 0; same && r < rounds; r++)
		same = memcmp(sb.buf + r * sizeof chunk, chunk, sizeof chunk) == 0;
	ok(sb.cap >= RG_HUGE_MIN, "rg_sb grows past RG_HUGE_MIN");
	ok(same, "rg_sb keeps every byte and the terminator across the huge-page size");
	rg_sb_release(&sb);
}

static void test_malloc_big(void)
{
	char *small = rg_malloc_big(1000);
	ok(small != NULL, "rg_malloc_big: a small block");
	if (small)
		memset(small, 1, 1000);
	free(small);

	size_t n = RG_HUGE_MIN + 12345;
	unsigned char *big = rg_malloc_big(n);
	ok(big && ((uintptr_t)big & (HUGE - 1)) == 0, "rg_malloc_big: a big block starts on a 2 MB page");
	if (!big)
		return;
	memset(big, 0xa5, n);
	ok(big[0] == 0xa5 && big[n - 1] == 0xa5, "rg_malloc_big: writable to the last byte");
	int hinted = mapping_hinted(big);
	if (thp_available() && hinted >= 0)
		ok(hinted == 1, "rg_malloc_big: the mapping carries MADV_HUGEPAGE");
	else
		printf("# no transparent huge pages here; the hint's flag is not checked\n");
	free(big);
}

static void test_term_text(void)
{
	rg_sb b = RG_SB_INIT;
	const char *plain = "Baku \xd8\xaa\xd9\x87\xd8\xb1\xd8\xa7\xd9\x86\xe2\x80\x8c\xd9\x87\xd8\xa7 "
			    "\xe2\x80\x8f\xc3\xa9";   /* Persian with ZWNJ, RLM, é */
	ok(rg_term_text(plain, &b) == plain, "term_text: clean text is returned as it is");
	is_str(rg_term_text("a\xe2\x80\xae" "b\xe2\x80\xac", &b), "a<U+202E>b<U+202C>",
	       "term_text: a bidi override and its pop shown");
	is_str(rg_term_text("\xe2\x81\xa6x\xe2\x81\xa9\xe2\x80\xaa", &b),
	       "<U+2066>x<U+2069><U+202A>", "term_text: isolates and an embedding shown");
	is_str(rg_term_text("\x1b[31mred\tX\n\x7f", &b), "<U+001B>[31mred<U+0009>X<U+000A><U+007F>",
	       "term_text: C0 controls and DEL shown");
	is_str(rg_term_text("\xc2\x9bq\xc2\xa0", &b), "<U+009B>q\xc2\xa0",
	       "term_text: a C1 control shown, a no-break space kept");
	is_str(rg_term_text("end\xe2\x80", &b), "end\xe2\x80", "term_text: a cut sequence at the end is read safely");
	rg_sb_release(&b);
}

int main(void)
{
	test_term_text();
	test_grow_keeps_elements();
	test_sb_keeps_bytes();
	test_malloc_big();
	return tap_done();
}
