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
