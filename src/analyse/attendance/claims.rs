//! Claims of one sentence: which parties it gives which status, with which modality.
//!
//! The rules work on clauses (see [`super::clauses`]). In each clause they look for a
//! cue — a row of the cue lexicon ([`super::cues`]: "attended", "refrained from
//! participating", "was not invited", "is holding a conference", "attendees
//! included") or a construction ("as did X") — then read its verb group for negation
//! and modality ([`super::verbgroup`]: "would also not", "was expected to", "urged …
//! to" blocks it), and find the parties it applies to ([`super::arguments`]). A cue
//! about another meeting ([`super::scope`]: a second round, a year that is not the
//! event's), a condition ("if …"), an urging or an attempt gives no claim.

use super::arguments::{Prev, Sentence, arguments};
use super::clauses::{Clause, ClauseKind, clauses};
use super::cues::{Frame, Lexicon, Need};
use super::lexicon::{
    AUX, COMMON_VERBS, GROUP_NOUNS, HOPES, NEG, NUMBER_WORDS, PRESENT_WORDS, REP_NOUNS, is,
    long_before, pair_len,
};
use super::matcher::{Args, Base, Cue, cue_at};
use super::scope::{EventCtx, other_meeting, other_place, region_end};
use super::tokens::{Kind, Token};
use super::verbgroup::{VerbGroup, verb_group};
use super::view::{Obj, View};
use super::{Modality, Status};
use crate::analyse::gazetteer::{Gazetteer, Via};

/// One claim of a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub party: usize,
    pub status: Status,
    pub modality: Modality,
    /// The words of the verb group and cue, as written.
    pub cue: String,
    /// The row of the cue lexicon that gave it (none for a construction).
    pub row: Option<usize>,
    /// A person stood for the party ("the Chinese president will skip the summit").
    pub by_person: bool,
}

/// Words for the leader of a state: a leader who stays home while the state sends
/// someone else leaves the state attended.
#[rustfmt::skip]
const LEADERS: &[&str] = &[
    "president", "prime", "premier", "chancellor", "king", "queen", "emir", "amir", "sultan",
    "prince", "monarch", "leader", "sheikh", "taoiseach", "emperor",
];

/// Whether a clause is set long before the event: "a decade ago", "three years ago".
fn long_ago(v: &View) -> bool {
    (1..v.len()).any(|q| v.w(q) == "ago" && long_before(v.w(q - 1)))
}

/// The modality a cue's verb group gives: expected, announced or reported.
fn modality_of(vg: &VerbGroup, cue: &Cue) -> Modality {
    if vg.expected {
        Modality::Expected
    } else if vg.planned || cue.planned {
        Modality::Planned
    } else {
        Modality::Reported
    }
}

fn status_of(base: Base, negated: bool, observer: bool) -> Option<Status> {
    match (base, negated) {
        (Base::Attend, false) if observer => Some(Status::Observer),
        (Base::Attend, false) => Some(Status::Attended),
        (Base::Attend, true) => Some(Status::Boycotted),
        (Base::Boycott, false) => Some(Status::Boycotted),
        (Base::Invite, true) => Some(Status::NotInvited),
        (Base::Exclude, false) => Some(Status::NotInvited),
        (Base::Host, false) => Some(Status::Host),
        _ => None,
    }
}

/// Where an "as observers" after a cue may stand: up to the next cue, or past it when
/// only a relative pronoun separates them ("sent a delegation that followed the talks as
/// observers").
fn observer_end(v: &View, from: usize, next_start: usize) -> usize {
    if next_start < v.len()
        && (from..next_start).all(|q| matches!(v.w(q), "that" | "which" | "who"))
    {
        region_end(v, from)
    } else {
        next_start
    }
}

fn observer_after(v: &View, from: usize, to: usize) -> bool {
    (from..to.min(v.len())).any(|q| {
        let w = v.w(q);
        (w == "observer" || w == "observers")
            && matches!(v.wb(q, 1), "as" | "an" | "a")
            && (v.wb(q, 1) == "as" || v.wb(q, 2) == "as" || v.wb(q, 2) == "in")
            || (w == "observer" && v.w(q + 1) == "status")
    })
}

/// The claims of one sentence.
pub fn sentence_claims(text: &str, gazetteer: &Gazetteer, ctx: &EventCtx) -> Vec<Found> {
    let tokens = ctx.tokens(text, gazetteer, Lexicon::embedded());
    claims_of_tokens(text, &tokens, gazetteer, ctx, &mut Carry::default())
}

/// How the extractor reads one sentence: its clauses and the cues found in each (a
/// tool for writing rules; `examples/attendance_claims.rs --explain`).
pub fn explain(text: &str, gazetteer: &Gazetteer, ctx: &EventCtx) -> String {
    let lex = Lexicon::embedded();
    let tokens = ctx.tokens(text, gazetteer, lex);
    let mut out = String::new();
    let mut cls = clauses(&tokens);
    cls.sort_by_key(|c| c.toks.first().copied().unwrap_or(usize::MAX));
    let invite_ctx = tokens.iter().any(|t| t.lower.starts_with("invit"));
    for c in &cls {
        let v = View::new(&tokens, c, lex);
        let words: Vec<&str> = (0..v.len()).map(|p| v.w(p)).collect();
        out.push_str(&format!("clause {:?}: {}\n", c.kind, words.join(" ")));
        let mut p = 0;
        while p < v.len() {
            match cue_at(&v, p, invite_ctx, ctx) {
                Some(cue) => {
                    let vg = verb_group(&v, cue.head, 0);
                    let row = cue
                        .row
                        .map(|r| lex.rows[r].cue.as_str())
                        .unwrap_or("construction");
                    out.push_str(&format!(
                        "  cue `{}` ({row}) at {p}..={}: {:?} {:?}, verb group {vg:?}\n",
                        words[cue.head..=cue.end.min(v.len() - 1)].join(" "),
                        cue.end,
                        cue.base,
                        cue.args
                    ));
                    p = cue.end + 1;
                }
                None => p += 1,
            }
        }
    }
    out
}

/// Whether a paragraph reads as one line of a list typed without bullets: short, with
/// no closing full stop, naming a party ("Ghana – Kofi Mensah", "President of Chile
/// Marta Ruiz").
pub fn list_line(text: &str, tokens: &[Token]) -> bool {
    let t = text.trim_end();
    let words: Vec<&str> = t.split_whitespace().collect();
    // A line of names and titles only ("Crown Prince Sheikh Mishal Al Sabah") stays in
    // the list though it names no party.
    let capitals = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    !t.ends_with(['.', '!', '?', ':'])
        && words.len() <= 25
        && (tokens.iter().any(Token::is_mention) || capitals * 4 >= words.len() * 3)
}

/// Words a sentence that only goes on with a list may hold besides names and titles:
/// "Then, PM of Singapore A, PM of Malaysia B, and Sultan of Brunei C."
const LIST_SENTENCE_WORDS: &[&str] = &[
    "of", "the", "and", "then", "also", "plus", "finally", "lastly", "next", "de", "al", "bin",
];

/// Whether a sentence is nothing but a list of two or more named parties and people,
/// with no verb: the goings-on of the list in the sentence before.
pub fn list_sentence(tokens: &[Token]) -> bool {
    let lex = Lexicon::embedded();
    let words_ok = tokens.iter().all(|t| match t.kind {
        Kind::Punct => matches!(t.lower.as_str(), "," | "." | "(" | ")" | ";"),
        _ if t.is_mention() || t.capital => true,
        _ => is(&t.lower, LIST_SENTENCE_WORDS) || lex.is_title(&t.lower),
    });
    words_ok && tokens.iter().filter(|t| t.is_mention()).count() >= 2
}

/// The status a list's lead-in gives the items under it: a sentence that ends with a
/// colon and holds a cue but names no party ("Here is who is attending:", "Those staying
/// away:", "Leaders expected at the summit include:"). Returns the status, its modality
/// and the cue's words.
pub fn lead_in(text: &str, tokens: &[Token], ctx: &EventCtx) -> Option<(Status, Modality, String)> {
    // A lead-in names no party; the event's city may be in it ("… were expected in Suva:").
    // (Nor does a source after "according to": "…, according to Israel's Foreign
    // Ministry:".)
    let attribution = tokens
        .windows(2)
        .position(|w| w[0].lower == "according" && w[1].lower == "to")
        .unwrap_or(tokens.len());
    let lex = Lexicon::embedded();
    // (Nor the one whose funeral or inauguration it is: "… will attend Peres' funeral".)
    let owner = |i: usize| {
        let next = tokens[i + 1..]
            .iter()
            .find(|t| !matches!(t.lower.as_str(), "'s" | "'" | "’s" | "’"));
        next.is_some_and(|t| lex.is_meeting(&t.lower))
    };
    let names_party = tokens[..attribution].iter().enumerate().any(|(i, t)| {
        t.is_mention()
            && !matches!(t.kind, Kind::Party(p, Via::Capital) if Some(p) == ctx.place_party)
            && !owner(i)
    });
    if !tokens.last().is_some_and(|t| t.is_punct(":")) || names_party {
        return None;
    }
    let invite_ctx = tokens.iter().any(|t| t.lower.starts_with("invit"));
    for c in &clauses(tokens) {
        let v = View::new(tokens, c, lex);
        for p in 0..v.len() {
            let Some(cue) = cue_at(&v, p, invite_ctx, ctx) else {
                continue;
            };
            let vg = verb_group(&v, cue.head, 0);
            if vg.block || c.kind == ClauseKind::Conditional || other_meeting(&v, 0, v.len(), ctx) {
                return None;
            }
            let status = status_of(cue.base, vg.neg ^ cue.neg || vg.refuse, cue.observer)?;
            let modality = modality_of(&vg, &cue);
            return Some((status, modality, cue_text(text, &v, cue.head, cue.end)));
        }
    }
    // "Check out the complete list of heads of state present at the inauguration:".
    let present = tokens.iter().position(|t| is(&t.lower, PRESENT_WORDS))?;
    let meeting = tokens.iter().any(|t| lex.is_meeting(&t.lower));
    let negated = tokens[..present].iter().any(|t| is(&t.lower, NEG));
    (meeting && !negated).then(|| {
        let t = &tokens[present];
        (
            Status::Attended,
            Modality::Reported,
            text[t.start..t.end].to_string(),
        )
    })
}

/// What a sentence's last cue leaves for the next sentence: "The US announced a
/// boycott. Australia joined." gives Australia the status of the sentence before.
#[derive(Debug, Clone, Default)]
pub struct Carry {
    status: Option<Status>,
    modality: Option<Modality>,
    base: Option<Base>,
    /// The parties of the last subject ("The Turkish president will not travel.
    /// Instead, he will send …": "he").
    subjects: Vec<usize>,
    /// The last sentence told meetings at the event ("met X on the sidelines of the
    /// summit"): the next one's meetings are at it too ("He later met Y").
    meetings_at_event: bool,
    /// The last sentence told speeches at the event ("Ghana's president addressed the
    /// summit", "The funeral heard tributes"): a leader who speaks in the next one
    /// ("Peru's president warned that …") spoke there too.
    speeches_at_event: bool,
    /// How many sentences in a row of something else the run of speeches went on
    /// through (a pull quote, a scene); it ends at the third.
    speech_gap: u8,
    /// The parties the last sentence named, when exactly two ("Biden is to meet China's
    /// Xi": "Both leaders will attend …" next).
    pair: Vec<usize>,
}

impl Carry {
    /// The status and modality the last sentence leaves for the next, if any.
    pub fn status(&self) -> Option<(Status, Modality)> {
        Some((self.status?, self.modality.unwrap_or(Modality::Reported)))
    }
}

/// Whether a sentence is "Among them are:" (or "Amongst those were:"): the lead-in of a
/// list whose members share the status of the sentence before.
pub fn among_them_lead(tokens: &[Token]) -> bool {
    let w: Vec<&str> = tokens.iter().map(|t| t.lower.as_str()).collect();
    matches!(
        w[..],
        [
            "among" | "amongst",
            "them" | "those" | "these",
            "are" | "were" | "include" | "included",
            ":"
        ]
    )
}

/// Whether a sentence counts a group of parties ("leaders from 37 countries", "nine
/// states"): it names none, but the next sentence may list them ("The countries are …").
fn counted_group(tokens: &[Token]) -> bool {
    // "Leaders of the Nordic states are in Oslo", "Ministers from the region arrived".
    let opens_with_group = tokens.len() > 2
        && tokens[0].capital
        && is(&tokens[0].lower, GROUP_NOUNS)
        && matches!(tokens[1].lower.as_str(), "of" | "from");
    opens_with_group
        || tokens.iter().enumerate().any(|(k, t)| {
            let n = t.lower.as_str();
            let number = n.chars().all(|c| c.is_ascii_digit()) || is(n, NUMBER_WORDS);
            // "nine states", "some Arab leaders": one word may describe the group.
            let group = |j: usize| tokens.get(j).is_some_and(|g| is(&g.lower, GROUP_NOUNS));
            number
                && (group(k + 1) || tokens.get(k + 1).is_some_and(Token::is_word) && group(k + 2))
        })
}

/// Whether the verb group at clause position `vg_start` sits in a "that" clause after a
/// verb of wishing, in this clause or just before it.
fn hoped_for(tokens: &[Token], c: &Clause, v: &View, vg_start: usize) -> bool {
    let in_clause = (0..vg_start).any(|q| is(v.w(q), HOPES) && v.w(q + 1) == "that");
    let first = c.toks.first().copied().unwrap_or(0);
    let before =
        first >= 2 && tokens[first - 1].lower == "that" && is(&tokens[first - 2].lower, HOPES)
            || first >= 1
                && c.toks.len() > 1
                && tokens[first].lower == "that"
                && is(&tokens[first - 1].lower, HOPES);
    in_clause || before
}

/// Whether a sentence opens with "he" or "she" ("Instead, he will send …"), or with
/// "they" after a subject of two parties or more: its subject is the sentence before's.
fn opens_with_pronoun_for(tokens: &[Token], before: &[usize]) -> bool {
    let first = tokens.iter().find(|t| {
        !(t.kind == Kind::Punct
            || matches!(
                t.lower.as_str(),
                "instead" | "but" | "and" | "however" | "yet" | "so" | "still" | "rather"
            ))
    });
    // "However, officials said that the country would not take part": one party before.
    let the_country = before.len() == 1
        && tokens
            .windows(2)
            .any(|w| w[0].lower == "the" && is(&w[1].lower, STATE_ANAPHORS));
    match first.map(|t| t.lower.as_str()) {
        Some("he" | "she") => !before.is_empty(),
        Some("they") => before.len() >= 2,
        _ => the_country,
    }
}

/// Whether a sentence opens with "Both leaders", "The two presidents", "Both men".
fn opens_with_pair(tokens: &[Token]) -> bool {
    let w: Vec<&str> = tokens.iter().take(3).map(|t| t.lower.as_str()).collect();
    pair_len(&w).is_some()
}

/// Nouns that, after "the", stand for the one state a sentence before spoke of.
pub const STATE_ANAPHORS: &[&str] = &["country", "kingdom", "nation", "republic"];

/// The parties of a sentence's opening subject, up to its first verb ("Trudeau and
/// Albanese will be nowhere to be seen."): what an opening pronoun of the next sentence
/// may stand for when this sentence gave no claim.
fn opening_subject(s: &Sentence) -> Vec<usize> {
    let end = s
        .tokens
        .iter()
        .position(|t| {
            t.kind == Kind::Word
                && !t.capital
                && (is(&t.lower, AUX) || t.lower.ends_with("ed") || is(&t.lower, COMMON_VERBS))
        })
        .unwrap_or(0);
    if end == 0 {
        return Vec::new();
    }
    let idxs: Vec<usize> = (0..end).collect();
    s.parties(&idxs, &[]).parties
}

/// The claims of one sentence's tokens, with what the sentence before left.
pub fn claims_of_tokens(
    text: &str,
    tokens: &[Token],
    gazetteer: &Gazetteer,
    ctx: &EventCtx,
    carry: &mut Carry,
) -> Vec<Found> {
    let lex = Lexicon::embedded();
    // "Both leaders will attend …": the two parties of the sentence before.
    let both = opens_with_pair(tokens) && carry.pair.len() == 2;
    if both {
        carry.subjects = std::mem::take(&mut carry.pair);
    }
    let carried = both || opens_with_pronoun_for(tokens, &carry.subjects);
    let s = Sentence {
        text,
        tokens,
        gazetteer,
    };
    // The parties this sentence names, for a "both leaders" in the next.
    let named = s.named_parties(0..tokens.len());
    let pair = if named.len() == 2 { named } else { Vec::new() };
    let meetings_before = carry.meetings_at_event;
    let speeches_before = carry.speeches_at_event;
    let gap_before = carry.speech_gap;
    // "The funeral heard tributes from …" opens a run of speeches.
    let heard = tokens
        .windows(2)
        .any(|w| lex.is_meeting(&w[0].lower) && w[1].lower == "heard");
    if !tokens.iter().any(Token::is_mention) && !carried && !counted_group(tokens) {
        // A quotation or a sentence of speech between the speakers keeps the run of
        // speeches; a sentence of anything else is a gap in it, and a third gap in a
        // row ends it.
        let speech = heard || speech_or_quote(text, tokens);
        *carry = Carry {
            speeches_at_event: heard || speeches_before && (speech || gap_before < MAX_SPEECH_GAP),
            speech_gap: if speech { 0 } else { gap_before + 1 },
            ..Carry::default()
        };
        return Vec::new();
    }
    // "A decade ago, when …, leaders of A and B attended the parade": a time that opens
    // the sentence sets all of it long before the event.
    let opens_long_ago = tokens
        .iter()
        .take(10)
        .collect::<Vec<_>>()
        .windows(2)
        .any(|w| w[1].lower == "ago" && long_before(&w[0].lower));
    let mut cls = clauses(tokens);
    cls.sort_by_key(|c| c.toks.first().copied().unwrap_or(usize::MAX));
    let invite_ctx = tokens.iter().any(|t| t.lower.starts_with("invit"));
    let mut out: Vec<Found> = Vec::new();
    let mut prev = Prev {
        status: carry.status,
        modality: carry.modality,
        base: carry.base,
        subjects: if carried {
            std::mem::take(&mut carry.subjects)
        } else {
            Vec::new()
        },
        first_subjects: Vec::new(),
    };
    *carry = Carry::default();
    // Whether a cue of this sentence has set `prev` yet: "…, as did X" after a clause
    // shares that clause's status, never the sentence before's.
    let mut cue_here = false;
    // Whether this sentence tells meetings at the event, and speeches there, for the
    // next.
    let mut meetings_here = false;
    let mut speeches_here = false;
    for c in &cls {
        let mut v = View::new(tokens, c, lex);
        v.meetings_at_event = meetings_before;
        v.speeches_at_event = speeches_before;
        let mut cues = Vec::new();
        let mut p = 0;
        while p < v.len() {
            match cue_at(&v, p, invite_ctx, ctx) {
                Some(cue) => {
                    p = cue.end + 1;
                    cues.push(cue);
                }
                None => p += 1,
            }
        }
        if cues.is_empty()
            && let Some(cue) = elided(&v, &prev)
        {
            cues.push(cue);
        }
        let mut lb = 0;
        for (n, cue) in cues.iter().enumerate() {
            let next_start = cues.get(n + 1).map_or(v.len(), |c| c.head);
            let vg = verb_group(&v, cue.head, lb);
            let mut guests = Vec::new();
            let (parties, except, subject_stretch) =
                arguments(&s, &v, cue, &vg, lb, next_start, &prev, &mut guests);
            let mut neg = vg.neg ^ cue.neg;
            if (subject_stretch.0..subject_stretch.1).any(|q| matches!(v.w(q), "neither" | "nor")) {
                neg = true;
            }
            // "There is still no confirmation that Peru's president will attend": no
            // news either way.
            let unconfirmed = (0..vg.start.min(cue.head)).any(|q| {
                v.w(q) == "no"
                    && matches!(v.w(q + 1), "confirmation" | "word" | "indication" | "sign")
            });
            // "has not confirmed who will represent Rabat": a question, not an answer
            // (not "the envoy who will represent Chile", a relative clause).
            let vs = vg.start.min(cue.head);
            let asked = !matches!(cue.args, Args::Subject)
                && vs >= 2
                && v.w(vs - 1) == "who"
                && v.tok(vs - 2).is_some_and(|t| {
                    t.is_word()
                        && !t.capital
                        && !v.lex.is_title(&t.lower)
                        && !is(&t.lower, REP_NOUNS)
                        && !is(&t.lower, GROUP_NOUNS)
                });
            let unconfirmed = unconfirmed || asked;
            // "No one would represent Sudan at the talks": nobody, whoever the party.
            let no_one = |q: usize| v.w(q) == "nobody" || v.w(q) == "no" && v.w(q + 1) == "one";
            let nobody = (subject_stretch.0..subject_stretch.1).any(no_one)
                || !matches!(cue.args, Args::Subject)
                    && (lb..vg.start.min(cue.head)).rev().take(3).any(no_one);
            if nobody && !matches!(cue.args, Args::Subject) {
                neg = !neg;
            }
            // "No Lebanese official attended": a subject that names nobody.
            let no_subject = (subject_stretch.0..subject_stretch.1).any(|q| {
                v.w(q) == "no" && !matches!(v.w(q + 1), "longer" | "doubt") || v.w(q) == "nobody"
            });
            if matches!(cue.args, Args::Subject) && no_subject {
                neg = !neg;
            }
            // "No official representing Moscow has been invited": a participle after
            // "no" describes whom the sentence is about; its own verb says what happened.
            let no_participle = no_subject
                && matches!(cue.args, Args::ObjectParty(_))
                && vg.start == cue.head
                && v.w(cue.head).ends_with("ing");
            let observer = cue.observer
                || observer_after(&v, cue.end + 1, observer_end(&v, cue.end + 1, next_start))
                || (subject_stretch.0..subject_stretch.1).any(|q| {
                    matches!(v.w(q), "observer" | "observers")
                        && v.wb(q, 1) != "as"
                        && v.wb(q, 2) != "as"
                });
            let mut modality = modality_of(&vg, cue);
            let echo = matches!(cue.args, Args::Echo(_)) || cue.base == Base::Echo;
            let mid_sentence_echo = matches!(cue.args, Args::Echo(_)) && cue.head > 0;
            let (status, except_status) = if echo && mid_sentence_echo && !cue_here {
                // "King Charles addressed the conclave, as did Modi": the clause before
                // gave no status, so there is none to share.
                (None, None)
            } else if echo {
                if let Some(m) = prev.modality {
                    modality = m;
                }
                // "Qatar did not follow suit": no claim. Hosting is no act another party
                // repeats ("States nearby had promised to do so").
                let shared = prev.status.filter(|&st| st != Status::Host);
                (if neg { None } else { shared }, None)
            } else if neg && (vg.refuse || cue.row.is_some_and(|r| lex.rows[r].only_affirmed)) {
                (None, None)
            } else {
                let negated = neg || vg.refuse;
                (
                    status_of(cue.base, negated, observer),
                    status_of(cue.base, !negated, false),
                )
            };
            // "invitations went out to every state to take part except Eritrea": those
            // excepted from an invitation to attend were not invited.
            let invited_to =
                invite_ctx && cue.base == Base::Attend && v.wb(cue.head, 1) == "to" && !neg;
            let except_status = if invited_to && except_status.is_some() {
                Some(Status::NotInvited)
            } else {
                except_status
            };
            let mut blocked = vg.block
                || c.kind == ClauseKind::Conditional
                || unconfirmed
                || no_participle
                || hoped_for(tokens, c, &v, vg.start.min(cue.head));
            // "…the 2022 summit, which Algeria itself hosted": the antecedent is
            // another meeting.
            // A relative clause's antecedent, read as a clause of its own.
            let av = (c.kind == ClauseKind::Relative).then(|| Clause {
                kind: ClauseKind::Main,
                toks: c.antecedent.clone(),
                antecedent: Vec::new(),
                asides: Vec::new(),
            });
            let antecedent = av.as_ref().map(|av| View::new(tokens, av, lex));
            // "The 9th SCO summit, which …": a meeting named after another party, just
            // before the relative pronoun.
            let antecedent_other = antecedent.as_ref().is_some_and(|a| {
                let near = a.len().saturating_sub(6);
                other_meeting(a, 0, a.len(), ctx)
                    || a.has_meeting_noun(near, a.len()) && other_place(a, near, a.len(), ctx)
            });
            if v.rel_event && antecedent_other {
                blocked = true;
            }
            // "She will arrive in Moscow on May 10" (the event is on May 9): an arrival on
            // a day that is none of the event's.
            let arrival = cue
                .row
                .is_some_and(|r| lex.rows[r].object == Some(Need::Arrival));
            if arrival && (cue.end + 1..v.len().min(cue.end + 8)).any(|q| ctx.is_day_after(&v, q)) {
                blocked = true;
            }
            // "A decade ago the king sat next to …", "the last time was a decade ago, when
            // …": a time long before the event.
            if opens_long_ago || long_ago(&v) || antecedent.as_ref().is_some_and(long_ago) {
                blocked = true;
            }
            // "Last year's summit in Algiers was attended by Qatar": the subject is the
            // meeting.
            if let Args::PassiveBy(_) = cue.args {
                let to = vg.start.min(cue.head);
                let from = (0..to).rev().find(|&q| v.is_punct(q)).map_or(0, |q| q + 1);
                if other_meeting(&v, from, to, ctx) || other_place(&v, from, to, ctx) {
                    blocked = true;
                }
            }
            // "In the first such summit, held in 2017, the prime ministers … were
            // present": a fronted phrase that sets the clause at another meeting.
            if matches!(v.w(0), "in" | "at" | "during")
                && let Some(comma) = (0..vg.start.min(cue.head)).rev().find(|&q| v.w(q) == ",")
                && v.has_meeting_noun(0, comma)
                && other_meeting(&v, 0, comma, ctx)
            {
                blocked = true;
            }
            // "left Vienna on Monday to avoid attending the plenary": a purpose that
            // says the opposite of the act.
            if cue.base == Base::Attend
                && (cue.end + 1..v.len()).any(|q| v.w(q) == "to" && v.w(q + 1) == "avoid")
            {
                blocked = true;
            }
            let obj_end = region_end(&v, cue.end + 1);
            if other_meeting(&v, cue.head, obj_end, ctx)
                || other_place(&v, cue.head + 1, obj_end, ctx)
            {
                blocked = true;
            }
            // "chose to attend a regional conference in Lima instead": a meeting in place
            // of this one.
            let instead = (cue.end + 1..v.len()).any(|q| v.w(q) == "instead" && v.w(q + 1) != "of");
            if instead && v.object(cue.end + 1) == Obj::Event {
                blocked = true;
            }
            if matches!(cue.args, Args::Venue(_) | Args::PassiveBy(_)) && cue.base == Base::Host
                || matches!(cue.args, Args::Venue(_))
            {
                // The event must be what was held: "the conference was held in …".
                let (a, b) = subject_stretch;
                let antecedent_event = c.kind == ClauseKind::Relative
                    && c.antecedent
                        .iter()
                        .any(|&i| lex.is_meeting_or_pronoun(&tokens[i].lower));
                let event_subject = v.has_meeting_noun(a, b) || antecedent_event;
                if !event_subject
                    || other_meeting(&v, a, b, ctx)
                    || antecedent_other
                    || ctx.un_meeting && matches!(cue.args, Args::Venue(_))
                {
                    blocked = true;
                }
            }
            let cue_text = cue_text(s.text, &v, vg.start.min(cue.head), cue.end);
            // A cue of a speech at the meeting ("addressed the summit").
            let speech = (vg.start.min(cue.head)..=cue.end).any(|q| is(v.w(q), SPEECH_AT_EVENT));
            // "Saudi Arabia invited Assad to the summit", "was invited by Saudi Arabia":
            // the inviting state hosts.
            if cue.base == Base::Invite && !neg && !blocked && v.has_meeting_noun(0, v.len()) {
                let inviter = match cue.args {
                    Args::Object(_) => Some(Args::Subject),
                    _ if v.w(cue.end + 1) == "by" => Some(Args::PassiveBy(cue.end + 2)),
                    _ => None,
                };
                if let Some(args) = inviter {
                    // "X has invited A, along with B and C": those the object's "along
                    // with" adds are invited too, not hosts beside X.
                    let end = match cue.args {
                        Args::Object(_) => cue.end.max(next_start.saturating_sub(1)),
                        _ => cue.end,
                    };
                    let by = Cue { args, end, ..*cue };
                    let (hosts, _, _) =
                        arguments(&s, &v, &by, &vg, lb, next_start, &prev, &mut Vec::new());
                    for party in hosts.into_iter().filter(|p| !parties.contains(p)) {
                        push(
                            &mut out,
                            party,
                            Status::Host,
                            modality,
                            &cue_text,
                            cue.row,
                            false,
                        );
                    }
                }
            }
            // "Chinese President Xi Jinping will skip the summit": a person for the party;
            // "he would boycott the summit" too.
            let by_person = (subject_stretch.0..subject_stretch.1).any(|q| {
                v.tok(q).is_some_and(|t| {
                    matches!(t.kind, Kind::Person(_) | Kind::Linked(_))
                        || is(&t.lower, LEADERS)
                        || matches!(t.lower.as_str(), "he" | "she")
                })
            }) || not_at_level(&v, cue, lex);
            if !blocked {
                if let Some(st) = status {
                    // "was initially expected but will not travel", "was expected to
                    // attend but did not": the verb after "but" corrects the one before
                    // for the same subject.
                    let vs = vg.start.min(cue.head);
                    if vs > 0 && v.w(vs - 1) == "but" {
                        out.retain(|f| {
                            !(parties.contains(&f.party) && f.status.present() != st.present())
                        });
                    }
                    // The venue's state meets and speaks at its own event as host: the
                    // page's venue rule says so.
                    for &party in &parties {
                        if (cue.met || speech && st == Status::Attended)
                            && ctx.venue_hosts
                            && Some(party) == ctx.place_party
                        {
                            continue;
                        }
                        // "…, alongside the prime minister of Palau as an observer".
                        let st = if st == Status::Attended && observer_named_after(&v, party) {
                            Status::Observer
                        } else {
                            st
                        };
                        push(&mut out, party, st, modality, &cue_text, cue.row, by_person);
                    }
                }
                if status == Some(Status::Host) {
                    for &party in guests.iter().filter(|p| !parties.contains(p)) {
                        let st = if observer_named_after(&v, party) {
                            Status::Observer
                        } else {
                            Status::Attended
                        };
                        push(&mut out, party, st, modality, &cue_text, cue.row, false);
                    }
                }
                if let Some(st) = except_status {
                    for &party in &except {
                        push(&mut out, party, st, modality, &cue_text, cue.row, false);
                    }
                }
            }
            // Only a subject is one a coordinated verb can share ("attended the
            // Vienna talks but chose not to attend"), not a modifier's party.
            // A relative clause that found no party ("…the republic, which is co-hosting
            // it") says nothing the next sentence can repeat.
            let found_any = !parties.is_empty() || c.kind != ClauseKind::Relative;
            let subjects = match cue.args {
                Args::Subject | Args::Clause => parties,
                _ => std::mem::take(&mut prev.subjects),
            };
            cue_here = true;
            // A meeting at the event ("met X at the summit", "on the sidelines of").
            meetings_here |= cue.met || cue.row.is_some_and(|r| lex.rows[r].frame == Frame::Clause);
            speeches_here |= !blocked && status == Some(Status::Attended) && speech;
            let first_subjects = if prev.first_subjects.is_empty() {
                subjects.clone()
            } else {
                std::mem::take(&mut prev.first_subjects)
            };
            prev = Prev {
                status: if blocked { None } else { status },
                modality: Some(modality),
                base: Some(cue.base),
                subjects,
                first_subjects,
            };
            if prev.status.is_some() && found_any {
                *carry = Carry {
                    status: prev.status,
                    modality: prev.modality,
                    base: prev.base,
                    subjects: prev.subjects.clone(),
                    ..Carry::default()
                };
            } else if !prev.subjects.is_empty() {
                // "Portugal initially planned to send …. However, … the country …":
                // a blocked cue still says whom the text is about.
                carry.subjects = prev.subjects.clone();
            }
            // A participle after "no" belongs to the subject of the verb after it.
            if !no_participle {
                lb = cue.end + 1;
            }
        }
    }
    // A sentence whose cues left no subject ("The French president met with X in
    // 2015.") still says whom a "he" in the next one is.
    if !cue_here || carry.subjects.is_empty() {
        carry.subjects = opening_subject(&s);
    }
    // After a speech at the event, a leader who speaks with no cue of their own
    // ("Peru's president warned that …") spoke there too; a sentence of speech without
    // a party keeps the run going.
    if speeches_before && out.is_empty() {
        if let Some((verb, parties)) = speaker(&s) {
            let cue = text[tokens[verb].start..tokens[verb].end].to_string();
            let venue = |p: &usize| ctx.venue_hosts && Some(*p) == ctx.place_party;
            for party in parties.into_iter().filter(|p| !venue(p)) {
                push(
                    &mut out,
                    party,
                    Status::Attended,
                    Modality::Reported,
                    &cue,
                    None,
                    true,
                );
            }
            speeches_here = true;
        } else if speech_or_quote(text, tokens) {
            speeches_here = true;
        } else if gap_before < MAX_SPEECH_GAP {
            speeches_here = true;
            carry.speech_gap = gap_before + 1;
        }
    }
    speeches_here |= heard;
    carry.pair = pair;
    carry.meetings_at_event = meetings_here;
    carry.speeches_at_event = speeches_here;
    if !speeches_here || heard {
        carry.speech_gap = 0;
    }
    out
}

/// Whether a cue sends no one of a rank, not no one at all: "will not send government
/// politicians", "no ministers" (the state may still be there through its ambassador,
/// as a leader may stay home while the state attends).
fn not_at_level(v: &View, cue: &Cue, lex: &Lexicon) -> bool {
    let representative = cue
        .row
        .is_some_and(|r| lex.rows[r].need() == Need::Representative);
    let rank = |q: usize| {
        matches!(
            v.w(q),
            "government"
                | "senior"
                | "high-level"
                | "top"
                | "cabinet"
                | "politicians"
                | "ministers"
        )
    };
    representative && (cue.head..=cue.end).any(rank)
}

/// Whether the clause names `party` followed, before the next comma, by "as an
/// observer" ("alongside the prime minister of Palau as an observer").
fn observer_named_after(v: &View, party: usize) -> bool {
    (0..v.len()).any(|q| {
        matches!(v.tok(q).map(|t| t.kind), Some(Kind::Party(p, _)) if p == party)
            && (q + 1..(q + 6).min(v.len()))
                .take_while(|&r| !v.is_punct(r))
                .any(|r| {
                    v.w(r) == "as"
                        && matches!(
                            v.w(r + 1 + usize::from(v.w(r + 1) == "an")),
                            "observer" | "observers"
                        )
                })
    })
}

/// Words of a cue that tell a speech at the meeting ("addressed the summit", "spoke at
/// the forum", "told the conference").
const SPEECH_AT_EVENT: &[&str] = &[
    "address",
    "addressed",
    "addresses",
    "addressing",
    "spoke",
    "speak",
    "speaks",
    "speaking",
    "told",
    "tell",
    "tells",
    "remarks",
    "speech",
    "speeches",
    "podium",
    "floor",
    "eulogy",
    "eulogies",
    "tribute",
    "tributes",
    "delivered",
    "delivers",
];

/// How many sentences of something else a run of speeches goes on through.
const MAX_SPEECH_GAP: u8 = 2;

/// Whether a sentence reports speech (a verb of saying or of a speech) or opens with a
/// quotation mark.
fn speech_or_quote(text: &str, tokens: &[Token]) -> bool {
    text.trim_start().starts_with(['“', '"', '‘', '\''])
        || tokens
            .iter()
            .any(|t| is(&t.lower, SPEAKS) || is(&t.lower, SPEECH_AT_EVENT))
}

/// Words that place what a speaker said away from the meeting.
const SAID_ELSEWHERE: &[&str] = &[
    "statement",
    "interview",
    "tweet",
    "tweeted",
    "posted",
    "wrote",
    "phone",
    "telephone",
    "reporters",
    "journalists",
    "newspaper",
    "letter",
    "television",
    "broadcaster",
];

/// Verbs by which a speaker's words are reported ("warned", "praised", "urged").
#[rustfmt::skip]
const SPEAKS: &[&str] = &[
    "said", "says", "told", "warned", "urged", "praised", "exhorted", "worried", "lamented",
    "argued", "insisted", "stressed", "noted", "added", "declared", "pledged", "recalled",
    "hailed", "thanked", "described", "reminded", "cautioned", "appealed", "called",
    "proposed", "remarked", "observed", "emphasised", "emphasized", "underlined",
    "highlighted", "acknowledged", "paid", "saluted", "spoke",
];

/// The sentence's opening subject when it is a speaker named with a title or a name
/// ("Peru's president, Ana Ruiz, said …", "Slovak President Jan Novak warned …"): the
/// position of its verb of speech and its parties.
fn speaker(s: &Sentence) -> Option<(usize, Vec<usize>)> {
    let verb = s.tokens.iter().position(|t| {
        t.kind == Kind::Word
            && !t.capital
            && (is(&t.lower, AUX) || t.lower.ends_with("ed") || is(&t.lower, SPEAKS))
    })?;
    if verb == 0 || !is(&s.tokens[verb].lower, SPEAKS) {
        return None;
    }
    // Words said elsewhere: "said in a statement", "told reporters", "wrote on X".
    if s.tokens.iter().any(|t| is(&t.lower, SAID_ELSEWHERE)) {
        return None;
    }
    let stretch = &s.tokens[..verb];
    // A leader, one titled person or a named one, not "officials said".
    let lex = Lexicon::embedded();
    let person = stretch.iter().any(|t| {
        matches!(t.kind, Kind::Person(_) | Kind::Linked(_))
            || t.kind == Kind::Word
                && (is(&t.lower, LEADERS) || lex.is_title(&t.lower) && !t.lower.ends_with('s'))
    });
    let idxs: Vec<usize> = (0..verb).collect();
    let parties = s.parties(&idxs, &[]).parties;
    (person && !parties.is_empty()).then_some((verb, parties))
}

#[allow(clippy::too_many_arguments)]
fn push(
    out: &mut Vec<Found>,
    party: usize,
    status: Status,
    modality: Modality,
    cue: &str,
    row: Option<usize>,
    by_person: bool,
) {
    if !out.iter().any(|f| f.party == party && f.status == status) {
        out.push(Found {
            party,
            status,
            modality,
            cue: cue.to_string(),
            row,
            by_person,
        });
    }
}

fn cue_text(text: &str, v: &View, from: usize, to: usize) -> String {
    match (v.tok(from), v.tok(to)) {
        (Some(a), Some(b)) if a.start <= b.end => text[a.start..b.end].to_string(),
        _ => String::new(),
    }
}

/// "Iraq attended, but Jordan did not": a clause that ends in an auxiliary and a
/// negation repeats the previous cue, negated.
fn elided(v: &View, prev: &Prev) -> Option<Cue> {
    let base = prev.base?;
    // "Nine states will attend the summit. The states are Peru, Chile …": the list
    // spells out the group of the sentence before, with its status.
    // The group may carry one word or a possessive before its noun ("The G7 leaders
    // are …"), and the copula an "also" ("They also include …").
    let determiner = matches!(v.w(0), "the" | "these" | "those");
    let group = if determiner && is(v.w(1), GROUP_NOUNS) {
        Some(1)
    } else if determiner && !v.is_punct(1) && is(v.w(2), GROUP_NOUNS) {
        Some(2)
    } else if determiner && matches!(v.w(2), "'s" | "’s") && is(v.w(3), GROUP_NOUNS) {
        // "The summit's leaders are …".
        Some(3)
    } else {
        None
    };
    let copula_at = |q: usize| {
        let q = if v.w(q) == "also" { q + 1 } else { q };
        matches!(
            v.w(q),
            "are" | "were" | "was" | "is" | "include" | "included"
        )
        .then_some(q)
    };
    let subject_end = match (group, v.w(0)) {
        (Some(g), _) => Some(g),
        // "They include …", "Those include …", "Others are …"; "Among them are …".
        (None, "they" | "those" | "others") => Some(0),
        (None, "among" | "amongst") if matches!(v.w(1), "them" | "those" | "these") => Some(1),
        // "Chief among them was …", "Prominent among them were …".
        (None, "chief" | "prominent" | "notable" | "foremost" | "notably")
            if matches!(v.w(1), "among" | "amongst")
                && matches!(v.w(2), "them" | "those" | "these") =>
        {
            Some(2)
        }
        _ => None,
    };
    if let Some(q) = subject_end.and_then(|e| copula_at(e + 1)) {
        return Some(Cue::new(0, q, base, Args::Echo(q + 1)));
    }
    let mut end = v.len();
    while end > 0 && (v.is_punct(end - 1) || matches!(v.w(end - 1), "so" | "either" | "too")) {
        end -= 1;
    }
    if end >= 3 && is(v.w(end - 1), NEG) && is(v.w(end - 2), AUX) {
        let mut cue = Cue::new(end - 1, end - 1, base, Args::Subject);
        cue.neg = true;
        return Some(cue);
    }
    // "Morocco's king did not make the trip, but his foreign minister did": the cue
    // before, not negated.
    let positive = end >= 2
        && matches!(
            v.w(end - 1),
            "did" | "does" | "do" | "will" | "would" | "has" | "have" | "had"
        )
        && !is(v.w(end - 2), NEG)
        && !is(v.w(end - 2), AUX);
    positive.then(|| Cue::new(end - 1, end - 1, base, Args::Subject))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claims(text: &str) -> Vec<(String, &'static str, &'static str)> {
        let g = Gazetteer::embedded();
        let ctx = EventCtx::of(
            &super::super::Event {
                name: "International Conference on the Return of Syrian Refugees".into(),
                place: "Damascus".into(),
                start: "2020-11-11".into(),
                end: "2020-11-12".into(),
            },
            g,
        );
        sentence_claims(text, g, &ctx)
            .into_iter()
            .map(|f| {
                (
                    g.parties[f.party].id.clone(),
                    f.status.as_str(),
                    f.modality.as_str(),
                )
            })
            .collect()
    }

    fn ids(text: &str) -> Vec<(String, &'static str)> {
        claims(text).into_iter().map(|(p, s, _)| (p, s)).collect()
    }

    fn owned(v: &[(&str, &'static str)]) -> Vec<(String, &'static str)> {
        v.iter().map(|(p, s)| (p.to_string(), *s)).collect()
    }

    #[test]
    fn list_with_a_bloc_refrained() {
        assert_eq!(
            ids(
                "The US, Canada, the European Union (EU), Jordan, and Turkey refrained from participating in the Conference due to what they described as “the lack of safe conditions”."
            ),
            owned(&[
                ("united-states", "boycotted"),
                ("canada", "boycotted"),
                ("european-union", "boycotted"),
                ("jordan", "boycotted"),
                ("turkey", "boycotted")
            ])
        );
    }

    #[test]
    fn two_clauses_two_statuses() {
        assert_eq!(
            ids("Jordan did not attend the conference, while Turkey was not invited."),
            owned(&[("jordan", "boycotted"), ("turkey", "not_invited")])
        );
        assert_eq!(
            ids("Turkey hosts the most Syrian refugees and has not been invited."),
            owned(&[("turkey", "not_invited")])
        );
    }

    #[test]
    fn observer_and_expected() {
        assert_eq!(
            claims(
                "Other attendees included a Russian delegation and representatives of Syrian regime allies Iran, Venezuela and China, while a United Nations representative was expected to attend as an observer."
            ),
            [
                ("russia".to_string(), "attended", "reported"),
                ("iran".to_string(), "attended", "reported"),
                ("venezuela".to_string(), "attended", "reported"),
                ("china".to_string(), "attended", "reported"),
                ("united-nations".to_string(), "observer", "expected"),
            ]
        );
    }

    #[test]
    fn urging_and_calling_are_not_staying_away() {
        assert!(ids("We strongly urge the UN and all others to forgo attendance as well at this conference.").is_empty());
        assert!(ids("Washington has already called the international community to boycott the Russia-led refugee conference.").is_empty());
    }

    #[test]
    fn pronoun_through_speech_verb() {
        assert_eq!(
            claims(
                "The European Union said on Tuesday it would also not attend, as the situation in Syria was not yet safe for returns."
            ),
            [("european-union".to_string(), "boycotted", "planned")]
        );
        assert_eq!(
            ids("Jordan said it had no plans to take part in the meeting."),
            owned(&[("jordan", "boycotted")])
        );
    }

    #[test]
    fn hosts_and_places() {
        assert_eq!(
            ids(
                "The Syrian regime is holding a refugee conference in Damascus on November 11-12 under Russian advice."
            ),
            owned(&[("syria", "host")])
        );
        assert!(ids("Turkey hosts the largest number of refugees in the world.").is_empty());
        assert!(
            ids("Moscow seeks to hold a second round of the Conference on Lebanese soil.")
                .is_empty()
        );
        assert!(ids("Moscow clearly hopes that the second round of the Conference, which is supposed to be held later on in Lebanon, would be more successful.").is_empty());
    }

    #[test]
    fn every_lexicon_row_reads_its_own_example() {
        let g = Gazetteer::embedded();
        let lex = Lexicon::embedded();
        let event = super::super::Event::default();
        let mut failures = Vec::new();
        for (r, row) in lex.rows.iter().enumerate() {
            let ex = &row.example;
            let sents = crate::markdown::sentences(&ex.text);
            let found = super::super::page_claims(sents.iter().map(String::as_str), g, &event);
            let hit = found.iter().any(|f| {
                g.parties[f.party].id == ex.party
                    && f.status.as_str() == ex.status
                    && f.row == Some(r)
            });
            if !hit {
                let got: Vec<String> = found
                    .iter()
                    .map(|f| {
                        format!(
                            "{} {} (row {:?})",
                            g.parties[f.party].id,
                            f.status.as_str(),
                            f.row
                        )
                    })
                    .collect();
                failures.push(format!(
                    "row {r} `{}`: {:?} should give {} {}, got {got:?}",
                    row.cue, ex.text, ex.party, ex.status
                ));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn shuffled_and_truncated_sentences_never_panic() {
        // Every lexicon example and the seeds' first paragraphs, their words shuffled
        // and cut at every length: the rules index around cues, so edges must hold.
        let g = Gazetteer::embedded();
        let lex = Lexicon::embedded();
        let event = super::super::Event {
            name: "Lakeside Summit".into(),
            place: "Kazan".into(),
            start: "2024-10-22".into(),
            end: "2024-10-24".into(),
        };
        let mut texts: Vec<String> = lex.rows.iter().map(|r| r.example.text.clone()).collect();
        texts.push(
            "No invitation. As did. Among the. Hosts. Invitations went to. , the host ,".into(),
        );
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for t in &texts {
            let mut words: Vec<&str> = t.split_whitespace().collect();
            for round in 0..4 {
                if round > 0 {
                    for i in (1..words.len()).rev() {
                        let j = (next() % (i as u64 + 1)) as usize;
                        words.swap(i, j);
                    }
                }
                for n in 0..=words.len() {
                    let s = words[..n].join(" ");
                    let _ = super::super::page_claims([s.as_str()], g, &event);
                }
            }
        }
    }

    #[test]
    fn an_elided_verb_repeats_the_cue_before() {
        // (pattern, sentence, claims by id)
        type Row<'a> = (&'a str, &'a str, &'a [(&'a str, &'a str)]);
        let rows: &[Row] = &[
            (
                "negative",
                "Iraq attended the conference, but Jordan did not.",
                &[("iraq", "attended"), ("jordan", "boycotted")],
            ),
            (
                "positive",
                "Peru did not attend the conference, but Chile did.",
                &[("peru", "boycotted"), ("chile", "attended")],
            ),
            (
                "a possessive pronoun for the subject",
                "Morocco's king did not attend the conference, but his foreign minister did.",
                &[("morocco", "boycotted"), ("morocco", "attended")],
            ),
        ];
        for (pattern, text, want) in rows {
            assert_eq!(ids(text), owned(want), "{pattern}: {text}");
        }
    }
}
