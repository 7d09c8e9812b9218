//! Stage 4, analyse: the generated summary of all briefings — the event at a glance,
//! key points, figures, quotes, a timeline and who is who — every item tied to the
//! sentence it came from (pure: reads the pages' text, writes nothing).
//!
//! Serialised as it is into `data/summary.json` (schema in the README) and given to
//! templates as `summary`.

pub mod cues;
pub mod differences;
pub mod documents;
pub mod event;
pub mod figures;
pub mod keypoints;
pub mod local;
pub mod next_steps;
pub mod outcome;
pub mod participants;
pub mod people;
pub mod quotes;
pub mod rank;
pub mod reading;
pub mod scope;
pub mod text;
pub mod timeline;
pub mod voices;

use serde::Serialize;

use super::Site;
use super::attendance::Attendance;
use super::gazetteer::Gazetteer;
use crate::config::EventConfig;
use reading::Reading;
use text::Doc;

/// How many key points the summary gives.
pub const KEY_POINTS: usize = 8;
/// The most quotes the summary keeps (those other outlets also carry first, then in
/// reading order).
pub const MAX_QUOTES: usize = 30;
/// The most people the summary lists (the most mentioned).
pub const MAX_PEOPLE: usize = 40;

/// A briefing the summary draws on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BriefingRef {
    pub title: String,
    pub page: String,
    pub source: Option<String>,
    pub seed: Option<String>,
    pub date: Option<String>,
}

/// Everything the summary page shows, each item with its source sentence.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Summary {
    pub briefings: Vec<BriefingRef>,
    pub event: event::Event,
    /// How many took part, as the sources count them (shown first in At a glance).
    pub participants: Vec<participants::Participation>,
    /// Counts of the same participants that cannot all be right.
    pub participant_differences: Vec<participants::ParticipationDifference>,
    /// The statements and documents the event produced.
    pub outcome: Vec<documents::Document>,
    /// What follows the event: a next meeting, a follow-up, a deadline.
    pub next_steps: Vec<next_steps::NextStep>,
    pub key_points: Vec<keypoints::KeyPoint>,
    pub figures: Vec<figures::Figure>,
    /// Different numbers the sources give for the same thing.
    pub figure_differences: Vec<figures::FigureDifference>,
    pub quotes: Vec<quotes::Quote>,
    pub timeline: Vec<timeline::TimelineItem>,
    pub people: Vec<people::Person>,
    /// Parties the sources place differently: the attendance analysis' conflicts, with
    /// every claim behind them.
    pub attendance_differences: Vec<differences::AttendanceDifference>,
    // Voices (issue 13 item 3).
    /// The quotes of the main speakers, ranked by who speaks (host, heads of state and
    /// government, heads of organisations, officials, others).
    pub voices: Vec<voices::Voice>,
}

impl Summary {
    /// A summary of no briefings.
    pub fn is_empty(&self) -> bool {
        self.briefings.is_empty()
    }
}

/// Whether a quote is the person's: by gazetteer id, else by the name of a person the
/// gazetteer does not know.
fn speaks(p: &people::Person, q: &quotes::Quote) -> bool {
    match &q.speaker_id {
        Some(id) => *id == p.id,
        None => q.speaker_kind == "person" && q.speaker == p.name,
    }
}

/// The summary of a site's briefings, with the event of its configuration and the
/// attendance already analysed (`site.attendance`).
pub fn summarise(site: &Site, gazetteer: &Gazetteer) -> Summary {
    let readings: Vec<(usize, Reading)> = site
        .briefings
        .iter()
        .map(|&i| (i, reading::read(&site.pages[i], i, gazetteer)))
        .collect();
    let refs: Vec<(usize, &Reading)> = readings.iter().map(|(i, r)| (*i, r)).collect();
    summarise_readings(
        &refs,
        gazetteer,
        &site.attendance,
        site.config.event.as_ref(),
    )
}

/// The event as the briefings state it (name, place, dates, organiser), from the
/// [`Reading`] of each briefing: what the summary shows without `event:` in `site.yaml`,
/// and what the attendance analysis is scoped to then.
pub fn stated_event(readings: &[(usize, &Reading)], gazetteer: &Gazetteer) -> event::Event {
    stated_event_of(&docs_of(readings), readings, gazetteer)
}

/// The documents of the readings, each with its page index now.
fn docs_of(readings: &[(usize, &Reading)]) -> Vec<Doc> {
    readings
        .iter()
        .map(|&(page, r)| Doc {
            page,
            ..r.doc.clone()
        })
        .collect()
}

fn stated_event_of(
    docs: &[Doc],
    readings: &[(usize, &Reading)],
    gazetteer: &Gazetteer,
) -> event::Event {
    let parts: Vec<&event::DocEvent> = readings.iter().map(|(_, r)| &r.event).collect();
    event::merge(docs, &parts, gazetteer)
}

/// The summary from the [`Reading`] of each briefing, newest first, each with its
/// index in the site's pages (a reading kept from an earlier analysis may have had
/// another), the site's attendance (the summary's attendance differences are its
/// conflicts) and the configured event (`event:` of `site.yaml`, which wins over what
/// the texts state).
pub fn summarise_readings(
    readings: &[(usize, &Reading)],
    gazetteer: &Gazetteer,
    attendance: &Attendance,
    configured: Option<&EventConfig>,
) -> Summary {
    if readings.is_empty() {
        return Summary::default();
    }
    let docs = docs_of(readings);
    let rs: Vec<&Reading> = readings.iter().map(|(_, r)| *r).collect();
    // The merges below are independent of each other: each pair runs side by side.
    let (vectors, found) = rayon::join(
        // One vocabulary over every sentence: IDF counts sentences, as LexRank does.
        || local::site_vectors(rs.iter().map(|r| &r.terms)),
        || stated_event_of(&docs, readings, gazetteer),
    );
    // The sentences stating that the event was held, as the texts put it.
    let held: Vec<text::SourceRef> = found
        .organiser
        .iter()
        .chain(found.dates.iter())
        .flat_map(|st| st.sources.iter().cloned())
        .collect();
    let event = match configured {
        Some(cfg) => event::configured(found, cfg),
        None => found,
    };
    let years = scope::Years::of(event.start.as_deref(), event.end.as_deref());
    // One part of every reading.
    fn parts<'a, T>(rs: &[&'a Reading], f: impl Fn(&'a Reading) -> &'a [T]) -> Vec<&'a [T]> {
        rs.iter().map(|r| f(r)).collect()
    }
    let (
        (((participants, participant_differences), mut outcome), (next_steps, figure_pair)),
        ((quotes, timeline), (people, scores)),
    ) = rayon::join(
        || {
            rayon::join(
                || {
                    rayon::join(
                        || participants::merge(&parts(&rs, |r| &r.participants), &years),
                        || documents::merge(&parts(&rs, |r| &r.documents), &years),
                    )
                },
                || {
                    rayon::join(
                        || next_steps::merge(&parts(&rs, |r| &r.next_steps)),
                        || figures::merge(&parts(&rs, |r| &r.figures), &vectors),
                    )
                },
            )
        },
        || {
            rayon::join(
                || {
                    rayon::join(
                        || quotes::merge(&parts(&rs, |r| &r.quotes)),
                        || timeline::merge(&parts(&rs, |r| &r.timeline), &vectors),
                    )
                },
                || {
                    rayon::join(
                        || people::merge(&docs, &parts(&rs, |r| &r.people), gazetteer),
                        || {
                            keypoints::scores_with(
                                &rs.iter().map(|r| &r.weights).collect::<Vec<_>>(),
                                &vectors,
                            )
                        },
                    )
                },
            )
        },
    );
    let (figures, figure_differences) = figure_pair;
    let mut quotes = quotes;
    let mut people = people;
    let attendance_differences = differences::differences(attendance);
    // What each sentence states, for telling the same fact in other words apart.
    let mut facts: Vec<Vec<keypoints::Facts>> = docs
        .iter()
        .map(|d| vec![Vec::new(); d.sentences.len()])
        .collect();
    // Where each sentence is, by its link and text (a paragraph anchor is shared): the
    // first sentence of the briefings that has both.
    let mut by_path: text::FxMap<&str, Vec<usize>> = Default::default();
    for (d, doc) in docs.iter().enumerate() {
        by_path.entry(doc.path.as_str()).or_default().push(d);
    }
    let at = |link: &str, sentence: &str| -> Option<(usize, usize)> {
        // The page path is the link (a sentence without an anchor), or the link up to
        // one of its '#' with the anchor after it: as `Doc::link` joins them.
        let splits = link
            .match_indices('#')
            .map(|(k, _)| (&link[..k], &link[k + 1..]))
            .filter(|(_, anchor)| !anchor.is_empty())
            .chain(std::iter::once((link, "")));
        let mut first: Option<(usize, usize)> = None;
        for (path, anchor) in splits {
            for &d in by_path.get(path).into_iter().flatten() {
                let found = docs[d]
                    .sentences
                    .iter()
                    .position(|s| s.anchor == anchor && s.text == sentence);
                if let Some(i) = found {
                    first = Some(first.map_or((d, i), |f| f.min((d, i))));
                    break;
                }
            }
        }
        first
    };
    let mut state = |link: &str, sentence: &str, fact: String| {
        if let Some((d, i)) = at(link, sentence)
            && !facts[d][i].contains(&fact)
        {
            facts[d][i].push(fact);
        }
    };
    for src in &held {
        state(&src.link, &src.sentence, "event".to_string());
    }
    // A party's attendance, as the attendance analysis reads each sentence.
    for p in &attendance.parties {
        for c in &p.claims {
            let src = differences::source_of(c);
            state(
                &src.link,
                &src.sentence,
                format!("stance:{}:{}", p.id, c.status.as_str()),
            );
        }
    }
    for f in figures.iter().filter(|f| !f.vague) {
        for src in std::iter::once(&f.source).chain(&f.also) {
            state(&src.link, &src.sentence, format!("figure:{}", f.number));
        }
    }
    let key_points = keypoints::key_points(&docs, &vectors, &scores, &facts, KEY_POINTS);
    let shown: Vec<&str> = key_points
        .iter()
        .flat_map(|k| std::iter::once(&k.source).chain(&k.also))
        .map(|s| s.link.as_str())
        .collect();
    documents::drop_shown_decisions(&mut outcome, &shown);
    // The leaders' appeals and pledges in the reporter's words, for the voices.
    let mut statements = quotes::merge(&parts(&rs, |r| &r.statements));
    for q in &mut quotes {
        // "Mills said": the role the text gave him elsewhere.
        if q.role.is_none()
            && let Some(p) = people.iter().find(|p| speaks(p, q))
            && p.role_source.is_some()
        {
            q.role = p.role.clone();
        }
    }
    for q in quotes.iter_mut().chain(&mut statements) {
        if let Some(c) = &q.context {
            q.context = Some(rank::compress(c, 45));
        }
    }
    // Voices (issue 13 item 3): from every quote and statement, before the list of
    // quotes is cut short.
    let hosts = voices::hosts(&event, attendance, gazetteer);
    let voices = voices::voices(&quotes, &statements, &event, &hosts, gazetteer);
    if quotes.len() > MAX_QUOTES {
        let voice = |q: &quotes::Quote| {
            voices
                .iter()
                .any(|v| v.source == q.source && v.text == q.text)
        };
        let mut order: Vec<usize> = (0..quotes.len()).collect();
        order.sort_by(|&a, &b| {
            voice(&quotes[b])
                .cmp(&voice(&quotes[a]))
                .then(quotes[b].also.len().cmp(&quotes[a].also.len()))
                .then(a.cmp(&b))
        });
        order.truncate(MAX_QUOTES);
        order.sort_unstable();
        quotes = order.into_iter().map(|k| quotes[k].clone()).collect();
    }
    for p in &mut people {
        p.quotes = quotes.iter().filter(|q| speaks(p, q)).count();
    }
    people.truncate(MAX_PEOPLE);
    Summary {
        briefings: docs
            .iter()
            .map(|d| BriefingRef {
                title: d.title.clone(),
                page: d.path.clone(),
                source: d.source.clone(),
                seed: d.seed.clone(),
                date: d.date.map(|x| x.to_string()),
            })
            .collect(),
        event,
        participants,
        participant_differences,
        outcome,
        next_steps,
        key_points,
        figures,
        figure_differences,
        quotes,
        timeline,
        people,
        attendance_differences,
        voices,
    }
}
