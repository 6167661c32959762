# tests/completion.sh - what only a terminal shows, driven through tmux:
# bash completion (completion/relgraph.bash) of commands, options, option
# values, actor ids and paths typed at an interactive bash, and the
# progress line that appears on a terminal (and not in a file).  Sourced by
# tests/e2e.sh when tmux and bash exist; or run alone: sh tests/completion.sh
: "${RG:=${BUILD:-build}/relgraph}"
command -v report >/dev/null 2>&1 || . tests/report.sh
ct=$(mktemp -d)
sock="rg-test-$$"
rgabs=$(cd "$(dirname "$RG")" && pwd)/$(basename "$RG")
mkdir -p "$ct/bin"
ln -s "$rgabs" "$ct/bin/relgraph"
cat >"$ct/rc" <<RC
PS1='$ '
PATH=$ct/bin:\$PATH
export RELGRAPH_CONFIG=
bind 'set bell-style none' 2>/dev/null
source $(pwd)/completion/relgraph.bash
RC
tmux_cmd() { tmux -L "$sock" "$@"; }
# pane_line WANT KEYS...: types the keys at a fresh prompt and returns the
# last line once it ends with WANT (or after 10 s: slow sanitizer builds)
pane_line() {
	want=$1; shift
	tmux_cmd send-keys -t rgc C-u
	tmux_cmd send-keys -t rgc "$@"
	tries=0
	while :; do
		sleep 0.5
		last=$(tmux_cmd capture-pane -p -t rgc | grep -v '^$' | tail -n 1)
		tries=$((tries + 1))
		case $last in *"$want") break ;; esac
		[ $tries -ge 20 ] && break
	done
	printf '%s\n' "$last"
}
if tmux_cmd new-session -d -s rgc -x 150 -y 20 "env -u TMUX bash --noprofile --rcfile $ct/rc -i" 2>"$ct/err"; then
	sleep 1
	l=$(pane_line 'relgraph rank' "relgraph ra" Tab)
	report "$(case $l in *'relgraph rank') echo 0;; *) echo 1;; esac)" \
		"completion: 'relgraph ra<TAB>' completes to rank" "$l"
	l=$(pane_line 'relgraph rank --window' "relgraph rank --win" Tab)
	report "$(case $l in *'relgraph rank --window') echo 0;; *) echo 1;; esac)" \
		"completion: 'relgraph rank --win<TAB>' completes to --window" "$l"
	l=$(pane_line '--format csv' "relgraph rank --format c" Tab)
	report "$(case $l in *'--format csv') echo 0;; *) echo 1;; esac)" \
		"completion: 'rank --format c<TAB>' completes to csv" "$l"
	l=$(pane_line 'explain ilham-aliyev' "relgraph explain ilham-al" Tab)
	report "$(case $l in *'explain ilham-aliyev') echo 0;; *) echo 1;; esac)" \
		"completion: 'explain ilham-al<TAB>' completes the actor id" "$l"
	l=$(pane_line 'rank tests/unit/tap.h' "relgraph rank tests/unit/ta" Tab)
	report "$(case $l in *'rank tests/unit/tap.h') echo 0;; *) echo 1;; esac)" \
		"completion: a path operand completes to a file" "$l"
	l=$(pane_line 'actors check' "relgraph actors ch" Tab)
	report "$(case $l in *'actors check') echo 0;; *) echo 1;; esac)" \
		"completion: 'actors ch<TAB>' completes to check" "$l"
	tmux_cmd send-keys -t rgc C-u

	# progress: documents arrive slowly through a FIFO, so the line is seen live
	mkfifo "$ct/feed.jsonl"
	tmux_cmd send-keys -t rgc "relgraph extract --jobs 1 $ct/feed.jsonl >/dev/null; echo done-\$?" Enter
	exec 9>"$ct/feed.jsonl"
	i=0
	while [ $i -lt 8 ]; do
		printf '{"id":"d%d","text":"Azerbaijan and Turkey met Iran in Baku."}\n' $i >&9
		sleep 0.15
		i=$((i + 1))
	done
	live=$(tmux_cmd capture-pane -p -t rgc | grep 'relgraph: .*documents, .*MB' | tail -n 1)
	report "$(case $live in *'MB/s'*) echo 0;; *) echo 1;; esac)" \
		"progress: a live line with documents, MB and MB/s on a terminal" "$live"
	exec 9>&-
	sleep 1
	screen=$(tmux_cmd capture-pane -p -t rgc)
	report "$(printf '%s\n' "$screen" | grep -q 'MB/s' && echo 1 || echo 0)" \
		"progress: the line is erased when the run ends" "$screen"
	report "$(printf '%s\n' "$screen" | grep -q '8 documents processed' && echo 0 || echo 1)" \
		"progress: the summary follows on its own line" "$screen"
	# the same run with standard error in a file shows no progress at all
	rm -f "$ct/feed.jsonl"; mkfifo "$ct/feed.jsonl"
	tmux_cmd send-keys -t rgc "relgraph extract --jobs 1 $ct/feed.jsonl >/dev/null 2>$ct/stderr.txt" Enter
	exec 9>"$ct/feed.jsonl"
	for i in 1 2 3 4 5; do
		printf '{"id":"d%d","text":"Azerbaijan and Turkey."}\n' $i >&9
		sleep 0.1
	done
	exec 9>&-
	sleep 1
	report "$(grep -q 'MB' "$ct/stderr.txt" && echo 1 || echo 0)" \
		"progress: none when standard error is a file" "$(cat "$ct/stderr.txt")"
	tmux_cmd kill-server 2>/dev/null
else
	report 1 "tmux starts a session" "$(cat "$ct/err")"
fi
rm -rf "$ct"
