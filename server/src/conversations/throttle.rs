//! What one socket may ask of the server: frames of every kind (text, binary, pings) within a
//! budget that refills at a steady rate, so a burst of a call's signals passes while a flood
//! is refused frame by frame and, if it goes on, closed; "read up to here" marks kept per
//! conversation and written together once a second, not a write per frame; and a few sockets
//! per person.

use app::domain::{ConversationId, MessageId, UserId};
use std::collections::HashMap;
use std::time::Duration;
use tokio::time::Instant;

use crate::slots::KeyedSlots;
use app::domain::{CurrentUser, SocketFrame};
use app::ports::Conversations;
use axum::extract::ws::CloseFrame;

/// The limits of sockets, before `--rate-limit-scale`.
#[derive(Clone, Copy, Debug)]
pub struct SocketLimits {
    /// Frames a second a socket may send, on average.
    pub frames_per_second: u32,
    /// Frames a socket may send at once.
    pub burst: u32,
    /// Sockets one person may have open (tabs, devices).
    pub per_person: u32,
}

/// Refused frames in a row after which the socket is closed.
pub const REFUSALS_BEFORE_CLOSE: u32 = 50;
/// How often a socket writes the read marks it was sent.
pub const READS_EVERY: Duration = Duration::from_secs(1);
/// Conversations with a read mark waiting, per socket.
const PENDING_READS_MAX: usize = 64;

impl SocketLimits {
    pub fn scaled(scale: u32) -> Self {
        let scale = scale.max(1);
        Self {
            frames_per_second: 20u32.saturating_mul(scale),
            burst: 100u32.saturating_mul(scale),
            per_person: 8u32.saturating_mul(scale),
        }
    }

    /// The open sockets, counted per person.
    pub fn sockets(&self) -> KeyedSlots<UserId> {
        KeyedSlots::new(self.per_person)
    }
}

/// What becomes of a frame.
#[derive(Debug, PartialEq, Eq)]
pub enum Admit {
    Yes,
    Refuse,
    Close,
}

/// A token bucket of frames.
pub struct FrameBudget {
    limits: SocketLimits,
    tokens: f64,
    at: Instant,
    refused_in_a_row: u32,
}

impl FrameBudget {
    pub fn new(limits: SocketLimits) -> Self {
        Self {
            limits,
            tokens: f64::from(limits.burst),
            at: Instant::now(),
            refused_in_a_row: 0,
        }
    }

    /// Counts a frame arriving at `now`.
    pub fn admit(&mut self, now: Instant) -> Admit {
        let refill = now.saturating_duration_since(self.at).as_secs_f64()
            * f64::from(self.limits.frames_per_second);
        self.tokens = (self.tokens + refill).min(f64::from(self.limits.burst));
        self.at = now;
        if self.tokens >= 1.0 {
            self.tokens -= 1.0;
            self.refused_in_a_row = 0;
            return Admit::Yes;
        }
        self.refused_in_a_row += 1;
        if self.refused_in_a_row >= REFUSALS_BEFORE_CLOSE {
            Admit::Close
        } else {
            Admit::Refuse
        }
    }
}

/// The newest read mark of each conversation, waiting to be written.
#[derive(Default)]
pub struct PendingReads(HashMap<ConversationId, MessageId>);

impl PendingReads {
    /// Keeps `up_to` as the mark of `conversation` if it is newer; false when too many
    /// conversations are waiting already.
    pub fn note(&mut self, conversation: ConversationId, up_to: MessageId) -> bool {
        if let Some(mark) = self.0.get_mut(&conversation) {
            *mark = (*mark).max(up_to);
            return true;
        }
        if self.0.len() >= PENDING_READS_MAX {
            return false;
        }
        self.0.insert(conversation, up_to);
        true
    }

    /// The marks to write now, leaving none.
    pub fn take(&mut self) -> Vec<(ConversationId, MessageId)> {
        self.0.drain().collect()
    }
}

/// Writes the read marks the socket was sent since the last time; the refusals of those that
/// were not the reader's to mark.
pub async fn write_read_marks(
    reads: &mut PendingReads,
    user: &CurrentUser,
    conversations: &dyn Conversations,
) -> Vec<SocketFrame> {
    let mut refusals = Vec::new();
    for (conversation, up_to) in reads.take() {
        if let Err(error) = conversations
            .mark_read(Some(user), conversation, up_to)
            .await
        {
            refusals.push(SocketFrame::Refused {
                client_id: None,
                error,
            });
        }
    }
    refusals
}

/// The close frame of a socket that went on sending over its budget.
pub fn flooding_close() -> CloseFrame {
    tracing::warn!("socket closed: too many frames");
    CloseFrame {
        code: axum::extract::ws::close_code::POLICY,
        reason: "too many frames".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limits() -> SocketLimits {
        SocketLimits {
            frames_per_second: 10,
            burst: 5,
            per_person: 2,
        }
    }

    #[test]
    fn a_burst_passes_a_flood_is_refused_then_closed_and_time_refills() {
        let mut budget = FrameBudget::new(limits());
        let start = Instant::now();
        for _ in 0..5 {
            assert_eq!(budget.admit(start), Admit::Yes);
        }
        for _ in 1..REFUSALS_BEFORE_CLOSE {
            assert_eq!(budget.admit(start), Admit::Refuse);
        }
        let later = start + Duration::from_millis(300);
        assert_eq!(budget.admit(later), Admit::Yes, "3 frames earned in 300 ms");
        let mut budget = FrameBudget::new(limits());
        for _ in 0..5 {
            budget.admit(start);
        }
        let refusals = (0..REFUSALS_BEFORE_CLOSE).map(|_| budget.admit(start));
        assert_eq!(refusals.last(), Some(Admit::Close));
    }

    #[test]
    fn read_marks_keep_the_newest_per_conversation_and_are_bounded() {
        let mut reads = PendingReads::default();
        assert!(reads.note(ConversationId(1), MessageId(7)));
        assert!(reads.note(ConversationId(1), MessageId(3)));
        assert!(reads.note(ConversationId(1), MessageId(9)));
        assert_eq!(reads.take(), vec![(ConversationId(1), MessageId(9))]);
        assert!(reads.take().is_empty());
        for id in 0..PENDING_READS_MAX as i64 {
            assert!(reads.note(ConversationId(id), MessageId(1)));
        }
        assert!(!reads.note(ConversationId(-1), MessageId(1)));
        assert!(
            reads.note(ConversationId(0), MessageId(2)),
            "a waiting one still moves"
        );
    }
}
