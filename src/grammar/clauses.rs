//! Reported speech read off the parse: the statements the token rules miss
//! because a clause boundary or a subject needs the sentence's structure.
//!
//! A reporting verb (a cue of the [`Lexicon`]) whose complement clause
//! (`ccomp`) holds what was said gives an indirect statement: the clause's
//! words are the content, the verb's subject (through a relative pronoun to
//! the noun it stands for, through a coordination or an adverbial participle
//! to the subject of the verb it hangs on) the speaker. A verb that asks or
//! urges (`urged residents to conserve water`) reports its `to` clause.
//!
//! A naming verb says what it calls its object ("called the plan a
//! mess"); a quote in the argument of a reporting or naming verb makes a
//! mixed statement.
//!
//! The pass adds what the token rules did not find: a clause that overlaps
//! a statement already found is left to it, except a partial quote, or a
//! direct quote that is only part of the clause, which become quotes nested
//! in it (a mixed quote). It also checks what they found: content with no
//! verb is dropped, a quote without a speaker (or with one only carried
//! over) takes the subject of the verb it hangs on, and a speaker read
//! inside a prepositional phrase gives way to the verb's subject. Linear in
//! the sentence: the children and each word's subtree bounds come from one
//! pass, statements are looked up by binary search.

use super::lexicon::Lexicon;
use super::{Kind, Nested, Statement};
use crate::article::Span;
use crate::segment::Segmented;
use crate::syntax::{Syntax, Token, children};

/// Verbs of thinking, not saying: "I believe it works" reports a belief,
/// and the corpora do not count it as a statement.
const COGNITION: &[&str] = &[
    "believe",
    "think",
    "hope",
    "know",
    "feel",
    "fear",
    "suspect",
    "expect",
    "worry",
    "wonder",
    "guess",
    "assume",
    "figure",
    "imagine",
    "doubt",
    "understand",
    "realize",
    "realise",
    "see",
];

/// Reported clauses of fewer words are not statements.
const MIN_WORDS: usize = 3;

/// Words of a subject beyond which the speaker is cut at its head noun.
const MAX_SPEAKER_WORDS: usize = 12;

/// Adds to `found` (the token rules' statements, sorted by start) the
/// statements the parse finds that it does not hold; a direct quote that is
/// only part of a reported clause becomes the clause's partial quote. Keeps
/// `found` sorted.
pub fn add(
    text: &str,
    seg: &Segmented,
    syntax: &Syntax,
    lex: &Lexicon,
    found: &mut Vec<Statement>,
) {
    let mut out = Vec::new();
    let mut demote = Vec::new();
    let mut drop = Vec::new();
    let mut held = Vec::new();
    let mut voiced = Vec::new();
    let mut adopted = Vec::new();
    for sentence in &syntax.sentences {
        let tokens = &sentence.tokens;
        if tokens.len() < MIN_WORDS + 2 {
            continue;
        }
        let paragraph = seg
            .sentences
            .get(sentence.sentence)
            .map_or(0, |s| s.paragraph);
        let tree = Tree::new(tokens);
        let first = out.len();
        for v in 0..tokens.len() {
            if let Some((st, d)) = reported(text, &tree, v, lex, found, paragraph) {
                out.push(st);
                demote.extend(d);
            }
        }
        let (start, end) = (tokens[0].span.start, tokens[tokens.len() - 1].span.end);
        let from = found.partition_point(|s| s.span.start < start);
        let here = found[from..].partition_point(|s| s.span.start < end) + from;
        // The words each statement of the sentence holds, for the quotes
        // below: whether a clause already covers them.
        let mut covered = vec![false; tokens.len()];
        let stated = found[from..here]
            .iter()
            .filter(|s| matches!(s.kind, Kind::Indirect | Kind::Direct))
            .chain(&out[first..]);
        for st in stated {
            let (a, b) = tree.words_in(st.span);
            covered[a..b].iter_mut().for_each(|c| *c = true);
        }
        for (i, st) in found[from..here].iter().enumerate() {
            if vacuous(text, &tree, st) {
                drop.push(from + i);
            }
        }
        // A "direct" quote inside the content of an indirect statement
        // ("called the claims “unsubstantiated.” Bauman said …"), with an
        // attribution from outside it, is that statement's partial quote,
        // by its speaker.
        let mut open: Option<&Statement> = None;
        for (i, q) in found[from..here].iter().enumerate() {
            if q.kind == Kind::Indirect && q.parts.len() == 1 {
                open = Some(q);
                continue;
            }
            if q.kind == Kind::Direct
                && woven(text, q.span)
                && let Some(holder) = open
                && holder.span.contains(q.span)
                && holder.nested.iter().any(|n| n.span == q.span)
                // A quote attributed inside the content ("…,” Coast Radio
                // reported, the Gazette said") keeps its own speaker.
                && q.cue.is_none_or(|c| !holder.span.contains(c))
            {
                adopted.push((from + i, holder.speaker, holder.pronoun, holder.cue));
            }
        }
        // Direct quotes the token rules left without a speaker: the subject
        // of the reporting verb the parse hangs the quote on.
        for (i, q) in found[from..here].iter().enumerate() {
            // A speaker carried over from the quote before is a guess the
            // sentence's own verb overrules.
            if q.kind != Kind::Direct || (q.speaker.is_some() && !q.inherited) || q.parts.len() != 1
            {
                continue;
            }
            let (a, b) = tree.words_in(q.span);
            if let Some(said) = quoted_by(text, &tree, q.span, (a, b), lex) {
                voiced.push((from + i, said));
            }
        }
        // A speaker the token rules read inside a prepositional phrase ("In
        // a fiery takedown of the businessman, Sanders called …", "Amid
        // responses, Walsh …, saying") is no subject: the parse's subject of
        // the cue verb speaks.
        for (i, q) in found[from..here].iter().enumerate() {
            let (Some(sp), Some(cue)) = (q.speaker, q.cue) else {
                continue;
            };
            if q.pronoun || !matches!(q.kind, Kind::Indirect | Kind::Direct) || sp.end > end {
                continue;
            }
            let (a, b) = tree.words_in(sp);
            let (c, _) = tree.words_in(cue);
            if a >= b || c >= tree.tokens.len() || tree.tokens[c].span.start != cue.start {
                continue;
            }
            let head = (a..b).find(|&k| tree.head(k).is_none_or(|h| !(a..b).contains(&h)));
            let adrift = tree.tokens[a].upos == "ADP"
                || head.is_some_and(|h| {
                    matches!(
                        tree.tokens[h].deprel,
                        "obl" | "nmod" | "obl:tmod" | "case" | "mark"
                    )
                });
            if adrift
                && let Some((speaker, pronoun)) = speaker(text, &tree, c)
                && !speaker.overlaps(sp)
            {
                voiced.push((from + i, (speaker, pronoun, Some(cue))));
            }
        }
        // Quotes the token rules left without a speaker or a clause: the
        // argument of the verb that governs them, said by its subject.
        for (i, q) in found[from..here].iter().enumerate() {
            if !matches!(q.kind, Kind::Scare | Kind::Partial) || q.span.end > end {
                continue;
            }
            let (a, b) = tree.words_in(q.span);
            if a == b || covered[a..b].iter().any(|&c| c) {
                continue;
            }
            if let Some(st) = governed(text, &tree, q, (a, b), lex, paragraph) {
                held.push((from + i, out.len()));
                out.push(st);
            }
        }
    }
    for i in demote {
        found[i].kind = Kind::Partial;
    }
    for (i, speaker, pronoun, cue) in adopted {
        let q = &mut found[i];
        q.kind = Kind::Partial;
        q.speaker = speaker;
        q.pronoun = pronoun;
        q.cue = cue;
        q.inherited = false;
    }
    for (i, (speaker, pronoun, cue)) in voiced {
        let q = &mut found[i];
        q.speaker = Some(speaker);
        q.pronoun = pronoun;
        q.cue = cue;
        q.inherited = false;
        q.antecedent = None;
    }
    // A quote a mixed statement holds is its partial quote, said by its
    // speaker.
    for (i, o) in held {
        let holder = &out[o];
        let q = &mut found[i];
        q.kind = Kind::Partial;
        q.speaker = holder.speaker;
        q.pronoun = holder.pronoun;
        q.cue = holder.cue;
    }
    drop.sort_unstable();
    drop.dedup();
    if !drop.is_empty() {
        let mut k = 0;
        found.retain(|_| {
            k += 1;
            drop.binary_search(&(k - 1)).is_err()
        });
    }
    if !out.is_empty() {
        found.extend(out);
        found.sort_by_key(|s| (s.span.start, s.span.end));
    }
}

/// Whether an indirect statement of the token rules reports no clause: its
/// cue is a verb of the parse, and its content, after the cue (a sentence
/// before ", the agency reported" is a clause by its place), holds no verb
/// and no quote
/// ("added three goals before the break", "recommends milk as a healthy
/// option"). A content opening on "that" is a clause by its form; "called
/// the plan “a mess”" is mixed speech; "according to" is no verb.
fn vacuous(text: &str, tree: &Tree, st: &Statement) -> bool {
    if st.kind != Kind::Indirect || !st.nested.is_empty() || st.parts.len() != 1 {
        return false;
    }
    let Some(cue) = st.cue else {
        return false;
    };
    let (c, _) = tree.words_in(cue);
    let cue_verb = tree
        .tokens
        .get(c)
        .is_some_and(|t| t.span.start == cue.start && t.upos == "VERB");
    let (a, b) = tree.words_in(st.span);
    let last = tree.tokens.last().map_or(0, |t| t.span.end);
    cue_verb
        && cue.end <= st.span.start
        && a < b
        && st.span.end <= last
        && !text[st.span.range()].starts_with("that ")
        && !tree.tokens[a..b]
            .iter()
            .any(|t| matches!(t.upos, "VERB" | "AUX"))
}

/// The statement a quote without a clause of its own belongs to: the
/// argument of the nearest verb above it ("called him a “nice guy”",
/// "lauded Clarke for helping develop “new ideas”"), when that verb has a
/// speaker.
fn governed(
    text: &str,
    tree: &Tree,
    q: &Statement,
    (first, last): (usize, usize),
    lex: &Lexicon,
    paragraph: usize,
) -> Option<Statement> {
    let toks = tree.tokens;
    // The quote's head: its word whose head lies outside it.
    let mut d =
        (first..last).find(|&k| tree.head(k).is_none_or(|h| !(first..last).contains(&h)))?;
    let v = loop {
        let h = tree.head(d)?;
        if toks[h].upos == "VERB" {
            break h;
        }
        d = h;
    };
    if !governs(text, tree, v, lex) || d < v {
        return None;
    }
    // From the verb's first argument after it to the end of the one that
    // holds the quote.
    let a = tree.children[v]
        .iter()
        .copied()
        .filter(|&k| k > v && !tree.is_punct(k) && k <= d)
        .map(|k| tree.lo[k])
        .min()?;
    if !tree.ends_phrase(tree.hi[d]) {
        return None;
    }
    let span = tree.span(a, tree.hi[d])?;
    let span = Span::new(span.start, span.end.max(q.span.end));
    if span == q.span || !span.contains(q.span) {
        return None;
    }
    let said = speaker(text, tree, v)?;
    let nested = vec![Nested {
        span: q.span,
        kind: Kind::Partial,
    }];
    Some(reported_statement(
        span,
        said,
        toks[v].span,
        nested,
        paragraph,
    ))
}

/// An indirect statement read off the parse: its content, speaker (and
/// whether a pronoun), cue, the quotes it holds and its paragraph.
fn reported_statement(
    span: Span,
    (speaker, pronoun): (Span, bool),
    cue: Span,
    nested: Vec<Nested>,
    paragraph: usize,
) -> Statement {
    Statement {
        kind: Kind::Indirect,
        span,
        parts: vec![span],
        speaker: Some(speaker),
        pronoun,
        cue: Some(cue),
        reporter: None,
        outer: Vec::new(),
        medium: None,
        addressee: None,
        nested,
        inherited: false,
        antecedent: None,
        paragraph,
    }
}

/// Whether the verb at `v` can govern a quote as what someone said of it.
fn governs(text: &str, tree: &Tree, v: usize, lex: &Lexicon) -> bool {
    let t = &tree.tokens[v];
    (lex.is_cue(&text[t.span.range()])
        || lex.is_cue(&t.lemma)
        || NAMING.contains(&t.lemma.as_str()))
        && !COGNITION.contains(&t.lemma.as_str())
}

/// Verbs that name or judge what they take: "called it a “witch hunt”",
/// "described the plan as “reckless”".
const NAMING: &[&str] = &[
    "call",
    "describe",
    "label",
    "dub",
    "brand",
    "term",
    "deem",
    "liken",
    "compare",
    "refer",
    "characterize",
    "characterise",
    "portray",
    "cast",
    "hail",
    "praise",
    "criticize",
    "criticise",
    "condemn",
    "denounce",
    "accuse",
    "blame",
    "thank",
    "mock",
    "ridicule",
    "slam",
    "decry",
    "dismiss",
    "reject",
    "promise",
    "pledge",
    "vow",
    "urge",
    "demand",
    "declare",
    "announce",
    "predict",
    "warn",
    "insist",
    "argue",
    "claim",
    "suggest",
    "defend",
];

/// A sentence's dependency tree with each word's children and the first
/// and last word of its subtree (the parser is projective, so a subtree is
/// one run of words).
struct Tree<'a> {
    tokens: &'a [Token],
    children: Vec<Vec<usize>>,
    lo: Vec<usize>,
    hi: Vec<usize>,
}

impl<'a> Tree<'a> {
    fn new(tokens: &'a [Token]) -> Self {
        let children = children(tokens);
        let n = tokens.len();
        let mut lo: Vec<usize> = (0..n).collect();
        let mut hi: Vec<usize> = (0..n).collect();
        // Post-order without recursion: visit roots, push children, then
        // fold each node's bounds into its head once its children are done.
        let mut order = Vec::with_capacity(n);
        let mut stack: Vec<usize> = (0..n)
            .filter(|&i| tokens[i].head == 0 || tokens[i].head > n)
            .collect();
        let mut seen = vec![false; n];
        while let Some(i) = stack.pop() {
            if std::mem::replace(&mut seen[i], true) {
                continue;
            }
            order.push(i);
            stack.extend(children[i].iter().copied().filter(|&c| !seen[c]));
        }
        for &i in order.iter().rev() {
            for &c in &children[i] {
                lo[i] = lo[i].min(lo[c]);
                hi[i] = hi[i].max(hi[c]);
            }
        }
        Tree {
            tokens,
            children,
            lo,
            hi,
        }
    }

    /// The words inside `span`, as a range of word indices.
    fn words_in(&self, span: Span) -> (usize, usize) {
        let a = self.tokens.partition_point(|t| t.span.start < span.start);
        let b = self.tokens.partition_point(|t| t.span.end <= span.end);
        (a, b.max(a))
    }

    fn child(&self, i: usize, rel: &str) -> Option<usize> {
        self.children[i]
            .iter()
            .copied()
            .find(|&c| self.tokens[c].deprel == rel)
    }

    fn head(&self, i: usize) -> Option<usize> {
        let h = self.tokens[i].head;
        (h > 0 && h <= self.tokens.len()).then(|| h - 1)
    }

    fn is_punct(&self, i: usize) -> bool {
        self.tokens[i].upos == "PUNCT"
    }

    /// The span of words `a..=b`, without punctuation at either end.
    fn span(&self, mut a: usize, mut b: usize) -> Option<Span> {
        while a <= b && self.is_punct(a) {
            a += 1;
        }
        while b > a && self.is_punct(b) {
            b -= 1;
        }
        (a <= b && !self.is_punct(b))
            .then(|| Span::new(self.tokens[a].span.start, self.tokens[b].span.end))
    }

    /// Whether words `a..=b` look like a whole clause: not opening on a
    /// relative or question word, a preposition or a conjunction other than
    /// "that", and ending where the sentence does or at a boundary
    /// (punctuation or a conjunction). A clause that stops mid-phrase ("that
    /// by month's end") is a misparse.
    fn clause_edges(&self, a: usize, b: usize) -> bool {
        let first = &self.tokens[a];
        let opens = match first.upos {
            "SCONJ" => first.lemma == "that",
            "ADP" | "CCONJ" => false,
            _ => !matches!(first.xpos, "WP" | "WP$" | "WDT" | "WRB"),
        };
        opens && self.ends_phrase(b)
    }

    /// Whether a phrase ending at word `b` ends where the sentence does or
    /// at a boundary (punctuation or a conjunction).
    fn ends_phrase(&self, b: usize) -> bool {
        self.tokens
            .get(b + 1)
            .is_none_or(|t| matches!(t.upos, "PUNCT" | "CCONJ" | "SCONJ"))
    }

    fn negated(&self, i: usize) -> bool {
        self.children[i].iter().any(|&c| {
            let t = &self.tokens[c];
            t.deprel == "advmod" && matches!(t.lemma.as_str(), "not" | "never")
        })
    }
}

/// The statement a cue verb at `v` reports, if the parse shows one the
/// token rules did not find.
fn reported(
    text: &str,
    tree: &Tree,
    v: usize,
    lex: &Lexicon,
    found: &[Statement],
    paragraph: usize,
) -> Option<(Statement, Vec<usize>)> {
    let t = &tree.tokens[v];
    if t.upos != "VERB" {
        return None;
    }
    let form = &text[t.span.range()];
    if !(lex.is_cue(form) || lex.is_cue(&t.lemma))
        || COGNITION.contains(&t.lemma.as_str())
        || tree.negated(v)
    {
        return None;
    }
    let (c, infinitive) = match tree.child(v, "ccomp") {
        Some(c) => (c, false),
        None if NAMES_AS.contains(&t.lemma.as_str()) => {
            return named_as(text, tree, v, found, paragraph);
        }
        None if lex.takes_infinitive(form) || lex.takes_object(form) => {
            let c = tree.child(v, "xcomp")?;
            (c, true)
        }
        None => return None,
    };
    // The clause must follow the verb ("said the talks failed"); a clause
    // before it is a tail the token rules read ("…, he said").
    if tree.lo[c] <= v {
        return None;
    }
    let (a, b) = (tree.lo[c], tree.hi[c]);
    if infinitive {
        // "urged residents to conserve": a `to` clause, nothing else.
        if !tree.children[c]
            .iter()
            .any(|&k| tree.tokens[k].deprel == "mark" && tree.tokens[k].lemma == "to")
        {
            return None;
        }
    } else if !has_subject(tree, c) {
        // "denied Democrats the votes", "reported for the 12 months": a
        // clause has a subject of its own, or a "that" before it.
        return None;
    }
    // "said … and as employees worry": a clause opening on a conjunction
    // is a misparse.
    if tree.tokens[a].deprel == "cc" {
        return None;
    }
    let words = (a..=b).filter(|&k| !tree.is_punct(k)).count();
    if words < MIN_WORDS || !tree.clause_edges(a, b) {
        return None;
    }
    let mut span = tree.span(a, b)?;
    let (speaker, pronoun) = speaker(text, tree, v)?;
    // The clause with its closing marks, for quotes that end inside them.
    let outer = Span::new(span.start, tree.tokens[b].span.end);
    // What the token rules found stays theirs; a partial quote inside the
    // clause is nested in it.
    let lo = found.partition_point(|s| s.span.end <= span.start);
    let mut nested = Vec::new();
    let mut demote = Vec::new();
    for (i, s) in found.iter().enumerate().skip(lo.saturating_sub(8)) {
        if s.span.start >= span.end {
            break;
        }
        if !s.span.overlaps(span) && !s.parts.iter().any(|p| p.overlaps(span)) {
            continue;
        }
        // A quote that is only part of the clause ("said that “…”", "said
        // Cruz “says whatever he needs”") is a partial quote of a mixed
        // statement.
        let inside = outer.contains(s.span) && s.parts.len() == 1;
        let words_before = tree.tokens[a..=b]
            .iter()
            .find(|t| t.upos != "PUNCT")
            .is_some_and(|t| t.span.end <= s.span.start);
        match s.kind {
            Kind::Partial | Kind::Scare if inside => {}
            Kind::Direct if inside && words_before && s.nested.is_empty() => demote.push(i),
            _ => return None,
        }
        nested.push(Nested {
            span: s.span,
            kind: Kind::Partial,
        });
        if s.span.end > span.end {
            // Up to the quote's closing mark.
            let rest = &text[s.span.end..outer.end];
            span.end = if rest.chars().any(char::is_alphanumeric) {
                s.span.end
            } else {
                outer.end
            };
        }
    }
    Some((
        reported_statement(span, (speaker, pronoun), t.span, nested, paragraph),
        demote,
    ))
}

/// Verbs that say what something is by naming it: "called it a bandage
/// solution", "describes himself as the most left-leaning member".
const NAMES_AS: &[&str] = &[
    "call",
    "describe",
    "label",
    "brand",
    "term",
    "dub",
    "characterize",
    "characterise",
];

/// The statement of a naming verb without a quote: what its object is
/// called (the `xcomp` after the object, or the "as" phrase), said by the
/// verb's subject.
fn named_as(
    text: &str,
    tree: &Tree,
    v: usize,
    found: &[Statement],
    paragraph: usize,
) -> Option<(Statement, Vec<usize>)> {
    let o = tree.child(v, "obj")?;
    let x = tree.children[v].iter().copied().find(|&k| {
        k > o
            && (tree.tokens[k].deprel == "xcomp"
                || (tree.tokens[k].deprel == "obl"
                    && tree.children[k]
                        .iter()
                        .any(|&c| tree.tokens[c].deprel == "case" && tree.tokens[c].lemma == "as")))
    })?;
    let (mut a, b) = (tree.lo[x], tree.hi[x]);
    while a < x && matches!(tree.tokens[a].deprel, "case" | "punct") {
        a += 1;
    }
    let words = (a..=b).filter(|&k| !tree.is_punct(k)).count();
    if words < MIN_WORDS
        || !tree.ends_phrase(b)
        || !matches!(tree.tokens[x].upos, "NOUN" | "PROPN" | "ADJ")
    {
        return None;
    }
    let span = tree.span(a, b)?;
    if found
        .iter()
        .skip(
            found
                .partition_point(|s| s.span.end <= span.start)
                .saturating_sub(8),
        )
        .take_while(|s| s.span.start < span.end)
        .any(|s| s.span.overlaps(span))
    {
        return None;
    }
    let said = speaker(text, tree, v)?;
    Some((
        reported_statement(span, said, tree.tokens[v].span, Vec::new(), paragraph),
        Vec::new(),
    ))
}

/// Whether the clause headed by `c` has a subject (or an expletive, or a
/// "that" before it, or is a clause a preposition opens).
fn has_subject(tree: &Tree, c: usize) -> bool {
    tree.children[c].iter().any(|&k| {
        let t = &tree.tokens[k];
        matches!(t.deprel, "nsubj" | "nsubj:pass" | "expl" | "csubj")
            || (t.deprel == "mark" && matches!(t.lemma.as_str(), "that" | "whether" | "if"))
    })
}

/// Whether the quote at `span` is woven into a sentence: a word, not a
/// colon or a comma, right before its opening mark.
fn woven(text: &str, span: Span) -> bool {
    let before = text[..span.start]
        .trim_end_matches(['"', '“', '‘', '\'', '«'])
        .trim_end();
    before.chars().last().is_some_and(char::is_alphanumeric)
}

/// Who says the quote over words `first..last`, by the parse: the subject
/// of a reporting verb that takes the quote ("and said, “…”") or that
/// hangs on it ("“…,” the mayor of the town said"), with the verb's span.
fn quoted_by(
    text: &str,
    tree: &Tree,
    quote: Span,
    (first, last): (usize, usize),
    lex: &Lexicon,
) -> Option<(Span, bool, Option<Span>)> {
    if first >= last {
        return None;
    }
    let inside = |k: usize| (first..last).contains(&k);
    let d = (first..last).find(|&k| tree.head(k).is_none_or(|h| !inside(h)))?;
    // A reporting verb; after the quote, any verb ("“…,” exhorted the
    // actress", "“…,” he surmised"): a tail names who spoke.
    let is_cue = |v: usize| {
        let t = &tree.tokens[v];
        t.upos == "VERB"
            && (v >= last || lex.is_cue(&text[t.span.range()]) || lex.is_cue(&t.lemma))
            && !COGNITION.contains(&t.lemma.as_str())
            && t.lemma != "be"
            && !tree.negated(v)
    };
    let v = tree
        .head(d)
        .filter(|&h| {
            is_cue(h)
                && matches!(
                    tree.tokens[d].deprel,
                    "ccomp" | "obj" | "parataxis" | "xcomp"
                )
        })
        .or_else(|| {
            tree.children[d]
                .iter()
                .copied()
                .find(|&k| !inside(k) && tree.tokens[k].deprel == "parataxis" && is_cue(k))
        });
    if let Some(v) = v
        && let Some((speaker, pronoun)) = speaker(text, tree, v)
    {
        return Some((speaker, pronoun, Some(tree.tokens[v].span)));
    }
    // "Rubio fired back: “…”": after a colon, the clause before it says the
    // quote, whatever its verb (not "there was …:").
    let before = text[..quote.start]
        .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '"' | '“' | '‘' | '\''));
    if !before.ends_with(':') || first == 0 {
        return None;
    }
    let colon = before.len() - 1;
    let v = (0..first)
        .rev()
        .filter(|&k| tree.tokens[k].span.start < colon)
        .find(|&k| tree.tokens[k].upos == "VERB" && tree.tokens[k].head == 0);
    if let Some(v) = v {
        if tree.negated(v) || tree.tokens[v].lemma == "be" {
            return None;
        }
        let (speaker, pronoun) = speaker(text, tree, v)?;
        return Some((speaker, pronoun, Some(tree.tokens[v].span)));
    }
    // "Clinton: “…”", "Jeremy Lott, author: “…”": a name as a label.
    let label: Vec<usize> = (0..first)
        .take_while(|&k| tree.tokens[k].span.end <= colon)
        .collect();
    let name_end = label
        .iter()
        .position(|&k| tree.is_punct(k))
        .unwrap_or(label.len());
    let is_label = (1..=4).contains(&name_end)
        && label.len() <= 8
        && label[..name_end]
            .iter()
            .all(|&k| tree.tokens[k].upos == "PROPN")
        && label[name_end..].iter().all(|&k| {
            matches!(
                tree.tokens[k].upos,
                "PUNCT" | "NOUN" | "PROPN" | "ADJ" | "DET"
            )
        });
    is_label.then(|| {
        let name = Span::new(
            tree.tokens[label[0]].span.start,
            tree.tokens[label[name_end - 1]].span.end,
        );
        (name, false, None)
    })
}

/// The speaker of the cue verb at `v`: its subject; for a relative clause
/// ("Bortis, who noted that") the noun the clause hangs on; for a verb
/// without a subject of its own (a coordinated verb, "shook his head and
/// said"; an adverbial participle, "…, insisting that"), the subject of the
/// verb it hangs on. Whether it is a pronoun comes with it.
fn speaker(text: &str, tree: &Tree, v: usize) -> Option<(Span, bool)> {
    let mut at = v;
    for _ in 0..3 {
        if let Some(s) = tree.child(at, "nsubj") {
            let t = &tree.tokens[s];
            let lower = text[t.span.range()].to_lowercase();
            if matches!(lower.as_str(), "who" | "which" | "that") {
                if tree.tokens[at].deprel == "acl:relcl" {
                    return subject_phrase(text, tree, tree.head(at)?);
                }
                // "…, who noted that" parsed as a coordination: the noun
                // just before the comma.
                let mut k = s.checked_sub(1)?;
                while tree.is_punct(k) {
                    k = k.checked_sub(1)?;
                }
                return subject_phrase(text, tree, k);
            }
            return subject_phrase(text, tree, s);
        }
        match tree.tokens[at].deprel {
            // "prompting the city to urge residents": the object of the
            // verb the clause completes does the urging.
            "xcomp" => {
                let h = tree.head(at)?;
                if let Some(o) = tree.child(h, "obj") {
                    return subject_phrase(text, tree, o);
                }
                at = h;
            }
            "conj" | "advcl" => at = tree.head(at)?,
            // "the council to urge residents": the noun the infinitive
            // hangs on.
            "acl"
                if tree
                    .child(at, "mark")
                    .is_some_and(|m| tree.tokens[m].lemma == "to") =>
            {
                return subject_phrase(text, tree, tree.head(at)?);
            }
            _ => return None,
        }
    }
    None
}

/// A subject as a speaker: a personal pronoun, or a noun phrase that opens
/// with a determiner, an adjective, a number or a noun.
fn subject_phrase(text: &str, tree: &Tree, s: usize) -> Option<(Span, bool)> {
    let t = &tree.tokens[s];
    if t.upos == "PRON" {
        let lower = text[t.span.range()].to_lowercase();
        return matches!(lower.as_str(), "he" | "she" | "they" | "it" | "we" | "i")
            .then_some((t.span, true));
    }
    if !matches!(t.upos, "NOUN" | "PROPN") {
        return None;
    }
    // "A release sent by the union said": the sender speaks through it.
    if t.upos == "NOUN"
        && super::lexicon::is_in(&super::lexicon::MEDIA, &text[t.span.range()])
        && let Some(by) = sender(tree, s)
    {
        return Some((phrase(tree, by), false));
    }
    let span = phrase(tree, s);
    let first = tree.tokens[..=s]
        .iter()
        .position(|k| k.span.start >= span.start)?;
    matches!(
        tree.tokens[first].upos,
        "DET" | "ADJ" | "NUM" | "NOUN" | "PROPN" | "PRON"
    )
    .then_some((span, false))
}

/// Who sent a message: the noun after "by" or "from" in the clause that
/// follows it ("a release sent to reporters by the union").
fn sender(tree: &Tree, m: usize) -> Option<usize> {
    let acl = tree.children[m]
        .iter()
        .copied()
        .find(|&k| k > m && tree.tokens[k].deprel == "acl")?;
    tree.children[acl].iter().copied().find(|&o| {
        matches!(tree.tokens[o].upos, "NOUN" | "PROPN")
            && tree.children[o].iter().any(|&c| {
                tree.tokens[c].deprel == "case"
                    && matches!(tree.tokens[c].lemma.as_str(), "by" | "from")
            })
    })
}

/// A subject's words: its subtree, cut at the first comma after its head
/// (an appositive or a relative clause follows), and at the head itself when
/// the phrase is long.
fn phrase(tree: &Tree, h: usize) -> Span {
    let (mut a, mut b) = (tree.lo[h], tree.hi[h]);
    // Without a preposition or a conjunction before it ("by Ortega").
    while a < h && matches!(tree.tokens[a].deprel, "case" | "cc" | "punct" | "mark") {
        a += 1;
    }
    // Without the clauses that follow the noun ("an official who was in
    // court", "sources familiar with the talks").
    for &k in &tree.children[h] {
        if k > h && matches!(tree.tokens[k].deprel, "acl:relcl" | "acl" | "appos") {
            b = b.min(tree.lo[k].saturating_sub(1));
        }
    }
    if let Some(comma) = (h + 1..=b).find(|&k| tree.is_punct(k)) {
        b = comma.saturating_sub(1).max(h);
    }
    if b + 1 - a > MAX_SPEAKER_WORDS {
        b = h;
    }
    tree.span(a.min(h), b.max(h)).unwrap_or(tree.tokens[h].span)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (kind, speaker words, content) of every statement the token rules
    /// and the parse find together.
    fn found_in(text: &str) -> Vec<(Kind, String, String)> {
        let (article, seg, syntax) = crate::syntax::parsed(text);
        let lex = Lexicon::default();
        let mut found = super::super::parse(&article, &seg, &lex).statements;
        add(&article.text, &seg, &syntax, &lex, &mut found);
        found
            .iter()
            .map(|s| {
                (
                    s.kind,
                    s.speaker
                        .map_or(String::new(), |p| article.slice(p).to_string()),
                    article.slice(s.span).to_string(),
                )
            })
            .collect()
    }

    fn statement(kind: Kind, speaker: &str, content: &str) -> (Kind, String, String) {
        (kind, speaker.to_string(), content.to_string())
    }

    #[test]
    fn a_relative_clause_speaks_for_its_noun() {
        let got = found_in(
            "The case was raised again by Ortega, who noted for the judge that the fines had doubled since 2015.",
        );
        assert!(
            got.contains(&statement(
                Kind::Indirect,
                "Ortega",
                "that the fines had doubled since 2015"
            )),
            "{got:?}"
        );
    }

    #[test]
    fn the_object_of_the_verb_a_clause_completes_does_the_urging() {
        let got = found_in(
            "The flood cut the pumping station, prompting the council to urge residents to boil their water.",
        );
        assert!(
            got.contains(&statement(
                Kind::Indirect,
                "the council",
                "to boil their water"
            )),
            "{got:?}"
        );
    }

    #[test]
    fn a_quote_inside_what_a_verb_takes_is_mixed_speech() {
        let got = found_in(
            "In her speech the senator called the new tariff plan a “gift to smugglers” on Monday.",
        );
        assert!(
            got.iter().any(|(k, who, what)| *k == Kind::Indirect
                && who == "the senator"
                && what.starts_with("the new tariff plan a “gift to smugglers")),
            "{got:?}"
        );
    }

    #[test]
    fn a_full_quote_after_that_is_part_of_the_clause() {
        let got = found_in(
            "Mayor Ines Duarte said that “the bridge will reopen before winter, whatever it costs.”",
        );
        let mixed = got
            .iter()
            .find(|(k, _, _)| *k == Kind::Indirect)
            .expect("an indirect statement");
        assert!(
            mixed.2.starts_with("that “the bridge will reopen"),
            "{got:?}"
        );
        assert!(got.iter().all(|(k, _, _)| *k != Kind::Direct), "{got:?}");
    }

    #[test]
    fn a_quote_after_a_colon_is_said_by_the_clause_before_it() {
        let got = found_in(
            "“We will stay,” said Mayor Ines Duarte.\n\nThe minister Tomas Reed has since apologized for what happened: “I should have read the report before signing it.”",
        );
        let apology = got
            .iter()
            .find(|(_, _, what)| what.starts_with("I should have read"))
            .expect("the apology");
        assert_eq!(apology.1, "The minister Tomas Reed", "{got:?}");
        // "There was …:" names no speaker.
        let got = found_in(
            "The mayor spoke about the harbour.\n\nThen there was the biggest change of all: \"It is time the port had a woman in charge,\" exhorted her introducer, the singer Ida Lund.",
        );
        assert!(
            got.iter().all(|(_, who, _)| !who.contains("change")),
            "{got:?}"
        );
    }

    #[test]
    fn a_quote_woven_into_reported_speech_is_its_partial_quote() {
        let got = found_in(
            "But a spokeswoman for the port said the cranes were safe and called the reports by Kessler Marine \"unfounded.\" Ana Ruiz said the port would reopen.",
        );
        let quote = got
            .iter()
            .find(|(_, _, what)| what.starts_with("unfounded"))
            .expect("the quote");
        assert_eq!(quote.0, Kind::Partial, "{got:?}");
        assert_eq!(quote.1, "a spokeswoman for the port", "{got:?}");
    }

    #[test]
    fn a_pronoun_speaker_does_not_stand_for_a_noun_of_its_own_quote() {
        let text =
            "\"Hundreds of fallen trees have cut the lines to the valley\" since Monday, it said.";
        let (article, seg, _) = crate::syntax::parsed(text);
        let found = super::super::parse(&article, &seg, &Lexicon::default()).statements;
        assert!(!found.is_empty());
        assert!(found.iter().all(|s| s.antecedent.is_none()), "{found:?}");
    }

    #[test]
    fn a_participle_takes_no_speaker_after_it() {
        let got = found_in(
            "“I have read the inspection reports,” the harbour investigator told Coast Radio, confirming the Kessler connection.",
        );
        assert!(
            got.iter()
                .all(|(_, who, _)| who == "the harbour investigator"),
            "{got:?}"
        );
    }

    #[test]
    fn what_a_naming_verb_calls_its_object_is_said() {
        let got = found_in("The dockers called the new rota a breach of the old agreement.");
        assert!(
            got.contains(&statement(
                Kind::Indirect,
                "The dockers",
                "a breach of the old agreement"
            )),
            "{got:?}"
        );
        let got = found_in(
            "Councillor Petra Holm describes herself as the most stubborn member of the board.",
        );
        assert!(
            got.iter()
                .any(|(_, who, what)| who == "Councillor Petra Holm"
                    && what == "the most stubborn member of the board"),
            "{got:?}"
        );
    }

    #[test]
    fn a_name_before_a_colon_labels_the_quote() {
        let got = found_in(
            "The candidates were asked about the port.\n\nHolm: “We will dredge the channel by May.”",
        );
        let quote = got
            .iter()
            .find(|(_, _, what)| what.starts_with("We will dredge"))
            .expect("the quote");
        assert_eq!(
            (quote.0, quote.1.as_str()),
            (Kind::Direct, "Holm"),
            "{got:?}"
        );
    }

    #[test]
    fn a_prepositional_phrase_before_the_subject_does_not_speak() {
        let got = found_in(
            "Amid protests from the crews, Councillor Petra Holm defended the plan, saying the licence was safe.",
        );
        assert!(
            got.contains(&statement(
                Kind::Indirect,
                "Councillor Petra Holm",
                "the licence was safe"
            )),
            "{got:?}"
        );
    }

    #[test]
    fn an_object_is_not_a_reported_clause() {
        let got = found_in("Carolina added three more goals before the end of the second period.");
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn beliefs_denials_and_clauses_before_the_verb_are_not_taken_from_the_parse() {
        for text in [
            "Several residents believe the old mill was set on fire deliberately.",
            "The ministry did not say the border had been closed overnight.",
        ] {
            let got = found_in(text);
            assert!(got.is_empty(), "{text}: {got:?}");
        }
    }
}
