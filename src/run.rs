//! Orchestration only: arguments → inputs → analysis (the pipeline) → the
//! command's own steps → report → [`Outcome`]. Nothing below imports this
//! module: the data types are in [`crate::analysis`], the stages in
//! [`crate::pipeline`], each subcommand's steps in [`crate::commands`].

use crate::analysis::Analysis;
use crate::cli::{Args, Command, FailOn, Format};
use crate::commands::{self, Inputs};
use crate::error::Error;
use crate::ingest::{self, Ingested};
use crate::output::{set_colour, write_atomically};
use crate::pipeline;
use crate::report::findings::plural;
use crate::report::{self, Reporter, View};
use std::io::{IsTerminal, Read, Write};

pub use crate::commands::Outcome;

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
    let to_terminal = args.output.is_none() && std::io::stdout().is_terminal();
    if let Some(columns) = crate::output::term_width(to_terminal) {
        crate::report::set_term_width(columns);
    }
    match &args.command {
        Command::Explain(e) => {
            return commands::explain::run(e.rule.as_deref(), args.output.as_deref(), stdout);
        }
        Command::Init(i) => return commands::init::run(args.output.as_deref(), i.force, stdout),
        Command::Config(c) => return commands::config::show(c, args.output.as_deref(), stdout),
        Command::Completions(c) => {
            return commands::manual::completions(c.shell, args.output.as_deref(), stdout);
        }
        Command::Man(m) => {
            return commands::manual::man(m.subcommand.as_deref(), args.output.as_deref(), stdout);
        }
        _ => {}
    }
    let common = args.command.common();
    let mut log = commands::verbose::Log::new(common.verbose);
    // The command line refuses these already; a library caller may not.
    if !crate::cli::formats_of(args.command.name()).contains(&common.format) {
        return Err(Error::Usage(common.format.belongs_elsewhere()));
    }
    // Every file argument is checked before the articles are read: a typo
    // fails in a moment, not after the analysis.
    let known = match &args.command {
        Command::Check(c) => commands::check::read_baseline(c)?,
        _ => None,
    };
    let outputs = [
        args.output.as_deref(),
        match &args.command {
            Command::Check(c) => c.write_baseline.as_deref(),
            _ => None,
        },
    ];
    for path in outputs.into_iter().flatten() {
        crate::output::check_writable(path)?;
    }
    let inputs = commands::paths_for(common, stdin)?;
    let cwd = std::env::current_dir().unwrap_or_default();
    let config = crate::config::load(common.config.as_deref(), &inputs.paths, &cwd)?;
    let places = match &args.command {
        Command::Check(c) => commands::check::places(c, &config, &cwd, |k| std::env::var(k).ok())?,
        _ => report::Places::default(),
    };
    report::set_rule_pages(places.docs_url.clone());
    if common.from_records && inputs.seeds {
        return Err(Error::Usage(
            "--from-records reads claim records: give the files `extract --records` wrote (or `-`)"
                .into(),
        ));
    }
    // `check --quiet`: findings and problems only, no notes.
    let quiet = matches!(&args.command, Command::Check(c) if c.quiet);
    if let Some(note) = commands::inputs_note(&args.command, &inputs).filter(|_| !quiet) {
        writeln!(stderr, "{note}")?;
    }
    if let Command::Extract(e) = &args.command {
        if e.syntax && !matches!(common.format, Format::Human | Format::Json | Format::Conllu) {
            return Err(Error::Usage(format!(
                "extract --syntax writes human, json or conllu, not {}",
                common.format.name()
            )));
        }
        if !e.syntax && common.format == Format::Conllu {
            return Err(Error::Usage(
                "--format conllu writes the syntax: add --syntax".into(),
            ));
        }
    }
    if let Command::Extract(e) = &args.command
        && (e.records
            || !e.claims && !e.syntax && common.format == Format::Jsonl && !inputs.seeds
            || e.syntax && common.format == Format::Conllu && !inputs.seeds)
        && !common.from_records
    {
        let streamed = commands::extract::stream(args, &inputs, &config, stdin, stdout, stderr);
        log.stage(
            stderr,
            format_args!("read, analysed and wrote the articles as a stream"),
        )?;
        log.done(stderr)?;
        return streamed;
    }
    let reading = commands::reading_for(&config, common);
    let (mut ingested, records) = read_inputs(common.from_records, &inputs, stdin, &reading);
    commands::ignore(&mut ingested, &config);
    log.inputs(stderr, &ingested.inputs)?;
    if let Some(note) = ingest::duplicates_note(&ingested.duplicates).filter(|_| !quiet) {
        writeln!(stderr, "{note}")?;
    }
    commands::write_input_problems(&ingested, stderr)?;
    let failed = ingested.has_errors();
    let syntax = matches!(&args.command, Command::Extract(e) if e.syntax);
    let claims = match &args.command {
        Command::Extract(e) => e.claims,
        Command::Sources(_)
        | Command::Explain(_)
        | Command::Init(_)
        | Command::Config(_)
        | Command::Completions(_)
        | Command::Man(_) => false,
        _ => true,
    };
    let mut settings = commands::settings_for(&config, common, claims);
    settings.syntax = syntax;
    // Quotations come from the token rules and the parse, except in a
    // plain `extract`, which streams at the token rules' speed.
    settings.parse = !matches!(&args.command, Command::Extract(e) if !e.parse);
    // `extract --claims` shows claims and entities, nothing the comparator
    // finds (the HTML report, whatever the command, shows it all).
    settings.claims_only =
        matches!(&args.command, Command::Extract(e) if e.claims) && common.format != Format::Html;
    if let Command::Compare(c) = &args.command
        && let (Some(table), Some(block)) = (&c.entities, &c.block)
    {
        let articles = records.unwrap_or_default();
        return commands::compare::block(args, table, block, ingested.inputs, articles, stdout);
    }
    let mut analysis = match (records, &args.command) {
        (Some(records), Command::Check(c)) if !c.alignments.is_empty() => {
            let mut analysis = pipeline::resolve_set(ingested.inputs, records, &settings);
            commands::check::merge_blocks(&mut analysis, &c.alignments)?;
            analysis
        }
        (Some(records), _) => pipeline::finish(ingested.inputs, records, &settings),
        (None, _) => analyse(ingested, &settings, &mut log, stderr)?,
    };
    log.articles(stderr, &analysis)?;
    log.stage(
        stderr,
        format_args!(
            "compared the set: {}, {}, {}",
            plural(analysis.entities.entities.len(), "entity").replace("entitys", "entities"),
            plural(analysis.comparison.alignments.len(), "alignment"),
            plural(analysis.comparison.conflicts.len(), "conflict")
        ),
    )?;
    let mut fail_on = FailOn::Error;
    match &args.command {
        Command::Compare(c) => commands::compare::after_analysis(c, &mut analysis, &settings)?,
        Command::Check(c) => {
            fail_on = commands::check::findings(c, &config, known.as_ref(), &mut analysis)?;
            let findings = plural(analysis.findings.len(), "finding");
            log.stage(stderr, format_args!("ran the rules: {findings}"))?;
        }
        _ => {}
    }
    if analysis.comparison.drifts_unchecked > 0 {
        writeln!(
            stderr,
            "note: quote drift: {} pairs of quote versions were not compared (over {} candidates for one quote)",
            analysis.comparison.drifts_unchecked,
            crate::compare::drift::MAX_CANDIDATES
        )?;
    }
    match write_report(args, &analysis, &places, stdout) {
        // The reader stopped early (`| head`): the exit code is still the
        // findings'.
        Err(Error::Write(e)) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
        written => written?,
    }
    log.stage(stderr, format_args!("wrote the report"))?;
    log.done(stderr)?;
    let wrote_baseline = matches!(&args.command, Command::Check(c) if c.write_baseline.is_some());
    Ok(if failed {
        Outcome::InputErrors
    } else if commands::check::failing(&analysis, fail_on, wrote_baseline) {
        Outcome::Findings
    } else {
        Outcome::Clean
    })
}

/// The articles to analyse, or the claim records to finish (`--from-records`).
fn read_inputs(
    from_records: bool,
    inputs: &Inputs,
    stdin: &mut dyn Read,
    reading: &ingest::Reading,
) -> (Ingested, Option<Vec<crate::analysis::AnalyzedArticle>>) {
    if from_records {
        let read = crate::record::read_paths(&inputs.paths, stdin);
        let ingested = Ingested {
            inputs: read.inputs,
            duplicates: read.duplicates,
            ..Ingested::default()
        };
        (ingested, Some(read.articles))
    } else {
        (commands::ingest_for(inputs, stdin, reading), None)
    }
}

/// The pipeline over the articles, with a progress bar on a terminal: the
/// stages of each article, then those of the set (`--verbose` times each
/// half).
fn analyse(
    ingested: Ingested,
    settings: &crate::analysis::Settings,
    log: &mut commands::verbose::Log,
    stderr: &mut dyn Write,
) -> Result<Analysis, Error> {
    let Ingested {
        articles,
        inputs,
        warnings,
        ..
    } = ingested;
    let total = articles.len();
    let analysed = crate::progress::with_bar(total, crate::progress::interactive(), |done| {
        let tick = |n: usize| {
            done.fetch_max(n, std::sync::atomic::Ordering::Relaxed);
        };
        pipeline::articles_with_progress(articles, settings, &tick)
    });
    log.stage(
        stderr,
        format_args!(
            "analysed {} ({} threads)",
            plural(total, "article"),
            rayon::current_num_threads()
        ),
    )?;
    let mut analysis = pipeline::finish(inputs, analysed, settings);
    analysis.warnings = warnings;
    Ok(analysis)
}

/// The report of the command's view in its format, to stdout or `--output`.
fn write_report(
    args: &Args,
    analysis: &Analysis,
    places: &report::Places,
    stdout: &mut dyn Write,
) -> Result<(), Error> {
    let view = match &args.command {
        Command::Extract(e) if e.claims => View::Claims,
        Command::Extract(e) if e.syntax => View::Syntax,
        Command::Extract(_) => View::Extract,
        Command::Sources(_) => View::Sources,
        Command::Compare(_) => View::Compare,
        Command::Check(_) => View::Check,
        _ => View::Summary,
    };
    let quiet = matches!(&args.command, Command::Check(c) if c.quiet);
    let sarif = report::Sarif {
        places: places.clone(),
    };
    let markdown = report::Markdown {
        places: places.clone(),
    };
    let github = report::Github {
        places: places.clone(),
    };
    let gitlab = report::Gitlab {
        places: places.clone(),
    };
    let reporter: &dyn Reporter = match args.command.common().format {
        Format::Human if quiet && view == View::Check => &report::HumanFindings,
        Format::Concise => &report::Concise,
        Format::Human if view == View::Syntax => &report::SyntaxTable,
        Format::Json if view == View::Syntax => &report::SyntaxJson,
        Format::Human => &report::Human,
        Format::Json => &report::Json,
        Format::Jsonl => &report::JsonLines,
        Format::Dot => &report::Dot,
        Format::Mermaid => &report::Mermaid,
        Format::Sarif => &sarif,
        Format::Github => &github,
        Format::Gitlab => &gitlab,
        Format::Markdown => &markdown,
        Format::Junit => &report::Junit,
        Format::Html => &report::Html,
        Format::Conllu => &report::Conllu,
    };
    match &args.output {
        None => {
            let mut out = std::io::BufWriter::with_capacity(1 << 16, stdout);
            reporter.write(analysis, view, &mut out)?;
            out.flush()?;
        }
        Some(path) => write_atomically(path, |w| reporter.write(analysis, view, w))?,
    }
    Ok(())
}
