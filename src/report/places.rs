//! Where a report's paths and links point, shared by the formats that are
//! read away from the machine that ran `check` (SARIF, Markdown): the root
//! the article paths are written relative to, links to a file and line, and
//! the web page of each rule.
//!
//! The root is `--root DIR`, else the work tree of the git repository
//! around the current directory (the nearest directory upwards holding a
//! `.git` directory, or a `.git` file as in a linked work tree or a
//! submodule), else the current directory. It is found from the file
//! system, not by running git: claimcheck runs where git is not installed,
//! and the answer is the same. A path outside the root keeps its absolute
//! form; standard input (`-`) stays as it is.
//!
//! Links to a file and line need the web address of the checked commit:
//! `--link-base URL` (`https://github.com/OWNER/REPO/blob/main/`), else, in
//! GitHub Actions, the blob of the commit the workflow checked out
//! (`$GITHUB_SERVER_URL/$GITHUB_REPOSITORY/blob/$GITHUB_SHA/`; on a pull
//! request that is the merge commit that was checked, so the lines match).
//! A rule's page is `--docs-url BASE` (or the configuration's `docs-url`)
//! followed by the rule code; without one no page is named, as claimcheck
//! has no published address to invent.

use crate::finding::Rule;
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use std::path::{Component, Path, PathBuf};

/// Characters kept as they are in a URI path: the unreserved set and `/`.
pub(crate) const URI_PATH: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~')
    .remove(b'/');

/// Where paths and links point. The default has no root (paths are written
/// as given), no links and no rule pages.
#[derive(Debug, Clone, Default)]
pub struct Places {
    /// The absolute directory paths are written relative to.
    pub root: Option<PathBuf>,
    /// The directory relative paths were given from.
    pub cwd: PathBuf,
    /// The address a root-relative path is appended to for a link to the
    /// file, ending in `/`.
    pub link_base: Option<String>,
    /// The address a rule code is appended to for the rule's page.
    pub docs_url: Option<String>,
}

/// The nearest directory from `start` upwards that holds `.git` (a
/// directory, or a file as in a linked work tree); `None` outside a
/// repository.
pub fn git_root(start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .find(|dir| dir.join(".git").exists())
        .map(Path::to_path_buf)
}

/// The link base GitHub Actions gives through its environment (read by
/// `var`): `SERVER/REPOSITORY/blob/SHA/`, when all three are set.
pub fn github_link_base(var: impl Fn(&str) -> Option<String>) -> Option<String> {
    let get = |k: &str| {
        var(k)
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty())
    };
    let server = get("GITHUB_SERVER_URL")?;
    let repository = get("GITHUB_REPOSITORY")?;
    let sha = get("GITHUB_SHA")?;
    Some(format!(
        "{}/{repository}/blob/{sha}/",
        server.trim_end_matches('/')
    ))
}

/// `base` as a prefix of addresses: ending in `/`, with the characters that
/// would end a Markdown link or break it (white space, `(`, `)`, `<`, `>`)
/// percent-encoded.
pub fn base_url(base: &str) -> String {
    let mut out = String::with_capacity(base.len() + 1);
    for c in base.trim().chars() {
        match c {
            ' ' => out.push_str("%20"),
            '(' => out.push_str("%28"),
            ')' => out.push_str("%29"),
            '<' => out.push_str("%3C"),
            '>' => out.push_str("%3E"),
            c if c.is_whitespace() || c.is_control() => {}
            c => out.push(c),
        }
    }
    if !out.ends_with('/') {
        out.push('/');
    }
    out
}

/// `path` with `.` and `..` taken away without reading the file system
/// (`..` at the top stays at the top).
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other.as_os_str()),
        }
    }
    out
}

/// A path split into `/`-separated words, for a URI or a link.
fn slashed(path: &Path) -> String {
    path.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// A path made absolute: an existing directory through the file system
/// (symbolic links resolved, so it compares with the current directory),
/// anything else lexically.
pub fn absolute_dir(dir: &Path, cwd: &Path) -> PathBuf {
    std::fs::canonicalize(dir).unwrap_or_else(|_| normalize(&cwd.join(dir)))
}

impl Places {
    /// `path` (as the article's origin gives it) relative to the root, with
    /// `/` between its parts; `None` without a root, for standard input and
    /// for a path outside the root.
    pub fn relative(&self, path: &str) -> Option<String> {
        let root = self.root.as_ref()?;
        if path == "-" || path.is_empty() {
            return None;
        }
        let absolute = self.absolute(path);
        let rel = absolute.strip_prefix(root).ok()?;
        (!rel.as_os_str().is_empty()).then(|| slashed(rel))
    }

    /// `path` (relative to the current directory, or absolute) as an
    /// absolute path, `..` taken away.
    pub fn absolute(&self, path: &str) -> PathBuf {
        normalize(&self.cwd.join(path))
    }

    /// `path` as a report shows it: relative to the root when it is inside,
    /// else as given.
    pub fn show<'a>(&self, path: &'a str) -> std::borrow::Cow<'a, str> {
        match self.relative(path) {
            Some(rel) => rel.into(),
            None => path.into(),
        }
    }

    /// The root as a `file://` URI ending in `/`, percent-encoded.
    pub fn root_uri(&self) -> Option<String> {
        let root = self.root.as_ref()?;
        let mut uri = file_uri(&root.to_string_lossy());
        if !uri.ends_with('/') {
            uri.push('/');
        }
        Some(uri)
    }

    /// The address of `path` at `line` (`BASE/PATH#L10`), when there is a
    /// link base and the path is inside the root.
    pub fn link(&self, path: &str, line: usize) -> Option<String> {
        let base = self.link_base.as_ref()?;
        let rel = self.relative(path)?;
        Some(format!(
            "{base}{}#L{line}",
            utf8_percent_encode(&rel, URI_PATH)
        ))
    }

    /// The web page of a rule: the docs base and the rule code.
    pub fn rule_url(&self, rule: Rule) -> Option<String> {
        self.docs_url
            .as_ref()
            .map(|base| format!("{base}{}", rule.code()))
    }
}

/// An absolute path as a `file://` URI, percent-encoded (`C:/x` on Windows
/// becomes `file:///C:/x`, the drive's colon kept).
pub(crate) fn file_uri(path: &str) -> String {
    let slashed = if cfg!(windows) {
        path.replace('\\', "/")
    } else {
        path.to_string()
    };
    let (lead, rest) = match slashed.split_once(':') {
        Some((drive, rest)) if drive.len() == 1 && !slashed.starts_with('/') => {
            (format!("/{drive}:"), rest.to_string())
        }
        _ => (String::new(), slashed),
    };
    format!("file://{lead}{}", utf8_percent_encode(&rest, URI_PATH))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn places(root: &str, cwd: &str) -> Places {
        Places {
            root: Some(PathBuf::from(root)),
            cwd: PathBuf::from(cwd),
            ..Places::default()
        }
    }

    #[cfg(unix)]
    #[test]
    fn paths_are_made_relative_to_the_root() {
        let p = places("/repo", "/repo/sub");
        assert_eq!(p.relative("a.txt").as_deref(), Some("sub/a.txt"));
        assert_eq!(p.relative("./x/../b.txt").as_deref(), Some("sub/b.txt"));
        assert_eq!(p.relative("../c.txt").as_deref(), Some("c.txt"));
        assert_eq!(p.relative("/repo/d/e.txt").as_deref(), Some("d/e.txt"));
        // Outside the root, standard input, no root: as given.
        assert_eq!(p.relative("../../elsewhere.txt"), None);
        assert_eq!(p.relative("/repository/x.txt"), None);
        assert_eq!(p.relative("-"), None);
        assert_eq!(p.show("-"), "-");
        assert_eq!(Places::default().relative("a.txt"), None);
        assert_eq!(
            places("/my repo", "/").root_uri().as_deref(),
            Some("file:///my%20repo/")
        );
        assert_eq!(places("/", "/").root_uri().as_deref(), Some("file:///"));
    }

    #[cfg(unix)]
    #[test]
    fn links_need_a_base_and_a_path_inside_the_root() {
        let mut p = places("/repo", "/repo");
        assert_eq!(p.link("a.txt", 3), None);
        p.link_base = Some(base_url("https://example.org/o/r/blob/abc"));
        assert_eq!(
            p.link("news/a b(1).txt", 3).as_deref(),
            Some("https://example.org/o/r/blob/abc/news/a%20b%281%29.txt#L3")
        );
        assert_eq!(p.link("/elsewhere/a.txt", 3), None);
    }

    #[test]
    fn the_github_environment_gives_the_blob_of_the_commit() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |k: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == k)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert_eq!(
            github_link_base(env(&[
                ("GITHUB_SERVER_URL", "https://github.com"),
                ("GITHUB_REPOSITORY", "owner/repo"),
                ("GITHUB_SHA", "0123abc"),
            ]))
            .as_deref(),
            Some("https://github.com/owner/repo/blob/0123abc/")
        );
        assert_eq!(
            github_link_base(env(&[
                ("GITHUB_SERVER_URL", "https://github.com"),
                ("GITHUB_REPOSITORY", "owner/repo"),
            ])),
            None
        );
    }

    #[test]
    fn a_base_cannot_break_a_markdown_link() {
        assert_eq!(
            base_url("https://x.org/a (b)"),
            "https://x.org/a%20%28b%29/"
        );
        assert_eq!(base_url("https://x.org/rules/"), "https://x.org/rules/");
    }

    #[test]
    fn the_git_root_is_found_upwards() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("repo");
        let sub = root.join("a/b");
        std::fs::create_dir_all(&sub).unwrap();
        assert_eq!(git_root(&sub).filter(|r| r.starts_with(&root)), None);
        // A `.git` file, as in a linked work tree, counts too.
        std::fs::write(root.join(".git"), "gitdir: elsewhere\n").unwrap();
        assert_eq!(git_root(&sub), Some(root));
    }
}
