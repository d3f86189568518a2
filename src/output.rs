//! Step 5: writing the output folder atomically.
//!
//! A build writes into a fresh folder beside the target
//! (`.hyte-build-XXXX` in the same parent, so a rename is atomic) and swaps
//! it in only when everything succeeded. A failed build drops the staging
//! folder and leaves the previous output exactly as it was. An interrupted
//! build (Ctrl-C, SIGTERM) removes its folders too, see
//! [`remove_on_interrupt`]; the swap itself is never cut in half.

use std::fs;
use std::path::{Component, Path, PathBuf};

use crate::diagnostic::Error;

pub struct Staging {
    /// Taken by [`Staging::commit`].
    dir: Option<tempfile::TempDir>,
    target: PathBuf,
}

/// The folders of builds in progress (staging, and old output being
/// removed); the lock is also held while the output is swapped.
static LIVE: std::sync::Mutex<Vec<PathBuf>> = std::sync::Mutex::new(Vec::new());

/// Set on Ctrl-C: no more files are written.
static INTERRUPTED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

fn live() -> std::sync::MutexGuard<'static, Vec<PathBuf>> {
    LIVE.lock().unwrap_or_else(|e| e.into_inner())
}

/// On Ctrl-C or SIGTERM, removes the folders of the builds in progress and
/// exits with status 130, leaving the previous output as it was. A swap in
/// progress finishes first. Installed once, by the commands that write.
pub fn remove_on_interrupt() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let _ = ctrlc::set_handler(|| {
            INTERRUPTED.store(true, std::sync::atomic::Ordering::SeqCst);
            let folders = live();
            for dir in folders.iter() {
                // Rendering threads may still be writing their last file.
                for _ in 0..50 {
                    let _ = fs::remove_dir_all(dir);
                    if !dir.exists() {
                        break;
                    }
                    std::thread::sleep(std::time::Duration::from_millis(10));
                }
            }
            eprintln!("keskeytetty: tuloskansio jäi ennalleen");
            std::process::exit(130);
        });
    });
}

impl Drop for Staging {
    fn drop(&mut self) {
        if let Some(dir) = &self.dir {
            live().retain(|p| p != dir.path());
        }
    }
}

impl Staging {
    /// A staging folder for `target` (which need not exist yet).
    pub fn new(target: &Path) -> Result<Self, Error> {
        let parent = match target.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        fs::create_dir_all(&parent).map_err(|e| Error::io(&parent, e))?;
        let dir = tempfile::Builder::new()
            .prefix(".hyte-build-")
            .tempdir_in(&parent)
            .map_err(|e| Error::io(&parent, e))?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            // tempdir makes 0700; a published folder must be readable.
            fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755))
                .map_err(|e| Error::io(dir.path(), e))?;
        }
        live().push(dir.path().to_path_buf());
        Ok(Staging {
            dir: Some(dir),
            target: target.to_path_buf(),
        })
    }

    /// The staged path of `rel`, refusing anything that would leave the
    /// folder.
    fn path_of(&self, rel: &str) -> Result<PathBuf, Error> {
        if INTERRUPTED.load(std::sync::atomic::Ordering::SeqCst) {
            return Err(Error::Internal("keskeytetty".into()));
        }
        let rel = Path::new(rel);
        if !rel.components().all(|c| matches!(c, Component::Normal(_))) {
            return Err(Error::Internal(format!(
                "tuloskansion ulkopuolelle ei kirjoiteta: {}",
                rel.display()
            )));
        }
        Ok(self.dir().join(rel))
    }

    /// Writes one file (its folders are created).
    pub fn write(&self, rel: &str, bytes: &[u8]) -> Result<(), Error> {
        let path = self.path_of(rel)?;
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(|e| self.failed(rel, e))?;
        }
        fs::write(&path, bytes).map_err(|e| self.failed(rel, e))
    }

    /// Writes one file as `write` makes it, through a buffer (its folders
    /// are created), so that a large file is never held whole.
    pub fn write_with(
        &self,
        rel: &str,
        write: &mut dyn FnMut(&mut dyn std::io::Write) -> std::io::Result<()>,
    ) -> Result<(), Error> {
        use std::io::Write as _;
        let path = self.path_of(rel)?;
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(|e| self.failed(rel, e))?;
        }
        let file = fs::File::create(&path).map_err(|e| self.failed(rel, e))?;
        let mut out = std::io::BufWriter::with_capacity(1 << 16, file);
        write(&mut out)
            .and_then(|()| out.flush())
            .map_err(|e| self.failed(rel, e))
    }

    /// A write of `rel` failed: named as it would be in the output, since
    /// the staging folder is gone by the time anyone reads the message.
    fn failed(&self, rel: &str, source: std::io::Error) -> Error {
        Error::Output {
            path: self.target.join(rel),
            output: self.target.clone(),
            source,
        }
    }

    /// Copies one file.
    pub fn copy(&self, from: &Path, rel: &str) -> Result<(), Error> {
        let path = self.path_of(rel)?;
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(|e| self.failed(rel, e))?;
        }
        fs::copy(from, &path).map(|_| ()).map_err(|e| {
            // Either end may have failed: blame the source only if it
            // cannot be read.
            if fs::File::open(from).is_ok() {
                self.failed(rel, e)
            } else {
                Error::io(from, e)
            }
        })
    }

    fn dir(&self) -> &Path {
        self.dir.as_ref().expect("taken only by commit").path()
    }

    /// Puts the staged folder in the target's place. Builds into the same
    /// output swap one at a time (a lock on the output's parent folder), so
    /// that two at once both succeed and the later one wins.
    pub fn commit(mut self) -> Result<(), Error> {
        let mut folders = live();
        let staged = self.dir.take().expect("taken only here").keep();
        let _swap = lock_folder(staged.parent().unwrap_or(Path::new(".")));
        let target = &self.target;
        if target.exists() {
            let parent = staged.parent().unwrap_or(Path::new("."));
            let old = tempfile::Builder::new()
                .prefix(".hyte-old-")
                .tempdir_in(parent)
                .map_err(|e| Error::io(parent, e))?
                .keep();
            folders.push(old.clone());
            let old_target = old.join("public");
            if let Err(e) = fs::rename(target, &old_target) {
                let _ = fs::remove_dir_all(&staged);
                let _ = fs::remove_dir_all(&old);
                return Err(Error::io(target, e));
            }
            if let Err(e) = fs::rename(&staged, target) {
                // Put the old output back.
                let _ = fs::rename(&old_target, target);
                let _ = fs::remove_dir_all(&staged);
                let _ = fs::remove_dir_all(&old);
                return Err(Error::io(target, e));
            }
            folders.retain(|p| p != &staged);
            drop(folders);
            remove_tree(&old);
            live().retain(|p| p != &old);
            Ok(())
        } else {
            let done = fs::rename(&staged, target).map_err(|e| {
                let _ = fs::remove_dir_all(&staged);
                Error::io(target, e)
            });
            folders.retain(|p| p != &staged);
            done
        }
    }
}

/// An exclusive lock on a folder, held until dropped (Unix: `flock` on the
/// folder itself, so nothing is left beside the output). None where
/// folders cannot be locked.
fn lock_folder(dir: &Path) -> Option<fs::File> {
    #[cfg(unix)]
    {
        let file = fs::File::open(dir).ok()?;
        file.lock().ok()?;
        Some(file)
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
        None
    }
}

/// Removes a folder and everything in it, its subfolders in parallel (the
/// previous output of a large site is tens of thousands of files).
/// Best effort: what cannot be removed stays.
fn remove_tree(dir: &Path) {
    use rayon::prelude::*;
    let mut stack = vec![dir.to_path_buf()];
    // Two levels down gives enough folders to share between threads.
    for _ in 0..2 {
        let mut next = Vec::new();
        for d in stack.drain(..) {
            if let Ok(entries) = fs::read_dir(&d) {
                for e in entries.flatten() {
                    if e.file_type().is_ok_and(|t| t.is_dir()) {
                        next.push(e.path());
                    }
                }
            }
        }
        stack = next;
    }
    stack.par_iter().for_each(|d| {
        let _ = fs::remove_dir_all(d);
    });
    let _ = fs::remove_dir_all(dir);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commit_replaces_and_drop_discards() {
        let tmp = tempfile::tempdir().unwrap();
        let target = tmp.path().join("public");
        let s = Staging::new(&target).unwrap();
        s.write("a/index.html", b"one").unwrap();
        s.commit().unwrap();
        assert_eq!(fs::read(target.join("a/index.html")).unwrap(), b"one");

        let s = Staging::new(&target).unwrap();
        s.write("b.html", b"two").unwrap();
        drop(s);
        assert!(!target.join("b.html").exists());
        assert_eq!(fs::read_dir(tmp.path()).unwrap().count(), 1, "no leftovers");

        let s = Staging::new(&target).unwrap();
        s.write("b.html", b"two").unwrap();
        s.write_with("data/c.csv", &mut |w| w.write_all(b"three"))
            .unwrap();
        s.commit().unwrap();
        assert!(!target.join("a").exists());
        assert_eq!(fs::read(target.join("data/c.csv")).unwrap(), b"three");
        assert_eq!(fs::read_dir(tmp.path()).unwrap().count(), 1, "no leftovers");
    }

    #[test]
    fn paths_cannot_escape() {
        let tmp = tempfile::tempdir().unwrap();
        let s = Staging::new(&tmp.path().join("public")).unwrap();
        assert!(s.write("../x", b"").is_err());
        assert!(s.write("/etc/x", b"").is_err());
        assert!(s.write_with("../x", &mut |_| Ok(())).is_err());
        let broken = s.write_with("x.csv", &mut |_| Err(std::io::Error::other("full")));
        assert!(matches!(broken, Err(Error::Output { .. })));
    }
}
