//! Times the attendance extractor on synthetic seeds: the three real seeds varied
//! (countries swapped for others from the gazetteer, paragraphs reordered), N of them,
//! several runs, median reported. Also times 1/4 and 1/2 of N to show the growth is
//! linear.
//!
//! `cargo run --release --example attendance_timing -- [N=1000] [RUNS=7]`

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

fn main() {
    let args: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let n = args.first().copied().unwrap_or(1000);
    let runs = args.get(1).copied().unwrap_or(7);
    let g = Gazetteer::embedded();
    let event = Event {
        name: "International Conference on the Return of Syrian Refugees".into(),
        place: "Damascus".into(),
        start: "2020-11-11".into(),
        end: "2020-11-12".into(),
    };
    let docs = synthetic(n, g);
    let split: Vec<Vec<String>> = docs
        .iter()
        .map(|d| d.split("\n\n").flat_map(sentences).collect())
        .collect();
    let words: usize = docs.iter().map(|d| d.split_whitespace().count()).sum();
    let bytes: usize = docs.iter().map(String::len).sum();
    println!(
        "{n} synthetic seeds: {} sentences, {words} words, {:.1} MB",
        split.iter().map(Vec::len).sum::<usize>(),
        bytes as f64 / 1e6
    );
    let _ = page_claims(split[0].iter().map(String::as_str), g, &event); // warm up
    for size in [n / 4, n / 2, n] {
        let mut extract = Vec::new();
        let mut with_split = Vec::new();
        let mut claims = 0;
        for _ in 0..runs {
            let t = Instant::now();
            claims = split[..size]
                .iter()
                .map(|s| page_claims(s.iter().map(String::as_str), g, &event).len())
                .sum::<usize>();
            extract.push(t.elapsed().as_secs_f64());
            let t = Instant::now();
            for d in &docs[..size] {
                let s: Vec<String> = d.split("\n\n").flat_map(sentences).collect();
                std::hint::black_box(page_claims(s.iter().map(String::as_str), g, &event));
            }
            with_split.push(t.elapsed().as_secs_f64());
        }
        println!(
            "{size:>5} seeds: extraction median {:.1} ms ({:.3} ms/seed, {claims} claims); with sentence splitting {:.1} ms",
            median(extract.clone()) * 1e3,
            median(extract) * 1e3 / size as f64,
            median(with_split) * 1e3
        );
    }
}
