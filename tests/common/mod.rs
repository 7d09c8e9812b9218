//! Helpers shared by the integration tests: a copy of this repository's site in a temp
//! folder, to edit freely.
#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};

/// Copies `site.yaml`, `seeds/`, `content/` and `themes/` of this repository into `dest`.
pub fn copy_site(dest: &Path) {
    let src = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    fs::copy(src.join("site.yaml"), dest.join("site.yaml")).unwrap();
    for dir in ["seeds", "content", "themes"] {
        copy_dir(&src.join(dir), &dest.join(dir));
    }
}

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

/// The slug (file stem) of the first generated page, in name order.
pub fn first_briefing(root: &Path) -> String {
    let mut names: Vec<String> = fs::read_dir(root.join("content/briefings"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".md"))
        .collect();
    names.sort();
    names[0].trim_end_matches(".md").to_string()
}
