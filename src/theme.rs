//! Themes: Tera templates and static files. The default theme `briefing` is embedded
//! in the binary; a site's `themes/<name>/` replaces it and `templates/` overrides it
//! file by file (this module only holds the files; `load` reads them from disk).

use std::collections::BTreeMap;
use std::path::PathBuf;

/// A template's source and where it came from, for error messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateSource {
    pub text: String,
    /// The file it was read from, or `<builtin>/templates/<name>` for the embedded theme.
    pub origin: PathBuf,
}

/// A theme's files, ready for rendering.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Theme {
    /// By template name, e.g. `base.html`.
    pub templates: BTreeMap<String, TemplateSource>,
    /// By path under `static/`, e.g. `css/style.css`.
    pub statics: BTreeMap<String, Vec<u8>>,
}

macro_rules! embedded_templates {
    ($($name:literal),* $(,)?) => {
        &[$(($name, include_str!(concat!("../themes/briefing/templates/", $name)))),*]
    };
}

macro_rules! embedded_statics {
    ($($name:literal),* $(,)?) => {
        &[$(($name, include_bytes!(concat!("../themes/briefing/static/", $name)) as &[u8])),*]
    };
}

/// The default theme's templates, as shipped in `themes/briefing/templates/`.
const TEMPLATES: &[(&str, &str)] = embedded_templates!(
    "base.html",
    "index.html",
    "briefing.html",
    "page.html",
    "404.html",
    "taxonomy_list.html",
    "taxonomy_term.html",
    "list.html",
    "sources.html",
    "search.html",
    "summary.html",
    "attendance.html",
    "partials/briefing_card.html",
    "partials/cites.html",
    "partials/evidence_item.html",
    "partials/pager.html",
    "atom.xml",
    "sitemap.xml",
    "robots.txt",
);

/// The default theme's static files, as shipped in `themes/briefing/static/`.
const STATICS: &[(&str, &[u8])] =
    embedded_statics!("style.css", "print.css", "search.js", "favicon.svg",);

/// The name of the embedded theme.
pub const DEFAULT_THEME: &str = "briefing";

impl Theme {
    /// The default theme, from the binary.
    pub fn embedded() -> Theme {
        let mut t = Theme::default();
        for (name, text) in TEMPLATES {
            t.templates.insert(
                name.to_string(),
                TemplateSource {
                    text: text.to_string(),
                    origin: PathBuf::from(format!("<builtin>/templates/{name}")),
                },
            );
        }
        for (name, bytes) in STATICS {
            t.statics.insert(name.to_string(), bytes.to_vec());
        }
        t
    }

    /// Lays `other` over this theme: its files replace these file by file.
    pub fn overlay(&mut self, other: Theme) {
        self.templates.extend(other.templates);
        self.statics.extend(other.statics);
    }

    /// The embedded files as (relative path, bytes), for `briefing init`.
    pub fn embedded_files() -> Vec<(String, Vec<u8>)> {
        let mut out: Vec<(String, Vec<u8>)> = TEMPLATES
            .iter()
            .map(|(n, t)| (format!("templates/{n}"), t.as_bytes().to_vec()))
            .collect();
        out.extend(
            STATICS
                .iter()
                .map(|(n, b)| (format!("static/{n}"), b.to_vec())),
        );
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_theme_has_every_page_template() {
        let t = Theme::embedded();
        for name in [
            "base.html",
            "index.html",
            "briefing.html",
            "page.html",
            "404.html",
        ] {
            assert!(t.templates.contains_key(name), "{name}");
        }
        assert!(t.statics.contains_key("style.css"));
    }

    #[test]
    fn overlay_replaces_file_by_file() {
        let mut t = Theme::embedded();
        let mut o = Theme::default();
        o.templates.insert(
            "page.html".into(),
            TemplateSource {
                text: "mine".into(),
                origin: "templates/page.html".into(),
            },
        );
        t.overlay(o);
        assert_eq!(t.templates["page.html"].text, "mine");
        assert!(t.templates["base.html"].text.contains("<html"));
    }
}
