//! The built real site served by a real nginx with docs/nginx.conf: every
//! page and file answers 200, a missing address 404 with the site's own
//! 404 page. Needs nginx (`apt-get install nginx`, done by `.ci/run`; the
//! binary is looked for at `$NGINX`, else /usr/sbin/nginx, /usr/bin/nginx
//! and /usr/local/sbin/nginx). This target runs under libtest-mimic
//! (`harness = false` in Cargo.toml): where nginx is missing, the test is
//! reported as ignored with the reason and the command that installs it,
//! and fails instead if HYTE_REQUIRE_TOOLS=1 is set, as in CI.

mod common;

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitCode};
use std::time::{Duration, Instant};

use common::*;

fn main() -> ExitCode {
    run_trials(vec![trial_needing(
        "nginx_serves_every_page_and_the_404_page",
        || nginx_binary().err(),
        nginx_serves_every_page_and_the_404_page,
    )])
}

/// A running nginx, stopped with `nginx -s stop` (killing only the master
/// would leave its worker behind).
struct Nginx {
    child: Child,
    binary: PathBuf,
    prefix: PathBuf,
    conf: PathBuf,
}

impl Drop for Nginx {
    fn drop(&mut self) {
        let _ = Command::new(&self.binary)
            .arg("-p")
            .arg(&self.prefix)
            .arg("-c")
            .arg(&self.conf)
            .args(["-s", "stop"])
            .stderr(std::process::Stdio::null())
            .status();
        let _ = self.child.wait();
    }
}

/// The nginx binary: `$NGINX` if set, else the first of the usual places
/// that exists; or why there is none.
fn nginx_binary() -> Result<PathBuf, String> {
    if let Some(path) = std::env::var_os("NGINX") {
        let path = PathBuf::from(path);
        return if path.is_file() {
            Ok(path)
        } else {
            Err(format!(
                "nginx is not installed at {} (the path in NGINX): apt-get install nginx",
                path.display()
            ))
        };
    }
    ["/usr/sbin/nginx", "/usr/bin/nginx", "/usr/local/sbin/nginx"]
        .iter()
        .map(PathBuf::from)
        .find(|p| p.exists())
        .ok_or_else(|| "nginx is not installed: apt-get install nginx".to_string())
}

fn get(port: u16, path: &str) -> (u16, String, String) {
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).unwrap();
    let text = String::from_utf8_lossy(&raw).into_owned();
    let status = text
        .split(' ')
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    (status, head.to_string(), body.to_string())
}

fn files(dir: &Path, base: &Path, out: &mut Vec<String>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files(&path, base, out);
        } else {
            out.push(
                path.strip_prefix(base)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/"),
            );
        }
    }
}

fn nginx_serves_every_page_and_the_404_page() {
    let nginx = nginx_binary().expect("nginx was found before the test ran");
    let out = tempdir();
    let public = out.path().join("public");
    build(Path::new(env!("CARGO_MANIFEST_DIR")), &public, &[]).assert_code(0);

    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let server =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/nginx.conf"))
            .unwrap();
    let server = server
        .replace("listen 80;", &format!("listen 127.0.0.1:{port};"))
        .replace(
            "root /var/www/hyte/public;",
            &format!("root {};", public.display()),
        );
    let prefix = out.path().join("nginx");
    std::fs::create_dir_all(prefix.join("logs")).unwrap();
    let conf = format!(
        "daemon off;\nworker_processes 1;\npid {p}/nginx.pid;\nerror_log {p}/logs/error.log;\n\
         events {{ worker_connections 64; }}\n\
         http {{\n include /etc/nginx/mime.types;\n default_type application/octet-stream;\n access_log off;\n\
         client_body_temp_path {p}/body; proxy_temp_path {p}/proxy; fastcgi_temp_path {p}/fastcgi;\n\
         uwsgi_temp_path {p}/uwsgi; scgi_temp_path {p}/scgi;\n{server}\n}}\n",
        p = prefix.display()
    );
    let conf_path = prefix.join("nginx.conf");
    std::fs::write(&conf_path, conf).unwrap();
    let _nginx = Nginx {
        child: Command::new(&nginx)
            .arg("-p")
            .arg(&prefix)
            .arg("-c")
            .arg(&conf_path)
            .spawn()
            .expect("nginx starts"),
        binary: nginx,
        prefix: prefix.clone(),
        conf: conf_path.clone(),
    };
    let started = Instant::now();
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "nginx did not start: {:?}",
            std::fs::read_to_string(prefix.join("logs/error.log"))
        );
        std::thread::sleep(Duration::from_millis(50));
    }

    let mut all = Vec::new();
    files(&public, &public, &mut all);
    assert!(all.len() > 40);
    for rel in &all {
        let url = match rel.strip_suffix("index.html") {
            Some(dir) => format!("/{dir}"),
            None => format!("/{rel}"),
        };
        let (status, head, _) = get(port, &url);
        assert_eq!(status, 200, "{url}");
        if rel.ends_with(".html") {
            assert!(
                head.to_lowercase()
                    .contains("content-type: text/html; charset=utf-8"),
                "{url}: {head}"
            );
        }
        if rel.ends_with(".jsonld") {
            assert!(
                head.to_lowercase()
                    .contains("content-type: application/ld+json"),
                "{url}: {head}"
            );
        }
        if rel.ends_with(".ics") {
            assert!(
                head.to_lowercase().contains("content-type: text/calendar"),
                "{url}: {head}"
            );
        }
    }
    let (status, _, body) = get(port, "/ei-tallaista-sivua/");
    assert_eq!(status, 404);
    assert!(
        body.contains("Sivua ei löytynyt"),
        "the site's 404 page: {body}"
    );
    // A folder without its slash is redirected to it.
    assert_eq!(get(port, "/2025").0, 301);
}
