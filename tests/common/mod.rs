//! Shared helpers for the integration tests: fixture sites copied to temp folders.
#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};

/// The folder of a fixture site under `tests/fixtures/`.
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// Copies a folder recursively.
pub fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// A temp copy of a fixture site; the folder lives as long as the returned guard.
pub fn site(name: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("site");
    copy_dir(&fixture(name), &root);
    (dir, root)
}

/// A temp copy of the real briefing site (site.yaml, seeds, hand-written content).
pub fn real_site() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("site");
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    fs::create_dir_all(&root).unwrap();
    fs::copy(repo.join("site.yaml"), root.join("site.yaml")).unwrap();
    copy_dir(&repo.join("seeds"), &root.join("seeds"));
    fs::create_dir_all(root.join("content")).unwrap();
    fs::copy(repo.join("content/about.md"), root.join("content/about.md")).unwrap();
    (dir, root)
}

/// Every file under `dir` with its bytes, by relative path.
pub fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.unwrap();
        if entry.file_type().is_file() {
            let rel = entry
                .path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            out.push((rel, fs::read(entry.path()).unwrap()));
        }
    }
    out
}

pub fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Whether an element attribute `name=value` is in minified or unminified HTML
/// (minify-html drops quotes where they are not needed).
pub fn has_attr(html: &str, name: &str, value: &str) -> bool {
    html.contains(&format!("{name}=\"{value}\""))
        || html.contains(&format!("{name}={value}>"))
        || html.contains(&format!("{name}={value} "))
}
