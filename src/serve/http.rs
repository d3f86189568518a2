//! Answering requests from the in-memory site, and the reload socket.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use tiny_http::{Header, Request, Response, StatusCode};

use super::{Shared, Snapshot};

const RELOAD_PATH: &str = "/__hyte/livereload";
const SCRIPT_PATH: &str = "/__hyte/livereload.js";
const OVERLAY_CSS_PATH: &str = "/__hyte/overlay.css";

/// Reconnects after a restart, and reloads the page when told to.
const SCRIPT: &str = r#"(() => {
  const me = document.currentScript;
  const seen = me ? me.dataset.generation : "0";
  const url = (location.protocol === "https:" ? "wss://" : "ws://") + location.host + "/__hyte/livereload?g=" + seen;
  let delay = 250;
  function connect() {
    const ws = new WebSocket(url);
    ws.onmessage = (e) => { if (e.data === "reload") location.reload(); };
    ws.onopen = () => { delay = 250; };
    ws.onclose = () => { setTimeout(connect, delay); delay = Math.min(delay * 2, 5000); };
  }
  connect();
})();
"#;

const OVERLAY_CSS: &str = "#hyte-overlay{position:fixed;inset:auto 0 0 0;max-height:70vh;overflow:auto;z-index:1000;\
background:#fff;color:#0b0c0c;border-top:0.5rem solid #d4351c;padding:1rem 1.5rem;box-shadow:0 -0.25rem 1rem rgba(0,0,0,.3);\
font:1rem/1.5 system-ui,sans-serif}#hyte-overlay pre{white-space:pre-wrap;font:0.95rem/1.4 ui-monospace,monospace;\
background:#f3f2f1;padding:0.75rem}#hyte-overlay h2{margin:0 0 .5rem;font-size:1.25rem}";

/// Answers requests until the server stops; one thread per request.
pub fn serve(server: tiny_http::Server, shared: Arc<Shared>) {
    for request in server.incoming_requests() {
        let shared = shared.clone();
        std::thread::spawn(move || handle(request, &shared));
    }
}

fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("valid header")
}

fn handle(request: Request, shared: &Shared) {
    let url = request.url().to_string();
    let (path, query) = url.split_once('?').unwrap_or((&url, ""));
    let path = path.split('#').next().unwrap_or_default();
    match path {
        RELOAD_PATH => return reload_socket(request, shared, query),
        SCRIPT_PATH => {
            let r = Response::from_string(SCRIPT)
                .with_header(header("Content-Type", "text/javascript; charset=utf-8"));
            let _ = request.respond(r);
            return;
        }
        OVERLAY_CSS_PATH => {
            let r = Response::from_string(OVERLAY_CSS)
                .with_header(header("Content-Type", "text/css; charset=utf-8"));
            let _ = request.respond(r);
            return;
        }
        _ => {}
    }
    let snapshot = shared.current();
    let response = match resolve(path, &snapshot.files) {
        Resolved::File(key) => file_response(&key, &snapshot, StatusCode(200)),
        Resolved::Redirect(location) => Response::from_data(Vec::new())
            .with_status_code(StatusCode(301))
            .with_header(header("Location", &location)),
        Resolved::NotFound => file_response("404.html", &snapshot, StatusCode(404)),
    };
    let _ = request.respond(response.with_header(header("Cache-Control", "no-store")));
}

fn file_response(
    key: &str,
    snapshot: &Snapshot,
    status: StatusCode,
) -> Response<std::io::Cursor<Vec<u8>>> {
    let Some(bytes) = snapshot.get(key) else {
        // Only before the first good build: show the error alone.
        let body = inject(
            "<!DOCTYPE html><html lang=\"fi\"><head><meta charset=\"utf-8\"><title>hyte</title></head><body><main></main></body></html>",
            snapshot,
        );
        return Response::from_data(body.into_bytes())
            .with_status_code(status)
            .with_header(header("Content-Type", "text/html; charset=utf-8"));
    };
    let mime = mime_guess::from_path(key).first_or_octet_stream();
    let is_html = mime.essence_str() == "text/html";
    let body = if is_html {
        inject(&String::from_utf8_lossy(&bytes), snapshot).into_bytes()
    } else {
        bytes.into_owned()
    };
    let content_type = if mime.type_() == "text" {
        format!("{}; charset=utf-8", mime.essence_str())
    } else {
        mime.essence_str().to_string()
    };
    Response::from_data(body)
        .with_status_code(status)
        .with_header(header("Content-Type", &content_type))
}

/// Adds the reload script, and the error overlay while the latest rebuild
/// has failed. Only `serve` does this; `build` output never has it.
fn inject(html: &str, snapshot: &Snapshot) -> String {
    let mut tail = format!(
        "<script src=\"{SCRIPT_PATH}\" data-generation=\"{}\"></script>",
        snapshot.generation
    );
    let mut html = html.to_string();
    if let Some(error) = &snapshot.error {
        if let Some(i) = html.rfind("</head>") {
            html.insert_str(
                i,
                &format!("<link rel=\"stylesheet\" href=\"{OVERLAY_CSS_PATH}\">"),
            );
        }
        tail = format!(
            "<div id=\"hyte-overlay\" role=\"alert\"><h2>Sivustoa ei voitu päivittää</h2>\
             <pre>{}</pre><p>Esikatselussa näkyy viimeisin toimiva versio. Korjaa tiedosto ja tallenna, niin sivu päivittyy itsestään.</p></div>{tail}",
            html_escape::encode_text(error)
        );
    }
    match html.rfind("</body>") {
        Some(i) => html.insert_str(i, &tail),
        None => html.push_str(&tail),
    }
    html
}

#[derive(Debug, PartialEq, Eq)]
enum Resolved {
    File(String),
    Redirect(String),
    NotFound,
}

/// The key in `files` for a request path. Only plain segments are
/// accepted: `..`, `.`, backslashes, NUL and undecodable bytes give
/// NotFound, whether written plainly or percent-encoded.
fn resolve(path: &str, files: &HashMap<String, Vec<u8>>) -> Resolved {
    let Some(decoded) = percent_decode(path) else {
        return Resolved::NotFound;
    };
    if decoded.contains(['\\', '\0']) {
        return Resolved::NotFound;
    }
    let segments: Vec<&str> = decoded.split('/').filter(|s| !s.is_empty()).collect();
    if segments.iter().any(|s| *s == ".." || *s == ".") {
        return Resolved::NotFound;
    }
    let key = segments.join("/");
    let dir_index = if key.is_empty() {
        "index.html".to_string()
    } else {
        format!("{key}/index.html")
    };
    if decoded.ends_with('/') || key.is_empty() {
        return if files.contains_key(&dir_index) {
            Resolved::File(dir_index)
        } else {
            Resolved::NotFound
        };
    }
    if files.contains_key(&key) {
        Resolved::File(key)
    } else if files.contains_key(&dir_index) {
        Resolved::Redirect(format!("/{key}/"))
    } else {
        Resolved::NotFound
    }
}

/// The decoded path, or None where it is not UTF-8.
fn percent_decode(s: &str) -> Option<String> {
    percent_encoding::percent_decode_str(s)
        .decode_utf8()
        .ok()
        .map(|c| c.into_owned())
}

/// The reload socket: tells the page to reload whenever a rebuild
/// finished after the generation the page was built from.
fn reload_socket(request: Request, shared: &Shared, query: &str) {
    let key = request
        .headers()
        .iter()
        .find(|h| h.field.equiv("Sec-WebSocket-Key"))
        .map(|h| h.value.to_string());
    let Some(key) = key else {
        let _ = request
            .respond(Response::from_string("WebSocket only").with_status_code(StatusCode(400)));
        return;
    };
    let accept = tungstenite::handshake::derive_accept_key(key.as_bytes());
    let response =
        Response::new_empty(StatusCode(101)).with_header(header("Sec-WebSocket-Accept", &accept));
    let stream = request.upgrade("websocket", response);
    let mut socket =
        tungstenite::WebSocket::from_raw_socket(stream, tungstenite::protocol::Role::Server, None);
    let mut seen: u64 = query
        .split('&')
        .find_map(|kv| kv.strip_prefix("g="))
        .and_then(|g| g.parse().ok())
        .unwrap_or(0);
    loop {
        let now = shared.wait_past(seen, Duration::from_secs(15));
        // A ping on quiet periods finds closed pages, so their threads end.
        let message = if now > seen {
            tungstenite::Message::text("reload")
        } else {
            tungstenite::Message::Ping(Vec::new().into())
        };
        if socket.send(message).is_err() {
            return;
        }
        seen = now;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files() -> HashMap<String, Vec<u8>> {
        ["index.html", "2025/index.html", "style.css", "404.html"]
            .into_iter()
            .map(|k| (k.to_string(), Vec::new()))
            .collect()
    }

    #[test]
    fn paths_resolve_to_files_indexes_and_redirects() {
        let f = files();
        assert_eq!(resolve("/", &f), Resolved::File("index.html".into()));
        assert_eq!(
            resolve("/2025/", &f),
            Resolved::File("2025/index.html".into())
        );
        assert_eq!(resolve("/2025", &f), Resolved::Redirect("/2025/".into()));
        assert_eq!(
            resolve("/style.css", &f),
            Resolved::File("style.css".into())
        );
        assert_eq!(resolve("/2024/", &f), Resolved::NotFound);
    }

    #[test]
    fn traversal_never_resolves() {
        let f = files();
        for path in [
            "/../index.html",
            "/2025/../../index.html",
            "/%2e%2e/index.html",
            "/%2E%2E%2Findex.html",
            "/..%2f2025/",
            "/.%2e/x",
            "/%5c..%5cindex.html",
            "/%00",
            "/%zz",
            "/%e4",
        ] {
            assert_eq!(resolve(path, &f), Resolved::NotFound, "{path}");
        }
        // Doubled slashes are not absolute paths, only empty segments.
        assert_eq!(
            resolve("//2025/", &f),
            Resolved::File("2025/index.html".into())
        );
    }

    #[test]
    fn the_overlay_is_injected_only_while_broken() {
        let ok = Snapshot {
            files: Arc::new(files()),
            error: None,
            generation: 3,
            ..Snapshot::default()
        };
        let html = inject("<html><head></head><body><p>x</p></body></html>", &ok);
        assert!(html.contains("data-generation=\"3\""));
        assert!(!html.contains("hyte-overlay"));
        let broken = Snapshot {
            error: Some("virhe: <script>".into()),
            ..ok
        };
        let html = inject("<html><head></head><body><p>x</p></body></html>", &broken);
        assert!(html.contains("id=\"hyte-overlay\""));
        assert!(html.contains("virhe: &lt;script&gt;"));
        assert!(html.find("<p>x</p>") < html.find("hyte-overlay"));
    }
}
