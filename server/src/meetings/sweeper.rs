//! The meetings' clock: every half minute it expires the requests nobody answered (so they
//! stop holding slots even where no booking touches them) and writes the reminder of each
//! confirmed meeting starting within the hour to both parties' outboxes, each reader's in
//! their language with the start in their zone first.

use crate::mail::MailSignal;
use crate::mail::notices::{self, Reminder};
use crate::mail::texts::Mail;
use crate::meetings::zones;
use crate::storage::Db;
use crate::storage::meetings::MeetingRow;
use app::domain::MeetingId;
use app::domain::deal::Side;
use app::i18n::Locale;
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
        .remind_meetings(REMIND_AHEAD, |row, side, locale| {
            reminder(row, side, locale, public_url)
        })
        .await?;
    if reminded > 0 {
        mail.wake();
    }
    Ok(())
}

/// The reminder `row`'s party on `side` reads, in `locale`: the start in their zone first.
fn reminder(row: &MeetingRow, side: Side, locale: Locale, public_url: &str) -> Mail {
    let (exhibitor_zone, buyer_zone) = row.zones();
    let exhibitor = zones::zone(&exhibitor_zone);
    let buyer = zones::zone(&buyer_zone);
    let (own, theirs, with) = match side {
        Side::Buyer => (buyer, exhibitor, exhibitor_name(row, locale).to_owned()),
        Side::Exhibitor => (
            exhibitor,
            buyer,
            format!("{} ({})", row.buyer_name, row.buyer_company),
        ),
    };
    let own_time = zones::written_out(row.starts_at, &own.0, locale);
    let their_time = zones::written_out(row.starts_at, &theirs.0, locale);
    let link = format!(
        "{}{}",
        public_url.trim_end_matches('/'),
        meeting_path(MeetingId(row.id))
    );
    notices::reminder(
        locale,
        &Reminder {
            with: &with,
            own: (&own_time, &own.1),
            theirs: (&their_time, &theirs.1),
            topic: &row.topic,
            link: &link,
        },
    )
}

/// The exhibitor's name as a reader in `locale` knows it: the Chinese one in Chinese, where
/// there is one.
fn exhibitor_name(row: &MeetingRow, locale: Locale) -> &str {
    match locale {
        Locale::zh if !row.exhibitor_name_zh.is_empty() => &row.exhibitor_name_zh,
        _ => &row.exhibitor_name_en,
    }
}
