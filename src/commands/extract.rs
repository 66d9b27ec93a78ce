//! `extract` that streams (`--format jsonl`, `--records`, `--syntax
//! --format conllu`): batches of articles analysed on the pool while the
//! next batch is read.

use super::{Inputs, Outcome, ignore, settings_for};
use crate::analysis::AnalyzedArticle;
use crate::article::Article;
use crate::cli::{Args, Command};
use crate::error::Error;
use crate::ingest::{self, Ingested};
use crate::output::write_atomically;
use crate::report;
use std::io::{Read, Write};

/// `extract --format jsonl`: streams. Each input file is read, its articles
/// analysed (in parallel) and their statements written before the next file
/// is read, so memory holds one input file and its analyses, never the set.
pub fn stream(
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
    let syntax = matches!(&args.command, Command::Extract(e) if e.syntax);
    let mut settings = settings_for(config, common, records);
    settings.syntax = syntax;
    settings.parse = matches!(&args.command, Command::Extract(e) if e.parse);
    // One article's output lines.
    let lines_of = |a: Article| -> Vec<u8> {
        let item = AnalyzedArticle::new(a, &settings);
        let mut buf = Vec::with_capacity(1024);
        if records {
            // Writing to memory cannot fail.
            let _ = crate::record::write(&item, &mut buf);
        } else if syntax {
            let _ = report::conllu_article(&item, &mut buf);
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
                // Ignored paths are never read (`reading`).
                let batch: Vec<Article> = ing.articles.drain(..).collect();
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
                let reading = super::reading_for(config, common);
                ingest::ingest_paths_streaming(&inputs.paths, stdin, &reading, &mut |ing| {
                    flush(ing, false)
                })
            };
            flush(&mut ingested, true);
            if let Some(previous) = pending.take() {
                write_batch(previous, &mut failure);
            }
            match failure {
                // The reader stopped early (`| head`): the inputs were still
                // all read, so the exit code says whether one failed.
                Some(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e),
                _ => Ok(ingested),
            }
        })
    };
    let mut ingested = match &args.output {
        None => {
            let mut out = std::io::BufWriter::with_capacity(1 << 16, stdout);
            let ing = body(&mut out)?;
            match out.flush() {
                Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => return Err(e.into()),
                _ => ing,
            }
        }
        Some(path) => {
            let mut kept = None;
            write_atomically(path, |w| {
                // Records to a `.zst` file are compressed with Zstandard (a
                // tenth of the JSON's size); `--from-records` reads either.
                if records && crate::record::compressed_name(path) {
                    let mut z = zstd::Encoder::new(w, crate::record::ZSTD_LEVEL)?;
                    kept = Some(body(&mut z)?);
                    z.finish()?;
                } else {
                    kept = Some(body(w)?);
                }
                Ok(())
            })?;
            kept.unwrap_or_default()
        }
    };
    ignore(&mut ingested, config);
    if let Some(note) = ingest::duplicates_note(&ingested.duplicates) {
        writeln!(stderr, "{note}")?;
    }
    super::write_input_problems(&ingested, stderr)?;
    Ok(if ingested.has_errors() {
        Outcome::InputErrors
    } else {
        Outcome::Clean
    })
}
