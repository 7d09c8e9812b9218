//! The Atom feed of the newest briefings.

use tera::Context;

use super::context::PageCtx;
use super::generators::all_or_errors;
use super::{Output, RenderCtx};
use crate::analyse::Site;
use crate::diagnostics::Diagnostic;

/// The newest date of any briefing, as the feed's `updated` (never the build time, so
/// two builds of the same input are byte-identical).
fn feed_updated(site: &Site) -> String {
    site.briefings
        .iter()
        .filter_map(|&i| site.pages[i].date)
        .max()
        .map(|d| format!("{d}T00:00:00Z"))
        .unwrap_or_else(|| "1970-01-01T00:00:00Z".to_string())
}

/// The feed carries the newest briefings, full text, like most feeds: readers poll it,
/// and a briefing of a thousand articles would otherwise ship them all on every poll.
pub const FEED_ENTRIES: usize = 50;

/// `atom.xml`.
pub(super) fn gen_feed(rc: &RenderCtx<'_>) -> Result<Vec<Output>, Vec<Diagnostic>> {
    let site = rc.site;
    let mut results = Vec::new();
    let entries: Vec<PageCtx> = site
        .briefings
        .iter()
        .take(FEED_ENTRIES)
        .map(|&i| PageCtx::new(site, i))
        .collect();
    let mut ctx = Context::new();
    ctx.insert("entries", &entries);
    ctx.insert("updated", &feed_updated(site));
    ctx.insert("feed_url", &site.config.absolute_url("/atom.xml"));
    results.push(rc.page(
        "atom.xml",
        ctx,
        None,
        "atom.xml",
        "failed to render atom.xml",
    ));
    all_or_errors(results)
}
