//! Runs on a terminal: the binary under a pseudo-terminal (util-linux
//! `script`), so stderr is a TTY as at a user's prompt. A run on a few hundred
//! articles once hung there forever (the main thread held the stderr lock
//! while the progress bar waited for it); these tests fail on a time-out.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Long enough for a debug build on two cores; the hang never ended.
const TIME_OUT: Duration = Duration::from_secs(240);

/// More articles than the bar's threshold.
const ARTICLES: usize = 400;

/// A directory of `ARTICLES` short generated articles about one port story.
fn articles() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let people = ["Ana Ruiz", "Jon Berg", "Mara Olsen", "Tomas Vik"];
    let places = ["Gdansk", "Rotterdam", "Hamburg", "Antwerp"];
    for i in 0..ARTICLES {
        let who = people[i % people.len()];
        let place = places[i % places.len()];
        let dead = 3 + i % 5;
        let text = format!(
            "date 2024-05-{:02}\n\
             An explosion at the port of {place} killed {dead} workers on Monday, officials said.\n\n\
             \u{201c}We heard a blast and then the alarms,\u{201d} {who}, a dock worker, told reporters.\n",
            1 + i % 28
        );
        std::fs::write(dir.path().join(format!("story_{i:03}.txt")), text).unwrap();
    }
    dir
}

/// The `script` binary, which gives the child a pseudo-terminal.
fn script() -> PathBuf {
    let found = ["/usr/bin/script", "/bin/script"]
        .iter()
        .map(PathBuf::from)
        .find(|p| p.exists());
    found.expect("util-linux `script` is needed to run claimcheck on a pseudo-terminal")
}

/// Quotes one word for `sh -c`.
fn sh_quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', r"'\''"))
}

/// What a run on a terminal printed, and its exit code.
struct TerminalRun {
    screen: String,
    code: i32,
}

/// Runs `claimcheck ARGS` on a pseudo-terminal (stdout and stderr both the
/// terminal) in `dir`, with `CI` unset unless `ci` is true; panics if it does
/// not finish within [`TIME_OUT`].
fn on_terminal(dir: &Path, args: &[&str], ci: bool) -> TerminalRun {
    on_terminal_of(dir, args, ci, None)
}

/// [`on_terminal`] on a terminal of `columns` set with `stty` (and no
/// `COLUMNS` in the environment), or with `COLUMNS=100` when `None`.
fn on_terminal_of(dir: &Path, args: &[&str], ci: bool, columns: Option<u16>) -> TerminalRun {
    let bin = env!("CARGO_BIN_EXE_claimcheck");
    let mut line = sh_quote(bin);
    for a in args {
        line.push(' ');
        line.push_str(&sh_quote(a));
    }
    if let Some(columns) = columns {
        line = format!("stty cols {columns} rows 50; exec {line}");
    }
    // `script` reports the child's exit code with -e; -q drops its banner.
    let mut cmd = Command::new(script());
    cmd.args(["-qec", &line, "/dev/null"])
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .env("TERM", "xterm");
    match columns {
        Some(_) => cmd.env_remove("COLUMNS"),
        None => cmd.env("COLUMNS", "100"),
    };
    if ci {
        cmd.env("CI", "true");
    } else {
        cmd.env_remove("CI");
    }
    let mut child = cmd.spawn().unwrap();
    // Read the terminal's output as it comes: a full pipe would block
    // `script`, and the run behind it, on a write.
    let screen = drain(child.stdout.take().unwrap());
    let errors = drain(child.stderr.take().unwrap());
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > TIME_OUT {
            let _ = child.kill();
            let _ = child.wait();
            panic!("claimcheck {args:?} on a terminal did not finish in {TIME_OUT:?}");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let screen = String::from_utf8_lossy(&screen.join().unwrap()).into_owned();
    let errors = String::from_utf8_lossy(&errors.join().unwrap()).into_owned();
    assert!(errors.is_empty(), "script: {errors}");
    TerminalRun {
        screen,
        code: status.code().unwrap_or(-1),
    }
}

/// Reads a pipe to its end on a thread of its own.
fn drain(mut pipe: impl std::io::Read + Send + 'static) -> std::thread::JoinHandle<Vec<u8>> {
    std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = pipe.read_to_end(&mut buf);
        buf
    })
}

fn bar_shown(screen: &str) -> bool {
    screen.contains(&format!("/{ARTICLES} articles, ")) && screen.contains(" elapsed")
}

#[test]
fn every_command_finishes_on_a_terminal_with_the_bar_shown() {
    let dir = articles();
    let cases: [(&[&str], i32); 5] = [
        (&["check", ".", "--fail-on", "never"], 0),
        (&["compare", "."], 0),
        (&["sources", "."], 0),
        (&["extract", "."], 0),
        (
            &[
                "check",
                ".",
                "--format",
                "html",
                "-o",
                "report.html",
                "--fail-on",
                "never",
            ],
            0,
        ),
    ];
    for (args, code) in cases {
        let run = on_terminal(dir.path(), args, false);
        assert_eq!(run.code, code, "claimcheck {args:?}:\n{}", run.screen);
        assert!(
            bar_shown(&run.screen),
            "claimcheck {args:?}: no progress bar on the terminal:\n{}",
            &run.screen[..run.screen.len().min(2000)]
        );
    }
    let html = std::fs::read_to_string(dir.path().join("report.html")).unwrap();
    assert!(html.contains("</html>"));
}

#[test]
fn no_bar_under_ci_even_on_a_terminal() {
    let dir = articles();
    let run = on_terminal(dir.path(), &["sources", "."], true);
    assert_eq!(run.code, 0, "{}", run.screen);
    assert!(!bar_shown(&run.screen), "{}", run.screen);
}

#[test]
fn no_bar_in_a_pipe() {
    let dir = articles();
    let out = Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .args(["sources", "."])
        .current_dir(dir.path())
        .env_remove("CI")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!bar_shown(&stderr), "{stderr}");
    assert!(
        !stderr.contains('\u{1b}'),
        "escape codes in a pipe: {stderr}"
    );
}

/// The diagnostics fit the terminal: at 80 and 120 columns (the size of the
/// pseudo-terminal, as a user's window sets it) no source line of a snippet
/// is wider than the screen, and `COLUMNS` sets the width in a pipe.
#[test]
fn diagnostics_fit_the_terminal_width() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let widest = |screen: &str| {
        screen
            .lines()
            .map(|l| l.trim_end_matches('\r'))
            .filter(|l| {
                let t = l.trim_start();
                t.split_once(" |")
                    .is_some_and(|(n, _)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
            })
            .map(|l| l.chars().count())
            .max()
            .unwrap_or(0)
    };
    for columns in [80u16, 120] {
        let run = on_terminal_of(
            root,
            &["check", "seeds/", "--color", "never"],
            false,
            Some(columns),
        );
        assert_eq!(run.code, 1, "{}", run.screen);
        let widest = widest(&run.screen);
        assert!(
            widest > 0 && widest <= usize::from(columns),
            "{columns}: {widest}\n{}",
            run.screen
        );
    }
    let piped = Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .args(["check", "seeds/", "--color", "never"])
        .current_dir(root)
        .env("COLUMNS", "90")
        .output()
        .unwrap();
    let widest = widest(&String::from_utf8_lossy(&piped.stdout));
    assert!(widest > 0 && widest <= 90, "{widest}");
}
