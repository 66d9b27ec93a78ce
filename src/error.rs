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
    #[error(
        "directory holds no article files (.txt, .md, .html, .htm, .xml, .rss, .atom, .jsonl, .json)"
    )]
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
    #[error("record has no article text: none of the fields {} is there", quoted(.tried))]
    MissingText { tried: Vec<String> },
    #[error("field `{field}` holds {found}, not the article text as a string")]
    TextNotString { field: String, found: String },
    #[error("{found} is not an article: expected a JSON object with the article's fields")]
    NotAnArticle { found: String },
    #[error(
        "JSON object holds several arrays of objects ({}) and no article text; name the text \
         field with --field text=NAME, or keep one array",
        quoted(.arrays)
    )]
    SeveralArrays { arrays: Vec<String> },
    #[error("JSON file holds no articles (an empty array)")]
    NoArticles,
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

/// `` `a`, `b` `` for a message.
fn quoted(names: &[String]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
    quoted.join(", ")
}

/// `path` or `path:line`.
fn location(path: &str, line: Option<usize>) -> String {
    match line {
        Some(l) => format!("{path}:{l}"),
        None => path.to_string(),
    }
}

/// Something in an input that could not be read but does not stop the
/// article: it is read and checked without it.
#[derive(Debug, Clone, PartialEq, Eq, Error, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum InputWarningKind {
    #[error(
        "not a real date: `{value}`; the article is read without a date (write it as \
         YYYY-MM-DD, 28 February 2022 or Feb 28, 2022)"
    )]
    BadDate { value: String },
    #[error("ignore file: {message}; its other lines still apply")]
    IgnoreFile { message: String },
}

/// An input warning with its location: the file and, where it applies, the
/// line.
#[derive(Debug, Clone, PartialEq, Eq, Error, Serialize)]
#[error("{}: {kind}", self.location())]
pub struct InputWarning {
    pub path: String,
    pub line: Option<usize>,
    #[serde(flatten)]
    pub kind: InputWarningKind,
}

impl InputWarning {
    /// A date that could not be read, at `line` of `path`; the value is
    /// shown printable and at most 80 characters long.
    pub fn bad_date(path: impl Into<String>, line: Option<usize>, value: &str) -> Self {
        let shown = crate::article::clip(&crate::article::visible(value), 80);
        InputWarning {
            path: path.into(),
            line,
            kind: InputWarningKind::BadDate { value: shown },
        }
    }

    /// A line of an ignore file (`.gitignore`, `.ignore`,
    /// `.claimcheckignore`) that could not be read.
    pub fn ignore_file(path: impl Into<String>, line: Option<usize>, message: &str) -> Self {
        InputWarning {
            path: path.into(),
            line,
            kind: InputWarningKind::IgnoreFile {
                message: crate::article::visible(message).into_owned(),
            },
        }
    }

    /// `path` or `path:line`.
    pub fn location(&self) -> String {
        location(&self.path, self.line)
    }
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
        location(&self.path, self.line)
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
