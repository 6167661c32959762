#!/usr/bin/env python3
"""Checks office resolution on tests/passages/offices.jsonl (our own writing).

usage: check_offices.py RELGRAPH

Each passage names people only by office ("the foreign minister of
Azerbaijan", plural lists too).  With its date, every person of "by_role"
must be reported with "via": "role" and nobody else by role; without a date
(the same text with the date removed), nobody may be reported by role and
every office must be listed as unresolved for want of a date.  Prints one
FAIL line per failing check and a summary; exits 1 on any failure.
"""
import json
import os
import subprocess
import sys
import tempfile

here = os.path.dirname(os.path.abspath(__file__))


def run(rg, records):
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
        path = f.name
    try:
        res = subprocess.run([rg, "extract", "--quiet", path], capture_output=True, text=True)
    finally:
        os.unlink(path)
    if res.returncode != 0:
        sys.exit("relgraph extract failed: " + res.stderr)
    return {o["doc"]: o for o in map(json.loads, res.stdout.splitlines())}


def main(argv):
    rg = argv[1]
    ps = [json.loads(l) for l in open(os.path.join(here, "offices.jsonl"), encoding="utf-8") if l.strip()]
    dated = run(rg, [{"id": p["id"], "text": p["text"], "date": p["date"], "lang": p["lang"]} for p in ps])
    undated = run(rg, [{"id": p["id"], "text": p["text"], "lang": p["lang"]} for p in ps])
    fails = 0
    langs = set()
    for p in ps:
        langs.add(p["lang"])
        got = sorted({m["actor"] for m in dated[p["id"]]["mentions"] if m["via"] == "role"})
        if got != sorted(p["by_role"]):
            fails += 1
            print("FAIL %s dated: by role %s, want %s | %s" % (p["id"], got, sorted(p["by_role"]), p["text"]))
        u = undated[p["id"]]
        by_role = [m["actor"] for m in u["mentions"] if m["via"] == "role"]
        reasons = {r["unresolved"] for r in u.get("roles", [])}
        if by_role or reasons != {"no date"}:
            fails += 1
            print("FAIL %s undated: by role %s, unresolved %s | %s" % (p["id"], by_role, sorted(map(str, reasons)), p["text"]))
    print("%d office passages in %d languages, %d checks failed" % (len(ps), len(langs), fails))
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
