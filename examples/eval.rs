//! Measures quotation extraction against an annotated corpus.
//!
//! ```sh
//! cargo run --release --example eval -- ../shared/corpora/ggt ../shared/corpora/polnear
//! ```
//! Each corpus folder holds `articles/*.txt` and `gold.jsonl`. PolNeAR is
//! scored on its `direct,mixed` kinds (its `indirect` kind includes attributed
//! beliefs); pass `--kinds` to choose. A missing corpus is skipped with a note,
//! so the command works in a clone without the corpora.
//! `--predictions FILE` writes the predictions in the form `score.py` reads;
//! `--show N` prints the first N misses, spurious predictions and wrong speakers.
//! Quotations come from the token rules and the parse, as `check` finds
//! them; `--tokens-only` measures the token rules alone (a plain `extract`).

#![allow(clippy::print_stdout, clippy::print_stderr)]

use claimcheck::eval::{self, Gold, Prediction};
use claimcheck::pipeline::analyse;
use std::io::Write;
use std::path::Path;

fn main() {
    let mut corpora = Vec::new();
    let mut kinds: Option<Vec<String>> = None;
    let mut pred_out: Option<String> = None;
    let mut show = 0usize;
    let mut tokens_only = false;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--kinds" => {
                kinds = args
                    .next()
                    .map(|k| k.split(',').map(str::to_string).collect())
            }
            "--predictions" => pred_out = args.next(),
            "--show" => show = args.next().and_then(|n| n.parse().ok()).unwrap_or(10),
            "--tokens-only" => tokens_only = true,
            _ => corpora.push(a),
        }
    }
    if corpora.is_empty() {
        eprintln!(
            "usage: eval CORPUS_DIR... [--kinds direct,mixed] [--predictions FILE] [--show N] [--tokens-only]"
        );
        std::process::exit(2);
    }
    let mut all_preds: Vec<Prediction> = Vec::new();
    for dir in &corpora {
        let dir = Path::new(dir);
        let gold_path = dir.join("gold.jsonl");
        let Ok(gold_text) = std::fs::read_to_string(&gold_path) else {
            println!("{}: no gold.jsonl here; skipped", dir.display());
            continue;
        };
        let gold: Vec<Gold> = gold_text
            .lines()
            .filter_map(|l| serde_json::from_str(l).ok())
            .collect();
        let name = dir.file_name().and_then(|n| n.to_str()).unwrap_or("corpus");
        let kinds_here = kinds.clone().or_else(|| {
            (name == "polnear").then(|| vec!["direct".to_string(), "mixed".to_string()])
        });
        let started = std::time::Instant::now();
        let ingested = claimcheck::ingest::ingest_paths(
            &[dir.join("articles").display().to_string()],
            &mut std::io::empty(),
        );
        let bytes: usize = ingested.articles.iter().map(|a| a.text.len()).sum();
        let settings = claimcheck::analysis::Settings {
            parse: !tokens_only,
            ..Default::default()
        };
        let analysis = analyse(ingested, &settings);
        let elapsed = started.elapsed();
        let preds: Vec<Prediction> = analysis
            .articles
            .iter()
            .flat_map(eval::predictions)
            .collect();
        let s = eval::score(&gold, &preds, kinds_here.as_deref());
        println!(
            "{name}: {} articles, {} bytes, {:.2} s; gold quotes {}{}; predictions scored {} (ignored {})",
            analysis.articles.len(),
            bytes,
            elapsed.as_secs_f64(),
            s.n_gold,
            kinds_here
                .as_ref()
                .map(|k| format!(" (kinds {})", k.join(",")))
                .unwrap_or_default(),
            s.n_pred,
            s.ignored
        );
        println!(
            "  overlap  P={:.3} R={:.3} F1={:.3}",
            s.precision(),
            s.recall(),
            s.f1()
        );
        println!(
            "  exact    P={:.3} R={:.3} F1={:.3}",
            s.exact_precision(),
            s.exact_recall(),
            s.exact_f1()
        );
        println!(
            "  speaker  accuracy={:.3} ({} of {})",
            s.speaker_accuracy(),
            s.speaker_ok,
            s.speaker_total
        );
        for (k, (hit, tot)) in &s.recall_by_kind {
            println!(
                "  recall kind={k:<9} {:.3} ({hit}/{tot})",
                if *tot > 0 {
                    *hit as f64 / *tot as f64
                } else {
                    0.0
                }
            );
        }
        println!(
            "  {name} quote_f1={:.3} exact_f1={:.3} speaker_acc={:.3} n_gold={}",
            s.f1(),
            s.exact_f1(),
            s.speaker_accuracy(),
            s.n_gold
        );
        if show > 0 {
            eval::print_errors(&gold, &preds, kinds_here.as_deref(), show);
        }
        all_preds.extend(preds);
    }
    if let Some(path) = pred_out {
        let mut f =
            std::io::BufWriter::new(std::fs::File::create(&path).expect("create predictions file"));
        for p in &all_preds {
            serde_json::to_writer(&mut f, p).expect("write prediction");
            writeln!(f).expect("write prediction");
        }
    }
}
