//! `briefing init DIR`: a new briefing site that builds as it is. [`site_files`] is
//! pure (the files, as text); [`init`] refuses a folder that is not empty and writes
//! them through the writing edge. The default theme is embedded in the binary, so no
//! theme files are copied: a site overrides a template by adding it to `templates/`.

use std::path::{Path, PathBuf};

use crate::diagnostics::Diagnostic;
use crate::write::write_file_atomic;

const SITE_YAML: &str = r#"# Site configuration for `briefing build` (keys: see "site.yaml" in briefing's README).
title: "My briefing"
description: "Reporting on one event, gathered in one place: the articles, the gist and who stood where."
# The absolute URL the site is published at. A project site on GitHub Pages lives
# under a sub-path, e.g. https://<user>.github.io/<repo>/; `briefing build
# --base-url URL` overrides this for one build.
base_url: "https://example.org/"
language: en
# The event the briefing is about (shown on the home, summary and attendance pages).
event:
  name: Northern Harbours Flood Summit
  place: Aalborg
  start: "2025-03-03"
  end: "2025-03-04"
"#;

/// An original example article in the shape of a real seed: standfirst, a photo
/// caption given twice with its credit, paragraphs, a section heading, bullets, a
/// `READ MORE:` teaser and a closing `Source:` line.
const EXAMPLE_SEED: &str = "North Sea neighbours agree on a shared flood warning system at talks in Aalborg, while Germany sends only an observer.

Delegates arrive for the opening session of the flood summit in Aalborg on March 3, 2025.
Delegates arrive for the opening session of the flood summit in Aalborg on March 3, 2025. (Reuters)

Ministers from three North Sea countries opened a two-day summit in the Danish port city of Aalborg on Monday, aiming to link their storm surge forecasts into one warning system before next winter.

Denmark, Norway and the Netherlands sent their environment ministers, according to the organisers. Germany attended as an observer, and Belgium declined the invitation, citing a cabinet meeting at home.

\"A storm does not stop at a border, and neither should a warning,\" the Danish minister said in her opening speech.

What the plan includes

• a shared feed of tide gauge readings, updated every ten minutes
• one alert scale for all three coasts
• joint drills for harbour authorities each autumn

Officials said the system would cost about 40 million euros over five years, shared between the three countries.

Critics said the plan leaves out smaller harbours, which often lack the staff to act on an alert at night.

READ MORE: How tide gauges became the first line of flood defence

Source: Example Wire
";

const ABOUT_MD: &str = "---
title: About this briefing
description: How this site is made and how to read it.
---

This briefing gathers the reporting on one event. Each article in `seeds/` becomes a
page under *Briefings*; the summary and the attendance pages are built from the text of
those pages on every build, and every claim links to the sentence it came from.

## Corrections

A briefing page can be corrected by editing its file in `content/briefings/`: an edited
page is never overwritten when the site is rebuilt.
";

const GITIGNORE: &str = "/dist\n/.dist.*\n/.briefing-cache\n";

/// The files of a new site, by path relative to its folder.
pub fn site_files() -> Vec<(PathBuf, &'static str)> {
    vec![
        (PathBuf::from("site.yaml"), SITE_YAML),
        (PathBuf::from("seeds/example.txt"), EXAMPLE_SEED),
        (PathBuf::from("content/about.md"), ABOUT_MD),
        (PathBuf::from(".gitignore"), GITIGNORE),
    ]
}

/// Creates a site in `dir` (created if missing; an existing folder must be empty).
/// Returns the files written, relative to `dir`.
pub fn init(dir: &Path) -> Result<Vec<PathBuf>, Diagnostic> {
    if dir.exists() {
        if !dir.is_dir() {
            return Err(Diagnostic::new("cannot create a site here")
                .in_file(dir)
                .cause("a file with that name exists")
                .hint("name a new folder, e.g. `briefing init my-briefing`"));
        }
        let mut entries = std::fs::read_dir(dir).map_err(|e| {
            Diagnostic::new("cannot read the folder")
                .in_file(dir)
                .cause(e)
        })?;
        if entries.next().is_some() {
            return Err(Diagnostic::new("the folder is not empty")
                .in_file(dir)
                .hint("`briefing init` only writes into a new or empty folder, so nothing is overwritten; name a new folder"));
        }
    }
    let mut written = Vec::new();
    for (rel, text) in site_files() {
        write_file_atomic(&dir.join(&rel), text.as_bytes())
            .map_err(|e| Diagnostic::from_anyhow(&e).in_file(&rel))?;
        written.push(rel);
    }
    // Folders a site uses, empty until needed.
    for empty in ["templates", "content/_data"] {
        std::fs::create_dir_all(dir.join(empty)).map_err(|e| {
            Diagnostic::new("cannot create a folder")
                .in_file(&dir.join(empty))
                .cause(e)
        })?;
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_config_parses_and_the_seed_ingests() {
        let c = crate::config::SiteConfig::parse(SITE_YAML, Path::new("site.yaml")).unwrap();
        assert_eq!(c.title, "My briefing");
        let a = crate::ingest::parse_article(EXAMPLE_SEED);
        assert_eq!(
            a.title,
            "North Sea neighbours agree on a shared flood warning system at talks in Aalborg"
        );
        assert_eq!(a.source.as_deref(), Some("Example Wire"));
        assert_eq!(a.images.len(), 1);
        assert_eq!(a.related.len(), 1);
    }

    #[test]
    fn refuses_a_folder_that_is_not_empty() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("keep.txt"), "x").unwrap();
        let e = init(dir.path()).unwrap_err();
        assert_eq!(e.message, "the folder is not empty");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
