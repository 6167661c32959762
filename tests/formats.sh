# tests/formats.sh - end-to-end checks of `relgraph formats` and
# `relgraph render --formats`, sourced by tests/e2e.sh (report, check, $RGRUN,
# $tmp and $SHARED come from there).  The exact numbers are checked by
# tests/cli/formats_*.expected and tests/unit/test_formatstats.c.

$RGRUN formats --format json data/samples >"$tmp/fm.json" 2>/dev/null
check "formats --format json: the samples' formats, hub and overlap" python3 -c '
import json, sys
o = json.load(open(sys.argv[1], encoding="utf-8"))
keys = {f["format"] for f in o["formats"]}
for k in ("AZE-GEO-TUR", "AZE-PAK-TUR", "AZE-TKM-TUR", "AZE-IRN-KAZ-RUS-TKM",
          "ARM-AZE-GEO-IRN-RUS-TUR", "IRN-RUS-TUR"):
    assert k in keys, (k, keys)
for f in o["formats"]:
    assert f["kind"] == {3: "trilateral", 4: "quadrilateral"}.get(len(f["members"]), "multilateral")
    assert f["mentions"] == sum(f["rules"].values()) and f["docs"] <= f["mentions"]
    assert (f["weights"]["intensity"] is None) == (len(f["members"]) != 3)
assert o["hub"] == "AZE", o["hub"]
assert all(0 < p["jaccard"] <= 1 for p in o["overlap"])
' "$tmp/fm.json"
$RGRUN formats --format md data/samples >"$tmp/fm.md" 2>/dev/null
check "formats --format md is a Markdown table" grep -q '^| F1 | ' "$tmp/fm.md"
$RGRUN formats --compare AZE-TUR-IRN AZE-GEO-TUR data/samples >"$tmp/fm.txt" 2>/dev/null
check "formats --compare: two columns and activity per quarter" \
	sh -c "grep -q '^format  *AZE-IRN-TUR  *AZE-GEO-TUR' '$tmp/fm.txt' && grep -q '^2024-Q2 ' '$tmp/fm.txt'"
$RGRUN render --formats -o "$tmp/fm.svg" data/samples 2>/dev/null
check "render --formats writes the format-country diagram" \
	sh -c "grep -q '<svg' '$tmp/fm.svg' && grep -q 'format:AZE&#45;PAK&#45;TUR' '$tmp/fm.svg' && grep -q 'country:PAK' '$tmp/fm.svg'"
if [ -d "$SHARED/seeds" ]; then
	$RGRUN formats --format tsv "$SHARED/seeds" >"$tmp/fm.tsv" 2>/dev/null
	check "formats on the seeds: five trilaterals and the Caspian five" sh -c "
		test \$(sed -n '2,/^\$/p' '$tmp/fm.tsv' | grep -c '	trilateral	') = 5 &&
		grep -q '	AZE-IRN-KAZ-RUS-TKM	multilateral	caspian-five	' '$tmp/fm.tsv'"
fi
