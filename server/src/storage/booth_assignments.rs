//! Which exhibitor has which booth: the organizer's assignment page, assigning a free booth and
//! releasing one, each with its audit entry. A booth is never taken from one exhibitor by
//! assigning it to another: it has to be released first.

use super::Db;
use super::audit::{Audit, Audited, change};
use super::rows::named_columns;
use app::domain::application::FREE_BOOTHS_SHOWN;
use app::domain::{BoothAssignments, ExhibitorId, Localized, UserId};
use app::error::AppError;
use app::error::ErrorCode;
use sqlx::Row;

impl Db {
    /// An exhibitor's booths and free booths to choose from: its section's halls first, then
    /// any hall.
    pub async fn booth_assignments(&self, slug: &str) -> Result<BoothAssignments, AppError> {
        let row = sqlx::query(
            "SELECT e.id, e.slug, e.name_en, e.name_zh, s.name_en AS section_en, \
             s.name_zh AS section_zh, s.names AS section_names, s.id AS section_id \
             FROM exhibitors e JOIN sections s ON s.id = e.section_id WHERE e.slug = $1",
        )
        .bind(slug)
        .fetch_optional(&self.pool)
        .await?
        .ok_or(AppError::NotFound)?;
        let text = |column: &str| row.try_get::<String, _>(column).map_err(AppError::from);
        let exhibitor: i64 = row.try_get("id")?;
        let section: i64 = row.try_get("section_id")?;
        let booths: Vec<String> =
            sqlx::query_scalar("SELECT code FROM booths WHERE exhibitor_id = $1 ORDER BY id")
                .bind(exhibitor)
                .fetch_all(&self.pool)
                .await?;
        let free: Vec<String> = sqlx::query_scalar(
            "SELECT b.code FROM booths b JOIN halls h ON h.id = b.hall_id \
             WHERE b.exhibitor_id IS NULL \
             ORDER BY CASE WHEN h.section_id = $1 THEN 0 ELSE 1 END, b.id LIMIT $2",
        )
        .bind(section)
        .bind(FREE_BOOTHS_SHOWN as i64)
        .fetch_all(&self.pool)
        .await?;
        Ok(BoothAssignments {
            exhibitor: ExhibitorId(exhibitor),
            slug: text("slug")?,
            name: Localized::new(text("name_en")?, text("name_zh")?),
            section: named_columns(&row, "section")?,
            booths,
            free,
        })
    }

    /// Gives the free booth `code` to `exhibitor`. A field error when no booth has that code,
    /// `Conflict("booth_taken")` when another exhibitor has it; nothing happens when this one
    /// has it already.
    pub async fn assign_booth(
        &self,
        exhibitor: ExhibitorId,
        code: &str,
        by: UserId,
    ) -> Result<(), AppError> {
        let mut tx = self.begin_write().await?;
        let holder: Option<(i64, Option<i64>)> =
            sqlx::query_as("SELECT id, exhibitor_id FROM booths WHERE code = $1")
                .bind(code)
                .fetch_optional(&mut *tx)
                .await?;
        let booth = match holder {
            None => return Err(AppError::invalid("booth", ErrorCode::BoothUnknown)),
            Some((_, Some(holder))) if holder == exhibitor.0 => return Ok(()),
            Some((_, Some(_))) => return Err(AppError::Conflict(ErrorCode::BoothTaken)),
            Some((booth, None)) => booth,
        };
        // The condition keeps a booth that a concurrent assignment took first.
        let done = sqlx::query(
            "UPDATE booths SET exhibitor_id = $1 WHERE id = $2 AND exhibitor_id IS NULL",
        )
        .bind(exhibitor.0)
        .bind(booth)
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() != 1 {
            return Err(AppError::Conflict(ErrorCode::BoothTaken));
        }
        let changes = change("booth", "", code);
        Audit { exhibitor, by }
            .created(&mut tx, Audited::Booth(booth), &changes)
            .await?;
        tx.commit().await.map_err(AppError::from)
    }

    /// Takes booth `code` back from `exhibitor`; `NotFound` when it does not have it.
    pub async fn release_booth(
        &self,
        exhibitor: ExhibitorId,
        code: &str,
        by: UserId,
    ) -> Result<(), AppError> {
        let mut tx = self.begin_write().await?;
        let booth: i64 = sqlx::query_scalar(
            "UPDATE booths SET exhibitor_id = NULL WHERE code = $1 AND exhibitor_id = $2 RETURNING id",
        )
        .bind(code)
        .bind(exhibitor.0)
        .fetch_optional(&mut *tx)
        .await?
        .ok_or(AppError::NotFound)?;
        let changes = change("booth", code, "");
        Audit { exhibitor, by }
            .deleted(&mut tx, Audited::Booth(booth), &changes)
            .await?;
        tx.commit().await.map_err(AppError::from)
    }
}
