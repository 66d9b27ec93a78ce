//! Attribution chains and the source graph.
//!
//! Every statement gets a [`Chain`]: the article, then each source the words
//! passed through, outermost first, down to the origin ("article → RT →
//! Vladimir Medinsky"). Sources are of five kinds: outlets, people,
//! organisations (governments, ministries, presidencies, militaries, capitals
//! used as metonyms), media (a video message, a statement) and anonymous
//! sources ("sources said", "a person familiar with the matter").
//!
//! Chains across articles make the [`Graph`]: nodes merged by canonical name
//! and kind, edges with their evidence. [`independent_origins`] counts the
//! distinct origins a set of statements traces to: two articles that both relay
//! RT quoting Medinsky are one origin, not two.

use crate::article::{Article, Span};
use crate::grammar::Kind;
use crate::grammar::lexicon::{self, class};
use crate::speakers::Resolved;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// What kind of source a chain node is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SourceKind {
    Article,
    Outlet,
    Person,
    Organisation,
    Medium,
    Anonymous,
    /// Several speakers named together: "Obama, McDonough and other aides".
    Group,
}

impl SourceKind {
    pub fn as_str(self) -> &'static str {
        match self {
            SourceKind::Article => "article",
            SourceKind::Outlet => "outlet",
            SourceKind::Person => "person",
            SourceKind::Organisation => "organisation",
            SourceKind::Medium => "medium",
            SourceKind::Anonymous => "anonymous",
            SourceKind::Group => "group",
        }
    }
}

/// One node of a chain: a canonical name, its kind, and the words of the text
/// that name it (none for the article itself).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Link {
    pub name: String,
    pub kind: SourceKind,
    #[serde(skip)]
    pub mention: Option<Span>,
}

/// The path a statement travelled: the article first, the origin last.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Chain(pub Vec<Link>);

impl Chain {
    /// The origin: the last node (the article itself for its own narration).
    pub fn origin(&self) -> Option<&Link> {
        self.0.last()
    }

    /// "article ← RT ← Vladimir Medinsky" read from the origin outwards, as a
    /// reporter writes it: "AFP ← Ukraine’s presidency".
    pub fn display(&self) -> String {
        self.0
            .iter()
            .skip(1)
            .map(|l| l.name.as_str())
            .collect::<Vec<_>>()
            .join(" ← ")
    }
}

/// Major news agencies and broadcasters, matched word for word (any case).
/// `--outlet NAME` adds more.
pub const OUTLETS: &[&str] = &[
    "AFP",
    "Agence France-Presse",
    "Reuters",
    "AP",
    "Associated Press",
    "RT",
    "RIA",
    "RIA Novosti",
    "TASS",
    "Interfax",
    "Sputnik",
    "Xinhua",
    "Kyodo",
    "Yonhap",
    "DPA",
    "ANSA",
    "EFE",
    "PAP",
    "UNIAN",
    "Ukrinform",
    "BelTA",
    "BBC",
    "CNN",
    "Al Jazeera",
    "Bloomberg",
    "Fox News",
    "NBC",
    "CBS",
    "ABC",
    "NPR",
    "PBS",
    "MSNBC",
    "CBC",
    "CTV",
    "Global News",
    "Sky News",
    "France 24",
    "Deutsche Welle",
    "DW",
    "NHK",
    "Politico",
    "Axios",
    "New York Times",
    "Washington Post",
    "Wall Street Journal",
    "Guardian",
    "Financial Times",
    "The Economist",
    "Le Monde",
    "Der Spiegel",
    "El País",
    "Canadian Press",
    "Press Association",
    "USA Today",
    "Globe and Mail",
    "Toronto Star",
    "National Post",
    "Kommersant",
    "Izvestia",
    "Meduza",
    "Kyiv Independent",
    "Breitbart",
    "HuffPost",
    "Huffington Post",
    "Daily Mail",
    "The Times",
    "The Telegraph",
    "Le Figaro",
    "Corriere della Sera",
    "ANI",
    "PTI",
    "IANS",
    "Anadolu",
    "Kyiv Post",
    "Ukrainska Pravda",
];

/// Words that make a name an outlet ("X news agency", "X State Media").
const OUTLET_WORDS: &[&str] = &[
    "news",
    "agency",
    "media",
    "newspaper",
    "radio",
    "television",
    "tv",
    "broadcaster",
    "channel",
    "times",
    "post",
    "herald",
    "tribune",
    "journal",
    "gazette",
    "wire",
    "press",
    "daily",
    "magazine",
    "network",
];

/// Generic words dropped from an outlet's canonical name.
const OUTLET_GENERIC: &[&str] = &["the", "news", "agency", "report", "reports", "newspaper"];

/// Heads of anonymous sources.
const ANONYMOUS_HEADS: &[&str] = &[
    "source",
    "sources",
    "official",
    "officials",
    "person",
    "people",
    "diplomat",
    "diplomats",
    "insider",
    "insiders",
    "aide",
    "aides",
    "someone",
    "witness",
    "witnesses",
    "residents",
    "observers",
];

/// Spokespeople speak on the record for an organisation: not anonymous.
const SPOKESPEOPLE: &[&str] = &["spokesperson", "spokesman", "spokeswoman", "spokespeople"];

/// Words that open a post-modifier of a source's noun phrase: its head is
/// the word before the first of them ("a person familiar with the talks",
/// "officials in Kyiv", "a source close to the minister", "a spokesman for
/// the family").
const POST_MODIFIERS: &[&str] = &[
    "familiar",
    "close",
    "with",
    "in",
    "of",
    "for",
    "at",
    "from",
    "who",
    "that",
    "inside",
    "involved",
    "speaking",
    "knowledgeable",
    "briefed",
    "on",
    "to",
    "near",
    "within",
    "based",
    "by",
    "released",
    "issued",
    "published",
    "seen",
    "obtained",
];

/// Documents and figures: what a claim can rest on without a person
/// ("according to official figures").
const DOCUMENT_HEADS: &[&str] = &[
    "figures",
    "data",
    "statistics",
    "stats",
    "estimates",
    "estimate",
    "numbers",
    "records",
    "documents",
    "document",
    "study",
    "studies",
    "survey",
    "surveys",
    "poll",
    "polls",
    "research",
    "report",
    "reports",
    "analysis",
    "census",
    "text",
    "transcript",
    "papers",
];

/// The head noun of a source's noun phrase (lowercased words): the word
/// before its first post-modifier, else the last word.
fn head_of(lower: &[String]) -> &str {
    let end = lower
        .iter()
        .skip(1)
        .position(|w| POST_MODIFIERS.contains(&w.as_str()))
        .map_or(lower.len(), |i| i + 1);
    lower.get(end.wrapping_sub(1)).map_or("", String::as_str)
}

/// Whether "people" or "person" is anybody, not a source: a source is
/// "people familiar with …", "a person close to …", "some people", "many
/// people"; "people can call" or "people would say" is nobody in particular.
fn generic_people(lower: &[String], head: &str) -> bool {
    if !matches!(head, "people" | "person" | "someone") {
        return false;
    }
    let modified = lower.len() > 1
        && lower
            .iter()
            .skip(1)
            .any(|w| POST_MODIFIERS.contains(&w.as_str()));
    let counted = lower.iter().any(|w| {
        matches!(
            w.as_str(),
            "some" | "many" | "several" | "few" | "most" | "two" | "three" | "senior" | "other"
        )
    });
    !modified && !counted
}

/// Known outlets, built in plus configured, each with its words lowercased
/// once.
#[derive(Debug, Clone)]
pub struct Outlets {
    names: Vec<(String, Vec<String>)>,
}

impl Default for Outlets {
    fn default() -> Self {
        let mut o = Outlets { names: Vec::new() };
        o.extend(OUTLETS.iter().map(|s| s.to_string()));
        o
    }
}

impl Outlets {
    /// Adds outlet names (as written: "Coast Radio").
    pub fn extend<I: IntoIterator<Item = String>>(&mut self, names: I) {
        for name in names {
            let words: Vec<String> = words_of(&name).iter().map(|w| w.to_lowercase()).collect();
            if !words.is_empty() {
                self.names.push((name, words));
            }
        }
    }

    /// The known outlet named inside `mention` (its canonical spelling).
    pub fn name_of(&self, mention: &str) -> Option<&str> {
        self.find(mention)
    }

    /// The known outlet named inside `mention`, word for word, longest first.
    fn find(&self, mention: &str) -> Option<&str> {
        let words: Vec<String> = words_of(mention).iter().map(|w| w.to_lowercase()).collect();
        self.names
            .iter()
            .filter(|(_, n)| words.windows(n.len()).any(|w| w == n.as_slice()))
            .max_by_key(|(name, _)| name.len())
            .map(|(name, _)| name.as_str())
    }
}

fn words(s: &str) -> Vec<&str> {
    words_of(s)
}

fn words_of(s: &str) -> Vec<&str> {
    s.split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty())
        .map(|w| w.trim_end_matches("'s").trim_end_matches("’s"))
        .collect()
}

/// The kind and canonical name of a source mention, given the speaker's
/// resolved name (if it is a speaker) and whether resolution found a person.
pub fn classify(
    mention: &str,
    resolved: Option<&str>,
    person: bool,
    outlets: &Outlets,
) -> (SourceKind, String) {
    let name = resolved.unwrap_or(mention).trim().to_string();
    if let Some(outlet) = outlets.find(mention) {
        return (SourceKind::Outlet, outlet.to_string());
    }
    let ws = words(mention);
    let lower: Vec<String> = ws.iter().map(|w| w.to_lowercase()).collect();
    // A capital on a common first word ("Sources said", "The owners") is
    // the sentence's, not a name's.
    let common = class::DETERMINERS | class::ORG_NOUNS | class::TITLES;
    let has_proper = ws.iter().enumerate().any(|(i, w)| {
        w.chars().next().is_some_and(char::is_uppercase)
            && !(i == 0
                && (lexicon::classify(w) & common != 0
                    || ANONYMOUS_HEADS.contains(&w.to_lowercase().as_str())))
    });
    if lower.iter().any(|w| OUTLET_WORDS.contains(&w.as_str())) && has_proper {
        let canonical: Vec<&str> = ws
            .iter()
            .copied()
            .filter(|w| !OUTLET_GENERIC.contains(&w.to_lowercase().as_str()))
            .collect();
        let canonical = if canonical.is_empty() {
            name.clone()
        } else {
            canonical.join(" ")
        };
        return (SourceKind::Outlet, canonical);
    }
    // A list ("Obama, McDonough and other aides") or a name and others
    // ("Obama and his aides"); "Procter and Gamble" is one name.
    if let Some(and) = lower.iter().position(|w| w == "and")
        && and > 0
        && (mention.contains(',')
            || ws
                .get(and + 1)
                .is_some_and(|w| w.starts_with(|c: char| c.is_lowercase())))
    {
        return (SourceKind::Group, mention.trim().to_string());
    }
    if person {
        return (SourceKind::Person, name);
    }
    let head = head_of(&lower);
    // A spokesperson speaks for the organisation, on the record: "a Mittal
    // Steel spokesman" is Mittal Steel; "a spokesman for the family" and "a
    // party spokesman" keep their words.
    if SPOKESPEOPLE.contains(&head) {
        let org: Vec<&str> = ws
            .iter()
            .zip(&lower)
            .take_while(|(_, l)| !SPOKESPEOPLE.contains(&l.as_str()))
            .filter(|(w, _)| w.chars().next().is_some_and(char::is_uppercase))
            .filter(|(w, _)| lexicon::classify(w) & class::DETERMINERS == 0)
            .map(|(w, _)| *w)
            .collect();
        let name = if org.is_empty() { name } else { org.join(" ") };
        return (SourceKind::Organisation, name);
    }
    // "according to official figures": a document, not a person.
    if !has_proper && DOCUMENT_HEADS.contains(&head) {
        return (SourceKind::Medium, name);
    }
    // "sources", "senior officials", "a person familiar with the matter";
    // not "official figures", "open source developers".
    if !has_proper && ANONYMOUS_HEADS.contains(&head) && !generic_people(&lower, head) {
        return (SourceKind::Anonymous, name);
    }
    if lexicon::classify(head) & class::ORG_NOUNS != 0 {
        return (SourceKind::Organisation, name);
    }
    // A lone proper noun that is not a known person: a capital or a country
    // speaking as its government ("Minsk", "Kiev", "Ukraine").
    if ws.len() == 1 && has_proper {
        return (SourceKind::Organisation, name);
    }
    if lexicon::classify(head) & class::TITLES != 0 || (has_proper && ws.len() >= 2) {
        return (SourceKind::Person, name);
    }
    (SourceKind::Organisation, name)
}

/// Whether a name is a broadcaster's or a paper's call sign: one word of
/// capitals with a digit ("TVN24", "KTLA5") or of four or five capitals
/// ("WXYZ", "KQED"); a word of capitals alone may be a party or a union
/// ("SNP", "UFCW" are three and four: only four with a leading K or W, the
/// letters of North American stations, or a digit count).
pub fn call_sign(name: &str) -> bool {
    let ok_chars = name.len() >= 3
        && name.len() <= 8
        && name
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        && name.starts_with(|c: char| c.is_ascii_uppercase());
    let digit = name.chars().any(|c| c.is_ascii_digit());
    ok_chars && (digit || (name.len() == 4 && name.starts_with(['K', 'W'])))
}

/// The chain of every statement of an article.
pub fn chains(article: &Article, statements: &[Resolved], outlets: &Outlets) -> Vec<Chain> {
    statements
        .iter()
        .map(|r| chain(article, r, outlets))
        .collect()
}

fn chain(article: &Article, r: &Resolved, outlets: &Outlets) -> Chain {
    let st = &r.statement;
    let mut links = vec![Link {
        name: article.id.clone(),
        kind: SourceKind::Article,
        mention: None,
    }];
    let push = |links: &mut Vec<Link>, mention: Span, resolved: Option<&str>, person: bool| {
        let text = article.slice(mention);
        let (kind, name) = classify(text, resolved, person, outlets);
        if links.last().is_none_or(|l: &Link| l.name != name) {
            links.push(Link {
                name,
                kind,
                mention: Some(mention),
            });
        }
    };
    for &o in &st.outer {
        push(&mut links, o, None, false);
    }
    if let Some(rep) = st.reporter {
        push(&mut links, rep, None, false);
    }
    // "told Reuters": the outlet that heard it reports it; so does a
    // broadcaster's call sign nobody configured ("told TVN24", "told WXYZ").
    if let Some(to) = st.addressee {
        let text = article.slice(to);
        if classify(text, None, false, outlets).0 == SourceKind::Outlet {
            push(&mut links, to, None, false);
        } else if call_sign(text) && links.last().is_none_or(|l| l.name != text) {
            links.push(Link {
                name: text.to_string(),
                kind: SourceKind::Outlet,
                mention: Some(to),
            });
        }
    }
    if let Some(m) = st.medium {
        let text = article.slice(m);
        // "a later video address" is the medium "video address".
        let name = text
            .split_whitespace()
            .filter(|w| lexicon::classify(w) & class::MEDIA != 0)
            .collect::<Vec<_>>()
            .join(" ");
        // "the RT report" names an outlet, not a medium.
        if outlets.find(text).is_none() {
            links.push(Link {
                name,
                kind: SourceKind::Medium,
                mention: Some(m),
            });
        }
    }
    if let Some(sp) = st.speaker
        && st.kind != Kind::Scare
    {
        let person = r.person;
        push(&mut links, sp, r.speaker.as_deref(), person);
    }
    Chain(links)
}

/// The number of distinct origins a set of chains traces to.
pub fn independent_origins<'a, I: IntoIterator<Item = &'a Chain>>(chains: I) -> usize {
    let mut seen: Vec<(SourceKind, &str)> = Vec::new();
    for c in chains {
        if let Some(o) = c.origin() {
            let key = (o.kind, o.name.as_str());
            if !seen.contains(&key) {
                seen.push(key);
            }
        }
    }
    seen.len()
}

/// Where an edge was seen.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Evidence {
    pub article: String,
    pub start: usize,
    pub end: usize,
    pub line: usize,
}

/// How two nodes are linked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EdgeKind {
    /// The source passes on what the next one reported.
    Reports,
    /// The source quotes the next one's own words.
    Quotes,
}

#[derive(Debug, Clone, Serialize)]
pub struct GraphNode {
    pub id: usize,
    pub name: String,
    pub kind: SourceKind,
    /// Articles whose statements pass through this node.
    pub articles: usize,
    /// Statements that pass through this node.
    pub statements: usize,
    /// Distinct origins of those statements.
    pub origins: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct Edge {
    pub from: usize,
    pub to: usize,
    pub kind: EdgeKind,
    pub evidence: Vec<Evidence>,
}

/// Sources merged across articles.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Graph {
    pub nodes: Vec<GraphNode>,
    pub edges: Vec<Edge>,
}

/// One article's statements with their chains, as the graph reads them.
#[derive(Debug, Clone, Copy)]
pub struct ArticleChains<'a> {
    pub article: &'a Article,
    pub statements: &'a [Resolved],
    pub chains: &'a [Chain],
}

/// Builds the graph; node and edge order is deterministic (by kind and name).
pub fn graph<'a, I: IntoIterator<Item = ArticleChains<'a>>>(items: I) -> Graph {
    type Key = (SourceKind, String);
    let mut nodes: BTreeMap<Key, (Vec<&str>, usize, Vec<&Chain>)> = BTreeMap::new();
    let mut edges: BTreeMap<(Key, Key, EdgeKind), Vec<Evidence>> = BTreeMap::new();
    for item in items {
        let a = item.article;
        for (r, c) in item.statements.iter().zip(item.chains) {
            let st = &r.statement;
            let (line, _) = a.line_col(st.span.start);
            for (i, link) in c.0.iter().enumerate() {
                let entry = nodes.entry((link.kind, link.name.clone())).or_default();
                if !entry.0.contains(&a.id.as_str()) {
                    entry.0.push(&a.id);
                }
                entry.1 += 1;
                entry.2.push(c);
                if let Some(next) = c.0.get(i + 1) {
                    let last = i + 2 == c.0.len();
                    let quoted = matches!(st.kind, Kind::Direct | Kind::Partial);
                    let kind = if last && quoted && next.kind != SourceKind::Medium {
                        EdgeKind::Quotes
                    } else {
                        EdgeKind::Reports
                    };
                    let ev = Evidence {
                        article: a.id.clone(),
                        start: st.span.start,
                        end: st.span.end,
                        line,
                    };
                    edges
                        .entry((
                            (link.kind, link.name.clone()),
                            (next.kind, next.name.clone()),
                            kind,
                        ))
                        .or_default()
                        .push(ev);
                }
            }
        }
    }
    let ids: BTreeMap<&Key, usize> = nodes.keys().enumerate().map(|(i, k)| (k, i)).collect();
    let mut g = Graph::default();
    for (i, ((kind, name), (arts, n, chains))) in nodes.iter().enumerate() {
        g.nodes.push(GraphNode {
            id: i,
            name: name.clone(),
            kind: *kind,
            articles: arts.len(),
            statements: *n,
            origins: independent_origins(chains.iter().copied()),
        });
    }
    for ((from, to, kind), mut evidence) in edges {
        evidence.sort();
        evidence.dedup();
        g.edges.push(Edge {
            from: ids[&from],
            to: ids[&to],
            kind,
            evidence,
        });
    }
    g
}

#[cfg(test)]
mod tests {
    #[test]
    fn call_signs_are_outlets_and_parties_are_not() {
        for yes in ["TVN24", "KTLA5", "WXYZ", "KQED", "RTL7"] {
            assert!(call_sign(yes), "{yes}");
        }
        for no in ["SNP", "UFCW", "NATO", "Smith", "BBC1x", "24", "Tvn24"] {
            assert!(!call_sign(no), "{no}");
        }
    }

    use super::*;

    fn kind(mention: &str) -> (SourceKind, String) {
        classify(mention, None, false, &Outlets::default())
    }

    #[test]
    fn outlets_by_name_and_by_pattern() {
        assert_eq!(kind("RT news"), (SourceKind::Outlet, "RT".into()));
        assert_eq!(kind("news agency AFP"), (SourceKind::Outlet, "AFP".into()));
        assert_eq!(
            kind("Russia’s RIA news agency"),
            (SourceKind::Outlet, "RIA".into())
        );
        assert_eq!(kind("the RT report"), (SourceKind::Outlet, "RT".into()));
        assert_eq!(
            kind("Russian State Media"),
            (SourceKind::Outlet, "Russian State Media".into())
        );
        assert_eq!(
            kind("the Harbour Times"),
            (SourceKind::Outlet, "Harbour Times".into())
        );
    }

    #[test]
    fn organisations_people_and_anonymous_sources() {
        assert_eq!(kind("Minsk").0, SourceKind::Organisation);
        assert_eq!(kind("Ukraine’s presidency").0, SourceKind::Organisation);
        assert_eq!(kind("the Kremlin").0, SourceKind::Organisation);
        assert_eq!(kind("sources").0, SourceKind::Anonymous);
        assert_eq!(
            kind("a person familiar with the matter").0,
            SourceKind::Anonymous
        );
        assert_eq!(kind("senior officials").0, SourceKind::Anonymous);
        assert_eq!(kind("the harbour master").0, SourceKind::Person);
        // Spokespeople speak for their organisation, on the record.
        assert_eq!(
            kind("a Harbour Authority spokeswoman"),
            (SourceKind::Organisation, "Harbour Authority".into())
        );
        assert_eq!(
            kind("a spokesman for the family").0,
            SourceKind::Organisation
        );
        // The head noun decides: documents are not people, an adjective is
        // not a head.
        assert_eq!(kind("official figures").0, SourceKind::Medium);
        assert_eq!(kind("open source developers").0, SourceKind::Organisation);
        assert_eq!(
            kind("a source close to the minister").0,
            SourceKind::Anonymous
        );
        assert_eq!(kind("some people").0, SourceKind::Anonymous);
        assert_eq!(
            kind("people familiar with the talks").0,
            SourceKind::Anonymous
        );
        assert_ne!(kind("people").0, SourceKind::Anonymous);
        assert_eq!(
            classify(
                "Medinsky",
                Some("Vladimir Medinsky"),
                true,
                &Outlets::default()
            ),
            (SourceKind::Person, "Vladimir Medinsky".into())
        );
    }

    #[test]
    fn configured_outlets() {
        let mut o = Outlets::default();
        o.extend(["Coast Radio".to_string()]);
        assert_eq!(
            classify("Coast Radio", None, false, &o).0,
            SourceKind::Outlet
        );
    }

    #[test]
    fn origins_count_the_last_node() {
        let link = |n: &str, k| Link {
            name: n.into(),
            kind: k,
            mention: None,
        };
        let a = Chain(vec![
            link("a.txt", SourceKind::Article),
            link("RT", SourceKind::Outlet),
            link("M", SourceKind::Person),
        ]);
        let b = Chain(vec![
            link("b.txt", SourceKind::Article),
            link("RT", SourceKind::Outlet),
            link("M", SourceKind::Person),
        ]);
        let c = Chain(vec![
            link("c.txt", SourceKind::Article),
            link("AFP", SourceKind::Outlet),
        ]);
        assert_eq!(a.display(), "RT ← M");
        assert_eq!(independent_origins([&a, &b]), 1);
        assert_eq!(independent_origins([&a, &b, &c]), 2);
    }
}
