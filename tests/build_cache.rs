//! The build cache (`.briefing-cache/`: the ingest record and the per-briefing
//! analyses): a build that reuses it writes exactly (byte for byte) the `dist/` and pages
//! of a `--no-cache` build after each kind of edit, and after a cache file is cut short
//! or changed; `--no-cache` neither reads nor writes it.

mod common;

use std::fs;
use std::path::Path;

use assert_cmd::Command;

/// Runs a build that must succeed; returns its standard error and output.
fn build(root: &Path, out: &Path, extra: &[&str]) -> String {
    let output = Command::cargo_bin("briefing")
        .unwrap()
        .arg("--root")
        .arg(root)
        .arg("build")
        .arg("--output")
        .arg(out)
        .args(extra)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "build failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stderr),
        String::from_utf8_lossy(&output.stdout)
    )
}

fn renders_file(root: &Path) -> std::path::PathBuf {
    root.join(".briefing-cache/renders.tsv")
}

/// The line `--timings` prints about the build cache.
fn cache_line(out: &str) -> &str {
    out.lines()
        .find(|l| l.contains("from the build cache:"))
        .unwrap_or_else(|| panic!("no cache line in {out}"))
}

fn cache_file(root: &Path) -> std::path::PathBuf {
    root.join(".briefing-cache/ingest.tsv")
}

/// The parts of the stored analyses, by file name, with their bytes.
fn analyses_parts(root: &Path) -> Vec<(String, Vec<u8>)> {
    let mut parts: Vec<(String, Vec<u8>)> = fs::read_dir(root.join(".briefing-cache/analyses"))
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            let name = e.file_name().to_string_lossy().into_owned();
            (name, fs::read(e.path()).unwrap())
        })
        .collect();
    parts.sort();
    parts
}

/// When each part of the stored analyses was last written, by file name.
fn analyses_written(root: &Path) -> Vec<(String, std::time::SystemTime)> {
    let mut times: Vec<_> = fs::read_dir(root.join(".briefing-cache/analyses"))
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            let name = e.file_name().to_string_lossy().into_owned();
            (name, e.metadata().unwrap().modified().unwrap())
        })
        .collect();
    times.sort();
    times
}

/// How many bytes the stored analyses take.
fn analyses_size(root: &Path) -> usize {
    analyses_parts(root).iter().map(|(_, b)| b.len()).sum()
}

/// Builds with the cache (into the same folder each time, so that unchanged pages can be
/// taken from the last build) and without it (into a folder of its own), and asserts
/// both give the same `dist/` and the same pages; returns the cached build's standard
/// error and output.
fn same_with_and_without(root: &Path, scratch: &Path, step: &str) -> String {
    let cached = scratch.join("cached");
    let plain = scratch.join(format!("{step}-plain"));
    let err = build(root, &cached, &["--timings"]);
    let pages = common::snapshot(&root.join("content"));
    build(root, &plain, &["--no-cache"]);
    assert_eq!(
        common::snapshot(&cached),
        common::snapshot(&plain),
        "{step}: dist/ differs with the cache"
    );
    assert_eq!(
        pages,
        common::snapshot(&root.join("content")),
        "{step}: a --no-cache build changed the pages the cached build wrote"
    );
    err
}

#[test]
fn a_cached_build_equals_a_no_cache_build_after_each_edit() {
    let (dir, root) = common::real_site();
    let scratch = dir.path().join("out");
    // First build: no cache yet; it writes one with a line per seed.
    same_with_and_without(&root, &scratch, "first");
    let record = fs::read_to_string(cache_file(&root)).unwrap();
    let seeds = fs::read_dir(root.join("seeds")).unwrap().count();
    assert_eq!(record.lines().count(), seeds + 2, "{record}");
    let analyses = analyses_parts(&root);
    assert_eq!(analyses.len(), 64);
    assert!(
        analyses
            .iter()
            .all(|(_, b)| b.starts_with(b"briefing analyses"))
    );

    // Nothing changed: every seed is current, every analysis reused (and not rewritten).
    let before = analyses_written(&root);
    let out = same_with_and_without(&root, &scratch, "unchanged");
    assert_eq!(
        analyses_written(&root),
        before,
        "an unchanged site rewrote its analyses"
    );
    // Every seed, analysis and page came from the cache: briefings and listings alike.
    let briefings = common::briefing_pages(&root).len();
    let line = cache_line(&out);
    assert!(
        line.contains(&format!("{seeds} of {seeds} seeds' pages"))
            && line.contains(&format!("{briefings} of {briefings} briefings' analyses")),
        "{line}"
    );
    let pages: usize = line
        .trim_end_matches(" pages")
        .rsplit(' ')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    assert!(pages > briefings, "{line}");
    assert_eq!(analyses_parts(&root), analyses);

    // A seed edited: its page is regenerated, as without the cache.
    let seed = fs::read_dir(root.join("seeds"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .min()
        .unwrap();
    let text = fs::read_to_string(&seed).unwrap();
    fs::write(&seed, format!("{text}\nOman attended the conference.\n")).unwrap();
    same_with_and_without(&root, &scratch, "seed edited");
    // Only the parts that held the page's old analysis and hold its new one are written.
    let rewritten = analyses_written(&root)
        .iter()
        .zip(&before)
        .filter(|(now, was)| now != was)
        .count();
    assert!((1..=2).contains(&rewritten), "{rewritten} parts rewritten");
    let page = common::briefing_pages(&root)
        .into_iter()
        .map(|p| fs::read_to_string(root.join("content/briefings").join(p)).unwrap())
        .find(|t| t.contains("Oman attended the conference."));
    assert!(page.is_some(), "the edited seed's page was regenerated");

    // A page edited by hand: kept, as without the cache.
    let first = common::first_briefing(&root);
    let path = root.join("content/briefings").join(format!("{first}.md"));
    let edited =
        fs::read_to_string(&path)
            .unwrap()
            .replacen("\n---\n", "\n---\nAn editor's note.\n\n", 1);
    fs::write(&path, &edited).unwrap();
    same_with_and_without(&root, &scratch, "page edited");
    assert_eq!(fs::read_to_string(&path).unwrap(), edited);

    // A new seed.
    fs::write(
        root.join("seeds/zz_new.txt"),
        "Talks on refugees open in Damascus\n\nJordan stayed away from the conference.\n",
    )
    .unwrap();
    same_with_and_without(&root, &scratch, "seed added");

    // A template of the site's own: every page that uses it is rendered again.
    let theme = Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/briefing/templates");
    let template = fs::read_to_string(theme.join("briefing.html")).unwrap();
    fs::create_dir_all(root.join("templates")).unwrap();
    fs::write(
        root.join("templates/briefing.html"),
        template.replacen(
            "{% block content %}",
            "{% block content %}<p>Desk copy.</p>",
            1,
        ),
    )
    .unwrap();
    same_with_and_without(&root, &scratch, "template added");
    let page = scratch
        .join("cached/briefings")
        .join(&first)
        .join("index.html");
    assert!(fs::read_to_string(&page).unwrap().contains("Desk copy."));

    // An output changed by hand after the build: not taken as the page.
    fs::write(&page, "<p>changed in dist</p>").unwrap();
    same_with_and_without(&root, &scratch, "output changed");

    // Another event in site.yaml: the claims were read against the old one.
    let config = fs::read_to_string(root.join("site.yaml")).unwrap();
    fs::write(
        root.join("site.yaml"),
        config.replace("place: Damascus", "place: Beirut"),
    )
    .unwrap();
    same_with_and_without(&root, &scratch, "event changed");

    // A page deleted (and its seed, so that it stays gone).
    fs::remove_file(root.join("seeds/zz_new.txt")).unwrap();
    let gone = common::briefing_pages(&root)
        .into_iter()
        .find(|p| {
            fs::read_to_string(root.join("content/briefings").join(p))
                .unwrap()
                .contains("seed: zz_new.txt")
        })
        .expect("the added seed's page");
    fs::remove_file(root.join("content/briefings").join(gone)).unwrap();
    let stored = analyses_size(&root);
    same_with_and_without(&root, &scratch, "page deleted");
    assert!(analyses_size(&root) < stored);
}

#[test]
fn a_damaged_cache_is_reported_and_ignored() {
    let (dir, root) = common::real_site();
    let scratch = dir.path().join("out");
    build(&root, &scratch.join("warm"), &[]);
    let record = fs::read_to_string(cache_file(&root)).unwrap();
    fs::write(cache_file(&root), &record[..record.len() / 2]).unwrap();
    let err = same_with_and_without(&root, &scratch, "truncated");
    assert!(
        err.contains("the build cache is damaged and was not used")
            && err.contains(".briefing-cache/ingest.tsv"),
        "{err}"
    );
    // The build wrote a whole cache again.
    let again = fs::read_to_string(cache_file(&root)).unwrap();
    assert_eq!(again, record);
}

#[test]
fn damaged_analyses_are_reported_and_ignored() {
    let (dir, root) = common::real_site();
    let scratch = dir.path().join("out");
    build(&root, &scratch.join("warm"), &[]);
    // The part that holds the most analyses.
    let (name, stored) = analyses_parts(&root)
        .into_iter()
        .max_by_key(|(_, b)| b.len())
        .unwrap();
    let file = root.join(".briefing-cache/analyses").join(&name);
    let mut changed = stored.clone();
    let middle = changed.len() / 2;
    changed[middle] ^= 0x20;
    for (step, bytes) in [
        ("cut short", &stored[..stored.len() / 2]),
        ("changed", &changed[..]),
    ] {
        fs::write(&file, bytes).unwrap();
        let err = same_with_and_without(&root, &scratch, step);
        assert!(
            err.contains("the build cache is damaged and was not used")
                && err.contains(&format!(".briefing-cache/analyses/{name}")),
            "{step}: {err}"
        );
        // The build stored that part's analyses again.
        assert_eq!(fs::read(&file).unwrap(), stored, "{step}");
    }
}

#[test]
fn a_damaged_record_of_renders_is_reported_and_ignored() {
    let (dir, root) = common::real_site();
    let scratch = dir.path().join("out");
    same_with_and_without(&root, &scratch, "warm");
    let record = fs::read_to_string(renders_file(&root)).unwrap();
    assert!(record.lines().count() > 3, "{record}");
    fs::write(renders_file(&root), &record[..record.len() / 2]).unwrap();
    let out = same_with_and_without(&root, &scratch, "cut short");
    assert!(
        out.contains("the build cache is damaged and was not used")
            && out.contains(".briefing-cache/renders.tsv"),
        "{out}"
    );
    assert!(cache_line(&out).ends_with(" 0 pages"), "{out}");
    assert_eq!(fs::read_to_string(renders_file(&root)).unwrap(), record);
}

#[test]
fn no_cache_neither_reads_nor_writes_it() {
    let (dir, root) = common::real_site();
    build(&root, &dir.path().join("a"), &["--no-cache"]);
    assert!(!root.join(".briefing-cache").exists());
    // A cache of nonsense is not even read.
    fs::create_dir_all(root.join(".briefing-cache")).unwrap();
    fs::write(cache_file(&root), "garbage").unwrap();
    let err = build(&root, &dir.path().join("b"), &["--no-cache"]);
    assert!(!err.contains("build cache"), "{err}");
    assert_eq!(fs::read_to_string(cache_file(&root)).unwrap(), "garbage");
}

#[test]
fn a_cache_that_cannot_be_written_costs_only_a_warning() {
    let (dir, root) = common::real_site();
    // A file where the cache folder would be: nothing can be written under it.
    fs::write(root.join(".briefing-cache"), "not a folder").unwrap();
    let out = same_with_and_without(&root, &dir.path().join("out"), "unwritable");
    assert!(
        out.contains("the next build reads every seed and briefing again"),
        "{out}"
    );
    assert!(out.contains("built 3 briefings"), "{out}");
}
