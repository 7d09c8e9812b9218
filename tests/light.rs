//! A site that stays light at any size: on a site of many briefings, the 404 page is a
//! few links, `_headers` has a handful of rules, and the data files are compact JSON.

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
