//! Findings in output form, shared by every format of `check`.

use crate::analysis::Analysis;
use crate::rules::{Finding, Location, Rule, Severity, Suppression};
use serde::Serialize;

/// A location as the machine formats print it.
#[derive(Debug, Clone, Serialize)]
pub struct LocationOut<'a> {
    pub article: &'a str,
    /// The file the article came from.
    pub path: &'a str,
    /// For JSON Lines input: the record's line in that file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub record_line: Option<usize>,
    pub start: usize,
    pub end: usize,
    /// 1-based line and character column in the article text.
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub text: &'a str,
}

#[derive(Debug, Clone, Serialize)]
pub struct RelatedOut<'a> {
    #[serde(flatten)]
    pub location: LocationOut<'a>,
    pub message: &'a str,
}

/// One finding as the machine formats print it.
#[derive(Debug, Clone, Serialize)]
pub struct FindingOut<'a> {
    pub rule: Rule,
    pub severity: Severity,
    pub message: &'a str,
    pub location: LocationOut<'a>,
    pub label: &'a str,
    pub related: Vec<RelatedOut<'a>>,
    pub notes: &'a [String],
    pub fingerprint: &'a str,
    /// `baseline` or `inline`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suppressed: Option<&'a Suppression>,
    /// What suppressed it: the comment (with its location and text) or the
    /// baseline file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suppression: Option<SuppressionOut<'a>>,
}

/// What suppressed a finding, as the machine formats print it.
#[derive(Debug, Clone, Serialize)]
pub struct SuppressionOut<'a> {
    /// `baseline` or `inline`.
    pub kind: &'static str,
    /// The baseline file, as given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub baseline: Option<&'a str>,
    /// The inline comment.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub marker: Option<LocationOut<'a>>,
}

impl SuppressionOut<'_> {
    /// What suppressed the finding, for a reader: `the baseline
    /// base.json`, `<!-- claimcheck-disable-next-line … --> at a.md:6`.
    pub fn describe(&self) -> String {
        match (&self.marker, self.baseline) {
            (Some(m), _) => {
                // One line, however the comment was written.
                let mut text = m.text.split_whitespace().collect::<Vec<_>>().join(" ");
                if text.chars().count() > 120 {
                    text = text.chars().take(117).collect::<String>() + "...";
                }
                format!("{text} at {}", file_line(m))
            }
            (None, Some(b)) if !b.is_empty() => format!("the baseline {b}"),
            _ => "the baseline".to_string(),
        }
    }
}

/// A suppression in output form.
pub fn suppression<'a>(analysis: &'a Analysis, s: &'a Suppression) -> SuppressionOut<'a> {
    match s {
        Suppression::Baseline { file } => SuppressionOut {
            kind: s.kind(),
            baseline: Some(file),
            marker: None,
        },
        Suppression::Inline { marker } => SuppressionOut {
            kind: s.kind(),
            baseline: None,
            marker: Some(location(analysis, *marker)),
        },
    }
}

/// A location in output form.
pub fn location(analysis: &Analysis, loc: Location) -> LocationOut<'_> {
    let a = &analysis.articles[loc.article].article;
    let (line, column) = a.line_col(loc.span.start);
    let (end_line, end_column) = a.line_col(loc.span.end);
    LocationOut {
        article: &a.id,
        path: &a.origin.path,
        record_line: a.origin.record_line,
        start: a.file_span(loc.span).start,
        end: a.file_span(loc.span).end,
        line,
        column,
        end_line,
        end_column,
        text: a.slice(loc.span),
    }
}

/// A finding in output form.
pub fn finding<'a>(analysis: &'a Analysis, f: &'a Finding) -> FindingOut<'a> {
    FindingOut {
        rule: f.rule,
        severity: f.severity,
        message: &f.message,
        location: location(analysis, f.location),
        label: &f.label,
        related: f
            .related
            .iter()
            .map(|r| RelatedOut {
                location: location(analysis, r.location),
                message: &r.message,
            })
            .collect(),
        notes: &f.notes,
        fingerprint: &f.fingerprint,
        suppressed: f.suppressed.as_ref(),
        suppression: f.suppressed.as_ref().map(|s| suppression(analysis, s)),
    }
}

/// Counts for the summary line and the machine formats' `summary`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Summary {
    pub articles: usize,
    pub failed: usize,
    pub statements: usize,
    pub sources: usize,
    pub claims: usize,
    pub agreements: usize,
    pub contradictions: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    pub suppressed: usize,
    /// The stories the articles tell; whether that is one; whether the set
    /// is not one story at all (no story holds more than half of it).
    pub stories: usize,
    pub one_story: bool,
    pub mixed: bool,
}

/// What the set is about, when it is not exactly one story: how many
/// stories, and how the articles fall into them (`None` for one story).
pub fn story_note(analysis: &Analysis) -> Option<String> {
    let st = &analysis.stories;
    if st.stories.len() <= 1 {
        return None;
    }
    let n = st.of.len();
    let largest = st
        .stories
        .iter()
        .max_by_key(|s| (s.articles.len(), std::cmp::Reverse(s.articles[0])))?;
    let about = if largest.terms.is_empty() {
        String::new()
    } else {
        format!(" (“{}”)", largest.terms.join(", "))
    };
    let m = largest.articles.len();
    Some(if st.mixed() {
        format!(
            "these {n} articles are not one story: {} stories, the largest {}{about}; claims are compared only within a story",
            st.stories.len(),
            if m == 1 {
                "article".to_string()
            } else {
                format!("{m} articles")
            },
        )
    } else {
        format!(
            "{} stories: {m} of {n} articles are on one{about}; the other {} {} compared only with articles of their own story",
            st.stories.len(),
            n - m,
            if n - m == 1 { "is" } else { "are" },
        )
    })
}

/// The counts of a run.
pub fn summary(analysis: &Analysis) -> Summary {
    use crate::compare::align::Verdict;
    let live = |s: Severity| {
        analysis
            .findings
            .iter()
            .filter(|f| f.suppressed.is_none() && f.severity == s)
            .count()
    };
    let mut sources: Vec<(crate::sources::SourceKind, &str)> = analysis
        .articles
        .iter()
        .flat_map(|a| a.chains.iter())
        .flat_map(|c| c.0.iter().skip(1))
        .map(|l| (l.kind, l.name.as_str()))
        .collect();
    sources.sort_unstable();
    sources.dedup();
    let verdicts = |v: Verdict| {
        analysis
            .comparison
            .alignments
            .iter()
            .filter(|a| a.verdict == v)
            .count()
    };
    Summary {
        articles: analysis.articles.len(),
        failed: analysis.inputs.iter().filter(|i| i.is_failed()).count(),
        statements: analysis.articles.iter().map(|a| a.statements.len()).sum(),
        sources: sources.len(),
        claims: analysis
            .articles
            .iter()
            .map(|a| a.claims.claims.len())
            .sum(),
        agreements: verdicts(Verdict::Agreement) + verdicts(Verdict::Refinement),
        contradictions: verdicts(Verdict::Contradiction) + analysis.comparison.conflicts.len(),
        errors: live(Severity::Error),
        warnings: live(Severity::Warning),
        infos: live(Severity::Info),
        suppressed: analysis
            .findings
            .iter()
            .filter(|f| f.suppressed.is_some())
            .count(),
        stories: analysis.stories.stories.len().max(1),
        one_story: analysis.stories.stories.len() <= 1,
        mixed: analysis.stories.mixed(),
    }
}

/// `path:line` of a location, the place a reader opens: for an article from a
/// JSON Lines file, the line of its record in that file.
pub fn file_line(loc: &LocationOut<'_>) -> String {
    format!("{}:{}", loc.path, loc.record_line.unwrap_or(loc.line))
}

/// `2 errors, 1 warning, 0 infos`, with the suppressed count when there are
/// any.
pub fn counts(s: &Summary) -> String {
    let n = |k: usize, one: &str| {
        if k == 1 {
            format!("1 {one}")
        } else {
            format!("{k} {one}s")
        }
    };
    let mut line = format!(
        "{}, {}, {}",
        n(s.errors, "error"),
        n(s.warnings, "warning"),
        n(s.infos, "info")
    );
    if s.suppressed > 0 {
        line.push_str(&format!(" ({} suppressed)", s.suppressed));
    }
    line
}

/// `1 article`, `2 articles`.
pub(crate) fn plural(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}
