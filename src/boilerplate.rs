//! Site furniture detection: "Also Read - <headline>", "Read more: …",
//! "Advertisement", "Click here to …", video durations and photo credits.
//!
//! Detection is by the shape of the furniture, never by its wording beyond
//! the marker: a marker at the start of a line or right after a sentence end
//! (also when glued to it, as in `said.Also Read - …`), followed by a separator,
//! runs to the end of its line. Marked regions keep their offsets; later
//! stages never take a quote, source or claim from inside them.

use crate::article::{Article, ExclusionKind, Span};

/// Markers that introduce a link to another story; they need a separator
/// (`-`, `–`, `—`, `:`, `|`) after them so that prose like "read more
/// carefully" is left alone.
const LINK_MARKERS: &[&str] = &[
    "also read",
    "read also",
    "read more",
    "must read",
    "more from",
    "related",
    "related stories",
    "related story",
    "recommended",
    "see also",
    "watch",
    "watch video",
    "listen",
    "trending",
    "don't miss",
    "top stories",
    "editor's pick",
];

/// Markers that are furniture on their own and run to the end of the line.
const LINE_MARKERS: &[&str] = &[
    "advertisement",
    "click here to",
    "click here for",
    "sign up for our",
    "subscribe to our",
    "follow us on",
    "share this article",
    "story continues below",
    "article continued below",
    "article continues below",
];

/// Marks every furniture region of the article as excluded.
pub fn mark(article: &mut Article) {
    let regions = find(&article.text);
    for span in regions {
        article.exclude(span, ExclusionKind::Boilerplate);
    }
}

/// Finds furniture regions in `text`.
pub fn find(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let body_len = line.trim_end_matches(['\n', '\r']).len();
        let line_end = line_start + body_len;
        scan_line(text, line_start, line_end, &mut out);
        line_start += line.len();
    }
    out
}

fn scan_line(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let line = &text[start..end];
    // Candidate starts: the first non-blank character of the line, and every
    // character that follows a sentence end (with or without a space).
    let lead = line.len()
        - line
            .trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '\u{feff}' | '\u{200b}'))
            .len();
    if let Some(span) = furniture_at(text, start + lead, end) {
        out.push(span);
        return;
    }
    let bytes = line.as_bytes();
    let mut from = 0;
    while let Some(off) = bytes[from..]
        .iter()
        .position(|&b| matches!(b, b'.' | b'!' | b'?'))
    {
        let mut j = from + off + 1;
        from = j;
        while j < bytes.len() && matches!(bytes[j], b' ' | b'\t') {
            j += 1;
        }
        // Every marker starts with one of these letters.
        if j < bytes.len()
            && matches!(
                bytes[j],
                b'A' | b'C' | b'D' | b'E' | b'F' | b'L' | b'M' | b'R' | b'S' | b'T' | b'W'
            )
            && let Some(span) = furniture_at(text, start + j, end)
        {
            out.push(span);
            return;
        }
    }
    // Video durations left at the end of a paragraph by scrapers: `… 2:22`.
    let trimmed = line.trim_end();
    if let Some(pos) = trimmed.rfind(' ') {
        let tail = &trimmed[pos + 1..];
        let before = trimmed[..pos].trim_end();
        if is_duration(tail) && before.ends_with(['.', '"', '”', '!', '?']) {
            out.push(Span::new(start + pos + 1, start + trimmed.len()));
        }
    }
    // Photo credits in parentheses: `(AP Photo/Jane Doe)`, `(Photo: Getty Images)`.
    let mut at = 0;
    while let Some(i) = line[at..].find('(') {
        let s = at + i;
        let Some(len) = line[s..].find(')') else {
            break;
        };
        let inner = &line[s + 1..s + len];
        if inner.len() < 80 && (inner.contains("Photo") || inner.contains("Getty Images")) {
            out.push(Span::new(start + s, start + s + len + 1));
        }
        at = s + len + 1;
    }
}

fn furniture_at(text: &str, at: usize, line_end: usize) -> Option<Span> {
    let rest = &text[at..line_end];
    for m in LINE_MARKERS {
        if starts_with_ci(rest, m) {
            return Some(Span::new(at, line_end));
        }
    }
    for m in LINK_MARKERS {
        if !starts_with_ci(rest, m) {
            continue;
        }
        let after = rest[m.len()..].trim_start_matches([' ', '\t']);
        if after.starts_with(['-', '–', '—', ':', '|', '»', '>']) {
            return Some(Span::new(at, line_end));
        }
    }
    None
}

fn starts_with_ci(s: &str, prefix: &str) -> bool {
    s.len() >= prefix.len()
        && s.as_bytes()[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
        && s[prefix.len()..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric())
}

fn is_duration(s: &str) -> bool {
    let Some((m, sec)) = s.split_once(':') else {
        return false;
    };
    !m.is_empty()
        && m.len() <= 2
        && sec.len() == 2
        && m.bytes().all(|b| b.is_ascii_digit())
        && sec.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn regions(text: &str) -> Vec<&str> {
        find(text).into_iter().map(|s| &text[s.range()]).collect()
    }

    #[test]
    fn link_marker_at_line_start_runs_to_line_end() {
        let t = "The mayor spoke.\nAlso Read - Storm Closes Three Harbours\n\nNext paragraph.";
        assert_eq!(regions(t), ["Also Read - Storm Closes Three Harbours"]);
    }

    #[test]
    fn marker_glued_to_a_sentence_end() {
        let t = "He praised the crew,” the paper reported quoting Ann Lee.Also Read - Bridge Opens Early\n";
        assert_eq!(regions(t), ["Also Read - Bridge Opens Early"]);
    }

    #[test]
    fn marker_after_a_sentence_with_space() {
        let t = "Officials agreed on a plan. Read more: Council Votes On Budget";
        assert_eq!(regions(t), ["Read more: Council Votes On Budget"]);
    }

    #[test]
    fn prose_with_marker_words_is_kept() {
        assert!(regions("Related talks are planned. Watch the river rise, he said.").is_empty());
        assert!(regions("Read more carefully, the judge told them.").is_empty());
    }

    #[test]
    fn line_markers_durations_and_credits() {
        let t = "Advertisement\nShe left.\nCrowds gathered on the square. 2:22\nA boat (AP Photo/Jo Bloggs) sank.\nArticle Continued Below\n";
        assert_eq!(
            regions(t),
            [
                "Advertisement",
                "2:22",
                "(AP Photo/Jo Bloggs)",
                "Article Continued Below"
            ]
        );
    }
}
