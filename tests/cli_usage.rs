//! What a new user meets in the first hour: where the inputs came from, a
//! file given twice, baselines, `--output` on every command, and `--help`
//! that lists only what each subcommand does.

mod common;

use common::claimcheck;
use serde_json::Value;

fn run(args: &[&str]) -> (String, String, i32) {
    let out = claimcheck().args(args).output().unwrap();
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
        out.status.code().unwrap_or(-1),
    )
}

fn rules(json: &str) -> Vec<String> {
    let doc: Value = serde_json::from_str(json).unwrap();
    doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn no_paths_says_the_seeds_are_checked_in_one_line() {
    let (_, stderr, code) = run(&["check", "--fail-on", "never"]);
    assert_eq!(code, 0);
    assert_eq!(
        stderr,
        "note: no paths given: checking the 2 built-in seed articles\n"
    );
    let (_, stderr, _) = run(&["extract"]);
    assert_eq!(
        stderr,
        "note: no paths given: extracting from the 2 built-in seed articles\n"
    );
    // Paths given: no note.
    let (_, stderr, _) = run(&["check", "seeds/"]);
    assert_eq!(stderr, "");
}

#[test]
fn an_empty_files_from_list_checks_nothing_and_passes_with_a_note() {
    let dir = tempfile::tempdir().unwrap();
    let list = dir.path().join("changed.txt");
    std::fs::write(&list, "\n\n").unwrap();
    let list = list.to_str().unwrap();
    let (stdout, stderr, code) = run(&["check", "--files-from", list, "--format", "json"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("the list names no path; nothing to check"),
        "{stderr}"
    );
    let doc: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(doc["findings"].as_array().unwrap().len(), 0);
    assert_eq!(doc["inputs"].as_array().unwrap().len(), 0, "not the seeds");
    // Empty from stdin too, in a machine format.
    let out = claimcheck()
        .args(["check", "--files-from", "-", "--format", "sarif"])
        .write_stdin("")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let sarif: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(sarif["runs"][0]["results"].as_array().unwrap().len(), 0);
}

#[test]
fn a_file_given_twice_is_read_once_with_one_line_saying_so() {
    let (once, _, _) = run(&["check", "--format", "json", "seeds/"]);
    for twice in [
        &["seeds", "./seeds"][..],
        &["seeds/", "seeds/000_08d0998124b02623.txt"],
        &[
            "seeds/000_08d0998124b02623.txt",
            "./seeds/000_08d0998124b02623.txt",
            "seeds/002_1f062e236fa650bf.txt",
        ],
    ] {
        let mut args = vec!["check", "--format", "json"];
        args.extend_from_slice(twice);
        let (stdout, stderr, code) = run(&args);
        assert_eq!(code, 1, "{stderr}");
        assert_eq!(rules(&stdout), rules(&once), "{twice:?}");
        assert!(
            !rules(&stdout).iter().any(|r| r == "circular-reporting"),
            "{twice:?}: a file reported as a copy of itself"
        );
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(stderr.starts_with("note: "), "{stderr}");
        assert!(stderr.contains("given twice"), "{stderr}");
        let doc: Value = serde_json::from_str(&stdout).unwrap();
        let skipped: Vec<&Value> = doc["inputs"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|i| i["status"] == "skipped")
            .collect();
        assert!(!skipped.is_empty(), "{twice:?}");
        assert!(
            skipped.iter().all(|i| i["reason"]
                .as_str()
                .unwrap()
                .starts_with("already read as ")),
            "{skipped:?}"
        );
    }
}

#[cfg(unix)]
#[test]
fn a_symlink_to_a_file_given_is_the_same_file() {
    let dir = tempfile::tempdir().unwrap();
    let seed =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds/000_08d0998124b02623.txt");
    let link = dir.path().join("copy.txt");
    std::os::unix::fs::symlink(&seed, &link).unwrap();
    let (stdout, stderr, _) = run(&[
        "check",
        "--format",
        "json",
        seed.to_str().unwrap(),
        link.to_str().unwrap(),
    ]);
    assert!(stderr.contains("given twice"), "{stderr}");
    assert!(!rules(&stdout).iter().any(|r| r == "circular-reporting"));
    // A real copy is another file: read, and flagged as a near-copy.
    let copy = dir.path().join("real-copy.txt");
    std::fs::copy(&seed, &copy).unwrap();
    let (stdout, stderr, _) = run(&[
        "check",
        "--format",
        "json",
        seed.to_str().unwrap(),
        copy.to_str().unwrap(),
    ]);
    assert_eq!(stderr, "");
    assert!(rules(&stdout).iter().any(|r| r == "circular-reporting"));
}

#[test]
fn record_files_given_twice_are_read_once() {
    let dir = tempfile::tempdir().unwrap();
    let records = dir.path().join("seeds.jsonl");
    claimcheck()
        .args([
            "extract",
            "--records",
            "seeds/",
            "-o",
            records.to_str().unwrap(),
        ])
        .assert()
        .success();
    let r = records.to_str().unwrap();
    let (once, _, _) = run(&["check", "--format", "json", "--from-records", r]);
    let same = format!("{}/./seeds.jsonl", dir.path().display());
    let (twice, stderr, _) = run(&["check", "--format", "json", "--from-records", r, &same]);
    assert!(stderr.contains("given twice"), "{stderr}");
    assert_eq!(rules(&once), rules(&twice));
}

#[test]
fn writing_a_baseline_exits_0() {
    let dir = tempfile::tempdir().unwrap();
    let base = dir.path().join("base.json");
    // The seeds have an error-level contradiction: exit 1 without the flag.
    let (_, _, code) = run(&["check", "seeds/"]);
    assert_eq!(code, 1);
    let (_, _, code) = run(&[
        "check",
        "seeds/",
        "--write-baseline",
        base.to_str().unwrap(),
    ]);
    assert_eq!(code, 0);
    let b: Value = serde_json::from_str(&std::fs::read_to_string(&base).unwrap()).unwrap();
    assert!(b.to_string().contains("contradiction"));
    // An unreadable input still says so.
    let (_, _, code) = run(&[
        "check",
        "seeds/",
        "no/such/article.txt",
        "--write-baseline",
        base.to_str().unwrap(),
    ]);
    assert_eq!(code, 2);
}

#[test]
fn init_and_explain_honour_output() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("conf/claimcheck.toml");
    std::fs::create_dir_all(config.parent().unwrap()).unwrap();
    let (stdout, _, code) = run(&["init", "-o", config.to_str().unwrap()]);
    assert_eq!(code, 0);
    assert!(stdout.contains("conf/claimcheck.toml"), "{stdout}");
    let text = std::fs::read_to_string(&config).unwrap();
    assert!(text.contains("fail-on"), "{text}");
    assert!(
        !std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("claimcheck.toml")
            .exists()
    );
    // It parses as a configuration, and is not overwritten without --force.
    let (_, _, code) = run(&["check", "seeds/", "--config", config.to_str().unwrap()]);
    assert_eq!(code, 1);
    let (_, stderr, code) = run(&["init", "-o", config.to_str().unwrap()]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("--force"), "{stderr}");

    let explained = dir.path().join("rule.txt");
    let (stdout, _, code) = run(&[
        "explain",
        "contradiction",
        "-o",
        explained.to_str().unwrap(),
    ]);
    assert_eq!(code, 0);
    assert_eq!(stdout, "");
    let (direct, _, _) = run(&["explain", "contradiction"]);
    assert_eq!(std::fs::read_to_string(&explained).unwrap(), direct);
    // An unknown rule writes no file.
    let none = dir.path().join("none.txt");
    let (_, _, code) = run(&["explain", "no-such-rule", "-o", none.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(!none.exists());
}

/// The possible values `--help` of a subcommand lists for `--format`.
fn formats_in_help(command: &str) -> Vec<String> {
    let (help, _, code) = run(&[command, "--help"]);
    assert_eq!(code, 0);
    let start = help.find("--format <FORMAT>").unwrap();
    let section = &help[start..];
    let end = section.find("[default: human]").unwrap();
    section[..end]
        .lines()
        .filter_map(|l| l.trim().strip_prefix("- "))
        .map(|l| l.split(':').next().unwrap().to_string())
        .collect()
}

#[test]
fn help_lists_each_subcommands_own_formats_and_they_alone_are_accepted() {
    let expected: [(&str, &[&str]); 4] = [
        (
            "check",
            &[
                "human", "concise", "json", "jsonl", "sarif", "github", "gitlab", "markdown",
                "junit", "html",
            ],
        ),
        ("extract", &["human", "json", "jsonl", "conllu"]),
        ("sources", &["human", "json", "jsonl", "dot", "mermaid"]),
        ("compare", &["human", "json"]),
    ];
    let all = [
        "human", "json", "jsonl", "dot", "mermaid", "sarif", "github", "gitlab", "markdown",
        "junit", "html", "conllu",
    ];
    for (command, formats) in expected {
        assert_eq!(formats_in_help(command), formats, "{command} --help");
        for f in all {
            if formats.contains(&f) {
                continue;
            }
            let (_, stderr, code) = run(&[command, "--format", f, "seeds/"]);
            assert_eq!(code, 2, "{command} --format {f}");
            // Named with the subcommand that does write it.
            assert!(
                stderr.starts_with(&format!("error: --format {f} "))
                    && stderr.contains("claimcheck "),
                "{command} --format {f}: {stderr}"
            );
        }
    }
}

#[test]
fn help_lists_only_the_exit_codes_a_subcommand_can_return() {
    for command in [
        "check", "extract", "sources", "compare", "explain", "init", "config",
    ] {
        let (help, _, _) = run(&[command, "--help"]);
        let codes = &help[help.find("Exit codes:").unwrap()..];
        let listed: Vec<&str> = codes
            .lines()
            .skip(1)
            .filter_map(|l| l.split_whitespace().next())
            .filter(|w| w.parse::<u8>().is_ok())
            .collect();
        let expected: &[&str] = if command == "check" {
            &["0", "1", "2"]
        } else {
            &["0", "2"]
        };
        assert_eq!(listed, expected, "{command} --help:\n{codes}");
    }
    // And they are the codes it returns: compare never exits 1, even on a
    // contradiction.
    let (_, _, code) = run(&["compare", "seeds/"]);
    assert_eq!(code, 0);
}

#[test]
fn cluster_flags_have_their_own_heading() {
    for (command, flags) in [
        ("check", &["--from-records", "--alignments"][..]),
        (
            "compare",
            &[
                "--from-records",
                "--write-entities",
                "--entities",
                "--block",
            ],
        ),
    ] {
        let (help, _, _) = run(&[command, "--help"]);
        let heading = help.find("Cluster runs:").expect(command);
        // Where a flag's own entry starts (not a mention in another's help).
        let entry = |text: &str, flag: &str| {
            text.lines()
                .position(|l| l.trim_start().starts_with(flag) && l.starts_with("      --"))
        };
        let (options, cluster) = help.split_at(heading);
        for flag in flags {
            assert!(
                entry(cluster, flag).is_some(),
                "{command} --help: {flag} not under Cluster runs"
            );
            assert!(
                entry(options, flag).is_none(),
                "{command} --help: {flag} among the options"
            );
        }
    }
}

/// A run killed while writing `--output` leaves no temporary file and ends
/// with the signal's status.
#[cfg(unix)]
#[test]
fn an_interrupted_run_removes_its_temporary_output_file() {
    use std::os::unix::process::ExitStatusExt;
    let dir = tempfile::tempdir().unwrap();
    for (signal, number) in [("TERM", 15), ("INT", 2), ("HUP", 1)] {
        let out = dir.path().join("out.jsonl");
        // Standard input stays open, so the run is mid-write when killed.
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin!("claimcheck"))
            .args(["extract", "--format", "jsonl", "--output"])
            .arg(&out)
            .arg("-")
            .stdin(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let temporary = || {
            std::fs::read_dir(dir.path())
                .unwrap()
                .filter_map(Result::ok)
                .filter(|e| e.file_name().to_string_lossy().starts_with(".claimcheck-"))
                .count()
        };
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
        while temporary() == 0 && std::time::Instant::now() < deadline {
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        assert_eq!(temporary(), 1, "the run writes a temporary file first");
        let killed = std::process::Command::new("kill")
            .args([&format!("-{signal}"), &child.id().to_string()])
            .status()
            .unwrap();
        assert!(killed.success());
        // `wait` would close standard input first, racing the signal with
        // an end of input: it stays open until the run has ended.
        let stdin = child.stdin.take();
        let status = child.wait().unwrap();
        drop(stdin);
        let mut stderr = String::new();
        std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut stderr).unwrap();
        assert_eq!(status.signal(), Some(number), "{status:?}: {stderr}");
        assert_eq!(temporary(), 0, "SIG{signal} left the temporary file");
        assert!(!out.exists(), "no half report");
    }
}

/// A reader that stops early (`| head`) does not change the exit code the
/// findings and inputs decided.
#[test]
fn a_closed_pipe_keeps_the_exit_code() {
    let dir = tempfile::tempdir().unwrap();
    let set = dir.path().join("set.jsonl");
    let mut body = String::new();
    for i in 0..300 {
        body.push_str(&format!(
            "{{\"id\":\"a{i}\",\"text\":\"The mayor said \\u201cwe will open bridge {i} on Monday\\u201d.\"}}\n"
        ));
    }
    body.push_str("not json\n");
    std::fs::write(&set, body).unwrap();
    let run = |args: &[&str]| {
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin!("claimcheck"))
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .args(args)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        // Closed before the first byte is written.
        drop(child.stdout.take());
        child.wait().unwrap().code()
    };
    let set = set.to_str().unwrap();
    assert_eq!(run(&["extract", "--format", "jsonl", set]), Some(2));
    assert_eq!(run(&["check", "--format", "json", set]), Some(2));
    assert_eq!(run(&["check", "--format", "json", "seeds"]), Some(1));
}

#[test]
fn completions_and_manual_pages_are_made_from_the_same_definition_as_help() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let (script, stderr, code) = run(&["completions", shell]);
        assert_eq!(code, 0, "{shell}: {stderr}");
        for word in ["claimcheck", "check", "extract", "stdin-format"] {
            assert!(script.contains(word), "{shell} completions lack {word}");
        }
        // The shells that complete values get the formats too.
        if ["bash", "zsh", "fish"].contains(&shell) {
            assert!(
                script.contains("gitlab"),
                "{shell} completions lack the formats"
            );
        }
    }
    // The bash script is bash.
    let (bash, _, _) = run(&["completions", "bash"]);
    let status = std::process::Command::new("bash")
        .args(["-n", "-c", &bash])
        .status()
        .unwrap();
    assert!(status.success());
    // The program's page lists the subcommands; a subcommand's page its
    // options, under its full name.
    let (page, _, code) = run(&["man"]);
    assert_eq!(code, 0);
    assert!(
        page.starts_with(".ie") && page.contains(".TH claimcheck 1"),
        "{page:.200}"
    );
    for sub in [
        "check", "extract", "sources", "compare", "explain", "init", "config",
    ] {
        assert!(page.contains(sub), "{sub}");
    }
    let (check, _, _) = run(&["man", "check"]);
    assert!(check.contains(".TH claimcheck-check 1"));
    assert!(check.contains("claimcheck check"));
    assert!(check.contains("\\-\\-fail\\-on"));
    let (_, stderr, code) = run(&["man", "nope"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("no subcommand `nope`"), "{stderr}");
}
