//! The search index (pure): every page of the built site as a record with its URL,
//! title, kind, date, description, entities and plain text, written at build time to
//! `search/index.json` for the offline client in the theme's `search.js`.
//!
//! Pages the model knows (briefings, hand-written pages, taxonomy terms) are described
//! from it; every other HTML page (summary, attendance, pages added by later
//! generators) is read from its output: the first `<h1>`, the meta description, and
//! the text of `<main>` outside navigation, scripts and `data-search-ignore` elements.
//!
//! Why not the `pagefind` crate: measured here, a clean release build of it alone is
//! 135 more crates (~980 CPU-seconds on the 2 shared cores, 12m49s of wall time), a
//! 15 MB binary, and it brings the archived `serde_yaml` 0.8 and `yaml-rust`. A
//! briefing site has tens of pages, so one compact JSON file and ~200 lines of
//! vanilla JavaScript do the job, offline and under any base path.

use std::collections::BTreeSet;

use html5gum::{DefaultEmitter, Token, Tokenizer};
use serde::Serialize;

use crate::analyse::Site;
use crate::render::context::display_date;
use crate::render::{Output, OutputRef, output_path};

/// The index file's path in the output.
pub const INDEX_PATH: &str = "search/index.json";

/// One searchable page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
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
    let date_display = crate::ingest::dates::Ymd::parse(&date)
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
    for o in outputs {
        let is_page = o.path.ends_with(".html");
        if !is_page || excluded(o.path) || covered.contains(o.path) {
            continue;
        }
        let site_path = format!("/{}", o.path.trim_end_matches("index.html"));
        if let Some(mut doc) = html_doc(&site.config.url(&site_path), o.bytes) {
            if o.path == "index.html" {
                doc.kind = "Home".into();
            }
            docs.push(doc);
        }
    }
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

/// `search/index.json`, when the theme has a search page.
pub fn index_output(site: &Site, outputs: &[OutputRef<'_>]) -> Option<Output> {
    if !outputs.iter().any(|o| o.path == "search/index.html") {
        return None;
    }
    let index = build_index(site, outputs);
    Some(Output {
        path: INDEX_PATH.to_string(),
        bytes: serde_json::to_vec(&index).unwrap_or_default(),
    })
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
    fn a_page_without_a_heading_is_not_indexed() {
        assert!(html_doc("/x/", b"<main><p>text</p></main>").is_none());
    }
}
