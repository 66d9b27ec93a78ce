#!/usr/bin/env python3
"""How well claimcheck draws an article out of a saved web page, measured on
Mozilla Readability's test pages (real pages, each with the article text and
metadata a reader view should find). The pages are never copied here:

    git clone https://github.com/mozilla/readability /tmp/readability
    python3 bench/readability.py /tmp/readability/test/test-pages [--show N]

For each page: the words (case folded, \\w+ tokens, as a bag) of the text
claimcheck extracts from source.html against the words of expected.html:
precision (how much of what we kept is article), recall (how much of the
article we kept), F1; the means over pages, and how many pages reach F1 0.9.
Metadata: title, site name (outlet), byline (author), published date,
each compared where the expected metadata has it.
"""
import collections, html.parser, json, os, re, subprocess, sys

class Text(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self.skip = [], 0
    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skip += 1
    def handle_endtag(self, tag):
        if tag in ("script", "style") and self.skip:
            self.skip -= 1
    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)

def words(text):
    return collections.Counter(w.casefold() for w in re.findall(r"\w+", text))

def norm(s):
    return " ".join(re.findall(r"\w+", (s or "").casefold()))

def main():
    root = sys.argv[1]
    show = int(sys.argv[sys.argv.index("--show") + 1]) if "--show" in sys.argv else 0
    binary = os.path.join(os.path.dirname(__file__), "..", "target", "release", "claimcheck")
    pages = sorted(d for d in os.listdir(root) if os.path.isfile(os.path.join(root, d, "source.html")))
    paths = [os.path.join(root, d, "source.html") for d in pages]
    out = subprocess.run([binary, "extract", "--format", "json", *paths], capture_output=True, text=True)
    report = json.loads(out.stdout)
    by_path = {a["path"]: a for a in report["articles"]}
    rows, meta = [], collections.defaultdict(lambda: [0, 0])
    for d, p in zip(pages, paths):
        expected = Text()
        expected.feed(open(os.path.join(root, d, "expected.html"), encoding="utf-8").read())
        want = words(" ".join(expected.parts))
        a = by_path.get(p)
        got = words(" ".join(s["text"] for s in a["sentences"])) if a else collections.Counter()
        common = sum((want & got).values())
        prec = common / max(1, sum(got.values()))
        rec = common / max(1, sum(want.values()))
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        rows.append((f1, prec, rec, d))
        try:
            m = json.load(open(os.path.join(root, d, "expected-metadata.json"), encoding="utf-8"))
        except FileNotFoundError:
            m = {}
        for key, ours in (("title", "title"), ("siteName", "outlet"), ("byline", "author")):
            if m.get(key):
                meta[key][1] += 1
                meta[key][0] += int(bool(a) and norm(a.get(ours)) == norm(m[key]))
        if m.get("publishedTime"):
            meta["publishedTime"][1] += 1
            meta["publishedTime"][0] += int(bool(a) and (a.get("date") or "") == m["publishedTime"][:10])
    n = len(rows)
    mean = lambda i: sum(r[i] for r in rows) / n
    print(f"{n} pages; failed inputs: {sum(1 for i in report['inputs'] if i['status'] == 'failed')}")
    print(f"words: precision {mean(1):.3f}  recall {mean(2):.3f}  F1 {mean(0):.3f}  (pages with F1 >= 0.9: {sum(1 for r in rows if r[0] >= 0.9)})")
    for key in ("title", "siteName", "byline", "publishedTime"):
        ok, total = meta[key]
        print(f"{key}: {ok}/{total} exact")
    for f1, p, r, d in sorted(rows)[:show]:
        print(f"  {d}: F1 {f1:.2f} (P {p:.2f} R {r:.2f})")

if __name__ == "__main__":
    main()
