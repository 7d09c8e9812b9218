//! The writing edge: the only code that writes to disk. Pages are written to a temp
//! name and renamed over, so a crash never leaves half a page; `dist/` is built in a
//! sibling temp folder and swapped in, so a failed build leaves the old one whole.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

use crate::render::Output;

/// Writes `text` to `path` atomically (temp file in the same folder, then rename).
pub fn write_file_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(dir).with_context(|| format!("cannot create folder {}", dir.display()))?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.tmp-{}", std::process::id()));
    let result = (|| -> Result<()> {
        let mut f =
            fs::File::create(&tmp).with_context(|| format!("cannot create {}", tmp.display()))?;
        f.write_all(bytes)
            .with_context(|| format!("cannot write {}", tmp.display()))?;
        f.sync_all().ok();
        fs::rename(&tmp, path)
            .with_context(|| format!("cannot move {} to {}", tmp.display(), path.display()))?;
        Ok(())
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

/// Refuses output folders that would destroy the site: the root itself, a folder
/// holding the root, or a folder that holds a site (`site.yaml`, `content/`, `seeds/`).
pub fn check_output_dir(root: &Path, out: &Path) -> Result<()> {
    let abs = |p: &Path| -> PathBuf {
        let p = if p.is_absolute() {
            p.to_path_buf()
        } else {
            std::env::current_dir().unwrap_or_default().join(p)
        };
        normalize(&p)
    };
    let (root_abs, out_abs) = (abs(root), abs(out));
    if root_abs.starts_with(&out_abs) {
        bail!(
            "the output folder {} contains the site itself; choose a folder such as {}/dist",
            out.display(),
            root.display()
        );
    }
    for marker in ["site.yaml", "content", "seeds"] {
        if out_abs.join(marker).exists() {
            bail!(
                "the output folder {} holds a site ({marker} found); refusing to replace it",
                out.display()
            );
        }
    }
    Ok(())
}

/// Folds `.` and `..` without touching the disk.
fn normalize(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

/// Writes every output into a temp folder beside `out`, then swaps it in.
pub fn write_dist(out: &Path, outputs: &[Output]) -> Result<()> {
    write_dist_reporting(out, outputs, &|_| {})
}

/// [`write_dist`], calling `written` with the number of files written so far (a
/// progress bar's hook).
pub fn write_dist_reporting(out: &Path, outputs: &[Output], written: &dyn Fn(usize)) -> Result<()> {
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    fs::create_dir_all(&parent)
        .with_context(|| format!("cannot create folder {}", parent.display()))?;
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "dist".to_string());
    let pid = std::process::id();
    let tmp = parent.join(format!(".{name}.tmp-{pid}"));
    let old = parent.join(format!(".{name}.old-{pid}"));
    let _ = fs::remove_dir_all(&tmp);
    let result = (|| -> Result<()> {
        fs::create_dir_all(&tmp).with_context(|| format!("cannot create {}", tmp.display()))?;
        for (n, o) in outputs.iter().enumerate() {
            if o.path.split('/').any(|c| c == ".." || c.is_empty()) {
                bail!("refusing to write outside the output folder: `{}`", o.path);
            }
            let path = tmp.join(&o.path);
            if let Some(dir) = path.parent() {
                fs::create_dir_all(dir)
                    .with_context(|| format!("cannot create folder {}", dir.display()))?;
            }
            fs::write(&path, &o.bytes)
                .with_context(|| format!("cannot write {}", path.display()))?;
            written(n + 1);
        }
        if out.exists() {
            fs::rename(out, &old)
                .with_context(|| format!("cannot move the previous {} aside", out.display()))?;
        }
        if let Err(e) = fs::rename(&tmp, out) {
            // Put the previous build back.
            if old.exists() {
                let _ = fs::rename(&old, out);
            }
            return Err(e)
                .with_context(|| format!("cannot move the new build to {}", out.display()));
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = fs::remove_dir_all(&tmp);
    }
    let _ = fs::remove_dir_all(&old);
    result
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
    fn dist_is_replaced_whole() {
        let dir = tempfile::tempdir().unwrap();
        let dist = dir.path().join("dist");
        write_dist(&dist, &[out("a/index.html", "one"), out("old.html", "x")]).unwrap();
        write_dist(&dist, &[out("a/index.html", "two")]).unwrap();
        assert_eq!(
            fs::read_to_string(dist.join("a/index.html")).unwrap(),
            "two"
        );
        assert!(!dist.join("old.html").exists(), "stale files are gone");
        let leftovers: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(leftovers.len(), 1, "no temp folders left behind");
    }

    #[test]
    fn a_failed_write_leaves_the_old_dist() {
        let dir = tempfile::tempdir().unwrap();
        let dist = dir.path().join("dist");
        write_dist(&dist, &[out("index.html", "good")]).unwrap();
        let err = write_dist(
            &dist,
            &[out("index.html", "new"), out("../escape.html", "bad")],
        );
        assert!(err.is_err());
        assert_eq!(fs::read_to_string(dist.join("index.html")).unwrap(), "good");
    }

    #[test]
    fn atomic_file_write_replaces_content() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("content/briefings/a.md");
        write_file_atomic(&p, b"one").unwrap();
        write_file_atomic(&p, b"two").unwrap();
        assert_eq!(fs::read_to_string(&p).unwrap(), "two");
        assert_eq!(fs::read_dir(p.parent().unwrap()).unwrap().count(), 1);
    }

    #[test]
    fn output_folder_may_not_hold_the_site() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("site.yaml"), "").unwrap();
        assert!(check_output_dir(dir.path(), dir.path()).is_err());
        assert!(check_output_dir(&dir.path().join("x"), dir.path()).is_err());
        assert!(check_output_dir(dir.path(), &dir.path().join("dist")).is_ok());
    }
}
