//! Resolution: one status per party from its claims across pages. Reported claims
//! outweigh announced (planned) ones, which outweigh expectations; among the strongest,
//! the status more distinct outlets give wins (an outlet is a page's `source`, or the
//! page itself when it names none: one outlet repeating itself over sentences or pages
//! counts once), and a tie goes to the more specific status (host, observer, not
//! invited, attended, boycotted: "not invited" explains an absence that "refrained"
//! describes loosely). Where every claim places the party there, a single specific
//! status (host or observer) wins over "attended", which it refines. `conflict` is true when two claims disagree —
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

/// The outlet that makes a claim: its page's `source` (case and spacing folded), or
/// the page when it names none. Distinct outlets are the independent accounts.
pub fn outlet(c: &Claim) -> String {
    match c.source.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        Some(s) => format!(
            "source:{}",
            s.split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase()
        ),
        None => format!("page:{}", c.page),
    }
}

/// The status the claims resolve to, and whether they conflict.
pub fn resolve_claims(claims: &[Claim]) -> Option<(Status, bool)> {
    // A leader who stays home while a source has the state there, and not as an
    // expectation, leaves the state attended: the leader's boycott is not the state's.
    let there = claims
        .iter()
        .any(|c| c.status.present() && c.modality != Modality::Expected);
    let kept: Vec<Claim>;
    let claims = if there && claims.iter().any(|c| c.by_leader) {
        kept = claims.iter().filter(|c| !c.by_leader).cloned().collect();
        kept.as_slice()
    } else {
        claims
    };
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
    // Outlets per status, among the strongest claims.
    let mut outlets: BTreeMap<Status, HashSet<String>> = BTreeMap::new();
    for c in claims.iter().filter(|c| c.modality == tier) {
        outlets.entry(c.status).or_default().insert(outlet(c));
    }
    let statuses: Vec<Status> = outlets.keys().copied().collect();
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
    let best = outlets
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
    use Modality::{Expected, Planned, Reported};
    use Status::{Attended, Boycotted, Host, NotInvited, Observer};

    /// A claim of `status` by the page `page` of the outlet `source`.
    fn claim(status: Status, modality: Modality, page: &str, source: Option<&str>) -> Claim {
        Claim {
            status,
            modality,
            page: page.into(),
            seed: None,
            sentence: format!("{page} says {}", status.as_str()),
            anchor: "s1-1".into(),
            cue: String::new(),
            page_title: "t".into(),
            source: source.map(str::to_string),
            by_leader: false,
        }
    }

    #[test]
    fn a_leader_who_stays_home_leaves_the_state_there_when_a_source_has_it_there() {
        let leader = |page: &str, outlet: &str| Claim {
            by_leader: true,
            ..claim(Boycotted, Planned, page, Some(outlet))
        };
        // Two outlets say the president will skip it; one says the state sends its
        // foreign minister.
        let claims = [
            leader("/a/", "A"),
            leader("/b/", "B"),
            claim(Attended, Planned, "/c/", Some("C")),
        ];
        assert_eq!(resolve_claims(&claims), Some((Attended, false)));
        // The state's own boycott is not the leader's: the outlets decide.
        let state = [
            claim(Boycotted, Planned, "/a/", Some("A")),
            claim(Boycotted, Planned, "/b/", Some("B")),
            claim(Attended, Planned, "/c/", Some("C")),
        ];
        assert_eq!(resolve_claims(&state), Some((Boycotted, true)));
        // Only an expectation that the state will be there: the leader's word stands,
        // and the sources differ.
        let expected = [
            leader("/a/", "A"),
            claim(Attended, Expected, "/c/", Some("C")),
        ];
        assert_eq!(resolve_claims(&expected), Some((Boycotted, true)));
    }

    /// One rule of resolution: its name, the claims (status, modality, page, outlet)
    /// and what they resolve to (status, conflict).
    type Row = (
        &'static str,
        &'static [(Status, Modality, &'static str, Option<&'static str>)],
        Option<(Status, bool)>,
    );

    const RULES: &[Row] = &[
        ("no claims give no status", &[], None),
        (
            "a disagreement is a conflict, and a tie goes to the more specific status",
            &[
                (Boycotted, Reported, "/a/", Some("Wire A")),
                (NotInvited, Reported, "/b/", Some("Wire B")),
            ],
            Some((NotInvited, true)),
        ),
        (
            "the status more outlets give wins",
            &[
                (Boycotted, Reported, "/a/", Some("Wire A")),
                (Boycotted, Reported, "/c/", Some("Wire C")),
                (NotInvited, Reported, "/b/", Some("Wire B")),
            ],
            Some((Boycotted, true)),
        ),
        (
            "one outlet's repeated pages count once",
            &[
                (Boycotted, Reported, "/a1/", Some("Wire A")),
                (Boycotted, Reported, "/a2/", Some("Wire A")),
                (Boycotted, Reported, "/a3/", Some(" wire  a ")),
                (NotInvited, Reported, "/b/", Some("Wire B")),
                (NotInvited, Reported, "/c/", Some("Wire C")),
            ],
            Some((NotInvited, true)),
        ),
        (
            "one outlet's repeated sentences count once",
            &[
                (Attended, Reported, "/a/", Some("Wire A")),
                (Attended, Reported, "/a/", Some("Wire A")),
                (Attended, Reported, "/a/", Some("Wire A")),
                (Boycotted, Reported, "/b/", Some("Wire B")),
                (Boycotted, Reported, "/c/", Some("Wire C")),
            ],
            Some((Boycotted, true)),
        ),
        (
            "a page that names no outlet is an outlet of its own",
            &[
                (Boycotted, Reported, "/a/", None),
                (Boycotted, Reported, "/b/", None),
                (NotInvited, Reported, "/c/", Some("Wire C")),
            ],
            Some((Boycotted, true)),
        ),
        (
            "a reported outcome outweighs plans, however many outlets announce them",
            &[
                (Attended, Planned, "/a/", Some("Wire A")),
                (Attended, Planned, "/b/", Some("Wire B")),
                (Attended, Planned, "/c/", Some("Wire C")),
                (Boycotted, Reported, "/d/", Some("Wire D")),
            ],
            Some((Boycotted, true)),
        ),
        (
            "a reported outcome outweighs expectations",
            &[
                (Boycotted, Expected, "/a/", Some("Wire A")),
                (Boycotted, Expected, "/b/", Some("Wire B")),
                (Attended, Reported, "/c/", Some("Wire C")),
            ],
            Some((Attended, true)),
        ),
        (
            "a plan outweighs an expectation",
            &[
                (Boycotted, Expected, "/a/", Some("Wire A")),
                (Boycotted, Expected, "/b/", Some("Wire B")),
                (Attended, Planned, "/c/", Some("Wire C")),
            ],
            Some((Attended, true)),
        ),
        (
            "a plan the outcome confirms is no conflict",
            &[
                (Attended, Planned, "/a/", Some("Wire A")),
                (Attended, Reported, "/b/", Some("Wire B")),
            ],
            Some((Attended, false)),
        ),
        (
            "observer beats attended when one source says both",
            &[
                (Attended, Reported, "/a/", Some("Wire A")),
                (Observer, Reported, "/a/", Some("Wire A")),
            ],
            Some((Observer, false)),
        ),
        (
            "observer beats attended across sources, even outnumbered",
            &[
                (Attended, Reported, "/a/", Some("Wire A")),
                (Attended, Reported, "/b/", Some("Wire B")),
                (Observer, Reported, "/c/", Some("Wire C")),
            ],
            Some((Observer, false)),
        ),
        (
            "host beats attended",
            &[
                (Attended, Reported, "/a/", Some("Wire A")),
                (Attended, Reported, "/c/", Some("Wire C")),
                (Host, Reported, "/b/", Some("Wire B")),
            ],
            Some((Host, false)),
        ),
        (
            "an observer is not a host: a conflict, the more outlets win",
            &[
                (Host, Reported, "/a/", Some("Wire A")),
                (Host, Reported, "/b/", Some("Wire B")),
                (Observer, Reported, "/c/", Some("Wire C")),
            ],
            Some((Host, true)),
        ),
        (
            "a plan against the outcome is still shown as a conflict",
            &[
                (Attended, Planned, "/a/", Some("Wire A")),
                (Boycotted, Reported, "/b/", Some("Wire B")),
            ],
            Some((Boycotted, true)),
        ),
    ];

    #[test]
    fn resolution_rules() {
        for (rule, rows, want) in RULES {
            let claims: Vec<Claim> = rows
                .iter()
                .map(|&(st, m, page, source)| claim(st, m, page, source))
                .collect();
            assert_eq!(resolve_claims(&claims), *want, "rule: {rule}");
        }
    }

    #[test]
    fn an_outlet_is_the_source_folded_or_the_page() {
        let a = claim(Attended, Reported, "/a/", Some("Wire  A"));
        let b = claim(Attended, Reported, "/b/", Some("wire a"));
        assert_eq!(outlet(&a), outlet(&b));
        let c = claim(Attended, Reported, "/c/", None);
        let d = claim(Attended, Reported, "/d/", Some("  "));
        assert_eq!(outlet(&c), "page:/c/");
        assert_eq!(outlet(&d), "page:/d/");
        assert_ne!(outlet(&c), outlet(&d));
    }

    #[test]
    fn pins_override_status_but_keep_claims_and_conflict() {
        let g = Gazetteer::embedded();
        let tr = g.party_index("turkey").unwrap();
        let found = vec![
            (tr, claim(Boycotted, Reported, "/a/", None)),
            (tr, claim(NotInvited, Reported, "/b/", None)),
        ];
        let pins = [(
            tr,
            Pin {
                status: Boycotted,
                note: "n".into(),
            },
        )];
        let r = resolve(found, &pins, g);
        assert_eq!(r[0].status, Boycotted);
        assert_eq!(r[0].claimed_status, Some(NotInvited));
        assert!(r[0].conflict);
        assert_eq!(r[0].claims.len(), 2);
    }
}
