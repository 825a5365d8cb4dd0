//! The throttle of the warnings a flood would repeat.

/// A warning a flood would repeat thousands of times a second (a full queue, a limit
/// reached): logged at most once a second, saying how many like it went unlogged since, so
/// that a flood cannot fill the disk with its own log.
pub struct LogThrottle {
    /// The second of the last line logged, since the process started.
    last: std::sync::atomic::AtomicU64,
    skipped: std::sync::atomic::AtomicU64,
}

impl LogThrottle {
    pub const fn new() -> Self {
        Self {
            last: std::sync::atomic::AtomicU64::new(u64::MAX),
            skipped: std::sync::atomic::AtomicU64::new(0),
        }
    }

    /// `Some(unlogged since the last line)` when this one is to be logged, else `None`.
    pub fn admit(&self) -> Option<u64> {
        self.admit_at(started().elapsed().as_secs())
    }

    fn admit_at(&self, second: u64) -> Option<u64> {
        use std::sync::atomic::Ordering::Relaxed;
        let last = self.last.load(Relaxed);
        if last == second
            || self
                .last
                .compare_exchange(last, second, Relaxed, Relaxed)
                .is_err()
        {
            self.skipped.fetch_add(1, Relaxed);
            return None;
        }
        Some(self.skipped.swap(0, Relaxed))
    }
}

impl Default for LogThrottle {
    fn default() -> Self {
        Self::new()
    }
}

fn started() -> std::time::Instant {
    static STARTED: std::sync::LazyLock<std::time::Instant> =
        std::sync::LazyLock::new(std::time::Instant::now);
    *STARTED
}

/// `tracing::warn!` at most once a second for this call site, with `unlogged`: how many of its
/// warnings were left out since the last one logged.
macro_rules! warn_throttled {
    ($($field:tt)+) => {{
        static LOG: $crate::log_throttle::LogThrottle = $crate::log_throttle::LogThrottle::new();
        if let Some(unlogged) = LOG.admit() {
            tracing::warn!(unlogged, $($field)+);
        }
    }};
}
pub(crate) use warn_throttled;

#[cfg(test)]
mod tests {
    use super::LogThrottle;

    #[test]
    fn one_line_a_second_with_the_count_of_the_rest() {
        let throttled = LogThrottle::new();
        assert_eq!(throttled.admit_at(7), Some(0));
        assert_eq!(throttled.admit_at(7), None);
        assert_eq!(throttled.admit_at(7), None);
        assert_eq!(throttled.admit_at(8), Some(2));
        assert_eq!(throttled.admit_at(8), None);
        assert_eq!(throttled.admit_at(12), Some(1));
    }
}
