//! One seed file to an [`Article`], by its kind: plain text or Markdown (`.txt`, `.md`),
//! optionally after its own YAML block, or a saved web page (`.html`, `.htm`). Values
//! the seed states win over what ingest detects. Pure; the name only labels messages.

use std::path::{Path, PathBuf};

use super::seedmeta::{self, is_web_url};
use super::{Article, InferredDate, html, markdown_to_text, parse_article};
use crate::common::calendar::Ymd;
use crate::diagnostics::{Diagnostic, Location};

/// A seed parsed: its article (none for an empty seed) and warnings about it.
#[derive(Debug, Clone)]
pub struct ParsedSeed {
    pub article: Option<Article>,
    pub warnings: Vec<Diagnostic>,
}

/// The seed file extensions ingest reads.
pub const SEED_EXTENSIONS: &[&str] = &["txt", "md", "html", "htm"];

/// Whether a file name is a seed ingest reads.
pub fn is_seed_name(name: &str) -> bool {
    Path::new(name)
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| SEED_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

fn seed_path(name: &str) -> PathBuf {
    Path::new("seeds").join(name)
}

/// Parses one seed. An empty or whitespace-only seed gives no article and a warning; a
/// seed that cannot give one (a broken YAML block, a page without an article) is an error
/// naming it.
pub fn parse_seed(name: &str, text: &str) -> Result<ParsedSeed, Diagnostic> {
    let path = seed_path(name);
    let mut warnings = Vec::new();
    if text
        .trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
        .is_empty()
    {
        warnings.push(
            Diagnostic::new(format!("seed `{name}` is empty; it was skipped"))
                .in_file(&path)
                .hint("paste the article's text into the seed, or delete the file"),
        );
        return Ok(ParsedSeed {
            article: None,
            warnings,
        });
    }
    let lower = name.to_ascii_lowercase();
    let mut article = if lower.ends_with(".html") || lower.ends_with(".htm") {
        let (mut article, _meta, date) = html::parse_html(text).map_err(|html::HtmlError::NoArticle(why)| {
            Diagnostic::new(format!("no article found in saved page `{name}`"))
                .at(Location::file(&path))
                .cause(why)
                .hint("save the article's own page (not a home or search page) as HTML, or copy its text into a .txt seed")
        })?;
        fill_from_text(&mut article);
        if let Some(d) = date {
            article.date = Some(InferredDate {
                date: d,
                inferred: false,
            });
        }
        article
    } else {
        let parts = seedmeta::split(text, &path)?;
        let body = if lower.ends_with(".md") {
            markdown_to_text(parts.body)
        } else {
            parts.body.to_string()
        };
        let mut article = parse_article(&body);
        if let Some(meta) = parts.meta {
            apply_meta(&mut article, meta, parts.date);
        }
        article
    };
    if let Some(url) = article.source_url.take() {
        if is_web_url(&url) {
            article.source_url = Some(url.trim().to_string());
        } else {
            warnings.push(
                Diagnostic::new(format!(
                    "seed `{name}`: the URL `{}` is not http(s); it was dropped",
                    clip(&url)
                ))
                .in_file(&path)
                .hint("give the page's address as an absolute http:// or https:// URL"),
            );
        }
    }
    if article.blocks.is_empty() && article.title.is_empty() {
        warnings.push(
            Diagnostic::new(format!(
                "seed `{name}` has no text after its YAML block; it was skipped"
            ))
            .in_file(&path)
            .hint("paste the article's text after the closing `---`"),
        );
        return Ok(ParsedSeed {
            article: None,
            warnings,
        });
    }
    Ok(ParsedSeed {
        article: Some(article),
        warnings,
    })
}

fn clip(s: &str) -> String {
    let mut out: String = s.chars().take(60).collect();
    if s.chars().count() > 60 {
        out.push('…');
    }
    out
}

/// What a seed's YAML block states wins over detection.
fn apply_meta(article: &mut Article, meta: seedmeta::SeedMeta, date: Option<Ymd>) {
    let given = |v: Option<String>| v.map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
    if let Some(t) = given(meta.title) {
        // A headline line repeating the given title is not body text.
        if let Some(super::Block::Paragraph(first) | super::Block::Heading(first)) =
            article.blocks.first()
            && first.trim() == t
        {
            article.blocks.remove(0);
        }
        article.headline = Some(t.clone());
        article.title = t;
    }
    if let Some(s) = given(meta.source) {
        article.source = Some(s);
    }
    if let Some(d) = date {
        article.date = Some(InferredDate {
            date: d,
            inferred: false,
        });
    }
    if let Some(u) = given(meta.url) {
        article.source_url = Some(u);
    }
    if let Some(a) = given(meta.author) {
        article.author = Some(a);
    }
    if let Some(l) = given(meta.language) {
        article.language = Some(l);
    }
}

/// A saved page's fallbacks from its text: the dateline's agency and place, and a date
/// the text supports, as for a text seed.
fn fill_from_text(article: &mut Article) {
    if let Some(d) = super::dateline::parse(&article.standfirst) {
        article.place = (!d.place.is_empty()).then_some(d.place);
        if article.source.is_none() {
            article.source = d.source;
        }
    }
    if article.title.is_empty() {
        article.title = super::title::derive_title(&article.standfirst);
    }
    let all: Vec<&str> = article.texts().collect();
    article.date = super::dates::infer_date(&all);
}
