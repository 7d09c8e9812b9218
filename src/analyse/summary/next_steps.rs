//! What comes next: statements about the event's follow-up — a next summit and its
//! host, a second round, a committee to be set up, a deadline — each with its
//! sentence, from the phrasings of `data/summary_cues.yaml` (pure).

use serde::Serialize;

use super::cues::Cues;
use super::rank::compress;
use super::text::{Doc, SourceRef};
use crate::markdown::BlockKind;

/// The most next steps the summary keeps.
pub const MAX_NEXT_STEPS: usize = 6;

/// A statement about what follows the event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct NextStep {
    /// The sentence cut short.
    pub text: String,
    /// The phrasing that marks it ("the next meeting", "a deadline").
    pub kind: String,
    pub source: SourceRef,
    /// The same statement in other briefings.
    pub also: Vec<SourceRef>,
}

/// The next steps one briefing states.
pub fn read(doc: &Doc, cues: &Cues) -> Vec<NextStep> {
    doc.sentences
        .iter()
        .filter(|s| matches!(s.kind, BlockKind::Paragraph | BlockKind::ListItem))
        .filter_map(|s| {
            let row = cues.next_steps.iter().find(|r| r.re.is_match(&s.text))?;
            Some(NextStep {
                text: compress(&s.text, 40),
                kind: row.name.clone(),
                source: SourceRef::new(doc, s),
                also: Vec::new(),
            })
        })
        .collect()
}

/// The words of a statement, for telling the same statement in other outlets' words.
fn words(text: &str) -> Vec<String> {
    let mut w: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() > 3)
        .map(str::to_lowercase)
        .collect();
    w.sort_unstable();
    w.dedup();
    w
}

/// The next steps of all briefings: one statement told by several outlets (most of its
/// longer words shared) is one step citing them all; those most outlets give first.
pub fn merge(parts: &[&[NextStep]]) -> Vec<NextStep> {
    let mut all: Vec<(Vec<String>, NextStep)> = Vec::new();
    // Which statements hold each word, so that a step is weighed only against those that
    // share a word with it (the first statement sharing most of its words, as a scan of
    // every statement in order would find it).
    let mut holding: std::collections::HashMap<String, Vec<usize>> = Default::default();
    let mut shared: Vec<usize> = Vec::new();
    for part in parts {
        for step in part.iter() {
            let w = words(&step.text);
            shared.clear();
            shared.resize(all.len(), 0);
            for x in &w {
                for &k in holding.get(x).into_iter().flatten() {
                    shared[k] += 1;
                }
            }
            let same = (0..all.len())
                .find(|&k| shared[k] * 2 >= w.len().max(all[k].0.len()))
                .map(|k| &mut all[k]);
            match same {
                Some((_, s)) => {
                    if s.source.page != step.source.page
                        && !s.also.iter().any(|a| a.page == step.source.page)
                    {
                        s.also.push(step.source.clone());
                    }
                }
                None => {
                    for x in &w {
                        holding.entry(x.clone()).or_default().push(all.len());
                    }
                    all.push((w, step.clone()));
                }
            }
        }
    }
    let mut order: Vec<usize> = (0..all.len()).collect();
    order.sort_by(|&a, &b| {
        all[b]
            .1
            .also
            .len()
            .cmp(&all[a].1.also.len())
            .then(a.cmp(&b))
    });
    order.truncate(MAX_NEXT_STEPS);
    order.sort_unstable();
    order.into_iter().map(|k| all[k].1.clone()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyse::summary::text::test_doc;

    /// A row per phrasing: the sentence, and the kind of next step it states (or none).
    #[test]
    fn next_steps_by_phrasing() {
        let rows = [
            (
                "next summit",
                "The next summit will take place in Accra in 2027.",
                Some("the next meeting"),
            ),
            (
                "second round",
                "A second round of talks is scheduled for April.",
                Some("a second round"),
            ),
            (
                "meet again",
                "Both sides promised to meet again within a month.",
                Some("meet again"),
            ),
            (
                "host the next",
                "Chile will host the next edition.",
                Some("the next meeting"),
            ),
            (
                "follow-up body",
                "A follow-up committee is to report by June.",
                Some("a follow-up"),
            ),
            (
                "deadline",
                "Donors must pledge by the end of the year.",
                Some("a deadline"),
            ),
            (
                "a body to be set up",
                "The ministers agreed to set up a monitoring group.",
                Some("will set up a body"),
            ),
            (
                "the event itself",
                "The summit will focus on trade and climate.",
                None,
            ),
            ("past", "The leaders met in the old town on Friday.", None),
        ];
        for (name, sentence, want) in rows {
            let d = test_doc("/briefings/a/", "A", &[sentence]);
            let got = read(&d, Cues::embedded());
            assert_eq!(
                got.first().map(|s| s.kind.as_str()),
                want,
                "{name}: {sentence}"
            );
        }
    }

    #[test]
    fn one_statement_in_two_outlets_is_one_step() {
        let a = test_doc(
            "/briefings/a/",
            "A",
            &["The next summit will be held in Accra in 2027."],
        );
        let b = test_doc(
            "/briefings/b/",
            "B",
            &["Accra will hold the next summit in 2027, officials said."],
        );
        let parts = [read(&a, Cues::embedded()), read(&b, Cues::embedded())];
        let refs: Vec<&[NextStep]> = parts.iter().map(|p| p.as_slice()).collect();
        let steps = merge(&refs);
        assert_eq!(steps.len(), 1, "{steps:?}");
        assert_eq!(steps[0].also.len(), 1);
    }

    /// A statement joins the first earlier one that shares most of its words, as a scan
    /// of every earlier statement in order would; one sharing nothing stays apart.
    #[test]
    fn a_statement_joins_the_first_that_shares_most_of_its_words() {
        let texts = [
            (
                "/briefings/a/",
                "The next summit will be held in Accra in 2027.",
            ),
            (
                "/briefings/b/",
                "A second round of talks is scheduled for April in Geneva.",
            ),
            (
                "/briefings/c/",
                "Geneva talks: a second round is scheduled for April.",
            ),
            (
                "/briefings/d/",
                "The next summit will be held in Accra in 2027, and a second round of talks is scheduled for April in Geneva.",
            ),
            (
                "/briefings/e/",
                "Ministers will meet again in Lima before the end of June.",
            ),
        ];
        let parts: Vec<Vec<NextStep>> = texts
            .iter()
            .map(|(path, text)| read(&test_doc(path, "T", &[text]), Cues::embedded()))
            .collect();
        assert!(parts.iter().all(|p| p.len() == 1), "{parts:?}");
        let refs: Vec<&[NextStep]> = parts.iter().map(|p| p.as_slice()).collect();
        let steps = merge(&refs);
        let cited =
            |k: usize| -> Vec<&str> { steps[k].also.iter().map(|s| s.page.as_str()).collect() };
        assert_eq!(steps.len(), 3, "{steps:?}");
        assert_eq!(steps[0].source.page, "/briefings/a/");
        assert_eq!(cited(0), ["/briefings/d/"]);
        assert_eq!(steps[1].source.page, "/briefings/b/");
        assert_eq!(cited(1), ["/briefings/c/"]);
        assert_eq!(steps[2].source.page, "/briefings/e/");
        assert!(cited(2).is_empty());
    }
}
