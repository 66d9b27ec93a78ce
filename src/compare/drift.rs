//! Quote drift: the same direct quote of the same speaker rendered
//! differently across articles (words changed, cut, or joined).
//!
//! Direct quotes are keyed by their speaker's entity. Two quotes of one
//! speaker in different articles are the same quote when they share at least
//! half of their words (by the smaller quote's word count); they drift when
//! their words differ beyond case and punctuation and neither is a
//! contiguous excerpt of the other (quoting part of a sentence is not drift).
//! Candidates come from an index of each quote's three rarest shared word
//! pairs (pairs no other quote has cannot find a partner), so
//! a speaker quoted ten thousand times is not compared ten thousand times
//! over. The diff is word-level (the `similar` crate).

use crate::analysis::Analysis;
use crate::grammar::Kind;
use rustc_hash::{FxHashMap, FxHashSet};
use similar::{ChangeTag, TextDiff};

pub use super::model::{DiffPart, Drift, QuoteId};

/// The words of a quote, lowercased, without punctuation.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’' || c == '-'))
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase().replace('’', "'"))
        .collect()
}

struct Quote {
    id: QuoteId,
    speaker: usize,
    words: Vec<String>,
    text: String,
}

/// The speaker entity of a statement: the entity of the mention its speaker
/// words overlap, else any mention of the person it resolved to.
fn speaker_entity(analysis: &Analysis, ai: usize, si: usize) -> Option<usize> {
    let item = &analysis.articles[ai];
    let r = &item.statements[si];
    let ms = &item.claims.mentions;
    if let Some(sp) = r.statement.speaker
        && let Some(mi) = ms.iter().position(|m| m.span.overlaps(sp))
    {
        return analysis.entities.of.get(ai)?.get(mi).copied();
    }
    let name = r.speaker.as_deref()?;
    let mi = ms.iter().position(|m| m.name == name)?;
    analysis.entities.of.get(ai)?.get(mi).copied()
}

/// Every drifted quote pair of the analysis, in a stable order.
pub fn drifts(analysis: &Analysis) -> Vec<Drift> {
    let mut quotes: Vec<Quote> = Vec::new();
    for (ai, item) in analysis.articles.iter().enumerate() {
        for (si, r) in item.statements.iter().enumerate() {
            if r.statement.kind != Kind::Direct {
                continue;
            }
            let Some(speaker) = speaker_entity(analysis, ai, si) else {
                continue;
            };
            let text = item.article.slice(r.statement.span).to_string();
            let words = words(&text);
            if words.len() < 4 {
                continue;
            }
            quotes.push(Quote {
                id: QuoteId {
                    article: ai,
                    statement: si,
                },
                speaker,
                words,
                text,
            });
        }
    }
    // Word pairs, and how many quotes have each.
    let pairs = |q: &Quote| -> Vec<(String, String)> {
        q.words
            .windows(2)
            .map(|w| (w[0].clone(), w[1].clone()))
            .collect()
    };
    let mut freq: FxHashMap<(String, String), usize> = FxHashMap::default();
    for q in &quotes {
        let set: FxHashSet<(String, String)> = pairs(q).into_iter().collect();
        for p in set {
            *freq.entry(p).or_default() += 1;
        }
    }
    // Index: (speaker, rare pair) → quotes.
    let mut index: FxHashMap<(usize, (String, String)), Vec<usize>> = FxHashMap::default();
    for (i, q) in quotes.iter().enumerate() {
        // The rarest pairs another quote also has: a pair no other quote
        // has cannot find a partner.
        let mut ps: Vec<(usize, (String, String))> = pairs(q)
            .into_iter()
            .map(|p| (freq.get(&p).copied().unwrap_or(0), p))
            .filter(|(n, _)| *n >= 2)
            .collect();
        ps.sort();
        ps.dedup();
        for (_, p) in ps.into_iter().take(3) {
            index.entry((q.speaker, p)).or_default().push(i);
        }
    }
    let mut seen: FxHashSet<(usize, usize)> = FxHashSet::default();
    let mut out = Vec::new();
    let mut buckets: Vec<&Vec<usize>> = index.values().filter(|v| v.len() >= 2).collect();
    buckets.sort();
    for bucket in buckets {
        for (x, &i) in bucket.iter().enumerate() {
            for &j in &bucket[x + 1..] {
                let (a, b) = (&quotes[i], &quotes[j]);
                if a.id.article == b.id.article || !seen.insert((i.min(j), i.max(j))) {
                    continue;
                }
                if let Some(d) = drift(analysis, a, b) {
                    out.push(d);
                }
            }
        }
    }
    out.sort_by_key(|d| (d.a, d.b));
    out
}

/// Whether `short` occurs as a contiguous run in `long`.
fn excerpt(short: &[String], long: &[String]) -> bool {
    short.len() <= long.len() && long.windows(short.len()).any(|w| w == short)
}

fn drift(analysis: &Analysis, a: &Quote, b: &Quote) -> Option<Drift> {
    if a.words == b.words {
        return None;
    }
    let (short, long) = if a.words.len() <= b.words.len() {
        (&a.words, &b.words)
    } else {
        (&b.words, &a.words)
    };
    if excerpt(short, long) {
        return None;
    }
    let long_set: FxHashSet<&String> = long.iter().collect();
    let shared = short.iter().filter(|w| long_set.contains(w)).count();
    let overlap = shared as f64 / short.len() as f64;
    if overlap < 0.5 {
        return None;
    }
    let (first, second) = if a.id <= b.id { (a, b) } else { (b, a) };
    let diff = TextDiff::from_words(first.text.as_str(), second.text.as_str());
    let mut parts: Vec<DiffPart> = Vec::new();
    for change in diff.iter_all_changes() {
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
    Some(Drift {
        speaker: analysis.entities.entities[a.speaker].name.clone(),
        a: first.id,
        b: second.id,
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
    }
}
