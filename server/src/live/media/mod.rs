//! The media server inside ours: one UDP socket for every peer (`socket`), one task owning
//! every WebRTC connection and forwarding each stream from its publisher to its viewers
//! (`engine`), and the answer to each connection's offer (`negotiate`). No SQL here: the live
//! service decides who may connect and hears back when a connection comes up or goes.

mod engine;
mod negotiate;
mod peer;
mod socket;

pub use negotiate::{Connection, Negotiated, OFFER_BYTES_MAX, negotiate};
pub use peer::{MediaEvent, PeerId, Role};

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use tokio::sync::mpsc;

/// The handle to a running engine.
#[derive(Clone)]
pub struct MediaEngine {
    commands: mpsc::Sender<engine::Command>,
    /// The address the socket is bound to.
    pub bound: SocketAddr,
    /// The address peers reach us at (the host candidate every answer carries).
    pub advertised: SocketAddr,
    next_peer: Arc<AtomicU64>,
}

impl MediaEngine {
    /// Binds `bind` and starts the engine; peers are told to reach it at `advertised`, or at
    /// the bound address when none is given (which must then be a specific one, not 0.0.0.0).
    /// Also returns what the engine will report.
    pub fn start(
        bind: SocketAddr,
        advertised: Option<SocketAddr>,
    ) -> anyhow::Result<(Self, mpsc::UnboundedReceiver<MediaEvent>)> {
        let (socket, arrivals) = socket::bind(bind)?;
        let bound = socket.local_addr()?;
        let advertised = match advertised {
            Some(address) => address,
            None if !bound.ip().is_unspecified() => bound,
            None => anyhow::bail!(
                "the live media socket listens on {bound}: give the address viewers reach it at \
                 (--live-public-addr)"
            ),
        };
        let (commands, received) = mpsc::channel(1024);
        let (events, heard) = mpsc::unbounded_channel();
        tokio::spawn(engine::run(socket, advertised, arrivals, received, events));
        let engine = MediaEngine {
            commands,
            bound,
            advertised,
            next_peer: Arc::new(AtomicU64::new(1)),
        };
        Ok((engine, heard))
    }

    /// Starts `connection` for `stream`; its id.
    pub async fn connect(
        &self,
        stream: i64,
        role: Role,
        connection: Connection,
    ) -> anyhow::Result<PeerId> {
        let peer = PeerId(self.next_peer.fetch_add(1, Ordering::Relaxed));
        self.commands
            .send(engine::Command::Add {
                peer,
                stream,
                role,
                connection: Box::new(connection),
            })
            .await
            .map_err(|_| anyhow::anyhow!("the media engine stopped"))?;
        Ok(peer)
    }

    /// Ends a connection (already gone is fine).
    pub async fn disconnect(&self, peer: PeerId) {
        let _ = self.commands.send(engine::Command::Remove { peer }).await;
    }
}
