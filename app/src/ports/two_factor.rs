//! Two-factor sign-in: setting it up, the second step of signing in, and asking a signed-in
//! person who they are again before a signature.

use crate::domain::CurrentUser;
use crate::domain::two_factor::TwoFactorStatus;
use crate::error::AppError;
use crate::session::SessionToken;

/// Authenticator apps (RFC 6238) and recovery codes.
#[async_trait::async_trait]
pub trait TwoFactor: Send + Sync + 'static {
    /// The signed-in person's settings, with the secret and recovery codes being set up.
    async fn get_two_factor(
        &self,
        actor: Option<&CurrentUser>,
    ) -> Result<TwoFactorStatus, AppError>;
    /// Makes a new secret and ten recovery codes to set up, replacing any being set up; one
    /// in force stays so until the new one is confirmed.
    async fn start_two_factor(&self, actor: Option<&CurrentUser>) -> Result<(), AppError>;
    /// Confirms the secret being set up with a code from it, once the person's password is
    /// typed again (a stolen session must not move the factor to another phone): from now on
    /// signing in asks for a code, and the new recovery codes replace the old. `Validation`
    /// for a wrong code (`code`) or password (`current_password`).
    async fn confirm_two_factor(
        &self,
        actor: Option<&CurrentUser>,
        code: &str,
        current_password: &str,
    ) -> Result<(), AppError>;
    /// Turns it off once the password is typed again; `Conflict(TwoFactorRequired)` for the
    /// organizers and owners who must keep it.
    async fn disable_two_factor(
        &self,
        actor: Option<&CurrentUser>,
        password: &str,
    ) -> Result<(), AppError>;
    /// Finishes a sign-in that passed the password (`challenge`, the secret of its cookie)
    /// with a code from the app or a recovery code: a new session. `Validation` for a wrong
    /// or used code; `Conflict(SignInExpired)` when the sign-in expired or had too many tries.
    async fn finish_sign_in(&self, challenge: &str, code: &str) -> Result<SessionToken, AppError>;
    /// Whether the signed-in person is who they say, before a signature: their password, or
    /// a current code when they use two-factor sign-in. `Validation` on the field
    /// `confirmation` when it is neither.
    async fn confirm_identity(
        &self,
        actor: Option<&CurrentUser>,
        typed: &str,
    ) -> Result<(), AppError>;
}
