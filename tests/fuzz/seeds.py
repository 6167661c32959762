#!/usr/bin/env python3
# tests/fuzz/seeds.py DATA OUT - writes the seed corpora the JSONL and
# dictionary fuzzers start from: DATA/samples as JSONL feeds (one, and all
# together, with the optional fields in various forms), and DATA/actors in
# chunks of 40 rows (short inputs keep the fuzzer fast).
import glob, json, os, sys

data, out = sys.argv[1], sys.argv[2]
samples = sorted(glob.glob(os.path.join(data, "samples", "*.txt")))
texts = [(os.path.basename(p)[:-4], open(p, encoding="utf-8").read()) for p in samples]
for i, (name, text) in enumerate(texts):
    rec = {"id": name, "text": text, "lang": name[:2]}
    if i % 2:
        rec["date"] = "2023-10-%02d" % (i + 1)
    if i % 3 == 0:
        rec["id"] = i
    with open(os.path.join(out, "jsonl", name + ".jsonl"), "w", encoding="utf-8") as f:
        f.write(json.dumps(rec, ensure_ascii=i % 2 == 0) + "\n")
with open(os.path.join(out, "jsonl", "all.jsonl"), "w", encoding="utf-8") as f:
    for name, text in texts[:4]:
        f.write(json.dumps({"id": name, "text": text[:600]}, ensure_ascii=False) + "\n")
for p in sorted(glob.glob(os.path.join(data, "actors", "*.tsv"))):
    rows = [l for l in open(p, encoding="utf-8") if l.strip() and not l.startswith("#")]
    base = os.path.basename(p)[:-4]
    for k in range(0, len(rows), 40):
        with open(os.path.join(out, "dict", "%s-%03d.tsv" % (base, k // 40)), "w",
                  encoding="utf-8") as f:
            f.writelines(rows[k:k + 40])
