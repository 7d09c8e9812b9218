//! The search index (pure): every page of the built site as a record with its URL,
//! title, kind, date, description, entities and plain text, written at build time as
//! files the theme's `search.js` loads on demand, each small at any size of site:
//!
//! - `search/manifest.json`: the number of records, how many are briefings (they come
//!   first) and the word prefixes that have a shard;
//! - `search/w/<prefix>.json` (the prefix's UTF-8 in hex): every word beginning with
//!   the prefix, with the records it occurs in and how often in each field. A prefix
//!   is two letters, or longer where two letters would make a shard over
//!   [`SHARD_BUDGET`]; a query loads only the shards of its words' prefixes;
//! - `search/d/<n>.json`: record `n` (URL, title, kind, dates, description, text),
//!   loaded for the results shown (at most 50) to show them and cut their snippets.
//!
//! Pages the model knows (briefings, hand-written pages, taxonomy terms) are described
//! from it; every other HTML page (summary, attendance, pages added by later
//! generators) is read from its output: the first `<h1>`, the meta description, and
//! the text of `<main>` outside navigation, scripts and `data-search-ignore` elements.
//!
//! Why not the `pagefind` crate: measured here, a clean release build of it alone is
//! 135 more crates (~980 CPU-seconds on the 2 shared cores, 12m49s of wall time), a
//! 15 MB binary, and it brings the archived `serde_yaml` 0.8 and `yaml-rust`. Word
//! shards by prefix and ~250 lines of vanilla JavaScript do the job, offline and under
//! any base path, loading a few hundred kilobytes per query at 10,000 briefings.

use std::collections::BTreeSet;

use html5gum::{DefaultEmitter, Token, Tokenizer};
use serde::Serialize;

use crate::analyse::Site;
use crate::common::calendar::display_date;
use crate::render::{Output, OutputRef, output_path};

/// The manifest's path in the output.
pub const MANIFEST_PATH: &str = "search/manifest.json";

/// The largest a word shard may grow before it is split by one more letter (bytes).
pub const SHARD_BUDGET: usize = 256 * 1024;

/// The longest prefix a shard is split to (a shard of one very common word stays whole).
const MAX_PREFIX: usize = 6;

/// How many matches of a word in one field count, as in `search.js`: the title,
/// entities and description up to 3, the text up to 8.
const CAPS: [u32; 4] = [3, 3, 3, 8];

/// One searchable page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct SearchDoc {
    /// Root-relative URL under the base path.
    pub url: String,
    pub title: String,
    /// What the page is: Briefing, Page, Country, Organisation, Person, ...
    pub kind: String,
    /// `YYYY-MM-DD`, empty when the page has no date.
    pub date: String,
    /// "11 November 2020", empty when the page has no date.
    pub date_display: String,
    pub description: String,
    /// Countries, organisations and people the page names.
    pub entities: Vec<String>,
    /// The body as plain text (snippets are cut from it).
    pub text: String,
}

/// The file the client loads.
#[derive(Debug, Clone, Serialize)]
pub struct SearchIndex {
    pub version: u32,
    pub docs: Vec<SearchDoc>,
}

fn singular(taxonomy: &str, title: &str) -> String {
    match taxonomy {
        "countries" => "Country".into(),
        "organisations" => "Organisation".into(),
        "people" => "Person".into(),
        "tags" => "Topic".into(),
        _ => title.trim_end_matches('s').to_string(),
    }
}

/// Records for the pages the model knows, keyed by output path.
pub fn model_docs(site: &Site) -> Vec<(String, SearchDoc)> {
    let c = &site.config;
    let mut out = Vec::new();
    // The names each page is listed under, in taxonomy and term order.
    let mut names: Vec<Vec<String>> = vec![Vec::new(); site.pages.len()];
    for t in site.taxonomies.iter().filter(|t| t.name != "tags") {
        for term in &t.terms {
            for &i in &term.pages {
                names[i].push(term.name.clone());
            }
        }
    }
    for (i, p) in site.pages.iter().enumerate() {
        let entities = std::mem::take(&mut names[i]);
        let description = p
            .front
            .description
            .clone()
            .or_else(|| p.front.summary.clone())
            .unwrap_or_default();
        out.push((
            output_path(&p.path),
            SearchDoc {
                url: c.url(&p.path),
                title: if p.path == "/" {
                    c.title.clone()
                } else {
                    p.front.title.clone()
                },
                kind: if p.is_briefing() { "Briefing" } else { "Page" }.into(),
                date: p.date.map(|d| d.to_string()).unwrap_or_default(),
                date_display: p.date.as_ref().map(display_date).unwrap_or_default(),
                description,
                entities,
                text: p.plain_text(),
            },
        ));
    }
    for t in &site.taxonomies {
        for term in &t.terms {
            out.push((
                output_path(&term.path),
                SearchDoc {
                    url: c.url(&term.path),
                    title: term.name.clone(),
                    kind: singular(&t.name, &t.title),
                    date: String::new(),
                    date_display: String::new(),
                    description: format!(
                        "Named in {} briefing{}",
                        term.pages.len(),
                        if term.pages.len() == 1 { "" } else { "s" }
                    ),
                    entities: vec![term.name.clone()],
                    // Found by its name only; the briefings carry the text.
                    text: String::new(),
                },
            ));
        }
    }
    out
}

/// Elements whose text is not page content.
const SKIP: &[&str] = &[
    "script", "style", "nav", "noscript", "template", "svg", "button", "form",
];

/// Reads a record from a rendered HTML page. `url` is the page's root-relative URL.
pub fn html_doc(url: &str, html: &[u8]) -> Option<SearchDoc> {
    let text = String::from_utf8_lossy(html);
    let mut emitter = DefaultEmitter::default();
    emitter.naively_switch_states(true);
    let mut in_main = 0usize;
    let mut skipping: Vec<String> = Vec::new();
    let mut in_h1 = false;
    let mut title = String::new();
    let mut description = String::new();
    let mut date = String::new();
    let mut body = String::new();
    for token in Tokenizer::new_with_emitter(text.as_ref(), emitter).flatten() {
        match token {
            Token::StartTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name).to_ascii_lowercase();
                let attr = |k: &str| {
                    tag.attributes
                        .get(k.as_bytes())
                        .map(|v| String::from_utf8_lossy(&v.value).into_owned())
                };
                if name == "meta" {
                    match (attr("name").or(attr("property")), attr("content")) {
                        (Some(n), Some(c)) if n == "description" => description = c,
                        (Some(n), Some(c)) if n == "article:published_time" => date = c,
                        _ => {}
                    }
                }
                if name == "main" {
                    in_main += 1;
                }
                let hidden = attr("data-search-ignore").is_some()
                    || attr("aria-hidden").is_some_and(|v| v == "true")
                    || attr("hidden").is_some();
                if !skipping.is_empty() {
                    if skipping.last() == Some(&name) && !tag.self_closing {
                        skipping.push(name);
                    }
                    continue;
                }
                if (SKIP.contains(&name.as_str()) || hidden) && !is_void(&name) {
                    skipping.push(name);
                    continue;
                }
                if name == "h1" && title.is_empty() {
                    in_h1 = true;
                }
                if in_main > 0 && is_block(&name) && !body.ends_with(' ') {
                    body.push(' ');
                }
            }
            Token::EndTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name).to_ascii_lowercase();
                if !skipping.is_empty() {
                    if skipping.last() == Some(&name) {
                        skipping.pop();
                    }
                    continue;
                }
                if name == "main" {
                    in_main = in_main.saturating_sub(1);
                }
                if name == "h1" {
                    in_h1 = false;
                }
                if in_main > 0 && is_block(&name) && !body.ends_with(' ') {
                    body.push(' ');
                }
            }
            Token::String(s) if skipping.is_empty() => {
                let s = String::from_utf8_lossy(&s.value);
                if in_h1 {
                    title.push_str(&s);
                }
                if in_main > 0 {
                    body.push_str(&s);
                }
            }
            _ => {}
        }
    }
    let title = collapse(&title);
    if title.is_empty() {
        return None;
    }
    let date = date.get(..10).unwrap_or_default().to_string();
    let date_display = crate::common::calendar::Ymd::parse(&date)
        .as_ref()
        .map(display_date)
        .unwrap_or_default();
    Some(SearchDoc {
        url: url.to_string(),
        title,
        kind: "Page".into(),
        date,
        date_display,
        description: collapse(&description),
        entities: Vec::new(),
        text: collapse(&body),
    })
}

fn is_void(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "link"
            | "meta"
            | "source"
            | "track"
            | "wbr"
    )
}

/// Whether a tag boundary separates words (everything but inline phrasing).
fn is_block(name: &str) -> bool {
    !matches!(
        name,
        "a" | "abbr"
            | "b"
            | "cite"
            | "code"
            | "em"
            | "i"
            | "kbd"
            | "mark"
            | "q"
            | "s"
            | "small"
            | "strong"
            | "sub"
            | "sup"
            | "u"
    )
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Output paths that are not searched: the search page itself, the 404 page, and the
/// archive and the later pages of listings (lists of briefings found on their own).
fn excluded(path: &str) -> bool {
    path == "404.html"
        || path == "search/index.html"
        || path == super::output_path(super::listing::ARCHIVE_PATH)
        || super::listing::is_later_page(path)
}

/// The search index over the model's pages and every other HTML output.
pub fn build_index(site: &Site, outputs: &[OutputRef<'_>]) -> SearchIndex {
    let present: BTreeSet<&str> = outputs.iter().map(|o| o.path).collect();
    let mut docs = Vec::new();
    let mut covered = BTreeSet::new();
    for (path, doc) in model_docs(site) {
        if present.contains(path.as_str()) && !excluded(&path) {
            covered.insert(path);
            docs.push(doc);
        }
    }
    // The other pages are read from their HTML, on every core (in output order).
    let read: Vec<SearchDoc> = {
        use rayon::prelude::*;
        outputs
            .par_iter()
            .filter(|o| o.path.ends_with(".html") && !excluded(o.path) && !covered.contains(o.path))
            .filter_map(|o| {
                let site_path = format!("/{}", o.path.trim_end_matches("index.html"));
                let mut doc = html_doc(&site.config.url(&site_path), o.bytes)?;
                if o.path == "index.html" {
                    doc.kind = "Home".into();
                }
                Some(doc)
            })
            .collect()
    };
    docs.extend(read);
    // Briefings first (newest first), then pages, then the rest by kind and title.
    let rank = |d: &SearchDoc| match d.kind.as_str() {
        "Briefing" => 0,
        "Page" => 1,
        _ => 2,
    };
    docs.sort_by(|a, b| {
        rank(a)
            .cmp(&rank(b))
            .then_with(|| b.date.cmp(&a.date))
            .then_with(|| a.kind.cmp(&b.kind))
            .then_with(|| a.title.cmp(&b.title))
    });
    SearchIndex { version: 1, docs }
}

/// A word as the client folds it: decomposed, combining marks U+0300–U+036F dropped,
/// lower case (`search.js`: `fold`).
pub fn fold(word: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    if word.is_ascii() {
        return word.to_ascii_lowercase();
    }
    word.nfd()
        .filter(|c| !('\u{300}'..='\u{36f}').contains(c))
        .collect::<String>()
        .to_lowercase()
}

/// The folded words of a text: runs of letters and digits (`search.js`: `[\p{L}\p{N}]+`).
pub fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    raw_words(text).map(fold)
}

/// The words of a text as written, before folding.
fn raw_words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !is_word_char(c))
        .filter(|w| !w.is_empty())
}

fn is_word_char(c: char) -> bool {
    use std::sync::LazyLock;
    static LETTER_OR_NUMBER: LazyLock<regex::Regex> =
        LazyLock::new(|| regex::Regex::new(r"^[\p{L}\p{N}]$").expect("valid"));
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        let mut buf = [0u8; 4];
        LETTER_OR_NUMBER.is_match(c.encode_utf8(&mut buf))
    }
}

/// The file name of a prefix's shard: its UTF-8 bytes in hex (`search.js`: `shardName`).
pub fn shard_name(prefix: &str) -> String {
    prefix.bytes().map(|b| format!("{b:02x}")).collect()
}

/// A word's postings: record number, then the (capped) count in the title, entities,
/// description and text, five numbers per record.
type Postings = Vec<u32>;

/// Every word of the index with its postings, in word order.
pub fn postings(docs: &[SearchDoc]) -> std::collections::BTreeMap<String, Postings> {
    use crate::analyse::fxhash::FxMap;
    use std::collections::BTreeMap;
    let per_doc: Vec<FxMap<String, [u32; 4]>> = {
        use rayon::prelude::*;
        docs.par_iter()
            .map(|d| {
                let mut counts: FxMap<String, [u32; 4]> = FxMap::default();
                let entities = d.entities.join(" ");
                // A word already counted is looked up without a new string.
                let mut ascii = String::new();
                for (field, text) in [&d.title, &entities, &d.description, &d.text]
                    .into_iter()
                    .enumerate()
                {
                    for raw in raw_words(text) {
                        let folded;
                        let w: &str = if raw.is_ascii() {
                            ascii.clear();
                            ascii.push_str(raw);
                            ascii.make_ascii_lowercase();
                            &ascii
                        } else {
                            folded = fold(raw);
                            &folded
                        };
                        let c = match counts.get_mut(w) {
                            Some(c) => &mut c[field],
                            None => &mut counts.entry(w.to_string()).or_default()[field],
                        };
                        *c = (*c + 1).min(CAPS[field]);
                    }
                }
                counts
            })
            .collect()
    };
    // Gathered in a hash map (a tree lookup per word and page was most of the index's
    // time at 10,000 pages), then put in word order.
    let mut gathered: FxMap<String, Postings> = FxMap::default();
    for (n, counts) in per_doc.into_iter().enumerate() {
        for (w, c) in counts {
            let list = gathered.entry(w).or_default();
            list.push(n as u32);
            list.extend(c);
        }
    }
    gathered.into_iter().collect::<BTreeMap<String, Postings>>()
}

/// The shards: `(prefix, words)`, each under [`SHARD_BUDGET`] unless its prefix is
/// [`MAX_PREFIX`] letters long. Words no longer than a split prefix stay in its shard.
pub fn shards(
    words: &std::collections::BTreeMap<String, Postings>,
) -> Vec<(String, Vec<(&str, &Postings)>)> {
    fn size(words: &[(&str, &Postings)]) -> usize {
        words.iter().map(|(w, p)| w.len() + 4 + p.len() * 4).sum()
    }
    fn split<'a>(
        prefix: String,
        words: Vec<(&'a str, &'a Postings)>,
        out: &mut Vec<(String, Vec<(&'a str, &'a Postings)>)>,
    ) {
        let len = prefix.chars().count();
        if size(&words) <= SHARD_BUDGET || len >= MAX_PREFIX {
            out.push((prefix, words));
            return;
        }
        let mut here = Vec::new();
        let mut longer: std::collections::BTreeMap<String, Vec<(&str, &Postings)>> =
            Default::default();
        for (w, p) in words {
            if w.chars().count() <= len {
                here.push((w, p));
            } else {
                longer
                    .entry(w.chars().take(len + 1).collect())
                    .or_default()
                    .push((w, p));
            }
        }
        if !here.is_empty() {
            out.push((prefix, here));
        }
        for (p, ws) in longer {
            split(p, ws, out);
        }
    }
    let mut by_prefix: std::collections::BTreeMap<String, Vec<(&str, &Postings)>> =
        Default::default();
    for (w, p) in words {
        by_prefix
            .entry(w.chars().take(2).collect())
            .or_default()
            .push((w.as_str(), p));
    }
    let mut out = Vec::new();
    for (prefix, ws) in by_prefix {
        split(prefix, ws, &mut out);
    }
    out
}

/// The manifest the client reads first.
#[derive(Debug, Clone, Serialize)]
pub struct Manifest {
    pub version: u32,
    /// How many records there are (`search/d/0.json` …).
    pub docs: usize,
    /// Records `0..briefings` are briefings.
    pub briefings: usize,
    /// The prefixes with a shard, sorted.
    pub shards: Vec<String>,
}

/// The search files, when the theme has a search page: the manifest, the word shards and
/// one file per record.
pub fn index_outputs(site: &Site, outputs: &[OutputRef<'_>]) -> Vec<Output> {
    if !outputs.iter().any(|o| o.path == "search/index.html") {
        return Vec::new();
    }
    let index = build_index(site, outputs);
    let words = postings(&index.docs);
    let shards = shards(&words);
    let mut out = Vec::with_capacity(index.docs.len() + shards.len() + 1);
    let manifest = Manifest {
        version: 2,
        docs: index.docs.len(),
        briefings: index.docs.iter().filter(|d| d.kind == "Briefing").count(),
        shards: shards.iter().map(|(p, _)| p.clone()).collect(),
    };
    out.push(Output {
        path: MANIFEST_PATH.to_string(),
        bytes: serde_json::to_vec(&manifest).unwrap_or_default(),
    });
    // Shards and records are written on every core (in order).
    use rayon::prelude::*;
    out.par_extend(shards.par_iter().map(|(prefix, ws)| {
        let map: std::collections::BTreeMap<&str, &Postings> = ws.iter().copied().collect();
        Output {
            path: format!("search/w/{}.json", shard_name(prefix)),
            bytes: serde_json::to_vec(&map).unwrap_or_default(),
        }
    }));
    out.par_extend(index.docs.par_iter().enumerate().map(|(n, d)| Output {
        path: format!("search/d/{n}.json"),
        bytes: serde_json::to_vec(d).unwrap_or_default(),
    }));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_title_description_date_and_main_text() {
        let html = br#"<html><head><meta name=description content="Who came."><meta property=article:published_time content=2020-11-12></head>
<body><header><a href=/>Site</a></header><nav><a>Menu</a></nav><main><h1>Who <em>attended</em></h1><p>Russia attended.</p><aside data-search-ignore><p>hidden</p></aside><script>var x = "<p>no</p>";</script><ul><li>Iran</li><li>China</li></ul></main><footer>Foot</footer></body></html>"#;
        let d = html_doc("/attendance/", html).unwrap();
        assert_eq!(d.title, "Who attended");
        assert_eq!(d.description, "Who came.");
        assert_eq!(d.date, "2020-11-12");
        assert_eq!(d.date_display, "12 November 2020");
        assert_eq!(d.text, "Who attended Russia attended. Iran China");
    }

    #[test]
    fn words_are_folded_as_the_client_folds_them() {
        let w: Vec<String> = words("Türkiye's São-Paulo talks, 2020 (ÉLYSÉE)").collect();
        assert_eq!(
            w,
            ["turkiye", "s", "sao", "paulo", "talks", "2020", "elysee"]
        );
        assert_eq!(shard_name("le"), "6c65");
        assert_eq!(shard_name("é"), "c3a9");
    }

    fn doc(title: &str, text: &str) -> SearchDoc {
        SearchDoc {
            url: format!("/{title}/"),
            title: title.into(),
            kind: "Briefing".into(),
            date: String::new(),
            date_display: String::new(),
            description: String::new(),
            entities: vec!["Lebanon".into()],
            text: text.into(),
        }
    }

    #[test]
    fn postings_count_each_field_up_to_its_cap() {
        let docs = [
            doc("Refugees", "refugees refugees refugees refugees"),
            doc("Talks", "no match here"),
        ];
        let p = postings(&docs);
        assert_eq!(p["refugees"], [0, 1, 0, 0, 4]);
        assert_eq!(p["lebanon"], [0, 0, 1, 0, 0, 1, 0, 1, 0, 0]);
    }

    #[test]
    fn large_prefixes_are_split_into_longer_ones() {
        // 3,000 words beginning with `th` in each of 40 records: over 1 MB in one shard.
        let text: String = (0..3000).map(|i| format!("th{i} ")).collect();
        let docs: Vec<SearchDoc> = (0..40).map(|i| doc(&format!("d{i}"), &text)).collect();
        let p = postings(&docs);
        let s = shards(&p);
        assert!(s.len() > 2, "{}", s.len());
        for (prefix, ws) in &s {
            assert!(ws.iter().all(|(w, _)| w.starts_with(prefix.as_str())));
            let map: std::collections::BTreeMap<&str, &Postings> = ws.iter().copied().collect();
            let bytes = serde_json::to_vec(&map).unwrap().len();
            assert!(bytes <= SHARD_BUDGET, "{prefix}: {bytes} bytes");
        }
        let total: usize = s.iter().map(|(_, ws)| ws.len()).sum();
        assert_eq!(total, p.len(), "every word is in one shard");
    }

    #[test]
    fn a_page_without_a_heading_is_not_indexed() {
        assert!(html_doc("/x/", b"<main><p>text</p></main>").is_none());
    }
}
