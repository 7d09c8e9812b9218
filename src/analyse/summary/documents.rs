//! The outcome: the statements and documents an event produced ("adopted the Kazan
//! Declaration", "issued a final communiqué"), each with its main points, how many
//! signed it and who did not, every item tied to its sentence (pure). The phrasings
//! are rows of `data/summary_cues.yaml`.

use serde::Serialize;

use super::cues::{Cues, count_value};
use super::rank::compress;
use super::scope::Years;
use super::text::{Doc, SourceRef};
use crate::analyse::gazetteer::{Gazetteer, Target, Via};
use crate::markdown::BlockKind;

/// The most documents, and points per document, the summary keeps.
pub const MAX_DOCUMENTS: usize = 4;
pub const MAX_POINTS: usize = 4;
/// The most decisions the summary keeps.
pub const MAX_DECISIONS: usize = 8;

/// The key of the outcome's decisions: what the participants say they agreed, with no
/// document named.
const DECISIONS: &str = "decisions";

/// A point a document makes, in the words of a sentence about it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Point {
    pub text: String,
    pub source: SourceRef,
}

/// How many signed, as a source puts it.
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct Signatories {
    /// "84 countries", "more than 60 states".
    pub count: String,
    pub value: Option<f64>,
    pub source: SourceRef,
}

/// A party that did not sign or endorse it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct NotSigned {
    /// Gazetteer id and name.
    pub party: String,
    pub name: String,
    pub source: SourceRef,
}

/// A document the event produced.
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct Document {
    /// "Kazan Declaration", "final communiqué".
    pub name: String,
    /// The name as a heading: "Kazan Declaration", "Final communiqué".
    pub label: String,
    /// What was done with it: "adopted", "signed" … (empty when the sources only say
    /// who did not sign).
    pub verbs: Vec<String>,
    pub source: SourceRef,
    /// Other sentences reporting it (other outlets first).
    pub also: Vec<SourceRef>,
    pub points: Vec<Point>,
    pub signatories: Vec<Signatories>,
    /// True when the sources give different signatory counts.
    pub signatories_differ: bool,
    pub not_signed: Vec<NotSigned>,
    /// The sentences behind `not_signed`, once each.
    pub not_signed_sources: Vec<SourceRef>,
}

impl Document {
    /// A document by its name, first reported by `source`, with nothing said of it yet.
    fn new(name: String, source: SourceRef) -> Document {
        Document {
            label: heading(&name),
            name,
            verbs: Vec::new(),
            source,
            also: Vec::new(),
            points: Vec::new(),
            signatories: Vec::new(),
            signatories_differ: false,
            not_signed: Vec::new(),
            not_signed_sources: Vec::new(),
        }
    }
}

/// A document as one briefing reports it.
#[derive(Debug, Clone, PartialEq, serde::Deserialize, serde::Serialize)]
pub struct Found {
    pub key: String,
    /// The head noun of its name: "declaration".
    pub head: String,
    /// Not named ("the final communiqué"), so it may be the one named elsewhere.
    pub unnamed: bool,
    pub doc: Document,
}

/// The unnamed texts a meeting ends with: "the final communiqué", "a joint statement",
/// "the declaration" are one document when no name tells them apart.
const FINAL_TEXTS: &[&str] = &[
    "communiqué",
    "statement",
    "declaration",
    "document",
    "conclusions",
];

/// Prepositions and modifiers that make a party named near a cue not its subject:
/// "ties to Russia", "the Swiss Summit on Peace in Ukraine", "fellow BRICS members".
const NOT_LISTED_BEFORE: &[&str] = &[
    "to", "with", "of", "from", "in", "at", "by", "for", "on", "near", "against", "toward",
    "towards", "between",
];
const NOT_LISTED_AFTER: &[&str] = &[
    "member",
    "members",
    "partner",
    "partners",
    "ally",
    "allies",
    "group",
    "bloc",
    "economic",
    "government",
    "summit",
    "conference",
];

/// "the Kazan Declaration" → "Kazan Declaration"; "a Final Communique" → "final
/// communiqué" (a name keeps its capitals only when it has a proper name in it).
fn name_of(doc: &str) -> String {
    let words: Vec<&str> = doc.split_whitespace().collect();
    let words: Vec<&str> = match words.first().map(|w| w.to_lowercase()) {
        Some(w) if ["the", "a", "an", "its", "their"].contains(&w.as_str()) => words[1..].to_vec(),
        _ => words,
    };
    let common = [
        "final",
        "joint",
        "closing",
        "common",
        "concluding",
        "political",
        "summit",
        "leaders",
        "leaders’",
        "leaders'",
    ];
    let proper = words.len() > 1
        && words[..words.len() - 1].iter().any(|w| {
            w.starts_with(char::is_uppercase) && !common.contains(&w.to_lowercase().as_str())
        });
    let name = words
        .join(" ")
        .replace("Communique", "Communiqué")
        .replace("communique", "communiqué");
    if proper { name } else { name.to_lowercase() }
}

/// A name as a heading: its first letter in capitals.
fn heading(name: &str) -> String {
    let mut c = name.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// The key documents merge by: the name in lower case, singular; one key for the
/// unnamed final texts.
fn key_of(name: &str) -> String {
    let k = name.to_lowercase();
    let k = k.strip_suffix('s').map(str::to_string).unwrap_or(k);
    if name == k && FINAL_TEXTS.contains(&head_of(&k)) {
        return "final text".to_string();
    }
    k
}

/// The head noun of a key: "kazan declaration" → "declaration".
fn head_of(key: &str) -> &str {
    key.rsplit(' ').next().unwrap_or(key)
}

/// The parties a sentence lists in `range` (byte offsets), in order, once each: named
/// as nouns ("India", not "Indian"), not after a preposition or as a modifier ("ties to
/// Russia", "BRICS members"), and after "including" when the range has it.
fn parties_in(
    s: &super::text::Sent,
    range: std::ops::Range<usize>,
    gazetteer: &Gazetteer,
) -> Vec<(String, String)> {
    let text = s.text.as_str();
    let start = text[range.clone()]
        .rfind("including ")
        .map_or(range.start, |i| range.start + i);
    let word = |w: &str| {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
    };
    let mut out: Vec<(String, String)> = Vec::new();
    for m in &s.mentions {
        if m.start < start || m.end > range.end || m.via == Via::Demonym {
            continue;
        }
        let mut before = text[..m.start].split_whitespace().rev().map(word);
        let prev = match before.next() {
            Some(w) if w == "the" => before.next().unwrap_or_default(),
            Some(w) => w,
            None => String::new(),
        };
        let next = text[m.end..]
            .split_whitespace()
            .next()
            .map(word)
            .unwrap_or_default();
        if NOT_LISTED_BEFORE.contains(&prev.as_str()) || NOT_LISTED_AFTER.contains(&next.as_str()) {
            continue;
        }
        if let Target::Party(i) = m.target {
            let p = &gazetteer.parties[i];
            if !out.iter().any(|(id, _)| *id == p.id) {
                out.push((p.id.clone(), p.name.clone()));
            }
        }
    }
    out
}

/// The documents one briefing reports.
pub fn read(doc: &Doc, cues: &Cues, gazetteer: &Gazetteer) -> Vec<Found> {
    let mut out: Vec<Found> = Vec::new();
    // The document the text spoke of last, and the sentence it did.
    let mut last: Option<(usize, usize)> = None;
    // The sentence of the last decision.
    let mut last_decision: Option<usize> = None;
    for (i, s) in doc.sentences.iter().enumerate() {
        if matches!(s.kind, BlockKind::Html) {
            continue;
        }
        let text = s.text.as_str();
        // "We agreed to …", and right after it in the same paragraph "And to set up …".
        let follow_on = last_decision
            .is_some_and(|d| d + 1 == i && doc.sentences[d].block == s.block)
            && cues.decision_follow_on.iter().any(|r| r.re.is_match(text));
        if follow_on || cues.decisions.iter().any(|r| r.re.is_match(text)) {
            add_decision(&mut out, doc, s);
            last_decision = Some(i);
        }
        let near = last.filter(|&(_, at)| i - at <= 3).map(|(k, _)| k);
        let names_document = cues.may_name_document(text);
        // Most sentences neither name a document nor follow one.
        if !names_document && near.is_none() {
            continue;
        }
        let negated = cues.not_signed.iter().find_map(|r| r.re.find(text));
        // A document reported produced.
        let mut here: Option<usize> = None;
        for row in cues.outcome.iter().filter(|_| names_document) {
            let Some(c) = row.re.captures(text) else {
                continue;
            };
            let Some(d) = c.name("doc") else { continue };
            let name = name_of(d.as_str());
            let key = key_of(&name);
            let head = head_of(&name.to_lowercase()).to_string();
            let unnamed = name == name.to_lowercase();
            // "sign a reconciliation agreement": an unnamed document is the event's
            // only in a sentence about the meeting or its participants, or when the
            // briefing has named it already ("the declaration").
            if unnamed && !cues.meeting.is_match(text) && !out.iter().any(|f| f.head == head) {
                continue;
            }
            let verb = c
                .name("verb")
                .filter(|_| negated.is_none())
                .map(|v| cues.past(v.as_str()));
            // "the declaration" after "the Harbour Declaration" is that one.
            let k = match out
                .iter()
                .position(|f| unnamed && !f.unnamed && f.head == head)
                .or_else(|| out.iter().position(|f| f.key == key))
            {
                // Cited once per briefing: its later sentences show as points,
                // counts and parties that did not sign.
                Some(k) => k,
                None => {
                    out.push(Found {
                        key,
                        head,
                        unnamed,
                        doc: Document::new(name, SourceRef::new(doc, s)),
                    });
                    out.len() - 1
                }
            };
            if let Some(v) = verb
                && !out[k].doc.verbs.contains(&v)
            {
                out[k].doc.verbs.push(v);
            }
            here = Some(k);
            break;
        }
        // A sentence that names no document speaks of the last one, if it is near.
        let about = here.or(near);
        if here.is_none()
            && let Some(k) = near
            && cues.points.iter().any(|r| r.re.is_match(text))
        {
            let f = &mut out[k].doc;
            if f.points.len() < MAX_POINTS && !f.points.iter().any(|p| p.text == text) {
                f.points.push(Point {
                    text: compress(text, 40),
                    source: SourceRef::new(doc, s),
                });
            }
        }
        if let Some(k) = here
            && cues.points_inline.is_match(text)
        {
            let f = &mut out[k].doc;
            if f.points.len() < MAX_POINTS {
                f.points.push(Point {
                    text: compress(text, 40),
                    source: SourceRef::new(doc, s),
                });
            }
        }
        if let Some(k) = about {
            // "Twelve of the 92 countries chose not to sign": not a count of signatories.
            for row in cues.signatories.iter().filter(|_| negated.is_none()) {
                if let Some(c) = row.re.captures(text)
                    && let (Some(n), Some(who)) = (c.name("n"), c.name("who"))
                {
                    let count = match c.name("q") {
                        Some(q) => format!(
                            "{} {} {}",
                            q.as_str().to_lowercase(),
                            n.as_str(),
                            who.as_str()
                        ),
                        None => format!("{} {}", n.as_str(), who.as_str()),
                    };
                    out[k].doc.signatories.push(Signatories {
                        value: count_value(n.as_str()),
                        count,
                        source: SourceRef::new(doc, s),
                    });
                    break;
                }
            }
            if let Some(m) = negated {
                // "India and Brazil did not sign": the parties before the cue; "was not
                // signed by India": those after it.
                let mut parties = parties_in(s, 0..m.start(), gazetteer);
                if parties.is_empty() {
                    parties = parties_in(s, m.end()..text.len(), gazetteer);
                }
                for (id, name) in parties {
                    let f = &mut out[k].doc;
                    if !f.not_signed.iter().any(|n| n.party == id) {
                        f.not_signed.push(NotSigned {
                            party: id,
                            name,
                            source: SourceRef::new(doc, s),
                        });
                    }
                }
            }
        }
        if let Some(k) = here {
            last = Some((k, i));
        }
    }
    out
}

/// Adds the decision sentence `s` to the briefing's decisions.
fn add_decision(out: &mut Vec<Found>, doc: &Doc, s: &super::text::Sent) {
    let k = match out.iter().position(|f| f.key == DECISIONS) {
        Some(k) => k,
        None => {
            out.push(Found {
                key: DECISIONS.to_string(),
                head: DECISIONS.to_string(),
                unnamed: false,
                doc: Document {
                    verbs: vec!["agreed".to_string()],
                    ..Document::new(DECISIONS.to_string(), SourceRef::new(doc, s))
                },
            });
            out.len() - 1
        }
    };
    let points = &mut out[k].doc.points;
    let text = compress(&s.text, 40);
    if points.len() < MAX_DECISIONS && !points.iter().any(|p| p.text == text) {
        points.push(Point {
            text,
            source: SourceRef::new(doc, s),
        });
    }
}

/// Leaves out of the decisions the sentences the key points already show (a chair's
/// statement of what was agreed often ranks among them), so that the summary does not
/// say the same thing twice; decisions left with no sentence go. `shown` holds the
/// links of the sentences the key points cite.
pub fn drop_shown_decisions(outcome: &mut Vec<Document>, shown: &[&str]) {
    for d in outcome.iter_mut().filter(|d| d.name == DECISIONS) {
        d.points
            .retain(|p| !shown.contains(&p.source.link.as_str()));
        if let Some(first) = d.points.first() {
            d.source = first.source.clone();
        }
    }
    outcome.retain(|d| d.name != DECISIONS || !d.points.is_empty());
}

/// The documents of all briefings about the event, merged by name (a "declaration"
/// that one outlet does not name joins the named one), those most sources report first.
pub fn merge(parts: &[&[Found]], years: &Years) -> Vec<Document> {
    /// A document across briefings: its key, the head nouns it was named by, whether a
    /// source named it, and each name with how many briefings used it.
    struct Merged {
        key: String,
        heads: Vec<String>,
        unnamed: bool,
        names: Vec<(String, usize)>,
        doc: Document,
    }
    let mut all: Vec<Merged> = Vec::new();
    for part in parts {
        for f in part.iter() {
            if years.other_edition(&f.doc.source.sentence) {
                continue;
            }
            // An unnamed document is the one named with its head noun, if any; a named
            // one takes in the unnamed one that has its head.
            let k = if f.unnamed {
                all.iter()
                    .position(|m| !m.unnamed && m.heads.contains(&f.head))
                    .or_else(|| all.iter().position(|m| m.key == f.key))
            } else {
                all.iter().position(|m| m.key == f.key).or_else(|| {
                    all.iter()
                        .position(|m| m.unnamed && m.heads.contains(&f.head))
                })
            };
            let Some(k) = k else {
                all.push(Merged {
                    key: f.key.clone(),
                    heads: vec![f.head.clone()],
                    unnamed: f.unnamed,
                    names: vec![(f.doc.name.clone(), 1)],
                    doc: f.doc.clone(),
                });
                continue;
            };
            let m = &mut all[k];
            if !m.heads.contains(&f.head) {
                m.heads.push(f.head.clone());
            }
            if m.unnamed && !f.unnamed {
                m.unnamed = false;
                m.key = f.key.clone();
            }
            match m.names.iter_mut().find(|(n, _)| *n == f.doc.name) {
                Some((_, c)) => *c += 1,
                None => m.names.push((f.doc.name.clone(), 1)),
            }
            let d = &mut m.doc;
            for src in std::iter::once(&f.doc.source).chain(&f.doc.also) {
                if d.source.page != src.page && !d.also.iter().any(|a| a.page == src.page) {
                    d.also.push(src.clone());
                }
            }
            for v in &f.doc.verbs {
                if !d.verbs.contains(v) {
                    d.verbs.push(v.clone());
                }
            }
            let cap = if f.key == DECISIONS {
                MAX_DECISIONS
            } else {
                MAX_POINTS
            };
            for p in &f.doc.points {
                if d.points.len() < cap && !d.points.iter().any(|q| q.text == p.text) {
                    d.points.push(p.clone());
                }
            }
            d.signatories.extend(f.doc.signatories.iter().cloned());
            for n in &f.doc.not_signed {
                if !d.not_signed.iter().any(|x| x.party == n.party) {
                    d.not_signed.push(n.clone());
                }
            }
        }
    }
    // A document is called by its name, or by the words most briefings use for it.
    for m in &mut all {
        let named = m
            .names
            .iter()
            .filter(|(n, _)| *n != n.to_lowercase())
            .max_by_key(|(_, c)| *c);
        let best = named.or_else(|| m.names.iter().max_by_key(|(_, c)| *c));
        if let Some((n, _)) = best {
            m.doc.label = heading(n);
            m.doc.name = n.clone();
        }
    }
    let mut docs: Vec<Document> = all.into_iter().map(|m| m.doc).collect();
    for d in &mut docs {
        let mut values: Vec<f64> = d.signatories.iter().filter_map(|s| s.value).collect();
        values.sort_by(f64::total_cmp);
        values.dedup();
        d.signatories_differ = values.len() > 1;
        d.not_signed_sources = Vec::new();
        for n in &d.not_signed {
            if !d.not_signed_sources.iter().any(|s| s.link == n.source.link) {
                d.not_signed_sources.push(n.source.clone());
            }
        }
    }
    // Those most sources report first; a document no source says was produced (only
    // who did not sign it) last.
    // Decisions come after the documents.
    docs.sort_by_key(|d| {
        (
            d.verbs.is_empty(),
            d.name == DECISIONS,
            std::cmp::Reverse(d.also.len()),
        )
    });
    docs.truncate(MAX_DOCUMENTS);
    docs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyse::summary::text::test_doc;

    fn found(paragraphs: &[&str]) -> Vec<Found> {
        let d = test_doc("/briefings/a/", "Outlet", paragraphs);
        read(&d, Cues::embedded(), Gazetteer::embedded())
    }

    /// A row per phrasing: the sentence and the document it reports (name, verb).
    #[test]
    fn documents_by_phrasing() {
        /// Name, sentence, and the document (name, verb) it reports.
        type Row<'a> = (&'a str, &'a str, Option<(&'a str, &'a str)>);
        let rows: &[Row] = &[
            (
                "verb before a named document",
                "On the last day the leaders adopted the Harbour Declaration.",
                Some(("Harbour Declaration", "adopted")),
            ),
            (
                "verb before an unnamed document",
                "The ministers issued a final communique after the talks.",
                Some(("final communiqué", "issued")),
            ),
            (
                "passive",
                "A joint statement was approved by all delegations.",
                Some(("joint statement", "approved")),
            ),
            (
                "the signing of",
                "The meeting ended with the signing of the Lakeside Accord.",
                Some(("Lakeside Accord", "signed")),
            ),
            (
                "in a final document, the leaders pledged",
                "In a final declaration, the leaders pledged to double aid.",
                Some(("final declaration", "")),
            ),
            (
                "according to the final document",
                "Leaders named rising seas the gravest threat, according to the final communique.",
                Some(("final communiqué", "")),
            ),
            (
                "a ministry's statement is not the event's",
                "The ministry said in a statement that it would not attend.",
                None,
            ),
            (
                "an unnamed document outside the meeting",
                "Returnees are made to sign a loyalty agreement at the border.",
                None,
            ),
            (
                "a noun that looks like the verb",
                "The envoy raised issues mentioned in the Harbour Declaration.",
                None,
            ),
            (
                "a document without a verb of adoption",
                "Diplomats were still arguing over the declaration late on Friday.",
                None,
            ),
        ];
        for (name, sentence, want) in rows {
            let got = found(&[sentence]);
            let got = got.first().map(|f| {
                (
                    f.doc.name.clone(),
                    f.doc.verbs.first().cloned().unwrap_or_default(),
                )
            });
            let want = want.map(|(n, v)| (n.to_string(), v.to_string()));
            assert_eq!(got, want, "{name}: {sentence}");
        }
    }

    #[test]
    fn a_sentence_citing_the_document_is_a_point_of_it() {
        let f = found(&[
            "Leaders named rising seas the gravest threat, according to the final communique.",
        ]);
        assert_eq!(f.len(), 1, "{f:?}");
        let points: Vec<&str> = f[0].doc.points.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(
            points,
            ["Leaders named rising seas the gravest threat, according to the final communique."]
        );
    }

    #[test]
    fn points_signatories_and_parties_that_did_not_sign_attach_to_the_document() {
        let f = found(&[
            "The summit adopted the Harbour Declaration on Friday.",
            "The declaration calls for a ceasefire within thirty days. It also urges donors to fund schools.",
            "In the end, 41 countries signed it. India and Brazil did not sign the declaration.",
            "The weather was mild.",
        ]);
        assert_eq!(f.len(), 1, "{f:?}");
        let d = &f[0].doc;
        assert_eq!(d.name, "Harbour Declaration");
        assert_eq!(d.verbs, ["adopted"]);
        let points: Vec<&str> = d.points.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(
            points,
            [
                "The declaration calls for a ceasefire within thirty days.",
                "It also urges donors to fund schools."
            ]
        );
        assert_eq!(d.signatories.len(), 1);
        assert_eq!(d.signatories[0].count, "41 countries");
        let not: Vec<&str> = d.not_signed.iter().map(|n| n.party.as_str()).collect();
        assert_eq!(not, ["india", "brazil"], "{:?}", d.not_signed);
        assert!(d.not_signed[0].source.link.starts_with("/briefings/a/#s3-"));
    }

    /// A row per phrasing: a sentence after "The summit adopted a final communiqué." and
    /// the parties it says did not sign.
    #[test]
    fn who_did_not_sign_by_phrasing() {
        let rows: &[(&str, &str, &[&str])] = &[
            (
                "list before the cue",
                "Chile, Peru and Kenya took part but did not sign the communiqué.",
                &["chile", "peru", "kenya"],
            ),
            (
                "two words between the negation and the verb",
                "Chile and Peru attended but did not agree to sign the final statement.",
                &["chile", "peru"],
            ),
            (
                "a relative clause naming another party",
                "Chile and Peru, which have close trade ties with China, did not sign the text.",
                &["chile", "peru"],
            ),
            (
                "including, after a bloc as modifier",
                "Several states close to Russia, including fellow BRICS members Brazil and India, declined to sign the declaration.",
                &["brazil", "india"],
            ),
            (
                "the list after the cue",
                "Nations that chose to abstain included Peru and Kenya.",
                &["peru", "kenya"],
            ),
            (
                "not on the list of supporting states",
                "Chile was not included in the list of supporting states shown in the hall.",
                &["chile"],
            ),
            (
                "the event's name is not a party",
                "Ten of the 80 states at the Swiss Summit on Peace in Ukraine chose not to sign the final communiqué.",
                &[],
            ),
        ];
        for (name, sentence, want) in rows {
            let f = found(&["The summit adopted a final communiqué.", sentence]);
            let got: Vec<&str> = f
                .iter()
                .flat_map(|f| f.doc.not_signed.iter().map(|n| n.party.as_str()))
                .collect();
            assert_eq!(got, *want, "{name}: {sentence}");
            assert_eq!(f.len(), 1, "{name}: one document: {f:?}");
        }
    }

    /// What the participants say they agreed is the outcome's decisions, with the verbless
    /// follow-on of one; a refusal to agree and a follow-on elsewhere are not.
    #[test]
    fn decisions_by_phrasing() {
        let f = found(&[
            "We agreed on a common approach to drought. And to set up a new half-billion water fund.",
            "The 27 Pacific leaders also agreed to set up a fisheries commission.",
            "Ministers have not agreed on a date.",
            "And to think it nearly failed.",
            "Participants in the talks in Suva made the decision to set up three working groups.",
            "Ministers of a group of “like-minded states” who reached an agreement on joint checks of new vessels met on day two.",
            "The envoy, who decided to stay home, sent a message.",
            "On debt, an agreement has been reached within the creditors' committee on Tonga's loans.",
            "It was also agreed to review the fund's rules next year.",
        ]);
        let d = f.iter().find(|f| f.key == DECISIONS).map(|f| &f.doc);
        let points: Vec<&str> = d
            .map(|d| d.points.iter().map(|p| p.text.as_str()).collect())
            .unwrap_or_default();
        assert_eq!(
            points,
            [
                "We agreed on a common approach to drought.",
                "And to set up a new half-billion water fund.",
                "The 27 Pacific leaders also agreed to set up a fisheries commission.",
                "Participants in the talks in Suva made the decision to set up three working groups.",
                "Ministers of a group of “like-minded states” who reached an agreement on joint checks of new vessels met on day two.",
                "On debt, an agreement has been reached within the creditors' committee on Tonga's loans.",
                "It was also agreed to review the fund's rules next year."
            ],
            "{f:?}"
        );
        assert_eq!(d.map(|d| d.verbs.clone()), Some(vec!["agreed".to_string()]));
        // After the event's documents.
        let with_doc = found(&[
            "Leaders agreed to meet again in May.",
            "The summit adopted the Harbour Declaration.",
        ]);
        let refs: Vec<&[Found]> = vec![with_doc.as_slice()];
        let docs = merge(&refs, &Years::of(Some("2024-06-01"), Some("2024-06-02")));
        let names: Vec<&str> = docs.iter().map(|d| d.name.as_str()).collect();
        assert_eq!(names, ["Harbour Declaration", DECISIONS]);
        assert_eq!(docs[1].label, "Decisions");
    }

    #[test]
    fn outlets_merge_by_name_and_differing_counts_are_flagged() {
        let a = test_doc(
            "/briefings/a/",
            "A",
            &["Leaders adopted the Harbour Declaration. In the end, 41 countries signed it."],
        );
        let b = test_doc(
            "/briefings/b/",
            "B",
            &["The final declaration was adopted on Friday and endorsed by 44 countries."],
        );
        let c = test_doc(
            "/briefings/c/",
            "C",
            &["In 2019 the summit adopted the Valley Charter."],
        );
        let (cues, g) = (Cues::embedded(), Gazetteer::embedded());
        let parts: Vec<Vec<Found>> = [&a, &b, &c].iter().map(|d| read(d, cues, g)).collect();
        let refs: Vec<&[Found]> = parts.iter().map(|p| p.as_slice()).collect();
        let docs = merge(&refs, &Years::of(Some("2024-06-01"), Some("2024-06-02")));
        let names: Vec<&str> = docs.iter().map(|d| d.name.as_str()).collect();
        // B's unnamed "final declaration" is A's named one; C's is another edition's.
        assert_eq!(names, ["Harbour Declaration"]);
        assert_eq!(docs[0].also.len(), 1);
        assert_eq!(docs[0].also[0].page, "/briefings/b/");
        let counts: Vec<&str> = docs[0]
            .signatories
            .iter()
            .map(|s| s.count.as_str())
            .collect();
        assert_eq!(counts, ["41 countries", "44 countries"]);
        assert!(docs[0].signatories_differ);
    }

    #[test]
    fn decisions_the_key_points_show_are_left_out() {
        let src = |link: &str| SourceRef {
            link: link.to_string(),
            page: String::new(),
            anchor: String::new(),
            title: String::new(),
            source: None,
            label: String::new(),
            seed: None,
            sentence: String::new(),
        };
        let point = |link: &str| Point {
            text: link.to_string(),
            source: src(link),
        };
        let decisions = |links: &[&str]| Document {
            points: links.iter().map(|l| point(l)).collect(),
            ..Document::new(DECISIONS.to_string(), src(links[0]))
        };
        let declaration = Document::new("Lisbon Declaration".to_string(), src("/b/#s1"));
        let mut outcome = vec![declaration.clone(), decisions(&["/a/#s1", "/a/#s2"])];
        drop_shown_decisions(&mut outcome, &["/a/#s1", "/b/#s1"]);
        assert_eq!(outcome.len(), 2);
        assert_eq!(
            outcome[0], declaration,
            "other documents are left as they are"
        );
        let left: Vec<&str> = outcome[1].points.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(left, ["/a/#s2"]);
        assert_eq!(outcome[1].source.link, "/a/#s2");
        drop_shown_decisions(&mut outcome, &["/a/#s2"]);
        assert_eq!(outcome, vec![declaration], "decisions with nothing left go");
    }
}
