//! SARIF 2.1.0 for `check`, in the subset GitHub code scanning reads, built
//! from the typed model of the `serde-sarif` crate.
//!
//! One run: `tool.driver` lists every rule (`id` is the rule code, the same
//! as the JSON `rule`; `properties.precision` and `properties.tags`),
//! `results` one per finding with `ruleId`, `ruleIndex`, `level` (`error`,
//! `warning`, `note` for info), the message (a link to each other place,
//! `[side B: …](2)`, then the notes, on their own lines), the location, the
//! other places as
//! `relatedLocations`, `partialFingerprints` (`claimcheck/v1`: the finding's
//! fingerprint, so an alert survives edits elsewhere in the file) and
//! `baselineState`. A finding suppressed by the baseline carries
//! `suppressions: [{kind: external}]` and `baselineState: unchanged`; one
//! suppressed by an inline comment carries `suppressions: [{kind:
//! inSource}]`; every other finding is `new`.
//!
//! Regions use 1-based lines and columns counted in characters
//! (`columnKind: unicodeCodePoints`); `endColumn` is the column just after
//! the span. An article from a JSON Lines file has no lines of its own in
//! that file: its text is one escaped JSON string on the record's line, so
//! the region is the whole record line (`startLine` = `endLine` = the
//! record's line, no columns), the article id is a logical location, and the
//! region's `snippet` holds the words the finding is about. Paths become URI
//! references: relative paths stay relative (to the directory `check` ran
//! in, which GitHub takes as the repository root), absolute ones become
//! `file://` URIs, and characters outside the unreserved set are
//! percent-encoded.
//!
//! Inputs that could not be read are `toolExecutionNotifications` of the
//! run's invocation, which then has `executionSuccessful: false`.

use super::findings::{LocationOut, finding as finding_out};
use super::{Reporter, View};
use crate::analysis::Analysis;
use crate::ingest::InputStatus;
use crate::rules::{Finding, Rule, Severity, Suppression};
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use serde_sarif::sarif::{
    self, ArtifactContent, ArtifactLocation, Invocation, LogicalLocation, Message,
    MultiformatMessageString, Notification, PhysicalLocation, Region, ReportingConfiguration,
    ReportingConfigurationLevel, ReportingDescriptor, ResultBaselineState, ResultColumnKind,
    ResultLevel, Run, SupressionKind, Tool, ToolComponent,
};
use std::collections::BTreeMap;
use std::io::{self, Write};

/// The published location of the SARIF 2.1.0 schema, as GitHub expects it.
pub const SARIF_SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// The key of the fingerprint in `partialFingerprints`; the suffix is bumped
/// if fingerprints ever change meaning.
pub const FINGERPRINT_KEY: &str = "claimcheck/v1";

/// SARIF output. Every view gives the report of `check`; views other than
/// [`View::Check`] have no findings, so their runs have no results.
#[derive(Debug, Default)]
pub struct Sarif;

impl Reporter for Sarif {
    fn write(&self, analysis: &Analysis, _view: View, out: &mut dyn Write) -> io::Result<()> {
        let log = log(analysis);
        serde_json::to_writer_pretty(&mut *out, &log)?;
        writeln!(out)
    }
}

/// Characters kept as they are in a URI path: the unreserved set and `/`.
const PATH: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~')
    .remove(b'/');

/// A file path as a URI reference (see the module documentation).
pub(crate) fn uri(path: &str) -> String {
    let slashed = if cfg!(windows) {
        path.replace('\\', "/")
    } else {
        path.to_string()
    };
    if std::path::Path::new(path).is_absolute() {
        // `C:/x` on Windows becomes `file:///C:/x`; the drive's colon stays.
        let (lead, rest) = match slashed.split_once(':') {
            Some((drive, rest)) if drive.len() == 1 && !slashed.starts_with('/') => {
                (format!("/{drive}:"), rest.to_string())
            }
            _ => (String::new(), slashed),
        };
        format!("file://{lead}{}", utf8_percent_encode(&rest, PATH))
    } else {
        utf8_percent_encode(&slashed, PATH).to_string()
    }
}

/// A count as SARIF's integer type.
fn int(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

fn level(s: Severity) -> ResultLevel {
    match s {
        Severity::Error => ResultLevel::Error,
        Severity::Warning => ResultLevel::Warning,
        Severity::Info => ResultLevel::Note,
    }
}

fn default_level(s: Severity) -> ReportingConfigurationLevel {
    match s {
        Severity::Error => ReportingConfigurationLevel::Error,
        Severity::Warning => ReportingConfigurationLevel::Warning,
        Severity::Info => ReportingConfigurationLevel::Note,
    }
}

fn text(s: impl Into<String>) -> MultiformatMessageString {
    MultiformatMessageString::builder().text(s.into()).build()
}

fn message(s: impl Into<String>) -> Message {
    Message::builder().text(s.into()).build()
}

/// The rule descriptors, in the order of [`Rule::ALL`] (`ruleIndex` points
/// here).
fn rules() -> Vec<ReportingDescriptor> {
    Rule::ALL
        .iter()
        .map(|r| {
            ReportingDescriptor::builder()
                .id(r.code())
                .name(r.code())
                .short_description(text(r.summary()))
                .full_description(text(r.explanation()))
                .help(text(format!(
                    "{}\n\nRun `claimcheck explain {}` for this text in a terminal.",
                    r.explanation(),
                    r.code()
                )))
                .default_configuration(
                    ReportingConfiguration::builder()
                        .level(default_level(r.default_severity()).to_string())
                        .build(),
                )
                .properties(
                    sarif::PropertyBag::builder()
                        .tags(r.tags().iter().map(|t| t.to_string()).collect::<Vec<_>>())
                        .additional_properties(BTreeMap::from([(
                            "precision".to_string(),
                            serde_json::Value::String(r.precision().to_string()),
                        )]))
                        .build(),
                )
                .build()
        })
        .collect()
}

/// The files the articles came from, each once, in the order first seen
/// (articles are in path order, so this is sorted too).
fn artifact_paths(analysis: &Analysis) -> Vec<&str> {
    let mut paths: Vec<&str> = Vec::new();
    for item in &analysis.articles {
        let p = item.article.origin.path.as_str();
        if !paths.contains(&p) {
            paths.push(p);
        }
    }
    paths
}

/// One location: file, region, the article id for JSON Lines records, and a
/// message.
fn location(loc: &LocationOut<'_>, paths: &[&str], msg: Option<&str>) -> sarif::Location {
    let region = match loc.record_line {
        Some(line) => Region::builder()
            .start_line(int(line))
            .end_line(int(line))
            .snippet(ArtifactContent::builder().text(loc.text).build())
            .build(),
        None => Region::builder()
            .start_line(int(loc.line))
            .start_column(int(loc.column))
            .end_line(int(loc.end_line))
            .end_column(int(loc.end_column))
            .snippet(ArtifactContent::builder().text(loc.text).build())
            .build(),
    };
    let artifact = match paths.iter().position(|p| *p == loc.path) {
        Some(i) => ArtifactLocation::builder()
            .uri(uri(loc.path))
            .index(int(i))
            .build(),
        None => ArtifactLocation::builder().uri(uri(loc.path)).build(),
    };
    let physical = PhysicalLocation::builder()
        .artifact_location(artifact)
        .region(region)
        .build();
    let logical = loc.record_line.map(|_| {
        vec![
            LogicalLocation::builder()
                .name(loc.article)
                .kind("article")
                .build(),
        ]
    });
    match (logical, msg) {
        (Some(l), Some(m)) => sarif::Location::builder()
            .physical_location(physical)
            .logical_locations(l)
            .message(message(m))
            .build(),
        (Some(l), None) => sarif::Location::builder()
            .physical_location(physical)
            .logical_locations(l)
            .build(),
        (None, Some(m)) => sarif::Location::builder()
            .physical_location(physical)
            .message(message(m))
            .build(),
        (None, None) => sarif::Location::builder()
            .physical_location(physical)
            .build(),
    }
}

/// Text for a SARIF message, where `[` and `]` open and close links: the
/// article's own brackets are escaped with a backslash (as is a backslash).
fn escape_brackets(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('[', "\\[")
        .replace(']', "\\]")
}

/// One result.
fn result(analysis: &Analysis, f: &Finding, paths: &[&str]) -> sarif::Result {
    let out = finding_out(analysis, f);
    let rule_index = Rule::ALL.iter().position(|r| *r == f.rule).unwrap_or(0);
    let mut text = escape_brackets(&f.message);
    // Each other place linked from the message (`[side B: …](2)`): GitHub
    // shows a related location only when the message links to it.
    for (i, r) in out.related.iter().enumerate() {
        text.push_str(&format!("\n[{}]({})", escape_brackets(r.message), i + 1));
    }
    for n in &f.notes {
        text.push_str("\nnote: ");
        text.push_str(&escape_brackets(n));
    }
    let related: Vec<sarif::Location> = out
        .related
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let mut l = location(&r.location, paths, Some(r.message));
            l.id = Some(int(i + 1));
            l
        })
        .collect();
    let fingerprints = BTreeMap::from([(FINGERPRINT_KEY.to_string(), f.fingerprint.clone())]);
    let baseline = match f.suppressed {
        Some(Suppression::Baseline { .. }) => ResultBaselineState::Unchanged,
        _ => ResultBaselineState::New,
    };
    let mut r = sarif::Result::builder()
        .rule_id(f.rule.code())
        .rule_index(int(rule_index))
        .level(level(f.severity))
        .message(message(text))
        .locations(vec![location(&out.location, paths, Some(out.label))])
        .partial_fingerprints(fingerprints)
        .baseline_state(baseline.to_string())
        .build();
    if !related.is_empty() {
        r.related_locations = Some(related);
    }
    if let (Some(s), Some(why)) = (&f.suppressed, &out.suppression) {
        let mut suppression = sarif::Suppression::builder()
            .kind(
                match s {
                    Suppression::Baseline { .. } => SupressionKind::External,
                    Suppression::Inline { .. } => SupressionKind::InSource,
                }
                .to_string(),
            )
            .justification(format!("suppressed by {}", why.describe()))
            .build();
        if let Some(m) = &why.marker {
            suppression.location = Some(location(m, paths, None));
        }
        r.suppressions = Some(vec![suppression]);
    }
    r
}

/// The run's invocation: whether every input was read, and a notification
/// for each one that was not.
fn invocation(analysis: &Analysis) -> Invocation {
    let failures: Vec<Notification> = analysis
        .inputs
        .iter()
        .filter_map(|input| match &input.status {
            InputStatus::Failed { error } => {
                let mut region = Region::builder().build();
                region.start_line = error.line.map(int);
                let physical = PhysicalLocation::builder()
                    .artifact_location(ArtifactLocation::builder().uri(uri(&error.path)).build())
                    .region(region)
                    .build();
                Some(
                    Notification::builder()
                        .level(ResultLevel::Error.to_string())
                        .message(message(error.to_string()))
                        .locations(vec![
                            sarif::Location::builder()
                                .physical_location(physical)
                                .build(),
                        ])
                        .build(),
                )
            }
            _ => None,
        })
        .collect();
    let mut inv = Invocation::builder()
        .execution_successful(failures.is_empty())
        .build();
    if !failures.is_empty() {
        inv.tool_execution_notifications = Some(failures);
    }
    inv
}

/// The whole SARIF log of a run.
pub fn log(analysis: &Analysis) -> sarif::Sarif {
    let paths = artifact_paths(analysis);
    let mut driver = ToolComponent::builder()
        .name("claimcheck")
        .version(env!("CARGO_PKG_VERSION"))
        .semantic_version(env!("CARGO_PKG_VERSION"))
        .rules(rules())
        .build();
    // Set only when Cargo.toml names a repository or a homepage.
    let info = [env!("CARGO_PKG_REPOSITORY"), env!("CARGO_PKG_HOMEPAGE")]
        .into_iter()
        .find(|u| !u.is_empty());
    driver.information_uri = info.map(str::to_string);
    let artifacts = paths
        .iter()
        .map(|p| {
            sarif::Artifact::builder()
                .location(ArtifactLocation::builder().uri(uri(p)).build())
                .roles(vec![serde_json::Value::String(
                    sarif::ArtifactRoles::AnalysisTarget.to_string(),
                )])
                .build()
        })
        .collect::<Vec<_>>();
    let results = analysis
        .findings
        .iter()
        .map(|f| result(analysis, f, &paths))
        .collect::<Vec<_>>();
    let run = Run::builder()
        .tool(Tool::builder().driver(driver).build())
        .invocations(vec![invocation(analysis)])
        .artifacts(artifacts)
        .results(results)
        .column_kind(ResultColumnKind::UnicodeCodePoints.to_string())
        .build();
    sarif::Sarif::builder()
        .schema(SARIF_SCHEMA)
        .version(sarif::Version::V2_1_0.to_string())
        .runs(vec![run])
        .build()
}

#[cfg(test)]
mod tests {
    use super::uri;

    #[test]
    fn relative_paths_stay_relative_and_are_percent_encoded() {
        assert_eq!(uri("seeds/a_b-1.txt"), "seeds/a_b-1.txt");
        assert_eq!(uri("my dir/a,b:c%.txt"), "my%20dir/a%2Cb%3Ac%25.txt");
        assert_eq!(uri("-"), "-");
    }

    #[cfg(unix)]
    #[test]
    fn absolute_paths_are_file_uris() {
        assert_eq!(uri("/tmp/x y.txt"), "file:///tmp/x%20y.txt");
    }
}
