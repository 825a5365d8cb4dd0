//! The media engine: one task owns every WebRTC connection (str0m is sans-IO: the task feeds
//! each connection its datagrams and timeouts and sends what it asks to send). A publisher's
//! frames go to every connected viewer of its stream, each viewer getting them packetized
//! for its own connection (its payload types, its retransmissions). A viewer joining, a
//! viewer's decoder asking, or a frame lost asks the publisher for a key frame, at most
//! twice a second per stream.
//!
//! str0m's rule: after anything changes a connection, it is polled until it only has a
//! timeout to give. Only connections that changed are polled (`dirty`), so a datagram costs
//! the work of its own connection, not of all of them.

use super::negotiate::Connection;
use super::peer::{MediaEvent, PeerId, Role};
use super::socket::Arrival;
use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};
use str0m::media::{KeyframeRequestKind, MediaData, MediaKind, Mid};
use str0m::net::{Protocol, Receive};
use str0m::{Event, IceConnectionState, Input, Output, Rtc};
use tokio::net::UdpSocket;
use tokio::sync::mpsc;

/// The least time between two key frame requests to one publisher.
const KEYFRAME_GAP: Duration = Duration::from_millis(500);

/// How long a connection may take to come up before it is dropped (a client that posted an
/// offer and never connected holds nothing for long).
const CONNECT_TIMEOUT: Duration = Duration::from_secs(30);

/// What the engine is told.
pub enum Command {
    Add {
        peer: PeerId,
        stream: i64,
        role: Role,
        connection: Box<Connection>,
    },
    Remove {
        peer: PeerId,
    },
}

struct Peer {
    id: PeerId,
    stream: i64,
    role: Role,
    rtc: Rtc,
    mids: Vec<(Mid, MediaKind)>,
    /// When str0m next wants a timeout.
    deadline: Instant,
    /// Changed since it was last polled.
    dirty: bool,
    connected: bool,
    added: Instant,
}

impl Peer {
    fn mid(&self, kind: MediaKind) -> Option<Mid> {
        self.mids
            .iter()
            .find(|(_, k)| *k == kind)
            .map(|(mid, _)| *mid)
    }
}

/// What polling a connection produced that concerns the others.
enum Happened {
    Media(PeerId, Box<MediaData>),
    KeyframeWanted(i64),
    Connected(PeerId),
}

struct Engine {
    socket: Arc<UdpSocket>,
    /// The address peers reach us at: every datagram's destination, as str0m checks it
    /// against the candidate it advertised.
    advertised: SocketAddr,
    peers: Vec<Peer>,
    last_keyframe_request: HashMap<i64, Instant>,
    events: mpsc::UnboundedSender<MediaEvent>,
}

/// Runs until the command channel closes.
pub async fn run(
    socket: Arc<UdpSocket>,
    advertised: SocketAddr,
    mut arrivals: mpsc::Receiver<Arrival>,
    mut commands: mpsc::Receiver<Command>,
    events: mpsc::UnboundedSender<MediaEvent>,
) {
    let mut engine = Engine {
        socket,
        advertised,
        peers: Vec::new(),
        last_keyframe_request: HashMap::new(),
        events,
    };
    loop {
        engine.settle();
        let next = engine
            .peers
            .iter()
            .map(|peer| peer.deadline)
            .min()
            .unwrap_or_else(|| Instant::now() + Duration::from_secs(1));
        tokio::select! {
            arrival = arrivals.recv() => match arrival {
                Some(arrival) => engine.receive(arrival),
                None => return,
            },
            command = commands.recv() => match command {
                Some(command) => engine.command(command),
                None => return,
            },
            () = tokio::time::sleep_until(next.into()) => {}
        }
        engine.time_passes(Instant::now());
    }
}

impl Engine {
    fn receive(&mut self, arrival: Arrival) {
        let Ok(contents) = arrival.bytes.as_slice().try_into() else {
            return; // not STUN, DTLS or RTP: nobody's
        };
        let input = Input::Receive(
            arrival.at,
            Receive {
                proto: Protocol::Udp,
                source: arrival.from,
                destination: self.advertised,
                contents,
            },
        );
        if let Some(peer) = self.peers.iter_mut().find(|peer| peer.rtc.accepts(&input)) {
            peer.dirty = true;
            if let Err(error) = peer.rtc.handle_input(input) {
                tracing::debug!(%error, peer = peer.id.0, "a peer's datagram broke its connection");
                peer.rtc.disconnect();
            }
        }
    }

    fn command(&mut self, command: Command) {
        match command {
            Command::Add {
                peer,
                stream,
                role,
                connection,
            } => self.peers.push(Peer {
                id: peer,
                stream,
                role,
                rtc: connection.rtc,
                mids: connection.mids,
                deadline: Instant::now(),
                dirty: true,
                connected: false,
                added: Instant::now(),
            }),
            Command::Remove { peer } => {
                if let Some(peer) = self.peers.iter_mut().find(|p| p.id == peer) {
                    peer.rtc.disconnect();
                    peer.dirty = true;
                }
            }
        }
    }

    fn time_passes(&mut self, now: Instant) {
        for peer in self.peers.iter_mut() {
            if !peer.connected && now.duration_since(peer.added) > CONNECT_TIMEOUT {
                peer.rtc.disconnect();
                peer.dirty = true;
            }
        }
        for peer in self.peers.iter_mut().filter(|peer| peer.deadline <= now) {
            peer.dirty = true;
            if let Err(error) = peer.rtc.handle_input(Input::Timeout(now)) {
                tracing::debug!(%error, peer = peer.id.0, "a peer's timeout broke its connection");
                peer.rtc.disconnect();
            }
        }
    }

    /// Polls every changed connection, and acts on what they produced until nothing changes.
    fn settle(&mut self) {
        let mut happened = Vec::new();
        for peer in self.peers.iter_mut().filter(|peer| peer.dirty) {
            poll(peer, &self.socket, &mut happened);
        }
        while !happened.is_empty() {
            let mut next = Vec::new();
            for event in happened {
                match event {
                    Happened::Media(from, data) => self.forward(from, data, &mut next),
                    Happened::KeyframeWanted(stream) => self.ask_keyframe(stream, &mut next),
                    Happened::Connected(peer) => {
                        let _ = self.events.send(MediaEvent::Connected { peer });
                        if let Some(stream) = self.viewer_stream(peer) {
                            self.ask_keyframe(stream, &mut next);
                        }
                    }
                }
            }
            happened = next;
        }
        let events = &self.events;
        self.peers.retain(|peer| {
            let alive = peer.rtc.is_alive();
            if !alive {
                let _ = events.send(MediaEvent::Gone { peer: peer.id });
            }
            alive
        });
    }

    fn viewer_stream(&self, peer: PeerId) -> Option<i64> {
        self.peers
            .iter()
            .find(|p| p.id == peer && p.role == Role::Viewer)
            .map(|p| p.stream)
    }

    /// Writes a publisher's frame to each connected viewer of its stream.
    fn forward(&mut self, from: PeerId, data: Box<MediaData>, happened: &mut Vec<Happened>) {
        let Some(publisher) = self.peers.iter().find(|p| p.id == from) else {
            return;
        };
        if publisher.role != Role::Publisher {
            return;
        }
        let stream = publisher.stream;
        let Some(kind) = publisher
            .mids
            .iter()
            .find(|(mid, _)| *mid == data.mid)
            .map(|(_, kind)| *kind)
        else {
            return;
        };
        if kind == MediaKind::Video && !data.contiguous {
            happened.push(Happened::KeyframeWanted(stream));
        }
        for viewer in self
            .peers
            .iter_mut()
            .filter(|peer| peer.stream == stream && peer.role == Role::Viewer && peer.connected)
        {
            let Some(mid) = viewer.mid(kind) else {
                continue;
            };
            let Some(writer) = viewer.rtc.writer(mid) else {
                continue;
            };
            let Some(pt) = writer.match_params(data.params) else {
                continue;
            };
            if let Err(error) = writer.write(pt, data.network_time, data.time, data.data.clone()) {
                tracing::debug!(%error, peer = viewer.id.0, "a frame could not be written to a viewer");
                viewer.rtc.disconnect();
            }
            poll(viewer, &self.socket, happened);
        }
    }

    /// Asks `stream`'s publisher for a key frame, unless it was asked a moment ago.
    fn ask_keyframe(&mut self, stream: i64, happened: &mut Vec<Happened>) {
        let now = Instant::now();
        let last = self.last_keyframe_request.get(&stream);
        if last.is_some_and(|last| now.duration_since(*last) < KEYFRAME_GAP) {
            return;
        }
        let Some(publisher) = self
            .peers
            .iter_mut()
            .find(|peer| peer.stream == stream && peer.role == Role::Publisher && peer.connected)
        else {
            return;
        };
        self.last_keyframe_request.insert(stream, now);
        let Some(mid) = publisher.mid(MediaKind::Video) else {
            return;
        };
        if let Some(mut writer) = publisher.rtc.writer(mid) {
            let kind = if writer.is_request_keyframe_possible(KeyframeRequestKind::Pli) {
                KeyframeRequestKind::Pli
            } else {
                KeyframeRequestKind::Fir
            };
            let _ = writer.request_keyframe(None, kind);
        }
        poll(publisher, &self.socket, happened);
    }
}

/// Polls one connection until it only has a timeout to give: sends its datagrams, collects
/// what concerns the others.
fn poll(peer: &mut Peer, socket: &UdpSocket, happened: &mut Vec<Happened>) {
    loop {
        if !peer.rtc.is_alive() {
            peer.dirty = false;
            return;
        }
        match peer.rtc.poll_output() {
            Ok(Output::Timeout(at)) => {
                peer.deadline = at;
                peer.dirty = false;
                return;
            }
            // A full socket buffer drops the datagram, as a congested network would.
            Ok(Output::Transmit(transmit)) => {
                let _ = socket.try_send_to(&transmit.contents, transmit.destination);
            }
            Ok(Output::Event(event)) => match event {
                Event::Connected => {
                    peer.connected = true;
                    happened.push(Happened::Connected(peer.id));
                }
                Event::MediaData(data) => happened.push(Happened::Media(peer.id, Box::new(data))),
                Event::KeyframeRequest(_) => happened.push(Happened::KeyframeWanted(peer.stream)),
                Event::IceConnectionStateChange(IceConnectionState::Disconnected) => {
                    peer.rtc.disconnect();
                }
                _ => {}
            },
            Err(error) => {
                tracing::debug!(%error, peer = peer.id.0, "a peer's connection failed");
                peer.rtc.disconnect();
            }
        }
    }
}
