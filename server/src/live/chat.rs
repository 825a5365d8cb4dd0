//! The chat beside a live stream: viewers signed in write (the team too, marked as the
//! team's), everyone reads; the team deletes messages and mutes people for the stream. A
//! person writes at most `BURST` messages in `WINDOW`; more is refused as too fast. Every
//! message is stored (the replay shows it); a live stream's latest ones are kept in memory,
//! with the ids deleted lately, so that players asking every second cost no query.

use super::LiveService;
use app::domain::live::StreamStatus;
use app::domain::live_chat::{CHAT_KEPT, ChatLine, ChatNews, chat_body};
use app::domain::{Action, CurrentUser, ExhibitorId, StreamId, UserId, authorize};
use app::error::{AppError, ErrorCode};
use std::collections::{HashMap, VecDeque};
use std::time::{Duration, Instant};

/// Messages one person may write in `WINDOW`.
pub const BURST: usize = 5;
/// The window `BURST` counts in.
pub const WINDOW: Duration = Duration::from_secs(10);
/// The most messages a player is sent at once.
const NEWS_MAX: usize = 50;

/// A live stream's chat in memory.
#[derive(Default)]
pub struct Room {
    /// The latest messages not deleted, oldest first (at most `CHAT_KEPT`).
    lines: VecDeque<ChatLine>,
    /// Messages deleted lately (at most `CHAT_KEPT`).
    removed: VecDeque<i64>,
    /// When each person wrote their last messages.
    sent: HashMap<UserId, VecDeque<Instant>>,
}

impl Room {
    fn from_stored(lines: Vec<ChatLine>) -> Self {
        Room {
            lines: lines.into(),
            ..Room::default()
        }
    }

    /// Counts a message by `author` at `at`; false when they wrote `BURST` in `WINDOW`.
    fn admit(&mut self, author: UserId, at: Instant) -> bool {
        let sent = self.sent.entry(author).or_default();
        while sent
            .front()
            .is_some_and(|first| at.saturating_duration_since(*first) >= WINDOW)
        {
            sent.pop_front();
        }
        if sent.len() >= BURST {
            return false;
        }
        sent.push_back(at);
        true
    }

    fn push(&mut self, line: ChatLine) {
        self.lines.push_back(line);
        while self.lines.len() > CHAT_KEPT {
            self.lines.pop_front();
        }
    }

    fn remove(&mut self, id: i64) {
        self.lines.retain(|line| line.id != id);
        self.removed.push_back(id);
        while self.removed.len() > CHAT_KEPT {
            self.removed.pop_front();
        }
    }

    /// The messages after `after` (the latest ones when none) and the ids deleted lately.
    fn news(&self, after: Option<i64>) -> ChatNews {
        let newer: Vec<&ChatLine> = self
            .lines
            .iter()
            .filter(|line| after.is_none_or(|after| line.id > after))
            .collect();
        let skip = newer.len().saturating_sub(NEWS_MAX);
        ChatNews {
            lines: newer.into_iter().skip(skip).map(ChatLine::public).collect(),
            removed: self.removed.iter().copied().collect(),
        }
    }
}

impl LiveService {
    /// The room of live `stream`, read from the database the first time (kept only while a
    /// publisher holds the stream, so that a stream ending meanwhile leaves none behind).
    async fn with_room<T>(
        &self,
        stream: StreamId,
        f: impl FnOnce(&mut Room) -> T,
    ) -> Result<T, AppError> {
        let loaded = {
            let rooms = self.rooms.lock().unwrap_or_else(|e| e.into_inner());
            rooms.contains_key(&stream.0)
        };
        let stored = match loaded {
            true => None,
            false => Some(self.db.stream_chat(stream).await?),
        };
        let live = self.is_publishing(stream.0);
        let mut rooms = self.rooms.lock().unwrap_or_else(|e| e.into_inner());
        if !live && !rooms.contains_key(&stream.0) {
            return Ok(f(&mut Room::from_stored(stored.unwrap_or_default())));
        }
        let room = rooms
            .entry(stream.0)
            .or_insert_with(|| Room::from_stored(stored.unwrap_or_default()));
        Ok(f(room))
    }

    /// Forgets an ended stream's room.
    pub(super) fn close_room(&self, stream: i64) {
        let mut rooms = self.rooms.lock().unwrap_or_else(|e| e.into_inner());
        rooms.remove(&stream);
    }

    /// What is new in live `stream`'s chat after message `after`.
    pub(super) async fn chat_news(
        &self,
        stream: StreamId,
        after: Option<i64>,
    ) -> Result<ChatNews, AppError> {
        self.with_room(stream, |room| room.news(after)).await
    }

    /// Live `stream`'s latest messages with their authors, for its team's desk.
    pub(super) async fn team_chat(&self, stream: StreamId) -> Result<Vec<ChatLine>, AppError> {
        self.with_room(stream, |room| {
            let skip = room.lines.len().saturating_sub(NEWS_MAX);
            room.lines.iter().skip(skip).cloned().collect()
        })
        .await
    }

    /// Whether `actor` may write in the chat of `exhibitor`'s stream: its team, or someone
    /// who may contact it.
    pub(super) fn may_chat(actor: Option<&CurrentUser>, exhibitor: ExhibitorId) -> bool {
        authorize(actor, Action::GoLive(exhibitor)).is_ok()
            || authorize(actor, Action::ContactExhibitor(exhibitor)).is_ok()
    }

    /// `actor` writes `body` in live `stream`'s chat.
    pub async fn send_chat(
        &self,
        actor: Option<&CurrentUser>,
        stream: StreamId,
        body: &str,
    ) -> Result<ChatLine, AppError> {
        let user = actor.ok_or(AppError::Unauthenticated)?;
        let body = chat_body(body)?;
        let exhibitor = self.live_exhibitor(stream).await?;
        let from_team = authorize(actor, Action::GoLive(exhibitor)).is_ok();
        if !from_team {
            authorize(actor, Action::ContactExhibitor(exhibitor))?;
            if self.db.is_muted(stream, user.id).await? {
                return Err(AppError::Conflict(ErrorCode::ChatMuted));
            }
        }
        if !self
            .with_room(stream, |room| room.admit(user.id, Instant::now()))
            .await?
        {
            return Err(AppError::RateLimited);
        }
        let line = self
            .db
            .insert_chat(stream, user.id, from_team, &body)
            .await?;
        self.with_room(stream, |room| room.push(line.clone()))
            .await?;
        Ok(line.public())
    }

    /// The team deletes message `message` of `stream`'s chat (live, or its replay's), or
    /// mutes its author for the stream.
    pub async fn moderate_chat(
        &self,
        actor: Option<&CurrentUser>,
        stream: StreamId,
        message: i64,
        mute: bool,
    ) -> Result<(), AppError> {
        let user = actor.ok_or(AppError::Unauthenticated)?;
        let row = self.db.stream(stream.0).await?.ok_or(AppError::NotFound)?;
        authorize(actor, Action::GoLive(ExhibitorId(row.exhibitor_id)))?;
        if mute {
            let author = self
                .db
                .chat_author(stream, message)
                .await?
                .ok_or(AppError::NotFound)?;
            return self.db.mute_in_chat(stream, author, user.id).await;
        }
        if !self.db.delete_chat(stream, message, user.id).await? {
            return Err(AppError::NotFound);
        }
        // A live stream's players are told; an ended one's replay reads the database.
        let mut rooms = self.rooms.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(room) = rooms.get_mut(&stream.0) {
            room.remove(message);
        }
        Ok(())
    }

    /// The exhibitor of `stream`, while it is live.
    async fn live_exhibitor(&self, stream: StreamId) -> Result<ExhibitorId, AppError> {
        let row = self.db.stream(stream.0).await?.ok_or(AppError::NotFound)?;
        match StreamStatus::parse(&row.status) {
            Some(StreamStatus::Live) => Ok(ExhibitorId(row.exhibitor_id)),
            Some(StreamStatus::Ended) => Err(AppError::Conflict(ErrorCode::StreamEnded)),
            _ => Err(AppError::Conflict(ErrorCode::StreamNotLive)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(id: i64) -> ChatLine {
        ChatLine {
            id,
            author: Some(UserId(1)),
            name: "Li".into(),
            company: "Acme".into(),
            from_team: false,
            body: format!("message {id}"),
            second: id,
        }
    }

    #[test]
    fn a_person_writes_five_messages_in_ten_seconds_and_no_more() {
        let mut room = Room::default();
        let start = Instant::now();
        for i in 0..BURST {
            assert!(room.admit(UserId(1), start + Duration::from_millis(i as u64 * 10)));
        }
        assert!(!room.admit(UserId(1), start + Duration::from_secs(1)));
        assert!(
            room.admit(UserId(2), start + Duration::from_secs(1)),
            "others write on"
        );
        assert!(room.admit(UserId(1), start + WINDOW + Duration::from_millis(1)));
    }

    #[test]
    fn players_get_what_is_new_without_authors_and_the_deleted_ids() {
        let mut room = Room::from_stored((1..=3).map(line).collect());
        room.push(line(4));
        room.remove(2);
        let news = room.news(Some(1));
        assert_eq!(news.lines.iter().map(|l| l.id).collect::<Vec<_>>(), [3, 4]);
        assert!(news.lines.iter().all(|l| l.author.is_none()));
        assert_eq!(news.removed, [2]);
        assert_eq!(room.news(None).lines.len(), 3);
        for id in 5..(5 + CHAT_KEPT as i64) {
            room.push(line(id));
        }
        assert_eq!(room.lines.len(), CHAT_KEPT);
        assert_eq!(room.news(None).lines.len(), NEWS_MAX);
    }
}
