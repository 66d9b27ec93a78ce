//! The HTML report in a real browser: headless Chromium renders the seeds'
//! report, with one more article that plants scripts in its text, its file
//! name and its outlet.
//!
//! Chromium is `/usr/bin/chromium` or `chromium` on PATH. When it is missing
//! and the test runs as root with apt-get (a CI container), it installs
//! Debian's `chromium` package first; when it still cannot be found, each
//! test prints why it is skipped and passes. `.ci/run` installs it the same
//! way before `cargo test`.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// How long one Chromium run may take before it is killed.
const TIMEOUT: Duration = Duration::from_secs(60);

/// Flags for a quiet, offline, one-shot headless run.
const FLAGS: &[&str] = &[
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
];

/// Set by the planted payloads if they ever ran.
const PWNED: &str = "data-pwned";

fn on_path(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(name))
        .find(|p| p.is_file())
}

fn find_chromium() -> Option<PathBuf> {
    let fixed = Path::new("/usr/bin/chromium");
    if fixed.is_file() {
        return Some(fixed.to_path_buf());
    }
    on_path("chromium")
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

/// Chromium, installed with apt-get if missing and allowed; once per run.
#[allow(
    clippy::print_stderr,
    reason = "the install is slow; say what is going on"
)]
fn chromium() -> Option<&'static Path> {
    static FOUND: OnceLock<Option<PathBuf>> = OnceLock::new();
    FOUND
        .get_or_init(|| {
            if let Some(p) = find_chromium() {
                return Some(p);
            }
            if is_root() && on_path("apt-get").is_some() {
                eprintln!("browser test: installing Debian's chromium package (apt-get)");
                let apt = |args: &[&str]| {
                    Command::new("apt-get")
                        .args(args)
                        .env("DEBIAN_FRONTEND", "noninteractive")
                        .stdout(Stdio::null())
                        .stderr(Stdio::null())
                        .status()
                        .is_ok_and(|s| s.success())
                };
                if !(apt(&["update", "-qq"]) && apt(&["install", "-y", "-qq", "chromium"])) {
                    eprintln!("browser test: apt-get could not install chromium");
                }
            }
            find_chromium()
        })
        .as_deref()
}

/// Skips the calling test (with a note) when there is no Chromium.
macro_rules! chromium_or_skip {
    () => {
        match chromium() {
            Some(c) => c,
            None => {
                eprintln!(
                    "browser test skipped: no chromium (/usr/bin/chromium or on PATH), \
                     and it could not be installed (needs root and apt-get)"
                );
                return;
            }
        }
    };
}

/// What one Chromium run left behind.
struct Run {
    status: ExitStatus,
    stdout: String,
    stderr: String,
}

/// Runs Chromium on `page` with a fresh profile, killing it after
/// [`TIMEOUT`]. Output goes to files, so a chatty browser cannot block on a
/// full pipe.
fn run_chromium(chromium: &Path, work: &Path, name: &str, args: &[String], page: &Path) -> Run {
    let profile = work.join(format!("profile-{name}"));
    let out_path = work.join(format!("{name}.stdout"));
    let err_path = work.join(format!("{name}.stderr"));
    let mut child = Command::new(chromium)
        .args(FLAGS)
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .arg(format!("file://{}", page.display()))
        .stdin(Stdio::null())
        .stdout(std::fs::File::create(&out_path).unwrap())
        .stderr(std::fs::File::create(&err_path).unwrap())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {}: {e}", chromium.display()));
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            panic!(
                "chromium ({name}) did not finish in {} s; killed. stderr:\n{}",
                TIMEOUT.as_secs(),
                std::fs::read_to_string(&err_path).unwrap_or_default()
            );
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    Run {
        status,
        stdout: std::fs::read_to_string(&out_path).unwrap_or_default(),
        stderr: std::fs::read_to_string(&err_path).unwrap_or_default(),
    }
}

/// Writes the seeds and a hostile article into `dir` and the report of
/// `check` on them to `dir/report.html`.
fn write_report(dir: &Path) -> PathBuf {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    std::fs::create_dir(dir.join("seeds")).unwrap();
    for entry in std::fs::read_dir(&seeds).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), dir.join("seeds").join(entry.file_name())).unwrap();
    }
    let set = |what: &str| format!("document.body.setAttribute('{PWNED}','{what}')");
    let planted = format!(
        "---\ntitle: Harbour festival <script>document.title='PWNED'</script>\n\
         source: >-\n  \"><img src=x onerror=\"{}\">\ndate: 2022-02-27\n---\n\
         The harbour festival opened in Nordby on Sunday. \\<script>{};\
         var p=document.createElement('p');p.id='planted';document.body.appendChild(p);\\</script>\n\n\
         \">\\<img src=x onerror=\"{}\"> Officials said the ferry was full.\n",
        set("outlet"),
        set("script"),
        set("img")
    );
    let name = format!("\"><img src=x onerror={}>.md", set("file"));
    std::fs::write(dir.join("seeds").join(name), planted).unwrap();
    let report = dir.join("report.html");
    let out = common::claimcheck()
        .current_dir(dir)
        .args(["check", "seeds", "--format", "html", "--output"])
        .arg(&report)
        .output()
        .unwrap();
    assert!(
        out.status.code().is_some_and(|c| c < 2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    report
}

#[test]
fn screenshot_of_the_report_is_not_blank() {
    let chromium = chromium_or_skip!();
    let dir = tempfile::tempdir().unwrap();
    let report = write_report(dir.path());
    let shot = dir.path().join("report.png");
    let run = run_chromium(
        chromium,
        dir.path(),
        "screenshot",
        &[
            format!("--screenshot={}", shot.display()),
            "--window-size=1280,2400".to_string(),
        ],
        &report,
    );
    assert!(run.status.success(), "{}", run.stderr);
    let png = std::fs::read(&shot).expect("chromium wrote the screenshot");
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"), "a PNG");
    assert!(
        png.len() > 10_000,
        "{} bytes: a blank page, not the report",
        png.len()
    );
}

#[test]
fn rendered_page_shows_the_contradiction_and_runs_only_its_own_script() {
    let chromium = chromium_or_skip!();
    let dir = tempfile::tempdir().unwrap();
    let report = write_report(dir.path());
    let run = run_chromium(
        chromium,
        dir.path(),
        "dom",
        &[
            "--enable-logging=stderr".to_string(),
            "--v=0".to_string(),
            "--dump-dom".to_string(),
        ],
        &report,
    );
    assert!(run.status.success(), "{}", run.stderr);
    let dom = &run.stdout;
    assert!(dom.contains("</html>"), "a dumped DOM: {dom:.300}");

    // Our own script ran: it marks <body> and shows the filters.
    let body = dom
        .split("<body")
        .nth(1)
        .and_then(|b| b.split('>').next())
        .unwrap_or_default();
    assert!(body.contains("data-js=\"ready\""), "<body{body}>");
    assert!(dom.contains("<form id=\"filters\" class=\"filters\">"));

    // The planted ones did not: no mark on <body>, no new element, no
    // changed title, no image, one script element.
    assert!(!body.contains(PWNED), "<body{body}>");
    assert!(!dom.contains("id=\"planted\""));
    assert!(!dom.contains("<title>PWNED"));
    assert!(!dom.contains("<img"));
    assert_eq!(dom.matches("<script").count(), 1);
    // … and they are there as text (written with Markdown's backslash
    // escape, so they are the article's words, not HTML the reader drops).
    // (The grammar reads 'data-pwned' as a scare quote, so the words may be
    // split by highlights.)
    assert!(dom.contains("Nordby on Sunday. &lt;script&gt;document.body.setAttribute("));
    assert!(dom.contains("&lt;/script&gt;"));

    // The contradiction panel shows Gomel and Chernobyl in two columns.
    let venue = dom
        .split("<article class=\"contra\"")
        .skip(1)
        .filter_map(|p| p.split("</article>").next())
        .find(|p| p.contains("Venue of the talks"))
        .expect("the venue panel");
    let sides: Vec<&str> = venue.split("<div class=\"side\">").skip(1).collect();
    assert_eq!(sides.len(), 2);
    assert!(sides[0].contains("Gomel") && sides[1].contains("Chernobyl"));

    // The page logged nothing: no uncaught error, no refused script or load.
    let console: Vec<&str> = run
        .stderr
        .lines()
        .filter(|l| l.contains(":CONSOLE") || l.contains("Uncaught"))
        .collect();
    assert!(
        console.is_empty(),
        "console messages:\n{}",
        console.join("\n")
    );
}
