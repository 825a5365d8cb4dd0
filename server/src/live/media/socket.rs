//! The one UDP socket every publisher and viewer reaches us on, and the task that reads it.
//! Datagrams are stamped with their arrival time as they are read, on a task of their own,
//! so that the engine's fan-out to hundreds of viewers never delays the stamps: congestion
//! control (transport-wide feedback) reads them, and late stamps made the publisher's
//! browser think its link had collapsed.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Instant;
use tokio::net::UdpSocket;
use tokio::sync::mpsc;

/// The socket's buffers: a second of a few 1 Mbit/s streams to hundreds of viewers. The
/// kernel caps them at `net.core.rmem_max` and `wmem_max` (the README says how to raise them).
const BUFFER_BYTES: usize = 4 * 1024 * 1024;

/// Larger than any datagram WebRTC sends (str0m keeps packets under about 1,200 bytes).
const DATAGRAM_BYTES_MAX: usize = 2048;

/// A datagram as it arrived.
pub struct Arrival {
    pub at: Instant,
    pub from: SocketAddr,
    pub bytes: Vec<u8>,
}

/// Binds `addr` and starts reading it; the socket (to send from) and what arrives.
pub fn bind(addr: SocketAddr) -> std::io::Result<(Arc<UdpSocket>, mpsc::Receiver<Arrival>)> {
    let domain = socket2::Domain::for_address(addr);
    let socket = socket2::Socket::new(domain, socket2::Type::DGRAM, Some(socket2::Protocol::UDP))?;
    // Best effort: a kernel that caps them leaves them smaller, which still works.
    let _ = socket.set_recv_buffer_size(BUFFER_BYTES);
    let _ = socket.set_send_buffer_size(BUFFER_BYTES);
    socket.bind(&addr.into())?;
    socket.set_nonblocking(true)?;
    let socket = Arc::new(UdpSocket::from_std(socket.into())?);
    // Bounded: when the engine falls behind, datagrams are dropped here, as a full network
    // queue would drop them, rather than piling up in memory.
    let (arrivals, received) = mpsc::channel(8192);
    let reader = socket.clone();
    tokio::spawn(async move {
        let mut buffer = [0u8; DATAGRAM_BYTES_MAX];
        loop {
            match reader.recv_from(&mut buffer).await {
                Ok((length, from)) => {
                    let arrival = Arrival {
                        at: Instant::now(),
                        from,
                        bytes: buffer[..length].to_vec(),
                    };
                    if let Err(mpsc::error::TrySendError::Closed(_)) = arrivals.try_send(arrival) {
                        return;
                    }
                }
                // An ICMP "port unreachable" from a peer that left shows up as an error on
                // some systems: the socket itself is fine.
                Err(error) => tracing::debug!(%error, "a datagram could not be read"),
            }
        }
    });
    Ok((socket, received))
}
