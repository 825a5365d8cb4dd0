//! Password hashes: argon2id with the crate's defaults (19 MiB, 2 passes, 1 lane, OWASP's
//! recommendation), in PHC string form so that parameters can rise later without a migration.
//! Hashing takes tens of milliseconds of CPU and 19 MiB, so it runs behind
//! `gates::PASSWORD_HASHING`: under a flood it answers `AppError::Busy`. A new password is
//! first checked against what attackers try first (`guessable`): zxcvbn's lists of common and
//! leaked passwords (from public breaches), words, names, keyboard walks, sequences, dates and
//! their l33t and reversed forms, and the person's own name and address.

use crate::gates::PASSWORD_HASHING;
use app::error::AppError;
use argon2::Argon2;
use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};

/// Estimated guesses below which a new password is refused: zxcvbn's score 3, "safely
/// unguessable" for an online attack and a good way into an offline one.
const GUESSES_NEEDED: f64 = 1e8;
/// Characters of a password weighed (the estimate's cost grows quickly with length; a longer
/// password that is strong in this much is strong).
const WEIGHED: usize = 64;

/// Whether `password` is among, or close to, what attackers try first, `personal` (the
/// person's name, address, company) included.
pub fn guessable(password: &str, personal: &[&str]) -> bool {
    let weighed: String = password.chars().take(WEIGHED).collect();
    if weighed.trim().is_empty() {
        return true;
    }
    // The parts too, so that "analima2026" matches "Ana Lima" and "ana.lima@example.com".
    let parts: Vec<&str> = personal
        .iter()
        .flat_map(|text| text.split(|c: char| !c.is_alphanumeric()))
        .filter(|part| part.chars().count() >= 3)
        .chain(personal.iter().copied())
        .collect();
    (zxcvbn::zxcvbn(&weighed, &parts).guesses() as f64) < GUESSES_NEEDED
}

/// The PHC string of a new `password` with a fresh salt, once it proved not `guessable`
/// (else the field error `password_guessable`), both behind the hashing gate.
pub async fn hash_new(password: String, personal: Vec<String>) -> Result<String, AppError> {
    PASSWORD_HASHING
        .run(move || {
            let personal: Vec<&str> = personal.iter().map(String::as_str).collect();
            if guessable(&password, &personal) {
                return Err(AppError::invalid(
                    "password",
                    app::error::ErrorCode::PasswordGuessable,
                ));
            }
            hash_now(&password)
        })
        .await?
}

/// The PHC string of `password` with a fresh salt, with no check (the demo's and the
/// benchmarks' own accounts).
pub async fn hash(password: String) -> Result<String, AppError> {
    PASSWORD_HASHING.run(move || hash_now(&password)).await?
}

fn hash_now(password: &str) -> Result<String, AppError> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|hash| hash.to_string())
        .map_err(|error| AppError::internal(format!("cannot hash a password: {error}")))
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

    #[test]
    fn common_leaked_and_personal_passwords_are_guessable() {
        for weak in [
            "password1234",
            "1234567890",
            "qwertyuiop",
            "iloveyou123",
            "pa55word12345",
            "1q2w3e4r5t6y",
            "aaaaaaaaaaaa",
            "                ",
            "abcdefghijk",
        ] {
            assert!(guessable(weak, &[]), "{weak}");
        }
        let own = ["ana.lima@example.com", "Ana Lima", "Lima Importadora"];
        assert!(
            guessable("limaimportadora", &own),
            "the person's own company"
        );
        assert!(
            !guessable("limaimportadora", &[]),
            "for anyone else it is not"
        );
        for strong in [
            "correct horse battery",
            "trade fair tulip 2026",
            "Tr0ub4dor&3x",
            "patient horse battery",
        ] {
            assert!(!guessable(strong, &[]), "{strong}");
        }
        let long = format!(
            "Tr0ub4dor&3x correct horse battery {}",
            "password".repeat(1000)
        );
        assert!(
            !guessable(&long, &[]),
            "a long password is weighed in its first characters"
        );
    }

    #[tokio::test]
    async fn a_guessable_new_password_is_refused_before_hashing() {
        let refused = hash_new("password1234".into(), vec![]).await.unwrap_err();
        assert_eq!(
            refused,
            AppError::invalid("password", app::error::ErrorCode::PasswordGuessable)
        );
        assert!(
            hash_new("correct horse battery".into(), vec![])
                .await
                .is_ok()
        );
    }
}
