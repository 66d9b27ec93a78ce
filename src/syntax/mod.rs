//! The syntax stage, trained here on the Universal Dependencies English Web
//! Treebank (`examples/train-syntax.rs`): a part-of-speech tagger
//! ([`tagger`]: UPOS and XPOS) and a lemmatizer ([`lemma`]), over words as
//! UD tokenizes them ([`conllu`] reads the treebank). The models are data
//! files embedded in the binary and loaded once ([`model`]).

pub mod conllu;
pub mod lemma;
pub mod tagger;

use lemma::Lemmatizer;
use std::sync::OnceLock;
use tagger::Tagger;

/// One word's analysis.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Analysed {
    pub upos: String,
    pub xpos: String,
    pub lemma: String,
}

/// The embedded tagger and lemmatizer, loaded once and shared by all
/// threads.
#[derive(Debug)]
pub struct Model {
    pub tagger: Tagger,
    pub lemmatizer: Lemmatizer,
}

static TAGGER: &[u8] = include_bytes!("data/tagger.bin");
static LEMMAS: &str = include_str!("data/lemmas.tsv");

/// The embedded model. The files are checked by the tests, so a bad model
/// never ships; should one fail to load, the model is empty and tags
/// nothing rather than panicking.
pub fn model() -> &'static Model {
    static MODEL: OnceLock<Model> = OnceLock::new();
    MODEL.get_or_init(|| Model {
        tagger: Tagger::from_bytes(TAGGER).unwrap_or_default(),
        lemmatizer: Lemmatizer::from_text(LEMMAS).unwrap_or_default(),
    })
}

impl Model {
    /// Tags and lemmatizes the words of one sentence.
    pub fn analyse(&self, words: &[&str]) -> Vec<Analysed> {
        if self.tagger.is_empty() {
            return Vec::new();
        }
        self.tagger
            .tag(words)
            .into_iter()
            .zip(words)
            .map(|(c, w)| {
                let t = self.tagger.tags(c);
                Analysed {
                    lemma: self.lemmatizer.lemma(w, &t.upos),
                    upos: t.upos.clone(),
                    xpos: t.xpos.clone(),
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_model_loads_and_tags_a_sentence_we_wrote() {
        assert!(Tagger::from_bytes(TAGGER).is_ok());
        assert!(Lemmatizer::from_text(LEMMAS).is_ok());
        let words = [
            "The",
            "ministers",
            "denied",
            "that",
            "talks",
            "were",
            "held",
            "in",
            "Gomel",
            ".",
        ];
        let a = model().analyse(&words);
        let upos: Vec<&str> = a.iter().map(|w| w.upos.as_str()).collect();
        assert_eq!(
            upos,
            [
                "DET", "NOUN", "VERB", "SCONJ", "NOUN", "AUX", "VERB", "ADP", "PROPN", "PUNCT"
            ]
        );
        let lemmas: Vec<&str> = a.iter().map(|w| w.lemma.as_str()).collect();
        assert_eq!(
            lemmas,
            [
                "the", "minister", "deny", "that", "talk", "be", "hold", "in", "Gomel", "."
            ]
        );
    }
}
