//! Template checks for `briefing check` (pure over the templates and what a render
//! recorded): template variables that no page's context provides, and templates that
//! no page used, rendered once with a sample page's context so that their errors show
//! with file, line and column.
//!
//! Tera 2 fails on an undefined variable only when the line that prints it (or reads
//! a field of it) runs, and takes it as false in `{% if typo %}`; so a typo in a branch
//! the site does not take (`{% if page.images %}{{ imgae }}`), or in a condition, passes
//! every build. [`undefined_variables`] finds it from the template's source via
//! `Tera::get_template_variables`, minus the names the templates define themselves
//! (`for`, `set`, component arguments) or guard (`is defined`, `default`).

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::sync::LazyLock;

use regex::Regex;

use crate::diagnostics::{Diagnostic, Location, line_col};

/// What renders recorded: the templates rendered directly and the variable names some
/// context provided.
#[derive(Debug, Clone, Default)]
pub struct Seen {
    pub rendered: BTreeSet<String>,
    pub provided: BTreeSet<String>,
}

/// Names Tera defines in every template.
const BUILTIN: &[&str] = &["loop", "__tera_context", "__tera_one_off"];

static LOCAL_DEFS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\{%-?\s*(?:for\s+(\w+)(?:\s*,\s*(\w+))?\s+in\b|set(?:_global)?\s+(\w+)\s*=|component\s+\w+\s*\(([^)]*)\))",
    )
    .expect("valid regex")
});

/// Variables a template guards itself: `x is defined`, `x is undefined`, `x | default(...)`.
static GUARDED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(\w+)\s+is\s+(?:not\s+)?(?:defined|undefined)\b|\b(\w+)\s*\|\s*default\s*\(")
        .expect("valid regex")
});

static TAGS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?s)\{\{.*?\}\}|\{%.*?%\}").expect("valid regex"));

static RELATIONS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"\{%-?\s*(?:extends|include|import)\s+["']([^"']+)["']"#).expect("valid regex")
});

/// Every name a template defines for itself (loop variables, `set` targets and
/// component arguments) or reads only with a guard (`is defined`, `default`).
pub fn local_names<'a>(sources: impl IntoIterator<Item = &'a str>) -> BTreeSet<String> {
    let mut out: BTreeSet<String> = BUILTIN.iter().map(|s| s.to_string()).collect();
    for src in sources {
        for c in GUARDED.captures_iter(src) {
            if let Some(m) = c.get(1).or(c.get(2)) {
                out.insert(m.as_str().to_string());
            }
        }
        for c in LOCAL_DEFS.captures_iter(src) {
            for i in 1..=3 {
                if let Some(m) = c.get(i) {
                    out.insert(m.as_str().to_string());
                }
            }
            if let Some(args) = c.get(4) {
                for a in args.as_str().split(',') {
                    let name: String = a
                        .trim()
                        .chars()
                        .take_while(|c| c.is_alphanumeric() || *c == '_')
                        .collect();
                    if !name.is_empty() {
                        out.insert(name);
                    }
                }
            }
        }
    }
    out
}

/// Templates that another template extends, includes or imports.
pub fn used_by_others<'a>(sources: impl IntoIterator<Item = &'a str>) -> BTreeSet<String> {
    sources
        .into_iter()
        .flat_map(|s| RELATIONS.captures_iter(s).map(|c| c[1].to_string()))
        .collect()
}

/// The templates a render reached: those rendered and, transitively, those they extend,
/// include or import.
pub fn reached_from(
    rendered: &BTreeSet<String>,
    sources: &BTreeMap<String, (String, PathBuf)>,
) -> BTreeSet<String> {
    let mut reached = rendered.clone();
    let mut todo: Vec<String> = rendered.iter().cloned().collect();
    while let Some(name) = todo.pop() {
        let Some((src, _)) = sources.get(&name) else {
            continue;
        };
        for other in used_by_others([src.as_str()]) {
            if reached.insert(other.clone()) {
                todo.push(other);
            }
        }
    }
    reached
}

/// Where `name` is first read as a variable in `source` (1-based line and column).
pub fn find_variable(source: &str, name: &str) -> Option<(usize, usize)> {
    let word = Regex::new(&format!(r"(^|[^\w.]){}\b", regex::escape(name))).ok()?;
    for tag in TAGS.find_iter(source) {
        let inner = tag.as_str();
        // Skip string literals by blanking them out (same length, so offsets hold).
        let mut blanked = String::with_capacity(inner.len());
        let mut quote: Option<char> = None;
        for ch in inner.chars() {
            match quote {
                Some(q) if ch == q => {
                    quote = None;
                    blanked.push(ch);
                }
                Some(_) => blanked.extend(std::iter::repeat_n(' ', ch.len_utf8())),
                None => {
                    if matches!(ch, '"' | '\'' | '`') {
                        quote = Some(ch);
                    }
                    blanked.push(ch);
                }
            }
        }
        if let Some(m) = word.captures(&blanked).and_then(|c| c.get(0)) {
            let lead = m.as_str().len() - name.len();
            return Some(line_col(source, tag.start() + m.start() + lead));
        }
    }
    None
}

/// Variables read by `template` (with its parents and includes, as Tera reports them)
/// that no render provided and no template defines. One diagnostic per variable.
pub fn undefined_variables(
    template: &str,
    variables: &BTreeSet<String>,
    seen: &Seen,
    locals: &BTreeSet<String>,
    sources: &BTreeMap<String, (String, PathBuf)>,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for v in variables {
        if seen.provided.contains(v) || locals.contains(v) {
            continue;
        }
        // Point at the first place it is read: this template first, then the others.
        let mut order: Vec<&String> = sources.keys().filter(|k| *k == template).collect();
        order.extend(sources.keys().filter(|k| *k != template));
        let found = order.into_iter().find_map(|name| {
            let (src, origin) = &sources[name];
            find_variable(src, v).map(|(l, c)| Location::at(origin.clone(), l, c))
        });
        let mut d = Diagnostic::new(format!("template variable `{v}` does not exist"));
        if let Some(loc) = found {
            d = d.at(loc);
        }
        let known: Vec<&str> = seen.provided.iter().map(String::as_str).collect();
        let hint = match crate::frontmatter::did_you_mean(v, &known) {
            Some(near) => {
                format!("did you mean `{near}`? (see \"Template context\" in the README)")
            }
            None => format!(
                "no page provides it; templates receive: {}",
                known.join(", ")
            ),
        };
        out.push(d.cause(format!("read by `{template}`")).hint(hint));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_names_cover_loops_sets_and_components() {
        let l = local_names([
            "{% for p in pages %}{% for k, v in m %}{%- set x = 1 %}{% set_global y = 2 %}{% component Card(title, size=2) %}",
        ]);
        for n in ["p", "k", "v", "x", "y", "title", "size", "loop"] {
            assert!(l.contains(n), "{n}");
        }
        let g = local_names(["{% if extra is defined %}{{ other | default(value=1) }}{% endif %}"]);
        for n in ["extra", "other"] {
            assert!(g.contains(n), "{n}");
        }
    }

    #[test]
    fn relations_name_parents_and_includes() {
        let u = used_by_others([r#"{% extends "base.html" %}{% include 'partials/card.html' %}"#]);
        assert!(u.contains("base.html") && u.contains("partials/card.html"));
    }

    #[test]
    fn finds_the_variable_not_a_field_or_a_string() {
        let src =
            "<p>{{ page.site }}</p>\n<p>{{ \"site\" }} {{ x | default(value=site.title) }}</p>";
        assert_eq!(find_variable(src, "site"), Some((2, 38)));
        assert_eq!(find_variable(src, "nothing"), None);
    }

    #[test]
    fn reports_unprovided_variables_with_a_hint() {
        let mut sources = BTreeMap::new();
        sources.insert(
            "page.html".to_string(),
            (
                "<h1>{{ sitee.title }}</h1>".to_string(),
                PathBuf::from("templates/page.html"),
            ),
        );
        let seen = Seen {
            rendered: BTreeSet::new(),
            provided: ["site", "page"].iter().map(|s| s.to_string()).collect(),
        };
        let vars: BTreeSet<String> = ["sitee", "page"].iter().map(|s| s.to_string()).collect();
        let d = undefined_variables("page.html", &vars, &seen, &local_names([]), &sources);
        assert_eq!(d.len(), 1);
        let text = d[0].to_string();
        assert!(
            text.starts_with("template variable `sitee` does not exist in templates/page.html:1:8"),
            "{text}"
        );
        assert!(text.contains("did you mean `site`?"), "{text}");
    }
}
