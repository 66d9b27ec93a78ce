//! The comparator's cost as the article set grows (and, on the same sets,
//! the segmenter and entity resolution): 1k, 10k and 100k
//! generated articles (our own templates, contradictions planted; see
//! `examples/generate/stories.rs`). Extraction runs once per size outside
//! the timed region; the timed part is `compare::compare` alone: records,
//! blocking, alignment, verdicts and quote drift.
//!
//! ```sh
//! cargo bench --bench compare
//! ```
//! Near-linear growth shows as time per article staying flat across sizes.

use claimcheck::analysis::{Analysis, Settings};
use claimcheck::ingest::{Format, Ingested};
use claimcheck::pipeline::analyse;
use divan::Bencher;
use divan::counter::ItemsCount;
use std::sync::OnceLock;

#[path = "../examples/generate/stories.rs"]
#[allow(dead_code)]
mod stories;

fn main() {
    divan::main();
}

/// The analysis of `n` generated articles, built once per size.
fn analysed(n: usize) -> &'static Analysis {
    static CACHE: [OnceLock<Analysis>; 3] = [OnceLock::new(), OnceLock::new(), OnceLock::new()];
    let slot = match n {
        1_000 => &CACHE[0],
        10_000 => &CACHE[1],
        _ => &CACHE[2],
    };
    slot.get_or_init(|| {
        let jsonl = stories::to_jsonl(&stories::generate(n, 1));
        let mut ingested = Ingested::default();
        ingested.read_bytes("generated.jsonl", jsonl.as_bytes(), Format::JsonLines);
        let settings = Settings {
            claims: true,
            ..Settings::default()
        };
        analyse(ingested, &settings)
    })
}

#[divan::bench(args = [1_000, 10_000, 100_000], sample_count = 5, sample_size = 1)]
fn compare(bencher: Bencher, n: usize) {
    let analysis = analysed(n);
    bencher
        .counter(ItemsCount::new(n))
        .bench(|| claimcheck::compare::compare(divan::black_box(analysis)));
}

/// Sentence segmentation alone over the generated articles' texts.
#[divan::bench(args = [10_000], sample_count = 5)]
fn segment(bencher: Bencher, n: usize) {
    let analysis = analysed(n);
    let bytes: usize = analysis.articles.iter().map(|a| a.article.text.len()).sum();
    bencher
        .counter(divan::counter::BytesCount::new(bytes))
        .bench(|| {
            analysis
                .articles
                .iter()
                .map(|a| {
                    claimcheck::segment::segment(divan::black_box(&a.article))
                        .sentences
                        .len()
                })
                .sum::<usize>()
        });
}

/// Entity resolution across the set: every mention of every article to its
/// canonical entity.
#[divan::bench(args = [1_000, 10_000, 100_000], sample_count = 5, sample_size = 1)]
fn resolve_entities(bencher: Bencher, n: usize) {
    let analysis = analysed(n);
    let claims: Vec<&claimcheck::claims::ArticleClaims> =
        analysis.articles.iter().map(|a| &a.claims).collect();
    bencher
        .counter(ItemsCount::new(n))
        .bench(|| claimcheck::resolve::entities::resolve(divan::black_box(&claims)));
}

/// The set cut into stories (word vectors, candidate pairs, average
/// linkage) and the near-copy groups: the two set-level passes over every
/// article's words.
#[divan::bench(args = [1_000, 10_000, 100_000], sample_count = 5, sample_size = 1)]
fn stories_and_copies(bencher: Bencher, n: usize) {
    let analysis = analysed(n);
    let texts: Vec<&claimcheck::article::Article> =
        analysis.articles.iter().map(|a| &a.article).collect();
    bencher.counter(ItemsCount::new(n)).bench(|| {
        let s = claimcheck::resolve::stories::stories(divan::black_box(&texts));
        let c = claimcheck::compare::copies::near_copies(divan::black_box(analysis));
        (s.stories.len(), c.len())
    });
}
