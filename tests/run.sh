#!/bin/sh
# tests/run.sh - relgraph's test runner: the C unit tests (build/tests/test_*),
# the CLI tests (tests/cli/NAME.args with NAME.expected / NAME.status /
# NAME.stderr), the end-to-end checks (tests/e2e.sh) and the labelled
# passages (tests/passages/check.py).  Prints one TAP-like line per test and
# "N passed, N failed" last; exits 1 if anything failed.
#   sh tests/run.sh            everything
#   sh tests/run.sh cli        CLI and end-to-end tests only
#   VALGRIND=1 sh tests/run.sh cli   the same under valgrind
set -u
BUILD=${BUILD:-build}
RG="$BUILD/relgraph"
export RG BUILD
. tests/report.sh
if [ "${VALGRIND:-}" = 1 ]; then
	RGRUN="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite --suppressions=tests/valgrind.supp $RG"
else
	RGRUN="$RG"
fi
export RGRUN
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

if [ "${1:-all}" != cli ]; then
	for t in "$BUILD"/tests/test_*; do
		[ -x "$t" ] || continue
		out=$("$t" 2>&1); st=$?
		okc=$(printf '%s\n' "$out" | grep -c '^ok ')
		bad=$(printf '%s\n' "$out" | grep '^not ok\|^#' )
		report $st "unit $(basename "$t") ($okc checks)" "$bad"
	done
fi

for args in tests/cli/*.args; do
	[ -e "$args" ] || continue
	name=${args%.args}
	want_status=0
	[ -f "$name.status" ] && want_status=$(cat "$name.status")
	eval "set -- $(cat "$args")"
	$RGRUN "$@" >"$tmp/out" 2>"$tmp/err" </dev/null
	st=$?
	detail=""
	ok=0
	if [ "$st" != "$want_status" ]; then
		ok=1; detail="exit status $st, want $want_status; stderr: $(head -5 "$tmp/err")"
	elif [ -f "$name.expected" ] && ! diff -u "$name.expected" "$tmp/out" >"$tmp/diff"; then
		ok=1; detail=$(head -30 "$tmp/diff")
	elif [ -f "$name.stderr" ]; then
		while IFS= read -r pat; do
			grep -qF -- "$pat" "$tmp/err" || { ok=1; detail="stderr lacks: $pat"; }
		done <"$name.stderr"
	fi
	report $ok "cli $(basename "$name")" "$detail"
done

if [ -f tests/e2e.sh ]; then
	. tests/e2e.sh
fi
if [ "${1:-all}" != cli ] && command -v python3 >/dev/null; then
	out=$(python3 tests/passages/check.py "$RG" 2>&1); st=$?
	report $st "labelled passages: $(printf '%s\n' "$out" | tail -1)" "$(printf '%s\n' "$out" | grep '^FAIL' | head -40)"
fi
if [ "${1:-all}" != cli ] && command -v python3 >/dev/null; then
	out=$(python3 tests/passages/check_offices.py "$RG" 2>&1); st=$?
	report $st "offices resolved by date: $(printf '%s\n' "$out" | tail -1)" "$(printf '%s\n' "$out" | grep '^FAIL' | head -40)"
fi
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
