//! Taking changes in (part of [`super::Engine`]): seeds re-read and ingested into
//! `content/briefings/` (hand edits kept), page files re-read and parsed only when their
//! text changed, folders listed again when they appear, go or move.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use crate::analyse::gazetteer::Gazetteer;
use crate::common::hash::sha256_hex;
use crate::content::is_page_path;
use crate::diagnostics::Diagnostic;
use crate::load::{self, SeedFile, TextFile};
use crate::pipeline;
use crate::sync::{BRIEFINGS_DIR, Force, IngestPlan, plan_ingest};
use crate::to_markdown::{is_unedited, recorded_value};

use super::super::watch::Changes;
use super::{Engine, Entry, file_name_of};

impl Engine {
    /// Re-reads the named seeds, plans their pages and writes them (a page edited by hand
    /// is kept, with a warning). Returns the page files written and the warnings about
    /// these seeds.
    pub(super) fn apply_seeds(&mut self, changes: &Changes) -> (Vec<PathBuf>, Vec<Diagnostic>) {
        let root = self.opts.root.clone();
        // Each seed in question: its text now, `None` when it is gone.
        let mut now: BTreeMap<String, Result<Option<String>, Diagnostic>> = BTreeMap::new();
        if changes.all_seeds {
            let (seeds, errors) = load::read_seeds(&root);
            for name in self.seeds.keys() {
                now.insert(name.clone(), Ok(None));
            }
            for s in seeds {
                now.insert(s.name, Ok(Some(s.text)));
            }
            for e in errors {
                if let Some(name) = e.location.as_ref().and_then(|l| file_name_of(&l.file)) {
                    now.insert(name, Err(e));
                }
            }
        } else {
            for name in &changes.seeds {
                let rel = Path::new("seeds").join(name);
                now.insert(name.clone(), load::read_text_if_exists(&root, &rel));
            }
        }
        let mut changed: Vec<SeedFile> = Vec::new();
        let mut gone: BTreeSet<String> = BTreeSet::new();
        for (name, text) in now {
            match text {
                Ok(Some(text)) => {
                    self.seed_errors.remove(&name);
                    if self.seeds.get(&name) != Some(&text) {
                        self.seeds.insert(name.clone(), text.clone());
                        changed.push(SeedFile { name, text });
                    }
                }
                Ok(None) => {
                    self.seed_errors.remove(&name);
                    if self.seeds.remove(&name).is_some() {
                        gone.insert(name);
                    }
                }
                Err(e) => {
                    self.seed_errors.insert(name, e);
                }
            }
        }
        if changed.is_empty() && gone.is_empty() {
            return (Vec::new(), Vec::new());
        }
        self.ingest(&changed, &gone)
    }

    /// Plans the pages of `seeds` (and warns about pages whose seed is `gone`), writes
    /// them and takes them in. Returns the page files written and the warnings about
    /// these seeds' pages.
    pub(super) fn ingest(
        &mut self,
        seeds: &[SeedFile],
        gone: &BTreeSet<String>,
    ) -> (Vec<PathBuf>, Vec<Diagnostic>) {
        let existing: Vec<TextFile> = self
            .files
            .iter()
            .filter(|(rel, _)| rel.starts_with(BRIEFINGS_DIR))
            .map(|(rel, e)| TextFile {
                rel: rel.clone(),
                text: e.text.clone(),
            })
            .collect();
        // Only these seeds are planned, so every other page would read as having lost its
        // seed: keep the warnings about the pages of these seeds only.
        let mut plan: IngestPlan = plan_ingest(
            seeds,
            &existing,
            &Force::None,
            self.config.words_per_minute,
            Gazetteer::embedded(),
        );
        // A seed that cannot be ingested (a broken front matter block, a saved page with
        // no article) shows in the overlay like one that cannot be read.
        for e in std::mem::take(&mut plan.errors) {
            if let Some(name) = e.location.as_ref().and_then(|l| file_name_of(&l.file)) {
                self.seed_errors.insert(name, e);
            }
        }
        let concerned: BTreeSet<&Path> = existing
            .iter()
            .filter(|f| {
                recorded_value(&f.text, "seed")
                    .is_some_and(|s| gone.contains(s) || seeds.iter().any(|c| c.name == s))
            })
            .map(|f| f.rel.as_path())
            .collect();
        plan.warnings.retain(|w| {
            w.location
                .as_ref()
                .is_none_or(|l| concerned.contains(l.file.as_path()))
        });
        let mut written = Vec::new();
        match pipeline::write_pages(&self.opts.root, &plan) {
            Ok(()) => {
                for w in plan.writes {
                    let page = pipeline::load_file(&w, &self.config, self.opts.drafts);
                    written.push(w.rel.clone());
                    self.files.insert(w.rel, Entry { text: w.text, page });
                }
            }
            Err(e) => plan.warnings.push(e),
        }
        (written, plan.warnings)
    }

    /// What `build` would ingest after pages changed by hand: seeds left without a page
    /// (a generated page deleted or moved) get one again, and the seeds of touched pages
    /// are planned again (a page put back to what was generated follows its seed again).
    pub(super) fn reingest_touched(&mut self) -> Vec<Diagnostic> {
        let touched = std::mem::take(&mut self.touched);
        let mut recorded: BTreeSet<&str> = BTreeSet::new();
        let mut concerned: BTreeSet<&str> = BTreeSet::new();
        for (rel, e) in &self.files {
            if !rel.starts_with(BRIEFINGS_DIR) {
                continue;
            }
            if let Some(seed) = recorded_value(&e.text, "seed") {
                recorded.insert(seed);
                // A page edited by hand whose seed is as recorded can only be kept as it
                // is, without a word: no need to plan it.
                let settled = || {
                    !is_unedited(&e.text)
                        && self.seeds.get(seed).is_some_and(|t| {
                            recorded_value(&e.text, "seed_sha256")
                                == Some(&sha256_hex(t.as_bytes()))
                        })
                };
                if touched.contains(rel) && !settled() {
                    concerned.insert(seed);
                }
            }
        }
        let seeds: Vec<SeedFile> = self
            .seeds
            .iter()
            .filter(|(name, _)| {
                !recorded.contains(name.as_str()) || concerned.contains(name.as_str())
            })
            .map(|(name, text)| SeedFile {
                name: name.clone(),
                text: text.clone(),
            })
            .collect();
        if seeds.is_empty() {
            return Vec::new();
        }
        let (_, warnings) = self.ingest(&seeds, &BTreeSet::new());
        warnings
    }

    /// Sets a page file's text, parsing it again when it changed. Returns `None` when
    /// nothing changed, else whether it is an edit of a page the site already shows (as
    /// opposed to a page appearing, turning draft, failing to parse, ...).
    pub(super) fn upsert(&mut self, rel: &Path, text: String) -> Option<bool> {
        if self
            .files
            .get(rel)
            .is_some_and(|e| e.text == text && e.page.is_ok())
        {
            return None;
        }
        let file = TextFile {
            rel: rel.to_path_buf(),
            text,
        };
        let page = pipeline::load_file(&file, &self.config, self.opts.drafts);
        let is_page = matches!(page, Ok(Some(_)));
        let was_page = matches!(
            self.files.get(rel),
            Some(Entry {
                page: Ok(Some(_)),
                ..
            })
        ) && self.site_has(rel);
        self.files.insert(
            file.rel,
            Entry {
                text: file.text,
                page,
            },
        );
        Some(is_page && was_page)
    }

    /// Re-reads the named content paths. Returns the edited pages (see [`Engine::upsert`])
    /// and whether anything else changed.
    pub(super) fn apply_content(&mut self, paths: &BTreeSet<PathBuf>) -> (BTreeSet<PathBuf>, bool) {
        let root = self.opts.root.clone();
        let mut edited = BTreeSet::new();
        let mut other = false;
        let mut need_listing = false;
        for rel in paths {
            if rel.starts_with(BRIEFINGS_DIR) {
                self.touched.insert(rel.clone());
            }
            let under = rel.strip_prefix("content").unwrap_or(rel);
            if !is_page_path(under) {
                // A folder created, removed or renamed (or a file that is no page).
                need_listing = true;
                continue;
            }
            match load::read_text_if_exists(&root, rel) {
                Ok(Some(text)) => match self.upsert(rel, text) {
                    None => {}
                    Some(true) => {
                        edited.insert(rel.clone());
                    }
                    Some(false) => other = true,
                },
                Ok(None) => {
                    other |= self.files.remove(rel).is_some();
                }
                Err(e) => {
                    self.files.insert(
                        rel.clone(),
                        Entry {
                            text: String::new(),
                            page: Err(e),
                        },
                    );
                    other = true;
                }
            }
        }
        if need_listing {
            let listed: BTreeSet<PathBuf> = load::content_page_paths(&root).into_iter().collect();
            let before = self.files.len();
            self.files.retain(|rel, _| listed.contains(rel));
            other |= self.files.len() != before;
            for rel in listed {
                if self.files.contains_key(&rel) {
                    continue;
                }
                other = true;
                let entry = match load::read_text(&root, &rel) {
                    Ok(text) => {
                        self.upsert(&rel, text);
                        continue;
                    }
                    Err(e) => Entry {
                        text: String::new(),
                        page: Err(e),
                    },
                };
                self.files.insert(rel, entry);
            }
        }
        (edited, other)
    }
}
