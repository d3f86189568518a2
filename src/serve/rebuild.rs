//! Rebuilding the site in memory, and surviving whatever a rebuild does.
//!
//! Every rebuild runs the same steps as `hyte build` ([`prepare`] and
//! [`produce`]) into a map instead of a folder, with drafts and the
//! preview's address, and publishes the result as a new [`Snapshot`]: a
//! failed one keeps the last good files and carries its error. A panic
//! in a rebuild or an update is caught ([`guarded`]) so that the watching
//! goes on.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::sync::atomic::Ordering;
use std::sync::{Arc, Mutex, mpsc};
use std::time::Instant;

use super::{Shared, Snapshot};
use crate::diagnostic::Diagnostic;
use crate::model::Site;
use crate::render::OnDemand;
use crate::{Error, SiteOptions, prepare, produce};

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
        translations,
        warnings,
    } = prepare(site)?;
    let files = Mutex::new(HashMap::new());
    produce(site, &model, &templates, &translations, &|rel, file| {
        let bytes = file.into_bytes(rel)?;
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
pub(super) fn rebuild(site: &SiteOptions, shared: &Shared, quiet: bool) {
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
pub(super) fn guarded(shared: &Shared, work: impl FnOnce()) {
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
pub(super) fn on_save(
    shared: Arc<Shared>,
    on_change: impl Fn(Option<Vec<PathBuf>>) + Send + 'static,
) -> impl Fn(Option<Vec<PathBuf>>) + Send + 'static {
    move |changed| guarded(&shared, || on_change(changed))
}

/// Starts the thread of the full rebuilds that follow fast updates: they
/// run there one at a time, and requests made meanwhile are coalesced.
/// Each send on the channel asks for one.
pub(super) fn in_background(site: SiteOptions, shared: Arc<Shared>) -> mpsc::Sender<()> {
    let (background, requests) = mpsc::channel::<()>();
    std::thread::spawn(move || {
        while requests.recv().is_ok() {
            while requests.try_recv().is_ok() {}
            guarded(&shared, || rebuild(&site, &shared, true));
        }
    });
    background
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::serve::watch;
    use std::path::Path;
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
