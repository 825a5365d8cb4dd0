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
