//! The readable, coloured report. Colour is decided once by the caller through
//! `colored`'s global override; this file only asks for styles.

use super::{Reporter, View, clip, position};
use crate::article::Article;
use crate::grammar::{IssueKind, Kind};
use crate::ingest::InputStatus;
use crate::run::Analysis;
use crate::speakers::Resolved;
use colored::Colorize;
use std::io::{self, Write};

/// Human-readable output.
#[derive(Debug, Default)]
pub struct Human;

impl Reporter for Human {
    fn write(&self, analysis: &Analysis, view: View, out: &mut dyn Write) -> io::Result<()> {
        for item in &analysis.articles {
            let a = &item.article;
            let seg = &item.segments;
            let date = a
                .date
                .map_or_else(|| "no date".to_string(), |d| d.to_string());
            writeln!(
                out,
                "{}  {}  {}, {} in {}",
                a.id.bold(),
                date.cyan(),
                plural(item.statements.len(), "statement"),
                plural(seg.sentences.len(), "sentence"),
                plural(seg.paragraphs.len(), "paragraph")
            )?;
            for (label, value) in [("title", &a.title), ("outlet", &a.outlet), ("url", &a.url)] {
                if let Some(v) = value {
                    writeln!(out, "  {:<8} {}", label.dimmed(), v)?;
                }
            }
            for ex in &a.excluded {
                let (line, col) = position(a, ex.span);
                let kind = serde_json::to_value(ex.kind)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_string))
                    .unwrap_or_default();
                writeln!(
                    out,
                    "  {:>4}:{:<3} {:<9} {} {}",
                    line.to_string().dimmed(),
                    col.to_string().dimmed(),
                    "excluded".yellow(),
                    kind,
                    format!("\"{}\"", clip(a.slice(ex.span), 70)).dimmed()
                )?;
            }
            for issue in &item.issues {
                let (line, col) = position(a, issue.span);
                let what = match issue.kind {
                    IssueKind::UnclosedQuote => "quote mark never closes",
                    IssueKind::UnopenedQuote => "closing quote mark with nothing open",
                    IssueKind::NestingTooDeep => "quotes nested too deeply",
                };
                writeln!(
                    out,
                    "  {:>4}:{:<3} {:<9} {what}",
                    line.to_string().dimmed(),
                    col.to_string().dimmed(),
                    "warning".yellow().bold()
                )?;
            }
            if view == View::Extract {
                for r in &item.statements {
                    write_statement(out, a, r)?;
                }
            }
            writeln!(out)?;
        }
        let mut read = 0;
        let mut failed = 0;
        let mut skipped = 0;
        for input in &analysis.inputs {
            match &input.status {
                InputStatus::Read { .. } => read += 1,
                InputStatus::Failed { error } => {
                    failed += 1;
                    writeln!(out, "{} {}", "failed:".red().bold(), error)?;
                }
                InputStatus::Skipped { reason } => {
                    skipped += 1;
                    writeln!(out, "{} {}: {}", "skipped:".yellow(), input.path, reason)?;
                }
            }
        }
        let statements: usize = analysis.articles.iter().map(|a| a.statements.len()).sum();
        let sentences: usize = analysis
            .articles
            .iter()
            .map(|a| a.segments.sentences.len())
            .sum();
        let excluded: usize = analysis
            .articles
            .iter()
            .map(|a| a.article.excluded.len())
            .sum();
        let mut summary = format!(
            "{} from {} read, {failed} failed",
            plural(analysis.articles.len(), "article"),
            plural(read, "input"),
        );
        if skipped > 0 {
            summary.push_str(&format!(", {skipped} skipped"));
        }
        summary.push_str(&format!(
            "; {}; {}; {}",
            plural(statements, "statement"),
            plural(sentences, "sentence"),
            plural(excluded, "excluded region")
        ));
        let summary = if failed > 0 {
            summary.red().bold()
        } else {
            summary.green().bold()
        };
        writeln!(out, "{summary}")
    }
}

/// `1 article`, `2 articles`.
pub(crate) fn plural(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// One statement: position, kind, who and how, then the words.
fn write_statement(out: &mut dyn Write, a: &Article, r: &Resolved) -> io::Result<()> {
    let st = &r.statement;
    let (line, col) = position(a, st.span);
    let kind = match st.kind {
        Kind::Direct => "direct".green(),
        Kind::Partial => "partial".cyan(),
        Kind::Scare => "scare".magenta(),
        Kind::Indirect => "indirect".blue(),
    };
    let mut who = match (&r.speaker, st.speaker) {
        (Some(name), Some(m)) if a.slice(m) != name => format!("{} ({})", name.bold(), a.slice(m)),
        (Some(name), _) => name.bold().to_string(),
        (None, Some(m)) => a.slice(m).to_string(),
        (None, None) => "no speaker".dimmed().to_string(),
    };
    if let Some(c) = st.cue {
        who.push(' ');
        who.push_str(a.slice(c));
    }
    if let Some(rep) = st.reporter {
        who.push_str(&format!(" {} {}", "via".dimmed(), a.slice(rep)));
    }
    if st.inherited {
        who.push_str(&" (continued)".dimmed().to_string());
    }
    writeln!(
        out,
        "  {:>4}:{:<3} {:<9} {}",
        line.to_string().dimmed(),
        col.to_string().dimmed(),
        kind,
        who
    )?;
    let text = clip(a.slice(st.span), 160);
    let shown = if st.kind == Kind::Indirect {
        text
    } else {
        format!("“{text}”")
    };
    writeln!(out, "             {shown}")?;
    for n in &st.nested {
        writeln!(
            out,
            "             {} {} “{}”",
            "↳".dimmed(),
            n.kind.as_str(),
            clip(a.slice(n.span), 60)
        )?;
    }
    Ok(())
}
