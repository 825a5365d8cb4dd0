//! The memory that uploads read whole (images, 3D models, imports, attachments) may hold
//! together. Before its body is read, such an upload reserves its declared length
//! (`Content-Length`, else the route's largest body) from one budget; one that cannot get its
//! share within a few seconds is answered 503 with `Retry-After`, so a crowd of large uploads
//! from many clients queues or is turned away instead of exhausting the server's memory.
//! Videos are written to disk as they arrive and reserve nothing.

use crate::http::error::HttpError;
use crate::log_throttle::warn_throttled;
use app::error::AppError;
use axum::extract::{Request, State};
use axum::http::header;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Semaphore;

/// The budget of a server: 512 MiB.
pub const BUDGET_BYTES: u64 = 512 * 1024 * 1024;
/// How long an upload waits for its share before it is answered 503.
pub const WAIT: Duration = Duration::from_secs(5);
/// The budget is counted in units of this many bytes.
const UNIT: u64 = 1024;

/// The budget, shared by every route that reads an upload whole; cloning shares it.
#[derive(Clone)]
pub struct UploadMemory {
    units: Arc<Semaphore>,
    total: u32,
    wait: Duration,
}

impl Default for UploadMemory {
    fn default() -> Self {
        Self::new(BUDGET_BYTES, WAIT)
    }
}

impl UploadMemory {
    /// A budget of `bytes`, waited for at most `wait`.
    pub fn new(bytes: u64, wait: Duration) -> Self {
        let total = u32::try_from(units(bytes)).unwrap_or(u32::MAX).max(1);
        Self {
            units: Arc::new(Semaphore::new(total as usize)),
            total,
            wait,
        }
    }

    /// Units a request of `declared` bytes (None: not declared) reserves on a route whose
    /// bodies are at most `largest`; never more than the whole budget.
    fn share(&self, declared: Option<u64>, largest: u64) -> u32 {
        let bytes = declared.map_or(largest, |declared| declared.min(largest));
        u32::try_from(units(bytes))
            .unwrap_or(u32::MAX)
            .clamp(1, self.total)
    }
}

fn units(bytes: u64) -> u64 {
    bytes.div_ceil(UNIT)
}

/// Middleware of a route whose bodies, at most `largest` bytes, are read whole.
pub async fn guard(
    State((memory, largest)): State<(UploadMemory, u64)>,
    request: Request,
    next: Next,
) -> Response {
    let declared = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.parse::<u64>().ok());
    let share = memory.share(declared, largest);
    let reserved = tokio::time::timeout(memory.wait, memory.units.acquire_many(share)).await;
    let Ok(Ok(_permit)) = reserved else {
        warn_throttled!(
            bytes = share as u64 * UNIT,
            "uploads hold their memory budget"
        );
        return HttpError(AppError::Busy).into_response();
    };
    next.run(request).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_upload_reserves_what_it_declares_within_its_route_and_the_budget() {
        let memory = UploadMemory::new(10 * 1024 * 1024, WAIT);
        let mb = 1024 * 1024;
        assert_eq!(memory.share(Some(1), 5 * mb), 1);
        assert_eq!(memory.share(Some(2 * mb + 1), 5 * mb), 2049);
        assert_eq!(
            memory.share(Some(50 * mb), 5 * mb),
            5 * 1024,
            "never more than the route takes"
        );
        assert_eq!(
            memory.share(None, 5 * mb),
            5 * 1024,
            "undeclared: the route's largest"
        );
        assert_eq!(
            memory.share(None, 50 * mb),
            10 * 1024,
            "never more than the budget"
        );
    }
}
