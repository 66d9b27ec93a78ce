//! Where reports go: the colour decision for the run, and the atomic writer
//! behind every `--output FILE` (a temporary file beside it, then a rename).

use crate::cli::ColorChoice;
use crate::error::Error;
use std::io::Write;

/// Decides colour once for the whole run: `always` and `never` win; `auto`
/// follows the conventions of command-line tools, in this order: `NO_COLOR`
/// set to anything turns colour off; `CLICOLOR_FORCE` set to anything but
/// `0` turns it on even in a pipe; `CLICOLOR=0` turns it off; else only a
/// terminal is coloured.
pub fn set_colour(choice: ColorChoice, is_terminal: bool) {
    crate::paint::set_enabled(colour(choice, is_terminal, |k| std::env::var(k).ok()));
}

/// [`set_colour`]'s decision, the environment read through `var`.
fn colour(choice: ColorChoice, is_terminal: bool, var: impl Fn(&str) -> Option<String>) -> bool {
    let set = |k: &str| var(k).filter(|v| !v.is_empty());
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto if set("NO_COLOR").is_some() => false,
        ColorChoice::Auto if set("CLICOLOR_FORCE").is_some_and(|v| v != "0") => true,
        ColorChoice::Auto if set("CLICOLOR").as_deref() == Some("0") => false,
        ColorChoice::Auto => is_terminal,
    }
}

/// The width to draw diagnostics for: `COLUMNS` when set to a number, else
/// the terminal's when stdout is one, else none (`None`: a file or a pipe
/// keeps whole lines).
pub fn term_width(stdout_is_terminal: bool) -> Option<usize> {
    if let Some(columns) = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<usize>().ok())
        .filter(|&c| c >= 20)
    {
        return Some(columns);
    }
    if !stdout_is_terminal {
        return None;
    }
    terminal_size::terminal_size()
        .map(|(w, _)| usize::from(w.0))
        .filter(|&c| c >= 20)
}

/// Writes to a temporary file beside `path`, then renames it into place, so an
/// interrupted run never leaves half a report. A symbolic link is written
/// through (its target is replaced, the link stays); anything that is not a
/// regular file (`/dev/null`, `/dev/stdout`, a named pipe) is written
/// straight to, never replaced. The temporary file is named
/// `.claimcheck-*.tmp`; an interrupted run (SIGINT, SIGTERM, SIGHUP)
/// removes it before it ends, and only a `kill -9` can leave one behind.
pub fn write_atomically(
    path: &std::path::Path,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(), Error> {
    let to_err = |source| Error::Output {
        path: path.to_path_buf(),
        source,
    };
    let target = resolve_links(path);
    if let Ok(meta) = std::fs::metadata(&target)
        && !meta.is_file()
    {
        if meta.is_dir() {
            return Err(to_err(std::io::Error::new(
                std::io::ErrorKind::IsADirectory,
                "is a directory",
            )));
        }
        let file = std::fs::OpenOptions::new()
            .write(true)
            .open(&target)
            .map_err(to_err)?;
        let mut buf = std::io::BufWriter::new(file);
        write(&mut buf).map_err(to_err)?;
        return buf.flush().map_err(to_err);
    }
    let dir = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => std::path::Path::new("."),
    };
    let (mut tmp, _pending) = Pending::create_in(dir).map_err(to_err)?;
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
        let mode = std::fs::metadata(&target).map_or(0o644, |m| m.permissions().mode() & 0o7777);
        tmp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(mode))
            .map_err(to_err)?;
    }
    tmp.persist(&target).map_err(|e| to_err(e.error))?;
    Ok(())
}

/// Whether a report can be written to `path` (checked before the analysis):
/// not a directory, and its directory exists.
pub fn check_writable(path: &std::path::Path) -> Result<(), Error> {
    let to_err = |kind, what: &str| Error::Output {
        path: path.to_path_buf(),
        source: std::io::Error::new(kind, what.to_string()),
    };
    let target = resolve_links(path);
    if target.is_dir() {
        return Err(to_err(std::io::ErrorKind::IsADirectory, "is a directory"));
    }
    let dir = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => std::path::Path::new("."),
    };
    if !dir.is_dir() {
        return Err(to_err(
            std::io::ErrorKind::NotFound,
            &format!("directory {} does not exist", dir.display()),
        ));
    }
    Ok(())
}

/// Temporary files being written, removed by the signal handler if the run
/// is interrupted (a signal ends the process without running destructors).
static PENDING: std::sync::Mutex<Vec<std::path::PathBuf>> = std::sync::Mutex::new(Vec::new());

/// One temporary file in [`PENDING`] for as long as it lives.
struct Pending(std::path::PathBuf);

impl Pending {
    /// Creates `.claimcheck-*.tmp` in `dir`, registered before a signal
    /// can be handled (the handler waits for the lock held meanwhile).
    fn create_in(dir: &std::path::Path) -> std::io::Result<(tempfile::NamedTempFile, Pending)> {
        on_signal_remove_pending();
        let mut pending = PENDING
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let tmp = tempfile::Builder::new()
            .prefix(".claimcheck-")
            .suffix(".tmp")
            .tempfile_in(dir)?;
        let path = std::path::absolute(tmp.path()).unwrap_or_else(|_| tmp.path().to_path_buf());
        pending.push(path.clone());
        Ok((tmp, Pending(path)))
    }
}

impl Drop for Pending {
    fn drop(&mut self) {
        let mut pending = PENDING
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        pending.retain(|p| p != &self.0);
    }
}

/// Installs, once, a thread that waits for SIGINT, SIGTERM or SIGHUP,
/// removes the pending temporary files, then ends the process as the
/// signal's default action would (so the shell sees the real cause).
fn on_signal_remove_pending() {
    #[cfg(unix)]
    {
        static INSTALLED: std::sync::Once = std::sync::Once::new();
        INSTALLED.call_once(|| {
            use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
            let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP])
            else {
                return; // Without the handler a killed run may leave its file.
            };
            std::thread::spawn(move || {
                if let Some(signal) = signals.forever().next() {
                    // Held until the process ends: no new file can register.
                    let pending = PENDING
                        .lock()
                        .unwrap_or_else(std::sync::PoisonError::into_inner);
                    for p in pending.iter() {
                        let _ = std::fs::remove_file(p);
                    }
                    let _ = signal_hook::low_level::emulate_default_handler(signal);
                    std::process::exit(128 + signal);
                }
            });
        });
    }
}

/// The file a path names once symbolic links are followed, also a link
/// whose target does not exist yet (a bounded number of hops, so a loop of
/// links ends).
fn resolve_links(path: &std::path::Path) -> std::path::PathBuf {
    let mut p = path.to_path_buf();
    for _ in 0..40 {
        match std::fs::symlink_metadata(&p) {
            Ok(m) if m.file_type().is_symlink() => match std::fs::read_link(&p) {
                Ok(next) if next.is_absolute() => p = next,
                Ok(next) => {
                    p = p
                        .parent()
                        .map_or_else(|| next.clone(), |dir| dir.join(&next));
                }
                Err(_) => return p,
            },
            _ => return p,
        }
    }
    p
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_colour_conventions_in_their_order() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |k: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == k)
                    .map(|(_, v)| v.to_string())
            }
        };
        let auto = ColorChoice::Auto;
        assert!(colour(auto, true, env(&[])));
        assert!(!colour(auto, false, env(&[])));
        assert!(!colour(auto, true, env(&[("NO_COLOR", "1")])));
        // An empty NO_COLOR is no setting.
        assert!(colour(auto, true, env(&[("NO_COLOR", "")])));
        assert!(colour(auto, false, env(&[("CLICOLOR_FORCE", "1")])));
        assert!(!colour(auto, false, env(&[("CLICOLOR_FORCE", "0")])));
        assert!(!colour(
            auto,
            true,
            env(&[("NO_COLOR", "1"), ("CLICOLOR_FORCE", "1")])
        ));
        assert!(!colour(auto, true, env(&[("CLICOLOR", "0")])));
        assert!(colour(auto, true, env(&[("CLICOLOR", "1")])));
        // The flag wins over the environment.
        assert!(colour(
            ColorChoice::Always,
            false,
            env(&[("NO_COLOR", "1")])
        ));
        assert!(!colour(
            ColorChoice::Never,
            true,
            env(&[("CLICOLOR_FORCE", "1")])
        ));
    }

    use super::*;

    fn write(path: &std::path::Path, text: &str) -> Result<(), Error> {
        write_atomically(path, |w| w.write_all(text.as_bytes()))
    }

    #[test]
    fn a_regular_file_is_replaced_whole() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("report.json");
        std::fs::write(&p, "old and longer text").unwrap();
        write(&p, "new").unwrap();
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "new");
        // No temporary file is left beside it.
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn a_symbolic_link_is_written_through() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("real.txt");
        let link = dir.path().join("link.txt");
        std::fs::write(&target, "old").unwrap();
        std::os::unix::fs::symlink("real.txt", &link).unwrap();
        write(&link, "new").unwrap();
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "new");
        // A dangling link gets its target created.
        let dangling = dir.path().join("dangling.txt");
        std::os::unix::fs::symlink("made.txt", &dangling).unwrap();
        write(&dangling, "made").unwrap();
        assert_eq!(
            std::fs::read_to_string(dir.path().join("made.txt")).unwrap(),
            "made"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_named_pipe_is_written_to_not_replaced() {
        use std::os::unix::fs::FileTypeExt;
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if !made.is_ok_and(|s| s.success()) {
            return; // no mkfifo on this machine
        }
        let reader = {
            let fifo = fifo.clone();
            std::thread::spawn(move || std::fs::read_to_string(fifo).unwrap())
        };
        write(&fifo, "through the pipe").unwrap();
        assert_eq!(reader.join().unwrap(), "through the pipe");
        assert!(std::fs::metadata(&fifo).unwrap().file_type().is_fifo());
    }

    #[cfg(unix)]
    #[test]
    fn a_device_is_written_to_not_replaced() {
        use std::os::unix::fs::FileTypeExt;
        let null = std::path::Path::new("/dev/null");
        if !std::fs::metadata(null).is_ok_and(|m| m.file_type().is_char_device()) {
            return;
        }
        write(null, "discarded").unwrap();
        assert!(
            std::fs::metadata(null)
                .unwrap()
                .file_type()
                .is_char_device()
        );
    }

    #[test]
    fn a_directory_is_an_error_naming_it() {
        let dir = tempfile::tempdir().unwrap();
        let e = write(dir.path(), "x").unwrap_err();
        assert!(
            e.to_string().contains(&dir.path().display().to_string()),
            "{e}"
        );
    }
}
