//! The summary built from a copy of the real site (the three seeds and site.yaml):
//! the page holds what a reader must come away with, and every item links to a
//! sentence anchor that exists on its briefing page.

use std::fs;
use std::path::{Path, PathBuf};

use briefing::pipeline::{BuildOptions, build, prepare, render_prepared};
use briefing::render::{Extras, RenderOptions, Renderer, render_site};
use briefing::sync::Force;
use serde_json::Value;

fn site_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    fs::create_dir_all(dir.path().join("seeds")).unwrap();
    for e in fs::read_dir(root.join("seeds")).unwrap() {
        let p = e.unwrap().path();
        fs::copy(&p, dir.path().join("seeds").join(p.file_name().unwrap())).unwrap();
    }
    fs::copy(root.join("site.yaml"), dir.path().join("site.yaml")).unwrap();
    dir
}

fn built() -> (tempfile::TempDir, PathBuf) {
    let dir = site_copy();
    build(&BuildOptions::new(dir.path())).unwrap();
    let dist = dir.path().join("dist");
    (dir, dist)
}

/// The text of an HTML page with tags dropped and whitespace folded.
fn text(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                out.push(' ');
            }
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&amp;", "&")
        .replace("&#39;", "'")
        .replace("&quot;", "\"")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The HTML of the section with `id`, up to the next section.
fn section<'a>(html: &'a str, id: &str) -> &'a str {
    let start = html
        .find(&format!("id={id}>"))
        .or_else(|| html.find(&format!("id={id} ")))
        .or_else(|| html.find(&format!("id=\"{id}\"")))
        .unwrap_or_else(|| panic!("no section #{id}"));
    let rest = &html[start..];
    let end = rest[1..].find("<section").map_or(rest.len(), |i| i + 1);
    &rest[..end]
}

fn has_id(html: &str, id: &str) -> bool {
    [
        format!("id={id}>"),
        format!("id={id} "),
        format!("id=\"{id}\""),
    ]
    .iter()
    .any(|p| html.contains(p.as_str()))
}

fn links(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                if k == "link" {
                    out.push(x.as_str().unwrap().to_string());
                } else {
                    links(x, out);
                }
            }
        }
        Value::Array(a) => a.iter().for_each(|x| links(x, out)),
        _ => {}
    }
}

fn check_link(dist: &Path, link: &str) {
    let (page, anchor) = link
        .split_once('#')
        .unwrap_or_else(|| panic!("no anchor in {link}"));
    assert!(
        page.starts_with("/briefings/") && page.ends_with('/'),
        "{link}"
    );
    let file = dist.join(page.trim_matches('/')).join("index.html");
    let html = fs::read_to_string(&file).unwrap_or_else(|_| panic!("no page for {link}"));
    assert!(has_id(&html, anchor), "#{anchor} is not on {page}");
}

#[test]
fn summary_page_holds_the_key_facts_of_the_seeds() {
    let (_dir, dist) = built();
    let html = fs::read_to_string(dist.join("summary/index.html")).unwrap();
    let all = text(&html);
    let glance = text(section(&html, "glance"));
    for fact in [
        "International Conference on the Return of Syrian Refugees",
        "Damascus",
        "11–12 November 2020",
        "Syria",
        "with Russian backing",
        "Alexander Lavrentiev",
    ] {
        assert!(
            glance.contains(fact),
            "at a glance lacks {fact:?}: {glance}"
        );
    }
    // Attendees, absentees and the UN's role, as the texts state them.
    // The one-line outcome comes from the attendance analysis.
    let outcome = section(&html, "glance")
        .split("class=outcome>")
        .nth(1)
        .expect("an outcome line")
        .split("</p>")
        .next()
        .unwrap();
    let attended = outcome
        .split("attended")
        .nth(1)
        .unwrap()
        .split(';')
        .next()
        .unwrap();
    for p in ["Russia", "Iran", "Venezuela", "China", "Lebanon", "Iraq"] {
        assert!(attended.contains(p), "{p} attended: {outcome}");
    }
    let observer = outcome.split(';').find(|c| c.contains("observer")).unwrap();
    assert!(observer.contains("United Nations"), "{outcome}");
    let away = outcome
        .split(';')
        .find(|c| c.contains("stayed away"))
        .unwrap();
    for p in ["United States", "European Union", "Canada", "Jordan"] {
        assert!(away.contains(p), "{p} stayed away: {outcome}");
    }
    let not_invited = outcome
        .split(';')
        .find(|c| c.contains("not invited"))
        .unwrap();
    assert!(not_invited.contains("Turkey"), "{outcome}");
    // Figures and the disagreements.
    let figures = text(section(&html, "figures"));
    for n in [
        "5.6 million",
        "5.5 million",
        "3.6 million",
        "500,000",
        "23 million",
        "70 percent",
    ] {
        assert!(figures.contains(n), "figures lack {n}");
    }
    assert!(
        figures.contains("Syrians living across Turkey"),
        "{figures}"
    );
    let differ = text(section(&html, "differ"));
    assert!(
        differ.contains("5.6 million") && differ.contains("5.5 million"),
        "{differ}"
    );
    let turkey = differ
        .split("Turkey (listed as")
        .nth(1)
        .unwrap_or_else(|| panic!("no Turkey in {differ}"));
    assert!(
        turkey.contains("Not invited") && turkey.contains("stayed away"),
        "{turkey}"
    );
    let svg = &html[html.find("<svg").expect("a chart")..];
    let svg = &svg[..svg.find("</svg>").unwrap()];
    assert!(
        svg.contains("class=chart")
            && svg.contains("role=group")
            && svg.contains("<title id=chart-title>"),
        "{svg}"
    );
    assert!(
        svg.contains("<desc") && svg.contains("5.5 million · sources differ"),
        "{svg}"
    );
    assert!(
        all.contains("Richard Mills") && all.contains("Washington’s deputy ambassador to the UN")
    );
    assert!(all.contains("Nadia Hardman") && all.contains("Human Rights Watch"));
    // The home page leads with the summary.
    let home = text(&fs::read_to_string(dist.join("index.html")).unwrap());
    assert!(home.contains("The story in brief") && home.contains("The full summary"));
}

#[test]
fn summary_json_has_everything_with_provenance_and_every_link_resolves() {
    let (_dir, dist) = built();
    let v: Value =
        serde_json::from_str(&fs::read_to_string(dist.join("data/summary.json")).unwrap()).unwrap();
    let ev = &v["event"];
    assert_eq!(
        ev["name"]["value"],
        "International Conference on the Return of Syrian Refugees"
    );
    assert_eq!(
        (ev["start"].as_str(), ev["end"].as_str()),
        (Some("2020-11-11"), Some("2020-11-12"))
    );
    assert_eq!(ev["place"]["value"], "Damascus");
    assert_eq!(ev["organiser"]["value"], "Syria");
    assert_eq!(ev["backers"][0]["value"], "Russia");
    assert_eq!(ev["opened_by"][0]["name"], "Alexander Lavrentiev");
    assert!(v["key_points"].as_array().unwrap().len() >= 5);
    assert!(
        v["key_points"]
            .as_array()
            .unwrap()
            .iter()
            .any(|k| k["also"].as_array().unwrap().len() >= 2),
        "one fact told by all three outlets cites all three"
    );
    let figures = v["figures"].as_array().unwrap();
    let diff = v["figure_differences"].as_array().unwrap();
    let numbers: Vec<Vec<&str>> = diff
        .iter()
        .map(|d| {
            d["figures"]
                .as_array()
                .unwrap()
                .iter()
                .map(|i| {
                    figures[i.as_u64().unwrap() as usize]["number"]
                        .as_str()
                        .unwrap()
                })
                .collect()
        })
        .collect();
    assert!(
        numbers
            .iter()
            .any(|n| n.contains(&"5.6 million") && n.contains(&"5.5 million")),
        "{numbers:?}"
    );
    let turkey = v["attendance_differences"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["party"] == "turkey")
        .expect("Turkey differs");
    let statuses: Vec<&str> = turkey["stances"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["status"].as_str().unwrap())
        .collect();
    assert!(
        statuses.contains(&"not_invited") && statuses.contains(&"boycotted"),
        "{statuses:?}"
    );
    assert!(
        v.get("stated_attendance").is_none(),
        "one attendance mechanism"
    );
    differences_are_the_attendance_conflicts(&dist);
    let quotes = v["quotes"].as_array().unwrap();
    let mills = quotes
        .iter()
        .find(|q| q["speaker"] == "Richard Mills")
        .unwrap();
    assert_eq!(mills["role"], "Washington’s deputy ambassador to the UN");
    assert!(
        quotes
            .iter()
            .any(|q| q["speaker"] == "European Union" && q["channel"] == "via a statement")
    );
    let timeline = v["timeline"].as_array().unwrap();
    let when: Vec<&str> = timeline
        .iter()
        .map(|t| t["when"].as_str().unwrap())
        .collect();
    for w in [
        "March 2011",
        "2017",
        "January 2018",
        "2018",
        "October 2020",
        "9 November 2020",
        "11–12 November 2020",
        "30 November – 4 December 2020",
        "end of January 2021",
    ] {
        assert!(when.contains(&w), "timeline lacks {w}: {when:?}");
    }
    let monday = timeline
        .iter()
        .find(|t| t["when"] == "9 November 2020")
        .unwrap();
    assert_eq!(monday["inferred"], true);
    let starts: Vec<&str> = timeline
        .iter()
        .map(|t| t["sort_date"].as_str().unwrap())
        .collect();
    assert!(
        starts.windows(2).all(|w| w[0] <= w[1]),
        "sorted: {starts:?}"
    );
    assert!(
        v["people"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p["name"] == "Nadia Hardman"
                && p["role"].as_str().unwrap().contains("Human Rights Watch"))
    );

    let mut all = Vec::new();
    links(&v, &mut all);
    assert!(all.len() > 50, "{}", all.len());
    for l in &all {
        check_link(&dist, l);
    }
    // The page's own links to sentences resolve too.
    let html = fs::read_to_string(dist.join("summary/index.html")).unwrap();
    let mut n = 0;
    for part in html.split("href=").skip(1) {
        let href = part.trim_start_matches('"');
        let end = href.find(['"', ' ', '>']).unwrap();
        let href = &href[..end];
        if href.starts_with("/briefings/") && href.contains('#') {
            check_link(&dist, href);
            n += 1;
        }
    }
    assert!(n > 50, "{n} sentence links on the page");
}

#[test]
fn voices_follow_the_key_points_lead_with_the_host_and_cite_their_sentences() {
    let (_dir, dist) = built();
    let html = fs::read_to_string(dist.join("summary/index.html")).unwrap();
    let at = |id: &str| {
        html.find(&format!("id={id}>"))
            .or_else(|| html.find(&format!("id={id} ")))
            .unwrap_or_else(|| panic!("no #{id}"))
    };
    assert!(
        at("key-points") < at("voices") && at("voices") < at("differ"),
        "Voices come right after the key points"
    );
    assert!(
        at("voices") < at("quotes"),
        "and before the full list of quotes"
    );
    let voices_html = section(&html, "voices");
    let tag = html[..at("voices")].rfind("<section").unwrap();
    let tag = &html[tag..tag + html[tag..].find('>').unwrap() + 1];
    assert!(
        has_attr_value(tag, "aria-labelledby", "voices-title"),
        "{tag}"
    );
    assert!(voices_html.contains("<h2 id=voices-title>Voices</h2>"));
    let v: Value =
        serde_json::from_str(&fs::read_to_string(dist.join("data/summary.json")).unwrap()).unwrap();
    let voices = v["voices"].as_array().unwrap();
    assert!((3..=6).contains(&voices.len()), "{voices:#?}");
    assert_eq!(voices_html.matches("<figure").count(), voices.len());
    let said = |name: &str| {
        voices
            .iter()
            .find(|x| x["speaker"] == name)
            .unwrap_or_else(|| panic!("{name} is not a voice: {voices:#?}"))
    };
    // The host's leader first; the head of state backing it next.
    assert_eq!(voices[0]["speaker"], "Bashar al-Assad");
    assert_eq!(voices[0]["rank"], "host");
    assert_eq!(voices[0]["party"]["id"], "syria");
    let putin = said("Vladimir Putin");
    assert_eq!(putin["rank"], "head_of_state");
    assert_eq!(putin["role"], "Russian President");
    assert_eq!(putin["party"]["name"], "Russia");
    assert_eq!(said("Josep Borrell")["party"]["id"], "european-union");
    assert_eq!(said("Richard Mills")["party"]["id"], "united-states");
    let order = [
        "host",
        "head_of_state",
        "head_of_organisation",
        "official",
        "other",
    ];
    let ranks: Vec<usize> = voices
        .iter()
        .map(|x| order.iter().position(|r| x["rank"] == *r).unwrap())
        .collect();
    assert!(ranks.windows(2).all(|w| w[0] <= w[1]), "{ranks:?}");
    let quotes = v["quotes"].as_array().unwrap();
    for x in voices {
        // Every voice names its speaker, who speaks for a party the texts name.
        assert!(x["speaker_kind"] != "group", "{x}");
        assert!(x["party"]["id"].is_string(), "no party: {x}");
        assert!(
            quotes.iter().any(|q| q["text"] == x["text"]),
            "a voice is among the quotes: {x}"
        );
        let mut ls = Vec::new();
        links(x, &mut ls);
        assert!(!ls.is_empty());
        for l in &ls {
            check_link(&dist, l);
            assert!(
                voices_html.contains(&format!("href={l}>"))
                    || voices_html.contains(&format!("href=\"{l}\"")),
                "the page cites {l}"
            );
        }
    }
    // Two per speaker at most.
    for x in voices {
        let n = voices
            .iter()
            .filter(|y| y["speaker"] == x["speaker"])
            .count();
        assert!(n <= 2, "{}", x["speaker"]);
    }
}

#[test]
fn attendance_outcome_comes_from_the_attendance_analysis_when_there_is_one() {
    let dir = site_copy();
    let mut opts = BuildOptions::new(dir.path());
    opts.write = false;
    let mut prepared = prepare(&opts, &Force::None).unwrap();
    // Without attendance, no outcome line.
    prepared.site.attendance = Default::default();
    let outputs = render_prepared(&prepared, RenderOptions::default()).unwrap();
    let page = outputs
        .iter()
        .find(|o| o.path == "summary/index.html")
        .unwrap();
    assert!(!String::from_utf8_lossy(&page.bytes).contains("class=outcome"));
    // With an attendance value in the data/attendance.json schema, the line is its outcome.
    let mut extras = Extras::default();
    extras.insert(
        "attendance",
        &serde_json::json!({
            "event": {"name": "X", "place": "Damascus", "start": "2020-11-11", "end": "2020-11-12"},
            "parties": [
                {"id": "russia", "name": "Russia", "kind": "country", "iso": "RU", "status": "attended", "conflict": false, "claims": []},
                {"id": "united-nations", "name": "United Nations", "kind": "organisation", "status": "observer", "conflict": false, "claims": []},
                {"id": "turkey", "name": "Turkey", "kind": "country", "iso": "TR", "status": "not_invited", "conflict": true, "claims": []}
            ]
        }),
    );
    let renderer = Renderer::new(&prepared.theme, &prepared.site.config).unwrap();
    let outputs =
        render_site(&prepared.site, &renderer, &extras, RenderOptions::default()).unwrap();
    let page = String::from_utf8_lossy(
        &outputs
            .iter()
            .find(|o| o.path == "summary/index.html")
            .unwrap()
            .bytes,
    )
    .into_owned();
    assert!(
        text(&page).contains("1 attended (Russia); the United Nations only as an observer; Turkey was not invited (the sources differ on Turkey)."),
        "{}",
        text(section(&page, "glance"))
    );
    let json = outputs
        .iter()
        .find(|o| o.path == "data/summary.json")
        .unwrap();
    let v: Value = serde_json::from_slice(&json.bytes).unwrap();
    assert_eq!(
        v["attendance_outcome"]["observers"][0],
        "the United Nations"
    );
    let home = String::from_utf8_lossy(
        &outputs
            .iter()
            .find(|o| o.path == "index.html")
            .unwrap()
            .bytes,
    )
    .into_owned();
    assert!(text(&home).contains("Turkey was not invited"));
}

/// The summary's attendance differences are exactly the attendance analysis' conflicts:
/// the same parties in the same order, each with the same claims (status, page,
/// anchor, sentence); a party without conflict is never among them; and both pages
/// link every one of those sentences (the summary in its "Where the sources differ",
/// the attendance page in the party's conflict). Returns the number of conflicts.
fn differences_are_the_attendance_conflicts(dist: &Path) -> usize {
    let read = |p: &str| -> Value {
        serde_json::from_str(&fs::read_to_string(dist.join(p)).unwrap()).unwrap()
    };
    let att = read("data/attendance.json");
    let sum = read("data/summary.json");
    let parties = att["parties"].as_array().unwrap();
    let diffs = sum["attendance_differences"].as_array().unwrap();
    let conflicts: Vec<&Value> = parties.iter().filter(|p| p["conflict"] == true).collect();
    let ids = |v: &[&Value]| -> Vec<String> {
        v.iter()
            .map(|p| p["id"].as_str().unwrap().to_string())
            .collect()
    };
    let diff_ids: Vec<String> = diffs
        .iter()
        .map(|d| d["party"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        diff_ids,
        ids(&conflicts),
        "the summary differs where the attendance does"
    );
    let summary_html = fs::read_to_string(dist.join("summary/index.html")).unwrap();
    let attendance_html = fs::read_to_string(dist.join("attendance/index.html")).unwrap();
    for (d, p) in diffs.iter().zip(&conflicts) {
        assert_eq!(d["status"], p["status"]);
        let key = |status: &Value, page: &Value, anchor: &Value, sentence: &Value| {
            format!("{status}|{page}|{anchor}|{sentence}")
        };
        let mut claimed: Vec<String> = p["claims"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| key(&c["status"], &c["page"], &c["anchor"], &c["sentence"]))
            .collect();
        let mut stated: Vec<String> = d["stances"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| {
                let src = &s["source"];
                key(&s["status"], &src["page"], &src["anchor"], &src["sentence"])
            })
            .collect();
        claimed.sort();
        stated.sort();
        assert_eq!(stated, claimed, "the same sentences for {}", d["party"]);
        let id = d["party"].as_str().unwrap();
        let differ = section(&summary_html, "differ");
        let item = &differ[differ
            .find(&format!("differ-{id}"))
            .unwrap_or_else(|| panic!("{id} on the summary"))..];
        let article = &attendance_html[attendance_html
            .find(&format!("id=conflict-{id}"))
            .unwrap_or_else(|| panic!("{id}'s conflict on the attendance page"))..];
        let article = &article[..article.find("</article>").unwrap()];
        for c in p["claims"].as_array().unwrap().iter().take(12) {
            let link = format!(
                "{}#{}",
                c["page"].as_str().unwrap(),
                c["anchor"].as_str().unwrap()
            );
            assert!(item.contains(&link), "the summary links {link} for {id}");
            assert!(
                article.contains(&link),
                "the attendance page links {link} for {id}"
            );
        }
    }
    for p in parties.iter().filter(|p| p["conflict"] == false) {
        let id = p["id"].as_str().unwrap();
        assert!(!diff_ids.iter().any(|d| d == id), "{id} has no conflict");
        assert!(
            !summary_html.contains(&format!("differ-{id}")),
            "{id} has no conflict"
        );
    }
    conflicts.len()
}

/// A copy of a fixture site under `tests/fixtures/`, built.
fn built_fixture(name: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("site");
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(name),
        &root,
    );
    build(&BuildOptions::new(&root)).unwrap();
    (dir, root.join("dist"))
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for e in fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &to.join(e.file_name()));
        } else {
            fs::copy(e.path(), to.join(e.file_name())).unwrap();
        }
    }
}

#[test]
fn outlets_that_disagree_are_shown_alike_on_the_summary_and_the_attendance_page() {
    let (_dir, dist) = built_fixture("disagreement");
    let attended = "Norway attended the talks with a delegation of engineers.";
    let boycotted = "Norway boycotted the talks, citing the cost of the new sea walls.";
    // The attendance page flags Norway, quoting both outlets.
    let att: Value =
        serde_json::from_str(&fs::read_to_string(dist.join("data/attendance.json")).unwrap())
            .unwrap();
    let party = |id: &str| {
        att["parties"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["id"] == id)
            .unwrap_or_else(|| panic!("{id} has a status"))
            .clone()
    };
    let norway = party("norway");
    assert_eq!(norway["conflict"], true);
    let mut said: Vec<(&str, &str)> = norway["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["status"].as_str().unwrap(),
                c["sentence"].as_str().unwrap(),
            )
        })
        .collect();
    said.sort();
    assert_eq!(said, [("attended", attended), ("boycotted", boycotted)]);
    assert_eq!(party("sweden")["conflict"], false);
    let page = fs::read_to_string(dist.join("attendance/index.html")).unwrap();
    let conflicts = text(section(&page, "conflicts"));
    for s in [attended, boycotted] {
        assert!(conflicts.contains(s), "{s:?} in {conflicts}");
    }
    assert!(!conflicts.contains("Sweden"), "{conflicts}");
    // The summary lists the same party with the same sentences, and Sweden not at all.
    let html = fs::read_to_string(dist.join("summary/index.html")).unwrap();
    let differ = text(section(&html, "differ"));
    assert!(differ.contains("Norway"), "{differ}");
    for s in [attended, boycotted] {
        assert!(differ.contains(s), "{s:?} in {differ}");
    }
    assert!(!differ.contains("Sweden"), "{differ}");
    assert_eq!(differences_are_the_attendance_conflicts(&dist), 1);
}

#[test]
fn the_configured_event_is_at_a_glance_when_no_article_names_it() {
    let (_dir, dist) = built_fixture("winter_games");
    let html = fs::read_to_string(dist.join("summary/index.html")).unwrap();
    let glance = text(section(&html, "glance"));
    for fact in [
        "XXV Olympic Winter Games",
        "Milan and Cortina d'Ampezzo",
        "6–22 February 2026",
    ] {
        assert!(
            glance.contains(fact),
            "at a glance lacks {fact:?}: {glance}"
        );
    }
    assert!(has_attr_value(&html, "datetime", "2026-02-06"));
    let v: Value =
        serde_json::from_str(&fs::read_to_string(dist.join("data/summary.json")).unwrap()).unwrap();
    let ev = &v["event"];
    assert_eq!(ev["name"]["value"], "XXV Olympic Winter Games");
    assert_eq!(ev["place"]["value"], "Milan and Cortina d'Ampezzo");
    assert_eq!(ev["dates"]["value"], "6–22 February 2026");
    assert_eq!(
        (ev["start"].as_str(), ev["end"].as_str()),
        (Some("2026-02-06"), Some("2026-02-22"))
    );
    assert_eq!(ev["configured"], true);
    // The texts never name it: no sentence is cited for the name.
    assert_eq!(ev["name"]["sources"].as_array().unwrap().len(), 0);
    let title = &html[html.find("<title>").unwrap()..html.find("</title>").unwrap()];
    assert!(title.contains("XXV Olympic Winter Games"), "{title}");
}

fn has_attr_value(html: &str, name: &str, value: &str) -> bool {
    html.contains(&format!("{name}=\"{value}\""))
        || html.contains(&format!("{name}={value}>"))
        || html.contains(&format!("{name}={value} "))
}

#[test]
fn outcome_event_figures_and_next_steps_of_a_summit() {
    let (_dir, dist) = built_fixture("harbour_summit");
    let html = fs::read_to_string(dist.join("summary/index.html")).unwrap();
    // Event figures first in At a glance; the two outlets' counts cannot both be right.
    let glance = text(section(&html, "glance"));
    let how_many = glance
        .split("How many")
        .nth(1)
        .and_then(|g| g.split("Event").next())
        .unwrap_or_else(|| panic!("no event figures first: {glance}"));
    assert!(
        glance.find("How many") < glance.find("Event"),
        "event figures lead: {glance}"
    );
    for s in [
        "around 60 countries took part sources differ Sea Wire",
        "41 countries took part sources differ Coast Post",
        "41 countries expected Port Review",
    ] {
        assert!(how_many.contains(s), "{s:?} in {how_many}");
    }
    // The outcome: the declaration, what it says, who signed and who did not.
    let outcome = text(section(&html, "outcome"));
    for s in [
        "Valletta Declaration adopted",
        "The declaration calls for a joint coastguard fund within two years.",
        "Signed by 39 countries Sea Wire",
        "Did not sign: India, Brazil Coast Post",
    ] {
        assert!(outcome.contains(s), "{s:?} in {outcome}");
    }
    // What comes next, each with its outlet.
    let next = text(section(&html, "next"));
    for s in [
        "The next summit will be held in Lisbon in 2027, the hosts announced. Coast Post",
        "A follow-up committee will report to the ministers by the end of the year. Sea Wire",
    ] {
        assert!(next.contains(s), "{s:?} in {next}");
    }
    assert!(!next.contains("weather"), "{next}");
    // The differing counts, with their sentences, where the sources differ.
    let differ = text(section(&html, "differ"));
    assert!(
        differ.contains("How many countries took part")
            && differ
                .contains("“Around 60 countries took part in the Harbour Summit, the hosts said.”")
            && differ.contains(
                "“Leaders of 41 countries gathered in Valletta for the Harbour Summit on Saturday.”"
            ),
        "{differ}"
    );
    // The same in data/summary.json, every source a sentence anchor that exists.
    let v: Value =
        serde_json::from_str(&fs::read_to_string(dist.join("data/summary.json")).unwrap()).unwrap();
    let docs = v["outcome"].as_array().unwrap();
    assert_eq!(docs.len(), 1, "{docs:?}");
    assert_eq!(docs[0]["name"], "Valletta Declaration");
    assert_eq!(docs[0]["not_signed"][0]["party"], "india");
    assert_eq!(v["participants"].as_array().unwrap().len(), 3);
    assert_eq!(
        v["participant_differences"][0]["figures"],
        serde_json::json!([0, 1])
    );
    assert_eq!(v["next_steps"].as_array().unwrap().len(), 2);
    let mut links = vec![docs[0]["source"]["link"].as_str().unwrap().to_string()];
    for part in ["participants", "next_steps"] {
        for x in v[part].as_array().unwrap() {
            links.push(x["source"]["link"].as_str().unwrap().to_string());
        }
    }
    for p in docs[0]["points"].as_array().unwrap() {
        links.push(p["source"]["link"].as_str().unwrap().to_string());
    }
    for l in &links {
        check_link(&dist, l);
    }
}

/// A leader's appeal in the reporter's words is a voice, marked as reported, and the
/// page builds (its links check) when no briefing has a quote at all.
#[test]
fn a_reported_appeal_is_a_voice_without_any_quote() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("seeds")).unwrap();
    fs::write(
        dir.path().join("seeds/harbour.txt"),
        "Leaders meet in Suva\n\nLeaders of Pacific states met in Suva on Monday for the Harbour Summit.\n\n\
         Fijian Prime Minister Sitiveni Rabuka called on rich nations to fund sea walls across the region.\n",
    )
    .unwrap();
    build(&BuildOptions::new(dir.path())).unwrap();
    let html = fs::read_to_string(dir.path().join("dist/summary/index.html")).unwrap();
    let voices = text(section(&html, "voices"));
    assert!(
        voices.contains("called on rich nations to fund sea walls")
            && voices.contains("as reported"),
        "{voices}"
    );
    assert!(
        !html.contains("href=\"#quotes\""),
        "no Quotes section to link to"
    );
}
