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
//!
//! The warnings of a build are printed and shown in a small box that
//! does not cover the page; draft pages carry a LUONNOS banner. A panic
//! in a rebuild is reported as an internal error and the watching goes
//! on. None of this reaches `hyte build`'s output.

mod http;
mod overlay;
mod reload;
mod resolve;
mod snapshot;
mod watch;

pub use snapshot::{Shared, Snapshot, Stale};

use std::collections::{HashMap, HashSet};
use std::net::IpAddr;
use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;
use std::sync::{Arc, Mutex, mpsc};
use std::time::Instant;

use crate::diagnostic::Diagnostic;
use crate::model::Site;
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

/// What one in-memory build made.
struct Built {
    files: HashMap<String, Vec<u8>>,
    pages: OnDemand,
    warnings: Vec<Diagnostic>,
    drafts: HashSet<String>,
}

/// Builds the site into memory with drafts and a local base URL.
fn build_in_memory(site: &SiteOptions) -> Result<Built, Error> {
    let crate::Prepared {
        site: model,
        templates,
        warnings,
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
    let drafts = draft_pages(&model);
    let pages = OnDemand::new(Arc::new(model), Arc::new(templates))?;
    Ok(Built {
        files: files.into_inner().expect("no panics while held"),
        pages,
        warnings,
        drafts,
    })
}

/// The files of the pages marked `draft = true`.
fn draft_pages(site: &Site) -> HashSet<String> {
    site.pages
        .iter()
        .filter(|page| page.draft)
        .map(|page| format!("{}index.html", page.url.trim_start_matches('/')))
        .collect()
}

/// Rebuilds and publishes the result; a failure keeps the last good files.
/// A quiet rebuild (in the background after a fast update) does not
/// reload the open pages unless it fails, fixes a failure or changes the
/// warnings.
fn rebuild(site: &SiteOptions, shared: &Shared, quiet: bool) {
    let started = Instant::now();
    let edits = shared.edits.load(Ordering::SeqCst);
    let result = build_in_memory(site);
    match &result {
        Ok(built) => {
            crate::diagnostic::print(&built.warnings);
            let warned = if built.warnings.is_empty() {
                String::new()
            } else {
                format!("; {}", crate::diagnostic::counts(&built.warnings))
            };
            eprintln!(
                "päivitetty: {} tiedostoa {} ms:ssa{warned}",
                built.files.len(),
                started.elapsed().as_millis()
            );
        }
        Err(e) => {
            eprintln!("{e}");
            if shared.current().last_good {
                eprintln!("esikatselussa näkyy viimeisin toimiva versio, kunnes virhe on korjattu");
            } else {
                eprintln!("{NOTHING_YET}");
            }
        }
    }
    shared.publish(|previous| {
        if quiet && shared.edits.load(Ordering::SeqCst) != edits {
            // An edit came meanwhile; its own update follows.
            return None;
        }
        Some(match result {
            Ok(built) => {
                let reload =
                    !quiet || previous.error.is_some() || *previous.warnings != built.warnings;
                Snapshot {
                    files: Arc::new(built.files),
                    error: None,
                    last_good: true,
                    warnings: Arc::new(built.warnings),
                    drafts: Arc::new(built.drafts),
                    generation: previous.generation + u64::from(reload),
                    pages: Some(Arc::new(built.pages)),
                    stale: None,
                }
            }
            Err(e) => Snapshot {
                error: Some(e.to_string()),
                generation: previous.generation + 1,
                ..previous.clone()
            },
        })
    });
}

/// What the terminal says when a build fails and none has succeeded yet.
const NOTHING_YET: &str = "esikatselussa ei näy vielä mitään: sivustoa ei ole vielä kertaakaan saatu rakennettua yllä lueteltujen virheiden takia; korjaa ne ja tallenna, niin esikatselu päivittyy itsestään";

/// Runs `work` (a rebuild or an update). A panic in it would end the
/// thread that watches or rebuilds, and every later save would go
/// unseen while the old site stayed up; instead it is reported, on
/// stderr and over every page, as an internal error, and the thread goes
/// on: the next save rebuilds.
fn guarded(shared: &Shared, work: impl FnOnce()) {
    let Err(panic) = std::panic::catch_unwind(std::panic::AssertUnwindSafe(work)) else {
        return;
    };
    let what = panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "tuntematon syy".into());
    let e = Error::Internal(format!(
        "esikatselun päivitys kaatui ({what}); esikatselu jatkaa, ja seuraava tallennus rakentaa sivuston uudelleen"
    ));
    eprintln!("{e}");
    shared.publish(|previous| {
        Some(Snapshot {
            error: Some(e.to_string()),
            generation: previous.generation + 1,
            ..previous.clone()
        })
    });
}

/// What the watcher runs after each save: `on_change` under [`guarded`].
fn on_save(
    shared: Arc<Shared>,
    on_change: impl Fn(Option<Vec<PathBuf>>) + Send + 'static,
) -> impl Fn(Option<Vec<PathBuf>>) + Send + 'static {
    move |changed| guarded(&shared, || on_change(changed))
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
    // The front matter is as it was: the drafts and, until the
    // background rebuild says otherwise, the warnings too.
    shared.publish(|current| {
        Some(Snapshot {
            error: None,
            generation: current.generation + 1,
            pages: Some(Arc::new(next)),
            stale: Some(Arc::new(Stale {
                paths,
                made: Mutex::default(),
            })),
            ..current.clone()
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
    guarded(&shared, || rebuild(&site, &shared, false));
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
                guarded(&shared, || rebuild(&site, &shared, true));
            }
        }
    });
    watch::start(
        &opts.root,
        on_save(shared.clone(), {
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
        }),
    )?;

    if opts.open
        && let Err(e) = opener::open(&url)
    {
        eprintln!("selainta ei voitu avata: {e}; avaa osoite itse");
    }
    http::serve(listener, shared)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn copy_dir(from: &Path, to: &Path) {
        std::fs::create_dir_all(to).unwrap();
        for entry in std::fs::read_dir(from).unwrap() {
            let entry = entry.unwrap();
            let target = to.join(entry.file_name());
            if entry.file_type().unwrap().is_dir() {
                copy_dir(&entry.path(), &target);
            } else {
                std::fs::copy(entry.path(), &target).unwrap();
            }
        }
    }

    /// Polls `until` for ten seconds at most.
    fn wait(what: &str, until: impl Fn() -> bool) {
        let started = Instant::now();
        while !until() {
            assert!(started.elapsed() < Duration::from_secs(10), "{what}");
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// The watcher as `run` sets it up ([`on_save`]), with a rebuild that
    /// panics while a page says KAADU: the panic is shown as an internal
    /// error over the last good site, and the next save rebuilds.
    #[test]
    fn a_panic_in_a_rebuild_is_reported_and_the_next_save_rebuilds() {
        let dir = tempfile::tempdir().unwrap();
        copy_dir(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/jarvilaakso"),
            dir.path(),
        );
        let site = SiteOptions {
            root: dir.path().to_path_buf(),
            base_url: Some("http://127.0.0.1:1111/".into()),
            drafts: true,
            strict: false,
        };
        let shared = Arc::new(Shared::default());
        guarded(&shared, || rebuild(&site, &shared, false));
        assert!(shared.current().last_good && shared.current().error.is_none());
        let memo = dir.path().join("content/2030/muistio.md");
        let text = std::fs::read_to_string(&memo).unwrap();

        watch::start(
            dir.path(),
            on_save(shared.clone(), {
                let shared = shared.clone();
                let site = site.clone();
                let memo = memo.clone();
                move |_| {
                    if std::fs::read_to_string(&memo).is_ok_and(|t| t.contains("KAADU")) {
                        panic!("koe: rakennus kaatuu");
                    }
                    rebuild(&site, &shared, false);
                }
            }),
        )
        .unwrap();

        std::fs::write(&memo, format!("{text}\nKAADU\n")).unwrap();
        wait("the panic is reported", || shared.current().error.is_some());
        let now = shared.current();
        let error = now.error.as_deref().unwrap();
        assert!(error.starts_with("sisäinen virhe: "), "{error}");
        assert!(error.contains("koe: rakennus kaatuu"), "{error}");
        assert!(
            error.contains("tämä ei johdu sivuston sisällöstä"),
            "{error}"
        );
        assert!(now.last_good, "the last good site is still served");
        assert!(now.files.contains_key("2030/muistio/index.html"));

        std::fs::write(&memo, format!("{text}\nKorjattu rivi.\n")).unwrap();
        wait("the next save rebuilds", || {
            let now = shared.current();
            now.error.is_none()
                && now
                    .files
                    .get("2030/muistio/index.html")
                    .is_some_and(|b| String::from_utf8_lossy(b).contains("Korjattu rivi."))
        });
    }

    #[test]
    fn drafts_are_the_pages_marked_so() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/jarvilaakso");
        let site = SiteOptions {
            root: root.clone(),
            base_url: Some("http://127.0.0.1:1111/".into()),
            drafts: true,
            strict: false,
        };
        let built = build_in_memory(&site).unwrap();
        let drafts: Vec<&String> = built.drafts.iter().collect();
        assert_eq!(drafts, ["2030/luonnos/index.html"]);
        assert!(built.files.contains_key("2030/luonnos/index.html"));
    }
}
