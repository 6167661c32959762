/*
 * fuzz_dict.c - libFuzzer target for the dictionary loader: arbitrary bytes
 * become an --actors file loaded on top of a small data folder (the real
 * fold, affix, format and role rules with one actors file), then one short
 * text is matched against the result, so aliases that load must also
 * compile into a matcher that works.
 */
#include <sys/stat.h>

#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char datadir[4096];

static const char *const files[] = { "fold.tsv", "affixes.tsv", "formats.tsv",
				     "roles.tsv", "offices.tsv", "actors/base.tsv" };

/* Removes the data folder at exit. */
static void remove_datadir(void)
{
	char p[4200];
	for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
		snprintf(p, sizeof p, "%s/%s", datadir, files[i]);
		unlink(p);
	}
	snprintf(p, sizeof p, "%s/actors", datadir);
	rmdir(p);
	rmdir(datadir);
}

/* Copies RG_DATADIR's rule files and one small actors file into a temp dir. */
static int make_datadir(void)
{
	const char *tmp = getenv("TMPDIR");
	char src[4096], dst[4096];
	snprintf(datadir, sizeof datadir, "%s/rgfuzz-data-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(datadir))
		return -1;
	atexit(remove_datadir);
	snprintf(dst, sizeof dst, "%s/actors", datadir);
	if (mkdir(dst, 0700))
		return -1;
	for (size_t i = 0; i + 1 < sizeof files / sizeof *files; i++) {
		snprintf(src, sizeof src, "%s/%s", fuzz_datadir(), files[i]);
		snprintf(dst, sizeof dst, "%s/%s", datadir, files[i]);
		FILE *in = fopen(src, "rb"), *out = fopen(dst, "wb");
		int c;
		if (in && out)
			while ((c = getc(in)) != EOF)
				putc(c, out);
		if (in)
			fclose(in);
		if (out)
			fclose(out);
	}
	snprintf(dst, sizeof dst, "%s/actors/base.tsv", datadir);
	FILE *f = fopen(dst, "wb");
	if (!f)
		return -1;
	fputs("AZE\tcountry\ten\tname\tAzerbaijan\n"
	      "IRN\tcountry\tfa\tname\tایران\n"
	      "TUR\tcountry\ttr\tname\tTürkiye\n"
	      "RUS\tcountry\tru\tname\tРоссия\n", f);
	fclose(f);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char text[] = "Azerbaijan, Türkiye and ایران met in Россия; "
				   "the UN and Baku welcomed it.";
	static int ready;
	char path[4096];
	rg_lexicon *lex = NULL;
	if (!ready) {
		if (make_datadir())
			return 0;
		ready = 1;
	}
	if (fuzz_write_temp(data, size, ".tsv", path, sizeof path))
		return 0;
	const char *extra[] = { path };
	if (rg_lexicon_open(&lex, datadir, extra, 1, &fuzz_diag) == RG_OK) {
		rg_analysis an;
		rg_doc doc = { "fuzz", text, sizeof text - 1, NULL, RG_LANG_NONE };
		rg_analysis_init(&an);
		if (rg_analyze(lex, &doc, &an, &fuzz_diag) == RG_OK)
			for (size_t i = 0; i < an.n_mentions; i++)
				if (an.mentions[i].actor >= rg_lexicon_actor_count(lex) ||
				    an.mentions[i].end > doc.len)
					__builtin_trap();
		for (size_t i = 0; i < rg_lexicon_actor_count(lex); i++)
			fuzz_sink += strlen(rg_lexicon_actor(lex, i)->id);
		rg_analysis_release(&an);
		rg_lexicon_free(lex);
	}
	unlink(path);
	return 0;
}
