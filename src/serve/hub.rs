//! What the rebuild engine and the HTTP server share: the published site (an immutable
//! snapshot, swapped whole after each good build), the current build error, the pages the
//! open tabs show, and the channel that tells every tab what changed.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, RwLock};

use bytes::Bytes;
use serde::Serialize;
use tokio::sync::broadcast;

use crate::diagnostics::Diagnostic;

/// The built site: output path (`briefings/x/index.html`) to bytes.
pub type Outputs = BTreeMap<String, Bytes>;

/// One published state of the site.
#[derive(Debug, Default)]
pub struct Snapshot {
    /// Counts publications; tabs compare it to know whether they are current.
    pub build: u64,
    pub outputs: Arc<Outputs>,
    /// False until the first good build.
    pub ready: bool,
}

/// A stylesheet to swap in place: old URL to new URL.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Swap {
    pub from: String,
    pub to: String,
}

/// A diagnostic as the overlay shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DiagnosticView {
    pub message: String,
    pub file: Option<String>,
    pub line: Option<usize>,
    pub col: Option<usize>,
    pub causes: Vec<String>,
    pub hint: Option<String>,
}

impl From<&Diagnostic> for DiagnosticView {
    fn from(d: &Diagnostic) -> Self {
        DiagnosticView {
            message: d.message.clone(),
            file: d.location.as_ref().map(|l| l.file.display().to_string()),
            line: d.location.as_ref().and_then(|l| l.line),
            col: d.location.as_ref().and_then(|l| l.col),
            causes: d.causes.clone(),
            hint: d.hint.clone(),
        }
    }
}

/// What the tabs are told.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Notice {
    /// A good build: these pages changed (`*`: all); any error overlay goes away.
    Pages { build: u64, paths: Vec<String> },
    /// A good build that only changed stylesheets: swap them, keep the page.
    Css { build: u64, swaps: Vec<Swap> },
    /// A failed build: the last good site is still served; show the error.
    Failure {
        build: u64,
        text: String,
        diagnostics: Vec<DiagnosticView>,
    },
}

impl Notice {
    /// The SSE event name.
    pub fn event_name(&self) -> &'static str {
        match self {
            Notice::Pages { .. } => "pages",
            Notice::Css { .. } => "css",
            Notice::Failure { .. } => "failure",
        }
    }
}

/// The overlay text of a failed build: every error, then every warning.
pub fn failure_text(errors: &[Diagnostic]) -> String {
    let mut text = String::new();
    for e in errors {
        text.push_str(&format!("error: {e}\n"));
    }
    text
}

/// Shared between the engine (writer) and the server (readers).
#[derive(Debug)]
pub struct Hub {
    /// Differs between runs of `serve`, so a tab that reconnects to a new server refreshes.
    pub server_id: String,
    snapshot: RwLock<Arc<Snapshot>>,
    failure: RwLock<Option<Notice>>,
    tx: broadcast::Sender<Arc<Notice>>,
    open: Mutex<BTreeMap<u64, String>>,
    next_tab: AtomicU64,
    /// The build at which each page last changed (`*`: every page).
    changed_at: Mutex<HashMap<String, u64>>,
}

impl Default for Hub {
    fn default() -> Self {
        Hub::new()
    }
}

impl Hub {
    pub fn new() -> Hub {
        let (tx, _) = broadcast::channel(64);
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or_default();
        Hub {
            server_id: format!("{:x}-{:x}", std::process::id(), nanos),
            snapshot: RwLock::new(Arc::new(Snapshot::default())),
            failure: RwLock::new(None),
            tx,
            open: Mutex::new(BTreeMap::new()),
            next_tab: AtomicU64::new(1),
            changed_at: Mutex::new(HashMap::new()),
        }
    }

    /// The site as published now.
    pub fn snapshot(&self) -> Arc<Snapshot> {
        self.snapshot
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// The current build error, if the last build failed.
    pub fn failure(&self) -> Option<Notice> {
        self.failure
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// Every notice from now on.
    pub fn subscribe(&self) -> broadcast::Receiver<Arc<Notice>> {
        self.tx.subscribe()
    }

    fn swap_in(&self, outputs: Arc<Outputs>) -> u64 {
        let mut slot = self.snapshot.write().unwrap_or_else(|e| e.into_inner());
        let build = slot.build + 1;
        *slot = Arc::new(Snapshot {
            build,
            outputs,
            ready: true,
        });
        build
    }

    fn send(&self, notice: Notice) {
        // No receiver is fine: no tab is open.
        let _ = self.tx.send(Arc::new(notice));
    }

    /// Publishes a good build and tells the tabs which pages changed.
    pub fn publish_pages(&self, outputs: Arc<Outputs>, paths: Vec<String>) -> u64 {
        let build = self.swap_in(outputs);
        {
            let mut at = self.changed_at.lock().unwrap_or_else(|e| e.into_inner());
            for p in &paths {
                at.insert(p.clone(), build);
            }
        }
        *self.failure.write().unwrap_or_else(|e| e.into_inner()) = None;
        self.send(Notice::Pages { build, paths });
        build
    }

    /// Whether any of these pages changed after `build` (a tab that has `build` and shows
    /// one of them must refresh).
    pub fn changed_since(&self, pages: &[&str], build: u64) -> bool {
        let at = self.changed_at.lock().unwrap_or_else(|e| e.into_inner());
        std::iter::once("*")
            .chain(pages.iter().copied())
            .any(|p| at.get(p).is_some_and(|&b| b > build))
    }

    /// Publishes a good build whose only change is in stylesheets.
    pub fn publish_css(&self, outputs: Arc<Outputs>, swaps: Vec<Swap>) -> u64 {
        let build = self.swap_in(outputs);
        *self.failure.write().unwrap_or_else(|e| e.into_inner()) = None;
        self.send(Notice::Css { build, swaps });
        build
    }

    /// Records a failed build: the site stays as it is; the tabs show the error.
    pub fn publish_failure(&self, errors: &[Diagnostic]) {
        let notice = Notice::Failure {
            build: self.snapshot().build,
            text: failure_text(errors),
            diagnostics: errors.iter().map(DiagnosticView::from).collect(),
        };
        *self.failure.write().unwrap_or_else(|e| e.into_inner()) = Some(notice.clone());
        self.send(notice);
    }

    /// Records that a tab shows `path`; the guard forgets it when the tab goes.
    pub fn open_tab(self: &Arc<Self>, path: &str) -> TabGuard {
        let id = self.next_tab.fetch_add(1, Ordering::Relaxed);
        self.open
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(id, path.to_string());
        TabGuard {
            hub: self.clone(),
            id,
        }
    }

    /// The pages open in tabs now (rendered first after a template change).
    pub fn open_pages(&self) -> BTreeSet<String> {
        self.open
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .values()
            .cloned()
            .collect()
    }
}

/// Keeps a tab's page in [`Hub::open_pages`] while it lives.
#[derive(Debug)]
pub struct TabGuard {
    hub: Arc<Hub>,
    id: u64,
}

impl Drop for TabGuard {
    fn drop(&mut self) {
        self.hub
            .open
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .remove(&self.id);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn publishing_counts_builds_and_clears_the_failure() {
        let hub = Arc::new(Hub::new());
        let mut rx = hub.subscribe();
        assert!(!hub.snapshot().ready);
        hub.publish_failure(&[Diagnostic::new("broken")]);
        assert!(hub.failure().is_some());
        let b = hub.publish_pages(Arc::new(Outputs::new()), vec!["/".into()]);
        assert_eq!(b, 1);
        assert!(hub.snapshot().ready);
        assert!(hub.failure().is_none());
        assert_eq!(rx.try_recv().unwrap().event_name(), "failure");
        assert_eq!(
            *rx.try_recv().unwrap(),
            Notice::Pages {
                build: 1,
                paths: vec!["/".into()]
            }
        );
    }

    #[test]
    fn tabs_learn_whether_their_page_changed_since_their_build() {
        let hub = Hub::new();
        let b1 = hub.publish_pages(Arc::new(Outputs::new()), vec!["/a/".into()]);
        let b2 = hub.publish_pages(Arc::new(Outputs::new()), vec!["/b/".into()]);
        assert!(hub.changed_since(&["/a/"], 0));
        assert!(!hub.changed_since(&["/a/"], b1));
        assert!(hub.changed_since(&["/x/", "/b/"], b1));
        assert!(!hub.changed_since(&["/b/"], b2));
        hub.publish_pages(Arc::new(Outputs::new()), vec!["*".into()]);
        assert!(hub.changed_since(&["/anything/"], b2));
    }

    #[test]
    fn open_tabs_are_tracked_while_connected() {
        let hub = Arc::new(Hub::new());
        let a = hub.open_tab("/a/");
        {
            let _b = hub.open_tab("/b/");
            assert_eq!(hub.open_pages().len(), 2);
        }
        assert_eq!(hub.open_pages().into_iter().collect::<Vec<_>>(), ["/a/"]);
        drop(a);
        assert!(hub.open_pages().is_empty());
    }

    #[test]
    fn notices_serialise_with_their_kind() {
        let n = Notice::Css {
            build: 3,
            swaps: vec![Swap {
                from: "/a.1.css".into(),
                to: "/a.2.css".into(),
            }],
        };
        assert_eq!(
            serde_json::to_string(&n).unwrap(),
            r#"{"kind":"css","build":3,"swaps":[{"from":"/a.1.css","to":"/a.2.css"}]}"#
        );
    }
}
