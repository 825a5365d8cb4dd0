//! Structured logs with `tracing`; the level comes from `RUST_LOG` (default `info`).

use crate::config::LogFormat;
use tracing_subscriber::EnvFilter;

pub fn init(format: LogFormat) {
    let filter =
        EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_target(false);
    let _ = match format {
        LogFormat::Json => builder.json().try_init(),
        LogFormat::Text => builder.try_init(),
    };
}

/// A warning a flood would repeat thousands of times a second (a full queue, a limit
/// reached): logged at most once a second, saying how many like it went unlogged since, so
/// that a flood cannot fill the disk with its own log.
pub struct Throttled {
    /// The second of the last line logged, since the process started.
    last: std::sync::atomic::AtomicU64,
    skipped: std::sync::atomic::AtomicU64,
}

impl Throttled {
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

impl Default for Throttled {
    fn default() -> Self {
        Self::new()
    }
}

fn started() -> std::time::Instant {
    static STARTED: std::sync::LazyLock<std::time::Instant> =
        std::sync::LazyLock::new(std::time::Instant::now);
    *STARTED
}

/// The request log's failures: every server error but 503, which the server answers on
/// purpose when a queue is full (logged where it is decided, throttled).
pub fn log_failure(
    class: tower_http::classify::ServerErrorsFailureClass,
    latency: std::time::Duration,
    _span: &tracing::Span,
) {
    use tower_http::classify::ServerErrorsFailureClass;
    if let ServerErrorsFailureClass::StatusCode(status) = class
        && status == axum::http::StatusCode::SERVICE_UNAVAILABLE
    {
        return;
    }
    tracing::error!(classification = %class, latency_ms = latency.as_millis() as u64, "response failed");
}

#[cfg(test)]
mod tests {
    use super::Throttled;

    #[test]
    fn one_line_a_second_with_the_count_of_the_rest() {
        let throttled = Throttled::new();
        assert_eq!(throttled.admit_at(7), Some(0));
        assert_eq!(throttled.admit_at(7), None);
        assert_eq!(throttled.admit_at(7), None);
        assert_eq!(throttled.admit_at(8), Some(2));
        assert_eq!(throttled.admit_at(8), None);
        assert_eq!(throttled.admit_at(12), Some(1));
    }
}
