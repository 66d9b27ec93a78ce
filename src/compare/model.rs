//! The comparator's output types: alignments with their verdicts, quote
//! drift, and the verdicts of `compare --claim`. Types only, so that the
//! [`Analysis`](crate::analysis::Analysis) can hold them while the
//! comparator's stages read the analysis.

use crate::article::Span;
use crate::claims::Claim;
use serde::{Deserialize, Serialize};

/// A claim: article index and claim index in that article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct ClaimId {
    pub article: usize,
    pub claim: usize,
}

/// The verdict on one slot of an aligned group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    Contradiction,
    Update,
    Refinement,
    Agreement,
    Uncorroborated,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Contradiction => "contradiction",
            Verdict::Update => "update",
            Verdict::Refinement => "refinement",
            Verdict::Agreement => "agreement",
            Verdict::Uncorroborated => "uncorroborated",
        }
    }
}

/// What the verdict is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SlotKind {
    Place,
    Time,
    Quantity,
    Polarity,
    Role,
    Event,
    /// Whether the story (or a claim of it) is true.
    Veracity,
}

impl SlotKind {
    pub fn as_str(self) -> &'static str {
        match self {
            SlotKind::Place => "place",
            SlotKind::Time => "time",
            SlotKind::Quantity => "quantity",
            SlotKind::Polarity => "polarity",
            SlotKind::Role => "role",
            SlotKind::Event => "event",
            SlotKind::Veracity => "veracity",
        }
    }
}

/// The claims on one side of a verdict, sharing one value.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Side {
    /// The value as a reader would say it ("Gomel (BY)", "2022-02-24").
    pub value: String,
    pub claims: Vec<ClaimId>,
}

/// Why the claims were taken to be about the same thing.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Why {
    pub event: String,
    /// Entities the claims share (canonical names).
    pub shared: Vec<String>,
    /// The window the claims fall in.
    pub from: Option<String>,
    pub to: Option<String>,
}

/// One verdict over aligned claims.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Alignment {
    /// "Venue of the talks", "Number of deaths".
    pub topic: String,
    pub event: String,
    pub slot: SlotKind,
    pub verdict: Verdict,
    /// The rule that gave the verdict (stable id).
    pub rule: &'static str,
    pub sides: Vec<Side>,
    pub why: Why,
}

/// Everything the comparator found in an article set.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Comparison {
    pub alignments: Vec<Alignment>,
    pub drifts: Vec<Drift>,
    /// Pairs of quote versions the drift bound left uncompared
    /// ([`MAX_CANDIDATES`](crate::compare::drift::MAX_CANDIDATES) per version).
    pub drifts_unchecked: usize,
    /// Conflicts about the story that no event word names (veracity,
    /// denials of a clause), from [`story`](crate::compare::story).
    pub conflicts: Vec<Conflict>,
}

/// One side of a [`Conflict`]: a sentence of one article.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Evidence {
    pub article: usize,
    pub sentence: Span,
    /// The words that carry the side's value ("hoax", "denied").
    pub cue: Span,
    /// The value as a reader would say it ("told as true", "called a
    /// hoax").
    pub value: String,
    /// The statement (index into the article's statements) the sentence
    /// reports, if any: its chain is the side's source.
    pub statement: Option<usize>,
}

/// Two sentences of the set that cannot both be true.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Conflict {
    /// What it is about, in plain words.
    pub topic: String,
    pub slot: SlotKind,
    /// The rule that found it (stable id).
    pub rule: &'static str,
    pub sides: [Evidence; 2],
    /// Why the two sentences were taken to be about the same thing.
    pub why: Why,
    /// Other articles on side A's side that were not paired (each side B is
    /// set against a bounded number of them).
    pub more: usize,
}

/// One step of a word-level diff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DiffPart {
    /// `equal`, `removed` (only in the first quote) or `added`.
    pub op: &'static str,
    pub text: String,
}

/// A substantive change between two wordings of one quote: the words of
/// the first that the second replaces, leaves out (`added` empty) or adds
/// (`removed` empty).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    pub removed: String,
    pub added: String,
}

/// A quote of one statement: article and statement index.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct QuoteId {
    pub article: usize,
    pub statement: usize,
}

/// Two renderings of one quote.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Drift {
    /// The speaker's canonical name.
    pub speaker: String,
    pub a: QuoteId,
    pub b: QuoteId,
    /// The words of each quote that the two have in common, from the first
    /// shared words to the last (one may quote more of what was said).
    pub a_stretch: Span,
    pub b_stretch: Span,
    /// The other statements with `a`'s wording, and with `b`'s.
    pub a_copies: Vec<QuoteId>,
    pub b_copies: Vec<QuoteId>,
    /// Share of the words of the stretch both quote that the other has, in
    /// order (0–1).
    pub overlap: f64,
    /// The word-level diff of the stretch both quote.
    pub diff: Vec<DiffPart>,
    /// What really changed (typography, spelling, elisions shown with an
    /// ellipsis and function words are not changes).
    pub changes: Vec<Change>,
    pub rule: &'static str,
}

/// What an article says about the claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Stance {
    /// It asserts the claim's content without hedging.
    Agreement,
    /// It refutes the claim, denies its event, or puts it at another place,
    /// time or figure.
    Contradiction,
    /// It is about the claim but takes no position (or reports it as a
    /// rumour).
    Neutral,
    /// It is about something else.
    Unrelated,
}

impl Stance {
    pub fn as_str(self) -> &'static str {
        match self {
            Stance::Agreement => "agreement",
            Stance::Contradiction => "contradiction",
            Stance::Neutral => "neutral",
            Stance::Unrelated => "unrelated",
        }
    }

    /// All four, in report order.
    pub const ALL: [Stance; 4] = [
        Stance::Agreement,
        Stance::Contradiction,
        Stance::Neutral,
        Stance::Unrelated,
    ];
}

/// The verdict on one article.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClaimVerdict {
    /// Index into the slice of articles given.
    pub article: usize,
    pub verdict: Stance,
    /// What the disagreement or agreement is about: `polarity`, `place`,
    /// `time`, `quantity`, `refutation`, `restatement`, `event`,
    /// `confirmation`, `hedging`; `None` for unrelated articles and neutral
    /// ones without hedging.
    pub kind: Option<&'static str>,
    /// The stable id of the rule that decided (see [`RULES`](crate::compare::claim::RULES)).
    pub rule: &'static str,
    /// One sentence a reader can check against the evidence.
    pub why: String,
    /// Sentence spans in the article, best first, at most three.
    pub evidence: Vec<Span>,
}

/// The words of a claim that carry the value of `slot`.
pub fn value_span(c: &Claim, slot: SlotKind) -> Option<Span> {
    match slot {
        SlotKind::Place => c.place.as_ref().map(|p| p.span),
        SlotKind::Time => c.time.as_ref().map(|t| t.span),
        SlotKind::Quantity => c.quantity.as_ref().map(|q| q.span),
        SlotKind::Polarity => c.polarity_cue.or(Some(c.trigger)),
        SlotKind::Role | SlotKind::Event | SlotKind::Veracity => Some(c.trigger),
    }
}
