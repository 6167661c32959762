# tests/hostile.sh - hostile and broken input (issue 8), sourced by
# tests/e2e.sh: odd bytes (BOM, CR line ends, bidi and zero-width
# characters, overlong and surrogate encodings), huge repetition, thousands
# of actors in one sentence, broken JSONL and dictionaries, output escaping
# in every format, and the replay of past fuzzer findings.  Expected offsets
# and counts are worked out by hand in the comments.  Small inputs run under
# $RGRUN (valgrind in `make valgrind`); the large ones under plain $RG.

# mentions FILE: "ACTOR para sent start end" per mention of extract's output
mentions() {
	python3 -c '
import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    for m in json.loads(line)["mentions"]:
        print(m["actor"], m["para"], m["sent"], m["start"], m["end"])
' "$1"
}
# has_mention FILE "ACTOR para sent start end"
has_mention() { mentions "$1" | grep -qx "$2"; }
# surfaces_exact OUT INPUT: every surface is the input's bytes at [start, end)
surfaces_exact() {
	python3 -c '
import json, sys
raw = open(sys.argv[2], "rb").read()
for line in open(sys.argv[1], encoding="utf-8"):
    for m in json.loads(line)["mentions"]:
        assert raw[m["start"]:m["end"]].decode("utf-8") == m["surface"], m
' "$1" "$2"
}

h=$tmp/hostile
mkdir -p "$h"

# -- bytes ------------------------------------------------------------------
# A BOM is 3 bytes (EF BB BF): Azerbaijan spans 3..13, Iran 18..22.
printf '\357\273\277Azerbaijan and Iran signed.\n' >"$h/bom.txt"
$RGRUN extract "$h/bom.txt" >"$h/o" 2>"$h/e"
check "BOM: names after it found at offsets counting its 3 bytes" \
	test "$(mentions "$h/o" | tr '\n' ';')" = "AZE 1 1 3 13;IRN 1 1 18 22;"
check "BOM: no invalid-UTF-8 warning" sh -c "! grep -q invalid '$h/e'"

# "Azerbaijan and Iran signed." is 27 bytes; CRLF adds 2, CR alone 1.
printf 'Azerbaijan and Iran signed.\r\nRussia and Turkey met.\r\n' >"$h/crlf.txt"
$RGRUN extract "$h/crlf.txt" >"$h/o" 2>/dev/null
check "CRLF: two paragraphs, Russia at byte 29 in paragraph 2" \
	has_mention "$h/o" "RUS 2 2 29 35"
check "CRLF: surfaces are the exact input bytes" surfaces_exact "$h/o" "$h/crlf.txt"
printf 'Azerbaijan and Iran signed.\rRussia and Turkey met.\r' >"$h/cr.txt"
$RGRUN extract "$h/cr.txt" >"$h/o" 2>/dev/null
check "CR line ends: two paragraphs, Turkey at byte 39 in paragraph 2" \
	has_mention "$h/o" "TUR 2 2 39 45"

# ZWSP/ZWNJ/ZWJ (3 bytes each) inside names: the name still matches and the
# span covers it: Azer+ZWSP+baijan = 0..13, I+ZWNJ+ran = 18..25.
printf 'Azer\342\200\213baijan and I\342\200\214ran and Rus\342\200\215sia.\n' >"$h/zw.txt"
$RGRUN extract "$h/zw.txt" >"$h/o" 2>/dev/null
check "zero-width characters inside names: all three still match" \
	test "$(mentions "$h/o" | tr '\n' ';')" = "AZE 1 1 0 13;IRN 1 1 18 25;RUS 1 1 30 39;"
# RLO Azerbaijan PDF " and " RLM Iran LRM: 3+10+3+5+3 = Iran at 24.
printf '\342\200\256Azerbaijan\342\200\254 and \342\200\217Iran\342\200\216 met.\n' >"$h/bidi.txt"
$RGRUN extract "$h/bidi.txt" >"$h/o" 2>/dev/null
check "bidi controls around names: both match, outside the controls" \
	test "$(mentions "$h/o" | tr '\n' ';')" = "AZE 1 1 3 13;IRN 1 1 24 28;"

# Overlong "/" as C0 AF (2 ill-formed bytes) and E0 80 AF (E0 needs A0..BF
# next: 3 more): 5 sequences, the first at byte 11.
printf 'Azerbaijan \300\257 and Iran \340\200\257 met.\n' >"$h/overlong.txt"
$RGRUN extract "$h/overlong.txt" >"$h/o" 2>"$h/e"
check "overlong encodings: reported as 5 invalid sequences from byte 11" \
	grep -q "overlong.txt: byte 11: invalid UTF-8 (5 ill-formed" "$h/e"
check "overlong encodings: the names around them still match" \
	test "$(mentions "$h/o" | cut -d' ' -f1 | tr '\n' ' ')" = "AZE IRN "
# CESU-8 surrogates: ED A0 80 (lone high), ED A0 BD + ED B8 80 (a pair):
# ED allows only 80..9F next, so each byte is one bad sequence: 9.
printf 'Azerbaijan \355\240\200 and Iran \355\240\275\355\270\200 met.\n' >"$h/cesu.txt"
$RGRUN extract "$h/cesu.txt" >"$h/o" 2>"$h/e"
check "lone and paired surrogates (CESU-8): 9 invalid sequences from byte 11" \
	grep -q "cesu.txt: byte 11: invalid UTF-8 (9 ill-formed" "$h/e"
check "surrogates: Iran after them at byte 19" has_mention "$h/o" "IRN 1 1 19 23"
# A lone surrogate escaped in JSON is not text: jansson refuses the line.
printf '{"id":"s","text":"Iran \\ud800 and Russia"}\n{"id":"t","text":"Qatar."}\n' >"$h/sur.jsonl"
$RGRUN extract "$h/sur.jsonl" >"$h/o" 2>"$h/e"
check "JSON lone surrogate escape: line 1 reported invalid, line 2 read" \
	sh -c "grep -q 'sur.jsonl:1: invalid JSON' '$h/e' && grep -q '\"QAT\"' '$h/o'"

# -- volume ----------------------------------------------------------------
# One actor 10^6 times then Russia once, in one sentence: 10^6 + 1
# mentions, one Iran-Russia window (weight 1).
python3 -c '
import sys
sys.stdout.write("Iran " * 1000000 + "and Russia met.\n")' >"$h/repeat.txt"
$RG rank --top 0 --format tsv "$h/repeat.txt" >"$h/o" 2>"$h/e"
check "one name 10^6 times: Iran and Russia linked once (degree 1, strength 1)" \
	test "$(awk -F'\t' 'NR > 1 { print $2, $5, $6 }' "$h/o" | sort | tr '\n' ';')" = "IRN 1 1;RUS 1 1;"
$RG extract "$h/repeat.txt" 2>/dev/null | python3 -c '
import json, sys
m = json.loads(sys.stdin.readline())["mentions"]
assert len(m) == 1000001, len(m)
assert sum(x["actor"] == "IRN" for x in m) == 1000000
' && r=0 || r=1
report $r "one name 10^6 times: extract lists all 1000001 mentions"

# 5,000 distinct actors named in one sentence: without a cap, 12.5 million
# pairs.  The default cap pairs the first 64: each has degree 63, and
# 64*63/2 = 2016 links; --max-window-actors 100 gives degree 99.
python3 -c '
import itertools, string, sys
names = ["Zq" + "".join(t) + "land" for t in itertools.product(string.ascii_lowercase, repeat=3)][:5000]
with open(sys.argv[1], "w") as f:
    for i, n in enumerate(names):
        f.write("X%04d\tcountry\ten\tname\t%s\n" % (i, n))
with open(sys.argv[2], "w") as f:
    f.write("Delegates of " + ", ".join(names) + " met.\n")
' "$h/many.tsv" "$h/many.txt"
$RG rank --actors "$h/many.tsv" --top 0 --format tsv --by degree "$h/many.txt" >"$h/o" 2>"$h/e"
check "5000 actors in a sentence: one warning naming the cap" \
	test "$(grep -c 'more than 64 distinct actors' "$h/e")" = 1
check "5000 actors: the first 64 are paired (degree 63), the rest are not" python3 -c '
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1]), delimiter="\t"))
deg = {r["id"]: int(r["degree"]) for r in rows}
assert len(deg) == 5000, len(deg)
assert all(deg["X%04d" % i] == 63 for i in range(64)), [deg["X%04d" % i] for i in range(3)]
assert all(deg["X%04d" % i] == 0 for i in range(64, 5000))
' "$h/o"
$RG rank --actors "$h/many.tsv" --max-window-actors 100 --top 1 --format tsv --by degree \
	"$h/many.txt" >"$h/o" 2>/dev/null
check "--max-window-actors 100: degree 99" test "$(sed -n 2p "$h/o" | cut -f5)" = 99
$RG rank --max-window-actors x data/samples >/dev/null 2>&1
check "--max-window-actors x: usage error" test $? = 2

# -- broken JSONL ------------------------------------------------------------
# line 1 good; 2 text is a number; 3 id an object (warned, file:line id);
# 4 duplicate id "a"; 5 no text; 6 date a number (warned); 7 unknown lang;
# 8 truncated (no closing brace, no newline).
printf '%s\n' '{"id":"a","text":"Qatar and Azerbaijan."}' \
	'{"id":"b","text":42}' \
	'{"id":{"x":1},"text":"Iran welcomed Russia."}' \
	'{"id":"a","text":"Turkey and Georgia."}' \
	'{"id":"c","date":"2024-01-02"}' \
	'{"id":"d","text":"Armenia.","date":20240102}' \
	'{"id":"e","text":"Oman.","lang":"xx"}' >"$h/feed.jsonl"
printf '{"id":"f","text":"Jordan and Qa' >>"$h/feed.jsonl"
$RGRUN extract "$h/feed.jsonl" >"$h/o" 2>"$h/e"
check "broken JSONL: exit 1 (some lines failed)" test $? = 1
check "broken JSONL: text of the wrong type reported on line 2" \
	grep -q 'feed.jsonl:2: "text" is not a string' "$h/e"
check "broken JSONL: an id of the wrong type warned on line 3" grep -q 'feed.jsonl:3: "id"' "$h/e"
check "broken JSONL: duplicate id on line 4 names line 1" \
	grep -q "feed.jsonl:4: duplicate id 'a' (first on line 1)" "$h/e"
check "broken JSONL: missing text reported on line 5" grep -q 'feed.jsonl:5: no "text"' "$h/e"
check "broken JSONL: a date of the wrong type warned on line 6" grep -q 'feed.jsonl:6: "date"' "$h/e"
check "broken JSONL: an unknown language warned on line 7" grep -q "feed.jsonl:7: unknown \"lang\" 'xx'" "$h/e"
check "broken JSONL: the truncated last line reported on line 8" grep -q 'feed.jsonl:8: invalid JSON' "$h/e"
check "broken JSONL: the 5 usable lines are processed (1, 3, 4, 6, 7)" \
	test "$(grep -c '"doc"' "$h/o")" = 5
check "broken JSONL: the summary accounts for all 8 lines" \
	grep -q "5 documents processed, 3 skipped (invalid JSON 3)" "$h/e"

# -- broken dictionaries -----------------------------------------------------
# 1 good; 2 the same id with another type; 3 another actor with the same
# name (the first wins); 4 unknown language; 5 four columns; 6 six columns;
# 7 a bad id; 8 unknown type; 9 unknown kind; 10 no letters.
printf 'zq-one\tcountry\ten\tname\tZorbania\nzq-one\tperson\ten\tname\tZorbania Person\nzq-two\tcountry\ten\tname\tZorbania\nzq-three\tcountry\txx\tname\tQuuxland\nzq-four\tcountry\ten\tname\nzq-five\tcountry\ten\tname\tFivia\textra\nzq six\tcountry\ten\tname\tSixia\nzq-seven\tbanana\ten\tname\tSevia\nzq-eight\tcountry\ten\tnickname\tEightia\nzq-nine\tcountry\ten\tname\t!!!\n' >"$h/dict.tsv"
printf 'Zorbania met Quuxland, Fivia, Sixia, Sevia and Eightia.\n' >"$h/z.txt"
$RGRUN extract --actors "$h/dict.tsv" "$h/z.txt" >"$h/o" 2>"$h/e"
check "broken dictionary: the run continues, exit 0" test $? = 0
for l in 2 4 5 6 7 8 9 10; do
	check "broken dictionary: row $l reported with file and line" grep -q "dict.tsv:$l: " "$h/e"
done
check "broken dictionary: a duplicate id of another type is named" \
	grep -q "dict.tsv:2: actor 'zq-one' is a country, not a person" "$h/e"
check "broken dictionary: only the good row's actor is found" \
	test "$(mentions "$h/o" | cut -d' ' -f1 | tr '\n' ' ')" = "zq-one "
$RGRUN extract --actors "$h/no-such.tsv" "$h/z.txt" >"$h/o" 2>"$h/e"
check "unreadable dictionary: stops before any work (non-zero, no output)" \
	sh -c "test $? != 0 && test ! -s '$h/o' && grep -q 'no-such.tsv' '$h/e'"

# -- output safety -----------------------------------------------------------
# An actor whose display name holds < " & and a right-to-left override, in
# an article full of quotes, tabs, <script>, & and bidi overrides: every
# format must parse back with the same strings.
printf 'zq-evil\tcountry\ten\tname\tZq <script>"Evil" & \342\200\256Co\342\200\254\nzq-evil\tcountry\ten\talias\tZqevilland\nzq-good\tcountry\ten\tname\tQuokkaland\n' >"$h/evil.tsv"
printf 'Quokkaland said "yes"\tto Zqevilland & <script>alert(1)</script> \342\200\256gnol\342\200\254.\nThen Quokkaland and Zqevilland\tagain.\n' >"$h/evil.txt"
E="--actors $h/evil.tsv"
$RGRUN extract $E "$h/evil.txt" >"$h/x.jsonl" 2>/dev/null
$RGRUN extract $E -f tsv "$h/evil.txt" >"$h/x.tsv" 2>/dev/null
for f in table tsv csv json; do $RGRUN rank $E -f $f "$h/evil.txt" >"$h/r.$f" 2>/dev/null; done
$RGRUN explain $E zq-evil zq-good "$h/evil.txt" >"$h/ex.txt" 2>/dev/null
$RGRUN explain $E -f json zq-evil zq-good "$h/evil.txt" >"$h/ex.json" 2>/dev/null
$RGRUN render $E -o "$h/g.svg" "$h/evil.txt" >/dev/null 2>&1
$RGRUN render $E -o "$h/g.dot" "$h/evil.txt" >/dev/null 2>&1
check "output safety: every format parses back with the hostile strings intact (shown as <U+XXXX> in the table and text formats)" python3 - "$h" <<'PY'
import csv, json, sys, xml.dom.minidom
h = sys.argv[1]
name = 'Zq <script>"Evil" & \u202eCo\u202c'
ev = 'Quokkaland said "yes"\tto Zqevilland & <script>alert(1)</script> \u202egnol\u202c.'
x = [json.loads(l) for l in open(h + "/x.jsonl", encoding="utf-8")]
assert [m["name"] for m in x[0]["mentions"]].count(name) == 2, x
rows = list(csv.reader(open(h + "/x.tsv", encoding="utf-8"), delimiter="\t", quoting=csv.QUOTE_NONE))
assert all(len(r) == len(rows[0]) for r in rows) and len(rows) == 5, rows
assert [r[rows[0].index("name")] for r in rows[1:]].count(name) == 2, rows
rows = list(csv.reader(open(h + "/r.tsv", encoding="utf-8"), delimiter="\t", quoting=csv.QUOTE_NONE))
assert all(len(r) == len(rows[0]) for r in rows) and rows[1][rows[0].index("name")] in (name, "Quokkaland"), rows
rows = list(csv.reader(open(h + "/r.csv", encoding="utf-8")))
assert all(len(r) == len(rows[0]) for r in rows) and name in [r[rows[0].index("name")] for r in rows], rows
def strings(o):
    if isinstance(o, str):
        yield o
    elif isinstance(o, dict):
        for v in o.values():
            yield from strings(v)
    elif isinstance(o, list):
        for v in o:
            yield from strings(v)
r = json.load(open(h + "/r.json", encoding="utf-8"))
assert name in strings(r) and r["inputs"]["processed"] == 1, r
# the table and text formats go to terminals: controls and bidi overrides
# are shown as <U+XXXX>, never sent raw (they would act past their cell)
shown = lambda s: s.replace("\u202e", "<U+202E>").replace("\u202c", "<U+202C>").replace("\t", "<U+0009>")
table = open(h + "/r.table", encoding="utf-8").read()
assert shown(name) in table and "\u202e" not in table, table
e = json.load(open(h + "/ex.json", encoding="utf-8"))
assert [p["text"] for p in e][0] == ev, e
ex = open(h + "/ex.txt", encoding="utf-8").read()
assert shown(ev) in ex and shown(name) in ex and "\u202e" not in ex and "\t" not in ex, ex
d = xml.dom.minidom.parse(h + "/g.svg")
texts = "".join(t.firstChild.data for t in d.getElementsByTagName("text") if t.firstChild)
titles = "".join(t.firstChild.data for t in d.getElementsByTagName("title") if t.firstChild)
assert name in texts or name in titles, (texts, titles)
PY
check "output safety: the DOT file is valid for Graphviz" dot -Tsvg -o "$h/redraw.svg" "$h/g.dot"
check "output safety: the redrawn DOT keeps the label" python3 -c '
import sys, xml.dom.minidom
d = xml.dom.minidom.parse(sys.argv[1])
t = "".join(x.firstChild.data for x in d.getElementsByTagName("text") if x.firstChild)
assert "Zq <script>\"Evil\" & \u202eCo\u202c" in t, t' "$h/redraw.svg"

# -- past fuzzer findings (tests/fuzz/regress/TARGET/*) ----------------------
for f in tests/fuzz/regress/extract/* tests/fuzz/regress/jsonl/*; do
	[ -f "$f" ] || continue
	case $f in */jsonl/*) in=--input=jsonl ;; *) in=--input=text ;; esac
	$RGRUN extract $in "$f" >/dev/null 2>&1
	check "fuzz finding $(basename "$f") no longer crashes" test $? -lt 2
done
for f in tests/fuzz/regress/dict/*; do
	[ -f "$f" ] || continue
	$RGRUN extract --actors "$f" "$h/z.txt" >/dev/null 2>&1
	check "fuzz finding $(basename "$f") (dictionary) no longer crashes" test $? -lt 3
done
