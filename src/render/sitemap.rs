//! `sitemap.xml` (every page of the site, briefings with their date) and `robots.txt`,
//! which names it.

use serde::Serialize;
use tera::Context;

use super::generators::all_or_errors;
use super::{Output, RenderCtx, listing};
use crate::diagnostics::Diagnostic;

/// `sitemap.xml` and `robots.txt`.
pub(super) fn gen_sitemap(rc: &RenderCtx<'_>) -> Result<Vec<Output>, Vec<Diagnostic>> {
    let site = rc.site;
    let mut results = Vec::new();
    let mut urls: Vec<(String, Option<String>)> = vec![(site.config.absolute_url("/"), None)];
    for p in &site.pages {
        if p.path != "/" {
            urls.push((
                site.config.absolute_url(&p.path),
                p.date.map(|d| d.to_string()),
            ));
        }
    }
    let per_page = site.config.paginate_by;
    for t in &site.taxonomies {
        urls.push((site.config.absolute_url(&format!("/{}/", t.name)), None));
        for term in &t.terms {
            for n in 1..=listing::pager_count(term.pages.len(), per_page) {
                let path = listing::pager_path(&term.path, n);
                urls.push((site.config.absolute_url(&path), None));
            }
        }
    }
    if !site.briefings.is_empty() && rc.renderer.has_template("list.html") {
        for n in 1..=listing::pager_count(site.briefings.len(), per_page) {
            let path = listing::pager_path(listing::ARCHIVE_PATH, n);
            urls.push((site.config.absolute_url(&path), None));
        }
    }
    urls.push((site.config.absolute_url("/sources/"), None));
    for extra in ["/summary/", "/attendance/", "/search/"] {
        if rc
            .renderer
            .has_template(&format!("{}.html", extra.trim_matches('/')))
        {
            urls.push((site.config.absolute_url(extra), None));
        }
    }
    urls.sort();
    urls.dedup();
    #[derive(Serialize)]
    struct SitemapUrl {
        loc: String,
        lastmod: Option<String>,
    }
    let urls: Vec<SitemapUrl> = urls
        .into_iter()
        .map(|(loc, lastmod)| SitemapUrl { loc, lastmod })
        .collect();
    let mut ctx = Context::new();
    ctx.insert("urls", &urls);
    results.push(rc.page(
        "sitemap.xml",
        ctx,
        None,
        "sitemap.xml",
        "failed to render sitemap.xml",
    ));
    let mut ctx = Context::new();
    ctx.insert("sitemap_url", &site.config.absolute_url("/sitemap.xml"));
    results.push(rc.page(
        "robots.txt",
        ctx,
        None,
        "robots.txt",
        "failed to render robots.txt",
    ));
    all_or_errors(results)
}
