//! Voices: the quotes ranked by who speaks — the host's leader or spokesperson, heads of
//! state and government, heads of the organisations present, then ministers, envoys
//! and spokespeople, then everyone else — and within a rank those about the event and
//! carried by more outlets first, at most [`PER_SPEAKER`] per speaker (pure).
//!
//! Who speaks for which party is the quote's `party`, from the attendance extractor's
//! people-to-party links; the role is the one the text gives, else the gazetteer's.

use serde::Serialize;

use super::event::Event;
use super::quotes::Quote;
use super::text::SourceRef;
use crate::analyse::attendance::cues::Lexicon;
use crate::analyse::attendance::{Attendance, Status};
use crate::analyse::gazetteer::{Gazetteer, PartyKind, Target};

/// The most voices the summary gives.
pub const MAX_VOICES: usize = 6;
/// The most voices of one speaker.
pub const PER_SPEAKER: usize = 2;

/// How much a speaker's words weigh, first first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Rank {
    /// The host's leader, minister or spokesperson, or the host's own statement.
    Host,
    /// A head of state or government.
    HeadOfState,
    /// The head of an organisation or bloc.
    HeadOfOrganisation,
    /// A minister, envoy, ambassador, spokesperson or official; a party's statement.
    Official,
    /// Anyone else the text names.
    Other,
}

impl Rank {
    /// Why the voice ranks where it does, as the page says it.
    pub fn reason(self) -> &'static str {
        match self {
            Rank::Host => "host",
            Rank::HeadOfState => "head of state or government",
            Rank::HeadOfOrganisation => "head of organisation",
            Rank::Official => "minister, envoy or spokesperson",
            Rank::Other => "other",
        }
    }
}

/// Role words and the rank they give: the first row whose words occur in a role, in
/// order, wins, so a deputy or an envoy of a president comes before the president.
/// "president" and the other heads give [`Rank::HeadOfOrganisation`] when the speaker
/// speaks for an organisation or bloc (see [`rank_of_role`]).
#[rustfmt::skip]
pub const RANKS: &[(&str, Rank)] = &[
    // Not in office, or not for a party.
    ("former", Rank::Other), ("ex", Rank::Other), ("late", Rank::Other),
    ("opposition", Rank::Other), ("analyst", Rank::Other), ("researcher", Rank::Other),
    ("expert", Rank::Other), ("professor", Rank::Other), ("journalist", Rank::Other),
    ("correspondent", Rank::Other), ("activist", Rank::Other),
    // Someone acting for a head.
    ("deputy", Rank::Official), ("vice", Rank::Official), ("vice-president", Rank::Official),
    ("under-secretary", Rank::Official), ("under-secretary-general", Rank::Official),
    ("undersecretary", Rank::Official), ("assistant", Rank::Official),
    ("envoy", Rank::Official), ("special representative", Rank::Official),
    ("adviser", Rank::Official), ("advisor", Rank::Official), ("aide", Rank::Official),
    ("spokesman", Rank::Official), ("spokeswoman", Rank::Official),
    ("spokesperson", Rank::Official), ("press secretary", Rank::Official),
    ("ambassador", Rank::Official),
    // Heads of organisations.
    ("secretary-general", Rank::HeadOfOrganisation),
    ("secretary general", Rank::HeadOfOrganisation),
    ("director-general", Rank::HeadOfOrganisation),
    ("director general", Rank::HeadOfOrganisation),
    ("high commissioner", Rank::HeadOfOrganisation),
    ("commission president", Rank::HeadOfOrganisation),
    ("president of the commission", Rank::HeadOfOrganisation),
    ("president of the european commission", Rank::HeadOfOrganisation),
    ("president of the european council", Rank::HeadOfOrganisation),
    ("ioc president", Rank::HeadOfOrganisation),
    ("president of the international olympic committee", Rank::HeadOfOrganisation),
    // Heads of state and government.
    ("president", Rank::HeadOfState), ("prime minister", Rank::HeadOfState),
    ("premier", Rank::HeadOfState), ("chancellor", Rank::HeadOfState),
    ("king", Rank::HeadOfState), ("queen", Rank::HeadOfState), ("emir", Rank::HeadOfState),
    ("amir", Rank::HeadOfState), ("crown prince", Rank::HeadOfState),
    ("sultan", Rank::HeadOfState), ("head of state", Rank::HeadOfState),
    ("head of government", Rank::HeadOfState), ("leader", Rank::HeadOfState),
    // Ministers, envoys, spokespeople and officials.
    ("minister", Rank::Official), ("secretary of state", Rank::Official),
    ("foreign secretary", Rank::Official), ("high representative", Rank::Official),
    ("foreign policy chief", Rank::Official), ("representative", Rank::Official),
    ("commissioner", Rank::Official), ("official", Rank::Official),
    ("diplomat", Rank::Official), ("negotiator", Rank::Official),
    ("delegate", Rank::Official), ("chief", Rank::Official), ("head", Rank::Official),
    ("director", Rank::Official), ("chairman", Rank::Official), ("chair", Rank::Official),
    ("chairwoman", Rank::Official),
];

/// A role's words: lower case, straight apostrophes, split at anything but letters,
/// digits and hyphens ("President's" → `president` `s`).
fn role_words(s: &str) -> Vec<String> {
    s.to_lowercase()
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// The rank a role gives (`party_kind`: of the party the speaker speaks for, when
/// known): the first row of [`RANKS`] whose words occur in it, else [`Rank::Other`].
pub fn rank_of_role(role: &str, party_kind: Option<PartyKind>) -> Rank {
    let words = role_words(role);
    let found = RANKS.iter().find(|(pattern, _)| {
        let p = role_words(pattern);
        !p.is_empty() && words.windows(p.len()).any(|w| w == p.as_slice())
    });
    match (found.map(|&(_, r)| r), party_kind) {
        (Some(Rank::HeadOfState), Some(PartyKind::Organisation | PartyKind::Bloc)) => {
            Rank::HeadOfOrganisation
        }
        (Some(r), _) => r,
        (None, _) => Rank::Other,
    }
}

/// A party a voice speaks for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PartyRef {
    /// Gazetteer id.
    pub id: String,
    pub name: String,
}

/// A quote chosen for who says it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Voice {
    /// The quoted words, without quotation marks.
    pub text: String,
    /// True when the quote is part of a sentence in the reporter's words; `context`
    /// then has the whole sentence.
    pub partial: bool,
    pub context: Option<String>,
    pub speaker: String,
    /// Gazetteer id of the speaker, when it knows them.
    pub speaker_id: Option<String>,
    /// `person`, `organisation` or `country`.
    pub speaker_kind: String,
    /// The role as the text gives it, else the gazetteer's.
    pub role: Option<String>,
    /// The party the speaker speaks for.
    pub party: Option<PartyRef>,
    pub rank: Rank,
    /// Why it ranks there: "host", "head of state or government", ….
    pub reason: String,
    /// The quote or its sentence speaks of the event (a meeting word, its name or
    /// place).
    pub about_event: bool,
    pub channel: Option<String>,
    /// An appeal or pledge in the reporter's words ("called on Western nations to lift
    /// sanctions"), not a quote: `context` holds its sentence.
    pub reported: bool,
    pub source: SourceRef,
    pub also: Vec<SourceRef>,
}

/// The parties that host the event: its organiser as the texts or `site.yaml` state it,
/// and the parties the attendance analysis lists as host (gazetteer ids).
pub fn hosts(event: &Event, attendance: &Attendance, gazetteer: &Gazetteer) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    if let Some(o) = &event.organiser {
        let named = gazetteer
            .parties
            .iter()
            .find(|p| p.name == o.value)
            .map(|p| p.id.clone());
        let mentioned = gazetteer
            .mentions(&o.value)
            .into_iter()
            .filter_map(|m| match m.target {
                Target::Party(p) => Some(gazetteer.parties[p].id.clone()),
                Target::Person(_) => None,
            });
        out.extend(named.into_iter().chain(mentioned));
    }
    out.extend(
        attendance
            .parties
            .iter()
            .filter(|p| p.status == Status::Host)
            .map(|p| p.id.clone()),
    );
    let mut seen = std::collections::HashSet::new();
    out.retain(|id| seen.insert(id.clone()));
    out
}

/// Words that say a quote is about the event: its name's words and its place.
fn event_words(event: &Event) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for v in [&event.name, &event.place].into_iter().flatten() {
        for w in role_words(&v.value) {
            let capital_word = v
                .value
                .split(|c: char| !(c.is_alphanumeric() || c == '-'))
                .any(|x| x.to_lowercase() == w && x.chars().next().is_some_and(char::is_uppercase));
            if w.chars().count() >= 4 && capital_word && !out.contains(&w) {
                out.push(w);
            }
        }
    }
    out
}

/// Whether a text speaks of the event: a meeting word ("summit", "conference"), or a
/// word of the event's name or place.
fn about_event(text: &str, words: &[String], lex: &Lexicon) -> bool {
    role_words(text)
        .iter()
        .any(|w| lex.is_meeting(w) || words.contains(w))
}

/// The voices among `quotes` (as the summary keeps them, roles filled in), for the
/// event and its host parties (`hosts`, gazetteer ids): up to [`MAX_VOICES`], by rank,
/// then about the event, then carried by more outlets, then in reading order; at most
/// [`PER_SPEAKER`] per speaker, every speaker once before anyone twice. A quote whose
/// speaker the text does not name (a group, "the minister") is never a voice.
pub fn voices(
    quotes: &[Quote],
    statements: &[Quote],
    event: &Event,
    hosts: &[String],
    gazetteer: &Gazetteer,
) -> Vec<Voice> {
    let lex = Lexicon::embedded();
    let words = event_words(event);
    let mut candidates: Vec<(usize, Voice)> = Vec::new();
    for (k, q) in quotes.iter().chain(statements).enumerate() {
        let reported = k >= quotes.len();
        let named = match q.speaker_kind.as_str() {
            "person" => {
                q.speaker_id.is_some() || q.speaker.chars().next().is_some_and(char::is_uppercase)
            }
            "organisation" | "country" => q.speaker_id.is_some(),
            _ => false,
        };
        if !named {
            continue;
        }
        let party = q.party.as_deref().and_then(|id| gazetteer.party(id));
        let role = q.role.clone().or_else(|| {
            q.speaker_id
                .as_deref()
                .and_then(|id| gazetteer.people.iter().find(|p| p.id == id))
                .and_then(|p| p.role.clone())
        });
        let base = if q.speaker_kind == "person" {
            role.as_deref()
                .map_or(Rank::Other, |r| rank_of_role(r, party.map(|p| p.kind)))
        } else {
            Rank::Official
        };
        let host = party.is_some_and(|p| hosts.contains(&p.id));
        let rank = if host && base <= Rank::Official {
            Rank::Host
        } else {
            base
        };
        // A statement in the reporter's words speaks for a host or a leader only.
        if reported && rank > Rank::HeadOfOrganisation {
            continue;
        }
        let reason = if rank == Rank::Official && q.speaker_kind != "person" {
            "statement"
        } else {
            rank.reason()
        };
        let about = about_event(&q.text, &words, lex)
            || about_event(
                q.context.as_deref().unwrap_or(&q.source.sentence),
                &words,
                lex,
            );
        candidates.push((
            k,
            Voice {
                text: q.text.clone(),
                partial: q.partial,
                context: q.context.clone(),
                speaker: q.speaker.clone(),
                speaker_id: q.speaker_id.clone(),
                speaker_kind: q.speaker_kind.clone(),
                role,
                party: party.map(|p| PartyRef {
                    id: p.id.clone(),
                    name: p.name.clone(),
                }),
                rank,
                reason: reason.to_string(),
                about_event: about,
                channel: q.channel.clone(),
                reported,
                source: q.source.clone(),
                also: q.also.clone(),
            },
        ));
    }
    candidates.sort_by(|(ka, a), (kb, b)| {
        a.rank
            .cmp(&b.rank)
            .then(a.reported.cmp(&b.reported))
            .then(b.about_event.cmp(&a.about_event))
            .then(b.also.len().cmp(&a.also.len()))
            .then(ka.cmp(kb))
    });
    let speaker = |v: &Voice| v.speaker_id.clone().unwrap_or_else(|| v.speaker.clone());
    let mut taken: Vec<usize> = Vec::new();
    for round in 1..=PER_SPEAKER {
        for (i, (_, v)) in candidates.iter().enumerate() {
            if taken.len() >= MAX_VOICES {
                break;
            }
            let said = taken
                .iter()
                .filter(|&&t| speaker(&candidates[t].1) == speaker(v))
                .count();
            if !taken.contains(&i) && said < round {
                taken.push(i);
            }
        }
    }
    taken.sort_unstable();
    taken.into_iter().map(|i| candidates[i].1.clone()).collect()
}

#[cfg(test)]
mod tests {
    use super::super::event::Stated;
    use super::super::quotes::{quotes, statements};
    use super::super::text::test_doc;
    use super::*;

    #[test]
    fn the_rank_table_reads_roles() {
        use PartyKind::{Bloc, Country, Organisation};
        // (pattern, role as a text writes it, the speaker's party kind, rank)
        let rows: &[(&str, &str, Option<PartyKind>, Rank)] = &[
            (
                "president",
                "Chilean President",
                Some(Country),
                Rank::HeadOfState,
            ),
            (
                "president of",
                "President of Chile",
                Some(Country),
                Rank::HeadOfState,
            ),
            (
                "prime minister",
                "Kenyan Prime Minister",
                Some(Country),
                Rank::HeadOfState,
            ),
            (
                "premier",
                "the Chinese premier",
                Some(Country),
                Rank::HeadOfState,
            ),
            (
                "chancellor",
                "German Chancellor",
                Some(Country),
                Rank::HeadOfState,
            ),
            ("king", "King of Jordan", Some(Country), Rank::HeadOfState),
            (
                "emir",
                "the Emir of Qatar",
                Some(Country),
                Rank::HeadOfState,
            ),
            (
                "crown prince",
                "Saudi Crown Prince",
                Some(Country),
                Rank::HeadOfState,
            ),
            (
                "leader",
                "the Russian leader",
                Some(Country),
                Rank::HeadOfState,
            ),
            ("no party", "President", None, Rank::HeadOfState),
            (
                "secretary-general",
                "UN Secretary-General",
                Some(Organisation),
                Rank::HeadOfOrganisation,
            ),
            (
                "secretary general",
                "Secretary General of NATO",
                Some(Organisation),
                Rank::HeadOfOrganisation,
            ),
            (
                "president of an organisation",
                "IOC President",
                Some(Organisation),
                Rank::HeadOfOrganisation,
            ),
            (
                "president of a bloc",
                "President of the European Commission",
                Some(Bloc),
                Rank::HeadOfOrganisation,
            ),
            (
                "high commissioner",
                "UN High Commissioner for Refugees",
                Some(Organisation),
                Rank::HeadOfOrganisation,
            ),
            (
                "director-general",
                "WHO Director-General",
                Some(Organisation),
                Rank::HeadOfOrganisation,
            ),
            (
                "deputy of a head",
                "Deputy Prime Minister",
                Some(Country),
                Rank::Official,
            ),
            (
                "vice-president",
                "Vice-President of Chile",
                Some(Country),
                Rank::Official,
            ),
            (
                "envoy of a president",
                "Russian President's Special Envoy to Syria",
                Some(Country),
                Rank::Official,
            ),
            (
                "under-secretary-general",
                "UN Under-Secretary-General for Humanitarian Affairs",
                Some(Organisation),
                Rank::Official,
            ),
            (
                "adviser",
                "Putin's foreign policy adviser",
                Some(Country),
                Rank::Official,
            ),
            (
                "foreign minister",
                "Syrian Foreign Minister",
                Some(Country),
                Rank::Official,
            ),
            (
                "minister of",
                "Minister of Social Affairs and Tourism",
                Some(Country),
                Rank::Official,
            ),
            (
                "spokesman",
                "Kremlin spokesman",
                Some(Country),
                Rank::Official,
            ),
            (
                "spokeswoman",
                "spokeswoman for the agency",
                None,
                Rank::Official,
            ),
            (
                "ambassador",
                "Washington’s deputy ambassador to the UN",
                Some(Country),
                Rank::Official,
            ),
            (
                "secretary of state",
                "US Secretary of State",
                Some(Country),
                Rank::Official,
            ),
            (
                "foreign policy chief",
                "EU foreign policy chief",
                Some(Bloc),
                Rank::Official,
            ),
            (
                "former head",
                "former President of Chile",
                Some(Country),
                Rank::Other,
            ),
            (
                "opposition leader",
                "opposition leader",
                Some(Country),
                Rank::Other,
            ),
            ("analyst", "an analyst at a think tank", None, Rank::Other),
            (
                "researcher",
                "researcher at the Human Rights Watch",
                None,
                Rank::Other,
            ),
            ("nothing known", "a local shopkeeper", None, Rank::Other),
            (
                "not a word inside another",
                "Kingdom envoy",
                Some(Country),
                Rank::Official,
            ),
        ];
        for (pattern, role, kind, want) in rows {
            assert_eq!(rank_of_role(role, *kind), *want, "{pattern}: {role:?}");
        }
    }

    fn stated(value: &str) -> Option<Stated> {
        Some(Stated {
            value: value.to_string(),
            sources: Vec::new(),
        })
    }

    #[test]
    fn host_then_head_of_organisation_then_others_each_with_a_party() {
        let docs = [
            test_doc(
                "/briefings/a/",
                "Wire A",
                &[
                    "Chilean President Rosa Marín opened the Valparaíso Ocean Forum on Monday.",
                    "“We have waited a long time for a day like this one,” Marín said.",
                    "“The tide data will be shared with every coastal state,” said Tom Reed, an analyst at a research group.",
                ],
            ),
            test_doc(
                "/briefings/b/",
                "Wire B",
                &[
                    "UN Secretary-General António Guterres addressed the forum by video.",
                    "“This forum is a first step towards a common ocean record,” Guterres said.",
                    "“The tide data will be shared with every coastal state,” said Tom Reed, an analyst at a research group.",
                ],
            ),
            test_doc(
                "/briefings/c/",
                "Wire C",
                &[
                    "“Our harbours will not wait for another decade of talks,” Chilean President Rosa Marín said in Valparaíso.",
                    "“Nobody could say what the buoys would cost,” a spokeswoman told reporters.",
                ],
            ),
        ];
        let g = Gazetteer::embedded();
        let qs = quotes(&docs, g);
        let event = Event {
            name: stated("Valparaíso Ocean Forum"),
            place: stated("Valparaíso"),
            organiser: stated("Chile"),
            ..Event::default()
        };
        let hosts = hosts(&event, &Attendance::default(), g);
        assert_eq!(hosts, ["chile"]);
        let got = voices(&qs, &[], &event, &hosts, g);
        let seen: Vec<(&str, Rank, Option<&str>, &str)> = got
            .iter()
            .map(|v| {
                (
                    v.speaker.as_str(),
                    v.rank,
                    v.party.as_ref().map(|p| p.id.as_str()),
                    &v.text[..12],
                )
            })
            .collect();
        assert_eq!(
            seen,
            [
                ("Rosa Marín", Rank::Host, Some("chile"), "Our harbours"),
                ("Rosa Marín", Rank::Host, Some("chile"), "We have wait"),
                (
                    "António Guterres",
                    Rank::HeadOfOrganisation,
                    Some("united-nations"),
                    "This forum i"
                ),
                ("Tom Reed", Rank::Other, None, "The tide dat"),
            ],
            "{got:#?}"
        );
        assert_eq!(got[0].role.as_deref(), Some("Chilean President"));
        assert_eq!(got[0].reason, "host");
        assert_eq!(got[2].reason, "head of organisation");
        assert_eq!(got[3].also.len(), 1, "carried by two outlets");
        assert!(got[0].about_event && got[2].about_event && !got[3].about_event);
        assert!(
            !got[1].about_event,
            "not about the event: after the one that is"
        );
        assert_eq!(got[0].source.link, "/briefings/c/#s1-1");
        assert!(
            got.iter().all(|v| v.speaker != "a spokeswoman"),
            "an unnamed speaker is never a voice"
        );
    }

    #[test]
    fn at_most_two_quotes_of_one_speaker() {
        let docs = [test_doc(
            "/briefings/a/",
            "Wire",
            &[
                "Chilean President Rosa Marín spoke first.",
                "“The first words of the president were about the sea,” Marín said.",
                "“The second words of the president were about the ports,” Marín said.",
                "“The third words of the president were about the fish,” Marín said.",
                "“A minister also had something to say here,” said Ana Soto, Chile's fisheries minister.",
            ],
        )];
        let g = Gazetteer::embedded();
        let qs = quotes(&docs, g);
        let event = Event {
            organiser: stated("Chile"),
            ..Event::default()
        };
        let got = voices(
            &qs,
            &[],
            &event,
            &hosts(&event, &Attendance::default(), g),
            g,
        );
        let who: Vec<&str> = got.iter().map(|v| v.speaker.as_str()).collect();
        assert_eq!(who, ["Rosa Marín", "Rosa Marín", "Ana Soto"], "{got:#?}");
        assert!(got[1].text.starts_with("The second"), "{got:#?}");
        assert_eq!(
            (got[2].rank, got[2].party.is_none()),
            (Rank::Official, true),
            "an appositive does not link her to Chile"
        );
    }

    /// A row per phrasing of a leader's appeal or pledge in the reporter's words: the
    /// sentence, and the speaker and words of the voice it gives (none for an official
    /// below a leader, nor for a sentence with a quote).
    #[test]
    fn statements_in_the_reporters_words_by_phrasing() {
        type Row<'a> = (&'a str, &'a str, Option<(&'a str, &'a str)>);
        let rows: &[Row] = &[
            (
                "title, name, called on",
                "Chilean President Rosa Marín called on rich nations to fund the tide network.",
                Some((
                    "Rosa Marín",
                    "called on rich nations to fund the tide network",
                )),
            ),
            (
                "opening phrase, pledged",
                "In his address, Chilean President Rosa Marín pledged to open every port to the survey.",
                Some(("Rosa Marín", "pledged to open every port to the survey")),
            ),
            (
                "an analyst is no leader",
                "Tom Reed, an analyst at a research group, urged caution.",
                None,
            ),
            (
                "a sentence with a quote is the quotes' to read",
                "Chilean President Rosa Marín urged “patience” from the fleets.",
                None,
            ),
        ];
        let g = Gazetteer::embedded();
        let event = Event {
            name: stated("Valparaíso Ocean Forum"),
            ..Event::default()
        };
        for (name, sentence, want) in rows {
            let doc = test_doc("/briefings/a/", "Wire A", &[sentence]);
            let links = crate::analyse::summary::people::ArticleLinks::default();
            let st = statements(&doc, g, &links);
            let vs = voices(&[], &st, &event, &[], g);
            let got = vs.first().map(|v| (v.speaker.as_str(), v.text.as_str()));
            assert_eq!(got, *want, "{name}: {sentence}");
            assert!(vs.iter().all(|v| v.reported && v.partial));
        }
    }
}
