//! Delivering the outbox over SMTP (`--smtp-url`). One task per server claims due mail one by
//! one (`Db::claim_due_mail`), sends it, and records the outcome: sent, or the error and a
//! later attempt after a growing delay; a permanent refusal (a bad address, a 5xx answer) is
//! not retried. Writers wake the task through `MailSignal` so a mail leaves within a moment;
//! it also looks every few seconds for mail written by other servers of a cluster. A sent
//! mail keeps no link secret (`without_link_secrets`); `purge` forgets old mail.

pub mod notices;
pub mod purge;
pub mod texts;

use crate::clock::now;
use crate::storage::Db;
use anyhow::Context;
use app::domain::OutboxMail;
use app::domain::mail::without_link_secrets;
use lettre::message::Mailbox;
use lettre::message::header::ContentType;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;
use tokio::sync::Notify;

/// Attempts before a mail is given up.
pub const MAX_ATTEMPTS: i64 = 8;
/// How long a claimed mail is left to its sender before another may try.
const LEASE_SECONDS: i64 = 300;
/// How often the task looks for due mail when nobody wakes it.
const POLL: Duration = Duration::from_secs(5);
/// A retry time for mail that must not be tried again.
const NEVER: i64 = i64::MAX;

/// Wakes the sender when new mail is in the outbox, and tells whether this server has one.
#[derive(Clone, Default)]
pub struct MailSignal {
    wake: Arc<Notify>,
    delivering: Arc<AtomicBool>,
}

impl MailSignal {
    pub fn wake(&self) {
        self.wake.notify_one();
    }

    /// Whether mail leaves through SMTP; without it, the outbox is how links reach people.
    pub fn delivers(&self) -> bool {
        self.delivering.load(Ordering::Relaxed)
    }
}

/// Where and as whom to send.
#[derive(Clone, Debug)]
pub struct SmtpSettings {
    /// `smtp://host:port` (plain), `smtp://host?tls=required` (STARTTLS) or
    /// `smtps://user:password@host` (TLS), as lettre reads them.
    pub url: String,
    pub from: String,
}

/// Starts delivering the outbox of `db` through the SMTP server in `settings`.
pub fn spawn_sender(
    db: Db,
    settings: &SmtpSettings,
    signal: MailSignal,
) -> anyhow::Result<tokio::task::JoinHandle<()>> {
    let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(&settings.url)
        .context("CLOUD_FAIR_SMTP_URL is not an SMTP URL lettre understands")?
        .timeout(Some(Duration::from_secs(30)))
        .build();
    let from: Mailbox = settings
        .from
        .parse()
        .with_context(|| format!("the sender address {:?} is not valid", settings.from))?;
    signal.delivering.store(true, Ordering::Relaxed);
    Ok(tokio::spawn(async move {
        loop {
            match db.claim_due_mail(MAX_ATTEMPTS, LEASE_SECONDS).await {
                Ok(Some(mail)) => deliver(&db, &transport, &from, mail).await,
                Ok(None) => {
                    tokio::select! {
                        () = signal.wake.notified() => {}
                        () = tokio::time::sleep(POLL) => {}
                    }
                }
                Err(error) => {
                    tracing::error!(%error, "cannot read the outbox");
                    tokio::time::sleep(POLL).await;
                }
            }
        }
    }))
}

async fn deliver(
    db: &Db,
    transport: &AsyncSmtpTransport<Tokio1Executor>,
    from: &Mailbox,
    mail: OutboxMail,
) {
    let outcome = match message(from, &mail) {
        Ok(message) => transport.send(message).await.map(drop).map_err(|error| {
            let retry = !error.is_permanent();
            (error.to_string(), retry)
        }),
        Err(error) => Err((error, false)),
    };
    let recorded = match outcome {
        Ok(()) => {
            tracing::info!(id = mail.id.0, "mail sent");
            db.mark_mail_sent(mail.id.0, &without_link_secrets(&mail.body))
                .await
        }
        Err((error, retry)) => {
            let retry_at = if retry && mail.attempts < MAX_ATTEMPTS {
                now() + retry_delay(mail.attempts)
            } else {
                NEVER
            };
            tracing::warn!(id = mail.id.0, attempts = mail.attempts, %error, "mail not sent");
            db.mark_mail_failed(mail.id.0, &error, retry_at).await
        }
    };
    if let Err(error) = recorded {
        tracing::error!(id = mail.id.0, %error, "cannot record a delivery");
    }
}

/// Seconds to wait after the `attempts`-th failure: 30 s, doubling, at most an hour.
fn retry_delay(attempts: i64) -> i64 {
    (30_i64 << attempts.clamp(1, 8).saturating_sub(1)).min(3600)
}

fn message(from: &Mailbox, mail: &OutboxMail) -> Result<Message, String> {
    let to: Mailbox = mail
        .recipient
        .parse()
        .map_err(|error| format!("bad recipient address: {error}"))?;
    Message::builder()
        .from(from.clone())
        .to(to)
        .subject(mail.subject.clone())
        .header(ContentType::TEXT_PLAIN)
        .body(mail.body.clone())
        .map_err(|error| error.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retries_wait_longer_each_time_up_to_an_hour() {
        assert_eq!(retry_delay(1), 30);
        assert_eq!(retry_delay(2), 60);
        assert_eq!(retry_delay(5), 480);
        assert_eq!(retry_delay(8), 3600);
        assert_eq!(retry_delay(100), 3600);
    }
}
