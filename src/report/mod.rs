//! Reporters: one [`Analysis`] in, one output format out. Reporters only
//! format; they never decide anything about the articles.

use crate::article::Span;
use crate::run::Analysis;
use std::io::{self, Write};

mod human;
mod json;

pub use human::Human;
pub use json::Json;

/// What the report is for, so each reporter can show the right detail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    /// A per-article summary (`check`, `sources`, `compare`).
    Summary,
    /// Everything extracted, sentence by sentence (`extract`).
    Extract,
}

/// One output format.
pub trait Reporter {
    fn write(&self, analysis: &Analysis, view: View, out: &mut dyn Write) -> io::Result<()>;
}

/// Shortens a text for one-line display, on a char boundary, with an ellipsis.
pub(crate) fn clip(text: &str, max_chars: usize) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max_chars {
        return flat;
    }
    let mut s: String = flat.chars().take(max_chars.saturating_sub(1)).collect();
    s.push('…');
    s
}

/// `line:column` of a span's start in an article.
pub(crate) fn position(article: &crate::article::Article, span: Span) -> (usize, usize) {
    article.line_col(span.start)
}
