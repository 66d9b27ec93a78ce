//! GitHub Actions workflow commands for `check`: one line per finding, which
//! the runner turns into an annotation on the file and line
//! (`::error file=…,line=…,col=…,endLine=…,endColumn=…,title=claimcheck
//! RULE::MESSAGE`; `::warning` and `::notice` for warnings and infos), then
//! one plain summary line.
//!
//! Suppressed findings (baseline or inline comment) are not printed: an
//! annotation cannot be marked as suppressed, and the point of a suppression
//! is that nobody is asked about it again. They are counted in the summary.
//!
//! The message is the finding's message, then one line per related place
//! (`side B: … at path:line`) and per note. Workflow commands are one line,
//! so the data is escaped as the runner expects (`%` → `%25`, CR → `%0D`,
//! LF → `%0A`), and property values also escape `:` (`%3A`) and `,`
//! (`%2C`). Columns are given only when the span starts and ends on one
//! line, as the runner accepts them only then. An article from a JSON Lines
//! file is annotated on its record's line, without columns.
//!
//! The runner reads `file=` relative to the repository root, so paths there
//! are relative to the root ([`Places`]: `--root`, else the git work tree,
//! else the current directory), whichever directory `check` ran in; a path
//! outside the root stays as given. The message keeps paths as given.

use super::findings::{LocationOut, counts, file_line, finding, summary};
use super::places::Places;
use super::{Reporter, View};
use crate::analysis::Analysis;
use crate::ingest::InputStatus;
use crate::rules::Severity;
use std::io::{self, Write};

/// GitHub Actions annotations. Every view gives the report of `check`;
/// views other than [`View::Check`] have no findings.
#[derive(Debug, Default)]
pub struct Github {
    /// The root `file=` paths are relative to.
    pub places: Places,
}

/// Escapes the message of a workflow command.
pub(crate) fn escape_data(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            _ => out.push(c),
        }
    }
    out
}

/// Escapes a property value of a workflow command (`file=`, `title=`).
pub(crate) fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

fn command(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    }
}

/// `file=…,line=…[,col=…],endLine=…[,endColumn=…]`.
fn properties(loc: &LocationOut<'_>, places: &Places) -> String {
    let file = escape_property(&places.show(loc.path));
    match loc.record_line {
        Some(line) => format!("file={file},line={line},endLine={line}"),
        None if loc.line == loc.end_line => format!(
            "file={file},line={},col={},endLine={},endColumn={}",
            loc.line, loc.column, loc.end_line, loc.end_column
        ),
        None => format!("file={file},line={},endLine={}", loc.line, loc.end_line),
    }
}

impl Reporter for Github {
    fn write(&self, analysis: &Analysis, _view: View, out: &mut dyn Write) -> io::Result<()> {
        for f in analysis.findings.iter().filter(|f| f.suppressed.is_none()) {
            let fo = finding(analysis, f);
            let mut text = f.message.clone();
            for r in &fo.related {
                text.push_str(&format!("\n{} at {}", r.message, file_line(&r.location)));
            }
            for n in &f.notes {
                text.push_str(&format!("\nnote: {n}"));
            }
            writeln!(
                out,
                "::{} {},title={}::{}",
                command(f.severity),
                properties(&fo.location, &self.places),
                escape_property(&format!("claimcheck {}", f.rule.code())),
                escape_data(&text)
            )?;
        }
        for input in &analysis.inputs {
            if let InputStatus::Failed { error } = &input.status {
                let line = error.line.map(|l| format!(",line={l}")).unwrap_or_default();
                writeln!(
                    out,
                    "::error file={}{line},title={}::{}",
                    escape_property(&self.places.show(&error.path)),
                    escape_property("claimcheck input"),
                    escape_data(&error.to_string())
                )?;
            }
        }
        let s = summary(analysis);
        writeln!(
            out,
            "claimcheck: {} in {} articles ({} failed inputs); {} statements, {} sources, {} claims, {} agreements, {} contradictions",
            counts(&s),
            s.articles,
            s.failed,
            s.statements,
            s.sources,
            s.claims,
            s.agreements,
            s.contradictions
        )
    }
}

#[cfg(test)]
mod tests {
    use super::{escape_data, escape_property};

    #[test]
    fn data_escapes_percent_and_line_breaks_only() {
        assert_eq!(
            escape_data("50% rise:\r\nnow, then"),
            "50%25 rise:%0D%0Anow, then"
        );
    }

    #[test]
    fn properties_also_escape_colon_and_comma() {
        assert_eq!(escape_property("a,b:c%d\ne"), "a%2Cb%3Ac%25d%0Ae");
        // `%` is escaped first, so an escape already in the text survives.
        assert_eq!(escape_property("%2C"), "%252C");
    }
}
