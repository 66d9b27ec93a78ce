//! The quotation grammar, speaker resolution and chains on arbitrary text:
//! never a panic, every span inside the article on character boundaries,
//! statements nested or disjoint.
#![no_main]

use claimcheck::article::{Article, Origin, Span};
use claimcheck::analysis::{AnalyzedArticle, Settings};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let article = Article::new("fuzz".into(), Origin { path: "fuzz".into(), record_line: None }, text.to_string());
    let a = AnalyzedArticle::new(article, &Settings::default());
    let t = a.article.text.as_str();
    let ok = |s: Span| s.start <= s.end && s.end <= t.len() && t.is_char_boundary(s.start) && t.is_char_boundary(s.end);
    for r in &a.statements {
        let st = &r.statement;
        assert!(ok(st.span));
        for p in &st.parts {
            assert!(ok(*p) && st.span.contains(*p));
        }
        for n in &st.nested {
            assert!(ok(n.span));
        }
        for s in [st.speaker, st.cue, st.reporter, st.medium, st.addressee, st.antecedent].into_iter().flatten() {
            assert!(ok(s));
        }
    }
    let spans: Vec<Span> = a.statements.iter().map(|r| r.statement.span).collect();
    for (i, x) in spans.iter().enumerate() {
        for y in &spans[i + 1..] {
            assert!(!x.overlaps(*y) || x.contains(*y) || y.contains(*x));
        }
    }
    assert_eq!(a.chains.len(), a.statements.len());
});
