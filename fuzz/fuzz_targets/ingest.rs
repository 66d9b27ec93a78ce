//! Ingestion of every format from arbitrary bytes: never a panic, every input
//! accounted for, every article's spans valid.
#![no_main]

use claimcheck::ingest::{Format, Ingested};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, bytes)) = data.split_first() else { return };
    let format = match selector % 4 {
        0 => Format::Text,
        1 => Format::Markdown,
        2 => Format::JsonLines,
        _ => Format::Json,
    };
    let mut ing = Ingested::default();
    ing.read_bytes("fuzz", bytes, format);
    assert!(!ing.inputs.is_empty(), "the input is listed as read or failed");
    for a in &ing.articles {
        for e in &a.excluded {
            assert!(e.span.end <= a.text.len());
            assert!(a.text.is_char_boundary(e.span.start) && a.text.is_char_boundary(e.span.end));
        }
    }
});
