//! Helpers shared by the CLI tests.

use assert_cmd::Command;
use serde_json::Value;

/// `claimcheck`, run from the repository root.
pub fn claimcheck() -> Command {
    let mut cmd = Command::cargo_bin("claimcheck").unwrap();
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"));
    // In GitHub Actions these would link the Markdown report to the commit.
    for var in ["GITHUB_SERVER_URL", "GITHUB_REPOSITORY", "GITHUB_SHA"] {
        cmd.env_remove(var);
    }
    cmd
}

/// The statements `claimcheck extract ARGS --format jsonl` prints.
#[allow(dead_code, reason = "not every test file lists statements")]
pub fn extract(args: &[&str]) -> Vec<Value> {
    let out = claimcheck()
        .arg("extract")
        .args(args)
        .args(["--format", "jsonl"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}
