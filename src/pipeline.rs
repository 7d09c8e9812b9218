//! The build: loads the site, plans and writes ingested pages, analyses, renders, and
//! swaps in `dist/`. Every error of every stage is collected before the build fails;
//! nothing is written to `dist/` unless every stage succeeded.

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::analyse::Site;
use crate::analyse::cache::AnalysisCache;
use crate::analyse::gazetteer::Gazetteer;
use crate::config::{SiteConfig, normalize_base_url};
use crate::content::{Page, load_page};
use crate::diagnostics::{BuildFailure, Diagnostic};
use crate::ingestcache::{
    ANALYSES_DIR, CACHE_DIR, INGEST_FILE, IngestCache, OLD_ANALYSES_FILE, RENDERS_FILE,
};
use crate::load::{self, SeedFile, TextFile};
use crate::render::memo::{self, Reuse};
use crate::render::{Extras, Output, RenderOptions, Renderer, render_site, render_site_reusing};
use crate::sync::{BRIEFINGS_DIR, Force, IngestPlan, SeedAction, plan_ingest, plan_ingest_cached};
use crate::theme::Theme;
use crate::write::{check_output_dir, write_dist_reporting, write_file_atomic};

/// What a build is asked to do.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    pub root: PathBuf,
    /// Output folder; `<root>/dist` by default.
    pub output: Option<PathBuf>,
    pub base_url: Option<String>,
    pub drafts: bool,
    /// Write pages and `dist/` (false for `check`).
    pub write: bool,
    pub render: RenderOptions,
    /// Read and write the build cache (`.briefing-cache/`); `build --no-cache` and
    /// everything but `build` leave it alone.
    pub cache: bool,
}

impl BuildOptions {
    pub fn new(root: impl Into<PathBuf>) -> Self {
        BuildOptions {
            root: root.into(),
            output: None,
            base_url: None,
            drafts: false,
            write: true,
            render: RenderOptions::default(),
            cache: false,
        }
    }

    pub fn output_dir(&self) -> PathBuf {
        self.output
            .clone()
            .unwrap_or_else(|| self.root.join("dist"))
    }
}

/// What a successful build did.
#[derive(Debug, Clone, Default)]
pub struct BuildReport {
    pub pages: usize,
    pub briefings: usize,
    pub outputs: usize,
    pub bytes: usize,
    pub ingest: Vec<(String, SeedAction)>,
    /// Seeds the ingest cache showed current (not parsed again).
    pub cached_seeds: usize,
    /// Briefings whose analysis came from the build cache.
    pub cached_analyses: usize,
    /// Pages taken from the previous build's output (their inputs unchanged).
    pub reused_pages: usize,
    pub warnings: Vec<Diagnostic>,
    pub output_dir: PathBuf,
    /// Wall time of each stage, in order (printed by `build --timings`).
    pub timings: Vec<(&'static str, std::time::Duration)>,
}

/// A site loaded and analysed, ready to render (also what `serve` keeps in memory).
pub struct Prepared {
    pub site: Site,
    pub theme: Theme,
    pub ingest: IngestPlan,
    pub data: std::collections::BTreeMap<String, TextFile>,
    /// Warnings of loading (unknown front matter keys).
    pub warnings: Vec<Diagnostic>,
    /// How many briefings' analyses came from the build cache.
    pub cached_analyses: usize,
    /// What the build cache is valid for, when this build uses it.
    pub cache_key: Option<String>,
}

/// Reads the configuration, applying a `--base-url` override.
pub fn config_for(opts: &BuildOptions) -> Result<SiteConfig, Diagnostic> {
    let mut config = load::read_config(&opts.root)?;
    if let Some(url) = &opts.base_url {
        config.base_url = normalize_base_url(url).map_err(|why| {
            Diagnostic::new("invalid --base-url")
                .cause(why)
                .hint("use an absolute URL such as https://example.org/briefings/")
        })?;
    }
    Ok(config)
}

/// Parses one page file: `Ok(None)` for a draft left out (drafts are kept when asked for).
pub fn load_file(
    file: &TextFile,
    config: &SiteConfig,
    drafts: bool,
) -> Result<Option<Page>, Diagnostic> {
    load_page(&file.rel, &file.text, config.words_per_minute)
        .map(|p| (!p.front.draft || drafts).then_some(p))
}

/// Two files must not claim one URL: one error per page that repeats an earlier URL.
pub fn check_unique_urls<'a>(pages: impl IntoIterator<Item = &'a Page>) -> Vec<Diagnostic> {
    let mut errors = Vec::new();
    let mut seen: std::collections::BTreeMap<&str, &Path> = std::collections::BTreeMap::new();
    for p in pages {
        if let Some(other) = seen.insert(&p.path, &p.file) {
            errors.push(
                Diagnostic::new(format!("two pages have the URL {}", p.path))
                    .in_file(&p.file)
                    .cause(format!("{} has it too", other.display()))
                    .hint("change one page's `slug:` or file name"),
            );
        }
    }
    errors
}

/// Parses every page file, collecting all errors; drafts are left out unless asked for.
pub fn load_pages(
    files: &[TextFile],
    config: &SiteConfig,
    drafts: bool,
) -> (Vec<Page>, Vec<Diagnostic>) {
    let mut pages = Vec::new();
    let mut errors = Vec::new();
    let loaded: Vec<_> = files
        .par_iter()
        .map(|f| load_file(f, config, drafts))
        .collect();
    for result in loaded {
        match result {
            Ok(Some(p)) => pages.push(p),
            Ok(None) => {}
            Err(e) => errors.push(e),
        }
    }
    errors.extend(check_unique_urls(&pages));
    (pages, errors)
}

/// A site read from disk with the ingest plan applied in memory and every page file
/// parsed, not yet analysed: what [`prepare`] analyses, and what `serve` keeps to
/// rebuild only what a change touches.
pub struct Loaded {
    pub config: SiteConfig,
    pub seeds: Vec<SeedFile>,
    /// Every page file as it will be once the planned pages are written, by path, with
    /// its parse result (`Ok(None)`: a draft left out).
    pub files: Vec<(TextFile, Result<Option<Page>, Diagnostic>)>,
    pub data: std::collections::BTreeMap<String, TextFile>,
    pub theme: Option<Theme>,
    pub ingest: IngestPlan,
    /// Errors of reading seeds, content, data and the theme (page errors are in `files`).
    pub errors: Vec<Diagnostic>,
    /// Warnings of reading the page files (unknown front matter keys).
    pub warnings: Vec<Diagnostic>,
    /// What the build cache is valid for ([`ingest_cache_key`]), when this build uses it.
    pub cache_key: Option<String>,
}

/// Reads the site and plans the ingest. Fails only when `site.yaml` does; every other
/// problem is recorded in the result.
pub fn load_site(opts: &BuildOptions, force: &Force) -> Result<Loaded, BuildFailure> {
    let config = config_for(opts).map_err(BuildFailure::from)?;
    let gazetteer = Gazetteer::embedded();
    let mut errors = Vec::new();

    let (seeds, seed_errors) = load::read_seeds_limited(&opts.root, config.max_seed_bytes);
    errors.extend(seed_errors);
    let (mut files, content_errors) = load::read_content(&opts.root);
    errors.extend(content_errors);
    let existing: Vec<TextFile> = files
        .iter()
        .filter(|f| f.rel.starts_with(BRIEFINGS_DIR))
        .cloned()
        .collect();
    let mut cache_warnings = Vec::new();
    let cache_key = ingest_cache_key(&config).filter(|_| opts.cache && opts.write);
    let cache = match &cache_key {
        Some(key) => {
            let (cache, warning) = read_ingest_cache(&opts.root, key);
            cache_warnings.extend(warning);
            cache
        }
        None => IngestCache::default(),
    };
    let mut ingest = plan_ingest_cached(
        &seeds,
        &existing,
        force,
        config.words_per_minute,
        gazetteer,
        &cache,
    );
    ingest.warnings.extend(cache_warnings);
    errors.extend(ingest.errors.iter().cloned());
    // The content as it will be once the planned pages are written (files found by
    // path in a map, the first of a path as before: a scan per write made a fresh
    // site's load quadratic).
    let mut at: std::collections::HashMap<PathBuf, usize> = files
        .iter()
        .enumerate()
        .rev()
        .map(|(k, f)| (f.rel.clone(), k))
        .collect();
    for w in &ingest.writes {
        match at.get(&w.rel) {
            Some(&k) => files[k].text = w.text.clone(),
            None => {
                at.insert(w.rel.clone(), files.len());
                files.push(w.clone());
            }
        }
    }
    files.sort_by(|a, b| a.rel.cmp(&b.rel));
    let warnings = front_matter_warnings(&files);
    let files = files
        .into_par_iter()
        .map(|f| {
            let page = load_file(&f, &config, opts.drafts);
            (f, page)
        })
        .collect();
    let (data, data_errors) = load::read_data(&opts.root);
    errors.extend(data_errors);
    let theme = match load::read_theme(&opts.root, &config) {
        Ok(t) => Some(t),
        Err(e) => {
            errors.extend(e);
            None
        }
    };
    Ok(Loaded {
        config,
        seeds,
        files,
        data,
        theme,
        ingest,
        errors,
        warnings,
        cache_key,
    })
}

/// What the ingest cache is valid for: this binary (its version, size and
/// modification time: a rebuilt binary starts afresh) and the settings that shape a
/// page (`words_per_minute`). `None` when the binary cannot be found (no cache then).
pub fn ingest_cache_key(config: &SiteConfig) -> Option<String> {
    let exe = std::env::current_exe().ok()?;
    let meta = std::fs::metadata(exe).ok()?;
    let mtime = meta
        .modified()
        .ok()?
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?
        .as_nanos();
    Some(format!(
        "v1 briefing={} exe={}:{mtime} words_per_minute={}",
        env!("CARGO_PKG_VERSION"),
        meta.len(),
        config.words_per_minute
    ))
}

/// Reads the ingest cache of the site at `root` for `key`: empty when there is none or
/// it was made by another binary or settings; empty with a warning when it is damaged.
pub fn read_ingest_cache(root: &Path, key: &str) -> (IngestCache, Option<Diagnostic>) {
    let rel = Path::new(CACHE_DIR).join(INGEST_FILE);
    let Ok(text) = std::fs::read_to_string(root.join(&rel)) else {
        return (IngestCache::new(key), None);
    };
    match IngestCache::parse(&text, key) {
        Ok(c) => (c, None),
        Err(why) => (
            IngestCache::new(key),
            Some(
                Diagnostic::new("the build cache is damaged and was not used")
                    .in_file(&rel)
                    .cause(why)
                    .hint("nothing to do: this build ingests every seed and writes a new cache"),
            ),
        ),
    }
}

/// The file of part `shard` of the stored analyses, relative to the site root.
fn analyses_part(shard: usize) -> PathBuf {
    Path::new(CACHE_DIR)
        .join(ANALYSES_DIR)
        .join(format!("{shard:02}.bin"))
}

/// Reads the stored per-briefing analyses of the site at `root` for `key`: empty when
/// there are none or they were made by another binary or settings; without a damaged
/// part, with a warning naming it.
pub fn read_analysis_cache(root: &Path, key: &str) -> (AnalysisCache, Vec<Diagnostic>) {
    let parts: Vec<_> = (0..crate::analyse::cache::SHARDS)
        .into_par_iter()
        .map(|k| (k, std::fs::read(root.join(analyses_part(k))).ok()))
        .collect();
    if parts.iter().all(|(_, bytes)| bytes.is_none()) {
        return (AnalysisCache::default(), Vec::new());
    }
    let (cache, damaged) = AnalysisCache::from_parts(parts, key, Gazetteer::embedded());
    let warnings = damaged
        .into_iter()
        .map(|(k, why)| {
            Diagnostic::new("the build cache is damaged and was not used")
                .in_file(&analyses_part(k))
                .cause(why)
                .hint("nothing to do: this build analyses those briefings again and stores them")
        })
        .collect();
    (cache, warnings)
}

/// Stores the per-briefing analyses for `key`: the parts that differ from `before` (what
/// the build read), each atomically, like the ingest record.
pub fn write_analysis_cache(
    root: &Path,
    key: &str,
    cache: &AnalysisCache,
    before: &AnalysisCache,
) -> Result<(), Diagnostic> {
    // The single file of earlier versions is not read any more.
    let _ = std::fs::remove_file(root.join(CACHE_DIR).join(OLD_ANALYSES_FILE));
    cache
        .changed_shards(before)
        .into_par_iter()
        .try_for_each(|k| {
            let rel = analyses_part(k);
            match cache.shard_bytes(key, k) {
                Some(bytes) => write_file_atomic(&root.join(&rel), &bytes)
                    .map_err(|e| Diagnostic::from_anyhow(&e).in_file(&rel)),
                None => Ok(()),
            }
        })
}

/// The previous build's content and listing pages that this one may reuse, for `key`: the record of
/// renders, with each page read back from `out_dir` and kept only when its bytes are
/// still those recorded. Empty (with a warning) when the record is damaged.
pub fn read_renders(
    root: &Path,
    out_dir: &Path,
    key: &str,
    shared: memo::Digest,
) -> (Reuse, Option<Diagnostic>) {
    let rel = Path::new(CACHE_DIR).join(RENDERS_FILE);
    let Ok(text) = std::fs::read_to_string(root.join(&rel)) else {
        return (Reuse::new(shared, Default::default()), None);
    };
    match memo::parse_record(&text, key) {
        Ok(entries) => {
            let previous = entries
                .into_par_iter()
                .filter_map(|(path, input, output)| {
                    let bytes = std::fs::read(out_dir.join(&path)).ok()?;
                    (memo::digest(&bytes) == output).then_some((
                        path,
                        memo::Previous {
                            input,
                            output,
                            bytes,
                        },
                    ))
                })
                .collect();
            (Reuse::new(shared, previous), None)
        }
        Err(why) => (
            Reuse::new(shared, Default::default()),
            Some(
                Diagnostic::new("the build cache is damaged and was not used")
                    .in_file(&rel)
                    .cause(why)
                    .hint("nothing to do: this build renders every page and writes a new record"),
            ),
        ),
    }
}

/// Stores the record of the content and listing pages `reuse` saw rendered, with the digests of
/// their bytes in `outputs` (sorted by path), for `key`.
pub fn write_renders(
    root: &Path,
    key: &str,
    reuse: &Reuse,
    outputs: &[Output],
) -> Result<(), Diagnostic> {
    let entries: Vec<(String, memo::Digest, memo::Digest)> = reuse
        .made()
        .into_par_iter()
        .filter_map(|(path, input, known)| {
            let output = match known {
                Some(d) => d,
                None => {
                    let k = outputs
                        .binary_search_by(|o| o.path.as_str().cmp(&path))
                        .ok()?;
                    memo::digest(&outputs[k].bytes)
                }
            };
            Some((path, input, output))
        })
        .collect();
    let rel = Path::new(CACHE_DIR).join(RENDERS_FILE);
    write_file_atomic(
        &root.join(&rel),
        memo::record_text(key, &entries).as_bytes(),
    )
    .map_err(|e| Diagnostic::from_anyhow(&e).in_file(&rel))
}

/// Writes the ingest cache of `plan` for `key` (atomically: a build cut short leaves
/// the old file or none).
pub fn write_ingest_cache(root: &Path, key: &str, plan: &IngestPlan) -> Result<(), Diagnostic> {
    let mut cache = IngestCache::new(key);
    for (seed, seed_sha, page_sha) in &plan.current {
        cache.insert(seed, seed_sha, page_sha);
    }
    let rel = Path::new(CACHE_DIR).join(INGEST_FILE);
    write_file_atomic(&root.join(&rel), cache.to_text().as_bytes())
        .map_err(|e| Diagnostic::from_anyhow(&e).in_file(&rel))
}

/// Warnings about the page files: unknown front matter keys, with a did-you-mean.
pub fn front_matter_warnings(files: &[TextFile]) -> Vec<Diagnostic> {
    // One YAML parse per file, on every core; `collect` keeps the files' order.
    let per_file: Vec<Vec<Diagnostic>> = files
        .par_iter()
        .filter_map(|f| {
            crate::frontmatter::split(&f.text, &f.rel)
                .ok()
                .map(|s| crate::frontmatter::unknown_keys(&s, &f.rel))
        })
        .collect();
    per_file.into_iter().flatten().collect()
}

/// Analyses parsed pages: the one place the pipeline turns pages into a [`Site`].
///
/// Adds the attendance (with the editorial pins of `content/_data/attendance.yaml`,
/// whose errors are the only errors here) and the summary. What each briefing alone
/// gives is taken from `cache` when the page is unchanged (the result is the same as
/// with an empty cache); the returned cache holds the analysed briefings for the next
/// call.
pub fn analyse_site(
    config: SiteConfig,
    pages: Vec<Page>,
    data: &std::collections::BTreeMap<String, TextFile>,
    cache: &AnalysisCache,
) -> Result<(Site, AnalysisCache), Vec<Diagnostic>> {
    crate::analyse::analyse(
        config,
        pages,
        data.get("attendance"),
        Gazetteer::embedded(),
        cache,
    )
}

/// Loads, ingests (in memory) and analyses the site. Page writes are in the plan.
pub fn prepare(opts: &BuildOptions, force: &Force) -> Result<Prepared, BuildFailure> {
    let loaded = load_site(opts, force)?;
    let mut errors = loaded.errors;
    let mut pages = Vec::new();
    for (_, parsed) in loaded.files {
        match parsed {
            Ok(Some(p)) => pages.push(p),
            Ok(None) => {}
            Err(e) => errors.push(e),
        }
    }
    errors.extend(check_unique_urls(&pages));
    let mut warnings = [loaded.ingest.warnings.clone(), loaded.warnings].concat();
    let key = loaded.cache_key;
    let before = match &key {
        Some(key) => {
            let (cache, damaged) = read_analysis_cache(&opts.root, key);
            warnings.extend(damaged);
            cache
        }
        None => AnalysisCache::default(),
    };
    let mut cached_analyses = 0;
    let site = match analyse_site(loaded.config, pages, &loaded.data, &before) {
        Ok((site, after)) => {
            cached_analyses = after.stats().hits;
            // Stored now, whatever becomes of the build (each analysis is of a page as it
            // was read), so that the analyses are not kept in memory while rendering.
            if let Some(key) = key.as_ref()
                && let Err(e) = write_analysis_cache(&opts.root, key, &after, &before)
            {
                warnings.push(e.hint("the next build analyses every briefing again"));
            }
            Some(site)
        }
        Err(e) => {
            errors.extend(e);
            None
        }
    };
    match (loaded.theme, site) {
        (Some(theme), Some(site)) if errors.is_empty() => Ok(Prepared {
            site,
            theme,
            ingest: loaded.ingest,
            data: loaded.data,
            warnings,
            cached_analyses,
            cache_key: key,
        }),
        _ => {
            // Seeds fail alone: when every error is a seed's, the other seeds' pages are
            // still written (`dist/` is not).
            let seed_error = |d: &Diagnostic| {
                d.location
                    .as_ref()
                    .is_some_and(|l| l.file.starts_with("seeds"))
            };
            if opts.write
                && errors.iter().all(seed_error)
                && let Err(e) = write_pages(&opts.root, &loaded.ingest)
            {
                errors.push(e);
            }
            Err(BuildFailure { errors, warnings })
        }
    }
}

/// The values analyses add to every template context (attendance, summary).
pub fn site_extras(_site: &Site, _data: &std::collections::BTreeMap<String, TextFile>) -> Extras {
    Extras::default()
}

/// Renders a prepared site to outputs.
pub fn render_prepared(
    prepared: &Prepared,
    options: RenderOptions,
) -> Result<Vec<Output>, Vec<Diagnostic>> {
    let renderer = Renderer::new(&prepared.theme, &prepared.site.config)?;
    render_with(prepared, &renderer, options)
}

/// Renders a prepared site with a renderer built before (`serve` keeps one).
pub fn render_with(
    prepared: &Prepared,
    renderer: &Renderer,
    options: RenderOptions,
) -> Result<Vec<Output>, Vec<Diagnostic>> {
    let extras = site_extras(&prepared.site, &prepared.data);
    render_site(&prepared.site, renderer, &extras, options)
}

/// Every internal link and `#anchor` of the outputs, resolved; broken ones as errors
/// naming the output page and, for content pages, the source file.
pub fn check_links(prepared: &Prepared, outputs: &[Output]) -> Vec<Diagnostic> {
    let sources: std::collections::BTreeMap<String, PathBuf> = prepared
        .site
        .pages
        .iter()
        .map(|p| (crate::render::output_path(&p.path), p.file.clone()))
        .collect();
    let broken = crate::linkcheck::check_outputs(outputs, &prepared.site.config.base_url);
    crate::linkcheck::diagnostics(&broken, &sources)
}

/// `briefing build` (and `check` with `write: false`).
pub fn build(opts: &BuildOptions) -> Result<BuildReport, BuildFailure> {
    build_with(opts, &Force::None)
}

/// A build that regenerates the pages `force` names over people's edits.
pub fn build_with(opts: &BuildOptions, force: &Force) -> Result<BuildReport, BuildFailure> {
    build_reporting(opts, force, &Progress::hidden())
}

/// [`build`] with a progress bar per stage on standard error when `show` (the command
/// line passes whether standard error is a terminal).
pub fn build_with_progress(opts: &BuildOptions, show: bool) -> Result<BuildReport, BuildFailure> {
    let progress = if show {
        Progress::on_stderr()
    } else {
        Progress::hidden()
    };
    let result = build_reporting(opts, &Force::None, &progress);
    progress.done();
    result
}

/// Progress of a build on a terminal: one bar per stage (a spinner where the stage
/// has no count, a bar of files while writing), drawn only once the build has run for
/// [`Progress::DELAY`], so quick builds print nothing but their summary line, and
/// cleared when the stage ends.
pub struct Progress {
    bar: indicatif::ProgressBar,
    show: bool,
}

impl Progress {
    /// How long a build runs before its progress shows.
    pub const DELAY: std::time::Duration = std::time::Duration::from_secs(1);

    /// No output at all (`serve`, tests, a build whose output is not a terminal).
    pub fn hidden() -> Progress {
        Progress {
            bar: indicatif::ProgressBar::hidden(),
            show: false,
        }
    }

    /// Bars on standard error, after [`Progress::DELAY`].
    pub fn on_stderr() -> Progress {
        let bar = indicatif::ProgressBar::hidden();
        let later = bar.clone();
        // Reveals the bar if the build is still running after the delay.
        std::thread::spawn(move || {
            std::thread::sleep(Self::DELAY);
            if !later.is_finished() {
                later.set_draw_target(indicatif::ProgressDrawTarget::stderr());
            }
        });
        Progress { bar, show: true }
    }

    /// Starts a stage: a spinner, or a bar of `len` steps.
    fn stage(&self, name: &str, len: Option<u64>) {
        if !self.show {
            return;
        }
        self.bar.reset();
        let style = match len {
            Some(n) => {
                self.bar.set_length(n);
                indicatif::ProgressStyle::with_template(
                    "{prefix:>22} [{bar:30}] {pos}/{len} {elapsed}",
                )
            }
            None => indicatif::ProgressStyle::with_template("{prefix:>22} {spinner} {elapsed}"),
        };
        if let Ok(style) = style {
            self.bar.set_style(style.progress_chars("=> "));
        }
        self.bar.set_prefix(name.to_string());
        self.bar.set_position(0);
        self.bar
            .enable_steady_tick(std::time::Duration::from_millis(120));
    }

    fn step(&self, pos: usize) {
        if self.show {
            self.bar.set_position(pos as u64);
        }
    }

    /// Clears the bar (before the summary line).
    pub fn done(&self) {
        self.bar.finish_and_clear();
    }
}

/// [`build_with`], reporting each stage to `progress`.
pub fn build_reporting(
    opts: &BuildOptions,
    force: &Force,
    progress: &Progress,
) -> Result<BuildReport, BuildFailure> {
    let out_dir = opts.output_dir();
    if opts.write {
        check_output_dir(&opts.root, &out_dir)
            .map_err(|e| BuildFailure::from(Diagnostic::from_anyhow(&e)))?;
    }
    let mut timings = Vec::new();
    let mut clock = std::time::Instant::now();
    let mut lap = |name: &'static str| {
        timings.push((name, clock.elapsed()));
        clock = std::time::Instant::now();
    };
    progress.stage("load, ingest, analyse", None);
    let prepared = prepare(opts, force)?;
    lap("load, ingest, analyse");
    progress.stage("render", None);
    let warnings = prepared.warnings.clone();
    let mut render = opts.render;
    // `check` also looks at template variables and templates no page uses.
    render.check_templates |= !opts.write;
    let renderer =
        Renderer::new(&prepared.theme, &prepared.site.config).map_err(|errors| BuildFailure {
            errors,
            warnings: warnings.clone(),
        })?;
    // With the cache, the content and listing pages whose inputs did not change since the
    // last build are taken from its output.
    let mut warnings = warnings;
    let reuse = prepared.cache_key.as_ref().map(|key| {
        let shared = memo::shared_digest(key, &renderer, &prepared.site.config.base_path(), render);
        let (reuse, warning) = read_renders(&opts.root, &out_dir, key, shared);
        warnings.extend(warning);
        reuse
    });
    let extras = site_extras(&prepared.site, &prepared.data);
    let outputs = render_site_reusing(&prepared.site, &renderer, &extras, render, reuse.as_ref())
        .map_err(|errors| BuildFailure {
        errors,
        warnings: warnings.clone(),
    })?;
    let reused_pages = reuse.as_ref().map_or(0, Reuse::reused);
    lap("render");
    progress.stage("link check", None);
    let broken = check_links(&prepared, &outputs);
    if !broken.is_empty() {
        return Err(BuildFailure {
            errors: broken,
            warnings,
        });
    }
    lap("link check");
    if opts.write {
        write_pages(&opts.root, &prepared.ingest).map_err(|e| BuildFailure {
            errors: vec![e],
            warnings: warnings.clone(),
        })?;
        progress.stage("write", Some(outputs.len() as u64));
        write_dist_reporting(&out_dir, &outputs, &|n| progress.step(n)).map_err(|e| {
            BuildFailure {
                errors: vec![
                    Diagnostic::from_anyhow(&e)
                        .hint("the previous output folder was left as it was"),
                ],
                warnings: warnings.clone(),
            }
        })?;
        if let Some(key) = &prepared.cache_key
            && let Err(e) =
                write_ingest_cache(&opts.root, key, &prepared.ingest).and_then(|()| match &reuse {
                    Some(reuse) => write_renders(&opts.root, key, reuse, &outputs),
                    None => Ok(()),
                })
        {
            // The site is built; a cache that could not be written only costs time.
            warnings.push(e.hint("the next build reads every seed and briefing again"));
        }
        lap("write");
    }
    Ok(report(
        &prepared,
        &outputs,
        reused_pages,
        warnings,
        out_dir,
        timings,
    ))
}

/// What a successful build did.
fn report(
    prepared: &Prepared,
    outputs: &[Output],
    reused_pages: usize,
    warnings: Vec<Diagnostic>,
    output_dir: PathBuf,
    timings: Vec<(&'static str, std::time::Duration)>,
) -> BuildReport {
    BuildReport {
        pages: prepared.site.pages.len(),
        briefings: prepared.site.briefings.len(),
        outputs: outputs.len(),
        bytes: outputs.iter().map(|o| o.bytes.len()).sum(),
        ingest: prepared.ingest.actions.clone(),
        cached_seeds: prepared.ingest.cached,
        cached_analyses: prepared.cached_analyses,
        reused_pages,
        warnings,
        output_dir,
        timings,
    }
}

/// Writes the planned pages into `content/briefings/`.
pub fn write_pages(root: &Path, plan: &IngestPlan) -> Result<(), Diagnostic> {
    for w in &plan.writes {
        write_file_atomic(&root.join(&w.rel), w.text.as_bytes())
            .map_err(|e| Diagnostic::from_anyhow(&e).in_file(&w.rel))?;
    }
    Ok(())
}

/// `briefing ingest`: writes pages for seeds (all, or the named ones) and nothing else.
pub fn ingest(root: &Path, only: &[String], force: bool) -> Result<IngestPlan, BuildFailure> {
    let opts = BuildOptions::new(root);
    let config = config_for(&opts).map_err(BuildFailure::from)?;
    let (mut seeds, mut seed_errors) = load::read_seeds_limited(root, config.max_seed_bytes);
    let names: Vec<String> = only
        .iter()
        .map(|s| {
            Path::new(s)
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| s.clone())
        })
        .collect();
    let mut missing = Vec::new();
    for n in &names {
        if !seeds.iter().any(|s| &s.name == n) {
            missing.push(
                Diagnostic::new(format!("no seed named `{n}`"))
                    .in_file(&Path::new("seeds").join(n))
                    .hint("name a file in seeds/, e.g. `briefing ingest --force seeds/000_x.txt`"),
            );
        }
    }
    if !missing.is_empty() {
        return Err(missing.into());
    }
    if !names.is_empty() {
        seeds.retain(|s| names.contains(&s.name));
    }
    let (files, content_errors) = load::read_content(root);
    if !content_errors.is_empty() {
        return Err(content_errors.into());
    }
    let existing: Vec<TextFile> = files
        .into_iter()
        .filter(|f| f.rel.starts_with(BRIEFINGS_DIR))
        .collect();
    let force = match (force, names.is_empty()) {
        (false, _) => Force::None,
        (true, true) => Force::All,
        (true, false) => Force::Seeds(names.iter().cloned().collect()),
    };
    let mut plan = plan_ingest(
        &seeds,
        &existing,
        &force,
        config.words_per_minute,
        Gazetteer::embedded(),
    );
    if !only.is_empty() {
        // Pages of seeds not named here are not this command's business.
        plan.warnings.retain(|w| !w.message.contains("is gone"));
    }
    write_pages(root, &plan).map_err(BuildFailure::from)?;
    // Seeds fail alone: the others' pages are written above, then the failures reported.
    seed_errors.extend(plan.errors.iter().cloned());
    seed_errors.retain(|e| {
        names.is_empty()
            || e.location
                .as_ref()
                .and_then(|l| l.file.file_name())
                .is_some_and(|f| names.iter().any(|n| f.to_string_lossy() == n.as_str()))
    });
    if !seed_errors.is_empty() {
        return Err(BuildFailure {
            errors: seed_errors,
            warnings: plan.warnings,
        });
    }
    Ok(plan)
}
