//! The ingest record of the build cache (`.briefing-cache/ingest.tsv`): for each seed
//! whose page a build left exactly as generated, the seed's and the page's SHA-256, so
//! that the next build by the same binary with the same settings knows the page is
//! current without parsing the seed again. Pure: text in, text out (the pipeline reads
//! and writes the file, and finds the binary's identity).
//!
//! A record made by another binary or other settings (its first line differs) is not
//! used; a file that does not parse is reported and ignored; a seed or page that
//! changed since (another hash) is ingested as usual. So the cache can only spare work,
//! never change what a build writes.

use std::collections::HashMap;

/// The cache folder, relative to the site root (git-ignored).
pub const CACHE_DIR: &str = ".briefing-cache";

/// The ingest record, inside [`CACHE_DIR`].
pub const INGEST_FILE: &str = "ingest.tsv";

/// The per-briefing analyses (see `analyse::cache`), inside [`CACHE_DIR`]: one file per
/// part, `00.bin` to `63.bin`.
pub const ANALYSES_DIR: &str = "analyses";

/// Where versions before the parts kept the analyses (removed when the parts are written).
pub const OLD_ANALYSES_FILE: &str = "analyses.bin";

/// The record of rendered pages (see `render::memo`), inside [`CACHE_DIR`].
pub const RENDERS_FILE: &str = "renders.tsv";

/// The first word of the record's first line.
const MAGIC: &str = "briefing-ingest-cache";

/// Seeds whose pages are current, by seed file name: (seed SHA-256, page SHA-256).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IngestCache {
    key: String,
    entries: HashMap<String, (String, String)>,
}

impl IngestCache {
    /// An empty record for `key` (what made it: the binary and the settings that shape
    /// a page).
    pub fn new(key: impl Into<String>) -> IngestCache {
        IngestCache {
            key: key.into(),
            entries: HashMap::new(),
        }
    }

    /// Reads a record for `key`: an empty one when the file was made for another key,
    /// an error (what is wrong, for a warning) when it does not parse.
    pub fn parse(text: &str, key: &str) -> Result<IngestCache, String> {
        let mut lines = text.lines();
        let head = lines.next().ok_or("the file is empty")?;
        let Some(made_with) = head.strip_prefix(MAGIC).and_then(|r| r.strip_prefix(' ')) else {
            return Err(format!("line 1 does not start with `{MAGIC}`"));
        };
        let mut cache = IngestCache::new(key);
        if made_with != key {
            return Ok(cache);
        }
        let mut complete = false;
        for (n, line) in lines.enumerate() {
            if line == "end" {
                complete = true;
                continue;
            }
            let fields: Vec<&str> = line.split('\t').collect();
            let [seed, seed_sha, page_sha] = fields[..] else {
                return Err(format!("line {} does not have three fields", n + 2));
            };
            let hex = |s: &str| s.len() == 64 && s.bytes().all(|b| b.is_ascii_hexdigit());
            if seed.is_empty() || !hex(seed_sha) || !hex(page_sha) || complete {
                return Err(format!("line {} is not a seed and two hashes", n + 2));
            }
            cache.entries.insert(
                seed.to_string(),
                (seed_sha.to_string(), page_sha.to_string()),
            );
        }
        if !complete {
            return Err("the file ends before its last line (a build was cut short)".into());
        }
        Ok(cache)
    }

    /// The record as the file holds it.
    pub fn to_text(&self) -> String {
        let mut seeds: Vec<&String> = self.entries.keys().collect();
        seeds.sort();
        let mut out = format!("{MAGIC} {}\n", self.key);
        for s in seeds {
            let (a, b) = &self.entries[s];
            out.push_str(&format!("{s}\t{a}\t{b}\n"));
        }
        out.push_str("end\n");
        out
    }

    /// Whether the page with hash `page_sha` is what this binary makes of the seed
    /// with hash `seed_sha`.
    pub fn current(&self, seed: &str, seed_sha: &str, page_sha: &str) -> bool {
        self.entries
            .get(seed)
            .is_some_and(|(a, b)| a == seed_sha && b == page_sha)
    }

    /// Records that `page_sha` is what this binary makes of `seed` (hash `seed_sha`).
    pub fn insert(&mut self, seed: &str, seed_sha: &str, page_sha: &str) {
        self.entries.insert(
            seed.to_string(),
            (seed_sha.to_string(), page_sha.to_string()),
        );
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const A: &str = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    const B: &str = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";

    #[test]
    fn a_record_reads_back_what_it_wrote() {
        let mut c = IngestCache::new("v1 exe=1 wpm=220");
        c.insert("a.txt", A, B);
        c.insert("b.txt", B, A);
        let back = IngestCache::parse(&c.to_text(), "v1 exe=1 wpm=220").unwrap();
        assert_eq!(back, c);
        assert!(back.current("a.txt", A, B));
        assert!(!back.current("a.txt", B, B), "another seed");
        assert!(!back.current("a.txt", A, A), "another page");
        assert!(!back.current("c.txt", A, B), "an unknown seed");
    }

    #[test]
    fn a_record_of_another_binary_or_setting_is_empty() {
        let mut c = IngestCache::new("v1 exe=1 wpm=220");
        c.insert("a.txt", A, B);
        let other = IngestCache::parse(&c.to_text(), "v1 exe=2 wpm=220").unwrap();
        assert!(other.is_empty());
    }

    #[test]
    fn a_damaged_record_is_an_error_not_a_guess() {
        let mut c = IngestCache::new("k");
        c.insert("a.txt", A, B);
        c.insert("b.txt", B, A);
        let text = c.to_text();
        // Cut short anywhere before its end: an error.
        for cut in [0, 10, text.len() / 2, text.len() - 5] {
            assert!(
                IngestCache::parse(&text[..cut], "k").is_err(),
                "cut at {cut}"
            );
        }
        assert!(IngestCache::parse("something else\nend\n", "k").is_err());
        let bad_hash = text.replace(A, "xyz");
        assert!(IngestCache::parse(&bad_hash, "k").is_err());
    }
}
