//! Part-of-speech tagger: an averaged perceptron (greedy, left to right)
//! over word, affix, shape and context features, predicting the UPOS and
//! XPOS pair of each word, in two passes: the second also sees the first
//! pass's classes of the next two words, and is trained on first-pass
//! classes from taggers that did not see the sentence (`train_second`). Frequent words that the treebank always tags one
//! way are looked up, not scored. Features are hashed (FNV-1a over the
//! template and its strings, no allocation), and the weights of a feature are
//! a short list of (class, weight): scoring a word touches each of its
//! features once.

use super::conllu::Sentence;
use super::perceptron::{Fnv, Reader, Shuffle, Training, Weights, best, put_str};
use rustc_hash::FxHashMap;

/// The tags of one class: UPOS and XPOS.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Tags {
    pub upos: String,
    pub xpos: String,
}

/// A trained tagger.
#[derive(Debug, Clone, Default)]
pub struct Tagger {
    classes: Vec<Tags>,
    /// Feature key → (class, weight).
    weights: Weights,
    /// Lowercased word → its one class, for frequent unambiguous words.
    lexicon: FxHashMap<String, u16>,
    /// The second pass, which also sees the first pass's classes of the
    /// words to the right (empty: one pass).
    second: Weights,
}

/// The second pass's extra features: the first pass's classes of the next
/// two words.
fn right_features(norm: &[String], first: &[u16], i: usize, p1: u16, out: &mut Vec<u64>) {
    let n = |d: usize| first.get(i + d).copied().unwrap_or(START - 1);
    let wi = norm[i].as_str();
    out.push(Fnv::new(30).num(n(1)).0);
    out.push(Fnv::new(31).num(n(1)).num(n(2)).0);
    out.push(Fnv::new(32).num(p1).num(n(1)).0);
    out.push(Fnv::new(33).num(n(1)).str(wi).0);
    out.push(Fnv::new(34).num(n(1)).str(suffix(wi, 3)).0);
}

/// A word as the features see it: lower case, digits folded.
pub(super) fn normal(word: &str) -> String {
    if word.chars().any(|c| c.is_ascii_digit()) {
        let all = word.chars().all(|c| c.is_ascii_digit());
        return if all && word.len() == 4 {
            "!year".into()
        } else if all {
            "!digits".into()
        } else {
            "!hasdigit".into()
        };
    }
    word.to_lowercase()
}

/// The last `n` characters of `s` (all of it when shorter).
fn suffix(s: &str, n: usize) -> &str {
    let start = s
        .char_indices()
        .rev()
        .nth(n.saturating_sub(1))
        .map_or(0, |(i, _)| i);
    &s[start..]
}

/// The first `n` characters of `s`.
fn prefix(s: &str, n: usize) -> &str {
    let end = s.char_indices().nth(n).map_or(s.len(), |(i, _)| i);
    &s[..end]
}

/// The word's shape: `Xx`, `x`, `X`, `d`, punctuation as itself, runs
/// collapsed, at most five marks.
fn shape(word: &str) -> String {
    let mut out = String::new();
    for c in word.chars() {
        let m = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        if !out.ends_with(m) {
            out.push(m);
        }
        if out.chars().count() >= 5 {
            break;
        }
    }
    out
}

/// The feature keys of word `i`, given the two classes before it.
fn features(words: &[String], raw: &[&str], i: usize, p1: u16, p2: u16, out: &mut Vec<u64>) {
    out.clear();
    const NONE: &str = "!none";
    let w = |k: isize| -> &str {
        let j = i as isize + k;
        if j < 0 || j as usize >= words.len() {
            NONE
        } else {
            words[j as usize].as_str()
        }
    };
    let wi = w(0);
    let sh = shape(raw[i]);
    out.push(Fnv::new(0).0);
    out.push(Fnv::new(1).str(wi).0);
    out.push(Fnv::new(2).str(suffix(wi, 3)).0);
    out.push(Fnv::new(3).str(suffix(wi, 2)).0);
    out.push(Fnv::new(4).str(prefix(wi, 1)).0);
    out.push(Fnv::new(5).str(&sh).0);
    out.push(Fnv::new(6).num(p1).0);
    out.push(Fnv::new(7).num(p1).num(p2).0);
    out.push(Fnv::new(8).num(p1).str(wi).0);
    out.push(Fnv::new(9).str(w(-1)).0);
    out.push(Fnv::new(10).str(suffix(w(-1), 3)).0);
    out.push(Fnv::new(11).str(w(-2)).0);
    out.push(Fnv::new(12).str(w(1)).0);
    out.push(Fnv::new(13).str(suffix(w(1), 3)).0);
    out.push(Fnv::new(14).str(w(2)).0);
    out.push(Fnv::new(15).str(suffix(wi, 4)).0);
    out.push(Fnv::new(16).str(prefix(wi, 3)).0);
    out.push(Fnv::new(17).str(w(-1)).str(wi).0);
    out.push(Fnv::new(18).str(wi).str(w(1)).0);
    out.push(Fnv::new(19).byte(u8::from(i == 0)).str(&sh).0);
    out.push(Fnv::new(20).num(p1).str(w(1)).0);
    out.push(Fnv::new(21).str(suffix(w(1), 1)).str(suffix(wi, 2)).0);
}

/// The class before the first word.
const START: u16 = u16::MAX;

impl Tagger {
    /// The class of each word of a sentence.
    pub fn tag(&self, words: &[&str]) -> Vec<u16> {
        let norm: Vec<String> = words.iter().map(|w| normal(w)).collect();
        let first = self.pass(words, &norm, None);
        if self.second.is_empty() {
            return first;
        }
        self.pass(words, &norm, Some(&first))
    }

    /// One left-to-right pass; the second sees the first's classes.
    fn pass(&self, words: &[&str], norm: &[String], first: Option<&[u16]>) -> Vec<u16> {
        let weights = if first.is_some() {
            &self.second
        } else {
            &self.weights
        };
        let mut out = Vec::with_capacity(words.len());
        let mut feats = Vec::with_capacity(24);
        let mut scores = vec![0f32; self.classes.len()];
        let (mut p1, mut p2) = (START, START);
        for i in 0..words.len() {
            let c = match self.lexicon.get(&norm[i]) {
                Some(&c) => c,
                None => {
                    features(norm, words, i, p1, p2, &mut feats);
                    if let Some(first) = first {
                        right_features(norm, first, i, p1, &mut feats);
                    }
                    weights.score(&feats, &mut scores);
                    best(&scores)
                }
            };
            out.push(c);
            p2 = p1;
            p1 = c;
        }
        out
    }

    /// The number of classes (UPOS and XPOS pairs).
    pub fn class_count(&self) -> usize {
        self.classes.len()
    }

    /// Whether the tagger holds no model.
    pub fn is_empty(&self) -> bool {
        self.classes.is_empty()
    }

    /// The tags of a class.
    pub fn tags(&self, class: u16) -> &Tags {
        &self.classes[class as usize]
    }

    /// The model as bytes ([`Tagger::from_bytes`] reads them back).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = b"claimcheck-tagger-2\n".to_vec();
        out.extend_from_slice(&(self.classes.len() as u32).to_le_bytes());
        for t in &self.classes {
            put_str(&mut out, &t.upos);
            put_str(&mut out, &t.xpos);
        }
        let mut lex: Vec<(&String, &u16)> = self.lexicon.iter().collect();
        lex.sort();
        out.extend_from_slice(&(lex.len() as u32).to_le_bytes());
        for (w, c) in lex {
            put_str(&mut out, w);
            out.extend_from_slice(&c.to_le_bytes());
        }
        self.weights.write(&mut out);
        self.second.write(&mut out);
        out
    }

    /// Reads a model written by [`Tagger::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Tagger, String> {
        let mut r = Reader::new(bytes);
        if r.take(20)? != b"claimcheck-tagger-2\n" {
            return Err("not a claimcheck tagger model".into());
        }
        let n = r.u32()? as usize;
        let mut classes = Vec::with_capacity(n);
        for _ in 0..n {
            classes.push(Tags {
                upos: r.string()?,
                xpos: r.string()?,
            });
        }
        let n = r.u32()? as usize;
        let mut lexicon = FxHashMap::default();
        for _ in 0..n {
            let w = r.string()?;
            lexicon.insert(w, r.u16()?);
        }
        let weights = Weights::read(&mut r, classes.len())?;
        let second = Weights::read(&mut r, classes.len())?;
        if lexicon.values().any(|&c| c as usize >= classes.len()) {
            return Err("class out of range".into());
        }
        Ok(Tagger {
            classes,
            weights,
            lexicon,
            second,
        })
    }
}

/// Trains a tagger on treebank sentences: `epochs` passes in a fixed
/// shuffled order (the same bytes every run), weights averaged. Entries
/// whose averaged weight is below `prune` are dropped.
pub fn train(sentences: &[Sentence], epochs: usize, prune: f32) -> Tagger {
    let mut index: FxHashMap<Tags, u16> = FxHashMap::default();
    let mut classes = Vec::new();
    let mut counts: FxHashMap<String, FxHashMap<u16, u32>> = FxHashMap::default();
    for s in sentences {
        for w in &s.words {
            let t = Tags {
                upos: w.upos.clone(),
                xpos: w.xpos.clone(),
            };
            let c = *index.entry(t.clone()).or_insert_with(|| {
                classes.push(t);
                (classes.len() - 1) as u16
            });
            *counts
                .entry(normal(&w.form))
                .or_default()
                .entry(c)
                .or_default() += 1;
        }
    }
    // Frequent words tagged one way 97% of the time or more.
    let mut lexicon = FxHashMap::default();
    for (w, cs) in &counts {
        let n: u32 = cs.values().sum();
        let (&c, &top) = cs
            .iter()
            .max_by_key(|(c, n)| (**n, std::cmp::Reverse(**c)))
            .unwrap_or((&0, &0));
        if n >= 20 && f64::from(top) / f64::from(n) >= 0.97 {
            lexicon.insert(w.clone(), c);
        }
    }
    let mut tagger = Tagger {
        classes,
        weights: Weights::default(),
        second: Weights::default(),
        lexicon,
    };
    tagger.weights = tagger.train_pass(sentences, None, epochs, prune);
    tagger
}

impl Tagger {
    /// The class of each tag pair this tagger knows.
    pub fn class_of(&self, tags: &Tags) -> Option<u16> {
        self.classes
            .iter()
            .position(|t| t == tags)
            .map(|i| i as u16)
    }

    /// Trains the second pass on `first`, the first pass's classes of each
    /// training sentence (from taggers that did not see it, so they err as
    /// they will on new text).
    pub fn train_second(
        &mut self,
        sentences: &[Sentence],
        first: &[Vec<u16>],
        epochs: usize,
        prune: f32,
    ) {
        self.second = self.train_pass(sentences, Some(first), epochs, prune);
    }

    /// Trains one pass (the second when `first` gives the first pass's
    /// classes): `epochs` passes over the sentences in a fixed shuffled
    /// order, words of the lexicon skipped.
    fn train_pass(
        &self,
        sentences: &[Sentence],
        first: Option<&[Vec<u16>]>,
        epochs: usize,
        prune: f32,
    ) -> Weights {
        let index: FxHashMap<&Tags, u16> = self
            .classes
            .iter()
            .enumerate()
            .map(|(i, t)| (t, i as u16))
            .collect();
        let mut weights = Training::default();
        let mut order: Vec<usize> = (0..sentences.len())
            .filter(|&i| {
                first.is_none_or(|f| f.get(i).map(Vec::len) == Some(sentences[i].words.len()))
            })
            .collect();
        let mut shuffle = Shuffle::default();
        let mut feats = Vec::with_capacity(32);
        let mut scores = vec![0f32; self.classes.len()];
        for _ in 0..epochs {
            shuffle.shuffle(&mut order);
            for &si in &order {
                let s = &sentences[si];
                let raw: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
                let norm: Vec<String> = raw.iter().map(|w| normal(w)).collect();
                let (mut p1, mut p2) = (START, START);
                for (i, w) in s.words.iter().enumerate() {
                    let gold = index
                        .get(&Tags {
                            upos: w.upos.clone(),
                            xpos: w.xpos.clone(),
                        })
                        .copied()
                        .unwrap_or(0);
                    let guess = if let Some(&c) = self.lexicon.get(&norm[i]) {
                        c
                    } else {
                        weights.tick();
                        features(&norm, &raw, i, p1, p2, &mut feats);
                        if let Some(first) = first {
                            right_features(&norm, &first[si], i, p1, &mut feats);
                        }
                        weights.score(&feats, &mut scores);
                        let guess = best(&scores);
                        weights.update(&feats, gold, guess);
                        guess
                    };
                    p2 = p1;
                    p1 = guess;
                }
            }
        }
        weights.finish(prune)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn affixes_and_shapes() {
        assert_eq!(suffix("Gomel", 3), "mel");
        assert_eq!(suffix("ab", 3), "ab");
        assert_eq!(prefix("Zelenskyy", 3), "Zel");
        assert_eq!(shape("Ukraine"), "Xx");
        assert_eq!(shape("U.S.-led"), "X.X.-");
        assert_eq!(normal("2022"), "!year");
        assert_eq!(normal("Kyiv"), "kyiv");
    }

    #[test]
    fn bytes_round_trip_and_bad_bytes_are_errors() {
        let s = super::super::conllu::parse(
            "1\tTalks\ttalk\tNOUN\tNNS\t_\t2\tnsubj\t_\t_\n2\tbegan\tbegin\tVERB\tVBD\t_\t0\troot\t_\t_\n3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n",
        )
        .unwrap();
        let t = train(&s, 3, 0.0);
        let again = Tagger::from_bytes(&t.to_bytes()).unwrap();
        assert_eq!(
            t.tag(&["Talks", "began", "."]),
            again.tag(&["Talks", "began", "."])
        );
        let tags: Vec<&str> = t
            .tag(&["Talks", "began", "."])
            .iter()
            .map(|&c| t.tags(c).upos.as_str())
            .collect();
        assert_eq!(tags, ["NOUN", "VERB", "PUNCT"]);
        assert!(Tagger::from_bytes(b"nonsense").is_err());
        let bytes = t.to_bytes();
        assert!(Tagger::from_bytes(&bytes[..bytes.len() - 3]).is_err());
    }
}
