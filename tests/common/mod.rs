//! Shared helpers for the integration tests: fixture sites copied to temp folders.
#![allow(dead_code)]

pub mod browser;

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

/// The file names in a site's `content/briefings/`, sorted.
pub fn briefing_pages(root: &Path) -> Vec<String> {
    let mut out: Vec<String> = fs::read_dir(root.join("content/briefings"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    out.sort();
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

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::{Duration, Instant};

/// A raw HTTP/1.1 request, the target sent exactly as given (no client normalises it).
pub fn http(addr: SocketAddr, method: &str, target: &str) -> (u16, String, Vec<u8>) {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    write!(
        s,
        "{method} {target} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).unwrap();
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("a response head");
    let head = String::from_utf8_lossy(&raw[..split]).into_owned();
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    (status, head.to_ascii_lowercase(), raw[split + 4..].to_vec())
}

/// Waits until `ok` holds (polling every 5 ms), or panics after `secs` with `what`.
pub fn wait_until(secs: u64, what: &str, mut ok: impl FnMut() -> bool) {
    let t = Instant::now();
    while !ok() {
        assert!(t.elapsed() < Duration::from_secs(secs), "timed out: {what}");
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// A served copy of this repository's site on a free port.
pub fn serve_copy() -> (tempfile::TempDir, briefing::serve::Running) {
    let dir = tempfile::tempdir().unwrap();
    copy_site(dir.path());
    let running = serve_dir(dir.path());
    (dir, running)
}

pub fn serve_dir(root: &Path) -> briefing::serve::Running {
    let mut opts = briefing::serve::ServeOptions::new(root);
    opts.port = 0;
    briefing::serve::start(opts, Box::new(|_| {})).unwrap()
}

/// Copies `site.yaml`, `seeds/`, `content/` and `themes/` of this repository into `dest`.
pub fn copy_site(dest: &Path) {
    let src = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    fs::copy(src.join("site.yaml"), dest.join("site.yaml")).unwrap();
    for dir in ["seeds", "content", "themes"] {
        copy_dir(&src.join(dir), &dest.join(dir));
    }
}
