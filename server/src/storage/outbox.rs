//! The outbox: mail written in the same transaction as the change it announces, then
//! delivered by `mail::sender` when SMTP is configured, or read by the organizer in the
//! browser when it is not.

use super::Db;
use crate::clock::now;
use app::domain::{MailId, OutboxMail};
use app::error::AppError;
use sqlx::Row;

const MAIL_COLUMNS: &str =
    "id, recipient, subject, body, created_at, sent_at, attempts, last_error";

fn mail_of(row: &sqlx::any::AnyRow) -> Result<OutboxMail, AppError> {
    Ok(OutboxMail {
        id: MailId(row.try_get(0)?),
        recipient: row.try_get(1)?,
        subject: row.try_get(2)?,
        body: row.try_get(3)?,
        created_at: row.try_get(4)?,
        sent_at: row.try_get(5)?,
        attempts: row.try_get(6)?,
        last_error: row.try_get(7)?,
    })
}

/// Queues a mail inside the caller's transaction.
pub(super) async fn insert_mail(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    recipient: &str,
    (subject, body): (&str, &str),
) -> Result<(), AppError> {
    sqlx::query(
        "INSERT INTO outbox (recipient, subject, body, created_at) VALUES ($1, $2, $3, $4)",
    )
    .bind(recipient)
    .bind(subject)
    .bind(body)
    .bind(now())
    .execute(&mut **tx)
    .await?;
    Ok(())
}

impl Db {
    /// The newest mails first, `limit` of them.
    pub async fn list_outbox(&self, limit: i64) -> Result<Vec<OutboxMail>, AppError> {
        let rows = sqlx::query(&format!(
            "SELECT {MAIL_COLUMNS} FROM outbox ORDER BY id DESC LIMIT $1"
        ))
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(mail_of).collect()
    }

    /// Claims the oldest unsent mail that is due and gives up to `max_attempts`: it counts the
    /// attempt and is not due again for `lease_seconds`, so no other sender takes it meanwhile.
    pub async fn claim_due_mail(
        &self,
        max_attempts: i64,
        lease_seconds: i64,
    ) -> Result<Option<OutboxMail>, AppError> {
        let now = now();
        let row = sqlx::query(&format!(
            "UPDATE outbox SET attempts = attempts + 1, next_attempt_at = $2 \
             WHERE id = (SELECT id FROM outbox WHERE sent_at IS NULL AND next_attempt_at <= $1 \
                         AND attempts < $3 ORDER BY next_attempt_at, id LIMIT 1) \
               AND sent_at IS NULL AND next_attempt_at <= $1 \
             RETURNING {MAIL_COLUMNS}"
        ))
        .bind(now)
        .bind(now + lease_seconds)
        .bind(max_attempts)
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(mail_of).transpose()
    }

    /// Records that mail `id` went out, keeping `body_kept` of it (its text without the
    /// links' secrets).
    pub async fn mark_mail_sent(&self, id: i64, body_kept: &str) -> Result<(), AppError> {
        sqlx::query("UPDATE outbox SET sent_at = $1, last_error = NULL, body = $2 WHERE id = $3")
            .bind(now())
            .bind(body_kept)
            .bind(id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Forgets up to `batch` mails written before `cutoff`; how many it did.
    pub async fn purge_mail_before(&self, cutoff: i64, batch: i64) -> Result<u64, AppError> {
        let done = sqlx::query(
            "DELETE FROM outbox WHERE id IN \
             (SELECT id FROM outbox WHERE created_at < $1 ORDER BY created_at LIMIT $2)",
        )
        .bind(cutoff)
        .bind(batch)
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected())
    }

    /// Up to `batch` sent mails after `after` whose text may still hold a link's secret (sent
    /// before sent mail lost its secrets): their ids and texts, by id.
    pub async fn sent_mail_with_links(
        &self,
        after: i64,
        batch: i64,
    ) -> Result<Vec<(i64, String)>, AppError> {
        let rows = sqlx::query(
            "SELECT id, body FROM outbox WHERE id > $1 AND sent_at IS NOT NULL \
             AND body LIKE '%token=%' ORDER BY id LIMIT $2",
        )
        .bind(after)
        .bind(batch)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| Ok((row.try_get(0)?, row.try_get(1)?)))
            .collect()
    }

    /// Replaces the text of mail `id`.
    pub async fn rewrite_mail_body(&self, id: i64, body: &str) -> Result<(), AppError> {
        sqlx::query("UPDATE outbox SET body = $1 WHERE id = $2")
            .bind(body)
            .bind(id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Records why a delivery failed and when to try again.
    pub async fn mark_mail_failed(
        &self,
        id: i64,
        error: &str,
        retry_at: i64,
    ) -> Result<(), AppError> {
        sqlx::query("UPDATE outbox SET last_error = $1, next_attempt_at = $2 WHERE id = $3")
            .bind(error)
            .bind(retry_at)
            .bind(id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}
