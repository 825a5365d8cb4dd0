//! At most a few uploads at once from one client: each upload holds a slot of its client's
//! while its body is read and processed, and one more is answered 429 with `Retry-After`.
//! Together with the connection cap and the body pace, one address cannot fill the server's
//! disk bandwidth and memory with slow uploads.

use crate::http::client::client_of;
use crate::http::error::HttpError;
use app::error::AppError;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::{Arc, Mutex};

/// Uploads one client may have in flight.
pub const UPLOADS_PER_CLIENT: u32 = 4;

/// The uploads in flight, by client.
#[derive(Clone, Default)]
pub struct UploadSlots {
    held: Arc<Mutex<HashMap<IpAddr, u32>>>,
}

/// One upload's slot, given back when dropped.
struct Slot {
    slots: UploadSlots,
    client: IpAddr,
}

impl UploadSlots {
    fn take(&self, client: IpAddr) -> Option<Slot> {
        let mut held = self
            .held
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let count = held.entry(client).or_default();
        if *count >= UPLOADS_PER_CLIENT {
            return None;
        }
        *count += 1;
        Some(Slot {
            slots: self.clone(),
            client,
        })
    }
}

impl Drop for Slot {
    fn drop(&mut self) {
        let mut held = self
            .slots
            .held
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some(count) = held.get_mut(&self.client) {
            *count -= 1;
            if *count == 0 {
                held.remove(&self.client);
            }
        }
    }
}

/// Middleware of the upload routes.
pub async fn guard(State(slots): State<UploadSlots>, request: Request, next: Next) -> Response {
    let client = client_of(&request);
    let Some(_slot) = slots.take(client) else {
        tracing::warn!(%client, "too many uploads at once");
        let mut response = HttpError(AppError::RateLimited).into_response();
        response
            .headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from_static("5"));
        return response;
    };
    next.run(request).await
}

#[cfg(test)]
mod tests {
    use super::{UPLOADS_PER_CLIENT, UploadSlots};
    use std::net::IpAddr;

    #[test]
    fn slots_are_counted_per_client_and_given_back() {
        let slots = UploadSlots::default();
        let one: IpAddr = "203.0.113.1".parse().unwrap();
        let other: IpAddr = "203.0.113.2".parse().unwrap();
        let held: Vec<_> = (0..UPLOADS_PER_CLIENT)
            .map(|_| slots.take(one).expect("a free slot"))
            .collect();
        assert!(slots.take(one).is_none());
        let _other_slot = slots.take(other).expect("another client's slot");
        drop(held);
        drop(_other_slot);
        let again = slots.take(one);
        assert!(again.is_some());
        drop(again);
        assert!(
            slots.held.lock().unwrap().is_empty(),
            "no client is kept once idle"
        );
    }
}
