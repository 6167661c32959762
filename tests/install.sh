# tests/install.sh - `make install` into a temporary DESTDIR, then use what
# was installed as a user would: the binary finds its data under
# PREFIX/share/relgraph, a tiny C program builds against the library with
# `pkg-config --cflags --libs relgraph` (after an install to a temporary
# PREFIX) and runs, the man page and the
# completion are in place, and `make uninstall` removes it all.  Sourced by
# tests/e2e.sh, or run alone: sh tests/install.sh
: "${BUILD:=build}"
command -v report >/dev/null 2>&1 || . tests/report.sh
case "${MAKEFLAGS:-} $BUILD" in
*SANITIZE*|*asan*)
	# `make install` would relink the sanitizer build's objects without the
	# sanitizer; packaging is checked by the plain `make test`
	echo "skip - install tests under sanitizers (make test runs them)"
	return 0 2>/dev/null || exit 0 ;;
esac
it=$(mktemp -d)
stage=$it/stage
prefix=/opt/relgraph-test
# a make run from `make test` passes its variables down through MAKEFLAGS
# (SANITIZE under make asan); the installed library is built plainly
if out=$(env -u MAKEFLAGS -u MAKELEVEL -u MFLAGS make -s install BUILD="$BUILD" \
		DESTDIR="$stage" PREFIX="$prefix" 2>&1); then
	report 0 "make install DESTDIR=... PREFIX=$prefix"
	root=$stage$prefix
	missing=""
	for f in bin/relgraph lib/librelgraph.a lib/librelgraph.so.0 lib/librelgraph.so \
		 include/relgraph.h lib/pkgconfig/relgraph.pc share/man/man1/relgraph.1 \
		 share/bash-completion/completions/relgraph share/relgraph/actors/countries.tsv \
		 share/relgraph/fold.tsv share/doc/relgraph/samples; do
		[ -e "$root/$f" ] || missing="$missing $f"
	done
	report "$([ -z "$missing" ] && echo 0 || echo 1)" "install puts every file in place" "missing:$missing"
	soname=$(objdump -p "$root/lib/librelgraph.so.0" 2>/dev/null | awk '$1 == "SONAME" {print $2}')
	report "$([ "$soname" = librelgraph.so.0 ] && echo 0 || echo 1)" \
		"the shared library's soname is librelgraph.so.0" "soname: $soname"
	# the installed binary finds PREFIX/share/relgraph by its own location
	printf 'Azerbaijan and Turkey met in Baku.\n' >"$it/doc.txt"
	(cd "$it" && env -u RELGRAPH_DATA RELGRAPH_CONFIG= "$root/bin/relgraph" extract doc.txt) \
		>"$it/o" 2>"$it/e"
	report "$(grep -q '"TUR"' "$it/o" && echo 0 || echo 1)" \
		"the installed binary finds its data under PREFIX/share/relgraph" "$(cat "$it/e")"
	if command -v man >/dev/null 2>&1; then
		w=$(MANWIDTH=80 man --warnings -l "$root/share/man/man1/relgraph.1" 2>&1 >/dev/null)
		report "$([ -z "$w" ] && echo 0 || echo 1)" "the installed man page renders" "$w"
	fi
	env -u MAKEFLAGS -u MAKELEVEL -u MFLAGS make -s uninstall BUILD="$BUILD" \
		DESTDIR="$stage" PREFIX="$prefix" >/dev/null 2>&1
	left=$(find "$stage" -type f -o -type l)
	report "$([ -z "$left" ] && echo 0 || echo 1)" "make uninstall removes every installed file" "$left"
else
	report 1 "make install DESTDIR=... PREFIX=$prefix" "$out"
fi
# a plain PREFIX install (no DESTDIR), then build against it as a user would
root=$it/prefix
if out=$(env -u MAKEFLAGS -u MAKELEVEL -u MFLAGS make -s install BUILD="$BUILD" \
		PREFIX="$root" 2>&1); then
	cat >"$it/tiny.c" <<'C'
#include <stdio.h>
#include <string.h>
#include <relgraph.h>
/* Prints the actor ids that librelgraph finds in argv[2]. */
int main(int argc, char **argv)
{
	rg_lexicon *lex = NULL;
	rg_analysis an;
	if (argc < 3 || rg_lexicon_open(&lex, argv[1], NULL, 0, NULL))
		return 1;
	rg_doc doc = { "tiny", argv[2], strlen(argv[2]), NULL, RG_LANG_NONE };
	rg_analysis_init(&an);
	if (rg_analyze(lex, &doc, &an, NULL))
		return 1;
	printf("%s", RG_VERSION);
	for (size_t i = 0; i < an.n_mentions; i++)
		printf(" %s", rg_lexicon_actor(lex, an.mentions[i].actor)->id);
	printf("\n");
	rg_analysis_release(&an);
	rg_lexicon_free(lex);
	return 0;
}
C
	flags=$(PKG_CONFIG_PATH="$root/lib/pkgconfig" pkg-config --cflags --libs relgraph 2>&1)
	if out=$(cc -o "$it/tiny" "$it/tiny.c" $flags 2>&1); then
		report 0 "a C program builds with pkg-config --cflags --libs relgraph ($flags)"
		got=$(LD_LIBRARY_PATH="$root/lib" "$it/tiny" "$root/share/relgraph" \
			"Azerbaijan and Turkey met in Baku." 2>&1)
		# Baku is a place, so the two countries and the capital, in text order
		report "$([ "$got" = "0.1.0 AZE TUR baku" ] && echo 0 || echo 1)" \
			"it runs against the shared library and finds AZE, TUR and baku" "$got"
		need=$(objdump -p "$it/tiny" | awk '$1 == "NEEDED" && $2 ~ /relgraph/ {print $2}')
		report "$([ "$need" = librelgraph.so.0 ] && echo 0 || echo 1)" \
			"the program needs librelgraph.so.0 (the soname)" "NEEDED: $need"
	else
		report 1 "a C program builds with pkg-config --cflags --libs relgraph" "$flags
$out"
	fi
else
	report 1 "make install PREFIX=$root" "$out"
fi
rm -rf "$it"
