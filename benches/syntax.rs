//! The syntax stage's throughput on one core, in words per second:
//! tokenizing, tagging, lemmatizing and parsing whole articles (the fixture
//! and seed articles, written here), and the tagger and parser alone on the
//! same words; and the one-time cost of loading the embedded model.
//!
//! ```sh
//! cargo bench --bench syntax
//! ```

use claimcheck::article::Article;
use claimcheck::segment::{self, Segmented};
use claimcheck::syntax::{self, model, tokenize};
use divan::counter::ItemsCount;
use divan::{Bencher, black_box};

fn main() {
    divan::main();
}

/// The project's own articles (fixtures and seeds), segmented.
fn articles() -> Vec<(Article, Segmented)> {
    let mut paths = Vec::new();
    for dir in [
        "fixtures/grammar",
        "fixtures/claim",
        "fixtures/stories",
        "seeds",
    ] {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
        if let Ok(d) = std::fs::read_dir(dir) {
            paths.extend(d.filter_map(|e| Some(e.ok()?.path())));
        }
    }
    paths.sort();
    paths
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "txt" || e == "md"))
        .filter_map(|p| {
            let text = std::fs::read_to_string(p).ok()?;
            let a = claimcheck::ingest::parse_text("bench.txt", text).ok()?;
            let s = segment::segment(&a);
            Some((a, s))
        })
        .collect()
}

fn word_count(set: &[(Article, Segmented)]) -> usize {
    set.iter()
        .flat_map(|(a, s)| {
            s.sentences
                .iter()
                .map(move |x| tokenize::words(&a.text, x.span).len())
        })
        .sum()
}

#[divan::bench]
fn tokenize_tag_lemma_parse(bencher: Bencher) {
    let set = articles();
    let words = word_count(&set);
    model();
    bencher.counter(ItemsCount::new(words)).bench(|| {
        for (a, s) in &set {
            black_box(syntax::analyse(a, s));
        }
    });
}

/// The same articles joined into one of at least 2,048 sentences: a long
/// article is analysed sentence-parallel (on every thread of the pool), so
/// its words per second are those of the machine, not of one core.
#[divan::bench]
fn one_long_article(bencher: Bencher) {
    let set = articles();
    let mut text = String::new();
    let mut one = claimcheck::ingest::parse_text("bench.txt", String::new()).ok();
    while one
        .as_ref()
        .is_none_or(|a| segment::segment(a).sentences.len() < 2_048)
    {
        for (a, _) in &set {
            text.push_str(a.text.trim());
            text.push_str("\n\n");
        }
        one = claimcheck::ingest::parse_text("bench.txt", text.clone()).ok();
    }
    let a = one.expect("the joined articles parse");
    let s = segment::segment(&a);
    let words = word_count(std::slice::from_ref(&(a.clone(), s.clone())));
    model();
    bencher
        .counter(ItemsCount::new(words))
        .bench(|| black_box(syntax::analyse(&a, &s)));
}

/// The sentences of the set as words.
fn sentences(set: &[(Article, Segmented)]) -> Vec<Vec<&str>> {
    set.iter()
        .flat_map(|(a, s)| {
            s.sentences.iter().map(move |x| {
                tokenize::words(&a.text, x.span)
                    .into_iter()
                    .map(|w| a.slice(w))
                    .collect()
            })
        })
        .collect()
}

#[divan::bench]
fn tag_only(bencher: Bencher) {
    let set = articles();
    let sents = sentences(&set);
    let words: usize = sents.iter().map(Vec::len).sum();
    let m = model();
    bencher.counter(ItemsCount::new(words)).bench(|| {
        for s in &sents {
            black_box(m.tagger.tag(s));
        }
    });
}

#[divan::bench]
fn parse_only(bencher: Bencher) {
    let set = articles();
    let sents = sentences(&set);
    let m = model();
    let tagged: Vec<(Vec<&str>, Vec<String>)> = sents
        .iter()
        .map(|s| {
            let tags = m
                .tagger
                .tag(s)
                .into_iter()
                .map(|c| syntax::parser_tag(&m.tagger.tags(c).upos, &m.tagger.tags(c).xpos))
                .collect();
            (s.clone(), tags)
        })
        .collect();
    let words: usize = sents.iter().map(Vec::len).sum();
    bencher.counter(ItemsCount::new(words)).bench(|| {
        for (w, t) in &tagged {
            let t: Vec<&str> = t.iter().map(String::as_str).collect();
            black_box(m.parser.parse(w, &t));
        }
    });
}

/// Reading the embedded model: paid once per process.
#[divan::bench(sample_count = 5)]
fn load_model() {
    black_box(syntax::Model::load());
}
