//! Resolution: one status per party from its claims across pages. Reported claims
//! outweigh announced (planned) ones, which outweigh expectations; among the strongest,
//! the status more pages give wins, and a tie goes to the more specific status (host,
//! observer, not invited, attended, boycotted: "not invited" explains an absence that
//! "refrained" describes loosely). `conflict` is true when two claims disagree —
//! present against absent, or boycotted against not invited — whatever their
//! modality; "attended" agrees with "host" and "observer". An editorial pin sets the
//! status but never clears the conflict or hides a claim.

use std::collections::{BTreeMap, HashSet};

use super::{Claim, Modality, PartyStatus, Pin, Status};
use crate::analyse::gazetteer::Gazetteer;

/// Whether two statuses can both be true.
pub fn compatible(a: Status, b: Status) -> bool {
    use Status::*;
    a == b
        || matches!(
            (a, b),
            (Attended, Host | Observer) | (Host | Observer, Attended)
        )
}

fn specificity(s: Status) -> u8 {
    match s {
        Status::Host => 0,
        Status::Observer => 1,
        Status::NotInvited => 2,
        Status::Attended => 3,
        Status::Boycotted => 4,
    }
}

/// The status the claims resolve to, and whether they conflict.
pub fn resolve_claims(claims: &[Claim]) -> Option<(Status, bool)> {
    // Two claims disagree when two of the statuses they give do (linear: at most five).
    let mut given: Vec<Status> = Vec::new();
    for c in claims {
        if !given.contains(&c.status) {
            given.push(c.status);
        }
    }
    let conflict = given
        .iter()
        .enumerate()
        .any(|(i, a)| given[i + 1..].iter().any(|b| !compatible(*a, *b)));
    let tier = [Modality::Reported, Modality::Planned, Modality::Expected]
        .into_iter()
        .find(|m| claims.iter().any(|c| c.modality == *m))?;
    // Pages per status, among the strongest claims.
    let mut pages: BTreeMap<Status, HashSet<&str>> = BTreeMap::new();
    for c in claims.iter().filter(|c| c.modality == tier) {
        pages.entry(c.status).or_default().insert(&c.page);
    }
    let statuses: Vec<Status> = pages.keys().copied().collect();
    // Attended with host (or observer) only: the more specific one.
    let all_present = statuses.iter().all(|s| s.present());
    let specific: Vec<Status> = statuses
        .iter()
        .copied()
        .filter(|s| matches!(s, Status::Host | Status::Observer))
        .collect();
    if all_present && specific.len() == 1 {
        return Some((specific[0], conflict));
    }
    let best = pages
        .iter()
        .max_by(|a, b| {
            a.1.len()
                .cmp(&b.1.len())
                .then(specificity(*b.0).cmp(&specificity(*a.0)))
        })
        .map(|(s, _)| *s)?;
    Some((best, conflict))
}

/// Folds the claims of all pages (party index, claim) and the pins into one entry per
/// party, grouped in status order, then by name.
pub fn resolve(
    found: Vec<(usize, Claim)>,
    pins: &[(usize, Pin)],
    gazetteer: &Gazetteer,
) -> Vec<PartyStatus> {
    let mut by_party: BTreeMap<usize, Vec<Claim>> = BTreeMap::new();
    for (p, c) in found {
        by_party.entry(p).or_default().push(c);
    }
    for (p, _) in pins {
        by_party.entry(*p).or_default();
    }
    let mut out: Vec<PartyStatus> = Vec::new();
    for (p, claims) in by_party {
        let pin = pins
            .iter()
            .find(|(q, _)| *q == p)
            .map(|(_, pin)| pin.clone());
        let resolved = resolve_claims(&claims);
        let status = match (&pin, resolved) {
            (Some(pin), _) => pin.status,
            (None, Some((s, _))) => s,
            (None, None) => continue,
        };
        let party = &gazetteer.parties[p];
        out.push(PartyStatus {
            id: party.id.clone(),
            name: party.name.clone(),
            kind: party.kind.as_str().to_string(),
            iso: party.iso.clone(),
            status,
            conflict: resolved.is_some_and(|(_, c)| c),
            claimed_status: resolved.map(|(s, _)| s),
            claims,
            pin,
        });
    }
    out.sort_by(|a, b| a.status.cmp(&b.status).then(a.name.cmp(&b.name)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claim(status: Status, modality: Modality, page: &str) -> Claim {
        Claim {
            status,
            modality,
            page: page.into(),
            seed: None,
            sentence: "s".into(),
            anchor: "s1-1".into(),
            cue: String::new(),
            page_title: "t".into(),
            source: None,
        }
    }

    #[test]
    fn disagreement_is_a_conflict_and_a_tie_goes_to_the_specific_status() {
        let c = [
            claim(Status::Boycotted, Modality::Reported, "/a/"),
            claim(Status::NotInvited, Modality::Reported, "/b/"),
        ];
        assert_eq!(resolve_claims(&c), Some((Status::NotInvited, true)));
        let c = [
            claim(Status::Boycotted, Modality::Reported, "/a/"),
            claim(Status::Boycotted, Modality::Reported, "/c/"),
            claim(Status::NotInvited, Modality::Reported, "/b/"),
        ];
        assert_eq!(resolve_claims(&c), Some((Status::Boycotted, true)));
    }

    #[test]
    fn reported_beats_planned_and_compatible_statuses_agree() {
        let c = [
            claim(Status::Attended, Modality::Planned, "/a/"),
            claim(Status::Attended, Modality::Reported, "/b/"),
        ];
        assert_eq!(resolve_claims(&c), Some((Status::Attended, false)));
        let c = [
            claim(Status::Observer, Modality::Expected, "/a/"),
            claim(Status::Observer, Modality::Reported, "/b/"),
        ];
        assert_eq!(resolve_claims(&c), Some((Status::Observer, false)));
        let c = [
            claim(Status::Attended, Modality::Reported, "/a/"),
            claim(Status::Attended, Modality::Reported, "/c/"),
            claim(Status::Host, Modality::Reported, "/b/"),
        ];
        assert_eq!(resolve_claims(&c), Some((Status::Host, false)));
        let c = [
            claim(Status::Attended, Modality::Planned, "/a/"),
            claim(Status::Boycotted, Modality::Reported, "/b/"),
        ];
        assert_eq!(resolve_claims(&c), Some((Status::Boycotted, true)));
    }

    #[test]
    fn pins_override_status_but_keep_claims_and_conflict() {
        let g = Gazetteer::embedded();
        let tr = g.party_index("turkey").unwrap();
        let found = vec![
            (tr, claim(Status::Boycotted, Modality::Reported, "/a/")),
            (tr, claim(Status::NotInvited, Modality::Reported, "/b/")),
        ];
        let pins = [(
            tr,
            Pin {
                status: Status::Boycotted,
                note: "n".into(),
            },
        )];
        let r = resolve(found, &pins, g);
        assert_eq!(r[0].status, Status::Boycotted);
        assert_eq!(r[0].claimed_status, Some(Status::NotInvited));
        assert!(r[0].conflict);
        assert_eq!(r[0].claims.len(), 2);
    }
}
