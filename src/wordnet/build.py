#!/usr/bin/env python3
"""Reduces Open English WordNet to the verb table claimcheck embeds.

Usage: build.py OEWN_CHECKOUT > src/wordnet/verbs.tsv

OEWN_CHECKOUT is a checkout of https://github.com/globalwordnet/english-wordnet
(its src/yaml folder is read). For every single-word, lower-case verb the
table keeps the synsets of its two most frequent senses (the entries list
senses in frequency order) and the direct hypernyms of the first one, each
synset renumbered to a small integer. One line per verb:

    lemma <TAB> sense synsets (comma) <TAB> hypernym synsets (comma)

The table is data, not code: Open English WordNet, CC BY 4.0, derived from
Princeton WordNet (see LICENSE-DATA.md beside this file).
"""

import glob
import os
import sys

import yaml

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

SENSES = 2


def main(root):
    ydir = os.path.join(root, "src", "yaml")
    hypernyms = {}
    for path in sorted(glob.glob(os.path.join(ydir, "verb.*.yaml"))):
        with open(path, encoding="utf-8") as f:
            for sid, syn in (yaml.load(f, Loader=Loader) or {}).items():
                hypernyms[sid] = list(syn.get("hypernym", []))
    verbs = {}
    for path in sorted(glob.glob(os.path.join(ydir, "entries-*.yaml"))):
        with open(path, encoding="utf-8") as f:
            entries = yaml.load(f, Loader=Loader) or {}
        for lemma, by_pos in entries.items():
            lemma = str(lemma)
            if not lemma.isalpha() or lemma != lemma.lower():
                continue
            v = (by_pos or {}).get("v")
            if not v:
                continue
            senses = [s["synset"] for s in v.get("sense", []) if "synset" in s]
            if senses:
                verbs[lemma] = senses[:SENSES]
    ids = {}

    def num(sid):
        return ids.setdefault(sid, len(ids))

    out = sys.stdout
    for lemma in sorted(verbs):
        senses = verbs[lemma]
        hyper = hypernyms.get(senses[0], [])
        out.write(
            "%s\t%s\t%s\n"
            % (
                lemma,
                ",".join(str(num(s)) for s in senses),
                ",".join(str(num(h)) for h in hyper),
            )
        )


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
