//! `hyte serve`: a live preview for authors.
//!
//! The site is built in memory (never over `public/`), served over HTTP,
//! and rebuilt when a source file changes; open pages reload over a
//! WebSocket. A failed rebuild keeps the last good site and puts the error
//! over every page until the file is fixed, so the server never dies on
//! bad content. Requests are answered from the in-memory map only, so no
//! path can reach the file system.

mod http;
mod watch;

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::{Arc, Condvar, Mutex, RwLock};
use std::time::Instant;

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
#[derive(Debug, Default)]
pub struct Snapshot {
    pub files: Arc<HashMap<String, Vec<u8>>>,
    pub error: Option<String>,
    pub generation: u64,
}

/// What the server threads share.
#[derive(Debug, Default)]
pub struct Shared {
    snapshot: RwLock<Arc<Snapshot>>,
    /// The generation, for reload sockets to wait on.
    changed: (Mutex<u64>, Condvar),
}

impl Shared {
    pub fn current(&self) -> Arc<Snapshot> {
        self.snapshot.read().expect("no panics while held").clone()
    }

    fn publish(&self, snapshot: Snapshot) {
        let generation = snapshot.generation;
        *self.snapshot.write().expect("no panics while held") = Arc::new(snapshot);
        let (lock, cvar) = &self.changed;
        *lock.lock().expect("no panics while held") = generation;
        cvar.notify_all();
    }

    /// Blocks until the generation passes `seen` or `timeout` runs out;
    /// returns the generation then.
    fn wait_past(&self, seen: u64, timeout: std::time::Duration) -> u64 {
        let (lock, cvar) = &self.changed;
        let guard = lock.lock().expect("no panics while held");
        let (guard, _) = cvar
            .wait_timeout_while(guard, timeout, |g| *g <= seen)
            .expect("no panics while held");
        *guard
    }
}

/// Builds the site into memory with drafts and a local base URL.
fn build_in_memory(site: &SiteOptions) -> Result<HashMap<String, Vec<u8>>, Error> {
    let (model, templates) = prepare(site)?;
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
    Ok(files.into_inner().expect("no panics while held"))
}

/// Rebuilds and publishes the result; a failure keeps the last good files.
fn rebuild(site: &SiteOptions, shared: &Shared) {
    let started = Instant::now();
    let previous = shared.current();
    let generation = previous.generation + 1;
    match build_in_memory(site) {
        Ok(files) => {
            eprintln!(
                "päivitetty: {} tiedostoa {} ms:ssa",
                files.len(),
                started.elapsed().as_millis()
            );
            shared.publish(Snapshot {
                files: Arc::new(files),
                error: None,
                generation,
            });
        }
        Err(e) => {
            let text = e.to_string();
            eprintln!("{text}");
            eprintln!("esikatselussa näkyy viimeisin toimiva versio, kunnes virhe on korjattu");
            shared.publish(Snapshot {
                files: previous.files.clone(),
                error: Some(text),
                generation,
            });
        }
    }
}

/// Runs the preview until the process is stopped.
pub fn run(opts: &ServeOptions) -> Result<(), Error> {
    let server = tiny_http::Server::http((opts.bind, opts.port))
        .map_err(|e| Error::Usage(format!("esikatselua ei voitu käynnistää osoitteeseen {}:{}: {e} (portti voi olla jo käytössä; kokeile esim. --port 1112)", opts.bind, opts.port)))?;
    let port = server
        .server_addr()
        .to_ip()
        .map(|a| a.port())
        .unwrap_or(opts.port);
    let host = match opts.bind {
        IpAddr::V6(ip) => format!("[{ip}]"),
        IpAddr::V4(ip) => ip.to_string(),
    };
    let url = format!("http://{host}:{port}/");
    let site = SiteOptions {
        root: opts.root.clone(),
        base_url: Some(url.clone()),
        drafts: true,
    };
    if !opts.bind.is_loopback() {
        eprintln!(
            "varoitus: osoitteessa {} esikatselu luonnoksineen näkyy myös muille koneille; oletus --bind 127.0.0.1 pitää sen omalla koneellasi",
            opts.bind
        );
    }

    let shared = Arc::new(Shared::default());
    rebuild(&site, &shared);
    eprintln!("esikatselu: {url} (luonnokset mukana); lopeta painamalla Ctrl+C");

    watch::start(&opts.root, {
        let shared = shared.clone();
        let site = site.clone();
        move || rebuild(&site, &shared)
    })?;

    if opts.open
        && let Err(e) = opener::open(&url)
    {
        eprintln!("selainta ei voitu avata: {e}; avaa osoite itse");
    }
    http::serve(server, shared);
    Ok(())
}
