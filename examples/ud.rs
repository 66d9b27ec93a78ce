//! Scores the embedded syntax models on a treebank file with gold tokens:
//! prints `upos=… xpos=… lemma=… uas=… las=… tokens_per_s=…` and, with
//! `--write PRED`, the CoNLL-U with the predicted UPOS, XPOS, LEMMA, HEAD and
//! DEPREL for exactly the gold words.
//!
//! cargo run --release --example ud -- ../shared/corpora/ud-ewt/en_ewt-ud-test.conllu [--write PRED.conllu]

#![allow(
    clippy::print_stdout,
    clippy::print_stderr,
    reason = "a command-line example reports on the terminal"
)]

use claimcheck::syntax::{conllu, model};
use std::fmt::Write as _;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(gold_path) = args.first() else {
        eprintln!("usage: ud GOLD.conllu [--write PRED.conllu]");
        return ExitCode::from(2);
    };
    let write = args
        .iter()
        .position(|a| a == "--write")
        .and_then(|i| args.get(i + 1));
    let gold = match std::fs::read_to_string(gold_path)
        .map_err(|e| e.to_string())
        .and_then(|t| conllu::parse(&t).map_err(|e| e.to_string()))
    {
        Ok(g) => g,
        Err(e) => {
            eprintln!("error: {gold_path}: {e}");
            return ExitCode::from(2);
        }
    };
    let m = model();
    let analyse = || -> Vec<_> {
        gold.iter()
            .map(|s| {
                let words: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
                m.analyse(&words)
            })
            .collect()
    };
    // One pass to bring the model into memory, then the timed pass: the
    // figure is the steady rate of a long run.
    let _ = analyse();
    let start = std::time::Instant::now();
    let predicted = analyse();
    let secs = start.elapsed().as_secs_f64();
    let (mut upos, mut xpos, mut lemma, mut n) = (0, 0, 0, 0);
    let (mut uas, mut las) = (0, 0);
    let mut out = String::new();
    for (s, p) in gold.iter().zip(&predicted) {
        for c in &s.comments {
            out.push_str(c);
            out.push('\n');
        }
        for (i, (w, a)) in s.words.iter().zip(p).enumerate() {
            upos += usize::from(w.upos == a.upos);
            xpos += usize::from(w.xpos == a.xpos);
            lemma += usize::from(w.lemma == a.lemma);
            uas += usize::from(w.head == a.head);
            las += usize::from(w.head == a.head && w.deprel == a.deprel);
            n += 1;
            let _ = writeln!(
                out,
                "{}\t{}\t{}\t{}\t{}\t_\t{}\t{}\t_\t_",
                i + 1,
                w.form,
                a.lemma,
                a.upos,
                a.xpos,
                a.head,
                a.deprel
            );
        }
        out.push('\n');
    }
    if let Some(path) = write
        && let Err(e) = std::fs::write(path, out)
    {
        eprintln!("error: {path}: {e}");
        return ExitCode::from(2);
    }
    let n = n.max(1) as f64;
    println!(
        "upos={:.4} xpos={:.4} lemma={:.4} uas={:.4} las={:.4} tokens={} tokens_per_s={:.0}",
        upos as f64 / n,
        xpos as f64 / n,
        lemma as f64 / n,
        uas as f64 / n,
        las as f64 / n,
        n,
        n / secs.max(1e-9)
    );
    ExitCode::SUCCESS
}
