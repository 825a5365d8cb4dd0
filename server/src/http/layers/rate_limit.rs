//! Limits on the actions attackers repeat (signing in and its codes, registering, password resets), counted per client
//! address in fixed windows. An attacker elsewhere never uses up the real user's allowance.
//! Over the limit, a script gets 429 with `AppError::RateLimited` and `Retry-After`; a plain
//! form goes back to its page, which says to wait.

use crate::http::client::client_of;
use crate::log_throttle::warn_throttled;
use app::domain::form;
use app::error::AppError;
use app::session;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::net::IpAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

/// One limited action: POSTs to `path`, at most `max` per client per `window`.
#[derive(Clone, Copy, Debug)]
pub struct Limit {
    pub path: &'static str,
    pub max: u32,
    pub window: Duration,
    /// Where a plain form is sent back to.
    pub form_page: &'static str,
}

/// The limits the server applies.
pub const LIMITS: [Limit; 16] = [
    Limit {
        path: "/api/log_in",
        max: 10,
        window: Duration::from_secs(60),
        form_page: "/sign-in",
    },
    Limit {
        path: "/api/verify_sign_in_code",
        max: 20,
        window: Duration::from_secs(60),
        form_page: "/sign-in/code",
    },
    Limit {
        path: "/api/register",
        max: 10,
        window: Duration::from_secs(600),
        form_page: "/register",
    },
    Limit {
        path: "/api/submit_application",
        max: 10,
        window: Duration::from_secs(600),
        form_page: "/apply",
    },
    Limit {
        path: "/api/request_password_reset",
        max: 5,
        window: Duration::from_secs(600),
        form_page: "/forgot-password",
    },
    Limit {
        path: "/api/reset_password",
        max: 10,
        window: Duration::from_secs(600),
        form_page: "/reset-password",
    },
    Limit {
        path: "/exhibitor/logo",
        max: 30,
        window: Duration::from_secs(600),
        form_page: "/exhibitor/booth",
    },
    Limit {
        path: "/exhibitor/products/*/photos",
        max: 60,
        window: Duration::from_secs(600),
        form_page: "/exhibitor/products",
    },
    Limit {
        path: "/exhibitor/banner",
        max: 30,
        window: Duration::from_secs(600),
        form_page: "/exhibitor/booth",
    },
    Limit {
        path: "/exhibitor/video",
        max: 20,
        window: Duration::from_secs(600),
        form_page: "/exhibitor/booth",
    },
    Limit {
        path: "/exhibitor/products/*/model",
        max: 30,
        window: Duration::from_secs(600),
        form_page: "/exhibitor/products",
    },
    Limit {
        path: "/messages/*/attachments",
        max: 30,
        window: Duration::from_secs(600),
        form_page: "/messages",
    },
    Limit {
        path: "/exhibitor/products/import",
        max: 20,
        window: Duration::from_secs(600),
        form_page: "/exhibitor/products/import",
    },
    // Each offer starts a WebRTC connection (its keys, its state) for up to half a minute: a
    // viewer reconnecting now and then stays far below these; a flood from one address does not.
    Limit {
        path: "/live/streams/*/whep",
        max: 60,
        window: Duration::from_secs(60),
        form_page: "/",
    },
    Limit {
        path: "/live/streams/*/whip",
        max: 30,
        window: Duration::from_secs(600),
        form_page: "/",
    },
    Limit {
        path: "/live/whip",
        max: 30,
        window: Duration::from_secs(600),
        form_page: "/",
    },
];

/// One limit's attempt counters, per client address, each forgotten after the limit's window.
type Counters = moka::sync::Cache<IpAddr, Arc<AtomicU32>>;

/// Counters per limit and client; cloning shares them.
#[derive(Clone)]
pub struct RateLimiter(Arc<Vec<(Limit, Counters)>>);

/// `LIMITS` with every maximum multiplied by `scale` (at least 1).
pub fn scaled(scale: u32) -> Vec<Limit> {
    LIMITS
        .iter()
        .map(|limit| Limit {
            max: limit.max.saturating_mul(scale.max(1)),
            ..*limit
        })
        .collect()
}

impl RateLimiter {
    pub fn new(limits: &[Limit]) -> Self {
        let counters = limits
            .iter()
            .map(|limit| {
                let cache = moka::sync::Cache::builder()
                    .max_capacity(100_000)
                    .time_to_live(limit.window)
                    .build();
                (*limit, cache)
            })
            .collect();
        Self(Arc::new(counters))
    }

    /// Counts an attempt; the limit it broke, if any.
    fn attempt(&self, path: &str, client: IpAddr) -> Option<Limit> {
        let (limit, counts) = self.0.iter().find(|(limit, _)| matches(limit.path, path))?;
        let count = counts.get_with(client, || Arc::new(AtomicU32::new(0)));
        (count.fetch_add(1, Ordering::Relaxed) >= limit.max).then_some(*limit)
    }
}

/// Whether `path` fits `pattern`, where a `*` segment stands for any one segment.
fn matches(pattern: &str, path: &str) -> bool {
    let (mut wanted, mut given) = (pattern.split('/'), path.split('/'));
    loop {
        match (wanted.next(), given.next()) {
            (None, None) => return true,
            (Some("*"), Some(segment)) if !segment.is_empty() => {}
            (Some(a), Some(b)) if a == b => {}
            _ => return false,
        }
    }
}

/// Middleware: refuses attempts over a limit.
pub async fn guard(State(limiter): State<RateLimiter>, request: Request, next: Next) -> Response {
    if request.method() != Method::POST {
        return next.run(request).await;
    }
    let client = client_of(&request);
    let Some(limit) = limiter.attempt(request.uri().path(), client) else {
        return next.run(request).await;
    };
    warn_throttled!(%client, path = limit.path, "rate limit reached");
    let mut response = if session::is_plain_form(request.headers()) {
        let query = form::encode(&AppError::RateLimited, &[]);
        let location = format!("{}?{query}", limit.form_page);
        (StatusCode::SEE_OTHER, [(header::LOCATION, location)]).into_response()
    } else {
        let body = serde_json::to_string(&AppError::RateLimited).unwrap_or_default();
        let json = [(header::CONTENT_TYPE, "application/json")];
        (StatusCode::TOO_MANY_REQUESTS, json, body).into_response()
    };
    if let Ok(seconds) = HeaderValue::from_str(&limit.window.as_secs().to_string()) {
        response.headers_mut().insert(header::RETRY_AFTER, seconds);
    }
    response
}

#[cfg(test)]
mod tests {
    use super::matches;

    #[test]
    fn a_star_stands_for_one_segment() {
        assert!(matches("/exhibitor/logo", "/exhibitor/logo"));
        assert!(matches(
            "/exhibitor/products/*/photos",
            "/exhibitor/products/12/photos"
        ));
        assert!(!matches(
            "/exhibitor/products/*/photos",
            "/exhibitor/products//photos"
        ));
        assert!(!matches(
            "/exhibitor/products/*/photos",
            "/exhibitor/products/1/2/photos"
        ));
        assert!(!matches("/exhibitor/logo", "/exhibitor/logo/x"));
    }
}
