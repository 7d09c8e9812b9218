//! Prints the attendance claims the extractor finds in text files (one claim a line),
//! or in the site's briefing pages when no file is given: a tool for writing rules.
//!
//! `cargo run --example attendance_claims -- [--event "NAME|PLACE|START|END"] [--explain] [FILE.txt ...]`
//! (`--explain` prints each sentence's clauses and the cues found in them).

use briefing::analyse::attendance::{Event, page_claims};
use briefing::analyse::gazetteer::Gazetteer;
use briefing::markdown::sentences;

fn main() {
    let g = Gazetteer::embedded();
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut event = Event {
        name: "the conference".into(),
        start: "2020-11-11".into(),
        end: "2020-11-12".into(),
        ..Event::default()
    };
    if args.first().is_some_and(|a| a == "--event") && args.len() > 1 {
        let spec = args[1].clone();
        args.drain(..2);
        let mut parts = spec.split('|').map(str::to_string);
        event = Event {
            name: parts.next().unwrap_or_default(),
            place: parts.next().unwrap_or_default(),
            start: parts.next().unwrap_or_default(),
            end: parts.next().unwrap_or_default(),
        };
    }
    let explain = args.first().is_some_and(|a| a == "--explain");
    if explain {
        args.remove(0);
    }
    let files = args;
    for f in &files {
        let text = std::fs::read_to_string(f).expect("readable file");
        let sents: Vec<String> = text
            .split("\n\n")
            .flat_map(|p| sentences(&p.replace('\n', " ")))
            .collect();
        println!("== {f}");
        if explain {
            let ctx = briefing::analyse::attendance::scope::EventCtx::of(&event, g);
            for s in &sents {
                print!(
                    "{s}\n{}",
                    briefing::analyse::attendance::claims::explain(s, g, &ctx)
                );
            }
        }
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
