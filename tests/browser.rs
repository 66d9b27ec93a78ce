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

// ---------------------------------------------------------------------------
// The report at scale, measured in the browser through the DevTools protocol.

/// A story of the synthetic set: two countries, their adjectives, the city
/// they meet in, what they discuss, and the outlet that relays.
struct Story {
    a: &'static str,
    b: &'static str,
    adj_a: &'static str,
    adj_b: &'static str,
    city: &'static str,
    topic: &'static str,
    outlet: &'static str,
}

const STORIES: [Story; 10] = [
    Story {
        a: "Austria",
        b: "Hungary",
        adj_a: "Austrian",
        adj_b: "Hungarian",
        city: "Vienna",
        topic: "river traffic on the Danube",
        outlet: "Reuters",
    },
    Story {
        a: "Norway",
        b: "Sweden",
        adj_a: "Norwegian",
        adj_b: "Swedish",
        city: "Oslo",
        topic: "salmon stocks in the fjords",
        outlet: "AFP",
    },
    Story {
        a: "Spain",
        b: "Portugal",
        adj_a: "Spanish",
        adj_b: "Portuguese",
        city: "Lisbon",
        topic: "water rights on the Tagus",
        outlet: "the Associated Press",
    },
    Story {
        a: "Poland",
        b: "Lithuania",
        adj_a: "Polish",
        adj_b: "Lithuanian",
        city: "Vilnius",
        topic: "rail freight tariffs",
        outlet: "Reuters",
    },
    Story {
        a: "Chile",
        b: "Peru",
        adj_a: "Chilean",
        adj_b: "Peruvian",
        city: "Lima",
        topic: "fishing quotas off the coast",
        outlet: "AFP",
    },
    Story {
        a: "Kenya",
        b: "Tanzania",
        adj_a: "Kenyan",
        adj_b: "Tanzanian",
        city: "Nairobi",
        topic: "grain exports through the ports",
        outlet: "the BBC",
    },
    Story {
        a: "Finland",
        b: "Estonia",
        adj_a: "Finnish",
        adj_b: "Estonian",
        city: "Helsinki",
        topic: "ferry routes across the gulf",
        outlet: "Reuters",
    },
    Story {
        a: "Canada",
        b: "Mexico",
        adj_a: "Canadian",
        adj_b: "Mexican",
        city: "Ottawa",
        topic: "energy prices",
        outlet: "the Associated Press",
    },
    Story {
        a: "Greece",
        b: "Bulgaria",
        adj_a: "Greek",
        adj_b: "Bulgarian",
        city: "Athens",
        topic: "a gas pipeline",
        outlet: "AFP",
    },
    Story {
        a: "Ireland",
        b: "Iceland",
        adj_a: "Irish",
        adj_b: "Icelandic",
        city: "Dublin",
        topic: "North Atlantic shipping lanes",
        outlet: "the BBC",
    },
];

const PEOPLE: [&str; 20] = [
    "Anna Keller",
    "Marek Nowak",
    "Laura Santos",
    "Erik Lund",
    "Sofia Rossi",
    "Jonas Berg",
    "Clara Weiss",
    "Tomas Varga",
    "Irene Costa",
    "Lukas Meyer",
    "Nadia Ortiz",
    "Pavel Horak",
    "Ines Moreau",
    "Oskar Blom",
    "Rita Szabo",
    "Hugo Lindqvist",
    "Mira Patel",
    "Dario Conti",
    "Elena Popescu",
    "Jan Dvorak",
];

/// A news article of about 1.6 KB (a short wire story) on story `s`,
/// number `k` of its articles: a lead, quotes with their speakers, a
/// relayed report, an anonymous source in every fourth. Every fifth article
/// puts the meeting a week later than the others: the set's contradictions.
fn synthetic_article(s: usize, k: usize) -> String {
    let st = &STORIES[s];
    let day = 12 + if k % 5 == 4 { 7 } else { 0 };
    let who = PEOPLE[2 * s];
    let other = PEOPLE[2 * s + 1];
    let surname = who.rsplit(' ').next().unwrap_or(who);
    let anonymous = if k.is_multiple_of(4) {
        " \"If this meeting fails, nobody should expect another one soon,\" a diplomat \
         who asked not to be named said."
    } else {
        ""
    };
    format!(
        "date 2025-06-{:02}\n\
         Leaders of {a} and {b} will meet in {city} on June {day} to discuss {topic}, \
         the {adj_a} government said on Monday.\n\n\
         \"We expect real progress on {topic},\" said {who}, a senior {adj_a} official. \
         \"Our people have waited long enough for an agreement.\"\n\n\
         {surname} said the two delegations had exchanged draft texts and that experts \
         would meet in {city} before the leaders arrive. {outlet} reported, quoting \
         {adj_b} officials, that the {adj_b} side wanted a deal before the end of the year.\n\n\
         The {adj_b} foreign ministry said in a statement that it welcomed the talks \
         but would not accept conditions set in advance. {other}, who advises the \
         {adj_b} government, told reporters the dispute over {topic} had \"gone on for \
         far too long\" and that both sides were ready to compromise.\n\n\
         Analysts in {city} said the meeting could ease a quarrel that has weighed on \
         trade between the neighbours for years. Exporters on both sides have complained \
         about delays, higher costs and rules that change from one season to the next, \
         and business groups have urged the governments to settle the matter quickly.\n\
         {anonymous}\n\
         Opposition politicians in {a} called the talks a distraction, and the leader of \
         the largest opposition party said the government had given away too much before \
         the meeting even began.\n\n\
         The leaders will hold a joint news conference after the talks, and a second \
         round could take place in the autumn if the first goes well.\n",
        1 + k % 9,
        a = st.a,
        b = st.b,
        adj_a = st.adj_a,
        adj_b = st.adj_b,
        city = st.city,
        topic = st.topic,
        outlet = st.outlet,
    )
}

/// Writes `n` synthetic articles (ten stories, in turn) into `dir/set` and
/// the HTML report of `check` on them to `dir/report.html`.
fn write_synthetic_report(dir: &Path, n: usize) -> PathBuf {
    let set = dir.join("set");
    std::fs::create_dir(&set).unwrap();
    for i in 0..n {
        let (s, k) = (i % STORIES.len(), i / STORIES.len());
        std::fs::write(
            set.join(format!("story{s:02}-{k:03}.txt")),
            synthetic_article(s, k),
        )
        .unwrap();
    }
    let report = dir.join("report.html");
    let out = common::claimcheck()
        .current_dir(dir)
        .args(["check", "set", "--format", "html", "--output"])
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

/// Chromium driven over the DevTools protocol (a WebSocket): one page,
/// commands answered in order, events read while waiting.
struct Browser {
    child: std::process::Child,
    ws: tungstenite::WebSocket<std::net::TcpStream>,
    session: String,
    next: u64,
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Browser {
    fn launch(chromium: &Path, work: &Path, name: &str) -> Browser {
        let profile = work.join(format!("profile-{name}"));
        let child = Command::new(chromium)
            .args(FLAGS)
            .arg(format!("--user-data-dir={}", profile.display()))
            .arg("--remote-debugging-port=0")
            .arg("about:blank")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(work.join(format!("{name}.stderr"))).unwrap())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {}: {e}", chromium.display()));
        // Chromium writes its port and the browser's WebSocket path here.
        let active = profile.join("DevToolsActivePort");
        let started = Instant::now();
        let (port, path) = loop {
            if let Ok(text) = std::fs::read_to_string(&active)
                && let Some((port, path)) = text.split_once('\n')
                && !path.trim().is_empty()
            {
                break (port.trim().to_string(), path.trim().to_string());
            }
            assert!(
                started.elapsed() < TIMEOUT,
                "no DevTools port from chromium"
            );
            std::thread::sleep(Duration::from_millis(50));
        };
        let stream = std::net::TcpStream::connect(format!("127.0.0.1:{port}")).unwrap();
        stream.set_read_timeout(Some(TIMEOUT)).unwrap();
        let (ws, _) = tungstenite::client(format!("ws://127.0.0.1:{port}{path}"), stream)
            .expect("the DevTools WebSocket");
        let mut b = Browser {
            child,
            ws,
            session: String::new(),
            next: 0,
        };
        let target = b.call(
            "Target.createTarget",
            serde_json::json!({"url": "about:blank"}),
        );
        let id = target["targetId"].as_str().unwrap().to_string();
        let attached = b.call(
            "Target.attachToTarget",
            serde_json::json!({"targetId": id, "flatten": true}),
        );
        b.session = attached["sessionId"].as_str().unwrap().to_string();
        b.call("Page.enable", serde_json::json!({}));
        b
    }

    fn read(&mut self) -> serde_json::Value {
        loop {
            match self.ws.read().expect("a DevTools message") {
                tungstenite::Message::Text(t) => return serde_json::from_str(t.as_str()).unwrap(),
                tungstenite::Message::Close(_) => panic!("DevTools closed the connection"),
                _ => {}
            }
        }
    }

    /// Sends a command (to the page once attached) and returns its result.
    fn call(&mut self, method: &str, params: serde_json::Value) -> serde_json::Value {
        self.next += 1;
        let mut msg = serde_json::json!({"id": self.next, "method": method, "params": params});
        if !self.session.is_empty() {
            msg["sessionId"] = self.session.clone().into();
        }
        self.ws
            .send(tungstenite::Message::text(msg.to_string()))
            .unwrap();
        loop {
            let m = self.read();
            if m["id"].as_u64() == Some(self.next) {
                assert!(m.get("error").is_none(), "{method}: {}", m["error"]);
                return m["result"].clone();
            }
        }
    }

    /// Reads until the page sends `event`.
    fn wait(&mut self, event: &str) {
        let started = Instant::now();
        loop {
            let m = self.read();
            if m["method"] == event {
                return;
            }
            assert!(started.elapsed() < TIMEOUT, "no {event}");
        }
    }

    fn viewport(&mut self, width: u32, height: u32) {
        self.call(
            "Emulation.setDeviceMetricsOverride",
            serde_json::json!({"width": width, "height": height, "deviceScaleFactor": 1, "mobile": false}),
        );
    }

    /// Loads `url` afresh (from a blank page, so that a link to another
    /// place on the same page loads it too) and waits for its load event.
    fn open(&mut self, url: &str) {
        for url in ["about:blank", url] {
            self.call("Page.navigate", serde_json::json!({"url": url}));
            self.wait("Page.loadEventFired");
        }
    }

    /// The value of a JavaScript expression (promises awaited).
    fn eval(&mut self, expression: &str) -> serde_json::Value {
        let r = self.call(
            "Runtime.evaluate",
            serde_json::json!({"expression": expression, "returnByValue": true, "awaitPromise": true}),
        );
        assert!(r.get("exceptionDetails").is_none(), "{expression}: {r}");
        r["result"]["value"].clone()
    }
}

/// Milliseconds from the start of navigation to the second frame painted
/// after the load event: the page parsed, styled, laid out and drawn.
const RENDERED_MS: &str = "new Promise(done => requestAnimationFrame(() => \
     requestAnimationFrame(() => done(performance.now()))))";

/// Loads the report three times and returns the times to render (ms),
/// sorted.
fn render_times(b: &mut Browser, report: &Path) -> Vec<f64> {
    let mut times: Vec<f64> = (0..3)
        .map(|_| {
            b.open(&format!("file://{}", report.display()));
            b.eval(RENDERED_MS).as_f64().unwrap()
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times
}

/// Browser tests that time a page run one at a time.
static ALONE: std::sync::Mutex<()> = std::sync::Mutex::new(());

#[test]
#[allow(clippy::print_stderr, reason = "the measured figures, for the log")]
fn report_on_200_articles_is_small_fast_narrow_and_printable() {
    let chromium = chromium_or_skip!();
    let dir = tempfile::tempdir().unwrap();
    let report = write_synthetic_report(dir.path(), 200);
    let page = std::fs::read_to_string(&report).unwrap();
    assert!(
        page.len() <= 1_000_000,
        "{} bytes for 200 articles: over 1 MB",
        page.len()
    );
    let _alone = ALONE
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let mut b = Browser::launch(chromium, dir.path(), "scale");

    // Under two seconds to render (the median of three loads).
    b.viewport(1280, 900);
    let times = render_times(&mut b, &report);
    eprintln!(
        "200 articles, {} bytes: rendered in {times:?} ms",
        page.len()
    );
    assert!(times[1] < 2000.0, "rendered in {times:?} ms");

    // What comes first: ranked contradictions, one story group each.
    let first = b.eval(
        "(() => { const c = document.querySelector('#contradictions'); \
          return { top: c.getBoundingClientRect().top + scrollY, \
                   cards: c.querySelectorAll('article.contra').length, \
                   firstRank: c.querySelector('.rank').textContent, \
                   open: document.querySelectorAll('details.art[open]').length, \
                   articles: document.querySelectorAll('details.art').length }; })()",
    );
    assert!(first["top"].as_f64().unwrap() < 900.0, "{first}");
    assert!(first["cards"].as_u64().unwrap() >= 10, "{first}");
    assert_eq!(first["firstRank"], "#1");
    assert_eq!(first["articles"], 200, "{first}");
    assert_eq!(first["open"], 0, "articles start collapsed: {first}");

    // A side's link lands on its statement, inside an article it opens.
    let landed = b.eval(
        "new Promise(done => { \
           const a = document.querySelector('.contra .loc a'); \
           const id = a.getAttribute('href').slice(1); \
           a.click(); \
           requestAnimationFrame(() => requestAnimationFrame(() => { \
             const t = document.getElementById(id); \
             const r = t.getBoundingClientRect(); \
             done({ id, top: r.top, bottom: r.bottom, y: scrollY, open: t.closest('details').open, \
                    inView: r.bottom > 0 && r.top < innerHeight, \
                    line: t.closest('.text') !== null }); })); })",
    );
    assert!(
        landed["id"].as_str().unwrap().contains("-s")
            || landed["id"].as_str().unwrap().contains("-L"),
        "{landed}"
    );
    assert_eq!(landed["open"], true, "{landed}");
    assert_eq!(landed["inView"], true, "{landed}");
    assert_eq!(landed["line"], true, "{landed}");

    // Line numbers and who says what are on the page, not in tooltips.
    let shown = b.eval(
        "(() => { const t = document.querySelector('details.art[open] .text'); \
          const ln = t.querySelector('i[data-n]'); \
          return { number: getComputedStyle(ln, '::before').content, \
                   who: t.querySelector('.st .who') ? t.querySelector('.st .who').offsetWidth : 0 }; })()",
    );
    assert!(shown["number"].as_str().unwrap().contains('1'), "{shown}");
    assert!(shown["who"].as_u64().unwrap() > 0, "{shown}");

    // Readable at 420 px: nothing wider than the screen, sides stacked.
    b.viewport(420, 900);
    b.open(&format!("file://{}#contradictions", report.display()));
    let narrow = b.eval(
        "(() => { const sides = [...document.querySelectorAll('.contra .side')].slice(0, 2)\
           .map(s => s.getBoundingClientRect()); \
          return { width: document.documentElement.scrollWidth, \
                   stacked: sides.length == 2 && sides[1].top >= sides[0].bottom, \
                   font: parseFloat(getComputedStyle(document.body).fontSize) }; })()",
    );
    assert!(narrow["width"].as_f64().unwrap() <= 420.0, "{narrow}");
    assert_eq!(narrow["stacked"], true, "{narrow}");
    assert!(narrow["font"].as_f64().unwrap() >= 16.0, "{narrow}");

    // Printable: printing opens every article, so the PDF holds their text.
    b.viewport(1280, 900);
    b.open(&format!("file://{}", report.display()));
    let pdf = b.call(
        "Page.printToPDF",
        serde_json::json!({"printBackground": false}),
    );
    let pdf = base64::Engine::decode(
        &base64::engine::general_purpose::STANDARD,
        pdf["data"].as_str().unwrap(),
    )
    .unwrap();
    assert!(pdf.starts_with(b"%PDF"));
    let pages =
        count(&pdf, b"/Type /Page\n") + count(&pdf, b"/Type /Page/") + count(&pdf, b"/Type /Page ");
    let text: usize = std::fs::read_dir(dir.path().join("set"))
        .unwrap()
        .map(|e| e.unwrap().metadata().unwrap().len() as usize)
        .sum();
    eprintln!("printed: {pages} pages for {text} bytes of article text");
    assert!(
        pages * 6_000 >= text,
        "{pages} pages cannot hold {text} bytes of article text: the articles were not opened"
    );
    let after = b.eval("document.querySelectorAll('details.art[open]').length");
    assert_eq!(after, 0, "closed again after printing");
}

fn count(hay: &[u8], needle: &[u8]) -> usize {
    hay.windows(needle.len()).filter(|w| *w == needle).count()
}

/// Times the report named by `CLAIMCHECK_REPORT` (for the README's figures
/// on real sets): `CLAIMCHECK_REPORT=report.html cargo test --release
/// --test browser -- --ignored given_report`.
#[test]
#[ignore = "measures a report given by CLAIMCHECK_REPORT"]
#[allow(clippy::print_stderr, reason = "the measured figures")]
fn given_report_render_time() {
    let chromium = chromium_or_skip!();
    let Some(report) = std::env::var_os("CLAIMCHECK_REPORT") else {
        eprintln!("set CLAIMCHECK_REPORT to an HTML report");
        return;
    };
    let report = std::fs::canonicalize(report).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut b = Browser::launch(chromium, dir.path(), "given");
    b.viewport(1280, 900);
    let times = render_times(&mut b, &report);
    let bytes = std::fs::metadata(&report).unwrap().len();
    eprintln!(
        "{}: {bytes} bytes, rendered in {times:?} ms",
        report.display()
    );
}
