//! GitLab Code Quality for `check` (`--format gitlab`): the JSON array a
//! merge request's Code Quality widget and the pipeline's report read (a
//! `codequality` report artifact). One issue per finding that is not
//! suppressed, with the fields GitLab requires: `description` (the message,
//! the other sides and the notes), `check_name` (`claimcheck/RULE`),
//! `fingerprint` (the finding's stable fingerprint, so GitLab tells new
//! findings from old ones across pipelines), `severity` (error → `major`,
//! warning → `minor`, info → `info`) and `location` (the path and the line,
//! `positions` with columns when the span is in a file's own lines; for a
//! record of a JSON Lines file or a feed, its line). An input that could not
//! be read is an issue of its own (`claimcheck/input`, `blocker`), so a
//! pipeline that reads the report alone still sees it.
//!
//! GitLab reads `location.path` relative to the repository root, so paths
//! are written relative to the root ([`Places`]: `--root`, else the git
//! work tree, else the current directory), whichever directory `check` ran
//! in; a path outside the root stays as given.

use super::findings::{file_line, finding};
use super::places::Places;
use super::{Reporter, View};
use crate::analysis::Analysis;
use crate::ingest::InputStatus;
use crate::rules::Severity;
use serde::Serialize;
use std::io::{self, Write};

/// GitLab Code Quality JSON. Every view gives the report of `check`.
#[derive(Debug, Default)]
pub struct Gitlab {
    /// The root paths are relative to.
    pub places: Places,
}

#[derive(Serialize)]
struct Issue<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    description: String,
    check_name: String,
    fingerprint: String,
    severity: &'static str,
    categories: [&'static str; 1],
    location: IssueLocation<'a>,
}

#[derive(Serialize)]
struct IssueLocation<'a> {
    path: std::borrow::Cow<'a, str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    lines: Option<Lines>,
    #[serde(skip_serializing_if = "Option::is_none")]
    positions: Option<Positions>,
}

#[derive(Serialize)]
struct Lines {
    begin: usize,
}

#[derive(Serialize)]
struct Positions {
    begin: Position,
    end: Position,
}

#[derive(Serialize)]
struct Position {
    line: usize,
    column: usize,
}

fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Error => "major",
        Severity::Warning => "minor",
        Severity::Info => "info",
    }
}

impl Reporter for Gitlab {
    fn write(&self, analysis: &Analysis, _view: View, out: &mut dyn Write) -> io::Result<()> {
        let mut issues = Vec::new();
        for f in analysis.findings.iter().filter(|f| f.suppressed.is_none()) {
            let fo = finding(analysis, f);
            let mut description = f.message.clone();
            for r in &fo.related {
                description.push_str(&format!("; {} at {}", r.message, file_line(&r.location)));
            }
            for n in &f.notes {
                description.push_str(&format!("; {n}"));
            }
            let at = &fo.location;
            // `lines.begin` is what every GitLab version reads; `positions`
            // adds the columns where the span is in the file's own lines.
            let (lines, positions) = match at.record_line {
                Some(line) => (Some(Lines { begin: line }), None),
                None => (
                    Some(Lines { begin: at.line }),
                    Some(Positions {
                        begin: Position {
                            line: at.line,
                            column: at.column,
                        },
                        end: Position {
                            line: at.end_line,
                            column: at.end_column,
                        },
                    }),
                ),
            };
            issues.push(Issue {
                kind: "issue",
                description,
                check_name: format!("claimcheck/{}", f.rule.code()),
                fingerprint: f.fingerprint.clone(),
                severity: severity(f.severity),
                categories: ["Bug Risk"],
                location: IssueLocation {
                    path: self.places.show(at.path),
                    lines,
                    positions,
                },
            });
        }
        for input in &analysis.inputs {
            if let InputStatus::Failed { error } = &input.status {
                issues.push(Issue {
                    kind: "issue",
                    description: error.to_string(),
                    check_name: "claimcheck/input".into(),
                    fingerprint: crate::fnv::hex(&[
                        "input",
                        &error.path,
                        &error.line.unwrap_or(0).to_string(),
                    ]),
                    severity: "blocker",
                    categories: ["Bug Risk"],
                    location: IssueLocation {
                        path: self.places.show(&error.path),
                        lines: Some(Lines {
                            begin: error.line.unwrap_or(1),
                        }),
                        positions: None,
                    },
                });
            }
        }
        serde_json::to_writer_pretty(&mut *out, &issues)?;
        writeln!(out)
    }
}
