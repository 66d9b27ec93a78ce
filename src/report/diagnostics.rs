//! The human report of `check`: diagnostics in the style of rustc and
//! clippy, drawn by annotate-snippets (`error[contradiction]: …`, `-->
//! path:line:col`, the source lines with the span underlined, both sides of a
//! contradiction, `= note:` lines with the chains), then a summary.

use super::findings::{Summary, summary};
use crate::analysis::Analysis;
use crate::paint::Paint;
use crate::rules::{Finding, Severity};
use annotate_snippets::{Level, Renderer, Snippet};
use std::io::{self, Write};

fn level(s: Severity) -> Level {
    match s {
        Severity::Error => Level::Error,
        Severity::Warning => Level::Warning,
        Severity::Info => Level::Info,
    }
}

/// The lines of the file around a span of an article: (those lines, the
/// first one's number, the span relative to them). For a text drawn out of
/// HTML or Markdown they are the file's own lines, markup and all, so the
/// place shown is the place an editor opens.
fn excerpt(
    article: &crate::article::Article,
    start: usize,
    end: usize,
) -> (&str, usize, std::ops::Range<usize>) {
    // A record (a JSON Lines line, a feed item) has no lines of its own in
    // its file: its text is shown.
    let (text, start, end) = match &article.source {
        Some(map) if article.origin.record_line.is_none() => {
            let span = article.file_span(crate::article::Span::new(start, end));
            (map.source(), span.start, span.end)
        }
        _ => (article.text.as_str(), start, end),
    };
    let start = start.min(text.len());
    let end = end.clamp(start, text.len());
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i);
    let line_no = text[..line_start].matches('\n').count() + 1;
    (
        &text[line_start..line_end],
        line_no,
        (start - line_start)..(end - line_start),
    )
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

/// Writes one finding.
fn write_finding(
    analysis: &Analysis,
    f: &Finding,
    renderer: &Renderer,
    out: &mut dyn Write,
) -> io::Result<()> {
    let lvl = level(f.severity);
    let code = f.rule.code();
    let title = match &f.suppressed {
        Some(s) => format!(
            "{} (suppressed by {})",
            f.message,
            super::findings::suppression(analysis, s).describe()
        ),
        None => f.message.clone(),
    };
    let article = |i: usize| &analysis.articles[i].article;
    let a = article(f.location.article);
    let (src, line, range) = excerpt(a, f.location.span.start, f.location.span.end);
    let mut message = lvl.title(&title).id(code).snippet(
        Snippet::source(src)
            .line_start(line)
            .origin(&a.id)
            .fold(true)
            .annotation(lvl.span(range).label(&f.label)),
    );
    let related: Vec<(&str, &str, usize, std::ops::Range<usize>, &str)> = f
        .related
        .iter()
        .take(8)
        .map(|r| {
            let b = article(r.location.article);
            let (src, line, range) = excerpt(b, r.location.span.start, r.location.span.end);
            (b.id.as_str(), src, line, range, r.message.as_str())
        })
        .collect();
    for (origin, src, line, range, label) in &related {
        message = message.snippet(
            Snippet::source(src)
                .line_start(*line)
                .origin(origin)
                .fold(true)
                .annotation(Level::Note.span(range.clone()).label(label)),
        );
    }
    let more = f.related.len().saturating_sub(8);
    let more_note = format!("and {more} more places");
    let notes: Vec<&str> = f.notes.iter().map(String::as_str).collect();
    for n in &notes {
        message = message.footer(Level::Note.title(n));
    }
    if more > 0 {
        message = message.footer(Level::Note.title(&more_note));
    }
    let help = help(a, code);
    if f.suppressed.is_none() {
        message = message.footer(Level::Help.title(&help));
    }
    writeln!(out, "{}", renderer.render(message))?;
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

/// The width the diagnostics are drawn for (0: annotate-snippets' own
/// default), set once per run by [`set_term_width`].
static TERM_WIDTH: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// Draws the diagnostics for a terminal of `columns` (source lines longer
/// than that are cut around the span, with `...`).
pub fn set_term_width(columns: usize) {
    TERM_WIDTH.store(columns, std::sync::atomic::Ordering::Relaxed);
}

fn renderer() -> Renderer {
    let renderer = if crate::paint::enabled() {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    match TERM_WIDTH.load(std::sync::atomic::Ordering::Relaxed) {
        0 => renderer,
        // annotate-snippets draws one column past its width.
        columns => renderer.term_width(columns - 1),
    }
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
