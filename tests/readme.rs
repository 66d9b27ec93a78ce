//! README.md's examples are the output of the commands they show. Every
//! ```` ```console ```` block is run: `$ claimcheck ARGS` lines are commands
//! (run from the repository root, colour off), the lines under each are what
//! it prints (stderr first, then stdout). In the expected text a line that
//! is only `…` stands for any number of lines, and `…` inside a line for any
//! text. `| head -n N` after a command keeps its first N lines (and, as in a
//! shell, the exit code is then head's); a comment `# exit code N` after a
//! command gives its exit code (default 0).

mod common;

/// One command of a console block and what it must print.
#[derive(Debug)]
struct Example {
    line: usize,
    command: String,
    args: Vec<String>,
    head: Option<usize>,
    /// `None` after a pipe, where the shell reports head's code.
    code: Option<i32>,
    expected: Vec<String>,
}

/// Splits a command line into words: white space separates, double or single
/// quotes group.
fn words(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    let mut quote = None;
    let mut any = false;
    for c in s.chars() {
        match (quote, c) {
            (None, '"' | '\'') => {
                quote = Some(c);
                any = true;
            }
            (Some(q), c) if c == q => quote = None,
            (None, c) if c.is_whitespace() => {
                if any {
                    out.push(std::mem::take(&mut word));
                    any = false;
                }
            }
            (_, c) => {
                word.push(c);
                any = true;
            }
        }
    }
    if any {
        out.push(word);
    }
    out
}

fn examples(readme: &str) -> Vec<Example> {
    let mut out: Vec<Example> = Vec::new();
    let mut in_console = false;
    let mut in_other = false;
    for (i, line) in readme.lines().enumerate() {
        if let Some(info) = line.strip_prefix("```") {
            if in_console || in_other {
                in_console = false;
                in_other = false;
            } else if info.trim() == "console" {
                in_console = true;
            } else {
                in_other = true;
            }
            continue;
        }
        if in_other {
            assert!(
                !line.starts_with("$ claimcheck"),
                "README.md:{}: a claimcheck example outside a console block is never checked",
                i + 1
            );
            continue;
        }
        if !in_console {
            continue;
        }
        if let Some(command) = line.strip_prefix("$ ") {
            let (command, comment) = match command.split_once(" # ") {
                Some((c, comment)) => (c.trim(), Some(comment.trim())),
                None => (command.trim(), None),
            };
            let code = comment.map_or(0, |c| {
                c.strip_prefix("exit code ")
                    .and_then(|n| n.parse().ok())
                    .unwrap_or_else(|| panic!("README.md:{}: comment `{c}`", i + 1))
            });
            let (command, head) = match command.split_once(" | ") {
                Some((c, pipe)) => {
                    let n = pipe
                        .strip_prefix("head -n ")
                        .and_then(|n| n.trim().parse().ok())
                        .unwrap_or_else(|| panic!("README.md:{}: only `| head -n N`", i + 1));
                    (c, Some(n))
                }
                None => (command, None),
            };
            assert!(
                head.is_none() || comment.is_none(),
                "README.md:{}: an exit code after a pipe is head's",
                i + 1
            );
            let code = if head.is_some() { None } else { Some(code) };
            let mut args = words(command);
            let command = command.to_string();
            assert_eq!(args.remove(0), "claimcheck", "README.md:{}", i + 1);
            out.push(Example {
                line: i + 1,
                command,
                args,
                head,
                code,
                expected: Vec::new(),
            });
        } else {
            let e = out
                .last_mut()
                .unwrap_or_else(|| panic!("README.md:{}: output before a command", i + 1));
            e.expected.push(line.to_string());
        }
    }
    out
}

/// Whether `text` matches `pattern`, where `…` stands for any text.
fn line_matches(pattern: &str, text: &str) -> bool {
    let parts: Vec<&str> = pattern.split('…').collect();
    if parts.len() == 1 {
        return pattern == text;
    }
    let (first, last) = (parts[0], parts[parts.len() - 1]);
    if !text.starts_with(first) || text.len() < first.len() + last.len() || !text.ends_with(last) {
        return false;
    }
    let mut rest = &text[first.len()..text.len() - last.len()];
    for p in &parts[1..parts.len() - 1] {
        match rest.find(p) {
            Some(at) => rest = &rest[at + p.len()..],
            None => return false,
        }
    }
    true
}

/// Whether the lines match the pattern lines (a `…` line: any lines).
fn lines_match(pattern: &[String], text: &[&str]) -> bool {
    match pattern.split_first() {
        None => text.is_empty(),
        Some((p, rest)) if p == "…" => (0..=text.len()).any(|k| lines_match(rest, &text[k..])),
        Some((p, rest)) => {
            !text.is_empty() && line_matches(p, text[0]) && lines_match(rest, &text[1..])
        }
    }
}

#[test]
fn wildcards_match_as_documented() {
    assert!(line_matches("a…c", "abbbc"));
    assert!(line_matches("a…", "a"));
    assert!(!line_matches("a…c", "ab"));
    assert!(line_matches("x…y…z", "x1y2z"));
    assert!(!line_matches("x…y…z", "x1z"));
    let p: Vec<String> = ["a", "…", "d"].iter().map(|s| s.to_string()).collect();
    assert!(lines_match(&p, &["a", "b", "c", "d"]));
    assert!(lines_match(&p, &["a", "d"]));
    assert!(!lines_match(&p, &["a", "b"]));
    assert_eq!(
        words(r#"--claim "Talks were held" x"#),
        ["--claim", "Talks were held", "x"]
    );
}

#[test]
fn every_readme_example_is_what_the_command_prints() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    let examples = examples(&readme);
    assert!(examples.len() >= 10, "{} examples", examples.len());
    let mut failures = Vec::new();
    for e in &examples {
        let out = common::claimcheck()
            .args(&e.args)
            .env("NO_COLOR", "1")
            .env_remove("CI")
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        let stderr = String::from_utf8_lossy(&out.stderr);
        let mut lines: Vec<&str> = stderr.lines().chain(stdout.lines()).collect();
        if let Some(n) = e.head {
            lines.truncate(n);
        }
        let code = out.status.code().unwrap_or(-1);
        if e.code.is_some_and(|c| c != code) || !lines_match(&e.expected, &lines) {
            failures.push(format!(
                "README.md:{}: `{}` exited {code} (README: {:?}) and printed:\n{}\n--- README shows:\n{}",
                e.line,
                e.command,
                e.code,
                lines.join("\n"),
                e.expected.join("\n")
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
