//! Mail the platform sends, as the outbox keeps it and the organizer reads it.

use super::MailId;
use serde::{Deserialize, Serialize};

/// One mail in the outbox. Times are Unix seconds.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutboxMail {
    pub id: MailId,
    pub recipient: String,
    pub subject: String,
    pub body: String,
    pub created_at: i64,
    pub sent_at: Option<i64>,
    pub attempts: i64,
    pub last_error: Option<String>,
}

/// Where a mail is on its way.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Delivery {
    /// Handed to the SMTP server.
    Sent,
    /// Not sent yet: no SMTP server is configured, or the next attempt is due later.
    Waiting,
    /// The last attempt failed; `last_error` says why.
    Failed,
}

impl OutboxMail {
    pub fn delivery(&self) -> Delivery {
        match (self.sent_at, &self.last_error) {
            (Some(_), _) => Delivery::Sent,
            (None, Some(_)) => Delivery::Failed,
            (None, None) => Delivery::Waiting,
        }
    }
}
