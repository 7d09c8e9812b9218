//! Files for static hosts and links that survive a sub-path (pure: outputs in,
//! outputs out).
//!
//! - `_headers` (Netlify and Cloudflare Pages format): a year-long immutable cache for
//!   each fingerprinted asset, a short revalidating cache for pages, feeds and data.
//!   Those hosts join the values of every rule that matches a path, so no catch-all
//!   `/*` rule sets `Cache-Control`: every rule names one path.
//! - `.nojekyll`, so GitHub Pages serves the files as they are.
//! - [`rebase_links`]: root-relative links written in Markdown (`/summary/`) get the
//!   site's base path, as `url(path=...)` does in templates.

use std::borrow::Cow;

use crate::render::{Output, OutputRef};

/// Cache for fingerprinted files: their name changes whenever their content does.
pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// Cache for pages and everything else: always revalidate (ETag / Last-Modified).
pub const SHORT: &str = "public, max-age=0, must-revalidate";

/// Whether an output's file name carries a content hash: `style.0123456789.css`.
pub fn is_fingerprinted(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    let parts: Vec<&str> = name.split('.').collect();
    parts.len() >= 3 && {
        let hash = parts[parts.len() - 2];
        hash.len() == 10 && hash.chars().all(|c| c.is_ascii_hexdigit())
    }
}

/// The URL path (under the host's root) a file is requested at: folders for pages.
fn served_path(path: &str) -> String {
    if path == "index.html" {
        "/".to_string()
    } else if let Some(dir) = path.strip_suffix("/index.html") {
        format!("/{dir}/")
    } else {
        format!("/{path}")
    }
}

/// `_headers` for the given outputs (paths relative to the host's root, which is the
/// output folder however the site's `base_url` reads).
pub fn headers_file(outputs: &[OutputRef<'_>]) -> Output {
    let mut text = String::from(
        "# Headers for Netlify and Cloudflare Pages, written by `briefing build`.\n\
         # Those hosts join the values of every rule that matches a path, so the catch-all\n\
         # rule sets no Cache-Control: fingerprinted assets are cached for a year (their\n\
         # name changes with their content), everything else revalidates.\n\
         /*\n  X-Content-Type-Options: nosniff\n  Referrer-Policy: strict-origin-when-cross-origin\n",
    );
    let mut paths: Vec<&str> = outputs
        .iter()
        .map(|o| o.path)
        .filter(|p| !p.starts_with('.') && *p != "_headers")
        .collect();
    paths.sort();
    for p in paths {
        let cache = if is_fingerprinted(p) {
            IMMUTABLE
        } else {
            SHORT
        };
        text.push_str(&format!("\n{}\n  Cache-Control: {cache}\n", served_path(p)));
    }
    Output {
        path: "_headers".into(),
        bytes: text.into_bytes(),
    }
}

/// The files static hosts read: `_headers` and `.nojekyll`.
pub fn host_files(outputs: &[OutputRef<'_>]) -> Vec<Output> {
    vec![
        headers_file(outputs),
        Output {
            path: ".nojekyll".into(),
            bytes: Vec::new(),
        },
    ]
}

/// Prefixes root-relative `href`/`src` values in rendered Markdown with the base path
/// (`/summary/` → `/briefings/summary/`); protocol-relative `//host` links are left.
pub fn rebase_links<'a>(html: &'a str, base_path: &str) -> Cow<'a, str> {
    let prefix = base_path.trim_end_matches('/');
    if prefix.is_empty() {
        return Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len() + 64);
    let mut rest = html;
    let mut changed = false;
    loop {
        let next = ["href=\"/", "src=\"/", "href='/", "src='/"]
            .iter()
            .filter_map(|pat| rest.find(pat).map(|i| (i, pat.len())))
            .min();
        let Some((i, len)) = next else { break };
        let (head, tail) = rest.split_at(i + len - 1);
        out.push_str(head);
        // Only at an attribute boundary, and not for `//host`.
        let boundary = i == 0 || rest[..i].ends_with([' ', '\n', '\t']);
        if boundary && !tail.starts_with("//") {
            out.push_str(prefix);
            changed = true;
        }
        rest = tail;
    }
    if !changed {
        return Cow::Borrowed(html);
    }
    out.push_str(rest);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn out(path: &str) -> OutputRef<'_> {
        OutputRef { path, bytes: &[] }
    }

    #[test]
    fn fingerprints_are_recognised() {
        assert!(is_fingerprinted("style.9cc4fcb14c.css"));
        assert!(is_fingerprinted("js/search.0123456789.js"));
        assert!(!is_fingerprinted("style.css"));
        assert!(!is_fingerprinted("favicon.svg"));
        assert!(!is_fingerprinted("briefings/x/index.html"));
    }

    #[test]
    fn headers_have_one_rule_per_path_and_no_catch_all() {
        let h = headers_file(&[
            out("index.html"),
            out("briefings/x/index.html"),
            out("404.html"),
            out("style.9cc4fcb14c.css"),
            out("atom.xml"),
            out(".nojekyll"),
        ]);
        let text = String::from_utf8(h.bytes).unwrap();
        assert!(text.contains(
            "\n/style.9cc4fcb14c.css\n  Cache-Control: public, max-age=31536000, immutable\n"
        ));
        assert!(text.contains("\n/\n  Cache-Control: public, max-age=0, must-revalidate\n"));
        assert!(text.contains("\n/briefings/x/\n  Cache-Control: public, max-age=0"));
        assert!(text.contains("\n/404.html\n"));
        assert!(text.contains("\n/atom.xml\n"));
        assert_eq!(text.matches("  Cache-Control: ").count(), 5, "{text}");
        let from = text.find("\n/*\n").unwrap();
        let catch_all = text[from..].split("\n\n").next().unwrap();
        assert!(!catch_all.contains("Cache-Control"));
        assert!(!text.contains(".nojekyll"));
    }

    #[test]
    fn markdown_links_get_the_base_path() {
        let html = r#"<p><a href="/summary/">s</a> <a href="//cdn.example/x">c</a> <a href="https://x/">e</a> <img src="/a.png" alt="a"> <a href="../x/">r</a> <a data-href="/no/">n</a></p>"#;
        let r = rebase_links(html, "/b/");
        assert_eq!(
            r,
            r#"<p><a href="/b/summary/">s</a> <a href="//cdn.example/x">c</a> <a href="https://x/">e</a> <img src="/b/a.png" alt="a"> <a href="../x/">r</a> <a data-href="/no/">n</a></p>"#
        );
        assert!(matches!(rebase_links(html, "/"), Cow::Borrowed(_)));
    }
}
