//! Alignment: claims about the same event across articles (and across the
//! sources of one article), and a verdict on each slot they give.
//!
//! 1. **Records.** Every claim but a bare `statement` becomes a record: its
//!    event, the entities it names (people, countries, organisations; the
//!    country of its place), its time window (its resolved time, else the
//!    article's date) and its origin (the end of its attribution chain).
//! 2. **Blocking.** Records are bucketed by (event, entity); within a bucket
//!    they are sorted by date and only records within [`WINDOW_DAYS`] of each
//!    other are compared, so the cost grows with the number of claims, not
//!    its square, unless one bucket holds very many claims in one window:
//!    then its pairs are visited (in order, never listed, so memory stays
//!    linear) and those already grouped are not compared.
//! 3. **Alignment.** Two records are about the same event when their events
//!    match, their entities overlap (both sides' when either names two or
//!    more: "talks between Ukraine and Russia" do not align with "talks
//!    between Ukraine and Hungary"), and their windows overlap. Aligned
//!    records form groups (union-find).
//! 4. **Verdicts per slot**, inside each group, over the claims that assert
//!    the event (not denied, refused or rejected):
//!    - *place*: values compatible when one place contains the other
//!      (agreement, or refinement when one is more specific); a different
//!      city or country is a contradiction, unless the later article says it
//!      moved (update). A border without a place near it is not compared.
//!    - *time*: for one-off events (talks, a meeting, a call, an election …)
//!      windows that do not meet are a contradiction; nested windows of
//!      different precision a refinement ("this week" / "February 24").
//!    - *quantity*: [`Quantity::compatible`] decides ("over 150,000" and
//!      "about 160,000" agree; 12 and 15 do not), with an update when the
//!      later article says the figure rose or was revised.
//!    - *polarity*: one claim asserts the event, another denies it
//!      (contradiction), or both turn it down (agreement).
//!    - *uncorroborated*: a group whose claims all trace to one origin.
//!
//! Every alignment carries why its claims were aligned (the event, the shared
//! entities, the window) and the rule that gave the verdict.

use crate::analysis::Analysis;
use crate::claims::quantity::Quantity;
use crate::claims::time::TimeValue;
use crate::claims::{Claim, polarity::Polarity};
use crate::resolve::entities::Entities;
use crate::resolve::gazetteer::{self, PlaceKind};
use crate::sources::SourceKind;
use jiff::civil::Date;
use rustc_hash::{FxHashMap, FxHashSet};

/// How far apart (in days) two claims' windows may be and still be compared.
pub const WINDOW_DAYS: i32 = 14;

pub use super::model::{Alignment, ClaimId, Side, SlotKind, Verdict, Why};

/// A claim as the comparator reads it.
#[derive(Debug, Clone)]
struct Record<'a> {
    id: ClaimId,
    claim: &'a Claim,
    entities: Vec<usize>,
    /// Country code of the claim's place, for blocking claims without
    /// entities.
    country: Option<String>,
    window: Option<(Date, Date)>,
    /// The article's date, for updates.
    date: Option<Date>,
    origin: (SourceKind, String),
}

/// The most conflicting values one contradiction lists; a group with more
/// mixes different things and gives none.
pub const MAX_SIDES: usize = 3;

/// Events that happen once: a second date for them is a contradiction, not
/// a second event.
fn one_off(event: &str) -> bool {
    matches!(
        event,
        "talks"
            | "meeting"
            | "call"
            | "agreement"
            | "ceasefire"
            | "arrival"
            | "visit"
            | "election"
            | "resignation"
            | "surrender"
            | "disaster"
            | "crash"
            | "explosion"
            | "trial"
    )
}

/// The records of every claim of the analysis.
fn records(analysis: &Analysis) -> Vec<Record<'_>> {
    let entities: &Entities = &analysis.entities;
    let mut out = Vec::new();
    for (ai, item) in analysis.articles.iter().enumerate() {
        for (ci, c) in item.claims.claims.iter().enumerate() {
            if c.event == "statement" {
                continue;
            }
            let mut ents: Vec<usize> = c
                .participants
                .iter()
                .filter_map(|p| entities.of.get(ai)?.get(p.mention).copied())
                .filter(|&e| {
                    use crate::claims::mentions::EntityKind::*;
                    matches!(entities.entities[e].kind, Person | Country | Organisation)
                })
                .collect();
            ents.sort_unstable();
            ents.dedup();
            let window = c
                .time
                .as_ref()
                .and_then(|t| t.value.as_ref())
                .map(|v| (v.start, v.end))
                .or_else(|| item.article.date.map(|d| (d, d)));
            let origin = c
                .chain
                .origin()
                .map(|l| {
                    // The article's own narration is its own origin.
                    (l.kind, l.name.clone())
                })
                .unwrap_or((SourceKind::Article, item.article.id.clone()));
            out.push(Record {
                id: ClaimId {
                    article: ai,
                    claim: ci,
                },
                claim: c,
                entities: ents,
                country: c.place.as_ref().and_then(|p| p.country.clone()),
                window,
                date: item.article.date,
                origin,
            });
        }
    }
    out
}

fn positive(c: &Claim) -> bool {
    c.polarity == Polarity::Asserted
}

/// Whether two windows meet, with `slack` days of tolerance.
fn windows_meet(a: Option<(Date, Date)>, b: Option<(Date, Date)>, slack: i32) -> bool {
    match (a, b) {
        (Some((a0, a1)), Some((b0, b1))) => {
            let grow = |d: Date, n: i32| d.checked_add(jiff::Span::new().days(n)).unwrap_or(d);
            grow(a0, -slack) <= b1 && grow(b0, -slack) <= a1
        }
        _ => true,
    }
}

/// Whether two records are about the same event.
fn same_event(a: &Record<'_>, b: &Record<'_>) -> bool {
    if a.claim.event != b.claim.event || a.id.article == b.id.article && a.origin == b.origin {
        return false;
    }
    if !windows_meet(a.window, b.window, WINDOW_DAYS) {
        return false;
    }
    // The same place (one containing the other) on the same explicit dates
    // is the same event whoever the claims name ("shelling killed four in
    // the Luhansk region on Thursday" / "troops shelled … in the Lugansk
    // region on Thursday, killing three").
    let explicit = |r: &Record<'_>| r.claim.time.as_ref().is_some_and(|t| t.value.is_some());
    if let (Some(pa), Some(pb)) = (place_value(a.claim), place_value(b.claim))
        && place_relation(&pa, &pb) < 2
        && explicit(a)
        && explicit(b)
    {
        return true;
    }
    let shared = a.entities.iter().filter(|e| b.entities.contains(e)).count();
    if a.entities.is_empty() || b.entities.is_empty() {
        // No participants on one side: the place must say it is the same.
        return a.country.is_some() && a.country == b.country;
    }
    // Two-sided events need both sides: "talks between Ukraine and Russia"
    // are not "talks between Ukraine and Hungary".
    let need = if a.entities.len() >= 2 && b.entities.len() >= 2 {
        2
    } else {
        1
    };
    shared >= need
}

/// Union-find over record indices.
fn find(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

/// The candidate pairs: records sharing a block key, within the window of
/// each other.
/// The records of each (event, entity) and (event, country) bucket, in
/// record order (buckets in no particular order).
fn buckets(recs: &[Record<'_>]) -> Vec<Vec<usize>> {
    #[derive(PartialEq, Eq, Hash)]
    enum Key<'k> {
        Entity(&'k str, usize),
        Country(&'k str, &'k str),
    }
    let mut by_key: FxHashMap<Key<'_>, Vec<usize>> = FxHashMap::default();
    for (i, r) in recs.iter().enumerate() {
        for &e in &r.entities {
            by_key
                .entry(Key::Entity(&r.claim.event, e))
                .or_default()
                .push(i);
        }
        if let Some(c) = &r.country {
            by_key
                .entry(Key::Country(&r.claim.event, c))
                .or_default()
                .push(i);
        }
    }
    by_key.into_values().collect()
}

/// Calls `visit(i, j)` for each candidate pair `i < j`, in ascending order,
/// without listing the pairs: records are bucketed by (event, entity) and
/// (event, country) and, inside a bucket sorted by window start, a record
/// pairs with the later records whose window starts within [`WINDOW_DAYS`]
/// of its end (with all later records when it has no window). Memory stays
/// linear even when one bucket is dense.
fn each_candidate_pair(recs: &[Record<'_>], mut visit: impl FnMut(usize, usize)) {
    let start = |i: usize| recs[i].window.map(|w| w.0);
    let mut blocks: Vec<Bucket> = Vec::new();
    let mut member_of: Vec<Vec<(usize, usize)>> = vec![Vec::new(); recs.len()];
    for mut members in buckets(recs) {
        members.sort_by_key(|&i| (start(i), i));
        // How far each member reaches: the last position it pairs with.
        let reach: Vec<usize> = (0..members.len())
            .map(|p| match recs[members[p]].window {
                None => members.len() - 1,
                Some((_, end)) => {
                    let limit = end
                        .checked_add(jiff::Span::new().days(WINDOW_DAYS))
                        .unwrap_or(end);
                    // Past a member with a window, every start is known.
                    p + members[p + 1..].partition_point(|&j| start(j) <= Some(limit))
                }
            })
            .collect();
        let b = blocks.len();
        for (p, &i) in members.iter().enumerate() {
            member_of[i].push((b, p));
        }
        blocks.push(Bucket::new(members, reach));
    }
    let n = recs.len();
    let mut partners: Vec<usize> = Vec::new();
    let mut marked = vec![false; n];
    for (i, buckets) in member_of.iter().enumerate() {
        partners.clear();
        for &(b, p) in buckets {
            let bucket = &blocks[b];
            let later = &bucket.members[p + 1..=bucket.reach[p]];
            partners.extend(later.iter().copied().filter(|&j| j > i));
            bucket.reaching(p, &mut |q| {
                let j = bucket.members[q];
                if j > i {
                    partners.push(j);
                }
            });
        }
        // In ascending order, each once: sorting a few, a sweep for many.
        if partners.len() * 16 < n - i {
            partners.sort_unstable();
            partners.dedup();
            for &j in &partners {
                visit(i, j);
            }
        } else {
            for &j in &partners {
                marked[j] = true;
            }
            for (j, m) in marked.iter_mut().enumerate().skip(i + 1) {
                if std::mem::take(m) {
                    visit(i, j);
                }
            }
        }
    }
}

/// One bucket of records sorted by window start, with each position's
/// reach and a max-tree over the reaches to find, for a position, the
/// earlier positions that reach it.
struct Bucket {
    members: Vec<usize>,
    reach: Vec<usize>,
    /// `tree[k]`: the largest reach in node k's range (leaves from `size`).
    tree: Vec<usize>,
    size: usize,
}

impl Bucket {
    fn new(members: Vec<usize>, reach: Vec<usize>) -> Self {
        let size = reach.len().next_power_of_two();
        let mut tree = vec![0; 2 * size];
        tree[size..size + reach.len()].copy_from_slice(&reach);
        for k in (1..size).rev() {
            tree[k] = tree[2 * k].max(tree[2 * k + 1]);
        }
        Bucket {
            members,
            reach,
            tree,
            size,
        }
    }

    /// Calls `hit(q)` for each position `q < p` whose reach is `p` or more.
    fn reaching(&self, p: usize, hit: &mut dyn FnMut(usize)) {
        self.descend(1, 0, self.size, p, hit);
    }

    fn descend(&self, node: usize, lo: usize, hi: usize, p: usize, hit: &mut dyn FnMut(usize)) {
        if lo >= p || self.tree[node] < p {
            return;
        }
        if hi - lo == 1 {
            hit(lo);
            return;
        }
        let mid = (lo + hi) / 2;
        self.descend(2 * node, lo, mid, p, hit);
        self.descend(2 * node + 1, mid, hi, p, hit);
    }
}

/// Aligns the claims of the analysis and gives the verdicts.
pub fn align(analysis: &Analysis) -> Vec<Alignment> {
    let mut out = groups(analysis, None);
    out.extend(roles(analysis));
    sort(&mut out);
    out
}

/// The order of [`align`]'s output: verdict, then the first side's claims,
/// then the slot (stable: ties keep the order of their groups).
pub fn sort(out: &mut [Alignment]) {
    out.sort_by(|a, b| {
        a.verdict
            .cmp(&b.verdict)
            .then_with(|| a.sides[0].claims.cmp(&b.sides[0].claims))
            .then_with(|| a.slot.cmp(&b.slot))
    });
}

/// The comparator's rule ids, for reading alignments back.
const RULES: [&str; 14] = [
    "figure-apart",
    "figure-compatible",
    "figure-revised",
    "one-origin",
    "place-apart",
    "place-contains",
    "place-moved",
    "place-same",
    "same-event",
    "same-role",
    "time-apart",
    "time-same",
    "time-within",
    "turned-down-alike",
];

/// The rule id spelt `s`, if the comparator has one.
pub fn rule_id(s: &str) -> Option<&'static str> {
    RULES.iter().copied().find(|r| *r == s)
}

/// The verdicts of the aligned groups of claims, in group order; with
/// `only`, of the claims of that event alone (groups never mix events, so
/// a set can be compared event by event: [`super::blocks`]).
pub fn groups(analysis: &Analysis, only: Option<&str>) -> Vec<Alignment> {
    let mut recs = records(analysis);
    if let Some(event) = only {
        recs.retain(|r| r.claim.event == event);
    }
    let mut parent: Vec<usize> = (0..recs.len()).collect();
    // Each group's window: a group may not grow past twice the window, so
    // a chain of weekly reports does not become one event spanning years.
    let mut span: Vec<Option<(Date, Date)>> = recs.iter().map(|r| r.window).collect();
    let limit = jiff::Span::new().days(2 * WINDOW_DAYS);
    each_candidate_pair(&recs, |i, j| {
        // Already one group: nothing to decide (and in a dense block, most
        // pairs are).
        let (a, b) = (find(&mut parent, i), find(&mut parent, j));
        if a != b && same_event(&recs[i], &recs[j]) {
            let merged = match (span[a], span[b]) {
                (Some(x), Some(y)) => Some((x.0.min(y.0), x.1.max(y.1))),
                (x, y) => x.or(y),
            };
            if let Some((lo, hi)) = merged
                && lo.checked_add(limit).is_ok_and(|end| hi > end)
            {
                return;
            }
            let (root, child) = (a.min(b), a.max(b));
            parent[child] = root;
            span[root] = merged;
        }
    });
    let mut groups: FxHashMap<usize, Vec<usize>> = FxHashMap::default();
    for i in 0..recs.len() {
        let root = find(&mut parent, i);
        groups.entry(root).or_default().push(i);
    }
    // A group whose claims come from two stories of the set is unrelated
    // claims that met on an event word and a country: no verdict.
    let one_story = |g: &Vec<usize>| {
        let first = recs[g[0]].id.article;
        g.iter()
            .all(|&i| analysis.stories.same(first, recs[i].id.article))
    };
    let mut groups: Vec<Vec<usize>> = groups
        .into_values()
        .filter(|g| g.len() >= 2 && one_story(g))
        .collect();
    groups.sort();
    let mut out = Vec::new();
    for g in groups {
        let members: Vec<&Record<'_>> = g.iter().map(|&i| &recs[i]).collect();
        verdicts(analysis, &members, &mut out);
    }
    out
}

/// The noun phrase an event is called by in topics.
fn event_phrase(event: &str) -> String {
    match event {
        "deaths" | "injuries" | "sanctions" => event.to_string(),
        "talks" => "the talks".to_string(),
        other => format!("the {other}"),
    }
}

fn topic(slot: SlotKind, event: &str) -> String {
    let e = event_phrase(event);
    match slot {
        SlotKind::Place => match event {
            "talks" | "meeting" | "summit" => format!("Venue of {e}"),
            _ => format!("Place of {e}"),
        },
        SlotKind::Time => format!("Date of {e}"),
        SlotKind::Quantity => match event {
            "deaths" | "injuries" => format!("Number of {e}"),
            _ => format!("Figure in {e}"),
        },
        SlotKind::Polarity => format!("Whether {e} happened"),
        SlotKind::Veracity => format!("Whether reports of {e} are true"),
        SlotKind::Role | SlotKind::Event => format!("Reports of {e}"),
    }
}

/// Why a group was aligned: its event, the entities all its claims share
/// (or, if none, those most of them share), and its window.
fn why(analysis: &Analysis, members: &[&Record<'_>]) -> Why {
    let mut counts: FxHashMap<usize, usize> = FxHashMap::default();
    for r in members {
        for &e in &r.entities {
            *counts.entry(e).or_default() += 1;
        }
    }
    // Named by at least half the claims (and two), most named first, four
    // at most: what the claims have in common, not everything they name.
    let half = members.len().div_ceil(2).max(2);
    let mut shared: Vec<(usize, usize)> = counts.into_iter().filter(|&(_, n)| n >= half).collect();
    shared.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    shared.truncate(4);
    let from = members.iter().filter_map(|r| r.window.map(|w| w.0)).min();
    let to = members.iter().filter_map(|r| r.window.map(|w| w.1)).max();
    Why {
        event: members[0].claim.event.clone(),
        shared: shared
            .into_iter()
            .map(|(e, _)| analysis.entities.entities[e].name.clone())
            .collect(),
        from: from.map(|d| d.to_string()),
        to: to.map(|d| d.to_string()),
    }
}

/// A place value of a claim: the most specific place and its country.
#[derive(Debug, Clone)]
struct PlaceValue {
    label: String,
    country: String,
    place: Option<gazetteer::Place>,
}

fn place_value(c: &Claim) -> Option<PlaceValue> {
    let slot = c.place.as_ref()?;
    let country = slot.country.clone()?;
    let place = slot.place.as_ref().and_then(|p| by_id(p.id));
    // The place as the article spells it ("Gomel", not the gazetteer's
    // "Homyel'"), with its country.
    let written = slot.place.as_ref().and_then(|p| {
        slot.parts
            .iter()
            .find(|part| part.place.as_ref().is_some_and(|q| q.id == p.id))
            .map(|part| part.text.clone())
    });
    let label = match &slot.place {
        Some(p) if p.kind == PlaceKind::Country => written.unwrap_or_else(|| p.name.clone()),
        Some(p) => {
            let name = written.unwrap_or_else(|| p.name.clone());
            let region = p.kind == PlaceKind::Region
                && !name.to_lowercase().contains("region")
                && !name.to_lowercase().contains("province")
                && !name.to_lowercase().contains("oblast");
            if region {
                format!("{name} region ({})", p.country)
            } else {
                format!("{name} ({})", p.country)
            }
        }
        None => country.clone(),
    };
    Some(PlaceValue {
        label,
        country,
        place,
    })
}

fn by_id(id: u32) -> Option<gazetteer::Place> {
    gazetteer::by_id(id)
}

/// How two place values relate: 0 same, 1 one contains the other, 2 apart.
fn place_relation(a: &PlaceValue, b: &PlaceValue) -> u8 {
    if a.country != b.country {
        return 2;
    }
    match (&a.place, &b.place) {
        (Some(x), Some(y)) if x.id == y.id => 0,
        (Some(x), Some(y)) => {
            if gazetteer::contains(x, y) || gazetteer::contains(y, x) {
                1
            } else if x.kind == PlaceKind::City && y.kind == PlaceKind::City {
                2
            } else {
                // Two regions, or a region and a city outside it: a city and
                // the region named after it are often confused; call it a
                // refinement only when one contains the other.
                2
            }
        }
        _ => 1,
    }
}

/// Clusters values: each claim joins the first side it is compatible with.
fn sides_by<T>(
    items: Vec<(ClaimId, T)>,
    same: impl Fn(&T, &T) -> bool,
    label: impl Fn(&T) -> String,
) -> Vec<(Side, Vec<T>)> {
    let mut sides: Vec<(Side, Vec<T>)> = Vec::new();
    for (id, v) in items {
        if let Some((side, vals)) = sides
            .iter_mut()
            .find(|(_, vals)| vals.iter().all(|x| same(x, &v)))
        {
            side.claims.push(id);
            vals.push(v);
        } else {
            sides.push((
                Side {
                    value: label(&v),
                    claims: vec![id],
                },
                vec![v],
            ));
        }
    }
    sides
}

/// The number of independent origins among records.
fn origins(members: &[&Record<'_>]) -> usize {
    let mut seen: Vec<&(SourceKind, String)> = Vec::new();
    for r in members {
        if !seen.contains(&&r.origin) {
            seen.push(&r.origin);
        }
    }
    seen.len()
}

/// Whether the later of two claims says the earlier value was revised.
fn revised(a: &Record<'_>, b: &Record<'_>) -> bool {
    let (earlier, later) = if a.date <= b.date { (a, b) } else { (b, a) };
    earlier.date < later.date && later.claim.update_cue.is_some()
}

fn verdicts(analysis: &Analysis, members: &[&Record<'_>], out: &mut Vec<Alignment>) {
    let event = members[0].claim.event.clone();
    let why = why(analysis, members);
    let push = |out: &mut Vec<Alignment>,
                slot: SlotKind,
                verdict: Verdict,
                rule: &'static str,
                sides: Vec<Side>| {
        // More conflicting values than a story's reports give ("40% vs 4%
        // vs three years vs …" from fifty unrelated articles): the group
        // mixes different things, and a list of them helps no one.
        if verdict == Verdict::Contradiction && sides.len() > MAX_SIDES {
            return;
        }
        out.push(Alignment {
            topic: topic(slot, &event),
            event: event.clone(),
            slot,
            verdict,
            rule,
            sides,
            why: why.clone(),
        });
    };
    let asserted: Vec<&&Record<'_>> = members.iter().filter(|r| positive(r.claim)).collect();
    let mut any = false;
    // Place.
    let places: Vec<(ClaimId, (PlaceValue, &Record<'_>))> = asserted
        .iter()
        .filter_map(|r| place_value(r.claim).map(|v| (r.id, (v, **r))))
        .collect();
    if places.len() >= 2 {
        let sides = sides_by(
            places,
            |a, b| place_relation(&a.0, &b.0) < 2,
            |v| v.0.label.clone(),
        );
        any = true;
        if sides.len() >= 2 {
            let moved = sides
                .iter()
                .flat_map(|(_, v)| v.iter())
                .any(|(_, r)| r.claim.update_cue.is_some());
            let (verdict, rule) = if moved {
                (Verdict::Update, "place-moved")
            } else {
                (Verdict::Contradiction, "place-apart")
            };
            push(
                out,
                SlotKind::Place,
                verdict,
                rule,
                sides.into_iter().map(|s| s.0).collect(),
            );
        } else {
            let (side, vals) = sides.into_iter().next().unwrap_or_else(empty_side);
            let refined = vals
                .iter()
                .any(|a| vals.iter().any(|b| place_relation(&a.0, &b.0) == 1));
            let (verdict, rule) = if refined {
                (Verdict::Refinement, "place-contains")
            } else {
                (Verdict::Agreement, "place-same")
            };
            push(
                out,
                SlotKind::Place,
                verdict,
                rule,
                split_refinement(side, &vals),
            );
        }
    }
    // Time.
    let times: Vec<(ClaimId, (TimeValue, &Record<'_>))> = asserted
        .iter()
        .filter_map(|r| {
            r.claim
                .time
                .as_ref()
                .and_then(|t| t.value)
                .map(|v| (r.id, (v, **r)))
        })
        .collect();
    if times.len() >= 2 {
        any = true;
        let sides = sides_by(
            times,
            |a, b| windows_meet(Some((a.0.start, a.0.end)), Some((b.0.start, b.0.end)), 1),
            |v| v.0.to_string(),
        );
        if sides.len() >= 2 && one_off(&event) {
            push(
                out,
                SlotKind::Time,
                Verdict::Contradiction,
                "time-apart",
                sides.into_iter().map(|s| s.0).collect(),
            );
        } else {
            // One side (or, for an event that recurs, each side that more
            // than one article gives): agreement, or refinement when the
            // windows nest at different precisions.
            for (side, vals) in sides {
                let articles: FxHashSet<usize> = side.claims.iter().map(|c| c.article).collect();
                if articles.len() < 2 {
                    continue;
                }
                let nested = vals
                    .iter()
                    .any(|a| vals.iter().any(|b| a.0.precision != b.0.precision));
                let (verdict, rule) = if nested {
                    (Verdict::Refinement, "time-within")
                } else {
                    (Verdict::Agreement, "time-same")
                };
                let split = {
                    let mut by: Vec<Side> = Vec::new();
                    for (id, (v, _)) in side.claims.iter().zip(vals.iter()) {
                        let label = v.to_string();
                        match by.iter_mut().find(|s| s.value == label) {
                            Some(s) => s.claims.push(*id),
                            None => by.push(Side {
                                value: label,
                                claims: vec![*id],
                            }),
                        }
                    }
                    by
                };
                push(out, SlotKind::Time, verdict, rule, split);
            }
        }
    }
    // Quantity.
    let quantities: Vec<(ClaimId, (Quantity, &Record<'_>))> = asserted
        .iter()
        .filter_map(|r| {
            r.claim
                .quantity
                .as_deref()
                .map(|q| (r.id, (q.clone(), **r)))
        })
        .collect();
    if quantities.len() >= 2 {
        any = true;
        let sides = sides_by(
            quantities,
            |a, b| a.0.compatible(&b.0),
            |v| v.0.text.clone(),
        );
        // Two sides disagree only about figures of the same thing: some
        // pair across them counts the same noun ("7 workers" / "12
        // people"), not "27" against "thousands of emails".
        let comparable = sides.iter().enumerate().any(|(i, (_, a))| {
            sides[i + 1..]
                .iter()
                .any(|(_, b)| a.iter().any(|x| b.iter().any(|y| x.0.same_unit(&y.0))))
        });
        // Only the sides that count what another side counts ("$300m" /
        // "$375m", not "three other ex-managers").
        let sides: Vec<_> = if comparable {
            let keep: Vec<bool> = (0..sides.len())
                .map(|i| {
                    sides.iter().enumerate().any(|(j, (_, b))| {
                        j != i
                            && sides[i]
                                .1
                                .iter()
                                .any(|x| b.iter().any(|y| x.0.same_unit(&y.0)))
                    })
                })
                .collect();
            sides
                .into_iter()
                .zip(keep)
                .filter_map(|(s, k)| k.then_some(s))
                .collect()
        } else {
            sides
        };
        if sides.len() >= 2 && !comparable {
            // Figures of different things: nothing to say about them.
        } else if sides.len() >= 2 {
            let all: Vec<&Record<'_>> = sides
                .iter()
                .flat_map(|(_, v)| v.iter().map(|x| x.1))
                .collect();
            let update = all.iter().any(|a| all.iter().any(|b| revised(a, b)));
            let (verdict, rule) = if update {
                (Verdict::Update, "figure-revised")
            } else {
                (Verdict::Contradiction, "figure-apart")
            };
            push(
                out,
                SlotKind::Quantity,
                verdict,
                rule,
                sides.into_iter().map(|s| s.0).collect(),
            );
        } else {
            let (side, vals) = sides.into_iter().next().unwrap_or_else(empty_side);
            let recs: Vec<&Record<'_>> = vals.iter().map(|v| v.1).collect();
            let update = recs.iter().any(|a| recs.iter().any(|b| revised(a, b)))
                && vals
                    .iter()
                    .any(|a| vals.iter().any(|b| a.0.value != b.0.value));
            let (verdict, rule) = if update {
                (Verdict::Update, "figure-revised")
            } else {
                (Verdict::Agreement, "figure-compatible")
            };
            let mut by: Vec<Side> = Vec::new();
            for (id, (q, _)) in side.claims.iter().zip(vals.iter()) {
                match by.iter_mut().find(|s| s.value == q.text) {
                    Some(s) => s.claims.push(*id),
                    None => by.push(Side {
                        value: q.text.clone(),
                        claims: vec![*id],
                    }),
                }
            }
            push(out, SlotKind::Quantity, verdict, rule, by);
        }
    }
    // Polarity.
    let denied: Vec<&&Record<'_>> = members
        .iter()
        .filter(|r| r.claim.polarity == Polarity::Denied)
        .collect();
    let negative: Vec<&&Record<'_>> = members.iter().filter(|r| !positive(r.claim)).collect();
    // The claims a denial answers: those naming what it names (both of two
    // entities when it names two: Minsk denying its forces took part answers
    // "Russian troops used Belarusian territory", not every report of the
    // war).
    let answered: Vec<&&Record<'_>> = asserted
        .iter()
        .copied()
        .filter(|r| {
            denied.iter().any(|d| {
                let shared = d.entities.iter().filter(|e| r.entities.contains(e)).count();
                shared >= d.entities.len().clamp(1, 2)
            })
        })
        .collect();
    // The window rule's denial scope is too wide to set a denial against a
    // report ("Minsk denied that its forces were participating" is not a
    // denial that the attack happened): the parse-based rule of
    // `compare::story` decides denials. Here a denial only keeps the
    // event from being called agreed.
    if !denied.is_empty() && !answered.is_empty() {
        any = true;
    } else if negative.len() >= 2 {
        any = true;
        let value = negative
            .iter()
            .map(|r| r.claim.polarity.as_str())
            .collect::<Vec<_>>()
            .join(" / ");
        push(
            out,
            SlotKind::Polarity,
            Verdict::Agreement,
            "turned-down-alike",
            vec![Side {
                value,
                claims: negative.iter().map(|r| r.id).collect(),
            }],
        );
    }
    // Nothing to compare but the event itself: the articles agree it
    // happened (or it rests on one origin).
    if !any {
        let sides = vec![Side {
            value: "reported".to_string(),
            claims: members.iter().map(|r| r.id).collect(),
        }];
        push(
            out,
            SlotKind::Event,
            Verdict::Agreement,
            "same-event",
            sides,
        );
    }
    if origins(members) == 1 {
        push(
            out,
            SlotKind::Event,
            Verdict::Uncorroborated,
            "one-origin",
            vec![Side {
                value: members[0].origin.1.clone(),
                claims: members.iter().map(|r| r.id).collect(),
            }],
        );
    }
}

/// One side per distinct value of a refinement or agreement.
fn split_refinement(side: Side, vals: &[(PlaceValue, &Record<'_>)]) -> Vec<Side> {
    let mut by: Vec<Side> = Vec::new();
    for (id, (v, _)) in side.claims.iter().zip(vals.iter()) {
        match by.iter_mut().find(|s| s.value == v.label) {
            Some(s) => s.claims.push(*id),
            None => by.push(Side {
                value: v.label.clone(),
                claims: vec![*id],
            }),
        }
    }
    by
}

fn empty_side<T>() -> (Side, Vec<T>) {
    (
        Side {
            value: String::new(),
            claims: Vec::new(),
        },
        Vec::new(),
    )
}

/// Agreements on people's roles: the same role word given to one person in
/// two or more articles ("Presidential aide Vladimir Medinsky", "Medinsky,
/// who is an aide to President Vladimir Putin").
pub fn roles(analysis: &Analysis) -> Vec<Alignment> {
    // (entity, role head) → (article, mention) of each mention with that role.
    let mut by: FxHashMap<(usize, String), Vec<(usize, usize)>> = FxHashMap::default();
    for (ai, item) in analysis.articles.iter().enumerate() {
        for (mi, m) in item.claims.mentions.iter().enumerate() {
            let Some(&e) = analysis.entities.of.get(ai).and_then(|v| v.get(mi)) else {
                continue;
            };
            // Only a role the text gives this mention (before it, or in an
            // appositive after it), not one carried over from an earlier
            // mention.
            let text = &item.article.text;
            let lo = crate::article::floor_char_boundary(text, m.span.start.saturating_sub(48));
            let hi = crate::article::floor_char_boundary(text, (m.span.end + 48).min(text.len()));
            let near = text[lo..hi].to_lowercase();
            for r in &m.role {
                if is_role_head(r) && near.contains(r.as_str()) {
                    by.entry((e, r.clone())).or_default().push((ai, mi));
                }
            }
        }
    }
    let mut out = Vec::new();
    let mut keys: Vec<&(usize, String)> = by.keys().collect();
    keys.sort();
    for key in keys {
        let found = &by[key];
        let mut articles: Vec<usize> = found.iter().map(|f| f.0).collect();
        articles.dedup();
        if articles.len() < 2 {
            continue;
        }
        let (e, role) = key;
        let name = &analysis.entities.entities[*e].name;
        // A role is evidence through the claims of the sentences it is in.
        let claims: Vec<ClaimId> = found
            .iter()
            .filter_map(|&(ai, mi)| {
                let span = analysis.articles[ai].claims.mentions[mi].span;
                analysis.articles[ai]
                    .claims
                    .claims
                    .iter()
                    .position(|c| c.sentence.start <= span.start && span.end <= c.sentence.end)
                    .map(|ci| ClaimId {
                        article: ai,
                        claim: ci,
                    })
            })
            .collect();
        let mut claims = claims;
        claims.dedup_by_key(|c| c.article);
        if claims.len() < 2 {
            continue;
        }
        out.push(Alignment {
            topic: format!("Role of {name}"),
            event: "role".to_string(),
            slot: SlotKind::Role,
            verdict: Verdict::Agreement,
            rule: "same-role",
            sides: vec![Side {
                value: role.clone(),
                claims,
            }],
            why: Why {
                event: "role".to_string(),
                shared: vec![name.clone()],
                from: None,
                to: None,
            },
        });
    }
    out
}

/// Role words that name a role (not its modifiers: "chief", "deputy").
fn is_role_head(word: &str) -> bool {
    crate::grammar::lexicon::classify(word) & crate::grammar::lexicon::class::TITLES != 0
        && !matches!(
            word,
            "chief" | "deputy" | "vice" | "head" | "assistant" | "prime" | "general" | "member"
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The pairs as the comparator listed them before it stopped listing
    /// them: the reference for [`each_candidate_pair`].
    fn candidate_pairs_listed(recs: &[Record<'_>]) -> Vec<(usize, usize)> {
        let start = |r: &Record<'_>| r.window.map(|w| w.0);
        let mut out = Vec::new();
        for mut b in buckets(recs) {
            b.sort_by_key(|&i| (start(&recs[i]), i));
            for x in 0..b.len() {
                for &j in &b[x + 1..] {
                    let i = b[x];
                    // Sorted by start: once a start is past the window, the rest are.
                    if let (Some((_, end_i)), Some((start_j, _))) = (recs[i].window, recs[j].window)
                        && start_j
                            > end_i
                                .checked_add(jiff::Span::new().days(WINDOW_DAYS))
                                .unwrap_or(end_i)
                    {
                        break;
                    }
                    out.push((i.min(j), i.max(j)));
                }
            }
        }
        // A pair met in two blocks (same event, two shared entities) once.
        out.sort_unstable();
        out.dedup();
        out
    }

    #[test]
    fn candidate_pairs_come_in_the_listed_order_sparse_and_dense() {
        let mut sets = vec![crate::ingest::ingest_paths(
            &["fixtures/stories".to_string(), "seeds".to_string()],
            &mut std::io::empty(),
        )];
        // One event in one window, reported 300 times, some without dates.
        let mut dense = crate::ingest::Ingested::default();
        for i in 0..300 {
            let date = if i % 7 == 0 {
                String::new()
            } else {
                format!("date 2022-02-{:02}\n", 1 + i % 27)
            };
            let place = ["Gomel", "Minsk", "Brest"][i % 3];
            dense.read_bytes(
                &format!("d{i}.txt"),
                format!("{date}Talks between Ukraine and Russia were held in {place} on Monday.")
                    .as_bytes(),
                crate::ingest::Format::Text,
            );
        }
        sets.push(dense);
        for ingested in sets {
            let settings = crate::analysis::Settings {
                claims: true,
                ..Default::default()
            };
            let analysis = crate::pipeline::analyse(ingested, &settings);
            let recs = records(&analysis);
            let listed = candidate_pairs_listed(&recs);
            let mut visited = Vec::new();
            each_candidate_pair(&recs, |i, j| visited.push((i, j)));
            assert!(listed.len() > 10, "{}", listed.len());
            assert_eq!(visited, listed);
        }
    }

    #[test]
    fn every_rule_the_comparator_gives_can_be_read_back() {
        // Every kebab-case string literal of this file is a rule id.
        let src = include_str!("align.rs");
        let src = &src[..src.find("#[cfg(test)]").unwrap()];
        let mut found = Vec::new();
        for part in src.split('"').skip(1).step_by(2) {
            let kebab = part.contains('-')
                && part.chars().all(|c| c.is_ascii_lowercase() || c == '-')
                && !part.starts_with('-')
                && !part.ends_with('-');
            if kebab && !found.contains(&part) {
                found.push(part);
            }
        }
        found.sort_unstable();
        assert_eq!(found, RULES.to_vec());
        assert!(RULES.iter().all(|r| rule_id(r) == Some(*r)));
        assert_eq!(rule_id("no-such-rule"), None);
    }

    fn compared(texts: &[String]) -> Vec<Alignment> {
        align(&crate::pipeline::analysed_set(texts))
    }

    fn death_tolls(counts: &[u32]) -> Vec<String> {
        counts
            .iter()
            .enumerate()
            .map(|(i, n)| {
                format!(
                    "date: 2024-03-0{}\n\nAn explosion at a chemical plant in Gdansk killed {n} workers \
                     on Monday, police said.\n",
                    i % 3 + 4
                )
            })
            .collect()
    }

    #[test]
    fn a_contradiction_lists_a_few_values_and_a_mixed_group_none() {
        let contradictions = |a: &[Alignment]| -> Vec<usize> {
            a.iter()
                .filter(|x| x.verdict == Verdict::Contradiction && x.slot == SlotKind::Quantity)
                .map(|x| x.sides.len())
                .collect()
        };
        let two = compared(&death_tolls(&[7, 7, 12]));
        assert_eq!(contradictions(&two), [2], "{two:#?}");
        // Five different tolls are not five reports of one explosion.
        let five = compared(&death_tolls(&[7, 9, 12, 15, 20]));
        assert!(contradictions(&five).is_empty(), "{five:#?}");
    }

    #[test]
    fn claims_of_two_stories_are_not_compared() {
        let contradictions = |a: &[Alignment]| {
            a.iter()
                .filter(|x| x.verdict == Verdict::Contradiction)
                .count()
        };
        // One story: seven dead against twelve.
        let one = death_tolls(&[7, 12]);
        assert_eq!(contradictions(&compared(&one)), 1);
        // The same two sentences inside two articles that tell other
        // stories (a ferry, a budget) met on an event word and a city.
        let ferry = "The ferry Nordlys struck a rock off Skarvik and all forty passengers were \
            taken off by lifeboat crews from Skarvik and Hollen before the Nordlys hull flooded. \
            Captain Ingrid Vold said the Nordlys lost steering in the storm near Skarvik.";
        let budget = "Finance minister Piotr Zaleski unveiled a budget that raises the tobacco \
            tax and cuts motorway spending; the opposition called the Zaleski budget reckless \
            and said the deficit, doubled under Zaleski, would grow with the tobacco tax.";
        let two = [
            format!("{}\n{ferry} {ferry} {ferry}\n", one[0]),
            format!("{}\n{budget} {budget} {budget}\n", one[1]),
        ];
        let analysis = crate::pipeline::analysed_set(&two);
        assert_eq!(analysis.stories.stories.len(), 2);
        assert_eq!(contradictions(&align(&analysis)), 0);
    }
}
