//! Stage 3, content: a page file's text to a typed [`Page`] with slug, URL, rendered
//! body, text blocks and word count (pure: the path only places and names the page).

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::common::calendar::Ymd;
use crate::common::slug::slugify;
use crate::diagnostics::Diagnostic;
use crate::frontmatter::{self, FrontMatter};
use crate::markdown::{self, Rendered};
use crate::to_markdown::reading_time;

/// A page of the site.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Page {
    /// Path relative to the site root, e.g. `content/briefings/x.md`.
    pub file: PathBuf,
    /// First folder under `content/` (`briefings`), or empty for top-level pages.
    pub section: String,
    pub slug: String,
    /// Site path, e.g. `/briefings/x/` (before the base path is applied).
    pub path: String,
    pub front: FrontMatter,
    pub date: Option<Ymd>,
    pub rendered: Rendered,
    pub word_count: usize,
    pub reading_time: usize,
    /// 1-based line where the body starts in the file.
    pub body_line: usize,
}

impl Page {
    pub fn is_briefing(&self) -> bool {
        self.section == "briefings"
    }

    /// The plain text of the body, blocks separated by blank lines.
    pub fn plain_text(&self) -> String {
        self.rendered
            .blocks
            .iter()
            .map(|b| b.text.as_str())
            .collect::<Vec<_>>()
            .join("\n\n")
    }
}

/// Builds a page from its file text. `rel` is the path relative to the site root and
/// must lie under `content/`.
pub fn load_page(rel: &Path, text: &str, words_per_minute: usize) -> Result<Page, Diagnostic> {
    let split = frontmatter::split(text, rel)?;
    let front = frontmatter::parse(&split, rel)?;
    let under_content = rel.strip_prefix("content").unwrap_or(rel);
    let mut parts: Vec<String> = under_content
        .iter()
        .map(|c| c.to_string_lossy().into_owned())
        .collect();
    let file_name = parts.pop().unwrap_or_default();
    let stem = file_name.strip_suffix(".md").unwrap_or(&file_name);
    let section = parts.first().cloned().unwrap_or_default();
    let slug = match &front.slug {
        Some(s) if !s.trim().is_empty() => slugify(s),
        _ => slugify(stem),
    };
    if slug.is_empty() {
        return Err(Diagnostic::new("page has an empty slug")
            .in_file(rel)
            .hint("give the file a name with letters or digits, or set `slug:`"));
    }
    let mut path = String::from("/");
    for p in &parts {
        path.push_str(&slugify(p));
        path.push('/');
    }
    if !(parts.is_empty() && slug == "index") {
        path.push_str(&slug);
        path.push('/');
    }
    let date = front.date.as_deref().and_then(Ymd::parse);
    let rendered = markdown::render(split.body);
    let word_count = rendered
        .blocks
        .iter()
        .map(|b| b.text.split_whitespace().count())
        .sum();
    Ok(Page {
        file: rel.to_path_buf(),
        section,
        slug,
        path,
        date,
        word_count,
        reading_time: reading_time(word_count, words_per_minute),
        front,
        rendered,
        body_line: split.body_first_line,
    })
}

/// Whether a content path is a page (Markdown, not under `_data/` or a `_` file).
pub fn is_page_path(rel_under_content: &Path) -> bool {
    rel_under_content.extension().is_some_and(|e| e == "md")
        && !rel_under_content.iter().any(|c| {
            let s = c.to_string_lossy();
            s.starts_with('_') || s.starts_with('.')
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn briefing_page_gets_section_slug_and_path() {
        let p = load_page(
            Path::new("content/briefings/a-b.md"),
            "---\ntitle: A\ndate: 2020-11-11\n---\nOne two three.\n",
            220,
        )
        .unwrap();
        assert_eq!(p.section, "briefings");
        assert_eq!(p.slug, "a-b");
        assert_eq!(p.path, "/briefings/a-b/");
        assert_eq!(p.word_count, 3);
        assert_eq!(p.reading_time, 1);
        assert_eq!(p.date.unwrap().to_string(), "2020-11-11");
        assert!(p.is_briefing());
    }

    #[test]
    fn top_level_page_and_slug_override() {
        let p = load_page(
            Path::new("content/about.md"),
            "---\ntitle: About\nslug: About Us\n---\n",
            220,
        )
        .unwrap();
        assert_eq!(p.path, "/about-us/");
        assert_eq!(p.section, "");
    }

    #[test]
    fn error_names_the_file() {
        let e = load_page(Path::new("content/x.md"), "no front matter", 220).unwrap_err();
        assert_eq!(e.location.unwrap().file, PathBuf::from("content/x.md"));
    }

    #[test]
    fn data_and_underscore_files_are_not_pages() {
        assert!(is_page_path(Path::new("about.md")));
        assert!(!is_page_path(Path::new("_data/attendance.yaml")));
        assert!(!is_page_path(Path::new("_index.md")));
        assert!(!is_page_path(Path::new("notes.txt")));
    }
}
