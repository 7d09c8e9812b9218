//! People: who the briefings name, with the role the text gives them ("Richard Mills,
//! Washington's deputy ambassador to the UN"; "EU foreign policy chief Josep Borrell"),
//! the party they speak for, and the briefings that mention them (pure).

use serde::Serialize;

use super::text::{Doc, SourceRef};
use crate::analyse::attendance::people::gazetteer_party;
use crate::analyse::gazetteer::{Gazetteer, Target};

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

/// Words that may join a role's words when both sides belong to it: "Minister of Social
/// Affairs and Tourism", "envoy on Syria", "head of the … Center for the Return of …".
const CONNECTORS: &[&str] = &["of", "for", "to", "on", "and", "the", "at"];

pub fn is_role_noun(w: &str) -> bool {
    let l = w.to_lowercase();
    let l = l.trim_end_matches("’s").trim_end_matches("'s");
    ROLE_NOUNS.contains(&l)
        || ROLE_NOUNS
            .iter()
            .any(|n| l.ends_with(n) && l.len() > n.len() + 3 && l.contains('-'))
}

fn is_capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

fn bare(w: &str) -> &str {
    w.trim_matches(|c: char| !c.is_alphanumeric() && c != '’' && c != '\'' && c != '-')
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
        let end = remaining
            .find([',', ';', '.', '(', '“', '"'])
            .unwrap_or(remaining.len());
        let chunk = remaining[..end].trim();
        let words: Vec<&str> = chunk.split_whitespace().collect();
        let first = words.first().map(|w| w.to_lowercase()).unwrap_or_default();
        let ok = !words.is_empty()
            && words.len() <= 12
            && words.iter().any(|w| is_role_noun(bare(w)))
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
        .find_map(|p| joined.strip_prefix(p))
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
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Named {
    /// Index into the gazetteer's people.
    pub person: usize,
    /// How many times the briefing names them.
    pub mentions: usize,
    /// The first sentence that names them.
    pub first: usize,
    /// The fullest role the briefing states (the first of the best), with its score
    /// and sentence.
    pub role: Option<(String, usize, usize)>,
}

/// The people one briefing names, in order of first mention: the part of [`people`]
/// worth keeping per page.
pub fn read(doc: &Doc, gazetteer: &Gazetteer) -> Vec<Named> {
    let mut out: Vec<Named> = Vec::new();
    for (i, s) in doc.sentences.iter().enumerate() {
        for m in &s.mentions {
            let Target::Person(pi) = m.target else {
                continue;
            };
            let id = &gazetteer.people[pi].id;
            let k = match out
                .iter()
                .position(|n| &gazetteer.people[n.person].id == id)
            {
                Some(k) => k,
                None => {
                    out.push(Named {
                        person: pi,
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
            if let Some((role, bonus)) = found {
                let score = role.split_whitespace().count() + bonus;
                if n.role.as_ref().is_none_or(|(_, best, _)| score > *best) {
                    n.role = Some((role, score, i));
                }
            }
        }
    }
    out
}

/// Everyone the gazetteer knows that the briefings name, most mentioned first.
pub fn people(docs: &[Doc], gazetteer: &Gazetteer) -> Vec<Person> {
    let parts: Vec<Vec<Named>> = docs.iter().map(|d| read(d, gazetteer)).collect();
    merge(
        docs,
        &parts.iter().map(Vec::as_slice).collect::<Vec<_>>(),
        gazetteer,
    )
}

/// Everyone the briefings name, from each one's [`read`] (`parts[d]` of `docs[d]`).
pub fn merge(docs: &[Doc], parts: &[&[Named]], gazetteer: &Gazetteer) -> Vec<Person> {
    let mut out: Vec<Person> = Vec::new();
    // How good the role found so far is, per person.
    let mut scores: Vec<usize> = Vec::new();
    let mut index: super::text::FxMap<&str, usize> = Default::default();
    for (doc, part) in docs.iter().zip(parts) {
        for n in part.iter() {
            let g = &gazetteer.people[n.person];
            let idx = *index.entry(g.id.as_str()).or_insert_with(|| {
                out.push(Person {
                    name: g.name.clone(),
                    id: g.id.clone(),
                    role: None,
                    role_source: None,
                    // As the attendance extractor links them (one mechanism).
                    party: gazetteer_party(gazetteer, n.person)
                        .map(|p| gazetteer.parties[p].name.clone()),
                    briefings: Vec::new(),
                    mentions: 0,
                    quotes: 0,
                });
                scores.push(0);
                out.len() - 1
            });
            let p = &mut out[idx];
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
    out.sort_by(|a, b| b.mentions.cmp(&a.mentions).then(a.name.cmp(&b.name)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

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
