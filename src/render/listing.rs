//! Listing pages: each taxonomy's list of terms, each term's briefings and the archive
//! of every briefing (`/briefings/`), split into pages of `paginate_by` (pure).
//!
//! Each listing page is a [`PageJob`]: `serve` compares a job with the one it rendered
//! before, so an edit re-renders only the listing pages that show what changed.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};

use rayon::prelude::*;
use serde::Serialize;
use tera::{Context, Value};

use super::context::{PageRef, taxonomies_ctx};
use super::generators::all_or_errors;
use super::{Meta, Output, PageJob, RenderCtx, attendance, output_path, render_job};
use crate::analyse::Site;
use crate::diagnostics::Diagnostic;

/// Site path of the archive of every briefing.
pub const ARCHIVE_PATH: &str = "/briefings/";

/// `paginator` in a listing template (the names Zola uses), but for `pages`: the page
/// references shown on this page, added by [`Pager::value`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Pager {
    /// This page's number, from 1.
    pub current_index: usize,
    /// How many pages the listing has.
    pub number_pagers: usize,
    /// How many page references the listing has in all.
    pub total_pages: usize,
    /// URLs (root-relative, under the base path) of the neighbouring, first and last pages.
    pub previous: Option<String>,
    pub next: Option<String>,
    pub first: String,
    pub last: String,
}

impl Pager {
    /// `paginator`: these fields and `pages`.
    pub fn value(&self, pages: Value) -> Value {
        let mut map: HashMap<&'static str, Value> = HashMap::new();
        map.insert("pages", pages);
        map.insert("current_index", self.current_index.into());
        map.insert("number_pagers", self.number_pagers.into());
        map.insert("total_pages", self.total_pages.into());
        map.insert("previous", self.previous.clone().into());
        map.insert("next", self.next.clone().into());
        map.insert("first", self.first.clone().into());
        map.insert("last", self.last.clone().into());
        Value::from(map)
    }
}

/// The site path of page `n` (from 1) of a listing at `base`: `base` itself, then
/// `base` + `page/2/`, ...
pub fn pager_path(base: &str, n: usize) -> String {
    if n <= 1 {
        base.to_string()
    } else {
        format!("{}/page/{n}/", base.trim_end_matches('/'))
    }
}

/// Whether an output path is page 2 or later of a listing (`x/page/2/index.html`).
pub fn is_later_page(output: &str) -> bool {
    let Some(rest) = output.strip_suffix("/index.html") else {
        return false;
    };
    match rest.rsplit_once('/') {
        Some((head, n)) => {
            (head == "page" || head.ends_with("/page"))
                && !n.is_empty()
                && n.bytes().all(|b| b.is_ascii_digit())
        }
        None => false,
    }
}

/// How many pages `items` references make at `per_page` (0: one page); at least one.
pub fn pager_count(items: usize, per_page: usize) -> usize {
    if per_page == 0 {
        1
    } else {
        items.div_ceil(per_page).max(1)
    }
}

/// The pages of a listing of `items` at site path `base`: each page's site path, its
/// pager and its items.
pub fn paginate<T: Clone>(site: &Site, items: &[T], base: &str) -> Vec<(String, Pager, Vec<T>)> {
    let per_page = site.config.paginate_by;
    let total = items.len();
    let count = pager_count(total, per_page);
    let url = |n: usize| site.config.url(&pager_path(base, n));
    let size = if per_page == 0 {
        total.max(1)
    } else {
        per_page
    };
    (1..=count)
        .map(|n| {
            let from = ((n - 1) * size).min(total);
            let to = (n * size).min(total);
            let pager = Pager {
                current_index: n,
                number_pagers: count,
                total_pages: total,
                previous: (n > 1).then(|| url(n - 1)),
                next: (n < count).then(|| url(n + 1)),
                first: url(1),
                last: url(count),
            };
            (pager_path(base, n), pager, items[from..to].to_vec())
        })
        .collect()
}

/// "Countries", then "Countries (page 2 of 5)".
fn numbered(title: &str, p: &Pager) -> String {
    if p.current_index > 1 {
        format!("{title} (page {} of {})", p.current_index, p.number_pagers)
    } else {
        title.to_string()
    }
}

/// Every page's reference as a template value, kept between renders by `serve`: a
/// reference that reads as it did before is the very same value, so comparing a
/// listing page's context with the last one compares pointers, not a thousand maps.
#[derive(Debug, Clone, Default)]
pub struct RefValues {
    by_path: HashMap<String, (u64, Value)>,
}

impl RefValues {
    /// The values of `site`'s page references (by page index), reusing those of `self`
    /// that read the same, and the store for the next render.
    pub fn refresh(&self, site: &Site) -> (Vec<Value>, RefValues) {
        let made: Vec<(u64, Value)> = site
            .pages
            .par_iter()
            .map(|p| {
                let r = PageRef::new(p, &site.config);
                let mut h = std::collections::hash_map::DefaultHasher::new();
                r.hash(&mut h);
                let key = h.finish();
                match self.by_path.get(&p.path) {
                    Some((k, v)) if *k == key => (key, v.clone()),
                    _ => (key, Value::from_serializable(&r)),
                }
            })
            .collect();
        let by_path = site
            .pages
            .iter()
            .zip(&made)
            .map(|(p, kv)| (p.path.clone(), kv.clone()))
            .collect();
        (
            made.into_iter().map(|(_, v)| v).collect(),
            RefValues { by_path },
        )
    }
}

/// `taxonomy` on a term page: its name, title and URL (a term page lists its own
/// briefings; `serve` compares every job's context, and every term with every page of
/// every term would cost more than rendering).
#[derive(Debug, Clone, Serialize)]
struct TaxonomyHead<'a> {
    name: &'a str,
    title: &'a str,
    url: &'a str,
}

#[derive(Debug, Clone, Serialize)]
struct TermHead<'a> {
    name: &'a str,
    slug: &'a str,
    url: &'a str,
    count: usize,
}

fn job(template: &str, mut ctx: Context, meta: &Meta, path: &str) -> PageJob {
    ctx.insert("current_path", path);
    ctx.insert("meta", meta);
    PageJob {
        template: template.to_string(),
        ctx,
        path: output_path(path),
        what: format!("failed to render `{path}`"),
    }
}

/// Every listing page's job: the taxonomy lists, the term pages and the archive.
pub fn listing_jobs(rc: &RenderCtx<'_>) -> Vec<PageJob> {
    listing_jobs_with(rc, &RefValues::default()).0
}

/// [`listing_jobs`], reusing the page reference values of the last render; also gives
/// the values for the next one.
pub fn listing_jobs_with(rc: &RenderCtx<'_>, kept: &RefValues) -> (Vec<PageJob>, RefValues) {
    let site = rc.site;
    // Every page's reference, converted once: listings share them.
    let (refs, next) = kept.refresh(site);
    let mut jobs = Vec::new();
    for (t, tc) in site.taxonomies.iter().zip(taxonomies_ctx(site)) {
        let heads: Vec<TermHead> = tc
            .terms
            .iter()
            .map(|t| TermHead {
                name: &t.name,
                slug: &t.slug,
                url: &t.url,
                count: t.count,
            })
            .collect();
        // Converted once: every page of the taxonomy shares it.
        let head = Value::from_serializable(&TaxonomyHead {
            name: &tc.name,
            title: &tc.title,
            url: &tc.url,
        });
        let list_path = format!("/{}/", t.name);
        let mut ctx = Context::new();
        ctx.insert("taxonomy", &tc);
        let meta = Meta::page(
            site,
            &t.title,
            &format!("{} named in the briefings", t.title),
            &list_path,
        );
        jobs.push(job("taxonomy_list.html", ctx, &meta, &list_path));
        let terms: Vec<Vec<PageJob>> = t
            .terms
            .par_iter()
            .zip(heads.par_iter())
            .map(|(term, term_head)| {
                let term_value = Value::from_serializable(term_head);
                let items: Vec<Value> = term.pages.iter().map(|&i| refs[i].clone()).collect();
                let description = format!(
                    "Briefings that name {} ({} in all)",
                    term.name,
                    term.pages.len()
                );
                paginate(site, &items, &term.path)
                    .into_iter()
                    .map(|(path, pager, shown)| {
                        let shown = Value::from(shown);
                        let mut ctx = Context::new();
                        ctx.insert_value("taxonomy", head.clone());
                        ctx.insert_value("term", term_value.clone());
                        ctx.insert_value("term_pages", shown.clone());
                        ctx.insert_value("paginator", pager.value(shown));
                        // The party's status box is on the term's first page only.
                        let party = if pager.current_index == 1 {
                            attendance::term_party(site, &t.name, &term.slug)
                        } else {
                            Value::none()
                        };
                        ctx.insert_value("party", party);
                        let meta =
                            Meta::page(site, &numbered(&term.name, &pager), &description, &path);
                        job("taxonomy_term.html", ctx, &meta, &path)
                    })
                    .collect()
            })
            .collect();
        jobs.extend(terms.into_iter().flatten());
    }
    if !site.briefings.is_empty() && rc.renderer.has_template("list.html") {
        let items: Vec<Value> = site.briefings.iter().map(|&i| refs[i].clone()).collect();
        let description = format!("Every briefing, newest first ({} in all)", items.len());
        for (path, pager, shown) in paginate(site, &items, ARCHIVE_PATH) {
            let meta = Meta::page(
                site,
                &numbered("All briefings", &pager),
                &description,
                &path,
            );
            let mut ctx = Context::new();
            ctx.insert_value("paginator", pager.value(Value::from(shown)));
            jobs.push(job("list.html", ctx, &meta, &path));
        }
    }
    (jobs, next)
}

/// The listing pages, rendered on every core.
pub fn gen_listings(rc: &RenderCtx<'_>) -> Result<Vec<Output>, Vec<Diagnostic>> {
    let jobs = listing_jobs(rc);
    let results: Vec<Result<Output, Diagnostic>> = match rc.reuse {
        Some(reuse) => super::render_jobs_reusing(rc, reuse, &jobs),
        None => jobs.par_iter().map(|j| render_job(rc, j)).collect(),
    };
    all_or_errors(results)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pager_paths_start_at_the_listing_itself() {
        assert_eq!(pager_path("/countries/syria/", 1), "/countries/syria/");
        assert_eq!(
            pager_path("/countries/syria/", 2),
            "/countries/syria/page/2/"
        );
        assert_eq!(pager_path("/briefings/", 10), "/briefings/page/10/");
    }

    #[test]
    fn later_pages_are_told_from_content_pages() {
        assert!(is_later_page("countries/syria/page/2/index.html"));
        assert!(is_later_page("briefings/page/12/index.html"));
        assert!(!is_later_page("countries/syria/index.html"));
        assert!(!is_later_page("briefings/page-2/index.html"));
        assert!(!is_later_page("pages/2/index.html"));
        assert!(!is_later_page("index.html"));
    }

    #[test]
    fn pager_count_rounds_up_and_is_never_zero() {
        assert_eq!(pager_count(0, 20), 1);
        assert_eq!(pager_count(20, 20), 1);
        assert_eq!(pager_count(21, 20), 2);
        assert_eq!(pager_count(1000, 20), 50);
        assert_eq!(pager_count(1000, 0), 1);
    }
}
