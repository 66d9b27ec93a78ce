"""claimcheck on Apache Spark: the pipeline's stages as Spark stages.

1. map       extraction per article: the input paths are piped, a partition
             at a time, through `claimcheck extract --records` (RDD.pipe);
             the result is one claim record (a JSON line) per article.
2. broadcast the entity table of the whole set, built once from the records
             (`claimcheck compare --write-entities`) and shipped to every
             executor with SparkContext.addFile.
3. shuffle   records keyed by their comparator blocks (the events of their
             claims: claims of different events are never aligned).
4. reduce    one `claimcheck compare --block EVENT --entities TABLE` per
             block, over that block's records in the set's order.
5. merge     `claimcheck check --from-records --alignments` on the driver:
             the blocks' alignments, plus what spans blocks (roles, quote
             drift) and the rules, give the findings.

Every executor runs the same claimcheck binary (shipped with `--files` on a
cluster) and must be able to read the input paths (local mode: the local
disk; a cluster: a shared mount such as NFS/EFS, or object storage mounted
with a FUSE driver such as mountpoint-s3, gcsfuse or Databricks /Volumes).

    spark-submit --master local[2] scale/spark/claimcheck_job.py \
        --bin target/release/claimcheck --inputs list.txt --out out/
"""

import argparse
import json
import os
import shlex
import subprocess
import sys
import tempfile

from pyspark import SparkConf, SparkContext, SparkFiles


def parse_args(argv):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bin", required=True,
                    help="the claimcheck binary (shipped to the executors)")
    ap.add_argument("--inputs", required=True,
                    help="a file listing the article files, one per line")
    ap.add_argument("--out", required=True,
                    help="directory for records.jsonl, entities.json, "
                         "alignments.jsonl and findings.json")
    ap.add_argument("--partitions", type=int, default=0,
                    help="partitions of the map and the shuffle "
                         "(default: 4 x the default parallelism)")
    ap.add_argument("--fail-on", default=None,
                    help="passed to claimcheck check (error, warning, info, never)")
    ap.add_argument("--format", default="json",
                    help="the format of the final report (claimcheck check --format)")
    return ap.parse_args(argv)


def executor_bin(name):
    """The claimcheck binary as an executor sees it (shipped with addFile)."""
    return SparkFiles.get(name)


def order_key(order):
    """The set's order of a record: its input file's place in the sorted
    list, then its line in a JSON Lines file."""
    def key(record):
        origin = record["origin"]
        return (order[origin["path"]], origin.get("record_line") or 0)
    return key


def main(argv):
    args = parse_args(argv)
    os.makedirs(args.out, exist_ok=True)
    conf = SparkConf().setAppName("claimcheck")
    sc = SparkContext.getOrCreate(conf)
    sc.setLogLevel("WARN")
    binary = os.path.abspath(args.bin)
    bin_name = os.path.basename(binary)
    sc.addFile(binary)
    # claimcheck reads paths sorted and de-duplicated; so does this job.
    with open(args.inputs, encoding="utf-8") as f:
        paths = sorted({line.strip() for line in f if line.strip()})
    if not paths:
        sys.exit(f"{args.inputs}: no input paths")
    order = {p: i for i, p in enumerate(paths)}
    parts = args.partitions or 4 * sc.defaultParallelism
    # One thread per claimcheck process: Spark gives each task a core.
    env = {"RAYON_NUM_THREADS": "1", "NO_COLOR": "1"}

    # 1. map: extraction. `pipe` feeds each partition's paths on stdin.
    def extract(paths_of_partition):
        exe = executor_bin(bin_name)
        os.chmod(exe, 0o755)
        listed = "\n".join(paths_of_partition) + "\n"
        run = subprocess.run([exe, "extract", "--records", "--files-from", "-"],
                             input=listed.encode(), capture_output=True,
                             env={**os.environ, **env})
        # Exit 2 is bad input: its errors are reported, the rest kept.
        if run.returncode not in (0, 2):
            raise RuntimeError("claimcheck extract failed ({}): {}".format(
                run.returncode, run.stderr.decode(errors="replace")))
        errors = [("error", e) for e in run.stderr.decode().splitlines() if e]
        return [("record", r) for r in run.stdout.decode().splitlines()] + errors

    extracted = (sc.parallelize(paths, min(parts, len(paths)))
                 .glom()
                 .flatMap(lambda ps: extract(ps) if ps else []))
    extracted = extracted.cache()
    input_errors = extracted.filter(lambda e: e[0] == "error").map(lambda e: e[1]).collect()
    for e in input_errors:
        print(e, file=sys.stderr)
    records = (extracted.filter(lambda e: e[0] == "record")
               .map(lambda e: (json.loads(e[1]), e[1])).cache())

    # The whole set's records on the driver, in the set's order, for the
    # entity table and the final report.
    key = order_key(order)
    records_path = os.path.join(args.out, "records.jsonl")
    with open(records_path, "w", encoding="utf-8") as out:
        for _, line in sorted(records.map(lambda r: (key(r[0]), r[1])).collect()):
            out.write(line + "\n")

    # 2. broadcast: the entity table.
    table_path = os.path.join(args.out, "entities.json")
    subprocess.run([binary, "compare", "--from-records", records_path,
                    "--write-entities", table_path, "--format", "json"],
                   check=True, stdout=subprocess.DEVNULL,
                   env={**os.environ, **env})
    sc.addFile(table_path)
    table_name = os.path.basename(table_path)

    # 3. shuffle: records keyed by block; 4. reduce: one block at a time.
    def align(block_and_records):
        block, recs = block_and_records
        lines = [line for _, line in sorted(recs, key=lambda kr: kr[0])]
        exe = executor_bin(bin_name)
        os.chmod(exe, 0o755)
        run = subprocess.run(
            [exe, "compare", "--from-records", "-", "--block", block,
             "--entities", SparkFiles.get(table_name)],
            input=("\n".join(lines) + "\n").encode(), capture_output=True,
            env={**os.environ, **env})
        if run.returncode != 0:
            raise RuntimeError("claimcheck compare --block {} failed ({}): {}".format(
                shlex.quote(block), run.returncode,
                run.stderr.decode(errors="replace")))
        return run.stdout.decode().splitlines()

    aligned = (records
               .flatMap(lambda r: [(b, (key(r[0]), r[1])) for b in r[0]["blocks"]])
               .groupByKey(parts)
               .flatMap(align)
               .collect())
    alignments_path = os.path.join(args.out, "alignments.jsonl")
    with open(alignments_path, "w", encoding="utf-8") as out:
        for line in aligned:
            out.write(line + "\n")

    # 5. merge on the driver.
    report = os.path.join(args.out, "findings." + ("json" if args.format == "json" else "out"))
    run = subprocess.run([binary, "check", "--from-records", records_path,
                          "--alignments", alignments_path, "--format", args.format,
                          "--output", report]
                         + (["--fail-on", args.fail_on] if args.fail_on else []),
                         env={**os.environ, "NO_COLOR": "1"})
    sc.stop()
    print(f"claimcheck on Spark: {len(paths)} input files, "
          f"{sum(1 for _ in open(records_path, encoding='utf-8'))} records, "
          f"{len(aligned)} block alignments -> {report} (exit {run.returncode})")
    # Bad input anywhere makes the exit code 2, as in one claimcheck run.
    return 2 if input_errors else run.returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
