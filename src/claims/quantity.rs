//! Quantities in one sentence ("over 150,000 troops", "at least 12 killed",
//! "about 40%", "a dozen", "between 10 and 12 million people"), each with its
//! qualifier and the noun it counts.
//!
//! Pure and total: `&str` in, values out; no I/O; never panics. The rules are
//! nom parsers over characters, one function per rule with the rule in its doc
//! comment (GRAMMAR.md lists them). Time expressions are found first
//! ([`super::time::times`]) and no quantity starts in or runs into one, so
//! "February 24", "in 2014" and "three days ago" hold no quantity.
//!
//! ```text
//! quantity     = [qualifier SP] (range / amount) [post] [unit-phrase]
//! range        = "between" SP amount SP "and" SP amount
//!              / amount ("-" / "–") amount
//!              / amount SP "to" SP amount          ; not after "from": "rose from 10 to 12" is two
//! amount       = [currency] numeral [glued] [SP scale] [percent]
//!              / word-number [percent]
//!              / vague-plural
//! numeral      = 1*3DIGIT 1*(group-sep 3DIGIT) ["." 1*DIGIT] / 1*15DIGIT ["." 1*DIGIT]
//! group-sep    = "," / " " / no-break space / narrow no-break space / thin space
//! currency     = "US$" / "$" / "€" / "£"
//! glued        = "k" / "bn" / "mn" / "tn" / "km" / "kg" / "mph" / "m" / ("b" after a currency)
//!                                                  ; "m" without a currency needs a counted noun
//!                                                  ; that is not a race word ("60m hurdles")
//! scale        = "hundred" / "thousand" / "million" / "billion" / "trillion" / "dozen"
//! word-number  = (below-thousand / "half a" / "a") *(SP big-scale [[SP "and"] SP below-thousand])
//! vague-plural = ("tens" / "hundreds") SP "of" SP ("thousands" / "millions" / "billions")
//!              / "dozens" / "hundreds" / "thousands" / "millions" / "billions"
//! percent      = [" "] "%" / SP ("percent" / "per cent") / SP "percentage" SP ("point" / "points")
//! qualifier    = "at least" / "more than" / "over" / … / "up to" / … / "about" / …
//! post         = ("-" / SP) "plus" / SP ("or more" / "or so" / "or fewer" / "or less")
//! unit-phrase  = SP ["of" SP] *2(modifier SP) head  ; see `unit_after`
//! ```
//!
//! A range's ends must be in order, and a unit on its first end must be the
//! second's ("rose 4.3% to £1.97bn" is two quantities); a scale, a percent or a
//! currency on one end goes to both ("10-12 million", "10-12%").
//!
//! Values: "a dozen" is exactly 12; a vague plural is 2 to 10 of its scale,
//! qualified `About` ("dozens" 24–120, "hundreds" 200–1,000, "tens of
//! thousands" 20,000–100,000). Units: the counted noun, lowercase and singular
//! ("troops" → "troop", "people" → "person"); "%", "percent" and "per cent" →
//! "percent"; currencies by ISO code ("$", "dollars" → "usd"); a casualty word
//! right after the number counts people ("12 killed", "12 dead" → "person"), so
//! that it compares with "12 people were killed"; the event is the caller's.
//!
//! Not quantities: a number glued to a word or another number ("COVID-19",
//! "A320", "24th", "10:30", "24/7", "1.5.2", "3-1", "10-year-old",
//! "150,000-strong"); a number before a clock word ("10 am", "14 GMT"); a
//! plain number (digits, no separator) after a label ("page 5", "Article 5",
//! "No. 3") or after a capitalised word ("Boeing 737-800 planes", "Apollo 11");
//! a bare number with a capitalised word right after it and nothing counted
//! ("Six Nations", "The 39 Steps"); a plain four-digit number from 1900 to 2099
//! unless it counts people or a known unit ("2000 troops" is a count, "2004
//! earnings" and "Russia's 2014 annexation" are not); the word "one" unless a
//! qualifier comes before it or a noun for people after it ("one soldier", not
//! "one of", "no one", "one day").
//!
//! Deliberately not handled: fractions ("half of", "two-thirds"), "one and a
//! half", negative numbers, Roman numerals, "a few" and "several" (no number),
//! a counted noun more than two words after the number, and capitalised
//! plurals other than peoples ("three Grammys" has no unit and is dropped).
//!
//! See [`Quantity::bounds`] for the interval each qualifier allows.

use super::number::{
    Res, SMALL_WORDS, end_of_word, fail, kw, letters, phrase, prev_word, sp, table, tag_ci,
};
use super::time;
use crate::article::Span;
use nom::Parser;
use nom::branch::alt;
use nom::bytes::complete::{tag, take_while_m_n, take_while1};
use nom::character::complete::{char, one_of, satisfy};
use nom::combinator::{map, not, opt, value};
use nom::sequence::{preceded, terminated};
use serde::{Deserialize, Serialize};

/// One quantity in a sentence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quantity {
    /// Byte offsets into the article (the sentence's `base` added).
    pub span: Span,
    /// The phrase as written, qualifier and counted noun included ("over 150,000 troops").
    pub text: String,
    /// The number, or the lower end of a range.
    pub value: f64,
    /// The upper end of a range ("between 10 and 12", "10-12", "10 to 12",
    /// and the vague plurals: "hundreds" is 200 to 1,000).
    pub upper: Option<f64>,
    pub qualifier: Qualifier,
    /// What is counted, lowercase and singular: "troop", "person", "percent",
    /// "km", "usd". `None` when no counted noun follows.
    pub unit: Option<String>,
}

/// How the number is meant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Qualifier {
    /// No qualifier: "12 killed".
    Exact,
    /// "at least", "more than", "over", "upwards of", "in excess of", "no fewer
    /// than", "above", "as few as", and after the number "or more", "-plus".
    AtLeast,
    /// "up to", "fewer than", "less than", "under", "below", "no more than", "at
    /// most", and "as many as" (a ceiling the speaker gives), and after the
    /// number "or fewer", "or less".
    AtMost,
    /// "about", "around", "approximately", "roughly", "nearly", "almost",
    /// "some", "an estimated", "close to", "circa", and after the number "or
    /// so"; also the vague plurals ("dozens", "thousands").
    About,
}

/// Relative tolerance of [`Qualifier::About`].
const ABOUT: f64 = 0.1;

impl Quantity {
    /// The interval of values the phrase allows:
    /// - `Exact`: the number itself (or the range), no tolerance, so "12" and
    ///   "15" disagree;
    /// - `About`: the number (or the range) widened by 10% each way, so
    ///   "about 160,000" is 144,000 to 176,000;
    /// - `AtLeast`: from the number up, with no upper end, so "over 150,000" agrees
    ///   with "about 160,000" and "at least 12" with "15";
    /// - `AtMost`: from 0 up to the number (or the range's upper end).
    pub fn bounds(&self) -> (f64, f64) {
        let hi = self.upper.unwrap_or(self.value).max(self.value);
        let lo = self.value.min(hi);
        match self.qualifier {
            Qualifier::Exact => (lo, hi),
            Qualifier::About => (lo * (1.0 - ABOUT), hi * (1.0 + ABOUT)),
            Qualifier::AtLeast => (lo, f64::INFINITY),
            Qualifier::AtMost => (0.0, hi),
        }
    }

    /// Whether both phrases count the same kind of thing: both name a
    /// counted noun and the nouns agree (the same, or "person" against any
    /// noun for people). "27" and "tens of thousands of emails" do not.
    pub fn same_unit(&self, other: &Quantity) -> bool {
        match (self.unit.as_deref(), other.unit.as_deref()) {
            (Some(a), Some(b)) => {
                a == b
                    || (a == "person" && is_person(b))
                    || (b == "person" && is_person(a))
                    || (is_person(a) && is_person(b))
            }
            _ => false,
        }
    }

    /// Whether both phrases can be true of the same thing: the units agree (the
    /// same, one missing, or "person" against any noun for people) and the
    /// intervals of [`Quantity::bounds`] meet.
    pub fn compatible(&self, other: &Quantity) -> bool {
        let units = match (self.unit.as_deref(), other.unit.as_deref()) {
            (Some(a), Some(b)) => {
                a == b || (a == "person" && is_person(b)) || (b == "person" && is_person(a))
            }
            _ => true,
        };
        let (a0, a1) = self.bounds();
        let (b0, b1) = other.bounds();
        // A relative slack of 1e-9 absorbs decimal rounding ("1.1 million").
        let slack = |x: f64| x.abs() * 1e-9;
        units && a0 <= b1 + slack(b1) && b0 <= a1 + slack(a1)
    }
}

/// Every quantity in `text` (one sentence, starting at byte `base` of the
/// article), left to right, without overlaps.
pub fn quantities(text: &str, base: usize) -> Vec<Quantity> {
    let times = time::times(text, 0, None);
    let mut next_time = 0;
    let mut out = Vec::new();
    let mut pos = 0;
    while let Some(c) = text[pos..].chars().next() {
        while times.get(next_time).is_some_and(|t| t.span.end <= pos) {
            next_time += 1;
        }
        let limit = match times.get(next_time) {
            Some(t) if t.span.start <= pos => {
                pos = t.span.end;
                continue;
            }
            Some(t) => t.span.start,
            None => text.len(),
        };
        let before = &text[..pos];
        if starts_here(before, c)
            && let Some((len, r)) = quantity_at(before, &text[pos..limit])
        {
            let end = pos + len;
            out.push(Quantity {
                span: Span::new(base.saturating_add(pos), base.saturating_add(end)),
                text: text[pos..end].to_string(),
                value: r.first.value,
                upper: r.upper,
                qualifier: r.qualifier,
                unit: r.unit,
            });
            pos = end;
            continue;
        }
        pos += c.len_utf8();
    }
    out
}

/// Whether a quantity may start at `c`: a letter, digit or currency sign at a
/// word start that is not glued to a word before it ("COVID-19", "F-16",
/// "v1.2", "#5").
fn starts_here(before: &str, c: char) -> bool {
    if !(c.is_alphanumeric() || matches!(c, '$' | '€' | '£')) {
        return false;
    }
    let mut back = before.chars().rev();
    match (back.next(), back.next()) {
        (Some(p), _) if p.is_alphanumeric() || matches!(p, '#' | '№' | '_' | '@') => false,
        (Some(p), Some(q)) if "-–./+:,'’".contains(p) && q.is_alphanumeric() => false,
        _ => true,
    }
}

/// The quantity that starts `input` and its length, unless one of the
/// filters in [`not_a_count`] rejects it.
fn quantity_at(before: &str, input: &str) -> Option<(usize, Reading)> {
    if !may_start(input) {
        return None;
    }
    let from = prev_word(before).is_some_and(|w| w.eq_ignore_ascii_case("from"));
    let (rest, r) = quantity(from)(input).ok()?;
    if not_a_count(before, input, &r) {
        return None;
    }
    Some((input.len() - rest.len(), r))
}

/// The filters of the module docs' "Not quantities" that need the words
/// around the phrase. `input` starts with the phrase.
fn not_a_count(before: &str, input: &str, r: &Reading) -> bool {
    let first = &r.first;
    // Only a phrase that opens with its number and has no qualifier can be a
    // label, a name or a year.
    let opens = r.pre.is_none() && kw("between")(input).is_err();
    if !opens || r.qualifier != Qualifier::Exact {
        return false;
    }
    let after_number = &input[first.len..];
    let prev = prev_word(before);
    if first.plain {
        let label = label_word(before);
        let after_label = label.is_some_and(|w| LABELS.iter().any(|l| w.eq_ignore_ascii_case(l)));
        // "Boeing 737", "Apollo 11 astronauts", "Boeing 737-800 planes"; but
        // "On Monday 12 people died".
        let after_capital = prev.is_some_and(|w| {
            w.starts_with(char::is_uppercase)
                && !STOP.contains(&w.to_lowercase().as_str())
                && !time::is_calendar_word(w)
        });
        // A year, unless it counts people or a known unit: "2000 troops", but
        // not "2004 earnings".
        let year_like = first.digits == 4 && (1900.0..=2099.0).contains(&first.value);
        let strong = r.unit.as_deref().is_some_and(strong_unit);
        if after_label || after_capital || (year_like && !strong) || clock_follows(after_number) {
            return true;
        }
    }
    // "Six Nations", "Three Gorges Dam", "The 39 Steps": a capitalised word
    // right after a bare number that counts nothing makes a name.
    if r.unit.is_none()
        && preceded(sp, satisfy(char::is_uppercase))
            .parse(after_number)
            .is_ok()
    {
        return true;
    }
    // "one of", "no one", "one day": "one" counts only people.
    if first.word_one && !r.range {
        let after_no = prev.is_some_and(|w| w.eq_ignore_ascii_case("no"));
        return after_no || !r.unit.as_deref().is_some_and(is_person);
    }
    false
}

/// A shortcut: whether [`quantity`] can match at `i`, judged by its first
/// word: a digit, a currency sign, or the first word of a qualifier, a number
/// word, a vague plural, "between", "a" or "half". The test
/// `the_shortcut_changes_nothing` checks it.
fn may_start(i: &str) -> bool {
    let end = i.find(|c: char| !c.is_alphanumeric()).unwrap_or(i.len());
    let word = &i[..end];
    let is = |w: &str| word.eq_ignore_ascii_case(w);
    let first_is = |p: &str| time::opens(p, word);
    word.starts_with(|c: char| c.is_ascii_digit())
        || i.starts_with(['$', '€', '£'])
        || ["between", "a", "half", "US"].iter().any(|w| is(w))
        || QUALIFIERS.iter().any(|(p, _)| first_is(p))
        || SMALL_WORDS.iter().any(|(p, _)| is(p))
        || TENS.iter().any(|(p, _)| is(p))
        || VAGUE_PLURALS.iter().any(|(p, _)| first_is(p))
}

/// The word before a number, a full stop after it dropped ("No. 5", "p. 12").
fn label_word(before: &str) -> Option<&str> {
    let trimmed = before.trim_end();
    prev_word(trimmed.strip_suffix('.').unwrap_or(trimmed))
}

/// Whether a clock word follows a number: "10 am", "10 a.m.", "14 GMT".
fn clock_follows(rest: &str) -> bool {
    preceded(opt(char(' ')), table(CLOCK_WORDS))
        .parse(rest)
        .is_ok()
}

// ---------------------------------------------------------------- words

const QUALIFIERS: &[(&str, Qualifier)] = &[
    ("at least", Qualifier::AtLeast),
    ("more than", Qualifier::AtLeast),
    ("over", Qualifier::AtLeast),
    ("just over", Qualifier::AtLeast),
    ("well over", Qualifier::AtLeast),
    ("upwards of", Qualifier::AtLeast),
    ("in excess of", Qualifier::AtLeast),
    ("no fewer than", Qualifier::AtLeast),
    ("no less than", Qualifier::AtLeast),
    ("not less than", Qualifier::AtLeast),
    ("a minimum of", Qualifier::AtLeast),
    ("above", Qualifier::AtLeast),
    ("as few as", Qualifier::AtLeast),
    ("up to", Qualifier::AtMost),
    ("fewer than", Qualifier::AtMost),
    ("less than", Qualifier::AtMost),
    ("under", Qualifier::AtMost),
    ("just under", Qualifier::AtMost),
    ("below", Qualifier::AtMost),
    ("no more than", Qualifier::AtMost),
    ("not more than", Qualifier::AtMost),
    ("at most", Qualifier::AtMost),
    ("a maximum of", Qualifier::AtMost),
    ("as many as", Qualifier::AtMost),
    ("about", Qualifier::About),
    ("around", Qualifier::About),
    ("approximately", Qualifier::About),
    ("roughly", Qualifier::About),
    ("nearly", Qualifier::About),
    ("almost", Qualifier::About),
    ("some", Qualifier::About),
    ("an estimated", Qualifier::About),
    ("estimated", Qualifier::About),
    ("close to", Qualifier::About),
    ("circa", Qualifier::About),
];

const POST_QUALIFIERS: &[(&str, Qualifier)] = &[
    ("or more", Qualifier::AtLeast),
    ("or so", Qualifier::About),
    ("or fewer", Qualifier::AtMost),
    ("or less", Qualifier::AtMost),
];

/// One to nine: the words a compound like "twenty-one" ends with.
const DIGIT_WORDS: &[(&str, u32)] = SMALL_WORDS.split_at(9).0;

const TENS: &[(&str, u32)] = &[
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
];

/// Scale words after a number in words ("three million", "two dozen").
const BIG_SCALES: &[(&str, f64)] = &[
    ("dozen", 12.0),
    ("thousand", 1e3),
    ("million", 1e6),
    ("billion", 1e9),
    ("trillion", 1e12),
];

/// Scale words after a number in digits ("1.5 million").
const SCALES: &[(&str, f64)] = &[
    ("dozen", 12.0),
    ("hundred", 1e2),
    ("thousand", 1e3),
    ("million", 1e6),
    ("billion", 1e9),
    ("trillion", 1e12),
];

/// Vague plurals and the scale they multiply: "hundreds" is 2 to 10 hundreds.
const VAGUE_PLURALS: &[(&str, f64)] = &[
    ("dozens", 12.0),
    ("hundreds", 1e2),
    ("thousands", 1e3),
    ("millions", 1e6),
    ("billions", 1e9),
    ("tens of thousands", 1e4),
    ("hundreds of thousands", 1e5),
    ("tens of millions", 1e7),
    ("hundreds of millions", 1e8),
    ("tens of billions", 1e10),
    ("hundreds of billions", 1e11),
];

const CURRENCIES: &[(&str, &str)] = &[("US$", "usd"), ("$", "usd"), ("€", "eur"), ("£", "gbp")];

/// Letters glued to digits: a scale ("150k", "$2bn") or a unit ("5km").
#[derive(Debug, Clone, Copy, PartialEq)]
enum Glued {
    Scale(f64),
    Unit(&'static str),
    /// "m" without a currency: millions before a counted noun ("2.5m
    /// people"), else perhaps metres ("a 5m wall"), so no quantity.
    MillionIfCounted,
}

const GLUED: &[(&str, Glued)] = &[
    ("k", Glued::Scale(1e3)),
    ("bn", Glued::Scale(1e9)),
    ("mn", Glued::Scale(1e6)),
    ("tn", Glued::Scale(1e12)),
    ("km", Glued::Unit("km")),
    ("kg", Glued::Unit("kg")),
    ("mph", Glued::Unit("mph")),
    ("m", Glued::MillionIfCounted),
];

/// After a currency sign "m" and "b" are scales ("$5m"); elsewhere "5m" could be metres.
const GLUED_AFTER_CURRENCY: &[(&str, Glued)] =
    &[("m", Glued::Scale(1e6)), ("b", Glued::Scale(1e9))];

const CLOCK_WORDS: &[(&str, ())] = &[
    ("am", ()),
    ("pm", ()),
    ("a.m", ()),
    ("p.m", ()),
    ("gmt", ()),
    ("utc", ()),
    ("bst", ()),
    ("cet", ()),
    ("cest", ()),
    ("eet", ()),
    ("eest", ()),
    ("msk", ()),
    ("est", ()),
    ("edt", ()),
    ("pst", ()),
    ("hrs", ()),
    ("o'clock", ()),
    ("o’clock", ()),
];

/// Words before a plain number that make it a label, not a count.
const LABELS: &[&str] = &[
    "page",
    "pages",
    "p",
    "pp",
    "section",
    "article",
    "chapter",
    "paragraph",
    "clause",
    "resolution",
    "no",
    "nos",
    "number",
    "flight",
    "route",
    "room",
    "line",
    "platform",
    "gate",
    "item",
    "table",
    "figure",
    "fig",
    "version",
    "level",
    "phase",
    "season",
    "episode",
    "vol",
    "volume",
    "part",
    "step",
    "grade",
    "size",
    "model",
    "type",
    "class",
    "division",
    "district",
    "row",
    "seat",
    "unit",
    "block",
    "building",
    "highway",
    "road",
    "bus",
    "tram",
    "channel",
    "lot",
    "case",
    "exit",
    "junction",
    "ward",
    "zone",
    "sector",
    "category",
    "stage",
];

/// Nouns after "60m", "800m" that make them metres: "the 60m hurdles".
const RACE_WORDS: &[&str] = &[
    "hurdle",
    "heat",
    "runner",
    "race",
    "sprint",
    "final",
    "relay",
    "title",
    "medal",
    "record",
    "indoor",
    "outdoor",
    "freestyle",
    "butterfly",
    "backstroke",
    "breaststroke",
    "medley",
    "champion",
    "event",
    "swimmer",
    "athlete",
];

/// Words that end the search for a counted noun.
const STOP: &[&str] = &[
    "of", "in", "on", "at", "to", "for", "from", "by", "with", "into", "onto", "across", "and",
    "or", "but", "nor", "the", "a", "an", "were", "was", "are", "is", "be", "been", "being",
    "have", "has", "had", "will", "would", "could", "should", "can", "may", "might", "must",
    "said", "say", "says", "who", "whom", "whose", "which", "that", "this", "these", "those",
    "than", "as", "per", "it", "its", "their", "them", "they", "he", "she", "we", "i", "you",
    "his", "her", "our", "there", "here", "when", "while", "after", "before", "since", "until",
    "so", "not", "no", "if", "because", "though", "although", "during", "over", "under", "about",
    "around", "up", "down", "out", "off", "again", "also", "only", "just", "then", "now", "yet",
    "still", "each", "both", "all", "some", "any", "such", "what", "where", "why", "how", "thus",
    "us", "ago", "earlier", "later", "do", "does", "did",
];

/// Participles and adjectives right after a number that count people: "12 killed".
const CASUALTIES: &[&str] = &[
    "killed",
    "dead",
    "injured",
    "wounded",
    "hurt",
    "missing",
    "died",
    "captured",
    "detained",
    "arrested",
    "evacuated",
    "displaced",
    "rescued",
];

/// Nouns with their lemma where the plural rule does not give it, and units.
const KNOWN: &[(&str, &str)] = &[
    ("people", "person"),
    ("persons", "person"),
    ("men", "man"),
    ("women", "woman"),
    ("children", "child"),
    ("police", "police"),
    ("personnel", "personnel"),
    ("staff", "staff"),
    ("troops", "troop"),
    ("lives", "life"),
    ("km", "km"),
    ("kilometre", "km"),
    ("kilometres", "km"),
    ("kilometer", "km"),
    ("kilometers", "km"),
    ("kg", "kg"),
    ("kilogram", "kg"),
    ("kilograms", "kg"),
    ("kilos", "kg"),
    ("mph", "mph"),
    ("metre", "metre"),
    ("metres", "metre"),
    ("meter", "metre"),
    ("meters", "metre"),
    ("tons", "tonne"),
    ("tonnes", "tonne"),
    ("dollar", "usd"),
    ("dollars", "usd"),
    ("euro", "eur"),
    ("euros", "eur"),
    ("pound", "gbp"),
    ("pounds", "gbp"),
    ("rouble", "rub"),
    ("roubles", "rub"),
    ("ruble", "rub"),
    ("rubles", "rub"),
    ("hryvnia", "uah"),
    ("hryvnias", "uah"),
    ("yuan", "cny"),
    ("yen", "jpy"),
];

/// Nouns for people: "person" agrees with each of them.
const PEOPLE: &[&str] = &[
    "person",
    "man",
    "woman",
    "child",
    "boy",
    "girl",
    "baby",
    "adult",
    "teenager",
    "civilian",
    "soldier",
    "troop",
    "fighter",
    "refugee",
    "resident",
    "officer",
    "policeman",
    "journalist",
    "worker",
    "patient",
    "passenger",
    "migrant",
    "prisoner",
    "hostage",
    "casualty",
    "victim",
    "student",
    "serviceman",
    "personnel",
    "police",
    "staff",
    "member",
    "protester",
    "demonstrator",
    "voter",
    "citizen",
    "villager",
    "evacuee",
    "miner",
    "sailor",
    "pilot",
    "marine",
    "firefighter",
    "doctor",
    "nurse",
    "teacher",
    "volunteer",
    "mercenary",
    "conscript",
    "recruit",
    "detainee",
    "captive",
    "survivor",
];

fn is_person(unit: &str) -> bool {
    PEOPLE.contains(&unit)
}

/// A unit that makes a year-like number a count: people or a known unit.
fn strong_unit(unit: &str) -> bool {
    is_person(unit) || KNOWN.iter().any(|&(_, lemma)| lemma == unit)
}

/// Plural names for peoples that do not end in "-ans".
const PEOPLES: &[&str] = &[
    "Britons",
    "Scots",
    "Kurds",
    "Poles",
    "Czechs",
    "Slovaks",
    "Turks",
    "Arabs",
    "Jews",
    "Sikhs",
    "Serbs",
    "Croats",
    "Swedes",
    "Danes",
    "Finns",
    "Greeks",
    "Balts",
    "Uzbeks",
    "Tajiks",
    "Kazakhs",
    "Tatars",
    "Chechens",
    "Uighurs",
    "Uyghurs",
    "Filipinos",
    "Latinos",
    "Rohingyas",
    "Iraqis",
    "Israelis",
    "Pakistanis",
    "Saudis",
    "Somalis",
    "Yemenis",
    "Kuwaitis",
    "Qataris",
    "Omanis",
    "Emiratis",
    "Bangladeshis",
    "Nepalis",
    "Azeris",
    "Kashmiris",
    "Punjabis",
];

// ---------------------------------------------------------------- numbers

/// A number in digits or words, before it is qualified.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Amount {
    value: f64,
    /// The number before a scale word or suffix ("12" in "12 million").
    base: f64,
    scaled: bool,
    upper: Option<f64>,
    /// A unit the amount itself gives: a currency, a percent sign, "km".
    unit: Option<&'static str>,
    /// Digits only, no separator, decimal, scale or unit: "737", "2014".
    plain: bool,
    /// How many digits a plain number has.
    digits: usize,
    /// The word "one" alone.
    word_one: bool,
    /// A vague plural: "of" may come before its noun ("thousands of people").
    vague: bool,
    /// Bytes of the input the number itself takes.
    len: usize,
    /// "2.5m": a quantity only with a counted noun (see [`Glued::MillionIfCounted`]).
    needs_count: bool,
}

impl Amount {
    fn new(value: f64) -> Amount {
        Amount {
            value,
            base: value,
            scaled: false,
            upper: None,
            unit: None,
            plain: false,
            digits: 0,
            word_one: false,
            vague: false,
            len: 0,
            needs_count: false,
        }
    }
}

/// A number in digits as its digits without the point and the count of
/// decimals: "1.5" is 15 and 1, so that scaling it stays exact.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Numeral {
    mantissa: f64,
    decimals: i32,
    /// No group separator and no decimals.
    plain: bool,
    /// Digits before the first separator or point.
    lead: usize,
}

/// `numeral = 1*3DIGIT 1*(group-sep 3DIGIT) ["." 1*DIGIT] / 1*15DIGIT ["." 1*DIGIT]`;
/// `group-sep = "," / " " / no-break space / narrow no-break space / thin space`.
/// No leading zero ("007") except before a decimal point ("0.5"), at most 15
/// digits.
fn numeral(i: &str) -> Res<'_, Numeral> {
    let (mut rest, lead) = take_while1(|c: char| c.is_ascii_digit()).parse(i)?;
    let mut mantissa = lead.to_string();
    let mut grouped = false;
    if lead.len() <= 3 {
        while let Ok((r, g)) = group(rest) {
            mantissa.push_str(g);
            rest = r;
            grouped = true;
        }
    }
    let (rest, decimals) = opt(preceded(
        char('.'),
        take_while1(|c: char| c.is_ascii_digit()),
    ))
    .parse(rest)?;
    let decimals = decimals.unwrap_or("");
    if (lead.len() > 1 && lead.starts_with('0') && !grouped) || mantissa.len() + decimals.len() > 15
    {
        return fail(i);
    }
    mantissa.push_str(decimals);
    match mantissa.parse::<f64>() {
        Ok(m) => Ok((
            rest,
            Numeral {
                mantissa: m,
                decimals: decimals.len() as i32,
                plain: !grouped && decimals.is_empty(),
                lead: lead.len(),
            },
        )),
        Err(_) => fail(i),
    }
}

/// `group = group-sep 3DIGIT`, no digit after it.
fn group(i: &str) -> Res<'_, &str> {
    preceded(
        one_of(", \u{a0}\u{202f}\u{2009}"),
        terminated(
            take_while_m_n(3, 3, |c: char| c.is_ascii_digit()),
            not(satisfy(|c| c.is_ascii_digit())),
        ),
    )
    .parse(i)
}

/// `clean-end = !((":" / "/" / "." / ",") alnum) !(("-" / "–") !"plus" letter)` —
/// "10:30", "24/7", "1.5.2", "12,5", "10-year-old" are not quantities.
fn clean_end(i: &str) -> Res<'_, ()> {
    let glued_on = alt((
        value((), (one_of(":/.,"), satisfy(char::is_alphanumeric))),
        value(
            (),
            (
                one_of("-–"),
                not(tag_ci("plus")),
                satisfy(char::is_alphabetic),
            ),
        ),
    ));
    not(glued_on).parse(i)
}

/// `percent = [" "] "%" / SP ("percent" / "per cent") / SP "percentage" SP ("point" / "points")`
fn percent(i: &str) -> Res<'_, &'static str> {
    alt((
        value("percent", preceded(opt(char(' ')), char('%'))),
        value(
            "percent",
            preceded(sp, alt((kw("percent"), phrase("per cent")))),
        ),
        value(
            "percentage point",
            (sp, kw("percentage"), sp, alt((kw("points"), kw("point")))),
        ),
    ))
    .parse(i)
}

/// `currency = "US$" / "$" / "€" / "£"` — glued to the digits after it.
fn currency(i: &str) -> Res<'_, &'static str> {
    CURRENCIES
        .iter()
        .find_map(|&(sign, code)| tag_ci(sign)(i).ok().map(|(rest, _)| (rest, code)))
        .map_or_else(|| fail(i), Ok)
}

/// `digit-amount = [currency] numeral [glued] [SP scale] [percent]` — "150,000",
/// "1.5 million", "$2bn", "150k", "40%", "5km".
fn digit_amount(i: &str) -> Res<'_, Amount> {
    let start = i;
    let (i, currency) = opt(currency).parse(i)?;
    let (i, n) = numeral(i)?;
    let number_len = start.len() - i.len();
    let suffixes = |i| match currency {
        Some(_) => alt((table(GLUED_AFTER_CURRENCY), table(GLUED))).parse(i),
        None => table(GLUED)(i),
    };
    let (i, glued) = opt(suffixes).parse(i)?;
    let (i, ()) = end_of_word(i)?;
    let (i, ()) = clean_end(i)?;
    let (i, scale) = match glued {
        Some(Glued::Scale(s)) => (i, Some(s)),
        Some(Glued::MillionIfCounted) => (i, Some(1e6)),
        _ => opt(preceded(sp, table(SCALES))).parse(i)?,
    };
    let (i, pct) = match currency {
        Some(_) => (i, None),
        None => opt(percent).parse(i)?,
    };
    let tenths = 10f64.powi(n.decimals);
    let mut a = Amount::new(n.mantissa * scale.unwrap_or(1.0) / tenths);
    a.base = n.mantissa / tenths;
    a.scaled = scale.is_some();
    a.unit = currency.or(pct).or(match glued {
        Some(Glued::Unit(u)) => Some(u),
        _ => None,
    });
    a.plain = n.plain && scale.is_none() && a.unit.is_none();
    a.digits = n.lead;
    a.len = number_len;
    a.needs_count = glued == Some(Glued::MillionIfCounted);
    Ok((i, a))
}

/// `below-hundred = tens [("-" / SP) digit-word] / small-word` — "twenty-five", "twelve".
fn below_hundred(i: &str) -> Res<'_, u32> {
    alt((
        map(
            (
                table(TENS),
                opt(preceded(alt((tag("-"), sp)), table(DIGIT_WORDS))),
            ),
            |(tens, units)| tens + units.unwrap_or(0),
        ),
        table(SMALL_WORDS),
    ))
    .parse(i)
}

/// `below-thousand = (below-hundred / "a") SP "hundred" [[SP "and"] SP below-hundred] / below-hundred`
fn below_thousand(i: &str) -> Res<'_, u32> {
    let hundreds = map(
        (
            alt((below_hundred, value(1, kw("a")))),
            sp,
            kw("hundred"),
            opt(preceded((sp, opt((kw("and"), sp))), below_hundred)),
        ),
        |(h, _, _, rest)| h * 100 + rest.unwrap_or(0),
    );
    alt((hundreds, below_hundred)).parse(i)
}

/// `word-number = (below-thousand / "half a" / "a") *(SP big-scale [[SP "and"] SP below-thousand])`
/// with each scale smaller than the one before; "a" and "half a" need a scale
/// ("a dozen", "half a million").
fn word_number(i: &str) -> Res<'_, f64> {
    let (mut rest, (first, needs_scale)) = alt((
        map(below_thousand, |n| (f64::from(n), false)),
        value((0.5, true), phrase("half a")),
        value((1.0, true), kw("a")),
    ))
    .parse(i)?;
    let (mut total, mut group, mut last_scale) = (0.0, first, f64::INFINITY);
    while let Ok((r, scale)) = preceded(sp, table(BIG_SCALES)).parse(rest) {
        if scale >= last_scale {
            break;
        }
        total += group * scale;
        last_scale = scale;
        rest = r;
        group = 0.0;
        if let Ok((r, g)) = preceded((sp, opt((kw("and"), sp))), below_thousand).parse(rest) {
            group = f64::from(g);
            rest = r;
        }
    }
    if needs_scale && last_scale.is_infinite() {
        return fail(i);
    }
    Ok((rest, total + group))
}

/// `word-amount = word-number [percent]` — "two hundred", "three million", "a
/// dozen", "forty percent". Not glued to a word by a hyphen ("two-thirds").
fn word_amount(i: &str) -> Res<'_, Amount> {
    let (rest, n) = word_number(i)?;
    let len = i.len() - rest.len();
    let (rest, ()) = not((one_of("-–"), satisfy(char::is_alphabetic))).parse(rest)?;
    let (rest, pct) = opt(percent).parse(rest)?;
    let mut a = Amount::new(n);
    a.unit = pct;
    a.word_one = i[..len].eq_ignore_ascii_case("one");
    a.len = len;
    Ok((rest, a))
}

/// `vague-plural = ("tens" / "hundreds") SP "of" SP ("thousands" / "millions" / "billions")
///               / "dozens" / "hundreds" / "thousands" / "millions" / "billions"` —
/// from 2 to 10 of the scale: "dozens" 24–120, "thousands" 2,000–10,000.
fn vague_amount(i: &str) -> Res<'_, Amount> {
    let (rest, scale) = table(VAGUE_PLURALS)(i)?;
    let mut a = Amount::new(2.0 * scale);
    a.upper = Some(10.0 * scale);
    a.vague = true;
    a.len = i.len() - rest.len();
    Ok((rest, a))
}

/// `amount = digit-amount / word-amount / vague-plural`
fn amount(i: &str) -> Res<'_, Amount> {
    alt((digit_amount, word_amount, vague_amount)).parse(i)
}

// ---------------------------------------------------------------- phrases

/// What [`quantity`] read.
#[derive(Debug, Clone, PartialEq)]
struct Reading {
    first: Amount,
    upper: Option<f64>,
    /// The qualifier before the number, if any.
    pre: Option<Qualifier>,
    /// Whether two numbers make a range.
    range: bool,
    qualifier: Qualifier,
    unit: Option<String>,
}

/// `range = "between" SP amount SP "and" SP amount / amount ("-" / "–") amount
///        / amount SP "to" SP amount` — the second larger than the first; "to" not
/// after "from". A scale, a percent or a currency on one end goes to both:
/// "10-12 million", "10-12%", "$10-12".
fn range<'a>(after_from: bool) -> impl Fn(&'a str) -> Res<'a, (Amount, Amount)> {
    move |i| {
        let between = map(
            (kw("between"), sp, amount, sp, kw("and"), sp, amount),
            |(_, _, a, _, _, _, b)| (a, b),
        );
        let dash = map((digit_amount, one_of("-–"), digit_amount), |(a, _, b)| {
            (a, b)
        });
        let to = |i: &'a str| -> Res<'a, (Amount, Amount)> {
            if after_from {
                return fail(i);
            }
            map((amount, sp, kw("to"), sp, amount), |(a, _, _, _, b)| (a, b)).parse(i)
        };
        let (rest, (mut a, mut b)) = alt((between, dash, to)).parse(i)?;
        // "rose 4.3% to £1.97bn" is a change, not a range.
        if a.unit.is_some() && a.unit != b.unit {
            return fail(i);
        }
        if !a.scaled && b.scaled && a.base <= b.base {
            a.value = a.base * (b.value / b.base.max(f64::MIN_POSITIVE));
        }
        a.unit = a.unit.or(b.unit);
        b.unit = b.unit.or(a.unit);
        if b.value > a.value && !a.vague && !b.vague {
            Ok((rest, (a, b)))
        } else {
            fail(i)
        }
    }
}

/// `quantity = [qualifier SP] (range / amount) [post] [unit-phrase]`;
/// `post = ("-" / SP) "plus" / SP ("or more" / "or so" / "or fewer" / "or less")`.
fn quantity<'a>(after_from: bool) -> impl Fn(&'a str) -> Res<'a, Reading> {
    move |i| {
        let (i, pre) = opt(terminated(table(QUALIFIERS), sp)).parse(i)?;
        // A dash and a digit after a number that made no range: "3-1".
        let single = map(
            terminated(amount, not((one_of("-–"), satisfy(|c| c.is_ascii_digit())))),
            |a| (a, None),
        );
        let ranged = map(range(after_from), |(a, b)| (a, Some(b)));
        let (i, (first, second)) = alt((ranged, single)).parse(i)?;
        let (i, post) = opt(alt((
            preceded(sp, table(POST_QUALIFIERS)),
            value(
                Qualifier::AtLeast,
                preceded(alt((tag("-"), sp)), kw("plus")),
            ),
        )))
        .parse(i)?;
        let last = second.unwrap_or(first);
        let (i, unit) = match last.unit {
            Some(u) => (i, Some(u.to_string())),
            None => unit_after(i, last.vague, last.value == 1.0),
        };
        let needs_count = first.needs_count || last.needs_count;
        if needs_count && unit.as_deref().is_none_or(|u| RACE_WORDS.contains(&u)) {
            return fail(i);
        }
        let qualifier = match (pre, post) {
            (Some(q), _) | (None, Some(q)) => q,
            (None, None) if first.vague => Qualifier::About,
            (None, None) => Qualifier::Exact,
        };
        let upper = second.map(|b| b.value).or(first.upper);
        Ok((
            i,
            Reading {
                first,
                upper,
                pre,
                range: second.is_some(),
                qualifier,
                unit,
            },
        ))
    }
}

/// `unit-phrase = SP ["of" SP] *2(modifier SP) head` — the counted noun:
/// - a participle for casualties right after the number counts people ("12
///   killed", "12 dead" → "person");
/// - a known noun or unit ("people" → "person", "km", "dollars" → "usd"), or any
///   plural ("troops" → "troop", "casualties" → "casualty", "Ukrainians" →
///   "ukrainian"), or after 1 a singular noun for people ("one soldier"), up to
///   two modifiers after the number ("150,000 Russian troops", "12 more
///   civilians", "12 civilian casualties"); a modifier is any word that is
///   neither a stop word nor a head;
/// - nothing otherwise; "of" is skipped only after a vague plural
///   ("thousands of people").
///
/// Returns the input after the head (or unchanged) and the lemma.
fn unit_after(i: &str, after_vague: bool, one: bool) -> (&str, Option<String>) {
    let word = |i| -> Res<'_, &str> {
        nom::combinator::recognize((letters, nom::multi::many0((one_of("-'’"), letters)))).parse(i)
    };
    let mut scan = i;
    if after_vague && let Ok((r, _)) = (sp, kw("of")).parse(scan) {
        scan = r;
    }
    for k in 0..3 {
        let Ok((r, w)) = preceded(sp, word).parse(scan) else {
            break;
        };
        let lower = w.to_lowercase();
        if k == 0 && CASUALTIES.contains(&lower.as_str()) {
            return (r, Some("person".to_string()));
        }
        if let Some(&(_, lemma)) = KNOWN.iter().find(|(k, _)| *k == lower) {
            return (r, Some(lemma.to_string()));
        }
        if STOP.contains(&lower.as_str()) {
            break;
        }
        let capital = w.starts_with(char::is_uppercase);
        if plural_looking(w) && (!capital || people_name(w)) {
            return (r, Some(singular(&lower)));
        }
        if one && is_person(&lower) {
            return (r, Some(lower));
        }
        scan = r;
    }
    (i, None)
}

/// A capitalised plural that names a people: "Ukrainians", "Iraqis", "Britons"
/// (not "Nations", "Gorges", "Steps", "Elvis").
fn people_name(w: &str) -> bool {
    w.ends_with("ans") || PEOPLES.contains(&w)
}

/// A word that looks like a plural: lowercase after its first letter, ending in
/// "s" but not "ss", "us", "is" ("troops", "Ukrainians"; not "press", "virus"),
/// or in "men" ("gunmen").
fn plural_looking(w: &str) -> bool {
    w.chars().count() >= 3
        && w.chars().skip(1).all(|c| c.is_lowercase() || c == '-')
        && ((w.ends_with('s')
            && !(w.ends_with("ss") || w.ends_with("us") || w.ends_with("is") || w == "news"))
            || w.ends_with("men")
            || (w.starts_with(char::is_uppercase) && people_name(w)))
}

/// The singular of a regular plural: "casualties" → "casualty", "taxes" →
/// "tax", "gunmen" → "gunman", "troops" → "troop".
fn singular(w: &str) -> String {
    if let Some(stem) = w.strip_suffix("ies").filter(|s| s.len() > 1) {
        return format!("{stem}y");
    }
    if let Some(stem) = w.strip_suffix("men") {
        return format!("{stem}man");
    }
    for ending in ["sses", "xes", "ches", "shes", "zes"] {
        if w.ends_with(ending) {
            return w[..w.len() - 2].to_string();
        }
    }
    w.strip_suffix('s').unwrap_or(w).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The phrase of each quantity.
    fn read(text: &str) -> Vec<String> {
        quantities(text, 0).into_iter().map(|q| q.text).collect()
    }

    /// The one quantity in `text`.
    fn one(text: &str) -> Quantity {
        let found = quantities(text, 0);
        assert_eq!(found.len(), 1, "{text:?}: {found:?}");
        found.into_iter().next().unwrap()
    }

    fn check(text: &str, value: f64, qualifier: Qualifier, unit: Option<&str>) {
        let q = one(text);
        assert_eq!(
            (q.value, q.qualifier, q.unit.as_deref()),
            (value, qualifier, unit),
            "{text:?}"
        );
    }

    fn none(text: &str) {
        assert_eq!(read(text), Vec::<String>::new(), "{text:?}");
    }

    use Qualifier::{About, AtLeast, AtMost, Exact};

    #[test]
    fn the_briefs_examples() {
        let q = one("Russia has massed over 150,000 troops on the border.");
        assert_eq!(q.text, "over 150,000 troops");
        assert_eq!(
            (q.value, q.qualifier, q.unit.as_deref()),
            (150_000.0, AtLeast, Some("troop"))
        );
        check("at least 12 killed", 12.0, AtLeast, Some("person"));
        check("about 40%", 40.0, About, Some("percent"));
        check("a dozen", 12.0, Exact, None);
        let q = one("It is 100% safe.");
        assert_eq!(
            (q.text.as_str(), q.value, q.unit.as_deref()),
            ("100%", 100.0, Some("percent"))
        );
    }

    #[test]
    fn digits() {
        check("150,000 troops", 150_000.0, Exact, Some("troop"));
        check("150\u{a0}000 troops", 150_000.0, Exact, Some("troop"));
        check("150 000 troops", 150_000.0, Exact, Some("troop"));
        check("1,500,000 people", 1_500_000.0, Exact, Some("person"));
        check("1.5 tonnes", 1.5, Exact, Some("tonne"));
        check("12 people", 12.0, Exact, Some("person"));
        check("0.5 percent", 0.5, Exact, Some("percent"));
    }

    #[test]
    fn scales() {
        check("1.5 million refugees", 1_500_000.0, Exact, Some("refugee"));
        check("1.1 million", 1_100_000.0, Exact, None);
        check("2 billion", 2e9, Exact, None);
        check("150k troops", 150_000.0, Exact, Some("troop"));
        check("$2bn", 2e9, Exact, Some("usd"));
        check("$5m", 5e6, Exact, Some("usd"));
        check("€3.5 billion", 3.5e9, Exact, Some("eur"));
        check("US$40", 40.0, Exact, Some("usd"));
        check("5 million dollars", 5e6, Exact, Some("usd"));
        check("300 euros", 300.0, Exact, Some("eur"));
        check("two dozen", 24.0, Exact, None);
        check("5km", 5.0, Exact, Some("km"));
        check("2.5m people", 2.5e6, Exact, Some("person"));
        none("a 5m wall");
        none("the 100m sprint");
        none("the 60m hurdles");
        check("40 kilometres", 40.0, Exact, Some("km"));
    }

    #[test]
    fn words() {
        check("one person", 1.0, Exact, Some("person"));
        check("two soldiers", 2.0, Exact, Some("soldier"));
        check("Twelve people", 12.0, Exact, Some("person"));
        check("nineteen", 19.0, Exact, None);
        check("forty tanks", 40.0, Exact, Some("tank"));
        check("twenty-five villages", 25.0, Exact, Some("village"));
        check("two hundred", 200.0, Exact, None);
        check("a hundred", 100.0, Exact, None);
        check("two hundred and fifty people", 250.0, Exact, Some("person"));
        check("three million", 3e6, Exact, None);
        check("a thousand", 1000.0, Exact, None);
        check("half a million", 500_000.0, Exact, None);
        check("two hundred thousand", 200_000.0, Exact, None);
        check(
            "three million five hundred thousand",
            3_500_000.0,
            Exact,
            None,
        );
        check("forty percent", 40.0, Exact, Some("percent"));
    }

    #[test]
    fn the_word_one_is_a_count_only_of_people_or_with_a_qualifier() {
        none("one of the soldiers");
        none("No one was hurt.");
        none("one day");
        none("at one point");
        check("at least one civilian", 1.0, AtLeast, Some("civilian"));
        check("One Ukrainian soldier died.", 1.0, Exact, Some("soldier"));
    }

    #[test]
    fn percents() {
        check("40 percent", 40.0, Exact, Some("percent"));
        check("40 per cent of voters", 40.0, Exact, Some("percent"));
        check("40 %", 40.0, Exact, Some("percent"));
        check(
            "3.5 percentage points",
            3.5,
            Exact,
            Some("percentage point"),
        );
    }

    #[test]
    fn vague_plurals() {
        let q = one("Dozens were hurt.");
        assert_eq!((q.value, q.upper, q.qualifier), (24.0, Some(120.0), About));
        let q = one("hundreds of people");
        assert_eq!(
            (q.value, q.upper, q.unit.as_deref()),
            (200.0, Some(1000.0), Some("person"))
        );
        let q = one("thousands of troops");
        assert_eq!(
            (q.value, q.upper, q.qualifier),
            (2000.0, Some(10_000.0), About)
        );
        let q = one("tens of thousands of refugees");
        assert_eq!(
            (q.value, q.upper, q.unit.as_deref()),
            (20_000.0, Some(100_000.0), Some("refugee"))
        );
        let q = one("hundreds of thousands");
        assert_eq!(q.value, 200_000.0);
        let q = one("more than thousands of people");
        assert_eq!((q.qualifier, q.value), (AtLeast, 2000.0));
    }

    #[test]
    fn qualifiers() {
        for (text, q_want) in [
            ("at least 12", AtLeast),
            ("more than 12", AtLeast),
            ("over 12", AtLeast),
            ("upwards of 12", AtLeast),
            ("in excess of 12", AtLeast),
            ("no fewer than 12", AtLeast),
            ("up to 12", AtMost),
            ("fewer than 12", AtMost),
            ("less than 12", AtMost),
            ("under 12", AtMost),
            ("no more than 12", AtMost),
            ("as many as 12", AtMost),
            ("about 12", About),
            ("around 12", About),
            ("approximately 12", About),
            ("roughly 12", About),
            ("nearly 12", About),
            ("almost 12", About),
            ("some 12", About),
            ("an estimated 12", About),
            ("close to 12", About),
            ("12 or more", AtLeast),
            ("12 or so", About),
            ("150,000-plus", AtLeast),
            ("12 or fewer", AtMost),
        ] {
            let q = one(text);
            assert_eq!(q.text, text);
            assert_eq!(q.qualifier, q_want, "{text}");
            let want = if text.contains("150") {
                150_000.0
            } else {
                12.0
            };
            assert_eq!(q.value, want, "{text}");
        }
    }

    #[test]
    fn ranges() {
        let q = one("between 10 and 12 people");
        assert_eq!(
            (q.value, q.upper, q.unit.as_deref()),
            (10.0, Some(12.0), Some("person"))
        );
        let q = one("10-12 people");
        assert_eq!((q.value, q.upper), (10.0, Some(12.0)));
        let q = one("10 to 12");
        assert_eq!((q.value, q.upper), (10.0, Some(12.0)));
        let q = one("between 10 and 12 million");
        assert_eq!((q.value, q.upper), (10e6, Some(12e6)));
        let q = one("10–12%");
        assert_eq!(
            (q.value, q.upper, q.unit.as_deref()),
            (10.0, Some(12.0), Some("percent"))
        );
        let q = one("about 500 to 1.2 million");
        assert_eq!((q.value, q.upper, q.qualifier), (500.0, Some(1.2e6), About));
        // A change is two quantities, not a range.
        assert_eq!(read("rose from 10 to 12").len(), 2);
        // A score or a falling pair is not a range.
        none("a 3-1 win");
        assert_eq!(read("voted 10 to 2").len(), 2);
    }

    #[test]
    fn units() {
        check("150,000 Russian troops", 150_000.0, Exact, Some("troop"));
        check("12 more civilians", 12.0, Exact, Some("civilian"));
        check("12 civilian casualties", 12.0, Exact, Some("casualty"));
        check("3 million Ukrainians", 3e6, Exact, Some("ukrainian"));
        check("12 dead", 12.0, Exact, Some("person"));
        check("five gunmen", 5.0, Exact, Some("gunman"));
        check("12 children", 12.0, Exact, Some("child"));
        check("20 taxes", 20.0, Exact, Some("tax"));
        check("12 were killed", 12.0, Exact, None);
        check(
            "at least 12 people were killed",
            12.0,
            AtLeast,
            Some("person"),
        );
        check("the death toll rose to 15", 15.0, Exact, None);
        let q = one("at least 12 people were killed");
        assert_eq!(q.text, "at least 12 people");
    }

    #[test]
    fn names_are_not_quantities() {
        none("the Six Nations championship");
        none("the Three Gorges Dam");
        none("The 39 Steps");
        none("Rapper 50 Cent");
        none("Boeing 737-800 planes");
        none("Commodore 64 enthusiasts");
        check("six re-released Elvis hits", 6.0, Exact, Some("hit"));
        check("12 Iraqis", 12.0, Exact, Some("iraqi"));
        check("two Telegraph titles", 2.0, Exact, Some("title"));
        check("On Monday 12 people died.", 12.0, Exact, Some("person"));
    }

    #[test]
    fn a_change_is_not_a_range() {
        assert_eq!(read("Sales rose 4.3% to £1.97bn."), vec!["4.3%", "£1.97bn"]);
        assert_eq!(
            read("Exports rose 12.3% to $1.15 trillion."),
            vec!["12.3%", "$1.15 trillion"]
        );
        assert_eq!(read("rose 2.5% to 270"), vec!["2.5%", "270"]);
    }

    #[test]
    fn dates_years_and_times_are_not_quantities() {
        none("on February 24");
        none("February 24, 2022");
        none("24 February");
        none("in 2014");
        none("the 2014 coup");
        none("Russia's 2014 annexation");
        none("2004 earnings");
        none("between 1997 and 2002");
        none("from the 2005 model years");
        none("three days ago");
        none("at 10:30");
        none("at 10 am");
        none("at 10 a.m. local time");
        none("2022-02-24");
        check("the 2000 troops", 2000.0, Exact, Some("troop"));
        check(
            "In March 2,000 troops arrived.",
            2000.0,
            Exact,
            Some("troop"),
        );
    }

    #[test]
    fn ordinals_labels_and_ids_are_not_quantities() {
        none("the 24th");
        none("the first round");
        none("COVID-19");
        none("an A320");
        none("F-16 jets");
        none("MH17");
        none("page 5");
        none("Article 5 of the treaty");
        none("No. 10");
        none("Boeing 737");
        none("Apollo 11 landed");
        none("24/7");
        none("version 1.5.2");
        none("a 10-year-old");
        none("007");
        none("12,5");
        none("someone");
    }

    #[test]
    fn spans_are_offsets_plus_base() {
        let text = "«Киев» — about 40% of 12 towns.";
        let found = quantities(text, 10);
        assert_eq!(found.len(), 2);
        for q in &found {
            assert_eq!(&text[q.span.start - 10..q.span.end - 10], q.text);
        }
        assert_eq!(found[0].text, "about 40%");
        assert_eq!(found[1].text, "12 towns");
    }

    #[test]
    fn bounds() {
        assert_eq!(one("12").bounds(), (12.0, 12.0));
        let (lo, hi) = one("about 100").bounds();
        assert!((lo - 90.0).abs() < 1e-9 && (hi - 110.0).abs() < 1e-9);
        assert_eq!(one("at least 12").bounds(), (12.0, f64::INFINITY));
        assert_eq!(one("up to 12").bounds(), (0.0, 12.0));
        assert_eq!(one("10-12").bounds(), (10.0, 12.0));
    }

    #[test]
    fn compatibility() {
        assert!(one("over 150,000 troops").compatible(&one("about 160,000 troops")));
        assert!(!one("12 killed").compatible(&one("15 killed")));
        assert!(one("at least 12 killed").compatible(&one("15 killed")));
        assert!(!one("at least 12 killed").compatible(&one("10 killed")));
        assert!(one("up to 300 people").compatible(&one("about 250 people")));
        assert!(one("1.5 million").compatible(&one("1,500,000")));
        assert!(one("1.1 million").compatible(&one("1,100,000")));
        assert!(one("thousands of people").compatible(&one("about 5,000 people")));
        assert!(!one("thousands of people").compatible(&one("150 people")));
        // Units: the same, one missing, or "person" against a noun for people.
        assert!(one("12 killed").compatible(&one("12 soldiers")));
        assert!(one("12").compatible(&one("12 tanks")));
        assert!(!one("12 tanks").compatible(&one("12 soldiers")));
        assert!(!one("40%").compatible(&one("40 troops")));
        assert!(!one("12 soldiers").compatible(&one("12 civilians")));
    }

    #[test]
    fn serializes_with_kebab_case_qualifier() {
        let json = serde_json::to_string(&one("at least 12 killed")).unwrap();
        assert_eq!(
            json,
            r#"{"span":{"start":0,"end":18},"text":"at least 12 killed","value":12.0,"upper":null,"qualifier":"at-least","unit":"person"}"#
        );
    }

    fn pieces() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            Just("over"),
            Just("at least"),
            Just("about"),
            Just("between"),
            Just("and"),
            Just("to"),
            Just("from"),
            Just("150,000"),
            Just("12"),
            Just("1.5"),
            Just("million"),
            Just("troops"),
            Just("people"),
            Just("%"),
            Just("percent"),
            Just("one"),
            Just("a"),
            Just("dozen"),
            Just("dozens"),
            Just("of"),
            Just("hundreds"),
            Just("-"),
            Just("–"),
            Just("$"),
            Just("€"),
            Just("k"),
            Just("bn"),
            Just("2014"),
            Just("February"),
            Just("24"),
            Just("in"),
            Just("killed"),
            Just("twenty"),
            Just("five"),
            Just("plus"),
            Just(":"),
            Just("/"),
            Just("."),
            Just(","),
            Just("\u{a0}"),
            Just("é"),
            Just("K"),
        ];
        prop::collection::vec(piece, 0..14).prop_map(|v| v.concat())
    }

    fn spaced() -> impl Strategy<Value = String> {
        prop::collection::vec(pieces(), 0..6).prop_map(|v| v.join(" "))
    }

    proptest! {
        #[test]
        fn the_shortcut_changes_nothing(text in spaced()) {
            for (pos, _) in text.char_indices() {
                let i = &text[pos..];
                if !may_start(i) {
                    prop_assert!(quantity(false)(i).is_err(), "{:?}", i);
                }
            }
        }
    }

    fn valid(text: &str, base: usize) -> Result<(), TestCaseError> {
        let mut last_end = base;
        for q in quantities(text, base) {
            prop_assert!(q.span.start >= last_end && q.span.start < q.span.end);
            let (s, e) = (q.span.start - base, q.span.end - base);
            prop_assert!(e <= text.len() && text.is_char_boundary(s) && text.is_char_boundary(e));
            prop_assert_eq!(&text[s..e], q.text.as_str());
            prop_assert!(q.value.is_finite() && q.value >= 0.0);
            let (lo, hi) = q.bounds();
            prop_assert!(lo <= hi);
            last_end = q.span.end;
        }
        Ok(())
    }

    proptest! {
        #[test]
        fn never_panics_on_any_text(text in any::<String>(), base in 0usize..1 << 40) {
            valid(&text, base)?;
        }

        #[test]
        fn never_panics_on_number_words(text in spaced(), base in 0usize..1 << 40) {
            valid(&text, base)?;
        }
    }
}
