//! SQLite's checkpoints (copying the write-ahead log back into the database file), made by a
//! task of their own. SQLite's default makes the commit that takes the log past 1,000 pages
//! do it, with its fsyncs: under a stream of small commits, such as the message writer's,
//! one commit in a few hundred waited tens of milliseconds, and the messages behind it with
//! it. Here a passive checkpoint copies the log beside the writers instead. A passive one
//! never waits, so under writes that never pause it never catches up with the log's end,
//! and the log is only started again from its beginning once it has: past `RESTART_AFTER`
//! pages, a restarting checkpoint holds the writers back for what the passive one left.

use sqlx::{AnyPool, Row};
use std::time::Duration;

/// How often the log is copied back.
const EVERY: Duration = Duration::from_millis(200);
/// Pages in the log (4 KB each) past which writers wait for it to be copied and restarted.
const RESTART_AFTER: i64 = 8192;

/// Checkpoints `pool`'s database every `EVERY` until the pool is closed.
pub fn spawn(pool: AnyPool) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(EVERY);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        while !pool.is_closed() {
            tick.tick().await;
            if let Err(error) = checkpoint(&pool).await {
                tracing::warn!(%error, "a checkpoint of the database failed; the next one retries");
            }
        }
    });
}

async fn checkpoint(pool: &AnyPool) -> Result<(), sqlx::Error> {
    // Its row: whether it was kept from finishing, the pages in the log, the pages copied.
    let passive = sqlx::query("PRAGMA wal_checkpoint(PASSIVE)")
        .fetch_one(pool)
        .await?;
    let pages: i64 = passive.try_get(1)?;
    if pages > RESTART_AFTER {
        sqlx::query("PRAGMA wal_checkpoint(RESTART)")
            .fetch_one(pool)
            .await?;
    }
    Ok(())
}
