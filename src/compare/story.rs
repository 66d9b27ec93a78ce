//! The story of a set and the conflicts about it that no event word names:
//! an article that tells the story as true against one that calls it a
//! hoax (`story-debunked`), a clause one source asserts against the
//! same clause another denies or negates (`frame-denied`), and one act told
//! at two times that cannot both be right (`frame-time`).
//!
//! **The story** is what most articles of the set talk about: the content
//! lemmas of their clauses weighted by the share of articles that use them,
//! counted only when at least two articles and at least half of them do.
//! On a set of unrelated articles almost nothing passes, so neither rule
//! fires there. An article is *on the story* when one of its sentences
//! carries enough of that weight; its *central sentence* is the heaviest,
//! earlier sentences first on a tie.
//!
//! **Veracity**: an article debunks the story when it has a veracity
//! statement (see [`crate::claims::veracity`]) about it: in a sentence that
//! carries story weight, or one that points back at the story ("it", "the
//! whole thing", "the report"). It tells the story as true when it is on
//! the story, has no such statement, its central sentence is neither
//! reported nor negated, and its first sentence on the story is not only
//! reported ("claims to have had surgery", "allegedly": that article
//! reports a claim, it does not assert it; a modal alone, "may be the most
//! unbelievable tale", is the writer's own voice). Each debunking article
//! is set against the articles telling the story as true, the most central
//! first, at most [`MAX_PAIRS`] of them (the others are counted in the
//! conflict), so the cost and the output stay linear in the number of
//! articles. The teller's evidence is its central sentence, the lede that
//! states what the debunker calls false.
//!
//! **Denials**: a negated or denied clause about the story is set against a
//! clause of another source that asserts it: the same predicate (or its
//! nominalisation: "no threats were made" / "threatened"; or both words of
//! taking part: "complicit" / "participating") with the same subject, or
//! sentences sharing at least [`SHARED_TERMS`] content words, and never
//! when the two take different objects ("dealt with the case" / "did not
//! deal with the press"). Inside one article only two different sources
//! conflict. Clauses are blocked by predicate stem and event type; each
//! negative clause is compared with at most [`MAX_PAIRS`] positive ones, and
//! each pair of articles gives at most one conflict: the pair of sentences
//! most about the story.
//!
//! **Times**: two asserted clauses of different articles about the story,
//! with related predicates (see [`related`]) and the same subject or object
//! (never two different named subjects, never different complements), each
//! with a time phrase in one of its obliques: days that do not overlap
//! ("on 3 March" / "on 5 March"; a month holding the day is a refinement), or
//! two different weekdays where a date is missing. A time after its
//! article's date is a plan and may move: no conflict. Clauses are blocked by
//! predicate stem and subject or object, at most [`MAX_PAIRS`] conflicts per
//! clause, one per pair of articles.

use crate::analysis::{Analysis, AnalyzedArticle};
use crate::article::Span;
use crate::claims::frames::{Frame, When, stop_term};
use crate::claims::time::Precision;
use crate::claims::veracity::{Veracity, anaphoric};
use crate::compare::model::{Conflict, Evidence, SlotKind, Why};
use crate::wordnet;
use rustc_hash::{FxHashMap, FxHashSet};

/// Each debunking or negative clause is set against at most this many
/// others.
pub const MAX_PAIRS: usize = 8;
/// The first sentences, where an article tells its story.
const LEDE: usize = 3;
/// The share of the lede's heaviest weight its first sentence needs to be
/// the central one.
const LEDE_SHARE: f64 = 0.6;
/// The opening of an article: the sentences in which its first one on the
/// story is looked for.
const OPENING: usize = 5;
/// Story weight a sentence needs for its article to be on the story.
const ON_STORY: f64 = 2.0;
/// Story weight a veracity statement's sentence needs to be about the story
/// by its own words.
const ABOUT_STORY: f64 = 1.0;
/// Content words two sentences must share for a denial to meet an
/// assertion without the same subject.
pub const SHARED_TERMS: usize = 3;
/// How many claims starting before a predicate are looked at for the one
/// whose event word covers it (event words are a few words long).
const TRIGGER_LOOKBACK: usize = 4;

/// The story of a set: a weight per content lemma.
#[derive(Debug, Default)]
pub struct Story {
    weights: FxHashMap<String, f64>,
}

impl Story {
    /// The story of the analysed articles.
    pub fn of(articles: &[AnalyzedArticle]) -> Story {
        Story::of_some(&articles.iter().collect::<Vec<_>>())
    }

    /// The story of some of the articles (one story of the set).
    fn of_some(articles: &[&AnalyzedArticle]) -> Story {
        let with_frames = articles
            .iter()
            .filter(|a| !a.claims.frames.is_empty())
            .count();
        let mut df: FxHashMap<&str, usize> = FxHashMap::default();
        for a in articles {
            let terms: FxHashSet<&str> = a
                .claims
                .frames
                .iter()
                .flat_map(|f| f.terms.iter().map(|t| t.as_str()))
                .collect();
            for t in terms {
                *df.entry(t).or_default() += 1;
            }
        }
        let n = with_frames as f64;
        let weights = df
            .into_iter()
            .filter(|&(_, d)| d >= 2 && 2 * d >= with_frames)
            .map(|(t, d)| (t.to_string(), d as f64 / n))
            .collect();
        Story { weights }
    }

    pub fn weight(&self, term: &str) -> f64 {
        self.weights.get(term).copied().unwrap_or(0.0)
    }
}

/// What one article contributes: its sentences' story weights and content
/// words.
struct Read<'a> {
    /// sentence index → (weight, terms of its clauses).
    sentences: FxHashMap<usize, (f64, FxHashSet<&'a str>)>,
    /// The central sentence and its weight.
    central: Option<(usize, f64)>,
    /// The first [`OPENING`] sentences with clauses, with their weights.
    opening: Vec<(usize, f64)>,
}

fn read<'a>(a: &'a AnalyzedArticle, story: &Story) -> Read<'a> {
    let mut sentences: FxHashMap<usize, (f64, FxHashSet<&'a str>)> = FxHashMap::default();
    for f in &a.claims.frames {
        let e = sentences.entry(f.sentence).or_default();
        for t in &f.terms {
            if e.1.insert(t.as_str()) {
                e.0 += story.weight(t);
            }
        }
    }
    // The lede tells the story: the heaviest of the first LEDE sentences
    // when it is on the story, else the heaviest of all.
    let mut order: Vec<(usize, f64)> = sentences.iter().map(|(&s, x)| (s, x.0)).collect();
    order.sort_by_key(|x| x.0);
    let heaviest = |xs: &[(usize, f64)]| {
        xs.iter()
            .copied()
            .reduce(|best, x| if x.1 > best.1 + 1e-9 { x } else { best })
    };
    // Of the lede, the first sentence that carries most of its weight: the
    // opening sentence states the story, the next ones its details.
    let lede = &order[..order.len().min(LEDE)];
    let top = heaviest(lede).map_or(0.0, |x| x.1);
    let central = lede
        .iter()
        .copied()
        .find(|x| x.1 >= ON_STORY && x.1 >= LEDE_SHARE * top)
        .or_else(|| heaviest(&order));
    order.truncate(OPENING);
    Read {
        sentences,
        central,
        opening: order,
    }
}

/// A clause only reported, not told: "allegedly", "claims to have", "reports
/// that …". A modal auxiliary alone ("may be the most unbelievable tale",
/// "could soon have visitors flocking") is the writer's own voice, not a
/// report of someone else's claim.
fn reported(f: &Frame) -> bool {
    f.hedge.is_some() && f.hedge != f.modal
}

/// A sentence that tells something as fact: none of its clauses reported
/// ("allegedly", "claims to have") or negated.
fn asserted(a: &AnalyzedArticle, s: usize) -> bool {
    frames_in(a, s)
        .iter()
        .all(|f| !reported(f) && !f.negative())
}

fn sentence_span(a: &AnalyzedArticle, s: usize) -> Span {
    a.segments
        .sentences
        .get(s)
        .map_or(Span::new(0, 0), |x| x.span)
}

/// The frame that best stands for a sentence: its root clause, else its
/// first.
fn main_frame(a: &AnalyzedArticle, s: usize) -> Option<&Frame> {
    let fs = frames_in(a, s);
    fs.iter()
        .find(|f| f.clause == "root")
        .or_else(|| fs.first())
}

/// The frames of one sentence. Frames are stored in sentence order, so
/// this is a binary search, not a scan of the article.
fn frames_in(a: &AnalyzedArticle, s: usize) -> &[Frame] {
    let fs = &a.claims.frames;
    let lo = fs.partition_point(|f| f.sentence < s);
    let hi = lo + fs[lo..].partition_point(|f| f.sentence <= s);
    &fs[lo..hi]
}

/// Every conflict about the story of the set.
pub fn conflicts(analysis: &Analysis) -> Vec<Conflict> {
    let arts = &analysis.articles;
    // Each story of the set has its words; an article is read with its
    // story's, so a set of several stories is read story by story. These
    // rules are for a set about one story (a rumour and what outlets made
    // of it): only a story of two articles or more that holds at least a
    // quarter of the set is read; on a set of unrelated articles (the
    // stories of a year of news) none is.
    let stories: Vec<Story> = if analysis.stories.stories.is_empty() {
        vec![Story::of(arts)]
    } else {
        let n = arts.len();
        analysis
            .stories
            .stories
            .iter()
            .map(|s| {
                if s.articles.len() >= 2 && 4 * s.articles.len() >= n {
                    Story::of_some(&s.articles.iter().map(|&a| &arts[a]).collect::<Vec<_>>())
                } else {
                    Story::default()
                }
            })
            .collect()
    };
    if stories.iter().all(|s| s.weights.is_empty()) {
        return Vec::new();
    }
    let story_of = |a: usize| analysis.stories.of.get(a).copied().unwrap_or(0);
    let reads: Vec<Read<'_>> = arts
        .iter()
        .enumerate()
        .map(|(ai, a)| read(a, &stories[story_of(ai)]))
        .collect();
    let mut out = veracity(analysis, &reads);
    out.extend(denials(analysis, &reads));
    out.extend(other_times(analysis, &reads));
    out
}

/// A veracity statement about the story, with its sentence's weight.
fn about_story<'a>(a: &'a AnalyzedArticle, r: &Read<'_>, on_story: bool) -> Option<&'a Veracity> {
    let weight = |v: &Veracity| r.sentences.get(&v.sentence).map_or(0.0, |x| x.0);
    a.claims
        .veracity
        .iter()
        .filter(|v| {
            let w = weight(v);
            let by_words = if v.strong {
                w >= ABOUT_STORY
            } else {
                w >= ON_STORY
            };
            by_words || (v.strong && on_story && anaphoric(v.about.as_ref()))
        })
        .min_by(|x, y| {
            // A strong word counts as much as one more story word.
            let rank = |v: &Veracity| weight(v) + if v.strong { 1.0 } else { 0.0 };
            rank(y)
                .total_cmp(&rank(x))
                .then(x.sentence.cmp(&y.sentence))
        })
}

fn veracity(analysis: &Analysis, reads: &[Read<'_>]) -> Vec<Conflict> {
    let arts = &analysis.articles;
    let on_story: Vec<bool> = reads
        .iter()
        .map(|r| r.central.is_some_and(|(_, w)| w >= ON_STORY))
        .collect();
    let mut debunks: Vec<(usize, &Veracity)> = Vec::new();
    // (article, its central sentence, that sentence's weight).
    let mut tellers: Vec<(usize, usize, f64)> = Vec::new();
    for (ai, a) in arts.iter().enumerate() {
        if let Some(v) = about_story(a, &reads[ai], on_story[ai]) {
            debunks.push((ai, v));
            continue;
        }
        let Some((s, w)) = reads[ai].central.filter(|_| on_story[ai]) else {
            continue;
        };
        // An article whose first sentence on the story is only reported
        // ("claims to have had surgery", "allegedly") reports a claim; it
        // does not tell it as true. Later hedges are details ("she
        // reportedly spent $20,000"), not the article's stance.
        let hedged_opening = reads[ai]
            .opening
            .iter()
            .find(|&&(_, ow)| ow >= ABOUT_STORY)
            .is_some_and(|&(o, _)| frames_in(a, o).iter().any(reported));
        if asserted(a, s) && !hedged_opening {
            tellers.push((ai, s, w));
        }
    }
    tellers.sort_by(|x, y| y.2.total_cmp(&x.2).then(x.0.cmp(&y.0)));
    let mut out = Vec::new();
    for &(di, v) in &debunks {
        let others: Vec<(usize, usize)> = tellers
            .iter()
            .filter(|t| t.0 != di && analysis.stories.same(t.0, di))
            .map(|t| (t.0, t.1))
            .collect();
        let more = others.len().saturating_sub(MAX_PAIRS);
        // The teller's evidence is its central sentence: the lede that
        // states the story is what the debunking calls false.
        for &(ti, s) in others.iter().take(MAX_PAIRS) {
            let told = &arts[ti];
            let head = main_frame(told, s).map_or(sentence_span(told, s), |f| f.head);
            out.push(Conflict {
                topic: format!(
                    "Whether the story is true (\u{201c}{}\u{201d})",
                    opening(told.article.slice(sentence_span(told, s)), 12)
                ),
                slot: SlotKind::Veracity,
                rule: "story-debunked",
                sides: [
                    Evidence {
                        article: ti,
                        sentence: sentence_span(told, s),
                        cue: head,
                        value: "told as true".to_string(),
                        statement: main_frame(told, s).and_then(|f| f.statement),
                    },
                    Evidence {
                        article: di,
                        sentence: sentence_span(&arts[di], v.sentence),
                        cue: v.cue,
                        value: verdict(&v.word, arts[di].article.slice(v.cue)),
                        statement: v.statement,
                    },
                ],
                why: Why {
                    event: "the story".to_string(),
                    shared: Vec::new(),
                    from: None,
                    to: None,
                },
                more,
            });
        }
    }
    out
}

/// The first `words` words of a sentence, with an ellipsis when cut.
fn opening(sentence: &str, words: usize) -> String {
    let mut it = sentence.split_whitespace();
    let head: Vec<&str> = it.by_ref().take(words).collect();
    let mut s = head.join(" ");
    if it.next().is_some() {
        s.push('\u{2026}');
    }
    s
}

/// How the debunking side reads: "denied", "called a hoax", "called an
/// exaggeration", and for a word that is no countable noun its own text:
/// "called “not true”", "called “exaggerated”".
fn verdict(word: &str, written: &str) -> String {
    const NOUNS: &[&str] = &[
        "hoax",
        "fake",
        "fraud",
        "fabrication",
        "fiction",
        "satire",
        "prank",
        "lie",
        "sham",
        "spoof",
        "parody",
        "falsehood",
        "scam",
        "mockumentary",
        "exaggeration",
    ];
    if word == "denied" {
        word.to_string()
    } else if NOUNS.contains(&word) {
        let article = if word.starts_with(['a', 'e', 'i', 'o', 'u']) {
            "an"
        } else {
            "a"
        };
        format!("called {article} {word}")
    } else if word.starts_with("not ") || word.starts_with("no ") || written.trim().is_empty() {
        format!("called \u{201c}{word}\u{201d}")
    } else {
        format!("called \u{201c}{}\u{201d}", written.trim())
    }
}

/// Two predicates name the same act: equal, one the other's nominalisation
/// (a shared stem of five letters or more, all but two letters of the
/// shorter), related verbs in WordNet ([`wordnet::related`]: "buy" and
/// "purchase", "murder" and "kill"), or both words of taking part in
/// something.
fn related(a: &str, b: &str) -> bool {
    if wordnet::related(a, b) {
        return true;
    }
    if involvement(a) && involvement(b) {
        return true;
    }
    let common = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
    let shorter = a.len().min(b.len());
    common >= 5 && common + 2 >= shorter
}

/// Words of taking part in what someone else does.
fn involvement(lemma: &str) -> bool {
    matches!(
        lemma,
        "participate"
            | "participation"
            | "complicit"
            | "complicity"
            | "involve"
            | "involved"
            | "involvement"
            | "collude"
            | "collusion"
            | "join"
    )
}

/// Verbs too light to carry a claim: their object does ("no threats were
/// made": the threat).
fn light(lemma: &str) -> bool {
    matches!(
        lemma,
        "make" | "have" | "hold" | "issue" | "give" | "carry" | "take"
    )
}

/// The predicate a frame asserts: its verb, or a light verb's object.
fn predicate(f: &Frame) -> Option<&str> {
    let p = if light(&f.predicate) {
        f.object.as_ref().map(|o| o.head.as_str())?
    } else {
        f.predicate.as_str()
    };
    (!stop_term(p) && p.chars().all(char::is_alphabetic) && p.len() > 2).then_some(p)
}

/// The subject a frame is about, resolved one step: a possessive or
/// personal pronoun in a denied clause is the denier ("Minsk denied that
/// its forces …").
fn subject<'a>(a: &'a AnalyzedArticle, f: &'a Frame) -> Option<&'a str> {
    let s = f.subject.as_ref()?;
    if s.upos == "PRON" || a.article.slice(s.span).to_lowercase().starts_with("its ") {
        let d = f.denied_by.and_then(|d| a.claims.frames.get(d))?;
        return d.subject.as_ref().map(|x| x.head.as_str());
    }
    Some(s.head.as_str())
}

/// What an asserted clause is about, in its own words: "Whether Minsk
/// takes part (was complicit in the Russian invasion)", "Whether the Obama
/// administration threatened him".
fn topic(a: &AnalyzedArticle, f: &Frame, predicate: &str) -> String {
    let text = |s: Span| opening(a.article.slice(s), 8);
    let subject = f.subject.as_ref().map(|s| text(s.span));
    let clause = {
        let start = f
            .subject
            .as_ref()
            .or(f.object.as_ref().filter(|o| o.span.start < f.head.start))
            .map_or(f.head.start, |s| s.span.start.min(f.head.start));
        let end = f
            .object
            .as_ref()
            .map_or(f.head.end, |o| o.span.end.max(f.head.end));
        let end = a
            .segments
            .sentences
            .get(f.sentence)
            .map_or(end, |s| end.max(f.head.end).min(s.span.end));
        opening(&a.article.text[start..end], 14)
    };
    match subject {
        Some(s) if involvement(predicate) => format!("Whether {s} takes part ({clause})"),
        _ if clause.split_whitespace().count() > 1 => format!("Whether {}", lower_first(&clause)),
        _ => format!("Whether it happened ({clause})"),
    }
}

/// "The grid was attacked" → "the grid was attacked"; names keep their
/// capital ("Minsk was complicit").
fn lower_first(s: &str) -> String {
    let mut words = s.splitn(2, ' ');
    let first = words.next().unwrap_or("");
    let rest = words.next().unwrap_or("");
    let lower = matches!(
        first,
        "The"
            | "A"
            | "An"
            | "Its"
            | "His"
            | "Her"
            | "Their"
            | "Our"
            | "This"
            | "That"
            | "These"
            | "Those"
            | "Some"
            | "No"
    );
    let first = if lower {
        first.to_lowercase()
    } else {
        first.to_string()
    };
    if rest.is_empty() {
        first
    } else {
        format!("{first} {rest}")
    }
}

/// Who asserts a clause: the statement's chain origin, else the article.
fn origin(a: &AnalyzedArticle, f: &Frame) -> String {
    f.statement
        .and_then(|i| a.chains.get(i))
        .and_then(|c| c.origin())
        .map_or_else(|| a.article.id.clone(), |l| l.name.to_lowercase())
}

/// A relative or interrogative pronoun, which stands for a phrase elsewhere.
fn relative(lemma: &str) -> bool {
    matches!(
        lemma,
        "that" | "which" | "who" | "whom" | "what" | "whatever"
    )
}

/// The typed claim whose event word is a frame's predicate: its event
/// type, the entities it names and the country it puts the event in.
struct Typed<'a> {
    event: &'a str,
    entities: Vec<usize>,
    country: Option<&'a str>,
}

/// The typed claim of every frame of an article, found by binary search in
/// the claims sorted by where their event word starts.
fn typed_frames<'a>(analysis: &'a Analysis, ai: usize) -> Vec<Option<Typed<'a>>> {
    let item = &analysis.articles[ai];
    let claims = &item.claims.claims;
    let mut order: Vec<usize> = (0..claims.len()).collect();
    order.sort_by_key(|&k| (claims[k].trigger.start, k));
    item.claims
        .frames
        .iter()
        .map(|f| {
            let end = order.partition_point(|&k| claims[k].trigger.start <= f.head.start);
            // Of the (few) triggers starting at or before the predicate,
            // the first in claim order that covers it.
            let k = order[end.saturating_sub(TRIGGER_LOOKBACK)..end]
                .iter()
                .copied()
                .filter(|&k| f.head.end <= claims[k].trigger.end)
                .min()?;
            let c = &claims[k];
            if c.event == "statement" {
                return None;
            }
            let mut entities: Vec<usize> = c
                .participants
                .iter()
                .filter_map(|p| analysis.entities.of.get(ai)?.get(p.mention).copied())
                .collect();
            entities.sort_unstable();
            entities.dedup();
            let country = c.place.as_ref().and_then(|p| p.country.as_deref());
            Some(Typed {
                event: c.event.as_str(),
                entities,
                country,
            })
        })
        .collect()
}

fn denials(analysis: &Analysis, reads: &[Read<'_>]) -> Vec<Conflict> {
    let arts = &analysis.articles;
    // Positive clauses by the first five letters of their predicate, and
    // the negative ones to compare with them.
    // Clauses meet only within one story of the set: its number leads the
    // key.
    let story_of = |a: usize| analysis.stories.of.get(a).copied().unwrap_or(0);
    let stem = |ai: usize, p: &str| -> String {
        let story = story_of(ai);
        if involvement(p) {
            format!("{story}:(involvement)")
        } else {
            format!("{story}:{}", p.chars().take(5).collect::<String>())
        }
    };
    let weight_of = |ai: usize, s: usize| reads[ai].sentences.get(&s).map_or(0.0, |x| x.0);
    let types: Vec<Vec<Option<Typed<'_>>>> = (0..arts.len())
        .map(|ai| typed_frames(analysis, ai))
        .collect();
    let typed = |ai: usize, fi: usize| types[ai][fi].as_ref();
    let mut positive: FxHashMap<String, Vec<(usize, usize)>> = FxHashMap::default();
    let mut negative: Vec<(usize, usize)> = Vec::new();
    for (ai, a) in arts.iter().enumerate() {
        for (fi, f) in a.claims.frames.iter().enumerate() {
            let Some(p) = predicate(f) else { continue };
            if weight_of(ai, f.sentence) < ABOUT_STORY {
                continue;
            }
            if f.negative() {
                // A denial by someone, or a negation that is the sentence's
                // own claim ("We didn't threaten anybody", "was never
                // discussed"), not one inside a purpose or modal clause
                // ("so he wouldn't turn into …").
                let plain_negation = f.denied_by.is_none()
                    && matches!(f.clause.as_str(), "root" | "conj" | "ccomp" | "parataxis")
                    && f.modal.is_none();
                if f.hedge.is_none() && (f.denied_by.is_some() || plain_negation) {
                    negative.push((ai, fi));
                }
            } else if f.hedge.is_none() && f.clause != "xcomp" {
                positive.entry(stem(ai, p)).or_default().push((ai, fi));
                if let Some(t) = typed(ai, fi) {
                    positive
                        .entry(format!("{}:event:{}", story_of(ai), t.event))
                        .or_default()
                        .push((ai, fi));
                }
            }
        }
    }
    // One conflict per pair of articles: the pair of sentences most about
    // the story, the earliest on a tie.
    let mut best = PerPair::default();
    for &(ai, fi) in &negative {
        let a = &arts[ai];
        let f = &a.claims.frames[fi];
        let Some(p) = predicate(f) else { continue };
        let by_event = typed(ai, fi)
            .and_then(|t| positive.get(&format!("{}:event:{}", story_of(ai), t.event)));
        let bucket = positive
            .get(&stem(ai, p))
            .into_iter()
            .chain(by_event)
            .flatten();
        let terms = &reads[ai].sentences[&f.sentence].1;
        let mut taken = 0;
        for &(bi, gi) in bucket {
            if taken == MAX_PAIRS {
                break;
            }
            let b = &arts[bi];
            let g = &b.claims.frames[gi];
            let Some(q) = predicate(g) else { continue };
            let same_type = matches!(
                (typed(ai, fi), typed(bi, gi)),
                (Some(x), Some(y)) if x.event == y.event
            );
            // Inside one article, only two different sources disagree
            // (Zelenskiy's "Minsk is complicit" against Minsk's denial); the
            // narration does not contradict itself.
            if !(related(p, q) || same_type) || (bi == ai && origin(a, f) == origin(b, g)) {
                continue;
            }
            if bi == ai && g.sentence == f.sentence {
                continue;
            }
            let same_subject = match (subject(a, f), subject(b, g)) {
                (Some(x), Some(y)) => x == y,
                _ => false,
            };
            let shared = terms
                .intersection(&reads[bi].sentences[&g.sentence].1)
                .filter(|t| !related(t, p))
                .count();
            // The event lexicon's types are the surest sign of one thing:
            // the same event type naming a shared entity ("nobody was
            // injured" near Homel / "two workers were injured", said
            // Minsk).
            let same_event = match (typed(ai, fi), typed(bi, gi)) {
                (Some(x), Some(y)) => {
                    x.event == y.event
                        && (x.entities.iter().any(|e| y.entities.contains(e))
                            || x.country.is_some() && x.country == y.country)
                }
                _ => false,
            };
            // Or the same thing done to: "denied that the grid had been
            // hacked" / "the grid was attacked".
            let same_object = match (&f.object, &g.object) {
                (Some(x), Some(y)) => x.head == y.head && x.upos != "PRON",
                _ => false,
            };
            // What the predicate takes must not differ: "dealt with her
            // son's case" is not "did not deal with the press", "wants a
            // show" is not "doesn't want to date".
            let other_complement = match (&f.complement, &g.complement) {
                (Some(x), Some(y)) => x != y && !relative(x) && !relative(y),
                _ => false,
            };
            if other_complement && !same_event {
                continue;
            }
            if !(same_event
                || (same_subject || same_object && same_type) && shared >= 1
                || shared >= SHARED_TERMS)
            {
                continue;
            }
            taken += 1;
            let what = topic(b, g, q);
            let value_of = |x: &Frame| {
                if x.denied_by.is_some() {
                    "denied".to_string()
                } else if x.negative() {
                    "did not happen".to_string()
                } else {
                    "happened".to_string()
                }
            };
            let conflict = Conflict {
                topic: what,
                slot: SlotKind::Polarity,
                rule: "frame-denied",
                sides: [
                    Evidence {
                        article: bi,
                        sentence: sentence_span(b, g.sentence),
                        cue: g.head,
                        value: value_of(g),
                        statement: g.statement,
                    },
                    Evidence {
                        article: ai,
                        sentence: sentence_span(a, f.sentence),
                        cue: f
                            .denied_by
                            .and_then(|d| a.claims.frames.get(d))
                            .map_or(f.negation.unwrap_or(f.head), |d| d.head),
                        value: value_of(f),
                        statement: f.statement,
                    },
                ],
                why: Why {
                    event: q.to_string(),
                    shared: Vec::new(),
                    from: None,
                    to: None,
                },
                more: 0,
            };
            best.offer(
                (ai, f.sentence),
                (bi, g.sentence),
                weight_of(ai, f.sentence) + weight_of(bi, g.sentence),
                conflict,
            );
        }
    }
    best.into_sorted()
}

/// One conflict per pair of articles: the one whose two sentences weigh
/// most in the story, the earliest pair of sentences on a tie.
#[derive(Default)]
struct PerPair {
    /// (first article, second article) → (weight, the pair's sentences,
    /// the conflict).
    best: FxHashMap<(usize, usize), Kept>,
}

type Kept = (f64, (usize, usize), Conflict);

impl PerPair {
    /// Offers a conflict between sentence `x.1` of article `x.0` and
    /// sentence `y.1` of article `y.0`, with the pair's story weight.
    fn offer(&mut self, x: (usize, usize), y: (usize, usize), score: f64, conflict: Conflict) {
        let order = (x.1.min(y.1), x.1.max(y.1));
        let key = (x.0.min(y.0), x.0.max(y.0));
        let better = self.best.get(&key).is_none_or(|(s0, o0, _)| {
            score > s0 + 1e-9 || ((score - s0).abs() <= 1e-9 && order < *o0)
        });
        if better {
            self.best.insert(key, (score, order, conflict));
        }
    }

    /// The kept conflicts, by pair of articles.
    fn into_sorted(self) -> Vec<Conflict> {
        let mut out: Vec<((usize, usize), Conflict)> = self
            .best
            .into_iter()
            .map(|(key, (_, _, c))| (key, c))
            .collect();
        out.sort_by_key(|x| x.0);
        out.into_iter().map(|x| x.1).collect()
    }
}

/// The phrase and days of a frame's time, as a reader would say them:
/// "on Wednesday (2014-12-24)", "in 1907".
fn when_value(a: &AnalyzedArticle, w: &When) -> String {
    let phrase = opening(a.article.slice(w.span), 6);
    match &w.value {
        // A relative phrase ("on Wednesday", "yesterday") gets its day.
        Some(v) if v.precision == Precision::Day && !has_year(&phrase) => {
            format!("{phrase} ({})", v.start)
        }
        _ => phrase,
    }
}

/// Whether a phrase writes a year ("3 March 2021", "in 1907").
fn has_year(phrase: &str) -> bool {
    phrase
        .split(|c: char| !c.is_ascii_digit())
        .any(|d| d.len() == 4)
}

/// Whether two frame times cannot both be right: resolved days that do not
/// overlap, or two different weekdays when a date is missing (an undated
/// article's "on Tuesday" against another's "on Wednesday"). A time still
/// ahead of its article is a plan, which may move: no conflict.
fn times_conflict(a: &AnalyzedArticle, x: &When, b: &AnalyzedArticle, y: &When) -> bool {
    let ahead = |art: &AnalyzedArticle, w: &When| match (&w.value, art.article.date) {
        (Some(v), Some(d)) => v.start > d,
        _ => false,
    };
    if ahead(a, x) || ahead(b, y) {
        return false;
    }
    match (&x.value, &y.value) {
        (Some(u), Some(v)) => !u.overlaps(v),
        _ => matches!((&x.weekday, &y.weekday), (Some(p), Some(q)) if p != q),
    }
}

/// The same act by the same one, told at times that cannot both be right
/// ("became his godmother on Tuesday" / "… on Wednesday"; "the law dates
/// from 1907" / "from 1974"). Both clauses asserted, neither hedged nor
/// modal, in different articles, both about the story; one conflict per pair
/// of articles, as for denials.
fn other_times(analysis: &Analysis, reads: &[Read<'_>]) -> Vec<Conflict> {
    let arts = &analysis.articles;
    let weight_of = |ai: usize, s: usize| reads[ai].sentences.get(&s).map_or(0.0, |x| x.0);
    let mut by_stem: FxHashMap<String, Vec<(usize, usize)>> = FxHashMap::default();
    for (ai, a) in arts.iter().enumerate() {
        for (fi, f) in a.claims.frames.iter().enumerate() {
            let Some(p) = predicate(f) else { continue };
            if f.time.is_none()
                || f.negative()
                || f.hedge.is_some()
                || f.modal.is_some()
                || f.clause == "xcomp"
                || weight_of(ai, f.sentence) < ABOUT_STORY
            {
                continue;
            }
            // Blocked by the predicate's stem and the subject or object
            // that must be shared, so a bucket holds one act of one thing.
            // One story's clauses only (its number leads the key).
            let story = analysis.stories.of.get(ai).copied().unwrap_or(0);
            let stem: String = p.chars().take(5).collect();
            let stem = format!("{story}:{stem}");
            if let Some(s) = subject(a, f) {
                by_stem
                    .entry(format!("s:{stem}:{s}"))
                    .or_default()
                    .push((ai, fi));
            }
            if let Some(o) = f.object.as_ref().filter(|o| o.upos != "PRON") {
                by_stem
                    .entry(format!("o:{stem}:{}", o.head))
                    .or_default()
                    .push((ai, fi));
            }
        }
    }
    let mut best = PerPair::default();
    let mut stems: Vec<&String> = by_stem.keys().collect();
    stems.sort();
    for stem in stems {
        let bucket = &by_stem[stem];
        for (k, &(ai, fi)) in bucket.iter().enumerate() {
            let a = &arts[ai];
            let f = &a.claims.frames[fi];
            let (Some(p), Some(x)) = (predicate(f), f.time.as_ref()) else {
                continue;
            };
            let mut taken = 0;
            for &(bi, gi) in &bucket[k + 1..] {
                if taken == MAX_PAIRS {
                    break;
                }
                if bi == ai {
                    continue;
                }
                let b = &arts[bi];
                let g = &b.claims.frames[gi];
                let (Some(q), Some(y)) = (predicate(g), g.time.as_ref()) else {
                    continue;
                };
                if !related(p, q) {
                    continue;
                }
                // The same one doing it, or the same thing done.
                let same_subject = matches!(
                    (subject(a, f), subject(b, g)),
                    (Some(s), Some(t)) if s == t
                );
                let same_object = matches!(
                    (&f.object, &g.object),
                    (Some(o), Some(r)) if o.head == r.head && o.upos != "PRON"
                );
                let other_complement = matches!(
                    (&f.complement, &g.complement),
                    (Some(c), Some(d)) if c != d
                );
                // Two named doers are two acts ("the mayor closed" / "the
                // governor closed").
                let other_subject = matches!(
                    (subject(a, f), subject(b, g)),
                    (Some(s), Some(t)) if s != t
                );
                if !(same_subject || same_object) || other_subject || other_complement {
                    continue;
                }
                if !times_conflict(a, x, b, y) {
                    continue;
                }
                taken += 1;
                let conflict = Conflict {
                    topic: format!("When {}", topic(a, f, p).trim_start_matches("Whether ")),
                    slot: SlotKind::Time,
                    rule: "frame-time",
                    sides: [
                        Evidence {
                            article: ai,
                            sentence: sentence_span(a, f.sentence),
                            cue: x.span,
                            value: when_value(a, x),
                            statement: f.statement,
                        },
                        Evidence {
                            article: bi,
                            sentence: sentence_span(b, g.sentence),
                            cue: y.span,
                            value: when_value(b, y),
                            statement: g.statement,
                        },
                    ],
                    why: Why {
                        event: p.to_string(),
                        shared: Vec::new(),
                        from: None,
                        to: None,
                    },
                    more: 0,
                };
                best.offer(
                    (ai, f.sentence),
                    (bi, g.sentence),
                    weight_of(ai, f.sentence) + weight_of(bi, g.sentence),
                    conflict,
                );
            }
        }
    }
    best.into_sorted()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_debunking_side_reads_as_english() {
        assert_eq!(verdict("hoax", "hoax"), "called a hoax");
        assert_eq!(
            verdict("exaggeration", "exaggeration"),
            "called an exaggeration"
        );
        assert_eq!(
            verdict("exaggerate", "exaggerated"),
            "called \u{201c}exaggerated\u{201d}"
        );
        assert_eq!(
            verdict("not true", "true"),
            "called \u{201c}not true\u{201d}"
        );
        assert_eq!(verdict("denied", "denied"), "denied");
    }

    fn set(texts: &[&str]) -> Analysis {
        crate::pipeline::analysed_set(texts)
    }

    const TOLD: [&str; 3] = [
        "A crocodile was spotted swimming in the flooded streets of Harbourton after the storm.\n\n\
         Residents filmed the animal near the market.\n",
        "Residents of Harbourton say a crocodile swam through the flooded streets after the storm.\n\n\
         The video has been shared thousands of times.\n",
        "Footage shows a crocodile swimming in the flooded streets of Harbourton after Sunday's storm.\n\n\
         Police asked people to stay indoors.\n",
    ];

    #[test]
    fn a_hoax_call_is_set_against_the_articles_telling_the_story() {
        let debunk = "The crocodile in the flooded streets of Harbourton is a hoax, the zoo said.\n\n\
                      The video was made years ago in another country.\n";
        let mut texts = TOLD.to_vec();
        texts.push(debunk);
        let conflicts = conflicts(&set(&texts));
        let debunked: Vec<&Conflict> = conflicts
            .iter()
            .filter(|c| c.rule == "story-debunked")
            .collect();
        assert_eq!(debunked.len(), 3, "{conflicts:#?}");
        for c in &debunked {
            assert_eq!(c.sides[1].article, 3);
            assert_eq!(c.sides[1].value, "called a hoax");
            assert!(c.sides[0].article < 3);
            assert!(c.topic.starts_with("Whether the story is true"));
        }
        // Without the debunking article, the tellers agree.
        assert!(super::conflicts(&set(&TOLD)).is_empty());
    }

    #[test]
    fn an_article_reporting_the_claim_is_not_a_teller_but_a_later_hedge_is_a_detail() {
        let debunk =
            "The crocodile in the flooded streets of Harbourton is a hoax, the zoo said.\n";
        // Its lede only reports the sighting: no conflict with the hoax call.
        let reporting = "A crocodile was allegedly spotted swimming in the flooded streets of \
                         Harbourton after the storm.\n";
        let c = conflicts(&set(&[TOLD[0], reporting, debunk]));
        let tellers: Vec<usize> = c.iter().map(|c| c.sides[0].article).collect();
        assert_eq!(tellers, [0], "{c:#?}");
        // A hedge after the lede is a detail; a modal is the writer's voice.
        let detailed = "A crocodile may have been the strangest sight in the flooded streets of \
                        Harbourton after the storm.\n\n\
                        The animal was reportedly three metres long.\n";
        let c = conflicts(&set(&[TOLD[0], detailed, debunk]));
        let mut tellers: Vec<usize> = c.iter().map(|c| c.sides[0].article).collect();
        tellers.sort_unstable();
        assert_eq!(tellers, [0, 1], "{c:#?}");
    }

    #[test]
    fn a_denial_meets_the_clause_it_denies_and_a_possibility_does_not() {
        let asserted =
            "The mayor closed the harbour of Harbourton after the explosion on Monday.\n";
        let denied = "The port authority denied that the mayor closed the harbour of Harbourton \
                      after the explosion.\n";
        let c = conflicts(&set(&[asserted, denied]));
        assert_eq!(c.len(), 1, "{c:#?}");
        assert_eq!(c[0].rule, "frame-denied");
        assert_eq!(c[0].sides[0].value, "happened");
        assert_eq!(c[0].sides[1].value, "denied");
        assert_eq!(c[0].sides[1].article, 1);
        let maybe = "The mayor would not close the harbour of Harbourton after the explosion.\n";
        assert!(conflicts(&set(&[asserted, maybe])).is_empty());
    }

    #[test]
    fn the_same_act_at_two_times_conflicts_and_a_refinement_does_not() {
        let a = "The mayor closed the harbour of Harbourton after the explosion on 3 March 2021.\n";
        let b = "The mayor closed the harbour of Harbourton after the explosion on 5 March 2021.\n";
        let c = conflicts(&set(&[a, b]));
        let times: Vec<&Conflict> = c.iter().filter(|c| c.rule == "frame-time").collect();
        assert_eq!(times.len(), 1, "{c:#?}");
        assert_eq!(times[0].slot, SlotKind::Time);
        assert_eq!(
            times[0].topic,
            "When the mayor closed the harbour of Harbourton"
        );
        assert_eq!(times[0].sides[0].value, "on 3 March 2021");
        assert_eq!(times[0].sides[1].value, "on 5 March 2021");
        // A month that holds the day is a refinement, not a conflict.
        let month =
            "The mayor closed the harbour of Harbourton after the explosion in March 2021.\n";
        let c = conflicts(&set(&[a, month]));
        assert!(c.iter().all(|c| c.rule != "frame-time"), "{c:#?}");
        // Undated articles naming two weekdays for the same act disagree.
        let tue = "On Tuesday the mayor closed the harbour of Harbourton after the explosion.\n";
        let wed = "On Wednesday the mayor closed the harbour of Harbourton after the explosion.\n";
        let c = conflicts(&set(&[tue, wed]));
        assert_eq!(
            c.iter().filter(|c| c.rule == "frame-time").count(),
            1,
            "{c:#?}"
        );
        // Someone else closing it on another day is another act.
        let other =
            "On Wednesday the governor closed the harbour of Harbourton after the explosion.\n";
        let c = conflicts(&set(&[tue, other]));
        assert!(c.iter().all(|c| c.rule != "frame-time"), "{c:#?}");
    }

    #[test]
    fn unrelated_articles_have_no_story_and_no_conflict() {
        let a = "The council approved a new budget for the schools on Tuesday.\n";
        let b = "The striker did not score in the final, and the club lost the cup.\n";
        let analysis = set(&[a, b]);
        assert!(Story::of(&analysis.articles).weights.is_empty());
        assert!(conflicts(&analysis).is_empty());
    }
}
