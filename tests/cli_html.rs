//! `claimcheck check --format html`: the shareable report. The structure is
//! checked on the output string here; `tests/browser.rs` renders it.

mod common;

use common::claimcheck;
use std::path::Path;

/// The report of `check ARGS --format html` on stdout, and the exit code.
fn html(dir: Option<&Path>, args: &[&str]) -> (String, i32) {
    let mut cmd = claimcheck();
    if let Some(d) = dir {
        cmd.current_dir(d);
    }
    let out = cmd
        .args(["check", "--format", "html"])
        .args(args)
        .output()
        .unwrap();
    (
        String::from_utf8(out.stdout).unwrap(),
        out.status.code().unwrap_or(-1),
    )
}

/// The contradiction panels: the text of each `<article class="contra">`.
fn panels(page: &str) -> Vec<&str> {
    page.split("<article class=\"contra\"")
        .skip(1)
        .filter_map(|p| p.split("</article>").next())
        .collect()
}

/// The sides (columns) of a panel.
fn sides(panel: &str) -> Vec<&str> {
    panel.split("<div class=\"side\">").skip(1).collect()
}

#[test]
fn seeds_contradiction_panel_has_gomel_and_chernobyl_side_by_side() {
    let (page, code) = html(None, &["seeds/"]);
    assert_eq!(code, 1, "the seeds hold an error-level contradiction");
    let panels = panels(&page);
    let venue = panels
        .iter()
        .find(|p| p.contains("Venue of the talks"))
        .expect("the venue panel");
    let cols = sides(venue);
    assert_eq!(cols.len(), 2, "two columns");
    assert!(cols[0].contains("Gomel") && !cols[0].contains("Chernobyl"));
    assert!(cols[1].contains("Chernobyl") && !cols[1].contains("Gomel"));
    // The conflicting value is marked, the chain is under the sentence.
    assert!(cols[0].contains(
        "<mark title=\"the value in question: Gomel (BY)\">in Belarus&#39; Gomel</mark>"
    ));
    assert!(cols[1].contains("near the Chernobyl exclusion zone</mark>"));
    assert!(cols[1].contains("AFP ← Ukraine’s presidency"));
    assert!(cols[0].contains("the article&#39;s own narration"));
    // Side by side: the sides are a CSS grid.
    assert!(page.contains(".sides { display: grid;"));
    // Contradictions come first, before the article texts.
    assert!(page.find("id=\"contradictions\"") < page.find("id=\"articles\""));
}

#[test]
fn seeds_report_names_every_article_and_has_one_script() {
    let (page, _) = html(None, &["seeds/"]);
    for id in [
        "seeds/000_08d0998124b02623.txt",
        "seeds/002_1f062e236fa650bf.txt",
    ] {
        assert!(
            page.matches(id).count() >= 2,
            "{id} in the story set and over its text"
        );
    }
    assert_eq!(page.matches("<script").count(), 1);
    assert!(page.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    assert!(page.contains("<meta name=\"viewport\""));
    assert!(page.contains("script-src &#39;sha256-"));
    assert!(page.contains("<svg class=\"graph\""));
    // Statement kinds carry a written label, not only a colour.
    for kind in ["direct", "partial", "scare", "indirect"] {
        assert!(
            page.contains(&format!("<span class=\"st st-{kind}\" id=\"art-"))
                && page.contains(&format!("<span class=\"kl\">{kind}</span>")),
            "{kind}"
        );
    }
    assert!(page.contains("<span class=\"kl\">excluded boilerplate</span>"));
    // No network: nothing is loaded from anywhere.
    for reference in ["src=", "href=\"http", "@import", "<link"] {
        assert!(!page.contains(reference), "{reference}");
    }
    assert_eq!(
        page.matches("url(").count(),
        page.matches("url(#").count(),
        "only references inside the page"
    );
}

#[test]
fn html_is_byte_identical_across_runs_and_argument_order() {
    let (one, _) = html(
        None,
        &[
            "seeds/002_1f062e236fa650bf.txt",
            "seeds/000_08d0998124b02623.txt",
        ],
    );
    let (two, _) = html(
        None,
        &[
            "seeds/000_08d0998124b02623.txt",
            "seeds/002_1f062e236fa650bf.txt",
        ],
    );
    assert_eq!(one, two);
}

#[test]
fn output_file_and_html_only_with_check() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.html");
    claimcheck()
        .args(["check", "seeds/", "--format", "html", "--output"])
        .arg(&path)
        .assert()
        .code(1)
        .stdout("");
    let page = std::fs::read_to_string(&path).unwrap();
    assert!(page.ends_with("</html>\n"));
    for cmd in ["extract", "sources", "compare"] {
        claimcheck()
            .args([cmd, "seeds/", "--format", "html"])
            .assert()
            .code(2)
            .stderr(predicates::str::contains("use it with `claimcheck check`"));
    }
}

const SCRIPT: &str = "<script>alert(1)</script>";
const IMG: &str = "\"><img src=x onerror=alert(1)>";

#[test]
fn hostile_text_names_and_paths_stay_text() {
    let dir = tempfile::tempdir().unwrap();
    // A file whose name is an <img> payload, and one in a directory that
    // makes its path a <script> payload.
    let body = format!(
        "The harbour festival opened in Nordby on Saturday. {SCRIPT} {IMG}\n\n\
         “We are ready for {SCRIPT},” said Ana Ruiz, the harbour master.\n\n\
         Officials said {IMG} the ferry was full.\n"
    );
    std::fs::write(
        dir.path().join(format!("{IMG}.md")),
        // In Markdown, `\<` is a literal `<`: the payloads are the article's
        // words, not HTML a reader would never see.
        format!(
            "---\ntitle: {SCRIPT}\nsource: '{IMG}'\ndate: 2024-03-02\n---\n{}",
            body.replace('<', "\\<")
        ),
    )
    .unwrap();
    let sub = dir.path().join("<script>alert(1)<");
    std::fs::create_dir(&sub).unwrap();
    std::fs::write(sub.join("script>.txt"), format!("date 2024-03-02 {body}")).unwrap();
    // An entity named by the configuration: a name from outside the text.
    std::fs::write(
        dir.path().join("claimcheck.toml"),
        format!("[aliases]\n'{SCRIPT}' = [\"Ana Ruiz\"]\n"),
    )
    .unwrap();
    let (page, code) = html(Some(dir.path()), &["."]);
    assert!(code < 2, "exit {code}");
    assert_eq!(page.matches("<script").count(), 1, "only our script");
    assert!(!page.contains("<img"), "no image element");
    assert!(!page.contains(SCRIPT) && !page.contains(IMG));
    let script = "&lt;script&gt;alert(1)&lt;/script&gt;";
    let img = "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;";
    assert!(
        page.contains(&format!("<code>./{img}.md</code>")),
        "file name"
    );
    assert!(
        page.contains(&format!("<code>./{script}.txt</code>")),
        "path"
    );
    assert!(
        page.contains(&format!("<span class=\"meta\">· {img} ·")),
        "outlet"
    );
    assert!(page.contains(&format!("<cite>{script}</cite>")), "title");
    assert!(
        page.contains(&format!("<th scope=\"row\">{script}</th>")),
        "entity"
    );
    assert!(
        page.matches(&format!(
            "festival opened in Nordby on Saturday. {script} {img}"
        ))
        .count()
            >= 2,
        "body"
    );
}

/// Every `href="#…"` of the page names an element of the page.
fn assert_links_resolve(page: &str) {
    let ids: std::collections::HashSet<&str> = page
        .split(" id=\"")
        .skip(1)
        .filter_map(|p| p.split('"').next())
        .collect();
    let mut n = 0;
    for target in page.split("href=\"#").skip(1) {
        let id = target.split('"').next().unwrap_or_default();
        assert!(
            ids.contains(id),
            "a link to #{id}, which is not on the page"
        );
        n += 1;
    }
    assert!(n > 0, "links on the page");
}

#[test]
fn links_land_on_statements_and_numbered_lines() {
    let (page, _) = html(None, &["seeds/"]);
    assert_links_resolve(&page);
    // The sides of a contradiction link to the statement they quote.
    let venue = panels(&page)
        .into_iter()
        .find(|p| p.contains("Venue of the talks"))
        .expect("the venue panel");
    assert!(
        venue.contains("<p class=\"loc\"><a href=\"#art-"),
        "{venue}"
    );
    // Articles are collapsed, their lines numbered with the file's lines;
    // the speaker and chain are written on each statement.
    assert!(!page.contains("<details class=\"art\" id=\"art-0\" open"));
    assert!(page.contains("<details class=\"art\" id=\"art-0\"><summary>"));
    assert!(page.contains("<i id=\"art-0-L3\" data-n=\"3\"></i>"));
    assert!(page.contains("<span class=\"who\">AFP ← Ukraine’s presidency</span>"));
    // Contradictions are ranked and come before everything else.
    assert!(page.contains("<span class=\"rank\">#1</span>"));
    assert!(page.find("id=\"contradictions\"") < page.find("id=\"story\""));
}

#[test]
fn several_stories_get_sections_of_their_own() {
    let (page, _) = html(None, &["fixtures/stories/mixed"]);
    assert_links_resolve(&page);
    let groups = page
        .matches("<section class=\"story-group\" id=\"story-")
        .count();
    assert_eq!(groups, 2, "the articles, grouped by story");
    for n in [1, 2] {
        assert!(page.contains(&format!("<a href=\"#story-{n}\">Story {n}</a>")));
    }
}
