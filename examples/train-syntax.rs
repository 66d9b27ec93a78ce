//! Trains the syntax models on the UD English Web Treebank and writes them
//! where the library embeds them (`src/syntax/data/`). The same treebank
//! gives the same bytes.
//!
//! cargo run --release --example train-syntax -- ../shared/corpora/ud-ewt [EPOCHS [PRUNE]]

#![allow(
    clippy::print_stdout,
    clippy::print_stderr,
    reason = "a command-line example reports on the terminal"
)]

use claimcheck::syntax::conllu::{self, Sentence};
use claimcheck::syntax::lemma::Lemmatizer;
use claimcheck::syntax::tagger;
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
    let prune: f32 = args.get(2).and_then(|e| e.parse().ok()).unwrap_or(0.01);
    let tagger = tagger::train(&train, epochs, prune);
    let lemmas = Lemmatizer::train(&train);
    let (mut upos, mut xpos, mut lemma, mut n) = (0, 0, 0, 0);
    for s in &dev {
        let words: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
        for (w, c) in s.words.iter().zip(tagger.tag(&words)) {
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
    if let Err(e) = std::fs::write(out.join("tagger.bin"), &bytes)
        .and_then(|()| std::fs::write(out.join("lemmas.tsv"), &text))
    {
        eprintln!("error: {}: {e}", out.display());
        return ExitCode::from(2);
    }
    println!(
        "epochs={epochs} dev upos={:.4} xpos={:.4} lemma={:.4} tagger={} bytes lemmas={} bytes trained in {:.1} s",
        upos as f64 / n as f64,
        xpos as f64 / n as f64,
        lemma as f64 / n as f64,
        bytes.len(),
        text.len(),
        start.elapsed().as_secs_f64()
    );
    ExitCode::SUCCESS
}
