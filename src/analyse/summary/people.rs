//! People: who the briefings name, with the role the text gives them ("Richard Mills,
//! Washington's deputy ambassador to the UN"; "EU foreign policy chief Josep Borrell"),
//! the party they speak for, and the briefings that mention them (pure). The gazetteer's
//! people, and the people the text names with a title or a role the gazetteer does not
//! know ("Qatari Amir Sheikh Tamim bin Hamad Al Thani", "Putin's foreign policy adviser,
//! Yuri Ushakov,"), each with the party the attendance people links give them.

use serde::Serialize;

use super::text::{Doc, FxMap, FxSet, SourceRef};
use crate::analyse::attendance::cues::Lexicon;
use crate::analyse::attendance::people::{NOT_NAMES, PARTICLES, gazetteer_party, person_parties};
use crate::analyse::gazetteer::{Gazetteer, Mention, Target, Via};
use crate::common::slug::slugify;
use crate::markdown::BlockKind;

/// The most words a personal name has ("Tamim bin Hamad Al Thani").
pub const MAX_NAME_WORDS: usize = 5;

/// Nouns that make a phrase a role.
const ROLE_NOUNS: &[&str] = &[
    "president",
    "minister",
    "envoy",
    "ambassador",
    "leader",
    "chief",
    "head",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "researcher",
    "expert",
    "director",
    "secretary",
    "representative",
    "commissioner",
    "official",
    "adviser",
    "advisor",
    "chairman",
    "chair",
    "chairwoman",
    "coordinator",
    "analyst",
    "general",
    "commander",
    "king",
    "queen",
    "premier",
    "chancellor",
    "mayor",
    "governor",
    "senator",
    "diplomat",
    "negotiator",
    "rapporteur",
    "officer",
    "founder",
    "professor",
    "journalist",
    "correspondent",
    "delegate",
    "emir",
    "amir",
    "sultan",
    "aide",
    "undersecretary",
    "prince",
    "deputy",
    "high",
    "ceo",
    "mediator",
    "monitor",
    "campaigner",
    "activist",
    "lawyer",
    "spokesperson",
    "member",
];

/// Lowercase words a role may carry before its noun: "special envoy", "regime leader".
const ROLE_MODIFIERS: &[&str] = &[
    "special",
    "deputy",
    "foreign",
    "policy",
    "senior",
    "former",
    "chief",
    "top",
    "regime",
    "opposition",
    "assistant",
    "acting",
    "vice",
    "permanent",
    "prime",
    "interim",
    "caretaker",
    "general",
    "executive",
    "human",
    "rights",
    "refugee",
    "refugees",
    "defence",
    "defense",
    "interior",
    "affairs",
    "state",
    "military",
    "security",
    "humanitarian",
    "un",
    "eu",
    "international",
    "national",
    "regional",
    "political",
    "migrant",
    "country",
    "s",
];

/// Capitalised words that make a run of them a place, a body, a work or a photo credit,
/// not a person ("Foreign Ministry", "Ritz Carlton Hotel", "Black Sea", "Getty Images").
#[rustfmt::skip]
const NOT_PERSON: &[&str] = &[
    "ministry", "ministries", "hotel", "sea", "ocean", "coast", "gulf", "river", "lake",
    "island", "islands", "mountains", "resort", "palace", "hall", "house", "centre",
    "center", "tower", "square", "street", "airport", "stadium", "arena", "city", "region",
    "province", "republic", "kingdom", "states", "emirates", "federation", "union",
    "league", "nations", "council", "committee", "commission", "assembly", "agency",
    "office", "department", "court", "bank", "fund", "programme", "program", "forum",
    "group", "party", "front", "forces", "army", "coalition", "government",
    "administration", "institute", "university", "foundation", "network", "watch", "rights",
    "affairs", "news", "press", "times", "post", "images", "image", "photo", "photos",
    "photograph", "stock", "getty", "alamy", "shutterstock", "credit", "pool", "file",
    "summit", "conference", "congress", "dialogue", "talks", "declaration", "agreement",
    "treaty", "charter", "initiative", "plan", "accord", "process", "television", "radio",
    "service", "club", "company", "corporation", "airlines", "media", "channel", "twitter",
    "facebook", "telegram", "youtube", "instagram", "cup", "games", "prize", "award",
    "museum", "library", "mosque", "church", "cathedral", "embassy", "consulate",
    "kremlin", "duma", "senate", "world", "international", "national", "global", "arab",
    "relations", "cooperation", "development", "security", "defence", "defense",
    "interior", "justice", "trade", "economy", "finance", "health", "education", "energy",
    "tourism", "refugees", "return", "reconciliation", "peace", "war", "north", "south",
    "east", "west", "middle", "today", "tomorrow", "yesterday",
];

/// Capitalised words of a photo credit, after which a role starts afresh ("Alamy Stock
/// Photo Syrian President").
const CREDIT: &[&str] = &[
    "photo",
    "photos",
    "photograph",
    "images",
    "stock",
    "getty",
    "alamy",
    "shutterstock",
    "credit",
    "pool",
];

/// Words that make an appositive a clause, not a role ("…, the summit is attended by …").
const VERBS: &[&str] = &[
    "is", "are", "was", "were", "will", "would", "has", "have", "had", "said", "says", "told",
    "say", "did", "does",
];

/// Words that may join a role's words when both sides belong to it: "Minister of Social
/// Affairs and Tourism", "envoy on Syria", "head of the … Center for the Return of …".
const CONNECTORS: &[&str] = &["of", "for", "to", "on", "and", "the", "at"];

pub fn is_role_noun(w: &str) -> bool {
    let l = w.to_lowercase();
    let l = l.trim_end_matches("’s").trim_end_matches("'s");
    ROLE_NOUNS.contains(&l)
        || (l.contains('-')
            && ROLE_NOUNS
                .iter()
                .any(|n| l.ends_with(n) && l.len() > n.len() + 3))
}

/// Whether `w` is a demonym as written ("Chinese", "Polish").
fn demonym(w: &str) -> bool {
    Gazetteer::embedded()
        .mentions(w)
        .first()
        .is_some_and(|m| m.start == 0 && m.end == w.len() && m.via == Via::Demonym)
}

fn is_capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// All capitals, as a headline writes words ("UKRAINIAN PRESIDENT"); not "UN".
fn all_caps(w: &str) -> bool {
    w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !w.chars().any(char::is_lowercase)
}

/// Initials with their stops ("J.D."), a given name's short form, not an acronym.
fn initials(w: &str) -> bool {
    w.len() >= 4
        && w.len().is_multiple_of(2)
        && w.as_bytes()
            .chunks(2)
            .all(|c| c[0].is_ascii_uppercase() && c[1] == b'.')
}

fn possessive(w: &str) -> bool {
    w.ends_with("’s") || w.ends_with("'s")
}

/// A word that can be part of a personal name (not a title, a role, a body or a place).
fn name_word(w: &str, lex: &Lexicon) -> bool {
    let capital = is_capitalised(w)
        || ["al-", "el-"]
            .iter()
            .any(|p| w.strip_prefix(p).is_some_and(is_capitalised));
    if !capital {
        return false;
    }
    let l = w.to_lowercase();
    let base = l
        .trim_end_matches("’s")
        .trim_end_matches("'s")
        .trim_end_matches('.');
    w.chars().count() > 1
        && w.chars().all(|c| c.is_alphabetic() || "-’'.".contains(c))
        && (!all_caps(w) || initials(w))
        && !lex.is_title(base)
        && !is_role_noun(w)
        && !NOT_NAMES.contains(&base)
        && !NOT_PERSON.contains(&base)
}

/// What stands just before a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Before {
    /// Nothing: the name starts the words.
    Start,
    /// A title or a role noun ("President", "envoy").
    Title,
    /// A possessive ("Al Jazeera's").
    Possessive,
    /// Something the gazetteer knows.
    Known,
    /// Anything else, or a word that ends a clause ("adviser,").
    Other,
}

/// A personal name at the end of some words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NameAtEnd {
    /// Where the name starts, in bytes of the words.
    pub start: usize,
    /// How many words it has.
    pub words: usize,
    pub before: Before,
}

/// The personal name that ends `w` ("Chilean President Rosa Marín", "UN special envoy
/// Staffan de Mistura", "Qatari Amir Sheikh Tamim bin Hamad Al Thani"): capitalised
/// words, with particles (bin, al, de, von …) inside, that are not titles, roles,
/// bodies, places, days or months, all capitals, or part of a gazetteer mention (`ms`,
/// in bytes of `w`), and what stands before it.
pub fn name_at_end(w: &str, ms: &[Mention]) -> Option<NameAtEnd> {
    let lex = Lexicon::embedded();
    let words: Vec<(usize, &str)> = w
        .split_whitespace()
        .map(|x| (x.as_ptr() as usize - w.as_ptr() as usize, x))
        .collect();
    let in_mention = |o: usize, x: &str| ms.iter().any(|m| m.start < o + x.len() && o < m.end);
    let last = words.len().checked_sub(1)?;
    // A possessive ends a name only as its last word ("Al Jazeera's Rory Challands").
    let ok = |i: usize| {
        let (o, x) = words[i];
        name_word(x, lex) && !in_mention(o, x) && (i == last || !possessive(x))
    };
    let mut k = words.len();
    while k > 0 {
        let i = k - 1;
        // Particles inside a name: "bin" in "Tamim bin Hamad", "van der" in "Lars van
        // der Berg".
        let particle = i < last && PARTICLES.contains(&words[i].1) && {
            let mut m = i;
            while m > 0 && PARTICLES.contains(&words[m - 1].1) {
                m -= 1;
            }
            m > 0 && ok(m - 1)
        };
        if ok(i) || particle {
            k -= 1;
        } else {
            break;
        }
    }
    if k == words.len() {
        return None;
    }
    let before = match k.checked_sub(1).map(|i| words[i]) {
        None => Before::Start,
        Some((_, pw)) if pw.ends_with([',', ';', ':', '(', '“', '"', '—', '.']) => {
            Before::Other
        }
        Some((o, pw)) => {
            let b = bare(pw);
            let l = b.to_lowercase();
            let base = l.trim_end_matches("’s").trim_end_matches("'s");
            if lex.is_title(base) || is_role_noun(b) {
                Before::Title
            } else if possessive(b) {
                Before::Possessive
            } else if in_mention(o, pw) {
                Before::Known
            } else {
                Before::Other
            }
        }
    };
    Some(NameAtEnd {
        start: words[k].0,
        words: words.len() - k,
        before,
    })
}

/// Two or more name words right after a role noun: another person's name inside a role
/// ("Iraqi Prime Minister Mohammed Shia' Al-Sudani and Jordanian"), as the index of the
/// word after it. A possessive name ("President Vladimir Putin's envoy") belongs there.
fn name_inside(words: &[&str]) -> Option<usize> {
    let lex = Lexicon::embedded();
    let named = |w: &str| name_word(w, lex) && !CONNECTORS.contains(&w.to_lowercase().as_str());
    for i in 0..words.len() {
        if !is_role_noun(words[i]) {
            continue;
        }
        // "special envoy of (the) President Xi Jinping": whom the role serves.
        let of = |k: usize| words.get(k).is_some_and(|w| w.eq_ignore_ascii_case("of"));
        let the = |k: usize| words.get(k).is_some_and(|w| w.eq_ignore_ascii_case("the"));
        if i >= 1 && of(i - 1) || i >= 2 && the(i - 1) && of(i - 2) {
            continue;
        }
        let mut j = i + 1;
        while j < words.len() && (named(words[j]) || (j > i + 1 && PARTICLES.contains(&words[j]))) {
            j += 1;
        }
        if j >= i + 3 && !possessive(words[j - 1]) {
            return Some(j);
        }
    }
    None
}

/// A role phrase without what does not belong to it: a photo credit before it, another
/// person's name and what comes before it, the role before "and" + another role ("Indian
/// Prime Minister Narendra Modi and South African President"); none in capitals.
fn tidy_role(mut phrase: Vec<&str>) -> Vec<&str> {
    // A news agency's dateline run into the role: "SANA-Russian President's …".
    if let Some(first) = phrase.first_mut()
        && let Some((agency, rest)) = first.split_once('-')
        && agency.len() >= 4
        && all_caps(agency)
        && is_capitalised(rest)
    {
        *first = rest;
    }
    if let Some(k) = phrase
        .iter()
        .rposition(|w| is_capitalised(w) && CREDIT.contains(&w.to_lowercase().as_str()))
    {
        phrase.drain(..=k);
    }
    while let Some(j) = name_inside(&phrase) {
        phrase.drain(..j);
    }
    // "… and Jordanian Foreign Minister": the last role joined by "and".
    if let Some(k) = phrase.iter().rposition(|w| *w == "and")
        && phrase[..k].iter().any(|w| is_role_noun(w))
        && phrase[k + 1..].iter().any(|w| is_role_noun(w))
        && phrase.get(k + 1).is_some_and(|w| is_capitalised(w))
    {
        phrase.drain(..=k);
    }
    while phrase
        .first()
        .is_some_and(|w| CONNECTORS.contains(&w.to_lowercase().as_str()))
    {
        phrase.remove(0);
    }
    // An honorific that comes before the name is not the role ("Qatari Amir Sheikh").
    while phrase
        .last()
        .is_some_and(|w| ["Sheikh", "Sheikha", "His", "Her", "Highness", "Majesty"].contains(w))
    {
        phrase.pop();
    }
    if junk(&phrase) {
        phrase.clear();
    }
    phrase
}

/// A photo credit, or capitals where a role should be.
fn junk(words: &[&str]) -> bool {
    words
        .iter()
        .any(|w| is_capitalised(w) && CREDIT.contains(&w.to_lowercase().as_str()))
        || words.iter().any(|w| is_role_noun(w) && all_caps(w))
        || words.iter().filter(|w| all_caps(w)).count() * 2 > words.len()
}

fn bare(w: &str) -> &str {
    let t = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '’' && c != '\'' && c != '-');
    // "U.N.", "U.S.": an abbreviation keeps its last dot.
    let end = t.as_ptr() as usize - w.as_ptr() as usize + t.len();
    if t.contains('.') && w[end..].starts_with('.') {
        &w[end - t.len()..end + 1]
    } else {
        t
    }
}

/// Where a clause of an appositive ends: at a comma, a semicolon, a bracket, a quotation
/// mark or a full stop that does not end an abbreviation ("U.S.").
fn clause_end(s: &str) -> usize {
    let b = s.as_bytes();
    for (i, c) in s.char_indices() {
        match c {
            ',' | ';' | '(' | '“' | '"' => return i,
            '.' => {
                let single_capital = i >= 1
                    && b[i - 1].is_ascii_uppercase()
                    && (i == 1 || b[i - 2] == b'.' || b[i - 2].is_ascii_whitespace());
                if !single_capital {
                    return i;
                }
            }
            _ => {}
        }
    }
    s.len()
}

/// The role written just before a name: "Russian President", "EU foreign policy chief",
/// "the Lebanese Minister of Social Affairs and Tourism" (without "the").
pub fn role_before(before: &str) -> Option<String> {
    // Only the clause the name is in.
    let clause_start = before
        .rfind([',', ';', '(', ':', '“', '"', '—'])
        .map(|i| i + before[i..].chars().next().map_or(1, char::len_utf8))
        .unwrap_or(0);
    let words: Vec<&str> = before[clause_start..].split_whitespace().collect();
    let mut start = words.len();
    let mut i = words.len();
    while i > 0 {
        let w = bare(words[i - 1]);
        let l = w.to_lowercase();
        let base = l.trim_end_matches("’s").trim_end_matches("'s");
        if w.is_empty() {
            break;
        }
        if is_role_noun(w) || ROLE_MODIFIERS.contains(&base) || is_capitalised(w) {
            start = i - 1;
            i -= 1;
            continue;
        }
        if CONNECTORS.contains(&l.as_str()) && i >= 2 {
            // A connector joins only when the word on its left belongs to a role.
            let left = bare(words[i - 2]);
            let left_l = left.to_lowercase();
            let joins = is_role_noun(left)
                || (is_capitalised(left) && l != "the")
                || (l == "the" && CONNECTORS.contains(&left_l.as_str()) && left_l != "the");
            if joins && start < words.len() {
                i -= 1;
                continue;
            }
        }
        break;
    }
    let mut phrase: Vec<&str> = words[start..].iter().map(|w| bare(w)).collect();
    while phrase
        .first()
        .is_some_and(|w| CONNECTORS.contains(&w.to_lowercase().as_str()))
    {
        phrase.remove(0);
    }
    // A sentence-initial "The"/"During" is not part of a role.
    while phrase.first().is_some_and(|w| {
        let l = w.to_lowercase();
        [
            "the", "during", "in", "on", "with", "by", "after", "while", "but", "and",
        ]
        .contains(&l.as_str())
    }) {
        phrase.remove(0);
    }
    let phrase = tidy_role(phrase);
    if phrase.iter().any(|w| is_role_noun(w)) && phrase.len() <= 14 {
        Some(phrase.join(" "))
    } else {
        None
    }
}

/// The appositive just after a name: ", Washington's deputy ambassador to the UN," or
/// ", a researcher at the Human Rights Watch, and an expert on refugee issues,".
pub fn role_after(after: &str) -> Option<String> {
    let rest = after.strip_prefix(',')?.trim_start();
    let mut parts: Vec<&str> = Vec::new();
    let mut remaining = rest;
    loop {
        let end = clause_end(remaining);
        let chunk = remaining[..end].trim();
        let words: Vec<&str> = chunk.split_whitespace().collect();
        let first = words.first().map(|w| w.to_lowercase()).unwrap_or_default();
        let bares: Vec<&str> = words.iter().map(|w| bare(w)).collect();
        let ok = !words.is_empty()
            && words.len() <= 12
            && words.iter().any(|w| is_role_noun(bare(w)))
            // A clause, a name or a photo credit is not a role; nor are capitals.
            && !bares.iter().any(|w| VERBS.contains(&w.to_lowercase().as_str()))
            && name_inside(&bares).is_none()
            && !junk(&bares)
            && (parts.is_empty()
                || first == "and"
                    && words
                        .get(1)
                        .is_some_and(|w| ["a", "an", "the"].contains(&w.to_lowercase().as_str())));
        let looks_like_role = ["a", "an", "the"].contains(&first.as_str())
            || first.ends_with("’s")
            || first.ends_with("'s")
            || is_role_noun(bare(words.first().copied().unwrap_or("")))
            || ROLE_MODIFIERS.contains(&first.as_str())
            // "UAE Ambassador to Saudi Arabia".
            || words.first().is_some_and(|w| all_caps(w) && w.len() <= 5)
            // "Chinese Vice Premier and special envoy of …": a demonym before the role.
            || words.first().is_some_and(|w| demonym(bare(w)))
            || (first == "and" && !parts.is_empty());
        if !ok || !looks_like_role {
            break;
        }
        parts.push(chunk);
        if remaining[end..].starts_with(',') {
            remaining = remaining[end + 1..].trim_start();
        } else {
            break;
        }
    }
    if parts.is_empty() {
        return None;
    }
    let joined = parts.join(", ");
    let trimmed = ["a ", "an ", "the "]
        .iter()
        .find_map(|p| {
            joined
                .get(..p.len())
                .filter(|h| h.eq_ignore_ascii_case(p))
                .map(|_| &joined[p.len()..])
        })
        .unwrap_or(&joined);
    Some(trimmed.to_string())
}

/// The role the text gives a name at `start..end` of `sentence`, after it first.
pub fn role_around(sentence: &str, start: usize, end: usize) -> Option<String> {
    role_after(&sentence[end..]).or_else(|| role_before(&sentence[..start]))
}

/// A briefing that mentions a person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Mentioned {
    /// Link to the first sentence that names the person.
    pub link: String,
    pub page: String,
    pub title: String,
    pub source: Option<String>,
    /// The outlet, or the title cut short.
    pub label: String,
    /// How many sentences of the briefing name them.
    pub count: usize,
}

/// Who is who.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Person {
    pub name: String,
    /// Gazetteer id.
    pub id: String,
    /// The role as a briefing states it, else the gazetteer's.
    pub role: Option<String>,
    /// The sentence that states the role (none when it comes from the gazetteer).
    pub role_source: Option<SourceRef>,
    /// The country or organisation the person speaks for.
    pub party: Option<String>,
    pub briefings: Vec<Mentioned>,
    /// Mentions in all briefings.
    pub mentions: usize,
    /// Quotes on the summary attributed to them.
    pub quotes: usize,
}

/// A person as one briefing names them.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize, serde::Serialize)]
pub struct Named {
    /// Index into the gazetteer's people; `None` for a person the text names with a
    /// title or a role the gazetteer does not know.
    pub person: Option<usize>,
    /// The name in full: the gazetteer's, else the fullest the briefing gives.
    pub name: String,
    /// The party (index into the gazetteer's parties) of a person the gazetteer does not
    /// know: as the article's people links give it, else a demonym or a possessive in
    /// the role ("Qatari Amir", "Putin's adviser").
    pub party: Option<usize>,
    /// How many times the briefing names them.
    pub mentions: usize,
    /// The first sentence that names them.
    pub first: usize,
    /// The fullest role the briefing states (the first of the best), with its score
    /// and sentence.
    pub role: Option<(String, usize, usize)>,
}

impl Named {
    /// Keeps `role` (found in sentence `i`, `bonus` for an appositive) when it is fuller
    /// than the one so far.
    fn offer(&mut self, role: Option<(String, usize)>, i: usize) {
        if let Some((role, bonus)) = role {
            let score = role.split_whitespace().count() + bonus;
            if self.role.as_ref().is_none_or(|(_, best, _)| score > *best) {
                self.role = Some((role, score, i));
            }
        }
    }
}

/// The people one briefing names, in order of first mention: the part of [`people`]
/// worth keeping per page.
pub fn read(doc: &Doc, gazetteer: &Gazetteer) -> Vec<Named> {
    read_with(doc, gazetteer, &ArticleLinks::default())
}

/// [`read`] with the article's links shared with its other readers.
pub fn read_with(doc: &Doc, gazetteer: &Gazetteer, links: &ArticleLinks) -> Vec<Named> {
    let mut out: Vec<Named> = Vec::new();
    for (i, s) in doc.sentences.iter().enumerate() {
        for m in &s.mentions {
            let Target::Person(pi) = m.target else {
                continue;
            };
            let id = &gazetteer.people[pi].id;
            let k = match out
                .iter()
                .position(|n| n.person.is_some_and(|p| &gazetteer.people[p].id == id))
            {
                Some(k) => k,
                None => {
                    out.push(Named {
                        person: Some(pi),
                        name: gazetteer.people[pi].name.clone(),
                        party: None,
                        mentions: 0,
                        first: i,
                        role: None,
                    });
                    out.len() - 1
                }
            };
            let n = &mut out[k];
            n.mentions += 1;
            // The fullest statement of the role wins; an appositive beats a title.
            let found = role_after(&s.text[m.end..])
                .map(|r| (r, 20))
                .or_else(|| role_before(&s.text[..m.start]).map(|r| (r, 0)));
            n.offer(found, i);
        }
    }
    out.extend(titled(doc, gazetteer, links));
    out.sort_by_key(|n| n.first);
    out
}

/// A person the gazetteer does not know, named with a title or a role in one sentence:
/// the name's bytes, and the role with its bonus (20 for an appositive).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TitledName {
    pub start: usize,
    pub end: usize,
    pub role: Option<(String, usize)>,
}

/// The people a sentence names with a title or a role that the gazetteer does not know
/// (`ms` its mentions): "Foreign Minister Mauro Vieira", "UN special envoy Staffan de
/// Mistura", "Yuri Ushakov, Putin's foreign policy adviser,", "Putin's foreign policy
/// adviser, Yuri Ushakov,", "Sheikh Mansour bin Zayed, Vice President,". A name has 2 to
/// [`MAX_NAME_WORDS`] words.
pub fn titled_names(text: &str, ms: &[Mention]) -> Vec<TitledName> {
    let lex = Lexicon::embedded();
    let words: Vec<(usize, &str)> = text
        .split_whitespace()
        .map(|x| (x.as_ptr() as usize - text.as_ptr() as usize, x))
        .collect();
    // A name word without what follows it: punctuation, a possessive.
    let core = |x: &str| -> usize {
        let t = x.trim_end_matches(|c: char| !c.is_alphanumeric() && c != '’' && c != '\'');
        t.strip_suffix("’s")
            .or_else(|| t.strip_suffix("'s"))
            .unwrap_or(t)
            .len()
    };
    let mut out: Vec<TitledName> = Vec::new();
    for (j, &(o, x)) in words.iter().enumerate() {
        let len = core(x);
        if len == 0 || !is_capitalised(x) {
            continue;
        }
        // The last word of a run of name words.
        let cut = len < x.len();
        let runs_on = !cut
            && words.get(j + 1).is_some_and(|&(_, nx)| {
                let c = core(nx);
                (c > 0 && name_word(&nx[..c], lex)) || PARTICLES.contains(&nx)
            });
        if runs_on {
            continue;
        }
        let end = o + len;
        let Some(at) = name_at_end(&text[..end], ms) else {
            continue;
        };
        if !(2..=MAX_NAME_WORDS).contains(&at.words) {
            continue;
        }
        let prefix = &text[..at.start];
        let after = &text[end..];
        let appositive = role_after(after).map(|r| (r, 20));
        let title = (at.before != Before::Other)
            .then(|| role_before(prefix))
            .flatten()
            .map(|r| (r, 0));
        // "Putin's foreign policy adviser, Yuri Ushakov, said".
        let apposed_before = prefix
            .trim_end()
            .strip_suffix(',')
            .filter(|_| after.starts_with(','))
            .and_then(|head| {
                // The clause before the comma, read as an appositive ("Putin's senior
                // trade adviser"), else the role that ends it ("a meeting with the Deputy
                // Prime Minister of Serbia").
                let from = head
                    .rfind([',', ';', '(', ':', '“', '"', '—'])
                    .map_or(0, |i| {
                        i + head[i..].chars().next().map_or(1, char::len_utf8)
                    });
                role_after(&format!(",{}", &head[from..])).or_else(|| role_before(head))
            })
            .map(|r| (r, 20));
        if title.is_none()
            && apposed_before.is_none()
            && appositive.is_none()
            && at.before != Before::Title
        {
            continue;
        }
        let role = appositive.or(apposed_before).or(title);
        out.push(TitledName {
            start: at.start,
            end,
            role,
        });
    }
    out
}

/// A name as lower-case words, apostrophes straight.
fn name_key(name: &str) -> Vec<String> {
    name.split_whitespace()
        .map(|w| w.to_lowercase().replace('’', "'"))
        .collect()
}

/// An article's people-to-party links ([`person_parties`]), found the first time a
/// reader of the article needs them and shared by the others (quotes, people): the
/// attendance tokenizer runs over the article at most once per reading.
#[derive(Debug, Default)]
pub struct ArticleLinks(std::cell::OnceCell<Vec<(Vec<String>, usize)>>);

impl ArticleLinks {
    pub fn get(&self, doc: &Doc, gazetteer: &Gazetteer) -> &[(Vec<String>, usize)] {
        self.0.get_or_init(|| {
            person_parties(doc.sentences.iter().map(|s| s.text.as_str()), gazetteer)
        })
    }
}

/// The party the article's people links (`links` as [`person_parties`] gives them) give
/// a name the gazetteer does not know, by its words or its surname.
pub fn linked_party(links: &[(Vec<String>, usize)], name: &str) -> Option<usize> {
    let words = name_key(name);
    let find = |ws: &[String]| links.iter().find(|(w, _)| w == ws).map(|&(_, p)| p);
    find(&words).or_else(|| words.last().and_then(|l| find(std::slice::from_ref(l))))
}

/// The party a role names before its role noun: a demonym, a country or an
/// organisation ("Qatari Amir", "UN special envoy"), or a person the gazetteer knows
/// ("Putin's foreign policy adviser"); else after "of" ("Deputy Prime Minister of the
/// Government of Serbia"); not the place an envoy is sent to ("envoy to Syria").
fn role_party(role: &str, gazetteer: &Gazetteer) -> Option<usize> {
    let noun_at = role
        .split_whitespace()
        .find(|w| is_role_noun(bare(w)))
        .map(|w| w.as_ptr() as usize - role.as_ptr() as usize)?;
    let party = |m: &Mention| match m.target {
        Target::Party(p) => Some(p),
        Target::Person(p) => gazetteer_party(gazetteer, p),
    };
    let ms = gazetteer.mentions(role);
    ms.iter()
        .filter(|m| m.start < noun_at)
        .find_map(party)
        .or_else(|| {
            ms.iter()
                .filter(|m| {
                    let between = format!(" {} ", &role[noun_at..m.start.max(noun_at)]);
                    m.start > noun_at
                        && between.contains(" of ")
                        && ![" to ", " for ", " on ", " at ", " in "]
                            .iter()
                            .any(|p| between.contains(p))
                })
                .find_map(party)
        })
}

/// The people a briefing names with a title or a role the gazetteer does not know, each
/// with its later mentions by the full name, a shorter form of it or the surname.
fn titled(doc: &Doc, gazetteer: &Gazetteer, links: &ArticleLinks) -> Vec<Named> {
    // Each person: the forms of the name (longest first) and what was found.
    let mut found: Vec<(Vec<Vec<String>>, Named)> = Vec::new();
    for (i, s) in doc.sentences.iter().enumerate() {
        if !matches!(s.kind, BlockKind::Paragraph | BlockKind::ListItem) {
            continue;
        }
        for t in titled_names(&s.text, &s.mentions) {
            let name = &s.text[t.start..t.end];
            let key = name_key(name);
            let within = |a: &[String], b: &[String]| {
                a.len() <= b.len() && b.windows(a.len()).any(|w| w == a)
            };
            let k = found
                .iter()
                .position(|(forms, _)| within(&key, &forms[0]) || within(&forms[0], &key));
            let k = match k {
                Some(k) => k,
                None => {
                    found.push((
                        Vec::new(),
                        Named {
                            person: None,
                            name: name.to_string(),
                            party: None,
                            mentions: 0,
                            first: i,
                            role: None,
                        },
                    ));
                    found.len() - 1
                }
            };
            let (forms, n) = &mut found[k];
            if !forms.contains(&key) {
                forms.push(key);
                forms.sort_by_key(|f| std::cmp::Reverse(f.len()));
            }
            if forms[0] == name_key(name) {
                n.name = name.to_string();
            }
            n.offer(t.role, i);
        }
    }
    if found.is_empty() {
        return Vec::new();
    }
    // Surnames two people share stand for neither.
    let surname = |forms: &[Vec<String>]| forms[0].last().cloned().unwrap_or_default();
    let surnames: Vec<String> = found.iter().map(|(f, _)| surname(f)).collect();
    let links = links.get(doc, gazetteer);
    // Each sentence's words (offset, lower case, apostrophes straight), made once for
    // every person (they were made again per person: a cost of people × sentences).
    let sentence_words: Vec<Vec<(usize, String)>> = doc
        .sentences
        .iter()
        .map(|s| {
            s.text
                .split_whitespace()
                .map(|w| {
                    let b = bare(w);
                    let b = b
                        .strip_suffix("’s")
                        .or_else(|| b.strip_suffix("'s"))
                        .unwrap_or(b);
                    (
                        b.as_ptr() as usize - s.text.as_ptr() as usize,
                        b.to_lowercase().replace('’', "'"),
                    )
                })
                .collect()
        })
        .collect();
    for (k, (forms, n)) in found.iter_mut().enumerate() {
        let sur = &surnames[k];
        let shared = surnames.iter().filter(|x| *x == sur).count() > 1;
        for (i, (s, words)) in doc.sentences.iter().zip(&sentence_words).enumerate() {
            let lower: Vec<&str> = words.iter().map(|(_, w)| w.as_str()).collect();
            let full = forms.iter().any(|f| {
                lower
                    .windows(f.len())
                    .any(|w| w.iter().zip(f).all(|(a, b)| a == b))
            });
            let by_surname = !shared
                && words.iter().enumerate().any(|(j, (o, w))| {
                    w == sur
                        && s.text[*o..].starts_with(|c: char| c.is_uppercase())
                        && !s.mentions.iter().any(|m| m.start <= *o && *o < m.end)
                        // "bin Zayed" of someone else.
                        && !(j > 0 && PARTICLES.contains(&lower[j - 1]))
                });
            if full || by_surname {
                n.mentions += 1;
                n.first = n.first.min(i);
            }
        }
        n.mentions = n.mentions.max(1);
        n.party = forms
            .iter()
            .find_map(|f| linked_party(links, &f.join(" ")))
            .or_else(|| {
                n.role
                    .as_ref()
                    .and_then(|(r, _, _)| role_party(r, gazetteer))
            });
    }
    found.into_iter().map(|(_, n)| n).collect()
}

/// Everyone the briefings name, most mentioned first.
pub fn people(docs: &[Doc], gazetteer: &Gazetteer) -> Vec<Person> {
    let parts: Vec<Vec<Named>> = docs.iter().map(|d| read(d, gazetteer)).collect();
    merge(
        docs,
        &parts.iter().map(Vec::as_slice).collect::<Vec<_>>(),
        gazetteer,
    )
}

/// Everyone the briefings name, from each one's [`read`] (`parts[d]` of `docs[d]`): the
/// gazetteer's people by id, the others by name; most mentioned first.
pub fn merge(docs: &[Doc], parts: &[&[Named]], gazetteer: &Gazetteer) -> Vec<Person> {
    let mut out: Vec<Person> = Vec::new();
    // How good the role found so far is, per person.
    let mut scores: Vec<usize> = Vec::new();
    let mut index: FxMap<String, usize> = Default::default();
    for (doc, part) in docs.iter().zip(parts) {
        for n in part.iter() {
            let key = match n.person {
                Some(p) => gazetteer.people[p].id.clone(),
                None => format!("~{}", slugify(&n.name)),
            };
            let idx = *index.entry(key).or_insert_with(|| {
                let (id, party) = match n.person {
                    Some(p) => (
                        gazetteer.people[p].id.clone(),
                        // As the attendance extractor links them (one mechanism).
                        gazetteer_party(gazetteer, p),
                    ),
                    None => (slugify(&n.name), None),
                };
                out.push(Person {
                    name: n.name.clone(),
                    id,
                    role: None,
                    role_source: None,
                    party: party.map(|p| gazetteer.parties[p].name.clone()),
                    briefings: Vec::new(),
                    mentions: 0,
                    quotes: 0,
                });
                scores.push(0);
                out.len() - 1
            });
            let p = &mut out[idx];
            if p.party.is_none()
                && let Some(party) = n.party
            {
                p.party = Some(gazetteer.parties[party].name.clone());
            }
            p.mentions += n.mentions;
            // Articles are read one after the other: the current one is the last.
            match p.briefings.last_mut().filter(|b| b.page == doc.path) {
                Some(b) => b.count += n.mentions,
                None => {
                    let s = &doc.sentences[n.first];
                    p.briefings.push(Mentioned {
                        label: doc.label(),
                        link: doc.link(s),
                        page: doc.path.clone(),
                        title: doc.title.clone(),
                        source: doc.source.clone(),
                        count: n.mentions,
                    })
                }
            }
            if let Some((role, score, i)) = &n.role
                && *score > scores[idx]
            {
                scores[idx] = *score;
                p.role = Some(role.clone());
                p.role_source = Some(SourceRef::new(doc, &doc.sentences[*i]));
            }
        }
    }
    for p in &mut out {
        if p.role.is_none() {
            p.role = gazetteer
                .people
                .iter()
                .find(|g| g.id == p.id)
                .and_then(|g| g.role.clone());
        }
    }
    // A name the gazetteer does not know keeps an id no one else has.
    let mut taken: FxSet<String> = gazetteer.people.iter().map(|g| g.id.clone()).collect();
    for p in &mut out {
        let known = gazetteer
            .people
            .iter()
            .any(|g| g.id == p.id && g.name == p.name);
        if known {
            continue;
        }
        let base = if p.id.is_empty() {
            "person".to_string()
        } else {
            p.id.clone()
        };
        let mut id = base.clone();
        let mut k = 2;
        while taken.contains(&id) {
            id = format!("{base}-{k}");
            k += 1;
        }
        taken.insert(id.clone());
        p.id = id;
    }
    out.sort_by(|a, b| b.mentions.cmp(&a.mentions).then(a.name.cmp(&b.name)));
    out
}

#[cfg(test)]
mod tests {
    use super::super::text::test_doc;
    use super::*;

    /// The people of one briefing of `paragraphs`: name, role, party id, mentions.
    fn listed(paragraphs: &[&str]) -> Vec<(String, Option<String>, Option<String>, usize)> {
        let g = Gazetteer::embedded();
        people(&[test_doc("/briefings/t/", "Wire", paragraphs)], g)
            .into_iter()
            .map(|p| {
                let party = p.party.as_ref().and_then(|n| {
                    g.parties
                        .iter()
                        .find(|x| &x.name == n)
                        .map(|x| x.id.clone())
                });
                (p.name, p.role, party, p.mentions)
            })
            .collect()
    }

    #[test]
    fn people_the_gazetteer_does_not_know() {
        // (pattern, paragraphs, name, role, party id, mentions)
        #[allow(clippy::type_complexity)]
        let rows: &[(&str, &[&str], &str, Option<&str>, Option<&str>, usize)] = &[
            (
                "title before",
                &["The talks were opened by Foreign Minister Ana Lucía Prado on Tuesday."],
                "Ana Lucía Prado",
                Some("Foreign Minister"),
                None,
                1,
            ),
            (
                "demonym and title",
                &["Kenyan Trade Minister Wanjiru Kamau signed the text."],
                "Wanjiru Kamau",
                Some("Kenyan Trade Minister"),
                Some("kenya"),
                1,
            ),
            (
                "honorific and particles",
                &["Qatari Amir Sheikh Hamad bin Khalifa Al Nuaimi will lead the group."],
                "Hamad bin Khalifa Al Nuaimi",
                Some("Qatari Amir"),
                Some("qatar"),
                1,
            ),
            (
                "organisation, lower-case title, particle",
                &["UN special envoy Lars van der Berg did come."],
                "Lars van der Berg",
                Some("UN special envoy"),
                Some("united-nations"),
                1,
            ),
            (
                "appositive after",
                &["Olga Pavlova, Putin's senior trade adviser, met them."],
                "Olga Pavlova",
                Some("Putin's senior trade adviser"),
                Some("russia"),
                1,
            ),
            (
                "possessive appositive before",
                &["Putin's senior trade adviser, Olga Pavlova, met them."],
                "Olga Pavlova",
                Some("Putin's senior trade adviser"),
                Some("russia"),
                1,
            ),
            (
                "appositive before at the start of the sentence",
                &["The UN's special envoy for Peru, Lars van der Berg, came too."],
                "Lars van der Berg",
                Some("UN's special envoy for Peru"),
                Some("united-nations"),
                1,
            ),
            (
                "honorific, appositive role, no party",
                &["Sheikh Omar bin Rashid, Vice President, heads the Gulf delegation."],
                "Omar bin Rashid",
                Some("Vice President"),
                None,
                1,
            ),
            (
                "surname later, and a shorter form",
                &[
                    "Kremlin spokesman Pavel Sokolov told reporters the talks went well.",
                    "Sokolov did not say more. Nobody asked Pavel Sokolov again.",
                ],
                "Pavel Sokolov",
                Some("Kremlin spokesman"),
                Some("russia"),
                3,
            ),
            (
                "title before an appositive name, party after 'of'",
                &[
                    "At a meeting with the Deputy Prime Minister of the Government of Peru, Jorge Salas Ruiz, the talks began.",
                ],
                "Jorge Salas Ruiz",
                Some("Deputy Prime Minister of the Government of Peru"),
                Some("peru"),
                1,
            ),
            (
                "an abbreviation inside an appositive role",
                &["Anna Berg, a spokeswoman for the U.S. mission, said so."],
                "Anna Berg",
                Some("spokeswoman for the U.S. mission"),
                None,
                1,
            ),
            (
                "an apostrophe inside a name, surname with a prefix",
                &[
                    "Iraqi Prime Minister Hadi Shia' Al-Rubai arrived.",
                    "Al-Rubai spoke first.",
                ],
                "Hadi Shia' Al-Rubai",
                Some("Iraqi Prime Minister"),
                Some("iraq"),
                2,
            ),
            (
                "appositive opening with a demonym, the leader it serves inside",
                &[
                    "Tomasz Wrona, Polish Deputy Prime Minister and special envoy of President Adam Kordecki, stressed that the fund must open before winter.",
                ],
                "Tomasz Wrona",
                Some("Polish Deputy Prime Minister and special envoy of President Adam Kordecki"),
                Some("poland"),
                1,
            ),
            (
                "initials for the given name",
                &["US Trade Representative R.J. Tilley dismissed the plan."],
                "R.J. Tilley",
                Some("US Trade Representative"),
                Some("united-states"),
                1,
            ),
            (
                "title of two words, lower-case verb after",
                &["Peru will be represented by Deputy Prime Minister Jorge Salas Ruiz."],
                "Jorge Salas Ruiz",
                Some("Deputy Prime Minister"),
                None,
                1,
            ),
        ];
        for (pattern, paragraphs, name, role, party, mentions) in rows {
            let got = listed(paragraphs);
            let p = got
                .iter()
                .find(|p| p.0 == *name)
                .unwrap_or_else(|| panic!("{pattern}: no {name} in {got:?}"));
            assert_eq!(p.1.as_deref(), *role, "{pattern}: role");
            assert_eq!(p.2.as_deref(), *party, "{pattern}: party");
            assert_eq!(p.3, *mentions, "{pattern}: mentions");
        }
    }

    #[test]
    fn words_that_are_not_people() {
        // (pattern, paragraph): nobody but the gazetteer's people is listed.
        let rows: &[(&str, &str)] = &[
            (
                "a ministry",
                "The Russian Foreign Ministry said the talks would go on.",
            ),
            (
                "a ministry after a title",
                "Deputy Foreign Ministry Office staff were there.",
            ),
            (
                "a hotel",
                "Delegates met at the Ritz Carlton Hotel on Friday.",
            ),
            ("a sea", "Russia's Black Sea resort hosted the summit."),
            ("a photo credit", "Delegates arrive. Photo: Getty Images"),
            (
                "a stock photo credit",
                "A delegate waves. Alamy Stock Photo",
            ),
            ("a day", "The President On Friday said nothing."),
            ("a month", "The minister in March Madrid did nothing."),
            (
                "a title without a name",
                "Then the President said the talks were over.",
            ),
            ("capitals", "UKRAINIAN PRESIDENT OLEKSANDR MARCHENKO SPOKE."),
            ("one word", "President Lula spoke."),
            ("an honorific", "The President, Mr. Lula, stayed home."),
        ];
        for (pattern, text) in rows {
            let got: Vec<_> = listed(&[text])
                .into_iter()
                .filter(|p| !Gazetteer::embedded().people.iter().any(|g| g.name == p.0))
                .collect();
            assert!(got.is_empty(), "{pattern}: {got:?}");
        }
    }

    #[test]
    fn roles_without_junk() {
        // (pattern, sentence, name, role)
        let rows: &[(&str, &str, &str, Option<&str>)] = &[
            (
                "photo credit before",
                "Alamy Stock Photo Syrian President Bashar al-Assad arrived.",
                "Bashar al-Assad",
                Some("Syrian President"),
            ),
            (
                "capitals",
                "UKRAINIAN PRESIDENT VOLODYMYR Zelensky spoke.",
                "Zelensky",
                None,
            ),
            (
                "another person's name and a demonym",
                "Iraqi Prime Minister Karim Hassan Al-Obaidi and Jordanian Foreign Minister Ayman Safadi came.",
                "Ayman Safadi",
                Some("Jordanian Foreign Minister"),
            ),
            (
                "another person's name and a bare demonym",
                "Iraqi Prime Minister Karim Hassan Al-Obaidi and Jordanian King Abdullah II came.",
                "King Abdullah II",
                None,
            ),
            (
                "a clause is not an appositive",
                "Besides Guterres, the summit is attended by Chinese President Xi Jinping.",
                "Guterres",
                None,
            ),
            (
                "a dateline run into the role",
                "Sochi, SANA-Russian President's Special Envoy Alexander Lavrentiev said so.",
                "Alexander Lavrentiev",
                Some("Russian President's Special Envoy"),
            ),
            (
                "a possessive name belongs to the role",
                "President Vladimir Putin's envoy Alexander Lavrentiev came.",
                "Alexander Lavrentiev",
                Some("President Vladimir Putin's envoy"),
            ),
        ];
        for (pattern, text, name, role) in rows {
            assert_eq!(around(text, name).as_deref(), *role, "{pattern}");
        }
    }

    fn around(s: &str, name: &str) -> Option<String> {
        let i = s.find(name).unwrap();
        role_around(s, i, i + name.len())
    }

    #[test]
    fn roles_from_the_seeds() {
        assert_eq!(
            around("said Richard Mills, Washington’s deputy ambassador to the UN, during an online meeting", "Richard Mills").as_deref(),
            Some("Washington’s deputy ambassador to the UN")
        );
        assert_eq!(
            around("wrote Nadia Hardman, a researcher at the Human Rights Watch, and an expert on refugee issues, on Twitter.", "Nadia Hardman").as_deref(),
            Some("researcher at the Human Rights Watch, and an expert on refugee issues")
        );
        assert_eq!(
            around(
                "EU foreign policy chief Josep Borrell said the Syria regime's priority",
                "Josep Borrell"
            )
            .as_deref(),
            Some("EU foreign policy chief")
        );
        assert_eq!(
            around("During a video call with the regime leader Bashar al Assad on Monday, Russian President Vladimir Putin praised", "Vladimir Putin").as_deref(),
            Some("Russian President")
        );
        assert_eq!(
            around(
                "During a video call with the regime leader Bashar al Assad on Monday",
                "Bashar al Assad"
            )
            .as_deref(),
            Some("regime leader")
        );
        assert_eq!(
            around("during his meeting with the Russian President's Special Envoy to Syria Alexander Lavrentiev, on the sidelines", "Alexander Lavrentiev").as_deref(),
            Some("Russian President's Special Envoy to Syria")
        );
        assert_eq!(
            around("through the head of the Russian-Syrian Coordination Center for the Return of Refugees Mikhail Mezentsev who referred", "Mikhail Mezentsev").as_deref(),
            Some("head of the Russian-Syrian Coordination Center for the Return of Refugees")
        );
        assert_eq!(
            around("the invitation by the Lebanese Minister of Social Affairs and Tourism Ramzi Musharrafieh to hold", "Ramzi Musharrafieh").as_deref(),
            Some("Lebanese Minister of Social Affairs and Tourism")
        );
        assert_eq!(
            around(
                "with the regime of President Bashar al-Assad, which would",
                "Bashar al-Assad"
            )
            .as_deref(),
            Some("President")
        );
    }

    #[test]
    fn roles_in_other_phrasing_and_no_role() {
        assert_eq!(
            around("Jane Doe, the agency's chief economist, said", "Jane Doe").as_deref(),
            Some("agency's chief economist")
        );
        assert_eq!(
            around("Jane Doe, the agency's spokeswoman, said", "Jane Doe").as_deref(),
            Some("agency's spokeswoman")
        );
        assert_eq!(
            around(
                "UN High Commissioner for Refugees Filippo Grandi warned",
                "Filippo Grandi"
            )
            .as_deref(),
            Some("UN High Commissioner for Refugees")
        );
        assert_eq!(around("Putin met Assad in Sochi.", "Assad"), None);
        assert_eq!(around("Mills refers to the presence", "Mills"), None);
    }
}
