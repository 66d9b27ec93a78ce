//! `--verbose`: what a run read and did, one `verbose:` line each on
//! stderr (each input read, skipped or failed and why; each article's
//! sentences, statements and claims; how long each stage took). The report
//! on stdout is the same with or without it.

use crate::analysis::Analysis;
use crate::ingest::{InputRecord, InputStatus};
use std::io::{self, Write};
use std::time::{Duration, Instant};

/// The log of one run: off (it writes nothing) or on, with the time of the
/// run's start and of the last stage's end.
#[derive(Debug)]
pub struct Log {
    on: bool,
    start: Instant,
    last: Instant,
}

/// A duration as people read it: `850µs`, `12.3ms`, `4.1s`.
fn took(d: Duration) -> String {
    format!("{d:.1?}")
}

impl Log {
    pub fn new(on: bool) -> Self {
        let now = Instant::now();
        Log {
            on,
            start: now,
            last: now,
        }
    }

    pub fn is_on(&self) -> bool {
        self.on
    }

    /// One line.
    pub fn line(&self, err: &mut dyn Write, what: std::fmt::Arguments<'_>) -> io::Result<()> {
        if self.on {
            writeln!(err, "verbose: {what}")?;
        }
        Ok(())
    }

    /// The end of a stage: what it did and how long it took since the last
    /// one ended.
    pub fn stage(&mut self, err: &mut dyn Write, what: std::fmt::Arguments<'_>) -> io::Result<()> {
        let now = Instant::now();
        let d = now - self.last;
        self.last = now;
        self.line(err, format_args!("{what} in {}", took(d)))
    }

    /// Each input as read: its articles, or why it was skipped or failed;
    /// then the stage line.
    pub fn inputs(&mut self, err: &mut dyn Write, inputs: &[InputRecord]) -> io::Result<()> {
        if !self.on {
            return Ok(());
        }
        let mut articles = 0;
        for input in inputs {
            let path = match input.line {
                Some(line) => format!("{}:{line}", input.path),
                None => input.path.clone(),
            };
            match &input.status {
                InputStatus::Read { articles: n } => {
                    articles += n;
                    let s = if *n == 1 { "" } else { "s" };
                    self.line(err, format_args!("read {path}: {n} article{s}"))?;
                }
                InputStatus::Skipped { reason } => {
                    self.line(err, format_args!("skipped {path}: {reason}"))?;
                }
                InputStatus::Failed { error } => {
                    self.line(err, format_args!("failed {error}"))?;
                }
            }
        }
        let (a, i) = (
            crate::report::findings::plural(articles, "article"),
            crate::report::findings::plural(inputs.len(), "input"),
        );
        self.stage(err, format_args!("read {a} from {i}"))
    }

    /// Each article analysed: its sentences, statements and claims.
    pub fn articles(&self, err: &mut dyn Write, analysis: &Analysis) -> io::Result<()> {
        if !self.on {
            return Ok(());
        }
        for item in &analysis.articles {
            let plural = crate::report::findings::plural;
            self.line(
                err,
                format_args!(
                    "{}: {}, {}, {}",
                    item.article.id,
                    plural(item.segments.sentences.len(), "sentence"),
                    plural(item.statements.len(), "statement"),
                    plural(item.claims.claims.len(), "claim")
                ),
            )?;
        }
        Ok(())
    }

    /// The last line: the whole run's time.
    pub fn done(&self, err: &mut dyn Write) -> io::Result<()> {
        self.line(err, format_args!("done in {}", took(self.start.elapsed())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn off_writes_nothing_and_on_writes_prefixed_lines() {
        let inputs = vec![
            InputRecord {
                path: "a.txt".into(),
                line: None,
                status: InputStatus::Read { articles: 1 },
            },
            InputRecord {
                path: "b.pdf".into(),
                line: None,
                status: InputStatus::Skipped {
                    reason: "not an article format".into(),
                },
            },
        ];
        let mut out = Vec::new();
        Log::new(false).inputs(&mut out, &inputs).unwrap();
        assert!(out.is_empty());
        Log::new(true).inputs(&mut out, &inputs).unwrap();
        let out = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[0], "verbose: read a.txt: 1 article");
        assert_eq!(lines[1], "verbose: skipped b.pdf: not an article format");
        assert!(
            lines[2].starts_with("verbose: read 1 article from 2 inputs in "),
            "{out}"
        );
    }
}
