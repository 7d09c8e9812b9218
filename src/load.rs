//! The loading edge: the only code that reads the site from disk (config, seeds,
//! content, editorial data, theme). Everything it returns is plain data; problems are
//! [`Diagnostic`]s naming the file.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use crate::config::SiteConfig;
use crate::content::is_page_path;
use crate::diagnostics::{Diagnostic, Location, line_col};
use crate::theme::{DEFAULT_THEME, TemplateSource, Theme};

/// A text file, by its path relative to the site root.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextFile {
    pub rel: PathBuf,
    pub text: String,
}

/// A seed article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeedFile {
    /// File name, e.g. `000_1f398a99054376be.txt`.
    pub name: String,
    pub text: String,
}

/// Reads a file as UTF-8; a decoding error names the line and column of the bad byte.
pub fn read_text(root: &Path, rel: &Path) -> Result<String, Diagnostic> {
    let bytes = fs::read(root.join(rel)).map_err(|e| {
        Diagnostic::new("cannot read file")
            .in_file(rel)
            .cause(&e)
            .hint("check that the file exists and is readable")
    })?;
    String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let text = String::from_utf8_lossy(&e.as_bytes()[..valid]).into_owned();
        let (line, col) = line_col(&text, valid);
        Diagnostic::new("file is not valid UTF-8")
            .at(Location::at(rel, line, col))
            .cause(e.utf8_error())
            .hint("save the file as UTF-8 (e.g. `iconv -f windows-1252 -t utf-8`)")
    })
}

/// Reads a file that may be gone: `Ok(None)` when no regular file is at `rel` (nothing,
/// a folder, or a symlink — symlinks are never followed, as in the full walks below).
/// `serve` reads the paths that file events name with it.
pub fn read_text_if_exists(root: &Path, rel: &Path) -> Result<Option<String>, Diagnostic> {
    match fs::symlink_metadata(root.join(rel)) {
        Ok(m) if m.is_file() => read_text(root, rel).map(Some),
        _ => Ok(None),
    }
}

/// Reads `site.yaml` (a missing file means all defaults).
pub fn read_config(root: &Path) -> Result<SiteConfig, Diagnostic> {
    let rel = Path::new("site.yaml");
    if !root.join(rel).exists() {
        if !root.is_dir() {
            return Err(Diagnostic::new("site folder not found").in_file(root).hint(
                "run in a briefing site, pass --root DIR, or create one with `briefing init DIR`",
            ));
        }
        return Ok(SiteConfig::default());
    }
    let text = read_text(root, rel)?;
    SiteConfig::parse(&text, rel)
}

fn sorted_files(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = WalkDir::new(dir)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .collect();
    out.sort();
    out
}

/// Whether a file name is an editor's temporary or backup file.
pub fn is_temp_file(name: &str) -> bool {
    name.starts_with('.')
        || name.starts_with('#')
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.ends_with(".tmp")
        || name.contains(".tmp-")
}

/// Reads every seed (`seeds/*.txt`, `*.md`, `*.html`, `*.htm`) up to the default size
/// limit. Unreadable seeds are reported, the rest returned.
pub fn read_seeds(root: &Path) -> (Vec<SeedFile>, Vec<Diagnostic>) {
    read_seeds_limited(root, crate::config::DEFAULT_MAX_SEED_BYTES)
}

/// "52.4 MB", "812 KB", "96 bytes".
fn human_size(bytes: u64) -> String {
    match bytes {
        b if b >= 1_000_000 => format!("{:.1} MB", b as f64 / 1_000_000.0),
        b if b >= 1_000 => format!("{} KB", b / 1_000),
        b => format!("{b} bytes"),
    }
}

/// Reads every seed, refusing (with an error naming it, its size and the limit) any file
/// larger than `max_bytes` before reading it. Unreadable seeds are reported, the rest
/// returned.
pub fn read_seeds_limited(root: &Path, max_bytes: u64) -> (Vec<SeedFile>, Vec<Diagnostic>) {
    let dir = root.join("seeds");
    let mut seeds = Vec::new();
    let mut errors = Vec::new();
    if !dir.is_dir() {
        return (seeds, errors);
    }
    for path in sorted_files(&dir) {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if !crate::ingest::is_seed_name(&name)
            || is_temp_file(&name)
            || path.parent() != Some(dir.as_path())
        {
            continue;
        }
        let rel = PathBuf::from("seeds").join(&name);
        let size = fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
        if size > max_bytes {
            errors.push(
                Diagnostic::new(format!(
                    "seed is too large: {} ({size} bytes), over the limit of {}",
                    human_size(size),
                    human_size(max_bytes)
                ))
                .in_file(&rel)
                .hint(
                    "trim the seed to the article itself, or raise `max_seed_bytes` in site.yaml",
                ),
            );
            continue;
        }
        match read_text(root, &rel) {
            Ok(text) => seeds.push(SeedFile { name, text }),
            Err(e) => errors.push(e.hint(format!(
                "fix or remove the seed; seeds are read as UTF-8 text or HTML ({})",
                rel.display()
            ))),
        }
    }
    (seeds, errors)
}

/// The page files under `content/` (Markdown, outside `_data/`, no editor temp files),
/// as paths relative to the site root, sorted. Lists the folder; reads no file.
pub fn content_page_paths(root: &Path) -> Vec<PathBuf> {
    let dir = root.join("content");
    if !dir.is_dir() {
        return Vec::new();
    }
    sorted_files(&dir)
        .into_iter()
        .filter_map(|path| {
            let under = path.strip_prefix(&dir).ok()?;
            let name = under.file_name()?.to_string_lossy();
            (is_page_path(under) && !is_temp_file(&name))
                .then(|| PathBuf::from("content").join(under))
        })
        .collect()
}

/// Reads every page under `content/` (Markdown, outside `_data/`).
pub fn read_content(root: &Path) -> (Vec<TextFile>, Vec<Diagnostic>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for rel in content_page_paths(root) {
        match read_text(root, &rel) {
            Ok(text) => files.push(TextFile { rel, text }),
            Err(e) => errors.push(e),
        }
    }
    (files, errors)
}

/// Reads `content/_data/*.yaml`, by file stem (`attendance`).
pub fn read_data(root: &Path) -> (BTreeMap<String, TextFile>, Vec<Diagnostic>) {
    let dir = root.join("content").join("_data");
    let mut out = BTreeMap::new();
    let mut errors = Vec::new();
    if !dir.is_dir() {
        return (out, errors);
    }
    for path in sorted_files(&dir) {
        let is_yaml = path.extension().is_some_and(|e| e == "yaml" || e == "yml");
        let Some(stem) = path.file_stem().map(|s| s.to_string_lossy().into_owned()) else {
            continue;
        };
        if !is_yaml || is_temp_file(&stem) {
            continue;
        }
        let rel = path.strip_prefix(root).unwrap_or(&path).to_path_buf();
        match read_text(root, &rel) {
            Ok(text) => {
                out.insert(stem, TextFile { rel, text });
            }
            Err(e) => errors.push(e),
        }
    }
    (out, errors)
}

fn read_theme_dir(root: &Path, dir: &Path, theme: &mut Theme) -> Vec<Diagnostic> {
    let mut errors = Vec::new();
    let templates = dir.join("templates");
    if templates.is_dir() {
        for path in sorted_files(&templates) {
            let Ok(under) = path.strip_prefix(&templates) else {
                continue;
            };
            let name = under.to_string_lossy().replace('\\', "/");
            if is_temp_file(name.rsplit('/').next().unwrap_or_default()) {
                continue;
            }
            let rel = path.strip_prefix(root).unwrap_or(&path).to_path_buf();
            match read_text(root, &rel) {
                Ok(text) => {
                    theme
                        .templates
                        .insert(name, TemplateSource { text, origin: rel });
                }
                Err(e) => errors.push(e),
            }
        }
    }
    let statics = dir.join("static");
    if statics.is_dir() {
        for path in sorted_files(&statics) {
            let Ok(under) = path.strip_prefix(&statics) else {
                continue;
            };
            let name = under.to_string_lossy().replace('\\', "/");
            if is_temp_file(name.rsplit('/').next().unwrap_or_default()) {
                continue;
            }
            match fs::read(&path) {
                Ok(bytes) => {
                    theme.statics.insert(name, bytes);
                }
                Err(e) => errors.push(
                    Diagnostic::new("cannot read static file")
                        .in_file(path.strip_prefix(root).unwrap_or(&path))
                        .cause(e),
                ),
            }
        }
    }
    errors
}

/// The theme: the embedded default, then `themes/<name>/`, then the site's own
/// `templates/` and `static/`.
pub fn read_theme(root: &Path, config: &SiteConfig) -> Result<Theme, Vec<Diagnostic>> {
    let mut theme = Theme::embedded();
    let dir = root.join("themes").join(&config.theme);
    let mut errors = Vec::new();
    if dir.is_dir() {
        errors.extend(read_theme_dir(root, &dir, &mut theme));
    } else if config.theme != DEFAULT_THEME {
        errors.push(
            Diagnostic::new(format!("theme `{}` not found", config.theme))
                .in_file(Path::new("site.yaml"))
                .cause(format!("no folder themes/{}/", config.theme))
                .hint(format!(
                    "create themes/{}/templates/, or set `theme: {DEFAULT_THEME}` to use the built-in theme",
                    config.theme
                )),
        );
    }
    // The site's own templates/ and static/ override the theme file by file.
    let mut overrides = Theme::default();
    errors.extend(read_theme_dir(root, root, &mut overrides));
    theme.overlay(overrides);
    if errors.is_empty() {
        Ok(theme)
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temp_files_are_recognised() {
        for n in [
            ".a.md.swp",
            "a.md~",
            "#a.md#",
            ".hidden",
            "x.tmp",
            "a.md.tmp-123",
        ] {
            assert!(is_temp_file(n), "{n}");
        }
        assert!(!is_temp_file("about.md"));
    }

    #[test]
    fn invalid_utf8_names_line_and_column() {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir_all(dir.path().join("seeds")).unwrap();
        fs::write(dir.path().join("seeds/a.txt"), b"ok line\nbad \xff byte\n").unwrap();
        let (seeds, errors) = read_seeds(dir.path());
        assert!(seeds.is_empty());
        let loc = errors[0].location.clone().unwrap();
        assert_eq!(loc.file, PathBuf::from("seeds/a.txt"));
        assert_eq!((loc.line, loc.col), (Some(2), Some(5)));
    }

    #[test]
    fn unknown_theme_is_an_error_naming_site_yaml() {
        let dir = tempfile::tempdir().unwrap();
        let config = SiteConfig {
            theme: "nope".into(),
            ..SiteConfig::default()
        };
        let errs = read_theme(dir.path(), &config).unwrap_err();
        assert_eq!(errs[0].message, "theme `nope` not found");
    }

    #[test]
    fn site_templates_override_the_theme() {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir_all(dir.path().join("templates")).unwrap();
        fs::write(dir.path().join("templates/page.html"), "custom").unwrap();
        let t = read_theme(dir.path(), &SiteConfig::default()).unwrap();
        assert_eq!(t.templates["page.html"].text, "custom");
        assert_eq!(
            t.templates["page.html"].origin,
            PathBuf::from("templates/page.html")
        );
        assert!(t.templates.contains_key("base.html"));
    }
}
