//! The event lexicon: the words that say what happened, normalised to one
//! event type ("hold talks", "peace talks", "negotiate" → `talks`; "killed",
//! "died", "death toll" → `deaths`).
//!
//! Each event type lists verbs (by lemma: their regular inflections are
//! generated, irregular ones are listed) and nouns (singular and plural), and
//! a few two-word phrases that mean more than their words ("death toll",
//! "phone call"). [`EventLexicon::extend`] adds words from configuration. The
//! table is in [`EVENTS`]; README lists it.

use rustc_hash::FxHashMap;

/// One event type and the words that name it.
#[derive(Debug, Clone, Copy)]
pub struct EventWords {
    /// The normalised event type, as reports and the comparator use it.
    pub event: &'static str,
    /// Verb lemmas; "-s", "-ed", "-ing" forms are generated.
    pub verbs: &'static [&'static str],
    /// Irregular verb forms ("met", "struck").
    pub irregular: &'static [&'static str],
    /// Nouns, singular; plurals are generated.
    pub nouns: &'static [&'static str],
    /// Two-word phrases, lowercased ("death toll").
    pub phrases: &'static [&'static str],
    /// When one sentence has several events, the one with the higher rank is
    /// the sentence's main event for slots that could go with either.
    pub rank: u8,
}

/// The built-in event types.
pub const EVENTS: &[EventWords] = &[
    EventWords {
        event: "talks",
        verbs: &["negotiate", "parley"],
        irregular: &[],
        nouns: &[
            "talks",
            "negotiation",
            "deliberation",
            "summit",
            "dialogue",
            "peace talk",
        ],
        phrases: &["peace talk", "peace talks", "peace process", "hold talks"],
        rank: 3,
    },
    EventWords {
        event: "meeting",
        verbs: &["meet"],
        irregular: &["met"],
        nouns: &["meeting", "encounter"],
        phrases: &[],
        rank: 3,
    },
    EventWords {
        event: "call",
        verbs: &["phone", "telephone"],
        irregular: &[],
        nouns: &["conversation"],
        phrases: &["phone call", "telephone call", "the phone", "video call"],
        rank: 2,
    },
    EventWords {
        event: "attack",
        verbs: &[
            "attack", "invade", "shell", "bomb", "strike", "raid", "assault", "hack",
        ],
        irregular: &["struck"],
        nouns: &[
            "attack",
            "invasion",
            "offensive",
            "shelling",
            "bombing",
            "airstrike",
            "air strike",
            "strike",
            "raid",
            "assault",
            "incursion",
            "bombardment",
            "aggression",
            "operation",
        ],
        phrases: &[
            "military operation",
            "military campaign",
            "special operation",
            "missile strike",
            "missile strikes",
            "drone strike",
            "drone strikes",
        ],
        rank: 2,
    },
    EventWords {
        event: "deaths",
        verbs: &["kill", "die", "perish"],
        irregular: &["dead"],
        nouns: &["death", "fatality", "dead"],
        phrases: &["death toll", "lives lost", "killed people"],
        rank: 3,
    },
    EventWords {
        event: "injuries",
        verbs: &["injure", "wound", "hurt"],
        irregular: &[],
        nouns: &["injury", "casualty"],
        phrases: &[],
        rank: 3,
    },
    EventWords {
        event: "deployment",
        verbs: &["amass", "deploy", "mobilise", "mobilize"],
        irregular: &[],
        nouns: &[
            "deployment",
            "build-up",
            "buildup",
            "mobilisation",
            "mobilization",
        ],
        phrases: &["troop build-up"],
        rank: 2,
    },
    EventWords {
        event: "agreement",
        verbs: &["sign"],
        irregular: &[],
        nouns: &["agreement", "deal", "accord", "treaty", "pact"],
        phrases: &[],
        rank: 2,
    },
    EventWords {
        event: "ceasefire",
        verbs: &[],
        irregular: &[],
        nouns: &["ceasefire", "cease-fire", "truce", "armistice"],
        phrases: &[],
        rank: 3,
    },
    EventWords {
        event: "arrival",
        verbs: &["arrive", "reach"],
        irregular: &[],
        nouns: &["arrival"],
        phrases: &[],
        rank: 2,
    },
    EventWords {
        event: "withdrawal",
        verbs: &["withdraw", "retreat"],
        irregular: &["withdrew", "withdrawn"],
        nouns: &["withdrawal", "retreat", "pullout"],
        phrases: &["pull out", "pulled out"],
        rank: 2,
    },
    EventWords {
        event: "evacuation",
        verbs: &["evacuate", "flee"],
        irregular: &["fled"],
        nouns: &["evacuation", "exodus"],
        phrases: &[],
        rank: 2,
    },
    EventWords {
        event: "capture",
        verbs: &["capture", "seize", "occupy", "retake", "recapture"],
        irregular: &["retook", "retaken", "seized"],
        nouns: &["capture", "seizure", "occupation", "control"],
        phrases: &[],
        rank: 2,
    },
    EventWords {
        event: "arrest",
        verbs: &["arrest", "detain", "jail", "imprison"],
        irregular: &[],
        nouns: &["arrest", "detention"],
        phrases: &[],
        rank: 2,
    },
    EventWords {
        event: "sanctions",
        verbs: &["sanction", "ban", "embargo"],
        irregular: &[],
        nouns: &["sanction", "embargo", "ban"],
        phrases: &[],
        rank: 2,
    },
    EventWords {
        event: "closure",
        verbs: &["shut"],
        irregular: &[],
        nouns: &["closure", "shutdown", "lockdown"],
        phrases: &[],
        rank: 1,
    },
    EventWords {
        event: "election",
        verbs: &["elect", "vote"],
        irregular: &[],
        nouns: &["election", "vote", "referendum", "ballot"],
        phrases: &[],
        rank: 2,
    },
    EventWords {
        event: "resignation",
        verbs: &["resign", "step down"],
        irregular: &[],
        nouns: &["resignation"],
        phrases: &["stepped down", "steps down", "step down"],
        rank: 2,
    },
    EventWords {
        event: "visit",
        verbs: &["visit", "tour"],
        irregular: &[],
        nouns: &["visit", "trip"],
        phrases: &[],
        rank: 2,
    },
    EventWords {
        event: "surrender",
        verbs: &["surrender", "capitulate"],
        irregular: &[],
        nouns: &["surrender", "capitulation"],
        phrases: &[],
        rank: 2,
    },
    EventWords {
        event: "aid",
        verbs: &["supply", "donate", "pledge"],
        irregular: &[],
        nouns: &["aid", "assistance", "donation", "pledge"],
        phrases: &["military aid", "humanitarian aid"],
        rank: 1,
    },
    EventWords {
        event: "protest",
        verbs: &["protest", "demonstrate", "rally", "march"],
        irregular: &[],
        nouns: &["protest", "demonstration", "rally", "march"],
        phrases: &[],
        rank: 2,
    },
    EventWords {
        event: "explosion",
        verbs: &["explode", "blast"],
        irregular: &[],
        nouns: &["explosion", "blast", "blaze"],
        phrases: &[],
        rank: 2,
    },
    EventWords {
        event: "disaster",
        verbs: &["flood", "erupt"],
        irregular: &[],
        nouns: &[
            "earthquake",
            "quake",
            "flood",
            "flooding",
            "storm",
            "hurricane",
            "typhoon",
            "cyclone",
            "wildfire",
            "tsunami",
            "eruption",
            "landslide",
            "tornado",
        ],
        phrases: &[],
        rank: 3,
    },
    EventWords {
        event: "crash",
        verbs: &["crash", "collide", "derail", "sink", "collapse"],
        irregular: &["sank", "sunk"],
        nouns: &[
            "crash",
            "collision",
            "derailment",
            "accident",
            "shipwreck",
            "collapse",
        ],
        phrases: &[],
        rank: 3,
    },
    EventWords {
        event: "trial",
        verbs: &["convict", "acquit", "indict"],
        irregular: &[],
        nouns: &["trial", "verdict", "conviction", "indictment"],
        phrases: &[],
        rank: 2,
    },
    EventWords {
        event: "change",
        verbs: &[
            "rise",
            "fall",
            "increase",
            "decrease",
            "climb",
            "drop",
            "grow",
            "revise",
            "move",
            "relocate",
            "postpone",
            "reschedule",
        ],
        irregular: &["rose", "risen", "fell", "fallen", "grew", "grown"],
        nouns: &["increase", "decrease", "rise", "drop", "growth", "decline"],
        phrases: &[],
        rank: 0,
    },
];

/// What kind of word named the event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TriggerKind {
    Verb,
    Noun,
    Phrase,
}

/// A word or phrase that names an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Trigger {
    pub event: &'static str,
    pub kind: TriggerKind,
    pub rank: u8,
}

/// The lookup table: every surface form → its event.
#[derive(Debug, Clone)]
pub struct EventLexicon {
    words: FxHashMap<String, Trigger>,
    phrases: FxHashMap<String, Trigger>,
}

impl Default for EventLexicon {
    fn default() -> Self {
        let mut lex = EventLexicon {
            words: FxHashMap::default(),
            phrases: FxHashMap::default(),
        };
        for e in EVENTS {
            lex.add(e);
        }
        lex
    }
}

impl EventLexicon {
    fn add(&mut self, e: &EventWords) {
        let t = |kind| Trigger {
            event: e.event,
            kind,
            rank: e.rank,
        };
        for v in e.verbs {
            for form in verb_forms(v) {
                self.insert(form, t(TriggerKind::Verb));
            }
        }
        for v in e.irregular {
            self.insert(v.to_string(), t(TriggerKind::Verb));
        }
        for n in e.nouns {
            self.insert(n.to_string(), t(TriggerKind::Noun));
            self.insert(plural(n), t(TriggerKind::Noun));
        }
        for p in e.phrases {
            self.phrases.insert(p.to_string(), t(TriggerKind::Phrase));
        }
    }

    fn insert(&mut self, form: String, t: Trigger) {
        if form.contains(' ') {
            self.phrases.entry(form).or_insert(t);
        } else {
            // The first event to claim a form keeps it: the table is in
            // order of precedence.
            self.words.entry(form).or_insert(t);
        }
    }

    /// Adds words for an event type (new or built in): each word is taken as
    /// both a verb lemma and a noun.
    pub fn extend(&mut self, event: &str, words: &[String]) {
        let event: &'static str = Box::leak(event.to_string().into_boxed_str());
        for w in words {
            let w = w.to_lowercase();
            let t = |kind| Trigger {
                event,
                kind,
                rank: 2,
            };
            for form in verb_forms(&w) {
                self.words.insert(form, t(TriggerKind::Verb));
            }
            if w.contains(' ') {
                self.phrases.insert(w.clone(), t(TriggerKind::Phrase));
            } else {
                self.words.insert(plural(&w), t(TriggerKind::Noun));
            }
        }
    }

    /// The event a lowercased word names.
    pub fn word(&self, lower: &str) -> Option<Trigger> {
        self.words.get(lower).copied()
    }

    /// The event a lowercased two-word phrase ("death toll") names.
    pub fn phrase(&self, first: &str, second: &str) -> Option<Trigger> {
        if self.phrases.is_empty() {
            return None;
        }
        let mut key = String::with_capacity(first.len() + second.len() + 1);
        key.push_str(first);
        key.push(' ');
        key.push_str(second);
        self.phrases.get(&key).copied()
    }
}

/// The regular forms of a verb lemma: "negotiate" → negotiate, negotiates,
/// negotiated, negotiating; "shell" → shells, shelled, shelling; "reach" →
/// reaches; "supply" → supplies, supplied; "ban" → banned, banning.
pub fn verb_forms(lemma: &str) -> Vec<String> {
    let mut out = vec![lemma.to_string()];
    if lemma.contains(' ') {
        return out;
    }
    let b = lemma.as_bytes();
    let n = b.len();
    let vowel = |c: u8| b"aeiou".contains(&c);
    if let Some(stem) = lemma.strip_suffix('e') {
        out.push(format!("{lemma}s"));
        out.push(format!("{lemma}d"));
        out.push(format!("{stem}ing"));
    } else if n >= 2 && b[n - 1] == b'y' && !vowel(b[n - 2]) {
        let stem = &lemma[..n - 1];
        out.push(format!("{stem}ies"));
        out.push(format!("{stem}ied"));
        out.push(format!("{lemma}ing"));
    } else {
        let es = lemma.ends_with(['s', 'x', 'z']) || lemma.ends_with("ch") || lemma.ends_with("sh");
        out.push(if es {
            format!("{lemma}es")
        } else {
            format!("{lemma}s")
        });
        // One short vowel before one consonant doubles it: ban → banned.
        let double = (3..=4).contains(&n)
            && !vowel(b[n - 1])
            && !b"wxy".contains(&b[n - 1])
            && vowel(b[n - 2])
            && !vowel(b[n - 3]);
        let stem = if double {
            format!("{lemma}{}", b[n - 1] as char)
        } else {
            lemma.to_string()
        };
        out.push(format!("{stem}ed"));
        out.push(format!("{stem}ing"));
    }
    out
}

/// The plural of a noun ("talks" stays "talks").
fn plural(noun: &str) -> String {
    if noun.ends_with('s') && !noun.ends_with("ss") {
        return noun.to_string();
    }
    let b = noun.as_bytes();
    let n = b.len();
    if n >= 2 && b[n - 1] == b'y' && !b"aeiou".contains(&b[n - 2]) {
        format!("{}ies", &noun[..n - 1])
    } else if noun.ends_with(['s', 'x', 'z']) || noun.ends_with("ch") || noun.ends_with("sh") {
        format!("{noun}es")
    } else {
        format!("{noun}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verb_forms_are_regular_english() {
        assert_eq!(
            verb_forms("negotiate"),
            ["negotiate", "negotiates", "negotiated", "negotiating"]
        );
        assert_eq!(
            verb_forms("reach"),
            ["reach", "reaches", "reached", "reaching"]
        );
        assert_eq!(
            verb_forms("supply"),
            ["supply", "supplies", "supplied", "supplying"]
        );
        assert_eq!(verb_forms("ban"), ["ban", "bans", "banned", "banning"]);
        assert_eq!(
            verb_forms("attack"),
            ["attack", "attacks", "attacked", "attacking"]
        );
    }

    #[test]
    fn words_normalise_to_their_event() {
        let lex = EventLexicon::default();
        for (w, e) in [
            ("talks", "talks"),
            ("negotiating", "talks"),
            ("negotiations", "talks"),
            ("killed", "deaths"),
            ("died", "deaths"),
            ("invasion", "attack"),
            ("attacked", "attack"),
            ("amassed", "deployment"),
            ("reached", "arrival"),
            ("met", "meeting"),
            ("earthquake", "disaster"),
            ("ceasefire", "ceasefire"),
        ] {
            assert_eq!(lex.word(w).map(|t| t.event), Some(e), "{w}");
        }
        assert_eq!(lex.phrase("death", "toll").map(|t| t.event), Some("deaths"));
        assert_eq!(lex.phrase("peace", "talks").map(|t| t.event), Some("talks"));
        assert_eq!(lex.word("said"), None);
    }

    #[test]
    fn configured_words_add_events() {
        let mut lex = EventLexicon::default();
        lex.extend("vaccination", &["vaccinate".to_string(), "jab".to_string()]);
        assert_eq!(lex.word("vaccinated").map(|t| t.event), Some("vaccination"));
        assert_eq!(lex.word("jabs").map(|t| t.event), Some("vaccination"));
    }
}
