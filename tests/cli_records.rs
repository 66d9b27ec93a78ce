//! Claim records: `extract --records` then `check --from-records` /
//! `compare --from-records` give what a run over the articles gives.

mod common;

use common::claimcheck;
use serde_json::Value;
use std::path::Path;

/// Writes the records of `inputs` to `dir/name` and returns the path.
fn write_records(dir: &Path, name: &str, inputs: &[&str]) -> String {
    let out = claimcheck()
        .arg("extract")
        .arg("--records")
        .args(inputs)
        .output()
        .unwrap();
    succeeded(&out);
    let path = dir.join(name);
    std::fs::write(&path, &out.stdout).unwrap();
    path.display().to_string()
}

fn succeeded(out: &std::process::Output) {
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The command exits 2 with `message` on stderr.
fn refused(args: &[&str], message: &str) {
    let (_, err, code) = run(args);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains(message), "{err}");
}

fn run(args: &[&str]) -> (String, String, i32) {
    let out = claimcheck().args(args).output().unwrap();
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
        out.status.code().unwrap_or(-1),
    )
}

fn has_contradiction(findings: &Value) -> bool {
    findings
        .as_array()
        .is_some_and(|a| a.iter().any(|f| f["rule"] == "contradiction"))
}

fn findings(json: &str) -> Value {
    let doc: Value = serde_json::from_str(json).unwrap();
    doc["findings"].clone()
}

#[test]
fn one_record_per_article_with_its_block_keys() {
    let dir = tempfile::tempdir().unwrap();
    let rec = write_records(dir.path(), "seeds.jsonl", &["seeds/"]);
    let text = std::fs::read_to_string(rec).unwrap();
    let lines: Vec<Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    for r in &lines {
        assert_eq!(r["claimcheck_record"], 1);
        let blocks: Vec<&str> = r["blocks"]
            .as_array()
            .unwrap()
            .iter()
            .map(|b| b.as_str().unwrap())
            .collect();
        assert!(blocks.contains(&"talks"), "{blocks:?}");
        assert!(!blocks.contains(&"statement"));
        let mut sorted = blocks.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(blocks, sorted, "block keys are sorted and unique");
    }
    assert_eq!(lines[0]["origin"]["path"], "seeds/000_08d0998124b02623.txt");
    // No paths: the embedded seeds, like every other command.
    let (embedded, _, code) = run(&["extract", "--records"]);
    assert_eq!(code, 0);
    assert_eq!(embedded.lines().count(), 2);
}

#[test]
fn check_from_records_reports_what_check_reports() {
    let dir = tempfile::tempdir().unwrap();
    for set in ["seeds/", "fixtures/stories/"] {
        let rec = write_records(dir.path(), "set.jsonl", &[set]);
        let (direct, _, code_direct) = run(&["check", set]);
        let (via, _, code_via) = run(&["check", "--from-records", &rec]);
        assert_eq!(code_direct, code_via);
        assert_eq!(direct, via, "human report of {set}");
        let (direct, _, _) = run(&["check", "--format", "json", set]);
        let (via, _, _) = run(&["check", "--format", "json", "--from-records", &rec]);
        assert_eq!(findings(&direct), findings(&via), "findings of {set}");
        assert!(!findings(&via).as_array().unwrap().is_empty());
    }
}

#[test]
fn compare_from_records_gives_the_same_alignments() {
    let dir = tempfile::tempdir().unwrap();
    let rec = write_records(dir.path(), "set.jsonl", &["fixtures/stories/"]);
    let (direct, _, _) = run(&["compare", "--format", "json", "fixtures/stories/"]);
    let (via, _, code) = run(&["compare", "--format", "json", "--from-records", &rec]);
    assert_eq!(code, 0);
    let d: Value = serde_json::from_str(&direct).unwrap();
    let v: Value = serde_json::from_str(&via).unwrap();
    assert_eq!(d["alignments"], v["alignments"]);
    assert_eq!(d["entities"], v["entities"]);
    assert!(
        v["alignments"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a["verdict"] == "contradiction")
    );
}

#[test]
fn records_split_across_files_read_as_one_set() {
    let dir = tempfile::tempdir().unwrap();
    let a = write_records(
        dir.path(),
        "part-0.jsonl",
        &["seeds/000_08d0998124b02623.txt"],
    );
    let b = write_records(
        dir.path(),
        "part-1.jsonl",
        &["seeds/002_1f062e236fa650bf.txt"],
    );
    let (direct, _, _) = run(&["check", "--format", "json", "seeds/"]);
    // Given in either order: files are read sorted, like article paths.
    let (via, _, _) = run(&["check", "--format", "json", "--from-records", &b, &a]);
    assert_eq!(findings(&direct), findings(&via));
}

#[test]
fn a_bad_record_names_its_file_and_line_and_the_rest_are_checked() {
    let dir = tempfile::tempdir().unwrap();
    let rec = write_records(dir.path(), "set.jsonl", &["seeds/"]);
    let text = std::fs::read_to_string(&rec).unwrap();
    let mut lines: Vec<&str> = text.lines().collect();
    lines.insert(1, r#"{"id":"x","text":"not a record"}"#);
    let version = lines[0].replacen(r#""claimcheck_record":1"#, r#""claimcheck_record":99"#, 1);
    lines.push(&version);
    std::fs::write(&rec, lines.join("\n")).unwrap();
    let (out, err, code) = run(&["check", "--format", "json", "--from-records", &rec]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("set.jsonl:2: not a claim record"), "{err}");
    assert!(
        err.contains("set.jsonl:4: not a claim record: record version 99"),
        "{err}"
    );
    // Both good records were still compared: the venue contradiction stands.
    let f = findings(&out);
    assert!(has_contradiction(&f), "{f}");
}

#[test]
fn a_record_whose_spans_leave_its_text_is_refused_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let rec = write_records(dir.path(), "set.jsonl", &["seeds/000_08d0998124b02623.txt"]);
    let text = std::fs::read_to_string(&rec).unwrap();
    let mut r: Value = serde_json::from_str(text.lines().next().unwrap()).unwrap();
    r["text"] = Value::from("short");
    std::fs::write(&rec, serde_json::to_string(&r).unwrap()).unwrap();
    let (_, err, code) = run(&["check", "--from-records", &rec]);
    assert_eq!(code, 2);
    assert!(
        err.contains("a span lies outside the record's text"),
        "{err}"
    );
}

#[test]
fn from_records_needs_record_files() {
    refused(&["check", "--from-records"], "--from-records");
    refused(
        &["check", "--from-records", "no/such/records.jsonl"],
        "no/such/records.jsonl: no such file",
    );
}

#[test]
fn files_from_reads_the_paths_from_a_list() {
    let dir = tempfile::tempdir().unwrap();
    let list = dir.path().join("list.txt");
    std::fs::write(
        &list,
        "seeds/002_1f062e236fa650bf.txt\n\nseeds/000_08d0998124b02623.txt\n",
    )
    .unwrap();
    let (direct, _, _) = run(&["check", "--format", "json", "seeds/"]);
    let (listed, _, code) = run(&[
        "check",
        "--format",
        "json",
        "--files-from",
        list.to_str().unwrap(),
    ]);
    assert_eq!(code, 1);
    assert_eq!(findings(&direct), findings(&listed));
    // From stdin too.
    let out = claimcheck()
        .args(["check", "--format", "json", "--files-from", "-"])
        .write_stdin("seeds/000_08d0998124b02623.txt\nseeds/002_1f062e236fa650bf.txt\n")
        .output()
        .unwrap();
    assert_eq!(
        findings(&direct),
        findings(&String::from_utf8(out.stdout).unwrap())
    );
    refused(
        &["check", "--files-from", "no/such/list.txt"],
        "--files-from no/such/list.txt",
    );
}

#[test]
fn records_conflict_with_other_formats() {
    refused(
        &["extract", "--records", "--format", "json", "seeds/"],
        "--records",
    );
}

/// The cluster split, run here block by block: records, the entity table,
/// one `compare --block` per event over that event's records, then `check
/// --alignments` merging them.
fn by_blocks(dir: &Path, set: &str) -> (String, String) {
    let rec = write_records(dir, "all.jsonl", &[set]);
    let table = dir.join("entities.json");
    let (_, err, code) = run(&[
        "compare",
        "--from-records",
        &rec,
        "--write-entities",
        table.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    let text = std::fs::read_to_string(&rec).unwrap();
    let mut blocks: std::collections::BTreeMap<String, Vec<&str>> = Default::default();
    for line in text.lines() {
        let r: Value = serde_json::from_str(line).unwrap();
        for b in r["blocks"].as_array().unwrap() {
            blocks
                .entry(b.as_str().unwrap().to_string())
                .or_default()
                .push(line);
        }
    }
    assert!(blocks.len() >= 3, "{:?}", blocks.keys());
    let mut alignment_files = Vec::new();
    // Blocks in reverse order: the merge must not depend on it.
    for (i, (block, lines)) in blocks.iter().rev().enumerate() {
        let out = claimcheck()
            .args([
                "compare",
                "--from-records",
                "-",
                "--block",
                block,
                "--entities",
            ])
            .arg(&table)
            .write_stdin(lines.join("\n"))
            .output()
            .unwrap();
        succeeded(&out);
        let f = dir.join(format!("aligned-{i}.jsonl"));
        std::fs::write(&f, &out.stdout).unwrap();
        alignment_files.push(f.display().to_string());
    }
    let mut args = vec![
        "check",
        "--format",
        "json",
        "--from-records",
        &rec,
        "--alignments",
    ];
    args.extend(alignment_files.iter().map(String::as_str));
    let (merged, err, _) = run(&args);
    assert!(err.is_empty(), "{err}");
    let (direct, _, _) = run(&["check", "--format", "json", set]);
    (direct, merged)
}

#[test]
fn comparing_block_by_block_gives_the_findings_of_one_run() {
    let dir = tempfile::tempdir().unwrap();
    for set in ["seeds/", "fixtures/stories/"] {
        let (direct, merged) = by_blocks(dir.path(), set);
        assert_eq!(findings(&direct), findings(&merged), "{set}");
        assert!(has_contradiction(&findings(&merged)), "{set}");
    }
}

#[test]
fn a_block_alignment_file_that_does_not_fit_the_records_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let rec = write_records(dir.path(), "all.jsonl", &["seeds/"]);
    let bad = dir.path().join("aligned.jsonl");
    std::fs::write(&bad, "{\"block\": \"talks\"}\n").unwrap();
    let (_, err, code) = run(&[
        "check",
        "--from-records",
        &rec,
        "--alignments",
        bad.to_str().unwrap(),
    ]);
    assert_eq!(code, 2);
    assert!(
        err.contains("aligned.jsonl:1: not a block alignment"),
        "{err}"
    );
    // A table from another set.
    let other = write_records(dir.path(), "other.jsonl", &["fixtures/stories/quake/"]);
    let table = dir.path().join("entities.json");
    run(&[
        "compare",
        "--from-records",
        &other,
        "--write-entities",
        table.to_str().unwrap(),
    ]);
    refused(
        &[
            "compare",
            "--from-records",
            &rec,
            "--block",
            "talks",
            "--entities",
            table.to_str().unwrap(),
        ],
        "is not in the entity table",
    );
}

#[test]
fn more_records_than_one_reading_chunk_keep_their_order() {
    // 1,100 articles over three months: records are read 512 lines at a
    // time.
    let dir = tempfile::tempdir().unwrap();
    let set = dir.path().join("set.jsonl");
    let lines: Vec<String> = (0..1100)
        .map(|i| {
            let place = if i % 2 == 0 { "Gomel" } else { "Minsk" };
            let (month, day) = (1 + i / 28 % 3, 1 + i % 28);
            format!(
                r#"{{"id":"a{i}","date":"2022-{month:02}-{day:02}","text":"Talks between Ukraine and Russia were held in {place} on Monday, officials said."}}"#
            )
        })
        .collect();
    std::fs::write(&set, lines.join("\n")).unwrap();
    let set = set.display().to_string();
    let rec = write_records(dir.path(), "all.jsonl", &[&set]);
    let (direct, _, _) = run(&["check", "--format", "json", &set]);
    let (via, _, _) = run(&["check", "--format", "json", "--from-records", &rec]);
    assert_eq!(findings(&direct), findings(&via));
    assert!(has_contradiction(&findings(&via)));
}

#[test]
fn a_block_run_reports_a_bad_record_once_and_needs_records() {
    let dir = tempfile::tempdir().unwrap();
    let rec = write_records(dir.path(), "all.jsonl", &["seeds/"]);
    let table = dir.path().join("entities.json");
    let t = table.to_str().unwrap();
    run(&["compare", "--from-records", &rec, "--write-entities", t]);
    let mut text = std::fs::read_to_string(&rec).unwrap();
    text.push_str("{\"broken\": true}\n");
    std::fs::write(&rec, text).unwrap();
    let (out, err, code) = run(&[
        "compare",
        "--from-records",
        &rec,
        "--block",
        "talks",
        "--entities",
        t,
    ]);
    assert_eq!(code, 2);
    assert_eq!(
        err.matches("all.jsonl:3: not a claim record").count(),
        1,
        "{err}"
    );
    assert!(
        out.lines().count() > 0,
        "the good records were still aligned"
    );
    // Articles, not records: refused, not silently empty.
    refused(
        &["compare", "seeds/", "--block", "talks", "--entities", t],
        "--from-records",
    );
}

#[test]
fn records_to_a_zst_file_are_compressed_and_read_back_whatever_their_name() {
    let dir = tempfile::tempdir().unwrap();
    let plain = write_records(dir.path(), "set.jsonl", &["fixtures/stories/"]);
    let zst = dir.path().join("set.jsonl.zst");
    let (_, err, code) = run(&[
        "extract",
        "--records",
        "fixtures/stories/",
        "-o",
        zst.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    let (plain_bytes, zst_bytes) = (std::fs::read(&plain).unwrap(), std::fs::read(&zst).unwrap());
    // A Zstandard frame, much smaller than the JSON it holds.
    assert_eq!(zst_bytes[..4], [0x28, 0xb5, 0x2f, 0xfd]);
    assert!(zst_bytes.len() * 4 < plain_bytes.len());
    let (direct, _, _) = run(&["check", "--format", "json", "--from-records", &plain]);
    let (via, err, _) = run(&[
        "check",
        "--format",
        "json",
        "--from-records",
        zst.to_str().unwrap(),
    ]);
    assert!(err.is_empty(), "{err}");
    assert_eq!(findings(&direct), findings(&via));
    // Recognised by its content, not its name (a renamed file, stdin).
    let renamed = dir.path().join("renamed.jsonl");
    std::fs::copy(&zst, &renamed).unwrap();
    let (again, _, _) = run(&[
        "check",
        "--format",
        "json",
        "--from-records",
        renamed.to_str().unwrap(),
    ]);
    assert_eq!(findings(&direct), findings(&again));
    // A cut-off file: an error naming it and the line, never a panic.
    let cut = dir.path().join("cut.zst");
    std::fs::write(&cut, &zst_bytes[..zst_bytes.len() / 2]).unwrap();
    let (_, err, code) = run(&["check", "--from-records", cut.to_str().unwrap()]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("cut.zst:1: cannot read: incomplete frame"),
        "{err}"
    );
}
