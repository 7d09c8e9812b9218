//! Markdown to HTML with pulldown-cmark, and the text blocks and sentences of a page
//! (pure). Rendering and analysis read sentences through the same function, so every
//! sentence the analysis cites has an anchor (`#s3-2`) in the rendered page.

use std::collections::HashSet;

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd, html};
use serde::Serialize;

use crate::common::escape::escape_html;

use crate::common::slug::slugify;

/// The Markdown extensions a page may use.
pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// What kind of block a text block is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    Paragraph,
    ListItem,
    Heading,
    /// Text inside raw HTML, such as a photo caption's `<figure>`.
    Html,
}

/// A sentence and the fragment id that points at it in the rendered page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Sentence {
    pub text: String,
    pub anchor: String,
}

/// One block of text of a page, in reading order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TextBlock {
    pub kind: BlockKind,
    pub text: String,
    pub sentences: Vec<Sentence>,
}

/// A heading for a table of contents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TocEntry {
    pub level: u8,
    pub id: String,
    pub title: String,
}

/// A page body rendered to HTML.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Rendered {
    pub html: String,
    pub toc: Vec<TocEntry>,
    pub blocks: Vec<TextBlock>,
}

/// Splits text into sentences (abbreviation-aware: U.S., Dr., Nov.).
pub fn sentences(text: &str) -> Vec<String> {
    sentencex::segment("en", text)
        .into_iter()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// Decodes the few entities escaping produces, for text read out of raw HTML.
fn decode_entities(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&nbsp;", " ")
        .replace("&amp;", "&")
}

/// The text of raw HTML: tags dropped, entities decoded, whitespace folded.
fn html_text(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut in_tag = false;
    for c in raw.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push(' ');
            }
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    let folded = out.split_whitespace().collect::<Vec<_>>().join(" ");
    decode_entities(&folded)
        .replace(" )", ")")
        .replace("( ", "(")
}

fn first_id(raw: &str) -> Option<String> {
    let i = raw.find(" id=\"")?;
    let rest = &raw[i + 5..];
    Some(rest[..rest.find('"')?].to_string())
}

/// Where a container's inline events are, in the event list.
struct Container {
    start: usize,
    end: usize,
    kind: BlockKind,
}

/// Renders Markdown and collects its text blocks in one pass.
pub fn render(md: &str) -> Rendered {
    let events: Vec<Event> = Parser::new_ext(md, options()).collect();
    let containers = find_containers(&events);

    let mut out_events: Vec<Event> = Vec::with_capacity(events.len());
    let mut blocks = Vec::new();
    let mut toc = Vec::new();
    let mut used_ids: HashSet<String> = HashSet::new();
    let mut para = 0usize;
    let mut ci = 0usize;
    let mut i = 0usize;
    while i < events.len() {
        // Headings: give every heading an id; record the TOC.
        if let Event::Start(Tag::Heading {
            level,
            id,
            classes,
            attrs,
        }) = &events[i]
        {
            let end = find_end(&events, i);
            let text = plain_text(&events[i + 1..end]);
            let base = id
                .as_ref()
                .map(|s| s.to_string())
                .unwrap_or_else(|| slugify(&text));
            let base = if base.is_empty() {
                "section".to_string()
            } else {
                base
            };
            let mut unique = base.clone();
            let mut n = 1;
            while !used_ids.insert(unique.clone()) {
                unique = format!("{base}-{n}");
                n += 1;
            }
            toc.push(TocEntry {
                level: heading_level(*level),
                id: unique.clone(),
                title: text.clone(),
            });
            blocks.push(TextBlock {
                kind: BlockKind::Heading,
                text: text.clone(),
                sentences: Vec::new(),
            });
            out_events.push(Event::Start(Tag::Heading {
                level: *level,
                id: Some(CowStr::from(unique)),
                classes: classes.clone(),
                attrs: attrs.clone(),
            }));
            while ci < containers.len() && containers[ci].start <= end {
                ci += 1;
            }
            out_events.extend(events[i + 1..=end].iter().cloned());
            i = end + 1;
            continue;
        }
        // Raw HTML blocks: keep as they are; their text is a block, anchored at their id.
        if let Event::Start(Tag::HtmlBlock) = &events[i] {
            let end = find_end(&events, i);
            let raw: String = events[i + 1..end]
                .iter()
                .filter_map(|e| match e {
                    Event::Html(h) => Some(h.as_ref()),
                    _ => None,
                })
                .collect();
            let text = html_text(&raw);
            if !text.is_empty() {
                let anchor = first_id(&raw).unwrap_or_default();
                blocks.push(TextBlock {
                    kind: BlockKind::Html,
                    sentences: sentences(&text)
                        .into_iter()
                        .map(|s| Sentence {
                            text: s,
                            anchor: anchor.clone(),
                        })
                        .collect(),
                    text,
                });
            }
            out_events.extend(events[i..=end].iter().cloned());
            i = end + 1;
            continue;
        }
        if ci < containers.len() && containers[ci].start == i {
            let c = &containers[ci];
            ci += 1;
            para += 1;
            let inner = &events[c.start + 1..c.end];
            let text = plain_text(inner);
            let simple = inner
                .iter()
                .all(|e| matches!(e, Event::Text(_) | Event::SoftBreak));
            let sents = sentences(&text);
            let (open, close) = match c.kind {
                BlockKind::ListItem => ("li", "li"),
                _ => ("p", "p"),
            };
            let mut block = TextBlock {
                kind: c.kind,
                text: text.clone(),
                sentences: Vec::new(),
            };
            if simple && !sents.is_empty() {
                let mut h = format!("<{open} id=\"p{para}\">");
                for (j, s) in sents.iter().enumerate() {
                    let anchor = format!("s{para}-{}", j + 1);
                    if j > 0 {
                        h.push(' ');
                    }
                    h.push_str(&format!(
                        "<span class=\"s\" id=\"{anchor}\">{}</span>",
                        escape_html(s)
                    ));
                    block.sentences.push(Sentence {
                        text: s.clone(),
                        anchor,
                    });
                }
                h.push_str(&format!("</{close}>\n"));
                out_events.push(Event::Html(CowStr::from(h)));
            } else {
                out_events.push(Event::Html(CowStr::from(format!(
                    "<{open} id=\"p{para}\">"
                ))));
                out_events.extend(inner.iter().cloned());
                out_events.push(Event::Html(CowStr::from(format!("</{close}>\n"))));
                block.sentences = sents
                    .into_iter()
                    .map(|s| Sentence {
                        text: s,
                        anchor: format!("p{para}"),
                    })
                    .collect();
            }
            blocks.push(block);
            i = c.end + 1;
            continue;
        }
        out_events.push(events[i].clone());
        i += 1;
    }
    let mut html_out = String::with_capacity(md.len() * 3 / 2);
    html::push_html(&mut html_out, out_events.into_iter());
    Rendered {
        html: html_out,
        toc,
        blocks,
    }
}

fn heading_level(l: HeadingLevel) -> u8 {
    match l {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// The index of the event that closes the element opened at `start`.
fn find_end(events: &[Event], start: usize) -> usize {
    let mut depth = 0i32;
    for (j, e) in events.iter().enumerate().skip(start) {
        match e {
            Event::Start(_) => depth += 1,
            Event::End(_) => {
                depth -= 1;
                if depth == 0 {
                    return j;
                }
            }
            _ => {}
        }
    }
    events.len() - 1
}

/// Paragraphs (outside tables and footnote definitions) and tight list items: the
/// blocks that carry sentences.
fn find_containers(events: &[Event]) -> Vec<Container> {
    let mut out = Vec::new();
    let mut skip_depth = 0usize;
    let mut i = 0;
    while i < events.len() {
        match &events[i] {
            Event::Start(Tag::Table(_)) | Event::Start(Tag::FootnoteDefinition(_)) => {
                skip_depth += 1
            }
            Event::End(TagEnd::Table) | Event::End(TagEnd::FootnoteDefinition) => {
                skip_depth = skip_depth.saturating_sub(1)
            }
            Event::Start(Tag::Paragraph) if skip_depth == 0 => {
                let end = find_end(events, i);
                out.push(Container {
                    start: i,
                    end,
                    kind: BlockKind::Paragraph,
                });
                i = end + 1;
                continue;
            }
            Event::Start(Tag::Item) if skip_depth == 0 => {
                let end = find_end(events, i);
                let has_block = events[i + 1..end].iter().any(|e| {
                    matches!(
                        e,
                        Event::Start(
                            Tag::Paragraph
                                | Tag::List(_)
                                | Tag::BlockQuote(_)
                                | Tag::CodeBlock(_)
                                | Tag::Heading { .. }
                        )
                    )
                });
                if !has_block {
                    out.push(Container {
                        start: i,
                        end,
                        kind: BlockKind::ListItem,
                    });
                    i = end + 1;
                    continue;
                }
            }
            _ => {}
        }
        i += 1;
    }
    out
}

/// The plain text of inline events.
fn plain_text(events: &[Event]) -> String {
    let mut s = String::new();
    for e in events {
        match e {
            Event::Text(t) | Event::Code(t) => s.push_str(t),
            Event::SoftBreak | Event::HardBreak => s.push(' '),
            Event::InlineHtml(h) | Event::Html(h) => s.push_str(&html_text(h)),
            _ => {}
        }
    }
    s.trim().to_string()
}

/// The plain text of a whole Markdown document, blocks separated by blank lines.
pub fn to_plain_text(md: &str) -> String {
    render(md)
        .blocks
        .iter()
        .map(|b| b.text.as_str())
        .collect::<Vec<_>>()
        .join("\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn simple_paragraphs_get_sentence_anchors() {
        let r = render("First one. Second one.\n\nThird.\n");
        assert!(r.html.contains("<p id=\"p1\"><span class=\"s\" id=\"s1-1\">First one.</span> <span class=\"s\" id=\"s1-2\">Second one.</span></p>"), "{}", r.html);
        assert_eq!(r.blocks[1].sentences[0].anchor, "s2-1");
        assert_eq!(r.blocks[0].sentences.len(), 2);
    }

    #[test]
    fn sentence_text_is_escaped_again_in_html() {
        let r = render("A &lt;b&gt; tag and 5 \\< 6.\n");
        assert!(
            r.html.contains("A &lt;b&gt; tag and 5 &lt; 6."),
            "{}",
            r.html
        );
        assert_eq!(r.blocks[0].text, "A <b> tag and 5 < 6.");
    }

    #[test]
    fn paragraphs_with_markup_keep_it_and_anchor_the_paragraph() {
        let r = render("Some *emphasis* here. And [a link](/x/).\n");
        assert!(
            r.html.contains("<p id=\"p1\">Some <em>emphasis</em>"),
            "{}",
            r.html
        );
        assert_eq!(r.blocks[0].sentences[1].anchor, "p1");
        assert_eq!(r.blocks[0].sentences[1].text, "And a link.");
    }

    #[test]
    fn headings_get_unique_ids_and_toc() {
        let r = render(
            "## Syria still unsafe\n\ntext\n\n## Syria still unsafe\n\n## Named {#custom}\n",
        );
        assert!(
            r.html.contains("<h2 id=\"syria-still-unsafe\">"),
            "{}",
            r.html
        );
        assert!(r.html.contains("<h2 id=\"syria-still-unsafe-1\">"));
        assert!(r.html.contains("<h2 id=\"custom\">Named</h2>"));
        assert_eq!(r.toc.len(), 3);
        assert_eq!(r.toc[0].title, "Syria still unsafe");
    }

    #[test]
    fn tight_list_items_are_blocks_with_anchors() {
        let r = render("- One thing. Two.\n- Three.\n");
        assert!(
            r.html
                .contains("<li id=\"p1\"><span class=\"s\" id=\"s1-1\">One thing.</span>"),
            "{}",
            r.html
        );
        assert_eq!(r.blocks.len(), 2);
        assert_eq!(r.blocks[1].kind, BlockKind::ListItem);
    }

    #[test]
    fn html_figure_text_is_a_block_anchored_at_its_id() {
        let r = render(
            "<figure class=\"caption\" id=\"photo-1\"><figcaption>Envoy addresses session. <span class=\"credit\">(AFP)</span></figcaption></figure>\n\nNext.\n",
        );
        assert_eq!(r.blocks[0].kind, BlockKind::Html);
        assert_eq!(r.blocks[0].text, "Envoy addresses session. (AFP)");
        assert_eq!(r.blocks[0].sentences[0].anchor, "photo-1");
        assert!(r.html.contains("<figure class=\"caption\" id=\"photo-1\">"));
        assert!(r.html.contains("<p id=\"p1\">"));
    }

    #[test]
    fn tables_and_footnotes_render() {
        let r = render("| a | b |\n|---|---|\n| 1 | 2 |\n\nText[^1].\n\n[^1]: Note.\n");
        assert!(r.html.contains("<table>"), "{}", r.html);
        assert!(r.html.contains("footnote"), "{}", r.html);
    }
}
