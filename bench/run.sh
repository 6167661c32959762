#!/bin/sh
# run.sh - the benchmark behind `make bench` (issue 7).  Generates the
# seeded corpus once (build/bench/), then prints, each the median of
# BENCH_RUNS runs: the floors (cat, grep -F -c -f ALIASES), extract on one
# and two cores (MB/s, docs/s, peak memory, the ratio to grep; -j1 and -j2
# runs alternate, and the scaling is the median of their pairs' ratios),
# rank on the corpus, the graph stage on a synthetic 10,000-actor / 1,000,000-edge
# network, sfdp on 1,000 actors, and a perf profile of extract when perf works.
set -eu

BUILD=${BUILD:-build}
MB=${BENCH_MB:-200}
SEED=${BENCH_SEED:-7}
RUNS=${BENCH_RUNS:-3}
RG=$BUILD/relgraph
OUT=$BUILD/bench
mkdir -p "$OUT"
CORPUS=$OUT/corpus-s$SEED-$MB.jsonl
ALIASES=$OUT/aliases.txt
export LC_ALL=C.UTF-8

if [ ! -s "$CORPUS" ]; then
	echo "generating $CORPUS ($MB MB, seed $SEED)..."
	python3 bench/gen_corpus.py --seed "$SEED" --mb "$MB" -o "$CORPUS"
fi
"$BUILD/bench_aliases" data > "$ALIASES"
BYTES=$(wc -c < "$CORPUS")
DOCS=$(wc -l < "$CORPUS")

# median RUNS CMD...: runs CMD (stdout to a file) RUNS times; prints
# "WALL CPU KB" of the median run (by wall time; CPU = user + system) and
# the largest peak memory.
median() {
	runs=$1; shift
	: > "$OUT/times"
	i=0
	while [ "$i" -lt "$runs" ]; do
		# to a file, not /dev/null: GNU grep stops at the first match
		# when its output is /dev/null
		/usr/bin/time -f "%e %U %S %M" -o "$OUT/time1" "$@" > "$OUT/stdout" 2> "$OUT/stderr" ||
			{ st=$?; [ "$st" -le 1 ] || { cat "$OUT/stderr" >&2; return "$st"; }; }
		cat "$OUT/time1" >> "$OUT/times"
		i=$((i + 1))
	done
	sort -n "$OUT/times" | awk -v n="$runs" '{ t[NR] = $1; c[NR] = $2 + $3; if ($4 > m) m = $4 }
		END { k = int((n + 1) / 2); printf "%s %.2f %d\n", t[k], c[k], m }'
}

# median_pair RUNS "CMD1" "CMD2": runs the two commands (word-split)
# alternately RUNS times each, so that both meet the same moments of a
# shared machine; prints "WALL1 CPU1 KB1 WALL2 CPU2 KB2 RATIO": each
# command's median run as median() does, and the median over the runs of
# WALL1 / WALL2 of the same round (the scaling, measured pair by pair).
median_pair() {
	runs=$1
	: > "$OUT/times1"
	: > "$OUT/times2"
	i=0
	while [ "$i" -lt "$runs" ]; do
		for k in 1 2; do
			eval "cmd=\$$((k + 1))"
			/usr/bin/time -f "%e %U %S %M" -o "$OUT/time1" $cmd > "$OUT/stdout" 2> "$OUT/stderr" ||
				{ st=$?; [ "$st" -le 1 ] || { cat "$OUT/stderr" >&2; return "$st"; }; }
			cat "$OUT/time1" >> "$OUT/times$k"
		done
		i=$((i + 1))
	done
	for k in 1 2; do
		sort -n "$OUT/times$k" | awk -v n="$runs" '{ t[NR] = $1; c[NR] = $2 + $3; if ($4 > m) m = $4 }
			END { k = int((n + 1) / 2); printf "%s %.2f %d ", t[k], c[k], m }'
	done
	paste "$OUT/times1" "$OUT/times2" | awk '{ print $1 / ($5 > 0 ? $5 : 0.001) }' | sort -n |
		awk -v n="$runs" '{ r[NR] = $1 } END { printf "%.2f\n", r[int((n + 1) / 2)] }'
}

mbs() { awk -v b="$BYTES" -v s="$1" 'BEGIN { printf "%.1f", b / 1e6 / (s > 0 ? s : 0.001) }'; }
dps() { awk -v d="$DOCS" -v s="$1" 'BEGIN { printf "%.0f", d / (s > 0 ? s : 0.001) }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / (b > 0 ? b : 0.001) }'; }

# the extract mode: edges (the mapper: segmentation, matching and
# co-mention counting) when this build has it, else the TSV mention list
if "$RG" help extract 2>/dev/null | grep -q -- '--emit'; then
	MODE="extract --emit edges"
else
	MODE="extract --format tsv"
fi

echo
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "corpus:  $CORPUS: $BYTES bytes, $DOCS documents (seed $SEED), $(wc -l < "$ALIASES") aliases"
echo "runs:    median of $RUNS"
echo

set -- $(median "$RUNS" cat "$CORPUS")
CAT=$1 CATC=$2
set -- $(median "$RUNS" grep -F -c -f "$ALIASES" "$CORPUS")
GREP=$1 GREPC=$2
set -- $(median_pair "$RUNS" "$RG $MODE -q --jobs 1 $CORPUS" "$RG $MODE -q --jobs 2 $CORPUS")
X1=$1 X1C=$2 M1=$3 X2=$4 X2C=$5 M2=$6 XS=$7
set -- $(median_pair "$RUNS" "$RG rank -q --jobs 1 $CORPUS" "$RG rank -q --jobs 2 $CORPUS")
RK1=$1 RK1C=$2 MR1=$3 RK=$4 RKC=$5 MR=$6 RS=$7
# the map step with one slice per year: the same analysis, far fewer
# per-slice counts (the corpus's random dates make day slices nearly one
# per document, the worst case for the slice tables)
if [ "$MODE" = "extract --emit edges" ]; then
	set -- $(median_pair "$RUNS" "$RG $MODE --slice year -q --jobs 1 $CORPUS" \
		"$RG $MODE --slice year -q --jobs 2 $CORPUS")
	Y1=$1 Y1C=$2 MY1=$3 Y2=$4 Y2C=$5 MY2=$6 YS=$7
fi

# What the machine's two cores allow: each core's speed alone (taskset),
# and two single-threaded processes over the two halves of the corpus at
# once (no threads, no shared memory: the scaling of the hardware).
if command -v taskset > /dev/null && [ "$(nproc)" -ge 2 ]; then
	set -- $(median_pair "$RUNS" "taskset -c 0 $RG $MODE -q --jobs 1 $CORPUS" \
		"taskset -c 1 $RG $MODE -q --jobs 1 $CORPUS")
	CORE0=$1 CORE1=$4
fi
HALF=$((DOCS / 2))
head -n "$HALF" "$CORPUS" > "$OUT/half1.jsonl"
tail -n +"$((HALF + 1))" "$CORPUS" > "$OUT/half2.jsonl"
: > "$OUT/pairs"
i=0
while [ "$i" -lt "$RUNS" ]; do
	t0=$(date +%s.%N)
	$RG $MODE -q --jobs 1 "$OUT/half1.jsonl" > /dev/null 2>&1 &
	$RG $MODE -q --jobs 1 "$OUT/half2.jsonl" > /dev/null 2>&1
	wait
	t1=$(date +%s.%N)
	awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f\n", b - a }' >> "$OUT/pairs"
	i=$((i + 1))
done
TWO=$(sort -n "$OUT/pairs" | awk -v n="$RUNS" '{ t[NR] = $1 } END { print t[int((n + 1) / 2)] }')

# wall = elapsed; cpu = user + system.  On a busy machine the CPU figures
# are the fairer single-core measure; scaling needs the wall clock.
row() { printf '%-32s %7s %7s %9s %9s %8s %8s\n' "$@"; }
row "step" "wall s" "cpu s" "MB/s wall" "MB/s cpu" "docs/s" "peak MB"
row "floor: cat > /dev/null" "$CAT" "$CATC" "$(mbs "$CAT")" "$(mbs "$CATC")" - -
row "floor: grep -F -c -f aliases" "$GREP" "$GREPC" "$(mbs "$GREP")" "$(mbs "$GREPC")" - -
row "$MODE -j1" "$X1" "$X1C" "$(mbs "$X1")" "$(mbs "$X1C")" "$(dps "$X1C")" "$((M1 / 1024))"
row "$MODE -j2" "$X2" "$X2C" "$(mbs "$X2")" "$(mbs "$X2C")" "$(dps "$X2")" "$((M2 / 1024))"
[ -n "${Y1:-}" ] && row "  ... --slice year -j1" "$Y1" "$Y1C" "$(mbs "$Y1")" "$(mbs "$Y1C")" "$(dps "$Y1C")" "$((MY1 / 1024))"
[ -n "${Y2:-}" ] && row "  ... --slice year -j2" "$Y2" "$Y2C" "$(mbs "$Y2")" "$(mbs "$Y2C")" "$(dps "$Y2")" "$((MY2 / 1024))"
row "rank -j1" "$RK1" "$RK1C" "$(mbs "$RK1")" "$(mbs "$RK1C")" "$(dps "$RK1C")" "$((MR1 / 1024))"
row "rank -j2" "$RK" "$RKC" "$(mbs "$RK")" "$(mbs "$RKC")" "$(dps "$RK")" "$((MR / 1024))"
echo
echo "targets:"
echo "  extract, 1 core:     $(mbs "$X1C") MB/s per CPU second, $(mbs "$X1") MB/s wall (target >= 50)"
echo "  extract / grep -F:   $(ratio "$X1C" "$GREPC")x the grep floor's CPU time (target <= 4)"
echo "  scaling on 2 cores:  ${XS}x wall, the median of $RUNS alternating -j1/-j2 pairs (target >= 1.8)${YS:+; --slice year ${YS}x}; rank ${RS}x"
echo "  the hardware's own:  ${CORE0:+core 0 alone ${CORE0} s, core 1 alone ${CORE1} s; }two -j1 processes on the halves at once ${TWO} s wall ($(ratio "$X1" "$TWO")x -j1)"
echo "  peak memory:         $((M1 / 1024)) MB (-j1), $((M2 / 1024)) MB (-j2) for a $((BYTES / 1000000)) MB corpus"
echo "load after the runs:   $(cut -d' ' -f1-3 /proc/loadavg)"

echo
"$BUILD/graph_bench" 10000 1000000 1000 3000 "$OUT/sfdp1000.svg" | sed 's/^/graph stage: /'

if [ "${BENCH_PROFILE:-1}" = 1 ] && perf record -o "$OUT/perf.data" -F 499 -g true > /dev/null 2>&1; then
	head -n 10000 "$CORPUS" > "$OUT/profile.jsonl"
	perf record -o "$OUT/perf.data" -F 499 --call-graph dwarf,16384 \
		$RG $MODE -q --jobs 1 "$OUT/profile.jsonl" > /dev/null 2>&1 || true
	echo
	echo "profile of $MODE --jobs 1 on 10,000 documents, about 19 MB (perf, inclusive %, library functions):"
	perf report -i "$OUT/perf.data" --children --stdio 2>/dev/null |
		grep -E '^ +[0-9.]+%' |
		grep -E ' (rg_analyze|rg_text_segment|rg_lang_detect|rg_date_find|tokenize|sentences|cands_prepare|walk|rg_match_tokens|rg_match_roles|rg_roles_resolve|rg_formats_find|rg_reader_next|json_loadb|rg_jsonl_parse|rg_match_keys_prepare|rg_edgeset_add|rg_edgeset_write|rg_edgeset_write_jobs|rg_edgeset_merge|rg_cooc_add|print_doc|rg_pipeline_run)( |$)' |
		awk '{ printf "  %7s  %s\n", $1, $NF }' | sort -u -k2,2 | sort -rn | head -20 || true
fi

if /usr/bin/python3 -c 'import distributed' 2> /dev/null; then
	echo
	head -n 10000 "$CORPUS" > "$OUT/dask.jsonl"
	/usr/bin/python3 bench/dask_mapreduce.py --relgraph "$RG" --shards 8 --workers 2 \
		--fanin 4 --workdir "$OUT" "$OUT/dask.jsonl" || echo "dask: FAILED"
else
	echo "dask: skipped (apt-get install python3-distributed)"
fi
