//! Stage 4, analyse: pages to a [`Site`] with taxonomies and the facts drawn from the
//! pages' text (pure: nothing here reads or writes files, so people's edits count).

pub mod attendance;
pub mod cache;
pub mod fxhash;
pub mod gazetteer;
pub mod summary;
pub mod words;

use std::collections::BTreeMap;

use rayon::prelude::*;
use serde::Serialize;

use crate::common::slug::slugify;
use crate::config::SiteConfig;
use crate::content::Page;
use crate::diagnostics::Diagnostic;
use crate::ingest::Article;
use crate::load::TextFile;
use crate::to_markdown::ArticleFacts;
use cache::AnalysisCache;
use gazetteer::Gazetteer;
use summary::reading::Reading;

/// How many sentences a briefing's `summary` front matter holds (three when the
/// first two are short).
pub const SUMMARY_SENTENCES: usize = 2;

/// The facts recorded in a generated page's front matter. The `summary` is ranked by
/// the same algorithm as the site summary's key points, leaving out the standfirst
/// (the page's `description` already has it).
pub fn article_facts(article: &Article, gazetteer: &Gazetteer) -> ArticleFacts {
    let prose: Vec<&str> = article.prose();
    let mut sentences: Vec<String> = Vec::new();
    let mut skip: Vec<bool> = Vec::new();
    for (i, p) in prose.iter().enumerate() {
        for s in crate::markdown::sentences(p) {
            skip.push(i == 0 && *p == article.standfirst);
            sentences.push(s);
        }
    }
    let refs: Vec<&str> = sentences.iter().map(String::as_str).collect();
    let ranking = summary::rank::KeyRanking::new(&refs, &skip, gazetteer);
    let mut picked = ranking.top(SUMMARY_SENTENCES + 1);
    let words =
        |ix: &[usize]| -> usize { ix.iter().map(|&i| refs[i].split_whitespace().count()).sum() };
    if picked.len() > SUMMARY_SENTENCES {
        // The two best, plus the third only when the summary stays short.
        let mut by_rank = ranking.top(SUMMARY_SENTENCES);
        if words(&picked) > 60 {
            picked = std::mem::take(&mut by_rank);
        }
    }
    let summary = picked
        .into_iter()
        .map(|i| refs[i])
        .collect::<Vec<_>>()
        .join(" ");
    let all_text = article.texts().collect::<Vec<_>>().join("\n");
    let mentions = gazetteer.mentions(&all_text);
    let entities = gazetteer.entities_of(&mentions);
    // Names of countries, organisations and people have their own taxonomies.
    let named: std::collections::BTreeSet<String> = mentions
        .iter()
        .map(|m| words::content_words(&all_text[m.start..m.end]))
        .filter(|w| w.len() == 1)
        .flatten()
        .collect();
    ArticleFacts {
        summary,
        tags: tags(&all_text, &named),
        countries: entities.countries,
        organisations: entities.organisations,
        people: entities.people,
    }
}

/// Words too general to be a topic of a news article.
const GENERIC_WORDS: &[&str] = &[
    "country",
    "issue",
    "time",
    "year",
    "part",
    "area",
    "way",
    "people",
    "level",
    "number",
    "side",
    "state",
    "track",
    "process",
    "phase",
    "effort",
    "step",
    "light",
    "attend",
    "held",
    "world",
    "first",
    "second",
    "report",
    "statement",
    "source",
    "government",
    "day",
    "week",
    "month",
    "order",
    "case",
    "point",
    "view",
    "term",
    "home",
    "thing",
    "meeting",
];

/// Topic tags: the most frequent content words (four at most, each used three times or
/// more), most frequent first, leaving out the words in `exclude` (names).
pub fn tags(text: &str, exclude: &std::collections::BTreeSet<String>) -> Vec<String> {
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for w in words::content_words(text) {
        if w.chars().count() >= 4
            && w.chars().all(|c| c.is_alphabetic() || c == '-')
            && !exclude.contains(&w)
            && !GENERIC_WORDS.contains(&w.as_str())
        {
            *counts.entry(w).or_default() += 1;
        }
    }
    let mut v: Vec<(String, usize)> = counts.into_iter().filter(|(_, n)| *n >= 3).collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    v.into_iter().take(4).map(|(w, _)| w).collect()
}

/// A taxonomy: countries, organisations, people or tags.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Taxonomy {
    /// `countries`, `organisations`, `people`, `tags`.
    pub name: String,
    /// Display title, e.g. "Countries".
    pub title: String,
    pub terms: Vec<Term>,
}

/// One term of a taxonomy and the pages that carry it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Term {
    pub name: String,
    pub slug: String,
    /// Site path, e.g. `/countries/syria/`.
    pub path: String,
    /// Indices into [`Site::pages`], newest first.
    pub pages: Vec<usize>,
}

/// The analysed site: everything rendering needs.
#[derive(Debug, Clone)]
pub struct Site {
    pub config: SiteConfig,
    pub pages: Vec<Page>,
    /// Indices of briefing pages, newest first.
    pub briefings: Vec<usize>,
    /// Indices of other pages, by weight then title.
    pub others: Vec<usize>,
    pub taxonomies: Vec<Taxonomy>,
    /// The generated summary (computed by `pipeline::prepare` after `analyse`).
    pub summary: summary::Summary,
    /// Who attended, who stayed away (set by `pipeline::prepare` after `analyse`).
    pub attendance: attendance::Attendance,
}

impl Site {
    pub fn taxonomy(&self, name: &str) -> Option<&Taxonomy> {
        self.taxonomies.iter().find(|t| t.name == name)
    }
}

/// The whole analysis of a site — pages arranged, taxonomies, attendance (with the pins
/// of `pins`, whose errors are the only errors) and summary — reusing the per-briefing
/// analyses of `cache`: the one entry point of this stage, for `build` and `serve` alike.
/// Equal to [`arrange`], [`taxonomies`], [`attendance::build`] and [`summary::summarise`]
/// from scratch; returns the cache for the next analysis.
pub fn analyse(
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

/// [`arrange`] and the taxonomies, from scratch and without attendance or summary: the
/// first step of [`analyse`] alone, for the examples that time the stages one by one and
/// the tests that compare a cached analysis with one from scratch.
pub fn arrange_with_taxonomies(
    config: SiteConfig,
    pages: Vec<Page>,
    gazetteer: &Gazetteer,
) -> Site {
    let mut site = arrange(config, pages);
    let terms: Vec<PageTerms> = site
        .briefings
        .iter()
        .map(|&i| page_terms(&site.pages[i], gazetteer))
        .collect();
    site.taxonomies = taxonomies(&site.briefings, &terms.iter().collect::<Vec<_>>());
    site
}

/// The pages sorted by path, with the briefings (newest first) and the other pages (by
/// weight, then title) picked out; no taxonomies, attendance or summary yet.
pub fn arrange(config: SiteConfig, mut pages: Vec<Page>) -> Site {
    pages.sort_by(|a, b| a.path.cmp(&b.path));
    let mut briefings: Vec<usize> = (0..pages.len())
        .filter(|&i| pages[i].is_briefing())
        .collect();
    briefings.sort_by(|&a, &b| {
        pages[b]
            .date
            .cmp(&pages[a].date)
            .then_with(|| pages[a].front.title.cmp(&pages[b].front.title))
    });
    let mut others: Vec<usize> = (0..pages.len())
        .filter(|&i| !pages[i].is_briefing() && pages[i].path != "/")
        .collect();
    others.sort_by(|&a, &b| {
        (pages[a].front.weight.unwrap_or(0), &pages[a].front.title)
            .cmp(&(pages[b].front.weight.unwrap_or(0), &pages[b].front.title))
    });
    Site {
        config,
        pages,
        briefings,
        others,
        taxonomies: Vec::new(),
        summary: summary::Summary::default(),
        attendance: attendance::Attendance::default(),
    }
}

/// The taxonomies, in the order [`taxonomies`] lists them.
const TAXONOMIES: [&str; 4] = ["countries", "organisations", "people", "tags"];

/// The terms one briefing carries in each taxonomy (countries, organisations, people,
/// tags): (slug, name) in the order the page gives them, front matter first.
pub type PageTerms = [Vec<(String, String)>; 4];

/// A briefing's taxonomy terms: its front matter and the entities its text names.
pub fn page_terms(p: &Page, gazetteer: &Gazetteer) -> PageTerms {
    let found = gazetteer.entities(&p.plain_text());
    let lists: [Vec<&String>; 4] = [
        p.front.countries.iter().chain(&found.countries).collect(),
        p.front
            .organisations
            .iter()
            .chain(&found.organisations)
            .collect(),
        p.front.people.iter().chain(&found.people).collect(),
        p.front.tags.iter().collect(),
    ];
    lists.map(|names| {
        names
            .into_iter()
            .map(|name| (slugify(name), name.clone()))
            .filter(|(slug, _)| !slug.is_empty())
            .collect()
    })
}

/// The taxonomies of the briefings (`terms[k]` of page `briefings[k]`).
pub fn taxonomies(briefings: &[usize], terms: &[&PageTerms]) -> Vec<Taxonomy> {
    let mut by_tax: BTreeMap<&str, BTreeMap<String, (String, Vec<usize>)>> = BTreeMap::new();
    for name in TAXONOMIES {
        by_tax.insert(name, BTreeMap::new());
    }
    for (&i, page) in briefings.iter().zip(terms) {
        for (tax, list) in TAXONOMIES.iter().zip(page.iter()) {
            let terms = by_tax.get_mut(tax).expect("taxonomy initialised above");
            for (slug, name) in list {
                if !terms.contains_key(slug) {
                    terms.insert(slug.clone(), (name.clone(), Vec::new()));
                }
                let entry = terms.get_mut(slug).expect("inserted above");
                // A page's terms are added together: it is there already only last.
                if entry.1.last() != Some(&i) {
                    entry.1.push(i);
                }
            }
        }
    }
    by_tax
        .into_iter()
        .map(|(name, terms)| Taxonomy {
            name: name.to_string(),
            title: match name {
                "countries" => "Countries",
                "organisations" => "Organisations",
                "people" => "People",
                _ => "Topics",
            }
            .to_string(),
            terms: terms
                .into_iter()
                .map(|(slug, (term_name, pages))| Term {
                    path: format!("/{name}/{slug}/"),
                    name: term_name,
                    slug,
                    pages,
                })
                .collect(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::load_page;
    use crate::ingest::parse_article;
    use std::path::Path;

    #[test]
    fn facts_of_seed_000_name_countries_organisations_people() {
        let a = parse_article(include_str!("../../seeds/000_1f398a99054376be.txt"));
        let f = article_facts(&a, Gazetteer::embedded());
        for c in [
            "Syria",
            "Russia",
            "Turkey",
            "Lebanon",
            "Germany",
            "United States",
        ] {
            assert!(
                f.countries.contains(&c.to_string()),
                "{c} in {:?}",
                f.countries
            );
        }
        for o in ["European Union", "United Nations", "Human Rights Watch"] {
            assert!(
                f.organisations.contains(&o.to_string()),
                "{o} in {:?}",
                f.organisations
            );
        }
        for p in [
            "Bashar al-Assad",
            "Vladimir Putin",
            "Richard Mills",
            "Alexander Lavrentiev",
        ] {
            assert!(f.people.contains(&p.to_string()), "{p} in {:?}", f.people);
        }
        assert!(f.tags.contains(&"refugee".to_string()), "{:?}", f.tags);
        assert!(
            !f.tags.contains(&"syria".to_string()),
            "names are not tags: {:?}",
            f.tags
        );
        let n = crate::markdown::sentences(&f.summary).len();
        assert!((1..=3).contains(&n), "{}", f.summary);
    }

    #[test]
    fn taxonomies_list_briefings_per_term_and_pages_sort_newest_first() {
        let a = load_page(
            Path::new("content/briefings/a.md"),
            "---\ntitle: A\ndate: 2020-11-10\ntags: [refugees]\n---\nTurkey and Jordan.\n",
            220,
        )
        .unwrap();
        let b = load_page(
            Path::new("content/briefings/b.md"),
            "---\ntitle: B\ndate: 2020-11-12\n---\nTurkey only.\n",
            220,
        )
        .unwrap();
        let about = load_page(
            Path::new("content/about.md"),
            "---\ntitle: About\n---\nTurkey.\n",
            220,
        )
        .unwrap();
        let (site, _) = analyse(
            SiteConfig::default(),
            vec![a, b, about],
            None,
            Gazetteer::embedded(),
            &AnalysisCache::default(),
        )
        .unwrap();
        let order: Vec<&str> = site
            .briefings
            .iter()
            .map(|&i| site.pages[i].front.title.as_str())
            .collect();
        assert_eq!(order, ["B", "A"]);
        let countries = site.taxonomy("countries").unwrap();
        let turkey = countries.terms.iter().find(|t| t.slug == "turkey").unwrap();
        assert_eq!(
            turkey.pages.len(),
            2,
            "hand-written pages are not in taxonomies"
        );
        assert_eq!(turkey.path, "/countries/turkey/");
        let jordan = countries.terms.iter().find(|t| t.slug == "jordan").unwrap();
        assert_eq!(jordan.pages.len(), 1);
        assert_eq!(site.taxonomy("tags").unwrap().terms[0].name, "refugees");
        assert_eq!(site.others.len(), 1);
    }
}
