//! Command-line interface types (clap derive). Parsing only: [`crate::run`]
//! does the work.

use clap::builder::{PossibleValuesParser, TypedValueParser};
use clap::{Args as ClapArgs, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// The exit codes of `check` (and of the program as a whole).
const EXIT_CODES: &str = "\
Exit codes:
  0  ran; no finding at or above the fail level (or --write-baseline wrote the baseline)
  1  findings at or above the fail level
  2  usage error, a bad claimcheck.toml, or an input that could not be read (every other input
     is still processed)";

/// The exit codes of the commands that report without judging (`extract`,
/// `sources`, `compare`): they never exit 1.
const EXIT_CODES_REPORT: &str = "\
Exit codes:
  0  ran, every input read
  2  usage error, a bad claimcheck.toml, or an input that could not be read (every other input
     is still processed)";

/// The exit codes of `explain` and `init`.
const EXIT_CODES_HELP: &str = "\
Exit codes:
  0  done
  2  usage error (an unknown rule; claimcheck.toml exists already) or the file could not be written";

/// The exit codes of `config --show`.
const EXIT_CODES_CONFIG: &str = "\
Exit codes:
  0  done
  2  usage error (the paths are under different configuration files) or a bad configuration file";

/// The help heading of the flags that split a run into stages for a cluster.
const CLUSTER: &str = "Cluster runs";

/// The formats each subcommand writes.
const CHECK_FORMATS: &[Format] = &[
    Format::Human,
    Format::Concise,
    Format::Json,
    Format::Jsonl,
    Format::Sarif,
    Format::Github,
    Format::Gitlab,
    Format::Markdown,
    Format::Junit,
    Format::Html,
];
const EXTRACT_FORMATS: &[Format] = &[Format::Human, Format::Json, Format::Jsonl, Format::Conllu];
const SOURCES_FORMATS: &[Format] = &[
    Format::Human,
    Format::Json,
    Format::Jsonl,
    Format::Dot,
    Format::Mermaid,
];
const COMPARE_FORMATS: &[Format] = &[Format::Human, Format::Json];

/// `--format` of one subcommand: only its own formats are accepted and
/// listed in its `--help`; another subcommand's format is refused with the
/// subcommand that writes it.
fn formats(allowed: &'static [Format]) -> FormatParser {
    FormatParser { allowed }
}

/// The value parser of `--format`: one subcommand's formats.
#[derive(Debug, Clone, Copy)]
pub struct FormatParser {
    allowed: &'static [Format],
}

impl TypedValueParser for FormatParser {
    type Value = Format;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<Format, clap::Error> {
        let name = value.to_string_lossy();
        match Format::from_str(&name, true) {
            Ok(f) if self.allowed.contains(&f) => Ok(f),
            Ok(f) => {
                let mut err = clap::Error::raw(
                    clap::error::ErrorKind::InvalidValue,
                    format!("{}\n", f.belongs_elsewhere()),
                );
                err = err.with_cmd(cmd);
                Err(err)
            }
            Err(_) => {
                let names = self.allowed.iter().filter_map(ValueEnum::to_possible_value);
                PossibleValuesParser::new(names)
                    .parse_ref(cmd, arg, value)
                    .and_then(|n| {
                        Format::from_str(&n, true)
                            .map_err(|e| clap::Error::raw(clap::error::ErrorKind::InvalidValue, e))
                    })
            }
        }
    }

    fn possible_values(
        &self,
    ) -> Option<Box<dyn Iterator<Item = clap::builder::PossibleValue> + '_>> {
        Some(Box::new(
            self.allowed.iter().filter_map(ValueEnum::to_possible_value),
        ))
    }
}

impl Format {
    /// The format's name on the command line.
    pub fn name(self) -> String {
        self.to_possible_value()
            .map(|v| v.get_name().to_string())
            .unwrap_or_default()
    }

    /// Why a subcommand that does not write this format refuses it, and
    /// which one does.
    pub fn belongs_elsewhere(self) -> String {
        let name = self.name();
        match self {
            Format::Dot | Format::Mermaid => {
                format!("--format {name} draws the source graph: use it with `claimcheck sources`")
            }
            Format::Sarif
            | Format::Github
            | Format::Gitlab
            | Format::Markdown
            | Format::Junit
            | Format::Concise => {
                format!("--format {name} reports findings: use it with `claimcheck check`")
            }
            Format::Html => {
                "--format html writes the fact-check report: use it with `claimcheck check`"
                    .to_string()
            }
            Format::Conllu => {
                "--format conllu writes the syntax: use it with `claimcheck extract --syntax`"
                    .to_string()
            }
            Format::Human | Format::Json | Format::Jsonl => {
                let takers: Vec<String> = ["check", "extract", "sources", "compare"]
                    .into_iter()
                    .filter(|c| formats_of(c).contains(&self))
                    .map(|c| format!("`claimcheck {c}`"))
                    .collect();
                format!("--format {name} is for {}", takers.join(", "))
            }
        }
    }
}

/// The formats `command` (by name) accepts.
pub fn formats_of(command: &str) -> &'static [Format] {
    match command {
        "check" => CHECK_FORMATS,
        "extract" => EXTRACT_FORMATS,
        "sources" => SOURCES_FORMATS,
        "compare" => COMPARE_FORMATS,
        _ => &[],
    }
}

/// Checks claims and their sources across sets of news articles.
///
/// Give it the articles of one story (files, directories, `-` for stdin); with
/// no paths it runs on the two seed articles built into the binary.
#[derive(Debug, Parser)]
#[command(name = "claimcheck", version, after_help = EXIT_CODES)]
pub struct Args {
    #[command(subcommand)]
    pub command: Command,

    /// When to colour the output: auto colours a terminal, unless NO_COLOR
    /// is set or CLICOLOR=0; CLICOLOR_FORCE colours a pipe too
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, global = true)]
    pub color: ColorChoice,

    /// Write the report to FILE (atomically: a temporary file, then a rename)
    #[arg(long, short = 'o', value_name = "FILE", global = true)]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run every check over the articles and report findings (the main job)
    #[command(after_help = EXIT_CODES, mut_arg("format", |a| a.value_parser(formats(CHECK_FORMATS))))]
    Check(CheckArgs),
    /// List what was extracted from each article: statements, sentences,
    /// excluded regions; with --claims, the claims and the entity table
    #[command(after_help = EXIT_CODES_REPORT, mut_arg("format", |a| a.value_parser(formats(EXTRACT_FORMATS))))]
    Extract(ExtractArgs),
    /// Show the sources the articles rely on: attribution chains and the
    /// source graph
    #[command(after_help = EXIT_CODES_REPORT, mut_arg("format", |a| a.value_parser(formats(SOURCES_FORMATS))))]
    Sources(CommonArgs),
    /// Line up claims across the articles: agreements and contradictions;
    /// with --claim, what each article says about one claim
    #[command(after_help = EXIT_CODES_REPORT, mut_arg("format", |a| a.value_parser(formats(COMPARE_FORMATS))))]
    Compare(CompareArgs),
    /// Explain a rule: what it finds and what to do (`claimcheck explain
    /// contradiction`); with no rule, list them all
    #[command(after_help = EXIT_CODES_HELP)]
    Explain(ExplainArgs),
    /// Write a commented default claimcheck.toml in the current directory
    /// (or in --output FILE)
    #[command(after_help = EXIT_CODES_HELP)]
    Init(InitArgs),
    /// Print the configuration in force for the PATHS (`claimcheck config
    /// --show`): every key, the file's values over the defaults, as TOML
    #[command(after_help = EXIT_CODES_CONFIG)]
    Config(ConfigArgs),
    /// Print a shell completion script (`claimcheck completions bash >
    /// /etc/bash_completion.d/claimcheck`)
    #[command(after_help = EXIT_CODES_HELP)]
    Completions(CompletionsArgs),
    /// Print the manual page (roff) of claimcheck or of one subcommand
    /// (`claimcheck man > claimcheck.1`, `claimcheck man check`)
    #[command(after_help = EXIT_CODES_HELP)]
    Man(ManArgs),
}

/// `completions`' arguments.
#[derive(Debug, ClapArgs)]
pub struct CompletionsArgs {
    /// The shell: bash, elvish, fish, powershell or zsh
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// `man`'s arguments.
#[derive(Debug, ClapArgs)]
pub struct ManArgs {
    /// A subcommand's page instead of the program's (`check`, `extract`, …)
    pub subcommand: Option<String>,
}

/// `config`'s arguments.
#[derive(Debug, ClapArgs)]
pub struct ConfigArgs {
    /// Print the configuration in force, with a comment naming the file it
    /// came from
    #[arg(long, required = true)]
    pub show: bool,

    /// The paths whose configuration to show, as `check` would find it
    /// (default: the current directory)
    #[arg(value_name = "PATHS")]
    pub paths: Vec<String>,

    /// The configuration file to show instead of the one found
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
}

/// `init`'s arguments.
#[derive(Debug, ClapArgs)]
pub struct InitArgs {
    /// Overwrite an existing claimcheck.toml
    #[arg(long)]
    pub force: bool,
}

/// `check`'s arguments.
#[derive(Debug, ClapArgs)]
pub struct CheckArgs {
    #[command(flatten)]
    pub common: CommonArgs,

    /// The lowest severity that makes the exit code 1 (default: the
    /// config's `fail-on`, else error)
    #[arg(long, value_enum, value_name = "LEVEL")]
    pub fail_on: Option<FailOn>,

    /// Findings only: no summary, no input or suppression lines (the
    /// exit code still says what the summary would)
    #[arg(long, short, conflicts_with = "verbose")]
    pub quiet: bool,

    /// Suppress the findings recorded in FILE (matched by fingerprint, not
    /// line): they stay in the report, marked suppressed, and never fail
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,

    /// Record today's findings in FILE, for a later --baseline; the run
    /// then exits 0 unless an input could not be read
    #[arg(long, value_name = "FILE")]
    pub write_baseline: Option<PathBuf>,

    /// The directory the SARIF, Markdown, GitHub and GitLab reports give
    /// paths relative to (default: the git work tree around the current
    /// directory, else the current directory)
    #[arg(long, value_name = "DIR")]
    pub root: Option<PathBuf>,

    /// The web address of the rules' pages: a rule's page is URL followed by
    /// its code (SARIF `helpUri`; default: the config's `docs-url`, else none)
    #[arg(long, value_name = "URL")]
    pub docs_url: Option<String>,

    /// Link each place in the Markdown report to URL followed by its path
    /// under --root and `#L` line (default in GitHub Actions: the blob of
    /// $GITHUB_SHA)
    #[arg(long, value_name = "URL")]
    pub link_base: Option<String>,

    /// Cluster runs: the alignments of every block (`compare --block`
    /// output), used instead of aligning the records here
    #[arg(long, value_name = "FILE", num_args = 1.., requires = "from_records", help_heading = CLUSTER)]
    pub alignments: Vec<PathBuf>,
}

/// `compare`'s arguments.
#[derive(Debug, ClapArgs)]
pub struct CompareArgs {
    #[command(flatten)]
    pub common: CommonArgs,

    /// Check one claim against each article: agreement, contradiction,
    /// neutral or unrelated, with evidence (`--claim "Talks were held in
    /// Gomel"`)
    #[arg(long, value_name = "TEXT")]
    pub claim: Option<String>,

    /// The date the claim refers to, to resolve "on Monday" in it
    /// (YYYY-MM-DD)
    #[arg(long, value_name = "DATE", requires = "claim")]
    pub claim_date: Option<String>,

    /// Cluster runs: write the set's entity table to FILE (for `--entities`
    /// on the workers that compare one block each)
    #[arg(long, value_name = "FILE", help_heading = CLUSTER)]
    pub write_entities: Option<PathBuf>,

    /// Cluster runs: resolve mentions with this entity table (written by
    /// `--write-entities` over the whole set) instead of over the records
    /// given
    #[arg(long, value_name = "FILE", requires = "block", help_heading = CLUSTER)]
    pub entities: Option<PathBuf>,

    /// Cluster runs: align the claims of this block (an event) only and
    /// write its alignments as JSON lines for `check --alignments`
    #[arg(long, value_name = "EVENT", requires_all = ["entities", "from_records"], help_heading = CLUSTER)]
    pub block: Option<String>,
}

/// `explain`'s arguments.
#[derive(Debug, ClapArgs)]
pub struct ExplainArgs {
    /// A rule code (`contradiction`, `inconsistent-name`, …)
    pub rule: Option<String>,
}

/// The lowest severity that fails a run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    Error,
    Warning,
    Info,
    Never,
}

impl Command {
    pub fn common(&self) -> &CommonArgs {
        match self {
            Command::Sources(c) => c,
            Command::Compare(c) => &c.common,
            Command::Check(c) => &c.common,
            Command::Extract(e) => &e.common,
            Command::Explain(_)
            | Command::Init(_)
            | Command::Config(_)
            | Command::Completions(_)
            | Command::Man(_) => &NO_ARGS,
        }
    }

    pub fn name(&self) -> &'static str {
        match self {
            Command::Check(_) => "check",
            Command::Extract(_) => "extract",
            Command::Sources(_) => "sources",
            Command::Compare(_) => "compare",
            Command::Explain(_) => "explain",
            Command::Init(_) => "init",
            Command::Config(_) => "config",
            Command::Completions(_) => "completions",
            Command::Man(_) => "man",
        }
    }
}

/// The common arguments of a command that takes none (`explain`).
static NO_ARGS: CommonArgs = CommonArgs {
    paths: Vec::new(),
    format: Format::Human,
    cues: Vec::new(),
    outlets: Vec::new(),
    events: Vec::new(),
    config: None,
    exclude: Vec::new(),
    no_ignore: false,
    files_from: None,
    from_records: false,
    max_article_bytes: None,
    fields: Vec::new(),
    stdin_format: None,
    day_order: None,
    verbose: false,
};

/// `extract`'s arguments.
#[derive(Debug, ClapArgs)]
pub struct ExtractArgs {
    #[command(flatten)]
    pub common: CommonArgs,

    /// List claims (event, place, time, quantity, polarity, participants,
    /// chain) and the entities they name, instead of statements
    #[arg(long)]
    pub claims: bool,

    /// Write claim records instead: one JSON line per article with its
    /// text, statements, chains, claims, entity mentions and comparator
    /// block keys, for `check --from-records` and `compare --from-records`
    /// (streams; memory holds one batch of articles). With `-o FILE.zst`
    /// the records are compressed with Zstandard (`--from-records` reads
    /// both)
    #[arg(long, conflicts_with_all = ["claims", "format"])]
    pub records: bool,

    /// Show the syntax instead: each sentence's words with their part of
    /// speech, lemma, head and dependency relation (human, json, or conllu
    /// for CoNLL-U)
    #[arg(long, conflicts_with_all = ["claims", "records"])]
    pub syntax: bool,

    /// Read quotations off the parse as well, as `check` does: reported
    /// clauses and mixed quotes the token rules miss (about 30 times
    /// slower than the token rules alone; `--claims` and `--records`
    /// always parse)
    #[arg(long)]
    pub parse: bool,
}

/// Arguments every subcommand takes.
#[derive(Debug, ClapArgs)]
pub struct CommonArgs {
    /// Article files (.txt, .md, .jsonl, .json), directories (walked
    /// recursively), or `-` for stdin; none: the embedded seed articles
    #[arg(value_name = "PATHS")]
    pub paths: Vec<String>,

    /// Output format
    #[arg(long, short = 'f', value_enum, default_value_t = Format::Human)]
    pub format: Format,

    /// An extra reporting verb for the quotation grammar, in the form the
    /// text uses (repeat for each form: --cue grumbled --cue grumbles)
    #[arg(long = "cue", value_name = "WORD")]
    pub cues: Vec<String>,

    /// An extra news outlet name for attribution chains ("Coast Radio");
    /// repeat for each
    #[arg(long = "outlet", value_name = "NAME")]
    pub outlets: Vec<String>,

    /// An extra word for an event type of the claims, new or built in
    /// (`--event vaccination=vaccinate --event talks=parley`); the word is
    /// taken as a verb lemma and as a noun
    #[arg(long = "event", value_name = "EVENT=WORD", value_parser = parse_event)]
    pub events: Vec<(String, String)>,

    /// The configuration file (default: claimcheck.toml or
    /// .claimcheck.toml in the directory of the PATHS or the nearest one
    /// above it; the PATHS must all be under the same one)
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// Leave out of the directories walked what GLOB matches: a .gitignore
    /// line, relative to the directory walked (`--exclude drafts/
    /// --exclude '*.json'`); repeat for each. Files named as PATHS are read
    /// all the same
    #[arg(long, value_name = "GLOB", value_parser = crate::ingest::walk::check_pattern)]
    pub exclude: Vec<String>,

    /// Read what .gitignore (in a git repository), .ignore and
    /// .claimcheckignore files leave out of the directories walked (hidden
    /// entries, --exclude and the configuration's ignore still apply)
    #[arg(long)]
    pub no_ignore: bool,

    /// Read more PATHS from FILE, one per line (`-`: standard input), for
    /// sets too long for a command line
    #[arg(long, value_name = "FILE")]
    pub files_from: Option<PathBuf>,

    /// The largest article read: a text or Markdown file, one JSON Lines
    /// record, one element of a JSON file and the file itself, standard
    /// input (bytes, or with K, M or G: 1024-based; default 16M); a larger
    /// one is an input error naming it
    #[arg(long, value_name = "SIZE", value_parser = crate::config::parse_size)]
    pub max_article_bytes: Option<u64>,

    /// Where JSON records (.jsonl, .json) keep one part of the article: KEY
    /// is id, text, date, source (or outlet), url, title or author; NAME a
    /// field, or a dotted path into nested objects (`--field text=body
    /// --field date=meta.published_at`). Over `[fields]` in claimcheck.toml;
    /// a key not given is looked for under common CMS names
    #[arg(long = "field", value_name = "KEY=NAME", value_parser = parse_field)]
    pub fields: Vec<(crate::ingest::Field, String)>,

    /// The format of `-` (standard input); default: sniffed from its first
    /// bytes (`{` JSON Lines, `[` JSON, a `---` line Markdown, `<?xml`,
    /// `<rss` or `<feed` a feed, any other `<` HTML, else text)
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub stdin_format: Option<crate::ingest::Format>,

    /// How an all-numeric date such as 03/04/2022 is read (default: the
    /// config's `day-order`, else day-first); one that reads only one way
    /// (28/02/2022) is read that way
    #[arg(long, value_enum, value_name = "ORDER")]
    pub day_order: Option<crate::ingest::DayOrder>,

    /// Tell on stderr what was read and done: each input (read, skipped
    /// and why, failed), each article's sentences, statements and claims,
    /// the time of each stage; the report on stdout does not change
    #[arg(long, short)]
    pub verbose: bool,

    /// The PATHS are claim records written by `extract --records` (JSON
    /// Lines, `-` for stdin), not articles: extraction is skipped and the
    /// findings are those of a run over the articles themselves
    #[arg(long, help_heading = CLUSTER)]
    pub from_records: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Readable, coloured text
    Human,
    /// One line per finding, `path:line:column: severity[rule]: message`,
    /// for editors and problem matchers
    Concise,
    /// One JSON document with a `version` field
    Json,
    /// One JSON object per line: a statement (`extract`), a claim (`extract
    /// --claims`), a finding (`check`), a node or edge of the source graph
    /// (`sources`)
    Jsonl,
    /// The source graph for Graphviz
    Dot,
    /// The source graph as a Mermaid flowchart
    Mermaid,
    /// SARIF 2.1.0 for GitHub code scanning and other SARIF viewers
    Sarif,
    /// GitHub Actions workflow commands: one annotation per finding
    Github,
    /// GitLab Code Quality JSON (a `codequality` report artifact)
    Gitlab,
    /// A Markdown report to post as a pull-request comment
    Markdown,
    /// JUnit XML: one test case per article, a failure per finding
    Junit,
    /// A self-contained HTML page to share: the fact-check report
    Html,
    /// CoNLL-U, the Universal Dependencies format: the syntax of each
    /// sentence (`extract --syntax`)
    Conllu,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// `KEY=NAME` of `--field`: an unknown key is a usage error listing the
/// keys.
fn parse_field(s: &str) -> Result<(crate::ingest::Field, String), String> {
    let Some((key, name)) = s.split_once('=') else {
        return Err(format!(
            "expected KEY=NAME (like text=body or date=meta.published_at), got {s:?}"
        ));
    };
    let field = crate::ingest::Field::from_key(key)?;
    let name = name.trim();
    if name.is_empty() {
        return Err(format!("--field {s}: give the name of the field after `=`"));
    }
    Ok((field, name.to_string()))
}

/// `EVENT=WORD` of `--event`.
fn parse_event(s: &str) -> Result<(String, String), String> {
    match s.split_once('=') {
        Some((e, w)) if !e.trim().is_empty() && !w.trim().is_empty() => {
            Ok((e.trim().to_lowercase(), w.trim().to_string()))
        }
        _ => Err(format!(
            "expected EVENT=WORD (like talks=parley), got {s:?}"
        )),
    }
}
