//! Editorial pins: `content/_data/attendance.yaml` lets an editor fix a party's status
//! with a note. A pin never hides the claims: the page shows it beside them as an
//! editorial decision. A malformed file is a diagnostic with file, line and column.
//!
//! ```yaml
//! pins:
//!   - party: Turkey            # name, alias or gazetteer id
//!     status: not_invited      # host | attended | observer | boycotted | not_invited
//!     note: "The organisers' list of invitees does not name Turkey."
//! ```

use std::path::Path;

use serde::Deserialize;

use super::{Pin, Status};
use crate::analyse::gazetteer::Gazetteer;
use crate::config::strip_yaml_position;
use crate::diagnostics::{Diagnostic, Location, line_col};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PinsFile {
    #[serde(default)]
    pins: Vec<PinEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PinEntry {
    party: String,
    status: String,
    #[serde(default)]
    note: String,
}

const HINT: &str = "each pin is {party: <name or id>, status: host|attended|observer|boycotted|not_invited, note: <text>} under `pins:`";

/// The party a pin names: a gazetteer id, name or alias (case-insensitive).
pub fn find_party(gazetteer: &Gazetteer, name: &str) -> Option<usize> {
    let n = name.trim().to_lowercase();
    let n = n.strip_prefix("the ").unwrap_or(&n);
    gazetteer.parties.iter().position(|p| {
        p.id == n || p.name.to_lowercase() == n || p.aliases.iter().any(|a| a.to_lowercase() == n)
    })
}

/// Where the `n`-th occurrence of `key:` is, as (line, column) of its value.
fn locate(text: &str, key: &str, n: usize) -> (usize, usize) {
    let needle = format!("{key}:");
    let mut from = 0;
    let mut found = None;
    for _ in 0..=n {
        match text[from..].find(&needle) {
            Some(i) => {
                found = Some(from + i);
                from += i + needle.len();
            }
            None => break,
        }
    }
    match found {
        Some(i) => {
            let after = i + needle.len();
            let value = after + (text[after..].len() - text[after..].trim_start().len());
            line_col(text, value.min(text.len()))
        }
        None => (1, 1),
    }
}

/// Parses the pins file into (party index, pin) pairs, every problem reported.
pub fn parse(
    text: &str,
    rel: &Path,
    gazetteer: &Gazetteer,
) -> Result<Vec<(usize, Pin)>, Vec<Diagnostic>> {
    let has_content = text
        .lines()
        .any(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'));
    if !has_content {
        return Ok(Vec::new());
    }
    let file: PinsFile = serde_yaml::from_str(text).map_err(|e| {
        let loc = match e.location() {
            Some(l) => Location::at(rel, l.line(), l.column()),
            None => Location::file(rel),
        };
        vec![
            Diagnostic::new("invalid attendance pins")
                .at(loc)
                .cause(strip_yaml_position(&e.to_string()))
                .hint(HINT),
        ]
    })?;
    let mut out = Vec::new();
    let mut errors = Vec::new();
    for (n, entry) in file.pins.into_iter().enumerate() {
        let party = find_party(gazetteer, &entry.party);
        let status = Status::parse(entry.status.trim());
        if party.is_none() {
            let (line, col) = locate(text, "party", n);
            errors.push(
                Diagnostic::new("unknown party in attendance pins")
                    .at(Location::at(rel, line, col))
                    .cause(format!("`{}` is not in the gazetteer", entry.party))
                    .hint("use a country, bloc or organisation name, alias or id from data/gazetteer.yaml"),
            );
        }
        if status.is_none() {
            let (line, col) = locate(text, "status", n);
            errors.push(
                Diagnostic::new("unknown status in attendance pins")
                    .at(Location::at(rel, line, col))
                    .cause(format!("`{}` is not a status", entry.status))
                    .hint(HINT),
            );
        }
        if let (Some(p), Some(status)) = (party, status) {
            if out.iter().any(|(q, _): &(usize, Pin)| *q == p) {
                let (line, col) = locate(text, "party", n);
                errors.push(
                    Diagnostic::new("party pinned twice in attendance pins")
                        .at(Location::at(rel, line, col))
                        .cause(format!("`{}` already has a pin", entry.party))
                        .hint("keep one pin per party"),
                );
                continue;
            }
            out.push((
                p,
                Pin {
                    status,
                    note: entry.note.trim().to_string(),
                },
            ));
        }
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_str(text: &str) -> Result<Vec<(usize, Pin)>, Vec<Diagnostic>> {
        parse(
            text,
            Path::new("content/_data/attendance.yaml"),
            Gazetteer::embedded(),
        )
    }

    #[test]
    fn pins_by_name_alias_or_id() {
        let g = Gazetteer::embedded();
        let pins = parse_str(
            "pins:\n  - {party: Türkiye, status: not_invited, note: checked}\n  - {party: european-union, status: boycotted}\n",
        )
        .unwrap();
        assert_eq!(g.parties[pins[0].0].id, "turkey");
        assert_eq!(pins[0].1.status, Status::NotInvited);
        assert_eq!(pins[0].1.note, "checked");
        assert_eq!(g.parties[pins[1].0].id, "european-union");
        assert!(parse_str("# nothing pinned yet\n").unwrap().is_empty());
        assert!(parse_str("pins: []\n").unwrap().is_empty());
    }

    #[test]
    fn errors_carry_line_and_column() {
        let e = parse_str("pins:\n  - party: Turkey\n    status: absent\n").unwrap_err();
        let loc = e[0].location.clone().unwrap();
        assert_eq!((loc.line, loc.col), (Some(3), Some(13)));
        assert!(e[0].causes[0].contains("absent"));
        let e = parse_str("pins:\n  - party: Narnia\n    status: host\n").unwrap_err();
        let loc = e[0].location.clone().unwrap();
        assert_eq!((loc.line, loc.col), (Some(2), Some(12)));
        let e = parse_str("pins:\n  - party: Turkey\n    colour: red\n").unwrap_err();
        let loc = e[0].location.clone().unwrap();
        assert_eq!(loc.line, Some(3), "{e:?}");
        let e = parse_str("pins: [\n").unwrap_err();
        assert!(e[0].location.as_ref().unwrap().line.is_some());
    }
}
