//! The syntax stage: the segmenter's sentences in, [`Syntax`] out (each
//! word's byte span, UPOS, XPOS, lemma, head and Universal Dependencies
//! relation). Words as UD English splits them ([`tokenize`]); a
//! part-of-speech tagger ([`tagger`]), a lemmatizer ([`lemma`]) and a
//! dependency parser ([`parser`]), trained here on the UD English Web
//! Treebank (`examples/train-syntax.rs`; [`conllu`] reads it; both
//! classifiers are [`perceptron`]s). The models are data files embedded in
//! the binary and loaded once ([`model`]).

pub mod conllu;
pub mod lemma;
pub mod parser;
pub mod perceptron;
pub mod tagger;
pub mod tokenize;

use crate::article::{Article, Span};
use crate::segment::Segmented;
use lemma::Lemmatizer;
use parser::Parser;
use std::sync::OnceLock;
use tagger::Tagger;

/// The tag the parser reads for a word: its UPOS and XPOS together.
pub fn parser_tag(upos: &str, xpos: &str) -> String {
    format!("{upos}|{xpos}")
}

/// One word's analysis.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Analysed<'m> {
    pub upos: &'m str,
    pub xpos: &'m str,
    pub lemma: String,
    /// 0 for the root, else the 1-based index of the head word.
    pub head: usize,
    /// The Universal Dependencies relation to the head.
    pub deprel: &'m str,
}

/// The embedded tagger and lemmatizer, loaded once and shared by all
/// threads.
#[derive(Debug)]
pub struct Model {
    pub tagger: Tagger,
    pub lemmatizer: Lemmatizer,
    pub parser: Parser,
    /// The parser's tag of each tagger class ([`parser_tag`]).
    parser_tags: Vec<String>,
}

static TAGGER: &[u8] = include_bytes!("data/tagger.bin");
static LEMMAS: &str = include_str!("data/lemmas.tsv");
static PARSER: &[u8] = include_bytes!("data/parser.bin");

/// The embedded model. The files are checked by the tests, so a bad model
/// never ships; should one fail to load, the model is empty and tags
/// nothing rather than panicking.
pub fn model() -> &'static Model {
    static MODEL: OnceLock<Model> = OnceLock::new();
    MODEL.get_or_init(Model::load)
}

impl Model {
    /// Reads the embedded model (once per process: [`model`] keeps it).
    pub fn load() -> Model {
        let tagger = Tagger::from_bytes(TAGGER).unwrap_or_default();
        let parser_tags = (0..tagger.class_count())
            .map(|c| {
                let t = tagger.tags(c as u16);
                parser_tag(&t.upos, &t.xpos)
            })
            .collect();
        Model {
            tagger,
            lemmatizer: Lemmatizer::from_text(LEMMAS).unwrap_or_default(),
            parser: Parser::from_bytes(PARSER).unwrap_or_default(),
            parser_tags,
        }
    }

    /// Tags, lemmatizes and parses the words of one sentence.
    pub fn analyse(&self, words: &[&str]) -> Vec<Analysed<'_>> {
        if self.tagger.is_empty() {
            return Vec::new();
        }
        let classes = self.tagger.tag(words);
        let tags: Vec<&str> = classes
            .iter()
            .map(|&c| self.parser_tags.get(c as usize).map_or("", String::as_str))
            .collect();
        let arcs = self.parser.parse(words, &tags);
        classes
            .into_iter()
            .zip(words)
            .zip(arcs)
            .map(|((c, w), a)| {
                let t = self.tagger.tags(c);
                Analysed {
                    lemma: self.lemmatizer.lemma(w, &t.upos),
                    upos: &t.upos,
                    xpos: &t.xpos,
                    head: a.head,
                    deprel: self.parser.label(a.label),
                }
            })
            .collect()
    }
}

/// One word of an article, analysed.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Token {
    /// Where the word is in the article's text.
    pub span: Span,
    pub upos: &'static str,
    pub xpos: &'static str,
    pub lemma: String,
    /// 0 for the root, else the 1-based index of the head word in the
    /// sentence.
    pub head: usize,
    pub deprel: &'static str,
}

/// One sentence's words.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct SentenceSyntax {
    /// The sentence's index in [`Segmented::sentences`].
    pub sentence: usize,
    pub tokens: Vec<Token>,
}

/// The syntax of an article: one entry per sentence with words, in order.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Syntax {
    pub sentences: Vec<SentenceSyntax>,
}

/// The dependents of each word of a sentence: entry `i` lists, in
/// sentence order, the (0-based) words whose head is word `i`. One pass.
pub fn children(tokens: &[Token]) -> Vec<Vec<usize>> {
    let n = tokens.len();
    let mut out: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (i, t) in tokens.iter().enumerate() {
        if t.head > 0 && t.head <= n {
            out[t.head - 1].push(i);
        }
    }
    out
}

/// An article written in a test, with its sentences and syntax.
#[cfg(test)]
pub(crate) fn parsed(text: &str) -> (Article, Segmented, Syntax) {
    let article = Article::new(
        "t".into(),
        crate::article::Origin {
            path: "t".into(),
            record_line: None,
        },
        text.into(),
    );
    let segments = crate::segment::segment(&article);
    let syntax = analyse(&article, &segments);
    (article, segments, syntax)
}

/// Analyses every sentence of an article (not the header or site furniture
/// the article excludes). A long article's sentences are analysed in
/// parallel (sentences are independent; the result keeps their order), so
/// one long article uses every core as a set of articles does.
pub fn analyse(article: &Article, segments: &Segmented) -> Syntax {
    /// Sentences below which one thread does it all (a set's articles are
    /// already spread over the cores).
    const PARALLEL_FROM: usize = 512;
    let m = model();
    let one = |(i, sentence): (usize, &crate::segment::Sentence)| {
        if article.is_excluded(sentence.span) {
            return None;
        }
        let spans = tokenize::words(&article.text, sentence.span);
        if spans.is_empty() {
            return None;
        }
        let words: Vec<&str> = spans.iter().map(|s| article.slice(*s)).collect();
        let tokens = spans
            .iter()
            .zip(m.analyse(&words))
            .map(|(&span, a)| Token {
                span,
                upos: a.upos,
                xpos: a.xpos,
                lemma: a.lemma,
                head: a.head,
                deprel: a.deprel,
            })
            .collect();
        Some(SentenceSyntax {
            sentence: i,
            tokens,
        })
    };
    let sentences = if segments.sentences.len() >= PARALLEL_FROM {
        use rayon::prelude::*;
        segments
            .sentences
            .par_iter()
            .enumerate()
            .filter_map(one)
            .collect()
    } else {
        segments
            .sentences
            .iter()
            .enumerate()
            .filter_map(one)
            .collect()
    };
    Syntax { sentences }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_model_loads_and_tags_a_sentence_we_wrote() {
        assert!(Tagger::from_bytes(TAGGER).is_ok());
        assert!(Lemmatizer::from_text(LEMMAS).is_ok());
        assert!(Parser::from_bytes(PARSER).is_ok());
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
        let upos: Vec<&str> = a.iter().map(|w| w.upos).collect();
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

    fn analysed(text: &str) -> (Article, Syntax) {
        let article = crate::ingest::parse_text("t.txt", text.to_string()).unwrap();
        let segments = crate::segment::segment(&article);
        let syntax = analyse(&article, &segments);
        (article, syntax)
    }

    /// (form, head form or "ROOT", relation) of each word of a sentence.
    fn arcs<'a>(a: &'a Article, s: &'a SentenceSyntax) -> Vec<(&'a str, &'a str, &'a str)> {
        s.tokens
            .iter()
            .map(|t| {
                let head = match t.head {
                    0 => "ROOT",
                    h => a.slice(s.tokens[h - 1].span),
                };
                (a.slice(t.span), head, t.deprel)
            })
            .collect()
    }

    #[test]
    fn known_answer_parses_of_sentences_we_wrote() {
        let (a, syn) = analysed(
            "The ministers denied that talks were held in Gomel.\n\n\
             Minsk, however, denied that its forces were taking part in the operation.\n\n\
             Marta Kowalska, a crane operator, said the explosion shook the whole quay.\n",
        );
        assert_eq!(syn.sentences.len(), 3);
        assert_eq!(
            arcs(&a, &syn.sentences[0]),
            [
                ("The", "ministers", "det"),
                ("ministers", "denied", "nsubj"),
                ("denied", "ROOT", "root"),
                ("that", "held", "mark"),
                ("talks", "held", "nsubj:pass"),
                ("were", "held", "aux:pass"),
                ("held", "denied", "ccomp"),
                ("in", "Gomel", "case"),
                ("Gomel", "held", "obl"),
                (".", "denied", "punct"),
            ]
        );
        // The denial scopes over the participating, not over the operation.
        let second = arcs(&a, &syn.sentences[1]);
        assert!(second.contains(&("Minsk", "denied", "nsubj")));
        assert!(second.contains(&("taking", "denied", "ccomp")));
        assert!(second.contains(&("operation", "taking", "obl")));
        // The appositive belongs to the speaker; the clause is what she said.
        let third = arcs(&a, &syn.sentences[2]);
        assert!(third.contains(&("Marta", "said", "nsubj")));
        assert!(third.contains(&("operator", "Marta", "appos")));
        assert!(third.contains(&("shook", "said", "ccomp")));
        assert!(third.contains(&("explosion", "shook", "nsubj")));
    }

    /// Every word has one head inside the sentence, exactly one is the
    /// root, following heads from any word reaches the root (connected, no
    /// cycle), and spans are the words of the text in order.
    fn assert_well_formed(a: &Article, syn: &Syntax) {
        for s in &syn.sentences {
            let n = s.tokens.len();
            assert!(n > 0);
            assert_eq!(s.tokens.iter().filter(|t| t.head == 0).count(), 1);
            for (i, t) in s.tokens.iter().enumerate() {
                assert!(t.head <= n && t.head != i + 1, "{t:?}");
                let mut at = i + 1;
                let mut steps = 0;
                while at != 0 {
                    at = s.tokens[at - 1].head;
                    steps += 1;
                    assert!(steps <= n, "a cycle through word {}", i + 1);
                }
                let form = a.slice(t.span);
                assert!(!form.is_empty() && !form.contains(char::is_whitespace));
                assert!(!t.upos.is_empty() && !t.deprel.is_empty());
            }
            for w in s.tokens.windows(2) {
                assert!(w[0].span.end <= w[1].span.start);
            }
        }
    }

    #[test]
    fn trees_are_well_formed_on_ordinary_and_hostile_text() {
        let long = vec!["word"; 3 * parser::WINDOW + 11].join(" ");
        let text = format!(
            "“We don’t know,” Ukraine’s U.S.-led partners said on Feb. 28... (Really?)\n\n\
             {long}\n\n\
             ,,, -- !!! 42\n\n\
             Zelenskiy said: \"No.\" Peskov’s aides, however, didn't.\n"
        );
        let (a, syn) = analysed(&text);
        assert_well_formed(&a, &syn);
        let longest = syn.sentences.iter().map(|s| s.tokens.len()).max().unwrap();
        assert!(longest > 3 * parser::WINDOW, "{longest}");
        // The same text gives the same analysis.
        assert_eq!(analysed(&text).1, syn);
    }
}
