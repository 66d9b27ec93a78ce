//! Paragraphs and sentences, as byte spans into the article text.
//!
//! Paragraphs are runs of non-blank lines; a line that is blank once its
//! excluded regions are taken away (an "Also Read" line) separates paragraphs
//! too. Excluded bytes count as white space, so no sentence starts or ends
//! inside furniture. Sentence ends are `.`, `!`, `?` and `…`, with any closing
//! quotes and brackets after them, when what follows starts a sentence; the
//! abbreviations, initials, acronyms and glued full stops that make this hard
//! are handled in [`boundary_after`].

use crate::article::{Article, Span};
use crate::grammar::marks::is_combining;
use serde::{Deserialize, Serialize};

/// A sentence and the paragraph it belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    pub span: Span,
    /// Index into [`Segmented::paragraphs`].
    pub paragraph: usize,
}

/// A paragraph and the range of its sentences in [`Segmented::sentences`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paragraph {
    pub span: Span,
    pub first_sentence: usize,
    pub sentence_count: usize,
}

/// The segmentation of one article.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Segmented {
    pub paragraphs: Vec<Paragraph>,
    pub sentences: Vec<Sentence>,
}

impl Segmented {
    /// The sentences of paragraph `p`.
    pub fn sentences_of(&self, p: usize) -> &[Sentence] {
        let para = &self.paragraphs[p];
        &self.sentences[para.first_sentence..para.first_sentence + para.sentence_count]
    }

    /// Index of the sentence containing byte `offset`, if any.
    pub fn sentence_at(&self, offset: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.span.end <= offset);
        (i < self.sentences.len() && self.sentences[i].span.start <= offset).then_some(i)
    }
}

/// Titles before a name: a full stop after them never ends a sentence.
const TITLES: &[&str] = &[
    "Mr", "Mrs", "Ms", "Mx", "Dr", "Prof", "Gov", "Sen", "Rep", "Gen", "Col", "Lt", "Sgt", "Capt",
    "Cmdr", "Cdr", "Adm", "Maj", "Rev", "Hon", "Pres", "Supt", "Det", "Insp", "Brig", "Messrs",
    "Fr", "Cpl", "Pte", "Sr", "Sra", "Mme", "Mlle", "Atty", "Amb", "Sec", "Lieut", "Cllr",
];

/// Other abbreviations: they end a sentence only before a typical sentence
/// opener ("… Inc. The company said").
const ABBREVIATIONS: &[&str] = &[
    "St", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
    "No", "Nos", "Vol", "Fig", "approx", "Inc", "Ltd", "Co", "Corp", "Jr", "vs", "etc", "Ave",
    "Blvd", "Rd", "Mt", "Ft", "Dept", "Univ", "est", "al", "ca", "cf", "Mon", "Tue", "Tues", "Wed",
    "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun", "Bros", "Assn", "Ph", "op", "pp", "Ex",
];

/// Words that typically open a sentence; after an ambiguous abbreviation they
/// decide for a boundary.
const OPENERS: &[&str] = &[
    "The",
    "A",
    "An",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "You",
    "His",
    "Her",
    "Its",
    "Their",
    "Our",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "But",
    "And",
    "Yet",
    "So",
    "In",
    "On",
    "At",
    "As",
    "For",
    "If",
    "When",
    "While",
    "After",
    "Before",
    "However",
    "Meanwhile",
    "Earlier",
    "Later",
    "Some",
    "Many",
    "Most",
    "No",
    "Not",
    "What",
    "Who",
    "Why",
    "How",
    "Officials",
];

/// Splits an article into paragraphs and sentences.
pub fn segment(article: &Article) -> Segmented {
    let mask = Mask::new(article);
    let text = article.text.as_str();
    let mut out = Segmented::default();
    let paras: Vec<Span> = paragraphs(text, &mask)
        .into_iter()
        .flat_map(|p| flattened(text, p, &mask))
        .collect();
    for para in paras {
        let first = out.sentences.len();
        let p = out.paragraphs.len();
        sentences_in(text, para, &mask, |span| {
            out.sentences.push(Sentence { span, paragraph: p });
        });
        out.paragraphs.push(Paragraph {
            span: para,
            first_sentence: first,
            sentence_count: out.sentences.len() - first,
        });
    }
    out
}

/// Excluded regions as a sorted list, queried in increasing order.
struct Mask {
    spans: Vec<Span>,
}

impl Mask {
    fn new(article: &Article) -> Self {
        Mask {
            spans: article.excluded.iter().map(|e| e.span).collect(),
        }
    }

    /// If `i` is excluded, the end of its region.
    fn skip(&self, i: usize) -> Option<usize> {
        let k = self.spans.partition_point(|s| s.end <= i);
        self.spans.get(k).filter(|s| s.start <= i).map(|s| s.end)
    }

    /// The start of the first excluded region in `from..to`, if any.
    fn next_in(&self, from: usize, to: usize) -> Option<usize> {
        let k = self.spans.partition_point(|s| s.end <= from);
        self.spans
            .get(k)
            .filter(|s| s.start < to)
            .map(|s| s.start.max(from))
    }
}

/// Paragraph spans: runs of lines that have non-blank, non-excluded content,
/// trimmed to that content.
fn paragraphs(text: &str, mask: &Mask) -> Vec<Span> {
    let mut out = Vec::new();
    let mut current: Option<Span> = None;
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let line_end = line_start + line.len();
        match content_bounds(text, line_start, line_end, mask) {
            Some(span) => {
                current = Some(match current {
                    Some(c) => Span::new(c.start, span.end),
                    None => span,
                });
            }
            None => {
                if let Some(c) = current.take() {
                    out.push(c);
                }
            }
        }
        line_start = line_end;
    }
    if let Some(c) = current {
        out.push(c);
    }
    out
}

/// A paragraph cut where its paragraph breaks were lost: in copy flattened
/// onto one line, a quotation that runs over several paragraphs shows as
/// `… end of a sentence. “Next paragraph …`, a double mark opening while
/// one is still open, right after a sentence end. There the paragraph is
/// cut, so the quotation reads as the multi-paragraph quote it was (each
/// paragraph opens with a mark, only the last closes). Straight marks open
/// after white space or a bracket and before a non-space character.
fn flattened(text: &str, para: Span, mask: &Mask) -> Vec<Span> {
    let mut out = Vec::new();
    let mut from = para.start;
    let mut open = false;
    let body = &text[para.start..para.end];
    let mut prev: Option<char> = None;
    let mut chars = body.char_indices().peekable();
    while let Some((k, c)) = chars.next() {
        let at = para.start + k;
        let next = chars.peek().map(|&(_, n)| n);
        let opener = match c {
            '“' | '„' => mask.skip(at).is_none(),
            '"' => {
                mask.skip(at).is_none()
                    && prev.is_none_or(|p| p.is_whitespace() || "([{—–".contains(p))
                    && next.is_some_and(|n| !n.is_whitespace())
            }
            _ => false,
        };
        let closer = matches!(c, '”' | '"') && !opener && mask.skip(at).is_none();
        if opener {
            if open {
                // After a sentence end (and closing punctuation) and space?
                let before = text[from..at].trim_end();
                let ended = before
                    .trim_end_matches(['\'', '’', ')', ']'])
                    .ends_with(['.', '!', '?', '…']);
                if ended && before.len() < at - from && !before.is_empty() {
                    out.push(Span::new(from, from + before.len()));
                    from = at;
                }
            }
            open = true;
        } else if closer {
            open = false;
        }
        prev = Some(c);
    }
    out.push(Span::new(from, para.end));
    out
}

/// First and last non-blank, non-excluded byte of `start..end`.
fn content_bounds(text: &str, start: usize, end: usize, mask: &Mask) -> Option<Span> {
    let first = next_content(text, start, end, mask)?;
    let mut last = first;
    let mut i = first;
    while i < end {
        if let Some(e) = mask.skip(i) {
            i = e;
            continue;
        }
        let stop = mask.next_in(i, end).unwrap_or(end);
        let chunk = &text[i..stop];
        let trimmed = chunk.trim_end();
        if !trimmed.is_empty() {
            last = i + trimmed.len();
        }
        i = stop;
    }
    Some(Span::new(first, last))
}

/// The first non-blank, non-excluded byte at or after `i`, before `end`.
fn next_content(text: &str, mut i: usize, end: usize, mask: &Mask) -> Option<usize> {
    while i < end {
        if let Some(e) = mask.skip(i) {
            i = e;
            continue;
        }
        let stop = mask.next_in(i, end).unwrap_or(end);
        let chunk = &text[i..stop];
        let lead = chunk.len() - chunk.trim_start().len();
        if lead < chunk.len() {
            return Some(i + lead);
        }
        i = stop;
    }
    None
}

/// Calls `emit` with each sentence span of the paragraph.
fn sentences_in(text: &str, para: Span, mask: &Mask, mut emit: impl FnMut(Span)) {
    let bytes = text.as_bytes();
    let mut start = para.start;
    let mut i = para.start;
    while i < para.end {
        // Jump to the next possible terminator: `.`, `!`, `?` or the first
        // byte of `…`.
        let Some(off) = bytes[i..para.end]
            .iter()
            .position(|&b| matches!(b, b'.' | b'!' | b'?' | 0xE2))
        else {
            break;
        };
        i += off;
        if let Some(e) = mask.skip(i) {
            i = e;
            continue;
        }
        let b = bytes[i];
        if b == 0xE2 && !bytes[i..].starts_with("…".as_bytes()) {
            i += 1;
            continue;
        }
        if let Some((end, next)) = boundary_after(text, i, para.end, mask) {
            let span = trim_span(text, Span::new(start, end), mask);
            if !span.is_empty() {
                emit(span);
            }
            start = next;
            i = next;
        } else {
            i += if b >= 0x80 { '…'.len_utf8() } else { 1 };
        }
    }
    if start < para.end {
        let span = trim_span(text, Span::new(start, para.end), mask);
        if !span.is_empty() {
            emit(span);
        }
    }
}

/// Trims white space and excluded bytes from both ends of a span.
fn trim_span(text: &str, span: Span, mask: &Mask) -> Span {
    let Some(start) = next_content(text, span.start, span.end, mask) else {
        return Span::new(span.start, span.start);
    };
    match content_bounds(text, start, span.end, mask) {
        Some(b) => b,
        None => Span::new(start, start),
    }
}

const CLOSERS: &[char] = &['"', '\'', '”', '’', '»', ')', ']', '.', '!', '?', '…'];

/// If the terminator at `i` ends a sentence, returns the sentence end (after
/// any closing marks) and where the next sentence may start.
fn boundary_after(text: &str, i: usize, para_end: usize, mask: &Mask) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let term = bytes[i];
    // The cluster of terminators and closing marks.
    let mut j = i;
    while j < para_end {
        let Some(c) = text[j..].chars().next() else {
            break;
        };
        if !CLOSERS.contains(&c) {
            break;
        }
        j += c.len_utf8();
    }
    let end = j;
    let word = word_before(text, i);
    // Glued full stop: `Medinsky.Also` — a lowercase word, a stop, then a
    // capitalised word (not an acronym, not a web address).
    let next_is_space =
        j >= para_end || mask.skip(j).is_some() || text[j..].starts_with(char::is_whitespace);
    if !next_is_space {
        if term != b'.' || j != i + 1 {
            return None;
        }
        let mut rest = text[j..].chars();
        let (Some(a), Some(b)) = (rest.next(), rest.next()) else {
            return None;
        };
        let glued = a.is_uppercase()
            && b.is_lowercase()
            && word.chars().count() >= 2
            && word
                .chars()
                .rev()
                .find(|c| !is_combining(*c))
                .is_some_and(char::is_lowercase)
            && !word.contains('.');
        return glued.then_some((end, j));
    }
    let Some(k) = next_content(text, j, para_end, mask) else {
        return Some((end, para_end));
    };
    let next_word = word_after(text, k);
    let opens = next_word
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    if !opens {
        return None;
    }
    if term == b'.' && (end == i + 1 || text[i + 1..end].starts_with(['"', '”', '’', '\'', ')']))
    {
        let bare = word.trim_start_matches(['(', '"', '“', '‘', '\'']);
        if TITLES.contains(&bare) {
            return None;
        }
        let single_initial = bare.chars().count() == 1 && bare.chars().all(char::is_uppercase);
        if single_initial {
            return None;
        }
        let acronym = bare.contains('.')
            && bare
                .split('.')
                .all(|p| p.chars().count() <= 2 && p.chars().all(char::is_alphabetic));
        let abbreviation = ABBREVIATIONS.contains(&bare);
        if (acronym || abbreviation) && !OPENERS.contains(&next_word) {
            return None;
        }
    }
    Some((end, k))
}

/// The word (letters, digits, dots, apostrophes) that ends right before `i`.
fn word_before(text: &str, i: usize) -> &str {
    let head = &text[..i];
    let start = head
        .char_indices()
        .rev()
        .find(|&(_, c)| {
            !(c.is_alphanumeric() || is_combining(c) || c == '.' || c == '\'' || c == '’')
        })
        .map_or(0, |(p, c)| p + c.len_utf8());
    &head[start..]
}

/// The word that starts at `k`, skipping opening quotes and brackets.
fn word_after(text: &str, k: usize) -> &str {
    let rest = text[k..].trim_start_matches(['"', '“', '‘', '\'', '(', '[', '«', '„']);
    let end = rest
        .char_indices()
        .find(|&(_, c)| !(c.is_alphanumeric() || is_combining(c)))
        .map_or(rest.len(), |(p, _)| p);
    &rest[..end]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{ExclusionKind, Origin};

    fn article(text: &str) -> Article {
        Article::new(
            "t".into(),
            Origin {
                path: "t".into(),
                record_line: None,
            },
            text.into(),
        )
    }

    fn sents(text: &str) -> Vec<String> {
        let a = article(text);
        segment(&a)
            .sentences
            .iter()
            .map(|s| a.slice(s.span).to_string())
            .collect()
    }

    #[test]
    fn simple_sentences() {
        assert_eq!(
            sents("It rained. Then it stopped!  Why? Nobody knows."),
            ["It rained.", "Then it stopped!", "Why?", "Nobody knows."]
        );
    }

    #[test]
    fn titles_never_end_a_sentence() {
        assert_eq!(
            sents("Mr. Holt met Dr. Amara and Gov. Lewis at St. Ann's. They talked."),
            [
                "Mr. Holt met Dr. Amara and Gov. Lewis at St. Ann's.",
                "They talked."
            ]
        );
    }

    #[test]
    fn acronyms_and_months() {
        assert_eq!(
            sents("The U.S. Navy left on Feb. 24 for the U.K. coast. It returned."),
            [
                "The U.S. Navy left on Feb. 24 for the U.K. coast.",
                "It returned."
            ]
        );
        // An acronym does end a sentence before a typical opener.
        assert_eq!(
            sents("He moved to the U.S. The move was quick."),
            ["He moved to the U.S.", "The move was quick."]
        );
    }

    #[test]
    fn decimals_and_initials() {
        assert_eq!(
            sents("Prices rose 3.5 per cent, said J. R. Okafor. Sales fell."),
            [
                "Prices rose 3.5 per cent, said J. R. Okafor.",
                "Sales fell."
            ]
        );
    }

    #[test]
    fn closing_quotes_stay_with_their_sentence() {
        assert_eq!(
            sents("“We will stay,” he said. “It is over.” Then she left."),
            [
                "“We will stay,” he said.",
                "“It is over.”",
                "Then she left."
            ]
        );
        assert_eq!(
            sents("\"Why?\" asked Ann. \"Stop!\" Ann said."),
            ["\"Why?\" asked Ann.", "\"Stop!\"", "Ann said."]
        );
    }

    #[test]
    fn missing_space_after_full_stop() {
        assert_eq!(
            sents("The envoy was Ivan Petrov.After that, talks began."),
            ["The envoy was Ivan Petrov.", "After that, talks began."]
        );
        // Not in web addresses or acronyms.
        assert_eq!(
            sents("See www.example.com and the U.S.A. for more."),
            ["See www.example.com and the U.S.A. for more."]
        );
    }

    #[test]
    fn ellipsis_mid_sentence() {
        assert_eq!(
            sents("Any town … would do, he said. Fine."),
            ["Any town … would do, he said.", "Fine."]
        );
    }

    #[test]
    fn a_quotation_flattened_onto_one_line_is_cut_into_its_paragraphs() {
        let text =
            "The mayor spoke. \"We will rebuild the quay. \"It will take a year,\" she said.\n";
        let a = article(text);
        let paras: Vec<&str> = segment(&a)
            .paragraphs
            .iter()
            .map(|p| &text[p.span.range()])
            .collect();
        assert_eq!(
            paras,
            [
                "The mayor spoke. \"We will rebuild the quay.",
                "\"It will take a year,\" she said."
            ]
        );
        // A quote that closes before the next one opens is one paragraph.
        let text = "\"We will rebuild,\" she said. \"It will take a year.\"\n";
        let a = article(text);
        assert_eq!(segment(&a).paragraphs.len(), 1);
    }

    #[test]
    fn paragraphs_split_on_blank_lines() {
        let a = article("One. Two.\n\nThree\ncontinues here.\n \nFour.");
        let seg = segment(&a);
        assert_eq!(seg.paragraphs.len(), 3);
        assert_eq!(seg.sentences_of(1).len(), 1);
        assert_eq!(
            a.slice(seg.sentences_of(1)[0].span),
            "Three\ncontinues here."
        );
        assert_eq!(seg.sentences[3].paragraph, 2);
        assert_eq!(seg.sentence_at(a.text.find("Four").unwrap()), Some(3));
    }

    #[test]
    fn excluded_regions_are_white_space() {
        let text = "date 2022-02-27 First one.Also Read - Some Headline Here\nSecond.";
        let mut a = article(text);
        a.exclude(Span::new(0, 16), ExclusionKind::Header);
        let ar = text.find("Also").unwrap();
        let nl = text.find('\n').unwrap();
        a.exclude(Span::new(ar, nl), ExclusionKind::Boilerplate);
        let seg = segment(&a);
        let s: Vec<_> = seg.sentences.iter().map(|s| a.slice(s.span)).collect();
        assert_eq!(s, ["First one.", "Second."]);
    }

    #[test]
    fn line_that_is_all_furniture_separates_paragraphs() {
        let text = "One.\nAlso Read - X\nTwo.";
        let mut a = article(text);
        let s = text.find("Also").unwrap();
        a.exclude(Span::new(s, s + 15), ExclusionKind::Boilerplate);
        assert_eq!(segment(&a).paragraphs.len(), 2);
    }
}
