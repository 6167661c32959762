#!/usr/bin/env python3
"""dask_mapreduce.py - relgraph as a mapper and a reducer on a real Dask cluster.

Starts a local Dask distributed cluster (scheduler + worker processes, the
same scheduler a multi-machine cluster uses), splits a JSON Lines corpus
into shards, maps `relgraph extract --emit edges` over the shards on the
workers, reduces the partial edge tables with `relgraph merge` (a tree of
merges, FANIN tables at a time), and checks that the result is
byte-identical to `relgraph extract --emit edges` over the whole corpus
merged the same way.  Exit status 0 when equal, 1 when not.

usage: dask_mapreduce.py [--relgraph build/relgraph] [--shards 8]
                         [--workers 2] [--fanin 4] [--workdir DIR] CORPUS.jsonl
Needs python3-distributed (Debian).
"""
import argparse
import hashlib
import os
import subprocess
import sys
import tempfile
import time


def split(corpus, shards, workdir):
    """Cuts the corpus into `shards` files of whole lines, in order."""
    size = os.path.getsize(corpus)
    paths, target = [], size / shards
    with open(corpus, "rb") as f:
        out, written, k = None, 0, 0
        for line in f:
            if out is None or (written >= target * (k) and k < shards):
                if out:
                    out.close()
                p = os.path.join(workdir, f"shard-{k:04d}.jsonl")
                paths.append(p)
                out = open(p, "wb")
                k += 1
            out.write(line)
            written += len(line)
        if out:
            out.close()
    return paths


def run(cmd, out_path):
    """Runs cmd with stdout to out_path; raises with stderr on failure."""
    with open(out_path, "wb") as out:
        p = subprocess.run(cmd, stdout=out, stderr=subprocess.PIPE)
    if p.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)}: exit {p.returncode}: {p.stderr.decode()[-400:]}")
    return out_path


def mapper(relgraph, shard):
    """The map step: one shard's partial edge table."""
    return run([relgraph, "extract", "--emit", "edges", "-q", "--jobs", "1", shard],
               shard + ".edges.tsv")


def reducer(relgraph, tables, out_path):
    """The reduce step: sums partial edge tables into one."""
    return run([relgraph, "merge", "-q"] + list(tables), out_path)


def digest(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus")
    ap.add_argument("--relgraph", default="build/relgraph")
    ap.add_argument("--shards", type=int, default=8)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--fanin", type=int, default=4)
    ap.add_argument("--workdir")
    a = ap.parse_args()
    relgraph = os.path.abspath(a.relgraph)
    corpus = os.path.abspath(a.corpus)
    from dask.distributed import Client, LocalCluster

    with tempfile.TemporaryDirectory(dir=a.workdir) as wd:
        shards = split(corpus, a.shards, wd)
        cluster = LocalCluster(n_workers=a.workers, threads_per_worker=1,
                               processes=True, dashboard_address=None)
        client = Client(cluster)
        try:
            t0 = time.time()
            level = client.map(mapper, [relgraph] * len(shards), shards, pure=False)
            depth = 0
            while len(level) > 1:  # a tree of merges, FANIN tables each
                groups = [level[i:i + a.fanin] for i in range(0, len(level), a.fanin)]
                level = [client.submit(lambda rg, out, *ts: reducer(rg, ts, out),
                                       relgraph, os.path.join(wd, f"merge-{depth}-{j}.tsv"),
                                       *g, pure=False)
                         for j, g in enumerate(groups)]
                depth += 1
            result = level[0].result()
            t1 = time.time()
        finally:
            client.close()
            cluster.close()
        single = run([relgraph, "extract", "--emit", "edges", "-q", corpus],
                     os.path.join(wd, "single.tsv"))
        single = reducer(relgraph, [single], os.path.join(wd, "single-merged.tsv"))
        t2 = time.time()
        same = digest(result) == digest(single)
        print(f"dask: {len(shards)} shards on {a.workers} workers, {depth} merge levels: "
              f"{t1 - t0:.2f} s; single run {t2 - t1:.2f} s; "
              f"result {'equals' if same else 'DIFFERS FROM'} the single run")
        return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
