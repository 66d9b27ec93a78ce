//! `claimcheck.toml` (or `.claimcheck.toml`): found from each checked path
//! upwards ([`find`]), or given with `--config`. Strict: an unknown key or a
//! bad value is an error that names the file and the line; two files in one
//! directory, or checked paths under different files, are usage errors.
//! `claimcheck init` writes [`DEFAULT`]; `claimcheck config --show` prints
//! [`Config::merged`].

use crate::error::Error;
use crate::finding::{Finding, Rule, Severity};
use crate::ingest::walk::absolute;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

/// The file name `claimcheck init` writes and discovery looks for.
pub const FILE_NAME: &str = "claimcheck.toml";

/// The other name discovery looks for: the same file, hidden.
pub const HIDDEN_FILE_NAME: &str = ".claimcheck.toml";

/// What `claimcheck init` writes: every key, commented.
pub const DEFAULT: &str = r#"# claimcheck configuration. Every key is optional; this file shows the defaults.
# Found from each checked path upwards (as claimcheck.toml or .claimcheck.toml),
# or given with --config FILE. `claimcheck config --show` prints what is in force.

# The lowest severity that makes `claimcheck check` exit 1:
# "error", "warning", "info" or "never". --fail-on overrides it.
fail-on = "error"

# Paths to leave out: glob patterns relative to this file's directory
# ("drafts/**", "**/*.json"), whatever directory claimcheck runs in. They
# apply to paths named on the command line too, and are listed in the report
# as skipped, never dropped silently.
ignore = []

# The largest article read (a text or Markdown file, one JSON Lines record,
# one element of a JSON file and the file itself, standard input): bytes, or
# with K, M or G. A larger one is an input error.
max-article-bytes = "16M"

# How an all-numeric date such as 03/04/2022 is read: "day-first" (3 April)
# or "month-first" (March 4). A date that reads only one way (28/02/2022) is
# read that way. --day-order overrides it.
day-order = "day-first"

# Extra news outlets for attribution chains, and extra reporting verbs
# (in the forms the text uses).
outlets = []
cues = []

# The web address of the rules' pages, for the SARIF report's helpUri: a
# rule's page is this followed by its code. --docs-url overrides it.
# docs-url = "https://example.org/claimcheck/rules/"

# Each rule's severity: "error", "warning", "info", or "off".
[rules]
contradiction = "error"
unattributed-quote = "warning"
inconsistent-name = "warning"
unbalanced-quote = "error"
single-source = "info"
anonymous-source = "info"
circular-reporting = "warning"
quote-drift = "warning"

# Preferred spellings: when an entity is spelt several ways and one of them
# is listed here, only the other spellings are flagged.
[house-style]
names = []

# Extra words for claim events: event = ["word", ...].
[events]

# Where JSON records (.jsonl, .json) keep each part of an article: a field
# name, or a dotted path into nested objects. Keys: id, text, date, source
# (or outlet), url, title, author. A key not given is looked for under the
# names CMS exports use (text: text, body, content, article_body, articleBody;
# date: date, published_at, published, datePublished, pubDate,
# publication_date; ...). --field KEY=NAME overrides one.
# text = "body"
# date = "meta.published_at"
[fields]

# Spellings that name one entity whatever the matcher thinks:
# "Volodymyr Zelenskyy" = ["Zelensky", "Zelenskiy"]
[aliases]
"#;

/// A rule's configured level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Error,
    Warning,
    Info,
    Off,
}

/// The fail-on level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FailLevel {
    Error,
    Warning,
    Info,
    Never,
}

/// `[rules]`: one key per rule code.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Rules {
    pub contradiction: Option<Level>,
    pub unattributed_quote: Option<Level>,
    pub inconsistent_name: Option<Level>,
    pub unbalanced_quote: Option<Level>,
    pub single_source: Option<Level>,
    pub anonymous_source: Option<Level>,
    pub circular_reporting: Option<Level>,
    pub quote_drift: Option<Level>,
}

impl Rules {
    /// Applies the configuration to findings: a rule turned off drops its
    /// findings; a rule given another level takes it.
    pub fn apply(&self, findings: &mut Vec<Finding>) {
        findings.retain(|f| self.severity(f.rule).is_some());
        for f in findings.iter_mut() {
            if let Some(s) = self.severity(f.rule) {
                f.severity = s;
            }
        }
    }

    /// The configured level of a rule, to set.
    fn slot(&mut self, rule: Rule) -> &mut Option<Level> {
        match rule {
            Rule::Contradiction => &mut self.contradiction,
            Rule::UnattributedQuote => &mut self.unattributed_quote,
            Rule::InconsistentName => &mut self.inconsistent_name,
            Rule::UnbalancedQuote => &mut self.unbalanced_quote,
            Rule::SingleSource => &mut self.single_source,
            Rule::AnonymousSource => &mut self.anonymous_source,
            Rule::CircularReporting => &mut self.circular_reporting,
            Rule::QuoteDrift => &mut self.quote_drift,
        }
    }

    /// The configured level of a rule, if any.
    pub fn level(&self, rule: Rule) -> Option<Level> {
        match rule {
            Rule::Contradiction => self.contradiction,
            Rule::UnattributedQuote => self.unattributed_quote,
            Rule::InconsistentName => self.inconsistent_name,
            Rule::UnbalancedQuote => self.unbalanced_quote,
            Rule::SingleSource => self.single_source,
            Rule::AnonymousSource => self.anonymous_source,
            Rule::CircularReporting => self.circular_reporting,
            Rule::QuoteDrift => self.quote_drift,
        }
    }

    /// The severity a rule reports at; `None` when it is off.
    pub fn severity(&self, rule: Rule) -> Option<Severity> {
        match self.level(rule) {
            None => Some(rule.default_severity()),
            Some(Level::Error) => Some(Severity::Error),
            Some(Level::Warning) => Some(Severity::Warning),
            Some(Level::Info) => Some(Severity::Info),
            Some(Level::Off) => None,
        }
    }
}

/// `[house-style]`.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct HouseStyle {
    #[serde(default)]
    pub names: Vec<String>,
}

/// The whole file.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Config {
    pub fail_on: Option<FailLevel>,
    #[serde(default)]
    pub ignore: Vec<String>,
    #[serde(default)]
    pub outlets: Vec<String>,
    #[serde(default)]
    pub cues: Vec<String>,
    #[serde(default)]
    pub rules: Rules,
    #[serde(default)]
    pub house_style: HouseStyle,
    #[serde(default)]
    pub events: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    pub aliases: BTreeMap<String, Vec<String>>,
    /// The largest article read, in bytes (a number, or a string such as
    /// `"32M"`).
    #[serde(default, deserialize_with = "size")]
    pub max_article_bytes: Option<u64>,
    /// How all-numeric dates are read (`day-first`, `month-first`).
    pub day_order: Option<crate::ingest::DayOrder>,
    /// `[fields]`: where JSON records keep each part of an article.
    #[serde(default)]
    pub fields: crate::ingest::FieldMap,
    /// The web address of the rules' pages (a rule's page is this followed
    /// by its code), for SARIF's `helpUri`.
    pub docs_url: Option<String>,
    /// Where it was read from (not a key).
    #[serde(skip)]
    pub path: Option<PathBuf>,
}

pub use crate::error::ConfigError;

/// Parses a configuration text read from `path`.
pub fn parse(path: &Path, text: &str) -> Result<Config, ConfigError> {
    let mut config: Config = toml::from_str(text).map_err(|e| {
        let line = e
            .span()
            .map(|s| text[..s.start.min(text.len())].matches('\n').count() + 1);
        ConfigError {
            path: path.to_path_buf(),
            line,
            message: e.message().trim().to_string(),
        }
    })?;
    for pattern in &config.ignore {
        if let Err(e) = globset::Glob::new(pattern) {
            return Err(ConfigError {
                path: path.to_path_buf(),
                line: line_of(text, pattern),
                message: format!("bad ignore pattern `{pattern}`: {e}"),
            });
        }
    }
    config.path = Some(path.to_path_buf());
    Ok(config)
}

/// Parses a size: bytes, or a number followed by K, M or G (1024-based, an
/// optional `B` or `iB` after it), like `16M`, `512KiB`, `2000000`.
pub fn parse_size(text: &str) -> Result<u64, String> {
    let t = text.trim();
    let digits = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (number, unit) = t.split_at(digits);
    let number: u64 = number
        .parse()
        .map_err(|_| format!("expected a size such as 16M or 2000000, got {text:?}"))?;
    let unit = unit.trim().to_ascii_lowercase();
    let shift = match unit.trim_end_matches("ib").trim_end_matches('b') {
        "" => 0,
        "k" => 10,
        "m" => 20,
        "g" => 30,
        _ => {
            return Err(format!(
                "unknown size unit {unit:?} in {text:?}: use K, M or G"
            ));
        }
    };
    match number.checked_mul(1 << shift) {
        Some(0) | None => Err(format!("size {text:?} must be above 0 and below 16 EiB")),
        Some(n) => Ok(n),
    }
}

/// `max-article-bytes`: a number or a size string.
fn size<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<u64>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Size {
        Bytes(u64),
        Text(String),
    }
    match Size::deserialize(d)? {
        Size::Bytes(0) => Err(serde::de::Error::custom("size must be above 0")),
        Size::Bytes(n) => Ok(Some(n)),
        Size::Text(t) => parse_size(&t).map(Some).map_err(serde::de::Error::custom),
    }
}

/// A size as `max-article-bytes` takes it: with the largest unit that
/// divides it (`"16M"`), else in bytes.
fn size_value(bytes: u64) -> toml::Value {
    for (shift, unit) in [(30, 'G'), (20, 'M'), (10, 'K')] {
        if bytes.is_multiple_of(1 << shift) {
            return toml::Value::String(format!("{}{unit}", bytes >> shift));
        }
    }
    i64::try_from(bytes).map_or_else(
        |_| toml::Value::String(bytes.to_string()),
        toml::Value::Integer,
    )
}

/// The line a string first appears on, for errors found after parsing.
fn line_of(text: &str, needle: &str) -> Option<usize> {
    text.find(needle)
        .map(|i| text[..i].matches('\n').count() + 1)
}

/// The configuration file that governs the checked `paths` (`-` and no
/// path at all: the current directory `cwd`): for each, the nearest
/// directory from it upwards (from its directory, for a file) that holds
/// `claimcheck.toml` or `.claimcheck.toml`. Both in one directory is an
/// error, and so are paths governed by different files (or some by a file
/// and some by none): `--config FILE` chooses. `None`: no file, the
/// defaults.
pub fn find(paths: &[String], cwd: &Path) -> Result<Option<PathBuf>, Error> {
    let mut by_dir: HashMap<PathBuf, Option<PathBuf>> = HashMap::new();
    let mut first: Option<(&str, Option<PathBuf>)> = None;
    let here = [String::from("-")];
    for path in if paths.is_empty() { &here[..] } else { paths } {
        let start = if path == "-" {
            cwd.to_path_buf()
        } else {
            let full = absolute(cwd, Path::new(path));
            match full.parent() {
                Some(parent) if !full.is_dir() => parent.to_path_buf(),
                _ => full,
            }
        };
        let found = match by_dir.get(&start) {
            Some(found) => found.clone(),
            None => {
                let found = nearest(&start)?;
                by_dir.insert(start, found.clone());
                found
            }
        };
        match &first {
            None => first = Some((path, found)),
            Some((other, theirs)) if *theirs != found => {
                let under = |p: &Option<PathBuf>| {
                    p.as_ref()
                        .map_or("no configuration file".to_string(), |p| shown(cwd, p))
                };
                let name = |p: &str| {
                    if p == "-" {
                        "standard input".into()
                    } else {
                        crate::article::visible(p).into_owned()
                    }
                };
                return Err(Error::Usage(format!(
                    "the paths checked are under different configurations: {} under {}, {} under {}; \
                     check them apart, or choose one with --config FILE",
                    name(other),
                    under(theirs),
                    name(path),
                    under(&found)
                )));
            }
            Some(_) => {}
        }
    }
    Ok(first.and_then(|(_, found)| found))
}

/// The configuration file in `start` or the nearest directory above it.
fn nearest(start: &Path) -> Result<Option<PathBuf>, Error> {
    for dir in start.ancestors() {
        let plain = dir.join(FILE_NAME);
        let hidden = dir.join(HIDDEN_FILE_NAME);
        match (plain.is_file(), hidden.is_file()) {
            (true, true) => {
                return Err(Error::Usage(format!(
                    "{} and {} are both configuration files of {}: keep one (or choose with --config FILE)",
                    plain.display(),
                    HIDDEN_FILE_NAME,
                    dir.display()
                )));
            }
            (true, false) => return Ok(Some(plain)),
            (false, true) => return Ok(Some(hidden)),
            (false, false) => {}
        }
    }
    Ok(None)
}

/// A path as it is shown: relative to `cwd` when it is inside it.
fn shown(cwd: &Path, path: &Path) -> String {
    path.strip_prefix(cwd).unwrap_or(path).display().to_string()
}

/// Reads the configuration: `explicit` if given (it must exist), else the
/// file [`find`] finds for `paths`, else the defaults.
pub fn load(explicit: Option<&Path>, paths: &[String], cwd: &Path) -> Result<Config, Error> {
    let path = match explicit {
        Some(p) => Some(p.to_path_buf()),
        None => find(paths, cwd)?.map(|p| PathBuf::from(shown(cwd, &p))),
    };
    let Some(path) = path else {
        return Ok(Config::default());
    };
    let text = std::fs::read_to_string(&path).map_err(|e| ConfigError {
        path: path.clone(),
        line: None,
        message: format!("cannot read: {e}"),
    })?;
    Ok(parse(&path, &text)?)
}

impl Config {
    /// How inputs are read under this configuration, with the size limit
    /// given on the command line (if any) over the file's. The command
    /// line's other reading flags are laid over it by
    /// [`crate::commands::reading_for`].
    pub fn reading(&self, max_article_bytes: Option<u64>) -> crate::ingest::Reading {
        let ignore = (!self.ignore.is_empty()).then(|| {
            let cwd = std::env::current_dir().unwrap_or_default();
            crate::ingest::Ignore {
                set: self.ignore_set(),
                from: self.path.as_ref().map_or_else(
                    || "the configuration".to_string(),
                    |p| p.display().to_string(),
                ),
                base: self.base(&cwd),
                cwd,
            }
        });
        crate::ingest::Reading {
            ignore,
            exclude: crate::ingest::Exclude::default(),
            ignore_files: true,
            max_article_bytes: max_article_bytes
                .or(self.max_article_bytes)
                .unwrap_or(crate::ingest::DEFAULT_MAX_ARTICLE_BYTES),
            fields: self.fields.clone(),
            day_order: self.day_order.unwrap_or_default(),
            stdin_format: None,
        }
    }

    /// The directory the `ignore` globs are relative to: the file's (made
    /// absolute against `cwd`), else `cwd`.
    pub fn base(&self, cwd: &Path) -> PathBuf {
        match self.path.as_deref().and_then(Path::parent) {
            Some(dir) => absolute(cwd, dir),
            None => cwd.to_path_buf(),
        }
    }

    /// The configuration in force as TOML: every key, the file's values
    /// over the defaults, under a comment naming the file. It reads back
    /// as the same configuration.
    pub fn merged(&self, cwd: &Path) -> String {
        #[derive(Serialize)]
        #[serde(rename_all = "kebab-case")]
        struct Merged<'a> {
            fail_on: FailLevel,
            ignore: &'a [String],
            max_article_bytes: toml::Value,
            day_order: crate::ingest::DayOrder,
            outlets: &'a [String],
            cues: &'a [String],
            rules: Rules,
            house_style: &'a HouseStyle,
            events: &'a BTreeMap<String, Vec<String>>,
            fields: &'a crate::ingest::FieldMap,
            aliases: &'a BTreeMap<String, Vec<String>>,
        }
        let mut rules = self.rules.clone();
        for rule in Rule::ALL {
            let level = match rules.severity(rule) {
                None => Level::Off,
                Some(Severity::Error) => Level::Error,
                Some(Severity::Warning) => Level::Warning,
                Some(Severity::Info) => Level::Info,
            };
            *rules.slot(rule) = Some(level);
        }
        let merged = Merged {
            fail_on: self.fail_on.unwrap_or(FailLevel::Error),
            ignore: &self.ignore,
            max_article_bytes: size_value(
                self.max_article_bytes
                    .unwrap_or(crate::ingest::DEFAULT_MAX_ARTICLE_BYTES),
            ),
            day_order: self.day_order.unwrap_or_default(),
            outlets: &self.outlets,
            cues: &self.cues,
            rules,
            house_style: &self.house_style,
            events: &self.events,
            fields: &self.fields,
            aliases: &self.aliases,
        };
        let header = match &self.path {
            Some(path) => format!(
                "# The configuration in force: the defaults, with {} over them.\n\
                 # `ignore` globs are relative to {}.\n",
                path.display(),
                self.base(cwd).display()
            ),
            None => format!(
                "# The configuration in force: the defaults (no {FILE_NAME} or {HIDDEN_FILE_NAME} \
                 from the paths upwards).\n"
            ),
        };
        // Every value here is one TOML can hold.
        let body = toml::to_string(&merged).unwrap_or_default();
        format!("{header}{body}")
    }

    /// The ignore patterns as one matcher.
    pub fn ignore_set(&self) -> globset::GlobSet {
        let mut b = globset::GlobSetBuilder::new();
        for p in &self.ignore {
            if let Ok(g) = globset::Glob::new(p) {
                b.add(g);
            }
        }
        b.build().unwrap_or_else(|_| globset::GlobSet::empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(text: &str) -> ConfigError {
        parse(Path::new("claimcheck.toml"), text).unwrap_err()
    }

    #[test]
    fn the_default_file_parses_and_means_the_defaults() {
        let c = parse(Path::new("claimcheck.toml"), DEFAULT).unwrap();
        for r in Rule::ALL {
            assert_eq!(c.rules.severity(r), Some(r.default_severity()), "{r:?}");
        }
        assert_eq!(c.fail_on, Some(FailLevel::Error));
    }

    #[test]
    fn unknown_keys_and_bad_values_name_their_line() {
        let e = err("fail-on = \"error\"\n\n[rules]\ncontradictions = \"error\"\n");
        assert_eq!(e.line, Some(4), "{e}");
        assert!(e.message.contains("contradictions"), "{e}");
        let e = err("[rules]\nquote-drift = \"loud\"\n");
        assert_eq!(e.line, Some(2), "{e}");
        let e = err("colour = true\n");
        assert_eq!(e.line, Some(1));
        assert!(e.to_string().starts_with("claimcheck.toml:1: "), "{e}");
        let e = err("ignore = [\"[unclosed\"]\n");
        assert!(e.message.contains("bad ignore pattern"), "{e}");
    }

    #[test]
    fn rules_can_be_turned_off_or_moved() {
        let c = parse(
            Path::new("c.toml"),
            "[rules]\nsingle-source = \"off\"\nquote-drift = \"error\"\n",
        )
        .unwrap();
        assert_eq!(c.rules.severity(Rule::SingleSource), None);
        assert_eq!(c.rules.severity(Rule::QuoteDrift), Some(Severity::Error));
    }

    #[test]
    fn sizes_in_bytes_or_with_a_binary_unit() {
        assert_eq!(parse_size("2000000"), Ok(2_000_000));
        assert_eq!(parse_size("16M"), Ok(16 << 20));
        assert_eq!(parse_size("512KiB"), Ok(512 << 10));
        assert_eq!(parse_size("1 GB"), Ok(1 << 30));
        for bad in ["", "M", "0", "12Q", "-5", "99999999999G"] {
            assert!(parse_size(bad).is_err(), "{bad}");
        }
        let c = parse(Path::new("c.toml"), "max-article-bytes = \"2K\"\n").unwrap();
        assert_eq!(c.reading(None).max_article_bytes, 2048);
        assert_eq!(c.reading(Some(10)).max_article_bytes, 10);
        let c = parse(Path::new("c.toml"), "max-article-bytes = 4096\n").unwrap();
        assert_eq!(c.max_article_bytes, Some(4096));
        let e = err("max-article-bytes = \"lots\"\n");
        assert_eq!(e.line, Some(1), "{e}");
    }

    #[test]
    fn the_file_is_found_from_each_path_and_must_be_one() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for d in ["a/deep", "b", "c"] {
            std::fs::create_dir_all(root.join(d)).unwrap();
        }
        std::fs::write(root.join("a/claimcheck.toml"), "").unwrap();
        std::fs::write(root.join("b/.claimcheck.toml"), "").unwrap();
        let paths = |p: &[&str]| p.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let a = Some(root.join("a/claimcheck.toml"));
        assert_eq!(find(&paths(&["a/deep/x.txt", "a"]), root).unwrap(), a);
        // From the path, not the current directory; `-` is the current one.
        assert_eq!(find(&paths(&["../a/deep"]), &root.join("c")).unwrap(), a);
        assert_eq!(find(&[], &root.join("a/deep")).unwrap(), a);
        assert_eq!(find(&paths(&["-"]), &root.join("c")).unwrap(), None);
        assert_eq!(
            find(&paths(&["b/new.txt"]), root).unwrap(),
            Some(root.join("b/.claimcheck.toml"))
        );
        let e = find(&paths(&["a/deep", "b"]), root)
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("a/deep under a/claimcheck.toml, b under b/.claimcheck.toml"),
            "{e}"
        );
        let e = find(&paths(&["a", "c"]), root).unwrap_err().to_string();
        assert!(e.contains("c under no configuration file"), "{e}");
        std::fs::write(root.join("b/claimcheck.toml"), "").unwrap();
        let e = find(&paths(&["b"]), root).unwrap_err().to_string();
        assert!(e.contains("are both configuration files"), "{e}");
    }

    #[test]
    fn the_merged_configuration_reads_back_as_the_same() {
        let text = "fail-on = \"never\"\nmax-article-bytes = 1000\ncues = [\"mused\"]\n\
                    [rules]\nsingle-source = \"off\"\n[events]\ntalks = [\"parley\"]\n";
        let c = parse(Path::new("c.toml"), text).unwrap();
        let shown = c.merged(Path::new("/"));
        assert!(shown.starts_with("# The configuration in force: the defaults, with c.toml"));
        let back = parse(Path::new("shown.toml"), &shown).unwrap();
        assert_eq!(back.fail_on, Some(FailLevel::Never));
        assert_eq!(back.max_article_bytes, Some(1000));
        assert_eq!(back.cues, ["mused"]);
        assert_eq!(back.events["talks"], ["parley"]);
        for r in Rule::ALL {
            assert_eq!(back.rules.severity(r), c.rules.severity(r), "{r:?}");
            assert!(back.rules.level(r).is_some(), "{r:?} written out");
        }
        assert_eq!(size_value(16 << 20), toml::Value::String("16M".into()));
        assert_eq!(size_value(1000), toml::Value::Integer(1000));
    }

    #[test]
    fn fields_and_day_order_flow_into_reading() {
        use crate::ingest::{DayOrder, Field};
        let c = parse(
            Path::new("c.toml"),
            "day-order = \"month-first\"\n[fields]\ntext = \"body\"\noutlet = \"site.name\"\n",
        )
        .unwrap();
        let reading = c.reading(None);
        assert_eq!(reading.day_order, DayOrder::MonthFirst);
        assert_eq!(reading.fields.name(Field::Text), Some("body"));
        assert_eq!(reading.fields.name(Field::Source), Some("site.name"));
        assert_eq!(
            Config::default().reading(None).day_order,
            DayOrder::DayFirst
        );
        let e = err("[fields]\ntext = \"body\"\nbody = \"text\"\n");
        assert_eq!(e.line, Some(3), "{e}");
        assert!(e.message.contains("body"), "{e}");
        let e = err("day-order = \"year-first\"\n");
        assert_eq!(e.line, Some(1), "{e}");
    }
}
