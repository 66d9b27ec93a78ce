//! Words as Universal Dependencies English writes them, with byte spans into
//! the text: punctuation apart from words, clitics split ("do" "n't",
//! "Ukraine" "'s", "ca" "n't", "can" "not"), hyphens and slashes between
//! words apart ("U.S." "-" "led"), abbreviations, numbers ("1,500", "3.5"),
//! web addresses and e-mail addresses kept whole.

use crate::article::Span;

/// Abbreviations that keep their full stop.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "jr", "sr", "gen", "col", "lt", "sgt", "capt", "cpt", "maj",
    "adm", "rep", "sen", "gov", "pres", "prof", "rev", "hon", "inc", "corp", "ltd", "co", "bros",
    "vs", "etc", "no", "nos", "vol", "fig", "approx", "dept", "est", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mt", "ft", "ave", "blvd", "e.g",
    "i.e", "u.s", "u.k", "u.n", "a.m", "p.m",
];

/// Clitics split from the end of a word (lower case, straight apostrophe).
const CLITICS: &[&str] = &["n't", "'s", "'re", "'ve", "'ll", "'d", "'m"];

/// Characters that are always a token of their own at a word's edge.
fn is_edge_punct(c: char) -> bool {
    matches!(
        c,
        '.' | ','
            | ';'
            | ':'
            | '!'
            | '?'
            | '('
            | ')'
            | '['
            | ']'
            | '{'
            | '}'
            | '"'
            | '\''
            | '“'
            | '”'
            | '‘'
            | '’'
            | '«'
            | '»'
            | '„'
            | '…'
            | '—'
            | '–'
            | '*'
            | '$'
            | '€'
            | '£'
            | '%'
            | '#'
            | '&'
            | '<'
            | '>'
            | '|'
            | '~'
            | '`'
    )
}

/// The words of `text[span]`, as spans of `text`.
pub fn words(text: &str, span: Span) -> Vec<Span> {
    let mut out = Vec::new();
    let Some(part) = text.get(span.start..span.end) else {
        return out;
    };
    let mut start = None;
    for (i, c) in part.char_indices() {
        if c.is_whitespace() {
            if let Some(s) = start.take() {
                chunk(part, s, i, span.start, &mut out);
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        chunk(part, s, part.len(), span.start, &mut out);
    }
    out
}

/// Splits one whitespace-free chunk `text[a..b]`; spans shifted by `base`.
fn chunk(text: &str, mut a: usize, mut b: usize, base: usize, out: &mut Vec<Span>) {
    let at = |s: usize, e: usize| Span::new(base + s, base + e);
    let whole = &text[a..b];
    if whole.contains("://") || whole.starts_with("www.") || is_email(whole) {
        // Trailing sentence punctuation still goes.
        let mut tail = Vec::new();
        while let Some(c) = text[a..b].chars().next_back() {
            if matches!(
                c,
                '.' | ',' | ';' | ':' | '!' | '?' | ')' | '"' | '”' | '\'' | '’'
            ) {
                tail.push(at(b - c.len_utf8(), b));
                b -= c.len_utf8();
            } else {
                break;
            }
        }
        if a < b {
            out.push(at(a, b));
        }
        out.extend(tail.into_iter().rev());
        return;
    }
    // Leading punctuation.
    while let Some(c) = text[a..b].chars().next() {
        if is_edge_punct(c) && !(c == '\'' && is_leading_elision(&text[a..b])) {
            let n = run_len(&text[a..b], c);
            out.push(at(a, a + n));
            a += n;
        } else {
            break;
        }
    }
    // Trailing punctuation, kept to push after the middle.
    let mut tail = Vec::new();
    while a < b {
        let rest = &text[a..b];
        let Some(c) = rest.chars().next_back() else {
            break;
        };
        if c == '.' && keeps_full_stop(&rest[..rest.len() - 1]) {
            break;
        }
        if c == '.' && rest.ends_with("...") {
            tail.push(at(b - 3, b));
            b -= 3;
            continue;
        }
        if is_edge_punct(c) && !(matches!(c, '\'' | '’') && is_possessive_plural(rest)) {
            tail.push(at(b - c.len_utf8(), b));
            b -= c.len_utf8();
        } else {
            break;
        }
    }
    if a < b {
        middle(text, a, b, base, out);
    }
    out.extend(tail.into_iter().rev());
}

/// `'em`, `'90s`: an apostrophe that belongs to the word after it.
fn is_leading_elision(s: &str) -> bool {
    let rest = &s[1..];
    let lower = rest.to_lowercase();
    lower == "em"
        || lower == "cause"
        || rest
            .as_bytes()
            .get(..2)
            .is_some_and(|d| d.iter().all(u8::is_ascii_digit))
}

/// `workers'`: the apostrophe is a token, but it is split as a clitic in
/// [`middle`], not as punctuation here.
fn is_possessive_plural(s: &str) -> bool {
    let body = s.trim_end_matches(['\'', '’']);
    body.len() > 1 && body.ends_with(['s', 'S']) && body.chars().all(char::is_alphabetic)
}

fn run_len(s: &str, c: char) -> usize {
    s.chars().take_while(|&d| d == c).count() * c.len_utf8()
}

fn is_email(s: &str) -> bool {
    match s.split_once('@') {
        Some((user, host)) => !user.is_empty() && host.contains('.') && !host.starts_with('.'),
        None => false,
    }
}

/// Whether a word followed by a full stop keeps it: an abbreviation, an
/// initial ("J."), or a dotted one ("U.S.").
fn keeps_full_stop(word: &str) -> bool {
    let lower = word.to_lowercase();
    if ABBREVIATIONS.contains(&lower.as_str()) {
        return true;
    }
    let mut chars = word.chars();
    if let (Some(c), None) = (chars.next(), chars.next())
        && c.is_uppercase()
    {
        return true;
    }
    word.contains('.')
        && word
            .split('.')
            .all(|p| p.chars().count() <= 2 && p.chars().all(char::is_alphabetic))
}

/// A word with its edge punctuation gone: split at hyphens and slashes
/// between letters, and split off clitics.
fn middle(text: &str, a: usize, b: usize, base: usize, out: &mut Vec<Span>) {
    let s = &text[a..b];
    let is_number = s.chars().next().is_some_and(|c| c.is_ascii_digit())
        && s.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | ':'));
    if !is_number {
        // Hyphens, slashes and dashes inside the word.
        let mut from = a;
        for (i, c) in s.char_indices() {
            let i = a + i;
            if matches!(c, '-' | '/' | '–' | '—') && i > from && i + c.len_utf8() < b {
                piece(text, from, i, base, out);
                out.push(Span::new(base + i, base + i + c.len_utf8()));
                from = i + c.len_utf8();
            }
        }
        if from == a {
            // No dash inside: one word.
            word(text, a, b, base, out);
        } else {
            piece(text, from, b, base, out);
        }
    } else {
        out.push(Span::new(base + a, base + b));
    }
}

/// A piece between hyphens or dashes: its own edge punctuation ("No”" in
/// "“No”—she") goes too, then it is one word. A piece has no dash inside, so
/// this goes no deeper.
fn piece(text: &str, a: usize, b: usize, base: usize, out: &mut Vec<Span>) {
    if text[a..b].contains(['-', '/', '–', '—']) {
        word(text, a, b, base, out);
    } else {
        chunk(text, a, b, base, out);
    }
}

/// One word, its clitic split off.
fn word(text: &str, a: usize, b: usize, base: usize, out: &mut Vec<Span>) {
    let s = &text[a..b];
    if s.eq_ignore_ascii_case("cannot") {
        out.push(Span::new(base + a, base + a + 3));
        out.push(Span::new(base + a + 3, base + b));
        return;
    }
    for clitic in CLITICS {
        if let Some(cut) = clitic_start(s, clitic)
            && cut > 0
        {
            out.push(Span::new(base + a, base + a + cut));
            out.push(Span::new(base + a + cut, base + b));
            return;
        }
    }
    if is_possessive_plural(s) && s.ends_with(['\'', '’']) {
        let cut = b - s.chars().next_back().map_or(1, char::len_utf8);
        out.push(Span::new(base + a, base + cut));
        out.push(Span::new(base + cut, base + b));
        return;
    }
    out.push(Span::new(base + a, base + b));
}

/// Where `clitic` (lower case, straight apostrophe) starts at the end of
/// `s`, in either case and with either apostrophe.
fn clitic_start(s: &str, clitic: &str) -> Option<usize> {
    let mut ends = s.char_indices().rev();
    let mut start = s.len();
    for want in clitic.chars().rev() {
        let (i, c) = ends.next()?;
        let c = if c == '’' {
            '\''
        } else {
            c.to_ascii_lowercase()
        };
        if c != want {
            return None;
        }
        start = i;
    }
    Some(start)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn forms(text: &str) -> Vec<&str> {
        words(text, Span::new(0, text.len()))
            .into_iter()
            .map(|s| &text[s.start..s.end])
            .collect()
    }

    #[test]
    fn splits_as_the_treebank_does() {
        assert_eq!(
            forms("\"We don't know,\" Ukraine's U.S.-led partners said."),
            [
                "\"", "We", "do", "n't", "know", ",", "\"", "Ukraine", "'s", "U.S.", "-", "led",
                "partners", "said", "."
            ]
        );
        assert_eq!(
            forms("I can't, he cannot."),
            ["I", "ca", "n't", ",", "he", "can", "not", "."]
        );
        assert_eq!(
            forms("Mr. Smith paid $1,500.50 (about 3%)."),
            [
                "Mr.", "Smith", "paid", "$", "1,500.50", "(", "about", "3", "%", ")", "."
            ]
        );
        assert_eq!(
            forms("the workers' union and/or J. Doe"),
            [
                "the", "workers", "'", "union", "and", "/", "or", "J.", "Doe"
            ]
        );
        assert_eq!(
            forms("See https://example.org/a-b. Or mail x@y.com!"),
            [
                "See",
                "https://example.org/a-b",
                ".",
                "Or",
                "mail",
                "x@y.com",
                "!"
            ]
        );
        assert_eq!(
            forms("Wait... “No”—she’s gone"),
            ["Wait", "...", "“", "No", "”", "—", "she", "’s", "gone"]
        );
    }

    #[test]
    fn spans_point_into_the_text_and_never_overlap() {
        let text = "Héllo — “Kyiv’s” talks, in Gomel.  Done";
        let offset = 3;
        let ws = words(text, Span::new(offset, text.len()));
        let mut last = offset;
        for w in &ws {
            assert!(w.start >= last && w.end > w.start, "{ws:?}");
            assert!(text.is_char_boundary(w.start) && text.is_char_boundary(w.end));
            assert!(!text[w.start..w.end].contains(char::is_whitespace));
            last = w.end;
        }
        assert!(words(text, Span::new(5, 500)).is_empty());
        // Never a panic on odd marks and multi-byte letters at word edges.
        for odd in [
            "'€a",
            "'中文",
            "'é",
            "'éa",
            "’’’",
            "-—-",
            "a-",
            "-a",
            "....",
            "x@",
            "@.",
            "'90s",
            "n't",
            "’s",
        ] {
            let ws = words(odd, Span::new(0, odd.len()));
            assert!(
                ws.iter().all(|w| odd.get(w.start..w.end).is_some()),
                "{odd}"
            );
        }
    }
}
