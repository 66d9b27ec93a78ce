//! Orchestration only: arguments → ingest → segment → report → [`Outcome`].

use crate::article::Article;
use crate::claims::{self, ArticleClaims, ClaimSettings};
use crate::cli::{Args, ColorChoice, Command, FailOn, Format};
use crate::compare::{self, Comparison};
use crate::error::Error;
use crate::grammar::{self, ParseIssue, lexicon::Lexicon};
use crate::ingest::{self, Ingested, InputRecord};
use crate::report::{self, Reporter, View};
use crate::resolve::{self, entities::Entities};
use crate::rules::{Finding, RuleOptions, Severity};
use crate::segment::{self, Segmented};
use crate::sources::{self, ArticleChains, Chain, Outlets};
use crate::speakers::{self, PersonName, Resolved};
use std::io::{IsTerminal, Read, Write};

/// One article with everything the pipeline found in it.
#[derive(Debug)]
pub struct AnalyzedArticle {
    pub article: Article,
    pub segments: Segmented,
    /// Statements in text order, speakers resolved.
    pub statements: Vec<Resolved>,
    /// Unbalanced or too deeply nested quote marks.
    pub issues: Vec<ParseIssue>,
    /// The attribution chain of each statement (same order as `statements`).
    pub chains: Vec<Chain>,
    /// The people the article introduces by full name.
    pub people: Vec<PersonName>,
    /// Claims and entity mentions (empty unless [`Settings::claims`]).
    pub claims: ArticleClaims,
}

impl AnalyzedArticle {
    /// Runs every per-article stage on one article.
    pub fn new(article: Article, settings: &Settings) -> Self {
        let segments = segment::segment(&article);
        let parsed = grammar::parse(&article, &segments, &settings.lexicon);
        let issues = parsed.issues.clone();
        let (statements, people) = speakers::resolve_with_people(&article, &segments, parsed);
        let chains = sources::chains(&article, &statements, &settings.outlets);
        let claims = if settings.claims {
            claims::extract(
                &claims::Context {
                    article: &article,
                    segments: &segments,
                    statements: &statements,
                    chains: &chains,
                    people: &people,
                    outlets: &settings.outlets,
                },
                &settings.claim_settings,
            )
        } else {
            ArticleClaims::default()
        };
        AnalyzedArticle {
            article,
            segments,
            statements,
            issues,
            chains,
            people,
            claims,
        }
    }
}

/// What the user can extend (cue verbs, outlets, event words), and whether
/// claims are extracted.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    pub lexicon: Lexicon,
    pub outlets: Outlets,
    pub claim_settings: ClaimSettings,
    /// Extract claims and resolve entities across the set.
    pub claims: bool,
    /// Spellings that name one entity: (canonical name, spellings).
    pub aliases: Vec<(String, Vec<String>)>,
}

impl AnalyzedArticle {
    /// This article's statements and chains, as the source graph reads them.
    pub fn article_chains(&self) -> ArticleChains<'_> {
        ArticleChains {
            article: &self.article,
            statements: &self.statements,
            chains: &self.chains,
        }
    }
}

/// Everything a run found: the input list and the analysed articles.
#[derive(Debug, Default)]
pub struct Analysis {
    pub inputs: Vec<InputRecord>,
    pub articles: Vec<AnalyzedArticle>,
    /// Entities across the set (empty unless claims were extracted).
    pub entities: Entities,
    /// Alignments, verdicts and quote drift (empty unless claims were
    /// extracted).
    pub comparison: Comparison,
    /// What `check` reports (empty for the other commands).
    pub findings: Vec<Finding>,
    /// `compare --claim`: the claim and what each article says about it.
    pub claim_check: Option<ClaimCheck>,
}

/// The claim of `compare --claim` and one verdict per article.
#[derive(Debug)]
pub struct ClaimCheck {
    pub claim: String,
    pub verdicts: Vec<crate::compare::claim::ClaimVerdict>,
}

/// How a run ended; [`Outcome::exit_code`] maps it to the process exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Ran; no finding at or above the fail level.
    Clean,
    /// Findings at or above the fail level.
    Findings,
    /// At least one input could not be read (the others were processed).
    InputErrors,
}

impl Outcome {
    pub fn exit_code(self) -> u8 {
        match self {
            Outcome::Clean => 0,
            Outcome::Findings => 1,
            Outcome::InputErrors => 2,
        }
    }
}

/// Runs the pipeline stages that follow ingestion.
pub fn analyse(ingested: Ingested, settings: &Settings) -> Analysis {
    analyse_with_progress(ingested, settings, &|_| {})
}

/// [`analyse`], calling `tick` with the number of articles done so far
/// (for a progress bar). Articles are analysed in parallel (rayon; the
/// thread count follows `RAYON_NUM_THREADS`); the result keeps their order,
/// so reports do not depend on the thread count.
pub fn analyse_with_progress(
    ingested: Ingested,
    settings: &Settings,
    tick: &(dyn Fn(usize) + Sync),
) -> Analysis {
    use rayon::prelude::*;
    let done = std::sync::atomic::AtomicUsize::new(0);
    let articles = ingested
        .articles
        .into_par_iter()
        .map(|article| {
            let a = AnalyzedArticle::new(article, settings);
            tick(done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1);
            a
        })
        .collect::<Vec<_>>();
    finish(ingested.inputs, articles, settings)
}

/// The stages after extraction, over the whole set: aliases, the entity
/// table and the comparator (the last two only with [`Settings::claims`]).
/// Analysed articles may come from [`AnalyzedArticle::new`] or from claim
/// records ([`crate::record`]).
pub fn finish(
    inputs: Vec<InputRecord>,
    articles: Vec<AnalyzedArticle>,
    settings: &Settings,
) -> Analysis {
    let mut analysis = resolve_set(inputs, articles, settings);
    if settings.claims {
        analysis.comparison = compare::compare(&analysis);
    }
    analysis
}

/// [`finish`] without the comparator: aliases and the entity table.
fn resolve_set(
    inputs: Vec<InputRecord>,
    mut articles: Vec<AnalyzedArticle>,
    settings: &Settings,
) -> Analysis {
    if !settings.aliases.is_empty() {
        apply_aliases(&mut articles, &settings.aliases);
    }
    let entities = if settings.claims {
        let claims: Vec<&ArticleClaims> = articles.iter().map(|a| &a.claims).collect();
        let mut entities = resolve::entities::resolve(&claims);
        // An alias's canonical name names the entity its spellings joined.
        for e in &mut entities.entities {
            if let Some((name, _)) = settings.aliases.iter().find(|(name, spellings)| {
                e.variants.iter().any(|v| {
                    v.text.eq_ignore_ascii_case(name)
                        || spellings.iter().any(|s| v.text.eq_ignore_ascii_case(s))
                })
            }) {
                e.name = name.clone();
            }
        }
        entities
    } else {
        Entities::default()
    };
    Analysis {
        inputs,
        articles,
        entities,
        comparison: Comparison::default(),
        findings: Vec::new(),
        claim_check: None,
    }
}

/// Configured aliases: a mention spelt like an alias resolves under the
/// alias's canonical name.
fn apply_aliases(articles: &mut [AnalyzedArticle], aliases: &[(String, Vec<String>)]) {
    let lookup: Vec<(String, &str)> = aliases
        .iter()
        .flat_map(|(name, spellings)| {
            spellings
                .iter()
                .chain(std::iter::once(name))
                .map(move |s| (s.to_lowercase(), name.as_str()))
        })
        .collect();
    for a in articles {
        for m in &mut a.claims.mentions {
            let text = m.text.to_lowercase();
            if let Some((_, name)) = lookup.iter().find(|(s, _)| *s == text) {
                m.name = (*name).to_string();
                if m.kind == crate::claims::mentions::EntityKind::Other {
                    m.kind = crate::claims::mentions::EntityKind::Person;
                }
            }
        }
    }
}

/// What a command reads: the paths given (on the command line and in a
/// `--files-from` list), or the embedded seeds when none were given at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Inputs {
    pub paths: Vec<String>,
    /// No path and no `--files-from` list: the built-in seed articles.
    pub seeds: bool,
}

/// Reads the inputs the command names: the paths given, or the embedded seeds.
pub fn ingest_for(inputs: &Inputs, stdin: &mut dyn Read) -> Ingested {
    if inputs.seeds {
        ingest::ingest_seeds()
    } else {
        ingest::ingest_paths(&inputs.paths, stdin)
    }
}

/// The one stderr line that says where the inputs came from when that is
/// not obvious: the built-in seeds (no paths given), or nothing at all (an
/// empty `--files-from` list, as `$(git diff --name-only …)` can give).
fn inputs_note(command: &Command, inputs: &Inputs) -> Option<String> {
    let verb = match command {
        Command::Check(_) => "checking",
        Command::Extract(_) => "extracting from",
        Command::Sources(_) => "reading the sources of",
        Command::Compare(_) => "comparing",
        Command::Explain(_) | Command::Init(_) => return None,
    };
    let common = command.common();
    if inputs.seeds {
        return Some(format!(
            "note: no paths given: {verb} the {} built-in seed articles",
            ingest::SEEDS.len()
        ));
    }
    match (&common.files_from, inputs.paths.is_empty()) {
        (Some(list), true) => Some(format!(
            "note: --files-from {}: the list names no path; nothing to {}",
            list.display(),
            command.name()
        )),
        _ => None,
    }
}

/// Runs one command. Input problems are written to `stderr`, one line each,
/// and make the outcome [`Outcome::InputErrors`]; only an unwritable report
/// is an `Err`.
pub fn run(
    args: &Args,
    stdin: &mut dyn Read,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> Result<Outcome, Error> {
    set_colour(
        args.color,
        args.output.is_none() && std::io::stdout().is_terminal(),
    );
    if let Command::Explain(e) = &args.command {
        return match &args.output {
            None => explain(e.rule.as_deref(), stdout),
            Some(path) => {
                // Rendered first, so an unknown rule leaves no file behind.
                let mut text = Vec::new();
                let outcome = explain(e.rule.as_deref(), &mut text)?;
                write_atomically(path, |w| w.write_all(&text))?;
                Ok(outcome)
            }
        };
    }
    if let Command::Init(i) = &args.command {
        return init(args.output.as_deref(), i.force, stdout);
    }
    let common = args.command.common();
    let cwd = std::env::current_dir().unwrap_or_default();
    let config = crate::config::load(common.config.as_deref(), &cwd)?;
    if matches!(common.format, Format::Dot | Format::Mermaid)
        && !matches!(args.command, Command::Sources(_))
    {
        return Err(Error::Usage(format!(
            "--format {} draws the source graph: use it with `claimcheck sources`",
            if common.format == Format::Dot {
                "dot"
            } else {
                "mermaid"
            }
        )));
    }
    if matches!(
        common.format,
        Format::Sarif | Format::Github | Format::Markdown | Format::Junit
    ) && !matches!(args.command, Command::Check(_))
    {
        let name = clap::ValueEnum::to_possible_value(&common.format)
            .map(|v| v.get_name().to_string())
            .unwrap_or_default();
        return Err(Error::Usage(format!(
            "--format {name} reports findings: use it with `claimcheck check`"
        )));
    }
    if common.format == Format::Html && !matches!(args.command, Command::Check(_)) {
        return Err(Error::Usage(
            "--format html writes the fact-check report: use it with `claimcheck check`".into(),
        ));
    }
    let inputs = paths_for(common, stdin)?;
    if common.from_records && inputs.seeds {
        return Err(Error::Usage(
            "--from-records reads claim records: give the files `extract --records` wrote (or `-`)"
                .into(),
        ));
    }
    if let Some(note) = inputs_note(&args.command, &inputs) {
        writeln!(stderr, "{note}")?;
    }
    if let Command::Extract(e) = &args.command
        && (e.records || !e.claims && common.format == Format::Jsonl && !inputs.seeds)
        && !common.from_records
    {
        return stream_extract(args, &inputs, &config, stdin, stdout, stderr);
    }
    let (mut ingested, records) = if common.from_records {
        let read = crate::record::read_paths(&inputs.paths, stdin);
        let ingested = Ingested {
            inputs: read.inputs,
            duplicates: read.duplicates,
            ..Ingested::default()
        };
        (ingested, Some(read.articles))
    } else {
        (ingest_for(&inputs, stdin), None)
    };
    ignore(&mut ingested, &config);
    if let Some(note) = ingest::duplicates_note(&ingested.duplicates) {
        writeln!(stderr, "{note}")?;
    }
    for e in ingested.errors() {
        writeln!(stderr, "error: {e}")?;
    }
    let failed = ingested.has_errors();
    let claims = match &args.command {
        Command::Extract(e) => e.claims,
        Command::Sources(_) | Command::Explain(_) | Command::Init(_) => false,
        _ => true,
    };
    let settings = settings_for(&config, common, claims);
    if let Command::Compare(c) = &args.command
        && let (Some(table), Some(block)) = (&c.entities, &c.block)
    {
        let articles = records.unwrap_or_default();
        return compare_block(args, table, block, ingested.inputs, articles, stdout);
    }
    let block_alignments = match &args.command {
        Command::Check(c) if !c.alignments.is_empty() => Some(read_alignments(&c.alignments)?),
        _ => None,
    };
    let mut analysis = if let Some(blocks) = block_alignments {
        let mut analysis = resolve_set(ingested.inputs, records.unwrap_or_default(), &settings);
        let alignments = compare::blocks::merge(&analysis, blocks)
            .map_err(|e| Error::Usage(format!("--alignments: {e}")))?;
        analysis.comparison = Comparison {
            alignments,
            drifts: compare::drift::drifts(&analysis),
        };
        analysis
    } else if let Some(records) = records {
        finish(ingested.inputs, records, &settings)
    } else {
        let total = ingested.articles.len();
        crate::progress::with_bar(total, crate::progress::interactive(), |done| {
            let tick = |n: usize| {
                done.fetch_max(n, std::sync::atomic::Ordering::Relaxed);
            };
            analyse_with_progress(ingested, &settings, &tick)
        })
    };
    if let Command::Compare(c) = &args.command
        && let Some(text) = &c.claim
    {
        analysis.claim_check = Some(check_claim(
            text,
            c.claim_date.as_deref(),
            &analysis,
            &settings,
        )?);
    }
    if let Command::Compare(c) = &args.command
        && let Some(path) = &c.write_entities
    {
        let table = compare::blocks::EntityTable::of(&analysis);
        write_atomically(path, |w| {
            serde_json::to_writer(&mut *w, &table)?;
            writeln!(w)
        })?;
    }
    let mut fail_on = FailOn::Error;
    if let Command::Check(c) = &args.command {
        let opts = RuleOptions {
            house_style: config.house_style.names.clone(),
        };
        let mut findings = crate::rules::findings(&analysis, &opts);
        crate::rules::configure(&mut findings, &config.rules);
        crate::rules::suppress_inline(&analysis, &mut findings);
        if let Some(path) = &c.baseline {
            let b = crate::baseline::read(path).map_err(Error::Usage)?;
            crate::baseline::apply(&b, &mut findings);
        }
        analysis.findings = findings;
        fail_on = c.fail_on.unwrap_or(match config.fail_on {
            Some(crate::config::FailLevel::Warning) => FailOn::Warning,
            Some(crate::config::FailLevel::Info) => FailOn::Info,
            Some(crate::config::FailLevel::Never) => FailOn::Never,
            _ => FailOn::Error,
        });
        if let Some(path) = &c.write_baseline {
            let b = crate::baseline::of(&analysis.findings);
            write_atomically(path, |w| {
                serde_json::to_writer_pretty(&mut *w, &b)?;
                writeln!(w)
            })?;
        }
    }
    let view = match &args.command {
        Command::Extract(e) if e.claims => View::Claims,
        Command::Extract(_) => View::Extract,
        Command::Sources(_) => View::Sources,
        Command::Compare(_) => View::Compare,
        Command::Check(_) => View::Check,
        _ => View::Summary,
    };
    let reporter: &dyn Reporter = match common.format {
        Format::Human => &report::Human,
        Format::Json => &report::Json,
        Format::Jsonl => &report::JsonLines,
        Format::Dot => &report::Dot,
        Format::Mermaid => &report::Mermaid,
        Format::Sarif => &report::Sarif,
        Format::Github => &report::Github,
        Format::Markdown => &report::Markdown,
        Format::Junit => &report::Junit,
        Format::Html => &report::Html,
    };
    match &args.output {
        None => {
            let mut out = std::io::BufWriter::with_capacity(1 << 16, stdout);
            reporter.write(&analysis, view, &mut out)?;
            out.flush()?;
        }
        Some(path) => write_atomically(path, |w| reporter.write(&analysis, view, w))?,
    }
    let threshold = match fail_on {
        FailOn::Error => Some(Severity::Error),
        FailOn::Warning => Some(Severity::Warning),
        FailOn::Info => Some(Severity::Info),
        FailOn::Never => None,
    };
    // Writing a baseline records today's findings so that later runs pass:
    // the run that wrote it succeeded (as with other tools' baselines).
    let wrote_baseline = matches!(&args.command, Command::Check(c) if c.write_baseline.is_some());
    let failing = !wrote_baseline
        && threshold.is_some_and(|t| {
            analysis
                .findings
                .iter()
                .any(|f| f.suppressed.is_none() && f.severity <= t)
        });
    Ok(if failed {
        Outcome::InputErrors
    } else if failing {
        Outcome::Findings
    } else {
        Outcome::Clean
    })
}

/// `compare --entities TABLE --block EVENT`: one block of a cluster run,
/// its alignments written as JSON lines.
fn compare_block(
    args: &Args,
    table: &std::path::Path,
    block: &str,
    inputs: Vec<InputRecord>,
    articles: Vec<AnalyzedArticle>,
    stdout: &mut dyn Write,
) -> Result<Outcome, Error> {
    let text = std::fs::read_to_string(table)
        .map_err(|e| Error::Usage(format!("--entities {}: cannot read: {e}", table.display())))?;
    let table: compare::blocks::EntityTable = serde_json::from_str(&text).map_err(|e| {
        Error::Usage(format!(
            "--entities {}: not an entity table: {e}",
            table.display()
        ))
    })?;
    let entities = table
        .entities_for(&articles)
        .map_err(|e| Error::Usage(format!("--entities: {e}")))?;
    let analysis = Analysis {
        inputs,
        articles,
        entities,
        ..Analysis::default()
    };
    // Input errors were written by `run` already.
    let failed = analysis.inputs.iter().any(InputRecord::is_failed);
    let lines = compare::blocks::align_block(&analysis, block);
    let body = |w: &mut dyn Write| -> std::io::Result<()> {
        for l in &lines {
            serde_json::to_writer(&mut *w, l)?;
            writeln!(w)?;
        }
        Ok(())
    };
    match &args.output {
        None => {
            let mut out = std::io::BufWriter::new(stdout);
            body(&mut out)?;
            out.flush()?;
        }
        Some(path) => write_atomically(path, body)?,
    }
    Ok(if failed {
        Outcome::InputErrors
    } else {
        Outcome::Clean
    })
}

/// Reads the block alignments of a cluster run; a bad line names its file
/// and line.
fn read_alignments(
    paths: &[std::path::PathBuf],
) -> Result<Vec<compare::blocks::BlockAlignment>, Error> {
    let mut out = Vec::new();
    for p in paths {
        let text = std::fs::read_to_string(p)
            .map_err(|e| Error::Usage(format!("--alignments {}: cannot read: {e}", p.display())))?;
        for (i, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            out.push(serde_json::from_str(line).map_err(|e| {
                Error::Usage(format!(
                    "--alignments {}:{}: not a block alignment: {e}",
                    p.display(),
                    i + 1
                ))
            })?);
        }
    }
    Ok(out)
}

/// The settings a command's configuration and flags give.
fn settings_for(
    config: &crate::config::Config,
    common: &crate::cli::CommonArgs,
    claims: bool,
) -> Settings {
    let mut settings = Settings {
        claims,
        ..Settings::default()
    };
    settings
        .lexicon
        .extend_cues(config.cues.iter().chain(&common.cues).cloned());
    settings
        .outlets
        .extend(config.outlets.iter().chain(&common.outlets).cloned());
    for (event, words) in &config.events {
        settings.claim_settings.events.extend(event, words);
    }
    for (event, word) in &common.events {
        settings
            .claim_settings
            .events
            .extend(event, std::slice::from_ref(word));
    }
    settings.aliases = config
        .aliases
        .iter()
        .map(|(name, spellings)| (name.clone(), spellings.clone()))
        .collect();
    settings
}

/// The command's PATHS, with those of its `--files-from` list (blank lines
/// skipped).
fn paths_for(common: &crate::cli::CommonArgs, stdin: &mut dyn Read) -> Result<Inputs, Error> {
    let mut paths = common.paths.clone();
    if let Some(list) = &common.files_from {
        let text = if list.as_os_str() == "-" {
            let mut t = String::new();
            stdin
                .read_to_string(&mut t)
                .map_err(|e| Error::Usage(format!("--files-from -: cannot read stdin: {e}")))?;
            t
        } else {
            std::fs::read_to_string(list).map_err(|e| {
                Error::Usage(format!("--files-from {}: cannot read: {e}", list.display()))
            })?
        };
        paths.extend(
            text.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(String::from),
        );
    }
    let seeds = paths.is_empty() && common.files_from.is_none();
    Ok(Inputs { paths, seeds })
}

/// Leaves out the articles whose path the configuration ignores, listing
/// their inputs as skipped (nothing is dropped silently).
fn ignore(ingested: &mut Ingested, config: &crate::config::Config) {
    if config.ignore.is_empty() {
        return;
    }
    let set = config.ignore_set();
    let hit = |p: &str| set.is_match(p) || set.is_match(p.trim_start_matches("./"));
    ingested.articles.retain(|a| !hit(&a.origin.path));
    let from = config.path.as_ref().map_or_else(
        || "the configuration".to_string(),
        |p| p.display().to_string(),
    );
    for input in &mut ingested.inputs {
        if hit(&input.path) && !input.is_failed() {
            input.status = crate::ingest::InputStatus::Skipped {
                reason: format!("ignored by {from}"),
            };
        }
    }
}

/// `extract --format jsonl`: streams. Each input file is read, its articles
/// analysed (in parallel) and their statements written before the next file
/// is read, so memory holds one input file and its analyses, never the set.
fn stream_extract(
    args: &Args,
    inputs: &Inputs,
    config: &crate::config::Config,
    stdin: &mut dyn Read,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> Result<Outcome, Error> {
    use rayon::prelude::*;
    let common = args.command.common();
    let records = matches!(&args.command, Command::Extract(e) if e.records);
    let settings = settings_for(config, common, records);
    let set = config.ignore_set();
    // One article's output lines.
    let lines_of = |a: Article| -> Vec<u8> {
        let item = AnalyzedArticle::new(a, &settings);
        let mut buf = Vec::with_capacity(1024);
        if records {
            // Writing to memory cannot fail.
            let _ = crate::record::write(&item, &mut buf);
        } else {
            for st in report::statements_out(&item) {
                let _ = serde_json::to_writer(&mut buf, &st);
                buf.push(b'\n');
            }
        }
        buf
    };
    let mut body = |w: &mut dyn Write| -> std::io::Result<Ingested> {
        // Articles are taken in batches (across small files too). A batch is
        // analysed and serialised on the thread pool while this thread reads
        // the next one; batches are written in order, so the output does not
        // depend on the thread count.
        std::thread::scope(|scope| {
            let mut failure: Option<std::io::Error> = None;
            let mut pending: Option<std::thread::ScopedJoinHandle<'_, Vec<Vec<u8>>>> = None;
            let mut write_batch =
                |handle: std::thread::ScopedJoinHandle<'_, Vec<Vec<u8>>>,
                 failure: &mut Option<std::io::Error>| {
                    let bufs = handle
                        .join()
                        .unwrap_or_else(|p| std::panic::resume_unwind(p));
                    for b in bufs {
                        if failure.is_none()
                            && let Err(e) = w.write_all(&b)
                        {
                            *failure = Some(e);
                        }
                    }
                };
            let lines_of = &lines_of;
            let mut flush = |ing: &mut Ingested, last: bool| {
                if !last && ing.articles.len() < ingest::JSONL_CHUNK {
                    return;
                }
                let batch: Vec<Article> = ing
                    .articles
                    .drain(..)
                    .filter(|a| config.ignore.is_empty() || !set.is_match(&a.origin.path))
                    .collect();
                if let Some(previous) = pending.take() {
                    write_batch(previous, &mut failure);
                }
                if failure.is_none() && !batch.is_empty() {
                    pending =
                        Some(scope.spawn(move || {
                            batch.into_par_iter().map(lines_of).collect::<Vec<_>>()
                        }));
                }
            };
            // No paths: the embedded seeds (only `--records` streams them).
            let mut ingested = if inputs.seeds {
                ingest::ingest_seeds()
            } else {
                ingest::ingest_paths_streaming(&inputs.paths, stdin, &mut |ing| flush(ing, false))
            };
            flush(&mut ingested, true);
            if let Some(previous) = pending.take() {
                write_batch(previous, &mut failure);
            }
            match failure {
                Some(e) => Err(e),
                None => Ok(ingested),
            }
        })
    };
    let mut ingested = match &args.output {
        None => {
            let mut out = std::io::BufWriter::with_capacity(1 << 16, stdout);
            let ing = body(&mut out)?;
            out.flush()?;
            ing
        }
        Some(path) => {
            let mut kept = None;
            write_atomically(path, |w| {
                kept = Some(body(w)?);
                Ok(())
            })?;
            kept.unwrap_or_default()
        }
    };
    ignore(&mut ingested, config);
    if let Some(note) = ingest::duplicates_note(&ingested.duplicates) {
        writeln!(stderr, "{note}")?;
    }
    for e in ingested.errors() {
        writeln!(stderr, "error: {e}")?;
    }
    Ok(if ingested.has_errors() {
        Outcome::InputErrors
    } else {
        Outcome::Clean
    })
}

/// `compare --claim`: the claim analysed as a one-sentence article (dated
/// `date` if given), then checked against each article.
fn check_claim(
    text: &str,
    date: Option<&str>,
    analysis: &Analysis,
    settings: &Settings,
) -> Result<ClaimCheck, Error> {
    let mut article = crate::article::Article::new(
        "claim".to_string(),
        crate::article::Origin {
            path: "--claim".to_string(),
            record_line: None,
        },
        text.to_string(),
    );
    if let Some(d) = date {
        article.date = Some(ingest::parse_date(d).ok_or_else(|| {
            Error::Usage(format!("--claim-date: not a date: `{d}` (YYYY-MM-DD)"))
        })?);
    }
    let claim = AnalyzedArticle::new(article, settings);
    Ok(ClaimCheck {
        claim: text.to_string(),
        verdicts: crate::compare::claim::check_claim(&claim, &analysis.articles),
    })
}

/// `claimcheck init [-o FILE]`: the commented default configuration, in
/// `claimcheck.toml` here or in FILE.
fn init(
    output: Option<&std::path::Path>,
    force: bool,
    out: &mut dyn Write,
) -> Result<Outcome, Error> {
    let path = output.unwrap_or(std::path::Path::new(crate::config::FILE_NAME));
    if path.exists() && !force {
        return Err(Error::Usage(format!(
            "{} exists already; use --force to overwrite it",
            path.display()
        )));
    }
    write_atomically(path, |w| w.write_all(crate::config::DEFAULT.as_bytes()))?;
    writeln!(out, "wrote {}", path.display())?;
    Ok(Outcome::Clean)
}

/// `claimcheck explain [RULE]`.
fn explain(rule: Option<&str>, out: &mut dyn Write) -> Result<Outcome, Error> {
    use crate::rules::Rule;
    match rule {
        None => {
            for r in Rule::ALL {
                writeln!(
                    out,
                    "{:<20} {:<8} {}",
                    r.code(),
                    r.default_severity().as_str(),
                    r.summary()
                )?;
            }
        }
        Some(code) => {
            let Some(r) = Rule::from_code(code) else {
                let codes: Vec<&str> = Rule::ALL.iter().map(|r| r.code()).collect();
                return Err(Error::Usage(format!(
                    "no rule `{code}`; the rules are {}",
                    codes.join(", ")
                )));
            };
            writeln!(
                out,
                "{} ({} by default)\n",
                r.code(),
                r.default_severity().as_str()
            )?;
            writeln!(out, "{}", textwrap(r.explanation(), 78))?;
        }
    }
    Ok(Outcome::Clean)
}

/// Wraps a paragraph at `width` columns.
fn textwrap(text: &str, width: usize) -> String {
    let mut out = String::new();
    let mut line = 0;
    for word in text.split_whitespace() {
        if line > 0 && line + 1 + word.chars().count() > width {
            out.push('\n');
            line = 0;
        } else if line > 0 {
            out.push(' ');
            line += 1;
        }
        out.push_str(word);
        line += word.chars().count();
    }
    out
}

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
fn write_atomically(
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
