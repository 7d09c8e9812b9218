//! Listing pages: the archive of every briefing and the term pages, split into pages of
//! `paginate_by`, linked to each other, in the sitemap and out of the search index.

mod common;

use std::fs;

use briefing::pipeline::{BuildOptions, build};
use common::{read, real_site};

/// The real briefing site with `paginate_by` set.
fn site_paginated_by(n: usize) -> (tempfile::TempDir, std::path::PathBuf) {
    let (tmp, root) = real_site();
    let cfg = read(&root.join("site.yaml"));
    fs::write(root.join("site.yaml"), format!("{cfg}\npaginate_by: {n}\n")).unwrap();
    build(&BuildOptions::new(&root)).expect("the site builds");
    (tmp, root)
}

#[test]
fn the_archive_has_one_page_per_briefing_at_one_per_page() {
    let (_tmp, root) = site_paginated_by(1);
    let dist = root.join("dist");
    let first = read(&dist.join("briefings/index.html"));
    let second = read(&dist.join("briefings/page/2/index.html"));
    let third = read(&dist.join("briefings/page/3/index.html"));
    assert!(!dist.join("briefings/page/4/index.html").exists());
    assert!(
        !dist.join("briefings/page/1/index.html").exists(),
        "page 1 is the archive itself"
    );
    assert!(first.contains("Page 1 of 3"), "{first}");
    assert!(
        first.contains("href=/briefings/page/2/") || first.contains("href=\"/briefings/page/2/\"")
    );
    assert!(
        !first.contains("rel=prev"),
        "no newer page before the first"
    );
    assert!(second.contains("Page 2 of 3"));
    assert!(second.contains("rel=prev") && second.contains("rel=next"));
    assert!(third.contains("rel=prev") && !third.contains("rel=next"));
    // Each page lists one briefing: together, every briefing once.
    let cards = |html: &str| html.matches("<li class=card>").count();
    assert_eq!([cards(&first), cards(&second), cards(&third)], [1, 1, 1]);
    let canonical = "https://example.org/briefings/page/2/";
    assert!(
        second.contains(canonical),
        "the canonical URL is the page's own"
    );
    // The home page lists the newest and links to the archive.
    let home = read(&dist.join("index.html"));
    assert_eq!(cards(&home), 1);
    assert!(
        home.contains("All 3 briefings"),
        "the home page links to the archive"
    );
}

#[test]
fn term_pages_are_paginated_with_the_party_box_on_the_first_only() {
    let (_tmp, root) = site_paginated_by(1);
    let dist = root.join("dist");
    // Syria is named in all three briefings, and has an attendance status.
    let first = read(&dist.join("countries/syria/index.html"));
    let third = read(&dist.join("countries/syria/page/3/index.html"));
    assert!(
        first.contains("party-status"),
        "the status box is on page 1"
    );
    assert!(!third.contains("party-status"), "and only there");
    assert!(
        first.contains("Named in 3 briefings. Page 1 of 3."),
        "{first}"
    );
    assert!(third.contains("Page 3 of 3"));
    assert!(third.contains("<title>Syria (page 3 of 3) — "));
    // The sitemap lists every page of every listing; the search index none past the first.
    let sitemap = read(&dist.join("sitemap.xml"));
    assert!(sitemap.contains("/countries/syria/page/3/</loc>"));
    assert!(sitemap.contains("/briefings/page/2/</loc>"));
    let index: String = fs::read_dir(dist.join("search/d"))
        .unwrap()
        .map(|e| read(&e.unwrap().path()))
        .collect();
    assert!(!index.contains("/page/2/"), "later pages are not searched");
    assert!(
        index.contains("\"/countries/syria/\""),
        "the term itself is"
    );
}

#[test]
fn paginate_by_zero_lists_everything_on_one_page() {
    let (_tmp, root) = site_paginated_by(0);
    let dist = root.join("dist");
    let archive = read(&dist.join("briefings/index.html"));
    assert_eq!(archive.matches("<li class=card>").count(), 3);
    assert!(!archive.contains("class=pager"));
    assert!(!dist.join("briefings/page/2").exists());
    assert!(!dist.join("countries/syria/page/2").exists());
    let home = read(&dist.join("index.html"));
    assert_eq!(home.matches("<li class=card>").count(), 3);
    assert!(!home.contains("All 3 briefings"));
}
