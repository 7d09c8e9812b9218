//! The event at a glance, as the texts state it: its name, place, dates, organiser,
//! backers and who opened it, each with the sentences that say so (pure).

use std::collections::BTreeMap;
use std::sync::LazyLock;

use regex::Regex;
use serde::Serialize;

use super::people::{role_after, role_before};
use super::text::{Doc, FxSet, SourceRef, doc_year, terms};
use super::timeline::when;
use crate::analyse::gazetteer::{Gazetteer, PartyKind, Target, Via};
use crate::common::calendar::Ymd;
use crate::config::EventConfig;
use crate::ingest::dates::{Period, Precision, find_periods};

/// A value and the sentences that state it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stated {
    pub value: String,
    pub sources: Vec<SourceRef>,
}

/// Who opened the event.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Opener {
    pub name: String,
    pub role: Option<String>,
    /// "via video link" when the text says so.
    pub how: Option<String>,
    pub sources: Vec<SourceRef>,
}

/// The event the briefings are about.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Event {
    pub name: Option<Stated>,
    /// The city.
    pub place: Option<Stated>,
    /// `YYYY-MM-DD`.
    pub start: Option<String>,
    pub end: Option<String>,
    /// "11–12 November 2020", with the sentences that date it.
    pub dates: Option<Stated>,
    /// The party that held it.
    pub organiser: Option<Stated>,
    /// Parties that backed, sponsored or led it.
    pub backers: Vec<Stated>,
    /// The backers as an adjective phrase: "Russian".
    pub backing: Option<String>,
    pub opened_by: Vec<Opener>,
    /// Name, place and dates are those of `site.yaml`'s `event:` (then a value shows the
    /// sentences that state it only when the texts state the same).
    pub configured: bool,
}

/// Briefings counted at most when weighing a candidate name.
const SUPPORT_CAP: usize = 50;

/// What the event is called: meetings, and the games, ceremonies and funerals that
/// leaders also attend or stay away from.
const EVENT_NOUNS: &str = "Conference|Summit|Forum|Congress|Convention|Symposium|Meeting|Talks|Dialogue|Games|Olympics|Olympiad|Championships?|World Cup|Funeral|Ceremony|Inauguration|Coronation|Parade|Commemorations?";

static NAME: LazyLock<Regex> = LazyLock::new(|| {
    let cap = r"[A-Z][\w’'-]+";
    Regex::new(&format!(
        r"\b(?:{cap}\s+){{0,4}}(?:{EVENT_NOUNS})\b(?:\s+(?:on|of|for)\s+(?:the\s+)?{cap}(?:\s+(?:(?:of|the|and|for|on|to)\s+)*{cap})*)?"
    ))
    .expect("event name pattern")
});

static EVENT_WORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"(?i)\b(?:{EVENT_NOUNS})\b")).expect("event noun"));

/// A sentence about another edition of the meeting: its place is not the event's ("The next
/// summit will be held in Apia", "a second round in Geneva", "hosts it next year").
static NEXT_EDITION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(?:next|following|future)\s+(?:\S+\s+){{0,2}}?(?:{EVENT_NOUNS}|round|edition|session|gathering|games)\b|\bnext year\b|\b(?:second|third|fourth|fifth) round\b"
    ))
    .expect("next edition pattern")
});

static ORGANISE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:is holding|holds|held|organises|organizes|organised|organized|is organising|is organizing|hosts|hosted|is hosting|has kicked off|kicked off|kicks off|convened|convenes|opened|launched)\b")
        .expect("organise verbs")
});

static BACKED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(?P<adj>[A-Z][\w]+)-(?:backed|led|sponsored|organised|organized)\s+(?:\w+\s+){{0,2}}(?:{EVENT_NOUNS})\b|\b(?:under the auspices of|sponsored (?:and supported )?by|backed by|with the backing of|organised by|organized by)\s+(?P<by>[A-Z][\w]+(?:\s+[A-Z][\w]+)?)|\bunder (?P<advice>[A-Z]\w+) (?:advice|auspices|sponsorship|patronage)"
    ))
    .expect("backing pattern")
});

static OPENING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:address(?:es|ed)? the opening|opened the (?:conference|meeting|summit)|open(?:s|ed)? the (?:conference|meeting|summit)|inaugurat(?:es|ed)|opening (?:speech|address|session))")
        .expect("opening pattern")
});

fn party_of(g: &Gazetteer, t: Target) -> Option<usize> {
    match t {
        Target::Party(i) => Some(i),
        Target::Person(i) => g.people[i]
            .country
            .as_deref()
            .and_then(|c| g.party_index(c)),
    }
}

/// A value's weight and the sentences that state it (one per page), made into
/// [`SourceRef`]s only for the values shown.
struct Tally<'a> {
    weight: usize,
    sources: Vec<(&'a Doc, usize)>,
    pages: FxSet<&'a str>,
}

impl<'a> Tally<'a> {
    fn new() -> Self {
        Tally {
            weight: 0,
            sources: Vec::new(),
            pages: FxSet::default(),
        }
    }

    /// Adds `weight`, and the sentence when its page has none here yet.
    fn add(&mut self, weight: usize, doc: &'a Doc, sentence: usize) {
        self.weight += weight;
        // One sentence per page is enough to show where a value comes from.
        if self.pages.insert(doc.path.as_str()) {
            self.sources.push((doc, sentence));
        }
    }

    fn sources(&self) -> Vec<SourceRef> {
        self.sources
            .iter()
            .map(|&(doc, i)| SourceRef::new(doc, &doc.sentences[i]))
            .collect()
    }
}

fn best(map: BTreeMap<&str, Tally>) -> Option<Stated> {
    map.into_iter()
        .max_by(|a, b| a.1.weight.cmp(&b.1.weight).then(b.0.cmp(a.0)))
        .map(|(value, t)| Stated {
            sources: t.sources(),
            value: value.to_string(),
        })
}

/// A value one briefing states, with its weight there and the first sentence stating it.
pub type Seen = (String, usize, usize);

/// Event dates one briefing states: the days, their weight there, the first sentence,
/// the first period read and the last one written out (not inferred).
#[derive(Debug, Clone, PartialEq, serde::Deserialize, serde::Serialize)]
pub struct SeenDates {
    pub days: (Ymd, Ymd),
    pub weight: usize,
    pub sentence: usize,
    pub first: Period,
    pub written: Option<Period>,
}

/// A sentence of one briefing that says who opened the event.
#[derive(Debug, Clone, PartialEq, serde::Deserialize, serde::Serialize)]
pub struct SeenOpener {
    pub name: String,
    pub role: Option<String>,
    pub how: Option<String>,
    pub sentence: usize,
}

/// What one briefing says about the event, before it is weighed against the others
/// (a pure function of the briefing: the part of [`event`] worth keeping per page).
#[derive(Debug, Clone, Default, PartialEq, serde::Deserialize, serde::Serialize)]
pub struct DocEvent {
    /// Candidate names, each once, in order of first use, with that sentence.
    pub names: Vec<(String, usize)>,
    /// The sentences that speak of an event.
    pub about: Vec<usize>,
    /// The terms of each of those sentences, sorted, each once (they weigh the names).
    pub about_terms: Vec<Vec<String>>,
    pub places: Vec<Seen>,
    pub dates: Vec<SeenDates>,
    pub organisers: Vec<Seen>,
    pub backers: Vec<Seen>,
    pub openers: Vec<SeenOpener>,
}

fn seen(map: &mut BTreeMap<String, (usize, usize)>, key: &str, weight: usize, sentence: usize) {
    map.entry(key.to_string()).or_insert((0, sentence)).0 += weight;
}

fn seen_list(map: BTreeMap<String, (usize, usize)>) -> Vec<Seen> {
    map.into_iter().map(|(k, (w, s))| (k, w, s)).collect()
}

/// What one briefing says about the event.
pub fn read(doc: &Doc, gazetteer: &Gazetteer) -> DocEvent {
    let mut out = DocEvent::default();
    for (i, s) in doc.sentences.iter().enumerate() {
        for m in NAME.find_iter(&s.text) {
            let name = m.as_str().trim();
            let name = name.strip_prefix("The ").unwrap_or(name);
            if name.split_whitespace().count() < 2 || out.names.iter().any(|(n, _)| n == name) {
                continue;
            }
            out.names.push((name.to_string(), i));
        }
    }
    out.about = (0..doc.sentences.len())
        .filter(|&i| EVENT_WORD.is_match(&doc.sentences[i].text))
        .collect();
    out.about_terms = out
        .about
        .iter()
        .map(|&i| {
            let mut t = doc.sentences[i].terms.clone();
            t.sort();
            t.dedup();
            t
        })
        .collect();

    // Place, dates, organiser, backers and openers from the sentences about the event.
    let mut places: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut dates: Vec<SeenDates> = Vec::new();
    let mut organisers: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut backers: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let year = doc_year(doc);
    for (i, s) in doc.sentences.iter().enumerate() {
        let text = s.text.as_str();
        let about_event = out.about.binary_search(&i).is_ok();
        let mentions = &s.mentions;
        let next_edition = NEXT_EDITION.is_match(text);
        if about_event && !next_edition {
            for m in mentions {
                if m.via != Via::Capital {
                    continue;
                }
                let before: Vec<&str> = text[..m.start].split_whitespace().rev().take(4).collect();
                if before
                    .iter()
                    .any(|w| ["in", "at"].contains(&w.to_lowercase().as_str()))
                {
                    seen(&mut places, &text[m.start..m.end], 1, i);
                }
            }
            // "in Kazan", "in Sharm el-Sheikh": a city of the gazetteer (not a capital).
            let words: Vec<&str> = text.split_whitespace().collect();
            for k in 1..words.len() {
                if !matches!(words[k - 1], "in" | "at") {
                    continue;
                }
                let clean = |w: &str| {
                    w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-')
                        .to_string()
                };
                let one = clean(words[k]);
                let two = words.get(k + 1).map(|w| format!("{one} {}", clean(w)));
                let city = two
                    .filter(|t| gazetteer.city(t).is_some())
                    .or_else(|| gazetteer.city(&one).is_some().then(|| one.clone()));
                if let Some(c) = city.filter(|c| c.starts_with(char::is_uppercase)) {
                    seen(&mut places, &c, 1, i);
                }
            }
        }
        if about_event {
            let lower = text.to_lowercase();
            let future = [
                "second round",
                "next round",
                "will be held",
                "supposed to be held",
                "fourth round",
                "fifth round",
            ]
            .iter()
            .any(|c| lower.contains(c));
            if !future {
                for p in find_periods(text, year, None) {
                    if p.precision != Precision::Day {
                        continue;
                    }
                    let weight = if p.start < p.end { 2 } else { 1 };
                    let days = (p.start, p.end);
                    let k = match dates.iter().position(|d| d.days == days) {
                        Some(k) => k,
                        None => {
                            dates.push(SeenDates {
                                days,
                                weight: 0,
                                sentence: i,
                                first: p.clone(),
                                written: None,
                            });
                            dates.len() - 1
                        }
                    };
                    dates[k].weight += weight;
                    if !p.inferred {
                        dates[k].written = Some(p);
                    }
                }
            }
            for v in ORGANISE.find_iter(text) {
                // "attempt to hold" and "failed to hold" are not holding it.
                let head = &text[..v.start()];
                let last = head.split_whitespace().last().unwrap_or("").to_lowercase();
                let passive = ["was", "were", "been", "being", "be"].contains(&last.as_str());
                if last == "to" || passive || !EVENT_WORD.is_match(&text[v.end()..]) {
                    continue;
                }
                let subject = mentions
                    .iter()
                    .rev()
                    .find(|m| m.end <= v.start() && head[m.end..].split_whitespace().count() <= 3);
                if let Some(pi) = subject.and_then(|m| party_of(gazetteer, m.target)) {
                    let p = &gazetteer.parties[pi];
                    if p.kind == PartyKind::Country {
                        seen(&mut organisers, &p.name, 1, i);
                    }
                }
            }
        }
        for c in BACKED.captures_iter(text) {
            let words = c
                .name("adj")
                .or(c.name("by"))
                .or(c.name("advice"))
                .map(|m| m.as_str())
                .unwrap_or("");
            if c.name("by").is_some()
                && !about_event
                && !text.to_lowercase().starts_with("this step")
            {
                continue;
            }
            if let Some(pi) = gazetteer
                .mentions(words)
                .first()
                .and_then(|m| party_of(gazetteer, m.target))
            {
                seen(&mut backers, &gazetteer.parties[pi].name, 1, i);
            }
        }
        if OPENING.is_match(text) {
            let cue = OPENING.find(text).map_or(0, |m| m.start());
            for m in mentions {
                let Target::Person(pi) = m.target else {
                    continue;
                };
                if m.start > cue {
                    continue;
                }
                let lower = text.to_lowercase();
                out.openers.push(SeenOpener {
                    name: gazetteer.people[pi].name.clone(),
                    role: role_after(&text[m.end..]).or_else(|| role_before(&text[..m.start])),
                    how: ["via video link", "by video link", "via video", "by video"]
                        .iter()
                        .find(|h| lower.contains(*h))
                        .map(|h| h.to_string()),
                    sentence: i,
                });
            }
        }
    }
    out.places = seen_list(places);
    out.dates = dates;
    out.organisers = seen_list(organisers);
    out.backers = seen_list(backers);
    out
}

/// The event as the briefings state it.
pub fn event(docs: &[Doc], gazetteer: &Gazetteer) -> Event {
    let parts: Vec<DocEvent> = docs.iter().map(|d| read(d, gazetteer)).collect();
    merge(docs, &parts.iter().collect::<Vec<_>>(), gazetteer)
}

/// Whether a detected value is the configured one ("the Damascus" is "Damascus").
fn same_value(found: &str, configured: &str) -> bool {
    let fold = |s: &str| {
        s.trim()
            .trim_start_matches("the ")
            .trim_start_matches("The ")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    fold(found) == fold(configured)
}

/// The event with `site.yaml`'s `event:` winning: its name, place and dates (`start`,
/// `end` as `YYYY-MM-DD`) replace what the texts state, keeping the citations of a
/// detected value that is the same; what `event:` leaves empty (or a date it gives in
/// another form) stays as found, and so do the organiser, backers and openers.
pub fn configured(mut ev: Event, cfg: &EventConfig) -> Event {
    let set = |found: Option<Stated>, value: &str| -> Option<Stated> {
        let value = value.trim();
        if value.is_empty() {
            return found;
        }
        let sources = found
            .filter(|f| same_value(&f.value, value))
            .map(|f| f.sources)
            .unwrap_or_default();
        Some(Stated {
            value: value.to_string(),
            sources,
        })
    };
    ev.name = set(ev.name.take(), &cfg.name);
    ev.place = set(ev.place.take(), &cfg.place);
    if let Some(start) = Ymd::parse(&cfg.start) {
        let end = Ymd::parse(&cfg.end)
            .filter(|e| *e >= start)
            .unwrap_or(start);
        let (start_s, end_s) = (start.to_string(), end.to_string());
        let same_days = ev.start.as_deref() == Some(&start_s) && ev.end.as_deref() == Some(&end_s);
        let sources = ev
            .dates
            .take()
            .filter(|_| same_days)
            .map(|d| d.sources)
            .unwrap_or_default();
        let period = Period {
            start,
            end,
            precision: Precision::Day,
            part: None,
            inferred: false,
            text: String::new(),
            offset: 0,
        };
        ev.start = Some(start_s);
        ev.end = Some(end_s);
        ev.dates = Some(Stated {
            value: when(&period),
            sources,
        });
    }
    ev.configured = true;
    ev
}

fn tally<'a>(map: &mut BTreeMap<&'a str, Tally<'a>>, doc: &'a Doc, seen: &'a [Seen]) {
    for (key, weight, i) in seen {
        map.entry(key.as_str())
            .or_insert_with(Tally::new)
            .add(*weight, doc, *i);
    }
}

/// The event from what each briefing says of it (`parts[d]` is [`read`] of `docs[d]`).
pub fn merge<'a>(docs: &'a [Doc], parts: &[&'a DocEvent], gazetteer: &Gazetteer) -> Event {
    let mut ev = Event::default();

    // Name: the title-case event name whose words the most briefings use together.
    let mut candidates: BTreeMap<&str, Tally> = BTreeMap::new();
    for (doc, part) in docs.iter().zip(parts) {
        for (name, i) in &part.names {
            candidates
                .entry(name.as_str())
                .or_insert_with(Tally::new)
                .add(0, doc, *i);
        }
    }
    let doc_terms: Vec<&Vec<Vec<String>>> = parts.iter().map(|p| &p.about_terms).collect();
    let name = candidates
        .into_iter()
        .map(|(name, sources)| {
            let mut t = terms(name, gazetteer);
            t.sort();
            t.dedup();
            // Support saturates: past a few dozen briefings more adds nothing.
            let support = doc_terms
                .iter()
                .filter(|sents| {
                    sents.iter().any(|st| {
                        let have = t.iter().filter(|x| st.binary_search(x).is_ok()).count();
                        have * 10 >= t.len() * 7
                    })
                })
                .take(SUPPORT_CAP)
                .count();
            // A name that starts with a place ("Sochi Conference") is another event.
            let starts_with_place = gazetteer
                .mentions(name)
                .first()
                .is_some_and(|m| m.start == 0 && m.via != Via::Demonym);
            let score = if starts_with_place {
                0
            } else {
                t.len() * (1 + support)
            };
            (score, name, sources)
        })
        .filter(|(score, _, _)| *score > 0)
        .max_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(a.1)));
    if let Some((_, name, sources)) = name {
        ev.name = Some(Stated {
            value: name.to_string(),
            sources: sources.sources(),
        });
    }

    let mut places: BTreeMap<&str, Tally> = BTreeMap::new();
    let mut dates: BTreeMap<(Ymd, Ymd), (Tally, &Period)> = BTreeMap::new();
    let mut organisers: BTreeMap<&str, Tally> = BTreeMap::new();
    let mut backers: BTreeMap<&str, Tally> = BTreeMap::new();
    let mut openers: Vec<(Opener, FxSet<&str>)> = Vec::new();
    for (doc, part) in docs.iter().zip(parts) {
        tally(&mut places, doc, &part.places);
        for d in &part.dates {
            let e = dates
                .entry(d.days)
                .or_insert_with(|| (Tally::new(), &d.first));
            e.0.add(d.weight, doc, d.sentence);
            if let Some(p) = &d.written {
                e.1 = p;
            }
        }
        tally(&mut organisers, doc, &part.organisers);
        tally(&mut backers, doc, &part.backers);
        for seen in &part.openers {
            let s = &doc.sentences[seen.sentence];
            let role = &seen.role;
            match openers.iter_mut().find(|o| o.0.name == seen.name) {
                Some((o, pages)) => {
                    if pages.insert(doc.path.as_str()) {
                        o.sources.push(SourceRef::new(doc, s));
                    }
                    if o.role
                        .as_ref()
                        .is_none_or(|r| role.as_ref().is_some_and(|n| n.len() > r.len()))
                    {
                        o.role = role.clone().or(o.role.take());
                    }
                    if o.how.is_none() {
                        o.how = seen.how.clone();
                    }
                }
                None => openers.push((
                    Opener {
                        name: seen.name.clone(),
                        role: role.clone(),
                        how: seen.how.clone(),
                        sources: vec![SourceRef::new(doc, s)],
                    },
                    FxSet::from_iter([doc.path.as_str()]),
                )),
            }
        }
    }
    ev.place = best(places);
    if let Some(((start, end), (t, period))) = dates
        .into_iter()
        .max_by(|a, b| a.1.0.weight.cmp(&b.1.0.weight).then(b.0.cmp(&a.0)))
    {
        ev.start = Some(start.to_string());
        ev.end = Some(end.to_string());
        ev.dates = Some(Stated {
            value: when(period),
            sources: t.sources(),
        });
    }
    ev.organiser = best(organisers);
    let mut b: Vec<(&str, Tally)> = backers.into_iter().collect();
    if let Some(org) = &ev.organiser {
        b.retain(|(name, _)| *name != org.value);
    }
    b.sort_by(|x, y| y.1.weight.cmp(&x.1.weight).then(x.0.cmp(y.0)));
    ev.backing = b.first().and_then(|(name, _)| {
        gazetteer.parties.iter().find(|p| p.name == *name).map(|p| {
            p.demonyms
                .first()
                .cloned()
                .unwrap_or_else(|| p.name.clone())
        })
    });
    ev.backers = b
        .into_iter()
        .map(|(value, t)| Stated {
            sources: t.sources(),
            value: value.to_string(),
        })
        .collect();
    let mut openers: Vec<Opener> = openers.into_iter().map(|(o, _)| o).collect();
    openers.sort_by(|a, b| {
        b.sources
            .len()
            .cmp(&a.sources.len())
            .then(a.name.cmp(&b.name))
    });
    ev.opened_by = openers;
    ev
}

#[cfg(test)]
mod tests {
    use super::super::text::test_doc;
    use super::*;

    #[test]
    fn the_event_in_other_phrasing_across_outlets() {
        let docs = [
            test_doc(
                "/briefings/a/",
                "Wire A",
                &[
                    "The Jordanian government is hosting a donor conference in Amman on 3-4 May 2022 with Qatari backing.",
                    "Jordan's prime minister Bisher Khasawneh opened the conference on Tuesday.",
                ],
            ),
            test_doc(
                "/briefings/b/",
                "Wire B",
                &[
                    "The Regional Conference on Water Security was held in Amman on 3 and 4 May 2022, under the auspices of Qatar.",
                    "The Sochi Conference of 2018 is not this one.",
                ],
            ),
        ];
        let ev = event(&docs, Gazetteer::embedded());
        assert_eq!(
            ev.name.unwrap().value,
            "Regional Conference on Water Security"
        );
        assert_eq!(ev.place.unwrap().value, "Amman");
        assert_eq!(
            (ev.start.as_deref(), ev.end.as_deref()),
            (Some("2022-05-03"), Some("2022-05-04"))
        );
        assert_eq!(ev.dates.unwrap().value, "3–4 May 2022");
        let org = ev.organiser.unwrap();
        assert_eq!(org.value, "Jordan");
        assert_eq!(org.sources[0].link, "/briefings/a/#s1-1");
        assert_eq!(ev.backers[0].value, "Qatar");
        assert_eq!(ev.backing.as_deref(), Some("Qatari"));
    }

    #[test]
    fn the_place_of_the_next_edition_is_not_the_events() {
        for next in [
            "The next summit will be held in Apia in 2027.",
            "Samoa will host the following summit in Apia.",
            "A second round of the talks is planned in Apia.",
            "The summit moves to Apia next year.",
        ] {
            let docs = [test_doc(
                "/briefings/a/",
                "Wire A",
                &[
                    "Leaders of Pacific states met in Suva on Monday for the Harbour Summit.",
                    next,
                ],
            )];
            let ev = event(&docs, Gazetteer::embedded());
            assert_eq!(ev.place.map(|p| p.value).as_deref(), Some("Suva"), "{next}");
        }
    }

    #[test]
    fn games_ceremonies_and_funerals_are_events_too() {
        let docs = [test_doc(
            "/briefings/a/",
            "Wire A",
            &[
                "Athletes from 22 nations marched at the opening ceremony of the Harbour Games in Suva on 12 May 2026.",
            ],
        )];
        let ev = event(&docs, Gazetteer::embedded());
        assert_eq!(ev.name.map(|n| n.value).as_deref(), Some("Harbour Games"));
        assert_eq!(ev.place.map(|p| p.value).as_deref(), Some("Suva"));
        assert_eq!(ev.start.as_deref(), Some("2026-05-12"));
    }
}
