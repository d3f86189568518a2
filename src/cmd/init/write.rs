//! Writing the new site all or nothing: every file is written into a
//! staging folder inside the target folder, then `content/` and
//! `site.toml` are moved into place, `site.toml` last (it is what makes a
//! folder a site). On any failure what was moved is moved back and the
//! staging folder removed, so no half site is left behind.

use std::path::{Path, PathBuf};

use crate::diagnostic::Error;

/// Writes `files` (paths relative to `dir`) into `dir`, created if missing.
/// The caller has checked that `dir` holds no site.
pub(super) fn site(dir: &Path, files: &[(PathBuf, String)]) -> Result<(), Error> {
    let created = !dir.exists();
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    let result = stage_and_move(dir, files);
    if result.is_err() && created {
        // Only if nothing else has appeared in it meanwhile.
        let _ = std::fs::remove_dir(dir);
    }
    result
}

fn stage_and_move(dir: &Path, files: &[(PathBuf, String)]) -> Result<(), Error> {
    let staging = tempfile::Builder::new()
        .prefix(".hyte-init-")
        .tempdir_in(dir)
        .map_err(|e| Error::io(dir, e))?;
    for (rel, text) in files {
        let path = staging.path().join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
        }
        std::fs::write(&path, text).map_err(|e| Error::io(&path, e))?;
    }
    // The top-level entries, `site.toml` last.
    let mut top: Vec<PathBuf> = Vec::new();
    for (rel, _) in files {
        if let Some(first) = rel.components().next() {
            let first = PathBuf::from(first.as_os_str());
            if !top.contains(&first) {
                top.push(first);
            }
        }
    }
    top.sort_by_key(|p| p == Path::new("site.toml"));
    let mut moved: Vec<&Path> = Vec::new();
    for entry in &top {
        let (from, to) = (staging.path().join(entry), dir.join(entry));
        if let Err(e) = move_new(&from, &to) {
            for done in moved.iter().rev() {
                let _ = std::fs::rename(dir.join(done), staging.path().join(done));
            }
            return Err(Error::io(&to, e));
        }
        moved.push(entry);
    }
    Ok(())
}

/// Moves `from` to `to`, which must not exist: a file is linked first (a
/// link never replaces an existing file) and its staged name removed.
fn move_new(from: &Path, to: &Path) -> std::io::Result<()> {
    if to.exists() {
        return Err(std::io::Error::from(std::io::ErrorKind::AlreadyExists));
    }
    if from.is_dir() {
        std::fs::rename(from, to)
    } else {
        std::fs::hard_link(from, to).or_else(|_| {
            // Some file systems have no hard links; the check above must do.
            std::fs::copy(from, to).map(|_| ())
        })?;
        std::fs::remove_file(from)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files() -> Vec<(PathBuf, String)> {
        vec![
            (PathBuf::from("site.toml"), "title = 't'\n".into()),
            (PathBuf::from("content/_index.md"), "+++\n+++\n".into()),
            (PathBuf::from("content/2031/_index.md"), "+++\n+++\n".into()),
        ]
    }

    #[test]
    fn everything_is_written_and_nothing_staged_is_left() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("uusi");
        site(&dir, &files()).unwrap();
        assert!(dir.join("site.toml").is_file());
        assert!(dir.join("content/2031/_index.md").is_file());
        let names: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names.len(), 2, "{names:?}");
    }

    #[test]
    fn a_failure_moves_back_what_was_moved() {
        let tmp = tempfile::tempdir().unwrap();
        // A site.toml that appeared after the caller's check: content/ is
        // moved back, the other file is untouched.
        std::fs::write(tmp.path().join("site.toml"), "oma").unwrap();
        assert!(site(tmp.path(), &files()).is_err());
        assert!(!tmp.path().join("content").exists());
        assert_eq!(
            std::fs::read_to_string(tmp.path().join("site.toml")).unwrap(),
            "oma"
        );
        assert_eq!(std::fs::read_dir(tmp.path()).unwrap().count(), 1);
    }
}
