//! A site that stays light at any size: on a site of many briefings, the 404 page is a
//! few links, `_headers` has a handful of rules, the data files are compact JSON, and
//! search is small files a query loads on demand.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use briefing::pipeline::{BuildOptions, build};
use common::{read, real_site};

/// The real site's configuration with `n` short hand-written briefings (no seeds), each
/// naming a country and carrying a word of its own (`marker{i}word`), built into `dist/`.
fn many_briefings(n: usize) -> (tempfile::TempDir, PathBuf) {
    let (tmp, root) = real_site();
    fs::remove_dir_all(root.join("seeds")).unwrap();
    fs::create_dir_all(root.join("seeds")).unwrap();
    let dir = root.join("content/briefings");
    fs::create_dir_all(&dir).unwrap();
    let countries = ["Lebanon", "Syria", "Jordan", "Turkey", "Iraq"];
    for i in 0..n {
        let country = countries[i % countries.len()];
        let text = format!(
            "---\ntitle: Dispatch {i} on refugees in {country}\n\
             description: Dispatch {i}, a short briefing.\n\
             date: 2024-{:02}-{:02}\ncountries:\n- {country}\n---\n\n\
             Officials in {country} met to discuss the return of refugees. The talks, the \
             {i}th of the series, ended without an agreement on marker{i}word.\n",
            1 + i % 12,
            1 + i % 28
        );
        fs::write(dir.join(format!("dispatch-{i}.md")), text).unwrap();
    }
    build(&BuildOptions::new(&root)).expect("the site builds");
    (tmp, root)
}

fn size(path: &Path) -> u64 {
    fs::metadata(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .len()
}

#[test]
fn the_404_page_links_to_a_few_pages_at_any_size() {
    let (_tmp, root) = many_briefings(120);
    let page = read(&root.join("dist/404.html"));
    assert!(size(&root.join("dist/404.html")) <= 100 * 1024);
    let dispatches = page.matches("href=/briefings/dispatch-").count()
        + page.matches("href=\"/briefings/dispatch-").count();
    assert_eq!(dispatches, 5, "the newest five briefings, no more: {page}");
    for link in ["/briefings/", "/search/"] {
        assert!(
            page.contains(&format!("href={link}>")) || page.contains(&format!("href=\"{link}\"")),
            "the 404 page links to {link}"
        );
    }
}

#[test]
fn headers_have_a_handful_of_rules_and_one_cache_control_per_file() {
    let (_tmp, root) = many_briefings(120);
    let dist = root.join("dist");
    assert!(dist.join(".nojekyll").exists());
    let text = read(&dist.join("_headers"));
    let rules: Vec<&str> = text.lines().filter(|l| l.starts_with('/')).collect();
    assert!(rules.len() <= 20, "{} rules: {text}", rules.len());
    // Every fingerprinted asset is cached for a year; `/*` sets no Cache-Control (the
    // hosts would join it with the asset's).
    let assets: Vec<String> = fs::read_dir(&dist)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| briefing::render::publish::is_fingerprinted(n))
        .collect();
    assert!(assets.len() >= 2, "{assets:?}");
    for a in &assets {
        assert!(
            text.contains(&format!(
                "\n/{a}\n  Cache-Control: public, max-age=31536000, immutable\n"
            )),
            "{a}: {text}"
        );
    }
    let catch_all = text[text.find("\n/*\n").unwrap()..]
        .split("\n\n")
        .next()
        .unwrap();
    assert!(!catch_all.contains("Cache-Control"), "{catch_all}");
    let cache_rules = text
        .lines()
        .filter(|l| l.trim_start().starts_with("Cache-Control:"))
        .count();
    assert_eq!(cache_rules, assets.len(), "{text}");
}

#[test]
fn data_files_are_compact_json() {
    let (_tmp, root) = many_briefings(30);
    for name in ["data/summary.json", "data/attendance.json"] {
        let path = root.join("dist").join(name);
        let text = read(&path);
        let _: serde_json::Value = serde_json::from_str(&text).expect(name);
        assert_eq!(text.lines().count(), 1, "{name} is one line");
        assert!(text.ends_with("}\n"), "{name} ends in a newline");
        assert!(
            !text.contains("\": {") && !text.contains(",\n"),
            "{name} is written without indentation"
        );
    }
}

/// The record numbers a folded word occurs in, found as the client finds them: the
/// manifest's shards whose prefix begins the word, then the word in those shards.
fn lookup(search: &Path, word: &str) -> Vec<u64> {
    let manifest: serde_json::Value =
        serde_json::from_str(&read(&search.join("manifest.json"))).unwrap();
    let mut found = Vec::new();
    for prefix in manifest["shards"].as_array().unwrap() {
        let prefix = prefix.as_str().unwrap();
        if !word.starts_with(prefix) {
            continue;
        }
        let name = briefing::render::search::shard_name(prefix);
        let shard: serde_json::Value =
            serde_json::from_str(&read(&search.join(format!("w/{name}.json")))).unwrap();
        if let Some(postings) = shard[word].as_array() {
            found.extend(postings.chunks(5).map(|p| p[0].as_u64().unwrap()));
        }
    }
    found
}

#[test]
fn search_is_split_into_small_files_a_query_finds_its_page_through() {
    let (_tmp, root) = many_briefings(120);
    let search = root.join("dist/search");
    assert!(!search.join("index.json").exists(), "no single index");
    // Every file is small; shards stay under their budget.
    for dir in ["w", "d"] {
        for e in fs::read_dir(search.join(dir)).unwrap() {
            let p = e.unwrap().path();
            assert!(size(&p) <= 1024 * 1024, "{}", p.display());
        }
    }
    assert!(size(&search.join("manifest.json")) <= 64 * 1024);
    // A word of one briefing leads to that briefing's record.
    let found = lookup(&search, "marker77word");
    assert_eq!(found.len(), 1, "{found:?}");
    let record: serde_json::Value =
        serde_json::from_str(&read(&search.join(format!("d/{}.json", found[0])))).unwrap();
    assert_eq!(record["url"], "/briefings/dispatch-77/");
    assert!(record["text"].as_str().unwrap().contains("marker77word"));
    // A country's name finds every briefing naming it and its term page (and the
    // summary pages that name it).
    let jordan = lookup(&search, "jordan");
    assert!(jordan.len() > 120 / 5, "{jordan:?}");
    // Without JavaScript the page links to the archive, not to every briefing.
    let page = read(&search.join("index.html"));
    assert!(!page.contains("dispatch-77"), "the page lists no briefing");
    assert!(page.contains("href=/briefings/>") || page.contains("href=\"/briefings/\""));
}
