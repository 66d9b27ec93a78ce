//! The whole pipeline on a set of fuzzed articles (split at 0xFF bytes, each
//! in a format chosen by its first byte), every report format written.
#![no_main]

use claimcheck::ingest::{Format, Ingested};
use claimcheck::report::{Dot, Html, Human, Json, JsonLines, Mermaid, Reporter, View};
use claimcheck::analysis::Settings;
use claimcheck::pipeline::analyse;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut ing = Ingested::default();
    for (i, chunk) in data.split(|&b| b == 0xFF).enumerate().take(16) {
        let Some((&selector, bytes)) = chunk.split_first() else { continue };
        let format = match selector % 5 {
            0 => Format::Text,
            1 => Format::Markdown,
            2 => Format::JsonLines,
            3 => Format::Html,
            _ => Format::Feed,
        };
        ing.read_bytes(&format!("a{i}"), bytes, format);
    }
    let analysis = analyse(ing, &Settings::default());
    let reporters: [&dyn Reporter; 6] = [&Human, &Json, &JsonLines, &Dot, &Mermaid, &Html];
    for r in reporters {
        for view in [View::Summary, View::Extract, View::Sources] {
            let mut out = Vec::new();
            r.write(&analysis, view, &mut out).expect("writing to memory cannot fail");
        }
    }
});
