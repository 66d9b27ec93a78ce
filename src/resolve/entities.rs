//! The entity table of an article set: every mention of every article
//! resolved to one canonical entity.
//!
//! - Places and countries resolve through the gazetteer: one entity per
//!   gazetteer place, whatever the spelling ("Kiev" and "Kyiv"), with
//!   demonyms ("Ukrainian") and capitals standing for governments ("Moscow
//!   said") as variants of their country.
//! - People are clustered by [`names::same_person`]: transliterations and
//!   misspellings of one surname with agreeing given names. A lone surname
//!   ("Zelenesky") joins the one person whose surname it matches; with two
//!   candidates it stays apart rather than guess.
//! - Organisations and other names resolve by their folded spelling.
//!
//! The canonical name is the most frequent full spelling (ties: the first
//! seen, in article order). The cost is near-linear: people are compared
//! only within a block of the same first folded letter.

use super::names;
use crate::article::Span;
use crate::claims::ArticleClaims;
use crate::claims::mentions::{EntityKind, Mention, PlaceRef, Via};
use rustc_hash::FxHashMap;
use serde::Serialize;

/// One spelling of an entity and where it occurs.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Variant {
    /// The words as written.
    pub text: String,
    pub via: Via,
    /// (article index, span) of each occurrence, in order.
    pub locations: Vec<(usize, Span)>,
}

/// A canonical entity.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Entity {
    pub id: usize,
    pub name: String,
    pub kind: EntityKind,
    pub place: Option<PlaceRef>,
    /// Spellings, most frequent first.
    pub variants: Vec<Variant>,
}

/// The entity table and, for each article, the entity of each mention.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Entities {
    pub entities: Vec<Entity>,
    /// `of[a][m]`: the entity of mention `m` of article `a`.
    #[serde(skip)]
    pub of: Vec<Vec<usize>>,
}

impl Entities {
    /// The entity of a mention.
    pub fn entity(&self, article: usize, mention: usize) -> Option<&Entity> {
        self.of
            .get(article)
            .and_then(|v| v.get(mention))
            .and_then(|&i| self.entities.get(i))
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Key {
    Place(u32),
    Person(usize),
    Other(usize),
    Named(EntityKind, String),
}

/// The clusters of people and of other names.
struct Known<'a> {
    people: &'a Clusters,
    others: &'a Clusters,
}

/// Resolves the mentions of all articles (in the order given).
pub fn resolve(articles: &[&ArticleClaims]) -> Entities {
    // People first: clusters of full names.
    let mut people = Clusters::default();
    for a in articles {
        for m in &a.mentions {
            if m.kind == EntityKind::Person && m.name.split_whitespace().count() >= 2 {
                people.add(&m.name);
            }
        }
    }
    // Other names (a town the gazetteer does not know, say): clustered by
    // the same spelling rule, so "Sievierodonetsk" and "Severodonetsk" are
    // one.
    let mut others = Clusters::default();
    for a in articles {
        for m in &a.mentions {
            if m.kind == EntityKind::Other && people.find(&m.text).is_none() {
                others.add(&m.name);
            }
        }
    }
    let known = Known {
        people: &people,
        others: &others,
    };
    let mut keys: FxHashMap<Key, usize> = FxHashMap::default();
    let mut entities: Vec<Entity> = Vec::new();
    let mut of: Vec<Vec<usize>> = Vec::with_capacity(articles.len());
    for (ai, a) in articles.iter().enumerate() {
        let mut ids = Vec::with_capacity(a.mentions.len());
        for m in &a.mentions {
            let (key, kind, name, place, via) = key_of(m, &known);
            let id = *keys.entry(key).or_insert_with(|| {
                entities.push(Entity {
                    id: entities.len(),
                    name,
                    kind,
                    place,
                    variants: Vec::new(),
                });
                entities.len() - 1
            });
            let e = &mut entities[id];
            match e.variants.iter_mut().find(|v| v.text == m.text) {
                Some(v) => v.locations.push((ai, m.span)),
                None => e.variants.push(Variant {
                    text: m.text.clone(),
                    via,
                    locations: vec![(ai, m.span)],
                }),
            }
            ids.push(id);
        }
        of.push(ids);
    }
    for e in &mut entities {
        // Most frequent spelling first; ties keep first-seen order.
        e.variants
            .sort_by_key(|v| std::cmp::Reverse(v.locations.len()));
        if e.kind == EntityKind::Person
            && let Some(best) = best_full_name(e)
        {
            e.name = best;
        }
    }
    Entities { entities, of }
}

/// A person: the full spellings seen, with counts, folded once.
#[derive(Debug, Clone)]
struct Cluster {
    names: Vec<(String, usize, names::Folded)>,
}

/// Clusters of names with the indexes that keep lookups near-linear: an
/// exact map from spelling to cluster, and blocks by folded surname prefix
/// so that fuzzy comparison only meets names that could match. Inside a
/// block, each distinct folded surname keeps the clusters holding it and the
/// surnames it matches (computed once, when the surname first comes), so a
/// new name costs Levenshtein and Jaro-Winkler only when its surname is new,
/// and its given name is compared only with clusters of matching surnames.
#[derive(Debug, Default)]
struct Clusters {
    clusters: Vec<Cluster>,
    exact: FxHashMap<String, usize>,
    blocks: FxHashMap<String, Block>,
    /// `find`'s answers by spelling, while no name is added: a set names
    /// the same people over and over.
    found: std::cell::RefCell<FxHashMap<String, Option<usize>>>,
}

/// The distinct surnames of one block.
#[derive(Debug, Default)]
struct Block {
    index: FxHashMap<String, usize>,
    surnames: Vec<Surname>,
}

#[derive(Debug)]
struct Surname {
    text: String,
    /// Clusters holding a name with this surname.
    clusters: Vec<usize>,
    /// The surnames of the block this one matches (itself included).
    matching: Vec<usize>,
}

impl Block {
    /// The surnames of the block that `surname` matches.
    fn matching(&self, surname: &str) -> std::borrow::Cow<'_, [usize]> {
        match self.index.get(surname) {
            Some(&i) => std::borrow::Cow::Borrowed(&self.surnames[i].matching),
            None => std::borrow::Cow::Owned(
                (0..self.surnames.len())
                    .filter(|&i| names::surnames_match(surname, &self.surnames[i].text))
                    .collect(),
            ),
        }
    }

    /// Records that `cluster` holds a name with `surname`.
    fn insert(&mut self, surname: &str, cluster: usize) {
        if let Some(&i) = self.index.get(surname) {
            self.surnames[i].clusters.push(cluster);
            return;
        }
        let i = self.surnames.len();
        let mut matching = self.matching(surname).into_owned();
        for &j in &matching {
            self.surnames[j].matching.push(i);
        }
        if names::surnames_match(surname, surname) {
            matching.push(i);
        }
        self.surnames.push(Surname {
            text: surname.to_string(),
            clusters: vec![cluster],
            matching,
        });
        self.index.insert(surname.to_string(), i);
    }
}

impl Clusters {
    /// Calls `visit` with each cluster all of whose names `folded` can be
    /// the same person as (a cluster may come more than once).
    fn scan(&self, folded: &names::Folded, mut visit: impl FnMut(usize)) {
        let Some(block) = self.blocks.get(&folded.block()) else {
            return;
        };
        for &i in block.matching(&folded.surname).iter() {
            for &c in &block.surnames[i].clusters {
                // Every spelling of the cluster, not one: a chain of near
                // spellings (Ivanov, Ivanova, Ivanovsky; Oleg, Olga) must
                // not join people no two of whom are alike end to end.
                if self.clusters[c]
                    .names
                    .iter()
                    .all(|(_, _, f)| f.same_person(folded))
                {
                    visit(c);
                }
            }
        }
    }

    /// Adds a full name to its cluster (the first that matches, or a new
    /// one).
    fn add(&mut self, name: &str) {
        if let Some(&c) = self.exact.get(name) {
            if let Some(n) = self.clusters[c].names.iter_mut().find(|n| n.0 == name) {
                n.1 += 1;
            }
            return;
        }
        self.found.get_mut().clear();
        let folded = names::Folded::new(name);
        let mut first: Option<usize> = None;
        self.scan(&folded, |c| first = Some(first.map_or(c, |f| f.min(c))));
        let c = first.unwrap_or_else(|| {
            self.clusters.push(Cluster { names: Vec::new() });
            self.clusters.len() - 1
        });
        let known = self.clusters[c]
            .names
            .iter()
            .any(|(_, _, f)| f.surname == folded.surname);
        if !known {
            self.blocks
                .entry(folded.block())
                .or_default()
                .insert(&folded.surname, c);
        }
        self.clusters[c].names.push((name.to_string(), 1, folded));
        self.exact.insert(name.to_string(), c);
    }

    /// The cluster a full name or lone surname belongs to; a name that
    /// matches two clusters belongs to none.
    fn find(&self, name: &str) -> Option<usize> {
        if let Some(&c) = self.exact.get(name) {
            return Some(c);
        }
        if let Some(&known) = self.found.borrow().get(name) {
            return known;
        }
        let (mut one, mut more) = (None, false);
        self.scan(&names::Folded::new(name), |c| match one {
            None => one = Some(c),
            Some(o) if o != c => more = true,
            Some(_) => {}
        });
        let answer = if more { None } else { one };
        self.found.borrow_mut().insert(name.to_string(), answer);
        answer
    }
}

type Resolution = (Key, EntityKind, String, Option<PlaceRef>, Via);

fn key_of(m: &Mention, known: &Known<'_>) -> Resolution {
    if let Some(p) = &m.place
        && matches!(m.kind, EntityKind::Country | EntityKind::Place)
    {
        return (
            Key::Place(p.id),
            m.kind,
            p.name.clone(),
            Some(p.as_ref().clone()),
            m.via,
        );
    }
    match m.kind {
        EntityKind::Person => {
            if let Some(c) = known.people.find(&m.name) {
                let via = if m.text.split_whitespace().count() == 1 {
                    Via::Surname
                } else {
                    m.via
                };
                return (
                    Key::Person(c),
                    EntityKind::Person,
                    m.name.clone(),
                    None,
                    via,
                );
            }
            named(m)
        }
        EntityKind::Other if !m.text.contains(' ') => {
            // A lone capitalised word that is a known person's surname.
            match known.people.find(&m.text) {
                Some(c) => (
                    Key::Person(c),
                    EntityKind::Person,
                    m.text.clone(),
                    None,
                    Via::Surname,
                ),
                None => other(m, known),
            }
        }
        EntityKind::Other => other(m, known),
        _ => named(m),
    }
}

fn other(m: &Mention, known: &Known<'_>) -> Resolution {
    match known.others.find(&m.name) {
        Some(c) => (Key::Other(c), m.kind, m.name.clone(), None, m.via),
        None => named(m),
    }
}

fn named(m: &Mention) -> Resolution {
    (
        // "Mail Online" and "MailOnline" are one name.
        Key::Named(m.kind, names::compact(&names::fold(&m.name))),
        m.kind,
        m.name.clone(),
        None,
        m.via,
    )
}

/// The most frequent full (two-word or longer) spelling of a person.
fn best_full_name(e: &Entity) -> Option<String> {
    e.variants
        .iter()
        .filter(|v| v.text.split_whitespace().count() >= 2)
        .max_by(|a, b| {
            a.locations
                .len()
                .cmp(&b.locations.len())
                .then_with(|| b.locations[0].cmp(&a.locations[0]))
        })
        .map(|v| v.text.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_join_the_first_cluster_they_match_in_any_order() {
        let mut c = Clusters::default();
        c.add("Volodymyr Zelenskyy");
        c.add("Anna Petrova");
        c.add("Olga Petrova");
        // A new surname spelling, added after the first: it matches
        // "Zelenskyy", and later names with either spelling find one cluster.
        c.add("Volodymyr Zelensky");
        c.add("Vladimir Zelenskiy");
        let z = c.find("Volodymyr Zelenskyy").unwrap();
        assert_eq!(c.find("Volodymyr Zelensky"), Some(z));
        assert_eq!(c.find("Vladimir Zelenskiy"), Some(z));
        assert_eq!(c.find("Zelenskyi"), Some(z));
        assert_eq!(c.clusters[z].names.len(), 3);
        // Same surname, different given names: two people, and the surname
        // alone names neither.
        let anna = c.find("Anna Petrova").unwrap();
        let olga = c.find("Olga Petrova").unwrap();
        assert_ne!(anna, olga);
        assert_eq!(c.find("Petrova"), None);
        assert_eq!(c.find("A. Petrova"), Some(anna));
        // A name nobody has.
        assert_eq!(c.find("Vladimir Medinsky"), None);
        c.add("Vladimir Medinsky");
        assert!(
            c.find("Vladimir Medinsky").is_some(),
            "answers are not kept across adds"
        );
        assert_ne!(c.find("Vladimir Medinsky"), Some(z));
    }

    #[test]
    fn matching_surnames_are_recorded_both_ways() {
        let mut b = Block::default();
        b.insert("lukashenko", 0);
        b.insert("lukashenka", 1);
        b.insert("lukyanenko", 2);
        let m = |s: &str| b.matching(s).into_owned();
        assert_eq!(m("lukashenko"), vec![0, 1]);
        assert_eq!(m("lukashenka"), vec![0, 1]);
        assert_eq!(m("lukyanenko"), vec![2]);
        // Not in the block: compared with each surname.
        assert_eq!(m("lukashenkko"), vec![0, 1]);
    }

    #[test]
    fn a_cluster_holds_only_names_that_match_each_other() {
        // Kovalenko ~ Kovalanka ~ Kovalanska, but not Kovalenko ~
        // Kovalanska: a chain; Ivanov ~ Ivanova ~ Ivanovska likewise.
        let names = [
            "Oleg Kovalenko",
            "Oleg Kovalanka",
            "Oleg Kovalanska",
            "Oleg Ivanov",
            "Oleg Ivanova",
            "Oleg Ivanovska",
            "Oleg Ivanovsky",
            "Anna Petrova",
            "Anya Petrova",
            "Anna Petrovna",
            "Volodymyr Zelenskyy",
            "Volodymyr Zelensky",
            "Vladimir Zelenskiy",
        ];
        for order in [names.to_vec(), names.iter().rev().copied().collect()] {
            let mut c = Clusters::default();
            for n in &order {
                c.add(n);
            }
            for cluster in &c.clusters {
                for (a, _, fa) in &cluster.names {
                    for (b, _, fb) in &cluster.names {
                        assert!(fa.same_person(fb), "{a} and {b} in one cluster");
                    }
                }
            }
            // The real variants still join.
            let z = c.find("Volodymyr Zelenskyy").unwrap();
            assert_eq!(c.find("Vladimir Zelenskiy"), Some(z));
        }
    }
}
