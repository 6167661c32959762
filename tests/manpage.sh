# tests/manpage.sh - keeps doc/relgraph.1 in step with the program: every
# command of `relgraph --help` has a section in the man page, and the
# options of each `relgraph help CMD` are exactly the ones the page lists
# for it (its own .TP entries plus COMMON OPTIONS when the command takes
# them); `man -l` renders the page without warnings.  Sourced by
# tests/e2e.sh, or run alone: sh tests/manpage.sh [--skeleton CMD]
# (--skeleton prints .TP entries for a command's options, to paste).
: "${RG:=${BUILD:-build}/relgraph}"
MAN=${MAN_PAGE:-doc/relgraph.1}
command -v report >/dev/null 2>&1 || . tests/report.sh

# man_help_opts CMD: "--name" per option of `relgraph help CMD`
man_help_opts() {
	"$RG" help "$1" | sed -n 's/^ *\(-[a-zA-Z], \)\{0,1\}--\([a-z0-9-]*\).*/--\2/p' | sort -u
}

# man_section_opts TITLE: "--name" of the .TP entries of section .SS TITLE
# (or .SH TITLE) of the page, up to the next .SS/.SH
man_section_opts() {
	awk -v want="$1" '
		/^\.S[SH] / { t = $0; sub(/^\.S[SH] +"?/, "", t); sub(/[" ].*$/, "", t);
			      insec = (t == want); next }
		insec && /^\.TP/ { tp = 1; next }
		insec && tp { tp = 0; s = $0; gsub(/\\-/, "-", s);
			      while (match(s, /--[a-z0-9-]+/)) {
				      print substr(s, RSTART, RLENGTH); s = substr(s, RSTART + RLENGTH) } }
	' "$MAN" | sort -u
}

if [ "${1:-}" = --skeleton ]; then
	"$RG" help "$2" | sed -n 's/^ *\(-\([a-zA-Z]\), \)\{0,1\}--\([a-z0-9-]*\)\( \([A-Z]*\)\)\{0,1\} *\(.*\)/\2|\3|\5|\6/p' |
	while IFS='|' read -r short long arg help; do
		echo .TP
		line=""
		[ -n "$short" ] && line="\\fB-$short\\fR, "
		line="$line\\fB--$long\\fR"
		[ -n "$arg" ] && line="$line \\fI$arg\\fR"
		printf '%s\n' "$line" "$help" | sed 's/-/\\-/g'
	done
	exit 0
fi

if [ ! -f "$MAN" ]; then
	report 1 "man page $MAN exists"
else
	common=$(man_section_opts "COMMON")
	cmds=$("$RG" --help | sed -n '/^commands:/,/^$/p' | awk 'NF && $1 != "commands:" && $1 != "help" {print $1}')
	problems=""
	for c in $cmds; do
		if ! grep -q "^\.SS \"\{0,1\}$c\b" "$MAN"; then
			problems="$problems
command '$c' has no .SS section in $MAN"
			continue
		fi
		help=$(man_help_opts "$c")
		own=$(man_section_opts "$c")
		for o in $help; do
			[ "$o" = --help ] && continue
			printf '%s\n' "$own" "$common" | grep -qx -- "$o" ||
				problems="$problems
$c: option $o of 'relgraph help $c' is not in $MAN"
		done
		for o in $own; do
			printf '%s\n' "$help" | grep -qx -- "$o" ||
				problems="$problems
$c: $MAN lists $o, which 'relgraph help $c' does not"
		done
	done
	for s in $(grep '^\.SS ' "$MAN" | sed -n '/^\.SS "\{0,1\}[a-z]/s/^\.SS "\{0,1\}\([a-z]*\).*/\1/p'); do
		case $s in help|version) continue ;; esac
		printf '%s\n' $cmds | grep -qx "$s" ||
			problems="$problems
$MAN has a section for '$s', which 'relgraph --help' does not list"
	done
	for o in $common; do
		"$RG" help rank | grep -q -- "$o\b" ||
			problems="$problems
COMMON OPTIONS lists $o, which 'relgraph help rank' does not"
	done
	report "$([ -z "$problems" ] && echo 0 || echo 1)" \
		"man page lists every command and exactly the options of --help" "$problems"
	if command -v man >/dev/null 2>&1; then
		warn=$(MANWIDTH=80 LC_ALL=C.UTF-8 man --warnings -l "$MAN" 2>&1 >/dev/null)
		report "$([ -z "$warn" ] && echo 0 || echo 1)" "man -l renders $MAN without warnings" "$warn"
	fi
fi
