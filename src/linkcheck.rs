//! Internal link checking over the rendered outputs (pure: a function of the
//! `Vec<Output>`, reads and writes nothing).
//!
//! Every `href`, `src`, `srcset`, `poster`, `action` and OpenGraph URL of every HTML
//! output, and every `url(...)` of every CSS output, is resolved as a plain static file
//! server would resolve it when the site is served under its base path: relative
//! links against the page's folder, root-relative links under the base path, absolute
//! links on the site's own `base_url` as internal. The target must be an output (a
//! folder means its `index.html`), and a `#fragment` must be an `id` (or `<a name>`)
//! in the target page. External links are not fetched.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use html5gum::emitters::callback::{CallbackEmitter, CallbackEvent};
use html5gum::{Emitter, ForwardingEmitter, Span, Tokenizer};
use rayon::prelude::*;

use crate::diagnostics::Diagnostic;
use crate::render::Output;

/// One URL found in an output, with the attribute it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    pub attr: String,
    pub url: String,
}

/// What an HTML page offers to links (its ids) and what it links to.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scanned {
    pub ids: BTreeSet<String>,
    pub refs: Vec<Reference>,
}

/// A start tag as the tokenizer reads it: its name and attributes (the first of
/// duplicate attributes wins, as in a browser).
#[derive(Default)]
struct StartTag {
    name: Vec<u8>,
    attrs: Vec<(Vec<u8>, Vec<u8>)>,
    /// The attribute being read, unless it repeats an earlier one.
    current: Option<usize>,
}

impl StartTag {
    fn attr(&self, key: &str) -> Option<String> {
        self.attrs
            .iter()
            .find(|(k, _)| k == key.as_bytes())
            .map(|(_, v)| String::from_utf8_lossy(v).into_owned())
    }
}

/// Tokenizes an HTML document and collects its ids and the URLs it references.
///
/// Through html5gum's callback emitter: only start tags and their attributes are kept,
/// from one reused buffer, instead of a token (and a string) for every text run.
pub fn scan_html(html: &[u8]) -> Scanned {
    let mut out = Scanned::default();
    let text = String::from_utf8_lossy(html);
    let mut tag = StartTag::default();
    let callback = |event: CallbackEvent<'_>, _: Span<()>| -> Option<()> {
        match event {
            CallbackEvent::OpenStartTag { name } => {
                tag.name.clear();
                tag.name.extend_from_slice(name);
                tag.attrs.clear();
                tag.current = None;
            }
            CallbackEvent::AttributeName { name } => {
                tag.current = if tag.attrs.iter().any(|(k, _)| k == name) {
                    None
                } else {
                    tag.attrs.push((name.to_vec(), Vec::new()));
                    Some(tag.attrs.len() - 1)
                };
            }
            CallbackEvent::AttributeValue { value } => {
                if let Some(i) = tag.current {
                    tag.attrs[i].1.extend_from_slice(value);
                }
            }
            CallbackEvent::CloseStartTag { .. } => visit_tag(&tag, &mut out),
            _ => {}
        }
        None
    };
    // Switch to raw text inside <script>, <style>, <textarea>, <title> as a browser does.
    let mut emitter = CallbackEmitter::new(callback);
    emitter.naively_switch_states(true);
    for _ in Tokenizer::new_with_emitter(text.as_ref(), Quiet(emitter)) {}
    out
}

/// An emitter that forwards everything but asks for no parse errors, so that the
/// tokenizer skips checking every character for them (a quarter of a scan).
struct Quiet<E>(E);

impl<E: Emitter> ForwardingEmitter for Quiet<E> {
    type Token = E::Token;

    fn inner(&mut self) -> &mut impl Emitter<Token = Self::Token> {
        &mut self.0
    }

    #[inline]
    fn should_emit_errors(&mut self) -> bool {
        false
    }
}

/// Adds what one start tag offers (ids) and references (URLs) to `out`.
fn visit_tag(tag: &StartTag, out: &mut Scanned) {
    let name = String::from_utf8_lossy(&tag.name).to_ascii_lowercase();
    let attr = |key: &str| tag.attr(key);
    if let Some(id) = attr("id") {
        out.ids.insert(id);
    }
    if name == "a"
        && let Some(n) = attr("name")
    {
        out.ids.insert(n);
    }
    let mut push = |attr: &str, url: String| {
        out.refs.push(Reference {
            attr: format!("{name} {attr}"),
            url,
        })
    };
    for key in ["href", "src", "poster", "action"] {
        if let Some(v) = attr(key) {
            // A preconnect or dns-prefetch hint names a host, not a resource.
            let hint = name == "link"
                && attr("rel")
                    .is_some_and(|r| r.contains("preconnect") || r.contains("dns-prefetch"));
            if !hint {
                push(key, v);
            }
        }
    }
    if let Some(set) = attr("srcset") {
        for candidate in set.split(',') {
            if let Some(u) = candidate.split_whitespace().next() {
                push("srcset", u.to_string());
            }
        }
    }
    if name == "meta"
        && let (Some(prop), Some(content)) = (attr("property").or(attr("name")), attr("content"))
        && matches!(
            prop.as_str(),
            "og:url" | "og:image" | "twitter:image" | "twitter:url"
        )
    {
        push(&prop, content);
    }
}

/// The `url(...)` references of a style sheet.
pub fn scan_css(css: &str) -> Vec<Reference> {
    let mut out = Vec::new();
    let mut rest = css;
    while let Some(i) = rest.find("url(") {
        rest = &rest[i + 4..];
        let Some(end) = rest.find(')') else { break };
        let raw = rest[..end].trim().trim_matches(['"', '\'']).trim();
        if !raw.is_empty() {
            out.push(Reference {
                attr: "url()".into(),
                url: raw.to_string(),
            });
        }
        rest = &rest[end..];
    }
    out
}

/// Where a URL points, seen from one output.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// Another site, or a scheme that is not a page (`mailto:`, `data:`): not checked.
    External,
    /// A path inside the output folder (no leading slash, percent-decoded; a folder
    /// ends with `/` or is empty) and an optional fragment.
    Internal {
        path: String,
        fragment: Option<String>,
    },
    /// A root-relative link that is not under the base path, or `..` above it.
    OutsideBase,
}

fn has_scheme(url: &str) -> bool {
    match url.find(':') {
        Some(i) if i > 0 => {
            let s = &url[..i];
            s.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
                && s.chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
        }
        _ => false,
    }
}

/// Decodes `%xx` escapes (invalid ones are kept as they are).
pub fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%'
            && i + 2 < bytes.len()
            && let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2]))
        {
            out.push((h * 16 + l) as u8);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Resolves `url` as found in the output at `from` (e.g. `briefings/x/index.html`),
/// for a site published at `base_url` (absolute, ending in `/`).
pub fn resolve(from: &str, url: &str, base_url: &str) -> Target {
    let url = url.trim();
    let base_path = crate::config::base_path_of(base_url);
    let (url, fragment) = match url.split_once('#') {
        Some((u, f)) => (u, Some(percent_decode(f))),
        None => (url, None),
    };
    let url = url.split('?').next().unwrap_or_default();
    let site_path: String = if has_scheme(url) || url.starts_with("//") {
        let with_scheme = if url.starts_with("//") {
            let scheme = base_url.split("//").next().unwrap_or("https:");
            format!("{scheme}{url}")
        } else {
            url.to_string()
        };
        let base_no_slash = base_url.trim_end_matches('/');
        if with_scheme == base_no_slash {
            base_path.clone()
        } else if let Some(rest) = with_scheme.strip_prefix(base_url) {
            format!("{base_path}{rest}")
        } else {
            return Target::External;
        }
    } else if url.starts_with('/') {
        url.to_string()
    } else {
        // Relative to the folder of the page.
        let dir = match from.rfind('/') {
            Some(i) => &from[..=i],
            None => "",
        };
        let joined = format!("{base_path}{dir}{url}");
        if url.is_empty() {
            // `#frag` or `?q`: the page itself.
            return Target::Internal {
                path: from.to_string(),
                fragment,
            };
        }
        joined
    };
    // Fold `.` and `..`, keeping a trailing slash.
    let trailing =
        site_path.ends_with('/') || site_path.ends_with("/.") || site_path.ends_with("/..");
    let mut parts: Vec<&str> = Vec::new();
    for seg in site_path.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                if parts.pop().is_none() {
                    return Target::OutsideBase;
                }
            }
            s => parts.push(s),
        }
    }
    let mut normal = format!("/{}", parts.join("/"));
    if trailing && !normal.ends_with('/') {
        normal.push('/');
    }
    let under = if normal == base_path.trim_end_matches('/') {
        Some("")
    } else {
        normal.strip_prefix(base_path.as_str())
    };
    match under {
        Some(rel) => Target::Internal {
            path: percent_decode(rel),
            fragment,
        },
        None => Target::OutsideBase,
    }
}

/// A broken reference found in one output.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Broken {
    /// The output that holds the link, e.g. `briefings/x/index.html`.
    pub page: String,
    pub reference: Reference,
    pub problem: String,
}

/// Checks every internal reference of every output. `base_url` is the site's absolute
/// URL (its path is the base path the site is served under).
pub fn check_outputs(outputs: &[Output], base_url: &str) -> Vec<Broken> {
    let files: BTreeSet<&str> = outputs.iter().map(|o| o.path.as_str()).collect();
    // Outputs are scanned independently: on every core (the maps are ordered by path,
    // so the result does not depend on the order the scans finish in).
    enum Found {
        Html(Scanned),
        Css(Vec<Reference>),
    }
    let found: Vec<(&str, Found)> = outputs
        .par_iter()
        .filter_map(|o| {
            if o.path.ends_with(".html") || o.path.ends_with(".htm") {
                Some((o.path.as_str(), Found::Html(scan_html(&o.bytes))))
            } else if o.path.ends_with(".css") {
                let refs = scan_css(&String::from_utf8_lossy(&o.bytes));
                Some((o.path.as_str(), Found::Css(refs)))
            } else {
                None
            }
        })
        .collect();
    let mut scanned: BTreeMap<&str, Scanned> = BTreeMap::new();
    let mut css_refs: BTreeMap<&str, Vec<Reference>> = BTreeMap::new();
    for (path, f) in found {
        match f {
            Found::Html(s) => {
                scanned.insert(path, s);
            }
            Found::Css(refs) => {
                css_refs.insert(path, refs);
            }
        }
    }
    let base_path = crate::config::base_path_of(base_url);
    let all: Vec<(&str, &Reference)> = scanned
        .iter()
        .flat_map(|(page, s)| s.refs.iter().map(move |r| (*page, r)))
        .chain(
            css_refs
                .iter()
                .flat_map(|(page, refs)| refs.iter().map(move |r| (*page, r))),
        )
        .collect();
    // Each reference is resolved alone; `collect` keeps their order.
    let check = |&(page, r): &(&str, &Reference)| -> Option<Broken> {
        let problem = match resolve(page, &r.url, base_url) {
            Target::External => None,
            Target::OutsideBase => Some(format!(
                "it points outside the site, which is served under `{base_path}`"
            )),
            Target::Internal { path, fragment } => {
                let file = if path.is_empty() || path.ends_with('/') {
                    format!("{path}index.html")
                } else if files.contains(path.as_str()) {
                    path.clone()
                } else {
                    // A folder linked without its slash: servers redirect to it.
                    format!("{path}/index.html")
                };
                if !files.contains(file.as_str()) {
                    Some(format!("no file `{path}` in the built site"))
                } else {
                    match (fragment, scanned.get(file.as_str())) {
                        (Some(f), Some(target)) if !f.is_empty() && f != "top" => {
                            (!target.ids.contains(&f))
                                .then(|| format!("`{file}` has no element with id `{f}`"))
                        }
                        _ => None,
                    }
                }
            }
        };
        problem.map(|problem| Broken {
            page: page.to_string(),
            reference: r.clone(),
            problem,
        })
    };
    all.par_iter().filter_map(check).collect()
}

/// Broken links as diagnostics: one per distinct (URL, problem), naming the pages
/// that hold it and, where a page comes from a content file, that file.
/// `sources` maps an output path to the file it was rendered from.
pub fn diagnostics(broken: &[Broken], sources: &BTreeMap<String, PathBuf>) -> Vec<Diagnostic> {
    let mut groups: BTreeMap<(&str, &str), Vec<&Broken>> = BTreeMap::new();
    for b in broken {
        groups
            .entry((b.reference.url.as_str(), b.problem.as_str()))
            .or_default()
            .push(b);
    }
    let mut out = Vec::new();
    for ((url, problem), list) in groups {
        let first = list[0];
        let mut pages: Vec<&str> = list.iter().map(|b| b.page.as_str()).collect();
        pages.dedup();
        let mut d = Diagnostic::new(format!("broken link `{url}` on {}", first.page));
        if let Some(src) = sources.get(&first.page) {
            d = d.in_file(src);
        }
        d = d.cause(format!(
            "{} ({}): {problem}",
            first.page, first.reference.attr
        ));
        if pages.len() > 1 {
            let shown: Vec<&str> = pages.iter().skip(1).take(5).copied().collect();
            let more = pages.len() - 1 - shown.len();
            d = d.cause(format!(
                "also on {}{}",
                shown.join(", "),
                if more > 0 {
                    format!(" and {more} more")
                } else {
                    String::new()
                }
            ));
        }
        let hint = if problem.contains("outside the site") {
            "in templates write links with url(path=\"/...\"); in Markdown write site paths such as /summary/ (the base path is added) or paths relative to the page"
        } else if problem.contains("has no element with id") {
            "link to a heading's id (see the page's table of contents) or remove the #fragment"
        } else {
            "fix the link or add the page it points to"
        };
        out.push(d.hint(hint));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn out(path: &str, s: &str) -> Output {
        Output {
            path: path.into(),
            bytes: s.as_bytes().to_vec(),
        }
    }

    #[test]
    fn scans_unquoted_and_quoted_attributes_and_ids() {
        let s = scan_html(
            b"<a href=/x/ id=top>a</a><img src='i.png' srcset=\"a.png 1x, b.png 2x\"><a name=n></a><script>var a='<a href=no>'</script>",
        );
        let urls: Vec<&str> = s.refs.iter().map(|r| r.url.as_str()).collect();
        assert_eq!(urls, ["/x/", "i.png", "a.png", "b.png"]);
        assert!(s.ids.contains("top") && s.ids.contains("n"));
    }

    #[test]
    fn the_first_of_duplicate_attributes_wins_and_an_empty_one_counts() {
        // As a browser reads them: the second href is dropped; `id=""` is an empty id.
        let s = scan_html(
            b"<a href=/one/ href=/two/ id=\"\">a</a><link rel=preconnect href=https://cdn.example>",
        );
        let urls: Vec<&str> = s.refs.iter().map(|r| r.url.as_str()).collect();
        assert_eq!(urls, ["/one/"]);
        assert_eq!(s.refs[0].attr, "a href");
        assert!(s.ids.contains(""));
    }

    #[test]
    fn entities_in_attributes_are_decoded() {
        let s = scan_html(b"<a href=\"/a/?x=1&amp;y=2#s&#45;1\">x</a>");
        assert_eq!(s.refs[0].url, "/a/?x=1&y=2#s-1");
    }

    #[test]
    fn resolves_relative_root_relative_and_absolute_urls() {
        let base = "https://example.org/b/";
        let int = |p: &str, f: Option<&str>| Target::Internal {
            path: p.into(),
            fragment: f.map(String::from),
        };
        assert_eq!(
            resolve("x/index.html", "/b/summary/", base),
            int("summary/", None)
        );
        assert_eq!(
            resolve("x/index.html", "../y/#s1", base),
            int("y/", Some("s1"))
        );
        assert_eq!(
            resolve("x/index.html", "#s1", base),
            int("x/index.html", Some("s1"))
        );
        assert_eq!(
            resolve("index.html", "https://example.org/b/atom.xml", base),
            int("atom.xml", None)
        );
        assert_eq!(
            resolve("index.html", "https://example.org/b", base),
            int("", None)
        );
        assert_eq!(resolve("index.html", "/b", base), int("", None));
        assert_eq!(
            resolve("index.html", "https://other.org/", base),
            Target::External
        );
        assert_eq!(
            resolve("index.html", "mailto:a@b.c", base),
            Target::External
        );
        assert_eq!(
            resolve("index.html", "/summary/", base),
            Target::OutsideBase
        );
        assert_eq!(resolve("index.html", "../../x", base), Target::OutsideBase);
        assert_eq!(
            resolve("index.html", "caf%C3%A9/", base),
            int("café/", None)
        );
    }

    #[test]
    fn finds_missing_pages_and_fragments() {
        let outputs = vec![
            out(
                "index.html",
                "<a href=/a/>ok</a><a href=/a/#there>ok</a><a href=/a#there>ok</a><a href=/a/#nowhere>x</a><a href=/missing/>x</a><a href=#top>ok</a>",
            ),
            out("a/index.html", "<h2 id=there>T</h2><a href=../>up</a>"),
            out("style.css", "body{background:url(\"bg.png\")}"),
        ];
        let broken = check_outputs(&outputs, "https://example.org/");
        let urls: Vec<&str> = broken.iter().map(|b| b.reference.url.as_str()).collect();
        assert_eq!(urls, ["/a/#nowhere", "/missing/", "bg.png"], "{broken:?}");
        assert!(broken[0].problem.contains("no element with id `nowhere`"));
    }

    #[test]
    fn diagnostics_group_pages_and_name_the_source() {
        let b = |page: &str| Broken {
            page: page.into(),
            reference: Reference {
                attr: "a href".into(),
                url: "/gone/".into(),
            },
            problem: "no file `gone/` in the built site".into(),
        };
        let mut sources = BTreeMap::new();
        sources.insert("x/index.html".to_string(), PathBuf::from("content/x.md"));
        let d = diagnostics(&[b("x/index.html"), b("y/index.html")], &sources);
        assert_eq!(d.len(), 1);
        let text = d[0].to_string();
        assert!(
            text.contains("broken link `/gone/` on x/index.html in content/x.md"),
            "{text}"
        );
        assert!(text.contains("also on y/index.html"), "{text}");
    }
}
