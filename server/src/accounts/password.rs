//! Password hashes: argon2id with the crate's defaults (19 MiB, 2 passes, 1 lane, OWASP's
//! recommendation), in PHC string form so that parameters can rise later without a migration.
//! Hashing takes tens of milliseconds of CPU and 19 MiB, so it runs behind
//! `gates::PASSWORD_HASHING`: under a flood it answers `AppError::Busy`.

use crate::gates::PASSWORD_HASHING;
use app::error::AppError;
use argon2::Argon2;
use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};

/// The PHC string of `password` with a fresh salt.
pub async fn hash(password: String) -> Result<String, AppError> {
    PASSWORD_HASHING
        .run(move || {
            let salt = SaltString::generate(&mut OsRng);
            Argon2::default()
                .hash_password(password.as_bytes(), &salt)
                .map(|hash| hash.to_string())
                .map_err(|error| AppError::internal(format!("cannot hash a password: {error}")))
        })
        .await?
}

/// Whether `password` matches `stored`. With no stored hash (an unknown address) a dummy
/// hash is checked, so both answers take the same time.
pub async fn verify(password: String, stored: Option<String>) -> Result<bool, AppError> {
    PASSWORD_HASHING
        .run(move || {
            let stored = stored.unwrap_or_else(|| DUMMY.to_owned());
            let parsed = PasswordHash::new(&stored).map_err(|error| {
                AppError::internal(format!("a stored password hash is malformed: {error}"))
            })?;
            let matches = Argon2::default()
                .verify_password(password.as_bytes(), &parsed)
                .is_ok();
            Ok(matches && stored != DUMMY)
        })
        .await?
}

/// The hash of a password nobody has, with the default parameters.
const DUMMY: &str = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$5NA9Jb0yUBlGqq8CQdL8fr9J8iL4z3P3Q2kIN3S3lOU";

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_hash_verifies_its_password_only() {
        let stored = hash("correct horse battery".into()).await.unwrap();
        assert!(stored.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"));
        assert!(
            verify("correct horse battery".into(), Some(stored.clone()))
                .await
                .unwrap()
        );
        assert!(
            !verify("wrong horse battery".into(), Some(stored))
                .await
                .unwrap()
        );
        assert!(!verify("anything".into(), None).await.unwrap());
    }
}
