//! Saved web pages (`seeds/*.html`): the metadata a page declares (OpenGraph, JSON-LD,
//! `<h1>`, `<time>`, the canonical link) and the story's main content, found by
//! `dom_smoothie` (a Readability port) and rebuilt as blocks of plain text. Nothing of the
//! page's markup passes through: no attribute, script, style, frame or form reaches an
//! [`Article`]. Pure: the page's text in, an article or a reason out.

use std::sync::LazyLock;

use html5gum::{DefaultEmitter, Token, Tokenizer};
use regex::Regex;

use super::furniture::{self, Kind};
use super::{Article, Block, Cut, Image};
use crate::common::calendar::Ymd;

/// What the page declares about itself, read from its `<head>` and markup.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageMeta {
    pub og_title: Option<String>,
    pub h1: Option<String>,
    pub site_name: Option<String>,
    pub published: Option<String>,
    pub time: Option<String>,
    pub canonical: Option<String>,
    pub og_url: Option<String>,
    pub lang: Option<String>,
    pub author: Option<String>,
}

fn attr<S: html5gum::SpanBound>(tag: &html5gum::StartTag<S>, key: &str) -> Option<String> {
    tag.attributes
        .get(key.as_bytes())
        .map(|v| String::from_utf8_lossy(&v.value).trim().to_string())
        .filter(|v| !v.is_empty())
}

/// Elements whose content is never story text.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "svg", "math", "iframe", "object", "embed", "form", "button",
    "select", "textarea", "nav", "template", "canvas", "video", "audio",
];

/// Reads the page's declared metadata.
pub fn page_meta(html: &str) -> PageMeta {
    let mut m = PageMeta::default();
    let mut emitter = DefaultEmitter::default();
    emitter.naively_switch_states(true);
    let mut in_h1 = false;
    let mut h1 = String::new();
    for token in Tokenizer::new_with_emitter(html, emitter).flatten() {
        match token {
            Token::StartTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name).to_ascii_lowercase();
                match name.as_str() {
                    "html" => m.lang = m.lang.take().or_else(|| attr(&tag, "lang")),
                    "meta" => {
                        let key = attr(&tag, "property")
                            .or_else(|| attr(&tag, "name"))
                            .unwrap_or_default()
                            .to_ascii_lowercase();
                        let content = attr(&tag, "content");
                        let slot = match key.as_str() {
                            "og:title" => &mut m.og_title,
                            "og:site_name" => &mut m.site_name,
                            "article:published_time" | "datepublished" => &mut m.published,
                            "og:url" => &mut m.og_url,
                            "author" | "article:author" => &mut m.author,
                            _ => continue,
                        };
                        if slot.is_none() {
                            *slot = content;
                        }
                    }
                    "link" => {
                        let rel = attr(&tag, "rel").unwrap_or_default().to_ascii_lowercase();
                        if rel.split_whitespace().any(|r| r == "canonical") && m.canonical.is_none()
                        {
                            m.canonical = attr(&tag, "href");
                        }
                    }
                    "time" if m.time.is_none() => m.time = attr(&tag, "datetime"),
                    "h1" if m.h1.is_none() => in_h1 = true,
                    _ => {}
                }
            }
            Token::EndTag(tag) if in_h1 && tag.name.eq_ignore_ascii_case(b"h1") => {
                in_h1 = false;
                let t = collapse(&h1);
                if !t.is_empty() {
                    m.h1 = Some(t);
                }
            }
            Token::String(s) if in_h1 => h1.push_str(&String::from_utf8_lossy(&s)),
            _ => {}
        }
    }
    m
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A date from a machine-readable stamp ("2020-11-11T09:30:00+02:00").
pub fn stamp_date(s: &str) -> Option<Ymd> {
    static ISO_DAY: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^\s*(\d{4}-\d{2}-\d{2})").expect("iso day pattern"));
    ISO_DAY.captures(s).and_then(|c| Ymd::parse(&c[1]))
}

/// The story's content (the extractor's cleaned HTML) rebuilt as blocks: paragraphs,
/// headings, lists and captioned figures, text only.
pub fn content_blocks(html: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut emitter = DefaultEmitter::default();
    emitter.naively_switch_states(true);
    let mut skip_depth = 0usize;
    let mut text = String::new();
    let mut list: Vec<String> = Vec::new();
    let mut in_caption = false;
    let mut credit = String::new();
    let mut in_credit = false;
    let mut heading = false;
    let flush = |text: &mut String, heading: bool, blocks: &mut Vec<Block>| {
        let t = collapse(text);
        text.clear();
        if !t.is_empty() {
            blocks.push(if heading {
                Block::Heading(t)
            } else {
                Block::Paragraph(t)
            });
        }
    };
    for token in Tokenizer::new_with_emitter(html, emitter).flatten() {
        match token {
            Token::StartTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name).to_ascii_lowercase();
                if SKIPPED.contains(&name.as_str()) {
                    if !tag.self_closing {
                        skip_depth += 1;
                    }
                    continue;
                }
                if skip_depth > 0 {
                    continue;
                }
                match name.as_str() {
                    "p" | "div" | "section" | "article" | "blockquote" | "br" | "hr" | "table"
                    | "tr" => {
                        if !in_caption {
                            flush(&mut text, heading, &mut blocks);
                            heading = false;
                        } else {
                            text.push(' ');
                        }
                    }
                    "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                        flush(&mut text, heading, &mut blocks);
                        heading = true;
                    }
                    "li" => {
                        let t = collapse(&text);
                        text.clear();
                        if !t.is_empty() {
                            list.push(t);
                        }
                    }
                    "figcaption" => {
                        flush(&mut text, heading, &mut blocks);
                        heading = false;
                        in_caption = true;
                    }
                    "small" | "cite" if in_caption => in_credit = true,
                    _ => {}
                }
            }
            Token::EndTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name).to_ascii_lowercase();
                if SKIPPED.contains(&name.as_str()) {
                    skip_depth = skip_depth.saturating_sub(1);
                    continue;
                }
                if skip_depth > 0 {
                    continue;
                }
                match name.as_str() {
                    "p" | "blockquote" | "div" | "section" | "td" if !in_caption => {
                        flush(&mut text, heading, &mut blocks);
                        heading = false;
                    }
                    "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                        flush(&mut text, true, &mut blocks);
                        heading = false;
                    }
                    "li" => {
                        let t = collapse(&text);
                        text.clear();
                        if !t.is_empty() {
                            list.push(t);
                        }
                    }
                    "ul" | "ol" if !list.is_empty() => {
                        blocks.push(Block::List(std::mem::take(&mut list)));
                    }
                    "small" | "cite" => in_credit = false,
                    "figcaption" => {
                        in_caption = false;
                        let t = collapse(&text);
                        text.clear();
                        let c = collapse(&credit);
                        let c = super::credit_text(&c).to_string();
                        credit.clear();
                        if !t.is_empty() {
                            blocks.push(Block::Caption { text: t, credit: c });
                        }
                    }
                    _ => {}
                }
            }
            Token::String(s) if skip_depth == 0 => {
                let s = String::from_utf8_lossy(&s);
                if in_credit {
                    credit.push_str(&s);
                } else {
                    text.push_str(&s);
                }
            }
            _ => {}
        }
    }
    flush(&mut text, heading, &mut blocks);
    if !list.is_empty() {
        blocks.push(Block::List(list));
    }
    blocks
}

/// Why a saved page gave no article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HtmlError {
    /// The extractor found no main content.
    NoArticle(String),
}

/// A saved page to an [`Article`] (title, source, date and `source_url` filled from
/// the page's metadata where it declares them; the caller applies the usual fallbacks).
pub fn parse_html(html: &str) -> Result<(Article, PageMeta, Option<Ymd>), HtmlError> {
    let meta = page_meta(html);
    let mut readability = dom_smoothie::Readability::new(html, None, None)
        .map_err(|e| HtmlError::NoArticle(e.to_string()))?;
    let jsonld = readability.parse_json_ld();
    let extracted = readability
        .parse()
        .map_err(|e| HtmlError::NoArticle(e.to_string()))?;
    let blocks = content_blocks(&extracted.content);
    // The headline inside the content is the title, not body text.
    let title = meta
        .og_title
        .clone()
        .or_else(|| {
            jsonld
                .as_ref()
                .map(|j| j.title.clone())
                .filter(|t| !t.is_empty())
        })
        .or_else(|| meta.h1.clone())
        .or_else(|| (!extracted.title.is_empty()).then(|| extracted.title.clone()))
        .map(|t| collapse(&t));
    let mut cut = Vec::new();
    let blocks: Vec<Block> = blocks
        .into_iter()
        .filter(|b| {
            !matches!(b, Block::Heading(h) | Block::Paragraph(h)
                if Some(h) == title.as_ref() || Some(h) == meta.h1.as_ref())
        })
        .collect();
    // Furniture the extractor kept (share bars, newsletter boxes, "More like this" and
    // its teasers): a furniture label, and the short paragraphs and lists under it up to
    // the next heading or paragraph of prose.
    let mut under_label = false;
    let mut kept = Vec::with_capacity(blocks.len());
    for b in blocks {
        let (text, is_heading) = match &b {
            Block::Paragraph(t) => (Some(t.clone()), false),
            Block::Heading(t) => (Some(t.clone()), true),
            _ => (None, false),
        };
        if let Some(t) = &text {
            let kind = furniture::classify(t)
                .or_else(|| super::pubdate::parse_date_line(t).map(|_| Kind::DateLine));
            if let Some(kind) = kind {
                under_label = matches!(kind, Kind::Teaser | Kind::Notice | Kind::Share);
                cut.push(Cut {
                    line: t.clone(),
                    kind,
                });
                continue;
            }
            if is_heading || t.split_whitespace().count() >= 20 {
                under_label = false;
            }
        }
        if under_label {
            let lines: Vec<String> = match &b {
                Block::List(items) => items.clone(),
                Block::Paragraph(t) => vec![t.clone()],
                _ => Vec::new(),
            };
            if !lines.is_empty() {
                cut.extend(lines.into_iter().map(|line| Cut {
                    line,
                    kind: Kind::Teaser,
                }));
                continue;
            }
        }
        kept.push(b);
    }
    let blocks = kept;
    let words: usize = blocks
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph(t) => Some(t.split_whitespace().count()),
            _ => None,
        })
        .sum();
    if words < 20 {
        return Err(HtmlError::NoArticle(format!(
            "the main content has {words} words of paragraph text"
        )));
    }
    let standfirst = blocks
        .iter()
        .find_map(|b| match b {
            Block::Paragraph(t) => Some(t.clone()),
            _ => None,
        })
        .unwrap_or_default();
    let images = blocks
        .iter()
        .filter_map(|b| match b {
            Block::Caption { text, credit } => Some(Image {
                caption: text.clone(),
                credit: credit.clone(),
            }),
            _ => None,
        })
        .collect();
    let source = meta
        .site_name
        .clone()
        .or_else(|| jsonld.as_ref().and_then(|j| j.site_name.clone()))
        .map(|s| collapse(&s));
    let date = meta
        .published
        .as_deref()
        .or(jsonld.as_ref().and_then(|j| j.published_time.as_deref()))
        .or(meta.time.as_deref())
        .and_then(stamp_date);
    let url = meta
        .canonical
        .clone()
        .or_else(|| meta.og_url.clone())
        .or_else(|| jsonld.as_ref().and_then(|j| j.url.clone()));
    let author = meta
        .author
        .clone()
        .or_else(|| jsonld.as_ref().and_then(|j| j.byline.clone()))
        .or(extracted.byline.clone())
        .map(|a| super::byline_names(&a));
    let article = Article {
        standfirst,
        title: title.clone().unwrap_or_default(),
        headline: title,
        blocks,
        images,
        related: Vec::new(),
        source,
        date: None,
        place: None,
        author,
        source_url: url,
        language: meta.lang.clone().or(extracted.lang.clone()),
        cut,
    };
    Ok((article, meta, date))
}
