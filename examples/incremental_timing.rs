//! Times the analysis of a site on disk from scratch and again after editing one
//! briefing, with the analysis cache of the unedited site: `cargo run --release
//! --example incremental_timing -- DIR [RUNS]`. Everything runs on one thread. Prints
//! the median and the fastest of RUNS (default 5) per stage — per-page work
//! (fingerprints, and reading the pages the cache does not have), then the cross-page
//! taxonomies, attendance and summary — for: from scratch, nothing changed, one title
//! edited, one body sentence edited (on a busy machine the fastest run is the better
//! guess at a quiet one). Checks that each cached result equals the from-scratch one.
use std::time::{Duration, Instant};

use briefing::analyse::analyse;
use briefing::analyse::cache::AnalysisCache;
use briefing::analyse::gazetteer::Gazetteer;
use briefing::analyse::{Site, arrange, attendance, summary, taxonomies};
use briefing::content::Page;
use briefing::load::TextFile;
use briefing::pipeline::{BuildOptions, load_file, load_site};
use briefing::sync::Force;

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

type Times = Vec<(&'static str, Vec<Duration>)>;

fn lap(times: &mut Times, name: &'static str, t: Instant) {
    let d = t.elapsed();
    match times.iter_mut().find(|(n, _)| *n == name) {
        Some((_, v)) => v.push(d),
        None => times.push((name, vec![d])),
    }
}

/// `analyse::analyse`, stage by stage.
fn analyse_timed(
    pages: Vec<Page>,
    config: &briefing::config::SiteConfig,
    pins: Option<&TextFile>,
    cache: &AnalysisCache,
    times: &mut Times,
) -> (Site, AnalysisCache) {
    let g = Gazetteer::embedded();
    let all = Instant::now();
    let t = Instant::now();
    let pins = attendance::pins_of(pins, g).expect("pins");
    let mut site = arrange(config.clone(), pages);
    let event = attendance::event_of(&site.config);
    let (analyses, cache) = cache.analyses(&site, g, &event);
    lap(times, "per page (fingerprints, misses)", t);
    let t = Instant::now();
    site.taxonomies = taxonomies(
        &site.briefings,
        &analyses.iter().map(|a| &a.terms).collect::<Vec<_>>(),
    );
    lap(times, "taxonomies", t);
    let t = Instant::now();
    let claims: Vec<&[_]> = analyses.iter().map(|a| a.claims.as_slice()).collect();
    site.attendance = attendance::assemble(&site, &pins, g, event, &claims);
    lap(times, "attendance", t);
    let t = Instant::now();
    let readings: Vec<(usize, &summary::reading::Reading)> = site
        .briefings
        .iter()
        .zip(&analyses)
        .map(|(&i, a)| (i, &a.reading))
        .collect();
    site.summary =
        summary::summarise_readings(&readings, g, &site.attendance, site.config.event.as_ref());
    lap(times, "summary", t);
    lap(times, "total", all);
    (site, cache)
}

fn same(a: &Site, b: &Site) {
    assert!(a.taxonomies == b.taxonomies, "taxonomies differ");
    assert!(a.attendance == b.attendance, "attendance differs");
    assert!(a.summary == b.summary, "summary differs");
}

fn report(title: &str, times: Times) {
    println!("{title} (median, fastest)");
    for (name, v) in times {
        let fastest = v.iter().min().copied().unwrap_or_default();
        println!("  {:>9.1?}  {:>9.1?}  {name}", median(v), fastest);
    }
}

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = args.next().expect("usage: incremental_timing DIR [RUNS]");
    let runs: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(5);
    rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build_global()
        .expect("one thread");
    let loaded = load_site(&BuildOptions::new(dir), &Force::None).expect("the site loads");
    let config = loaded.config.clone();
    let pins = loaded.data.get("attendance");
    let files: Vec<(TextFile, Page)> = loaded
        .files
        .into_iter()
        .filter_map(|(f, p)| p.ok().flatten().map(|p| (f, p)))
        .collect();
    let pages: Vec<Page> = files.iter().map(|(_, p)| p.clone()).collect();
    // The edited briefing: one in the middle of the site.
    let briefings: Vec<usize> = (0..files.len())
        .filter(|&k| files[k].1.is_briefing())
        .collect();
    let k = briefings[briefings.len() / 2];
    let mut retitled = pages.clone();
    retitled[k].front.title.push_str(" (edited)");
    let mut reworded = pages.clone();
    let file = &files[k].0;
    let body_from = file.text.find("\n---").map_or(0, |i| i + 4);
    let (head, body) = file.text.split_at(body_from);
    let word = ["refugees", "conference", "the"]
        .into_iter()
        .find(|w| body.contains(&format!(" {w} ")))
        .expect("a word to change");
    let text = format!(
        "{head}{}",
        body.replacen(&format!(" {word} "), " displaced travellers ", 1)
    );
    let edited = TextFile {
        rel: file.rel.clone(),
        text,
    };
    reworded[k] = load_file(&edited, &config, false)
        .expect("the edited page parses")
        .expect("not a draft");
    println!(
        "{} pages, {} briefings; editing {} (\"{word}\" in its body)",
        pages.len(),
        briefings.len(),
        files[k].1.path
    );

    let g = Gazetteer::embedded();
    let mut cold = Times::new();
    let mut warm_same = Times::new();
    let mut warm_title = Times::new();
    let mut warm_body = Times::new();
    let mut base_cache = AnalysisCache::default();
    let mut scratch: Vec<Site> = Vec::new();
    for (name, p) in [("title", &retitled), ("body", &reworded)] {
        let (site, _) = analyse(
            config.clone(),
            p.clone(),
            pins,
            g,
            &AnalysisCache::default(),
        )
        .expect("analyses");
        println!("from scratch with the {name} edited: done");
        scratch.push(site);
    }
    for run in 0..runs {
        let (site, cache) = analyse_timed(
            pages.clone(),
            &config,
            pins,
            &AnalysisCache::default(),
            &mut cold,
        );
        let (again, c) = analyse_timed(pages.clone(), &config, pins, &cache, &mut warm_same);
        assert_eq!(c.stats().misses, 0);
        let (title, c) = analyse_timed(retitled.clone(), &config, pins, &cache, &mut warm_title);
        assert_eq!(c.stats().misses, 1);
        let (body, c) = analyse_timed(reworded.clone(), &config, pins, &cache, &mut warm_body);
        assert_eq!(c.stats().misses, 1);
        if run == 0 {
            same(&again, &site);
            same(&title, &scratch[0]);
            same(&body, &scratch[1]);
            println!("cached analyses equal the from-scratch ones");
        }
        base_cache = cache;
    }
    println!("cache: {} briefings", base_cache.len());
    report("from scratch (empty cache)", cold);
    report("warm, nothing changed", warm_same);
    report("warm, one title edited", warm_title);
    report("warm, one body sentence edited", warm_body);
}
