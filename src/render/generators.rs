//! The generators: each makes one kind of page from the site (content pages, listings,
//! home, summary, attendance, feeds, ...), listed in one registry with the priority
//! `serve` gives it after an edit.

use rayon::prelude::*;
use tera::{Context, Value};

use super::context::{PageCtx, PageRef, sources_ctx};
use super::{
    Meta, Output, RenderCtx, attendance, feeds, listing, memo, one, output_path, sitemap, summary,
};
use crate::analyse::Site;
use crate::diagnostics::Diagnostic;

/// When `serve` runs a generator after an edit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Priority {
    /// Its pages are rendered as jobs that `serve` compares with the previous ones, to
    /// skip those that did not change (content and listing pages).
    Jobs,
    /// What a reader looks at first: run before the content pages' jobs are built.
    First,
    /// Run after them.
    Later,
}

/// A page-generating function: the site in, its files out.
pub type GenerateFn = fn(&RenderCtx<'_>) -> Result<Vec<Output>, Vec<Diagnostic>>;

/// One entry of [`GENERATORS`].
#[derive(Debug, Clone, Copy)]
pub struct Generator {
    /// What it makes, for timings and reports.
    pub name: &'static str,
    pub priority: Priority,
    pub run: GenerateFn,
}

const fn generator(name: &'static str, priority: Priority, run: GenerateFn) -> Generator {
    Generator {
        name,
        priority,
        run,
    }
}

/// The generators of every build. A build runs them side by side and sorts their
/// outputs; `serve` runs them by [`Priority`], in this order within a priority.
pub const GENERATORS: &[Generator] = &[
    generator("content pages", Priority::Jobs, gen_pages),
    generator("listings", Priority::Jobs, listing::gen_listings),
    generator("home page", Priority::First, gen_index),
    generator("summary page", Priority::First, summary::gen_page),
    generator("attendance page", Priority::First, attendance::gen_page),
    generator("sources page", Priority::Later, gen_sources),
    generator("404 page", Priority::Later, gen_not_found),
    generator("search page", Priority::Later, gen_search),
    generator("feed", Priority::Later, feeds::gen_feed),
    generator("sitemap", Priority::Later, sitemap::gen_sitemap),
    generator("static files", Priority::Later, gen_statics),
    generator("summary data", Priority::Later, summary::gen_json),
    generator("attendance data", Priority::Later, attendance::gen_json),
    generator("attendance table", Priority::Later, attendance::gen_csv),
];

/// The generators of pages derived from the whole site (every priority but
/// [`Priority::Jobs`]): the first ones, then the others, each in [`GENERATORS`] order.
pub fn derived_generators() -> impl Iterator<Item = &'static Generator> {
    let by = |p: Priority| GENERATORS.iter().filter(move |g| g.priority == p);
    by(Priority::First).chain(by(Priority::Later))
}

fn page_error(site: &Site, i: usize) -> String {
    format!("failed to render page `{}`", site.pages[i].file.display())
}

/// What rendering one content page needs: its template, its own context (on top of the
/// base context), its output path. `serve` compares jobs to skip unchanged pages.
#[derive(Debug, Clone, PartialEq)]
pub struct PageJob {
    pub template: String,
    pub ctx: Context,
    pub path: String,
    pub what: String,
}

/// The job of content page `i`; `None` for the home page's introduction.
pub fn page_job(rc: &RenderCtx<'_>, i: usize) -> Option<Result<PageJob, Diagnostic>> {
    let site = rc.site;
    let p = &site.pages[i];
    if p.path == "/" {
        return None; // content/index.md is the home page's introduction
    }
    let template = match &p.front.template {
        Some(t) => t.clone(),
        None if p.is_briefing() => "briefing.html".to_string(),
        None => "page.html".to_string(),
    };
    if !rc.renderer.has_template(&template) {
        return Some(Err(Diagnostic::new(format!(
            "unknown template `{template}`"
        ))
        .in_file(&p.file)
        .hint("set `template:` to a file of the theme's templates/ folder")));
    }
    let mut ctx = Context::new();
    ctx.insert("page", &PageCtx::new(site, i));
    ctx.insert("current_path", &p.path);
    let meta = if p.is_briefing() {
        Meta::article(site, p)
    } else {
        Meta::page(
            site,
            &p.front.title,
            p.front.description.as_deref().unwrap_or(""),
            &p.path,
        )
    };
    ctx.insert("meta", &meta);
    Some(Ok(PageJob {
        template,
        ctx,
        path: output_path(&p.path),
        what: page_error(site, i),
    }))
}

/// Renders a page job.
pub fn render_job(rc: &RenderCtx<'_>, job: &PageJob) -> Result<Output, Diagnostic> {
    rc.page(&job.template, job.ctx.clone(), None, &job.path, &job.what)
}

/// Every output, or every error when any page failed.
pub(super) fn all_or_errors(
    results: impl IntoIterator<Item = Result<Output, Diagnostic>>,
) -> Result<Vec<Output>, Vec<Diagnostic>> {
    let (mut out, mut errors) = (Vec::new(), Vec::new());
    for r in results {
        match r {
            Ok(o) => out.push(o),
            Err(e) => errors.push(e),
        }
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

/// The content pages (every page but the home page's introduction).
pub fn gen_pages(rc: &RenderCtx<'_>) -> Result<Vec<Output>, Vec<Diagnostic>> {
    let Some(reuse) = rc.reuse else {
        // Pages are independent: render them on every core, keep their order.
        let results: Vec<Option<Result<Output, Diagnostic>>> = (0..rc.site.pages.len())
            .into_par_iter()
            .map(|i| page_job(rc, i).map(|job| job.and_then(|job| render_job(rc, &job))))
            .collect();
        return all_or_errors(results.into_iter().flatten());
    };
    let jobs: Vec<Option<Result<PageJob, Diagnostic>>> = (0..rc.site.pages.len())
        .into_par_iter()
        .map(|i| page_job(rc, i))
        .collect();
    // Rendered together; the results in page order, each job's error in its place.
    let ok: Vec<PageJob> = jobs.iter().flatten().flatten().cloned().collect();
    let mut rendered = render_jobs_reusing(rc, reuse, &ok).into_iter();
    let results = jobs.into_iter().flatten().map(|job| match job {
        Ok(_) => rendered
            .next()
            .unwrap_or_else(|| Err(Diagnostic::new("a page was not rendered"))),
        Err(e) => Err(e),
    });
    all_or_errors(results.collect::<Vec<_>>())
}

/// Renders `jobs` on every core, taking from `reuse` the output of each job whose inputs
/// are those of the previous build, and recording there every job's input digest.
pub fn render_jobs_reusing(
    rc: &RenderCtx<'_>,
    reuse: &memo::Reuse,
    jobs: &[PageJob],
) -> Vec<Result<Output, Diagnostic>> {
    let inputs = memo::Inputs::new(
        reuse.shared,
        rc.renderer,
        &rc.base,
        jobs.iter().map(|j| j.template.as_str()),
    );
    // Each result with its input digest and, for a page taken as it was, its output's.
    type Done = (
        Result<Output, Diagnostic>,
        Option<memo::Digest>,
        Option<memo::Digest>,
    );
    let done: Vec<Done> = jobs
        .par_iter()
        .map(|job| {
            let input = inputs.digest(job);
            match input.and_then(|d| reuse.take(&job.path, &d)) {
                Some((bytes, output)) => (
                    Ok(Output {
                        path: job.path.clone(),
                        bytes,
                    }),
                    input,
                    Some(output),
                ),
                None => (render_job(rc, job), input, None),
            }
        })
        .collect();
    let made: Vec<memo::Made> = done
        .iter()
        .filter_map(|(out, input, output)| {
            Some((out.as_ref().ok()?.path.clone(), (*input)?, *output))
        })
        .collect();
    reuse.record(made);
    done.into_iter().map(|(out, _, _)| out).collect()
}

fn gen_index(rc: &RenderCtx<'_>) -> Result<Vec<Output>, Vec<Diagnostic>> {
    let site = rc.site;
    let mut ctx = Context::new();
    let intro = site.pages.iter().position(|p| p.path == "/");
    match intro {
        Some(i) => ctx.insert("page", &PageCtx::new(site, i)),
        None => ctx.insert_value("page", Value::none()),
    }
    let meta = Meta::page(site, &site.config.title, &site.config.description, "/");
    one(rc
        .page(
            "index.html",
            ctx,
            Some(&meta),
            "index.html",
            "failed to render the home page",
        )
        .map(|o| vec![o]))
}

/// How many of the newest briefings the 404 page links to: the page stays the same size
/// at any number of briefings.
pub const NOT_FOUND_LATEST: usize = 5;

fn gen_not_found(rc: &RenderCtx<'_>) -> Result<Vec<Output>, Vec<Diagnostic>> {
    let site = rc.site;
    let mut ctx = Context::new();
    ctx.insert("current_path", "/404.html");
    let latest: Vec<PageRef> = site
        .briefings
        .iter()
        .take(NOT_FOUND_LATEST)
        .map(|&i| PageRef::new(&site.pages[i], &site.config))
        .collect();
    ctx.insert("latest", &latest);
    let meta = Meta::page(rc.site, "Page not found", "", "/404.html");
    one(rc
        .page(
            "404.html",
            ctx,
            Some(&meta),
            "404.html",
            "failed to render 404.html",
        )
        .map(|o| vec![o]))
}

fn gen_sources(rc: &RenderCtx<'_>) -> Result<Vec<Output>, Vec<Diagnostic>> {
    let mut ctx = Context::new();
    ctx.insert("sources", &sources_ctx(rc.site));
    ctx.insert("current_path", "/sources/");
    let meta = Meta::page(
        rc.site,
        "Sources",
        "The outlets whose reporting this briefing is built from",
        "/sources/",
    );
    one(rc
        .page(
            "sources.html",
            ctx,
            Some(&meta),
            "sources/index.html",
            "failed to render the sources page",
        )
        .map(|o| vec![o]))
}

fn gen_search(rc: &RenderCtx<'_>) -> Result<Vec<Output>, Vec<Diagnostic>> {
    if !rc.renderer.has_template("search.html") {
        return Ok(Vec::new());
    }
    let mut ctx = Context::new();
    ctx.insert("current_path", "/search/");
    let meta = Meta::page(
        rc.site,
        "Search",
        "Search every page of the briefing: articles, names, summary and attendance",
        "/search/",
    );
    one(rc
        .page(
            "search.html",
            ctx,
            Some(&meta),
            "search/index.html",
            "failed to render the search page",
        )
        .map(|o| vec![o]))
}

fn gen_statics(rc: &RenderCtx<'_>) -> Result<Vec<Output>, Vec<Diagnostic>> {
    Ok(rc
        .renderer
        .statics
        .iter()
        .map(|(name, out)| Output {
            path: out.clone(),
            bytes: rc.renderer.theme.statics[name].clone(),
        })
        .collect())
}
