//! People to parties within one article: a title with a demonym, a possessive or an
//! "of X" ("Chinese President Xi Jinping", "China's Xi Jinping", "UN Secretary-General
//! António Guterres", "Prime Minister Jonas Gahr Støre of Norway") links the person to
//! the party, and later mentions of the full name or the surname ("Xi did not attend")
//! stand for that party. A person the gazetteer knows speaks for the gazetteer's
//! party ([`gazetteer_party`]). The summary links speakers to parties through the
//! same two ([`person_parties`]).

use super::cues::Lexicon;
use super::lexicon::{RELATIONAL, REP_NOUNS, is};
use super::tokens::{Kind, Token, tokenize};
use crate::analyse::gazetteer::{Gazetteer, Via};

/// Lower-case particles inside names ("Mohammed bin Salman", "Ursula von der Leyen").
pub const PARTICLES: &[&str] = &[
    "bin", "ibn", "al", "el", "de", "da", "di", "du", "van", "von", "der", "den", "la", "le",
    "abu", "bint", "ben", "dos", "das", "do",
];

/// Capitalised words that are not names ("Russian Foreign Ministry", "the Saudi Crown
/// Prince On Friday").
#[rustfmt::skip]
pub const NOT_NAMES: &[&str] = &[
    "the", "a", "an", "on", "in", "at", "and", "but", "said", "says", "told", "monday",
    "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "mr", "mrs", "ms", "dr", "his", "her", "their", "its", "who",
    "which", "this", "that", "for", "of", "to", "with", "by", "as", "also", "will",
];

/// The names linked to parties in one article.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Links {
    /// A name as lower-case words, and its party.
    names: Vec<(Vec<String>, usize)>,
}

impl Links {
    fn add(&mut self, words: Vec<String>, party: usize) {
        if words.is_empty() || self.names.iter().any(|(w, _)| *w == words) {
            return;
        }
        self.names.push((words, party));
    }

    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    /// The party of a name given as lower-case words, if linked.
    pub fn party(&self, words: &[&str]) -> Option<usize> {
        self.names
            .iter()
            .find(|(w, _)| w.len() == words.len() && w.iter().zip(words).all(|(a, b)| a == b))
            .map(|&(_, p)| p)
    }

    /// Every linked name (lower-case words: a full name, then its surname) with its
    /// party, in the order the article links them.
    pub fn names(&self) -> impl Iterator<Item = (&[String], usize)> {
        self.names.iter().map(|(w, p)| (w.as_slice(), *p))
    }
}

/// The party a person the gazetteer knows speaks for (index into its parties): the
/// country or organisation the gazetteer gives them.
pub fn gazetteer_party(gazetteer: &Gazetteer, person: usize) -> Option<usize> {
    gazetteer.people[person]
        .country
        .as_deref()
        .and_then(|c| gazetteer.party_index(c))
}

/// The people an article's sentences link to parties, as the attendance extractor
/// links them ([`links`] over the tokens of every sentence): each name as lower-case
/// words (a full name, then its surname) with its party (index into the gazetteer's
/// parties). Pure; the people the gazetteer knows are not here (see
/// [`gazetteer_party`]).
pub fn person_parties<'a>(
    sentences: impl IntoIterator<Item = &'a str>,
    gazetteer: &Gazetteer,
) -> Vec<(Vec<String>, usize)> {
    let tokens: Vec<Vec<Token>> = sentences
        .into_iter()
        .map(|s| tokenize(s, gazetteer))
        .collect();
    links(&tokens, Lexicon::embedded())
        .names()
        .map(|(w, p)| (w.to_vec(), p))
        .collect()
}

fn name_word(t: &Token, lex: &Lexicon) -> bool {
    t.kind == Kind::Word
        && t.capital
        && t.lower.chars().next().is_some_and(char::is_alphabetic)
        && !is(&t.lower, NOT_NAMES)
        && !is(&t.lower, REP_NOUNS)
        && !is(&t.lower, RELATIONAL)
        && !lex.is_title(&t.lower)
        && !lex.is_meeting(&t.lower)
}

fn particle(t: &Token) -> bool {
    t.kind == Kind::Word
        && (is(&t.lower, PARTICLES)
            || ["al-", "el-", "bin-", "abu-"]
                .iter()
                .any(|p| t.lower.starts_with(p)))
}

/// The name that starts at `i`: its end (exclusive), if it has at least one capitalised
/// word.
fn name_at(tokens: &[Token], i: usize, lex: &Lexicon) -> Option<usize> {
    let mut j = i;
    let mut caps = 0;
    while j < tokens.len() && j < i + 6 {
        let t = &tokens[j];
        if name_word(t, lex) {
            caps += 1;
        } else if !(particle(t) && caps > 0) {
            break;
        }
        j += 1;
    }
    while j > i && particle(&tokens[j - 1]) && !tokens[j - 1].lower.contains('-') {
        j -= 1;
    }
    (caps > 0).then_some(j)
}

/// The words of a name and its surname (the last word, without an "al-" prefix).
fn name_keys(tokens: &[Token]) -> Vec<Vec<String>> {
    let full: Vec<String> = tokens.iter().map(|t| t.lower.clone()).collect();
    let mut out = vec![full.clone()];
    if let Some(last) = full.last() {
        out.push(vec![last.clone()]);
        for p in ["al-", "el-"] {
            if let Some(rest) = last.strip_prefix(p) {
                out.push(vec![rest.to_string()]);
            }
        }
    }
    out
}

/// The party a token names for a title after it: a country or organisation by name,
/// alias or demonym (not a hyphenated modifier).
fn title_party(t: &Token) -> Option<usize> {
    match t.kind {
        Kind::Party(p, via) if !t.compound && via != Via::Capital => Some(p),
        _ => None,
    }
}

/// Finds the people an article links to parties, over its sentences' tokens.
pub fn links(sentences: &[Vec<Token>], lex: &Lexicon) -> Links {
    let mut out = Links::default();
    for toks in sentences {
        for i in 0..toks.len() {
            let Some(party) = title_party(&toks[i]) else {
                continue;
            };
            if i > 0 && matches!(toks[i - 1].lower.as_str(), "former" | "ex" | "late") {
                continue;
            }
            // "China's Xi Jinping", "Chinese President Xi Jinping".
            let mut j = i + 1;
            let possessive = toks.get(j).is_some_and(|t| t.lower == "'s");
            if possessive {
                j += 1;
            }
            let titles_from = j;
            while j < toks.len() && toks[j].is_word() && lex.is_title(&toks[j].lower) {
                j += 1;
            }
            let titled = j > titles_from;
            if !(titled || possessive) {
                continue;
            }
            if let Some(end) = name_at(toks, j, lex) {
                // Not "Russia's Kazan summit", "China's Foreign Ministry".
                let meeting_after = toks.get(end).is_some_and(|t| lex.is_meeting(&t.lower));
                let two_words = end - j >= 2 || titled;
                if !meeting_after && two_words {
                    for k in name_keys(&toks[j..end]) {
                        out.add(k, party);
                    }
                }
            }
        }
        // "Prime Minister Jonas Gahr Støre of Norway", "President Lula of Brazil".
        for i in 0..toks.len() {
            let capital_title =
                toks[i].is_word() && toks[i].capital && lex.is_title(&toks[i].lower);
            if !capital_title
                || (i > 0 && toks[i - 1].is_word() && lex.is_title(&toks[i - 1].lower))
            {
                continue;
            }
            let mut j = i;
            while j < toks.len() && toks[j].is_word() && lex.is_title(&toks[j].lower) {
                j += 1;
            }
            let Some(end) = name_at(toks, j, lex) else {
                continue;
            };
            let of = toks.get(end).is_some_and(|t| t.lower == "of");
            if let (true, Some(party)) = (of, toks.get(end + 1).and_then(title_party)) {
                for k in name_keys(&toks[j..end]) {
                    out.add(k, party);
                }
            }
        }
    }
    out
}

/// Marks the linked names of a sentence's tokens: each run of name words that is a
/// linked full name or surname becomes one [`Kind::Linked`] token.
pub fn apply(tokens: Vec<Token>, links: &Links, lex: &Lexicon) -> Vec<Token> {
    if links.is_empty() {
        return tokens;
    }
    let mut out: Vec<Token> = Vec::with_capacity(tokens.len());
    let mut i = 0;
    while i < tokens.len() {
        let end = if name_word(&tokens[i], lex) || particle(&tokens[i]) {
            name_at(&tokens, i, lex).filter(|&e| e > i)
        } else {
            None
        };
        if let Some(end) = end {
            let words: Vec<&str> = tokens[i..end].iter().map(|t| t.lower.as_str()).collect();
            // The whole run, or its last word ("President Xi" after "Xi Jinping").
            let hit = links
                .party(&words)
                .map(|p| (p, i))
                .or_else(|| links.party(&words[words.len() - 1..]).map(|p| (p, end - 1)));
            if let Some((party, from)) = hit {
                out.extend(tokens[i..from].iter().cloned());
                let first = &tokens[from];
                let last = &tokens[end - 1];
                out.push(Token {
                    kind: Kind::Linked(party),
                    lower: words[from - i..].join(" "),
                    start: first.start,
                    end: last.end,
                    compound: false,
                    capital: true,
                });
                i = end;
                continue;
            }
        }
        out.push(tokens[i].clone());
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The party a name resolves to after linking `text`, by id.
    fn linked(text: &str, name: &str) -> Option<String> {
        let g = Gazetteer::embedded();
        let lex = Lexicon::embedded();
        let toks = vec![tokenize(text, g)];
        let l = links(&toks, lex);
        let words: Vec<String> = name.split_whitespace().map(str::to_lowercase).collect();
        let words: Vec<&str> = words.iter().map(String::as_str).collect();
        l.party(&words).map(|p| g.parties[p].id.clone())
    }

    #[test]
    fn titles_link_people_to_parties() {
        // (pattern, text, name, party)
        let rows: &[(&str, &str, &str, Option<&str>)] = &[
            (
                "demonym title",
                "Chilean President Rosa Marín spoke first.",
                "Rosa Marín",
                Some("chile"),
            ),
            (
                "surname alone",
                "Chilean President Rosa Marín spoke first.",
                "Marín",
                Some("chile"),
            ),
            (
                "two-word title",
                "Kenyan Prime Minister Odhiambo Otieno arrived.",
                "Otieno",
                Some("kenya"),
            ),
            (
                "possessive",
                "Peru's Carlos Quispe Mamani spoke.",
                "Quispe Mamani",
                None,
            ),
            (
                "possessive full name",
                "Peru's Carlos Quispe Mamani spoke.",
                "Carlos Quispe Mamani",
                Some("peru"),
            ),
            (
                "organisation title",
                "UN Secretary-General Ana Duarte opened it.",
                "Duarte",
                Some("united-nations"),
            ),
            (
                "title of country",
                "Prime Minister Lars Dahl of Norway sat down.",
                "Dahl",
                Some("norway"),
            ),
            (
                "particle in name",
                "Saudi Crown Prince Faisal bin Nayef arrived.",
                "Faisal bin Nayef",
                Some("saudi-arabia"),
            ),
            (
                "former leader",
                "Former Brazilian President Ana Lima spoke.",
                "Lima",
                None,
            ),
            (
                "a body is not a name",
                "The Russian Foreign Ministry said so.",
                "Ministry",
                None,
            ),
            (
                "meeting after name",
                "Russia's Kazan summit opened.",
                "Kazan",
                None,
            ),
        ];
        for (pattern, text, name, want) in rows {
            assert_eq!(linked(text, name).as_deref(), *want, "{pattern}: {text}");
        }
    }

    #[test]
    fn person_parties_are_the_links_of_the_article() {
        let g = Gazetteer::embedded();
        let got = person_parties(
            [
                "Chilean President Rosa Marín opened the forum.",
                "UN Secretary-General António Guterres spoke next.",
                "An analyst, Tom Reed, was not impressed.",
            ],
            g,
        );
        let ids: Vec<(String, &str)> = got
            .iter()
            .map(|(w, p)| (w.join(" "), g.parties[*p].id.as_str()))
            .collect();
        assert_eq!(
            ids,
            [
                ("rosa marín".to_string(), "chile"),
                ("marín".to_string(), "chile")
            ],
            "the gazetteer's people and unlinked names are not there"
        );
        let guterres = g
            .people
            .iter()
            .position(|p| p.id == "antonio-guterres")
            .expect("Guterres");
        assert_eq!(
            gazetteer_party(g, guterres).map(|p| g.parties[p].id.as_str()),
            Some("united-nations")
        );
    }

    #[test]
    fn a_linked_surname_becomes_one_party_token() {
        let g = Gazetteer::embedded();
        let lex = Lexicon::embedded();
        let toks = vec![
            tokenize("Chilean President Rosa Marín will skip the summit.", g),
            tokenize("Marín did not attend.", g),
        ];
        let l = links(&toks, lex);
        let applied = apply(toks[1].clone(), &l, lex);
        let chile = g.party_index("chile").expect("chile");
        assert_eq!(applied[0].kind, Kind::Linked(chile));
        assert_eq!(applied.len(), toks[1].len());
    }
}
