#!/usr/bin/env python3
"""Counts the findings of `claimcheck check` per rule on real copy and draws
the random samples that README's precision table was hand-checked on.

    python3 bench/findings.py [--bin target/release/claimcheck] [--corpora ../shared/corpora]
                              [--sample RULE] [--n 20] [--seed 4242] [--set bulk|clusters]

Without --sample: the number of findings per rule on news-bulk (one check of
all 2,225 stories) and on the 25 fnc1-conflicts clusters (one check per
cluster). With --sample RULE: N findings of that rule drawn at random (the
same ones for the same seed and build), each with its message, the flagged
words in <<...>> with about 220 characters either side, the related places
and the notes: what a reviewer reads to judge each one right or wrong.
"""
import argparse, collections, json, os, random, subprocess

ap = argparse.ArgumentParser()
ap.add_argument("--bin", default="target/release/claimcheck")
ap.add_argument("--corpora", default="../shared/corpora")
ap.add_argument("--sample")
ap.add_argument("--n", type=int, default=20)
ap.add_argument("--seed", type=int, default=4242)
ap.add_argument("--set", default="bulk", choices=["bulk", "clusters"])
args = ap.parse_args()


def check(path):
    p = subprocess.run([args.bin, "check", path, "--format", "json", "--fail-on", "never"],
                       capture_output=True, text=True)
    return json.loads(p.stdout)["findings"]


def findings(which):
    if which == "bulk":
        return check(os.path.join(args.corpora, "news-bulk", "articles"))
    root = os.path.join(args.corpora, "fnc1-conflicts", "clusters")
    out = []
    for c in sorted(os.listdir(root)):
        if os.path.isdir(os.path.join(root, c)):
            out.extend(check(os.path.join(root, c)))
    return out


def context(loc, width=220):
    path = loc.get("path")
    if not path or "start" not in loc:
        return ""
    data = open(path, "rb").read()
    s, e = loc["start"], loc["end"]
    text = (data[max(0, s - width):s].decode("utf-8", "replace") + "<<"
            + data[s:e].decode("utf-8", "replace") + ">>"
            + data[e:e + width].decode("utf-8", "replace"))
    return " ".join(text.split())


if args.sample:
    fs = [f for f in findings(args.set) if f["rule"] == args.sample]
    random.Random(args.seed).shuffle(fs)
    for k, f in enumerate(fs[:args.n], 1):
        print(f"### {k} {f['message']} | {os.path.basename(f['location'].get('path', ''))}")
        print("   ", context(f["location"]))
        for r in f.get("related", [])[:3]:
            print("  R", os.path.basename(r.get("path", "")), context(r, 120))
        for note in f.get("notes", []):
            print("  N", note)
else:
    for which in ("bulk", "clusters"):
        counts = collections.Counter(f["rule"] for f in findings(which))
        name = "news-bulk" if which == "bulk" else "fnc1-conflicts clusters"
        print(f"{name}: " + ", ".join(f"{r} {n}" for r, n in sorted(counts.items())))
