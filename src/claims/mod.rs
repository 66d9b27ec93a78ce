//! Claims: what each sentence reports, as typed frames the comparator can
//! line up.
//!
//! A claim is one event of one sentence (narration, a direct or partial
//! quote, or indirect speech), outside boilerplate: its type from the
//! [`events`] lexicon, its participants (entity [`mentions`] with roles), and
//! its slots: a [`place`] phrase, a [`time`] expression resolved against the
//! article's date, a [`quantity`], and its [`polarity`] and modality. It
//! carries the attribution chain of the statement it sits in (the article's
//! own narration otherwise) and its evidence: the article and byte spans.
//!
//! Slots go to the nearest event before them in the sentence, else the
//! nearest after ("began talks in Gomel on Monday … after the offensive on
//! February 24": the place and Monday go to the talks, February 24 to the
//! offensive). Several words for one event in a sentence make one claim.
//! A statement with no event word in it is a claim of the event `statement`.

pub mod events;
pub mod frames;
pub mod mentions;
pub mod number;
pub mod place;
pub mod polarity;
pub mod quantity;
pub mod time;
pub mod veracity;

use crate::article::{Article, Span, SpanIndex};
use crate::grammar::Kind;
use crate::segment::Segmented;
use crate::sources::{Chain, Link, Outlets, SourceKind};
use crate::speakers::{PersonName, Resolved};
use crate::syntax::Syntax;
use events::{EventLexicon, TriggerKind};
use mentions::{EntityKind, Mention, Word};
use place::PlaceSlot;
use polarity::{Modality, Polarity};
use quantity::Quantity;
use serde::{Deserialize, Serialize};
use time::TimeExpr;

/// A participant's part in the event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Who does it: named before the event word in its clause.
    Agent,
    /// The other side: "with X", "to X" after the event word.
    Counterpart,
    /// Who it is done to: named after an attack, a capture, sanctions.
    Target,
    /// The country a talks or meeting place lies in.
    Host,
    /// Who said it (the statement's speaker).
    Speaker,
    /// Named in the sentence, part unknown.
    Other,
}

/// A participant: an index into [`ArticleClaims::mentions`] and a role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Participant {
    pub mention: usize,
    pub role: Role,
}

/// One claim.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// The normalised event type ("talks", "deaths", "statement").
    pub event: String,
    /// The word or phrase that names the event (for `statement`, the cue or
    /// the quote).
    pub trigger: Span,
    /// The sentence the claim comes from: its evidence.
    pub sentence: Span,
    /// The statement the claim sits in (index into the article's
    /// statements), if it is reported speech.
    pub statement: Option<usize>,
    /// The statement's attribution chain; for narration, the article alone.
    pub chain: Chain,
    pub participants: Vec<Participant>,
    pub place: Option<Box<PlaceSlot>>,
    pub time: Option<TimeExpr>,
    pub quantity: Option<Box<Quantity>>,
    pub polarity: Polarity,
    /// The word that gives the polarity ("denied").
    pub polarity_cue: Option<Span>,
    pub modality: Modality,
    /// The word that gives the modality ("planned", "ready").
    pub modality_cue: Option<Span>,
    /// A word saying a figure was revised ("the death toll rose to 15"):
    /// the comparator reads a later different figure as an update.
    pub update_cue: Option<Span>,
}

/// The claims and entity mentions of one article.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ArticleClaims {
    /// Every entity mention of the article's sentences, in text order.
    pub mentions: Vec<Mention>,
    pub claims: Vec<Claim>,
    /// Every clause of the parsed sentences, in text order (empty when the
    /// syntax stage did not run).
    #[serde(default)]
    pub frames: Vec<frames::Frame>,
    /// The sentences that say something is false, in text order.
    #[serde(default)]
    pub veracity: Vec<veracity::Veracity>,
}

/// What claim extraction can be given beyond the article: event words and
/// outlets.
#[derive(Debug, Clone, Default)]
pub struct ClaimSettings {
    pub events: EventLexicon,
}

/// The article's statements, chains and people, as claim extraction reads
/// them.
#[derive(Debug)]
pub struct Context<'a> {
    pub article: &'a Article,
    pub segments: &'a Segmented,
    pub statements: &'a [Resolved],
    pub chains: &'a [Chain],
    pub people: &'a [PersonName],
    pub outlets: &'a Outlets,
    /// The parse of the article's sentences (empty when the syntax stage
    /// did not run: then no frames and no veracity statements).
    pub syntax: &'a Syntax,
}

/// The parts of an article's statements (scare quotes left out), indexed
/// for the innermost statement around a byte.
fn said(statements: &[Resolved]) -> SpanIndex {
    SpanIndex::new(
        statements
            .iter()
            .enumerate()
            .filter(|(_, r)| r.statement.kind != Kind::Scare)
            .flat_map(|(i, r)| r.statement.parts.iter().map(move |p| (p.start, p.end, i)))
            .collect(),
    )
}

/// Extracts the claims of one article.
pub fn extract(cx: &Context<'_>, settings: &ClaimSettings) -> ArticleClaims {
    let article = cx.article;
    let text = article.text.as_str();
    let mut out = ArticleClaims::default();
    let said = said(cx.statements);
    let statement_at = |at: usize| said.at(at);
    let own_chain = Chain(vec![Link {
        name: article.id.clone(),
        kind: SourceKind::Article,
        mention: None,
    }]);
    // Each sentence's time expressions, found once for the clause frames
    // and the typed claims.
    let mut times_of: Vec<Option<Vec<time::TimeExpr>>> = vec![None; cx.segments.sentences.len()];
    let times_in = |i: usize| {
        let span = cx.segments.sentences[i].span;
        time::times(&text[span.range()], span.start, article.date)
    };
    for parsed in &cx.syntax.sentences {
        let first = out.frames.len();
        let ts = match times_of.get_mut(parsed.sentence) {
            Some(slot) => slot.insert(times_in(parsed.sentence)).as_slice(),
            None => &[],
        };
        out.frames.extend(frames::frames(
            parsed.sentence,
            &parsed.tokens,
            first,
            &statement_at,
            ts,
        ));
        out.veracity.extend(veracity::statements(
            parsed.sentence,
            &parsed.tokens,
            &statement_at,
        ));
    }
    // Kept for the whole set: no slack from growing.
    out.frames.shrink_to_fit();
    out.veracity.shrink_to_fit();
    let people = mentions::People::new(cx.people);
    for (si, sentence) in cx.segments.sentences.iter().enumerate() {
        let s_text = &text[sentence.span.range()];
        let ws = mentions::words(s_text, sentence.span.start);
        if ws.is_empty() {
            continue;
        }
        let first_mention = out.mentions.len();
        let ms = mentions::mentions(s_text, sentence.span.start, &ws, &people, cx.outlets);
        let triggers = triggers(&ws, &ms, &settings.events);
        let slots = place::slots(text, &ws, &ms);
        let times = times_of[si].take().unwrap_or_else(|| times_in(si));
        let quantities = quantity::quantities(s_text, sentence.span.start);
        let index_of = |at: usize| ws.partition_point(|w| w.span.start < at);
        // One frame per event type and statement in the sentence (the
        // narration's "peace talk" and the presidency's "talks" are two
        // claims), at its first word.
        let mut frames: Vec<Frame> = Vec::new();
        for (k, len, t) in &triggers {
            let statement = statement_at(ws[*k].span.start);
            // "The death toll … rose to 15": a change of an event's figure
            // is that event's, with the word that says it was revised.
            if t.event == "change"
                && let Some(f) = {
                    // The counted event the figure is of ("the death toll
                    // from the earthquake … rose"), else the latest event.
                    let same: Vec<usize> = (0..frames.len())
                        .filter(|&i| frames[i].statement == statement)
                        .collect();
                    let pick = same
                        .iter()
                        .copied()
                        .find(|&i| counted(&frames[i].event))
                        .or_else(|| same.last().copied());
                    pick.map(|i| &mut frames[i])
                }
            {
                f.anchors.push(*k);
                f.update = Some(*k);
                continue;
            }
            if let Some(f) = frames
                .iter_mut()
                .find(|f| f.event == t.event && f.statement == statement)
            {
                f.anchors.push(*k);
            } else {
                frames.push(Frame {
                    event: t.event.to_string(),
                    anchors: vec![*k],
                    len: *len,
                    statement,
                    update: None,
                    place: None,
                    time: None,
                    quantity: None,
                });
            }
        }
        if frames.is_empty() {
            // A statement with no event word: the claim is that it was said.
            let st = statement_at(sentence.span.start).or_else(|| said.overlapping(sentence.span));
            if let Some(i) = st {
                let r = &cx.statements[i];
                let trig = r.statement.cue.unwrap_or(r.statement.span);
                frames.push(Frame {
                    event: "statement".to_string(),
                    anchors: vec![index_of(trig.start).min(ws.len() - 1)],
                    len: 1,
                    statement: Some(i),
                    update: None,
                    place: None,
                    time: None,
                    quantity: None,
                });
            }
        }
        if frames.is_empty() {
            out.mentions.extend(ms);
            continue;
        }
        // breaks[i]: clause breaks among the first i words.
        let mut breaks = Vec::with_capacity(ws.len() + 1);
        breaks.push(0u32);
        for w in &ws {
            breaks.push(breaks.last().copied().unwrap_or(0) + u32::from(is_clause_break(w)));
        }
        for slot in slots {
            let at = slot.at;
            if let Some(f) = nearest(&mut frames, at, &breaks)
                && f.place.is_none()
            {
                f.place = Some(slot);
            }
        }
        for t in times {
            let at = index_of(t.span.start);
            // "officials said on Friday", "reported … on Sunday": the time
            // of the report, not of the event.
            if reporting_time(&ws, at, &settings.events) {
                continue;
            }
            if let Some(f) = nearest(&mut frames, at, &breaks)
                && f.time.is_none()
            {
                f.time = Some(t);
            }
        }
        for q in quantities {
            let at = index_of(q.span.start);
            // "the worst accident in fifty years", "within two days": the
            // period a figure is measured over, not a figure of the event.
            if period(&ws, at, &q) {
                continue;
            }
            if let Some(f) = nearest(&mut frames, at, &breaks)
                && f.quantity.is_none()
            {
                f.quantity = Some(q);
            }
        }
        // ", where …": the events of the relative clause happen at the
        // place just before it ("reached Gomel on Sunday, where it said talks
        // were planned").
        if let Some(w) = ws.iter().position(|w| w.is("where"))
            && w > 0
            && !ws[w - 1].is_word
        {
            let before = frames
                .iter()
                .filter(|f| f.anchors[0] < w)
                .filter_map(|f| f.place.clone())
                .next_back();
            if let Some(p) = before {
                for f in frames
                    .iter_mut()
                    .filter(|f| f.anchors[0] > w && f.place.is_none())
                {
                    f.place = Some(p.clone());
                }
            }
        }
        // A count takes the place of the event it counts ("the death toll
        // from the earthquake in Malatya Province").
        // So does its time ("shelled … on Thursday, killing three").
        let shared: Vec<(Option<usize>, Option<PlaceSlot>, Option<TimeExpr>)> = frames
            .iter()
            .filter(|f| !counted(&f.event))
            .map(|f| (f.statement, f.place.clone(), f.time.clone()))
            .collect();
        for f in frames.iter_mut().filter(|f| counted(&f.event)) {
            let st = f.statement;
            let same = || shared.iter().filter(move |(s, _, _)| *s == st);
            if f.place.is_none() {
                f.place = same().find_map(|(_, p, _)| p.clone());
            }
            if f.time.is_none() {
                f.time = same().find_map(|(_, _, t)| t.clone());
            }
        }
        for f in frames {
            let k = f.anchors[0];
            let trigger = Span::new(ws[k].span.start, ws[k + f.len - 1].span.end);
            let statement = f.statement;
            let chain = statement.map_or_else(|| own_chain.clone(), |i| cx.chains[i].clone());
            let (polarity, pw) = polarity::polarity(&ws, k);
            let (modality, mw) = polarity::modality(&ws, k);
            let participants = participants(
                &ws,
                &ms,
                first_mention,
                k,
                &f,
                statement.map(|i| &cx.statements[i]),
            );
            out.claims.push(Claim {
                event: f.event,
                trigger,
                sentence: sentence.span,
                statement,
                chain,
                participants,
                place: f.place.map(Box::new),
                time: f.time,
                quantity: f.quantity.map(Box::new),
                polarity,
                polarity_cue: pw.map(|i| ws[i].span),
                modality,
                modality_cue: mw.map(|i| ws[i].span),
                update_cue: f.update.map(|i| ws[i].span),
            });
        }
        out.mentions.extend(ms);
    }
    out
}

/// An event of one sentence while its slots are gathered.
struct Frame {
    event: String,
    /// Word indices of every word naming the event.
    anchors: Vec<usize>,
    /// Words in the first trigger.
    len: usize,
    /// The statement the event words are in.
    statement: Option<usize>,
    /// A word saying the figure changed ("rose", "revised").
    update: Option<usize>,
    place: Option<PlaceSlot>,
    time: Option<TimeExpr>,
    quantity: Option<Quantity>,
}

/// How far (in words) a slot may be from its event word.
const SLOT_REACH: usize = 15;

/// Words and marks that end a clause: a slot does not reach across them to
/// an event word ("attacked its neighbour this week, arguing that … after the
/// 2014 coup in Kiev": Kiev is not where the attack was).
fn is_clause_break(w: &Word<'_>) -> bool {
    if !w.is_word {
        return matches!(w.s, ";" | ":" | "(" | ")" | "?" | "!" | "“" | "”" | "\"");
    }
    polarity::opens_clause(&w.lower)
}

/// The frame a slot at word `at` belongs to: the nearest event word before
/// it in the same clause and within [`SLOT_REACH`] words, else the nearest
/// such word after it.
fn nearest<'f>(frames: &'f mut [Frame], at: usize, breaks: &[u32]) -> Option<&'f mut Frame> {
    let clear = |a: usize, b: usize| {
        let (lo, hi) = (a.min(b), a.max(b));
        breaks[hi] == breaks[lo + 1]
    };
    let best = |before: bool| {
        frames
            .iter()
            .enumerate()
            .filter_map(|(i, f)| {
                f.anchors
                    .iter()
                    .filter(|&&a| (a <= at) == before)
                    .filter(|&&a| a.abs_diff(at) <= SLOT_REACH && clear(a, at))
                    .map(|&a| a.abs_diff(at))
                    .min()
                    .map(|d| (d, i))
            })
            .min()
    };
    let i = best(true).or_else(|| best(false))?.1;
    frames.get_mut(i)
}

/// The event words of a sentence: (word index, words, trigger), in order.
/// Words inside a name ("Peace Talks Committee") and capitalised month or
/// weekday names do not count.
fn triggers(
    ws: &[Word<'_>],
    ms: &[Mention],
    lex: &EventLexicon,
) -> Vec<(usize, usize, events::Trigger)> {
    let in_name = |w: &Word<'_>| {
        ms.iter().any(|m| {
            m.kind != EntityKind::Country
                && m.span.start <= w.span.start
                && w.span.end <= m.span.end
        })
    };
    let mut out = Vec::new();
    let mut k = 0;
    while k < ws.len() {
        let w = &ws[k];
        if !w.is_word || in_name(w) {
            k += 1;
            continue;
        }
        if let Some(next) = ws.get(k + 1).filter(|n| n.is_word)
            && let Some(t) = lex.phrase(&w.lower, &next.lower)
        {
            out.push((k, 2, t));
            k += 2;
            continue;
        }
        // "the first talk", "a talk": the noun (the verb "talk" is speech).
        if w.lower == "talk"
            && k > 0
            && matches!(
                ws[k - 1].lower.as_str(),
                "the" | "a" | "first" | "second" | "next"
            )
            && let Some(t) = lex.word("talks")
        {
            out.push((k, 1, t));
            k += 1;
            continue;
        }
        // "an earthquake struck", "the storm hit": not an attack.
        let after_disaster = |t: &events::Trigger| {
            t.event == "attack"
                && t.kind == TriggerKind::Verb
                && out
                    .last()
                    .is_some_and(|(p, _, pt): &(usize, usize, events::Trigger)| {
                        k - p <= 3 && matches!(pt.event, "disaster" | "explosion" | "crash")
                    })
        };
        if let Some(t) = lex.word(&w.lower)
            && !after_disaster(&t)
            && !(w.is_capitalised()
                && crate::grammar::lexicon::classify(w.s)
                    & crate::grammar::lexicon::class::TIME_WORDS
                    != 0)
            && (t.kind != TriggerKind::Noun || w.lower != "operation" || military(ws, k))
            && !(w.lower == "control" && idiom_of_control(ws, k))
        {
            out.push((k, 1, t));
        }
        k += 1;
    }
    out
}

/// "under control", "out of control", "in control": the state of a fire, a
/// crowd or a person, not a capture ("took control of the city" is one).
fn idiom_of_control(ws: &[Word<'_>], k: usize) -> bool {
    k > 0
        && (matches!(ws[k - 1].lower.as_str(), "under" | "in")
            || (k > 1 && ws[k - 1].is("of") && ws[k - 2].is("out")))
}

/// "military operation", "special operation", "the Russian operation": an
/// operation that is an attack (a surgery or a police operation is not).
fn military(ws: &[Word<'_>], k: usize) -> bool {
    k > 0
        && (matches!(
            ws[k - 1].lower.as_str(),
            "military" | "special" | "ground" | "air" | "combat" | "offensive" | "naval"
        ) || crate::resolve::gazetteer::demonym(ws[k - 1].s).is_some())
}

/// A span of time after "in", "within", "over" or "the past/last/next": a
/// period, not a figure ("in fifty years", "over the past three months").
fn period(ws: &[Word<'_>], at: usize, q: &Quantity) -> bool {
    let time_unit = q.unit.as_deref().is_some_and(|u| {
        matches!(
            u,
            "year" | "month" | "week" | "day" | "hour" | "decade" | "century" | "minute"
        )
    });
    if !time_unit {
        return false;
    }
    let before = |n: usize| {
        at.checked_sub(n)
            .and_then(|i| ws.get(i))
            .map(|w| w.lower.as_str())
    };
    matches!(before(1), Some("in" | "within" | "over"))
        || matches!(before(1), Some("past" | "last" | "next"))
            && matches!(before(2), Some("the" | "in" | "over" | "within"))
}

/// Whether the time expression at word `at` dates a report: a reporting
/// verb at most three words before it, with no event word between.
fn reporting_time(ws: &[Word<'_>], at: usize, lex: &EventLexicon) -> bool {
    let from = at.saturating_sub(4);
    for k in (from..at).rev() {
        let w = &ws[k];
        if !w.is_word {
            continue;
        }
        if lex.word(&w.lower).is_some() {
            return false;
        }
        if matches!(
            w.lower.as_str(),
            "said" | "told" | "reported" | "announced" | "added" | "stated" | "confirmed" | "says"
        ) {
            return true;
        }
    }
    false
}

/// Events whose figure is a count that can rise or fall.
fn counted(event: &str) -> bool {
    matches!(
        event,
        "deaths" | "injuries" | "deployment" | "evacuation" | "arrest" | "protest" | "aid"
    )
}

/// Whether the attack-like event takes a target after it.
fn takes_target(event: &str) -> bool {
    matches!(
        event,
        "attack" | "capture" | "sanctions" | "arrest" | "visit"
    )
}

/// The participants of a frame: mentions of its sentence with their roles.
fn participants(
    ws: &[Word<'_>],
    ms: &[Mention],
    first_mention: usize,
    k: usize,
    f: &Frame,
    statement: Option<&Resolved>,
) -> Vec<Participant> {
    let index_of = |at: usize| ws.partition_point(|w| w.span.start < at);
    let mut out = Vec::new();
    let mut agent_done = false;
    // The agent is the nearest person, country or organisation before the
    // event word; others before it are "other".
    let before: Vec<usize> = (0..ms.len())
        .filter(|&i| index_of(ms[i].span.start) < k)
        .collect();
    let slot_has = |m: &Mention| {
        f.place
            .as_ref()
            .is_some_and(|p| p.span.start <= m.span.start && m.span.end <= p.span.end)
    };
    let is_speaker = |m: &Mention| {
        statement
            .and_then(|r| r.statement.speaker)
            .is_some_and(|s| s.overlaps(m.span))
    };
    for &i in before.iter().rev() {
        let m = &ms[i];
        if slot_has(m) || m.kind == EntityKind::Place {
            // Places are the place slot's, not participants.
            continue;
        }
        let role = if is_speaker(m) {
            Role::Speaker
        } else if !agent_done {
            agent_done = true;
            Role::Agent
        } else {
            Role::Other
        };
        out.push(Participant {
            mention: first_mention + i,
            role,
        });
    }
    for (i, m) in ms.iter().enumerate() {
        let at = index_of(m.span.start);
        if at <= k || slot_has(m) || m.kind == EntityKind::Place {
            continue;
        }
        let role = if is_speaker(m) {
            Role::Speaker
        } else if at >= 1 && ws[at - 1].is("with") {
            Role::Counterpart
        } else if takes_target(&f.event) && at <= k + 3 && m.kind != EntityKind::Place {
            Role::Target
        } else {
            Role::Other
        };
        out.push(Participant {
            mention: first_mention + i,
            role,
        });
    }
    if let Some(slot) = &f.place
        && matches!(f.event.as_str(), "talks" | "meeting" | "summit")
        && let Some(c) = &slot.country
    {
        // The host country is the one the place lies in; a country mention
        // of it in the slot stands for it.
        if let Some(i) = ms.iter().position(|m| {
            slot_has(m)
                && m.kind == EntityKind::Country
                && m.place.as_ref().is_some_and(|p| &p.country == c)
        }) {
            out.push(Participant {
                mention: first_mention + i,
                role: Role::Host,
            });
        }
    }
    out.sort_by_key(|p| p.mention);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the look-ups must give: the shortest part around a byte (the
    /// earliest statement on a tie), the first statement overlapping a span.
    fn brute_at(parts: &[(usize, usize, usize)], at: usize) -> Option<usize> {
        parts
            .iter()
            .filter(|p| p.0 <= at && at < p.1)
            .min_by_key(|p| (p.1 - p.0, p.2))
            .map(|p| p.2)
    }

    fn brute_overlapping(parts: &[(usize, usize, usize)], span: Span) -> Option<usize> {
        parts
            .iter()
            .filter(|p| span.overlaps(Span::new(p.0, p.1)))
            .map(|p| p.2)
            .min()
    }

    #[test]
    fn the_innermost_statement_around_a_byte_and_the_first_over_a_span() {
        let parts = vec![(0, 100, 0), (10, 20, 1), (30, 40, 2), (200, 300, 3)];
        let said = SpanIndex::new(parts);
        assert_eq!(said.at(15), Some(1));
        assert_eq!(said.at(50), Some(0));
        assert_eq!(said.at(150), None);
        assert_eq!(said.at(250), Some(3));
        assert_eq!(said.overlapping(Span::new(35, 210)), Some(0));
        assert_eq!(said.overlapping(Span::new(120, 150)), None);
    }

    fn claims_of(text: &str) -> Vec<Claim> {
        crate::pipeline::analysed("a.txt", text).claims.claims
    }

    #[test]
    fn a_fire_under_control_is_no_capture_and_a_period_is_no_figure() {
        let cs = claims_of(
            "Firefighters said the fire was under control by the evening. \
             It was the worst accident in fifty years, the mayor said.\n",
        );
        assert!(cs.iter().all(|c| c.event != "capture"), "{cs:#?}");
        assert!(cs.iter().all(|c| c.quantity.is_none()), "{cs:#?}");
        // A figure and a capture still are.
        let cs =
            claims_of("Rebels took control of the town. The court jailed him for fifteen years.\n");
        assert!(cs.iter().any(|c| c.event == "capture"), "{cs:#?}");
        assert!(
            cs.iter()
                .any(|c| c.quantity.as_ref().is_some_and(|q| q.value == 15.0)),
            "{cs:#?}"
        );
    }

    #[test]
    fn look_ups_agree_with_a_scan_of_every_part() {
        // A fixed pseudo-random set of nested and overlapping parts.
        let mut x: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = |m: usize| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x % m as u64) as usize
        };
        for _ in 0..50 {
            let parts: Vec<(usize, usize, usize)> = (0..next(30))
                .map(|i| {
                    let start = next(500);
                    (start, start + 1 + next(120), i)
                })
                .collect();
            let said = SpanIndex::new(parts.clone());
            for at in (0..650).step_by(7) {
                assert_eq!(said.at(at), brute_at(&parts, at), "at {at} in {parts:?}");
                let span = Span::new(at, at + next(60) + 1);
                assert_eq!(said.overlapping(span), brute_overlapping(&parts, span));
            }
        }
    }
}
