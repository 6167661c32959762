# tests/report.sh - the one TAP-like reporter of the shell tests: `report
# STATUS NAME [DETAIL]` prints "ok N - NAME" or "not ok N - NAME" (with
# DETAIL indented) and counts into $pass and $fail.  Sourced by tests/run.sh,
# and by a test script run on its own (sh tests/install.sh).
pass=${pass:-0}
fail=${fail:-0}
n=${n:-0}
report() { # report STATUS NAME [DETAIL]
	n=$((n + 1))
	if [ "$1" = 0 ]; then
		pass=$((pass + 1)); echo "ok $n - $2"
	else
		fail=$((fail + 1)); echo "not ok $n - $2"
		[ -n "${3:-}" ] && printf '%s\n' "$3" | sed 's/^/#   /' | head -40
	fi
}
