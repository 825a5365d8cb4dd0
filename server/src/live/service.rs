//! Who may publish and watch, and the sessions the media engine runs for them. A publisher
//! is a team member signed in (publishing from the browser) or the team's studio encoder,
//! known by its stream key; a viewer is anyone, while the stream is live. Each connection is
//! a session named by an unguessable token, the resource a WHIP or WHEP client deletes to
//! leave. A publisher whose connection drops keeps its stream live for a grace period: a
//! new publish of the same stream (the encoder reconnecting) resumes it, and viewers stay
//! connected meanwhile; after it, the stream ends.

use super::audience::{Audience, Viewer};
use super::chat::Room;
use super::keys;
use super::media::{MediaEngine, MediaEvent, Negotiated, PeerId, Role, negotiate};
use crate::meetings::turn::CallServers;
use crate::storage::Db;
use crate::storage::live::{StoredCounts, StreamRow};
use app::domain::live::StreamCounts;
use app::domain::{Action, CurrentUser, ExhibitorId, ProductSummary, authorize};
use app::error::{AppError, ErrorCode};
use std::collections::HashMap;
use std::sync::{Arc, Mutex, Weak};
use std::time::{Duration, Instant};
use tokio::sync::mpsc;

/// How long a stream whose publisher dropped waits for it to come back.
pub const RECONNECT_GRACE: Duration = Duration::from_secs(30);

/// The most connections one server runs at once (publishers and viewers); one more is
/// answered busy, and a large audience watches over HLS instead.
pub const SESSIONS_MAX: usize = 2000;

/// Who publishes.
#[derive(Clone, Copy)]
pub enum Publisher<'a> {
    /// A studio encoder, with the stream key it sent.
    Key(&'a str),
    /// A team member, signed in.
    Member(&'a CurrentUser),
}

/// A connection started: its stream, the token of its resource, and the SDP answer.
pub struct Started {
    pub stream: i64,
    pub token: String,
    pub answer: String,
}

struct Session {
    stream: i64,
    exhibitor: ExhibitorId,
    role: Role,
    peer: Option<PeerId>,
    /// The person watching, for a viewer's session.
    viewer: Option<Viewer>,
    /// The connection is over (a publisher's stream waits out its grace period).
    gone: bool,
}

/// A viewer's session that ended: the person left their last tab of the stream after
/// watching it for `watched`, or still watches in another.
struct Left {
    stream: i64,
    viewer: Viewer,
    watched: Option<Duration>,
}

#[derive(Default)]
struct Sessions {
    by_token: HashMap<String, Session>,
    by_peer: HashMap<PeerId, String>,
    /// The session publishing each stream (reserved before its connection starts).
    publishing: HashMap<i64, String>,
    /// The people watching, each once.
    audience: Audience,
}

pub struct LiveService {
    pub(super) db: Db,
    media: MediaEngine,
    /// The STUN and TURN servers handed to publishers and viewers.
    pub ice: CallServers,
    sessions: Mutex<Sessions>,
    /// The product pinned under each live stream's video, as stored (`on_screen.rs`).
    pub(super) pinned: Mutex<HashMap<i64, Option<ProductSummary>>>,
    /// The chat of each live stream (`chat.rs`).
    pub(super) rooms: Mutex<HashMap<i64, Room>>,
}

impl LiveService {
    /// The service over `db` and a started engine, following what the engine reports.
    pub fn new(
        db: Db,
        media: MediaEngine,
        events: mpsc::UnboundedReceiver<MediaEvent>,
        ice: CallServers,
    ) -> Arc<Self> {
        let service = Arc::new(LiveService {
            db,
            media,
            ice,
            sessions: Mutex::default(),
            pinned: Mutex::default(),
            rooms: Mutex::default(),
        });
        tokio::spawn(follow(Arc::downgrade(&service), events));
        service
    }

    /// Starts publishing `stream` (or, for an encoder naming none, its team's next stream).
    pub async fn publish(
        &self,
        who: Publisher<'_>,
        stream: Option<i64>,
        offer: &[u8],
    ) -> Result<Started, AppError> {
        let (exhibitor, chosen) = match (who, stream) {
            (who, Some(id)) => {
                let row = self.db.stream(id).await?.ok_or(AppError::NotFound)?;
                let exhibitor = ExhibitorId(row.exhibitor_id);
                self.publisher_of(who, exhibitor).await?;
                if row.status == "ended" {
                    return Err(AppError::Conflict(ErrorCode::StreamEnded));
                }
                (exhibitor, Some(row.id))
            }
            (Publisher::Key(key), None) => (self.key_owner(key).await?, None),
            (Publisher::Member(user), None) => {
                let team = user.team.ok_or(AppError::Forbidden)?;
                self.publisher_of(who, team.exhibitor).await?;
                (team.exhibitor, None)
            }
        };
        // The offer is checked before a stream is chosen, so that a refused one makes none.
        let Negotiated { connection, answer } = negotiate(self.media.advertised, offer)?;
        let stream = match chosen {
            Some(stream) => stream,
            None => self.db.stream_to_start(exhibitor).await?,
        };
        let token = self.reserve(stream, exhibitor)?;
        let started = async {
            self.db.mark_live(stream).await?;
            self.media
                .connect(stream, Role::Publisher, connection)
                .await
                .map_err(AppError::internal)
        }
        .await;
        match started {
            Ok(peer) => {
                self.attach(&token, peer);
                tracing::info!(stream, exhibitor = exhibitor.0, "a publisher joined");
                Ok(Started {
                    stream,
                    token,
                    answer,
                })
            }
            Err(error) => {
                let _publisher = self.forget(&token);
                Err(error)
            }
        }
    }

    /// Starts `viewer`'s connection to a live stream.
    pub async fn watch(
        &self,
        stream: i64,
        offer: &[u8],
        viewer: Viewer,
    ) -> Result<Started, AppError> {
        let row: StreamRow = self.db.stream(stream).await?.ok_or(AppError::NotFound)?;
        match row.status.as_str() {
            "live" => {}
            "ended" => return Err(AppError::Conflict(ErrorCode::StreamEnded)),
            _ => return Err(AppError::Conflict(ErrorCode::StreamNotLive)),
        }
        if self.session_count() >= SESSIONS_MAX {
            return Err(AppError::Busy);
        }
        let Negotiated { connection, answer } = negotiate(self.media.advertised, offer)?;
        let peer = self
            .media
            .connect(stream, Role::Viewer, connection)
            .await
            .map_err(AppError::internal)?;
        let token = crate::accounts::secret::new_secret().map_err(AppError::internal)?;
        let joined = {
            let mut sessions = self.sessions.lock().unwrap_or_else(|e| e.into_inner());
            sessions.by_peer.insert(peer, token.clone());
            sessions.by_token.insert(
                token.clone(),
                Session {
                    stream,
                    exhibitor: ExhibitorId(row.exhibitor_id),
                    role: Role::Viewer,
                    peer: Some(peer),
                    viewer: Some(viewer.clone()),
                    gone: false,
                },
            );
            sessions.audience.join(stream, &viewer, Instant::now())
        };
        // Counting never stops anyone watching: a count not kept is logged.
        if joined.arrived
            && let Err(error) = self.db.viewer_arrived(stream, &viewer.0).await
        {
            tracing::warn!(%error, stream, "a viewer could not be counted");
        }
        if let Some(peak) = joined.new_peak
            && let Err(error) = self.db.raise_peak(stream, peak).await
        {
            tracing::warn!(%error, stream, "a stream's peak could not be kept");
        }
        Ok(Started {
            stream,
            token,
            answer,
        })
    }

    /// Ends the session `token` of `stream`: a viewer's by its token alone, a publisher's only
    /// by its team (which also ends the stream).
    pub async fn end(
        &self,
        stream: i64,
        token: &str,
        who: Option<Publisher<'_>>,
    ) -> Result<(), AppError> {
        let (role, exhibitor, peer) = {
            let sessions = self.sessions.lock().unwrap_or_else(|e| e.into_inner());
            let session = sessions
                .by_token
                .get(token)
                .filter(|session| session.stream == stream)
                .ok_or(AppError::NotFound)?;
            (session.role, session.exhibitor, session.peer)
        };
        if role == Role::Publisher {
            let who = who.ok_or(AppError::Unauthenticated)?;
            self.publisher_of(who, exhibitor).await?;
        }
        if let Some(peer) = peer {
            self.media.disconnect(peer).await;
        }
        self.left(self.forget(token)).await;
        if role == Role::Publisher {
            self.close(stream).await?;
            tracing::info!(stream, "a publisher ended its stream");
        }
        Ok(())
    }

    /// Ends `stream`: stored as ended, its viewers disconnected.
    async fn close(&self, stream: i64) -> Result<(), AppError> {
        let viewers: Vec<(String, Option<PeerId>)> = {
            let sessions = self.sessions.lock().unwrap_or_else(|e| e.into_inner());
            sessions
                .by_token
                .iter()
                .filter(|(_, session)| session.stream == stream && session.role == Role::Viewer)
                .map(|(token, session)| (token.clone(), session.peer))
                .collect()
        };
        for (token, peer) in viewers {
            if let Some(peer) = peer {
                self.media.disconnect(peer).await;
            }
            self.left(self.forget(&token)).await;
        }
        self.forget_pin(stream);
        self.close_room(stream);
        self.sessions
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .audience
            .end(stream);
        self.db.mark_ended(stream).await
    }

    /// Whether `who` publishes for `exhibitor`: 403 when not, 401 for a key that is none.
    async fn publisher_of(
        &self,
        who: Publisher<'_>,
        exhibitor: ExhibitorId,
    ) -> Result<(), AppError> {
        match who {
            Publisher::Key(key) => {
                if self.key_owner(key).await? != exhibitor {
                    return Err(AppError::Forbidden);
                }
            }
            Publisher::Member(user) => authorize(Some(user), Action::GoLive(exhibitor))?,
        }
        Ok(())
    }

    /// The team whose key `key` is; 401 for a key that is no team's.
    async fn key_owner(&self, key: &str) -> Result<ExhibitorId, AppError> {
        if !keys::well_formed(key) {
            return Err(AppError::Unauthenticated);
        }
        self.db
            .stream_key_owner(&keys::fingerprint(key))
            .await?
            .ok_or(AppError::Unauthenticated)
    }

    /// Reserves `stream` for a new publishing session; `Conflict(stream_busy)` while another
    /// publisher holds it (one whose connection dropped is replaced).
    fn reserve(&self, stream: i64, exhibitor: ExhibitorId) -> Result<String, AppError> {
        let token = crate::accounts::secret::new_secret().map_err(AppError::internal)?;
        let mut sessions = self.sessions.lock().unwrap_or_else(|e| e.into_inner());
        if sessions.by_token.len() >= SESSIONS_MAX {
            return Err(AppError::Busy);
        }
        if let Some(holder) = sessions.publishing.get(&stream).cloned() {
            if !sessions.by_token.get(&holder).is_some_and(|s| s.gone) {
                return Err(AppError::Conflict(ErrorCode::StreamBusy));
            }
            if let Some(old) = sessions.by_token.remove(&holder) {
                old.peer.map(|peer| sessions.by_peer.remove(&peer));
            }
        }
        sessions.publishing.insert(stream, token.clone());
        sessions.by_token.insert(
            token.clone(),
            Session {
                stream,
                exhibitor,
                role: Role::Publisher,
                peer: None,
                viewer: None,
                gone: false,
            },
        );
        Ok(token)
    }

    /// Whether a publisher holds `stream` (connected, or within its grace period).
    pub(super) fn is_publishing(&self, stream: i64) -> bool {
        let sessions = self.sessions.lock().unwrap_or_else(|e| e.into_inner());
        sessions.publishing.contains_key(&stream)
    }

    /// How many people watch `stream` now (each once, however many tabs).
    pub fn viewers(&self, stream: i64) -> u32 {
        let sessions = self.sessions.lock().unwrap_or_else(|e| e.into_inner());
        sessions.audience.watching(stream)
    }

    /// `stream`'s counts: as stored, with the time of those watching now.
    pub(super) async fn counts(&self, stream: i64) -> Result<StreamCounts, AppError> {
        let stored = self.db.stream_counts(stream).await?;
        let (watching, so_far) = {
            let sessions = self.sessions.lock().unwrap_or_else(|e| e.into_inner());
            (
                sessions.audience.watching(stream),
                sessions.audience.watched_so_far(stream, Instant::now()),
            )
        };
        let seconds = u64::try_from(stored.seconds).unwrap_or(0) + so_far.as_secs();
        Ok(StreamCounts {
            watching,
            minutes: u32::try_from(seconds / 60).unwrap_or(u32::MAX),
            ..counted(&stored)
        })
    }

    fn session_count(&self) -> usize {
        let sessions = self.sessions.lock().unwrap_or_else(|e| e.into_inner());
        sessions.by_token.len()
    }

    fn attach(&self, token: &str, peer: PeerId) {
        let mut sessions = self.sessions.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(session) = sessions.by_token.get_mut(token) {
            session.peer = Some(peer);
            sessions.by_peer.insert(peer, token.to_owned());
        }
    }

    /// Forgets session `token`; a viewer's is told as left.
    #[must_use]
    fn forget(&self, token: &str) -> Option<Left> {
        let mut sessions = self.sessions.lock().unwrap_or_else(|e| e.into_inner());
        let session = sessions.by_token.remove(token)?;
        session.peer.map(|peer| sessions.by_peer.remove(&peer));
        if sessions.publishing.get(&session.stream).map(String::as_str) == Some(token) {
            sessions.publishing.remove(&session.stream);
        }
        let viewer = session.viewer?;
        let watched = sessions
            .audience
            .leave(session.stream, &viewer, Instant::now());
        Some(Left {
            stream: session.stream,
            viewer,
            watched,
        })
    }

    /// Keeps how long a person who left watched.
    async fn left(&self, left: Option<Left>) {
        let Some(Left {
            stream,
            viewer,
            watched: Some(watched),
        }) = left
        else {
            return;
        };
        let seconds = i64::try_from(watched.as_secs()).unwrap_or(i64::MAX);
        if let Err(error) = self.db.viewer_watched(stream, &viewer.0, seconds).await {
            tracing::warn!(%error, stream, "the time a viewer watched could not be kept");
        }
    }

    /// A connection is over: a viewer's session goes; a publisher's stream waits out its
    /// grace period, then ends unless a new publisher took it.
    async fn gone(self: Arc<Self>, peer: PeerId) {
        let (token, publisher_of) = {
            let mut sessions = self.sessions.lock().unwrap_or_else(|e| e.into_inner());
            let Some(token) = sessions.by_peer.remove(&peer) else {
                return;
            };
            let Some(session) = sessions.by_token.get_mut(&token) else {
                return;
            };
            session.gone = true;
            let stream = (session.role == Role::Publisher).then_some(session.stream);
            (token, stream)
        };
        let Some(stream) = publisher_of else {
            self.left(self.forget(&token)).await;
            return;
        };
        tracing::info!(
            stream,
            "a publisher's connection dropped: waiting for it to return"
        );
        tokio::time::sleep(RECONNECT_GRACE).await;
        let still_gone = {
            let sessions = self.sessions.lock().unwrap_or_else(|e| e.into_inner());
            sessions.publishing.get(&stream).map(String::as_str) == Some(token.as_str())
        };
        if still_gone {
            let _publisher = self.forget(&token);
            if let Err(error) = self.close(stream).await {
                tracing::warn!(%error, stream, "a stream whose publisher left could not be ended");
            }
        }
    }
}

/// The counts kept of a stream, as its team reads them.
pub(super) fn counted(stored: &StoredCounts) -> StreamCounts {
    let count = |n: i64| u32::try_from(n).unwrap_or(u32::MAX);
    StreamCounts {
        watching: 0,
        peak: count(stored.peak),
        people: count(stored.people),
        minutes: count(stored.seconds / 60),
        inquiries: count(stored.inquiries),
        meetings: count(stored.meetings),
    }
}

/// Acts on what the engine reports, for as long as the service exists.
async fn follow(service: Weak<LiveService>, mut events: mpsc::UnboundedReceiver<MediaEvent>) {
    while let Some(event) = events.recv().await {
        let Some(service) = service.upgrade() else {
            return;
        };
        match event {
            MediaEvent::Connected { peer } => tracing::debug!(peer = peer.0, "connected"),
            MediaEvent::Gone { peer } => {
                tokio::spawn(service.gone(peer));
            }
        }
    }
}
