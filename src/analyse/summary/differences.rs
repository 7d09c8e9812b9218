//! Where the sources differ on who took part, read from the attendance analysis (pure):
//! the parties it flags as in conflict, with every claim behind them. The summary has
//! no attendance extractor of its own, so it can never disagree with the attendance
//! page.

use serde::Serialize;

use super::text::{SourceRef, short_title};
use crate::analyse::attendance::{Attendance, Claim, Status};

/// One source's account of a disputed party, as the attendance analysis found it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Stance {
    /// `host`, `attended`, `observer`, `boycotted` or `not_invited`.
    pub status: String,
    /// `reported`, `planned` or `expected`.
    pub modality: String,
    pub source: SourceRef,
}

/// A party the sources place differently: its status on the attendance page and every
/// claim, grouped by status in the page's order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AttendanceDifference {
    /// Gazetteer id of the party.
    pub party: String,
    pub name: String,
    /// The status the attendance page lists it under (a pin's, when pinned).
    pub status: String,
    pub stances: Vec<Stance>,
}

/// The sentence a claim comes from, as a summary citation.
pub fn source_of(c: &Claim) -> SourceRef {
    SourceRef {
        link: if c.anchor.is_empty() {
            c.page.clone()
        } else {
            format!("{}#{}", c.page, c.anchor)
        },
        page: c.page.clone(),
        anchor: c.anchor.clone(),
        title: c.page_title.clone(),
        source: c.source.clone(),
        label: c
            .source
            .clone()
            .unwrap_or_else(|| short_title(&c.page_title)),
        seed: c.seed.clone(),
        sentence: c.sentence.clone(),
    }
}

/// The parties whose claims conflict, in the attendance's order, each with all its
/// claims (linear in the claims).
pub fn differences(attendance: &Attendance) -> Vec<AttendanceDifference> {
    attendance
        .parties
        .iter()
        .filter(|p| p.conflict)
        .map(|p| AttendanceDifference {
            party: p.id.clone(),
            name: p.name.clone(),
            status: p.status.as_str().to_string(),
            stances: Status::ALL
                .into_iter()
                .flat_map(|st| p.claims.iter().filter(move |c| c.status == st))
                .map(|c| Stance {
                    status: c.status.as_str().to_string(),
                    modality: c.modality.as_str().to_string(),
                    source: source_of(c),
                })
                .collect(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyse::attendance::{Modality, PartyStatus};

    fn claim(status: Status, page: &str, source: Option<&str>, sentence: &str) -> Claim {
        Claim {
            status,
            modality: Modality::Reported,
            page: page.into(),
            seed: None,
            sentence: sentence.into(),
            anchor: "s1-1".into(),
            cue: String::new(),
            page_title: "A title of more than six words in all".into(),
            source: source.map(str::to_string),
            by_leader: false,
        }
    }

    fn party(id: &str, status: Status, conflict: bool, claims: Vec<Claim>) -> PartyStatus {
        PartyStatus {
            id: id.into(),
            name: id.to_uppercase(),
            kind: "country".into(),
            iso: None,
            status,
            conflict,
            claimed_status: Some(status),
            claims,
            pin: None,
        }
    }

    #[test]
    fn only_conflicts_with_every_claim_grouped_by_status() {
        let a = Attendance {
            parties: vec![
                party(
                    "jordan",
                    Status::Attended,
                    false,
                    vec![claim(
                        Status::Attended,
                        "/a/",
                        Some("A"),
                        "Jordan attended.",
                    )],
                ),
                party(
                    "turkey",
                    Status::NotInvited,
                    true,
                    vec![
                        claim(Status::NotInvited, "/b/", None, "Turkey was not invited."),
                        claim(Status::Boycotted, "/a/", Some("A"), "Turkey stayed away."),
                    ],
                ),
            ],
            ..Attendance::default()
        };
        let d = differences(&a);
        assert_eq!(d.len(), 1);
        assert_eq!(
            (d[0].party.as_str(), d[0].status.as_str()),
            ("turkey", "not_invited")
        );
        let got: Vec<(&str, &str, &str, &str)> = d[0]
            .stances
            .iter()
            .map(|s| {
                (
                    s.status.as_str(),
                    s.source.link.as_str(),
                    s.source.label.as_str(),
                    s.source.sentence.as_str(),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                ("boycotted", "/a/#s1-1", "A", "Turkey stayed away."),
                (
                    "not_invited",
                    "/b/#s1-1",
                    "“A title of more than …”",
                    "Turkey was not invited."
                ),
            ]
        );
    }
}
