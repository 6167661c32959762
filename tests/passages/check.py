#!/usr/bin/env python3
"""Runs `relgraph extract` over the labelled passages and checks each one.

usage: check.py RELGRAPH [--verbose]

A passage passes when every id of "expect" is found, no id of "reject" is
found, and (when the passage lists "formats") exactly those formats are
found, and every "by_role" person is found (by the role rule or by name; a
passage lists them only where its date makes the holder certain), counted
again on a line of its own.  Prints one FAIL line per failing passage and a
summary last;
exits 1 when fewer passages pass than tests/passages/THRESHOLD demands.
"""
import json
import os
import subprocess
import sys
import tempfile

here = os.path.dirname(os.path.abspath(__file__))


def main(argv):
    rg = argv[1]
    verbose = "--verbose" in argv
    passages = [json.loads(l) for l in open(os.path.join(here, "passages.jsonl"), encoding="utf-8") if l.strip()]
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
        for p in passages:
            rec = {"id": p["id"], "text": p["text"]}
            if p.get("date"):
                rec["date"] = p["date"]
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
        path = f.name
    try:
        res = subprocess.run([rg, "extract", "--quiet", "--explain", path], capture_output=True, text=True)
    finally:
        os.unlink(path)
    if res.returncode != 0:
        print(res.stderr)
        print("relgraph extract failed")
        return 1
    out = {}
    for line in res.stdout.splitlines():
        o = json.loads(line)
        out[o["doc"]] = o
    passed = 0
    role_ok = role_n = 0
    for p in passages:
        o = out.get(p["id"], {"mentions": [], "formats": []})
        found = {m["actor"] for m in o["mentions"] if m.get("via") != "role"}
        by_role = {m["actor"] for m in o["mentions"] if m.get("via") == "role"}
        problems = []
        missed = sorted(set(p.get("expect", [])) - found)
        wrong = sorted(set(p.get("reject", [])) & (found | by_role))
        if missed:
            problems.append("missed " + ",".join(missed))
        if wrong:
            problems.append("wrongly found " + ",".join(wrong))
        if "formats" in p:
            want = {tuple(sorted(f)) for f in p["formats"]}
            got = {tuple(sorted(f["members"])) for f in o["formats"]}
            if want != got:
                problems.append("formats %s, want %s" % (sorted(got), sorted(want)))
        unresolved = []
        for r in p.get("by_role", []):
            role_n += 1
            role_ok += r in by_role or r in found
            if r not in by_role and r not in found:
                unresolved.append(r)
        if unresolved:
            problems.append("office holder not resolved " + ",".join(unresolved))
        if problems:
            print("FAIL %s (%s): %s | %s" % (p["id"], p.get("note", ""), "; ".join(problems), p["text"][:120]))
        else:
            passed += 1
            if verbose:
                print("ok %s" % p["id"])
    threshold = float(open(os.path.join(here, "THRESHOLD")).read().split()[0])
    print("by_role resolved: %d/%d" % (role_ok, role_n))
    print("%d/%d passages pass (threshold %.2f)" % (passed, len(passages), threshold))
    return 0 if passed >= threshold * len(passages) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
