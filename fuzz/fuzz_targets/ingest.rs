//! Ingestion of every format from arbitrary bytes: never a panic, every input
//! accounted for, every article's spans valid, a drawn-out text mapped into
//! its file in order.
#![no_main]

use claimcheck::ingest::{Format, Ingested};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, bytes)) = data.split_first() else { return };
    let format = match selector % 6 {
        0 => Format::Text,
        1 => Format::Markdown,
        2 => Format::JsonLines,
        3 => Format::Json,
        4 => Format::Html,
        _ => Format::Feed,
    };
    let mut ing = Ingested::default();
    ing.read_bytes("fuzz", bytes, format);
    assert!(!ing.inputs.is_empty(), "the input is listed as read or failed");
    for a in &ing.articles {
        for e in &a.excluded {
            assert!(e.span.end <= a.text.len());
            assert!(a.text.is_char_boundary(e.span.start) && a.text.is_char_boundary(e.span.end));
        }
        // A text drawn out of a page or Markdown maps into its file, in order.
        if let Some(map) = &a.source {
            let mut last = 0;
            for (i, _) in a.text.char_indices() {
                let s = a.file_span(claimcheck::article::Span::new(i, i + 1));
                assert!(s.start <= s.end && s.end <= map.source().len() && s.start >= last);
                last = s.start;
            }
        }
    }
});
