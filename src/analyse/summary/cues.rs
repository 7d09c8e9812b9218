//! The summary's phrase table: how news reports an event's outcome, its participant
//! counts and what comes next, loaded from `data/summary_cues.yaml` (one row a
//! phrasing, each with an example of our own that the tests read back).

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder};
use regex::Regex;
use serde::Deserialize;

const EMBEDDED: &str = include_str!("../../../data/summary_cues.yaml");

/// One phrasing: its name, its compiled pattern and the example it must read.
#[derive(Debug)]
pub struct Row {
    pub name: String,
    pub re: Regex,
    pub example: String,
}

/// The stance a participant count is given in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stance {
    Absent,
    Attended,
    Expected,
    Invited,
    NotInvited,
}

impl Stance {
    pub fn as_str(self) -> &'static str {
        match self {
            Stance::Absent => "absent",
            Stance::Attended => "attended",
            Stance::Expected => "expected",
            Stance::Invited => "invited",
            Stance::NotInvited => "not_invited",
        }
    }
}

/// The table, compiled.
#[derive(Debug)]
pub struct Cues {
    pub outcome: Vec<Row>,
    pub points: Vec<Row>,
    pub not_signed: Vec<Row>,
    pub signatories: Vec<Row>,
    pub participants: Vec<Row>,
    pub next_steps: Vec<Row>,
    /// Decisions the participants state they took ("We agreed to …"), and the follow-on
    /// of one without its verb ("And to set up …").
    pub decisions: Vec<Row>,
    pub decision_follow_on: Vec<Row>,
    /// Words that make a count one of signatories, not of participants.
    pub not_participation: Regex,
    /// A document sentence that also says what the document does.
    pub points_inline: Regex,
    /// Words that tie an unnamed document to the event (`meeting_words`).
    pub meeting: Regex,
    /// A document, named or not (`{DOC}` alone).
    pub document: Regex,
    /// Participant nouns, longest first, with their class.
    pub who: Vec<(String, String)>,
    /// Participation cues in the order they are tried, with the stance each gives.
    pub participation: Vec<(Regex, Stance)>,
    /// Each inflected verb form, lower case, and its past form ("signing" → "signed").
    past: std::collections::HashMap<String, String>,
    /// The document head nouns, and the participant nouns, found in one pass: a
    /// sentence with none skips every pattern that needs one (the patterns are costly).
    heads: AhoCorasick,
    who_nouns: AhoCorasick,
}

#[derive(Deserialize)]
struct RowFile {
    name: String,
    pattern: String,
    example: String,
}

#[derive(Deserialize)]
struct WhoFile {
    noun: String,
    class: String,
}

#[derive(Deserialize)]
struct CueFile {
    pattern: String,
    stance: Stance,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    documents: Vec<String>,
    verbs: Vec<String>,
    not_verbs: Vec<String>,
    meeting_words: String,
    outcome: Vec<RowFile>,
    points: Vec<RowFile>,
    not_signed: Vec<RowFile>,
    signatories: Vec<RowFile>,
    participants: Vec<RowFile>,
    who: Vec<WhoFile>,
    participation_cues: Vec<CueFile>,
    not_participation: String,
    points_inline: String,
    next_steps: Vec<RowFile>,
    decisions: Vec<RowFile>,
    decision_follow_on: Vec<RowFile>,
}

/// Number words a count may be written in.
const NUMBER_WORDS: &str = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred";

/// Hedges a count may carry.
pub const QUALIFIERS: &str = "at least|nearly|almost|about|around|approximately|roughly|more than|over|under|less than|fewer than|up to|close to|just over|just under|some|only|all";

/// The inflected forms of a verb stem ("adopt" → adopt|adopts|adopted|adopting); a
/// multiword stem inflects its first word ("agree on" → "agreed on").
fn inflections(stem: &str) -> Vec<String> {
    let (head, tail) = match stem.split_once(' ') {
        Some((h, t)) => (h, format!(r"\s+{}", regex::escape(t))),
        None => (stem, String::new()),
    };
    let mut forms = vec![head.to_string(), format!("{head}s")];
    if let Some(base) = head.strip_suffix('e') {
        forms.push(format!("{head}d"));
        forms.push(format!("{base}ing"));
    } else if let Some(base) = head.strip_suffix('y') {
        forms.push(format!("{base}ied"));
        forms.push(format!("{base}ies"));
        forms.push(format!("{head}ing"));
    } else {
        forms.push(format!("{head}ed"));
        forms.push(format!("{head}ing"));
    }
    forms.into_iter().map(|f| format!("{f}{tail}")).collect()
}

fn alternation(words: &[String]) -> String {
    let mut w: Vec<&String> = words.iter().collect();
    // Longest first, so "joint statement" wins over "statement".
    w.sort_by_key(|s| std::cmp::Reverse(s.len()));
    w.iter()
        .map(|s| regex::escape(s).replace(' ', r"\s+"))
        .collect::<Vec<_>>()
        .join("|")
}

impl Cues {
    /// The table shipped in the binary, compiled once.
    pub fn embedded() -> &'static Cues {
        static C: OnceLock<Cues> = OnceLock::new();
        C.get_or_init(|| {
            Cues::from_yaml(EMBEDDED).expect("the embedded summary cues are valid (tested)")
        })
    }

    pub fn from_yaml(text: &str) -> Result<Cues, String> {
        let f: File = serde_yaml::from_str(text).map_err(|e| e.to_string())?;
        let heads = alternation(&f.documents);
        let verbs: Vec<String> = f
            .verbs
            .iter()
            .flat_map(|v| inflections(v))
            .filter(|v| !f.not_verbs.contains(v))
            .collect();
        let finder = |words: Vec<String>| {
            AhoCorasickBuilder::new()
                .ascii_case_insensitive(true)
                .build(words)
                .map_err(|e| e.to_string())
        };
        // "communiqué" is also found as "communique" (a row of its own).
        let heads_finder = finder(
            f.documents
                .iter()
                .map(|d| d.split_whitespace().last().unwrap_or(d).to_string())
                .collect(),
        )?;
        let who_finder = finder(
            f.who
                .iter()
                .map(|w| {
                    w.noun
                        .split_whitespace()
                        .last()
                        .unwrap_or(&w.noun)
                        .to_string()
                })
                .collect(),
        )?;
        let mut past = std::collections::HashMap::new();
        for v in &f.verbs {
            let forms = inflections(v);
            // The past form is the third: adopted, issued, ratified.
            let p = forms[2].replace(r"\s+", " ");
            for form in forms {
                past.insert(form.replace(r"\s+", " "), p.clone());
            }
        }
        let who_nouns: Vec<String> = f.who.iter().map(|w| w.noun.clone()).collect();
        let doc = format!(
            r"(?P<doc>(?:(?:the|a|an|its|their)\s+)?(?:(?-i:[A-Z])[\w’'-]*\s+){{0,4}}?(?:(?:final|joint|closing|common|concluding|political|summit|leaders[’']?|peace|trade|ceasefire|security|climate|partnership|cooperation|strategic|nuclear)\s+){{0,2}}(?:{heads})s?)\b"
        );
        let number = format!(
            r"(?:(?P<q>{QUALIFIERS})\s+)?(?P<n>\d{{1,3}}(?:,\d{{3}})+|\d+|(?:a|two|three|several)\s+dozen|a\s+(?:hundred|thousand)|(?:dozens|scores|hundreds)\s+of|(?:{NUMBER_WORDS})(?:[- ](?:{NUMBER_WORDS}))?)\b"
        );
        let fill = |p: &str| -> String {
            p.replace("{DOC}", &doc)
                .replace("{DOCHEAD}", &format!("(?:{heads})s?"))
                .replace(
                    "{DOCREF}",
                    &format!("(?:{heads}|document|text|statement|proclamation)s?"),
                )
                .replace("{VERB}", &format!("(?P<verb>{})", alternation(&verbs)))
                .replace("{N}", &number)
                .replace("{WHO}", &format!("(?P<who>{})", alternation(&who_nouns)))
        };
        let compile = |p: &str| Regex::new(&format!("(?i){}", fill(p)));
        let rows = |v: &[RowFile], part: &str| -> Result<Vec<Row>, String> {
            v.iter()
                .map(|r| {
                    Ok(Row {
                        name: r.name.clone(),
                        re: compile(&r.pattern)
                            .map_err(|e| format!("{part} row {:?}: {e}", r.name))?,
                        example: r.example.clone(),
                    })
                })
                .collect()
        };
        let mut who: Vec<(String, String)> = f
            .who
            .iter()
            .map(|w| (w.noun.clone(), w.class.clone()))
            .collect();
        who.sort_by_key(|(n, _)| std::cmp::Reverse(n.len()));
        let participation = f
            .participation_cues
            .iter()
            .map(|c| {
                Regex::new(&format!("(?i){}", c.pattern))
                    .map(|re| (re, c.stance))
                    .map_err(|e| format!("participation cue {:?}: {e}", c.pattern))
            })
            .collect::<Result<_, _>>()?;
        Ok(Cues {
            outcome: rows(&f.outcome, "outcome")?,
            points: rows(&f.points, "points")?,
            not_signed: rows(&f.not_signed, "not_signed")?,
            signatories: rows(&f.signatories, "signatories")?,
            participants: rows(&f.participants, "participants")?,
            next_steps: rows(&f.next_steps, "next_steps")?,
            decisions: rows(&f.decisions, "decisions")?,
            decision_follow_on: rows(&f.decision_follow_on, "decision_follow_on")?,
            document: compile("{DOC}").map_err(|e| e.to_string())?,
            meeting: compile(&f.meeting_words).map_err(|e| format!("meeting_words: {e}"))?,
            not_participation: compile(&f.not_participation)
                .map_err(|e| format!("not_participation: {e}"))?,
            points_inline: compile(&f.points_inline).map_err(|e| format!("points_inline: {e}"))?,
            who,
            participation,
            past,
            heads: heads_finder,
            who_nouns: who_finder,
        })
    }

    /// The class of a participant noun as the text writes it ("Heads of State" →
    /// `leaders`).
    pub fn class_of(&self, noun: &str) -> Option<&str> {
        let n = noun
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase();
        self.who
            .iter()
            .find(|(w, _)| *w == n)
            .map(|(_, c)| c.as_str())
    }

    /// Whether a sentence has a document's head noun: without one no outcome pattern
    /// can match.
    pub fn may_name_document(&self, text: &str) -> bool {
        self.heads.is_match(text)
    }

    /// Whether a sentence has a participant noun: without one no count pattern can
    /// match.
    pub fn may_count(&self, text: &str) -> bool {
        self.who_nouns.is_match(text)
    }

    /// The past form of a verb as matched ("signing" → "signed").
    pub fn past(&self, form: &str) -> String {
        let f = form
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase();
        self.past.get(&f).cloned().unwrap_or(f)
    }

    /// The stance the participation cues give a clause, if any.
    pub fn stance(&self, clause: &str) -> Option<Stance> {
        self.participation
            .iter()
            .find(|(re, _)| re.is_match(clause))
            .map(|(_, s)| *s)
    }

    /// Every row of the table with the part it belongs to.
    pub fn rows(&self) -> impl Iterator<Item = (&'static str, &Row)> {
        [
            ("outcome", &self.outcome),
            ("points", &self.points),
            ("not_signed", &self.not_signed),
            ("signatories", &self.signatories),
            ("participants", &self.participants),
            ("next_steps", &self.next_steps),
            ("decisions", &self.decisions),
            ("decision_follow_on", &self.decision_follow_on),
        ]
        .into_iter()
        .flat_map(|(name, v)| v.iter().map(move |r| (name, r)))
    }
}

/// The value of a count as written: "1,600" → 1600, "two dozen" → 24, "forty-two" → 42;
/// `None` for vague amounts ("dozens of").
pub fn count_value(n: &str) -> Option<f64> {
    let n = n.trim().to_lowercase();
    if let Ok(v) = n.replace(',', "").parse::<f64>() {
        return Some(v);
    }
    if n.ends_with(" of") {
        return None;
    }
    let word = |w: &str| -> Option<f64> {
        let v = match w {
            "a" | "one" => 1,
            "two" => 2,
            "three" => 3,
            "four" => 4,
            "five" => 5,
            "six" => 6,
            "seven" => 7,
            "eight" => 8,
            "nine" => 9,
            "ten" => 10,
            "eleven" => 11,
            "twelve" => 12,
            "thirteen" => 13,
            "fourteen" => 14,
            "fifteen" => 15,
            "sixteen" => 16,
            "seventeen" => 17,
            "eighteen" => 18,
            "nineteen" => 19,
            "twenty" => 20,
            "thirty" => 30,
            "forty" => 40,
            "fifty" => 50,
            "sixty" => 60,
            "seventy" => 70,
            "eighty" => 80,
            "ninety" => 90,
            "hundred" => 100,
            "thousand" => 1000,
            _ => return None,
        };
        Some(v as f64)
    };
    let parts: Vec<&str> = n.split(['-', ' ']).filter(|w| !w.is_empty()).collect();
    match parts.as_slice() {
        [w, "dozen"] if *w == "several" => None,
        [w, "dozen"] => word(w).map(|v| v * 12.0),
        [a, "hundred"] => word(a).map(|v| v * 100.0),
        [a, b] => Some(word(a)? + word(b)?),
        [a] => word(a),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_reads_its_own_example() {
        let c = Cues::embedded();
        let mut names = std::collections::HashSet::new();
        for (part, row) in c.rows() {
            assert!(
                names.insert(format!("{part}/{}", row.name)),
                "{part}: row {:?} twice",
                row.name
            );
            assert!(
                row.re.is_match(&row.example),
                "{part} row {:?} does not read its example {:?}",
                row.name,
                row.example
            );
        }
        assert!(names.len() >= 20, "{}", names.len());
    }

    #[test]
    fn verbs_inflect_from_their_stems() {
        assert!(inflections("adopt").contains(&"adopted".to_string()));
        assert!(inflections("issue").contains(&"issuing".to_string()));
        assert!(inflections("ratify").contains(&"ratified".to_string()));
        assert!(inflections("agree on").contains(&r"agreed\s+on".to_string()));
    }

    #[test]
    fn a_document_is_named_by_its_capitalised_words() {
        let c = Cues::embedded();
        for (text, doc) in [
            (
                "they adopted the Harbour Declaration today",
                "the Harbour Declaration",
            ),
            ("issued a final communiqué", "a final communiqué"),
            ("signed a joint statement on trade", "a joint statement"),
        ] {
            let m = c.document.captures(text).expect(text);
            assert_eq!(&m["doc"], doc, "{text}");
        }
        // A bare "statement" is any ministry's, not the event's.
        assert!(c.document.captures("said in a statement").is_none());
    }

    #[test]
    fn counts_read_digits_words_and_dozens() {
        for (n, v) in [
            ("1,600", Some(1600.0)),
            ("32", Some(32.0)),
            ("forty-two", Some(42.0)),
            ("two dozen", Some(24.0)),
            ("a hundred", Some(100.0)),
            ("Eighty", Some(80.0)),
            ("dozens of", None),
            ("several dozen", None),
        ] {
            assert_eq!(count_value(n), v, "{n}");
        }
    }

    #[test]
    fn participant_nouns_have_classes_and_cues_give_stances() {
        let c = Cues::embedded();
        assert_eq!(c.class_of("Heads of State"), Some("leaders"));
        assert_eq!(c.class_of("countries"), Some("states"));
        assert_eq!(
            c.stance("have been invited to the talks"),
            Some(Stance::Invited)
        );
        assert_eq!(
            c.stance("are expected to take part"),
            Some(Stance::Expected)
        );
        assert_eq!(c.stance("took part in the summit"), Some(Stance::Attended));
        assert_eq!(c.stance("voted against the motion"), None);
        assert_eq!(
            c.stance("will not attend the ceremony"),
            Some(Stance::Absent)
        );
        assert_eq!(c.stance("have declined invitations"), Some(Stance::Absent));
        assert_eq!(c.past("signing"), "signed");
        assert_eq!(c.past("agrees  on"), "agreed on");
    }
}
