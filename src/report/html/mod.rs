//! The HTML fact-check report (`check --format html`): one self-contained
//! page to share, with no network access, no external script, font or image.
//!
//! It is built to stay usable from three articles to thousands:
//! - the contradictions come first, ranked (most articles and sources
//!   first), grouped by story when the set holds several ([`contra`]);
//! - then the counts and stories, the source graph of the biggest sources
//!   with the rest listed ([`sources`]), the articles collapsed, each opened
//!   on demand, with line numbers of the file and every statement's kind,
//!   speaker and chain written on it ([`articles`]), the entities and the
//!   findings with filters ([`tables`]);
//! - every link lands on the statement or the line it names ([`Links`]), and
//!   the one script opens the collapsed article it lands in.
//!
//! Safety and robustness:
//! - every piece of text that is not our own markup goes through
//!   [`escape::escape_to`] (article text, paths, names, messages);
//! - the page's Content-Security-Policy allows inline styles and exactly one
//!   script, by its SHA-256 hash, so even a missed escape could not run code;
//! - the one script only opens what a link or the printer needs and filters
//!   the findings table; everything is readable without it;
//! - the output depends only on the analysis: no timestamps, stable order.

mod articles;
mod contra;
mod escape;
mod sources;
mod svg;
mod tables;
mod text;

pub use escape::{Esc, escape_to};

use super::findings::{plural, summary};
use super::{Reporter, View};
use crate::analysis::Analysis;
use crate::sources::Chain;
use base64::Engine as _;
use sha2::{Digest, Sha256};
use std::fmt::{self, Write as _};
use std::io::{self, Write};

/// The self-contained HTML report.
#[derive(Debug, Default)]
pub struct Html;

impl Reporter for Html {
    fn write(&self, analysis: &Analysis, _view: View, out: &mut dyn Write) -> io::Result<()> {
        out.write_all(render(analysis).as_bytes())
    }
}

/// The whole page as a string.
pub fn render(analysis: &Analysis) -> String {
    let mut s = String::with_capacity(
        32 * 1024
            + analysis
                .articles
                .iter()
                .map(|a| a.article.text.len() * 2)
                .sum::<usize>(),
    );
    // Writing to a String cannot fail; the `fmt::Result`s only carry `?`.
    let _ = page(&mut s, analysis);
    s
}

/// The one script: opens the collapsed article a link lands in (and every
/// one before printing), and filters the findings. It also marks `<body data-js="ready">`
/// so a test can tell that it ran.
pub const SCRIPT: &str = include_str!("script.js");

/// The Content-Security-Policy: nothing from anywhere, inline styles, and
/// the one script by its hash.
pub fn content_security_policy() -> String {
    let hash = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(SCRIPT.as_bytes()));
    format!(
        "default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-{hash}'; \
         base-uri 'none'; form-action 'none'"
    )
}

const STYLE: &str = include_str!("style.css");

fn page(s: &mut String, analysis: &Analysis) -> fmt::Result {
    let sum = summary(analysis);
    let links = Links::new(analysis);
    s.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    s.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    writeln!(
        s,
        "<meta http-equiv=\"Content-Security-Policy\" content=\"{}\">",
        Esc(&content_security_policy())
    )?;
    s.push_str("<meta name=\"referrer\" content=\"no-referrer\">\n");
    writeln!(
        s,
        "<meta name=\"generator\" content=\"claimcheck {}\">",
        env!("CARGO_PKG_VERSION")
    )?;
    writeln!(
        s,
        "<title>Fact-check report: {}, {}</title>",
        plural(sum.articles, "article"),
        plural(sum.contradictions, "contradiction")
    )?;
    writeln!(s, "<style>\n{STYLE}</style>\n</head>\n<body>")?;
    s.push_str("<a class=\"skip\" href=\"#main\">Skip to the report</a>\n");
    s.push_str("<header>\n<h1>Fact-check report</h1>\n");
    let about = if sum.one_story {
        "about one story".to_string()
    } else if sum.mixed {
        format!("on {} stories, not one", sum.stories)
    } else {
        format!("on {} stories, most on one", sum.stories)
    };
    writeln!(
        s,
        "<p class=\"lede\">{} {about}, checked by claimcheck: who says what, \
         on whose word, and where the articles disagree.</p>",
        plural(sum.articles, "article")
    )?;
    tables::counts(s, analysis, &sum)?;
    s.push_str(
        "<nav aria-label=\"Contents\"><ul>\
         <li><a href=\"#contradictions\">Contradictions</a></li>\
         <li><a href=\"#story\">Story set</a></li>\
         <li><a href=\"#sources\">Sources</a></li>\
         <li><a href=\"#articles\">Articles</a></li>\
         <li><a href=\"#entities\">Entities</a></li>\
         <li><a href=\"#findings\">Findings</a></li>\
         </ul></nav>\n</header>\n<main id=\"main\">\n",
    );
    let contradicted = contra::contradictions(s, analysis, &links)?;
    tables::story(s, analysis)?;
    sources::sources(s, analysis, &links)?;
    articles::articles(s, analysis, &links, &contradicted)?;
    tables::entities(s, analysis, &links)?;
    tables::findings_table(s, analysis, &links)?;
    s.push_str("</main>\n<footer><p>Made by claimcheck ");
    s.push_str(env!("CARGO_PKG_VERSION"));
    s.push_str(
        ". This page is self-contained: it loads nothing, and its one script only \
         opens collapsed articles and filters the findings table.</p></footer>\n",
    );
    writeln!(s, "<script>{SCRIPT}</script>\n</body>\n</html>")
}

/// "A", "B", … "Z", then "27", "28", …
fn side_name(i: usize) -> String {
    match u8::try_from(i) {
        Ok(b) if b < 26 => char::from(b'A' + b).to_string(),
        _ => (i + 1).to_string(),
    }
}

/// The chain as a reporter writes it, or the article's own narration.
fn source_words(chain: &Chain) -> String {
    let d = chain.display();
    if d.is_empty() {
        "the article's own narration".to_string()
    } else {
        d
    }
}

/// Escaped text, or a muted placeholder.
pub(crate) fn or_none(value: Option<&str>, none: &str) -> String {
    match value {
        Some(v) if !v.trim().is_empty() => Esc(v).to_string(),
        _ => format!("<span class=\"muted\">{}</span>", Esc(none)),
    }
}

/// Where the report's links land: the statement a place is in, else the
/// numbered line it is on. Line anchors are `art-I-LN`, N the line of the
/// file (what diagnostics print), on the first text line that starts on it.
pub(crate) struct Links<'a> {
    analysis: &'a Analysis,
    index: std::collections::HashMap<&'a str, usize>,
    /// Per article: the start of every non-empty text line with its line
    /// in the file.
    lines: Vec<Vec<(usize, usize)>>,
}

impl<'a> Links<'a> {
    pub fn new(analysis: &'a Analysis) -> Links<'a> {
        let lines = analysis
            .articles
            .iter()
            .map(|item| {
                let a = &item.article;
                let mut out = Vec::new();
                let mut at = 0;
                for line in a.text.split_inclusive('\n') {
                    if !line.trim().is_empty() {
                        out.push((at, a.line(at)));
                    }
                    at += line.len();
                }
                out
            })
            .collect();
        Links {
            analysis,
            index: analysis
                .articles
                .iter()
                .enumerate()
                .map(|(i, a)| (a.article.id.as_str(), i))
                .collect(),
            lines,
        }
    }

    /// The article's index by its id.
    pub fn article(&self, id: &str) -> Option<usize> {
        self.index.get(id).copied()
    }

    /// The numbered lines of article `i`: (text offset, file line).
    pub fn lines(&self, i: usize) -> &[(usize, usize)] {
        self.lines.get(i).map_or(&[], Vec::as_slice)
    }

    /// The line anchor for `offset` in article `i`: the numbered line it
    /// is on (or the first after it, at a blank line's start).
    pub fn line(&self, i: usize, offset: usize) -> String {
        let lines = self.lines(i);
        let k = lines
            .partition_point(|&(s, _)| s <= offset)
            .saturating_sub(1);
        match lines.get(k) {
            Some(&(_, n)) => format!("art-{i}-L{n}"),
            None => format!("art-{i}"),
        }
    }

    /// The line anchor for line `n` of article `i`'s file: the last
    /// numbered line at or before it.
    pub fn file_line(&self, i: usize, n: usize) -> String {
        let lines = self.lines(i);
        let k = lines.partition_point(|&(_, l)| l <= n).saturating_sub(1);
        match lines.get(k) {
            Some(&(_, l)) => format!("art-{i}-L{l}"),
            None => format!("art-{i}"),
        }
    }

    /// The anchor for `at..end` in article `i`: the innermost statement
    /// around `at`, else one that overlaps the range, else the line.
    pub fn place(&self, i: usize, at: usize, end: usize) -> String {
        let Some(item) = self.analysis.articles.get(i) else {
            return format!("art-{i}");
        };
        let spans = item.statements.iter().map(|r| r.statement.span);
        let around = spans
            .clone()
            .enumerate()
            .filter(|(_, sp)| sp.start <= at && at < sp.end)
            .min_by_key(|(_, sp)| sp.end - sp.start);
        let overlapping = || spans.clone().position(|sp| sp.start < end && at < sp.end);
        match around.map(|(k, _)| k).or_else(overlapping) {
            Some(k) => format!("art-{i}-s{k}"),
            None => self.line(i, at),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Settings;
    use crate::ingest;
    use crate::pipeline::analyse;

    const XSS: [&str; 2] = [
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>",
    ];

    fn analysed(articles: Vec<(&str, String)>) -> Analysis {
        let mut ing = ingest::Ingested::default();
        for (id, text) in articles {
            if let Ok(a) = ingest::parse_text(id, text) {
                ing.articles.push(a);
            }
        }
        let settings = Settings {
            claims: true,
            ..Settings::default()
        };
        analyse(ing, &settings)
    }

    /// No element but ours: the page has exactly the tags we write, whatever
    /// the input.
    fn assert_inert(html: &str) {
        assert_eq!(html.matches("<script").count(), 1, "one script only");
        assert!(!html.contains("<img"), "an <img> element got through");
        for x in XSS {
            assert!(!html.contains(x), "{x} got through unescaped");
        }
    }

    #[test]
    fn untrusted_text_is_escaped_everywhere() {
        let body = format!(
            "date 2022-02-28 Officials met in Gomel on Monday. {0} {1}\n\n\
             “We are ready {0},” Ana Ruiz told Reuters. The talks began in Gomel on Monday.",
            XSS[0], XSS[1]
        );
        let mut analysis = analysed(vec![(XSS[1], body)]);
        // Names and outlets come from the text, so plant the payloads there
        // directly too: the speaker, every chain link, the outlet, the title.
        let item = &mut analysis.articles[0];
        item.article.outlet = Some(XSS[0].to_string());
        item.article.title = Some(XSS[1].to_string());
        for r in &mut item.statements {
            r.speaker = Some(XSS[0].to_string());
        }
        for c in &mut item.chains {
            for l in &mut c.0 {
                l.name = XSS[1].to_string();
            }
        }
        assert!(!item.statements.is_empty());
        let html = render(&analysis);
        assert_inert(&html);
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(html.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"));
    }

    #[test]
    fn deterministic_and_one_script_with_its_hash() {
        let a = analysed(vec![(
            "a.txt",
            "date 2022-02-28 “We will meet,” Ana Ruiz said.".to_string(),
        )]);
        let one = render(&a);
        assert_eq!(one, render(&a));
        assert_inert(&one);
        let csp = content_security_policy();
        assert!(one.contains(&format!("content=\"{}\"", Esc(&csp))));
        assert!(csp.contains("script-src 'sha256-"));
        assert!(one.contains(&format!("<script>{SCRIPT}</script>")));
    }

    #[test]
    fn empty_analysis_renders() {
        let html = render(&Analysis::default());
        assert!(html.starts_with("<!DOCTYPE html>"));
        assert!(html.ends_with("</html>\n"));
        assert_inert(&html);
    }

    #[test]
    fn statements_nest_inside_the_text() {
        let a = analysed(vec![(
            "a.txt",
            "date 2022-02-28 Ana Ruiz said the plan was “a good start” for everyone.\n\n\
             “It ‘works’ now,” Ana Ruiz said."
                .to_string(),
        )]);
        let html = render(&a);
        let open = html.matches("<span").count();
        let close = html.matches("</span>").count();
        assert_eq!(open, close);
        for kind in ["direct", "indirect"] {
            assert!(html.contains(&format!("st st-{kind}\" id=")), "{kind}");
        }
        assert!(html.contains("class=\"kl\">excluded header</span>"));
    }
}
