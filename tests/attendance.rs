//! The attendance extractor against hand labels: the three seeds through the real
//! pipeline (strict precision and recall 1.0 on `tests/data/seed_labels.yaml`, the
//! Turkey conflict), fixtures written in other outlets' phrasing
//! (`tests/fixtures/attendance/*.txt` with their `.yaml` expectations), and the
//! `data/attendance.json` and `.csv` outputs against their schema.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use briefing::analyse::attendance::editorial::find_party;
use briefing::analyse::attendance::{Event, page_claims};
use briefing::analyse::gazetteer::Gazetteer;
use briefing::markdown::sentences;
use briefing::pipeline::{BuildOptions, prepare, render_prepared};
use briefing::render::RenderOptions;
use briefing::sync::Force;
use serde::Deserialize;
use serde_json::Value;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

// ---------------------------------------------------------------------------
// The seeds against seed_labels.yaml, scored like tests/data/score_attendance.py
// --strict: triples (seed, party, status); optional labels neither rewarded nor
// penalised; a claim for a mentioned-only or unlabelled party is a false positive.
// ---------------------------------------------------------------------------

#[derive(Debug, Deserialize)]
struct Labels {
    articles: BTreeMap<String, ArticleLabels>,
}

#[derive(Debug, Deserialize)]
struct ArticleLabels {
    #[serde(default)]
    parties: Vec<PartyLabel>,
    #[serde(default)]
    mentioned_only: Vec<MentionLabel>,
}

#[derive(Debug, Deserialize)]
struct PartyLabel {
    party: String,
    status: String,
    #[serde(default)]
    optional: bool,
}

#[derive(Debug, Deserialize)]
struct MentionLabel {
    party: String,
}

/// The scorer's name normalisation.
fn norm(name: &str) -> String {
    let n = name.trim().to_lowercase();
    let n = n.split_whitespace().collect::<Vec<_>>().join(" ");
    let n = n.strip_prefix("the ").unwrap_or(&n).to_string();
    let aliases: &[(&str, &str)] = &[
        ("us", "united states"),
        ("usa", "united states"),
        ("u.s.", "united states"),
        ("united states of america", "united states"),
        ("america", "united states"),
        ("eu", "european union"),
        ("un", "united nations"),
        ("u.n.", "united nations"),
        ("un refugee agency", "unhcr"),
        ("uae", "united arab emirates"),
        ("türkiye", "turkey"),
        ("turkiye", "turkey"),
        ("state of palestine", "palestine"),
        ("russian federation", "russia"),
        ("syrian arab republic", "syria"),
        ("international committee of the red cross", "icrc"),
    ];
    aliases
        .iter()
        .find(|(a, _)| *a == n)
        .map(|(_, b)| b.to_string())
        .unwrap_or(n)
}

#[test]
fn seeds_reproduce_every_label_with_no_extra_claim_and_flag_turkey() {
    let opts = BuildOptions {
        write: false,
        ..BuildOptions::new(root())
    };
    let prepared = prepare(&opts, &Force::None).expect("the site prepares");
    let att = &prepared.site.attendance;
    let labels: Labels = serde_yaml::from_str(
        &std::fs::read_to_string(root().join("tests/data/seed_labels.yaml")).unwrap(),
    )
    .unwrap();

    let mut predicted: BTreeMap<(String, String), BTreeSet<String>> = BTreeMap::new();
    for p in &att.parties {
        for c in &p.claims {
            let seed = c.seed.clone().expect("every briefing page has its seed");
            predicted
                .entry((seed, norm(&p.name)))
                .or_default()
                .insert(c.status.as_str().to_string());
        }
    }
    let (mut tp, mut fp, mut fn_) = (0, 0, 0);
    let mut report = Vec::new();
    for (art, lab) in &labels.articles {
        let mut want: BTreeMap<String, String> = BTreeMap::new();
        let mut ignore = BTreeSet::new();
        for p in &lab.parties {
            if p.optional || p.status == "unclear" {
                ignore.insert(norm(&p.party));
            } else {
                want.insert(norm(&p.party), p.status.clone());
            }
        }
        for (name, status) in &want {
            let got = predicted
                .get(&(art.clone(), name.clone()))
                .cloned()
                .unwrap_or_default();
            if got.contains(status) {
                tp += 1;
            } else {
                fn_ += 1;
                report.push(format!("FN {art}: {name} want {status} got {got:?}"));
            }
            for g in got.iter().filter(|g| *g != status) {
                fp += 1;
                report.push(format!("FP {art}: {name} claimed {g}, want {status}"));
            }
        }
        for ((a, name), got) in &predicted {
            if a != art || want.contains_key(name) || ignore.contains(name) {
                continue;
            }
            fp += got.len();
            report.push(format!("FP {art}: {name} claimed {got:?}, no status"));
        }
        for m in &lab.mentioned_only {
            let name = norm(&m.party);
            assert!(
                !predicted.contains_key(&(art.clone(), name.clone())),
                "{art}: {name} is mentioned only and must get no claim"
            );
        }
    }
    assert_eq!((fp, fn_), (0, 0), "TP={tp}\n{}", report.join("\n"));
    assert!(tp >= 32, "TP={tp}");

    let turkey = att.party("turkey").expect("Turkey has claims");
    assert!(turkey.conflict, "Turkey's sources disagree");
    let statuses: BTreeSet<&str> = turkey.claims.iter().map(|c| c.status.as_str()).collect();
    assert_eq!(statuses, BTreeSet::from(["boycotted", "not_invited"]));
    let conflicted: Vec<&str> = att
        .parties
        .iter()
        .filter(|p| p.conflict)
        .map(|p| p.id.as_str())
        .collect();
    assert_eq!(conflicted, ["turkey"], "no other party's sources disagree");
}

#[test]
fn every_claim_links_to_a_sentence_anchor_on_its_page() {
    let opts = BuildOptions {
        write: false,
        ..BuildOptions::new(root())
    };
    let prepared = prepare(&opts, &Force::None).unwrap();
    let site = &prepared.site;
    for p in &site.attendance.parties {
        for c in &p.claims {
            let page = site
                .pages
                .iter()
                .find(|pg| pg.path == c.page)
                .expect("the claim's page exists");
            assert!(c.page.starts_with("/briefings/") && c.page.ends_with('/'));
            assert!(
                page.rendered.html.contains(&format!("id=\"{}\"", c.anchor)),
                "{} has no #{} for {}",
                c.page,
                c.anchor,
                p.id
            );
            assert!(
                page.rendered
                    .blocks
                    .iter()
                    .flat_map(|b| &b.sentences)
                    .any(|s| s.anchor == c.anchor && s.text == c.sentence),
                "{}: sentence at #{} differs",
                c.page,
                c.anchor
            );
        }
    }
}

// ---------------------------------------------------------------------------
// Fixtures in other outlets' phrasing.
// ---------------------------------------------------------------------------

#[derive(Debug, Deserialize)]
struct Fixture {
    claims: Vec<FixtureClaim>,
    #[serde(default)]
    optional: Vec<String>,
    #[serde(default)]
    none: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct FixtureClaim {
    party: String,
    status: String,
    #[serde(default)]
    modality: Option<String>,
}

fn fixture_event() -> Event {
    Event {
        name: "International Conference on the Return of Syrian Refugees".into(),
        place: "Damascus".into(),
        start: "2020-11-11".into(),
        end: "2020-11-12".into(),
    }
}

fn fixture_sentences(text: &str) -> Vec<String> {
    text.split("\n\n")
        .flat_map(|p| sentences(&p.split_whitespace().collect::<Vec<_>>().join(" ")))
        .collect()
}

/// Runs one fixture; returns its problems.
fn check_fixture(txt: &Path) -> Vec<String> {
    let g = Gazetteer::embedded();
    let name = txt.file_stem().unwrap().to_string_lossy().to_string();
    let text = std::fs::read_to_string(txt).unwrap();
    let spec: Fixture =
        serde_yaml::from_str(&std::fs::read_to_string(txt.with_extension("yaml")).unwrap())
            .unwrap_or_else(|e| panic!("{name}.yaml: {e}"));
    let id = |n: &str| {
        let i = find_party(g, n).unwrap_or_else(|| panic!("{name}: unknown party {n}"));
        g.parties[i].id.clone()
    };
    let sents = fixture_sentences(&text);
    let got = page_claims(sents.iter().map(String::as_str), g, &fixture_event());
    let mut problems = Vec::new();
    let got_set: BTreeSet<(String, String)> = got
        .iter()
        .map(|c| (g.parties[c.party].id.clone(), c.status.as_str().to_string()))
        .collect();
    let optional: BTreeSet<String> = spec.optional.iter().map(|n| id(n)).collect();
    let mut want_set = BTreeSet::new();
    for w in &spec.claims {
        let pid = id(&w.party);
        want_set.insert((pid.clone(), w.status.clone()));
        let found: Vec<_> = got
            .iter()
            .filter(|c| g.parties[c.party].id == pid && c.status.as_str() == w.status)
            .collect();
        if found.is_empty() {
            problems.push(format!("{name}: missed {pid} {}", w.status));
        } else if let Some(m) = &w.modality
            && !found.iter().any(|c| c.modality.as_str() == m)
        {
            problems.push(format!("{name}: {pid} {} should be {m}", w.status));
        }
    }
    for (pid, st) in &got_set {
        if !want_set.contains(&(pid.clone(), st.clone())) && !optional.contains(pid) {
            let c = got
                .iter()
                .find(|c| &g.parties[c.party].id == pid && c.status.as_str() == st)
                .unwrap();
            problems.push(format!(
                "{name}: extra {pid} {st} [{}] in: {}",
                c.cue, sents[c.sentence]
            ));
        }
    }
    for n in &spec.none {
        let pid = id(n);
        if got_set.iter().any(|(p, _)| *p == pid) {
            problems.push(format!("{name}: {pid} must get no claim"));
        }
    }
    problems
}

#[test]
fn fixtures_in_other_outlets_phrasing() {
    // ATT_FIXTURES=DIR checks another folder of labelled articles the same way.
    let custom = std::env::var_os("ATT_FIXTURES");
    let dir = custom
        .clone()
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("tests/fixtures/attendance"));
    let mut txts: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    txts.sort();
    assert!(custom.is_some() || txts.len() >= 6, "fixtures present");
    let problems: Vec<String> = txts.iter().flat_map(|t| check_fixture(t)).collect();
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

// ---------------------------------------------------------------------------
// data/attendance.json against its schema; data/attendance.csv rows.
// ---------------------------------------------------------------------------

/// Checks `v` against a JSON Schema subset: type (with null), required, properties,
/// additionalProperties (bool), items, enum, minLength, pattern-free. Returns errors.
fn validate(v: &Value, schema: &Value, at: &str, errors: &mut Vec<String>) {
    if let Some(t) = schema.get("type") {
        let types: Vec<&str> = match t {
            Value::String(s) => vec![s.as_str()],
            Value::Array(a) => a.iter().filter_map(Value::as_str).collect(),
            _ => vec![],
        };
        let ok = types.iter().any(|t| match *t {
            "object" => v.is_object(),
            "array" => v.is_array(),
            "string" => v.is_string(),
            "boolean" => v.is_boolean(),
            "null" => v.is_null(),
            "integer" => v.is_i64() || v.is_u64(),
            "number" => v.is_number(),
            _ => false,
        });
        if !ok {
            errors.push(format!("{at}: expected {types:?}, got {v}"));
            return;
        }
    }
    if let Some(Value::Array(allowed)) = schema.get("enum")
        && !allowed.contains(v)
    {
        errors.push(format!("{at}: {v} not in {allowed:?}"));
    }
    if let (Some(min), Some(s)) = (schema.get("minLength").and_then(Value::as_u64), v.as_str())
        && (s.chars().count() as u64) < min
    {
        errors.push(format!("{at}: shorter than {min}"));
    }
    if let Some(prefix) = schema.get("x-startsWith").and_then(Value::as_str)
        && v.as_str().is_some_and(|s| !s.starts_with(prefix))
    {
        errors.push(format!("{at}: does not start with {prefix}"));
    }
    if let Some(obj) = v.as_object() {
        if let Some(Value::Array(req)) = schema.get("required") {
            for r in req.iter().filter_map(Value::as_str) {
                if !obj.contains_key(r) {
                    errors.push(format!("{at}: missing `{r}`"));
                }
            }
        }
        let props = schema.get("properties").and_then(Value::as_object);
        for (k, val) in obj {
            match props.and_then(|p| p.get(k)) {
                Some(s) => validate(val, s, &format!("{at}.{k}"), errors),
                None if schema.get("additionalProperties") == Some(&Value::Bool(false)) => {
                    errors.push(format!("{at}: unexpected `{k}`"))
                }
                None => {}
            }
        }
    }
    if let (Some(items), Some(arr)) = (schema.get("items"), v.as_array()) {
        for (i, item) in arr.iter().enumerate() {
            validate(item, items, &format!("{at}[{i}]"), errors);
        }
    }
}

fn built_outputs() -> BTreeMap<String, Vec<u8>> {
    let opts = BuildOptions {
        write: false,
        ..BuildOptions::new(root())
    };
    let prepared = prepare(&opts, &Force::None).unwrap();
    render_prepared(&prepared, RenderOptions::default())
        .unwrap()
        .into_iter()
        .map(|o| (o.path, o.bytes))
        .collect()
}

#[test]
fn attendance_json_validates_against_the_schema() {
    let outputs = built_outputs();
    let json: Value = serde_json::from_slice(&outputs["data/attendance.json"]).unwrap();
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("tests/data/attendance.schema.json")).unwrap(),
    )
    .unwrap();
    let mut errors = Vec::new();
    validate(&json, &schema, "$", &mut errors);
    assert!(errors.is_empty(), "{}", errors.join("\n"));
    // The validator itself rejects what the schema forbids.
    let mut bad = json.clone();
    bad["parties"][0]["status"] = Value::String("absent".into());
    bad["parties"][0]["claims"][0]
        .as_object_mut()
        .unwrap()
        .remove("sentence");
    let mut errors = Vec::new();
    validate(&bad, &schema, "$", &mut errors);
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert_eq!(json["event"]["place"], "Damascus");
    assert_eq!(json["event"]["start"], "2020-11-11");
}

#[test]
fn attendance_csv_has_a_row_per_claim_and_the_page_links_every_quote() {
    let outputs = built_outputs();
    let json: Value = serde_json::from_slice(&outputs["data/attendance.json"]).unwrap();
    let claims: usize = json["parties"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["claims"].as_array().unwrap().len())
        .sum();
    let csv = String::from_utf8(outputs["data/attendance.csv"].clone()).unwrap();
    assert!(csv.starts_with("party_id,party,kind,iso,status,conflict,"));
    // Quoted fields may hold commas but no newlines: one line per claim.
    assert_eq!(csv.lines().count(), claims + 1);
    let html = String::from_utf8(outputs["attendance/index.html"].clone()).unwrap();
    // The page is minified: attribute quotes may be gone.
    let has = |attr: &str, value: &str| {
        html.contains(&format!("{attr}=\"{value}")) || html.contains(&format!("{attr}={value}"))
    };
    assert!(html.contains("<svg") && has("class", "world-map"));
    assert!(has("id", "conflicts"));
    assert!(has("id", "party-turkey"));
    assert!(has("href", "/briefings/"), "quotes link to their pages");
    let term = String::from_utf8(outputs["countries/turkey/index.html"].clone()).unwrap();
    assert!(
        term.contains("Not invited"),
        "a party's term page shows its status"
    );
}

// ---------------------------------------------------------------------------
// The pipeline: edited page text counts, pins show, a malformed pins file is an error
// with file, line and column.
// ---------------------------------------------------------------------------

fn tiny_site(pins: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join("content/briefings")).unwrap();
    std::fs::create_dir_all(root.join("content/_data")).unwrap();
    std::fs::write(
        root.join("site.yaml"),
        "title: T\nevent:\n  name: The Conference\n  place: Damascus\n  start: \"2020-11-11\"\n  end: \"2020-11-12\"\n",
    )
    .unwrap();
    std::fs::write(
        root.join("content/briefings/edited.md"),
        "---\ntitle: Edited by hand\ndate: 2020-11-12\n---\nJordan did not attend the conference, while Iraq sent a delegation.\n",
    )
    .unwrap();
    std::fs::write(root.join("content/_data/attendance.yaml"), pins).unwrap();
    dir
}

#[test]
fn hand_edited_pages_count_and_pins_are_shown_beside_the_claims() {
    let dir = tiny_site(
        "pins:\n  - party: Jordan\n    status: not_invited\n    note: Checked with the organisers.\n",
    );
    let opts = BuildOptions {
        write: false,
        ..BuildOptions::new(dir.path())
    };
    let prepared = prepare(&opts, &Force::None).unwrap();
    let att = &prepared.site.attendance;
    let jordan = att.party("jordan").unwrap();
    assert_eq!(jordan.status.as_str(), "not_invited", "the pin decides");
    assert_eq!(jordan.claimed_status.map(|s| s.as_str()), Some("boycotted"));
    assert_eq!(jordan.claims.len(), 1);
    assert!(
        jordan.claims[0].seed.is_none(),
        "hand-written pages have no seed"
    );
    assert_eq!(jordan.claims[0].page, "/briefings/edited/");
    assert_eq!(att.party("iraq").unwrap().status.as_str(), "attended");
    let outputs: BTreeMap<String, Vec<u8>> = render_prepared(&prepared, RenderOptions::default())
        .unwrap()
        .into_iter()
        .map(|o| (o.path, o.bytes))
        .collect();
    let html = String::from_utf8(outputs["attendance/index.html"].clone()).unwrap();
    assert!(html.contains("Checked with the organisers."));
    assert!(html.contains("Editor’s decision"));
    let json: Value = serde_json::from_slice(&outputs["data/attendance.json"]).unwrap();
    assert!(json["parties"][0]["claims"][0].get("seed").is_none());
}

#[test]
fn a_malformed_pins_file_fails_the_build_at_its_line_and_column() {
    let dir = tiny_site("pins:\n  - party: Jordan\n    status: stayed_home\n");
    let opts = BuildOptions {
        write: false,
        ..BuildOptions::new(dir.path())
    };
    let err = prepare(&opts, &Force::None).err().expect("the build fails");
    let d = err
        .errors
        .iter()
        .find(|d| d.message.contains("attendance"))
        .expect("a pins diagnostic");
    let loc = d.location.as_ref().unwrap();
    assert_eq!(loc.file, PathBuf::from("content/_data/attendance.yaml"));
    assert_eq!((loc.line, loc.col), (Some(3), Some(13)));
}

#[test]
fn without_an_event_in_site_yaml_the_event_the_texts_state_scopes_the_claims() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join("content/briefings")).unwrap();
    std::fs::write(root.join("site.yaml"), "title: T\n").unwrap();
    for (name, body) in [
        (
            "a",
            "The Lakeside Water Summit opened in Kazan on 22 October 2024. Chile attended the summit in Kazan. Peru attended a meeting in Geneva last week.",
        ),
        (
            "b",
            "Leaders gathered in Kazan for the Lakeside Water Summit on 22 October 2024. Kenya took part in the summit.",
        ),
    ] {
        std::fs::write(
            root.join(format!("content/briefings/{name}.md")),
            format!("---\ntitle: Report {name}\ndate: 2024-10-22\n---\n{body}\n"),
        )
        .unwrap();
    }
    let opts = BuildOptions {
        write: false,
        ..BuildOptions::new(root)
    };
    let prepared = prepare(&opts, &Force::None).unwrap();
    let att = &prepared.site.attendance;
    assert_eq!(
        att.event.place, "Kazan",
        "the place the texts state: {:?}",
        att.event
    );
    assert_eq!(att.party("chile").unwrap().status.as_str(), "attended");
    assert_eq!(att.party("kenya").unwrap().status.as_str(), "attended");
    assert!(
        att.party("peru").is_none(),
        "a meeting in another city is another meeting"
    );
}

// ---------------------------------------------------------------------------
// Lists under a lead-in: the items of a Markdown list after "Here is who is attending:"
// take the lead-in's status; labels between the lists keep it; a paragraph ends it.
// ---------------------------------------------------------------------------

fn list_claims(md: &str) -> BTreeSet<(String, String)> {
    use briefing::analyse::attendance::block_claims;
    let g = Gazetteer::embedded();
    let rendered = briefing::markdown::render(md);
    let sentences = rendered
        .blocks
        .iter()
        .flat_map(|b| b.sentences.iter().map(move |s| (b.kind, s.text.as_str())));
    block_claims(sentences, g, &fixture_event())
        .into_iter()
        .map(|c| (g.parties[c.party].id.clone(), c.status.as_str().to_string()))
        .collect()
}

#[test]
fn list_items_take_the_status_of_their_lead_in() {
    // (pattern, Markdown, claims as "party:status")
    let rows: &[(&str, &str, &[&str])] = &[
        (
            "items under an attending lead-in",
            "Here is who is attending:\n\n- Austrian Chancellor Karl Brenner\n- Queen Rania of Jordan\n",
            &["austria:attended", "jordan:attended"],
        ),
        (
            "a label between two lists keeps the lead-in",
            "These leaders are attending:\n\n## Heads of state\n\n- Kenyan President Samuel Otieno\n\n## Royals\n\n- The King of Bhutan\n",
            &["kenya:attended", "bhutan:attended"],
        ),
        (
            "a staying-away lead-in",
            "These leaders are not attending:\n\n- The Brazilian president\n- Mexico's president\n",
            &["brazil:boycotted", "mexico:boycotted"],
        ),
        (
            "an item that states its own role keeps it",
            "Here is who is attending:\n\n- Chile's president will not attend and sends his foreign minister instead.\n- Peru's president\n",
            &["chile:attended", "peru:attended"],
        ),
        (
            "a paragraph ends the list",
            "Here is who is attending:\n\n- Peru's president\n\nThe summit opens on Monday.\n\n- Bolivia's president\n",
            &["peru:attended"],
        ),
        (
            "a lead-in without a colon gives nothing",
            "Here are some of the leaders who are attending or skipping.\n\n- Peru's president\n",
            &[],
        ),
        (
            "a label paragraph ending in a colon keeps the lead-in, which may name the event's city",
            "As of Friday, these guests were expected in Damascus:\n\nHeads of state:\n\n- Ghana: President Kwame Asante\n- Norway: State Secretary Ingrid Dahl\n",
            &["ghana:attended", "norway:attended"],
        ),
        (
            "a paragraph with a verb ending in a colon ends the lead-in",
            "These guests were expected:\n\nThe talks will open with:\n\n- Ghana: President Kwame Asante\n",
            &[],
        ),
        (
            "a lead-in with no cue gives nothing",
            "Here are the main points of the declaration:\n\n- Ukraine's grain exports\n",
            &[],
        ),
        (
            "a lead-in that names those present at the meeting, without a verb",
            "The complete list of heads of state present at the summit:\n\n- Ghana – Kofi Mensah\n- Marta Ruiz, President of Chile\n",
            &["ghana:attended", "chile:attended"],
        ),
        (
            "short lines without bullets under a lead-in",
            "Here is who is attending:\n\nGhana – Kofi Mensah\n\nPrime Minister of Norway Kari Dahl\n\nThe talks began on Monday.\n",
            &["ghana:attended", "norway:attended"],
        ),
        (
            "the agenda's topics present no one",
            "The topics present at the summit:\n\n- Ukraine's grain exports\n",
            &[],
        ),
        (
            "'Amongst them are:' shares the status of the sentence before",
            "Twenty leaders are currently in Damascus for the conference. Amongst them are:\n\n- Bola Tinubu, Nigeria\n- Paul Biya, Cameroon\n",
            &["nigeria:attended", "cameroon:attended"],
        ),
        (
            "'Among them are:' after a sentence of absence",
            "Several presidents stayed away from the conference. Among them are:\n\n- Paul Biya, Cameroon\n",
            &["cameroon:boycotted"],
        ),
        (
            "'Among them are:' after a sentence with no status gives nothing",
            "The conference has a long history. Among them are:\n\n- Paul Biya, Cameroon\n",
            &[],
        ),
    ];
    for (pattern, md, want) in rows {
        let want: BTreeSet<(String, String)> = want
            .iter()
            .map(|w| {
                let (p, s) = w.split_once(':').expect("party:status");
                (p.to_string(), s.to_string())
            })
            .collect();
        assert_eq!(list_claims(md), want, "{pattern}");
    }
}
