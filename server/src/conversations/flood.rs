//! A limit on messages per person: at most `max` in any fixed window of `window`. Over it, a
//! message is refused with `RateLimited` and nothing is stored.

use app::domain::UserId;
use app::error::AppError;
use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

/// The default: 30 messages in 10 seconds, far above anyone typing.
pub const MESSAGES_MAX: u32 = 30;
pub const WINDOW: Duration = Duration::from_secs(10);

#[derive(Clone)]
pub struct Flood {
    max: u32,
    counts: moka::sync::Cache<UserId, Arc<AtomicU32>>,
}

impl Flood {
    pub fn new(max: u32, window: Duration) -> Self {
        Flood {
            max,
            counts: moka::sync::Cache::builder()
                .time_to_live(window)
                .max_capacity(1_000_000)
                .build(),
        }
    }

    /// The default limit, multiplied by `scale` (`--rate-limit-scale`).
    pub fn scaled(scale: u32) -> Self {
        Flood::new(MESSAGES_MAX.saturating_mul(scale.max(1)), WINDOW)
    }

    /// Counts a message of `user`; `RateLimited` when it is one too many.
    pub fn allow(&self, user: UserId) -> Result<(), AppError> {
        let count = self.counts.get_with(user, || Arc::new(AtomicU32::new(0)));
        if count.fetch_add(1, Ordering::Relaxed) < self.max {
            Ok(())
        } else {
            Err(AppError::RateLimited)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_message_past_the_limit_is_refused() {
        let flood = Flood::new(3, Duration::from_secs(60));
        for _ in 0..3 {
            assert_eq!(flood.allow(UserId(1)), Ok(()));
        }
        assert_eq!(flood.allow(UserId(1)), Err(AppError::RateLimited));
        assert_eq!(
            flood.allow(UserId(2)),
            Ok(()),
            "another person has their own"
        );
    }
}
