//! Dates as articles and CMS exports write them, read into calendar dates.
//!
//! [`parse_loose`] reads ISO 8601 and RFC 3339 (`2022-02-28`,
//! `2022-02-28T10:00:00+02:00`, `2022-02-28 10:00`), RFC 2822 (`Mon, 28 Feb
//! 2022 10:00:00 +0000`), dates written out (`Feb 28, 2022`, `February 28th,
//! 2022`, `28 February 2022`, `Monday, 28 February 2022`, `28-Feb-2022`) and
//! numeric ones (`28/02/2022`, `28.02.2022`, `28-02-2022`, `2022/02/28`). The
//! date is the calendar date as written: a time, a zone or an `| Updated …`
//! after it is ignored, never used to move the date to another zone.
//! Whether a date exists (`2022-02-30` does not) is jiff's to say, and a
//! weekday written with a date must be that date's. [`parse_date`] is the
//! strict `YYYY-MM-DD` of the `--claim-date` flag.
//!
//! The grammar, one function each:
//!
//! ```text
//! date        = [weekday [","] 1*sp] (iso / numeric / month-first / day-first)
//! iso         = year sep 1*2digit sep 1*2digit              ; sep: "-" "/" "."
//! numeric     = 1*2digit sep 1*2digit sep year              ; order by DayOrder
//! month-first = month 1*sp day [","] 1*sp year              ; Feb 28, 2022
//! day-first   = day (1*sp / "-") month [","] (1*sp / "-") year  ; 28 Feb 2022
//! month       = a month's English name or its abbreviation, with an optional "."
//! day         = 1*2digit [ordinal]                          ; 28th
//! tail        = *(sp / ",") ["|" rest / "T" digit rest / ["at" 1*sp] time rest]
//! time        = 1*2digit (":" / ".") 2digit
//! ```

use jiff::civil::{Date, Weekday};
use serde::Deserialize;

/// Which number comes first in an all-numeric date such as `03/04/2022`.
///
/// A date that can be read only one way (`02/28/2022`, `28/02/2022`) is read
/// that way whatever the order.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, serde::Serialize, clap::ValueEnum,
)]
#[serde(rename_all = "kebab-case")]
pub enum DayOrder {
    /// `03/04/2022` is 3 April 2022, as most of the world writes it (the
    /// default).
    #[default]
    DayFirst,
    /// `03/04/2022` is March 4, 2022, as the United States writes it.
    MonthFirst,
}

/// Reads a date in any of the forms the module names; `None` when the value
/// is no date or names a day the calendar does not have.
pub fn parse_loose(value: &str, order: DayOrder) -> Option<Date> {
    let value = value.trim();
    // RFC 2822 exactly, where it fits: the date in its own offset.
    if let Ok(zoned) = jiff::fmt::rfc2822::parse(value) {
        return Some(zoned.date());
    }
    let written = written(value, order)?;
    if !is_tail(&value[written.end..]) {
        return None;
    }
    written.date()
}

/// Reads `YYYY-MM-DD` (exactly that) into a real calendar date.
pub fn parse_date(value: &str) -> Option<Date> {
    let b = value.as_bytes();
    let shape_ok = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shape_ok {
        return None;
    }
    value.parse::<Date>().ok()
}

/// A date as written at the start of a value: its numbers (not yet checked
/// against the calendar), the weekday written with it, and where it ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Written {
    year: i16,
    month: i8,
    day: i8,
    weekday: Option<Weekday>,
    /// The byte just after the date.
    pub(super) end: usize,
}

impl Written {
    /// The calendar date, if it exists (and falls on the weekday written).
    pub(super) fn date(&self) -> Option<Date> {
        let date = Date::new(self.year, self.month, self.day).ok()?;
        match self.weekday {
            Some(w) if w != date.weekday() => None,
            _ => Some(date),
        }
    }
}

/// `date`: the date at the start of `value`, whatever follows it.
pub(super) fn written(value: &str, order: DayOrder) -> Option<Written> {
    let mut c = Cursor { s: value, at: 0 };
    let weekday = weekday(&mut c);
    let start = c.at;
    for form in [iso, numeric, month_first, day_first] {
        c.at = start;
        if let Some((year, month, day)) = form(&mut c, order) {
            return Some(Written {
                year,
                month,
                day,
                weekday,
                end: c.at,
            });
        }
    }
    None
}

/// `tail`: what may follow a date in a value that is only a date: nothing,
/// a time (and whatever zone follows it), or an `| Updated …`.
pub(super) fn is_tail(rest: &str) -> bool {
    let rest = rest.trim_start_matches([' ', '\t', ',']);
    if rest.is_empty() || rest.starts_with('|') {
        return true;
    }
    let mut c = Cursor { s: rest, at: 0 };
    if c.eat_char(|ch| ch == 'T' || ch == 't') {
        return c.peek().is_some_and(|ch| ch.is_ascii_digit());
    }
    if c.eat_word("at") && c.spaces() == 0 {
        return false;
    }
    time(&mut c)
}

/// `time`: hours and minutes, `10:00` or `10.30`.
fn time(c: &mut Cursor) -> bool {
    c.digits(1, 2).is_some() && c.eat_char(|ch| ch == ':' || ch == '.') && c.digits(2, 2).is_some()
}

/// A position in the value being read; every step either moves past what
/// it read or leaves the position where it was.
struct Cursor<'a> {
    s: &'a str,
    at: usize,
}

impl Cursor<'_> {
    fn peek(&self) -> Option<char> {
        self.s[self.at..].chars().next()
    }

    fn eat_char(&mut self, want: impl Fn(char) -> bool) -> bool {
        match self.peek() {
            Some(ch) if want(ch) => {
                self.at += ch.len_utf8();
                true
            }
            _ => false,
        }
    }

    /// Skips spaces and tabs; how many.
    fn spaces(&mut self) -> usize {
        let rest = &self.s[self.at..];
        let n = rest.len() - rest.trim_start_matches([' ', '\t']).len();
        self.at += n;
        n
    }

    /// `min` to `max` ASCII digits, not followed by another digit.
    fn digits(&mut self, min: usize, max: usize) -> Option<u16> {
        let rest = &self.s.as_bytes()[self.at..];
        let n = rest.iter().take_while(|b| b.is_ascii_digit()).count();
        if n < min || n > max {
            return None;
        }
        let value = self.s[self.at..self.at + n].parse().ok()?;
        self.at += n;
        Some(value)
    }

    /// A run of ASCII letters, lowercased, without moving.
    fn word(&self) -> String {
        self.s[self.at..]
            .bytes()
            .take_while(u8::is_ascii_alphabetic)
            .map(|b| char::from(b.to_ascii_lowercase()))
            .collect()
    }

    /// The word `w` (any case), as a whole word.
    fn eat_word(&mut self, w: &str) -> bool {
        if self.word() == w {
            self.at += w.len();
            true
        } else {
            false
        }
    }
}

/// `weekday`: a weekday's name or abbreviation, with an optional `.` and
/// `,`, before the date.
fn weekday(c: &mut Cursor) -> Option<Weekday> {
    let start = c.at;
    let word = c.word();
    let day = match word.as_str() {
        "monday" | "mon" => Weekday::Monday,
        "tuesday" | "tue" | "tues" => Weekday::Tuesday,
        "wednesday" | "wed" => Weekday::Wednesday,
        "thursday" | "thu" | "thur" | "thurs" => Weekday::Thursday,
        "friday" | "fri" => Weekday::Friday,
        "saturday" | "sat" => Weekday::Saturday,
        "sunday" | "sun" => Weekday::Sunday,
        _ => return None,
    };
    c.at += word.len();
    c.eat_char(|ch| ch == '.');
    c.eat_char(|ch| ch == ',');
    if c.spaces() == 0 {
        c.at = start;
        return None;
    }
    Some(day)
}

/// `month`: an English month name or its abbreviation (`Sept` too), with an
/// optional `.`.
fn month(c: &mut Cursor) -> Option<i8> {
    const NAMES: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let word = c.word();
    let month = NAMES.iter().position(|name| {
        word == *name || word == name[..3] || (word == "sept" && *name == "september")
    })?;
    c.at += word.len();
    c.eat_char(|ch| ch == '.');
    i8::try_from(month + 1).ok()
}

/// `day`: one or two digits, with an optional ordinal suffix (`1st`, `28th`).
fn day(c: &mut Cursor) -> Option<i8> {
    let day = c.digits(1, 2)?;
    let word = c.word();
    if matches!(word.as_str(), "st" | "nd" | "rd" | "th") {
        c.at += 2;
    } else if !word.is_empty() {
        return None;
    }
    i8::try_from(day).ok()
}

/// Four digits, not followed by another.
fn year(c: &mut Cursor) -> Option<i16> {
    c.digits(4, 4).and_then(|y| i16::try_from(y).ok())
}

/// One of the separators of a numeric date, the same both times.
fn separator(c: &mut Cursor) -> Option<char> {
    let sep = c.peek().filter(|ch| matches!(ch, '-' | '/' | '.'))?;
    c.at += 1;
    Some(sep)
}

/// `iso`: `2022-02-28`, `2022/02/28`, `2022.02.28`.
fn iso(c: &mut Cursor, _: DayOrder) -> Option<(i16, i8, i8)> {
    let year = year(c)?;
    let sep = separator(c)?;
    let month = c.digits(1, 2)?;
    c.eat_char(|ch| ch == sep).then_some(())?;
    let day = c.digits(1, 2)?;
    Some((year, i8::try_from(month).ok()?, i8::try_from(day).ok()?))
}

/// `numeric`: `28/02/2022`, `28.02.2022`, `28-02-2022`; which number is the
/// day is `order`'s to say unless only one reading has a month.
fn numeric(c: &mut Cursor, order: DayOrder) -> Option<(i16, i8, i8)> {
    let first = i8::try_from(c.digits(1, 2)?).ok()?;
    let sep = separator(c)?;
    let second = i8::try_from(c.digits(1, 2)?).ok()?;
    c.eat_char(|ch| ch == sep).then_some(())?;
    let year = year(c)?;
    let (day, month) = match order {
        DayOrder::DayFirst if second > 12 && first <= 12 => (second, first),
        DayOrder::DayFirst => (first, second),
        DayOrder::MonthFirst if first > 12 && second <= 12 => (first, second),
        DayOrder::MonthFirst => (second, first),
    };
    Some((year, month, day))
}

/// `month-first`: `Feb 28, 2022`, `February 28th 2022`, `Sept. 3, 2022`.
fn month_first(c: &mut Cursor, _: DayOrder) -> Option<(i16, i8, i8)> {
    let month = month(c)?;
    (c.spaces() > 0).then_some(())?;
    let day = day(c)?;
    c.eat_char(|ch| ch == ',');
    (c.spaces() > 0).then_some(())?;
    Some((year(c)?, month, day))
}

/// `day-first`: `28 February 2022`, `28th Feb, 2022`, `28-Feb-2022`.
fn day_first(c: &mut Cursor, _: DayOrder) -> Option<(i16, i8, i8)> {
    let day = day(c)?;
    let gap = |c: &mut Cursor| c.spaces() > 0 || c.eat_char(|ch| ch == '-');
    gap(c).then_some(())?;
    let month = month(c)?;
    c.eat_char(|ch| ch == ',');
    gap(c).then_some(())?;
    Some((year(c)?, month, day))
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn day_first(value: &str) -> Option<Date> {
        parse_loose(value, DayOrder::DayFirst)
    }

    fn month_first(value: &str) -> Option<Date> {
        parse_loose(value, DayOrder::MonthFirst)
    }

    const FEB_28: Option<Date> = Some(date(2022, 2, 28));

    #[test]
    fn iso_and_rfc_3339_give_the_calendar_date_as_written() {
        for value in [
            "2022-02-28",
            "  2022-02-28 ",
            "2022-02-28T10:00:00Z",
            "2022-02-28T10:00:00+02:00",
            "2022-02-28T23:30:00-05:00",
            "2022-02-28t10:00:00.123Z",
            "2022-02-28 10:00",
            "2022-02-28 10:00:00 +0000",
            "2022/02/28",
            "2022.02.28",
            "2022-2-28",
        ] {
            assert_eq!(day_first(value), FEB_28, "{value}");
            assert_eq!(month_first(value), FEB_28, "{value}");
        }
    }

    #[test]
    fn rfc_2822_with_its_offset_or_a_zone_name() {
        for value in [
            "Mon, 28 Feb 2022 10:00:00 +0000",
            "Mon, 28 Feb 2022 23:59:59 -0800",
            "Mon, 28 Feb 2022 10:00 GMT",
            "28 Feb 2022 10:00:00 +0000",
        ] {
            assert_eq!(day_first(value), FEB_28, "{value}");
        }
    }

    #[test]
    fn dates_written_out() {
        for value in [
            "Feb 28, 2022",
            "Feb. 28, 2022",
            "February 28, 2022",
            "february 28 2022",
            "FEBRUARY 28TH, 2022",
            "28 February 2022",
            "28 Feb 2022",
            "28th February, 2022",
            "28-Feb-2022",
            "Monday, 28 February 2022",
            "Monday 28 February 2022",
            "Mon, Feb 28, 2022",
            "Mon. 28 Feb 2022",
        ] {
            assert_eq!(day_first(value), FEB_28, "{value}");
            assert_eq!(month_first(value), FEB_28, "{value}");
        }
        assert_eq!(day_first("Sept 3, 2022"), Some(date(2022, 9, 3)));
        assert_eq!(day_first("1st May 2021"), Some(date(2021, 5, 1)));
        assert_eq!(day_first("May 2nd, 2021"), Some(date(2021, 5, 2)));
        assert_eq!(day_first("Thursday, 3 March 2022"), Some(date(2022, 3, 3)));
    }

    #[test]
    fn numeric_dates_by_the_day_order_unless_only_one_reading_exists() {
        for value in ["28/02/2022", "28.02.2022", "28-02-2022", "28/2/2022"] {
            assert_eq!(day_first(value), FEB_28, "{value}");
            // 28 cannot be a month: read day first whatever the setting.
            assert_eq!(month_first(value), FEB_28, "{value}");
        }
        assert_eq!(day_first("02/28/2022"), FEB_28);
        assert_eq!(month_first("02/28/2022"), FEB_28);
        assert_eq!(day_first("03/04/2022"), Some(date(2022, 4, 3)));
        assert_eq!(month_first("03/04/2022"), Some(date(2022, 3, 4)));
        assert_eq!(DayOrder::default(), DayOrder::DayFirst);
    }

    #[test]
    fn a_time_a_zone_or_an_update_after_the_date_is_ignored() {
        for value in [
            "28 February 2022 10:00 GMT",
            "28 February 2022, 10.30am ET",
            "February 28, 2022 at 10:00 a.m. EST",
            "Feb 28, 2022 | Updated Mar 1, 2022",
            "28/02/2022 | Updated 10:15",
            "2022-02-28 | 10:00",
            "Monday, 28 February 2022 10:00 (IST)",
        ] {
            assert_eq!(day_first(value), FEB_28, "{value}");
        }
    }

    #[test]
    fn impossible_dates_and_non_dates_are_none() {
        for value in [
            "2022-02-30",
            "2021-13-01",
            "2022-00-10",
            "31/04/2022",
            "30 February 2022",
            "Feb 29, 2022",
            "13/13/2022",
            // The weekday written is not that date's.
            "Tue, 28 Feb 2022",
            "Tuesday, 28 February 2022 10:00:00 +0000",
            "",
            "sometime soon",
            "yesterday",
            "2022",
            "Feb 2022",
            "28 Febr 2022",
            "22/02/28",
            "2022-02-28x",
            "2022-02-280",
            "28/02-2022",
            "2022-02-28 is when the talks began",
            "Feb 28, 20222",
            "Monday",
            "date night",
        ] {
            assert_eq!(day_first(value), None, "{value}");
        }
        // A leap day where there is one.
        assert_eq!(day_first("29 Feb 2024"), Some(date(2024, 2, 29)));
    }

    #[test]
    fn written_finds_the_date_at_the_start_and_where_it_ends() {
        let w = written("28/02/2022 Talks began.", DayOrder::DayFirst).unwrap();
        assert_eq!((w.end, w.date()), (10, FEB_28));
        let w = written("2022-02-30 Body", DayOrder::DayFirst).unwrap();
        assert_eq!((w.end, w.date()), (10, None));
        assert!(written("night was cancelled", DayOrder::DayFirst).is_none());
        assert!(is_tail(" 10:00 GMT") && is_tail("") && is_tail(", | x"));
        assert!(!is_tail(" Talks began.") && !is_tail(" 10 people") && !is_tail(" at noon"));
    }

    #[test]
    fn never_panics_on_odd_input() {
        for value in [
            "\u{feff}2022-02-28",
            "28/02/\u{e9}",
            "Mon,",
            "99/99/9999",
            "1st",
            "é 2022",
        ] {
            let _ = day_first(value);
            let _ = month_first(value);
        }
        assert_eq!(parse_date("2022-02-28"), FEB_28);
        assert_eq!(parse_date("28/02/2022"), None);
    }
}
