#!/usr/bin/env bash
# Whole-process throughput of extract and check, side by side in one run:
# news-bulk (if present) and generated sets of 1k, 10k and 100k articles
# (examples/generate: our own templates, contradictions planted), with peak
# RSS, a plain pass over the same bytes as the floor (`wc -w`), and the growth
# ratios between the generated sizes; and the split run (claim records, then
# check --from-records) on the same sets.
#
#   [REPEAT=3] bench/run.sh [SIZES...]        (default: 1000 10000 100000)
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(1000 10000 100000)
cargo build --release --locked --quiet
cargo build --release --locked --quiet --example generate
bin=target/release/claimcheck
gen=target/release/examples/generate
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')
echo "machine: $(nproc) cores, ${cpu:-unknown CPU}, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo)"

# One core: pinned to CPU 0 (taskset) as well as one pool thread, so the
# reading and writing threads share that core too.
one_core=(env RAYON_NUM_THREADS=1)
command -v taskset > /dev/null && one_core=(taskset -c 0 env RAYON_NUM_THREADS=1)

# run CMD...: the fastest wall time (seconds) of $REPEAT runs (default 3:
# this kind of shared machine is noisy) and the largest peak RSS (KiB).
repeat=${REPEAT:-3}
run() {
  local best="" rss=0 t m
  for _ in $(seq "$repeat"); do
    # Wall time from the clock in nanoseconds (time's %e has 10 ms steps,
    # too coarse for the plain pass); peak RSS from time's %M.
    local t0 t1
    t0=$(date +%s%N)
    /usr/bin/time -o "$work/time" -f '%M' "$@" > /dev/null 2> /dev/null || true
    t1=$(date +%s%N)
    t=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')
    read -r m < "$work/time"
    if [ -z "$best" ] || awk -v a="$t" -v b="$best" 'BEGIN { exit !(a < b) }'; then best=$t; fi
    [ "$m" -gt "$rss" ] && rss=$m
  done
  echo "$best $rss"
}

measure() { # LABEL INPUT BYTES ARTICLES
  local label=$1 input=$2 bytes=$3 n=$4
  read -r te me < <(run "${one_core[@]}" "$bin" extract --format jsonl "$input")
  read -r te2 _ < <(run "$bin" extract --format jsonl "$input")
  read -r tc mc < <(run "$bin" check --format json --fail-on never "$input")
  # The plain pass reads every file of the input (a directory too).
  read -r tf _ < <(run sh -c "find '$input' -type f -exec cat {} + | wc -w")
  awk -v l="$label" -v b="$bytes" -v n="$n" -v te="$te" -v te2="$te2" -v tc="$tc" -v tf="$tf" -v me="$me" -v mc="$mc" 'BEGIN {
    printf "%-12s %9d art %7.1f MB | extract 1 thr %6.2f s %6.1f MB/s (x%.1f of wc -w) | 2 thr %6.2f s (speed-up %.2f) | check %7.2f s %8.0f art/s | RSS extract %5.0f MiB check %6.0f MiB\n",
      l, n, b/1e6, te, b/te/1e6, te/(tf>0?tf:0.01), te2, te/(te2>0?te2:0.01), tc, n/(tc>0?tc:0.01), me/1024, mc/1024
  }'
  echo "$tc" > "$work/check-$label"
  # The machine's own ceiling for two cores: two independent one-core runs
  # at once (on CPUs 0 and 1) against one alone. No program can scale
  # better than independent processes do.
  if command -v taskset > /dev/null && [ "$(nproc)" -ge 2 ]; then
    read -r tp _ < <(run sh -c "taskset -c 0 env RAYON_NUM_THREADS=1 '$bin' extract --format jsonl '$input' > /dev/null &
      taskset -c 1 env RAYON_NUM_THREADS=1 '$bin' extract --format jsonl '$input' > /dev/null; wait")
    awk -v l="$label" -v te="$te" -v te2="$te2" -v tp="$tp" 'BEGIN {
      printf "%-12s two cores: two independent one-core extracts at once take %.2f s for twice the work: the machine scales x%.2f; extract on 2 threads x%.2f (%.0f%% of what the machine allows)\n",
        l, tp, 2*te/(tp>0?tp:0.01), te/(te2>0?te2:0.01), 100*(te/(te2>0?te2:0.01))/(2*te/(tp>0?tp:0.01))
    }'
  fi
  # The split run: claim records, then the set-level stages from them.
  read -r tr mr < <(run sh -c "'$bin' extract --records '$input' > '$work/records.jsonl'")
  read -r tcr mcr < <(run "$bin" check --format json --fail-on never --from-records "$work/records.jsonl")
  awk -v l="$label" -v b="$bytes" -v rb="$(wc -c < "$work/records.jsonl")" -v tr="$tr" -v tcr="$tcr" -v mr="$mr" -v mcr="$mcr" 'BEGIN {
    printf "%-12s records: extract --records %6.2f s (%.0f MB, x%.1f the input) | check --from-records %6.2f s | RSS %5.0f / %6.0f MiB\n",
      l, tr, rb/1e6, rb/b, tcr, mr/1024, mcr/1024
  }'
  rm -f "$work/records.jsonl"
}

if [ -d ../shared/corpora/news-bulk/articles ]; then
  cat ../shared/corpora/news-bulk/articles/*.txt > /dev/null
  files=$(ls ../shared/corpora/news-bulk/articles | wc -l)
  bytes=$(cat ../shared/corpora/news-bulk/articles/*.txt | wc -c)
  measure news-bulk ../shared/corpora/news-bulk/articles "$bytes" "$files"
  # The syntax stage on one core: words (CoNLL-U lines) per second of the
  # whole process, reading, tokenizing, tagging, lemmatizing, parsing and
  # writing included.
  words=$("$bin" extract --syntax --format conllu ../shared/corpora/news-bulk/articles | grep -c $'^[0-9]*\t')
  read -r ts ms < <(run "${one_core[@]}" "$bin" extract --syntax --format conllu ../shared/corpora/news-bulk/articles)
  awk -v w="$words" -v t="$ts" -v m="$ms" 'BEGIN {
    printf "news-bulk    extract --syntax 1 thr %6.2f s for %d words: %.0f words/s | RSS %5.0f MiB\n", t, w, w/t, m/1024
  }'
else
  echo "note: ../shared/corpora/news-bulk not found; generated sets only"
fi
prev=""
for n in "${sizes[@]}"; do
  "$gen" "$n" > "$work/set-$n.jsonl"
  measure "gen-$n" "$work/set-$n.jsonl" "$(wc -c < "$work/set-$n.jsonl")" "$n"
  if [ -n "$prev" ]; then
    awk -v a="$(cat "$work/check-gen-$prev")" -v b="$(cat "$work/check-gen-$n")" -v p="$prev" -v n="$n" 'BEGIN {
      printf "growth check %d -> %d articles (x%.0f): time x%.2f\n", p, n, n/p, b/(a>0?a:0.01)
    }'
  fi
  prev=$n
done
