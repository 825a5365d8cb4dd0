//! The accounts port: registration with a mailed verification link, signing in and out.
//! Passwords are argon2id hashes (`password`); sessions and links are random secrets of which
//! the database keeps only fingerprints (`secret`). Mail goes to the outbox in the same
//! transaction as the change it announces, so a mail is never lost or sent for nothing.
//! Accounts that use two-factor sign-in (`two_factor`, `totp`) get a waiting sign-in for the
//! right password, and a session only with the code.

pub mod allowances;
pub mod identify;
pub mod password;
pub mod secret;
pub mod session_ends;
pub mod sign_in_failures;
pub mod teams;
pub mod totp;
pub mod two_factor;

use crate::clock::now;
use crate::mail::{MailSignal, texts};
use crate::storage::Db;
use crate::storage::accounts::LinkPurpose;
use app::domain::account::{SESSION_SECONDS, ValidRegistration, normalise_email, password_problem};
use app::domain::mail::without_link_secrets;
use app::domain::{Action, CurrentUser, OutboxMail, UserId, authorize};
use app::error::AppError;
use app::error::ErrorCode;
use app::ports::{Accounts, SessionToken, SignInStart};
use session_ends::SessionEnds;
use sign_in_failures::SignInFailures;
use std::sync::Arc;

/// How long a verification link stays valid.
pub const VERIFY_LINK_SECONDS: i64 = 48 * 3600;
/// How long a password-reset link stays valid.
pub const RESET_LINK_SECONDS: i64 = 3600;
// The mails (`mail::texts`) state these lifetimes in words.
const _: () = assert!(
    VERIFY_LINK_SECONDS == 48 * 3600,
    "the verification mail says 48 hours"
);
const _: () = assert!(RESET_LINK_SECONDS == 3600, "the reset mail says 1 hour");
/// The least time between two mailed links of one purpose to one account (divided by the
/// rate-limit scale): a flood of requests, from however many addresses, cannot fill a
/// person's mailbox.
pub const LINK_MAIL_GAP_SECONDS: i64 = 60;

/// Accounts on the database; links in mails start with `public_url`.
pub struct AccountService {
    pub db: Db,
    pub public_url: Arc<str>,
    pub mail_signal: MailSignal,
    /// Where the sockets of people whose sessions end hear of it.
    pub session_ends: Arc<SessionEnds>,
    /// Seconds between two mailed links of one purpose to one account.
    pub link_mail_gap: i64,
    /// Failed sign-ins per account.
    pub sign_in_failures: SignInFailures,
}

#[async_trait::async_trait]
impl Accounts for AccountService {
    #[tracing::instrument(skip_all, fields(locale))]
    async fn register(&self, form: ValidRegistration, locale: &str) -> Result<UserId, AppError> {
        let personal = vec![form.email.clone(), form.name.clone(), form.company.clone()];
        let hash = password::hash_new(form.password.clone(), personal).await?;
        let link = secret::new_secret().map_err(AppError::internal)?;
        let url = format!("{}/verify-email?token={link}", self.public_url);
        let reader = reader_locale(locale);
        let mail = texts::verification(reader, &form.name, &url);
        let user = self
            .db
            .create_buyer(
                &form,
                reader,
                &hash,
                (&secret::fingerprint(&link), now() + VERIFY_LINK_SECONDS),
                (&mail.0, &mail.1),
            )
            .await?;
        self.mail_signal.wake();
        Ok(user)
    }

    #[tracing::instrument(skip_all, fields(user = user.0, locale))]
    async fn choose_language(&self, user: UserId, locale: &str) -> Result<(), AppError> {
        self.db.set_language(user, reader_locale(locale)).await
    }

    #[tracing::instrument(skip_all, fields(locale))]
    async fn request_password_reset(&self, email: &str, locale: &str) -> Result<(), AppError> {
        let email = normalise_email(email)
            .ok_or_else(|| AppError::invalid("email", ErrorCode::EmailInvalid))?;
        let Some(account) = self.db.find_account(&email).await? else {
            // The same answer as for a known address: the form must not reveal who has an account.
            return Ok(());
        };
        if self.mailed_lately(account.id, LinkPurpose::Reset).await? {
            // The link mailed a moment ago still works; the same answer again.
            return Ok(());
        }
        self.mail_link(
            account.id,
            LinkPurpose::Reset,
            &email,
            &account.name,
            locale,
        )
        .await
    }

    #[tracing::instrument(skip_all, fields(actor = ?actor.map(|user| user.id.0), locale))]
    async fn resend_verification(
        &self,
        actor: Option<&CurrentUser>,
        locale: &str,
    ) -> Result<(), AppError> {
        let user = actor.ok_or(AppError::Unauthenticated)?;
        if user.email_verified {
            return Ok(());
        }
        if self.mailed_lately(user.id, LinkPurpose::Verify).await? {
            return Err(AppError::RateLimited);
        }
        self.mail_link(
            user.id,
            LinkPurpose::Verify,
            &user.email,
            &user.name,
            locale,
        )
        .await
    }

    #[tracing::instrument(skip_all)]
    async fn reset_password(&self, token: &str, new_password: &str) -> Result<(), AppError> {
        if let Some(code) = password_problem(new_password) {
            return Err(AppError::invalid("password", code));
        }
        // The link first: a flood of made-up tokens costs a lookup each, not a hash.
        let fingerprint = secret::fingerprint(token);
        self.db
            .link_is_live(&fingerprint, LinkPurpose::Reset)
            .await?;
        let hash = password::hash_new(new_password.to_owned(), Vec::new()).await?;
        let user = self.db.reset_password(&fingerprint, &hash).await?;
        // Every session of the account ended with the old password.
        self.session_ends.ended(user);
        Ok(())
    }

    #[tracing::instrument(skip_all)]
    async fn verify_email(&self, token: &str) -> Result<(), AppError> {
        let user = self
            .db
            .use_link(&secret::fingerprint(token), LinkPurpose::Verify)
            .await?;
        self.db.mark_email_verified(user).await
    }

    #[tracing::instrument(skip_all)]
    async fn log_in(&self, email: &str, password: &str) -> Result<SignInStart, AppError> {
        let email = normalise_email(email).unwrap_or_default();
        if self.sign_in_failures.locked(&email) {
            return Err(AppError::RateLimited);
        }
        let found = self.db.find_account(&email).await?;
        let (user, hash) = match found {
            Some(account) => (Some(account.id), Some(account.password_hash)),
            None => (None, None),
        };
        let matches = password::verify(password.to_owned(), hash).await?;
        let Some(user) = user.filter(|_| matches) else {
            self.sign_in_failures.failed(&email);
            return Err(AppError::Unauthenticated);
        };
        if self.uses_two_factor(user).await? {
            // The failures are cleared only once the code is right too: a known password
            // must not buy more guesses at codes.
            return self.start_challenge(user).await.map(SignInStart::Challenge);
        }
        self.sign_in_failures.succeeded(&email);
        self.start_session(user).await.map(SignInStart::Session)
    }

    #[tracing::instrument(skip_all, fields(everywhere))]
    async fn log_out(&self, session: &SessionToken, everywhere: bool) -> Result<(), AppError> {
        let user = self
            .db
            .delete_sessions(&secret::fingerprint(&session.0), everywhere)
            .await?;
        if let Some(user) = user {
            self.session_ends.ended(user);
        }
        Ok(())
    }

    async fn get_current_user(
        &self,
        session: &SessionToken,
    ) -> Result<Option<CurrentUser>, AppError> {
        self.db.session_user(&secret::fingerprint(&session.0)).await
    }

    fn secure_cookies(&self) -> bool {
        self.public_url.starts_with("https://")
    }

    #[tracing::instrument(skip_all, fields(actor = ?actor.map(|user| user.id.0), limit))]
    async fn list_outbox(
        &self,
        actor: Option<&CurrentUser>,
        limit: i64,
    ) -> Result<Vec<OutboxMail>, AppError> {
        authorize(actor, Action::ReadOutbox)?;
        let mut mails = self.db.list_outbox(limit).await?;
        // With SMTP, a link reaches only its recipient: nobody reads its secret here.
        if self.mail_signal.delivers() {
            for mail in &mut mails {
                mail.body = without_link_secrets(&mail.body);
            }
        }
        Ok(mails)
    }
}

impl AccountService {
    /// Whether a link for `purpose` went to `user` less than `link_mail_gap` seconds ago
    /// (its expiry tells when it was issued).
    async fn mailed_lately(&self, user: UserId, purpose: LinkPurpose) -> Result<bool, AppError> {
        let newest = self.db.newest_link_expiry(user, purpose).await?;
        let issued = |expiry: i64| expiry - lifetime(purpose);
        Ok(newest.is_some_and(|expiry| issued(expiry) > now() - self.link_mail_gap))
    }

    /// Mails `user` a new link for `purpose`, ending their earlier ones.
    async fn mail_link(
        &self,
        user: UserId,
        purpose: LinkPurpose,
        recipient: &str,
        name: &str,
        locale: &str,
    ) -> Result<(), AppError> {
        let link = secret::new_secret().map_err(AppError::internal)?;
        let (path, compose): (_, ComposeMail) = match purpose {
            LinkPurpose::Verify => ("verify-email", texts::verification),
            LinkPurpose::Reset => ("reset-password", texts::reset),
        };
        let url = format!("{}/{path}?token={link}", self.public_url);
        let mail = compose(reader_locale(locale), name, &url);
        self.db
            .replace_link(
                user,
                purpose,
                recipient,
                (&secret::fingerprint(&link), now() + lifetime(purpose)),
                (&mail.0, &mail.1),
            )
            .await?;
        self.mail_signal.wake();
        Ok(())
    }

    /// A new session for `user`.
    async fn start_session(&self, user: UserId) -> Result<SessionToken, AppError> {
        let token = secret::new_secret().map_err(AppError::internal)?;
        self.db
            .create_session(user, &secret::fingerprint(&token), now() + SESSION_SECONDS)
            .await?;
        Ok(SessionToken(token))
    }
}

/// Writes a link's mail: subject and text from the reader's language, name and the link.
type ComposeMail = fn(app::i18n::Locale, &str, &str) -> texts::Mail;

/// How long a link for `purpose` stays valid.
fn lifetime(purpose: LinkPurpose) -> i64 {
    match purpose {
        LinkPurpose::Verify => VERIFY_LINK_SECONDS,
        LinkPurpose::Reset => RESET_LINK_SECONDS,
    }
}

/// The language a mail's reader chose, by its code (`session::request_locale`); English for
/// a code the fair does not have.
pub(crate) fn reader_locale(locale: &str) -> app::i18n::Locale {
    app::languages::locale(locale)
}
