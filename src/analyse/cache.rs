//! The analysis cache: what each briefing alone gives the whole-site analyses (its
//! taxonomy terms, attendance claims and summary reading), kept under a fingerprint of
//! exactly what that work reads, so that after an edit only the changed pages are read
//! again and only the cross-page steps (taxonomies, resolution, vocabulary, ranking,
//! merges) run over all of them. The result equals a from-scratch analysis (pure:
//! nothing here reads or writes files).

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::sync::Arc;

use rayon::prelude::*;

use super::attendance::{self, Event, PageClaim};
use super::gazetteer::Gazetteer;
use super::summary::{self, reading::Reading};
use super::{PageTerms, Site, arrange, page_terms, taxonomies};
use crate::config::SiteConfig;
use crate::content::Page;
use crate::diagnostics::Diagnostic;
use crate::load::TextFile;

/// What one briefing gives the whole-site analyses, computed from the page alone.
#[derive(Debug, Clone, PartialEq)]
pub struct PageAnalysis {
    pub terms: PageTerms,
    pub claims: Vec<PageClaim>,
    pub reading: Reading,
}

/// The analysis of one briefing; `index` is its place in the site's pages (kept in the
/// reading, and replaced whenever the analysis is used again).
pub fn analyse_page(
    page: &Page,
    index: usize,
    gazetteer: &Gazetteer,
    event: &Event,
) -> PageAnalysis {
    PageAnalysis {
        terms: page_terms(page, gazetteer),
        claims: attendance::claims_of_page(page, gazetteer, event),
        reading: summary::reading::read(page, index, gazetteer),
    }
}

/// A fingerprint of everything [`analyse_page`] reads of a page: its path and section,
/// the front matter it uses (title, source, seed, date, taxonomy lists) and every text
/// block (kind, text, sentences with their anchors). Not its place among the pages.
/// (SipHash, 64 bits: two different pages sharing one is a chance of about n²/2⁶⁵.)
pub fn fingerprint(page: &Page) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    page.path.hash(&mut h);
    page.section.hash(&mut h);
    page.date.hash(&mut h);
    let f = &page.front;
    f.title.hash(&mut h);
    f.source.hash(&mut h);
    f.seed.hash(&mut h);
    f.date_inferred.hash(&mut h);
    f.countries.hash(&mut h);
    f.organisations.hash(&mut h);
    f.people.hash(&mut h);
    f.tags.hash(&mut h);
    page.rendered.blocks.len().hash(&mut h);
    for b in &page.rendered.blocks {
        std::mem::discriminant(&b.kind).hash(&mut h);
        b.text.hash(&mut h);
        b.sentences.len().hash(&mut h);
        for s in &b.sentences {
            s.text.hash(&mut h);
            s.anchor.hash(&mut h);
        }
    }
    h.finish()
}

/// How an analysis used the cache it was given.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CacheStats {
    /// Briefings whose analysis was reused.
    pub hits: usize,
    /// Briefings analysed anew.
    pub misses: usize,
}

/// Per-briefing analyses by [`fingerprint`], for the event and gazetteer they were made
/// with. Cheap to clone (the analyses are shared). The cache an analysis returns holds
/// the briefings of that analysis only, so it does not grow with edits.
#[derive(Debug, Clone, Default)]
pub struct AnalysisCache {
    /// The event the claims were read against and the address of the gazetteer (the
    /// embedded one lives as long as the program); `None` for an empty cache.
    made_with: Option<(Event, usize)>,
    pages: HashMap<u64, Arc<PageAnalysis>>,
    stats: CacheStats,
}

impl AnalysisCache {
    /// How many briefings it holds.
    pub fn len(&self) -> usize {
        self.pages.len()
    }

    pub fn is_empty(&self) -> bool {
        self.pages.is_empty()
    }

    /// How the analysis that made this cache used the one before.
    pub fn stats(&self) -> CacheStats {
        self.stats
    }

    /// The analyses of the briefings of `site` (in `site.briefings` order): those of
    /// this cache whose fingerprint is unchanged, the others anew (side by side when
    /// there are many). Returns them with the cache of exactly these briefings.
    pub fn analyses(
        &self,
        site: &Site,
        gazetteer: &Gazetteer,
        event: &Event,
    ) -> (Vec<Arc<PageAnalysis>>, AnalysisCache) {
        // Claims depend on the event, everything on the gazetteer: analyses made with
        // another are never reused.
        let made_with = (event.clone(), std::ptr::from_ref(gazetteer) as usize);
        let usable = self.made_with.as_ref() == Some(&made_with);
        let keys: Vec<u64> = site
            .briefings
            .iter()
            .map(|&i| fingerprint(&site.pages[i]))
            .collect();
        let mut stats = CacheStats::default();
        let mut found: Vec<Option<Arc<PageAnalysis>>> = keys
            .iter()
            .map(|k| usable.then(|| self.pages.get(k).cloned()).flatten())
            .collect();
        let missing: Vec<usize> = (0..found.len()).filter(|&k| found[k].is_none()).collect();
        let analyse = |&k: &usize| {
            let i = site.briefings[k];
            Arc::new(analyse_page(&site.pages[i], i, gazetteer, event))
        };
        let fresh: Vec<Arc<PageAnalysis>> = if missing.len() > 8 {
            missing.par_iter().map(analyse).collect()
        } else {
            missing.iter().map(analyse).collect()
        };
        stats.misses = fresh.len();
        stats.hits = found.len() - fresh.len();
        for (k, a) in missing.into_iter().zip(fresh) {
            found[k] = Some(a);
        }
        let analyses: Vec<Arc<PageAnalysis>> = found.into_iter().flatten().collect();
        let cache = AnalysisCache {
            made_with: Some(made_with),
            pages: keys.into_iter().zip(analyses.iter().cloned()).collect(),
            stats,
        };
        (analyses, cache)
    }
}

/// The whole analysis of a site — pages arranged, taxonomies, attendance (with the pins
/// of `pins`, whose errors are the only errors) and summary — reusing the per-briefing
/// analyses of `cache`. Equal to [`super::analyse`], [`attendance::build`] and
/// [`summary::summarise`] from scratch; returns the cache for the next analysis.
pub fn analyse_site(
    config: SiteConfig,
    pages: Vec<Page>,
    pins: Option<&TextFile>,
    gazetteer: &Gazetteer,
    cache: &AnalysisCache,
) -> Result<(Site, AnalysisCache), Vec<Diagnostic>> {
    let pins = attendance::pins_of(pins, gazetteer)?;
    let mut site = arrange(config, pages);
    let event = attendance::event_of(&site.config);
    let (analyses, cache) = cache.analyses(&site, gazetteer, &event);
    site.taxonomies = taxonomies(
        &site.briefings,
        &analyses.iter().map(|a| &a.terms).collect::<Vec<_>>(),
    );
    let readings: Vec<(usize, &Reading)> = site
        .briefings
        .iter()
        .zip(&analyses)
        .map(|(&i, a)| (i, &a.reading))
        .collect();
    // Without `event:` in site.yaml, the event the texts state scopes the claims (read
    // again with it: the cached claims were read without one).
    let stated = if site.config.event.is_none() {
        attendance::event_stated(&summary::stated_event(&readings, gazetteer))
    } else {
        None
    };
    let restated: Option<Vec<Vec<attendance::PageClaim>>> = stated.as_ref().map(|ev| {
        site.briefings
            .par_iter()
            .map(|&i| attendance::claims_of_page(&site.pages[i], gazetteer, ev))
            .collect()
    });
    let claims: Vec<&[attendance::PageClaim]> = match &restated {
        Some(c) => c.iter().map(Vec::as_slice).collect(),
        None => analyses.iter().map(|a| a.claims.as_slice()).collect(),
    };
    site.attendance =
        attendance::assemble(&site, &pins, gazetteer, stated.unwrap_or(event), &claims);
    site.summary = summary::summarise_readings(
        &readings,
        gazetteer,
        &site.attendance,
        site.config.event.as_ref(),
    );
    Ok((site, cache))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::load_page;
    use std::path::Path;

    fn page(text: &str) -> Page {
        load_page(Path::new("content/briefings/a.md"), text, 220).unwrap()
    }

    #[test]
    fn the_fingerprint_follows_what_the_analysis_reads() {
        let base = "---\ntitle: A\ndate: 2020-11-10\nsource: Wire\n---\nTurkey attended. Jordan did not.\n";
        let a = fingerprint(&page(base));
        assert_eq!(a, fingerprint(&page(base)));
        for other in [
            base.replace("title: A", "title: B"),
            base.replace("Wire", "Other Wire"),
            base.replace("2020-11-10", "2020-11-11"),
            base.replace("Jordan did not.", "Jordan did."),
            base.replace("---\nTurkey", "tags: [x]\n---\nTurkey"),
        ] {
            assert_ne!(a, fingerprint(&page(&other)), "{other}");
        }
        let mut moved = page(base);
        moved.path = "/briefings/b/".into();
        assert_ne!(a, fingerprint(&moved));
        // What the analysis does not read: the rendered HTML, the reading time.
        let mut same = page(base);
        same.rendered.html.push_str("<!-- -->");
        same.reading_time += 1;
        assert_eq!(a, fingerprint(&same));
    }
}
