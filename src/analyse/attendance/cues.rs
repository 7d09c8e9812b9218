//! The cue lexicon and its matcher. The cues are data (`data/attendance_cues.yaml`):
//! a row per phrasing — its words (the first a lemma), what it says, the frame its
//! parties sit in and what must follow it. [`cue_at`] finds the row that starts at a
//! position of a clause; a few constructions that are grammar rather than vocabulary
//! ("as did X", "among the attendees were X", "received no invitation", "the
//! Russia-sponsored talks") stay in code below it.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use serde::Deserialize;

use super::clauses::{ClauseKind, ECHO_AUX};
use super::lexicon::{AUX, PREPOSITIONS, REP_NOUNS, VG_ADVERBS, is};
use super::scope::{EventCtx, venue};
use super::tokens::Kind;
use super::view::{Obj, View};
use crate::analyse::gazetteer::Via;

/// Part of speech of a cue's first word: how it inflects.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Pos {
    #[default]
    Verb,
    Noun,
    Adj,
}

/// What a cue says of its parties, before negation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Says {
    Attend,
    Boycott,
    /// "invited": no claim unless negated ("was not invited").
    Invite,
    /// "excluded", "left off the guest list".
    Exclude,
    Host,
    /// Attended as an observer.
    Observe,
    /// What the cue before says ("followed suit", "did too", "joined").
    Echo,
}

/// Where a cue's parties are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Frame {
    #[default]
    Subject,
    List,
    Object,
    ObjectParty,
    Possessor,
    Venue,
    Apposition,
    Clause,
}

/// What must follow a cue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Need {
    /// Nothing: the clause ends ("Australia and Canada joined.").
    Nothing,
    MeetingOrNone,
    Meeting,
    HostMeeting,
    Invitation,
    Representative,
    MeetingNear,
    Arrival,
    Any,
}

/// An example sentence a row must read (checked by a unit test).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Example {
    pub text: String,
    pub party: String,
    pub status: String,
}

/// One row of the cue lexicon.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Row {
    pub cue: String,
    #[serde(default)]
    pub pos: Pos,
    pub says: Says,
    #[serde(default)]
    pub frame: Frame,
    #[serde(default)]
    pub object: Option<Need>,
    #[serde(default)]
    pub preps: Vec<String>,
    #[serde(default)]
    pub passive: bool,
    #[serde(default)]
    pub after_be: bool,
    #[serde(default)]
    pub governors: Vec<String>,
    #[serde(default)]
    pub subject_nouns: Vec<String>,
    #[serde(default)]
    pub of_list: bool,
    #[serde(default)]
    pub planned: bool,
    /// The list must name a person or a leader ("the return of the Syrian president",
    /// not "the return of refugees").
    #[serde(default)]
    pub person: bool,
    /// Words that, within three words after the cue, undo it ("represented by counsel").
    #[serde(default)]
    pub unless_after: Vec<String>,
    pub example: Example,
}

impl Row {
    fn need(&self) -> Need {
        self.object.unwrap_or(match self.pos {
            Pos::Verb => Need::MeetingOrNone,
            Pos::Noun | Pos::Adj => Need::Any,
        })
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct LexiconFile {
    irregular: HashMap<String, String>,
    cues: Vec<Row>,
    host_compounds: Vec<String>,
    meeting_nouns: Vec<String>,
    meeting_pronouns: Vec<String>,
    titles: Vec<String>,
}

/// The loaded cue lexicon, indexed by first word.
#[derive(Debug)]
pub struct Lexicon {
    pub rows: Vec<Row>,
    words: Vec<Vec<String>>,
    by_first: HashMap<String, Vec<usize>>,
    irregular: HashMap<String, String>,
    host_compounds: HashSet<String>,
    meeting_nouns: HashSet<String>,
    meeting_pronouns: HashSet<String>,
    titles: HashSet<String>,
}

const EMBEDDED: &str = include_str!("../../../data/attendance_cues.yaml");

impl Lexicon {
    /// The lexicon shipped in the binary, parsed once.
    pub fn embedded() -> &'static Lexicon {
        static L: OnceLock<Lexicon> = OnceLock::new();
        L.get_or_init(|| {
            Lexicon::from_yaml(EMBEDDED).expect("the embedded cue lexicon is valid (tested)")
        })
    }

    pub fn from_yaml(text: &str) -> Result<Lexicon, String> {
        let f: LexiconFile = serde_yaml::from_str(text).map_err(|e| e.to_string())?;
        let mut by_first: HashMap<String, Vec<usize>> = HashMap::new();
        let mut words = Vec::with_capacity(f.cues.len());
        for (i, r) in f.cues.iter().enumerate() {
            let w: Vec<String> = r.cue.split_whitespace().map(str::to_lowercase).collect();
            if w.is_empty() {
                return Err(format!("cue {i} has no words"));
            }
            by_first.entry(w[0].clone()).or_default().push(i);
            words.push(w);
        }
        let set = |v: Vec<String>| v.into_iter().collect::<HashSet<String>>();
        Ok(Lexicon {
            rows: f.cues,
            words,
            by_first,
            irregular: f.irregular,
            host_compounds: set(f.host_compounds),
            meeting_nouns: set(f.meeting_nouns),
            meeting_pronouns: set(f.meeting_pronouns),
            titles: set(f.titles),
        })
    }

    /// A noun that names a meeting ("summit", "talks", "Games"), singular or plural.
    pub fn is_meeting(&self, w: &str) -> bool {
        // "COP28", "G20": the name without its number.
        let stem = w.trim_end_matches(|c: char| c.is_ascii_digit());
        if !stem.is_empty() && stem.len() < w.len() && self.meeting_nouns.contains(stem) {
            return true;
        }
        self.meeting_nouns.contains(w)
            || w.strip_suffix('s')
                .is_some_and(|s| self.meeting_nouns.contains(s))
    }

    /// A meeting noun, or a pronoun that can stand for the meeting ("attended it").
    pub fn is_meeting_or_pronoun(&self, w: &str) -> bool {
        self.is_meeting(w) || self.meeting_pronouns.contains(w)
    }

    /// A word of a title that links a person to a party ("president", "crown").
    pub fn is_title(&self, w: &str) -> bool {
        self.titles.contains(w) || w.strip_suffix('s').is_some_and(|s| self.titles.contains(s))
    }

    /// The lemmas a verb form may have: "hosted" → host, "organising" → organise,
    /// "snubbed" → snub, "took" → take.
    pub fn verb_lemmas(&self, w: &str) -> Vec<String> {
        let mut out = vec![w.to_string()];
        if let Some(l) = self.irregular.get(w) {
            out.push(l.clone());
        }
        let undouble = |s: &str| {
            let b = s.as_bytes();
            (b.len() >= 3 && b[b.len() - 1] == b[b.len() - 2]).then(|| s[..s.len() - 1].to_string())
        };
        for (suffix, repl) in [("ies", "y"), ("ied", "y")] {
            if let Some(s) = w.strip_suffix(suffix) {
                out.push(format!("{s}{repl}"));
            }
        }
        if let Some(s) = w.strip_suffix("es") {
            out.push(s.to_string());
        }
        if let Some(s) = w.strip_suffix('s')
            && !s.ends_with('s')
        {
            out.push(s.to_string());
        }
        if let Some(s) = w.strip_suffix("ed") {
            out.push(s.to_string());
            out.push(format!("{s}e"));
            out.extend(undouble(s));
        }
        if let Some(s) = w.strip_suffix("ing") {
            out.push(s.to_string());
            out.push(format!("{s}e"));
            out.extend(undouble(s));
        }
        out
    }

    /// The rows whose first word `w` can be.
    fn candidates(&self, w: &str) -> Vec<usize> {
        let mut out: Vec<usize> = Vec::new();
        let mut add = |key: &str, pos: &[Pos]| {
            if let Some(rows) = self.by_first.get(key) {
                for &r in rows {
                    if pos.contains(&self.rows[r].pos) && !out.contains(&r) {
                        out.push(r);
                    }
                }
            }
        };
        add(w, &[Pos::Verb, Pos::Noun, Pos::Adj]);
        // A venue reading first: "the conference, which it held in Damascus".
        for l in self.verb_lemmas(w).iter().skip(1) {
            add(l, &[Pos::Verb]);
        }
        if let Some(s) = w.strip_suffix('s') {
            add(s, &[Pos::Noun]);
        }
        // The most specific reading first: a venue ("held in"), then a noun with its
        // governing verb ("announced a boycott").
        out.sort_by_key(|&r| {
            (
                self.rows[r].frame != Frame::Venue,
                self.rows[r].governors.is_empty(),
            )
        });
        out
    }
}

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
const LIST_OPENERS: &[&str] = &[
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

/// Determiners before a noun: a verb cue after one of these is a noun ("a boycott").
const NOUN_DETERMINERS: &[&str] = &["a", "an", "the", "its", "their", "his", "her", "our", "'s"];

/// Determiners a multiword cue may have inside it ("accepted the invitation",
/// "cancelled its participation").
const INNER_DETERMINERS: &[&str] = &["the", "a", "an", "its", "their", "his", "her", "any"];

const INVITATION_OBJECTS: &[&str] = &["invitation", "invitations", "invite", "offer", "invites"];

/// Meeting nouns a host verb does not host: "hold talks with" is a bilateral meeting.
const HOST_EVENT_EXCLUDED: &[&str] = &["talks", "consultations", "dialogue", "it", "them"];

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
    // "held a meeting with X": a bilateral meeting.
    !(v.w(q) == "with" && (from..q).any(|r| matches!(v.w(r), "meeting" | "meetings")))
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
        Need::Nothing => plain(
            from >= v.len()
                || v.is_punct(from)
                || matches!(
                    v.w(from),
                    "and"
                        | "but"
                        | "later"
                        | "too"
                        | "soon"
                        | "on"
                        | "in"
                        | "within"
                        | "shortly"
                        | "days"
                        | "weeks"
                        | "two"
                        | "three"
                ),
        ),
        Need::MeetingOrNone => plain(v.object(from) != Obj::Other),
        Need::Meeting => plain(match v.object(from) {
            Obj::Event => true,
            Obj::Absent => v.rel_event,
            Obj::Other => false,
        }),
        Need::HostMeeting => {
            plain(host_object(v, from) || (v.object(from) == Obj::Absent && v.rel_event))
        }
        Need::Invitation => {
            match (end + 1..(end + 4).min(v.len()))
                .take_while(|&q| !v.is_punct(q))
                .find(|&q| INVITATION_OBJECTS.contains(&v.w(q)))
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
            for q in end + 1..(end + 7).min(v.len()) {
                let x = v.w(q);
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
                        "anyone" | "nobody" | "leaders" | "dignitaries" | "guests"
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
        Need::Arrival => {
            // "arrived in Kazan", "flew to Beijing for the Games".
            let stop = (end + 1..(end + 9).min(v.len()))
                .find(|&q| v.is_punct(q) && v.w(q) != ",")
                .unwrap_or((end + 9).min(v.len()));
            // A purpose decides: "for the summit", not "for talks with the government".
            let purpose = (end + 1..stop).find(|&q| v.w(q) == "for");
            let mut ok = match purpose {
                Some(f) => (f + 1..(f + 4).min(stop))
                    .find(|&r| v.lex.is_meeting(v.w(r)))
                    .is_some_and(|r| v.w(r + 1) != "with" && !matches!(v.w(f + 1), "a" | "an")),
                // "would travel to the Games".
                None if v.w(end + 1) == "to" && v.object(end + 2) == Obj::Event => true,
                None => (end + 1..stop).any(|q| {
                    let place_country = ctx.place_party.is_some()
                        && v.tok(q).is_some_and(
                            |t| matches!(t.kind, Kind::Party(p, _) if Some(p) == ctx.place_party),
                        );
                    matches!(v.wb(q, 1), "in" | "at" | "to" | "into")
                        && (ctx.is_place(v.w(q)) || place_country)
                }),
            };
            // "was the first to arrive", "arrived" with nothing after it: in a page
            // about the event, its arrival.
            if !ok && (end + 1 >= v.len() || v.is_punct(end + 1)) {
                ok = true;
            }
            plain(ok)
        }
    }
}

/// The table row that starts at position `p`, if any.
fn row_at(v: &View, p: usize, ctx: &EventCtx) -> Option<Cue> {
    let w = v.w(p);
    if w.is_empty() || v.is_punct(p) || v.is_mention(p) {
        return None;
    }
    let lex = v.lex;
    let be = v.be_before(p);
    for r in lex.candidates(w) {
        let row = &lex.rows[r];
        let words = &lex.words[r];
        let Some(mut end) = rest_matches(v, p, &words[1..], true) else {
            continue;
        };
        // "The Iraqi delegation, led by the minister": a delegation noun just before
        // stands for "was".
        let delegation_before = !row.subject_nouns.is_empty()
            && (row.subject_nouns.iter().any(|n| n == v.wb(p, 1))
                || v.wb(p, 1) == "," && row.subject_nouns.iter().any(|n| n == v.wb(p, 2)));
        if row.after_be && !be && !delegation_before {
            continue;
        }
        if (end + 1..(end + 4).min(v.len())).any(|q| row.unless_after.iter().any(|u| u == v.w(q))) {
            continue;
        }
        if row.pos == Pos::Verb && is(v.wb(p, 1), NOUN_DETERMINERS) {
            continue; // "announced a boycott": a noun
        }
        let mut head = p;
        if !row.subject_nouns.is_empty() && !delegation_before {
            let mut q = p;
            while q > 0 && (is(v.w(q - 1), AUX) || is(v.w(q - 1), VG_ADVERBS)) {
                q -= 1;
            }
            if !row.subject_nouns.iter().any(|n| n == v.wb(q, 1)) {
                continue;
            }
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
        let participle = w.ends_with("ed") || lex.irregular.contains_key(w) || be;
        if row.passive && v.w(end + 1) == "by" && participle && !w.ends_with("ing") {
            cue.args = Args::PassiveBy(end + 2);
            return Some(cue);
        }
        match row.frame {
            Frame::List => {
                // "Attendees included …", "Guests at the summit include …".
                let mut q = end + 1;
                if is(v.w(q), PREPOSITIONS) && !row.preps.iter().any(|r| r == v.w(q)) {
                    while q < (end + 6).min(v.len()) && !is(v.w(q), LIST_OPENERS) && !v.is_punct(q)
                    {
                        q += 1;
                    }
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
                let person_at = |q: usize| {
                    v.tok(q)
                        .is_some_and(|t| matches!(t.kind, Kind::Person(_) | Kind::Linked(_)))
                };
                // "Russia's BRICS chairmanship": one name between.
                let gap = usize::from(
                    p >= 3
                        && v.wb(p, 2) == "'s"
                        && v.tok(p - 1).is_some_and(|t| t.capital)
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
                    && matches!(v.wb(p, 1), "the" | "with")
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
                let Some(next) = v.tok(end + 1) else { continue };
                let object_follows = next.is_mention()
                    || matches!(
                        next.lower.as_str(),
                        "the" | "all" | "every" | "representatives"
                    );
                if !object_follows || be {
                    continue;
                }
                cue.args = Args::Object(end + 1);
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
                let end = at - 1;
                let Some(t) = v.tok(end + 1) else { continue };
                let name = matches!(t.kind, Kind::Party(_, via) if via != Via::Demonym);
                if !name || t.compound {
                    continue;
                }
                cue.args = Args::Possessor(end + 1);
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
                cue.neg = check.neg;
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
    construction_at(v, p, invite_ctx, ctx).or_else(|| row_at(v, p, ctx))
}

/// Places in a venue where those present are seen ("in the stands", "in the front row").
const VENUE_SPOTS: &[&str] = &[
    "hall",
    "stands",
    "stand",
    "audience",
    "room",
    "row",
    "chamber",
    "box",
    "stadium",
    "gallery",
    "venue",
    "auditorium",
    "podium",
];

/// Verbs of being somewhere that a place after them makes attendance ("sat in the front
/// row", "was seen at the opening ceremony").
const BEING_AT: &[&str] = &[
    "sat",
    "seated",
    "stood",
    "seen",
    "spotted",
    "pictured",
    "photographed",
];

/// Group nouns after "participating" ("the participating states, including …").
const GROUPS: &[&str] = &[
    "states",
    "countries",
    "nations",
    "governments",
    "delegations",
    "leaders",
    "parties",
    "members",
    "teams",
];

/// Constructions: grammar that no single word carries.
fn construction_at(v: &View, p: usize, invite_ctx: bool, ctx: &EventCtx) -> Option<Cue> {
    let w = v.w(p);
    let w1 = v.w(p + 1);
    let prev = v.wb(p, 1);
    match w {
        // "was in Jeddah", "were also in the hall", "was in the stands for the final",
        // "sat in the front row", "were seen at the opening ceremony".
        "in" | "at" if v.be_before(p) || is(prev, BEING_AT) => {
            let stop = (p + 1..(p + 6).min(v.len()))
                .find(|&q| v.is_punct(q))
                .unwrap_or((p + 6).min(v.len()));
            let place = ctx.is_place(w1)
                || v.tok(p + 1).is_some_and(
                    |t| matches!(t.kind, Kind::Party(q, _) if Some(q) == ctx.place_party),
                );
            let spot = (p + 1..stop).any(|q| is(v.w(q), VENUE_SPOTS));
            let meeting = v.object(p + 1) == Obj::Event;
            (place || spot || meeting).then(|| Cue::new(p, p, Base::Attend, Args::Subject))
        }
        // "the participating states, including …", "participating countries included …".
        "participating" | "attending" if is(w1, GROUPS) => {
            let q = (p + 2..(p + 5).min(v.len()))
                .find(|&q| is(v.w(q), LIST_OPENERS) || v.w(q) == ":")?;
            Some(Cue::new(p, q, Base::Attend, Args::List(q + 1)))
        }
        // "Namibia, the host, opened …".
        "host"
            if prev == "the" && v.wb(p, 2) == "," && w1 == "," && p >= 3 && v.is_mention(p - 3) =>
        {
            Some(Cue::new(p, p, Base::Host, Args::Possessor(p - 3)))
        }
        // "among the (few) attendees were", "among those invited".
        "among" if matches!(w1, "the" | "those") => {
            let (at, base) = (p + 2..(p + 6).min(v.len())).find_map(|q| {
                let base = match v.w(q) {
                    "attendees" | "participants" | "attending" | "present" | "participating"
                    | "guests" | "guest" | "represented" => Base::Attend,
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
                Some(Cue::new(p, at + 1, base, Args::List(at + 2)))
            } else {
                Some(Cue::new(p, at, base, Args::Subject))
            }
        }
        // "as did the EU", "nor did Jordan", "so did Qatar".
        "as" | "nor" | "so" | "neither"
            if ECHO_AUX.contains(&w1) && (p > 0 || w != "as" || v.c.kind == ClauseKind::Aside) =>
        {
            let start = if v.w(p + 2) == "also" { p + 3 } else { p + 2 };
            Some(Cue::new(p, p + 1, Base::Attend, Args::Echo(start)))
        }
        // "received no invitation", "no invitation was sent to Turkey", "received an
        // invitation" (no claim alone).
        "invitation" | "invitations" => {
            let pp = v.wb(p, 2);
            let receive = |x: &str| {
                matches!(
                    x,
                    "received"
                        | "receive"
                        | "receives"
                        | "got"
                        | "get"
                        | "gets"
                        | "had"
                        | "has"
                        | "have"
                )
            };
            if prev == "no" {
                if receive(pp) || matches!(pp, "sent" | "given" | "extended") {
                    return Some(Cue::new(p - 2, p, Base::Exclude, Args::Subject));
                }
                let to = (p + 1..(p + 6).min(v.len())).find(|&q| v.w(q) == "to")?;
                let sent = (p + 1..to).any(|q| {
                    matches!(
                        v.w(q),
                        "sent" | "extended" | "issued" | "given" | "addressed" | "made"
                    )
                });
                return sent.then(|| Cue::new(p, to, Base::Exclude, Args::List(to + 1)));
            }
            if receive(prev) {
                return Some(Cue::new(p - 1, p, Base::Invite, Args::Subject));
            }
            if matches!(
                prev,
                "an" | "a" | "the" | "any" | "its" | "formal" | "official"
            ) {
                let back = if matches!(prev, "formal" | "official") {
                    3
                } else {
                    2
                };
                if p >= back && receive(v.wb(p, back)) {
                    return Some(Cue::new(p - back, p, Base::Invite, Args::Subject));
                }
            }
            // "invitations went to all countries except Israel".
            if matches!(w1, "went" | "were") {
                let to = (p + 2..(p + 5).min(v.len())).find(|&q| v.w(q) == "to")?;
                return Some(Cue::new(p, to, Base::Invite, Args::Object(to + 1)));
            }
            None
        }
        // "was invited but declined": a bare refusal where the sentence speaks of an
        // invitation.
        "declined" | "refused" if invite_ctx => {
            let bare = p + 1 >= v.len() || v.is_punct(p + 1) || matches!(w1, "and" | "but");
            bare.then(|| Cue::new(p, p, Base::Boycott, Args::Subject))
        }
        // "the Russia-sponsored talks", "a Saudi-hosted summit".
        _ if p > 0 && v.is_mention(p - 1) && v.tok(p - 1).is_some_and(|t| t.compound) => {
            let host = v.lex.host_compounds.contains(w)
                || w.split('-')
                    .next_back()
                    .is_some_and(|x| v.lex.host_compounds.contains(x));
            let meeting = (p + 1..(p + 4).min(v.len()))
                .take_while(|&q| !v.is_punct(q))
                .any(|q| v.lex.is_meeting(v.w(q)));
            (host && meeting && !is(w, AUX))
                .then(|| Cue::new(p, p, Base::Host, Args::Possessor(p - 1)))
        }
        _ => None,
    }
}
