#!/usr/bin/env bash
# Whole-process extraction throughput: `claimcheck extract` over a corpus,
# best of N runs, beside a plain pass over the same bytes (`wc -w`) as the floor.
#
#   bench/extract.sh [CORPUS_DIR] [RUNS]
#
# CORPUS_DIR defaults to ../shared/corpora/news-bulk/articles; without it the
# script measures the fixture articles instead, so it runs in any clone.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-../shared/corpora/news-bulk/articles}
runs=${2:-5}
if [ ! -d "$corpus" ]; then
  echo "note: $corpus not found; measuring fixtures/ instead"
  corpus=fixtures
fi
cargo build --release --locked --quiet
bin=target/release/claimcheck
bytes=$(find "$corpus" -type f \( -name '*.txt' -o -name '*.md' -o -name '*.jsonl' \) -print0 | xargs -0 cat | wc -c)
files=$(find "$corpus" -type f \( -name '*.txt' -o -name '*.md' -o -name '*.jsonl' \) | wc -l)

best() { # best wall time in seconds of "$@" over $runs runs
  local best=""
  for _ in $(seq "$runs"); do
    local s e
    s=$(date +%s.%N)
    "$@" > /dev/null
    e=$(date +%s.%N)
    best=$(awk -v a="$best" -v b="$(awk -v s="$s" -v e="$e" 'BEGIN{print e-s}')" 'BEGIN{ if (a=="" || b<a) print b; else print a }')
  done
  echo "$best"
}

t_extract=$(best "$bin" extract "$corpus" --format jsonl)
t_floor=$(best sh -c "find '$corpus' -type f -name '*.txt' -print0 | xargs -0 cat | wc -w")
cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')
echo "machine: $(nproc) cores, ${cpu:-unknown CPU}"
echo "corpus: $corpus ($files files, $bytes bytes); best of $runs runs"
awk -v b="$bytes" -v t="$t_extract" -v f="$t_floor" -v n="$files" 'BEGIN {
  printf "extract (whole process, 1 thread): %.3f s  %.1f MB/s  %.0f articles/s\n", t, b/t/1e6, n/t
  printf "plain pass (cat | wc -w):          %.3f s  %.1f MB/s\n", f, b/f/1e6
  printf "extract / plain pass:              %.1fx\n", t/f
}'
