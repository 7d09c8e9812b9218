//! Site configuration: `site.yaml` parsed into [`SiteConfig`] (pure: text in, struct out).

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::diagnostics::{Diagnostic, Location};

/// What `site.yaml` holds. Every key has a default, so an empty file is a valid site.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SiteConfig {
    pub title: String,
    pub description: String,
    /// The absolute URL the site is published at, e.g. `https://example.org/briefings/`.
    pub base_url: String,
    /// Name of the theme folder under `themes/`; `briefing` is also built in.
    pub theme: String,
    /// BCP 47 language tag for `<html lang>`.
    pub language: String,
    pub author: String,
    /// Words per minute used for `reading_time`.
    pub words_per_minute: usize,
    /// Briefings per page of a listing (the archive and each term page); 0 lists them
    /// all on one page.
    pub paginate_by: usize,
    /// Event the briefing is about, shown on the attendance and summary pages.
    pub event: Option<EventConfig>,
    /// The largest seed file ingest reads, in bytes; a larger one is refused with an
    /// error naming it (a news article is tens of KB, a saved page a few MB).
    pub max_seed_bytes: u64,
}

/// The default [`SiteConfig::max_seed_bytes`]: 8 MiB.
pub const DEFAULT_MAX_SEED_BYTES: u64 = 8 * 1024 * 1024;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventConfig {
    pub name: String,
    #[serde(default)]
    pub place: String,
    #[serde(default)]
    pub start: String,
    #[serde(default)]
    pub end: String,
}

impl Default for SiteConfig {
    fn default() -> Self {
        SiteConfig {
            title: "Briefing".to_string(),
            description: String::new(),
            base_url: "http://127.0.0.1:1111/".to_string(),
            theme: "briefing".to_string(),
            language: "en".to_string(),
            author: String::new(),
            words_per_minute: 220,
            paginate_by: 20,
            event: None,
            max_seed_bytes: DEFAULT_MAX_SEED_BYTES,
        }
    }
}

impl SiteConfig {
    /// Parses `site.yaml`. `path` only names the file in errors.
    pub fn parse(text: &str, path: &Path) -> Result<SiteConfig, Diagnostic> {
        if text.trim().is_empty() {
            return Ok(SiteConfig::default());
        }
        let mut config: SiteConfig = serde_yaml::from_str(text).map_err(|e| {
            let loc = match e.location() {
                Some(l) => Location::at(path, l.line(), l.column()),
                None => Location::file(path),
            };
            Diagnostic::new("invalid site configuration")
                .at(loc)
                .cause(strip_yaml_position(&e.to_string()))
                .hint("site.yaml keys: title, description, base_url, theme, language, author, words_per_minute, paginate_by, event, max_seed_bytes")
        })?;
        config.base_url = normalize_base_url(&config.base_url).map_err(|why| {
            Diagnostic::new("invalid base_url")
                .in_file(path)
                .cause(why)
                .hint("use an absolute URL such as https://example.org/ or https://example.org/briefings/")
        })?;
        if config.max_seed_bytes == 0 {
            config.max_seed_bytes = DEFAULT_MAX_SEED_BYTES;
        }
        if config.words_per_minute == 0 {
            config.words_per_minute = 220;
        }
        Ok(config)
    }

    /// The path part of `base_url`, always starting and ending with `/`.
    pub fn base_path(&self) -> String {
        base_path_of(&self.base_url)
    }

    /// An absolute URL for a site path such as `/briefings/x/`.
    pub fn absolute_url(&self, path: &str) -> String {
        format!(
            "{}{}",
            self.base_url.trim_end_matches('/'),
            if path.starts_with('/') {
                path.to_string()
            } else {
                format!("/{path}")
            }
        )
    }

    /// A root-relative URL under the base path for a site path such as `/briefings/x/`.
    pub fn url(&self, path: &str) -> String {
        let base = self.base_path();
        format!(
            "{}{}",
            base.trim_end_matches('/'),
            ensure_leading_slash(path)
        )
    }
}

fn ensure_leading_slash(path: &str) -> String {
    if path.starts_with('/') {
        path.to_string()
    } else {
        format!("/{path}")
    }
}

/// Checks that a base URL is absolute http(s) and gives it a trailing slash.
pub fn normalize_base_url(url: &str) -> Result<String, String> {
    let url = url.trim();
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .ok_or_else(|| format!("`{url}` does not start with http:// or https://"))?;
    if rest.is_empty() || rest.starts_with('/') {
        return Err(format!("`{url}` has no host"));
    }
    if url.contains(['?', '#', ' ']) {
        return Err(format!(
            "`{url}` must not contain a query, a fragment or spaces"
        ));
    }
    Ok(if url.ends_with('/') {
        url.to_string()
    } else {
        format!("{url}/")
    })
}

/// The path of an absolute URL: `https://h/a/b/` → `/a/b/`.
pub fn base_path_of(url: &str) -> String {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .unwrap_or(url);
    match rest.find('/') {
        Some(i) => {
            let p = &rest[i..];
            if p.ends_with('/') {
                p.to_string()
            } else {
                format!("{p}/")
            }
        }
        None => "/".to_string(),
    }
}

/// yaml_serde appends " at line L column C" to its messages; the location is printed separately.
pub fn strip_yaml_position(msg: &str) -> String {
    match msg.rfind(" at line ") {
        Some(i) => msg[..i].to_string(),
        None => msg.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_file_is_default_site() {
        let c = SiteConfig::parse("", Path::new("site.yaml")).unwrap();
        assert_eq!(c, SiteConfig::default());
    }

    #[test]
    fn base_url_gets_trailing_slash_and_base_path() {
        let c = SiteConfig::parse(
            "title: T\nbase_url: https://example.org/briefings",
            Path::new("site.yaml"),
        )
        .unwrap();
        assert_eq!(c.base_url, "https://example.org/briefings/");
        assert_eq!(c.base_path(), "/briefings/");
        assert_eq!(c.url("/summary/"), "/briefings/summary/");
        assert_eq!(
            c.absolute_url("/summary/"),
            "https://example.org/briefings/summary/"
        );
    }

    #[test]
    fn root_base_path() {
        assert_eq!(base_path_of("https://example.org/"), "/");
        assert_eq!(base_path_of("https://example.org"), "/");
    }

    #[test]
    fn unknown_key_is_an_error_with_line() {
        let err = SiteConfig::parse("title: T\ntitel: x\n", Path::new("site.yaml")).unwrap_err();
        let loc = err.location.unwrap();
        assert_eq!(loc.line, Some(2));
        assert!(err.causes[0].contains("titel"), "{:?}", err.causes);
    }

    #[test]
    fn relative_base_url_is_rejected() {
        let err = SiteConfig::parse("base_url: /x/", Path::new("site.yaml")).unwrap_err();
        assert_eq!(err.message, "invalid base_url");
    }
}
