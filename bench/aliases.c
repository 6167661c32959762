/*
 * aliases.c - prints every alias the matcher was compiled from, folded,
 * one per line: the pattern list of the `grep -F -f` floor of `make bench`
 * (bench/run.sh).  usage: aliases DATADIR
 */
#include <stdio.h>

#include "relgraph.h"

int main(int argc, char **argv)
{
	rg_lexicon *lex = NULL;
	if (argc != 2) {
		fprintf(stderr, "usage: aliases DATADIR\n");
		return 2;
	}
	rg_err rc = rg_lexicon_open(&lex, argv[1], NULL, 0, NULL);
	if (rc) {
		fprintf(stderr, "aliases: cannot load '%s': %s\n", argv[1], rg_err_str(rc));
		return 1;
	}
	size_t n = rg_lexicon_alias_count(lex), actor;
	for (size_t i = 0; i < n; i++) {
		const char *a = rg_lexicon_alias(lex, i, &actor);
		if (a && *a && a[0] != '\1')
			printf("%s\n", a);
	}
	rg_lexicon_free(lex);
	return fflush(stdout) == 0 ? 0 : 1;
}
