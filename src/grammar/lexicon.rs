//! Word lists the grammar consults: reporting cues, pronouns, titles, words
//! that never start a speaker. The cue list can be extended at run time.

use rustc_hash::FxHashSet;

/// A set of lowercase words, looked up without allocating.
#[derive(Debug)]
pub struct WordSet(FxHashSet<&'static str>);

impl WordSet {
    pub fn new(words: &[&'static str]) -> Self {
        WordSet(words.iter().copied().collect())
    }

    /// Whether `word`, lowercased and without a trailing full stop, is in the set.
    pub fn contains(&self, word: &str) -> bool {
        let word = word.strip_suffix('.').unwrap_or(word);
        if word.len() > 32 {
            return false;
        }
        if word.bytes().all(|b| !b.is_ascii_uppercase()) {
            return self.0.contains(word);
        }
        if word.is_ascii() {
            let mut buf = [0u8; 32];
            let lower = &mut buf[..word.len()];
            lower.copy_from_slice(word.as_bytes());
            lower.make_ascii_lowercase();
            return std::str::from_utf8(lower).is_ok_and(|w| self.0.contains(w));
        }
        self.0.contains(word.to_lowercase().as_str())
    }
}

/// Declares a lazily built [`WordSet`].
macro_rules! word_set {
    ($vis:vis $name:ident, [$($w:expr),* $(,)?]) => {
        $vis static $name: std::sync::LazyLock<$crate::grammar::lexicon::WordSet> =
            std::sync::LazyLock::new(|| $crate::grammar::lexicon::WordSet::new(&[$($w),*]));
    };
}

// Reporting verbs, every inflection listed so that lookup is one hash probe.
#[rustfmt::skip]
word_set!(CUE_VERBS, [
    "quoted", "quotes", "cited", "cites",
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
    "concluded", "concludes", "accuse", "accused", "accuses", "accusing", "praise", "praised", "praises",
    "praising", "criticize", "criticized", "criticizes", "criticizing", "criticise", "criticised",
    "criticises", "slam", "slammed", "slams", "blast", "blasted", "blasts", "dismiss", "dismissed",
    "dismisses", "label", "labeled", "labelled", "labels", "brand", "branded", "hail", "hailed",
    "hails", "mock", "mocked", "mocks", "question", "questioned", "questions", "decry", "decried",
    "decries", "lament", "lamented", "laments", "acknowledging", "pointing", "vowing", "promising",
    "blame", "blamed", "blames", "blaming", "emailed", "emailing", "texted", "messaged", "posting",
    "exclaim", "exclaimed", "exclaims", "answered", "interjected", "chanted", "yelled", "screamed",
    "whispered", "mused", "muses", "sighed", "snapped", "retort", "retorted", "read", "reads",
    "pledging", "threatening", "demanding", "refute", "refuted", "refutes", "refuting", "reject",
    "rejected", "rejects", "rejecting", "rebut", "rebutted", "rebuts", "dispute", "disputed",
    "disputes", "disputing", "dismissing",
]);

// Cues that introduce indirect speech only with an explicit `that` (they are
// too often ordinary verbs: "agreed to talks", "called him", "expects rain").
#[rustfmt::skip]
word_set!(THAT_ONLY, [
    "quoted", "quotes", "cited", "cites",
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
    "testified", "testifies", "admit", "admitted", "admits", "admitting", "refute", "refuted",
    "refutes", "refuting", "reject", "rejected", "rejects", "rejecting", "rebut", "rebutted",
    "rebuts", "dispute", "disputed", "disputes", "disputing", "dismissing",
]);

// Cues of THAT_ONLY that also report a clause without "that" when one
// plainly follows ("admitted he was wrong", "alleges Smith deceived them"):
// the verbs whose object is so seldom a bare noun phrase followed by a verb.
#[rustfmt::skip]
word_set!(BARE_CLAUSE, [
    "confirm", "confirmed", "confirms", "deny", "denied", "denies", "announce", "announced",
    "announces", "agree", "agreed", "agrees", "report", "reported", "reports", "write", "wrote",
    "writes", "estimate", "estimated", "estimates", "note", "noted", "notes", "noting", "state",
    "stated", "states", "recall", "recalled", "recalls", "mention", "mentioned", "indicate",
    "indicated", "indicates", "reveal", "revealed", "reveals", "conclude", "concluded",
    "concludes", "admit", "admitted", "admits", "testify", "testified", "testifies", "allege",
    "alleged", "alleges", "warn", "warned", "warns", "insist", "insisted", "insists",
    "insisting", "acknowledge", "acknowledged", "acknowledges", "suggest", "suggested",
    "suggests", "predict", "predicted", "predicts", "promise", "promised", "promises",
]);

// Nouns of report and allegation that carry a "that" clause after a cue
// ("denied claims that …", "dismissed suggestions that …") or a speaker
// ("the union's claim that …", "the claim by the union that …").
#[rustfmt::skip]
word_set!(pub REPORT_NOUNS, [
    "claim", "claims", "report", "reports", "suggestion", "suggestions", "allegation",
    "allegations", "accusation", "accusations", "rumour", "rumours", "rumor", "rumors",
    "speculation", "assertion", "assertions", "statement", "statements", "charge", "charges",
    "notion", "idea", "suggestion", "insinuation", "insinuations", "contention", "assessment",
    "warning", "warnings", "announcement", "admission", "denial", "assurance", "assurances",
    "promise", "prediction", "view", "belief", "argument", "conclusion", "finding", "findings",
]);

// Cues whose content can be an infinitive: "promised to rebuild the port".
#[rustfmt::skip]
word_set!(INFINITIVE_CUES, [
    "promise", "promised", "promises", "promising", "pledge", "pledged", "pledges", "pledging",
    "vow", "vowed", "vows", "vowing", "urge", "urged", "urges", "ask", "asked", "asks", "call",
    "called", "calls",
]);

// Cues that take the addressee as object before the content: "told reporters
// that", "asked Kyiv to", "warned them".
#[rustfmt::skip]
word_set!(TAKES_OBJECT, [
    "tell", "told", "tells", "telling", "ask", "asked", "asks", "asking", "urge", "urged", "urges",
    "urging", "warn", "warned", "warns", "warning", "remind", "reminded", "assure", "assured",
    "assures", "promise", "promised", "inform", "informed", "caution", "cautioned",
]);

// Personal pronouns that can stand for a speaker.
#[rustfmt::skip]
word_set!(pub PRONOUNS, ["he", "she", "they", "it", "we", "i", "you"]);

// Titles and roles that precede a name ("President Vladimir Putin") and that
// can stand for a person alone ("the President said").
#[rustfmt::skip]
word_set!(pub TITLES, [
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
    "master", "treasurer", "chairperson", "president-elect", "governor-general", "mp", "spokesman",
]);

// Capitalised words that open sentences but never start a name.
#[rustfmt::skip]
word_set!(pub NOT_NAME_START, [
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
]);

// Relations that head a speaker phrase of their own ("the victim's mother",
// "her lawyer's partner"): a person named by whom they belong to.
#[rustfmt::skip]
word_set!(pub KIN, [
    "father", "mother", "son", "daughter", "wife", "husband", "brother", "sister", "aunt",
    "uncle", "cousin", "niece", "nephew", "grandfather", "grandmother", "grandson",
    "granddaughter", "parents", "widow", "widower", "fiance", "fiancee", "fiancé", "fiancée",
    "partner", "girlfriend", "boyfriend", "friend", "neighbour", "neighbor", "colleague",
    "stepfather", "stepmother", "stepson", "stepdaughter", "family", "relatives", "boss",
]);

// Words that end a speaker phrase when scanning left from a cue.
#[rustfmt::skip]
word_set!(pub CLAUSE_BREAKS, [
    "and", "but", "or", "while", "as", "because", "after", "before", "when", "where", "since",
    "if", "that", "which", "who", "whom", "whose", "although", "though", "so", "than", "until",
    "unless", "whether", "said", "says", "told", "not",
]);

// Determiners that open a common-noun speaker ("the union", "a spokesperson").
#[rustfmt::skip]
word_set!(pub DETERMINERS, [
    "the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this", "these", "those",
    "some", "many", "several", "two", "three", "other", "both", "most",
]);

// Nouns for organisations, media and groups that end a speaker phrase
// ("Russia's RIA news agency", "Ukraine's presidency", "the union").
#[rustfmt::skip]
word_set!(pub ORG_NOUNS, [
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
]);

// Auxiliaries and adverbs that may stand between a speaker and the cue
// ("Kiev has said", "Zelenskyy also told").
#[rustfmt::skip]
word_set!(pub CUE_PRECEDERS, [
    "has", "have", "had", "also", "later", "would", "will", "could", "previously", "then", "again",
    "further", "repeatedly", "reportedly", "once", "recently", "earlier", "first", "publicly",
    "privately", "simply", "just", "did", "does", "do", "is", "was", "were", "are", "already",
    "often", "frequently", "quickly", "flatly", "strongly", "firmly", "even", "still", "now", "is",
    "may", "might", "shall", "should", "can",
]);

/// The configurable lexicon.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    /// Cue verbs added by configuration, lowercase.
    extra_cues: FxHashSet<String>,
}

impl Lexicon {
    /// Adds cue verbs (every form the text uses must be listed).
    pub fn extend_cues<I: IntoIterator<Item = String>>(&mut self, words: I) {
        for w in words {
            self.extra_cues.insert(w.to_lowercase());
        }
    }

    /// The classes of a word, with configured cue verbs counted as cues.
    pub fn classify(&self, word: &str) -> u32 {
        let c = classify(word);
        if c & class::CUE_VERBS == 0
            && !self.extra_cues.is_empty()
            && self.extra_cues.contains(&word.to_lowercase())
        {
            c | class::CUE_VERBS
        } else {
            c
        }
    }

    /// Whether `word` (any case) is a reporting verb.
    pub fn is_cue(&self, word: &str) -> bool {
        CUE_VERBS.contains(word)
            || (!self.extra_cues.is_empty() && self.extra_cues.contains(&word.to_lowercase()))
    }

    /// Whether the cue needs an explicit `that` to introduce indirect speech.
    pub fn needs_that(&self, word: &str) -> bool {
        THAT_ONLY.contains(word)
    }

    /// Whether the cue reports with a `to` infinitive ("vowed to stay").
    pub fn takes_infinitive(&self, word: &str) -> bool {
        INFINITIVE_CUES.contains(word)
    }

    /// Whether the cue reports a bare clause ("admitted he was wrong"),
    /// though it needs "that" before anything else.
    pub fn bare_clause(&self, word: &str) -> bool {
        BARE_CLAUSE.contains(word)
    }

    pub fn takes_object(&self, word: &str) -> bool {
        TAKES_OBJECT.contains(word)
    }
}

/// Whether `word` (any case, trailing full stop ignored) is in `set`.
pub fn is_in(set: &WordSet, word: &str) -> bool {
    set.contains(word)
}

/// Whether `word` equals one of a few ASCII words, ignoring case.
pub fn is_one_of(words: &[&str], word: &str) -> bool {
    let word = word.strip_suffix('.').unwrap_or(word);
    words.iter().any(|w| w.eq_ignore_ascii_case(word))
}

// Weekdays and months: never part of a name.
#[rustfmt::skip]
word_set!(pub TIME_WORDS, [
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec", "today", "yesterday", "tonight",
]);

/// Whether a weekday or month word is a date where it stands, not a name.
/// Weekdays, "today" and most months are always dates; the months that are
/// also given names or surnames ("May", "June", "April", "August",
/// "January", "Jan", "Jun") are names before a capitalised word that is not
/// a date ("Jan Kowal", "April Ryan said") and after a capitalised word
/// that is not a preposition or determiner ("Theresa May"), and dates
/// otherwise ("in May", "May 5", "last June").
pub fn is_date_word(word: &str, prev: Option<&str>, next: Option<&str>) -> bool {
    if classify(word) & class::TIME_WORDS == 0 {
        return false;
    }
    let lower = word.to_lowercase();
    if !matches!(
        lower.as_str(),
        "may" | "june" | "april" | "august" | "january" | "jan" | "jun"
    ) {
        return true;
    }
    let name_like = |w: &str| {
        w.chars().next().is_some_and(char::is_uppercase)
            && w.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'))
            && classify(w) & class::TIME_WORDS == 0
    };
    if next.is_some_and(name_like) {
        return false;
    }
    let date_before = |w: &str| {
        classify(w) & class::ROLE_SCAN_STOPS != 0
            || matches!(
                w.to_lowercase().as_str(),
                "the" | "this" | "last" | "next" | "early" | "late" | "mid" | "since" | "until"
            )
    };
    !prev.is_some_and(|p| name_like(p) && !date_before(p))
}

// Prepositions and clause verbs: they end a role phrase when scanning left
// from a name ("met his rival", "told the minister").
#[rustfmt::skip]
word_set!(pub ROLE_SCAN_STOPS, [
    "of", "in", "on", "at", "to", "for", "with", "by", "from", "about", "against", "between",
    "into", "through", "during", "before", "after", "above", "below", "under", "over", "near",
    "met", "told", "called", "said", "says",
]);

#[rustfmt::skip]
word_set!(pub OBJECT_PRONOUNS, [
    "him", "her", "them", "us", "me", "you", "it",
]);

// Words that may continue a name or a nominal between its content words.
#[rustfmt::skip]
word_set!(pub CONNECTORS, [
    "of", "for", "at", "de", "van", "von", "der", "la", "le", "al", "bin", "and", "on", "in",
]);

// Words that open an adverbial between a cue and its `that` clause, and
// that cannot open reported content themselves.
#[rustfmt::skip]
word_set!(pub ADVERBIAL_OPENERS, [
    "in", "on", "at", "to", "for", "with", "by", "during", "after", "before", "about", "of",
    "from", "last", "earlier", "later", "this", "yesterday", "today", "monday", "tuesday",
    "wednesday", "thursday", "friday", "saturday", "sunday", "late", "also", "again", "repeatedly",
    "publicly", "previously", "once", "through", "via", "over", "under", "while",
]);

/// Forms of "be" that make a passive or a progressive ("was announced",
/// "is warning").
pub const BE_FORMS: &[&str] = &["is", "was", "are", "were", "be", "been", "being"];

/// Auxiliaries and modals that mark a finite clause ("the deal was", "its
/// staff would").
pub const AUXILIARIES: &[&str] = &[
    "is", "was", "were", "are", "has", "had", "have", "will", "would", "could", "can", "may",
    "might", "should", "must", "did", "does", "do",
];

/// Word classes as bits, so that a token is looked up once and every rule
/// after that is a bit test.
pub mod class {
    pub const CUE_VERBS: u32 = 1 << 0;
    pub const THAT_ONLY: u32 = 1 << 1;
    pub const INFINITIVE_CUES: u32 = 1 << 2;
    pub const TAKES_OBJECT: u32 = 1 << 3;
    pub const PRONOUNS: u32 = 1 << 4;
    pub const TITLES: u32 = 1 << 5;
    pub const NOT_NAME_START: u32 = 1 << 6;
    pub const CLAUSE_BREAKS: u32 = 1 << 7;
    pub const DETERMINERS: u32 = 1 << 8;
    pub const ORG_NOUNS: u32 = 1 << 9;
    pub const CUE_PRECEDERS: u32 = 1 << 10;
    pub const TIME_WORDS: u32 = 1 << 11;
    pub const ROLE_SCAN_STOPS: u32 = 1 << 12;
    pub const OBJECT_PRONOUNS: u32 = 1 << 13;
    pub const CONNECTORS: u32 = 1 << 14;
    pub const ADVERBIAL_OPENERS: u32 = 1 << 15;
    pub const SUBORDINATORS: u32 = 1 << 16;
    pub const NOT_PERSON_END: u32 = 1 << 17;
    pub const PLACE_PREPOSITIONS: u32 = 1 << 18;
    pub const PLACE_PREFIXES: u32 = 1 << 19;
    pub const MEDIA: u32 = 1 << 20;
    pub const KIN: u32 = 1 << 21;
    pub const REPORT_NOUNS: u32 = 1 << 22;
}

static CLASSES: std::sync::LazyLock<rustc_hash::FxHashMap<&'static str, u32>> =
    std::sync::LazyLock::new(|| {
        let mut map = rustc_hash::FxHashMap::default();
        for (set, bit) in [
            (&*CUE_VERBS, class::CUE_VERBS),
            (&*THAT_ONLY, class::THAT_ONLY),
            (&*INFINITIVE_CUES, class::INFINITIVE_CUES),
            (&*TAKES_OBJECT, class::TAKES_OBJECT),
            (&*PRONOUNS, class::PRONOUNS),
            (&*TITLES, class::TITLES),
            (&*NOT_NAME_START, class::NOT_NAME_START),
            (&*CLAUSE_BREAKS, class::CLAUSE_BREAKS),
            (&*DETERMINERS, class::DETERMINERS),
            (&*ORG_NOUNS, class::ORG_NOUNS),
            (&*CUE_PRECEDERS, class::CUE_PRECEDERS),
            (&*TIME_WORDS, class::TIME_WORDS),
            (&*ROLE_SCAN_STOPS, class::ROLE_SCAN_STOPS),
            (&*OBJECT_PRONOUNS, class::OBJECT_PRONOUNS),
            (&*CONNECTORS, class::CONNECTORS),
            (&*ADVERBIAL_OPENERS, class::ADVERBIAL_OPENERS),
            (&*SUBORDINATORS, class::SUBORDINATORS),
            (&*NOT_PERSON_END, class::NOT_PERSON_END),
            (&*PLACE_PREPOSITIONS, class::PLACE_PREPOSITIONS),
            (&*PLACE_PREFIXES, class::PLACE_PREFIXES),
            (&*MEDIA, class::MEDIA),
            (&*KIN, class::KIN),
            (&*REPORT_NOUNS, class::REPORT_NOUNS),
        ] {
            for w in &set.0 {
                *map.entry(*w).or_insert(0) |= bit;
            }
        }
        map
    });

/// The classes of a word (any case, trailing full stop ignored).
pub fn classify(word: &str) -> u32 {
    let word = word.strip_suffix('.').unwrap_or(word);
    if word.is_empty() || word.len() > 32 {
        return 0;
    }
    if word.bytes().all(|b| !b.is_ascii_uppercase()) {
        return CLASSES.get(word).copied().unwrap_or(0);
    }
    if word.is_ascii() {
        let mut buf = [0u8; 32];
        let lower = &mut buf[..word.len()];
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        return std::str::from_utf8(lower).map_or(0, |w| CLASSES.get(w).copied().unwrap_or(0));
    }
    CLASSES
        .get(word.to_lowercase().as_str())
        .copied()
        .unwrap_or(0)
}

// Conjunctions that open a subordinate clause at the start of a sentence.
#[rustfmt::skip]
word_set!(pub SUBORDINATORS, [
    "while", "although", "though", "as", "when", "if", "because", "since", "after", "before",
    "once", "until", "unless", "whereas", "whether",
]);

// Capitalised words that end names of places and organisations, never of people.
#[rustfmt::skip]
word_set!(pub NOT_PERSON_END, [
    "street", "avenue", "road", "cafe", "café", "restaurant", "hospital", "university", "college",
    "school", "council", "party", "city", "county", "province", "authority", "department",
    "ministry", "bank", "group", "inc", "corp", "ltd", "company", "association", "society",
    "institute", "centre", "center", "foundation", "agency", "services", "service", "news",
    "times", "post", "press", "media", "network", "club", "team", "arena", "park", "bridge",
    "church", "court", "committee", "commission", "office", "government", "army", "police",
    "forces", "force", "airport", "station", "hotel", "mall", "square", "island", "lake", "river",
    "mountains", "valley", "region", "republic", "kingdom", "states", "union", "nations", "board",
    "senate", "house", "assembly", "cup", "league", "games", "festival", "awards", "award",
    "prize", "act", "bill", "program", "programme", "plan", "fund", "trust", "canada", "america",
    "scotia", "columbia", "zone", "exchange", "market", "index", "tower", "building", "hall",
    "museum", "library", "stadium", "gardens", "world", "day", "week", "reserve", "security",
    "health", "care", "affairs", "defence", "defense", "justice", "energy", "hydro", "transit",
    "review", "journal", "magazine", "herald", "tribune", "globe", "mail", "star", "sun",
    "guardian", "telegraph", "daily", "weekly", "online", "tv", "radio", "channel", "studios",
    "records", "airlines", "airways", "motors", "systems", "technologies", "labs", "project",
    "movement", "coalition", "alliance", "federation", "conference", "summit", "forum", "war",
    "revolution", "treaty", "accord", "agreement", "strait", "sea", "ocean", "bay", "peninsula",
    "coast", "heights", "hills", "district", "territory", "territories", "state", "oblast",
    "highway", "skytrain", "subway", "metro", "railway", "expressway", "freeway", "boulevard",
    "raion", "krai", "people", "republics", "democrats", "republicans", "liberals",
    "conservatives", "region's",
]);

// Prepositions before a place, never before a person's name.
#[rustfmt::skip]
word_set!(pub PLACE_PREPOSITIONS, ["in", "near", "across", "throughout"]);

// First words of place names ("South Surrey", "New Brunswick", "Fort McMurray").
#[rustfmt::skip]
word_set!(pub PLACE_PREFIXES, [
    "north", "south", "east", "west", "new", "upper", "lower", "saint", "san", "santa", "fort",
    "port", "lake", "mount", "cape", "el", "los", "las",
]);

// Nouns for the medium a statement came in ("in a video message").
#[rustfmt::skip]
word_set!(pub MEDIA, [
    "statement", "statements", "message", "address", "interview", "post", "tweet", "release",
    "conference", "briefing", "speech", "letter", "broadcast", "video", "podcast", "op-ed",
    "email", "memo", "declaration", "communique", "communiqué", "report", "remarks", "testimony",
    "filing", "affidavit", "blog", "column", "editorial", "appearance", "call", "press",
]);

#[cfg(test)]
mod tests {
    #[test]
    fn months_that_are_names_are_names_beside_names() {
        use super::is_date_word;
        // Given names before a surname, surnames after a given name.
        assert!(!is_date_word("Jan", None, Some("Kowal")));
        assert!(!is_date_word("April", Some("said"), Some("Ryan")));
        assert!(!is_date_word("May", Some("Theresa"), Some("said")));
        // Dates.
        assert!(is_date_word("May", Some("in"), Some("the")));
        assert!(is_date_word("May", Some("In"), Some("5")));
        assert!(is_date_word("June", Some("last"), None));
        assert!(is_date_word("Monday", None, Some("Kowal")));
        assert!(is_date_word("March", Some("Theresa"), Some("Kowal")));
        assert!(!is_date_word("Kowal", None, None));
    }

    use super::*;

    #[test]
    fn configured_cues_join_the_built_in_ones() {
        let mut lex = Lexicon::default();
        assert!(lex.is_cue("Said") && !lex.is_cue("grumbled"));
        lex.extend_cues(["Grumbled".to_string()]);
        assert!(lex.is_cue("grumbled"));
        assert_ne!(lex.classify("grumbled") & class::CUE_VERBS, 0);
        assert_eq!(classify("grumbled") & class::CUE_VERBS, 0);
        assert!(lex.needs_that("denied") && !lex.needs_that("said"));
    }
}
