#!/usr/bin/env bash
# Runs the Spark job in local mode (local[2]) on ../shared/corpora/news-bulk
# (when present) plus a generated set split into shards, runs one
# `claimcheck check` over the same files, and checks that the findings are
# identical. Installs pyspark from PyPI into scale/spark/.venv (Java 17 must
# be on the machine).
#
#   scale/spark/check.sh [GENERATED_ARTICLES]      (default: 10000)
set -euo pipefail
cd "$(dirname "$0")/../.."
n=${1:-10000}
here=scale/spark
command -v java > /dev/null || { echo "check.sh: Java (17) is needed for Spark" >&2; exit 2; }
if [ ! -x "$here/.venv/bin/spark-submit" ]; then
  python3 -m venv "$here/.venv"
  "$here/.venv/bin/pip" install --quiet --disable-pip-version-check -r "$here/requirements.txt"
fi
cargo build --release --locked --quiet
cargo build --release --locked --quiet --example generate
bin=target/release/claimcheck
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Inputs: news-bulk's files and the generated set in 8 shards.
mkdir -p "$work/shards"
target/release/examples/generate "$n" > "$work/set.jsonl"
split -n l/8 -d --additional-suffix=.jsonl "$work/set.jsonl" "$work/shards/part-"
rm "$work/set.jsonl"
{
  if [ -d ../shared/corpora/news-bulk/articles ]; then
    find ../shared/corpora/news-bulk/articles -type f -name '*.txt'
  else
    echo "note: ../shared/corpora/news-bulk not found; generated set only" >&2
  fi
  find "$work/shards" -type f -name '*.jsonl'
} | sort > "$work/inputs.txt"
echo "inputs: $(wc -l < "$work/inputs.txt") files, $(cat $(cat "$work/inputs.txt") | wc -c) bytes"

start=$(date +%s.%N)
set +e
"$bin" check --files-from "$work/inputs.txt" --format json --fail-on never \
  --output "$work/one.json"
one=$?
set -e
mid=$(date +%s.%N)
set +e
PYSPARK_PYTHON="$PWD/$here/.venv/bin/python" \
  "$here/.venv/bin/spark-submit" --master 'local[2]' --driver-memory 4g \
  --conf spark.ui.enabled=false \
  "$here/claimcheck_job.py" --bin "$bin" --inputs "$work/inputs.txt" --out "$work/spark" --fail-on never \
  2> >(grep -v -e ' INFO ' -e ' WARN ' -e '^WARNING' -e 'Setting default log level' -e 'To adjust logging level' >&2)
spark=$?
set -e
end=$(date +%s.%N)
awk -v a="$start" -v b="$mid" -v c="$end" 'BEGIN { printf "one claimcheck check: %.1f s; Spark job (local[2]): %.1f s\n", b-a, c-b }'
[ "$one" -eq 0 ] || { echo "claimcheck check exited $one" >&2; exit 1; }
[ "$spark" -eq 0 ] || { echo "the Spark job exited $spark" >&2; exit 1; }
"$here/.venv/bin/python" - "$work/one.json" "$work/spark/findings.json" <<'PY'
import json, sys
one = json.load(open(sys.argv[1]))["findings"]
spark = json.load(open(sys.argv[2]))["findings"]
by_rule = {}
for f in one:
    by_rule[f["rule"]] = by_rule.get(f["rule"], 0) + 1
print("findings:", len(one), "(" + ", ".join(f"{r} {c}" for r, c in sorted(by_rule.items())) + ")")
if one != spark:
    diff = next(i for i, (a, b) in enumerate(zip(one + [None], spark + [None])) if a != b)
    print(f"DIFFERENT: one run has {len(one)} findings, Spark {len(spark)}; first difference at #{diff}")
    print(" one run:", json.dumps(one[diff] if diff < len(one) else None)[:400])
    print(" Spark:  ", json.dumps(spark[diff] if diff < len(spark) else None)[:400])
    sys.exit(1)
if not any(f["rule"] == "contradiction" for f in one):
    print("no contradiction found: the generated set plants some")
    sys.exit(1)
print("identical: the Spark job's findings are those of one claimcheck check run")
PY
