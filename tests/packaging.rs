//! The files that package claimcheck for other tools: the pre-commit hook
//! (`.pre-commit-hooks.yaml`), the GitHub Action (`action.yml`) and the
//! release workflow. Each is read as the tool reads it (the keys its
//! documentation requires), and run where it can be run here: the hook's
//! entry on staged-looking file names, the action's check step as the runner
//! runs it, with its outputs.

mod common;

use std::path::Path;
use yaml_rust2::{Yaml, YamlLoader};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn yaml(name: &str) -> Yaml {
    let text = std::fs::read_to_string(root().join(name)).unwrap();
    YamlLoader::load_from_str(&text)
        .unwrap_or_else(|e| panic!("{name}: {e}"))
        .into_iter()
        .next()
        .unwrap_or_else(|| panic!("{name} is empty"))
}

fn text<'a>(y: &'a Yaml, key: &str) -> &'a str {
    y[key]
        .as_str()
        .unwrap_or_else(|| panic!("`{key}` is a string in {y:?}"))
}

/// The claimcheck binary's directory, for a PATH.
fn bin_dir() -> std::path::PathBuf {
    Path::new(env!("CARGO_BIN_EXE_claimcheck"))
        .parent()
        .unwrap()
        .to_path_buf()
}

#[test]
fn the_pre_commit_hook_checks_the_staged_articles_as_one_set() {
    let hooks = yaml(".pre-commit-hooks.yaml");
    let hooks = hooks.as_vec().expect("a list of hooks");
    assert_eq!(hooks.len(), 1);
    let hook = &hooks[0];
    // What pre-commit requires of a hook, and what this one must say.
    for key in ["id", "name", "entry", "language"] {
        assert!(!text(hook, key).is_empty(), "{key}");
    }
    assert_eq!(text(hook, "id"), "claimcheck");
    assert_eq!(
        text(hook, "language"),
        "rust",
        "pre-commit builds it with cargo"
    );
    assert_eq!(
        hook["require_serial"].as_bool(),
        Some(true),
        "one run, one set"
    );
    assert_ne!(hook["pass_filenames"].as_bool(), Some(false));
    // Every extension claimcheck reads is matched by `files`.
    let files = text(hook, "files");
    for ext in claimcheck::ingest::EXTENSIONS.split(", ") {
        let ext = ext.trim_start_matches('.');
        let listed = files.contains(ext)
            || (ext == "htm" && files.contains("html?"))
            || (ext == "html" && files.contains("html?"));
        assert!(listed, "{ext} not in files: {files}");
    }
    // Run as pre-commit runs it: the entry, then the staged file names.
    let entry: Vec<&str> = text(hook, "entry").split_whitespace().collect();
    assert_eq!(entry[0], "claimcheck");
    let staged = [
        "fixtures/formats/txt/harbour-a.txt",
        "fixtures/formats/txt/harbour-b.txt",
    ];
    let out = common::claimcheck()
        .args(&entry[1..])
        .args(staged)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    // The contradiction lies between the two files: found only together.
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(stdout.contains("error[contradiction]"), "{stdout}");
    assert!(!stdout.contains('\u{1b}'), "no colour in a hook's output");
}

#[test]
fn the_action_is_a_composite_action_whose_steps_run() {
    let action = yaml("action.yml");
    for key in ["name", "description"] {
        assert!(!text(&action, key).is_empty());
    }
    let runs = &action["runs"];
    assert_eq!(text(runs, "using"), "composite");
    let steps = runs["steps"].as_vec().expect("steps");
    let inputs = action["inputs"].as_hash().expect("inputs");
    let source = std::fs::read_to_string(root().join("action.yml")).unwrap();
    // Every `${{ inputs.X }}` names a declared input.
    for part in source.split("inputs.").skip(1) {
        let name: String = part
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
            .collect();
        assert!(
            inputs.contains_key(&Yaml::String(name.clone())),
            "undeclared input {name}"
        );
    }
    let mut check_script = None;
    for step in steps {
        if let Some(script) = step["run"].as_str() {
            // A composite step that runs a script must name its shell.
            assert_eq!(text(step, "shell"), "bash", "{step:?}");
            // The script parses as bash.
            let status = std::process::Command::new("bash")
                .args(["-n", "-c", script])
                .status()
                .unwrap();
            assert!(status.success(), "bash -n: {script}");
            if step["id"].as_str() == Some("check") {
                check_script = Some(script.to_string());
            }
        } else {
            assert!(step["uses"].as_str().is_some(), "{step:?}");
        }
    }
    // The check step, run as the runner runs it (inputs in the environment,
    // claimcheck on the PATH): its exit code is an output, the SARIF is
    // written, the step itself passes so the upload can still run.
    let script = check_script.expect("the step with id `check`");
    let dir = tempfile::tempdir().unwrap();
    let output = dir.path().join("github_output");
    let path = format!(
        "{}:{}",
        bin_dir().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let txt = root().join("fixtures/formats/txt");
    let run = std::process::Command::new("bash")
        .args(["-c", &script])
        .current_dir(dir.path())
        .env("PATH", path)
        .env("PATHS", &txt)
        .env("FAIL_ON", "error")
        .env("SARIF", "true")
        .env("ARGS", "--color never")
        .env("GITHUB_OUTPUT", &output)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert!(run.status.success(), "{stdout}");
    assert!(stdout.contains("::error file="), "annotations: {stdout}");
    assert_eq!(
        std::fs::read_to_string(&output).unwrap().trim(),
        "exit-code=1"
    );
    let sarif: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("claimcheck.sarif")).unwrap())
            .unwrap();
    assert_eq!(sarif["version"], "2.1.0");
}

#[test]
fn the_release_builds_every_target_the_action_downloads() {
    let release = yaml(".github/workflows/release.yml");
    let tags = &release["on"]["push"]["tags"];
    assert!(
        tags.as_vec().is_some_and(|t| !t.is_empty()),
        "built on tags"
    );
    let matrix = release["jobs"]["build"]["strategy"]["matrix"]["include"]
        .as_vec()
        .expect("a target matrix");
    let built: Vec<&str> = matrix.iter().map(|m| text(m, "target")).collect();
    let action = std::fs::read_to_string(root().join("action.yml")).unwrap();
    let asked: Vec<&str> = action
        .lines()
        .filter_map(|l| l.split("target=").nth(1))
        .map(|t| t.trim_end_matches(" ;;").trim())
        .filter(|t| !t.is_empty())
        .collect();
    assert!(!asked.is_empty());
    for target in &asked {
        assert!(
            built.contains(target),
            "the action asks for {target}, the release does not build it"
        );
    }
    // The archive the release attaches is the one the action downloads.
    let workflow = std::fs::read_to_string(root().join(".github/workflows/release.yml")).unwrap();
    assert!(workflow.contains("claimcheck-$TARGET.tar.gz"));
    assert!(action.contains("claimcheck-$target.tar.gz"));
}
