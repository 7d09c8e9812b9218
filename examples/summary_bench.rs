//! Times the summary over N synthetic briefings (default 1,000) made by reshuffling
//! and renumbering the paragraphs of the seeds: `cargo run --release --example
//! summary_bench -- 1000`. Prints the time of each stage.

use std::path::Path;
use std::time::Instant;

use briefing::analyse::gazetteer::Gazetteer;
use briefing::analyse::{arrange_with_taxonomies, summary};
use briefing::config::SiteConfig;
use briefing::content::load_page;
use briefing::ingest::parse_article;

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(1000);
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut paragraphs: Vec<String> = Vec::new();
    let mut seeds: Vec<_> = std::fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    seeds.sort();
    for p in seeds {
        let a = parse_article(&std::fs::read_to_string(p).unwrap());
        paragraphs.extend(
            a.prose()
                .into_iter()
                .map(|s| s.replace(['*', '_', '[', ']', '<', '>'], "")),
        );
    }
    // A small deterministic generator: no dependency for randomness.
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let t = Instant::now();
    let mut pages = Vec::with_capacity(n);
    for i in 0..n {
        let k = 12 + (next() % 24) as usize;
        let mut body = String::new();
        for _ in 0..k {
            let p = &paragraphs[(next() % paragraphs.len() as u64) as usize];
            // Renumber so figures differ between articles.
            let p = p.replace(
                "5.6 million",
                &format!("{}.{} million", 4 + next() % 3, next() % 10),
            );
            body.push_str(&p);
            body.push_str("\n\n");
        }
        let md = format!(
            "---\ntitle: Synthetic {i}\ndate: 2020-11-{:02}\nsource: Outlet {}\n---\n{body}",
            1 + i % 28,
            i % 7
        );
        pages.push(load_page(Path::new(&format!("content/briefings/s{i}.md")), &md, 220).unwrap());
    }
    let made = t.elapsed();
    let t = Instant::now();
    let site = arrange_with_taxonomies(SiteConfig::default(), pages, Gazetteer::embedded());
    let analysed = t.elapsed();
    let sentences: usize = site
        .pages
        .iter()
        .map(|p| {
            p.rendered
                .blocks
                .iter()
                .map(|b| b.sentences.len())
                .sum::<usize>()
        })
        .sum();
    let t = Instant::now();
    let s = summary::summarise(&site, Gazetteer::embedded());
    let summarised = t.elapsed();
    println!(
        "{n} briefings, {sentences} sentences: pages {made:.2?}, analyse {analysed:.2?}, summary {summarised:.2?} ({} key points, {} figures, {} quotes, {} timeline items, {} people)",
        s.key_points.len(),
        s.figures.len(),
        s.quotes.len(),
        s.timeline.len(),
        s.people.len()
    );
}
