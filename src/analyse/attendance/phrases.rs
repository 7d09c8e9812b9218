//! Noun phrases and lists: which parties a stretch of tokens names. "The US, Canada,
//! the European Union (EU), Jordan, and Turkey" is five parties; "a large Russian
//! delegation" is Russia; "representatives of Syrian regime allies Iran" is Iran (the
//! mention before "allies" is a modifier); "the conference in Damascus" is none (a
//! place after a preposition); "several Gulf states" is none (no name).

use super::lexicon::{
    COUNTERPARTS, EXCEPT, EXCEPT_PHRASES, LIST_JOINER_PHRASES, LIST_JOINERS, PREPOSITIONS,
    PRONOUNS, RELATIONAL, RELATIVES, REP_NOUNS, TOPIC_NOUNS, is,
};
use super::scope::TIME_WORDS;
use super::tokens::{Kind, Token};
use crate::analyse::gazetteer::{Gazetteer, PartyKind, Via};

/// Words that may open a noun phrase without being its head.
#[rustfmt::skip]
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "some", "only", "also", "its", "their", "his", "her", "our", "both",
    "all", "other", "another", "several", "many", "most", "few", "each", "every", "any",
    "this", "these", "those", "even", "just", "notably", "then", "too", "well", "not",
    "neither", "either", "likewise", "similarly", "meanwhile", "however", "instead",
];

/// Words that open a clause and may stand before its subject ("while Turkey …").
#[rustfmt::skip]
const OPENERS: &[&str] = &[
    "while", "whereas", "although", "though", "because", "since", "when", "but", "yet",
    "so", "as", "even", "and", "whilst", "meanwhile", "moreover", "furthermore", "still",
    "with",
];

/// The parties of a list, and those it excepts ("all … except Turkey").
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListParties {
    pub parties: Vec<usize>,
    pub except: Vec<usize>,
}

fn push_unique(v: &mut Vec<usize>, p: usize) {
    if !v.contains(&p) {
        v.push(p);
    }
}

/// The length of the phrase from `list` that starts at `idxs[k]`, if any.
fn phrase_at(tokens: &[Token], idxs: &[usize], k: usize, list: &[&[&str]]) -> Option<usize> {
    list.iter()
        .find(|ph| {
            ph.iter()
                .enumerate()
                .all(|(n, w)| idxs.get(k + n).is_some_and(|&i| tokens[i].lower == *w))
        })
        .map(|ph| ph.len())
}

/// The parties named by a list of noun phrases.
pub fn list_parties(
    tokens: &[Token],
    idxs: &[usize],
    asides: &[(usize, Vec<usize>)],
    gazetteer: &Gazetteer,
) -> ListParties {
    let mut out = ListParties::default();
    let mut conj: Vec<usize> = Vec::new();
    let mut in_except = false;
    // "The Kenyan, Ugandan and Rwandan presidents": bare demonyms before a phrase whose
    // demonym heads a representative share its head.
    let mut bare: Vec<usize> = Vec::new();
    let mut flush = |conj: &mut Vec<usize>, out: &mut ListParties, in_except: bool| {
        if conj.is_empty() {
            return;
        }
        let content: Vec<usize> = conj
            .iter()
            .copied()
            .filter(|&i| !(tokens[i].is_word() && is(&tokens[i].lower, DETERMINERS)))
            .collect();
        let demonym = |i: usize| match tokens[i].kind {
            Kind::Party(p, Via::Demonym) => Some(p),
            _ => None,
        };
        if let [only] = content[..]
            && let Some(p) = demonym(only)
        {
            bare.push(p);
            conj.clear();
            return;
        }
        let mut found = np_parties(tokens, conj, gazetteer);
        // "Chad Whitcombe (Belize)": a party's name as a first name, then a surname;
        // the bracket names the party.
        let first_name = conj.windows(2).any(|w| {
            matches!(tokens[w[0]].kind, Kind::Party(_, Via::Name))
                && tokens[w[1]].kind == Kind::Word
                && tokens[w[1]].capital
        });
        if first_name && let Some((_, inner)) = asides.iter().find(|(b, _)| Some(b) == conj.last())
        {
            let bracket = list_parties(tokens, inner, &[], gazetteer).parties;
            if !bracket.is_empty() {
                found = bracket;
            }
        }
        let shares_head = content.first().is_some_and(|&i| demonym(i).is_some());
        if shares_head && !found.is_empty() && !in_except {
            for p in bare.drain(..) {
                push_unique(&mut out.parties, p);
            }
        }
        bare.clear();
        if found.is_empty() {
            // "the Gulf states (Saudi Arabia, the UAE and Qatar)": the bracket names them.
            let last = *conj.last().expect("not empty");
            if let Some((_, inner)) = asides.iter().find(|(b, _)| *b == last) {
                found = list_parties(tokens, inner, &[], gazetteer).parties;
            }
        }
        let target = if in_except {
            &mut out.except
        } else {
            &mut out.parties
        };
        for p in found {
            push_unique(target, p);
        }
        conj.clear();
    };
    // "Aside from the members, Serbia and Albania will also take part": a fronted
    // exception ends at its comma; the subject follows.
    let mut except_to_comma = false;
    // "former presidents including Donald Trump": the members of a former group speak
    // for no one either; "topics such as Haiti and Venezuela" are no guests. The
    // parties from there on are dropped.
    // ("The leaders of former Soviet client states like Angola": the states were
    // something before, their leaders are in office.)
    let former_group = |conj: &[usize]| {
        let of_states = conj.iter().any(|&i| {
            matches!(
                tokens[i].lower.as_str(),
                "states" | "countries" | "colonies" | "republics" | "nations" | "territories"
            )
        });
        conj.iter().any(|&i| {
            let w = tokens[i].lower.as_str();
            former_at(tokens, i) && !of_states || is(w, TOPIC_NOUNS)
        })
    };
    let mut former_from: Option<usize> = None;
    let mut former_list = false;
    // "partners ranging from New Zealand and India to South Korea": a range lists.
    let mut ranging = false;
    let mut k = 0;
    while k < idxs.len() {
        let t = &tokens[idxs[k]];
        let next = idxs.get(k + 1).map(|&i| tokens[i].lower.as_str());
        if t.lower == "ranging" && next == Some("from") || ranging && t.lower == "to" {
            flush(&mut conj, &mut out, in_except);
            ranging = true;
            k += if t.lower == "ranging" { 2 } else { 1 };
            continue;
        }
        if let Some(n) = phrase_at(tokens, idxs, k, EXCEPT_PHRASES) {
            flush(&mut conj, &mut out, in_except);
            let fronted = idxs[..k].iter().all(|&i| tokens[i].kind == Kind::Punct);
            // "Aside from the Chilean president, the envoys of A and B attended": a
            // fronted "aside from" adds to the subject unless the subject counts
            // everyone ("Aside from Chile, all the members attended").
            let everyone = idxs[k..].iter().any(|&i| {
                matches!(
                    tokens[i].lower.as_str(),
                    "all" | "every" | "everyone" | "everybody" | "nobody" | "none" | "no" | "each"
                )
            });
            let adds = fronted && t.lower == "aside" && !everyone;
            in_except = !adds;
            except_to_comma = fronted && !adds;
            k += n;
            continue;
        }
        if except_to_comma && t.is_punct(",") {
            flush(&mut conj, &mut out, in_except);
            in_except = false;
            except_to_comma = false;
            k += 1;
            continue;
        }
        if t.is_word() && is(&t.lower, EXCEPT) {
            flush(&mut conj, &mut out, in_except);
            in_except = true;
            k += 1;
            continue;
        }
        // "including such NATO countries as Germany and Norway": "such … as" lists.
        if t.lower == "such"
            && let Some(n) = (k + 2..(k + 5).min(idxs.len())).find(|&j| {
                tokens[idxs[j]].lower == "as"
                    && (k + 1..j).all(|m| tokens[idxs[m]].kind != Kind::Punct)
            })
        {
            flush(&mut conj, &mut out, in_except);
            k = n + 1;
            continue;
        }
        if let Some(n) = phrase_at(tokens, idxs, k, LIST_JOINER_PHRASES) {
            if former_group(&conj) && t.lower == "such" {
                former_from.get_or_insert(out.parties.len());
            }
            flush(&mut conj, &mut out, in_except);
            k += n;
            continue;
        }
        if (t.is_word() || t.kind == Kind::Punct) && is(&t.lower, LIST_JOINERS) {
            if former_group(&conj) && matches!(t.lower.as_str(), "including" | "like") {
                former_from.get_or_insert(out.parties.len());
            }
            // "former presidents from Peru, Bolivia and Chile": the bare names after the
            // joiner go on with the list of "from" (not "…, and Chile's king").
            let bare = !conj.is_empty()
                && conj.iter().all(|&i| {
                    matches!(tokens[i].kind, Kind::Party(..)) || tokens[i].lower == "the"
                });
            if former_list && bare {
                conj.clear();
            } else {
                former_list = former_group(&conj)
                    && conj
                        .iter()
                        .any(|&i| matches!(tokens[i].lower.as_str(), "from" | "of"));
            }
            flush(&mut conj, &mut out, in_except);
            k += 1;
            continue;
        }
        if t.is_punct(":") || t.is_punct("—") || t.is_punct("/") {
            flush(&mut conj, &mut out, in_except);
            k += 1;
            continue;
        }
        // "attended by A and by B": the agent's "by" again after the joiner.
        if k > 0 && conj.is_empty() && t.lower == "by" {
            k += 1;
            continue;
        }
        conj.push(idxs[k]);
        k += 1;
    }
    let bare_last = !conj.is_empty()
        && conj
            .iter()
            .all(|&i| matches!(tokens[i].kind, Kind::Party(..)) || tokens[i].lower == "the");
    if former_list && bare_last {
        conj.clear();
    }
    flush(&mut conj, &mut out, in_except);
    if let Some(n) = former_from {
        out.parties.truncate(n);
    }
    out
}

/// Whether a representative noun heads the words after position `k` of `conj` ("Russia's
/// special envoy", "a Russian delegation", "the Lebanese Minister of …").
fn rep_follows(tokens: &[Token], conj: &[usize], k: usize) -> bool {
    let mut seen_rep = false;
    let lex = super::cues::Lexicon::embedded();
    for (n, &i) in conj.iter().enumerate().skip(k + 1).take(5) {
        let t = &tokens[i];
        match t.kind {
            Kind::Word => {
                let w = t.lower.as_str();
                // "the Dutch royal family", "the Norwegian royal house".
                let royal_house = matches!(w, "family" | "house" | "household")
                    && n > 0
                    && tokens[conj[n - 1]].lower == "royal";
                // "Canada's governor general".
                let governor_general =
                    w == "general" && n > 0 && tokens[conj[n - 1]].lower == "governor";
                if is(w, REP_NOUNS) || royal_house || governor_general {
                    seen_rep = true;
                    continue;
                }
                // "the Syrian Negotiations Committee", "the Saudi Press Agency": the name
                // of a body, not the state's.
                // (But "the Mexican Economy Minister": a portfolio before a title.)
                let title_next = conj.get(n + 1).is_some_and(|&j| {
                    let x = tokens[j].lower.as_str();
                    is(x, REP_NOUNS) && lex.is_title(x)
                });
                if t.capital && !seen_rep && !lex.is_title(w) && !title_next {
                    return false;
                }
                if seen_rep {
                    // "government sources", "military presence": the noun was a modifier
                    // unless a preposition, a name, a verb or the end follows it.
                    return is(w, PREPOSITIONS) || t.capital || w == "'s" || w.ends_with("ed");
                }
                if is(w, PREPOSITIONS) || is(w, RELATIONAL) {
                    return false;
                }
            }
            Kind::Punct => return seen_rep,
            Kind::Person(_) | Kind::Party(..) | Kind::Linked(_) => return seen_rep,
        }
    }
    seen_rep
}

/// The parties a single noun phrase names (usually one; none for a phrase without a
/// name, a prepositional phrase, or a relative clause).
pub fn np_parties(tokens: &[Token], conj: &[usize], gazetteer: &Gazetteer) -> Vec<usize> {
    let mut cands: Vec<usize> = Vec::new();
    // "former Brazilian President Dilma Rousseff" speaks for no one.
    let mut former = false;
    let mut after_rep = false;
    let mut opened = false;
    let mut first = true;
    // "On Sunday evening Danish Prime Minister … arrived": a time before the subject,
    // with no comma after it.
    let mut skip_to = 0;
    for (k, &i) in conj.iter().enumerate() {
        let t = &tokens[i];
        if k < skip_to {
            continue;
        }
        let at_start = first;
        first = first && t.kind == Kind::Punct;
        match t.kind {
            Kind::Punct => continue,
            Kind::Word => {
                let w = t.lower.as_str();
                if !opened && matches!(w, "on" | "late" | "early" | "last" | "this") {
                    let time = |n: &usize| {
                        let l = tokens[*n].lower.as_str();
                        tokens[*n].is_word()
                            && (is(l, TIME_WORDS) || l.chars().all(|c| c.is_ascii_digit()))
                    };
                    let len = conj[k + 1..].iter().take_while(|n| time(n)).count();
                    if len > 0 {
                        skip_to = k + 1 + len;
                        continue;
                    }
                }
                if !opened && is(w, OPENERS) {
                    continue;
                }
                // "those of Brazil and Colombia": the ones of.
                if matches!(w, "those" | "that")
                    && conj.get(k + 1).is_some_and(|&n| tokens[n].lower == "of")
                {
                    after_rep = true;
                    opened = true;
                    continue;
                }
                // "The presidents of Bolivia, Evo Morales, of Cuba, Miguel Díaz-Canel, …":
                // an item that repeats only the "of" of the title before.
                if at_start
                    && w == "of"
                    && conj.get(k + 1).is_some_and(|&n| {
                        matches!(tokens[n].kind, Kind::Party(_, Via::Name | Via::Alias))
                    })
                {
                    continue;
                }
                // "which the EU shunned": an object relative before its subject.
                if at_start && is(w, RELATIVES) && conj.len() > k + 1 {
                    continue;
                }
                if is(w, PREPOSITIONS) {
                    // "no one from Laos", "nobody from Peru": whoever came from there.
                    let someone = k > 0
                        && matches!(
                            tokens[conj[k - 1]].lower.as_str(),
                            "one" | "nobody" | "anyone" | "anybody" | "someone" | "somebody"
                        );
                    if w == "from" && someone {
                        continue;
                    }
                    // "Two delegations — from Kenya and Tanzania — …": the origin set off
                    // after a representative noun.
                    let apposed_origin = w == "from"
                        && !opened
                        && i >= 2
                        && matches!(tokens[i - 1].lower.as_str(), "," | "—" | "–" | "(")
                        && is(&tokens[i - 2].lower, REP_NOUNS);
                    if apposed_origin {
                        continue;
                    }
                    // "his counterparts in Belgium and Luxembourg": the leaders there.
                    let counterparts = k > 0 && is(&tokens[conj[k - 1]].lower, COUNTERPARTS);
                    if matches!(w, "in" | "from") && counterparts {
                        continue;
                    }
                    if (w == "of" || w == "from") && after_rep {
                        after_rep = false;
                        continue; // "representatives of Russia"
                    }
                    // "Aide to the President of Russia": the one served, not a host
                    // country ("ambassador to Brazil" names where the envoy serves).
                    let aide = k > 0
                        && matches!(
                            tokens[conj[k - 1]].lower.as_str(),
                            "aide" | "adviser" | "advisor" | "assistant"
                        );
                    if w == "to" && aide {
                        continue;
                    }
                    // "Paul Kagame of Rwanda": a name, then the country it speaks for.
                    let after_name =
                        k > 0 && tokens[conj[k - 1]].is_word() && tokens[conj[k - 1]].capital;
                    let country_next = conj.get(k + 1).is_some_and(|&n| {
                        matches!(tokens[n].kind, Kind::Party(_, Via::Name | Via::Alias))
                    });
                    if w == "of" && opened && after_name && country_next {
                        continue;
                    }
                    if !opened {
                        return Vec::new(); // "Of neighbouring countries …", "In Damascus"
                    }
                    break;
                }
                if is(w, RELATIVES) || is(w, PRONOUNS) {
                    if !opened {
                        return Vec::new();
                    }
                    break;
                }
                // "the groups opposing the Syrian government": what follows a participle
                // is its object.
                if opened && !t.capital && w.len() > 5 && w.ends_with("ing") && !is(w, REP_NOUNS) {
                    break;
                }
                // "Syria's allies Iran": Syria modifies "allies". (Not "Pacific Forum
                // Chair addresses …": a Chair by title with no one named after is the
                // body's own.)
                let named_after = conj[k + 1..].iter().any(|&n| tokens[n].is_mention());
                if is(w, RELATIONAL) && (w != "chair" || !t.capital || named_after) {
                    cands.clear();
                }
                if former_at(tokens, i) || w == "ex-president" {
                    former = true;
                }
                after_rep = is(w, REP_NOUNS);
                if !is(w, DETERMINERS) {
                    opened = true;
                }
            }
            Kind::Party(p, via) => {
                opened = true;
                after_rep = false;
                if t.compound {
                    continue; // "Russia-backed"
                }
                let possessive = conj.get(k + 1).is_some_and(|&n| tokens[n].lower == "'s");
                // "as did Colombia's": the possessive ends the phrase.
                let bare_possessive = possessive && k + 2 >= conj.len();
                // "the Beijing Winter Olympics", "the Kazan summit": a modifier.
                let names_meeting = conj[k + 1..]
                    .iter()
                    .take(3)
                    .take_while(|&&n| tokens[n].capital || tokens[n].kind != Kind::Word)
                    .any(|&n| super::cues::Lexicon::embedded().is_meeting(&tokens[n].lower))
                    || conj.get(k + 1).is_some_and(|&n| {
                        super::cues::Lexicon::embedded().is_meeting(&tokens[n].lower)
                    });
                let ok = match via {
                    _ if names_meeting => false,
                    // "the BRICS New Development Bank": a name inside another's name.
                    _ if conj.get(k + 1).is_some_and(
                        |&n| matches!(tokens[n].kind, Kind::Party(_, v) if v != Via::Demonym),
                    ) =>
                    {
                        false
                    }
                    // "the Lithuanian capital", "the Icelandic capital city": a place.
                    Via::Demonym
                        if conj.get(k + 1).is_some_and(|&n| {
                            matches!(tokens[n].lower.as_str(), "capital" | "city")
                        }) =>
                    {
                        false
                    }
                    Via::Demonym => rep_follows(tokens, conj, k),
                    _ if possessive => bare_possessive || rep_follows(tokens, conj, k + 1),
                    _ => true,
                };
                if ok && !former {
                    push_unique(&mut cands, p);
                }
            }
            Kind::Linked(p) => {
                opened = true;
                after_rep = false;
                if !former {
                    push_unique(&mut cands, p);
                }
            }
            Kind::Person(p) => {
                opened = true;
                after_rep = false;
                if let Some(party) = super::people::gazetteer_party(gazetteer, p)
                    && !former
                {
                    // "European Commission President Ursula von der Leyen": the body
                    // in her title is an organ of the party she speaks for.
                    let title_start = (k.saturating_sub(4)..k)
                        .rev()
                        .take_while(|&j| tokens[conj[j]].kind != Kind::Punct)
                        .last()
                        .unwrap_or(k);
                    let in_title: Vec<usize> = conj[title_start..k]
                        .iter()
                        .filter_map(|&i| match tokens[i].kind {
                            Kind::Party(c, _) if c != party => Some(c),
                            _ => None,
                        })
                        .filter(|&c| gazetteer.parties[c].kind != PartyKind::Country)
                        .collect();
                    cands.retain(|c| !in_title.contains(c));
                    push_unique(&mut cands, party);
                }
            }
        }
    }
    cands
}

/// Whether the word at `i` says its noun was something before ("former", "ex",
/// "late"), and not in "current and former ministers", where some still are.
fn former_at(tokens: &[Token], i: usize) -> bool {
    matches!(tokens[i].lower.as_str(), "former" | "ex" | "late")
        && !(i >= 2
            && matches!(tokens[i - 1].lower.as_str(), "and" | "or")
            && matches!(
                tokens[i - 2].lower.as_str(),
                "current" | "serving" | "sitting" | "incumbent" | "present"
            ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyse::attendance::tokens::tokenize;

    fn ids(text: &str) -> (Vec<String>, Vec<String>) {
        let g = Gazetteer::embedded();
        let toks = tokenize(text, g);
        let idxs: Vec<usize> = (0..toks.len()).collect();
        let r = list_parties(&toks, &idxs, &[], g);
        let name = |v: Vec<usize>| v.into_iter().map(|p| g.parties[p].id.clone()).collect();
        (name(r.parties), name(r.except))
    }

    #[test]
    fn lists_with_blocs_demonyms_and_representatives() {
        assert_eq!(
            ids("The US, Canada, the European Union (EU), Jordan, and Turkey").0,
            [
                "united-states",
                "canada",
                "european-union",
                "jordan",
                "turkey"
            ]
        );
        assert_eq!(
            ids("a Russian delegation and representatives of Syrian regime allies Iran, Venezuela and China").0,
            ["russia", "iran", "venezuela", "china"]
        );
        assert_eq!(
            ids("representatives of some allied countries of Damascus, such as Venezuela, Iran and China").0,
            ["venezuela", "iran", "china"]
        );
        assert_eq!(
            ids("Russia's special envoy on Syria Alexander Lavrentiev").0,
            ["russia"]
        );
        assert_eq!(ids("a United Nations representative").0, ["united-nations"]);
        assert_eq!(ids("the Syrian capital Damascus").0, ["syria"]);
    }

    #[test]
    fn modifiers_places_and_groups_are_not_parties() {
        assert!(
            ids("Of neighbouring countries hosting the bulk of Syrian refugees")
                .0
                .is_empty()
        );
        assert!(ids("several Gulf states").0.is_empty());
        assert!(ids("Syrian refugees").0.is_empty());
        assert!(ids("the Russian military presence in Syria").0.is_empty());
        assert!(ids("EU member states").0.is_empty());
        assert!(ids("a Russia-led conference").0.is_empty());
        assert_eq!(
            ids("Lebanon, one of the biggest refugee hosting countries").0,
            ["lebanon"]
        );
        assert_eq!(ids("The Assad regime").0, ["syria"]);
    }

    #[test]
    fn exceptions() {
        let (p, e) = ids("all neighbouring countries except Turkey and Jordan");
        assert!(p.is_empty());
        assert_eq!(e, ["turkey", "jordan"]);
    }
}
