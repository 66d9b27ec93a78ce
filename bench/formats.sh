#!/usr/bin/env bash
# Whole-process cost of the richer input formats, on real copy: every
# news-bulk story (../shared/corpora/news-bulk) written as a plain-text file,
# a saved web page (paragraphs in <p>, entities, a <nav>, a script, a
# related-links box and a footer around them), a Markdown file with front
# matter and an RSS feed of all of them, then `extract --format jsonl` on
# one core over each set.
#
#   [REPEAT=5] bench/formats.sh
#
# Paired rounds (txt html md rss, txt html md rss, ...); a figure is the
# median of $REPEAT rounds with the min-max range. The pages are built here
# from the corpus on each run and never kept.
set -euo pipefail
cd "$(dirname "$0")/.."
repeat=${REPEAT:-5}
corpus=../shared/corpora/news-bulk/articles
[ -d "$corpus" ] || { echo "bench/formats.sh: no $corpus" >&2; exit 1; }
cargo build --release --locked --quiet
bin=$PWD/target/release/claimcheck
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$corpus" "$work" <<'PY'
import html, os, sys
corpus, work = sys.argv[1], sys.argv[2]
for d in ("txt", "html", "md", "rss"):
    os.makedirs(os.path.join(work, d))
items = []
for name in sorted(os.listdir(corpus)):
    text = open(os.path.join(corpus, name), encoding="utf-8").read()
    paras = [p.strip() for p in text.split("\n\n") if p.strip()]
    if not paras:
        continue
    stem = os.path.splitext(name)[0]
    body = "\n\n".join(paras)
    open(os.path.join(work, "txt", stem + ".txt"), "w").write(body + "\n")
    ps = "".join("<p>%s</p>\n" % html.escape(p, quote=False).replace("\u201c", "&ldquo;").replace("\u201d", "&rdquo;") for p in paras)
    page = ("<!DOCTYPE html><html><head><title>%s</title><script>var a = {\"k\": \"\u201c\"};</script>"
            "<meta property=\"og:site_name\" content=\"BBC\"></head><body><nav><a href=\"/\">Home</a></nav>"
            "<main><article><h1>%s</h1>%s<div class=\"related\"><a href=\"/x\">Related story</a></div></article></main>"
            "<footer>Footer</footer></body></html>\n") % (html.escape(paras[0]), html.escape(paras[0]), ps)
    open(os.path.join(work, "html", stem + ".html"), "w").write(page)
    open(os.path.join(work, "md", stem + ".md"), "w").write("---\ntitle: '%s'\nsource: BBC\n---\n%s\n" % (paras[0].replace("'", "''"), body))
    items.append((stem, ps))
with open(os.path.join(work, "rss", "feed.xml"), "w") as f:
    f.write("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>BBC</title>\n")
    for stem, ps in items:
        f.write("<item><guid>%s</guid><description><![CDATA[%s]]></description></item>\n" % (stem, ps))
    f.write("</channel></rss>\n")
PY
one_core=(env RAYON_NUM_THREADS=1)
command -v taskset > /dev/null && one_core=(taskset -c 0 env RAYON_NUM_THREADS=1)
cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')
echo "machine: $(nproc) cores, ${cpu:-unknown CPU}; $(date -u +%F); REPEAT=$repeat"
for r in $(seq "$repeat"); do
  for d in txt html md rss; do
    t0=$(date +%s%N)
    "${one_core[@]}" "$bin" extract "$work/$d" --format jsonl > "$work/out.$d" 2> "$work/err.$d" || { cat "$work/err.$d" >&2; exit 1; }
    t1=$(date +%s%N)
    echo "$(( (t1 - t0) / 1000000 ))" >> "$work/t.$d"
  done
done
for d in txt html md rss; do
  bytes=$(du -sb "$work/$d" | cut -f1)
  statements=$(grep -c '"kind"' "$work/out.$d" || true)
  sort -n "$work/t.$d" | awk -v d="$d" -v b="$bytes" -v s="$statements" '
    { t[NR] = $1 } END { m = t[int((NR + 1) / 2)];
      printf "%-5s %6.1f MB  median %5d ms (%d-%d)  %5.1f MB/s  %d statements\n", d, b / 1e6, m, t[1], t[NR], b / 1e6 / (m / 1000), s }'
done
