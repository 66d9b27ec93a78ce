#!/usr/bin/env python3
"""Counts in how many documents of the English Web Treebank each word occurs:
the background that tells a common word from a story's own words.

Usage: build.py EWT_DIR > src/resolve/stories/ewt-df.tsv

EWT_DIR holds the Universal Dependencies English Web Treebank CoNLL-U files
(en_ewt-ud-{train,dev,test}.conllu). A document starts at each `# newdoc`
comment. Every word form, lowercased, that starts with a letter and holds
only letters, apostrophes and hyphens is counted once per document. The
first line is the number of documents; then one line per word seen in at
least two documents:

    word <TAB> documents

The table is data derived from UD English EWT, CC BY-SA 4.0 (see
LICENSE-DATA.md beside this file).
"""

import collections
import glob
import os
import re
import sys

WORD = re.compile(r"[^\W\d_][\w'’-]*")


def main(root):
    df = collections.Counter()
    docs = 0
    seen = set()
    for path in sorted(glob.glob(os.path.join(root, "en_ewt-ud-*.conllu"))):
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.startswith("# newdoc"):
                    if seen:
                        df.update(seen)
                        docs += 1
                    seen = set()
                elif line[:1].isdigit():
                    cols = line.split("\t")
                    if "-" in cols[0] or "." in cols[0]:
                        continue
                    w = cols[1].lower()
                    if WORD.fullmatch(w) and not re.search(r"\d|_", w):
                        seen.add(w)
    if seen:
        df.update(seen)
        docs += 1
    out = sys.stdout
    out.write(f"{docs}\n")
    for w, c in sorted(df.items()):
        if c >= 2:
            out.write(f"{w}\t{c}\n")


if __name__ == "__main__":
    main(sys.argv[1])
