//! Event scope: what the extractor knows of the event (its years, its place, its
//! name) and the tests that tell a cue about this event from one about another
//! meeting — another year, another round, a meeting placed in or named after another
//! country, or named after another city.

use super::cues::Lexicon;
use super::lexicon::{COUNTERPARTS, PREPOSITIONS, is};
use super::tokens::{Kind, Token};
use super::view::View;
use crate::analyse::gazetteer::{Gazetteer, PartyKind, Target, Via};
use crate::common::calendar::{Ymd, civil_from_days, days_from_civil, month_name, month_number};

/// What the extractor knows of the event.
#[derive(Debug, Clone, Default)]
pub struct EventCtx {
    /// The years the event spans ("2020").
    pub years: Vec<String>,
    /// The party of the event's place (Syria for Damascus): a meeting "in" another
    /// party's place, or named after another party, is another meeting.
    pub place_party: Option<usize>,
    /// The words of the event's place, lower case ("kazan"): "arrived in Kazan".
    pub place_words: Vec<String>,
    /// The words of the event's name and place, lower case: a meeting named after a
    /// place that is none of these ("the Astana talks") is another meeting.
    pub name_words: Vec<String>,
    /// The initials of the event's name, lower case, when it has three words or more
    /// ("chogm" for Commonwealth Heads of Government Meeting): the name reporters use.
    pub acronym: Option<String>,
    /// The event's place makes its country the host (a summit in Kazan is Russia's);
    /// not for a meeting of the United Nations, whose seats are in other states' cities.
    pub venue_hosts: bool,
    /// The event is a meeting of the United Nations: "underway in New York" names the
    /// seat, not a host.
    pub un_meeting: bool,
    /// The parties the event's name names ("Shanghai Cooperation Organisation summit":
    /// the SCO): "the SCO summit", "the Shanghai Cooperation Organization summit" are
    /// this event however they are spelt.
    pub namesakes: Vec<usize>,
    /// The days the event spans, as (month, day): "On Aug 31" is a day of it.
    pub days: Vec<(u32, u32)>,
}

/// The (month, day) of each date from `start` to `end` ("YYYY-MM-DD"), at most 40.
fn days_of(start: &str, end: &str) -> Vec<(u32, u32)> {
    let Some(first) = Ymd::parse(start) else {
        return Vec::new();
    };
    let from = days_from_civil(first);
    let to = Ymd::parse(end)
        .map_or(from, days_from_civil)
        .clamp(from, from + 39);
    (from..=to)
        .map(civil_from_days)
        .map(|d| (d.month, d.day))
        .collect()
}

/// The month a word names exactly: "august", "aug", "sept" — not "decade" or "mayor",
/// which `month_number` (read on dates) would take for one.
fn month_of_word(w: &str) -> Option<u32> {
    let n = month_number(w)?;
    let full = month_name(n).to_lowercase();
    (w == full || w == &full[..3] || w == "sept").then_some(n)
}

/// The initials of a name of three words or more ("Commonwealth Heads of Government
/// Meeting": "chogm"; "Summit of the Americas": "sota"); `None` for a shorter name.
fn acronym_of(name: &str) -> Option<String> {
    let initials: String = name
        .split_whitespace()
        .filter_map(|w| w.chars().find(|c| c.is_alphabetic()))
        .flat_map(char::to_lowercase)
        .collect();
    (initials.chars().count() >= 3).then_some(initials)
}

/// Lower-case words of a name, without short function words.
/// A short word counts when it has a digit ("G7") or is all capitals ("EU").
fn words_of(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| {
            let short_name = w.chars().count() == 2
                && (w.chars().any(|c| c.is_ascii_digit()) || w.chars().all(|c| c.is_uppercase()));
            (w.chars().count() > 2 || short_name) && !matches!(*w, "the" | "and" | "for" | "The")
        })
        .map(str::to_lowercase)
        .collect()
}

impl EventCtx {
    /// The context of an event: its years, its place (and the party of the place), the
    /// words of its name.
    pub fn of(event: &super::Event, gazetteer: &Gazetteer) -> EventCtx {
        let place_party = gazetteer
            .mentions(&event.place)
            .into_iter()
            .find_map(|m| match m.target {
                Target::Party(p) => Some(p),
                Target::Person(_) => None,
            })
            .or_else(|| event.place.split(',').find_map(|c| gazetteer.city(c)));
        // A meeting in Moscow in 1980 was in the Soviet Union.
        let start_year: Option<u16> = event.start.get(..4).and_then(|y| y.parse().ok());
        let place_party = place_party.map(|p| {
            let id = &gazetteer.parties[p].id;
            gazetteer
                .parties
                .iter()
                .position(|past| {
                    past.covered.contains(id)
                        && past.until.zip(start_year).is_some_and(|(u, y)| y <= u)
                })
                .unwrap_or(p)
        });
        let mut place_words = words_of(&event.place);
        // "in Joburg" for a summit in Johannesburg.
        for other in gazetteer.other_city_names(&event.place) {
            place_words.extend(words_of(other));
        }
        let mut name_words = if event.name == "the conference" {
            Vec::new()
        } else {
            words_of(&event.name)
        };
        if !name_words.is_empty() {
            name_words.extend(place_words.iter().cloned());
        }
        // A body of the United Nations by its name: "United Nations", "UN General
        // Assembly", "UN Human Rights Council".
        let of_the_un = |name: &str| {
            name == "United Nations"
                || name.starts_with("UN ")
                || name.starts_with("United Nations ")
        };
        let un_meeting = gazetteer
            .mentions(&event.name)
            .iter()
            .any(|m| match m.target {
                Target::Party(p) => {
                    let party = &gazetteer.parties[p];
                    of_the_un(&party.name) || party.aliases.iter().any(|a| of_the_un(a))
                }
                Target::Person(_) => false,
            });
        // The name's mentions, and each word's ("UN" inside "UN Climate Change
        // Conference", which is the UNFCCC's alias as a whole).
        let mut namesakes: Vec<usize> = Vec::new();
        let words = event
            .name
            .split_whitespace()
            .flat_map(|w| gazetteer.mentions(w));
        for m in gazetteer.mentions(&event.name).into_iter().chain(words) {
            if let Target::Party(p) = m.target
                && !namesakes.contains(&p)
            {
                namesakes.push(p);
            }
        }
        EventCtx {
            namesakes,
            days: days_of(&event.start, &event.end),
            years: event.years(),
            venue_hosts: place_party.is_some() && !un_meeting,
            un_meeting,
            place_party,
            place_words,
            name_words,
            acronym: acronym_of(&event.name),
        }
    }

    /// Whether `w` (lower case) is a word of the event's name or place ("refugee" for
    /// "Refugees").
    pub fn names(&self, w: &str) -> bool {
        self.name_words.iter().any(|n| {
            n == w || (n.len().min(w.len()) >= 4 && (n.starts_with(w) || w.starts_with(n.as_str())))
        })
    }

    /// The tokens of a sentence about this event: a body named like a meeting whose name
    /// is the event's ("the General Assembly" when the event is a session of the UN
    /// General Assembly) reads as the meeting noun it ends with, so "attended the General
    /// Assembly" is attendance, not a claim about a party.
    pub fn tokens(&self, text: &str, gazetteer: &Gazetteer, lex: &Lexicon) -> Vec<Token> {
        let mut toks = super::tokens::tokenize(text, gazetteer);
        // "Santiago: Polish Prime Minister …": a dateline's city, not Chile.
        if toks.len() > 2
            && matches!(toks[0].kind, Kind::Party(_, Via::Capital))
            && toks[1].is_punct(":")
        {
            toks[0].kind = Kind::Word;
        }
        // A bloc of states whose leaders are its members' (the EU has leaders of its
        // own).
        let members_of = |t: &Token| {
            matches!(t.kind, Kind::Party(p, _)
                if gazetteer.parties[p].kind == PartyKind::Bloc
                    && gazetteer.parties[p].id != "european-union")
        };
        for k in 0..toks.len() {
            let member_noun = toks.get(k + 1).is_some_and(|n| is(&n.lower, MEMBER_NOUNS));
            let t = &mut toks[k];
            if !matches!(t.kind, Kind::Party(..)) || t.compound {
                continue;
            }
            let words: Vec<&str> = t.lower.split_whitespace().collect();
            let Some(last) = words.last().copied() else {
                continue;
            };
            let named = words.iter().filter(|w| w.len() > 2).all(|w| self.names(w));
            if words.len() > 1 && named && lex.is_meeting(last) {
                t.kind = Kind::Word;
                t.lower = last.to_string();
            } else if member_noun && (words.iter().all(|w| self.names(w)) || members_of(t)) {
                // "three G20 leaders did not attend" (at the G20 summit), "among the G7
                // leaders skipping it" (at any meeting): some of its members, not the
                // group.
                t.kind = Kind::Word;
            }
        }
        toks
    }

    /// Whether position `q` of a clause is a month that, with the number before or
    /// after it, names a day of the event ("Aug 31", "31 August").
    pub fn is_event_day(&self, v: &View, q: usize) -> bool {
        let Some(month) = month_of_word(v.w(q)) else {
            return false;
        };
        let day = |w: &str| w.parse::<u32>().ok().filter(|d| (1..=31).contains(d));
        [day(v.w(q + 1)), day(v.wb(q, 1))]
            .into_iter()
            .flatten()
            .any(|d| self.days.contains(&(month, d)))
    }

    /// Whether position `q` of a clause is a month that, with the number before or
    /// after it, names a day after the event ("May 10" when it is on May 9; not the
    /// day before, when guests arrive for it).
    pub fn is_day_after(&self, v: &View, q: usize) -> bool {
        let Some(month) = month_of_word(v.w(q)) else {
            return false;
        };
        let day = |w: &str| w.parse::<u32>().ok().filter(|d| (1..=31).contains(d));
        let days: Vec<u32> = [day(v.w(q + 1)), day(v.wb(q, 1))]
            .into_iter()
            .flatten()
            .collect();
        let Some(&last) = self.days.last() else {
            return false;
        };
        !days.is_empty() && days.iter().all(|&d| (month, d) > last)
    }

    /// Whether `w` (lower case) is the full name of a month the event does not span.
    pub fn is_other_month(&self, w: &str) -> bool {
        // Spelt out, and not "may", which is mostly the verb.
        let spelt_out = |n: u32| month_name(n).eq_ignore_ascii_case(w) && w != "may";
        month_of_word(w).is_some_and(|n| {
            spelt_out(n) && !self.days.is_empty() && !self.days.iter().any(|d| d.0 == n)
        })
    }

    /// Whether `w` (lower case) is the initials of the event's name.
    pub fn is_acronym(&self, w: &str) -> bool {
        self.acronym.as_deref() == Some(w)
    }

    /// Whether `w` (lower case) is a word of the event's place.
    pub fn is_place(&self, w: &str) -> bool {
        self.place_words.iter().any(|p| p == w)
    }
}

/// Nouns after a group's name that make it a modifier: "G20 leaders", "ASEAN members",
/// "the G7 guests".
#[rustfmt::skip]
const MEMBER_NOUNS: &[&str] = &[
    "leaders", "members", "member", "heads", "countries", "states", "nations",
    "governments", "delegations", "guests",
];

/// Words that mark a different meeting than the one the briefing is about.
#[rustfmt::skip]
const OTHER_MEETING: &[&str] = &[
    "previous", "preceding", "follow-up", "second", "third", "fourth", "fifth", "sixth",
    "seventh", "eighth", "ninth", "tenth", "another", "subsequent", "last", "rounds",
];

/// Whether positions `from..to` speak of another meeting: a second round, a year the
/// event does not span, a meeting named after a place that is not the event's.
pub fn other_meeting(v: &View, from: usize, to: usize, ctx: &EventCtx) -> bool {
    (from..to.min(v.len())).any(|q| {
        let w = v.w(q);
        let year = w.len() == 4
            && (w.starts_with("19") || w.starts_with("20"))
            && w.chars().all(|c| c.is_ascii_digit());
        if year {
            // "has barred them since 2021", "since the invasion in February 2022": a
            // duration, not another meeting.
            if (q.saturating_sub(6)..q).any(|r| v.w(r) == "since") {
                return false;
            }
            return !ctx.years.is_empty() && !ctx.years.iter().any(|y| y == w);
        }
        // "next year's summit", "the next Winter Olympics" — but "next week's summit" is
        // this one, told before it.
        let soon = matches!(
            v.w(q + 1),
            "week"
                | "weekend"
                | "month"
                | "day"
                | "monday"
                | "tuesday"
                | "wednesday"
                | "thursday"
                | "friday"
                | "saturday"
                | "sunday"
        );
        if w == "next" && !soon {
            return (q + 1..(q + 4).min(v.len())).any(|r| {
                matches!(v.w(r), "year" | "year's" | "edition") || v.lex.is_meeting(v.w(r))
            });
        }
        if w == "round" {
            return !matches!(v.wb(q, 1), "first" | "this" | "latest");
        }
        // "last year's summit", "the last summit" — not "her team's last two games".
        if w == "last" {
            let next = v.w(q + 1);
            return matches!(next, "year" | "year's" | "edition" | "month" | "month's")
                || (v.lex.is_meeting(next) && v.wb(q, 1) == "the");
        }
        // "has attended the forum in each of the past three years": earlier editions.
        if matches!(w, "past" | "recent")
            && (q + 1..(q + 3).min(v.len())).any(|r| matches!(v.w(r), "years" | "editions"))
        {
            return true;
        }
        // (Not the event's own ordinal: "the ninth Summit of the Americas" when the
        // event is the Ninth Summit of the Americas.)
        if is(w, OTHER_MEETING) && !ctx.names(w) {
            // "last year's summit", "the second round", "the next summit" — but "the
            // last day of the summit", "a second day" speak of this one.
            return !matches!(
                v.w(q + 1),
                "day" | "days" | "week" | "session" | "time" | "minute" | "moment" | "leg"
            );
        }
        // "the Astana talks": a capitalised place word before a meeting noun.
        !ctx.name_words.is_empty()
            && v.lex.is_meeting(v.w(q + 1))
            && v.tok(q).is_some_and(|t| t.kind == Kind::Word && t.capital)
            && q > from
            && !ctx.names(w)
            && v.wb(q, 1) == "the"
            && w.chars().all(char::is_alphabetic)
            && !v.lex.is_meeting(w)
    })
}

/// Words that end the name of a building or grounds: "Westminster Abbey", "the Grand
/// Pacific Hotel". A venue in the host city, not another place.
#[rustfmt::skip]
const BUILDINGS: &[&str] = &[
    "abbey", "cathedral", "church", "chapel", "basilica", "mosque", "temple", "palace",
    "hall", "house", "hotel", "centre", "center", "stadium", "arena", "park", "pavilion",
    "castle", "square", "building", "headquarters", "complex", "theatre", "theater",
    "museum", "gardens", "garden", "auditorium", "resort", "villa", "residence",
];

/// Whether the capitalised run from `q` names a building ("Westminster Abbey", "St.
/// Peter's Square").
fn named_building(v: &View, q: usize) -> bool {
    (q..(q + 5).min(v.len()))
        .take_while(|&r| {
            v.tok(r)
                .is_some_and(|t| t.capital || r == q || t.lower == "'s")
        })
        .any(|r| is(v.w(r), BUILDINGS))
}

/// Whether positions `from..to` place the meeting in another party's country ("in
/// New York", "in Brussels") or name it after another party ("the UN General Assembly
/// session", "the Arab League summit").
pub fn other_place(v: &View, from: usize, to: usize, ctx: &EventCtx) -> bool {
    // "a meeting held in Srinagar" when the event is in New Delhi: a place the
    // gazetteer does not know, but not the event's.
    let elsewhere = !ctx.place_words.is_empty()
        && (from..to.min(v.len())).any(|q| {
            v.tok(q).is_some_and(|t| t.kind == Kind::Word && t.capital)
                // "in The Hague": the article is part of the name.
                && v.w(q) != "the"
                && matches!(v.wb(q, 1), "in" | "at")
                && !ctx.is_place(v.w(q))
                && !ctx.names(v.w(q))
                && !is(v.w(q), CALENDAR)
                && !is(v.w(q), LANGUAGES)
                && !named_building(v, q)
        });
    if elsewhere {
        return true;
    }
    let Some(place) = ctx.place_party else {
        return false;
    };
    (from..to.min(v.len())).any(|q| {
        let Some(t) = v.tok(q) else { return false };
        let Kind::Party(p, via) = t.kind else {
            return false;
        };
        if t.compound || p == place || ctx.namesakes.contains(&p) {
            return false;
        }
        // "a speech in Russian": a language, not a place.
        if via == Via::Demonym && v.wb(q, 1) == "in" && is(v.w(q), LANGUAGES) {
            return false;
        }
        if t.lower.split_whitespace().all(|w| ctx.names(w)) {
            return false; // "the Arab League summit" when the event is that summit
        }
        let mut b = q;
        while b > from && matches!(v.w(b - 1), "the" | "a") {
            b -= 1;
        }
        // "his counterparts in Belgium": the leaders of a state, not a place.
        let counterparts = b >= 2 && is(v.w(b - 2), COUNTERPARTS);
        let after_in = b > 0 && matches!(v.w(b - 1), "in" | "at") && !counterparts;
        // Within its own noun phrase: "the G20 leaders skipping the event" names no
        // meeting after the G20.
        let names_meeting = (q + 1..(q + 4).min(v.len()))
            .take_while(|&r| {
                !v.is_punct(r)
                    && !is(v.w(r), PREPOSITIONS)
                    && !matches!(v.w(r), "the" | "a" | "an" | "its" | "their" | "this")
            })
            .any(|r| v.lex.is_meeting(v.w(r)));
        after_in || names_meeting
    })
}

/// The country of the event's place, where a page names it: the host, though no verb
/// says so (a page on the Kazan summit that names Russia). Returns the sentence that
/// names it (one that also names the place or a meeting, if any), the party and the
/// words of the mention. The place's own name (the capital "Moscow" for a meeting in
/// Moscow) and a hyphened modifier ("Russia-backed") are not mentions of the state.
pub fn venue_host(
    tokens: &[Vec<Token>],
    sentences: &[&str],
    ctx: &EventCtx,
    lex: &Lexicon,
) -> Option<(usize, usize, String)> {
    let party = ctx.place_party.filter(|_| ctx.venue_hosts)?;
    fn mention<'t>(toks: &'t [Token], party: usize, ctx: &EventCtx) -> Option<&'t Token> {
        toks.iter().find(|t| {
            let own_name = matches!(t.kind, Kind::Party(_, Via::Capital))
                && t.lower.split_whitespace().all(|w| ctx.is_place(w));
            matches!(t.kind, Kind::Party(q, _) if q == party) && !t.compound && !own_name
        })
    }
    let about_event = |toks: &[Token]| {
        toks.iter()
            .any(|t| t.kind == Kind::Word && (ctx.is_place(&t.lower) || lex.is_meeting(&t.lower)))
    };
    let named: Vec<usize> = (0..tokens.len())
        .filter(|&i| mention(&tokens[i], party, ctx).is_some())
        .collect();
    let i = *named
        .iter()
        .find(|&&i| about_event(&tokens[i]))
        .or(named.first())?;
    let t = mention(&tokens[i], party, ctx)?;
    let cue = sentences.get(i).and_then(|s| s.get(t.start..t.end))?;
    Some((i, party, cue.to_string()))
}

/// The end of the object region of a cue: the next comma or the end of the clause.
/// A reason after the cue ("due to the war in Yemen", "because of the fighting in
/// Sudan") ends it too: its places are not the meeting's.
pub fn region_end(v: &View, from: usize) -> usize {
    (from..v.len())
        .find(|&q| matches!(v.w(q), "," | ";" | "due" | "because" | "amid" | "citing"))
        .unwrap_or(v.len())
        .min(from + 15)
}

/// Languages: "a speech in Arabic" names no place.
#[rustfmt::skip]
const LANGUAGES: &[&str] = &[
    "arabic", "english", "french", "spanish", "russian", "chinese", "mandarin", "german",
    "portuguese", "persian", "farsi", "turkish", "hebrew", "hindi", "japanese", "korean",
    "italian", "swahili", "urdu", "dutch", "polish", "ukrainian", "greek", "indonesian",
];

/// Capitalised words after "in" that are times, not places ("in November").
#[rustfmt::skip]
const CALENDAR: &[&str] = &[
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "monday", "tuesday", "wednesday", "thursday",
    "friday", "saturday", "sunday", "spring", "summer", "autumn", "winter", "person",
];

/// Words of time that may stand between a venue verb and its place ("opened on
/// Wednesday in Damascus"), or before a subject ("On Monday evening the king …").
#[rustfmt::skip]
pub const TIME_WORDS: &[&str] = &[
    "later", "on", "today", "yesterday", "tomorrow", "officially", "formally", "again",
    "this", "last", "next", "week", "morning", "afternoon", "evening", "night", "monday", "tuesday",
    "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
    "april", "may", "june", "july", "august", "september", "october", "november",
    "december",
];

/// "… in Damascus" after a venue verb: the position of the place.
pub fn venue(v: &View, from: usize) -> Option<usize> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyse::attendance::Event;
    use crate::analyse::attendance::claims::sentence_claims;

    fn event() -> Event {
        Event {
            name: "Lakeside Water Summit".into(),
            place: "Kazan".into(),
            start: "2024-10-22".into(),
            end: "2024-10-24".into(),
        }
    }

    #[test]
    fn the_event_from_its_configuration() {
        let g = Gazetteer::embedded();
        let ctx = EventCtx::of(&event(), g);
        assert_eq!(ctx.years, vec!["2024".to_string()]);
        assert_eq!(
            ctx.place_party,
            g.party_index("russia"),
            "Kazan is a city of Russia"
        );
        assert!(ctx.is_place("kazan"));
        assert!(ctx.venue_hosts, "Russia hosts a summit in Kazan");
        let un = Event {
            name: "UN General Assembly high-level week".into(),
            place: "New York".into(),
            ..event()
        };
        assert!(
            !EventCtx::of(&un, g).venue_hosts,
            "the United States does not host a meeting of the UN in New York"
        );
        assert!(ctx.names("lakeside") && ctx.names("summits") && !ctx.names("astana"));
    }

    #[test]
    fn another_meeting_gives_no_claim() {
        let g = Gazetteer::embedded();
        let ctx = EventCtx::of(&event(), g);
        // (pattern, sentence, claims expected)
        let rows: &[(&str, &str, usize)] = &[
            ("this edition", "Peru attended the summit.", 1),
            ("another year", "Peru attended the 2019 summit.", 0),
            ("last year's", "Peru attended last year's summit.", 0),
            ("the next edition", "Peru will host the next summit.", 0),
            (
                "a second round",
                "Peru attended the second round of talks.",
                0,
            ),
            (
                "named after another place",
                "Peru attended the Astana talks.",
                0,
            ),
            (
                "named after this place",
                "Peru attended the Kazan summit.",
                1,
            ),
            (
                "held in another city",
                "Peru attended a meeting held in Geneva.",
                0,
            ),
            (
                "in the event's city",
                "Peru attended the summit in Kazan.",
                1,
            ),
            (
                "a team's last games",
                "Peru's president attended his team's last two games.",
                1,
            ),
        ];
        for (pattern, text, n) in rows {
            assert_eq!(
                sentence_claims(text, g, &ctx).len(),
                *n,
                "{pattern}: {text}"
            );
        }
    }

    #[test]
    fn the_days_of_an_event_across_a_month_and_a_year() {
        assert_eq!(days_of("2025-08-31", "2025-09-01"), [(8, 31), (9, 1)]);
        assert_eq!(days_of("2025-12-31", "2026-01-01"), [(12, 31), (1, 1)]);
        assert_eq!(days_of("2025-06-15", "2025-06-15"), [(6, 15)]);
        assert_eq!(days_of("", ""), []);
        assert_eq!(days_of("2025-01-01", "2025-12-31").len(), 40);
    }
}
