//! At most a few uploads at once from one client: each upload holds a slot of its client's
//! while its body is read and processed, and one more is answered 429 with `Retry-After`.
//! Together with the connection cap and the body pace, one address cannot fill the server's
//! disk bandwidth and memory with slow uploads.

use crate::http::client::client_of;
use crate::http::error::HttpError;
use crate::log_throttle::warn_throttled;
use crate::slots::KeyedSlots;
use app::error::AppError;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::net::IpAddr;

/// Uploads one client may have in flight.
pub const UPLOADS_PER_CLIENT: u32 = 4;

/// The uploads in flight, by client.
#[derive(Clone)]
pub struct UploadSlots(KeyedSlots<IpAddr>);

impl Default for UploadSlots {
    fn default() -> Self {
        Self(KeyedSlots::new(UPLOADS_PER_CLIENT))
    }
}

/// Middleware of the upload routes.
pub async fn guard(State(slots): State<UploadSlots>, request: Request, next: Next) -> Response {
    let client = client_of(&request);
    let Some(_slot) = slots.0.take(client) else {
        warn_throttled!(%client, "too many uploads at once");
        let mut response = HttpError(AppError::RateLimited).into_response();
        response
            .headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from_static("5"));
        return response;
    };
    next.run(request).await
}
