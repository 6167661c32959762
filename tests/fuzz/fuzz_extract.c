/*
 * fuzz_extract.c - libFuzzer target for the text pipeline: rg_analyze with
 * the real lexicon (data/) on arbitrary bytes, then rg_cooc_add with
 * sentence and token windows, as `relgraph extract` and `rank` run it.
 * The first byte picks the language hint so every language's rules run.
 */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static rg_lexicon *lex;
static rg_analysis an;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!lex) {
		if (rg_lexicon_open(&lex, fuzz_datadir(), NULL, 0, NULL))
			return 0; /* no dictionaries: nothing to test */
		rg_analysis_init(&an);
	}
	int lang = RG_LANG_NONE;
	if (size > 0) {
		lang = data[0] % (RG_NLANG + 1) - 1; /* -1 .. RG_NLANG-1 */
		data++, size--;
	}
	rg_doc doc = { "fuzz", (const char *)data, size, NULL, lang };
	if (rg_analyze(lex, &doc, &an, &fuzz_diag))
		return 0;
	for (size_t i = 0; i < an.n_mentions; i++) {
		const rg_mention *m = &an.mentions[i];
		if (m->start > m->end || m->end > size || m->actor >= rg_lexicon_actor_count(lex) ||
		    m->sent < 1 || (size_t)m->sent > an.n_sents || m->para < 1 ||
		    (size_t)m->para > an.n_paras)
			__builtin_trap(); /* a mention outside its document */
	}
	for (size_t i = 0; i < an.n_sents; i++)
		if (an.sents[i].start > an.sents[i].end || an.sents[i].end > size)
			__builtin_trap();
	static const rg_window windows[] = {
		{ RG_WINDOW_SENTENCE, 0 }, { RG_WINDOW_TOKENS, 3 }
	};
	for (size_t w = 0; w < sizeof windows / sizeof *windows; w++) {
		rg_cooc *c = NULL;
		rg_network net;
		rg_network_init(&net);
		if (!rg_cooc_new(&c, lex, windows[w], 2) && !rg_cooc_add(c, &doc, &an))
			rg_cooc_network(c, &net);
		rg_network_release(&net);
		rg_cooc_free(c);
	}
	return 0;
}
