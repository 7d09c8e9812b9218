//! The gazetteer: countries, blocs, organisations and people with their aliases,
//! demonyms and capitals (data in `data/gazetteer.yaml`, embedded), and the matcher
//! that finds their mentions in text (pure).

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use serde::{Deserialize, Serialize};

/// What kind of party an entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PartyKind {
    Country,
    Bloc,
    Organisation,
}

impl PartyKind {
    pub fn as_str(self) -> &'static str {
        match self {
            PartyKind::Country => "country",
            PartyKind::Bloc => "bloc",
            PartyKind::Organisation => "organisation",
        }
    }
}

/// A country, bloc or organisation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Party {
    pub id: String,
    pub name: String,
    pub kind: PartyKind,
    #[serde(default)]
    pub iso: Option<String>,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub demonyms: Vec<String>,
    #[serde(default)]
    pub capitals: Vec<String>,
    /// Other cities where meetings are held: the venue's country, never a mention.
    #[serde(default)]
    pub cities: Vec<String>,
    /// The names one of its cities goes by, a group per city ("Johannesburg", "Joburg",
    /// "Jozi"): a meeting in one is in the others.
    #[serde(default)]
    pub city_names: Vec<Vec<String>>,
    /// For a state of the past: the last year it existed ("Soviet Union": 1991).
    #[serde(default)]
    pub until: Option<u16>,
    /// For a state of the past: the ids of today's states on its land, so that a
    /// meeting in Moscow in 1980 has the Soviet Union as its venue's state.
    #[serde(default)]
    pub covered: Vec<String>,
}

/// A person the texts quote or name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Person {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    /// The party id the person speaks for.
    #[serde(default)]
    pub country: Option<String>,
    #[serde(default)]
    pub role: Option<String>,
}

#[derive(Debug, Deserialize)]
struct GazetteerFile {
    parties: Vec<Party>,
    #[serde(default)]
    people: Vec<Person>,
}

/// How a mention names its target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Via {
    Name,
    Alias,
    /// "a Russian delegation"
    Demonym,
    /// "Washington called for a boycott"
    Capital,
}

/// Who a mention is of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
pub enum Target {
    Party(usize),
    Person(usize),
}

/// One mention in a text: byte range, target and how it was named.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Mention {
    pub target: Target,
    pub via: Via,
    pub start: usize,
    pub end: usize,
}

/// The loaded gazetteer and its matcher.
pub struct Gazetteer {
    pub parties: Vec<Party>,
    pub people: Vec<Person>,
    matcher: AhoCorasick,
    patterns: Vec<(Target, Via)>,
    /// Lower-case city name → party index.
    cities: std::collections::HashMap<String, usize>,
}

impl std::fmt::Debug for Gazetteer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Gazetteer")
            .field("parties", &self.parties.len())
            .field("people", &self.people.len())
            .finish()
    }
}

const EMBEDDED: &str = include_str!("../../data/gazetteer.yaml");

impl Gazetteer {
    /// The gazetteer shipped in the binary, parsed once.
    pub fn embedded() -> &'static Gazetteer {
        static G: OnceLock<Gazetteer> = OnceLock::new();
        G.get_or_init(|| {
            Gazetteer::from_yaml(EMBEDDED).expect("the embedded gazetteer is valid (tested)")
        })
    }

    /// Parses a gazetteer file.
    pub fn from_yaml(text: &str) -> Result<Gazetteer, String> {
        let file: GazetteerFile = serde_yaml::from_str(text).map_err(|e| e.to_string())?;
        Ok(Gazetteer::new(file.parties, file.people))
    }

    pub fn new(parties: Vec<Party>, people: Vec<Person>) -> Gazetteer {
        let mut strings: Vec<String> = Vec::new();
        let mut patterns = Vec::new();
        let mut add = |s: &str, t: Target, v: Via| {
            if !s.trim().is_empty() {
                strings.push(s.to_string());
                patterns.push((t, v));
            }
        };
        for (i, p) in parties.iter().enumerate() {
            let t = Target::Party(i);
            add(&p.name, t, Via::Name);
            for a in &p.aliases {
                add(a, t, Via::Alias);
            }
            for d in &p.demonyms {
                add(d, t, Via::Demonym);
            }
            for c in &p.capitals {
                add(c, t, Via::Capital);
            }
        }
        for (i, p) in people.iter().enumerate() {
            let t = Target::Person(i);
            add(&p.name, t, Via::Name);
            for a in &p.aliases {
                add(a, t, Via::Alias);
            }
        }
        let matcher = AhoCorasickBuilder::new()
            .match_kind(MatchKind::Standard)
            .build(&strings)
            .expect("gazetteer patterns build an automaton");
        let cities = parties
            .iter()
            .enumerate()
            .flat_map(|(i, p)| {
                p.cities
                    .iter()
                    .chain(p.city_names.iter().flatten())
                    .map(move |c| (c.to_lowercase(), i))
            })
            .collect();
        Gazetteer {
            parties,
            people,
            cities,
            matcher,
            patterns,
        }
    }

    pub fn party(&self, id: &str) -> Option<&Party> {
        self.parties.iter().find(|p| p.id == id)
    }

    /// The country of a city where meetings are held ("Jeddah", "kazan"), if listed.
    pub fn city(&self, name: &str) -> Option<usize> {
        self.cities.get(&name.trim().to_lowercase()).copied()
    }

    /// The other names of the city `name` ("Joburg" for "Johannesburg"); none for a city
    /// with one name.
    pub fn other_city_names(&self, name: &str) -> Vec<&str> {
        let name = name.trim();
        self.parties
            .iter()
            .flat_map(|p| &p.city_names)
            .find(|group| group.iter().any(|c| c.eq_ignore_ascii_case(name)))
            .map(|group| {
                group
                    .iter()
                    .filter(|c| !c.eq_ignore_ascii_case(name))
                    .map(String::as_str)
                    .collect()
            })
            .unwrap_or_default()
    }

    pub fn party_index(&self, id: &str) -> Option<usize> {
        self.parties.iter().position(|p| p.id == id)
    }

    /// Every whole-word mention in `text`, leftmost-longest, not overlapping.
    pub fn mentions(&self, text: &str) -> Vec<Mention> {
        let mut all: Vec<Mention> = self
            .matcher
            .find_overlapping_iter(text)
            .filter(|m| word_bounded(text, m.start(), m.end()))
            .map(|m| {
                let (target, via) = self.patterns[m.pattern().as_usize()];
                Mention {
                    target,
                    via,
                    start: m.start(),
                    end: m.end(),
                }
            })
            .collect();
        // Leftmost first, then longest; drop what overlaps a kept mention.
        all.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
        let mut out: Vec<Mention> = Vec::with_capacity(all.len());
        for m in all {
            if out.last().is_some_and(|k| m.start < k.end) {
                continue;
            }
            out.push(m);
        }
        out
    }

    /// The parties and people a text mentions, each once, in order of first mention.
    pub fn entities(&self, text: &str) -> EntityLists {
        self.entities_of(&self.mentions(text))
    }

    /// [`Gazetteer::entities`] of mentions already found.
    pub fn entities_of(&self, mentions: &[Mention]) -> EntityLists {
        let mut lists = EntityLists::default();
        for &m in mentions {
            match m.target {
                Target::Party(i) => {
                    let p = &self.parties[i];
                    let list = match p.kind {
                        PartyKind::Country => &mut lists.countries,
                        _ => &mut lists.organisations,
                    };
                    if !list.contains(&p.name) {
                        list.push(p.name.clone());
                    }
                }
                Target::Person(i) => {
                    let name = &self.people[i].name;
                    if !lists.people.contains(name) {
                        lists.people.push(name.clone());
                    }
                }
            }
        }
        lists
    }
}

/// Countries, organisations (with blocs) and people, by name.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct EntityLists {
    pub countries: Vec<String>,
    pub organisations: Vec<String>,
    pub people: Vec<String>,
}

fn word_bounded(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    let is_word = |c: char| c.is_alphanumeric() || c == '_';
    let before_ok = before.is_none_or(|c| !is_word(c) && c != '-');
    // "U.S." may be followed by anything; a name must not run on into a longer word.
    let after_ok = after.is_none_or(|c| !is_word(c));
    before_ok && after_ok
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(g: &Gazetteer, text: &str) -> Vec<String> {
        g.mentions(text)
            .into_iter()
            .map(|m| match m.target {
                Target::Party(i) => g.parties[i].id.clone(),
                Target::Person(i) => g.people[i].id.clone(),
            })
            .collect()
    }

    #[test]
    fn embedded_gazetteer_loads_with_every_un_member() {
        let g = Gazetteer::embedded();
        let countries = g
            .parties
            .iter()
            .filter(|p| p.kind == PartyKind::Country)
            .count();
        assert!(countries >= 195, "{countries}");
        for id in [
            "syria",
            "russia",
            "turkey",
            "european-union",
            "united-nations",
            "unhcr",
        ] {
            assert!(g.party(id).is_some(), "{id}");
        }
        assert!(g.people.iter().any(|p| p.name == "Alexander Lavrentiev"));
    }

    #[test]
    fn aliases_demonyms_capitals_and_longest_match() {
        let g = Gazetteer::embedded();
        assert_eq!(
            names(
                g,
                "The US, Canada, the European Union (EU), Jordan, and Turkey refrained"
            ),
            [
                "united-states",
                "canada",
                "european-union",
                "european-union",
                "jordan",
                "turkey"
            ]
        );
        let m = g.mentions("a large Russian delegation");
        assert_eq!(m[0].via, Via::Demonym);
        let m = g.mentions("Washington has already called");
        assert_eq!(m[0].via, Via::Capital);
        assert_eq!(names(g, "Washington has"), ["united-states"]);
        assert_eq!(
            names(g, "the Sultanate of Oman and Türkiye"),
            ["oman", "turkey"]
        );
        assert_eq!(
            names(g, "the U.S. and the UAE"),
            ["united-states", "united-arab-emirates"]
        );
    }

    #[test]
    fn whole_words_only_and_case_sensitive() {
        let g = Gazetteer::embedded();
        assert!(names(g, "Romania").iter().all(|n| n != "oman"));
        assert!(names(g, "who is us").is_empty());
        assert_eq!(names(g, "Iranians"), ["iran"]);
    }

    #[test]
    fn people_are_people_with_their_country() {
        let g = Gazetteer::embedded();
        let m = g.mentions("Russia's special envoy on Syria Alexander Lavrentiev addresses");
        let person = m
            .iter()
            .find_map(|m| match m.target {
                Target::Person(i) => Some(&g.people[i]),
                _ => None,
            })
            .unwrap();
        assert_eq!(person.name, "Alexander Lavrentiev");
        assert_eq!(person.country.as_deref(), Some("russia"));
        let e = g.entities("regime leader Bashar al Assad met Putin; Assad said");
        assert_eq!(e.people, ["Bashar al-Assad", "Vladimir Putin"]);
    }

    #[test]
    fn cities_place_a_venue_but_are_never_mentions() {
        let g = Gazetteer::embedded();
        for (city, party) in [
            ("Jeddah", "saudi-arabia"),
            ("kazan", "russia"),
            ("Sharm el-Sheikh", "egypt"),
        ] {
            assert_eq!(g.city(city), g.party_index(party), "{city}");
        }
        assert_eq!(g.city("Atlantis"), None);
        assert!(g.mentions("The summit was held in Jeddah.").is_empty());
    }

    /// A city's other names place a venue too, and each names the others.
    #[test]
    fn a_city_by_its_other_names() {
        let g = Gazetteer::embedded();
        assert_eq!(g.city("Jozi"), g.party_index("south-africa"));
        let others = g.other_city_names("joburg");
        assert!(
            others.contains(&"Johannesburg") && others.contains(&"Jozi"),
            "{others:?}"
        );
        assert!(!others.contains(&"Joburg"), "{others:?}");
        assert!(g.other_city_names("Nairobi").is_empty());
        assert!(g.mentions("The summit opened in Joburg.").is_empty());
    }
}
