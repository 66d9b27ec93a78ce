//! Ingestion: paths in, [`Article`]s out, with every input accounted for.
//!
//! Formats, chosen by file extension ([`Format`]):
//! - `.jsonl` / `.ndjson`: one article per line, a JSON object whose fields
//!   (`text` required; `id`, `date`, `source`, `url`, `title`, `author`) are
//!   found under CMS names or as [`Reading::fields`] maps them
//!   ([`fields`]); unknown fields ignored;
//! - `.json`: an array of such objects, an object holding one array of them,
//!   or one such object ([`array`]); each article located by its line;
//! - `.md` / `.markdown`: optional YAML (`---`) or TOML (`+++`) front matter,
//!   the body as a reader sees it ([`markdown`]);
//! - `.html` / `.htm` / `.xhtml` / `.shtml`, or a file that opens as a page:
//!   the page's main text and metadata ([`html`]);
//! - `.xml` / `.rss` / `.atom`, or XML with a feed root: one article per item
//!   ([`feed`]);
//! - anything else (`.txt`): plain text, optionally starting with a date
//!   header (`date 2022-02-28`, `Date: 28/02/2022`).
//!
//! A text drawn out of a page or Markdown keeps a
//! [`SourceMap`](crate::article::SourceMap) to the file's bytes.
//! - stdin (`-`): as [`Reading::stdin_format`] says, else sniffed from its
//!   first bytes ([`Format::sniff`]).
//!
//! Dates are read in many forms ([`dates`]); one that cannot be read is a
//! warning ([`Ingested::warnings`]), never an error: the article is read
//! and checked without a date.
//!
//! Directories are walked recursively in sorted order; hidden entries are not
//! entered, and they, files of other extensions, links, pipes and devices
//! are listed as skipped, as are paths the configuration ignores, paths
//! `--exclude` leaves out and what the ignore files (`.gitignore` in a git
//! repository, `.ignore`, `.claimcheckignore`) name ([`walk`]); none of
//! those is opened, and a directory left out is listed once, not entered.
//! A path named on the command line is read whatever the ignore files and
//! `--exclude` say (the configuration's globs still apply). One article may hold at most [`Reading::max_article_bytes`]
//! (a text or Markdown file, one JSON Lines record, one element of a JSON
//! file and the file itself, standard input); a larger one is an error
//! naming it. A UTF-8 byte-order mark is allowed, a
//! UTF-16 file with its mark is decoded. Nothing is dropped silently: every
//! input ends up in [`Ingested::inputs`].

use crate::article::{Article, ExclusionKind, Origin, Span};
use crate::boilerplate;
use crate::error::{InputError, InputErrorKind, InputWarning};
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use std::io::Read;
use std::path::Path;

pub mod array;
pub mod dates;
pub mod feed;
pub mod fields;
pub mod html;
mod json;
pub mod markdown;
mod text;
pub mod walk;

pub use dates::{DayOrder, parse_date, parse_loose};
pub use fields::{Field, FieldMap};
pub use html::parse_html;
pub use markdown::{parse_markdown, read_markdown};
pub use text::{parse_text, read_text};
pub use walk::{Exclude, Ignore};

/// One article read from an input, with the warnings its reading gave (a
/// date that could not be read).
#[derive(Debug)]
pub struct Parsed {
    pub article: Article,
    pub warnings: Vec<InputWarning>,
}

/// The two seed articles claimcheck was started from, embedded so that
/// `claimcheck check` with no paths has something real to check.
pub const SEEDS: [(&str, &[u8]); 2] = [
    (
        "seeds/000_08d0998124b02623.txt",
        include_bytes!("../../seeds/000_08d0998124b02623.txt"),
    ),
    (
        "seeds/002_1f062e236fa650bf.txt",
        include_bytes!("../../seeds/002_1f062e236fa650bf.txt"),
    ),
];

/// What became of one input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "status", rename_all = "kebab-case")]
pub enum InputStatus {
    /// Read; `articles` is how many articles it gave.
    Read { articles: usize },
    /// Could not be read (or, for JSONL, one line could not).
    Failed { error: InputError },
    /// Found while walking a directory but not an article format.
    Skipped { reason: String },
}

/// One entry of the input list: a file, a directory, stdin, or a JSONL line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct InputRecord {
    pub path: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    #[serde(flatten)]
    pub status: InputStatus,
}

impl InputRecord {
    pub fn is_failed(&self) -> bool {
        matches!(self.status, InputStatus::Failed { .. })
    }
}

/// The default bound on one article: far above any real article (a long
/// feature is 100 KB), low enough that one stray dump cannot exhaust memory.
pub const DEFAULT_MAX_ARTICLE_BYTES: u64 = 16 << 20;

/// How inputs are read: which paths are left out, how large one article
/// may be, which JSON fields hold what, how numeric dates are ordered and
/// what standard input holds.
#[derive(Debug, Clone)]
pub struct Reading {
    /// The configuration's `ignore` globs: they leave out any path, named
    /// or found in a directory.
    pub ignore: Option<Ignore>,
    /// `--exclude`: what to leave out of the directories walked.
    pub exclude: Exclude,
    /// Whether the ignore files (`.gitignore`, `.ignore`,
    /// `.claimcheckignore`) leave out what they name in the directories
    /// walked (`--no-ignore`: they do not).
    pub ignore_files: bool,
    /// The most bytes of one article; larger ones are input errors.
    pub max_article_bytes: u64,
    /// Where JSON records (JSON Lines, JSON files) keep each field.
    pub fields: FieldMap,
    /// Whether `03/04/2022` is 3 April or March 4.
    pub day_order: DayOrder,
    /// The format of standard input; `None`: sniffed from its first bytes.
    pub stdin_format: Option<Format>,
}

impl Default for Reading {
    fn default() -> Self {
        Reading {
            ignore: None,
            exclude: Exclude::default(),
            ignore_files: true,
            max_article_bytes: DEFAULT_MAX_ARTICLE_BYTES,
            fields: FieldMap::default(),
            day_order: DayOrder::default(),
            stdin_format: None,
        }
    }
}

impl Ignore {
    /// The input-list entry of a path the configuration ignores.
    fn record(&self, path: &str) -> InputRecord {
        skipped(path, format!("ignored by {}", self.from))
    }
}

/// The input-list entry of a path skipped for `reason`.
fn skipped(path: &str, reason: String) -> InputRecord {
    InputRecord {
        path: path.to_string(),
        line: None,
        status: InputStatus::Skipped { reason },
    }
}

/// Everything ingestion produced.
#[derive(Debug, Default)]
pub struct Ingested {
    /// Articles in input order (paths sorted, directories walked in order).
    pub articles: Vec<Article>,
    /// Every input, read, failed or skipped, in the same order.
    pub inputs: Vec<InputRecord>,
    /// What could not be read in inputs that were read all the same (a
    /// date), in input order. They do not change the exit code.
    pub warnings: Vec<InputWarning>,
    /// Files named more than once (twice on the command line, or a file and
    /// a directory holding it): read the first time, skipped after.
    pub duplicates: Vec<Duplicate>,
    pub(crate) seen: SeenFiles,
    pub(crate) reading: Reading,
}

/// A file skipped because it had been read under another name already.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Duplicate {
    /// The name it was skipped under.
    pub path: String,
    /// The name it was read under.
    pub first: String,
}

/// The files read so far, by canonical path, so that a file reached twice
/// (`seeds seeds/x.txt`, `a.txt ./a.txt`, a symlink given by hand) is read
/// once.
#[derive(Debug, Default)]
pub struct SeenFiles {
    first: std::collections::HashMap<std::path::PathBuf, String>,
}

impl SeenFiles {
    /// Records `path` (shown as `label`) as read; if it was read before,
    /// returns the [`Duplicate`] instead. A path that cannot be resolved is
    /// never a duplicate: reading it reports the real problem.
    pub fn first_reading(&mut self, label: &str, path: &Path) -> Result<(), Duplicate> {
        let Ok(canonical) = std::fs::canonicalize(path) else {
            return Ok(());
        };
        match self.first.entry(canonical) {
            std::collections::hash_map::Entry::Occupied(e) => Err(Duplicate {
                path: label.to_string(),
                first: e.get().clone(),
            }),
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert(label.to_string());
                Ok(())
            }
        }
    }
}

impl Duplicate {
    /// The input-list entry of a skipped duplicate.
    pub fn record(&self) -> InputRecord {
        InputRecord {
            path: self.path.clone(),
            line: None,
            status: InputStatus::Skipped {
                reason: format!("already read as {}", self.first),
            },
        }
    }
}

/// The one stderr line that says which inputs were skipped as duplicates
/// (at most three named), or `None` when there were none.
pub fn duplicates_note(duplicates: &[Duplicate]) -> Option<String> {
    const NAMED: usize = 3;
    let (first, rest) = duplicates.split_at(duplicates.len().min(NAMED));
    let one = first.first()?;
    let mut line = if duplicates.len() == 1 {
        format!(
            "note: {} was given twice; read once, as {}",
            one.path, one.first
        )
    } else {
        let named: Vec<String> = first
            .iter()
            .map(|d| format!("{} (as {})", d.path, d.first))
            .collect();
        format!(
            "note: {} files were given twice; each read once: {}",
            duplicates.len(),
            named.join(", ")
        )
    };
    if !rest.is_empty() {
        line.push_str(&format!(" and {} more", rest.len()));
    }
    Some(line)
}

impl Ingested {
    pub fn errors(&self) -> impl Iterator<Item = &InputError> {
        self.inputs.iter().filter_map(|r| match &r.status {
            InputStatus::Failed { error } => Some(error),
            _ => None,
        })
    }

    pub fn has_errors(&self) -> bool {
        self.inputs.iter().any(InputRecord::is_failed)
    }

    /// The input list's entry for one input that is one article, and the
    /// article.
    fn push_result(&mut self, path: &str, result: Result<Parsed, InputError>) {
        match result {
            Ok(parsed) => {
                self.inputs.push(InputRecord {
                    path: path.to_string(),
                    line: None,
                    status: InputStatus::Read { articles: 1 },
                });
                self.push_parsed(parsed);
            }
            Err(error) => self.push_failure(error),
        }
    }

    /// An article read, and its warnings.
    fn push_parsed(&mut self, parsed: Parsed) {
        self.articles.push(parsed.article);
        self.warnings.extend(parsed.warnings);
    }

    fn push_failure(&mut self, error: InputError) {
        self.inputs.push(InputRecord {
            path: error.path.clone(),
            line: error.line,
            status: InputStatus::Failed { error },
        });
    }
}

/// Input format: from the file name, `--stdin-format`, or sniffed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Plain text, with an optional date header
    #[value(name = "txt", alias = "text")]
    Text,
    /// Markdown, with optional front matter
    #[value(name = "md", alias = "markdown")]
    Markdown,
    /// JSON Lines: one article object per line
    #[value(name = "jsonl", alias = "ndjson")]
    JsonLines,
    /// JSON: an array of article objects, an object holding one, or one
    #[value(name = "json")]
    Json,
    /// HTML: a saved web page (its main text), or a fragment
    #[value(name = "html", alias = "htm")]
    Html,
    /// RSS or Atom: one article per item or entry
    #[value(name = "feed", alias = "rss", alias = "atom")]
    Feed,
}

/// The file extensions read as articles, for messages.
pub const EXTENSIONS: &str = ".txt, .md, .html, .htm, .xml, .rss, .atom, .jsonl, .json";

impl Format {
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" | "text" => Some(Format::Text),
            "md" | "markdown" => Some(Format::Markdown),
            "jsonl" | "ndjson" => Some(Format::JsonLines),
            "json" => Some(Format::Json),
            "html" | "htm" | "xhtml" | "shtml" => Some(Format::Html),
            "xml" | "rss" | "atom" => Some(Format::Feed),
            _ => None,
        }
    }

    /// The format of an input named by no file name (standard input), from
    /// its first bytes: its first character that is not white space (`{`:
    /// JSON Lines, `[`: a JSON array, `<?xml`, `<rss`, `<feed`, `<rdf`: a
    /// feed, any other `<`: an HTML page or fragment), or a first line `---`
    /// (Markdown front matter); anything else is text. A byte-order mark
    /// (UTF-8 or UTF-16) is skipped.
    pub fn sniff(start: &[u8]) -> Format {
        let text: std::borrow::Cow<'_, str> = match utf16_order(start) {
            Some(little) => {
                let units = start[2..].chunks_exact(2).map(|c| {
                    if little {
                        u16::from_le_bytes([c[0], c[1]])
                    } else {
                        u16::from_be_bytes([c[0], c[1]])
                    }
                });
                char::decode_utf16(units)
                    .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
                    .collect::<String>()
                    .into()
            }
            None => String::from_utf8_lossy(start),
        };
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
        let first_line = text.split('\n').next().unwrap_or_default();
        if first_line.trim_end() == "---" {
            return Format::Markdown;
        }
        let start = text.trim_start();
        let lower = start
            .get(..start.len().min(64))
            .unwrap_or(start)
            .to_ascii_lowercase();
        match start.chars().next() {
            Some('{') => Format::JsonLines,
            Some('[') => Format::Json,
            Some('<')
                if ["<?xml", "<rss", "<feed", "<rdf"]
                    .iter()
                    .any(|t| lower.starts_with(t)) =>
            {
                Format::Feed
            }
            Some('<') => Format::Html,
            _ => Format::Text,
        }
    }
}

/// Reads the embedded seed articles.
pub fn ingest_seeds() -> Ingested {
    let mut out = Ingested::default();
    for (name, bytes) in SEEDS {
        out.read_bytes(name, bytes, Format::Text);
    }
    out
}

/// How many JSON Lines records are read before they are handed on when
/// streaming.
pub const JSONL_CHUNK: usize = 512;

/// Reads every path (`-` is standard input), sorted and de-duplicated so the
/// result does not depend on the order the paths were given in.
pub fn ingest_paths(paths: &[String], stdin: &mut dyn Read) -> Ingested {
    ingest_paths_streaming(paths, stdin, &Reading::default(), &mut |_| {})
}

/// [`ingest_paths`] as `reading` says, handing the articles read so far to
/// `flush` after each file (it may take them out of `Ingested::articles`):
/// memory then holds one input file at a time, not the whole set. The input
/// list is kept.
pub fn ingest_paths_streaming(
    paths: &[String],
    stdin: &mut dyn Read,
    reading: &Reading,
    flush: &mut dyn FnMut(&mut Ingested),
) -> Ingested {
    let mut sorted: Vec<&String> = paths.iter().collect();
    sorted.sort();
    sorted.dedup();
    let mut out = Ingested {
        reading: reading.clone(),
        ..Ingested::default()
    };
    for p in sorted {
        out.read_path(p, stdin, flush);
        flush(&mut out);
    }
    out
}

impl Ingested {
    /// Reads one path given on the command line.
    fn read_path(&mut self, p: &str, stdin: &mut dyn Read, flush: &mut dyn FnMut(&mut Ingested)) {
        let out = self;
        if p == "-" {
            return out.read_stdin(stdin, flush);
        }
        // The name as it is shown: no control or bidi character.
        let label = crate::article::visible(p).into_owned();
        if let Some(ignore) = &out.reading.ignore
            && ignore.hit(p)
        {
            return out.inputs.push(ignore.record(&label));
        }
        let path = Path::new(p);
        match std::fs::metadata(path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                out.push_failure(InputError::new(label, InputErrorKind::NotFound));
            }
            Err(e) => out.push_failure(InputError::new(
                label,
                InputErrorKind::Io {
                    message: e.to_string(),
                },
            )),
            Ok(meta) if meta.is_dir() => out.read_dir(p, flush),
            Ok(_) => {
                let format = Format::from_path(path).unwrap_or(Format::Text);
                out.read_file(&label, path, format, flush);
            }
        }
    }
}

/// How many bytes of standard input are looked at, at most, to tell its
/// format: the first line (for Markdown's `---`) is rarely longer.
const SNIFF_BYTES: usize = 4096;

impl Ingested {
    /// Standard input, in the format `--stdin-format` names or its first
    /// bytes show. JSON Lines are read a chunk at a time like a file; any
    /// other format is one input read whole, at most
    /// [`Reading::max_article_bytes`].
    fn read_stdin(&mut self, stdin: &mut dyn Read, flush: &mut dyn FnMut(&mut Ingested)) {
        let io_failure = |e: std::io::Error| {
            InputError::new(
                "-",
                InputErrorKind::Io {
                    message: e.to_string(),
                },
            )
        };
        let mut start = Vec::new();
        let format = match self.reading.stdin_format {
            Some(format) => format,
            None => match sniff_start(stdin, &mut start) {
                Ok(()) => Format::sniff(&start),
                Err(e) => return self.push_failure(io_failure(e)),
            },
        };
        let mut input = std::io::Cursor::new(start).chain(stdin);
        if format == Format::JsonLines {
            return self.read_jsonl_stream("-", input, flush);
        }
        let mut bytes = Vec::new();
        let limit = self.reading.max_article_bytes;
        match (&mut input)
            .take(limit.saturating_add(1))
            .read_to_end(&mut bytes)
        {
            Ok(n) if n as u64 > limit => self.push_failure(too_large("-", None, None, limit)),
            Ok(_) => self.read_bytes_flushing("-", &bytes, format, flush),
            Err(e) => self.push_failure(io_failure(e)),
        }
    }

    fn read_dir(&mut self, label: &str, flush: &mut dyn FnMut(&mut Ingested)) {
        let mut articles_seen = 0;
        let failures_before = self.inputs.iter().filter(|r| r.is_failed()).count();
        let root = Path::new(label);
        let exclude = self.reading.exclude.under(root);
        let config = self.reading.ignore.clone();
        // What the reading walk leaves out before it asks the ignore files
        // is left out of their walk too.
        let left_out = {
            let (exclude, config) = (exclude.clone(), config.clone());
            move |path: &Path, dir: bool| {
                walk::excluded(exclude.as_ref(), path, dir)
                    || config
                        .as_ref()
                        .is_some_and(|c| c.hit(&path.display().to_string()))
            }
        };
        let mut ignore_files = self
            .reading
            .ignore_files
            .then(|| walk::IgnoreFiles::new(root, left_out));
        let mut walker = walkdir::WalkDir::new(label)
            .follow_links(false)
            .sort_by_file_name()
            .into_iter();
        let mut candidates = 0;
        while let Some(entry) = walker.next() {
            let entry = match entry {
                Ok(e) => e,
                Err(e) => {
                    let path = e
                        .path()
                        .map_or(label.to_string(), |p| p.display().to_string());
                    let path = crate::article::visible(&path).into_owned();
                    self.push_failure(InputError::new(
                        path,
                        InputErrorKind::Io {
                            message: e.to_string(),
                        },
                    ));
                    continue;
                }
            };
            let path = entry.path();
            let shown = crate::article::visible(&path.display().to_string()).into_owned();
            let skip = |reason: String| skipped(&shown, reason);
            if entry.depth() > 0 {
                let dir = entry.file_type().is_dir();
                let hidden = walk::is_hidden(entry.file_name());
                let configured = config.as_ref().filter(|i| i.hit(&shown));
                let left_out = if let Some(ignore) = configured {
                    Some(ignore.record(&shown))
                } else if hidden {
                    Some(skip(if dir {
                        "hidden directory is not entered".into()
                    } else {
                        "hidden file is not read".into()
                    }))
                } else if walk::excluded(exclude.as_ref(), path, dir) {
                    Some(skip("excluded by --exclude".into()))
                } else if let Some(files) = &mut ignore_files
                    && !files.keep(path)
                {
                    Some(skip(walk::IGNORED_BY_FILES.into()))
                } else {
                    None
                };
                if let Some(record) = left_out {
                    // A directory whose articles are all left out on
                    // purpose is not empty.
                    candidates += usize::from(configured.is_some() || !hidden);
                    self.inputs.push(record);
                    if dir {
                        walker.skip_current_dir();
                    }
                    continue;
                }
            }
            if entry.file_type().is_dir() {
                continue;
            }
            if entry.file_type().is_symlink() {
                self.inputs.push(skip(
                    "symbolic link inside a directory is not followed".into(),
                ));
                continue;
            }
            // A named pipe, device or socket in a directory is not an
            // article: reading it could wait forever or never end.
            if !entry.file_type().is_file() {
                self.inputs.push(skip(
                    "not a regular file (a named pipe, device or socket) inside a directory is not read"
                        .into(),
                ));
                continue;
            }
            match Format::from_path(path) {
                Some(format) => {
                    candidates += 1;
                    let n = self.articles.len();
                    self.read_file(&shown, path, format, flush);
                    articles_seen += self.articles.len() - n;
                    flush(self);
                }
                None => self
                    .inputs
                    .push(skip(format!("not an article format ({EXTENSIONS})"))),
            }
        }
        for problem in ignore_files.map(|f| f.problems).unwrap_or_default() {
            if !self.warnings.contains(&problem) {
                self.warnings.push(problem);
            }
        }
        let failures_after = self.inputs.iter().filter(|r| r.is_failed()).count();
        if candidates == 0 && failures_after == failures_before && articles_seen == 0 {
            self.push_failure(InputError::new(
                crate::article::visible(label),
                InputErrorKind::EmptyDirectory,
            ));
        }
    }

    fn read_file(
        &mut self,
        label: &str,
        path: &Path,
        format: Format,
        flush: &mut dyn FnMut(&mut Ingested),
    ) {
        if let Err(duplicate) = self.seen.first_reading(label, path) {
            self.inputs.push(duplicate.record());
            self.duplicates.push(duplicate);
            return;
        }
        if format == Format::JsonLines {
            return self.read_jsonl_file(label, path, flush);
        }
        let limit = self.reading.max_article_bytes;
        // Bounded even if the file grows while it is read.
        let read = std::fs::File::open(path).and_then(|f| {
            let size = f.metadata().map(|m| m.len()).unwrap_or(0);
            let mut bytes = Vec::new();
            if size <= limit {
                f.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
            }
            Ok((size.max(bytes.len() as u64), bytes))
        });
        match read {
            Ok((size, _)) if size > limit => {
                self.push_failure(too_large(label, None, Some(size), limit))
            }
            Ok((_, bytes)) => self.read_bytes_flushing(label, &bytes, format, flush),
            Err(e) => self.push_failure(InputError::new(
                label,
                InputErrorKind::Io {
                    message: e.to_string(),
                },
            )),
        }
    }

    /// Parses one input's bytes in the given format.
    pub fn read_bytes(&mut self, label: &str, bytes: &[u8], format: Format) {
        self.read_bytes_flushing(label, bytes, format, &mut |_| {});
    }

    /// [`Ingested::read_bytes`], handing JSON Lines articles to `flush`
    /// every [`JSONL_CHUNK`] records.
    fn read_bytes_flushing(
        &mut self,
        label: &str,
        bytes: &[u8],
        format: Format,
        flush: &mut dyn FnMut(&mut Ingested),
    ) {
        let text = match decode(label, bytes) {
            Ok(t) => t,
            // A page or feed in the character set it declares is decoded
            // by it (its offsets are then those of the UTF-8 text).
            Err(e)
                if matches!(e.kind, InputErrorKind::NotUtf8 { .. })
                    && matches!(format, Format::Html | Format::Feed | Format::Text) =>
            {
                match html::decode_declared(bytes) {
                    Some(text) => text,
                    None => return self.push_failure(e),
                }
            }
            Err(e) => return self.push_failure(e),
        };
        match format {
            // A page or a feed saved under another name is read as what it is.
            Format::Text if html::looks_like_page(&text) => {
                let parsed = parse_html(label, text, self.reading.day_order);
                self.push_result(label, parsed)
            }
            Format::Text
                if text.trim_start().starts_with("<?xml") && feed::looks_like_feed(&text) =>
            {
                self.read_feed(label, &text)
            }
            Format::Text => {
                let parsed = read_text(label, text, self.reading.day_order);
                self.push_result(label, parsed)
            }
            Format::Markdown => {
                let parsed = read_markdown(label, text, self.reading.day_order);
                self.push_result(label, parsed)
            }
            Format::JsonLines => self.read_jsonl(label, &text, flush),
            Format::Html => {
                let parsed = parse_html(label, text, self.reading.day_order);
                self.push_result(label, parsed)
            }
            Format::Feed => self.read_feed(label, &text),
            Format::Json => self.read_json(label, &text, flush),
        }
    }
}

/// Reads the first bytes of standard input into `start`: up to the end of
/// its first line that holds more than white space, or [`SNIFF_BYTES`].
fn sniff_start(stdin: &mut dyn Read, start: &mut Vec<u8>) -> std::io::Result<()> {
    let mut chunk = [0u8; 512];
    while start.len() < SNIFF_BYTES {
        let n = match stdin.read(&mut chunk) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        start.extend_from_slice(&chunk[..n]);
        let seen = |b: &u8| !b.is_ascii_whitespace() && *b != 0;
        if let Some(first) = start.iter().position(seen)
            && start[first..].contains(&b'\n')
        {
            break;
        }
    }
    Ok(())
}

/// The error of an article over the size limit.
fn too_large(label: &str, line: Option<usize>, size: Option<u64>, limit: u64) -> InputError {
    InputError {
        path: label.to_string(),
        line,
        kind: InputErrorKind::TooLarge { size, limit },
    }
}

/// Whether the bytes open with a UTF-16 byte-order mark: `Some(true)` for
/// little-endian.
fn utf16_order(bytes: &[u8]) -> Option<bool> {
    match bytes {
        [0xFF, 0xFE, ..] => Some(true),
        [0xFE, 0xFF, ..] => Some(false),
        _ => None,
    }
}

/// UTF-16 text after its byte-order mark, as a string; the error names the
/// line and byte of the first unpaired surrogate (or odd final byte).
fn decode_utf16(label: &str, bytes: &[u8], little: bool) -> Result<String, InputError> {
    let unit = |c: &[u8]| {
        if little {
            u16::from_le_bytes([c[0], c[1]])
        } else {
            u16::from_be_bytes([c[0], c[1]])
        }
    };
    let units = &bytes[2..];
    let mut text = String::with_capacity(units.len() / 2);
    let bad = |text: &str, offset: usize| {
        InputError::at_line(
            label,
            text.matches('\n').count() + 1,
            InputErrorKind::NotUtf16 { offset },
        )
    };
    let mut offset = 2;
    for c in char::decode_utf16(units.chunks_exact(2).map(unit)) {
        match c {
            Ok(c) => {
                offset += 2 * c.len_utf16();
                text.push(c);
            }
            Err(_) => return Err(bad(&text, offset)),
        }
    }
    if units.len() % 2 == 1 {
        return Err(bad(&text, bytes.len() - 1));
    }
    Ok(text)
}

/// Checks that the bytes are non-empty UTF-8 text (or UTF-16 with its
/// byte-order mark, decoded), naming the line of the first bad byte.
fn decode(label: &str, bytes: &[u8]) -> Result<String, InputError> {
    if let Some(little) = utf16_order(bytes) {
        let text = decode_utf16(label, bytes, little)?;
        if text.trim().is_empty() {
            return Err(InputError::new(label, InputErrorKind::EmptyFile));
        }
        return Ok(text);
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(InputError::new(label, InputErrorKind::EmptyFile));
    }
    let line_of = |offset: usize| bytes[..offset].iter().filter(|&&b| b == b'\n').count() + 1;
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(InputError::at_line(
            label,
            line_of(offset),
            InputErrorKind::Binary { offset },
        ));
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_string()),
        Err(e) => {
            let offset = e.valid_up_to();
            Err(InputError::at_line(
                label,
                line_of(offset),
                InputErrorKind::NotUtf8 { offset },
            ))
        }
    }
}

/// Where an article of `label` came from (`record_line` for records).
fn origin(label: &str, record_line: Option<usize>) -> Origin {
    Origin {
        path: label.to_string(),
        record_line,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Result<Article, InputError> {
        parse_text("t.txt", s.to_string())
    }

    #[cfg(unix)]
    #[test]
    fn a_named_pipe_in_a_directory_is_skipped_not_waited_on() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.txt"), "The council met on Monday.\n").unwrap();
        let fifo = dir.path().join("b.txt");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if !made.is_ok_and(|s| s.success()) {
            return; // no mkfifo on this machine
        }
        let label = dir.path().display().to_string();
        let got = ingest_paths(&[label], &mut std::io::empty());
        assert_eq!(got.articles.len(), 1);
        let skipped = got
            .inputs
            .iter()
            .find(|r| r.path.ends_with("b.txt"))
            .expect("the pipe is listed");
        assert!(
            matches!(&skipped.status, InputStatus::Skipped { reason } if reason.contains("not a regular file")),
            "{skipped:?}"
        );
    }

    #[test]
    fn seed_header_with_body_on_the_same_line() {
        let a = text(" date 2022-02-28 Amid talks, it rained.").unwrap();
        assert_eq!(a.date, Some(jiff::civil::date(2022, 2, 28)));
        let body = a.included()[0];
        assert!(a.slice(body).starts_with("Amid talks"));
        assert_eq!(a.excluded[0].kind, ExclusionKind::Header);
    }

    #[test]
    fn seed_header_on_its_own_line() {
        let a = text("date 2016-01-05\nThe senator spoke.").unwrap();
        assert_eq!(a.date, Some(jiff::civil::date(2016, 1, 5)));
        assert_eq!(a.slice(a.included()[0]), "The senator spoke.");
    }

    #[test]
    fn plain_text_without_header_keeps_everything() {
        let a = text("date night was cancelled, she said.").unwrap();
        assert_eq!(a.date, None);
        assert!(a.excluded.is_empty());
    }

    #[test]
    fn impossible_date_is_a_warning_with_its_line_and_the_article_is_read() {
        let mut ing = Ingested::default();
        ing.read_bytes("t.txt", b"date 2022-02-30 Body.", Format::Text);
        assert!(!ing.has_errors(), "{:?}", ing.inputs);
        assert_eq!(ing.articles.len(), 1);
        assert_eq!(ing.articles[0].date, None);
        assert_eq!(ing.warnings.len(), 1);
        let w = &ing.warnings[0];
        assert_eq!(w.line, Some(1));
        assert_eq!(
            w.kind,
            crate::error::InputWarningKind::BadDate {
                value: "2022-02-30".into()
            }
        );
        assert!(
            w.to_string()
                .starts_with("t.txt:1: not a real date: `2022-02-30`; the article is read"),
            "{w}"
        );
    }

    #[test]
    fn header_without_body_is_an_error() {
        assert_eq!(
            text("date 2022-02-28  \n").unwrap_err().kind,
            InputErrorKind::NoText
        );
    }

    #[test]
    fn decode_rejects_empty_binary_and_bad_utf8() {
        assert_eq!(
            decode("x", b"  \n").unwrap_err().kind,
            InputErrorKind::EmptyFile
        );
        let e = decode("x", b"ok\nbad\x00").unwrap_err();
        assert_eq!(
            (e.kind, e.line),
            (InputErrorKind::Binary { offset: 6 }, Some(2))
        );
        let e = decode("x", b"a\nb\nc\xff").unwrap_err();
        assert_eq!(
            (e.kind, e.line),
            (InputErrorKind::NotUtf8 { offset: 5 }, Some(3))
        );
    }

    #[test]
    fn markdown_front_matter_fields() {
        let md = "---\ntitle: \"Talks begin\"\ndate: 2022-02-28\nsource: Example Wire\nurl: https://example.org/a\ntags:\n  - talks\n---\nThe talks began.\n<!-- hidden note -->\nMore.\n";
        let a = parse_markdown("a.md", md.to_string()).unwrap();
        assert_eq!(a.title.as_deref(), Some("Talks begin"));
        assert_eq!(a.outlet.as_deref(), Some("Example Wire"));
        assert_eq!(a.url.as_deref(), Some("https://example.org/a"));
        assert_eq!(a.date, Some(jiff::civil::date(2022, 2, 28)));
        assert!(!a.text.contains("hidden note"), "{:?}", a.text);
        let talks = a.text.find("The talks").unwrap();
        let in_file = a.file_span(Span::new(talks, talks + 9));
        assert_eq!(&md[in_file.range()], "The talks");
        assert_eq!(a.line_col(talks), (9, 1));
    }

    #[test]
    fn markdown_links_emphasis_and_folded_yaml_are_read_as_a_reader_sees_them() {
        let md = "---\ntitle: >\n  Talks begin\n  at the border\nauthor:\n  - name: Ann Lee\n  - Bo Ng\n---\n[Volodymyr Zelensky](https://example.org/z \"bio\") said, \"We will **never** surrender.\"\n\n```\ncode \"not a quote\"\n```\n\n![a \"photo\"](x.jpg) Caf&eacute; owners \\*agreed\\*.\n";
        let a = parse_markdown("a.md", md.to_string()).unwrap();
        assert_eq!(a.title.as_deref(), Some("Talks begin at the border"));
        assert_eq!(a.author.as_deref(), Some("Ann Lee, Bo Ng"));
        assert_eq!(
            a.text,
            "Volodymyr Zelensky said, \"We will never surrender.\"\n\nCaf\u{e9} owners *agreed*."
        );
        // The quotation maps back to the file, emphasis marks and all.
        let q = a.text.find("\"We").unwrap();
        let span = a.file_span(Span::new(q, a.text.find("surrender.\"").unwrap() + 11));
        assert_eq!(&md[span.range()], "\"We will **never** surrender.\"");
    }

    #[test]
    fn markdown_toml_front_matter() {
        let md = "+++\ntitle = \"Depot closes\"\ndate = 2022-02-28\npublisher = \"Example Wire\"\n+++\nThe depot closed.\n";
        let a = parse_markdown("a.md", md.to_string()).unwrap();
        assert_eq!(a.title.as_deref(), Some("Depot closes"));
        assert_eq!(a.outlet.as_deref(), Some("Example Wire"));
        assert_eq!(a.date, Some(jiff::civil::date(2022, 2, 28)));
        assert_eq!(a.text, "The depot closed.");
        let e = parse_markdown("a.md", "+++\ntitle = \n+++\nBody.".into()).unwrap_err();
        assert_eq!(e.line, Some(2));
        assert!(
            matches!(e.kind, InputErrorKind::BadFrontMatter { .. }),
            "{e}"
        );
    }

    #[test]
    fn markdown_bad_front_matter_date_is_a_warning_of_its_line() {
        let md = "---\ntitle: x\ndate: 2021-13-01\n---\nBody.";
        let p = read_markdown("a.md", md.into(), DayOrder::default()).unwrap();
        assert_eq!(p.article.date, None);
        assert_eq!(p.article.text, "Body.");
        assert_eq!(p.warnings.len(), 1);
        assert_eq!(p.warnings[0].location(), "a.md:3");
        // The common forms are read.
        for (written, want) in [
            ("Feb 28, 2022", (2022, 2, 28)),
            ("28/02/2022", (2022, 2, 28)),
            ("2022-02-28T09:00:00+01:00", (2022, 2, 28)),
        ] {
            let md = format!("---\ndate: {written}\n---\nBody.");
            let p = read_markdown("a.md", md, DayOrder::default()).unwrap();
            let (y, m, d) = want;
            assert_eq!(
                p.article.date,
                Some(jiff::civil::date(y, m, d)),
                "{written}"
            );
            assert!(p.warnings.is_empty());
        }
    }

    #[test]
    fn markdown_unclosed_front_matter() {
        let e = parse_markdown("a.md", "---\ntitle: x\nBody.".into()).unwrap_err();
        assert_eq!(e.kind, InputErrorKind::UnclosedFrontMatter);
    }

    #[test]
    fn markdown_without_front_matter() {
        let a = parse_markdown("a.md", "# Heading\n\nText.".into()).unwrap();
        assert!(a.title.is_none());
        assert!(a.excluded.is_empty());
        assert_eq!(a.text, "Heading\n\nText.");
    }

    #[test]
    fn jsonl_records_errors_keep_the_good_lines() {
        let mut ing = Ingested::default();
        let data = concat!(
            r#"{"id":"a1","date":"2022-02-27","source":"Wire","title":"T","text":"First one.","extra":1}"#,
            "\n\n",
            "{not json\n",
            r#"{"id":"a3","title":"no text"}"#,
            "\n",
            r#"{"id":7,"date":"2022-02-30","text":"Bad date."}"#,
            "\n",
            r#"{"text":"No id.","date":"2022-02-27T10:00:00Z"}"#,
            "\n"
        );
        ing.read_bytes("set.jsonl", data.as_bytes(), Format::JsonLines);
        let ids: Vec<_> = ing.articles.iter().map(|a| a.id.as_str()).collect();
        // A bad date is a warning: the record is read without it.
        assert_eq!(ids, ["a1", "7", "set.jsonl:6"]);
        assert_eq!(ing.articles[0].outlet.as_deref(), Some("Wire"));
        assert_eq!(ing.articles[1].date, None);
        assert_eq!(ing.articles[2].date, Some(jiff::civil::date(2022, 2, 27)));
        let errs: Vec<_> = ing.errors().map(|e| (e.line, e.kind.clone())).collect();
        assert_eq!(errs.len(), 2);
        assert_eq!(errs[0].0, Some(3));
        assert!(matches!(errs[0].1, InputErrorKind::MalformedJson { .. }));
        assert!(
            matches!(&errs[1], (Some(4), InputErrorKind::MissingText { tried }) if tried[0] == "text")
        );
        let warned: Vec<_> = ing.warnings.iter().map(|w| w.location()).collect();
        assert_eq!(warned, ["set.jsonl:5"]);
    }

    #[test]
    fn the_empty_directory_error_names_every_extension_read() {
        let message = InputErrorKind::EmptyDirectory.to_string();
        assert!(message.contains(&format!("({EXTENSIONS})")), "{message}");
        for ext in EXTENSIONS.split(", ") {
            let path = format!("a{ext}");
            assert!(Format::from_path(Path::new(&path)).is_some(), "{ext}");
        }
    }

    #[test]
    fn embedded_seeds_match_the_repository_files() {
        let ing = ingest_seeds();
        assert_eq!(ing.articles.len(), 2);
        assert!(!ing.has_errors());
        assert_eq!(ing.articles[0].date, Some(jiff::civil::date(2022, 2, 28)));
        assert_eq!(ing.articles[1].date, Some(jiff::civil::date(2022, 2, 27)));
    }

    /// Reads `paths` with a size limit and ignore patterns.
    fn read_with(paths: &[&Path], limit: u64, ignore: &[&str]) -> Ingested {
        let mut b = globset::GlobSetBuilder::new();
        for g in ignore {
            b.add(globset::Glob::new(g).unwrap());
        }
        let reading = Reading {
            ignore: (!ignore.is_empty()).then(|| Ignore {
                set: b.build().unwrap(),
                from: "test.toml".into(),
                base: std::path::PathBuf::from("/"),
                cwd: std::env::current_dir().unwrap(),
            }),
            max_article_bytes: limit,
            ..Reading::default()
        };
        let paths: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
        ingest_paths_streaming(&paths, &mut std::io::empty(), &reading, &mut |_| {})
    }

    fn status_of<'a>(got: &'a Ingested, end: &str) -> &'a InputStatus {
        &got.inputs
            .iter()
            .find(|r| r.path.ends_with(end))
            .unwrap_or_else(|| panic!("{end} listed: {:?}", got.inputs))
            .status
    }

    #[test]
    fn an_article_over_the_size_limit_is_an_error_naming_it_and_the_rest_is_read() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.txt"), "The mayor spoke.").unwrap();
        std::fs::write(dir.path().join("b.txt"), "word ".repeat(400)).unwrap();
        let got = read_with(&[dir.path()], 1000, &[]);
        assert_eq!(got.articles.len(), 1);
        assert!(matches!(
            status_of(&got, "b.txt"),
            InputStatus::Failed { error } if error.kind == InputErrorKind::TooLarge { size: Some(2000), limit: 1000 }
        ));
        // At the limit it is read.
        assert_eq!(read_with(&[dir.path()], 2000, &[]).articles.len(), 2);
    }

    #[test]
    fn a_jsonl_record_over_the_limit_is_an_error_of_its_line_and_the_next_lines_are_read() {
        let dir = tempfile::tempdir().unwrap();
        let long = format!(r#"{{"id":"b","text":"{}"}}"#, "x".repeat(5000));
        let body = format!(
            "{}\n{long}\n{}\n",
            r#"{"id":"a","text":"The mayor spoke."}"#, r#"{"id":"c","text":"The clerk spoke."}"#
        );
        let path = dir.path().join("set.jsonl");
        std::fs::write(&path, &body).unwrap();
        let got = read_with(&[&path], 1000, &[]);
        let ids: Vec<&str> = got.articles.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["a", "c"]);
        let errors: Vec<&InputError> = got.errors().collect();
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!(errors[0].line, Some(2));
        assert!(
            matches!(errors[0].kind, InputErrorKind::TooLarge { size: Some(n), .. } if n == long.len() as u64)
        );
        // Read from memory (standard input, UTF-16), the same bound holds.
        let mut ing = Ingested {
            reading: Reading {
                max_article_bytes: 1000,
                ..Reading::default()
            },
            ..Ingested::default()
        };
        ing.read_bytes("set.jsonl", body.as_bytes(), Format::JsonLines);
        assert_eq!(ing.articles.len(), 2);
        assert_eq!(ing.errors().next().unwrap().line, Some(2));
    }

    #[test]
    fn a_byte_order_mark_keeps_the_first_jsonl_record() {
        let mut ing = Ingested::default();
        let body = "\u{feff}{\"id\":\"a\",\"text\":\"One.\"}\n{\"id\":\"b\",\"text\":\"Two.\"}\n";
        ing.read_bytes("set.jsonl", body.as_bytes(), Format::JsonLines);
        assert!(!ing.has_errors(), "{:?}", ing.inputs);
        assert_eq!(ing.articles.len(), 2);
        assert_eq!(ing.articles[0].id, "a");
    }

    #[test]
    fn utf16_with_its_mark_is_decoded_both_ways_round() {
        let text =
            "date 2024-01-02\nThe mayor said: \u{201c}We will open the bridge \u{1F309}.\u{201d}\n";
        let units: Vec<u16> = text.encode_utf16().collect();
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(units.iter().flat_map(|u| u.to_le_bytes()))
            .collect();
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain(units.iter().flat_map(|u| u.to_be_bytes()))
            .collect();
        for bytes in [le, be] {
            let mut ing = Ingested::default();
            ing.read_bytes("a.txt", &bytes, Format::Text);
            assert!(!ing.has_errors(), "{:?}", ing.inputs);
            assert_eq!(ing.articles[0].date, Some(jiff::civil::date(2024, 1, 2)));
            assert!(ing.articles[0].text.contains("open the bridge \u{1F309}"));
        }
        // A lone surrogate on the second line is an error of that line.
        let mut bad: Vec<u8> = vec![0xFF, 0xFE];
        for u in "one\ntwo ".encode_utf16().chain([0xD800, 0x41]) {
            bad.extend(u.to_le_bytes());
        }
        let mut ing = Ingested::default();
        ing.read_bytes("a.txt", &bad, Format::Text);
        let e = ing.errors().next().expect("an error");
        assert_eq!(e.line, Some(2));
        assert!(
            matches!(e.kind, InputErrorKind::NotUtf16 { offset: 18 }),
            "{e}"
        );
    }

    #[test]
    fn hidden_entries_and_ignored_paths_are_listed_and_ignored_ones_never_read() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join(".git")).unwrap();
        std::fs::write(dir.path().join(".git/x.txt"), "The mayor spoke.").unwrap();
        std::fs::write(dir.path().join(".draft.txt"), "The mayor spoke.").unwrap();
        std::fs::write(dir.path().join("a.txt"), "The mayor spoke.").unwrap();
        // Would fail to read (binary); ignored, it is skipped instead.
        std::fs::write(dir.path().join("bad.txt"), b"\0\0\0").unwrap();
        let got = read_with(&[dir.path()], 1000, &["**/bad.txt"]);
        assert!(!got.has_errors(), "{:?}", got.inputs);
        assert_eq!(got.articles.len(), 1);
        assert!(
            matches!(status_of(&got, ".git"), InputStatus::Skipped { reason } if reason.contains("hidden directory"))
        );
        assert!(
            matches!(status_of(&got, ".draft.txt"), InputStatus::Skipped { reason } if reason.contains("hidden file"))
        );
        assert!(
            matches!(status_of(&got, "bad.txt"), InputStatus::Skipped { reason } if reason == "ignored by test.toml")
        );
        // Nothing inside the hidden directory is listed.
        assert!(!got.inputs.iter().any(|r| r.path.ends_with("x.txt")));
        // Named on the command line, an ignored file is not read either.
        let bad = dir.path().join("bad.txt");
        let got = read_with(&[&bad], 1000, &["**/bad.txt"]);
        assert!(!got.has_errors() && got.articles.is_empty());
        // A directory whose every article is ignored is not an empty directory.
        let got = read_with(&[dir.path()], 1000, &["**/*.txt"]);
        assert!(!got.has_errors(), "{:?}", got.inputs);
    }
}
