//! Save-to-reloaded-page time of `hyte serve`, measured the way an author
//! lives it: a file is written, the page's WebSocket is told to reload,
//! and the page is fetched again with the new text.
//!
//! cargo run --release --example reload_latency -- [SITE_DIR] [EDITS] [FILE URL]
//!
//! SITE_DIR defaults to the repository's own site; it is copied to a
//! temporary folder first, so the real content is never touched. FILE (a
//! path under SITE_DIR) is the file edited and URL the page fetched after
//! each reload; by default the front page, `content/_index.md` and `/`.
//! For the synthetic 10,000-page site of `examples/synth.rs`:
//!
//! cargo run --release --example reload_latency -- /tmp/s10k 20 \
//!     content/2050/kuntaryhmat/hukalanen-kokalavesi-rikalakoski.md \
//!     /2050/kuntaryhmat/hukalanen-kokalavesi-rikalakoski/

use std::io::{Read, Write};
use std::net::{IpAddr, Ipv4Addr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

fn copy(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

fn get(port: u16, path: &str) -> String {
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut out = String::new();
    s.read_to_string(&mut out).unwrap();
    out
}

fn stats(name: &str, mut ms: Vec<f64>) {
    ms.sort_by(f64::total_cmp);
    let at = |q: f64| ms[((ms.len() - 1) as f64 * q).round() as usize];
    println!(
        "{name}: median {:.1} ms, p90 {:.1} ms, min {:.1} ms, max {:.1} ms (n = {})",
        at(0.5),
        at(0.9),
        ms[0],
        ms[ms.len() - 1],
        ms.len()
    );
}

fn main() {
    let mut args = std::env::args().skip(1);
    let site = PathBuf::from(
        args.next()
            .unwrap_or_else(|| env!("CARGO_MANIFEST_DIR").into()),
    );
    let edits: usize = args
        .next()
        .map(|n| n.parse().expect("EDITS is a number"))
        .unwrap_or(20);
    let edited = args.next().unwrap_or_else(|| "content/_index.md".into());
    let url = args.next().unwrap_or_else(|| "/".into());

    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("site");
    std::fs::create_dir_all(&root).unwrap();
    std::fs::copy(site.join("site.toml"), root.join("site.toml")).unwrap();
    for dir in ["content", "themes", "templates", "static"] {
        if site.join(dir).is_dir() {
            copy(&site.join(dir), &root.join(dir));
        }
    }
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let opts = hyte::serve::ServeOptions {
        root: root.clone(),
        bind: IpAddr::V4(Ipv4Addr::LOCALHOST),
        port,
        open: false,
    };
    std::thread::spawn(move || hyte::serve::run(&opts));
    let started = Instant::now();
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "the server did not start"
        );
        std::thread::sleep(Duration::from_millis(20));
    }

    let file = root.join(&edited);
    let original = std::fs::read_to_string(&file).unwrap();
    let (mut to_event, mut to_page) = (Vec::new(), Vec::new());
    // Time for the background rebuild between edits, as an author pauses.
    let pause: u64 = std::env::var("PAUSE_MS")
        .ok()
        .and_then(|p| p.parse().ok())
        .unwrap_or(150);
    for i in 0..edits {
        let page = get(port, &url);
        let g = page
            .split("data-generation=\"")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap()
            .to_string();
        let stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(10)))
            .unwrap();
        let ws = format!("ws://127.0.0.1:{port}/__hyte/livereload?g={g}");
        let (mut socket, _) = tungstenite::client::client(ws, stream).unwrap();

        let marker = format!("Mittaus {i}.");
        let saved = Instant::now();
        std::fs::write(&file, format!("{original}\n{marker}\n")).unwrap();
        loop {
            if let tungstenite::Message::Text(t) = socket.read().unwrap()
                && t.as_str() == "reload"
            {
                break;
            }
        }
        to_event.push(saved.elapsed().as_secs_f64() * 1000.0);
        let page = get(port, &url);
        assert!(page.contains(&marker), "the reloaded page has the edit");
        to_page.push(saved.elapsed().as_secs_f64() * 1000.0);
        std::thread::sleep(Duration::from_millis(pause));
    }
    println!("site: {}, {edits} edits of {edited}", site.display());
    stats("save → reload message", to_event);
    stats("save → reloaded page fetched", to_page);
}
