//! `claimcheck init [--force] [-o FILE]`.

use super::Outcome;
use crate::error::Error;
use crate::output::write_atomically;
use std::io::Write;

/// `claimcheck init [-o FILE]`: the commented default configuration, in
/// `claimcheck.toml` here or in FILE.
pub fn run(
    output: Option<&std::path::Path>,
    force: bool,
    out: &mut dyn Write,
) -> Result<Outcome, Error> {
    let path = output.unwrap_or(std::path::Path::new(crate::config::FILE_NAME));
    // Beside the hidden name, the new file would make every run stop.
    let hidden = path.with_file_name(crate::config::HIDDEN_FILE_NAME);
    if path.file_name() == Some(crate::config::FILE_NAME.as_ref()) && hidden.is_file() {
        return Err(Error::Usage(format!(
            "{} is the configuration here already; a {} beside it would be a second one",
            hidden.display(),
            crate::config::FILE_NAME
        )));
    }
    if path.exists() && !force {
        return Err(Error::Usage(format!(
            "{} exists already; use --force to overwrite it",
            path.display()
        )));
    }
    write_atomically(path, |w| w.write_all(crate::config::DEFAULT.as_bytes()))?;
    writeln!(out, "wrote {}", path.display())?;
    Ok(Outcome::Clean)
}
