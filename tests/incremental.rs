//! The analysis cache: after each kind of edit (a title, a body sentence, a page added,
//! removed, dates reordering the briefings, the event changed), analysing with the
//! cache of the site before the edit gives exactly (`==`) the taxonomies, attendance
//! and summary of analysing from scratch, and reads again only the pages that changed.
//! The site is the real one (three seeds, `site.yaml`, the attendance pins) plus
//! synthetic variants of the seeds, so that most pages are reused.

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use briefing::analyse::cache::{AnalysisCache, CacheStats};
use briefing::analyse::gazetteer::Gazetteer;
use briefing::analyse::{Site, arrange_with_taxonomies, attendance, summary};
use briefing::config::SiteConfig;
use briefing::content::Page;
use briefing::load::TextFile;
use briefing::pipeline::{BuildOptions, analyse_site, load_file, load_site};
use briefing::sync::Force;

/// The real site with six synthetic variants of its seeds (as `scripts/synth_site.sh`
/// makes them), ingested in memory.
struct Fixture {
    _dir: tempfile::TempDir,
    config: SiteConfig,
    files: Vec<(TextFile, Page)>,
    data: BTreeMap<String, TextFile>,
}

fn fixture() -> Fixture {
    let (dir, root) = common::real_site();
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    fs::create_dir_all(root.join("content/_data")).unwrap();
    fs::copy(
        repo.join("content/_data/attendance.yaml"),
        root.join("content/_data/attendance.yaml"),
    )
    .unwrap();
    let mut real: Vec<PathBuf> = fs::read_dir(repo.join("seeds"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    real.sort();
    for k in 0..6 {
        let text = fs::read_to_string(&real[k % real.len()]).unwrap();
        fs::write(
            root.join(format!("seeds/9{k:02}_synth.txt")),
            format!("Dispatch {k}: {text}\nThis is dispatch {k} of 6 in the synthetic briefing.\n"),
        )
        .unwrap();
    }
    let loaded = load_site(&BuildOptions::new(&root), &Force::None).expect("the site loads");
    let files: Vec<(TextFile, Page)> = loaded
        .files
        .into_iter()
        .filter_map(|(f, p)| p.unwrap().map(|p| (f, p)))
        .collect();
    assert_eq!(files.iter().filter(|(_, p)| p.is_briefing()).count(), 9);
    Fixture {
        _dir: dir,
        config: loaded.config,
        files,
        data: loaded.data,
    }
}

impl Fixture {
    fn pages(&self) -> Vec<Page> {
        self.files.iter().map(|(_, p)| p.clone()).collect()
    }

    /// Index (in `files`) of the `n`th briefing.
    fn briefing(&self, n: usize) -> usize {
        (0..self.files.len())
            .filter(|&k| self.files[k].1.is_briefing())
            .nth(n)
            .unwrap()
    }

    /// The page of file `k` with its text edited by `edit`, parsed again.
    fn edited(&self, k: usize, edit: impl Fn(&str) -> String) -> Page {
        let file = &self.files[k].0;
        let text = edit(&file.text);
        assert_ne!(text, file.text, "the edit changes the file");
        self.parse(&file.rel, text)
    }

    fn parse(&self, rel: &Path, text: String) -> Page {
        let file = TextFile {
            rel: rel.to_path_buf(),
            text,
        };
        load_file(&file, &self.config, false).unwrap().unwrap()
    }
}

/// The analysis from scratch, by the stage functions without a cache.
fn scratch(config: &SiteConfig, pages: Vec<Page>, data: &BTreeMap<String, TextFile>) -> Site {
    let g = Gazetteer::embedded();
    let mut site = arrange_with_taxonomies(config.clone(), pages, g);
    site.attendance = attendance::build(&site, data.get("attendance"), g).unwrap();
    site.summary = summary::summarise(&site, g);
    site
}

/// Analyses with `cache`, checks the result equals the analysis from scratch and the
/// cache's counts, and returns the new cache.
fn check(
    what: &str,
    config: &SiteConfig,
    pages: Vec<Page>,
    data: &BTreeMap<String, TextFile>,
    cache: &AnalysisCache,
    want: CacheStats,
) -> AnalysisCache {
    let (site, next) = analyse_site(config.clone(), pages.clone(), data, cache).unwrap();
    let fresh = scratch(config, pages, data);
    assert_eq!(site.pages, fresh.pages, "{what}: pages");
    assert_eq!(site.briefings, fresh.briefings, "{what}: briefings");
    assert_eq!(site.others, fresh.others, "{what}: others");
    assert!(site.taxonomies == fresh.taxonomies, "{what}: taxonomies");
    assert!(site.attendance == fresh.attendance, "{what}: attendance");
    assert!(site.summary == fresh.summary, "{what}: summary");
    assert!(!site.summary.is_empty() && !site.attendance.parties.is_empty());
    assert_eq!(next.stats(), want, "{what}: cache hits and misses");
    assert_eq!(next.len(), site.briefings.len(), "{what}: cache size");
    next
}

fn stats(hits: usize, misses: usize) -> CacheStats {
    CacheStats { hits, misses }
}

/// A warm cache of the unedited site.
fn warm(fx: &Fixture) -> AnalysisCache {
    let cold = check(
        "from scratch",
        &fx.config,
        fx.pages(),
        &fx.data,
        &AnalysisCache::default(),
        stats(0, 9),
    );
    check(
        "nothing changed",
        &fx.config,
        fx.pages(),
        &fx.data,
        &cold,
        stats(9, 0),
    )
}

#[test]
fn an_edited_title_reads_one_page_again_and_equals_a_fresh_analysis() {
    let fx = fixture();
    let cache = warm(&fx);
    let mut pages = fx.pages();
    let k = fx.briefing(4);
    pages[k].front.title = "A title edited in the editor".into();
    check("title", &fx.config, pages, &fx.data, &cache, stats(8, 1));
}

#[test]
fn an_edited_sentence_reads_one_page_again_and_equals_a_fresh_analysis() {
    let fx = fixture();
    let cache = warm(&fx);
    // A sentence of a synthetic variant (its words are in other pages too: the
    // vocabulary and every ranking shift) and one of a real seed's page.
    for (n, from, to) in [
        (
            0,
            "Syrian refugees",
            "Syrian people displaced abroad, Turkey did not attend,",
        ),
        (8, "refugee", "returnee"),
    ] {
        let mut pages = fx.pages();
        let k = fx.briefing(n);
        let body = |t: &str| {
            let at = t.find("\n---").unwrap() + 4;
            format!("{}{}", &t[..at], t[at..].replacen(from, to, 1))
        };
        pages[k] = fx.edited(k, body);
        check("sentence", &fx.config, pages, &fx.data, &cache, stats(8, 1));
    }
}

#[test]
fn an_added_removed_or_reordered_page_equals_a_fresh_analysis() {
    let fx = fixture();
    let cache = warm(&fx);

    // Added: page indices after it shift, and it brings claims, quotes and dates.
    let mut pages = fx.pages();
    pages.push(
        fx.parse(
            Path::new("content/briefings/aaa-extra.md"),
            "---\ntitle: An extra briefing\ndate: 2020-11-13\nsource: Wire Extra\n---\n\
         Turkey did not attend the conference in Damascus on 11 November 2020, while \
         Lebanon attended. “We want all refugees to return home,” said Bashar al-Assad.\n"
                .into(),
        ),
    );
    let added = check("added", &fx.config, pages, &fx.data, &cache, stats(9, 1));

    // Removed: the cache forgets it.
    let mut pages = fx.pages();
    pages.remove(fx.briefing(2));
    check("removed", &fx.config, pages, &fx.data, &cache, stats(8, 0));

    // Reordered: pages given in another order, and a date that moves one briefing
    // from the end of the newest-first list to its start.
    let mut pages = fx.pages();
    pages.reverse();
    let k = fx.briefing(3);
    let redated = fx.edited(k, |t| {
        let at = t.find("\ndate: ").unwrap() + 7;
        format!("{}2021-01-01{}", &t[..at], &t[at + 10..])
    });
    let pos = pages.iter().position(|p| p.path == redated.path).unwrap();
    pages[pos] = redated;
    check(
        "reordered",
        &fx.config,
        pages,
        &fx.data,
        &cache,
        stats(8, 1),
    );

    // One after the other, each with the cache of the step before (as `serve` does).
    let back = check(
        "the extra page removed again",
        &fx.config,
        fx.pages(),
        &fx.data,
        &added,
        stats(9, 0),
    );
    let mut pages = fx.pages();
    pages[fx.briefing(5)].front.title = "Edited after".into();
    check(
        "then a title",
        &fx.config,
        pages,
        &fx.data,
        &back,
        stats(8, 1),
    );
}

#[test]
fn another_event_reuses_nothing() {
    let fx = fixture();
    let cache = warm(&fx);
    let mut config = fx.config.clone();
    config.event.as_mut().unwrap().place = "Geneva".into();
    check(
        "event place",
        &config,
        fx.pages(),
        &fx.data,
        &cache,
        stats(0, 9),
    );
    config.event = None;
    check(
        "no event",
        &config,
        fx.pages(),
        &fx.data,
        &cache,
        stats(0, 9),
    );
}
