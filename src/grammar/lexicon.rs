//! Word lists the grammar consults: reporting cues, pronouns, titles, words
//! that never start a speaker. The cue list can be extended at run time.

use std::collections::HashSet;

/// Reporting verbs, every inflection listed so that lookup is one hash probe.
#[rustfmt::skip]
const CUE_VERBS: &[&str] = &[
    "say", "said", "says", "saying", "tell", "told", "tells", "telling", "add", "added", "adds",
    "adding", "claim", "claimed", "claims", "claiming", "state", "stated", "states", "stating",
    "insist", "insisted", "insists", "insisting", "warn", "warned", "warns", "warning", "note",
    "noted", "notes", "noting", "deny", "denied", "denies", "denying", "confirm", "confirmed",
    "confirms", "confirming", "announce", "announced", "announces", "announcing", "write", "wrote",
    "writes", "writing", "tweet", "tweeted", "tweets", "tweeting", "explain", "explained",
    "explains", "explaining", "argue", "argued", "argues", "arguing", "ask", "asked", "asks",
    "asking", "reply", "replied", "replies", "replying", "respond", "responded", "responds",
    "recall", "recalled", "recalls", "recalling", "acknowledge", "acknowledged", "acknowledges",
    "admit", "admitted", "admits", "admitting", "allege", "alleged", "alleges", "alleging",
    "suggest", "suggested", "suggests", "suggesting", "urge", "urged", "urges", "urging",
    "declare", "declared", "declares", "report", "reported", "reports", "reporting", "observe",
    "observed", "observes", "continue", "continued", "continues", "predict", "predicted",
    "predicts", "promise", "promised", "promises", "vow", "vowed", "vows", "assert", "asserted",
    "asserts", "maintain", "maintained", "maintains", "contend", "contended", "contends",
    "complain", "complained", "complains", "joke", "joked", "jokes", "emphasize", "emphasized",
    "emphasizes", "emphasise", "emphasised", "emphasises", "stress", "stressed", "stresses",
    "concede", "conceded", "concedes", "testify", "testified", "testifies", "quip", "quipped",
    "shout", "shouted", "remark", "remarked", "comment", "commented", "comments", "describe",
    "described", "describes", "describing", "call", "called", "calls", "calling", "caution",
    "cautioned", "cautions", "counter", "countered", "mention", "mentioned", "mentions", "reveal",
    "revealed", "reveals", "indicate", "indicated", "indicates", "agree", "agreed", "agrees",
    "insist", "predict", "boast", "boasted", "pledge", "pledged", "pledges", "threaten",
    "threatened", "threatens", "demand", "demanded", "demands", "tout", "touted", "touts",
    "reiterate", "reiterated", "reiterates", "recount", "recounted", "recounts", "post", "posted",
    "posts", "wonder", "wondered", "wonders", "estimate", "estimated", "estimates", "conclude",
    "concluded", "concludes", "believe", "believes", "believed", "think", "thinks", "thought",
    "hope", "hopes", "hoped", "fear", "fears", "feared", "expect", "expects", "expected", "know",
    "knows", "knew", "accuse", "accused", "accuses", "accusing", "praise", "praised", "praises",
    "praising", "criticize", "criticized", "criticizes", "criticizing", "criticise", "criticised",
    "criticises", "slam", "slammed", "slams", "blast", "blasted", "blasts", "dismiss", "dismissed",
    "dismisses", "label", "labeled", "labelled", "labels", "brand", "branded", "hail", "hailed",
    "hails", "mock", "mocked", "mocks", "question", "questioned", "questions", "decry", "decried",
    "decries", "lament", "lamented", "laments", "acknowledging", "pointing", "vowing", "promising",
    "blame", "blamed", "blames", "blaming", "emailed", "emailing", "texted", "messaged", "posting",
    "exclaim", "exclaimed", "exclaims", "answered", "interjected", "chanted", "yelled", "screamed",
    "whispered", "mused", "muses", "sighed", "snapped", "retort", "retorted", "read", "reads",
    "pledging", "threatening", "demanding",
];

/// Cues that introduce indirect speech only with an explicit `that` (they are
/// too often ordinary verbs: "agreed to talks", "called him", "expects rain").
#[rustfmt::skip]
const THAT_ONLY: &[&str] = &[
    "read", "reads", "emailed", "emailing", "texted", "messaged", "posting", "tweeting", "chanted",
    "yelled", "screamed", "whispered", "sighed", "snapped", "answered", "accuse", "accused",
    "accuses", "accusing", "praise", "praised", "praises", "praising", "criticize", "criticized",
    "criticizes", "criticizing", "criticise", "criticised", "criticises", "slam", "slammed",
    "slams", "blast", "blasted", "blasts", "dismiss", "dismissed", "dismisses", "label", "labeled",
    "labelled", "labels", "brand", "branded", "hail", "hailed", "hails", "mock", "mocked", "mocks",
    "question", "questioned", "questions", "decry", "decried", "decries", "lament", "lamented",
    "laments", "pointing", "blame", "blamed", "blames", "blaming", "confirm", "confirmed",
    "confirms", "confirming", "deny", "denied", "denies", "denying", "announce", "announced",
    "announces", "announcing", "agree", "agreed", "agrees", "call", "called", "calls", "calling",
    "describe", "described", "describes", "describing", "believe", "believes", "believed", "think",
    "thinks", "thought", "hope", "hopes", "hoped", "fear", "fears", "feared", "expect", "expects",
    "expected", "know", "knows", "knew", "continue", "continued", "continues", "post", "posted",
    "posts", "demand", "demanded", "demands", "report", "reported", "reports", "reporting",
    "write", "wrote", "writes", "writing", "estimate", "estimated", "estimates", "ask", "asked",
    "asks", "asking", "urge", "urged", "urges", "urging", "note", "noted", "notes", "noting",
    "state", "stated", "states", "stating", "recall", "recalled", "recalls", "recalling",
    "mention", "mentioned", "mentions", "indicate", "indicated", "indicates", "reveal", "revealed",
    "reveals", "conclude", "concluded", "concludes", "wonder", "wondered", "wonders", "tout",
    "touted", "touts", "threaten", "threatened", "threatens", "pledge", "pledged", "pledges",
    "promise", "promised", "promises", "vow", "vowed", "vows", "boast", "boasted", "testify",
    "testified", "testifies", "admit", "admitted", "admits", "admitting",
];

/// Cues whose content can be an infinitive: "promised to rebuild the port".
#[rustfmt::skip]
const INFINITIVE_CUES: &[&str] = &[
    "promise", "promised", "promises", "promising", "pledge", "pledged", "pledges", "pledging",
    "vow", "vowed", "vows", "vowing", "urge", "urged", "urges", "ask", "asked", "asks", "call",
    "called", "calls",
];

/// Cues that take the addressee as object before the content: "told reporters
/// that", "asked Kyiv to", "warned them".
#[rustfmt::skip]
const TAKES_OBJECT: &[&str] = &[
    "tell", "told", "tells", "telling", "ask", "asked", "asks", "asking", "urge", "urged", "urges",
    "urging", "warn", "warned", "warns", "warning", "remind", "reminded", "assure", "assured",
    "assures", "promise", "promised", "inform", "informed", "caution", "cautioned",
];

/// Personal pronouns that can stand for a speaker.
#[rustfmt::skip]
pub const PRONOUNS: &[&str] = &["he", "she", "they", "it", "we", "i", "you"];

/// Titles and roles that precede a name ("President Vladimir Putin") and that
/// can stand for a person alone ("the President said").
#[rustfmt::skip]
pub const TITLES: &[&str] = &[
    "president", "prime", "minister", "chancellor", "king", "queen", "prince", "princess",
    "senator", "sen", "representative", "rep", "governor", "gov", "mayor", "premier", "chief",
    "secretary", "spokesman", "spokeswoman", "spokesperson", "ambassador", "general", "gen",
    "colonel", "captain", "commander", "admiral", "judge", "justice", "director", "chairman",
    "chairwoman", "chair", "ceo", "leader", "adviser", "advisor", "aide", "negotiator", "envoy",
    "officer", "sheriff", "dr", "doctor", "professor", "prof", "mr", "mrs", "ms", "miss",
    "sergeant", "lieutenant", "councillor", "councilor", "deputy", "head", "pope", "bishop",
    "reverend", "rev", "coach", "manager", "founder", "owner", "superintendent", "inspector",
    "detective", "constable", "commissioner", "attorney", "lawyer", "counsel", "economist",
    "analyst", "expert", "official", "officials", "executive", "vice", "assistant", "critic",
    "member", "speaker", "mp", "mla", "mpp", "candidate", "nominee", "host", "author",
    "researcher", "scientist", "writer", "editor", "columnist", "activist", "organizer",
    "organiser", "worker", "student", "teacher", "resident", "farmer", "physician", "nurse",
    "surgeon", "coroner", "examiner", "administrator", "strategist", "pollster", "veteran",
];

/// Capitalised words that open sentences but never start a name.
#[rustfmt::skip]
pub const NOT_NAME_START: &[&str] = &[
    "the", "a", "an", "earlier", "later", "meanwhile", "however", "but", "and", "also", "then",
    "still", "now", "today", "yesterday", "ultimately", "instead", "in", "on", "at", "for",
    "after", "before", "when", "while", "as", "if", "since", "this", "that", "these", "those",
    "his", "her", "their", "its", "our", "my", "your", "even", "so", "yet", "or", "nor", "of",
    "there", "here", "what", "who", "why", "how", "where", "some", "many", "most", "all", "no",
    "not", "both", "each", "every", "speaking", "according", "asked", "citing", "despite",
    "during", "with", "without", "by", "from", "to", "into", "until", "though", "although",
    "because", "unlike", "like", "last", "next", "first", "finally", "again", "indeed", "monday",
    "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "it", "he", "she", "they",
    "we", "i", "you", "one", "two", "three", "mr", "mrs", "ms", "dr",
];

/// Words that end a speaker phrase when scanning left from a cue.
#[rustfmt::skip]
pub const CLAUSE_BREAKS: &[&str] = &[
    "and", "but", "or", "while", "as", "because", "after", "before", "when", "where", "since",
    "if", "that", "which", "who", "whom", "whose", "although", "though", "so", "than", "until",
    "unless", "whether", "said", "says", "told", "not",
];

/// Determiners that open a common-noun speaker ("the union", "a spokesperson").
#[rustfmt::skip]
pub const DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this", "these", "those",
    "some", "many", "several", "two", "three", "other", "both", "most",
];

/// Nouns for organisations, media and groups that end a speaker phrase
/// ("Russia's RIA news agency", "Ukraine's presidency", "the union").
#[rustfmt::skip]
pub const ORG_NOUNS: &[&str] = &[
    "news", "agency", "media", "presidency", "government", "ministry", "office", "team",
    "delegation", "police", "army", "military", "forces", "council", "committee", "party", "union",
    "company", "court", "department", "service", "embassy", "administration", "parliament",
    "board", "commission", "authority", "authorities", "group", "campaign", "report", "statement",
    "newspaper", "paper", "channel", "broadcaster", "outlet", "source", "sources", "spokesperson",
    "officials", "lawmakers", "prosecutors", "investigators", "witnesses", "residents", "experts",
    "analysts", "researchers", "scientists", "doctors", "workers", "employees", "members",
    "leaders", "critics", "supporters", "opponents", "protesters", "organizers", "organisers",
    "staff", "study", "survey", "poll", "data", "figures", "website", "network", "station",
    "magazine", "journal", "wire", "bureau", "institute", "association", "federation", "league",
    "club", "firm", "bank", "coalition", "alliance", "movement", "family", "families", "lawyers",
    "officers", "guard", "ministers", "cabinet", "senate", "congress", "house", "assembly",
    "regime", "kremlin", "palace", "white", "state", "states", "nations", "people", "public",
    "citizens", "voters", "students", "parents", "teachers", "nurses", "patients", "victims",
    "owners", "managers", "executives", "spokesman", "spokeswoman", "release",
];

/// Auxiliaries and adverbs that may stand between a speaker and the cue
/// ("Kiev has said", "Zelenskyy also told").
#[rustfmt::skip]
pub const CUE_PRECEDERS: &[&str] = &[
    "has", "have", "had", "also", "later", "would", "will", "could", "previously", "then", "again",
    "further", "repeatedly", "reportedly", "once", "recently", "earlier", "first", "publicly",
    "privately", "simply", "just", "did", "does", "do", "is", "was", "were", "are", "already",
    "often", "frequently", "quickly", "flatly", "strongly", "firmly", "even", "still", "now", "is",
    "may", "might", "shall", "should", "can",
];

/// The configurable lexicon.
#[derive(Debug, Clone)]
pub struct Lexicon {
    cues: HashSet<String>,
    that_only: HashSet<String>,
    takes_object: HashSet<String>,
    infinitive: HashSet<String>,
}

impl Default for Lexicon {
    fn default() -> Self {
        let set = |l: &[&str]| l.iter().map(|s| s.to_string()).collect::<HashSet<_>>();
        Lexicon {
            cues: set(CUE_VERBS),
            that_only: set(THAT_ONLY),
            takes_object: set(TAKES_OBJECT),
            infinitive: set(INFINITIVE_CUES),
        }
    }
}

impl Lexicon {
    /// Adds cue verbs (every form the text uses must be listed).
    pub fn extend_cues<I: IntoIterator<Item = String>>(&mut self, words: I) {
        for w in words {
            self.cues.insert(w.to_lowercase());
        }
    }

    /// Whether `word` (any case) is a reporting verb.
    pub fn is_cue(&self, word: &str) -> bool {
        self.lookup(&self.cues, word)
    }

    /// Whether the cue needs an explicit `that` to introduce indirect speech.
    pub fn needs_that(&self, word: &str) -> bool {
        self.lookup(&self.that_only, word)
    }

    /// Whether the cue reports with a `to` infinitive ("vowed to stay").
    pub fn takes_infinitive(&self, word: &str) -> bool {
        self.lookup(&self.infinitive, word)
    }

    pub fn takes_object(&self, word: &str) -> bool {
        self.lookup(&self.takes_object, word)
    }

    fn lookup(&self, set: &HashSet<String>, word: &str) -> bool {
        if word.len() > 16 {
            return false;
        }
        if word.bytes().all(|b| b.is_ascii_lowercase()) {
            return set.contains(word);
        }
        set.contains(&word.to_lowercase())
    }
}

/// Whether `word` (lowercased) is in `list`.
pub fn is_in(list: &[&str], word: &str) -> bool {
    let word = word.strip_suffix('.').unwrap_or(word);
    if word.bytes().all(|b| b.is_ascii_lowercase()) {
        return list.contains(&word);
    }
    let lower = word.to_lowercase();
    list.contains(&lower.as_str())
}

/// Weekdays and months: never part of a name.
#[rustfmt::skip]
pub const TIME_WORDS: &[&str] = &[
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec", "today", "yesterday", "tonight",
];

/// Prepositions and clause verbs: they end a role phrase when scanning left
/// from a name ("met his rival", "told the minister").
#[rustfmt::skip]
pub const ROLE_SCAN_STOPS: &[&str] = &[
    "of", "in", "on", "at", "to", "for", "with", "by", "from", "about", "against", "between",
    "into", "through", "during", "before", "after", "above", "below", "under", "over", "near",
    "met", "told", "called", "said", "says",
];
