#!/bin/sh
# tests/hostile_mem.sh - peak memory of relgraph on huge hostile inputs (a
# benchmark, not a test: prints figures, `make hostile-mem`).  Generates a
# 200 MB document on one line, one name repeated 10^6 times, and measures
# each run with /usr/bin/time -v.  Memory should stay a small multiple of
# the document: the reader holds one document, the analysis its tokens.
set -eu
RG=${RG:-build/relgraph}
MB=${MB:-200}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT INT TERM
python3 - "$dir" "$MB" <<'PY'
import sys
d, mb = sys.argv[1], int(sys.argv[2])
chunk = "Azerbaijan and Iran discussed the corridor with Russia, " * 1000
with open(d + "/line.txt", "w") as f:
    n = 0
    while n < mb << 20:
        f.write(chunk); n += len(chunk)
    f.write("\n")
with open(d + "/repeat.txt", "w") as f:
    f.write("Iran " * 1000000 + "and Russia met.\n")
PY
measure() { # measure NAME ARGS...: prints seconds and peak RSS
	name=$1; shift
	/usr/bin/time -v "$RG" "$@" >/dev/null 2>"$dir/t" || true
	rss=$(awk -F': ' '/Maximum resident/ {print $2}' "$dir/t")
	sec=$(awk -F': ' '/Elapsed \(wall/ {print $2}' "$dir/t")
	printf '%-40s %10s KB peak  %s wall\n' "$name" "$rss" "$sec"
}
printf 'input sizes: line.txt %s bytes, repeat.txt %s bytes\n' \
	"$(wc -c <"$dir/line.txt")" "$(wc -c <"$dir/repeat.txt")"
measure "rank ${MB} MB on one line (default limit)" rank --top 5 "$dir/line.txt"
measure "rank ${MB} MB, --max-doc-bytes 1048576" rank --max-doc-bytes 1048576 "$dir/line.txt"
measure "rank one name 10^6 times" rank --top 5 "$dir/repeat.txt"
measure "rank one name 10^6 times, tokens:1000" rank --window tokens:1000 "$dir/repeat.txt"
