//! What the preview serves, and what its threads share.
//!
//! A [`Snapshot`] is one build as served; it is replaced whole, never
//! changed in place, so a request always sees one consistent site. The
//! watcher, the background rebuild and the server threads meet only in
//! [`Shared`]: the current snapshot, the generation that reload sockets
//! wait on, and the count of edits that tells a late rebuild to stand
//! down.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::sync::atomic::AtomicU64;
use std::sync::{Arc, Mutex, PoisonError, RwLock};

use crate::diagnostic::Diagnostic;
use crate::render::OnDemand;

/// One build as served: every file, and the error of the latest rebuild if
/// it failed (the files are then those of the last good build, if any).
#[derive(Default, Clone)]
pub struct Snapshot {
    pub files: Arc<HashMap<String, Vec<u8>>>,
    pub error: Option<String>,
    /// Whether `files` come from a build that succeeded; false until the
    /// first one does (then nothing of the site can be shown).
    pub last_good: bool,
    /// The warnings of the build `files` come from (the problems that did
    /// not stop it).
    pub warnings: Arc<Vec<Diagnostic>>,
    /// The files (relative to the output) of the pages marked
    /// `draft = true`: they carry the LUONNOS banner.
    pub drafts: Arc<HashSet<String>>,
    pub generation: u64,
    /// The site the files were made from, to update after an edit.
    pub pages: Option<Arc<OnDemand>>,
    /// Files of `files` that an edit made out of date since: they are
    /// rendered again from `pages` when asked for.
    pub stale: Option<Arc<Stale>>,
}

/// Pages out of date in the last full build, and those rendered since.
#[derive(Default)]
pub struct Stale {
    pub(super) paths: HashSet<String>,
    pub(super) made: Mutex<HashMap<String, Arc<Vec<u8>>>>,
}

impl Snapshot {
    /// The current bytes of the file at `key` (relative to the output).
    pub fn get(&self, key: &str) -> Option<Cow<'_, [u8]>> {
        if let (Some(stale), Some(pages)) = (&self.stale, &self.pages)
            && stale.paths.contains(key)
        {
            if let Some(bytes) = stale.made.lock().expect("no panics while held").get(key) {
                return Some(Cow::Owned(bytes.to_vec()));
            }
            match pages.render(key) {
                Some(Ok(html)) => {
                    let bytes = Arc::new(html.into_bytes());
                    stale
                        .made
                        .lock()
                        .expect("no panics while held")
                        .insert(key.to_string(), bytes.clone());
                    return Some(Cow::Owned(bytes.to_vec()));
                }
                // The background rebuild reports the problem.
                Some(Err(e)) => eprintln!("{e}"),
                None => {}
            }
        }
        self.files.get(key).map(|b| Cow::Borrowed(b.as_slice()))
    }
}

/// What the server threads share.
pub struct Shared {
    snapshot: RwLock<Arc<Snapshot>>,
    /// The generation, for reload sockets to wait on.
    pub(super) generation: tokio::sync::watch::Sender<u64>,
    /// Counts the changes of the sources, so that a background rebuild
    /// started before the latest edit does not replace its result.
    pub(super) edits: AtomicU64,
}

impl Default for Shared {
    fn default() -> Self {
        Shared {
            snapshot: RwLock::default(),
            generation: tokio::sync::watch::Sender::new(0),
            edits: AtomicU64::default(),
        }
    }
}

impl Shared {
    pub fn current(&self) -> Arc<Snapshot> {
        // A snapshot is replaced whole, so one a panic left behind is
        // still a consistent one.
        self.snapshot
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// Replaces the snapshot with what `next` makes of the current one,
    /// unless it gives None. Both happen under the write lock, so two
    /// threads publishing never undo each other and the generation only
    /// grows.
    pub(super) fn publish(&self, next: impl FnOnce(&Snapshot) -> Option<Snapshot>) {
        let mut current = self
            .snapshot
            .write()
            .unwrap_or_else(PoisonError::into_inner);
        let Some(snapshot) = next(&current) else {
            return;
        };
        let generation = snapshot.generation;
        *current = Arc::new(snapshot);
        // Sent under the lock, so the generations arrive in order.
        self.generation.send_replace(generation);
    }
}
