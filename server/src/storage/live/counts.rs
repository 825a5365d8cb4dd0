//! A stream's counts as kept: each person who watched it once with the seconds they watched,
//! the most watching at once, and the inquiries and meetings sent from under its video.

use crate::storage::Db;
use app::domain::ExhibitorId;
use app::error::AppError;
use std::collections::HashMap;

/// A stream's counts, as stored.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, sqlx::FromRow)]
pub struct StoredCounts {
    pub id: i64,
    pub peak: i64,
    pub people: i64,
    pub seconds: i64,
    pub inquiries: i64,
    pub meetings: i64,
}

const COUNTS: &str = "SELECT s.id, s.peak_viewers AS peak, \
     (SELECT COUNT(*) FROM live_viewers v WHERE v.stream_id = s.id) AS people, \
     (SELECT CAST(COALESCE(SUM(v.seconds), 0) AS BIGINT) FROM live_viewers v \
      WHERE v.stream_id = s.id) AS seconds, \
     (SELECT COUNT(*) FROM inquiries i WHERE i.stream_id = s.id) AS inquiries, \
     (SELECT COUNT(*) FROM meetings m WHERE m.stream_id = s.id) AS meetings \
     FROM live_streams s";

impl Db {
    /// `viewer` began watching `stream` (counted once however often).
    pub async fn viewer_arrived(&self, stream: i64, viewer: &str) -> Result<(), AppError> {
        sqlx::query(
            "INSERT INTO live_viewers (stream_id, viewer, seconds) VALUES ($1, $2, 0) \
             ON CONFLICT (stream_id, viewer) DO NOTHING",
        )
        .bind(stream)
        .bind(viewer)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// `viewer` stopped watching `stream` after `seconds`.
    pub async fn viewer_watched(
        &self,
        stream: i64,
        viewer: &str,
        seconds: i64,
    ) -> Result<(), AppError> {
        sqlx::query(
            "UPDATE live_viewers SET seconds = seconds + $3 WHERE stream_id = $1 AND viewer = $2",
        )
        .bind(stream)
        .bind(viewer)
        .bind(seconds)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Keeps `peak` as the most watching `stream` at once, when it is more than before.
    pub async fn raise_peak(&self, stream: i64, peak: u32) -> Result<(), AppError> {
        sqlx::query(
            "UPDATE live_streams SET peak_viewers = $2 WHERE id = $1 AND peak_viewers < $2",
        )
        .bind(stream)
        .bind(i64::from(peak))
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// One stream's counts.
    pub async fn stream_counts(&self, stream: i64) -> Result<StoredCounts, AppError> {
        let counts: Option<StoredCounts> = sqlx::query_as(&format!("{COUNTS} WHERE s.id = $1"))
            .bind(stream)
            .fetch_optional(&self.pool)
            .await?;
        counts.ok_or(AppError::NotFound)
    }

    /// The counts of every stream of `exhibitor`, by stream.
    pub async fn team_stream_counts(
        &self,
        exhibitor: ExhibitorId,
    ) -> Result<HashMap<i64, StoredCounts>, AppError> {
        let rows: Vec<StoredCounts> =
            sqlx::query_as(&format!("{COUNTS} WHERE s.exhibitor_id = $1"))
                .bind(exhibitor.0)
                .fetch_all(&self.pool)
                .await?;
        Ok(rows.into_iter().map(|row| (row.id, row)).collect())
    }
}
