//! `claimcheck completions SHELL` and `claimcheck man [SUBCOMMAND]`: the
//! shell completion scripts (clap_complete) and the manual pages
//! (clap_mangen), both made from the same clap definition as `--help`, so
//! they list exactly the subcommands, flags and values the program takes.

use super::Outcome;
use crate::cli::Args;
use crate::error::Error;
use crate::output::write_atomically;
use clap::CommandFactory;
use std::io::Write;

/// Writes `bytes` to `output` (atomically) or to `out`.
fn emit(
    bytes: &[u8],
    output: Option<&std::path::Path>,
    out: &mut dyn Write,
) -> Result<Outcome, Error> {
    match output {
        Some(path) => write_atomically(path, |w| w.write_all(bytes))?,
        None => out.write_all(bytes)?,
    }
    Ok(Outcome::Clean)
}

/// The completion script for `shell`.
pub fn completions(
    shell: clap_complete::Shell,
    output: Option<&std::path::Path>,
    out: &mut dyn Write,
) -> Result<Outcome, Error> {
    let mut cmd = Args::command();
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut cmd, "claimcheck", &mut script);
    emit(&script, output, out)
}

/// The manual page of the program, or of one of its subcommands.
pub fn man(
    subcommand: Option<&str>,
    output: Option<&std::path::Path>,
    out: &mut dyn Write,
) -> Result<Outcome, Error> {
    let root = Args::command().name("claimcheck");
    let page = match subcommand {
        None => root,
        Some(name) => {
            let names: Vec<String> = root
                .get_subcommands()
                .map(|c| c.get_name().to_string())
                .collect();
            let Some(sub) = root.find_subcommand(name).cloned() else {
                return Err(Error::Usage(format!(
                    "no subcommand `{name}`; the subcommands are {}",
                    names.join(", ")
                )));
            };
            sub.display_name(format!("claimcheck-{name}"))
                .bin_name(format!("claimcheck {name}"))
        }
    };
    let mut roff = Vec::new();
    clap_mangen::Man::new(page).render(&mut roff)?;
    emit(&roff, output, out)
}
