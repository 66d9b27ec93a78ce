//! One article naming thousands of different people, written here for the
//! scale tests and benchmarks (`tests/adversarial.rs`, `benches/extract.rs`
//! include this file): each person introduced by full name, then quoted by
//! surname alone.

/// The given names, in turn.
pub const GIVEN: [&str; 8] = [
    "Anna", "Janusz", "Marta", "Piotr", "Olena", "Taras", "Ines", "Luis",
];

/// A surname of its own for each `i` below 5,184, made of syllables.
pub fn surname(i: usize) -> String {
    const SYL: [&str; 12] = [
        "ka", "lo", "mir", "zen", "dra", "vi", "tor", "bel", "san", "rus", "pol", "nek",
    ];
    const END: [&str; 3] = ["ski", "ova", "enko"];
    let s = format!(
        "{}{}{}{}",
        SYL[i % 12],
        SYL[(i / 12) % 12],
        SYL[(i / 144) % 12],
        END[(i / 1728) % 3]
    );
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// One article introducing `n` different people by full name, each then
/// quoted by surname alone.
pub fn many_speakers(n: usize) -> String {
    let mut text = String::new();
    for i in 0..n {
        let last = surname(i);
        text.push_str(&format!(
            "{} {last} runs the ferry office at pier {i}. \u{201c}We will reopen pier {i} next week,\u{201d} {last} said.\n\n",
            GIVEN[i % 8]
        ));
    }
    text
}
