//! Stage 5, render: the analysed [`Site`] and a [`Theme`] to a list of [`Output`]s
//! (pure: returns bytes with their paths, writes nothing). One Tera instance is built
//! once per theme; generated pages are functions from the site to outputs.

pub mod attendance;
pub mod context;
mod feeds;
pub mod generators;
pub mod listing;
pub mod memo;
mod meta;
mod minify;
pub mod publish;
mod renderer;
pub mod search;
mod sitemap;
pub mod summary;
pub mod templatecheck;

use std::collections::BTreeMap;

use rayon::prelude::*;
use serde::Serialize;
use tera::{Context, Value};

use crate::analyse::Site;
use crate::diagnostics::Diagnostic;
use context::{PageCtx, PageRef, SiteCtx, taxonomies_ctx};
pub use feeds::FEED_ENTRIES;
pub use generators::{
    GENERATORS, GenerateFn, Generator, NOT_FOUND_LATEST, PageJob, Priority, derived_generators,
    gen_pages, page_job, render_job, render_jobs_reusing,
};
pub use meta::{Meta, script_json};
pub use minify::minify_html;
use renderer::join_base;
pub use renderer::{Renderer, fingerprinted, template_diagnostic};

/// One file of the built site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Output {
    /// Path relative to the output folder, `/`-separated, e.g. `briefings/x/index.html`.
    pub path: String,
    pub bytes: Vec<u8>,
}

/// An output borrowed: what the passes over the rendered site read.
#[derive(Debug, Clone, Copy)]
pub struct OutputRef<'a> {
    pub path: &'a str,
    pub bytes: &'a [u8],
}

impl Output {
    pub fn as_ref(&self) -> OutputRef<'_> {
        OutputRef {
            path: &self.path,
            bytes: &self.bytes,
        }
    }
}

/// Switches for one render.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RenderOptions {
    /// Set by `serve`: templates add the live-reload client.
    pub live_reload: bool,
    /// Skip minification (faster; `serve` may use it).
    pub no_minify: bool,
    /// Also report template variables no page provides and render the templates no
    /// page uses (`briefing check`).
    pub check_templates: bool,
}

/// Data that analysis stages add to every template context (attendance, summary).
#[derive(Debug, Clone, Default)]
pub struct Extras {
    pub values: BTreeMap<String, Value>,
}

impl Extras {
    pub fn insert<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) {
        self.values
            .insert(key.to_string(), Value::from_serializable(value));
    }
}

/// Everything a page-generating function needs.
pub struct RenderCtx<'a> {
    pub site: &'a Site,
    pub renderer: &'a Renderer,
    pub base: Context,
    pub options: RenderOptions,
    /// The previous build's pages that may be reused (`build` with its cache).
    pub reuse: Option<&'a memo::Reuse>,
}

impl RenderCtx<'_> {
    /// Renders `template` with the shared context plus `extra`, minified, at `path`.
    pub fn page(
        &self,
        template: &str,
        extra: Context,
        meta: Option<&Meta>,
        path: &str,
        what: &str,
    ) -> Result<Output, Diagnostic> {
        let mut ctx = self.base.clone();
        ctx.extend(extra);
        if let Some(meta) = meta {
            ctx.insert("meta", meta);
        }
        let html = self.renderer.render(template, &ctx, what)?;
        let bytes = if self.options.no_minify || !template.ends_with(".html") {
            html.into_bytes()
        } else {
            minify_html(&html)
        };
        Ok(Output {
            path: path.to_string(),
            bytes,
        })
    }
}

/// Output path of a site path: `/briefings/x/` → `briefings/x/index.html`.
pub fn output_path(site_path: &str) -> String {
    let trimmed = site_path.trim_matches('/');
    if trimmed.is_empty() {
        "index.html".to_string()
    } else {
        format!("{trimmed}/index.html")
    }
}

/// Renders the whole site. All errors of all pages are collected.
pub fn render_site(
    site: &Site,
    renderer: &Renderer,
    extras: &Extras,
    options: RenderOptions,
) -> Result<Vec<Output>, Vec<Diagnostic>> {
    render_site_reusing(site, renderer, extras, options, None)
}

/// [`render_site`], taking the content and listing pages whose inputs are unchanged from `reuse`
/// (and recording there what was rendered). The outputs are the same.
pub fn render_site_reusing(
    site: &Site,
    renderer: &Renderer,
    extras: &Extras,
    options: RenderOptions,
    reuse: Option<&memo::Reuse>,
) -> Result<Vec<Output>, Vec<Diagnostic>> {
    let base = base_context(site, renderer, extras, options);
    let rc = RenderCtx {
        site,
        renderer,
        base,
        options,
        reuse,
    };
    let mut outputs = Vec::new();
    let mut errors = Vec::new();
    // Generators are independent: a generator that works alone (the summary's JSON, say)
    // runs beside those that use every core. Their results are taken in their order.
    let results: Vec<_> = GENERATORS.par_iter().map(|g| (g.run)(&rc)).collect();
    for result in results {
        match result {
            Ok(o) => outputs.extend(o),
            Err(e) => errors.extend(e),
        }
    }
    if options.check_templates {
        errors.extend(renderer.check_templates(&sample_context(&rc)));
    }
    if let Some(reuse) = reuse {
        reuse.forget_previous();
    }
    if errors.is_empty() {
        let refs: Vec<OutputRef> = outputs.iter().map(Output::as_ref).collect();
        let extra = post_passes(site, &refs);
        outputs.extend(extra);
        outputs.sort_by(|a, b| a.path.cmp(&b.path));
        Ok(outputs)
    } else {
        Err(errors)
    }
}

/// The files made from the rendered site itself: the search index (from the pages'
/// HTML), then the hosts' files (`_headers` names every fingerprinted asset).
pub fn post_passes(site: &Site, outputs: &[OutputRef<'_>]) -> Vec<Output> {
    let mut extra: Vec<Output> = search::index_outputs(site, outputs);
    let mut all: Vec<OutputRef> = outputs.to_vec();
    all.extend(extra.iter().map(Output::as_ref));
    extra.extend(publish::host_files(&all));
    extra
}

/// The paths [`post_passes`] writes.
///
/// The search shards (`search/w/`) and records (`search/d/`) vary with the site; the
/// post passes read only HTML pages and fingerprinted assets, so the previous ones in
/// `serve`'s outputs change nothing.
pub const POST_PASS_PATHS: &[&str] = &[search::MANIFEST_PATH, "_headers", ".nojekyll"];

/// A page's context (the first page that is not the home page), for rendering
/// templates no page uses.
fn sample_context(rc: &RenderCtx<'_>) -> Context {
    let site = rc.site;
    let mut ctx = rc.base.clone();
    let path = match site.pages.iter().position(|p| p.path != "/") {
        Some(i) => {
            ctx.insert("page", &PageCtx::new(site, i));
            site.pages[i].path.clone()
        }
        None => {
            ctx.insert_value("page", Value::none());
            "/".to_string()
        }
    };
    ctx.insert("current_path", &path);
    ctx.insert("meta", &Meta::page(site, "Sample", "", &path));
    ctx
}

/// The variables every template sees.
pub fn base_context(
    site: &Site,
    renderer: &Renderer,
    extras: &Extras,
    options: RenderOptions,
) -> Context {
    let c = &site.config;
    let mut ctx = Context::new();
    ctx.insert("site", &SiteCtx::new(c));
    let pages: Vec<PageRef> = site
        .briefings
        .iter()
        .map(|&i| PageRef::new(&site.pages[i], c))
        .collect();
    ctx.insert_value("pages", Value::from_serializable(&pages));
    let nav: Vec<PageRef> = site
        .others
        .iter()
        .map(|&i| PageRef::new(&site.pages[i], c))
        .collect();
    ctx.insert_value("nav_pages", Value::from_serializable(&nav));
    ctx.insert_value(
        "taxonomies",
        Value::from_serializable(&taxonomies_ctx(site)),
    );
    ctx.insert("live_reload", &options.live_reload);
    ctx.insert("current_path", "/");
    // The analyses are the largest values (tens of megabytes at a thousand briefings):
    // converted side by side.
    let (summary, attendance) = rayon::join(
        || {
            if site.summary.is_empty() {
                Value::none()
            } else {
                Value::from_serializable(&site.summary)
            }
        },
        || attendance::context_value(site),
    );
    ctx.insert_value("summary", summary);
    ctx.insert_value("attendance", attendance);
    for (k, v) in &extras.values {
        ctx.insert_value(k.clone(), v.clone());
    }
    // The attendance outcome line the summary and home page show, read from the
    // attendance analysis when there is one.
    match summary::attendance_outcome(site, extras) {
        Some(o) => ctx.insert("attendance_outcome", &o),
        None => ctx.insert_value("attendance_outcome", Value::none()),
    }
    // What the navigation needs to know: whether the pages exist. (A page template that
    // reads only these is not re-rendered by `serve` when the summary's text changes.)
    let truthy = |k: &str| ctx.get(k).is_some_and(|v| !v.is_none());
    let (has_summary, has_attendance) = (truthy("summary"), truthy("attendance"));
    ctx.insert("has_summary", &has_summary);
    ctx.insert("has_attendance", &has_attendance);
    let assets: BTreeMap<&str, String> = renderer
        .statics
        .iter()
        .map(|(name, out)| (name.as_str(), join_base(&c.base_path(), out)))
        .collect();
    ctx.insert("assets", &assets);
    ctx
}

pub(crate) fn one<T>(r: Result<T, Diagnostic>) -> Result<T, Vec<Diagnostic>> {
    r.map_err(|d| vec![d])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_paths_are_folder_indexes() {
        assert_eq!(output_path("/"), "index.html");
        assert_eq!(output_path("/briefings/x/"), "briefings/x/index.html");
    }
}
