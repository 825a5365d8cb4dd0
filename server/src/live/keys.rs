//! Stream keys: what a team's studio encoder sends as its WHIP bearer token. `live_` and 256
//! random bits, URL-safe, so a key is recognised in a config file or a leak; only its
//! SHA-256 is kept (`accounts::secret`), so a key is shown once, when it is made.

use crate::accounts::secret::{self, new_secret};
use app::error::AppError;

const PREFIX: &str = "live_";

/// A fresh key.
pub fn new_key() -> Result<String, AppError> {
    Ok(format!(
        "{PREFIX}{}",
        new_secret().map_err(AppError::internal)?
    ))
}

/// What the database keeps of a key.
pub fn fingerprint(key: &str) -> String {
    secret::fingerprint(key)
}

/// Whether `text` has a key's shape (anything else is no key, without asking the database).
pub fn well_formed(text: &str) -> bool {
    text.strip_prefix(PREFIX).is_some_and(|rest| {
        rest.len() == 43
            && rest
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_fresh_and_recognised() {
        let (a, b) = (new_key().unwrap(), new_key().unwrap());
        assert_ne!(a, b);
        assert!(well_formed(&a) && well_formed(&b));
        for wrong in [
            "",
            "live_",
            "live_short",
            &a[1..],
            &format!("{a}x"),
            &a.replace('_', " "),
        ] {
            assert!(!well_formed(wrong), "{wrong:?}");
        }
    }
}
