//! `hyte serve` end to end: a server on an ephemeral port over a copy of
//! the fixture site; pages, live reload over the WebSocket, the error
//! overlay with the last good page still served, and traversal attempts.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::*;

/// A running `hyte serve`, stopped when dropped.
struct Server {
    child: Child,
    port: u16,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn serve(root: &Path) -> Server {
    let mut child = Command::new(env!("CARGO_BIN_EXE_hyte"))
        .args(["serve", "--port", "0", "--root"])
        .arg(root)
        .stderr(Stdio::piped())
        .spawn()
        .expect("hyte serve starts");
    let stderr = child.stderr.take().expect("piped");
    let mut lines = BufReader::new(stderr).lines();
    let port = loop {
        let line = lines
            .next()
            .expect("serve prints its address")
            .expect("readable");
        if let Some(rest) = line.split("http://127.0.0.1:").nth(1) {
            break rest
                .trim_end_matches(|c: char| !c.is_ascii_digit())
                .split('/')
                .next()
                .unwrap()
                .parse()
                .unwrap();
        }
    };
    // Keep draining stderr so the server never blocks on a full pipe.
    std::thread::spawn(move || for _ in lines {});
    Server { child, port }
}

/// A raw GET, so that the path reaches the server exactly as written.
fn get(port: u16, path: &str) -> (u16, String) {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("connects");
    stream
        .set_read_timeout(Some(Duration::from_secs(5)))
        .unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut response = Vec::new();
    stream.read_to_end(&mut response).unwrap();
    let text = String::from_utf8_lossy(&response).into_owned();
    let status = text
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let body = text
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_string())
        .unwrap_or_default();
    (status, body)
}

fn generation(html: &str) -> u64 {
    let i = html
        .find("data-generation=\"")
        .expect("the reload script is injected")
        + 17;
    html[i..].split('"').next().unwrap().parse().unwrap()
}

type Socket = tungstenite::WebSocket<TcpStream>;

fn reload_socket(port: u16, generation: u64) -> Socket {
    let stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let url = format!("ws://127.0.0.1:{port}/__hyte/livereload?g={generation}");
    tungstenite::client::client(url, stream)
        .expect("WebSocket handshake")
        .0
}

/// Waits for the "reload" message, skipping pings.
fn await_reload(socket: &mut Socket) -> Duration {
    let started = Instant::now();
    loop {
        match socket.read().expect("a message before the timeout") {
            tungstenite::Message::Text(t) if t.as_str() == "reload" => return started.elapsed(),
            _ => continue,
        }
    }
}

const GROUP: &str = "content/2030/kuntaryhmat/kallioniemi-pikkula.md";
const GROUP_URL: &str = "/2030/kuntaryhmat/kallioniemi-pikkula/";

#[test]
fn serves_pages_with_types_indexes_and_the_404_page() {
    let site = site_with(&[]);
    let server = serve(site.path());
    let (status, body) = get(server.port, GROUP_URL);
    assert_eq!(status, 200);
    assert!(body.contains("Kallioniemi ja Pikkula"));
    // Drafts are part of the preview.
    assert_eq!(get(server.port, "/2030/luonnos/").0, 200);
    // A folder without its slash is redirected to it.
    assert_eq!(get(server.port, "/2030").0, 301);
    let (status, body) = get(server.port, "/ei-ole/");
    assert_eq!(status, 404);
    assert!(
        body.contains("Sivua ei löytynyt"),
        "the site's own 404 page"
    );
    // Nothing was written into the site folder.
    assert!(!site.path().join("public").exists());
}

#[test]
fn requests_cannot_leave_the_built_site() {
    let site = site_with(&[]);
    let server = serve(site.path());
    for path in [
        "/../site.toml",
        "/2030/../../site.toml",
        "/%2e%2e/site.toml",
        "/%2E%2E%2Fsite.toml",
        "/..%2f..%2fsite.toml",
        "/..%5csite.toml",
        "//etc/passwd",
        "/content/2030/_index.md",
        "/%00",
    ] {
        let (status, body) = get(server.port, path);
        assert_eq!(status, 404, "{path}");
        assert!(
            !body.contains("base_url") && !body.contains("root:"),
            "{path} leaked a file"
        );
    }
}

#[test]
fn edits_reload_the_page_and_errors_show_over_the_last_good_page() {
    let site = site_with(&[]);
    let server = serve(site.path());
    let (_, page) = get(server.port, GROUP_URL);
    let mut socket = reload_socket(server.port, generation(&page));

    // An edit: the page reloads and shows the new text.
    let path = site.path().join(GROUP);
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        text.replace(
            "Neuvotteluun osallistui",
            "Päivitetty: neuvotteluun osallistui",
        ),
    )
    .unwrap();
    await_reload(&mut socket);
    let (_, page) = get(server.port, GROUP_URL);
    assert!(page.contains("Päivitetty: neuvotteluun osallistui"));
    assert!(!page.contains("hyte-overlay"));

    // A broken file: the last good page is still served, with the error
    // (file and line) over it.
    std::fs::write(&path, "+++\ntitle = \"Kallioniemi ja Pikkula\"\nmunicipalities = [\"Kallioniemi\", \"Pikula\"]\n+++\n").unwrap();
    await_reload(&mut socket);
    let (status, page) = get(server.port, GROUP_URL);
    assert_eq!(status, 200);
    assert!(
        page.contains("Päivitetty: neuvotteluun osallistui"),
        "the last good page"
    );
    assert!(page.contains("id=\"hyte-overlay\""), "{page}");
    assert!(
        page.contains("kallioniemi-pikkula.md:3"),
        "the overlay names file and line"
    );

    // Fixed: the overlay goes away.
    std::fs::write(&path, &text).unwrap();
    await_reload(&mut socket);
    let (_, page) = get(server.port, GROUP_URL);
    assert!(!page.contains("hyte-overlay"));
    assert!(page.contains("Neuvotteluun osallistui"));
}

#[test]
fn new_and_deleted_files_are_picked_up() {
    let site = site_with(&[]);
    let server = serve(site.path());
    let (_, page) = get(server.port, "/");
    let mut socket = reload_socket(server.port, generation(&page));
    assert_eq!(get(server.port, "/2030/uusi/").0, 404);

    std::fs::create_dir_all(site.path().join("content/2030/liitteet")).unwrap();
    std::fs::write(
        site.path().join("content/2030/liitteet/uusi.md"),
        "+++\ntitle = \"Uusi sivu\"\n+++\n\nTeksti.\n",
    )
    .unwrap();
    await_reload(&mut socket);
    let (status, body) = get(server.port, "/2030/liitteet/uusi/");
    assert_eq!(status, 200);
    assert!(body.contains("Uusi sivu"));

    std::fs::remove_dir_all(site.path().join("content/2030/liitteet")).unwrap();
    await_reload(&mut socket);
    assert_eq!(get(server.port, "/2030/liitteet/uusi/").0, 404);
}

#[test]
fn editor_temp_files_do_not_trigger_rebuilds() {
    let site = site_with(&[]);
    let server = serve(site.path());
    let (_, page) = get(server.port, "/");
    let before = generation(&page);
    for name in [".muistio.md.swp", "muistio.md~", ".#muistio.md", "4913"] {
        std::fs::write(site.path().join("content/2030").join(name), "x").unwrap();
    }
    std::thread::sleep(Duration::from_millis(400));
    let (_, page) = get(server.port, "/");
    assert_eq!(generation(&page), before);
}

#[test]
fn build_output_has_no_reload_script() {
    let out = tempdir();
    let public = out.path().join("public");
    build(&fixture(), &public, &[]).assert_code(0);
    for entry in walk(&public) {
        let bytes = std::fs::read(&entry).unwrap();
        assert!(
            !String::from_utf8_lossy(&bytes).contains("__hyte"),
            "{} carries the serve script",
            entry.display()
        );
    }
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else {
            out.push(path);
        }
    }
    out
}
