//! Place phrases: where a sentence puts an event.
//!
//! A place phrase is a preposition and a place the gazetteer knows, with what
//! sits between them ("in Belarus' Gomel", "in the Gomel Region", "near the
//! Chernobyl exclusion zone"), or a border ("at its border with Belarus",
//! "on Ukraine's borders"). Adjacent phrases joined by a dash, a comma or
//! nothing form one slot ("at its border with Belarus — near the Chernobyl
//! exclusion zone"). The slot's country is where the phrase puts the event:
//! the country of its most specific place; for a border with a place near it,
//! the country of that place; for a bare border, none (the border's two
//! countries are kept).

use super::mentions::{EntityKind, Mention, PlaceRef, Via, Word};
use crate::article::Span;
use crate::resolve::gazetteer::PlaceKind;
use serde::{Deserialize, Serialize};

/// How a phrase relates the event to a place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Relation {
    In,
    At,
    Near,
    To,
    Border,
}

/// One place in a place phrase.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlacePart {
    pub relation: Relation,
    /// The place's words as written.
    pub text: String,
    pub span: Span,
    pub place: Option<PlaceRef>,
    /// For a border: the country whose border it is ("its", "Ukraine's").
    pub owner: Option<PlaceRef>,
}

/// Where a claim puts its event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlaceSlot {
    /// From the first preposition to the end of the last place.
    pub span: Span,
    pub text: String,
    pub parts: Vec<PlacePart>,
    /// The most specific place of the phrase (a city before a region before
    /// a country), when one is not a border.
    pub place: Option<PlaceRef>,
    /// ISO code of the country the phrase puts the event in, when it says.
    pub country: Option<String>,
    /// For a border without a place near it: the two countries.
    pub between: Vec<String>,
    /// Index of the phrase's first word in the sentence.
    #[serde(skip)]
    pub at: usize,
}

fn relation_of(lower: &str) -> Option<Relation> {
    Some(match lower {
        "in" | "inside" | "throughout" | "across" | "reached" | "reach" | "reaches"
        | "reaching" | "visited" | "visit" | "toured" | "tour" | "through" => Relation::In,
        "at" => Relation::At,
        "near" | "outside" | "around" => Relation::Near,
        "to" | "into" | "towards" | "toward" => Relation::To,
        _ => return None,
    })
}

/// Nouns after a place name that name a part of it or the area around it.
fn is_place_noun(lower: &str) -> bool {
    matches!(
        lower,
        "exclusion"
            | "zone"
            | "area"
            | "areas"
            | "district"
            | "outskirts"
            | "suburbs"
            | "airport"
            | "port"
            | "coast"
            | "crossing"
            | "plant"
            | "station"
            | "border"
            | "frontier"
    )
}

/// Nouns for a settlement or an area that "of" names ("the city of …").
fn is_settlement(lower: &str) -> bool {
    matches!(
        lower,
        "city"
            | "town"
            | "village"
            | "region"
            | "province"
            | "capital"
            | "harbour"
            | "harbor"
            | "centre"
            | "center"
            | "streets"
            | "island"
            | "state"
            | "county"
    )
}

fn is_border(lower: &str) -> bool {
    matches!(
        lower,
        "border" | "borders" | "frontier" | "frontiers" | "border-line"
    )
}

/// The place slots of one sentence, in text order; `text` is the article's
/// text (spans are absolute), `ws` and `mentions` the sentence's.
pub fn slots(text: &str, ws: &[Word<'_>], mentions: &[Mention]) -> Vec<PlaceSlot> {
    let index_of = |span: Span| ws.partition_point(|w| w.span.start < span.start);
    let mut parts: Vec<(usize, usize, PlacePart)> = Vec::new(); // (first word, last word, part)
    for (mi, m) in mentions.iter().enumerate() {
        if !matches!(m.kind, EntityKind::Place | EntityKind::Country)
            || matches!(m.via, Via::Demonym | Via::Metonym)
            || m.place.is_none()
        {
            continue;
        }
        let k = index_of(m.span);
        let end_k = index_of(Span::new(m.span.end, m.span.end)).max(k + 1) - 1;
        // A possessive place before a border or another place is part of
        // that phrase ("Ukraine's borders", "Belarus' Gomel").
        if ws.get(end_k).is_some_and(|w| w.possessive) {
            if let Some(next) = ws.get(end_k + 1)
                && next.is_word
                && is_border(&next.lower)
            {
                let first = preposition_before(ws, k).unwrap_or(k);
                parts.push((
                    first,
                    end_k + 1,
                    PlacePart {
                        relation: Relation::Border,
                        text: m.text.clone(),
                        span: m.span,
                        place: None,
                        owner: m.place.as_deref().cloned(),
                    },
                ));
            }
            continue;
        }
        // "border with Belarus": the border's other side.
        if k >= 2 && ws[k - 1].is("with") && is_border(&ws[k - 2].lower) {
            let b = k - 2;
            let owner = if b > 0 && matches!(ws[b - 1].lower.as_str(), "its" | "their") {
                subject_country(&mentions[..mi], ws, b)
            } else if b > 0 && ws[b - 1].possessive {
                mentions[..mi]
                    .iter()
                    .rev()
                    .find(|p| index_of(p.span) < b && p.place.is_some())
                    .and_then(|p| p.place.as_deref().cloned())
            } else {
                None
            };
            let first = preposition_before(ws, b).unwrap_or(b);
            parts.push((
                first,
                end_k,
                PlacePart {
                    relation: Relation::Border,
                    text: m.text.clone(),
                    span: m.span,
                    place: m.place.as_deref().cloned(),
                    owner,
                },
            ));
            continue;
        }
        let Some(first) = preposition_before(ws, k) else {
            continue;
        };
        // "near the Chernobyl exclusion zone": the phrase runs on over the
        // nouns that say which part of the place.
        let mut end_k = end_k;
        while ws
            .get(end_k + 1)
            .is_some_and(|w| w.is_word && is_place_noun(&w.lower))
        {
            end_k += 1;
        }
        let Some(rel) = relation_of(&ws[first].lower) else {
            continue;
        };
        // "close to": near.
        let rel = if rel == Relation::To && first > 0 && ws[first - 1].is("close") {
            Relation::Near
        } else {
            rel
        };
        parts.push((
            first,
            end_k,
            PlacePart {
                relation: rel,
                text: m.text.clone(),
                span: m.span,
                place: m.place.as_deref().cloned(),
                owner: None,
            },
        ));
    }
    parts.sort_by_key(|p| p.0);
    // Join adjacent parts into slots.
    let mut out: Vec<PlaceSlot> = Vec::new();
    let mut last_end: Option<usize> = None;
    for (first, last, part) in parts {
        let joins = last_end.is_some_and(|e| {
            first <= e + 1
                || (first <= e + 3
                    && ws[e + 1..first]
                        .iter()
                        .all(|w| !w.is_word || matches!(w.lower.as_str(), "and" | "or")))
        });
        let span_start = ws[first].span.start;
        let span_end = ws[last].span.start + ws[last].s.len();
        if joins && let Some(slot) = out.last_mut() {
            slot.span.end = slot.span.end.max(span_end);
            slot.parts.push(part);
        } else {
            out.push(PlaceSlot {
                span: Span::new(span_start, span_end),
                text: String::new(),
                parts: vec![part],
                place: None,
                country: None,
                between: Vec::new(),
                at: first,
            });
        }
        last_end = Some(last_end.map_or(last, |e| e.max(last)));
    }
    for slot in &mut out {
        finish(slot, text);
    }
    out
}

/// The preposition that opens the phrase ending at word `k`: up to three
/// words back, over determiners, adjectives and possessive places.
fn preposition_before(ws: &[Word<'_>], k: usize) -> Option<usize> {
    let mut i = k;
    // "in the port of Gdansk", "in the city of Homel": the place named is
    // the place of the phrase.
    if i >= 3
        && ws[i - 1].is("of")
        && ws[i - 2].is_word
        && (is_place_noun(&ws[i - 2].lower) || is_settlement(&ws[i - 2].lower))
    {
        i -= 2;
    }
    for _ in 0..4 {
        if i == 0 {
            return None;
        }
        i -= 1;
        let w = &ws[i];
        if !w.is_word {
            return None;
        }
        if relation_of(&w.lower).is_some() {
            // "close to": the phrase starts at "close".
            return Some(i);
        }
        if !(w.possessive || super::mentions::is_place_modifier(&w.lower)) {
            return None;
        }
    }
    None
}

/// The country "its" stands for: the nearest country or government mention
/// before word `b`.
fn subject_country(before: &[Mention], ws: &[Word<'_>], b: usize) -> Option<PlaceRef> {
    let index_of = |span: Span| ws.partition_point(|w| w.span.start < span.start);
    before
        .iter()
        .rev()
        .filter(|m| index_of(m.span) < b && m.kind == EntityKind::Country)
        .find_map(|m| m.place.as_deref().cloned())
}

/// Fills in the slot's text, its most specific place and its country.
fn finish(slot: &mut PlaceSlot, text: &str) {
    slot.text = text.get(slot.span.range()).unwrap_or_default().to_string();
    let rank = |p: &PlaceRef| match p.kind {
        PlaceKind::City => 3,
        PlaceKind::Region => 2,
        PlaceKind::Country => 1,
        PlaceKind::Continent => 0,
    };
    let located = slot
        .parts
        .iter()
        .filter(|p| p.relation != Relation::Border)
        .filter_map(|p| p.place.as_ref())
        .max_by_key(|p| rank(p));
    slot.place = located.cloned();
    slot.country = located.map(|p| p.country.clone());
    if slot.country.is_none() {
        // A border alone: the event is on the line between two countries
        // (or at one country's edge), in neither.
        for b in slot.parts.iter().filter(|p| p.relation == Relation::Border) {
            for c in [b.owner.as_ref(), b.place.as_ref()].into_iter().flatten() {
                if !slot.between.contains(&c.country) {
                    slot.between.push(c.country.clone());
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    /// The place phrases of an article's claims, with their countries.
    fn places(text: &str) -> Vec<(String, Option<String>)> {
        crate::pipeline::analysed("a.txt", text)
            .claims
            .claims
            .iter()
            .filter_map(|c| c.place.as_ref())
            .map(|p| (p.text.clone(), p.country.clone()))
            .collect()
    }

    #[test]
    fn the_port_or_the_city_of_a_place_is_that_place() {
        for text in [
            "An explosion in the port of Gdansk killed seven workers.\n",
            "An explosion in the city of Gdansk killed seven workers.\n",
        ] {
            let got = places(text);
            assert!(
                got.iter()
                    .any(|(t, c)| t.contains("Gdansk") && c.as_deref() == Some("PL")),
                "{text}: {got:?}"
            );
        }
        // "of" after another noun names no place of the event.
        let got = places("An explosion in the office of Gdansk Shipping killed seven workers.\n");
        assert!(got.iter().all(|(t, _)| !t.contains("of")), "{got:?}");
    }
}
