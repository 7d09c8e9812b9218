//! The arguments of a cue: the parties it applies to and those it excepts — the
//! subject before its verb group (a list of noun phrases, a relative clause's
//! antecedent, a pronoun resolved through "X said it …"), the agents after a passive
//! "by", the list after "included", the object, a possessor, or the parties along
//! with it ("along with X", "except Y", ", including Z").

use super::clauses::{Clause, ClauseKind};
use super::matcher::{Args, Base, Cue};
/// Words of rank between "was" and "to arrive": "was the first to arrive", "was one of
/// the few leaders to attend".
const RANK_WORDS: &[&str] = &[
    "the",
    "a",
    "first",
    "only",
    "last",
    "one",
    "of",
    "few",
    "among",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "that",
    "who",
    "which",
    "those",
    "most",
    "latest",
    "senior",
    "prominent",
    "high-profile",
    "notable",
    "powerful",
    "important",
    "recent",
];

/// Words that open a subordinate clause inside a stretch: its subject starts after.
const SUBORDINATORS: &[&str] = &[
    "because", "although", "though", "whereas", "unless", "until", "where", "but",
];

/// Verbs whose object is the subject of the infinitive after it: "prompting Ghana's
/// president to skip the event".
const CAUSATIVES: &[&str] = &[
    "prompting",
    "prompted",
    "forcing",
    "forced",
    "leading",
    "causing",
    "pushing",
    "persuading",
    "persuaded",
    "allowing",
    "allowed",
    "authorising",
    "authorizing",
    "authorised",
    "authorized",
];

/// Verbs that set a subject in a rank like "was" does: "became the first to".
const RANK_COPULAS: &[&str] = &["became", "becomes", "become", "remains", "remained"];

/// Words that open a rank after a copula: "the only", "the first", "among", "one of".
#[rustfmt::skip]
const RANKS: &[&str] = &[
    "only", "first", "last", "among", "one", "most", "latest", "second", "third", "fourth",
    "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
];

use super::lexicon::{
    AUX, BE, COMMON_VERBS, DEFYING, DELEGATING, GROUP_NOUNS, NOUN_GOVERNORS, PREPOSITIONS,
    PRONOUNS, RELATIVES, REP_NOUNS, SPEECH, TOPIC_NOUNS, VG_ADVERBS, WEEKDAYS, is, is_ordinal,
    pair_len,
};
use super::phrases::{ListParties, list_parties};
use super::tokens::{Kind, Token};
use super::verbgroup::VerbGroup;
use super::view::View;
use super::{Modality, Status};
use crate::analyse::gazetteer::{Gazetteer, Via};

/// A word that opens a rank: one of [`RANKS`] or an ordinal in digits ("the 10th
/// country to withdraw").
fn is_rank(w: &str) -> bool {
    is(w, RANKS) || is_ordinal(w)
}

/// What the previous cue of the sentence resolved to.
#[derive(Debug, Clone, Default)]
pub struct Prev {
    pub status: Option<Status>,
    pub modality: Option<Modality>,
    pub base: Option<Base>,
    pub subjects: Vec<usize>,
    /// The subject of the sentence's first cue ("he would skip the summit because X
    /// was not invited, and instead sent his foreign minister": "he").
    pub first_subjects: Vec<usize>,
}

/// Everything a sentence's clauses share.
pub struct Sentence<'a> {
    pub text: &'a str,
    pub tokens: &'a [Token],
    pub gazetteer: &'a Gazetteer,
}

impl Sentence<'_> {
    pub fn parties(&self, idxs: &[usize], asides: &[(usize, Vec<usize>)]) -> ListParties {
        list_parties(self.tokens, idxs, asides, self.gazetteer)
    }

    /// Every party the tokens at `idxs` name, by a name or a person's link, in order.
    pub fn named_parties(&self, idxs: impl IntoIterator<Item = usize>) -> Vec<usize> {
        let mut named: Vec<usize> = Vec::new();
        for i in idxs {
            let t = &self.tokens[i];
            let party = match t.kind {
                Kind::Party(p, _) if !t.compound => Some(p),
                Kind::Person(p) => super::people::gazetteer_party(self.gazetteer, p),
                Kind::Linked(p) => Some(p),
                _ => None,
            };
            if let Some(p) = party
                && !named.contains(&p)
            {
                named.push(p);
            }
        }
        named
    }

    /// The parties a relative clause hangs on: the noun phrases just before it ("the
    /// US and the EU, which …", "a delegation to Lebanon, which …"), else the last
    /// party of the stretch before it.
    pub fn antecedent_parties(&self, idxs: &[usize]) -> Vec<usize> {
        let toks = self.tokens;
        let mut start = idxs.len();
        while start > 0 {
            let t = &toks[idxs[start - 1]];
            if t.is_word() {
                let w = t.lower.as_str();
                let rep_of = matches!(w, "of" | "from")
                    && start >= 2
                    && is(&toks[idxs[start - 2]].lower, REP_NOUNS);
                if (is(w, PREPOSITIONS) && !rep_of)
                    || is(w, AUX)
                    || is(w, COMMON_VERBS)
                    || is(w, SPEECH)
                {
                    break;
                }
            }
            start -= 1;
        }
        let near = self.parties(&idxs[start..], &[]).parties;
        if !near.is_empty() {
            return near;
        }
        // "to meet with Dissanayake, who is chairing …", "at the summit, which will be
        // held …": a name or a meeting right before is the antecedent, and no party
        // further back ("its resident coordinator, who …" goes back to its party).
        let lex = super::cues::Lexicon::embedded();
        let named = idxs[start..].iter().any(|&i| {
            let t = &toks[i];
            let name = t.capital
                && !is(&t.lower, PRONOUNS)
                && !matches!(t.lower.as_str(), "the" | "a" | "an");
            t.is_word() && (name || lex.is_meeting(&t.lower))
        });
        // "…matches in the former republic, which is co-hosting …": a noun of its own
        // is the antecedent; only a representative or a possessive goes back further.
        let head = idxs[start..].last().map_or("", |&i| toks[i].lower.as_str());
        let represents = idxs[start..]
            .iter()
            .any(|&i| matches!(toks[i].lower.as_str(), "its" | "his" | "her" | "their"))
            || is(head, REP_NOUNS) && !is(head, super::claims::STATE_ANAPHORS)
            || lex.is_title(head);
        if named || !represents {
            return Vec::new();
        }
        let all = self.parties(idxs, &[]).parties;
        all.last().copied().into_iter().collect()
    }

    /// "X said it would …": the party of the speech verb before token `at` (or of the
    /// one after it: "… ,” said the EU").
    pub fn pronoun_referent(&self, at: usize) -> Vec<usize> {
        let toks = self.tokens;
        let speech_before = (at.saturating_sub(30)..at)
            .rev()
            .find(|&i| toks[i].is_word() && is(&toks[i].lower, SPEECH));
        if let Some(s) = speech_before {
            let from = (0..s)
                .rev()
                .find(|&i| {
                    toks[i].is_punct(",")
                        || toks[i].is_punct(";")
                        || toks[i].is_punct(":")
                        || (toks[i].is_word() && is(&toks[i].lower, AUX))
                })
                .map_or(0, |i| i + 1);
            let idxs: Vec<usize> = (from..s).collect();
            let p = self.parties(&idxs, &[]).parties;
            if !p.is_empty() {
                return p;
            }
            // "Chile's president, Tomas Vidal, has said he …": the speaker before an
            // apposition, from the sentence's start to its first comma.
            let first_comma = (0..s).find(|&i| toks[i].is_punct(","));
            // Only a name between the commas ("…, Tomas Vidal, has said").
            let apposition = |c: usize| {
                (c + 1..from).all(|i| toks[i].capital || toks[i].is_punct(","))
                    && toks[0].is_word()
                    && !is(&toks[0].lower, PREPOSITIONS)
            };
            if let Some(c) = first_comma.filter(|&c| c < from && apposition(c)) {
                let p = self.parties(&(0..c).collect::<Vec<_>>(), &[]).parties;
                if !p.is_empty() {
                    return p;
                }
            }
        }
        let speech_after = (at + 1..toks.len().min(at + 60))
            .find(|&i| toks[i].is_word() && is(&toks[i].lower, SPEECH));
        if let Some(s) = speech_after {
            // "he" or "she" is a person: "…, the Kremlin said" is no referent for it.
            let lex = super::cues::Lexicon::embedded();
            let personal = matches!(toks[at].lower.as_str(), "he" | "she");
            let fits = |idxs: &[usize]| {
                !personal
                    || idxs.iter().any(|&i| {
                        matches!(toks[i].kind, Kind::Person(_) | Kind::Linked(_))
                            || lex.is_title(&toks[i].lower)
                                && !is(&toks[i].lower, INSTITUTION_MODIFIERS)
                    })
            };
            let to = (s + 1..toks.len())
                .find(|&i| toks[i].kind == Kind::Punct)
                .unwrap_or(toks.len());
            let after: Vec<usize> = (s + 1..to).collect();
            let p = self.parties(&after, &[]).parties;
            if !p.is_empty() && fits(&after) {
                return p;
            }
            let from = (0..s)
                .rev()
                .find(|&i| toks[i].kind == Kind::Punct)
                .map_or(0, |i| i + 1);
            let before: Vec<usize> = (from..s).collect();
            if !fits(&before) {
                return Vec::new();
            }
            return self.parties(&before, &[]).parties;
        }
        Vec::new()
    }
}

/// Title words that also modify an institution ("the foreign ministry"): no person.
const INSTITUTION_MODIFIERS: &[&str] = &["foreign", "interior", "defence", "defense", "state"];

/// How many words the phrase at `q` has that goes on with a list: "along with",
/// "together with", "as well as".
fn list_joiner_at(v: &View, q: usize) -> Option<usize> {
    match (v.w(q), v.w(q + 1), v.w(q + 2)) {
        ("along" | "together", "with", _) => Some(2),
        ("as", "well", "as") => Some(3),
        _ => None,
    }
}

/// How many words open the list that names a counted group: "including", "among
/// them", "such as".
fn list_opener(w0: &str, w1: &str) -> Option<usize> {
    match (w0, w1) {
        ("including", _) => Some(1),
        ("among", "them") | ("such", "as") => Some(2),
        _ => None,
    }
}

/// The list that names a counted group whose object ended at `at`, within a few words
/// and no verb: "ministers from more than 30 countries, including A and B", or between
/// dashes or brackets, "leaders of 40 states — among them A and B — along with C" (with
/// what "along with" or "as well as" adds after it).
fn counted_group_list(
    s: &Sentence,
    v: &View,
    at: usize,
    next_start: usize,
    to_end: &dyn Fn(usize) -> ListParties,
) -> Option<ListParties> {
    let window: Vec<usize> = (at..next_start.min(at + 10))
        .take_while(|&q| !v.verb_like(q) && !matches!(v.w(q), ";" | ":" | "."))
        .collect();
    for &q in &window {
        if let Some(skip) = list_opener(v.w(q), v.w(q + 1))
            && q + skip < next_start
        {
            return Some(to_end(q + skip));
        }
        let Some(&tok) = v.c.toks.get(q) else {
            continue;
        };
        for (anchor, inner) in &v.c.asides {
            let word = |k: usize| inner.get(k).map_or("", |&t| s.tokens[t].lower.as_str());
            if *anchor == tok
                && let Some(skip) = list_opener(word(0), word(1))
            {
                let mut r = s.parties(&inner[skip.min(inner.len())..], &[]);
                let more = (q + 1..next_start).find_map(|k| Some(k + list_joiner_at(v, k)?));
                if let Some(k) = more {
                    for p in to_end(k).parties {
                        if !r.parties.contains(&p) {
                            r.parties.push(p);
                        }
                    }
                }
                return Some(r);
            }
        }
    }
    None
}

/// The parties a cue applies to, those it excepts, and the subject stretch it read;
/// the guests a host cue names ("welcomed leaders, including …") go to `guests`.
#[allow(clippy::too_many_arguments)]
pub fn arguments(
    s: &Sentence,
    v: &View,
    cue: &Cue,
    vg: &VerbGroup,
    lb: usize,
    next_start: usize,
    prev: &Prev,
    guests: &mut Vec<usize>,
) -> (Vec<usize>, Vec<usize>, (usize, usize)) {
    let to_end = |from: usize| {
        // "15 leaders, among which, besides the host, will be A (Brazil) and B (Chile)":
        // the list goes on after the relative's copula.
        let among_which = (from..next_start.min(from + 12))
            .find(|&q| {
                matches!(v.w(q), "among" | "amongst") && matches!(v.w(q + 1), "which" | "whom")
            })
            .and_then(|q| {
                (q + 2..next_start.min(q + 20))
                    .find(|&r| matches!(v.w(r), "be" | "are" | "were" | "is" | "was"))
            });
        let from = among_which.map_or(from, |r| r + 1);
        // The list ends before a clause of its own: "…, Mills said, prior to …", and
        // before an absolutive "…, with the US president set to attend".
        let with = (from..next_start)
            .find(|&q| v.w(q) == "," && v.w(q + 1) == "with")
            .unwrap_or(next_start);
        let end = match (from..with).find(|&q| v.verb_like(q)) {
            Some(vq) => (from..vq).rev().find(|&q| v.is_punct(q)).unwrap_or(vq),
            None => with,
        };
        let idxs = v.idxs(from, end);
        s.parties(&idxs, &v.c.asides)
    };
    let start = vg.start.min(cue.head);
    match cue.args {
        Args::List(from) if cue.met => {
            // "X met Y at the summit": whoever was met, and the one who met them (when
            // the clause is a main one and the meeting its first verb).
            let r = to_end(from);
            let own_subject = v.c.kind == ClauseKind::Main && (lb..start).all(|q| !v.verb_like(q));
            if !own_subject {
                return (r.parties, r.except, (lb, start));
            }
            let (mut parties, _, stretch) = subject(s, v, lb, start, prev);
            for p in r.parties {
                if !parties.contains(&p) {
                    parties.push(p);
                }
            }
            (parties, r.except, stretch)
        }
        Args::List(from) if lb == 0 => {
            let mut r = to_end(from);
            // "Apart from Russia, Iran and China, most participants were …": at the start
            // of the clause, "apart from" adds, it does not except.
            let marker = match (v.w(0), v.w(1), v.w(2)) {
                ("apart" | "aside", "from", _) => 2,
                ("besides" | "beyond", _, _) => 1,
                ("in", "addition", "to") => 3,
                _ => 0,
            };
            if marker > 0 && cue.base == Base::Attend {
                let extra = s.parties(&v.idxs(marker, cue.head), &v.c.asides);
                for p in extra.parties.into_iter().rev() {
                    if !r.parties.contains(&p) {
                        r.parties.insert(0, p);
                    }
                }
            }
            (r.parties, r.except, (lb, start))
        }
        Args::Echo(from) => {
            // "…, as was Ana Ruiz, a poet who lived in Bolivia": the one echoed, not the
            // places of a relative clause on them.
            let relative =
                (from..next_start).find(|&q| matches!(v.w(q), "who" | "which" | "whose"));
            let r = match relative {
                Some(q) => s.parties(&v.idxs(from, q), &v.c.asides),
                None => to_end(from),
            };
            (r.parties, r.except, (lb, start))
        }
        Args::PassiveBy(from) | Args::List(from) => {
            let r = to_end(from);
            (r.parties, r.except, (lb, start))
        }
        Args::Object(from) => {
            // "excluded Chad, Niger and Mali from …": a comma inside a list of names
            // does not end the object.
            let list_comma = |q: usize| {
                matches!(v.w(q), "," | ";")
                    && (v.is_mention(q + 1) || v.w(q + 1) == "and" && v.is_mention(q + 2))
            };
            let end = (from..next_start)
                .find(|&q| {
                    v.is_punct(q) && !list_comma(q) || matches!(v.w(q), "to" | "because" | "as")
                })
                .unwrap_or(next_start);
            let mut r = s.parties(&v.idxs(from, end), &v.c.asides);
            // "invited all countries except Turkey"
            let tail = tail_parties(s, v, end, next_start);
            r.except.extend(tail.except);
            (r.parties, r.except, (lb, start))
        }
        Args::ObjectParty(from) => {
            // "leads the Qatari delegation", "drew leaders from Brazil and Chile": the
            // object's own parties.
            // "… will lead the Chinese delegation instead": an adverb after the object
            // ends it too.
            // "leaders from its member states along with partners including X": the
            // list goes on.
            let joined = |q: usize| {
                (q.saturating_sub(2)..=q).any(|k| list_joiner_at(v, k).is_some_and(|n| k + n > q))
            };
            let end = (from..next_start)
                .find(|&q| {
                    (v.is_punct(q) && v.w(q) != ",")
                        || (is(v.w(q), PREPOSITIONS)
                            && !matches!(v.w(q), "of" | "from")
                            && !joined(q))
                        || matches!(v.w(q), "instead" | "too" | "again" | "either")
                })
                .unwrap_or(next_start);
            let r = s.parties(&v.idxs(from, end), &v.c.asides);
            if r.parties.is_empty() {
                // "drew ministers from more than 30 nations — including A and B — along
                // with …": a counted group named by the list after it.
                if let Some(r) = counted_group_list(s, v, end, next_start, &to_end)
                    && !r.parties.is_empty()
                {
                    return (r.parties, r.except, (lb, start));
                }
                // "Lavrov led the delegation", "led his country's delegation": the
                // subject's.
                return subject(s, v, lb, start, prev);
            }
            (r.parties, Vec::new(), (lb, start))
        }
        Args::Clause => {
            // The clause's subject, and the parties between its verb and the cue ("met
            // his Iranian counterpart on the sidelines of …").
            let verb = (lb..start).rev().find(|&q| v.verb_like(q));
            // "On the sidelines of the forum, X met Y": the phrase opens the clause, and
            // the meeting is told after its comma.
            let fronted = (verb.is_none() && start == lb)
                .then(|| (cue.end + 1..next_start).find(|&q| v.w(q) == ","))
                .flatten()
                .and_then(|comma| {
                    let vq = (comma + 1..next_start).find(|&q| v.verb_like(q))?;
                    Some((comma + 1, vq))
                });
            let (mut parties, except, stretch, verb, stop) = match (verb, fronted) {
                (Some(vq), _) => {
                    // The subject right before that verb, after any comma.
                    let from = (lb..vq)
                        .rev()
                        .find(|&q| v.is_punct(q))
                        .map_or(lb, |q| q + 1);
                    let (p, e, from) = noun_phrase_before(s, v, from, vq, 0);
                    (p, e, (from, vq), Some(vq), start)
                }
                (None, Some((from, vq))) => {
                    let (p, e, from) = noun_phrase_before(s, v, from, vq, 0);
                    (p, e, (from, vq), Some(vq), next_start)
                }
                (None, None) => {
                    let (p, e, stretch) = subject(s, v, lb, start, prev);
                    (p, e, stretch, None, start)
                }
            };
            // The object, and whoever the subject was "with" ("X with his Peruvian
            // counterpart, at a meeting on the sidelines of …" has no verb).
            let mut heads: Vec<usize> = verb.map(|vq| vq + 1).into_iter().collect();
            let first = verb.map_or(lb, |vq| vq + 1);
            heads.extend((first..stop).filter(|&q| v.w(q) == "with").map(|q| q + 1));
            for h in heads {
                let end = (h..stop)
                    .find(|&q| v.is_punct(q) || is(v.w(q), PREPOSITIONS) && q > h)
                    .unwrap_or(stop);
                for p in s.parties(&v.idxs(h, end), &v.c.asides).parties {
                    if !parties.contains(&p) {
                        parties.push(p);
                    }
                }
            }
            (parties, except, stretch)
        }
        Args::Possessor(at) => {
            // The mention itself, even as a modifier ("the Russia-sponsored talks").
            let parties = match v.tok(at).map(|t| t.kind) {
                Some(Kind::Party(p, _) | Kind::Linked(p)) => vec![p],
                _ => s.parties(&v.idxs(at, at + 1), &[]).parties,
            };
            (parties, Vec::new(), (at, at + 1))
        }
        Args::Venue(from) => {
            let end = (from..v.len()).find(|&q| v.is_punct(q)).unwrap_or(v.len());
            let r = s.parties(&v.idxs(from, end), &[]);
            let parties = if r.parties.len() == 1 {
                r.parties
            } else if r.parties.is_empty() {
                // "at the Damascus Conference Palace": a capital naming the building;
                // "held in Jeddah": a city of the gazetteer, one or two words.
                let named = (from..end).find_map(|q| match v.tok(q).map(|t| t.kind) {
                    Some(Kind::Party(p, via)) if via != Via::Demonym => Some(p),
                    _ => None,
                });
                let one = || s.gazetteer.city(v.w(from));
                let two = || {
                    s.gazetteer
                        .city(&format!("{} {}", v.w(from), v.w(from + 1)))
                };
                named.or_else(one).or_else(two).into_iter().collect()
            } else {
                Vec::new()
            };
            (parties, Vec::new(), (lb, start))
        }
        Args::Subject => {
            let (mut parties, mut except, stretch) = subject(s, v, lb, start, prev);
            let tail = tail_parties(s, v, cue.end + 1, next_start);
            if parties.is_empty() && except.is_empty() {
                // "Those attending were X, Y": an empty subject, a list after.
                // "Among those in attendance will be X": a modal before the copula.
                let modal = usize::from(matches!(
                    v.w(cue.end + 1),
                    "will" | "would" | "should" | "could" | "may" | "might"
                ));
                let w = v.w(cue.end + 1 + modal);
                let copula = matches!(w, "were" | "was" | "are" | "is" | "included" | "include")
                    || modal == 1 && matches!(w, "be" | "include")
                    || v.tok(cue.end + 1).is_some_and(|t| t.is_punct(":"));
                if copula {
                    let r = to_end(cue.end + 2 + modal);
                    parties = r.parties;
                    except = r.except;
                }
            }
            if cue.base == Base::Host {
                // "Putin will welcome several leaders, including Xi and Modi": guests.
                guests.extend(tail.parties);
                // "Ruto hosted China's President Xi, India's prime minister and 50 other
                // leaders": the representatives a host verb takes are its guests.
                let rep_object = cue.end > cue.head
                    && (v.lex.is_title(v.w(cue.end)) || is(v.w(cue.end), REP_NOUNS));
                if rep_object {
                    let goes_on = |q: usize| {
                        v.w(q) == ","
                            && (v.is_mention(q + 1)
                                || v.lex.is_title(v.w(q + 1))
                                || matches!(v.w(q + 1), "the" | "and"))
                    };
                    let end = (cue.head + 1..next_start)
                        .find(|&q| {
                            v.is_punct(q) && !goes_on(q)
                                || is(v.w(q), PREPOSITIONS) && !matches!(v.w(q), "of" | "from")
                        })
                        .unwrap_or(next_start);
                    let object = s.parties(&v.idxs(cue.head + 1, end), &v.c.asides);
                    guests.extend(object.parties.into_iter().filter(|p| !parties.contains(p)));
                }
            } else {
                for p in tail.parties {
                    if !parties.contains(&p) {
                        parties.push(p);
                    }
                }
            }
            except.extend(tail.except);
            (parties, except, stretch)
        }
    }
}

/// Where a dateline that opens the sentence ends ("LISBON, Portugal — …", "NAIROBI
/// (Reuters) -"): the token after its dash.
fn dateline_end(s: &Sentence) -> Option<usize> {
    let first = s.tokens.first()?;
    let word = &s.text[first.start..first.end];
    let shouting = word.chars().filter(|c| c.is_alphabetic()).count() >= 3
        && !word.chars().any(char::is_lowercase);
    if !shouting {
        return None;
    }
    let dash = (1..s.tokens.len().min(8)).find(|&k| {
        let t = &s.tokens[k];
        t.kind == Kind::Punct && matches!(&s.text[t.start..t.end], "—" | "–" | "-" | "--")
    })?;
    Some(dash + 1)
}

/// After a cue: "along with X", "except Y".
fn tail_parties(s: &Sentence, v: &View, from: usize, next_start: usize) -> ListParties {
    let mut out = ListParties::default();
    let last_cue = next_start >= v.len();
    // "Most Western governments …": a group named by a noun, not by its members.
    let group_subject = (0..from).any(|r| {
        matches!(
            v.w(r),
            "governments"
                | "countries"
                | "states"
                | "nations"
                | "powers"
                | "leaders"
                | "allies"
                | "presidents"
                | "delegations"
        )
    }) && !(0..from).any(|r| v.is_mention(r));
    let mut q = from;
    while q < next_start {
        let w = v.w(q);
        let along = (matches!(w, "along" | "together") && v.w(q + 1) == "with")
            || (w == "as" && v.w(q + 1) == "well" && v.w(q + 2) == "as")
            || (w == "in" && v.w(q + 1) == "addition" && v.w(q + 2) == "to");
        let except = matches!(w, "except" | "excluding")
            || (w == "with"
                && v.w(q + 1) == "the"
                && matches!(v.w(q + 2), "exception" | "exceptions"))
            || (w == "apart" && v.w(q + 1) == "from")
            || (w == "other" && v.w(q + 1) == "than")
            // "…, but not to Pakistan".
            || (w == "but" && v.w(q + 1) == "not");
        // "…, including Iran and Venezuela", "…, naming Russia, China …", "…, among
        // them Oman": the members of a group subject.
        // "…shunned the conference, with Canada and Germany saying …": an absolutive
        // "with" names members of the group subject.
        let absolutive = w == "with"
            && v.wb(q, 1) == ","
            && group_subject
            && (q + 2..next_start.min(q + 12)).any(|r| {
                matches!(
                    v.w(r),
                    "saying" | "citing" | "arguing" | "complaining" | "insisting" | "noting"
                )
            });
        // (Not "topics such as Haiti and Venezuela", "a string of issues was expected on
        // the agenda, including Yemen": an agenda, no guests.)
        let topics = || {
            is(v.wb(q, 1), TOPIC_NOUNS)
                || (0..q).any(|r| is(v.w(r), TOPIC_NOUNS) || v.w(r) == "agenda")
                    && !(0..q).any(|r| v.is_mention(r))
        };
        // "Several leaders will attend the funeral: A, B and C": a colon names them.
        // (Not a quote after the colon.)
        let colon = w == ":"
            && (group_subject
                || (0..from).any(|r| {
                    matches!(
                        v.w(r),
                        "leaders" | "heads" | "presidents" | "dignitaries" | "ministers"
                    )
                }))
            && (q + 1..next_start)
                .all(|r| !is(v.w(r), SPEECH) && !matches!(v.w(r), "\"" | "“" | "”"));
        let members = absolutive
            || colon
            || (matches!(
                w,
                "including"
                    | "naming"
                    | "notably"
                    | "chiefly"
                    | "mainly"
                    | "namely"
                    | "particularly"
            ) || (w == "in" && v.w(q + 1) == "particular")
                || (w == "among" && v.w(q + 1) == "them")
                || (w == "such" && v.w(q + 1) == "as"))
                && !topics();
        if along || except || members || w == "alongside" {
            let skip = match w {
                "but" if matches!(v.w(q + 2), "to" | "for" | "from") => 3,
                "with" if absolutive => 1,
                ":" => 1,
                // "…, in particular, A, B and C".
                "in" if v.w(q + 1) == "particular" => 2 + usize::from(v.w(q + 2) == ","),
                "as" | "in" => 3,
                "with" => 4,
                "except" | "excluding" | "alongside" | "including" | "naming" | "notably"
                | "chiefly" | "mainly" | "namely" | "particularly" => 1,
                _ => 2,
            };
            // "…, the Kremlin aide said": a closing attribution is not in the list.
            let said = (q + skip..next_start).find(|&r| is(v.w(r), SPEECH) && r > q + skip);
            let end = if let Some(sp) = said.filter(|_| last_cue) {
                (q + skip..sp).rev().find(|&r| v.is_punct(r)).unwrap_or(sp)
            } else if last_cue {
                next_start
            } else {
                (q + skip..next_start)
                    .find(|&r| v.is_punct(r))
                    .unwrap_or(next_start)
            };
            let r = s.parties(&v.idxs(q + skip, end), &v.c.asides);
            if except {
                out.except.extend(r.parties);
            } else {
                out.parties.extend(r.parties);
            }
            q = end;
            continue;
        }
        q += 1;
    }
    out
}

/// The subject of a cue whose verb group starts at `start`: parties, excepted parties,
/// and the stretch read.
///
/// A sentence labelled with its party ("France: the government said it will not go",
/// "Netherlands: decided that no minister will go") is about that party when its
/// subject names none.
fn subject(
    s: &Sentence,
    v: &View,
    lb: usize,
    start: usize,
    prev: &Prev,
) -> (Vec<usize>, Vec<usize>, (usize, usize)) {
    let found = subject_named(s, v, lb, start, prev);
    if !found.0.is_empty() || !found.1.is_empty() {
        return found;
    }
    let label = match (s.tokens.first(), s.tokens.get(1)) {
        (Some(t), Some(colon)) if colon.is_punct(":") => match t.kind {
            Kind::Party(p, via) if via != Via::Demonym => Some(p),
            _ => None,
        },
        _ => None,
    };
    match label {
        Some(p) => (vec![p], Vec::new(), found.2),
        None => found,
    }
}

/// [`subject`] from the clause's own words.
fn subject_named(
    s: &Sentence,
    v: &View,
    lb: usize,
    start: usize,
    prev: &Prev,
) -> (Vec<usize>, Vec<usize>, (usize, usize)) {
    let c = v.c;
    // "Despite the absence of A and B, the summit still drew …": the concession that
    // opens the clause is not its subject.
    let concession = matches!(v.w(0), "despite" | "notwithstanding")
        || (v.w(0), v.w(1), v.w(2)) == ("in", "spite", "of");
    let lb = match (1..start).find(|&q| v.w(q) == ",") {
        Some(comma) if concession => lb.max(comma + 1),
        _ => lb,
    };
    // "LISBON, Portugal — Hundreds of delegates joined …": the dateline is no subject.
    let lb = match dateline_end(s) {
        Some(end) => (0..start)
            .find(|&q| v.c.toks.get(q).is_some_and(|&i| i >= end))
            .map_or(lb, |q| lb.max(q)),
        None => lb,
    };
    // "X concluded his visit to Lisbon, where he attended the summit": "he" is the
    // subject of the clause the place belongs to.
    if c.kind == ClauseKind::Relative
        && matches!(v.w(0), "where" | "when")
        && matches!(v.w(1), "he" | "she" | "they")
        && start <= 3
        && let Some(&first) = c.toks.first()
    {
        let main = Clause {
            kind: ClauseKind::Main,
            toks: (0..first).collect(),
            antecedent: Vec::new(),
            asides: Vec::new(),
        };
        let mv = View::new(v.tokens, &main, v.lex);
        // "X today concluded …": an adverb between the name and its verb.
        let adverb = |q: usize| {
            matches!(mv.w(q), "today" | "yesterday" | "tonight" | "later")
                || is(mv.w(q), VG_ADVERBS)
        };
        let verb = (0..mv.len())
            .find(|&q| mv.verb_like(q) || q > 0 && adverb(q - 1) && mv.w(q).ends_with("ed"));
        if let Some(mut vq) = verb {
            while vq > 0 && adverb(vq - 1) {
                vq -= 1;
            }
            let (parties, except, _) = noun_phrase_before(s, &mv, 0, vq, 0);
            if !parties.is_empty() {
                return (parties, except, (lb, start));
            }
        }
    }
    // "Mexico, the only member of the group which did not sign, was represented by …":
    // the subject before an apposition set off by commas.
    if start >= lb + 3
        && v.w(start - 1) == ","
        && let Some(c1) = (lb + 1..start - 1).find(|&q| v.w(q) == ",")
        && (c1 + 1..start - 1).all(|q| v.w(q) != "," && !v.is_mention(q))
        && (lb..c1).all(|q| !v.verb_like(q))
    {
        let r = s.parties(&v.idxs(lb, c1), &c.asides);
        if !r.parties.is_empty() {
            return (r.parties, r.except, (lb, start));
        }
    }
    // "Peskov commented on Merkel's refusal to attend": the possessor refuses.
    if v.w(start) == "refusal" && start > lb + 1 && v.w(start - 1) == "'s" {
        let from = (lb..start - 1)
            .rev()
            .find(|&q| v.is_punct(q) || is(v.w(q), PREPOSITIONS) || v.verb_like(q))
            .map_or(lb, |q| q + 1);
        let r = s.parties(&v.idxs(from, start - 1), &c.asides);
        return (r.parties, r.except, (from, start));
    }
    // "Speaking at the opening session, Kenya's president said …": a participle that
    // opens the clause has the subject after its comma.
    // ("In Monday's remarks, Peru's president warned …" too.)
    if start == 0
        && lb == 0
        && (v.w(0).ends_with("ing") || v.w(0) == "in")
        && let Some(comma) = (1..v.len().min(16)).find(|&q| v.w(q) == ",")
    {
        let end = (comma + 1..v.len())
            .find(|&q| v.verb_like(q) || v.is_punct(q))
            .unwrap_or(v.len());
        let parties = s.parties(&v.idxs(comma + 1, end), &c.asides).parties;
        if !parties.is_empty() {
            return (parties, Vec::new(), (comma + 1, end));
        }
    }
    // "…will not travel to the summit, sending his foreign minister instead": a
    // participle after a comma shares the subject of the verb before.
    if v.w(start).ends_with("ing") && start > lb && v.w(start - 1) == "," {
        if !prev.subjects.is_empty() {
            return (prev.subjects.clone(), Vec::new(), (lb, start));
        }
        // "UN climate chief Simon Stiell urged cooperation, opening the summit": the
        // subject of the clause's first verb, when no cue came before.
        if let Some(vq) = (lb..start - 1).find(|&q| v.verb_like(q))
            && vq > lb
        {
            let (parties, except, from) = noun_phrase_before(s, v, lb, vq, 0);
            if !parties.is_empty() {
                return (parties, except, (from, start));
            }
        }
    }
    // "…, prompting Ghana's president to skip the event": the one prompted.
    if v.w(start) == "to"
        && let Some(g) = (lb..start).rev().find(|&q| is(v.w(q), CAUSATIVES))
        && g + 1 < start
    {
        let (parties, except, from) = noun_phrase_before(s, v, g + 1, start, 0);
        return (parties, except, (from, start));
    }
    // "X defied an EU travel ban to take his place among the guests": the one who
    // defied it, not the ban's party.
    if let Some(g) = (lb..start).rev().find(|&q| is(v.w(q), DEFYING))
        && (v.w(start) == "to" || (g..start).any(|q| v.w(q) == "to"))
    {
        let (parties, except, from) = noun_phrase_before(s, v, lb, auxiliaries_before(v, lb, g), 0);
        return (parties, except, (from, start));
    }
    // "Nigeria has designated its vice-president to attend": one sent for the party
    // that sends them, when they name no party of their own.
    if v.w(start) == "to"
        && let Some(g) = (lb..start).rev().find(|&q| is(v.w(q), DELEGATING))
        && g + 1 < start
        && !is(v.w(g + 1), PREPOSITIONS)
        && (g + 1..start).all(|q| !v.is_punct(q))
    {
        let (parties, except, from) = noun_phrase_before(s, v, g + 1, start, 0);
        if !parties.is_empty() {
            return (parties, except, (from, start));
        }
        let (parties, except, from) = noun_phrase_before(s, v, lb, auxiliaries_before(v, lb, g), 0);
        return (parties, except, (from, start));
    }
    // "Egypt's president was the first to arrive", "Chad is the only head of state to
    // skip it", "Peru became the first country to say it would stay away", "Chile is
    // among a dozen states that are boycotting": the subject of the copula.
    if let Some(vb) = (lb..start)
        .rev()
        .find(|&q| is(v.w(q), BE) || is(v.w(q), RANK_COPULAS))
    {
        let only_rank = vb + 1 < start
            && (vb + 1..start)
                .all(|q| is(v.w(q), RANK_WORDS) || is(v.w(q), NOUN_GOVERNORS) || is_rank(v.w(q)));
        let ranked = vb + 1 < start
            && (vb + 1..(vb + 3).min(start)).any(|q| is_rank(v.w(q)))
            && (vb + 1..start).all(|q| !v.is_punct(q) && !v.is_mention(q));
        if only_rank || ranked {
            // "Hungary has become the first …": the subject before "has".
            let vb = auxiliaries_before(v, lb, vb);
            let (parties, except, from) = noun_phrase_before(s, v, lb, vb, 0);
            return (parties, except, (from, start));
        }
        // "Kenya's president is among 20 leaders, including Peru's president, to
        // attend": the subject of the copula and the inserted list.
        let inserted = (vb + 1..start).find(|&q| v.w(q) == "including" && v.w(q - 1) == ",");
        if let Some(i) = inserted
            && start >= 1
            && v.w(start - 1) == ","
            && (vb + 1..(vb + 3).min(i)).any(|q| is_rank(v.w(q)))
            && (vb + 1..i - 1).all(|q| !v.is_punct(q) && !v.is_mention(q))
        {
            let vb = auxiliaries_before(v, lb, vb);
            let (mut parties, except, from) = noun_phrase_before(s, v, lb, vb, 0);
            for p in s.parties(&v.idxs(i + 1, start - 1), &c.asides).parties {
                if !parties.contains(&p) {
                    parties.push(p);
                }
            }
            return (parties, except, (from, start));
        }
    }
    let content = |a: usize, b: usize| {
        (a..b).any(|q| {
            let w = v.w(q);
            !(v.is_punct(q)
                || matches!(
                    w,
                    "and" | "but" | "or" | "yet" | "then" | "while" | "whereas"
                )
                || is(w, VG_ADVERBS))
        })
    };
    // "Leaders who attended the ceremony include X and Y": a group, a relative clause
    // with the cue, then the group's members after the main verb.
    if let Some(q) = members_after_relative(v, start) {
        let q = q + usize::from(v.w(q + 1) == ":");
        let end = (q + 1..v.len())
            .find(|&r| v.is_punct(r) && v.w(r) != ",")
            .unwrap_or(v.len());
        let parties = s.parties(&v.idxs(q + 1, end), &c.asides).parties;
        return (parties, Vec::new(), (lb, start));
    }
    // A relative clause: "…, which attended as an observer".
    if c.kind == ClauseKind::Relative {
        let only_relative = (lb..start).all(|q| is(v.w(q), RELATIVES) || is(v.w(q), VG_ADVERBS));
        if only_relative && lb == 0 {
            // "Among the leaders who have arrived are X and Y": the list after the clause.
            let among = c
                .antecedent
                .first()
                .is_some_and(|&i| s.tokens[i].lower == "among");
            if let (true, Some(&last)) = (among, c.toks.last()) {
                let after = last + 1;
                if s.tokens.get(after).is_some_and(|t| is(&t.lower, BE)) {
                    let end = (after + 1..s.tokens.len())
                        .find(|&i| s.tokens[i].kind == Kind::Punct && s.tokens[i].lower != ",")
                        .unwrap_or(s.tokens.len());
                    let idxs: Vec<usize> = (after + 1..end).collect();
                    return (s.parties(&idxs, &[]).parties, Vec::new(), (lb, start));
                }
            }
            return (s.antecedent_parties(&c.antecedent), Vec::new(), (lb, start));
        }
    }
    let v_pos = (lb..start).rev().find(|&q| v.verb_like(q));
    let from = v_pos.map_or(lb, |q| q + 1);
    let before_vg = if start > 0 { v.w(start - 1) } else { "" };
    // "Chile and Peru joined Spain in shunning the talks": the object of "joined" and
    // its subject.
    // "…will not attend in person, with his foreign minister sent on his behalf": an
    // absolutive "with" goes back to the sentence's first subject.
    let absolutive = (lb..start).rev().find(|&q| v.is_punct(q)).is_some_and(|q| {
        v.w(q) == "," && v.w(q + 1) == "with" && (q + 2..start).any(|r| is(v.w(r), REP_NOUNS))
    });
    if absolutive && !prev.first_subjects.is_empty() {
        return (prev.first_subjects.clone(), Vec::new(), (lb, start));
    }
    // "Cuba and Laos join Eritrea on the list of states not asked to …": the same.
    let on_list = v_pos.and_then(|vp| {
        (vp + 1..start).find(|&q| v.w(q) == "on" && v.w(q + 1) == "the" && v.w(q + 2) == "list")
    });
    // "Bulgaria joined the Soviet Union in a boycott of the Games", "North Korea followed
    // the Soviet Union in boycotting the Games": the same. The verb, and where its
    // object ends.
    let joined = if matches!(v.w(start), "join" | "joins" | "joined" | "joining") {
        (start + 2..(start + 9).min(v.len()))
            .find(|&q| v.w(q) == "in" && v.w(q + 2) == "boycott")
            .map(|q| (start, q - 1))
    } else {
        None
    };
    let joined = joined.or_else(|| {
        v_pos
            .filter(|&vp| {
                (before_vg == "in" && v.w(start).ends_with("ing") || on_list.is_some())
                    && matches!(
                        v.w(vp),
                        "join"
                            | "joins"
                            | "joined"
                            | "joining"
                            | "follow"
                            | "follows"
                            | "followed"
                            | "following"
                    )
            })
            .map(|vp| (vp, on_list.unwrap_or(start - 1)))
    });
    if let Some((vp, object_end)) = joined {
        let object = s.parties(&v.idxs(vp + 1, object_end), &c.asides);
        let (mut parties, except, from2) = noun_phrase_before(s, v, lb, vp, 0);
        for p in object.parties {
            if !parties.contains(&p) {
                parties.push(p);
            }
        }
        return (parties, except, (from2, start));
    }
    let coordinated = !content(from, start)
        || (matches!(before_vg, "and" | "but" | "or" | "yet" | "then")
            && s.parties(&v.idxs(from, start), &c.asides)
                .parties
                .is_empty());
    if coordinated {
        // "…skip the summit because X was not invited, and instead sent his minister":
        // "instead" goes back to the sentence's first subject.
        if (lb..=start).any(|q| v.w(q) == "instead") && !prev.first_subjects.is_empty() {
            return (prev.first_subjects.clone(), Vec::new(), (lb, start));
        }
        // "Turkey hosts the most refugees and has not been invited", "was invited but
        // declined": the subject of the verb before.
        if lb > 0 || v_pos.is_none() {
            if !prev.subjects.is_empty() {
                return (prev.subjects.clone(), Vec::new(), (lb, start));
            }
            if c.kind == ClauseKind::Relative {
                return (s.antecedent_parties(&c.antecedent), Vec::new(), (lb, start));
            }
        }
        if let Some(vp) = v_pos {
            let (parties, except, from2) = noun_phrase_before(s, v, lb, vp, 0);
            return (parties, except, (from2, start));
        }
        return (Vec::new(), Vec::new(), (lb, start));
    }
    // "A talks to B and C as they enter the room to attend the summit": "they" after a
    // subordinator is everyone the clause before it names.
    let they = (start.saturating_sub(5)..start).find(|&q| {
        q > lb
            && v.w(q) == "they"
            && matches!(v.wb(q, 1), "as" | "when" | "while" | "after" | "before")
            && !(q + 1..start).any(|r| v.is_mention(r) || v.is_punct(r))
    });
    if let Some(q) = they {
        let named = s.named_parties(v.idxs(lb, q - 1));
        if named.len() >= 2 {
            return (named, Vec::new(), (lb, start));
        }
    }
    let (parties, except, _) = noun_phrase_before(s, v, lb, start, 0);
    // "The Turkish president will not travel. Instead, he will send …": a sentence's
    // opening "he" or "she" is the subject before.
    let pronoun_only = ["he", "she", "they"].iter().any(|pronoun| {
        (from..start)
            .filter(|&q| !v.is_punct(q) && !is(v.w(q), OPENER_WORDS) && v.w(q) != "instead")
            .map(|q| v.w(q))
            .eq([*pronoun])
    });
    // "Both leaders will attend": the two the sentence before named.
    let pair_words: Vec<&str> = (from..start)
        .filter(|&q| !v.is_punct(q))
        .map(|q| v.w(q))
        .collect();
    let pronoun_only =
        pronoun_only || prev.subjects.len() == 2 && pair_len(&pair_words) == Some(pair_words.len());
    // "… that the country would not take part": the one state before.
    let the_country = {
        let after_that = (from..start)
            .rev()
            .find(|&q| v.w(q) == "that")
            .map_or(from, |q| q + 1);
        let words: Vec<&str> = (after_that..start)
            .filter(|&q| !v.is_punct(q) && !is(v.w(q), OPENER_WORDS))
            .map(|q| v.w(q))
            .collect();
        matches!(words[..], ["the", noun] if is(noun, super::claims::STATE_ANAPHORS))
    };
    if parties.is_empty()
        && (pronoun_only || the_country && prev.subjects.len() == 1)
        && !prev.subjects.is_empty()
    {
        return (prev.subjects.clone(), Vec::new(), (from, start));
    }
    // "…, but his foreign minister did", "its delegation sat through both days": a
    // possessive pronoun before a representative stands for the subject before.
    let first = (from..start).find(|&q| {
        !v.is_punct(q)
            && !is(v.w(q), OPENER_WORDS)
            && !is(v.w(q), SAID_WHEN)
            && !is(v.w(q), WEEKDAYS)
    });
    // ("his schedule did not allow him to attend": an excuse stands for its owner.)
    let possessive_rep = first.is_some_and(|q| {
        matches!(v.w(q), "his" | "her" | "its" | "their")
            && (q + 1..start).any(|r| {
                is(v.w(r), REP_NOUNS)
                    || matches!(
                        v.w(r),
                        "schedule" | "agenda" | "diary" | "calendar" | "health"
                    )
            })
    });
    // "…, while Portugal's foreign ministry said its envoy would not attend": the
    // speaker of this clause comes before the subject of the clause before.
    let speaker = |lb: usize| {
        let sp = (lb..from).rev().find(|&q| is(v.w(q), SPEECH))?;
        let sp = auxiliaries_before(v, lb, sp);
        let (p, e, f) = noun_phrase_before(s, v, lb, sp, 1);
        (!p.is_empty()).then_some((p, e, f))
    };
    if parties.is_empty() && possessive_rep {
        if let Some((p, e, f)) = speaker(lb) {
            return (p, e, (f, start));
        }
        if !prev.subjects.is_empty() {
            return (prev.subjects.clone(), Vec::new(), (from, start));
        }
    }
    // "Peru announced its decision not to attend": the subject of the verb before.
    let possessive_plan = first.is_some_and(|q| {
        matches!(v.w(q), "his" | "her" | "its" | "their")
            && (q + 1..=start)
                .any(|r| matches!(v.w(r), "decision" | "intention" | "plan" | "plans"))
    });
    if parties.is_empty()
        && possessive_plan
        && let Some(vp) = v_pos
    {
        let (p, e, f) = noun_phrase_before(s, v, lb, auxiliaries_before(v, lb, vp), 1);
        if !p.is_empty() {
            return (p, e, (f, start));
        }
    }
    // "Mexico said on Tuesday its envoy would attend", "Chile's foreign ministry
    // announced that Premier Ana Soto will attend": an official of no stated party
    // speaks for the speaker.
    let unlinked_official = first.is_some_and(|q| v.lex.is_title(v.w(q)))
        && (from..start).any(|q| v.tok(q).is_some_and(|t| t.capital));
    if parties.is_empty()
        && unlinked_official
        && let Some(sp) = (lb..from).rev().find(|&q| is(v.w(q), SPEECH))
    {
        let sp = auxiliaries_before(v, lb, sp);
        let (p, e, f) = noun_phrase_before(s, v, lb, sp, 1);
        // Not a person's word on another's official ("Biden said Premier Li will …").
        let person = (f..sp).any(|q| {
            v.tok(q)
                .is_some_and(|t| matches!(t.kind, Kind::Person(_) | Kind::Linked(_)))
        });
        if !p.is_empty() && !person {
            return (p, e, (f, start));
        }
    }
    (parties, except, (from, start))
}

/// Where the verb at `q` starts with its auxiliaries and adverbs ("had earlier said"),
/// not before `lb`: the end of its subject.
fn auxiliaries_before(v: &View, lb: usize, mut q: usize) -> usize {
    while q > lb && (is(v.w(q - 1), AUX) || is(v.w(q - 1), VG_ADVERBS)) {
        q -= 1;
    }
    q
}

/// Words between a verb of saying and what was said: "said on Tuesday that its envoy".
/// (And the days of the week, [`WEEKDAYS`].)
const SAID_WHEN: &[&str] = &[
    "on",
    "that",
    "yesterday",
    "today",
    "earlier",
    "later",
    "last",
    "week",
    "night",
];

/// Words that open a clause before its subject ("but his minister did").
const OPENER_WORDS: &[&str] = &[
    "but", "and", "although", "though", "while", "whereas", "yet",
];

/// The subject that ends before clause position `end`: read back to `lb` or the
/// previous finite verb; a relative pronoun takes the noun before it, and a pronoun is
/// resolved through the verb of saying before it ("Jordan said it …"). Returns the
/// parties, the excepted parties and where the phrase starts.
fn noun_phrase_before(
    s: &Sentence,
    v: &View,
    lb: usize,
    end: usize,
    depth: usize,
) -> (Vec<usize>, Vec<usize>, usize) {
    let c = v.c;
    let v_pos = (lb..end).rev().find(|&q| v.verb_like(q));
    let mut from = v_pos.map_or(lb, |q| q + 1);
    let mut to = end;
    // "would miss the forum because the leaders of X and Y were not invited": the
    // clause after a subordinator.
    // ("… among the themes as Canada will attend": a causal "as" too, not "such as",
    // "as well as".)
    let causal_as = |q: usize| {
        v.w(q) == "as"
            && q > 0
            && !matches!(v.wb(q, 1), "well" | "such" | "so" | "just" | "same" | "known" | "seen")
            // (Not "elected as Japan's prime minister", "serving as …": a role; but
            // "listened as Qatar's emir opened …", a clause up to the cue, is a time.)
            && (!v.wb(q, 1).ends_with("ed") || (q + 1..end).all(|r| !v.is_punct(r)))
            && !v.wb(q, 1).ends_with("ing")
            && v.w(q + 1) != "well"
            && v.is_mention(q + 1)
            && v.wb(q, 1) != ","
            && !v.is_mention(q - 1)
    };
    if let Some(t) = (from..to)
        .rev()
        .find(|&q| is(v.w(q), SUBORDINATORS) || causal_as(q))
    {
        from = t + 1;
    }
    // "…, with the leaders of Ghana and Peru also expected": an absolutive "with"
    // opens its own subject.
    if let Some(t) = (from..to).rev().find(|&q| {
        v.w(q) == "with" && v.wb(q, 1) == "," && !matches!(v.w(q + 2), "exception" | "exceptions")
    }) {
        from = t + 1;
    }
    // "The Baltic states – Estonia, Latvia and Lithuania – which have withdrawn their
    // ambassadors from Moscow – ruled out attending": the verb before the cue is the
    // relative clause's; the subject stands before the relative pronoun.
    if let Some(vq) = v_pos
        && let Some(r) = (lb + 1..vq)
            .rev()
            .find(|&q| matches!(v.w(q), "which" | "who"))
        && (r + 1..vq).all(|q| !v.is_mention(q))
        && (lb..r).all(|q| !v.verb_like(q))
    {
        let before = s.parties(&v.idxs(lb, r), &c.asides);
        if !before.parties.is_empty() {
            return (before.parties, before.except, lb);
        }
    }
    // "informed Kiev and Warsaw that will not go": those told are no subject; the
    // teller is.
    let told = v_pos.filter(|&q| {
        matches!(
            v.w(q),
            "informed"
                | "told"
                | "notified"
                | "assured"
                | "warned"
                | "reminded"
                | "informs"
                | "tells"
                | "notifies"
                | "assures"
        )
    });
    if let Some(tq) = told
        && depth < 3
        && to > from
        && v.w(to - 1) == "that"
    {
        let tq = auxiliaries_before(v, lb, tq);
        return noun_phrase_before(s, v, lb, tq, depth + 1);
    }
    // "said in a statement that Berlin would …": the clause after "that".
    if let Some(t) = (from..to).rev().find(|&q| v.w(q) == "that") {
        let content_after = (t + 1..to).any(|q| !v.is_punct(q) && !is(v.w(q), VG_ADVERBS));
        if content_after {
            from = t + 1;
        }
    }
    // "countries that refuse …": the noun before the relative pronoun.
    if let Some(r) = (from..to).rev().find(|&q| is(v.w(q), RELATIVES)) {
        let rest_empty = (r + 1..to).all(|q| v.is_punct(q) || is(v.w(q), VG_ADVERBS));
        if rest_empty {
            to = r;
        }
        // "A and B added their names to the growing list of countries that have opted
        // to boycott": those who joined the list.
        let on_list =
            r >= 3 && is(v.w(r - 1), GROUP_NOUNS) && v.w(r - 2) == "of" && v.w(r - 3) == "list";
        if let (true, true, Some(vq)) = (rest_empty, on_list, v_pos)
            && matches!(
                v.w(vq),
                "added" | "adds" | "add" | "joined" | "joins" | "join"
            )
            && depth < 3
        {
            let vq = auxiliaries_before(v, lb, vq);
            return noun_phrase_before(s, v, lb, vq, depth + 1);
        }
    }
    let last_content = (from..to)
        .rev()
        .find(|&q| !v.is_punct(q) && !is(v.w(q), VG_ADVERBS));
    if let Some(lc) = last_content
        && is(v.w(lc), PRONOUNS)
    {
        // The subject of the verb of saying before the pronoun, in this clause.
        let speech = (0..lc).rev().find(|&q| is(v.w(q), SPEECH));
        if let (Some(sp), true) = (speech, depth < 3) {
            // "… have announced that they": the subject before "have".
            let sp = auxiliaries_before(v, 0, sp);
            let (p, e, _) = noun_phrase_before(s, v, 0, sp, depth + 1);
            if !p.is_empty() {
                return (p, e, from);
            }
        }
        return (s.pronoun_referent(c.toks[lc]), Vec::new(), from);
    }
    let r = s.parties(&v.idxs(from, to), &c.asides);
    (r.parties, r.except, from)
}

/// In "Leaders who attended the ceremony include X and Y", the position of the main
/// verb ("include", "are") after the relative clause whose verb group starts at
/// `start`, when a group noun ("leaders", "heads of state") stands right before "who"
/// or "that".
fn members_after_relative(v: &View, start: usize) -> Option<usize> {
    if start < 2 || !matches!(v.w(start - 1), "who" | "that" | "which") {
        return None;
    }
    let head = v.w(start - 2);
    let group = is(head, GROUP_NOUNS) || head == "state" && v.wb(start - 2, 2) == "heads";
    if !group {
        return None;
    }
    // Past the relative clause's own verb group ("who are expected to attend").
    let head = (start..v.len()).find(|&q| !is(v.w(q), AUX) && !is(v.w(q), BE))?;
    let copulas: Vec<usize> = (head + 1..v.len())
        .take_while(|&q| !v.is_punct(q) || matches!(v.w(q), "," | "'s"))
        .filter(|&q| matches!(v.w(q), "include" | "includes" | "included" | "are" | "were"))
        .collect();
    // "Countries which have withdrawn or are assumed to have withdrawn … are: A, B":
    // the copula the list follows, not one inside the relative clause.
    let list_follows = |q: &usize| v.w(q + 1) == ":" || v.is_mention(q + 1);
    copulas
        .iter()
        .copied()
        .find(list_follows)
        .or_else(|| copulas.first().copied())
}
