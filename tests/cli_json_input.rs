//! CLI tests for JSON input (#21): CMS field names and `--field` mappings
//! for JSON Lines and JSON files, dates in their many forms, a bad date as a
//! warning (exit 0), bad records as errors of their line (exit 2), and
//! standard input's format (`--stdin-format`, or sniffed).

mod common;

use common::claimcheck;
use predicates::prelude::*;
use serde_json::{Value, json};
use std::path::Path;

/// `extract ARGS --format json`: the exit code, the report and stderr.
fn extract(args: &[&str], stdin: Option<&str>) -> (i32, Value, String) {
    let mut cmd = claimcheck();
    cmd.arg("extract").args(args).args(["--format", "json"]);
    if let Some(input) = stdin {
        cmd.write_stdin(input);
    }
    let out = cmd.output().unwrap();
    let report = serde_json::from_slice(&out.stdout).unwrap_or(Value::Null);
    (
        out.status.code().unwrap_or(-1),
        report,
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// Each article's id, date, outlet, title, author and record line.
fn articles(report: &Value) -> Value {
    report["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            json!([
                a["id"],
                a["date"],
                a["outlet"],
                a["title"],
                a["author"],
                a["record_line"]
            ])
        })
        .collect()
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p.display().to_string()
}

#[test]
fn a_cms_export_is_read_under_its_own_field_names() {
    let (code, report, stderr) = extract(&["fixtures/formats/cms-export.jsonl"], None);
    assert_eq!((code, stderr.as_str()), (0, ""));
    assert_eq!(
        articles(&report),
        json!([
            [
                "cms-101",
                "2022-02-27",
                "Coast Radio",
                "Marlow ferry to run again from Monday",
                "Ana Ruiz",
                1
            ],
            [
                "cms-102",
                "2022-02-28",
                "Harbour Times",
                "Ferry back on the water",
                "Tom Reed, Lena Voss",
                2
            ],
            [
                "cms-103",
                "2022-03-01",
                "Coast Radio",
                "Ferry timetable published",
                "Ana Ruiz",
                3
            ],
        ])
    );
    assert_eq!(
        report["articles"][0]["url"],
        "https://coast.example/news/marlow-ferry"
    );
    // The quotes in the body are found.
    assert!(
        report["statements"].as_array().unwrap().iter().any(|s| {
            s["article"] == "cms-101" && s["speaker"].as_str() == Some("Ines Carvalho")
        })
    );
}

#[test]
fn a_json_array_locates_each_article_on_the_line_it_starts() {
    let (code, report, stderr) = extract(&["fixtures/formats/articles.json"], None);
    assert_eq!((code, stderr.as_str()), (0, ""));
    assert_eq!(
        articles(&report),
        json!([
            [
                "bridge-1",
                "2022-02-28",
                "Coast Radio",
                "Harbour bridge to close for repairs",
                null,
                2
            ],
            [
                "bridge-2",
                "2022-03-07",
                "Harbour Times",
                "Bridge closure starts",
                "Tom Reed",
                9
            ],
        ])
    );
    assert_eq!(report["inputs"][0]["articles"], 2);
}

#[test]
fn an_object_holding_one_array_of_articles_is_read_as_the_array() {
    let (code, report, _) = extract(&["fixtures/formats/items.json"], None);
    assert_eq!(code, 0);
    let got: Vec<(&Value, &Value)> = report["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| (&a["id"], &a["date"]))
        .collect();
    assert_eq!(
        got,
        [
            (&json!("market-1"), &json!("2022-02-28")),
            (&json!("market-2"), &json!("2022-03-01"))
        ]
    );
}

#[test]
fn a_text_file_with_a_date_header_in_another_form() {
    let (code, report, _) = extract(&["fixtures/formats/dated.txt"], None);
    assert_eq!(code, 0);
    let a = &report["articles"][0];
    assert_eq!(a["date"], "2022-02-28");
    assert_eq!(a["excluded"][0]["kind"], "header");
    assert_eq!(a["excluded"][0]["text"], "Date: 28/02/2022\n");
    // Month first, a date that reads both ways is read the other way.
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "us.txt", "DATE: 03/04/2022\nThe ferry ran.\n");
    let (_, report, _) = extract(&[&p, "--day-order", "month-first"], None);
    assert_eq!(report["articles"][0]["date"], "2022-03-04");
    let (_, report, _) = extract(&[&p], None);
    assert_eq!(report["articles"][0]["date"], "2022-04-03");
}

#[test]
fn directories_pick_up_json_files() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["articles.json", "items.json", "dated.txt"] {
        std::fs::copy(
            Path::new("fixtures/formats").join(name),
            dir.path().join(name),
        )
        .unwrap();
    }
    write(dir.path(), "notes.yaml", "not: an article\n");
    let d = dir.path().display().to_string();
    let (code, report, stderr) = extract(&[&d], None);
    assert_eq!(code, 0, "{stderr}");
    let ids: Vec<&str> = report["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        [
            "bridge-1",
            "bridge-2",
            &format!("{d}/dated.txt"),
            "market-1",
            "market-2"
        ]
    );
    let skipped = report["inputs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["status"] == "skipped")
        .unwrap();
    assert_eq!(
        skipped["reason"],
        "not an article format (.txt, .md, .html, .htm, .xml, .rss, .atom, .jsonl, .json)"
    );
}

#[test]
fn a_bad_date_alone_is_a_warning_naming_file_and_line_and_exits_zero() {
    let dir = tempfile::tempdir().unwrap();
    let txt = write(
        dir.path(),
        "soon.txt",
        "Date: sometime soon\nThe ferry will run again, the operator said.\n",
    );
    let jsonl = write(
        dir.path(),
        "set.jsonl",
        "{\"id\":\"a\",\"text\":\"The ferry ran.\"}\n{\"id\":\"b\",\"date\":\"2022-02-30\",\"text\":\"The bridge closed.\"}\n",
    );
    let out = claimcheck()
        .args(["check", "--color", "never", &txt, &jsonl])
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(0), "{stderr}{stdout}");
    let txt_warning = format!(
        "warning: {txt}:1: not a real date: `sometime soon`; the article is read without a date"
    );
    let jsonl_warning = format!("warning: {jsonl}:2: not a real date: `2022-02-30`");
    for text in [&stderr, &stdout] {
        assert!(text.contains(&txt_warning), "{text}");
        assert!(text.contains(&jsonl_warning), "{text}");
    }
    // Warnings come in input order, after any error, on their own lines.
    assert_eq!(stderr.lines().count(), 2, "{stderr}");
    assert!(
        stderr.lines().next().unwrap().contains("set.jsonl:2"),
        "{stderr}"
    );
    assert!(stdout.contains("3 articles read (0 failed)"), "{stdout}");
    // The JSON report lists them next to the inputs; every article is there.
    let (code, report, _) = extract(&[&txt, &jsonl], None);
    assert_eq!(code, 0);
    assert_eq!(report["articles"].as_array().unwrap().len(), 3);
    let warnings = report["warnings"].as_array().unwrap();
    assert_eq!(warnings.len(), 2);
    assert_eq!(warnings[0]["path"], jsonl.as_str());
    assert_eq!(warnings[0]["line"], 2);
    assert_eq!(warnings[0]["kind"], "bad-date");
    assert_eq!(warnings[0]["value"], "2022-02-30");
    assert_eq!(warnings[1]["value"], "sometime soon");
    // A format that lists no inputs still says it on stderr.
    let out = claimcheck()
        .args(["extract", "--format", "jsonl", &txt])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains(&txt_warning)
    );
}

#[test]
fn bad_records_are_errors_of_their_line_and_the_rest_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let jsonl = write(
        dir.path(),
        "set.jsonl",
        "{\"id\":\"a\",\"body\":\"The ferry ran.\"}\n{\"id\":\"b\",\"body\": \"cut off\n{\"id\":\"c\",\"headline\":\"no text\"}\n{\"id\":\"d\",\"body\":{\"html\":\"<p>x</p>\"}}\n{\"id\":\"e\",\"content\":\"The bridge closed.\"}\n",
    );
    let json = write(
        dir.path(),
        "set.json",
        "[\n  {\"id\": \"f\", \"text\": \"The market opened.\"},\n  [\"not\", \"an\", \"article\"],\n  {\"id\": \"g\", \"text\": \"The market closed.\"}\n]\n",
    );
    let (code, report, stderr) = extract(&[&json, &jsonl], None);
    assert_eq!(code, 2, "{stderr}");
    let ids: Vec<&str> = report["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["f", "g", "a", "e"]);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 4, "{stderr}");
    assert!(lines[0].starts_with(&format!("error: {json}:3: an array is not an article")));
    assert!(lines[1].starts_with(&format!("error: {jsonl}:2: malformed JSON")));
    assert_eq!(
        lines[2],
        format!(
            "error: {jsonl}:3: record has no article text: none of the fields `text`, `body`, \
             `content`, `article_body`, `articleBody` is there"
        )
    );
    assert_eq!(
        lines[3],
        format!("error: {jsonl}:4: field `body` holds an object, not the article text as a string")
    );
    // A file that is not JSON as a whole is one error with its line.
    let broken = write(
        dir.path(),
        "broken.json",
        "[\n {\"text\": \"One.\"},\n {\"text\": }\n]\n",
    );
    let (code, report, stderr) = extract(&[&broken], None);
    assert_eq!(code, 2);
    assert!(report["articles"].as_array().unwrap().is_empty());
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.starts_with(&format!("error: {broken}:3: malformed JSON")),
        "{stderr}"
    );
}

#[test]
fn fields_are_named_on_the_command_line_or_in_the_configuration() {
    let nested = "fixtures/formats/mapped/nested.jsonl";
    let want = json!([
        [
            "n-1",
            "2022-02-28",
            "Coast Radio",
            "Harbour wall approved",
            null,
            1
        ],
        [
            "n-2",
            "2022-03-02",
            "Harbour Times",
            "Wall work in May",
            null,
            2
        ],
    ]);
    let (code, report, stderr) = extract(
        &[
            nested,
            "--field",
            "id=uid",
            "--field",
            "text=story.text",
            "--field",
            "title=story.headline",
            "--field",
            "date=meta.published_at",
            "--field",
            "outlet=meta.site",
        ],
        None,
    );
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(articles(&report), want);
    // The folder's claimcheck.toml names them for runs over its files,
    // started there or elsewhere (it is found from the path).
    let out = claimcheck()
        .current_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/formats/mapped"))
        .args(["extract", "nested.jsonl", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        articles(&serde_json::from_slice(&out.stdout).unwrap()),
        want
    );
    let (code, report, stderr) = extract(&[nested], None);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(articles(&report), want);
    // Without them (a copy away from that file) the records have no text,
    // and the error says where it looked.
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("nested.jsonl");
    std::fs::copy(nested, &copy).unwrap();
    let (code, _, stderr) = extract(&[copy.to_str().unwrap()], None);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("none of the fields `text`, `body`"),
        "{stderr}"
    );
    // A flag names only that field: the text is looked for there alone.
    let (_, _, stderr) = extract(&[nested, "--field", "text=story.body"], None);
    assert!(
        stderr.contains("record has no article text: none of the fields `story.body` is there"),
        "{stderr}"
    );
}

#[test]
fn an_unknown_field_key_is_a_usage_error() {
    claimcheck()
        .args(["extract", "fixtures/formats/cms-export.jsonl", "--field", "body=text"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "unknown field `body`: the keys are id, text, date, source (or outlet), url, title, author",
        ));
    claimcheck()
        .args(["extract", "--field", "text"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("expected KEY=NAME"));
    let dir = tempfile::tempdir().unwrap();
    let config = write(dir.path(), "claimcheck.toml", "[fields]\nbody = \"text\"\n");
    claimcheck()
        .args(["extract", "fixtures/formats/dated.txt", "--config", &config])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(format!("{config}:2:")))
        .stderr(predicate::str::contains("body"));
}

#[test]
fn standard_input_is_sniffed_or_named() {
    let jsonl = "\n{\"id\":\"a\",\"body\":\"The ferry ran.\"}\n{\"id\":\"b\",\"text\":\"The bridge closed.\"}\n";
    let (code, report, _) = extract(&["-"], Some(jsonl));
    assert_eq!(code, 0);
    let ids: Vec<&str> = report["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["a", "b"]);
    assert_eq!(report["articles"][1]["record_line"], 3);
    let (_, report, _) = extract(&["-"], Some("  [{\"text\": \"The market opened.\"}]"));
    assert_eq!(report["articles"][0]["id"], "-:1");
    let (_, report, _) = extract(
        &["-"],
        Some("---\ntitle: Market opens\ndate: 2022-02-28\n---\nThe market opened.\n"),
    );
    assert_eq!(report["articles"][0]["title"], "Market opens");
    let (_, report, _) = extract(&["-"], Some("Date: Feb 28, 2022\nThe market opened.\n"));
    assert_eq!(report["articles"][0]["date"], "2022-02-28");
    // Named, the format is not sniffed: this is one text article.
    let (code, report, _) = extract(&["-", "--stdin-format", "txt"], Some(jsonl));
    assert_eq!(code, 0);
    assert_eq!(report["articles"].as_array().unwrap().len(), 1);
    assert_eq!(report["articles"][0]["id"], "-");
    let (_, report, _) = extract(
        &["-", "--stdin-format", "json"],
        Some("{\"articles\": [{\"text\": \"One.\"}, {\"text\": \"Two.\"}]}"),
    );
    assert_eq!(report["articles"].as_array().unwrap().len(), 2);
    claimcheck()
        .args(["extract", "-", "--stdin-format", "xml"])
        .write_stdin("x")
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "possible values: txt, md, jsonl, json",
        ));
}

/// A finding in a JSON Lines record (or a JSON array's element) is shown at
/// the file and the record's line, not at the record's id or at a line of
/// its text; a quote in its second paragraph is still on that line.
#[test]
fn human_diagnostics_locate_a_record_by_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let jsonl = write(
        dir.path(),
        "set.jsonl",
        "{\"id\":\"a\",\"text\":\"The ferry ran on Monday, the operator said.\"}\n\
         {\"id\":\"b\",\"text\":\"The bridge closed.\\n\\nThe mayor said: \\u201cWe will rebuild it.\"}\n",
    );
    let json = write(
        dir.path(),
        "set.json",
        "[\n  {\"id\": \"c\", \"text\": \"The port reopened, officials said.\"},\n  {\n    \"id\": \"d\",\n    \"text\": \"Crews worked overnight.\\n\\n\\u201cIt is done, the harbour master said.\"\n  }\n]\n",
    );
    let out = claimcheck()
        .args(["check", "--color", "never", &jsonl, &json])
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    // The quote mark never closes: line 2 of the JSON Lines file, the
    // line the second element starts on in the JSON file.
    assert!(stdout.contains(&format!("--> {jsonl}:2:")), "{stdout}");
    assert!(stdout.contains(&format!("--> {json}:3:")), "{stdout}");
    assert!(!stdout.contains("--> b:"), "{stdout}");
    // The text is shown on the record's line, its paragraphs run together.
    assert!(
        stdout.contains("2 | The bridge closed.  The mayor said: \u{201c}We will rebuild it."),
        "{stdout}"
    );
}
