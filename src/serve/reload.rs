//! The reload socket: how an open page learns that the site changed.
//!
//! Every page `serve` answers carries a small script ([`SCRIPT`]) that
//! opens a WebSocket with the generation the page was made from; the
//! socket says "reload" as soon as a newer generation is published, and
//! pings while quiet so that closed pages are noticed and the connection
//! is not closed as idle.

use std::sync::Arc;
use std::time::Duration;

use futures_util::{SinkExt, StreamExt};
use hyper::body::{Bytes, Incoming};
use hyper::header::{self, HeaderValue};
use hyper::{Request, Response, StatusCode};
use hyper_util::rt::TokioIo;
use tokio::sync::Semaphore;
use tokio_tungstenite::tungstenite;

use super::Shared;
use super::http::{Body, IDLE_TIMEOUT, plain};

/// Where the page opens its reload socket.
pub(super) const RELOAD_PATH: &str = "/__hyte/livereload";
/// The script that opens it, added to every page.
pub(super) const SCRIPT_PATH: &str = "/__hyte/livereload.js";

/// How often a quiet reload socket is pinged, to find closed pages.
const PING_EVERY: Duration = Duration::from_secs(15);
// The page's pong to each ping is what keeps a quiet reload socket from
// being closed as idle.
const _: () = assert!(PING_EVERY.as_secs() * 2 <= IDLE_TIMEOUT.as_secs());

/// Reconnects after a restart, and reloads the page when told to.
pub(super) const SCRIPT: &str = r#"(() => {
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

/// The reload socket: tells the page to reload whenever a rebuild
/// finished after the generation the page was built from.
pub(super) fn socket(
    mut request: Request<Incoming>,
    shared: Arc<Shared>,
    sockets: &Arc<Semaphore>,
) -> Response<Body> {
    let headers = request.headers();
    let upgrade = headers
        .get(header::UPGRADE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.eq_ignore_ascii_case("websocket"));
    let Some(key) = headers.get(header::SEC_WEBSOCKET_KEY).filter(|_| upgrade) else {
        return plain(
            StatusCode::BAD_REQUEST,
            "Tämä osoite on vain esikatselun WebSocket-yhteydelle.\n",
        );
    };
    let Ok(slot) = sockets.clone().try_acquire_owned() else {
        return plain(
            StatusCode::SERVICE_UNAVAILABLE,
            "Liian monta avointa sivua; sulje osa välilehdistä.\n",
        );
    };
    let accept = tungstenite::handshake::derive_accept_key(key.as_bytes());
    let seen: u64 = request
        .uri()
        .query()
        .unwrap_or_default()
        .split('&')
        .find_map(|kv| kv.strip_prefix("g="))
        .and_then(|g| g.parse().ok())
        .unwrap_or(0);
    tokio::spawn(async move {
        if let Ok(upgraded) = hyper::upgrade::on(&mut request).await {
            let socket = tokio_tungstenite::WebSocketStream::from_raw_socket(
                TokioIo::new(upgraded),
                tungstenite::protocol::Role::Server,
                None,
            )
            .await;
            push_reloads(socket, &shared, seen).await;
        }
        drop(slot);
    });
    let mut r = Response::new(Body::default());
    *r.status_mut() = StatusCode::SWITCHING_PROTOCOLS;
    let h = r.headers_mut();
    h.insert(header::CONNECTION, HeaderValue::from_static("upgrade"));
    h.insert(header::UPGRADE, HeaderValue::from_static("websocket"));
    if let Ok(v) = HeaderValue::from_str(&accept) {
        h.insert(header::SEC_WEBSOCKET_ACCEPT, v);
    }
    r
}

/// Sends "reload" whenever the generation passes `seen`, and a ping on
/// quiet periods; ends when the page goes away.
async fn push_reloads<S>(
    mut socket: tokio_tungstenite::WebSocketStream<S>,
    shared: &Shared,
    mut seen: u64,
) where
    S: tokio::io::AsyncRead + tokio::io::AsyncWrite + Unpin,
{
    let mut generation = shared.generation.subscribe();
    loop {
        let now = *generation.borrow_and_update();
        if now > seen {
            if socket
                .send(tungstenite::Message::text("reload"))
                .await
                .is_err()
            {
                return;
            }
            seen = now;
            continue;
        }
        tokio::select! {
            changed = generation.changed() => if changed.is_err() {
                return;
            },
            // Pongs and the page's own frames are read and dropped; a
            // close or an error ends the socket.
            incoming = socket.next() => if !matches!(incoming, Some(Ok(_))) {
                return;
            },
            () = tokio::time::sleep(PING_EVERY) => {
                if socket.send(tungstenite::Message::Ping(Bytes::new())).await.is_err() {
                    return;
                }
            }
        }
    }
}
