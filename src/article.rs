//! The `Article` type that every later stage reads, with byte spans and the
//! byte-offset → line/column map used only when reporting.
//!
//! An article keeps its text exactly as it was read (for JSON Lines: the decoded
//! `text` string), so every span anywhere in claimcheck is a byte range into
//! [`Article::text`].

use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::ops::Range;

/// A half-open byte range `start..end` into an article's text.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    pub const fn len(self) -> usize {
        self.end - self.start
    }

    pub const fn is_empty(self) -> bool {
        self.end <= self.start
    }

    pub const fn range(self) -> Range<usize> {
        self.start..self.end
    }

    /// Whether the two spans share at least one byte.
    pub const fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    pub const fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

impl fmt::Display for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

/// Spans of an article, each with an id (a statement, a mention), indexed
/// for the spans around a byte or overlapping a range: sorted by start, with
/// the furthest end of every prefix, so a look-up walks back only over spans
/// that could still reach it, and the cost stays linear in the article, not
/// in spans times look-ups.
#[derive(Debug, Clone, Default)]
pub struct SpanIndex {
    /// (start, end, id), by start, end, id.
    parts: Vec<(usize, usize, usize)>,
    /// `reach[k]`: the largest end among `parts[..=k]`.
    reach: Vec<usize>,
}

impl SpanIndex {
    pub fn new(mut parts: Vec<(usize, usize, usize)>) -> SpanIndex {
        parts.sort_unstable();
        let mut reach = Vec::with_capacity(parts.len());
        let mut far = 0;
        for &(_, end, _) in &parts {
            far = far.max(end);
            reach.push(far);
        }
        SpanIndex { parts, reach }
    }

    /// The id whose span around `at` is the shortest (the innermost of
    /// nested spans); the smallest id on a tie.
    pub fn at(&self, at: usize) -> Option<usize> {
        let mut k = self.parts.partition_point(|p| p.0 <= at);
        let mut best: Option<(usize, usize)> = None;
        while k > 0 && self.reach[k - 1] > at {
            k -= 1;
            let (start, end, i) = self.parts[k];
            if at < end {
                let len = end - start;
                if best.is_none_or(|(l, j)| (len, i) < (l, j)) {
                    best = Some((len, i));
                }
            }
        }
        best.map(|(_, i)| i)
    }

    /// The smallest id with a span overlapping `span`.
    pub fn overlapping(&self, span: Span) -> Option<usize> {
        let mut k = self.parts.partition_point(|p| p.0 < span.end);
        let mut first: Option<usize> = None;
        while k > 0 && self.reach[k - 1] > span.start {
            k -= 1;
            let (start, end, i) = self.parts[k];
            if span.overlaps(Span::new(start, end)) && first.is_none_or(|j| i < j) {
                first = Some(i);
            }
        }
        first
    }
}

/// Maps byte offsets to 1-based line and column (column counted in
/// characters). Built in one pass; a look-up is a binary search for the line
/// and a count of at most [`LineIndex::BLOCK`] bytes for the column, so a
/// text without line breaks costs the same per look-up as any other.
#[derive(Debug, Clone, Default)]
pub struct LineIndex {
    /// Byte offset at which each line starts; `line_starts[0] == 0`.
    line_starts: Vec<usize>,
    /// Characters before byte `k * BLOCK`, for every block of the text.
    chars_before_block: Vec<usize>,
}

/// Characters (bytes that do not continue one) in `bytes`.
fn chars_in(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| b & 0xC0 != 0x80).count()
}

impl LineIndex {
    /// Bytes between two character-count checkpoints.
    pub const BLOCK: usize = 256;

    pub fn new(text: &str) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        let mut chars_before_block = Vec::with_capacity(text.len() / Self::BLOCK + 1);
        let mut seen = 0;
        for block in text.as_bytes().chunks(Self::BLOCK) {
            chars_before_block.push(seen);
            seen += chars_in(block);
        }
        LineIndex {
            line_starts,
            chars_before_block,
        }
    }

    /// Characters before byte `offset` (a character boundary).
    fn chars_before(&self, bytes: &[u8], offset: usize) -> usize {
        let block = offset / Self::BLOCK;
        match self.chars_before_block.get(block) {
            Some(&n) => n + chars_in(&bytes[block * Self::BLOCK..offset]),
            None => chars_in(&bytes[..offset]),
        }
    }

    /// 1-based line of byte `offset` (clamped to the text).
    pub fn line(&self, text: &str, offset: usize) -> usize {
        let offset = offset.min(text.len());
        self.line_starts.partition_point(|&s| s <= offset)
    }

    /// 1-based line and character column of byte `offset` (clamped to the text).
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let line = self.line_starts.partition_point(|&s| s <= offset);
        let start = self.line_starts[line - 1];
        let bytes = text.as_bytes();
        let column = if offset - start <= Self::BLOCK {
            chars_in(&bytes[start..offset]) + 1
        } else {
            self.chars_before(bytes, offset) - self.chars_before(bytes, start) + 1
        };
        (line, column)
    }

    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }
}

/// Characters a terminal or a CI log would act on rather than show: C0
/// controls but tab, line feed and carriage return; DEL; C1 controls.
fn is_control(c: char) -> bool {
    c.is_control() && !matches!(c, '\t' | '\n' | '\r')
}

/// Bidirectional controls, which can make `invoice\u{202e}txt.exe` read as
/// `invoicexet.txt`.
fn is_bidi(c: char) -> bool {
    matches!(c, '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// A name (a path, an id, an outlet) as it can be printed: control and
/// bidirectional characters, and line breaks, written as `\u{…}` escapes.
pub fn visible(s: &str) -> std::borrow::Cow<'_, str> {
    let bad = |c: char| is_control(c) || is_bidi(c) || c == '\n' || c == '\r' || c == '\t';
    if !s.chars().any(bad) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if bad(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Article text with each control character (ESC of an ANSI sequence, BEL,
/// NUL, a C1 control) replaced by as many `?` as it has bytes, so every
/// offset into the text stays the same.
pub fn without_controls(text: String) -> String {
    if !text.chars().any(is_control) {
        return text;
    }
    text.chars()
        .map(|c| {
            if is_control(c) {
                "?".repeat(c.len_utf8())
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// The largest char boundary not after `i` (stable replacement for the
/// unstable `str::floor_char_boundary`).
pub fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    if i >= text.len() {
        return text.len();
    }
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Why a region of an article is excluded from extraction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ExclusionKind {
    /// The `date YYYY-MM-DD` header or a Markdown front-matter block.
    Header,
    /// Site furniture: "Also Read - …", "Advertisement", "Click here to …".
    Boilerplate,
    /// A Markdown HTML comment or fenced code block.
    Markup,
}

/// A region of the text that no quote, source or claim may come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Excluded {
    pub span: Span,
    pub kind: ExclusionKind,
}

/// Where an article came from in its input file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Origin {
    /// The path as the user gave it (or as found when walking a directory);
    /// `-` for standard input; `<seeds>/…` for the embedded seeds.
    pub path: String,
    /// For JSON Lines input: the 1-based line of the record.
    pub record_line: Option<usize>,
}

/// One stretch of an article's text and the bytes of the file it came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Run {
    text: usize,
    text_len: usize,
    source: usize,
    source_len: usize,
}

/// Where the text of an article read from a richer format (HTML, Markdown)
/// lies in the file the user gave: the text is what a reader sees (tags
/// left out, entities decoded, white space collapsed), and every offset of
/// it maps back to a byte of the file, so that reports name the file's own
/// lines and columns.
#[derive(Debug, Clone)]
pub struct SourceMap {
    /// The file as read.
    source: String,
    lines: LineIndex,
    /// Every byte of the text in exactly one run, by text offset. A run
    /// copied from the file maps byte for byte; a decoded one (`&ldquo;` →
    /// `“`) or an inserted separator maps as a whole.
    runs: Vec<Run>,
}

impl SourceMap {
    /// The byte of the file where text offset `at` starts.
    pub fn start(&self, at: usize) -> usize {
        let k = self.runs.partition_point(|r| r.text <= at);
        let Some(r) = k.checked_sub(1).map(|k| self.runs[k]) else {
            return 0;
        };
        let into = at - r.text;
        if r.text_len == r.source_len {
            (r.source + into.min(r.source_len)).min(self.source.len())
        } else if into >= r.text_len {
            r.source + r.source_len
        } else {
            r.source
        }
    }

    /// The byte of the file just after text offset `end - 1` (a span's
    /// exclusive end).
    pub fn end(&self, end: usize) -> usize {
        let k = self.runs.partition_point(|r| r.text < end);
        let Some(r) = k.checked_sub(1).map(|k| self.runs[k]) else {
            return 0;
        };
        let into = (end - r.text).min(r.text_len);
        if r.text_len == r.source_len {
            r.source + into
        } else {
            r.source + r.source_len
        }
    }

    /// The file's text.
    pub fn source(&self) -> &str {
        &self.source
    }

    /// The runs, for a claim record to carry.
    pub fn runs(&self) -> &[Run] {
        &self.runs
    }

    /// A map read back from a claim record, if its runs fit the article's
    /// text (`text_len` bytes) and the file, in order, with no gap.
    pub fn from_parts(source: String, runs: Vec<Run>, text_len: usize) -> Option<SourceMap> {
        let mut at = 0;
        for r in &runs {
            let fits = r.text == at
                && r.source.checked_add(r.source_len)? <= source.len()
                && source.is_char_boundary(r.source)
                && source.is_char_boundary(r.source + r.source_len);
            if !fits {
                return None;
            }
            at = r.text.checked_add(r.text_len)?;
        }
        if at != text_len {
            return None;
        }
        let lines = LineIndex::new(&source);
        Some(SourceMap {
            source,
            lines,
            runs,
        })
    }

    /// 1-based line and column in the file of text offset `at`.
    pub fn line_col(&self, at: usize) -> (usize, usize) {
        self.lines.line_col(&self.source, self.start(at))
    }
}

/// Builds an article's text from pieces of a file, keeping the
/// [`SourceMap`] from each piece to its bytes.
#[derive(Debug, Default)]
pub struct MappedText {
    text: String,
    runs: Vec<Run>,
}

impl MappedText {
    pub fn new() -> Self {
        MappedText::default()
    }

    /// The text so far.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Appends `piece`, which stands for the file's bytes `source..source +
    /// source_len` (the same bytes when it was copied, an entity when it
    /// was decoded, nothing when it is a separator the format implies).
    pub fn push(&mut self, piece: &str, source: usize, source_len: usize) {
        if piece.is_empty() {
            return;
        }
        let run = Run {
            text: self.text.len(),
            text_len: piece.len(),
            source,
            source_len,
        };
        self.text.push_str(piece);
        match self.runs.last_mut() {
            // Copied runs that continue each other are one.
            Some(last)
                if last.text_len == last.source_len
                    && run.text_len == run.source_len
                    && last.source + last.source_len == source =>
            {
                last.text_len += run.text_len;
                last.source_len += run.source_len;
            }
            _ => self.runs.push(run),
        }
    }

    /// Removes trailing white space from the text (and its runs).
    pub fn trim_end(&mut self) {
        let keep = self.text.trim_end().len();
        self.text.truncate(keep);
        while let Some(last) = self.runs.last_mut() {
            if last.text >= keep {
                self.runs.pop();
            } else {
                if last.text + last.text_len > keep {
                    let cut = last.text + last.text_len - keep;
                    if last.text_len == last.source_len {
                        last.source_len -= cut;
                    }
                    last.text_len -= cut;
                }
                break;
            }
        }
    }

    /// The text and its map into `source`.
    pub fn finish(self, source: String) -> (String, SourceMap) {
        let lines = LineIndex::new(&source);
        (
            self.text,
            SourceMap {
                source,
                lines,
                runs: self.runs,
            },
        )
    }
}

/// One news article, as read from any input format.
#[derive(Debug, Clone)]
pub struct Article {
    /// Stable identifier: the path as given, or the JSONL `id` (falling back to
    /// `path:line`).
    pub id: String,
    pub origin: Origin,
    pub date: Option<Date>,
    pub outlet: Option<String>,
    pub title: Option<String>,
    /// The byline: one name, or several joined by ", ".
    pub author: Option<String>,
    pub url: Option<String>,
    /// The full text as read; every span indexes into it.
    pub text: String,
    /// Regions no extraction may come from, sorted by start, not overlapping.
    pub excluded: Vec<Excluded>,
    pub lines: LineIndex,
    /// For a text drawn out of a richer file (HTML, Markdown): where each
    /// byte of it lies in that file. `None` when the text is the file (or a
    /// record's field).
    pub source: Option<std::sync::Arc<SourceMap>>,
}

impl Article {
    /// Builds an article and its line index; `excluded` is sorted and merged.
    /// The id and path are kept printable ([`visible`]) and the text's
    /// control characters are neutralised ([`without_controls`]): no
    /// article can move the cursor, retitle a terminal or forge a line of
    /// any report.
    pub fn new(id: String, origin: Origin, text: String) -> Self {
        let text = without_controls(text);
        let lines = LineIndex::new(&text);
        let origin = Origin {
            path: visible(&origin.path).into_owned(),
            ..origin
        };
        Article {
            id: visible(&id).into_owned(),
            origin,
            date: None,
            outlet: None,
            title: None,
            author: None,
            url: None,
            text,
            excluded: Vec::new(),
            lines,
            source: None,
        }
    }

    /// An article whose text was drawn out of the file `map` describes.
    pub fn mapped(id: String, origin: Origin, text: String, map: SourceMap) -> Self {
        let mut article = Article::new(id, origin, text);
        article.source = Some(std::sync::Arc::new(map));
        article
    }

    /// The bytes of the file the user gave that `span` of the text came
    /// from (the span itself when the text is the file).
    pub fn file_span(&self, span: Span) -> Span {
        match &self.source {
            Some(map) => {
                let start = map.start(span.start);
                Span::new(start, map.end(span.end).max(start))
            }
            None => span,
        }
    }

    /// 1-based line and character column of a byte offset of the text, in
    /// the file the user gave.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        match &self.source {
            Some(map) => map.line_col(offset),
            None => self.lines.line_col(&self.text, offset),
        }
    }

    /// 1-based line of a byte offset (no column to count), in the file.
    pub fn line(&self, offset: usize) -> usize {
        match &self.source {
            Some(map) => map.lines.line(&map.source, map.start(offset)),
            None => self.lines.line(&self.text, offset),
        }
    }

    pub fn slice(&self, span: Span) -> &str {
        &self.text[span.range()]
    }

    /// Adds an excluded region, keeping the list sorted and non-overlapping.
    pub fn exclude(&mut self, span: Span, kind: ExclusionKind) {
        if span.is_empty() {
            return;
        }
        self.excluded.push(Excluded { span, kind });
        self.excluded.sort_by_key(|e| (e.span.start, e.span.end));
        let mut merged: Vec<Excluded> = Vec::with_capacity(self.excluded.len());
        for e in self.excluded.drain(..) {
            match merged.last_mut() {
                Some(last) if e.span.start <= last.span.end => {
                    last.span.end = last.span.end.max(e.span.end);
                }
                _ => merged.push(e),
            }
        }
        self.excluded = merged;
    }

    /// Whether any byte of `span` lies in an excluded region.
    pub fn is_excluded(&self, span: Span) -> bool {
        let i = self.excluded.partition_point(|e| e.span.end <= span.start);
        self.excluded.get(i).is_some_and(|e| e.span.overlaps(span))
    }

    /// The parts of the text outside every excluded region, in order.
    pub fn included(&self) -> Vec<Span> {
        let mut out = Vec::new();
        let mut at = 0;
        for e in &self.excluded {
            if e.span.start > at {
                out.push(Span::new(at, e.span.start));
            }
            at = at.max(e.span.end);
        }
        if at < self.text.len() {
            out.push(Span::new(at, self.text.len()));
        }
        out
    }
}

/// Shortens a text for one-line display (white space collapsed), on a char boundary, with an ellipsis.
pub fn clip(text: &str, max_chars: usize) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max_chars {
        return flat;
    }
    let mut s: String = flat.chars().take(max_chars.saturating_sub(1)).collect();
    s.push('…');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_of_long_lines_agree_with_counting_from_the_line_start() {
        // Lines longer than a block, multi-byte characters across block
        // edges, offsets inside characters (floored), the end of the text.
        let mut text = String::new();
        for i in 0..400 {
            text.push_str(["a", "ł", "“", "😀", " "][i % 5]);
            if i % 170 == 169 {
                text.push('\n');
            }
        }
        let idx = LineIndex::new(&text);
        for offset in 0..=text.len() + 3 {
            let at = floor_char_boundary(&text, offset.min(text.len()));
            let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
            let want = (
                text[..at].matches('\n').count() + 1,
                text[start..at].chars().count() + 1,
            );
            assert_eq!(idx.line_col(&text, offset), want, "offset {offset}");
            assert_eq!(idx.line(&text, offset), want.0);
        }
    }

    #[test]
    fn line_col_counts_characters_not_bytes() {
        let text = "ab\n“Kyiv” x\nlast";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_col(text, 0), (1, 1));
        assert_eq!(idx.line_col(text, 3), (2, 1));
        let x = text.find(" x").unwrap() + 1;
        assert_eq!(idx.line_col(text, x), (2, 8));
        assert_eq!(idx.line_col(text, text.len()), (3, 5));
    }

    #[test]
    fn line_col_inside_a_multibyte_char_rounds_down() {
        let text = "“a";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_col(text, 1), (1, 1));
    }

    #[test]
    fn exclusions_merge_and_answer_overlap_queries() {
        let mut a = Article::new(
            "a".into(),
            Origin {
                path: "a".into(),
                record_line: None,
            },
            "0123456789abcdef".into(),
        );
        a.exclude(Span::new(8, 10), ExclusionKind::Boilerplate);
        a.exclude(Span::new(2, 4), ExclusionKind::Header);
        a.exclude(Span::new(3, 6), ExclusionKind::Header);
        assert_eq!(a.excluded.len(), 2);
        assert_eq!(a.excluded[0].span, Span::new(2, 6));
        assert!(a.is_excluded(Span::new(5, 7)));
        assert!(!a.is_excluded(Span::new(6, 8)));
        assert!(a.is_excluded(Span::new(0, 16)));
        assert_eq!(
            a.included(),
            vec![Span::new(0, 2), Span::new(6, 8), Span::new(10, 16)]
        );
    }

    #[test]
    fn names_are_shown_escaped_and_text_keeps_its_offsets() {
        assert_eq!(visible("a.txt"), "a.txt");
        assert_eq!(visible("invoice\u{202e}txt.exe"), "invoice\\u{202e}txt.exe");
        assert_eq!(visible("x\n::error::y"), "x\\u{a}::error::y");
        let text = "Say \u{1b}[2J\u{85}hello\u{7}.\tTab\nnext";
        let clean = without_controls(text.to_string());
        assert_eq!(clean.len(), text.len());
        assert_eq!(clean, "Say ?[2J??hello?.\tTab\nnext");
        let a = Article::new(
            "id\u{1b}".into(),
            Origin {
                path: "p\u{7}".into(),
                record_line: None,
            },
            text.into(),
        );
        assert_eq!(
            (a.id.as_str(), a.origin.path.as_str()),
            ("id\\u{1b}", "p\\u{7}")
        );
        assert_eq!(a.text, clean);
    }
}
