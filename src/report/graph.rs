//! The source graph as Graphviz DOT and as a Mermaid flowchart.

use super::{Reporter, View};
use crate::analysis::Analysis;
use crate::sources::{EdgeKind, Graph, SourceKind};
use std::io::{self, Write};

/// Graphviz DOT (`dot -Tsvg`).
#[derive(Debug, Default)]
pub struct Dot;

/// A Mermaid flowchart, to paste into a Markdown page.
#[derive(Debug, Default)]
pub struct Mermaid;

/// The graph of the whole analysis.
pub fn source_graph(analysis: &Analysis) -> Graph {
    crate::sources::graph(analysis.articles.iter().map(|a| a.article_chains()))
}

/// A DOT string literal: quotes and backslashes escaped, no raw newlines.
fn dot_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A Mermaid label: quoted, with `"` written as `#quot;` and no brackets
/// that would end the node shape.
fn mermaid_str(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("#quot;"),
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn dot_shape(kind: SourceKind) -> &'static str {
    match kind {
        SourceKind::Article => "note",
        SourceKind::Outlet => "box",
        SourceKind::Person => "ellipse",
        SourceKind::Organisation => "hexagon",
        SourceKind::Medium => "parallelogram",
        SourceKind::Anonymous => "octagon",
        SourceKind::Group => "doublecircle",
    }
}

impl Reporter for Dot {
    fn write(&self, analysis: &Analysis, _view: View, out: &mut dyn Write) -> io::Result<()> {
        let g = source_graph(analysis);
        writeln!(out, "digraph sources {{")?;
        writeln!(out, "  rankdir=LR;")?;
        writeln!(out, "  node [fontname=\"Helvetica\"];")?;
        for n in &g.nodes {
            let label = format!(
                "{}\\n{}",
                n.name.replace('\\', "\\\\").replace('"', "\\\""),
                n.kind.as_str()
            );
            writeln!(
                out,
                "  n{} [label=\"{}\", shape={}];",
                n.id,
                label,
                dot_shape(n.kind)
            )?;
        }
        for e in &g.edges {
            let style = match e.kind {
                EdgeKind::Reports => "solid",
                EdgeKind::Quotes => "dashed",
            };
            let label = match e.kind {
                EdgeKind::Reports => "reports",
                EdgeKind::Quotes => "quotes",
            };
            writeln!(
                out,
                "  n{} -> n{} [label={}, style={}, tooltip={}];",
                e.from,
                e.to,
                dot_str(&format!("{label} ({})", e.evidence.len())),
                style,
                dot_str(&format!("{} statement(s)", e.evidence.len()))
            )?;
        }
        writeln!(out, "}}")
    }
}

impl Reporter for Mermaid {
    fn write(&self, analysis: &Analysis, _view: View, out: &mut dyn Write) -> io::Result<()> {
        let g = source_graph(analysis);
        writeln!(out, "flowchart LR")?;
        for n in &g.nodes {
            let label = mermaid_str(&format!("{} ({})", n.name, n.kind.as_str()));
            let shape = match n.kind {
                SourceKind::Article => ("[", "]"),
                SourceKind::Outlet => ("[[", "]]"),
                SourceKind::Person => ("(", ")"),
                SourceKind::Organisation => ("{{", "}}"),
                SourceKind::Medium => ("[/", "/]"),
                SourceKind::Anonymous => ("((", "))"),
                SourceKind::Group => ("([", "])"),
            };
            writeln!(out, "  n{}{}{}{}", n.id, shape.0, label, shape.1)?;
        }
        for e in &g.edges {
            let arrow = match e.kind {
                EdgeKind::Reports => "-->",
                EdgeKind::Quotes => "-.->",
            };
            let label = match e.kind {
                EdgeKind::Reports => "reports",
                EdgeKind::Quotes => "quotes",
            };
            writeln!(
                out,
                "  n{} {}|{} {}| n{}",
                e.from,
                arrow,
                label,
                e.evidence.len(),
                e.to
            )?;
        }
        Ok(())
    }
}
