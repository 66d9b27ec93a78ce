//! Plain text with an optional date header on its first line.
//!
//! ```text
//! header = *space "date" (any case) (":" *sp value / 1*sp date [tail]) ; the first line
//! ```
//!
//! With a colon (`Date: 28/02/2022`, `DATE: Feb 28, 2022`) the whole line is
//! the header, whatever its value: one that is no date is a warning. Without
//! one (`date 2022-02-28`, the seed form) the word is a header only when a
//! date follows it, and the body may go on on the same line (`date
//! 2022-02-28 Talks began.`); `date night was cancelled` is text. The dates
//! are [`super::dates`]'s forms.

use super::dates::{DayOrder, is_tail, written};
use super::*;

pub(super) fn line_of(text: &str, offset: usize) -> usize {
    text[..offset].matches('\n').count() + 1
}

/// Plain text with an optional date header, numeric dates day first (see
/// [`read_text`]).
pub fn parse_text(label: &str, text: String) -> Result<Article, InputError> {
    read_text(label, text, DayOrder::default()).map(|p| p.article)
}

/// Plain text with an optional date header on its first line; a date that
/// cannot be read is a warning, and the article is read without one.
pub fn read_text(label: &str, text: String, order: DayOrder) -> Result<Parsed, InputError> {
    let lead = text.len()
        - text
            .trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n'])
            .len();
    let header = header(&text[lead..], order);
    let mut header_end = header.as_ref().map_or(0, |h| lead + h.end);
    if header_end == 0 && lead > 0 && text.starts_with('\u{feff}') {
        header_end = '\u{feff}'.len_utf8();
    }
    if text[header_end..].trim().is_empty() {
        return Err(InputError::new(label, InputErrorKind::NoText));
    }
    let mut warnings = Vec::new();
    let mut date = None;
    if let Some(h) = header {
        date = h.date;
        if date.is_none() {
            let value = &text[lead + h.value.0..lead + h.value.1];
            let line = line_of(&text, lead + h.value.0);
            warnings.push(InputWarning::bad_date(label, Some(line), value));
        }
    }
    let mut article = Article::new(label.to_string(), origin(label, None), text);
    article.date = date;
    article.exclude(Span::new(0, header_end), ExclusionKind::Header);
    boilerplate::mark(&mut article);
    Ok(Parsed { article, warnings })
}

/// A date header at the start of a text.
#[derive(Debug, PartialEq, Eq)]
struct Header {
    /// The date, if the value is one.
    date: Option<Date>,
    /// The value as written: its start and end.
    value: (usize, usize),
    /// Where the body starts: after the line (with a colon, or a date with
    /// only a time after it), else after the date and the space after it.
    end: usize,
}

/// `header`: the date header `text` starts with, if any.
fn header(text: &str, order: DayOrder) -> Option<Header> {
    let key = text.get(..4).filter(|k| k.eq_ignore_ascii_case("date"))?;
    let after = &text[key.len()..];
    let line_end = text.find('\n').unwrap_or(text.len());
    let past_line = (line_end + 1).min(text.len());
    let gap = after.len() - after.trim_start_matches([' ', '\t']).len();
    if let Some(value) = after[gap..].strip_prefix(':') {
        let start = text.len() - value.len();
        let value = text[start..line_end].trim();
        let start = start + text[start..].find(value).unwrap_or(0);
        return Some(Header {
            date: parse_loose(value, order),
            value: (start, start + value.len()),
            end: past_line,
        });
    }
    if gap == 0 {
        return None;
    }
    let start = key.len() + gap;
    let date = written(&text[start..line_end], order)?;
    let date_end = start + date.end;
    let end = if is_tail(&text[date_end..line_end]) {
        past_line
    } else {
        let rest = &text[date_end..];
        date_end + (rest.len() - rest.trim_start().len())
    };
    Some(Header {
        date: date.date(),
        value: (start, date_end),
        end,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn read(text: &str) -> Parsed {
        read_text("t.txt", text.to_string(), DayOrder::DayFirst).unwrap()
    }

    /// The date, the body's first included text, the warnings' text.
    fn summary(text: &str) -> (Option<Date>, String, Vec<String>) {
        let p = read(text);
        let body = p.article.included()[0];
        let warnings = p.warnings.iter().map(ToString::to_string).collect();
        (p.article.date, p.article.slice(body).to_string(), warnings)
    }

    #[test]
    fn headers_in_every_form_with_or_without_a_colon() {
        for text in [
            "date 2022-02-28\nTalks began.",
            "date 28/02/2022\nTalks began.",
            "Date: 2022-02-28\nTalks began.",
            "DATE: Feb 28, 2022\nTalks began.",
            "date:2022-02-28\r\nTalks began.",
            "  \n Date : Monday, 28 February 2022 10:00 GMT\nTalks began.",
            "date Mon, 28 Feb 2022 10:00:00 +0000\nTalks began.",
            "date 2022-02-28 Talks began.",
            "Date 28 February 2022 Talks began.",
        ] {
            let (d, body, warnings) = summary(text);
            assert_eq!(d, Some(date(2022, 2, 28)), "{text:?}");
            assert!(body.starts_with("Talks began."), "{text:?}: {body:?}");
            assert!(warnings.is_empty(), "{text:?}: {warnings:?}");
        }
    }

    #[test]
    fn the_day_order_applies_to_numeric_headers() {
        let p = read_text(
            "t.txt",
            "date 03/04/2022\nBody.".into(),
            DayOrder::MonthFirst,
        )
        .unwrap();
        assert_eq!(p.article.date, Some(date(2022, 3, 4)));
        assert_eq!(
            read("date 03/04/2022\nBody.").article.date,
            Some(date(2022, 4, 3))
        );
    }

    #[test]
    fn text_that_only_starts_with_the_word_date_is_body() {
        for text in [
            "date night was cancelled, she said.",
            "Dated plans were shelved.",
            "Date night was cancelled.",
            "date: the word\nBody.",
        ] {
            let p = read(text);
            if text.contains(':') {
                // A key with a colon is a header, whatever its value.
                assert_eq!(p.warnings.len(), 1, "{text}");
                continue;
            }
            assert_eq!(p.article.date, None, "{text}");
            assert!(p.article.excluded.is_empty(), "{text}");
            assert!(p.warnings.is_empty(), "{text}");
        }
    }

    #[test]
    fn an_unreadable_value_after_a_colon_is_a_warning_and_the_header_is_excluded() {
        let (d, body, warnings) = summary("Date: sometime soon\nThe talks began.");
        assert_eq!(d, None);
        assert_eq!(body, "The talks began.");
        assert_eq!(
            warnings,
            [
                "t.txt:1: not a real date: `sometime soon`; the article is read without a date \
              (write it as YYYY-MM-DD, 28 February 2022 or Feb 28, 2022)"
            ]
        );
    }

    #[test]
    fn an_impossible_date_is_a_warning_naming_its_line() {
        let (d, body, warnings) = summary("\n\ndate 2022-02-30 Body.");
        assert_eq!(d, None);
        assert_eq!(body, "Body.");
        assert_eq!(warnings.len(), 1);
        assert!(
            warnings[0].starts_with("t.txt:3: not a real date: `2022-02-30`"),
            "{warnings:?}"
        );
        let (_, _, warnings) = summary("Date: 31/04/2022\nBody.");
        assert!(warnings[0].contains("`31/04/2022`"), "{warnings:?}");
    }

    #[test]
    fn a_header_without_a_body_is_an_error() {
        for text in ["Date: 2022-02-28\n", "Date: someday", "date 2022-02-28  \n"] {
            let e = read_text("t.txt", text.into(), DayOrder::DayFirst).unwrap_err();
            assert_eq!(e.kind, InputErrorKind::NoText, "{text}");
        }
    }
}
