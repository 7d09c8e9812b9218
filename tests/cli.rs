//! CLI tests: messages on stderr and exit codes (0 ok, 1 build error, 2 bad usage).

mod common;

use std::fs;

use assert_cmd::Command;
use predicates::prelude::*;

fn briefing() -> Command {
    Command::cargo_bin("briefing").unwrap()
}

#[test]
fn build_succeeds_and_reports_what_it_did() {
    let (_tmp, root) = common::site("basic");
    briefing()
        .args(["build", "--root"])
        .arg(&root)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "ingest: seeds/geneva.txt: created",
        ))
        .stdout(predicate::str::contains("built 1 briefings"));
}

#[test]
fn bad_usage_exits_2() {
    briefing().arg("frobnicate").assert().code(2);
    briefing()
        .args(["build", "--no-such-flag"])
        .assert()
        .code(2);
}

#[test]
fn bad_front_matter_names_file_line_and_column_and_exits_1() {
    let (_tmp, root) = common::site("bad_pages");
    briefing()
        .args(["build", "--root"])
        .arg(&root)
        .assert()
        .code(1)
        .stderr(
            predicate::str::is_match(r"error: invalid front matter in content/broken\.md:3:\d+")
                .unwrap(),
        )
        .stderr(predicate::str::contains(
            "error: invalid front matter in content/no-title.md",
        ))
        .stderr(predicate::str::contains("missing field `title`"))
        .stderr(predicate::str::contains(
            "error: build failed with 2 errors",
        ));
}

#[test]
fn template_error_names_the_template_file_line_and_column() {
    let (_tmp, root) = common::site("bad_template");
    briefing()
        .args(["build", "--root"])
        .arg(&root)
        .assert()
        .code(1)
        .stderr(
            predicate::str::is_match(r"error: template error in templates/page\.html:3:\d+")
                .unwrap(),
        );
}

#[test]
fn missing_theme_is_a_clear_error() {
    let (_tmp, root) = common::site("missing_theme");
    briefing()
        .args(["build", "--root"])
        .arg(&root)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "error: theme `nonexistent` not found in site.yaml",
        ))
        .stderr(predicate::str::contains("hint:"));
}

#[test]
fn unreadable_seed_names_the_byte_position() {
    let (_tmp, root) = common::site("basic");
    fs::write(
        root.join("seeds/bad.txt"),
        b"Fine first line.\n\nBroken \xff here.\n",
    )
    .unwrap();
    briefing()
        .args(["build", "--root"])
        .arg(&root)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "error: file is not valid UTF-8 in seeds/bad.txt:3:8",
        ));
    assert!(!root.join("dist").exists());
}

#[test]
fn missing_site_folder_is_an_error_not_a_panic() {
    briefing()
        .args(["build", "--root", "/nonexistent/site"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("site folder not found"))
        .stderr(predicate::str::contains("panicked").not());
}

#[test]
fn ingest_force_regenerates_an_edited_page() {
    let (_tmp, root) = common::site("basic");
    briefing()
        .args(["ingest", "--root"])
        .arg(&root)
        .assert()
        .success();
    let page =
        root.join("content/briefings/ministers-meet-geneva-discuss-water-rights-talks-resume.md");
    fs::write(
        &page,
        common::read(&page).replace("Delegates from", "Edited: delegates from"),
    )
    .unwrap();
    briefing()
        .args(["ingest", "--root"])
        .arg(&root)
        .assert()
        .success()
        .stdout(predicate::str::contains("kept (edited by hand)"));
    assert!(common::read(&page).contains("Edited:"));
    briefing()
        .args(["ingest", "--force", "--root"])
        .arg(&root)
        .arg("seeds/geneva.txt")
        .assert()
        .success()
        .stdout(predicate::str::contains("regenerated (forced over edits)"));
    assert!(!common::read(&page).contains("Edited:"));
}

#[test]
fn ingest_of_an_unknown_seed_fails() {
    let (_tmp, root) = common::site("basic");
    briefing()
        .args(["ingest", "--force", "--root"])
        .arg(&root)
        .arg("seeds/nope.txt")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no seed named `nope.txt`"));
}

#[test]
fn check_writes_nothing() {
    let (_tmp, root) = common::site("basic");
    briefing()
        .args(["check", "--root"])
        .arg(&root)
        .assert()
        .success()
        .stdout(predicate::str::contains("check passed"));
    assert!(!root.join("dist").exists());
    assert!(!root.join("content/briefings").exists());
}

fn ingest_fixture(name: &str) -> std::path::PathBuf {
    common::fixture("ingest").join(name)
}

#[test]
fn empty_and_whitespace_seeds_are_skipped_with_a_warning_naming_them() {
    let (_tmp, root) = common::site("basic");
    fs::write(root.join("seeds/empty.txt"), "").unwrap();
    fs::write(root.join("seeds/blank.txt"), "  \n\n\t \n").unwrap();
    briefing()
        .args(["build", "--root"])
        .arg(&root)
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "warning: seed `empty.txt` is empty; it was skipped in seeds/empty.txt",
        ))
        .stderr(predicate::str::contains(
            "warning: seed `blank.txt` is empty; it was skipped in seeds/blank.txt",
        ))
        .stdout(predicate::str::contains("built 1 briefings"));
    assert_eq!(
        common::briefing_pages(&root),
        ["ministers-meet-geneva-discuss-water-rights-talks-resume.md"]
    );
}

#[test]
fn a_seed_over_the_size_limit_fails_alone_naming_file_size_and_limit() {
    let (_tmp, root) = common::site("basic");
    fs::write(
        root.join("site.yaml"),
        common::read(&root.join("site.yaml")) + "max_seed_bytes: 2000\n",
    )
    .unwrap();
    fs::write(
        root.join("seeds/huge.txt"),
        "A long sentence about the harbour.\n".repeat(200),
    )
    .unwrap();
    briefing()
        .args(["build", "--root"])
        .arg(&root)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "error: seed is too large: 7 KB (7000 bytes), over the limit of 2 KB in seeds/huge.txt",
        ))
        .stderr(predicate::str::contains("max_seed_bytes"));
    // The other seed still became its page; no page for the refused one.
    assert_eq!(
        common::briefing_pages(&root),
        ["ministers-meet-geneva-discuss-water-rights-talks-resume.md"]
    );
}

#[test]
fn a_saved_page_and_a_seed_with_its_own_front_matter_build_and_v_lists_the_cuts() {
    let (_tmp, root) = common::site("basic");
    for name in ["saved_page.html", "own_front_matter.txt"] {
        fs::copy(ingest_fixture(name), root.join("seeds").join(name)).unwrap();
    }
    briefing()
        .args(["build", "-v", "--root"])
        .arg(&root)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "cut: seeds/saved_page.html: section label: \"Breaking News\"",
        ))
        .stdout(predicate::str::contains(
            "cut: seeds/own_front_matter.txt: share bar: \"Share this article\"",
        ))
        .stdout(predicate::str::contains("built 3 briefings"));
    let saved = common::read(
        &root.join("content/briefings/ferry-link-between-islands-reopens-after-storm-repairs.md"),
    );
    assert!(saved.contains("source: Harbour Times\n"), "{saved}");
    assert!(saved.contains("date: 2021-03-04\n"), "{saved}");
    for banned in [
        "<script",
        "onload",
        "javascript:",
        "data:",
        "iframe",
        "style=",
        "Accept all",
    ] {
        assert!(!saved.contains(banned), "{banned} in {saved}");
    }
    let own = common::read(
        &root.join("content/briefings/coastal-states-agree-shared-fisheries-quota.md"),
    );
    assert!(own.contains("source_url: https://harbour-times.example/news/fisheries-quota\n"));
    assert!(own.contains("date: 2021-06-02\n"));
    // The built page carries none of the saved page's markup.
    let html =
        common::read(&root.join(
            "dist/briefings/ferry-link-between-islands-reopens-after-storm-repairs/index.html",
        ));
    for banned in ["onload", "javascript:", "data:image", "<iframe", "alert("] {
        assert!(!html.contains(banned), "{banned} in the built page");
    }
}

#[test]
fn a_broken_seed_front_matter_names_seed_line_and_column() {
    let (_tmp, root) = common::site("basic");
    fs::copy(
        ingest_fixture("broken_yaml.txt"),
        root.join("seeds/broken_yaml.txt"),
    )
    .unwrap();
    briefing()
        .args(["build", "--root"])
        .arg(&root)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "error: invalid YAML block in seed in seeds/broken_yaml.txt:3:7",
        ));
}
