//! Constructions: the cues that are grammar rather than vocabulary, so no row of the
//! lexicon carries them — "as did X", "among the attendees were X", "was in Jeddah",
//! "the participating states, including X", "received no invitation", "the
//! Russia-sponsored talks", "Namibia, the host, …".

use super::clauses::{ClauseKind, ECHO_AUX};
use super::lexicon::{AUX, BE, GROUP_NOUNS, NEG, PREPOSITIONS, RELATIVES, REP_NOUNS, WEEKDAYS, is};
use super::matcher::{Args, Base, Cue, LIST_OPENERS};
use super::scope::EventCtx;
use super::tokens::Kind;
use super::view::{Obj, View};

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
/// row", "was seen at the opening ceremony", "were meeting in Bürgenstock": the event's
/// place or the event itself, not another city).
const BEING_AT: &[&str] = &[
    "sat",
    "seated",
    "stood",
    "seen",
    "spotted",
    "pictured",
    "photographed",
    "met",
    "meeting",
    "gathered",
    "gathering",
    "assembled",
    "convened",
];

/// What someone is seen doing at a meeting: "was seen watching the procession".
#[rustfmt::skip]
const SEEN_DOING: &[&str] = &[
    "watching", "arriving", "greeting", "chatting", "sitting", "talking", "speaking",
    "interacting", "mingling", "conversing", "posing",
    "walking", "entering", "applauding", "listening", "shaking", "laughing", "standing",
];

/// What leaders stand on together: "shared the reviewing stand with".
const PLATFORMS: &[&str] = &[
    "stand", "stage", "podium", "platform", "dais", "rostrum", "tribune", "table", "box",
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

/// Nouns for those present that a participle or adjective of presence can follow
/// ("other leaders attending the ceremony were …", "dignitaries present included …",
/// "the only ones missing were …").
const PRESENT_HEADS: &[&str] = &[
    "leaders",
    "dignitaries",
    "guests",
    "those",
    "ones",
    "officials",
    "figures",
    "presidents",
    "royals",
    "delegations",
    "countries",
    "nations",
    "states",
    "representatives",
    "others",
    "notables",
    "characters",
    "personalities",
    "faces",
    "celebrities",
];

/// Whether the clause is a photo caption with its label ("IMAGE: …", "Pictured: …"):
/// the people it names are where it says they are.
fn labelled_caption(v: &View) -> bool {
    matches!(
        v.w(0),
        "image" | "photo" | "picture" | "pictured" | "photograph"
    ) && v.w(1) == ":"
}

/// "among (the) (world) leaders at … for the summit": the position of "at", "in" or
/// "for" when a meeting follows within a few words.
fn among_leaders_at(v: &View, p: usize) -> Option<usize> {
    let noun = (p + 1..(p + 5).min(v.len()))
        .take_while(|&q| !v.is_punct(q) && !v.is_mention(q))
        .find(|&q| is(v.w(q), GATHERED))?;
    let mut prep = noun + 1;
    // "among 11 heads of state (and government) at the funeral".
    if v.w(noun) == "heads" && v.w(prep) == "of" && matches!(v.w(prep + 1), "state" | "government")
    {
        prep += 2;
        if v.w(prep) == "and" && v.w(prep + 1) == "government" {
            prep += 2;
        }
    }
    // "among the leaders of 56 Commonwealth nations in Apia for the meeting".
    if v.w(prep) == "of"
        && let Some(q) = (prep + 1..(prep + 4).min(v.len()))
            .find(|&q| matches!(v.w(q), "nations" | "countries" | "states" | "members"))
    {
        prep = q + 1;
    }
    if !matches!(v.w(prep), "at" | "in" | "for") {
        return None;
    }
    let meeting = (prep + 1..(prep + 10).min(v.len()))
        .take_while(|&q| !v.is_punct(q))
        .any(|q| v.lex.is_meeting(v.w(q)));
    meeting.then_some(prep)
}

/// Nouns for the people a meeting gathers.
#[rustfmt::skip]
const GATHERED: &[&str] = &[
    "leaders", "dignitaries", "guests", "mourners", "royals", "presidents", "attendees",
    "heads", "delegates", "ministers", "monarchs",
];

/// Words of coming in "the only leader who came …", "another confirmed guest".
const ONLY_CAME: &[&str] = &[
    "came",
    "attended",
    "travelled",
    "traveled",
    "flew",
    "arrived",
    "confirmed",
    "attendance",
    "attending",
    "expected",
    "present",
];

/// What a crowd did at a meeting, after "among the N people who …".
const WATCHED: &[&str] = &[
    "attended",
    "watched",
    "witnessed",
    "gathered",
    "packed",
    "filled",
];

/// Verbs of taking part after "scheduled to" or "among those due to".
const SPEAKING: &[&str] = &[
    "speak",
    "attend",
    "address",
    "participate",
    "appear",
    "join",
];

/// Nouns for a meeting between leaders that "held" or "had" opens ("held talks with").
const TALKS: &[&str] = &[
    "talks",
    "meeting",
    "meetings",
    "bilateral",
    "bilaterals",
    "discussion",
    "discussions",
];

/// Whether "with" at `p` says whom someone met: "met with", "conferred with", "held
/// (eight bilateral) talks with", "had a meeting with" — not "peace talks with".
fn met_with(v: &View, p: usize) -> bool {
    let before = v.wb(p, 1);
    if matches!(before, "met" | "meet" | "meets" | "meeting" | "conferred") {
        return true;
    }
    // "shook hands with X".
    let shook = before == "hands"
        && matches!(
            v.wb(p, 2),
            "shook" | "shake" | "shakes" | "shaking" | "shaken"
        );
    if shook {
        return true;
    }
    let exchanged = matches!(before, "greetings" | "pleasantries")
        && (p.saturating_sub(3)..p - 1).any(|q| {
            matches!(
                v.w(q),
                "exchanged" | "exchange" | "exchanges" | "shared" | "share" | "shares"
            )
        });
    exchanged || is(before, TALKS) && (p.saturating_sub(5)..p - 1).any(|q| is(v.w(q), HOLD_TALKS))
}

/// The verbs an inverted list ends its subject with: "Among those who arrived are …".
const INVERTED_COPULAS: &[&str] = &[
    "are", "were", "is", "was", "include", "includes", "included",
];

/// Words of presence in the subject of an inverted list: "those who have arrived", "the
/// figures joining the summit", "those expected".
#[rustfmt::skip]
const ARRIVED_WORDS: &[&str] = &[
    "arrived", "arriving", "jetted", "flew", "flown", "landed", "joining", "joined",
    "attending", "attended", "came", "coming", "present", "expected", "confirmed",
];

/// "(Key) among those who have arrived are; A, B", "Among the figures joining the summit
/// are A; B": the list after the copula of an inverted sentence whose subject tells
/// presence (not negated, naming no party itself).
fn inverted_list(v: &View, p: usize) -> Option<Cue> {
    if !(p == 0 || p == 1 && matches!(v.wb(p, 1), "key" | "chief" | "notable" | "also")) {
        return None;
    }
    let copula = (p + 1..(p + 14).min(v.len()))
        .take_while(|&q| !v.is_punct(q) || v.w(q) == ",")
        .find(|&q| is(v.w(q), INVERTED_COPULAS))?;
    let stretch = p + 1..copula;
    let present = stretch.clone().any(|q| is(v.w(q), ARRIVED_WORDS));
    let negated = stretch.clone().any(|q| is(v.w(q), NEG));
    if !present || negated || stretch.clone().any(|q| v.is_mention(q)) {
        return None;
    }
    let start = copula + usize::from(matches!(v.w(copula + 1), ";" | ":"));
    let mut cue = Cue::new(p, start, Base::Attend, Args::List(start + 1));
    cue.planned = stretch
        .clone()
        .any(|q| matches!(v.w(q), "expected" | "confirmed"));
    Some(cue)
}

/// The verbs a meeting "with" someone hangs on: "met with", "held talks with",
/// "exchanged greetings with", "shook hands with".
#[rustfmt::skip]
const MET_HEADS: &[&str] = &[
    "met", "meet", "meets", "held", "hold", "had", "exchanged", "shared", "shook",
];

/// Verbs that open a meeting between leaders: "held talks", "had a meeting".
const HOLD_TALKS: &[&str] = &["held", "hold", "holds", "holding", "had", "has", "have"];

/// Whether "held" at `p` opens meetings of the subject's own, with no one named:
/// "held several bilateral meetings at the summit".
fn held_meetings(v: &View, p: usize) -> bool {
    is(v.w(p), HOLD_TALKS)
        && (p + 1..(p + 5).min(v.len()))
            .take_while(|&q| !v.is_punct(q))
            .find(|&q| is(v.w(q), TALKS))
            .is_some_and(|q| v.w(q + 1) != "with")
}

/// Whether the clause places what it tells at the event: a day of it ("On Aug 31"), its
/// place ("in Tianjin", "in Samoa"), or the event by a noun ("at the summit", "on day
/// one of the event") other than the clause's own meetings and talks — not "before the
/// summit", not "their annual summit", and not in a month the event does not span.
fn at_the_event(v: &View, ctx: &EventCtx) -> bool {
    let other_month = (0..v.len()).any(|q| v.wb(q, 1) == "in" && ctx.is_other_month(v.w(q)));
    // "He later met Y" after a sentence of meetings at the event: there too, unless
    // placed elsewhere ("in Paris") or in another month.
    let elsewhere = || {
        (0..v.len()).any(|q| {
            matches!(v.wb(q, 1), "in" | "at")
                && v.tok(q).is_some_and(|t| t.capital)
                && !ctx.is_place(v.w(q))
                && !v.lex.is_meeting(v.w(q))
        })
    };
    if v.meetings_at_event && !other_month && !elsewhere() {
        return true;
    }
    !other_month
        && (0..v.len()).any(|q| {
            let w = v.w(q);
            let place = matches!(v.wb(q, 1), "in" | "to" | "at")
                && (ctx.is_place(w)
                    || v.tok(q).is_some_and(
                        |t| matches!(t.kind, Kind::Party(p, _) if Some(p) == ctx.place_party),
                    ));
            // ("during the consultations" is the event, though "talks" alone may be
            // the bilateral ones.)
            let event_noun = v.lex.is_meeting(w)
                && (!is(w, TALKS)
                    && !matches!(
                        w,
                        "it" | "this" | "them" | "discussions" | "dialogue" | "consultations"
                    )
                    || v.wb(q, 2) == "during")
                && v.wb(q, 1) == "the"
                && !(q.saturating_sub(4)..q)
                    .any(|r| matches!(v.w(r), "before" | "ahead" | "after"));
            place || event_noun || ctx.is_event_day(v, q)
        })
}

/// Whether the clause has "on the sidelines of", whose cue reads the meeting's both
/// sides.
fn sidelines(v: &View) -> bool {
    (0..v.len()).any(|q| matches!(v.w(q), "sidelines" | "margins"))
}

/// Constructions: grammar that no single word carries.
/// Whether the word at `q` names the event's place or the place's country.
fn at_place(v: &View, ctx: &EventCtx, q: usize) -> bool {
    ctx.is_place(v.w(q))
        || v.tok(q)
            .is_some_and(|t| matches!(t.kind, Kind::Party(x, _) if Some(x) == ctx.place_party))
}

pub fn construction_at(v: &View, p: usize, invite_ctx: bool, ctx: &EventCtx) -> Option<Cue> {
    let w = v.w(p);
    let w1 = v.w(p + 1);
    let prev = v.wb(p, 1);
    // Read once, for the arms below that need them.
    let among_at = (w == "among").then(|| among_leaders_at(v, p)).flatten();
    let join_boycott = matches!(w, "joined" | "joins" | "join" | "joining")
        .then(|| {
            (p + 1..(p + 9).min(v.len()))
                .take_while(|&q| !v.is_punct(q))
                .find(|&q| q > p + 1 && v.w(q) == "in" && v.w(q + 2) == "boycott")
                .map(|q| q + 2)
        })
        .flatten();
    let inverted = (w == "among").then(|| inverted_list(v, p)).flatten();
    let has_at = (w == "as" && matches!(w1, "its" | "their") && is(v.w(p + 2), REP_NOUNS))
        .then(|| {
            (p.saturating_sub(8)..p)
                .rev()
                .find(|&q| matches!(v.w(q), "has" | "have" | "had"))
        })
        .flatten();
    match w {
        // "was in Jeddah", "were also in the hall", "was in the stands for the final",
        // "sat in the front row", "were seen at the opening ceremony".
        // "PHOTO: Chile's foreign minister at the summit.": a labelled caption.
        "in" | "at" if v.be_before(p) || is(prev, BEING_AT) || labelled_caption(v) => {
            let stop = (p + 1..(p + 6).min(v.len()))
                .find(|&q| v.is_punct(q))
                .unwrap_or((p + 6).min(v.len()));
            let place = ctx.is_place(w1)
                || v.tok(p + 1).is_some_and(
                    |t| matches!(t.kind, Kind::Party(q, _) if Some(q) == ctx.place_party),
                );
            let spot = (p + 1..stop).any(|q| is(v.w(q), VENUE_SPOTS));
            let meeting = v.object(p + 1) == Obj::Event;
            // "were meeting in …": the verb is the cue's head, so "meeting" is not
            // read as a noun in the subject.
            let head = if is(prev, BEING_AT) { p - 1 } else { p };
            (place || spot || meeting).then(|| Cue::new(head, p, Base::Attend, Args::Subject))
        }
        // "the participating states, including …", "participating countries included …".
        // "The participants, including the head of the Pakistani delegation, …".
        // "participants, representing some 80 countries, including …": a participial
        // phrase between.
        "participants" | "attendees" | "delegates" | "guests" if w1 == "," => {
            let q = (p + 2..(p + 10).min(v.len()))
                .take_while(|&q| !v.is_mention(q) && (!v.is_punct(q) || v.w(q) == ","))
                .find(|&q| v.w(q) == "including" || v.w(q) == "among" && v.w(q + 1) == "them")?;
            let at = if v.w(q) == "among" { q + 2 } else { q + 1 };
            Some(Cue::new(p, at - 1, Base::Attend, Args::List(at)))
        }
        // A photo caption: "Front row, left to right: A, B and C", "From left, A, B".
        "left" if w1 == "to" && v.w(p + 2) == "right" => {
            let at = p + 3 + usize::from(matches!(v.w(p + 3), "," | ":"));
            Some(Cue::new(p, at - 1, Base::Attend, Args::List(at)))
        }
        "from" if w1 == "left" && (p == 0 || v.is_punct(p - 1) || matches!(prev, "row")) => {
            let at = p + 2 + usize::from(matches!(v.w(p + 2), "," | ":"));
            Some(Cue::new(p, at - 1, Base::Attend, Args::List(at)))
        }
        "participating" | "attending" if is(w1, GROUPS) => {
            let q = (p + 2..(p + 5).min(v.len()))
                .find(|&q| is(v.w(q), LIST_OPENERS) || v.w(q) == ":")?;
            Some(Cue::new(p, q, Base::Attend, Args::List(q + 1)))
        }
        // "Other leaders attending the opening were X and Y", "Dignitaries present
        // included the leaders of X", "The only ones missing were … from X and Y".
        // "Leaders expected at the forum in Nairobi include X": expected, so planned.
        "attending" | "present" | "missing" | "absent" | "expected" if is(prev, PRESENT_HEADS) => {
            let q = (p + 1..(p + 12).min(v.len()))
                .take_while(|&q| !v.is_punct(q) || v.w(q) == ",")
                .find(|&q| {
                    matches!(
                        v.w(q),
                        "were" | "was" | "are" | "is" | "included" | "include" | "includes"
                    )
                })?;
            let base = if matches!(w, "missing" | "absent") {
                Base::Boycott
            } else {
                Base::Attend
            };
            let planned = w == "expected";
            Some(Cue {
                planned,
                ..Cue::new(p, q, base, Args::List(q + 1))
            })
        }
        // "In Suva are also the vice-president of Chile and …", "Also in Fiji are …":
        // those at the event's place, named after the copula.
        "in" if (p == 0 || p == 1 && prev == "also") && at_place(v, ctx, p + 1) => {
            let at_place = |q: usize| at_place(v, ctx, q);
            let mut q = p + 1;
            while q < v.len() && at_place(q) {
                q += 1;
            }
            if q == p + 1 || !matches!(v.w(q), "are" | "were" | "is" | "was") {
                return None;
            }
            let end = if v.w(q + 1) == "also" { q + 1 } else { q };
            // People or parties follow, not "a harbour that Japan built".
            let first = if v.w(end + 1) == "the" {
                end + 2
            } else {
                end + 1
            };
            let people = v.is_mention(first)
                || v.lex.is_title(v.w(first))
                || is(v.w(first), REP_NOUNS)
                || v.tok(first)
                    .is_some_and(|t| matches!(t.kind, Kind::Person(_) | Kind::Linked(_)));
            people.then(|| Cue::new(p, end, Base::Attend, Args::List(end + 1)))
        }
        // "Representing the union is its secretary-general": the party named before
        // the copula is the one represented.
        "representing" if p == 0 => {
            let q = (p + 1..(p + 12).min(v.len()))
                .take_while(|&q| !v.is_punct(q) || matches!(v.w(q), "(" | ")"))
                .find(|&q| matches!(v.w(q), "is" | "are" | "was" | "were"))?;
            Some(Cue::new(p, q, Base::Attend, Args::List(p + 1)))
        }
        // "Dignitaries already in Nairobi include X", "the leaders at the forum were X
        // and Y", "officials in attendance at the swearing-in include X": those at the
        // event's place or the event itself, then their list.
        "in" | "at"
            if is(prev, PRESENT_HEADS) || prev == "already" && is(v.wb(p, 2), PRESENT_HEADS) =>
        {
            let place = ctx.is_place(w1) || v.object(p + 1) == Obj::Event || w1 == "attendance";
            let q = (p + 2..(p + 10).min(v.len()))
                .take_while(|&q| !v.is_punct(q))
                .find(|&q| {
                    matches!(v.w(q), "were" | "are" | "included" | "include" | "includes")
                })?;
            place.then(|| Cue::new(p, q, Base::Attend, Args::List(q + 1)))
        }
        // "Delegates came from as far afield as Iran for the ceremony", "Leaders
        // travelled from Peru and Chile to the summit": where those who came are from,
        // with the meeting they came for.
        "from"
            if matches!(
                prev,
                "came" | "come" | "comes" | "coming" | "travelled" | "traveled" | "flew"
            ) && p >= 2
                && (is(v.wb(p, 2), REP_NOUNS) || is(v.wb(p, 2), GROUP_NOUNS)) =>
        {
            let end = (p + 1..v.len())
                .find(|&q| v.is_punct(q) || matches!(v.w(q), "for" | "to"))
                .unwrap_or(v.len());
            let for_meeting = matches!(v.w(end), "for" | "to")
                && (end + 1..(end + 5).min(v.len())).any(|q| v.lex.is_meeting(v.w(q)));
            // "as far afield as Iran", "as far away as Chile".
            let far = v.w(p + 1) == "as"
                && v.w(p + 2) == "far"
                && matches!(v.w(p + 3), "afield" | "away")
                && v.w(p + 4) == "as";
            let list = if far { p + 5 } else { p + 1 };
            for_meeting.then(|| Cue::new(p - 1, p, Base::Attend, Args::List(list)))
        }
        // "Obama and Putin, sponsors of the peace conference, spoke …": a role in the
        // meeting set off after the parties.
        "sponsors" | "co-sponsors" | "hosts" | "co-hosts" | "organisers" | "organizers"
        | "co-organisers" | "co-organizers" | "co-chairs" | "conveners" | "convenors"
            if prev == "," && w1 == "of" =>
        {
            let meeting = (p + 2..(p + 7).min(v.len()))
                .take_while(|&q| !v.is_punct(q))
                .any(|q| v.lex.is_meeting(v.w(q)));
            (meeting && p >= 2 && v.is_mention(p - 2))
                .then(|| Cue::new(p, p, Base::Host, Args::Subject))
        }
        // "at a joint briefing alongside the heads of Estonia and Peru": leaders seen
        // together at the meeting (a meeting noun in the clause, or the event's place).
        "alongside" | "along" | "flanked" | "beside" => {
            let mut q = p + 1;
            if matches!(w, "along" | "flanked") {
                if !matches!(v.w(q), "with" | "by") {
                    return None;
                }
                q += 1;
            }
            if v.w(q) == "the" {
                q += 1;
            }
            let group = matches!(
                v.w(q),
                "leaders" | "heads" | "presidents" | "premiers" | "counterparts"
            ) || v.w(q) == "prime" && v.w(q + 1) == "ministers";
            let of = (q + 1..(q + 3).min(v.len())).find(|&r| v.w(r) == "of")?;
            let at_meeting =
                v.has_meeting_noun(0, v.len()) || (0..v.len()).any(|r| ctx.is_place(v.w(r)));
            (group && at_meeting).then(|| Cue::new(p, of, Base::Attend, Args::List(of + 1)))
        }
        // "…will not attend in person, with Foreign Minister Ana Soto sent on his
        // behalf": the clause's subject is there through its envoy.
        "sent" | "dispatched"
            if (p.saturating_sub(8)..p).any(|r| v.w(r) == "with" && v.wb(r, 1) == ",")
                && (matches!(
                    (w1, v.w(p + 2)),
                    ("on" | "in", "his" | "her" | "its" | "their")
                ) && matches!(v.w(p + 3), "behalf" | "place" | "stead")
                    || w1 == "instead") =>
        {
            let end = if w1 == "instead" { p + 1 } else { p + 3 };
            Some(Cue::new(p, end, Base::Attend, Args::Subject))
        }
        // "Myanmar was not asked to send a representative", "the governments not asked
        // to attend": not invited.
        "asked"
            if v.wb(p, 1) == "not"
                && w1 == "to"
                && matches!(
                    v.w(p + 2),
                    "send" | "attend" | "join" | "participate" | "take" | "come"
                ) =>
        {
            // (The "not" is read by the verb group.)
            Some(Cue::new(p, p + 2, Base::Invite, Args::Subject))
        }
        // "Chile's president was also seen watching the procession": seen at it.
        "seen" | "spotted" | "pictured" | "photographed"
            if v.be_before(p) && is(w1, SEEN_DOING) =>
        {
            Some(Cue::new(p, p + 1, Base::Attend, Args::Subject))
        }
        // "shared the reviewing stand with the leaders of Chile and Peru": those it
        // was shared with (the subject is often the host).
        "shared" | "shares" | "share" | "sharing" => {
            let q = (p + 1..(p + 5).min(v.len())).find(|&q| is(v.w(q), PLATFORMS))?;
            if v.w(q + 1) != "with" || (p + 1..q).any(|r| v.is_punct(r)) {
                return None;
            }
            Some(Cue::new(p, q + 1, Base::Attend, Args::List(q + 2)))
        }
        // "Xi was the most prominent guest at the parade", "was a guest of honour".
        "guest" | "guests"
            if (matches!(w1, "at" | "of") || p + 1 >= v.len() || v.is_punct(p + 1)) =>
        {
            let be = (p.saturating_sub(4)..p).rev().find(|&r| is(v.w(r), BE))?;
            if (be + 1..p).any(|r| v.is_mention(r) || v.is_punct(r)) {
                return None;
            }
            Some(Cue::new(be, p, Base::Attend, Args::Subject))
        }
        // "Chile's president and Peru's were also there", "… are here": at the meeting
        // the clause or the article is about (not "there is", "there were").
        "there" | "here"
            if v.be_before(p)
                && (p + 1 >= v.len()
                    || v.is_punct(p + 1)
                    || matches!(w1, "too" | "as" | "for")) =>
        {
            Some(Cue::new(p, p, Base::Attend, Args::Subject))
        }
        // "An empty chair marked Venezuela's place", "Mali's seat stayed empty".
        "empty" if matches!(w1, "chair" | "chairs" | "seat" | "seats") => {
            let at = (p + 2..(p + 7).min(v.len()))
                .take_while(|&q| !v.is_punct(q))
                .find(|&q| v.is_mention(q))?;
            Some(Cue::new(p, p + 1, Base::Boycott, Args::Possessor(at)))
        }
        // "held eight bilateral meetings with the leaders of A and B", "met with Kenya's
        // president": whoever was met was there, when the clause places the meeting at
        // the event. (Not negated: "did not meet" says nothing of the other's presence.)
        "with" if met_with(v, p) && !sidelines(v) && at_the_event(v, ctx) => {
            let head = (p.saturating_sub(6)..p)
                .find(|&q| is(v.w(q), MET_HEADS))
                .unwrap_or(p);
            let negated = (head.saturating_sub(3)..head).any(|q| is(v.w(q), NEG));
            (!negated).then(|| Cue {
                met: true,
                ..Cue::new(head, p, Base::Attend, Args::List(p + 1))
            })
        }
        // "held several bilateral meetings at the summit": the one who held them.
        _ if held_meetings(v, p) && !sidelines(v) && at_the_event(v, ctx) => {
            let negated = (p.saturating_sub(3)..p).any(|q| is(v.w(q), NEG));
            (!negated).then(|| Cue {
                met: true,
                ..Cue::new(p, p, Base::Attend, Args::Subject)
            })
        }
        // "shook the hand of X", "gripped the hand of X" at the event: both were there.
        "of" if matches!(prev, "hand" | "hands")
            && v.wb(p, 2) == "the"
            && matches!(
                v.wb(p, 3),
                "shook" | "shakes" | "shaking" | "gripped" | "grasped" | "clasped"
            )
            && !sidelines(v)
            && at_the_event(v, ctx) =>
        {
            let head = p - 3;
            let negated = (head.saturating_sub(3)..head).any(|q| is(v.w(q), NEG));
            (!negated).then(|| Cue {
                met: true,
                ..Cue::new(head, p, Base::Attend, Args::List(p + 1))
            })
        }
        "met" | "meets"
            if !matches!(w1, "with" | "in" | "at" | "on" | "by" | "for")
                && !sidelines(v)
                && at_the_event(v, ctx) =>
        {
            let negated = (p.saturating_sub(3)..p).any(|q| is(v.w(q), NEG));
            (!negated).then(|| Cue {
                met: true,
                ..Cue::new(p, p, Base::Attend, Args::List(p + 1))
            })
        }
        // "Also flying to Colombo are A and B", "Among the leaders heading to Colombo
        // this week are A and B": the travellers after the copula.
        "traveling" | "travelling" | "flying" | "heading" | "coming" | "arriving"
            if prev == "also" || (0..p).any(|q| v.w(q) == "among") =>
        {
            let be = (p + 1..(p + 9).min(v.len()))
                .take_while(|&q| !v.is_punct(q))
                .find(|&q| matches!(v.w(q), "are" | "were" | "is" | "was"))?;
            at_the_event(v, ctx).then(|| Cue::new(p, be, Base::Attend, Args::List(be + 1)))
        }
        // "Namibia, the host, opened …".
        "host"
            if prev == "the" && v.wb(p, 2) == "," && w1 == "," && p >= 3 && v.is_mention(p - 3) =>
        {
            Some(Cue::new(p, p, Base::Host, Args::Possessor(p - 3)))
        }
        // "Boric and Kenya's Ruto among leaders at the palace for summit" (a headline),
        // "is among the world leaders in Suva for the summit".
        "among" if among_at.is_some() => Some(Cue::new(p, among_at?, Base::Attend, Args::Subject)),
        "among" if inverted.is_some() => inverted,
        // "As co-hosts with the African Union, we …": the partner co-hosts.
        "as" if (p == 0 || p == 1 && v.is_punct(0))
            && matches!(
                w1,
                "co-hosts" | "co-host" | "co-organisers" | "co-organizers" | "co-chairs" | "joint"
            )
            && (p + 2..(p + 4).min(v.len())).any(|q| v.w(q) == "with") =>
        {
            let with = (p + 2..(p + 4).min(v.len())).find(|&q| v.w(q) == "with")?;
            Some(Cue::new(p, with, Base::Host, Args::List(with + 1)))
        }
        // "The summit is a joint effort between the AU Commission and the host nation":
        // both organise it.
        "between"
            if matches!(
                prev,
                "effort" | "initiative" | "partnership" | "collaboration"
            ) && v.lex.is_meeting(v.w(1).trim_end_matches("'s"))
                && v.w(0) == "the" =>
        {
            Some(Cue::new(p, p, Base::Host, Args::List(p + 1)))
        }
        // "Others are A and B, among others", "Adding to the list of visiting presidents
        // are A and B": more of the list the sentence before gave.
        "others" if p == 0 && matches!(w1, "are" | "were" | "include" | "included") => {
            Some(Cue::new(p, p + 1, Base::Attend, Args::Echo(p + 2)))
        }
        "adding" if p == 0 && w1 == "to" && matches!(v.w(p + 2), "the" | "this") => {
            let copula = (p + 3..(p + 10).min(v.len()))
                .take_while(|&q| !v.is_punct(q))
                .find(|&q| matches!(v.w(q), "are" | "is" | "were" | "was"))?;
            Some(Cue::new(p, copula, Base::Attend, Args::Echo(copula + 1)))
        }
        // "In Monday's remarks, Peru's president warned …", "In his speech at the
        // summit, …": a speech at the event (on a day, at a meeting, or after one).
        "in" if p == 0 => {
            let q = (p + 1..(p + 5).min(v.len()))
                .take_while(|&q| !v.is_punct(q) || v.w(q) == "'s")
                .find(|&q| matches!(v.w(q), "remarks" | "speech" | "address"))?;
            let comma = (q + 1..(q + 10).min(v.len())).find(|&r| v.is_punct(r))?;
            let at_meeting = (q + 1..comma).any(|r| v.lex.is_meeting(v.w(r)));
            let elsewhere = (q + 1..comma).any(|r| {
                matches!(v.wb(r, 1), "at" | "in") && !v.lex.is_meeting(v.w(r)) && v.w(r) != "the"
            });
            let day = (p + 1..q).any(|r| is(v.w(r), WEEKDAYS));
            if v.w(comma) != "," || elsewhere || !(at_meeting || day || v.speeches_at_event) {
                return None;
            }
            Some(Cue::new(p, comma - 1, Base::Attend, Args::Subject))
        }
        // "Also attending the President of Kenya, Daniel Otieno; the Prime Minister of
        // Peru, …": a verbless list of those attending (not "Attending the summit, X
        // said": a meeting after it).
        "attending"
            if (p == 0 || p == 1 && prev == "also")
                && (v.is_mention(p + 1)
                    || v.lex.is_title(w1)
                    || w1 == "the" && v.lex.is_title(v.w(p + 2))) =>
        {
            Some(Cue::new(p, p, Base::Attend, Args::List(p + 1)))
        }
        // "The only foreign leader who came to Lisbon for the summit was Vietnam's
        // president", "the only leader to announce his attendance is …": the one named
        // after the copula.
        "only" if p == 1 && prev == "the" => {
            let copula = (p + 1..(p + 22).min(v.len()))
                .take_while(|&q| !v.is_punct(q))
                .find(|&q| matches!(v.w(q), "was" | "is"))?;
            let stretch = p + 1..copula;
            let leader = stretch.clone().any(|q| {
                is(v.w(q), GATHERED)
                    || matches!(
                        v.w(q),
                        "head"
                            | "leader"
                            | "official"
                            | "guest"
                            | "dignitary"
                            | "president"
                            | "minister"
                    )
            });
            let came = stretch.clone().any(|q| is(v.w(q), ONLY_CAME));
            let named = (copula + 1..(copula + 9).min(v.len())).any(|q| v.is_mention(q));
            if !leader || !came || !named || stretch.clone().any(|q| is(v.w(q), NEG)) {
                return None;
            }
            let mut cue = Cue::new(p, copula, Base::Attend, Args::List(copula + 1));
            cue.planned = stretch
                .clone()
                .any(|q| matches!(v.w(q), "confirmed" | "expected" | "announce"));
            Some(cue)
        }
        // "Bulgaria joined the Soviet Union in a boycott of the Games": the subject
        // joins the boycott ("joined in the boycott" is a row of its own).
        "joined" | "joins" | "join" | "joining" if join_boycott.is_some() => {
            Some(Cue::new(p, join_boycott?, Base::Boycott, Args::Subject))
        }
        // "will discuss security in an address at the forum": a speech there.
        "address" | "speech" | "keynote"
            if matches!(prev, "an" | "a" | "his" | "her" | "their")
                && v.wb(p, 2) == "in"
                && matches!(w1, "at" | "to")
                && (p + 2..(p + 7).min(v.len())).any(|q| v.lex.is_meeting(v.w(q))) =>
        {
            // The clause's verb heads it: "Ruiz will discuss … in an address at …".
            let head = (0..p - 2)
                .rev()
                .take_while(|&q| !v.is_punct(q))
                .filter(|&q| v.verb_like(q))
                .last()?;
            Some(Cue::new(head, p + 1, Base::Attend, Args::Subject))
        }
        // "Speaking on Tuesday in Lisbon at the forum's closing session, …": a speech
        // at a meeting, with words between the participle and its place.
        "speaking" | "addressing" if p == 0 || matches!(prev, "while" | "when") => {
            let comma = (p + 1..(p + 16).min(v.len())).find(|&r| v.is_punct(r))?;
            let at = (p + 1..comma).find(|&r| v.w(r) == "at")?;
            let meeting = (at + 1..comma).any(|r| v.lex.is_meeting(v.w(r)));
            if v.w(comma) != "," || !meeting || at == p + 1 {
                return None;
            }
            Some(Cue::new(p, comma - 1, Base::Attend, Args::Subject))
        }
        // "among the (few) attendees were", "among those invited", "among leaders
        // slated to speak later were".
        "among" if matches!(w1, "the" | "those") || is(w1, GATHERED) => {
            let (at, base) = (p + 2..(p + 6).min(v.len())).find_map(|q| {
                let base = match v.w(q) {
                    "attendees" | "participants" | "attending" | "present" | "participating"
                    | "guests" | "guest" | "represented" | "speakers" | "dignitaries"
                    | "mourners" | "spectators" => Base::Attend,
                    // "X was also among those watching".
                    // (What they watched is the event, or nothing: not "watching the
                    // news at home".)
                    "watching" | "looking" | "seated" | "gathered" | "assembled"
                        if matches!(v.w(q - 1), "those" | "the")
                            && (q + 1 >= v.len()
                                || v.is_punct(q + 1)
                                || is(v.w(q + 1), BE)
                                || v.w(q + 1) == "on" && v.w(q) == "looking"
                                || v.w(q + 1) == "as" && v.has_meeting_noun(q + 2, v.len())
                                || (q + 1..(q + 4).min(v.len()))
                                    .any(|r| v.lex.is_meeting(v.w(r)))) =>
                    {
                        Base::Attend
                    }
                    // "among the 60,000 people who attended the ceremony".
                    "people" | "onlookers" | "viewers" | "visitors"
                        if is(v.w(q + 1), RELATIVES) && is(v.w(q + 2), WATCHED) =>
                    {
                        Base::Attend
                    }
                    // "among those scheduled to speak are …".
                    x if is(x, SPEAKING) && v.w(q - 1) == "to" => Base::Attend,
                    "absentees" | "absent" => Base::Boycott,
                    "invited" | "invitees" => Base::Invite,
                    _ => return None,
                };
                Some((q, base))
            })?;
            // (A comma inside a number is no break: "the 40,000 spectators".)
            let digits =
                |q: usize| !v.w(q).is_empty() && v.w(q).bytes().all(|b| b.is_ascii_digit());
            let in_number = |q: usize| v.w(q) == "," && q > 0 && digits(q - 1) && digits(q + 1);
            if (p + 2..at)
                .any(|q| v.is_punct(q) && !in_number(q) || is(v.w(q), PREPOSITIONS) && q + 1 != at)
            {
                return None;
            }
            // "among the guests skipping the summit": the participle says what they did.
            if v.w(at + 1).ends_with("ing") && v.w(at + 1).len() > 5 {
                return None;
            }
            // "among the guests who attended the forum were X": the copula after the
            // relative clause.
            let copula = if is(v.w(at + 1), RELATIVES) {
                (at + 3..v.len())
                    .take_while(|&q| !v.is_punct(q) || v.w(q) == ",")
                    .find(|&q| matches!(v.w(q), "were" | "was" | "are" | "is"))
            } else {
                // "among those scheduled to speak on Tuesday are X".
                (at + 1..(at + 6).min(v.len()))
                    .take_while(|&q| !v.is_punct(q) && !v.is_mention(q))
                    .find(|&q| matches!(v.w(q), "were" | "was" | "are" | "is"))
            };
            // "scheduled to speak", "slated to address": an announced list.
            let announced = is(v.w(at), SPEAKING)
                && matches!(
                    v.wb(at, 2),
                    "scheduled" | "slated" | "due" | "set" | "expected"
                );
            let mut cue = if let Some(q) = copula {
                Cue::new(p, q, base, Args::List(q + 1))
            } else if is(w1, GATHERED) {
                return None;
            } else {
                Cue::new(p, at, base, Args::Subject)
            };
            cue.planned = announced;
            Some(cue)
        }
        // "Brazil has its foreign minister as its representative at the summit".
        "as" if has_at.is_some() => Some(Cue::new(has_at?, p + 2, Base::Attend, Args::Subject)),
        // "The forum opened with speeches from the Irish taoiseach and Nepal's
        // president": the speakers attend.
        "speeches" | "speech" | "addresses" | "address" | "remarks"
            if matches!(w1, "from" | "by") && v.has_meeting_noun(0, v.len()) =>
        {
            Some(Cue::new(p, p + 1, Base::Attend, Args::List(p + 2)))
        }
        // "The 19 heads of state confirmed are the presidents of Ghana and Peru", "the
        // ministers present were those of Chile and Fiji".
        "confirmed" | "present" | "attending" | "participating"
            if is(prev, GATHERED) || matches!(prev, "state" | "government" | "delegations") =>
        {
            let copula = (p + 1..(p + 4).min(v.len()))
                .take_while(|&q| !v.is_punct(q) && !v.is_mention(q))
                .find(|&q| matches!(v.w(q), "are" | "were"))?;
            let mut cue = Cue::new(p, copula, Base::Attend, Args::List(copula + 1));
            cue.planned = w == "confirmed";
            Some(cue)
        }
        // "So, too, will the UN chief", "So too did Chile".
        "so" if (w1 == "," && v.w(p + 2) == "too" && v.w(p + 3) == ",")
            && ECHO_AUX.contains(&v.w(p + 4))
            || w1 == "too" && ECHO_AUX.contains(&v.w(p + 2)) =>
        {
            let aux = if w1 == "," { p + 4 } else { p + 2 };
            Some(Cue::new(p, aux, Base::Attend, Args::Echo(aux + 1)))
        }
        // "Scheduled to speak on Tuesday are the presidents of Ghana and Peru".
        "scheduled" | "expected" | "due" | "set" | "slated"
            if (p == 0 || p == 1 && prev == "also") && w1 == "to" && is(v.w(p + 2), SPEAKING) =>
        {
            let copula = (p + 3..v.len())
                .take_while(|&q| !v.is_punct(q) || v.w(q) == ",")
                .find(|&q| matches!(v.w(q), "are" | "is" | "were" | "was"))?;
            let mut cue = Cue::new(p, copula, Base::Attend, Args::List(copula + 1));
            cue.planned = true;
            Some(cue)
        }
        // "Despite the void left by Chile and Peru, the summit still drew …": those who
        // left a gap at the meeting (not "filled the gap left by the US withdrawal" of
        // aid: the clause must open with the concession or speak of a meeting).
        "left"
            if matches!(prev, "void" | "gap" | "vacuum")
                && w1 == "by"
                && (matches!(v.w(0), "despite" | "notwithstanding")
                    || (0..v.len()).any(|q| v.lex.is_meeting(v.w(q)) && v.w(q) != "talks")) =>
        {
            Some(Cue::new(p, p + 1, Base::Boycott, Args::List(p + 2)))
        }
        // "Peru is the third state to skip the summit, joining Chile and Ghana": those
        // joined did as the clause before says.
        "joining"
            if prev == ","
                && (p + 1..(p + 4).min(v.len()))
                    .take_while(|&q| !v.is_punct(q) && v.w(q) != "host")
                    .any(|q| v.is_mention(q)) =>
        {
            Some(Cue::new(p, p, Base::Attend, Args::Echo(p + 1)))
        }
        // "as did the EU", "nor did Jordan", "so did Qatar"; a sentence may open with
        // "As will X" (not "As will be seen").
        "as" | "nor" | "so" | "neither"
            if ECHO_AUX.contains(&w1)
                && (p > 0
                    || w != "as"
                    || v.c.kind == ClauseKind::Aside
                    || !matches!(v.w(p + 2), "be" | "been" | "become" | "becomes")) =>
        {
            let start = if v.w(p + 2) == "also" { p + 3 } else { p + 2 };
            Some(Cue::new(p, p + 1, Base::Attend, Args::Echo(start)))
        }
        // "received no invitation", "no invitation was sent to Turkey", "received an
        // invitation" (no claim alone).
        "invitation" | "invitations" | "invite" | "invites" => {
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
                "an" | "a" | "the" | "any" | "its" | "formal" | "official" | "single"
            ) {
                let back = if matches!(prev, "formal" | "official" | "single") {
                    3
                } else {
                    2
                };
                if p >= back && receive(v.wb(p, back)) {
                    return Some(Cue::new(p - back, p, Base::Invite, Args::Subject));
                }
            }
            // "invitations went to all countries except Israel".
            // "invitations were also not extended to Ecuador and Peru": negated.
            if matches!(w1, "went" | "were") {
                let to = (p + 2..(p + 7).min(v.len())).find(|&q| v.w(q) == "to")?;
                let mut cue = Cue::new(p, to, Base::Invite, Args::Object(to + 1));
                cue.neg = (p + 2..to).any(|q| is(v.w(q), NEG));
                return Some(cue);
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
            let host = v.lex.is_host_compound(w)
                || w.split('-')
                    .next_back()
                    .is_some_and(|x| v.lex.is_host_compound(x));
            let meeting = (p + 1..(p + 4).min(v.len()))
                .take_while(|&q| !v.is_punct(q))
                .any(|q| v.lex.is_meeting(v.w(q)));
            (host && meeting && !is(w, AUX))
                .then(|| Cue::new(p, p, Base::Host, Args::Possessor(p - 1)))
        }
        _ => None,
    }
}
