//! What the time and quantity parsers share: the number words, and the
//! lexical rules both are written with (ASCII phrases compared without case,
//! whole words only, any Unicode white space between them). Both import this
//! module; neither imports the other for it.

use nom::bytes::complete::take_while1;
use nom::character::complete::satisfy;
use nom::combinator::not;
use nom::error::{Error, ErrorKind};
use nom::sequence::terminated;
use nom::{IResult, Parser};

/// The result of a rule over characters.
pub(super) type Res<'a, O> = IResult<&'a str, O>;

/// One to nineteen.
pub(crate) const SMALL_WORDS: &[(&str, u32)] = &[
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
];

/// The word that ends `before`, when only white space separates it from what
/// follows ("since" in "since 2014", nothing in "(2014").
pub(super) fn prev_word(before: &str) -> Option<&str> {
    let trimmed = before.trim_end();
    let start = trimmed
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_alphanumeric())
        .last()?
        .0;
    Some(&trimmed[start..])
}

/// A failure at `i`.
pub(super) fn fail<O>(i: &str) -> Res<'_, O> {
    Err(nom::Err::Error(Error::new(i, ErrorKind::Verify)))
}

/// `end-of-word = !(letter / digit)` — the word just read is whole.
pub(super) fn end_of_word(i: &str) -> Res<'_, ()> {
    not(satisfy(char::is_alphanumeric)).parse(i)
}

/// `SP = 1*white-space` — any Unicode white space, no-break spaces included.
pub(super) fn sp(i: &str) -> Res<'_, &str> {
    take_while1(char::is_whitespace).parse(i)
}

/// `letters = 1*letter`
pub(super) fn letters(i: &str) -> Res<'_, &str> {
    take_while1(char::is_alphabetic).parse(i)
}

/// `tag-ci = <ASCII text, any case>`. nom's `tag_no_case` compares Unicode
/// lowercase forms and can then split a character (the Kelvin sign matches
/// `k`), so ASCII text is compared byte by byte here.
pub(super) fn tag_ci<'a>(t: &'static str) -> impl Fn(&'a str) -> Res<'a, &'a str> {
    move |i: &'a str| match i.as_bytes().get(..t.len()) {
        Some(head) if head.eq_ignore_ascii_case(t.as_bytes()) => Ok((&i[t.len()..], &i[..t.len()])),
        _ => fail(i),
    }
}

/// `phrase = word *(SP word)` — the given words, any case, each whole.
pub(super) fn phrase<'a>(words: &'static str) -> impl Fn(&'a str) -> Res<'a, &'a str> {
    move |i| {
        // Most calls fail on the first letter; this saves the split.
        let first = |s: &str| s.as_bytes().first().map(u8::to_ascii_lowercase);
        if first(i) != first(words) {
            return fail(i);
        }
        let mut rest = i;
        for (n, w) in words.split(' ').enumerate() {
            if n > 0 {
                rest = sp(rest)?.0;
            }
            rest = terminated(tag_ci(w), end_of_word).parse(rest)?.0;
        }
        Ok((rest, &i[..i.len() - rest.len()]))
    }
}

/// `kw = word` — one whole word, any case.
pub(super) fn kw<'a>(word: &'static str) -> impl Fn(&'a str) -> Res<'a, &'a str> {
    phrase(word)
}

/// The longest of the table's phrases, any case, with its value.
pub(super) fn table<'a, T: Copy>(
    entries: &'static [(&'static str, T)],
) -> impl Fn(&'a str) -> Res<'a, T> {
    move |i| longest_entry(entries, i, false)
}

/// Like [`table`], but the phrase must start with a capital letter.
pub(super) fn capitalised<'a, T: Copy>(
    entries: &'static [(&'static str, T)],
) -> impl Fn(&'a str) -> Res<'a, T> {
    move |i| longest_entry(entries, i, true)
}

/// The longest entry of `entries` at `i` (with a capital first letter when
/// `capital`).
fn longest_entry<'a, T: Copy>(
    entries: &'static [(&'static str, T)],
    i: &'a str,
    capital: bool,
) -> Res<'a, T> {
    if capital && !i.starts_with(char::is_uppercase) {
        return fail(i);
    }
    entries
        .iter()
        .filter_map(|&(w, v)| phrase(w)(i).ok().map(|(rest, _)| (rest, v)))
        .min_by_key(|(rest, _)| rest.len())
        .map_or_else(|| fail(i), Ok)
}
