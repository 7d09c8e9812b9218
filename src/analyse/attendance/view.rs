//! A clause seen through its tokens: the word at a position, a form of "be" before it,
//! the object after it, and whether a token ends a subject.

use super::clauses::{Clause, ClauseKind};
use super::cues::Lexicon;
use super::lexicon::{
    AUX, BE, COMMON_VERBS, DURATIVE_COPULAS, NEG, PREPOSITIONS, RELATIONAL, RELATIVES, REP_NOUNS,
    SPEECH, VG_ADVERBS, is,
};
use super::tokens::{Kind, Token};
use crate::analyse::gazetteer::Via;

/// A clause seen through its tokens.
pub struct View<'a> {
    pub tokens: &'a [Token],
    pub c: &'a Clause,
    /// A relative clause about a meeting ("…, which the EU shunned"): its missing
    /// object is that meeting.
    pub rel_event: bool,
    pub lex: &'a Lexicon,
    /// The sentence before told meetings at the event: this one's meetings are there
    /// unless it places them elsewhere.
    pub meetings_at_event: bool,
    /// The sentence before told speeches at the event.
    pub speeches_at_event: bool,
}

impl<'a> View<'a> {
    pub fn new(tokens: &'a [Token], c: &'a Clause, lex: &'a Lexicon) -> Self {
        let rel_event = c.kind == ClauseKind::Relative
            && c.antecedent
                .iter()
                .any(|&i| lex.is_meeting_or_pronoun(&tokens[i].lower));
        View {
            tokens,
            c,
            rel_event,
            lex,
            meetings_at_event: false,
            speeches_at_event: false,
        }
    }

    pub fn len(&self) -> usize {
        self.c.toks.len()
    }

    pub fn is_empty(&self) -> bool {
        self.c.toks.is_empty()
    }

    pub fn tok(&self, p: usize) -> Option<&'a Token> {
        self.c.toks.get(p).map(|&i| &self.tokens[i])
    }

    /// Lower-case text at `p` ("" past the end).
    pub fn w(&self, p: usize) -> &'a str {
        self.tok(p).map_or("", |t| t.lower.as_str())
    }

    /// The word `back` positions before `p` ("" before the start).
    pub fn wb(&self, p: usize, back: usize) -> &'a str {
        if p >= back { self.w(p - back) } else { "" }
    }

    pub fn is_punct(&self, p: usize) -> bool {
        self.tok(p).is_some_and(|t| t.kind == Kind::Punct)
    }

    pub fn is_mention(&self, p: usize) -> bool {
        self.tok(p).is_some_and(Token::is_mention)
    }

    /// A form of "be" before `p`, over adverbs and negation ("was not", "has been").
    pub fn be_before(&self, p: usize) -> bool {
        let mut q = p;
        while q > 0 {
            let w = self.w(q - 1);
            // "will remain absent", "stayed away" reads as "be".
            if is(w, BE) || is(w, DURATIVE_COPULAS) {
                return true;
            }
            if is(w, NEG) || is(w, VG_ADVERBS) {
                q -= 1;
                continue;
            }
            return false;
        }
        false
    }

    /// Whether a word that names a meeting is among positions `from..to`.
    pub fn has_meeting_noun(&self, from: usize, to: usize) -> bool {
        (from..to.min(self.len())).any(|q| self.lex.is_meeting_or_pronoun(self.w(q)))
    }

    pub fn idxs(&self, from: usize, to: usize) -> Vec<usize> {
        let to = to.min(self.len());
        self.c.toks[from.min(to)..to].to_vec()
    }

    /// The object after position `from`: absent, naming a meeting, or something else.
    pub fn object(&self, from: usize) -> Obj {
        let mut q = from;
        // "will attend online": the manner of taking part, no object.
        while q < self.len()
            && (is(self.w(q), VG_ADVERBS)
                || matches!(
                    self.w(q),
                    "online" | "virtually" | "remotely" | "either" | "too" | "personally"
                ))
        {
            q += 1;
        }
        // "take part in a private capacity": the manner, no object.
        let det = usize::from(matches!(
            self.w(q),
            "a" | "an" | "their" | "his" | "her" | "its"
        ));
        if matches!(
            self.w(q + det),
            "private" | "personal" | "official" | "individual"
        ) && self.w(q + det + 1) == "capacity"
        {
            return Obj::Absent;
        }
        let first = self.w(q);
        if q >= self.len()
            || self.is_punct(q)
            || is(first, PREPOSITIONS)
            || is(first, AUX)
            || matches!(first, "and" | "include" | "included" | "includes")
            // "is unlikely to attend given the conflict": a reason, no object.
            || matches!(first, "given" | "because" | "owing" | "despite" | "while" | "when")
        {
            return Obj::Absent;
        }
        let mut n = 0;
        while q < self.len() && n < 8 {
            let w = self.w(q);
            // "the work of the conference", "the opening of the Games".
            if w == "of" && n > 0 && is(self.w(q - 1), OF_HEADS) {
                q += 1;
                n += 1;
                continue;
            }
            if self.is_punct(q) || is(w, PREPOSITIONS) || is(w, RELATIVES) || is(w, AUX) {
                break;
            }
            if self.lex.is_meeting_or_pronoun(w) {
                // "missed the G20 family photo", "skipped the summit dinner": a part of
                // the meeting, not the meeting.
                let part = (q + 1..(q + 4).min(self.len()))
                    .take_while(|&r| !self.is_punct(r) && !is(self.w(r), PREPOSITIONS))
                    .any(|r| is(self.w(r), PARTS_OF_A_MEETING));
                return if part { Obj::Other } else { Obj::Event };
            }
            q += 1;
            n += 1;
        }
        Obj::Other
    }

    /// Whether the token at position `q` ends a subject: a finite verb.
    pub fn verb_like(&self, q: usize) -> bool {
        let Some(t) = self.tok(q) else { return false };
        if t.kind != Kind::Word || t.capital && q > 0 {
            return false;
        }
        let w = t.lower.as_str();
        if is(w, AUX) || is(w, COMMON_VERBS) || is(w, SPEECH) {
            return true;
        }
        let after_name = q > 0
            && self.tok(q - 1).is_some_and(|p| match p.kind {
                Kind::Party(_, via) => via != Via::Demonym && !p.compound,
                Kind::Person(_) | Kind::Linked(_) => true,
                _ => false,
            });
        after_name
            && w.chars().all(char::is_alphabetic)
            && (w.ends_with('s') || w.ends_with("ed"))
            && !is(w, REP_NOUNS)
            && !is(w, RELATIONAL)
            && !is(w, PREPOSITIONS)
    }
}

/// Parts of a meeting that a meeting noun may name: "the G20 family photo", "the summit
/// dinner". Missing one is not missing the meeting.
pub const PARTS_OF_A_MEETING: &[&str] = &[
    "photo",
    "photos",
    "photograph",
    "photographs",
    "picture",
    "pictures",
    "dinner",
    "dinners",
    "banquet",
    "lunch",
    "luncheon",
    "reception",
    "gala",
    "breakfast",
];

/// Nouns whose "of" phrase names the meeting: "the work of the conference".
const OF_HEADS: &[&str] = &[
    "work",
    "opening",
    "closing",
    "start",
    "end",
    "day",
    "days",
    "rest",
    "part",
    "session",
    "sessions",
    "proceedings",
    "deliberations",
    "sidelines",
    "margins",
    "edition",
    "program",
    "programme",
    "programs",
    "programmes",
    "events",
    "festivities",
    "celebrations",
    "ceremonies",
    "portion",
    "segment",
];

/// The object after a cue: absent, naming a meeting, or something else.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Obj {
    Absent,
    Event,
    Other,
}
