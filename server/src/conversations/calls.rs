//! Video calls' signalling: the sockets in each meeting's call, and the signals (WebRTC
//! offers, answers, ICE candidates) they pass to each other through the server. The media
//! go from browser to browser; the server only introduces them.

use crate::storage::Db;
use app::domain::meeting::MeetingStatus;
use app::domain::{Action, CurrentUser, MeetingId, authorize};
use app::error::AppError;
use app::error::ErrorCode;
use std::collections::{HashMap, HashSet};
use std::sync::Mutex;
use tokio::sync::broadcast;

/// Signals a slow socket may fall behind; a call is a handful of them a second.
const BACKLOG: usize = 64;
/// People in one call: a meeting is between a buyer and a team.
const CALLERS_MAX: usize = 4;

/// What happened in a call, and which socket it came from.
#[derive(Clone, Debug)]
pub enum CallEvent {
    Joined,
    Signal(String),
    Left,
}

struct Room {
    channel: broadcast::Sender<(u64, CallEvent)>,
    members: HashSet<u64>,
}

#[derive(Default)]
pub struct CallHub {
    rooms: Mutex<HashMap<MeetingId, Room>>,
}

impl CallHub {
    /// Puts socket `member` in the call: the events from now on, and how many were in it.
    pub fn join(
        &self,
        meeting: MeetingId,
        member: u64,
    ) -> Result<(broadcast::Receiver<(u64, CallEvent)>, usize), AppError> {
        let mut rooms = self.rooms.lock().unwrap_or_else(|e| e.into_inner());
        let room = rooms.entry(meeting).or_insert_with(|| Room {
            channel: broadcast::channel(BACKLOG).0,
            members: HashSet::new(),
        });
        if !room.members.contains(&member) && room.members.len() >= CALLERS_MAX {
            return Err(AppError::Conflict(ErrorCode::CallFull));
        }
        let others = room.members.iter().filter(|m| **m != member).count();
        room.members.insert(member);
        let events = room.channel.subscribe();
        let _ = room.channel.send((member, CallEvent::Joined));
        Ok((events, others))
    }

    /// Passes a signal from `member` to the others in the call.
    pub fn signal(&self, meeting: MeetingId, member: u64, signal: String) -> Result<(), AppError> {
        let rooms = self.rooms.lock().unwrap_or_else(|e| e.into_inner());
        match rooms.get(&meeting) {
            Some(room) if room.members.contains(&member) => {
                let _ = room.channel.send((member, CallEvent::Signal(signal)));
                Ok(())
            }
            _ => Err(AppError::Conflict(ErrorCode::CallNotJoined)),
        }
    }

    /// Takes `member` out of the call; the last one out closes it.
    pub fn leave(&self, meeting: MeetingId, member: u64) {
        let mut rooms = self.rooms.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(room) = rooms.get_mut(&meeting) {
            room.members.remove(&member);
            let _ = room.channel.send((member, CallEvent::Left));
            if room.members.is_empty() {
                rooms.remove(&meeting);
            }
        }
    }
}

/// Whether `user` may be in the call of `meeting`: a party, while the meeting is live.
pub async fn may_join(db: &Db, user: &CurrentUser, meeting: MeetingId) -> Result<(), AppError> {
    let row = db.meeting(meeting).await?;
    let parties = row.parties();
    authorize(
        Some(user),
        Action::Negotiate {
            buyer: parties.buyer,
            exhibitor: parties.exhibitor,
        },
    )?;
    match row.status()? {
        MeetingStatus::Requested | MeetingStatus::Confirmed => Ok(()),
        _ => Err(AppError::Conflict(ErrorCode::MeetingClosed)),
    }
}
