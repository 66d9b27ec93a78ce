//! Measures claim-vs-article verdicts against the FNC-1 stance corpus.
//!
//! ```sh
//! cargo run --release --example fnc1 -- ../shared/corpora/fnc1 [--predictions FILE] [--show N] [--tune]
//! ```
//! The folder holds `gold.jsonl` (one headline/body pair a line: `claim_a`,
//! `article_b`, `label`) and `articles/`. Each body is analysed once and
//! each headline once (as a one-sentence article); every pair is then
//! checked with [`check_claim`]. The pairs are split in two halves by a hash
//! of their headline id: the thresholds were chosen on the `tune` half, and
//! the `held-out` half shows how they carry over. A missing corpus is
//! skipped with a note, so the command works in a clone without it.
//!
//! `--predictions FILE` writes `{"claim_a", "article_b", "label"}` lines
//! that `score.py` reads in its pair mode; `--show N` prints the first N
//! wrong agreements and contradictions of the tune half with their rule; `--tune` prints
//! precision and recall on the tune half over a grid of thresholds;
//! `--verdicts FILE` writes every verdict (rule, why, evidence spans) with
//! its gold label and half, one JSON object a line.

#![allow(clippy::print_stdout, clippy::print_stderr)]

use claimcheck::analysis::{AnalyzedArticle, Settings};
use claimcheck::compare::claim::{
    Assessment, ClaimTerms, ClaimVerdict, Stance, Thresholds, assess, check_claim,
};
use claimcheck::ingest;
use std::collections::{BTreeMap, HashMap};
use std::io::Write;
use std::path::Path;
use std::time::Instant;

#[derive(serde::Deserialize)]
struct Pair {
    headline_id: String,
    claim_a: String,
    article_b: String,
    label: String,
}

fn stance(label: &str) -> Option<Stance> {
    Stance::ALL.into_iter().find(|s| s.as_str() == label)
}

/// FNV-1a: a hash that stays the same across Rust versions.
fn fnv(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Whether a pair is in the half the thresholds were tuned on.
fn tune_half(p: &Pair) -> bool {
    fnv(&p.headline_id).is_multiple_of(2)
}

/// Analyses texts on every core: (name, text) → analysed article.
fn analyse_all(items: Vec<(String, String)>, settings: &Settings) -> Vec<Option<AnalyzedArticle>> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let chunk = items.len().div_ceil(threads).max(1);
    std::thread::scope(|scope| {
        let handles: Vec<_> = items
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || {
                    part.iter()
                        .map(|(name, text)| {
                            ingest::parse_text(name, text.clone())
                                .ok()
                                .map(|a| AnalyzedArticle::new(a, settings))
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("analysis thread"))
            .collect()
    })
}

/// A confusion matrix: (gold, predicted) → count.
#[derive(Default)]
struct Confusion(BTreeMap<(usize, usize), usize>);

impl Confusion {
    fn add(&mut self, gold: Stance, pred: Stance) {
        let i = |s: Stance| Stance::ALL.iter().position(|x| *x == s).unwrap_or(0);
        *self.0.entry((i(gold), i(pred))).or_default() += 1;
    }

    fn get(&self, g: usize, p: usize) -> usize {
        self.0.get(&(g, p)).copied().unwrap_or(0)
    }

    /// (precision, recall, f1, predicted, gold) of one label.
    fn prf(&self, l: usize) -> (f64, f64, f64, usize, usize) {
        let tp = self.get(l, l);
        let npred: usize = (0..4).map(|g| self.get(g, l)).sum();
        let ngold: usize = (0..4).map(|p| self.get(l, p)).sum();
        let p = if npred > 0 {
            tp as f64 / npred as f64
        } else {
            0.0
        };
        let r = if ngold > 0 {
            tp as f64 / ngold as f64
        } else {
            0.0
        };
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        (p, r, f, npred, ngold)
    }

    fn print(&self, title: &str) {
        let total: usize = self.0.values().sum();
        let correct: usize = (0..4).map(|l| self.get(l, l)).sum();
        println!("{title}: {total} pairs");
        println!(
            "  {:<14}{:>10}{:>14}{:>9}{:>11}",
            "gold \\ pred", "agreement", "contradiction", "neutral", "unrelated"
        );
        for (g, s) in Stance::ALL.iter().enumerate() {
            println!(
                "  {:<14}{:>10}{:>14}{:>9}{:>11}",
                s.as_str(),
                self.get(g, 0),
                self.get(g, 1),
                self.get(g, 2),
                self.get(g, 3)
            );
        }
        for (l, s) in Stance::ALL.iter().enumerate() {
            let (p, r, f, np, ng) = self.prf(l);
            println!(
                "  {:<14} P={p:.3} R={r:.3} F1={f:.3}  (predicted {np}, gold {ng})",
                s.as_str()
            );
        }
        let acc = if total > 0 {
            correct as f64 / total as f64
        } else {
            0.0
        };
        println!("  accuracy={acc:.3}");
    }
}

fn main() {
    let mut dirs = Vec::new();
    let mut pred_out: Option<String> = None;
    let mut verdicts_out: Option<String> = None;
    let mut show = 0usize;
    let mut tune = false;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--predictions" => pred_out = args.next(),
            "--verdicts" => verdicts_out = args.next(),
            "--show" => show = args.next().and_then(|n| n.parse().ok()).unwrap_or(10),
            "--tune" => tune = true,
            _ => dirs.push(a),
        }
    }
    let Some(dir) = dirs.first() else {
        eprintln!(
            "usage: fnc1 CORPUS_DIR [--predictions FILE] [--verdicts FILE] [--show N] [--tune]"
        );
        std::process::exit(2);
    };
    let dir = Path::new(dir);
    let Ok(gold_text) = std::fs::read_to_string(dir.join("gold.jsonl")) else {
        println!("{}: no gold.jsonl here; skipped", dir.display());
        return;
    };
    let pairs: Vec<Pair> = gold_text
        .lines()
        .filter_map(|l| serde_json::from_str(l).ok())
        .collect();
    let settings = Settings {
        claims: true,
        ..Settings::default()
    };

    let started = Instant::now();
    let mut body_names: Vec<&str> = pairs.iter().map(|p| p.article_b.as_str()).collect();
    body_names.sort_unstable();
    body_names.dedup();
    let mut missing = 0;
    let items: Vec<(String, String)> = body_names
        .iter()
        .map(|n| {
            let text = std::fs::read_to_string(dir.join("articles").join(n)).unwrap_or_else(|_| {
                missing += 1;
                String::new()
            });
            (n.to_string(), text)
        })
        .collect();
    let bytes: usize = items.iter().map(|(_, t)| t.len()).sum();
    let bodies = analyse_all(items, &settings);
    let body_of: HashMap<&str, usize> = body_names
        .iter()
        .enumerate()
        .map(|(i, n)| (*n, i))
        .collect();
    let analysed_bodies = started.elapsed();

    let mut claim_texts: Vec<&str> = pairs.iter().map(|p| p.claim_a.as_str()).collect();
    claim_texts.sort_unstable();
    claim_texts.dedup();
    let claims = analyse_all(
        claim_texts
            .iter()
            .map(|t| ("claim".to_string(), t.to_string()))
            .collect(),
        &settings,
    );
    let claim_of: HashMap<&str, usize> = claim_texts
        .iter()
        .enumerate()
        .map(|(i, t)| (*t, i))
        .collect();
    let analysed_claims = started.elapsed();

    // One verdict per pair, through the public entry point; the
    // assessments are kept for --tune.
    let checked = Instant::now();
    let mut verdicts: Vec<Option<ClaimVerdict>> = Vec::with_capacity(pairs.len());
    let mut assessments: Vec<Option<Assessment>> = Vec::new();
    let mut terms_cache: HashMap<usize, ClaimTerms<'_>> = HashMap::new();
    for p in &pairs {
        let body = body_of
            .get(p.article_b.as_str())
            .and_then(|&i| bodies[i].as_ref());
        let claim = claim_of
            .get(p.claim_a.as_str())
            .and_then(|&i| claims[i].as_ref());
        match (claim, body) {
            (Some(c), Some(b)) => {
                verdicts.push(check_claim(c, std::slice::from_ref(b)).pop());
                if tune {
                    let ci = claim_of[p.claim_a.as_str()];
                    let terms = terms_cache.entry(ci).or_insert_with(|| ClaimTerms::new(c));
                    assessments.push(Some(assess(terms, b)));
                }
            }
            _ => {
                verdicts.push(None);
                if tune {
                    assessments.push(None);
                }
            }
        }
    }
    let check_time = checked.elapsed();

    let predicted = |v: &Option<ClaimVerdict>| v.as_ref().map_or(Stance::Unrelated, |v| v.verdict);
    let mut all = Confusion::default();
    let mut tuned = Confusion::default();
    let mut held = Confusion::default();
    let mut rules: BTreeMap<(&str, &str), (usize, usize)> = BTreeMap::new();
    for (p, v) in pairs.iter().zip(&verdicts) {
        let Some(g) = stance(&p.label) else { continue };
        let pr = predicted(v);
        all.add(g, pr);
        if tune_half(p) {
            tuned.add(g, pr);
        } else {
            held.add(g, pr);
        }
        if let Some(v) = v {
            let e = rules.entry((v.verdict.as_str(), v.rule)).or_default();
            e.0 += 1;
            e.1 += usize::from(g == v.verdict);
        }
    }
    println!(
        "fnc1: {} pairs, {} bodies ({} bytes, {} unreadable), {} headlines; analysis {:.1} s (bodies {:.1} s), checks {:.2} s",
        pairs.len(),
        body_names.len(),
        bytes,
        missing,
        claim_texts.len(),
        analysed_claims.as_secs_f64(),
        analysed_bodies.as_secs_f64(),
        check_time.as_secs_f64()
    );
    all.print("all pairs");
    tuned.print("tune half (thresholds chosen here)");
    held.print("held-out half");
    println!("rules (verdict, rule: predicted, correct)");
    for ((verdict, rule), (n, ok)) in &rules {
        println!("  {verdict:<14}{rule:<26}{n:>6}{ok:>6}");
    }

    if show > 0 {
        for wanted in [Stance::Contradiction, Stance::Agreement] {
            println!("--- wrong {} verdicts (first {show})", wanted.as_str());
            for (p, v) in pairs
                .iter()
                .zip(&verdicts)
                .filter_map(|(p, v)| v.as_ref().map(|v| (p, v)))
                .filter(|(p, v)| tune_half(p) && v.verdict == wanted && p.label != wanted.as_str())
                .take(show)
            {
                println!(
                    "  {} {} gold={} rule={} why={}\n    claim: {}",
                    p.headline_id, p.article_b, p.label, v.rule, v.why, p.claim_a
                );
                if let Some(b) = body_of
                    .get(p.article_b.as_str())
                    .and_then(|&i| bodies[i].as_ref())
                {
                    for s in &v.evidence {
                        println!("    evidence: {}", b.article.slice(*s).replace('\n', " "));
                    }
                }
            }
        }
    }

    if tune {
        grid(&pairs, &assessments);
    }

    if let Some(path) = verdicts_out {
        let mut f =
            std::io::BufWriter::new(std::fs::File::create(&path).expect("create verdicts file"));
        for (p, v) in pairs.iter().zip(&verdicts) {
            let line = serde_json::json!({
                "headline_id": p.headline_id,
                "article_b": p.article_b,
                "half": if tune_half(p) { "tune" } else { "held-out" },
                "gold": p.label,
                "verdict": v,
            });
            serde_json::to_writer(&mut f, &line).expect("write verdict");
            writeln!(f).expect("write verdict");
        }
        f.flush().expect("write verdict");
    }
    if let Some(path) = pred_out {
        let mut f =
            std::io::BufWriter::new(std::fs::File::create(&path).expect("create predictions file"));
        for (p, v) in pairs.iter().zip(&verdicts) {
            let line = serde_json::json!({
                "claim_a": p.claim_a,
                "article_b": p.article_b,
                "label": predicted(v).as_str(),
            });
            serde_json::to_writer(&mut f, &line).expect("write prediction");
            writeln!(f).expect("write prediction");
        }
        f.flush().expect("write prediction");
    }
}

/// Precision and recall of agreement and contradiction, and related
/// accuracy, on the tune half over a grid of thresholds.
fn grid(pairs: &[Pair], assessments: &[Option<Assessment>]) {
    let score = |t: &Thresholds| {
        let mut c = Confusion::default();
        for (p, a) in pairs.iter().zip(assessments) {
            if !tune_half(p) {
                continue;
            }
            let Some(g) = stance(&p.label) else { continue };
            let pr = a
                .as_ref()
                .map_or(Stance::Unrelated, |a| a.verdict(0, t).verdict);
            c.add(g, pr);
        }
        c
    };
    let line = |name: String, c: &Confusion| {
        let (ap, ar, _, an, _) = c.prf(0);
        let (cp, cr, _, cn, _) = c.prf(1);
        let (_, ur, uf, _, _) = c.prf(3);
        println!(
            "  {name:<34} agree P={ap:.3} R={ar:.3} n={an:<4} contra P={cp:.3} R={cr:.3} n={cn:<4} unrelated R={ur:.3} F1={uf:.3}"
        );
    };
    let d = Thresholds::default();
    println!("--- tune half, one threshold at a time (others at their defaults)");
    for x in [0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5] {
        line(
            format!("related={x}"),
            &score(&Thresholds { related: x, ..d }),
        );
    }
    for x in [0.3, 0.4, 0.5, 0.6, 0.7] {
        line(
            format!("refute_coverage={x}"),
            &score(&Thresholds {
                refute_coverage: x,
                ..d
            }),
        );
    }
    for x in [0.15, 0.2, 0.25, 0.3, 0.4, 0.5] {
        line(
            format!("refute_story_coverage={x}"),
            &score(&Thresholds {
                refute_story_coverage: x,
                ..d
            }),
        );
    }
    for lead in [1, 2, 3, 4, 5] {
        for hedges in [0, 1] {
            for x in [0.4, 0.5, 0.6, 0.7, 0.8] {
                line(
                    format!("lead={lead} hedges={hedges} agree={x}"),
                    &score(&Thresholds {
                        lead,
                        lead_hedges: hedges,
                        agree_coverage: x,
                        ..d
                    }),
                );
            }
        }
    }
    for x in [0.2, 0.3, 0.4, 0.5, 0.6] {
        for reported in [false, true] {
            for gate in [false, true] {
                line(
                    format!("frame_coverage={x} reported={reported} despite_lead_hedges={gate}"),
                    &score(&Thresholds {
                        frame_coverage: x,
                        frame_reported: reported,
                        frame_despite_lead_hedges: gate,
                        ..d
                    }),
                );
            }
        }
    }
    for x in [0.2, 0.3, 0.4, 0.5, 0.6] {
        line(
            format!("event_coverage={x}"),
            &score(&Thresholds {
                event_coverage: x,
                ..d
            }),
        );
    }
}
