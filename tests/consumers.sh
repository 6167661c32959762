# tests/consumers.sh - relgraph as a good citizen: every output format is
# read back by a program that did not write it (Python's csv and json,
# Graphviz's own dot, networkx), on a corpus small enough to work out the
# answer by hand; plus relgraph.conf, --verbose and `actors check` seen from
# the command line.  Sourced by tests/e2e.sh (which defines report, $RGRUN
# and $tmp), or run alone: sh tests/consumers.sh
: "${RG:=${BUILD:-build}/relgraph}"
: "${RGRUN:=$RG}"
command -v report >/dev/null 2>&1 || . tests/report.sh
ck() { # ck NAME COMMAND...: passes when the command succeeds
	cname=$1; shift
	if cout=$("$@" 2>&1); then report 0 "$cname"; else report 1 "$cname" "$cout"; fi
}
cs=$(mktemp -d)
rgabs=$(cd "$(dirname "$RG")" && pwd)/$(basename "$RG")
export RELGRAPH_CONFIG=

# Two documents, three sentences: {AZE, TUR}, {RUS} and {TUR, AZE, IRN}.
# Ties: AZE-TUR 2, AZE-IRN 1, TUR-IRN 1.  So AZE and TUR: degree 2,
# strength 3 (AZE first: ties go by id); IRN: degree 2, strength 2; RUS
# is named but tied to no one: 0 and 0.  4 actors, 3 ties.
mkdir -p "$cs/corpus"
printf 'Azerbaijan and Turkey signed a deal. Russia said nothing.\n' >"$cs/corpus/a.txt"
printf 'Turkey welcomed Azerbaijan, "and" Iran, too.\n' >"$cs/corpus/b.txt"

$RGRUN rank --top 0 --format csv "$cs/corpus" >"$cs/rank.csv" 2>/dev/null
ck "consumer: Python csv reads rank --format csv (RFC 4180, header, values)" python3 -c '
import csv, sys
raw = open(sys.argv[1], "rb").read()
assert raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b""), "CRLF line ends"
rows = list(csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8")))
want = ["rank", "id", "name", "type", "degree", "strength", "betweenness", "closeness",
        "pagerank", "eigenvector", "coreness", "clustering", "community"]
assert list(rows[0].keys())[:len(want)] == want or list(rows[0].keys()) == want, list(rows[0].keys())
got = [(r["id"], float(r["degree"]), float(r["strength"])) for r in rows]
assert got == [("AZE", 2, 3), ("TUR", 2, 3), ("IRN", 2, 2), ("RUS", 0, 0)], got
assert [r["rank"] for r in rows] == ["1", "2", "3", "4"]
' "$cs/rank.csv"

$RGRUN rank --top 0 --format json "$cs/corpus" >"$cs/rank.json" 2>/dev/null
ck "consumer: Python json reads rank --format json" python3 -c '
import json, sys
o = json.load(open(sys.argv[1], encoding="utf-8"))
assert o["nodes"] == 4 and o["edges"] == 3, (o["nodes"], o["edges"])
assert o["inputs"]["processed"] == 2
r = {x["id"]: x for x in o["ranking"]}
assert r["AZE"]["strength"] == 3 and r["AZE"]["degree"] == 2 and r["IRN"]["strength"] == 2 \
    and r["RUS"]["strength"] == 0
assert isinstance(r["AZE"]["pagerank"], float)
' "$cs/rank.json"

$RGRUN extract "$cs/corpus" >"$cs/x.jsonl" 2>/dev/null
$RGRUN extract --format tsv "$cs/corpus" >"$cs/x.tsv" 2>/dev/null
ck "consumer: Python json and csv read extract (JSON Lines and TSV agree)" python3 -c '
import csv, json, sys
docs = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
js = [(d["doc"], m["actor"], m["start"]) for d in docs for m in d["mentions"]]
rows = list(csv.DictReader(open(sys.argv[2], newline="", encoding="utf-8"), delimiter="\t",
                           quoting=csv.QUOTE_NONE))
ts = [(r["doc"], r["actor"], int(r["start"])) for r in rows]
assert js == ts, (js, ts)
assert [a for _, a, _ in js] == ["AZE", "TUR", "RUS", "TUR", "AZE", "IRN"], js
' "$cs/x.jsonl" "$cs/x.tsv"

if command -v dot >/dev/null 2>&1; then
	$RGRUN render --top 0 -o "$cs/g.dot" "$cs/corpus" >/dev/null 2>&1
	dot -Tjson "$cs/g.dot" >"$cs/g.json" 2>"$cs/dot.err"
	ck "consumer: Graphviz dot reads render -o x.dot (its nodes and the AZE-TUR tie)" python3 -c '
import json, sys
g = json.load(open(sys.argv[1]))
names = {o["name"]: i for i, o in enumerate(g.get("objects", [])) if "name" in o}
assert {"AZE", "TUR", "IRN"} <= set(names), names
ties = {frozenset((e["tail"], e["head"])) for e in g.get("edges", [])}
assert frozenset((names["AZE"], names["TUR"])) in ties, ties
' "$cs/g.json"
fi

if "$RG" help graph >/dev/null 2>&1 && python3 -c 'import networkx' 2>/dev/null; then
	$RGRUN graph --top 0 -o "$cs/g.graphml" "$cs/corpus" >/dev/null 2>&1
	$RGRUN graph --top 0 -o "$cs/g.gml" "$cs/corpus" >/dev/null 2>&1
	ck "consumer: networkx reads graph -o .graphml and .gml (4 actors, 3 ties)" python3 -c '
import sys, networkx as nx
for g in (nx.read_graphml(sys.argv[1]), nx.read_gml(sys.argv[2], label=None)):
    assert g.number_of_nodes() == 4 and g.number_of_edges() == 3, (g.number_of_nodes(), g.number_of_edges())
' "$cs/g.graphml" "$cs/g.gml"
fi

# -- relgraph.conf ----------------------------------------------------------
mkdir -p "$cs/conf" "$cs/elsewhere"
printf 'mehriban-test\tperson\ten\tname\tZarifa Testova\n' >"$cs/conf/mine.tsv"
printf 'Zarifa Testova met Turkey.\n' >"$cs/corpus2.txt"
printf '# test\nactors = mine.tsv\n[rank]\ntop = 1\nformat = tsv\n' >"$cs/conf/relgraph.conf"
(cd "$cs/conf" && env -u RELGRAPH_CONFIG "$rgabs" rank "$cs/corpus" 2>&1 >"$cs/o1") >/dev/null
ck "config: ./relgraph.conf sets rank's --top and --format" \
	test "$(cat "$cs/o1" | wc -l)" = 2 -a "$(cut -f2 "$cs/o1" | tail -1)" = AZE
(cd "$cs/conf" && env -u RELGRAPH_CONFIG "$rgabs" rank --top 3 "$cs/corpus" 2>/dev/null >"$cs/o2")
ck "config: the command line overrides it (--top 3)" test "$(wc -l <"$cs/o2")" = 4
(cd "$cs/elsewhere" && RELGRAPH_CONFIG="$cs/conf/relgraph.conf" "$rgabs" extract "$cs/corpus2.txt" \
	>"$cs/o3" 2>&1)
ck "config: a relative actors file is read next to the configuration file" \
	grep -q '"mehriban-test"' "$cs/o3"
printf '[rank]\ntop = many\n' >"$cs/bad.conf"
RELGRAPH_CONFIG="$cs/bad.conf" "$rgabs" rank "$cs/corpus" >/dev/null 2>"$cs/e4"
ck "config: a bad value is a usage error (exit 2) naming file and line" \
	sh -c "test $? = 2 && grep -q 'bad.conf:2' '$cs/e4'"
printf 'windoww = paragraph\n[rnak]\ntop = 1\n' >"$cs/typo.conf"
RELGRAPH_CONFIG="$cs/typo.conf" "$rgabs" rank "$cs/corpus" >/dev/null 2>"$cs/e5"
ck "config: unknown keys and sections are reported with file and line" \
	sh -c "grep -q 'typo.conf:1:.*windoww' '$cs/e5' && grep -q 'typo.conf:2:.*rnak' '$cs/e5' \
	   && ! grep -q 'typo.conf:3' '$cs/e5'"

# -- --verbose: a line per document ---------------------------------------
$RGRUN rank --verbose "$cs/corpus" >/dev/null 2>"$cs/e6"
ck "--verbose prints one line per document" \
	test "$(grep -c 'corpus/[ab].txt: [0-9]* bytes' "$cs/e6")" = 2

# -- actors check ------------------------------------------------------------
printf 'zarifa-testova\tperson\ten\tname\tZarifa Testova\nzarifa-testova\tperson\tazz\talias\tZ. Testova\n' >"$cs/check.tsv"
printf 'zarifa-testova\tperson\ten\tname\tZarifa Testova\nx\tperson\ten\tname\n' >>"$cs/check.tsv"
printf 'zarifa-testova\tperson\ten\talias\tTurkey\nzarifa-testova\tperson\ten\tname\tZarifa Testova\n' >>"$cs/check.tsv"
printf 'zarifa-testova\torg\ten\talias\tZT\n' >>"$cs/check.tsv"
$RGRUN actors check "$cs/check.tsv" >"$cs/o7" 2>&1
st=$?
ck "actors check: a file with problems exits 1" test $st = 1
for l in 2 3 4 5 6 7; do
	ck "actors check: the problem on line $l is named" grep -q "check.tsv:$l: " "$cs/o7"
done
ck "actors check: line 1 is fine" sh -c "! grep -q 'check.tsv:1: ' '$cs/o7'"
printf '# my officials\nzarifa-testova\tperson\ten\tname\tZarifa Testova\nzarifa-testova\tperson\taz\talias\tZərifə Testova\n' >"$cs/good.tsv"
ck "actors check: a sound file exits 0" $RGRUN actors check "$cs/good.tsv"
rm -rf "$cs"
unset RELGRAPH_CONFIG
