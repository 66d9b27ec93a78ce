//! Whole article sets of varied size, shaped like real story sets: a few
//! fuzzed fragments (split at 0xFF) repeated across up to 300 articles (one
//! wire story, one quote, one name in many articles), each article optionally
//! varied by one byte or a line of its own, so repeated and near-repeated
//! text meets every cross-article rule at scale.
//!
//! Checks: no panic; the findings stay proportional to the set (a rule that
//! reported pairs of articles or pairs of wordings would exceed the bound
//! long before the fuzzer's time runs out); and the same set analysed twice
//! gives byte-identical JSON.
#![no_main]

use claimcheck::analysis::Settings;
use claimcheck::ingest::{Format, Ingested};
use claimcheck::pipeline::analyse;
use claimcheck::report::{Json, Reporter, View};
use claimcheck::rules::{self, RuleOptions};
use libfuzzer_sys::fuzz_target;

/// The most articles one input makes.
const MAX_ARTICLES: usize = 300;

fn set(data: &[u8]) -> Option<(Ingested, usize)> {
    let (&[lo, hi, recipe], rest) = data.split_first_chunk::<3>()?;
    let count = usize::from(u16::from_le_bytes([lo, hi])) % (MAX_ARTICLES + 1);
    let fragments: Vec<&[u8]> = rest.split(|&b| b == 0xFF).take(16).collect();
    let per_article = 1 + usize::from(recipe & 0b11) % 3;
    let format = if recipe & 0b1_0000 != 0 {
        Format::Markdown
    } else {
        Format::Text
    };
    let mut ing = Ingested::default();
    let mut bytes = 0;
    for i in 0..count {
        let mut text = Vec::new();
        for j in 0..per_article {
            let f = fragments[(i * j + j * usize::from(recipe >> 5)) % fragments.len()];
            text.extend_from_slice(f);
            text.extend_from_slice(b"\n\n");
        }
        if recipe & 0b100 != 0 && !text.is_empty() {
            // One letter changed: a near-copy, a drifted quote, a variant name.
            let at = (i * 31) % text.len();
            if text[at].is_ascii_alphabetic() {
                text[at] = b'a' + (i % 26) as u8;
            }
        }
        if recipe & 0b1000 != 0 {
            text.extend_from_slice(format!("Update {} from desk {}.\n", i, i % 7).as_bytes());
        }
        bytes += text.len();
        let ext = if format == Format::Markdown { "md" } else { "txt" };
        ing.read_bytes(&format!("a{i:03}.{ext}"), &text, format);
    }
    Some((ing, bytes))
}

fn report(data: &[u8]) -> Option<(Vec<u8>, usize, usize, usize)> {
    let (ing, bytes) = set(data)?;
    let mut analysis = analyse(ing, &Settings::default());
    analysis.findings = rules::findings(&analysis, &RuleOptions::default());
    let mut out = Vec::new();
    Json.write(&analysis, View::Summary, &mut out)
        .expect("writing to memory cannot fail");
    let statements: usize = analysis.articles.iter().map(|a| a.statements.len()).sum();
    Some((out, analysis.findings.len(), analysis.articles.len(), statements + bytes))
}

fuzz_target!(|data: &[u8]| {
    let Some((first, findings, articles, size)) = report(data) else {
        return;
    };
    // Linear in the set: per-article rules give at most a few findings per
    // statement or byte; grouped cross-article rules at most one per article
    // or wording. Pairs of 300 repeated articles (44,850) break it.
    assert!(
        findings <= 4 * (articles + size / 8) + 16,
        "{findings} findings for {articles} articles of {size} statements and bytes"
    );
    let (second, ..) = report(data).expect("the same input makes the same set");
    assert!(first == second, "the same set gave two different reports");
});
