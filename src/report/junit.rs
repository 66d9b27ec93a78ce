//! JUnit XML for `check`, for CI systems that show test reports (GitLab,
//! Jenkins, Azure Pipelines, test-report actions): the articles are the test
//! cases.
//!
//! One `<testsuites>` root holding one `<testsuite name="claimcheck">`, with
//! one `<testcase classname="claimcheck" name="ARTICLE-ID" file="PATH">` per
//! article. Each error or warning located in the article is a `<failure>`
//! (`type` is the severity, `message` is `rule: message`, the text lists
//! where: the finding's `path:line:column` and label, the other places, the
//! notes); an article with none passes. Infos and suppressed findings are
//! printed in the test case's `<system-out>`, so they are visible but fail
//! nothing. An input that could not be read is a test case of its own with
//! an `<error>`. `failures` counts the failing test cases; no times or
//! timestamps are written, so the report is the same for the same articles.
//!
//! quick-xml escapes the markup characters (`&`, `<`, `>`, and the quotes in
//! attribute values);
//! characters that XML 1.0 does not allow at all (control characters other
//! than tab and line breaks, U+FFFE, U+FFFF) are replaced by U+FFFD first,
//! and attribute values are flattened to one line.

use super::findings::{FindingOut, LocationOut, finding};
use super::{Reporter, View};
use crate::analysis::Analysis;
use crate::ingest::InputStatus;
use crate::rules::Severity;
use quick_xml::Writer;
use quick_xml::escape::partial_escape;
use quick_xml::events::{BytesDecl, BytesText, Event};
use std::io::{self, Write};

/// JUnit XML output. Every view gives the report of `check`; views other
/// than [`View::Check`] have no findings, so every article passes.
#[derive(Debug, Default)]
pub struct Junit;

/// Replaces the characters XML 1.0 cannot carry, even escaped.
pub(crate) fn xml_text(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\t' | '\n' | '\r' => c,
            '\u{0}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}' => '\u{fffd}',
            _ => c,
        })
        .collect()
}

/// Element text: `&`, `<` and `>` escaped (quotes need no escaping in text).
fn text(s: &str) -> BytesText<'static> {
    BytesText::from_escaped(partial_escape(xml_text(s)).into_owned())
}

/// An attribute value: valid XML text on one line.
fn attr(s: &str) -> String {
    xml_text(&s.split_whitespace().collect::<Vec<_>>().join(" "))
}

fn place(loc: &LocationOut<'_>) -> String {
    match loc.record_line {
        Some(line) => format!(
            "{}:{line} (article {}, {}:{} of its text)",
            loc.path, loc.article, loc.line, loc.column
        ),
        None => format!("{}:{}:{}", loc.path, loc.line, loc.column),
    }
}

/// The text of a failure: where, the other places, the notes.
fn body(f: &FindingOut<'_>) -> String {
    let mut s = format!("{}: {}\n", place(&f.location), f.label);
    for r in &f.related {
        s.push_str(&format!("{}: {}\n", place(&r.location), r.message));
    }
    for n in f.notes {
        s.push_str(&format!("note: {n}\n"));
    }
    s
}

/// One line of `<system-out>`.
fn out_line(f: &FindingOut<'_>) -> String {
    let suppressed = match &f.suppression {
        Some(why) => format!(" (suppressed by {})", why.describe()),
        None => String::new(),
    };
    format!(
        "{}[{}]{suppressed}: {} at {}\n",
        f.severity.as_str(),
        f.rule.code(),
        f.message,
        place(&f.location)
    )
}

/// A test case: an article and its findings.
struct Case<'a> {
    name: &'a str,
    file: &'a str,
    failures: Vec<&'a FindingOut<'a>>,
    output: String,
    /// An input that could not be read.
    error: Option<String>,
}

fn write_case(w: &mut Writer<&mut dyn Write>, case: &Case<'_>) -> io::Result<()> {
    let el = w
        .create_element("testcase")
        .with_attribute(("classname", "claimcheck"))
        .with_attribute(("name", attr(case.name).as_str()))
        .with_attribute(("file", attr(case.file).as_str()));
    if case.failures.is_empty() && case.output.is_empty() && case.error.is_none() {
        el.write_empty()?;
        return Ok(());
    }
    el.write_inner_content(|w| {
        for f in &case.failures {
            w.create_element("failure")
                .with_attribute((
                    "message",
                    attr(&format!("{}: {}", f.rule.code(), f.message)).as_str(),
                ))
                .with_attribute(("type", f.severity.as_str()))
                .write_text_content(text(&body(f)))?;
        }
        if let Some(e) = &case.error {
            w.create_element("error")
                .with_attribute(("message", attr(e).as_str()))
                .with_attribute(("type", "input"))
                .write_empty()?;
        }
        if !case.output.is_empty() {
            w.create_element("system-out")
                .write_text_content(text(&case.output))?;
        }
        Ok(())
    })?;
    Ok(())
}

impl Reporter for Junit {
    fn write(&self, analysis: &Analysis, _view: View, out: &mut dyn Write) -> io::Result<()> {
        let findings: Vec<FindingOut<'_>> = analysis
            .findings
            .iter()
            .map(|f| finding(analysis, f))
            .collect();
        let mut cases: Vec<Case<'_>> = analysis
            .articles
            .iter()
            .map(|item| Case {
                name: &item.article.id,
                file: &item.article.origin.path,
                failures: Vec::new(),
                output: String::new(),
                error: None,
            })
            .collect();
        for (f, fo) in analysis.findings.iter().zip(&findings) {
            let Some(case) = cases.get_mut(f.location.article) else {
                continue;
            };
            if f.suppressed.is_none() && f.severity <= Severity::Warning {
                case.failures.push(fo);
            } else {
                case.output.push_str(&out_line(fo));
            }
        }
        for input in &analysis.inputs {
            if let InputStatus::Failed { error } = &input.status {
                cases.push(Case {
                    name: &error.path,
                    file: &error.path,
                    failures: Vec::new(),
                    output: String::new(),
                    error: Some(error.to_string()),
                });
            }
        }
        let tests = cases.len().to_string();
        let failures = cases
            .iter()
            .filter(|c| !c.failures.is_empty())
            .count()
            .to_string();
        let errors = cases
            .iter()
            .filter(|c| c.error.is_some())
            .count()
            .to_string();
        let mut w = Writer::new_with_indent(out, b' ', 2);
        w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
        w.create_element("testsuites")
            .with_attribute(("name", "claimcheck"))
            .with_attribute(("tests", tests.as_str()))
            .with_attribute(("failures", failures.as_str()))
            .with_attribute(("errors", errors.as_str()))
            .write_inner_content(|w| {
                w.create_element("testsuite")
                    .with_attribute(("name", "claimcheck"))
                    .with_attribute(("tests", tests.as_str()))
                    .with_attribute(("failures", failures.as_str()))
                    .with_attribute(("errors", errors.as_str()))
                    .with_attribute(("skipped", "0"))
                    .write_inner_content(|w| {
                        for case in &cases {
                            write_case(w, case)?;
                        }
                        Ok(())
                    })?;
                Ok(())
            })?;
        writeln!(w.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::{attr, xml_text};

    #[test]
    fn characters_xml_cannot_carry_are_replaced() {
        assert_eq!(
            xml_text("a\u{1}b\tc\nd\u{ffff}"),
            "a\u{fffd}b\tc\nd\u{fffd}"
        );
        assert_eq!(attr("two\nlines\u{7}"), "two lines\u{fffd}");
    }
}
