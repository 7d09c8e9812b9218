//! Files for static hosts and links that survive a sub-path (pure: outputs in,
//! outputs out).
//!
//! - `_headers` (Netlify and Cloudflare Pages format): a handful of rules at any size of
//!   site. Both hosts join the values of every rule that matches a path, so no two rules
//!   may set `Cache-Control` for one file: the catch-all `/*` sets only security
//!   headers, each fingerprinted asset (a few, from the theme) gets a year-long immutable
//!   cache by its exact path, and every other file keeps the hosts' own default,
//!   `public, max-age=0, must-revalidate` (pages, feeds, data and search revalidate).
//! - `.nojekyll`, so GitHub Pages serves the files as they are.
//! - [`rebase_links`]: root-relative links written in Markdown (`/summary/`) get the
//!   site's base path, as `url(path=...)` does in templates.

use std::borrow::Cow;

use crate::render::{Output, OutputRef};

/// Cache for fingerprinted files: their name changes whenever their content does.
pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// Cache for pages and everything else: always revalidate (ETag / Last-Modified). The
/// default of Netlify and Cloudflare Pages for a file no rule gives a `Cache-Control`.
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

/// `_headers` for the given outputs (paths relative to the host's root, which is the
/// output folder however the site's `base_url` reads): one rule for every path, one per
/// fingerprinted asset. Pages, feeds and data add no rule, so the file has the same
/// handful of rules at ten pages or ten thousand.
pub fn headers_file(outputs: &[OutputRef<'_>]) -> Output {
    let mut text = String::from(
        "# Headers for Netlify and Cloudflare Pages, written by `briefing build`.\n\
         # Those hosts join the values of every rule that matches a path, so only one rule\n\
         # sets Cache-Control for a file: fingerprinted assets are cached for a year (their\n\
         # name changes with their content); pages, feeds, data and search keep the hosts'\n\
         # default, `public, max-age=0, must-revalidate`.\n\
         /*\n  X-Content-Type-Options: nosniff\n  Referrer-Policy: strict-origin-when-cross-origin\n",
    );
    let mut assets: Vec<&str> = outputs
        .iter()
        .map(|o| o.path)
        .filter(|p| !p.starts_with('.') && is_fingerprinted(p))
        .collect();
    assets.sort();
    for p in assets {
        text.push_str(&format!("\n/{p}\n  Cache-Control: {IMMUTABLE}\n"));
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

    /// The rules of a `_headers` file: (path, header lines).
    fn rules(text: &str) -> Vec<(String, Vec<String>)> {
        let mut out: Vec<(String, Vec<String>)> = Vec::new();
        for line in text.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            if line.starts_with('/') {
                out.push((line.to_string(), Vec::new()));
            } else {
                out.last_mut().unwrap().1.push(line.trim().to_string());
            }
        }
        out
    }

    #[test]
    fn headers_cache_assets_for_a_year_and_leave_the_rest_to_the_default() {
        let h = headers_file(&[
            out("index.html"),
            out("briefings/x/index.html"),
            out("404.html"),
            out("style.9cc4fcb14c.css"),
            out("js/search.0123456789.js"),
            out("atom.xml"),
            out("data/summary.json"),
            out(".nojekyll"),
        ]);
        let text = String::from_utf8(h.bytes).unwrap();
        let rules = rules(&text);
        let paths: Vec<&str> = rules.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(
            paths,
            ["/*", "/js/search.0123456789.js", "/style.9cc4fcb14c.css"]
        );
        assert!(!rules[0].1.iter().any(|h| h.starts_with("Cache-Control")));
        for (_, headers) in &rules[1..] {
            assert_eq!(headers, &[format!("Cache-Control: {IMMUTABLE}")]);
        }
        assert!(!text.contains(".nojekyll"));
    }

    #[test]
    fn headers_do_not_grow_with_the_pages() {
        let paths: Vec<String> = (0..5000)
            .map(|i| format!("briefings/b{i}/index.html"))
            .chain(["style.9cc4fcb14c.css".to_string()])
            .collect();
        let outputs: Vec<OutputRef> = paths.iter().map(|p| out(p)).collect();
        let text = String::from_utf8(headers_file(&outputs).bytes).unwrap();
        assert_eq!(rules(&text).len(), 2, "{text}");
        assert!(text.len() < 1024);
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
