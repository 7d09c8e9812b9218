//! Claims of one sentence: which parties it gives which status, with which modality.
//!
//! The rules work on clauses (see [`super::clauses`]). In each clause they look for a
//! cue — a verb or noun that states a role at a meeting ("attended", "refrained from
//! participating", "was not invited", "is holding a conference", "attendees
//! included") — then read its verb group for negation and modality ("would also not",
//! "was expected to", "urged … to" blocks it), and find the parties it applies to: the
//! subject before it (a list of noun phrases, an antecedent, a pronoun resolved through
//! "X said it …"), the agents after a passive "by", or the list after "included".
//! A cue about another meeting (Astana, a second round, a year that is not the
//! event's), a condition ("if …"), an urging or an attempt gives no claim.

use super::clauses::{Clause, ClauseKind, ECHO_AUX, clauses};
use super::lexicon::{
    AUX, BE, COMMON_VERBS, DIRECTIVES, EVENT_NOUNS, EXPECT_GOVERNORS, IRREALIS_GOVERNORS,
    MOTION_GOVERNORS, NEG, NEUTRAL_GOVERNORS, NOUN_GOVERNORS, OTHER_MEETING, PLAN_GOVERNORS,
    PREPOSITIONS, PRONOUNS, REFUSE_GOVERNORS, RELATIONAL, RELATIVES, REP_NOUNS, SPEECH, VG_ADVERBS,
    is,
};
use super::phrases::{ListParties, list_parties};
use super::tokens::{Kind, Token, tokenize};
use super::{Modality, Status};
use crate::analyse::gazetteer::{Gazetteer, Via};

/// What the extractor knows of the event: its years, to tell it from earlier meetings.
#[derive(Debug, Clone, Default)]
pub struct EventCtx {
    pub years: Vec<String>,
    /// The party of the event's place (Syria for Damascus): a meeting "in" another
    /// party's place, or named after another party, is another meeting.
    pub place_party: Option<usize>,
}

/// One claim of a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub party: usize,
    pub status: Status,
    pub modality: Modality,
    /// The words of the verb group and cue, as written.
    pub cue: String,
}

/// What a cue says before negation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Base {
    Attend,
    Boycott,
    /// "invited": no claim unless negated ("was not invited").
    Invite,
    /// "excluded", "received no invitation".
    Exclude,
    Host,
}

/// Where the parties of a cue are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Args {
    /// Before the verb group.
    Subject,
    /// After "by": "was attended by …".
    PassiveBy(usize),
    /// After "included" / "were": "Other attendees included …".
    List(usize),
    /// The object of an active verb: "did not invite Turkey".
    Object(usize),
    /// "as did …", "nor did …": the previous cue's status.
    Echo(usize),
    /// "was held in …": the place's country hosts; the subject must be the event.
    Venue(usize),
    /// "Iraq's participation": the mention at this position.
    Possessor(usize),
}

/// What the object of a cue must be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Need {
    /// No object, or one that names a meeting ("attend the conference", not "attend
    /// school").
    NoneOrEvent,
    /// An object that names a meeting ("hosting the conference", not "hosting
    /// refugees").
    Event,
}

#[derive(Debug, Clone, Copy)]
struct Cue {
    /// Position of the verb the verb group is read back from.
    head: usize,
    /// Last position of the cue.
    end: usize,
    base: Base,
    args: Args,
    /// The cue itself says observer ("sent an observer").
    observer: bool,
    /// The cue itself is negative ("sent no delegation", "received no invitation").
    neg: bool,
    /// Forces the modality ("accepted the invitation": planned).
    planned: bool,
}

/// A clause seen through its tokens.
struct View<'a> {
    tokens: &'a [Token],
    c: &'a Clause,
    /// A relative clause about a meeting ("…, which the EU shunned"): its missing
    /// object is that meeting.
    rel_event: bool,
}

impl<'a> View<'a> {
    fn new(tokens: &'a [Token], c: &'a Clause) -> Self {
        let rel_event = c.kind == ClauseKind::Relative
            && c.antecedent
                .iter()
                .any(|&i| is(&tokens[i].lower, EVENT_NOUNS));
        View {
            tokens,
            c,
            rel_event,
        }
    }

    fn len(&self) -> usize {
        self.c.toks.len()
    }

    fn tok(&self, p: usize) -> Option<&'a Token> {
        self.c.toks.get(p).map(|&i| &self.tokens[i])
    }

    /// Lower-case text at `p` ("" past the end).
    fn w(&self, p: usize) -> &'a str {
        self.tok(p).map_or("", |t| t.lower.as_str())
    }

    fn wb(&self, p: usize, back: usize) -> &'a str {
        if p >= back { self.w(p - back) } else { "" }
    }

    fn is_punct(&self, p: usize) -> bool {
        self.tok(p).is_some_and(|t| t.kind == Kind::Punct)
    }

    /// A form of "be" before `p`, over adverbs and negation ("was not", "has been").
    fn be_before(&self, p: usize) -> bool {
        let mut q = p;
        while q > 0 {
            let w = self.w(q - 1);
            if is(w, BE) {
                return true;
            }
            if is(w, NEG) || is(w, VG_ADVERBS) {
                q -= 1;
                continue;
            }
            return false;
        }
        false
    }

    /// Whether a word that names a meeting is among positions `from..to`.
    fn has_event_noun(&self, from: usize, to: usize) -> bool {
        (from..to.min(self.len())).any(|q| is(self.w(q), EVENT_NOUNS))
    }

    fn idxs(&self, from: usize, to: usize) -> Vec<usize> {
        self.c.toks[from.min(self.len())..to.min(self.len())].to_vec()
    }
}

/// The object after a cue: absent, naming a meeting, or something else.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Obj {
    Absent,
    Event,
    Other,
}

fn object(v: &View, from: usize) -> Obj {
    let mut q = from;
    while q < v.len() && is(v.w(q), VG_ADVERBS) {
        q += 1;
    }
    let first = v.w(q);
    if q >= v.len() || v.is_punct(q) || is(first, PREPOSITIONS) || first == "and" {
        return Obj::Absent;
    }
    let mut n = 0;
    while q < v.len() && n < 8 {
        let w = v.w(q);
        if v.is_punct(q) || is(w, PREPOSITIONS) || is(w, RELATIVES) || is(w, AUX) {
            break;
        }
        if is(w, EVENT_NOUNS) {
            return Obj::Event;
        }
        q += 1;
        n += 1;
    }
    Obj::Other
}

fn passes(v: &View, from: usize, need: Need) -> bool {
    match need {
        Need::NoneOrEvent => object(v, from) != Obj::Other,
        Need::Event => match object(v, from) {
            Obj::Event => true,
            Obj::Absent => v.rel_event,
            Obj::Other => false,
        },
    }
}

/// Whether positions `from..to` speak of another meeting: Astana, Sochi, a second round,
/// a year the event does not span.
fn other_meeting(v: &View, from: usize, to: usize, ctx: &EventCtx) -> bool {
    (from..to.min(v.len())).any(|q| {
        let w = v.w(q);
        let year = w.len() == 4
            && (w.starts_with("19") || w.starts_with("20"))
            && w.chars().all(|c| c.is_ascii_digit());
        if year {
            return !ctx.years.is_empty() && !ctx.years.iter().any(|y| y == w);
        }
        if w == "round" || w == "rounds" {
            return v.wb(q, 1) != "first";
        }
        is(w, OTHER_MEETING)
    })
}

/// Whether positions `from..to` place the meeting in another party's country ("in
/// New York", "in Brussels") or name it after another party ("the UN General Assembly
/// session", "the Arab League summit").
fn other_place(v: &View, from: usize, to: usize, ctx: &EventCtx) -> bool {
    let Some(place) = ctx.place_party else {
        return false;
    };
    (from..to.min(v.len())).any(|q| {
        let Some(t) = v.tok(q) else { return false };
        let Kind::Party(p, _) = t.kind else {
            return false;
        };
        if t.compound || p == place {
            return false;
        }
        let mut b = q;
        while b > from && matches!(v.w(b - 1), "the" | "a") {
            b -= 1;
        }
        let after_in = b > 0 && matches!(v.w(b - 1), "in" | "at");
        let names_meeting = (q + 1..(q + 4).min(v.len()))
            .take_while(|&r| !v.is_punct(r) && !is(v.w(r), PREPOSITIONS))
            .any(|r| is(v.w(r), EVENT_NOUNS) && !matches!(v.w(r), "it" | "this" | "them"));
        after_in || names_meeting
    })
}

/// The end of the object region of a cue: the next comma or the end of the clause.
fn region_end(v: &View, from: usize) -> usize {
    (from..v.len())
        .find(|&q| v.w(q) == "," || v.w(q) == ";")
        .unwrap_or(v.len())
        .min(from + 15)
}

const HOST_VERBS: &[&str] = &[
    "host",
    "hosts",
    "hosted",
    "hosting",
    "co-host",
    "co-hosts",
    "co-hosted",
    "co-hosting",
    "cohost",
    "cohosted",
    "organise",
    "organises",
    "organised",
    "organising",
    "organize",
    "organizes",
    "organized",
    "organizing",
    "co-organise",
    "co-organised",
    "co-organize",
    "co-organized",
    "co-organising",
    "co-organizing",
    "convene",
    "convenes",
    "convened",
    "convening",
    "hold",
    "holds",
    "held",
    "holding",
    "stage",
    "stages",
    "staged",
    "staging",
    "chair",
    "chairs",
    "chaired",
    "chairing",
    "co-chair",
    "co-chairs",
    "co-chaired",
    "co-chairing",
    "launch",
    "launches",
    "launched",
    "launching",
    "open",
    "opens",
    "opened",
    "orchestrate",
    "orchestrates",
    "orchestrated",
    "orchestrating",
    "arrange",
    "arranges",
    "arranged",
    "arranging",
    "convoked",
];

/// Host verbs that can also place the event ("was held in Damascus").
const VENUE_VERBS: &[&str] = &[
    "held",
    "hosted",
    "convened",
    "opened",
    "staged",
    "organised",
    "organized",
    "began",
    "begins",
    "started",
    "starts",
    "underway",
    "opens",
];

/// Meeting nouns a host verb needs ("hold talks with" is a bilateral meeting).
const HOST_EVENT_EXCLUDED: &[&str] = &["talks", "consultations", "dialogue", "it", "them"];

const INVITATION_OBJECTS: &[&str] = &["invitation", "invitations", "invite", "offer"];

/// Finds the cue that starts at position `p`, if any.
fn cue_at(v: &View, p: usize, invite_ctx: bool) -> Option<Cue> {
    let w = v.w(p);
    let w1 = v.w(p + 1);
    let w2 = v.w(p + 2);
    let prev = v.wb(p, 1);
    let cue = |base, end, args| Cue {
        head: p,
        end,
        base,
        args,
        observer: false,
        neg: false,
        planned: false,
    };
    let be = v.be_before(p);
    let det_before = matches!(prev, "a" | "an" | "the" | "its" | "their" | "his" | "her");
    match w {
        "attend" | "attends" | "attended" | "attending" => {
            if w1 == "by" && (be || w == "attended") {
                return Some(cue(Base::Attend, p, Args::PassiveBy(p + 2)));
            }
            passes(v, p + 1, Need::NoneOrEvent).then(|| cue(Base::Attend, p, Args::Subject))
        }
        "participate" | "participates" | "participated" | "participating" => {
            let from = if w1 == "in" { p + 2 } else { p + 1 };
            let ok = if w1 == "in" {
                object(v, from) == Obj::Event
            } else {
                passes(v, from, Need::NoneOrEvent)
            };
            ok.then(|| cue(Base::Attend, p, Args::Subject))
        }
        "take" | "takes" | "took" | "taken" | "taking" if w1 == "part" => {
            let ok = if w2 == "in" {
                object(v, p + 3) == Obj::Event
            } else {
                passes(v, p + 2, Need::NoneOrEvent)
            };
            ok.then(|| cue(Base::Attend, p + 1, Args::Subject))
        }
        "take" | "takes" | "took" | "taking" if w1 == "place" => {
            venue(v, p, p + 2).map(|at| cue(Base::Host, p + 1, Args::Venue(at)))
        }
        "join" | "joins" | "joined" | "joining" => {
            if (p + 1..p + 4).any(|q| v.w(q) == "boycott") {
                let end = (p + 1..p + 4).find(|&q| v.w(q) == "boycott").unwrap_or(p);
                return Some(cue(Base::Boycott, end, Args::Subject));
            }
            passes(v, p + 1, Need::Event).then(|| cue(Base::Attend, p, Args::Subject))
        }
        "present" if be => Some(cue(Base::Attend, p, Args::Subject)),
        "led" | "headed" if be && w1 == "by" => {
            // "Lebanon's delegation was led by its minister".
            let mut q = p;
            while q > 0 && (is(v.w(q - 1), AUX) || is(v.w(q - 1), VG_ADVERBS)) {
                q -= 1;
            }
            let noun = v.wb(q, 1);
            matches!(noun, "delegation" | "delegations" | "team" | "mission")
                .then(|| cue(Base::Attend, p, Args::Subject))
        }
        "represented" if be => Some(cue(Base::Attend, p, Args::Subject)),
        "attendance" if prev == "in" => Some(Cue {
            head: p - 1,
            ..cue(Base::Attend, p, Args::Subject)
        }),
        "attendees" | "participants" | "attendants" | "absentees" => {
            let base = if w == "absentees" {
                Base::Boycott
            } else {
                Base::Attend
            };
            let lists = [
                "included",
                "include",
                "includes",
                "were",
                "are",
                "was",
                "is",
                "comprised",
                "comprise",
                "featured",
            ];
            lists
                .contains(&w1)
                .then(|| cue(base, p + 1, Args::List(p + 2)))
        }
        "among" if matches!(w1, "the" | "those") => {
            // "among the (few) (countries) invited / attendees / participating".
            let (at, base) = (p + 2..(p + 6).min(v.len())).find_map(|q| {
                let base = match v.w(q) {
                    "attendees" | "participants" | "attending" | "present" | "participating"
                    | "guests" => Base::Attend,
                    "absentees" | "absent" => Base::Boycott,
                    "invited" | "invitees" => Base::Invite,
                    _ => return None,
                };
                Some((q, base))
            })?;
            if (p + 2..at).any(|q| v.is_punct(q) || is(v.w(q), PREPOSITIONS)) {
                return None;
            }
            if matches!(v.w(at + 1), "were" | "was" | "are" | "is") {
                Some(cue(base, at + 1, Args::List(at + 2)))
            } else {
                Some(cue(base, at, Args::Subject))
            }
        }
        "observer" | "observers" | "observed" if v.tok(p + 1).is_some_and(|t| t.is_punct(":")) => {
            Some(Cue {
                observer: true,
                ..cue(Base::Attend, p, Args::List(p + 2))
            })
        }
        "participation" | "attendance" | "presence" | "absence" => {
            // "Iraq's participation", "the participation of Russia and China".
            let base = if w == "absence" {
                Base::Boycott
            } else {
                Base::Attend
            };
            let at_meeting = |q: usize| match v.w(q) {
                "in" | "at" => object(v, q + 1) == Obj::Event,
                _ => w != "presence",
            };
            if prev == "'s" && p >= 2 && v.tok(p - 2).is_some_and(Token::is_mention) {
                return at_meeting(p + 1).then(|| cue(base, p, Args::Possessor(p - 2)));
            }
            if matches!(prev, "their" | "its" | "his" | "her") && p >= 2 {
                // "had confirmed their participation", "cancelled its participation".
                let verb = v.wb(p, 2);
                let (base, planned) = match verb {
                    "confirmed" | "confirms" | "announced" | "announces" | "pledged" => {
                        (base, true)
                    }
                    "cancelled" | "canceled" | "withdrew" | "suspended" | "ruled" => {
                        (Base::Boycott, false)
                    }
                    _ => return None,
                };
                return at_meeting(p + 1).then(|| Cue {
                    head: p - 2,
                    planned,
                    ..cue(base, p, Args::Subject)
                });
            }
            if w1 == "of" && matches!(prev, "the" | "with") {
                let end = (p + 2..v.len())
                    .find(|&q| v.is_punct(q) && v.w(q) != "," || matches!(v.w(q), "in" | "at"))
                    .unwrap_or(v.len());
                return (end >= v.len() || at_meeting(end))
                    .then(|| cue(base, p + 1, Args::List(p + 2)));
            }
            None
        }
        "send" | "sends" | "sent" | "sending" | "dispatched" | "dispatch" | "dispatches"
        | "dispatching" => {
            let mut end = None;
            let mut observer = false;
            for q in p + 1..(p + 6).min(v.len()) {
                let x = v.w(q);
                if v.is_punct(q) || (is(x, PREPOSITIONS) && x != "of") {
                    break;
                }
                if x == "observer" || x == "observers" {
                    observer = true;
                }
                if is(x, REP_NOUNS)
                    || (x == "one" && v.wb(q, 1) == "no")
                    || x == "anyone"
                    || x == "nobody"
                {
                    end = Some(q);
                }
            }
            let end = end?;
            Some(Cue {
                observer,
                neg: w1 == "no" || w1 == "nobody",
                ..cue(Base::Attend, end, Args::Subject)
            })
        }
        "address" | "addresses" | "addressed" | "addressing" if !det_before => {
            let hit = (p + 1..(p + 7).min(v.len()))
                .take_while(|&q| !v.is_punct(q))
                .find(|&q| is(v.w(q), EVENT_NOUNS) && !matches!(v.w(q), "it" | "this" | "them"));
            hit.map(|_| cue(Base::Attend, p, Args::Subject))
        }
        "spoke" | "speaks" | "speak" | "speaking" if matches!(w1, "at" | "to") => {
            let hit = (p + 2..(p + 6).min(v.len())).any(|q| is(v.w(q), EVENT_NOUNS));
            hit.then(|| cue(Base::Attend, p + 1, Args::Subject))
        }
        "told" => {
            let hit = (p + 1..(p + 4).min(v.len()))
                .take_while(|&q| !v.is_punct(q))
                .any(|q| {
                    let x = v.w(q);
                    (is(x, EVENT_NOUNS) && !matches!(x, "it" | "this" | "them"))
                        || matches!(x, "delegates" | "participants" | "attendees")
                });
            hit.then(|| cue(Base::Attend, p, Args::Subject))
        }
        "delivered" | "gave" | "delivers" | "gives" => {
            let speech = (p + 1..(p + 4).min(v.len()))
                .find(|&q| matches!(v.w(q), "speech" | "address" | "remarks" | "statement"))?;
            let hit = matches!(v.w(speech + 1), "at" | "to")
                && (speech + 2..(speech + 6).min(v.len())).any(|q| is(v.w(q), EVENT_NOUNS));
            hit.then(|| cue(Base::Attend, speech, Args::Subject))
        }
        "boycott" | "boycotts" | "boycotted" | "boycotting" => {
            if det_before {
                // A noun: "called for a boycott" is no status; "announced a boycott" is.
                let verb = v.wb(p, 2);
                let own = matches!(
                    verb,
                    "announced"
                        | "announces"
                        | "declared"
                        | "declares"
                        | "joined"
                        | "joins"
                        | "led"
                        | "leads"
                        | "staged"
                        | "launched"
                        | "maintained"
                        | "began"
                        | "started"
                        | "observed"
                        | "kept"
                );
                return own.then(|| Cue {
                    head: p - 2,
                    ..cue(Base::Boycott, p, Args::Subject)
                });
            }
            if w1 == "by" {
                return Some(cue(Base::Boycott, p, Args::PassiveBy(p + 2)));
            }
            passes(v, p + 1, Need::NoneOrEvent).then(|| cue(Base::Boycott, p, Args::Subject))
        }
        "stay" | "stays" | "stayed" | "staying" | "kept" | "keep" | "keeps" | "keeping"
        | "remained" | "remain" | "remains"
            if w1 == "away" =>
        {
            let from = if w2 == "from" { p + 3 } else { p + 2 };
            let ok = if w2 == "from" {
                object(v, from) != Obj::Other
            } else {
                true
            };
            ok.then(|| cue(Base::Boycott, p + 1, Args::Subject))
        }
        "shun" | "shuns" | "shunned" | "shunning" | "snub" | "snubs" | "snubbed" | "snubbing"
        | "skip" | "skips" | "skipped" | "skipping" | "spurn" | "spurns" | "spurned"
        | "spurning" => {
            if det_before {
                return None;
            }
            if w1 == "by" {
                return Some(cue(Base::Boycott, p, Args::PassiveBy(p + 2)));
            }
            passes(v, p + 1, Need::Event).then(|| cue(Base::Boycott, p, Args::Subject))
        }
        "absent" => {
            if matches!(w1, "were" | "was" | "are" | "is") {
                return Some(cue(Base::Boycott, p + 1, Args::List(p + 2)));
            }
            be.then(|| cue(Base::Boycott, p, Args::Subject))
        }
        "declined" | "decline" | "declines" | "declining" | "refused" | "refuse" | "refuses"
        | "refusing" | "rejected" | "reject" | "rejects" | "rejecting" | "rebuffed" | "rebuff"
        | "ignored" | "ignore" | "ignores" | "turned" | "turn" | "turns" | "turning" => {
            let from = if matches!(w, "turned" | "turn" | "turns" | "turning") {
                if w1 != "down" {
                    return None;
                }
                p + 2
            } else {
                p + 1
            };
            if let Some(q) = (from..(from + 3).min(v.len()))
                .take_while(|&q| !v.is_punct(q))
                .find(|&q| INVITATION_OBJECTS.contains(&v.w(q)))
            {
                return Some(cue(Base::Boycott, q, Args::Subject));
            }
            if matches!(w, "ignored" | "ignore" | "ignores") {
                return None;
            }
            let bare = matches!(w, "declined" | "refused")
                && (from >= v.len() || v.is_punct(from) || matches!(w1, "and" | "but"));
            (bare && invite_ctx).then(|| cue(Base::Boycott, p, Args::Subject))
        }
        "forgo" | "forgoes" | "forwent" | "forgone" | "forego" | "forewent" | "forgoing"
        | "foregoing" => {
            let ok = matches!(w1, "attendance" | "participation" | "attending")
                || object(v, p + 1) == Obj::Event;
            ok.then(|| cue(Base::Boycott, p + 1, Args::Subject))
        }
        "opted" | "opt" | "pulled" | "pull" | "pulls" | "dropped" | "drop" if w1 == "out" => {
            let ok = w2 != "of" || object(v, p + 3) == Obj::Event;
            ok.then(|| cue(Base::Boycott, p + 1, Args::Subject))
        }
        "withdrew" | "withdrawn" | "withdraw" | "withdraws" | "withdrawing" if w1 == "from" => {
            (object(v, p + 2) == Obj::Event).then(|| cue(Base::Boycott, p + 1, Args::Subject))
        }
        "invited" | "invite" | "invites" | "inviting" => {
            if w == "invited" && prev == "those" && v.wb(p, 2) == "among" {
                return Some(Cue {
                    head: p - 2,
                    ..cue(Base::Invite, p, Args::Subject)
                });
            }
            if w == "invited" && (be || w1 == "to" || w1 == "by" || v.is_punct(p + 1)) {
                return Some(cue(Base::Invite, p, Args::Subject));
            }
            let next = v.tok(p + 1)?;
            let object_follows = next.is_mention()
                || matches!(
                    next.lower.as_str(),
                    "the" | "all" | "every" | "representatives"
                );
            object_follows.then(|| cue(Base::Invite, p, Args::Object(p + 1)))
        }
        "uninvited" => be.then(|| cue(Base::Exclude, p, Args::Subject)),
        "invitation" | "invitations" => {
            let pp = v.wb(p, 2);
            if prev == "no" {
                if matches!(
                    pp,
                    "received"
                        | "receive"
                        | "receives"
                        | "got"
                        | "get"
                        | "gets"
                        | "had"
                        | "has"
                        | "have"
                        | "sent"
                        | "given"
                        | "extended"
                ) {
                    return Some(Cue {
                        head: p - 2,
                        ..cue(Base::Exclude, p, Args::Subject)
                    });
                }
                // "No invitation was sent to Turkey"
                let to = (p + 1..(p + 6).min(v.len())).find(|&q| v.w(q) == "to")?;
                let sent = (p + 1..to).any(|q| {
                    matches!(
                        v.w(q),
                        "sent" | "extended" | "issued" | "given" | "addressed" | "made"
                    )
                });
                return sent.then(|| cue(Base::Exclude, to, Args::List(to + 1)));
            }
            let receive = |x: &str| {
                matches!(
                    x,
                    "received" | "receive" | "receives" | "got" | "get" | "gets"
                )
            };
            let accept = |x: &str| matches!(x, "accepted" | "accept" | "accepts" | "accepting");
            if receive(prev) {
                return Some(Cue {
                    head: p - 1,
                    ..cue(Base::Invite, p, Args::Subject)
                });
            }
            if accept(prev) {
                return Some(Cue {
                    head: p - 1,
                    planned: true,
                    ..cue(Base::Attend, p, Args::Subject)
                });
            }
            if matches!(
                prev,
                "an" | "any" | "a" | "the" | "its" | "formal" | "official"
            ) {
                let verb = if matches!(prev, "formal" | "official") {
                    v.wb(p, 3)
                } else {
                    pp
                };
                let head = p - if matches!(prev, "formal" | "official") {
                    3
                } else {
                    2
                };
                return match verb {
                    "received" | "receive" | "receives" | "got" | "get" | "gets" => Some(Cue {
                        head,
                        ..cue(Base::Invite, p, Args::Subject)
                    }),
                    "accepted" | "accept" | "accepts" | "accepting" => Some(Cue {
                        head,
                        planned: true,
                        ..cue(Base::Attend, p, Args::Subject)
                    }),
                    _ => None,
                };
            }
            None
        }
        "excluded" | "barred" | "banned" | "blocked" | "prevented" | "exclude" | "excludes"
        | "excluding" => {
            if w1 == "from" {
                let obj = v.w(p + 2);
                let ok = matches!(
                    obj,
                    "attending" | "participating" | "taking" | "joining" | "the" | "this"
                ) && (obj.ends_with("ing") || object(v, p + 2) == Obj::Event);
                let end = if obj.ends_with("ing") { p + 2 } else { p };
                return (ok && (be || matches!(w, "excluded" | "barred")))
                    .then(|| cue(Base::Exclude, end, Args::Subject));
            }
            if be && matches!(w, "excluded" | "barred" | "banned") {
                return Some(cue(Base::Exclude, p, Args::Subject));
            }
            let next = v.tok(p + 1)?;
            (next.is_mention() && matches!(w, "excluded" | "excludes" | "exclude"))
                .then(|| cue(Base::Exclude, p, Args::Object(p + 1)))
        }
        "left" if matches!(w1, "out" | "off") && be => {
            Some(cue(Base::Exclude, p + 1, Args::Subject))
        }
        "as" | "nor" | "so" | "neither" if ECHO_AUX.contains(&w1) && p > 0 => {
            if w == "so" && !matches!(w1, "did" | "does" | "do" | "has" | "have" | "had") {
                return None;
            }
            let start = if v.w(p + 2) == "also" { p + 3 } else { p + 2 };
            Some(cue(Base::Attend, p + 1, Args::Echo(start)))
        }
        "kicked" | "kick" | "kicks" | "kicking" if w1 == "off" => {
            if let Some(at) = venue(v, p, p + 2) {
                return Some(cue(Base::Host, p + 1, Args::Venue(at)));
            }
            host_object(v, p + 2).then(|| cue(Base::Host, p + 1, Args::Subject))
        }
        _ if is(w, HOST_VERBS) || is(w, VENUE_VERBS) => {
            if w1 == "by" && is(w, HOST_VERBS) && w != "held" {
                return Some(cue(Base::Host, p, Args::PassiveBy(p + 2)));
            }
            if is(w, VENUE_VERBS)
                && let Some(at) = venue(v, p, p + 1)
            {
                return Some(cue(Base::Host, p, Args::Venue(at)));
            }
            (is(w, HOST_VERBS) && host_object(v, p + 1)).then(|| cue(Base::Host, p, Args::Subject))
        }
        _ => None,
    }
}

/// Words of time that may stand between a venue verb and its place ("opened on
/// Wednesday in Damascus").
const TIME_WORDS: &[&str] = &[
    "later",
    "on",
    "today",
    "yesterday",
    "tomorrow",
    "officially",
    "formally",
    "again",
    "this",
    "last",
    "next",
    "week",
    "morning",
    "afternoon",
    "evening",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// "… in Damascus" after a venue verb: the position of the place.
fn venue(v: &View, _p: usize, from: usize) -> Option<usize> {
    let mut q = from;
    while q < v.len() && q < from + 6 {
        let w = v.w(q);
        if w == "in" || w == "at" {
            return Some(q + 1);
        }
        let number = w.chars().all(|c| c.is_ascii_digit() || c == '-');
        if !(is(w, TIME_WORDS) || number) || v.is_punct(q) {
            return None;
        }
        q += 1;
    }
    None
}

/// Whether the object of a host verb names the conference.
fn host_object(v: &View, from: usize) -> bool {
    if object(v, from) != Obj::Event {
        return false;
    }
    // The head noun must be a meeting noun other than "talks" and not followed by "with".
    let mut q = from;
    while q < v.len() && !v.is_punct(q) && !is(v.w(q), PREPOSITIONS) {
        if is(v.w(q), EVENT_NOUNS) && is(v.w(q), HOST_EVENT_EXCLUDED) {
            return false;
        }
        q += 1;
    }
    v.w(q) != "with"
}

/// The verb group of a cue: where it starts, and what it says of polarity and modality.
#[derive(Debug, Clone, Copy, Default)]
struct VerbGroup {
    start: usize,
    neg: bool,
    refuse: bool,
    planned: bool,
    expected: bool,
    block: bool,
}

fn verb_group(v: &View, head: usize, lb: usize) -> VerbGroup {
    let mut g = VerbGroup::default();
    let head_word = v.w(head);
    let mut q = head;
    while q > lb {
        let w = v.w(q - 1);
        if v.tok(q - 1).is_some_and(Token::is_mention) {
            break;
        }
        if is(w, AUX) {
            if w == "have" {
                let modal = (0..q.saturating_sub(1))
                    .rev()
                    .find(|&r| !is(v.w(r), NEG) && !is(v.w(r), VG_ADVERBS))
                    .map(|r| v.w(r));
                if matches!(modal, Some("would" | "could" | "might" | "should")) {
                    g.block = true; // "would not have attended": counterfactual
                }
            }
            match w {
                "will" | "shall" | "would" => g.planned = true,
                "may" | "might" | "could" => g.expected = true,
                "should" | "must" | "ought" => g.block = true,
                _ => {}
            }
            q -= 1;
            continue;
        }
        if is(w, NEG) {
            g.neg = true;
            q -= 1;
            continue;
        }
        if w == "no" && matches!(v.w(q), "plans" | "plan" | "intention" | "intentions") {
            g.neg = true;
            q -= 1;
            continue;
        }
        if w == "to" {
            let gov = v.wb(q, 2);
            if q >= 2 && is(gov, PLAN_GOVERNORS) {
                g.planned = true;
                q -= 2;
                continue;
            }
            if q >= 2 && is(gov, EXPECT_GOVERNORS) {
                g.expected = true;
                q -= 2;
                continue;
            }
            if q >= 2 && is(gov, REFUSE_GOVERNORS) {
                g.refuse = true;
                q -= 2;
                continue;
            }
            if q >= 2 && is(gov, NEUTRAL_GOVERNORS) {
                q -= 2;
                continue;
            }
            if q >= 2 && is(gov, BE) {
                g.planned = true; // "Lebanon is to attend"
                q -= 1;
                continue;
            }
            // "urged the UN … to forgo", "sought to hold", "called … to boycott".
            let directive = (lb..q.saturating_sub(1)).any(|r| is(v.w(r), DIRECTIVES));
            if directive || is(gov, IRREALIS_GOVERNORS) {
                g.block = true;
                q -= 1;
                break;
            }
            if is(gov, MOTION_GOVERNORS) {
                q -= 1;
                break;
            }
            let motion_before = (lb..q.saturating_sub(1))
                .rev()
                .take(4)
                .any(|r| is(v.w(r), MOTION_GOVERNORS));
            if is(gov, NOUN_GOVERNORS) || is(gov, REP_NOUNS) || motion_before {
                q -= 1;
                break; // "the only country to attend"
            }
            g.block = true; // an infinitive we cannot place
            q -= 1;
            break;
        }
        if w == "from" {
            let gov = v.wb(q, 2);
            if q >= 2 && is(gov, REFUSE_GOVERNORS) {
                g.refuse = true;
                q -= 2;
                continue;
            }
            break;
        }
        if is(w, REFUSE_GOVERNORS) && head_word.ends_with("ing") {
            g.refuse = true; // "avoided attending"
            q -= 1;
            continue;
        }
        if is(w, VG_ADVERBS) {
            q -= 1;
            continue;
        }
        break;
    }
    g.start = q;
    g
}

/// Whether the token at clause position `q` ends a subject: a finite verb.
fn verb_like(v: &View, q: usize) -> bool {
    let Some(t) = v.tok(q) else { return false };
    if t.kind != Kind::Word || t.capital && q > 0 {
        return false;
    }
    let w = t.lower.as_str();
    if is(w, AUX) || is(w, COMMON_VERBS) || is(w, SPEECH) {
        return true;
    }
    let after_name = q > 0
        && v.tok(q - 1).is_some_and(|p| match p.kind {
            Kind::Party(_, via) => via != Via::Demonym && !p.compound,
            Kind::Person(_) => true,
            _ => false,
        });
    after_name
        && w.chars().all(char::is_alphabetic)
        && (w.ends_with('s') || w.ends_with("ed"))
        && !is(w, REP_NOUNS)
        && !is(w, RELATIONAL)
        && !is(w, PREPOSITIONS)
}

/// What the previous cue of the sentence resolved to.
#[derive(Debug, Clone, Default)]
struct Prev {
    status: Option<Status>,
    modality: Option<Modality>,
    base: Option<Base>,
    subjects: Vec<usize>,
}

/// Everything a sentence's clauses share.
struct Sentence<'a> {
    text: &'a str,
    tokens: &'a [Token],
    gazetteer: &'a Gazetteer,
}

impl Sentence<'_> {
    fn parties(&self, idxs: &[usize], asides: &[(usize, Vec<usize>)]) -> ListParties {
        list_parties(self.tokens, idxs, asides, self.gazetteer)
    }

    /// The parties a relative clause hangs on: the noun phrases just before it ("the
    /// US and the EU, which …", "a delegation to Lebanon, which …"), else the last
    /// party of the stretch before it.
    fn antecedent_parties(&self, idxs: &[usize]) -> Vec<usize> {
        let toks = self.tokens;
        let mut start = idxs.len();
        while start > 0 {
            let t = &toks[idxs[start - 1]];
            if t.is_word() {
                let w = t.lower.as_str();
                let rep_of = matches!(w, "of" | "from")
                    && start >= 2
                    && is(&toks[idxs[start - 2]].lower, REP_NOUNS);
                if (is(w, PREPOSITIONS) && !rep_of)
                    || is(w, AUX)
                    || is(w, COMMON_VERBS)
                    || is(w, SPEECH)
                {
                    break;
                }
            }
            start -= 1;
        }
        let near = self.parties(&idxs[start..], &[]).parties;
        if !near.is_empty() {
            return near;
        }
        let all = self.parties(idxs, &[]).parties;
        all.last().copied().into_iter().collect()
    }

    /// "X said it would …": the party of the speech verb before token `at` (or of the
    /// one after it: "… ,” said the EU").
    fn pronoun_referent(&self, at: usize) -> Vec<usize> {
        let toks = self.tokens;
        let speech_before = (at.saturating_sub(30)..at)
            .rev()
            .find(|&i| toks[i].is_word() && is(&toks[i].lower, SPEECH));
        if let Some(s) = speech_before {
            let from = (0..s)
                .rev()
                .find(|&i| {
                    toks[i].is_punct(",")
                        || toks[i].is_punct(";")
                        || toks[i].is_punct(":")
                        || (toks[i].is_word() && is(&toks[i].lower, AUX))
                })
                .map_or(0, |i| i + 1);
            let idxs: Vec<usize> = (from..s).collect();
            let p = self.parties(&idxs, &[]).parties;
            if !p.is_empty() {
                return p;
            }
        }
        let speech_after = (at + 1..toks.len().min(at + 60))
            .find(|&i| toks[i].is_word() && is(&toks[i].lower, SPEECH));
        if let Some(s) = speech_after {
            let to = (s + 1..toks.len())
                .find(|&i| toks[i].kind == Kind::Punct)
                .unwrap_or(toks.len());
            let after: Vec<usize> = (s + 1..to).collect();
            let p = self.parties(&after, &[]).parties;
            if !p.is_empty() {
                return p;
            }
            let from = (0..s)
                .rev()
                .find(|&i| toks[i].kind == Kind::Punct)
                .map_or(0, |i| i + 1);
            let before: Vec<usize> = (from..s).collect();
            return self.parties(&before, &[]).parties;
        }
        Vec::new()
    }
}

/// Statuses of a cue's parties, from its base and polarity.
fn status_of(base: Base, negated: bool, observer: bool) -> Option<Status> {
    match (base, negated) {
        (Base::Attend, false) if observer => Some(Status::Observer),
        (Base::Attend, false) => Some(Status::Attended),
        (Base::Attend, true) => Some(Status::Boycotted),
        (Base::Boycott, false) => Some(Status::Boycotted),
        (Base::Invite, true) => Some(Status::NotInvited),
        (Base::Exclude, false) => Some(Status::NotInvited),
        (Base::Host, false) => Some(Status::Host),
        _ => None,
    }
}

fn observer_after(v: &View, from: usize, to: usize) -> bool {
    (from..to.min(v.len())).any(|q| {
        let w = v.w(q);
        (w == "observer" || w == "observers")
            && matches!(v.wb(q, 1), "as" | "an" | "a")
            && (v.wb(q, 1) == "as" || v.wb(q, 2) == "as" || v.wb(q, 2) == "in")
            || (w == "observer" && v.w(q + 1) == "status")
    })
}

/// The claims of one sentence.
pub fn sentence_claims(text: &str, gazetteer: &Gazetteer, ctx: &EventCtx) -> Vec<Found> {
    let tokens = tokenize(text, gazetteer);
    if !tokens.iter().any(Token::is_mention) {
        return Vec::new();
    }
    let mut cls = clauses(&tokens);
    cls.sort_by_key(|c| c.toks.first().copied().unwrap_or(usize::MAX));
    let invite_ctx = tokens.iter().any(|t| t.lower.starts_with("invit"));
    let s = Sentence {
        text,
        tokens: &tokens,
        gazetteer,
    };
    let mut out: Vec<Found> = Vec::new();
    let mut prev = Prev::default();
    for c in &cls {
        let v = View::new(&tokens, c);
        let mut cues = Vec::new();
        let mut p = 0;
        while p < v.len() {
            match cue_at(&v, p, invite_ctx) {
                Some(cue) => {
                    p = cue.end + 1;
                    cues.push(cue);
                }
                None => p += 1,
            }
        }
        if cues.is_empty()
            && let Some(cue) = elided(&v, &prev)
        {
            cues.push(cue);
        }
        let mut lb = 0;
        for (n, cue) in cues.iter().enumerate() {
            let next_start = cues.get(n + 1).map_or(v.len(), |c| c.head);
            let vg = verb_group(&v, cue.head, lb);
            let (parties, except, subject_stretch) =
                arguments(&s, &v, cue, &vg, lb, next_start, &prev);
            let mut neg = vg.neg ^ cue.neg;
            if (subject_stretch.0..subject_stretch.1).any(|q| matches!(v.w(q), "neither" | "nor")) {
                neg = true;
            }
            let observer = cue.observer
                || observer_after(&v, cue.end + 1, next_start)
                || (subject_stretch.0..subject_stretch.1).any(|q| {
                    matches!(v.w(q), "observer" | "observers")
                        && v.wb(q, 1) != "as"
                        && v.wb(q, 2) != "as"
                });
            let mut modality = if vg.expected {
                Modality::Expected
            } else if vg.planned || cue.planned {
                Modality::Planned
            } else {
                Modality::Reported
            };
            let (status, except_status) = if let Args::Echo(_) = cue.args {
                if let Some(m) = prev.modality {
                    modality = m;
                }
                (prev.status, None)
            } else if neg && vg.refuse {
                (None, None)
            } else {
                let negated = neg || vg.refuse;
                (
                    status_of(cue.base, negated, observer),
                    status_of(cue.base, !negated, false),
                )
            };
            let mut blocked = vg.block || c.kind == ClauseKind::Conditional;
            let obj_end = region_end(&v, cue.end + 1);
            if other_meeting(&v, cue.head, obj_end, ctx)
                || other_place(&v, cue.head + 1, obj_end, ctx)
            {
                blocked = true;
            }
            if matches!(cue.args, Args::Venue(_) | Args::PassiveBy(_)) && cue.base == Base::Host
                || matches!(cue.args, Args::Venue(_))
            {
                // The event must be what was held: "the conference was held in …".
                let (a, b) = subject_stretch;
                let antecedent_event = c.kind == ClauseKind::Relative
                    && c.antecedent
                        .iter()
                        .any(|&i| is(&tokens[i].lower, EVENT_NOUNS));
                let event_subject = v.has_event_noun(a, b) || antecedent_event;
                let antecedent_other = c.kind == ClauseKind::Relative && {
                    let av = Clause {
                        kind: ClauseKind::Main,
                        toks: c.antecedent.clone(),
                        antecedent: Vec::new(),
                        asides: Vec::new(),
                    };
                    let view = View::new(&tokens, &av);
                    other_meeting(&view, 0, view.len(), ctx)
                };
                if !event_subject || other_meeting(&v, a, b, ctx) || antecedent_other {
                    blocked = true;
                }
            }
            let cue_text = cue_text(&s, &v, vg.start.min(cue.head), cue.end);
            if !blocked {
                if let Some(st) = status {
                    for &party in &parties {
                        push(&mut out, party, st, modality, &cue_text);
                    }
                }
                if let Some(st) = except_status {
                    for &party in &except {
                        push(&mut out, party, st, modality, &cue_text);
                    }
                }
            }
            prev = Prev {
                status: if blocked { None } else { status },
                modality: Some(modality),
                base: Some(cue.base),
                subjects: parties,
            };
            lb = cue.end + 1;
        }
    }
    out
}

fn push(out: &mut Vec<Found>, party: usize, status: Status, modality: Modality, cue: &str) {
    if !out.iter().any(|f| f.party == party && f.status == status) {
        out.push(Found {
            party,
            status,
            modality,
            cue: cue.to_string(),
        });
    }
}

fn cue_text(s: &Sentence, v: &View, from: usize, to: usize) -> String {
    match (v.tok(from), v.tok(to)) {
        (Some(a), Some(b)) if a.start <= b.end => s.text[a.start..b.end].to_string(),
        _ => String::new(),
    }
}

/// "Iraq attended, but Jordan did not": a clause that ends in an auxiliary and a
/// negation repeats the previous cue, negated.
fn elided(v: &View, prev: &Prev) -> Option<Cue> {
    let base = prev.base?;
    let mut end = v.len();
    while end > 0 && (v.is_punct(end - 1) || matches!(v.w(end - 1), "so" | "either" | "too")) {
        end -= 1;
    }
    if end < 3 || !is(v.w(end - 1), NEG) || !is(v.w(end - 2), AUX) {
        return None;
    }
    Some(Cue {
        head: end - 1,
        end: end - 1,
        base,
        args: Args::Subject,
        observer: false,
        neg: false,
        planned: false,
    })
}

/// The parties a cue applies to, those it excepts, and the subject stretch it read.
fn arguments(
    s: &Sentence,
    v: &View,
    cue: &Cue,
    vg: &VerbGroup,
    lb: usize,
    next_start: usize,
    prev: &Prev,
) -> (Vec<usize>, Vec<usize>, (usize, usize)) {
    let to_end = |from: usize| {
        // The list ends before a clause of its own: "…, Mills said, prior to …".
        let end = match (from..next_start).find(|&q| verb_like(v, q)) {
            Some(vq) => (from..vq).rev().find(|&q| v.is_punct(q)).unwrap_or(from),
            None => next_start,
        };
        let idxs = v.idxs(from, end);
        s.parties(&idxs, &v.c.asides)
    };
    let start = vg.start.min(cue.head);
    match cue.args {
        Args::List(from) if lb == 0 => {
            let mut r = to_end(from);
            // "Apart from Russia, Iran and China, most participants were …": at the start
            // of the clause, "apart from" adds, it does not except.
            let marker = match (v.w(0), v.w(1), v.w(2)) {
                ("apart" | "aside", "from", _) => 2,
                ("besides" | "beyond", _, _) => 1,
                ("in", "addition", "to") => 3,
                _ => 0,
            };
            if marker > 0 && cue.base == Base::Attend {
                let extra = s.parties(&v.idxs(marker, cue.head), &v.c.asides);
                for p in extra.parties.into_iter().rev() {
                    if !r.parties.contains(&p) {
                        r.parties.insert(0, p);
                    }
                }
            }
            (r.parties, r.except, (lb, start))
        }
        Args::PassiveBy(from) | Args::List(from) | Args::Echo(from) => {
            let r = to_end(from);
            (r.parties, r.except, (lb, start))
        }
        Args::Object(from) => {
            let end = (from..next_start)
                .find(|&q| v.is_punct(q) || matches!(v.w(q), "to" | "because" | "as"))
                .unwrap_or(next_start);
            let mut r = s.parties(&v.idxs(from, end), &v.c.asides);
            // "invited all countries except Turkey"
            let tail = tail_parties(s, v, end, next_start);
            r.except.extend(tail.except);
            (r.parties, r.except, (lb, start))
        }
        Args::Possessor(at) => {
            let r = s.parties(&v.idxs(at, at + 1), &[]);
            (r.parties, Vec::new(), (at, at + 1))
        }
        Args::Venue(from) => {
            let end = (from..v.len()).find(|&q| v.is_punct(q)).unwrap_or(v.len());
            let r = s.parties(&v.idxs(from, end), &[]);
            let parties = if r.parties.len() == 1 {
                r.parties
            } else {
                Vec::new()
            };
            (parties, Vec::new(), (lb, start))
        }
        Args::Subject => {
            let (mut parties, mut except, stretch) = subject(s, v, lb, start, prev);
            let tail = tail_parties(s, v, cue.end + 1, next_start);
            if parties.is_empty() && except.is_empty() {
                // "Those attending were X, Y": an empty subject, a list after.
                let w = v.w(cue.end + 1);
                let copula = matches!(w, "were" | "was" | "are" | "is" | "included" | "include")
                    || v.tok(cue.end + 1).is_some_and(|t| t.is_punct(":"));
                if copula {
                    let r = to_end(cue.end + 2);
                    parties = r.parties;
                    except = r.except;
                }
            }
            for p in tail.parties {
                if !parties.contains(&p) {
                    parties.push(p);
                }
            }
            except.extend(tail.except);
            (parties, except, stretch)
        }
    }
}

/// After a cue: "along with X", "except Y".
fn tail_parties(s: &Sentence, v: &View, from: usize, next_start: usize) -> ListParties {
    let mut out = ListParties::default();
    let last_cue = next_start >= v.len();
    let mut q = from;
    while q < next_start {
        let w = v.w(q);
        let along = (matches!(w, "along" | "together") && v.w(q + 1) == "with")
            || (w == "as" && v.w(q + 1) == "well" && v.w(q + 2) == "as")
            || (w == "in" && v.w(q + 1) == "addition" && v.w(q + 2) == "to");
        let except = matches!(w, "except" | "excluding")
            || (w == "with" && v.w(q + 1) == "the" && v.w(q + 2) == "exception")
            || (w == "apart" && v.w(q + 1) == "from")
            || (w == "other" && v.w(q + 1) == "than");
        // "…, including Iran and Venezuela", "…, naming Russia, China …", "…, among
        // them Oman": the members of a group subject.
        let members = matches!(w, "including" | "naming" | "notably" | "chiefly" | "mainly")
            || (w == "among" && v.w(q + 1) == "them")
            || (w == "such" && v.w(q + 1) == "as");
        if along || except || members || w == "alongside" {
            let skip = match w {
                "as" | "in" => 3,
                "with" => 4,
                "except" | "excluding" | "alongside" | "including" | "naming" | "notably"
                | "chiefly" | "mainly" => 1,
                _ => 2,
            };
            let end = if last_cue {
                next_start
            } else {
                (q + skip..next_start)
                    .find(|&r| v.is_punct(r))
                    .unwrap_or(next_start)
            };
            let r = s.parties(&v.idxs(q + skip, end), &v.c.asides);
            if except {
                out.except.extend(r.parties);
            } else {
                out.parties.extend(r.parties);
            }
            q = end;
            continue;
        }
        q += 1;
    }
    out
}

/// The subject of a cue whose verb group starts at `start`: parties, excepted parties,
/// and the stretch read.
fn subject(
    s: &Sentence,
    v: &View,
    lb: usize,
    start: usize,
    prev: &Prev,
) -> (Vec<usize>, Vec<usize>, (usize, usize)) {
    let c = v.c;
    let content = |a: usize, b: usize| {
        (a..b).any(|q| {
            let w = v.w(q);
            !(v.is_punct(q)
                || matches!(
                    w,
                    "and" | "but" | "or" | "yet" | "then" | "while" | "whereas"
                )
                || is(w, VG_ADVERBS))
        })
    };
    // A relative clause: "…, which attended as an observer".
    if c.kind == ClauseKind::Relative {
        let only_relative = (lb..start).all(|q| is(v.w(q), RELATIVES) || is(v.w(q), VG_ADVERBS));
        if only_relative && lb == 0 {
            return (s.antecedent_parties(&c.antecedent), Vec::new(), (lb, start));
        }
    }
    let v_pos = (lb..start).rev().find(|&q| verb_like(v, q));
    let from = v_pos.map_or(lb, |q| q + 1);
    let before_vg = if start > 0 { v.w(start - 1) } else { "" };
    let coordinated = !content(from, start)
        || (matches!(before_vg, "and" | "but" | "or" | "yet" | "then")
            && s.parties(&v.idxs(from, start), &c.asides)
                .parties
                .is_empty());
    if coordinated {
        // "Turkey hosts the most refugees and has not been invited", "was invited but
        // declined": the subject of the verb before.
        if lb > 0 || v_pos.is_none() {
            if !prev.subjects.is_empty() {
                return (prev.subjects.clone(), Vec::new(), (lb, start));
            }
            if c.kind == ClauseKind::Relative {
                return (s.antecedent_parties(&c.antecedent), Vec::new(), (lb, start));
            }
        }
        if let Some(vp) = v_pos {
            let (parties, except, from2) = noun_phrase_before(s, v, lb, vp, 0);
            return (parties, except, (from2, start));
        }
        return (Vec::new(), Vec::new(), (lb, start));
    }
    let (parties, except, _) = noun_phrase_before(s, v, lb, start, 0);
    (parties, except, (from, start))
}

/// The subject that ends before clause position `end`: read back to `lb` or the
/// previous finite verb; a relative pronoun takes the noun before it, and a pronoun is
/// resolved through the verb of saying before it ("Jordan said it …"). Returns the
/// parties, the excepted parties and where the phrase starts.
fn noun_phrase_before(
    s: &Sentence,
    v: &View,
    lb: usize,
    end: usize,
    depth: usize,
) -> (Vec<usize>, Vec<usize>, usize) {
    let c = v.c;
    let v_pos = (lb..end).rev().find(|&q| verb_like(v, q));
    let mut from = v_pos.map_or(lb, |q| q + 1);
    let mut to = end;
    // "said in a statement that Berlin would …": the clause after "that".
    if let Some(t) = (from..to).rev().find(|&q| v.w(q) == "that") {
        let content_after = (t + 1..to).any(|q| !v.is_punct(q) && !is(v.w(q), VG_ADVERBS));
        if content_after {
            from = t + 1;
        }
    }
    // "countries that refuse …": the noun before the relative pronoun.
    if let Some(r) = (from..to).rev().find(|&q| is(v.w(q), RELATIVES)) {
        let rest_empty = (r + 1..to).all(|q| v.is_punct(q) || is(v.w(q), VG_ADVERBS));
        if rest_empty {
            to = r;
        }
    }
    let last_content = (from..to)
        .rev()
        .find(|&q| !v.is_punct(q) && !is(v.w(q), VG_ADVERBS));
    if let Some(lc) = last_content
        && is(v.w(lc), PRONOUNS)
    {
        // The subject of the verb of saying before the pronoun, in this clause.
        let speech = (0..lc).rev().find(|&q| is(v.w(q), SPEECH));
        if let (Some(sp), true) = (speech, depth < 3) {
            let (p, e, _) = noun_phrase_before(s, v, 0, sp, depth + 1);
            if !p.is_empty() {
                return (p, e, from);
            }
        }
        return (s.pronoun_referent(c.toks[lc]), Vec::new(), from);
    }
    let r = s.parties(&v.idxs(from, to), &c.asides);
    (r.parties, r.except, from)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claims(text: &str) -> Vec<(String, &'static str, &'static str)> {
        let g = Gazetteer::embedded();
        let ctx = EventCtx {
            years: vec!["2020".into()],
            place_party: g.party_index("syria"),
        };
        sentence_claims(text, g, &ctx)
            .into_iter()
            .map(|f| {
                (
                    g.parties[f.party].id.clone(),
                    f.status.as_str(),
                    f.modality.as_str(),
                )
            })
            .collect()
    }

    fn ids(text: &str) -> Vec<(String, &'static str)> {
        claims(text).into_iter().map(|(p, s, _)| (p, s)).collect()
    }

    fn owned(v: &[(&str, &'static str)]) -> Vec<(String, &'static str)> {
        v.iter().map(|(p, s)| (p.to_string(), *s)).collect()
    }

    #[test]
    fn list_with_a_bloc_refrained() {
        assert_eq!(
            ids(
                "The US, Canada, the European Union (EU), Jordan, and Turkey refrained from participating in the Conference due to what they described as “the lack of safe conditions”."
            ),
            owned(&[
                ("united-states", "boycotted"),
                ("canada", "boycotted"),
                ("european-union", "boycotted"),
                ("jordan", "boycotted"),
                ("turkey", "boycotted")
            ])
        );
    }

    #[test]
    fn two_clauses_two_statuses() {
        assert_eq!(
            ids("Jordan did not attend the conference, while Turkey was not invited."),
            owned(&[("jordan", "boycotted"), ("turkey", "not_invited")])
        );
        assert_eq!(
            ids("Turkey hosts the most Syrian refugees and has not been invited."),
            owned(&[("turkey", "not_invited")])
        );
    }

    #[test]
    fn observer_and_expected() {
        assert_eq!(
            claims(
                "Other attendees included a Russian delegation and representatives of Syrian regime allies Iran, Venezuela and China, while a United Nations representative was expected to attend as an observer."
            ),
            [
                ("russia".to_string(), "attended", "reported"),
                ("iran".to_string(), "attended", "reported"),
                ("venezuela".to_string(), "attended", "reported"),
                ("china".to_string(), "attended", "reported"),
                ("united-nations".to_string(), "observer", "expected"),
            ]
        );
    }

    #[test]
    fn urging_and_calling_are_not_staying_away() {
        assert!(ids("We strongly urge the UN and all others to forgo attendance as well at this conference.").is_empty());
        assert!(ids("Washington has already called the international community to boycott the Russia-led refugee conference.").is_empty());
    }

    #[test]
    fn pronoun_through_speech_verb() {
        assert_eq!(
            claims(
                "The European Union said on Tuesday it would also not attend, as the situation in Syria was not yet safe for returns."
            ),
            [("european-union".to_string(), "boycotted", "planned")]
        );
        assert_eq!(
            ids("Jordan said it had no plans to take part in the meeting."),
            owned(&[("jordan", "boycotted")])
        );
    }

    #[test]
    fn hosts_and_places() {
        assert_eq!(
            ids(
                "The Syrian regime is holding a refugee conference in Damascus on November 11-12 under Russian advice."
            ),
            owned(&[("syria", "host")])
        );
        assert!(ids("Turkey hosts the largest number of refugees in the world.").is_empty());
        assert!(
            ids("Moscow seeks to hold a second round of the Conference on Lebanese soil.")
                .is_empty()
        );
        assert!(ids("Moscow clearly hopes that the second round of the Conference, which is supposed to be held later on in Lebanon, would be more successful.").is_empty());
    }
}
