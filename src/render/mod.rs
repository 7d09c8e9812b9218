//! Stage 5, render: the analysed [`Site`] and a [`Theme`] to a list of [`Output`]s
//! (pure: returns bytes with their paths, writes nothing). One Tera instance is built
//! once per theme; generated pages are functions from the site to outputs.

pub mod attendance;
pub mod context;
pub mod listing;
pub mod memo;
pub mod publish;
pub mod search;
pub mod summary;
pub mod templatecheck;

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use rayon::prelude::*;
use serde::Serialize;
use tera::{Context, Kwargs, State, Tera, Value};

use crate::analyse::Site;
use crate::config::SiteConfig;
use crate::diagnostics::{Diagnostic, Location};
use crate::theme::Theme;
use crate::to_markdown::sha256_hex;
use context::{PageCtx, PageRef, SiteCtx, sources_ctx, taxonomies_ctx};

/// One file of the built site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Output {
    /// Path relative to the output folder, `/`-separated, e.g. `briefings/x/index.html`.
    pub path: String,
    pub bytes: Vec<u8>,
}

/// An output borrowed: what the passes over the rendered site read.
#[derive(Debug, Clone, Copy)]
pub struct OutputRef<'a> {
    pub path: &'a str,
    pub bytes: &'a [u8],
}

impl Output {
    pub fn as_ref(&self) -> OutputRef<'_> {
        OutputRef {
            path: &self.path,
            bytes: &self.bytes,
        }
    }
}

/// Switches for one render.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RenderOptions {
    /// Set by `serve`: templates add the live-reload client.
    pub live_reload: bool,
    /// Skip minification (faster; `serve` may use it).
    pub no_minify: bool,
    /// Also report template variables no page provides and render the templates no
    /// page uses (`briefing check`).
    pub check_templates: bool,
}

/// Tera with the theme's templates and the site's functions, built once.
pub struct Renderer {
    tera: Tera,
    origins: BTreeMap<String, PathBuf>,
    /// Static files with their output paths (fingerprinted for css and js).
    statics: Vec<(String, String)>,
    theme: Theme,
    /// Variables each template reads (with its parents and includes).
    variables: BTreeMap<String, std::collections::BTreeSet<String>>,
    /// Every variable of [`Renderer::variables`], once.
    all_variables: Vec<String>,
    /// What renders recorded, for [`Renderer::check_templates`].
    seen: std::sync::Mutex<templatecheck::Seen>,
}

impl std::fmt::Debug for Renderer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Renderer")
            .field("templates", &self.origins.len())
            .finish()
    }
}

/// The output path of a static file: `style.css` → `style.<hash8>.css` for CSS and JS.
pub fn fingerprinted(name: &str, bytes: &[u8]) -> String {
    let fingerprint = name.ends_with(".css") || name.ends_with(".js");
    match (fingerprint, name.rfind('.')) {
        (true, Some(dot)) => {
            let hash = &sha256_hex(bytes)[..10];
            format!("{}.{hash}{}", &name[..dot], &name[dot..])
        }
        _ => name.to_string(),
    }
}

/// Converts a Tera error into a diagnostic naming the template file, line and column.
pub fn template_diagnostic(
    err: &tera::Error,
    origins: &BTreeMap<String, PathBuf>,
    what: &str,
) -> Diagnostic {
    use tera::ErrorKind;
    let located = |report: &tera::ReportError| {
        let file = origins
            .get(report.filename())
            .cloned()
            .unwrap_or_else(|| PathBuf::from(report.filename()));
        let span = report.span();
        Diagnostic::new(what.to_string())
            .at(Location::at(file, span.start_line, span.start_col + 1))
            .cause(report.message())
    };
    let mut d = match err.kind() {
        ErrorKind::SyntaxError(r) | ErrorKind::RenderingError(r) => located(r),
        ErrorKind::TemplateNotFound(name) => Diagnostic::new(what.to_string())
            .cause(format!("template `{name}` not found"))
            .hint("add it to the theme's templates/ or the site's templates/"),
        ErrorKind::MissingParent { current, parent } => {
            let file = origins
                .get(current)
                .cloned()
                .unwrap_or_else(|| current.into());
            Diagnostic::new(what.to_string())
                .in_file(&file)
                .cause(format!(
                    "`{current}` extends `{parent}`, which does not exist"
                ))
        }
        other => Diagnostic::new(what.to_string()).cause(other),
    };
    let mut source = std::error::Error::source(err);
    while let Some(s) = source {
        d = d.cause(s);
        source = s.source();
    }
    d
}

impl Renderer {
    /// Builds Tera from the theme: every template is parsed now, so syntax errors in
    /// any template are reported together, before anything renders.
    pub fn new(theme: &Theme, config: &SiteConfig) -> Result<Renderer, Vec<Diagnostic>> {
        let mut tera = Tera::new();
        tera.autoescape_on(vec![".html", ".xml", ".htm"]);
        let origins: BTreeMap<String, PathBuf> = theme
            .templates
            .iter()
            .map(|(n, t)| (n.clone(), t.origin.clone()))
            .collect();
        let statics: Vec<(String, String)> = theme
            .statics
            .iter()
            .map(|(name, bytes)| (name.clone(), fingerprinted(name, bytes)))
            .collect();

        let base_path = config.base_path();
        let bp = base_path.clone();
        tera.register_function("url", move |kwargs: Kwargs, _: &State| {
            let path: String = kwargs.must_get("path")?;
            Ok::<String, tera::Error>(join_base(&bp, &path))
        });
        let asset_map: BTreeMap<String, String> = statics.iter().cloned().collect();
        let bp = base_path.clone();
        tera.register_function("asset", move |kwargs: Kwargs, _: &State| {
            let path: String = kwargs.must_get("path")?;
            let key = path.trim_start_matches('/');
            match asset_map.get(key) {
                Some(out) => Ok(join_base(&bp, out)),
                None => Err(tera::Error::message(format!(
                    "asset `{key}` is not in the theme's static/ folder"
                ))),
            }
        });

        let mut errors = Vec::new();
        let sources: Vec<(&str, &str)> = theme
            .templates
            .iter()
            .map(|(n, t)| (n.as_str(), t.text.as_str()))
            .collect();
        if let Err(e) = tera.add_raw_templates(sources) {
            errors.push(template_diagnostic(&e, &origins, "template error"));
        }
        for required in [
            "base.html",
            "index.html",
            "briefing.html",
            "page.html",
            "404.html",
        ] {
            if !theme.templates.contains_key(required) {
                errors.push(
                    Diagnostic::new("missing template")
                        .cause(format!("the theme has no `{required}`"))
                        .hint("add it to the theme's templates/ or the site's templates/"),
                );
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let variables: BTreeMap<String, BTreeSet<String>> = theme
            .templates
            .keys()
            .map(|name| {
                let vars = tera
                    .get_template_variables(name)
                    .map(|v| v.into_iter().map(String::from).collect())
                    .unwrap_or_default();
                (name.clone(), vars)
            })
            .collect();
        let all_variables = variables
            .values()
            .flatten()
            .cloned()
            .collect::<BTreeSet<String>>()
            .into_iter()
            .collect();
        Ok(Renderer {
            tera,
            origins,
            statics,
            theme: theme.clone(),
            variables,
            all_variables,
            seen: Default::default(),
        })
    }

    pub fn has_template(&self, name: &str) -> bool {
        self.origins.contains_key(name)
    }

    /// The context variables a template may read: Tera's list for the template, its
    /// parents and includes, plus every component's implicit parameters. `None` when
    /// Tera cannot tell (then assume it reads everything).
    pub fn template_variables(&self, name: &str) -> Option<BTreeSet<String>> {
        let mut vars: BTreeSet<String> = self
            .tera
            .get_template_variables(name)
            .ok()?
            .into_iter()
            .map(str::to_string)
            .collect();
        for component in self.tera.get_component_names() {
            let info = self.tera.get_component_definition(component)?;
            vars.extend(
                info.args()
                    .iter()
                    .filter(|a| a.is_implicit())
                    .map(|a| a.name().to_string()),
            );
        }
        Some(vars)
    }

    /// Renders one template.
    pub fn render(&self, template: &str, ctx: &Context, what: &str) -> Result<String, Diagnostic> {
        // What the context provides is looked up before taking the lock, each variable
        // once, and only what is new is recorded (pages render on every core).
        let provided: Vec<&String> = self
            .all_variables
            .iter()
            .filter(|v| ctx.contains_key(v))
            .collect();
        if let Ok(mut seen) = self.seen.lock() {
            if !seen.rendered.contains(template) {
                seen.rendered.insert(template.to_string());
            }
            for v in provided {
                if !seen.provided.contains(v) {
                    seen.provided.insert(v.clone());
                }
            }
        }
        self.tera
            .render(template, ctx)
            .map_err(|e| template_diagnostic(&e, &self.origins, what))
    }

    /// After a render: the variables no context provided, and the errors of templates
    /// no page used, rendered with `sample` (a page's context).
    pub fn check_templates(&self, sample: &Context) -> Vec<Diagnostic> {
        use templatecheck::{local_names, reached_from, undefined_variables, used_by_others};
        let seen = self.seen.lock().map(|s| s.clone()).unwrap_or_default();
        let sources: BTreeMap<String, (String, PathBuf)> = self
            .theme
            .templates
            .iter()
            .map(|(n, t)| (n.clone(), (t.text.clone(), t.origin.clone())))
            .collect();
        let texts = || sources.values().map(|(s, _)| s.as_str());
        let locals = local_names(texts());
        let used = used_by_others(texts());
        // A template of the default theme that no page used belongs to a kind of page
        // this site does not have (taxonomy terms, say): there is no context to try it
        // with. Templates the site or its theme adds are tried with a page's context.
        let builtin = Theme::embedded();
        let added = |name: &str| !builtin.templates.contains_key(name);
        let mut out = Vec::new();
        for name in sources.keys() {
            let unused = !seen.rendered.contains(name) && !used.contains(name);
            if !unused || !added(name) || !name.ends_with(".html") {
                continue;
            }
            if let Err(e) = self.tera.render(name, sample) {
                out.push(template_diagnostic(
                    &e,
                    &self.origins,
                    &format!("template `{name}`, which no page uses, fails with a page's context"),
                ));
            }
        }
        // A partial of the default theme is checked when a rendered page reached it.
        let reached = reached_from(&seen.rendered, &sources);
        let mut reported = std::collections::BTreeSet::new();
        for (name, vars) in &self.variables {
            if !reached.contains(name) && !added(name) {
                continue;
            }
            let fresh: std::collections::BTreeSet<String> =
                vars.difference(&reported).cloned().collect();
            let found = undefined_variables(name, &fresh, &seen, &locals, &sources);
            for d in &found {
                if let Some(v) = d.message.split('`').nth(1) {
                    reported.insert(v.to_string());
                }
            }
            out.extend(found);
        }
        out
    }
}

fn join_base(base_path: &str, path: &str) -> String {
    if path.starts_with("http://") || path.starts_with("https://") {
        return path.to_string();
    }
    format!(
        "{}/{}",
        base_path.trim_end_matches('/'),
        path.trim_start_matches('/')
    )
}

/// Minifies an HTML page (spec-compliant settings), then restores conforming character
/// references: minify-html 0.8 writes `<` in text as `&LT` without a semicolon, which
/// browsers parse but the Nu checker rejects.
pub fn minify_html(html: &str) -> Vec<u8> {
    let mut cfg = minify_html::Cfg::spec_compliant();
    cfg.keep_html_and_head_opening_tags = true;
    cfg.keep_closing_tags = true;
    conforming_references(&minify_html::minify(html.as_bytes(), &cfg))
}

/// Rewrites `&LT`/`&GT` without a semicolon as `&lt;`/`&gt;`, and a bare `<` that
/// cannot start a tag as `&lt;`, outside `<script>` and `<style>` elements.
///
/// One pass that copies runs of bytes other than `<` and `&` whole and compares tag
/// names in place (no allocation per byte: this runs over every page of the site).
fn conforming_references(html: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(html.len() + 16);
    let mut i = 0;
    'bytes: while i < html.len() {
        let rest = &html[i..];
        let run = rest
            .iter()
            .position(|&b| b == b'<' || b == b'&')
            .unwrap_or(rest.len());
        out.extend_from_slice(&rest[..run]);
        i += run;
        let rest = &html[i..];
        if rest.is_empty() {
            break;
        }
        // Copy raw-text elements untouched, up to their closing tag.
        for (open, close) in [
            (&b"<script"[..], &b"</script"[..]),
            (&b"<style"[..], &b"</style"[..]),
        ] {
            if starts_with_ignore_case(rest, open) {
                let end = rest
                    .windows(close.len())
                    .position(|w| w.eq_ignore_ascii_case(close))
                    .unwrap_or(rest.len());
                out.extend_from_slice(&rest[..end]);
                i += end;
                continue 'bytes;
            }
        }
        if rest.starts_with(b"&LT") || rest.starts_with(b"&GT") {
            if rest.get(3) == Some(&b';') {
                out.extend_from_slice(&rest[..4]);
                i += 4;
            } else {
                out.extend_from_slice(if rest[1] == b'L' { b"&lt;" } else { b"&gt;" });
                i += 3;
            }
            continue;
        }
        if rest[0] == b'<'
            && !rest
                .get(1)
                .is_some_and(|c| c.is_ascii_alphabetic() || matches!(c, b'/' | b'!' | b'?'))
        {
            out.extend_from_slice(b"&lt;");
            i += 1;
            continue;
        }
        out.push(rest[0]);
        i += 1;
    }
    out
}

fn starts_with_ignore_case(s: &[u8], prefix: &[u8]) -> bool {
    s.len() >= prefix.len() && s[..prefix.len()].eq_ignore_ascii_case(prefix)
}

/// Data that analysis stages add to every template context (attendance, summary).
#[derive(Debug, Clone, Default)]
pub struct Extras {
    pub values: BTreeMap<String, Value>,
}

impl Extras {
    pub fn insert<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) {
        self.values
            .insert(key.to_string(), Value::from_serializable(value));
    }
}

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

/// Everything a page-generating function needs.
pub struct RenderCtx<'a> {
    pub site: &'a Site,
    pub renderer: &'a Renderer,
    pub base: Context,
    pub options: RenderOptions,
    /// The previous build's pages that may be reused (`build` with its cache).
    pub reuse: Option<&'a memo::Reuse>,
}

impl RenderCtx<'_> {
    /// Renders `template` with the shared context plus `extra`, minified, at `path`.
    pub fn page(
        &self,
        template: &str,
        extra: Context,
        meta: Option<&Meta>,
        path: &str,
        what: &str,
    ) -> Result<Output, Diagnostic> {
        let mut ctx = self.base.clone();
        ctx.extend(extra);
        if let Some(meta) = meta {
            ctx.insert("meta", meta);
        }
        let html = self.renderer.render(template, &ctx, what)?;
        let bytes = if self.options.no_minify || !template.ends_with(".html") {
            html.into_bytes()
        } else {
            minify_html(&html)
        };
        Ok(Output {
            path: path.to_string(),
            bytes,
        })
    }
}

/// Output path of a site path: `/briefings/x/` → `briefings/x/index.html`.
pub fn output_path(site_path: &str) -> String {
    let trimmed = site_path.trim_matches('/');
    if trimmed.is_empty() {
        "index.html".to_string()
    } else {
        format!("{trimmed}/index.html")
    }
}

/// A page-generating function: the site in, its files out.
pub type Generator = fn(&RenderCtx<'_>) -> Result<Vec<Output>, Vec<Diagnostic>>;

/// The generators of every build, in order.
///
/// Also the order `serve` renders them in after an edit: the pages a reader looks at
/// first (listings, home, summary, attendance), the data files last.
pub const GENERATORS: &[Generator] = &[
    gen_pages,
    listing::gen_listings,
    gen_index,
    summary::gen_page,
    attendance::gen_page,
    gen_sources,
    gen_not_found,
    gen_search,
    gen_feeds,
    gen_statics,
    summary::gen_json,
    attendance::gen_json,
    attendance::gen_csv,
];

/// Renders the whole site. All errors of all pages are collected.
pub fn render_site(
    site: &Site,
    renderer: &Renderer,
    extras: &Extras,
    options: RenderOptions,
) -> Result<Vec<Output>, Vec<Diagnostic>> {
    render_site_reusing(site, renderer, extras, options, None)
}

/// [`render_site`], taking the content and listing pages whose inputs are unchanged from `reuse`
/// (and recording there what was rendered). The outputs are the same.
pub fn render_site_reusing(
    site: &Site,
    renderer: &Renderer,
    extras: &Extras,
    options: RenderOptions,
    reuse: Option<&memo::Reuse>,
) -> Result<Vec<Output>, Vec<Diagnostic>> {
    let base = base_context(site, renderer, extras, options);
    let rc = RenderCtx {
        site,
        renderer,
        base,
        options,
        reuse,
    };
    let mut outputs = Vec::new();
    let mut errors = Vec::new();
    // Generators are independent: a generator that works alone (the summary's JSON, say)
    // runs beside those that use every core. Their results are taken in their order.
    let results: Vec<_> = GENERATORS.par_iter().map(|g| g(&rc)).collect();
    for result in results {
        match result {
            Ok(o) => outputs.extend(o),
            Err(e) => errors.extend(e),
        }
    }
    if options.check_templates {
        errors.extend(renderer.check_templates(&sample_context(&rc)));
    }
    if let Some(reuse) = reuse {
        reuse.forget_previous();
    }
    if errors.is_empty() {
        let refs: Vec<OutputRef> = outputs.iter().map(Output::as_ref).collect();
        let extra = post_passes(site, &refs);
        outputs.extend(extra);
        outputs.sort_by(|a, b| a.path.cmp(&b.path));
        Ok(outputs)
    } else {
        Err(errors)
    }
}

/// The files made from the rendered site itself: the search index (from the pages'
/// HTML), then the hosts' files (`_headers` names every fingerprinted asset).
pub fn post_passes(site: &Site, outputs: &[OutputRef<'_>]) -> Vec<Output> {
    let mut extra: Vec<Output> = search::index_outputs(site, outputs);
    let mut all: Vec<OutputRef> = outputs.to_vec();
    all.extend(extra.iter().map(Output::as_ref));
    extra.extend(publish::host_files(&all));
    extra
}

/// The paths [`post_passes`] writes.
///
/// The search shards (`search/w/`) and records (`search/d/`) vary with the site; the
/// post passes read only HTML pages and fingerprinted assets, so the previous ones in
/// `serve`'s outputs change nothing.
pub const POST_PASS_PATHS: &[&str] = &[search::MANIFEST_PATH, "_headers", ".nojekyll"];

/// A page's context (the first page that is not the home page), for rendering
/// templates no page uses.
fn sample_context(rc: &RenderCtx<'_>) -> Context {
    let site = rc.site;
    let mut ctx = rc.base.clone();
    let path = match site.pages.iter().position(|p| p.path != "/") {
        Some(i) => {
            ctx.insert("page", &PageCtx::new(site, i));
            site.pages[i].path.clone()
        }
        None => {
            ctx.insert_value("page", Value::none());
            "/".to_string()
        }
    };
    ctx.insert("current_path", &path);
    ctx.insert("meta", &Meta::page(site, "Sample", "", &path));
    ctx
}

/// The variables every template sees.
pub fn base_context(
    site: &Site,
    renderer: &Renderer,
    extras: &Extras,
    options: RenderOptions,
) -> Context {
    let c = &site.config;
    let mut ctx = Context::new();
    ctx.insert("site", &SiteCtx::new(c));
    let pages: Vec<PageRef> = site
        .briefings
        .iter()
        .map(|&i| PageRef::new(&site.pages[i], c))
        .collect();
    ctx.insert_value("pages", Value::from_serializable(&pages));
    let nav: Vec<PageRef> = site
        .others
        .iter()
        .map(|&i| PageRef::new(&site.pages[i], c))
        .collect();
    ctx.insert_value("nav_pages", Value::from_serializable(&nav));
    ctx.insert_value(
        "taxonomies",
        Value::from_serializable(&taxonomies_ctx(site)),
    );
    ctx.insert("live_reload", &options.live_reload);
    ctx.insert("current_path", "/");
    // The analyses are the largest values (tens of megabytes at a thousand briefings):
    // converted side by side.
    let (summary, attendance) = rayon::join(
        || {
            if site.summary.is_empty() {
                Value::none()
            } else {
                Value::from_serializable(&site.summary)
            }
        },
        || attendance::context_value(site),
    );
    ctx.insert_value("summary", summary);
    ctx.insert_value("attendance", attendance);
    for (k, v) in &extras.values {
        ctx.insert_value(k.clone(), v.clone());
    }
    // The attendance outcome line the summary and home page show, read from the
    // attendance analysis when there is one.
    match summary::attendance_outcome(site, extras) {
        Some(o) => ctx.insert("attendance_outcome", &o),
        None => ctx.insert_value("attendance_outcome", Value::none()),
    }
    // What the navigation needs to know: whether the pages exist. (A page template that
    // reads only these is not re-rendered by `serve` when the summary's text changes.)
    let truthy = |k: &str| ctx.get(k).is_some_and(|v| !v.is_none());
    let (has_summary, has_attendance) = (truthy("summary"), truthy("attendance"));
    ctx.insert("has_summary", &has_summary);
    ctx.insert("has_attendance", &has_attendance);
    let assets: BTreeMap<&str, String> = renderer
        .statics
        .iter()
        .map(|(name, out)| (name.as_str(), join_base(&c.base_path(), out)))
        .collect();
    ctx.insert("assets", &assets);
    ctx
}

pub(crate) fn one<T>(r: Result<T, Diagnostic>) -> Result<T, Vec<Diagnostic>> {
    r.map_err(|d| vec![d])
}

fn page_error(site: &Site, i: usize) -> String {
    format!("failed to render page `{}`", site.pages[i].file.display())
}

/// What rendering one content page needs: its template, its own context (on top of the
/// base context), its output path. `serve` compares jobs to skip unchanged pages.
#[derive(Debug, Clone, PartialEq)]
pub struct PageJob {
    pub template: String,
    pub ctx: Context,
    pub path: String,
    pub what: String,
}

/// The job of content page `i`; `None` for the home page's introduction.
pub fn page_job(rc: &RenderCtx<'_>, i: usize) -> Option<Result<PageJob, Diagnostic>> {
    let site = rc.site;
    let p = &site.pages[i];
    if p.path == "/" {
        return None; // content/index.md is the home page's introduction
    }
    let template = match &p.front.template {
        Some(t) => t.clone(),
        None if p.is_briefing() => "briefing.html".to_string(),
        None => "page.html".to_string(),
    };
    if !rc.renderer.has_template(&template) {
        return Some(Err(Diagnostic::new(format!(
            "unknown template `{template}`"
        ))
        .in_file(&p.file)
        .hint("set `template:` to a file of the theme's templates/ folder")));
    }
    let mut ctx = Context::new();
    ctx.insert("page", &PageCtx::new(site, i));
    ctx.insert("current_path", &p.path);
    let meta = if p.is_briefing() {
        Meta::article(site, p)
    } else {
        Meta::page(
            site,
            &p.front.title,
            p.front.description.as_deref().unwrap_or(""),
            &p.path,
        )
    };
    ctx.insert("meta", &meta);
    Some(Ok(PageJob {
        template,
        ctx,
        path: output_path(&p.path),
        what: page_error(site, i),
    }))
}

/// Renders a page job.
pub fn render_job(rc: &RenderCtx<'_>, job: &PageJob) -> Result<Output, Diagnostic> {
    rc.page(&job.template, job.ctx.clone(), None, &job.path, &job.what)
}

/// Every output, or every error when any page failed.
fn all_or_errors(
    results: impl IntoIterator<Item = Result<Output, Diagnostic>>,
) -> Result<Vec<Output>, Vec<Diagnostic>> {
    let (mut out, mut errors) = (Vec::new(), Vec::new());
    for r in results {
        match r {
            Ok(o) => out.push(o),
            Err(e) => errors.push(e),
        }
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

/// The content pages (every page but the home page's introduction).
pub fn gen_pages(rc: &RenderCtx<'_>) -> Result<Vec<Output>, Vec<Diagnostic>> {
    let Some(reuse) = rc.reuse else {
        // Pages are independent: render them on every core, keep their order.
        let results: Vec<Option<Result<Output, Diagnostic>>> = (0..rc.site.pages.len())
            .into_par_iter()
            .map(|i| page_job(rc, i).map(|job| job.and_then(|job| render_job(rc, &job))))
            .collect();
        return all_or_errors(results.into_iter().flatten());
    };
    let jobs: Vec<Option<Result<PageJob, Diagnostic>>> = (0..rc.site.pages.len())
        .into_par_iter()
        .map(|i| page_job(rc, i))
        .collect();
    // Rendered together; the results in page order, each job's error in its place.
    let ok: Vec<PageJob> = jobs.iter().flatten().flatten().cloned().collect();
    let mut rendered = render_jobs_reusing(rc, reuse, &ok).into_iter();
    let results = jobs.into_iter().flatten().map(|job| match job {
        Ok(_) => rendered
            .next()
            .unwrap_or_else(|| Err(Diagnostic::new("a page was not rendered"))),
        Err(e) => Err(e),
    });
    all_or_errors(results.collect::<Vec<_>>())
}

/// Renders `jobs` on every core, taking from `reuse` the output of each job whose inputs
/// are those of the previous build, and recording there every job's input digest.
pub fn render_jobs_reusing(
    rc: &RenderCtx<'_>,
    reuse: &memo::Reuse,
    jobs: &[PageJob],
) -> Vec<Result<Output, Diagnostic>> {
    let inputs = memo::Inputs::new(
        reuse.shared,
        rc.renderer,
        &rc.base,
        jobs.iter().map(|j| j.template.as_str()),
    );
    // Each result with its input digest and, for a page taken as it was, its output's.
    type Done = (
        Result<Output, Diagnostic>,
        Option<memo::Digest>,
        Option<memo::Digest>,
    );
    let done: Vec<Done> = jobs
        .par_iter()
        .map(|job| {
            let input = inputs.digest(job);
            match input.and_then(|d| reuse.take(&job.path, &d)) {
                Some((bytes, output)) => (
                    Ok(Output {
                        path: job.path.clone(),
                        bytes,
                    }),
                    input,
                    Some(output),
                ),
                None => (render_job(rc, job), input, None),
            }
        })
        .collect();
    let made: Vec<memo::Made> = done
        .iter()
        .filter_map(|(out, input, output)| {
            Some((out.as_ref().ok()?.path.clone(), (*input)?, *output))
        })
        .collect();
    reuse.record(made);
    done.into_iter().map(|(out, _, _)| out).collect()
}

/// The generators of pages derived from the whole site, in [`GENERATORS`] order: every
/// generator but [`gen_pages`] and [`listing::gen_listings`] (`serve` renders content
/// and listing pages as jobs, to reuse those that did not change).
pub fn derived_generators() -> impl Iterator<Item = &'static Generator> {
    GENERATORS.iter().filter(|g| {
        !std::ptr::fn_addr_eq(**g, gen_pages as Generator)
            && !std::ptr::fn_addr_eq(**g, listing::gen_listings as Generator)
    })
}

fn gen_index(rc: &RenderCtx<'_>) -> Result<Vec<Output>, Vec<Diagnostic>> {
    let site = rc.site;
    let mut ctx = Context::new();
    let intro = site.pages.iter().position(|p| p.path == "/");
    match intro {
        Some(i) => ctx.insert("page", &PageCtx::new(site, i)),
        None => ctx.insert_value("page", Value::none()),
    }
    let meta = Meta::page(site, &site.config.title, &site.config.description, "/");
    one(rc
        .page(
            "index.html",
            ctx,
            Some(&meta),
            "index.html",
            "failed to render the home page",
        )
        .map(|o| vec![o]))
}

/// How many of the newest briefings the 404 page links to: the page stays the same size
/// at any number of briefings.
pub const NOT_FOUND_LATEST: usize = 5;

fn gen_not_found(rc: &RenderCtx<'_>) -> Result<Vec<Output>, Vec<Diagnostic>> {
    let site = rc.site;
    let mut ctx = Context::new();
    ctx.insert("current_path", "/404.html");
    let latest: Vec<PageRef> = site
        .briefings
        .iter()
        .take(NOT_FOUND_LATEST)
        .map(|&i| PageRef::new(&site.pages[i], &site.config))
        .collect();
    ctx.insert("latest", &latest);
    let meta = Meta::page(rc.site, "Page not found", "", "/404.html");
    one(rc
        .page(
            "404.html",
            ctx,
            Some(&meta),
            "404.html",
            "failed to render 404.html",
        )
        .map(|o| vec![o]))
}

fn gen_sources(rc: &RenderCtx<'_>) -> Result<Vec<Output>, Vec<Diagnostic>> {
    let mut ctx = Context::new();
    ctx.insert("sources", &sources_ctx(rc.site));
    ctx.insert("current_path", "/sources/");
    let meta = Meta::page(
        rc.site,
        "Sources",
        "The outlets whose reporting this briefing is built from",
        "/sources/",
    );
    one(rc
        .page(
            "sources.html",
            ctx,
            Some(&meta),
            "sources/index.html",
            "failed to render the sources page",
        )
        .map(|o| vec![o]))
}

fn gen_search(rc: &RenderCtx<'_>) -> Result<Vec<Output>, Vec<Diagnostic>> {
    if !rc.renderer.has_template("search.html") {
        return Ok(Vec::new());
    }
    let mut ctx = Context::new();
    ctx.insert("current_path", "/search/");
    let meta = Meta::page(
        rc.site,
        "Search",
        "Search every page of the briefing: articles, names, summary and attendance",
        "/search/",
    );
    one(rc
        .page(
            "search.html",
            ctx,
            Some(&meta),
            "search/index.html",
            "failed to render the search page",
        )
        .map(|o| vec![o]))
}

/// The newest date of any briefing, as the feed's `updated` (never the build time, so
/// two builds of the same input are byte-identical).
fn feed_updated(site: &Site) -> String {
    site.briefings
        .iter()
        .filter_map(|&i| site.pages[i].date)
        .max()
        .map(|d| format!("{d}T00:00:00Z"))
        .unwrap_or_else(|| "1970-01-01T00:00:00Z".to_string())
}

/// The feed carries the newest briefings, full text, like most feeds: readers poll it,
/// and a briefing of a thousand articles would otherwise ship them all on every poll.
pub const FEED_ENTRIES: usize = 50;

fn gen_feeds(rc: &RenderCtx<'_>) -> Result<Vec<Output>, Vec<Diagnostic>> {
    let site = rc.site;
    let mut results = Vec::new();
    let entries: Vec<PageCtx> = site
        .briefings
        .iter()
        .take(FEED_ENTRIES)
        .map(|&i| PageCtx::new(site, i))
        .collect();
    let mut ctx = Context::new();
    ctx.insert("entries", &entries);
    ctx.insert("updated", &feed_updated(site));
    ctx.insert("feed_url", &site.config.absolute_url("/atom.xml"));
    results.push(rc.page(
        "atom.xml",
        ctx,
        None,
        "atom.xml",
        "failed to render atom.xml",
    ));
    let mut urls: Vec<(String, Option<String>)> = vec![(site.config.absolute_url("/"), None)];
    for p in &site.pages {
        if p.path != "/" {
            urls.push((
                site.config.absolute_url(&p.path),
                p.date.map(|d| d.to_string()),
            ));
        }
    }
    let per_page = site.config.paginate_by;
    for t in &site.taxonomies {
        urls.push((site.config.absolute_url(&format!("/{}/", t.name)), None));
        for term in &t.terms {
            for n in 1..=listing::pager_count(term.pages.len(), per_page) {
                let path = listing::pager_path(&term.path, n);
                urls.push((site.config.absolute_url(&path), None));
            }
        }
    }
    if !site.briefings.is_empty() && rc.renderer.has_template("list.html") {
        for n in 1..=listing::pager_count(site.briefings.len(), per_page) {
            let path = listing::pager_path(listing::ARCHIVE_PATH, n);
            urls.push((site.config.absolute_url(&path), None));
        }
    }
    urls.push((site.config.absolute_url("/sources/"), None));
    for extra in ["/summary/", "/attendance/", "/search/"] {
        if rc
            .renderer
            .has_template(&format!("{}.html", extra.trim_matches('/')))
        {
            urls.push((site.config.absolute_url(extra), None));
        }
    }
    urls.sort();
    urls.dedup();
    #[derive(Serialize)]
    struct SitemapUrl {
        loc: String,
        lastmod: Option<String>,
    }
    let urls: Vec<SitemapUrl> = urls
        .into_iter()
        .map(|(loc, lastmod)| SitemapUrl { loc, lastmod })
        .collect();
    let mut ctx = Context::new();
    ctx.insert("urls", &urls);
    results.push(rc.page(
        "sitemap.xml",
        ctx,
        None,
        "sitemap.xml",
        "failed to render sitemap.xml",
    ));
    let mut ctx = Context::new();
    ctx.insert("sitemap_url", &site.config.absolute_url("/sitemap.xml"));
    results.push(rc.page(
        "robots.txt",
        ctx,
        None,
        "robots.txt",
        "failed to render robots.txt",
    ));
    all_or_errors(results)
}

fn gen_statics(rc: &RenderCtx<'_>) -> Result<Vec<Output>, Vec<Diagnostic>> {
    Ok(rc
        .renderer
        .statics
        .iter()
        .map(|(name, out)| Output {
            path: out.clone(),
            bytes: rc.renderer.theme.statics[name].clone(),
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprints_css_and_js_only() {
        let f = fingerprinted("style.css", b"body{}");
        assert!(
            f.starts_with("style.") && f.ends_with(".css") && f.len() == "style..css".len() + 10,
            "{f}"
        );
        assert_eq!(fingerprinted("favicon.svg", b"x"), "favicon.svg");
        assert_ne!(fingerprinted("a.js", b"1"), fingerprinted("a.js", b"2"));
    }

    #[test]
    fn output_paths_are_folder_indexes() {
        assert_eq!(output_path("/"), "index.html");
        assert_eq!(output_path("/briefings/x/"), "briefings/x/index.html");
    }

    #[test]
    fn base_is_joined_once() {
        assert_eq!(join_base("/", "/summary/"), "/summary/");
        assert_eq!(join_base("/b/", "summary/"), "/b/summary/");
        assert_eq!(join_base("/b/", "https://x/"), "https://x/");
    }

    #[test]
    fn template_syntax_error_names_file_line_and_column() {
        let mut theme = Theme::embedded();
        theme.templates.insert(
            "page.html".into(),
            crate::theme::TemplateSource {
                text: "line one\n{% if %}".into(),
                origin: "templates/page.html".into(),
            },
        );
        let errs = Renderer::new(&theme, &SiteConfig::default()).unwrap_err();
        let loc = errs[0].location.clone().expect("located");
        assert_eq!(loc.file, PathBuf::from("templates/page.html"));
        assert_eq!(loc.line, Some(2));
        assert!(loc.col.is_some());
    }

    #[test]
    fn missing_required_template_is_reported() {
        let mut theme = Theme::embedded();
        theme.templates.remove("briefing.html");
        let errs = Renderer::new(&theme, &SiteConfig::default()).unwrap_err();
        assert!(
            errs.iter()
                .any(|e| e.causes.iter().any(|c| c.contains("briefing.html")))
        );
    }

    #[test]
    fn minified_text_keeps_conforming_character_references() {
        let m = String::from_utf8(minify_html(
            "<p>&lt;b&gt;x&lt;/b&gt; and 5 &lt; 6</p><script>if (a < b) {}</script>",
        ))
        .unwrap();
        assert!(m.contains("&lt;b>x&lt;/b> and 5 &lt; 6"), "{m}");
        assert!(m.contains("if (a < b) {}"), "scripts are left alone: {m}");
        assert!(!m.contains("&LT"));
    }

    /// The first implementation, byte by byte: the reference the one-pass version
    /// must agree with.
    fn conforming_references_reference(html: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        let mut i = 0;
        let lower = |b: &[u8]| b.to_ascii_lowercase();
        while i < html.len() {
            let rest = &html[i..];
            for tag in [&b"<script"[..], &b"<style"[..]] {
                if rest.len() >= tag.len() && lower(&rest[..tag.len()]) == tag {
                    let close = if tag == b"<script" {
                        &b"</script"[..]
                    } else {
                        &b"</style"[..]
                    };
                    let end = rest
                        .windows(close.len())
                        .position(|w| lower(w) == close)
                        .unwrap_or(rest.len());
                    out.extend_from_slice(&rest[..end]);
                    i += end;
                    break;
                }
            }
            if i >= html.len() {
                break;
            }
            let rest = &html[i..];
            if rest.starts_with(b"&LT") || rest.starts_with(b"&GT") {
                if rest.get(3) == Some(&b';') {
                    out.extend_from_slice(&rest[..4]);
                    i += 4;
                } else {
                    out.extend_from_slice(if rest[1] == b'L' { b"&lt;" } else { b"&gt;" });
                    i += 3;
                }
                continue;
            }
            if rest[0] == b'<'
                && !rest
                    .get(1)
                    .is_some_and(|c| c.is_ascii_alphabetic() || matches!(c, b'/' | b'!' | b'?'))
            {
                out.extend_from_slice(b"&lt;");
                i += 1;
                continue;
            }
            out.push(rest[0]);
            i += 1;
        }
        out
    }

    #[test]
    fn conforming_references_agree_with_the_byte_by_byte_reference() {
        let cases: &[&str] = &[
            "",
            "<",
            "&",
            "&L",
            "&LT",
            "&GT;x",
            "a &LT b &GTc &LT;d &amp; e < f <3 <a href=x>y</a>",
            "<p>x</p><SCRIPT>if (a < b &LT c) {}</SCRIPT> <d",
            "<script>never closed < &LT",
            "<style>p{}</Style><stylefoo>&GT</stylefoo>",
            "<scriptx a>&LT</script>&LT<!-- c --><?p?>< <",
            "é<ü&LT€<<&&GT",
        ];
        for c in cases {
            assert_eq!(
                conforming_references(c.as_bytes()),
                conforming_references_reference(c.as_bytes()),
                "{c:?}"
            );
        }
        let page = minify_html::minify(
            include_bytes!("../../themes/briefing/templates/base.html"),
            &minify_html::Cfg::spec_compliant(),
        );
        assert_eq!(
            conforming_references(&page),
            conforming_references_reference(&page)
        );
    }

    #[test]
    fn script_json_cannot_close_its_element() {
        let s = script_json(&serde_json::json!({"a": "</script><b>"}));
        assert!(!s.contains('<'), "{s}");
    }

    #[test]
    fn minify_keeps_text_and_shrinks() {
        let html = "<!DOCTYPE html>\n<html lang=\"en\">\n  <head><title>T</title></head>\n  <body>\n    <p>Hello   world</p>\n  </body>\n</html>\n";
        let m = String::from_utf8(minify_html(html)).unwrap();
        assert!(m.len() < html.len());
        assert!(m.contains("Hello world"));
    }
}
