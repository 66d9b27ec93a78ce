//! The human report of `check`: diagnostics in the style of rustc and
//! clippy, drawn by annotate-snippets (`error[contradiction]: …`, `-->
//! path:line:col`, the source lines with the span underlined, every side of
//! a contradiction labelled with what it says and who says it, `= note:` and
//! `= help:` lines), then a summary.

use super::findings::{Summary, summary};
use crate::analysis::Analysis;
use crate::paint::Paint;
use crate::rules::{Finding, Severity};
use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet, normalize_untrusted_str};
use std::io::{self, Write};

fn level(s: Severity) -> Level<'static> {
    match s {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Info => Level::INFO,
    }
}

/// One place a finding marks: its own (primary) or another side's.
struct Mark<'a> {
    article: usize,
    span: crate::article::Span,
    label: &'a str,
    primary: bool,
}

/// The marks of a finding in one article, drawn as one snippet.
struct Excerpt {
    /// The path shown after `-->` or `:::`.
    path: String,
    /// The lines around the marks, and the first one's number.
    text: String,
    line: usize,
    marks: Vec<(std::ops::Range<usize>, usize)>,
}

/// The file text a mark is drawn in, the mark's span in it, and the line
/// number of the text's first line. For a text drawn out of HTML or
/// Markdown that is the file, markup and all, so the place shown is the
/// place an editor opens. A record (a JSON Lines line, a JSON array's
/// element, a feed item) has no lines of its own in its file: its text is
/// shown on the record's line, its line breaks as spaces, so the place shown
/// is the record's line in the file.
fn placed(
    article: &crate::article::Article,
    span: crate::article::Span,
) -> (&str, std::ops::Range<usize>, Option<usize>) {
    match (&article.source, article.origin.record_line) {
        (_, Some(line)) => (article.text.as_str(), span.start..span.end, Some(line)),
        (Some(map), None) => {
            let span = article.file_span(span);
            (map.source(), span.start..span.end, None)
        }
        (None, None) => (article.text.as_str(), span.start..span.end, None),
    }
}

/// The line (0-based) of byte `at` of `text`.
fn line_of(text: &str, at: usize) -> usize {
    text.as_bytes()[..at.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
}

/// The marks grouped into excerpts: the marks in one article share a
/// snippet, each labelled on its own line, unless two fall on one line (a
/// long paragraph, or any two in a record) or so far apart across the lines
/// that no cut of `width` columns shows them all: then the later one gets a
/// snippet of its own, so each line stays cut to the width.
fn excerpts(analysis: &Analysis, marks: &[Mark<'_>], width: usize) -> Vec<Excerpt> {
    struct Bucket {
        article: usize,
        lines: Vec<usize>,
        /// The first and last column (characters) the marks cover.
        columns: (usize, usize),
        members: Vec<usize>,
    }
    // Room for the marks in a cut line: the width less the gutter and the
    // `...` at both ends.
    let room = width.saturating_sub(20);
    let mut groups: Vec<Bucket> = Vec::new();
    for (i, m) in marks.iter().enumerate() {
        let a = &analysis.articles[m.article].article;
        let (text, range, record_line) = placed(a, m.span);
        let start = range.start.min(text.len());
        let end = range.end.clamp(start, text.len());
        // A record is drawn on one line.
        let line = match record_line {
            Some(_) => 0,
            None => line_of(text, start),
        };
        let line_start = match record_line {
            Some(_) => 0,
            None => text[..start].rfind('\n').map_or(0, |i| i + 1),
        };
        let first = text[line_start..start].chars().count();
        let last = first + text[start..end].chars().count();
        let fits = |b: &Bucket| b.columns.1.max(last) - b.columns.0.min(first) <= room;
        match groups
            .iter_mut()
            .find(|b| b.article == m.article && !b.lines.contains(&line) && fits(b))
        {
            Some(b) => {
                b.lines.push(line);
                b.columns = (b.columns.0.min(first), b.columns.1.max(last));
                b.members.push(i);
            }
            None => groups.push(Bucket {
                article: m.article,
                lines: vec![line],
                columns: (first, last),
                members: vec![i],
            }),
        }
    }
    groups
        .into_iter()
        .map(
            |Bucket {
                 article, members, ..
             }| {
                let a = &analysis.articles[article].article;
                let ranges: Vec<std::ops::Range<usize>> = members
                    .iter()
                    .map(|&i| {
                        let (text, r, _) = placed(a, marks[i].span);
                        let start = r.start.min(text.len());
                        start..r.end.clamp(start, text.len())
                    })
                    .collect();
                let (text, _, record_line) = placed(a, marks[members[0]].span);
                let lo = ranges.iter().map(|r| r.start).min().unwrap_or(0);
                let hi = ranges.iter().map(|r| r.end).max().unwrap_or(0);
                // A record's whole text is its one line.
                let (first, last) = match record_line {
                    Some(_) => (0, text.len()),
                    None => (
                        text[..lo].rfind('\n').map_or(0, |i| i + 1),
                        text[hi..].find('\n').map_or(text.len(), |i| hi + i),
                    ),
                };
                let mut shown = text[first..last].to_string();
                let (path, line) = match record_line {
                    Some(line) => {
                        // Same length, so the marks keep their offsets.
                        shown = shown.replace(['\n', '\r'], " ");
                        (a.origin.path.clone(), line)
                    }
                    None => (a.id.clone(), line_of(text, first) + 1),
                };
                Excerpt {
                    path,
                    text: shown,
                    line,
                    marks: members
                        .iter()
                        .zip(ranges)
                        .map(|(&i, r)| ((r.start - first)..(r.end - first), i))
                        .collect(),
                }
            },
        )
        .collect()
}

/// The `= help:` line of a finding: where the rule is explained, and how
/// to switch the finding off where it stands (a comment on the line before
/// in an article that can hold one, a baseline anywhere).
fn help(article: &crate::article::Article, code: &str) -> String {
    // A Markdown file or a web page (a text drawn out of a file of its own).
    let comment = article.source.is_some() && article.origin.record_line.is_none();
    if comment {
        format!(
            "`claimcheck explain {code}` tells what it finds; to accept this one, put \
             `<!-- claimcheck-disable-next-line {code} -->` on the line before it, or record \
             it with `--write-baseline FILE`"
        )
    } else {
        format!(
            "`claimcheck explain {code}` tells what it finds; to accept this one, record it \
             with `--write-baseline FILE` and check with `--baseline FILE`"
        )
    }
}

/// Writes one finding: its place marked with its label (and, for a side of
/// a contradiction, who says it), every other side marked with its own
/// label, then the notes and the `= help:` line.
///
/// The title carries the rule's code, linked (`id_url`, a terminal
/// hyperlink where the terminal shows them) to the rule's page when the run
/// knows one (`--docs-url`, `docs-url`); the rules have no page on the web
/// of their own (Cargo.toml names no homepage), and `claimcheck explain
/// RULE`, named on the help line, is their documentation.
fn write_finding(
    analysis: &Analysis,
    f: &Finding,
    renderer: &Renderer,
    out: &mut dyn Write,
) -> io::Result<()> {
    let code = f.rule.code();
    let title = match &f.suppressed {
        Some(s) => format!(
            "{} (suppressed by {})",
            f.message,
            super::findings::suppression(analysis, s).describe()
        ),
        None => f.message.clone(),
    };
    let label = f.sourced_label();
    let mut marks = vec![Mark {
        article: f.location.article,
        span: f.location.span,
        label: &label,
        primary: true,
    }];
    marks.extend(f.related.iter().take(8).map(|r| Mark {
        article: r.location.article,
        span: r.location.span,
        label: &r.message,
        primary: false,
    }));
    let excerpts = excerpts(analysis, &marks, width());
    let page = rule_page(code);
    let mut heading = level(f.severity).primary_title(title).id(code);
    if let Some(url) = &page {
        heading = heading.id_url(url);
    }
    let mut group = Group::with_title(heading);
    for e in &excerpts {
        let mut snippet = Snippet::source(e.text.as_str())
            .line_start(e.line)
            .path(e.path.as_str())
            .fold(true);
        for (range, i) in &e.marks {
            let kind = if marks[*i].primary {
                AnnotationKind::Primary
            } else {
                AnnotationKind::Context
            };
            snippet = snippet.annotation(kind.span(range.clone()).label(marks[*i].label));
        }
        group = group.element(snippet);
    }
    // The source of side A is on its label now, not in a note.
    let source_note = f.source_note();
    for n in f.notes.iter().filter(|n| Some(*n) != source_note.as_ref()) {
        group = group.element(Level::NOTE.message(normalize_untrusted_str(n)));
    }
    let more = f.related.len().saturating_sub(8);
    if more > 0 {
        group = group.element(Level::NOTE.message(format!("and {more} more places")));
    }
    if f.suppressed.is_none() {
        let a = &analysis.articles[f.location.article].article;
        group = group.element(Level::HELP.message(help(a, code)));
    }
    writeln!(out, "{}", renderer.render(&[group]))?;
    writeln!(out)
}

/// The summary line at the end of the report.
fn write_summary(s: &Summary, out: &mut dyn Write) -> io::Result<()> {
    use super::findings::plural;
    let findings = format!(
        "{}, {}, {} info",
        plural(s.errors, "error"),
        plural(s.warnings, "warning"),
        s.infos
    );
    let findings = if s.errors > 0 {
        findings.red().bold()
    } else if s.warnings > 0 {
        findings.yellow().bold()
    } else {
        findings.green().bold()
    };
    let stories = if s.one_story {
        String::new()
    } else {
        format!(
            " in {}",
            plural(s.stories, "story").replace("storys", "stories")
        )
    };
    write!(
        out,
        "{}: {} read ({} failed){stories}, {}, {}, {}, {}, {}; {}",
        "summary".bold(),
        plural(s.articles, "article"),
        s.failed,
        plural(s.statements, "statement"),
        plural(s.sources, "source"),
        plural(s.claims, "claim"),
        plural(s.agreements, "agreement"),
        plural(s.contradictions, "contradiction"),
        findings
    )?;
    if s.suppressed > 0 {
        write!(out, " ({} suppressed)", s.suppressed)?;
    }
    writeln!(out)
}

/// The findings of `check` alone, as diagnostics (`check --quiet`): no
/// input lines, no suppressions, no summary.
#[derive(Debug, Default)]
pub struct HumanFindings;

impl super::Reporter for HumanFindings {
    fn write(
        &self,
        analysis: &Analysis,
        _view: super::View,
        out: &mut dyn Write,
    ) -> io::Result<()> {
        let renderer = renderer();
        for f in analysis.findings.iter().filter(|f| f.suppressed.is_none()) {
            write_finding(analysis, f, &renderer, out)?;
        }
        Ok(())
    }
}

/// The address rule codes are appended to for their pages, set once per
/// run by [`set_rule_pages`] (none: the titles carry the bare code).
static RULE_PAGES: std::sync::RwLock<Option<String>> = std::sync::RwLock::new(None);

/// Sets the address of the rules' pages for the diagnostics of this run.
pub fn set_rule_pages(base: Option<String>) {
    if let Ok(mut pages) = RULE_PAGES.write() {
        *pages = base;
    }
}

/// The page of rule `code`, when the run knows where the pages are.
fn rule_page(code: &str) -> Option<String> {
    let pages = RULE_PAGES.read().ok()?;
    pages.as_ref().map(|base| format!("{base}{code}"))
}

/// The width the diagnostics are drawn for (0: annotate-snippets' own
/// default), set once per run by [`set_term_width`].
static TERM_WIDTH: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// Draws the diagnostics for a terminal of `columns` (source lines longer
/// than that are cut around the span, with `...`).
pub fn set_term_width(columns: usize) {
    TERM_WIDTH.store(columns, std::sync::atomic::Ordering::Relaxed);
}

/// The width the diagnostics are drawn for: the terminal's, else
/// annotate-snippets' default.
fn width() -> usize {
    match TERM_WIDTH.load(std::sync::atomic::Ordering::Relaxed) {
        0 => annotate_snippets::renderer::DEFAULT_TERM_WIDTH,
        columns => columns,
    }
}

fn renderer() -> Renderer {
    let renderer = if crate::paint::enabled() {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    // One column spare: a line as wide as the terminal wraps on some.
    renderer.term_width(width() - 1)
}

/// The whole human report of `check`.
pub fn write_check(analysis: &Analysis, out: &mut dyn Write) -> io::Result<()> {
    let renderer = renderer();
    for f in &analysis.findings {
        write_finding(analysis, f, &renderer, out)?;
    }
    for input in &analysis.inputs {
        match &input.status {
            crate::ingest::InputStatus::Failed { error } => {
                writeln!(out, "{} {}", "error:".red().bold(), error)?;
            }
            crate::ingest::InputStatus::Skipped { reason } => {
                writeln!(out, "{} {}: {}", "skipped:".yellow(), input.path, reason)?;
            }
            crate::ingest::InputStatus::Read { .. } => {}
        }
    }
    for w in &analysis.warnings {
        writeln!(out, "{} {}", "warning:".yellow().bold(), w)?;
    }
    write_suppressions(analysis, out)?;
    if let Some(note) = super::findings::story_note(analysis) {
        writeln!(out, "{} {note}", "note:".bold())?;
    }
    write_summary(&summary(analysis), out)
}

/// Every suppression the run used: the rule and place of the finding, and
/// the comment or baseline that switched it off.
fn write_suppressions(analysis: &Analysis, out: &mut dyn Write) -> io::Result<()> {
    for f in &analysis.findings {
        let Some(s) = &f.suppressed else { continue };
        let at = super::findings::location(analysis, f.location);
        // A JSON Lines record is located by its line in the file.
        let place = match at.record_line {
            Some(_) => super::findings::file_line(&at),
            None => format!("{}:{}:{}", at.path, at.line, at.column),
        };
        writeln!(
            out,
            "{} {} at {place} by {}",
            "suppressed:".dimmed(),
            f.rule.code(),
            super::findings::suppression(analysis, s).describe()
        )?;
    }
    Ok(())
}
