# tests/graph.sh - end-to-end checks of the analysis stage (issue 4): partial
# edge tables and merge (map/reduce), graph exports read back by networkx and
# Graphviz, network filters.  Sourced by tests/e2e.sh (check, report, $RGRUN,
# $tmp come from there).

# -- map/reduce: three shards extracted and merged equal the whole corpus ---
mkdir -p "$tmp/shard0" "$tmp/shard1" "$tmp/shard2"
i=0
for f in data/samples/*; do
	[ -f "$f" ] || continue
	case $f in *.md) continue ;; esac
	cp "$f" "$tmp/shard$((i % 3))/"
	i=$((i + 1))
done
mkdir -p "$tmp/whole"
cp "$tmp"/shard*/* "$tmp/whole/"
$RGRUN extract --emit edges -q "$tmp/whole" >"$tmp/whole.edges"
for s in 0 1 2; do
	$RGRUN extract --emit edges -q "$tmp/shard$s" >"$tmp/shard$s.edges"
done
$RGRUN merge -q "$tmp/shard2.edges" "$tmp/shard0.edges" "$tmp/shard1.edges" >"$tmp/merged.edges"
check "merge of three shards' edge tables equals the whole corpus's table" \
	cmp "$tmp/whole.edges" "$tmp/merged.edges"
check "merged table has the tie rows of the corpus" \
	test "$(grep -c '^edge' "$tmp/merged.edges")" -gt 50
$RGRUN rank -q --top 0 --format tsv "$tmp/whole" >"$tmp/whole.rank"
$RGRUN rank -q --top 0 --format tsv "$tmp/merged.edges" >"$tmp/merged.rank"
check "rank of the merged table equals rank of the corpus, byte for byte" \
	cmp "$tmp/whole.rank" "$tmp/merged.rank"
$RGRUN rank -q --top 0 --format tsv --weight assoc --backbone 0.5 "$tmp/whole" >"$tmp/whole.rank2"
$RGRUN rank -q --top 0 --format tsv --weight assoc --backbone 0.5 "$tmp/merged.edges" >"$tmp/merged.rank2"
check "rank --weight assoc --backbone of the merged table equals the corpus's" \
	cmp "$tmp/whole.rank2" "$tmp/merged.rank2"
cat "$tmp/shard0.edges" | $RGRUN merge -q - "$tmp/shard1.edges" "$tmp/shard2.edges" >"$tmp/merged2.edges"
check "merge reads a table from standard input" cmp "$tmp/whole.edges" "$tmp/merged2.edges"
cat "$tmp/shard1.edges" "$tmp/shard2.edges" "$tmp/shard0.edges" | $RGRUN merge -q >"$tmp/merged3.edges"
check "merge sums tables concatenated in one stream (part files of a map step)" \
	cmp "$tmp/whole.edges" "$tmp/merged3.edges"
cat "$tmp/shard1.edges" "$tmp/shard2.edges" "$tmp/shard0.edges" >"$tmp/cat.edges"
$RGRUN rank -q --top 0 --format tsv "$tmp/cat.edges" >"$tmp/cat.rank"
check "rank reads concatenated tables like the corpus" cmp "$tmp/whole.rank" "$tmp/cat.rank"
$RGRUN extract --emit edges -q --window paragraph "$tmp/shard1" >"$tmp/para.edges"
$RGRUN merge -q "$tmp/shard0.edges" "$tmp/para.edges" >/dev/null 2>"$tmp/merge.err"
check "merge refuses tables built with different windows (exit 1)" test $? = 1
printf '#relgraph-edges v2\twindow=sentence\ttypes=country\tslice=day\nslice\t-\t-\t1\t1\tcountry=1\nedge\tAZE\tTUR\t1\t1\n' >"$tmp/bad.edges"
$RGRUN merge -q "$tmp/bad.edges" >/dev/null 2>"$tmp/merge.err"
check "merge reports a tie between unknown actors with file and line" \
	grep -q "bad.edges:3: malformed edge row" "$tmp/merge.err"

# -- a merged table answers every question the articles answer ---------------
same() { # same NAME ARGS...: the command on the corpus and on the merged table
	name=$1; shift
	$RGRUN "$@" -q "$tmp/whole" >"$tmp/same.a" 2>&1
	$RGRUN "$@" -q "$tmp/merged.edges" >"$tmp/same.b" 2>&1
	check "merged table = corpus: $name" sh -c "test -s '$tmp/same.a' && cmp '$tmp/same.a' '$tmp/same.b'"
}
same "rank --by-period quarter" rank --by-period quarter --top 0 --format tsv
same "rank --by-period month (json)" rank --by-period month --top 5 --format json
same "trend AZE IRN" trend --period quarter --format tsv AZE IRN
same "trend --period year (json)" trend --period year --format json TUR
same "formats (json)" formats --format json
same "formats --compare" formats --compare AZE-TUR-IRN --compare AZE-GEO-TUR --format tsv
same "rank --since/--until" rank --top 0 --format tsv --since 2024-04 --until 2024-09-30
same "rank --lang fa" rank --top 0 --format tsv --lang fa
same "rank --types country --weight pmi" rank --top 0 --format tsv --types country --weight pmi
# each tie's first and last day: the corpus's (rg_cooc) are the day table's
$RGRUN graph -q -o "$tmp/whole_days.csv" "$tmp/whole"
$RGRUN graph -q -o "$tmp/merged_days.csv" "$tmp/merged.edges"
check "graph .csv: each tie's first and last day from the corpus = from the day table" \
	sh -c "grep -q '20[0-9][0-9]-[01][0-9]-[0-3][0-9]' '$tmp/whole_days.csv' &&
	       cmp '$tmp/whole_days.csv' '$tmp/merged_days.csv'"
$RGRUN rank -q --window paragraph "$tmp/merged.edges" >/dev/null 2>"$tmp/w.err"
check "rank --window other than the table's is refused (exit 1), not ignored" \
	sh -c "test $? = 1 && grep -q 'counted with --window sentence' '$tmp/w.err'"
$RGRUN extract --emit edges --slice month -q "$tmp/whole" >"$tmp/month.edges"
$RGRUN rank -q --top 0 --format tsv --since 2024-04 "$tmp/month.edges" >"$tmp/m.rank"
$RGRUN rank -q --top 0 --format tsv --since 2024-04 "$tmp/whole" >"$tmp/w.rank"
check "a table sliced by month answers a month bound exactly" cmp "$tmp/m.rank" "$tmp/w.rank"
$RGRUN rank -q --since 2024-04-15 "$tmp/month.edges" >/dev/null 2>"$tmp/m.err"
check "... and refuses a day bound with a message (exit 1)" \
	sh -c "test $? = 1 && grep -q 'slices are months' '$tmp/m.err'"
python3 - "$tmp/days.jsonl" <<'EOP'
import glob, json, sys
texts = [open(p, encoding="utf-8").read() for p in sorted(glob.glob("data/samples/*.txt"))]
with open(sys.argv[1], "w", encoding="utf-8") as f:
    for i in range(2400):  # a different day for each document: many small slices
        y, d = 2000 + i // 300, i % 300
        f.write(json.dumps({"id": "d%d" % i, "text": texts[i % len(texts)],
                            "date": "%d-%02d-%02d" % (y, d // 28 + 1, d % 28 + 1)}) + "\n")
EOP
$RGRUN extract --emit edges -q "$tmp/days.jsonl" >"$tmp/days1.edges"
$RGRUN extract --emit edges --spill-mb 1 "$tmp/days.jsonl" >"$tmp/days2.edges" 2>"$tmp/spill.err"
check "extract --spill-mb 1 writes several tables when the counts pass 1 MB" \
	sh -c "test \$(grep -c '^#relgraph-edges' '$tmp/days2.edges') -gt 1 && grep -q 'partial table' '$tmp/spill.err'"
$RGRUN merge -q "$tmp/days2.edges" >"$tmp/days3.edges"
check "... whose merge is the unspilled table, byte for byte" cmp "$tmp/days1.edges" "$tmp/days3.edges"
check "a month table is smaller than a day table" \
	test "$(wc -c <"$tmp/month.edges")" -lt "$(wc -c <"$tmp/whole.edges")"

# -- exports -----------------------------------------------------------------
$RGRUN graph -q -o "$tmp/g.graphml" data/samples
$RGRUN graph -q -o "$tmp/g.gml" data/samples
$RGRUN graph -q -o "$tmp/g.json" data/samples
$RGRUN graph -q -o "$tmp/g.csv" data/samples
$RGRUN graph -q -o "$tmp/g.dot" data/samples
check "graph GraphML, GML and JSON open in networkx with every attribute" python3 -c '
import json, sys, networkx as nx
d = sys.argv[1]
j = json.load(open(d + "/g.json"))
rank = {r.split("\t")[1]: r.split("\t") for r in open(d + "/whole.rank").read().splitlines()[1:]}
g = nx.read_graphml(d + "/g.graphml")
assert g.number_of_nodes() == len(j["nodes"]) == len(rank), (g.number_of_nodes(), len(rank))
assert g.number_of_edges() == len(j["edges"]) > 50
byid = {a["id"]: a for _, a in g.nodes(data=True)}
aze = byid["AZE"]
for k in ("name", "name_fa", "type", "mentions", "docs", "degree", "strength",
          "betweenness", "closeness", "pagerank", "eigenvector", "coreness",
          "clustering", "community"):
    assert k in aze, k
assert aze["name_fa"] == "جمهوری آذربایجان", aze["name_fa"]
assert abs(aze["strength"] - float(rank["AZE"][5])) < 1e-3
# the strength of a node is the sum of its ties weights
s = sum(e["weight"] for e in j["edges"] if "AZE" in (e["source"], e["target"]))
assert abs(s - aze["strength"]) < 1e-9
for _, _, a in g.edges(data=True):
    assert a["weight"] > 0 and "docs" in a and "first_date" in a
gm = nx.read_gml(d + "/g.gml", label="actor")
assert gm.number_of_nodes() == g.number_of_nodes() and gm.number_of_edges() == g.number_of_edges()
assert gm.nodes["AZE"]["namefa"] == "جمهوری آذربایجان"
' "$tmp"
check "graph CSV is an edge list with a header, read by python csv" python3 -c '
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8")))
assert len(rows) > 50 and all(float(r["weight"]) > 0 for r in rows)
assert {"source", "target", "weight", "windows", "docs"} <= set(rows[0])
' "$tmp/g.csv"
if command -v dot >/dev/null; then
	check "graph DOT is read by Graphviz" dot -Tsvg -o /dev/null "$tmp/g.dot"
fi
$RGRUN graph -q -o "$tmp/g.txt" data/samples 2>"$tmp/graph.err"
check "graph with an unknown extension is a usage error" test $? = 2
$RGRUN graph -q --top 5 --by pagerank -o "$tmp/top.json" "$tmp/merged.edges"
check "graph --top 5 --by pagerank keeps the 5 highest of the whole graph" python3 -c '
import json, sys
j = json.load(open(sys.argv[1]))
rank = [r.split("\t") for r in open(sys.argv[2]).read().splitlines()]
h = rank[0]; p = h.index("pagerank")
best = sorted(rank[1:], key=lambda r: (-float(r[p]), r[1]))[:5]
assert sorted(n["id"] for n in j["nodes"]) == sorted(r[1] for r in best), (j["nodes"], best)
' "$tmp/top.json" "$tmp/whole.rank"
$RGRUN graph -q --focus IRN --depth 1 -o "$tmp/ego.json" data/samples
check "graph --focus IRN --depth 1 keeps Iran and its partners only" python3 -c '
import json, sys
ego = json.load(open(sys.argv[1])); full = json.load(open(sys.argv[2]))
partners = {e["source"] if e["target"] == "IRN" else e["target"]
            for e in full["edges"] if "IRN" in (e["source"], e["target"])}
assert {n["id"] for n in ego["nodes"]} == partners | {"IRN"}
' "$tmp/ego.json" "$tmp/g.json"
$RGRUN rank -q --focus NOSUCH data/samples >/dev/null 2>"$tmp/focus.err"
check "rank --focus with an unknown actor fails with a message" grep -q "NOSUCH" "$tmp/focus.err"
$RGRUN rank --top 0 --format tsv --since 2024-10 --until 2024-10 data/samples >/dev/null 2>"$tmp/span.err"
check "rank --since/--until leaves out documents outside the span" \
	grep -q "outside --since/--until/--lang left out" "$tmp/span.err"

# -- time slices: each period's graph equals the corpus cut to that period ----
$RGRUN rank -q --by-period quarter --top 0 --format tsv data/samples >"$tmp/byq.tsv"
$RGRUN trend -q --period quarter --format tsv AZE IRN data/samples >"$tmp/trend.tsv"
for q in 2024-01:2024-03:2024-Q1 2024-04:2024-06:2024-Q2 2024-07:2024-09:2024-Q3; do
	IFS=: read -r from to key <<EOQ
$q
EOQ
	$RGRUN rank -q --top 0 --format tsv --since "$from" --until "$to" data/samples >"$tmp/cut-$key.tsv"
done
check "rank --by-period quarter: each period ranks like --since/--until cut to it, change = previous - current rank" python3 -c '
import sys
d = sys.argv[1]
def table(path):
    rows = [l.split("\t") for l in open(path).read().splitlines()]
    return rows[0], rows[1:]
h, rows = table(d + "/byq.tsv")
for key in ("2024-Q1", "2024-Q2", "2024-Q3"):
    ch, cut = table(d + "/cut-" + key + ".tsv")
    mine = [r for r in rows if r[0] == key]
    assert [r[h.index("id")] for r in mine] == [r[ch.index("id")] for r in cut], key
    for m, c in zip(mine, cut):
        for k in ("degree", "strength", "betweenness", "pagerank"):
            assert abs(float(m[h.index(k)]) - float(c[ch.index(k)])) < 1e-9, (key, k)
for prev, cur in (("2024-Q1", "2024-Q2"), ("2024-Q2", "2024-Q3")):
    pr = {r[h.index("id")]: int(r[1]) for r in rows if r[0] == prev}
    for r in rows:
        if r[0] != cur:
            continue
        want = "new" if r[3] not in pr else "%+d" % (pr[r[3]] - int(r[1]))
        assert r[2] == ("0" if want == "+0" else want), (cur, r[:4], want)
' "$tmp"
check "trend AZE IRN gives each quarter's values of the cut corpus, '-' when absent" python3 -c '
import sys
d = sys.argv[1]
rows = [l.split("\t") for l in open(d + "/trend.tsv").read().splitlines()]
h = rows[0]
for key in ("2024-Q1", "2024-Q2", "2024-Q3"):
    cut = [l.split("\t") for l in open(d + "/cut-" + key + ".tsv").read().splitlines()]
    ch = cut[0]
    for who in ("AZE", "IRN"):
        t = [r for r in rows[1:] if r[0] == key and r[1] == who][0]
        c = [r for r in cut[1:] if r[1] == who]
        if not c:
            assert t[h.index("rank")] == "-" and float(t[h.index("strength")]) == 0, t
            continue
        assert t[h.index("rank")] == c[0][0], (key, who, t, c[0][0])
        for k in ("degree", "strength", "closeness", "pagerank"):
            assert abs(float(t[h.index(k)]) - float(c[0][ch.index(k)])) < 1e-9, (key, who, k)
' "$tmp"
$RGRUN trend -q --format json AZE data/samples >"$tmp/trend.json"
check "trend --format json parses, one series per actor" python3 -c '
import json, sys
j = json.load(open(sys.argv[1]))
assert j["period"] == "month" and j["actors"][0]["id"] == "AZE" and len(j["actors"][0]["series"]) >= 5
' "$tmp/trend.json"

# -- the seeds: sensible leaders, GraphML for networkx ------------------------
if [ -d "${SHARED:-../shared}/seeds" ]; then
	S=${SHARED:-../shared}/seeds
	check "rank seeds --by betweenness puts Azerbaijan first" \
		test "$($RGRUN rank -q --by betweenness --format tsv "$S" | sed -n 2p | cut -f2)" = AZE
	check "rank seeds --by pagerank puts Azerbaijan first" \
		test "$($RGRUN rank -q --by pagerank --format tsv "$S" | sed -n 2p | cut -f2)" = AZE
	$RGRUN graph -q -o "$tmp/seeds.graphml" "$S"
	check "graph of the seeds opens in networkx" python3 -c '
import sys, networkx
g = networkx.read_graphml(sys.argv[1])
assert g.number_of_nodes() > 10 and g.number_of_edges() > 10
' "$tmp/seeds.graphml"
fi
