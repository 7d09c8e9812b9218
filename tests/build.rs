//! Integration tests: fixture sites built with the library and checked on disk.

mod common;

use std::fs;

use briefing::pipeline::{BuildOptions, build};
use common::{briefing_pages, read, site, snapshot};

const SLUG: &str = "ministers-meet-geneva-discuss-water-rights-talks-resume";

#[test]
fn seed_becomes_page_and_briefing_html() {
    let (_tmp, root) = site("basic");
    let report = build(&BuildOptions::new(&root)).expect("basic fixture builds");
    assert_eq!(report.briefings, 1);
    let md = read(&root.join(format!("content/briefings/{SLUG}.md")));
    assert!(md.contains("seed: geneva.txt"));
    assert!(md.contains("source: Wire agency"));
    assert!(md.contains("date: 2021-03-03"));
    assert!(
        md.contains("- Earlier talks stalled in 2019"),
        "related: {md}"
    );
    let html = read(&root.join(format!("dist/briefings/{SLUG}/index.html")));
    assert!(html.contains("Ministers meet in Geneva to discuss"));
    assert!(!html.contains("Latest News"), "site chrome is dropped");
    assert!(!html.contains("READ MORE"));
}

#[test]
fn doubled_caption_appears_once_as_a_caption() {
    let (_tmp, root) = site("basic");
    build(&BuildOptions::new(&root)).unwrap();
    let html = read(&root.join(format!("dist/briefings/{SLUG}/index.html")));
    assert_eq!(
        html.matches("A delegate walks past the hall").count(),
        1,
        "{html}"
    );
    assert!(html.contains("<figcaption>"));
    assert!(html.contains("(Reuters)"));
    let md = read(&root.join(format!("content/briefings/{SLUG}.md")));
    assert!(md.contains("credit: Reuters"));
}

#[test]
fn heading_and_list_are_rendered() {
    let (_tmp, root) = site("basic");
    build(&BuildOptions::new(&root)).unwrap();
    let html = read(&root.join(format!("dist/briefings/{SLUG}/index.html")));
    assert!(html.contains(">Water rights</h2>"), "{html}");
    assert!(common::has_attr(&html, "id", "water-rights"), "{html}");
    assert!(
        html.contains("<li id=p") || html.contains("<li id=\"p"),
        "bullets become a list"
    );
    assert!(
        common::has_attr(&html, "href", "#water-rights"),
        "the table of contents links the heading"
    );
}

#[test]
fn html_in_a_seed_is_escaped_everywhere() {
    let (_tmp, root) = site("basic");
    build(&BuildOptions::new(&root)).unwrap();
    for entry in walkdir::WalkDir::new(root.join("dist")) {
        let entry = entry.unwrap();
        // JSON files are data (the search client inserts their text as text nodes).
        let is_markup = entry
            .path()
            .extension()
            .is_some_and(|e| e == "html" || e == "xml");
        if entry.file_type().is_file() && is_markup {
            let text = String::from_utf8_lossy(&fs::read(entry.path()).unwrap()).into_owned();
            // Parse as a browser would: no element from the seed may appear.
            let mut emitter = html5gum::DefaultEmitter::default();
            emitter.naively_switch_states(true);
            for token in html5gum::Tokenizer::new_with_emitter(text.as_str(), emitter).flatten() {
                if let html5gum::Token::StartTag(tag) = token {
                    let name = String::from_utf8_lossy(&tag.name).to_ascii_lowercase();
                    assert_ne!(name, "b", "{}", entry.path().display());
                    if name == "script" {
                        let attrs: Vec<_> = tag
                            .attributes
                            .keys()
                            .map(|k| String::from_utf8_lossy(k).into_owned())
                            .collect();
                        assert!(
                            attrs.iter().any(|a| a == "src" || a == "type"),
                            "an inline script without src/type in {}",
                            entry.path().display()
                        );
                    }
                }
            }
        }
    }
    let html = read(&root.join(format!("dist/briefings/{SLUG}/index.html")));
    assert!(html.contains("&lt;script>alert("), "{html}");
    assert!(
        html.contains("*aquifers*"),
        "Markdown in a seed stays literal"
    );
}

#[test]
fn hand_written_page_renders_markdown_tables_and_links() {
    let (_tmp, root) = site("basic");
    build(&BuildOptions::new(&root)).unwrap();
    let html = read(&root.join("dist/about/index.html"));
    assert!(html.contains("<table>"));
    assert!(
        common::has_attr(&html, "href", "https://example.com/"),
        "{html}"
    );
}

#[test]
fn edited_page_survives_a_seed_change() {
    let (_tmp, root) = site("basic");
    build(&BuildOptions::new(&root)).unwrap();
    let page = root.join(format!("content/briefings/{SLUG}.md"));
    let edited = read(&page).replace("first round of talks", "first round of talks (corrected)");
    fs::write(&page, &edited).unwrap();
    let seed = root.join("seeds/geneva.txt");
    fs::write(&seed, read(&seed).replace("long pause", "long, long pause")).unwrap();
    let report = build(&BuildOptions::new(&root)).unwrap();
    assert_eq!(read(&page), edited, "the person's edit is kept");
    let warning = report
        .warnings
        .iter()
        .map(|w| w.to_string())
        .collect::<Vec<_>>()
        .join("\n");
    assert!(
        warning.contains("briefing ingest --force seeds/geneva.txt"),
        "{warning}"
    );
    let html = read(&root.join(format!("dist/briefings/{SLUG}/index.html")));
    assert!(
        html.contains("(corrected)"),
        "the edit is what gets published"
    );
}

#[test]
fn unedited_page_follows_its_seed_and_keeps_its_slug() {
    let (_tmp, root) = site("basic");
    build(&BuildOptions::new(&root)).unwrap();
    let seed = root.join("seeds/geneva.txt");
    fs::write(&seed, read(&seed).replace("first round", "opening round")).unwrap();
    build(&BuildOptions::new(&root)).unwrap();
    let md = read(&root.join(format!("content/briefings/{SLUG}.md")));
    assert!(md.contains("opening round"));
    assert_eq!(briefing_pages(&root), [format!("{SLUG}.md")]);
}

#[test]
fn failed_build_leaves_previous_dist_whole() {
    let (_tmp, root) = site("basic");
    build(&BuildOptions::new(&root)).unwrap();
    let before = snapshot(&root.join("dist"));
    fs::write(
        root.join("content/about.md"),
        "---\ntitle: [unclosed\n---\nx\n",
    )
    .unwrap();
    let failure = build(&BuildOptions::new(&root)).unwrap_err();
    assert_eq!(failure.errors.len(), 1);
    assert_eq!(snapshot(&root.join("dist")), before);
    let leftovers: Vec<String> = fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".tmp-") || n.contains(".old-"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn two_builds_are_byte_identical() {
    let (_tmp, root) = site("basic");
    let mut a = BuildOptions::new(&root);
    a.output = Some(root.join("out-a"));
    build(&a).unwrap();
    let mut b = BuildOptions::new(&root);
    b.output = Some(root.join("out-b"));
    build(&b).unwrap();
    let (sa, sb) = (snapshot(&root.join("out-a")), snapshot(&root.join("out-b")));
    assert!(!sa.is_empty());
    assert_eq!(sa, sb);
}

#[test]
fn all_errors_of_a_build_are_reported() {
    let (_tmp, root) = site("bad_pages");
    let failure = build(&BuildOptions::new(&root)).unwrap_err();
    let files: Vec<String> = failure
        .errors
        .iter()
        .map(|e| e.location.as_ref().unwrap().file.display().to_string())
        .collect();
    assert_eq!(
        files,
        ["content/broken.md", "content/no-title.md"],
        "{failure:?}"
    );
    assert!(!root.join("dist").exists(), "nothing is written on failure");
}

#[test]
fn real_briefing_site_builds_all_pages() {
    let (_tmp, root) = common::real_site();
    let report = build(&BuildOptions::new(&root)).unwrap();
    assert_eq!(report.briefings, 3);
    for slug in [
        "assad-regime-organises-premature-refugee-conference",
        "international-conference-return-syrian-refugees-held",
        "representatives-russia-iran-venezuela-china-lebanon-iraq-attend",
    ] {
        assert!(
            root.join(format!("dist/briefings/{slug}/index.html"))
                .is_file(),
            "{slug}"
        );
    }
    let index = read(&root.join("dist/index.html"));
    for title in [
        "The Assad regime organises a ‘premature’ refugee conference",
        "TRT World",
        "11 November 2020",
    ] {
        assert!(index.contains(title), "{title}");
    }
    let syria = read(&root.join("dist/countries/syria/index.html"));
    assert_eq!(syria.matches("<li class=card>").count(), 3, "{syria}");
}

fn inode(path: &std::path::Path) -> u64 {
    use std::os::unix::fs::MetadataExt;
    fs::metadata(path).unwrap().ino()
}

#[test]
fn a_rebuild_links_unchanged_files_and_writes_changed_ones() {
    let (_tmp, root) = site("basic");
    build(&BuildOptions::new(&root)).unwrap();
    let dist = root.join("dist");
    let page = dist.join(format!("briefings/{SLUG}/index.html"));
    let about = dist.join("about/index.html");
    let (page_ino, about_ino) = (inode(&page), inode(&about));
    let page_before = read(&page);
    fs::write(
        root.join("content/about.md"),
        "---\ntitle: About\n---\nA new text for the about page.\n",
    )
    .unwrap();
    build(&BuildOptions::new(&root)).unwrap();
    assert_eq!(inode(&page), page_ino, "an unchanged page is the same file");
    assert_eq!(read(&page), page_before);
    assert_ne!(inode(&about), about_ino, "a changed page is a new file");
    assert!(read(&about).contains("A new text for the about page."));
    // A failed build after that leaves the output as it was, links and all.
    let before = snapshot(&dist);
    fs::write(
        root.join("content/about.md"),
        "---\ntitle: [unclosed\n---\nx\n",
    )
    .unwrap();
    build(&BuildOptions::new(&root)).unwrap_err();
    assert_eq!(snapshot(&dist), before);
    assert_eq!(inode(&page), page_ino);
}
