//! Request paths to output keys (pure: no filesystem, so nothing outside the built site
//! can ever be named, whatever the path says — `..`, `%2e%2e`, backslashes, NUL, an
//! absolute path or a symlink on disk).

/// Why a request path was refused (answered with 400 Bad Request).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BadPath {
    /// A `%` not followed by two hex digits.
    BadEscape,
    /// Not UTF-8 once decoded.
    NotUtf8,
    /// A NUL byte or a backslash.
    ForbiddenByte,
    /// A `.` or `..` segment.
    DotSegment,
}

impl std::fmt::Display for BadPath {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            BadPath::BadEscape => "malformed percent-escape in the path",
            BadPath::NotUtf8 => "the path is not UTF-8",
            BadPath::ForbiddenByte => "the path holds a NUL byte or a backslash",
            BadPath::DotSegment => "the path holds a `.` or `..` segment",
        })
    }
}

/// A request path, decoded and checked: its segments joined by `/` (no leading or
/// trailing slash, no empty segment) and whether it ended with a slash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SitePath {
    pub key: String,
    pub trailing_slash: bool,
}

fn hex(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

/// Strict percent-decoding: every `%` must start a two-digit escape.
pub fn percent_decode(raw: &str) -> Result<String, BadPath> {
    let bytes = raw.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hi = bytes.get(i + 1).copied().and_then(hex);
            let lo = bytes.get(i + 2).copied().and_then(hex);
            match (hi, lo) {
                (Some(h), Some(l)) => out.push(h << 4 | l),
                _ => return Err(BadPath::BadEscape),
            }
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).map_err(|_| BadPath::NotUtf8)
}

/// Decodes and checks the path part of a request URI (without the query).
pub fn parse(raw_path: &str) -> Result<SitePath, BadPath> {
    let decoded = percent_decode(raw_path)?;
    if decoded.contains(['\0', '\\']) {
        return Err(BadPath::ForbiddenByte);
    }
    let mut segments = Vec::new();
    for seg in decoded.split('/') {
        match seg {
            "" => {}
            "." | ".." => return Err(BadPath::DotSegment),
            s => segments.push(s),
        }
    }
    Ok(SitePath {
        key: segments.join("/"),
        trailing_slash: decoded.ends_with('/') || segments.is_empty(),
    })
}

/// What a lookup in the built site found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolved {
    /// The output with this key.
    File(String),
    /// A folder asked for without its trailing slash: redirect here (keeps relative links right).
    AddSlash(String),
    NotFound,
}

/// Finds a path among the output keys: the file itself, or the folder's `index.html`.
pub fn resolve(path: &SitePath, has: impl Fn(&str) -> bool) -> Resolved {
    if path.key.is_empty() {
        return if has("index.html") {
            Resolved::File("index.html".into())
        } else {
            Resolved::NotFound
        };
    }
    if !path.trailing_slash && has(&path.key) {
        return Resolved::File(path.key.clone());
    }
    let index = format!("{}/index.html", path.key);
    if has(&index) {
        return if path.trailing_slash {
            Resolved::File(index)
        } else {
            Resolved::AddSlash(format!("/{}/", path.key))
        };
    }
    Resolved::NotFound
}

/// The site path a tab is on, as the server names changed pages: `/briefings/x/`, `/`,
/// `/404.html`. Output keys map the same way (see [`page_of_output`]).
pub fn normalize_page(path: &str) -> String {
    let p = path.split(['?', '#']).next().unwrap_or("/");
    let p = p.strip_suffix("index.html").unwrap_or(p);
    if p.starts_with('/') {
        p.to_string()
    } else {
        format!("/{p}")
    }
}

/// The site path of an HTML output: `briefings/x/index.html` → `/briefings/x/`.
pub fn page_of_output(key: &str) -> Option<String> {
    key.ends_with(".html").then(|| normalize_page(key))
}

/// The `Content-Type` of an output, by its name.
pub fn content_type(key: &str) -> &'static str {
    let name = key.rsplit('/').next().unwrap_or(key);
    if name == "atom.xml" {
        return "application/atom+xml; charset=utf-8";
    }
    let ext = name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" | "map" => "application/json",
        "xml" => "application/xml; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        "csv" => "text/csv; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        "wasm" => "application/wasm",
        "pdf" => "application/pdf",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(raw: &str) -> Result<String, BadPath> {
        parse(raw).map(|p| p.key)
    }

    #[test]
    fn plain_paths_become_keys() {
        assert_eq!(key("/").unwrap(), "");
        assert_eq!(key("/briefings/x/").unwrap(), "briefings/x");
        assert_eq!(key("//briefings///x").unwrap(), "briefings/x");
        assert_eq!(key("/caf%C3%A9/").unwrap(), "café");
        assert!(parse("/a/").unwrap().trailing_slash);
        assert!(!parse("/a").unwrap().trailing_slash);
    }

    #[test]
    fn traversal_and_odd_bytes_are_refused() {
        for raw in [
            "/../etc/passwd",
            "/a/../../etc/passwd",
            "/%2e%2e/etc/passwd",
            "/%2E%2E%2Fetc%2Fpasswd",
            "/a/%2e%2e%2f%2e%2e%2fetc",
            "/./index.html",
            "/..",
        ] {
            assert_eq!(key(raw), Err(BadPath::DotSegment), "{raw}");
        }
        for raw in ["/..%5c..%5cetc", "/a%00.html", "/a\\b"] {
            assert_eq!(key(raw), Err(BadPath::ForbiddenByte), "{raw}");
        }
        assert_eq!(key("/%zz"), Err(BadPath::BadEscape));
        assert_eq!(key("/%2"), Err(BadPath::BadEscape));
        assert_eq!(key("/%ff"), Err(BadPath::NotUtf8));
    }

    #[test]
    fn absolute_paths_stay_inside_the_site() {
        // `//etc/passwd` is just the key `etc/passwd`, looked up among the outputs.
        let p = parse("//etc/passwd").unwrap();
        assert_eq!(p.key, "etc/passwd");
        assert_eq!(resolve(&p, |_| false), Resolved::NotFound);
    }

    #[test]
    fn folders_serve_their_index_and_gain_a_slash() {
        let has = |k: &str| ["index.html", "a/index.html", "style.css"].contains(&k);
        assert_eq!(
            resolve(&parse("/").unwrap(), has),
            Resolved::File("index.html".into())
        );
        assert_eq!(
            resolve(&parse("/a/").unwrap(), has),
            Resolved::File("a/index.html".into())
        );
        assert_eq!(
            resolve(&parse("/a").unwrap(), has),
            Resolved::AddSlash("/a/".into())
        );
        assert_eq!(
            resolve(&parse("/style.css").unwrap(), has),
            Resolved::File("style.css".into())
        );
        assert_eq!(
            resolve(&parse("/style.css/").unwrap(), has),
            Resolved::NotFound
        );
        assert_eq!(resolve(&parse("/nope").unwrap(), has), Resolved::NotFound);
    }

    #[test]
    fn pages_are_named_like_tabs_name_them() {
        assert_eq!(
            page_of_output("briefings/x/index.html").as_deref(),
            Some("/briefings/x/")
        );
        assert_eq!(page_of_output("index.html").as_deref(), Some("/"));
        assert_eq!(page_of_output("404.html").as_deref(), Some("/404.html"));
        assert_eq!(page_of_output("style.css"), None);
        assert_eq!(normalize_page("/briefings/x/index.html"), "/briefings/x/");
        assert_eq!(normalize_page("/a/?q=1"), "/a/");
    }

    #[test]
    fn content_types_by_extension() {
        assert_eq!(content_type("a/index.html"), "text/html; charset=utf-8");
        assert_eq!(
            content_type("style.0123456789.css"),
            "text/css; charset=utf-8"
        );
        assert_eq!(content_type("favicon.svg"), "image/svg+xml");
        assert_eq!(
            content_type("atom.xml"),
            "application/atom+xml; charset=utf-8"
        );
        assert_eq!(
            content_type("sitemap.xml"),
            "application/xml; charset=utf-8"
        );
        assert_eq!(content_type("data/attendance.json"), "application/json");
        assert_eq!(content_type("README"), "application/octet-stream");
    }
}
