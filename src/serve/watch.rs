//! Watching a site's sources: `site.toml`, `content/`, `themes/`, and the
//! site's own `templates/`, `static/` and `i18n/`. Editors write several events per
//! save (a temp file, a rename, a chmod); they are coalesced into one
//! rebuild after a short quiet period.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use notify::{RecursiveMode, Watcher};

use crate::Error;

/// How long the sources must be quiet before a rebuild.
const QUIET: Duration = Duration::from_millis(20);
/// The longest a save waits for its rebuild, however busy the editor.
const MAX_WAIT: Duration = Duration::from_millis(50);

/// How long a save waits at most when a changed page reads as empty (an
/// editor that truncates before it writes).
const EMPTIED_WAIT: Duration = Duration::from_millis(250);

/// Whether `path` is a content page that is empty right now.
fn emptied(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "md")
        && std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.len() == 0)
}

/// The folders watched recursively, relative to the site root.
const DIRS: [&str; 5] = ["content", "themes", "templates", "static", "i18n"];

/// Whether a changed path is an editor's temporary file, not a source.
pub fn is_temporary(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.ends_with(".swo")
        || name.ends_with('~')
        || name.starts_with(".#")
        || name.starts_with('#')
        || name == "4913"
        || name.ends_with(".tmp")
        || name == ".DS_Store"
}

/// Whether a changed path is one of the site's sources.
fn is_source(root: &Path, path: &Path) -> bool {
    let Ok(rel) = path.strip_prefix(root) else {
        return false;
    };
    let first = rel
        .components()
        .next()
        .map(|c| c.as_os_str().to_string_lossy().into_owned());
    match first.as_deref() {
        Some("site.toml") => true,
        Some(dir) => DIRS.contains(&dir),
        None => false,
    }
}

/// Starts watching on a thread of its own, for the life of the process;
/// `on_change` runs there after each burst of changes, with the source
/// files that changed (canonical paths), or None when the watcher cannot
/// tell (an error of the watcher: rebuild everything).
pub fn start(
    root: &Path,
    on_change: impl Fn(Option<Vec<PathBuf>>) + Send + 'static,
) -> Result<(), Error> {
    let root = std::fs::canonicalize(root).map_err(|e| Error::io(root, e))?;
    let (tx, rx) = mpsc::channel::<notify::Result<notify::Event>>();
    let mut watcher = notify::recommended_watcher(tx)
        .map_err(|e| Error::Internal(format!("tiedostojen muutoksia ei voi seurata: {e}")))?;
    // The root itself, not recursively: site.toml, and folders that appear.
    watcher
        .watch(&root, RecursiveMode::NonRecursive)
        .map_err(|e| {
            Error::Internal(format!(
                "kansion {} muutoksia ei voi seurata: {e}",
                root.display()
            ))
        })?;
    let mut watched: Vec<PathBuf> = Vec::new();
    watch_dirs(&mut watcher, &root, &mut watched);

    let thread_root = root.clone();
    std::thread::spawn(move || {
        let mut watcher = watcher;
        while let Ok(first) = rx.recv() {
            let mut changed = Some(Vec::new());
            add_changes(&thread_root, &first, &mut changed);
            // Coalesce the burst of one save. Some editors empty a file and
            // then write it: while a changed page reads as empty, wait a
            // little longer for the write.
            let started = Instant::now();
            loop {
                let emptied_now = changed
                    .as_ref()
                    .is_some_and(|c| c.iter().any(|p| emptied(p)));
                let limit = if emptied_now { EMPTIED_WAIT } else { MAX_WAIT };
                let left = limit.saturating_sub(started.elapsed());
                if left.is_zero() {
                    break;
                }
                match rx.recv_timeout(QUIET.min(left)) {
                    Ok(event) => add_changes(&thread_root, &event, &mut changed),
                    // Quiet, but a page is still empty: wait for its write.
                    Err(mpsc::RecvTimeoutError::Timeout) if emptied_now => {}
                    Err(mpsc::RecvTimeoutError::Timeout) => break,
                    Err(mpsc::RecvTimeoutError::Disconnected) => return,
                }
            }
            if changed.as_ref().is_none_or(|c| !c.is_empty()) {
                // A new folder under the root may need a watch of its own.
                watch_dirs(&mut watcher, &thread_root, &mut watched);
                on_change(changed);
            }
        }
    });
    Ok(())
}

/// Adds the sources an event changed to `changed`; an error of the watcher
/// makes it None (anything may have changed).
fn add_changes(
    root: &Path,
    event: &notify::Result<notify::Event>,
    changed: &mut Option<Vec<PathBuf>>,
) {
    match event {
        // Reading the sources during a rebuild reports access events; only
        // changes count.
        Ok(e) if e.kind.is_access() => {}
        Ok(e) => {
            if let Some(list) = changed {
                for p in e.paths.iter().filter(|p| relevant(root, p)) {
                    if !list.contains(p) {
                        list.push(p.clone());
                    }
                }
            }
        }
        Err(_) => *changed = None,
    }
}

fn relevant(root: &Path, path: &Path) -> bool {
    !is_temporary(path) && is_source(root, path)
}

fn watch_dirs(watcher: &mut notify::RecommendedWatcher, root: &Path, watched: &mut Vec<PathBuf>) {
    for dir in DIRS {
        let path = root.join(dir);
        if path.is_dir()
            && !watched.contains(&path)
            && watcher.watch(&path, RecursiveMode::Recursive).is_ok()
        {
            watched.push(path);
        }
    }
    // A folder deleted and made again needs a new watch.
    watched.retain(|p| p.is_dir());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn editor_temp_files_are_ignored() {
        for name in ["a.md.swp", "a.md~", ".#a.md", "4913", "#a.md#"] {
            assert!(is_temporary(Path::new(name)), "{name}");
        }
        assert!(!is_temporary(Path::new("a.md")));
    }

    #[test]
    fn only_sources_trigger_rebuilds() {
        let root = Path::new("/site");
        assert!(is_source(root, Path::new("/site/site.toml")));
        assert!(is_source(root, Path::new("/site/content/2025/_index.md")));
        assert!(is_source(root, Path::new("/site/templates/page.html")));
        assert!(!is_source(root, Path::new("/site/public/index.html")));
        assert!(!is_source(root, Path::new("/site/target/debug/hyte")));
        assert!(!is_source(root, Path::new("/elsewhere/site.toml")));
    }

    #[test]
    fn an_emptied_page_is_waited_for() {
        let dir = tempfile::tempdir().unwrap();
        let page = dir.path().join("a.md");
        std::fs::write(&page, "").unwrap();
        assert!(emptied(&page));
        std::fs::write(&page, "+++\ntitle = \"a\"\n+++\n").unwrap();
        assert!(!emptied(&page));
        let other = dir.path().join("site.toml");
        std::fs::write(&other, "").unwrap();
        assert!(!emptied(&other));
        assert!(!emptied(&dir.path().join("gone.md")));
    }
}
