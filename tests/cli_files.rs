//! Which files a run reads: ignore files (`.gitignore` in a git repository,
//! `.ignore`, `.claimcheckignore`), `--exclude`, `--no-ignore`, the
//! configuration's `ignore` globs relative to its own directory, and the
//! configuration found from the checked paths (`claimcheck.toml` or
//! `.claimcheck.toml`), shown by `claimcheck config --show`.

mod common;

use common::claimcheck;
use serde_json::Value;
use std::path::Path;

const ARTICLE: &str = "date 2024-01-02 The mayor opened the bridge on Monday.\n";

/// Writes `files` (path, text) under `root`, making their directories.
fn write(root: &Path, files: &[(&str, &str)]) {
    for (path, text) in files {
        let path = root.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
}

/// A git repository (with no commit) in `dir`.
fn git_init(dir: &Path) {
    let status = std::process::Command::new("git")
        .args(["init", "-q"])
        .current_dir(dir)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .status()
        .unwrap();
    assert!(status.success());
}

/// `claimcheck COMMAND --format json ARGS` in `dir`: the report, the exit
/// code and stderr.
fn json_in(dir: &Path, command: &str, args: &[&str]) -> (Value, i32, String) {
    let out = claimcheck()
        .current_dir(dir)
        .args([command, "--format", "json"])
        .args(args)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let doc = serde_json::from_slice(&out.stdout).unwrap_or_else(|_| panic!("{stderr}"));
    (doc, out.status.code().unwrap(), stderr)
}

/// The inputs read, and those skipped with their reasons, by path.
fn inputs(doc: &Value) -> (Vec<String>, Vec<(String, String)>) {
    let mut read = Vec::new();
    let mut skipped = Vec::new();
    for i in doc["inputs"].as_array().unwrap() {
        let path = i["path"].as_str().unwrap().to_string();
        match i["status"].as_str().unwrap() {
            "read" => read.push(path),
            "skipped" => skipped.push((path, i["reason"].as_str().unwrap().to_string())),
            other => panic!("{path} {other}: {i}"),
        }
    }
    (read, skipped)
}

fn read_by_check(dir: &Path, args: &[&str]) -> Vec<String> {
    let mut all = vec!["--fail-on", "never"];
    all.extend_from_slice(args);
    let (doc, code, stderr) = json_in(dir, "check", &all);
    assert_eq!(code, 0, "{stderr}");
    inputs(&doc).0
}

#[test]
fn gitignored_articles_are_listed_as_skipped_unless_named_or_no_ignore() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    git_init(root);
    write(
        root,
        &[
            (".gitignore", "drafts/\nsecret.txt\n"),
            ("a.txt", ARTICLE),
            ("secret.txt", ARTICLE),
            ("drafts/b.txt", ARTICLE),
            // The ignored directory is never entered: this is not read.
            ("drafts/bad.txt", "\u{0}\u{0}"),
        ],
    );
    let (doc, code, stderr) = json_in(root, "check", &[".", "--fail-on", "never"]);
    assert_eq!(code, 0, "{stderr}");
    let (read, skipped) = inputs(&doc);
    assert_eq!(read, ["./a.txt"]);
    let ignored: Vec<&str> = skipped
        .iter()
        .filter(|(_, why)| why.starts_with("ignored by .gitignore"))
        .map(|(p, _)| p.as_str())
        .collect();
    assert_eq!(ignored, ["./drafts", "./secret.txt"], "{skipped:?}");
    // Named on the command line, an ignored file is read.
    assert_eq!(
        read_by_check(root, &[".", "secret.txt"]),
        ["./a.txt", "secret.txt"]
    );
    // --no-ignore reads what the ignore files leave out.
    let out = claimcheck()
        .current_dir(root)
        .args(["check", ".", "--no-ignore", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "drafts/bad.txt is read");
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["summary"]["articles"], 3);
}

#[test]
fn a_gitignore_outside_a_git_repository_is_not_read_as_in_ripgrep() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        &[
            (".gitignore", "b.txt\n"),
            ("a.txt", ARTICLE),
            ("b.txt", ARTICLE),
        ],
    );
    assert_eq!(read_by_check(dir.path(), &["."]), ["./a.txt", "./b.txt"]);
}

#[test]
fn ignore_and_claimcheckignore_files_apply_anywhere_and_in_subdirectories() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        &[
            (".ignore", "old/\n"),
            ("news/.claimcheckignore", "*.md\n!keep.md\n"),
            ("news/a.txt", ARTICLE),
            ("news/b.md", ARTICLE),
            ("news/keep.md", ARTICLE),
            ("news/old/c.txt", ARTICLE),
        ],
    );
    // The .ignore of the directory above the one walked applies too.
    let (doc, code, stderr) = json_in(dir.path(), "extract", &["news"]);
    assert_eq!(code, 0, "{stderr}");
    let (read, skipped) = inputs(&doc);
    assert_eq!(read, ["news/a.txt", "news/keep.md"]);
    let left_out: Vec<&str> = skipped
        .iter()
        .filter(|(_, why)| why.contains(".claimcheckignore"))
        .map(|(p, _)| p.as_str())
        .collect();
    assert_eq!(left_out, ["news/b.md", "news/old"]);
    assert_eq!(read_by_check(dir.path(), &["news", "--no-ignore"]).len(), 4);
}

#[test]
fn exclude_leaves_out_gitignore_style_under_each_directory_on_every_command() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        &[
            (".ignore", "c.txt\n"),
            ("news/a.txt", ARTICLE),
            ("news/b.md", ARTICLE),
            ("news/c.txt", ARTICLE),
            ("news/sub/drafts/d.txt", ARTICLE),
            ("news/drafts.txt", ARTICLE),
        ],
    );
    let args = ["news", "--exclude", "*.md", "--exclude", "drafts/"];
    for command in ["check", "extract", "sources", "compare"] {
        let (doc, code, stderr) = json_in(dir.path(), command, &args);
        assert!(code < 2, "{command}: {stderr}");
        let (read, skipped) = inputs(&doc);
        assert_eq!(read, ["news/a.txt", "news/drafts.txt"], "{command}");
        let excluded: Vec<&str> = skipped
            .iter()
            .filter(|(_, why)| why == "excluded by --exclude")
            .map(|(p, _)| p.as_str())
            .collect();
        assert_eq!(excluded, ["news/b.md", "news/sub/drafts"], "{command}");
    }
    // The streaming extract too.
    let out = claimcheck()
        .current_dir(dir.path())
        .args(["extract", "--format", "jsonl"])
        .args(args)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(!text.contains("b.md") && !text.contains("d.txt"), "{text}");
    // Relative to the directory walked: `/a.txt` is news/a.txt.
    assert_eq!(
        read_by_check(dir.path(), &["news", "--exclude", "/a.txt"]),
        ["news/b.md", "news/drafts.txt", "news/sub/drafts/d.txt"]
    );
    // --no-ignore leaves --exclude in force; a named file is read.
    assert_eq!(
        read_by_check(
            dir.path(),
            &["news", "news/b.md", "--no-ignore", "--exclude", "*.md"]
        ),
        [
            "news/a.txt",
            "news/c.txt",
            "news/drafts.txt",
            "news/sub/drafts/d.txt",
            "news/b.md"
        ]
    );
    // A bad pattern is a usage error.
    claimcheck()
        .args(["check", "--exclude", "[z-a]"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("bad pattern `[z-a]`"));
}

#[test]
fn a_bad_line_in_an_ignore_file_is_a_warning_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        &[
            ("news/.claimcheckignore", "b.txt\n[z-a]\n"),
            ("news/a.txt", ARTICLE),
            ("news/b.txt", ARTICLE),
        ],
    );
    let (doc, code, stderr) = json_in(dir.path(), "check", &["news", "--fail-on", "never"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(inputs(&doc).0, ["news/a.txt"]);
    assert!(
        stderr.contains("warning: news/.claimcheckignore:2: ignore file:"),
        "{stderr}"
    );
}

#[test]
fn config_ignore_globs_are_relative_to_the_config_directory_from_any_cwd() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(
        root,
        &[
            (
                "proj/claimcheck.toml",
                "ignore = [\"drafts/**\", \"b.txt\"]\n",
            ),
            ("proj/a.txt", ARTICLE),
            ("proj/b.txt", ARTICLE),
            ("proj/drafts/c.txt", ARTICLE),
            ("elsewhere/x", ""),
        ],
    );
    let read = |cwd: &str, path: &str| -> Vec<String> {
        let (doc, code, stderr) = json_in(&root.join(cwd), "check", &[path]);
        assert!(code < 2, "{stderr}");
        let (read, skipped) = inputs(&doc);
        let ignored = skipped
            .iter()
            .filter(|(_, why)| why.starts_with("ignored by "))
            .count();
        assert_eq!(ignored, 2, "{skipped:?}");
        read
    };
    assert_eq!(read("proj", "."), ["./a.txt"]);
    assert_eq!(read("", "proj"), ["proj/a.txt"]);
    assert_eq!(read("elsewhere", "../proj"), ["../proj/a.txt"]);
    assert_eq!(read("proj/drafts", ".."), ["../a.txt"]);
    // A named file too.
    let (doc, _, _) = json_in(&root.join("elsewhere"), "check", &["../proj/b.txt"]);
    assert_eq!(doc["summary"]["articles"], 0);
}

#[test]
fn the_config_is_found_from_the_checked_path_not_the_cwd() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(
        root,
        &[
            // Every rule off: a clean run.
            (
                "proj/.claimcheck.toml",
                "[rules]\ncontradiction = \"off\"\nunattributed-quote = \"off\"\n\
                 inconsistent-name = \"off\"\nunbalanced-quote = \"off\"\n\
                 single-source = \"off\"\nanonymous-source = \"off\"\n\
                 circular-reporting = \"off\"\nquote-drift = \"off\"\n",
            ),
            ("proj/news/a.txt", "date 2024-01-02 He said: \"It opens.\n"),
            ("other/a.txt", "date 2024-01-02 He said: \"It opens.\n"),
        ],
    );
    let findings = |cwd: &Path, args: &[&str]| {
        let (doc, _, stderr) = json_in(cwd, "check", args);
        assert!(doc["findings"].is_array(), "{stderr}");
        doc["findings"].as_array().unwrap().len()
    };
    assert_eq!(findings(root, &["proj/news/a.txt"]), 0);
    assert_eq!(findings(&root.join("other"), &["../proj/news"]), 0);
    // Without it, the unbalanced quote is found.
    assert!(findings(root, &["other/a.txt"]) > 0);
    // Paths under different configurations: a usage error naming both.
    let out = claimcheck()
        .current_dir(root)
        .args(["check", "proj/news", "other/a.txt"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("proj/.claimcheck.toml")
            && stderr.contains("other/a.txt under no configuration file")
            && stderr.contains("--config"),
        "{stderr}"
    );
    // --config chooses.
    assert_eq!(
        findings(
            root,
            &[
                "proj/news",
                "other/a.txt",
                "--config",
                "proj/.claimcheck.toml"
            ]
        ),
        0
    );
    // Both names in one directory: an error naming them.
    write(root, &[("proj/claimcheck.toml", "")]);
    let out = claimcheck()
        .current_dir(root)
        .args(["check", "proj/news"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("claimcheck.toml and .claimcheck.toml are both"),
        "{stderr}"
    );
    // `init` will not write the second one.
    std::fs::remove_file(root.join("proj/claimcheck.toml")).unwrap();
    claimcheck()
        .current_dir(root.join("proj"))
        .arg("init")
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            ".claimcheck.toml is the configuration here already",
        ));
    assert!(!root.join("proj/claimcheck.toml").exists());
}

#[test]
fn config_show_prints_the_merged_configuration_that_reads_back() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(
        root,
        &[
            (
                "proj/claimcheck.toml",
                "fail-on = \"warning\"\nignore = [\"drafts/**\"]\nmax-article-bytes = 4096\n\
                 [rules]\nquote-drift = \"off\"\n[fields]\ntext = \"body\"\n\
                 [aliases]\n\"Jo Quist\" = [\"Jo Kvist\"]\n",
            ),
            ("proj/a.txt", ARTICLE),
        ],
    );
    let show = |cwd: &Path, args: &[&str]| {
        let out = claimcheck()
            .current_dir(cwd)
            .args(["config", "--show"])
            .args(args)
            .output()
            .unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let text = show(root, &["proj/a.txt"]);
    let first = text.lines().next().unwrap();
    assert!(
        first.starts_with('#') && first.contains("proj/claimcheck.toml"),
        "{text}"
    );
    let table: toml::Table = toml::from_str(&text).unwrap();
    assert_eq!(table["fail-on"].as_str(), Some("warning"));
    assert_eq!(table["max-article-bytes"].as_str(), Some("4K"));
    assert_eq!(table["day-order"].as_str(), Some("day-first"));
    assert_eq!(table["rules"]["quote-drift"].as_str(), Some("off"));
    assert_eq!(table["rules"]["contradiction"].as_str(), Some("error"));
    assert_eq!(table["rules"].as_table().unwrap().len(), 8);
    assert_eq!(table["fields"]["text"].as_str(), Some("body"));
    assert_eq!(table["aliases"]["Jo Quist"][0].as_str(), Some("Jo Kvist"));
    // It is a configuration claimcheck reads, meaning the same.
    std::fs::write(root.join("proj/shown.toml"), &text).unwrap();
    let again = show(root, &["--config", "proj/shown.toml"]);
    assert_eq!(
        again.lines().skip(2).collect::<Vec<_>>(),
        text.lines().skip(2).collect::<Vec<_>>()
    );
    // With no file: the defaults, saying so.
    let text = show(&root.join("proj/.."), &[]);
    assert!(
        text.starts_with("# The configuration in force: the defaults (no "),
        "{text}"
    );
    let table: toml::Table = toml::from_str(&text).unwrap();
    assert_eq!(table["fail-on"].as_str(), Some("error"));
    assert_eq!(table["max-article-bytes"].as_str(), Some("16M"));
    // A bad file: exit 2 naming its line.
    write(
        root,
        &[(
            "bad/claimcheck.toml",
            "fail-on = \"error\"\ncolour = true\n",
        )],
    );
    claimcheck()
        .current_dir(root.join("bad"))
        .args(["config", "--show"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("claimcheck.toml:2:"));
    // --show is the one thing `config` does today.
    claimcheck().args(["config"]).assert().code(2);
}
