//! Each party's time zone, and finding the exhibitor a conversation or a booth link names.

use super::StoredZone;
use crate::storage::Db;
use app::domain::conversation::ConversationExhibitor;
use app::domain::{ExhibitorId, Localized, UserId};
use app::error::AppError;

impl Db {
    pub async fn user_zone(&self, user: UserId) -> Result<StoredZone, AppError> {
        let row: Option<(String, String)> =
            sqlx::query_as("SELECT time_zone, country FROM users WHERE id = $1")
                .bind(user.0)
                .fetch_optional(&self.pool)
                .await?;
        let (zone, country) = row.ok_or(AppError::NotFound)?;
        Ok(StoredZone { zone, country })
    }

    pub async fn exhibitor_zone(&self, exhibitor: ExhibitorId) -> Result<StoredZone, AppError> {
        let row: Option<(String, String)> =
            sqlx::query_as("SELECT time_zone, country FROM exhibitors WHERE id = $1")
                .bind(exhibitor.0)
                .fetch_optional(&self.pool)
                .await?;
        let (zone, country) = row.ok_or(AppError::NotFound)?;
        Ok(StoredZone { zone, country })
    }

    pub async fn set_user_zone(&self, user: UserId, zone: &str) -> Result<(), AppError> {
        sqlx::query("UPDATE users SET time_zone = $2 WHERE id = $1")
            .bind(user.0)
            .bind(zone)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    pub async fn set_exhibitor_zone(
        &self,
        exhibitor: ExhibitorId,
        zone: &str,
    ) -> Result<(), AppError> {
        sqlx::query("UPDATE exhibitors SET time_zone = $2 WHERE id = $1")
            .bind(exhibitor.0)
            .bind(zone)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// An exhibitor's id, slug and names.
    pub async fn conversation_exhibitor(
        &self,
        exhibitor: ExhibitorId,
    ) -> Result<ConversationExhibitor, AppError> {
        let row: Option<(String, String, String)> =
            sqlx::query_as("SELECT slug, name_en, name_zh FROM exhibitors WHERE id = $1")
                .bind(exhibitor.0)
                .fetch_optional(&self.pool)
                .await?;
        let (slug, en, zh) = row.ok_or(AppError::NotFound)?;
        Ok(ConversationExhibitor {
            id: exhibitor,
            slug,
            name: Localized::new(en, zh),
        })
    }
}
