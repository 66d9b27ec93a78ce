//! Veracity statements: sentences that say a story or a claim is false, a
//! hoax, fake, satire, fabricated, debunked, "not true", that it "didn't
//! happen", that there is "no evidence" for it, or that deny it ("denied
//! claims that …", "denying that such plans exist", "dismissed the
//! possibility"; weak: one side's word), read off the parse so
//! that "it is not a hoax" and "is it a hoax?" are not taken for a
//! debunking, and so that what the statement is about (its subject, or the
//! noun a "fake" describes) and who says it (the statement around it) come
//! with it.
//!
//! Whether a veracity statement is about the story of the set is decided by
//! the comparator, which knows the story.

use crate::article::Span;
use crate::claims::frames::Arg;
use crate::syntax::{Token, children};
use compact_str::CompactString;
use serde::{Deserialize, Serialize};

/// One statement that something is false.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Veracity {
    /// The sentence's index in the article's sentences.
    pub sentence: usize,
    /// The word (or words) that say it is false.
    pub cue: Span,
    /// The cue as a reader would name it ("hoax", "not true", "no
    /// evidence").
    pub word: String,
    /// A plain "false", "hoax", "fake", "debunked"; not a weaker "no
    /// evidence", "exaggerated", "may be fake".
    pub strong: bool,
    /// What is said to be false: the cue's subject, or the noun it
    /// describes; `None` when the sentence names nothing ("Not even
    /// remotely true.").
    pub about: Option<Arg>,
    /// The statement (index into the article's statements) it is in, if it
    /// is reported speech.
    pub statement: Option<usize>,
}

/// How a word says something is false: by itself ("hoax"), or negated
/// ("not true", "didn't happen").
#[derive(Clone, Copy, PartialEq, Eq)]
enum Cue {
    False { strong: bool },
    FalseIfNegated,
}

fn cue(lemma: &str, upos: &str) -> Option<Cue> {
    let strong = Some(Cue::False { strong: true });
    let weak = Some(Cue::False { strong: false });
    if lemma.starts_with("bullsh") {
        return strong;
    }
    let noun = || match lemma {
        "hoax" | "fake" | "fraud" | "fabrication" | "fiction" | "satire" | "prank" | "lie"
        | "sham" | "spoof" | "parody" | "hoaxer" | "falsehood" | "untruth" | "bs" | "nonsense"
        | "fakery" | "scam" | "mockumentary" => strong,
        "exaggeration" | "misinformation" | "disinformation" => weak,
        "evidence" | "truth" | "proof" | "basis" => Some(Cue::FalseIfNegated),
        _ => None,
    };
    let adjective = || match lemma {
        "false" | "fake" | "untrue" | "bogus" | "fabricated" | "fictional" | "fictitious"
        | "satirical" | "phony" | "phoney" | "fraudulent" | "doctored" | "photoshopped"
        | "debunk" | "debunked" | "fabricate" | "hoax" | "photoshop" => strong,
        "baseless" | "unfounded" | "exaggerate" | "exaggerated" | "misleading" | "stage"
        | "staged" | "unsubstantiated" | "unverified" | "dubious" => weak,
        "true" | "real" | "genuine" | "happen" | "accurate" | "authentic" => {
            Some(Cue::FalseIfNegated)
        }
        _ => None,
    };
    match upos {
        "NOUN" => noun(),
        // A word in capitals is often tagged a name ("as \"FALSE\"").
        "PROPN" => noun().or_else(adjective),
        "ADJ" | "VERB" => adjective(),
        _ => None,
    }
}

/// Subjects that point back at the story rather than naming something
/// ("it", "this", "the whole thing", "the story", "the report").
pub fn anaphoric(arg: Option<&Arg>) -> bool {
    let Some(a) = arg else {
        return true;
    };
    a.upos == "PRON"
        || a.upos == "DET"
        || matches!(
            a.head.as_str(),
            "story"
                | "thing"
                | "report"
                | "claim"
                | "photo"
                | "photograph"
                | "image"
                | "picture"
                | "video"
                | "rumor"
                | "rumour"
                | "tale"
                | "news"
                | "article"
                | "post"
                | "account"
                | "piece"
                | "headline"
                | "all"
                | "everything"
        )
}

/// The veracity statements of one sentence.
pub fn statements(
    sentence: usize,
    tokens: &[Token],
    statement_at: &dyn Fn(usize) -> Option<usize>,
) -> Vec<Veracity> {
    let n = tokens.len();
    // A question asks, it does not say ("Is the photo a fake?").
    if tokens.last().is_some_and(|t| t.lemma == "?") {
        return Vec::new();
    }
    let children = children(tokens);
    let lower = |i: usize| CompactString::from_str_to_lowercase(&tokens[i].lemma);
    let negator = |i: usize| {
        let l = lower(i);
        matches!(l.as_str(), "not" | "never" | "n't" | "no" | "nothing")
            && matches!(tokens[i].deprel, "advmod" | "det" | "neg")
    };
    let negated = |i: usize| children[i].iter().copied().find(|&c| negator(c));
    let hedged = |i: usize| {
        children[i].iter().any(|&c| {
            matches!(
                lower(c).as_str(),
                "may" | "might" | "could" | "possibly" | "perhaps" | "if" | "whether"
            )
        })
    };
    let arg = |i: usize| Arg {
        span: tokens[i].span,
        head: lower(i),
        upos: tokens[i].upos.into(),
    };
    // The subject of the cue's own clause, not an outer one ("The problem
    // is that all of it is false": all of it).
    let subject_of = |i: usize| {
        let subject = |c: &usize| {
            let d = tokens[*c].deprel;
            (d.starts_with("nsubj") || d == "csubj") && d != "nsubj:outer"
        };
        children[i]
            .iter()
            .copied()
            .find(|c| subject(c))
            .or_else(|| {
                children[i]
                    .iter()
                    .copied()
                    .find(|&c| tokens[c].deprel == "nsubj:outer")
            })
    };
    let has_child = |i: usize, rel: &str, words: &[&str]| {
        children[i]
            .iter()
            .any(|&c| tokens[c].deprel == rel && words.contains(&lower(c).as_str()))
    };
    let predicates = |i: usize| {
        let t = &tokens[i];
        let labels = |j: usize| {
            matches!(
                lower(j).as_str(),
                "call"
                    | "label"
                    | "brand"
                    | "dub"
                    | "declare"
                    | "deem"
                    | "expose"
                    | "out"
                    | "reveal"
                    | "prove"
                    | "confirm"
                    | "classify"
                    | "rate"
                    | "term"
                    | "consider"
                    | "debunk"
                    | "dismiss"
                    | "show"
            )
        };
        // The labelling verb is the cue's head, or the head of the noun the
        // cue is in apposition to ("classified the story as \"FALSE\"").
        let head = (t.head > 0 && t.head <= n).then(|| t.head - 1);
        let grand = head.and_then(|h| {
            let g = tokens[h].head;
            (g > 0 && g <= n && tokens[h].deprel == "obj").then(|| g - 1)
        });
        let labelled = head.is_some_and(labels) || grand.is_some_and(labels);
        children[i].iter().any(|&c| tokens[c].deprel == "cop")
            || matches!(t.deprel, "root" | "ccomp" | "parataxis")
            || (t.upos == "VERB" && matches!(t.deprel, "advcl" | "xcomp" | "acl:relcl"))
            // "funny, but also totally fake", "as it turns out, not true".
            || t.deprel == "conj"
            || (matches!(t.deprel, "obj" | "xcomp" | "obl" | "advcl" | "nmod") && labelled)
            || has_child(i, "case", &["as"]) && labelled
            // "there is no evidence", "found no evidence": the noun is the
            // clause's point.
            || (matches!(t.deprel, "nsubj" | "obj") && has_child(i, "det", &["no"]))
    };
    let reported_or_open = |i: usize| {
        let mut j = i;
        for _ in 0..n {
            if has_child(j, "mark", &["if", "whether"]) || has_child(j, "cc", &["or"]) {
                return true;
            }
            let t = &tokens[j];
            if t.head == 0 || t.head > n {
                return false;
            }
            let h = t.head - 1;
            let hl = lower(h);
            let under_claim = matches!(t.deprel, "ccomp" | "acl" | "xcomp" | "appos")
                && matches!(
                    hl.as_str(),
                    "claim"
                        | "allege"
                        | "allegation"
                        | "suggest"
                        | "suggestion"
                        | "speculate"
                        | "speculation"
                        | "argue"
                        | "wonder"
                        | "whisper"
                        | "rumor"
                        | "rumour"
                        | "question"
                        | "ask"
                        | "fear"
                        | "suspect"
                        | "suspicion"
                        | "accuse"
                        | "accusation"
                        | "theory"
                        | "insist"
                        | "report"
                        | "story"
                );
            if under_claim {
                return true;
            }
            j = h;
        }
        false
    };
    let mut out = Vec::new();
    for i in 0..n {
        let t = &tokens[i];
        let l = lower(i);
        let Some(kind) = cue(&l, t.upos) else {
            continue;
        };
        // Verbs that say a story was made: only in the passive ("the photo
        // was doctored", "it's staged"), not "troops stage attacks".
        let passive = children[i]
            .iter()
            .any(|&c| matches!(tokens[c].deprel, "aux:pass" | "nsubj:pass" | "cop"));
        if t.upos == "VERB"
            && matches!(
                l.as_str(),
                "stage" | "exaggerate" | "fabricate" | "photoshop" | "doctor" | "fake"
            )
            && !passive
            && t.xpos != "VBN"
        {
            continue;
        }
        // Only a cue that is what its clause says counts: a predicate
        // ("was a hoax", "is not true", "didn't happen"), a label ("called
        // it a hoax", "exposed as a fake"), or a clause of its own; not a
        // word in passing ("fake nipple", "a series of false statements",
        // "repeat the prank", "the hoax bust").
        if !predicates(i) {
            continue;
        }
        // A possibility or someone else's claim is not a debunking ("faces
        // claims that the surgery is a fake", "whether it is a hoax", "a
        // sandbank or a hoax", "even if it isn't real").
        if reported_or_open(i) {
            continue;
        }
        // "there is no evidence": the negation sits on the noun itself.
        let neg = negated(i);
        let (strong, word) = match kind {
            Cue::False { strong } => {
                if neg.is_some() {
                    // "not a hoax", "isn't fake": the opposite.
                    continue;
                }
                (strong && !hedged(i), t.span)
            }
            Cue::FalseIfNegated => {
                let Some(nw) = neg else {
                    continue;
                };
                // "no evidence" and "no basis" are weaker than "not true".
                let strong = !matches!(l.as_str(), "evidence" | "proof" | "basis") && !hedged(i);
                (
                    strong,
                    Span::new(tokens[nw].span.start.min(t.span.start), t.span.end),
                )
            }
        };
        let about = subject_of(i).map(arg);
        let text_word = match kind {
            Cue::False { .. } => l.to_string(),
            Cue::FalseIfNegated => format!("not {l}"),
        };
        out.push(Veracity {
            sentence,
            cue: word,
            word: text_word,
            strong,
            about,
            statement: statement_at(t.span.start),
        });
    }
    // Denials of the story by name or by clause: "denied claims that …",
    // "denying that such arrangements are being considered", "dismissed
    // the possibility of it being real". A denial is someone's word against
    // the story, so it is weak: its sentence must be about the story by its
    // own words.
    for i in 0..n {
        let t = &tokens[i];
        if t.upos != "VERB" || !denial_verb(&lower(i)) {
            continue;
        }
        if negated(i).is_some() || reported_or_open(i) {
            continue;
        }
        let target = children[i].iter().copied().find_map(|c| {
            let d = tokens[c].deprel;
            if d == "ccomp" {
                // Only a clause that points back at the story ("that such
                // arrangements are considered", "that it happened"); a
                // clause naming its own subject ("denied that its forces
                // took part") denies one claim, which the comparator meets
                // clause against clause.
                let subject = subject_of(c)?;
                let points_back = matches!(tokens[subject].upos, "PRON" | "DET")
                    || denied_noun(&lower(subject))
                    || has_child(subject, "det", &["such", "this", "these", "that", "those"])
                    || has_child(subject, "amod", &["such"]);
                points_back.then(|| Some(arg(subject)))
            } else if matches!(d, "obj" | "nsubj:pass") && denied_noun(&lower(c)) {
                Some(Some(arg(c)))
            } else {
                None
            }
        });
        let Some(about) = target else {
            continue;
        };
        out.push(Veracity {
            sentence,
            cue: t.span,
            word: "denied".to_string(),
            strong: false,
            about,
            statement: statement_at(t.span.start),
        });
    }
    out.sort_by_key(|v| v.cue.start);
    out
}

/// Verbs that deny what they take: the clause or the report.
fn denial_verb(lemma: &str) -> bool {
    matches!(lemma, "deny" | "refute" | "dismiss" | "reject" | "rebut")
}

/// What a denial verb denies when it is its object: a report of the story,
/// not a request or a person ("rejected the offer", "dismissed the coach").
fn denied_noun(lemma: &str) -> bool {
    matches!(
        lemma,
        "claim"
            | "report"
            | "rumor"
            | "rumour"
            | "suggestion"
            | "allegation"
            | "possibility"
            | "story"
            | "speculation"
            | "idea"
            | "notion"
            | "assertion"
            | "accusation"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(text: &str) -> Vec<Veracity> {
        let (_, _, syn) = crate::syntax::parsed(text);
        syn.sentences
            .iter()
            .flat_map(|s| statements(s.sentence, &s.tokens, &|_| None))
            .collect()
    }

    #[test]
    fn hoaxes_and_negated_truths_are_debunkings() {
        let v = of("The whole thing was a hoax.");
        assert_eq!(v.len(), 1);
        assert!(v[0].strong);
        assert_eq!(v[0].about.as_ref().unwrap().head, "thing");
        let v = of("The mayor said the report is not true.");
        assert_eq!(v.len(), 1);
        assert_eq!(v[0].word, "not true");
        let v = of("It never happened.");
        assert_eq!(v[0].word, "not happen");
        assert!(anaphoric(v[0].about.as_ref()));
    }

    #[test]
    fn denials_of_a_hoax_questions_and_plain_truths_are_not() {
        assert!(of("The video is not a hoax, the police said.").is_empty());
        assert!(of("Is the video a hoax?").is_empty());
        assert!(of("The mayor said the report is true.").is_empty());
    }

    #[test]
    fn weak_cues_are_marked_weak() {
        let v = of("There is no evidence that the dam failed.");
        assert_eq!(v.len(), 1);
        assert!(!v[0].strong);
        let v = of("The photo may be fake.");
        assert_eq!(v.len(), 1);
        assert!(!v[0].strong);
    }

    #[test]
    fn denials_of_a_report_or_a_clause_are_weak_debunkings() {
        let v = of("The bank has denied the newspaper's claims that it will close.");
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].word, "denied");
        assert!(!v[0].strong);
        assert_eq!(v[0].about.as_ref().unwrap().head, "claim");
        let v = of("Denying that such plans exist, the spokesman said the rules are unchanged.");
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].about.as_ref().unwrap().head, "plan");
        // Not denied, or denied something that is not a report of the story.
        assert!(of("The airline did not deny the report.").is_empty());
        assert!(of("The club dismissed the coach on Monday.").is_empty());
        assert!(of("The council rejected the offer.").is_empty());
        // A clause with its own subject is one claim, not the story.
        assert!(of("Minsk denied that its troops took part in the attack.").is_empty());
    }
}
