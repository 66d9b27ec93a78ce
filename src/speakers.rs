//! Speaker resolution inside one article: pronouns, roles and titles, and
//! surnames resolved to one canonical name per person.
//!
//! People are introduced by a full name, often with a role before it
//! ("Russian chief negotiator Vladimir Medinsky"). Every later mention of the
//! surname is collected. A speaker mention is then resolved against them: a
//! surname (also misspelt: "Zelenesky"), a role ("Russian chief negotiator",
//! "Ukraine's President"), or a pronoun. A pronoun takes the most recent
//! person in subject position whose gender agrees, where the gender comes from
//! the text itself (the pronouns and titles used around the person's mentions).

use crate::article::{Article, Span};
use crate::grammar::lexicon::{self, TITLES, class};
use crate::grammar::marks::{Tok, TokKind};
use crate::grammar::{Kind, Parsed, Statement};
use crate::segment::Segmented;
use serde::{Deserialize, Serialize};

/// A statement with its speaker resolved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Resolved {
    pub statement: Statement,
    /// The canonical name of the speaker, where there is one.
    pub speaker: Option<String>,
    /// The speaker resolved to a person the article names.
    pub person: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gender {
    Male,
    Female,
    Unknown,
}

/// A person introduced by full name.
#[derive(Debug, Clone)]
struct Person {
    name: String,
    last: String,
    /// Role words before the name, lowercased ("russian chief negotiator").
    role: Vec<String>,
    /// Role words in apposition after it ("a physician at …": "physician").
    also: Vec<String>,
    at: usize,
    gender: Gender,
}

/// One mention of a person: where, and whether in subject position.
#[derive(Debug, Clone, Copy)]
struct Mention {
    /// Index of the mention's first token in the article (token distances do
    /// not change with line endings or Unicode normal forms; byte distances do).
    at: usize,
    person: usize,
    subject: bool,
}

/// A person the article introduces by full name, as later stages see them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonName {
    /// The full name as first written ("Volodymyr Zelenskyy").
    pub name: String,
    /// The surname ("Zelenskyy").
    pub last: String,
    /// Role words before the name, lowercased ("ukrainian president").
    pub role: Vec<String>,
}

/// Resolves the speakers of `parsed` within the article.
pub fn resolve(article: &Article, seg: &Segmented, parsed: Parsed) -> Vec<Resolved> {
    resolve_with_people(article, seg, parsed).0
}

/// Resolves the speakers, and also returns the people the article names.
pub fn resolve_with_people(
    article: &Article,
    seg: &Segmented,
    parsed: Parsed,
) -> (Vec<Resolved>, Vec<PersonName>) {
    let text = article.text.as_str();
    let (people, mentions) = people_and_mentions(article, seg, &parsed);
    let mut out: Vec<Resolved> = Vec::with_capacity(parsed.statements.len());
    // Mentions in text order, and the person speakers resolved so far (kept
    // in order too), for pronouns: both are searched in a window, never
    // scanned whole.
    let mut said: Vec<Mention> = Vec::new();
    let tokens = parsed.tokens;
    let token_at = |byte: usize| tokens.partition_point(|t| t.start < byte);
    let names: rustc_hash::FxHashSet<&str> = people.iter().map(|p| p.name.as_str()).collect();
    let known = Known::new(&people);
    // The speaker of the latest statement named by a noun phrase, for "they".
    let mut last_named: Option<String> = None;
    // The latest speaker named like a person ("Mr Gammell", "Jeff Joseph"),
    // where it was and the gender its title shows: the referent of a "he"
    // or "she" when the text introduced nobody by full name ("“…,” Mr
    // Gammell said. “…,” he added").
    let mut last_person: Option<(String, usize, Gender)> = None;
    // The latest speaker named by a lone capitalised word no full name
    // introduced ("Peters said"): where, and its statement.
    let mut lone: Option<(String, usize, usize)> = None;
    let mut lone_people: rustc_hash::FxHashSet<String> = Default::default();
    for st in parsed.statements {
        let speaker = match st.speaker {
            None => None,
            Some(span) if st.pronoun => {
                let word = text[span.range()].to_lowercase();
                if let Some(ant) = st.antecedent {
                    Some(canonical(&text[ant.range()], &known, ant.start).0)
                } else if matches!(word.as_str(), "he" | "she" | "i") {
                    let want = match word.as_str() {
                        "he" => Gender::Male,
                        "she" => Gender::Female,
                        _ => Gender::Unknown,
                    };
                    let at = token_at(span.start);
                    // "Peters said …. “…,” he said": a lone name the text
                    // never introduced, the latest speaker named, is who "he"
                    // is; and a person.
                    if word != "i"
                        && let Some((name, from, idx)) = lone.take()
                        && at.checked_sub(from).is_some_and(|d| d < LONE_WINDOW)
                        && last_named.as_deref() == Some(name.as_str())
                    {
                        out[idx].person = true;
                        lone_people.insert(name.clone());
                        lone = Some((name.clone(), from, idx));
                        Some(name)
                    } else {
                        pronoun_referent(&people, [&mentions[..], &said[..]], at, want).or_else(
                            || {
                                last_person
                                    .as_ref()
                                    .filter(|(_, from, g)| {
                                        *from <= at
                                            && at - from < 300
                                            && (want == Gender::Unknown
                                                || *g == Gender::Unknown
                                                || *g == want)
                                    })
                                    .map(|(name, _, _)| name.clone())
                            },
                        )
                    }
                } else {
                    // "they", "it", "we": the latest speaker named before.
                    last_named.clone()
                }
            }
            Some(span) => {
                let (name, person) = match canonical(&text[span.range()], &known, span.start) {
                    // "The prosecution's star witness, former finance chief
                    // Scott Sullivan, said": the name in apposition.
                    (_, None) if let Some(p) = appositive(text, span, &known) => {
                        (people[p].name.clone(), Some(p))
                    }
                    found => found,
                };
                if let Some(p) = person {
                    let m = Mention {
                        at: token_at(span.start),
                        person: p,
                        subject: true,
                    };
                    let i = said.partition_point(|x| x.at <= m.at);
                    said.insert(i, m);
                }
                if let Some(g) = person_like(&text[span.range()]) {
                    last_person = Some((name.clone(), token_at(span.start), g));
                }
                lone = (person.is_none() && lone_name(&text[span.range()]))
                    .then(|| (name.clone(), token_at(span.start), out.len()));
                last_named = Some(name.clone());
                Some(name)
            }
        };
        let person = speaker
            .as_deref()
            .is_some_and(|s| names.contains(s) || lone_people.contains(s));
        out.push(Resolved {
            statement: st,
            speaker,
            person,
        });
    }
    // Statements by a lone name found to be a person are a person's.
    if !lone_people.is_empty() {
        for r in &mut out {
            if r.speaker.as_ref().is_some_and(|s| lone_people.contains(s)) {
                r.person = true;
            }
        }
    }
    inherit(&mut out);
    let mut lone_people: Vec<String> = lone_people.into_iter().collect();
    lone_people.sort();
    let named = people
        .into_iter()
        .map(|p| PersonName {
            name: p.name,
            last: p.last,
            role: p.role,
        })
        .chain(lone_people.into_iter().map(|name| PersonName {
            last: name.clone(),
            name,
            role: Vec::new(),
        }))
        .collect();
    (out, named)
}

/// Titles written short, and the role noun they stand for.
const ROLE_ABBREVIATIONS: &[(&str, &str)] = &[
    ("dr", "doctor"),
    ("prof", "professor"),
    ("sen", "senator"),
    ("rep", "representative"),
    ("gov", "governor"),
    ("gen", "general"),
    ("rev", "reverend"),
];

/// Tokens between a lone name's statement and the "he" or "she" that
/// makes it a person.
const LONE_WINDOW: usize = 120;

/// Whether a speaker mention is one capitalised word that is not a title, a
/// determiner or an organisation noun, nor an acronym ("Peters", not "NATO",
/// "Officials", "The").
fn lone_name(mention: &str) -> bool {
    let mut words = mention.split_whitespace();
    let (Some(w), None) = (words.next(), words.next()) else {
        return false;
    };
    // In one Unicode normal form: "José" decomposed has a combining mark.
    let w: String = {
        use unicode_normalization::UnicodeNormalization;
        strip_possessive(w).nfc().collect()
    };
    let w = w.as_str();
    let mut chars = w.chars();
    chars.next().is_some_and(char::is_uppercase)
        && chars.clone().count() >= 2
        && chars.all(|c| c.is_lowercase() || c == '-' || c == '\'')
        && lexicon::classify(w)
            & (class::TITLES | class::DETERMINERS | class::ORG_NOUNS | class::PRONOUNS)
            == 0
        && !demonym_like(w)
}

/// Whether a word is a demonym ("Canadian", "Chinese", "Dutch"); the
/// endings first, so that most words never reach the gazetteer.
fn demonym_like(word: &str) -> bool {
    ["an", "ese", "ish", "i", "ch", "ic", "ss", "k"]
        .iter()
        .any(|e| word.ends_with(e))
        && crate::resolve::gazetteer::demonym(word).is_some()
}

/// The gender a common English given name usually has, from the first word
/// of a full name; unknown for names used by both (Jordan, Alex) and for
/// everything else.
fn given_name_gender(name: &str) -> Gender {
    const MALE: &[&str] = &[
        "aaron",
        "adam",
        "alan",
        "albert",
        "alexander",
        "andrew",
        "anthony",
        "arthur",
        "barry",
        "ben",
        "benjamin",
        "bernie",
        "bill",
        "bob",
        "brad",
        "brandon",
        "brian",
        "bruce",
        "bryan",
        "carl",
        "charles",
        "chris",
        "christopher",
        "craig",
        "dan",
        "daniel",
        "darren",
        "dave",
        "david",
        "dennis",
        "donald",
        "doug",
        "douglas",
        "edward",
        "eric",
        "frank",
        "gary",
        "george",
        "gerald",
        "gordon",
        "graham",
        "greg",
        "gregory",
        "harold",
        "harry",
        "henry",
        "ian",
        "jack",
        "jacob",
        "james",
        "jason",
        "jeff",
        "jeffrey",
        "jeremy",
        "jerry",
        "jim",
        "joe",
        "john",
        "jon",
        "jonathan",
        "joseph",
        "josh",
        "joshua",
        "justin",
        "keith",
        "ken",
        "kenneth",
        "kevin",
        "larry",
        "lawrence",
        "mark",
        "martin",
        "matt",
        "matthew",
        "michael",
        "mike",
        "neil",
        "nicholas",
        "nick",
        "patrick",
        "paul",
        "peter",
        "philip",
        "phil",
        "ralph",
        "raymond",
        "richard",
        "rick",
        "rob",
        "robert",
        "roger",
        "ronald",
        "roy",
        "russell",
        "ryan",
        "sam",
        "samuel",
        "scott",
        "sean",
        "stephen",
        "steve",
        "steven",
        "stuart",
        "thomas",
        "tim",
        "timothy",
        "todd",
        "tom",
        "tony",
        "victor",
        "walter",
        "wayne",
        "william",
        "mohammed",
        "muhammad",
        "ahmed",
        "ali",
        "omar",
        "hassan",
        "ivan",
        "sergei",
        "vladimir",
        "dmitry",
        "pierre",
        "jean",
        "jacques",
        "francois",
        "hans",
        "karl",
        "juan",
        "carlos",
        "jose",
        "luis",
        "pedro",
        "marco",
        "giuseppe",
        "ted",
        "hugh",
        "ross",
        "rod",
        "ed",
        "emmanuel",
    ];
    const FEMALE: &[&str] = &[
        "abigail",
        "alice",
        "alison",
        "amanda",
        "amy",
        "andrea",
        "angela",
        "ann",
        "anna",
        "anne",
        "barbara",
        "betty",
        "beverly",
        "brenda",
        "carol",
        "caroline",
        "catherine",
        "charlotte",
        "cheryl",
        "christine",
        "claire",
        "cynthia",
        "deborah",
        "debbie",
        "denise",
        "diana",
        "diane",
        "donna",
        "dorothy",
        "elizabeth",
        "ellen",
        "emily",
        "emma",
        "erin",
        "eva",
        "evelyn",
        "frances",
        "grace",
        "hannah",
        "heather",
        "helen",
        "hillary",
        "jane",
        "janet",
        "jennifer",
        "jessica",
        "joan",
        "joanne",
        "judith",
        "judy",
        "julia",
        "julie",
        "karen",
        "kate",
        "katherine",
        "kathleen",
        "kathy",
        "kelly",
        "laura",
        "lauren",
        "linda",
        "lisa",
        "louise",
        "lucy",
        "margaret",
        "maria",
        "marie",
        "mary",
        "megan",
        "melissa",
        "michelle",
        "nancy",
        "natalie",
        "nicole",
        "olivia",
        "pamela",
        "patricia",
        "rachel",
        "rebecca",
        "ruth",
        "sandra",
        "sarah",
        "sharon",
        "shirley",
        "sophie",
        "stephanie",
        "susan",
        "teresa",
        "theresa",
        "victoria",
        "virginia",
        "wendy",
        "fatima",
        "olga",
        "irina",
        "natalia",
        "svetlana",
        "marta",
        "ewa",
        "anja",
        "ingrid",
        "isabel",
        "carmen",
        "sofia",
        "nicola",
    ];
    let Some(first) = name.split_whitespace().next() else {
        return Gender::Unknown;
    };
    if first.len() > 12 {
        return Gender::Unknown;
    }
    let first = first.to_ascii_lowercase();
    if MALE.contains(&first.as_str()) {
        Gender::Male
    } else if FEMALE.contains(&first.as_str()) {
        Gender::Female
    } else {
        Gender::Unknown
    }
}

/// Whether a speaker's words name a person, and the gender its title
/// shows: a title and a name ("Mr Gammell", "Dr Kate Taylor"), one to four
/// capitalised words that are not an organisation's or a place ("Jeff
/// Joseph", "Parry"; not "the Finance Ministry", "Russia"), or a
/// description whose head is a role ("the Trafford Centre spokeswoman").
fn person_like(mention: &str) -> Option<Gender> {
    let words: Vec<&str> = mention.split_whitespace().collect();
    let first = words.first()?.trim_end_matches('.').to_lowercase();
    let head = strip_possessive(words.last()?).to_lowercase();
    let gender = match (first.as_str(), head.as_str()) {
        ("mr" | "sir" | "lord", _) => Gender::Male,
        ("mrs" | "ms" | "miss" | "dame" | "lady", _) => Gender::Female,
        (_, "spokesman" | "chairman" | "businessman") => Gender::Male,
        (_, "spokeswoman" | "chairwoman" | "businesswoman") => Gender::Female,
        _ => Gender::Unknown,
    };
    let titled = lexicon::is_in(&TITLES, &first) && words.len() >= 2;
    let role = words.len() >= 2 && lexicon::is_in(&TITLES, &head);
    let named = (1..=4).contains(&words.len())
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
        && !words
            .iter()
            .any(|w| lexicon::classify(w) & (class::ORG_NOUNS | class::DETERMINERS) != 0)
        && (words.len() > 1 || crate::resolve::gazetteer::lookup(words[0]).is_empty());
    (titled || role || named).then_some(gender)
}

/// The person a "he", "she" or "I" at `at` stands for: the most recent
/// person in subject position nearby whose gender agrees, else the most
/// recent person whose gender agrees.
fn pronoun_referent(
    people: &[Person],
    lists: [&[Mention]; 2],
    at: usize,
    want: Gender,
) -> Option<String> {
    // Mentions before the pronoun, within a few paragraphs (both lists are in
    // token order, so the window is two binary searches).
    let before: Vec<&Mention> = lists
        .iter()
        .flat_map(|l| {
            let from = l.partition_point(|m| m.at + 500 <= at);
            let to = l.partition_point(|m| m.at < at);
            &l[from..to.max(from)]
        })
        .collect();
    let pick = |ok: &dyn Fn(Gender) -> bool| {
        let fits: Vec<&&Mention> = before
            .iter()
            .filter(|m| ok(people[m.person].gender))
            .collect();
        // A subject nearby wins over a more recent object.
        fits.iter()
            .filter(|m| m.subject && at - m.at < 100)
            .max_by_key(|m| m.at)
            .or_else(|| fits.iter().max_by_key(|m| m.at))
            .map(|m| **m)
    };
    // A person the text has shown to be of the pronoun's gender comes before
    // one whose gender it never shows.
    let chosen = if want == Gender::Unknown {
        pick(&|_| true)
    } else {
        pick(&|g| g == want || g == Gender::Unknown)
    };
    chosen.map(|m| people[m.person].name.clone())
}

/// An unattributed direct quote takes the speaker of the statement before
/// it, within two paragraphs.
fn inherit(out: &mut [Resolved]) {
    // The last direct or indirect statement with a speaker, carried forward
    // so that the pass is linear.
    let mut last: Option<usize> = None;
    for i in 0..out.len() {
        let st = &out[i].statement;
        if st.kind == Kind::Direct && st.speaker.is_none() {
            if let Some(k) = last.filter(|&k| out[k].statement.paragraph + 2 >= st.paragraph) {
                let prev = &out[k];
                let (name, mention, pronoun, person) = (
                    prev.speaker.clone(),
                    prev.statement.speaker,
                    prev.statement.pronoun,
                    prev.person,
                );
                // The speaker's words are those of the statement it continues.
                out[i].speaker = name;
                out[i].statement.speaker = mention;
                out[i].statement.pronoun = pronoun;
                out[i].statement.inherited = true;
                out[i].person = person;
                last = Some(i);
            }
            continue;
        }
        if out[i].speaker.is_some()
            && matches!(out[i].statement.kind, Kind::Direct | Kind::Indirect)
        {
            last = Some(i);
        }
    }
}

/// Demonyms and country names share their first letters often enough
/// ("Ukraine"/"Ukrainian", "Russia"/"Russian", "Belarus"/"Belarusian").
fn same_stem(a: &str, b: &str) -> bool {
    let a = a
        .trim_end_matches("'s")
        .trim_end_matches("’s")
        .to_lowercase();
    let b = b
        .trim_end_matches("'s")
        .trim_end_matches("’s")
        .to_lowercase();
    let n = 5.min(a.len()).min(b.len());
    n >= 4 && a.get(..n).is_some() && a.get(..n) == b.get(..n)
}

fn strip_possessive(w: &str) -> &str {
    w.trim_end_matches("'s")
        .trim_end_matches("’s")
        .trim_end_matches('\'')
        .trim_end_matches('’')
}

/// Counts a title or role noun that carries a gender ("Mr.", "chairwoman")
/// as evidence (male, female) for the person it names.
fn add_title_gender(evidence: &mut (u32, u32), word: &str) {
    match word.trim_end_matches('.').to_lowercase().as_str() {
        "mr" | "king" | "prince" | "chairman" | "spokesman" | "father" | "son" => evidence.0 += 2,
        "mrs" | "ms" | "miss" | "queen" | "princess" | "chairwoman" | "spokeswoman" | "mother"
        | "daughter" => evidence.1 += 2,
        _ => {}
    }
}

fn nfc_lower(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    s.nfc().collect::<String>().to_lowercase()
}

/// The people of an article indexed for [`canonical`], built once: people
/// by surname, and each distinct surname once in one Unicode normal form for
/// the misspelling match, whose answers are kept per spelling asked. A
/// speaker look-up then costs a hash probe, not a pass over every person.
struct Known<'a> {
    people: &'a [Person],
    /// Surname → its people, in order.
    by_last: rustc_hash::FxHashMap<&'a str, Vec<usize>>,
    /// Distinct lowercased surnames with their length in characters and
    /// their latest person, by length.
    lowers: Vec<(String, usize, usize)>,
    fuzzy: std::cell::RefCell<rustc_hash::FxHashMap<String, Option<usize>>>,
}

impl<'a> Known<'a> {
    fn new(people: &'a [Person]) -> Self {
        let mut by_last: rustc_hash::FxHashMap<&str, Vec<usize>> = Default::default();
        let mut latest: rustc_hash::FxHashMap<String, usize> = Default::default();
        for (i, p) in people.iter().enumerate() {
            by_last.entry(p.last.as_str()).or_default().push(i);
            latest.insert(nfc_lower(&p.last), i);
        }
        let mut lowers: Vec<(String, usize, usize)> = latest
            .into_iter()
            .map(|(l, i)| {
                let n = l.chars().count();
                (l, n, i)
            })
            .collect();
        lowers.sort_unstable_by_key(|(_, n, i)| (*n, *i));
        Known {
            people,
            by_last,
            lowers,
            fuzzy: Default::default(),
        }
    }

    /// The person whose surname is closest to `lower` (the same first
    /// letter and Jaro-Winkler at least 0.9; on a tie, the latest), as a
    /// pass over every surname would find it. A score of 0.9 needs the shorter name at least half the
    /// longer's length (Jaro ≥ 5/6 even with the full prefix bonus), so only
    /// those lengths are scored.
    fn misspelt(&self, lower: &str) -> Option<usize> {
        if let Some(found) = self.fuzzy.borrow().get(lower) {
            return *found;
        }
        let n = lower.chars().count();
        let from = self.lowers.partition_point(|(_, k, _)| 2 * k + 1 < n);
        let found = self.lowers[from..]
            .iter()
            .take_while(|(_, k, _)| *k <= 2 * n + 1)
            // A misspelling keeps the first letter ("Zelenesky"); a name
            // that differs there is someone else ("Lokaski", "Polkaski").
            .filter(|(l, _, _)| l.chars().next() == lower.chars().next())
            .map(|(l, _, i)| (strsim::jaro_winkler(l, lower), *i))
            .filter(|(s, _)| *s >= 0.9)
            .max_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)))
            .map(|(_, i)| i);
        self.fuzzy.borrow_mut().insert(lower.to_string(), found);
        found
    }
}

/// The canonical name for a speaker mention, and the person it is, if any.
fn canonical(mention: &str, known: &Known<'_>, at: usize) -> (String, Option<usize>) {
    // "the mayor's statement that …": the holder of a report speaks.
    let mention = strip_possessive(mention);
    // Speakers named together ("Lena Voss and Tomasz Reed") are a group,
    // not the one of them whose full name comes first to hand.
    if mention.contains(',') || mention.split_whitespace().any(|w| w == "and") {
        return (mention.to_string(), None);
    }
    let people = known.people;
    let words: Vec<&str> = mention.split_whitespace().collect();
    // A full name inside the mention: only people whose surname is one of
    // the mention's words can be (no substring search over everyone).
    let full = words
        .iter()
        .filter_map(|w| known.by_last.get(strip_possessive(w)))
        .flat_map(|v| v.iter().copied())
        .filter(|&i| mention.contains(&people[i].name))
        .min();
    if let Some(i) = full {
        return (people[i].name.clone(), Some(i));
    }
    let last_clean = strip_possessive(words.last().copied().unwrap_or(""));
    // A surname: the most recent person with it before the mention, else after.
    if last_clean.chars().next().is_some_and(char::is_uppercase)
        && !lexicon::is_in(&TITLES, last_clean)
    {
        if let Some(same) = known.by_last.get(last_clean) {
            let i = same
                .iter()
                .rev()
                .find(|&&i| people[i].at <= at)
                .unwrap_or(&same[0]);
            return (people[*i].name.clone(), Some(*i));
        }
        // A close misspelling of a surname ("Zelenesky"), compared in one
        // Unicode normal form.
        let lower = nfc_lower(last_clean);
        if lower.chars().count() >= 5
            && let Some(i) = known.misspelt(&lower)
        {
            return (people[i].name.clone(), Some(i));
        }
    }
    // A role: the head noun is a title, the modifiers agree.
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    if let Some(head) = lower.last()
        && lexicon::is_in(&TITLES, head)
    {
        let mods: Vec<&str> = words[..words.len() - 1]
            .iter()
            .copied()
            .filter(|w| !lexicon::is_in(&lexicon::DETERMINERS, w))
            .collect();
        // The role written in full: "Dr" is a doctor, "Sen." a senator.
        let full = |r: &str| -> String {
            let r = r.trim_end_matches('.');
            ROLE_ABBREVIATIONS
                .iter()
                .find(|(short, _)| *short == r)
                .map_or(r, |(_, long)| long)
                .to_string()
        };
        let found = people.iter().enumerate().rev().find(|(_, p)| {
            let heads = [p.role.last(), p.also.last()];
            p.at <= at
                && heads.iter().flatten().any(|h| full(h) == *head)
                && mods.iter().all(|m| {
                    p.role
                        .iter()
                        .chain(&p.also)
                        .any(|r| r == &m.to_lowercase() || same_stem(r, m))
                })
        });
        if let Some((i, p)) = found {
            return (p.name.clone(), Some(i));
        }
    }
    // Anything else is its own name, without a leading article or the
    // quantifier of a group ("Most dockers" are the dockers).
    let trimmed = mention
        .strip_prefix("the ")
        .or_else(|| mention.strip_prefix("The "))
        .unwrap_or(mention);
    let trimmed = match trimmed.split_once(' ') {
        Some((q, rest)) if lexicon::is_one_of(&["most", "some", "many", "several", "both"], q) => {
            rest
        }
        _ => trimmed,
    };
    (trimmed.to_string(), None)
}

/// The person named in apposition right after a description: ", " then a
/// phrase (up to the next comma or clause mark, at most 12 words) holding
/// the full name of a person the article introduced.
fn appositive(text: &str, span: Span, known: &Known<'_>) -> Option<usize> {
    // A description ends in a common noun ("witness"), not a capitalised
    // title that a list goes on ("Minister of Innovation, Science and …").
    let head = text[span.range()].split_whitespace().last()?;
    if head.chars().next().is_none_or(char::is_uppercase) {
        return None;
    }
    let rest = text.get(span.end..)?.strip_prefix(',')?;
    // The apposition closes with a comma right after the name.
    let end = rest.find([',', ';', ':', '.', '(', '"', '“', '\n'])?;
    if !rest[end..].starts_with(',') {
        return None;
    }
    let phrase = rest[..end].trim_end();
    if phrase.split_whitespace().count() > 12 {
        return None;
    }
    let last = strip_possessive(phrase.split_whitespace().last()?);
    known
        .by_last
        .get(last)?
        .iter()
        .copied()
        .filter(|&i| phrase.ends_with(&known.people[i].name))
        .min()
}

/// Full-name introductions, every later mention of the surnames, and each
/// person's gender as the text shows it.
fn people_and_mentions(
    article: &Article,
    seg: &Segmented,
    parsed: &Parsed,
) -> (Vec<Person>, Vec<Mention>) {
    let text = article.text.as_str();
    let mut people: Vec<Person> = Vec::new();
    let mut mentions: Vec<Mention> = Vec::new();
    // Gender evidence per person: (male, female).
    let mut evidence: Vec<(u32, u32)> = Vec::new();
    let mut sentence_first: Vec<usize> = Vec::new();
    let mut next_sentence = 0;
    // Surname → person, for lone-surname mentions.
    let mut by_last: rustc_hash::FxHashMap<String, usize> = rustc_hash::FxHashMap::default();
    let mut by_name: rustc_hash::FxHashMap<String, usize> = rustc_hash::FxHashMap::default();
    for range in &parsed.paragraph_tokens {
        let toks: &[Tok] = &parsed.tokens[range.clone()];
        let classes: &[u32] = &parsed.classes[range.clone()];
        let has = |k: usize, bits: u32| classes[k] & bits != 0;
        let w = |i: usize| &text[toks[i].start..toks[i].end];
        let cap = |i: usize| {
            toks[i].kind == TokKind::Word && w(i).chars().next().is_some_and(char::is_uppercase)
        };
        let title = |k: usize| has(k, class::TITLES);
        // Sentence start token for each token: sentences and tokens are both
        // in text order, so one walk pairs them.
        sentence_first.clear();
        let mut first = 0;
        for (k, t) in toks.iter().enumerate() {
            let mut moved = false;
            while next_sentence < seg.sentences.len()
                && seg.sentences[next_sentence].span.start <= t.start
            {
                next_sentence += 1;
                moved = true;
            }
            if moved {
                first = k;
            }
            sentence_first.push(first);
        }
        let subject_at = |k: usize| {
            let f = sentence_first[k];
            k - f <= 5 && !toks[f..k].iter().any(|t| t.kind == TokKind::Punct(','))
        };
        let mut para_mentions: Vec<(usize, usize)> = Vec::new(); // (token, person)
        let mut i = 0;
        while i < toks.len() {
            if !cap(i) {
                i += 1;
                continue;
            }
            let mut j = i;
            while j < toks.len() && cap(j) {
                j += 1;
                // A middle initial: "Jeffrey M. Jones".
                if j + 1 < toks.len()
                    && toks[j].kind == TokKind::Punct('.')
                    && w(j - 1).len() == 1
                    && cap(j + 1)
                {
                    j += 1;
                }
            }
            // The name is what follows the last possessive, role words and
            // sentence openers ("Vancouver's Bo Horvat", "Ukrainian President
            // Volodymyr Zelenskyy").
            let role_word = |k: usize| title(k) || (k + 1 < toks.len() && title(k + 1));
            let mut n0 = i;
            for k in i..j.saturating_sub(1) {
                if w(k).ends_with("'s") || w(k).ends_with("’s") {
                    n0 = k + 1;
                }
            }
            while n0 < j && (role_word(n0) || has(n0, class::NOT_NAME_START)) {
                n0 += 1;
            }
            // "Prominent Canadian Dan Ruiz": the name follows the demonym.
            if let Some(k) = (n0..j.saturating_sub(2))
                .rev()
                .find(|&k| demonym_like(w(k)) && given_name_gender(w(k)) == Gender::Unknown)
            {
                n0 = k + 1;
            }
            let last_word = strip_possessive(w(j - 1));
            let looks_personal = j - n0 >= 2
                && j - n0 <= 4
                && !has(j - 1, class::NOT_PERSON_END)
                && !(n0..j).any(|k| {
                    crate::grammar::lexicon::is_date_word(
                        w(k),
                        k.checked_sub(1).map(w),
                        (k + 1 < toks.len()).then(|| w(k + 1)),
                    ) || w(k).chars().all(|c| c.is_uppercase()) && w(k).len() > 1
                })
                && !(n0 > 0 && toks[n0 - 1].kind == TokKind::Word && w(n0 - 1) == "the")
                // "in South Surrey", "from New Brunswick": places follow these.
                && !(i > 0
                    && toks[i - 1].kind == TokKind::Word
                    && has(i - 1, class::PLACE_PREPOSITIONS))
                && !has(n0, class::PLACE_PREFIXES)
                && !(n0..j).any(|k| has(k, class::NOT_PERSON_END))
                // Not a headline's verb ("Overstating Surrey"), an initial
                // ending a school's name ("James M. Hill High School"), or a
                // description ("Prominent Canadian").
                && !(w(n0).len() >= 6 && w(n0).ends_with("ing"))
                && last_word.chars().count() > 1
                && (!demonym_like(last_word) || given_name_gender(w(n0)) != Gender::Unknown);
            if looks_personal {
                let name = strip_possessive(&text[toks[n0].start..toks[j - 1].end]).to_string();
                let last = last_word.to_string();
                let mut role: Vec<String> = Vec::new();
                // Role words before the run: a title right before it, and up
                // to three modifiers before that ("Russian chief negotiator").
                let mut r = i;
                if r > 0 && title(r - 1) {
                    r -= 1;
                    while r > 0
                        && i - r < 4
                        && toks[r - 1].kind == TokKind::Word
                        && !has(
                            r - 1,
                            class::DETERMINERS | class::CLAUSE_BREAKS | class::ROLE_SCAN_STOPS,
                        )
                    {
                        r -= 1;
                    }
                }
                for k in r..n0 {
                    // "Dr" and "Prof" are roles; "Mr" and "Ms" only courtesy.
                    let courtesy = lexicon::is_one_of(
                        &["mr", "mrs", "ms", "miss", "mx"],
                        w(k).trim_end_matches('.'),
                    );
                    if !has(k, class::NOT_NAME_START) || (title(k) && !courtesy) {
                        role.push(w(k).trim_end_matches('.').to_lowercase());
                    }
                }
                // A role in apposition after the name: "Peter Malone, a
                // physician at the county hospital," is "the physician".
                let mut also: Vec<String> = Vec::new();
                if toks
                    .get(j)
                    .is_some_and(|t| w(j) == "," && t.kind != TokKind::Word)
                {
                    let mut k = j + 1;
                    if k < toks.len() && lexicon::is_one_of(&["a", "an", "the"], w(k)) {
                        k += 1;
                    }
                    let from = k;
                    while k < toks.len()
                        && k < from + 5
                        && toks[k].kind == TokKind::Word
                        && w(k).starts_with(char::is_lowercase)
                        && !title(k)
                    {
                        k += 1;
                    }
                    if k < toks.len() && toks[k].kind == TokKind::Word && title(k) {
                        while k + 1 < toks.len()
                            && toks[k + 1].kind == TokKind::Word
                            && title(k + 1)
                        {
                            k += 1;
                        }
                        also = (from..=k).map(|m| w(m).to_lowercase()).collect();
                    }
                }
                let idx = match by_name.get(&name).copied() {
                    Some(p) => {
                        if !role.is_empty() && people[p].role.is_empty() {
                            people[p].role = role.clone();
                        }
                        if !also.is_empty() && people[p].also.is_empty() {
                            people[p].also = also;
                        }
                        p
                    }
                    None => {
                        by_last.entry(last.clone()).or_insert(people.len());
                        by_name.insert(name.clone(), people.len());
                        people.push(Person {
                            name,
                            last,
                            role: role.clone(),
                            also,
                            at: toks[n0].start,
                            gender: Gender::Unknown,
                        });
                        evidence.push((0, 0));
                        people.len() - 1
                    }
                };
                // Titles and role nouns that carry a gender.
                for k in r..n0 {
                    add_title_gender(&mut evidence[idx], w(k));
                }
                mentions.push(Mention {
                    at: range.start + n0,
                    person: idx,
                    subject: subject_at(n0),
                });
                para_mentions.push((n0, idx));
            } else if j - i == 1 || j - n0 == 1 {
                // A lone surname of a known person.
                let k = j - 1;
                let word = strip_possessive(w(k));
                if let Some(&idx) = by_last.get(word) {
                    if k > 0 && toks[k - 1].kind == TokKind::Word {
                        add_title_gender(&mut evidence[idx], w(k - 1));
                    }
                    mentions.push(Mention {
                        at: range.start + k,
                        person: idx,
                        subject: subject_at(k),
                    });
                    para_mentions.push((k, idx));
                }
            }
            i = j.max(i + 1);
        }
        // Gender evidence: pronouns between a mention and the next mention of
        // someone else, in the same or the next sentence.
        for (m, &(k, idx)) in para_mentions.iter().enumerate() {
            let stop = para_mentions
                .get(m + 1)
                .map_or(toks.len(), |n| n.0)
                .min(k + 30);
            for t in &toks[k + 1..stop] {
                if t.kind != TokKind::Word {
                    continue;
                }
                match &text[t.start..t.end] {
                    "he" | "He" | "his" | "His" | "him" | "himself" => evidence[idx].0 += 1,
                    "she" | "She" | "her" | "Her" | "hers" | "herself" => evidence[idx].1 += 1,
                    _ => {}
                }
            }
        }
    }
    for (p, (mut m, mut f)) in people.iter_mut().zip(evidence) {
        // A given name weighs as two pronouns: the pronouns after a
        // mention are only a guess at whom they stand for.
        match given_name_gender(&p.name) {
            Gender::Male => m += 2,
            Gender::Female => f += 2,
            Gender::Unknown => {}
        }
        p.gender = if m > f {
            Gender::Male
        } else if f > m {
            Gender::Female
        } else {
            Gender::Unknown
        };
    }
    (people, mentions)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Origin;

    /// The article written in a test, its statements resolved, and the
    /// people it introduces.
    fn resolved_with_people(text: &str) -> (Article, Vec<Resolved>, Vec<PersonName>) {
        let a = Article::new(
            "t".into(),
            Origin {
                path: "t".into(),
                record_line: None,
            },
            text.into(),
        );
        let seg = crate::segment::segment(&a);
        let parsed = crate::grammar::parse(&a, &seg, &crate::grammar::lexicon::Lexicon::default());
        let (out, people) = resolve_with_people(&a, &seg, parsed);
        (a, out, people)
    }

    fn resolved(text: &str) -> Vec<(String, Option<String>)> {
        let (a, out, _) = resolved_with_people(text);
        out.into_iter()
            .map(|r| (a.slice(r.statement.span).to_string(), r.speaker))
            .collect()
    }

    #[test]
    fn surname_and_misspelt_surname_resolve_to_the_full_name() {
        let r = resolved(
            "Harbour master Ana Ruiz opened the port. Ruiz said the ships were safe. Later, Ruizz added that the tide was high.",
        );
        assert_eq!(r[0].1.as_deref(), Some("Ana Ruiz"));
        assert_eq!(r[1].1.as_deref(), Some("Ana Ruiz"));
    }

    #[test]
    fn a_surname_with_another_first_letter_is_someone_else() {
        // Close by Jaro-Winkler, but not a misspelling of each other.
        let r = resolved(
            "Dock manager Ana Polkarski opened the port. Later, Lokarski said the ships were safe.",
        );
        assert_eq!(r[0].1.as_deref(), Some("Lokarski"));
    }

    #[test]
    fn role_resolves_to_the_person_introduced_with_it() {
        let r = resolved(
            "Norwegian fisheries minister Ola Berg met the crews. \"We will pay for the nets,\" the Norwegian fisheries minister told reporters.",
        );
        assert_eq!(r[0].1.as_deref(), Some("Ola Berg"));
        let r = resolved(
            "Chilean President Rosa Vidal spoke first. Chile's President said that the deal was done.",
        );
        assert_eq!(r[0].1.as_deref(), Some("Rosa Vidal"));
        // A role in apposition, and a title written short.
        let r = resolved(
            "Dr Peter Malone, a physician at the county hospital, treated the crew. \"They were lucky,\" the doctor said. \"Two had hypothermia,\" the physician added.",
        );
        assert_eq!(r[0].1.as_deref(), Some("Peter Malone"));
        assert_eq!(r[1].1.as_deref(), Some("Peter Malone"));
    }

    #[test]
    fn a_lone_name_that_he_continues_is_a_person() {
        let text = "Dockers' leader Jan Ostrowski spoke first.\n\nPeters said in an interview that the storm had passed. \"It was very bad,\" he said.";
        let (_, out, people) = resolved_with_people(text);
        let speakers: Vec<(Option<&str>, bool)> = out
            .iter()
            .map(|r| (r.speaker.as_deref(), r.person))
            .collect();
        assert_eq!(speakers, [(Some("Peters"), true), (Some("Peters"), true)]);
        assert!(people.iter().any(|p| p.name == "Peters"));
        // A capital or an organisation followed by "it" stays what it was.
        let r = resolved("Minsk said the border was open. \"It is safe,\" it added.");
        assert_eq!(r[0].1.as_deref(), Some("Minsk"));
    }

    #[test]
    fn titled_names_speak_and_a_pronoun_takes_the_last_of_them() {
        let r = resolved(
            "\"It is a case,\" said Mr Gammell. \"We have a strong case here,\" he added. \"Too few firms act,\" said Dr Kate Taylor. \"You have talent,\" Mr de Vabres said.",
        );
        let speakers: Vec<Option<&str>> = r.iter().map(|x| x.1.as_deref()).collect();
        assert_eq!(
            speakers,
            [
                Some("Mr Gammell"),
                Some("Mr Gammell"),
                Some("Kate Taylor"),
                Some("Mr de Vabres")
            ]
        );
        let r = resolved(
            "The harbour spokeswoman said the quay was shut. \"We expect the same next week,\" she added.",
        );
        assert_eq!(r[1].1.as_deref(), Some("harbour spokeswoman"));
        // "she" is not Mr Gammell.
        let r = resolved("\"It is a case,\" said Mr Gammell. \"It is not,\" she said.");
        assert_eq!(r[1].1, None);
    }

    #[test]
    fn a_description_resolves_to_the_name_in_apposition() {
        let r = resolved(
            "The harbour's chief witness, former crane operator Marta Kowalska, has said that the quay shook.",
        );
        assert_eq!(r[0].1.as_deref(), Some("Marta Kowalska"));
        // A name further on in the sentence is not an apposition.
        let r = resolved(
            "Marta Kowalska resigned on Monday. A senior source said that the quay shook.",
        );
        assert_eq!(r[0].1.as_deref(), Some("A senior source"));
    }

    #[test]
    fn a_given_name_genders_a_person_the_text_never_does() {
        // Nothing but the given names tells who "she" is.
        let r = resolved(
            "The appeal was heard by Paul Grant and argued by Susan Wade. In court, Paul Grant spoke first. Outside, she said, \"The ruling will not stand.\"",
        );
        assert_eq!(r.last().unwrap().1.as_deref(), Some("Susan Wade"));
        // The text's own pronouns outweigh the name.
        let r = resolved(
            "Kim Ode met Susan Wade. Kim Ode said he would appeal. Later, he said, \"We will win.\"",
        );
        assert_eq!(r.last().unwrap().1.as_deref(), Some("Kim Ode"));
    }

    #[test]
    fn headlines_initials_and_descriptions_are_not_people() {
        // "Overstating Costs" is a headline, "Prominent Canadian" a
        // description, "James M" part of a school's name: the "he" is Dan
        // Ruiz.
        let r = resolved(
            "Overstating Costs\n\nProminent Canadian Dan Ruiz spoke at the James M. Hill High School on Friday.\n\n\"We are ready,\" he said.",
        );
        assert_eq!(r.last().unwrap().1.as_deref(), Some("Dan Ruiz"));
    }

    #[test]
    fn pronoun_takes_the_subject_and_agrees_in_gender() {
        let r = resolved(
            "Mayor Tom Price met his rival Jane Holt on Monday. She had asked for the meeting. Speaking after the talks, she said, \"We agreed on nothing.\"",
        );
        let last = r.last().unwrap();
        assert_eq!(last.1.as_deref(), Some("Jane Holt"));
        let r = resolved(
            "Coach Ivan Petrov praised his striker Luis Mora. Speaking later, he said, \"The team was brave.\"",
        );
        assert_eq!(r.last().unwrap().1.as_deref(), Some("Ivan Petrov"));
    }

    #[test]
    fn places_and_organisations_are_not_people() {
        let r = resolved(
            "Residents of Maple Street said the water was brown. \"It smells,\" said one.",
        );
        assert_ne!(r[0].1.as_deref(), Some("Maple Street"));
    }

    #[test]
    fn unattributed_quote_inherits_the_previous_speaker() {
        let r =
            resolved("\"We start at dawn,\" said Rosa Vidal.\n\n\"Nobody will be left behind.\"");
        assert_eq!(r[1].1.as_deref(), Some("Rosa Vidal"));
    }
}
