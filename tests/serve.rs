//! `hyte serve` end to end: a server on an ephemeral port over a copy of
//! the fixture site; pages, live reload over the WebSocket, the error
//! overlay with the last good page still served (and what is said when
//! there is none yet), the warnings box, the draft banner, and traversal
//! attempts. A panic in a rebuild is tested beside the code
//! (src/serve/mod.rs): the binary has no way to make one on purpose.

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
    /// What it printed before its address: the first build's report.
    startup: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn serve(root: &Path) -> Server {
    let mut child = Command::new(env!("CARGO_BIN_EXE_hyte"))
        .env("SOURCE_DATE_EPOCH", TEST_EPOCH)
        .args(["serve", "--port", "0", "--root"])
        .arg(root)
        .stderr(Stdio::piped())
        .spawn()
        .expect("hyte serve starts");
    let stderr = child.stderr.take().expect("piped");
    let mut lines = BufReader::new(stderr).lines();
    let mut startup = String::new();
    let port = loop {
        let line = lines
            .next()
            .expect("serve prints its address")
            .expect("readable");
        startup.push_str(&line);
        startup.push('\n');
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
    Server {
        child,
        port,
        startup,
    }
}

/// A raw GET, so that the path reaches the server exactly as written.
fn get(port: u16, path: &str) -> (u16, String) {
    get_within(port, path, Duration::from_secs(5))
}

fn get_within(port: u16, path: &str, timeout: Duration) -> (u16, String) {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("connects");
    stream.set_read_timeout(Some(timeout)).unwrap();
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

/// Waits for reloads until the page at `url` is as `wanted` says, and
/// returns it (status and body). A save can reach the server in two
/// bursts (the file emptied, then written), each rebuilt and reloaded,
/// so the first reload may show the empty file's error.
fn reloaded_until(
    socket: &mut Socket,
    port: u16,
    url: &str,
    wanted: impl Fn(&str) -> bool,
) -> (u16, String) {
    let started = Instant::now();
    loop {
        await_reload(socket);
        let (status, page) = get(port, url);
        if wanted(&page) {
            return (status, page);
        }
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "{url} never became as wanted:\n{page}"
        );
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
    let (_, page) = reloaded_until(&mut socket, server.port, GROUP_URL, |p| {
        p.contains("Päivitetty: neuvotteluun osallistui")
    });
    assert!(!page.contains("hyte-overlay"));

    // A broken file: the last good page is still served, with the error
    // (file and line) over it.
    std::fs::write(&path, BROKEN_GROUP).unwrap();
    let (status, page) = reloaded_until(&mut socket, server.port, GROUP_URL, |p| {
        p.contains("kallioniemi-pikkula.md:3")
    });
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
    let (_, page) = reloaded_until(&mut socket, server.port, GROUP_URL, |p| {
        !p.contains("hyte-overlay")
    });
    assert!(page.contains("Neuvotteluun osallistui"));
}

/// The fixture's group page made unbuildable (an unknown municipality on
/// line 3).
const BROKEN_GROUP: &str = "+++\ntitle = \"Kallioniemi ja Pikkula\"\nmunicipalities = [\"Kallioniemi\", \"Pikula\"]\n+++\n";

#[test]
fn a_site_broken_from_the_start_says_nothing_is_shown_yet() {
    let site = site_with(&[(GROUP, Some(BROKEN_GROUP))]);
    let server = serve(site.path());
    assert!(
        has_location(&server.startup, "kallioniemi-pikkula.md", 3),
        "{}",
        server.startup
    );
    assert!(
        server.startup.contains("esikatselussa ei näy vielä mitään"),
        "{}",
        server.startup
    );
    assert!(
        !server.startup.contains("viimeisin toimiva versio"),
        "there is no last good version: {}",
        server.startup
    );
    // Every address: the errors, and that nothing can be shown yet.
    let mut seen = 0;
    for path in ["/", GROUP_URL, "/ei-ole/", "/2030"] {
        let (status, body) = get(server.port, path);
        assert_eq!(status, 503, "{path}");
        assert!(body.contains("id=\"hyte-overlay\""), "{path}: {body}");
        assert!(body.contains("Sivustoa ei voitu rakentaa"), "{path}");
        assert!(body.contains("ei näy vielä mitään"), "{path}");
        assert!(body.contains("kallioniemi-pikkula.md:3"), "{path}");
        assert!(!body.contains("viimeisin toimiva versio"), "{path}");
        assert!(body.contains("/__hyte/overlay.css"), "{path}");
        seen = generation(&body);
    }

    // Fixed: the site appears, without the overlay.
    let mut socket = reload_socket(server.port, seen);
    std::fs::copy(fixture().join(GROUP), site.path().join(GROUP)).unwrap();
    let (status, page) = reloaded_until(&mut socket, server.port, GROUP_URL, |p| {
        !p.contains("hyte-overlay")
    });
    assert_eq!(status, 200);
    assert!(page.contains("Kallioniemi ja Pikkula"));

    // Broken again: now the last good version is there and said to be.
    std::fs::write(site.path().join(GROUP), BROKEN_GROUP).unwrap();
    let (status, page) = reloaded_until(&mut socket, server.port, GROUP_URL, |p| {
        p.contains("kallioniemi-pikkula.md:3")
    });
    assert_eq!(status, 200);
    assert!(page.contains("Sivustoa ei voitu päivittää"), "{page}");
    assert!(page.contains("viimeisin toimiva versio"));
    assert!(!page.contains("ei näy vielä mitään"));
}

#[test]
fn warnings_show_in_a_box_beside_the_page_not_over_it() {
    let text = std::fs::read_to_string(fixture().join(GROUP)).unwrap();
    let warned = text.replace(
        "Neuvotteluun osallistui kuntien ja hyvinvointialueen johtoa.",
        "<div>Tärkeä huomautus kokouksesta.</div>",
    );
    assert_ne!(warned, text);
    let site = site_with(&[(GROUP, Some(&warned))]);
    let server = serve(site.path());
    // On the terminal, with file and line, and counted.
    assert!(
        server.startup.contains("varoitus: ") && server.startup.contains("HTML-tagi <div>"),
        "{}",
        server.startup
    );
    assert!(
        has_location(&server.startup, "kallioniemi-pikkula.md", 11),
        "{}",
        server.startup
    );
    assert!(server.startup.contains("1 varoitus"), "{}", server.startup);

    // In the page: a closed box, the page whole and no error overlay.
    let (status, page) = get(server.port, GROUP_URL);
    assert_eq!(status, 200);
    assert!(page.contains("Tärkeä huomautus kokouksesta."), "{page}");
    assert!(!page.contains("id=\"hyte-overlay\""), "{page}");
    assert!(page.contains("id=\"hyte-warnings\""), "{page}");
    assert!(page.contains("<details><summary>Esikatselu: 1 varoitus</summary>"));
    assert!(page.contains("HTML-tagi &lt;div&gt;"), "{page}");
    assert!(page.contains("kallioniemi-pikkula.md:11"));
    assert!(page.contains("/__hyte/overlay.css"));
    // Styled from the server's own file, as the page's CSP allows.
    assert!(page.contains("Content-Security-Policy"));
    assert!(!page.contains(" style=") && !page.contains("<style"));
    let (status, css) = get(server.port, "/__hyte/overlay.css");
    assert_eq!(status, 200);
    assert!(css.contains("#hyte-warnings"));
    // The other pages carry it too.
    assert!(get(server.port, "/").1.contains("id=\"hyte-warnings\""));

    // Fixed: the box goes (the fast path keeps the page's last warnings;
    // the background rebuild finds them gone and reloads the page).
    let mut socket = reload_socket(server.port, generation(&page));
    std::fs::write(site.path().join(GROUP), &text).unwrap();
    let (_, page) = reloaded_until(&mut socket, server.port, GROUP_URL, |p| {
        !p.contains("hyte-warnings")
    });
    assert!(page.contains("Neuvotteluun osallistui"));
    assert!(!page.contains("hyte-overlay"));
}

#[test]
fn draft_pages_carry_a_banner_in_the_preview_only() {
    const BANNER: &str = "<div class=\"hyte-draft\" role=\"note\">LUONNOS – tämä sivu ei näy julkaistulla sivustolla</div>";
    let site = site_with(&[]);
    let server = serve(site.path());
    let (status, html) = get(server.port, "/2030/luonnos/");
    assert_eq!(status, 200);
    let body = html.find("<body").expect("a body");
    let open = body + html[body..].find('>').unwrap() + 1;
    assert!(html[open..].starts_with(BANNER), "{html}");
    assert!(html.contains("/__hyte/overlay.css"));
    assert!(!html.contains("hyte-overlay"));
    for path in ["/", GROUP_URL, "/2030/"] {
        assert!(!get(server.port, path).1.contains("hyte-draft"), "{path}");
    }
    // `build --drafts` publishes the draft as it is, without the banner.
    let out = tempdir();
    let public = out.path().join("public");
    build(site.path(), &public, &["--drafts"]).assert_code(0);
    let built = page(&public, "2030/luonnos/index.html");
    assert!(built.contains("Keskeneräinen luonnos"));
    assert!(!built.contains("hyte-draft") && !built.contains("LUONNOS"));
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

/// Writes `request` as it is (ignoring a write cut short by the server)
/// and returns the status, 0 if the server closed without an answer.
fn raw(port: u16, request: &[u8]) -> u16 {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("connects");
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let _ = stream.write_all(request);
    let mut response = Vec::new();
    let _ = stream.read_to_end(&mut response);
    String::from_utf8_lossy(&response)
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0)
}

/// The tests that open hundreds of connections run one at a time, with
/// the soft limit on open files raised to the hard one (often 1,024 and
/// 524,288 on a desktop), so that they fit beside each other and the rest.
fn many_connections() -> std::sync::MutexGuard<'static, ()> {
    static HEAVY: std::sync::Mutex<()> = std::sync::Mutex::new(());
    #[cfg(unix)]
    // SAFETY: plain calls with a valid pointer to a local struct.
    unsafe {
        let mut limit = libc::rlimit {
            rlim_cur: 0,
            rlim_max: 0,
        };
        if libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) == 0 && limit.rlim_cur < 4096 {
            limit.rlim_cur = limit.rlim_max.min(4096);
            libc::setrlimit(libc::RLIMIT_NOFILE, &limit);
        }
    }
    HEAVY.lock().unwrap_or_else(|e| e.into_inner())
}

/// The number of threads of a process.
fn threads(pid: u32) -> usize {
    std::fs::read_dir(format!("/proc/{pid}/task"))
        .unwrap()
        .count()
}

#[test]
fn long_urls_and_heads_are_refused_and_the_server_goes_on() {
    let site = site_with(&[]);
    let server = serve(site.path());
    let port = server.port;
    let long = format!("/{}", "a".repeat(10_000));
    assert_eq!(get(port, &long).0, 414, "a 10 kB URL");
    let head =
        |extra: &str| format!("GET /2030/ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n{extra}\r\n");
    let big = head(&format!("X-Big: {}\r\n", "b".repeat(100_000)));
    assert_eq!(raw(port, big.as_bytes()), 431, "a 100 kB header");
    let many: String = (0..300).map(|i| format!("X-{i}: y\r\n")).collect();
    assert_eq!(raw(port, head(&many).as_bytes()), 431, "300 headers");
    // A head far over the limit is cut off, not read to the end.
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream.write_all(b"GET / HTTP/1.1\r\nX-Endless: ").unwrap();
    let chunk = vec![b'c'; 64 * 1024];
    let sent = (0..160)
        .take_while(|_| stream.write_all(&chunk).is_ok())
        .count();
    assert!(sent < 160, "the server read a 10 MB head");
    assert_eq!(
        raw(
            port,
            b"POST /2030/ HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nConnection: close\r\n\r\nx"
        ),
        405
    );
    assert_eq!(raw(port, b"GARBAGE\r\n\r\n"), 400);
    let (status, body) = get(port, "/2030/");
    assert_eq!(status, 200);
    assert!(body.contains("</html>"));
}

#[test]
fn idle_and_slow_connections_time_out_with_threads_bounded() {
    let _heavy = many_connections();
    let site = site_with(&[]);
    let server = serve(site.path());
    let port = server.port;
    assert_eq!(get(port, "/").0, 200);
    let before = threads(server.child.id());
    // More connections than the server takes at once: most send nothing,
    // some send half a head and stop, as in a slowloris attack.
    let started = Instant::now();
    let mut idle: Vec<TcpStream> = (0..600)
        .map(|_| TcpStream::connect(("127.0.0.1", port)).expect("connects"))
        .collect();
    for stream in idle.iter_mut().take(50) {
        stream.write_all(b"GET / HTTP/1.1\r\nHost: x\r\n").unwrap();
    }
    std::thread::sleep(Duration::from_millis(500));
    let during = threads(server.child.id());
    assert!(
        during <= before + 8,
        "{during} threads with 600 idle connections, {before} before"
    );
    // A page is still served: the idle ones are closed in time.
    let (status, _) = get_within(port, "/2030/", Duration::from_secs(20));
    assert_eq!(status, 200);
    for (i, stream) in idle.iter_mut().enumerate() {
        stream
            .set_read_timeout(Some(Duration::from_secs(20)))
            .unwrap();
        let mut buf = [0; 512];
        // Closed: end of stream, or an answer (408) then the end.
        let mut got = Vec::new();
        loop {
            match stream.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => got.extend_from_slice(&buf[..n]),
                Err(e) if e.kind() == std::io::ErrorKind::ConnectionReset => break,
                Err(e) => panic!(
                    "connection {i} still open after {:?}: {e}",
                    started.elapsed()
                ),
            }
        }
        assert!(
            got.is_empty() || got.starts_with(b"HTTP/1.1 408"),
            "{}",
            String::from_utf8_lossy(&got)
        );
    }
    assert!(started.elapsed() < Duration::from_secs(25));
    assert!(threads(server.child.id()) <= before + 8);
}

#[test]
fn a_thousand_concurrent_requests_are_all_answered() {
    let _heavy = many_connections();
    let site = site_with(&[]);
    let server = serve(site.path());
    let port = server.port;
    let paths = ["/", "/2030/", GROUP_URL, "/haku.js", "/ei-ole/"];
    let expected: Vec<(u16, String)> = paths.iter().map(|p| get(port, p)).collect();
    let before = threads(server.child.id());
    let gate = std::sync::Arc::new(std::sync::Barrier::new(1000));
    let clients: Vec<_> = (0..1000)
        .map(|i| {
            let gate = gate.clone();
            let path = paths[i % paths.len()];
            std::thread::Builder::new()
                .stack_size(128 * 1024)
                .spawn(move || {
                    gate.wait();
                    get(port, path)
                })
                .unwrap()
        })
        .collect();
    let mut most = 0;
    while clients.iter().any(|c| !c.is_finished()) {
        most = most.max(threads(server.child.id()));
        std::thread::sleep(Duration::from_millis(5));
    }
    for (i, client) in clients.into_iter().enumerate() {
        let got = client.join().unwrap();
        let want = &expected[i % paths.len()];
        assert_eq!(got.0, want.0, "request {i} for {}", paths[i % paths.len()]);
        assert_eq!(got.1, want.1, "request {i} for {}", paths[i % paths.len()]);
    }
    assert!(most <= before + 8, "{most} threads, {before} before");
}
