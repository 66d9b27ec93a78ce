//! Lemmatizer learned from a treebank: the lemma of a (word, UPOS) pair seen
//! in training is its most frequent one; an unseen word takes the suffix
//! rule its UPOS and ending most often took in training ("-ies" → "-y" for a
//! plural noun), proper nouns and numbers stay as written.

use super::conllu::Sentence;
use rustc_hash::FxHashMap;

/// A suffix rule: drop `strip` characters, append `add`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
struct Rule {
    strip: usize,
    add: String,
}

impl Rule {
    /// The rule that turns `form` into `lemma` (both lowercased), if the
    /// lemma keeps a prefix of the form.
    fn of(form: &str, lemma: &str) -> Rule {
        let f: Vec<char> = form.chars().collect();
        let l: Vec<char> = lemma.chars().collect();
        let common = f.iter().zip(&l).take_while(|(a, b)| a == b).count();
        Rule {
            strip: f.len() - common,
            add: l[common..].iter().collect(),
        }
    }

    fn apply(&self, form: &str) -> Option<String> {
        let n = form.chars().count();
        if self.strip >= n {
            return None;
        }
        let keep: String = form.chars().take(n - self.strip).collect();
        Some(keep + &self.add)
    }
}

/// The longest ending a rule is keyed by.
const MAX_SUFFIX: usize = 5;

/// A trained lemmatizer.
#[derive(Debug, Clone, Default)]
pub struct Lemmatizer {
    /// "form\tUPOS" (as written) → lemma.
    exact: FxHashMap<String, String>,
    /// "lowercased form\tUPOS" → lemma.
    lower: FxHashMap<String, String>,
    /// "UPOS\tending" → rule, for unseen words.
    rules: FxHashMap<String, Rule>,
}

/// The most frequent value of each key (ties: the smallest).
fn most_frequent<V: Ord + Clone + std::hash::Hash>(
    m: FxHashMap<String, FxHashMap<V, u32>>,
) -> FxHashMap<String, V> {
    m.into_iter()
        .filter_map(|(k, vs)| {
            let best = vs
                .into_iter()
                .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(&a.0)))?;
            Some((k, best.0))
        })
        .collect()
}

impl Lemmatizer {
    /// Learns from the treebank's lemmas.
    pub fn train(sentences: &[Sentence]) -> Lemmatizer {
        let mut exact: FxHashMap<String, FxHashMap<String, u32>> = FxHashMap::default();
        let mut lower: FxHashMap<String, FxHashMap<String, u32>> = FxHashMap::default();
        let mut rules: FxHashMap<String, FxHashMap<Rule, u32>> = FxHashMap::default();
        for s in sentences {
            for w in &s.words {
                *exact
                    .entry(format!("{}\t{}", w.form, w.upos))
                    .or_default()
                    .entry(w.lemma.clone())
                    .or_default() += 1;
                let lf = w.form.to_lowercase();
                *lower
                    .entry(format!("{lf}\t{}", w.upos))
                    .or_default()
                    .entry(w.lemma.clone())
                    .or_default() += 1;
                let rule = Rule::of(&lf, &w.lemma.to_lowercase());
                let chars: Vec<char> = lf.chars().collect();
                for k in 1..=MAX_SUFFIX.min(chars.len()) {
                    let ending: String = chars[chars.len() - k..].iter().collect();
                    *rules
                        .entry(format!("{}\t{ending}", w.upos))
                        .or_default()
                        .entry(rule.clone())
                        .or_default() += 1;
                }
            }
        }
        Lemmatizer {
            exact: most_frequent(exact),
            lower: most_frequent(lower),
            rules: most_frequent(rules),
        }
    }

    /// The lemma of `form` tagged `upos`.
    pub fn lemma(&self, form: &str, upos: &str) -> String {
        // One key buffer for every lookup.
        let mut key = String::with_capacity(form.len() + upos.len() + 1);
        key.push_str(form);
        key.push('\t');
        key.push_str(upos);
        if let Some(l) = self.exact.get(&key) {
            return l.clone();
        }
        let lf = if form.chars().any(char::is_uppercase) {
            form.to_lowercase()
        } else {
            form.to_string()
        };
        key.clear();
        key.push_str(&lf);
        key.push('\t');
        key.push_str(upos);
        if let Some(l) = self.lower.get(&key) {
            return l.clone();
        }
        if matches!(upos, "PROPN" | "NUM" | "SYM" | "X" | "PUNCT") {
            return form.to_string();
        }
        let starts: Vec<usize> = lf.char_indices().map(|(i, _)| i).collect();
        for k in (1..=MAX_SUFFIX.min(starts.len())).rev() {
            key.clear();
            key.push_str(upos);
            key.push('\t');
            key.push_str(&lf[starts[starts.len() - k]..]);
            if let Some(l) = self.rules.get(&key).and_then(|r| r.apply(&lf)) {
                return l;
            }
        }
        lf
    }

    /// Whether the treebank has `lower` (lower case) as a common word: a
    /// noun, verb, adjective or adverb, not only a proper noun ("bottle",
    /// "soon"; not "marple").
    pub fn is_common_word(&self, lower: &str) -> bool {
        let mut key = String::with_capacity(lower.len() + 5);
        ["NOUN", "VERB", "ADJ", "ADV"].iter().any(|upos| {
            key.clear();
            key.push_str(lower);
            key.push('\t');
            key.push_str(upos);
            self.exact.contains_key(&key) || self.lower.contains_key(&key)
        })
    }

    /// The tables as text, one entry a line (sorted, so the bytes repeat).
    pub fn to_text(&self) -> String {
        let mut lines: Vec<String> = Vec::new();
        for (k, v) in &self.exact {
            lines.push(format!("e\t{k}\t{v}"));
        }
        for (k, v) in &self.lower {
            // Only what the exact table would not give anyway.
            lines.push(format!("l\t{k}\t{v}"));
        }
        for (k, r) in &self.rules {
            lines.push(format!("r\t{k}\t{}\t{}", r.strip, r.add));
        }
        lines.sort();
        let mut out = String::from("claimcheck-lemmas-1\n");
        for l in lines {
            out.push_str(&l);
            out.push('\n');
        }
        out
    }

    /// Reads tables written by [`Lemmatizer::to_text`].
    pub fn from_text(text: &str) -> Result<Lemmatizer, String> {
        let mut lines = text.lines();
        if lines.next() != Some("claimcheck-lemmas-1") {
            return Err("not a claimcheck lemma table".into());
        }
        let mut out = Lemmatizer::default();
        for (i, line) in lines.enumerate() {
            let f: Vec<&str> = line.split('\t').collect();
            let bad = || format!("lemma table line {}: malformed", i + 2);
            match f.as_slice() {
                ["e", form, upos, lemma] => {
                    out.exact
                        .insert(format!("{form}\t{upos}"), (*lemma).to_string());
                }
                ["l", form, upos, lemma] => {
                    out.lower
                        .insert(format!("{form}\t{upos}"), (*lemma).to_string());
                }
                ["r", upos, ending, strip, add] => {
                    let strip = strip.parse().map_err(|_| bad())?;
                    out.rules.insert(
                        format!("{upos}\t{ending}"),
                        Rule {
                            strip,
                            add: (*add).to_string(),
                        },
                    );
                }
                _ => return Err(bad()),
            }
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seen_words_rules_and_proper_nouns() {
        let s = super::super::conllu::parse(
            "1\tcities\tcity\tNOUN\tNNS\t_\t0\troot\t_\t_\n2\tstudies\tstudy\tNOUN\tNNS\t_\t1\tdep\t_\t_\n3\twent\tgo\tVERB\tVBD\t_\t1\tdep\t_\t_\n\n",
        )
        .unwrap();
        let l = Lemmatizer::train(&s);
        assert_eq!(l.lemma("went", "VERB"), "go");
        assert_eq!(l.lemma("Cities", "NOUN"), "city");
        // Unseen: the "-ies" rule of plural nouns.
        assert_eq!(l.lemma("parties", "NOUN"), "party");
        assert_eq!(l.lemma("Gomel", "PROPN"), "Gomel");
        let again = Lemmatizer::from_text(&l.to_text()).unwrap();
        assert_eq!(again.lemma("parties", "NOUN"), "party");
        assert_eq!(again.to_text(), l.to_text());
        assert!(Lemmatizer::from_text("x").is_err());
    }
}
