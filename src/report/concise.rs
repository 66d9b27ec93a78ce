//! One line per finding for editors and problem matchers (`check --format
//! concise`): `path:line:column: severity[rule]: message`, the message on
//! one line (line breaks become spaces). A finding in a JSON Lines record or
//! a feed item is at the record's line, column 1. Suppressed findings are
//! left out; an input that could not be read is a line
//! `path:line:1: error[input]: …`. No summary: every line is a place.

use super::findings::finding;
use super::{Reporter, View};
use crate::analysis::Analysis;
use crate::ingest::InputStatus;
use std::io::{self, Write};

/// One line per finding. Every view gives the report of `check`.
#[derive(Debug, Default)]
pub struct Concise;

fn one_line(s: &str) -> String {
    s.split(['\n', '\r'])
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

impl Reporter for Concise {
    fn write(&self, analysis: &Analysis, _view: View, out: &mut dyn Write) -> io::Result<()> {
        for f in analysis.findings.iter().filter(|f| f.suppressed.is_none()) {
            let at = finding(analysis, f).location;
            let (line, column) = match at.record_line {
                Some(line) => (line, 1),
                None => (at.line, at.column),
            };
            writeln!(
                out,
                "{}:{line}:{column}: {}[{}]: {}",
                at.path,
                f.severity.as_str(),
                f.rule.code(),
                one_line(&f.message)
            )?;
        }
        for input in &analysis.inputs {
            if let InputStatus::Failed { error } = &input.status {
                writeln!(
                    out,
                    "{}:{}:1: error[input]: {}",
                    error.path,
                    error.line.unwrap_or(1),
                    one_line(&error.kind.to_string())
                )?;
            }
        }
        Ok(())
    }
}
