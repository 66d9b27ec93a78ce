//! What each subcommand does beyond the shared pipeline, one module each
//! (`check`, `compare`, `extract`, `explain`, `init`), and what they share:
//! where the inputs come from, the settings the configuration and flags
//! give, and how a run ended ([`Outcome`]).

pub mod check;
pub mod compare;
pub mod config;
pub mod explain;
pub mod extract;
pub mod init;
pub mod manual;
pub mod verbose;

use crate::analysis::Settings;
use crate::cli::Command;
use crate::error::Error;
use crate::ingest::{self, Ingested};
use std::io::{Read, Write};

/// How a run ended; [`Outcome::exit_code`] maps it to the process exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Ran; no finding at or above the fail level.
    Clean,
    /// Findings at or above the fail level.
    Findings,
    /// At least one input could not be read (the others were processed).
    InputErrors,
}

impl Outcome {
    pub fn exit_code(self) -> u8 {
        match self {
            Outcome::Clean => 0,
            Outcome::Findings => 1,
            Outcome::InputErrors => 2,
        }
    }
}

/// What a command reads: the paths given (on the command line and in a
/// `--files-from` list), or the embedded seeds when none were given at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Inputs {
    pub paths: Vec<String>,
    /// No path and no `--files-from` list: the built-in seed articles.
    pub seeds: bool,
}

/// Reads the inputs the command names: the paths given (as `reading`
/// says), or the embedded seeds.
pub fn ingest_for(inputs: &Inputs, stdin: &mut dyn Read, reading: &ingest::Reading) -> Ingested {
    if inputs.seeds {
        ingest::ingest_seeds()
    } else {
        ingest::ingest_paths_streaming(&inputs.paths, stdin, reading, &mut |_| {})
    }
}

/// The one stderr line that says where the inputs came from when that is
/// not obvious: the built-in seeds (no paths given), or nothing at all (an
/// empty `--files-from` list, as `$(git diff --name-only …)` can give).
pub fn inputs_note(command: &Command, inputs: &Inputs) -> Option<String> {
    let verb = match command {
        Command::Check(_) => "checking",
        Command::Extract(_) => "extracting from",
        Command::Sources(_) => "reading the sources of",
        Command::Compare(_) => "comparing",
        Command::Explain(_)
        | Command::Init(_)
        | Command::Config(_)
        | Command::Completions(_)
        | Command::Man(_) => {
            return None;
        }
    };
    let common = command.common();
    if inputs.seeds {
        return Some(format!(
            "note: no paths given: {verb} the {} built-in seed articles",
            ingest::SEEDS.len()
        ));
    }
    match (&common.files_from, inputs.paths.is_empty()) {
        (Some(list), true) => Some(format!(
            "note: --files-from {}: the list names no path; nothing to {}",
            list.display(),
            command.name()
        )),
        _ => None,
    }
}

/// How the command reads its inputs: the configuration's reading, with the
/// command line's `--max-article-bytes`, `--field`, `--day-order`,
/// `--stdin-format`, `--exclude` and `--no-ignore` over it.
pub fn reading_for(
    config: &crate::config::Config,
    common: &crate::cli::CommonArgs,
) -> ingest::Reading {
    let mut reading = config.reading(common.max_article_bytes);
    for (field, name) in &common.fields {
        reading.fields.set(*field, name.clone());
    }
    if let Some(order) = common.day_order {
        reading.day_order = order;
    }
    reading.stdin_format = common.stdin_format;
    reading.exclude = ingest::Exclude {
        patterns: common.exclude.clone(),
    };
    reading.ignore_files = !common.no_ignore;
    reading
}

/// The stderr lines of the inputs: `error:` for each that could not be
/// read, then `warning:` for what could not be read in those that were (a
/// date). Every report format has them there; the human and JSON reports
/// list them too.
pub fn write_input_problems(ingested: &Ingested, stderr: &mut dyn Write) -> Result<(), Error> {
    for e in ingested.errors() {
        writeln!(stderr, "error: {e}")?;
    }
    for w in &ingested.warnings {
        writeln!(stderr, "warning: {w}")?;
    }
    Ok(())
}

/// The settings a command's configuration and flags give.
pub fn settings_for(
    config: &crate::config::Config,
    common: &crate::cli::CommonArgs,
    claims: bool,
) -> Settings {
    let mut settings = Settings {
        claims,
        ..Settings::default()
    };
    settings
        .lexicon
        .extend_cues(config.cues.iter().chain(&common.cues).cloned());
    settings
        .outlets
        .extend(config.outlets.iter().chain(&common.outlets).cloned());
    for (event, words) in &config.events {
        settings.claim_settings.events.extend(event, words);
    }
    for (event, word) in &common.events {
        settings
            .claim_settings
            .events
            .extend(event, std::slice::from_ref(word));
    }
    settings.aliases = config
        .aliases
        .iter()
        .map(|(name, spellings)| (name.clone(), spellings.clone()))
        .collect();
    settings
}

/// The command's PATHS, with those of its `--files-from` list (blank lines
/// skipped).
pub fn paths_for(common: &crate::cli::CommonArgs, stdin: &mut dyn Read) -> Result<Inputs, Error> {
    let mut paths = common.paths.clone();
    if let Some(list) = &common.files_from {
        let text = if list.as_os_str() == "-" {
            let mut t = String::new();
            stdin
                .read_to_string(&mut t)
                .map_err(|e| Error::Usage(format!("--files-from -: cannot read stdin: {e}")))?;
            t
        } else {
            std::fs::read_to_string(list).map_err(|e| {
                Error::Usage(format!("--files-from {}: cannot read: {e}", list.display()))
            })?
        };
        paths.extend(
            text.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(String::from),
        );
    }
    let seeds = paths.is_empty() && common.files_from.is_none();
    Ok(Inputs { paths, seeds })
}

/// Leaves out the articles whose path the configuration ignores, listing
/// their inputs as skipped (nothing is dropped silently), also those that
/// failed to read. Paths read from disk are ignored before they are opened
/// ([`ingest::Reading`]); this catches the rest (claim records).
pub fn ignore(ingested: &mut Ingested, config: &crate::config::Config) {
    let Some(ignore) = config.reading(None).ignore else {
        return;
    };
    ingested.articles.retain(|a| !ignore.hit(&a.origin.path));
    ingested.warnings.retain(|w| !ignore.hit(&w.path));
    for input in &mut ingested.inputs {
        if ignore.hit(&input.path) {
            input.status = crate::ingest::InputStatus::Skipped {
                reason: format!("ignored by {}", ignore.from),
            };
        }
    }
}
