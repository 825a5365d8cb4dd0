//! Exhibitors On Live over SQL: streams and their status, and the teams' stream keys.

use super::Db;

mod chat;
mod counts;
mod pins;
mod schedule;
use crate::clock::now;
use app::domain::{ExhibitorId, UserId};
use app::error::{AppError, ErrorCode};
pub use counts::StoredCounts;
pub use schedule::StreamListRow;

/// A stream as the media path needs it.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct StreamRow {
    pub id: i64,
    pub exhibitor_id: i64,
    pub status: String,
}

/// How long before its announced start a scheduled stream is the one an encoder starts.
const EARLY_START_SECONDS: i64 = 3600;

impl Db {
    /// Keeps `key_hash` as the exhibitor's stream key, replacing the one before.
    pub async fn set_stream_key(
        &self,
        exhibitor: ExhibitorId,
        by: UserId,
        key_hash: &str,
    ) -> Result<(), AppError> {
        let mut tx = self.begin_write().await?;
        sqlx::query("DELETE FROM stream_keys WHERE exhibitor_id = $1")
            .bind(exhibitor.0)
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "INSERT INTO stream_keys (exhibitor_id, key_hash, made_by, made_at) VALUES ($1, $2, $3, $4)",
        )
        .bind(exhibitor.0)
        .bind(key_hash)
        .bind(by.0)
        .bind(now())
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// The exhibitor whose stream key has this hash, if any.
    pub async fn stream_key_owner(&self, key_hash: &str) -> Result<Option<ExhibitorId>, AppError> {
        let id: Option<i64> =
            sqlx::query_scalar("SELECT exhibitor_id FROM stream_keys WHERE key_hash = $1")
                .bind(key_hash)
                .fetch_optional(&self.pool)
                .await?;
        Ok(id.map(ExhibitorId))
    }

    /// A stream, if it exists.
    pub async fn stream(&self, id: i64) -> Result<Option<StreamRow>, AppError> {
        Ok(
            sqlx::query_as("SELECT id, exhibitor_id, status FROM live_streams WHERE id = $1")
                .bind(id)
                .fetch_optional(&self.pool)
                .await?,
        )
    }

    /// The stream an encoder of `exhibitor` starts: the one live now, else the next one
    /// scheduled (from an hour before its start on), else a new one titled with the
    /// exhibitor's name ("Acme Lighting live", "艾克米照明 直播").
    pub async fn stream_to_start(&self, exhibitor: ExhibitorId) -> Result<i64, AppError> {
        let at = now();
        let ready: Option<i64> = sqlx::query_scalar(
            "SELECT id FROM live_streams WHERE exhibitor_id = $1 AND (status = 'live' \
             OR (status = 'scheduled' AND starts_at <= $2)) \
             ORDER BY CASE status WHEN 'live' THEN 0 ELSE 1 END, starts_at LIMIT 1",
        )
        .bind(exhibitor.0)
        .bind(at + EARLY_START_SECONDS)
        .fetch_optional(&self.pool)
        .await?;
        if let Some(id) = ready {
            return Ok(id);
        }
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO live_streams (exhibitor_id, title_en, title_zh, status, created_at) \
             SELECT id, name_en || ' live', name_zh || ' 直播', 'scheduled', $1 FROM exhibitors \
             WHERE id = $2 RETURNING id",
        )
        .bind(at)
        .bind(exhibitor.0)
        .fetch_one(&self.pool)
        .await?;
        Ok(id)
    }

    /// Marks a stream live (again, after its publisher came back); `Conflict(stream_busy)`
    /// when another stream of its exhibitor is live, `NotFound` when it ended.
    pub async fn mark_live(&self, stream: i64) -> Result<(), AppError> {
        let done = sqlx::query(
            "UPDATE live_streams SET status = 'live', started_at = COALESCE(started_at, $1) \
             WHERE id = $2 AND status IN ('scheduled', 'live')",
        )
        .bind(now())
        .bind(stream)
        .execute(&self.pool)
        .await
        .map_err(|error| match &error {
            sqlx::Error::Database(db) if db.is_unique_violation() => {
                AppError::Conflict(ErrorCode::StreamBusy)
            }
            _ => AppError::from(error),
        })?;
        if done.rows_affected() == 0 {
            return Err(AppError::NotFound);
        }
        Ok(())
    }

    /// Ends every stream still marked live (at start, when no publisher can be connected);
    /// how many.
    pub async fn end_streams_left_live(&self) -> Result<u64, AppError> {
        let done = sqlx::query(
            "UPDATE live_streams SET status = 'ended', ended_at = $1 WHERE status = 'live'",
        )
        .bind(now())
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected())
    }

    /// Ends a live stream; a stream not live is left as it is.
    pub async fn mark_ended(&self, stream: i64) -> Result<(), AppError> {
        sqlx::query(
            "UPDATE live_streams SET status = 'ended', ended_at = $1 WHERE id = $2 AND status = 'live'",
        )
        .bind(now())
        .bind(stream)
        .execute(&self.pool)
        .await?;
        Ok(())
    }
}
