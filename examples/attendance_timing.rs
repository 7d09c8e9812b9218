//! Times the attendance extractor per article, on one thread: the three real seeds and
//! N synthetic ones (the real seeds varied: countries swapped for others from the
//! gazetteer, paragraphs reordered). Each article is extracted RUNS times and its median
//! time kept; the figure is milliseconds per 5 KB (5,000 bytes) of article text, the
//! unit of the budget (≤ 1 ms per 5 KB article on one core), given as the
//! median, 90th percentile and worst over the articles, for the extraction from split
//! sentences and with the sentence splitting included. Totals over 1/4, 1/2 and all of
//! N show the growth is linear. Nothing here runs in parallel.
//!
//! `cargo run --release --example attendance_timing -- [N=300] [RUNS=7]`

use std::time::Instant;

use briefing::analyse::attendance::{Event, page_claims};
use briefing::analyse::gazetteer::{Gazetteer, PartyKind};
use briefing::markdown::sentences;

const SEEDS: [&str; 3] = [
    include_str!("../seeds/000_1f398a99054376be.txt"),
    include_str!("../seeds/003_bc72d07a4bd58e08.txt"),
    include_str!("../seeds/004_2bb903bed61af5ed.txt"),
];

/// A small deterministic generator (no dependency needed for this).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) as usize
    }
}

fn synthetic(n: usize, g: &Gazetteer) -> Vec<String> {
    let countries: Vec<&str> = g
        .parties
        .iter()
        .filter(|p| p.kind == PartyKind::Country)
        .map(|p| p.name.as_str())
        .collect();
    let swappable = [
        "Venezuela",
        "Iraq",
        "Oman",
        "Somalia",
        "Mauritania",
        "Canada",
        "Jordan",
        "China",
    ];
    let mut rng = Lcg(42);
    (0..n)
        .map(|i| {
            let mut text = SEEDS[i % 3].to_string();
            for s in swappable {
                let other = countries[rng.next() % countries.len()];
                text = text.replace(s, other);
            }
            let mut paras: Vec<&str> = text.split("\n\n").collect();
            for k in (1..paras.len()).rev() {
                let j = rng.next() % (k + 1);
                paras.swap(k, j);
            }
            paras.join("\n\n")
        })
        .collect()
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

/// The value below which `q` of `v` lies (nearest rank).
fn quantile(mut v: Vec<f64>, q: f64) -> f64 {
    v.sort_by(f64::total_cmp);
    let k = ((v.len() as f64 * q).ceil() as usize).clamp(1, v.len());
    v[k - 1]
}

/// The sentences of an article, as the pages have them (paragraph by paragraph).
fn split(doc: &str) -> Vec<String> {
    doc.split("\n\n").flat_map(sentences).collect()
}

/// Median seconds of `f` over `runs` runs.
fn timed(runs: usize, mut f: impl FnMut()) -> f64 {
    median(
        (0..runs)
            .map(|_| {
                let t = Instant::now();
                f();
                t.elapsed().as_secs_f64()
            })
            .collect(),
    )
}

/// Milliseconds per 5,000 bytes of text.
fn per_5kb(seconds: f64, bytes: usize) -> f64 {
    seconds * 1e3 / (bytes as f64 / 5000.0)
}

fn summary_line(what: &str, v: &[f64]) -> String {
    format!(
        "{what}: median {:.3} ms, 90th percentile {:.3} ms, worst {:.3} ms per 5 KB",
        median(v.to_vec()),
        quantile(v.to_vec(), 0.9),
        v.iter().copied().fold(0.0, f64::max)
    )
}

fn main() {
    let args: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let n = args.first().copied().unwrap_or(300).max(4);
    let runs = args.get(1).copied().unwrap_or(7).max(1);
    let g = Gazetteer::embedded();
    let event = Event {
        name: "International Conference on the Return of Syrian Refugees".into(),
        place: "Damascus".into(),
        start: "2020-11-11".into(),
        end: "2020-11-12".into(),
    };
    let claims_of = |s: &[String]| page_claims(s.iter().map(String::as_str), g, &event);
    let _ = claims_of(&split(SEEDS[0])); // warm up: the lexicon and gazetteer load once

    // The real seeds, one by one.
    println!("one thread, median of {runs} runs per article; 5 KB = 5,000 bytes");
    for (k, seed) in SEEDS.iter().enumerate() {
        let s = split(seed);
        let t = timed(runs, || {
            std::hint::black_box(claims_of(&s));
        });
        let ts = timed(runs, || {
            std::hint::black_box(claims_of(&split(seed)));
        });
        println!(
            "seed {k}: {:.1} KB, {} sentences, {} claims: {:.3} ms ({:.3} ms per 5 KB; {:.3} ms per 5 KB with sentence splitting)",
            seed.len() as f64 / 1000.0,
            s.len(),
            claims_of(&s).len(),
            t * 1e3,
            per_5kb(t, seed.len()),
            per_5kb(ts, seed.len()),
        );
    }

    // N synthetic articles, each timed on its own.
    let docs = synthetic(n, g);
    let split_docs: Vec<Vec<String>> = docs.iter().map(|d| split(d)).collect();
    let bytes: usize = docs.iter().map(String::len).sum();
    println!(
        "{n} synthetic articles: {} sentences, {:.1} KB on average",
        split_docs.iter().map(Vec::len).sum::<usize>(),
        bytes as f64 / n as f64 / 1000.0
    );
    let mut extract = Vec::with_capacity(n);
    let mut with_split = Vec::with_capacity(n);
    for (d, s) in docs.iter().zip(&split_docs) {
        extract.push(per_5kb(
            timed(runs, || {
                std::hint::black_box(claims_of(s));
            }),
            d.len(),
        ));
        with_split.push(per_5kb(
            timed(runs, || {
                std::hint::black_box(claims_of(&split(d)));
            }),
            d.len(),
        ));
    }
    println!("{}", summary_line("extraction", &extract));
    println!("{}", summary_line("with sentence splitting", &with_split));

    // Linear growth: all articles in one go, 1/4, 1/2 and all of them.
    for size in [n / 4, n / 2, n] {
        let mut claims = 0;
        let t = timed(runs, || {
            claims = split_docs[..size]
                .iter()
                .map(|s| claims_of(s).len())
                .sum::<usize>();
        });
        let b: usize = docs[..size].iter().map(String::len).sum();
        println!(
            "{size:>5} articles in a row: {:.1} ms, {claims} claims, {:.3} ms per 5 KB",
            t * 1e3,
            per_5kb(t, b)
        );
    }
}
