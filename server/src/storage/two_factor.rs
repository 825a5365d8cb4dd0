//! Two-factor sign-in over SQL: a person's authenticator secret and the last step a code was
//! accepted for, the secret and recovery codes being set up, recovery codes (fingerprints),
//! and sign-ins waiting for their code. Each use of a code is one conditional update, so two
//! requests with the same code cannot both pass.

use super::Db;
use crate::clock::now;
use app::domain::UserId;
use app::error::AppError;
use sqlx::Row;

/// A person's two-factor row.
pub struct StoredTwoFactor {
    /// The confirmed secret (base32), when two-factor sign-in is on.
    pub secret: Option<String>,
    pub last_step: i64,
    /// A secret being set up, and its recovery codes (one per line), until confirmed.
    pub pending: Option<(String, String)>,
}

/// A sign-in waiting for its code.
pub struct Challenge {
    pub user: UserId,
    pub email: String,
    pub attempts: i64,
}

impl Db {
    pub async fn find_two_factor(&self, user: UserId) -> Result<Option<StoredTwoFactor>, AppError> {
        let row = sqlx::query(
            "SELECT secret, last_step, pending_secret, pending_codes FROM two_factor \
             WHERE user_id = $1",
        )
        .bind(user.0)
        .fetch_optional(&self.pool)
        .await?;
        row.map(|row| {
            let pending: (Option<String>, Option<String>) = (row.try_get(2)?, row.try_get(3)?);
            Ok(StoredTwoFactor {
                secret: row.try_get(0)?,
                last_step: row.try_get(1)?,
                pending: pending.0.zip(pending.1),
            })
        })
        .transpose()
    }

    /// Keeps a new secret and its recovery codes as being set up, replacing any earlier one
    /// being set up; a confirmed secret stays in force until the new one is confirmed.
    pub async fn insert_pending_two_factor(
        &self,
        user: UserId,
        secret: &str,
        codes: &str,
    ) -> Result<(), AppError> {
        sqlx::query(
            "INSERT INTO two_factor (user_id, pending_secret, pending_codes) VALUES ($1, $2, $3) \
             ON CONFLICT (user_id) DO UPDATE SET pending_secret = $2, pending_codes = $3",
        )
        .bind(user.0)
        .bind(secret)
        .bind(codes)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Puts the secret being set up in force (if it is still `secret`), with `step` as its
    /// last used step, and replaces the recovery codes with `code_fingerprints`, all or
    /// nothing. `Conflict` when another setup replaced it meanwhile.
    pub async fn enable_two_factor(
        &self,
        user: UserId,
        secret: &str,
        step: i64,
        code_fingerprints: &[String],
    ) -> Result<(), AppError> {
        let mut tx = self.begin_write().await?;
        let changed = sqlx::query(
            "UPDATE two_factor SET secret = pending_secret, enabled_at = $1, last_step = $2, \
             pending_secret = NULL, pending_codes = NULL \
             WHERE user_id = $3 AND pending_secret = $4",
        )
        .bind(now())
        .bind(step)
        .bind(user.0)
        .bind(secret)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if changed != 1 {
            return Err(AppError::Conflict(app::error::ErrorCode::SignInExpired));
        }
        sqlx::query("DELETE FROM recovery_codes WHERE user_id = $1")
            .bind(user.0)
            .execute(&mut *tx)
            .await?;
        for fingerprint in code_fingerprints {
            sqlx::query("INSERT INTO recovery_codes (user_id, code_hash) VALUES ($1, $2)")
                .bind(user.0)
                .bind(fingerprint)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Turns two-factor sign-in off: the secret and every recovery code go.
    pub async fn delete_two_factor(&self, user: UserId) -> Result<(), AppError> {
        let mut tx = self.begin_write().await?;
        for sql in [
            "DELETE FROM two_factor WHERE user_id = $1",
            "DELETE FROM recovery_codes WHERE user_id = $1",
        ] {
            sqlx::query(sql).bind(user.0).execute(&mut *tx).await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Records that a code of `step` was used, if no code of that step or a later one was:
    /// whether it was (a code works once).
    pub async fn use_step(&self, user: UserId, step: i64) -> Result<bool, AppError> {
        let changed = sqlx::query(
            "UPDATE two_factor SET last_step = $1 \
             WHERE user_id = $2 AND secret IS NOT NULL AND last_step < $1",
        )
        .bind(step)
        .bind(user.0)
        .execute(&self.pool)
        .await?
        .rows_affected();
        Ok(changed == 1)
    }

    /// Uses a recovery code by its fingerprint: whether it was there, unused.
    pub async fn use_recovery_code(
        &self,
        user: UserId,
        fingerprint: &str,
    ) -> Result<bool, AppError> {
        let changed = sqlx::query(
            "UPDATE recovery_codes SET used_at = $1 \
             WHERE user_id = $2 AND code_hash = $3 AND used_at IS NULL",
        )
        .bind(now())
        .bind(user.0)
        .bind(fingerprint)
        .execute(&self.pool)
        .await?
        .rows_affected();
        Ok(changed == 1)
    }

    pub async fn count_recovery_codes_left(&self, user: UserId) -> Result<i64, AppError> {
        let left: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM recovery_codes WHERE user_id = $1 AND used_at IS NULL",
        )
        .bind(user.0)
        .fetch_one(&self.pool)
        .await?;
        Ok(left)
    }

    /// Keeps a sign-in that passed the password until `expires_at`; ended ones are swept.
    pub async fn insert_challenge(
        &self,
        fingerprint: &str,
        user: UserId,
        expires_at: i64,
    ) -> Result<(), AppError> {
        sqlx::query("DELETE FROM sign_in_challenges WHERE expires_at <= $1")
            .bind(now())
            .execute(&self.pool)
            .await?;
        sqlx::query(
            "INSERT INTO sign_in_challenges (token_hash, user_id, expires_at) VALUES ($1, $2, $3)",
        )
        .bind(fingerprint)
        .bind(user.0)
        .bind(expires_at)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// A waiting sign-in that has not expired, counting this attempt at its code.
    pub async fn attempt_challenge(
        &self,
        fingerprint: &str,
    ) -> Result<Option<Challenge>, AppError> {
        let row = sqlx::query(
            "UPDATE sign_in_challenges SET attempts = attempts + 1 \
             WHERE token_hash = $1 AND expires_at > $2 RETURNING user_id, attempts",
        )
        .bind(fingerprint)
        .bind(now())
        .fetch_optional(&self.pool)
        .await?;
        let Some(row) = row else { return Ok(None) };
        let user: i64 = row.try_get(0)?;
        let email: String = sqlx::query_scalar("SELECT email FROM users WHERE id = $1")
            .bind(user)
            .fetch_one(&self.pool)
            .await?;
        Ok(Some(Challenge {
            user: UserId(user),
            email,
            attempts: row.try_get(1)?,
        }))
    }

    pub async fn delete_challenge(&self, fingerprint: &str) -> Result<(), AppError> {
        sqlx::query("DELETE FROM sign_in_challenges WHERE token_hash = $1")
            .bind(fingerprint)
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}
