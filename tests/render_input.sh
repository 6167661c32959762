# tests/render_input.sh - render from partial edge tables (the same diagram
# as from the articles), --label-lang native, a missing --style file, and
# the "wrote" line counting what was drawn.  Sourced by tests/e2e.sh after
# tests/graph.sh (whose $tmp/whole corpus and merged.edges it reuses).

# -- render reads edge tables like rank and graph ---------------------------
$RGRUN render -q -o "$tmp/whole.dot" "$tmp/whole"
$RGRUN render -q -o "$tmp/merged.dot" "$tmp/merged.edges"
check "render of the merged shard table gives the DOT of the whole corpus" \
	cmp "$tmp/whole.dot" "$tmp/merged.dot"
$RGRUN render -q --top 0 --weight assoc --backbone 0.5 -o "$tmp/whole2.dot" "$tmp/whole"
$RGRUN render -q --top 0 --weight assoc --backbone 0.5 -o "$tmp/merged2.dot" "$tmp/merged.edges"
check "render --weight assoc --backbone of the table equals that of the corpus" \
	cmp "$tmp/whole2.dot" "$tmp/merged2.dot"
$RGRUN render -q --focus AZE --depth 1 --min-weight 2 -o "$tmp/whole3.dot" "$tmp/whole"
$RGRUN render -q --focus AZE --depth 1 --min-weight 2 -o "$tmp/merged3.dot" "$tmp/merged.edges"
check "render --focus --min-weight of the table equals that of the corpus" \
	cmp "$tmp/whole3.dot" "$tmp/merged3.dot"
$RGRUN render -q -o "$tmp/tbl.html" "$tmp/merged.edges"
check "render -o x.html of an edge table: a page without evidence" \
	grep -q '"evidence_kept": *false' "$tmp/tbl.html"

# -- the "wrote" line counts the drawn actors and ties ----------------------
# strengths: AZE 4 (IRN 1, TUR 1, RUS 2), IRN 2, RUS 2, TUR 2; ties by id
printf 'Azerbaijan, Iran and Turkey held talks.\nAzerbaijan and Russia signed a deal.\nAzerbaijan and Russia met again.\n' >"$tmp/small.txt"
$RGRUN render --top 2 -o "$tmp/small2.dot" "$tmp/small.txt" 2>"$tmp/e"
check "render --top 2: 'wrote' counts AZE, IRN and their one tie" \
	grep -q "(2 actors, 1 links)" "$tmp/e"
check "render --top 2: the DOT has that one tie" test "$(grep -c -- ' -- ' "$tmp/small2.dot")" = 1
$RGRUN render --top 3 -o "$tmp/small3.dot" "$tmp/small.txt" 2>"$tmp/e"
check "render --top 3: AZE, IRN, RUS and two ties" grep -q "(3 actors, 2 links)" "$tmp/e"
$RGRUN render --top 0 -o "$tmp/small0.dot" "$tmp/small.txt" 2>"$tmp/e"
check "render --top 0: all 4 actors and 4 ties" grep -q "(4 actors, 4 links)" "$tmp/e"

# -- --label-lang native ----------------------------------------------------
printf 'Azerbaijan, Iran, Russia, Turkey, Qatar, Georgia and France met at the United Nations. Ilham Aliyev and Ilia Darchiashvili spoke.\n' >"$tmp/native.txt"
$RGRUN render -q --top 0 --label-lang native -o "$tmp/native.svg" "$tmp/native.txt"
$RGRUN extract --emit edges -q "$tmp/native.txt" >"$tmp/native.edges"
$RGRUN render -q --top 0 --label-lang native -o "$tmp/native2.svg" "$tmp/native.edges"
for f in native native2; do
	check "render --label-lang native ($f): each actor in its home language" python3 -c '
import sys, xml.etree.ElementTree as ET
ns = {"s": "http://www.w3.org/2000/svg"}
want = {"AZE": "Azərbaycan", "IRN": "ایران", "RUS": "Россия", "TUR": "Türkiye",
	"QAT": "قطر", "GEO": "Georgia", "FRA": "France", "un": "United Nations",
	"ilham-aliyev": "İlham Əliyev", "ilia-darchiashvili": "Ilia Darchiashvili"}
got = {}
for g in ET.parse(sys.argv[1]).getroot().iter("{http://www.w3.org/2000/svg}g"):
	if g.get("class") == "node" and (g.get("id") or "").startswith("n_"):
		got[g.get("id")[2:]] = "".join(t.text or "" for t in g.iter("{http://www.w3.org/2000/svg}text"))
bad = {k: (got.get(k), v) for k, v in want.items() if got.get(k) != v}
sys.exit("wrong labels: %r" % bad if bad else 0)
' "$tmp/$f.svg"
done
$RGRUN render -q --label-lang klingon -o "$tmp/x.svg" "$tmp/native.txt" 2>"$tmp/e"
check "render --label-lang klingon: exit 2" test $? = 2

# -- a style file that does not exist: a usage error naming it --------------
$RGRUN render -q --style "$tmp/no-such.style" -o "$tmp/x.svg" "$tmp/small.txt" 2>"$tmp/e"
check "render --style MISSING: exit 2" test $? = 2
check "render --style MISSING: the file is named" grep -q "no-such.style" "$tmp/e"
$RGRUN render -q --style nosuchstyle -o "$tmp/x.svg" "$tmp/small.txt" 2>"$tmp/e"
check "render --style NAME not in viz/: exit 2 naming viz/NAME.style" \
	sh -c "test $? = 2 && grep -q 'nosuchstyle.style' '$tmp/e'"
check "render --style MISSING: no diagram written" test ! -e "$tmp/x.svg"
