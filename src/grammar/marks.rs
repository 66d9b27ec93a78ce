//! Tokens and quote marks.
//!
//! ```text
//! token      = word / number / mark / punct
//! word       = alnum+ (("'" / "’" / "-" / ".") alnum+)*     ; don't, Ukraine’s, U.S
//! mark       = '"' / "'" / "“" / "”" / "‘" / "’" / "«" / "»" / "„" / "‹" / "›"
//! ```
//! A mark's role (open, close, apostrophe) comes from its context: the
//! characters on each side, then its glyph, then the pairing state. Pairing
//! uses a stack with a nesting limit, so it is linear in the number of marks
//! and never recurses.

use crate::article::Span;

/// Deepest nesting of quotes that is paired; deeper marks are reported.
pub const MAX_NESTING: usize = 8;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    Word,
    Punct(char),
    Mark(Glyph),
}

/// The family of a quote mark: double marks pair with double, single with single.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    Double,
    Single,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Glyph {
    pub ch: char,
    pub family: Family,
}

/// One token with its byte span in the article text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: TokKind,
}

impl Tok {
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }

    pub fn is_word(&self) -> bool {
        self.kind == TokKind::Word
    }

    pub fn is_punct(&self, c: char) -> bool {
        self.kind == TokKind::Punct(c)
    }
}

fn glyph(c: char) -> Option<Glyph> {
    let family = match c {
        '"' | '“' | '”' | '„' | '«' | '»' | '‟' => Family::Double,
        '\'' | '‘' | '’' | '‹' | '›' | '‚' => Family::Single,
        _ => return None,
    };
    Some(Glyph { ch: c, family })
}

/// Titles written with a full stop that is part of the word.
const TITLE_ABBREVIATIONS: &[&str] = &[
    "Dr", "Mr", "Mrs", "Ms", "Mx", "Prof", "Gov", "Sen", "Rep", "Gen", "Lt", "Sgt", "Capt", "Col",
    "Maj", "Rev", "Hon", "Supt", "Insp", "Det", "Cpl", "Cmdr", "Adm", "Atty", "Amb", "Fr", "Sr",
    "Jr", "St", "Mt", "Ft",
];

/// Zero-width and other invisible format characters count as white space.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{00ad}'
    )
}

fn is_apostrophe_char(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Tokenizes `text[span]`, treating bytes inside `skip` spans (sorted) as space.
///
/// Works on bytes, decoding a character only where one is not ASCII.
pub fn tokenize(text: &str, span: Span, skip: &[Span], out: &mut Vec<Tok>) {
    let bytes = text.as_bytes();
    let end = span.end.min(text.len());
    let mut skip_i = skip.partition_point(|s| s.end <= span.start);
    let mut next_skip = skip.get(skip_i).map_or(usize::MAX, |s| s.start);
    let mut i = span.start;
    while i < end {
        if i >= next_skip {
            i = i.max(skip[skip_i].end);
            skip_i += 1;
            next_skip = skip.get(skip_i).map_or(usize::MAX, |s| s.start);
            continue;
        }
        let (c, len) = char_at(text, bytes, i);
        if c.is_whitespace() || is_invisible(c) {
            i += len;
            continue;
        }
        if c.is_alphanumeric() {
            let stop = end.min(next_skip);
            let mut j = i + len;
            let mut seg_len = 1;
            while j < stop {
                let (c2, l2) = char_at(text, bytes, j);
                if c2.is_alphanumeric() || is_combining(c2) {
                    j += l2;
                    seg_len += 1;
                    continue;
                }
                let joins = is_apostrophe_char(c2) || c2 == '-' || (c2 == '.' && seg_len <= 2);
                if joins && j + l2 < stop && char_at(text, bytes, j + l2).0.is_alphanumeric() {
                    j += l2;
                    seg_len = 0;
                    continue;
                }
                break;
            }
            // "Dr." and "Gov." keep their full stop: it belongs to the title.
            if j < stop && bytes[j] == b'.' && TITLE_ABBREVIATIONS.contains(&&text[i..j]) {
                j += 1;
            }
            out.push(Tok {
                start: i,
                end: j,
                kind: TokKind::Word,
            });
            i = j;
            continue;
        }
        // Typewriter doubles: two apostrophes or two backticks stand for a
        // double mark.
        if (c == '\'' || c == '`') && i + 1 < end && bytes[i + 1] == bytes[i] {
            let ch = if c == '`' { '“' } else { '"' };
            out.push(Tok {
                start: i,
                end: i + 2,
                kind: TokKind::Mark(Glyph {
                    ch,
                    family: Family::Double,
                }),
            });
            i += 2;
            continue;
        }
        let kind = match glyph(c) {
            Some(g) => TokKind::Mark(g),
            None => TokKind::Punct(c),
        };
        out.push(Tok {
            start: i,
            end: i + len,
            kind,
        });
        i += len;
    }
}

/// Combining marks (a decomposed "é" is "e" and U+0301) belong to the word
/// they follow, so NFD text tokenizes like NFC text.
pub fn is_combining(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

/// The character at byte `i` (a char boundary) and its length.
fn char_at(text: &str, bytes: &[u8], i: usize) -> (char, usize) {
    let b = bytes[i];
    if b < 0x80 {
        return (b as char, 1);
    }
    let c = text[i..].chars().next().unwrap_or('\u{fffd}');
    (c, c.len_utf8())
}

/// What a mark does, from its context alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lean {
    Open,
    Close,
    Either,
    Apostrophe,
}

fn lean(text: &str, tok: &Tok, g: Glyph) -> Lean {
    let before = text[..tok.start].chars().next_back();
    let after = text[tok.end..].chars().next();
    let space_before =
        before.is_none_or(|c| c.is_whitespace() || is_invisible(c) || "([{—–-/".contains(c));
    // `later "- said`: a hyphen standing for a dash before a space.
    let hyphen_dash = after == Some('-')
        && text[tok.end + 1..]
            .chars()
            .next()
            .is_none_or(|c| c.is_whitespace() || c == '-');
    let space_after = hyphen_dash
        || after.is_none_or(|c| c.is_whitespace() || is_invisible(c) || ",.;:!?)]}—–…".contains(c));
    let glued_before = before.is_some_and(|c| glyph(c).is_some());
    let glued_after = after.is_some_and(|c| glyph(c).is_some());
    if g.family == Family::Single {
        // `'90s`, `'em`: an apostrophe before a number or a clipped word.
        if space_before && after.is_some_and(|c| c.is_ascii_digit()) {
            let rest: String = text[tok.end..].chars().take(4).collect();
            if rest
                .trim_end_matches(|c: char| !c.is_alphanumeric())
                .ends_with('s')
            {
                return Lean::Apostrophe;
            }
        }
        let letter = |c: char| c.is_alphanumeric() || is_combining(c);
        if before.is_some_and(letter) && after.is_some_and(letter) {
            return Lean::Apostrophe;
        }
    }
    match (space_before || glued_before, space_after || glued_after) {
        (true, false) => Lean::Open,
        (false, true) => Lean::Close,
        _ => match g.ch {
            '“' | '„' | '«' | '‘' | '‹' | '‟' => Lean::Open,
            '”' | '»' | '’' | '›' => Lean::Close,
            _ => Lean::Either,
        },
    }
}

/// A paired quotation: the opening and closing mark token indices.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pair {
    pub open: usize,
    pub close: usize,
    pub family: Family,
    /// Nesting depth: 0 for an outermost quote.
    pub depth: usize,
}

/// A problem with the marks of a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkIssue {
    /// An opening mark never closed (token index).
    Unclosed(usize),
    /// A closing mark with nothing open (token index).
    Unopened(usize),
    /// An opening mark beyond [`MAX_NESTING`] (token index).
    TooDeep(usize),
}

/// Result of pairing one paragraph's marks.
#[derive(Debug, Default)]
pub struct Pairing {
    pub pairs: Vec<Pair>,
    pub issues: Vec<MarkIssue>,
    /// Double-quote openers still open at the end of the paragraph, outermost
    /// first (candidates for a multi-paragraph quote).
    pub open_at_end: Vec<usize>,
    /// Token indices of marks read as apostrophes.
    pub apostrophes: Vec<usize>,
}

/// Pairs the marks among `toks`.
pub fn pair(text: &str, toks: &[Tok]) -> Pairing {
    let mut out = Pairing::default();
    let mut stack: Vec<(usize, Family)> = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        let TokKind::Mark(g) = t.kind else { continue };
        let l = lean(text, t, g);
        let top_same = stack.iter().rposition(|&(_, f)| f == g.family);
        let role = match l {
            Lean::Apostrophe => {
                out.apostrophes.push(i);
                continue;
            }
            Lean::Open => {
                // A straight double mark that looks like an opener while the
                // innermost open quote is a double one with nothing in between
                // is still an opener (nested), so no special case is needed.
                Lean::Open
            }
            Lean::Close => Lean::Close,
            Lean::Either => {
                if top_same.is_some() {
                    Lean::Close
                } else {
                    Lean::Open
                }
            }
        };
        match role {
            Lean::Open => {
                if stack.len() >= MAX_NESTING {
                    out.issues.push(MarkIssue::TooDeep(i));
                } else {
                    stack.push((i, g.family));
                }
            }
            _ => match top_same {
                Some(pos) => {
                    // Single openers left above the match were apostrophes.
                    while stack.len() > pos + 1 {
                        if let Some((j, f)) = stack.pop() {
                            if f == Family::Single {
                                out.apostrophes.push(j);
                            } else {
                                out.issues.push(MarkIssue::Unclosed(j));
                            }
                        }
                    }
                    if let Some((open, family)) = stack.pop() {
                        out.pairs.push(Pair {
                            open,
                            close: i,
                            family,
                            depth: stack.len(),
                        });
                    }
                }
                None if g.family == Family::Single => out.apostrophes.push(i),
                None => out.issues.push(MarkIssue::Unopened(i)),
            },
        }
    }
    for (j, f) in stack {
        match f {
            Family::Single => out.apostrophes.push(j),
            Family::Double => out.open_at_end.push(j),
        }
    }
    // `rock 'n' roll`: a single-quoted single letter is two apostrophes.
    out.pairs.retain(|p| {
        let short = p.family == Family::Single
            && p.close == p.open + 2
            && toks[p.open + 1].end - toks[p.open + 1].start == 1;
        if short {
            out.apostrophes.push(p.open);
            out.apostrophes.push(p.close);
        }
        !short
    });
    out.pairs.sort_by_key(|p| p.open);
    out.apostrophes.sort_unstable();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<Tok> {
        let mut v = Vec::new();
        tokenize(text, Span::new(0, text.len()), &[], &mut v);
        v
    }

    fn quoted(text: &str) -> Vec<(String, usize)> {
        let t = toks(text);
        let p = pair(text, &t);
        p.pairs
            .iter()
            .map(|p| (text[t[p.open].end..t[p.close].start].to_string(), p.depth))
            .collect()
    }

    #[test]
    fn words_keep_apostrophes_hyphens_and_acronyms() {
        let text = "Ukraine’s don't back-and-forth U.S. Medinsky.Also";
        let words: Vec<&str> = toks(text)
            .iter()
            .filter(|t| t.is_word())
            .map(|t| &text[t.start..t.end])
            .collect();
        assert_eq!(
            words,
            [
                "Ukraine’s",
                "don't",
                "back-and-forth",
                "U.S",
                "Medinsky",
                "Also"
            ]
        );
    }

    #[test]
    fn curly_and_straight_pairs() {
        assert_eq!(
            quoted("He said “we stay” and left."),
            [("we stay".into(), 0)]
        );
        assert_eq!(
            quoted("He said \"we stay\" and left."),
            [("we stay".into(), 0)]
        );
        assert_eq!(quoted("«Non» dit-il."), [("Non".into(), 0)]);
    }

    #[test]
    fn nested_quote_reusing_the_outer_marks() {
        let q = quoted("“Oslo “agreed” to the plan,” the envoy said.");
        assert_eq!(
            q,
            [
                ("Oslo “agreed” to the plan,".into(), 0),
                ("agreed".into(), 1)
            ]
        );
        let q = quoted("\"Oslo \"agreed\" to the plan,\" the envoy said.");
        assert_eq!(
            q,
            [
                ("Oslo \"agreed\" to the plan,".into(), 0),
                ("agreed".into(), 1)
            ]
        );
    }

    #[test]
    fn a_straight_mark_before_a_hyphen_dash_closes() {
        assert_eq!(
            quoted("\"We will not pay, not now \"- said Anna Berg."),
            [("We will not pay, not now ".to_string(), 0)]
        );
        // A hyphen glued to a word after the mark still opens: "-based".
        assert_eq!(quoted("a \"-based\" term").len(), 1);
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        assert!(quoted("Ukraine’s port, the '90s, rock 'n' roll and Belarus' Gomel.").is_empty());
        assert_eq!(
            quoted("they 'had little hope' from talks in Belarus' Gomel"),
            [("had little hope".into(), 0)]
        );
    }

    #[test]
    fn doubled_apostrophes_are_double_marks() {
        let q = quoted("''We will stay,'' said Ann, ''but not for long.''");
        assert_eq!(q[0], ("We will stay,".into(), 0));
        assert_eq!(q[1].0, "but not for long.");
    }

    #[test]
    fn single_inside_double() {
        let q = quoted("\"I said, 'Please stay,' and she did,\" he recalled.");
        assert_eq!(q[0].0, "I said, 'Please stay,' and she did,");
        assert_eq!(q[1], ("Please stay,".into(), 1));
    }

    #[test]
    fn unclosed_and_unopened_marks_are_reported() {
        let text = "\"It never closes. Nor here.";
        let t = toks(text);
        let p = pair(text, &t);
        assert!(p.pairs.is_empty());
        assert_eq!(p.open_at_end, [0]);
        let text = "It never opened.\" Done.";
        let t = toks(text);
        assert_eq!(pair(text, &t).issues, [MarkIssue::Unopened(4)]);
    }

    #[test]
    fn deep_nesting_is_bounded() {
        let text = "“".repeat(20) + "x" + &"”".repeat(20);
        let t = toks(&text);
        let p = pair(&text, &t);
        assert_eq!(p.pairs.len(), MAX_NESTING);
        assert!(p.issues.iter().any(|i| matches!(i, MarkIssue::TooDeep(_))));
    }
}
