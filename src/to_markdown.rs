//! Stage 2, to_markdown: an [`Article`] to the text of `content/briefings/<slug>.md`
//! (pure). Seed text is untrusted: everything that Markdown or HTML would read as
//! markup is escaped, so a seed cannot inject tags, links or emphasis.

use crate::common::escape::escape_html;
use crate::common::hash::sha256_hex;
use crate::common::slug::slugify;
use crate::frontmatter::{FrontMatter, ImageMeta, to_page_text};
use crate::ingest::{Article, Block};

/// What the analysis found in an article, recorded in its front matter.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ArticleFacts {
    pub summary: String,
    pub tags: Vec<String>,
    pub countries: Vec<String>,
    pub organisations: Vec<String>,
    pub people: Vec<String>,
}

const HASH_KEY: &str = "generated_sha256:";

/// The hash recorded in `generated_sha256`: the SHA-256 of the file with that one
/// value blanked, so the file can carry its own hash.
pub fn content_hash(page_text: &str) -> String {
    sha256_hex(blank_hash_line(page_text).as_bytes())
}

fn blank_hash_line(page_text: &str) -> String {
    let mut out = String::with_capacity(page_text.len());
    let mut in_front = false;
    for (i, line) in page_text.split_inclusive('\n').enumerate() {
        let bare = line.trim_end();
        if bare == "---" {
            in_front = i == 0;
        }
        if in_front && bare.starts_with(HASH_KEY) {
            out.push_str(HASH_KEY);
            out.push_str(" ''\n");
        } else {
            out.push_str(line);
        }
    }
    out
}

/// The `generated_sha256` a page file records, read without a YAML parser so that a
/// page whose front matter a person broke is still recognised.
pub fn recorded_value<'a>(page_text: &'a str, key: &str) -> Option<&'a str> {
    let rest = page_text.strip_prefix("---\n")?;
    for line in rest.lines() {
        if line.trim_end() == "---" {
            break;
        }
        if let Some(v) = line.strip_prefix(key).and_then(|r| r.strip_prefix(':')) {
            return Some(v.trim().trim_matches(['"', '\'']));
        }
    }
    None
}

/// True when the page is still exactly as the generator wrote it.
pub fn is_unedited(page_text: &str) -> bool {
    match recorded_value(page_text, "generated_sha256") {
        Some(h) if !h.is_empty() => content_hash(page_text) == h,
        _ => false,
    }
}

/// Escapes text so that CommonMark renders it literally: HTML-like text becomes
/// entities, Markdown punctuation is backslash-escaped.
pub fn escape_inline(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '~' | '{' | '}' | '#' | '$' => {
                out.push('\\');
                out.push(c);
            }
            '\n' => out.push(' '),
            c => out.push(c),
        }
    }
    // A block must not start like a list item or an ordered list.
    let digits = out.chars().take_while(char::is_ascii_digit).count();
    if out.starts_with(['-', '+', '=']) || (digits > 0 && out[digits..].starts_with(['.', ')'])) {
        let at = if digits > 0 { digits } else { 0 };
        out.insert(at, '\\');
    }
    out
}

/// The Markdown body of an article.
pub fn article_body(article: &Article) -> String {
    let mut out = String::new();
    let mut figure = 0;
    for block in &article.blocks {
        match block {
            Block::Paragraph(t) => {
                out.push_str(&escape_inline(t));
                out.push_str("\n\n");
            }
            Block::Heading(h) => {
                out.push_str("## ");
                out.push_str(&escape_inline(h));
                out.push_str(&format!(" {{#{}}}\n\n", slugify(h)));
            }
            Block::List(items) => {
                for item in items {
                    out.push_str("- ");
                    out.push_str(&escape_inline(item));
                    out.push('\n');
                }
                out.push('\n');
            }
            Block::Caption { text, credit } => {
                figure += 1;
                let credit = if credit.is_empty() {
                    String::new()
                } else {
                    format!(" <span class=\"credit\">({})</span>", escape_html(credit))
                };
                out.push_str(&format!(
                    "<figure class=\"caption\" id=\"photo-{figure}\"><figcaption>{}{credit}</figcaption></figure>\n\n",
                    escape_html(text),
                ));
            }
        }
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

/// Words per minute → minutes, at least one.
pub fn reading_time(words: usize, wpm: usize) -> usize {
    words.div_ceil(wpm.max(1)).max(1)
}

/// Everything needed to write one generated page.
pub struct PageInput<'a> {
    pub article: &'a Article,
    pub slug: &'a str,
    pub seed_name: &'a str,
    pub seed_text: &'a str,
    pub facts: &'a ArticleFacts,
    pub words_per_minute: usize,
}

/// The full text of a generated page, front matter and body, with its own hash.
pub fn generate_page(input: &PageInput<'_>) -> String {
    let a = input.article;
    let body = article_body(a);
    let words: usize = a.texts().map(|t| t.split_whitespace().count()).sum();
    let fm = FrontMatter {
        title: a.title.clone(),
        slug: Some(input.slug.to_string()),
        description: (!a.standfirst.is_empty()).then(|| a.standfirst.clone()),
        date: a.date.map(|d| d.date.to_string()),
        date_inferred: a.date.is_some_and(|d| d.inferred),
        source: a.source.clone(),
        source_url: a.source_url.clone(),
        place: a.place.clone(),
        author: a.author.clone(),
        language: a.language.clone(),
        seed: Some(input.seed_name.to_string()),
        seed_sha256: Some(sha256_hex(input.seed_text.as_bytes())),
        generated_sha256: Some(String::new()),
        summary: (!input.facts.summary.is_empty()).then(|| input.facts.summary.clone()),
        tags: input.facts.tags.clone(),
        countries: input.facts.countries.clone(),
        organisations: input.facts.organisations.clone(),
        people: input.facts.people.clone(),
        images: a
            .images
            .iter()
            .map(|im| ImageMeta {
                caption: im.caption.clone(),
                credit: im.credit.clone(),
            })
            .collect(),
        related: a.related.clone(),
        word_count: Some(words),
        reading_time: Some(reading_time(words, input.words_per_minute)),
        ..Default::default()
    };
    let text = to_page_text(&fm, &body);
    let hash = content_hash(&text);
    text.replacen(
        "generated_sha256: ''",
        &format!("generated_sha256: {hash}"),
        1,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::parse_article;

    #[test]
    fn escape_neutralises_html_and_markdown() {
        assert_eq!(
            escape_inline("<script>x</script>"),
            "&lt;script&gt;x&lt;/script&gt;"
        );
        assert_eq!(
            escape_inline("a *b* [c](d) `e`"),
            "a \\*b\\* \\[c\\](d) \\`e\\`"
        );
        assert_eq!(escape_inline("- not a list"), "\\- not a list");
        assert_eq!(escape_inline("1. not a list"), "1\\. not a list");
        assert_eq!(escape_inline("# not a heading"), "\\# not a heading");
    }

    #[test]
    fn body_has_headings_with_anchors_lists_and_one_figure() {
        let a = parse_article(include_str!("../seeds/000_1f398a99054376be.txt"));
        let body = article_body(&a);
        assert!(body.contains("## Reconciliation agreement {#reconciliation-agreement}\n"));
        assert_eq!(body.matches("<figure").count(), 1);
        assert!(body.contains("<span class=\"credit\">(AFP)</span>"));
        assert!(!body.contains("Source: TRT World"));
        let b = parse_article(include_str!("../seeds/003_bc72d07a4bd58e08.txt"));
        assert_eq!(article_body(&b).matches("\n- Russia").count(), 2);
    }

    #[test]
    fn generated_page_carries_its_own_hash_and_detects_edits() {
        let a = parse_article("Lede sentence here.\n\nBody <b>text</b>.\n\nSource: Wire\n");
        let facts = ArticleFacts::default();
        let text = generate_page(&PageInput {
            article: &a,
            slug: "lede",
            seed_name: "x.txt",
            seed_text: "seed",
            facts: &facts,
            words_per_minute: 200,
        });
        assert!(is_unedited(&text), "{text}");
        assert!(text.contains("Body &lt;b&gt;text&lt;/b&gt;."));
        let edited = text.replace("Body", "Edited body");
        assert!(!is_unedited(&edited));
        assert_eq!(recorded_value(&text, "seed"), Some("x.txt"));
        assert_eq!(recorded_value(&text, "seed_sha256").map(str::len), Some(64));
    }

    #[test]
    fn reading_time_is_at_least_one_minute() {
        assert_eq!(reading_time(0, 220), 1);
        assert_eq!(reading_time(441, 220), 3);
    }
}
