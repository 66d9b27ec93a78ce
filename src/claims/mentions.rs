//! Words and entity mentions in one sentence: people, countries, places,
//! organisations, each classified with what the article and the gazetteer
//! know.
//!
//! A mention is a run of capitalised words (with "of", "de", "al" … inside),
//! minus the role words before a name ("Ukrainian President" in "Ukrainian
//! President Volodymyr Zelenskyy": the demonym becomes a country mention of
//! its own, the title the person's role). A lone word that opens a sentence
//! counts only when something knows it ("Moscow", "Zelenskyy", "AFP"), not
//! when it is just capitalised there ("Earlier").

use crate::article::Span;
use crate::grammar::lexicon::{self, class};
use crate::resolve::gazetteer::{self, Place, PlaceKind};
use crate::resolve::names;
use crate::sources::Outlets;
use crate::speakers::PersonName;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

/// The people an article introduced, indexed once for the look-ups of all
/// its mentions: each look-up probes a hash map instead of scanning every
/// person, so a long article costs time in proportion to its length, not
/// to mentions × people.
#[derive(Debug, Default)]
pub struct People<'a> {
    list: &'a [PersonName],
    /// The first person of each full name.
    first_by_name: FxHashMap<&'a str, usize>,
    /// The last person of each surname.
    last_by_surname: FxHashMap<&'a str, usize>,
    /// Folded surnames by what [`names::surnames_match`] needs equal in
    /// two different spellings (the first three letters), people in order.
    by_prefix: FxHashMap<Option<String>, Vec<(usize, String)>>,
    /// People by each of their role words, in order.
    by_role: FxHashMap<&'a str, Vec<usize>>,
}

impl<'a> People<'a> {
    pub fn new(list: &'a [PersonName]) -> Self {
        let mut p = People {
            list,
            ..People::default()
        };
        for (i, person) in list.iter().enumerate() {
            p.first_by_name.entry(&person.name).or_insert(i);
            p.last_by_surname.insert(&person.last, i);
            let folded = names::fold(&person.last);
            p.by_prefix
                .entry(folded.get(..3).map(str::to_string))
                .or_default()
                .push((i, folded));
            let mut roles: Vec<&str> = person.role.iter().map(String::as_str).collect();
            roles.sort_unstable();
            roles.dedup();
            for r in roles {
                p.by_role.entry(r).or_default().push(i);
            }
        }
        p
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// Whether someone has this full name.
    fn has_name(&self, name: &str) -> bool {
        self.first_by_name.contains_key(name)
    }

    /// The first person whose full name is `text` or ends it after a space.
    fn named_in(&self, text: &str) -> Option<&'a PersonName> {
        let tails = text.match_indices(' ').map(|(k, _)| &text[k + 1..]);
        std::iter::once(text)
            .chain(tails)
            .filter_map(|t| self.first_by_name.get(t).copied())
            .min()
            .map(|i| &self.list[i])
    }

    /// The last person with this surname, also misspelt when `fuzzy`
    /// ([`names::same_surname`]).
    fn by_surname(&self, text: &str, fuzzy: bool) -> Option<&'a PersonName> {
        if let Some(&i) = self.last_by_surname.get(text) {
            return Some(&self.list[i]);
        }
        if !fuzzy {
            return None;
        }
        let folded = names::fold(text);
        self.by_prefix
            .get(&folded.get(..3).map(str::to_string))?
            .iter()
            .rev()
            .find(|(_, f)| names::surnames_match(f, &folded))
            .map(|(i, _)| &self.list[*i])
    }

    /// The people with this role word, latest first.
    fn with_role(&self, word: &str) -> impl Iterator<Item = &'a PersonName> + '_ {
        self.by_role
            .get(word)
            .into_iter()
            .flat_map(|v| v.iter().rev().map(|&i| &self.list[i]))
    }
}

/// One word or punctuation token of a sentence.
#[derive(Debug, Clone)]
pub struct Word<'a> {
    /// The word without a possessive ending.
    pub s: &'a str,
    pub lower: String,
    /// Byte span in the article, possessive ending included.
    pub span: Span,
    /// Ended in "'s", "’s", or an apostrophe after s ("Belarus'").
    pub possessive: bool,
    pub is_word: bool,
}

impl Word<'_> {
    pub fn is(&self, w: &str) -> bool {
        self.lower == w
    }

    pub fn is_capitalised(&self) -> bool {
        self.is_word && self.s.chars().next().is_some_and(char::is_uppercase)
    }
}

/// Splits one sentence (`text`, starting at byte `base` of the article) into
/// words and punctuation. Apostrophes, hyphens and full stops inside a word
/// stay in it ("don't", "cease-fire", "U.S").
pub fn words(text: &str, base: usize) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c.is_alphanumeric() {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = it.peek() {
                if d.is_alphanumeric() || crate::grammar::marks::is_combining(d) {
                    end = j + d.len_utf8();
                    it.next();
                    continue;
                }
                // An inner joiner needs a letter or digit after it.
                let joiner = matches!(d, '\'' | '’' | '-' | '.' | '‑');
                let next_ok = text[j + d.len_utf8()..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric);
                if joiner && next_ok {
                    end = j + d.len_utf8();
                    it.next();
                    continue;
                }
                break;
            }
            let raw = &text[i..end];
            let mut s = raw;
            let mut possessive = false;
            for suf in ["'s", "’s"] {
                if let Some(stem) = s.strip_suffix(suf) {
                    s = stem;
                    possessive = true;
                }
            }
            let mut span_end = end;
            // "Belarus' Gomel": an apostrophe right after a final s.
            if !possessive && s.ends_with(['s', 'S']) {
                let rest = &text[end..];
                if let Some(a) = rest.chars().next().filter(|a| matches!(a, '\'' | '’'))
                    && !rest[a.len_utf8()..]
                        .chars()
                        .next()
                        .is_some_and(char::is_alphanumeric)
                {
                    possessive = true;
                    span_end = end + a.len_utf8();
                    it.next();
                }
            }
            out.push(Word {
                s,
                lower: s.to_lowercase(),
                span: Span::new(base + i, base + span_end),
                possessive,
                is_word: true,
            });
        } else if !c.is_whitespace() {
            out.push(Word {
                s: &text[i..i + c.len_utf8()],
                lower: String::new(),
                span: Span::new(base + i, base + i + c.len_utf8()),
                possessive: false,
                is_word: false,
            });
        }
    }
    out
}

/// What an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Person,
    Country,
    Place,
    Organisation,
    /// A capitalised name nothing else knows.
    Other,
}

impl EntityKind {
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Country => "country",
            EntityKind::Place => "place",
            EntityKind::Organisation => "organisation",
            EntityKind::Other => "other",
        }
    }
}

/// How a mention names its entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Via {
    /// The name itself (or a spelling of it).
    Name,
    /// A surname alone.
    Surname,
    /// A demonym standing for a country ("Ukrainian").
    Demonym,
    /// A capital or seat standing for its government ("Moscow", "the
    /// Kremlin").
    Metonym,
    /// A title or role standing for the person who holds it ("Ukraine's
    /// President", "Russian chief negotiator").
    Role,
}

/// One mention of an entity in the text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    pub span: Span,
    /// The words as written (without a possessive ending).
    pub text: String,
    pub kind: EntityKind,
    pub via: Via,
    /// The name resolution starts from: the person's full name in this
    /// article, the gazetteer's name of a place or country, the outlet's name.
    pub name: String,
    /// The gazetteer place (country, region or city), when there is one.
    pub place: Option<Box<PlaceRef>>,
    /// Role words before a person's name ("russian chief negotiator").
    pub role: Vec<String>,
    /// Whether a place preposition ("in", "at", "near", "to") comes before.
    pub after_preposition: bool,
}

/// A gazetteer place, as claims and reports carry it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlaceRef {
    pub id: u32,
    pub name: String,
    pub kind: PlaceKind,
    /// ISO 3166 alpha-2 code of the country it is in (or is).
    pub country: String,
    /// The first-level region it lies in, for a city.
    pub region: Option<String>,
}

impl PlaceRef {
    pub fn from_place(p: &Place) -> Self {
        PlaceRef {
            id: p.id,
            name: p.name.to_string(),
            kind: p.kind,
            country: p.country.to_string(),
            region: gazetteer::region_of(p)
                .filter(|r| r.id != p.id)
                .map(|r| r.name.to_string()),
        }
    }
}

/// Words that open a place phrase.
pub fn is_place_preposition(lower: &str) -> bool {
    matches!(
        lower,
        "in" | "at"
            | "near"
            | "to"
            | "from"
            | "into"
            | "outside"
            | "inside"
            | "across"
            | "towards"
            | "toward"
            | "around"
            | "throughout"
            | "reached"
            | "reach"
            | "reaches"
            | "reaching"
            | "visited"
            | "visit"
            | "toured"
            | "tour"
            | "through"
            | "of"
    )
}

/// Lowercase words allowed inside a name ("Democratic Republic of the
/// Congo", "Abu Bakr al Baghdadi").
fn is_name_connector(lower: &str) -> bool {
    matches!(
        lower,
        "of" | "de" | "del" | "da" | "al" | "bin" | "von" | "van" | "der" | "la" | "le" | "du"
    )
}

/// The entity mentions of one sentence: `sentence` is its text, `base` its
/// offset in the article, `ws` its [`words`].
pub fn mentions(
    sentence: &str,
    base: usize,
    ws: &[Word<'_>],
    people: &People<'_>,
    outlets: &Outlets,
) -> Vec<Mention> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        if !ws[i].is_capitalised() {
            i += 1;
            continue;
        }
        // The run of capitalised words, connectors inside it, ending at a
        // possessive.
        let mut j = i + 1;
        // "People's Republic": a possessive that is part of a name.
        let name_possessive = |w: &Word<'_>| w.possessive && w.s == "People";
        if !ws[i].possessive || name_possessive(&ws[i]) {
            while j < ws.len() {
                if ws[j].is_capitalised() {
                    j += 1;
                    if ws[j - 1].possessive && !name_possessive(&ws[j - 1]) {
                        break;
                    }
                } else if ws[j].is_word
                    && is_name_connector(&ws[j].lower)
                    && j + 1 < ws.len()
                    && ws[j + 1].is_capitalised()
                {
                    j += 1;
                } else {
                    break;
                }
            }
        }
        // "the Luhansk region": a lowercase region word after a name is
        // part of it.
        if j < ws.len()
            && ws[j].is_word
            && gazetteer_region_word(&ws[j].lower)
            && !ws[j - 1].possessive
        {
            j += 1;
        }
        // An item of a list of places is a place like the first ("the
        // cities of Warsaw, Bratislava or Baku").
        let listed = out.last().is_some_and(|m: &Mention| {
            m.after_preposition
                && m.span.end <= ws[i].span.start
                && ws[..i]
                    .iter()
                    .rev()
                    .take_while(|w| w.span.start >= m.span.end)
                    .all(|w| matches!(w.s, "," | "and" | "or"))
        });
        run(ws, i, j, people, outlets, listed, &mut out);
        i = j;
    }
    roles(sentence, base, ws, people, &mut out);
    appositive_roles(ws, &mut out);
    out.sort_by_key(|m| (m.span.start, m.span.end));
    out
}

/// Roles in an appositive after a person's name ("Medinsky, who is an aide
/// to President Vladimir Putin", "Ana Ruiz, the foreign minister,") are
/// added to that mention's roles.
fn appositive_roles(ws: &[Word<'_>], out: &mut [Mention]) {
    let title = |w: &Word<'_>| w.is_word && lexicon::classify(w.s) & class::TITLES != 0;
    for m in out.iter_mut().filter(|m| m.kind == EntityKind::Person) {
        let mut k = ws.partition_point(|w| w.span.start < m.span.end);
        if ws.get(k).is_none_or(|w| w.s != ",") {
            continue;
        }
        k += 1;
        if ws.get(k).is_some_and(|w| w.is("who"))
            && ws.get(k + 1).is_some_and(|w| w.is("is") || w.is("was"))
        {
            k += 2;
        }
        if ws
            .get(k)
            .is_some_and(|w| matches!(w.lower.as_str(), "a" | "an" | "the"))
        {
            k += 1;
        }
        for w in ws.iter().skip(k).take(4) {
            if !w.is_word {
                break;
            }
            if title(w) {
                m.role.push(w.lower.clone());
            } else if !m.role.is_empty() && !w.is_capitalised() {
                break;
            }
        }
    }
}

/// Roles standing for people the article introduced: a country (a demonym
/// or a country's possessive) and role words ending in a title, with no name
/// after them ("Ukraine's President has claimed", "Russian chief negotiator
/// told reporters"), resolve to the person whose role they are.
fn roles(
    sentence: &str,
    base: usize,
    ws: &[Word<'_>],
    people: &People<'_>,
    out: &mut Vec<Mention>,
) {
    if people.is_empty() {
        return;
    }
    let title = |w: &Word<'_>| w.is_word && lexicon::classify(w.s) & class::TITLES != 0;
    for k in 0..ws.len() {
        if !title(&ws[k])
            || ws
                .get(k + 1)
                .is_some_and(|n| n.is_capitalised() || title(n))
        {
            continue;
        }
        // The country: up to three words back, over role words.
        let mut a = k;
        let mut country = None;
        while a > 0 && k - a < 3 {
            a -= 1;
            let w = &ws[a];
            if !w.is_word {
                break;
            }
            if let Some(c) = gazetteer::demonym(w.s).or_else(|| {
                w.possessive
                    .then(|| gazetteer::lookup(w.s).into_iter().next())
                    .flatten()
                    .filter(|p| p.kind == PlaceKind::Country)
            }) {
                country = Some(c);
                break;
            }
            if !(title(w) || w.s.chars().all(char::is_lowercase)) {
                break;
            }
        }
        let Some(country) = country else {
            continue;
        };
        let head = &ws[k].lower;
        let found = people.with_role(head).find(|p| {
            p.role
                .iter()
                .any(|r| gazetteer::demonym(r).is_some_and(|c| c.country == country.country))
        });
        if let Some(p) = found {
            let span = Span::new(ws[a].span.start, ws[k].span.start + ws[k].s.len());
            out.push(Mention {
                span,
                text: sentence
                    .get(span.start - base..span.end - base)
                    .unwrap_or_default()
                    .to_string(),
                kind: EntityKind::Person,
                via: Via::Role,
                name: trim_name(&p.name).to_string(),
                place: None,
                role: p.role.clone(),
                after_preposition: false,
            });
        }
    }
}

/// Whether a place preposition governs word `i`: right before it, or before
/// a determiner, a possessive or a place adjective ("near the Chernobyl
/// exclusion zone", "in eastern Ukraine", "in Belarus' Gomel").
pub fn governed_by_preposition(ws: &[Word<'_>], i: usize) -> Option<usize> {
    let mut k = i;
    for _ in 0..3 {
        k = k.checked_sub(1)?;
        let w = &ws[k];
        if !w.is_word {
            return None;
        }
        if is_place_preposition(&w.lower) {
            return Some(k);
        }
        if !(w.possessive || is_place_modifier(&w.lower)) {
            return None;
        }
    }
    None
}

/// Words that can stand between a place preposition and a place.
pub fn is_place_modifier(lower: &str) -> bool {
    matches!(
        lower,
        "the"
            | "a"
            | "an"
            | "its"
            | "their"
            | "his"
            | "her"
            | "our"
            | "this"
            | "northern"
            | "southern"
            | "eastern"
            | "western"
            | "central"
            | "north"
            | "south"
            | "east"
            | "west"
            | "northeastern"
            | "northwestern"
            | "southeastern"
            | "southwestern"
            | "occupied"
            | "besieged"
            | "embattled"
            | "capital"
            | "city"
            | "town"
            | "village"
            | "port"
            | "nearby"
            | "neighbouring"
            | "neighboring"
            | "border"
            | "frontline"
            | "coastal"
            | "rural"
            | "downtown"
            | "suburban"
    )
}

/// Classifies the run `ws[i..j]`, pushing its mentions.
fn run(
    ws: &[Word<'_>],
    i: usize,
    j: usize,
    people: &People<'_>,
    outlets: &Outlets,
    listed: bool,
    out: &mut Vec<Mention>,
) {
    let after_prep = listed || governed_by_preposition(ws, i).is_some();
    // A person the article introduced, at the end of a longer run ("Belarus
    // President Alexander Lukashenka", "the Minister of Defence Oleksiy
    // Reznikov"): what comes before is a mention (or role) of its own.
    if j - i > 2
        && let Some(split) = (i + 1..j - 1).find(|&k| {
            let tail = ws[k..j].iter().map(|w| w.s).collect::<Vec<_>>().join(" ");
            people.has_name(&tail)
        })
    {
        let before = out.len();
        run(ws, i, split, people, outlets, listed, out);
        // Words before a name are its role when nothing else knows them.
        let role: Vec<String> = ws[i..split]
            .iter()
            .filter(|w| w.is_word)
            .map(|w| w.lower.clone())
            .collect();
        let mut prefix = out.split_off(before);
        prefix.retain(|m| m.kind != EntityKind::Other);
        out.extend(prefix);
        run(ws, split, j, people, outlets, false, out);
        if let Some(m) = out.last_mut()
            && m.kind == EntityKind::Person
            && m.role.is_empty()
        {
            m.role = role;
        }
        return;
    }
    let mut n0 = i;
    let mut role: Vec<String> = Vec::new();
    // Leading words that are not names: sentence openers, months, titles,
    // demonyms (a demonym is a country mention of its own).
    while n0 < j {
        let w = &ws[n0];
        let c = lexicon::classify(w.s);
        let prev = n0.checked_sub(1).map(|k| ws[k].s);
        if lexicon::is_date_word(w.s, prev, ws.get(n0 + 1).map(|x| x.s)) {
            n0 += 1;
            continue;
        }
        // "Russian Army", "Russian State Media": a demonym before
        // organisation words names that organisation of the country.
        if gazetteer::demonym(w.s).is_some()
            && n0 + 1 < j
            && ws[n0 + 1..j]
                .iter()
                .all(|x| is_org_word(&x.lower) || is_name_connector(&x.lower) || x.is("state"))
        {
            break;
        }
        // "the Georgian capital": the country's capital city.
        if n0 + 1 == j
            && ws.get(j).is_some_and(|x| x.is("capital"))
            && let Some(city) = gazetteer::demonym(w.s).and_then(|c| gazetteer::capital_of(&c))
        {
            out.push(Mention {
                span: Span::new(w.span.start, ws[j].span.end),
                text: format!("{} capital", w.s),
                kind: EntityKind::Place,
                via: Via::Name,
                name: city.name.to_string(),
                place: Some(Box::new(PlaceRef::from_place(&city))),
                role: Vec::new(),
                after_preposition: after_prep,
            });
            return;
        }
        if let Some(country) = gazetteer::demonym(w.s).filter(|_| n0 + 1 < j || i == n0) {
            // "Ukrainian President …": the demonym stands for its country.
            out.push(Mention {
                span: Span::new(w.span.start, w.span.start + w.s.len()),
                text: w.s.to_string(),
                kind: EntityKind::Country,
                via: Via::Demonym,
                name: country.name.to_string(),
                place: Some(Box::new(PlaceRef::from_place(&country))),
                role: Vec::new(),
                after_preposition: false,
            });
            role.push(w.lower.clone());
            n0 += 1;
            continue;
        }
        if c & (class::TITLES | class::DETERMINERS | class::ADVERBIAL_OPENERS) != 0
            || (n0 == i && is_sentence_opener(ws, n0))
        {
            if c & class::TITLES != 0 {
                role.push(w.lower.clone());
            }
            n0 += 1;
            continue;
        }
        break;
    }
    // Connectors cannot start or end a name, nor can a title ("Belarus
    // President").
    let mut n1 = j;
    while n1 > n0
        && ((!ws[n1 - 1].is_capitalised() && !gazetteer_region_word(&ws[n1 - 1].lower))
            || lexicon::classify(ws[n1 - 1].s) & class::TITLES != 0)
    {
        n1 -= 1;
    }
    while n0 < n1 && !ws[n0].is_capitalised() {
        n0 += 1;
    }
    if n0 >= n1 {
        return;
    }
    let span = Span::new(
        ws[n0].span.start,
        ws[n1 - 1].span.start + ws[n1 - 1].s.len(),
    );
    let text = ws[n0..n1].iter().map(|w| w.s).collect::<Vec<_>>().join(" ");
    let lone_opener = n0 == i && n1 - n0 == 1 && is_sentence_start(ws, n0);
    let mut m = Mention {
        span,
        text: text.clone(),
        kind: EntityKind::Other,
        via: Via::Name,
        name: text.clone(),
        place: None,
        role,
        after_preposition: after_prep,
    };
    // A person the article introduced: full name or surname.
    if let Some(p) = people.named_in(&text) {
        m.kind = EntityKind::Person;
        m.name = trim_name(&p.name).to_string();
        let keep = trim_name(&text);
        m.span.start = m.span.end - keep.len().min(m.span.len());
        m.text = keep.to_string();
        if m.role.is_empty() {
            m.role = p.role.clone();
        }
        out.push(m);
        return;
    }
    // A surname, also misspelt ("Zelenesky" for "Zelenskyy").
    if let Some(p) = people.by_surname(&text, n1 - n0 == 1) {
        m.kind = EntityKind::Person;
        m.via = Via::Surname;
        m.name = trim_name(&p.name).to_string();
        m.role = p.role.clone();
        out.push(m);
        return;
    }
    if let Some(outlet) = outlets.name_of(&text) {
        m.kind = EntityKind::Organisation;
        m.name = outlet.to_string();
        out.push(m);
        return;
    }
    // A seat of government standing for its country, unless a place
    // preposition makes it the place ("in Moscow").
    if !after_prep && let Some(country) = gazetteer::seat_of_government(&text) {
        m.kind = EntityKind::Country;
        m.via = Via::Metonym;
        m.name = country.name.to_string();
        m.place = Some(Box::new(PlaceRef::from_place(&country)));
        out.push(m);
        return;
    }
    // A small town's name is a place only where a preposition makes it one
    // ("near Chernobyl"); elsewhere a capitalised word that happens to name a
    // village somewhere ("Western nations") is not.
    let region_word = ws[n0..n1].iter().any(|w| gazetteer_region_word(&w.lower));
    if let Some(place) = gazetteer::lookup(&text).into_iter().next().filter(|p| {
        after_prep
            || match p.kind {
                PlaceKind::City => p.population >= 15_000 || n1 - n0 >= 2,
                PlaceKind::Region => region_word || n1 - n0 >= 2,
                _ => true,
            }
    }) {
        m.kind = if place.kind == PlaceKind::Country {
            EntityKind::Country
        } else {
            EntityKind::Place
        };
        m.name = place.name.to_string();
        m.place = Some(Box::new(PlaceRef::from_place(&place)));
        out.push(m);
        return;
    }
    if let Some(country) = gazetteer::demonym(&text) {
        m.kind = EntityKind::Country;
        m.via = Via::Demonym;
        m.name = country.name.to_string();
        m.place = Some(Box::new(PlaceRef::from_place(&country)));
        out.push(m);
        return;
    }
    if lone_opener && !is_compound_org(&ws[n0].lower) {
        return;
    }
    let words = n1 - n0;
    let acronym = words == 1 && text.len() >= 2 && text.chars().all(|c| c.is_uppercase());
    let compound = words == 1 && is_compound_org(&ws[n0].lower);
    let org = compound
        || ws[n0..n1]
            .iter()
            .any(|w| lexicon::classify(&w.lower) & class::ORG_NOUNS != 0 || is_org_word(&w.lower));
    if words == 1 && !acronym && !compound && (org || lexicon::classify(&ws[n0].lower) != 0) {
        // "Army", "Office": a common noun with a capital, not a name.
        return;
    }
    m.kind = if acronym || org {
        EntityKind::Organisation
    } else if (2..=4).contains(&words) {
        let keep = trim_name(&m.text);
        if keep.split_whitespace().count() < 2 {
            return;
        }
        m.span.start = m.span.end - keep.len().min(m.span.len());
        m.text = keep.to_string();
        m.name = m.text.clone();
        EntityKind::Person
    } else {
        EntityKind::Other
    };
    out.push(m);
}

/// Words that name a first-level region ("Gomel Region", "Kyiv Oblast").
fn gazetteer_region_word(lower: &str) -> bool {
    matches!(
        lower,
        "region" | "oblast" | "province" | "voblast" | "governorate" | "state" | "county" | "krai"
    )
}

/// A person's name without the words before it that cannot be given names:
/// countries, offices, organisation words ("Ukraine Mykhailo Podoliak",
/// "Defence Oleksiy Reznikov" → the last two words' person). At least two
/// words are kept when there are two.
pub fn trim_name(name: &str) -> &str {
    let mut rest = name.trim();
    loop {
        let Some((first, tail)) = rest.split_once(' ') else {
            return rest;
        };
        if tail.split_whitespace().count() < 2 {
            return rest;
        }
        let lower = first.to_lowercase();
        let office = is_org_word(&lower)
            || is_name_connector(&lower)
            || lexicon::classify(first) != 0
            || matches!(
                lower.as_str(),
                "defence"
                    | "defense"
                    | "affairs"
                    | "foreign"
                    | "interior"
                    | "finance"
                    | "justice"
                    | "health"
                    | "economy"
                    | "energy"
                    | "head"
                    | "deputy"
            )
            || gazetteer::demonym(first).is_some()
            || gazetteer::lookup(first)
                .first()
                .is_some_and(|p| p.kind == PlaceKind::Country);
        if !office {
            return rest;
        }
        rest = tail;
    }
}

/// Words that make a name an organisation's.
fn is_org_word(lower: &str) -> bool {
    matches!(
        lower,
        "ministry"
            | "affairs"
            | "army"
            | "forces"
            | "council"
            | "agency"
            | "office"
            | "committee"
            | "parliament"
            | "republic"
            | "republics"
            | "union"
            | "party"
            | "court"
            | "bank"
            | "government"
            | "administration"
            | "department"
            | "commission"
            | "organisation"
            | "organization"
            | "alliance"
            | "media"
            | "news"
            | "company"
            | "group"
            | "university"
            | "police"
            | "international"
            | "airport"
            | "airline"
            | "airlines"
            | "airways"
            | "online"
            | "times"
            | "herald"
            | "journal"
            | "tribune"
            | "gazette"
            | "telegraph"
            | "magazine"
            | "network"
            | "institute"
            | "foundation"
            | "association"
            | "corporation"
            | "hospital"
            | "college"
            | "inc"
            | "ltd"
            | "llc"
    )
}

/// A one-word name made of a name and an organisation word ("MailOnline",
/// "KentOnline"): an organisation.
fn is_compound_org(lower: &str) -> bool {
    lower.len() > 6 && lower.ends_with("online")
}

/// Whether word `k` starts its sentence (or follows a colon or a quote mark).
fn is_sentence_start(ws: &[Word<'_>], k: usize) -> bool {
    k == 0 || !ws[k - 1].is_word && !matches!(ws[k - 1].s, "," | "-" | "(")
}

/// A capitalised first word that is an ordinary word ("Earlier", "Even").
fn is_sentence_opener(ws: &[Word<'_>], k: usize) -> bool {
    is_sentence_start(ws, k) && lexicon::classify(&ws[k].lower) != 0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<(String, EntityKind, String)> {
        let ws = words(s, 0);
        mentions(s, 0, &ws, &People::default(), &Outlets::default())
            .into_iter()
            .map(|m| (m.text, m.kind, m.name))
            .collect()
    }

    #[test]
    fn words_keep_possessives_apart() {
        let ws = words("in Belarus' Gomel, Ukraine's border.", 10);
        let w: Vec<(&str, bool)> = ws.iter().map(|w| (w.s, w.possessive)).collect();
        assert_eq!(
            w,
            [
                ("in", false),
                ("Belarus", true),
                ("Gomel", false),
                (",", false),
                ("Ukraine", true),
                ("border", false),
                (".", false)
            ]
        );
        assert_eq!(ws[1].span, Span::new(13, 21));
    }

    #[test]
    fn mentions_are_classified_by_what_is_known() {
        let m = texts("Ukrainian President Volodymyr Zelenskyy met AFP reporters in Gomel.");
        assert_eq!(
            m[0],
            ("Ukrainian".into(), EntityKind::Country, "Ukraine".into())
        );
        assert_eq!(m[1].0, "Volodymyr Zelenskyy");
        assert_eq!(m[1].1, EntityKind::Person);
        assert_eq!(m[2], ("AFP".into(), EntityKind::Organisation, "AFP".into()));
        assert_eq!(m[3].1, EntityKind::Place);
    }

    #[test]
    fn capitals_stand_for_governments_unless_they_are_the_place() {
        let m = texts("Moscow amassed troops. The team arrived in Moscow.");
        assert_eq!(m[0].1, EntityKind::Country);
        assert_eq!(m[0].2, "Russia");
        assert_eq!(m[1].1, EntityKind::Place);
    }

    #[test]
    fn a_role_stands_for_the_person_the_article_gave_it() {
        let people = [PersonName {
            name: "Ana Ruiz".into(),
            last: "Ruiz".into(),
            role: vec!["chilean".into(), "foreign".into(), "minister".into()],
        }];
        let s = "Chile's minister said so. The Peruvian minister did not.";
        let ws = words(s, 0);
        let ms = mentions(s, 0, &ws, &People::new(&people), &Outlets::default());
        let role: Vec<(&str, &str)> = ms
            .iter()
            .filter(|m| m.via == Via::Role)
            .map(|m| (m.text.as_str(), m.name.as_str()))
            .collect();
        assert_eq!(role, [("Chile's minister", "Ana Ruiz")]);
    }

    #[test]
    fn ordinary_sentence_openers_are_not_names() {
        assert!(texts("Earlier the talks began.").is_empty());
        assert!(texts("On Monday the talks began.").is_empty());
    }
}
