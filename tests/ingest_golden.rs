//! Golden tests for ingest: every seed of this repository and every fixture under
//! `tests/fixtures/ingest/` has the page ingest writes for it stored beside it
//! (`<seed>.expected.md`), or, for a seed that gives no page, its messages
//! (`<seed>.expected.txt`). The pages are written without the analysis (no summary,
//! tags or entities), so they change only when ingest or the page writer does.
//!
//! `UPDATE_GOLDEN=1 cargo test --test ingest_golden` rewrites the expected files; review
//! the diff before committing it.

use std::fs;
use std::path::{Path, PathBuf};

use briefing::common::slug::page_slug;
use briefing::ingest::{is_seed_name, parse_seed};
use briefing::to_markdown::{ArticleFacts, PageInput, generate_page};

/// What ingest makes of one seed: its page, or its messages.
fn ingest_output(name: &str, text: &str) -> (String, &'static str) {
    match parse_seed(name, text) {
        Ok(parsed) => {
            let mut notes = String::new();
            for w in &parsed.warnings {
                notes.push_str(&format!("warning: {w}\n"));
            }
            match parsed.article {
                Some(article) => {
                    let slug = page_slug(&article.title);
                    let page = generate_page(&PageInput {
                        article: &article,
                        slug: &slug,
                        seed_name: name,
                        seed_text: text,
                        facts: &ArticleFacts::default(),
                        words_per_minute: 220,
                    });
                    let mut cut = String::new();
                    for c in &article.cut {
                        cut.push_str(&format!("<!-- cut ({}): {} -->\n", c.kind.label(), c.line));
                    }
                    (
                        format!("{page}{notes_md}{cut}", notes_md = md_comment(&notes)),
                        "md",
                    )
                }
                None => (notes, "txt"),
            }
        }
        Err(e) => (format!("error: {e}\n"), "txt"),
    }
}

fn md_comment(notes: &str) -> String {
    notes.lines().map(|l| format!("<!-- {l} -->\n")).collect()
}

fn check_dir(inputs: &Path, expected_dir: &Path) -> Vec<String> {
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let mut failures = Vec::new();
    let mut names: Vec<PathBuf> = fs::read_dir(inputs)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .collect();
    names.sort();
    let mut seen = 0;
    for path in names {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if !is_seed_name(&name) || name.contains(".expected.") {
            continue;
        }
        seen += 1;
        let text = fs::read_to_string(&path).unwrap();
        let (got, ext) = ingest_output(&name, &text);
        let expected_path = expected_dir.join(format!("{name}.expected.{ext}"));
        if update {
            fs::create_dir_all(expected_dir).unwrap();
            for other in ["md", "txt"] {
                let _ = fs::remove_file(expected_dir.join(format!("{name}.expected.{other}")));
            }
            fs::write(&expected_path, &got).unwrap();
            continue;
        }
        match fs::read_to_string(&expected_path) {
            Ok(want) if want == got => {}
            Ok(want) => failures.push(format!(
                "{}: ingest output differs from {}\n{}",
                name,
                expected_path.display(),
                first_difference(&want, &got)
            )),
            Err(_) => failures.push(format!(
                "{name}: no expected file {} (run with UPDATE_GOLDEN=1)",
                expected_path.display()
            )),
        }
    }
    assert!(seen > 0, "no seeds in {}", inputs.display());
    failures
}

fn first_difference(want: &str, got: &str) -> String {
    for (i, (w, g)) in want.lines().zip(got.lines()).enumerate() {
        if w != g {
            return format!("line {}:\n  want: {w}\n  got:  {g}", i + 1);
        }
    }
    format!(
        "lengths differ: want {} lines, got {}",
        want.lines().count(),
        got.lines().count()
    )
}

#[test]
fn fixture_openings_match_their_expected_pages() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ingest");
    let failures = check_dir(&dir, &dir);
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn the_repository_seeds_match_their_expected_pages() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let failures = check_dir(
        &root.join("seeds"),
        &root.join("tests/fixtures/ingest/seeds"),
    );
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
