//! Writes a generated article set as JSON Lines, for benchmarks.
//!
//! ```sh
//! cargo run --release --example generate -- 10000 > set-10k.jsonl
//! cargo run --release --example generate -- 10000 --seed 7 > other.jsonl
//! ```
//! Stories of two to four articles each, from our own templates, with
//! contradictions planted (another city, another figure, a denial); see
//! `stories.rs`.

#![allow(clippy::print_stdout, clippy::print_stderr)]

mod stories;

use std::io::Write;

fn main() {
    let mut args = std::env::args().skip(1);
    let mut count = 1000usize;
    let mut seed = 1u64;
    while let Some(a) = args.next() {
        match a.as_str() {
            "--seed" => seed = args.next().and_then(|s| s.parse().ok()).unwrap_or(1),
            n => match n.parse() {
                Ok(n) => count = n,
                Err(_) => {
                    eprintln!("usage: generate COUNT [--seed N]");
                    std::process::exit(2);
                }
            },
        }
    }
    let articles = stories::generate(count, seed);
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    if out
        .write_all(stories::to_jsonl(&articles).as_bytes())
        .is_err()
    {
        std::process::exit(1);
    }
}
