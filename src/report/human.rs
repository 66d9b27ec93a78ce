//! The readable, coloured report. Colour is decided once by the caller through
//! `colored`'s global override; this file only asks for styles.

use super::{Reporter, View, clip, position};
use crate::article::Article;
use crate::grammar::{IssueKind, Kind};
use crate::ingest::InputStatus;
use crate::run::Analysis;
use crate::sources::{Chain, SourceKind};
use crate::speakers::Resolved;
use colored::Colorize;
use std::io::{self, Write};

/// Human-readable output.
#[derive(Debug, Default)]
pub struct Human;

impl Reporter for Human {
    fn write(&self, analysis: &Analysis, view: View, out: &mut dyn Write) -> io::Result<()> {
        if view == View::Sources {
            return write_sources(analysis, out);
        }
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
                for (r, chain) in item.statements.iter().zip(&item.chains) {
                    write_statement(out, a, r, chain)?;
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
fn write_statement(
    out: &mut dyn Write,
    a: &Article,
    r: &Resolved,
    chain: &Chain,
) -> io::Result<()> {
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
    if chain.0.len() > 2 {
        let via: Vec<&str> = chain.0[1..chain.0.len() - 1]
            .iter()
            .map(|l| l.name.as_str())
            .collect();
        who.push_str(&format!(" {} {}", "via".dimmed(), via.join(" ← ")));
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

/// Per article, the sources it relies on and how many statements each
/// carries; then every source of the set with its independent origins.
fn write_sources(analysis: &Analysis, out: &mut dyn Write) -> io::Result<()> {
    for item in &analysis.articles {
        writeln!(out, "{}", item.article.id.bold())?;
        let mut counts: Vec<(SourceKind, &str, usize)> = Vec::new();
        for chain in &item.chains {
            for link in chain.0.iter().skip(1) {
                match counts
                    .iter_mut()
                    .find(|(k, n, _)| *k == link.kind && *n == link.name)
                {
                    Some(c) => c.2 += 1,
                    None => counts.push((link.kind, &link.name, 1)),
                }
            }
        }
        counts.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(&b.0)).then(a.1.cmp(b.1)));
        for (kind, name, n) in &counts {
            writeln!(
                out,
                "  {:<12} {:<40} {}",
                kind_label(*kind),
                name,
                plural(*n, "statement")
            )?;
        }
        let unattributed = item.chains.iter().filter(|c| c.0.len() == 1).count();
        if unattributed > 0 {
            writeln!(
                out,
                "  {:<12} {:<40} {}",
                "(own words)".dimmed(),
                "",
                plural(unattributed, "statement")
            )?;
        }
        for (r, chain) in item.statements.iter().zip(&item.chains) {
            if chain.0.len() > 2 {
                let (line, col) = position(&item.article, r.statement.span);
                writeln!(
                    out,
                    "  {:>4}:{:<3} {} {}",
                    line.to_string().dimmed(),
                    col.to_string().dimmed(),
                    "chain".dimmed(),
                    chain
                        .0
                        .iter()
                        .skip(1)
                        .map(|l| l.name.as_str())
                        .collect::<Vec<_>>()
                        .join(" → ")
                )?;
            }
        }
        writeln!(out)?;
    }
    let graph = super::source_graph(analysis);
    writeln!(out, "{}", "sources across the set".bold())?;
    for n in graph.nodes.iter().filter(|n| n.kind != SourceKind::Article) {
        writeln!(
            out,
            "  {:<12} {:<40} {} in {}, {}",
            kind_label(n.kind),
            n.name,
            plural(n.statements, "statement"),
            plural(n.articles, "article"),
            plural(n.origins, "independent origin")
        )?;
    }
    Ok(())
}

fn kind_label(kind: SourceKind) -> colored::ColoredString {
    match kind {
        SourceKind::Article => "article".normal(),
        SourceKind::Outlet => "outlet".blue(),
        SourceKind::Person => "person".green(),
        SourceKind::Organisation => "organisation".cyan(),
        SourceKind::Medium => "medium".magenta(),
        SourceKind::Anonymous => "anonymous".yellow(),
    }
}
