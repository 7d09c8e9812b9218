//! The cue lexicon: data (`data/attendance_cues.yaml`), a row per phrasing — its words
//! (the first a lemma), what it says, the frame its parties sit in and what must follow
//! it — with the lemmas that let a row match every inflection. [`super::matcher`] reads
//! it.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use serde::Deserialize;

/// Part of speech of a cue's first word: how it inflects.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Pos {
    #[default]
    Verb,
    Noun,
    Adj,
}

/// What a cue says of its parties, before negation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Says {
    Attend,
    Boycott,
    /// "invited": no claim unless negated ("was not invited").
    Invite,
    /// "excluded", "left off the guest list".
    Exclude,
    Host,
    /// Attended as an observer.
    Observe,
    /// What the cue before says ("followed suit", "did too", "joined").
    Echo,
}

/// Where a cue's parties are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Frame {
    #[default]
    Subject,
    List,
    Object,
    ObjectParty,
    Possessor,
    Venue,
    Apposition,
    Clause,
}

/// What must follow a cue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Need {
    /// Nothing: the clause ends ("Australia and Canada joined.").
    Nothing,
    MeetingOrNone,
    Meeting,
    HostMeeting,
    Invitation,
    Representative,
    MeetingNear,
    Arrival,
    /// A photograph within nine words: "posed with the others for the family photo".
    Photo,
    /// The meeting's own text within four words: "signed the Bletchley Declaration",
    /// "endorsed the final communiqué".
    Document,
    Any,
}

/// An example sentence a row must read (checked by a unit test).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Example {
    pub text: String,
    pub party: String,
    pub status: String,
}

/// One row of the cue lexicon.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Row {
    pub cue: String,
    #[serde(default)]
    pub pos: Pos,
    pub says: Says,
    #[serde(default)]
    pub frame: Frame,
    #[serde(default)]
    pub object: Option<Need>,
    #[serde(default)]
    pub preps: Vec<String>,
    #[serde(default)]
    pub passive: bool,
    #[serde(default)]
    pub after_be: bool,
    #[serde(default)]
    pub governors: Vec<String>,
    #[serde(default)]
    pub subject_nouns: Vec<String>,
    #[serde(default)]
    pub of_list: bool,
    #[serde(default)]
    pub planned: bool,
    /// The list must name a person or a leader ("the return of the Syrian president",
    /// not "the return of refugees").
    #[serde(default)]
    pub person: bool,
    /// Words that, within three words after the cue, undo it ("represented by counsel").
    #[serde(default)]
    pub unless_after: Vec<String>,
    /// Negated, the cue says nothing: "has not confirmed his attendance" is no refusal.
    #[serde(default)]
    pub only_affirmed: bool,
    pub example: Example,
}

impl Row {
    /// What must follow the cue: the row's `object`, or the default for its part of speech.
    pub fn need(&self) -> Need {
        self.object.unwrap_or(match self.pos {
            Pos::Verb => Need::MeetingOrNone,
            Pos::Noun | Pos::Adj => Need::Any,
        })
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct LexiconFile {
    irregular: HashMap<String, String>,
    cues: Vec<Row>,
    host_compounds: Vec<String>,
    meeting_nouns: Vec<String>,
    meeting_pronouns: Vec<String>,
    titles: Vec<String>,
}

/// The loaded cue lexicon, indexed by first word.
#[derive(Debug)]
pub struct Lexicon {
    pub rows: Vec<Row>,
    words: Vec<Vec<String>>,
    by_first: HashMap<String, Vec<usize>>,
    irregular: HashMap<String, String>,
    host_compounds: HashSet<String>,
    meeting_nouns: HashSet<String>,
    meeting_pronouns: HashSet<String>,
    titles: HashSet<String>,
}

const EMBEDDED: &str = include_str!("../../../data/attendance_cues.yaml");

impl Lexicon {
    /// The lexicon shipped in the binary, parsed once.
    pub fn embedded() -> &'static Lexicon {
        static L: OnceLock<Lexicon> = OnceLock::new();
        L.get_or_init(|| {
            Lexicon::from_yaml(EMBEDDED).expect("the embedded cue lexicon is valid (tested)")
        })
    }

    pub fn from_yaml(text: &str) -> Result<Lexicon, String> {
        let f: LexiconFile = serde_yaml::from_str(text).map_err(|e| e.to_string())?;
        let mut by_first: HashMap<String, Vec<usize>> = HashMap::new();
        let mut words = Vec::with_capacity(f.cues.len());
        for (i, r) in f.cues.iter().enumerate() {
            let w: Vec<String> = r.cue.split_whitespace().map(str::to_lowercase).collect();
            if w.is_empty() {
                return Err(format!("cue {i} has no words"));
            }
            by_first.entry(w[0].clone()).or_default().push(i);
            words.push(w);
        }
        let set = |v: Vec<String>| v.into_iter().collect::<HashSet<String>>();
        Ok(Lexicon {
            rows: f.cues,
            words,
            by_first,
            irregular: f.irregular,
            host_compounds: set(f.host_compounds),
            meeting_nouns: set(f.meeting_nouns),
            meeting_pronouns: set(f.meeting_pronouns),
            titles: set(f.titles),
        })
    }

    /// A noun that names a meeting ("summit", "talks", "Games"), singular or plural.
    pub fn is_meeting(&self, w: &str) -> bool {
        // "COP28", "G20": the name without its number.
        let stem = w.trim_end_matches(|c: char| c.is_ascii_digit());
        if !stem.is_empty() && stem.len() < w.len() && self.meeting_nouns.contains(stem) {
            return true;
        }
        self.meeting_nouns.contains(w)
            || w.strip_suffix('s')
                .is_some_and(|s| self.meeting_nouns.contains(s))
            // "matches", "congresses".
            || w.strip_suffix("es")
                .is_some_and(|s| s.ends_with(['h', 's', 'x']) && self.meeting_nouns.contains(s))
    }

    /// A meeting noun, or a pronoun that can stand for the meeting ("attended it").
    pub fn is_meeting_or_pronoun(&self, w: &str) -> bool {
        self.is_meeting(w) || self.meeting_pronouns.contains(w)
    }

    /// The words of row `r`, lower case.
    pub fn words(&self, r: usize) -> &[String] {
        &self.words[r]
    }

    /// An irregular verb form ("held", "took").
    pub fn is_irregular(&self, w: &str) -> bool {
        self.irregular.contains_key(w)
    }

    /// A participle that makes a hyphenated party the host ("Russia-sponsored").
    pub fn is_host_compound(&self, w: &str) -> bool {
        self.host_compounds.contains(w)
    }

    /// A word of a title that links a person to a party ("president", "crown").
    pub fn is_title(&self, w: &str) -> bool {
        self.titles.contains(w) || w.strip_suffix('s').is_some_and(|s| self.titles.contains(s))
    }

    /// The lemmas a verb form may have: "hosted" → host, "organising" → organise,
    /// "snubbed" → snub, "took" → take.
    pub fn verb_lemmas(&self, w: &str) -> Vec<String> {
        let mut out = vec![w.to_string()];
        if let Some(l) = self.irregular.get(w) {
            out.push(l.clone());
        }
        let undouble = |s: &str| {
            let b = s.as_bytes();
            (b.len() >= 3 && b[b.len() - 1] == b[b.len() - 2]).then(|| s[..s.len() - 1].to_string())
        };
        for (suffix, repl) in [("ies", "y"), ("ied", "y")] {
            if let Some(s) = w.strip_suffix(suffix) {
                out.push(format!("{s}{repl}"));
            }
        }
        if let Some(s) = w.strip_suffix("es") {
            out.push(s.to_string());
        }
        if let Some(s) = w.strip_suffix('s')
            && !s.ends_with('s')
        {
            out.push(s.to_string());
        }
        if let Some(s) = w.strip_suffix("ed") {
            out.push(s.to_string());
            out.push(format!("{s}e"));
            out.extend(undouble(s));
        }
        if let Some(s) = w.strip_suffix("ing") {
            out.push(s.to_string());
            out.push(format!("{s}e"));
            out.extend(undouble(s));
        }
        out
    }

    /// The rows whose first word `w` can be.
    pub fn candidates(&self, w: &str) -> Vec<usize> {
        let mut out: Vec<usize> = Vec::new();
        let mut add = |key: &str, pos: &[Pos]| {
            if let Some(rows) = self.by_first.get(key) {
                for &r in rows {
                    if pos.contains(&self.rows[r].pos) && !out.contains(&r) {
                        out.push(r);
                    }
                }
            }
        };
        add(w, &[Pos::Verb, Pos::Noun, Pos::Adj]);
        // A venue reading first: "the conference, which it held in Damascus".
        for l in self.verb_lemmas(w).iter().skip(1) {
            add(l, &[Pos::Verb]);
        }
        if let Some(s) = w.strip_suffix('s') {
            add(s, &[Pos::Noun]);
        }
        // "dignitaries": a noun in -y.
        if let Some(s) = w.strip_suffix("ies") {
            add(&format!("{s}y"), &[Pos::Noun]);
        }
        // The most specific reading first: a venue ("held in"), then a noun with its
        // governing verb ("announced a boycott"), then the row of more words ("joined
        // in with the boycott" before "joined").
        out.sort_by_key(|&r| {
            (
                self.rows[r].frame != Frame::Venue,
                self.rows[r].governors.is_empty(),
                std::cmp::Reverse(self.words(r).len()),
            )
        });
        out
    }
}
