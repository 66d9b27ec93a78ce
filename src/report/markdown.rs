//! A Markdown report of `check`, written to be posted as a pull-request
//! comment: a heading with the counts, a summary table, the findings grouped
//! by severity (one list item each: rule, place, message; the sentence it
//! is in, quoted; each other place, a contradiction's other side or another
//! spelling, with its own sentence; the notes), inputs that could not be
//! read, and the suppressed findings in a collapsed `<details>` section.
//!
//! Places are `path:line` relative to the root ([`Places`], the same as
//! SARIF's), linked to the file and line when a link base is known
//! (`--link-base`, or GitHub Actions' environment).
//!
//! The report stays under GitHub's limit on a comment
//! ([`GITHUB_LIMIT`] characters, counted as characters, not bytes): when
//! the whole report would be longer, findings are written most important
//! first (errors, then warnings, then infos; contradictions first within a
//! severity), each whole or not at all, until [`MAX_CHARS`] less room for
//! the closing note; the note then says how many findings of which rules
//! (and which inputs and suppressed findings) were left out, and where to
//! see them all.
//!
//! Text from the articles and messages is escaped so that it shows as
//! written: `|` cannot end a table cell, the punctuation that Markdown reads
//! inside a line (`\`, `` ` ``, `*`, `_`, `[`, `]`, `<`, `>`, `~`, `&`) is
//! backslash-escaped (with `[` escaped, `(` cannot start a link), line breaks
//! become spaces, and a zero-width space follows `@` (so a name in an article
//! never mentions a GitHub user), `#` before a digit (no issue reference), and
//! the `:` of `://` and the `www` of `www.` (no bare link). Text that starts
//! a line (a quote, a list item) cannot start a heading, a list or a
//! thematic break.

use super::findings::{FindingOut, Summary, counts, finding, summary};
use super::places::Places;
use super::{Reporter, View};
use crate::analysis::Analysis;
use crate::finding::{Finding, Location, Rule};
use crate::ingest::InputStatus;
use crate::rules::Severity;
use std::io::{self, Write};

/// GitHub's limit on the body of a comment, in characters.
pub const GITHUB_LIMIT: usize = 65_536;

/// The most characters the report holds: GitHub's limit less a margin for
/// what a workflow puts around it (a heading of its own, the hidden marker
/// by which a comment action finds its comment to update).
pub const MAX_CHARS: usize = GITHUB_LIMIT - 1_536;

/// Room kept for the closing note when something is left out (it names at
/// most every rule, the severities, inputs and suppressed findings).
const NOTE_ROOM: usize = 1_000;

/// The longest sentence quoted, in characters; a longer one is cut to a
/// window around the finding's words.
const QUOTE_CHARS: usize = 300;

/// Markdown output. Every view gives the report of `check`; views other
/// than [`View::Check`] have no findings.
#[derive(Debug, Default)]
pub struct Markdown {
    /// The root paths are relative to, and the link base.
    pub places: Places,
}

/// Escapes text for a Markdown table cell or list item (see the module
/// documentation).
pub(crate) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for (i, word) in s.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let www = word.len() > 4
            && word
                .get(..4)
                .is_some_and(|w| w.eq_ignore_ascii_case("www."));
        let mut chars = word.chars().peekable();
        let mut at = 0;
        while let Some(c) = chars.next() {
            match c {
                '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '&' => {
                    out.push('\\');
                    out.push(c);
                }
                // A zero-width space: `@name` must not notify anybody.
                '@' => out.push_str("@\u{200b}"),
                // Nor `#12` name an issue, nor `https://…` or `www.…`
                // become a link.
                '#' if chars.peek().is_some_and(char::is_ascii_digit) => {
                    out.push_str("#\u{200b}");
                }
                ':' if word[at + 1..].starts_with("//") => out.push_str(":\u{200b}"),
                '.' if www && at == 3 => out.push_str("\u{200b}."),
                _ => out.push(c),
            }
            at += c.len_utf8();
        }
    }
    out
}

/// `path:line` as inline code; `|` is still escaped (GitHub splits table
/// cells before it reads code spans), and a backtick in the path gets a
/// longer fence.
fn code(s: &str) -> String {
    let s = s.replace('|', "\\|");
    let mut fence = "`".to_string();
    while s.contains(fence.as_str()) {
        fence.push('`');
    }
    let pad = if s.starts_with('`') || s.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{s}{pad}{fence}")
}

fn heading(s: Severity) -> &'static str {
    match s {
        Severity::Error => "Errors",
        Severity::Warning => "Warnings",
        Severity::Info => "Infos",
    }
}

/// Escapes text that starts a line (after `> ` or `- `): as [`escape`],
/// and a leading `#`, `-`, `+`, `=` or `1.` cannot open a heading, a list,
/// a thematic break or a setext underline.
pub(crate) fn escape_line(s: &str) -> String {
    let out = escape(s);
    if out.starts_with(['#', '-', '+', '=']) {
        return format!("\\{out}");
    }
    let digits = out.len() - out.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if digits > 0 && out[digits..].starts_with(['.', ')']) {
        return format!("{}\\{}", &out[..digits], &out[digits..]);
    }
    out
}

/// The sentence (or sentences) a location's words are in, cut to
/// [`QUOTE_CHARS`] around them; the words alone when they are in no
/// sentence.
fn sentence(analysis: &Analysis, loc: Location) -> String {
    let item = &analysis.articles[loc.article];
    let text = item.article.text.as_str();
    let seg = &item.segments;
    let (start, end) = match (
        seg.sentence_at(loc.span.start),
        seg.sentence_at(loc.span.end.saturating_sub(1).max(loc.span.start)),
    ) {
        (Some(a), b) => {
            let b = b.unwrap_or(a).max(a);
            (seg.sentences[a].span.start, seg.sentences[b].span.end)
        }
        (None, _) => (loc.span.start, loc.span.end),
    };
    let start = start.min(text.len());
    let end = end.clamp(start, text.len());
    let (Some(quote), Some(before)) = (
        text.get(start..end),
        text.get(start..loc.span.start.clamp(start, end)),
    ) else {
        return String::new();
    };
    let flat: Vec<char> = quote
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .collect();
    if flat.len() <= QUOTE_CHARS {
        return flat.into_iter().collect();
    }
    // A window that starts a little before the finding's words.
    let lead = before
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .count();
    let from = lead
        .saturating_sub(QUOTE_CHARS / 3)
        .min(flat.len() - QUOTE_CHARS);
    let to = from + QUOTE_CHARS;
    let mut out = String::new();
    if from > 0 {
        out.push('…');
    }
    out.extend(&flat[from..to]);
    if to < flat.len() {
        out.push('…');
    }
    out
}

impl Markdown {
    /// `path:line` of a location, relative to the root, as code; a link to
    /// the file and line when the link base is known.
    fn place(&self, loc: &super::findings::LocationOut<'_>) -> String {
        let line = loc.record_line.unwrap_or(loc.line);
        let label = code(&format!("{}:{line}", self.places.show(loc.path)));
        match self.places.link(loc.path, line) {
            Some(url) => format!("[{label}]({url})"),
            None => label,
        }
    }

    /// One finding as a list item: rule, place and message; the sentence,
    /// quoted; each other place with its sentence (a sentence already
    /// quoted in the item is not repeated); the notes.
    fn item(&self, analysis: &Analysis, f: &Finding, out: &FindingOut<'_>) -> String {
        let mut item = format!(
            "- {} at {}: {}\n",
            code(f.rule.code()),
            self.place(&out.location),
            escape(out.message)
        );
        let mut quoted: Vec<String> = Vec::new();
        let mut quote = |item: &mut String, loc: Location, indent: &str| {
            let s = sentence(analysis, loc);
            if !s.is_empty() && !quoted.contains(&s) {
                // Control and bidirectional characters shown as escapes.
                let shown = crate::article::visible(&s);
                item.push_str(&format!("{indent}> {}\n", escape_line(&shown)));
                quoted.push(s);
            }
        };
        quote(&mut item, f.location, "  ");
        for (r, related) in out.related.iter().zip(&f.related) {
            item.push_str(&format!(
                "  - {} at {}\n",
                escape_line(r.message),
                self.place(&r.location)
            ));
            quote(&mut item, related.location, "    ");
        }
        for n in out.notes {
            item.push_str(&format!("  - note: {}\n", escape(n)));
        }
        item
    }
}

/// The report as it is written, kept within a number of characters.
struct Budget {
    text: String,
    chars: usize,
    limit: usize,
}

impl Budget {
    /// Whether `extra` more characters fit.
    fn fits(&self, extra: usize) -> bool {
        self.chars.saturating_add(extra) <= self.limit
    }

    /// Adds `s` (measured by the caller with [`Budget::fits`], or one of
    /// the parts every report has).
    fn push(&mut self, s: &str) {
        self.text.push_str(s);
        self.chars += s.chars().count();
    }
}

/// What was left out, for the closing note.
#[derive(Default)]
struct LeftOut {
    /// Findings by rule, in the order of [`Rule::ALL`].
    rules: Vec<(Rule, usize)>,
    severities: [usize; 3],
    inputs: usize,
    suppressed: usize,
}

impl LeftOut {
    fn findings(&self) -> usize {
        self.severities.iter().sum()
    }

    fn add(&mut self, f: &Finding) {
        match self.rules.iter_mut().find(|(r, _)| *r == f.rule) {
            Some((_, n)) => *n += 1,
            None => self.rules.push((f.rule, 1)),
        }
        self.rules
            .sort_by_key(|(r, _)| Rule::ALL.iter().position(|x| x == r));
        self.severities[rank(f.severity)] += 1;
    }

    /// The closing note: what was left out, and where to see it.
    fn note(&self) -> String {
        let mut parts = Vec::new();
        let n = self.findings();
        if n > 0 {
            let by_rule: Vec<String> = self
                .rules
                .iter()
                .map(|(r, k)| format!("{k} {}", code(r.code())))
                .collect();
            let by_severity: Vec<String> = [Severity::Error, Severity::Warning, Severity::Info]
                .iter()
                .zip(self.severities)
                .filter(|(_, k)| *k > 0)
                .map(|(s, k)| super::findings::plural(k, s.as_str()))
                .collect();
            parts.push(format!(
                "{} ({}; {})",
                super::findings::plural(n, "more finding"),
                by_rule.join(", "),
                by_severity.join(", ")
            ));
        }
        if self.inputs > 0 {
            parts.push(super::findings::plural(self.inputs, "unreadable input"));
        }
        if self.suppressed > 0 {
            parts.push(super::findings::plural(
                self.suppressed,
                "suppressed finding",
            ));
        }
        format!(
            "\n---\n\n**Not shown: {}**, to keep this comment under GitHub's limit of {} characters. \
             Run `claimcheck check` on the same articles locally, or see the SARIF or HTML report, for every finding.\n",
            parts.join(", "),
            thousands(GITHUB_LIMIT)
        )
    }
}

/// `65,536`.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Errors first, then warnings, then infos.
fn rank(s: Severity) -> usize {
    match s {
        Severity::Error => 0,
        Severity::Warning => 1,
        Severity::Info => 2,
    }
}

impl Markdown {
    /// The report within `limit` characters (with no limit, the whole
    /// report); the closing note, when something is left out, comes on top
    /// of `limit`.
    fn report(&self, analysis: &Analysis, limit: usize) -> io::Result<String> {
        let mut b = Budget {
            text: String::new(),
            chars: 0,
            limit,
        };
        let mut left = LeftOut::default();
        let s = summary(analysis);
        let verdict = if s.errors + s.warnings + s.infos == 0 {
            "No findings".to_string()
        } else {
            counts(&s)
        };
        let mut head = format!(
            "## claimcheck report\n\n**{verdict}** in {} articles.\n\n",
            s.articles
        );
        if let Some(note) = super::findings::story_note(analysis) {
            head.push_str(&format!("Note: {}.\n\n", escape(&note)));
        }
        head.push_str(&summary_table(&s));
        b.push(&head);
        let mut live: Vec<&Finding> = analysis
            .findings
            .iter()
            .filter(|f| f.suppressed.is_none())
            .collect();
        // Most important first; the rules' own order otherwise.
        live.sort_by_key(|f| {
            (
                rank(f.severity),
                Rule::ALL.iter().position(|r| *r == f.rule),
            )
        });
        let mut full = true;
        for severity in [Severity::Error, Severity::Warning, Severity::Info] {
            let of: Vec<&Finding> = live
                .iter()
                .copied()
                .filter(|f| f.severity == severity)
                .collect();
            if of.is_empty() {
                continue;
            }
            // The heading's room, at its longest ("7 of 120").
            let n = of.len();
            let mut used = format!("\n### {} ({n} of {n})\n\n", heading(severity))
                .chars()
                .count();
            let mut shown = Vec::new();
            for f in &of {
                let item = full.then(|| self.item(analysis, f, &finding(analysis, f)));
                match item {
                    Some(item) if b.fits(used + item.chars().count()) => {
                        used += item.chars().count();
                        shown.push(item);
                    }
                    _ => {
                        // Whole findings in order: once one does not fit,
                        // nothing less important is shown in its place.
                        full = false;
                        left.add(f);
                    }
                }
            }
            if shown.is_empty() {
                continue;
            }
            let count = if shown.len() == of.len() {
                of.len().to_string()
            } else {
                format!("{} of {}", shown.len(), of.len())
            };
            b.push(&format!("\n### {} ({count})\n\n", heading(severity)));
            for item in shown {
                b.push(&item);
            }
        }
        let failed: Vec<String> = analysis
            .inputs
            .iter()
            .filter_map(|i| match &i.status {
                InputStatus::Failed { error } => Some(escape_line(&error.to_string())),
                _ => None,
            })
            .collect();
        if !failed.is_empty() {
            let mut section = format!("\n### Inputs that could not be read ({})\n\n", failed.len());
            let mut shown = 0;
            for e in &failed {
                let line = format!("- {e}\n");
                if !b.fits(section.chars().count() + line.chars().count()) {
                    break;
                }
                section.push_str(&line);
                shown += 1;
            }
            left.inputs = failed.len() - shown;
            if shown > 0 {
                b.push(&section);
            }
        }
        let suppressed: Vec<&Finding> = analysis
            .findings
            .iter()
            .filter(|f| f.suppressed.is_some())
            .collect();
        if !suppressed.is_empty() {
            let mut section = format!(
                "\n<details>\n<summary>{} suppressed findings</summary>\n\n",
                suppressed.len()
            );
            let end = "\n</details>\n";
            let mut shown = 0;
            for f in &suppressed {
                let out = finding(analysis, f);
                let why = out
                    .suppression
                    .as_ref()
                    .map(|w| format!("by {}", code(&w.describe())))
                    .unwrap_or_default();
                let line = format!(
                    "- {} {} {} {} ({why})\n",
                    f.severity.as_str(),
                    code(f.rule.code()),
                    self.place(&out.location),
                    escape(out.message)
                );
                if !b.fits(section.chars().count() + line.chars().count() + end.len()) {
                    break;
                }
                section.push_str(&line);
                shown += 1;
            }
            left.suppressed = suppressed.len() - shown;
            if shown > 0 {
                section.push_str(end);
                b.push(&section);
            }
        }
        if left.findings() + left.inputs + left.suppressed > 0 {
            b.push(&left.note());
        }
        Ok(b.text)
    }
}

fn summary_table(s: &Summary) -> String {
    format!(
        "| articles | statements | sources | claims | agreements | contradictions | errors | warnings | infos |\n\
         |---:|---:|---:|---:|---:|---:|---:|---:|---:|\n\
         | {} | {} | {} | {} | {} | {} | {} | {} | {} |\n",
        s.articles,
        s.statements,
        s.sources,
        s.claims,
        s.agreements,
        s.contradictions,
        s.errors,
        s.warnings,
        s.infos
    )
}

impl Reporter for Markdown {
    fn write(&self, analysis: &Analysis, _view: View, out: &mut dyn Write) -> io::Result<()> {
        let whole = self.report(analysis, usize::MAX)?;
        let text = if whole.chars().count() <= MAX_CHARS {
            whole
        } else {
            self.report(analysis, MAX_CHARS - NOTE_ROOM)?
        };
        out.write_all(text.as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::{code, escape, escape_line};

    #[test]
    fn escapes_table_and_inline_markup() {
        assert_eq!(escape("a | b"), "a \\| b");
        assert_eq!(escape("*bold* [x](y)"), "\\*bold\\* \\[x\\](y)");
        assert_eq!(escape("line\nbreak"), "line break");
        assert_eq!(escape("@someone"), "@\u{200b}someone");
        // Nor an issue, nor a bare link; multi-byte words are not cut.
        assert_eq!(escape("#12 #a"), "#\u{200b}12 #a");
        assert_eq!(
            escape("https://x.org WWW.x.org www."),
            "https:\u{200b}//x.org WWW\u{200b}.x.org www."
        );
        assert_eq!(escape("eve…” “…wwwé"), "eve…” “…wwwé");
    }

    #[test]
    fn a_line_cannot_open_a_block() {
        assert_eq!(escape_line("# x"), "\\# x");
        assert_eq!(escape_line("- x"), "\\- x");
        assert_eq!(escape_line("+ x"), "\\+ x");
        assert_eq!(escape_line("=== x"), "\\=== x");
        assert_eq!(escape_line("12. x"), "12\\. x");
        assert_eq!(escape_line("3) x"), "3\\) x");
        assert_eq!(escape_line("1990 was"), "1990 was");
        assert_eq!(escape_line("> x"), "\\> x");
    }

    #[test]
    fn code_spans_survive_backticks_and_pipes() {
        assert_eq!(code("a.txt:3"), "`a.txt:3`");
        assert_eq!(code("a`b|c"), "``a`b\\|c``");
    }
}
