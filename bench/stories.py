#!/usr/bin/env python3
"""Measures how claimcheck cuts article sets into stories.

    python3 bench/stories.py [--bin target/release/claimcheck] [--corpora ../shared/corpora]

- FNC-1 bodies (fnc1/articles): the gold stories are the bodies that
  journalists related to one headline (any label but `unrelated`), joined
  through shared headlines. Over every pair of bodies: precision = pairs
  claimcheck puts in one story that are one gold story / pairs it puts in
  one story; recall = gold pairs it puts in one story.
- fnc1-conflicts clusters: each cluster is one story; how many are read as
  one story when checked alone.
- news-bulk: how many stories a year of BBC news makes (no gold), and the
  largest.
Stories come from `claimcheck check --format json` (`stories`, and each
article's `story`).
"""
import argparse, collections, json, os, subprocess, sys

ap = argparse.ArgumentParser()
ap.add_argument("--bin", default="target/release/claimcheck")
ap.add_argument("--corpora", default="../shared/corpora")
args = ap.parse_args()


def stories(paths):
    p = subprocess.run([args.bin, "check", "--format", "json", "--fail-on", "never", *paths],
                       capture_output=True, text=True)
    doc = json.loads(p.stdout)
    return [(os.path.basename(a["path"]), a.get("story", 0)) for a in doc["articles"]], doc["summary"]


def root(parent, x):
    while parent[x] != x:
        parent[x] = parent[parent[x]]
        x = parent[x]
    return x


fnc = os.path.join(args.corpora, "fnc1")
if os.path.isdir(fnc):
    got, _ = stories([os.path.join(fnc, "articles")])
    index = {name: k for k, (name, _) in enumerate(got)}
    parent = list(range(len(got)))
    related = collections.defaultdict(list)
    for line in open(os.path.join(fnc, "gold.jsonl"), encoding="utf-8"):
        g = json.loads(line)
        if g["label"] != "unrelated" and g["article_b"] in index:
            related[g["headline_id"]].append(index[g["article_b"]])
    for bodies in related.values():
        for b in bodies[1:]:
            x, y = root(parent, bodies[0]), root(parent, b)
            if x != y:
                parent[max(x, y)] = min(x, y)
    gold = [root(parent, k) for k in range(len(got))]
    pred = [s for _, s in got]
    tp = fp = fn = 0
    for x in range(len(got)):
        for y in range(x + 1, len(got)):
            p, g = pred[x] == pred[y], gold[x] == gold[y]
            tp += p and g
            fp += p and not g
            fn += g and not p
    print(f"fnc1 bodies: {len(got)} articles, {len(set(pred))} stories (gold {len(set(gold))}); "
          f"pair precision {tp / max(tp + fp, 1):.3f}, recall {tp / max(tp + fn, 1):.3f}")

clusters = os.path.join(args.corpora, "fnc1-conflicts", "clusters")
if os.path.isdir(clusters):
    names = sorted(d for d in os.listdir(clusters) if os.path.isdir(os.path.join(clusters, d)))
    split = [c for c in names if not stories([os.path.join(clusters, c)])[1]["one_story"]]
    print(f"fnc1-conflicts: {len(names) - len(split)} of {len(names)} clusters read as one story"
          + (f" (split: {', '.join(split)})" if split else ""))

bulk = os.path.join(args.corpora, "news-bulk", "articles")
if os.path.isdir(bulk):
    got, summary = stories([bulk])
    sizes = collections.Counter(s for _, s in got)
    print(f"news-bulk: {len(got)} articles, {summary['stories']} stories, largest {max(sizes.values())}, "
          f"{sum(1 for v in sizes.values() if v == 1)} of one article; not one story: {summary['mixed']}")
