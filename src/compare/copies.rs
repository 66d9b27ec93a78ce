//! Near-copies: articles that share most of their wording, as one wire story
//! reprinted by several outlets, or a short version inside a longer one.
//! Their agreement is one origin, not independent confirmation.
//!
//! Each article's text (its included regions) is cut into word 5-grams
//! (shingles), hashed with FNV-1a. Two articles are near-copies when the
//! shingles they share are at least three fifths of the smaller article's
//! (containment, so a short version inside a longer article counts) and at
//! least [`MIN_SHARED`] (a paragraph, so two one-line notes do not).
//!
//! Candidates come from a sample of each article's shingles: every hash
//! divisible by [`STRIDE`], and the [`BOTTOM`] smallest. The sample is the
//! same for a shingle wherever it occurs, so a short article inside a long
//! one shares all of its sampled hashes with it. A small bucket of a sampled
//! hash is checked pair by pair, each pair only in the bucket of its
//! smallest shared sampled hash; a large one (a story copied by hundreds of
//! outlets, or a phrase every article of a site repeats) against a few
//! representatives, so the cost stays linear and no copy is left out.
//! Copies are joined into groups (union-find); each group reports how much
//! of the shorter article's wording is shared, the earliest article where
//! dates are known, and, for each copy, the longest stretch of text it
//! shares with the group's first article.

use crate::analysis::Analysis;
use crate::article::{Article, Span};
use rustc_hash::FxHashMap;

/// Shingles a candidate pair must share, at least.
pub const MIN_SHARED: usize = 20;

/// A shingle is sampled when its hash is divisible by this.
pub const STRIDE: u64 = 32;

/// And an article's smallest hashes are sampled whatever their value.
pub const BOTTOM: usize = 8;

/// Buckets up to this size are checked pair by pair.
const PAIRWISE: usize = 64;

/// Members of a large bucket are checked against at most this many others.
const REPRESENTATIVES: usize = 16;

/// A group of near-copies of one story.
#[derive(Debug, Clone, PartialEq)]
pub struct CopyGroup {
    /// The articles, in input order.
    pub members: Vec<usize>,
    /// The lowest and highest share of the shorter article's shingles found
    /// in the other, over the pairs that joined the group (0–1).
    pub low: f64,
    pub high: f64,
    /// The article with the earliest date, where some have dates and they
    /// are not all the same.
    pub earliest: Option<usize>,
    /// For each member (in `members` order), the longest stretch of its
    /// text it shares with the group's first copy (with the second, for the
    /// first copy itself).
    pub copied: Vec<Span>,
}

/// The words of an article's included text, lowercased, with their bytes.
fn words(article: &Article) -> Vec<(String, Span)> {
    let mut out = Vec::new();
    for region in article.included() {
        let text = article.slice(region);
        let mut start = None;
        for (i, c) in text
            .char_indices()
            .chain(std::iter::once((text.len(), ' ')))
        {
            match (c.is_alphanumeric(), start) {
                (true, None) => start = Some(i),
                (false, Some(s)) => {
                    out.push((
                        text[s..i].to_lowercase(),
                        Span::new(region.start + s, region.start + i),
                    ));
                    start = None;
                }
                _ => {}
            }
        }
    }
    out
}

/// The hash of each word 5-gram in text order: FNV-1a of the five words
/// joined by spaces, then a 0xff byte (the fingerprint function's form).
fn hashes<S: AsRef<str>>(words: &[S]) -> Vec<u64> {
    words
        .windows(5)
        .map(|w| {
            let mut h = crate::fnv::BASIS;
            for (k, word) in w.iter().enumerate() {
                let space = (k > 0).then_some(b' ');
                h = crate::fnv::feed(h, space.into_iter().chain(word.as_ref().bytes()));
            }
            crate::fnv::feed(h, std::iter::once(0xff))
        })
        .collect()
}

/// An article's distinct shingle hashes, sorted.
pub fn shingles(article: &Article) -> Vec<u64> {
    let words: Vec<String> = words(article).into_iter().map(|(w, _)| w).collect();
    let mut out = hashes(&words);
    out.sort_unstable();
    out.dedup();
    out
}

/// The sampled hashes of a sorted shingle set (sorted too).
fn sample(set: &[u64]) -> Vec<u64> {
    let mut out: Vec<u64> = set.iter().copied().filter(|h| h % STRIDE == 0).collect();
    out.extend(set.iter().take(BOTTOM));
    out.sort_unstable();
    out.dedup();
    out
}

/// The share of the smaller set's shingles that the larger has, when the
/// two are near-copies.
fn near(a: &[u64], b: &[u64]) -> Option<f64> {
    let (small, large) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if small.len() < MIN_SHARED {
        return None;
    }
    let shared = small
        .iter()
        .filter(|h| large.binary_search(h).is_ok())
        .count();
    let share = shared as f64 / small.len() as f64;
    (shared >= MIN_SHARED && share >= 0.6).then_some(share)
}

/// The representative of `i`'s set (path halving).
fn root(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

/// The near-copy groups of an analysed set, in order of their first member.
pub fn near_copies(analysis: &Analysis) -> Vec<CopyGroup> {
    use rayon::prelude::*;
    let sets: Vec<Vec<u64>> = analysis
        .articles
        .par_iter()
        .map(|a| shingles(&a.article))
        .collect();
    let samples: Vec<Vec<u64>> = sets.par_iter().map(|s| sample(s)).collect();
    let mut index: FxHashMap<u64, Vec<usize>> = FxHashMap::default();
    for (i, s) in samples.iter().enumerate() {
        if sets[i].len() < MIN_SHARED {
            continue;
        }
        for &h in s {
            index.entry(h).or_default().push(i);
        }
    }
    let small = |h: u64| index.get(&h).is_some_and(|l| l.len() <= PAIRWISE);
    // A pair sharing several sampled hashes sits in several small buckets:
    // it is checked in the bucket of the smallest of them, so no pair is
    // checked twice and nothing needs to remember the pairs seen.
    let first_shared = |i: usize, j: usize, h: u64| -> bool {
        let b = &samples[j];
        !samples[i]
            .iter()
            .take_while(|&&x| x < h)
            .any(|x| b.binary_search(x).is_ok() && small(*x))
    };
    let mut buckets: Vec<(u64, &Vec<usize>)> = index
        .iter()
        .filter(|(_, l)| l.len() >= 2)
        .map(|(h, l)| (*h, l))
        .collect();
    buckets.sort_unstable();
    let mut edges: Vec<(usize, usize, f64)> = buckets
        .par_iter()
        .flat_map_iter(|&(h, list)| {
            let mut found = Vec::new();
            if list.len() <= PAIRWISE {
                for (x, &i) in list.iter().enumerate() {
                    for &j in &list[x + 1..] {
                        if first_shared(i, j, h)
                            && let Some(share) = near(&sets[i], &sets[j])
                        {
                            found.push((i.min(j), i.max(j), share));
                        }
                    }
                }
            } else {
                let mut reps: Vec<usize> = Vec::new();
                for &i in list {
                    let mut matched = false;
                    for &r in &reps {
                        if let Some(share) = near(&sets[r], &sets[i]) {
                            found.push((r.min(i), r.max(i), share));
                            matched = true;
                            break;
                        }
                    }
                    if !matched && reps.len() < REPRESENTATIVES {
                        reps.push(i);
                    }
                }
            }
            found
        })
        .collect();
    // A pair met in more than one large bucket is one edge.
    edges.sort_unstable_by_key(|e| (e.0, e.1));
    edges.dedup_by(|a, b| (a.0, a.1) == (b.0, b.1));
    let mut parent: Vec<usize> = (0..sets.len()).collect();
    for &(i, j, _) in &edges {
        let (ri, rj) = (root(&mut parent, i), root(&mut parent, j));
        parent[ri.max(rj)] = ri.min(rj);
    }
    let mut groups: std::collections::BTreeMap<usize, (Vec<usize>, f64, f64)> =
        std::collections::BTreeMap::new();
    for &(i, j, share) in &edges {
        let g = groups
            .entry(root(&mut parent, i))
            .or_insert((Vec::new(), f64::MAX, 0.0_f64));
        g.0.extend([i, j]);
        g.1 = g.1.min(share);
        g.2 = g.2.max(share);
    }
    groups
        .into_values()
        .map(|(mut members, low, high)| {
            members.sort_unstable();
            members.dedup();
            let articles = &analysis.articles;
            let dated: Vec<(jiff::civil::Date, usize)> = members
                .iter()
                .filter_map(|&m| articles[m].article.date.map(|d| (d, m)))
                .collect();
            let earliest = dated
                .iter()
                .min()
                .filter(|(d, _)| dated.iter().any(|(other, _)| other != d))
                .map(|&(_, m)| m);
            let first = members[0];
            let copied = members
                .iter()
                .map(|&m| {
                    let other = if m == first { members[1] } else { first };
                    copied_span(&articles[m].article, &sets[other])
                })
                .collect();
            CopyGroup {
                members,
                low,
                high,
                earliest,
                copied,
            }
        })
        .collect()
}

/// The longest stretch of `article` whose consecutive shingles are all in
/// `other` (a sorted shingle set): what was copied, in the article's bytes.
pub fn copied_span(article: &Article, other: &[u64]) -> Span {
    let words = words(article);
    let keys: Vec<&str> = words.iter().map(|(w, _)| w.as_str()).collect();
    let mut best: Option<(usize, usize)> = None;
    let mut run: Option<usize> = None;
    let hs = hashes(&keys);
    for (k, h) in hs.iter().chain(std::iter::once(&1)).enumerate() {
        let shared = k < hs.len() && other.binary_search(h).is_ok();
        match (shared, run) {
            (true, None) => run = Some(k),
            (false, Some(s)) => {
                if best.is_none_or(|(bs, be)| k - s > be - bs) {
                    best = Some((s, k));
                }
                run = None;
            }
            _ => {}
        }
    }
    match best {
        // Shingles s..e cover words s..e + 4.
        Some((s, e)) => Span::new(words[s].1.start, words[e + 3].1.end),
        None => Span::default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(text: &str) -> Article {
        let origin = crate::article::Origin {
            path: "a.txt".into(),
            record_line: None,
        };
        Article::new("a.txt".into(), origin, text.to_string())
    }

    #[test]
    fn shingle_hashes_are_the_fnv_of_the_five_words_joined() {
        let text = "The Mayor said the new bridge, Łódź's first, opens on Monday at nine.";
        let words: Vec<String> = text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        let fnv = |s: &str| {
            crate::fnv::feed(
                crate::fnv::feed(crate::fnv::BASIS, s.bytes()),
                std::iter::once(0xff),
            )
        };
        let mut want: Vec<u64> = words.windows(5).map(|w| fnv(&w.join(" "))).collect();
        want.sort_unstable();
        want.dedup();
        assert_eq!(shingles(&article(text)), want);
        assert_eq!(want.len(), words.len() - 4);
    }

    const STORY: &str = "The ferry Nordlys struck a rock off the northern cape late on Tuesday night. \
        All forty passengers were taken off by lifeboat crews from two nearby villages before dawn. \
        The coastguard said the hull was breached in two places and the ship was listing badly. \
        Divers will inspect the wreck on Thursday once the storm has passed, officials said. \
        The shipping line has suspended its winter timetable until further notice.";

    #[test]
    fn a_short_version_inside_a_longer_article_is_a_copy_with_its_span() {
        let long = format!(
            "Harbour news. {STORY} In other news, the town council met to discuss the new \
             library, the budget for road repairs and the plan for a second school."
        );
        let short = STORY.split(". ").take(4).collect::<Vec<_>>().join(". ");
        let other = "The council met on Monday to discuss the budget for road repairs, the new \
            library and a second school, and voted to raise parking fees in the town centre \
            from the first of March, after a long debate that ran late into the evening.";
        let analysis = crate::pipeline::analysed_set(&[long.as_str(), short.as_str(), other]);
        let groups = near_copies(&analysis);
        assert_eq!(groups.len(), 1);
        let g = &groups[0];
        assert_eq!(g.members, [0, 1]);
        assert!(g.high > 0.95, "{}", g.high);
        // The copied stretch of the long article is the story, not the
        // council news around it.
        let copied = analysis.articles[0].article.slice(g.copied[0]);
        assert!(copied.starts_with("The ferry Nordlys"), "{copied}");
        assert!(!copied.contains("council"), "{copied}");
        assert_eq!(g.earliest, None);
    }

    #[test]
    fn the_earliest_copy_is_named_where_dates_differ() {
        let mut analysis = crate::pipeline::analysed_set(&[STORY, STORY, STORY]);
        let date = |s: &str| Some(s.parse::<jiff::civil::Date>().unwrap());
        analysis.articles[0].article.date = date("2024-03-02");
        analysis.articles[1].article.date = date("2024-03-01");
        let groups = near_copies(&analysis);
        assert_eq!(groups.len(), 1);
        assert_eq!(groups[0].members, [0, 1, 2]);
        assert_eq!(groups[0].earliest, Some(1));
        analysis.articles[1].article.date = date("2024-03-02");
        assert_eq!(near_copies(&analysis)[0].earliest, None);
    }

    #[test]
    fn articles_on_one_story_in_their_own_words_are_not_copies() {
        let b = "A passenger ferry hit rocks near the northern cape on Tuesday and began to take \
            on water. Lifeboats from nearby villages rescued everyone on board, about forty \
            people. The coastguard reported two holes in the hull. Divers are due to examine \
            the ship later this week when the weather improves, and the operator has halted \
            its winter sailings.";
        let analysis = crate::pipeline::analysed_set(&[STORY, b]);
        assert!(near_copies(&analysis).is_empty());
    }
}
