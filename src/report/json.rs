//! One JSON document with a `version` field; keys in a stable order.

use super::{Reporter, View};
use crate::analysis::Analysis;
use crate::article::{ExclusionKind, Span};
use crate::error::InputWarning;
use crate::ingest::InputRecord;
use serde::Serialize;
use std::io::{self, Write};

/// Version of the JSON output schema; bumped on incompatible changes.
pub const JSON_VERSION: u32 = 1;

/// JSON output.
#[derive(Debug, Default)]
pub struct Json;

#[derive(Serialize)]
struct SourcesDocument<'a> {
    version: u32,
    inputs: &'a [InputRecord],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    warnings: &'a [InputWarning],
    nodes: Vec<crate::sources::GraphNode>,
    edges: Vec<crate::sources::Edge>,
}

#[derive(Serialize)]
struct Document<'a> {
    version: u32,
    inputs: &'a [InputRecord],
    /// Dates (and the like) that could not be read in inputs read all the
    /// same; left out when there are none.
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    warnings: &'a [InputWarning],
    articles: Vec<ArticleOut<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    statements: Vec<super::StatementOut<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    stories: Option<Vec<StoryOut<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    entities: Option<Vec<super::claims::EntityOut<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    claims: Option<Vec<super::claims::ClaimOut<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    alignments: Option<Vec<super::claims::AlignmentOut<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    quote_drift: Option<Vec<super::claims::DriftOut<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    claim: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    claim_verdicts: Option<Vec<super::claims::ClaimVerdictOut<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    summary: Option<super::findings::Summary>,
    #[serde(skip_serializing_if = "Option::is_none")]
    findings: Option<Vec<super::findings::FindingOut<'a>>>,
}

/// One story of the set: its number, its articles (ids) and what they
/// share.
#[derive(Serialize)]
struct StoryOut<'a> {
    id: usize,
    articles: Vec<&'a str>,
    terms: &'a [String],
}

#[derive(Serialize)]
struct ArticleOut<'a> {
    id: &'a str,
    /// The number of its story in `stories`.
    #[serde(skip_serializing_if = "Option::is_none")]
    story: Option<usize>,
    path: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    record_line: Option<usize>,
    date: Option<String>,
    outlet: Option<&'a str>,
    title: Option<&'a str>,
    /// The byline, where the input gives one.
    #[serde(skip_serializing_if = "Option::is_none")]
    author: Option<&'a str>,
    url: Option<&'a str>,
    paragraphs: usize,
    sentence_count: usize,
    statement_count: usize,
    issues: Vec<IssueOut>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    sentences: Vec<Located<'a>>,
    excluded: Vec<ExcludedOut<'a>>,
}

#[derive(Serialize)]
struct Located<'a> {
    start: usize,
    end: usize,
    line: usize,
    column: usize,
    text: &'a str,
}

#[derive(Serialize)]
struct IssueOut {
    kind: crate::grammar::IssueKind,
    start: usize,
    end: usize,
    line: usize,
    column: usize,
}

#[derive(Serialize)]
struct ExcludedOut<'a> {
    kind: ExclusionKind,
    #[serde(flatten)]
    at: Located<'a>,
}

fn locate<'a>(article: &'a crate::article::Article, span: Span) -> Located<'a> {
    let (line, column) = article.line_col(span.start);
    Located {
        start: article.file_span(span).start,
        end: article.file_span(span).end,
        line,
        column,
        text: article.slice(span),
    }
}

impl Reporter for Json {
    fn write(&self, analysis: &Analysis, view: View, out: &mut dyn Write) -> io::Result<()> {
        if view == View::Sources {
            let g = super::source_graph(analysis);
            let doc = SourcesDocument {
                version: JSON_VERSION,
                inputs: &analysis.inputs,
                warnings: &analysis.warnings,
                nodes: g.nodes,
                edges: g.edges,
            };
            serde_json::to_writer_pretty(&mut *out, &doc)?;
            return writeln!(out);
        }
        let articles = analysis
            .articles
            .iter()
            .enumerate()
            .map(|(ai, item)| {
                let a = &item.article;
                ArticleOut {
                    id: &a.id,
                    story: analysis.stories.of.get(ai).copied(),
                    path: &a.origin.path,
                    record_line: a.origin.record_line,
                    date: a.date.map(|d| d.to_string()),
                    outlet: a.outlet.as_deref(),
                    title: a.title.as_deref(),
                    author: a.author.as_deref(),
                    url: a.url.as_deref(),
                    paragraphs: item.segments.paragraphs.len(),
                    sentence_count: item.segments.sentences.len(),
                    statement_count: item.statements.len(),
                    issues: item
                        .issues
                        .iter()
                        .map(|i| {
                            let (line, column) = a.line_col(i.span.start);
                            IssueOut {
                                kind: i.kind,
                                start: a.file_span(i.span).start,
                                end: a.file_span(i.span).end,
                                line,
                                column,
                            }
                        })
                        .collect(),
                    sentences: if view == View::Extract {
                        item.segments
                            .sentences
                            .iter()
                            .map(|s| locate(a, s.span))
                            .collect()
                    } else {
                        Vec::new()
                    },
                    excluded: a
                        .excluded
                        .iter()
                        .map(|e| ExcludedOut {
                            kind: e.kind,
                            at: locate(a, e.span),
                        })
                        .collect(),
                }
            })
            .collect();
        let statements = if view == View::Extract {
            analysis
                .articles
                .iter()
                .flat_map(super::statements_out)
                .collect()
        } else {
            Vec::new()
        };
        let (alignments, quote_drift) = if view == View::Compare {
            (
                Some(super::claims::alignments_out(analysis)),
                Some(super::claims::drifts_out(analysis)),
            )
        } else {
            (None, None)
        };
        let (entities, claims) = if matches!(view, View::Claims | View::Compare) {
            (
                Some(super::claims::entities_out(analysis)),
                Some(
                    (0..analysis.articles.len())
                        .flat_map(|i| super::claims::claims_out(analysis, i))
                        .collect(),
                ),
            )
        } else {
            (None, None)
        };
        let stories = (matches!(view, View::Claims | View::Compare | View::Check)
            && !analysis.stories.stories.is_empty())
        .then(|| {
            analysis
                .stories
                .stories
                .iter()
                .enumerate()
                .map(|(id, st)| StoryOut {
                    id,
                    articles: st
                        .articles
                        .iter()
                        .map(|&a| analysis.articles[a].article.id.as_str())
                        .collect(),
                    terms: &st.terms,
                })
                .collect()
        });
        let doc = Document {
            version: JSON_VERSION,
            inputs: &analysis.inputs,
            warnings: &analysis.warnings,
            articles,
            statements,
            stories,
            entities,
            claims,
            alignments,
            quote_drift,
            claim: analysis.claim_check.as_ref().map(|c| c.claim.as_str()),
            claim_verdicts: analysis
                .claim_check
                .as_ref()
                .map(|_| super::claims::claim_verdicts_out(analysis)),
            summary: (view == View::Check).then(|| super::findings::summary(analysis)),
            findings: (view == View::Check).then(|| {
                analysis
                    .findings
                    .iter()
                    .map(|f| super::findings::finding(analysis, f))
                    .collect()
            }),
        };
        serde_json::to_writer_pretty(&mut *out, &doc)?;
        writeln!(out)
    }
}
