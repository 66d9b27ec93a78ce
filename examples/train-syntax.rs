//! Trains the syntax models on the UD English Web Treebank and writes them
//! where the library embeds them (`src/syntax/data/`). The same treebank
//! gives the same bytes.
//!
//! The parser learns from the tags it will see: the training text is tagged
//! by taggers trained on the other four fifths of it (jackknifing).
//!
//! cargo run --release --example train-syntax -- ../shared/corpora/ud-ewt [EPOCHS [PRUNE [PARSER_EPOCHS]]]

#![allow(
    clippy::print_stdout,
    clippy::print_stderr,
    reason = "a command-line example reports on the terminal"
)]

use claimcheck::syntax::conllu::{self, Sentence};
use claimcheck::syntax::lemma::Lemmatizer;
use claimcheck::syntax::{parser, parser_tag, tagger};
use std::path::Path;
use std::process::ExitCode;

fn read(dir: &Path, split: &str) -> Result<Vec<Sentence>, String> {
    let path = dir.join(format!("en_ewt-ud-{split}.conllu"));
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    conllu::parse(&text).map_err(|e| format!("{}:{e}", path.display()))
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(dir) = args.first() else {
        eprintln!("usage: train-syntax UD_EWT_DIR [EPOCHS]");
        return ExitCode::from(2);
    };
    let epochs: usize = args.get(1).and_then(|e| e.parse().ok()).unwrap_or(10);
    let (train, dev) = match (read(Path::new(dir), "train"), read(Path::new(dir), "dev")) {
        (Ok(t), Ok(d)) => (t, d),
        (Err(e), _) | (_, Err(e)) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let start = std::time::Instant::now();
    let prune: f32 = args.get(2).and_then(|e| e.parse().ok()).unwrap_or(0.5);
    let parser_epochs: usize = args.get(3).and_then(|e| e.parse().ok()).unwrap_or(15);
    let mut tagger = tagger::train(&train, epochs, prune);
    let lemmas = Lemmatizer::train(&train);
    const FOLDS: usize = 5;
    let mut train_tags: Vec<Vec<String>> = vec![Vec::new(); train.len()];
    let mut first_pass: Vec<Vec<u16>> = vec![Vec::new(); train.len()];
    for fold in 0..FOLDS {
        let rest: Vec<Sentence> = (0..train.len())
            .filter(|i| i % FOLDS != fold)
            .map(|i| train[i].clone())
            .collect();
        let t = tagger::train(&rest, epochs, prune);
        for i in (fold..train.len()).step_by(FOLDS) {
            let words: Vec<&str> = train[i].words.iter().map(|w| w.form.as_str()).collect();
            let classes = t.tag(&words);
            train_tags[i] = classes
                .iter()
                .map(|&c| parser_tag(&t.tags(c).upos, &t.tags(c).xpos))
                .collect();
            first_pass[i] = classes
                .iter()
                .map(|&c| tagger.class_of(t.tags(c)).unwrap_or(0))
                .collect();
        }
    }
    // The second pass learns from first-pass tags that err as on new text.
    tagger.train_second(&train, &first_pass, epochs, prune);
    let parser = parser::train(&train, &train_tags, parser_epochs, prune);
    let (mut upos, mut xpos, mut lemma, mut n) = (0, 0, 0, 0);
    let (mut uas, mut las) = (0, 0);
    for s in &dev {
        let words: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
        let classes = tagger.tag(&words);
        let tags: Vec<String> = classes
            .iter()
            .map(|&c| parser_tag(&tagger.tags(c).upos, &tagger.tags(c).xpos))
            .collect();
        let tags: Vec<&str> = tags.iter().map(String::as_str).collect();
        for (w, a) in s.words.iter().zip(parser.parse(&words, &tags)) {
            uas += usize::from(a.head == w.head);
            las += usize::from(a.head == w.head && parser.label(a.label) == w.deprel);
        }
        for (w, c) in s.words.iter().zip(classes) {
            let t = tagger.tags(c);
            upos += usize::from(t.upos == w.upos);
            xpos += usize::from(t.xpos == w.xpos);
            lemma += usize::from(lemmas.lemma(&w.form, &t.upos) == w.lemma);
            n += 1;
        }
    }
    let out = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/syntax/data");
    let bytes = tagger.to_bytes();
    let text = lemmas.to_text();
    let parsed = parser.to_bytes();
    if let Err(e) = std::fs::write(out.join("tagger.bin"), &bytes)
        .and_then(|()| std::fs::write(out.join("lemmas.tsv"), &text))
        .and_then(|()| std::fs::write(out.join("parser.bin"), &parsed))
    {
        eprintln!("error: {}: {e}", out.display());
        return ExitCode::from(2);
    }
    println!(
        "epochs={epochs},{parser_epochs} dev upos={:.4} xpos={:.4} lemma={:.4} uas={:.4} las={:.4} tagger={} bytes lemmas={} bytes parser={} bytes trained in {:.1} s",
        upos as f64 / n as f64,
        xpos as f64 / n as f64,
        lemma as f64 / n as f64,
        uas as f64 / n as f64,
        las as f64 / n as f64,
        bytes.len(),
        text.len(),
        parsed.len(),
        start.elapsed().as_secs_f64()
    );
    ExitCode::SUCCESS
}
