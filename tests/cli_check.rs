//! `claimcheck check`: findings, severities, exit codes, `explain`.

mod common;

use common::claimcheck;
use serde_json::Value;

fn check_json(args: &[&str]) -> (Value, i32) {
    let out = claimcheck()
        .args(["check", "--format", "json"])
        .args(args)
        .output()
        .unwrap();
    (
        serde_json::from_slice(&out.stdout).unwrap(),
        out.status.code().unwrap_or(-1),
    )
}

fn findings<'a>(doc: &'a Value, rule: &str) -> Vec<&'a Value> {
    doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == rule)
        .collect()
}

#[test]
fn seeds_venue_contradiction_is_an_error_with_both_sides() {
    let (doc, code) = check_json(&["seeds/"]);
    assert_eq!(code, 1);
    assert_eq!(doc["version"], 1);
    let venue = findings(&doc, "contradiction")
        .into_iter()
        .find(|f| {
            f["message"]
                .as_str()
                .unwrap()
                .starts_with("Venue of the talks")
        })
        .expect("the venue contradiction");
    assert_eq!(venue["severity"], "error");
    assert_eq!(venue["location"]["text"], "in Belarus' Gomel");
    assert_eq!(venue["location"]["line"], 1);
    let related: Vec<&str> = venue["related"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["text"].as_str().unwrap())
        .collect();
    assert!(
        related.iter().any(|t| t.contains("Chernobyl")),
        "{related:?}"
    );
    let messages = venue["related"].to_string();
    assert!(
        messages.contains("AFP ← Ukraine’s presidency"),
        "{messages}"
    );
    assert_eq!(venue["fingerprint"].as_str().unwrap().len(), 16);
}

#[test]
fn seeds_inconsistent_spellings_of_zelenskyy_and_lukashenko() {
    let (doc, _) = check_json(&["seeds/"]);
    let names: Vec<&str> = findings(&doc, "inconsistent-name")
        .iter()
        .map(|f| f["message"].as_str().unwrap())
        .collect();
    let z = names
        .iter()
        .find(|m| m.contains("Zelenskyy"))
        .expect("Zelenskyy");
    for s in ["Zelenesky", "Zelensky ", "Zelenskiy"] {
        assert!(z.contains(s.trim()), "{z}");
    }
    assert!(
        names
            .iter()
            .any(|m| m.contains("Lukashenka") && m.contains("Lukashenko"))
    );
    assert!(
        findings(&doc, "inconsistent-name")
            .iter()
            .all(|f| f["severity"] == "warning")
    );
}

#[test]
fn fail_on_sets_the_exit_code() {
    let code = |level: &str| {
        claimcheck()
            .args(["check", "seeds/", "--fail-on", level])
            .output()
            .unwrap()
            .status
            .code()
    };
    assert_eq!(code("never"), Some(0));
    assert_eq!(code("error"), Some(1));
    assert_eq!(code("warning"), Some(1));
    // A clean story: nothing at error level.
    claimcheck()
        .args(["check", "fixtures/stories/protest"])
        .assert()
        .code(0);
}

#[test]
fn json_lines_one_finding_per_line_with_severity() {
    let out = claimcheck()
        .args(["check", "seeds/", "--format", "jsonl"])
        .output()
        .unwrap();
    let lines: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(!lines.is_empty());
    assert!(
        lines
            .iter()
            .all(|l| l["severity"].is_string() && l["rule"].is_string())
    );
}

#[test]
fn human_diagnostics_point_at_the_text() {
    let out = claimcheck()
        .args(["check", "seeds/", "--color", "never"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("error[contradiction]: Venue of the talks"),
        "{text}"
    );
    assert!(
        text.contains("--> seeds/000_08d0998124b02623.txt:1:"),
        "{text}"
    );
    // Every side labelled with what it says and who says it.
    assert!(
        text.contains("^^^^^^^^^^^^^^^^^ side A: Gomel (BY) (source: the article's own narration)"),
        "{text}"
    );
    assert!(
        text.contains("- side B: Chernobyl (UA) (source: AFP ← Ukraine’s presidency)"),
        "{text}"
    );
    // Not in a note as well.
    assert!(!text.contains("= note: side A"), "{text}");
    assert!(text.contains("warning[inconsistent-name]"), "{text}");
    assert!(
        text.contains("summary: 2 articles read (0 failed)"),
        "{text}"
    );
    assert!(!text.contains('\u{1b}'));
    let forced = claimcheck()
        .args(["check", "seeds/", "--color", "always"])
        .env_remove("NO_COLOR")
        .output()
        .unwrap();
    assert!(forced.stdout.contains(&0x1b));
    let no_color = claimcheck()
        .args(["check", "seeds/", "--color", "auto"])
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert!(!no_color.stdout.contains(&0x1b));
    // CLICOLOR_FORCE colours a pipe too, unless NO_COLOR says otherwise.
    let clicolor = |force: &str, no_color: Option<&str>| {
        let mut cmd = claimcheck();
        cmd.args(["check", "seeds/"]).env("CLICOLOR_FORCE", force);
        match no_color {
            Some(v) => cmd.env("NO_COLOR", v),
            None => cmd.env_remove("NO_COLOR"),
        };
        cmd.output().unwrap().stdout.contains(&0x1b)
    };
    assert!(clicolor("1", None));
    assert!(!clicolor("0", None));
    assert!(!clicolor("1", Some("1")));
}

#[test]
fn explain_lists_rules_and_explains_one() {
    let out = claimcheck().args(["explain"]).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    for code in [
        "contradiction",
        "unattributed-quote",
        "inconsistent-name",
        "unbalanced-quote",
        "single-source",
        "anonymous-source",
        "circular-reporting",
        "quote-drift",
    ] {
        assert!(text.contains(code), "{code} in {text}");
    }
    claimcheck()
        .args(["explain", "inconsistent-name"])
        .assert()
        .code(0)
        .stdout(predicates::str::contains("house-style"));
    claimcheck()
        .args(["explain", "no-such-rule"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("no rule `no-such-rule`"));
}

#[test]
fn story_drift_and_unbalanced_marks_are_reported() {
    let (doc, _) = check_json(&["fixtures/stories/drift"]);
    let drift = findings(&doc, "quote-drift");
    assert_eq!(drift.len(), 1);
    // What really changed, then the word diff of the words both quote.
    let notes: Vec<&str> = drift[0]["notes"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|n| n.as_str())
        .collect();
    assert_eq!(
        notes[0],
        "changed (other wording → this one): “northern” left out; “inspected by engineers” → “checked”"
    );
    assert!(notes[1].starts_with("diff: We will not reopen the [-northern -]quay"));
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("a.txt");
    std::fs::write(
        &p,
        "date 2024-01-02 \"We will wait, the mayor said. Nothing more.\n",
    )
    .unwrap();
    let (doc, code) = check_json(&[p.to_str().unwrap()]);
    assert_eq!(findings(&doc, "unbalanced-quote").len(), 1);
    assert_eq!(code, 1);
}

#[test]
fn the_report_is_byte_identical_whatever_the_thread_count_and_path_order() {
    let run = |threads: &str, paths: &[&str]| {
        claimcheck()
            .env("RAYON_NUM_THREADS", threads)
            .args(["check", "--format", "json", "--fail-on", "never"])
            .args(paths)
            .output()
            .unwrap()
            .stdout
    };
    let all = ["seeds/", "fixtures/stories/"];
    let one = run("1", &all);
    assert_eq!(one, run("2", &all));
    assert_eq!(one, run("4", &["fixtures/stories/", "seeds/"]));
}

/// Writes articles into a scratch directory and returns the JSON findings
/// of `check` on it.
fn check_files(files: &[(&str, &str)]) -> Value {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    check_json(&[dir.path().to_str().unwrap()]).0
}

#[test]
fn near_copies_and_outlets_citing_each_other_are_circular_reporting() {
    let story = "Flooding closed the main bridge in Porto on Tuesday after three days of heavy rain. \
                 Engineers said the river rose two metres overnight and the bridge would stay shut \
                 until divers had checked its pillars. Buses were sent over the old crossing instead.";
    let doc = check_files(&[
        ("a.txt", &format!("date 2024-05-07 {story}\n")),
        (
            "b.txt",
            &format!("date 2024-05-07 {story} Schools stayed open.\n"),
        ),
    ]);
    let circular = findings(&doc, "circular-reporting");
    assert_eq!(circular.len(), 1, "{doc:#}");
    assert!(
        circular[0]["message"]
            .as_str()
            .unwrap()
            .contains("near-copies")
    );
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("set.jsonl"),
        concat!(
            r#"{"id":"a","date":"2024-05-07","outlet":"Harbour Post","text":"The ferry sank near Bergen, Coast Radio reported."}"#,
            "\n",
            r#"{"id":"b","date":"2024-05-07","outlet":"Coast Radio","text":"The ferry went down near Bergen on Monday, Harbour Post reported."}"#,
            "\n"
        ),
    )
    .unwrap();
    let (doc, _) = check_json(&[
        "--outlet",
        "Coast Radio",
        "--outlet",
        "Harbour Post",
        dir.path().to_str().unwrap(),
    ]);
    let messages: Vec<&str> = findings(&doc, "circular-reporting")
        .iter()
        .map(|f| f["message"].as_str().unwrap())
        .collect();
    assert!(
        messages.iter().any(|m| m.contains("cite each other")),
        "{doc:#}"
    );
}

#[test]
fn anonymous_and_unattributed_quotes_are_reported() {
    let doc = check_files(&[(
        "a.txt",
        "date 2024-05-07 The harbour stayed shut on Tuesday after the storm.\n\n\
         \"Nothing has been decided about the ferries yet.\"\n\n\
         The mayor will resign next week, sources said.\n",
    )]);
    let anonymous = findings(&doc, "anonymous-source");
    assert_eq!(anonymous.len(), 1, "{doc:#}");
    assert_eq!(anonymous[0]["severity"], "info");
    let unattributed = findings(&doc, "unattributed-quote");
    assert_eq!(unattributed.len(), 1, "{doc:#}");
    assert_eq!(
        unattributed[0]["location"]["text"],
        "Nothing has been decided about the ferries yet."
    );
}

#[test]
fn a_claim_repeated_from_one_origin_is_single_source() {
    let doc = check_files(&[
        (
            "a.txt",
            "date 2024-05-07 The harbour in Bergen was closed on Monday after a storm, Reuters reported.\n",
        ),
        (
            "b.txt",
            "date 2024-05-07 A storm closed the harbour in Bergen on Monday, Reuters reported.\n",
        ),
    ]);
    let single = findings(&doc, "single-source");
    assert_eq!(single.len(), 1, "{doc:#}");
    assert!(
        single[0]["message"].as_str().unwrap().contains("Reuters"),
        "{doc:#}"
    );
}

#[test]
fn a_claim_repeated_only_by_copies_of_one_text_is_the_copy_not_a_single_source() {
    let story = "date 2024-05-07 The harbour in Bergen was closed on Monday after a storm, Reuters \
        reported. Ferries to the islands were cancelled and the fish market stayed shut. The \
        port authority said the breakwater had been damaged and divers would inspect it on \
        Tuesday. Shipping companies rerouted cargo to Stavanger while the repairs went on, and \
        the harbour master said it could take a week before the port was fully open again.\n";
    let doc = check_files(&[("a.txt", story), ("b.txt", story)]);
    assert!(findings(&doc, "single-source").is_empty(), "{doc:#}");
    assert_eq!(findings(&doc, "circular-reporting").len(), 1, "{doc:#}");
}

#[test]
fn a_set_that_is_not_one_story_says_so_in_every_report() {
    let (doc, _) = check_json(&["fixtures/stories/mixed"]);
    let summary = &doc["summary"];
    assert_eq!(summary["stories"], 2);
    assert_eq!(summary["one_story"], false);
    assert_eq!(summary["mixed"], true);
    let stories = doc["stories"].as_array().unwrap();
    let members: Vec<Vec<&str>> = stories
        .iter()
        .map(|s| {
            s["articles"]
                .as_array()
                .unwrap()
                .iter()
                .map(|a| a.as_str().unwrap().rsplit('/').next().unwrap())
                .collect()
        })
        .collect();
    assert_eq!(
        members,
        [
            ["budget-a.txt", "budget-b.txt"],
            ["ferry-a.txt", "ferry-b.txt"]
        ]
    );
    assert!(
        stories[1]["terms"]
            .as_array()
            .unwrap()
            .iter()
            .any(|t| t == "nordlys")
    );
    assert_eq!(doc["articles"][2]["story"], 1);
    let human = claimcheck()
        .args(["check", "--color", "never", "fixtures/stories/mixed"])
        .output()
        .unwrap();
    let text = String::from_utf8(human.stdout).unwrap();
    assert!(
        text.contains("note: these 4 articles are not one story: 2 stories"),
        "{text}"
    );
    assert!(
        text.contains("4 articles read (0 failed) in 2 stories"),
        "{text}"
    );
    let html = claimcheck()
        .args(["check", "--format", "html", "fixtures/stories/mixed"])
        .output()
        .unwrap();
    let html = String::from_utf8(html.stdout).unwrap();
    assert!(html.contains("4 articles on 2 stories, not one"));
    assert!(html.contains("<caption>The stories</caption>"));
    // One story: nothing said, the summary as before.
    let (doc, _) = check_json(&[
        "fixtures/stories/mixed/ferry-a.txt",
        "fixtures/stories/mixed/ferry-b.txt",
    ]);
    assert_eq!(doc["summary"]["one_story"], true);
    let md = claimcheck()
        .args(["check", "--format", "markdown", "fixtures/stories/mixed"])
        .output()
        .unwrap();
    assert!(
        String::from_utf8(md.stdout)
            .unwrap()
            .contains("are not one story")
    );
}

/// The text without its escape sequences (`ESC [ … letter`, `ESC ] … ESC \`).
fn strip_escapes(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\u{1b}' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('[') => {
                for c in chars.by_ref() {
                    if c.is_ascii_alphabetic() {
                        break;
                    }
                }
            }
            Some(']') => {
                while let Some(c) = chars.next() {
                    if c == '\u{7}' || c == '\u{1b}' && chars.next_if_eq(&'\\').is_some() {
                        break;
                    }
                }
            }
            _ => {}
        }
    }
    out
}

/// One colour system for every human report: forced colour styles the same
/// text the plain report has (nothing else changes), `--color never` wins
/// over `CLICOLOR_FORCE`, and `CLICOLOR_FORCE` over `CLICOLOR=0`.
#[test]
fn coloured_output_is_the_plain_output_with_styles() {
    let run = |args: &[&str], env: &[(&str, &str)]| {
        let mut cmd = claimcheck();
        cmd.args(args)
            .env_remove("NO_COLOR")
            .env_remove("CLICOLOR")
            .env_remove("CLICOLOR_FORCE");
        for (k, v) in env {
            cmd.env(k, v);
        }
        String::from_utf8(cmd.output().unwrap().stdout).unwrap()
    };
    let force = [("CLICOLOR_FORCE", "1")];
    let cases: [&[&str]; 5] = [
        &["check", "seeds/"],
        &["extract", "seeds/"],
        &["extract", "--claims", "seeds/"],
        &["sources", "seeds/"],
        &["compare", "seeds/"],
    ];
    for args in cases {
        let plain = run(&[args, &["--color", "never"]].concat(), &force);
        assert!(!plain.contains('\u{1b}'), "{args:?}: {plain}");
        let coloured = run(args, &force);
        assert!(coloured.contains("\u{1b}["), "{args:?}: {coloured}");
        assert_eq!(strip_escapes(&coloured), plain, "{args:?}");
    }
    let diagnostics = run(&["check", "seeds/"], &force);
    // annotate-snippets' own styles (the level) and ours (the summary).
    assert!(diagnostics.starts_with('\u{1b}'), "{diagnostics}");
    assert!(
        diagnostics.lines().last().unwrap().starts_with('\u{1b}'),
        "{diagnostics}"
    );
    assert!(
        run(
            &["check", "seeds/"],
            &[("CLICOLOR_FORCE", "1"), ("CLICOLOR", "0")]
        )
        .contains('\u{1b}')
    );
    assert!(!run(&["check", "seeds/"], &[("CLICOLOR", "0")]).contains('\u{1b}'));
    // The machine formats are never coloured.
    let json = ["check", "seeds/", "--format", "json"];
    assert_eq!(run(&json, &force), run(&json, &[]));
    assert!(!run(&["check", "seeds/", "--format", "concise"], &force).contains('\u{1b}'));
}

/// `--verbose` tells on stderr what was read and done; stdout is the same
/// bytes as without it; `--quiet` and `--verbose` cannot go together.
#[test]
fn verbose_tells_what_was_read_on_stderr_only() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        "The mayor spoke on Monday. \"We will rebuild the bridge,\" said Ana Ruiz.\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("notes.pdf"), "not an article").unwrap();
    let dir_arg = dir.path().to_str().unwrap();
    for format in ["json", "human", "sarif"] {
        let args = ["check", dir_arg, "--format", format, "--color", "never"];
        let plain = claimcheck().args(args).output().unwrap();
        let verbose = claimcheck().args(args).arg("--verbose").output().unwrap();
        assert_eq!(plain.status.code(), verbose.status.code());
        assert_eq!(plain.stdout, verbose.stdout, "{format}");
        assert!(
            plain.stderr.is_empty(),
            "{}",
            String::from_utf8_lossy(&plain.stderr)
        );
        let stderr = String::from_utf8(verbose.stderr).unwrap();
        let a = dir.path().join("a.txt");
        let pdf = dir.path().join("notes.pdf");
        for expected in [
            format!("verbose: read {}: 1 article\n", a.display()),
            format!("verbose: skipped {}: not an article format", pdf.display()),
            "verbose: read 1 article from 2 inputs in ".to_string(),
            format!("verbose: {}: 2 sentences, 1 statement, ", a.display()),
            "verbose: analysed 1 article (".to_string(),
            "verbose: ran the rules: ".to_string(),
            "verbose: wrote the report in ".to_string(),
            "verbose: done in ".to_string(),
        ] {
            assert!(stderr.contains(&expected), "{expected:?} in\n{stderr}");
        }
        assert!(
            stderr.lines().all(|l| l.starts_with("verbose: ")),
            "{stderr}"
        );
    }
    // -v is --verbose, and the other commands take it too.
    let extract = claimcheck()
        .args(["extract", "seeds/", "-v", "--format", "json"])
        .output()
        .unwrap();
    assert!(extract.status.success());
    assert!(String::from_utf8_lossy(&extract.stderr).contains("verbose: analysed 2 articles"));
    let both = claimcheck()
        .args(["check", "seeds/", "--quiet", "--verbose"])
        .output()
        .unwrap();
    assert_eq!(both.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&both.stderr).contains("cannot be used with"),
        "{}",
        String::from_utf8_lossy(&both.stderr)
    );
}

#[test]
fn rule_codes_link_to_their_pages_when_the_docs_url_is_known() {
    let run = |extra: &[&str]| {
        let out = claimcheck()
            .args(["check", "seeds/", "--color", "always"])
            .args(extra)
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    // A terminal hyperlink (OSC 8) around the code, to the rule's page.
    let linked = run(&["--docs-url", "https://example.org/claimcheck/rules/"]);
    assert!(
        linked.contains(
            "\u{1b}]8;;https://example.org/claimcheck/rules/contradiction\u{1b}\\contradiction"
        ),
        "{linked}"
    );
    // No page known: no link at all.
    assert!(!run(&[]).contains("\u{1b}]8;;"));
}
