//! Claims and entities in output form, shared by the JSON, JSON Lines and
//! human reporters (`extract --claims`).

use crate::analysis::Analysis;
use crate::article::{Article, Span};
use crate::claims::Claim;
use crate::claims::mentions::{EntityKind, PlaceRef, Via};
use crate::claims::place::{PlaceSlot, Relation};
use crate::resolve::entities::Entities;
use serde::Serialize;

/// Text and where it is.
#[derive(Debug, Serialize)]
pub struct At<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
}

fn at(a: &Article, span: Span) -> At<'_> {
    At {
        text: a.slice(span),
        start: a.file_span(span).start,
        end: a.file_span(span).end,
    }
}

/// One claim as the machine formats print it.
#[derive(Debug, Serialize)]
pub struct ClaimOut<'a> {
    pub article: &'a str,
    pub event: &'a str,
    /// The sentence: the claim's evidence.
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub column: usize,
    pub trigger: At<'a>,
    pub polarity: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub polarity_cue: Option<At<'a>>,
    pub modality: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub modality_cue: Option<At<'a>>,
    /// The word that says a figure was revised ("rose").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub update_cue: Option<At<'a>>,
    pub place: Option<PlaceOut<'a>>,
    pub time: Option<TimeOut<'a>>,
    pub quantity: Option<QuantityOut<'a>>,
    pub participants: Vec<ParticipantOut<'a>>,
    /// The attribution chain: the article first, the origin last.
    pub chain: &'a crate::sources::Chain,
    /// The chain as a reporter writes it: "AFP ← Ukraine’s presidency".
    pub source: String,
}

#[derive(Debug, Serialize)]
pub struct PlaceOut<'a> {
    #[serde(flatten)]
    pub at: At<'a>,
    /// The most specific place the phrase names (not a border).
    pub place: Option<&'a PlaceRef>,
    /// ISO code of the country the phrase puts the event in.
    pub country: Option<&'a str>,
    /// For a border alone: the countries on either side.
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    pub between: &'a [String],
    pub parts: Vec<PartOut<'a>>,
}

#[derive(Debug, Serialize)]
pub struct PartOut<'a> {
    pub relation: Relation,
    pub text: &'a str,
    pub place: Option<&'a PlaceRef>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub owner: Option<&'a PlaceRef>,
}

#[derive(Debug, Serialize)]
pub struct TimeOut<'a> {
    #[serde(flatten)]
    pub at: At<'a>,
    /// First and last day the expression covers; absent when it cannot be
    /// resolved (a relative time in an undated article).
    pub from: Option<String>,
    pub to: Option<String>,
    pub precision: Option<crate::claims::time::Precision>,
    /// The resolved value as text ("2022-02-28", "week of 2022-02-21").
    pub value: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct QuantityOut<'a> {
    #[serde(flatten)]
    pub at: At<'a>,
    pub value: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub upper: Option<f64>,
    pub qualifier: crate::claims::quantity::Qualifier,
    pub unit: Option<&'a str>,
}

#[derive(Debug, Serialize)]
pub struct ParticipantOut<'a> {
    #[serde(flatten)]
    pub at: At<'a>,
    pub role: crate::claims::Role,
    pub kind: EntityKind,
    /// The canonical entity across the article set.
    pub entity: Option<&'a str>,
}

/// One entity as the machine formats print it.
#[derive(Debug, Serialize)]
pub struct EntityOut<'a> {
    pub id: usize,
    pub name: &'a str,
    pub kind: EntityKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place: Option<&'a PlaceRef>,
    pub mentions: usize,
    pub variants: Vec<VariantOut<'a>>,
}

#[derive(Debug, Serialize)]
pub struct VariantOut<'a> {
    pub text: &'a str,
    pub via: Via,
    pub count: usize,
    /// Where it first occurs: article id and line.
    pub first: (&'a str, usize),
}

fn place_out<'a>(a: &'a Article, p: &'a PlaceSlot) -> PlaceOut<'a> {
    PlaceOut {
        at: at(a, p.span),
        place: p.place.as_ref(),
        country: p.country.as_deref(),
        between: &p.between,
        parts: p
            .parts
            .iter()
            .map(|part| PartOut {
                relation: part.relation,
                text: &part.text,
                place: part.place.as_ref(),
                owner: part.owner.as_ref(),
            })
            .collect(),
    }
}

/// The claims of article `index` in output form.
pub fn claims_out<'a>(analysis: &'a Analysis, index: usize) -> Vec<ClaimOut<'a>> {
    let item = &analysis.articles[index];
    let a = &item.article;
    let entities: &Entities = &analysis.entities;
    item.claims
        .claims
        .iter()
        .map(|c: &'a Claim| {
            let (line, column) = a.line_col(c.sentence.start);
            ClaimOut {
                article: &a.id,
                event: &c.event,
                text: a.slice(c.sentence),
                start: a.file_span(c.sentence).start,
                end: a.file_span(c.sentence).end,
                line,
                column,
                trigger: at(a, c.trigger),
                polarity: c.polarity.as_str(),
                polarity_cue: c.polarity_cue.map(|s| at(a, s)),
                modality: c.modality.as_str(),
                modality_cue: c.modality_cue.map(|s| at(a, s)),
                update_cue: c.update_cue.map(|s| at(a, s)),
                place: c.place.as_ref().map(|p| place_out(a, p)),
                time: c.time.as_ref().map(|t| TimeOut {
                    at: at(a, t.span),
                    from: t.value.as_ref().map(|v| v.start.to_string()),
                    to: t.value.as_ref().map(|v| v.end.to_string()),
                    precision: t.value.as_ref().map(|v| v.precision),
                    value: t.value.as_ref().map(|v| v.to_string()),
                }),
                quantity: c.quantity.as_ref().map(|q| QuantityOut {
                    at: at(a, q.span),
                    value: q.value,
                    upper: q.upper,
                    qualifier: q.qualifier,
                    unit: q.unit.as_deref(),
                }),
                participants: c
                    .participants
                    .iter()
                    .map(|p| {
                        let m = &item.claims.mentions[p.mention];
                        ParticipantOut {
                            at: at(a, m.span),
                            role: p.role,
                            kind: m.kind,
                            entity: entities.entity(index, p.mention).map(|e| e.name.as_str()),
                        }
                    })
                    .collect(),
                chain: &c.chain,
                source: c.chain.display(),
            }
        })
        .collect()
}

/// The entity table in output form: people first, then countries, places,
/// organisations and other names; by name within each kind.
pub fn entities_out(analysis: &Analysis) -> Vec<EntityOut<'_>> {
    let mut out: Vec<EntityOut<'_>> = analysis
        .entities
        .entities
        .iter()
        .map(|e| EntityOut {
            id: e.id,
            name: &e.name,
            kind: e.kind,
            place: e.place.as_ref(),
            mentions: e.variants.iter().map(|v| v.locations.len()).sum(),
            variants: e
                .variants
                .iter()
                .map(|v| {
                    let (ai, span) = v.locations[0];
                    let art = &analysis.articles[ai].article;
                    VariantOut {
                        text: &v.text,
                        via: v.via,
                        count: v.locations.len(),
                        first: (&art.id, art.line(span.start)),
                    }
                })
                .collect(),
        })
        .collect();
    out.sort_by(|a, b| {
        a.kind
            .cmp(&b.kind)
            .then_with(|| a.name.cmp(b.name))
            .then(a.id.cmp(&b.id))
    });
    out
}

/// One claim of an alignment, as the machine formats print it.
#[derive(Debug, Serialize)]
pub struct AlignedClaimOut<'a> {
    pub article: &'a str,
    /// The sentence.
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
    pub line: usize,
    /// The value this claim gives (the side it is on).
    pub value: &'a str,
    /// Index of its side among the alignment's sides.
    pub side: usize,
    /// Where the value is in the text (the place, time or figure words).
    pub value_at: Option<At<'a>>,
    pub chain: &'a crate::sources::Chain,
    pub source: String,
}

/// One alignment as the machine formats print it.
#[derive(Debug, Serialize)]
pub struct AlignmentOut<'a> {
    pub topic: &'a str,
    pub event: &'a str,
    pub verdict: crate::compare::align::Verdict,
    #[serde(rename = "type")]
    pub slot: crate::compare::align::SlotKind,
    pub rule: &'a str,
    pub why: &'a crate::compare::align::Why,
    pub claims: Vec<AlignedClaimOut<'a>>,
}

pub use crate::compare::model::value_span;

/// The chain of a sentence the article tells itself.
static NARRATION: crate::sources::Chain = crate::sources::Chain(Vec::new());

/// The alignments of the analysis in output form, then the story's
/// conflicts (veracity, denied clauses) in the same form.
pub fn alignments_out(analysis: &Analysis) -> Vec<AlignmentOut<'_>> {
    let mut out = aligned_out(analysis);
    out.extend(analysis.comparison.conflicts.iter().map(|c| {
        AlignmentOut {
            topic: &c.topic,
            event: &c.why.event,
            verdict: crate::compare::align::Verdict::Contradiction,
            slot: c.slot,
            rule: c.rule,
            why: &c.why,
            claims: c
                .sides
                .iter()
                .enumerate()
                .map(|(si, e)| {
                    let item = &analysis.articles[e.article];
                    let a = &item.article;
                    let chain = e
                        .statement
                        .and_then(|i| item.chains.get(i))
                        .unwrap_or(&NARRATION);
                    AlignedClaimOut {
                        article: &a.id,
                        text: a.slice(e.sentence),
                        start: a.file_span(e.sentence).start,
                        end: a.file_span(e.sentence).end,
                        line: a.line(e.sentence.start),
                        value: &e.value,
                        side: si,
                        value_at: Some(at(a, e.cue)),
                        chain,
                        source: chain.display(),
                    }
                })
                .collect(),
        }
    }));
    out
}

fn aligned_out(analysis: &Analysis) -> Vec<AlignmentOut<'_>> {
    analysis
        .comparison
        .alignments
        .iter()
        .map(|al| AlignmentOut {
            topic: &al.topic,
            event: &al.event,
            verdict: al.verdict,
            slot: al.slot,
            rule: al.rule,
            why: &al.why,
            claims: al
                .sides
                .iter()
                .enumerate()
                .flat_map(|(si, side)| {
                    side.claims.iter().map(move |id| {
                        let item = &analysis.articles[id.article];
                        let a = &item.article;
                        let c = &item.claims.claims[id.claim];
                        AlignedClaimOut {
                            article: &a.id,
                            text: a.slice(c.sentence),
                            start: a.file_span(c.sentence).start,
                            end: a.file_span(c.sentence).end,
                            line: a.line(c.sentence.start),
                            value: &side.value,
                            side: si,
                            value_at: value_span(c, al.slot).map(|s| at(a, s)),
                            chain: &c.chain,
                            source: c.chain.display(),
                        }
                    })
                })
                .collect(),
        })
        .collect()
}

/// One quote drift as the machine formats print it.
#[derive(Debug, Serialize)]
pub struct DriftOut<'a> {
    pub speaker: &'a str,
    pub rule: &'a str,
    pub overlap: f64,
    pub quotes: [QuoteOut<'a>; 2],
    /// The other articles with each wording (ids, in input order).
    pub copies: [Vec<&'a str>; 2],
    pub diff: &'a [crate::compare::drift::DiffPart],
    /// What really changed, from the first quote to the second.
    pub changes: &'a [crate::compare::drift::Change],
}

#[derive(Debug, Serialize)]
pub struct QuoteOut<'a> {
    pub article: &'a str,
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub chain: &'a crate::sources::Chain,
}

/// The quote drifts of the analysis in output form.
pub fn drifts_out(analysis: &Analysis) -> Vec<DriftOut<'_>> {
    // Each quote's words that the other quotes too.
    let quote = |id: crate::compare::drift::QuoteId, span: crate::article::Span| {
        let item = &analysis.articles[id.article];
        let a = &item.article;
        QuoteOut {
            article: &a.id,
            text: a.slice(span),
            start: a.file_span(span).start,
            end: a.file_span(span).end,
            line: a.line(span.start),
            chain: &item.chains[id.statement],
        }
    };
    analysis
        .comparison
        .drifts
        .iter()
        .map(|d| DriftOut {
            speaker: &d.speaker,
            rule: d.rule,
            overlap: d.overlap,
            quotes: [quote(d.a, d.a_stretch), quote(d.b, d.b_stretch)],
            copies: [&d.a_copies, &d.b_copies].map(|c| {
                c.iter()
                    .map(|q| analysis.articles[q.article].article.id.as_str())
                    .collect()
            }),
            diff: &d.diff,
            changes: &d.changes,
        })
        .collect()
}

/// One piece of evidence for a claim verdict.
#[derive(Debug, Serialize)]
pub struct EvidenceOut<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
    pub line: usize,
    /// The chain of the statement the sentence carries, else the article.
    pub chain: crate::sources::Chain,
}

/// What one article says about the claim of `compare --claim`.
#[derive(Debug, Serialize)]
pub struct ClaimVerdictOut<'a> {
    pub article: &'a str,
    pub verdict: crate::compare::claim::Stance,
    #[serde(rename = "type")]
    pub kind: Option<&'a str>,
    pub rule: &'a str,
    pub why: &'a str,
    pub evidence: Vec<EvidenceOut<'a>>,
}

/// The claim verdicts of the analysis in output form.
pub fn claim_verdicts_out(analysis: &Analysis) -> Vec<ClaimVerdictOut<'_>> {
    let Some(check) = &analysis.claim_check else {
        return Vec::new();
    };
    check
        .verdicts
        .iter()
        .map(|v| {
            let item = &analysis.articles[v.article];
            let a = &item.article;
            ClaimVerdictOut {
                article: &a.id,
                verdict: v.verdict,
                kind: v.kind,
                rule: v.rule,
                why: &v.why,
                evidence: v
                    .evidence
                    .iter()
                    .map(|span| {
                        // The innermost statement around the sentence.
                        let chain = item
                            .statements
                            .iter()
                            .zip(&item.chains)
                            .filter(|(r, _)| r.statement.span.overlaps(*span))
                            .min_by_key(|(r, _)| r.statement.span.len())
                            .map(|(_, c)| c.clone())
                            .unwrap_or_else(|| {
                                crate::sources::Chain(vec![crate::sources::Link {
                                    name: a.id.clone(),
                                    kind: crate::sources::SourceKind::Article,
                                    mention: None,
                                }])
                            });
                        EvidenceOut {
                            text: a.slice(*span),
                            start: a.file_span(*span).start,
                            end: a.file_span(*span).end,
                            line: a.line(span.start),
                            chain,
                        }
                    })
                    .collect(),
            }
        })
        .collect()
}
