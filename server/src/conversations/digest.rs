//! The digest of unread messages: every minute, each person whose oldest unread message has
//! waited `--digest-after` gets one mail listing the conversations with unread messages and
//! links to them. Each message is mailed about once; messages the team has answered already
//! are not mailed to its other members; blocked conversations are never mailed about. Each
//! mail is in its reader's language.

use crate::mail::MailSignal;
use crate::mail::notices::{self, Unread};
use crate::mail::texts::Mail;
use crate::storage::Db;
use crate::storage::digests::{DigestLine, Swept};
use app::domain::ConversationId;
use app::error::AppError;
use app::links::conversation_path;
use std::sync::Arc;
use std::time::Duration;

/// Messages older than this are never mailed about (a person who joins a team later is not
/// sent its old conversations).
const WINDOW: i64 = 2 * 24 * 3600;
const EVERY: Duration = Duration::from_secs(60);

pub fn spawn(db: Db, public_url: Arc<str>, mail: MailSignal, quiet: Duration) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(EVERY);
        // The first sweep looks at the whole window; each later one from where the last
        // succeeded.
        let mut since = 0;
        loop {
            tick.tick().await;
            match sweep(&db, &public_url, &mail, quiet, since).await {
                Ok(swept) => since = swept.due,
                Err(error) => {
                    tracing::warn!(%error, "the digest of unread messages failed; next one in a minute")
                }
            }
        }
    });
}

/// Writes the digests due now, looking at conversations where a message became due since
/// `since` (see `Db::mail_digests`).
pub async fn sweep(
    db: &Db,
    public_url: &str,
    mail: &MailSignal,
    quiet: Duration,
    since: i64,
) -> Result<Swept, AppError> {
    let quiet = quiet.as_secs() as i64;
    let swept = db
        .mail_digests(since, quiet, WINDOW, |lines| {
            digest(lines, public_url, quiet)
        })
        .await?;
    if swept.mails > 0 {
        mail.wake();
    }
    Ok(swept)
}

/// One person's mail, in their language: the subject and the text.
fn digest(lines: &[DigestLine], public_url: &str, quiet: i64) -> Mail {
    let base = public_url.trim_end_matches('/');
    let links: Vec<String> = lines
        .iter()
        .map(|line| {
            format!(
                "{base}{}",
                conversation_path(ConversationId(line.conversation_id))
            )
        })
        .collect();
    let unread: Vec<Unread> = lines
        .iter()
        .zip(&links)
        .map(|(line, link)| Unread {
            count: line.unread,
            from: &line.other_name,
            link,
        })
        .collect();
    let (name, language) = lines.first().map_or(("", "en"), |line| {
        (line.name.as_str(), line.language.as_str())
    });
    notices::digest(
        app::languages::locale(language),
        name,
        &unread,
        (quiet / 60).max(1),
        &format!("{base}/messages"),
    )
}
