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
        .split("Turkey :")
        .nth(1)
        .unwrap_or_else(|| panic!("no Turkey in {differ}"));
    assert!(
        turkey.contains("not invited") && turkey.contains("stayed away"),
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
        v["stated_attendance"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s["party"] == "united-nations" && s["status"] == "observer")
    );
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
