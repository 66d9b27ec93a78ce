//! claimcheck.toml, `init`, baselines, inline suppressions, ignore and
//! aliases.

mod common;

use common::claimcheck;
use serde_json::Value;
use std::path::Path;

/// A scratch directory holding a copy of the seeds.
fn scratch() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("seeds")).unwrap();
    for e in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds")).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), dir.path().join("seeds").join(e.file_name())).unwrap();
    }
    dir
}

fn check_in(dir: &Path, args: &[&str]) -> (Value, Option<i32>) {
    let out = claimcheck()
        .current_dir(dir)
        .args(["check", "--format", "json"])
        .args(args)
        .output()
        .unwrap();
    let v = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|_| panic!("{}", String::from_utf8_lossy(&out.stderr)));
    (v, out.status.code())
}

fn rules_of(doc: &Value) -> Vec<(String, String, bool)> {
    doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_string(),
                f["severity"].as_str().unwrap().to_string(),
                f["suppressed"].is_string(),
            )
        })
        .collect()
}

#[test]
fn init_writes_a_default_that_parses_and_will_not_overwrite() {
    let dir = scratch();
    claimcheck()
        .current_dir(dir.path())
        .arg("init")
        .assert()
        .code(0);
    let text = std::fs::read_to_string(dir.path().join("claimcheck.toml")).unwrap();
    assert!(text.contains("[house-style]") && text.contains("fail-on"));
    claimcheck()
        .current_dir(dir.path())
        .arg("init")
        .assert()
        .code(2)
        .stderr(predicates::str::contains("--force"));
    // The default changes nothing.
    let (doc, code) = check_in(dir.path(), &["seeds/"]);
    assert_eq!(code, Some(1));
    assert!(
        rules_of(&doc)
            .iter()
            .any(|r| r.0 == "contradiction" && r.1 == "error")
    );
}

#[test]
fn a_bad_key_or_value_is_an_error_with_its_line() {
    let dir = scratch();
    std::fs::write(
        dir.path().join("claimcheck.toml"),
        "fail-on = \"error\"\n[rules]\nquote-drift = \"loud\"\n",
    )
    .unwrap();
    claimcheck()
        .current_dir(dir.path())
        .args(["check", "seeds/"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("claimcheck.toml:3:"));
}

/// The messages of the inconsistent-name findings of a JSON report.
fn name_messages(doc: &Value) -> Vec<String> {
    doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "inconsistent-name")
        .map(|f| f["message"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn the_config_is_found_upwards_and_sets_levels_house_style_and_fail_on() {
    let dir = scratch();
    std::fs::write(
        dir.path().join("claimcheck.toml"),
        "fail-on = \"never\"\n[rules]\ncontradiction = \"warning\"\ninconsistent-name = \"off\"\n",
    )
    .unwrap();
    let sub = dir.path().join("seeds");
    let (doc, code) = check_in(&sub, &["."]);
    assert_eq!(code, Some(0), "fail-on never");
    let rules = rules_of(&doc);
    assert!(
        rules.iter().all(|r| r.0 != "inconsistent-name"),
        "{rules:?}"
    );
    assert!(
        rules
            .iter()
            .any(|r| r.0 == "contradiction" && r.1 == "warning")
    );
    // House style: only the other spellings are flagged.
    std::fs::write(
        dir.path().join("style.toml"),
        "[house-style]\nnames = [\"Zelensky\"]\n",
    )
    .unwrap();
    let (doc, _) = check_in(dir.path(), &["seeds/", "--config", "style.toml"]);
    let msg = name_messages(&doc);
    assert!(
        msg.iter()
            .any(|m| m.contains("the house style is Zelensky")),
        "{msg:?}"
    );
    // A full name as the house style prefers its surname.
    std::fs::write(
        dir.path().join("style.toml"),
        "[house-style]\nnames = [\"Volodymyr Zelenskiy\"]\n",
    )
    .unwrap();
    let (doc, _) = check_in(dir.path(), &["seeds/", "--config", "style.toml"]);
    let msg = name_messages(&doc);
    assert!(
        msg.iter()
            .any(|m| m.contains("the house style is Zelenskiy")),
        "{msg:?}"
    );
}

#[test]
fn a_baseline_suppresses_known_findings_even_after_edits_above_them() {
    let dir = scratch();
    claimcheck()
        .current_dir(dir.path())
        .args([
            "check",
            "seeds/",
            "--write-baseline",
            "base.json",
            "--fail-on",
            "never",
        ])
        .assert()
        .code(0);
    // Lines added at the top of an article move every finding down.
    let p = dir.path().join("seeds/000_08d0998124b02623.txt");
    let text = std::fs::read_to_string(&p).unwrap();
    let (header, body) = text.split_at(text.find("Amid").unwrap());
    std::fs::write(&p, format!("{header}An editor's note.\n\n{body}")).unwrap();
    let (doc, code) = check_in(
        dir.path(),
        &["seeds/", "--baseline", "base.json", "--fail-on", "info"],
    );
    assert_eq!(code, Some(0), "{doc:#}");
    let rules = rules_of(&doc);
    assert!(!rules.is_empty());
    assert!(
        rules.iter().all(|r| r.2),
        "every finding kept, marked suppressed: {rules:?}"
    );
    // A finding the baseline does not hold fails.
    std::fs::write(
        dir.path().join("seeds/extra.txt"),
        "date 2022-02-28 \"An open quote.\n",
    )
    .unwrap();
    let (_, code) = check_in(dir.path(), &["seeds/", "--baseline", "base.json"]);
    assert_eq!(code, Some(1));
}

#[test]
fn a_baseline_of_another_format_version_is_refused_before_the_analysis() {
    let dir = scratch();
    std::fs::write(
        dir.path().join("base.json"),
        r#"{"version": 99, "findings": []}"#,
    )
    .unwrap();
    let out = claimcheck()
        .current_dir(dir.path())
        .args(["check", "seeds/", "missing.txt", "--baseline", "base.json"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("base.json") && err.contains("version 99"),
        "{err}"
    );
    // Refused before any article was read: the missing input is not reached.
    assert!(!err.contains("missing.txt"), "{err}");
    // So are a report or baseline that cannot be written.
    for args in [
        ["--output", "no/such/dir/report.json"],
        ["--output", "seeds"],
        ["--write-baseline", "no/such/dir/base.json"],
    ] {
        let out = claimcheck()
            .current_dir(dir.path())
            .args(["check", "seeds/", "missing.txt"])
            .args(args)
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{err}");
        assert!(
            err.contains(args[1]) && !err.contains("missing.txt"),
            "{err}"
        );
    }
}

#[test]
fn inline_suppression_in_markdown() {
    let dir = tempfile::tempdir().unwrap();
    let md = "---\ndate: 2024-01-02\n---\nThe mayor spoke.\n\n<!-- claimcheck-disable-next-line unbalanced-quote -->\n\"We will wait, he said. Nothing more.\n";
    std::fs::write(dir.path().join("a.md"), md).unwrap();
    let (doc, code) = check_in(dir.path(), &["a.md"]);
    let rules = rules_of(&doc);
    assert!(
        rules.iter().any(|r| r.0 == "unbalanced-quote" && r.2),
        "{rules:?}"
    );
    assert_eq!(code, Some(0));
    // The report says which comment switched the finding off, and where.
    let f = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "unbalanced-quote")
        .unwrap();
    assert_eq!(f["suppressed"], "inline");
    assert_eq!(f["suppression"]["marker"]["line"], 6, "{f:#}");
    assert_eq!(
        f["suppression"]["marker"]["text"],
        "<!-- claimcheck-disable-next-line unbalanced-quote -->",
        "{f:#}"
    );
    let human = claimcheck()
        .current_dir(dir.path())
        .args(["check", "a.md", "--color", "never"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&human.stdout);
    assert!(
        text.contains(
            "suppressed: unbalanced-quote at a.md:7:1 by <!-- claimcheck-disable-next-line unbalanced-quote --> at a.md:6\n"
        ),
        "{text}"
    );
    let sarif = claimcheck()
        .current_dir(dir.path())
        .args(["check", "a.md", "--format", "sarif"])
        .output()
        .unwrap();
    let sarif: Value = serde_json::from_slice(&sarif.stdout).unwrap();
    let r = sarif["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["ruleId"] == "unbalanced-quote")
        .unwrap();
    let s = &r["suppressions"][0];
    assert_eq!(s["kind"], "inSource", "{r:#}");
    assert_eq!(
        s["location"]["physicalLocation"]["region"]["startLine"], 6,
        "{r:#}"
    );
}

/// Every finding a baseline switched off is listed with the baseline's name,
/// in the human report and the JSON.
#[test]
fn the_report_lists_each_baselined_finding_with_its_baseline() {
    let dir = scratch();
    claimcheck()
        .current_dir(dir.path())
        .args(["check", "seeds/", "--write-baseline", "known.json"])
        .assert()
        .code(0);
    let (doc, code) = check_in(dir.path(), &["seeds/", "--baseline", "known.json"]);
    assert_eq!(code, Some(0));
    let findings = doc["findings"].as_array().unwrap();
    assert!(!findings.is_empty());
    for f in findings {
        assert_eq!(f["suppression"]["kind"], "baseline", "{f:#}");
        assert_eq!(f["suppression"]["baseline"], "known.json", "{f:#}");
    }
    let human = claimcheck()
        .current_dir(dir.path())
        .args([
            "check",
            "seeds/",
            "--baseline",
            "known.json",
            "--color",
            "never",
        ])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&human.stdout);
    let listed: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with("suppressed: ") && l.ends_with(" by the baseline known.json"))
        .collect();
    assert_eq!(listed.len(), findings.len(), "{text}");
    for f in findings {
        let line = format!(
            "suppressed: {} at {}:{}:{} by the baseline known.json",
            f["rule"].as_str().unwrap(),
            f["location"]["path"].as_str().unwrap(),
            f["location"]["line"],
            f["location"]["column"]
        );
        assert!(listed.contains(&line.as_str()), "{line} in {text}");
    }
}

#[test]
fn ignored_files_are_never_read_by_any_command() {
    let dir = scratch();
    std::fs::write(
        dir.path().join("claimcheck.toml"),
        "ignore = [\"seeds/002*\", \"seeds/broken.txt\"]\n",
    )
    .unwrap();
    // Not UTF-8: reading it would be an input error (exit 2).
    std::fs::write(dir.path().join("seeds/broken.txt"), b"\xff\xfe\xfd").unwrap();
    let (doc, code) = check_in(dir.path(), &["seeds/", "--fail-on", "never"]);
    assert_eq!(code, Some(0), "{doc:#}");
    assert_eq!(doc["summary"]["articles"], 1);
    // The streaming extract leaves them out too, with or without `./`.
    for path in ["seeds/", "./seeds/"] {
        let out = claimcheck()
            .current_dir(dir.path())
            .args(["extract", "--format", "jsonl", path])
            .output()
            .unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(!text.is_empty());
        assert!(
            text.lines().all(|l| l.contains("000_08d0998124b02623")),
            "{text}"
        );
    }
}

#[test]
fn suppression_words_in_article_text_switch_nothing_off() {
    let dir = tempfile::tempdir().unwrap();
    let marker = "claimcheck-disable-next-line -->";
    std::fs::write(
        dir.path().join("a.txt"),
        format!(
            "date 2024-01-02\n\nThe mayor spoke. {marker}\n\"We will wait, he said. Nothing more.\n"
        ),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("b.jsonl"),
        format!("{{\"id\":\"b\",\"text\":\"Note {marker}\\n\\\"We will wait, he said. Nothing more.\"}}\n"),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("c.md"),
        format!("The clerk said: \"{marker}\"\n\n\"We will wait, he said. Nothing more.\n"),
    )
    .unwrap();
    let (doc, code) = check_in(dir.path(), &["a.txt", "b.jsonl", "c.md"]);
    let unbalanced: Vec<(String, String, bool)> = rules_of(&doc)
        .into_iter()
        .filter(|r| r.0 == "unbalanced-quote")
        .collect();
    assert_eq!(unbalanced.len(), 3, "{doc:#}");
    assert!(unbalanced.iter().all(|r| !r.2), "{unbalanced:?}");
    assert_eq!(code, Some(1));
}

#[test]
fn ignored_paths_are_listed_as_skipped() {
    let dir = scratch();
    std::fs::write(
        dir.path().join("claimcheck.toml"),
        "ignore = [\"seeds/002*\"]\n",
    )
    .unwrap();
    let (doc, _) = check_in(dir.path(), &["seeds/"]);
    let skipped: Vec<&Value> = doc["inputs"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["status"] == "skipped")
        .collect();
    assert_eq!(skipped.len(), 1, "{doc:#}");
    assert!(
        skipped[0]["reason"]
            .as_str()
            .unwrap()
            .contains("ignored by")
    );
    assert_eq!(doc["summary"]["articles"], 1);
}

#[test]
fn aliases_merge_what_the_matcher_would_not() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        "date 2024-01-02 Mayor Jo Quist opened the bridge on Monday.\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("b.txt"),
        "date 2024-01-02 Mayor Johanna Kvist opened the bridge on Monday.\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("claimcheck.toml"),
        "[aliases]\n\"Johanna Kvist\" = [\"Jo Quist\"]\n",
    )
    .unwrap();
    let out = claimcheck()
        .current_dir(dir.path())
        .args(["extract", "--claims", "--format", "json", "a.txt", "b.txt"])
        .output()
        .unwrap();
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    let people: Vec<&Value> = doc["entities"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["kind"] == "person")
        .collect();
    assert_eq!(people.len(), 1, "{people:#?}");
    assert_eq!(people[0]["name"], "Johanna Kvist");
}

#[test]
fn baselined_findings_stay_in_sarif_as_suppressed_with_stable_fingerprints() {
    let dir = scratch();
    claimcheck()
        .current_dir(dir.path())
        .args([
            "check",
            "seeds/",
            "--write-baseline",
            "base.json",
            "--fail-on",
            "never",
        ])
        .assert()
        .code(0);
    let out = claimcheck()
        .current_dir(dir.path())
        .args([
            "check",
            "seeds/",
            "--baseline",
            "base.json",
            "--format",
            "sarif",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    let results = doc["runs"][0]["results"].as_array().unwrap();
    assert!(!results.is_empty());
    for r in results {
        assert_eq!(r["baselineState"], "unchanged", "{r:#}");
        assert_eq!(r["suppressions"][0]["kind"], "external", "{r:#}");
        assert_eq!(
            r["suppressions"][0]["justification"], "suppressed by the baseline base.json",
            "{r:#}"
        );
        assert!(
            r["partialFingerprints"]
                .as_object()
                .is_some_and(|o| !o.is_empty())
        );
    }
}
