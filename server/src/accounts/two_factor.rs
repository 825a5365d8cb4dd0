//! The two-factor port on the accounts service: setting up an authenticator app (a secret
//! shown once as a QR code and a key, with ten recovery codes, in force once a first code
//! confirms it), the second step of signing in, and asking again before a signature. A code
//! of the app works once (the last used step is kept); a recovery code works once; wrong
//! codes count with wrong passwords towards the account's lock (`sign_in_failures`), and one
//! waiting sign-in takes at most [`CHALLENGE_ATTEMPTS`] codes.

use super::{AccountService, password, secret, totp};
use crate::clock::now;
use app::domain::CurrentUser;
use app::domain::two_factor::{
    CHALLENGE_ATTEMPTS, CHALLENGE_SECONDS, Code, RECOVERY_CODE_LEN, RECOVERY_CODES, TwoFactorSetup,
    TwoFactorStatus, parse_code, required_for, show_recovery_code,
};
use app::error::{AppError, ErrorCode};
use app::ports::{SessionToken, TwoFactor};

/// The issuer an authenticator app lists the account under.
const ISSUER: &str = "Cloud Fair";

#[async_trait::async_trait]
impl TwoFactor for AccountService {
    #[tracing::instrument(skip_all, fields(actor = ?actor.map(|user| user.id.0)))]
    async fn get_two_factor(
        &self,
        actor: Option<&CurrentUser>,
    ) -> Result<TwoFactorStatus, AppError> {
        let user = actor.ok_or(AppError::Unauthenticated)?;
        let stored = self.db.find_two_factor(user.id).await?;
        let setup = match stored.as_ref().and_then(|s| s.pending.as_ref()) {
            Some((secret, codes)) => Some(setup_view(secret, codes, &user.email)?),
            None => None,
        };
        Ok(TwoFactorStatus {
            enabled: stored.as_ref().is_some_and(|s| s.secret.is_some()),
            required: required_for(user),
            recovery_codes_left: self.db.count_recovery_codes_left(user.id).await?,
            setup,
        })
    }

    #[tracing::instrument(skip_all, fields(actor = ?actor.map(|user| user.id.0)))]
    async fn start_two_factor(&self, actor: Option<&CurrentUser>) -> Result<(), AppError> {
        let user = actor.ok_or(AppError::Unauthenticated)?;
        let secret = totp::new_secret().map_err(AppError::internal)?;
        let codes = (0..RECOVERY_CODES)
            .map(|_| new_recovery_code())
            .collect::<Result<Vec<_>, _>>()?;
        self.db
            .insert_pending_two_factor(user.id, &secret, &codes.join("\n"))
            .await
    }

    #[tracing::instrument(skip_all, fields(actor = ?actor.map(|user| user.id.0)))]
    async fn confirm_two_factor(
        &self,
        actor: Option<&CurrentUser>,
        code: &str,
        current_password: &str,
    ) -> Result<(), AppError> {
        let user = actor.ok_or(AppError::Unauthenticated)?;
        let Some(Code::Totp(code)) = parse_code(code) else {
            return Err(AppError::invalid("code", ErrorCode::CodeInvalid));
        };
        if self.sign_in_failures.locked(&user.email) {
            return Err(AppError::RateLimited);
        }
        if !self.password_matches(user, current_password).await? {
            self.sign_in_failures.failed(&user.email);
            return Err(AppError::invalid(
                "current_password",
                ErrorCode::ConfirmationWrong,
            ));
        }
        let stored = self.db.find_two_factor(user.id).await?;
        let Some((secret, codes)) = stored.and_then(|s| s.pending) else {
            return Err(AppError::Conflict(ErrorCode::SignInExpired));
        };
        let step = totp::matching_step(&secret, &code, totp::step_at(now()))
            .ok_or_else(|| AppError::invalid("code", ErrorCode::CodeWrong))?;
        let fingerprints: Vec<String> = codes.lines().map(secret::fingerprint).collect();
        self.db
            .enable_two_factor(user.id, &secret, step, &fingerprints)
            .await
    }

    #[tracing::instrument(skip_all, fields(actor = ?actor.map(|user| user.id.0)))]
    async fn disable_two_factor(
        &self,
        actor: Option<&CurrentUser>,
        password: &str,
    ) -> Result<(), AppError> {
        let user = actor.ok_or(AppError::Unauthenticated)?;
        if required_for(user) {
            return Err(AppError::Conflict(ErrorCode::TwoFactorRequired));
        }
        // A stolen session must not buy unlimited guesses at the password.
        if self.sign_in_failures.locked(&user.email) {
            return Err(AppError::RateLimited);
        }
        if !self.password_matches(user, password).await? {
            self.sign_in_failures.failed(&user.email);
            return Err(AppError::invalid("password", ErrorCode::ConfirmationWrong));
        }
        self.db.delete_two_factor(user.id).await
    }

    #[tracing::instrument(skip_all)]
    async fn finish_sign_in(&self, challenge: &str, code: &str) -> Result<SessionToken, AppError> {
        let fingerprint = secret::fingerprint(challenge);
        let expired = AppError::Conflict(ErrorCode::SignInExpired);
        let Some(waiting) = self.db.attempt_challenge(&fingerprint).await? else {
            return Err(expired);
        };
        if waiting.attempts > CHALLENGE_ATTEMPTS {
            self.db.delete_challenge(&fingerprint).await?;
            return Err(expired);
        }
        if self.sign_in_failures.locked(&waiting.email) {
            return Err(AppError::RateLimited);
        }
        self.check_code(waiting.user, &waiting.email, code).await?;
        self.db.delete_challenge(&fingerprint).await?;
        self.sign_in_failures.succeeded(&waiting.email);
        self.start_session(waiting.user).await
    }

    #[tracing::instrument(skip_all, fields(actor = ?actor.map(|user| user.id.0)))]
    async fn confirm_identity(
        &self,
        actor: Option<&CurrentUser>,
        typed: &str,
    ) -> Result<(), AppError> {
        let user = actor.ok_or(AppError::Unauthenticated)?;
        if self.sign_in_failures.locked(&user.email) {
            return Err(AppError::RateLimited);
        }
        let wrong = || AppError::invalid("confirmation", ErrorCode::ConfirmationWrong);
        let confirmed = match parse_code(typed) {
            Some(Code::Totp(_)) if user.two_factor => self
                .check_code(user.id, &user.email, typed)
                .await
                .map_err(|error| match error {
                    AppError::Validation(_) => wrong(),
                    other => other,
                })
                .map(|()| true)?,
            _ => self.password_matches(user, typed).await?,
        };
        if !confirmed {
            self.sign_in_failures.failed(&user.email);
            return Err(wrong());
        }
        Ok(())
    }
}

impl AccountService {
    /// Starts a sign-in that waits for a code; the secret for its cookie.
    pub(super) async fn start_challenge(
        &self,
        user: app::domain::UserId,
    ) -> Result<String, AppError> {
        let token = secret::new_secret().map_err(AppError::internal)?;
        self.db
            .insert_challenge(
                &secret::fingerprint(&token),
                user,
                now() + CHALLENGE_SECONDS,
            )
            .await?;
        Ok(token)
    }

    /// Whether `user` signs in with a second factor.
    pub(super) async fn uses_two_factor(
        &self,
        user: app::domain::UserId,
    ) -> Result<bool, AppError> {
        let stored = self.db.find_two_factor(user).await?;
        Ok(stored.is_some_and(|s| s.secret.is_some()))
    }

    /// Accepts a code of `user`'s app or one of their recovery codes, once; a wrong one counts
    /// as a failed sign-in of the account, a replayed one does not (it was right once).
    async fn check_code(
        &self,
        user: app::domain::UserId,
        email: &str,
        typed: &str,
    ) -> Result<(), AppError> {
        let stored = self.db.find_two_factor(user).await?;
        let Some(secret) = stored.and_then(|s| s.secret) else {
            return Err(AppError::Conflict(ErrorCode::SignInExpired));
        };
        let accepted = match parse_code(typed) {
            Some(Code::Totp(code)) => {
                match totp::matching_step(&secret, &code, totp::step_at(now())) {
                    Some(step) if self.db.use_step(user, step).await? => true,
                    Some(_) => return Err(AppError::invalid("code", ErrorCode::CodeUsed)),
                    None => false,
                }
            }
            Some(Code::Recovery(code)) => {
                self.db
                    .use_recovery_code(user, &secret::fingerprint(&code))
                    .await?
            }
            None => return Err(AppError::invalid("code", ErrorCode::CodeInvalid)),
        };
        if !accepted {
            self.sign_in_failures.failed(email);
            return Err(AppError::invalid("code", ErrorCode::CodeWrong));
        }
        Ok(())
    }

    async fn password_matches(&self, user: &CurrentUser, typed: &str) -> Result<bool, AppError> {
        let stored = self.db.find_account(&user.email).await?;
        password::verify(
            typed.to_owned(),
            stored.map(|account| account.password_hash),
        )
        .await
    }
}

/// A recovery code: [`RECOVERY_CODE_LEN`] letters and digits without look-alikes, each drawn
/// evenly (bytes past the last whole multiple of the alphabet are drawn again).
fn new_recovery_code() -> Result<String, AppError> {
    const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";
    let even = 256 - 256 % ALPHABET.len();
    let mut code = String::with_capacity(RECOVERY_CODE_LEN);
    while code.len() < RECOVERY_CODE_LEN {
        let mut bytes = [0u8; 32];
        getrandom::fill(&mut bytes).map_err(AppError::internal)?;
        code.extend(
            bytes
                .iter()
                .map(|&byte| usize::from(byte))
                .filter(|&byte| byte < even)
                .map(|byte| char::from(ALPHABET[byte % ALPHABET.len()]))
                .take(RECOVERY_CODE_LEN - code.len()),
        );
    }
    Ok(code)
}

/// What the settings page shows of a secret being set up.
fn setup_view(secret: &str, codes: &str, email: &str) -> Result<TwoFactorSetup, AppError> {
    let uri = totp::otpauth_uri(secret, ISSUER, email);
    Ok(TwoFactorSetup {
        secret: totp::grouped(secret),
        qr_svg: totp::qr_svg(&uri).map_err(AppError::internal)?,
        otpauth_uri: uri,
        recovery_codes: codes.lines().map(show_recovery_code).collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recovery_codes_are_what_the_code_field_reads() {
        let code = new_recovery_code().unwrap();
        assert_eq!(code.len(), RECOVERY_CODE_LEN);
        assert_eq!(
            parse_code(&show_recovery_code(&code)),
            Some(Code::Recovery(code.clone()))
        );
        assert_ne!(code, new_recovery_code().unwrap());
    }
}
