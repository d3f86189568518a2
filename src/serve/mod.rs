//! `hyte serve`: a live preview for authors.
//!
//! The site is built in memory (never over `public/`), served over HTTP,
//! and rebuilt when a source file changes; open pages reload over a
//! WebSocket. A failed rebuild keeps the last good site and puts the error
//! over every page until the file is fixed, so the server never dies on
//! bad content. Requests are answered from the in-memory map only, so no
//! path can reach the file system.
//!
//! Most saves change only the text of one page. Then the model is updated
//! in place of a rebuild ([`crate::update_page`]), the pages that
//! depend on that file are marked stale and rendered again only when a
//! browser asks for them, and open pages reload at once; a full rebuild
//! follows in the background (it refreshes the search index and data
//! files and checks every link) and replaces the files quietly.

mod http;
mod watch;

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::net::IpAddr;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, RwLock, mpsc};
use std::time::Instant;

use crate::render::OnDemand;
use crate::{Error, OutFile, SiteOptions, prepare, produce};

/// Options of `hyte serve`.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub root: std::path::PathBuf,
    pub bind: IpAddr,
    /// 0 picks a free port.
    pub port: u16,
    pub open: bool,
}

/// One build as served: every file, and the error of the latest rebuild if
/// it failed (the files are then those of the last good build).
#[derive(Default)]
pub struct Snapshot {
    pub files: Arc<HashMap<String, Vec<u8>>>,
    pub error: Option<String>,
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
    paths: HashSet<String>,
    made: Mutex<HashMap<String, Arc<Vec<u8>>>>,
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
    generation: tokio::sync::watch::Sender<u64>,
    /// Counts the changes of the sources, so that a background rebuild
    /// started before the latest edit does not replace its result.
    edits: AtomicU64,
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
        self.snapshot.read().expect("no panics while held").clone()
    }

    /// Replaces the snapshot with what `next` makes of the current one,
    /// unless it gives None. Both happen under the write lock, so two
    /// threads publishing never undo each other and the generation only
    /// grows.
    fn publish(&self, next: impl FnOnce(&Snapshot) -> Option<Snapshot>) {
        let mut current = self.snapshot.write().expect("no panics while held");
        let Some(snapshot) = next(&current) else {
            return;
        };
        let generation = snapshot.generation;
        *current = Arc::new(snapshot);
        // Sent under the lock, so the generations arrive in order.
        self.generation.send_replace(generation);
    }
}

/// Builds the site into memory with drafts and a local base URL.
fn build_in_memory(site: &SiteOptions) -> Result<(HashMap<String, Vec<u8>>, OnDemand), Error> {
    let crate::Prepared {
        site: model,
        templates,
        warnings: _,
    } = prepare(site)?;
    let files = Mutex::new(HashMap::new());
    produce(site, &model, &templates, &|rel, file| {
        let bytes = match file {
            OutFile::Bytes(b) => b.to_vec(),
            OutFile::Copy(path) => std::fs::read(path).map_err(|e| Error::io(path, e))?,
        };
        files
            .lock()
            .expect("no panics while held")
            .insert(rel.to_string(), bytes);
        Ok(())
    })?;
    let pages = OnDemand::new(Arc::new(model), Arc::new(templates))?;
    Ok((files.into_inner().expect("no panics while held"), pages))
}

/// Rebuilds and publishes the result; a failure keeps the last good files.
/// A quiet rebuild (in the background after a fast update) does not
/// reload the open pages unless it fails or fixes a failure.
fn rebuild(site: &SiteOptions, shared: &Shared, quiet: bool) {
    let started = Instant::now();
    let edits = shared.edits.load(Ordering::SeqCst);
    let result = build_in_memory(site);
    match &result {
        Ok((files, _)) => eprintln!(
            "päivitetty: {} tiedostoa {} ms:ssa",
            files.len(),
            started.elapsed().as_millis()
        ),
        Err(e) => {
            eprintln!("{e}");
            eprintln!("esikatselussa näkyy viimeisin toimiva versio, kunnes virhe on korjattu");
        }
    }
    shared.publish(|previous| {
        if quiet && shared.edits.load(Ordering::SeqCst) != edits {
            // An edit came meanwhile; its own update follows.
            return None;
        }
        Some(match result {
            Ok((files, pages)) => {
                let reload = !quiet || previous.error.is_some();
                Snapshot {
                    files: Arc::new(files),
                    error: None,
                    generation: previous.generation + u64::from(reload),
                    pages: Some(Arc::new(pages)),
                    stale: None,
                }
            }
            Err(e) => Snapshot {
                files: previous.files.clone(),
                error: Some(e.to_string()),
                generation: previous.generation + 1,
                pages: previous.pages.clone(),
                stale: previous.stale.clone(),
            },
        })
    });
}

/// The fast path for a save that changed only the text of pages: the
/// model is updated, the dependent pages are marked stale, and open pages
/// reload. False when the change needs a full rebuild.
fn update(root: &Path, changed: &[PathBuf], shared: &Shared) -> bool {
    let started = Instant::now();
    let previous = shared.current();
    let (None, Some(pages)) = (&previous.error, &previous.pages) else {
        return false;
    };
    let Ok(canonical) = std::fs::canonicalize(root) else {
        return false;
    };
    let mut site = pages.site().clone();
    let mut edited = Vec::new();
    for path in changed {
        // The model names files by the root as given.
        let Ok(rel) = path.strip_prefix(&canonical) else {
            return false;
        };
        let path = root.join(rel);
        let Some(Ok(source)) = crate::load::source_at(root, &path) else {
            return false;
        };
        let Some((next, id)) = crate::update_page(&site, &source) else {
            return false;
        };
        site = Arc::new(next);
        edited.push(id);
    }
    let next = pages.with_site(site);
    let mut paths: HashSet<String> = previous
        .stale
        .as_ref()
        .map(|s| s.paths.clone())
        .unwrap_or_default();
    for id in edited {
        paths.extend(next.dependents(id));
    }
    let count = paths.len();
    shared.publish(|current| {
        Some(Snapshot {
            files: current.files.clone(),
            error: None,
            generation: current.generation + 1,
            pages: Some(Arc::new(next)),
            stale: Some(Arc::new(Stale {
                paths,
                made: Mutex::default(),
            })),
        })
    });
    eprintln!(
        "päivitetty: {count} sivua merkitty tehtäväksi uudelleen {} ms:ssa; koko sivusto rakennetaan taustalla",
        started.elapsed().as_millis()
    );
    true
}

/// Runs the preview until the process is stopped.
pub fn run(opts: &ServeOptions) -> Result<(), Error> {
    let listener = http::listen((opts.bind, opts.port).into())
        .map_err(|e| Error::Usage(format!("esikatselua ei voitu käynnistää osoitteeseen {}:{}: {e} (portti voi olla jo käytössä; kokeile esim. --port 1112)", opts.bind, opts.port)))?;
    let port = listener.local_addr().map(|a| a.port()).unwrap_or(opts.port);
    let host = match opts.bind {
        IpAddr::V6(ip) => format!("[{ip}]"),
        IpAddr::V4(ip) => ip.to_string(),
    };
    let url = format!("http://{host}:{port}/");
    let site = SiteOptions {
        root: opts.root.clone(),
        base_url: Some(url.clone()),
        drafts: true,
        strict: false,
    };
    if !opts.bind.is_loopback() {
        eprintln!(
            "varoitus: osoitteessa {} esikatselu luonnoksineen näkyy myös muille koneille; oletus --bind 127.0.0.1 pitää sen omalla koneellasi",
            opts.bind
        );
    }

    let shared = Arc::new(Shared::default());
    rebuild(&site, &shared, false);
    eprintln!("esikatselu: {url} (luonnokset mukana); lopeta painamalla Ctrl+C");

    // Full rebuilds after fast updates run on a thread of their own, one
    // at a time; requests made meanwhile are coalesced.
    let (background, requests) = mpsc::channel::<()>();
    std::thread::spawn({
        let shared = shared.clone();
        let site = site.clone();
        move || {
            while requests.recv().is_ok() {
                while requests.try_recv().is_ok() {}
                rebuild(&site, &shared, true);
            }
        }
    });
    watch::start(&opts.root, {
        let shared = shared.clone();
        let site = site.clone();
        move |changed| {
            shared.edits.fetch_add(1, Ordering::SeqCst);
            match changed {
                Some(changed) if update(&site.root, &changed, &shared) => {
                    let _ = background.send(());
                }
                _ => rebuild(&site, &shared, false),
            }
        }
    })?;

    if opts.open
        && let Err(e) = opener::open(&url)
    {
        eprintln!("selainta ei voitu avata: {e}; avaa osoite itse");
    }
    http::serve(listener, shared)
}
