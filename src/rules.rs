//! Rules: what `check` reports. Each rule has a stable kebab-case code (used
//! in every output format, the configuration, suppressions and baselines), a
//! default severity and an explanation (`claimcheck explain CODE`).
//!
//! [`findings`] turns a finished [`Analysis`] into [`Finding`]s: one model
//! that every reporter formats.

use crate::analysis::Analysis;
use crate::article::{ExclusionKind, Span};
use crate::claims::mentions::{EntityKind, Via};
use crate::compare::align::{SlotKind, Verdict};
use crate::grammar::{IssueKind, Kind};
use crate::sources::SourceKind;

pub use crate::finding::{Finding, Location, Related, Rule, Severity, Suppression};

/// What the rules can be told: house-style spellings.
#[derive(Debug, Clone, Default)]
pub struct RuleOptions {
    /// Preferred spellings: when one of an entity's spellings is here, only
    /// the others are flagged.
    pub house_style: Vec<String>,
}

/// FNV-1a, 64 bits: a fingerprint that does not change between versions or
/// platforms (std's hasher may).
use crate::fnv::hex as fnv;

/// Whitespace-collapsed, lowercased text for fingerprints.
fn norm(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Every finding of the analysis, before configuration and baselines, in a
/// stable order.
pub fn findings(analysis: &Analysis, opts: &RuleOptions) -> Vec<Finding> {
    let mut out = Vec::new();
    contradictions(analysis, &mut out);
    conflicts(analysis, &mut out);
    unattributed(analysis, &mut out);
    inconsistent_names(analysis, opts, &mut out);
    unbalanced(analysis, &mut out);
    let copies = crate::compare::copies::near_copies(analysis);
    single_source(analysis, &copies, &mut out);
    anonymous(analysis, &mut out);
    circular(analysis, &copies, &mut out);
    drift(analysis, &mut out);
    out.sort_by(|a, b| {
        (
            a.location.article,
            a.location.span.start,
            a.rule,
            &a.fingerprint,
        )
            .cmp(&(
                b.location.article,
                b.location.span.start,
                b.rule,
                &b.fingerprint,
            ))
    });
    out.dedup_by(|a, b| a.fingerprint == b.fingerprint && a.rule == b.rule);
    out
}

fn finding(
    rule: Rule,
    message: String,
    location: Location,
    label: String,
    fingerprint: String,
) -> Finding {
    Finding {
        rule,
        severity: rule.default_severity(),
        message,
        location,
        label,
        related: Vec::new(),
        notes: Vec::new(),
        source: None,
        fingerprint,
        suppressed: None,
    }
}

fn slice(analysis: &Analysis, loc: Location) -> &str {
    analysis.articles[loc.article].article.slice(loc.span)
}

fn contradictions(analysis: &Analysis, out: &mut Vec<Finding>) {
    for al in &analysis.comparison.alignments {
        if al.verdict != Verdict::Contradiction {
            continue;
        }
        let locate = |id: &crate::compare::align::ClaimId| {
            let c = &analysis.articles[id.article].claims.claims[id.claim];
            let span = crate::compare::model::value_span(c, al.slot).unwrap_or(c.sentence);
            (
                Location {
                    article: id.article,
                    span,
                },
                c,
            )
        };
        let Some(first) = al.sides.first().and_then(|s| s.claims.first()) else {
            continue;
        };
        let values: Vec<&str> = al.sides.iter().map(|s| s.value.as_str()).collect();
        let message = format!("{}: {}", al.topic, values.join(" vs "));
        let (loc, c) = locate(first);
        let mut f = finding(
            Rule::Contradiction,
            message,
            loc,
            al.sides[0].value.clone(),
            String::new(),
        );
        let mut prints: Vec<String> = vec![al.topic.clone(), al.slot.as_str().to_string()];
        let chain = |c: &crate::claims::Claim| {
            let d = c.chain.display();
            if d.is_empty() {
                "the article's own narration".to_string()
            } else {
                d
            }
        };
        f.source = Some(chain(c));
        f.notes.extend(f.source_note());
        for (si, side) in al.sides.iter().enumerate() {
            prints.push(norm(&side.value));
            for (k, id) in side.claims.iter().enumerate() {
                if si == 0 && k == 0 {
                    continue;
                }
                let (loc, c) = locate(id);
                let letter = (b'A' + (si as u8 % 26)) as char;
                f.related.push(Related {
                    location: loc,
                    message: format!("side {letter}: {} (source: {})", side.value, chain(c)),
                });
            }
        }
        for id in al.sides.iter().flat_map(|s| s.claims.iter()) {
            let (loc, _) = locate(id);
            prints.push(norm(slice(analysis, loc)));
        }
        if al.slot == SlotKind::Polarity {
            f.notes
                .push("one source asserts what another denies".to_string());
        }
        f.notes.push(format!("rule {} of the comparator", al.rule));
        let refs: Vec<&str> = prints.iter().map(String::as_str).collect();
        f.fingerprint = fnv(&refs);
        out.push(f);
    }
}

/// The story's conflicts (veracity, denied clauses): two sides, each one
/// sentence with its source.
fn conflicts(analysis: &Analysis, out: &mut Vec<Finding>) {
    for c in &analysis.comparison.conflicts {
        let source = |e: &crate::compare::model::Evidence| {
            let d = e
                .statement
                .and_then(|i| analysis.articles[e.article].chains.get(i))
                .map(crate::sources::Chain::display)
                .unwrap_or_default();
            if d.is_empty() {
                "the article's own narration".to_string()
            } else {
                d
            }
        };
        let [a, b] = &c.sides;
        let mut f = finding(
            Rule::Contradiction,
            format!("{}: {} vs {}", c.topic, a.value, b.value),
            Location {
                article: a.article,
                span: a.cue,
            },
            a.value.clone(),
            String::new(),
        );
        f.source = Some(source(a));
        f.notes.extend(f.source_note());
        f.related.push(Related {
            location: Location {
                article: b.article,
                span: b.cue,
            },
            message: format!("side B: {} (source: {})", b.value, source(b)),
        });
        if c.more > 0 {
            f.notes.push(format!(
                "{} more article{} tell it as side A does",
                c.more,
                if c.more == 1 { "" } else { "s" }
            ));
        }
        f.notes.push(format!("rule {} of the comparator", c.rule));
        let texts: Vec<String> = c
            .sides
            .iter()
            .map(|e| norm(analysis.articles[e.article].article.slice(e.sentence)))
            .collect();
        let mut prints: Vec<&str> = vec![c.topic.as_str(), c.slot.as_str(), c.rule];
        prints.extend(texts.iter().map(String::as_str));
        f.fingerprint = fnv(&prints);
        out.push(f);
    }
}

fn unattributed(analysis: &Analysis, out: &mut Vec<Finding>) {
    for (ai, item) in analysis.articles.iter().enumerate() {
        // One finding per quotation: the same words quoted twice (an
        // embedded post shown twice) are one.
        let mut seen: Vec<&str> = Vec::new();
        for (k, r) in item.statements.iter().enumerate() {
            if r.statement.kind != Kind::Direct || r.speaker.is_some() {
                continue;
            }
            let previous = k.checked_sub(1).map(|p| &item.statements[p]);
            let words = item.article.slice(r.statement.span);
            if seen.contains(&words) || !orphan(item, &r.statement, previous) {
                continue;
            }
            seen.push(words);
            let loc = Location {
                article: ai,
                span: r.statement.span,
            };
            let text = slice(analysis, loc);
            out.push(finding(
                Rule::UnattributedQuote,
                format!(
                    "quote with no speaker: “{}”",
                    crate::article::clip(text, 60)
                ),
                loc,
                "who said this?".to_string(),
                fnv(&["unattributed-quote", &item.article.id, &norm(text)]),
            ));
        }
    }
}

/// Whether a direct quote the grammar gave no speaker is one the text
/// leaves without any: the reader is not told who said it. Not when the
/// rest of its paragraph has a reporting word ("said", "added", "according
/// to", "told", even where the grammar could not tie it to the quote), a
/// colon or a dash opens or closes it ("Martin Allen: “…”", "“…” - Rod
/// Wheeler"), it heads a list item ("- Bolton boss Sam Allardyce “…”"), it
/// continues quoted speech (the statement before it ends in its paragraph
/// or the one before, or the paragraph before ends in a closing mark), it
/// opens a paragraph after one that ends in a colon, names a person in its
/// last sentence or opens an unclosed quote, it is the subject of "is"
/// (a motto or a title), its marks could not be paired, it is a headline (in
/// the first paragraph, under 120 bytes), or it has four words or fewer (a
/// title or a slogan).
fn orphan(
    item: &crate::analysis::AnalyzedArticle,
    st: &crate::grammar::Statement,
    previous: Option<&crate::speakers::Resolved>,
) -> bool {
    let text = &item.article.text;
    let paras = &item.segments.paragraphs;
    let Some(p) = paras
        .iter()
        .position(|para| para.span.start <= st.span.start && st.span.start < para.span.end)
    else {
        return true;
    };
    let para = paras[p].span;
    if st.span.start.saturating_sub(1) <= para.start + 1 && para.end - para.start < 120 && p == 0 {
        return false;
    }
    if item.article.slice(st.span).split_whitespace().count() <= 4 {
        return false;
    }
    if let Some(prev) = previous
        && p > 0
        && prev.statement.span.end >= paras[p - 1].span.start
    {
        return false;
    }
    // Quote marks the grammar could not pair: the text runs on past them
    // ("“It was nice …” said Holmes. “…"), so who said what is unknown.
    if crate::compare::drift::runs_past_its_marks(&item.article, st) {
        return false;
    }
    // A quote opening its paragraph belongs to the paragraph before when
    // that one ends in a colon ("It points out:"), in a closing quote mark
    // (the speaker goes on), or names a person in its last sentence ("…
    // spokeswoman Caitlin Hayden addressed the question." / “…”).
    let starts_paragraph = text[para.start..st.span.start]
        .trim_matches(|c: char| c.is_whitespace() || "\"“‘'«.…".contains(c))
        .is_empty();
    // Inside a paragraph, the sentence before the quote names a person:
    // "Mauresmo spent five weeks at number one. “Since then, I feel …”".
    if !starts_paragraph {
        let sentences = item.segments.sentences_of(p);
        if let Some(before) = sentences.iter().rfind(|s| s.span.end <= st.span.start)
            && item.claims.mentions.iter().any(|m| {
                m.kind == EntityKind::Person
                    && before.span.start <= m.span.start
                    && m.span.end <= before.span.end
            })
        {
            return false;
        }
    }
    if starts_paragraph && p > 0 {
        let prev = paras[p - 1].span;
        let tail = text[prev.start..prev.end].trim_end();
        // A paragraph that opens with a mark and never closes it is a
        // multi-paragraph quote going on here.
        let head = text[prev.start..prev.end].trim_start();
        if tail.ends_with(':')
            || tail.ends_with(['"', '”', '’', '\''])
            || head.starts_with(['"', '“', '‘', '\''])
        {
            return false;
        }
        let last_sentence = item
            .segments
            .sentences_of(p - 1)
            .last()
            .map_or(prev, |s| s.span);
        if item.claims.mentions.iter().any(|m| {
            m.kind == EntityKind::Person
                && last_sentence.start <= m.span.start
                && m.span.end <= last_sentence.end
        }) {
            return false;
        }
    }
    let end = st
        .span
        .end
        .max(st.parts.last().map_or(st.span.end, |s| s.end));
    let para_end = paras
        .iter()
        .find(|q| q.span.start <= end && end <= q.span.end)
        .map_or(para.end, |q| q.span.end);
    let before = &text[para.start..st.span.start];
    // A list item headed by its speaker: "- Bolton boss Sam Allardyce “…”".
    if before.trim_start().starts_with(['-', '–', '—', '•', '*']) {
        return false;
    }
    let after = &text[end.min(para_end)..para_end];
    let opener = before.trim_end_matches(|c: char| c.is_whitespace() || "\"“‘'«".contains(c));
    if opener.ends_with(':')
        || opener.ends_with(" -")
        || opener.ends_with('–')
        || opener.ends_with('—')
    {
        return false;
    }
    let closer = after.trim_start_matches(|c: char| "\"”’'»,.!?".contains(c) || c.is_whitespace());
    // "“Taking responsibility for tough choices” is this year's theme": a
    // name or a motto, not speech.
    if ["is ", "was ", "are ", "were ", "has been "]
        .iter()
        .any(|v| closer.starts_with(v))
    {
        return false;
    }
    if after.len() > closer.len() && ["-", "–", "—"].iter().any(|d| closer.starts_with(d)) {
        return false;
    }
    let reporting = |s: &str| {
        s.split(|c: char| !c.is_alphanumeric()).any(|w| {
            crate::grammar::lexicon::classify(w) & crate::grammar::lexicon::class::CUE_VERBS != 0
                || w.eq_ignore_ascii_case("according")
        })
    };
    !(reporting(before) || reporting(after))
}

/// A spelling and where it occurs: (article, span) of each occurrence.
type Spelling = (String, Vec<(usize, Span)>);

/// The spelling of a variant that inconsistent-name compares: a person's
/// surname, a place's name without a region word.
fn spelling(kind: EntityKind, text: &str) -> String {
    match kind {
        EntityKind::Person => crate::resolve::names::split(text).1.to_string(),
        _ => text
            .split_whitespace()
            .filter(|w| {
                !matches!(
                    w.to_lowercase().as_str(),
                    "region" | "oblast" | "province" | "voblast" | "governorate"
                )
            })
            .collect::<Vec<_>>()
            .join(" "),
    }
}

fn inconsistent_names(analysis: &Analysis, opts: &RuleOptions, out: &mut Vec<Finding>) {
    for e in &analysis.entities.entities {
        if !matches!(
            e.kind,
            EntityKind::Person | EntityKind::Place | EntityKind::Country | EntityKind::Organisation
        ) {
            continue;
        }
        // Spellings and where each first occurs. Metonyms are spellings of
        // the capital ("Kyiv" / "Kiev" standing for Ukraine); demonyms and
        // roles are not spellings.
        let mut groups: Vec<Spelling> = Vec::new();
        // A person's given names, apart: "Steven" / "Stephen" Sotloff.
        let mut given: Vec<Spelling> = Vec::new();
        for v in &e.variants {
            let ok = match e.kind {
                EntityKind::Person => matches!(v.via, Via::Name | Via::Surname),
                EntityKind::Place | EntityKind::Organisation => v.via == Via::Name,
                _ => v.via == Via::Metonym,
            };
            if !ok || !name_like(&v.text) {
                continue;
            }
            let s = spelling(e.kind, &v.text);
            if s.chars().count() < 3 || (e.kind == EntityKind::Person && not_a_surname(&s)) {
                continue;
            }
            add_spelling(&mut groups, s, &v.locations);
            if e.kind == EntityKind::Person
                && let (names, _) = crate::resolve::names::split(&v.text)
                && let Some(first) = names.first()
                && first.trim_end_matches('.').chars().count() >= 3
            {
                add_spelling(&mut given, first.to_string(), &v.locations);
            }
        }
        let mut groups = not_words(word_forms_apart(groups));
        // An organisation's spellings are the same letters (below): no
        // story needs to vouch for them.
        if matches!(e.kind, EntityKind::Person | EntityKind::Place) {
            groups = in_one_story(analysis, groups);
        }
        if e.kind == EntityKind::Organisation {
            // An organisation's names differ in many ways that are not
            // spellings ("ABC", "ABC News"): only the same letters written
            // apart or together, or with other accents, count.
            let key = |s: &str| crate::resolve::names::compact(&s.to_lowercase());
            let Some(first) = groups.first().map(|g| key(&g.0)) else {
                continue;
            };
            groups.retain(|g| key(&g.0) == first);
        }
        if e.kind == EntityKind::Person {
            let given = not_words(word_forms_apart(given));
            if given.len() >= 2 && given_variants(&given) {
                report_spellings(analysis, opts, &e.name, given, out);
            }
        }
        // Metonyms of a country may name different cities ("Kremlin",
        // "Moscow"): only spellings of one place count.
        if e.kind == EntityKind::Country {
            let id = |s: &str| crate::resolve::gazetteer::lookup(s).first().map(|p| p.id);
            let mut by_place: Vec<(Option<u32>, Vec<Spelling>)> = Vec::new();
            for g in groups {
                let k = id(&g.0);
                match by_place.iter_mut().find(|b| b.0 == k) {
                    Some(b) => b.1.push(g),
                    None => by_place.push((k, vec![g])),
                }
            }
            for (k, gs) in by_place {
                if let Some(place) = k.and_then(crate::resolve::gazetteer::by_id) {
                    let name = format!("{} (for {})", place.name, e.name);
                    report_spellings(analysis, opts, &name, gs, out);
                }
            }
            continue;
        }
        report_spellings(analysis, opts, &e.name, groups, out);
    }
}

/// How spelling `b` differs from `a`: "diacritics" (Perón / Peron),
/// "written apart or together" (Al-Fahd / Al Fahd), "transliteration"
/// (Sergei / Sergey), else "N letters apart" (Trivdevil / Tridevil).
fn spelling_difference(a: &str, b: &str) -> Option<String> {
    use crate::resolve::names::{compact, fold};
    if a == b {
        return None;
    }
    let plain = |s: &str| deunicode::deunicode(s).to_lowercase();
    Some(if plain(a) == plain(b) {
        "diacritics".to_string()
    } else if compact(&plain(a)) == compact(&plain(b)) {
        "written apart or together".to_string()
    } else if fold(a) == fold(b) {
        "transliteration".to_string()
    } else {
        match strsim::levenshtein(&a.to_lowercase(), &b.to_lowercase()) {
            1 => "one letter apart".to_string(),
            n => format!("{n} letters apart"),
        }
    })
}

/// Adds an occurrence of spelling `s`; spellings that differ only in case
/// ("WHEELER", "Wheeler") are one, shown as first seen unless that is all
/// capitals.
fn add_spelling(groups: &mut Vec<Spelling>, s: String, locations: &[(usize, Span)]) {
    match groups
        .iter_mut()
        .find(|g| g.0.to_lowercase() == s.to_lowercase())
    {
        Some(g) => {
            if g.0.chars().all(|c| !c.is_lowercase()) && s.chars().any(char::is_lowercase) {
                g.0 = s;
            }
            g.1.extend(locations.iter().copied());
        }
        None => groups.push((s, locations.to_vec())),
    }
}

/// Whether a variant is a name at all: every word capitalised, but for the
/// particles of names ("de", "van", "al-"). "Saudi capital" is a
/// description, not a spelling of Riyadh.
fn name_like(text: &str) -> bool {
    const PARTICLES: &[&str] = &[
        "de", "da", "del", "della", "di", "du", "dos", "das", "van", "von", "der", "den", "ter",
        "la", "le", "al", "el", "bin", "ibn", "of", "and", "the", "y",
    ];
    text.split_whitespace().all(|w| {
        w.chars().next().is_some_and(|c| !c.is_lowercase())
            || PARTICLES.contains(&w.to_lowercase().split('-').next().unwrap_or(""))
    })
}

/// A word a person's surname cannot be: a country, place or demonym of the
/// gazetteer ("Under Argentine" taken for a name leaves "Argentine"), or a
/// nationality noun ("Scot").
fn not_a_surname(s: &str) -> bool {
    // Nationality nouns the gazetteer's country demonyms leave out ("the
    // 22-year-old Scot").
    const NATIONALS: &[&str] = &[
        "scot",
        "scots",
        "brit",
        "brits",
        "welshman",
        "welshwoman",
        "englishman",
        "englishwoman",
        "irishman",
        "irishwoman",
        "kiwi",
        "aussie",
    ];
    NATIONALS.contains(&s.to_lowercase().as_str())
        || crate::resolve::gazetteer::demonym(s).is_some()
        || crate::resolve::gazetteer::lookup(s)
            .iter()
            .any(|p| matches!(p.kind, crate::resolve::gazetteer::PlaceKind::Country))
}

/// Drops the spellings that are another's word form, not its misspelling:
/// a plural or family ("Clintons", "Sotloffs"), an adjective or its people
/// ("Arabian", "Argentine", "Kashmiris"), a possessive.
fn word_forms_apart(mut groups: Vec<Spelling>) -> Vec<Spelling> {
    const ENDINGS: &[&str] = &[
        "s", "es", "'s", "’s", "n", "an", "ian", "ese", "i", "ish", "e", "is", "ans", "ians",
        "ites",
    ];
    let lower: Vec<String> = groups.iter().map(|g| g.0.to_lowercase()).collect();
    let form = |i: usize| {
        lower.iter().enumerate().any(|(j, base)| {
            if i == j {
                return false;
            }
            let word = &lower[i];
            // "Argentina" / "Argentine": the same stem, another ending.
            let stem = |w: &str| w.trim_end_matches(['a', 'e', 'i', 'o']).to_string();
            word.strip_prefix(base.as_str())
                .is_some_and(|rest| ENDINGS.contains(&rest))
                || (stem(word) == stem(base)
                    && crate::resolve::gazetteer::demonym(&groups[i].0).is_some())
        })
    };
    // "Rio" beside "Rio de Janeiro", "Washington" beside "Washington DC": a
    // short form, not another spelling.
    let words = |i: usize| -> Vec<&str> { lower[i].split_whitespace().collect() };
    let short_form = |i: usize| {
        let w = words(i);
        (0..lower.len()).any(|j| {
            let o = words(j);
            j != i && o.len() > w.len() && o.windows(w.len()).any(|x| x == w.as_slice())
        })
    };
    // "Laboratory" / "Laboratories".
    let plural_y = |i: usize| {
        lower[i].strip_suffix("ies").is_some_and(|stem| {
            lower
                .iter()
                .any(|b| b.strip_suffix('y').is_some_and(|s| s == stem))
        })
    };
    let keep: Vec<bool> = (0..groups.len())
        .map(|i| !form(i) && !short_form(i) && !plural_y(i))
        .collect();
    let mut k = keep.into_iter();
    groups.retain(|_| k.next().unwrap_or(true));
    groups
}

/// Keeps the other spellings of a person or place (a typo, a
/// near spelling or a transliteration: "Trivdevil" for "Tridevil",
/// "Wantage" for "Vantage", "Sims" for "Simms") only where they share a
/// story with the main spelling: the same article, or an article of the
/// same story ([`crate::resolve::stories`]). "Marple" in a crime-novel
/// piece is not a misspelt "Marley" of a music story.
fn in_one_story(analysis: &Analysis, groups: Vec<Spelling>) -> Vec<Spelling> {
    let Some(main) = groups
        .iter()
        .max_by_key(|g| (g.1.len(), std::cmp::Reverse(g.1[0])))
    else {
        return groups;
    };
    let mut main_articles: Vec<usize> = main.1.iter().map(|l| l.0).collect();
    main_articles.dedup();
    groups
        .iter()
        .filter(|g| {
            g.0 == main.0
                || g.1.iter().any(|&(a, _)| {
                    main_articles
                        .iter()
                        .any(|&m| m == a || analysis.stories.same(a, m))
                })
        })
        .cloned()
        .collect()
}

/// Drops the one-word spellings that are common English words ("Bottle"
/// beside "Bootle", "Budget" beside "Buddhist"): a capitalised word that a
/// fuzzy match took for a misspelt name; and names of common words only
/// that share no word with the others (a translation). A name that is also a word (Bath)
/// then has no spelling to compare, which costs a finding, never a false
/// one.
fn not_words(mut groups: Vec<Spelling>) -> Vec<Spelling> {
    let lemmas = &crate::syntax::model().lemmatizer;
    let common = |w: &str| lemmas.is_common_word(&w.to_lowercase());
    let words: Vec<Vec<String>> = groups
        .iter()
        .map(|g| g.0.split_whitespace().map(str::to_lowercase).collect())
        .collect();
    // A name of common words only that shares no word with the others is a
    // translation or a description, not a spelling ("White House" beside
    // "Casablanca").
    let letters = |i: usize| words[i].concat();
    let translated = |i: usize| {
        words[i].len() > 1
            && words[i].iter().all(|w| common(w))
            && (0..words.len())
                .filter(|&j| j != i)
                .all(|j| !words[j].iter().any(|w| words[i].contains(w)) && letters(j) != letters(i))
    };
    let keep: Vec<bool> = (0..groups.len())
        .map(|i| !(translated(i) || words[i].len() == 1 && common(&words[i][0])))
        .collect();
    let mut k = keep.into_iter();
    groups.retain(|_| k.next().unwrap_or(true));
    groups
}

/// Whether given names differ as spellings of one name do, not as two
/// names: the same once transliteration-folded ("Sergei", "Sergey"), or at
/// most one letter apart ("Jusin", "Justin"), or two in names of six or more
/// letters ("Steven", "Stephen"). Nicknames ("Jim", "James") and initials
/// are not spellings.
fn given_variants(given: &[Spelling]) -> bool {
    use crate::resolve::names::fold;
    given.iter().enumerate().all(|(i, a)| {
        given[i + 1..].iter().all(|b| {
            let (x, y) = (a.0.to_lowercase(), b.0.to_lowercase());
            let d = strsim::levenshtein(&x, &y);
            fold(&x).to_lowercase() == fold(&y).to_lowercase()
                || d <= 1
                || (d <= 2 && x.chars().count().min(y.chars().count()) >= 6)
        })
    })
}

fn report_spellings(
    analysis: &Analysis,
    opts: &RuleOptions,
    name: &str,
    mut groups: Vec<Spelling>,
    out: &mut Vec<Finding>,
) {
    if groups.len() < 2 {
        return;
    }
    for g in &mut groups {
        g.1.sort();
    }
    groups.sort_by(|a, b| a.1[0].cmp(&b.1[0]));
    // A house-style entry may be a full name: its surname and given name
    // are the preferred spellings of those parts.
    let preferred = groups.iter().position(|g| {
        opts.house_style.iter().any(|h| {
            let (given, surname) = crate::resolve::names::split(h);
            *h == g.0 || surname == g.0 || given.first() == Some(&g.0.as_str())
        })
    });
    let all: Vec<String> = groups
        .iter()
        .map(|g| {
            let (ai, span) = g.1[0];
            let a = &analysis.articles[ai].article;
            format!("{} ({}:{})", g.0, a.id, a.line(span.start))
        })
        .collect();
    // Flag the spellings that are not the house style (or, with none set,
    // every spelling after the first seen).
    let flagged: Vec<usize> = (0..groups.len())
        .filter(|&i| match preferred {
            Some(p) => i != p,
            None => i != 0,
        })
        .collect();
    let Some(&first) = flagged.first() else {
        return;
    };
    let (ai, span) = groups[first].1[0];
    let message = match preferred {
        Some(p) => format!(
            "{name} is spelt {} ways; the house style is {}",
            groups.len(),
            groups[p].0
        ),
        None => format!("{name} is spelt {} ways: {}", groups.len(), all.join(", ")),
    };
    let mut f = finding(
        Rule::InconsistentName,
        message,
        Location { article: ai, span },
        match spelling_difference(&groups[preferred.unwrap_or(0)].0, &groups[first].0) {
            Some(why) => format!("spelt {} ({why})", groups[first].0),
            None => format!("spelt {}", groups[first].0),
        },
        String::new(),
    );
    // Each spelling where it first occurs.
    for g in &groups {
        let (ai, span) = g.1[0];
        if (ai, span) != (f.location.article, f.location.span) {
            let base = &groups[preferred.unwrap_or(0)].0;
            let message = match spelling_difference(base, &g.0) {
                Some(why) => format!("spelt {} ({why})", g.0),
                None => format!("spelt {}", g.0),
            };
            f.related.push(Related {
                location: Location { article: ai, span },
                message,
            });
        }
    }
    let mut spellings: Vec<String> = groups.iter().map(|g| g.0.to_lowercase()).collect();
    spellings.sort();
    let mut parts = vec!["inconsistent-name".to_string(), name.to_lowercase()];
    parts.extend(spellings);
    let refs: Vec<&str> = parts.iter().map(String::as_str).collect();
    f.fingerprint = fnv(&refs);
    out.push(f);
}

fn unbalanced(analysis: &Analysis, out: &mut Vec<Finding>) {
    for (ai, item) in analysis.articles.iter().enumerate() {
        for issue in &item.issues {
            let (message, label) = match issue.kind {
                IssueKind::UnclosedQuote => ("quote mark never closes", "opened here"),
                IssueKind::UnopenedQuote => {
                    ("closing quote mark with nothing open", "closes nothing")
                }
                IssueKind::NestingTooDeep => ("quotes nested too deeply to resolve", "too deep"),
            };
            let loc = Location {
                article: ai,
                span: issue.span,
            };
            // The words after the mark identify it across edits above it.
            let text = &item.article.text;
            let end =
                crate::article::floor_char_boundary(text, (issue.span.end + 40).min(text.len()));
            out.push(finding(
                Rule::UnbalancedQuote,
                message.to_string(),
                loc,
                label.to_string(),
                fnv(&[
                    "unbalanced-quote",
                    &item.article.id,
                    &norm(&text[issue.span.start..end]),
                ]),
            ));
        }
    }
}

fn single_source(
    analysis: &Analysis,
    copies: &[crate::compare::copies::CopyGroup],
    out: &mut Vec<Finding>,
) {
    // The copy group of each article: a claim repeated only by near-copies
    // of one text is that copy, which circular-reporting reports once.
    let mut group: Vec<Option<usize>> = vec![None; analysis.articles.len()];
    for (g, c) in copies.iter().enumerate() {
        for &m in &c.members {
            group[m] = Some(g);
        }
    }
    for al in &analysis.comparison.alignments {
        if al.verdict != Verdict::Uncorroborated {
            continue;
        }
        let ids = &repeated(analysis, &al.sides[0].claims);
        let articles: std::collections::BTreeSet<usize> = ids.iter().map(|c| c.article).collect();
        if articles.len() < 2 {
            continue;
        }
        let first_group = articles.first().and_then(|&a| group[a]);
        if first_group.is_some() && articles.iter().all(|&a| group[a] == first_group) {
            continue;
        }
        let Some(first) = ids.first() else { continue };
        let c = &analysis.articles[first.article].claims.claims[first.claim];
        let loc = Location {
            article: first.article,
            span: c.trigger,
        };
        // The claim in its own words: the alignment's topic names an event
        // type, which a repeated quote often is not ("demonstrated" read as
        // a protest).
        let said = crate::article::clip(
            analysis.articles[first.article]
                .article
                .slice(c.sentence)
                .trim(),
            70,
        );
        let mut f = finding(
            Rule::SingleSource,
            format!(
                "“{said}” is repeated by {} articles but traces to one origin: {}",
                articles.len(),
                al.sides[0].value
            ),
            loc,
            "one origin".to_string(),
            String::new(),
        );
        for id in &ids[1..] {
            let c = &analysis.articles[id.article].claims.claims[id.claim];
            f.related.push(Related {
                location: Location {
                    article: id.article,
                    span: c.trigger,
                },
                message: "same origin".to_string(),
            });
        }
        let mut parts: Vec<String> = vec![
            "single-source".into(),
            al.topic.clone(),
            norm(&al.sides[0].value),
        ];
        for id in ids {
            let c = &analysis.articles[id.article].claims.claims[id.claim];
            parts.push(norm(
                analysis.articles[id.article].article.slice(c.sentence),
            ));
        }
        let refs: Vec<&str> = parts.iter().map(String::as_str).collect();
        f.fingerprint = fnv(&refs);
        out.push(f);
    }
}

/// The claims of a group that another article repeats: a sentence sharing
/// at least three fifths of the shorter one's words (of three letters or
/// more). Claims aligned on an event word and a source alone ("the right to
/// detain without trial" / "judges would issue detention orders") are not
/// one claim repeated. Each claim is compared with at most 64 others.
fn repeated(
    analysis: &Analysis,
    ids: &[crate::compare::align::ClaimId],
) -> Vec<crate::compare::align::ClaimId> {
    let words: Vec<rustc_hash::FxHashSet<String>> = ids
        .iter()
        .map(|id| {
            let item = &analysis.articles[id.article];
            let c = &item.claims.claims[id.claim];
            item.article
                .slice(c.sentence)
                .split(|ch: char| !ch.is_alphanumeric())
                .filter(|w| w.chars().count() >= 3)
                .map(str::to_lowercase)
                .collect()
        })
        .collect();
    let same = |x: usize, y: usize| {
        let (a, b) = (&words[x], &words[y]);
        let shared = a.intersection(b).count();
        let smaller = a.len().min(b.len());
        smaller > 0 && shared * 5 >= smaller * 3
    };
    (0..ids.len())
        .filter(|&x| {
            (0..ids.len())
                .filter(|&y| ids[y].article != ids[x].article)
                .take(64)
                .any(|y| same(x, y))
        })
        .map(|x| ids[x])
        .collect()
}

fn anonymous(analysis: &Analysis, out: &mut Vec<Finding>) {
    for (ai, item) in analysis.articles.iter().enumerate() {
        // One finding per mention of the source: "officials told the family
        // …, and indicated that …" is one anonymous source of two claims.
        let mut at: rustc_hash::FxHashMap<Span, usize> = rustc_hash::FxHashMap::default();
        for (r, chain) in item.statements.iter().zip(&item.chains) {
            let Some(origin) = chain.origin() else {
                continue;
            };
            if origin.kind != SourceKind::Anonymous {
                continue;
            }
            let span = origin.mention.unwrap_or(r.statement.span);
            if let Some(&k) = at.get(&span) {
                let f: &mut Finding = &mut out[k];
                let claims = 1 + f.related.len() + 1;
                f.message = format!(
                    "{claims} claims attributed to an anonymous source: {}",
                    origin.name
                );
                f.related.push(Related {
                    location: Location {
                        article: ai,
                        span: r.statement.span,
                    },
                    message: "claim".to_string(),
                });
                continue;
            }
            let loc = Location { article: ai, span };
            let text = item.article.slice(r.statement.span);
            let mut f = finding(
                Rule::AnonymousSource,
                format!("claim attributed to an anonymous source: {}", origin.name),
                loc,
                "anonymous".to_string(),
                fnv(&["anonymous-source", &item.article.id, &norm(text)]),
            );
            f.notes.push(format!("chain: {}", chain.display()));
            at.insert(span, out.len());
            out.push(f);
        }
    }
}

/// Where an article-level finding points: the article's first sentence.
fn first_sentence(analysis: &Analysis, article: usize) -> Span {
    analysis.articles[article]
        .segments
        .sentences
        .first()
        .map(|s| s.span)
        .unwrap_or_default()
}

fn circular(
    analysis: &Analysis,
    copies: &[crate::compare::copies::CopyGroup],
    out: &mut Vec<Finding>,
) {
    // Near-copies of one text, however many: one finding per group.
    for g in copies {
        let ids: Vec<&str> = g
            .members
            .iter()
            .map(|&m| analysis.articles[m].article.id.as_str())
            .collect();
        let share = if (g.high - g.low) * 100.0 < 1.0 {
            format!(
                "{:.0}% of the shorter's wording is in the other",
                g.high * 100.0
            )
        } else {
            format!(
                "{:.0}–{:.0}% of the shorter's wording is in the other",
                g.low * 100.0,
                g.high * 100.0
            )
        };
        let earliest = g.earliest.map_or(String::new(), |e| {
            let a = &analysis.articles[e].article;
            let date = a.date.map(|d| d.to_string()).unwrap_or_default();
            format!("; the earliest is {} ({date})", a.id)
        });
        let message = if let [a, b] = ids[..] {
            format!(
                "{a} and {b} are near-copies of one text ({share}{earliest}); their agreement counts once"
            )
        } else {
            let named = ids.iter().take(5).copied().collect::<Vec<_>>().join(", ");
            let more = if ids.len() > 5 {
                format!(" and {} more", ids.len() - 5)
            } else {
                String::new()
            };
            format!(
                "{} articles are near-copies of one text ({share}{earliest}): {named}{more}; their agreement counts once",
                ids.len()
            )
        };
        let mut key = vec!["circular-reporting"];
        key.extend(&ids);
        // Shown at the latest copy (the last, where dates say nothing), with
        // the stretch each copy shares.
        let shown = g
            .members
            .iter()
            .enumerate()
            .max_by_key(|&(k, &m)| (analysis.articles[m].article.date, k))
            .map_or(0, |(k, _)| k);
        let at = |k: usize| {
            let span = g.copied[k];
            let m = g.members[k];
            Location {
                article: m,
                span: if span.is_empty() {
                    first_sentence(analysis, m)
                } else {
                    span
                },
            }
        };
        let mut f = finding(
            Rule::CircularReporting,
            message,
            at(shown),
            "copied text".to_string(),
            fnv(&key),
        );
        for k in (0..g.members.len()).filter(|&k| k != shown) {
            f.related.push(Related {
                location: at(k),
                message: if Some(g.members[k]) == g.earliest {
                    "the earliest copy".to_string()
                } else {
                    "the other copy".to_string()
                },
            });
        }
        out.push(f);
    }
    // Outlets citing each other: article A (from outlet X) relays outlet Y,
    // and an article from Y relays X.
    let mut cites: Vec<(usize, String, String)> = Vec::new(); // (article, from outlet, cited)
    for (ai, item) in analysis.articles.iter().enumerate() {
        let Some(from) = &item.article.outlet else {
            continue;
        };
        for chain in &item.chains {
            for l in chain.0.iter().skip(1) {
                if l.kind == SourceKind::Outlet && !l.name.eq_ignore_ascii_case(from) {
                    cites.push((ai, from.clone(), l.name.clone()));
                }
            }
        }
    }
    cites.sort();
    cites.dedup();
    for (ai, from, to) in &cites {
        if from.to_lowercase() > to.to_lowercase() {
            continue;
        }
        if let Some((bi, _, _)) = cites
            .iter()
            .find(|(_, f2, t2)| f2.eq_ignore_ascii_case(to) && t2.eq_ignore_ascii_case(from))
        {
            let span = |a: usize| first_sentence(analysis, a);
            let mut f = finding(
                Rule::CircularReporting,
                format!("{from} and {to} cite each other"),
                Location {
                    article: *ai,
                    span: span(*ai),
                },
                format!("{from} cites {to}"),
                fnv(&[
                    "circular-reporting",
                    &from.to_lowercase(),
                    &to.to_lowercase(),
                ]),
            );
            f.related.push(Related {
                location: Location {
                    article: *bi,
                    span: span(*bi),
                },
                message: format!("{to} cites {from}"),
            });
            out.push(f);
        }
    }
}

fn drift(analysis: &Analysis, out: &mut Vec<Finding>) {
    for d in &analysis.comparison.drifts {
        let quote = |id: crate::compare::drift::QuoteId| Location {
            article: id.article,
            span: analysis.articles[id.article].statements[id.statement]
                .statement
                .span,
        };
        // The words both quote, not the whole of a longer quote.
        let (a, b) = (
            Location {
                article: d.a.article,
                span: d.a_stretch,
            },
            Location {
                article: d.b.article,
                span: d.b_stretch,
            },
        );
        let mut f = finding(
            Rule::QuoteDrift,
            format!("quote of {} worded differently across articles", d.speaker),
            b,
            "this wording".to_string(),
            fnv(&[
                "quote-drift",
                &d.speaker.to_lowercase(),
                &norm(slice(analysis, a)),
                &norm(slice(analysis, b)),
            ]),
        );
        f.related.push(Related {
            location: a,
            message: "other wording".to_string(),
        });
        // Every other article with either wording, so one finding covers a
        // wording however many outlets repeat it.
        for (copies, message) in [
            (&d.b_copies, "this wording"),
            (&d.a_copies, "other wording"),
        ] {
            for &id in copies {
                f.related.push(Related {
                    location: quote(id),
                    message: message.to_string(),
                });
            }
        }
        let diff: String = d
            .diff
            .iter()
            .map(|p| match p.op {
                "removed" => format!("[-{}-]", p.text),
                "added" => format!("{{+{}+}}", p.text),
                _ => p.text.clone(),
            })
            .collect();
        let changed: Vec<String> = d
            .changes
            .iter()
            .map(|c| match (c.removed.is_empty(), c.added.is_empty()) {
                (true, _) => format!("“{}” added", c.added),
                (_, true) => format!("“{}” left out", c.removed),
                _ => format!("“{}” → “{}”", c.removed, c.added),
            })
            .collect();
        f.notes.push(format!(
            "changed (other wording → this one): {}",
            changed.join("; ")
        ));
        f.notes.push(format!("diff: {diff}"));
        out.push(f);
    }
}

/// Inline suppressions: in an article, `<!-- claimcheck-disable-next-line
/// RULE … -->` (no rule: every rule) suppresses the findings located on the
/// next non-blank line.
pub fn suppress_inline(analysis: &Analysis, findings: &mut [Finding]) {
    const MARK: &str = "claimcheck-disable-next-line";
    for (ai, item) in analysis.articles.iter().enumerate() {
        let article = &item.article;
        let text = &article.text;
        // Only a real comment of the format counts (Markdown's HTML
        // comments): the same words in article text, a quotation or a JSON
        // Lines record are the article's content, not an instruction.
        for region in &article.excluded {
            let comment = article.slice(region.span);
            if region.kind != ExclusionKind::Markup || !comment.starts_with("<!--") {
                continue;
            }
            let Some(inner) = comment
                .strip_prefix("<!--")
                .and_then(|c| c.strip_suffix("-->"))
                .and_then(|c| c.trim_start().strip_prefix(MARK))
            else {
                continue;
            };
            let rules: Vec<&str> = inner
                .split(|c: char| c.is_whitespace() || c == ',')
                .filter(|w| !w.is_empty())
                .collect();
            // The next line with text after the comment.
            let after = region.span.end;
            let Some(nl) = text[after..].find('\n') else {
                continue;
            };
            let mut line_start = after + nl + 1;
            while text[line_start..].starts_with(['\n', '\r']) {
                line_start += 1;
            }
            let target = article.line(line_start);
            for f in findings.iter_mut() {
                if f.location.article == ai
                    && article.line(f.location.span.start) == target
                    && (rules.is_empty() || rules.contains(&f.rule.code()))
                    && f.suppressed.is_none()
                {
                    f.suppressed = Some(Suppression::Inline {
                        marker: Location {
                            article: ai,
                            span: region.span,
                        },
                    });
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_kebab_case_and_round_trip() {
        let mut codes: Vec<&str> = Rule::ALL.iter().map(|r| r.code()).collect();
        for (r, c) in Rule::ALL.iter().zip(&codes) {
            assert_eq!(Rule::from_code(c), Some(*r));
            assert!(c.chars().all(|ch| ch.is_ascii_lowercase() || ch == '-'));
            let json = serde_json::to_string(r).unwrap();
            assert_eq!(json, format!("\"{c}\""));
        }
        codes.sort();
        codes.dedup();
        assert_eq!(codes.len(), Rule::ALL.len());
    }

    #[test]
    fn fingerprints_are_stable_values() {
        // A fixed input must give a fixed fingerprint on every platform and
        // release: baselines depend on it.
        assert_eq!(fnv(&["quote-drift", "a"]), fnv(&["quote-drift", "a"]));
        assert_ne!(fnv(&["ab", "c"]), fnv(&["a", "bc"]));
        assert_eq!(fnv(&[""]).len(), 16);
    }

    const STORY: &str = "The ferry from Harbourton to the island was cancelled on Monday after the storm damaged the pier, and the port authority said repairs would take at least two weeks before any crossing could resume.";
    const OTHER: &str = "A new library opened in the old town hall on Saturday, with a reading room for children, a café on the ground floor and a collection of local maps that the council bought from a private collector last year.";

    fn near_copies(texts: &[&str]) -> Vec<Finding> {
        let analysis = crate::pipeline::analysed_set(texts);
        findings(&analysis, &RuleOptions::default())
            .into_iter()
            .filter(|f| f.rule == Rule::CircularReporting)
            .collect()
    }

    #[test]
    fn copies_of_one_story_are_one_finding_however_many() {
        for n in [2, 3, 60, 100, 300] {
            let mut texts = vec![OTHER];
            texts.extend(std::iter::repeat_n(STORY, n));
            let found = near_copies(&texts);
            assert_eq!(found.len(), 1, "{n} copies");
            assert_eq!(found[0].related.len(), n - 1, "{n} copies");
            // The unrelated article is in no group.
            assert!(found[0].related.iter().all(|r| r.location.article != 0));
            assert_ne!(found[0].location.article, 0);
        }
        assert!(near_copies(&[STORY, OTHER]).is_empty());
    }

    /// The spellings each inconsistent-name finding of the set names.
    fn spellings(texts: &[&str]) -> Vec<Vec<String>> {
        let analysis = crate::pipeline::analysed_set(texts);
        let mut out = Vec::new();
        inconsistent_names(&analysis, &RuleOptions::default(), &mut out);
        out.iter()
            .map(|f| {
                let mut s: Vec<String> = std::iter::once(&f.label)
                    .chain(f.related.iter().map(|r| &r.message))
                    .map(|m| {
                        let m = m.trim_start_matches("spelt ");
                        m.split(" (").next().unwrap_or(m).to_string()
                    })
                    .collect();
                s.sort();
                s
            })
            .collect()
    }

    #[test]
    fn a_given_name_spelt_two_ways_is_a_finding_a_nickname_is_not() {
        let found = spellings(&[
            "The reporter Stephen Halvorsen filed the story from the harbour on Monday.",
            "Steven Halvorsen, the reporter, said the harbour was closed on Monday.",
        ]);
        assert_eq!(
            found,
            vec![vec!["Stephen".to_string(), "Steven".to_string()]]
        );
        assert_eq!(
            spelling_difference("Stephen", "Steven").as_deref(),
            Some("2 letters apart")
        );
        assert_eq!(
            spelling_difference("Perón", "Peron").as_deref(),
            Some("diacritics")
        );
        assert_eq!(
            spelling_difference("Sergei", "Sergey").as_deref(),
            Some("transliteration")
        );
        let nickname = spellings(&[
            "The reporter James Halvorsen filed the story from the harbour on Monday.",
            "Jim Halvorsen, the reporter, said the harbour was closed on Monday.",
        ]);
        assert!(nickname.is_empty(), "{nickname:?}");
    }

    #[test]
    fn case_plurals_and_adjectives_are_not_spellings() {
        // Capitals in a byline, a family plural, a demonym.
        let found = spellings(&[
            "The detective Marek Oswiecki said the case was closed. By MAREK OSWIECKI.",
            "The Oswieckis left town. Marek Oswiecki said he had nothing to add.",
        ]);
        assert!(found.is_empty(), "{found:?}");
        assert!(!name_like("Saudi capital"));
        assert!(name_like("Cristina Fernández de Kirchner"));
        assert!(name_like("Abdul Rahman al-Fahd"));
        let forms = word_forms_apart(vec![
            ("Argentina".to_string(), Vec::new()),
            ("Argentine".to_string(), Vec::new()),
            ("Clinton".to_string(), Vec::new()),
            ("Clintons".to_string(), Vec::new()),
        ]);
        let kept: Vec<&str> = forms.iter().map(|g| g.0.as_str()).collect();
        assert_eq!(kept, ["Argentina", "Clinton"]);
    }

    #[test]
    fn only_a_quote_the_text_leaves_without_a_speaker_is_unattributed() {
        let flagged = |text: &str| -> Vec<String> {
            let analysis = crate::pipeline::analysed_set(&[text]);
            let mut out = Vec::new();
            unattributed(&analysis, &mut out);
            out.iter()
                .map(|f| {
                    analysis.articles[0]
                        .article
                        .slice(f.location.span)
                        .to_string()
                })
                .collect()
        };
        let orphan = "The harbour stayed shut after the storm.\n\n\"Nothing has been decided about the ferries yet.\"\n";
        assert_eq!(
            flagged(orphan),
            ["Nothing has been decided about the ferries yet."]
        );
        for attributed in [
            // A headline.
            "\"No ferries this week\"\n\nThe harbour stayed shut after the storm.\n",
            // A colon at the end of the paragraph before.
            "The harbour master put it plainly:\n\n\"Nothing has been decided about the ferries yet.\"\n",
            // A person named just before.
            "The question went to harbour master Ana Ruiz.\n\n\"Nothing has been decided about the ferries yet.\"\n",
            // A person named in the sentence before, in the paragraph.
            "The harbour stayed shut. Harbour master Ana Ruiz spent the night on the quay. \"Nothing has been decided about the ferries yet.\"\n",
            // A list item headed by its speaker.
            "The harbour stayed shut.\n\n- Harbour master Ana Ruiz \"Nothing has been decided about the ferries yet.\"\n",
            // A reporting word in the paragraph, though not tied to it.
            "The harbour stayed shut.\n\n\"Nothing has been decided about the ferries yet,\" the harbour office added in a note.\n",
            // A motto.
            "The harbour stayed shut.\n\n\"Safe ferries for every island\" is the new slogan of the port.\n",
        ] {
            assert!(flagged(attributed).is_empty(), "{attributed}");
        }
    }

    #[test]
    fn a_spelling_counts_only_within_one_story() {
        let ferry = |name: &str| {
            format!(
                "The ferry Nordlys struck a rock off Skarvik and forty passengers were taken off \
                 by lifeboats from Hollen. The harbour master {name} said the Nordlys hull \
                 flooded near Skarvik. Divers will inspect the Nordlys on Thursday."
            )
        };
        let budget = |name: &str| {
            format!(
                "Finance minister Piotr Zaleski unveiled a budget that raises the tobacco tax; \
                 the economist {name} said the Zaleski budget and its tobacco tax would not \
                 close a deficit that doubled under Zaleski."
            )
        };
        // One story: "Simms" and "Sims" are one man spelt two ways.
        let one = spellings(&[&ferry("Tom Simms"), &ferry("Tom Sims")]);
        assert_eq!(one.len(), 1, "{one:?}");
        // Two stories: two men, whatever the entity table merged.
        let two = spellings(&[
            &ferry("Tom Simms"),
            &budget("Tom Sims"),
            &ferry("Tom Simms"),
            &budget("Tom Sims"),
        ]);
        assert!(two.is_empty(), "{two:?}");
        // A people's name is not a place's spelling, a nationality noun is
        // not a surname, a translation is not a spelling.
        let forms = word_forms_apart(vec![
            ("Kashmir".to_string(), Vec::new()),
            ("Kashmiris".to_string(), Vec::new()),
        ]);
        assert_eq!(forms.len(), 1);
        assert!(not_a_surname("Scot"));
        let kept = not_words(vec![
            ("Casablanca".to_string(), Vec::new()),
            ("White House".to_string(), Vec::new()),
        ]);
        assert_eq!(kept.len(), 1);
        assert_eq!(kept[0].0, "Casablanca");
    }

    #[test]
    fn names_written_apart_or_together_are_spellings() {
        let found = spellings(&[
            "The cleric Abdul Rahman Al-Fahd spoke at the mosque on Friday. Al-Fahd said more.",
            "Later Abdul Rahman Al Fahd told the crowd to go home.",
        ]);
        assert_eq!(
            found,
            vec![vec!["Al Fahd".to_string(), "Al-Fahd".to_string()]]
        );
        let outlets = spellings(&[
            "The site Harbour Online reported the closure first.",
            "HarbourOnline said the harbour would reopen, and the Harbour Gazette agreed.",
        ]);
        assert_eq!(
            outlets,
            vec![vec![
                "Harbour Online".to_string(),
                "HarbourOnline".to_string()
            ]]
        );
    }
}
