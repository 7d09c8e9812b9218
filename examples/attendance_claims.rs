//! Prints the attendance claims the extractor finds in text files (one claim a line),
//! or in the site's briefing pages when no file is given: a tool for writing rules.
//!
//! `cargo run --example attendance_claims -- [FILE.txt ...]`

use briefing::analyse::attendance::{Event, page_claims};
use briefing::analyse::gazetteer::Gazetteer;
use briefing::markdown::sentences;

fn main() {
    let g = Gazetteer::embedded();
    let event = Event {
        name: "the conference".into(),
        start: "2020-11-11".into(),
        end: "2020-11-12".into(),
        ..Event::default()
    };
    let files: Vec<String> = std::env::args().skip(1).collect();
    for f in &files {
        let text = std::fs::read_to_string(f).expect("readable file");
        let sents: Vec<String> = text
            .split("\n\n")
            .flat_map(|p| sentences(&p.replace('\n', " ")))
            .collect();
        println!("== {f}");
        for c in page_claims(sents.iter().map(String::as_str), g, &event) {
            println!(
                "{:<22} {:<12} {:<9} [{}] {}",
                g.parties[c.party].id,
                c.status.as_str(),
                c.modality.as_str(),
                c.cue,
                sents[c.sentence]
            );
        }
    }
}
