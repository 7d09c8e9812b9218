//! Watching the site for `serve`: notify's watcher on `seeds/`, `content/`, `themes/`,
//! `templates/`, `static/` (recursively) and the root (for `site.yaml` and those folders
//! appearing), with a trailing debounce: a batch ends after [`QUIET`] without a relevant
//! event (at most [`MAX_WAIT`] after its first), so an editor's save — write, rename,
//! delete the backup — is one batch. Events name paths only; the engine re-reads them and
//! compares, so renames, deletions and re-creations need no special case. `dist/`,
//! `target/` and everything else in the root is never watched; editor temp and swap files
//! are ignored.

use std::collections::BTreeSet;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use notify::event::{AccessKind, AccessMode, EventKind};
use notify::{Event, RecommendedWatcher, RecursiveMode, Watcher};

use crate::load::is_temp_file;

/// Quiet time that ends a batch of file events.
pub const QUIET: Duration = Duration::from_millis(10);
/// Longest a batch waits for quiet after its first event.
pub const MAX_WAIT: Duration = Duration::from_millis(100);

/// The root's folders that are watched recursively.
pub const WATCHED_DIRS: [&str; 5] = ["seeds", "content", "themes", "templates", "static"];

/// What a set of events asks the engine to look at again.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Changes {
    /// `site.yaml` changed, or events were lost: read everything again.
    pub full: bool,
    /// Seed files (names in `seeds/`) to read again.
    pub seeds: BTreeSet<String>,
    /// The `seeds/` folder itself appeared, went or moved.
    pub all_seeds: bool,
    /// Paths under `content/` (files or folders) to read again.
    pub content: BTreeSet<PathBuf>,
    /// `content/_data/` changed.
    pub data: bool,
    /// A theme, template or static file changed.
    pub theme: bool,
}

impl Changes {
    pub fn is_empty(&self) -> bool {
        *self == Changes::default()
    }

    /// Adds a path relative to the site root; false when the path is not the site's
    /// business (output folders, editor temp files, anything outside the watched set).
    pub fn add(&mut self, rel: &Path) -> bool {
        let parts: Vec<String> = rel
            .components()
            .filter_map(|c| match c {
                Component::Normal(s) => Some(s.to_string_lossy().into_owned()),
                _ => None,
            })
            .collect();
        let Some(first) = parts.first() else {
            return false;
        };
        let name = parts.last().map(String::as_str).unwrap_or_default();
        if is_editor_noise(name) {
            return false;
        }
        match (first.as_str(), parts.len()) {
            ("site.yaml", 1) => self.full = true,
            ("seeds", 1) => self.all_seeds = true,
            ("seeds", 2) if crate::ingest::seed::is_seed_name(name) => {
                self.seeds.insert(name.to_string());
            }
            ("content", n) if n >= 2 && parts[1] == "_data" => self.data = true,
            ("content", _) => {
                self.content.insert(rel.to_path_buf());
            }
            ("themes" | "templates" | "static", _) => self.theme = true,
            _ => return false,
        }
        true
    }

    /// Folds another batch in.
    pub fn merge(&mut self, other: Changes) {
        self.full |= other.full;
        self.all_seeds |= other.all_seeds;
        self.data |= other.data;
        self.theme |= other.theme;
        self.seeds.extend(other.seeds);
        self.content.extend(other.content);
    }
}

/// Editor temp, swap and backup files: vim (`.x.swp`, `x~`, `4913`), Emacs (`#x#`,
/// `.#x`), JetBrains safe writes (`x___jb_tmp___`, `x___jb_old___`), `*.tmp`, and our own
/// atomic writes (`.x.tmp-PID`).
pub fn is_editor_noise(name: &str) -> bool {
    is_temp_file(name)
        || name.ends_with("___jb_tmp___")
        || name.ends_with("___jb_old___")
        || name == "4913"
        || name.ends_with(".swo")
        || name.ends_with(".bak")
}

/// Whether an event kind can mean a change (opening or reading a file cannot; serve's own
/// reads would otherwise wake it).
fn is_change(kind: &EventKind) -> bool {
    match kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) => false,
        _ => true,
    }
}

/// A running watcher; batches come from [`Watch::next_batch`].
pub struct Watch {
    root: PathBuf,
    watcher: RecommendedWatcher,
    rx: mpsc::Receiver<notify::Result<Event>>,
    watched: BTreeSet<String>,
    waiting: Arc<AtomicBool>,
}

impl std::fmt::Debug for Watch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Watch")
            .field("root", &self.root)
            .field("watched", &self.watched)
            .finish()
    }
}

impl Watch {
    /// Starts watching the site at `root`.
    pub fn start(root: &Path) -> notify::Result<Watch> {
        let root = root.canonicalize().map_err(notify::Error::io)?;
        let (tx, rx) = mpsc::channel::<notify::Result<Event>>();
        // Raised (from notify's thread) as soon as a relevant event arrives, so a long
        // rebuild can step aside for a new save.
        let waiting = Arc::new(AtomicBool::new(false));
        let flag = waiting.clone();
        let base = root.clone();
        let mut watcher = notify::recommended_watcher(move |event: notify::Result<Event>| {
            // The same test as `take` (events it would ignore must not raise the flag).
            let relevant = match &event {
                Err(_) => true,
                Ok(e) if e.need_rescan() => true,
                Ok(e) if !is_change(&e.kind) => false,
                Ok(e) => e.paths.iter().any(|p| {
                    p.strip_prefix(&base)
                        .is_ok_and(|rel| Changes::default().add(rel))
                }),
            };
            if relevant {
                flag.store(true, Ordering::Release);
            }
            let _ = tx.send(event);
        })?;
        watcher.watch(&root, RecursiveMode::NonRecursive)?;
        let mut w = Watch {
            root,
            watcher,
            rx,
            watched: BTreeSet::new(),
            waiting,
        };
        for dir in WATCHED_DIRS {
            w.watch_dir(dir);
        }
        Ok(w)
    }

    /// Watches a top-level folder if it exists (it may appear later; then again).
    fn watch_dir(&mut self, dir: &str) {
        let path = self.root.join(dir);
        if path.is_dir() && self.watcher.watch(&path, RecursiveMode::Recursive).is_ok() {
            self.watched.insert(dir.to_string());
        } else {
            self.watched.remove(dir);
        }
    }

    /// Folds one raw event into `changes`; true when it mattered.
    fn take(&mut self, event: notify::Result<Event>, changes: &mut Changes) -> bool {
        let event = match event {
            Ok(e) => e,
            // A watcher error may mean lost events: look at everything again.
            Err(_) => {
                changes.full = true;
                return true;
            }
        };
        if event.need_rescan() {
            changes.full = true;
            return true;
        }
        if !is_change(&event.kind) {
            return false;
        }
        let mut relevant = false;
        for path in &event.paths {
            let Ok(rel) = path.strip_prefix(&self.root) else {
                continue;
            };
            // A watched folder that appears (created, renamed into place) needs a watch.
            if let Some(top) = rel.to_str().filter(|r| WATCHED_DIRS.contains(r)) {
                let top = top.to_string();
                self.watch_dir(&top);
            }
            relevant |= changes.add(rel);
        }
        relevant
    }

    /// A flag raised when a relevant event is waiting (lowered as batches are taken).
    pub fn waiting(&self) -> Arc<AtomicBool> {
        self.waiting.clone()
    }

    /// Blocks until a batch of relevant events has ended, or `None` once `stop` says so
    /// (checked every `poll`).
    pub fn next_batch(&mut self, stop: &dyn Fn() -> bool, poll: Duration) -> Option<Changes> {
        let mut changes = Changes::default();
        self.waiting.store(false, Ordering::Release);
        loop {
            if stop() {
                return None;
            }
            match self.rx.recv_timeout(poll) {
                Ok(ev) => {
                    if self.take(ev, &mut changes) {
                        return Some(self.until_quiet(changes));
                    }
                }
                Err(mpsc::RecvTimeoutError::Timeout) => {}
                Err(mpsc::RecvTimeoutError::Disconnected) => return None,
            }
        }
    }

    /// A batch that has begun already (events waiting now), debounced like any other;
    /// `None` when no relevant event is waiting. Lets the engine take a new edit in before
    /// finishing the slower work of the last one.
    pub fn pending(&mut self) -> Option<Changes> {
        let mut changes = Changes::default();
        self.waiting.store(false, Ordering::Release);
        while let Ok(ev) = self.rx.try_recv() {
            if self.take(ev, &mut changes) {
                return Some(self.until_quiet(changes));
            }
        }
        None
    }

    /// Adds events until [`QUIET`] passes without a relevant one (or [`MAX_WAIT`]).
    fn until_quiet(&mut self, mut changes: Changes) -> Changes {
        let first = Instant::now();
        let mut last = first;
        loop {
            let now = Instant::now();
            let until = (last + QUIET).min(first + MAX_WAIT);
            if now >= until {
                return changes;
            }
            match self.rx.recv_timeout(until - now) {
                Ok(ev) => {
                    if self.take(ev, &mut changes) {
                        last = Instant::now();
                    }
                }
                Err(_) => return changes,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn changes(paths: &[&str]) -> (Changes, Vec<bool>) {
        let mut c = Changes::default();
        let took = paths.iter().map(|p| c.add(Path::new(p))).collect();
        (c, took)
    }

    #[test]
    fn paths_are_classified_by_folder() {
        let (c, took) = changes(&[
            "site.yaml",
            "seeds/a.txt",
            "seeds/b.md",
            "seeds/c.html",
            "content/briefings/x.md",
            "content/_data/attendance.yaml",
            "templates/page.html",
            "themes/briefing/static/style.css",
        ]);
        assert!(took.iter().all(|t| *t));
        assert!(c.full && c.data && c.theme);
        assert_eq!(
            c.seeds.iter().collect::<Vec<_>>(),
            ["a.txt", "b.md", "c.html"]
        );
        assert_eq!(
            c.content.iter().collect::<Vec<_>>(),
            [Path::new("content/briefings/x.md")]
        );
    }

    #[test]
    fn outputs_and_editor_noise_are_ignored() {
        let (c, took) = changes(&[
            "dist/index.html",
            "dist",
            "target/debug/briefing",
            ".git/index",
            "content/briefings/.x.md.swp",
            "content/briefings/x.md~",
            "content/briefings/4913",
            "content/briefings/x.md___jb_tmp___",
            "content/briefings/x.md___jb_old___",
            "content/briefings/.x.md.tmp-123",
            "seeds/#a.txt#",
            "seeds/notes.pdf",
            "seeds/sub/a.txt",
            "README.md",
        ]);
        assert!(c.is_empty(), "{c:?}");
        assert!(took.iter().all(|t| !t));
    }

    #[test]
    fn folders_themselves_count() {
        let (c, _) = changes(&["content/briefings", "seeds", "content"]);
        assert!(c.all_seeds);
        assert_eq!(c.content.len(), 2);
    }

    #[test]
    fn reads_do_not_count_as_changes() {
        assert!(!is_change(&EventKind::Access(AccessKind::Open(
            notify::event::AccessMode::Any
        ))));
        assert!(!is_change(&EventKind::Access(AccessKind::Close(
            AccessMode::Read
        ))));
        assert!(is_change(&EventKind::Access(AccessKind::Close(
            AccessMode::Write
        ))));
        assert!(is_change(&EventKind::Remove(
            notify::event::RemoveKind::File
        )));
    }
}
