//! Accounts over SQL: users, their sessions, one-time e-mail links and the outbox. Secrets
//! arrive here already reduced to fingerprints (see `accounts::secret`).

use super::Db;
use super::outbox::insert_mail;
use crate::clock::now;
use app::domain::account::{SESSION_IDLE_SECONDS, ValidRegistration};
use app::domain::{
    BusinessType, CountryCode, CurrentUser, ExhibitorId, Role, Team, TeamRole, UserId,
};
use app::error::AppError;
use app::error::ErrorCode;
use app::i18n::Locale;
use leptos_i18n::Locale as _;
use sqlx::Row;

/// A new account's fields, validated already.
pub struct NewUser<'a> {
    pub email: &'a str,
    pub password_hash: &'a str,
    pub name: &'a str,
    pub company: &'a str,
    pub country: CountryCode,
    pub business_type: BusinessType,
    pub role: Role,
    /// The language they read the fair in: their mails with no request behind them come in it.
    pub language: Locale,
}

/// An account as signing in and password resets need it.
pub struct StoredAccount {
    pub id: UserId,
    pub name: String,
    pub password_hash: String,
}

/// What a one-time link is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkPurpose {
    Verify,
    Reset,
}

impl LinkPurpose {
    fn as_str(self) -> &'static str {
        match self {
            LinkPurpose::Verify => "verify",
            LinkPurpose::Reset => "reset",
        }
    }
}

impl Db {
    /// Keeps the language `user` chose to read the fair in (a write only when it changes).
    pub async fn set_language(&self, user: UserId, language: Locale) -> Result<(), AppError> {
        let kept: Option<String> = sqlx::query_scalar("SELECT language FROM users WHERE id = $1")
            .bind(user.0)
            .fetch_optional(&self.pool)
            .await?;
        if kept.as_deref() == Some(language.as_str()) {
            return Ok(());
        }
        let mut tx = self.begin_write().await?;
        sqlx::query("UPDATE users SET language = $2 WHERE id = $1")
            .bind(user.0)
            .bind(language.as_str())
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Stores an account whose address needs no verification (the demo's, invited people's).
    pub async fn insert_verified_user(&self, user: &NewUser<'_>) -> Result<UserId, AppError> {
        let mut tx = self.begin_write().await?;
        let id = insert_user(&mut tx, user, Some(now())).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Stores a new buyer, their interests, a verification link and its mail, all or nothing.
    /// `Conflict("email_taken")` when the address is registered already.
    pub async fn create_buyer(
        &self,
        form: &ValidRegistration,
        language: Locale,
        password_hash: &str,
        link: (&str, i64),
        mail: (&str, &str),
    ) -> Result<UserId, AppError> {
        let mut tx = self.begin_write().await?;
        let taken = sqlx::query("SELECT id FROM users WHERE email = $1")
            .bind(&form.email)
            .fetch_optional(&mut *tx)
            .await?;
        if taken.is_some() {
            return Err(AppError::Conflict(ErrorCode::EmailTaken));
        }
        let user = NewUser {
            email: &form.email,
            password_hash,
            name: &form.name,
            company: &form.company,
            country: form.country,
            business_type: form.business_type,
            role: Role::Buyer,
            language,
        };
        let id = insert_user(&mut tx, &user, None).await?.0;
        for category in &form.interests {
            sqlx::query(
                "INSERT INTO user_interests (user_id, category_id) \
                 SELECT $1, id FROM categories WHERE id = $2",
            )
            .bind(id)
            .bind(category.0)
            .execute(&mut *tx)
            .await?;
        }
        insert_link(&mut tx, id, LinkPurpose::Verify, link).await?;
        insert_mail(&mut tx, &form.email, mail).await?;
        tx.commit().await?;
        Ok(UserId(id))
    }

    /// Stores a new link for `user` and its mail, together; the account's earlier unused links
    /// of the same purpose end (only the newest mail leads anywhere).
    pub async fn replace_link(
        &self,
        user: UserId,
        purpose: LinkPurpose,
        recipient: &str,
        link: (&str, i64),
        mail: (&str, &str),
    ) -> Result<(), AppError> {
        let mut tx = self.begin_write().await?;
        end_links(&mut tx, user.0, purpose).await?;
        insert_link(&mut tx, user.0, purpose, link).await?;
        insert_mail(&mut tx, recipient, mail).await?;
        tx.commit().await.map_err(AppError::from)
    }

    /// When the newest unused link of `user` for `purpose` expires, if there is one: how the
    /// accounts service tells how recently it mailed one.
    pub async fn newest_link_expiry(
        &self,
        user: UserId,
        purpose: LinkPurpose,
    ) -> Result<Option<i64>, AppError> {
        let expiry: Option<i64> = sqlx::query_scalar(
            "SELECT MAX(expires_at) FROM email_links \
             WHERE user_id = $1 AND purpose = $2 AND used_at IS NULL",
        )
        .bind(user.0)
        .bind(purpose.as_str())
        .fetch_one(&self.pool)
        .await?;
        Ok(expiry)
    }

    /// Uses a reset link: sets the new password hash and ends every session and every other
    /// reset link of the account, all or nothing. `NotFound` when the link is unknown, used
    /// already or expired.
    pub async fn reset_password(
        &self,
        fingerprint: &str,
        password_hash: &str,
    ) -> Result<UserId, AppError> {
        let mut tx = self.begin_write().await?;
        let row = sqlx::query(
            "UPDATE email_links SET used_at = $1 \
             WHERE token_hash = $2 AND purpose = 'reset' AND used_at IS NULL AND expires_at > $1 \
             RETURNING user_id",
        )
        .bind(now())
        .bind(fingerprint)
        .fetch_optional(&mut *tx)
        .await?
        .ok_or(AppError::NotFound)?;
        let user: i64 = row.try_get(0)?;
        end_links(&mut tx, user, LinkPurpose::Reset).await?;
        sqlx::query("UPDATE users SET password_hash = $1 WHERE id = $2")
            .bind(password_hash)
            .bind(user)
            .execute(&mut *tx)
            .await?;
        sqlx::query("DELETE FROM user_sessions WHERE user_id = $1")
            .bind(user)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(UserId(user))
    }

    /// Uses a link once: marks it used and returns its account, or `NotFound` when the link is
    /// unknown, used already or expired.
    pub async fn use_link(
        &self,
        fingerprint: &str,
        purpose: LinkPurpose,
    ) -> Result<UserId, AppError> {
        let row = sqlx::query(
            "UPDATE email_links SET used_at = $1 \
             WHERE token_hash = $2 AND purpose = $3 AND used_at IS NULL AND expires_at > $1 \
             RETURNING user_id",
        )
        .bind(now())
        .bind(fingerprint)
        .bind(purpose.as_str())
        .fetch_optional(&self.pool)
        .await?
        .ok_or(AppError::NotFound)?;
        Ok(UserId(row.try_get(0)?))
    }

    /// `Ok` when a link is known, unused and unexpired; `NotFound` otherwise. A cheap check
    /// made before the expensive work a link leads to (hashing a new password).
    pub async fn link_is_live(
        &self,
        fingerprint: &str,
        purpose: LinkPurpose,
    ) -> Result<(), AppError> {
        sqlx::query(
            "SELECT 1 FROM email_links \
             WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > $3",
        )
        .bind(fingerprint)
        .bind(purpose.as_str())
        .bind(now())
        .fetch_optional(&self.pool)
        .await?
        .map(|_| ())
        .ok_or(AppError::NotFound)
    }

    pub async fn mark_email_verified(&self, user: UserId) -> Result<(), AppError> {
        sqlx::query(
            "UPDATE users SET email_verified_at = $1 WHERE id = $2 AND email_verified_at IS NULL",
        )
        .bind(now())
        .bind(user.0)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// The account registered with an address, if any.
    pub async fn find_account(&self, email: &str) -> Result<Option<StoredAccount>, AppError> {
        let row = sqlx::query("SELECT id, name, password_hash FROM users WHERE email = $1")
            .bind(email)
            .fetch_optional(&self.pool)
            .await?;
        row.map(|row| {
            Ok(StoredAccount {
                id: UserId(row.try_get(0)?),
                name: row.try_get(1)?,
                password_hash: row.try_get(2)?,
            })
        })
        .transpose()
    }

    pub async fn create_session(
        &self,
        user: UserId,
        fingerprint: &str,
        expires_at: i64,
    ) -> Result<(), AppError> {
        sqlx::query(
            "INSERT INTO user_sessions (token_hash, user_id, created_at, expires_at, last_seen_at) \
             VALUES ($1, $2, $3, $4, $3)",
        )
        .bind(fingerprint)
        .bind(user.0)
        .bind(now())
        .bind(expires_at)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Deletes one session, or with `everywhere` every session of its account; whose they
    /// were, if there was such a session.
    pub async fn delete_sessions(
        &self,
        fingerprint: &str,
        everywhere: bool,
    ) -> Result<Option<UserId>, AppError> {
        let sql = if everywhere {
            "DELETE FROM user_sessions WHERE user_id = \
             (SELECT user_id FROM user_sessions WHERE token_hash = $1) RETURNING user_id"
        } else {
            "DELETE FROM user_sessions WHERE token_hash = $1 RETURNING user_id"
        };
        let users: Vec<i64> = sqlx::query_scalar(sql)
            .bind(fingerprint)
            .fetch_all(&self.pool)
            .await?;
        Ok(users.first().copied().map(UserId))
    }

    /// The account of a session that has neither expired nor gone unused for
    /// [`SESSION_IDLE_SECONDS`]. Its use is recorded, at most once every
    /// [`SESSION_SEEN_EVERY`] so that reading a page rarely writes.
    pub async fn session_user(&self, fingerprint: &str) -> Result<Option<CurrentUser>, AppError> {
        let now = now();
        let row = sqlx::query(
            "SELECT u.id, u.email, u.name, u.role, u.email_verified_at, t.exhibitor_id, t.team_role, \
             s.last_seen_at, f.enabled_at \
             FROM user_sessions s JOIN users u ON u.id = s.user_id \
             LEFT JOIN team_members t ON t.user_id = u.id \
             LEFT JOIN two_factor f ON f.user_id = u.id \
             WHERE s.token_hash = $1 AND s.expires_at > $2 AND s.last_seen_at > $3",
        )
        .bind(fingerprint)
        .bind(now)
        .bind(now - SESSION_IDLE_SECONDS)
        .fetch_optional(&self.pool)
        .await?;
        let Some(row) = row else { return Ok(None) };
        if row.try_get::<i64, _>(7)? < now - SESSION_SEEN_EVERY {
            // A busy database must not cost the person their page: the next request records it.
            let recorded =
                sqlx::query("UPDATE user_sessions SET last_seen_at = $1 WHERE token_hash = $2")
                    .bind(now)
                    .bind(fingerprint)
                    .execute(&self.pool)
                    .await;
            if let Err(error) = recorded {
                tracing::warn!(%error, "could not record a session's use");
            }
        }
        let role: String = row.try_get(3)?;
        let exhibitor: Option<i64> = row.try_get(5)?;
        let team_role: Option<String> = row.try_get(6)?;
        let team = match (exhibitor, team_role.as_deref().and_then(TeamRole::parse)) {
            (Some(exhibitor), Some(role)) => Some(Team {
                exhibitor: ExhibitorId(exhibitor),
                role,
            }),
            _ => None,
        };
        Ok(Some(CurrentUser {
            id: UserId(row.try_get(0)?),
            email: row.try_get(1)?,
            name: row.try_get(2)?,
            role: Role::parse(&role)
                .ok_or_else(|| AppError::internal(format!("unknown role {role:?}")))?,
            email_verified: row.try_get::<Option<i64>, _>(4)?.is_some(),
            two_factor: row.try_get::<Option<i64>, _>(8)?.is_some(),
            team,
        }))
    }
}

/// Inserts an account; `Conflict("email_taken")` when the address is registered already.
pub(super) async fn insert_user(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    user: &NewUser<'_>,
    verified_at: Option<i64>,
) -> Result<UserId, AppError> {
    let row = sqlx::query(
        "INSERT INTO users (email, password_hash, name, company, country, business_type, role, \
         email_verified_at, created_at, language) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) \
         RETURNING id",
    )
    .bind(user.email)
    .bind(user.password_hash)
    .bind(user.name)
    .bind(user.company)
    .bind(user.country.as_str())
    .bind(user.business_type.as_str())
    .bind(user.role.as_str())
    .bind(verified_at)
    .bind(now())
    .bind(user.language.as_str())
    .fetch_one(&mut **tx)
    .await
    .map_err(|error| match &error {
        sqlx::Error::Database(db) if db.is_unique_violation() => {
            AppError::Conflict(ErrorCode::EmailTaken)
        }
        _ => AppError::from(error),
    })?;
    Ok(UserId(row.try_get(0)?))
}

/// How stale a session's record of its last use may get before a request renews it.
pub const SESSION_SEEN_EVERY: i64 = 3600;

/// Ends the links of `user` for `purpose` that are still unused, as if used now.
async fn end_links(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    user: i64,
    purpose: LinkPurpose,
) -> Result<(), AppError> {
    sqlx::query(
        "UPDATE email_links SET used_at = $1 \
         WHERE user_id = $2 AND purpose = $3 AND used_at IS NULL",
    )
    .bind(now())
    .bind(user)
    .bind(purpose.as_str())
    .execute(&mut **tx)
    .await?;
    Ok(())
}

async fn insert_link(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    user: i64,
    purpose: LinkPurpose,
    (fingerprint, expires_at): (&str, i64),
) -> Result<(), AppError> {
    sqlx::query(
        "INSERT INTO email_links (token_hash, user_id, purpose, expires_at) VALUES ($1, $2, $3, $4)",
    )
    .bind(fingerprint)
    .bind(user)
    .bind(purpose.as_str())
    .bind(expires_at)
    .execute(&mut **tx)
    .await?;
    Ok(())
}
