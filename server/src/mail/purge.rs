//! Forgetting old mail. Once an hour, mail written more than 30 days ago leaves the outbox, a
//! thousand at a time so that no pass holds the database long: its links expired long before,
//! and whether it went out is no longer anyone's question. At start, mail that an older version
//! sent with its links' secrets still readable loses them.

use crate::clock::now;
use crate::storage::Db;
use app::domain::mail::without_link_secrets;
use app::error::AppError;
use std::time::Duration;

/// How long the outbox keeps a mail.
pub const KEEP_SECONDS: i64 = 30 * 86_400;
/// Mails forgotten or rewritten per statement.
const BATCH: i64 = 1000;
/// How often old mail is looked for.
const EVERY: Duration = Duration::from_secs(3600);

/// Starts forgetting the old mail of `db`.
pub fn spawn(db: Db) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        match forget_sent_secrets(&db).await {
            Ok(0) => {}
            Ok(rewritten) => tracing::info!(rewritten, "sent mail no longer holds link secrets"),
            Err(error) => tracing::error!(%error, "cannot clear the secrets of sent mail"),
        }
        let mut every = tokio::time::interval(EVERY);
        loop {
            every.tick().await;
            match purge(&db, now() - KEEP_SECONDS).await {
                Ok(0) => {}
                Ok(forgotten) => tracing::info!(forgotten, "old mail left the outbox"),
                Err(error) => tracing::error!(%error, "cannot purge old mail"),
            }
        }
    })
}

/// Forgets every mail written before `cutoff`; how many.
pub async fn purge(db: &Db, cutoff: i64) -> Result<u64, AppError> {
    let mut forgotten = 0;
    loop {
        let done = db.purge_mail_before(cutoff, BATCH).await?;
        forgotten += done;
        if done < BATCH.unsigned_abs() {
            return Ok(forgotten);
        }
        tokio::task::yield_now().await;
    }
}

/// Removes the links' secrets from every sent mail that still holds one; how many changed.
pub async fn forget_sent_secrets(db: &Db) -> Result<u64, AppError> {
    let (mut after, mut rewritten) = (0, 0);
    loop {
        let mails = db.sent_mail_with_links(after, BATCH).await?;
        for (id, body) in &mails {
            let kept = without_link_secrets(body);
            if &kept != body {
                db.rewrite_mail_body(*id, &kept).await?;
                rewritten += 1;
            }
            after = *id;
        }
        if mails.len() < BATCH.unsigned_abs() as usize {
            return Ok(rewritten);
        }
    }
}
