#!/usr/bin/env bash
# Whole-process benchmarks of every command, on real copy where it exists.
#
#   [REPEAT=5] [SETS="10000 20000 40000"] bench/run.sh
#
# What it measures, each command as the user runs it (reading, analysis and
# writing included, output to /dev/null):
#   - news-bulk (2,225 BBC stories, when ../shared/corpora/news-bulk exists):
#     extract on one core and on two, the plain pass over the same bytes
#     (`cat | wc -w`, the floor), check, compare, extract --claims and the
#     syntax stage (extract --syntax --format conllu, one core);
#   - one long article of real copy: the news-bulk stories joined into one
#     file of 1, 2 and 4 MB, with paragraphs, and the same text on one line
#     (paragraph breaks lost, as in flattened copy), check at each size;
#   - sets of generated articles (examples/generate: our own templates, with
#     contradictions planted) at each size of $SETS, extract and check.
# Growth is given per doubling (2x and 4x steps), never from 10x steps.
#
# Every comparison is paired: within one round each command of a group runs
# once, in turn (A B C A B C ...), so a slow moment of this shared machine
# hits every command alike; a figure is the median of $REPEAT rounds with the
# min-max range. A command that fails stops the run with its stderr: a
# failure is never timed as a fast success.
set -euo pipefail
cd "$(dirname "$0")/.."
repeat=${REPEAT:-5}
read -r -a sets <<< "${SETS:-10000 20000 40000}"
cargo build --release --locked --quiet
cargo build --release --locked --quiet --example generate
bin=$PWD/target/release/claimcheck
gen=$PWD/target/release/examples/generate
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')
echo "machine: $(nproc) cores, ${cpu:-unknown CPU}, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo); $(date -u +%F); REPEAT=$repeat"

# One core: pinned to CPU 0 (taskset) as well as one pool thread.
one_core=(env RAYON_NUM_THREADS=1)
command -v taskset > /dev/null && one_core=(taskset -c 0 env RAYON_NUM_THREADS=1)

# sample KEY CMD...: runs CMD once (stdout discarded) and appends its wall
# time in seconds and peak RSS in KiB to $work/KEY. A non-zero exit ends the
# benchmark with the command's stderr.
sample() {
  local key=$1
  shift
  local t0 t1
  t0=$(date +%s%N)
  if ! /usr/bin/time -o "$work/time" -f '%M' "$@" > /dev/null 2> "$work/stderr"; then
    echo "bench: failed: $*" >&2
    cat "$work/stderr" >&2
    exit 1
  fi
  t1=$(date +%s%N)
  echo "$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", (b - a) / 1e9 }') $(tail -n 1 "$work/time")" >> "$work/$key"
}

# stat KEY: "median min max peak-RSS-KiB" of the samples of KEY.
stat() {
  sort -n "$work/$1" | awk '{ t[NR] = $1; if ($2 > m) m = $2 }
    END { med = (NR % 2) ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2; printf "%.3f %.3f %.3f %d\n", med, t[1], t[NR], m }'
}

# show LABEL KEY [BYTES]: one line of the table.
show() {
  local label=$1 key=$2 bytes=${3:-0}
  read -r med lo hi rss < <(stat "$key")
  awk -v l="$label" -v med="$med" -v lo="$lo" -v hi="$hi" -v rss="$rss" -v b="$bytes" 'BEGIN {
    rate = (b > 0 && med > 0) ? sprintf("%7.2f MB/s", b / med / 1e6) : "           ";
    printf "  %-44s %8.2f s  (%.2f-%.2f)  %s  peak RSS %6.0f MiB\n", l, med, lo, hi, rate, rss / 1024
  }'
}

# ratio KEY_A KEY_B: median of B over median of A.
ratio() {
  awk -v a="$(stat "$1" | cut -d' ' -f1)" -v b="$(stat "$2" | cut -d' ' -f1)" 'BEGIN { printf "%.2f", (a > 0) ? b / a : 0 }'
}

news=../shared/corpora/news-bulk/articles
if [ -d "$news" ]; then
  cat "$news"/*.txt > "$work/news.txt"
  bytes=$(wc -c < "$work/news.txt")
  echo
  echo "news-bulk: $(ls "$news" | wc -l) files, $((bytes / 1000)) kB"
  for _ in $(seq "$repeat"); do
    sample nb-floor sh -c "cat '$news'/*.txt | wc -w"
    sample nb-extract1 "${one_core[@]}" "$bin" extract --format jsonl "$news"
    sample nb-extract2 "$bin" extract --format jsonl "$news"
    sample nb-check "$bin" check --format json --fail-on never "$news"
    sample nb-compare "$bin" compare --format json "$news"
    sample nb-claims "$bin" extract --claims --format json "$news"
    sample nb-syntax "${one_core[@]}" "$bin" extract --syntax --format conllu "$news"
    sample nb-records sh -c "'$bin' extract --records '$news' > '$work/records.jsonl'"
    sample nb-from-records "$bin" check --format json --fail-on never --from-records "$work/records.jsonl"
    # The machine's own two-core ceiling: two independent one-core runs at
    # once; no program scales better than independent processes.
    if command -v taskset > /dev/null && [ "$(nproc)" -ge 2 ]; then
      sample nb-two-ones sh -c "taskset -c 0 env RAYON_NUM_THREADS=1 '$bin' extract --format jsonl '$news' > /dev/null &
        taskset -c 1 env RAYON_NUM_THREADS=1 '$bin' extract --format jsonl '$news' > /dev/null; wait \$!"
    fi
  done
  show "plain pass (cat | wc -w)" nb-floor "$bytes"
  show "extract --format jsonl, 1 core" nb-extract1 "$bytes"
  show "extract --format jsonl, 2 threads" nb-extract2 "$bytes"
  show "check --format json" nb-check "$bytes"
  show "compare --format json" nb-compare "$bytes"
  show "extract --claims --format json" nb-claims "$bytes"
  show "extract --syntax --format conllu, 1 core" nb-syntax "$bytes"
  show "extract --records (claim records)" nb-records "$bytes"
  show "check --from-records" nb-from-records "$bytes"
  echo "  records: $(($(wc -c < "$work/records.jsonl") / 1000)) kB, x$(awk -v r="$(wc -c < "$work/records.jsonl")" -v b="$bytes" 'BEGIN { printf "%.1f", r / b }') the input"
  rm -f "$work/records.jsonl"
  echo "  extract 1 core is x$(ratio nb-floor nb-extract1) the plain pass; 2 threads speed it up x$(ratio nb-extract2 nb-extract1)"
  if [ -s "$work/nb-two-ones" ]; then
    # Two one-core runs at once do twice the work: the machine's scaling.
    awk -v one="$(stat nb-extract1 | cut -d' ' -f1)" -v two="$(stat nb-two-ones | cut -d' ' -f1)" -v t2="$(stat nb-extract2 | cut -d' ' -f1)" 'BEGIN {
      m = 2 * one / two; e = one / t2;
      printf "  the machine scales two independent one-core runs x%.2f; extract on 2 threads x%.2f, %.0f%% of that (same rounds)\n", m, e, 100 * e / m
    }'
  fi

  # One long article: the stories joined, with paragraphs and on one line.
  echo
  echo "one article of real copy (news-bulk stories joined), check --format json"
  for mb in 1 2 4; do
    head -c $((mb * 1000000)) "$work/news.txt" > "$work/long-$mb.txt"
    tr '\n' ' ' < "$work/long-$mb.txt" > "$work/line-$mb.txt"
  done
  for _ in $(seq "$repeat"); do
    for mb in 1 2 4; do
      sample "long-$mb" "$bin" check --format json --fail-on never "$work/long-$mb.txt"
      sample "line-$mb" "$bin" check --format json --fail-on never "$work/line-$mb.txt"
    done
  done
  for mb in 1 2 4; do
    show "$mb MB, paragraphs" "long-$mb" $((mb * 1000000))
    show "$mb MB, one line" "line-$mb" $((mb * 1000000))
  done
  echo "  growth per doubling: paragraphs x$(ratio long-1 long-2), x$(ratio long-2 long-4); one line x$(ratio line-1 line-2), x$(ratio line-2 line-4)"
  rm -f "$work"/long-*.txt "$work"/line-*.txt "$work/news.txt"
else
  echo "note: $news not found; generated sets only"
fi

# Sets of generated articles.
echo
echo "generated sets (JSON Lines, one file)"
for n in "${sets[@]}"; do
  "$gen" "$n" > "$work/set-$n.jsonl"
done
for _ in $(seq "$repeat"); do
  for n in "${sets[@]}"; do
    sample "set-extract-$n" "$bin" extract --format jsonl "$work/set-$n.jsonl"
    sample "set-check-$n" "$bin" check --format json --fail-on never "$work/set-$n.jsonl"
  done
done
prev=""
for n in "${sets[@]}"; do
  b=$(wc -c < "$work/set-$n.jsonl")
  show "$n articles: extract --format jsonl" "set-extract-$n" "$b"
  show "$n articles: check --format json" "set-check-$n" "$b"
  if [ -n "$prev" ]; then
    echo "  growth $prev -> $n articles: extract x$(ratio "set-extract-$prev" "set-extract-$n"), check x$(ratio "set-check-$prev" "set-check-$n")"
  fi
  prev=$n
done
