//! Verbs that name the same act, from Open English WordNet (CC BY 4.0,
//! reduced by `build.py` beside this file to `verbs.tsv`: for each verb the
//! synsets of its two most frequent senses and the direct hypernyms of the
//! first).
//!
//! Two verbs are [`related`] when they share one of those senses ("buy" and
//! "purchase", "die" and "perish") or one's first sense falls directly under
//! a sense of the other ("murder", "slay" and "behead" are ways to "kill").
//! Two ways of doing one thing are not related to each other through it:
//! "behead" and "murder" are both killing, and different claims.

use rustc_hash::FxHashMap;
use std::sync::LazyLock;

const VERBS: &str = include_str!("verbs.tsv");

/// One verb's row: the synsets of its senses and the hypernyms of its first.
struct Row {
    senses: Vec<u32>,
    hypernyms: Vec<u32>,
}

static TABLE: LazyLock<FxHashMap<&'static str, Row>> = LazyLock::new(|| {
    let ids = |s: &str| -> Vec<u32> { s.split(',').filter_map(|n| n.parse().ok()).collect() };
    VERBS
        .lines()
        .filter_map(|line| {
            let mut cols = line.split('\t');
            let lemma = cols.next()?;
            let senses = ids(cols.next()?);
            let hypernyms = ids(cols.next().unwrap_or(""));
            Some((lemma, Row { senses, hypernyms }))
        })
        .collect()
});

/// Whether the table knows the verb.
pub fn known(lemma: &str) -> bool {
    TABLE.contains_key(lemma)
}

/// Two verb lemmas (lower case) name the same act, or one is a way of doing
/// the other. Equal lemmas are related, known or not.
pub fn related(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (Some(x), Some(y)) = (TABLE.get(a), TABLE.get(b)) else {
        return false;
    };
    x.senses.iter().any(|s| y.senses.contains(s))
        || x.hypernyms.iter().any(|h| y.senses.contains(h))
        || y.hypernyms.iter().any(|h| x.senses.contains(h))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn synonyms_share_a_sense() {
        assert!(related("buy", "purchase"));
        assert!(related("die", "perish"));
        assert!(related("purchase", "buy"));
    }

    #[test]
    fn a_way_of_doing_is_related_to_what_it_does() {
        assert!(related("murder", "kill"));
        assert!(related("kill", "behead"));
        // Two ways of killing are different acts.
        assert!(!related("murder", "behead"));
    }

    #[test]
    fn different_acts_are_not_related() {
        assert!(!related("kill", "die"));
        assert!(!related("buy", "sell"));
        assert!(!related("arrest", "release"));
        assert!(!related("deny", "confirm"));
    }

    #[test]
    fn unknown_words_are_related_only_to_themselves() {
        assert!(related("zelenskying", "zelenskying"));
        assert!(!related("zelenskying", "kill"));
        assert!(known("kill"));
        assert!(!known("zelenskying"));
    }
}
