//! Word lists of the attendance extractor: the closed classes (auxiliaries,
//! prepositions, pronouns) and the open-class cues (representative nouns, event nouns,
//! verbs that urge, plan or try) that the rules consult. All lower case.

/// Whether `w` is one of `list`.
pub fn is(w: &str, list: &[&str]) -> bool {
    list.contains(&w)
}

/// Whether `w` is a number ("2018").
pub fn is_number(w: &str) -> bool {
    !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit())
}

/// Whether `w` is an ordinal in digits ("27th", "2nd").
pub fn is_ordinal(w: &str) -> bool {
    let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    is_number(digits) && matches!(&w[digits.len()..], "st" | "nd" | "rd" | "th")
}

/// Verbs of lasting that read as "be" before "absent" or "present" ("will remain
/// absent", "stayed absent").
pub const DURATIVE_COPULAS: &[&str] = &["remain", "remains", "remained", "stay", "stays", "stayed"];

/// Forms of "be".
pub const BE: &[&str] = &["is", "are", "was", "were", "be", "been", "being", "am"];

/// Auxiliaries and modals that may open a verb group.
#[rustfmt::skip]
pub const AUX: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had", "having",
    "will", "would", "shall", "should", "can", "could", "may", "might", "must", "did",
    "does", "do", "ought",
];

/// Negators inside a verb group.
pub const NEG: &[&str] = &["not", "n't", "never", "neither", "nor"];

/// Adverbs that may sit inside a verb group without changing who did what.
#[rustfmt::skip]
pub const VG_ADVERBS: &[&str] = &[
    "jointly", "together", "personally", "briefly", "also", "already", "reportedly", "still", "ultimately", "eventually", "finally",
    "officially", "largely", "notably", "conspicuously", "only", "even", "just", "then",
    "again", "too", "both", "all", "now", "yet", "subsequently", "later", "once", "indeed",
    "instead", "likewise", "similarly", "apparently", "initially", "formally", "publicly",
    "ultimately", "effectively", "personally", "duly", "actually", "each", "reluctantly",
    "separately", "previously", "originally", "first", "however", "expressly", "explicitly",
    "pointedly", "flatly", "earlier", "repeatedly", "since", "definitely", "certainly",
    "prominently", "strongly", "heavily", "fully", "currently",
    // "was oddly still not invited": a comment on the act, not a change of it.
    "oddly", "curiously", "surprisingly", "unsurprisingly", "tellingly", "notoriously",
    "predictably", "understandably", "deliberately", "quietly", "openly", "noticeably",
];

/// Verbs before "to" that make the attendance a plan ("plans to attend").
#[rustfmt::skip]
pub const PLAN_GOVERNORS: &[&str] = &[
    "plan", "plans", "planned", "planning", "intend", "intends", "intended", "intending",
    "set", "going", "scheduled", "due", "agreed", "agree", "agrees", "decided", "decide",
    "decides", "prepared", "ready", "confirmed", "expects", "promised", "pledged", "vowed",
    "slated", "poised", "intention", "intentions", "preparing", "prepares", "prepare",
    "registered", "accredited", "sure", "certain",
];

/// Verbs of getting round a ban, whose object is not the one who then attends: "defied
/// an EU travel ban to attend".
#[rustfmt::skip]
pub const DEFYING: &[&str] = &[
    "defied", "defying", "defies", "evaded", "evading", "evades", "flouted", "flouting",
    "ignored", "ignoring", "skirted", "circumvented", "dodged",
];

/// Verbs and adjectives before "to" that make it an expectation ("expected to attend").
pub const EXPECT_GOVERNORS: &[&str] = &["expected", "likely", "supposed", "anticipated"];

/// Governors that turn "attend" into its refusal ("refused to attend", "refrained from
/// participating", "avoided attending").
#[rustfmt::skip]
pub const REFUSE_GOVERNORS: &[&str] = &[
    "refuse", "refuses", "refused", "refusing", "decline", "declines", "declined",
    "declining", "refrain", "refrains", "refrained", "refraining", "avoid", "avoids",
    "avoided", "avoiding", "fail", "fails", "failed", "failing", "unable", "unwilling",
    "reluctant", "forgo", "forgoes", "forwent", "forgone", "forego", "forewent",
    // "Germany's refusal to attend".
    "refusal",
];

/// Verbs that give up a plan ("cancelled its plans to attend").
#[rustfmt::skip]
pub const CANCEL_VERBS: &[&str] = &[
    "cancel", "cancels", "cancelled", "canceled", "cancelling", "canceling", "scrap",
    "scraps", "scrapped", "scrapping", "drop", "drops", "dropped", "dropping", "abandon",
    "abandons", "abandoned", "abandoning", "shelve", "shelves", "shelved", "shelving",
];

/// Governors that report the act itself ("chose to stay away").
#[rustfmt::skip]
pub const NEUTRAL_GOVERNORS: &[&str] = &[
    "chose", "chosen", "choose", "chooses", "opted", "opt", "opts", "elected", "preferred",
    "managed", "went", "proceeded", "moved",
    // "reported to be in attendance", "said to be attending": hearsay, still a report.
    "said", "reported", "believed", "understood", "thought", "known", "rumoured", "rumored",
    // "will not be able to attend": the negation before "be" decides.
    "able",
];

/// Adverbs of habit: "rarely attends", "usually skips" say what a party does over the
/// years, not what it did at this meeting.
#[rustfmt::skip]
pub const HABITUAL: &[&str] = &[
    "rarely", "seldom", "usually", "normally", "typically", "traditionally", "customarily",
    "routinely", "regularly", "often", "generally", "habitually", "frequently",
];

/// Governors that make a claim irrealis: nothing happened ("sought to hold").
#[rustfmt::skip]
pub const IRREALIS_GOVERNORS: &[&str] = &[
    "try", "tries", "tried", "trying", "attempt", "attempts", "attempted", "attempting",
    "seek", "seeks", "sought", "seeking", "hope", "hopes", "hoped", "hoping", "want",
    "wants", "wanted", "wish", "wishes", "wished", "aim", "aims", "aimed", "aiming", "able",
    "like", "initiative", "bid", "effort", "efforts", "push", "pushing", "order", "need",
    "needs", "needed", "asked", "hesitant", "keen", "eager", "allowed", "permitted",
    "willing", "invitation", "invitations", "call", "calls", "appeal", "pressure",
];

/// Verbs that send someone in the subject's name: "has designated its vice-president to
/// attend", "appointed an envoy to represent it".
#[rustfmt::skip]
pub const DELEGATING: &[&str] = &[
    "designated", "designates", "designate", "appointed", "appoints", "appoint", "tasked",
    "tasks", "delegated", "delegates", "mandated", "nominated", "deputised", "deputized",
    "dispatched", "dispatches",
];

/// Verbs of motion: "travelled to Damascus to attend" reports the attendance.
#[rustfmt::skip]
pub const MOTION_GOVERNORS: &[&str] = &[
    "travelled", "traveled", "arrived", "flew", "came", "went", "headed", "returned",
    "jetted", "flown", "left", "departed", "enter", "enters", "entered", "entering", "walked",
];

/// Nouns before "to" that report it: "the only country to attend".
#[rustfmt::skip]
pub const NOUN_GOVERNORS: &[&str] = &[
    "country", "countries", "state", "states", "nation", "nations", "one", "first", "last", "latest",
    "only", "government", "governments", "party", "parties", "delegation", "delegations",
    "official", "officials", "minister", "ministers", "member", "members", "leader",
    "leaders", "organisation", "organisations", "organization", "organizations",
    "decision", "intention", "plan", "plans", "royals", "dignitaries", "guests", "heads",
];

/// Verbs that ask someone else to act: "urged the UN to forgo attendance" says nothing
/// about what the UN did.
#[rustfmt::skip]
pub const DIRECTIVES: &[&str] = &[
    "urge", "urges", "urged", "urging", "call", "calls", "called", "calling", "ask", "asks",
    "asked", "asking", "press", "pressed", "presses", "pressing", "encourage", "encourages",
    "encouraged", "encouraging", "appeal", "appeals", "appealed", "appealing", "demand",
    "demands", "demanded", "demanding", "tell", "tells", "told", "telling", "advise",
    "advises", "advised", "advising", "persuade", "persuaded", "persuades", "pressure",
    "pressured", "pressuring", "pressurised", "push", "pushed", "pushes", "lobby",
    "lobbied", "lobbies", "lobbying", "convince", "convinced", "invite", "invites",
    "invited", "inviting", "want", "wants", "wanted", "warn", "warns", "warned", "warning",
    "recommend", "recommended", "recommends", "allow", "allowed", "allows", "permit",
    "permitted", "permits", "expect", "hope", "hoped", "prefer", "preferred", "implore",
    "implored", "exhort", "exhorted", "challenge", "challenged", "instruct", "instructed",
    "order", "ordered", "require", "required", "requested", "request", "requests",
];

/// Verbs of saying: "X said it would not attend" makes X the "it".
#[rustfmt::skip]
pub const SPEECH: &[&str] = &[
    "said", "says", "say", "told", "added", "stated", "announced", "noted", "confirmed",
    "insisted", "argued", "warned", "explained", "declared", "stressed", "emphasised",
    "emphasized", "claimed", "indicated", "informed", "notified", "replied", "responded",
    "wrote", "tweeted", "revealed", "maintained", "clarified", "signalled", "signaled",
    "reiterated", "repeated", "affirmed", "reported", "explained", "decided", "made", "let",
    "acknowledged", "admitted", "saying", "telling", "announcing", "confirming", "insisting",
    "warning", "signalling", "signaling", "indicating",
];

/// The days of the week ("In Monday's remarks", "said on Tuesday that"): the ones the
/// date reader knows.
pub use crate::common::calendar::WEEKDAYS;

/// How many words open `words` as a pair of those named before ("both leaders", "the
/// two presidents"), if they do.
pub fn pair_len(words: &[&str]) -> Option<usize> {
    let group = |x: &str| {
        matches!(
            x,
            "leaders" | "presidents" | "men" | "women" | "heads" | "sides" | "ministers"
        )
    };
    match words {
        ["both", x, ..] if group(x) => Some(2),
        ["the", "two", x, ..] if group(x) => Some(3),
        _ => None,
    }
}

/// Whether a word before "ago" makes a time long before the event ("a decade ago").
pub fn long_before(unit: &str) -> bool {
    matches!(unit, "years" | "decade" | "decades")
}

/// Personal pronouns that can stand for a party in the subject.
pub const PRONOUNS: &[&str] = &["it", "they", "we", "he", "she", "i"];

/// Relative pronouns.
pub const RELATIVES: &[&str] = &["which", "who", "whose", "that", "whom"];

/// Prepositions: a mention after one of these is not the head of its noun phrase
/// ("the conference in Damascus", "hosting refugees from Syria").
#[rustfmt::skip]
pub const PREPOSITIONS: &[&str] = &[
    "below", "above", "beneath", "amongst",
    "of", "in", "on", "at", "from", "to", "for", "with", "by", "under", "over", "about",
    "against", "during", "after", "before", "since", "through", "into", "via", "within",
    "without", "between", "among", "amid", "amidst", "across", "towards", "toward", "near",
    "per", "despite", "following", "regarding", "concerning", "according", "than", "upon",
    "behind", "beyond", "outside", "inside", "around", "throughout", "until", "till",
    "alongside", "unlike", "except", "besides", "as", "onto", "off", "out", "up", "down",
    "if", "whether", "because", "while", "whereas", "although", "though", "when", "where",
    "unless", "whereby", "due",
];

/// Nouns for the people or bodies that act for a party: a demonym or possessive before
/// one of these names the party ("a Russian delegation", "Russia's special envoy").
#[rustfmt::skip]
pub const REP_NOUNS: &[&str] = &[
    "representative", "representatives", "delegation", "delegations", "delegate",
    "delegates", "envoy", "envoys", "official", "officials", "minister", "ministers",
    "ministry", "ambassador", "ambassadors", "diplomat", "diplomats", "emissary",
    "emissaries", "observer", "observers", "team", "mission", "government", "regime",
    "statesman", "statesmen", "stateswoman", "stateswomen",
    "authorities", "administration", "leadership", "president", "premier", "chancellor",
    "king", "emir", "leader", "leaders", "taoiseach", "emperor", "monarch", "side", "spokesman", "spokeswoman", "spokesperson",
    "embassy", "cabinet", "head", "chief", "deputy", "secretary", "secretary-general",
    "negotiator", "negotiators", "representation", "consul", "state", "capital",
    "commissioner", "high", "presidency", "foreign", "officer", "officers", "chargé",
    "charge", "d'affaires", "parliament", "parliamentarians", "lawmakers", "mps",
    "counsellor", "adviser", "advisor", "prime", "vice", "sultanate", "kingdom", "republic",
    "federation", "army", "military", "defence", "defense", "coordinator", "director",
    "director-general", "commission", "agency", "body", "office", "council", "committee",
    "union", "league", "organisation", "organization", "presidents", "prince", "crown",
    "queen", "sultan", "sheikh", "amir", "emira", "monarchs", "premiers", "kings",
    "chancellors", "heads", "chiefs", "vice-president", "secretary-general",
    "undersecretary", "under-secretary", "foreign", "authority", "governments", "emirs",
    "plane", "motorcade", "convoy", "entourage", "jet", "aircraft", "counterpart", "duke",
    "duchess", "royals", "royal", "heir", "governor-general", "governor",
    "counterparts",
    "attendees", "anyone", "anybody",
];

/// Nouns that relate a mention to someone else: in "Syria's allies Iran and Russia"
/// or "EU member states" the mention before the noun is a modifier, not the party.
#[rustfmt::skip]
pub const RELATIONAL: &[&str] = &[
    "chair", "observer", "country", "nation",
    "allies", "ally", "allied", "backers", "backer", "partners", "partner", "friends",
    "friend", "neighbours", "neighbors", "neighbour", "neighbor", "neighbouring",
    "neighboring", "supporters", "supporter", "opponents", "opponent", "critics", "critic",
    "enemies", "enemy", "rivals", "rival", "foes", "foe", "forces", "troops", "militias",
    "militia", "proxies", "proxy", "refugees", "refugee", "citizens", "nationals",
    "soldiers", "people", "population", "returnees", "opposition", "rebels", "member",
    "members", "countries", "states", "nations", "governments", "sponsors", "sponsor",
    "patrons", "patron", "clients", "client", "nationals",
    "companies", "firms", "media", "press", "newspaper", "outlets", "territory", "soil",
    "border", "borders", "camps", "guarantors", "guarantor",
];

/// Nouns that name a meeting: an attendance verb whose object is none of these is about
/// something else ("attended school").
#[rustfmt::skip]
pub const EVENT_NOUNS: &[&str] = &[
    "conference", "conferences", "meeting", "meetings", "gathering", "event", "summit",
    "forum", "talks", "session", "sessions", "proceedings", "opening", "symposium",
    "congress", "convention", "it", "this", "them", "gatherings", "plenary", "roundtable",
    "round-table", "dialogue", "consultations", "ceremony", "workshop", "discussions",
    "deliberations",
];

/// Words that mark a different meeting than the one the briefing is about.
#[rustfmt::skip]
pub const OTHER_MEETING: &[&str] = &[
    "astana", "sochi", "geneva", "nur-sultan", "vienna", "lausanne", "round", "rounds",
    "previous", "preceding", "follow-up", "second", "third", "fourth", "fifth", "sixth",
    "seventh", "eighth", "ninth", "tenth", "another", "subsequent",
];

/// Words that join the members of a list.
#[rustfmt::skip]
pub const LIST_JOINERS: &[&str] = &[
    ",", ";", "and", "or", "&", "nor", "neither", "either", "both", "plus", "namely",
    "including", "like", "alongside", "especially", "particularly", "notably", "incl",
    "viz", "i.e", "e.g",
];

/// Multi-word joiners, as token sequences.
pub const LIST_JOINER_PHRASES: &[&[&str]] = &[
    &["as", "well", "as"],
    &["along", "with"],
    &["together", "with"],
    &["in", "addition", "to"],
    &["such", "as"],
    &["among", "them"],
    &["in", "particular"],
    // "the member states which include Kenya, Chile and Peru".
    &["which", "include"],
    &["which", "includes"],
    &["that", "include"],
    &["that", "includes"],
];

/// Words that start the exceptions of a list ("all countries except Turkey").
pub const EXCEPT: &[&str] = &["except", "excepting", "excluding", "save", "bar", "barring"];

/// Multi-word exception markers.
pub const EXCEPT_PHRASES: &[&[&str]] = &[
    &["with", "the", "exception", "of"],
    &["with", "the", "exceptions", "of"],
    &["apart", "from"],
    &["other", "than"],
    &["but", "not"],
    &["aside", "from"],
    &["except", "for"],
    &["save", "for"],
];

/// Subordinators that open a clause of their own.
#[rustfmt::skip]
pub const SUBORDINATORS: &[&str] = &[
    "while", "whereas", "although", "though", "because", "since", "when", "after", "before",
    "as", "even", "but", "yet", "so", "whilst", "unless", "if", "whether", "once",
];

/// Subordinators whose clause states a condition, not a fact.
pub const CONDITIONAL: &[&str] = &["if", "unless", "whether", "lest"];

/// Words that close a verb-like reading: common finite verbs in news copy that end a
/// subject stretch even though they are not attendance cues.
#[rustfmt::skip]
pub const COMMON_VERBS: &[&str] = &[
    "said", "says", "say", "told", "added", "stated", "announced", "noted", "reported",
    "insisted", "argued", "warned", "urged", "called", "praised", "backed", "made", "took",
    "gave", "went", "came", "sought", "remained", "continued", "wanted", "hoped",
    "believed", "considered", "accused", "criticised", "criticized", "rejected", "welcomed",
    "condemned", "described", "explained", "declared", "stressed", "claimed", "confirmed",
    "indicated", "wrote", "tweeted", "imposed", "sent", "showed", "became", "become",
    "expressed", "met", "signed", "agreed", "decided", "offered", "provided", "supported",
    "opposed", "added", "emphasised", "emphasized", "described", "held", "met", "spoke",
    "sat", "stood", "flew", "saw", "wished", "gave",
];

/// The words of a list's lead-in that say its lines are present without a cue of the
/// lexicon: "the heads of state present at the inauguration:".
pub const PRESENT_WORDS: &[&str] = &[
    "present",
    "attending",
    "participating",
    "attendees",
    "participants",
];

/// Number words before a group noun: "nine states", "dozens of countries".
#[rustfmt::skip]
pub const NUMBER_WORDS: &[&str] = &[
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "fifteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty",
    "ninety", "hundred", "dozen", "dozens", "several", "some", "many", "numerous",
];

/// Plural nouns for the parties or people a sentence may count and the next one list
/// ("Leaders from 37 countries …", "Ministers from a dozen countries …").
pub const GROUP_NOUNS: &[&str] = &[
    "countries",
    "states",
    "nations",
    "governments",
    "delegations",
    "leaders",
    "ministers",
    "representatives",
    "envoys",
    "participants",
    "members",
    "guests",
    "heads",
    "rulers",
    "monarchs",
    "presidents",
    "dignitaries",
    "royals",
];

/// Verbs whose "that" clause is a wish, not a fact: "the hosts hope that Argentina
/// will take part".
pub const HOPES: &[&str] = &[
    "hope", "hopes", "hoped", "hoping", "wish", "wishes", "wished", "wishing", "want", "wants",
    "wanted", "pray", "prays", "prayed",
];

/// Nouns for a party's peers: "his counterparts in Belgium" are Belgium's leaders, not
/// a place.
pub const COUNTERPARTS: &[&str] = &["counterparts", "counterpart", "colleagues", "peers"];

/// Nouns of an agenda: "topics such as Haiti and Venezuela" name no guests.
#[rustfmt::skip]
pub const TOPIC_NOUNS: &[&str] = &[
    "topics", "issues", "subjects", "themes", "matters", "crises", "conflicts",
];
