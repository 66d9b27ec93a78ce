//! CLI tests for the formats newsrooms have: saved web pages, feeds,
//! Markdown with front matter, beside plain text and JSON Lines. The two
//! articles of `fixtures/formats/` are written once per format; whatever the
//! format, claimcheck must find the same things in them.

mod common;

use common::claimcheck;
use serde_json::Value;
use std::path::Path;

fn json(args: &[&str]) -> Value {
    let out = claimcheck().args(args).output().unwrap();
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)))
}

fn file(path: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).unwrap()
}

/// The rows of a command's JSON report under `key`, each as the string
/// values of `fields` (a missing one empty), sorted.
fn rows(args: &[&str], key: &str, fields: &[&[&str]]) -> Vec<Vec<String>> {
    let v = json(args);
    let mut out: Vec<Vec<String>> = v[key]
        .as_array()
        .unwrap()
        .iter()
        .map(|row| {
            fields
                .iter()
                .map(|path| {
                    let value = path.iter().fold(row, |v, k| &v[*k]);
                    value.as_str().unwrap_or("").to_string()
                })
                .collect()
        })
        .collect();
    out.sort();
    out
}

/// The findings of `check` on a set, as (rule, message, quoted words).
fn findings(path: &str) -> Vec<Vec<String>> {
    let args = ["check", path, "--format", "json"];
    rows(
        &args,
        "findings",
        &[&["rule"], &["message"], &["location", "text"]],
    )
}

/// The statements of `extract` on a set, as (kind, text, speaker).
fn statements(path: &str) -> Vec<Vec<String>> {
    let args = ["extract", path, "--format", "json"];
    rows(&args, "statements", &[&["kind"], &["text"], &["speaker"]])
}

#[test]
fn the_same_articles_give_the_same_findings_in_every_format() {
    let plain = findings("fixtures/formats/txt");
    assert!(
        plain
            .iter()
            .any(|f| f[0] == "contradiction" && f[1].contains("2026-04-14 vs 2026-04-21")),
        "{plain:?}"
    );
    assert!(
        plain.iter().any(|f| f[0] == "unbalanced-quote"),
        "{plain:?}"
    );
    let said = statements("fixtures/formats/txt");
    assert!(said.iter().any(|s| s[2] == "Maren Holt"), "{said:?}");
    for format in ["md", "html", "jsonl", "feed"] {
        let dir = format!("fixtures/formats/{format}");
        assert_eq!(findings(&dir), plain, "findings of {dir}");
        assert_eq!(statements(&dir), said, "statements of {dir}");
    }
}

#[test]
fn a_page_is_read_for_its_article_and_metadata_and_located_in_the_file() {
    let v = json(&["check", "fixtures/formats/html", "--format", "json"]);
    assert_eq!(v["summary"]["articles"], 2, "{}", v["summary"]);
    let page = file("fixtures/formats/html/harbour-a.html");
    let contradiction = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "contradiction")
        .expect("the contradiction");
    let at = &contradiction["location"];
    assert_eq!(at["path"], "fixtures/formats/html/harbour-a.html");
    // start..end are bytes of the page: the words, across its line break.
    let (start, end) = (
        at["start"].as_u64().unwrap() as usize,
        at["end"].as_u64().unwrap() as usize,
    );
    let words: Vec<&str> = page[start..end].split_whitespace().collect();
    assert_eq!(words, ["on", "April", "14"]);
    // line:column are the page's own.
    let line = page[..start].matches('\n').count() + 1;
    let column = page[..start].rsplit('\n').next().unwrap().chars().count() + 1;
    assert_eq!(
        (at["line"].as_u64(), at["column"].as_u64()),
        (Some(line as u64), Some(column as u64))
    );
    // The human report shows the page's lines with that place.
    let human = claimcheck()
        .args(["check", "fixtures/formats/html", "--color", "never"])
        .output()
        .unwrap();
    let human = String::from_utf8_lossy(&human.stdout);
    assert!(
        human.contains(&format!(
            "--> fixtures/formats/html/harbour-a.html:{line}:{column}"
        )),
        "{human}"
    );
    // Metadata: JSON-LD for one page, meta tags for the other.
    let x = json(&["extract", "fixtures/formats/html", "--format", "json"]);
    let meta: Vec<(Value, Value, Value)> = x["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| (a["title"].clone(), a["date"].clone(), a["outlet"].clone()))
        .collect();
    assert_eq!(
        meta,
        [
            (
                "Causeway leaders to meet over the ferry contract".into(),
                "2026-03-02".into(),
                "Ellis Gazette".into()
            ),
            (
                "Island council names a later date".into(),
                "2026-03-03".into(),
                "Carrow Courier".into()
            ),
        ]
    );
}

#[test]
fn hostile_markup_gives_only_the_article_text() {
    let x = json(&[
        "extract",
        "fixtures/formats/hostile.html",
        "--format",
        "json",
    ]);
    assert_eq!(x["articles"][0]["title"], "Storm & flood warning");
    let texts: Vec<&str> = x["statements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["text"].as_str().unwrap())
        .collect();
    assert!(
        texts
            .iter()
            .any(|t| t.contains("We expect the river to peak on Thursday")),
        "{texts:?}"
    );
    for planted in [
        "Injected",
        "Enable scripts",
        "Template",
        "chart",
        "typed",
        "fallback",
        "Option",
        "buy now",
        "cdata",
        "hi\"",
    ] {
        assert!(
            !texts.iter().any(|t| t.contains(planted)),
            "{planted}: {texts:?}"
        );
    }
    // No quote mark of a script, style, comment or attribute is left open.
    let v = json(&["check", "fixtures/formats/hostile.html", "--format", "json"]);
    let rules: Vec<&str> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    assert!(!rules.contains(&"unbalanced-quote"), "{rules:?}");
    assert_eq!(v["summary"]["failed"], 0);
}

#[test]
fn markdown_link_text_is_text_and_urls_titles_and_emphasis_are_not() {
    let x = json(&[
        "extract",
        "fixtures/formats/md/harbour-a.md",
        "--format",
        "json",
    ]);
    let a = &x["articles"][0];
    assert_eq!(
        a["title"],
        "Causeway leaders to meet over the ferry contract"
    );
    assert_eq!(a["outlet"], "Ellis Gazette");
    assert_eq!(a["author"], "Tove Rask");
    let statements = x["statements"].as_array().unwrap();
    let weather = statements
        .iter()
        .find(|s| s["text"].as_str().unwrap().contains("weather"))
        .expect("the quotation");
    assert_eq!(weather["speaker"], "Maren Holt");
    assert_eq!(
        weather["text"],
        "We have tested the vessel in every kind of weather,"
    );
    for s in statements {
        let t = s["text"].as_str().unwrap();
        assert!(
            !t.contains("Profile of") && !t.contains("ferry at its berth") && !t.contains('*'),
            "{t}"
        );
    }
    // The code block's open quote is no issue.
    assert_eq!(a["issues"].as_array().unwrap().len(), 0, "{a}");
    // TOML front matter (`+++`).
    let b = json(&[
        "extract",
        "fixtures/formats/md/harbour-b.md",
        "--format",
        "json",
    ]);
    let b = &b["articles"][0];
    assert_eq!(
        (&b["title"], &b["date"], &b["outlet"], &b["author"]),
        (
            &"Island council names a later date".into(),
            &"2026-03-03".into(),
            &"Carrow Courier".into(),
            &"Lio Brandt".into()
        )
    );
}

#[test]
fn feed_items_are_articles_located_by_their_line() {
    let x = json(&[
        "extract",
        "fixtures/formats/feed/harbour.xml",
        "--format",
        "json",
    ]);
    assert_eq!(x["inputs"][0]["articles"], 2, "{}", x["inputs"]);
    let ids: Vec<&str> = x["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["gazette-causeway", "courier-later-date"]);
    assert_eq!(x["articles"][0]["outlet"], "Ellis Gazette");
    assert_eq!(x["articles"][1]["date"], "2026-03-03");
    let v = json(&["check", "fixtures/formats/feed", "--format", "json"]);
    let contradiction = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "contradiction")
        .expect("the contradiction");
    let feed = file("fixtures/formats/feed/harbour.xml");
    let item_line = feed.lines().position(|l| l.trim() == "<item>").unwrap() + 1;
    assert_eq!(contradiction["location"]["record_line"], item_line);
}

#[test]
fn pages_and_feeds_are_read_by_content_under_other_names_and_in_directories() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("saved.txt"),
        "<!DOCTYPE html><html><head><title>Saved &amp; renamed</title></head><body><p>The mayor said the pier would reopen.</p></body></html>",
    )
    .unwrap();
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/formats/feed/harbour.xml"),
        dir.path().join("feed.rss"),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("page.htm"),
        "<p>The clerk said the hall was full.</p>",
    )
    .unwrap();
    let path = dir.path().display().to_string();
    let x = json(&["extract", &path, "--format", "json"]);
    let titles: Vec<&Value> = x["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| &a["title"])
        .collect();
    assert_eq!(
        x["articles"].as_array().unwrap().len(),
        4,
        "{}",
        x["inputs"]
    );
    assert!(
        titles.contains(&&Value::from("Saved & renamed")),
        "{titles:?}"
    );
    assert!(
        x["inputs"]
            .as_array()
            .unwrap()
            .iter()
            .all(|i| i["status"] == "read")
    );
}

#[test]
fn a_broken_feed_names_its_line_and_keeps_the_items_before_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.xml");
    std::fs::write(
        &path,
        "<rss><channel><title>W</title>\n<item><description>The mayor said the pier was safe.</description></item>\n<!-- cut off",
    )
    .unwrap();
    let out = claimcheck()
        .args(["extract", path.to_str().unwrap(), "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["articles"].as_array().unwrap().len(), 1);
    let failed = v["inputs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["status"] == "failed")
        .expect("the feed's error");
    assert_eq!(failed["line"], 3);
    assert_eq!(failed["error"]["kind"], "malformed-xml");
}

#[test]
fn pages_and_feeds_on_stdin_are_sniffed_or_named() {
    let page = file("fixtures/formats/html/harbour-a.html");
    let out = claimcheck()
        .args(["extract", "-", "--format", "json"])
        .write_stdin(page.clone())
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        v["articles"][0]["title"],
        "Causeway leaders to meet over the ferry contract"
    );
    assert_eq!(v["articles"][0]["outlet"], "Ellis Gazette");
    let feed = file("fixtures/formats/feed/harbour.xml");
    for args in [
        &["extract", "-", "--format", "json"][..],
        &["extract", "-", "--format", "json", "--stdin-format", "feed"][..],
    ] {
        let out = claimcheck()
            .args(args)
            .write_stdin(feed.clone())
            .output()
            .unwrap();
        let v: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(v["articles"].as_array().unwrap().len(), 2, "{args:?}");
    }
    // Named, a page is read as one even when it does not open like one.
    let given = "  <p>&ldquo;We are ready,&rdquo; the mayor said.</p>";
    let out = claimcheck()
        .args(["extract", "-", "--format", "json", "--stdin-format", "html"])
        .write_stdin(given)
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let said = &v["statements"][0];
    assert_eq!(
        (&said["kind"], &said["text"]),
        (&"direct".into(), &"We are ready,".into()),
        "{v}"
    );
    // Its offsets are bytes of what was given on stdin.
    let (start, end) = (
        said["start"].as_u64().unwrap() as usize,
        said["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&given[start..end], "We are ready,");
}

#[test]
fn a_date_that_cannot_be_read_is_a_warning_and_the_page_is_still_checked() {
    let dir = tempfile::tempdir().unwrap();
    let page = file("fixtures/formats/html/harbour-b.html")
        .replace("2026-03-03T17:40:00Z", "the third of March");
    let path = dir.path().join("b.html");
    std::fs::write(&path, &page).unwrap();
    let out = claimcheck()
        .args(["extract", path.to_str().unwrap(), "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let line = page
        .lines()
        .position(|l| l.contains("the third of March"))
        .unwrap()
        + 1;
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!("b.html:{line}")) && stderr.contains("the third of March"),
        "{stderr}"
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["articles"][0]["date"], Value::Null);
    assert!(!v["statements"].as_array().unwrap().is_empty());
}

#[test]
fn a_page_in_a_declared_legacy_character_set_is_read_and_an_undeclared_one_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let mut page = b"<!DOCTYPE html><html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\"><title>Caf\xe9 closes</title></head><body><p>".to_vec();
    page.extend(b"\"We are ready,\" said the caf\xe9 owner, Ana Ruiz.</p></body></html>");
    let declared = dir.path().join("latin1.html");
    std::fs::write(&declared, &page).unwrap();
    let x = json(&["extract", declared.to_str().unwrap(), "--format", "json"]);
    assert_eq!(x["articles"][0]["title"], "Caf\u{e9} closes");
    assert_eq!(
        x["statements"][0]["speaker_mention"], "the caf\u{e9} owner",
        "{x}"
    );
    // Without a declaration the bytes are not guessed at.
    let bare = dir.path().join("bare.html");
    std::fs::write(&bare, b"<p>the caf\xe9 owner said so.</p>").unwrap();
    let out = claimcheck()
        .args(["extract", bare.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not valid UTF-8"));
}

#[test]
fn the_help_line_names_a_way_to_accept_a_finding_that_works_where_it_stands() {
    let human = |path: &str| {
        let out = claimcheck()
            .args(["check", path, "--color", "never"])
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    let txt = human("fixtures/formats/txt");
    assert!(
        txt.contains("= help: `claimcheck explain unbalanced-quote`"),
        "{txt}"
    );
    assert!(txt.contains("--baseline FILE"));
    // In Markdown the help offers the comment, and the comment works.
    let md = human("fixtures/formats/md");
    let marker = "<!-- claimcheck-disable-next-line unbalanced-quote -->";
    assert!(md.contains(marker), "{md}");
    let dir = tempfile::tempdir().unwrap();
    let b = file("fixtures/formats/md/harbour-b.md").replace(
        "\"The crew still needs",
        &format!("{marker}\n\"The crew still needs"),
    );
    std::fs::write(dir.path().join("b.md"), b).unwrap();
    let accepted = human(dir.path().join("b.md").to_str().unwrap());
    assert!(
        accepted.contains(&format!("quote mark never closes (suppressed by {marker}")),
        "{accepted}"
    );
    assert!(accepted.contains("(1 suppressed)"), "{accepted}");
}
