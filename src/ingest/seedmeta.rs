//! A seed's own YAML block (`title`, `source`, `date`, `url`, `author`, `language`):
//! what a person who saved the page knows. Split from the text and parsed with the
//! seed's line and column in every error. Pure; the path only names the seed.

use std::path::Path;

use serde::Deserialize;

use super::pubdate;
use crate::common::calendar::Ymd;
use crate::config::strip_yaml_position;
use crate::diagnostics::{Diagnostic, Location};

/// The keys a seed's YAML block may carry.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SeedMeta {
    pub title: Option<String>,
    pub source: Option<String>,
    pub date: Option<String>,
    pub url: Option<String>,
    pub author: Option<String>,
    pub language: Option<String>,
}

/// A seed split into its YAML block (if any) and the text after it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeedParts<'a> {
    pub meta: Option<SeedMeta>,
    /// The parsed `date`, when given.
    pub date: Option<Ymd>,
    pub body: &'a str,
}

/// The hint every error of a seed's YAML block carries.
const KEYS_HINT: &str = "a seed's YAML block holds title, source, date (YYYY-MM-DD), url, author and language, between two `---` lines";

/// Splits and parses the YAML block at the top of a seed. `path` names the seed in errors.
pub fn split<'a>(text: &'a str, path: &Path) -> Result<SeedParts<'a>, Diagnostic> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let Some(rest) = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---\r\n"))
    else {
        return Ok(SeedParts {
            meta: None,
            date: None,
            body: text,
        });
    };
    let mut offset = 0;
    let mut close = None;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == "---" {
            close = Some((offset, offset + line.len()));
            break;
        }
        offset += line.len();
    }
    let Some((yaml_end, body_start)) = close else {
        return Err(Diagnostic::new("unclosed YAML block in seed")
            .at(Location::at(path, 1, 1))
            .hint(KEYS_HINT));
    };
    let yaml = &rest[..yaml_end];
    let body = &rest[body_start..];
    // Line 1 of the file is the opening `---`.
    let at = |line: usize, col: usize| Location::at(path, line + 1, col);
    let meta: SeedMeta = if yaml.trim().is_empty() {
        SeedMeta::default()
    } else {
        serde_yaml::from_str(yaml).map_err(|e| {
            let loc = match e.location() {
                Some(l) => at(l.line(), l.column()),
                None => Location::at(path, 2, 1),
            };
            Diagnostic::new("invalid YAML block in seed")
                .at(loc)
                .cause(strip_yaml_position(&e.to_string()))
                .hint(KEYS_HINT)
        })?
    };
    let date = match meta.date.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(d) => {
            let parsed = Ymd::parse(d)
                .or_else(|| pubdate::parse_date_line(d).map(|l| pubdate::resolve(&l, &[])));
            match parsed {
                Some(p) => Some(p),
                None => {
                    let (line, col) = key_position(yaml, "date").unwrap_or((1, 1));
                    return Err(Diagnostic::new(format!("unreadable date `{d}` in seed"))
                        .at(at(line, col))
                        .hint("write the date as YYYY-MM-DD, e.g. `date: 2020-11-11`"));
                }
            }
        }
    };
    Ok(SeedParts {
        meta: Some(meta),
        date,
        body,
    })
}

/// 1-based line and column of `key:`'s value in the YAML text.
fn key_position(yaml: &str, key: &str) -> Option<(usize, usize)> {
    yaml.lines().enumerate().find_map(|(i, l)| {
        l.strip_prefix(key)
            .and_then(|r| r.strip_prefix(':'))
            .map(|r| (i + 1, key.len() + 2 + (r.len() - r.trim_start().len())))
    })
}

/// A URL a page may link to: absolute http(s), no spaces or control characters.
pub fn is_web_url(url: &str) -> bool {
    let u = url.trim();
    let lower = u.to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://"))
        && u.len() > "https://".len()
        && !u
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || "<>\"'`".contains(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p() -> &'static Path {
        Path::new("seeds/a.txt")
    }

    #[test]
    fn block_is_split_and_parsed() {
        let s = split(
            "---\ntitle: Ferry service resumes\nsource: Harbour Times\ndate: 2021-03-04\nurl: https://example.org/ferry\nauthor: Ann Writer\nlanguage: en\n---\nThe ferry ran again.\n",
            p(),
        )
        .unwrap();
        let m = s.meta.unwrap();
        assert_eq!(m.title.as_deref(), Some("Ferry service resumes"));
        assert_eq!(m.source.as_deref(), Some("Harbour Times"));
        assert_eq!(s.date.map(|d| d.to_string()).as_deref(), Some("2021-03-04"));
        assert_eq!(s.body, "The ferry ran again.\n");
    }

    #[test]
    fn no_block_leaves_the_text_alone() {
        let s = split("Just text.\n", p()).unwrap();
        assert_eq!((s.meta, s.body), (None, "Just text.\n"));
    }

    #[test]
    fn errors_name_seed_line_and_column() {
        let e = split("---\ntitle: A\ntitel: B\n---\nText.\n", p()).unwrap_err();
        let loc = e.location.unwrap();
        assert_eq!(loc.file, Path::new("seeds/a.txt"));
        assert_eq!(loc.line, Some(3));
        assert!(e.causes[0].contains("titel"), "{:?}", e.causes);
        let e = split("---\ntitle: A\ndate: someday\n---\nText.\n", p()).unwrap_err();
        let loc = e.location.unwrap();
        assert_eq!((loc.line, loc.col), (Some(3), Some(7)));
        let e = split("---\ntitle: A\nText.\n", p()).unwrap_err();
        assert_eq!(e.message, "unclosed YAML block in seed");
    }

    #[test]
    fn only_web_urls_pass() {
        assert!(is_web_url("https://example.org/a"));
        assert!(is_web_url("http://example.org"));
        for bad in [
            "javascript:alert(1)",
            "data:text/html,x",
            "ftp://example.org",
            "https://",
            "https://a b",
            "//example.org",
        ] {
            assert!(!is_web_url(bad), "{bad}");
        }
    }
}
