//! Polarity and modality: whether a claim says the event happened, was
//! denied, refused or rejected, or is only planned, offered or possible.
//!
//! Both are read from the words of the trigger's clause before it (back to a
//! clause break), and for modality also the few words after it ("talks were
//! planned"). A clause break is punctuation that ends a clause or a
//! subordinator ("which", "because", "saying"); "that" after a denial verb is
//! not one, because the denied content is what follows it ("Minsk denied
//! that its forces were participating").

use super::mentions::Word;
use serde::{Deserialize, Serialize};

/// Whether the claim asserts the event or turns it down.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Polarity {
    Asserted,
    /// Said not to have happened ("denied", "did not").
    Denied,
    /// Turned down by someone who could have taken part ("refused").
    Refused,
    /// An offer or proposal turned down ("rejected").
    Rejected,
}

/// How certain or real the event is in the claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Modality {
    /// It happened or is happening.
    Actual,
    /// Planned, scheduled, expected, "will".
    Planned,
    /// "ready to", "prepared to", "willing to".
    Ready,
    /// "agreed to".
    Agreed,
    /// Offered, proposed, suggested, wanted.
    Proposed,
    /// "may", "might", "could".
    Possible,
}

impl Polarity {
    pub fn as_str(self) -> &'static str {
        match self {
            Polarity::Asserted => "asserted",
            Polarity::Denied => "denied",
            Polarity::Refused => "refused",
            Polarity::Rejected => "rejected",
        }
    }
}

impl Modality {
    pub fn as_str(self) -> &'static str {
        match self {
            Modality::Actual => "actual",
            Modality::Planned => "planned",
            Modality::Ready => "ready",
            Modality::Agreed => "agreed",
            Modality::Proposed => "proposed",
            Modality::Possible => "possible",
        }
    }
}

fn polarity_word(lower: &str) -> Option<Polarity> {
    Some(match lower {
        "denied" | "denies" | "deny" | "denying" | "dismissed" | "refuted" | "disputed" => {
            Polarity::Denied
        }
        "refused" | "refuses" | "refuse" | "refusing" | "declined" | "declines" => {
            Polarity::Refused
        }
        "rejected" | "rejects" | "reject" | "rejecting" | "ruled" => Polarity::Rejected,
        "not" | "n't" | "never" | "no" | "without" | "nor" | "nobody" | "none" | "no-one" => {
            Polarity::Denied
        }
        _ => return None,
    })
}

fn modality_word(lower: &str) -> Option<Modality> {
    Some(match lower {
        "planned" | "plans" | "plan" | "planning" | "will" | "would" | "scheduled" | "expected"
        | "set" | "due" | "upcoming" | "future" | "proposed-date" | "shall" | "going" => {
            Modality::Planned
        }
        "ready" | "prepared" | "willing" => Modality::Ready,
        "agreed" | "agrees" | "agree" | "accepted" => Modality::Agreed,
        "offer" | "offered" | "offers" | "proposal" | "proposed" | "proposes" | "suggestion"
        | "suggested" | "suggests" | "wanted" | "wants" | "want" | "sought" | "seeks"
        | "called" | "urged" | "asked" | "invitation" | "invited" => Modality::Proposed,
        "may" | "might" | "could" | "possible" | "possibly" | "likely" | "perhaps" => {
            Modality::Possible
        }
        _ => return None,
    })
}

/// Words that open a new clause whatever reads across them: relative
/// pronouns, contrasts, causes and the participles that add a second claim
/// ("…, saying that …").
pub(crate) fn opens_clause(lower: &str) -> bool {
    matches!(
        lower,
        "which"
            | "who"
            | "whom"
            | "whose"
            | "where"
            | "because"
            | "while"
            | "whereas"
            | "but"
            | "although"
            | "though"
            | "saying"
            | "arguing"
            | "adding"
    )
}

/// Words that end a clause when reading back from a trigger: the above,
/// time clauses and complementisers.
fn is_break(w: &Word<'_>) -> bool {
    if !w.is_word {
        return matches!(w.s, "." | ";" | ":" | "!" | "?" | "—" | "–" | "(" | ")");
    }
    opens_clause(&w.lower)
        || matches!(
            w.lower.as_str(),
            "since" | "after" | "before" | "when" | "that" | "if" | "unless"
        )
}

/// The polarity of the event named at word `t`, and the word that gives it.
pub fn polarity(ws: &[Word<'_>], t: usize) -> (Polarity, Option<usize>) {
    let mut k = t;
    let mut steps = 0;
    while k > 0 && steps < 14 {
        k -= 1;
        steps += 1;
        let w = &ws[k];
        if is_break(w) {
            // "denied that …": the denial covers what follows.
            if w.is("that")
                && let Some(i) = k.checked_sub(1)
                && ws[i].lower.len() > 3
                && let Some(p) = polarity_word(&ws[i].lower)
            {
                return (p, Some(i));
            }
            break;
        }
        if let Some(p) = polarity_word(&w.lower) {
            // "no" and "without" negate the noun right after them ("no
            // talks", "without a deal"), not one further on ("no hope from
            // these talks").
            if matches!(
                w.lower.as_str(),
                "no" | "without" | "nor" | "nobody" | "none" | "no-one"
            ) && t - k > 3
            {
                continue;
            }
            return (p, Some(k));
        }
    }
    (Polarity::Asserted, None)
}

/// The modality of the event named at word `t`, and the word that gives it.
pub fn modality(ws: &[Word<'_>], t: usize) -> (Modality, Option<usize>) {
    let mut k = t;
    let mut steps = 0;
    while k > 0 && steps < 10 {
        k -= 1;
        steps += 1;
        let w = &ws[k];
        if is_break(w) {
            break;
        }
        if let Some(m) = modality_word(&w.lower) {
            // "set" and "due" count only before "to"; "called" only before
            // "for".
            let ok = match w.lower.as_str() {
                "set" | "due" | "going" => ws.get(k + 1).is_some_and(|n| n.is("to")),
                "called" => ws.get(k + 1).is_some_and(|n| n.is("for")),
                _ => true,
            };
            if ok {
                return (m, Some(k));
            }
        }
    }
    // "talks were planned", "talks are scheduled".
    for (k, w) in ws.iter().enumerate().take(t + 4).skip(t + 1) {
        if is_break(w) || !w.is_word {
            break;
        }
        if matches!(w.lower.as_str(), "planned" | "scheduled" | "expected") {
            return (Modality::Planned, Some(k));
        }
    }
    (Modality::Actual, None)
}

#[cfg(test)]
mod tests {
    use super::super::mentions::words;
    use super::*;

    fn at(s: &str, trigger: &str) -> (Polarity, Modality) {
        let ws = words(s, 0);
        let t = ws.iter().position(|w| w.lower == trigger).unwrap();
        (polarity(&ws, t).0, modality(&ws, t).0)
    }

    #[test]
    fn denials_refusals_and_rejections() {
        assert_eq!(
            at("Minsk denied that its forces joined the attack.", "attack").0,
            Polarity::Denied
        );
        assert_eq!(
            at("The mayor refused talks with the union.", "talks").0,
            Polarity::Refused
        );
        assert_eq!(
            at("She rejected an offer of talks in Oslo.", "talks").0,
            Polarity::Rejected
        );
        assert_eq!(
            at("Nobody was killed, officials said.", "killed").0,
            Polarity::Denied
        );
        assert_eq!(
            at("Two people were killed, officials said.", "killed").0,
            Polarity::Asserted
        );
        assert_eq!(
            at("There is no hope for these talks.", "talks").0,
            Polarity::Asserted
        );
        assert_eq!(
            at("The army did not attack the town.", "attack").0,
            Polarity::Denied
        );
    }

    #[test]
    fn a_clause_break_stops_the_scope() {
        assert_eq!(
            at(
                "He rejected the plan, saying the invasion was illegal.",
                "invasion"
            )
            .0,
            Polarity::Asserted
        );
    }

    #[test]
    fn plans_readiness_and_possibility() {
        assert_eq!(
            at("The planned talks in Oslo.", "talks").1,
            Modality::Planned
        );
        assert_eq!(
            at("Kyiv is ready to hold talks.", "talks").1,
            Modality::Ready
        );
        assert_eq!(at("He agreed to the talks.", "talks").1, Modality::Agreed);
        assert_eq!(
            at("Rain could flood the valley.", "flood").1,
            Modality::Possible
        );
        assert_eq!(
            at("Where talks were planned.", "talks").1,
            Modality::Planned
        );
        assert_eq!(at("The talks began.", "talks").1, Modality::Actual);
    }
}
