//! Where reports go: the colour decision for the run, and the atomic writer
//! behind every `--output FILE` (a temporary file beside it, then a rename).

use crate::cli::ColorChoice;
use crate::error::Error;
use std::io::Write;

/// Decides colour once for the whole run: `always` and `never` win; `auto`
/// colours only a terminal, and never when NO_COLOR is set to anything.
pub fn set_colour(choice: ColorChoice, is_terminal: bool) {
    let on = match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            is_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    };
    colored::control::set_override(on);
}

/// Writes to a temporary file beside `path`, then renames it into place, so an
/// interrupted run never leaves half a report.
pub fn write_atomically(
    path: &std::path::Path,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(), Error> {
    let to_err = |source| Error::Output {
        path: path.to_path_buf(),
        source,
    };
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => std::path::Path::new("."),
    };
    let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(to_err)?;
    {
        let mut buf = std::io::BufWriter::new(tmp.as_file_mut());
        write(&mut buf).map_err(to_err)?;
        buf.flush().map_err(to_err)?;
    }
    // A report is for sharing: the temporary file's private mode (0600)
    // would make it unreadable to others; keep an existing file's mode, else
    // the usual 0644.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(path).map_or(0o644, |m| m.permissions().mode() & 0o7777);
        tmp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(mode))
            .map_err(to_err)?;
    }
    tmp.persist(path).map_err(|e| to_err(e.error))?;
    Ok(())
}
