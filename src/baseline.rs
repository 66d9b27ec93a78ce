//! Baselines: `--write-baseline FILE` records today's findings;
//! `--baseline FILE` marks the findings recorded there as suppressed (they
//! stay in the report and never fail the run). Findings are matched by rule
//! and fingerprint: rule and content, never line numbers, so edits elsewhere
//! in an article do not break the baseline.

use crate::rules::{Finding, Rule, Suppression};
use serde::{Deserialize, Serialize};
use std::path::Path;

/// Version of the baseline file format.
pub const BASELINE_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Entry {
    pub rule: Rule,
    pub fingerprint: String,
    /// For the reader of the file; not used to match.
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    pub version: u32,
    pub findings: Vec<Entry>,
}

/// The baseline of a set of findings, in a stable order.
pub fn of(findings: &[Finding]) -> Baseline {
    let mut entries: Vec<Entry> = findings
        .iter()
        .map(|f| Entry {
            rule: f.rule,
            fingerprint: f.fingerprint.clone(),
            message: f.message.clone(),
        })
        .collect();
    entries.sort();
    entries.dedup();
    Baseline {
        version: BASELINE_VERSION,
        findings: entries,
    }
}

/// Reads a baseline file; the error names the file (and line for JSON).
pub fn read(path: &Path) -> Result<Baseline, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("{}: cannot read the baseline: {e}", path.display()))?;
    let baseline: Baseline = serde_json::from_str(&text).map_err(|e| {
        format!(
            "{}:{}: not a claimcheck baseline: {e}",
            path.display(),
            e.line()
        )
    })?;
    if baseline.version != BASELINE_VERSION {
        return Err(format!(
            "{}: baseline format version {} is not supported (this claimcheck reads version \
             {BASELINE_VERSION}); write a new one with --write-baseline",
            path.display(),
            baseline.version
        ));
    }
    Ok(baseline)
}

/// Marks the findings the baseline holds as suppressed by it (`file`, the
/// baseline's path as given, is named in the report).
pub fn apply(baseline: &Baseline, file: &str, findings: &mut [Finding]) {
    let known: std::collections::BTreeSet<(Rule, &str)> = baseline
        .findings
        .iter()
        .map(|e| (e.rule, e.fingerprint.as_str()))
        .collect();
    for f in findings.iter_mut() {
        if f.suppressed.is_none() && known.contains(&(f.rule, f.fingerprint.as_str())) {
            f.suppressed = Some(Suppression::Baseline {
                file: file.to_string(),
            });
        }
    }
}
