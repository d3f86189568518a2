//! Answering requests from the in-memory site.
//!
//! The server is hyper on a small tokio runtime, so that what it holds is
//! bounded whatever clients do: two threads answer connections and at
//! most [`RESPONSE_THREADS`] make responses; at most [`MAX_CONNECTIONS`]
//! connections are open at once (more wait in the kernel's queue) and at
//! most [`MAX_SOCKETS`] reload sockets. A request head must arrive within
//! [`HEAD_TIMEOUT`], and a connection that neither reads nor writes for
//! [`IDLE_TIMEOUT`] is closed. A head over [`MAX_HEAD`] bytes is answered
//! 431, a URL over [`MAX_URL`] bytes 414.

use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;

use http_body_util::Full;
use hyper::body::{Bytes, Incoming};
use hyper::header::{self, HeaderValue};
use hyper::{Method, Request, Response, StatusCode};
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::sync::Semaphore;

use super::overlay::{self, OVERLAY_CSS, OVERLAY_CSS_PATH};
use super::reload::{self, RELOAD_PATH, SCRIPT, SCRIPT_PATH};
use super::resolve::{Resolved, resolve};
use super::{Shared, Snapshot};
use crate::Error;

/// Open connections at most; the rest wait to be accepted. Kept well
/// under the usual limit of 1,024 open files.
pub const MAX_CONNECTIONS: usize = 512;
/// Open reload sockets (one per open page) at most.
pub const MAX_SOCKETS: usize = 256;
/// Threads that make responses (reading the snapshot, rendering a stale
/// page) at most.
pub const RESPONSE_THREADS: usize = 8;
/// Time to send a whole request head, from the connection's start or the
/// previous response.
pub const HEAD_TIMEOUT: Duration = Duration::from_secs(10);
/// A connection that makes no progress for this long is closed.
pub const IDLE_TIMEOUT: Duration = Duration::from_secs(30);
/// The longest request head (request line and headers), in bytes.
pub const MAX_HEAD: usize = 64 * 1024;
/// The longest URL (path and query), in bytes.
pub const MAX_URL: usize = 8 * 1024;

pub(super) type Body = Full<Bytes>;

/// Connections the kernel keeps waiting while every slot is taken (the
/// standard library's 128 would turn away a burst of page loads).
const BACKLOG: i32 = 1024;

/// A listening socket at `address`.
pub fn listen(address: std::net::SocketAddr) -> std::io::Result<std::net::TcpListener> {
    use socket2::{Domain, Socket, Type};
    let socket = Socket::new(Domain::for_address(address), Type::STREAM, None)?;
    socket.set_reuse_address(true)?;
    socket.bind(&address.into())?;
    socket.listen(BACKLOG)?;
    Ok(socket.into())
}

/// Answers requests until the process is stopped.
pub fn serve(listener: std::net::TcpListener, shared: Arc<Shared>) -> Result<(), Error> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .max_blocking_threads(RESPONSE_THREADS)
        .thread_name("hyte-serve")
        .enable_all()
        .build()
        .map_err(|e| Error::Internal(format!("esikatselun palvelinta ei voitu käynnistää: {e}")))?;
    runtime
        .block_on(accept(listener, shared))
        .map_err(|e| Error::Internal(format!("esikatselun palvelin pysähtyi: {e}")))
}

async fn accept(listener: std::net::TcpListener, shared: Arc<Shared>) -> std::io::Result<()> {
    listener.set_nonblocking(true)?;
    let listener = tokio::net::TcpListener::from_std(listener)?;
    let connections = Arc::new(Semaphore::new(MAX_CONNECTIONS));
    let sockets = Arc::new(Semaphore::new(MAX_SOCKETS));
    loop {
        let slot = connections
            .clone()
            .acquire_owned()
            .await
            .expect("the semaphore is never closed");
        let stream = match listener.accept().await {
            Ok((stream, _)) => stream,
            Err(_) => {
                // Out of file descriptors, or the peer left before it was
                // accepted: neither is a reason to stop serving.
                tokio::time::sleep(Duration::from_millis(50)).await;
                continue;
            }
        };
        let _ = stream.set_nodelay(true);
        let mut stream = tokio_io_timeout::TimeoutStream::new(stream);
        stream.set_read_timeout(Some(IDLE_TIMEOUT));
        stream.set_write_timeout(Some(IDLE_TIMEOUT));
        let shared = shared.clone();
        let sockets = sockets.clone();
        tokio::spawn(async move {
            let service = hyper::service::service_fn(move |request| {
                let answer = answer(request, shared.clone(), sockets.clone());
                async move { Ok::<_, Infallible>(answer.await) }
            });
            let connection = hyper::server::conn::http1::Builder::new()
                .timer(TokioTimer::new())
                .header_read_timeout(HEAD_TIMEOUT)
                .max_header_size(MAX_HEAD)
                .serve_connection(TokioIo::new(Box::pin(stream)), service)
                .with_upgrades();
            let _ = connection.await;
            drop(slot);
        });
    }
}

pub(super) fn plain(status: StatusCode, text: &'static str) -> Response<Body> {
    let mut r = Response::new(Body::from(text));
    *r.status_mut() = status;
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    r
}

fn with_type(body: impl Into<Bytes>, content_type: &str) -> Response<Body> {
    let mut r = Response::new(Body::new(body.into()));
    if let Ok(v) = HeaderValue::from_str(content_type) {
        r.headers_mut().insert(header::CONTENT_TYPE, v);
    }
    r
}

async fn answer(
    request: Request<Incoming>,
    shared: Arc<Shared>,
    sockets: Arc<Semaphore>,
) -> Response<Body> {
    let url_len = request
        .uri()
        .path_and_query()
        .map_or(0, |p| p.as_str().len());
    if url_len > MAX_URL {
        return plain(StatusCode::URI_TOO_LONG, "Osoite on liian pitkä.\n");
    }
    if request.method() != Method::GET && request.method() != Method::HEAD {
        let mut r = plain(
            StatusCode::METHOD_NOT_ALLOWED,
            "Esikatselu vastaa vain GET- ja HEAD-pyyntöihin.\n",
        );
        r.headers_mut()
            .insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
        return r;
    }
    let path = request.uri().path().to_string();
    match path.as_str() {
        RELOAD_PATH => return reload::socket(request, shared, &sockets),
        SCRIPT_PATH => return with_type(SCRIPT, "text/javascript; charset=utf-8"),
        OVERLAY_CSS_PATH => return with_type(OVERLAY_CSS, "text/css; charset=utf-8"),
        _ => {}
    }
    // Reading the snapshot may render a stale page: off the threads that
    // answer connections.
    let made = tokio::task::spawn_blocking(move || site_response(&path, &shared)).await;
    let mut response = made.unwrap_or_else(|_| {
        plain(
            StatusCode::INTERNAL_SERVER_ERROR,
            "Sivua ei voitu tehdä; katso virhe päätteestä.\n",
        )
    });
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

fn site_response(path: &str, shared: &Shared) -> Response<Body> {
    let snapshot = shared.current();
    match resolve(path, &snapshot.files) {
        Resolved::File(key) => file_response(&key, &snapshot, StatusCode::OK),
        Resolved::Redirect(location) => {
            let mut r = Response::new(Body::default());
            *r.status_mut() = StatusCode::MOVED_PERMANENTLY;
            if let Ok(v) = HeaderValue::from_str(&location) {
                r.headers_mut().insert(header::LOCATION, v);
            }
            r
        }
        Resolved::NotFound => file_response(
            &not_found_page(path, &snapshot),
            &snapshot,
            StatusCode::NOT_FOUND,
        ),
    }
}

/// The 404 page of the language an address is in: `sv/404.html` under
/// `/sv/` when the site has one, else the main language's.
fn not_found_page(path: &str, snapshot: &Snapshot) -> String {
    let first = path.trim_start_matches('/').split('/').next().unwrap_or("");
    let own = format!("{first}/404.html");
    if !first.is_empty() && snapshot.get(&own).is_some() {
        own
    } else {
        "404.html".to_string()
    }
}

fn file_response(key: &str, snapshot: &Snapshot, status: StatusCode) -> Response<Body> {
    let Some(bytes) = snapshot.get(key) else {
        // Only before the first good build: show the error alone.
        let body = overlay::placeholder(snapshot);
        let mut r = with_type(body, "text/html; charset=utf-8");
        *r.status_mut() = if snapshot.last_good {
            status
        } else {
            // Nothing of the site exists yet, whatever the address.
            StatusCode::SERVICE_UNAVAILABLE
        };
        return r;
    };
    let mime = mime_guess::from_path(key).first_or_octet_stream();
    let is_html = mime.essence_str() == "text/html";
    let body = if is_html {
        let draft = snapshot.drafts.contains(key);
        overlay::inject(&String::from_utf8_lossy(&bytes), draft, snapshot).into_bytes()
    } else {
        bytes.into_owned()
    };
    let content_type = if mime.type_() == "text" {
        format!("{}; charset=utf-8", mime.essence_str())
    } else {
        mime.essence_str().to_string()
    };
    let mut r = with_type(body, &content_type);
    *r.status_mut() = status;
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn before_the_first_good_build_every_address_says_nothing_is_shown_yet() {
        let never = Snapshot {
            error: Some("virhe: kuntaa \"Pikula\" ei ole".into()),
            last_good: false,
            ..Snapshot::default()
        };
        for path in ["/", "/2030/", "/ei-ole/"] {
            let Resolved::NotFound = resolve(path, &never.files) else {
                panic!("{path} resolved without files");
            };
            let r = file_response("404.html", &never, StatusCode::NOT_FOUND);
            assert_eq!(r.status(), StatusCode::SERVICE_UNAVAILABLE);
        }
        let html = overlay::inject("<html><head></head><body></body></html>", false, &never);
        assert!(html.contains("Sivustoa ei voitu rakentaa"), "{html}");
        assert!(html.contains("ei näy vielä mitään"), "{html}");
        assert!(html.contains("Pikula"), "{html}");
        assert!(!html.contains("viimeisin toimiva versio"), "{html}");
    }
}
