//! Command-line interface types (clap derive). Parsing only: [`crate::run`]
//! does the work.

use clap::{Args as ClapArgs, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

const EXIT_CODES: &str = "\
Exit codes:
  0  ran; no finding at or above the fail level
  1  findings at or above the fail level
  2  usage error, a bad claimcheck.toml, or an input that could not be read (every other input
     is still processed)";

/// Checks claims and their sources across sets of news articles.
///
/// Give it the articles of one story (files, directories, `-` for stdin); with
/// no paths it runs on the two seed articles built into the binary.
#[derive(Debug, Parser)]
#[command(name = "claimcheck", version, after_help = EXIT_CODES)]
pub struct Args {
    #[command(subcommand)]
    pub command: Command,

    /// When to colour the output: auto colours a terminal unless NO_COLOR is set
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, global = true)]
    pub color: ColorChoice,

    /// Write the report to FILE (atomically: a temporary file, then a rename)
    #[arg(long, short = 'o', value_name = "FILE", global = true)]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run every check over the articles and report findings (the main job)
    #[command(after_help = EXIT_CODES)]
    Check(CheckArgs),
    /// List what was extracted from each article: statements, sentences,
    /// excluded regions; with --claims, the claims and the entity table
    #[command(after_help = EXIT_CODES)]
    Extract(ExtractArgs),
    /// Show the sources the articles rely on: attribution chains and the
    /// source graph (--format human, json, dot or mermaid)
    #[command(after_help = EXIT_CODES)]
    Sources(CommonArgs),
    /// Line up claims across the articles: agreements and contradictions;
    /// with --claim, what each article says about one claim
    #[command(after_help = EXIT_CODES)]
    Compare(CompareArgs),
    /// Explain a rule: what it finds and what to do (`claimcheck explain
    /// contradiction`); with no rule, list them all
    Explain(ExplainArgs),
    /// Write a commented default claimcheck.toml in the current directory
    Init(InitArgs),
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

    /// Suppress the findings recorded in FILE (matched by fingerprint, not
    /// line): they stay in the report, marked suppressed, and never fail
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,

    /// Record today's findings in FILE, for a later --baseline
    #[arg(long, value_name = "FILE")]
    pub write_baseline: Option<PathBuf>,

    /// Cluster runs: the alignments of every block (`compare --block`
    /// output), used instead of aligning the records here
    #[arg(long, value_name = "FILE", num_args = 1.., requires = "from_records")]
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
    #[arg(long, value_name = "FILE")]
    pub write_entities: Option<PathBuf>,

    /// Cluster runs: resolve mentions with this entity table (written by
    /// `--write-entities` over the whole set) instead of over the records
    /// given
    #[arg(long, value_name = "FILE", requires = "block")]
    pub entities: Option<PathBuf>,

    /// Cluster runs: align the claims of this block (an event) only and
    /// write its alignments as JSON lines for `check --alignments`
    #[arg(long, value_name = "EVENT", requires_all = ["entities", "from_records"])]
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
            Command::Explain(_) | Command::Init(_) => &NO_ARGS,
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
    files_from: None,
    from_records: false,
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
    /// (streams; memory holds one batch of articles)
    #[arg(long, conflicts_with_all = ["claims", "format"])]
    pub records: bool,
}

/// Arguments every subcommand takes.
#[derive(Debug, ClapArgs)]
pub struct CommonArgs {
    /// Article files (.txt, .md, .jsonl), directories (walked recursively), or
    /// `-` for one article on stdin; none: the embedded seed articles
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

    /// The configuration file (default: claimcheck.toml in the current
    /// directory or the nearest one above it)
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// Read more PATHS from FILE, one per line (`-`: standard input), for
    /// sets too long for a command line
    #[arg(long, value_name = "FILE")]
    pub files_from: Option<PathBuf>,

    /// The PATHS are claim records written by `extract --records` (JSON
    /// Lines, `-` for stdin), not articles: extraction is skipped and the
    /// findings are those of a run over the articles themselves
    #[arg(long)]
    pub from_records: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Readable, coloured text
    Human,
    /// One JSON document with a `version` field
    Json,
    /// One JSON object per line: a statement (`extract`), a claim (`extract
    /// --claims`), a finding (`check`)
    Jsonl,
    /// The source graph for Graphviz (`sources`)
    Dot,
    /// The source graph as a Mermaid flowchart (`sources`)
    Mermaid,
    /// SARIF 2.1.0 for GitHub code scanning and other SARIF viewers (`check`)
    Sarif,
    /// GitHub Actions workflow commands: one annotation per finding (`check`)
    Github,
    /// A Markdown report to post as a pull-request comment (`check`)
    Markdown,
    /// JUnit XML: one test case per article, a failure per finding (`check`)
    Junit,
    /// A self-contained HTML page to share: the fact-check report (`check`)
    Html,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
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
