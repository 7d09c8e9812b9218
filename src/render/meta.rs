//! Head metadata of a page (`meta` in templates): title, description, canonical URL,
//! OpenGraph type and schema.org JSON-LD.

use serde::Serialize;

use crate::analyse::Site;

/// Head metadata of an HTML page: `meta` in templates.
#[derive(Debug, Clone, Serialize)]
pub struct Meta {
    /// The `<title>`: "Page — Site", or the site title alone on the home page.
    pub title: String,
    pub description: String,
    /// Absolute canonical URL.
    pub canonical: String,
    /// OpenGraph type: `website` or `article`.
    pub og_type: &'static str,
    /// `YYYY-MM-DD` of an article.
    pub published: Option<String>,
    /// JSON-LD (schema.org), ready to place inside `<script type="application/ld+json">`.
    pub json_ld: String,
}

/// JSON for a `<script>` element: `</` cannot close it.
pub fn script_json(v: &serde_json::Value) -> String {
    serde_json::to_string(v)
        .unwrap_or_default()
        .replace('<', "\\u003c")
}

impl Meta {
    /// A page of the site that is not an article.
    pub fn page(site: &Site, title: &str, description: &str, path: &str) -> Meta {
        let c = &site.config;
        let full_title = if path == "/" {
            c.title.clone()
        } else {
            format!("{title} — {}", c.title)
        };
        let description = if description.is_empty() {
            c.description.clone()
        } else {
            description.to_string()
        };
        let canonical = c.absolute_url(path);
        let ld = if path == "/" {
            serde_json::json!({
                "@context": "https://schema.org",
                "@type": "WebSite",
                "name": c.title,
                "description": description,
                "url": canonical,
                "inLanguage": c.language,
            })
        } else {
            serde_json::json!({
                "@context": "https://schema.org",
                "@type": "WebPage",
                "name": title,
                "description": description,
                "url": canonical,
                "isPartOf": {"@type": "WebSite", "name": c.title, "url": c.base_url},
            })
        };
        Meta {
            title: full_title,
            description,
            canonical,
            og_type: "website",
            published: None,
            json_ld: script_json(&ld),
        }
    }

    /// A briefing: a `NewsArticle`.
    pub fn article(site: &Site, page: &crate::content::Page) -> Meta {
        let c = &site.config;
        let description = page
            .front
            .description
            .clone()
            .or_else(|| page.front.summary.clone())
            .unwrap_or_else(|| c.description.clone());
        let canonical = c.absolute_url(&page.path);
        let mut ld = serde_json::json!({
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": page.front.title,
            "description": description,
            "url": canonical,
            "mainEntityOfPage": canonical,
            "wordCount": page.word_count,
            "inLanguage": c.language,
            "isPartOf": {"@type": "WebSite", "name": c.title, "url": c.base_url},
        });
        if let Some(d) = page.date {
            ld["datePublished"] = serde_json::Value::String(d.to_string());
        }
        if let Some(src) = &page.front.source {
            ld["publisher"] = serde_json::json!({"@type": "Organization", "name": src});
            ld["author"] = serde_json::json!({"@type": "Organization", "name": src});
        }
        Meta {
            title: format!("{} — {}", page.front.title, c.title),
            description,
            canonical,
            og_type: "article",
            published: page.date.map(|d| d.to_string()),
            json_ld: script_json(&ld),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_json_cannot_close_its_element() {
        let s = script_json(&serde_json::json!({"a": "</script><b>"}));
        assert!(!s.contains('<'), "{s}");
    }
}
