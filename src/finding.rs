//! The finding model: what `check` reports, one model that every reporter
//! formats. Each [`Rule`] has a stable kebab-case code (used in every output
//! format, the configuration, suppressions and baselines), a default
//! severity and an explanation (`claimcheck explain CODE`). The rules that
//! make findings are in [`crate::rules`].

use crate::article::Span;
use serde::{Deserialize, Serialize};

/// A rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Rule {
    Contradiction,
    UnattributedQuote,
    InconsistentName,
    UnbalancedQuote,
    SingleSource,
    AnonymousSource,
    CircularReporting,
    QuoteDrift,
}

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

impl Rule {
    pub const ALL: [Rule; 8] = [
        Rule::Contradiction,
        Rule::UnattributedQuote,
        Rule::InconsistentName,
        Rule::UnbalancedQuote,
        Rule::SingleSource,
        Rule::AnonymousSource,
        Rule::CircularReporting,
        Rule::QuoteDrift,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Rule::Contradiction => "contradiction",
            Rule::UnattributedQuote => "unattributed-quote",
            Rule::InconsistentName => "inconsistent-name",
            Rule::UnbalancedQuote => "unbalanced-quote",
            Rule::SingleSource => "single-source",
            Rule::AnonymousSource => "anonymous-source",
            Rule::CircularReporting => "circular-reporting",
            Rule::QuoteDrift => "quote-drift",
        }
    }

    pub fn from_code(code: &str) -> Option<Rule> {
        Rule::ALL.into_iter().find(|r| r.code() == code)
    }

    pub fn default_severity(self) -> Severity {
        match self {
            Rule::Contradiction | Rule::UnbalancedQuote => Severity::Error,
            Rule::UnattributedQuote
            | Rule::InconsistentName
            | Rule::CircularReporting
            | Rule::QuoteDrift => Severity::Warning,
            Rule::SingleSource | Rule::AnonymousSource => Severity::Info,
        }
    }

    /// How often a finding of the rule is right, in the words code
    /// scanning uses (`very-high`, `high`, `medium`, `low`), from the
    /// hand-checked samples on real copy in README ("Findings on real copy"):
    /// circular-reporting 20/20; single-source 4/4, quote-drift 4/4,
    /// anonymous-source 19/20, inconsistent-name 31/36; unbalanced-quote
    /// 16/20; contradiction 0.45 on the labelled story clusters and
    /// unattributed-quote 1/2.
    pub fn precision(self) -> &'static str {
        match self {
            Rule::CircularReporting => "very-high",
            Rule::SingleSource
            | Rule::QuoteDrift
            | Rule::AnonymousSource
            | Rule::InconsistentName => "high",
            Rule::UnbalancedQuote => "medium",
            Rule::Contradiction | Rule::UnattributedQuote => "low",
        }
    }

    /// Tags for filtering findings in code-scanning tools: what the rule
    /// looks at.
    pub fn tags(self) -> &'static [&'static str] {
        match self {
            Rule::Contradiction => &["claims", "fact-check"],
            Rule::UnattributedQuote | Rule::UnbalancedQuote | Rule::QuoteDrift => {
                &["quotations", "fact-check"]
            }
            Rule::InconsistentName => &["names", "style"],
            Rule::SingleSource | Rule::AnonymousSource | Rule::CircularReporting => {
                &["sources", "fact-check"]
            }
        }
    }

    /// One line: what the rule finds.
    pub fn summary(self) -> &'static str {
        match self {
            Rule::Contradiction => {
                "two articles (or sources) give incompatible values for one event"
            }
            Rule::UnattributedQuote => "a direct quote with no speaker the text resolves",
            Rule::InconsistentName => "one entity spelt several ways across the set",
            Rule::UnbalancedQuote => {
                "a quote mark that never closes, or nesting too deep to resolve"
            }
            Rule::SingleSource => "a claim repeated across articles that traces to one origin",
            Rule::AnonymousSource => "a claim whose attribution chain ends in an anonymous source",
            Rule::CircularReporting => "articles that cite each other, or near-copies of one story",
            Rule::QuoteDrift => "the same quote of the same speaker worded differently",
        }
    }

    /// The paragraph `claimcheck explain CODE` prints.
    pub fn explanation(self) -> &'static str {
        match self {
            Rule::Contradiction => {
                "The comparator aligned claims about the same event (same event type, the same \
                 people or countries, dates within two weeks) and their values cannot all be \
                 true: a different city or country for the venue, non-overlapping dates for a \
                 one-off event, incompatible figures (qualifiers such as \"more than\" and \
                 \"about\" are respected), or one source asserting what another denies. Both \
                 sides are shown with their sentences and attribution chains, so the reader \
                 can judge which source to trust. Revisions in a later article (\"rose to\", \
                 \"moved to\") are updates, not contradictions."
            }
            Rule::UnattributedQuote => {
                "A direct quotation whose speaker the text never names or whose pronoun cannot \
                 be resolved to a person introduced earlier. Readers cannot tell who said it; \
                 name the speaker in the sentence or the one before."
            }
            Rule::InconsistentName => {
                "One person or place is spelt several ways across the articles (Zelenskyy, \
                 Zelensky, Zelenskiy; Kyiv and Kiev; Steven and Stephen Sotloff). The \
                 spellings were merged by transliteration-aware matching, so they name one \
                 entity; case, plurals, adjectives, short forms and common words are not \
                 counted as spellings. Set the preferred \
                 spelling under [house-style] names in claimcheck.toml; then only the other \
                 spellings are flagged."
            }
            Rule::UnbalancedQuote => {
                "A quotation mark opens and never closes (or closes without opening), or quotes \
                 nest more deeply than can be resolved. The grammar does not guess where the \
                 quote ends, so its words are not attributed; fix the marks."
            }
            Rule::SingleSource => {
                "Several articles repeat a claim, but every one of them traces it to the same \
                 origin (the same agency, the same person). Repetition is not corroboration; \
                 look for an independent source before presenting it as established."
            }
            Rule::AnonymousSource => {
                "The claim's attribution chain ends in an anonymous source (\"sources said\", \
                 \"a person familiar with the matter\"). Not wrong in itself, but worth a \
                 second look before publishing."
            }
            Rule::CircularReporting => {
                "Articles whose agreement is not independent: near-copies of one wire story \
                 (they count as one origin), or outlets citing each other. Agreement among \
                 them should not be presented as independent confirmation."
            }
            Rule::QuoteDrift => {
                "The same quotation of the same speaker is worded differently in two articles \
                 where it matters: a content word, a number or a negation added, left out or \
                 replaced. Quoting more or less of what was said, typography, spelling, \
                 inflection, editorial brackets, words left out at an ellipsis and function \
                 words are not drift. The finding names what changed and shows a word diff of \
                 the words both quote; check the wording against the original."
            }
        }
    }
}

/// A place in an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Location {
    /// Index into [`Analysis::articles`](crate::analysis::Analysis::articles).
    pub article: usize,
    pub span: Span,
}

/// A secondary location with what it shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Related {
    pub location: Location,
    pub message: String,
}

/// Why a finding does not count, and what said so.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Suppression {
    /// In the baseline file (its path as given).
    Baseline { file: String },
    /// An inline `claimcheck-disable-next-line` comment: where it is.
    Inline { marker: Location },
}

impl Suppression {
    /// `baseline` or `inline`, as the machine formats name it.
    pub fn kind(&self) -> &'static str {
        match self {
            Suppression::Baseline { .. } => "baseline",
            Suppression::Inline { .. } => "inline",
        }
    }
}

/// As its kind (`"baseline"`, `"inline"`): the `suppressed` field of every
/// machine format; where it came from is the report's `suppression`.
impl Serialize for Suppression {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.kind())
    }
}

/// One finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub rule: Rule,
    pub severity: Severity,
    pub message: String,
    /// Where the finding is; its label says what is there.
    pub location: Location,
    pub label: String,
    /// The other side of a contradiction, the other spellings, the other
    /// quote.
    pub related: Vec<Related>,
    /// Notes: attribution chains, a diff.
    pub notes: Vec<String>,
    /// Who says what the finding's own place shows (a contradiction's side
    /// A: its attribution chain). The human diagnostics put it on the label;
    /// the other formats read it in the note [`Finding::source_note`] makes.
    #[serde(skip)]
    pub source: Option<String>,
    /// Stable across edits elsewhere in the text: rule and content, never a
    /// line number.
    pub fingerprint: String,
    pub suppressed: Option<Suppression>,
}

impl Finding {
    /// The note naming the source of side A (`side A (Gomel (BY)) source:
    /// RT ← Vladimir Medinsky`), when the finding has one.
    pub fn source_note(&self) -> Option<String> {
        let source = self.source.as_ref()?;
        Some(format!("side A ({}) source: {source}", self.label))
    }

    /// The label with its source, as the other sides are labelled (`side A:
    /// Gomel (BY) (source: RT ← Vladimir Medinsky)`); the label alone when
    /// there is no source.
    pub fn sourced_label(&self) -> String {
        match &self.source {
            Some(source) => format!("side A: {} (source: {source})", self.label),
            None => self.label.clone(),
        }
    }
}
