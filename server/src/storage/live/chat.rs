//! The chat beside a stream, as kept: each message with its author and the second of the
//! stream it was written at (the replay shows it), messages the team deleted marked and no
//! longer read, and the people the team muted for the stream.

use crate::clock::now;
use crate::storage::Db;
use app::domain::live_chat::ChatLine;
use app::domain::{StreamId, UserId};
use app::error::AppError;

/// The most messages of a stream read at once (a page, the memory of a live stream).
pub const CHAT_READ_MAX: i64 = 200;

/// A team member writes as the exhibitor; anyone else as their company.
const CHAT_COLUMNS: &str = "c.id, c.user_id, u.name, \
     CASE WHEN c.from_team <> 0 THEN e.name_en ELSE u.company END AS company, c.from_team, \
     c.body, c.sent_at - COALESCE(s.started_at, c.sent_at) AS second";
const CHAT_FROM: &str = "FROM live_chat c JOIN users u ON u.id = c.user_id \
     JOIN live_streams s ON s.id = c.stream_id JOIN exhibitors e ON e.id = s.exhibitor_id";

#[derive(sqlx::FromRow)]
struct ChatRow {
    id: i64,
    user_id: i64,
    name: String,
    company: String,
    from_team: i64,
    body: String,
    second: i64,
}

impl ChatRow {
    fn into_line(self) -> ChatLine {
        ChatLine {
            id: self.id,
            author: Some(UserId(self.user_id)),
            name: self.name,
            company: self.company,
            from_team: self.from_team != 0,
            body: self.body,
            second: self.second.max(0),
        }
    }
}

impl Db {
    /// Keeps a message `body` by `author` in `stream`'s chat.
    pub async fn insert_chat(
        &self,
        stream: StreamId,
        author: UserId,
        from_team: bool,
        body: &str,
    ) -> Result<ChatLine, AppError> {
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO live_chat (stream_id, user_id, from_team, body, sent_at) \
             VALUES ($1, $2, $3, $4, $5) RETURNING id",
        )
        .bind(stream.0)
        .bind(author.0)
        .bind(i64::from(from_team))
        .bind(body)
        .bind(now())
        .fetch_one(&self.pool)
        .await?;
        let row: ChatRow = sqlx::query_as(&format!(
            "SELECT {CHAT_COLUMNS} {CHAT_FROM} WHERE c.id = $1"
        ))
        .bind(id)
        .fetch_one(&self.pool)
        .await?;
        Ok(row.into_line())
    }

    /// `stream`'s latest messages not deleted (at most `CHAT_READ_MAX`), oldest first.
    pub async fn stream_chat(&self, stream: StreamId) -> Result<Vec<ChatLine>, AppError> {
        let rows: Vec<ChatRow> = sqlx::query_as(&format!(
            "SELECT {CHAT_COLUMNS} {CHAT_FROM} \
             WHERE c.stream_id = $1 AND c.deleted_at IS NULL ORDER BY c.id DESC LIMIT $2"
        ))
        .bind(stream.0)
        .bind(CHAT_READ_MAX)
        .fetch_all(&self.reads)
        .await?;
        Ok(rows.into_iter().rev().map(ChatRow::into_line).collect())
    }

    /// Marks message `id` of `stream` deleted by `by`; false when there is no such message.
    pub async fn delete_chat(
        &self,
        stream: StreamId,
        id: i64,
        by: UserId,
    ) -> Result<bool, AppError> {
        let done = sqlx::query(
            "UPDATE live_chat SET deleted_at = $3, deleted_by = $4 \
             WHERE id = $1 AND stream_id = $2 AND deleted_at IS NULL",
        )
        .bind(id)
        .bind(stream.0)
        .bind(now())
        .bind(by.0)
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Who wrote message `id` of `stream`.
    pub async fn chat_author(&self, stream: StreamId, id: i64) -> Result<Option<UserId>, AppError> {
        let author: Option<i64> =
            sqlx::query_scalar("SELECT user_id FROM live_chat WHERE id = $1 AND stream_id = $2")
                .bind(id)
                .bind(stream.0)
                .fetch_optional(&self.pool)
                .await?;
        Ok(author.map(UserId))
    }

    /// Mutes `user` in `stream`'s chat (again is the same).
    pub async fn mute_in_chat(
        &self,
        stream: StreamId,
        user: UserId,
        by: UserId,
    ) -> Result<(), AppError> {
        sqlx::query(
            "INSERT INTO live_mutes (stream_id, user_id, muted_by, muted_at) \
             VALUES ($1, $2, $3, $4) ON CONFLICT (stream_id, user_id) DO NOTHING",
        )
        .bind(stream.0)
        .bind(user.0)
        .bind(by.0)
        .bind(now())
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Whether `user` is muted in `stream`'s chat.
    pub async fn is_muted(&self, stream: StreamId, user: UserId) -> Result<bool, AppError> {
        let muted: Option<i64> = sqlx::query_scalar(
            "SELECT user_id FROM live_mutes WHERE stream_id = $1 AND user_id = $2",
        )
        .bind(stream.0)
        .bind(user.0)
        .fetch_optional(&self.pool)
        .await?;
        Ok(muted.is_some())
    }
}
