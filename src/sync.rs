//! Keeping `content/briefings/` in step with `seeds/` without losing anyone's edits
//! (pure: seeds and existing pages in, a plan of writes and warnings out).
//!
//! - A new seed gets a page; its slug comes from its title and is made unique
//!   deterministically (seeds in name order, `-2`, `-3`, ... on a clash).
//! - A page whose file still matches its `generated_sha256` is regenerated when its
//!   output would change (a changed seed, a newer generator); its slug is kept.
//! - A page a person edited is never overwritten; if its seed changed, a warning
//!   names `briefing ingest --force <seed>`.
//! - A page whose seed is gone is left alone, with a warning.
//! - A seed that gives no article fails alone: an empty one is skipped with a warning, a
//!   broken one (its YAML block, a saved page without an article) is an error naming it;
//!   every other seed still gets its page.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use rayon::prelude::*;

use crate::analyse::article_facts;
use crate::analyse::gazetteer::Gazetteer;
use crate::common::hash::sha256_hex;
use crate::common::slug::page_slug;
use crate::diagnostics::Diagnostic;
use crate::ingest::{Article, parse_seed};
use crate::ingestcache::IngestCache;
use crate::load::{SeedFile, TextFile};
use crate::to_markdown::{ArticleFacts, PageInput, generate_page, is_unedited, recorded_value};

/// The folder generated pages live in, relative to the site root.
pub const BRIEFINGS_DIR: &str = "content/briefings";

/// Which seeds to regenerate even over a person's edits.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Force {
    #[default]
    None,
    All,
    Seeds(BTreeSet<String>),
}

impl Force {
    fn covers(&self, seed: &str) -> bool {
        match self {
            Force::None => false,
            Force::All => true,
            Force::Seeds(s) => s.contains(seed),
        }
    }
}

/// What happened to one seed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SeedAction {
    Created,
    Regenerated,
    Unchanged,
    /// Edited by a person; left as it is.
    KeptEdited,
    /// Edited, but `--force` regenerated it.
    Forced,
}

/// The writes and warnings of one ingest.
#[derive(Debug, Clone, Default)]
pub struct IngestPlan {
    pub writes: Vec<TextFile>,
    pub warnings: Vec<Diagnostic>,
    /// Seeds that could not be ingested (each names its seed); the others are planned.
    pub errors: Vec<Diagnostic>,
    pub actions: Vec<(String, SeedAction)>,
    /// The seeds whose pages are, after this plan, exactly what this binary makes of
    /// them (seed, seed SHA-256, page SHA-256): the next build's ingest cache. Seeds
    /// whose ingest warned are left out, so that the warning comes again.
    pub current: Vec<(String, String, String)>,
    /// Seeds the cache showed current, not parsed again.
    pub cached: usize,
}

/// Plans the pages for `seeds`, given the pages already in `content/briefings/`.
pub fn plan_ingest(
    seeds: &[SeedFile],
    existing: &[TextFile],
    force: &Force,
    words_per_minute: usize,
    gazetteer: &Gazetteer,
) -> IngestPlan {
    plan_ingest_cached(
        seeds,
        existing,
        force,
        words_per_minute,
        gazetteer,
        &IngestCache::default(),
    )
}

/// [`plan_ingest`], skipping the seeds that `cache` shows current (an unedited page
/// whose hash, and whose seed's hash, are those the cache recorded): the plan is the
/// one [`plan_ingest`] makes, with less work.
pub fn plan_ingest_cached(
    seeds: &[SeedFile],
    existing: &[TextFile],
    force: &Force,
    words_per_minute: usize,
    gazetteer: &Gazetteer,
    cache: &IngestCache,
) -> IngestPlan {
    let mut plan = IngestPlan::default();
    // Existing pages by the seed they came from, and every slug already taken.
    let mut by_seed: BTreeMap<&str, &TextFile> = BTreeMap::new();
    let mut taken: BTreeSet<String> = BTreeSet::new();
    for page in existing {
        if let Some(stem) = page.rel.file_stem() {
            taken.insert(stem.to_string_lossy().into_owned());
        }
        if let Some(seed) = recorded_value(&page.text, "seed") {
            by_seed.insert(seed, page);
        }
    }
    let seed_names: BTreeSet<&str> = seeds.iter().map(|s| s.name.as_str()).collect();

    let mut sorted: Vec<&SeedFile> = seeds.iter().collect();
    sorted.sort_by(|a, b| a.name.cmp(&b.name));
    let slug_of = |page: &TextFile| {
        page.rel
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default()
    };
    let page_text = |seed: &SeedFile, article: &Article, facts: &ArticleFacts, slug: &str| {
        generate_page(&PageInput {
            article,
            slug,
            seed_name: &seed.name,
            seed_text: &seed.text,
            facts,
            words_per_minute,
        })
    };
    // Parsing and analysing seeds is independent per seed: do it on every core, with
    // the page of each seed that has one already (its slug is the page's).
    let parsed: Vec<_> = sorted
        .par_iter()
        .map(|seed| {
            let seed_sha = sha256_hex(seed.text.as_bytes());
            let page = by_seed.get(seed.name.as_str());
            let page_sha = page.map(|p| sha256_hex(p.text.as_bytes()));
            let hit = page.is_some_and(|p| {
                !cache.is_empty()
                    && !force.covers(&seed.name)
                    && is_unedited(&p.text)
                    && page_sha
                        .as_deref()
                        .is_some_and(|ps| cache.current(&seed.name, &seed_sha, ps))
            });
            if hit {
                return (seed_sha, page_sha, None);
            }
            let parsed = parse_seed(&seed.name, &seed.text).map(|p| {
                let facts = p.article.as_ref().map(|a| article_facts(a, gazetteer));
                let text = match (&p.article, &facts, by_seed.get(seed.name.as_str())) {
                    (Some(a), Some(f), Some(page)) => Some(page_text(seed, a, f, &slug_of(page))),
                    _ => None,
                };
                (p, facts, text)
            });
            (seed_sha, page_sha, Some(parsed))
        })
        .collect();
    // New seeds' pages, made once every slug is chosen: (write, seed, article, facts).
    let mut new_pages = Vec::new();
    for (seed, (seed_sha, page_sha, parsed)) in sorted.into_iter().zip(parsed) {
        let Some(parsed) = parsed else {
            // The cache shows the page current.
            plan.cached += 1;
            plan.actions
                .push((seed.name.clone(), SeedAction::Unchanged));
            if let Some(ps) = page_sha {
                plan.current.push((seed.name.clone(), seed_sha, ps));
            }
            continue;
        };
        let (article, facts, made, warned) = match parsed {
            Ok((p, facts, made)) => {
                let warned = !p.warnings.is_empty();
                plan.warnings.extend(p.warnings);
                match (p.article, facts) {
                    (Some(a), Some(f)) => (a, f, made, warned),
                    _ => continue,
                }
            }
            Err(e) => {
                plan.errors.push(e);
                continue;
            }
        };
        match by_seed.get(seed.name.as_str()) {
            Some(page) => {
                let text =
                    made.unwrap_or_else(|| page_text(seed, &article, &facts, &slug_of(page)));
                let seed_changed = recorded_value(&page.text, "seed_sha256") != Some(&seed_sha);
                let action = if is_unedited(&page.text) {
                    if text == page.text {
                        SeedAction::Unchanged
                    } else {
                        SeedAction::Regenerated
                    }
                } else if force.covers(&seed.name) {
                    SeedAction::Forced
                } else {
                    if seed_changed {
                        plan.warnings.push(
                            Diagnostic::new(format!(
                                "seed `{}` changed, but its page was edited by hand and is kept",
                                seed.name
                            ))
                            .in_file(&page.rel)
                            .hint(format!(
                                "to replace the page with one generated from the new seed, run `briefing ingest --force seeds/{}`",
                                seed.name
                            )),
                        );
                    }
                    SeedAction::KeptEdited
                };
                if !warned {
                    match action {
                        SeedAction::Unchanged => {
                            if let Some(ps) = &page_sha {
                                plan.current.push((seed.name.clone(), seed_sha, ps.clone()));
                            }
                        }
                        SeedAction::Regenerated | SeedAction::Forced => {
                            let ps = sha256_hex(text.as_bytes());
                            plan.current.push((seed.name.clone(), seed_sha, ps));
                        }
                        SeedAction::KeptEdited | SeedAction::Created => {}
                    }
                }
                if matches!(action, SeedAction::Regenerated | SeedAction::Forced) {
                    plan.writes.push(TextFile {
                        rel: page.rel.clone(),
                        text,
                    });
                }
                plan.actions.push((seed.name.clone(), action));
            }
            None => {
                let base = page_slug(&article.title);
                let mut slug = base.clone();
                let mut n = 2;
                while taken.contains(&slug) {
                    slug = format!("{base}-{n}");
                    n += 1;
                }
                taken.insert(slug.clone());
                new_pages.push((
                    plan.writes.len(),
                    seed,
                    article,
                    facts,
                    slug.clone(),
                    (!warned).then_some(seed_sha),
                ));
                plan.writes.push(TextFile {
                    rel: PathBuf::from(BRIEFINGS_DIR).join(format!("{slug}.md")),
                    text: String::new(),
                });
                plan.actions.push((seed.name.clone(), SeedAction::Created));
            }
        }
    }
    let texts: Vec<String> = new_pages
        .par_iter()
        .map(|(_, seed, article, facts, slug, _)| page_text(seed, article, facts, slug))
        .collect();
    for ((k, seed, _, _, _, seed_sha), text) in new_pages.iter().zip(texts) {
        if let Some(ss) = seed_sha {
            let ps = sha256_hex(text.as_bytes());
            plan.current.push((seed.name.clone(), ss.clone(), ps));
        }
        plan.writes[*k].text = text;
    }
    for (seed, page) in &by_seed {
        if !seed_names.contains(seed) {
            plan.warnings.push(
                Diagnostic::new(format!(
                    "the seed `{seed}` of this page is gone; the page is kept"
                ))
                .in_file(&page.rel)
                .hint("delete the page if the article should leave the site"),
            );
        }
    }
    plan
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seed(name: &str, text: &str) -> SeedFile {
        SeedFile {
            name: name.into(),
            text: text.into(),
        }
    }

    fn plan(seeds: &[SeedFile], existing: &[TextFile]) -> IngestPlan {
        plan_ingest(seeds, existing, &Force::None, 220, Gazetteer::embedded())
    }

    #[test]
    fn new_seeds_get_pages_with_distinct_deterministic_slugs() {
        let seeds = [
            seed("b.txt", "Talks open in Geneva today.\n\nBody.\n"),
            seed("a.txt", "Talks open in Geneva today.\n\nOther body.\n"),
        ];
        let p = plan(&seeds, &[]);
        let paths: Vec<String> = p
            .writes
            .iter()
            .map(|w| w.rel.display().to_string())
            .collect();
        assert_eq!(
            paths,
            [
                "content/briefings/talks-open-geneva-today.md",
                "content/briefings/talks-open-geneva-today-2.md"
            ]
        );
        assert!(p.writes[0].text.contains("seed: a.txt"));
        // same input, same plan
        let again = plan(&seeds, &[]);
        assert_eq!(again.writes[1].text, p.writes[1].text);
    }

    #[test]
    fn unchanged_seed_writes_nothing_and_changed_seed_regenerates_in_place() {
        let s = seed("a.txt", "First version here.\n\nBody.\n");
        let first = plan(std::slice::from_ref(&s), &[]);
        let page = first.writes[0].clone();
        let second = plan(std::slice::from_ref(&s), std::slice::from_ref(&page));
        assert!(second.writes.is_empty());
        assert_eq!(second.actions[0].1, SeedAction::Unchanged);
        let changed = seed("a.txt", "Second version here.\n\nBody.\n");
        let third = plan(&[changed], std::slice::from_ref(&page));
        assert_eq!(third.actions[0].1, SeedAction::Regenerated);
        assert_eq!(third.writes[0].rel, page.rel, "slug is stable");
        assert!(third.writes[0].text.contains("Second version"));
    }

    #[test]
    fn edited_page_is_never_overwritten_and_a_warning_names_force() {
        let s = seed("a.txt", "First version here.\n\nBody.\n");
        let mut page = plan(std::slice::from_ref(&s), &[]).writes[0].clone();
        page.text = page.text.replace("Body.", "Body, corrected by an editor.");
        let changed = seed("a.txt", "Second version here.\n\nBody.\n");
        let p = plan(std::slice::from_ref(&changed), std::slice::from_ref(&page));
        assert!(p.writes.is_empty());
        assert_eq!(p.actions[0].1, SeedAction::KeptEdited);
        assert!(
            p.warnings[0]
                .hint
                .as_deref()
                .unwrap()
                .contains("briefing ingest --force seeds/a.txt")
        );
        let forced = plan_ingest(
            &[changed],
            &[page],
            &Force::Seeds(["a.txt".to_string()].into()),
            220,
            Gazetteer::embedded(),
        );
        assert_eq!(forced.actions[0].1, SeedAction::Forced);
        assert!(forced.writes[0].text.contains("Second version"));
    }

    #[test]
    fn removed_seed_leaves_its_page_with_a_warning() {
        let s = seed("a.txt", "Some standfirst text.\n\nBody.\n");
        let page = plan(&[s], &[]).writes[0].clone();
        let p = plan(&[], &[page]);
        assert!(p.writes.is_empty());
        assert!(p.warnings[0].message.contains("is gone"));
    }

    #[test]
    fn a_hand_written_page_keeps_its_slug_from_new_seeds() {
        let existing = TextFile {
            rel: "content/briefings/talks-open-geneva-today.md".into(),
            text: "---\ntitle: Mine\n---\nMine.\n".into(),
        };
        let p = plan(
            &[seed("a.txt", "Talks open in Geneva today.\n")],
            &[existing],
        );
        assert_eq!(
            p.writes[0].rel,
            PathBuf::from("content/briefings/talks-open-geneva-today-2.md")
        );
    }

    #[test]
    fn a_cache_of_the_current_pages_skips_their_seeds_and_changes_nothing() {
        let seeds = [
            seed("a.txt", "Talks open in Geneva today.\n\nBody.\n"),
            seed("b.txt", "Ministers meet in Oslo.\n\nOther body.\n"),
        ];
        let first = plan(&seeds, &[]);
        assert_eq!(first.current.len(), 2, "both new pages are current");
        let mut cache = IngestCache::new("k");
        for (s, a, b) in &first.current {
            cache.insert(s, a, b);
        }
        let cached = |seeds: &[SeedFile], force: &Force| {
            plan_ingest_cached(
                seeds,
                &first.writes,
                force,
                220,
                Gazetteer::embedded(),
                &cache,
            )
        };
        // Nothing changed: no seed parsed, no write, the same plan as without a cache.
        let p = cached(&seeds, &Force::None);
        assert_eq!(p.cached, 2);
        assert!(p.writes.is_empty());
        assert_eq!(p.actions, plan(&seeds, &first.writes).actions);
        assert_eq!(p.current, first.current);
        // One seed changed: it alone is ingested again.
        let changed = [
            seeds[0].clone(),
            seed("b.txt", "Ministers meet in Oslo.\n\nNew.\n"),
        ];
        let p = cached(&changed, &Force::None);
        assert_eq!(p.cached, 1);
        assert_eq!(p.actions[1], ("b.txt".to_string(), SeedAction::Regenerated));
        // Forced seeds are never taken from the cache.
        assert_eq!(cached(&seeds, &Force::All).cached, 0);
        // An edited page is not current, whatever the cache says.
        let mut edited = first.writes.clone();
        edited[0].text.push_str("\nAn editor's line.\n");
        let p = plan_ingest_cached(
            &seeds,
            &edited,
            &Force::None,
            220,
            Gazetteer::embedded(),
            &cache,
        );
        assert_eq!(p.cached, 1);
        assert!(
            p.actions
                .contains(&("a.txt".to_string(), SeedAction::KeptEdited))
        );
    }
}
