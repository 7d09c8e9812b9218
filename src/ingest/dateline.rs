//! Datelines at the head of a lede ("BEIJING (AFP) –", "Damascus, SANA-",
//! "MOSCOW, January 29. /TASS/.", "WASHINGTON D.C. / BRUSSELS —"): the place, the agency
//! or outlet, and where the story's own first sentence starts. Pure.

use std::sync::LazyLock;

use regex::Regex;

use super::dates::find_dates;

use crate::common::calendar::Ymd;

/// A dateline read from the start of a lede.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dateline {
    /// "Beijing", "Washington D.C. / Brussels".
    pub place: String,
    /// The agency or outlet the dateline credits ("AFP", "SANA", "TASS").
    pub source: Option<String>,
    /// A full date in the dateline (with its year).
    pub date: Option<Ymd>,
    /// Byte length of the dateline; the story starts after it.
    pub len: usize,
}

/// The dateline forms, one row each, tried in order; each names its groups `place`,
/// optionally `src` and `when`.
const FORMS: &[&str] = &[
    // MOSCOW, January 29./TASS/.  —  KAZAN, October 22. /TASS/.
    r"^(?P<place>[A-Z][A-Za-z .'’/-]{1,40}?),\s*(?P<when>[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,?\s+\d{4})?)\s*\.?\s*/(?P<src>[A-Za-z][\w .&-]{1,30}?)/\s*\.?\s*",
    // BEIJING (AFP) –  —  GENEVA, Nov 11 (Reuters) -  —  MOSCOW (Outlet / Agency - 24th July, 2021)
    r"^(?P<place>[A-Z][A-Z .'’/-]{1,40}?)(?:,\s*(?P<when>[^()\n]{1,30}?))?\s*\((?P<src>[A-Z][^()\n]{1,70})\)\s*(?:[-–—:]+\s*)?",
    // Beijing (AFP) –  (a title-case place needs the dash)
    r"^(?P<place>[A-Z][a-z]+(?: [A-Z][a-z]+)?)\s*\((?P<src>[A-Z][A-Za-z ]{1,30})\)\s*[-–—]+\s*",
    // Damascus, SANA-  —  Cairo, MENA –
    r"^(?P<place>[A-Z][A-Za-z .'’-]{1,30}?),\s*(?P<src>[A-Z]{2,}(?:\s[A-Z]{2,})?)\s*[-–—]+\s*",
    // WASHINGTON D.C. / BRUSSELS —  —  BEIRUT:
    r"^(?P<place>[A-Z][A-Z.'’]+(?:[ /,-]+[A-Z][A-Z.'’]*)*)\s*[-–—:]+\s+",
    // Moscow: Russia on Thursday …
    r"^(?P<place>[A-Z][a-z]{2,}(?: [A-Z][a-z]{2,})?):\s+",
    // (CNN) — The talks … : an outlet without a place
    r"^\((?P<src>[A-Z][A-Za-z .&]{1,24})\)\s*[-–—]+\s*(?P<place>)",
    // Brussels - At least 35 leaders …  (a title-case place before a spaced dash)
    r"^(?P<place>[A-Z][a-z]{2,}(?: [A-Z][a-z]{2,}){0,2}) [-–—] ",
];

static FORM_RES: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    FORMS
        .iter()
        .map(|f| Regex::new(f).expect("dateline form"))
        .collect()
});

/// Words that start a sentence, not a place: "The:" or "It —" is no dateline.
const NOT_PLACES: &[&str] = &[
    "The",
    "A",
    "An",
    "It",
    "He",
    "She",
    "They",
    "We",
    "This",
    "That",
    "But",
    "And",
    "In",
    "On",
    "At",
    "For",
    "By",
    "UPDATE",
    "BREAKING",
    "EXCLUSIVE",
    "WATCH",
    "VIDEO",
    "PHOTOS",
    "OPINION",
    "ANALYSIS",
    "LIVE",
    "NOTE",
    "EDITOR'S NOTE",
];

/// Reads the dateline at the start of `lede`, if any.
pub fn parse(lede: &str) -> Option<Dateline> {
    for re in FORM_RES.iter() {
        let Some(c) = re.captures(lede) else {
            continue;
        };
        let whole = c.get(0).expect("group 0");
        let place_raw = c
            .name("place")
            .map_or("", |p| p.as_str().trim().trim_end_matches([',', ' ']));
        if NOT_PLACES.contains(&place_raw) || place_raw.split_whitespace().count() > 6 {
            continue;
        }
        // The story must follow, starting like a sentence.
        let rest = lede[whole.end()..].trim_start();
        if !rest
            .chars()
            .next()
            .is_some_and(|ch| ch.is_uppercase() || ch == '“' || ch == '"' || ch == '‘')
        {
            continue;
        }
        let mut date = None;
        let source = c.name("src").and_then(|s| {
            let (name, when) = split_source_date(s.as_str());
            if date.is_none() {
                date = when;
            }
            // An agency credit is a name, not a phrase.
            (name.split_whitespace().count() <= 6 && !name.is_empty()).then_some(name)
        });
        if c.name("src").is_some() && source.is_none() {
            continue;
        }
        if date.is_none()
            && let Some(w) = c.name("when")
        {
            date = find_dates(w.as_str(), None).first().map(|m| m.start);
        }
        return Some(Dateline {
            place: tidy_place(place_raw),
            source,
            date,
            len: whole.end(),
        });
    }
    None
}

/// "UrduPoint News / Sputnik - 24th July, 2021" → ("UrduPoint News / Sputnik", 2021-07-24).
fn split_source_date(s: &str) -> (String, Option<Ymd>) {
    let s = s.trim();
    let dates = find_dates(s, None);
    match dates.first() {
        Some(m) => {
            let name = s[..m.offset]
                .trim_end()
                .trim_end_matches(['-', '–', '—', ',', ' '])
                .trim();
            (name.to_string(), Some(m.start))
        }
        None => (s.to_string(), None),
    }
}

/// "WASHINGTON D.C. / BRUSSELS" → "Washington D.C. / Brussels"; title case stays.
fn tidy_place(p: &str) -> String {
    if p.chars().any(char::is_lowercase) {
        return p.to_string();
    }
    p.split(' ')
        .map(|w| {
            if w.contains('.') && w.len() <= 5 {
                return w.to_string(); // "D.C."
            }
            let mut out = String::new();
            let mut start = true;
            for ch in w.chars() {
                if start {
                    out.push(ch);
                } else {
                    out.extend(ch.to_lowercase());
                }
                start = matches!(ch, '-' | '/' | '\'' | '’');
            }
            out
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One row per dateline form: the lede, place, source, where the story starts.
    #[test]
    fn dateline_forms() {
        let rows: &[(&str, &str, Option<&str>, &str)] = &[
            (
                "BEIJING (AFP) – Officials said on Monday that",
                "Beijing",
                Some("AFP"),
                "Officials",
            ),
            (
                "Damascus, SANA-The minister received a delegation",
                "Damascus",
                Some("SANA"),
                "The minister",
            ),
            (
                "OSLO, March 3./NTB/. The committee met",
                "Oslo",
                Some("NTB"),
                "The committee",
            ),
            (
                "KAZAN, October 22. /TASS/. The president spoke",
                "Kazan",
                Some("TASS"),
                "The president",
            ),
            (
                "WASHINGTON D.C. / BRUSSELS — Allies agreed on",
                "Washington D.C. / Brussels",
                None,
                "Allies",
            ),
            (
                "GENEVA, Nov 11 (Reuters) - Talks resumed",
                "Geneva",
                Some("Reuters"),
                "Talks",
            ),
            (
                "LISBON (Harbour Post / Wire - 2nd May, 2021) The port reopened",
                "Lisbon",
                Some("Harbour Post / Wire"),
                "The port",
            ),
            ("Nairobi: Kenya on Friday opened", "Nairobi", None, "Kenya"),
        ];
        for (lede, place, source, rest) in rows {
            let d = parse(lede).unwrap_or_else(|| panic!("{lede}"));
            assert_eq!(d.place, *place, "{lede}");
            assert_eq!(d.source.as_deref(), *source, "{lede}");
            assert!(
                lede[d.len..].starts_with(rest),
                "{lede}: {:?}",
                &lede[d.len..]
            );
        }
        let d = parse("LISBON (Harbour Post / Wire - 2nd May, 2021) The port reopened").unwrap();
        assert_eq!(d.date.map(|d| d.to_string()).as_deref(), Some("2021-05-02"));
    }

    #[test]
    fn ordinary_ledes_have_no_dateline() {
        for lede in [
            "The Assad regime organises a conference as conditions remain alarming.",
            "Russia (which hosts the talks) said on Monday that it would",
            "UKRAINIAN PRESIDENT VOLODYMYR Zelenskyy accused some leaders",
            "In Geneva, talks resumed.",
        ] {
            assert_eq!(parse(lede), None, "{lede}");
        }
    }
}
