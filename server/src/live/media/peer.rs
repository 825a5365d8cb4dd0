//! What the engine and the live service say about a connection.

/// One connection the engine runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct PeerId(pub u64);

/// Which way a connection's media goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    Publisher,
    Viewer,
}

/// What the engine tells the live service.
#[derive(Debug, PartialEq, Eq)]
pub enum MediaEvent {
    /// The connection is up (ICE and DTLS done): media flows.
    Connected { peer: PeerId },
    /// The connection is over: closed, timed out or failed.
    Gone { peer: PeerId },
}
