#!/usr/bin/env python3
"""gen_corpus.py - builds the reproducible multilingual benchmark corpus.

Reads the sample articles (data/samples/*.txt, language from the file name)
and the dictionaries (data/actors/*.tsv), turns every paragraph of the
samples into a template by cutting out the actor names it contains, and
writes JSON Lines documents {"id","text"} made of shuffled paragraphs of one
language (sometimes a quoted paragraph of another) whose slots are filled
with other names of the same type and language, drawn with a Zipf-like bias
so the graph has hubs and a long tail.  The same --seed gives the same bytes.

usage: gen_corpus.py [--data DIR] [--seed N] [--mb SIZE] [-o FILE]
"""
import argparse
import json
import os
import random
import re
import sys

LANGS = ("en", "fa", "ar", "az", "ru", "tr")
TYPES = ("country", "person", "org")
KINDS = ("name", "alias")

DATE_FORMS = {
    "en": lambda d, m, y: f"{d} {EN_MONTHS[m]} {y}",
    "ru": lambda d, m, y: f"{d} {RU_MONTHS[m]} {y} года",
    "tr": lambda d, m, y: f"{d} {TR_MONTHS[m]} {y}",
    "az": lambda d, m, y: f"{d} {AZ_MONTHS[m]} {y}",
}
EN_MONTHS = ["", "January", "February", "March", "April", "May", "June", "July",
             "August", "September", "October", "November", "December"]
RU_MONTHS = ["", "января", "февраля", "марта", "апреля", "мая", "июня", "июля",
             "августа", "сентября", "октября", "ноября", "декабря"]
TR_MONTHS = ["", "Ocak", "Şubat", "Mart", "Nisan", "Mayıs", "Haziran", "Temmuz",
             "Ağustos", "Eylül", "Ekim", "Kasım", "Aralık"]
AZ_MONTHS = ["", "yanvar", "fevral", "mart", "aprel", "may", "iyun", "iyul",
             "avqust", "sentyabr", "oktyabr", "noyabr", "dekabr"]


def load_names(data):
    """names[lang][type] -> list of surface forms (name and alias rows)."""
    names = {l: {t: [] for t in TYPES} for l in LANGS}
    adir = os.path.join(data, "actors")
    for fn in sorted(os.listdir(adir)):
        if not fn.endswith(".tsv"):
            continue
        with open(os.path.join(adir, fn), encoding="utf-8") as f:
            for line in f:
                row = line.rstrip("\n").split("\t")
                if line.startswith("#") or len(row) < 5:
                    continue
                _id, typ, lang, kind, text = row[:5]
                if typ in TYPES and lang in LANGS and kind in KINDS and len(text) > 2:
                    names[lang][typ].append(text)
    for l in LANGS:
        for t in TYPES:
            names[l][t] = sorted(set(names[l][t]))
    return names


def load_templates(data, names):
    """templates[lang] -> list of (pieces, slot types) from the samples."""
    templates = {l: [] for l in LANGS}
    sdir = os.path.join(data, "samples")
    for fn in sorted(os.listdir(sdir)):
        lang = fn[:2]
        if lang not in LANGS or not fn.endswith(".txt"):
            continue
        forms = sorted(((n, t) for t in TYPES for n in names[lang][t]),
                       key=lambda x: -len(x[0]))
        typ_of = dict(forms)
        rx = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n, _ in forms)
                        + r")(?!\w)") if forms else None
        with open(os.path.join(sdir, fn), encoding="utf-8") as f:
            paras = [p.strip() for p in f.read().split("\n") if p.strip()]
        for p in paras[2:]:  # skip the headline and dateline
            pieces, slots, at = [], [], 0
            for m in rx.finditer(p) if rx else ():
                pieces.append(p[at:m.start()])
                slots.append(typ_of[m.group(0)])
                at = m.end()
            pieces.append(p[at:])
            templates[lang].append((pieces, slots))
    return templates


class Gen:
    def __init__(self, names, templates, seed):
        self.rng = random.Random(seed)
        self.names = names
        self.templates = templates
        self.langs = [l for l in LANGS if templates[l]]
        # Zipf-like weights: the k-th name of a shuffled list weighs 1/(k+1)
        self.weights = {}
        for l in LANGS:
            for t in TYPES:
                lst = list(names[l][t])
                random.Random(f"{seed}/{l}/{t}").shuffle(lst)
                names[l][t] = lst
                self.weights[(l, t)] = [1.0 / (k + 1) for k in range(len(lst))]

    def name(self, lang, typ):
        lst = self.names[lang][typ] or self.names["en"][typ]
        w = self.weights[(lang, typ)] if self.names[lang][typ] else self.weights[("en", typ)]
        return self.rng.choices(lst, weights=w)[0]

    def para(self, lang):
        pieces, slots = self.rng.choice(self.templates[lang])
        out = [pieces[0]]
        for i, t in enumerate(slots):
            out.append(self.name(lang, t))
            out.append(pieces[i + 1])
        return "".join(out)

    def doc(self, i):
        rng = self.rng
        lang = rng.choice(self.langs)
        n = rng.randint(3, 12)
        paras = [self.para(lang) for _ in range(n)]
        if rng.random() < 0.08:  # a quoted passage in another language
            paras.insert(rng.randint(0, n), self.para(rng.choice(self.langs)))
        y, m, d = rng.randint(2015, 2025), rng.randint(1, 12), rng.randint(1, 28)
        head = self.para(lang).split(". ")[0]
        lines = [head]
        if lang in DATE_FORMS:
            lines.append(f"{self.name(lang, 'country')}, {DATE_FORMS[lang](d, m, y)}")
        text = "\n".join(lines) + "\n\n" + "\n\n".join(paras) + "\n"
        obj = {"id": f"bench-{i:07d}-{lang}", "text": text}
        if lang not in DATE_FORMS:
            obj["date"] = f"{y:04d}-{m:02d}-{d:02d}"
        return obj


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument("--data", default=os.path.join(here, "..", "data"))
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--mb", type=float, default=200.0, help="size in MB (10^6 bytes)")
    ap.add_argument("-o", "--output", default="-")
    a = ap.parse_args()
    names = load_names(a.data)
    templates = load_templates(a.data, names)
    g = Gen(names, templates, a.seed)
    out = sys.stdout.buffer if a.output == "-" else open(a.output + ".tmp", "wb")
    target, size, i = int(a.mb * 1e6), 0, 0
    while size < target:
        line = (json.dumps(g.doc(i), ensure_ascii=False) + "\n").encode("utf-8")
        out.write(line)
        size += len(line)
        i += 1
    if a.output != "-":
        out.close()
        os.replace(a.output + ".tmp", a.output)
    print(f"gen_corpus: {i} documents, {size} bytes, seed {a.seed}", file=sys.stderr)


if __name__ == "__main__":
    main()
