//! Typed errors. Input problems are values that travel with the report (every
//! input is listed as read or failed); only usage and output problems stop a run.

use serde::Serialize;
use std::path::PathBuf;
use thiserror::Error;

/// Why one input (a file, a directory, or one JSONL line) could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Error, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum InputErrorKind {
    #[error("no such file or directory")]
    NotFound,
    #[error("cannot read: {message}")]
    Io { message: String },
    #[error("directory holds no article files (.txt, .md, .html, .xml/.rss/.atom, .jsonl)")]
    EmptyDirectory,
    #[error("file is empty")]
    EmptyFile,
    #[error("article has a header but no text")]
    NoText,
    #[error("binary file (NUL byte at byte {offset}); expected UTF-8 text")]
    Binary { offset: usize },
    #[error("not valid UTF-8 at byte {offset}; convert the file to UTF-8")]
    NotUtf8 { offset: usize },
    #[error("not valid UTF-16 at byte {offset} (an unpaired surrogate or an odd last byte)")]
    NotUtf16 { offset: usize },
    #[error("not a real date: `{value}` (expected YYYY-MM-DD)")]
    BadDate { value: String },
    #[error("malformed JSON: {message}")]
    MalformedJson { message: String },
    #[error("JSON line has no `text` string field")]
    MissingText,
    #[error("front matter opened with `---` or `+++` is never closed")]
    UnclosedFrontMatter,
    #[error("malformed XML: {message}")]
    MalformedXml { message: String },
    #[error("feed has no items")]
    EmptyFeed,
    #[error("front matter cannot be read: {message}")]
    BadFrontMatter { message: String },
    #[error("not a claim record: {message}")]
    BadRecord { message: String },
    #[error(
        "article {} is over the size limit of {} bytes (raise it with --max-article-bytes or \
         `max-article-bytes` in claimcheck.toml)",
        .size.map_or_else(String::new, |s| format!("of {s} bytes")),
        .limit
    )]
    TooLarge { size: Option<u64>, limit: u64 },
}

/// An input problem with its location: the file and, where it applies, the line.
#[derive(Debug, Clone, PartialEq, Eq, Error, Serialize)]
#[error("{}: {kind}", self.location())]
pub struct InputError {
    pub path: String,
    pub line: Option<usize>,
    #[serde(flatten)]
    pub kind: InputErrorKind,
}

impl InputError {
    pub fn new(path: impl Into<String>, kind: InputErrorKind) -> Self {
        InputError {
            path: path.into(),
            line: None,
            kind,
        }
    }

    pub fn at_line(path: impl Into<String>, line: usize, kind: InputErrorKind) -> Self {
        InputError {
            path: path.into(),
            line: Some(line),
            kind,
        }
    }

    /// `path` or `path:line`.
    pub fn location(&self) -> String {
        match self.line {
            Some(l) => format!("{}:{l}", self.path),
            None => self.path.clone(),
        }
    }
}

/// Errors that stop a run: the report could not be produced or written.
#[derive(Debug, Error)]
pub enum Error {
    #[error("cannot write the report to {}: {source}", path.display())]
    Output {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot write the report: {0}")]
    Write(#[from] std::io::Error),
    #[error("{0}")]
    Usage(String),
    #[error("{0}")]
    Config(#[from] ConfigError),
}

/// A configuration problem: the file, the line (when the parser knows it)
/// and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}{}: {message}", path.display(), line.map(|l| format!(":{l}")).unwrap_or_default())]
pub struct ConfigError {
    pub path: PathBuf,
    pub line: Option<usize>,
    pub message: String,
}
