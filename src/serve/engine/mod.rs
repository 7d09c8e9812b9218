//! Incremental rebuilds for `serve`: the site read, parsed, analysed and rendered, kept in
//! memory, and brought up to date from the paths a batch of file events names.
//!
//! - Only the named files are read again (through [`crate::load`]), and a file whose text
//!   is what the engine already holds changes nothing — including the pages it just wrote
//!   itself. Only changed pages are parsed again.
//! - [`Engine::apply`] takes a batch in. When the batch only edits pages, it renders those
//!   pages at once against the last analysed site and publishes them (the tab showing the
//!   page updates within milliseconds); when it only edits stylesheets, it publishes the
//!   new stylesheets for the tabs to swap in place.
//! - [`Engine::settle`] then makes the whole site consistent: analysis over the cached
//!   pages, every derived page (index, taxonomies, feeds, ...) rendered again, and each
//!   content page rendered again only when what it is rendered from changed — its own
//!   context, the base-context variables its template reads (as Tera reports them), or the
//!   templates. The result equals a fresh full build (tests/serve_equivalence.rs).
//! - A template change re-renders without re-parsing; a seed change re-ingests that seed
//!   (a page edited by hand is kept); `site.yaml` or lost events rebuild everything.
//! - A failed build publishes the errors and keeps the last good site.
//!
//! Writes only what `build` writes into `content/briefings/` (ingested pages), through
//! [`crate::pipeline::write_pages`].

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use bytes::Bytes;
use tera::Context;

use crate::analyse::Site;
use crate::analyse::cache::AnalysisCache;
use crate::config::SiteConfig;
use crate::content::Page;
use crate::diagnostics::{BuildFailure, Diagnostic};
use crate::load::{self, TextFile};
use crate::pipeline::{self, BuildOptions};
mod early;
mod sources;

use early::publish_some;

use crate::render::listing::{RefValues, listing_jobs_with};
use crate::render::{
    Output, OutputRef, PageJob, Priority, RenderCtx, Renderer, base_context, derived_generators,
    page_job, render_job,
};
use crate::sync::Force;
use crate::theme::Theme;

use super::hub::{Hub, Outputs};
use super::paths::page_of_output;
use super::watch::Changes;

/// A page file as last read, and what parsing it gave.
#[derive(Debug)]
struct Entry {
    text: String,
    /// `Ok(None)`: a draft left out.
    page: Result<Option<Page>, Diagnostic>,
}

/// What the last good render was made from, to tell which pages need rendering again.
struct Rendered {
    renderer_gen: u64,
    base: Context,
    jobs: HashMap<String, PageJob>,
    outputs: Arc<Outputs>,
}

/// What one [`Engine::apply`] or [`Engine::settle`] did, for the log line.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// Pages published at once, before the rest of the site was made consistent.
    pub early: Vec<String>,
    /// Pages rendered again (content pages and derived pages).
    pub rendered: usize,
    /// Content pages whose output was reused.
    pub reused: usize,
    /// Outputs whose bytes changed.
    pub changed: usize,
    /// Warnings of ingesting seeds.
    pub warnings: Vec<Diagnostic>,
    /// The errors of a failed build (the last good site is still served).
    pub errors: Vec<Diagnostic>,
    /// How long each step took (`serve --timings` prints them).
    pub steps: Vec<(String, Duration)>,
}

/// Times the steps of a build into a report.
struct Clock(Instant);

impl Clock {
    fn lap(&mut self, report: &mut Report, step: impl Into<String>) {
        let now = Instant::now();
        report.steps.push((step.into(), now - self.0));
        self.0 = now;
    }
}

/// The incremental build state of one site.
pub struct Engine {
    opts: BuildOptions,
    config: SiteConfig,
    seeds: BTreeMap<String, String>,
    seed_errors: BTreeMap<String, Diagnostic>,
    files: BTreeMap<PathBuf, Entry>,
    data: BTreeMap<String, TextFile>,
    data_errors: Vec<Diagnostic>,
    theme: Option<Theme>,
    theme_errors: Vec<Diagnostic>,
    renderer: Option<Renderer>,
    renderer_gen: u64,
    /// The last analysed site; edited pages are patched in for the early render.
    site: Option<Site>,
    rendered: Option<Rendered>,
    /// The state changed since the last settle.
    dirty: bool,
    /// Only stylesheets changed since the last settle (the tabs swapped them already).
    css_only: bool,
    /// The last full load failed (bad `site.yaml`): the next batch loads everything.
    needs_full: bool,
    /// The last settle failed.
    failed: bool,
    /// Generated-page files touched since the last settle: their seeds are planned again.
    touched: BTreeSet<PathBuf>,
    /// `site` is the analysis of the pages and data as they are (only the theme changed
    /// since): a settle renders it again without analysing again.
    site_fresh: bool,
    /// What each briefing alone gave the last analysis, reused for unchanged pages.
    analysis_cache: AnalysisCache,
    /// The page references' template values of the last good render.
    ref_values: RefValues,
}

impl std::fmt::Debug for Engine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Engine")
            .field("root", &self.opts.root)
            .field("files", &self.files.len())
            .field("failed", &self.failed)
            .finish()
    }
}

/// What a generator gives.
type GenResult = Result<Vec<Output>, Vec<Diagnostic>>;

/// Listing pages rendered per task.
const LISTING_CHUNK: usize = 4;

/// A piece of a settle's rendering, run by one of its worker threads.
enum Task {
    /// Render these jobs (listing pages).
    Render(Vec<PageJob>),
    /// Run derived generator `i`.
    Generator(usize),
    /// Build the jobs of the content pages with these indices.
    Jobs(std::ops::Range<usize>),
}

/// A content page's job, or its error; `None` for the home page's introduction.
type BuiltJob = Option<Result<PageJob, Diagnostic>>;

/// What a [`Task`] gave.
enum Done {
    Rendered(Vec<Result<Output, Diagnostic>>),
    Generated(usize, GenResult),
    Built(usize, Vec<BuiltJob>),
}

/// A scoped thread's result; its panic goes on in this thread.
fn join<T>(h: std::thread::ScopedJoinHandle<'_, T>) -> T {
    h.join().unwrap_or_else(|p| std::panic::resume_unwind(p))
}

fn file_name_of(rel: &Path) -> Option<String> {
    rel.file_name().map(|n| n.to_string_lossy().into_owned())
}

impl Engine {
    /// Loads the site (writing ingested pages, as `build` does) and renders it. A site
    /// that fails to build still gives an engine: its errors are in the report, and the
    /// next good batch builds it.
    pub fn start(opts: BuildOptions, hub: &Hub) -> (Engine, Report) {
        let mut engine = Engine {
            config: SiteConfig::default(),
            opts,
            seeds: BTreeMap::new(),
            seed_errors: BTreeMap::new(),
            files: BTreeMap::new(),
            data: BTreeMap::new(),
            data_errors: Vec::new(),
            theme: None,
            theme_errors: Vec::new(),
            renderer: None,
            renderer_gen: 0,
            site: None,
            rendered: None,
            dirty: true,
            css_only: false,
            needs_full: true,
            failed: false,
            touched: BTreeSet::new(),
            site_fresh: false,
            analysis_cache: AnalysisCache::default(),
            ref_values: RefValues::default(),
        };
        let mut report = engine.load_all();
        if report.errors.is_empty() {
            let settled = engine.settle(hub, &|| false);
            report.rendered = settled.rendered;
            report.changed = settled.changed;
            report.errors = settled.errors;
        } else {
            hub.publish_failure(&report.errors);
            engine.failed = true;
        }
        (engine, report)
    }

    /// The outputs of the last good build.
    pub fn outputs(&self) -> Option<Arc<Outputs>> {
        self.rendered.as_ref().map(|r| r.outputs.clone())
    }

    /// How the last analysis used the analyses kept before it (at the start: those the
    /// last `briefing build` stored).
    pub fn analysis_stats(&self) -> crate::analyse::cache::CacheStats {
        self.analysis_cache.stats()
    }

    /// Whether [`Engine::settle`] has work to do.
    pub fn is_dirty(&self) -> bool {
        self.dirty
    }

    /// Reads the whole site again (start, `site.yaml`, lost events).
    fn load_all(&mut self) -> Report {
        let mut report = Report::default();
        let loaded = match pipeline::load_site(&self.opts, &Force::None) {
            Ok(l) => l,
            Err(BuildFailure { errors, warnings }) => {
                self.needs_full = true;
                report.errors = errors;
                report.warnings = warnings;
                return report;
            }
        };
        self.needs_full = false;
        if let Err(e) = pipeline::write_pages(&self.opts.root, &loaded.ingest) {
            report.errors.push(e);
        }
        report.warnings = loaded.ingest.warnings.clone();
        self.config = loaded.config;
        self.seeds = loaded.seeds.into_iter().map(|s| (s.name, s.text)).collect();
        self.seed_errors.clear();
        self.data_errors.clear();
        self.theme_errors.clear();
        self.files.clear();
        self.touched.clear();
        // The analyses the last `briefing build` stored, when they are for this binary
        // and settings: the start needs to analyse only what changed since (`serve`
        // reads the build cache, and never writes it).
        self.analysis_cache = match pipeline::ingest_cache_key(&self.config) {
            Some(key) => {
                let (cache, damaged) = pipeline::read_analysis_cache(&self.opts.root, &key);
                report.warnings.extend(damaged);
                cache
            }
            None => AnalysisCache::default(),
        };
        self.ref_values = RefValues::default();
        // Reading errors name their file; keep them with it so fixing the file clears them.
        for e in loaded.errors {
            let file = e.location.as_ref().map(|l| l.file.clone());
            match file {
                Some(f) if f.starts_with("seeds") => {
                    let name = file_name_of(&f).unwrap_or_default();
                    self.seed_errors.insert(name, e);
                }
                Some(f) if f.starts_with("content/_data") => self.data_errors.push(e),
                Some(f) if f.starts_with("content") => {
                    self.files.insert(
                        f,
                        Entry {
                            text: String::new(),
                            page: Err(e),
                        },
                    );
                }
                _ => self.theme_errors.push(e),
            }
        }
        for (file, page) in loaded.files {
            self.files.insert(
                file.rel,
                Entry {
                    text: file.text,
                    page,
                },
            );
        }
        self.data = loaded.data;
        self.theme = loaded.theme;
        self.rebuild_renderer();
        self.site = None;
        self.site_fresh = false;
        self.rendered = None;
        self.dirty = true;
        self.css_only = false;
        report
    }

    fn rebuild_renderer(&mut self) {
        self.renderer_gen += 1;
        self.renderer = None;
        if let Some(theme) = &self.theme {
            match Renderer::new(theme, &self.config) {
                Ok(r) => self.renderer = Some(r),
                Err(e) => self.theme_errors.extend(e),
            }
        }
    }

    /// Takes a batch of changes in; publishes edited pages (or stylesheets) at once when
    /// that is all the batch does. [`Engine::settle`] finishes the work.
    pub fn apply(&mut self, changes: &Changes, hub: &Hub) -> Report {
        let mut report = Report::default();
        if changes.full || self.needs_full {
            let r = self.load_all();
            report.warnings = r.warnings;
            if !r.errors.is_empty() {
                self.failed = true;
                hub.publish_failure(&r.errors);
                report.errors = r.errors;
            }
            return report;
        }
        // Page files whose new text parses to a page that was a page before, and whether
        // anything else changed (pages appearing or going, drafts, errors, data).
        let mut edited: BTreeSet<PathBuf> = BTreeSet::new();
        let mut other = false;
        if changes.all_seeds || !changes.seeds.is_empty() {
            let errors_before = self.seed_errors.clone();
            let (written, warnings) = self.apply_seeds(changes);
            report.warnings = warnings;
            // A seed that fails (or is mended) changes what the overlay shows.
            other |= self.seed_errors != errors_before;
            for rel in written {
                match self.files.get(&rel) {
                    Some(Entry {
                        page: Ok(Some(_)), ..
                    }) if self.site_has(&rel) => {
                        edited.insert(rel);
                    }
                    _ => other = true,
                }
            }
        }
        let (content_edits, content_other) = self.apply_content(&changes.content);
        edited.extend(content_edits);
        other |= content_other;
        if changes.data {
            let (data, errors) = load::read_data(&self.opts.root);
            if data != self.data || errors != self.data_errors {
                self.data = data;
                self.data_errors = errors;
                other = true;
            }
        }
        let mut theme_changed = false;
        let mut css_swaps = None;
        if changes.theme {
            match load::read_theme(&self.opts.root, &self.config) {
                Ok(theme)
                    if Some(&theme) == self.theme.as_ref() && self.theme_errors.is_empty() => {}
                Ok(theme) => {
                    css_swaps = self.css_swaps(&theme);
                    self.theme = Some(theme);
                    self.theme_errors.clear();
                    self.rebuild_renderer();
                    theme_changed = true;
                }
                Err(errors) => {
                    self.theme = None;
                    self.theme_errors = errors;
                    self.renderer = None;
                    theme_changed = true;
                }
            }
        }
        if edited.is_empty() && !other && !theme_changed {
            return report; // nothing changed (a no-op save, the engine's own writes)
        }
        if !edited.is_empty() || other {
            self.site_fresh = false;
        }
        let css_batch = css_swaps.is_some() && edited.is_empty() && !other;
        self.css_only = (!self.dirty || self.css_only) && css_batch;
        self.dirty = true;
        if self.failed {
            return report; // settle tells whether the site builds again
        }
        if let Some(swaps) = css_swaps.filter(|_| css_batch) {
            self.publish_stylesheets(swaps, hub);
        } else if !edited.is_empty() && !other && !theme_changed {
            report.early = self.publish_edited(&edited, hub);
        }
        report
    }

    /// Whether the last analysed site has a page from this file.
    fn site_has(&self, rel: &Path) -> bool {
        self.site
            .as_ref()
            .is_some_and(|s| s.pages.iter().any(|p| p.file == rel))
    }

    /// Every error the cached state holds.
    fn errors(&self) -> Vec<Diagnostic> {
        let mut errors: Vec<Diagnostic> = self.seed_errors.values().cloned().collect();
        for e in self.files.values() {
            if let Err(d) = &e.page {
                errors.push(d.clone());
            }
        }
        errors.extend(self.data_errors.iter().cloned());
        errors.extend(self.theme_errors.iter().cloned());
        if self.theme.is_some() && self.renderer.is_none() && self.theme_errors.is_empty() {
            errors.push(Diagnostic::new("the theme could not be loaded"));
        }
        errors
    }

    /// Leaves a settle for later: the analysed site is kept for the next early render.
    /// Analyses the pages on a worker thread, polling `interrupted`: the whole-site
    /// analyses (attendance, summary) take seconds on a large site, and a new save must
    /// not wait for them. `None` when a change came first (the result is dropped).
    fn analyse_unless_interrupted(
        &self,
        pages: Vec<Page>,
        interrupted: &dyn Fn() -> bool,
    ) -> Option<Result<(Site, AnalysisCache), Vec<Diagnostic>>> {
        let (config, data) = (self.config.clone(), self.data.clone());
        let cache = self.analysis_cache.clone();
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let _ = tx.send(pipeline::analyse_site(config, pages, &data, &cache));
        });
        loop {
            match rx.recv_timeout(Duration::from_millis(2)) {
                Ok(result) => return Some(result),
                Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {
                    if interrupted() {
                        return None;
                    }
                }
                Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => {
                    return Some(Err(vec![Diagnostic::new(
                        "the analysis of the site failed unexpectedly",
                    )]));
                }
            }
        }
    }

    fn step_aside(&mut self, site: Site, quiet: bool, mut report: Report) -> Report {
        self.dirty = true;
        self.css_only = quiet;
        let old = self.site.replace(site);
        std::thread::spawn(move || drop(old));
        report
            .steps
            .push(("stepped aside for a new change".into(), Duration::ZERO));
        report
    }

    /// Makes the whole site consistent with the files and publishes it (or its errors).
    /// Before each expensive stage it asks `interrupted` whether a new change waits; if
    /// so it stops (the site stays dirty) so that the new edit is shown first.
    pub fn settle(&mut self, hub: &Hub, interrupted: &dyn Fn() -> bool) -> Report {
        let mut report = Report::default();
        if !self.dirty {
            return report;
        }
        self.dirty = false;
        if self.needs_full {
            return report; // the last full load failed: its errors stand until it works
        }
        let quiet = std::mem::take(&mut self.css_only);
        let mut clock = Clock(Instant::now());
        // Only the theme changed: the analysed site stands.
        let fresh = (self.site_fresh && self.touched.is_empty())
            .then(|| self.site.take())
            .flatten();
        report.warnings = self.reingest_touched();
        clock.lap(&mut report, "reingest");
        let mut errors = self.errors();
        let pages: Vec<Page> = match fresh {
            Some(_) => Vec::new(),
            None => self
                .files
                .values()
                .filter_map(|e| e.page.as_ref().ok().and_then(|p| p.clone()))
                .collect(),
        };
        errors.extend(pipeline::check_unique_urls(&pages));
        let renderer = match &self.renderer {
            Some(r) if errors.is_empty() => r,
            _ => {
                self.failed = true;
                if fresh.is_some() {
                    self.site = fresh;
                }
                hub.publish_failure(&errors);
                report.errors = errors;
                return report;
            }
        };
        clock.lap(&mut report, "collect pages");
        let site = match fresh {
            Some(site) => site,
            None => match self.analyse_unless_interrupted(pages, interrupted) {
                None => {
                    // A new save is waiting: show it first; this settle is redone after.
                    self.dirty = true;
                    self.css_only = quiet;
                    report
                        .steps
                        .push(("stepped aside during analysis".into(), Duration::ZERO));
                    return report;
                }
                Some(Ok((site, cache))) => {
                    self.analysis_cache = cache;
                    site
                }
                Some(Err(errors)) => {
                    // A broken editorial file: keep serving the last good site.
                    self.failed = true;
                    hub.publish_failure(&errors);
                    report.errors = errors;
                    return report;
                }
            },
        };
        self.site_fresh = true;
        clock.lap(&mut report, "analyse");
        if interrupted() {
            return self.step_aside(site, quiet, report);
        }
        let extras = pipeline::site_extras(&site, &self.data);
        let options = self.opts.render;
        let workers = std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(2)
            .clamp(2, 8);
        let n = site.pages.len();
        // After a template change every page renders again: the pages open in tabs are
        // rendered and published first, before the other jobs are even built.
        let open = hub.open_pages();
        let rerender_all = self
            .rendered
            .as_ref()
            .is_none_or(|r| r.renderer_gen != self.renderer_gen);
        let mut early_done: HashMap<String, (PageJob, Bytes)> = HashMap::new();
        let mut early = Vec::new();
        // The base context and the listing pages' jobs (which do not read it) side by side.
        let (base, listings) = {
            let jobs_rc = RenderCtx {
                site: &site,
                renderer,
                base: Context::new(),
                options,
                reuse: None,
            };
            let (site, extras) = (&site, &extras);
            std::thread::scope(|s| {
                let base = s.spawn(move || base_context(site, renderer, extras, options));
                let t = Instant::now();
                let listings = listing_jobs_with(&jobs_rc, &self.ref_values);
                report
                    .steps
                    .push(("  listing jobs built".into(), t.elapsed()));
                (join(base), listings)
            })
        };
        let (listings, ref_values) = listings;
        let rc = RenderCtx {
            site: &site,
            renderer,
            base,
            options,
            reuse: None,
        };
        if rerender_all && !open.is_empty() && !quiet {
            let mut outs = Vec::new();
            for (i, p) in site.pages.iter().enumerate() {
                if !open.contains(&p.path) {
                    continue;
                }
                if let Some(Ok(job)) = page_job(&rc, i)
                    && let Ok(o) = render_job(&rc, &job)
                {
                    early_done.insert(job.path.clone(), (job, Bytes::from(o.bytes.clone())));
                    outs.push(o);
                }
            }
            early = publish_some(hub, &outs);
        }
        clock.lap(&mut report, "base context and listing jobs");
        if interrupted() {
            return self.step_aside(site, quiet, report);
        }
        let prev = self
            .rendered
            .as_ref()
            .filter(|r| r.renderer_gen == self.renderer_gen);

        // Which base-context variables each template reads, and whether they changed.
        let mut deps_same: HashMap<String, bool> = HashMap::new();
        let mut base_same = |template: &str| -> bool {
            let Some(prev) = prev else { return false };
            *deps_same.entry(template.to_string()).or_insert_with(|| {
                match renderer.template_variables(template) {
                    Some(vars) => vars.iter().all(|v| rc.base.get(v) == prev.base.get(v)),
                    None => rc.base == prev.base,
                }
            })
        };
        let mut outputs = Outputs::new();
        let mut jobs = HashMap::new();
        // A job whose template, own context and base-context variables are what they
        // were is not rendered again: its output is reused.
        // Whether each job equals the one rendered before (compared on every core: a
        // thousand listing pages' contexts are a few hundred thousand values).
        let unchanged = |jobs: &[PageJob]| -> Vec<bool> {
            use rayon::prelude::*;
            jobs.par_iter()
                .map(|job| prev.is_some_and(|p| p.jobs.get(&job.path) == Some(job)))
                .collect()
        };
        let mut sort_job = |job: PageJob,
                            same_job: bool,
                            outputs: &mut Outputs,
                            report: &mut Report,
                            todo: &mut Vec<PageJob>| {
            let reusable = prev.and_then(|p| {
                let same = same_job && base_same(&job.template);
                same.then(|| p.outputs.get(&job.path).cloned()).flatten()
            });
            let done_early = early_done
                .get(&job.path)
                .filter(|(j, _)| *j == job)
                .map(|(_, b)| b.clone());
            match (reusable, done_early) {
                (Some(bytes), _) => {
                    outputs.insert(job.path.clone(), bytes);
                    report.reused += 1;
                }
                (None, Some(bytes)) => {
                    outputs.insert(job.path.clone(), bytes);
                    report.rendered += 1;
                }
                (None, None) => todo.push(job.clone()),
            }
            jobs.insert(job.path.clone(), job);
        };

        // First what readers look at: the listing pages that changed (those open in tabs
        // first), the home page, the summary and the attendance pages, each published as
        // soon as it is done; then the content pages' jobs are built; then the other
        // generators. Tasks run in that order on `workers` threads.
        let mut listing_todo = Vec::new();
        let same = unchanged(&listings);
        for (job, same_job) in listings.into_iter().zip(same) {
            sort_job(job, same_job, &mut outputs, &mut report, &mut listing_todo);
        }
        listing_todo.sort_by_key(|j| !page_of_output(&j.path).is_some_and(|p| open.contains(&p)));
        clock.lap(&mut report, "listing jobs compared");
        let generators: Vec<_> = derived_generators().collect();
        // The generators a reader looks at first run before the content pages' jobs
        // (`derived_generators` lists them first).
        let urgent = generators
            .iter()
            .take_while(|g| g.priority == Priority::First)
            .count();
        let mut tasks: Vec<Task> = Vec::new();
        for chunk in listing_todo.chunks(LISTING_CHUNK) {
            tasks.push(Task::Render(chunk.to_vec()));
        }
        tasks.extend((0..urgent).map(Task::Generator));
        let chunk = n.div_ceil(workers).max(1);
        tasks.extend(
            (0..n)
                .step_by(chunk)
                .map(|from| Task::Jobs(from..(from + chunk).min(n))),
        );
        tasks.extend((urgent..generators.len()).map(Task::Generator));
        let mut built: Vec<(usize, Vec<BuiltJob>)> = Vec::new();
        let mut derived: Vec<(usize, GenResult, Duration)> = Vec::new();
        let mut rendered_listings: Vec<Result<Output, Diagnostic>> = Vec::new();
        let queue = std::sync::Mutex::new(tasks.into_iter().enumerate());
        std::thread::scope(|s| {
            let rc = &rc;
            let generators = &generators;
            let queue = &queue;
            let (tx, rx) = std::sync::mpsc::channel();
            for _ in 0..workers {
                let tx = tx.clone();
                s.spawn(move || {
                    loop {
                        let next = queue.lock().map(|mut q| q.next()).ok().flatten();
                        let Some((k, task)) = next else { break };
                        let t = Instant::now();
                        let done = match task {
                            Task::Render(jobs) => {
                                Done::Rendered(jobs.iter().map(|j| render_job(rc, j)).collect())
                            }
                            Task::Generator(i) => Done::Generated(i, (generators[i].run)(rc)),
                            Task::Jobs(range) => {
                                let from = range.start;
                                Done::Built(from, range.map(|i| page_job(rc, i)).collect())
                            }
                        };
                        if tx.send((k, done, t.elapsed())).is_err() {
                            break;
                        }
                    }
                });
            }
            drop(tx);
            let mut failed = !errors.is_empty();
            for (_, done, took) in rx {
                match done {
                    Done::Rendered(results) => {
                        failed |= results.iter().any(|r| r.is_err());
                        if !failed && !quiet {
                            let outs: Vec<Output> = results
                                .iter()
                                .filter_map(|r| r.as_ref().ok().cloned())
                                .collect();
                            early.extend(publish_some(hub, &outs));
                        }
                        rendered_listings.extend(results);
                    }
                    Done::Generated(i, result) => {
                        failed |= result.is_err();
                        if let (Ok(outs), false, false) = (&result, failed, quiet) {
                            publish_some(hub, outs);
                        }
                        derived.push((i, result, took));
                    }
                    Done::Built(from, jobs) => built.push((from, jobs)),
                }
            }
        });
        clock.lap(&mut report, "listings, derived pages, page jobs");
        for result in rendered_listings {
            match result {
                Ok(o) => {
                    outputs.insert(o.path, Bytes::from(o.bytes));
                    report.rendered += 1;
                }
                Err(e) => errors.push(e),
            }
        }
        derived.sort_by_key(|(i, _, _)| *i);
        for (i, result, took) in derived {
            let first = result
                .as_ref()
                .ok()
                .and_then(|o| o.first())
                .map(|o| o.path.clone());
            report.steps.push((
                format!("  {} ({})", generators[i].name, first.unwrap_or_default()),
                took,
            ));
            match result {
                Ok(outs) => {
                    report.rendered += outs.len();
                    for o in outs {
                        outputs.insert(o.path, Bytes::from(o.bytes));
                    }
                }
                Err(e) => errors.extend(e),
            }
        }
        built.sort_by_key(|(from, _)| *from);
        let mut todo: Vec<PageJob> = Vec::new();
        let mut content_jobs = Vec::new();
        for built in built.into_iter().flat_map(|(_, jobs)| jobs) {
            match built {
                None => {}
                Some(Err(e)) => errors.push(e),
                Some(Ok(job)) => content_jobs.push(job),
            }
        }
        let same = unchanged(&content_jobs);
        for (job, same_job) in content_jobs.into_iter().zip(same) {
            sort_job(job, same_job, &mut outputs, &mut report, &mut todo);
        }
        clock.lap(&mut report, "page jobs");
        // The content pages that changed, those open in tabs first (published at once).
        let (first, rest): (Vec<PageJob>, Vec<PageJob>) = todo
            .into_iter()
            .partition(|j| page_of_output(&j.path).is_some_and(|p| open.contains(&p)));
        for job in &first {
            match render_job(&rc, job) {
                Ok(o) => {
                    outputs.insert(o.path.clone(), Bytes::from(o.bytes));
                    report.rendered += 1;
                }
                Err(e) => errors.push(e),
            }
        }
        if errors.is_empty() && !first.is_empty() && !quiet {
            let outs: Vec<Output> = first
                .iter()
                .map(|job| Output {
                    path: job.path.clone(),
                    bytes: outputs[&job.path].to_vec(),
                })
                .collect();
            early.extend(publish_some(hub, &outs));
        }
        let chunk = rest.len().div_ceil(workers).max(1);
        let pages = std::thread::scope(|s| {
            let rc = &rc;
            let handles: Vec<_> = rest
                .chunks(chunk)
                .map(|jobs| {
                    s.spawn(move || jobs.iter().map(|j| render_job(rc, j)).collect::<Vec<_>>())
                })
                .collect();
            handles.into_iter().flat_map(join).collect::<Vec<_>>()
        });
        for result in pages {
            match result {
                Ok(o) => {
                    outputs.insert(o.path, Bytes::from(o.bytes));
                    report.rendered += 1;
                }
                Err(e) => errors.push(e),
            }
        }
        clock.lap(&mut report, "other pages");
        let base = rc.base;
        if !errors.is_empty() {
            self.failed = true;
            self.site = Some(site);
            hub.publish_failure(&errors);
            report.errors = errors;
            return report;
        }
        // The files made from the rendered site (search index, hosts' files).
        let rendered: Vec<OutputRef> = outputs
            .iter()
            .filter(|(k, _)| !crate::render::POST_PASS_PATHS.contains(&k.as_str()))
            .map(|(k, v)| OutputRef { path: k, bytes: v })
            .collect();
        let extra = crate::render::post_passes(&site, &rendered);
        drop(rendered);
        for o in extra {
            outputs.insert(o.path, Bytes::from(o.bytes));
        }
        self.failed = false;
        let published = hub.snapshot();
        let mut changed: Vec<String> = Vec::new();
        let mut all_changed = 0;
        for (key, bytes) in &outputs {
            if published.outputs.get(key) != Some(bytes) {
                all_changed += 1;
                changed.extend(page_of_output(key));
            }
        }
        for key in published.outputs.keys() {
            if !outputs.contains_key(key) {
                all_changed += 1;
                changed.extend(page_of_output(key));
            }
        }
        report.changed = all_changed;
        clock.lap(&mut report, "compare");
        report.early = early;
        let outputs = Arc::new(outputs);
        if !published.ready {
            changed = vec!["*".to_string()];
        }
        hub.publish_pages(outputs.clone(), if quiet { Vec::new() } else { changed });
        self.ref_values = ref_values;
        let old = (
            self.rendered.replace(Rendered {
                renderer_gen: self.renderer_gen,
                base,
                jobs,
                outputs,
            }),
            self.site.replace(site),
        );
        // Freeing a thousand pages' contexts takes tens of milliseconds: not on this thread.
        std::thread::spawn(move || drop(old));
        report
    }
}
