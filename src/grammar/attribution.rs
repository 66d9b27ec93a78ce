//! Attribution rules: who said it, with which cue. nom parsers over tokens.
//!
//! ```text
//! speaker      = pronoun / nominal
//! nominal      = 1*8 name-word, starting with a capitalised word or a determiner,
//!                ending in a noun-like word (see `nominal`)
//! appositive   = "," 1*24 (word / inner-punct) ","        ; ", who is an aide …,"
//! adverbs      = *("has" / "also" / "later" / …)
//! cue          = cue-verb / "according" "to"
//! speaker-cue  = speaker [appositive] adverbs cue [relay]   ; "Medinsky, who …, said"
//! cue-speaker  = cue speaker [relay]                        ; "said Ann Lee"
//! relay        = ["," ] ("quoting" / "citing") speaker      ; "reported quoting Medinsky"
//! according    = "according" "to" speaker
//! object       = pronoun-object / nominal / "reporters" …   ; "told reporters"
//! ```

use super::lexicon;
use super::stream::{PResult, Stream, fail, punct, tok, word};
use nom::Parser;
use nom::branch::alt;
use nom::combinator::opt;

/// A run of tokens, by their indices in the paragraph (inclusive).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Run {
    pub first: usize,
    pub last: usize,
}

impl Attr {
    /// The attribution of `speaker`'s words, or, when they relay someone
    /// (`origin`), of the origin's words through `speaker`.
    fn relayed(speaker: Np, origin: Option<Np>, cue: Run) -> Attr {
        match origin {
            Some(o) => Attr {
                speaker: o,
                cue,
                reporter: Some(speaker),
            },
            None => Attr {
                speaker,
                cue,
                reporter: None,
            },
        }
    }
}

/// A speaker phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Np {
    pub run: Run,
    pub pronoun: bool,
}

/// The result of an attribution rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Attr {
    /// Who the statement is from (the origin, for a relayed quote).
    pub speaker: Np,
    /// The cue words.
    pub cue: Run,
    /// Who relayed it ("RT news" in "RT news reported quoting Medinsky").
    pub reporter: Option<Np>,
}

fn run_of(first: &super::stream::Lex, last: &super::stream::Lex) -> Run {
    Run {
        first: first.index,
        last: last.index,
    }
}

/// `pronoun = "he" / "she" / "they" / "it" / "we" / "I"`
pub fn pronoun<'a>(i: Stream<'a>) -> PResult<'a, Np> {
    let (rest, t) = tok(|t| t.is_word() && t.has(lexicon::class::PRONOUNS))(i)?;
    Ok((
        rest,
        Np {
            run: run_of(t, t),
            pronoun: true,
        },
    ))
}

/// Whether a word can be part of a nominal at all.
fn nominal_word(t: &super::stream::Lex) -> bool {
    t.is_word()
        && !(t.is_lower() && t.has(lexicon::class::CUE_VERBS) && !t.has(lexicon::class::ORG_NOUNS))
        && !(t.is_lower() && t.has(lexicon::class::CUE_PRECEDERS))
        && !(t.is_lower() && t.has(lexicon::class::CLAUSE_BREAKS))
        && !t.has(lexicon::class::PRONOUNS)
        && !(t.is_lower() && t.has(lexicon::class::OBJECT_PRONOUNS))
        && !t.s.chars().all(|c| c.is_ascii_digit())
        // An infinitive marker ends a noun phrase: "a company in Germany to
        // claim credit".
        && !t.is("to")
}

/// Whether a lowercase word can end a speaker phrase: a title or a noun for
/// an organisation, a medium or a group.
fn head_noun(t: &super::stream::Lex) -> bool {
    t.has(lexicon::class::TITLES | lexicon::class::ORG_NOUNS | lexicon::class::KIN)
}

/// `nominal`: a name ("Volodymyr Zelenskyy", "Russia’s RIA news agency",
/// "Russian chief negotiator Vladimir Medinsky", "news agency AFP"), a common
/// noun phrase with a determiner ("the union", "a spokesperson for the camp"),
/// or a short bare plural ("officials", "addiction experts").
///
/// ```text
/// nominal = det 1*7 word                        ; ends before a verb-like stop word
///         / cap *7 word                         ; cut back to a capitalised or head word
///         / 1*3 head-word cap *3 cap            ; "news agency AFP"
///         / 1*3 lower-word                      ; head is plural or a title
/// ```
pub fn nominal<'a>() -> impl Fn(Stream<'a>) -> PResult<'a, Np> {
    move |i: Stream<'a>| {
        let toks = i.0;
        let Some(first) = toks.first() else {
            return fail(i);
        };
        if !first.is_word() {
            return fail(i);
        }
        // Capitalised, a determiner opens the sentence: "His father said",
        // "Several witnesses said" ("This" opens too many other things).
        let det = first.has(lexicon::class::DETERMINERS) && (first.is_lower() || !first.is("this"));
        // A title opens a name when a name follows: "said Mr Clinton",
        // "said Dr Kate Taylor" (alone, "Mr" starts nothing).
        let name_word =
            |t: &super::stream::Lex| t.is_capitalised() && !t.has(lexicon::class::NOT_NAME_START);
        // "Mr de Vabres", "Dr van Dijk": a particle, then the name.
        let particle = |t: &super::stream::Lex| {
            lexicon::is_one_of(
                &[
                    "de", "da", "di", "du", "van", "von", "der", "le", "la", "al", "el",
                ],
                t.s,
            )
        };
        let titled = first.has(lexicon::class::TITLES)
            && match (toks.get(1), toks.get(2)) {
                (Some(a), _) if name_word(a) => true,
                (Some(a), Some(b)) => particle(a) && name_word(b),
                _ => false,
            };
        let cap = first.is_capitalised()
            && !det
            && (!first.has(lexicon::class::NOT_NAME_START) || titled)
            && nominal_word(first);
        let lower = first.is_lower() && !det && nominal_word(first);
        if !(det || cap || lower) {
            return fail(i);
        }
        let mut n = 1;
        // Weekdays and months end a phrase: "Russian State Media on Sunday".
        // Numbers only inside a name: "UFCW Local 832 president".
        let number_in_name = |k: usize| {
            cap && toks[k].s.bytes().all(|b| b.is_ascii_digit()) && toks[k - 1].is_capitalised()
        };
        // A middle initial: "Jeffrey M. Jones".
        let initial_stop = |k: usize| {
            cap && toks[k].is_punct('.')
                && toks[k - 1].s.len() == 1
                && toks[k - 1].is_capitalised()
                && toks.get(k + 1).is_some_and(|t| t.is_capitalised())
        };
        while n < toks.len()
            && n < 8
            && (nominal_word(&toks[n])
                || number_in_name(n)
                || possessive_apostrophe(toks, n)
                || initial_stop(n))
            && !(toks[n].is_capitalised()
                && lexicon::is_date_word(
                    toks[n].s,
                    Some(toks[n - 1].s),
                    toks.get(n + 1).map(|t| t.s),
                ))
        {
            n += 1;
        }
        // "al-Shabaab", "el-Sisi": a name after its lowercase particle.
        let particle_name = |t: &super::stream::Lex| {
            ["al-", "el-", "ad-", "as-", "ash-", "at-", "az-"]
                .iter()
                .any(|p| {
                    t.s.strip_prefix(p)
                        .is_some_and(|r| r.chars().next().is_some_and(char::is_uppercase))
                })
        };
        let keep = |t: &super::stream::Lex| t.is_capitalised() || head_noun(t) || particle_name(t);
        if cap {
            while n > 1 && !keep(&toks[n - 1]) {
                n -= 1;
            }
        } else if lower {
            // Lowercase start: head words then a name, or a bare plural.
            // "fleet captain Ivo Marsh", "news agency AFP": lowercase words
            // ending in a title or head noun, then a name.
            let lowers = toks[..n]
                .iter()
                .take(4)
                .take_while(|t| t.is_lower())
                .count();
            // A role of one or two words needs no known head: "harbour
            // master Ana Ruiz"; a longer one must end in a title.
            let heads = if lowers > 0 && (lowers <= 2 || head_noun(&toks[lowers - 1])) {
                lowers
            } else {
                0
            };
            let names = toks[heads..n]
                .iter()
                .take_while(|t| t.is_capitalised())
                .count();
            if heads >= 1 && names >= 1 {
                n = heads + names;
            } else {
                n = n.min(3);
                let all_lower = toks[..n].iter().all(|t| t.is_lower());
                let head = &toks[n - 1];
                let plural = head.s.ends_with('s') && !head.s.ends_with("ss") && head.s.len() >= 4;
                // "stood by his" is no group of people: no function words.
                let function = lexicon::class::DETERMINERS
                    | lexicon::class::CONNECTORS
                    | lexicon::class::ADVERBIAL_OPENERS
                    | lexicon::class::OBJECT_PRONOUNS;
                let content_words = toks[..n].iter().all(|t| !t.has(function));
                if !all_lower || !content_words || !(plural || head_noun(head)) || n == 0 {
                    return fail(i);
                }
            }
        } else {
            // "The board met the insurers": a second determiner after a
            // lowercase word that is no preposition follows a verb, which
            // ends the phrase.
            if let Some(d) = (2..n).find(|&k| {
                toks[k].is_lower()
                    && lexicon::is_one_of(
                        &["the", "a", "an", "his", "her", "their", "its"],
                        toks[k].s,
                    )
                    && toks[k - 1].is_lower()
                    && !toks[k - 1].has(
                        lexicon::class::ADVERBIAL_OPENERS
                            | lexicon::class::CONNECTORS
                            | lexicon::class::PLACE_PREPOSITIONS,
                    )
            }) {
                n = d - 1;
            }
            // Determiner phrase: do not end on a connector or determiner.
            while n > 1 {
                let last = &toks[n - 1];
                if last.is_lower()
                    && (last.has(lexicon::class::CONNECTORS)
                        || last.has(lexicon::class::DETERMINERS))
                {
                    n -= 1;
                } else {
                    break;
                }
            }
            // "Several said": a capitalised quantifier stands alone.
            let quantifier = first.is_capitalised()
                && lexicon::is_one_of(
                    &[
                        "some", "many", "several", "most", "both", "two", "three", "others",
                    ],
                    first.s,
                );
            if n == 1 && !quantifier {
                return fail(i);
            }
        }
        Ok((
            Stream(&toks[n..]),
            Np {
                run: run_of(&toks[0], &toks[n - 1]),
                pronoun: false,
            },
        ))
    }
}

/// `speaker = pronoun / nominal`
pub fn speaker<'a>() -> impl Fn(Stream<'a>) -> PResult<'a, Np> {
    move |i| alt((pronoun, nominal())).parse(i)
}

/// `adverbs = *("has" / "also" / …)`, with `, however,` style interjections.
pub fn adverbs<'a>(mut i: Stream<'a>) -> PResult<'a, ()> {
    loop {
        if let Some(t) = i.0.first()
            && t.is_word()
            && (t.has(lexicon::class::CUE_PRECEDERS) || is_ly_adverb(t))
        {
            i = Stream(&i.0[1..]);
            continue;
        }
        return Ok((i, ()));
    }
}

/// A manner adverb: "gingerly said", "flatly denied".
fn is_ly_adverb(t: &super::stream::Lex) -> bool {
    t.is_lower()
        && t.s.len() >= 5
        && t.s.ends_with("ly")
        && !lexicon::is_one_of(
            &[
                "family", "supply", "reply", "rally", "assembly", "ally", "early", "daily",
                "belly", "italy", "july",
            ],
            t.s,
        )
}

/// `cue = cue-verb`
/// (The word classes of the tokens already count configured cue verbs.)
pub fn cue<'a>(i: Stream<'a>) -> PResult<'a, Run> {
    let (rest, t) = tok(|t| t.is_lower() && t.has(lexicon::class::CUE_VERBS))(i)?;
    Ok((rest, run_of(t, t)))
}

/// `appositive = "," 1*24 (word / inner-punct) ","`, opened by a relative
/// pronoun, an article, an interjection or a lowercase word.
pub fn appositive<'a>(i: Stream<'a>) -> PResult<'a, Option<Np>> {
    let (rest, _) = punct(',')(i)?;
    let Some(first) = rest.first() else {
        return fail(i);
    };
    let opener = first.is_lower()
        || lexicon::is_one_of(
            &[
                "who",
                "which",
                "however",
                "the",
                "a",
                "an",
                "meanwhile",
                "though",
            ],
            first.s,
        )
        || first.is_capitalised()
        || first.s.bytes().all(|b| b.is_ascii_digit());
    if !opener {
        return fail(i);
    }
    let possessive = |k: usize| possessive_apostrophe(rest.0, k);
    let end =
        rest.0.iter().take(25).enumerate().position(|(k, t)| {
            t.is_punct(',') || (t.is_mark() && !possessive(k)) || t.is_punct('.')
        });
    // An appositive with commas of its own (", a mechanic based in Leeds,
    // Yorkshire, and a union organiser,") runs to the comma a cue follows.
    let to_cue = |n: usize| {
        rest.0
            .get(n + 1)
            .is_some_and(|t| t.is_lower() && t.has(lexicon::class::CUE_VERBS))
    };
    // Each further part continues the description ("and …", "who …") or
    // names the region of a place that ends the part before ("Leeds,
    // Yorkshire"); "on Monday, Tom Lee, a mechanic, said" is not one.
    let continues = |from: usize, to: usize| {
        let part = &rest.0[from..to];
        let region = (1..=3).contains(&part.len())
            && part[0].is_capitalised()
            && part.iter().all(|t| t.is_capitalised() || t.is_punct('.'))
            && rest.0[from - 2].is_capitalised();
        let more = part
            .first()
            .is_some_and(|t| lexicon::is_one_of(&["and", "who", "which", "where", "whose"], t.s));
        region || more
    };
    // Only a description runs on so ("Ann Lee, a mechanic in Leeds, …");
    // after "the report, Medinsky, who …," the name is the speaker.
    let description = !first.is_capitalised() || lexicon::is_one_of(&["the", "a", "an"], first.s);
    let end = match end {
        Some(n) if rest.0[n].is_punct(',') && !to_cue(n) && description => {
            let mut from = n + 1;
            let mut found = None;
            for (k, t) in rest.0.iter().enumerate().take(25).skip(n + 1) {
                if (t.is_mark() && !possessive(k)) || t.is_punct(';') || t.is_punct(':') {
                    break;
                }
                if t.is_punct(',') {
                    if k == from || !continues(from, k) {
                        break;
                    }
                    if to_cue(k) {
                        found = Some(k);
                        break;
                    }
                    from = k + 1;
                }
            }
            found.or(Some(n))
        }
        other => other,
    };
    match end {
        Some(n) if n > 0 && rest.0[n].is_punct(',') => {
            // ", Lauri Nelson-Jones," names the speaker the phrase before
            // only described ("Schellenberg's aunt").
            let inner = &rest.0[..n];
            let name = (2..=4).contains(&n)
                && inner
                    .iter()
                    .all(|t| t.is_capitalised() && !t.has(lexicon::class::NOT_NAME_START));
            let np = name.then(|| Np {
                run: run_of(&inner[0], &inner[n - 1]),
                pronoun: false,
            });
            Ok((Stream(&rest.0[n + 1..]), np))
        }
        _ => fail(i),
    }
}

/// Whether token `k` is an apostrophe closing a plural ("the dockers'
/// union"), not a quote mark.
fn possessive_apostrophe(toks: &[super::stream::Lex], k: usize) -> bool {
    let t = &toks[k];
    (t.s == "'" || t.s == "’")
        && k > 0
        && toks[k - 1].tok.end == t.tok.start
        && toks[k - 1].s.ends_with('s')
        && toks.get(k + 1).is_some_and(|n| n.is_word())
}

/// `quoted-as = speaker "as" ("saying" / "telling" / "stating")`, after the
/// cue "quoted": "RT quoted Medinsky as saying".
pub fn quoted_as<'a>() -> impl Fn(Stream<'a>) -> PResult<'a, Np> {
    move |i| {
        let (i, np) = speaker()(i)?;
        let (i, _) = word("as")(i)?;
        let (i, _) = alt((word("saying"), word("telling"), word("stating"))).parse(i)?;
        Ok((i, np))
    }
}

/// `relay = ["," ] ("quoting" / "citing") speaker`
pub fn relay<'a>() -> impl Fn(Stream<'a>) -> PResult<'a, Np> {
    move |i| {
        let (i, _) = opt(punct(',')).parse(i)?;
        let (i, verb) = alt((word("quoting"), word("citing"))).parse(i)?;
        let (rest, np) = speaker()(i)?;
        // "citing a more progressive platform": what is cited must be a
        // source, a name or a source noun ("citing sources", "citing the
        // ministry"), not a reason.
        let read = &i.0[..i.0.len() - rest.0.len()];
        let source = read.iter().any(|t| {
            t.is_capitalised()
                || t.has(lexicon::class::ORG_NOUNS | lexicon::class::TITLES | lexicon::class::MEDIA)
        });
        if verb.is("citing") && !source {
            return fail(i);
        }
        Ok((rest, np))
    }
}

/// `coordination = speaker *("," speaker) [","] "and" speaker`: "Obama,
/// McDonough and other aides" speak as one group, named by the whole phrase.
/// `first` is the speaker already read; this reads the rest.
fn coordination<'a>(mut i: Stream<'a>, first: Np) -> PResult<'a, Np> {
    if first.pronoun {
        return fail(i);
    }
    let mut last = first;
    for _ in 0..4 {
        let (j, comma) = opt(punct(',')).parse(i)?;
        if let Ok((k, _)) = word("and")(j) {
            let (k, np) = nominal()(k)?;
            return Ok((
                k,
                Np {
                    run: Run {
                        first: first.run.first,
                        last: np.run.last,
                    },
                    pronoun: false,
                },
            ));
        }
        if comma.is_none() {
            break;
        }
        let (k, np) = nominal()(j)?;
        // Each conjunct before "and" is short: "Obama, McDonough, and …",
        // "Mayor Ewa Lis, her deputy and …".
        if np.run.last - np.run.first > 2 {
            return fail(k);
        }
        last = np;
        i = k;
    }
    let _ = last;
    fail(i)
}

/// `speaker-cue = speaker [coordination] [appositive] adverbs cue [relay]`
pub fn speaker_cue<'a>() -> impl Fn(Stream<'a>) -> PResult<'a, Attr> {
    move |i| {
        let (i, first) = speaker()(i)?;
        let (i, described) = coordination(i, first).unwrap_or((i, first));
        let (i, named) = opt(appositive).parse(i)?;
        let np = named.flatten().unwrap_or(described);
        let (i, _) = adverbs(i)?;
        let quoted = i.first().is_some_and(|t| t.is("quoted"));
        let (i, c) = cue(i)?;
        let (i, origin) = match opt(quoted_as()).parse(i)? {
            (i, Some(o)) if quoted => (i, Some(o)),
            _ => opt(relay()).parse(i)?,
        };
        Ok((i, Attr::relayed(np, origin, c)))
    }
}

/// `cue-speaker = cue speaker [relay]`
pub fn cue_speaker<'a>() -> impl Fn(Stream<'a>) -> PResult<'a, Attr> {
    move |i| {
        let before = i;
        let (i, c) = cue(i)?;
        // "…, confirming the connection": a participle takes its object
        // after it, never its speaker.
        if before.first().is_some_and(|t| t.s.ends_with("ing")) {
            return fail(before);
        }
        // "said he" happens; "said it" or "told them" names an object.
        if let Some(t) = i.first()
            && t.has(lexicon::class::PRONOUNS)
            && !(t.is("he") || t.is("she"))
        {
            return fail(i);
        }
        let (i, np) = speaker()(i)?;
        let (i, origin) = opt(relay()).parse(i)?;
        Ok((i, Attr::relayed(np, origin, c)))
    }
}

/// `according = "according" "to" speaker`
pub fn according<'a>() -> impl Fn(Stream<'a>) -> PResult<'a, Attr> {
    move |i| {
        let (i, a) = word("according")(i)?;
        let (i, t) = word("to")(i)?;
        let (i, np) = speaker()(i)?;
        let (i, origin) = opt(relay()).parse(i)?;
        Ok((i, Attr::relayed(np, origin, run_of(a, t))))
    }
}

/// `object = pronoun-object / "reporters" / nominal` after cues such as told.
pub fn object<'a>() -> impl Fn(Stream<'a>) -> PResult<'a, Run> {
    move |i| {
        if let Ok((rest, t)) = tok(|t| t.is_lower() && t.has(lexicon::class::OBJECT_PRONOUNS))(i) {
            return Ok((rest, run_of(t, t)));
        }
        let (rest, np) = nominal()(i)?;
        Ok((rest, np.run))
    }
}

/// Attribution right after a closing quote: `“…,” said X`, `“…,” X told
/// reporters`, `“…,” according to X`.
pub fn after_quote(i: Stream) -> Option<Attr> {
    // `"…" - said X`: a dash may stand where the comma goes.
    let (i, _) = opt(alt((punct(','), punct('-'), punct('—'), punct('–'))))
        .parse(i)
        .ok()?;
    let (_, a) = alt((according(), speaker_cue(), cue_speaker()))
        .parse(i)
        .ok()?;
    Some(a)
}

/// Attribution in the clause right before an opening quote: `X said, “…”`,
/// `X told reporters: “…”`, `according to X, “…”`. `clause` ends where the
/// quote opens.
pub fn before_quote(clause: Stream) -> Option<Attr> {
    let toks = clause.0;
    let mut n = toks.len();
    while n > 0 && (toks[n - 1].is_punct(',') || toks[n - 1].is_punct(':')) {
        n -= 1;
    }
    if n == toks.len() && n > 0 && !toks[n - 1].is_word() {
        return None;
    }
    let body = &toks[..n];
    // The cue is one of the last four tokens ("said", "told reporters",
    // "said in a statement" is left to the indirect rule).
    for start in clause_starts(body) {
        let s = Stream(&body[start..]);
        let attempt = alt((according(), speaker_cue())).parse(s);
        if let Ok((rest, a)) = attempt {
            let (rest, _) = opt(object()).parse(rest).unwrap_or((rest, None));
            // `X says that “…”`: the quote is the reported content.
            let (rest, _) = opt(word("that")).parse(rest).unwrap_or((rest, None));
            if rest.is_empty() {
                return Some(a);
            }
        }
    }
    None
}

/// Candidate starts of a speaker that ends right before a cue that follows
/// `toks`: the eight positions before the cue, once adverbs and an
/// appositive (", who is …,") between them are stepped over. Leftmost first,
/// never before the last clause break.
pub fn speaker_starts(toks: &[super::stream::Lex]) -> impl Iterator<Item = usize> {
    let mut e = toks.len();
    while e > 0 && (toks[e - 1].has(lexicon::class::CUE_PRECEDERS) || is_ly_adverb(&toks[e - 1])) {
        e -= 1;
    }
    let near = e;
    if e > 0 && toks[e - 1].is_punct(',') {
        let from = e.saturating_sub(26);
        if let Some(open) = (from..e - 1).rev().find(|&k| toks[k].is_punct(',')) {
            e = open;
        }
    }
    // An appositive of several parts (", a mechanic in Leeds, Yorkshire,
    // and a union organiser,"): the name may stand before an earlier comma.
    let mut far = e;
    for _ in 0..3 {
        match (far.saturating_sub(26).max(near.saturating_sub(26))..far)
            .rev()
            .find(|&k| toks[k].is_punct(','))
        {
            Some(open) if far < near => far = open,
            _ => break,
        }
    }
    let lo = (0..toks.len())
        .rev()
        .find(|&k| {
            let t = &toks[k];
            t.is_punct(';')
                || t.is_punct(':')
                || t.is_punct('—')
                || t.is_punct('–')
                || (t.is_mark() && !possessive_apostrophe(toks, k))
        })
        .map_or(0, |k| k + 1);
    // A list of speakers ("Adam Nowak, Ewa Lis, and two pilots") reaches
    // further back than one name.
    let list = (far.saturating_sub(14)..far).any(|k| toks[k].is("and"))
        && (far.saturating_sub(14)..far).any(|k| toks[k].is_punct(','));
    let lo = lo.max(far.saturating_sub(if list { 14 } else { 8 }));
    (lo..e.max(lo)).filter(move |&k| k == lo || toks[k - 1].is_punct(',') || toks[k].is_word())
}

/// Candidate starts of the last clause of `toks`: after the last clause
/// break, the ten positions before the end, leftmost first.
pub fn clause_starts(toks: &[super::stream::Lex]) -> impl Iterator<Item = usize> {
    let mut lo = 0;
    for (k, t) in toks.iter().enumerate() {
        if t.is_punct(';') || t.is_punct(':') || t.is_punct('—') || t.is_punct('–') || t.is_mark()
        {
            lo = k + 1;
        }
    }
    let lo = lo.max(toks.len().saturating_sub(40));
    (lo..toks.len()).filter(move |&k| k == lo || toks[k - 1].is_punct(',') || toks[k].is_word())
}

#[cfg(test)]
mod tests {
    use super::super::marks::tokenize;
    use super::super::stream::Lex;
    use super::*;
    use crate::article::Span;

    fn lexes(text: &str) -> Vec<Lex<'_>> {
        let mut toks = Vec::new();
        tokenize(text, Span::new(0, text.len()), &[], &mut toks);
        toks.iter()
            .enumerate()
            .map(|(i, t)| {
                let s = &text[t.start..t.end];
                Lex {
                    tok: *t,
                    s,
                    index: i,
                    class: lexicon::classify(s),
                }
            })
            .collect()
    }

    fn words(text: &str, r: Run) -> String {
        let l = lexes(text);
        text[l[r.first].tok.start..l[r.last].tok.end].to_string()
    }

    #[test]
    fn after_quote_forms() {
        for (text, speaker, cue) in [
            (", said Ann Lee.", "Ann Lee", "said"),
            (", Ann Lee said.", "Ann Lee", "said"),
            (", he told reporters.", "he", "told"),
            (
                ", the harbour master said on Monday.",
                "the harbour master",
                "said",
            ),
            (
                ", according to the coast guard.",
                "the coast guard",
                "according to",
            ),
            (
                ", Port Authority chief Ana Ruiz told reporters.",
                "Port Authority chief Ana Ruiz",
                "told",
            ),
        ] {
            let l = lexes(text);
            let a = after_quote(Stream(&l)).unwrap_or_else(|| panic!("{text}"));
            assert_eq!(words(text, a.speaker.run), speaker, "{text}");
            assert_eq!(words(text, a.cue), cue, "{text}");
        }
    }

    #[test]
    fn relayed_quote_names_reporter_and_origin() {
        let text = " Coast Radio reported quoting fleet captain Ivo Marsh.";
        let l = lexes(text);
        let a = after_quote(Stream(&l)).unwrap();
        assert_eq!(words(text, a.speaker.run), "fleet captain Ivo Marsh");
        assert_eq!(words(text, a.reporter.unwrap().run), "Coast Radio");
        // A reason cited is no source: the speaker stays the one who said it.
        let text = " he said, citing a lower price for diesel this winter.";
        let l = lexes(text);
        let a = after_quote(Stream(&l)).unwrap();
        assert_eq!(words(text, a.speaker.run), "he");
        assert!(a.reporter.is_none());
        let text = " the paper reported, citing the harbour authority.";
        let l = lexes(text);
        let a = after_quote(Stream(&l)).unwrap();
        assert_eq!(words(text, a.speaker.run), "the harbour authority");
        assert_eq!(words(text, a.reporter.unwrap().run), "the paper");
    }

    #[test]
    fn before_quote_forms() {
        for (text, speaker) in [
            ("Speaking on radio, she said,", "she"),
            ("The mayor told reporters:", "The mayor"),
            ("Ana Ruiz, who runs the port, said:", "Ana Ruiz"),
            ("According to Ana Ruiz,", "Ana Ruiz"),
        ] {
            let l = lexes(text);
            let a = before_quote(Stream(&l)).unwrap_or_else(|| panic!("{text}"));
            assert_eq!(words(text, a.speaker.run), speaker, "{text}");
        }
        let l = lexes("The boats left the harbour,");
        assert!(before_quote(Stream(&l)).is_none());
    }
}
