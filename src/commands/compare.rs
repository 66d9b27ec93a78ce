//! `compare`'s own steps: one claim against each article (`--claim`), the
//! entity table of a cluster run (`--write-entities`) and one block's
//! alignments (`--entities --block`).

use super::Outcome;
use crate::analysis::{Analysis, AnalyzedArticle, ClaimCheck, Settings};
use crate::cli::{Args, CompareArgs};
use crate::compare;
use crate::error::Error;
use crate::ingest::{self, InputRecord};
use crate::output::write_atomically;
use std::io::Write;

/// What `compare` adds to the analysis: the claim check of `--claim`, and
/// the entity table of `--write-entities`.
pub fn after_analysis(
    c: &CompareArgs,
    analysis: &mut Analysis,
    settings: &Settings,
) -> Result<(), Error> {
    if let Some(text) = &c.claim {
        analysis.claim_check = Some(check_claim(
            text,
            c.claim_date.as_deref(),
            analysis,
            settings,
        )?);
    }
    if let Some(path) = &c.write_entities {
        let table = compare::blocks::EntityTable::of(analysis);
        write_atomically(path, |w| {
            serde_json::to_writer(&mut *w, &table)?;
            writeln!(w)
        })?;
    }
    Ok(())
}

/// `compare --entities TABLE --block EVENT`: one block of a cluster run,
/// its alignments written as JSON lines.
pub fn block(
    args: &Args,
    table: &std::path::Path,
    block: &str,
    inputs: Vec<InputRecord>,
    articles: Vec<AnalyzedArticle>,
    stdout: &mut dyn Write,
) -> Result<Outcome, Error> {
    let text = std::fs::read_to_string(table)
        .map_err(|e| Error::Usage(format!("--entities {}: cannot read: {e}", table.display())))?;
    let table: compare::blocks::EntityTable = serde_json::from_str(&text).map_err(|e| {
        Error::Usage(format!(
            "--entities {}: not an entity table: {e}",
            table.display()
        ))
    })?;
    let entities = table
        .entities_for(&articles)
        .map_err(|e| Error::Usage(format!("--entities: {e}")))?;
    let stories = table.stories_for(&articles);
    let analysis = Analysis {
        inputs,
        articles,
        entities,
        stories,
        ..Analysis::default()
    };
    // Input errors were written by `run` already.
    let failed = analysis.inputs.iter().any(InputRecord::is_failed);
    let lines = compare::blocks::align_block(&analysis, block);
    let body = |w: &mut dyn Write| -> std::io::Result<()> {
        for l in &lines {
            serde_json::to_writer(&mut *w, l)?;
            writeln!(w)?;
        }
        Ok(())
    };
    match &args.output {
        None => {
            let mut out = std::io::BufWriter::new(stdout);
            body(&mut out)?;
            out.flush()?;
        }
        Some(path) => write_atomically(path, body)?,
    }
    Ok(if failed {
        Outcome::InputErrors
    } else {
        Outcome::Clean
    })
}

/// `compare --claim`: the claim analysed as a one-sentence article (dated
/// `date` if given), then checked against each article.
pub fn check_claim(
    text: &str,
    date: Option<&str>,
    analysis: &Analysis,
    settings: &Settings,
) -> Result<ClaimCheck, Error> {
    let mut article = crate::article::Article::new(
        "claim".to_string(),
        crate::article::Origin {
            path: "--claim".to_string(),
            record_line: None,
        },
        text.to_string(),
    );
    if let Some(d) = date {
        article.date = Some(ingest::parse_date(d).ok_or_else(|| {
            Error::Usage(format!("--claim-date: not a date: `{d}` (YYYY-MM-DD)"))
        })?);
    }
    let claim = AnalyzedArticle::new(article, settings);
    Ok(ClaimCheck {
        claim: text.to_string(),
        verdicts: crate::compare::claim::check_claim(&claim, &analysis.articles),
    })
}
