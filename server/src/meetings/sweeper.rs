//! The meetings' clock: every half minute it expires the requests nobody answered (so they
//! stop holding slots even where no booking touches them) and writes the reminder of each
//! confirmed meeting starting within the hour to both parties' outboxes.

use crate::mail::MailSignal;
use crate::meetings::zones;
use crate::storage::Db;
use crate::storage::meetings::MeetingRow;
use app::domain::MeetingId;
use app::links::meeting_path;
use std::time::Duration;

/// How long before a meeting its reminder goes out, in seconds.
pub const REMIND_AHEAD: i64 = 3600;
const EVERY: Duration = Duration::from_secs(30);

pub fn spawn(db: Db, public_url: std::sync::Arc<str>, mail: MailSignal) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(EVERY);
        loop {
            tick.tick().await;
            if let Err(error) = sweep(&db, &public_url, &mail).await {
                tracing::warn!(%error, "the meetings' sweep failed; next one in 30 s");
            }
        }
    });
}

/// One sweep: expiries, then reminders.
pub async fn sweep(
    db: &Db,
    public_url: &str,
    mail: &MailSignal,
) -> Result<(), app::error::AppError> {
    db.expire_requests().await?;
    let reminded = db
        .remind_meetings(REMIND_AHEAD, |row| reminder(row, public_url))
        .await?;
    if reminded > 0 {
        mail.wake();
    }
    Ok(())
}

fn reminder(row: &MeetingRow, public_url: &str) -> (String, String) {
    let (exhibitor_zone, buyer_zone) = row.zones();
    let (exhibitor_tz, exhibitor_name) = zones::zone(&exhibitor_zone);
    let (buyer_tz, buyer_name) = zones::zone(&buyer_zone);
    let times = zones::both(row.starts_at, &exhibitor_tz, &buyer_tz);
    let link = format!(
        "{}{}",
        public_url.trim_end_matches('/'),
        meeting_path(MeetingId(row.id))
    );
    (
        format!("Reminder: your meeting at {} ({buyer_name})", times.buyer),
        format!(
            "Your meeting between {} and {} ({}) starts soon:\n\n\
             {} {buyer_name}\n{} {exhibitor_name}\n\n{}\n\nThe meeting and its calendar file: {link}\n",
            row.exhibitor_name_en,
            row.buyer_name,
            row.buyer_company,
            times.buyer,
            times.exhibitor,
            row.topic
        ),
    )
}
