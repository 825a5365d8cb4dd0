//! Exhibitor teams over SQL: who works for which exhibitor, as owner or staff.

use super::Db;
use super::accounts::now;
use app::domain::{ExhibitorId, TeamRole, UserId};
use app::error::AppError;

fn internal(error: sqlx::Error) -> AppError {
    AppError::internal(error)
}

impl Db {
    /// Adds a person to an exhibitor's team; `Conflict("already_in_a_team")` when they work
    /// for an exhibitor already.
    pub async fn add_team_member(
        &self,
        user: UserId,
        exhibitor: ExhibitorId,
        role: TeamRole,
    ) -> Result<(), AppError> {
        sqlx::query(
            "INSERT INTO team_members (user_id, exhibitor_id, team_role, added_at) VALUES ($1, $2, $3, $4)",
        )
        .bind(user.0)
        .bind(exhibitor.0)
        .bind(role.as_str())
        .bind(now())
        .execute(&self.pool)
        .await
        .map_err(|error| match &error {
            sqlx::Error::Database(db) if db.is_unique_violation() => {
                AppError::Conflict("already_in_a_team".into())
            }
            _ => internal(error),
        })?;
        Ok(())
    }

    /// The exhibitor with the lowest id (the demo's own exhibitor).
    pub async fn first_exhibitor(&self) -> Result<ExhibitorId, AppError> {
        let id: Option<i64> = sqlx::query_scalar("SELECT MIN(id) FROM exhibitors")
            .fetch_one(&self.pool)
            .await
            .map_err(internal)?;
        id.map(ExhibitorId).ok_or(AppError::NotFound)
    }
}
