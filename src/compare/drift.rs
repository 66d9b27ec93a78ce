//! Quote drift: the same direct quote of the same speaker rendered
//! differently across articles, where a word that carries meaning changed.
//!
//! Direct quotes are keyed by their speaker's entity, and quotes with the
//! same words (beyond case, punctuation, quote marks, editorial insertions,
//! contractions and house spelling: [`units`]) are one *version*: a wording
//! repeated by many articles is compared once, and its finding lists every
//! article that carries either wording.
//!
//! Two versions of one speaker are compared word by word ([`compare`]) over
//! the stretch both quote: one article quoting more of what was said, before
//! or after, is not drift. Inside that stretch each changed run of words is
//! *minor* when a careful reader would not call it a misquote (a word left
//! out where the quote shows an ellipsis, function words only, a hyphen or
//! space, a spelling or an inflection of the same word) and *substantive*
//! otherwise (a content word, a number or a negation added, dropped or
//! replaced). Versions that differ only in minor ways are one wording; of
//! the substantively different ones, a spanning tree from the most repeated
//! wording is reported, so the findings grow with the wordings, not with
//! their pairs. Two versions are one quote when at least half of the
//! shorter's words are shared in order and most words of the stretch both
//! quote are shared; one quote of a speaker is never matched with another
//! that merely shares a phrase.
//!
//! Candidates come from a prefix filter: each version's pairs are ordered
//! rarest first, and two versions sharing half of the smaller's pairs must
//! share one of its first `n − ⌈n/2⌉ + 1` words, so probing only those in
//! an index of every word finds every pair, in near-linear time on real
//! copy. One version is compared with at most [`MAX_CANDIDATES`] others;
//! beyond that the count left unchecked is reported in
//! [`Drifts::unchecked`], never dropped silently. The diff is word-level
//! (the `similar` crate).

use crate::analysis::Analysis;
use crate::claims::mentions::EntityKind;
use crate::grammar::Kind;
use rustc_hash::{FxHashMap, FxHashSet};
use similar::{Algorithm, DiffTag};
use std::ops::Range;

pub use super::model::{Change, DiffPart, Drift, QuoteId};

/// The most other versions one version is compared with.
pub const MAX_CANDIDATES: usize = 2_000;

/// One compared word of a quote: its key, the raw text it stands for (the
/// word with the punctuation, space and editorial insertions after it;
/// empty for the second word of a written-out contraction), and whether an
/// ellipsis follows it (the quote leaves words out there).
#[derive(Debug)]
struct Unit<'a> {
    key: String,
    raw: &'a str,
    /// The word's bytes in the quote.
    at: Range<usize>,
    elided_after: bool,
}

/// A quote cut into [`Unit`]s; the raw texts put end to end give the quote
/// back.
fn units(text: &str) -> Vec<Unit<'_>> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let at = |j: Option<usize>, test: fn(char) -> bool| {
        j.and_then(|j| chars.get(j)).is_some_and(|&(_, c)| test(c))
    };
    let is_word = |k: usize| -> bool {
        match chars[k].1 {
            c if c.is_alphanumeric() => true,
            // An apostrophe inside a word: "don't", "Ukraine's".
            '\'' | '’' => {
                at(k.checked_sub(1), char::is_alphanumeric)
                    && at(Some(k + 1), char::is_alphanumeric)
            }
            // A decimal point or a thousands comma: "9.4", "1,000".
            '.' | ',' => {
                at(k.checked_sub(1), |c| c.is_ascii_digit())
                    && at(Some(k + 1), |c| c.is_ascii_digit())
            }
            _ => false,
        }
    };
    // Words outside editorial brackets: (start, end, an ellipsis follows).
    let mut spans: Vec<(usize, usize, bool)> = Vec::new();
    let mut depth = 0u32;
    let mut k = 0;
    while k < chars.len() {
        if is_word(k) {
            let start = k;
            while k < chars.len() && is_word(k) {
                k += 1;
            }
            if depth == 0 {
                let end = chars.get(k).map_or(text.len(), |&(i, _)| i);
                spans.push((chars[start].0, end, false));
            }
            continue;
        }
        let (i, c) = chars[k];
        match c {
            '[' | '(' => depth += 1,
            ']' | ')' => depth = depth.saturating_sub(1),
            _ if c == '…' || text[i..].starts_with("...") => {
                if let Some(last) = spans.last_mut() {
                    last.2 = true;
                }
            }
            _ => {}
        }
        k += 1;
    }
    let mut out: Vec<Unit<'_>> = Vec::with_capacity(spans.len());
    for (n, &(start, end, elided)) in spans.iter().enumerate() {
        let from = if n == 0 { 0 } else { start };
        let to = spans.get(n + 1).map_or(text.len(), |s| s.0);
        let keys = keys(&text[start..end]);
        let last = keys.len().saturating_sub(1);
        for (j, key) in keys.into_iter().enumerate() {
            out.push(Unit {
                key,
                raw: if j == 0 { &text[from..to] } else { "" },
                at: start..end,
                elided_after: elided && j == last,
            });
        }
    }
    out
}

/// The comparison keys of one word: one, or two for a contraction.
fn keys(word: &str) -> Vec<String> {
    let lower = word.to_lowercase().replace('’', "'");
    // A thousands comma is not a change: "1,000" and "1000".
    let lower = if lower.starts_with(|c: char| c.is_ascii_digit()) {
        lower.replace(',', "")
    } else {
        lower
    };
    let split = |stem: &str, second: &str| vec![house_spelling(stem), second.to_string()];
    if let Some(stem) = lower.strip_suffix("n't") {
        let stem = match stem {
            "wo" => "will",
            "ca" => "can",
            "sha" => "shall",
            s => s,
        };
        return split(stem, "not");
    }
    for (ending, full) in [
        ("'re", "are"),
        ("'ve", "have"),
        ("'ll", "will"),
        ("'m", "am"),
        ("'d", "would"),
    ] {
        if let Some(stem) = lower.strip_suffix(ending)
            && !stem.is_empty()
        {
            return split(stem, full);
        }
    }
    if let Some(stem) = lower.strip_suffix("'s") {
        match stem {
            "it" | "that" | "he" | "she" | "there" | "what" | "who" | "here" | "where" | "how" => {
                return split(stem, "is");
            }
            "let" => return split(stem, "us"),
            _ => {}
        }
    }
    if let Some(&(_, n)) = crate::claims::number::SMALL_WORDS
        .iter()
        .find(|(w, _)| *w == lower)
    {
        return vec![n.to_string()];
    }
    vec![house_spelling(&lower)]
}

/// One key for a word's British and American spellings, so an outlet's
/// house style is not a changed word: colour/color, realise/realize,
/// organisation/organization, analyse/analyze, centre/center,
/// travelled/traveled, defence/defense, catalogue/catalog, mum/mom. The key
/// is for comparison only; two different words that share it ("four",
/// "for") can only hide a change, never invent one.
fn house_spelling(word: &str) -> String {
    // A possessive keeps its ending: "mum's", "mom's".
    if let Some(stem) = word.strip_suffix("'s")
        && !stem.is_empty()
    {
        return house_spelling(stem) + "'s";
    }
    let pair = match word {
        "mum" | "mom" => Some("mom"),
        "grey" => Some("gray"),
        "sceptic" | "sceptics" | "sceptical" | "scepticism" => {
            return word.replacen("sc", "sk", 1);
        }
        "tyre" | "tyres" => Some(if word.ends_with('s') { "tires" } else { "tire" }),
        "ageing" => Some("aging"),
        "programme" => Some("program"),
        "programmes" => Some("programs"),
        "jewellery" => Some("jewelry"),
        "aluminium" => Some("aluminum"),
        _ => None,
    };
    if let Some(american) = pair {
        return american.to_string();
    }
    if word.chars().count() < 5 {
        return word.to_string();
    }
    // "-our-" inside a word: favourite, behaviour, neighbourhood.
    let word = &match word.get(1..).and_then(|rest| rest.find("our")) {
        Some(i) => format!("{}or{}", &word[..i + 1], &word[i + 4..]),
        None => word.to_string(),
    };
    const ENDINGS: &[(&str, &str)] = &[
        ("dgement", "dgment"),
        ("dgements", "dgments"),
        ("isations", "izations"),
        ("isation", "ization"),
        ("ising", "izing"),
        ("ised", "ized"),
        ("ises", "izes"),
        ("ise", "ize"),
        ("ysing", "yzing"),
        ("ysed", "yzed"),
        ("yse", "yze"),
        ("tres", "ters"),
        ("tre", "ter"),
        ("elled", "eled"),
        ("elling", "eling"),
        ("ence", "ense"),
        ("ogue", "og"),
    ];
    for (british, american) in ENDINGS {
        if let Some(stem) = word.strip_suffix(british) {
            return format!("{stem}{american}");
        }
    }
    word.to_string()
}
/// A run of the word-level diff of two versions: shared words, or words
/// changed (either side may be empty).
#[derive(Debug, Clone)]
struct Run {
    equal: bool,
    a: Range<usize>,
    b: Range<usize>,
}

/// Two versions compared over the stretch both quote.
#[derive(Debug)]
struct Compared {
    /// The runs of that stretch, from the first two words in a row both
    /// have to the last.
    runs: Vec<Run>,
    /// Share of the shorter stretch's words the other has, in order (0–1).
    overlap: f64,
    /// Whether some changed run is substantive ([`substantive`]).
    drifted: bool,
}

/// Moves each run of words only one side has as far left as it goes, so
/// shared words gather after it: "I could not … I know" against "I know"
/// keeps "I know" together. The diff says the same, shown more plainly.
fn slide(runs: &mut Vec<Run>, a: &[u32], b: &[u32]) {
    for k in 1..runs.len() {
        if runs[k].equal || !runs[k - 1].equal || (!runs[k].a.is_empty() && !runs[k].b.is_empty()) {
            continue;
        }
        let (ids, one_sided_a) = if runs[k].b.is_empty() {
            (a, true)
        } else {
            (b, false)
        };
        loop {
            let (before, change) = (&runs[k - 1], &runs[k]);
            let range = if one_sided_a { &change.a } else { &change.b };
            let last_shared = if one_sided_a {
                before.a.end
            } else {
                before.b.end
            };
            if before.a.is_empty() || range.is_empty() || ids[last_shared - 1] != ids[range.end - 1]
            {
                break;
            }
            // The word before the run moves after it.
            runs[k - 1].a.end -= 1;
            runs[k - 1].b.end -= 1;
            let change = &mut runs[k];
            change.a = change.a.start - 1..change.a.end - if one_sided_a { 1 } else { 0 };
            change.b = change.b.start - 1..change.b.end - if one_sided_a { 0 } else { 1 };
            if let Some(next) = runs.get_mut(k + 1) {
                next.a.start -= 1;
                next.b.start -= 1;
            }
        }
    }
    runs.retain(|r| !(r.a.is_empty() && r.b.is_empty()));
    // An emptied shared run leaves two changed runs side by side: one.
    let mut merged: Vec<Run> = Vec::with_capacity(runs.len());
    for r in runs.drain(..) {
        match merged.last_mut() {
            Some(last) if !last.equal && !r.equal => {
                last.a.end = r.a.end;
                last.b.end = r.b.end;
            }
            _ => merged.push(r),
        }
    }
    *runs = merged;
}

impl Compared {
    /// Whether the stretch both quote is nine tenths of each version.
    fn covers(&self, a: &Version, b: &Version) -> bool {
        let (first, last) = (&self.runs[0], &self.runs[self.runs.len() - 1]);
        let (sa, sb) = (last.a.end - first.a.start, last.b.end - first.b.start);
        sa * 10 >= a.ids.len() * 9 && sb * 10 >= b.ids.len() * 9
    }
}

/// Compares the words of two versions ([`Version::ids`]), or `None` when
/// they are not one quote: fewer than half of the shorter version's words
/// are shared in order, or fewer than three in five words of the stretch
/// both quote.
fn compare(a: &Version, b: &Version) -> Option<Compared> {
    let ops = similar::capture_diff_slices(Algorithm::Myers, &a.ids, &b.ids);
    let mut runs: Vec<Run> = Vec::new();
    for op in &ops {
        let (tag, ra, rb) = op.as_tag_tuple();
        let equal = tag == DiffTag::Equal;
        match runs.last_mut() {
            Some(last) if !last.equal && !equal => {
                last.a.end = ra.end;
                last.b.end = rb.end;
            }
            _ => runs.push(Run {
                equal,
                a: ra,
                b: rb,
            }),
        }
    }
    slide(&mut runs, &a.ids, &b.ids);
    // Words before the first and after the last shared pair are one
    // article quoting more of what was said: not a change. But a few words
    // replaced at the very end (or start) of both quotes are inside what
    // both quote ("… has been checked" / "… has been inspected by
    // engineers"), and so are they before a single shared word that ends
    // (or starts) both ("I can prove it" / "I can show it").
    let anchor = |r: &Run| r.equal && r.a.len() >= 2;
    let mut first = runs.iter().position(anchor)?;
    let mut last = runs.iter().rposition(anchor)?;
    let replaced =
        |r: &Run| !r.equal && (1..=4).contains(&r.a.len()) && (1..=4).contains(&r.b.len());
    let (na, nb) = (a.ids.len(), b.ids.len());
    if last + 2 == runs.len() && replaced(&runs[last + 1]) {
        last += 1;
    } else if last + 3 == runs.len()
        && replaced(&runs[last + 1])
        && runs[last + 2].a.end == na
        && runs[last + 2].b.end == nb
    {
        last += 2;
    }
    let replaced_at_start = first == 1 && replaced(&runs[0]);
    let replaced_after_first_word = first == 2
        && replaced(&runs[1])
        && runs[0].equal
        && runs[0].a.start == 0
        && runs[0].b.start == 0;
    if replaced_at_start || replaced_after_first_word {
        first = 0;
    }
    let runs = runs[first..=last].to_vec();
    let shared: usize = runs.iter().filter(|r| r.equal).map(|r| r.a.len()).sum();
    let stretch_a = runs[runs.len() - 1].a.end - runs[0].a.start;
    let stretch_b = runs[runs.len() - 1].b.end - runs[0].b.start;
    let stretch = stretch_a.min(stretch_b);
    let shorter = a.ids.len().min(b.ids.len());
    if shared * 2 < shorter || shared * 5 < stretch * 3 {
        return None;
    }
    let drifted = runs
        .iter()
        .any(|r| !r.equal && substantive(a, r.a.clone(), b, r.b.clone()));
    Some(Compared {
        runs,
        overlap: shared as f64 / stretch.max(1) as f64,
        drifted,
    })
}

/// Whether a changed run changes what was said: a content word, a number
/// or a negation added, dropped or replaced. Not substantive: words one side
/// leaves out where it shows an ellipsis, function words only ("ran out of
/// the door" / "ran out the door"), the same letters spaced or hyphenated
/// otherwise ("make-up" / "makeup"), and one word for another that is the
/// same word spelt or inflected otherwise ([`same_word`]).
fn substantive(a: &Version, ra: Range<usize>, b: &Version, rb: Range<usize>) -> bool {
    let (wa, wb) = (&a.words[ra.clone()], &b.words[rb.clone()]);
    if wa.is_empty() || wb.is_empty() {
        let (short, at, present) = if wa.is_empty() {
            (a, ra.start, wb)
        } else {
            (b, rb.start, wa)
        };
        let elided = at > 0 && short.elided[at - 1];
        return !elided && !present.iter().all(|w| function_word(w));
    }
    if wa.concat() == wb.concat() {
        return false;
    }
    if wa.iter().chain(wb).all(|w| function_word(w)) {
        return false;
    }
    let word_for_word = wa.len() == wb.len()
        && wa
            .iter()
            .zip(wb)
            .all(|(x, y)| (function_word(x) && function_word(y)) || same_word(x, y));
    !word_for_word
}

/// Words that carry no claim of their own: articles, prepositions,
/// conjunctions, pronouns and the auxiliaries of tense. Modals, negations,
/// quantifiers and numbers are not among them: "will" / "may", "not", "all"
/// change what was said.
fn function_word(word: &str) -> bool {
    matches!(
        word,
        "a" | "an"
            | "the"
            | "this"
            | "that"
            | "these"
            | "those"
            | "another"
            | "of"
            | "in"
            | "on"
            | "at"
            | "to"
            | "for"
            | "with"
            | "by"
            | "from"
            | "as"
            | "into"
            | "onto"
            | "about"
            | "over"
            | "up"
            | "out"
            | "off"
            | "than"
            | "and"
            | "but"
            | "or"
            | "so"
            | "because"
            | "if"
            | "then"
            | "though"
            | "although"
            | "while"
            | "i"
            | "me"
            | "my"
            | "we"
            | "us"
            | "our"
            | "you"
            | "your"
            | "he"
            | "him"
            | "his"
            | "she"
            | "her"
            | "it"
            | "its"
            | "they"
            | "them"
            | "their"
            | "who"
            | "whom"
            | "whose"
            | "which"
            | "what"
            | "there"
            | "is"
            | "are"
            | "was"
            | "were"
            | "be"
            | "been"
            | "being"
            | "am"
            | "has"
            | "have"
            | "had"
            | "do"
            | "does"
            | "did"
            // Adverbs of emphasis: "to just get this show" / "to get this show".
            | "just"
            | "really"
            | "very"
            | "actually"
            | "also"
            | "too"
            | "quite"
            | "well"
    )
}

/// Whether two different keys are one word: the same letters but for
/// accents ("lobizón" / "lobizon"), the same lemma ("taste" / "tastes"),
/// or, for words of five letters or more, one letter apart where one of
/// them is not a common English word (a spelling, "lobison" / "lobizon";
/// not "pitting" / "putting"). Numbers are never one word unless equal.
fn same_word(x: &str, y: &str) -> bool {
    if x.chars().chain(y.chars()).any(|c| c.is_ascii_digit()) {
        return false;
    }
    let (plain_x, plain_y) = (deunicode::deunicode(x), deunicode::deunicode(y));
    if plain_x == plain_y {
        return true;
    }
    let lemmas = &crate::syntax::model().lemmatizer;
    if ["NOUN", "VERB", "ADJ"]
        .iter()
        .any(|upos| lemmas.lemma(x, upos) == lemmas.lemma(y, upos))
    {
        return true;
    }
    x.chars().count() >= 5
        && y.chars().count() >= 5
        && strsim::osa_distance(&plain_x, &plain_y) <= 1
        && !(lemmas.is_common_word(x) && lemmas.is_common_word(y))
}

/// The diff of a compared stretch in the raw text of each version, and its
/// substantive changes.
fn render(a: &Version, b: &Version, compared: &Compared) -> (Vec<DiffPart>, Vec<Change>) {
    let (ua, ub) = (units(&a.text), units(&b.text));
    let raw = |u: &[Unit<'_>], r: &Range<usize>| -> String {
        u.get(r.clone())
            .map(|s| s.iter().map(|u| u.raw).collect())
            .unwrap_or_default()
    };
    let mut parts: Vec<DiffPart> = Vec::new();
    let mut changes: Vec<Change> = Vec::new();
    let mut push = |op: &'static str, text: String| {
        if text.is_empty() {
            return;
        }
        match parts.last_mut() {
            Some(last) if last.op == op => last.text.push_str(&text),
            _ => parts.push(DiffPart { op, text }),
        }
    };
    for r in &compared.runs {
        if r.equal {
            push("equal", raw(&ua, &r.a));
            continue;
        }
        let (removed, added) = (raw(&ua, &r.a), raw(&ub, &r.b));
        if substantive(a, r.a.clone(), b, r.b.clone()) {
            let words = |s: &str| s.trim_matches(|c: char| !c.is_alphanumeric()).to_string();
            changes.push(Change {
                removed: words(&removed),
                added: words(&added),
            });
        }
        push("removed", removed);
        push("added", added);
    }
    (parts, changes)
}

/// One wording of one speaker's quote, with every statement that has it.
struct Version {
    speaker: usize,
    /// The compared words ([`words`]), and each as an id shared by every
    /// version (what the diff compares).
    words: Vec<String>,
    ids: Vec<u32>,
    /// Whether an ellipsis follows each word.
    elided: Vec<bool>,
    /// Distinct word-pair ids, rarest first (the prefix filter's order).
    set: Vec<u32>,
    /// Statements with this wording, in input order.
    quotes: Vec<QuoteId>,
    /// The first statement's text.
    text: String,
}

/// An article's entity mentions indexed for [`speaker_entity`]: by span
/// and by name, so each statement costs a search, not a pass over every
/// mention.
struct Mentions<'a> {
    by_span: crate::article::SpanIndex,
    /// The first mention of each name.
    by_name: FxHashMap<&'a str, usize>,
}

impl<'a> Mentions<'a> {
    fn new(ms: &'a [crate::claims::mentions::Mention]) -> Self {
        let by_span = crate::article::SpanIndex::new(
            ms.iter()
                .enumerate()
                .map(|(i, m)| (m.span.start, m.span.end, i))
                .collect(),
        );
        let mut by_name: FxHashMap<&str, usize> = FxHashMap::default();
        for (i, m) in ms.iter().enumerate() {
            by_name.entry(m.name.as_str()).or_insert(i);
        }
        Mentions { by_span, by_name }
    }
}

/// The speaker entity of a statement: the entity of the mention its speaker
/// words overlap, else any mention of the person it resolved to.
fn speaker_entity(analysis: &Analysis, ai: usize, si: usize, ms: &Mentions<'_>) -> Option<usize> {
    let item = &analysis.articles[ai];
    let r = &item.statements[si];
    if let Some(sp) = r.statement.speaker
        && let Some(mi) = ms.by_span.overlapping(sp)
    {
        return analysis.entities.of.get(ai)?.get(mi).copied();
    }
    let name = r.speaker.as_deref()?;
    let mi = *ms.by_name.get(name)?;
    analysis.entities.of.get(ai)?.get(mi).copied()
}

/// Whether a quote's text holds a double quote mark of its own (not one
/// around a nested quote): marks the grammar could not pair, so the text
/// likely runs on into narration, and a changed word there is no misquote.
pub(crate) fn runs_past_its_marks(
    article: &crate::article::Article,
    st: &crate::grammar::Statement,
) -> bool {
    st.parts.iter().any(|&part| {
        article.slice(part).char_indices().any(|(i, c)| {
            let at = part.start + i;
            matches!(c, '"' | '“' | '”' | '„')
                && !st
                    .nested
                    .iter()
                    .any(|n| at + c.len_utf8() == n.span.start || at == n.span.end)
        })
    })
}

/// The versions of every speaker's direct quotes, in order of first use.
fn versions(analysis: &Analysis) -> Vec<Version> {
    let mut out: Vec<Version> = Vec::new();
    let mut by_words: FxHashMap<(usize, Vec<String>), usize> = FxHashMap::default();
    let mut interned: FxHashMap<String, u32> = FxHashMap::default();
    for (ai, item) in analysis.articles.iter().enumerate() {
        let ms = Mentions::new(&item.claims.mentions);
        for (si, r) in item.statements.iter().enumerate() {
            if r.statement.kind != Kind::Direct {
                continue;
            }
            let Some(speaker) = speaker_entity(analysis, ai, si, &ms) else {
                continue;
            };
            // Only someone who can speak: a person, an organisation or a
            // country for its government; not a place or a thing.
            if !matches!(
                analysis.entities.entities[speaker].kind,
                EntityKind::Person | EntityKind::Organisation | EntityKind::Country
            ) {
                continue;
            }
            if runs_past_its_marks(&item.article, &r.statement) {
                continue;
            }
            let text = item.article.slice(r.statement.span);
            let units = units(text);
            if units.len() < 4 {
                continue;
            }
            let id = QuoteId {
                article: ai,
                statement: si,
            };
            let words: Vec<String> = units.iter().map(|u| u.key.clone()).collect();
            match by_words.entry((speaker, words)) {
                std::collections::hash_map::Entry::Occupied(e) => out[*e.get()].quotes.push(id),
                std::collections::hash_map::Entry::Vacant(e) => {
                    let words = e.key().1.clone();
                    e.insert(out.len());
                    let ids = words
                        .iter()
                        .map(|w| {
                            let next = interned.len() as u32;
                            *interned.entry(w.clone()).or_insert(next)
                        })
                        .collect();
                    out.push(Version {
                        speaker,
                        words,
                        ids,
                        elided: units.iter().map(|u| u.elided_after).collect(),
                        set: Vec::new(),
                        quotes: vec![id],
                        text: text.to_string(),
                    });
                }
            }
        }
    }
    // Word-pair ids per speaker, and in how many versions each occurs.
    let mut ids: FxHashMap<(usize, &str, &str), u32> = FxHashMap::default();
    let mut sets: Vec<Vec<u32>> = Vec::with_capacity(out.len());
    let mut df: Vec<u32> = Vec::new();
    for v in &out {
        let mut set: Vec<u32> = v
            .words
            .windows(2)
            .map(|w| {
                let next = ids.len() as u32;
                *ids.entry((v.speaker, w[0].as_str(), w[1].as_str()))
                    .or_insert(next)
            })
            .collect();
        set.sort_unstable();
        set.dedup();
        for &t in &set {
            if t as usize >= df.len() {
                df.resize(t as usize + 1, 0);
            }
            df[t as usize] += 1;
        }
        sets.push(set);
    }
    for (v, mut set) in out.iter_mut().zip(sets) {
        set.sort_unstable_by_key(|&t| (df[t as usize], t));
        v.set = set;
    }
    out
}

/// Every drifted pair of versions, in a stable order, and how many
/// candidate comparisons the bound left unchecked.
#[derive(Debug, Default)]
pub struct Drifts {
    pub drifts: Vec<Drift>,
    pub unchecked: usize,
}

/// Every drifted quote of the analysis, in a stable order.
pub fn drifts(analysis: &Analysis) -> Vec<Drift> {
    find(analysis).drifts
}

/// The representative of `i`'s set (path halving).
fn root(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

/// [`drifts`], with the count of comparisons left out by the bound.
pub fn find(analysis: &Analysis) -> Drifts {
    let versions = versions(analysis);
    let mut index: FxHashMap<u32, Vec<usize>> = FxHashMap::default();
    for (i, v) in versions.iter().enumerate() {
        for &t in &v.set {
            index.entry(t).or_default().push(i);
        }
    }
    let mut out = Drifts::default();
    // Versions one quote's wordings differ only in minor ways are one
    // wording (union-find); the substantive differences are the edges.
    let mut parent: Vec<usize> = (0..versions.len()).collect();
    let mut edges: Vec<(usize, usize, Compared)> = Vec::new();
    // `stamp[j] == i + 1`: version j is already a candidate of version i.
    let mut stamp: Vec<usize> = vec![0; versions.len()];
    for (i, a) in versions.iter().enumerate() {
        let n = a.set.len();
        let prefix = n - n.div_ceil(2) + 1;
        let mut candidates = Vec::new();
        for t in &a.set[..prefix.min(n)] {
            for &j in &index[t] {
                let b = &versions[j];
                let larger = (b.set.len(), j) > (n, i);
                if larger && stamp[j] != i + 1 {
                    stamp[j] = i + 1;
                    candidates.push(j);
                }
            }
        }
        if candidates.len() > MAX_CANDIDATES {
            out.unchecked += candidates.len() - MAX_CANDIDATES;
            candidates.sort_unstable();
            candidates.truncate(MAX_CANDIDATES);
        }
        for j in candidates {
            let b = &versions[j];
            if !shares_pairs(a, b) {
                continue;
            }
            let Some(compared) = compare(a, b) else {
                continue;
            };
            if !compared.drifted {
                // One wording only when each is nearly all of the other:
                // an excerpt joins nothing, or one quote's excerpts would
                // chain two different wordings into one.
                if compared.covers(a, b) {
                    let (ri, rj) = (root(&mut parent, i), root(&mut parent, j));
                    parent[ri.max(rj)] = ri.min(rj);
                }
            } else if shown(a, b).is_some() {
                edges.push((i, j, compared));
            }
        }
    }
    let group: Vec<usize> = (0..versions.len()).map(|i| root(&mut parent, i)).collect();
    // The statements of each wording, in input order.
    let mut members: FxHashMap<usize, Vec<QuoteId>> = FxHashMap::default();
    for (i, v) in versions.iter().enumerate() {
        members.entry(group[i]).or_default().extend(&v.quotes);
    }
    for quotes in members.values_mut() {
        quotes.sort_unstable();
    }
    // One quote's wordings, however many: each shown once, against the
    // wording that reaches it first from the most repeated (a spanning
    // tree), so the findings grow with the wordings, not with their pairs.
    let mut next: FxHashMap<usize, Vec<(usize, usize)>> = FxHashMap::default();
    for (e, &(i, j, _)) in edges.iter().enumerate() {
        let (gi, gj) = (group[i], group[j]);
        if gi != gj {
            next.entry(gi).or_default().push((gj, e));
            next.entry(gj).or_default().push((gi, e));
        }
    }
    let mut order: Vec<usize> = next.keys().copied().collect();
    order.sort_by_key(|g| (std::cmp::Reverse(members[g].len()), *g));
    let mut reached: FxHashSet<usize> = FxHashSet::default();
    for start in order {
        if !reached.insert(start) {
            continue;
        }
        let mut queue = std::collections::VecDeque::from([start]);
        while let Some(g) = queue.pop_front() {
            let mut around = next[&g].clone();
            around.sort_unstable();
            for (h, e) in around {
                if !reached.insert(h) {
                    continue;
                }
                queue.push_back(h);
                let (i, j, compared) = &edges[e];
                let (a, b) = (&versions[*i], &versions[*j]);
                let (qa, qb) = (&members[&group[*i]], &members[&group[*j]]);
                if let Some(d) = drift(analysis, (a, qa), (b, qb), compared) {
                    out.drifts.push(d);
                }
            }
        }
    }
    out.drifts.sort_by_key(|d| (d.a, d.b));
    out
}

/// The two statements a finding shows: the first of each version, in two
/// different articles (the earliest such pair).
fn shown(a: &Version, b: &Version) -> Option<(QuoteId, QuoteId)> {
    let (qa, qb) = (a.quotes[0], b.quotes[0]);
    if qa.article != qb.article {
        return Some((qa, qb));
    }
    let other_b = b.quotes.iter().find(|q| q.article != qa.article);
    let other_a = a.quotes.iter().find(|q| q.article != qb.article);
    match (other_a, other_b) {
        (Some(&x), Some(&y)) => Some(if (qa, y) <= (x, qb) { (qa, y) } else { (x, qb) }),
        (None, Some(&y)) => Some((qa, y)),
        (Some(&x), None) => Some((x, qb)),
        (None, None) => None,
    }
}

/// The cheap test before the diff: the versions share at least half of the
/// smaller's distinct word pairs (three quarters when it is under half the
/// other's length: sharing half the pairs of a long passage is what two
/// different quotes of one speaker do).
fn shares_pairs(a: &Version, b: &Version) -> bool {
    let (short, long) = if a.set.len() <= b.set.len() {
        (a, b)
    } else {
        (b, a)
    };
    let long_set: FxHashSet<u32> = long.set.iter().copied().collect();
    let shared = short.set.iter().filter(|t| long_set.contains(t)).count();
    let needed = if long.words.len() > 2 * short.words.len() {
        0.75
    } else {
        0.5
    };
    shared as f64 >= needed * short.set.len() as f64
}

/// The finding of two versions that drift, each with every statement of
/// its wording.
fn drift(
    analysis: &Analysis,
    (a, a_all): (&Version, &[QuoteId]),
    (b, b_all): (&Version, &[QuoteId]),
    compared: &Compared,
) -> Option<Drift> {
    let (qa, qb) = shown(a, b)?;
    let (diff, changes) = render(a, b, compared);
    let (diff, changes, (fq, f_all), (sq, s_all)) = if qa <= qb {
        (diff, changes, (qa, a_all), (qb, b_all))
    } else {
        // Shown the other way round: the diff too.
        let flip = |op: &'static str| match op {
            "removed" => "added",
            "added" => "removed",
            other => other,
        };
        let diff = flip_parts(diff, flip);
        let changes = changes
            .into_iter()
            .map(|c| Change {
                removed: c.added,
                added: c.removed,
            })
            .collect();
        (diff, changes, (qb, b_all), (qa, a_all))
    };
    let others = |all: &[QuoteId], shown: QuoteId| -> Vec<QuoteId> {
        all.iter().copied().filter(|q| *q != shown).collect()
    };
    let (first, last) = (&compared.runs[0], &compared.runs[compared.runs.len() - 1]);
    let (ra, rb) = (first.a.start..last.a.end, first.b.start..last.b.end);
    let (fr, sr) = if qa <= qb { (ra, rb) } else { (rb, ra) };
    Some(Drift {
        speaker: analysis.entities.entities[a.speaker].name.clone(),
        a: fq,
        b: sq,
        a_stretch: stretch(analysis, fq, fr),
        b_stretch: stretch(analysis, sq, sr),
        a_copies: others(f_all, fq),
        b_copies: others(s_all, sq),
        overlap: (compared.overlap * 1000.0).round() / 1000.0,
        diff,
        changes,
        rule: "same-speaker-different-words",
    })
}

/// The bytes of a quote's words `words` in its article (the whole quote
/// should the words not be found).
fn stretch(analysis: &Analysis, q: QuoteId, words: Range<usize>) -> crate::article::Span {
    let item = &analysis.articles[q.article];
    let span = item.statements[q.statement].statement.span;
    let units = units(item.article.slice(span));
    match (
        units.get(words.start),
        words.end.checked_sub(1).and_then(|e| units.get(e)),
    ) {
        (Some(first), Some(last)) if words.start < words.end => {
            crate::article::Span::new(span.start + first.at.start, span.start + last.at.end)
        }
        _ => span,
    }
}

/// A diff read the other way round: what was removed is added. The run of
/// removed words stays before the added one.
fn flip_parts(parts: Vec<DiffPart>, flip: impl Fn(&'static str) -> &'static str) -> Vec<DiffPart> {
    let mut out: Vec<DiffPart> = Vec::with_capacity(parts.len());
    for p in parts {
        let op = flip(p.op);
        // An added run right after the removed one it replaces: swap them back.
        if op == "removed"
            && let Some(last) = out.last_mut()
            && last.op == "added"
        {
            let added = std::mem::replace(last, DiffPart { op, text: p.text });
            out.push(added);
            continue;
        }
        out.push(DiffPart { op, text: p.text });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(s: &str) -> Vec<String> {
        units(s).into_iter().map(|u| u.key).collect()
    }

    /// The changes found between two quotes of one speaker in two articles.
    fn changes(a: &str, b: &str) -> Vec<(String, String)> {
        let texts = [
            format!("“{a}” Jan Kowal said on Monday."),
            format!("“{b}” Jan Kowal said on Monday."),
        ];
        find(&crate::pipeline::analysed_set(&texts))
            .drifts
            .iter()
            .flat_map(|d| {
                d.changes
                    .iter()
                    .map(|c| (c.removed.clone(), c.added.clone()))
            })
            .collect()
    }

    fn pair(removed: &str, added: &str) -> (String, String) {
        (removed.to_string(), added.to_string())
    }

    #[test]
    fn quoting_more_or_less_of_what_was_said_is_not_drift() {
        let long =
            "We will be waiting for the delegation at the border tomorrow. Nobody else will come.";
        assert!(
            changes(
                "We will be waiting for the delegation at the border tomorrow.",
                long
            )
            .is_empty()
        );
        assert!(changes("I phoned forty engineers. We will be waiting for the delegation at the border tomorrow.", long).is_empty());
        // Cut inside without an ellipsis: drift; with one: an elision.
        assert_eq!(
            changes(
                "We will be waiting at the border tomorrow. Nobody else will come.",
                long
            ),
            [pair("", "for the delegation")]
        );
        assert!(
            changes(
                "We will be waiting … at the border tomorrow. Nobody else will come.",
                long
            )
            .is_empty()
        );
    }

    #[test]
    fn only_words_that_carry_meaning_make_drift() {
        let base = "The crane operator ran out of the door before the second blast hit the quay";
        for same in [
            // Function words, emphasis, inflection, spelling, hyphens.
            "The crane operator ran out the door before the second blast hit the quay",
            "The crane operator just ran out of that door before the second blast hit the quay",
            "The crane-operator ran out of the door before the second blast hit the quay",
            "The craneoperator ran out of the door before the second blast hits the quay",
            "The crane operatör ran out of the door before the second blast hit the quay",
            // Editorial insertions, number words.
            "The crane operator [Marta] ran out of the door before the second blast (at six) hit the quay",
        ] {
            assert!(changes(base, same).is_empty(), "{same}");
        }
        assert_eq!(
            changes(
                base,
                "The crane operator ran out of the door before the third blast hit the quay"
            ),
            [pair("second", "third")]
        );
        assert_eq!(
            changes(
                base,
                "The crane operator never ran out of the door before the second blast hit the quay"
            ),
            [pair("", "never")]
        );
        assert_eq!(
            changes(
                "Repairs will cost 9.4 million zloty and take until the spring",
                "Repairs will cost 94 million zloty and take until the spring"
            ),
            [pair("9.4", "94")]
        );
        assert!(
            changes(
                "Repairs will cost 1,000 zloty and take until the spring",
                "Repairs will cost one thousand zloty and take until the spring"
            )
            .len()
                == 1
        );
        assert!(
            changes(
                "Repairs will cost 7 thousand zloty and take until the spring",
                "Repairs will cost seven thousand zloty and take until the spring"
            )
            .is_empty()
        );
    }

    #[test]
    fn two_different_quotes_of_one_speaker_are_not_one_drifted_quote() {
        assert!(
            changes(
                "We are proud of the crews who worked through the night at the harbour",
                "Nobody could have known the storm would reach the harbour by midnight"
            )
            .is_empty()
        );
        assert!(changes(
            "The harbour will reopen on Friday and the ferries will run to the old timetable again",
            "The ferries will run to the old timetable again once the insurers have paid every claim in full"
        )
        .is_empty());
    }

    #[test]
    fn an_excerpt_elsewhere_does_not_hide_a_changed_word() {
        // Article 1 quotes both sentences with a changed word in the
        // second; article 2 quotes the second (exact), article 3 the first
        // half of the second, which is also an excerpt of article 1.
        let texts = [
            "“I could not believe my luck when the siren went off. I know that sort of alarm is not to everyone's taste but my brother fitted it to the boat as a joke,” Jan Kowal said.",
            "“I know that sort of alarm is not to everyone's taste but my brother wired it into the boat for a joke,” Jan Kowal said.",
            "“I know that sort of alarm is not to everyone's taste,” Jan Kowal said, “but it works.”",
        ];
        let found = find(&crate::pipeline::analysed_set(&texts));
        let changed: Vec<(String, String)> = found
            .drifts
            .iter()
            .flat_map(|d| {
                d.changes
                    .iter()
                    .map(|c| (c.removed.clone(), c.added.clone()))
            })
            .collect();
        assert_eq!(changed, [pair("fitted", "wired")]);
        // The finding points at the words both quote, not the whole quote.
        let d = &found.drifts[0];
        let analysis = crate::pipeline::analysed_set(&texts);
        let shown = analysis.articles[d.a.article].article.slice(d.a_stretch);
        assert!(shown.starts_with("I know that sort"), "{shown}");
    }

    #[test]
    fn a_quote_that_runs_on_past_unpaired_marks_is_not_compared() {
        let texts = [
            "“The quay is safe now. \"We checked every crane twice, Jan Kowal said on Monday.",
            "“The quay is safe now. \"We checked every crane three times, Jan Kowal said on Monday.",
        ];
        assert!(
            find(&crate::pipeline::analysed_set(&texts))
                .drifts
                .is_empty()
        );
    }

    #[test]
    fn words_ignore_case_and_punctuation() {
        assert_eq!(w("“Safe,” he said."), ["safe", "he", "said"]);
        assert_eq!(w("a double-act"), w("A double act,"));
        // House spelling is not a changed word.
        assert_eq!(
            w("My mum's favourite colours: we realised the theatre travelled; a judgement"),
            w("My mom's favorite colors: we realized the theater traveled; a judgment")
        );
        assert_ne!(w("they will rise"), w("they will raise"));
        // Contractions written out, apostrophes inside words only.
        assert_eq!(
            w("It's not, they don't"),
            ["it", "is", "not", "they", "do", "not"]
        );
        assert_eq!(w("'We won't'"), ["we", "will", "not"]);
    }

    const A: &str = "“We will rebuild the harbour wall before the winter storms arrive in Harbourton,” Jan Kowal said on Monday.";
    const B: &str = "“We will repair the harbour wall before the winter storms come to Harbourton,” Jan Kowal said on Monday.";

    #[test]
    fn a_wording_repeated_elsewhere_still_drifts_and_is_one_finding() {
        // A, B, A: the repeated wording used to hide the drift.
        let found = find(&crate::pipeline::analysed_set(&[A, B, A]));
        assert_eq!(found.drifts.len(), 1);
        let d = &found.drifts[0];
        assert_eq!((d.a.article, d.b.article), (0, 1));
        assert_eq!(
            d.a_copies.iter().map(|q| q.article).collect::<Vec<_>>(),
            [2]
        );
        assert!(d.b_copies.is_empty());
        assert_eq!(found.unchecked, 0);
        // Only the same wording: nothing drifts.
        assert!(
            find(&crate::pipeline::analysed_set(&[A, A, A]))
                .drifts
                .is_empty()
        );
    }

    #[test]
    fn many_articles_with_one_wording_give_one_finding_listing_them_all() {
        let mut texts = vec![B];
        texts.extend(std::iter::repeat_n(A, 300));
        let found = find(&crate::pipeline::analysed_set(&texts));
        assert_eq!(found.drifts.len(), 1);
        let d = &found.drifts[0];
        assert_eq!(d.a_copies.len() + d.b_copies.len(), 299);
    }

    #[test]
    fn a_version_pair_in_one_article_only_is_not_drift() {
        let one = format!("{A} {B}");
        assert!(
            find(&crate::pipeline::analysed_set(&[one.as_str()]))
                .drifts
                .is_empty()
        );
    }

    #[test]
    fn the_diff_shows_changed_words_not_typography() {
        let a = "“I figured people would be sceptical, but it’s true and I can prove it,” Jan Kowal said.";
        let b = "“I figured people would be sceptical but it's true, and I can show it,” Jan Kowal said.";
        let found = find(&crate::pipeline::analysed_set(&[a, b]));
        assert_eq!(found.drifts.len(), 1);
        let changed: Vec<(&str, &str)> = found.drifts[0]
            .diff
            .iter()
            .filter(|p| p.op != "equal")
            .map(|p| (p.op, p.text.trim()))
            .collect();
        assert_eq!(changed, [("removed", "prove"), ("added", "show")]);
        // The raw texts give the quote back; editorial insertions are not words.
        let us = units("“It’s [the] end… of it.");
        assert_eq!(
            us.iter().map(|u| u.raw).collect::<String>(),
            "“It’s [the] end… of it."
        );
        assert_eq!(
            us.iter().map(|u| u.key.as_str()).collect::<Vec<_>>(),
            ["it", "is", "end", "of", "it"]
        );
        assert_eq!(
            us.iter().map(|u| u.elided_after).collect::<Vec<_>>(),
            [false, false, true, false, false]
        );
    }
}
