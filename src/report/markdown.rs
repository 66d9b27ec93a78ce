//! A Markdown report of `check`, written to be posted as a pull-request
//! comment: a heading with the counts, a summary table, the findings grouped
//! by severity (a table each: rule, `path:line`, message, and for a
//! contradiction or a spelling the other places), inputs that could not be
//! read, and the suppressed findings in a collapsed `<details>` section.
//!
//! Text from the articles and messages is escaped so that it shows as
//! written: `|` cannot end a table cell, the punctuation that Markdown reads
//! inside a line (`\`, `` ` ``, `*`, `_`, `[`, `]`, `<`, `>`, `~`, `&`) is
//! backslash-escaped (with `[` escaped, `(` cannot start a link), line breaks
//! become spaces, and `@` is followed by a zero-width space so that a name in
//! an article never mentions a GitHub user.

use super::findings::{FindingOut, Summary, counts, file_line, finding, summary};
use super::{Reporter, View};
use crate::analysis::Analysis;
use crate::ingest::InputStatus;
use crate::rules::Severity;
use std::io::{self, Write};

/// Markdown output. Every view gives the report of `check`; views other
/// than [`View::Check`] have no findings.
#[derive(Debug, Default)]
pub struct Markdown;

/// Escapes text for a Markdown table cell or list item (see the module
/// documentation).
pub(crate) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for (i, word) in s.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        for c in word.chars() {
            match c {
                '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '&' => {
                    out.push('\\');
                    out.push(c);
                }
                // A zero-width space: `@name` must not notify anybody.
                '@' => out.push_str("@\u{200b}"),
                _ => out.push(c),
            }
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

fn write_summary(s: &Summary, out: &mut dyn Write) -> io::Result<()> {
    writeln!(
        out,
        "| articles | statements | sources | claims | agreements | contradictions | errors | warnings | infos |"
    )?;
    writeln!(out, "|---:|---:|---:|---:|---:|---:|---:|---:|---:|")?;
    writeln!(
        out,
        "| {} | {} | {} | {} | {} | {} | {} | {} | {} |",
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

/// The message cell: the message, then each related place and note on its
/// own line.
fn message_cell(f: &FindingOut<'_>) -> String {
    let mut cell = escape(f.message);
    for r in &f.related {
        cell.push_str(&format!(
            "<br>↳ {} — {}",
            escape(r.message),
            code(&file_line(&r.location))
        ));
    }
    for n in f.notes {
        cell.push_str(&format!("<br>note: {}", escape(n)));
    }
    cell
}

impl Reporter for Markdown {
    fn write(&self, analysis: &Analysis, _view: View, out: &mut dyn Write) -> io::Result<()> {
        let s = summary(analysis);
        writeln!(out, "## claimcheck report\n")?;
        let verdict = if s.errors + s.warnings + s.infos == 0 {
            "No findings".to_string()
        } else {
            counts(&s)
        };
        writeln!(out, "**{verdict}** in {} articles.\n", s.articles)?;
        if let Some(note) = super::findings::story_note(analysis) {
            writeln!(out, "Note: {}.\n", escape(&note))?;
        }
        write_summary(&s, out)?;
        let findings: Vec<FindingOut<'_>> = analysis
            .findings
            .iter()
            .map(|f| finding(analysis, f))
            .collect();
        for severity in [Severity::Error, Severity::Warning, Severity::Info] {
            let live: Vec<&FindingOut<'_>> = findings
                .iter()
                .filter(|f| f.suppressed.is_none() && f.severity == severity)
                .collect();
            if live.is_empty() {
                continue;
            }
            writeln!(out, "\n### {} ({})\n", heading(severity), live.len())?;
            writeln!(out, "| rule | where | message |")?;
            writeln!(out, "|---|---|---|")?;
            for f in live {
                writeln!(
                    out,
                    "| {} | {} | {} |",
                    code(f.rule.code()),
                    code(&file_line(&f.location)),
                    message_cell(f)
                )?;
            }
        }
        let failed: Vec<String> = analysis
            .inputs
            .iter()
            .filter_map(|i| match &i.status {
                InputStatus::Failed { error } => Some(escape(&error.to_string())),
                _ => None,
            })
            .collect();
        if !failed.is_empty() {
            writeln!(
                out,
                "\n### Inputs that could not be read ({})\n",
                failed.len()
            )?;
            for e in failed {
                writeln!(out, "- {e}")?;
            }
        }
        let suppressed: Vec<&FindingOut<'_>> =
            findings.iter().filter(|f| f.suppressed.is_some()).collect();
        if !suppressed.is_empty() {
            writeln!(
                out,
                "\n<details>\n<summary>{} suppressed findings</summary>\n",
                suppressed.len()
            )?;
            for f in suppressed {
                let why = f
                    .suppression
                    .as_ref()
                    .map(|w| format!("by {}", code(&w.describe())))
                    .unwrap_or_default();
                writeln!(
                    out,
                    "- {} {} {} {} ({why})",
                    f.severity.as_str(),
                    code(f.rule.code()),
                    code(&file_line(&f.location)),
                    escape(f.message)
                )?;
            }
            writeln!(out, "\n</details>")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::{code, escape};

    #[test]
    fn escapes_table_and_inline_markup() {
        assert_eq!(escape("a | b"), "a \\| b");
        assert_eq!(escape("*bold* [x](y)"), "\\*bold\\* \\[x\\](y)");
        assert_eq!(escape("line\nbreak"), "line break");
        assert_eq!(escape("@someone"), "@\u{200b}someone");
    }

    #[test]
    fn code_spans_survive_backticks_and_pipes() {
        assert_eq!(code("a.txt:3"), "`a.txt:3`");
        assert_eq!(code("a`b|c"), "``a`b\\|c``");
    }
}
