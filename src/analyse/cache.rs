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
use super::{PageTerms, Site, page_terms};
use crate::common::hash::sha256;
use crate::content::Page;

/// What one briefing gives the whole-site analyses, computed from the page alone.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
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
///
/// Stored in [`SHARDS`] parts by fingerprint, so that after an edit the build writes
/// again only the parts whose briefings changed, and reads the parts side by side.
#[derive(Debug, Clone, Default)]
pub struct AnalysisCache {
    /// The event the claims were read against and the address of the gazetteer (the
    /// embedded one lives as long as the program); `None` for an empty cache.
    made_with: Option<(Event, usize)>,
    pages: HashMap<u64, Arc<PageAnalysis>>,
    stats: CacheStats,
    /// Parts read back that must be stored again whatever changes: damaged, missing,
    /// or made by another binary or for another event than the rest.
    stale: Vec<usize>,
}

/// How many parts a stored cache has.
pub const SHARDS: usize = 64;

/// The part of a stored cache that holds the analysis with fingerprint `key`.
fn shard_of(key: u64) -> usize {
    (key % SHARDS as u64) as usize
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
            stale: Vec::new(),
        };
        (analyses, cache)
    }
}

/// What a stored part starts with: its format, then the SHA-256 of the rest.
const MAGIC: &[u8] = b"briefing analyses 2\n";

/// One part of an [`AnalysisCache`] as the build stores it: what it is valid for (the
/// binary and settings, as `key`, and the event the claims were read against), which
/// part it is, and its analyses by fingerprint.
#[derive(serde::Serialize, serde::Deserialize)]
struct Stored {
    key: String,
    event: [String; 4],
    shard: usize,
    pages: Vec<(u64, Arc<PageAnalysis>)>,
}

fn event_fields(e: &Event) -> [String; 4] {
    [
        e.name.clone(),
        e.place.clone(),
        e.start.clone(),
        e.end.clone(),
    ]
}

/// One part read back by [`AnalysisCache::from_parts`]: the part's number, and its
/// bytes or why they could not be read (`None` when it is not there).
pub type Part = (usize, Option<Vec<u8>>);

impl AnalysisCache {
    /// Part `shard` of the cache as bytes (postcard, after a header and a checksum),
    /// valid for `key`; `None` for a cache that holds nothing.
    pub fn shard_bytes(&self, key: &str, shard: usize) -> Option<Vec<u8>> {
        let (event, _) = self.made_with.as_ref()?;
        let mut pages: Vec<(u64, Arc<PageAnalysis>)> = self
            .pages
            .iter()
            .filter(|&(&k, _)| shard_of(k) == shard)
            .map(|(&k, a)| (k, a.clone()))
            .collect();
        pages.sort_unstable_by_key(|(k, _)| *k);
        let stored = Stored {
            key: key.to_string(),
            event: event_fields(event),
            shard,
            pages,
        };
        let body = postcard::to_stdvec(&stored).ok()?;
        let mut out = Vec::with_capacity(MAGIC.len() + 32 + body.len());
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&sha256(&body));
        out.extend_from_slice(&body);
        Some(out)
    }

    /// The parts to store after an analysis that made this cache from `before`: every
    /// part when it was made for another event (or `before` is empty), else the parts
    /// that gained or lost a briefing and those of `before` that were stale.
    pub fn changed_shards(&self, before: &AnalysisCache) -> Vec<usize> {
        if self.made_with.is_none() {
            return Vec::new();
        }
        if self.made_with != before.made_with {
            return (0..SHARDS).collect();
        }
        let mut changed = [false; SHARDS];
        for &k in &before.stale {
            changed[k] = true;
        }
        for k in self.pages.keys().filter(|k| !before.pages.contains_key(k)) {
            changed[shard_of(*k)] = true;
        }
        for k in before.pages.keys().filter(|k| !self.pages.contains_key(k)) {
            changed[shard_of(*k)] = true;
        }
        (0..SHARDS).filter(|&k| changed[k]).collect()
    }

    /// One part read back from [`shard_bytes`](Self::shard_bytes): `None` when it was
    /// made for another `key` (another binary or settings); an error naming what is
    /// wrong when it is damaged (cut short, changed, or another part's).
    fn read_part(bytes: &[u8], key: &str, shard: usize) -> Result<Option<Stored>, String> {
        let rest = bytes
            .strip_prefix(MAGIC)
            .ok_or("it does not start as a cache of analyses does")?;
        if rest.len() < 32 {
            return Err("it is cut short".into());
        }
        let (sum, body) = rest.split_at(32);
        if sha256(body).as_slice() != sum {
            return Err("its checksum does not match (cut short or changed)".into());
        }
        let stored: Stored =
            postcard::from_bytes(body).map_err(|e| format!("it cannot be read: {e}"))?;
        if stored.key != key {
            return Ok(None);
        }
        if stored.shard != shard || stored.pages.iter().any(|(k, _)| shard_of(*k) != shard) {
            return Err("it holds another part's analyses".into());
        }
        Ok(Some(stored))
    }

    /// The cache read back from its parts (side by side), with why each damaged part
    /// could not be used, by part. Parts made by another binary or settings count as
    /// empty; when parts disagree on the event, those of the event most of them share
    /// are used. Every part not used is stored again by the next build. Its analyses
    /// are for `gazetteer`.
    pub fn from_parts(
        parts: Vec<Part>,
        key: &str,
        gazetteer: &Gazetteer,
    ) -> (AnalysisCache, Vec<(usize, String)>) {
        let read: Vec<(usize, Result<Option<Stored>, String>)> = parts
            .into_par_iter()
            .map(|(shard, bytes)| {
                let stored = match bytes {
                    Some(b) => Self::read_part(&b, key, shard),
                    None => Ok(None),
                };
                (shard, stored)
            })
            .collect();
        let mut damaged = Vec::new();
        let mut stale = Vec::new();
        let mut usable: Vec<Stored> = Vec::new();
        for (shard, stored) in read {
            match stored {
                Ok(Some(s)) => usable.push(s),
                Ok(None) => stale.push(shard),
                Err(why) => {
                    stale.push(shard);
                    damaged.push((shard, why));
                }
            }
        }
        let mut counts: HashMap<&[String; 4], usize> = HashMap::new();
        for s in &usable {
            *counts.entry(&s.event).or_default() += 1;
        }
        let Some(event) = counts
            .into_iter()
            .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(a.0)))
            .map(|(e, _)| e.clone())
        else {
            return (AnalysisCache::default(), damaged);
        };
        let mut pages = HashMap::new();
        for s in usable {
            if s.event == event {
                pages.extend(s.pages);
            } else {
                stale.push(s.shard);
            }
        }
        let [name, place, start, end] = event;
        let event = Event {
            name,
            place,
            start,
            end,
        };
        let cache = AnalysisCache {
            made_with: Some((event, std::ptr::from_ref(gazetteer) as usize)),
            pages,
            stats: CacheStats::default(),
            stale,
        };
        (cache, damaged)
    }
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

    /// A briefing that gives every part of a reading something to hold: a period with a
    /// part of a month, figures, a quote, people, a timeline, a document.
    const RICH: &str = "---\ntitle: Ministers meet in Suva\ndate: 2020-11-12\nsource: Wire\n---\n\
        Foreign ministers of 14 states met in Suva in mid-November 2020. Fiji hosted the \
        talks and Tonga stayed away. \"This is a first step,\" Fijian Prime Minister Frank \
        Bainimarama said on Wednesday. The ministers adopted a joint declaration on fisheries \
        that 12 states signed. About 5.6 million people live in the region. A second round \
        is planned for March 2021.\n";

    fn analysed(pages: &[Page]) -> (Site, AnalysisCache) {
        let config = crate::config::SiteConfig::default();
        super::super::analyse(
            config,
            pages.to_vec(),
            None,
            Gazetteer::embedded(),
            &AnalysisCache::default(),
        )
        .unwrap()
    }

    /// Every part of `cache` as a build stores it.
    fn stored(cache: &AnalysisCache, key: &str) -> Vec<Part> {
        (0..SHARDS)
            .map(|k| (k, cache.shard_bytes(key, k)))
            .collect()
    }

    fn read_back(parts: Vec<Part>, key: &str) -> (AnalysisCache, Vec<(usize, String)>) {
        AnalysisCache::from_parts(parts, key, Gazetteer::embedded())
    }

    #[test]
    fn a_stored_cache_reads_back_as_it_was() {
        let (_, cache) = analysed(&[page(RICH)]);
        let (back, damaged) = read_back(stored(&cache, "key"), "key");
        assert!(damaged.is_empty());
        assert_eq!(back.len(), 1);
        assert_eq!(back.made_with, cache.made_with);
        let (k, a) = cache.pages.iter().next().unwrap();
        let read = &back.pages[k];
        assert_eq!(**read, **a);
        // The reading has something in each part the binary form must keep whole.
        assert!(!a.reading.figures.is_empty() && !a.reading.timeline.is_empty());
        assert!(
            a.reading
                .timeline
                .iter()
                .any(|(t, _)| t.when.starts_with("mid-"))
        );
        // Used again, every briefing is a hit, and no part needs storing again.
        let site = super::super::arrange(crate::config::SiteConfig::default(), vec![page(RICH)]);
        let event = attendance::event_of(&site.config);
        let (_, again) = back.analyses(&site, Gazetteer::embedded(), &event);
        assert_eq!(again.stats(), CacheStats { hits: 1, misses: 0 });
        assert!(again.changed_shards(&back).is_empty());
        // A first store writes every part.
        assert_eq!(
            cache.changed_shards(&AnalysisCache::default()).len(),
            SHARDS
        );
    }

    #[test]
    fn an_edit_stores_again_only_the_parts_it_changed() {
        let other = RICH.replace("Tonga stayed away.", "Samoa stayed away.");
        let (_, before) = analysed(&[page(RICH)]);
        let mut edited = page(&other);
        edited.path = "/briefings/a/".into();
        let site = super::super::arrange(crate::config::SiteConfig::default(), vec![edited]);
        let event = attendance::event_of(&site.config);
        let (_, after) = before.analyses(&site, Gazetteer::embedded(), &event);
        let old = *before.pages.keys().next().unwrap();
        let new = *after.pages.keys().next().unwrap();
        assert_ne!(old, new);
        let mut expected = vec![shard_of(old), shard_of(new)];
        expected.sort_unstable();
        expected.dedup();
        assert_eq!(after.changed_shards(&before), expected);
        // The part without the edited briefing is stored empty, so it is not read back.
        let parts = stored(&after, "key");
        let (back, _) = read_back(parts, "key");
        assert_eq!(back.pages.keys().collect::<Vec<_>>(), vec![&new]);
    }

    #[test]
    fn a_cache_for_another_binary_is_empty_and_a_damaged_part_is_named() {
        let (_, cache) = analysed(&[page(RICH)]);
        let parts = stored(&cache, "key");
        let (other, damaged) = read_back(parts.clone(), "other key");
        assert!(other.is_empty() && damaged.is_empty());
        assert_eq!(cache.changed_shards(&other).len(), SHARDS);
        let full = shard_of(*cache.pages.keys().next().unwrap());
        let bytes = parts[full].1.clone().unwrap();
        let with = |k: usize, b: Option<Vec<u8>>| {
            let mut p = parts.clone();
            p[k].1 = b;
            p
        };
        let mut flipped = bytes.clone();
        let last = flipped.len() - 1;
        flipped[last] ^= 1;
        let empty = (full + 1) % SHARDS;
        for (what, parts, why) in [
            (
                "cut",
                with(full, Some(bytes[..bytes.len() / 2].to_vec())),
                "checksum",
            ),
            ("flipped", with(full, Some(flipped)), "checksum"),
            (
                "nonsense",
                with(full, Some(b"nonsense".to_vec())),
                "does not start",
            ),
            ("moved", with(empty, Some(bytes.clone())), "another part"),
        ] {
            let (back, damaged) = read_back(parts, "key");
            let k = if what == "moved" { empty } else { full };
            assert_eq!(damaged.len(), 1, "{what}");
            assert_eq!(damaged[0].0, k, "{what}");
            assert!(damaged[0].1.contains(why), "{what}: {}", damaged[0].1);
            // The damaged part is stored again by the next build.
            assert!(back.stale.contains(&k), "{what}");
        }
        // A missing part is stored again too; the others are used.
        let (back, damaged) = read_back(with(empty, None), "key");
        assert!(damaged.is_empty() && back.len() == 1 && back.stale == vec![empty]);
        assert!(AnalysisCache::default().shard_bytes("key", 0).is_none());
    }

    #[test]
    fn json_leaves_out_where_a_figure_was_read() {
        let (site, _) = analysed(&[page(RICH)]);
        let json = serde_json::to_value(&site.summary).unwrap();
        let figure = &json["figures"][0];
        assert!(figure.get("number").is_some(), "{json}");
        assert!(figure.get("doc").is_none() && figure.get("sentence").is_none());
        let item = &json["timeline"][0];
        assert!(item.get("sort_date").is_some() && item.get("sort_key").is_none());
    }
}
