//! Speaker resolution inside one article: pronouns, roles and titles, and
//! surnames resolved to one canonical name per person.
//!
//! People are introduced by a full name, often with a role before it
//! ("Russian chief negotiator Vladimir Medinsky"). Later mentions are resolved
//! against those introductions: a surname (also misspelt: "Zelenesky"), a role
//! ("Russian chief negotiator", "Ukraine's President"), or a pronoun (the most
//! recent person before the statement).

use crate::article::{Article, Span};
use crate::grammar::lexicon::{self, TITLES};
use crate::grammar::marks::{self, Tok};
use crate::grammar::{Kind, Parsed, Statement};
use crate::segment::Segmented;

/// A statement with its speaker resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved {
    pub statement: Statement,
    /// The canonical name of the speaker, where there is one.
    pub speaker: Option<String>,
}

/// A person introduced by full name.
#[derive(Debug, Clone)]
struct Person {
    name: String,
    last: String,
    /// Role words before the name, lowercased ("russian chief negotiator").
    role: Vec<String>,
    at: usize,
    /// Named at the start of its sentence, where subjects stand.
    subject: bool,
}

/// Resolves the speakers of `parsed` within the article.
pub fn resolve(article: &Article, seg: &Segmented, parsed: Parsed) -> Vec<Resolved> {
    let text = article.text.as_str();
    let people = introductions(article, seg);
    let mut out: Vec<Resolved> = Vec::with_capacity(parsed.statements.len());
    // Positions of resolved person speakers, for pronouns.
    let mut recent: Vec<(usize, String, bool)> = people
        .iter()
        .map(|p| (p.at, p.name.clone(), p.subject))
        .collect();
    for st in parsed.statements {
        let speaker = match st.speaker {
            None => None,
            Some(span) if st.pronoun => {
                let word = text[span.range()].to_lowercase();
                if let Some(ant) = st.antecedent {
                    Some(canonical(&text[ant.range()], &people, ant.start))
                } else if matches!(word.as_str(), "he" | "she" | "i") {
                    // The most recent subject nearby, else the most recent person.
                    let before = recent.iter().filter(|(at, _, _)| *at < span.start);
                    let last_subject = before
                        .clone()
                        .filter(|(at, _, subj)| *subj && span.start - at < 800)
                        .max_by_key(|(at, _, _)| *at);
                    last_subject
                        .or_else(|| before.max_by_key(|(at, _, _)| *at))
                        .map(|(_, n, _)| n.clone())
                } else {
                    // "they", "it", "we": the most recent non-pronoun speaker.
                    out.iter()
                        .rev()
                        .find(|r| {
                            !r.statement.pronoun
                                && r.speaker.is_some()
                                && r.statement.span.start < span.start
                        })
                        .and_then(|r| r.speaker.clone())
                }
            }
            Some(span) => Some(canonical(&text[span.range()], &people, span.start)),
        };
        if let (Some(name), Some(span)) = (&speaker, st.speaker)
            && people.iter().any(|p| &p.name == name)
        {
            recent.push((span.start, name.clone(), true));
        }
        out.push(Resolved {
            statement: st,
            speaker,
        });
    }
    inherit(&mut out);
    out
}

/// An unattributed direct quote that opens its sentence takes the speaker of
/// the statement before it, within two paragraphs.
fn inherit(out: &mut [Resolved]) {
    for i in 0..out.len() {
        let st = &out[i].statement;
        if st.kind != Kind::Direct || st.speaker.is_some() {
            continue;
        }
        let p = st.paragraph;
        let prev = out[..i]
            .iter()
            .rev()
            .take_while(|r| r.statement.paragraph + 2 >= p)
            .find(|r| {
                r.speaker.is_some() && matches!(r.statement.kind, Kind::Direct | Kind::Indirect)
            });
        if let Some(prev) = prev {
            let name = prev.speaker.clone();
            let mention = prev.statement.speaker;
            let cur = &mut out[i];
            cur.speaker = name;
            cur.statement.inherited = true;
            let _ = mention;
        }
    }
}

/// Demonyms and country names share their first five letters often enough
/// ("Ukraine"/"Ukrainian", "Russia"/"Russian", "Belarus"/"Belarusian").
fn same_stem(a: &str, b: &str) -> bool {
    let a = a.trim_end_matches("'s").trim_end_matches("’s");
    let b = b.trim_end_matches("'s").trim_end_matches("’s");
    let n = 5.min(a.len()).min(b.len());
    n >= 4
        && a.get(..n).is_some()
        && a.get(..n).map(str::to_lowercase) == b.get(..n).map(str::to_lowercase)
}

/// The canonical name for a speaker mention.
fn canonical(mention: &str, people: &[Person], at: usize) -> String {
    let words: Vec<&str> = mention.split_whitespace().collect();
    let before: Vec<&Person> = people.iter().filter(|p| p.at <= at).collect();
    // A full name inside the mention.
    if let Some(p) = people.iter().find(|p| mention.contains(&p.name)) {
        return p.name.clone();
    }
    let last = words.last().copied().unwrap_or("");
    let last_clean = last.trim_end_matches("'s").trim_end_matches("’s");
    // A surname, exact or a close misspelling.
    if last_clean.chars().next().is_some_and(char::is_uppercase)
        && !lexicon::is_in(TITLES, last_clean)
    {
        // The most recent person introduced before the mention, else after it.
        let exact = before
            .iter()
            .rev()
            .copied()
            .find(|p| p.last == last_clean)
            .or_else(|| people.iter().find(|p| p.last == last_clean));
        if let Some(p) = exact {
            return p.name.clone();
        }
        let fuzzy = people
            .iter()
            .map(|p| {
                (
                    strsim::jaro_winkler(&p.last.to_lowercase(), &last_clean.to_lowercase()),
                    p,
                )
            })
            .filter(|(s, _)| *s >= 0.9)
            .max_by(|a, b| a.0.total_cmp(&b.0));
        if let Some((_, p)) = fuzzy
            && last_clean.len() >= 5
        {
            return p.name.clone();
        }
    }
    // A role: the head noun is a title, modifiers agree.
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    if let Some(head) = lower.last()
        && lexicon::is_in(TITLES, head)
    {
        let mods: Vec<&str> = words[..words.len() - 1]
            .iter()
            .copied()
            .filter(|w| !lexicon::is_in(lexicon::DETERMINERS, w))
            .collect();
        let found = before.iter().rev().find(|p| {
            p.role.last() == Some(head)
                && mods.iter().all(|m| {
                    p.role
                        .iter()
                        .any(|r| r == &m.to_lowercase() || same_stem(r, m))
                })
        });
        if let Some(p) = found {
            return p.name.clone();
        }
    }
    // Anything else is its own name, without a leading article.
    let trimmed = mention
        .strip_prefix("the ")
        .or_else(|| mention.strip_prefix("The "))
        .unwrap_or(mention);
    trimmed.to_string()
}

/// Full-name introductions: two or more capitalised words that are not titles,
/// with the role words right before them.
fn introductions(article: &Article, seg: &Segmented) -> Vec<Person> {
    let text = article.text.as_str();
    let skip: Vec<Span> = article.excluded.iter().map(|e| e.span).collect();
    let mut toks: Vec<Tok> = Vec::new();
    let mut people: Vec<Person> = Vec::new();
    for para in &seg.paragraphs {
        toks.clear();
        marks::tokenize(text, para.span, &skip, &mut toks);
        let w = |i: usize| &text[toks[i].start..toks[i].end];
        let cap =
            |i: usize| toks[i].is_word() && w(i).chars().next().is_some_and(char::is_uppercase);
        let mut i = 0;
        let mut sentence_start = 0;
        let mut sentence = usize::MAX;
        while i < toks.len() {
            let here = seg.sentence_at(toks[i].start).unwrap_or(usize::MAX);
            if here != sentence {
                sentence = here;
                sentence_start = i;
            }
            if !cap(i) {
                i += 1;
                continue;
            }
            let mut j = i;
            while j < toks.len() && cap(j) {
                j += 1;
            }
            // Name = the trailing capitalised words that are not titles or
            // sentence openers; role = what precedes them in the run, plus
            // lowercase title words right before the run.
            let title = |k: usize| toks[k].is_word() && lexicon::is_in(TITLES, w(k));
            // A capitalised word right before a title qualifies the title
            // ("Ukrainian President", "Belarus President").
            let role_word = |k: usize| title(k) || (k + 1 < toks.len() && title(k + 1));
            let mut n0 = i;
            while n0 < j && (role_word(n0) || lexicon::is_in(lexicon::NOT_NAME_START, w(n0))) {
                n0 += 1;
            }
            if j - n0 >= 2 && j - n0 <= 4 {
                let name = text[toks[n0].start..toks[j - 1].end]
                    .trim_end_matches("'s")
                    .trim_end_matches("’s")
                    .to_string();
                let last = w(j - 1)
                    .trim_end_matches("'s")
                    .trim_end_matches("’s")
                    .to_string();
                let mut role: Vec<String> = Vec::new();
                let mut r = i;
                while r > 0 && i - r < 4 && (title(r - 1) || (toks[r - 1].is_word() && title(r))) {
                    r -= 1;
                }
                for k in r..n0 {
                    if !lexicon::is_in(lexicon::NOT_NAME_START, w(k)) {
                        role.push(w(k).to_lowercase());
                    }
                }
                // Lowercase role words before a capitalised demonym:
                // "Russian chief negotiator" has them inside the run already.
                let subject = n0 - sentence_start <= 5
                    && !toks[sentence_start..n0]
                        .iter()
                        .any(|t| t.kind == marks::TokKind::Punct(','));
                if !name.contains(['.', ','])
                    && !people.iter().any(|p| p.name == name && p.role == role)
                {
                    people.push(Person {
                        name,
                        last,
                        role,
                        at: toks[n0].start,
                        subject,
                    });
                }
            }
            i = j.max(i + 1);
        }
    }
    people
}
