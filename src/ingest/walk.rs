//! Which entries of a directory are read: what the ignore files leave out
//! (`.gitignore` inside a git repository, `.ignore` and `.claimcheckignore`
//! anywhere, as ripgrep's walker, the `ignore` crate, decides it), what
//! `--exclude` leaves out (gitignore lines, relative to the directory
//! walked), and what the configuration's `ignore` globs leave out (relative
//! to the configuration file's directory).
//!
//! The walk that reads (`read_dir` in the parent module) sees every entry,
//! so that each one left out is listed as skipped, once (a directory is not
//! entered); [`IgnoreFiles`] walks the same tree beside it with the
//! `ignore` crate, and an entry that walk does not reach is one the ignore
//! files leave out. Both walks are sorted by file name, so both give their
//! paths in ascending [`Path`] order, and one merge step per entry keeps
//! them together.

use crate::error::InputWarning;
use ignore::gitignore::{Gitignore, GitignoreBuilder};
use std::path::{Component, Path, PathBuf};

/// claimcheck's own ignore file, read like `.ignore` (gitignore lines).
pub const IGNORE_FILE: &str = ".claimcheckignore";

/// Why an entry the ignore files leave out is skipped.
pub const IGNORED_BY_FILES: &str =
    "ignored by .gitignore, .ignore or .claimcheckignore (--no-ignore reads it)";

/// The configuration's `ignore` globs, and where they came from (shown in
/// the skipped entry). They match paths relative to `base`, the directory
/// of the configuration file, whatever directory the command runs in.
#[derive(Debug, Clone)]
pub struct Ignore {
    pub set: globset::GlobSet,
    pub from: String,
    /// The directory the globs are relative to (absolute).
    pub base: PathBuf,
    /// The directory relative paths are resolved in (absolute).
    pub cwd: PathBuf,
}

impl Ignore {
    /// Whether the globs match `path` (as given, relative to `cwd` or
    /// absolute), taken relative to `base`. A path outside `base` is never
    /// matched.
    pub fn hit(&self, path: &str) -> bool {
        let path = absolute(&self.cwd, Path::new(path));
        path.strip_prefix(&self.base)
            .is_ok_and(|relative| self.set.is_match(relative))
    }
}

/// `path` made absolute against `cwd`, with `.` and `..` taken out
/// (lexically: symbolic links are not resolved).
pub fn absolute(cwd: &Path, path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in cwd.join(path).components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            c => out.push(c),
        }
    }
    out
}

/// The `--exclude` patterns: lines of a `.gitignore`, matched against the
/// paths inside each directory walked, relative to it.
#[derive(Debug, Clone, Default)]
pub struct Exclude {
    pub patterns: Vec<String>,
}

impl Exclude {
    /// The patterns as a matcher for the walk of `root`; `None` when there
    /// are none.
    pub fn under(&self, root: &Path) -> Option<Gitignore> {
        if self.patterns.is_empty() {
            return None;
        }
        let mut b = GitignoreBuilder::new(root);
        for p in &self.patterns {
            // Checked when the command line was read ([`check_pattern`]).
            let _ = b.add_line(None, p);
        }
        b.build().ok()
    }
}

/// Checks one `--exclude` pattern: a line of a `.gitignore`.
pub fn check_pattern(pattern: &str) -> Result<String, String> {
    if pattern.trim().is_empty() {
        return Err("give a pattern such as `drafts/` or `*.json`".into());
    }
    GitignoreBuilder::new("")
        .add_line(None, pattern)
        .map(|_| pattern.to_string())
        .map_err(|e| format!("bad pattern `{pattern}`: {e}"))
}

/// Whether the `--exclude` matcher leaves out `path` (a directory when
/// `dir`). Parents are never asked: an excluded directory is not entered.
pub fn excluded(matcher: Option<&Gitignore>, path: &Path, dir: bool) -> bool {
    matcher.is_some_and(|m| m.matched(path, dir).is_ignore())
}

/// Whether a file name is hidden (starts with a dot).
pub fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_str().is_some_and(|s| s.starts_with('.'))
}

/// The walk of one directory by the ignore files' rules, beside the walk
/// that reads it: [`IgnoreFiles::keep`] tells whether the ignore files keep
/// an entry of that walk.
pub struct IgnoreFiles {
    walk: ignore::Walk,
    /// The entry read from `walk` and not yet matched.
    next: Option<ignore::DirEntry>,
    done: bool,
    /// Ignore files that could not be read in full (a bad glob on a line).
    pub problems: Vec<InputWarning>,
}

impl std::fmt::Debug for IgnoreFiles {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("IgnoreFiles")
            .field("next", &self.next.as_ref().map(ignore::DirEntry::path))
            .field("problems", &self.problems)
            .finish()
    }
}

impl IgnoreFiles {
    /// The walk of `root`, entering no directory that `skip` leaves out
    /// (what the reading walk skips before it asks: hidden entries,
    /// excluded and configured-away paths), so the two walk the same tree.
    pub fn new(
        root: &Path,
        skip: impl Fn(&Path, bool) -> bool + Send + Sync + 'static,
    ) -> IgnoreFiles {
        let walk = ignore::WalkBuilder::new(root)
            // Hidden entries are skipped, and listed, by the reading walk.
            .hidden(false)
            .follow_links(false)
            .add_custom_ignore_filename(IGNORE_FILE)
            .sort_by_file_name(|a, b| a.cmp(b))
            .filter_entry(move |e| {
                let dir = e.file_type().is_some_and(|t| t.is_dir());
                e.depth() == 0 || !(is_hidden(e.file_name()) || skip(e.path(), dir))
            })
            .build();
        IgnoreFiles {
            walk,
            next: None,
            done: false,
            problems: Vec::new(),
        }
    }

    /// Whether the ignore files keep `path`. Called for the entries of the
    /// reading walk in its order (ascending paths); entries this walk has
    /// and the reading walk skipped are passed over.
    pub fn keep(&mut self, path: &Path) -> bool {
        loop {
            if self.next.is_none() && !self.done {
                self.next = self.advance();
                self.done = self.next.is_none();
            }
            let Some(next) = &self.next else {
                return false;
            };
            match next.path().cmp(path) {
                std::cmp::Ordering::Less => self.next = None,
                std::cmp::Ordering::Equal => {
                    self.next = None;
                    return true;
                }
                std::cmp::Ordering::Greater => return false,
            }
        }
    }

    /// The next entry of the walk, noting the problems of ignore files on
    /// the way. Errors of the walk itself (a directory that cannot be
    /// read) are the reading walk's to report.
    fn advance(&mut self) -> Option<ignore::DirEntry> {
        loop {
            match self.walk.next()? {
                Ok(entry) => {
                    if let Some(e) = entry.error() {
                        note(e, None, None, &mut self.problems);
                    }
                    return Some(entry);
                }
                Err(e) if e.depth().is_none() => note(&e, None, None, &mut self.problems),
                Err(_) => {}
            }
        }
    }
}

/// The warnings of one error of the `ignore` crate about an ignore file,
/// with the file and line it names.
fn note(e: &ignore::Error, path: Option<&Path>, line: Option<u64>, out: &mut Vec<InputWarning>) {
    match e {
        ignore::Error::Partial(errors) => {
            for e in errors {
                note(e, path, line, out);
            }
        }
        ignore::Error::WithPath { path, err } => note(err, Some(path), line, out),
        ignore::Error::WithLineNumber { line, err } => note(err, path, Some(*line), out),
        ignore::Error::WithDepth { err, .. } => note(err, path, line, out),
        e => {
            let shown =
                path.map_or_else(|| "an ignore file".to_string(), |p| p.display().to_string());
            let warning = InputWarning::ignore_file(
                crate::article::visible(&shown).into_owned(),
                line.and_then(|l| usize::try_from(l).ok()),
                &e.to_string(),
            );
            if !out.contains(&warning) {
                out.push(warning);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn absolute_paths_lose_dots_but_keep_links() {
        let cwd = Path::new("/work/project");
        assert_eq!(
            absolute(cwd, Path::new("a/./b")),
            Path::new("/work/project/a/b")
        );
        assert_eq!(
            absolute(cwd, Path::new("../other/x.txt")),
            Path::new("/work/other/x.txt")
        );
        assert_eq!(absolute(cwd, Path::new("/abs/y")), Path::new("/abs/y"));
        assert_eq!(absolute(cwd, Path::new(".")), cwd);
    }

    #[test]
    fn config_globs_are_relative_to_the_config_directory() {
        let mut b = globset::GlobSetBuilder::new();
        b.add(globset::Glob::new("drafts/*").unwrap());
        let ignore = Ignore {
            set: b.build().unwrap(),
            from: "c.toml".into(),
            base: PathBuf::from("/p"),
            cwd: PathBuf::from("/p/sub"),
        };
        assert!(ignore.hit("../drafts/a.txt"));
        assert!(ignore.hit("/p/drafts/a.txt"));
        assert!(!ignore.hit("drafts/a.txt"), "that is /p/sub/drafts/a.txt");
        assert!(!ignore.hit("/elsewhere/drafts/a.txt"));
    }

    #[test]
    fn exclude_patterns_are_gitignore_lines_under_the_root() {
        let e = Exclude {
            patterns: vec!["drafts/".into(), "*.json".into(), "/top.txt".into()],
        };
        let m = e.under(Path::new("news"));
        let m = m.as_ref();
        assert!(excluded(m, Path::new("news/a/drafts"), true));
        assert!(!excluded(m, Path::new("news/a/drafts"), false), "a file");
        assert!(excluded(m, Path::new("news/deep/x.json"), false));
        assert!(excluded(m, Path::new("news/top.txt"), false));
        assert!(!excluded(m, Path::new("news/a/top.txt"), false), "anchored");
        assert!(!excluded(None, Path::new("news/x.json"), false));
        assert!(check_pattern("drafts/").is_ok());
        assert!(check_pattern("[z-a]").is_err());
        assert!(check_pattern(" ").is_err());
    }

    #[test]
    fn the_ignore_files_walk_keeps_what_they_do_not_name() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("a/skip")).unwrap();
        std::fs::write(root.join(IGNORE_FILE), "skip/\nb.txt\n[z-a]\n").unwrap();
        for f in ["a/one.txt", "a/skip/two.txt", "b.txt", "c.txt"] {
            std::fs::write(root.join(f), "x").unwrap();
        }
        let mut walk = IgnoreFiles::new(root, |_, _| false);
        let mut kept = Vec::new();
        for entry in walkdir::WalkDir::new(root).sort_by_file_name() {
            let entry = entry.unwrap();
            if entry.depth() > 0 && walk.keep(entry.path()) {
                kept.push(
                    entry
                        .path()
                        .strip_prefix(root)
                        .unwrap()
                        .display()
                        .to_string(),
                );
            }
        }
        assert_eq!(kept, ["a", "a/one.txt", "c.txt"]);
        assert_eq!(walk.problems.len(), 1, "{:?}", walk.problems);
        assert_eq!(walk.problems[0].line, Some(3));
        assert!(walk.problems[0].path.ends_with(IGNORE_FILE));
    }
}
