//! The writing edge: the only code that writes to disk. Pages are written to a temp
//! name and renamed over, so a crash never leaves half a page; `dist/` is built in a
//! sibling temp folder and swapped in, so a failed build leaves the old one whole.

use std::collections::{BTreeSet, HashMap};
use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use anyhow::{Context, Result, bail};
use rayon::prelude::*;

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

/// What writing `dist/` did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WriteStats {
    /// Files written anew.
    pub written: usize,
    /// Files unchanged since the previous output, hard-linked from it.
    pub linked: usize,
}

/// Writes every output into a temp folder beside `out`, then swaps it in.
pub fn write_dist(out: &Path, outputs: &[Output]) -> Result<WriteStats> {
    write_dist_reporting(out, outputs, &|_| {})
}

/// [`write_dist`], calling `written` with the number of files done so far (a progress
/// bar's hook; it may be called from several threads).
///
/// A file whose bytes are those of the same file in the previous `out` is hard-linked
/// from it instead of written (same length, then the same bytes); when linking fails
/// (another file system, no hard links), it is written. Every other file is created
/// anew in the temp folder, never opened for writing once it exists: a linked file
/// shares its inode with the previous output, which must stay whole until the swap
/// (and stays whole if the build fails).
pub fn write_dist_reporting(
    out: &Path,
    outputs: &[Output],
    written: &(dyn Fn(usize) + Sync),
) -> Result<WriteStats> {
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
    let result = (|| -> Result<WriteStats> {
        fs::create_dir_all(&tmp).with_context(|| format!("cannot create {}", tmp.display()))?;
        for o in outputs {
            if o.path.split('/').any(|c| c == ".." || c.is_empty()) {
                bail!("refusing to write outside the output folder: `{}`", o.path);
            }
        }
        // A path given twice is written once, with its last bytes (as before, when a
        // later write replaced an earlier one).
        let mut last: HashMap<&str, usize> = HashMap::with_capacity(outputs.len());
        for (k, o) in outputs.iter().enumerate() {
            last.insert(&o.path, k);
        }
        let dirs: BTreeSet<&Path> = outputs
            .iter()
            .filter_map(|o| Path::new(&o.path).parent())
            .filter(|d| !d.as_os_str().is_empty())
            .collect();
        for d in dirs {
            let dir = tmp.join(d);
            fs::create_dir_all(&dir)
                .with_context(|| format!("cannot create folder {}", dir.display()))?;
        }
        let previous = fs::symlink_metadata(out)
            .is_ok_and(|m| m.is_dir())
            .then_some(out);
        let done = AtomicUsize::new(0);
        let linked = AtomicUsize::new(0);
        outputs
            .par_iter()
            .enumerate()
            .filter(|(k, o)| last.get(o.path.as_str()) == Some(k))
            .try_for_each(|(_, o)| -> Result<()> {
                let path = tmp.join(&o.path);
                let link = previous.is_some_and(|prev| {
                    let before = prev.join(&o.path);
                    same_bytes(&before, &o.bytes) && fs::hard_link(&before, &path).is_ok()
                });
                if link {
                    linked.fetch_add(1, Ordering::Relaxed);
                } else {
                    create_new(&path, &o.bytes)
                        .with_context(|| format!("cannot write {}", path.display()))?;
                }
                written(done.fetch_add(1, Ordering::Relaxed) + 1);
                Ok(())
            })?;
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
        let linked = linked.into_inner();
        Ok(WriteStats {
            written: done.into_inner() - linked,
            linked,
        })
    })();
    if result.is_err() {
        let _ = fs::remove_dir_all(&tmp);
    }
    let _ = fs::remove_dir_all(&old);
    result
}

/// Whether the regular file at `path` (not followed if a symlink) holds exactly `bytes`:
/// its length first, then its bytes, a block at a time.
fn same_bytes(path: &Path, bytes: &[u8]) -> bool {
    match fs::symlink_metadata(path) {
        Ok(m) if m.is_file() && m.len() == bytes.len() as u64 => {}
        _ => return false,
    }
    let Ok(mut f) = fs::File::open(path) else {
        return false;
    };
    let mut buf = vec![0u8; bytes.len().min(64 * 1024)];
    let mut rest = bytes;
    while !rest.is_empty() {
        let chunk = &mut buf[..rest.len().min(64 * 1024)];
        if f.read_exact(chunk).is_err() || chunk[..] != rest[..chunk.len()] {
            return false;
        }
        rest = &rest[chunk.len()..];
    }
    // Nothing more: the file did not grow since its length was read.
    f.read(&mut [0u8]).is_ok_and(|n| n == 0)
}

/// Creates the file at `path` with `bytes`: always a new file, so that a hard link
/// already at that path (a file shared with the previous output) is replaced, never
/// written through.
fn create_new(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let open = || {
        fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(path)
    };
    let mut f = match open() {
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            fs::remove_file(path)?;
            open()?
        }
        other => other?,
    };
    f.write_all(bytes)
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

    fn ino(p: &Path) -> u64 {
        use std::os::unix::fs::MetadataExt;
        fs::metadata(p).unwrap().ino()
    }

    #[test]
    fn unchanged_files_are_linked_from_the_previous_dist() {
        let dir = tempfile::tempdir().unwrap();
        let dist = dir.path().join("dist");
        let first = write_dist(
            &dist,
            &[
                out("same/index.html", "same"),
                out("changed.html", "one"),
                out("grown.html", "ab"),
            ],
        )
        .unwrap();
        assert_eq!(
            first,
            WriteStats {
                written: 3,
                linked: 0
            }
        );
        let (same, changed, grown) = (
            ino(&dist.join("same/index.html")),
            ino(&dist.join("changed.html")),
            ino(&dist.join("grown.html")),
        );
        let second = write_dist(
            &dist,
            &[
                out("same/index.html", "same"),
                out("changed.html", "two"),
                out("grown.html", "abc"),
                out("new.html", "new"),
            ],
        )
        .unwrap();
        assert_eq!(
            second,
            WriteStats {
                written: 3,
                linked: 1
            }
        );
        assert_eq!(ino(&dist.join("same/index.html")), same);
        assert_ne!(ino(&dist.join("changed.html")), changed);
        assert_ne!(ino(&dist.join("grown.html")), grown);
        assert_eq!(
            fs::read_to_string(dist.join("changed.html")).unwrap(),
            "two"
        );
        assert_eq!(fs::read_to_string(dist.join("grown.html")).unwrap(), "abc");
        assert_eq!(
            fs::read_to_string(dist.join("same/index.html")).unwrap(),
            "same"
        );
        assert_eq!(
            fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no temp folders left"
        );
    }

    #[test]
    fn a_failed_write_after_linking_leaves_the_old_dist_whole() {
        let dir = tempfile::tempdir().unwrap();
        let dist = dir.path().join("dist");
        write_dist(&dist, &[out("a.html", "keep"), out("b.html", "old")]).unwrap();
        let a = ino(&dist.join("a.html"));
        // The last file cannot be written (a folder stands where its folder should be
        // created as a file's name): the build fails after the others were done.
        let err = write_dist(
            &dist,
            &[
                out("a.html", "keep"),
                out("b.html", "new"),
                out("c", "file"),
                out("c/d.html", "under a file"),
            ],
        );
        assert!(err.is_err());
        assert_eq!(ino(&dist.join("a.html")), a);
        assert_eq!(fs::read_to_string(dist.join("a.html")).unwrap(), "keep");
        assert_eq!(fs::read_to_string(dist.join("b.html")).unwrap(), "old");
        assert_eq!(
            fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no temp folders left"
        );
    }

    #[test]
    fn a_path_given_twice_is_written_once_with_its_last_bytes() {
        let dir = tempfile::tempdir().unwrap();
        let dist = dir.path().join("dist");
        write_dist(&dist, &[out("a.html", "first")]).unwrap();
        let before = ino(&dist.join("a.html"));
        write_dist(&dist, &[out("a.html", "first"), out("a.html", "second")]).unwrap();
        assert_eq!(fs::read_to_string(dist.join("a.html")).unwrap(), "second");
        assert_ne!(ino(&dist.join("a.html")), before);
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
