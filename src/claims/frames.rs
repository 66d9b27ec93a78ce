//! Clause frames read off the dependency parse, open vocabulary: for every
//! clause its predicate (the verb's lemma, or the adjective or noun of a
//! copular clause: "Minsk was complicit"), its subject and object, its
//! content words, whether it is negated ("didn't threaten", "no threats were
//! made", "was never discussed"), hedged ("allegedly", "may have", "claims
//! that"), or denied by the clause above it ("Minsk denied that its forces
//! were participating": the participating is what is denied, by Minsk).
//!
//! A frame is what the comparator lines up when the closed event lexicon
//! has no word for the thing two outlets disagree about. Everything here is
//! linear in the sentence: one pass for the children of every word, one for
//! the clause heads, one walk of each clause's own words.

use crate::article::Span;
use crate::claims::time::{TimeExpr, TimeValue};
use crate::syntax::{Token, children};
use compact_str::CompactString;
use serde::{Deserialize, Serialize};

/// A phrase that fills a role of a frame: its words and its head's lemma.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Arg {
    pub span: Span,
    pub head: CompactString,
    /// The head's universal part of speech (`PROPN`, `PRON`, `NOUN`, …).
    pub upos: CompactString,
}

/// One clause.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Frame {
    /// The sentence's index in the article's sentences.
    pub sentence: usize,
    /// The predicate's lemma, lower case ("participate", "complicit").
    pub predicate: CompactString,
    /// The predicate word.
    pub head: Span,
    /// How the clause hangs in the sentence (`root`, `ccomp`, `advcl`, …).
    pub clause: CompactString,
    pub subject: Option<Arg>,
    pub object: Option<Arg>,
    /// What the predicate takes: its object's lemma (not a pronoun's),
    /// else the verb of its open complement ("want a show": show; "want to
    /// date": date).
    #[serde(default)]
    pub complement: Option<CompactString>,
    /// The word that negates the clause ("not", "never", "no").
    pub negation: Option<Span>,
    /// The word that hedges it ("allegedly", "may", "claims").
    pub hedge: Option<Span>,
    /// The modal auxiliary that makes it a possibility or a future, not a
    /// fact ("would", "could", "will", "can't").
    #[serde(default)]
    pub modal: Option<Span>,
    /// The frame (index into the article's frames) of a denial, refutation
    /// or rejection whose complement this clause is.
    pub denied_by: Option<usize>,
    /// The content lemmas of the clause's own words (not of the clauses
    /// below it), lower case, sorted, without repeats.
    pub terms: Vec<CompactString>,
    /// The statement (index into the article's statements) the clause is
    /// in, if it is reported speech.
    pub statement: Option<usize>,
    /// When the clause says it happened: a time phrase in one of its
    /// obliques ("on Wednesday", "in 1907", "since the 1920s").
    #[serde(default)]
    pub time: Option<Box<When>>,
}

/// A frame's time phrase, and the days it stands for when they resolve
/// (a weekday in an undated article does not).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct When {
    pub span: Span,
    pub value: Option<TimeValue>,
    /// The weekday the phrase names, lower case ("wednesday"), if any.
    pub weekday: Option<CompactString>,
}

impl Frame {
    /// The clause says its predicate did not happen, or a denial says so.
    pub fn negative(&self) -> bool {
        self.negation.is_some() != self.denied_by.is_some()
    }
}

/// The weekday a time phrase names ("on Wednesday", "last Tuesday").
fn weekday(text: &str) -> Option<&'static str> {
    const DAYS: [&str; 7] = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    text.split(|c: char| !c.is_alphabetic())
        .find_map(|w| DAYS.iter().find(|d| w.eq_ignore_ascii_case(d)).copied())
}

/// Verbs whose complement clause is what they say is false.
pub fn denial(lemma: &str) -> bool {
    matches!(
        lemma,
        "deny" | "refute" | "reject" | "dismiss" | "rebut" | "dispute" | "debunk" | "contradict"
    )
}

/// Nouns a denial takes before the clause it denies ("denied claims that …",
/// "dismissed reports that …").
fn report_noun(lemma: &str) -> bool {
    matches!(
        lemma,
        "claim"
            | "report"
            | "suggestion"
            | "allegation"
            | "accusation"
            | "rumor"
            | "rumour"
            | "speculation"
            | "assertion"
            | "charge"
            | "idea"
            | "notion"
            | "story"
    )
}

/// Words that hedge the clause they modify.
fn hedge_word(lemma: &str) -> bool {
    matches!(
        lemma,
        "allegedly"
            | "reportedly"
            | "apparently"
            | "purportedly"
            | "supposedly"
            | "seemingly"
            | "may"
            | "might"
            | "could"
            | "perhaps"
            | "possibly"
            | "rumor"
            | "rumour"
    )
}

/// Auxiliaries of what might be or will be, not of what is.
fn modal_verb(lemma: &str) -> bool {
    matches!(
        lemma,
        "will" | "would" | "could" | "might" | "may" | "should" | "shall" | "can" | "must"
    )
}

/// Verbs whose complement is only claimed, not asserted, by the narration.
fn claim_verb(lemma: &str) -> bool {
    matches!(
        lemma,
        "claim" | "allege" | "rumor" | "rumour" | "speculate" | "suggest" | "purport"
    )
}

/// Lemmas too common to say what a clause is about.
pub fn stop_term(lemma: &str) -> bool {
    matches!(
        lemma,
        "be" | "have"
            | "do"
            | "say"
            | "tell"
            | "get"
            | "make"
            | "go"
            | "come"
            | "take"
            | "give"
            | "know"
            | "think"
            | "see"
            | "also"
            | "just"
            | "now"
            | "only"
            | "even"
            | "other"
            | "new"
            | "many"
            | "more"
            | "most"
            | "much"
            | "such"
            | "own"
            | "same"
            | "last"
            | "first"
            | "one"
            | "time"
            | "year"
            | "day"
            | "week"
            | "people"
            | "thing"
            | "way"
            | "report"
            | "story"
            | "news"
            | "according"
            | "accord"
            | "write"
            | "add"
            | "state"
            | "claim"
    )
}

/// Parts of speech whose lemmas are content words.
fn content(upos: &str) -> bool {
    matches!(upos, "NOUN" | "PROPN" | "VERB" | "ADJ" | "NUM")
}

/// Relations that open a clause of their own under their head.
fn clause_relation(deprel: &str) -> bool {
    matches!(
        deprel,
        "root" | "ccomp" | "advcl" | "parataxis" | "acl:relcl" | "acl" | "xcomp" | "csubj"
    ) || deprel == "conj"
}

/// The frames of one sentence. `statement_at` gives the statement around a
/// byte offset; `first` is the index the sentence's first frame will have
/// among the article's frames (for `denied_by`); `times` are the sentence's
/// time expressions ([`time::times`](crate::claims::time::times)).
pub fn frames(
    sentence: usize,
    tokens: &[Token],
    first: usize,
    statement_at: &dyn Fn(usize) -> Option<usize>,
    times: &[TimeExpr],
) -> Vec<Frame> {
    let n = tokens.len();
    let children = children(tokens);
    let lemma = |i: usize| CompactString::from_str_to_lowercase(&tokens[i].lemma);
    // A clause head: a verb (or a copular predicate) heading a clause
    // relation; a conjunct only when it is a verb or has a subject of its
    // own ("threatened him and warned …", not "Russia and Belarus").
    let is_head = |i: usize| {
        let t = &tokens[i];
        if !clause_relation(t.deprel) {
            return false;
        }
        let verbal = t.upos == "VERB"
            || children[i].iter().any(|&c| tokens[c].deprel == "cop")
            || (t.deprel == "root" && t.upos == "AUX");
        if t.deprel == "conj" {
            let own_subject = children[i]
                .iter()
                .any(|&c| tokens[c].deprel.starts_with("nsubj"));
            let verb_conjunct =
                t.upos == "VERB" && t.head > 0 && t.head <= n && tokens[t.head - 1].upos == "VERB";
            return verbal && (own_subject || verb_conjunct);
        }
        verbal
    };
    let heads: Vec<usize> = (0..n).filter(|&i| is_head(i)).collect();
    let mut frame_of = vec![usize::MAX; n];
    for (k, &h) in heads.iter().enumerate() {
        frame_of[h] = k;
    }
    // The clause each word belongs to: the nearest clause head above it,
    // found by walking up and remembering every answer on the way, so each
    // word is visited a bounded number of times.
    const NONE: usize = usize::MAX;
    const OPEN: usize = usize::MAX - 1;
    let mut owner = vec![OPEN; n];
    let mut path = Vec::new();
    for i in 0..n {
        let mut j = i;
        let found = loop {
            if owner[j] != OPEN {
                break owner[j];
            }
            if frame_of[j] != NONE {
                break frame_of[j];
            }
            path.push(j);
            let h = tokens[j].head;
            if h == 0 || h > n || path.len() > n {
                break NONE;
            }
            j = h - 1;
        };
        for p in path.drain(..) {
            owner[p] = found;
        }
        if frame_of[i] != NONE {
            owner[i] = frame_of[i];
        }
    }
    let arg = |i: usize| {
        // The phrase: the word and its dependents that are not clauses.
        let mut lo = i;
        let mut hi = i;
        let mut stack = vec![i];
        while let Some(j) = stack.pop() {
            lo = lo.min(j);
            hi = hi.max(j);
            for &c in &children[j] {
                if !clause_relation(tokens[c].deprel) && tokens[c].deprel != "punct" {
                    stack.push(c);
                }
            }
        }
        Arg {
            span: Span::new(tokens[lo].span.start, tokens[hi].span.end),
            head: lemma(i),
            upos: tokens[i].upos.into(),
        }
    };
    let negator = |i: usize| {
        let t = &tokens[i];
        let l = t.lemma.to_lowercase();
        (t.deprel == "advmod" && matches!(l.as_str(), "not" | "never" | "n't"))
            || (t.deprel == "det" && matches!(l.as_str(), "no"))
            || (t.deprel == "cc:preconj" && l == "neither")
    };
    let mut out: Vec<Frame> = Vec::with_capacity(heads.len());
    for &h in &heads {
        let t = &tokens[h];
        let mut subject = None;
        let mut object = None;
        let mut negation = None;
        let mut hedge = None;
        let mut modal = None;
        for &c in &children[h] {
            let d = tokens[c].deprel;
            if subject.is_none() && (d.starts_with("nsubj") || d == "csubj") {
                if d == "nsubj:pass" && object.is_none() {
                    object = Some(arg(c));
                }
                subject = Some(arg(c));
            } else if object.is_none() && (d == "obj" || d == "iobj") {
                object = Some(arg(c));
            }
            if negation.is_none() && negator(c) {
                negation = Some(tokens[c].span);
            }
            // A modal hedges only as an auxiliary ("back in May" does not);
            // a hedging adverb wins over a modal ("may reportedly have").
            let l = lemma(c);
            let is_modal = modal_verb(&l);
            if hedge_word(&l)
                && (!is_modal || d == "aux")
                && (hedge.is_none() || hedge == modal && !is_modal)
            {
                hedge = Some(tokens[c].span);
            }
            if modal.is_none() && d == "aux" && is_modal {
                modal = Some(tokens[c].span);
            }
            // "nobody was injured", "none were hurt".
            if negation.is_none()
                && d.starts_with("nsubj")
                && matches!(lemma(c).as_str(), "nobody" | "none" | "nothing" | "noone")
            {
                negation = Some(tokens[c].span);
            }
            // "no threats were made", "there was no evidence": a negated
            // argument negates a light clause.
            if negation.is_none()
                && (d.starts_with("nsubj") || d == "obj")
                && let Some(&g) = children[c].iter().find(|&&g| negator(g))
            {
                negation = Some(tokens[g].span);
            }
        }
        // (A pronoun says nothing about what it stands for.)
        let complement = match &object {
            Some(o) if o.upos == "PRON" => None,
            Some(o) => Some(o.head.clone()),
            None => None,
        }
        .or_else(|| {
            children[h]
                .iter()
                .find(|&&c| tokens[c].deprel == "xcomp")
                .map(|&c| lemma(c))
        });
        // A passive subject is the theme; the agent is in "by" (left out).
        if subject.as_ref().is_some_and(|_| {
            children[h]
                .iter()
                .any(|&c| tokens[c].deprel == "nsubj:pass")
        }) {
            subject = None;
        }
        let mut terms: Vec<CompactString> = (0..n)
            .filter(|&i| owner[i] == frame_of[h] && content(tokens[i].upos))
            .map(lemma)
            .filter(|l| l.chars().any(char::is_alphanumeric) && !stop_term(l))
            .collect();
        terms.sort_unstable();
        terms.dedup();
        // The first time phrase inside an oblique of the predicate ("became
        // his godmother on Wednesday"), not one of a clause below it.
        let time = children[h]
            .iter()
            .filter(|&&c| {
                let d = tokens[c].deprel;
                d.starts_with("obl") || d == "nmod:tmod" || d == "advmod"
            })
            .find_map(|&c| {
                let span = arg(c).span;
                times.iter().find(|t| {
                    t.span.start < span.end
                        && span.start < t.span.end
                        && (t.value.is_some() || weekday(&t.text).is_some())
                })
            })
            .map(|t| When {
                span: t.span,
                value: t.value,
                weekday: weekday(&t.text).map(CompactString::from),
            });
        out.push(Frame {
            sentence,
            predicate: lemma(h),
            head: t.span,
            clause: t.deprel.into(),
            subject,
            object,
            complement,
            negation,
            hedge,
            modal,
            denied_by: None,
            terms,
            statement: statement_at(t.span.start),
            time: time.map(Box::new),
        });
    }
    // "denied claims that …": the denial, below, scopes over the clause.
    let under_denial = |noun: usize| {
        let h = tokens[noun].head;
        matches!(tokens[noun].deprel, "obj" | "obl")
            && h > 0
            && h <= n
            && (denial(&lemma(h - 1)) || lemma(h - 1) == "push")
    };
    // A clause under a report noun is only reported: "claims that …",
    // "the allegation that …", "reports of … having".
    for (k, &h) in heads.iter().enumerate() {
        let t = &tokens[h];
        if out[k].hedge.is_none()
            && matches!(t.deprel, "acl" | "ccomp")
            && t.head > 0
            && t.head <= n
            && tokens[t.head - 1].upos == "NOUN"
            && report_noun(&lemma(t.head - 1))
            && !under_denial(t.head - 1)
        {
            out[k].hedge = Some(tokens[t.head - 1].span);
        }
    }
    // Denials scope over their complement: "denied that …" (ccomp), "denied
    // claims that …" (the clause under the report noun), "denied having
    // made …" (xcomp / advcl of the denial verb). Claims hedge theirs.
    for (k, &h) in heads.iter().enumerate() {
        let l = lemma(h);
        // "pushed back against reports that …" denies as "denied" does.
        let pushes_back = l == "push"
            && children[h]
                .iter()
                .any(|&c| tokens[c].deprel == "compound:prt" && lemma(c) == "back");
        let denies = (denial(&l) || pushes_back) && out[k].negation.is_none();
        let claims = claim_verb(&l);
        if !denies && !claims {
            continue;
        }
        let mut targets: Vec<usize> = Vec::new();
        for &c in &children[h] {
            let d = tokens[c].deprel;
            if matches!(d, "ccomp" | "xcomp" | "advcl") && frame_of[c] != usize::MAX {
                targets.push(frame_of[c]);
            } else if (d == "obj" || d == "obl") && report_noun(&lemma(c)) {
                for &g in &children[c] {
                    if matches!(tokens[g].deprel, "acl" | "ccomp" | "acl:relcl")
                        && frame_of[g] != usize::MAX
                        && tokens[g].deprel != "acl:relcl"
                    {
                        targets.push(frame_of[g]);
                    }
                }
            }
        }
        for f in targets {
            if f == k {
                continue;
            }
            if denies {
                out[f].denied_by = Some(first + k);
            } else if out[f].hedge.is_none() {
                out[f].hedge = Some(tokens[h].span);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frames_of(text: &str) -> Vec<Frame> {
        let (_, _, syn) = crate::syntax::parsed(text);
        let mut out = Vec::new();
        for s in &syn.sentences {
            let first = out.len();
            out.extend(frames(s.sentence, &s.tokens, first, &|_| None, &[]));
        }
        out
    }

    #[test]
    fn a_denial_scopes_over_its_complement() {
        let fs = frames_of("The ministry denied that its soldiers were fighting in the valley.");
        let deny = fs.iter().position(|f| f.predicate == "deny").unwrap();
        let fight = fs.iter().find(|f| f.predicate == "fight").unwrap();
        assert_eq!(fight.denied_by, Some(deny));
        assert!(fight.negative());
        assert!(!fs[deny].negative());
        assert_eq!(fs[deny].subject.as_ref().unwrap().head, "ministry");
    }

    #[test]
    fn negation_on_the_verb_or_on_its_argument() {
        let fs = frames_of("We did not threaten the families. No threats were made to them.");
        let threaten = fs.iter().find(|f| f.predicate == "threaten").unwrap();
        assert!(threaten.negative());
        let made = fs.iter().find(|f| f.predicate == "make").unwrap();
        assert!(made.negative());
        assert_eq!(made.object.as_ref().unwrap().head, "threat");
    }

    #[test]
    fn a_copular_clause_is_framed_on_its_predicate() {
        let fs = frames_of("The mayor said the harbour was closed and the ferry was a wreck.");
        assert!(
            fs.iter()
                .any(|f| f.predicate == "say" && f.clause == "root")
        );
        let wreck = fs.iter().find(|f| f.predicate == "wreck").unwrap();
        assert_eq!(wreck.subject.as_ref().unwrap().head, "ferry");
        assert!(!wreck.negative());
    }

    #[test]
    fn claims_hedge_and_terms_skip_common_words() {
        let fs = frames_of("Activists claim the company poisoned the river last year.");
        let poison = fs.iter().find(|f| f.predicate == "poison").unwrap();
        assert!(poison.hedge.is_some());
        assert!(poison.terms.iter().any(|t| t == "river"));
        assert!(!poison.terms.iter().any(|t| t == "year"));
    }

    #[test]
    fn a_modal_auxiliary_marks_a_possibility_not_a_fact() {
        let fs = frames_of(
            "The council would not close the bridge. The council did not close the school.",
        );
        let modal: Vec<bool> = fs
            .iter()
            .filter(|f| f.predicate == "close")
            .map(|f| f.modal.is_some())
            .collect();
        assert_eq!(modal, [true, false]);
        assert!(fs.iter().all(Frame::negative));
    }

    #[test]
    fn a_modal_hedges_only_as_an_auxiliary_and_an_adverb_wins() {
        let fs = frames_of(
            "The firm bought the mill back in May. The mayor may reportedly resign. \
             The mayor might resign.",
        );
        let buy = fs.iter().find(|f| f.predicate == "buy").unwrap();
        assert!(buy.hedge.is_none(), "a month is not a modal: {buy:?}");
        let resign: Vec<&Frame> = fs.iter().filter(|f| f.predicate == "resign").collect();
        assert_eq!(resign.len(), 2);
        // "reportedly" is the hedge, "may" the modal; "might" is both.
        assert!(resign[0].hedge.is_some() && resign[0].hedge != resign[0].modal);
        assert!(resign[1].hedge.is_some() && resign[1].hedge == resign[1].modal);
    }
}
