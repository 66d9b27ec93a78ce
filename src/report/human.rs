//! The readable, coloured report. Colour is decided once by the caller through
//! `colored`'s global override; this file only asks for styles.

use super::{Reporter, View, clip, position};
use crate::ingest::InputStatus;
use crate::run::Analysis;
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
                "{}  {}  {} in {}",
                a.id.bold(),
                date.cyan(),
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
                    "  {} {:>4}:{:<3} {:<11} {}",
                    "excluded".yellow(),
                    line,
                    col,
                    kind,
                    format!("\"{}\"", clip(a.slice(ex.span), 70)).dimmed()
                )?;
            }
            if view == View::Extract {
                for s in &seg.sentences {
                    let (line, col) = position(a, s.span);
                    writeln!(
                        out,
                        "  {:>4}:{:<3} {}",
                        line.to_string().dimmed(),
                        col.to_string().dimmed(),
                        clip(a.slice(s.span), 100)
                    )?;
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
            "{} articles from {} inputs read, {} failed",
            analysis.articles.len(),
            read,
            failed
        );
        if skipped > 0 {
            summary.push_str(&format!(", {skipped} skipped"));
        }
        summary.push_str(&format!(
            "; {sentences} sentences; {excluded} excluded regions"
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
