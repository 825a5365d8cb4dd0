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

/// What a link's secret becomes once its mail has gone out.
pub const REMOVED_SECRET: &str = "removed-after-sending";

/// `body` with the secret of every mailed link (`?token=…`, for verification, password
/// resets and invitations) replaced by [`REMOVED_SECRET`]: what the outbox keeps of a mail once
/// it was handed to the SMTP server, and all an organizer sees of it on a fair that has one.
pub fn without_link_secrets(body: &str) -> String {
    const KEY: &str = "token=";
    let mut kept = String::with_capacity(body.len());
    let mut rest = body;
    while let Some(at) = rest.find(KEY) {
        let (before, from_key) = rest.split_at(at + KEY.len());
        kept.push_str(before);
        let secret = from_key
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
            .unwrap_or(from_key.len());
        if secret > 0 {
            kept.push_str(REMOVED_SECRET);
        }
        rest = &from_key[secret..];
    }
    kept.push_str(rest);
    kept
}

#[cfg(test)]
mod tests {
    use super::{REMOVED_SECRET, without_link_secrets};

    #[test]
    fn link_secrets_are_removed_and_the_rest_kept() {
        let body = "Hello Ana,\n\nhttps://fair.example/verify-email?token=Ab3_x-9Z\n\
                    and https://fair.example/invitation?token=q1w2e3.\nBye";
        let kept = without_link_secrets(body);
        assert_eq!(
            kept,
            format!(
                "Hello Ana,\n\nhttps://fair.example/verify-email?token={REMOVED_SECRET}\n\
                 and https://fair.example/invitation?token={REMOVED_SECRET}.\nBye"
            )
        );
        assert!(!kept.contains("Ab3_x") && !kept.contains("q1w2e3"));
        assert_eq!(
            without_link_secrets(&kept),
            kept,
            "removing twice changes nothing"
        );
        assert_eq!(
            without_link_secrets("no links, token= alone"),
            "no links, token= alone"
        );
        assert_eq!(without_link_secrets("名前 token=秘密"), "名前 token=秘密");
    }
}
