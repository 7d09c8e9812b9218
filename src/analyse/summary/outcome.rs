//! The attendance outcome in one line, read from the attendance analysis in the schema
//! of `data/attendance.json` (pure). The summary never decides attendance itself.

use serde::{Deserialize, Serialize};

/// The part of `data/attendance.json` the outcome reads.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct AttendanceView {
    #[serde(default)]
    pub parties: Vec<PartyView>,
}

/// One party of `data/attendance.json`.
#[derive(Debug, Clone, Deserialize)]
pub struct PartyView {
    #[serde(default)]
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub kind: String,
    pub status: String,
    #[serde(default)]
    pub conflict: bool,
}

/// Who attended, observed, stayed away, was not invited or hosted, and the line that
/// says it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outcome {
    pub attended: Vec<String>,
    pub observers: Vec<String>,
    pub boycotted: Vec<String>,
    pub not_invited: Vec<String>,
    pub hosts: Vec<String>,
    /// Parties whose sources disagree.
    pub conflicts: Vec<String>,
    /// "10 attended (Russia, Iran, …); the United Nations as an observer; …".
    pub line: String,
}

/// "the United States", "the European Union", "Turkey".
fn with_article(name: &str, kind: &str) -> String {
    let needs = kind != "country"
        || name.starts_with("United ")
        || name.ends_with(" Republic")
        || name.starts_with("Republic ");
    if needs && !name.starts_with("the ") {
        format!("the {name}")
    } else {
        name.to_string()
    }
}

fn list(names: &[String]) -> String {
    match names.len() {
        0 => String::new(),
        1 => names[0].clone(),
        n => format!("{} and {}", names[..n - 1].join(", "), names[n - 1]),
    }
}

/// The outcome from an attendance value (the template context's `attendance`, or
/// `data/attendance.json`); `None` when there is no attendance or it has no parties.
pub fn outcome(attendance: &serde_json::Value) -> Option<Outcome> {
    let view: AttendanceView = serde_json::from_value(attendance.clone()).ok()?;
    outcome_of(&view.parties)
}

/// The outcome of these parties; `None` when there are none.
pub fn outcome_of(parties: &[PartyView]) -> Option<Outcome> {
    if parties.is_empty() {
        return None;
    }
    let mut o = Outcome::default();
    for p in parties {
        let name = with_article(&p.name, &p.kind);
        match p.status.as_str() {
            "attended" => o.attended.push(name.clone()),
            "observer" => o.observers.push(name.clone()),
            "boycotted" => o.boycotted.push(name.clone()),
            "not_invited" => o.not_invited.push(name.clone()),
            "host" => o.hosts.push(name.clone()),
            _ => {}
        }
        if p.conflict {
            o.conflicts.push(name);
        }
    }
    let mut parts: Vec<String> = Vec::new();
    if !o.hosts.is_empty() {
        parts.push(format!("hosted by {}", list(&o.hosts)));
    }
    if !o.attended.is_empty() {
        parts.push(format!(
            "{} attended ({})",
            o.attended.len(),
            list(&o.attended)
        ));
    }
    if !o.observers.is_empty() {
        parts.push(format!(
            "{} only as {}",
            list(&o.observers),
            if o.observers.len() == 1 {
                "an observer"
            } else {
                "observers"
            }
        ));
    }
    if !o.boycotted.is_empty() {
        parts.push(format!("{} stayed away", list(&o.boycotted)));
    }
    if !o.not_invited.is_empty() {
        parts.push(format!(
            "{} {} not invited",
            list(&o.not_invited),
            if o.not_invited.len() == 1 {
                "was"
            } else {
                "were"
            }
        ));
    }
    let mut line = parts.join("; ");
    if let Some(first) = line.get(..1) {
        line = first.to_uppercase() + &line[1..];
    }
    if !o.conflicts.is_empty() {
        line.push_str(&format!(" (the sources differ on {})", list(&o.conflicts)));
    }
    line.push('.');
    o.line = line;
    Some(o)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outcome_line_from_an_attendance_shaped_value() {
        let v = serde_json::json!({
            "event": {"name": "X", "place": "Damascus", "start": "2020-11-11", "end": "2020-11-12"},
            "parties": [
                {"id": "syria", "name": "Syria", "kind": "country", "iso": "SY", "status": "host", "conflict": false, "claims": []},
                {"id": "russia", "name": "Russia", "kind": "country", "iso": "RU", "status": "attended", "conflict": false, "claims": []},
                {"id": "iran", "name": "Iran", "kind": "country", "iso": "IR", "status": "attended", "conflict": false, "claims": []},
                {"id": "united-nations", "name": "United Nations", "kind": "organisation", "status": "observer", "conflict": false, "claims": []},
                {"id": "united-states", "name": "United States", "kind": "country", "iso": "US", "status": "boycotted", "conflict": false, "claims": []},
                {"id": "european-union", "name": "European Union", "kind": "bloc", "status": "boycotted", "conflict": false, "claims": []},
                {"id": "turkey", "name": "Turkey", "kind": "country", "iso": "TR", "status": "not_invited", "conflict": true,
                 "claims": [{"status": "boycotted", "modality": "reported", "page": "/briefings/a/", "sentence": "…"}]}
            ]
        });
        let o = outcome(&v).unwrap();
        assert_eq!(o.attended, ["Russia", "Iran"]);
        assert_eq!(o.observers, ["the United Nations"]);
        assert_eq!(o.conflicts, ["Turkey"]);
        assert_eq!(
            o.line,
            "Hosted by Syria; 2 attended (Russia and Iran); the United Nations only as an observer; the United States and the European Union stayed away; Turkey was not invited (the sources differ on Turkey)."
        );
    }

    #[test]
    fn no_attendance_no_outcome() {
        assert_eq!(outcome(&serde_json::Value::Null), None);
        assert_eq!(outcome(&serde_json::json!({"parties": []})), None);
    }
}
