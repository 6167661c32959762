/*
 * fuzz_jsonl.c - libFuzzer target for the JSONL reader: arbitrary bytes are
 * written to a temporary .jsonl file and read back with rg_reader, as
 * `relgraph extract feed.jsonl` would; every document handed out must lie
 * in bounds and the counts must add up.
 */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char path[4096];
	rg_reader *r = NULL;
	if (fuzz_write_temp(data, size, ".jsonl", path, sizeof path))
		return 0;
	const char *paths[] = { path };
	/* a small size limit so the "too large" path runs too */
	if (rg_reader_open(&r, paths, 1, RG_INPUT_AUTO, 4096, &fuzz_diag) == RG_OK) {
		rg_doc doc;
		long n = 0;
		int k;
		while ((k = rg_reader_next(r, &doc)) == 1) {
			size_t sum = 0;
			for (size_t i = 0; i < doc.len; i++)
				sum += (unsigned char)doc.text[i];
			fuzz_sink += sum + strlen(doc.id) + (doc.date ? strlen(doc.date) : 0);
			if (doc.len > 4096 || memchr(doc.text, '\0', doc.len))
				__builtin_trap(); /* a skipped document handed out */
			n++;
		}
		const rg_reader_stats *st = rg_reader_get_stats(r);
		if (k == 0 && st->docs != n)
			__builtin_trap();
	}
	rg_reader_free(r);
	unlink(path);
	return 0;
}
