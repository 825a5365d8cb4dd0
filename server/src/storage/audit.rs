//! The booth's audit log: every change to a profile, a product or a booth assignment, written
//! in the change's own transaction, and read back newest first.

use super::Db;
use crate::clock::now;
use app::domain::{AuditEntry, ExhibitorId, UserId};
use app::error::AppError;
use sqlx::Row;

/// What an audit entry is about: the booth's profile, one of its products, or a booth.
pub enum Audited {
    Profile(ExhibitorId),
    Product(i64),
    Booth(i64),
}

/// One changed field: its name, the value before and the value after.
pub type Change = (String, String, String);

/// One field changed from `before` to `after`.
pub fn change(field: &str, before: impl Into<String>, after: impl Into<String>) -> [Change; 1] {
    [(field.to_owned(), before.into(), after.into())]
}

/// Who changes which exhibitor's booth: every entry written through it names both.
#[derive(Clone, Copy)]
pub struct Audit {
    pub exhibitor: ExhibitorId,
    pub by: UserId,
}

impl Audit {
    /// Records that `what` was created, with its first values.
    pub async fn created(
        &self,
        tx: &mut Tx<'_>,
        what: Audited,
        changes: &[Change],
    ) -> Result<(), AppError> {
        self.record(tx, what, "create", changes).await
    }

    /// Records the fields of `what` that changed; nothing when none did.
    pub async fn updated(
        &self,
        tx: &mut Tx<'_>,
        what: Audited,
        changes: &[Change],
    ) -> Result<(), AppError> {
        if changes.is_empty() {
            return Ok(());
        }
        self.record(tx, what, "update", changes).await
    }

    /// Records that `what` was deleted, with its last values.
    pub async fn deleted(
        &self,
        tx: &mut Tx<'_>,
        what: Audited,
        changes: &[Change],
    ) -> Result<(), AppError> {
        self.record(tx, what, "delete", changes).await
    }

    async fn record(
        &self,
        tx: &mut Tx<'_>,
        what: Audited,
        action: &str,
        changes: &[Change],
    ) -> Result<(), AppError> {
        let (entity, id) = match what {
            Audited::Profile(exhibitor) => ("profile", exhibitor.0),
            Audited::Product(id) => ("product", id),
            Audited::Booth(id) => ("booth", id),
        };
        sqlx::query(
            "INSERT INTO audit_log (at, user_id, exhibitor_id, entity, entity_id, action, changes) \
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(now())
        .bind(self.by.0)
        .bind(self.exhibitor.0)
        .bind(entity)
        .bind(id)
        .bind(action)
        .bind(serde_json::to_string(changes).map_err(AppError::internal)?)
        .execute(&mut **tx)
        .await?;
        Ok(())
    }
}

type Tx<'a> = sqlx::Transaction<'a, sqlx::Any>;

impl Db {
    /// The newest `limit` changes to an exhibitor's booth.
    pub async fn audit_log(
        &self,
        exhibitor: ExhibitorId,
        limit: i64,
    ) -> Result<Vec<AuditEntry>, AppError> {
        let rows = sqlx::query(
            "SELECT a.at, u.name, a.entity, a.entity_id, a.action, a.changes FROM audit_log a \
             LEFT JOIN users u ON u.id = a.user_id WHERE a.exhibitor_id = $1 \
             ORDER BY a.id DESC LIMIT $2",
        )
        .bind(exhibitor.0)
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| {
                let changes: String = row.try_get(5)?;
                Ok(AuditEntry {
                    at: row.try_get(0)?,
                    who: row.try_get(1)?,
                    entity: row.try_get(2)?,
                    entity_id: row.try_get(3)?,
                    action: row.try_get(4)?,
                    changes: serde_json::from_str(&changes).map_err(AppError::internal)?,
                })
            })
            .collect()
    }
}
