//! The matcher of the cue lexicon: [`cue_at`] finds the row of [`super::cues`] that
//! starts at a position of a clause (or a construction of [`super::constructions`]),
//! checks what must follow it, and says where its parties are.

use super::cues::{Frame, Need, Pos, Row, Says};
use super::lexicon::{
    AUX, EXPECT_GOVERNORS, NEG, PLAN_GOVERNORS, PREPOSITIONS, REP_NOUNS, VG_ADVERBS, is, is_number,
    is_ordinal,
};
use super::scope::{EventCtx, venue};
use super::tokens::Kind;
use super::view::{Obj, View};
use crate::analyse::gazetteer::Via;

/// What a cue says before negation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Base {
    Attend,
    Boycott,
    Invite,
    Exclude,
    Host,
    /// The status of the cue before ("followed suit", "did too").
    Echo,
}

/// Where the parties of a cue are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Args {
    /// Before the verb group.
    Subject,
    /// After "by": "was attended by …".
    PassiveBy(usize),
    /// After "included" / "were": "Other attendees included …".
    List(usize),
    /// The object of an active verb: "did not invite Turkey".
    Object(usize),
    /// A party inside the object: "leads the Qatari delegation".
    ObjectParty(usize),
    /// "as did …", "nor did …": the previous cue's status.
    Echo(usize),
    /// "was held in …": the place's country hosts; the subject must be the event.
    Venue(usize),
    /// "Iraq's participation", "hosts Russia": the mention at this position.
    Possessor(usize),
    /// The subject of the clause and the parties between its verb and the cue ("the
    /// Omani minister met his Iranian counterpart on the sidelines of the summit").
    Clause,
}

/// A cue found in a clause.
#[derive(Debug, Clone, Copy)]
pub struct Cue {
    /// Position of the verb the verb group is read back from.
    pub head: usize,
    /// Last position of the cue.
    pub end: usize,
    pub base: Base,
    pub args: Args,
    /// The cue itself says observer ("sent an observer").
    pub observer: bool,
    /// The cue itself is negative ("sent no delegation", "received no invitation").
    pub neg: bool,
    /// Forces the modality ("accepted the invitation": planned).
    pub planned: bool,
    /// The lexicon row, for a cue read from the table.
    pub row: Option<usize>,
    /// The parties are those someone met at the event: the host among them is no
    /// guest ("met the host's president").
    pub met: bool,
}

impl Cue {
    pub fn new(head: usize, end: usize, base: Base, args: Args) -> Cue {
        Cue {
            head,
            end,
            base,
            args,
            observer: false,
            neg: false,
            planned: false,
            row: None,
            met: false,
        }
    }
}

fn base_of(s: Says) -> Base {
    match s {
        Says::Attend | Says::Observe => Base::Attend,
        Says::Boycott => Base::Boycott,
        Says::Invite => Base::Invite,
        Says::Exclude => Base::Exclude,
        Says::Host => Base::Host,
        Says::Echo => Base::Echo,
    }
}

/// Words after a list cue that open its list ("attendees included", "absent were").
pub const LIST_OPENERS: &[&str] = &[
    "included",
    "include",
    "includes",
    "including",
    "were",
    "are",
    "was",
    "is",
    "comprised",
    "comprise",
    "featured",
    "features",
];

/// Words of an announcement between a list noun and its verb ("speakers will include",
/// "guests are expected to include"); not the hedges "may", "might", "could".
#[rustfmt::skip]
const LIST_FUTURE: &[&str] = &[
    "will", "would", "are", "is", "also", "set", "due", "expected", "scheduled", "slated",
    "to",
];

/// Verbs whose object is a threat to their subject ("faces boycott", "risks exclusion").
#[rustfmt::skip]
const THREAT_VERBS: &[&str] = &[
    "face", "faces", "faced", "facing", "risk", "risks", "risked", "risking", "fear",
    "fears", "feared", "fearing", "threatens", "threatened", "escape", "escaped", "escapes",
];

/// Determiners before a noun: a verb cue after one of these is a noun ("a boycott").
const NOUN_DETERMINERS: &[&str] = &["a", "an", "the", "its", "their", "his", "her", "our", "'s"];

/// Whether the word before `p` is an adjective after a determiner ("a diplomatic",
/// "a wide international"): the word at `p` is then a noun.
fn after_adjective(v: &View, p: usize) -> bool {
    const SUFFIXES: &[&str] = &["al", "ic", "ive", "ous", "ful", "ary", "wide", "ble"];
    let adjective = |w: &str| w.len() > 3 && SUFFIXES.iter().any(|s| w.ends_with(s)) || w == "wide";
    let mut q = p;
    while q > 0 && adjective(v.w(q - 1)) && !v.is_mention(q - 1) {
        q -= 1;
    }
    q < p && is(v.wb(q, 1), NOUN_DETERMINERS)
}

/// Determiners a multiword cue may have inside it ("accepted the invitation",
/// "cancelled its participation").
const INNER_DETERMINERS: &[&str] = &["the", "a", "an", "its", "their", "his", "her", "any"];

const INVITATION_OBJECTS: &[&str] = &["invitation", "invitations", "invite", "offer", "invites"];

/// Meeting nouns a host verb does not host: "hold talks with" is a bilateral meeting.
const HOST_EVENT_EXCLUDED: &[&str] = &[
    "talks",
    "consultations",
    "dialogue",
    "discussions",
    "deliberations",
    "it",
    "them",
];

/// The words of a row after its first, matched from position `p + 1`: the position of
/// the last word, if they all match.
fn rest_matches(v: &View, p: usize, rest: &[String], plural_last: bool) -> Option<usize> {
    let mut q = p;
    for (k, w) in rest.iter().enumerate() {
        q += 1;
        if is(v.w(q), INNER_DETERMINERS) && v.w(q) != w {
            q += 1;
        }
        let x = v.w(q);
        let last = k + 1 == rest.len();
        let ok = x == w || (last && plural_last && x.strip_suffix('s') == Some(w.as_str()));
        if !ok {
            return None;
        }
    }
    Some(q)
}

/// Words that may follow a cue that takes no object ("Canada joined later", "joined two
/// days later", "joined too").
const AFTER_NOTHING: &[&str] = &[
    "and", "but", "later", "too", "soon", "on", "in", "within", "shortly", "days", "weeks", "two",
    "three", "because", "due",
];

/// Whether the object of a host verb names a meeting other than bilateral talks.
fn host_object(v: &View, from: usize) -> bool {
    if v.object(from) != Obj::Event {
        return false;
    }
    let mut q = from;
    while q < v.len() && !v.is_punct(q) && !is(v.w(q), PREPOSITIONS) {
        if v.lex.is_meeting_or_pronoun(v.w(q)) && is(v.w(q), HOST_EVENT_EXCLUDED) {
            return false;
        }
        q += 1;
    }
    // "held a meeting with X", "held several bilateral meetings": meetings beside the
    // event, not the event.
    let side = (from..q).any(|r| {
        matches!(
            v.w(r),
            "bilateral" | "bilaterals" | "meetings" | "one-on-one" | "side"
        )
    });
    let with_someone = v.w(q) == "with" && (from..q).any(|r| v.w(r) == "meeting");
    !(side || with_someone)
}

/// Words of a time with no place: "arrived close to midnight on Monday".
#[rustfmt::skip]
const TIME_WORDS: &[&str] = &[
    "on", "in", "at", "the", "early", "late", "later", "close", "to", "shortly", "after",
    "before", "just", "midnight", "morning", "evening", "afternoon", "night", "dawn", "noon",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
    "tomorrow", "yesterday", "weekend", "week", "this", "last", "next", "day", "hours",
];

/// Whether the cue ending at `end` sits in a "that" clause after a meeting noun: "the
/// summit that Rwanda is hosting next month".
fn meeting_that_before(v: &View, end: usize) -> bool {
    (end.saturating_sub(6)..end).any(|q| {
        v.w(q) == "that"
            && q > 0
            && v.lex.is_meeting(v.w(q - 1))
            && (q + 1..end).all(|r| !v.is_punct(r))
    })
}

/// Whether the object at `from` is the event's place alone ("stayed away from Moscow",
/// "skipped Kazan") or its name's initials ("is boycotting CHOGM"): the meeting.
fn place_object(v: &View, from: usize, ctx: &EventCtx) -> bool {
    // "attended CHOGM 2018": a year after the initials (another year is another
    // meeting, which the scope check tells).
    let after = from + 1 + usize::from(ctx.is_acronym(v.w(from)) && is_number(v.w(from + 1)));
    (ctx.is_place(v.w(from)) || ctx.is_acronym(v.w(from)))
        && (after >= v.len() || v.is_punct(after) || is(v.w(after), PREPOSITIONS))
        || named_meeting(v, from)
}

/// Whether the words at `from` are a meeting's name, capitalised words ending in a
/// meeting noun ("the Commonwealth Heads of Government Meeting").
fn named_meeting(v: &View, from: usize) -> bool {
    let first = from + usize::from(v.w(from) == "the");
    let mut q = first;
    while q < (first + 8).min(v.len()) {
        let Some(t) = v.tok(q) else { return false };
        if t.capital && v.lex.is_meeting(&t.lower) {
            return q > first;
        }
        // "the 2018 Commonwealth Heads of Government Meeting", "the 27th …".
        let number = q == first && (is_number(&t.lower) || is_ordinal(&t.lower));
        if !(t.capital || number || matches!(t.lower.as_str(), "of" | "on" | "for" | "the" | "and"))
        {
            return false;
        }
        q += 1;
    }
    false
}

/// What a row's `object` finds after the cue: whether it holds, the cue's new end, and
/// what it says of observers and negation.
struct ObjectCheck {
    ok: bool,
    end: usize,
    observer: bool,
    neg: bool,
}

fn check_object(v: &View, need: Need, end: usize, row: &Row, ctx: &EventCtx) -> ObjectCheck {
    let mut from = end + 1;
    if !row.preps.is_empty() && row.preps.iter().any(|p| p == v.w(from)) {
        from += 1;
    }
    // "took part in an observer capacity": a role, not an object.
    if (from..(from + 2).min(v.len())).any(|q| matches!(v.w(q), "observer" | "observers")) {
        from = v.len();
    }
    let plain = |ok| ObjectCheck {
        ok,
        end,
        observer: false,
        neg: false,
    };
    match need {
        Need::Any => plain(true),
        Need::Nothing => plain(from >= v.len() || v.is_punct(from) || is(v.w(from), AFTER_NOTHING)),
        Need::MeetingOrNone => plain(v.object(from) != Obj::Other || place_object(v, from, ctx)),
        Need::Meeting => plain(match v.object(from) {
            Obj::Event => true,
            Obj::Absent => v.rel_event,
            Obj::Other => place_object(v, from, ctx),
        }),
        Need::HostMeeting => plain(
            host_object(v, from)
                || (v.object(from) == Obj::Absent && v.rel_event)
                || meeting_that_before(v, end),
        ),
        Need::Invitation => {
            // Three words, and a possessive's "'s" ("to Moscow's invitation").
            let reach = 4 + usize::from((end + 1..(end + 4).min(v.len())).any(|q| v.w(q) == "'s"));
            match (end + 1..(end + reach).min(v.len()))
                .take_while(|&q| !v.is_punct(q))
                // "refused to invite Chile": the verb, not the noun.
                .find(|&q| INVITATION_OBJECTS.contains(&v.w(q)) && v.wb(q, 1) != "to")
            {
                Some(q) => ObjectCheck {
                    ok: true,
                    end: q,
                    observer: false,
                    neg: false,
                },
                None => plain(false),
            }
        }
        Need::Representative => {
            let mut found = None;
            let mut observer = false;
            for q in end + 1..(end + 9).min(v.len()) {
                let x = v.w(q);
                // "send Wu Zhaohui, a vice minister": a name and its apposition.
                let apposition = x == ","
                    && v.tok(q - 1).is_some_and(|t| t.capital)
                    && matches!(
                        v.w(q + 1),
                        "a" | "an" | "the" | "its" | "his" | "her" | "their"
                    );
                if apposition {
                    continue;
                }
                if v.is_punct(q) || (is(x, PREPOSITIONS) && !matches!(x, "of" | "than")) {
                    break;
                }
                if x == "observer" || x == "observers" {
                    observer = true;
                }
                if is(x, REP_NOUNS)
                    || v.lex.is_title(x) && !matches!(x, "first" | "state" | "high" | "general")
                    || (x == "one" && v.wb(q, 1) == "no")
                    || matches!(
                        x,
                        "anyone"
                            | "nobody"
                            | "leaders"
                            | "dignitaries"
                            | "guests"
                            | "teams"
                            | "athletes"
                            | "squad"
                            | "competitors"
                    )
                {
                    found = Some(q);
                }
            }
            match found {
                Some(q) => ObjectCheck {
                    ok: true,
                    end: q,
                    observer,
                    // "sent no delegation", "sending athletes but no ministers".
                    neg: matches!(v.w(end + 1), "no" | "nobody") || v.wb(q, 1) == "no",
                },
                None => plain(false),
            }
        }
        Need::MeetingNear => plain(
            (end + 1..(end + 7).min(v.len()))
                .take_while(|&q| !v.is_punct(q))
                .any(|q| v.lex.is_meeting(v.w(q)))
                || matches!(v.w(end + 1), "delegates" | "participants" | "attendees"),
        ),
        // (Not signed "in December", months after the meeting.)
        Need::Document => plain(
            (end + 1..(end + 5).min(v.len()))
                .take_while(|&q| !v.is_punct(q))
                .any(|q| {
                    matches!(
                        v.w(q),
                        "declaration" | "communique" | "communiqué" | "communiques" | "communiqués"
                    )
                })
                && !(end + 1..v.len()).any(|q| v.wb(q, 1) == "in" && ctx.is_other_month(v.w(q))),
        ),
        Need::Photo => plain(
            (end + 1..(end + 10).min(v.len()))
                .take_while(|&q| !v.is_punct(q) || v.w(q) == ",")
                .any(|q| matches!(v.w(q), "photo" | "photograph" | "picture" | "photos")),
        ),
        Need::Arrival => {
            // "arrived in Kazan", "flew to Beijing for the Games".
            let stop = (end + 1..(end + 14).min(v.len()))
                .find(|&q| v.is_punct(q) && v.w(q) != ",")
                .unwrap_or((end + 14).min(v.len()));
            // A purpose decides: "for the summit", not "for talks with the government".
            // (Not the "for" of an infinitive after the place: "flew to Egypt to voice
            // support for the plan".)
            // (Nor the "for" after an infinitive right after the verb: "arrive to attend
            // a ceremony for Armistice Day".)
            let infinitive = (end + 1..stop).find(|&q| {
                v.w(q) == "to"
                    && !v.is_mention(q + 1)
                    && !ctx.is_place(v.w(q + 1))
                    && !matches!(v.w(q + 1), "the" | "a" | "an")
                    && !v.tok(q + 1).is_some_and(|t| t.capital)
            });
            let purpose = (end + 1..infinitive.unwrap_or(stop)).find(|&q| v.w(q) == "for");
            let mut ok = match purpose {
                // "for the summit", "for the 15th BRICS Summit".
                Some(f) => (f + 1..(f + 8).min(stop))
                    .find(|&r| v.lex.is_meeting(v.w(r)))
                    .is_some_and(|r| v.w(r + 1) != "with" && !matches!(v.w(f + 1), "a" | "an")),
                // "would travel to the Games", "arrived at the summit on Tuesday".
                None if matches!(v.w(end + 1), "to" | "at") && v.object(end + 2) == Obj::Event => {
                    true
                }
                // "the first to arrive at the venue", "arrived at the summit venue".
                None if v.w(end + 1) == "at"
                    && (end + 2..(end + 5).min(stop)).any(|q| v.w(q) == "venue") =>
                {
                    true
                }
                None => (end + 1..stop).any(|q| {
                    let place_country = ctx.place_party.is_some()
                        && v.tok(q).is_some_and(
                            |t| matches!(t.kind, Kind::Party(p, _) if Some(p) == ctx.place_party),
                        );
                    // "arrived in the country" in a page about a meeting in one.
                    let the_country = v.w(q) == "country"
                        && v.wb(q, 1) == "the"
                        && matches!(v.wb(q, 2), "in" | "into" | "to")
                        && ctx.place_party.is_some();
                    // "will visit Fiji": the place as the object.
                    the_country
                        || (matches!(v.wb(q, 1), "in" | "at" | "to" | "into" | "on")
                            || q == end + 1)
                            && (ctx.is_place(v.w(q)) || place_country)
                }),
            };
            // "was the first to arrive", "arrived" with nothing after it, or only a
            // time ("arrived close to midnight on Monday"): in a page about the
            // event, its arrival.
            let only_time = (end + 1..v.len())
                .take_while(|&q| !v.is_punct(q))
                .all(|q| is(v.w(q), TIME_WORDS));
            if !ok && (end + 1 >= v.len() || v.is_punct(end + 1) || only_time) {
                ok = true;
            }
            plain(ok)
        }
    }
}

/// "…, with the leaders of Ghana and Peru also (all) expected": an absolutive "with"
/// stands for the "be" of an adjective cue at `p`.
fn absolutive_with(v: &View, p: usize) -> bool {
    let mut q = p;
    while q > 0 && is(v.w(q - 1), VG_ADVERBS) {
        q -= 1;
    }
    (q.saturating_sub(16)..q)
        .rev()
        .take_while(|&r| !v.verb_like(r) && (!v.is_punct(r) || v.w(r) == ","))
        .any(|r| v.w(r) == "with" && v.wb(r, 1) == ",")
}

/// The table row that starts at position `p`, if any.
fn row_at(v: &View, p: usize, ctx: &EventCtx) -> Option<Cue> {
    let w = v.w(p);
    if w.is_empty() || v.is_punct(p) || v.is_mention(p) {
        return None;
    }
    let lex = v.lex;
    // "Eritrea not invited to summit": a headline drops the "is" before "not".
    let headline_be = p >= 2
        && v.wb(p, 1) == "not"
        && v.is_mention(p - 2)
        && (0..p - 2).all(|q| !v.verb_like(q) && !v.is_punct(q));
    let be = v.be_before(p) || headline_be;
    for r in lex.candidates(w) {
        let row = &lex.rows[r];
        let words = lex.words(r);
        let Some(mut end) = rest_matches(v, p, &words[1..], true) else {
            continue;
        };
        // "The Iraqi delegation, led by the minister": a delegation noun just before
        // stands for "was".
        let delegation_before = !row.subject_nouns.is_empty()
            && (row.subject_nouns.iter().any(|n| n == v.wb(p, 1))
                || v.wb(p, 1) == "," && row.subject_nouns.iter().any(|n| n == v.wb(p, 2)));
        // "will be one of the great absentees", "was among the absentees": a noun
        // after a rank.
        let be_rank = row.pos == Pos::Noun
            && (p.saturating_sub(5)..p).any(|r| {
                (v.w(r) == "one" && v.w(r + 1) == "of" || v.w(r) == "among")
                    && v.be_before(r)
                    && (r + 1..p).all(|k| !v.is_punct(k) && !v.is_mention(k))
            });
        if row.after_be && !be && !be_rank && !delegation_before && !absolutive_with(v, p) {
            continue;
        }
        if (end + 1..(end + 4).min(v.len())).any(|q| row.unless_after.iter().any(|u| u == v.w(q))) {
            continue;
        }
        if row.pos == Pos::Verb && (is(v.wb(p, 1), NOUN_DETERMINERS) || after_adjective(v, p)) {
            continue; // "announced a boycott", "amid a wide international boycott": a noun
        }
        // "Ukraine faces boycott over …": the object of a verb of threat is a noun, and
        // the subject its target.
        if row.pos == Pos::Verb && is(v.wb(p, 1), THREAT_VERBS) {
            continue;
        }
        // "IORA chair Vijitha Herath told …": the verb's own form between a capitalised
        // word and a name is a title.
        let capital = |q: usize| v.tok(q).is_some_and(|t| t.capital && t.kind != Kind::Punct);
        // (Not "Berg and Demir represent Norway": a country after it, not a name.)
        let country_next = v
            .tok(p + 1)
            .is_some_and(|t| matches!(t.kind, Kind::Party(_, via) if via != Via::Demonym));
        if row.pos == Pos::Verb
            && words.len() == 1
            && w == words[0]
            && p > 0
            && capital(p - 1)
            && capital(p + 1)
            && !country_next
        {
            continue;
        }
        // "Pacific Forum Chair addresses the summit": a verb's word written with a
        // capital between a capitalised word and a lowercase one is a title (a headline
        // in title case capitalises the next word too).
        let lower_word = |q: usize| v.tok(q).is_some_and(|t| !t.capital && t.is_word());
        // (Nor "the Pacific Forum chair attended": a verb right after it.)
        if row.pos == Pos::Verb
            && words.len() == 1
            && p > 0
            && capital(p - 1)
            && (capital(p) && lower_word(p + 1)
                || w == words[0]
                    && (v.verb_like(p + 1)
                        || v.w(p + 1).ends_with("ed") && !lex.verb_lemmas(v.w(p + 1)).is_empty()))
        {
            continue;
        }
        // "chats with host Prime Minister …": after "with" or "by", a noun.
        if row.pos == Pos::Verb && matches!(v.wb(p, 1), "with" | "by") && !v.w(p).ends_with("ing") {
            continue;
        }
        // "the only head of government": a verb's word followed by "of" is a noun.
        if row.pos == Pos::Verb
            && words.len() == 1
            && v.w(end + 1) == "of"
            && !row.preps.iter().any(|x| x == "of")
        {
            continue;
        }
        // "…, including Fiji's prime minister" adds to a list; it states nothing itself.
        if w == "including" && row.frame == Frame::Object {
            continue;
        }
        let mut head = p;
        if !row.subject_nouns.is_empty() && !delegation_before {
            let mut q = p;
            // "The delegation was led by", "the summit is expected to include".
            while q > 0
                && (is(v.w(q - 1), AUX)
                    || is(v.w(q - 1), VG_ADVERBS)
                    || v.w(q - 1) == "to"
                    || is(v.w(q - 1), EXPECT_GOVERNORS)
                    || is(v.w(q - 1), PLAN_GOVERNORS))
            {
                q -= 1;
            }
            // "The boycott of the summit was joined by": the noun before "of" heads
            // the subject.
            // "told the meeting that included": the noun before a relative pronoun.
            let noun = match (v.wb(q, 1), v.wb(q, 2), v.wb(q, 3)) {
                ("that" | "which", noun, _) => noun,
                (_, "the", "of") => v.wb(q, 4),
                (_, "of", _) => v.wb(q, 3),
                _ => v.wb(q, 1),
            };
            // "Others from the region include": the noun before a short "from" phrase.
            let before_from = (q.saturating_sub(5)..q)
                .find(|&r| r > 0 && v.w(r) == "from" && !(r..q).any(|k| v.verb_like(k)))
                .map(|r| v.w(r - 1));
            if !row
                .subject_nouns
                .iter()
                .any(|n| n == noun || Some(n.as_str()) == before_from)
            {
                continue;
            }
        }
        // "Leaders who did not attend the summit include …": the subject noun ends a
        // negated relative clause inside the subject (its members stayed away).
        if !row.subject_nouns.is_empty()
            && (1..p.saturating_sub(1))
                .find(|&r| matches!(v.w(r), "who" | "which" | "that"))
                .is_some_and(|r| (r..p).any(|q| is(v.w(q), NEG)))
        {
            continue;
        }
        if row.pos == Pos::Noun && row.passive {
            // "amid a boycott by Chile and Peru": the agents after "by"; the noun
            // alone says nothing.
            if v.w(end + 1) != "by" {
                continue;
            }
            let mut cue = Cue::new(p, end, base_of(row.says), Args::PassiveBy(end + 2));
            cue.row = Some(r);
            return Some(cue);
        }
        if !row.governors.is_empty() {
            // "announced a (diplomatic) boycott": the governing verb within three words.
            let gov = (p.saturating_sub(3)..p).rev().find(|&q| {
                !v.is_punct(q)
                    && lex
                        .verb_lemmas(v.w(q))
                        .iter()
                        .any(|l| row.governors.iter().any(|g| g == l))
            });
            let Some(g) = gov else { continue };
            if (g + 1..p).any(|q| v.is_punct(q) || v.is_mention(q) && v.w(q + 1) != "-") {
                continue;
            }
            head = g;
        } else if row.pos == Pos::Noun
            && row.frame == Frame::Subject
            && matches!(v.wb(p, 1), "a" | "an" | "the" | "its" | "their")
        {
            continue; // a bare noun cue reads as a noun phrase, not a statement
        }
        let base = base_of(row.says);
        let mut cue = Cue::new(head, end, base, Args::Subject);
        cue.observer = row.says == Says::Observe;
        cue.planned = row.planned;
        cue.row = Some(r);
        let participle = w.ends_with("ed") || lex.is_irregular(w) || be;
        if row.passive && v.w(end + 1) == "by" && participle && !w.ends_with("ing") {
            cue.args = Args::PassiveBy(end + 2);
            return Some(cue);
        }
        match row.frame {
            Frame::List => {
                // "Attendees included …", "Guests at the summit include …".
                let mut q = end + 1;
                if is(v.w(q), PREPOSITIONS) && !row.preps.iter().any(|r| r == v.w(q)) {
                    let stop = |q: usize| {
                        is(v.w(q), LIST_OPENERS)
                            || v.is_punct(q)
                            || matches!(v.w(q), "will" | "would") && v.w(q + 1) == "be"
                    };
                    while q < (end + 6).min(v.len()) && !stop(q) {
                        q += 1;
                    }
                }
                // "a list that includes …".
                if matches!(v.w(q), "that" | "which") && is(v.w(q + 1), LIST_OPENERS) {
                    q += 1;
                }
                // "Also present and engaged are …": a second adjective.
                if row.pos == Pos::Adj && v.w(q) == "and" && is(v.w(q + 2), LIST_OPENERS) {
                    q += 2;
                }
                // "The guest list published on Tuesday also includes …": a participle
                // phrase between the noun and its verb.
                if row.pos == Pos::Noun && v.w(q).ends_with("ed") && !is(v.w(q), LIST_OPENERS) {
                    let verb = (q + 1..(q + 5).min(v.len()))
                        .take_while(|&r| !v.is_punct(r))
                        .find(|&r| matches!(v.w(r), "also" | "include" | "includes"));
                    if let Some(r) = verb {
                        q = r;
                    }
                }
                // "Participants also included …".
                if v.w(q) == "also"
                    && matches!(
                        v.w(q + 1),
                        "included" | "were" | "was" | "comprised" | "featured"
                    )
                {
                    q += 1;
                }
                // "Speakers will include …", "guests are set to include …": an
                // announced list.
                let mut f = q;
                while f < (q + 4).min(v.len()) && is(v.w(f), LIST_FUTURE) {
                    f += 1;
                }
                if f > q && matches!(v.w(f), "include" | "includes") {
                    cue.planned = true;
                    q = f;
                }
                // "Notably absent from the talks will be Iran": the copula of an
                // announced list.
                if f > q && v.w(f) == "be" && matches!(v.w(q), "will" | "would") {
                    cue.planned = true;
                    cue.end = f;
                    cue.args = Args::List(f + 1);
                    return Some(cue);
                }
                let next = v.w(q);
                let prep = row.preps.iter().any(|r| r == next);
                if !(is(next, LIST_OPENERS) || next == ":" || prep) {
                    continue;
                }
                cue.end = q;
                cue.args = Args::List(q + 1);
                return Some(cue);
            }
            Frame::Possessor => {
                // "the ban on Belarus's participation": a sanction, not a report.
                if (p.saturating_sub(5)..p).any(|q| matches!(v.w(q), "ban" | "bans" | "banned")) {
                    continue;
                }
                // "pressure to revoke Putin's invitation": the one invited, not the host.
                if row.says == Says::Host
                    && (p.saturating_sub(4)..p).any(|q| {
                        matches!(
                            v.w(q),
                            "revoke"
                                | "revoked"
                                | "revoking"
                                | "rescind"
                                | "rescinded"
                                | "withdraw"
                                | "withdrew"
                                | "withdrawn"
                                | "cancel"
                                | "cancelled"
                                | "canceled"
                        )
                    })
                {
                    continue;
                }
                // "could have found a way to make Armenia's participation possible",
                // "how can you not find a format for Peru's participation?": what did
                // not happen.
                let counterfactual = (0..p).any(|q| {
                    matches!(v.w(q), "could" | "would" | "should" | "might")
                        && (v.w(q + 1) == "have" || v.w(q + 2) == "have")
                        || v.w(q) == "how" && matches!(v.w(q + 1), "can" | "could")
                });
                if counterfactual {
                    continue;
                }
                let person_at = |q: usize| {
                    v.tok(q)
                        .is_some_and(|t| matches!(t.kind, Kind::Person(_) | Kind::Linked(_)))
                };
                // "Russia's BRICS chairmanship": one name between; "Chile's first
                // appearance": an ordinal.
                let gap = usize::from(
                    p >= 3
                        && v.wb(p, 2) == "'s"
                        && (v.tok(p - 1).is_some_and(|t| t.capital)
                            || matches!(v.wb(p, 1), "first" | "last" | "only" | "rare" | "brief"))
                        && v.is_mention(p - 3),
                );
                if gap == 1 {
                    cue.args = Args::Possessor(p - 3);
                } else if v.wb(p, 1) == "'s" && p >= 2 && v.is_mention(p - 2) {
                    if row.person && !person_at(p - 2) {
                        continue;
                    }
                    cue.args = Args::Possessor(p - 2);
                } else if row.of_list
                    && v.w(end + 1) == "of"
                    && (matches!(v.wb(p, 1), "the" | "with")
                        // "the confirmed presence of"
                        || matches!(v.wb(p, 1), "confirmed" | "expected" | "full" | "personal")
                            && matches!(v.wb(p, 2), "the" | "with"))
                {
                    cue.end = end + 1;
                    cue.args = Args::List(end + 2);
                    let stop = (end + 2..v.len())
                        .find(|&q| v.is_punct(q) && v.w(q) != "," || matches!(v.w(q), "in" | "at"))
                        .unwrap_or(v.len());
                    // "the participation of Iraq in the talks": a meeting after the list,
                    // or one the clause speaks of ("The summit opened with the presence
                    // of …"), not "the presence of a new US administration".
                    let at_meeting = if stop < v.len() && !v.is_punct(stop) {
                        v.object(stop + 1) == Obj::Event
                    } else {
                        v.has_meeting_noun(0, v.len()) || v.rel_event
                    };
                    let names_person = (end + 2..stop).any(|q| {
                        v.tok(q).is_some_and(|t| {
                            matches!(t.kind, Kind::Person(_) | Kind::Linked(_))
                                || t.is_word()
                                    && v.lex.is_title(&t.lower)
                                    && is(&t.lower, REP_NOUNS)
                        })
                    });
                    if !(names_person || !row.person && at_meeting) {
                        continue;
                    }
                    return Some(cue);
                } else {
                    continue;
                }
                let check = check_object(v, row.need(), end, row, ctx);
                let at = matches!(v.w(end + 1), "in" | "at");
                let meeting_after = at && v.object(end + 2) == Obj::Event;
                if !(check.ok || meeting_after) || (at && !meeting_after && row.says != Says::Host)
                {
                    continue;
                }
                return Some(cue);
            }
            Frame::Object => {
                // "sat beside Ireland's president", "seated next to …": a preposition of
                // the row may open the object (and a passive then is no obstacle).
                let mut at = end + 1;
                if row.preps.iter().any(|p| p == v.w(at)) {
                    at += 1 + usize::from(v.w(at + 1) == "to");
                }
                let prep_led = at > end + 1;
                let Some(next) = v.tok(at) else { continue };
                let object_follows = next.is_mention()
                    || matches!(
                        next.lower.as_str(),
                        "the" | "all" | "every" | "representatives" | "delegations" | "leaders"
                    );
                // "There is no invitation for Myanmar": an existential "be" is no passive.
                let existential = v.wb(p, 2) == "there";
                if !object_follows || be && !existential && !prep_led {
                    continue;
                }
                // "has barred Myanmar's generals from its summits", not "barred
                // investigators from entering Gaza".
                let meeting_near =
                    (end + 1..(end + 9).min(v.len())).any(|q| v.lex.is_meeting(v.w(q)));
                if row.object == Some(Need::MeetingNear) && !meeting_near {
                    continue;
                }
                cue.args = Args::Object(at);
                return Some(cue);
            }
            Frame::ObjectParty => {
                let check = check_object(v, Need::Representative, end, row, ctx);
                if !check.ok || v.w(end + 1) == "by" {
                    continue;
                }
                cue.args = Args::ObjectParty(end + 1);
                cue.end = check.end;
                return Some(cue);
            }
            Frame::Venue => {
                let Some(at) = venue(v, end + 1) else {
                    continue;
                };
                cue.args = Args::Venue(at);
                return Some(cue);
            }
            Frame::Apposition => {
                // "hosts Russia", "the host country, the United Arab Emirates,".
                let mut at = end + 1;
                while matches!(v.w(at), "," | "the") && at < end + 3 {
                    at += 1;
                }
                // "with host Prime Minister Anwar Ibrahim": a person by title; "ASEAN
                // host Hun Sen": by name after a capitalised modifier (not "set to host
                // Biden", a verb).
                let mut titled = at;
                while titled < at + 3 && v.lex.is_title(v.w(titled)) {
                    titled += 1;
                }
                let noun = titled > at || p > 0 && v.tok(p - 1).is_some_and(|t| t.capital);
                let person = noun
                    && v.tok(titled)
                        .is_some_and(|t| matches!(t.kind, Kind::Person(_) | Kind::Linked(_)));
                if person {
                    at = titled;
                }
                let end = at - 1;
                let Some(t) = v.tok(end + 1) else { continue };
                let name = matches!(t.kind, Kind::Party(_, via) if via != Via::Demonym) || person;
                // (Not "groups representing Syria's Kurds": a possessor names a modifier.)
                if !name || t.compound || v.w(end + 2) == "'s" {
                    continue;
                }
                // "represent Japan and South Korea": a pair named after it.
                cue.args = if v.w(end + 2) == "and" && v.is_mention(end + 3) && !person {
                    Args::Object(end + 1)
                } else {
                    Args::Possessor(end + 1)
                };
                return Some(cue);
            }
            Frame::Clause | Frame::Subject => {
                let check = check_object(v, row.need(), end, row, ctx);
                if !check.ok {
                    continue;
                }
                end = check.end;
                cue.end = end;
                cue.observer |= check.observer;
                // "is attending neither the summit nor the G20", "took part in neither".
                let neither = (end + 1..(end + 3).min(v.len()))
                    .take_while(|&q| v.w(q) == "neither" || row.preps.iter().any(|r| r == v.w(q)))
                    .any(|q| v.w(q) == "neither")
                    && (end + 2..v.len()).any(|q| v.w(q) == "nor");
                cue.neg = check.neg || neither;
                if row.frame == Frame::Clause {
                    cue.args = Args::Clause;
                }
                return Some(cue);
            }
        }
    }
    None
}

/// Finds the cue that starts at position `p`, if any: a row of the lexicon, or one of
/// the constructions below.
pub fn cue_at(v: &View, p: usize, invite_ctx: bool, ctx: &EventCtx) -> Option<Cue> {
    super::constructions::construction_at(v, p, invite_ctx, ctx).or_else(|| row_at(v, p, ctx))
}
