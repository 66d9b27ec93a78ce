//! `check`'s own steps after the analysis: the rules, the configuration's
//! levels, inline suppressions and the baseline; the fail level; the block
//! alignments of a cluster run (`--alignments`).

use crate::analysis::Analysis;
use crate::baseline;
use crate::cli::{CheckArgs, FailOn};
use crate::compare;
use crate::config::{Config, FailLevel};
use crate::error::Error;
use crate::finding::Severity;
use crate::output::write_atomically;
use crate::report::places::{self, Places};
use crate::rules::{self, RuleOptions};
use std::path::Path;

/// Reads `--baseline` (before the articles: a bad file fails at once).
pub fn read_baseline(c: &CheckArgs) -> Result<Option<baseline::Baseline>, Error> {
    c.baseline
        .as_deref()
        .map(|p| baseline::read(p).map_err(Error::Usage))
        .transpose()
}

/// Where the reports' paths and links point (checked before the articles
/// are read): `--root` (a directory), else the git work tree around `cwd`,
/// else `cwd`; the rules' pages from `--docs-url`, else the configuration's
/// `docs-url`; links from `--link-base`, else GitHub Actions' environment
/// (read through `var`).
pub fn places(
    c: &CheckArgs,
    config: &Config,
    cwd: &Path,
    var: impl Fn(&str) -> Option<String>,
) -> Result<Places, Error> {
    let root = match &c.root {
        Some(dir) if !dir.is_dir() => {
            return Err(Error::Usage(format!(
                "--root {}: not a directory",
                crate::article::visible(&dir.to_string_lossy())
            )));
        }
        Some(dir) => places::absolute_dir(dir, cwd),
        None => places::git_root(cwd).unwrap_or_else(|| cwd.to_path_buf()),
    };
    let address = |flag: &str, url: &str| -> Result<String, Error> {
        let url = url.trim();
        if url.contains("://") && !url.chars().any(char::is_whitespace) {
            Ok(url.to_string())
        } else {
            Err(Error::Usage(format!(
                "{flag} {}: give an absolute address (https://…)",
                crate::article::visible(url)
            )))
        }
    };
    let docs_url = match (&c.docs_url, &config.docs_url) {
        (Some(url), _) => Some(address("--docs-url", url)?),
        (None, Some(url)) => {
            let file = config.path.as_deref().map_or_else(
                || crate::config::FILE_NAME.to_string(),
                |p| crate::article::visible(&p.to_string_lossy()).into_owned(),
            );
            Some(address(&format!("{file}: docs-url"), url)?)
        }
        (None, None) => None,
    };
    let link_base = match &c.link_base {
        Some(url) => Some(places::base_url(&address("--link-base", url)?)),
        None => places::github_link_base(var),
    };
    Ok(Places {
        root: Some(root),
        cwd: cwd.to_path_buf(),
        link_base,
        docs_url,
    })
}

/// Fills [`Analysis::findings`] (marking those `known` holds) and writes
/// `--write-baseline`; returns the level at which findings fail the run.
pub fn findings(
    c: &CheckArgs,
    config: &Config,
    known: Option<&baseline::Baseline>,
    analysis: &mut Analysis,
) -> Result<FailOn, Error> {
    let opts = RuleOptions {
        house_style: config.house_style.names.clone(),
    };
    let mut findings = rules::findings(analysis, &opts);
    config.rules.apply(&mut findings);
    rules::suppress_inline(analysis, &mut findings);
    if let Some(b) = known {
        let file = c.baseline.as_deref().map_or_else(String::new, |p| {
            crate::article::visible(&p.to_string_lossy()).into_owned()
        });
        baseline::apply(b, &file, &mut findings);
    }
    analysis.findings = findings;
    if let Some(path) = &c.write_baseline {
        let b = baseline::of(&analysis.findings);
        write_atomically(path, |w| {
            serde_json::to_writer_pretty(&mut *w, &b)?;
            writeln!(w)
        })?;
    }
    Ok(c.fail_on.unwrap_or(match config.fail_on {
        Some(FailLevel::Warning) => FailOn::Warning,
        Some(FailLevel::Info) => FailOn::Info,
        Some(FailLevel::Never) => FailOn::Never,
        _ => FailOn::Error,
    }))
}

/// Whether the findings fail the run at `fail_on`. Writing a baseline
/// records today's findings so that later runs pass: the run that wrote it
/// succeeded (as with other tools' baselines).
pub fn failing(analysis: &Analysis, fail_on: FailOn, wrote_baseline: bool) -> bool {
    let threshold = match fail_on {
        FailOn::Error => Some(Severity::Error),
        FailOn::Warning => Some(Severity::Warning),
        FailOn::Info => Some(Severity::Info),
        FailOn::Never => None,
    };
    !wrote_baseline
        && threshold.is_some_and(|t| {
            analysis
                .findings
                .iter()
                .any(|f| f.suppressed.is_none() && f.severity <= t)
        })
}

/// The comparator's alignments from the blocks of a cluster run, plus what
/// spans blocks (quote drift).
pub fn merge_blocks(analysis: &mut Analysis, paths: &[std::path::PathBuf]) -> Result<(), Error> {
    let blocks = read_alignments(paths)?;
    let alignments = compare::blocks::merge(analysis, blocks)
        .map_err(|e| Error::Usage(format!("--alignments: {e}")))?;
    let drifts = compare::drift::find(analysis);
    analysis.comparison = compare::Comparison {
        alignments,
        drifts: drifts.drifts,
        drifts_unchecked: drifts.unchecked,
        conflicts: compare::story::conflicts(analysis),
    };
    Ok(())
}

/// Reads the block alignments of a cluster run; a bad line names its file
/// and line.
pub fn read_alignments(
    paths: &[std::path::PathBuf],
) -> Result<Vec<compare::blocks::BlockAlignment>, Error> {
    let mut out = Vec::new();
    for p in paths {
        let text = std::fs::read_to_string(p)
            .map_err(|e| Error::Usage(format!("--alignments {}: cannot read: {e}", p.display())))?;
        for (i, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            out.push(serde_json::from_str(line).map_err(|e| {
                Error::Usage(format!(
                    "--alignments {}:{}: not a block alignment: {e}",
                    p.display(),
                    i + 1
                ))
            })?);
        }
    }
    Ok(out)
}
