/*
 * fuzz_edges.c - libFuzzer target for the edge-table reader (the reduce
 * step's input): arbitrary bytes are read as a table; when they load, the
 * set is written back, read again, and asked for its network, its months
 * and its network of one language, so every path from a table that loads
 * is exercised.
 */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char path[4200];
	rg_edgeset *s = NULL, *again = NULL;
	if (fuzz_write_temp(data, size, ".edges", path, sizeof path))
		return 0;
	if (rg_edgeset_read(&s, path, &fuzz_diag) == RG_OK && s) {
		rg_network net;
		rg_slice_filter f;
		char (*keys)[9] = NULL;
		size_t n;
		long undated;
		FILE *out = fopen(path, "w");
		if (out) {
			rg_edgeset_write(s, out);
			fclose(out);
			if (rg_edgeset_read(&again, path, &fuzz_diag) != RG_OK)
				abort(); /* what was written must read back */
		}
		rg_network_init(&net);
		rg_edgeset_network(s, NULL, &net);
		rg_slice_filter_init(&f);
		f.lang = 1;
		rg_edgeset_network(s, &f, &net);
		rg_network_release(&net);
		if (rg_edgeset_periods(s, NULL, RG_PERIOD_MONTH, &keys, &n, &undated) == RG_OK)
			free(keys);
	}
	rg_edgeset_free(s);
	rg_edgeset_free(again);
	unlink(path);
	return 0;
}
