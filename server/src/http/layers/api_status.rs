//! Server functions answer every error with 500 unless the function set a status itself; an
//! argument the function never saw (missing, malformed) is one such error. This layer reads
//! the `AppError` such a response carries and answers with its status instead (400 for bad
//! arguments, 413 for a body over the limit, 503 with `Retry-After` when busy), leaving
//! genuine internal errors at 500. A 503 the function set itself gets its `Retry-After` too.

use crate::http::error::BUSY_RETRY_SECONDS;
use app::error::AppError;
use axum::body::Body;
use axum::extract::Request;
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::Response;

/// The header server functions put on their error responses.
const SERVER_FN_ERROR: &str = "serverfnerror";
/// Error bodies are small; anything larger is left as it is.
const MAX_ERROR_BYTES: usize = 64 * 1024;

pub async fn error_status(request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    if !response.headers().contains_key(SERVER_FN_ERROR) {
        return response;
    }
    // A function that set its status itself: a busy answer still says when to come back.
    if response.status() == StatusCode::SERVICE_UNAVAILABLE {
        response
            .headers_mut()
            .entry(header::RETRY_AFTER)
            .or_insert(HeaderValue::from_static(BUSY_RETRY_SECONDS));
        return response;
    }
    if response.status() != StatusCode::INTERNAL_SERVER_ERROR {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(body) = axum::body::to_bytes(body, MAX_ERROR_BYTES).await else {
        return Response::from_parts(parts, Body::empty());
    };
    if let Ok(error) = serde_json::from_slice::<AppError>(&body) {
        parts.status = StatusCode::from_u16(error.status()).unwrap_or(parts.status);
        if error == AppError::Busy {
            parts.headers.insert(
                header::RETRY_AFTER,
                HeaderValue::from_static(BUSY_RETRY_SECONDS),
            );
        }
    }
    Response::from_parts(parts, Body::from(body))
}
