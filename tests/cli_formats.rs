//! Every output format of `claimcheck check`, run as the CLI runs: insta
//! snapshots on the seeds (tests/snapshots/), SARIF checked against the
//! 2.1.0 schema, and the escaping of the GitHub, Markdown and JUnit formats.

mod common;

use common::claimcheck;
use serde_json::Value;
use std::path::Path;

/// `claimcheck check ARGS --format FORMAT`: stdout and the exit code.
fn check(format: &str, args: &[&str]) -> (String, i32) {
    let out = claimcheck()
        .args(["check", "--format", format, "--color", "never"])
        .args(args)
        .output()
        .unwrap();
    (
        String::from_utf8(out.stdout).unwrap(),
        out.status.code().unwrap_or(-1),
    )
}

/// The report of the seeds in one format; they hold errors, so the exit
/// code is 1 in every format.
fn seeds(format: &str) -> String {
    let (out, code) = check(format, &["seeds/"]);
    assert_eq!(code, 1, "{out}");
    out
}

#[test]
fn seeds_human() {
    insta::assert_snapshot!(seeds("human"));
}

#[test]
fn seeds_json() {
    insta::assert_snapshot!(seeds("json"));
}

#[test]
fn seeds_jsonl() {
    insta::assert_snapshot!(seeds("jsonl"));
}

/// The SARIF of the seeds with the root's absolute URI (the checkout's
/// directory) written as `file:///ROOT/`.
fn seeds_sarif_text() -> String {
    let out = seeds("sarif");
    let doc: Value = serde_json::from_str(&out).unwrap();
    let root = doc["runs"][0]["originalUriBaseIds"]["SRCROOT"]["uri"]
        .as_str()
        .unwrap();
    assert!(
        root.starts_with("file:///") && root.ends_with('/'),
        "{root}"
    );
    out.replace(&format!("\"{root}\""), "\"file:///ROOT/\"")
}

#[test]
fn seeds_sarif() {
    insta::assert_snapshot!(seeds_sarif_text());
}

/// GitHub shows a related location only when the message links to it, and
/// reads each rule's precision and tags.
#[test]
fn sarif_links_every_other_place_and_rates_each_rule() {
    let log: Value = serde_json::from_str(&seeds("sarif")).unwrap();
    let run = &log["runs"][0];
    for result in run["results"].as_array().unwrap() {
        let text = result["message"]["text"].as_str().unwrap();
        for related in result["relatedLocations"].as_array().into_iter().flatten() {
            let id = related["id"].as_u64().unwrap();
            assert!(
                text.contains(&format!("]({id})")),
                "{id} not linked in {text}"
            );
        }
    }
    for rule in run["tool"]["driver"]["rules"].as_array().unwrap() {
        let precision = rule["properties"]["precision"].as_str().unwrap();
        assert!(["very-high", "high", "medium", "low"].contains(&precision));
        assert!(!rule["properties"]["tags"].as_array().unwrap().is_empty());
    }
}

#[test]
fn seeds_concise() {
    insta::assert_snapshot!(seeds("concise"));
}

/// `--format concise`: every line is `path:line:column: severity[rule]:
/// message`, as editors' and CI problem matchers read it.
#[test]
fn concise_lines_are_places_a_problem_matcher_reads() {
    let out = seeds("concise");
    assert!(!out.is_empty());
    for line in out.lines() {
        let mut parts = line.splitn(4, ':');
        let (path, row, col, rest) = (
            parts.next().unwrap(),
            parts.next().unwrap_or(""),
            parts.next().unwrap_or(""),
            parts.next().unwrap_or(""),
        );
        assert!(
            Path::new(env!("CARGO_MANIFEST_DIR")).join(path).is_file(),
            "{line}"
        );
        assert!(
            row.parse::<usize>().is_ok() && col.parse::<usize>().is_ok(),
            "{line}"
        );
        let (level, message) = rest.trim_start().split_once("]: ").expect(line);
        let (severity, rule) = level.split_once('[').expect(line);
        assert!(["error", "warning", "info"].contains(&severity), "{line}");
        assert!(
            rule.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
            "{line}"
        );
        assert!(!message.is_empty());
    }
}

#[test]
fn quiet_check_prints_the_findings_and_nothing_else() {
    let out = claimcheck()
        .args(["check", "--quiet", "--color", "never"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "the exit code still says so");
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.contains("error[contradiction]"));
    assert!(!stdout.contains("summary:"), "{stdout}");
    // One article, one of everything: no "1 articles".
    let (one, _) = check("human", &["seeds/002_1f062e236fa650bf.txt"]);
    assert!(one.contains("summary: 1 article read (0 failed)"), "{one}");
}

#[test]
fn seeds_gitlab() {
    insta::assert_snapshot!(seeds("gitlab"));
}

/// What GitLab's Code Quality report requires of every issue (the fields its
/// documentation lists), on the seeds and with an unreadable input.
#[test]
fn gitlab_code_quality_issues_have_what_gitlab_reads() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.txt");
    std::fs::write(&bad, b"ok\n\xff").unwrap();
    let (out, code) = check("gitlab", &["seeds/", bad.to_str().unwrap()]);
    assert_eq!(code, 2, "{out}");
    let issues: Vec<Value> = serde_json::from_str(&out).unwrap();
    let mut fingerprints = std::collections::HashSet::new();
    for issue in &issues {
        assert_eq!(issue["type"], "issue");
        for key in ["description", "check_name", "fingerprint", "severity"] {
            assert!(
                issue[key].as_str().is_some_and(|v| !v.is_empty()),
                "{key}: {issue}"
            );
        }
        assert!(
            ["info", "minor", "major", "critical", "blocker"]
                .contains(&issue["severity"].as_str().unwrap())
        );
        assert!(issue["location"]["path"].as_str().is_some());
        assert!(
            issue["location"]["lines"]["begin"]
                .as_u64()
                .is_some_and(|l| l >= 1),
            "{issue}"
        );
        assert!(fingerprints.insert(issue["fingerprint"].as_str().unwrap().to_string()));
    }
    let contradiction = issues
        .iter()
        .find(|i| i["check_name"] == "claimcheck/contradiction")
        .expect("the contradiction");
    assert_eq!(contradiction["severity"], "major");
    assert!(
        contradiction["description"]
            .as_str()
            .unwrap()
            .contains("side B")
    );
    let input = issues
        .iter()
        .find(|i| i["check_name"] == "claimcheck/input")
        .expect("the bad input");
    assert_eq!(
        (&input["severity"], &input["location"]["lines"]["begin"]),
        (&"blocker".into(), &2.into())
    );
    // The same findings give the same fingerprints run after run.
    let (again, _) = check("gitlab", &["seeds/", bad.to_str().unwrap()]);
    assert_eq!(again, out);
}

#[test]
fn seeds_github() {
    insta::assert_snapshot!(seeds("github"));
}

#[test]
fn seeds_markdown() {
    insta::assert_snapshot!(seeds("markdown"));
}

#[test]
fn seeds_junit() {
    insta::assert_snapshot!(seeds("junit"));
}

/// SARIF of the seeds, the stories, a JSON Lines file and a path that does
/// not exist (a failed input): every case the reporter has a branch for.
fn sarif_cases() -> Vec<Value> {
    [
        vec!["seeds/"],
        vec!["fixtures/stories/"],
        vec!["fixtures/ingest/wire.jsonl", "fixtures/ingest/talks.txt"],
        vec!["seeds/", "no/such/file.txt"],
        vec![
            "seeds/",
            "--root",
            "seeds",
            "--docs-url",
            "https://example.org/claimcheck/rules/",
        ],
        // The seeds outside the root: absolute URIs.
        vec!["seeds/", "--root", "fixtures"],
    ]
    .iter()
    .map(|args| {
        let (out, _) = check("sarif", args);
        serde_json::from_str(&out).unwrap()
    })
    .collect()
}

#[test]
fn sarif_has_the_structure_code_scanning_requires() {
    for doc in sarif_cases() {
        assert_eq!(doc["version"], "2.1.0");
        assert!(doc["$schema"].as_str().unwrap().contains("sarif-2.1.0"));
        let run = &doc["runs"][0];
        let driver = &run["tool"]["driver"];
        assert_eq!(driver["name"], "claimcheck");
        assert_eq!(driver["version"], env!("CARGO_PKG_VERSION"));
        let rules = driver["rules"].as_array().unwrap();
        assert_eq!(rules.len(), 8);
        for r in rules {
            assert!(r["shortDescription"]["text"].as_str().is_some());
            assert!(r["fullDescription"]["text"].as_str().is_some());
            let level = r["defaultConfiguration"]["level"].as_str().unwrap();
            assert!(["error", "warning", "note"].contains(&level), "{level}");
        }
        let results = run["results"].as_array().unwrap();
        for res in results {
            let index = usize::try_from(res["ruleIndex"].as_u64().unwrap()).unwrap();
            assert_eq!(res["ruleId"], rules[index]["id"], "{res}");
            assert!(!res["message"]["text"].as_str().unwrap().is_empty());
            let level = res["level"].as_str().unwrap();
            assert!(
                ["error", "warning", "note", "none"].contains(&level),
                "{level}"
            );
            let locations = res["locations"].as_array().unwrap();
            assert!(!locations.is_empty());
            for loc in locations
                .iter()
                .chain(res["relatedLocations"].as_array().into_iter().flatten())
            {
                let phys = &loc["physicalLocation"];
                let uri = phys["artifactLocation"]["uri"].as_str().unwrap();
                assert!(!uri.is_empty() && !uri.starts_with('/'), "{uri}");
                assert!(phys["region"]["startLine"].as_u64().unwrap() >= 1);
                if let Some(col) = phys["region"]["startColumn"].as_u64() {
                    assert!(col >= 1);
                }
            }
            let fp = res["partialFingerprints"]["claimcheck/v1"]
                .as_str()
                .unwrap();
            assert_eq!(fp.len(), 16);
            assert!(["new", "unchanged"].contains(&res["baselineState"].as_str().unwrap()));
        }
        // Every artifact a result points at is listed.
        let artifacts: Vec<&str> = run["artifacts"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["location"]["uri"].as_str().unwrap())
            .collect();
        for res in results {
            let loc = &res["locations"][0]["physicalLocation"]["artifactLocation"];
            let i = usize::try_from(loc["index"].as_u64().unwrap()).unwrap();
            assert_eq!(artifacts[i], loc["uri"].as_str().unwrap());
        }
    }
}

/// The 2.1.0 schema as published gives `language` the pattern
/// `^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$`, which is not a valid ECMA-262
/// regular expression (a stray `]`), so a strict validator rejects the schema
/// itself. The OASIS TC's current copy (after the 2.1.0 errata) has the
/// pattern below; the vendored file stays as published and the correction is
/// made here, in memory.
fn fix_language_pattern(v: &mut Value) {
    const PUBLISHED: &str = "^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$";
    const CORRECTED: &str = "^[a-zA-Z]{2}(-[a-zA-Z]{2})?$";
    match v {
        Value::Object(map) => {
            for (key, value) in map.iter_mut() {
                if key == "pattern" && value == PUBLISHED {
                    *value = Value::from(CORRECTED);
                } else {
                    fix_language_pattern(value);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(fix_language_pattern),
        _ => {}
    }
}

#[test]
fn sarif_validates_against_the_oasis_schema() {
    let mut schema: Value = serde_json::from_str(
        &std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/sarif-schema-2.1.0.json"),
        )
        .unwrap(),
    )
    .unwrap();
    fix_language_pattern(&mut schema);
    let validator = jsonschema::draft7::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap();
    for doc in sarif_cases() {
        let errors: Vec<String> = validator
            .iter_errors(&doc)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{errors:#?}");
    }
    // The validator does reject what is not SARIF.
    let mut broken = sarif_cases().swap_remove(0);
    broken["runs"][0]["results"][0]["level"] = Value::from("fatal");
    broken["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] =
        Value::from(0);
    assert_eq!(validator.iter_errors(&broken).count(), 2);
}

#[test]
fn sarif_jsonl_records_point_at_their_line() {
    let (out, _) = check("sarif", &["fixtures/ingest/wire.jsonl"]);
    let doc: Value = serde_json::from_str(&out).unwrap();
    let results = doc["runs"][0]["results"].as_array().unwrap();
    assert!(!results.is_empty());
    for res in results {
        let loc = &res["locations"][0];
        let region = &loc["physicalLocation"]["region"];
        assert_eq!(region["startLine"], region["endLine"]);
        assert!(region.get("startColumn").is_none(), "{region}");
        assert!(loc["logicalLocations"][0]["name"].as_str().is_some());
    }
}

#[test]
fn sarif_failed_input_is_a_notification() {
    let (out, code) = check("sarif", &["seeds/", "no/such/file.txt"]);
    assert_eq!(code, 2);
    let doc: Value = serde_json::from_str(&out).unwrap();
    let inv = &doc["runs"][0]["invocations"][0];
    assert_eq!(inv["executionSuccessful"], false);
    let n = &inv["toolExecutionNotifications"][0];
    assert_eq!(n["level"], "error");
    assert_eq!(
        n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "no/such/file.txt"
    );
}

/// A directory whose name holds `%`, `,` and `:`, with a quote no one
/// says (the quote holds `%`, `|`, `:` and `,`) and two reports of one flood
/// that disagree on the toll (a contradiction, whose notes make the message
/// several lines).
fn awkward_dir() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("50%, now: a");
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(
        dir.join("q.txt"),
        "The council met on Tuesday.\n\n\
         “Rents rose 12% in a year | and nobody asked us: nobody, ever.”\n",
    )
    .unwrap();
    flood_pair(&dir);
    tmp
}

#[cfg(unix)]
#[test]
fn github_escapes_percent_newline_colon_and_comma() {
    let tmp = awkward_dir();
    let out = claimcheck()
        .current_dir(tmp.path())
        .args(["check", "--format", "github", "50%, now: a/"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    // One line per finding and a summary: no raw line break inside a command.
    assert_eq!(lines.len(), 4, "{text}");
    assert!(lines[3].starts_with("claimcheck: 1 error, 1 warning, 1 info"));
    let contradiction = lines
        .iter()
        .find(|l| l.starts_with("::error "))
        .expect("the toll contradiction");
    // In properties `%`, `,` and `:` are escaped.
    assert!(
        contradiction.starts_with(
            "::error file=50%25%2C now%3A a/a.txt,line=1,col=31,endLine=1,endColumn=42,\
             title=claimcheck contradiction::"
        ),
        "{contradiction}"
    );
    // In the message only `%` and line breaks are.
    let (_, message) = contradiction.split_once("::Number").unwrap();
    assert!(
        message
            .contains("%0Aside B: eleven people (source: mayor) at 50%25, now: a/b.txt:1%0Anote: "),
        "{message}"
    );
    let quote = lines.iter().find(|l| l.starts_with("::warning ")).unwrap();
    assert!(
        quote.contains("::quote with no speaker: “Rents rose 12%25 in a year | and nobody asked us: nobody, eve"),
        "{quote}"
    );
}

#[cfg(unix)]
#[test]
fn markdown_escapes_a_pipe_in_article_text() {
    let tmp = awkward_dir();
    let out = claimcheck()
        .current_dir(tmp.path())
        .args(["check", "--format", "markdown", "50%, now: a/q.txt"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let item = text
        .lines()
        .find(|l| l.starts_with("- `unattributed-quote`"))
        .expect("the quote's item");
    assert!(item.contains("12% in a year \\| and nobody"), "{item}");
    // The quoted sentence: escaped the same way, the directory's path
    // percent sign and all.
    assert!(
        text.contains("  > “Rents rose 12% in a year \\| and nobody asked us: nobody, ever.”"),
        "{text}"
    );
    assert!(item.contains("at `50%, now: a/q.txt:3`"), "{item}");
}

#[test]
fn junit_parses_with_one_testcase_per_article() {
    for (args, articles) in [
        (vec!["seeds/"], 2),
        (vec!["fixtures/stories/summit/"], 3),
        (vec!["fixtures/ingest/wire.jsonl"], 0),
    ] {
        let (out, _) = check("junit", &args);
        let doc = roxmltree::Document::parse(&out).unwrap();
        let suite = doc
            .descendants()
            .find(|n| n.has_tag_name("testsuite"))
            .unwrap();
        assert_eq!(suite.attribute("name"), Some("claimcheck"));
        let cases: Vec<_> = suite
            .children()
            .filter(|n| n.has_tag_name("testcase"))
            .collect();
        let expected = if articles == 0 {
            // A JSON Lines file: one case per record.
            let (json, _) = check("json", &args);
            let v: Value = serde_json::from_str(&json).unwrap();
            v["articles"].as_array().unwrap().len()
        } else {
            articles
        };
        assert_eq!(cases.len(), expected, "{out}");
        assert_eq!(
            suite.attribute("tests"),
            Some(expected.to_string().as_str())
        );
        let mut names: Vec<&str> = cases.iter().filter_map(|c| c.attribute("name")).collect();
        names.dedup();
        assert_eq!(names.len(), expected);
        // Failures only for errors and warnings; their message names the rule.
        for f in doc.descendants().filter(|n| n.has_tag_name("failure")) {
            assert!(matches!(f.attribute("type"), Some("error" | "warning")));
            let rule = f.attribute("message").unwrap().split(':').next().unwrap();
            assert!(
                [
                    "contradiction",
                    "unattributed-quote",
                    "inconsistent-name",
                    "unbalanced-quote",
                    "circular-reporting",
                    "quote-drift"
                ]
                .contains(&rule),
                "{rule}"
            );
        }
    }
}

#[test]
fn junit_escapes_markup_and_control_characters() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("odd.txt");
    std::fs::write(
        &path,
        "The board met.\n\n“Profits <rose> & fell \u{1} again,” \n",
    )
    .unwrap();
    let out = claimcheck()
        .current_dir(tmp.path())
        .args([
            "check",
            "--format",
            "junit",
            "--fail-on",
            "never",
            "odd.txt",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    let doc = roxmltree::Document::parse(&text).unwrap();
    let failure = doc
        .descendants()
        .find(|n| n.has_tag_name("failure"))
        .expect("the unattributed quote");
    assert_eq!(
        failure.attribute("message"),
        Some("unattributed-quote: quote with no speaker: “Profits <rose> & fell ? again,”")
    );
}

#[test]
fn finding_formats_are_for_check_only() {
    for format in ["sarif", "github", "markdown", "junit"] {
        let out = claimcheck()
            .args(["extract", "seeds/", "--format", format])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{format}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(
            err.contains(&format!("--format {format} reports findings")),
            "{err}"
        );
    }
}

#[test]
fn output_file_gets_the_same_sarif() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("claimcheck.sarif");
    let out = claimcheck()
        .args(["check", "seeds/", "--format", "sarif", "--output"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    assert_eq!(std::fs::read_to_string(&path).unwrap(), seeds("sarif"));
}

/// `claimcheck check ARGS --format sarif` run in `dir`, parsed.
fn sarif_in(dir: &Path, args: &[&str]) -> Value {
    let out = claimcheck()
        .current_dir(dir)
        .args(["check", "--format", "sarif"])
        .args(args)
        .output()
        .unwrap();
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// The artifact locations of a SARIF run, as (uri, uriBaseId).
fn artifact_uris(doc: &Value) -> Vec<(String, Option<String>)> {
    doc["runs"][0]["artifacts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            let loc = &a["location"];
            (
                loc["uri"].as_str().unwrap().to_string(),
                loc["uriBaseId"].as_str().map(str::to_string),
            )
        })
        .collect()
}

/// Two reports of one flood that disagree on the toll, in `dir`.
fn flood_pair(dir: &Path) {
    std::fs::create_dir_all(dir).unwrap();
    std::fs::write(
        dir.join("a.txt"),
        "date 2024-03-05 Floods killed five people in Valencia on Monday, officials said.\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("b.txt"),
        "date 2024-03-05 Floods killed eleven people in Valencia on Monday, the mayor said.\n",
    )
    .unwrap();
}

/// A percent-encoded `file://` URI of a directory, ending in `/`.
#[cfg(unix)]
fn dir_uri(dir: &Path) -> String {
    let mut uri = String::from("file://");
    for b in dir.canonicalize().unwrap().to_str().unwrap().bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            uri.push(char::from(b));
        } else {
            uri.push_str(&format!("%{b:02X}"));
        }
    }
    uri.push('/');
    uri
}

/// Code scanning places alerts by URIs relative to the repository root:
/// found upwards from the current directory (a `.git` directory or file),
/// or given with `--root`; a file outside it keeps an absolute URI.
#[cfg(unix)]
#[test]
fn sarif_uris_are_relative_to_the_repository_root() {
    let tmp = tempfile::tempdir().unwrap();
    let repo = tmp.path().join("my repo");
    let news = repo.join("news/2024");
    flood_pair(&news);
    std::fs::create_dir(repo.join(".git")).unwrap();
    let outside = tmp.path().join("elsewhere");
    flood_pair(&outside);
    // From a subdirectory of the work tree: the root is found upwards.
    let doc = sarif_in(&news, &["a.txt", "b.txt", "../../../elsewhere/a.txt"]);
    let run = &doc["runs"][0];
    assert_eq!(run["originalUriBaseIds"]["SRCROOT"]["uri"], dir_uri(&repo));
    let mut uris = artifact_uris(&doc);
    uris.sort();
    assert_eq!(
        uris,
        [
            (format!("{}a.txt", dir_uri(&outside)), None),
            ("news/2024/a.txt".into(), Some("SRCROOT".into())),
            ("news/2024/b.txt".into(), Some("SRCROOT".into())),
        ]
    );
    // Every location of every result, related ones too, the same way.
    let mut inside = 0;
    for result in run["results"].as_array().unwrap() {
        for loc in result["locations"]
            .as_array()
            .unwrap()
            .iter()
            .chain(result["relatedLocations"].as_array().into_iter().flatten())
        {
            let artifact = &loc["physicalLocation"]["artifactLocation"];
            let uri = artifact["uri"].as_str().unwrap();
            if uri.starts_with("news/2024/") {
                assert_eq!(artifact["uriBaseId"], "SRCROOT", "{loc}");
                inside += 1;
            } else {
                assert!(uri.starts_with("file:///"), "{uri}");
                assert!(artifact.get("uriBaseId").is_none(), "{loc}");
            }
        }
    }
    assert!(inside >= 2, "{doc}");
    // A linked work tree or a submodule has a `.git` file: the same.
    std::fs::remove_dir(repo.join(".git")).unwrap();
    std::fs::write(repo.join(".git"), "gitdir: /elsewhere\n").unwrap();
    let doc = sarif_in(&news, &["a.txt"]);
    assert_eq!(artifact_uris(&doc)[0].0, "news/2024/a.txt");
    // --root wins, relative to the current directory.
    let doc = sarif_in(&repo, &["--root", "news", "news/2024/a.txt"]);
    assert_eq!(
        doc["runs"][0]["originalUriBaseIds"]["SRCROOT"]["uri"],
        dir_uri(&repo.join("news"))
    );
    assert_eq!(artifact_uris(&doc)[0].0, "2024/a.txt");
    // Outside any repository the root is the current directory.
    let doc = sarif_in(&outside, &["a.txt"]);
    assert_eq!(
        doc["runs"][0]["originalUriBaseIds"]["SRCROOT"]["uri"],
        dir_uri(&outside)
    );
    assert_eq!(
        artifact_uris(&doc),
        [("a.txt".into(), Some("SRCROOT".into()))]
    );
    // Standard input stays `-`, as before, with no base.
    let out = claimcheck()
        .current_dir(&outside)
        .args(["check", "--format", "sarif", "-"])
        .write_stdin("Floods killed five people in Valencia on Monday, officials said.\n")
        .output()
        .unwrap();
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(artifact_uris(&doc), [("-".into(), None)]);
    // A root that is no directory is a usage error, before any reading.
    let out = claimcheck()
        .current_dir(&outside)
        .args(["check", "--format", "sarif", "--root", "a.txt", "a.txt"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("--root a.txt: not a directory"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Each rule carries its help (what `claimcheck explain` prints) as text and
/// Markdown; its page only when the docs base is given, by flag or in the
/// configuration, since claimcheck has no published address of its own.
#[test]
fn sarif_rules_have_help_and_a_page_only_when_one_is_known() {
    let rules = |doc: &Value| doc["runs"][0]["tool"]["driver"]["rules"].clone();
    let plain = sarif_in(Path::new(env!("CARGO_MANIFEST_DIR")), &["seeds/"]);
    for r in rules(&plain).as_array().unwrap() {
        assert!(r.get("helpUri").is_none(), "{r}");
        let code = r["id"].as_str().unwrap();
        let markdown = r["help"]["markdown"].as_str().unwrap();
        assert!(markdown.starts_with(&format!("**{code}** (")), "{markdown}");
        assert!(markdown.contains(&format!("`claimcheck explain {code}`")));
        assert!(r["help"]["text"].as_str().unwrap().contains(code));
    }
    assert!(
        plain["runs"][0]["tool"]["driver"]
            .get("informationUri")
            .is_none()
    );
    let base = "https://example.org/claimcheck/rules/";
    let with = sarif_in(
        Path::new(env!("CARGO_MANIFEST_DIR")),
        &["seeds/", "--docs-url", base],
    );
    for r in rules(&with).as_array().unwrap() {
        assert_eq!(
            r["helpUri"].as_str().unwrap(),
            format!("{base}{}", r["id"].as_str().unwrap())
        );
    }
    assert_eq!(with["runs"][0]["tool"]["driver"]["informationUri"], base);
    // From the configuration.
    let tmp = tempfile::tempdir().unwrap();
    flood_pair(tmp.path());
    std::fs::write(
        tmp.path().join("claimcheck.toml"),
        format!("docs-url = \"{base}\"\n"),
    )
    .unwrap();
    let configured = sarif_in(tmp.path(), &["a.txt", "b.txt"]);
    assert_eq!(
        rules(&configured)[0]["helpUri"],
        format!("{base}contradiction")
    );
    // Not an address: a usage error, before the articles are read.
    let out = claimcheck()
        .args(["check", "seeds/", "--docs-url", "rules page"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("--docs-url rules page: give an absolute address"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    std::fs::write(
        tmp.path().join("claimcheck.toml"),
        "docs-url = \"rules/\"\n",
    )
    .unwrap();
    let out = claimcheck()
        .current_dir(tmp.path())
        .args(["check", "a.txt", "--format", "sarif"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("claimcheck.toml: docs-url rules/: give an absolute address"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// `claimcheck check --format markdown ARGS` run in `dir` with `env`.
fn markdown_in(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> String {
    let out = claimcheck()
        .current_dir(dir)
        .args(["check", "--format", "markdown"])
        .args(args)
        .envs(env.iter().copied())
        .output()
        .unwrap();
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Each side's sentence is quoted, and nothing in an article can mention a
/// user, name an issue, make a link or write HTML in the comment.
#[test]
fn markdown_quotes_each_side_and_escapes_hostile_text() {
    let tmp = tempfile::tempdir().unwrap();
    flood_pair(tmp.path());
    std::fs::write(
        tmp.path().join("a.txt"),
        "date 2024-03-05 Floods killed five people in Valencia on Monday, @octocat and \
         <b>officials</b> said [here](https://evil.example) #12 www.evil.example.\n",
    )
    .unwrap();
    let text = markdown_in(tmp.path(), &["a.txt", "b.txt"], &[]);
    let quotes: Vec<&str> = text
        .lines()
        .filter_map(|l| l.trim_start().strip_prefix("> "))
        .collect();
    assert_eq!(quotes.len(), 2, "{text}");
    assert!(
        quotes[1].starts_with("Floods killed eleven people"),
        "{text}"
    );
    let hostile = quotes[0];
    for escaped in [
        "@\u{200b}octocat",
        "\\<b\\>officials\\</b\\>",
        "\\[here\\](https:\u{200b}//evil.example)",
        "#\u{200b}12",
        "www\u{200b}.evil.example",
    ] {
        assert!(hostile.contains(escaped), "{escaped} in {hostile}");
    }
    assert!(
        !text.contains("<b>") && !text.contains("@octocat"),
        "{text}"
    );
    // A side's place is code when no link base is known.
    assert!(
        text.contains("- side B: eleven people (source: mayor) at `b.txt:1`"),
        "{text}"
    );
}

/// In GitHub Actions each place links to its file and line at the commit
/// checked; `--link-base` gives another base.
#[test]
fn markdown_links_places_to_the_file_and_line() {
    let tmp = tempfile::tempdir().unwrap();
    flood_pair(&tmp.path().join("news"));
    let github = [
        ("GITHUB_SERVER_URL", "https://github.com"),
        ("GITHUB_REPOSITORY", "owner/repo"),
        ("GITHUB_SHA", "0123456789abcdef"),
    ];
    let text = markdown_in(tmp.path(), &["news/"], &github);
    assert!(
        text.contains(
            "- `contradiction` at [`news/a.txt:1`](https://github.com/owner/repo/blob/0123456789abcdef/news/a.txt#L1): "
        ),
        "{text}"
    );
    assert!(
        text.contains(
            "at [`news/b.txt:1`](https://github.com/owner/repo/blob/0123456789abcdef/news/b.txt#L1)"
        ),
        "{text}"
    );
    let text = markdown_in(
        tmp.path(),
        &["news/", "--link-base", "https://git.example/r/-/blob/main"],
        &github,
    );
    assert!(
        text.contains("[`news/a.txt:1`](https://git.example/r/-/blob/main/news/a.txt#L1)"),
        "{text}"
    );
}

/// A set with far more findings than a comment holds: the report stays
/// under GitHub's limit, shows whole findings, the most important first,
/// and says what it left out; shown and left out add up to the counts.
#[test]
fn a_large_markdown_report_stays_under_githubs_limit() {
    const CITIES: &[&str] = &[
        "Valencia",
        "Seville",
        "Porto",
        "Lyon",
        "Milan",
        "Naples",
        "Krakow",
        "Gdansk",
        "Leeds",
        "Glasgow",
        "Munich",
        "Hamburg",
        "Vienna",
        "Graz",
        "Zurich",
        "Geneva",
        "Bruges",
        "Ghent",
        "Utrecht",
        "Rotterdam",
        "Aarhus",
        "Malmo",
        "Bergen",
        "Tampere",
        "Riga",
        "Vilnius",
        "Tartu",
        "Brno",
        "Kosice",
        "Debrecen",
        "Cluj",
        "Varna",
        "Split",
        "Ljubljana",
        "Sarajevo",
        "Skopje",
        "Tirana",
        "Patras",
        "Izmir",
        "Haifa",
    ];
    const TOLLS: &[&str] = &[
        "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "fifteen", "twenty",
    ];
    let tmp = tempfile::tempdir().unwrap();
    // The same floods a month apart, each told with two tolls.
    for month in 1..=4 {
        for (i, city) in CITIES.iter().enumerate() {
            let (a, b) = (TOLLS[i % TOLLS.len()], TOLLS[(i + 5) % TOLLS.len()]);
            for (side, toll, who) in [("a", a, "officials"), ("b", b, "the mayor")] {
                std::fs::write(
                    tmp.path().join(format!("{month}-{i:02}{side}.txt")),
                    format!(
                        "date 2024-0{month}-05 Floods killed {toll} people in {city} on Monday, {who} said.\n"
                    ),
                )
                .unwrap();
            }
        }
    }
    let text = markdown_in(tmp.path(), &["."], &[]);
    let chars = text.chars().count();
    assert!(chars <= 65_536 - 1_536, "{chars} characters");
    assert!(
        chars > 50_000,
        "the set is too small to test the limit: {chars}"
    );
    // The counts of the whole run, from the verdict line.
    let verdict = text.lines().nth(2).unwrap();
    let count = |what: &str| -> usize {
        let (n, _) = verdict
            .split(", ")
            .map(|p| p.trim_start_matches("**"))
            .find_map(|p| p.split_once(&format!(" {what}")))
            .unwrap_or_else(|| panic!("{what} in {verdict}"));
        n.parse().unwrap()
    };
    let total = count("error") + count("warning") + count("info");
    // Sections in order of severity; each item whole (a quote under it).
    let mut shown = 0;
    let mut last_rank = 0;
    let lines: Vec<&str> = text.lines().collect();
    for (i, line) in lines.iter().enumerate() {
        if let Some(h) = line.strip_prefix("### ") {
            let rank = ["Errors", "Warnings", "Infos"]
                .iter()
                .position(|s| h.starts_with(s))
                .unwrap();
            assert!(rank >= last_rank, "{h}");
            last_rank = rank;
        }
        if line.starts_with("- `") {
            shown += 1;
            assert!(lines[i + 1].starts_with("  > "), "{line}");
        }
    }
    let (_, note) = text
        .split_once("\n---\n\n**Not shown: ")
        .expect("the closing note");
    let (left, _) = note.split_once(" more findings (").unwrap();
    let left: usize = left.parse().unwrap();
    assert_eq!(shown + left, total, "{note}");
    // By rule and by severity, the omitted findings add up.
    let (by_rule, rest) = note.split_once(" (").unwrap().1.split_once("; ").unwrap();
    let sum = |list: &str| -> usize {
        list.split(", ")
            .map(|p| p.split_once(' ').unwrap().0.parse::<usize>().unwrap())
            .sum()
    };
    assert_eq!(sum(by_rule), left, "{note}");
    assert_eq!(sum(rest.split_once(")").unwrap().0), left, "{note}");
    assert!(note.contains("claimcheck check"), "{note}");
    // Errors left out: no info takes their room.
    assert!(note.contains(" errors"), "{note}");
    assert!(!text.contains("### Infos"), "{text}");
}

/// GitHub's annotations and GitLab's Code Quality read paths relative to
/// the repository root: run from a subdirectory, they still name the file.
#[test]
fn github_and_gitlab_paths_are_relative_to_the_repository_root() {
    let tmp = tempfile::tempdir().unwrap();
    let repo = tmp.path().join("repo");
    let news = repo.join("news");
    flood_pair(&news);
    std::fs::create_dir(repo.join(".git")).unwrap();
    let run = |format: &str, args: &[&str]| {
        let out = claimcheck()
            .current_dir(&news)
            .args(["check", "--format", format])
            .args(args)
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    let annotations = run("github", &["a.txt", "b.txt"]);
    assert!(
        annotations.starts_with("::error file=news/a.txt,line=1,"),
        "{annotations}"
    );
    let issues: Vec<Value> = serde_json::from_str(&run("gitlab", &["a.txt", "b.txt"])).unwrap();
    assert!(!issues.is_empty());
    for issue in &issues {
        let path = issue["location"]["path"].as_str().unwrap();
        assert!(["news/a.txt", "news/b.txt"].contains(&path), "{path}");
    }
    // --root as for SARIF.
    let annotations = run("github", &["--root", ".", "a.txt", "b.txt"]);
    assert!(
        annotations.starts_with("::error file=a.txt,"),
        "{annotations}"
    );
}
