//! Time expressions in one sentence ("on Monday", "last week", "February 24,
//! 2022", "in 2014"), found left to right and resolved against the article's
//! date.
//!
//! Pure and total: `&str` in, values out; no I/O; never panics. The rules are
//! nom parsers over characters, one function per rule with the rule in its doc
//! comment (GRAMMAR.md lists them). At every word start all rules are tried and
//! the longest match wins; matches never overlap. A rule that needs a word
//! before it ("since 2014") looks at it without taking it into the phrase; the
//! prepositions `on`, `in` and `during` are taken into the phrase.
//!
//! ```text
//! time-expr  = iso-date / month-day / day-month / month-year / month / year / year-range
//!            / day-word / weekday / period / past / weekend / ago / vague ; the longest match
//! at         = ("on" / "in" / "during") SP                           ; kept in the phrase
//! within     = ("in" / "during") SP                                  ; kept in the phrase
//! iso-date   = 4DIGIT "-" 2DIGIT "-" 2DIGIT
//! month-day  = [at] [weekday-name [","] SP] month-name SP day ["-" day] [year-tail]
//! day-month  = [at] [weekday-name [","] SP] ["the" SP] day [SP "of"] SP month-name [year-tail]
//! month-year = [at] [part] month-name year-tail
//! month      = [within] (shift SP month-full / [part] month-full)    ; needs a cue, see `month`
//! year       = [within] [part] year4                                 ; needs a cue, see `year`
//! year-range = "between" SP year4 SP "and" SP year4
//!            / "from" SP year4 SP ("to" / "until") SP year4 / year4 ("-" / "–") year4
//! day-word   = "today" / "tonight" / "yesterday" [SP daypart] / "last night" / …
//! weekday    = [("early" / "late") SP] ["on" SP] [shift SP] weekday-name [SP daypart]
//! period     = ("earlier" / "later") SP ("this" / "in the") SP period-unit
//!            / shift SP period-unit
//! past       = "the" SP ("past" / "last") SP period-unit
//! weekend    = "the" SP "weekend"
//! ago        = count SP unit SP "ago"
//! vague      = count SP unit SP ("earlier" / "later" / "before" / "after" / "previously")
//!            / "the" SP ("previous" / "following" / "next" / "same") SP (unit / weekday-name)
//! year-tail  = [","] SP year4
//! part       = ("early" / "late") SP / "mid" ("-" / SP)
//! shift      = "this" / "last" / "next"
//! ```
//!
//! Month and weekday names must be capitalised ("May", not the verb "may");
//! a bare month needs `in`, a part, a shift or a cue word before it, and "May"
//! never takes a cue word ("by May" may be Theresa May). A weekday followed by
//! a newspaper word ("Sunday Times") or after a feast word ("Good Friday") is
//! not a date.
//!
//! Resolution, when the article has a date `A`:
//! - a bare weekday ("on Monday") is the most recent such day on or before `A`
//!   (the article's own weekday is `A`), unless the sentence before it marks the
//!   future (`will`, `would`, `shall`, `'ll`, `next`, `is to`, `are due`,
//!   `planned for`, `scheduled for`, …): then the first such day on or after `A`;
//! - `last Tuesday` is the most recent Tuesday before `A`, `next Tuesday` the
//!   first after it, `this Friday` the Friday of `A`'s ISO week (on or after `A`
//!   when the future is marked);
//! - a month without a year ("in February") is in `A`'s year, or the year
//!   before when it is more than one month after `A`'s month; with the future
//!   marked it is the first such month on or after `A`'s;
//! - a day without a year ("February 24") takes the year that puts it nearest
//!   to `A` (December 30 in an article of January 2 is the year before);
//! - weeks are ISO weeks (Monday to Sunday); `early`, `mid` and `late` narrow a
//!   month to days 1–10, 11–20, 21–end and a year to January–April, May–August,
//!   September–December, keeping the month or year precision.
//!
//! Without an article date a relative expression has no value; absolute ones
//! ("February 24, 2022", "in 2014") resolve anyway. Expressions relative to an
//! event ("two days later", "the following day") and vague counts ("a few
//! days ago") are found, so that nothing else reads their numbers, but have no
//! value.
//!
//! Deliberately not handled: numeric dates other than ISO ("24/02/2022" is
//! ambiguous), times of day, decades ("the 1990s"), seasons, holidays, lower
//! case month or weekday names, abbreviated weekdays ("Sun" is a newspaper),
//! a second month after "and" ("in January and February" gives January), and a
//! year with only a noun after it ("2014 troops", "Russia's 2014 annexation").

use super::number::{
    Res, SMALL_WORDS, capitalised, end_of_word, fail, kw, letters, phrase, prev_word, sp, table,
    tag_ci,
};
use crate::article::Span;
use jiff::civil::{Date, Weekday};
use nom::Parser;
use nom::branch::alt;
use nom::bytes::complete::{tag, take_while_m_n};
use nom::character::complete::{char, one_of, satisfy};
use nom::combinator::{map, not, opt, value, verify};
use nom::sequence::{preceded, terminated};
use serde::{Deserialize, Serialize};
use std::fmt;

/// One time expression in a sentence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimeExpr {
    /// Byte offsets into the article (the sentence's `base` added).
    pub span: Span,
    /// The phrase as written, with its preposition when it has one ("on Monday").
    pub text: String,
    /// The dates it stands for; `None` when it cannot be resolved.
    pub value: Option<TimeValue>,
    /// Whether the value depends on the article's date.
    pub relative: bool,
}

/// An inclusive range of days and how precisely the phrase named it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct TimeValue {
    pub start: Date,
    pub end: Date,
    pub precision: Precision,
}

/// The unit the phrase named: "on Monday" is a day, "last week" a week.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    Day,
    Week,
    Month,
    Year,
}

impl TimeValue {
    /// Whether the two ranges share at least one day.
    pub fn overlaps(&self, other: &TimeValue) -> bool {
        self.start <= other.end && other.start <= self.end
    }

    /// Whether every day of `other` is in this range.
    pub fn contains(&self, other: &TimeValue) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    fn day(d: Date) -> TimeValue {
        TimeValue::days(d, d)
    }

    fn days(start: Date, end: Date) -> TimeValue {
        TimeValue {
            start,
            end,
            precision: Precision::Day,
        }
    }

    /// The ISO week (Monday to Sunday) that holds `d`.
    fn week(d: Date) -> Option<TimeValue> {
        let start = monday(d)?;
        Some(TimeValue {
            start,
            end: add_days(start, 6)?,
            precision: Precision::Week,
        })
    }

    fn month(year: i16, month: i8, part: Part) -> Option<TimeValue> {
        let last = ymd(year, month, 1)?.last_of_month().day();
        let (first, last) = match part {
            Part::Whole => (1, last),
            Part::Early => (1, 10),
            Part::Mid => (11, 20),
            Part::Late => (21, last),
        };
        Some(TimeValue {
            start: ymd(year, month, first)?,
            end: ymd(year, month, last)?,
            precision: Precision::Month,
        })
    }

    fn year(year: i16, part: Part) -> Option<TimeValue> {
        let (first, last) = match part {
            Part::Whole => (1, 12),
            Part::Early => (1, 4),
            Part::Mid => (5, 8),
            Part::Late => (9, 12),
        };
        Some(TimeValue {
            start: ymd(year, first, 1)?,
            end: ymd(year, last, 1)?.last_of_month(),
            precision: Precision::Year,
        })
    }
}

/// "2022-02-28", "2022-02-26..2022-02-27", "week of 2022-02-21", "2022-02", "2022",
/// "1997..2002".
impl fmt::Display for TimeValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.precision {
            Precision::Day if self.start == self.end => write!(f, "{}", self.start),
            Precision::Day => write!(f, "{}..{}", self.start, self.end),
            Precision::Week => write!(f, "week of {}", monday(self.start).unwrap_or(self.start)),
            Precision::Month => write!(f, "{:04}-{:02}", self.start.year(), self.start.month()),
            Precision::Year if self.start.year() == self.end.year() => {
                write!(f, "{}", self.start.year())
            }
            Precision::Year => write!(f, "{}..{}", self.start.year(), self.end.year()),
        }
    }
}

/// Every time expression in `text` (one sentence, starting at byte `base` of
/// the article), left to right, without overlaps, each the longest match at
/// its position.
pub fn times(text: &str, base: usize, article_date: Option<Date>) -> Vec<TimeExpr> {
    let mut out = Vec::new();
    let mut pos = 0;
    while let Some(c) = text[pos..].chars().next() {
        let before = &text[..pos];
        if c.is_alphanumeric()
            && !before.ends_with(char::is_alphanumeric)
            && let Some((len, found)) = longest(Ctx { before }, &text[pos..])
        {
            let end = pos + len;
            out.push(TimeExpr {
                span: Span::new(base.saturating_add(pos), base.saturating_add(end)),
                text: text[pos..end].to_string(),
                value: resolve(found, article_date, future_marked(before)),
                relative: found.is_relative(),
            });
            pos = end;
            continue;
        }
        pos += c.len_utf8();
    }
    out
}

/// What the rules may look at besides their input: the sentence before it.
#[derive(Debug, Clone, Copy)]
struct Ctx<'a> {
    before: &'a str,
}

impl<'a> Ctx<'a> {
    fn prev_word(self) -> Option<&'a str> {
        prev_word(self.before)
    }

    /// Whether the word before is one of `words` (any case).
    fn after_one_of(self, words: &[&str]) -> bool {
        self.prev_word()
            .is_some_and(|p| words.iter().any(|w| p.eq_ignore_ascii_case(w)))
    }
}

/// What a rule read, before resolution against the article's date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Found {
    /// A full date or a range of days in one month of a given year.
    Date {
        start: Date,
        end: Date,
    },
    /// "February 24" (and "February 24-25"), no year.
    MonthDay {
        month: i8,
        first: i8,
        last: i8,
    },
    MonthYear {
        year: i16,
        month: i8,
        part: Part,
    },
    Month {
        month: i8,
        part: Part,
        shift: Shift,
    },
    Year {
        year: i16,
        part: Part,
    },
    /// "between 1997 and 2002": from the first day of one year to the last of another.
    Years {
        start: Date,
        end: Date,
    },
    /// "today" (0), "yesterday" (-1), …
    Day {
        offset: i8,
    },
    Weekday {
        weekday: Weekday,
        shift: Shift,
    },
    /// "this week", "earlier this month", "next year".
    Period {
        unit: Unit,
        shift: Shift,
        side: Side,
    },
    /// "the weekend": the nearest Saturday and Sunday, before or after by the tense.
    TheWeekend,
    /// "the past week": the span of one unit up to the article's date.
    Past {
        unit: Unit,
    },
    /// "three days ago"; no count for "a few days ago".
    Ago {
        count: Option<i64>,
        unit: Unit,
    },
    /// Recognised, but relative to something other than the article ("two days later").
    Vague,
}

impl Found {
    fn is_relative(self) -> bool {
        !matches!(
            self,
            Found::Date { .. } | Found::MonthYear { .. } | Found::Year { .. } | Found::Years { .. }
        )
    }
}

/// Which part of a month or year: `early`, `mid`, `late`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Whole,
    Early,
    Mid,
    Late,
}

/// `this`, `last`, `next`, or nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shift {
    Bare,
    This,
    Last,
    Next,
}

impl Shift {
    fn step(self) -> i64 {
        match self {
            Shift::Bare | Shift::This => 0,
            Shift::Last => -1,
            Shift::Next => 1,
        }
    }
}

/// The whole period, or its part before ("earlier this month") or after
/// ("later this week") the article's date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    Whole,
    Earlier,
    Later,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unit {
    Hour,
    Day,
    Week,
    Weekend,
    Month,
    Year,
    Decade,
}

// ---------------------------------------------------------------- words

const MONTHS: &[(&str, i8)] = &[
    ("January", 1),
    ("February", 2),
    ("March", 3),
    ("April", 4),
    ("May", 5),
    ("June", 6),
    ("July", 7),
    ("August", 8),
    ("September", 9),
    ("October", 10),
    ("November", 11),
    ("December", 12),
];

const MONTH_ABBREVIATIONS: &[(&str, i8)] = &[
    ("Jan", 1),
    ("Feb", 2),
    ("Mar", 3),
    ("Apr", 4),
    ("Jun", 6),
    ("Jul", 7),
    ("Aug", 8),
    ("Sep", 9),
    ("Sept", 9),
    ("Oct", 10),
    ("Nov", 11),
    ("Dec", 12),
];

const WEEKDAYS: &[(&str, Weekday)] = &[
    ("Monday", Weekday::Monday),
    ("Tuesday", Weekday::Tuesday),
    ("Wednesday", Weekday::Wednesday),
    ("Thursday", Weekday::Thursday),
    ("Friday", Weekday::Friday),
    ("Saturday", Weekday::Saturday),
    ("Sunday", Weekday::Sunday),
];

const DAYPARTS: &[(&str, ())] = &[
    ("morning", ()),
    ("afternoon", ()),
    ("evening", ()),
    ("night", ()),
];

/// Capitalised words that make a weekday part of a name: "Sunday Times".
const NAMES_AFTER_WEEKDAY: &[(&str, ())] = &[
    ("Times", ()),
    ("Telegraph", ()),
    ("Mirror", ()),
    ("Express", ()),
    ("Post", ()),
    ("People", ()),
    ("Herald", ()),
    ("Mail", ()),
    ("Independent", ()),
    ("Sport", ()),
    ("Star", ()),
    ("Record", ()),
    ("Tribune", ()),
    ("Journal", ()),
    ("Night Football", ()),
    ("Night Live", ()),
];

/// Capitalised words that make a weekday a named day whose date is not the
/// weekday rule's: "Good Friday", "Bloody Sunday".
const FEASTS: &[&str] = &[
    "Good", "Black", "Super", "Ash", "Holy", "Maundy", "Easter", "Palm", "Cyber", "Bloody",
    "Shrove", "Whit", "Low", "Giving", "Orthodox",
];

/// Words before a bare month name that make it a month: "since February".
const MONTH_CUES: &[&str] = &[
    "since",
    "by",
    "until",
    "till",
    "from",
    "before",
    "after",
    "of",
    "to",
    "through",
    "throughout",
    "between",
];

/// Words before a bare year that make it a year whatever follows: "since 2014".
const YEAR_CUES: &[&str] = &[
    "since",
    "until",
    "till",
    "from",
    "before",
    "after",
    "through",
    "throughout",
    "circa",
];

/// Words before a bare year that make it a year unless a counted plural
/// follows: "the 2014 coup", but "the 2000 troops".
const YEAR_CUES_BEFORE_NOUNS: &[&str] = &["the", "of", "by"];

/// Plurals that follow a year as often as a count: "the 2014 elections".
const EVENT_PLURALS: &[&str] = &[
    "elections",
    "games",
    "olympics",
    "talks",
    "protests",
    "accords",
    "agreements",
    "sanctions",
    "riots",
    "floods",
    "attacks",
    "negotiations",
    "hostilities",
    "events",
    "polls",
    "hearings",
    "midterms",
    "championships",
];

/// Counted words that are plural without an `s`.
const BARE_PLURALS: &[&str] = &[
    "people",
    "men",
    "women",
    "children",
    "police",
    "personnel",
    "dead",
];

/// Words in the sentence before an expression that put it in the future.
const FUTURE_WORDS: &[&str] = &["will", "would", "shall", "ll", "next"];

/// Word pairs in the sentence before an expression that put it in the future.
const FUTURE_PAIRS: &[(&str, &str)] = &[
    ("is", "to"),
    ("are", "to"),
    ("is", "due"),
    ("are", "due"),
    ("planned", "for"),
    ("scheduled", "for"),
    ("set", "to"),
    ("set", "for"),
    ("going", "to"),
];

/// Counts other than numerals: the articles and "a couple of" (the number
/// words one to twelve are [`SMALL_WORDS`]'s).
const ARTICLE_COUNTS: &[(&str, u32)] = &[("a", 1), ("an", 1), ("a couple of", 2)];

/// The number words "N … ago" takes: one to twelve.
const SMALL_COUNTS: &[(&str, u32)] = SMALL_WORDS.split_at(12).0;

/// Counts that say "some": the expression is recognised but has no value.
const VAGUE_COUNTS: &[(&str, ())] = &[("a few", ()), ("several", ()), ("some", ()), ("few", ())];

const UNITS: &[(&str, Unit)] = &[
    ("hour", Unit::Hour),
    ("hours", Unit::Hour),
    ("day", Unit::Day),
    ("days", Unit::Day),
    ("night", Unit::Day),
    ("nights", Unit::Day),
    ("week", Unit::Week),
    ("weeks", Unit::Week),
    ("month", Unit::Month),
    ("months", Unit::Month),
    ("year", Unit::Year),
    ("years", Unit::Year),
    ("decade", Unit::Decade),
    ("decades", Unit::Decade),
];

const PERIOD_UNITS: &[(&str, Unit)] = &[
    ("week", Unit::Week),
    ("weekend", Unit::Weekend),
    ("month", Unit::Month),
    ("year", Unit::Year),
];

const SHIFTS: &[(&str, Shift)] = &[
    ("this", Shift::This),
    ("last", Shift::Last),
    ("next", Shift::Next),
];

/// Day words: the offset from the article's date, and whether a daypart may
/// follow ("yesterday morning").
const DAY_WORDS: &[(&str, (i8, bool))] = &[
    ("today", (0, true)),
    ("tonight", (0, false)),
    ("overnight", (0, false)),
    ("yesterday", (-1, true)),
    ("tomorrow", (1, true)),
    ("last night", (-1, false)),
    ("this morning", (0, false)),
    ("this afternoon", (0, false)),
    ("this evening", (0, false)),
    ("earlier today", (0, false)),
    ("later today", (0, false)),
    ("earlier in the day", (0, false)),
    ("later in the day", (0, false)),
    ("the day before yesterday", (-2, false)),
    ("the day after tomorrow", (2, false)),
];

/// Exactly `n` ASCII digits.
fn digits<'a>(n: usize) -> impl FnMut(&'a str) -> Res<'a, &'a str> {
    take_while_m_n(n, n, |c: char| c.is_ascii_digit())
}

/// `month-full = "January" / … / "December"`, capitalised.
fn month_full(i: &str) -> Res<'_, i8> {
    capitalised(MONTHS)(i)
}

/// `month-name = month-full / month-abbr ["."]` ("Feb. 24", "Sept 3"), capitalised.
fn month_name(i: &str) -> Res<'_, i8> {
    alt((
        month_full,
        terminated(capitalised(MONTH_ABBREVIATIONS), opt(char('.'))),
    ))
    .parse(i)
}

/// `weekday-name = "Monday" / … / "Sunday"`, capitalised.
fn weekday_name(i: &str) -> Res<'_, Weekday> {
    capitalised(WEEKDAYS)(i)
}

/// `day = 1*2DIGIT [("st" / "nd" / "rd" / "th")]`, 1–31, not followed by
/// `,` `.` or `:` and a digit ("March 2,000 troops" holds no day).
fn day(i: &str) -> Res<'_, i8> {
    let (rest, d) = take_while_m_n(1, 2, |c: char| c.is_ascii_digit())(i)?;
    let (rest, _) = opt(alt((
        tag_ci("st"),
        tag_ci("nd"),
        tag_ci("rd"),
        tag_ci("th"),
    )))
    .parse(rest)?;
    let (rest, ()) = end_of_word(rest)?;
    let (rest, ()) = not((one_of(",.:"), satisfy(|c| c.is_ascii_digit()))).parse(rest)?;
    match d.parse::<i8>() {
        Ok(n) if (1..=31).contains(&n) => Ok((rest, n)),
        _ => fail(i),
    }
}

/// `year4 = 4DIGIT`, whole, not followed by `,` or `.` and a digit, nor `%`.
fn year4(i: &str) -> Res<'_, i16> {
    let (rest, y) = digits(4)(i)?;
    let (rest, ()) = end_of_word(rest)?;
    let (rest, ()) = not(alt((
        value((), (one_of(",."), satisfy(|c| c.is_ascii_digit()))),
        value((), char('%')),
    )))
    .parse(rest)?;
    match y.parse::<i16>() {
        Ok(n) => Ok((rest, n)),
        Err(_) => fail(i),
    }
}

/// `year-tail = [","] SP year4`
fn year_tail(i: &str) -> Res<'_, i16> {
    preceded((opt(char(',')), sp), year4).parse(i)
}

/// `at = ("on" / "in" / "during") SP` — kept in the phrase.
fn at(i: &str) -> Res<'_, ()> {
    value((), (alt((kw("on"), kw("in"), kw("during"))), sp)).parse(i)
}

/// `within = ("in" / "during") SP` — kept in the phrase: "in February", "in 2014".
fn within(i: &str) -> Res<'_, ()> {
    value((), (alt((kw("in"), kw("during"))), sp)).parse(i)
}

/// `weekday-prefix = weekday-name [","] SP` ("Monday, February 28").
fn weekday_prefix(i: &str) -> Res<'_, Weekday> {
    terminated(weekday_name, (opt(char(',')), sp)).parse(i)
}

/// `part = ("early" / "late") SP / "mid" ("-" / SP)`
fn part(i: &str) -> Res<'_, Part> {
    alt((
        value(Part::Early, (kw("early"), sp)),
        value(Part::Late, (kw("late"), sp)),
        value(Part::Mid, (kw("mid"), alt((tag("-"), sp)))),
    ))
    .parse(i)
}

/// `shift = "this" / "last" / "next"`
fn shift(i: &str) -> Res<'_, Shift> {
    table(SHIFTS)(i)
}

/// `count = 1*4DIGIT / "one" / … / "twelve" / "a" / "an" / "a couple of"
///        / "a few" / "several" / "some"` — no number for the last three.
fn count(i: &str) -> Res<'_, Option<i64>> {
    let number = |i| -> Res<'_, i64> {
        let (rest, d) = take_while_m_n(1, 4, |c: char| c.is_ascii_digit())(i)?;
        let (rest, ()) = end_of_word(rest)?;
        match d.parse() {
            Ok(n) => Ok((rest, n)),
            Err(_) => fail(i),
        }
    };
    alt((
        value(None, table(VAGUE_COUNTS)),
        map(
            alt((
                number,
                map(alt((table(SMALL_COUNTS), table(ARTICLE_COUNTS))), i64::from),
            )),
            Some,
        ),
    ))
    .parse(i)
}

/// `unit = "day" / "days" / "week" / … / "decades"`
fn unit(i: &str) -> Res<'_, Unit> {
    table(UNITS)(i)
}

// ---------------------------------------------------------------- rules

/// Every rule, tried at each word start; the longest match wins, the first
/// listed on a tie.
type Rule = for<'a> fn(Ctx<'a>, &'a str) -> Res<'a, Found>;
const RULES: &[Rule] = &[
    iso_date, month_day, day_month, month_year, month, year, year_range, day_word, weekday, period,
    past, weekend, ago, vague,
];

/// The longest match of any rule at `i`.
fn longest(ctx: Ctx<'_>, i: &str) -> Option<(usize, Found)> {
    if !may_start(i) {
        return None;
    }
    every_rule(ctx, i)
}

/// Words a rule can start with besides those of the word tables: prepositions
/// and the words `part`, `period`, `past`, `vague` and `year-range` open with.
const OPENERS: &[&str] = &[
    "on", "in", "during", "the", "early", "late", "mid", "earlier", "later", "between", "from",
];

/// A shortcut: whether any rule can match at `i`, judged by its first word
/// (most words cannot start a time expression). The test
/// `the_shortcut_changes_nothing` checks it against [`every_rule`].
fn may_start(i: &str) -> bool {
    let end = i.find(|c: char| !c.is_alphanumeric()).unwrap_or(i.len());
    let word = &i[..end];
    let is = |w: &str| word.eq_ignore_ascii_case(w);
    let first_is = |p: &str| opens(p, word);
    word.starts_with(|c: char| c.is_ascii_digit())
        || OPENERS.iter().any(|w| is(w))
        || (word.starts_with(char::is_uppercase)
            && (MONTHS.iter().any(|(w, _)| is(w))
                || MONTH_ABBREVIATIONS.iter().any(|(w, _)| is(w))
                || WEEKDAYS.iter().any(|(w, _)| is(w))))
        || DAY_WORDS.iter().any(|(p, _)| first_is(p))
        || SHIFTS.iter().any(|(p, _)| first_is(p))
        || SMALL_COUNTS.iter().any(|(p, _)| first_is(p))
        || ARTICLE_COUNTS.iter().any(|(p, _)| first_is(p))
        || VAGUE_COUNTS.iter().any(|(p, _)| first_is(p))
}

/// Whether `word` is the first word of `phrase`, any case.
pub(super) fn opens(phrase: &str, word: &str) -> bool {
    let (p, w) = (phrase.as_bytes(), word.as_bytes());
    p.len() >= w.len()
        && p[..w.len()].eq_ignore_ascii_case(w)
        && matches!(p.get(w.len()), None | Some(b' '))
}

/// Every rule tried at `i`; the longest match, the first listed on a tie.
fn every_rule(ctx: Ctx<'_>, i: &str) -> Option<(usize, Found)> {
    let mut best: Option<(usize, Found)> = None;
    for rule in RULES {
        if let Ok((rest, found)) = rule(ctx, i) {
            let len = i.len() - rest.len();
            if len > 0 && best.is_none_or(|(l, _)| len > l) {
                best = Some((len, found));
            }
        }
    }
    best
}

/// `iso-date = 4DIGIT "-" 2DIGIT "-" 2DIGIT` — a real calendar date.
fn iso_date<'a>(_: Ctx<'a>, i: &'a str) -> Res<'a, Found> {
    let (rest, (y, _, m, _, d)) =
        (digits(4), char('-'), digits(2), char('-'), digits(2)).parse(i)?;
    let (rest, ()) = end_of_word(rest)?;
    let date = match (y.parse(), m.parse(), d.parse()) {
        (Ok(y), Ok(m), Ok(d)) => ymd(y, m, d),
        _ => None,
    };
    match date {
        Some(d) => Ok((rest, Found::Date { start: d, end: d })),
        None => fail(i),
    }
}

/// `month-day = [at] [weekday-name [","] SP] month-name SP day [("-" / "–") day] [year-tail]`
/// — "on February 24", "Feb. 24, 2022", "Monday, February 28", "March 3-4".
fn month_day<'a>(_: Ctx<'a>, i: &'a str) -> Res<'a, Found> {
    let (i, _) = opt(at).parse(i)?;
    let (i, _) = opt(weekday_prefix).parse(i)?;
    let (i, month) = month_name(i)?;
    let (i, _) = sp(i)?;
    let (i, first) = day(i)?;
    let (i, last) = opt(verify(preceded(one_of("-–"), day), |&last| last > first)).parse(i)?;
    let (i, year) = opt(year_tail).parse(i)?;
    calendar(i, year, month, first, last.unwrap_or(first))
}

/// `day-month = [at] [weekday-name [","] SP] ["the" SP] day [SP "of"] SP month-name [year-tail]`
/// — "24 February", "on 24th February 2022", "the 24th of February".
fn day_month<'a>(_: Ctx<'a>, i: &'a str) -> Res<'a, Found> {
    let (i, _) = opt(at).parse(i)?;
    let (i, _) = opt(weekday_prefix).parse(i)?;
    let (i, _) = opt((kw("the"), sp)).parse(i)?;
    let (i, first) = day(i)?;
    let (i, _) = opt((sp, kw("of"))).parse(i)?;
    let (i, _) = sp(i)?;
    let (i, month) = month_name(i)?;
    let (i, year) = opt(year_tail).parse(i)?;
    calendar(i, year, month, first, first)
}

/// A day range in one month: a date with a year, a `MonthDay` without one.
fn calendar(rest: &str, year: Option<i16>, month: i8, first: i8, last: i8) -> Res<'_, Found> {
    let found = match year {
        Some(y) => ymd(y, month, first)
            .zip(ymd(y, month, last))
            .map(|(start, end)| Found::Date { start, end }),
        // 2000 is a leap year, so February 29 passes here.
        None => ymd(2000, month, first)
            .and(ymd(2000, month, last))
            .map(|_| Found::MonthDay { month, first, last }),
    };
    match found {
        Some(f) => Ok((rest, f)),
        None => fail(rest),
    }
}

/// `month-year = [at] [part] month-name [","] SP year4` — "February 2022", "in early March 2022".
fn month_year<'a>(_: Ctx<'a>, i: &'a str) -> Res<'a, Found> {
    let (i, _) = opt(at).parse(i)?;
    let (i, part) = opt(part).parse(i)?;
    let (i, month) = month_name(i)?;
    let (rest, year) = year_tail(i)?;
    match ymd(year, month, 1) {
        Some(_) => Ok((
            rest,
            Found::MonthYear {
                year,
                month,
                part: part.unwrap_or(Part::Whole),
            },
        )),
        None => fail(i),
    }
}

/// `month = [within] (shift SP month-full / [part] month-full)` — "in February",
/// "last March", "mid-February", "early March". Without `within`, a shift or a
/// part it needs a cue word before it (`since`, `by`, `until`, `from`, `of`,
/// `to`, …); "May" never takes a cue word, so that "by May" stays a name.
fn month<'a>(ctx: Ctx<'a>, i: &'a str) -> Res<'a, Found> {
    let (i, at) = opt(within).parse(i)?;
    let (i, shift) = opt(terminated(shift, sp)).parse(i)?;
    let (i, part) = match shift {
        None => opt(part).parse(i)?,
        Some(_) => (i, None),
    };
    let (rest, month) = month_full(i)?;
    // "on February 30" is no month: a day that is not one does not fall back.
    let (rest, ()) = not(preceded(sp, day)).parse(rest)?;
    let marked = at.is_some() || shift.is_some() || part.is_some();
    if !marked && (month == 5 || !ctx.after_one_of(MONTH_CUES)) {
        return fail(rest);
    }
    Ok((
        rest,
        Found::Month {
            month,
            part: part.unwrap_or(Part::Whole),
            shift: shift.unwrap_or(Shift::Bare),
        },
    ))
}

/// `year = [within] [part] year4` with the year in 1900–2099 — "in 2014",
/// "mid-2014", "since 2014", "the 2014 coup". Without `within` or a part it needs a
/// cue word before it: `since`, `until`, `from`, `before`, `after`, … always;
/// `the`, `of`, `by` only when no counted plural follows ("the 2000 troops",
/// "by 2000 votes" are counts). A year followed by a noun alone ("2014
/// troops", "Russia's 2014 annexation") is never taken: the noun cannot tell a
/// count from a year.
fn year<'a>(ctx: Ctx<'a>, i: &'a str) -> Res<'a, Found> {
    let (i, at) = opt(within).parse(i)?;
    let (i, part) = opt(part).parse(i)?;
    let (rest, year) = verify(year4, |y| (1900..=2099).contains(y)).parse(i)?;
    let cued = at.is_some()
        || part.is_some()
        || ctx.after_one_of(YEAR_CUES)
        || (ctx.after_one_of(YEAR_CUES_BEFORE_NOUNS) && !counted_plural_follows(rest));
    if !cued {
        return fail(rest);
    }
    Ok((
        rest,
        Found::Year {
            year,
            part: part.unwrap_or(Part::Whole),
        },
    ))
}

/// `year-range = "between" SP year4 SP "and" SP year4 / "from" SP year4 SP ("to" / "until") SP year4
///            / year4 ("-" / "–") year4` — both 1900–2099, the second later: "between
/// 1997 and 2002", "2014-2016". One value from the first January to the last December.
fn year_range<'a>(_: Ctx<'a>, i: &'a str) -> Res<'a, Found> {
    let in_century = |i| verify(year4, |y| (1900..=2099).contains(y)).parse(i);
    let between = (kw("between"), sp, in_century, sp, kw("and"), sp, in_century);
    let from = (
        kw("from"),
        sp,
        in_century,
        sp,
        alt((kw("to"), kw("until"))),
        sp,
        in_century,
    );
    let (rest, (first, last)) = alt((
        map(between, |(_, _, a, _, _, _, b)| (a, b)),
        map(from, |(_, _, a, _, _, _, b)| (a, b)),
        map((in_century, one_of("-–"), in_century), |(a, _, b)| (a, b)),
    ))
    .parse(i)?;
    let value = TimeValue::year(first, Part::Whole).zip(TimeValue::year(last, Part::Whole));
    match value {
        Some((a, b)) if last > first => Ok((
            rest,
            Found::Years {
                start: a.start,
                end: b.end,
            },
        )),
        _ => fail(i),
    }
}

/// Whether `w` is a month or weekday name as written ("March", "Monday").
pub(super) fn is_calendar_word(w: &str) -> bool {
    MONTHS.iter().any(|(m, _)| *m == w) || WEEKDAYS.iter().any(|(d, _)| *d == w)
}

/// Whether the next word is a lowercase plural that is counted ("troops",
/// "people"), not an event ("elections").
fn counted_plural_follows(rest: &str) -> bool {
    let Ok((_, w)) = preceded(sp, letters).parse(rest) else {
        return false;
    };
    w.starts_with(char::is_lowercase)
        && (BARE_PLURALS.contains(&w)
            || (w.ends_with('s') && !w.ends_with("ss") && !EVENT_PLURALS.contains(&w)))
}

/// `day-word = "today" / "tonight" / "overnight" / ("yesterday" / "tomorrow" / "today") [SP daypart]
///           / "last night" / "this" SP daypart / ("earlier" / "later") SP ("today" / "in the day")
///           / "the day before yesterday" / "the day after tomorrow"`
fn day_word<'a>(_: Ctx<'a>, i: &'a str) -> Res<'a, Found> {
    let (i, (offset, daypart)) = table(DAY_WORDS)(i)?;
    let (i, _) = if daypart {
        opt(preceded(sp, table(DAYPARTS))).parse(i)?
    } else {
        (i, None)
    };
    Ok((i, Found::Day { offset }))
}

/// `weekday = [("early" / "late") SP] ["on" SP] [shift SP] weekday-name [SP daypart]`
/// — "on Monday", "late on Sunday", "on Sunday night", "last Tuesday". Not
/// part of a name ("Sunday Times") nor a named day ("Good Friday").
fn weekday<'a>(ctx: Ctx<'a>, i: &'a str) -> Res<'a, Found> {
    let start = i;
    let (i, _) = opt((alt((kw("early"), kw("late"))), sp)).parse(i)?;
    let (i, _) = opt((kw("on"), sp)).parse(i)?;
    let (i, shift) = opt(terminated(shift, sp)).parse(i)?;
    let (rest, weekday) = weekday_name(i)?;
    let prefixed = i.len() < start.len();
    if !prefixed && ctx.prev_word().is_some_and(|w| FEASTS.contains(&w)) {
        return fail(rest);
    }
    let (rest, ()) = not(preceded(sp, capitalised(NAMES_AFTER_WEEKDAY))).parse(rest)?;
    let (rest, _) = opt(preceded(sp, table(DAYPARTS))).parse(rest)?;
    Ok((
        rest,
        Found::Weekday {
            weekday,
            shift: shift.unwrap_or(Shift::Bare),
        },
    ))
}

/// `period = ("earlier" / "later") SP ("this" / "in the") SP period-unit / shift SP period-unit`;
/// `period-unit = "week" / "weekend" / "month" / "year"` — "this week", "last
/// year", "earlier this month", "later in the week".
fn period<'a>(_: Ctx<'a>, i: &'a str) -> Res<'a, Found> {
    let side_of = alt((
        value(Side::Earlier, (kw("earlier"), sp)),
        value(Side::Later, (kw("later"), sp)),
    ));
    let (i, side) = opt(side_of).parse(i)?;
    let (i, shift) = match side {
        Some(_) => {
            let (i, _) = alt((phrase("in the"), kw("this"))).parse(i)?;
            (i, Shift::This)
        }
        None => shift(i)?,
    };
    let (rest, unit) = preceded(sp, table(PERIOD_UNITS)).parse(i)?;
    Ok((
        rest,
        Found::Period {
            unit,
            shift,
            side: side.unwrap_or(Side::Whole),
        },
    ))
}

/// `past = "the" SP ("past" / "last") SP period-unit` — "the past week": the
/// week up to the article's date, not the ISO week before it.
fn past<'a>(_: Ctx<'a>, i: &'a str) -> Res<'a, Found> {
    let (i, _) = (kw("the"), sp, alt((kw("past"), kw("last"))), sp).parse(i)?;
    let (rest, unit) = table(PERIOD_UNITS)(i)?;
    Ok((rest, Found::Past { unit }))
}

/// `weekend = "the" SP "weekend"` — "over the weekend": the most recent
/// Saturday and Sunday (the coming ones when the future is marked).
fn weekend<'a>(_: Ctx<'a>, i: &'a str) -> Res<'a, Found> {
    let (rest, _) = phrase("the weekend")(i)?;
    Ok((rest, Found::TheWeekend))
}

/// `ago = count SP unit SP "ago"` — "three days ago", "a year ago", "a few weeks ago" (no value).
fn ago<'a>(_: Ctx<'a>, i: &'a str) -> Res<'a, Found> {
    let (i, count) = count(i)?;
    let (i, unit) = preceded(sp, unit).parse(i)?;
    let (rest, _) = (sp, kw("ago")).parse(i)?;
    Ok((rest, Found::Ago { count, unit }))
}

/// `vague = count SP unit SP ("earlier" / "later" / "before" / "after" / "previously")
///        / "the" SP ("previous" / "following" / "next" / "same") SP (unit / weekday-name)`
/// — relative to an event the sentence names, so it has no value.
fn vague<'a>(_: Ctx<'a>, i: &'a str) -> Res<'a, Found> {
    let relative_to_event = (
        count,
        sp,
        unit,
        sp,
        alt((
            kw("earlier"),
            kw("later"),
            kw("before"),
            kw("after"),
            kw("previously"),
        )),
    );
    let the_other = (
        kw("the"),
        sp,
        alt((kw("previous"), kw("following"), kw("next"), kw("same"))),
        sp,
        alt((value((), unit), value((), weekday_name))),
    );
    let (rest, ()) = alt((value((), relative_to_event), value((), the_other))).parse(i)?;
    Ok((rest, Found::Vague))
}

// ---------------------------------------------------------------- resolution

/// The dates `found` stands for, given the article's date and whether the
/// sentence marks the future.
fn resolve(found: Found, article: Option<Date>, future: bool) -> Option<TimeValue> {
    match found {
        Found::Date { start, end } => Some(TimeValue::days(start, end)),
        Found::MonthYear { year, month, part } => TimeValue::month(year, month, part),
        Found::Year { year, part } => TimeValue::year(year, part),
        Found::Years { start, end } => Some(TimeValue {
            start,
            end,
            precision: Precision::Year,
        }),
        Found::Vague => None,
        Found::MonthDay { month, first, last } => {
            let start = nearest(article?, month, first)?;
            Some(TimeValue::days(start, ymd(start.year(), month, last)?))
        }
        Found::Month { month, part, shift } => {
            let year = year_of_month(article?, month, shift, future)?;
            TimeValue::month(year, month, part)
        }
        Found::Day { offset } => add_days(article?, offset.into()).map(TimeValue::day),
        Found::Weekday { weekday, shift } => {
            weekday_date(article?, weekday, shift, future).map(TimeValue::day)
        }
        Found::Period { unit, shift, side } => period_value(article?, unit, shift, side),
        Found::Past { unit } => {
            let a = article?;
            let start = match unit {
                Unit::Week => add_days(a, -7)?,
                Unit::Weekend => add_days(a, -2)?,
                Unit::Month => a.checked_sub(jiff::Span::new().months(1)).ok()?,
                Unit::Year => a.checked_sub(jiff::Span::new().years(1)).ok()?,
                Unit::Hour | Unit::Day | Unit::Decade => return None,
            };
            Some(TimeValue::days(start, a))
        }
        Found::Ago { count, unit } => ago_value(article?, count?, unit),
        Found::TheWeekend => {
            let a = article?;
            let saturday = match future {
                // A Sunday article's coming weekend is its own.
                true if a.weekday() == Weekday::Sunday => add_days(a, -1)?,
                true => on_or_after(a, Weekday::Saturday)?,
                false if a.weekday() == Weekday::Saturday => a,
                false => on_or_before(add_days(a, -1)?, Weekday::Saturday)?,
            };
            Some(TimeValue::days(saturday, add_days(saturday, 1)?))
        }
    }
}

/// The date of `month`/`day` in the year that puts it nearest to `a`.
fn nearest(a: Date, month: i8, day: i8) -> Option<Date> {
    [
        a.year().checked_sub(1),
        Some(a.year()),
        a.year().checked_add(1),
    ]
    .into_iter()
    .flatten()
    .filter_map(|y| ymd(y, month, day))
    .min_by_key(|d| a.duration_until(*d).as_secs().unsigned_abs())
}

/// The year of a month named without one (see the module docs).
fn year_of_month(a: Date, month: i8, shift: Shift, future: bool) -> Option<i16> {
    let (y, m) = (a.year(), a.month());
    match shift {
        Shift::This => Some(y),
        Shift::Last if month < m => Some(y),
        Shift::Last => y.checked_sub(1),
        Shift::Next if month > m => Some(y),
        Shift::Next => y.checked_add(1),
        Shift::Bare if future && month >= m => Some(y),
        Shift::Bare if future => y.checked_add(1),
        Shift::Bare if month > m + 1 => y.checked_sub(1),
        Shift::Bare => Some(y),
    }
}

/// The date of a weekday named relative to `a` (see the module docs).
fn weekday_date(a: Date, wd: Weekday, shift: Shift, future: bool) -> Option<Date> {
    match shift {
        Shift::Bare | Shift::This if future => on_or_after(a, wd),
        Shift::Bare => on_or_before(a, wd),
        Shift::This => add_days(monday(a)?, wd.to_monday_zero_offset().into()),
        Shift::Last => on_or_before(add_days(a, -1)?, wd),
        Shift::Next => on_or_after(add_days(a, 1)?, wd),
    }
}

fn period_value(a: Date, unit: Unit, shift: Shift, side: Side) -> Option<TimeValue> {
    let step = shift.step();
    let whole = match unit {
        Unit::Week => TimeValue::week(add_days(a, 7 * step)?)?,
        Unit::Weekend => {
            let m = monday(add_days(a, 7 * step)?)?;
            TimeValue::days(add_days(m, 5)?, add_days(m, 6)?)
        }
        Unit::Month => {
            let d = add_months(a.first_of_month(), step)?;
            TimeValue::month(d.year(), d.month(), Part::Whole)?
        }
        Unit::Year => TimeValue::year(
            a.year().checked_add(i16::try_from(step).ok()?)?,
            Part::Whole,
        )?,
        Unit::Hour | Unit::Day | Unit::Decade => return None,
    };
    let inside = whole.start <= a && a <= whole.end;
    Some(match side {
        Side::Earlier if inside => TimeValue { end: a, ..whole },
        Side::Later if inside => TimeValue { start: a, ..whole },
        _ => whole,
    })
}

fn ago_value(a: Date, n: i64, unit: Unit) -> Option<TimeValue> {
    let years_back = |years: i64| -> Option<TimeValue> {
        let y = i16::try_from(i64::from(a.year()).checked_sub(years)?).ok()?;
        TimeValue::year(y, Part::Whole)
    };
    match unit {
        Unit::Hour => Some(TimeValue::day(a)),
        Unit::Day => add_days(a, n.checked_neg()?).map(TimeValue::day),
        Unit::Week => TimeValue::week(add_days(a, n.checked_mul(-7)?)?),
        Unit::Weekend => None,
        Unit::Month => {
            let d = add_months(a.first_of_month(), n.checked_neg()?)?;
            TimeValue::month(d.year(), d.month(), Part::Whole)
        }
        Unit::Year => years_back(n),
        Unit::Decade => years_back(n.checked_mul(10)?),
    }
}

/// Whether the sentence before an expression marks the future: one of
/// [`FUTURE_WORDS`] or [`FUTURE_PAIRS`], any case ("will", "we'll", "is to").
fn future_marked(before: &str) -> bool {
    let words: Vec<String> = before
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    words.iter().any(|w| FUTURE_WORDS.contains(&w.as_str()))
        || words
            .windows(2)
            .any(|p| FUTURE_PAIRS.contains(&(p[0].as_str(), p[1].as_str())))
}

fn ymd(year: i16, month: i8, day: i8) -> Option<Date> {
    Date::new(year, month, day).ok()
}

fn add_days(d: Date, n: i64) -> Option<Date> {
    d.checked_add(jiff::Span::new().try_days(n).ok()?).ok()
}

fn add_months(d: Date, n: i64) -> Option<Date> {
    d.checked_add(jiff::Span::new().try_months(n).ok()?).ok()
}

/// The Monday of `d`'s ISO week.
fn monday(d: Date) -> Option<Date> {
    add_days(d, -i64::from(d.weekday().to_monday_zero_offset()))
}

fn on_or_before(a: Date, wd: Weekday) -> Option<Date> {
    add_days(a, -i64::from(wd.until(a.weekday())))
}

fn on_or_after(a: Date, wd: Weekday) -> Option<Date> {
    add_days(a, i64::from(a.weekday().until(wd)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn date(s: &str) -> Date {
        s.parse().unwrap()
    }

    /// Each expression's text and value (displayed, or "-") for an article dated `a`.
    fn read(a: &str, text: &str) -> Vec<(String, String)> {
        times(text, 0, Some(date(a)))
            .into_iter()
            .map(|t| (t.text, t.value.map_or("-".to_string(), |v| v.to_string())))
            .collect()
    }

    /// The one expression in `text`, as "phrase = value".
    fn one(a: &str, text: &str) -> String {
        let found = read(a, text);
        assert_eq!(found.len(), 1, "{text:?}: {found:?}");
        format!("{} = {}", found[0].0, found[0].1)
    }

    fn none(a: &str, text: &str) {
        assert_eq!(read(a, text), vec![], "{text:?}");
    }

    // 2022-02-28 is a Monday.
    const MON: &str = "2022-02-28";
    const SUN: &str = "2022-02-27";

    #[test]
    fn bare_weekday_is_on_or_before_the_article_date() {
        assert_eq!(one(MON, "Talks began on Monday."), "on Monday = 2022-02-28");
        assert_eq!(
            one(SUN, "Polls closed on Sunday."),
            "on Sunday = 2022-02-27"
        );
        assert_eq!(one(SUN, "He left on Saturday."), "on Saturday = 2022-02-26");
        assert_eq!(one(MON, "Tuesday was calm."), "Tuesday = 2022-02-22");
        assert_eq!(one(MON, "Sunday's vote"), "Sunday = 2022-02-27");
    }

    #[test]
    fn weekday_with_daypart_or_early_late() {
        assert_eq!(
            one(MON, "It fell on Sunday night."),
            "on Sunday night = 2022-02-27"
        );
        assert_eq!(
            one(MON, "on Saturday morning"),
            "on Saturday morning = 2022-02-26"
        );
        assert_eq!(one(MON, "late on Sunday"), "late on Sunday = 2022-02-27");
        assert_eq!(one(MON, "early Friday"), "early Friday = 2022-02-25");
        assert_eq!(one(MON, "Friday evening"), "Friday evening = 2022-02-25");
    }

    #[test]
    fn weekday_in_a_future_sentence_is_on_or_after() {
        assert_eq!(
            one(MON, "Talks will resume on Thursday."),
            "on Thursday = 2022-03-03"
        );
        assert_eq!(
            one(MON, "He said he would go on Monday."),
            "on Monday = 2022-02-28"
        );
        assert_eq!(
            one(MON, "The vote is scheduled for Friday."),
            "Friday = 2022-03-04"
        );
        assert_eq!(
            one(MON, "Ministers are due to meet Wednesday."),
            "Wednesday = 2022-03-02"
        );
        assert_eq!(one(MON, "We'll know on Sunday."), "on Sunday = 2022-03-06");
    }

    #[test]
    fn shifted_weekdays() {
        assert_eq!(one(MON, "last Tuesday"), "last Tuesday = 2022-02-22");
        assert_eq!(one(MON, "last Monday"), "last Monday = 2022-02-21");
        assert_eq!(one(MON, "next Tuesday"), "next Tuesday = 2022-03-01");
        assert_eq!(one(MON, "next Monday"), "next Monday = 2022-03-07");
        // Thursday 2022-03-03: "this Monday" is the Monday of the same week.
        assert_eq!(one("2022-03-03", "this Monday"), "this Monday = 2022-02-28");
        assert_eq!(one(MON, "this Friday"), "this Friday = 2022-03-04");
        assert_eq!(
            one(SUN, "The team will land this Friday."),
            "this Friday = 2022-03-04"
        );
    }

    #[test]
    fn weekday_names_and_named_days_are_not_dates() {
        none(MON, "The Sunday Times reported it.");
        none(MON, "according to the Sunday Telegraph");
        none(MON, "Shops closed on Good Friday.");
        none(MON, "the Bloody Sunday inquiry");
        // A name that is not listed is a date: "On Monday Zelenskyy said".
        assert_eq!(
            one(MON, "On Monday Zelenskyy said"),
            "On Monday = 2022-02-28"
        );
        // Weekdays are capitalised.
        none(MON, "a monday");
    }

    #[test]
    fn day_words() {
        assert_eq!(one(MON, "He spoke today."), "today = 2022-02-28");
        assert_eq!(one(MON, "tonight"), "tonight = 2022-02-28");
        assert_eq!(
            one(MON, "Shelling resumed yesterday."),
            "yesterday = 2022-02-27"
        );
        assert_eq!(
            one(MON, "yesterday morning"),
            "yesterday morning = 2022-02-27"
        );
        assert_eq!(one(MON, "tomorrow"), "tomorrow = 2022-03-01");
        assert_eq!(
            one(MON, "earlier in the day"),
            "earlier in the day = 2022-02-28"
        );
        assert_eq!(one(MON, "Earlier today"), "Earlier today = 2022-02-28");
        assert_eq!(
            one(MON, "later in the day"),
            "later in the day = 2022-02-28"
        );
        assert_eq!(one(MON, "overnight"), "overnight = 2022-02-28");
        assert_eq!(one(MON, "this morning"), "this morning = 2022-02-28");
        assert_eq!(one(MON, "last night"), "last night = 2022-02-27");
        assert_eq!(
            one(MON, "the day before yesterday"),
            "the day before yesterday = 2022-02-26"
        );
    }

    #[test]
    fn periods() {
        assert_eq!(one(MON, "this week"), "this week = week of 2022-02-28");
        assert_eq!(one(SUN, "this week"), "this week = week of 2022-02-21");
        assert_eq!(one(MON, "last week"), "last week = week of 2022-02-21");
        assert_eq!(one(MON, "next week"), "next week = week of 2022-03-07");
        assert_eq!(one(MON, "this month"), "this month = 2022-02");
        assert_eq!(one(MON, "last month"), "last month = 2022-01");
        assert_eq!(one(MON, "next month"), "next month = 2022-03");
        assert_eq!(one(MON, "this year"), "this year = 2022");
        assert_eq!(one(MON, "last year"), "last year = 2021");
        assert_eq!(one(MON, "next year"), "next year = 2023");
        assert_eq!(
            one(MON, "this weekend"),
            "this weekend = 2022-03-05..2022-03-06"
        );
        assert_eq!(
            one(MON, "last weekend"),
            "last weekend = 2022-02-26..2022-02-27"
        );
        assert_eq!(
            one(MON, "the past week"),
            "the past week = 2022-02-21..2022-02-28"
        );
        assert_eq!(
            one(MON, "over the weekend"),
            "the weekend = 2022-02-26..2022-02-27"
        );
        assert_eq!(
            one(SUN, "at the weekend"),
            "the weekend = 2022-02-26..2022-02-27"
        );
        assert_eq!(
            one(MON, "They will meet at the weekend."),
            "the weekend = 2022-03-05..2022-03-06"
        );
    }

    #[test]
    fn earlier_and_later_this_period_are_cut_at_the_article_date() {
        let t = times("earlier this month", 0, Some(date("2022-02-15")));
        let v = t[0].value.unwrap();
        assert_eq!(
            (v.start, v.end, v.precision),
            (date("2022-02-01"), date("2022-02-15"), Precision::Month)
        );
        assert_eq!(one(MON, "earlier this year"), "earlier this year = 2022");
        let t = times("later this week", 0, Some(date("2022-03-02")));
        let v = t[0].value.unwrap();
        assert_eq!((v.start, v.end), (date("2022-03-02"), date("2022-03-06")));
        assert_eq!(t[0].text, "later this week");
        assert_eq!(
            one(MON, "earlier in the week"),
            "earlier in the week = week of 2022-02-28"
        );
    }

    #[test]
    fn ago() {
        assert_eq!(one(MON, "three days ago"), "three days ago = 2022-02-25");
        assert_eq!(one(MON, "3 days ago"), "3 days ago = 2022-02-25");
        assert_eq!(
            one(MON, "two weeks ago"),
            "two weeks ago = week of 2022-02-14"
        );
        assert_eq!(one(MON, "six months ago"), "six months ago = 2021-08");
        assert_eq!(one(MON, "eight years ago"), "eight years ago = 2014");
        assert_eq!(one(MON, "a year ago"), "a year ago = 2021");
        assert_eq!(one(MON, "a decade ago"), "a decade ago = 2012");
        assert_eq!(one(MON, "a few days ago"), "a few days ago = -");
        assert_eq!(one(MON, "several weeks ago"), "several weeks ago = -");
    }

    #[test]
    fn vague_expressions_have_no_value() {
        assert_eq!(one(MON, "two days earlier"), "two days earlier = -");
        assert_eq!(one(MON, "a day later"), "a day later = -");
        assert_eq!(one(MON, "the following day"), "the following day = -");
        assert_eq!(one(MON, "the previous Monday"), "the previous Monday = -");
        let t = times("two days later", 0, Some(date(MON)));
        assert!(t[0].relative);
    }

    #[test]
    fn month_and_day() {
        assert_eq!(one(MON, "on February 24"), "on February 24 = 2022-02-24");
        assert_eq!(one(MON, "Feb. 24"), "Feb. 24 = 2022-02-24");
        assert_eq!(one(MON, "Feb 24"), "Feb 24 = 2022-02-24");
        assert_eq!(one(MON, "February 24th"), "February 24th = 2022-02-24");
        assert_eq!(one(MON, "24 February"), "24 February = 2022-02-24");
        assert_eq!(
            one(MON, "on 24th February"),
            "on 24th February = 2022-02-24"
        );
        assert_eq!(
            one(MON, "the 24th of February"),
            "the 24th of February = 2022-02-24"
        );
        assert_eq!(
            one(MON, "Monday, February 28"),
            "Monday, February 28 = 2022-02-28"
        );
        assert_eq!(
            one(MON, "on March 3-4"),
            "on March 3-4 = 2022-03-03..2022-03-04"
        );
    }

    #[test]
    fn day_without_year_takes_the_nearest_year() {
        assert_eq!(
            one("2022-01-02", "on December 30"),
            "on December 30 = 2021-12-30"
        );
        assert_eq!(
            one("2021-12-30", "on January 2"),
            "on January 2 = 2022-01-02"
        );
        assert_eq!(one(MON, "on August 24"), "on August 24 = 2022-08-24");
        assert_eq!(one(MON, "on February 29"), "on February 29 = -");
        assert_eq!(
            one("2024-03-01", "on February 29"),
            "on February 29 = 2024-02-29"
        );
    }

    #[test]
    fn full_dates_resolve_without_an_article_date() {
        let t = times(
            "Troops crossed on February 24, 2022, officials said.",
            100,
            None,
        );
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].text, "on February 24, 2022");
        assert_eq!(t[0].span, Span::new(115, 135));
        assert_eq!(t[0].value.unwrap().to_string(), "2022-02-24");
        assert!(!t[0].relative);
        for (text, value) in [
            ("24 February 2022", "2022-02-24"),
            ("24th of February, 2022", "2022-02-24"),
            ("2022-02-24", "2022-02-24"),
            ("February 2022", "2022-02"),
            ("in May 2021", "2021-05"),
            ("in 2014", "2014"),
        ] {
            let t = times(text, 0, None);
            assert_eq!(t.len(), 1, "{text}");
            assert_eq!(t[0].text, text);
            assert_eq!(
                t[0].value.map(|v| v.to_string()).as_deref(),
                Some(value),
                "{text}"
            );
        }
    }

    #[test]
    fn relative_expressions_have_no_value_without_an_article_date() {
        for text in [
            "on Monday",
            "last week",
            "on February 24",
            "in February",
            "yesterday",
        ] {
            let t = times(text, 0, None);
            assert_eq!(t.len(), 1, "{text}");
            assert_eq!(t[0].value, None, "{text}");
            assert!(t[0].relative, "{text}");
        }
    }

    #[test]
    fn invalid_dates_are_not_dates() {
        assert_eq!(read(MON, "2022-02-30"), vec![]);
        assert_eq!(read(MON, "on February 30, 2022"), vec![]);
        assert_eq!(read(MON, "on February 32"), vec![]);
    }

    #[test]
    fn months_without_a_day() {
        assert_eq!(one(MON, "in February"), "in February = 2022-02");
        assert_eq!(one(MON, "in March"), "in March = 2022-03");
        // More than one month after the article's month: the year before.
        assert_eq!(one(MON, "in December"), "in December = 2021-12");
        assert_eq!(one(MON, "It will open in January."), "in January = 2023-01");
        assert_eq!(one(MON, "in May"), "in May = 2021-05");
        assert_eq!(one(MON, "last March"), "last March = 2021-03");
        assert_eq!(one(MON, "next February"), "next February = 2023-02");
        assert_eq!(one(MON, "since January"), "January = 2022-01");
    }

    #[test]
    fn parts_of_months_and_years() {
        let v = times("mid-February", 0, Some(date(MON)))[0].value.unwrap();
        assert_eq!(
            (v.start, v.end, v.precision),
            (date("2022-02-11"), date("2022-02-20"), Precision::Month)
        );
        assert_eq!(one(MON, "early March"), "early March = 2022-03");
        assert_eq!(one(MON, "in late January"), "in late January = 2022-01");
        let v = times("late 2014", 0, None)[0].value.unwrap();
        assert_eq!((v.start, v.end), (date("2014-09-01"), date("2014-12-31")));
        assert_eq!(one(MON, "in mid-2014"), "in mid-2014 = 2014");
        assert_eq!(
            one(MON, "in early March 2021"),
            "in early March 2021 = 2021-03"
        );
    }

    #[test]
    fn may_and_march_are_months_only_with_a_day_year_or_cue() {
        none(MON, "Talks may resume.");
        none(MON, "May said the talks failed.");
        none(MON, "The plan was criticised by May.");
        assert_eq!(one(MON, "May 9"), "May 9 = 2022-05-09");
        assert_eq!(one(MON, "May 2022"), "May 2022 = 2022-05");
        none(MON, "The March on Washington");
        none(MON, "Thousands march in Kyiv.");
        assert_eq!(one(MON, "by March"), "March = 2022-03");
        none(MON, "Tell it to may");
    }

    #[test]
    fn bare_years() {
        assert_eq!(one(MON, "in 2014"), "in 2014 = 2014");
        assert_eq!(one(MON, "since 2014"), "2014 = 2014");
        assert_eq!(one(MON, "the 2014 coup"), "2014 = 2014");
        assert_eq!(one(MON, "the 2014 elections"), "2014 = 2014");
        assert_eq!(one(MON, "the end of 2021"), "2021 = 2021");
        none(MON, "the 2000 troops");
        none(MON, "by 2000 votes");
        none(MON, "2014 troops");
        none(MON, "Russia's 2014 annexation");
        none(MON, "in 1500 cases");
        none(MON, "in 2,014 cases");
        none(MON, "in 2014.5");
        none(MON, "the 1990s");
    }

    #[test]
    fn year_ranges() {
        assert_eq!(
            one(MON, "between 1997 and 2002"),
            "between 1997 and 2002 = 1997..2002"
        );
        assert_eq!(
            one(MON, "from 2014 to 2016"),
            "from 2014 to 2016 = 2014..2016"
        );
        assert_eq!(one(MON, "the 2014-2016 plan"), "2014-2016 = 2014..2016");
        let v = times("2014–2016", 0, None)[0].value.unwrap();
        assert_eq!(
            (v.start, v.end, v.precision),
            (date("2014-01-01"), date("2016-12-31"), Precision::Year)
        );
        none(MON, "2016-2014");
    }

    #[test]
    fn several_expressions_left_to_right() {
        let found = read(
            MON,
            "On Sunday, two days after the February 24 invasion, talks were set for next week.",
        );
        assert_eq!(
            found,
            vec![
                ("On Sunday".into(), "2022-02-27".into()),
                ("two days after".into(), "-".into()),
                ("February 24".into(), "2022-02-24".into()),
                ("next week".into(), "week of 2022-03-07".into()),
            ]
        );
    }

    #[test]
    fn not_inside_words_or_numbers() {
        none(MON, "Mondays");
        none(MON, "MondayX");
        none(MON, "12014");
        none(MON, "a2022-02-24");
        none(MON, "Octopus 12");
    }

    #[test]
    fn spans_are_offsets_into_the_text_plus_base() {
        let text = "«Здравствуйте» — on Monday, talks.";
        let t = times(text, 7, Some(date(MON)));
        assert_eq!(t.len(), 1);
        let local = (t[0].span.start - 7)..(t[0].span.end - 7);
        assert_eq!(&text[local], "on Monday");
        assert_eq!(t[0].text, "on Monday");
    }

    #[test]
    fn overlaps_contains_and_display() {
        let day = TimeValue::day(date("2022-02-24"));
        let week = TimeValue::week(date("2022-02-24")).unwrap();
        let month = TimeValue::month(2022, 2, Part::Whole).unwrap();
        let year = TimeValue::year(2022, Part::Whole).unwrap();
        let other = TimeValue::day(date("2022-03-01"));
        let next_week = TimeValue::week(date("2022-03-01")).unwrap();
        assert!(month.contains(&day) && week.contains(&day) && year.contains(&month));
        assert!(!day.contains(&week) && !month.contains(&next_week));
        assert!(next_week.overlaps(&other) && next_week.overlaps(&month));
        assert!(!month.overlaps(&other) && !week.overlaps(&next_week));
        assert_eq!(day.to_string(), "2022-02-24");
        assert_eq!(week.to_string(), "week of 2022-02-21");
        assert_eq!(month.to_string(), "2022-02");
        assert_eq!(year.to_string(), "2022");
    }

    #[test]
    fn serializes_with_lowercase_precision() {
        let t = times("on Monday", 0, Some(date(MON)));
        let json = serde_json::to_string(&t[0]).unwrap();
        assert_eq!(
            json,
            r#"{"span":{"start":0,"end":9},"text":"on Monday","value":{"start":"2022-02-28","end":"2022-02-28","precision":"day"},"relative":true}"#
        );
    }

    #[test]
    fn dates_at_the_edges_of_the_calendar_give_no_value_not_a_panic() {
        for a in [Date::MAX, Date::MIN] {
            for text in [
                "next week",
                "next year",
                "tomorrow",
                "next Monday",
                "in March",
                "on January 2",
                "9999 years ago",
                "last year",
                "yesterday",
            ] {
                let _ = times(text, usize::MAX, Some(a));
            }
        }
    }

    fn words() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            Just("on"),
            Just("in"),
            Just("the"),
            Just("Monday"),
            Just("Sunday"),
            Just("Times"),
            Just("last"),
            Just("next"),
            Just("this"),
            Just("week"),
            Just("year"),
            Just("February"),
            Just("May"),
            Just("24"),
            Just("24th"),
            Just("2014"),
            Just("2022-02-24"),
            Just("mid-"),
            Just("early"),
            Just(","),
            Just("ago"),
            Just("days"),
            Just("three"),
            Just("will"),
            Just("since"),
            Just("of"),
            Just("é"),
            Just("—"),
            Just("\u{a0}"),
            Just("-"),
            Just("31"),
        ];
        prop::collection::vec(piece, 0..14).prop_map(|v| v.join(" "))
    }

    fn any_date() -> impl Strategy<Value = Option<Date>> {
        prop::option::of((-9999i16..=9999, 1i8..=12, 1i8..=31).prop_map(|(y, m, d)| {
            Date::new(y, m, d).unwrap_or_else(|_| Date::new(y, m, 28).unwrap())
        }))
    }

    /// At every word start, the shortcut gives what running every rule gives.
    fn same_with_shortcut(text: &str) -> Result<(), TestCaseError> {
        for (pos, c) in text.char_indices() {
            let before = &text[..pos];
            if c.is_alphanumeric() && !before.ends_with(char::is_alphanumeric) {
                let ctx = Ctx { before };
                prop_assert_eq!(longest(ctx, &text[pos..]), every_rule(ctx, &text[pos..]));
            }
        }
        Ok(())
    }

    fn check(text: &str, base: usize, a: Option<Date>) -> Result<(), TestCaseError> {
        let found = times(text, base, a);
        let mut last_end = base;
        for t in &found {
            prop_assert!(t.span.start >= last_end && t.span.start < t.span.end);
            let (s, e) = (t.span.start - base, t.span.end - base);
            prop_assert!(e <= text.len() && text.is_char_boundary(s) && text.is_char_boundary(e));
            prop_assert_eq!(&text[s..e], t.text.as_str());
            if let Some(v) = t.value {
                prop_assert!(v.start <= v.end);
                let _ = v.to_string();
            }
            last_end = t.span.end;
        }
        Ok(())
    }

    proptest! {
        #[test]
        fn never_panics_on_any_text(text in any::<String>(), base in 0usize..1 << 40, a in any_date()) {
            check(&text, base, a)?;
        }

        #[test]
        fn never_panics_on_time_words(text in words(), base in 0usize..1 << 40, a in any_date()) {
            check(&text, base, a)?;
        }

        #[test]
        fn the_shortcut_changes_nothing(text in words()) {
            same_with_shortcut(&text)?;
        }
    }
}
