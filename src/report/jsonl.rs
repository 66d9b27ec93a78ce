//! JSON Lines: one statement per line, in article order (the `extract`
//! contract); one claim per line for `extract --claims`. Inputs that failed are on stderr; the summary views print one
//! line per article.

use super::{Reporter, View};
use crate::analysis::Analysis;
use serde::Serialize;
use std::io::{self, Write};

/// JSON Lines output.
#[derive(Debug, Default)]
pub struct JsonLines;

#[derive(Serialize)]
struct ArticleLine<'a> {
    article: &'a str,
    date: Option<String>,
    sentences: usize,
    statements: usize,
    issues: usize,
}

impl Reporter for JsonLines {
    fn write(&self, analysis: &Analysis, view: View, out: &mut dyn Write) -> io::Result<()> {
        if view == View::Sources {
            let g = super::source_graph(analysis);
            for n in &g.nodes {
                serde_json::to_writer(&mut *out, &serde_json::json!({"type": "node", "node": n}))?;
                writeln!(out)?;
            }
            for e in &g.edges {
                serde_json::to_writer(&mut *out, &serde_json::json!({"type": "edge", "edge": e}))?;
                writeln!(out)?;
            }
            return Ok(());
        }
        if view == View::Check {
            // One finding per line; severity in every line.
            for f in &analysis.findings {
                serde_json::to_writer(&mut *out, &super::findings::finding(analysis, f))?;
                writeln!(out)?;
            }
            return Ok(());
        }
        if view == View::Claims {
            // One claim per line; the entity table is in `--format json`.
            for i in 0..analysis.articles.len() {
                for c in super::claims::claims_out(analysis, i) {
                    serde_json::to_writer(&mut *out, &c)?;
                    writeln!(out)?;
                }
            }
            return Ok(());
        }
        for item in &analysis.articles {
            if view == View::Extract {
                for st in super::statements_out(item) {
                    serde_json::to_writer(&mut *out, &st)?;
                    writeln!(out)?;
                }
            } else {
                let line = ArticleLine {
                    article: &item.article.id,
                    date: item.article.date.map(|d| d.to_string()),
                    sentences: item.segments.sentences.len(),
                    statements: item.statements.len(),
                    issues: item.issues.len(),
                };
                serde_json::to_writer(&mut *out, &line)?;
                writeln!(out)?;
            }
        }
        Ok(())
    }
}
