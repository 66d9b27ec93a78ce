//! Gazetteer lookups: the first lookup of a process and the cost of each.
//!
//! ```sh
//! cargo bench --bench gazetteer
//! ```
//! Nothing is built at start-up (the tables are searched where they lie in the
//! binary), so the first lookup costs only the page faults of the few pages of
//! the tables it touches; `main` times it before the benchmarks run.

use std::time::Instant;

use claimcheck::resolve::gazetteer::{self, lookup};
use divan::black_box;

#[expect(clippy::print_stderr, reason = "the one figure divan cannot time")]
fn main() {
    let start = Instant::now();
    let found = lookup(black_box("Gomel Region"));
    let first = start.elapsed();
    let start = Instant::now();
    let again = lookup(black_box("Gomel Region"));
    let second = start.elapsed();
    assert_eq!(found, again);
    eprintln!("first lookup in this process: {first:?}; the same again: {second:?}");
    divan::main();
}

const NAMES: [&str; 6] = [
    "Gomel",
    "Kiev",
    "Paris",
    "Washington",
    "Chernobyl",
    "Santa Cruz",
];

#[divan::bench(args = NAMES)]
fn lookup_name(name: &str) -> usize {
    lookup(black_box(name)).len()
}

#[divan::bench(args = ["Gomel Region", "Kyiv oblast", "Grodno Region"])]
fn lookup_region_phrase(name: &str) -> usize {
    lookup(black_box(name)).len()
}

#[divan::bench]
fn lookup_absent() -> usize {
    lookup(black_box("Xqzzyville")).len()
}

#[divan::bench]
fn normalize() -> String {
    gazetteer::normalize(black_box("Homyel’skaya Voblasts’"))
}

#[divan::bench]
fn demonym() -> Option<gazetteer::Place> {
    gazetteer::demonym(black_box("Ukrainians"))
}

#[divan::bench(args = ["the Kremlin", "Moscow"])]
fn seat_of_government(name: &str) -> Option<gazetteer::Place> {
    gazetteer::seat_of_government(black_box(name))
}
