//! Who attended, who boycotted: attendance claims extracted from the briefing pages'
//! sentences, resolved per party with conflicts flagged and editorial pins applied.
//!
//! The extractor is pure and rule-based: [`claims::sentence_claims`] turns one sentence
//! into (party, status, modality) claims, [`page_claims`] runs it over a page's
//! sentences, [`resolve::resolve`] folds the claims of every page into one
//! [`PartyStatus`] per party, and [`editorial`] reads the pins of
//! `content/_data/attendance.yaml`. The output serialises to the `data/attendance.json`
//! schema of DESIGN.md.

pub mod arguments;
pub mod claims;
pub mod clauses;
pub mod constructions;
pub mod cues;
pub mod editorial;
pub mod lexicon;
pub mod matcher;
pub mod people;
pub mod phrases;
pub mod resolve;
pub mod scope;
pub mod tokens;
pub mod verbgroup;
pub mod view;

use serde::{Deserialize, Serialize};

use super::Site;
use super::gazetteer::Gazetteer;
use crate::config::EventConfig;
use crate::diagnostics::Diagnostic;
use crate::load::TextFile;
use crate::markdown::BlockKind;

/// A party's role at the conference.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Host,
    Attended,
    Observer,
    Boycotted,
    NotInvited,
}

impl Status {
    /// Every status, in the order the page lists them.
    pub const ALL: [Status; 5] = [
        Status::Host,
        Status::Attended,
        Status::Observer,
        Status::Boycotted,
        Status::NotInvited,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Host => "host",
            Status::Attended => "attended",
            Status::Observer => "observer",
            Status::Boycotted => "boycotted",
            Status::NotInvited => "not_invited",
        }
    }

    pub fn parse(s: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|st| st.as_str() == s)
    }

    /// Present at the conference in some capacity.
    pub fn present(self) -> bool {
        matches!(self, Status::Host | Status::Attended | Status::Observer)
    }
}

/// How sure the source is that it happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Modality {
    /// It happened (or is happening): "attended", "did not attend".
    Reported,
    /// Announced: "will attend", "would not attend", "has no plans to take part".
    Planned,
    /// Expected by others: "was expected to attend".
    Expected,
}

impl Modality {
    pub fn as_str(self) -> &'static str {
        match self {
            Modality::Reported => "reported",
            Modality::Planned => "planned",
            Modality::Expected => "expected",
        }
    }
}

/// The event the attendance is about.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Event {
    pub name: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub place: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub start: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub end: String,
}

impl Event {
    /// The years the event spans (as written), to tell this event from earlier ones.
    pub fn years(&self) -> Vec<String> {
        let mut v: Vec<String> = [&self.start, &self.end]
            .iter()
            .filter(|d| d.len() >= 4 && d[..4].chars().all(|c| c.is_ascii_digit()))
            .map(|d| d[..4].to_string())
            .collect();
        v.dedup();
        v
    }
}

impl From<&EventConfig> for Event {
    fn from(e: &EventConfig) -> Self {
        Event {
            name: e.name.clone(),
            place: e.place.clone(),
            start: e.start.clone(),
            end: e.end.clone(),
        }
    }
}

/// One source's statement of a party's status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Claim {
    pub status: Status,
    pub modality: Modality,
    /// Site path of the page, e.g. `/briefings/<slug>/`.
    pub page: String,
    /// The seed file the page was generated from; absent for hand-written pages.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub seed: Option<String>,
    /// The sentence that says so, as it reads on the page.
    pub sentence: String,
    /// Fragment id of the sentence in the page (`s3-2`, `p3`, `photo-1`).
    pub anchor: String,
    /// The words that carry the status ("refrained from participating").
    pub cue: String,
    /// Title of the page, for display.
    pub page_title: String,
    /// Outlet of the page (`source` front matter), for display.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// A boycott told of the state's leader ("Mexican President … will skip the
    /// summit"): another source that has the state there outweighs it.
    #[serde(skip)]
    pub by_leader: bool,
}

/// An editorial decision on a party's status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Pin {
    pub status: Status,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// A party's resolved status with the claims behind it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PartyStatus {
    /// Gazetteer id, e.g. `turkey`.
    pub id: String,
    pub name: String,
    /// `country`, `bloc` or `organisation`.
    pub kind: String,
    /// ISO 3166-1 alpha-2 code of a country; null for blocs and organisations.
    pub iso: Option<String>,
    pub status: Status,
    /// The claims disagree.
    pub conflict: bool,
    /// What the claims alone resolve to (equals `status` unless a pin overrides it).
    pub claimed_status: Option<Status>,
    pub claims: Vec<Claim>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pin: Option<Pin>,
}

/// The attendance of the event: every party some source gives a role.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Attendance {
    pub event: Event,
    pub parties: Vec<PartyStatus>,
}

impl Attendance {
    pub fn party(&self, id: &str) -> Option<&PartyStatus> {
        self.parties.iter().find(|p| p.id == id)
    }
}

/// A claim found in one page, before it is attributed.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize, serde::Serialize)]
pub struct PageClaim {
    /// Index of the sentence in the list given to [`page_claims`].
    pub sentence: usize,
    pub party: usize,
    pub status: Status,
    pub modality: Modality,
    pub cue: String,
    /// The row of the cue lexicon that gave it (none for a construction).
    pub row: Option<usize>,
    /// A person stood for the party ("Xi will skip the summit").
    pub by_person: bool,
}

/// The claims of one page's sentences (pure; linear in the text). Within one page a
/// more specific claim covers a vaguer one: a host or observer is not also listed as
/// having merely attended, and a party the page says was not invited is not also
/// listed as having stayed away ("absent: it had not been invited"); and what the page
/// reports as done outweighs what it reports as announced or expected.
pub fn page_claims<'a>(
    sentences: impl IntoIterator<Item = &'a str>,
    gazetteer: &Gazetteer,
    event: &Event,
) -> Vec<PageClaim> {
    let paragraphs = sentences.into_iter().map(|s| (BlockKind::Paragraph, s));
    block_claims(paragraphs, gazetteer, event)
}

/// [`page_claims`] over sentences with the kind of block each stands in: the items of a
/// list under a lead-in ("Here is who is attending:") take the lead-in's status.
pub fn block_claims<'a>(
    sentences: impl IntoIterator<Item = (BlockKind, &'a str)>,
    gazetteer: &Gazetteer,
    event: &Event,
) -> Vec<PageClaim> {
    let ctx = scope::EventCtx::of(event, gazetteer);
    let lex = cues::Lexicon::embedded();
    let (kinds, sentences): (Vec<BlockKind>, Vec<&str>) = sentences.into_iter().unzip();
    let tokens: Vec<Vec<tokens::Token>> = sentences
        .iter()
        .map(|s| ctx.tokens(s, gazetteer, lex))
        .collect();
    // People linked to parties by their titles anywhere in the page stand for them in
    // every sentence ("Chinese President Xi Jinping" … "Xi did not attend").
    let links = people::links(&tokens, lex);
    let mut out: Vec<PageClaim> = Vec::new();
    let mut carry = claims::Carry::default();
    let venue = scope::venue_host(&tokens, &sentences, &ctx, lex);
    // The status a list's lead-in ("Here is who is attending:") gives the lines under it.
    let mut lead: Option<(Status, Modality, String)> = None;
    for (i, (s, toks)) in sentences.iter().zip(tokens).enumerate() {
        let toks = people::apply(toks, &links, lex);
        let carried = carry.status();
        let found = claims::claims_of_tokens(s, &toks, gazetteer, &ctx, &mut carry);
        // "Ghana – Kofi Mensah", "Marta Ruiz, President of Chile": a line of a list
        // typed without bullets, under its lead-in.
        let line_item = kinds[i] == BlockKind::Paragraph
            && lead.is_some()
            && found.is_empty()
            && claims::list_line(s, &toks);
        // "…, namely A and B. Then, C, D and E.": a sentence of names only goes on with
        // the list before it.
        if !line_item
            && found.is_empty()
            && let Some((status, modality)) = carried.filter(|_| claims::list_sentence(&toks))
        {
            let idxs: Vec<usize> = (0..toks.len()).collect();
            let cue = toks.first().map_or("", |t| &s[t.start..t.end]);
            for party in phrases::list_parties(&toks, &idxs, &[], gazetteer).parties {
                out.push(PageClaim {
                    sentence: i,
                    party,
                    status,
                    modality,
                    cue: cue.to_string(),
                    row: None,
                    by_person: false,
                });
            }
        }
        let kind = if line_item {
            BlockKind::ListItem
        } else {
            kinds[i]
        };
        if let Some((status, modality, cue)) = &lead {
            match kind {
                // An item that states its own role keeps it; a label over the items
                // ("Heads of state") names no one.
                BlockKind::ListItem if found.is_empty() => {
                    let idxs: Vec<usize> = (0..toks.len()).collect();
                    for party in phrases::list_parties(&toks, &idxs, &[], gazetteer).parties {
                        out.push(PageClaim {
                            sentence: i,
                            party,
                            status: *status,
                            modality: *modality,
                            cue: cue.clone(),
                            row: None,
                            by_person: false,
                        });
                    }
                }
                BlockKind::ListItem | BlockKind::Heading => {}
                // "Heads of state:" between the lead-in and its lines labels them.
                BlockKind::Paragraph if found.is_empty() && is_label_line(s) => {}
                BlockKind::Paragraph | BlockKind::Html => lead = None,
            }
        }
        if let Some(l) = claims::lead_in(s, &toks, &ctx) {
            lead = Some(l);
        } else if let Some((status, modality)) = carried.filter(|_| claims::among_them_lead(&toks))
        {
            // "Twenty leaders are in Lisbon. Among them are:" and the lines under it.
            lead = Some((status, modality, s.trim_end_matches(':').to_string()));
        }
        for f in found {
            out.push(PageClaim {
                sentence: i,
                party: f.party,
                status: f.status,
                modality: f.modality,
                cue: f.cue,
                row: f.row,
                by_person: f.by_person,
            });
        }
    }
    settle(&mut out, venue);
    out
}

/// The page-level rules over one page's claims: the venue's state hosts where the page
/// says nothing of it; a more specific or a reported claim covers a vaguer or an
/// announced one (see [`page_claims`]).
fn settle(out: &mut Vec<PageClaim>, venue: Option<(usize, usize, String)>) {
    // The country of the event's place hosts it, though no sentence of the page says so,
    // on a page that gives the event's attendance (not a page on something else that
    // names the country).
    if let Some((sentence, party, cue)) = venue
        && !out.is_empty()
        && !out.iter().any(|c| c.party == party)
    {
        out.push(PageClaim {
            sentence,
            party,
            status: Status::Host,
            modality: Modality::Reported,
            cue,
            row: None,
            by_person: false,
        });
    }
    // A leader who stays home while the state is there leaves the state attended, and
    // so does an absence in a sentence that names the one sent instead ("the absence of
    // the US president, who has sent his deputy in his place").
    let present: std::collections::HashSet<usize> = out
        .iter()
        .filter(|c| c.status.present())
        .map(|c| c.party)
        .collect();
    let present_in: std::collections::HashSet<(usize, usize)> = out
        .iter()
        .filter(|c| c.status.present())
        .map(|c| (c.sentence, c.party))
        .collect();
    out.retain(|c| {
        !(c.status == Status::Boycotted
            && (c.by_person && present.contains(&c.party)
                || present_in.contains(&(c.sentence, c.party))))
    });
    let specific: std::collections::HashSet<usize> = out
        .iter()
        .filter(|c| matches!(c.status, Status::Host | Status::Observer))
        .map(|c| c.party)
        .collect();
    let uninvited: std::collections::HashSet<usize> = out
        .iter()
        .filter(|c| c.status == Status::NotInvited)
        .map(|c| c.party)
        .collect();
    out.retain(|c| {
        !(c.status == Status::Attended && specific.contains(&c.party)
            || c.status == Status::Boycotted && uninvited.contains(&c.party))
    });
    // What a page reports as done supersedes what it reports as announced or expected
    // the other way ("would not be formally represented, though a UN official attended
    // as an observer").
    let reported: Vec<(usize, bool)> = out
        .iter()
        .filter(|c| c.modality == Modality::Reported)
        .map(|c| (c.party, c.status.present()))
        .collect();
    out.retain(|c| {
        c.modality == Modality::Reported
            || !reported
                .iter()
                .any(|&(p, present)| p == c.party && present != c.status.present())
    });
}

/// The event of the site's configuration (`event:` in `site.yaml`), or "the conference".
pub fn event_of(config: &crate::config::SiteConfig) -> Event {
    config
        .event
        .as_ref()
        .map(Event::from)
        .unwrap_or_else(|| Event {
            name: "the conference".into(),
            ..Event::default()
        })
}

/// The event as the texts state it, when `site.yaml` names none: its name, place and
/// dates, if the texts give a name or a place.
pub fn event_stated(found: &crate::analyse::summary::event::Event) -> Option<Event> {
    let value = |s: &Option<crate::analyse::summary::event::Stated>| {
        s.as_ref().map(|s| s.value.clone()).unwrap_or_default()
    };
    let event = Event {
        name: value(&found.name),
        place: value(&found.place),
        start: found.start.clone().unwrap_or_default(),
        end: found.end.clone().unwrap_or_default(),
    };
    (!event.name.is_empty() || !event.place.is_empty()).then(|| Event {
        name: if event.name.is_empty() {
            "the conference".into()
        } else {
            event.name.clone()
        },
        ..event
    })
}

/// Every sentence of a page, in reading order.
fn sentences_of(page: &crate::content::Page) -> impl Iterator<Item = &crate::markdown::Sentence> {
    page.rendered.blocks.iter().flat_map(|b| b.sentences.iter())
}

/// The claims of one page's sentences ([`block_claims`] over the rendered blocks): a
/// pure function of the sentences, the gazetteer and the event.
pub fn claims_of_page(
    page: &crate::content::Page,
    gazetteer: &Gazetteer,
    event: &Event,
) -> Vec<PageClaim> {
    let sentences = page
        .rendered
        .blocks
        .iter()
        .flat_map(|b| b.sentences.iter().map(move |s| (b.kind, s.text.as_str())));
    block_claims(sentences, gazetteer, event)
}

/// A short label ending in a colon, with no verb of its own ("Heads of state:",
/// "Foreign leaders:"): it sorts a list's lines, and says nothing of them.
fn is_label_line(s: &str) -> bool {
    let Some(body) = s.trim().strip_suffix(':') else {
        return false;
    };
    let words: Vec<&str> = body.split_whitespace().collect();
    (1..=4).contains(&words.len())
        && words.iter().all(|w| {
            let w = w.to_lowercase();
            !lexicon::is(&w, lexicon::BE) && !lexicon::is(&w, lexicon::AUX)
        })
}

/// The pins of `content/_data/attendance.yaml` (a malformed file is a diagnostic).
pub fn pins_of(
    pins: Option<&TextFile>,
    gazetteer: &Gazetteer,
) -> Result<Vec<(usize, Pin)>, Vec<Diagnostic>> {
    match pins {
        Some(f) => editorial::parse(&f.text, &f.rel, gazetteer),
        None => Ok(Vec::new()),
    }
}

/// The attendance of a site: claims from every briefing page, resolved, with the pins
/// of `content/_data/attendance.yaml` (a malformed file is a diagnostic).
pub fn build(
    site: &Site,
    pins: Option<&TextFile>,
    gazetteer: &Gazetteer,
) -> Result<Attendance, Vec<Diagnostic>> {
    let pins = pins_of(pins, gazetteer)?;
    let mut event = event_of(&site.config);
    if site.config.event.is_none() {
        let readings: Vec<(usize, crate::analyse::summary::reading::Reading)> = site
            .briefings
            .iter()
            .map(|&i| {
                (
                    i,
                    crate::analyse::summary::reading::read(&site.pages[i], i, gazetteer),
                )
            })
            .collect();
        let refs: Vec<(usize, &crate::analyse::summary::reading::Reading)> =
            readings.iter().map(|(i, r)| (*i, r)).collect();
        if let Some(stated) = event_stated(&crate::analyse::summary::stated_event(&refs, gazetteer))
        {
            event = stated;
        }
    }
    let claims: Vec<Vec<PageClaim>> = site
        .briefings
        .iter()
        .map(|&i| claims_of_page(&site.pages[i], gazetteer, &event))
        .collect();
    Ok(assemble(
        site,
        &pins,
        gazetteer,
        event,
        &claims.iter().map(Vec::as_slice).collect::<Vec<_>>(),
    ))
}

/// The attendance from each briefing's claims (`claims[k]` of page `site.briefings[k]`,
/// as [`claims_of_page`] gives them) and the pins: the claims are attributed to their
/// pages and resolved per party.
pub fn assemble(
    site: &Site,
    pins: &[(usize, Pin)],
    gazetteer: &Gazetteer,
    event: Event,
    claims: &[&[PageClaim]],
) -> Attendance {
    let mut found: Vec<(usize, Claim)> = Vec::new();
    for (&i, page_claims) in site.briefings.iter().zip(claims) {
        let page = &site.pages[i];
        if page_claims.is_empty() {
            continue;
        }
        let sentences: Vec<&crate::markdown::Sentence> = sentences_of(page).collect();
        for c in page_claims.iter() {
            let s = sentences[c.sentence];
            found.push((
                c.party,
                Claim {
                    status: c.status,
                    modality: c.modality,
                    page: page.path.clone(),
                    seed: page.front.seed.clone(),
                    sentence: s.text.clone(),
                    anchor: s.anchor.clone(),
                    cue: c.cue.clone(),
                    page_title: page.front.title.clone(),
                    source: page.front.source.clone(),
                    by_leader: c.by_person && c.status == Status::Boycotted,
                },
            ));
        }
    }
    Attendance {
        event,
        parties: resolve::resolve(found, pins, gazetteer),
    }
}
