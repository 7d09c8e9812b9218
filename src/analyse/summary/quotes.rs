//! Quotes: direct quotations with their speaker and the speaker's role, resolved from
//! the text — attribution after the quote ("…," Mills said; said the EU via a
//! statement), before it (Putin praised the conference saying that "…"), a pronoun
//! ("he said") resolved to the last person named, "the Russian leader" to the last
//! person named when they speak for Russia, a surname the gazetteer does not know
//! ("Peskov said") to the full name the briefing gave it, and "they" to the parties
//! the sentence names. Each speaker's party comes from the attendance extractor's
//! people-to-party links (pure).

use std::sync::LazyLock;

use regex::Regex;
use serde::Serialize;

use super::people::{
    ArticleLinks, Before, MAX_NAME_WORDS, is_role_noun, linked_party, name_at_end, role_after,
    role_around, role_before,
};
use super::text::{Doc, FxMap, FxSet, SourceRef};
use crate::analyse::attendance::cues::Lexicon;
use crate::analyse::attendance::people::gazetteer_party;
use crate::analyse::gazetteer::{Gazetteer, Mention, PartyKind, Target};
use crate::markdown::BlockKind;

/// A quotation and who said it.
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct Quote {
    /// The quoted words, without quotation marks.
    pub text: String,
    /// True when the quote is part of a sentence in the reporter's words; `context`
    /// then has the whole sentence.
    pub partial: bool,
    pub context: Option<String>,
    /// Who said it: a person's name, an organisation or country, or a list of them.
    pub speaker: String,
    /// Gazetteer id of a single named speaker.
    pub speaker_id: Option<String>,
    /// `person`, `organisation`, `country` or `group`.
    pub speaker_kind: String,
    /// The speaker's role as the text gives it.
    pub role: Option<String>,
    /// Gazetteer id of the party the speaker speaks for: a person's, as the attendance
    /// extractor links people to parties; an organisation's or a country's own.
    pub party: Option<String>,
    /// The verb of attribution: said, wrote, added …
    pub verb: String,
    /// How it was said, when the text says: "via a statement", "on Twitter".
    pub channel: Option<String>,
    /// The sentence where the quote starts.
    pub source: SourceRef,
    /// The same quote in other briefings.
    pub also: Vec<SourceRef>,
}

const SPEECH_VERBS: &str = "said|says|say|added|adds|wrote|writes|told|tweeted|stated|noted|warned|insisted|explained|argued|declared|stressed|urged|asked|replied|saying|described as|calling it|called it";

static AFTER_VERB_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^[\s,]*(?P<verb>{SPEECH_VERBS})\s+(?P<who>[^,.;“”\x22]+)"
    ))
    .expect("verb-first attribution")
});

static AFTER_WHO_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^[\s,]*(?P<who>[^,.;“”\x22]{{1,80}}?)\s+(?P<verb>{SPEECH_VERBS})\b"
    ))
    .expect("speaker-first attribution")
});

static BEFORE_VERB: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(?P<verb>{SPEECH_VERBS})\b(?:\s+(?:reporters|journalists|the press|the media|(?:a|the) (?:news|press) conference|(?:the|a) (?:crowd|audience|summit|meeting|conference|gathering)))?(?:\s+that)?\s*[:,]?\s*$"
    ))
    .expect("verb before quote")
});

/// A speaker's label for the meeting or a decision, quoted: "X called the summit a
/// “turning point”", "hailed the accord as “historic”", "described it as “a first step”".
/// The quote may be short: the words are the speaker's verdict, not a scare quote.
static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?P<verb>call(?:ed|s|ing)|describ(?:ed|es|ing)|hail(?:ed|s|ing)|brand(?:ed|s|ing)|label(?:l?ed|s)|term(?:ed|s)|dubb?(?:ed|s))\s+(?:it|them|(?:the|this|that|these|its|their|his|her|our)\s+(?:[\w’'-]+\s+){0,3}?[\w’'-]+)\s+(?:as\s+)?(?:(?:an?|the|one|nothing less than|no less than|more than)\s+)?(?:[\w’'-]+\s+){0,2}?$")
        .expect("label before quote")
});

static ANY_VERB: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"\b(?P<verb>{SPEECH_VERBS})\b")).expect("speech verb"));

static CHANNEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?P<c>(?:via|in|through) (?:a |an |its |the )?(?:statement|tweet|video|televised speech|speech|interview|press conference|letter)|on (?:Twitter|Facebook|X|television|TV))\b")
        .expect("channel pattern")
});

/// Quotation spans in `text`: byte ranges of the words inside curly or straight quotes
/// (a last one left open runs to the end of the paragraph).
pub fn quote_spans(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, char)> = None;
    for (i, c) in text.char_indices() {
        match (c, open) {
            ('“', _) => open = Some((i + c.len_utf8(), '“')),
            ('”', Some((s, '“'))) => {
                out.push((s, i));
                open = None;
            }
            ('"', Some((s, '"'))) => {
                out.push((s, i));
                open = None;
            }
            ('"', None) => open = Some((i + 1, '"')),
            _ => {}
        }
    }
    // A quote that runs on into the next paragraph has no closing mark in this one (the
    // press's convention): it ends with the paragraph, when it ends a sentence there.
    if let Some((s, _)) = open {
        let rest = text[s..].trim_end();
        if rest.split_whitespace().count() >= 3 && rest.ends_with(['.', '!', '?']) {
            out.push((s, s + rest.len()));
        }
    }
    out
}

/// A speaker as the words of an attribution name it.
#[derive(Debug, Clone, PartialEq)]
struct Speaker {
    name: String,
    id: Option<String>,
    kind: &'static str,
    role: Option<String>,
    /// Index into the gazetteer's parties.
    party: Option<usize>,
}

impl Speaker {
    /// A person the gazetteer does not know takes the party the article's own links
    /// give the name.
    fn linked(mut self, doc: &Doc, g: &Gazetteer, links: &ArticleLinks) -> Self {
        if self.kind == "person" && self.id.is_none() && self.party.is_none() {
            self.party = linked_party(links.get(doc, g), &self.name);
        }
        self
    }

    /// The quote of `text` this speaker says; `context` (the whole sentence) when the
    /// words are part of the reporter's sentence.
    fn quote(
        self,
        g: &Gazetteer,
        text: String,
        context: Option<String>,
        verb: String,
        channel: Option<String>,
        source: SourceRef,
    ) -> Quote {
        Quote {
            text,
            partial: context.is_some(),
            context,
            speaker: self.name,
            speaker_id: self.id,
            speaker_kind: self.kind.to_string(),
            role: self.role,
            party: self.party.map(|p| g.parties[p].id.clone()),
            verb,
            channel,
            source,
            also: Vec::new(),
        }
    }
}

/// The pronoun that ends attribution words `head` ("Later, he"), lower case.
fn pronoun_at_end(head: &str) -> String {
    head.split_whitespace().last().unwrap_or("").to_lowercase()
}

/// The speaker a pronoun ending `head` stands for: the last person named for "he" or
/// "she", the parties the sentence names before `verb_start` for "they"; `None` when
/// `head` ends with none of them.
fn pronoun_speaker(
    g: &Gazetteer,
    head: &str,
    sentence: &str,
    verb_start: usize,
    last_person: &Option<Speaker>,
) -> Option<Option<Speaker>> {
    match pronoun_at_end(head).as_str() {
        "he" | "she" => Some(last_person.clone()),
        "they" => Some(group_before(g, sentence, verb_start)),
        _ => None,
    }
}

fn speaker_from_mention(g: &Gazetteer, m: &Mention, sentence: &str, offset: usize) -> Speaker {
    let (start, end) = (offset + m.start, offset + m.end);
    match m.target {
        Target::Person(i) => Speaker {
            name: g.people[i].name.clone(),
            id: Some(g.people[i].id.clone()),
            kind: "person",
            role: role_after(&sentence[end..]).or_else(|| role_before(&sentence[..start])),
            party: gazetteer_party(g, i),
        },
        Target::Party(i) => Speaker {
            name: g.parties[i].name.clone(),
            id: Some(g.parties[i].id.clone()),
            kind: if g.parties[i].kind == PartyKind::Country {
                "country"
            } else {
                "organisation"
            },
            role: None,
            party: Some(i),
        },
    }
}

/// The speaker named by attribution words `who`, which start at byte `offset` of
/// `sentence`; `earlier` finds the full name the briefing gave a surname.
fn resolve_who(
    g: &Gazetteer,
    who: &str,
    offset: usize,
    sentence: &str,
    last_person: &Option<Speaker>,
    earlier: &dyn Fn(&str) -> Option<Speaker>,
) -> Option<Speaker> {
    let w = who.trim();
    let lower = w.to_lowercase();
    if ["he", "she"].contains(&lower.as_str()) {
        return last_person.clone();
    }
    if lower == "they" {
        return group_before(g, sentence, offset);
    }
    let ms = g.mentions(who);
    let words: Vec<&str> = w.split_whitespace().collect();
    // "the Russian leader added": the last person named, who speaks for Russia.
    if let Some(last) = last_person.as_ref().filter(|p| p.party.is_some())
        && lower.starts_with("the ")
        && words.iter().any(|x| is_role_noun(x))
        && !ms.is_empty()
        && ms
            .iter()
            .all(|m| m.target == Target::Party(last.party.unwrap_or(usize::MAX)))
    {
        return Some(last.clone());
    }
    // A person wins over the party in "EU foreign policy chief Josep Borrell".
    if let Some(m) = ms.iter().find(|m| matches!(m.target, Target::Person(_))) {
        return Some(speaker_from_mention(g, m, sentence, offset));
    }
    let w_start = offset + (who.len() - who.trim_start().len());
    if let Some(sp) = unknown_name(w, &ms, w_start, sentence, earlier) {
        return Some(sp);
    }
    if let Some(m) = ms.first() {
        return Some(speaker_from_mention(g, m, sentence, offset));
    }
    // "the minister", "a spokeswoman for the agency".
    if words.len() <= 5
        && ["the", "a", "an"].contains(
            &words
                .first()
                .map(|x| x.to_lowercase())
                .unwrap_or_default()
                .as_str(),
        )
        && words.iter().any(|x| is_role_noun(x))
    {
        return Some(Speaker {
            name: w.to_string(),
            id: None,
            kind: "person",
            role: None,
            party: None,
        });
    }
    None
}

/// A person the gazetteer does not know, named at the end of attribution words `w`
/// (at byte `start` of `sentence`, with the gazetteer's mentions `ms` in it): "Tom
/// Reed", "Chilean President Rosa Marín", "Al Jazeera's Rory Challands", or a surname
/// the briefing gave in full before ("Peskov", "President Marín"). The title before the
/// name is the role unless an appositive after it gives one.
fn unknown_name(
    w: &str,
    ms: &[Mention],
    start: usize,
    sentence: &str,
    earlier: &dyn Fn(&str) -> Option<Speaker>,
) -> Option<Speaker> {
    // What stands before the name is a title, a role or a possessive ("Al Jazeera's").
    let at =
        name_at_end(w, ms).filter(|a| a.words <= MAX_NAME_WORDS && a.before != Before::Other)?;
    let prefix = &w[..at.start];
    let end = (start + w.trim_end().len()).min(sentence.len());
    if at.words == 1 {
        let sp = earlier(w[at.start..].trim_end())?;
        return Some(Speaker {
            role: sp.role.clone().or_else(|| role_before(prefix)),
            ..sp
        });
    }
    Some(Speaker {
        name: w[at.start..].trim_end().to_string(),
        id: None,
        kind: "person",
        role: role_after(&sentence[end..]).or_else(|| role_before(prefix)),
        party: None,
    })
}

/// "what they described as": the parties the sentence names before `before_end`.
fn group_before(g: &Gazetteer, sentence: &str, before_end: usize) -> Option<Speaker> {
    let mut names: Vec<String> = Vec::new();
    for m in g.mentions(&sentence[..before_end.min(sentence.len())]) {
        if let Target::Party(i) = m.target {
            let n = &g.parties[i].name;
            if !names.contains(n) {
                names.push(n.clone());
            }
        }
    }
    match names.len() {
        0 => None,
        1 => Some(Speaker {
            name: names.remove(0),
            id: None,
            kind: "group",
            role: None,
            party: None,
        }),
        _ => {
            let last = names.pop().unwrap_or_default();
            Some(Speaker {
                name: format!("{} and {last}", names.join(", ")),
                id: None,
                kind: "group",
                role: None,
                party: None,
            })
        }
    }
}

/// The full name the briefing gives a surname the gazetteer does not know, in its first
/// sentence that names it so up to sentence `upto`: "Kremlin spokesman Dmitry Peskov"
/// for "Peskov", with the role stated there.
fn earlier_name(doc: &Doc, upto: usize, surname: &str) -> Option<Speaker> {
    let lex = Lexicon::embedded();
    let end = (upto + 1).min(doc.sentences.len());
    for s in &doc.sentences[..end] {
        let text = s.text.as_str();
        for (at, _) in text.match_indices(surname) {
            let after = at + surname.len();
            if text[after..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric)
            {
                continue;
            }
            let Some(head) = text[..at].strip_suffix(' ') else {
                continue;
            };
            let given_at = head
                .rfind(|c: char| c.is_whitespace() || c == '(' || c == ',')
                .map_or(0, |i| i + 1);
            let given = &head[given_at..];
            let lower = given.to_lowercase();
            let a_name = given.chars().next().is_some_and(char::is_uppercase)
                && given.chars().count() > 1
                && given
                    .chars()
                    .all(|c| c.is_alphabetic() || ['-', '’', '\''].contains(&c))
                && !lex.is_title(&lower)
                && !is_role_noun(given)
                && !["the", "mr", "mrs", "ms", "dr", "said", "says"].contains(&lower.as_str());
            // Not part of something the gazetteer knows ("Moscow Maria …").
            let known = s.mentions.iter().any(|m| m.start < after && at - 1 < m.end)
                || s.mentions
                    .iter()
                    .any(|m| m.start <= given_at && given_at < m.end);
            if a_name && !known {
                return Some(Speaker {
                    name: format!("{given} {surname}"),
                    id: None,
                    kind: "person",
                    role: role_around(text, given_at, after),
                    party: None,
                });
            }
        }
    }
    None
}

/// The words before a speech verb that can name the speaker: "A Russian spokesman for
/// the embassy in Oslo" names Russia, not the place of the embassy, so a description
/// ("a"/"the" … role noun) ends at the first preposition after its role noun.
fn speaker_phrase(head: &str) -> &str {
    let t = head.trim_start();
    let words: Vec<(usize, &str)> = t
        .split_whitespace()
        .map(|x| (x.as_ptr() as usize - t.as_ptr() as usize, x))
        .collect();
    let described = words
        .first()
        .is_some_and(|(_, x)| ["a", "an", "the"].contains(&x.to_lowercase().as_str()));
    let Some(noun) = words.iter().position(|(_, x)| is_role_noun(x)) else {
        return head;
    };
    if !described {
        return head;
    }
    match words[noun..]
        .iter()
        .find(|(_, x)| ["for", "of", "at", "in", "to", "from"].contains(x))
    {
        Some(&(at, _)) => &t[..at],
        None => head,
    }
}

/// The last person a text names, as a speaker.
fn last_person_in(g: &Gazetteer, sentence: &str) -> Option<Speaker> {
    let ms = g.mentions(sentence);
    ms.iter()
        .rev()
        .find(|m| matches!(m.target, Target::Person(_)))
        .map(|m| speaker_from_mention(g, m, sentence, 0))
}

/// Every attributed quote in the briefings, in reading order.
pub fn quotes(docs: &[Doc], gazetteer: &Gazetteer) -> Vec<Quote> {
    let parts: Vec<Vec<Quote>> = docs.iter().map(|d| read(d, gazetteer)).collect();
    merge(&parts.iter().map(Vec::as_slice).collect::<Vec<_>>())
}

/// The quotes of all briefings from each one's [`read`]: a quote other briefings
/// repeat is kept once, citing them.
pub fn merge(parts: &[&[Quote]]) -> Vec<Quote> {
    let mut out: Vec<Quote> = Vec::new();
    // Each quote's place in `out`, and the pages it cites in `also`.
    let mut seen: FxMap<&str, (usize, FxSet<&str>)> = Default::default();
    for q in parts.iter().flat_map(|p| p.iter()) {
        if let Some((k, cited)) = seen.get_mut(q.text.as_str()) {
            let first = &mut out[*k];
            if first.source.page != q.source.page && cited.insert(q.source.page.as_str()) {
                first.also.push(q.source.clone());
            }
            continue;
        }
        seen.insert(q.text.as_str(), (out.len(), FxSet::default()));
        out.push(q.clone());
    }
    out
}

/// "Zimbabwe's President X called on Western nations to lift sanctions", "In his address,
/// the king urged …": a named speaker's appeal or pledge in the reporter's words, at the
/// start of a sentence with no quotation marks.
static STATEMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?:In|At|On|During) [^,]{1,60},\s+)?(?P<who>[^,;“”\x22]{3,90}?),?\s+(?:(?:also|again|then|later|repeatedly)\s+)?(?P<verb>called on|called for|urged|appealed (?:to|for)|pledged|vowed|promised|demanded)\b")
        .expect("statement pattern")
});

/// A briefing's reported statements: appeals and pledges of speakers the text names,
/// in the reporter's words ([`STATEMENT`]); each is `partial`, its sentence the
/// context. Not quotes: the summary offers them only as voices of leaders and hosts.
pub fn statements(doc: &Doc, gazetteer: &Gazetteer, links: &ArticleLinks) -> Vec<Quote> {
    let mut out = Vec::new();
    let mut last_person: Option<Speaker> = None;
    for (i, s) in doc.sentences.iter().enumerate() {
        let text = s.text.as_str();
        let plain = matches!(s.kind, BlockKind::Paragraph | BlockKind::ListItem)
            && !text.contains(['“', '”', '"']);
        if plain && let Some(c) = STATEMENT.captures(text) {
            let who = c.name("who").expect("who");
            let verb = c.name("verb").expect("verb");
            let earlier = |surname: &str| earlier_name(doc, i, surname);
            let speaker = resolve_who(
                gazetteer,
                who.as_str(),
                who.start(),
                text,
                &last_person,
                &earlier,
            )
            .filter(|sp| sp.kind == "person" && sp.name.starts_with(char::is_uppercase));
            if let Some(sp) = speaker {
                out.push(
                    sp.linked(doc, gazetteer, links).quote(
                        gazetteer,
                        text[verb.start()..]
                            .trim_end_matches(['.', ' '])
                            .to_string(),
                        Some(text.to_string()),
                        verb.as_str().to_string(),
                        None,
                        SourceRef::new(doc, s),
                    ),
                );
            }
        }
        if let Some(p) = last_person_in(gazetteer, text) {
            last_person = Some(p);
        }
    }
    out
}

/// Every attributed quote of one briefing, in reading order, repeats included: the
/// part of [`quotes`] worth keeping per page.
pub fn read(doc: &Doc, gazetteer: &Gazetteer) -> Vec<Quote> {
    read_with(doc, gazetteer, &ArticleLinks::default())
}

/// [`read`] with the article's people-to-party links (found when a speaker needs them)
/// shared with its other readers.
pub fn read_with(doc: &Doc, gazetteer: &Gazetteer, links: &ArticleLinks) -> Vec<Quote> {
    let mut out: Vec<Quote> = Vec::new();
    {
        let mut last_person: Option<Speaker> = None;
        let mut blocks: Vec<usize> = doc.sentences.iter().map(|s| s.block).collect();
        blocks.dedup();
        for b in blocks {
            let sents: Vec<(usize, &super::text::Sent)> = doc.block_sentences(b).collect();
            if sents
                .first()
                .is_some_and(|(_, s)| !matches!(s.kind, BlockKind::Paragraph | BlockKind::ListItem))
            {
                continue;
            }
            // The block text and where each sentence starts in it.
            let mut text = String::new();
            let mut starts = Vec::new();
            for (_, s) in &sents {
                if !text.is_empty() {
                    text.push(' ');
                }
                starts.push(text.len());
                text.push_str(&s.text);
            }
            let sentence_at = |pos: usize| starts.iter().rposition(|&st| st <= pos).unwrap_or(0);
            // The block's sentences whose people `last_person` has taken in.
            let mut absorbed = 0;
            for (qs, qe) in quote_spans(&text) {
                let quoted = text[qs..qe].trim().trim_end_matches([',', ' ']).to_string();
                let n_words = quoted.split_whitespace().count();
                // The opening mark starts at the last char before `qs`.
                let mark = text[..qs].char_indices().last().map_or(0, |(i, _)| i);
                let si = sentence_at(mark);
                let ei = sentence_at(qe);
                let (sent_start, sentence) = (starts[si], sents[si].1.text.as_str());
                let (end_start, end_sentence) = (starts[ei], sents[ei].1.text.as_str());
                // "… was Hungarian President X. Later, he said …": the people of the
                // block's sentences before the quote's.
                for (_, s) in sents.iter().take(si).skip(absorbed) {
                    if let Some(p) = last_person_in(gazetteer, &s.text) {
                        last_person = Some(p);
                    }
                }
                absorbed = absorbed.max(si);
                // Attribution after the closing mark, within its sentence.
                let close_len = text[qe..].chars().next().map_or(0, char::len_utf8);
                let after_off = (qe + close_len)
                    .saturating_sub(end_start)
                    .min(end_sentence.len());
                let after = &end_sentence[after_off..];
                let before = &sentence[..mark.saturating_sub(sent_start).min(sentence.len())];
                let upto = sents[ei].0;
                let earlier = |surname: &str| earlier_name(doc, upto, surname);
                let mut found: Option<(Speaker, String)> = None;
                if let Some(c) = AFTER_VERB_FIRST.captures(after) {
                    let who = c.name("who").expect("who");
                    if let Some(sp) = resolve_who(
                        gazetteer,
                        who.as_str(),
                        after_off + who.start(),
                        end_sentence,
                        &last_person,
                        &earlier,
                    ) {
                        found = Some((sp, c["verb"].to_string()));
                    }
                }
                if found.is_none()
                    && let Some(c) = AFTER_WHO_FIRST.captures(after)
                {
                    let who = c.name("who").expect("who");
                    if let Some(sp) = resolve_who(
                        gazetteer,
                        who.as_str(),
                        after_off + who.start(),
                        end_sentence,
                        &last_person,
                        &earlier,
                    ) {
                        found = Some((sp, c["verb"].to_string()));
                    }
                }
                let mut partial = false;
                let mut label = false;
                if found.is_none()
                    && let Some(c) = LABEL.captures(before)
                {
                    let verb = c.name("verb").expect("verb");
                    let head = before[..verb.start()].trim_end();
                    let sp = pronoun_speaker(gazetteer, head, sentence, verb.start(), &last_person)
                        .unwrap_or_else(|| {
                            // "On Monday, Fijian Prime Minister X called …" and "X, Fiji's
                            // prime minister, called …": the clause before, else the name
                            // first.
                            [head.rsplit(',').next(), head.split(',').next()]
                                .into_iter()
                                .flatten()
                                .filter(|w| !w.trim().is_empty())
                                .find_map(|w| {
                                    // `head` starts where the sentence does.
                                    let at = w.as_ptr() as usize - head.as_ptr() as usize;
                                    resolve_who(gazetteer, w, at, sentence, &last_person, &earlier)
                                })
                        });
                    if let Some(sp) = sp {
                        partial = true;
                        label = true;
                        found = Some((sp, verb.as_str().to_lowercase()));
                    }
                }
                if found.is_none() {
                    // "… saying that “…”", "… what they described as “…”".
                    if let Some(c) = BEFORE_VERB.captures(before) {
                        let verb = c.name("verb").expect("verb");
                        let head = &before[..verb.start()];
                        let sp =
                            pronoun_speaker(gazetteer, head, sentence, verb.start(), &last_person)
                                .unwrap_or_else(|| {
                                    last_person_in(gazetteer, head)
                                        .or_else(|| {
                                            gazetteer.mentions(speaker_phrase(head)).last().map(
                                                |m| speaker_from_mention(gazetteer, m, sentence, 0),
                                            )
                                        })
                                        .or_else(|| {
                                            // "Amina Yusuf, a spokeswoman for the agency, said: “…”"
                                            let subject = head.split(',').next().unwrap_or("");
                                            resolve_who(
                                                gazetteer,
                                                subject,
                                                0,
                                                sentence,
                                                &last_person,
                                                &earlier,
                                            )
                                        })
                                });
                        if let Some(sp) = sp {
                            partial =
                                !head.trim().is_empty() && verb.as_str().starts_with("described");
                            found = Some((sp, verb.as_str().to_string()));
                        }
                    } else if let Some(c) = ANY_VERB.captures_iter(before).last() {
                        // "Borrell said the regime's priority must be "to create …"".
                        let verb = c.name("verb").expect("verb");
                        let head = &before[..verb.start()];
                        let near: Vec<Mention> = gazetteer.mentions(head);
                        if matches!(pronoun_at_end(head).as_str(), "he" | "she")
                            && let Some(sp) = last_person.clone()
                        {
                            // "Later, he said on social media that X helped “…”".
                            found = Some((sp, verb.as_str().to_string()));
                            partial = true;
                        } else if let Some(m) = near
                            .last()
                            .filter(|m| head[m.end..].split_whitespace().count() <= 1)
                        {
                            found = Some((
                                speaker_from_mention(gazetteer, m, sentence, 0),
                                verb.as_str().to_string(),
                            ));
                            partial = true;
                        }
                    }
                }
                if let Some(p) = last_person_in(gazetteer, end_sentence) {
                    last_person = Some(p);
                }
                absorbed = absorbed.max(ei + 1);
                let Some((speaker, verb)) = found else {
                    continue;
                };
                let speaker = speaker.linked(doc, gazetteer, links);
                let min_words = if label {
                    1
                } else if verb.starts_with("described") || verb.starts_with("call") {
                    6
                } else {
                    3
                };
                if n_words < min_words {
                    continue;
                }
                if speaker.kind == "person" {
                    last_person = Some(speaker.clone());
                }
                let channel = CHANNEL
                    .captures(after)
                    .or_else(|| CHANNEL.captures(before))
                    .map(|c| c["c"].to_string())
                    .or_else(|| {
                        // "said the EU statement": the statement is the channel.
                        let attribution = after.split(['.', ';']).next().unwrap_or("");
                        attribution
                            .contains(" statement")
                            .then(|| "in a statement".to_string())
                    });
                out.push(speaker.quote(
                    gazetteer,
                    quoted,
                    partial.then(|| sentence.to_string()),
                    verb,
                    channel,
                    SourceRef::new(doc, sents[si].1),
                ));
            }
            for (_, s) in sents.iter().skip(absorbed) {
                if let Some(p) = last_person_in(gazetteer, &s.text) {
                    last_person = Some(p);
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::text::test_doc;
    use super::*;

    fn q(paragraphs: &[&str]) -> Vec<Quote> {
        quotes(
            &[test_doc("/briefings/t/", "Wire", paragraphs)],
            Gazetteer::embedded(),
        )
    }

    #[test]
    fn quotes_from_the_seeds_with_speakers_and_roles() {
        let got = q(&[
            "\"A number of EU member states' foreign ministers have received an invitation. The EU and its member states will not attend this conference,\" said the EU via a statement.",
            "“It is the strong belief of the US that this conference is counter-productive,” said Richard Mills, Washington’s deputy ambassador to the UN, during an online meeting of the UN Security Council last month.",
            "“The US will not attend the conference. We strongly urge the UN and all others to forgo attendance as well,” Mills said, prior to the conference.",
            "“What's missing from this upcoming conference in Damascus is the voices of refugees themselves,” wrote Nadia Hardman, a researcher at the Human Rights Watch, and an expert on refugee issues, on Twitter.",
            "During a video call with the regime leader Bashar al Assad on Monday, Russian President Vladimir Putin praised the conference saying that “international terrorism has been almost wiped out and return to civilian life should begin gradually,” in Syria.",
        ]);
        assert_eq!(got.len(), 5, "{got:#?}");
        assert_eq!(
            (got[0].speaker.as_str(), got[0].speaker_kind.as_str()),
            ("European Union", "organisation")
        );
        assert_eq!(got[0].channel.as_deref(), Some("via a statement"));
        assert!(
            got[0].text.starts_with("A number of EU") && got[0].text.ends_with("this conference")
        );
        assert_eq!(got[1].speaker, "Richard Mills");
        assert_eq!(
            got[1].role.as_deref(),
            Some("Washington’s deputy ambassador to the UN")
        );
        assert_eq!(
            got[2].speaker, "Richard Mills",
            "a quote whose speaker comes after it"
        );
        assert!(got[2].text.contains("forgo attendance"));
        assert_eq!(got[3].speaker, "Nadia Hardman");
        assert_eq!(
            got[3].role.as_deref(),
            Some("researcher at the Human Rights Watch, and an expert on refugee issues")
        );
        assert_eq!(got[3].channel.as_deref(), Some("on Twitter"));
        assert_eq!(
            (got[4].speaker.as_str(), got[4].role.as_deref()),
            ("Vladimir Putin", Some("Russian President"))
        );
    }

    #[test]
    fn pronouns_partial_quotes_and_groups() {
        let got = q(&[
            "\"Millions of Syrians want to return,\" regime leader Bashar al Assad said in a televised speech held in a giant hall in Damascus.",
            "But a huge amount of \"infrastructure has been destroyed after being built over decades, and terrorism continues in some areas,\" he said, using his blanket term for rebels.",
            "EU foreign policy chief Josep Borrell said the Syria regime's priority must be \"to create conditions for safe, voluntary, dignified and sustainable return of refugees\" in line with guidance from the UN refugee agency.",
            "The US, Canada, the European Union (EU), Jordan, and Turkey refrained from participating in the Conference due to what they described as “the lack of safe conditions in conformity with international laws for the return of refugees”, even as others warned.",
            "The international community has largely avoided attending the meeting, describing the conference call as “premature”.",
        ]);
        let who: Vec<(&str, &str)> = got
            .iter()
            .map(|q| (q.speaker.as_str(), q.verb.as_str()))
            .collect();
        assert_eq!(
            who,
            [
                ("Bashar al-Assad", "said"),
                ("Bashar al-Assad", "said"),
                ("Josep Borrell", "said"),
                (
                    "United States, Canada, European Union, Jordan and Turkey",
                    "described as"
                ),
            ],
            "{got:#?}"
        );
        assert_eq!(got[0].role.as_deref(), Some("regime leader"));
        assert_eq!(got[0].channel.as_deref(), Some("in a televised speech"));
        assert!(
            got[2].partial
                && got[2]
                    .context
                    .as_deref()
                    .unwrap()
                    .starts_with("EU foreign policy chief")
        );
        assert_eq!(got[2].role.as_deref(), Some("EU foreign policy chief"));
    }

    #[test]
    fn names_the_gazetteer_does_not_know_and_their_parties() {
        let got = q(&[
            "Kenyan Prime Minister Odhiambo Otieno opened the harbour talks on Monday.",
            "“We will not sign anything that leaves the fishermen out,” Otieno said.",
            "“The talks are going well for everyone involved,” Chilean President Rosa Marín said.",
            "“The sea does not care about our borders at all,” the Chilean leader added.",
            "Harbour spokesman Piet Vos spoke to reporters.",
            "“The harbour will stay open through the whole week,” Vos said.",
            "“Our delegation is ready to stay for longer talks,” said Tom Reed, an analyst.",
        ]);
        let who: Vec<(&str, Option<&str>, Option<&str>)> = got
            .iter()
            .map(|q| (q.speaker.as_str(), q.role.as_deref(), q.party.as_deref()))
            .collect();
        assert_eq!(
            who,
            [
                // A surname: the full name the briefing gave, with its title and party.
                (
                    "Odhiambo Otieno",
                    Some("Kenyan Prime Minister"),
                    Some("kenya")
                ),
                // The person after the title, not the country of the demonym.
                ("Rosa Marín", Some("Chilean President"), Some("chile")),
                // "the Chilean leader": the last speaker, who speaks for Chile.
                ("Rosa Marín", Some("Chilean President"), Some("chile")),
                // No link to a party: no demonym, possessive or "of X".
                ("Piet Vos", Some("Harbour spokesman"), None),
                ("Tom Reed", Some("analyst"), None),
            ],
            "{got:#?}"
        );
    }

    #[test]
    fn gazetteer_people_speak_for_the_gazetteer_party() {
        let got = q(&[
            "“The refugees must come home in safety and dignity,” Guterres said.",
            "“The European Union will keep its sanctions on the regime,” said the EU via a statement.",
        ]);
        let parties: Vec<Option<&str>> = got.iter().map(|q| q.party.as_deref()).collect();
        assert_eq!(
            parties,
            [Some("united-nations"), Some("european-union")],
            "{got:#?}"
        );
        // A description speaks for its own party, not for the place after it.
        let got = q(&[
            "A Chilean spokesman for the embassy in Oslo said: “Our ambassador will not be at the dinner.”",
        ]);
        assert_eq!(
            (got[0].speaker.as_str(), got[0].party.as_deref()),
            ("Chile", Some("chile")),
            "{got:#?}"
        );
    }

    #[test]
    fn quotes_in_other_phrasing() {
        let got = q(&[
            "“We will keep the border open for as long as it takes,” the minister told reporters. Officials declined to comment.",
            "Amina Yusuf, a spokeswoman for the agency, said: “Nobody should be forced to go back.”",
            "‘Scare quotes’ and “short ones” are not quotes, nor is a “reconciliation agreement”.",
        ]);
        assert_eq!(got.len(), 2, "{got:#?}");
        assert_eq!(got[1].speaker, "Amina Yusuf");
        assert_eq!(got[1].role.as_deref(), Some("spokeswoman for the agency"));
        assert_eq!(got[0].speaker, "the minister");
    }

    /// A row per phrasing of a speaker's quoted label for the meeting or a decision, and
    /// of attributions before the quote: the paragraph, then the speaker and the quoted
    /// words of its last quote.
    #[test]
    fn labels_and_attributions_before_the_quote_by_phrasing() {
        /// Name, paragraph, and the (speaker, quoted words) of its last quote.
        type Row<'a> = (&'a str, &'a str, Option<(&'a str, &'a str)>);
        let rows: &[Row] = &[
            (
                "title, name, called the summit a",
                "Fijian Prime Minister Sitiveni Rabuka called the summit a “turning point” for the region.",
                Some(("Sitiveni Rabuka", "turning point")),
            ),
            (
                "name with appositive, hailed the accord as",
                "Mele Tupou, Tonga's foreign minister, hailed the accord as “historic”.",
                Some(("Mele Tupou", "historic")),
            ),
            (
                "pronoun, described it as",
                "“We came to listen,” said Sitiveni Rabuka. He described it as “a first step”.",
                Some(("Sitiveni Rabuka", "a first step")),
            ),
            (
                "clause before the speaker",
                "On Monday, Samoan Prime Minister Fiame Naomi Mata'afa called the talks “frank”.",
                Some(("Fiame Naomi Mata'afa", "frank")),
            ),
            (
                "pronoun, said that … “partial quote”, the person named earlier in the paragraph",
                "The only leader from abroad was Viktor Orbán. Later, he said on social media that the late president helped the region “find its way without bloodshed”.",
                Some(("Viktor Orbán", "find its way without bloodshed")),
            ),
            (
                "a quote left open runs on to the end of the paragraph",
                "Later, Donald Trump said the talks would go on “as long as it takes, with or without the others.",
                Some((
                    "Donald Trump",
                    "as long as it takes, with or without the others.",
                )),
            ),
            (
                "relative speaker, told reporters, quote",
                "The host's plan was brushed aside by Donald Trump, who told reporters, “we will make our own approach.”",
                Some(("Donald Trump", "we will make our own approach.")),
            ),
            (
                "a named thing in quotes is no label",
                "The ships docked at the “Blue Pacific” terminal on Monday.",
                None,
            ),
        ];
        for (name, paragraph, want) in rows {
            let got = q(&[paragraph]);
            let got = got.last().map(|x| (x.speaker.as_str(), x.text.as_str()));
            assert_eq!(got, *want, "{name}: {paragraph}");
        }
    }
}
