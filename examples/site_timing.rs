//! Times each stage of building a site on disk, one at a time on one thread, to show
//! where a rebuild spends its time: `cargo run --release --example site_timing -- DIR
//! [RUNS]`. Prints the median of RUNS (default 3) for the analyses, the base context,
//! each generator and the post passes.
use std::time::{Duration, Instant};

use briefing::analyse::gazetteer::Gazetteer;
use briefing::analyse::{arrange_with_taxonomies, attendance, summary};
use briefing::pipeline::{BuildOptions, load_site, site_extras};
use briefing::render::{GENERATORS, RenderCtx, Renderer, base_context, post_passes};
use briefing::sync::Force;

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn main() {
    let dir = std::env::args()
        .nth(1)
        .expect("usage: site_timing DIR [RUNS]");
    let runs: usize = std::env::args()
        .nth(2)
        .and_then(|r| r.parse().ok())
        .unwrap_or(3);
    let opts = BuildOptions::new(dir);
    let loaded = load_site(&opts, &Force::None).expect("the site loads");
    let pages: Vec<_> = loaded
        .files
        .into_iter()
        .filter_map(|(_, p)| p.ok().flatten())
        .collect();
    let g = Gazetteer::embedded();
    let mut times: Vec<(String, Vec<Duration>)> = Vec::new();
    let mut lap = |name: &str, t: Instant| {
        let d = t.elapsed();
        match times.iter_mut().find(|(n, _)| n == name) {
            Some((_, v)) => v.push(d),
            None => times.push((name.to_string(), vec![d])),
        }
    };
    let theme = loaded.theme.expect("the theme loads");
    for _ in 0..runs {
        let t = Instant::now();
        let mut site = arrange_with_taxonomies(loaded.config.clone(), pages.clone(), g);
        lap("analyse (taxonomies)", t);
        let t = Instant::now();
        site.attendance = attendance::build(&site, loaded.data.get("attendance"), g).unwrap();
        lap("attendance", t);
        let t = Instant::now();
        site.summary = summary::summarise(&site, g);
        lap("summary", t);
        let renderer = Renderer::new(&theme, &site.config).expect("templates");
        let t = Instant::now();
        let extras = site_extras(&site, &loaded.data);
        let base = base_context(&site, &renderer, &extras, Default::default());
        lap("base context", t);
        let rc = RenderCtx {
            site: &site,
            renderer: &renderer,
            base,
            options: Default::default(),
            reuse: None,
        };
        let t = Instant::now();
        let jobs = briefing::render::listing::listing_jobs(&rc);
        lap(&format!("listing jobs ({})", jobs.len()), t);
        let again = briefing::render::listing::listing_jobs(&rc);
        let t = Instant::now();
        let same = jobs.iter().zip(&again).filter(|(a, b)| a == b).count();
        lap(&format!("listing jobs compared ({same})"), t);
        let mut outputs = Vec::new();
        for g in GENERATORS {
            let t = Instant::now();
            let out = (g.run)(&rc).expect("renders");
            lap(&format!("{} ({} files)", g.name, out.len()), t);
            outputs.extend(out);
        }
        let t = Instant::now();
        let refs: Vec<_> = outputs.iter().map(|o| o.as_ref()).collect();
        let extra = post_passes(&site, &refs);
        lap(&format!("post passes ({} files)", extra.len()), t);
    }
    for (name, v) in times {
        println!("{:>9.1?}  {name}", median(v));
    }
}
