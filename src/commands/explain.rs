//! `claimcheck explain [RULE] [-o FILE]`.

use super::Outcome;
use crate::error::Error;
use crate::output::write_atomically;
use std::io::Write;

/// Explains `rule` (or lists every rule) on `stdout`, or in `output`.
pub fn run(
    rule: Option<&str>,
    output: Option<&std::path::Path>,
    stdout: &mut dyn Write,
) -> Result<Outcome, Error> {
    match output {
        None => write(rule, stdout),
        Some(path) => {
            // Rendered first, so an unknown rule leaves no file behind.
            let mut text = Vec::new();
            let outcome = write(rule, &mut text)?;
            write_atomically(path, |w| w.write_all(&text))?;
            Ok(outcome)
        }
    }
}

/// `claimcheck explain [RULE]`.
fn write(rule: Option<&str>, out: &mut dyn Write) -> Result<Outcome, Error> {
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
