//! CLI tests for ingestion: every input format, every bad input, exit codes.

use assert_cmd::Command;
use predicates::prelude::*;
use std::path::Path;

fn claimcheck() -> Command {
    let mut cmd = Command::cargo_bin("claimcheck").unwrap();
    cmd.env_remove("NO_COLOR")
        .current_dir(env!("CARGO_MANIFEST_DIR"));
    cmd
}

fn json(cmd: &mut Command) -> serde_json::Value {
    let out = cmd.output().unwrap();
    serde_json::from_slice(&out.stdout).unwrap()
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p.display().to_string()
}

#[test]
fn check_on_seeds_reports_findings_and_exits_one() {
    claimcheck()
        .args(["check", "seeds/", "--color", "never"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "error[contradiction]: Venue of the talks",
        ))
        .stdout(predicate::str::contains("2 articles read (0 failed)"));
    claimcheck()
        .args(["check", "seeds/", "--fail-on", "never"])
        .assert()
        .code(0);
}

#[test]
fn no_paths_means_the_embedded_seeds() {
    let from_dir = claimcheck()
        .args(["check", "seeds/", "--format", "json"])
        .output()
        .unwrap();
    let embedded = claimcheck()
        .args(["check", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(from_dir.stdout, embedded.stdout);
}

#[test]
fn seeds_also_read_lines_are_excluded() {
    let v = json(claimcheck().args(["extract", "seeds/002_1f062e236fa650bf.txt", "-f", "json"]));
    let article = &v["articles"][0];
    let excluded: Vec<&str> = article["excluded"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["kind"] == "boilerplate")
        .map(|e| e["text"].as_str().unwrap())
        .collect();
    assert_eq!(excluded.len(), 3);
    assert!(excluded.iter().all(|t| t.starts_with("Also Read - ")));
    for s in article["sentences"].as_array().unwrap() {
        assert!(!s["text"].as_str().unwrap().contains("Also Read"), "{s}");
    }
    // The glued sentence ends at its full stop.
    assert!(article["sentences"].as_array().unwrap().iter().any(|s| {
        s["text"]
            .as_str()
            .unwrap()
            .ends_with("Russian chief negotiator Vladimir Medinsky.")
    }));
}

#[test]
fn every_format_is_read_from_a_directory_in_sorted_order() {
    let v = json(claimcheck().args(["extract", "fixtures/ingest", "--format", "json"]));
    assert_eq!(v["version"], 1);
    let ids: Vec<&str> = v["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        [
            "fixtures/ingest/briefing.md",
            "fixtures/ingest/nested/followup.txt",
            "fixtures/ingest/talks.txt",
            "wire-1",
            "wire-2"
        ]
    );
    let md = &v["articles"][0];
    assert_eq!(md["title"], "Port strike enters second day");
    assert_eq!(md["outlet"], "Coastal Daily");
    assert_eq!(md["date"], "2023-05-15");
    assert_eq!(v["articles"][4]["record_line"], 2);
    assert_eq!(v["articles"][4]["path"], "fixtures/ingest/wire.jsonl");
    // The README in the nested folder is listed, not silently dropped.
    let skipped: Vec<&serde_json::Value> = v["inputs"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["status"] == "skipped")
        .collect();
    assert_eq!(skipped.len(), 1);
    assert_eq!(skipped[0]["path"], "fixtures/ingest/nested/README");
}

#[test]
fn stdin_is_one_article() {
    let v = json(
        claimcheck()
            .args(["extract", "-", "--format", "json"])
            .write_stdin("date 2023-01-02 One sentence. Another one."),
    );
    assert_eq!(v["articles"][0]["id"], "-");
    assert_eq!(v["articles"][0]["date"], "2023-01-02");
    assert_eq!(v["articles"][0]["sentence_count"], 2);
}

#[test]
fn path_order_does_not_change_the_report() {
    let a = claimcheck()
        .args(["check", "fixtures/ingest/talks.txt", "seeds/", "-f", "json"])
        .output()
        .unwrap();
    let b = claimcheck()
        .args(["check", "seeds/", "fixtures/ingest/talks.txt", "-f", "json"])
        .output()
        .unwrap();
    assert_eq!(a.stdout, b.stdout);
}

/// Runs `check` on the good fixture plus one bad input; the bad one must get
/// one clear stderr line naming it, the good one must still be reported, and
/// the exit code must be 2.
fn assert_bad_input(bad: &str, expected_message: &str) {
    let out = claimcheck()
        .args([
            "check",
            "fixtures/ingest/talks.txt",
            bad,
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(2), "stderr: {stderr}");
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 1, "one line per bad input: {stderr}");
    assert!(lines[0].starts_with("error: "), "{stderr}");
    assert!(
        lines[0].contains(expected_message),
        "expected {expected_message:?} in {stderr}"
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let ids: Vec<&str> = v["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap())
        .collect();
    assert!(
        ids.contains(&"fixtures/ingest/talks.txt"),
        "good input still processed: {ids:?}"
    );
    let failed: Vec<_> = v["inputs"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["status"] == "failed")
        .collect();
    assert_eq!(failed.len(), 1, "the report lists the failed input");
}

#[test]
fn missing_path() {
    assert_bad_input(
        "no/such/file.txt",
        "no/such/file.txt: no such file or directory",
    );
}

#[test]
fn directory_without_articles() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "image.png", b"\x89PNG");
    let d = dir.path().display().to_string();
    assert_bad_input(&d, &format!("{d}: directory holds no article files"));
    let empty = tempfile::tempdir().unwrap();
    let e = empty.path().display().to_string();
    assert_bad_input(&e, &format!("{e}: directory holds no article files"));
}

#[test]
fn empty_file() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "empty.txt", b"");
    assert_bad_input(&p, &format!("{p}: file is empty"));
}

#[test]
fn file_that_is_not_utf8() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "latin1.txt", b"first line\nPrice: \xa3100\n");
    assert_bad_input(&p, &format!("{p}:2: not valid UTF-8 at byte 18"));
}

#[test]
fn binary_file() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "photo.txt", b"\x7fELF\x02\x01\x01\x00\x00\x00");
    assert_bad_input(&p, &format!("{p}:1: binary file (NUL byte at byte 7)"));
}

#[test]
fn malformed_jsonl_line() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(
        dir.path(),
        "set.jsonl",
        b"{\"text\":\"Fine.\"}\n{\"text\": \"cut off\n",
    );
    assert_bad_input(&p, &format!("{p}:2: malformed JSON"));
}

#[test]
fn jsonl_line_without_text() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(
        dir.path(),
        "set.jsonl",
        b"{\"id\":\"x\",\"title\":\"headline only\"}\n",
    );
    assert_bad_input(
        &p,
        &format!("{p}:1: record has no article text: none of the fields `text`, `body`"),
    );
}

#[test]
fn date_that_is_not_a_real_date_is_a_warning_and_the_article_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "bad.txt", b"date 2022-02-30 Talks began.");
    let j = write(
        dir.path(),
        "bad.jsonl",
        b"{\"date\":\"2022-02-30\",\"text\":\"x\"}\n",
    );
    for bad in [&p, &j] {
        let out = claimcheck()
            .args(["extract", "--format", "json", bad])
            .output()
            .unwrap();
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert_eq!(out.status.code(), Some(0), "{stderr}");
        assert!(
            stderr.starts_with(&format!("warning: {bad}:1: not a real date: `2022-02-30`")),
            "{stderr}"
        );
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(v["articles"].as_array().unwrap().len(), 1);
        assert_eq!(v["articles"][0]["date"], serde_json::Value::Null);
    }
}

#[test]
fn human_report_lists_failed_inputs() {
    claimcheck()
        .args(["check", "seeds/", "missing.txt", "--color", "never"])
        .assert()
        .code(2)
        .stderr("error: missing.txt: no such file or directory\n")
        .stdout(predicate::str::contains(
            "error: missing.txt: no such file or directory",
        ))
        .stdout(predicate::str::contains("2 articles read (1 failed)"));
}

#[test]
fn no_colour_when_piped_or_no_color_set() {
    let piped = claimcheck().args(["check", "seeds/"]).output().unwrap();
    assert!(!piped.stdout.contains(&0x1b));
    let forced = claimcheck()
        .args(["check", "seeds/", "--color", "always"])
        .output()
        .unwrap();
    assert!(forced.stdout.contains(&0x1b));
    let no_color = claimcheck()
        .env("NO_COLOR", "1")
        .args(["check", "seeds/", "--color", "auto"])
        .output()
        .unwrap();
    assert!(!no_color.stdout.contains(&0x1b));
}

#[test]
fn output_file_is_written_and_stdout_stays_empty() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report.json");
    claimcheck()
        .args([
            "check",
            "seeds/",
            "-f",
            "json",
            "--fail-on",
            "never",
            "--output",
        ])
        .arg(&out)
        .assert()
        .code(0)
        .stdout("");
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(v["articles"].as_array().unwrap().len(), 2);
    // Only the report is left in the directory: no temporary file behind.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn unwritable_output_is_exit_two_with_the_path() {
    claimcheck()
        .args(["check", "seeds/", "--output", "no/such/dir/report.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "cannot write the report to no/such/dir/report.txt",
        ));
}

#[test]
fn usage_errors_exit_two_and_help_documents_exit_codes() {
    claimcheck()
        .args(["check", "--format", "yaml"])
        .assert()
        .code(2);
    claimcheck().args(["frobnicate"]).assert().code(2);
    for sub in ["check", "extract", "sources", "compare"] {
        claimcheck()
            .args([sub, "--help"])
            .assert()
            .code(0)
            .stdout(predicate::str::contains("Exit codes:"))
            .stdout(predicate::str::contains("2  usage error"));
    }
}

#[test]
fn jsonl_lines_that_are_not_text_are_errors_of_their_line() {
    let dir = tempfile::tempdir().unwrap();
    // Line 2 is Latin-1, line 3 holds a NUL byte; lines 1 and 4 are kept.
    let p = write(
        dir.path(),
        "set.jsonl",
        b"{\"text\":\"\\\"We are ready,\\\" she said.\"}\n{\"text\":\"\xa3100\"}\n{\"text\":\"a\x00b\"}\n{\"text\":\"\\\"Fine,\\\" he said.\"}\n",
    );
    let out = claimcheck()
        .args(["extract", "--format", "jsonl", &p])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains(&format!("{p}:2: not valid UTF-8 at byte 48")),
        "{err}"
    );
    assert!(
        err.contains(&format!("{p}:3: binary file (NUL byte at byte 65)")),
        "{err}"
    );
    let kept = String::from_utf8(out.stdout).unwrap();
    assert_eq!(kept.lines().count(), 2, "{kept}");
    // A file whose first line is binary is one error for the file.
    let b = write(
        dir.path(),
        "image.jsonl",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    );
    assert_bad_input(&b, &format!("{b}:1: not valid UTF-8 at byte 0"));
    let e = write(dir.path(), "empty.jsonl", b"\n  \n");
    assert_bad_input(&e, &format!("{e}: file is empty"));
}

/// Ids, outlets, file names and article text cannot inject terminal escape
/// sequences, bidi tricks or forged CI lines into any text report.
#[test]
fn control_characters_from_inputs_never_reach_a_text_report() {
    let dir = tempfile::tempdir().unwrap();
    let record = serde_json::json!({
        "id": "a\u{1b}]0;pwned\u{7}\n::error::forged",
        "outlet": "Daily\u{1b}[2J",
        "text": "The mayor said \u{1b}[31m\u{201c}we will open the bridge on Monday\u{201d}.\n\u{201c}An open quote.",
    });
    std::fs::write(dir.path().join("set.jsonl"), format!("{record}\n")).unwrap();
    std::fs::write(
        dir.path().join("invoice\u{202e}txt.exe.txt"),
        "The mayor spoke. \u{201c}Unclosed.\n",
    )
    .unwrap();
    for format in ["human", "github", "markdown", "junit"] {
        let out = Command::cargo_bin("claimcheck")
            .unwrap()
            .current_dir(dir.path())
            .args(["check", "--color", "never", "--format", format, "."])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{format}");
        let out = String::from_utf8_lossy(&out.stdout).into_owned();
        for bad in ['\u{1b}', '\u{7}', '\u{202e}'] {
            assert!(!out.contains(bad), "{format}: {bad:?} in {out}");
        }
        assert!(
            !out.lines().any(|l| l.starts_with("::error::forged")),
            "{format}: {out}"
        );
        // The names are still there, escaped visibly.
        assert!(
            out.contains("invoice\\u{202e}txt.exe.txt"),
            "{format}: {out}"
        );
    }
}
