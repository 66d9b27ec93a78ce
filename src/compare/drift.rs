//! Quote drift: the same direct quote of the same speaker rendered
//! differently across articles (words changed, cut, or joined).
//!
//! Direct quotes are keyed by their speaker's entity, and quotes with the
//! same words (beyond case and punctuation) are one *version*: a wording
//! repeated by many articles is compared once, and its finding lists every
//! article that carries either wording. Of the drifted pairs, a spanning
//! tree from the most repeated wording is reported: every wording once, so
//! the findings grow with the wordings, not with their pairs. Two versions of one speaker, found
//! in different articles, are the same quote when they share at least half
//! of their distinct word pairs (by the smaller version's count; three
//! quarters when it is under half the other's length); they drift when
//! neither is a contiguous excerpt of the other (quoting part of a sentence
//! is not drift).
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
use crate::grammar::Kind;
use rustc_hash::{FxHashMap, FxHashSet};
use similar::{Algorithm, ChangeTag};

pub use super::model::{DiffPart, Drift, QuoteId};

/// The most other versions one version is compared with.
pub const MAX_CANDIDATES: usize = 2_000;

/// The words of a quote, lowercased, without punctuation; a hyphen joins
/// nothing ("double-act" and "double act" are one wording); British and
/// American spellings are one word ([`house_spelling`]).
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .filter(|w| !w.is_empty())
        .map(|w| house_spelling(&w.to_lowercase().replace('’', "'")))
        .collect()
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

/// A quote's text cut into words, each with the punctuation and space after
/// it, and its comparison key (the word as [`words`] has it), so the diff
/// shows a changed word, never a changed apostrophe, quote mark or comma.
fn tokens(text: &str) -> (Vec<&str>, Vec<String>) {
    let is_word = |c: char| c.is_alphanumeric() || c == '\'' || c == '’';
    let (mut raw, mut keys) = (Vec::new(), Vec::new());
    let mut start = 0;
    let mut in_word = false;
    for (i, c) in text.char_indices() {
        let w = is_word(c);
        if w && !in_word && i > start {
            raw.push(&text[start..i]);
            keys.push(words(&text[start..i]).join(" "));
            start = i;
        }
        in_word = w;
    }
    if start < text.len() {
        raw.push(&text[start..]);
        keys.push(words(&text[start..]).join(" "));
    }
    (raw, keys)
}

/// One wording of one speaker's quote, with every statement that has it.
struct Version {
    speaker: usize,
    words: Vec<String>,
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

/// The versions of every speaker's direct quotes, in order of first use.
fn versions(analysis: &Analysis) -> Vec<Version> {
    let mut out: Vec<Version> = Vec::new();
    let mut by_words: FxHashMap<(usize, Vec<String>), usize> = FxHashMap::default();
    for (ai, item) in analysis.articles.iter().enumerate() {
        let ms = Mentions::new(&item.claims.mentions);
        for (si, r) in item.statements.iter().enumerate() {
            if r.statement.kind != Kind::Direct {
                continue;
            }
            let Some(speaker) = speaker_entity(analysis, ai, si, &ms) else {
                continue;
            };
            let text = item.article.slice(r.statement.span);
            let words = words(text);
            if words.len() < 4 {
                continue;
            }
            let id = QuoteId {
                article: ai,
                statement: si,
            };
            match by_words.entry((speaker, words)) {
                std::collections::hash_map::Entry::Occupied(e) => out[*e.get()].quotes.push(id),
                std::collections::hash_map::Entry::Vacant(e) => {
                    let words = e.key().1.clone();
                    e.insert(out.len());
                    out.push(Version {
                        speaker,
                        words,
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
    let mut edges: Vec<(usize, usize, f64)> = Vec::new();
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
            if let Some(overlap) = same_quote(a, &versions[j]) {
                edges.push((i, j, overlap));
            }
        }
    }
    // One quote's wordings, however many: each shown once, against the
    // most repeated wording where it drifts from it, else against the
    // wording that links it (a spanning tree from the most repeated), so
    // the findings grow with the wordings, not with their pairs.
    let mut next: Vec<Vec<(usize, f64)>> = vec![Vec::new(); versions.len()];
    for &(i, j, overlap) in &edges {
        next[i].push((j, overlap));
        next[j].push((i, overlap));
    }
    let mut reached = vec![false; versions.len()];
    let mut order: Vec<usize> = (0..versions.len())
        .filter(|&i| !next[i].is_empty())
        .collect();
    order.sort_by_key(|&i| (std::cmp::Reverse(versions[i].quotes.len()), i));
    for root in order {
        if reached[root] {
            continue;
        }
        reached[root] = true;
        let mut queue = std::collections::VecDeque::from([root]);
        while let Some(i) = queue.pop_front() {
            let mut around = next[i].clone();
            around.sort_by_key(|&(j, _)| j);
            for (j, overlap) in around {
                if reached[j] {
                    continue;
                }
                reached[j] = true;
                queue.push_back(j);
                if let Some(d) = drift(analysis, &versions[i], &versions[j], overlap) {
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

/// Whether `short` occurs as a contiguous run in `long`.
fn excerpt(short: &[String], long: &[String]) -> bool {
    short.len() <= long.len() && long.windows(short.len()).any(|w| w == short)
}

/// Whether two versions are one quote worded differently, with the share of
/// the smaller's word pairs the other has; also whether they occur in two
/// different articles.
fn same_quote(a: &Version, b: &Version) -> Option<f64> {
    let (short, long) = if a.set.len() <= b.set.len() {
        (a, b)
    } else {
        (b, a)
    };
    if excerpt(&short.words, &long.words) {
        return None;
    }
    let long_set: FxHashSet<u32> = long.set.iter().copied().collect();
    let shared = short.set.iter().filter(|t| long_set.contains(t)).count();
    let overlap = shared as f64 / short.set.len() as f64;
    // A version under half the other's length is a cut of it only if
    // nearly all of it is there: sharing half the pairs of a long passage
    // is what two different quotes of one speaker do.
    let needed = if long.words.len() > 2 * short.words.len() {
        0.75
    } else {
        0.5
    };
    if overlap < needed {
        return None;
    }
    shown(a, b).map(|_| overlap)
}

/// The finding of two versions [`same_quote`] matched.
fn drift(analysis: &Analysis, a: &Version, b: &Version, overlap: f64) -> Option<Drift> {
    let (qa, qb) = shown(a, b)?;
    let ((first, fq), (second, sq)) = if qa <= qb {
        ((a, qa), (b, qb))
    } else {
        ((b, qb), (a, qa))
    };
    let (old, old_keys) = tokens(&first.text);
    let (new, new_keys) = tokens(&second.text);
    let ops = similar::capture_diff_slices(Algorithm::Myers, &old_keys, &new_keys);
    let mut parts: Vec<DiffPart> = Vec::new();
    for change in ops.iter().flat_map(|op| op.iter_changes(&old, &new)) {
        let op = match change.tag() {
            ChangeTag::Equal => "equal",
            ChangeTag::Delete => "removed",
            ChangeTag::Insert => "added",
        };
        let text = change.value();
        match parts.last_mut() {
            Some(last) if last.op == op => last.text.push_str(text),
            _ => parts.push(DiffPart {
                op,
                text: text.to_string(),
            }),
        }
    }
    let others = |v: &Version, shown: QuoteId| -> Vec<QuoteId> {
        v.quotes.iter().copied().filter(|q| *q != shown).collect()
    };
    Some(Drift {
        speaker: analysis.entities.entities[a.speaker].name.clone(),
        a: fq,
        b: sq,
        a_copies: others(first, fq),
        b_copies: others(second, sq),
        overlap: (overlap * 1000.0).round() / 1000.0,
        diff: parts,
        rule: "same-speaker-different-words",
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(s: &str) -> Vec<String> {
        words(s)
    }

    #[test]
    fn an_excerpt_is_not_drift_but_a_cut_is() {
        let long = w("We will be waiting for the delegation at the border tomorrow");
        assert!(excerpt(&w("waiting for the delegation"), &long));
        assert!(!excerpt(
            &w("We will be waiting at the border tomorrow"),
            &long
        ));
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
        let (raw, keys) = tokens("It’s [the] end.");
        assert_eq!(raw.concat(), "It’s [the] end.");
        assert_eq!(keys, ["it's", "the", "end"]);
    }
}
