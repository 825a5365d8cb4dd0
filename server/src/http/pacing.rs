//! Request bodies that must keep moving. A body may pause for at most `idle` between two
//! pieces, and after a `grace` period it must have averaged `min_rate` bytes a second: a
//! long upload on a slow but working link goes through, a client trickling a byte now and
//! then to hold a connection is answered 408 and the connection closed.

use app::error::{AppError, ErrorCode};
use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::Request;
use axum::http::{HeaderValue, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use http_body::{Frame, SizeHint};
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::task::{Context, Poll};
use std::time::Duration;
use tokio::time::{Instant, Sleep};

use super::error::HttpError;

/// How fast a request body must arrive.
#[derive(Clone, Copy, Debug)]
pub struct BodyPace {
    /// The longest pause between two pieces of a body.
    pub idle: Duration,
    /// How long a body may take before the minimum rate applies.
    pub grace: Duration,
    /// Bytes a second a body must average once the grace period is over.
    pub min_rate: u64,
}

impl Default for BodyPace {
    fn default() -> Self {
        Self {
            idle: Duration::from_secs(30),
            grace: Duration::from_secs(60),
            min_rate: 8 * 1024,
        }
    }
}

impl BodyPace {
    /// When a body that began at `started` and has delivered `received` bytes is too slow.
    fn deadline(&self, started: Instant, received: u64) -> Instant {
        let earned = Duration::from_secs_f64(received as f64 / self.min_rate.max(1) as f64);
        started + self.grace + earned
    }
}

/// Every request body of `router` held to `pace`.
pub fn paced(router: Router, pace: BodyPace) -> Router {
    router.layer(axum::middleware::from_fn(move |request, next| {
        pace_body(pace, request, next)
    }))
}

async fn pace_body(pace: BodyPace, request: Request, next: Next) -> Response {
    if http_body::Body::is_end_stream(request.body()) {
        return next.run(request).await;
    }
    let too_slow = Arc::new(AtomicBool::new(false));
    let tripped = too_slow.clone();
    let request = request.map(|inner| Body::new(Paced::new(inner, pace, tripped)));
    let response = next.run(request).await;
    if !too_slow.load(Ordering::Relaxed) {
        return response;
    }
    let mut response =
        HttpError(AppError::invalid("request", ErrorCode::RequestTooSlow)).into_response();
    response
        .headers_mut()
        .insert(header::CONNECTION, HeaderValue::from_static("close"));
    response
}

/// A body that fails once it is idle or behind its pace for too long.
struct Paced {
    inner: Body,
    pace: BodyPace,
    started: Instant,
    received: u64,
    alarm: Pin<Box<Sleep>>,
    too_slow: Arc<AtomicBool>,
}

impl Paced {
    fn new(inner: Body, pace: BodyPace, too_slow: Arc<AtomicBool>) -> Self {
        let started = Instant::now();
        Self {
            inner,
            pace,
            started,
            received: 0,
            alarm: Box::pin(tokio::time::sleep_until(next_alarm(&pace, started, 0))),
            too_slow,
        }
    }
}

/// The sooner of the idle deadline (from now) and the pace deadline.
fn next_alarm(pace: &BodyPace, started: Instant, received: u64) -> Instant {
    (Instant::now() + pace.idle).min(pace.deadline(started, received))
}

impl http_body::Body for Paced {
    type Data = Bytes;
    type Error = axum::Error;

    fn poll_frame(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, axum::Error>>> {
        let this = self.get_mut();
        match Pin::new(&mut this.inner).poll_frame(cx) {
            Poll::Ready(Some(Ok(frame))) => {
                if let Some(data) = frame.data_ref() {
                    this.received += data.len() as u64;
                    let alarm = next_alarm(&this.pace, this.started, this.received);
                    this.alarm.as_mut().reset(alarm);
                }
                Poll::Ready(Some(Ok(frame)))
            }
            Poll::Pending => match this.alarm.as_mut().poll(cx) {
                Poll::Ready(()) => {
                    this.too_slow.store(true, Ordering::Relaxed);
                    Poll::Ready(Some(Err(axum::Error::new(
                        "the request body arrived too slowly",
                    ))))
                }
                Poll::Pending => Poll::Pending,
            },
            ended => ended,
        }
    }

    fn is_end_stream(&self) -> bool {
        self.inner.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        self.inner.size_hint()
    }
}

#[cfg(test)]
mod tests {
    use super::BodyPace;
    use std::time::Duration;
    use tokio::time::Instant;

    #[test]
    fn every_byte_buys_time_at_the_minimum_rate() {
        let pace = BodyPace {
            idle: Duration::from_secs(30),
            grace: Duration::from_secs(60),
            min_rate: 1000,
        };
        let started = Instant::now();
        assert_eq!(pace.deadline(started, 0), started + Duration::from_secs(60));
        assert_eq!(
            pace.deadline(started, 5_000),
            started + Duration::from_secs(65)
        );
    }
}
