//! Extraction throughput (segmentation, grammar, speaker resolution) in bytes
//! per second on one core, and the cost per byte on adversarial articles.
//!
//! ```sh
//! cargo bench --bench extract
//! ```
//! The `news_bulk` case runs only where `../shared/corpora/news-bulk` exists;
//! the others use articles built here from the project's own fixtures.

use claimcheck::analysis::AnalyzedArticle;
use claimcheck::analysis::Settings;
use claimcheck::article::{Article, Origin};
use divan::counter::BytesCount;
use divan::{Bencher, black_box};

#[path = "../examples/generate/speakers.rs"]
mod speakers;

fn main() {
    divan::main();
}

fn article(text: String) -> Article {
    let mut a = claimcheck::ingest::parse_text("bench.txt", text).unwrap_or_else(|_| {
        Article::new(
            "bench.txt".into(),
            Origin {
                path: "bench.txt".into(),
                record_line: None,
            },
            String::new(),
        )
    });
    a.id = "bench.txt".into();
    a
}

/// The fixture articles, repeated to about `bytes`.
fn fixture_articles(bytes: usize) -> Vec<Article> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/grammar");
    let mut texts: Vec<String> = std::fs::read_dir(dir)
        .map(|d| {
            d.filter_map(|e| std::fs::read_to_string(e.ok()?.path()).ok())
                .collect()
        })
        .unwrap_or_default();
    texts.sort();
    let mut out = Vec::new();
    let mut total = 0;
    while total < bytes && !texts.is_empty() {
        for t in &texts {
            total += t.len();
            out.push(article(t.clone()));
        }
    }
    out
}

fn run_all(articles: &[Article], settings: &Settings) -> usize {
    articles
        .iter()
        .map(|a| AnalyzedArticle::new(a.clone(), settings).statements.len())
        .sum()
}

#[divan::bench]
fn fixtures_1mb(bencher: Bencher) {
    let articles = fixture_articles(1 << 20);
    let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    let settings = Settings::default();
    bencher
        .counter(BytesCount::new(bytes))
        .bench(|| run_all(black_box(&articles), &settings));
}

#[divan::bench]
fn news_bulk(bencher: Bencher) {
    let dir = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/corpora/news-bulk/articles"
    );
    if !std::path::Path::new(dir).is_dir() {
        return;
    }
    let ingested = claimcheck::ingest::ingest_paths(&[dir.to_string()], &mut std::io::empty());
    let bytes: usize = ingested.articles.iter().map(|a| a.text.len()).sum();
    let settings = Settings::default();
    bencher
        .counter(BytesCount::new(bytes))
        .bench(|| run_all(black_box(&ingested.articles), &settings));
}

/// One article holding `n` short attributed quotes: cost per byte must not
/// grow with `n`.
/// The whole per-article analysis `check` runs (syntax, claims, mentions,
/// times, quantities) on the fixtures, about 1 MB.
#[divan::bench(sample_count = 10)]
fn with_claims_fixtures_1mb(bencher: Bencher) {
    let articles = fixture_articles(1 << 20);
    let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    let settings = Settings {
        claims: true,
        ..Settings::default()
    };
    bencher
        .counter(BytesCount::new(bytes))
        .bench(|| run_all(black_box(&articles), &settings));
}

#[divan::bench(args = [1_000, 10_000])]
fn many_quotes(bencher: Bencher, n: usize) {
    let mut text = String::from("date 2023-05-14 ");
    for i in 0..n {
        text.push_str(&format!("“Berth {i} is open,” said Ana Ruiz. "));
        if i % 5 == 4 {
            text.push_str("\n\n");
        }
    }
    let a = [article(text)];
    let settings = Settings::default();
    bencher
        .counter(BytesCount::new(a[0].text.len()))
        .bench(|| run_all(black_box(&a), &settings));
}

/// One article with `n` different named speakers, each quoted by surname:
/// the speaker and mention look-ups are indexed, so the cost per byte stays
/// flat as the people grow.
#[divan::bench(args = [1_000, 4_000])]
fn many_speakers_in_one_article(bencher: Bencher, n: usize) {
    let a = [article(speakers::many_speakers(n))];
    let settings = Settings::default();
    bencher
        .counter(BytesCount::new(a[0].text.len()))
        .bench(|| run_all(black_box(&a), &settings));
}

/// A quote mark at byte 0 that never closes, in one paragraph of `n` bytes:
/// no backtracking, so the cost per byte stays flat.
#[divan::bench(args = [100_000, 1_000_000])]
fn unclosed_quote_at_start(bencher: Bencher, n: usize) {
    let mut text = String::from("“");
    let sentence = "The harbour stayed closed and the union said the talks would resume. ";
    while text.len() < n {
        text.push_str(sentence);
    }
    let a = [article(text)];
    let settings = Settings::default();
    bencher
        .counter(BytesCount::new(a[0].text.len()))
        .bench(|| run_all(black_box(&a), &settings));
}
