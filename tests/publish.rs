//! Publishing: fixture sites built and checked through the command line — a site under
//! a sub-path, broken links, unknown front matter keys, template typos, and `init`.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;

use briefing::linkcheck::scan_html;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// Copies a fixture site into a temp folder, so builds never write into the repository.
fn site(name: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&fixture(name), dir.path());
    dir
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for e in fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let dest = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &dest);
        } else {
            fs::copy(e.path(), dest).unwrap();
        }
    }
}

fn briefing(root: &Path) -> Command {
    let mut c = Command::cargo_bin("briefing").unwrap();
    c.arg("--root").arg(root);
    c
}

fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(files(&p));
        } else {
            out.push(p);
        }
    }
    out.sort();
    out
}

#[test]
fn a_sub_path_site_links_only_under_its_base_path() {
    let s = site("subpath");
    let out = s.path().join("out");
    briefing(s.path())
        .args(["build", "--output"])
        .arg(&out)
        .assert()
        .success();
    let mut checked = 0;
    for f in files(&out) {
        if f.extension().is_none_or(|e| e != "html") {
            continue;
        }
        let scanned = scan_html(&fs::read(&f).unwrap());
        for r in scanned.refs {
            let u = r.url.as_str();
            assert!(
                u.starts_with("/briefings/")
                    || u.starts_with("https://example.org/briefings/")
                    || !(u.starts_with('/') || u.contains("://")),
                "{}: {} `{u}` is neither relative nor under /briefings/",
                f.display(),
                r.attr
            );
            checked += 1;
        }
    }
    assert!(checked > 50, "only {checked} links seen");
    // Markdown site paths got the base path.
    let about = fs::read_to_string(out.join("about/index.html")).unwrap();
    assert!(about.contains("/briefings/search/"), "{about}");
    assert!(about.contains("/briefings/briefings/first-report/#what-happened"));
    // Feeds and discovery carry absolute URLs under the base URL.
    let atom = fs::read_to_string(out.join("atom.xml")).unwrap();
    assert!(atom.contains("<id>https://example.org/briefings/briefings/first-report/</id>"));
    let robots = fs::read_to_string(out.join("robots.txt")).unwrap();
    assert!(robots.contains("Sitemap: https://example.org/briefings/sitemap.xml"));
    let sitemap = fs::read_to_string(out.join("sitemap.xml")).unwrap();
    assert!(sitemap.contains("<loc>https://example.org/briefings/search/</loc>"));
    let page = fs::read_to_string(out.join("briefings/first-report/index.html")).unwrap();
    for needle in [
        "<link href=https://example.org/briefings/briefings/first-report/ rel=canonical>",
        "\"@type\":\"NewsArticle\"",
        "twitter:card",
        "content=article property=og:type",
        "href=/briefings/atom.xml",
    ] {
        assert!(page.contains(needle), "briefing page lacks {needle}");
    }
    let home = fs::read_to_string(out.join("index.html")).unwrap();
    assert!(home.contains("\"@type\":\"WebSite\""));
}

#[test]
fn hosts_get_headers_nojekyll_and_a_search_index() {
    let s = site("subpath");
    let out = s.path().join("out");
    briefing(s.path())
        .args(["build", "--output"])
        .arg(&out)
        .assert()
        .success();
    assert!(out.join(".nojekyll").is_file());
    let headers = fs::read_to_string(out.join("_headers")).unwrap();
    let css = files(&out)
        .into_iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .find(|n| n.starts_with("style.") && n.ends_with(".css"))
        .expect("a fingerprinted style sheet");
    assert!(
        headers.contains(&format!(
            "/{css}\n  Cache-Control: public, max-age=31536000, immutable"
        )),
        "{headers}"
    );
    // Pages get no rule of their own: the hosts' default revalidates them.
    assert!(!headers.contains("first-report"), "{headers}");
    let manifest: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(out.join("search/manifest.json")).unwrap())
            .unwrap();
    let docs: Vec<serde_json::Value> = (0..manifest["docs"].as_u64().unwrap())
        .map(|n| {
            let path = out.join(format!("search/d/{n}.json"));
            serde_json::from_str(&fs::read_to_string(path).unwrap()).unwrap()
        })
        .collect();
    let first = docs
        .iter()
        .find(|d| d["title"] == "First report from the harbour talks")
        .expect("the briefing is indexed");
    assert_eq!(first["url"], "/briefings/briefings/first-report/");
    assert_eq!(first["date_display"], "3 March 2025");
    assert!(first["text"].as_str().unwrap().contains("Norway attended"));
    assert!(
        first["entities"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e == "Norway")
    );
    assert!(docs.iter().any(|d| d["title"] == "About"));
    assert!(
        docs.iter()
            .any(|d| d["kind"] == "Country" && d["title"] == "Denmark")
    );
    // Without JavaScript the search page links to the archive and the other pages.
    let search = fs::read_to_string(out.join("search/index.html")).unwrap();
    assert!(!search.contains("First report from the harbour talks"));
    assert!(search.contains("/briefings/briefings/"), "{search}");
    assert!(search.contains("/briefings/about/"));
}

#[test]
fn check_and_build_fail_on_a_broken_link_naming_page_and_source() {
    let s = site("broken_link");
    briefing(s.path()).arg("check").assert().code(1).stderr(
        predicate::str::contains("broken link `/nowhere/` on about/index.html in content/about.md")
            .and(predicate::str::contains(
                "no file `nowhere/` in the built site",
            ))
            .and(predicate::str::contains("broken link `#no-such-section`"))
            .and(predicate::str::contains("build failed with 2 errors")),
    );
    let out = s.path().join("out");
    briefing(s.path())
        .args(["build", "--output"])
        .arg(&out)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("broken link `/nowhere/`"));
    assert!(!out.exists(), "a failed build writes nothing");
}

#[test]
fn an_unknown_front_matter_key_warns_with_did_you_mean() {
    let s = site("unknown_key");
    briefing(s.path()).arg("check").assert().success().stderr(
        predicate::str::contains(
            "warning: unknown front matter key `tagz` in content/about.md:3:1",
        )
        .and(predicate::str::contains("hint: did you mean `tags`?")),
    );
}

#[test]
fn check_reports_template_variables_that_do_not_exist() {
    let s = site("template_typo");
    // The branch with the typo is not taken, so a build succeeds...
    briefing(s.path())
        .args(["build", "--output"])
        .arg(s.path().join("out"))
        .assert()
        .success();
    // ...and check finds it, and renders the template no page uses.
    briefing(s.path()).arg("check").assert().code(1).stderr(
        predicate::str::contains(
            "template variable `imgae` does not exist in templates/page.html:5:",
        )
        // A misspelt condition is silently false in Tera: reported with a suggestion.
        .and(predicate::str::contains(
            "template variable `summry` does not exist in templates/page.html:6:9",
        ))
        .and(predicate::str::contains("did you mean `summary`?"))
        .and(predicate::str::contains(
            "template `landing.html`, which no page uses",
        ))
        .and(predicate::str::contains("templates/landing.html:4:")),
    );
}

#[test]
fn the_real_site_checks_clean() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    // `check` writes nothing, so it can run on the repository itself.
    briefing(root)
        .arg("check")
        .assert()
        .success()
        .stdout(predicate::str::contains("check passed"));
}

#[test]
fn init_makes_a_site_that_builds_and_refuses_a_non_empty_folder() {
    let dir = tempfile::tempdir().unwrap();
    let new = dir.path().join("my-briefing");
    let mut c = Command::cargo_bin("briefing").unwrap();
    c.arg("init").arg(&new).assert().success();
    for f in [
        "site.yaml",
        "seeds/example.txt",
        "content/about.md",
        ".gitignore",
    ] {
        assert!(new.join(f).is_file(), "{f}");
    }
    assert!(
        !new.join("themes").exists(),
        "the theme is embedded, not copied"
    );
    briefing(&new)
        .arg("build")
        .assert()
        .success()
        .stderr(predicate::str::is_empty())
        .stdout(predicate::str::contains("built 1 briefings"));
    assert!(new.join("dist/index.html").is_file());
    assert!(new.join("dist/search/index.html").is_file());
    assert!(new.join("dist/about/index.html").is_file());
    briefing(&new).arg("check").assert().success();
    let mut again = Command::cargo_bin("briefing").unwrap();
    again
        .arg("init")
        .arg(&new)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("the folder is not empty"));
}
