# tests/e2e.sh - end-to-end checks of the relgraph binary, sourced by
# tests/run.sh (which defines report, $RGRUN and $tmp).  Fixtures with bad
# bytes are made here with printf so the repository holds no binary files.

# check NAME COMMAND...: a test that passes when the command succeeds
check() {
	name=$1; shift
	if out=$("$@" 2>&1); then report 0 "$name"; else report 1 "$name" "$out"; fi
}

SHARED=${SHARED:-../shared}

# -- the sample corpus ------------------------------------------------------
$RGRUN rank --top 0 --format tsv data/samples >"$tmp/rank.tsv" 2>"$tmp/rank.err"
check "rank data/samples exits 0" test $? = 0
check "rank data/samples ranks at least 10 actors" \
	test "$(tail -n +2 "$tmp/rank.tsv" | wc -l)" -ge 10
check "rank data/samples reports processed documents on stderr" \
	grep -q "documents processed, 0 skipped" "$tmp/rank.err"

# extract: every surface is exactly the input's bytes at [start, end)
$RGRUN extract data/samples >"$tmp/samples.jsonl" 2>/dev/null
check "extract offsets point at the surface bytes of the original input" python3 -c '
import json, sys
n = 0
for line in open(sys.argv[1], encoding="utf-8"):
    o = json.loads(line)
    raw = open(o["doc"], "rb").read()
    for m in o["mentions"]:
        assert raw[m["start"]:m["end"]].decode("utf-8") == m["surface"], (o["doc"], m)
        n += 1
assert n > 50, n
' "$tmp/samples.jsonl"
check "extract finds a format in the samples" grep -q '"kind":"trilateral"' "$tmp/samples.jsonl"

# -- the seeds (shared with CI) ----------------------------------------------
if [ -d "$SHARED/seeds" ]; then
	$RGRUN rank --top 0 --format tsv "$SHARED/seeds" >"$tmp/seeds.tsv" 2>/dev/null
	check "rank seeds lists Azerbaijan first" \
		test "$(sed -n 2p "$tmp/seeds.tsv" | cut -f2)" = AZE
	for id in IRN RUS TUR QAT ilham-aliyev jeyhun-bayramov sergey-lavrov hossein-amir-abdollahian; do
		check "rank seeds names $id" grep -q "	$id	" "$tmp/seeds.tsv"
	done
	$RGRUN render -o "$tmp/seeds.svg" "$SHARED/seeds" 2>/dev/null
	check "render seeds writes an SVG with an Azerbaijan node" grep -q 'id="n_AZE"' "$tmp/seeds.svg"
	score=$("$SHARED/eval/score" "$SHARED/eval/seeds.gold.json" "$SHARED/seeds" -- \
		"$RG" extract --format jsonl 2>/dev/null | tail -1)
	check "seeds score: actors F1 >= 0.95, pairs >= 0.90, formats >= 0.9 ($score)" python3 -c '
import sys
f = dict(kv.split("=") for kv in sys.argv[1].split()[1:])
assert float(f["actors_f1"]) >= 0.95 and float(f["pairs_f1"]) >= 0.90, f
assert float(f["formats_f1"]) >= 0.9 and float(f["date"]) == 1 and float(f["lang"]) == 1, f
' "$score"
fi

# -- bad input ---------------------------------------------------------------
printf 'Azerbaijan and Georgia \377\376 signed a deal with Turkey.\n' >"$tmp/bad-utf8.txt"
$RGRUN extract "$tmp/bad-utf8.txt" >"$tmp/o" 2>"$tmp/e"
check "invalid UTF-8: exit 0" test $? = 0
check "invalid UTF-8: reported with file and byte offset" grep -q "bad-utf8.txt: byte 23: invalid UTF-8" "$tmp/e"
check "invalid UTF-8: the mentions after the bad bytes are still found" grep -q '"TUR"' "$tmp/o"

printf 'Iran\000\001\002binary' >"$tmp/binary.dat"
printf 'Russia and Azerbaijan met.\n' >"$tmp/good.txt"
$RGRUN extract "$tmp/binary.dat" "$tmp/good.txt" >"$tmp/o" 2>"$tmp/e"
check "binary file: skipped with a warning, exit 0" test $? = 0
check "binary file: the warning names the file" grep -q "binary.dat.*binary data" "$tmp/e"
check "binary file: the other document is processed" grep -q '"RUS"' "$tmp/o"
$RGRUN extract --strict "$tmp/binary.dat" "$tmp/good.txt" >/dev/null 2>&1
check "binary file with --strict: exit 1" test $? = 1

printf '{"id":"a","text":"Qatar and Azerbaijan."}\n{"id":"b","text":\n{"id":"c","text":"Iran welcomed Russia."}\n{"id":"d"}\n' >"$tmp/feed.jsonl"
$RGRUN extract "$tmp/feed.jsonl" >"$tmp/o" 2>"$tmp/e"
check "malformed JSONL: exit 1" test $? = 1
check "malformed JSONL: the bad line is reported with its number" grep -q "feed.jsonl:2: invalid JSON" "$tmp/e"
check "malformed JSONL: a line without text is reported" grep -q 'feed.jsonl:4: no "text"' "$tmp/e"
check "malformed JSONL: the good lines are processed" test "$(grep -c '"doc"' "$tmp/o")" = 2

$RGRUN extract "$tmp/missing.txt" "$tmp/good.txt" >"$tmp/o" 2>"$tmp/e"
check "missing file: exit 1" test $? = 1
check "missing file: reported" grep -q "missing.txt.*No such file" "$tmp/e"
check "missing file: the rest is processed" grep -q '"RUS"' "$tmp/o"

: >"$tmp/empty.txt"
$RGRUN extract "$tmp/empty.txt" >"$tmp/o" 2>"$tmp/e"
check "empty document: skipped with a warning, exit 0" grep -q "empty document" "$tmp/e"
mkdir -p "$tmp/emptydir"
$RGRUN rank --format tsv "$tmp/emptydir" >"$tmp/o" 2>"$tmp/e"
check "empty corpus: rank prints only the header" test "$(wc -l <"$tmp/o")" = 1
$RGRUN render -o "$tmp/empty.svg" "$tmp/emptydir" >/dev/null 2>&1
check "empty corpus: render writes a valid, empty SVG" python3 -c '
import sys, xml.dom.minidom; xml.dom.minidom.parse(sys.argv[1])' "$tmp/empty.svg"

$RGRUN rank --no-such-option data/samples >/dev/null 2>"$tmp/e"
check "unknown option: exit 2" test $? = 2
check "unknown option: named in the message" grep -q "unknown option '--no-such-option'" "$tmp/e"
$RGRUN frobnicate >/dev/null 2>&1
check "unknown command: exit 2" test $? = 2

printf 'AZE\tcountry\ten\n\tbroken\nx y\tperson\ten\tname\tSomeone\n' >"$tmp/bad-actors.tsv"
$RGRUN extract --actors "$tmp/bad-actors.tsv" "$tmp/good.txt" >"$tmp/o" 2>"$tmp/e"
check "broken dictionary: each bad row is reported with file and line" \
	sh -c "grep -q 'bad-actors.tsv:1:' '$tmp/e' && grep -q 'bad-actors.tsv:2:' '$tmp/e' && grep -q 'bad-actors.tsv:3:' '$tmp/e'"
check "broken dictionary: the run still completes" grep -q '"RUS"' "$tmp/o"

# -- render: ego views and the interactive page (fixture: tests/browser/corpus.jsonl)
$RGRUN render -q --focus hossein-amir-abdollahian -o "$tmp/ego1.svg" tests/browser/corpus.jsonl
check "render --focus X --depth 1: X and its two partners only" sh -c "test \$(grep -c 'class=\"node\"' '$tmp/ego1.svg') = 3 && ! grep -q 'id=\"n_AZE\"' '$tmp/ego1.svg'"
$RGRUN render -q --focus hossein-amir-abdollahian --depth 2 -o "$tmp/ego2.svg" tests/browser/corpus.jsonl
check "render --focus X --depth 2: also the partners' partners" grep -q 'id="n_AZE"' "$tmp/ego2.svg"
$RGRUN render -q --focus nobody -o "$tmp/ego3.svg" tests/browser/corpus.jsonl 2>"$tmp/e"
check "render --focus of an unknown actor: exit 2" test $? = 2
$RGRUN render -q -o "$tmp/page.html" tests/browser/corpus.jsonl
check "render -o x.html: per tie the evidence sentences with document and date" python3 -c '
import json, re, sys
html = open(sys.argv[1], encoding="utf-8").read()
d = json.loads(re.search(r"id=\"relgraph-data\">(.*?)</script>", html, re.S).group(1))
e = {x["id"]: x for x in d["edges"]}
ev = e["e_AZE__IRN"]["evidence"]
assert [(v["doc"], v["date"], v["sent"]) for v in ev] == [("xss-script", "2024-05-02", 1), ("xss-script", "2024-05-02", 2), ("xss-onerror", "2024-05-03", 1)], ev
assert "<script>window.__relgraphXSS" in ev[0]["text"] and "<script>window" not in html
assert e["e_IRN__TUR"]["weight"] == 2 and e["e_AZE__TUR"]["weight"] == 2
' "$tmp/page.html"

# -- the interactive page in headless Chromium (tests/browser; make deps) ----
if command -v chromium >/dev/null; then check "browser: render -o x.html - search, evidence, no injected script runs" node tests/browser/page.test.js "$RG"; else echo "skip - browser test: no chromium (make deps installs it)"; fi

# -- parallel analysis gives the same output as one job -----------------------
$RGRUN extract --jobs 1 data/samples >"$tmp/j1" 2>/dev/null
$RGRUN extract --jobs 3 data/samples >"$tmp/j3" 2>/dev/null
check "extract --jobs 3 prints exactly what --jobs 1 prints" cmp "$tmp/j1" "$tmp/j3"
$RGRUN rank --jobs 1 --top 0 --format tsv data/samples >"$tmp/r1" 2>/dev/null
$RGRUN rank --jobs 2 --top 0 --format tsv data/samples >"$tmp/r2" 2>/dev/null
check "rank --jobs 2 ranks exactly as --jobs 1" cmp "$tmp/r1" "$tmp/r2"

# -- unknown-name discovery ----------------------------------------------------
printf 'Mr Zorbek Talgatov met Azerbaijani officials.\nThe talks with Zorbek Talgatov went on. السيد كمال رشيدوف زار قطر. واستقبل السيد سلمان بن حمد العلي الوفد.\n' >"$tmp/cand.txt"
$RGRUN candidates --format tsv "$tmp/cand.txt" >"$tmp/o" 2>/dev/null
check "candidates: a name after a title and in capitals is counted twice" \
	grep -q "^2	1	Zorbek Talgatov	title" "$tmp/o"
check "candidates: a name after an Arabic honorific is two words" grep -q "	كمال رشيدوف	title" "$tmp/o"
check "candidates: a nasab (بن) extends an Arabic name" grep -q "	سلمان بن حمد العلي	title" "$tmp/o"
check "candidates: known actors are not listed" sh -c "! grep -qi 'azerbaijani\|قطر' '$tmp/o'"

# -- analysis stage: edge tables, merge, exports, filters (issue 4) -------------
. tests/graph.sh
. tests/render_input.sh

# -- multilateral formats compared and drawn (issue 6) -------------------------
. tests/formats.sh

# -- metonymy ------------------------------------------------------------------
echo "Baku and Moscow agreed." >"$tmp/meto.txt"
$RGRUN extract --quiet "$tmp/meto.txt" >"$tmp/o"
check "capitals are places by default" grep -q '"actor":"baku","type":"place"' "$tmp/o"
$RGRUN extract --quiet --metonymy "$tmp/meto.txt" >"$tmp/o"
check "--metonymy reads capitals as their countries" \
	sh -c "grep -q '\"actor\":\"AZE\".*\"via\":\"metonymy\"' '$tmp/o' && grep -q '\"actor\":\"RUS\"' '$tmp/o'"

# -- fitting in: consumers of every output, config, man page, completion, install (issue 9)
. tests/consumers.sh
# hostile and broken input, output escaping, past fuzzer findings (issue 8)
. tests/hostile.sh
. tests/manpage.sh
command -v tmux >/dev/null && command -v bash >/dev/null && . tests/completion.sh
[ "${VALGRIND:-}" != 1 ] && command -v pkg-config >/dev/null && . tests/install.sh

# -- actors lookup shows the folding and the rule -------------------------------
$RGRUN actors lookup "Azərbaycan Respublikasının" >"$tmp/o" 2>&1
check "actors lookup prints the folded form" grep -q "^folded: azerbaycan respublikasinin$" "$tmp/o"
check "actors lookup names the actor and the rule" grep -q "AZE (country, Azerbaijan) via name, rule alias+suffix" "$tmp/o"

# -- a form that already names another actor is reported ------------------------
printf 'zz-test\tcountry\ten\tname\tIran\n' >"$tmp/conflict.tsv"
echo "Iran" | $RGRUN extract --actors "$tmp/conflict.tsv" >"$tmp/o" 2>"$tmp/e"
check "conflicting alias: reported with file and line" grep -q "conflict.tsv:1: 'Iran' already names 'IRN'" "$tmp/e"
check "conflicting alias: the first loaded wins" grep -q '"actor":"IRN"' "$tmp/o"


# -- formats read an edge table like the articles it came from -----------------
$RGRUN extract --emit edges data/samples >"$tmp/s.edges" 2>/dev/null
$RGRUN formats -q --format json "$tmp/s.edges" >"$tmp/o" 2>"$tmp/e"
$RGRUN formats -q --format json data/samples >"$tmp/o2" 2>/dev/null
check "formats of an edge table equal the formats of its articles" cmp "$tmp/o" "$tmp/o2"
check "... and there are formats in it" grep -q '"AZE-GEO-TUR"' "$tmp/o"
$RGRUN formats -q "$tmp/s.edges" data/samples >/dev/null 2>"$tmp/e"
check "formats refuse tables mixed with articles (exit 1, a message)" \
	sh -c "test $? = 1 && grep -q 'give only edge tables, or only articles' '$tmp/e'"
