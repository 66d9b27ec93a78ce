//! Reporters: one [`Analysis`] in, one output format out. Reporters only
//! format; they never decide anything about the articles.

use crate::analysis::Analysis;
use crate::article::Span;
use std::io::{self, Write};

pub mod claims;
mod concise;
mod diagnostics;
pub mod findings;
mod github;
mod gitlab;
mod graph;
pub mod html;
mod human;
mod json;
mod jsonl;
mod junit;
mod markdown;
pub mod places;
mod sarif;
mod syntax;

pub use concise::Concise;
pub use diagnostics::{HumanFindings, set_rule_pages, set_term_width};
pub use github::Github;
pub use gitlab::Gitlab;
pub use graph::{Dot, Mermaid, source_graph};
pub use html::Html;
pub use human::Human;
pub use json::Json;
pub use jsonl::JsonLines;
pub use junit::Junit;
pub use markdown::Markdown;
pub use places::Places;
pub use sarif::Sarif;
pub use syntax::{Conllu, SyntaxJson, SyntaxTable, conllu_article};

use crate::analysis::AnalyzedArticle;
use crate::article::Article;
use crate::grammar::Kind;
use serde::Serialize;

/// One statement as the machine formats print it (the `extract` contract).
#[derive(Debug, Serialize)]
pub struct StatementOut<'a> {
    pub article: &'a str,
    pub kind: Kind,
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub column: usize,
    pub speaker: Option<&'a str>,
    pub speaker_mention: Option<&'a str>,
    pub cue: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reporter: Option<&'a str>,
    /// The attribution chain: the article first, the origin last.
    pub chain: &'a crate::sources::Chain,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub inherited: bool,
    pub nested: Vec<NestedOut<'a>>,
    /// Per-paragraph parts of a multi-paragraph quote.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<PartOut<'a>>,
}

#[derive(Debug, Serialize)]
pub struct NestedOut<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
}

#[derive(Debug, Serialize)]
pub struct PartOut<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
}

/// The statements of one article in output form.
pub fn statements_out(item: &AnalyzedArticle) -> Vec<StatementOut<'_>> {
    let a: &Article = &item.article;
    item.statements
        .iter()
        .zip(&item.chains)
        .map(|(r, chain)| {
            let st = &r.statement;
            let (line, column) = a.line_col(st.span.start);
            StatementOut {
                article: &a.id,
                kind: st.kind,
                text: a.slice(st.span),
                start: a.file_span(st.span).start,
                end: a.file_span(st.span).end,
                line,
                column,
                speaker: r.speaker.as_deref(),
                speaker_mention: st.speaker.map(|s| a.slice(s)),
                cue: st.cue.map(|s| a.slice(s)),
                reporter: st.reporter.map(|s| a.slice(s)),
                chain,
                inherited: st.inherited,
                nested: st
                    .nested
                    .iter()
                    .map(|n| NestedOut {
                        text: a.slice(n.span),
                        start: a.file_span(n.span).start,
                        end: a.file_span(n.span).end,
                        kind: n.kind,
                    })
                    .collect(),
                parts: if st.parts.len() > 1 {
                    st.parts
                        .iter()
                        .map(|p| PartOut {
                            text: a.slice(*p),
                            start: a.file_span(*p).start,
                            end: a.file_span(*p).end,
                        })
                        .collect()
                } else {
                    Vec::new()
                },
            }
        })
        .collect()
}

/// What the report is for, so each reporter can show the right detail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    /// A per-article summary (`check`, `sources`, `compare`).
    Summary,
    /// Everything extracted, statement by statement (`extract`).
    Extract,
    /// The sources and the source graph (`sources`).
    Sources,
    /// Claims and the entity table (`extract --claims`).
    Claims,
    /// Alignments and verdicts across the articles (`compare`).
    Compare,
    /// Findings of the rules (`check`).
    Check,
    /// Each sentence's words, tags and dependency tree (`extract --syntax`).
    Syntax,
}

/// One output format.
pub trait Reporter {
    fn write(&self, analysis: &Analysis, view: View, out: &mut dyn Write) -> io::Result<()>;
}

pub(crate) use crate::article::clip;

/// `line:column` of a span's start in an article.
pub(crate) fn position(article: &crate::article::Article, span: Span) -> (usize, usize) {
    article.line_col(span.start)
}
