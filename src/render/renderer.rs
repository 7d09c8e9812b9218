//! Tera set up for a theme: the templates parsed once, the site's functions (`url`,
//! `asset`), fingerprinted static files, and Tera errors as located diagnostics.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use tera::{Context, Kwargs, State, Tera};

use super::templatecheck;
use crate::common::hash::sha256_hex;
use crate::config::SiteConfig;
use crate::diagnostics::{Diagnostic, Location};
use crate::theme::Theme;

/// Tera with the theme's templates and the site's functions, built once.
pub struct Renderer {
    tera: Tera,
    pub(super) origins: BTreeMap<String, PathBuf>,
    /// Static files with their output paths (fingerprinted for css and js).
    pub(super) statics: Vec<(String, String)>,
    pub(super) theme: Theme,
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

pub(super) fn join_base(base_path: &str, path: &str) -> String {
    if path.starts_with("http://") || path.starts_with("https://") {
        return path.to_string();
    }
    format!(
        "{}/{}",
        base_path.trim_end_matches('/'),
        path.trim_start_matches('/')
    )
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
}
