//! What the texts state about who took part: each clause that says a party attended,
//! observed, stayed away or was not invited, with the parties it names (pure).
//!
//! The attendance analysis resolves these into one status per party; the summary uses
//! the statements only to show, in the texts' own words, where outlets contradict each
//! other (one says a country refrained, another that it was not invited).

use std::sync::LazyLock;

use regex::Regex;
use serde::Serialize;

use super::text::{Doc, FxMap, FxSet, SourceRef};
use crate::analyse::gazetteer::{Gazetteer, Mention, Target, Via};

/// One party's part as one sentence states it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stance {
    /// Gazetteer id of the party.
    pub party: String,
    pub name: String,
    /// `attended`, `observer`, `boycotted` or `not_invited`.
    pub status: String,
    pub source: SourceRef,
    #[serde(skip)]
    pub doc: usize,
}

/// Parties the texts place differently.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StanceDifference {
    pub party: String,
    pub name: String,
    pub stances: Vec<Stance>,
}

/// Any cue at all: most sentences have none, and this one pass rules them out.
static CUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)invited|excluded|observer|refrain|boycott|declined|refused|stay|stayed|not|won't|attend|sent|participat|took part")
        .expect("cue prefilter")
});

static CLAUSE_SPLIT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r",? while |; |, whereas |, but ").expect("clause split"));

static NOT_INVITED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:(?:not|never)\s+(?:been\s+|being\s+)?invited|uninvited|excluded from)\b")
        .expect("not invited")
});
static OBSERVER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\bas (?:an? |the )?observers?\b").expect("observer"));
static BOYCOTT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:refrain(?:ed|s)? from (?:participating|attending|taking part)|boycott(?:ed|s)?\b|declined to (?:attend|participate|take part)|refused to (?:attend|participate|take part)|stay(?:ed)? away|(?:did|will|would|does|do|could)(?: also)? not (?:attend|participate|take part|go)|won't attend|not to attend)")
        .expect("boycott")
});
static ATTENDED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:attended|attend|attending|attendees included|sent (?:representatives|a delegation|delegations)|participated|took part|will attend)\b")
        .expect("attended")
});
static PASSIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:attended by|attendees included)\b").expect("passive attendance")
});
/// Requests and calls are not statuses: "urged the UN to forgo", "called … to boycott".
static REQUEST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:urge[sd]?|call(?:ed|s)? (?:on|the|for)|ask(?:ed|s)?|should|second round|next round|fifth round)\b")
        .expect("request")
});

/// Nouns after a demonym that make it a party ("a Russian delegation").
const DEMONYM_PARTY_NOUNS: &[&str] = &[
    "delegation",
    "delegations",
    "representatives",
    "representative",
    "officials",
    "government",
    "side",
    "team",
    "envoy",
    "minister",
];

/// The statements one sentence makes.
pub fn stances_in(sentence: &str, gazetteer: &Gazetteer) -> Vec<(String, String, String)> {
    stances_with(sentence, &gazetteer.mentions(sentence), gazetteer)
}

/// [`stances_in`] with the sentence's mentions already found.
pub fn stances_with(
    sentence: &str,
    mentions: &[Mention],
    gazetteer: &Gazetteer,
) -> Vec<(String, String, String)> {
    if !CUE.is_match(sentence) {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut from = 0;
    let mut clauses: Vec<(usize, usize)> = Vec::new();
    for m in CLAUSE_SPLIT.find_iter(sentence) {
        clauses.push((from, m.start()));
        from = m.end();
    }
    clauses.push((from, sentence.len()));
    for (cs, ce) in clauses {
        let clause = &sentence[cs..ce];
        if REQUEST.is_match(clause) {
            continue;
        }
        let (status, cue) = if let Some(m) = NOT_INVITED.find(clause) {
            ("not_invited", m)
        } else if let Some(m) = OBSERVER.find(clause) {
            ("observer", m)
        } else if let Some(m) = BOYCOTT.find(clause) {
            ("boycotted", m)
        } else if let Some(m) = ATTENDED.find(clause) {
            ("attended", m)
        } else {
            continue;
        };
        let passive = status == "attended" && PASSIVE.is_match(clause);
        for m in mentions.iter().filter(|m| m.start >= cs && m.end <= ce) {
            let m = Mention {
                start: m.start - cs,
                end: m.end - cs,
                ..*m
            };
            let Target::Party(i) = m.target else { continue };
            if m.via == Via::Capital {
                continue; // "allies of Damascus": a capital here is not a delegation
            }
            if m.via == Via::Demonym {
                let next = clause[m.end..].split_whitespace().next().unwrap_or("");
                let next = next
                    .trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase();
                if !DEMONYM_PARTY_NOUNS.contains(&next.as_str()) {
                    continue;
                }
            }
            // Active clauses name the subject before the cue, passive ones after it.
            let placed = if passive {
                m.start > cue.start()
            } else {
                m.end <= cue.start()
            };
            if !placed {
                continue;
            }
            let p = &gazetteer.parties[i];
            if !out
                .iter()
                .any(|(id, _, _): &(String, String, String)| id == &p.id)
            {
                out.push((p.id.clone(), p.name.clone(), status.to_string()));
            }
        }
    }
    out
}

/// The statements of one briefing, in reading order (`doc` is 0 until [`merge`]
/// places them).
pub fn read(doc: &Doc, gazetteer: &Gazetteer) -> Vec<Stance> {
    let mut out = Vec::new();
    for s in doc.sentences.iter() {
        for (party, name, status) in stances_with(&s.text, &s.mentions, gazetteer) {
            out.push(Stance {
                party,
                name,
                status,
                source: SourceRef::new(doc, s),
                doc: 0,
            });
        }
    }
    out
}

/// Every statement of every briefing.
pub fn stances(docs: &[Doc], gazetteer: &Gazetteer) -> Vec<Stance> {
    let parts: Vec<Vec<Stance>> = docs.iter().map(|d| read(d, gazetteer)).collect();
    merge(&parts.iter().map(Vec::as_slice).collect::<Vec<_>>())
}

/// Every statement from each briefing's [`read`] (`parts[d]` of briefing `d`).
pub fn merge(parts: &[&[Stance]]) -> Vec<Stance> {
    parts
        .iter()
        .enumerate()
        .flat_map(|(d, part)| {
            part.iter().map(move |s| Stance {
                doc: d,
                ..s.clone()
            })
        })
        .collect()
}

/// Parties whose statements from different briefings disagree (attended vs stayed
/// away, stayed away vs not invited); an observer who "attended as an observer" agrees.
/// Linear: statements are grouped by party and status, and the first statement of
/// each status stands for it.
pub fn differences(stances: &[Stance]) -> Vec<StanceDifference> {
    let compatible = |a: &str, b: &str| {
        a == b || matches!((a, b), ("observer", "attended") | ("attended", "observer"))
    };
    // party -> status -> (first statement, the briefings stating it, as a set too)
    type ByStatus<'a> = Vec<(&'a Stance, Vec<usize>, FxSet<usize>)>;
    let mut by_party: Vec<(&str, ByStatus)> = Vec::new();
    let mut index: FxMap<&str, usize> = Default::default();
    for s in stances {
        let k = *index.entry(s.party.as_str()).or_insert_with(|| {
            by_party.push((s.party.as_str(), Vec::new()));
            by_party.len() - 1
        });
        let statuses = &mut by_party[k].1;
        match statuses.iter_mut().find(|(f, _, _)| f.status == s.status) {
            Some((_, docs, seen)) => {
                if seen.insert(s.doc) {
                    docs.push(s.doc);
                }
            }
            None => statuses.push((s, vec![s.doc], FxSet::from_iter([s.doc]))),
        }
    }
    let mut out = Vec::new();
    for (_, statuses) in by_party {
        let mut shown: Vec<Stance> = Vec::new();
        for (i, (a, da, _)) in statuses.iter().enumerate() {
            for (b, db, _) in &statuses[i + 1..] {
                let other_doc = da.iter().any(|x| db.iter().any(|y| y != x));
                if !compatible(&a.status, &b.status) && other_doc {
                    for s in [*a, *b] {
                        if !shown
                            .iter()
                            .any(|x| x.source.link == s.source.link && x.status == s.status)
                        {
                            shown.push(s.clone());
                        }
                    }
                }
            }
        }
        // Every sentence behind a disagreeing status, so each outlet's words are shown.
        if !shown.is_empty() {
            let statuses_shown: Vec<String> = shown.iter().map(|s| s.status.clone()).collect();
            let party = shown[0].party.clone();
            for s in stances
                .iter()
                .filter(|s| s.party == party && statuses_shown.contains(&s.status))
            {
                if shown.len() < 6
                    && !shown
                        .iter()
                        .any(|x| x.source.link == s.source.link && x.status == s.status)
                {
                    shown.push(s.clone());
                }
            }
            out.push(StanceDifference {
                party: shown[0].party.clone(),
                name: shown[0].name.clone(),
                stances: shown,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn st(s: &str) -> Vec<(String, String)> {
        stances_in(s, Gazetteer::embedded())
            .into_iter()
            .map(|(id, _, status)| (id, status))
            .collect()
    }

    fn pair(id: &str, status: &str) -> (String, String) {
        (id.to_string(), status.to_string())
    }

    #[test]
    fn statements_from_the_seeds() {
        assert_eq!(
            st("Jordan did not attend the conference, while Turkey was not invited."),
            [pair("jordan", "boycotted"), pair("turkey", "not_invited")]
        );
        let s = st(
            "The US, Canada, the European Union (EU), Jordan, and Turkey refrained from participating in the Conference due to what they described as “the lack of safe conditions for the return of [Syrian] refugees”.",
        );
        assert_eq!(s.len(), 5, "{s:?}");
        assert!(s.iter().all(|(_, st)| st == "boycotted"));
        let s = st(
            "On the other hand, the Conference was attended by a large Russian delegation and representatives of some allied countries of Damascus, such as Venezuela, Iran and China (countries that do not host Syrian refugees), in addition to six Arab countries, namely Lebanon, Somalia, Palestine, Iraq, Mauritania and Oman, while the United Nations (UN) attended as an observer.",
        );
        assert!(
            s.contains(&pair("russia", "attended")) && s.contains(&pair("oman", "attended")),
            "{s:?}"
        );
        assert!(!s.iter().any(|(id, _)| id == "syria"), "{s:?}");
        assert!(s.contains(&pair("united-nations", "observer")));
        assert!(st("Washington has already called the international community to boycott the Russia-led refugee conference.").is_empty());
        assert!(st("Turkey hosts the largest number of refugees in the world.").is_empty());
    }

    #[test]
    fn statements_in_other_phrasing() {
        assert_eq!(
            st("Egypt stayed away, but Qatar sent a delegation."),
            [pair("egypt", "boycotted"), pair("qatar", "attended")]
        );
        assert_eq!(
            st("Israel was never invited to the talks."),
            [pair("israel", "not_invited")]
        );
    }
}
