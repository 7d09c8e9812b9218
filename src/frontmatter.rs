//! Front matter: the YAML block at the top of a page, split from the body and parsed
//! with file, line and column in every error (pure; the path only names the file).

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::config::strip_yaml_position;
use crate::diagnostics::{Diagnostic, Location};

/// A photo caption recorded in front matter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ImageMeta {
    pub caption: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub credit: String,
}

/// Every key a page may carry. Only `title` is required; generated pages fill them all.
/// Unknown keys are ignored here and reported as warnings by [`unknown_keys`].
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct FrontMatter {
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub slug: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(default, skip_serializing_if = "is_false")]
    pub date_inferred: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The address the seed was copied or saved from (http or https only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_url: Option<String>,
    /// The dateline's place, e.g. `Beijing`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// The article's language when its seed states it (BCP 47, e.g. `en`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seed: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seed_sha256: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub generated_sha256: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub countries: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub organisations: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub people: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub images: Vec<ImageMeta>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub word_count: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reading_time: Option<usize>,
    /// A draft is built only with `--drafts`.
    #[serde(default, skip_serializing_if = "is_false")]
    pub draft: bool,
    /// Template to render the page with, instead of the default for its section.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub template: Option<String>,
    /// Position in menus and lists of hand-written pages (lower first).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weight: Option<i64>,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// The keys [`FrontMatter`] accepts, for did-you-mean hints.
pub const KNOWN_KEYS: &[&str] = &[
    "title",
    "slug",
    "description",
    "date",
    "date_inferred",
    "source",
    "source_url",
    "place",
    "author",
    "language",
    "seed",
    "seed_sha256",
    "generated_sha256",
    "summary",
    "tags",
    "countries",
    "organisations",
    "people",
    "images",
    "related",
    "word_count",
    "reading_time",
    "draft",
    "template",
    "weight",
];

/// A page file split in two: the YAML text and the Markdown body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split<'a> {
    pub yaml: &'a str,
    pub body: &'a str,
    /// 1-based line of the first YAML line in the file.
    pub yaml_first_line: usize,
    /// 1-based line of the first body line in the file.
    pub body_first_line: usize,
}

/// Splits `---\nyaml\n---\nbody`. `path` only names the file in the error.
pub fn split<'a>(text: &'a str, path: &Path) -> Result<Split<'a>, Diagnostic> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let missing = || {
        Diagnostic::new("missing front matter")
            .at(Location::at(path, 1, 1))
            .hint(
                "a page starts with a line `---`, YAML keys (at least `title:`), and another `---`",
            )
    };
    let rest = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---\r\n"))
        .ok_or_else(missing)?;
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == "---" {
            let yaml = &rest[..offset];
            let body = &rest[offset + line.len()..];
            let yaml_lines = yaml.matches('\n').count();
            return Ok(Split {
                yaml,
                body,
                yaml_first_line: 2,
                body_first_line: 2 + yaml_lines + 1,
            });
        }
        offset += line.len();
    }
    Err(Diagnostic::new("unclosed front matter")
        .at(Location::at(path, 1, 1))
        .hint("close the front matter with a line `---`"))
}

/// Parses front matter YAML; error positions are lines of the whole file.
pub fn parse(split: &Split<'_>, path: &Path) -> Result<FrontMatter, Diagnostic> {
    let fm: FrontMatter = serde_yaml::from_str(split.yaml).map_err(|e| {
        let msg = strip_yaml_position(&e.to_string());
        let loc = match e.location() {
            Some(l) => Location::at(path, l.line() + split.yaml_first_line - 1, l.column()),
            None => Location::at(path, split.yaml_first_line, 1),
        };
        let mut d = Diagnostic::new("invalid front matter").at(loc).cause(&msg);
        if let Some(key) = unknown_field(&msg)
            && let Some(near) = did_you_mean(key, KNOWN_IMAGE_KEYS)
        {
            d = d.hint(format!("unknown key `{key}`: did you mean `{near}`?"));
        } else if msg.contains("missing field `title`") {
            d = d.hint("every page needs a `title:`");
        } else {
            d = d.hint("quote values that contain `: ` or start with a special character");
        }
        d
    })?;
    if fm.title.trim().is_empty() {
        return Err(Diagnostic::new("empty title")
            .at(Location::at(path, split.yaml_first_line, 1))
            .hint("every page needs a non-empty `title:`"));
    }
    if let Some(date) = &fm.date
        && crate::common::calendar::Ymd::parse(date).is_none()
    {
        let line = split
            .yaml
            .lines()
            .position(|l| l.starts_with("date:"))
            .map_or(split.yaml_first_line, |i| i + split.yaml_first_line);
        return Err(Diagnostic::new(format!("invalid date `{date}`"))
            .at(Location::at(path, line, 7))
            .hint("write dates as YYYY-MM-DD"));
    }
    Ok(fm)
}

/// The keys of an entry of `images:`.
const KNOWN_IMAGE_KEYS: &[&str] = &["caption", "credit"];

/// Warnings for top-level front matter keys that [`FrontMatter`] does not know: each
/// names the file and the key's line, and suggests the nearest known key. The page is
/// built without them. Text that is not a YAML mapping yields no warnings (`parse`
/// reports it).
pub fn unknown_keys(split: &Split<'_>, path: &Path) -> Vec<Diagnostic> {
    if plainly_known(split.yaml) {
        return Vec::new();
    }
    let Ok(map) = serde_yaml::from_str::<serde_yaml::Mapping>(split.yaml) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for key in map.keys() {
        let Some(key) = key.as_str() else { continue };
        if KNOWN_KEYS.contains(&key) {
            continue;
        }
        let line =
            key_line(split.yaml, key).map_or(split.yaml_first_line, |i| i + split.yaml_first_line);
        let hint = match did_you_mean(key, KNOWN_KEYS) {
            Some(near) => format!("did you mean `{near}`?"),
            None => format!("the key is ignored; known keys: {}", KNOWN_KEYS.join(", ")),
        };
        out.push(
            Diagnostic::new(format!("unknown front matter key `{key}`"))
                .at(Location::at(path, line, 1))
                .hint(hint),
        );
    }
    out
}

/// Whether front matter in plain block style has only known top-level keys, told
/// without parsing it: every line that starts at the margin is `key:` with a known key
/// (or a list item, a comment, a blank line). Anything else (a quoted key, a flow
/// mapping, a line that is not `key:`) is left to the YAML parser.
fn plainly_known(yaml: &str) -> bool {
    yaml.lines().all(|l| {
        if l.is_empty() || l.starts_with([' ', '\t', '#']) || l == "-" || l.starts_with("- ") {
            return true;
        }
        let Some((key, rest)) = l.split_once(':') else {
            return false;
        };
        (rest.is_empty() || rest.starts_with([' ', '\t']))
            && key
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
            && KNOWN_KEYS.contains(&key)
    })
}

/// The 0-based index of the line where a top-level `key:` is written.
fn key_line(yaml: &str, key: &str) -> Option<usize> {
    yaml.lines().position(|l| {
        let l = l.trim_end();
        [key.to_string(), format!("\"{key}\""), format!("'{key}'")]
            .iter()
            .any(|k| {
                l.strip_prefix(k.as_str())
                    .is_some_and(|r| r.trim_start().starts_with(':'))
            })
    })
}

fn unknown_field(msg: &str) -> Option<&str> {
    let rest = msg.split("unknown field `").nth(1)?;
    rest.split('`').next()
}

/// The closest known name within a small edit distance.
pub fn did_you_mean<'a>(word: &str, known: &[&'a str]) -> Option<&'a str> {
    known
        .iter()
        .map(|k| (levenshtein(word, k), *k))
        .filter(|(d, k)| *d <= 2.max(k.len() / 4))
        .min()
        .map(|(_, k)| k)
}

fn levenshtein(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur.push((prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1));
        }
        prev = cur;
    }
    prev[b.len()]
}

/// Serialises front matter and body into a page file.
pub fn to_page_text(fm: &FrontMatter, body: &str) -> String {
    let yaml = serde_yaml::to_string(fm).unwrap_or_default();
    let mut out = String::with_capacity(yaml.len() + body.len() + 16);
    out.push_str("---\n");
    out.push_str(&yaml);
    if !yaml.ends_with('\n') {
        out.push('\n');
    }
    out.push_str("---\n\n");
    out.push_str(body.trim_start_matches('\n'));
    if !out.ends_with('\n') {
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p() -> &'static Path {
        Path::new("content/x.md")
    }

    #[test]
    fn splits_and_parses_minimal_page() {
        let text = "---\ntitle: About\n---\n\nHello.\n";
        let s = split(text, p()).unwrap();
        assert_eq!(s.body, "\nHello.\n");
        assert_eq!(s.body_first_line, 4);
        let fm = parse(&s, p()).unwrap();
        assert_eq!(fm.title, "About");
    }

    #[test]
    fn missing_front_matter_names_file_and_hint() {
        let e = split("# Hello\n", p()).unwrap_err();
        assert_eq!(e.message, "missing front matter");
        assert_eq!(e.location.unwrap().line, Some(1));
        assert!(e.hint.unwrap().contains("---"));
    }

    #[test]
    fn unclosed_front_matter_is_an_error() {
        assert_eq!(
            split("---\ntitle: x\n", p()).unwrap_err().message,
            "unclosed front matter"
        );
    }

    #[test]
    fn yaml_error_reports_line_in_file() {
        let text = "---\ntitle: ok\ndescription: a: b: c\n---\nbody\n";
        let s = split(text, p()).unwrap();
        let e = parse(&s, p()).unwrap_err();
        let loc = e.location.clone().unwrap();
        assert_eq!(loc.line, Some(3), "{e}");
        assert!(loc.col.is_some());
    }

    #[test]
    fn unknown_key_suggests_the_known_one() {
        let s = split("---\ntitle: x\ntagz: [a]\n---\n", p()).unwrap();
        let fm = parse(&s, p()).expect("an unknown key is not an error");
        assert_eq!(fm.title, "x");
        assert!(fm.tags.is_empty());
        let w = unknown_keys(&s, p());
        assert_eq!(w.len(), 1);
        assert_eq!(w[0].message, "unknown front matter key `tagz`");
        assert_eq!(w[0].location.as_ref().unwrap().line, Some(3));
        assert_eq!(w[0].hint.as_deref(), Some("did you mean `tags`?"));
    }

    #[test]
    fn the_plain_check_agrees_with_the_parser() {
        // Told without the parser: plain keys, list items at the margin, comments.
        for yaml in [
            "title: x\ntags:\n- a\n- b\n# note\n\ndate: 2020-01-01\n",
            "title: x\nsummary: >\n  folded\n  text\n",
        ] {
            assert!(plainly_known(yaml), "{yaml}");
        }
        // Left to the parser, which still finds every unknown key.
        for (yaml, unknown) in [
            ("title: x\ntagz: [a]\n", 1),
            ("\"tagz\": [a]\ntitle: x\n", 1),
            ("{title: x, tagz: 1}\n", 1),
            ("title: x\n? tagz\n: 1\n", 1),
            ("title:x\n", 0),
        ] {
            assert!(!plainly_known(yaml), "{yaml}");
            let text = format!("---\n{yaml}---\n");
            let s = split(&text, p()).unwrap();
            assert_eq!(unknown_keys(&s, p()).len(), unknown, "{yaml}");
        }
    }

    #[test]
    fn known_keys_give_no_warning_and_far_keys_list_the_known_ones() {
        let s = split("---\ntitle: x\ntags: [a]\n---\n", p()).unwrap();
        assert!(unknown_keys(&s, p()).is_empty());
        let s = split("---\ntitle: x\n\"zzzzzzzz\": 1\n---\n", p()).unwrap();
        let w = unknown_keys(&s, p());
        assert_eq!(w[0].location.as_ref().unwrap().line, Some(3));
        assert!(w[0].hint.as_deref().unwrap().contains("known keys: title"));
    }

    #[test]
    fn every_known_key_is_a_field() {
        let fm = FrontMatter {
            title: "t".into(),
            ..Default::default()
        };
        let v = serde_yaml::to_value(&fm).unwrap();
        for k in v.as_mapping().unwrap().keys() {
            assert!(KNOWN_KEYS.contains(&k.as_str().unwrap()));
        }
    }

    #[test]
    fn bad_date_is_an_error_on_its_line() {
        let s = split("---\ntitle: x\ndate: 2020-13-01\n---\n", p()).unwrap();
        let e = parse(&s, p()).unwrap_err();
        assert_eq!(e.location.unwrap().line, Some(3));
    }

    #[test]
    fn round_trip_through_page_text() {
        let fm = FrontMatter {
            title: "A: title with ‘quotes’".into(),
            tags: vec!["syria".into()],
            date: Some("2020-11-11".into()),
            date_inferred: true,
            ..Default::default()
        };
        let text = to_page_text(&fm, "Body.\n");
        let s = split(&text, p()).unwrap();
        assert_eq!(parse(&s, p()).unwrap(), fm);
        assert_eq!(s.body.trim(), "Body.");
    }
}
