//! `serve`'s watcher with real files and editors' habits: atomic saves by rename (vim,
//! JetBrains), temp and swap files, a file deleted and re-created, a folder renamed, a
//! burst of saves (the last wins), and output folders that never trigger a build.

mod common;

use std::fs;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use briefing::serve::hub::Notice;
use common::{serve_copy, wait_until};

fn page(running: &briefing::serve::Running, key: &str) -> Option<String> {
    running
        .hub
        .snapshot()
        .outputs
        .get(key)
        .map(|b| String::from_utf8_lossy(b).into_owned())
}

fn shows(running: &briefing::serve::Running, key: &str, text: &str) -> bool {
    page(running, key).is_some_and(|p| p.contains(text))
}

/// Every notice sent until the hub has been quiet for `quiet`.
fn notices_until_quiet(
    rx: &mut tokio::sync::broadcast::Receiver<Arc<Notice>>,
    quiet: Duration,
) -> Vec<Arc<Notice>> {
    let mut out = Vec::new();
    let mut last = std::time::Instant::now();
    while last.elapsed() < quiet {
        match rx.try_recv() {
            Ok(n) => {
                out.push(n);
                last = std::time::Instant::now();
            }
            Err(_) => std::thread::sleep(Duration::from_millis(5)),
        }
    }
    out
}

#[test]
fn atomic_saves_by_rename_are_one_update_without_a_gap() {
    let (dir, running) = serve_copy();
    let root = dir.path();
    let rel = "content/about.md";
    let key = "about/index.html";
    let text = fs::read_to_string(root.join(rel)).unwrap();
    let mut rx = running.hub.subscribe();
    // Watch every published state while the editors save: the page must never be missing.
    let hub = running.hub.clone();
    let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let stop_w = stop.clone();
    let gaps = std::thread::spawn(move || {
        let mut gaps = 0;
        while !stop_w.load(std::sync::atomic::Ordering::Relaxed) {
            if !hub.snapshot().outputs.contains_key("about/index.html") {
                gaps += 1;
            }
            std::thread::sleep(Duration::from_micros(500));
        }
        gaps
    });

    // vim (backupcopy=no): rename to x~, write a new x, delete x~.
    fs::rename(root.join(rel), root.join("content/about.md~")).unwrap();
    fs::write(root.join("content/4913"), "").unwrap();
    fs::remove_file(root.join("content/4913")).unwrap();
    fs::write(root.join(rel), text.replace("Corrections", "Vim saved")).unwrap();
    fs::remove_file(root.join("content/about.md~")).unwrap();
    wait_until(10, "vim save", || shows(&running, key, "Vim saved"));
    let notices = notices_until_quiet(&mut rx, Duration::from_millis(400));
    assert!(
        notices.iter().all(|n| n.event_name() == "pages"),
        "{notices:?}"
    );
    for n in &notices {
        if let Notice::Pages { paths, .. } = &**n {
            assert!(
                !paths.contains(&"/404.html".to_string()),
                "the page never went: {n:?}"
            );
        }
    }
    assert!(page(&running, key).is_some());

    // JetBrains safe write: write x___jb_tmp___, rename x to x___jb_old___, rename the
    // temp over x, delete the old one.
    let tmp = root.join("content/about.md___jb_tmp___");
    let old = root.join("content/about.md___jb_old___");
    fs::write(&tmp, text.replace("Corrections", "JetBrains saved")).unwrap();
    fs::rename(root.join(rel), &old).unwrap();
    fs::rename(&tmp, root.join(rel)).unwrap();
    fs::remove_file(&old).unwrap();
    wait_until(10, "jetbrains save", || {
        shows(&running, key, "JetBrains saved")
    });
    let notices = notices_until_quiet(&mut rx, Duration::from_millis(400));
    assert!(
        notices.iter().all(|n| n.event_name() == "pages"),
        "{notices:?}"
    );
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    assert_eq!(gaps.join().unwrap(), 0, "the page was never missing");
    running.stop();
}

#[test]
fn temp_swap_and_output_files_never_trigger_a_build() {
    let (dir, running) = serve_copy();
    let root = dir.path();
    let build = running.hub.snapshot().build;
    fs::write(root.join("content/.about.md.swp"), "swap").unwrap();
    fs::write(root.join("content/.about.md.swx"), "swap").unwrap();
    fs::write(root.join("content/about.md~"), "backup").unwrap();
    fs::write(root.join("content/#about.md#"), "emacs").unwrap();
    fs::write(root.join("seeds/.x.txt.swp"), "swap").unwrap();
    fs::create_dir_all(root.join("dist/briefings")).unwrap();
    fs::write(root.join("dist/index.html"), "<p>stale</p>").unwrap();
    fs::write(root.join("dist/briefings/x.html"), "x").unwrap();
    fs::create_dir_all(root.join("target/debug")).unwrap();
    fs::write(root.join("target/debug/out"), "x").unwrap();
    fs::write(root.join("README.md"), "x").unwrap();
    std::thread::sleep(Duration::from_millis(400));
    assert_eq!(
        running.hub.snapshot().build,
        build,
        "no build was published"
    );
    running.stop();
}

#[test]
fn a_file_deleted_and_recreated_and_a_burst_of_saves() {
    let (dir, running) = serve_copy();
    let root = dir.path();
    let rel = root.join("content/notes.md");
    fs::write(&rel, "---\ntitle: Notes\n---\nFirst.\n").unwrap();
    wait_until(10, "new page", || {
        shows(&running, "notes/index.html", "First.")
    });
    fs::remove_file(&rel).unwrap();
    wait_until(10, "page gone", || {
        page(&running, "notes/index.html").is_none()
    });
    fs::write(&rel, "---\ntitle: Notes\n---\nBack again.\n").unwrap();
    wait_until(10, "page back", || {
        shows(&running, "notes/index.html", "Back again.")
    });

    // Twenty saves 3 ms apart: the last one wins.
    for i in 1..=20 {
        fs::write(&rel, format!("---\ntitle: Notes\n---\nSave number {i}.\n")).unwrap();
        std::thread::sleep(Duration::from_millis(3));
    }
    wait_until(10, "last save", || {
        shows(&running, "notes/index.html", "Save number 20.")
    });
    std::thread::sleep(Duration::from_millis(300));
    assert!(shows(&running, "notes/index.html", "Save number 20."));
    running.stop();
}

#[test]
fn a_renamed_folder_moves_its_pages() {
    let (dir, running) = serve_copy();
    let root = dir.path();
    fs::create_dir_all(root.join("content/guides")).unwrap();
    fs::write(
        root.join("content/guides/howto.md"),
        "---\ntitle: How to read it\n---\nRead slowly.\n",
    )
    .unwrap();
    wait_until(10, "guide", || {
        shows(&running, "guides/howto/index.html", "Read slowly.")
    });
    fs::rename(root.join("content/guides"), root.join("content/manuals")).unwrap();
    wait_until(10, "moved", || {
        shows(&running, "manuals/howto/index.html", "Read slowly.")
            && page(&running, "guides/howto/index.html").is_none()
    });
    // Files written into the renamed folder are watched there.
    fs::write(
        root.join("content/manuals/howto.md"),
        "---\ntitle: How to read it\n---\nRead twice.\n",
    )
    .unwrap();
    wait_until(10, "edit in moved folder", || {
        shows(&running, "manuals/howto/index.html", "Read twice.")
    });
    // A folder that appears after start is watched too.
    fs::create_dir_all(root.join("templates")).unwrap();
    fs::write(
        root.join("templates/page.html"),
        "{% extends \"base.html\" %}{% block content %}<p>override {{ page.title }}</p>{% endblock content %}",
    )
    .unwrap();
    wait_until(10, "template override", || {
        shows(
            &running,
            "manuals/howto/index.html",
            "override How to read it",
        )
    });
    running.stop();
}

#[test]
fn a_seed_edit_reingests_without_looping_on_its_own_write() {
    let (dir, running) = serve_copy();
    let root = dir.path();
    let seed = fs::read_dir(root.join("seeds"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .min()
        .unwrap();
    let page = fs::read_dir(root.join("content/briefings"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| {
            fs::read_to_string(p).unwrap().contains(&format!(
                "seed: {}",
                seed.file_name().unwrap().to_string_lossy()
            ))
        })
        .unwrap();
    let slug = page.file_stem().unwrap().to_string_lossy().into_owned();
    let mut rx = running.hub.subscribe();
    let text = fs::read_to_string(&seed).unwrap();
    fs::write(
        &seed,
        format!("{text}\nA sentence the wires added later.\n"),
    )
    .unwrap();
    let key = format!("briefings/{slug}/index.html");
    wait_until(10, "regenerated page", || {
        shows(&running, &key, "A sentence the wires added later.")
    });
    assert!(
        fs::read_to_string(&page)
            .unwrap()
            .contains("A sentence the wires added later.")
    );
    let first = notices_until_quiet(&mut rx, Duration::from_millis(500));
    assert!(!first.is_empty());
    // The page the engine wrote came back as a file event: it changed nothing. Let the
    // whole-site settle finish (the analyses take a while in a debug build on a busy
    // machine), then no further build may follow: a loop would keep building.
    let mut build = running.hub.snapshot().build;
    let started = std::time::Instant::now();
    loop {
        std::thread::sleep(Duration::from_millis(1500));
        let now = running.hub.snapshot().build;
        if now == build {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "builds never stop: a loop"
        );
        build = now;
    }
    std::thread::sleep(Duration::from_millis(1500));
    assert_eq!(running.hub.snapshot().build, build);
    assert!(Path::new(&page).exists());
    running.stop();
}

#[test]
fn a_seed_that_cannot_be_ingested_shows_its_error_until_it_is_mended() {
    let (dir, running) = serve_copy();
    let root = dir.path();
    let seed = root.join("seeds/zz_broken.txt");
    // A front matter block whose YAML does not parse.
    fs::write(
        &seed,
        "---\ntitle: [unclosed\n---\nOfficials met in the capital on Monday.\n",
    )
    .unwrap();
    let failure_names_seed = || match running.hub.failure() {
        Some(briefing::serve::hub::Notice::Failure { text, .. }) => text.contains("zz_broken.txt"),
        _ => false,
    };
    wait_until(10, "the seed's error in the overlay", failure_names_seed);
    fs::write(
        &seed,
        "---\ntitle: Officials meet in the capital\n---\nOfficials met in the capital on Monday.\n",
    )
    .unwrap();
    wait_until(10, "the error cleared", || running.hub.failure().is_none());
    running.stop();
}
