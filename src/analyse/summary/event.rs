//! The event at a glance, as the texts state it: its name, place, dates, organiser,
//! backers and who opened it, each with the sentences that say so (pure).

use std::collections::BTreeMap;
use std::sync::LazyLock;

use regex::Regex;
use serde::Serialize;

use super::people::{role_after, role_before};
use super::text::{Doc, SourceRef, terms};
use super::timeline::when;
use crate::analyse::gazetteer::{Gazetteer, PartyKind, Target, Via};
use crate::ingest::dates::{Period, Precision, Ymd, dominant_year, find_periods};

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
}

/// Briefings counted at most when weighing a candidate name.
const SUPPORT_CAP: usize = 50;

const EVENT_NOUNS: &str = "Conference|Summit|Forum|Congress|Convention|Symposium|Meeting|Talks";

static NAME: LazyLock<Regex> = LazyLock::new(|| {
    let cap = r"[A-Z][\w’'-]+";
    Regex::new(&format!(
        r"\b(?:{cap}\s+){{0,4}}(?:{EVENT_NOUNS})\b(?:\s+(?:on|of|for)\s+(?:the\s+)?{cap}(?:\s+(?:(?:of|the|and|for|on|to)\s+)*{cap})*)?"
    ))
    .expect("event name pattern")
});

static EVENT_WORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"(?i)\b(?:{EVENT_NOUNS})\b")).expect("event noun"));

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

fn add(
    map: &mut BTreeMap<String, (usize, Vec<SourceRef>)>,
    key: &str,
    weight: usize,
    src: SourceRef,
) {
    let e = map.entry(key.to_string()).or_insert((0, Vec::new()));
    e.0 += weight;
    // One sentence per page is enough to show where a value comes from.
    if !e.1.iter().any(|s| s.page == src.page) {
        e.1.push(src);
    }
}

fn best(map: BTreeMap<String, (usize, Vec<SourceRef>)>) -> Option<Stated> {
    map.into_iter()
        .max_by(|a, b| a.1.0.cmp(&b.1.0).then(b.0.cmp(&a.0)))
        .map(|(value, (_, sources))| Stated { value, sources })
}

/// The event as the briefings state it.
pub fn event(docs: &[Doc], gazetteer: &Gazetteer) -> Event {
    let mut ev = Event::default();

    // Name: the title-case event name whose words the most briefings use together.
    let mut candidates: BTreeMap<String, Vec<SourceRef>> = BTreeMap::new();
    for doc in docs {
        for s in &doc.sentences {
            for m in NAME.find_iter(&s.text) {
                let name = m.as_str().trim();
                let name = name.strip_prefix("The ").unwrap_or(name);
                if name.split_whitespace().count() < 2 {
                    continue;
                }
                let src = SourceRef::new(doc, s);
                let e = candidates.entry(name.to_string()).or_default();
                if !e.iter().any(|x| x.page == src.page) {
                    e.push(src);
                }
            }
        }
    }
    let doc_terms: Vec<Vec<&Vec<String>>> = docs
        .iter()
        .map(|d| {
            d.sentences
                .iter()
                .filter(|s| EVENT_WORD.is_match(&s.text))
                .map(|s| &s.terms)
                .collect()
        })
        .collect();
    let name = candidates
        .into_iter()
        .map(|(name, sources)| {
            let mut t = terms(&name, gazetteer);
            t.sort();
            t.dedup();
            // Support saturates: past a few dozen briefings more adds nothing.
            let support = doc_terms
                .iter()
                .filter(|sents| {
                    sents.iter().any(|st| {
                        let have = t.iter().filter(|x| st.contains(x)).count();
                        have * 10 >= t.len() * 7
                    })
                })
                .take(SUPPORT_CAP)
                .count();
            // A name that starts with a place ("Sochi Conference") is another event.
            let starts_with_place = gazetteer
                .mentions(&name)
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
        .max_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    if let Some((_, name, sources)) = name {
        ev.name = Some(Stated {
            value: name,
            sources,
        });
    }

    // Place, dates, organiser, backers and openers from the sentences about the event.
    let mut places: BTreeMap<String, (usize, Vec<SourceRef>)> = BTreeMap::new();
    let mut dates: BTreeMap<(Ymd, Ymd), (usize, Vec<SourceRef>, Period)> = BTreeMap::new();
    let mut organisers: BTreeMap<String, (usize, Vec<SourceRef>)> = BTreeMap::new();
    let mut backers: BTreeMap<String, (usize, Vec<SourceRef>)> = BTreeMap::new();
    let mut openers: Vec<Opener> = Vec::new();
    for doc in docs {
        let all: String = doc
            .sentences
            .iter()
            .map(|s| s.text.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        let year = dominant_year(&all);
        for s in &doc.sentences {
            let text = s.text.as_str();
            let about_event = EVENT_WORD.is_match(text);
            let src = || SourceRef::new(doc, s);
            let mentions = &s.mentions;
            if about_event {
                for m in mentions {
                    if m.via != Via::Capital {
                        continue;
                    }
                    let before: Vec<&str> =
                        text[..m.start].split_whitespace().rev().take(4).collect();
                    if before
                        .iter()
                        .any(|w| ["in", "at"].contains(&w.to_lowercase().as_str()))
                    {
                        add(&mut places, &text[m.start..m.end], 1, src());
                    }
                }
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
                        let e = dates
                            .entry((p.start, p.end))
                            .or_insert((0, Vec::new(), p.clone()));
                        e.0 += weight;
                        let sr = src();
                        if !e.1.iter().any(|x| x.page == sr.page) {
                            e.1.push(sr);
                        }
                        if !p.inferred {
                            e.2 = p;
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
                    let subject = mentions.iter().rev().find(|m| {
                        m.end <= v.start() && head[m.end..].split_whitespace().count() <= 3
                    });
                    if let Some(i) = subject.and_then(|m| party_of(gazetteer, m.target)) {
                        let p = &gazetteer.parties[i];
                        if p.kind == PartyKind::Country {
                            add(&mut organisers, &p.name, 1, src());
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
                if let Some(i) = gazetteer
                    .mentions(words)
                    .first()
                    .and_then(|m| party_of(gazetteer, m.target))
                {
                    add(&mut backers, &gazetteer.parties[i].name, 1, src());
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
                    let name = gazetteer.people[pi].name.clone();
                    let role = role_after(&text[m.end..]).or_else(|| role_before(&text[..m.start]));
                    let lower = text.to_lowercase();
                    let how = ["via video link", "by video link", "via video", "by video"]
                        .iter()
                        .find(|h| lower.contains(*h))
                        .map(|h| h.to_string());
                    match openers.iter_mut().find(|o| o.name == name) {
                        Some(o) => {
                            let sr = src();
                            if !o.sources.iter().any(|x| x.page == sr.page) {
                                o.sources.push(sr);
                            }
                            if o.role
                                .as_ref()
                                .is_none_or(|r| role.as_ref().is_some_and(|n| n.len() > r.len()))
                            {
                                o.role = role.or(o.role.take());
                            }
                            o.how = o.how.take().or(how);
                        }
                        None => openers.push(Opener {
                            name,
                            role,
                            how,
                            sources: vec![src()],
                        }),
                    }
                }
            }
        }
    }
    ev.place = best(places);
    if let Some(((start, end), (_, sources, period))) = dates
        .into_iter()
        .max_by(|a, b| a.1.0.cmp(&b.1.0).then(b.0.cmp(&a.0)))
    {
        ev.start = Some(start.to_string());
        ev.end = Some(end.to_string());
        ev.dates = Some(Stated {
            value: when(&period),
            sources,
        });
    }
    ev.organiser = best(organisers);
    let mut b: Vec<(String, (usize, Vec<SourceRef>))> = backers.into_iter().collect();
    if let Some(org) = &ev.organiser {
        b.retain(|(name, _)| name != &org.value);
    }
    b.sort_by(|x, y| y.1.0.cmp(&x.1.0).then(x.0.cmp(&y.0)));
    ev.backing = b.first().and_then(|(name, _)| {
        gazetteer.parties.iter().find(|p| &p.name == name).map(|p| {
            p.demonyms
                .first()
                .cloned()
                .unwrap_or_else(|| p.name.clone())
        })
    });
    ev.backers = b
        .into_iter()
        .map(|(value, (_, sources))| Stated { value, sources })
        .collect();
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
}
