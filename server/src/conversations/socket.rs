//! `/ws`: the browser's WebSocket. It follows conversations (the messages after the last
//! one the browser has, then each new one) and sends messages, each acknowledged only once
//! stored; it also carries the signals of meetings' video calls (`calls.rs`). Frames are
//! JSON (`ChatFrame` in, `SocketFrame` out); a frame that cannot be read or is refused gets a
//! `Refused` frame, and the socket stays open. When the session the socket was opened with
//! ends, the server closes it with `SESSION_ENDED_CLOSE`. Every frame counts against the
//! socket's budget (`throttle.rs`): over it, frames are refused with `RateLimited` and a socket
//! that keeps flooding is closed with 1008; read marks are written once a second; a person
//! has at most a few sockets (one more is answered 429).

use super::ChatService;
use super::calls::{self, CallEvent};
use super::follower::Follower;
use super::presence::Party;
use super::throttle::{
    Admit, FrameBudget, PendingReads, READS_EVERY, flooding_close, write_read_marks,
};
use crate::accounts::session_ends::{Listener, SessionEnds};
use crate::http::error::HttpError;
use crate::http::extract::SignedIn;
use crate::http::layers::security::is_same_origin;
use app::domain::conversation::{MESSAGES_PER_PAGE, SESSION_ENDED_CLOSE};
use app::domain::{ChatFrame, ConversationId, CurrentUser, MeetingId, SocketFrame};
use app::error::{AppError, ErrorCode};
use app::ports::{Accounts, Conversations, SessionToken};
use axum::extract::State;
use axum::extract::ws::{CloseFrame, Message as WsMessage, WebSocket, WebSocketUpgrade};
use axum::http::HeaderMap;
use axum::response::Response;
use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{broadcast, mpsc};
use tokio::task::JoinHandle;
use tokio::time::Instant;

/// The largest frame a browser may send: a message at its longest, in JSON, with room.
pub const FRAME_BYTES_MAX: usize = 64 * 1024;
/// Read and write buffers of a socket (tungstenite's default is 128 KiB each): idle sockets
/// are most of them, and a frame larger than this is still read, in several reads.
const BUFFER_BYTES: usize = 8 * 1024;
/// Conversations one socket may follow at once.
const FOLLOWED_MAX: usize = 64;
/// How often an idle socket is pinged, so that proxies keep it open.
const PING_EVERY: Duration = Duration::from_secs(30);

/// The upgrade: signed-in people only, from pages of this site.
pub async fn upgrade(
    State(chat): State<Arc<ChatService>>,
    State(accounts): State<Arc<dyn Accounts>>,
    State(session_ends): State<Arc<SessionEnds>>,
    signed_in: Result<SignedIn, HttpError>,
    headers: HeaderMap,
    upgrade: WebSocketUpgrade,
) -> Result<Response, HttpError> {
    if !is_same_origin(&headers) {
        return Err(AppError::Forbidden.into());
    }
    let SignedIn { user, token } = signed_in?;
    let Some(slot) = chat.sockets.take(user.id) else {
        tracing::warn!(user = user.id.0, "too many sockets");
        return Err(AppError::RateLimited.into());
    };
    let session = Session {
        token,
        accounts,
        ends: session_ends.listen(user.id),
    };
    Ok(upgrade
        .max_message_size(FRAME_BYTES_MAX)
        .max_frame_size(FRAME_BYTES_MAX)
        .read_buffer_size(BUFFER_BYTES)
        .write_buffer_size(BUFFER_BYTES)
        .on_upgrade(move |socket| async move {
            serve(socket, user, session, chat).await;
            drop(slot);
        }))
}

/// The session a socket was opened with, checked again whenever one of its person's sessions
/// ends on this server and at every ping.
struct Session {
    token: SessionToken,
    accounts: Arc<dyn Accounts>,
    ends: Listener,
}

impl Session {
    /// Whether the session is still there; a failed check leaves the socket open.
    async fn holds(&self) -> bool {
        !matches!(self.accounts.get_current_user(&self.token).await, Ok(None))
    }
}

/// The close frame of a socket whose session has ended, with the code the browser knows.
fn session_ended_close() -> CloseFrame {
    CloseFrame {
        code: SESSION_ENDED_CLOSE,
        reason: "session ended".into(),
    }
}

/// How long a closing socket waits for the other side's close frame.
const CLOSING_WAIT: Duration = Duration::from_secs(2);

/// Closes a socket with `frame` and waits (briefly, discarding what still arrives) for the
/// other side's close. Hanging up at once, with frames unread, would reset the connection,
/// and the browser could lose the close frame and with it the reason.
async fn close_with(socket: &mut WebSocket, frame: CloseFrame) {
    if socket.send(WsMessage::Close(Some(frame))).await.is_err() {
        return;
    }
    let _ = tokio::time::timeout(CLOSING_WAIT, async {
        while let Some(Ok(incoming)) = socket.recv().await {
            if matches!(incoming, WsMessage::Close(_)) {
                break;
            }
        }
    })
    .await;
}

/// The followers of one socket, stopped with it.
struct Following(HashMap<ConversationId, JoinHandle<()>>);

impl Drop for Following {
    fn drop(&mut self) {
        for task in self.0.values() {
            task.abort();
        }
    }
}

/// The calls one socket is in, each with the task passing it the others' events; left when
/// the socket closes.
struct InCalls {
    chat: Arc<ChatService>,
    /// This socket, among the members of calls.
    member: u64,
    joined: HashMap<MeetingId, JoinHandle<()>>,
}

impl Drop for InCalls {
    fn drop(&mut self) {
        for (meeting, task) in &self.joined {
            task.abort();
            self.chat.calls.leave(*meeting, self.member);
        }
    }
}

/// A socket's parties are present while it is open.
struct Here {
    chat: Arc<ChatService>,
    parties: Vec<Party>,
}

impl Here {
    fn arrive(chat: &Arc<ChatService>, user: &CurrentUser) -> Self {
        let parties = Party::of(user);
        chat.presence.arrive(&parties);
        Here {
            chat: chat.clone(),
            parties,
        }
    }
}

impl Drop for Here {
    fn drop(&mut self) {
        self.chat.presence.leave(&self.parties);
    }
}

/// Numbers the sockets, to tell call members apart.
static SOCKETS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

async fn serve(
    mut socket: WebSocket,
    user: CurrentUser,
    mut session: Session,
    chat: Arc<ChatService>,
) {
    let (out, mut outgoing) = mpsc::channel::<SocketFrame>(MESSAGES_PER_PAGE * 2);
    let _here = Here::arrive(&chat, &user);
    let mut following = Following(HashMap::new());
    let mut in_calls = InCalls {
        chat: chat.clone(),
        member: SOCKETS.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
        joined: HashMap::new(),
    };
    let mut reads = PendingReads::default();
    let mut budget = FrameBudget::new(chat.socket_limits);
    let mut ping = tokio::time::interval(PING_EVERY);
    ping.reset();
    let mut write_reads = tokio::time::interval(READS_EVERY);
    write_reads.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tokio::select! {
            incoming = socket.recv() => match (incoming, budget.admit(Instant::now())) {
                (Some(Ok(WsMessage::Close(_)) | Err(_)) | None, _) => break,
                (_, Admit::Close) => {
                    close_with(&mut socket, flooding_close()).await;
                    break;
                }
                (_, Admit::Refuse) => {
                    if send(&mut socket, &refused(None, AppError::RateLimited)).await.is_err() {
                        break;
                    }
                }
                (Some(Ok(WsMessage::Text(text))), Admit::Yes) => {
                    let mut held = Held { out: &out, following: &mut following, in_calls: &mut in_calls, reads: &mut reads };
                    let answer = answer(&text, &user, &chat, &mut held).await;
                    if let Some(frame) = answer
                        && send(&mut socket, &frame).await.is_err()
                    {
                        break;
                    }
                }
                (Some(Ok(WsMessage::Binary(_))), Admit::Yes) => {
                    let refused = refused(None, AppError::invalid("frame", ErrorCode::FrameNotJson));
                    if send(&mut socket, &refused).await.is_err() {
                        break;
                    }
                }
                (Some(Ok(WsMessage::Ping(_) | WsMessage::Pong(_))), Admit::Yes) => {}
            },
            _ = write_reads.tick() => {
                let refusals = write_read_marks(&mut reads, &user, chat.as_ref()).await;
                if send_each(&mut socket, &refusals).await.is_err() {
                    break;
                }
            }
            Some(frame) = outgoing.recv() => {
                if send(&mut socket, &frame).await.is_err() {
                    break;
                }
            }
            () = session.ends.ended() => {
                if !session.holds().await {
                    close_with(&mut socket, session_ended_close()).await;
                    break;
                }
            }
            _ = ping.tick() => {
                if !session.holds().await {
                    close_with(&mut socket, session_ended_close()).await;
                    break;
                }
                if socket.send(WsMessage::Ping(Default::default())).await.is_err() {
                    break;
                }
            }
        }
    }
    write_read_marks(&mut reads, &user, chat.as_ref()).await;
}

/// What a socket holds besides the socket itself.
struct Held<'a> {
    out: &'a mpsc::Sender<SocketFrame>,
    following: &'a mut Following,
    in_calls: &'a mut InCalls,
    reads: &'a mut PendingReads,
}

async fn send(socket: &mut WebSocket, frame: &SocketFrame) -> Result<(), axum::Error> {
    let text = serde_json::to_string(frame).unwrap_or_default();
    socket.send(WsMessage::Text(text.into())).await
}

async fn send_each(socket: &mut WebSocket, frames: &[SocketFrame]) -> Result<(), axum::Error> {
    for frame in frames {
        send(socket, frame).await?;
    }
    Ok(())
}

fn refused(client_id: Option<String>, error: AppError) -> SocketFrame {
    SocketFrame::Refused { client_id, error }
}

/// A text frame as the browser's `ChatFrame`, or the field error it is refused with.
pub fn read_frame(text: &str) -> Result<ChatFrame, AppError> {
    serde_json::from_str(text).map_err(|_| AppError::invalid("frame", ErrorCode::FrameUnreadable))
}

/// What to answer a frame with at once (followed messages come later, through `out`).
async fn answer(
    text: &str,
    user: &CurrentUser,
    chat: &Arc<ChatService>,
    held: &mut Held<'_>,
) -> Option<SocketFrame> {
    let Held {
        out,
        following,
        in_calls,
        reads,
    } = held;
    let frame = match read_frame(text) {
        Ok(frame) => frame,
        Err(error) => return Some(refused(None, error)),
    };
    match frame {
        ChatFrame::Send {
            conversation,
            client_id,
            body,
        } => Some(
            match chat
                .send_message(Some(user), conversation, &client_id, &body)
                .await
            {
                Ok((message, _)) => SocketFrame::Ack { message },
                Err(error) => refused(Some(client_id), error),
            },
        ),
        ChatFrame::Read {
            conversation,
            up_to,
        } => (!reads.note(conversation, up_to)).then(|| refused(None, AppError::RateLimited)),
        ChatFrame::Follow {
            conversation,
            after,
        } => {
            following.0.retain(|_, task| !task.is_finished());
            if following.0.len() >= FOLLOWED_MAX && !following.0.contains_key(&conversation) {
                return Some(refused(
                    None,
                    AppError::Conflict(ErrorCode::FollowingTooMany),
                ));
            }
            // Subscribed before the first read, so no message falls between the two.
            let live = chat.hub.subscribe(conversation);
            let missed = match chat
                .list_messages_after(Some(user), conversation, after)
                .await
            {
                Ok(missed) => missed,
                Err(error) => return Some(refused(None, error)),
            };
            let other = match chat.other_party(user, conversation).await {
                Ok(other) => chat.presence.watch(other),
                Err(error) => return Some(refused(None, error)),
            };
            let follower = Follower {
                chat: chat.clone(),
                user: user.clone(),
                conversation,
                out: out.clone(),
            };
            let task = tokio::spawn(follower.run(live, other, after, missed));
            if let Some(previous) = following.0.insert(conversation, task) {
                previous.abort();
            }
            None
        }
        ChatFrame::JoinCall { meeting } => {
            Some(match join_call(chat, user, meeting, out, in_calls).await {
                Ok(others) => SocketFrame::CallJoined { meeting, others },
                Err(error) => refused(None, error),
            })
        }
        ChatFrame::Signal { meeting, signal } => chat
            .calls
            .signal(meeting, in_calls.member, signal)
            .err()
            .map(|error| refused(None, error)),
    }
}

/// Puts the socket in the meeting's call and starts passing it the others' events; how many
/// others were there.
async fn join_call(
    chat: &Arc<ChatService>,
    user: &CurrentUser,
    meeting: MeetingId,
    out: &mpsc::Sender<SocketFrame>,
    in_calls: &mut InCalls,
) -> Result<usize, AppError> {
    calls::may_join(&chat.db, user, meeting).await?;
    let (mut events, others) = chat.calls.join(meeting, in_calls.member)?;
    let (me, out) = (in_calls.member, out.clone());
    let task = tokio::spawn(async move {
        loop {
            let frame = match events.recv().await {
                Ok((from, _)) if from == me => continue,
                Ok((_, CallEvent::Joined)) => SocketFrame::PeerJoined { meeting },
                Ok((_, CallEvent::Signal(signal))) => SocketFrame::Signal { meeting, signal },
                Ok((_, CallEvent::Left)) => SocketFrame::PeerLeft { meeting },
                Err(broadcast::error::RecvError::Lagged(_)) => continue,
                Err(broadcast::error::RecvError::Closed) => return,
            };
            if out.send(frame).await.is_err() {
                return;
            }
        }
    });
    if let Some(previous) = in_calls.joined.insert(meeting, task) {
        previous.abort();
    }
    Ok(others)
}
