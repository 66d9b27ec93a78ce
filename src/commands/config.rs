//! `claimcheck config --show [PATHS] [--config FILE]`: the configuration in
//! force for the paths, found as every other command finds it.

use super::Outcome;
use crate::cli::ConfigArgs;
use crate::error::Error;
use crate::output::write_atomically;
use std::io::Write;

/// Prints the configuration in force ([`crate::config::Config::merged`]) to
/// `out` or `output`.
pub fn show(
    args: &ConfigArgs,
    output: Option<&std::path::Path>,
    out: &mut dyn Write,
) -> Result<Outcome, Error> {
    let cwd = std::env::current_dir().unwrap_or_default();
    let config = crate::config::load(args.config.as_deref(), &args.paths, &cwd)?;
    let text = config.merged(&cwd);
    match output {
        Some(path) => write_atomically(path, |w| w.write_all(text.as_bytes()))?,
        None => out.write_all(text.as_bytes())?,
    }
    Ok(Outcome::Clean)
}
