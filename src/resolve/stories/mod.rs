//! Stories: the set cut into the stories its articles tell, so that claims
//! are compared only with claims about the same story, and a set that is
//! not one story says so.
//!
//! Each article is a vector of its words weighted by TF-IDF: a word counts
//! `1 + ln(tf)` times its rarity, `ln((D + N + 1) / (d + n))`, where `D` and
//! `d` are the documents of a background corpus and those holding the word
//! (the English Web Treebank, [`ewt-df.tsv`](./ewt-df.tsv)), and `N`, `n`
//! the same in the set. The background makes a small set work: in three
//! articles about one ferry, "ferry" and the captain's name are rare
//! words, "the" and "said" are not, though every article has them all. In
//! a large set the set's own counts take over: "Blair" in a year of British
//! politics is common. Each vector keeps its [`KEPT_TERMS`] heaviest words.
//!
//! Articles are joined by average linkage: the candidate pairs (articles
//! sharing one of their [`TOP_TERMS`] heaviest words, at most
//! [`NEIGHBOURS`] an article, [`PER_WORD`] a word) are taken from the most
//! similar down; two
//! stories merge when the mean cosine between their articles is at least
//! [`THRESHOLD`] (kept as the sum of each story's vectors, so one test is one
//! dot product). Average linkage does not chain
//! (a story about a budget and one about an election are not joined
//! through an article that mentions both), and the cost is linear in the
//! number of articles.
//!
//! Measured on the FNC-1 bodies (stories from the headlines journalists
//! related them to): pairs put in one story are right 0.83 of the time and
//! find 0.97 of the pairs that are (`bench/stories.py`).

use crate::article::Article;
use rustc_hash::FxHashMap;
use serde::Serialize;
use std::sync::OnceLock;

/// The mean cosine two stories need to be one.
pub const THRESHOLD: f32 = 0.12;

/// Words kept in an article's vector.
pub const KEPT_TERMS: usize = 128;

/// The heaviest words of an article that find its candidate pairs.
pub const TOP_TERMS: usize = 30;

/// Candidate pairs an article finds, at most, and at most [`PER_WORD`]
/// through each of its heaviest words (so one dominant word does not fill
/// them: the articles on a story that name one place and those that name
/// another still meet).
pub const NEIGHBOURS: usize = 96;
pub const PER_WORD: usize = 4;

/// Words a story's summed vector keeps once it has more.
pub const SUM_TERMS: usize = 1024;

/// Words of news copy that every story uses, whatever the background says.
const NEWS_WORDS: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tell",
    "year",
    "years",
    "time",
    "people",
    "according",
    "reported",
    "report",
    "also",
    "would",
    "could",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "today",
    "yesterday",
    "week",
    "percent",
    "cent",
];

/// One story: its articles and the words most of them share.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Story {
    /// Indexes of [`Analysis::articles`](crate::analysis::Analysis), in order.
    pub articles: Vec<usize>,
    /// Up to five words, heaviest first, that at least half of the
    /// articles (and two) have: what the story is about.
    pub terms: Vec<String>,
}

/// The stories of a set.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Stories {
    /// `of[a]`: the story of article `a` (an index into `stories`).
    pub of: Vec<usize>,
    /// In the order of their first article.
    pub stories: Vec<Story>,
}

impl Stories {
    /// All `n` articles as one story (with no words: nothing was read).
    pub fn one(n: usize) -> Stories {
        Stories {
            of: vec![0; n],
            stories: vec![Story {
                articles: (0..n).collect(),
                terms: Vec::new(),
            }],
        }
    }

    /// Whether two articles are about the same story. With no stories (a
    /// set not read for them), every article is.
    pub fn same(&self, a: usize, b: usize) -> bool {
        match (self.of.get(a), self.of.get(b)) {
            (Some(x), Some(y)) => x == y,
            _ => true,
        }
    }

    /// Whether the set is not one story: it tells more than one, and none
    /// holds more than half of the articles.
    pub fn mixed(&self) -> bool {
        let largest = self
            .stories
            .iter()
            .map(|s| s.articles.len())
            .max()
            .unwrap_or(0);
        self.stories.len() > 1 && 2 * largest <= self.of.len()
    }
}

/// The background: documents, and in how many of them each word occurs
/// (by the word's [`key`]).
struct Background {
    docs: f32,
    df: FxHashMap<u32, f32>,
}

fn background() -> &'static Background {
    static TABLE: OnceLock<Background> = OnceLock::new();
    TABLE.get_or_init(|| {
        let text = include_str!("ewt-df.tsv");
        let mut lines = text.lines();
        let docs = lines.next().and_then(|l| l.parse().ok()).unwrap_or(1.0);
        let df = lines
            .filter_map(|l| {
                let (w, c) = l.split_once('\t')?;
                Some((key(w), c.parse().ok()?))
            })
            .collect();
        Background { docs, df }
    })
}

/// A word's key: 32 bits of its FNV-1a hash. Two words of one set sharing a
/// key (about one pair in ten thousand on a set of a million distinct
/// words) only nudge a cosine.
fn key(word: &str) -> u32 {
    let h = crate::fnv::feed(crate::fnv::BASIS, word.bytes());
    (h ^ (h >> 32)) as u32
}

/// Calls `each` with every word of an article's included text that can
/// carry a story, lowercased.
fn each_word(article: &Article, mut each: impl FnMut(&str)) {
    let mut lower = String::new();
    for region in article.included() {
        for w in article
            .slice(region)
            .split(|c: char| !(c.is_alphabetic() || matches!(c, '\'' | '’' | '-')))
        {
            let w = w.trim_matches(|c: char| !c.is_alphabetic());
            if w.chars().nth(2).is_none() {
                continue;
            }
            lower.clear();
            for c in w.chars() {
                if c == '’' {
                    lower.push('\'');
                } else {
                    lower.extend(c.to_lowercase());
                }
            }
            if !NEWS_WORDS.contains(&lower.as_str()) {
                each(&lower);
            }
        }
    }
}

/// An article's words by key, with their counts, sorted by key.
fn counts(article: &Article) -> Vec<(u32, u32)> {
    let mut keys: Vec<u32> = Vec::new();
    each_word(article, |w| keys.push(key(w)));
    keys.sort_unstable();
    let mut out: Vec<(u32, u32)> = Vec::new();
    for k in keys {
        match out.last_mut() {
            Some(last) if last.0 == k => last.1 += 1,
            _ => out.push((k, 1)),
        }
    }
    out
}

/// The cosine of two unit vectors sorted by word id.
fn cosine(a: &[(u32, f32)], b: &[(u32, f32)]) -> f32 {
    let (mut i, mut j, mut sum) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                sum += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    sum
}

/// Two vectors sorted by word id added, kept to their [`SUM_TERMS`]
/// heaviest words (sorted by id again).
fn add(a: &[(u32, f32)], b: &[(u32, f32)]) -> Vec<(u32, f32)> {
    let mut out: Vec<(u32, f32)> = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        match (a.get(i), b.get(j)) {
            (Some(x), Some(y)) if x.0 == y.0 => {
                out.push((x.0, x.1 + y.1));
                i += 1;
                j += 1;
            }
            (Some(x), Some(y)) if x.0 < y.0 => {
                out.push(*x);
                i += 1;
            }
            (Some(x), None) => {
                out.push(*x);
                i += 1;
            }
            (_, Some(y)) => {
                out.push(*y);
                j += 1;
            }
            (None, None) => break,
        }
    }
    if out.len() > SUM_TERMS {
        out.sort_unstable_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
        out.truncate(SUM_TERMS);
        out.sort_unstable_by_key(|x| x.0);
    }
    out
}

/// The representative of `i`'s set (path halving).
fn root(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

/// The stories of a set of articles.
pub fn stories(articles: &[&Article]) -> Stories {
    use rayon::prelude::*;
    let n = articles.len();
    if n < 2 {
        return Stories::one(n);
    }
    // In how many articles each word occurs: a first pass over the text,
    // so no article's words are held while the others are read.
    let df: FxHashMap<u32, u32> = articles
        .par_iter()
        .fold(FxHashMap::default, |mut df: FxHashMap<u32, u32>, a| {
            for (k, _) in counts(a) {
                *df.entry(k).or_default() += 1;
            }
            df
        })
        .reduce(FxHashMap::default, |a, b| {
            if a.len() < b.len() {
                return merge(b, a);
            }
            merge(a, b)
        });
    fn merge(mut into: FxHashMap<u32, u32>, from: FxHashMap<u32, u32>) -> FxHashMap<u32, u32> {
        for (k, d) in from {
            *into.entry(k).or_default() += d;
        }
        into
    }
    let bg = background();
    let set = n as f32;
    // Then each article's vector, its heaviest words only.
    let vectors: Vec<Vec<(u32, f32)>> = articles
        .par_iter()
        .map(|a| {
            let mut v: Vec<(u32, f32)> = counts(a)
                .into_iter()
                .map(|(k, tf)| {
                    let d = bg.df.get(&k).copied().unwrap_or(0.0)
                        + df.get(&k).copied().unwrap_or(1) as f32;
                    let rarity = ((bg.docs + set + 1.0) / d).ln().max(0.0);
                    (k, (1.0 + (tf as f32).ln()) * rarity)
                })
                .collect();
            v.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            v.truncate(KEPT_TERMS);
            let norm = v.iter().map(|x| x.1 * x.1).sum::<f32>().sqrt();
            if norm > 0.0 {
                for x in &mut v {
                    x.1 /= norm;
                }
            }
            v
        })
        .collect();
    drop(df);
    // Each article's heaviest words (the vectors are heaviest first here),
    // then every vector sorted by word id for the cosines.
    let tops: Vec<Vec<u32>> = vectors
        .iter()
        .map(|v| v.iter().take(TOP_TERMS).map(|x| x.0).collect())
        .collect();
    let vectors: Vec<Vec<(u32, f32)>> = vectors
        .into_iter()
        .map(|mut v| {
            v.sort_unstable_by_key(|x| x.0);
            v
        })
        .collect();
    let mut postings: FxHashMap<u32, Vec<usize>> = FxHashMap::default();
    for (a, t) in tops.iter().enumerate() {
        for &w in t {
            postings.entry(w).or_default().push(a);
        }
    }
    // Candidate pairs: an article and the first others that share one of
    // its heaviest words, heaviest word first (a pair either side finds).
    let mut pairs: Vec<(f32, usize, usize)> = (0..n)
        .into_par_iter()
        .flat_map_iter(|a| {
            let mut seen: Vec<usize> = Vec::new();
            'words: for w in &tops[a] {
                let mut taken = 0;
                for &b in &postings[w] {
                    if taken == PER_WORD {
                        break;
                    }
                    if b != a && !seen.contains(&b) {
                        seen.push(b);
                        taken += 1;
                        if seen.len() == NEIGHBOURS {
                            break 'words;
                        }
                    }
                }
            }
            let vectors = &vectors;
            seen.into_iter().filter_map(move |b| {
                let c = cosine(&vectors[a], &vectors[b]);
                (c >= THRESHOLD).then_some((c, a.min(b), a.max(b)))
            })
        })
        .collect();
    pairs.sort_unstable_by(|x, y| y.0.total_cmp(&x.0).then((x.1, x.2).cmp(&(y.1, y.2))));
    pairs.dedup_by(|x, y| (x.1, x.2) == (y.1, y.2));
    // Average linkage over the pairs, most similar first. The mean cosine
    // between two stories' articles is the dot product of their vectors'
    // sums over the product of their sizes (the vectors are unit length), so
    // each story keeps the sum of its articles' vectors (its heaviest
    // [`SUM_TERMS`] words once it grows past them) and a test costs one dot
    // product, whatever the stories' sizes.
    let mut parent: Vec<usize> = (0..n).collect();
    let mut size: Vec<usize> = vec![1; n];
    let mut sums: Vec<Vec<(u32, f32)>> = vectors.clone();
    for &(_, a, b) in &pairs {
        let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
        if ra == rb {
            continue;
        }
        let mean = cosine(&sums[ra], &sums[rb]) / (size[ra] * size[rb]) as f32;
        if mean >= THRESHOLD {
            let (keep, gone) = (ra.min(rb), ra.max(rb));
            parent[gone] = keep;
            size[keep] += size[gone];
            let moved = std::mem::take(&mut sums[gone]);
            sums[keep] = add(&sums[keep], &moved);
        }
    }
    drop(sums);
    let mut of = vec![usize::MAX; n];
    let mut out: Vec<Story> = Vec::new();
    for a in 0..n {
        let r = root(&mut parent, a);
        if of[r] == usize::MAX {
            of[r] = out.len();
            out.push(Story {
                articles: Vec::new(),
                terms: Vec::new(),
            });
        }
        let s = of[r];
        of[a] = s;
        out[s].articles.push(a);
    }
    for s in &mut out {
        s.terms = shared_terms(&s.articles, &vectors, articles);
    }
    Stories { of, stories: out }
}

/// The words at least half of a story's articles (and two) have, heaviest
/// in sum first, at most five.
fn shared_terms(
    members: &[usize],
    vectors: &[Vec<(u32, f32)>],
    articles: &[&Article],
) -> Vec<String> {
    if members.len() < 2 {
        return Vec::new();
    }
    let mut sum: FxHashMap<u32, (usize, f32)> = FxHashMap::default();
    for &a in members {
        for &(w, x) in &vectors[a] {
            let e = sum.entry(w).or_default();
            e.0 += 1;
            e.1 += x;
        }
    }
    let mut shared: Vec<(u32, f32)> = sum
        .into_iter()
        .filter(|&(_, (k, _))| k >= 2 && 2 * k >= members.len())
        .map(|(w, (_, x))| (w, x))
        .collect();
    shared.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    shared.truncate(5);
    // The words themselves, from the text of the story's first articles.
    let mut names: FxHashMap<u32, String> = FxHashMap::default();
    for &a in members.iter().take(8) {
        each_word(articles[a], |w| {
            let k = key(w);
            if shared.iter().any(|s| s.0 == k) {
                names.entry(k).or_insert_with(|| w.to_string());
            }
        });
    }
    shared
        .into_iter()
        .filter_map(|(k, _)| names.get(&k).cloned())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const FERRY: [&str; 3] = [
        "The ferry Nordlys struck a rock off Skarvik on Tuesday. Captain Ingrid Vold said all forty \
         passengers were taken off by lifeboats from Skarvik and Hollen before the hull flooded.",
        "Lifeboat crews from Hollen rescued forty passengers after the Nordlys ferry hit rocks near \
         Skarvik. Captain Vold praised the crews; the coastguard said the ferry was listing.",
        "Divers will inspect the Nordlys on Thursday. The ferry operator said Captain Ingrid Vold \
         had reported the rock off Skarvik at once, and the passengers reached Hollen safely.",
    ];
    const BUDGET: [&str; 2] = [
        "The finance minister Piotr Zaleski unveiled a budget that raises the tax on tobacco and \
         cuts spending on motorways, and the opposition called the deficit reckless.",
        "Opposition leaders attacked Piotr Zaleski's budget, saying the tobacco tax and the cuts \
         to motorways would not close a deficit that has doubled since the last budget.",
    ];

    fn of(texts: &[&str]) -> Stories {
        let articles: Vec<Article> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let origin = crate::article::Origin {
                    path: format!("{i}.txt"),
                    record_line: None,
                };
                Article::new(format!("{i}.txt"), origin, t.to_string())
            })
            .collect();
        stories(&articles.iter().collect::<Vec<_>>())
    }

    #[test]
    fn articles_of_one_story_are_one_story() {
        let s = of(&FERRY);
        assert_eq!(s.stories.len(), 1, "{s:?}");
        assert!(!s.mixed());
        assert!(s.stories[0].terms.iter().any(|t| t == "nordlys"), "{s:?}");
    }

    #[test]
    fn two_stories_are_told_apart_and_the_set_is_mixed() {
        let texts: Vec<&str> = [&FERRY[..], &BUDGET[..]].concat();
        let s = of(&texts);
        assert_eq!(s.stories.len(), 2, "{s:?}");
        assert_eq!(s.stories[0].articles, [0, 1, 2]);
        assert_eq!(s.stories[1].articles, [3, 4]);
        assert!(s.same(0, 2) && !s.same(0, 3));
        // Three of five articles on one story: mostly one story.
        assert!(!s.mixed());
        let texts = [
            FERRY[0],
            BUDGET[0],
            BUDGET[1],
            "The zoo in Hollen has a new baby giraffe, \
            the keepers announced, and visitors can see her from the weekend on.",
        ];
        let s = of(&texts);
        assert!(s.mixed(), "{s:?}");
    }
}
