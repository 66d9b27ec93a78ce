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
//! region's `snippet` holds the words the finding is about.
//!
//! Paths become URI references relative to the root ([`Places`]: `--root`,
//! else the git work tree around the current directory, else the current
//! directory), with `uriBaseId: SRCROOT`, and `run.originalUriBaseIds`
//! gives `SRCROOT` as the root's `file://` URI (ending in `/`); so GitHub
//! finds the file whichever directory `check` ran in. A path outside the
//! root is an absolute `file://` URI without a base; standard input stays
//! `-`. Characters outside the unreserved set are percent-encoded. Each rule
//! carries its `help` as text and Markdown (what `claimcheck explain RULE`
//! prints); `helpUri` and the driver's `informationUri` only when a docs
//! base is given (`--docs-url`, `docs-url`).
//!
//! Inputs that could not be read are `toolExecutionNotifications` of the
//! run's invocation, which then has `executionSuccessful: false`.

use super::findings::{LocationOut, finding as finding_out};
use super::places::{Places, URI_PATH, file_uri};
use super::{Reporter, View};
use crate::analysis::Analysis;
use crate::ingest::InputStatus;
use crate::rules::{Finding, Rule, Severity, Suppression};
use percent_encoding::utf8_percent_encode;
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

/// The name of the root in `originalUriBaseIds`, as GitHub code scanning
/// and other viewers expect it.
pub const SRCROOT: &str = "SRCROOT";

/// SARIF output. Every view gives the report of `check`; views other than
/// [`View::Check`] have no findings, so their runs have no results.
#[derive(Debug, Default)]
pub struct Sarif {
    /// The root paths are relative to, and the rules' pages.
    pub places: Places,
}

impl Reporter for Sarif {
    fn write(&self, analysis: &Analysis, _view: View, out: &mut dyn Write) -> io::Result<()> {
        let log = log(analysis, &self.places);
        serde_json::to_writer_pretty(&mut *out, &log)?;
        writeln!(out)
    }
}

/// A file path as a URI reference (see the module documentation) and the
/// base it is relative to: inside the root, relative to `SRCROOT`; outside
/// it, an absolute `file://` URI; without a root (or for standard input),
/// relative paths stay relative.
fn artifact_uri(places: &Places, path: &str) -> (String, Option<&'static str>) {
    if let Some(rel) = places.relative(path) {
        return (
            utf8_percent_encode(&rel, URI_PATH).to_string(),
            Some(SRCROOT),
        );
    }
    if places.root.is_some() && path != "-" && !std::path::Path::new(path).is_absolute() {
        // Relative to the current directory but outside the root.
        return (file_uri(&places.absolute(path).to_string_lossy()), None);
    }
    (uri(path), None)
}

/// An artifact location for `path`, with its index in `run.artifacts` when
/// it has one.
fn artifact(places: &Places, path: &str, index: Option<usize>) -> ArtifactLocation {
    let (uri, base) = artifact_uri(places, path);
    let mut loc = ArtifactLocation::builder().uri(uri).build();
    loc.index = index.map(int);
    loc.uri_base_id = base.map(str::to_string);
    loc
}

/// A file path as a URI reference, as given: relative paths stay relative,
/// absolute ones become `file://` URIs, and characters outside the
/// unreserved set are percent-encoded.
pub(crate) fn uri(path: &str) -> String {
    let slashed = if cfg!(windows) {
        path.replace('\\', "/")
    } else {
        path.to_string()
    };
    if std::path::Path::new(path).is_absolute() {
        file_uri(path)
    } else {
        utf8_percent_encode(&slashed, URI_PATH).to_string()
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

/// A rule's help: what `claimcheck explain RULE` prints, as text and as
/// Markdown (GitHub shows the Markdown beside an alert, so the help is there
/// without any web page).
fn help(r: Rule) -> MultiformatMessageString {
    let head = format!(
        "{} ({} by default)",
        r.code(),
        r.default_severity().as_str()
    );
    let run = format!(
        "Run `claimcheck explain {}` for this text in a terminal.",
        r.code()
    );
    let mut help = text(format!("{head}\n\n{}\n\n{run}", r.explanation()));
    help.markdown = Some(format!(
        "**{}** ({} by default)\n\n{}\n\n{run}",
        r.code(),
        r.default_severity().as_str(),
        r.explanation()
    ));
    help
}

/// The rule descriptors, in the order of [`Rule::ALL`] (`ruleIndex` points
/// here), each with its page when the docs base is known.
fn rules(places: &Places) -> Vec<ReportingDescriptor> {
    Rule::ALL
        .iter()
        .map(|&r| {
            let mut descriptor = ReportingDescriptor::builder()
                .id(r.code())
                .name(r.code())
                .short_description(text(r.summary()))
                .full_description(text(r.explanation()))
                .help(help(r))
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
                .build();
            descriptor.help_uri = places.rule_url(r);
            descriptor
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
fn location(
    loc: &LocationOut<'_>,
    paths: &[&str],
    places: &Places,
    msg: Option<&str>,
) -> sarif::Location {
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
    let index = paths.iter().position(|p| *p == loc.path);
    let physical = PhysicalLocation::builder()
        .artifact_location(artifact(places, loc.path, index))
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
fn result(analysis: &Analysis, f: &Finding, paths: &[&str], places: &Places) -> sarif::Result {
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
            let mut l = location(&r.location, paths, places, Some(r.message));
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
        .locations(vec![location(
            &out.location,
            paths,
            places,
            Some(out.label),
        )])
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
            suppression.location = Some(location(m, paths, places, None));
        }
        r.suppressions = Some(vec![suppression]);
    }
    r
}

/// The run's invocation: whether every input was read, and a notification
/// for each one that was not.
fn invocation(analysis: &Analysis, places: &Places) -> Invocation {
    let failures: Vec<Notification> = analysis
        .inputs
        .iter()
        .filter_map(|input| match &input.status {
            InputStatus::Failed { error } => {
                let mut region = Region::builder().build();
                region.start_line = error.line.map(int);
                let physical = PhysicalLocation::builder()
                    .artifact_location(artifact(places, &error.path, None))
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
pub fn log(analysis: &Analysis, places: &Places) -> sarif::Sarif {
    let paths = artifact_paths(analysis);
    let mut driver = ToolComponent::builder()
        .name("claimcheck")
        .version(env!("CARGO_PKG_VERSION"))
        .semantic_version(env!("CARGO_PKG_VERSION"))
        .rules(rules(places))
        .build();
    // The rules' docs base when one is given, else Cargo.toml's repository
    // or homepage; none when neither is known (no address is made up).
    let info = [env!("CARGO_PKG_REPOSITORY"), env!("CARGO_PKG_HOMEPAGE")]
        .into_iter()
        .find(|u| !u.is_empty())
        .map(str::to_string);
    driver.information_uri = places.docs_url.clone().or(info);
    let artifacts = paths
        .iter()
        .map(|p| {
            sarif::Artifact::builder()
                .location(artifact(places, p, None))
                .roles(vec![serde_json::Value::String(
                    sarif::ArtifactRoles::AnalysisTarget.to_string(),
                )])
                .build()
        })
        .collect::<Vec<_>>();
    let results = analysis
        .findings
        .iter()
        .map(|f| result(analysis, f, &paths, places))
        .collect::<Vec<_>>();
    let mut run = Run::builder()
        .tool(Tool::builder().driver(driver).build())
        .invocations(vec![invocation(analysis, places)])
        .artifacts(artifacts)
        .results(results)
        .column_kind(ResultColumnKind::UnicodeCodePoints.to_string())
        .build();
    run.original_uri_base_ids = places.root_uri().map(|root| {
        BTreeMap::from([(
            SRCROOT.to_string(),
            ArtifactLocation::builder().uri(root).build(),
        )])
    });
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
