//! Failed sign-ins counted per account (by the address typed, known or not, so the answer
//! reveals nobody), beside the per-address limit: credential stuffing from many addresses
//! against one account is stopped after a few guesses. Over the limit, signing in to that
//! account answers 429 until the window has passed since the first failure, before any
//! password is hashed; a success clears the count. The count lives in this server's memory:
//! a cluster of n servers allows n times as many.

use moka::sync::Cache;
use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

/// Failed attempts allowed per account in a window.
pub const FAILURES_MAX: u32 = 10;
/// The window, counted from the first failure.
pub const WINDOW: Duration = Duration::from_secs(15 * 60);
/// Accounts tracked at once; the oldest are forgotten first.
const TRACKED: u64 = 100_000;

/// The counts; cloning shares them.
#[derive(Clone)]
pub struct SignInFailures {
    counts: Cache<String, Arc<AtomicU32>>,
    max: u32,
}

impl SignInFailures {
    /// [`FAILURES_MAX`] multiplied by `scale` (at least 1).
    pub fn scaled(scale: u32) -> Self {
        SignInFailures {
            counts: Cache::builder()
                .max_capacity(TRACKED)
                .time_to_live(WINDOW)
                .build(),
            max: FAILURES_MAX.saturating_mul(scale.max(1)),
        }
    }

    /// Whether the account of `email` had too many failures lately (logged, throttled).
    pub fn locked(&self, email: &str) -> bool {
        let locked = self
            .counts
            .get(email)
            .is_some_and(|count| count.load(Ordering::Relaxed) >= self.max);
        if locked {
            crate::log_throttle::warn_throttled!("sign-in failures for one account reached");
        }
        locked
    }

    pub fn failed(&self, email: &str) {
        self.counts
            .get_with(email.to_owned(), || Arc::new(AtomicU32::new(0)))
            .fetch_add(1, Ordering::Relaxed);
    }

    pub fn succeeded(&self, email: &str) {
        self.counts.invalidate(email);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_account_locks_after_its_failures_and_a_success_clears_them() {
        let failures = SignInFailures::scaled(1);
        for _ in 0..FAILURES_MAX - 1 {
            failures.failed("a@example.com");
        }
        assert!(!failures.locked("a@example.com"));
        failures.succeeded("a@example.com");
        for _ in 0..FAILURES_MAX {
            failures.failed("a@example.com");
        }
        assert!(failures.locked("a@example.com"));
        assert!(
            !failures.locked("b@example.com"),
            "other accounts keep theirs"
        );
    }
}
