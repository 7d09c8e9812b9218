//! `serve` rebuilds only what a change touches; these tests apply a sequence of edits
//! through the serve rebuild path (as the watcher reports them) and check after each one
//! that the site in memory equals a fresh full build of the same files.

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::sync::Arc;

use briefing::pipeline::{self, BuildOptions};
use briefing::serve::engine::Engine;
use briefing::serve::hub::Hub;
use briefing::serve::watch::Changes;
use briefing::serve::{ServeOptions, build_options};
use briefing::sync::Force;

struct Site {
    dir: tempfile::TempDir,
    opts: BuildOptions,
    hub: Arc<Hub>,
    engine: Engine,
}

impl Site {
    fn new() -> Site {
        let dir = tempfile::tempdir().unwrap();
        common::copy_site(dir.path());
        let opts = build_options(&ServeOptions::new(dir.path()), "http://127.0.0.1:1111/");
        let hub = Arc::new(Hub::new());
        let (engine, report) = Engine::start(opts.clone(), &hub);
        assert!(report.errors.is_empty(), "{:?}", report.errors);
        let site = Site {
            dir,
            opts,
            hub,
            engine,
        };
        site.assert_fresh("start");
        site
    }

    fn root(&self) -> &Path {
        self.dir.path()
    }

    fn write(&self, rel: &str, text: &str) {
        let p = self.root().join(rel);
        fs::create_dir_all(p.parent().unwrap()).unwrap();
        fs::write(p, text).unwrap();
    }

    fn read(&self, rel: &str) -> String {
        fs::read_to_string(self.root().join(rel)).unwrap()
    }

    /// Tells the engine about these paths, as the watcher would, and lets it settle.
    fn changed(&mut self, rels: &[&str]) -> briefing::serve::engine::Report {
        let mut changes = Changes::default();
        for r in rels {
            changes.add(Path::new(r));
        }
        let early = self.engine.apply(&changes, &self.hub);
        let mut settled = self.engine.settle(&self.hub, &|| false);
        settled.early.extend(early.early);
        settled.warnings.extend(early.warnings);
        settled.errors.extend(early.errors);
        settled
    }

    /// The site in memory equals `render_site` of a fresh `prepare()` (same options: base
    /// URL on the server, live reload, no minifying), and the hub serves it.
    fn assert_fresh(&self, step: &str) {
        let prepared = pipeline::prepare(&self.opts, &Force::None)
            .unwrap_or_else(|f| panic!("{step}: fresh build failed: {f:?}"));
        assert!(
            prepared.ingest.writes.is_empty(),
            "{step}: serve left pages to ingest: {:?}",
            prepared
                .ingest
                .writes
                .iter()
                .map(|w| &w.rel)
                .collect::<Vec<_>>()
        );
        let fresh: BTreeMap<String, Vec<u8>> =
            pipeline::render_prepared(&prepared, self.opts.render)
                .unwrap_or_else(|e| panic!("{step}: fresh render failed: {e:?}"))
                .into_iter()
                .map(|o| (o.path, o.bytes))
                .collect();
        let served = self.engine.outputs().expect("a good build");
        let missing: Vec<&String> = fresh.keys().filter(|k| !served.contains_key(*k)).collect();
        let extra: Vec<&String> = served.keys().filter(|k| !fresh.contains_key(*k)).collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "{step}: missing {missing:?}, extra {extra:?}"
        );
        for (k, bytes) in &fresh {
            if served[k][..] != bytes[..] {
                let a = String::from_utf8_lossy(&served[k]);
                let b = String::from_utf8_lossy(bytes);
                let at = a
                    .bytes()
                    .zip(b.bytes())
                    .position(|(x, y)| x != y)
                    .unwrap_or(0);
                let from = at.saturating_sub(80);
                panic!(
                    "{step}: {k} differs at byte {at}:\n serve: …{}…\n fresh: …{}…",
                    &a[from..(at + 80).min(a.len())],
                    &b[from..(at + 80).min(b.len())]
                );
            }
        }
        let published = self.hub.snapshot();
        assert!(
            published.outputs == served,
            "{step}: the hub serves another site"
        );
    }

    fn page(&self, key: &str) -> String {
        String::from_utf8_lossy(&self.hub.snapshot().outputs[key]).into_owned()
    }
}

#[test]
fn serve_starts_from_the_analyses_a_build_stored() {
    let dir = tempfile::tempdir().unwrap();
    common::copy_site(dir.path());
    let opts = build_options(&ServeOptions::new(dir.path()), "http://127.0.0.1:1111/");
    // Without a build before it, every briefing is analysed.
    let hub = Arc::new(Hub::new());
    let (engine, _) = Engine::start(opts.clone(), &hub);
    let briefings = engine.analysis_stats().misses;
    assert!(briefings > 0);
    assert_eq!(engine.analysis_stats().hits, 0);
    // A build with its cache stores them; serve starts from them, with the same site.
    let mut build = BuildOptions::new(dir.path());
    build.cache = true;
    build.output = Some(dir.path().join("dist"));
    pipeline::build(&build).unwrap();
    // The part of the stored analyses that holds the most.
    let stored = fs::read_dir(dir.path().join(".briefing-cache/analyses"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .max_by_key(|p| fs::metadata(p).unwrap().len())
        .unwrap();
    let bytes = fs::read(&stored).unwrap();
    let hub = Arc::new(Hub::new());
    let (engine, report) = Engine::start(opts.clone(), &hub);
    assert!(report.errors.is_empty() && report.warnings.is_empty());
    assert_eq!(engine.analysis_stats().hits, briefings);
    let site = Site {
        dir,
        opts,
        hub,
        engine,
    };
    site.assert_fresh("started from stored analyses");
    assert_eq!(
        fs::read(&stored).unwrap(),
        bytes,
        "serve wrote the build cache"
    );
    // A damaged file is named and ignored.
    fs::write(&stored, &bytes[..bytes.len() / 3]).unwrap();
    let hub = Arc::new(Hub::new());
    let (engine, report) = Engine::start(site.opts.clone(), &hub);
    let name = stored.file_name().unwrap().to_string_lossy().into_owned();
    assert!(engine.analysis_stats().hits < briefings);
    assert!(
        report
            .warnings
            .iter()
            .any(|w| format!("{w:?}").contains(&name)),
        "{:?}",
        report.warnings
    );
}

#[test]
fn edits_through_serve_equal_a_fresh_build() {
    let mut s = Site::new();
    let slug = common::first_briefing(s.root());
    let rel = format!("content/briefings/{slug}.md");
    let key = format!("briefings/{slug}/index.html");

    // A body edit: the page is published at once, before the site settles.
    let text = s.read(&rel);
    s.write(
        &rel,
        &format!("{text}\nJordan and Canada stayed away, a late report said.\n"),
    );
    let mut changes = Changes::default();
    changes.add(Path::new(&rel));
    let early = s.engine.apply(&changes, &s.hub);
    assert_eq!(early.early, [format!("/briefings/{slug}/")]);
    assert!(s.page(&key).contains("a late report said"));
    let settled = s.engine.settle(&s.hub, &|| false);
    assert!(settled.errors.is_empty());
    assert!(
        settled.reused >= 2,
        "other briefings are not rendered again: {settled:?}"
    );
    s.assert_fresh("body edit");

    // A title edit of a hand-written page: the navigation of every page changes.
    let about = s.read("content/about.md");
    s.write(
        "content/about.md",
        &about.replace("title: About this briefing", "title: About us"),
    );
    s.changed(&["content/about.md"]);
    s.assert_fresh("title edit");
    assert!(s.page(&key).contains("About us"));

    // New pages, hand-written and in the briefings section.
    s.write(
        "content/notes.md",
        "---\ntitle: Notes\nweight: 5\n---\nOn Lebanon.\n",
    );
    s.write(
        "content/briefings/extra.md",
        "---\ntitle: An extra report\ndate: 2020-11-13\ntags: [returns]\n---\nIran attended.\n",
    );
    s.changed(&["content/notes.md", "content/briefings/extra.md"]);
    s.assert_fresh("new pages");

    // A deleted page; a draft.
    fs::remove_file(s.root().join("content/notes.md")).unwrap();
    let extra = s.read("content/briefings/extra.md");
    s.write(
        "content/briefings/extra.md",
        &extra.replace("tags:", "draft: true\ntags:"),
    );
    s.changed(&["content/notes.md", "content/briefings/extra.md"]);
    s.assert_fresh("deleted page and draft");

    // A generated page deleted: like `build`, serve generates it again from its seed.
    fs::remove_file(s.root().join(&rel)).unwrap();
    s.changed(&[&rel]);
    assert!(s.root().join(&rel).exists(), "the page is generated again");
    s.assert_fresh("generated page deleted");

    // A template edit (the theme's) and a site template override, with a tab open on the
    // page (rendered and published before the rest).
    let tab = s.hub.open_tab(&format!("/briefings/{slug}/"));
    let t = s.read("themes/briefing/templates/briefing.html");
    s.write(
        "themes/briefing/templates/briefing.html",
        &t.replace(
            "<h1 id=\"article-title\">",
            "<h1 id=\"article-title\" data-edited>",
        ),
    );
    s.write(
        "templates/page.html",
        "{% extends \"base.html\" %}{% block content %}<p>custom {{ page.title }}</p>{% endblock content %}",
    );
    let r = s.changed(&[
        "themes/briefing/templates/briefing.html",
        "templates/page.html",
    ]);
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    assert!(s.page(&key).contains("data-edited"));
    assert_eq!(r.early, [format!("/briefings/{slug}/")]);
    s.assert_fresh("template edits");
    drop(tab);

    // A stylesheet edit: published for an in-place swap, then the pages follow quietly.
    let css = s.read("themes/briefing/static/style.css");
    s.write(
        "themes/briefing/static/style.css",
        &format!("{css}\nbody {{ outline: 0; }}\n"),
    );
    let mut rx = s.hub.subscribe();
    s.changed(&["themes/briefing/static/style.css"]);
    let notice = rx.try_recv().unwrap();
    assert_eq!(notice.event_name(), "css", "{notice:?}");
    s.assert_fresh("stylesheet edit");

    // A seed edit regenerates its (unedited) page.
    let seeds: Vec<String> = {
        let mut v: Vec<String> = fs::read_dir(s.root().join("seeds"))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    };
    let seed = format!("seeds/{}", seeds[1]);
    let seed_text = s.read(&seed);
    s.write(
        &seed,
        &format!("{seed_text}\nA paragraph added to the seed about Iraq.\n"),
    );
    let r = s.changed(&[&seed]);
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);
    s.assert_fresh("seed edit");

    // A page edited by hand keeps its edits when its seed changes (with a warning).
    let page_of_seed = |s: &Site, seed: &str| -> String {
        fs::read_dir(s.root().join("content/briefings"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| {
                fs::read_to_string(p)
                    .unwrap()
                    .contains(&format!("seed: {seed}"))
            })
            .map(|p| {
                format!(
                    "content/briefings/{}",
                    p.file_name().unwrap().to_string_lossy()
                )
            })
            .unwrap()
    };
    let page = page_of_seed(&s, &seeds[2]);
    let page_text = s.read(&page);
    s.write(&page, &format!("{page_text}\nAn editor's note.\n"));
    s.changed(&[&page]);
    let seed = format!("seeds/{}", seeds[2]);
    let seed_text = s.read(&seed);
    s.write(&seed, &format!("{seed_text}\nMore from the wires.\n"));
    let r = s.changed(&[&seed]);
    assert_eq!(r.warnings.len(), 1, "{:?}", r.warnings);
    assert!(s.read(&page).contains("An editor's note."));
    s.assert_fresh("hand-edited page, seed edit");

    // A new seed gets a page; a removed seed leaves its page.
    s.write("seeds/zzz_new.txt", "Talks on returns resume in Geneva today.\n\nDelegations from Jordan and Lebanon attended.\n");
    s.changed(&["seeds/zzz_new.txt"]);
    s.assert_fresh("new seed");
    fs::remove_file(s.root().join("seeds/zzz_new.txt")).unwrap();
    let r = s.changed(&["seeds/zzz_new.txt"]);
    assert_eq!(r.warnings.len(), 1, "{:?}", r.warnings);
    s.assert_fresh("removed seed");

    // Editorial data.
    s.write("content/_data/attendance.yaml", "# pins\n{}\n");
    s.changed(&["content/_data/attendance.yaml"]);
    s.assert_fresh("data");

    // A folder renamed: its pages move; the seeds' pages are generated again.
    fs::rename(
        s.root().join("content/briefings"),
        s.root().join("content/reports"),
    )
    .unwrap();
    s.changed(&["content/briefings", "content/reports"]);
    s.assert_fresh("folder renamed");

    // site.yaml: everything again.
    let cfg = s.read("site.yaml");
    s.write(
        "site.yaml",
        &cfg.replace(
            "Damascus refugee conference: the briefing",
            "Renamed briefing",
        ),
    );
    s.changed(&["site.yaml"]);
    assert!(s.page("index.html").contains("Renamed briefing"));
    s.assert_fresh("site.yaml");
}

#[test]
fn a_failed_rebuild_keeps_the_last_good_site_and_the_next_good_save_recovers() {
    let mut s = Site::new();
    let before = s.engine.outputs().unwrap();
    let about = s.read("content/about.md");
    s.write("content/about.md", "---\ntitle: [unclosed\n---\nBody.\n");
    let mut rx = s.hub.subscribe();
    let r = s.changed(&["content/about.md"]);
    assert_eq!(r.errors.len(), 1);
    let loc = r.errors[0].location.clone().unwrap();
    assert_eq!(loc.file, Path::new("content/about.md"));
    assert_eq!(loc.line, Some(2));
    assert_eq!(rx.try_recv().unwrap().event_name(), "failure");
    assert!(s.hub.failure().is_some());
    assert!(
        s.hub.snapshot().outputs == before,
        "the last good site is served"
    );
    assert!(s.engine.outputs().unwrap() == before);

    // A second error while the first stands: both are reported.
    s.write("templates/page.html", "{% if %}");
    let r = s.changed(&["templates/page.html"]);
    assert_eq!(r.errors.len(), 2, "{:?}", r.errors);

    fs::remove_file(s.root().join("templates/page.html")).unwrap();
    s.write("content/about.md", &about.replace("Corrections", "Fixes"));
    let r = s.changed(&["content/about.md", "templates/page.html"]);
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    assert!(s.hub.failure().is_none());
    assert!(s.page("about/index.html").contains("Fixes"));
    s.assert_fresh("recovered");

    // A broken site.yaml, then fixed.
    let cfg = s.read("site.yaml");
    s.write("site.yaml", "title: [\n");
    let r = s.changed(&["site.yaml"]);
    assert!(!r.errors.is_empty());
    assert!(s.hub.failure().is_some());
    s.write("site.yaml", &cfg);
    let r = s.changed(&["site.yaml"]);
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    assert!(s.hub.failure().is_none());
    s.assert_fresh("site.yaml fixed");
}

#[test]
fn two_pages_with_one_url_are_an_error_until_one_moves() {
    let mut s = Site::new();
    s.write(
        "content/about-2.md",
        "---\ntitle: Also about\nslug: about\n---\nx\n",
    );
    let r = s.changed(&["content/about-2.md"]);
    assert!(
        r.errors
            .iter()
            .any(|e| e.message.contains("two pages have the URL /about/")),
        "{:?}",
        r.errors
    );
    s.write(
        "content/about-2.md",
        "---\ntitle: Also about\nslug: more\n---\nx\n",
    );
    let r = s.changed(&["content/about-2.md"]);
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    s.assert_fresh("url clash resolved");
}

#[test]
fn saving_unchanged_text_does_nothing() {
    let mut s = Site::new();
    let build = s.hub.snapshot().build;
    let about = s.read("content/about.md");
    s.write("content/about.md", &about);
    let r = s.changed(&["content/about.md", "dist/index.html", "target/x"]);
    assert_eq!((r.rendered, r.changed), (0, 0));
    assert_eq!(s.hub.snapshot().build, build, "nothing was published");
}

#[test]
fn a_settle_that_steps_aside_for_a_new_save_still_ends_consistent() {
    let mut s = Site::new();
    let about = s.read("content/about.md");
    s.write(
        "content/about.md",
        &about.replace("Corrections", "First save"),
    );
    let mut changes = Changes::default();
    changes.add(Path::new("content/about.md"));
    s.engine.apply(&changes, &s.hub);
    assert!(
        s.page("about/index.html").contains("First save"),
        "shown at once"
    );
    // A new save is waiting: the settle stops before rendering the derived pages.
    let r = s.engine.settle(&s.hub, &|| true);
    assert_eq!(r.rendered, 0);
    assert!(s.engine.is_dirty());
    s.write(
        "content/about.md",
        &about.replace("title: About this briefing", "title: Second save"),
    );
    s.engine.apply(&changes, &s.hub);
    assert!(
        s.page("about/index.html").contains("Second save"),
        "shown at once"
    );
    s.engine.settle(&s.hub, &|| false);
    s.assert_fresh("after stepping aside");
}

#[test]
fn paginated_listings_through_serve_equal_a_fresh_build() {
    let mut s = Site::new();
    let cfg = s.read("site.yaml");
    s.write("site.yaml", &format!("{cfg}\npaginate_by: 1\n"));
    s.changed(&["site.yaml"]);
    s.assert_fresh("paginate_by: 1");
    let slug = common::first_briefing(s.root());
    let rel = format!("content/briefings/{slug}.md");

    // A title edit: the listing pages that show the briefing change, the others are
    // reused (each of Syria's three pages shows one briefing).
    let text = s.read(&rel);
    let title_line = text.lines().find(|l| l.starts_with("title:")).unwrap();
    s.write(
        &rel,
        &text.replace(title_line, "title: A title edited in serve"),
    );
    let r = s.changed(&[&rel]);
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    s.assert_fresh("title edit, paginated");
    let syria: Vec<String> = ["", "page/2/", "page/3/"]
        .iter()
        .map(|p| s.page(&format!("countries/syria/{p}index.html")))
        .collect();
    assert_eq!(
        syria
            .iter()
            .filter(|h| h.contains("A title edited in serve"))
            .count(),
        1,
        "the briefing is on one page of the term"
    );
    assert!(
        r.reused > 3,
        "listing pages without the briefing are reused: {r:?}"
    );

    // A date edit moves the briefing to another page of every listing.
    let text = s.read(&rel);
    let date_line = text.lines().find(|l| l.starts_with("date:")).unwrap();
    s.write(&rel, &text.replace(date_line, "date: 1999-01-01"));
    s.changed(&[&rel]);
    s.assert_fresh("date edit, paginated");
    assert!(
        s.page("briefings/page/3/index.html")
            .contains("A title edited in serve"),
        "the oldest briefing is on the last page"
    );

    // A new briefing makes a fourth page; removing it takes the page away again.
    s.write(
        "content/briefings/extra.md",
        "---\ntitle: An extra report\ndate: 2020-11-13\n---\nSyria hosted the conference.\n",
    );
    s.changed(&["content/briefings/extra.md"]);
    s.assert_fresh("new briefing, paginated");
    assert!(
        s.page("briefings/page/4/index.html")
            .contains("Page 4 of 4")
    );
    fs::remove_file(s.root().join("content/briefings/extra.md")).unwrap();
    s.changed(&["content/briefings/extra.md"]);
    s.assert_fresh("briefing removed, paginated");
    assert!(
        !s.hub
            .snapshot()
            .outputs
            .contains_key("briefings/page/4/index.html")
    );
}
