//! The accounts port: registration with a mailed verification link, signing in and out.
//! Passwords are argon2id hashes (`password`); sessions and links are random secrets of which
//! the database keeps only fingerprints (`secret`). Mail goes to the outbox in the same
//! transaction as the change it announces, so a mail is never lost or sent for nothing.

pub mod identify;
pub mod password;
pub mod secret;

use crate::mail::MailSignal;
use crate::storage::Db;
use crate::storage::accounts::{LinkPurpose, now};
use app::domain::account::{SESSION_SECONDS, ValidRegistration};
use app::domain::{Action, CurrentUser, OutboxMail, UserId, authorize};
use app::error::AppError;
use app::ports::{Accounts, SessionToken};
use std::sync::Arc;

/// How long a verification link stays valid.
pub const VERIFY_LINK_SECONDS: i64 = 48 * 3600;

/// Accounts on the database; links in mails start with `public_url`.
pub struct AccountService {
    pub db: Db,
    pub public_url: Arc<str>,
    pub mail_signal: MailSignal,
}

#[async_trait::async_trait]
impl Accounts for AccountService {
    async fn register(&self, form: ValidRegistration, locale: &str) -> Result<UserId, AppError> {
        let hash = password::hash(form.password.clone())
            .await
            .map_err(AppError::internal)?;
        let link = secret::new_secret().map_err(AppError::internal)?;
        let url = format!("{}/verify-email?token={link}", self.public_url);
        let mail = verification_mail(locale, &form.name, &url);
        let user = self
            .db
            .create_buyer(
                &form,
                &hash,
                (&secret::fingerprint(&link), now() + VERIFY_LINK_SECONDS),
                (&mail.0, &mail.1),
            )
            .await?;
        self.mail_signal.wake();
        Ok(user)
    }

    async fn verify_email(&self, token: &str) -> Result<(), AppError> {
        let user = self
            .db
            .use_link(&secret::fingerprint(token), LinkPurpose::Verify)
            .await?;
        self.db.mark_email_verified(user).await
    }

    async fn log_in(&self, email: &str, password: &str) -> Result<SessionToken, AppError> {
        let email = app::domain::account::normalise_email(email).unwrap_or_default();
        let found = self.db.find_credentials(&email).await?;
        let (user, hash) = match found {
            Some((user, hash)) => (Some(user), Some(hash)),
            None => (None, None),
        };
        let matches = password::verify(password.to_owned(), hash)
            .await
            .map_err(AppError::internal)?;
        let Some(user) = user.filter(|_| matches) else {
            return Err(AppError::Unauthenticated);
        };
        let token = secret::new_secret().map_err(AppError::internal)?;
        self.db
            .create_session(user, &secret::fingerprint(&token), now() + SESSION_SECONDS)
            .await?;
        Ok(SessionToken(token))
    }

    async fn log_out(&self, session: &SessionToken, everywhere: bool) -> Result<(), AppError> {
        self.db
            .delete_sessions(&secret::fingerprint(&session.0), everywhere)
            .await
    }

    async fn current_user(&self, session: &SessionToken) -> Result<Option<CurrentUser>, AppError> {
        self.db.session_user(&secret::fingerprint(&session.0)).await
    }

    fn secure_cookies(&self) -> bool {
        self.public_url.starts_with("https://")
    }

    async fn outbox(
        &self,
        actor: Option<&CurrentUser>,
        limit: i64,
    ) -> Result<Vec<OutboxMail>, AppError> {
        authorize(actor, Action::ReadOutbox)?;
        self.db.list_outbox(limit).await
    }
}

/// Subject and text of the mail that verifies a new address, in the reader's language.
fn verification_mail(locale: &str, name: &str, url: &str) -> (String, String) {
    if locale == "zh" {
        (
            "请验证您的云展会邮箱".to_owned(),
            format!(
                "{name}，您好：\n\n请打开以下链接验证您的邮箱（48小时内有效）：\n{url}\n\n如果您没有注册云展会，请忽略此邮件。\n"
            ),
        )
    } else {
        (
            "Verify your e-mail address for Cloud Fair".to_owned(),
            format!(
                "Hello {name},\n\nOpen this link to verify your address (valid for 48 hours):\n{url}\n\nIf you did not register at Cloud Fair, ignore this mail.\n"
            ),
        )
    }
}
