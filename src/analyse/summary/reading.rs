//! One briefing as the summary reads it: its sentences and terms, and what each
//! extractor finds in it alone. A pure function of the page, computed once per version
//! of it; the summary merges the readings of all briefings (`summarise_readings`), so
//! a briefing that did not change is not read again.

use super::cues::Cues;
use super::local::LocalTerms;
use super::text::{Doc, read_doc};
use super::{
    documents, event, figures, keypoints, next_steps, participants, people, quotes, timeline,
};
use crate::analyse::gazetteer::Gazetteer;
use crate::content::Page;

/// Everything the summary takes from one briefing on its own.
#[derive(Debug, Clone, PartialEq, serde::Deserialize, serde::Serialize)]
pub struct Reading {
    pub doc: Doc,
    pub terms: LocalTerms,
    pub event: event::DocEvent,
    pub figures: Vec<figures::Figure>,
    pub participants: Vec<(usize, participants::Participation)>,
    pub documents: Vec<documents::Found>,
    pub next_steps: Vec<next_steps::NextStep>,
    pub quotes: Vec<quotes::Quote>,
    /// Appeals and pledges in the reporter's words, for the voices.
    pub statements: Vec<quotes::Quote>,
    pub timeline: Vec<(timeline::TimelineItem, usize)>,
    pub people: Vec<people::Named>,
    pub weights: keypoints::Weights,
}

/// Reads one briefing; `index` is its place in the site's pages.
pub fn read(page: &Page, index: usize, gazetteer: &Gazetteer) -> Reading {
    let doc = read_doc(page, index, gazetteer);
    let cues = Cues::embedded();
    let links = people::ArticleLinks::default();
    Reading {
        terms: LocalTerms::of(&doc),
        event: event::read(&doc, gazetteer),
        figures: figures::read(&doc, gazetteer),
        participants: participants::read(&doc, cues),
        documents: documents::read(&doc, cues, gazetteer),
        next_steps: next_steps::read(&doc, cues),
        quotes: quotes::read_with(&doc, gazetteer, &links),
        statements: quotes::statements(&doc, gazetteer, &links),
        timeline: timeline::read(&doc),
        people: people::read_with(&doc, gazetteer, &links),
        weights: keypoints::weights(&doc),
        doc,
    }
}
