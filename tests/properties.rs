//! Properties that hold for any text: spans are valid, statements nest or are
//! disjoint, and line endings, a BOM or the Unicode normal form do not change
//! what is found; re-running and reordering inputs change nothing.

use claimcheck::analysis::{Analysis, AnalyzedArticle, Settings};
use claimcheck::article::Span;
use claimcheck::ingest;
use claimcheck::pipeline::analyse;
use claimcheck::report::{Json, Reporter, View};
use proptest::prelude::*;
use unicode_normalization::UnicodeNormalization;

/// Pieces of news text, chosen to exercise the grammar: names, cues, every
/// quote mark, apostrophes, punctuation, paragraph breaks, non-Latin scripts,
/// combining-friendly words, furniture and invisible characters.
const PIECES: &[&str] = &[
    "the",
    "port",
    "strike",
    "said",
    "says",
    "told",
    "reporters",
    "added",
    "denied",
    "that",
    "according",
    "to",
    "Ana",
    "Ruiz",
    "Dale",
    "Okoro",
    "harbour",
    "master",
    "he",
    "she",
    "it",
    "they",
    "RT",
    "AFP",
    "reported",
    "quoting",
    "citing",
    "in",
    "a",
    "statement",
    "“",
    "”",
    "\"",
    "'",
    "’",
    "‘",
    "«",
    "»",
    "„",
    "''",
    ",",
    ".",
    ":",
    ";",
    "—",
    "?",
    "!",
    "…",
    "\n",
    "\n\n",
    "café",
    "José",
    "Zürich",
    "Ελλάδα",
    "Москва",
    "שלום",
    "مرحبا",
    "\u{200b}",
    "\u{7}",
    "Mr.",
    "U.S.",
    "3.5",
    "'90s",
    "don't",
    "Belarus'",
    "Also Read - Port Closes",
    "(AP Photo/Jo)",
    "date",
    "2022-02-28",
    "Kyiv",
    "Medinsky",
    "Vladimir",
    "as",
    "saying",
    "quoted",
    "and",
];

fn text_strategy() -> impl Strategy<Value = String> {
    joined(PIECES, 0.8, 160)
}

/// Up to `most` pieces, each followed by a space with probability `space`.
fn joined(
    pieces: &'static [&'static str],
    space: f64,
    most: usize,
) -> impl Strategy<Value = String> {
    prop::collection::vec(
        (prop::sample::select(pieces), prop::bool::weighted(space)),
        0..most,
    )
    .prop_map(|parts| {
        let mut s = String::new();
        for (p, space) in parts {
            s.push_str(p);
            if space {
                s.push(' ');
            }
        }
        s
    })
}

fn analyse_text(text: &str) -> AnalyzedArticle {
    let article = match ingest::parse_text("p.txt", text.to_string()) {
        Ok(a) => a,
        Err(_) => ingest::parse_text("p.txt", format!("{text} x")).unwrap_or_else(|_| {
            claimcheck::article::Article::new(
                "p.txt".into(),
                claimcheck::article::Origin {
                    path: "p.txt".into(),
                    record_line: None,
                },
                "x".into(),
            )
        }),
    };
    AnalyzedArticle::new(article, &Settings::default())
}

fn valid(text: &str, span: Span) -> bool {
    span.start <= span.end
        && span.end <= text.len()
        && text.is_char_boundary(span.start)
        && text.is_char_boundary(span.end)
}

/// What a reader compares: kind, words, speaker.
fn summary(
    a: &AnalyzedArticle,
    norm: impl Fn(&str) -> String,
) -> Vec<(String, String, Option<String>)> {
    a.statements
        .iter()
        .map(|r| {
            let st = &r.statement;
            (
                st.kind.as_str().to_string(),
                norm(a.article.slice(st.span)),
                r.speaker.as_deref().map(&norm),
            )
        })
        .collect()
}

/// News text with markup in it, for the HTML report.
fn hostile_text_strategy() -> impl Strategy<Value = String> {
    const MARKUP: &[&str] = &[
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>",
        "<",
        ">",
        "&",
        "&amp;",
        "</span>",
        "<span>",
        "</mark>",
        "-->",
    ];
    prop::collection::vec(
        (
            prop::sample::select(PIECES),
            prop::option::weighted(0.15, prop::sample::select(MARKUP)),
        ),
        0..120,
    )
    .prop_map(|parts| {
        let mut s = String::from("date 2022-02-28 ");
        for (p, markup) in parts {
            s.push_str(p);
            s.push(' ');
            if let Some(m) = markup {
                s.push_str(m);
            }
        }
        s
    })
}

/// Whether `open` and `close` tags nest in `page`: never more closed than
/// opened, and as many of each.
fn balanced(page: &str, open: &str, close: &str) -> bool {
    let mut depth: i64 = 0;
    let mut rest = page;
    loop {
        let o = rest.find(open);
        let c = rest.find(close);
        match (o, c) {
            (Some(o), Some(c)) if o < c => {
                depth += 1;
                rest = &rest[o + open.len()..];
            }
            (_, Some(c)) => {
                depth -= 1;
                if depth < 0 {
                    return false;
                }
                rest = &rest[c + close.len()..];
            }
            (Some(o), None) => {
                depth += 1;
                rest = &rest[o + open.len()..];
            }
            (None, None) => return depth == 0,
        }
    }
}

fn json(analysis: &Analysis) -> Vec<u8> {
    let mut out = Vec::new();
    Json.write(analysis, View::Extract, &mut out).unwrap();
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn syntax_trees_are_well_formed_on_any_text(text in text_strategy(), raw in ".{0,80}") {
        for text in [text, raw] {
            let a = analyse_text(&text);
            let t = a.article.text.as_str();
            let syntax = claimcheck::syntax::analyse(&a.article, &a.segments);
            for s in &syntax.sentences {
                let n = s.tokens.len();
                prop_assert_eq!(s.tokens.iter().filter(|w| w.head == 0).count(), 1);
                let mut last = 0;
                for (i, w) in s.tokens.iter().enumerate() {
                    prop_assert!(t.get(w.span.start..w.span.end).is_some_and(|f| !f.is_empty()));
                    prop_assert!(w.span.start >= last);
                    last = w.span.end;
                    prop_assert!(w.head <= n && w.head != i + 1);
                    let (mut at, mut steps) = (i + 1, 0);
                    while at != 0 {
                        at = s.tokens[at - 1].head;
                        steps += 1;
                        prop_assert!(steps <= n, "a cycle");
                    }
                }
            }
        }
    }

    #[test]
    fn every_span_is_inside_its_article_on_char_boundaries(text in text_strategy()) {
        let a = analyse_text(&text);
        let t = a.article.text.as_str();
        for s in &a.segments.sentences {
            prop_assert!(valid(t, s.span));
        }
        for e in &a.article.excluded {
            prop_assert!(valid(t, e.span));
        }
        for i in &a.issues {
            prop_assert!(valid(t, i.span));
        }
        for r in &a.statements {
            let st = &r.statement;
            prop_assert!(valid(t, st.span), "{:?}", st);
            // Nothing comes from furniture: a statement never starts inside it.
            if !st.span.is_empty() {
                prop_assert!(!a.article.is_excluded(Span::new(st.span.start, st.span.start + 1)));
            }
            for p in &st.parts { prop_assert!(valid(t, *p) && st.span.contains(*p)); }
            for n in &st.nested { prop_assert!(valid(t, n.span) && st.span.contains(n.span)); }
            for s in [st.speaker, st.cue, st.reporter, st.medium, st.addressee, st.antecedent].into_iter().flatten() {
                prop_assert!(valid(t, s));
            }
            for s in &st.outer { prop_assert!(valid(t, *s)); }
        }
    }

    #[test]
    fn statements_nest_or_are_disjoint(text in text_strategy()) {
        let a = analyse_text(&text);
        let spans: Vec<Span> = a.statements.iter().map(|r| r.statement.span).collect();
        for (i, x) in spans.iter().enumerate() {
            for y in &spans[i + 1..] {
                prop_assert!(!x.overlaps(*y) || x.contains(*y) || y.contains(*x), "{x} and {y} overlap in {text:?}");
            }
        }
    }

    #[test]
    fn crlf_and_lf_give_the_same_statements(text in text_strategy()) {
        let lf = analyse_text(&text);
        let crlf_text = text.replace('\n', "\r\n");
        let crlf = analyse_text(&crlf_text);
        let strip = |s: &str| s.replace('\r', "");
        prop_assert_eq!(summary(&lf, strip), summary(&crlf, strip));
        for r in &crlf.statements {
            prop_assert!(valid(&crlf.article.text, r.statement.span));
        }
    }

    #[test]
    fn a_byte_order_mark_changes_nothing(text in text_strategy()) {
        let plain = analyse_text(&text);
        let bom = analyse_text(&format!("\u{feff}{text}"));
        let same = |s: &str| s.to_string();
        prop_assert_eq!(summary(&plain, same), summary(&bom, same));
    }

    #[test]
    fn the_html_report_of_any_text_is_inert_and_well_nested(
        a in hostile_text_strategy(),
        b in hostile_text_strategy(),
    ) {
        let mut ing = ingest::Ingested::default();
        for (id, text) in [("a.txt", a), ("b <i>.txt", b)] {
            if let Ok(article) = ingest::parse_text(id, text) {
                ing.articles.push(article);
            }
        }
        let settings = Settings { claims: true, ..Settings::default() };
        let analysis = analyse(ing, &settings);
        let page = claimcheck::report::html::render(&analysis);
        prop_assert_eq!(page.matches("<script").count(), 1);
        prop_assert!(!page.contains("<img") && !page.contains("<i>"));
        prop_assert!(balanced(&page, "<span", "</span>"));
        prop_assert!(balanced(&page.replace("<marker", ""), "<mark", "</mark>"));
        prop_assert!(page.ends_with("</html>\n"));
    }

    #[test]
    fn nfc_and_nfd_give_the_same_statements(text in text_strategy()) {
        let nfc = analyse_text(&text.nfc().collect::<String>());
        let nfd_text: String = text.nfd().collect();
        let nfd = analyse_text(&nfd_text);
        let norm = |s: &str| s.nfc().collect::<String>();
        prop_assert_eq!(summary(&nfc, norm), summary(&nfd, norm));
        for r in &nfd.statements {
            prop_assert!(valid(&nfd.article.text, r.statement.span));
        }
    }
}

#[test]
fn re_running_and_reordering_inputs_change_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let texts = [
        "date 2023-05-14 “We stay,” said Ana Ruiz.",
        "Okoro told reporters the strike was over.",
        "The port reopened, RT reported quoting Ana Ruiz.",
    ];
    let mut paths = Vec::new();
    for (i, t) in texts.iter().enumerate() {
        let p = dir.path().join(format!("{i}.txt"));
        std::fs::write(&p, t).unwrap();
        paths.push(p.display().to_string());
    }
    let run = |paths: &[String]| {
        json(&analyse(
            ingest::ingest_paths(paths, &mut std::io::empty()),
            &Settings::default(),
        ))
    };
    let first = run(&paths);
    assert_eq!(first, run(&paths));
    let mut reversed = paths.clone();
    reversed.reverse();
    assert_eq!(first, run(&reversed));
    let mut rotated = paths.clone();
    rotated.rotate_left(1);
    assert_eq!(first, run(&rotated));
}

/// Inputs the properties found; each once broke an invariant or panicked.
#[test]
fn regressions_found_by_the_properties() {
    // A relay at the very end of a sentence made the content start past it
    // (an out-of-range slice).
    let a = analyse_text("José quoted the said quoting José, «");
    assert!(
        a.statements
            .iter()
            .all(|r| valid(&a.article.text, r.statement.span))
    );
    // A quote opening on a photo credit: no statement may start inside it.
    let a = analyse_text("“(AP Photo/Jo)the");
    for r in &a.statements {
        assert!(!a.article.is_excluded(Span::new(
            r.statement.span.start,
            r.statement.span.start + 1
        )));
    }
    // Reported content that cut an unclosed quote in two.
    let a = analyse_text("José saying““thethe the? ,");
    let spans: Vec<Span> = a.statements.iter().map(|r| r.statement.span).collect();
    for (i, x) in spans.iter().enumerate() {
        for y in &spans[i + 1..] {
            assert!(!x.overlaps(*y) || x.contains(*y) || y.contains(*x));
        }
    }
    // Decomposed accents and a BOM before furniture or apostrophes.
    for text in [
        "café‘café'",
        "café.José saying\u{200b}thethe café",
        "'90s café'",
        "Also Read - Port Closes “the",
    ] {
        let nfc = analyse_text(&text.nfc().collect::<String>());
        let nfd = analyse_text(&text.nfd().collect::<String>());
        let norm = |s: &str| s.nfc().collect::<String>();
        assert_eq!(summary(&nfc, norm), summary(&nfd, norm), "{text:?}");
        let bom = analyse_text(&format!("\u{feff}{text}"));
        assert_eq!(summary(&nfc, norm), summary(&bom, norm), "{text:?}");
    }
}

/// Wordings of one story, each a near-copy of the others but for one word
/// of the quote.
const WORDINGS: [&str; 3] = ["rebuild", "repair", "restore"];

fn story(wording: &str) -> String {
    format!(
        "date 2024-03-04\n\nThe harbour wall at Harbourton collapsed on Sunday night after a week of storms, the port authority said.\n\n“We will {wording} the harbour wall before the winter storms arrive in Harbourton,” Jan Kowal said on Monday, adding that the council had set aside money for the work.\n"
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

    /// However many articles repeat a few wordings of one story, the report
    /// grows with the wordings, not the articles: one quote-drift finding per
    /// pair of wordings, one circular-reporting finding per group of copies,
    /// and every article of a repeated wording is named in one of them.
    #[test]
    fn repeated_wordings_give_findings_in_proportion_to_the_wordings(
        picks in prop::collection::vec(0usize..3, 2..120),
    ) {
        let mut ing = ingest::Ingested::default();
        for (i, &w) in picks.iter().enumerate() {
            ing.read_bytes(&format!("{i:03}.txt"), story(WORDINGS[w]).as_bytes(), ingest::Format::Text);
        }
        let settings = Settings { claims: true, ..Settings::default() };
        let analysis = analyse(ing, &settings);
        let findings = claimcheck::rules::findings(&analysis, &claimcheck::rules::RuleOptions::default());
        let used: std::collections::BTreeSet<usize> = picks.iter().copied().collect();
        let of = |rule: claimcheck::finding::Rule| findings.iter().filter(move |f| f.rule == rule);
        let k = used.len();
        prop_assert!(of(claimcheck::finding::Rule::QuoteDrift).count() <= k * (k - 1) / 2);
        if k >= 2 {
            prop_assert!(of(claimcheck::finding::Rule::QuoteDrift).count() >= 1);
        }
        let circular: Vec<_> = of(claimcheck::finding::Rule::CircularReporting).collect();
        prop_assert!(circular.len() <= k, "{} groups for {k} wordings", circular.len());
        // Nothing lost: every article whose wording another article repeats
        // is in a near-copy group.
        let named: std::collections::BTreeSet<usize> = circular
            .iter()
            .flat_map(|f| std::iter::once(f.location.article).chain(f.related.iter().map(|r| r.location.article)))
            .collect();
        for (i, &w) in picks.iter().enumerate() {
            if picks.iter().filter(|&&x| x == w).count() >= 2 {
                prop_assert!(named.contains(&i), "article {i} is in no group");
            }
        }
    }
}

/// Pieces of markup and prose for the page, Markdown and feed readers: tags
/// opened and closed out of order, entities good and bad, comments, CDATA,
/// scripts, emphasis, links, front-matter fences and quote marks.
const MARKUP: &[&str] = &[
    "<p>",
    "</p>",
    "<div class=\"story\">",
    "<div class=\"related\">",
    "</div>",
    "<b>",
    "</b>",
    "<a href=\"x\">",
    "</a>",
    "<br>",
    "<script>",
    "</script>",
    "<style>",
    "</style>",
    "<!--",
    "-->",
    "<![CDATA[",
    "]]>",
    "&ldquo;",
    "&rdquo;",
    "&amp;",
    "&#39;",
    "&#x201C;",
    "&bogus;",
    "&",
    "<",
    ">",
    "\"",
    "“",
    "”",
    "**",
    "_",
    "[",
    "](u \"t\")",
    "`",
    "```",
    "\n",
    "\n\n",
    "---\n",
    "+++\n",
    "# ",
    "- ",
    "> ",
    "said",
    "the",
    "mayor",
    "Ana Ruiz",
    "pier",
    "é",
    "😀",
    "<item>",
    "</item>",
    "<description>",
    "</description>",
    "<rss>",
    "</rss>",
    "<?xml version=\"1.0\"?>",
];

fn markup_strategy() -> impl Strategy<Value = String> {
    joined(MARKUP, 0.6, 120)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// Whatever the markup, every reader lists its input, and every byte of
    /// an article drawn out of a file maps into that file, in order.
    #[test]
    fn drawn_out_text_maps_into_its_file_in_order(page in markup_strategy()) {
        for format in [ingest::Format::Html, ingest::Format::Markdown, ingest::Format::Feed] {
            let mut ing = ingest::Ingested::default();
            ing.read_bytes("p", page.as_bytes(), format);
            prop_assert!(!ing.inputs.is_empty());
            for a in &ing.articles {
                let Some(map) = &a.source else { continue };
                let file = map.source();
                let mut last = 0;
                for (i, _) in a.text.char_indices() {
                    let s = a.file_span(Span::new(i, i + 1));
                    prop_assert!(s.start <= s.end && s.end <= file.len(), "{format:?} {i} {s:?}");
                    prop_assert!(s.start >= last, "{format:?}: offsets go back at {i}");
                    last = s.start;
                }
                let whole = a.file_span(Span::new(0, a.text.len()));
                prop_assert!(file.is_char_boundary(whole.start) && file.is_char_boundary(whole.end));
                for e in &a.excluded {
                    prop_assert!(e.span.end <= a.text.len());
                }
            }
        }
    }
}
