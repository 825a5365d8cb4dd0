//! The listening socket: connections accepted up to a cap, each served by hyper's HTTP/1 with
//! a deadline for a request's headers (which is also how long an idle keep-alive connection
//! stays open), upgrades for WebSockets, and a graceful shutdown that lets open requests
//! finish for a while. A client trickling its headers a byte at a time is cut off at the
//! deadline, one trickling its body is answered 408 (`pacing`), one that stops reading its
//! answers is dropped (`stall`); one connection over the cap is answered 503 and closed
//! without being read. Each request carries its client's address (`ConnectInfo`): the peer's,
//! or the one a trusted proxy names (`proxies`).

use axum::Router;
use axum::extract::ConnectInfo;
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use std::future::Future;
use std::sync::Arc;
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{Semaphore, watch};
use tower::ServiceExt;

use super::pacing::{self, BodyPace};
use super::proxies::TrustedProxies;
use super::stall::WriteStall;

/// What one server lets its clients hold.
#[derive(Clone, Copy, Debug)]
pub struct ConnectionLimits {
    /// Connections open at once; one more is answered 503 and closed. Keep it below the
    /// process's open-files limit (`ulimit -n`), which the database and uploads share.
    pub max_connections: usize,
    /// How long a client has to send a request's headers, counted from the connection's
    /// start or from the end of the previous response: so also how long an idle keep-alive
    /// connection stays open.
    pub header_read: Duration,
    /// How fast a request's body must arrive.
    pub body: BodyPace,
    /// How long a response may wait for the client to read it before the connection is
    /// dropped.
    pub write_stall: Duration,
    /// How long open requests may take to finish after a shutdown signal.
    pub shutdown_grace: Duration,
}

impl Default for ConnectionLimits {
    fn default() -> Self {
        Self {
            max_connections: 4096,
            header_read: Duration::from_secs(15),
            body: BodyPace::default(),
            write_stall: Duration::from_secs(60),
            shutdown_grace: Duration::from_secs(30),
        }
    }
}

/// The answer to a connection over the cap.
const FULL: &[u8] = b"HTTP/1.1 503 Service Unavailable\r\n\
Retry-After: 5\r\n\
Content-Type: text/plain; charset=utf-8\r\n\
Content-Length: 32\r\n\
Connection: close\r\n\
\r\n\
Too many connections; try again\n";

/// Serves `router` on `listener` until `shutdown` resolves, then lets open connections
/// finish for `limits.shutdown_grace`; the clients behind `proxies` are known by the address
/// the proxies forward.
pub async fn serve(
    listener: TcpListener,
    router: Router,
    limits: ConnectionLimits,
    proxies: TrustedProxies,
    shutdown: impl Future<Output = ()>,
) {
    let router = pacing::paced(router, limits.body);
    let slots = Arc::new(Semaphore::new(limits.max_connections));
    let (stop, stopping) = watch::channel(false);
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(limits.header_read)
        .keep_alive(true);
    tokio::pin!(shutdown);
    loop {
        let (tcp, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(pair) => pair,
                Err(error) => {
                    // Out of file descriptors, mostly: wait for some to close.
                    tracing::error!(%error, "cannot accept a connection");
                    tokio::time::sleep(Duration::from_millis(200)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let _ = tcp.set_nodelay(true);
        let Ok(slot) = slots.clone().try_acquire_owned() else {
            crate::log_throttle::warn_throttled!(%peer, "connection refused: the server is full");
            tokio::spawn(turn_away(tcp));
            continue;
        };
        let proxies = proxies.clone();
        let service =
            router
                .clone()
                .map_request(move |mut request: axum::http::Request<Incoming>| {
                    let client = proxies.client(peer, request.headers());
                    request.extensions_mut().insert(ConnectInfo(client));
                    request
                });
        let connection = http
            .serve_connection(
                TokioIo::new(WriteStall::new(tcp, limits.write_stall)),
                TowerToHyperService::new(service),
            )
            .with_upgrades();
        let mut stopping = stopping.clone();
        tokio::spawn(async move {
            tokio::pin!(connection);
            let ended = tokio::select! {
                ended = connection.as_mut() => ended,
                () = async { let _ = stopping.wait_for(|stop| *stop).await; } => {
                    connection.as_mut().graceful_shutdown();
                    connection.await
                }
            };
            if let Err(error) = ended {
                tracing::debug!(%error, %peer, "connection ended with an error");
            }
            drop(slot);
        });
    }
    drop(listener);
    let _ = stop.send(true);
    let open = u32::try_from(limits.max_connections).unwrap_or(u32::MAX);
    if tokio::time::timeout(limits.shutdown_grace, slots.acquire_many(open))
        .await
        .is_err()
    {
        tracing::warn!("connections still open after the shutdown grace period");
    }
}

/// Answers a connection over the cap without serving it. What the client sent is read and
/// dropped for a moment (at most [`TURN_AWAY_DRAIN`] bytes) after the answer: a socket closed
/// with unread data resets the connection, and the client would see the reset instead of 503.
async fn turn_away(mut tcp: TcpStream) {
    let answer = async {
        tcp.write_all(FULL).await?;
        tcp.shutdown().await?;
        let mut sink = [0u8; 4096];
        let mut drained = 0;
        while drained < TURN_AWAY_DRAIN {
            match tcp.read(&mut sink).await? {
                0 => break,
                n => drained += n,
            }
        }
        Ok::<_, std::io::Error>(())
    };
    let _ = tokio::time::timeout(Duration::from_millis(500), answer).await;
}

/// Bytes of a turned-away client's request read and dropped before its connection closes.
const TURN_AWAY_DRAIN: usize = 16 * 1024;

#[cfg(test)]
mod tests {
    use super::FULL;

    #[test]
    fn the_full_answer_declares_its_length() {
        let text = std::str::from_utf8(FULL).unwrap();
        let (head, body) = text.split_once("\r\n\r\n").unwrap();
        assert!(head.contains(&format!("Content-Length: {}\r\n", body.len())));
    }
}
