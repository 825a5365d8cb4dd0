//! People and their sessions.

use crate::domain::account::ValidRegistration;
use crate::domain::{CurrentUser, OutboxMail, UserId};
use crate::error::AppError;
use crate::session::SessionToken;

/// What a right password leads to.
pub enum SignInStart {
    /// A session.
    Session(SessionToken),
    /// A sign-in waiting for a code: the secret its cookie holds.
    Challenge(String),
}

/// People and their sessions: registration, e-mail verification, signing in and out.
#[async_trait::async_trait]
pub trait Accounts: Send + Sync + 'static {
    /// Creates a buyer's account and mails a link that verifies the address; `Conflict` when
    /// the address is taken.
    async fn register(&self, form: ValidRegistration, locale: &str) -> Result<UserId, AppError>;
    /// Keeps the language `user` chose (a code the fair has): the mails written for them
    /// without a request to take a language from come in it.
    async fn choose_language(&self, user: UserId, locale: &str) -> Result<(), AppError>;
    /// Marks the address of the link's account verified; `NotFound` for an unknown, used or
    /// expired link.
    async fn verify_email(&self, token: &str) -> Result<(), AppError>;
    /// Mails the signed-in person a new verification link, ending the earlier ones; nothing
    /// when the address is verified already, `RateLimited` when a link went out a moment ago.
    async fn resend_verification(
        &self,
        actor: Option<&CurrentUser>,
        locale: &str,
    ) -> Result<(), AppError>;
    /// Mails a link to choose a new password, if the address has an account; answers the same
    /// either way, so the form reveals nobody's account.
    async fn request_password_reset(&self, email: &str, locale: &str) -> Result<(), AppError>;
    /// Sets a new password with a reset link and ends every session of the account;
    /// `Validation` for a password the rules refuse, `NotFound` for an unknown, used or
    /// expired link.
    async fn reset_password(&self, token: &str, new_password: &str) -> Result<(), AppError>;
    /// A new session for the account with these credentials, or, when the account signs in
    /// with a second factor, a sign-in waiting for its code; `Unauthenticated` otherwise (the
    /// same answer for an unknown address and a wrong password).
    async fn log_in(&self, email: &str, password: &str) -> Result<SignInStart, AppError>;
    /// Ends the session, or every session of its account.
    async fn log_out(&self, session: &SessionToken, everywhere: bool) -> Result<(), AppError>;
    /// The person behind a session, if it is valid.
    async fn get_current_user(
        &self,
        session: &SessionToken,
    ) -> Result<Option<CurrentUser>, AppError>;
    /// Whether session cookies must be marked `Secure` (the site is served over HTTPS).
    fn secure_cookies(&self) -> bool;
    /// The newest `limit` mails of the outbox; organizers only.
    async fn list_outbox(
        &self,
        actor: Option<&CurrentUser>,
        limit: i64,
    ) -> Result<Vec<OutboxMail>, AppError>;
}
