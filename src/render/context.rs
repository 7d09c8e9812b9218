//! The template context: what templates see of the site and its pages (pure).
//!
//! Every variable is documented in the README ("Template context"). Values are
//! converted to Tera values once per build; per-page contexts share them.

use serde::Serialize;

use crate::analyse::Site;
use crate::common::slug::slugify;
use crate::config::SiteConfig;
use crate::content::Page;
use crate::markdown::TocEntry;

use crate::common::calendar::display_date;

/// `site` in templates.
#[derive(Debug, Clone, Serialize)]
pub struct SiteCtx<'a> {
    pub title: &'a str,
    pub description: &'a str,
    pub base_url: &'a str,
    pub base_path: String,
    pub language: &'a str,
    pub author: &'a str,
    pub event: Option<&'a crate::config::EventConfig>,
    /// Briefings per page of a listing; `pages[:site.paginate_by]` on the home page.
    pub paginate_by: usize,
}

impl<'a> SiteCtx<'a> {
    pub fn new(c: &'a SiteConfig) -> Self {
        SiteCtx {
            title: &c.title,
            description: &c.description,
            base_url: &c.base_url,
            base_path: c.base_path(),
            language: &c.language,
            author: &c.author,
            event: c.event.as_ref(),
            paginate_by: if c.paginate_by == 0 {
                u32::MAX as usize
            } else {
                c.paginate_by
            },
        }
    }
}

/// A link to a taxonomy term.
#[derive(Debug, Clone, Serialize)]
pub struct TermLink {
    pub name: String,
    pub url: String,
}

/// A page as listed on other pages (no body).
#[derive(Debug, Clone, Hash, Serialize)]
pub struct PageRef<'a> {
    pub title: &'a str,
    pub description: Option<&'a str>,
    pub summary: Option<&'a str>,
    /// `YYYY-MM-DD`
    pub date: Option<String>,
    /// "11 November 2020"
    pub date_display: Option<String>,
    pub date_inferred: bool,
    pub source: Option<&'a str>,
    pub section: &'a str,
    pub slug: &'a str,
    /// Site path before the base path, e.g. `/briefings/x/`.
    pub path: &'a str,
    /// Root-relative URL under the base path.
    pub url: String,
    /// Absolute URL.
    pub permalink: String,
    pub reading_time: usize,
    pub word_count: usize,
    pub tags: &'a [String],
    pub seed: Option<&'a str>,
    /// A short text for cards: the summary, or else the description, cut at a word
    /// boundary (never a repeat of the title).
    pub teaser: Option<String>,
}

/// Cuts text at a word boundary to at most `max` characters, adding an ellipsis.
pub fn truncate_words(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut out = String::new();
    for word in text.split_whitespace() {
        if out.chars().count() + word.chars().count() + 1 > max.saturating_sub(1) {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    let trimmed = out.trim_end_matches([',', ';', ':', '.', ' ']);
    format!("{trimmed}…")
}

/// The card text of a page: a summary that is not just the title, else the
/// description without the title it starts with.
pub fn teaser(p: &Page) -> Option<String> {
    const MAX: usize = 220;
    let title = p.front.title.trim_end_matches('.');
    let fresh = |t: &&String| !t.trim().is_empty() && !t.starts_with(title);
    if let Some(s) = p.front.summary.as_ref().filter(fresh) {
        return Some(truncate_words(s, MAX));
    }
    let d = p.front.description.as_ref()?;
    match d.strip_prefix(title) {
        Some(rest) => {
            let rest = rest.trim_start_matches([',', ';', ':', ' ', '.']);
            // "… as conditions for repatriation …": the standfirst goes on after the title.
            (rest.split_whitespace().count() >= 4).then(|| truncate_words(&format!("…{rest}"), MAX))
        }
        None => Some(truncate_words(d, MAX)),
    }
}

impl<'a> PageRef<'a> {
    pub fn new(p: &'a Page, c: &SiteConfig) -> Self {
        PageRef {
            title: &p.front.title,
            description: p.front.description.as_deref(),
            summary: p.front.summary.as_deref(),
            date: p.date.map(|d| d.to_string()),
            date_display: p.date.as_ref().map(display_date),
            date_inferred: p.front.date_inferred,
            source: p.front.source.as_deref(),
            section: &p.section,
            slug: &p.slug,
            path: &p.path,
            url: c.url(&p.path),
            permalink: c.absolute_url(&p.path),
            reading_time: p.reading_time,
            word_count: p.word_count,
            tags: &p.front.tags,
            seed: p.front.seed.as_deref(),
            teaser: teaser(p),
        }
    }
}

/// `page` in templates: the listing fields plus the body and its metadata.
#[derive(Debug, Clone, Serialize)]
pub struct PageCtx<'a> {
    #[serde(flatten)]
    pub base: PageRef<'a>,
    /// The rendered body (HTML, safe); root-relative links carry the base path.
    pub content: std::borrow::Cow<'a, str>,
    pub toc: &'a [TocEntry],
    pub countries: Vec<TermLink>,
    pub organisations: Vec<TermLink>,
    pub people: Vec<TermLink>,
    pub images: &'a [crate::frontmatter::ImageMeta],
    pub related: &'a [String],
}

fn term_links(site: &Site, taxonomy: &str, page_index: usize) -> Vec<TermLink> {
    site.taxonomy(taxonomy)
        .map(|t| {
            t.terms
                .iter()
                .filter(|term| term.pages.contains(&page_index))
                .map(|term| TermLink {
                    name: term.name.clone(),
                    url: site.config.url(&term.path),
                })
                .collect()
        })
        .unwrap_or_default()
}

impl<'a> PageCtx<'a> {
    pub fn new(site: &'a Site, index: usize) -> Self {
        let p = &site.pages[index];
        PageCtx {
            base: PageRef::new(p, &site.config),
            content: crate::render::publish::rebase_links(
                &p.rendered.html,
                &site.config.base_path(),
            ),
            toc: &p.rendered.toc,
            countries: term_links(site, "countries", index),
            organisations: term_links(site, "organisations", index),
            people: term_links(site, "people", index),
            images: &p.front.images,
            related: &p.front.related,
        }
    }
}

/// A taxonomy with its terms, as templates see it.
#[derive(Debug, Clone, Serialize)]
pub struct TaxonomyCtx {
    pub name: String,
    pub title: String,
    pub url: String,
    pub terms: Vec<TermCtx>,
}

/// A term with its pages.
#[derive(Debug, Clone, Serialize)]
pub struct TermCtx {
    pub name: String,
    pub slug: String,
    pub url: String,
    pub count: usize,
    /// Indices into `pages` (the briefings list in templates).
    pub page_urls: Vec<String>,
}

pub fn taxonomies_ctx(site: &Site) -> Vec<TaxonomyCtx> {
    site.taxonomies
        .iter()
        .map(|t| TaxonomyCtx {
            name: t.name.clone(),
            title: t.title.clone(),
            url: site.config.url(&format!("/{}/", t.name)),
            terms: t
                .terms
                .iter()
                .map(|term| TermCtx {
                    name: term.name.clone(),
                    slug: term.slug.clone(),
                    url: site.config.url(&term.path),
                    count: term.pages.len(),
                    page_urls: term
                        .pages
                        .iter()
                        .map(|&i| site.config.url(&site.pages[i].path))
                        .collect(),
                })
                .collect(),
        })
        .collect()
}

/// A source (outlet) and its briefings.
#[derive(Debug, Clone, Serialize)]
pub struct SourceCtx<'a> {
    pub name: &'a str,
    pub slug: String,
    pub pages: Vec<PageRef<'a>>,
}

pub fn sources_ctx(site: &Site) -> Vec<SourceCtx<'_>> {
    let mut out: Vec<SourceCtx> = Vec::new();
    for &i in &site.briefings {
        let p = &site.pages[i];
        let name = p.front.source.as_deref().unwrap_or("Unknown source");
        match out.iter_mut().find(|s| s.name == name) {
            Some(s) => s.pages.push(PageRef::new(p, &site.config)),
            None => out.push(SourceCtx {
                name,
                slug: slugify(name),
                pages: vec![PageRef::new(p, &site.config)],
            }),
        }
    }
    out.sort_by(|a, b| a.name.cmp(b.name));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::common::calendar::Ymd;

    #[test]
    fn truncation_cuts_at_words() {
        assert_eq!(truncate_words("short", 10), "short");
        assert_eq!(truncate_words("one two three four", 12), "one two…");
    }

    #[test]
    fn teaser_never_repeats_the_title() {
        let p = crate::content::load_page(
            std::path::Path::new("content/briefings/a.md"),
            "---\ntitle: The regime holds a conference\ndescription: The regime holds a conference as conditions remain alarming for many.\nsummary: The regime holds a conference as conditions remain alarming.\n---\nx\n",
            220,
        )
        .unwrap();
        assert_eq!(
            teaser(&p).as_deref(),
            Some("…as conditions remain alarming for many.")
        );
    }

    #[test]
    fn dates_display_in_day_month_year() {
        assert_eq!(
            display_date(&Ymd {
                year: 2020,
                month: 11,
                day: 11
            }),
            "11 November 2020"
        );
    }
}
