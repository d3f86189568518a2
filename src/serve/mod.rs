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
//!
//! The parts: `watch` sees the saves, `update` is the fast path and
//! `rebuild` the full one, both publishing into what the threads share
//! (`snapshot`); `http` answers from it, finding the file with
//! `resolve`, adding `overlay` to each page and keeping the
//! `reload` sockets. This file holds the options and wires them up.

mod http;
mod overlay;
mod rebuild;
mod reload;
mod resolve;
mod snapshot;
mod update;
mod watch;

pub use snapshot::{Shared, Snapshot, Stale};

use std::net::IpAddr;
use std::sync::Arc;
use std::sync::atomic::Ordering;

use crate::{Error, SiteOptions};

/// Options of `hyte serve`.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub root: std::path::PathBuf,
    pub bind: IpAddr,
    /// 0 picks a free port.
    pub port: u16,
    pub open: bool,
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
    rebuild::guarded(&shared, || rebuild::rebuild(&site, &shared, false));
    eprintln!("esikatselu: {url} (luonnokset mukana); lopeta painamalla Ctrl+C");

    // A save takes the fast path where it can, with a quiet full rebuild
    // after it in the background; else a full rebuild at once.
    let background = rebuild::in_background(site.clone(), shared.clone());
    watch::start(
        &opts.root,
        rebuild::on_save(shared.clone(), {
            let shared = shared.clone();
            let site = site.clone();
            move |changed| {
                shared.edits.fetch_add(1, Ordering::SeqCst);
                match changed {
                    Some(changed) if update::update(&site.root, &changed, &shared) => {
                        let _ = background.send(());
                    }
                    _ => rebuild::rebuild(&site, &shared, false),
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

/// For tests: the files of a small built site, empty.
#[cfg(test)]
fn test_files() -> std::collections::HashMap<String, Vec<u8>> {
    ["index.html", "2025/index.html", "style.css", "404.html"]
        .into_iter()
        .map(|k| (k.to_string(), Vec::new()))
        .collect()
}
