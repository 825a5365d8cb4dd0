//! Security headers on every response (with `Strict-Transport-Security` on a fair served over
//! https), and the guard against cross-site request forgery. Pages set their own
//! Content-Security-Policy with a per-request script nonce (see `app::shell`); everything else
//! gets the strictest one.

use axum::extract::{Request, State};
use axum::http::{HeaderName, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::IntoResponse;
use axum::response::Response;

static DEFAULTS: [(HeaderName, &str); 6] = [
    (
        header::CONTENT_SECURITY_POLICY,
        "default-src 'none'; img-src 'self'; frame-ancestors 'none'",
    ),
    (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
    (header::REFERRER_POLICY, "strict-origin-when-cross-origin"),
    (header::X_FRAME_OPTIONS, "DENY"),
    (
        HeaderName::from_static("cross-origin-opener-policy"),
        "same-origin",
    ),
    (
        HeaderName::from_static("permissions-policy"),
        // This site's own pages may ask for the camera, the microphone and the screen: a
        // meeting's video call does (and may be reached without a page load).
        "camera=(self), microphone=(self), display-capture=(self), geolocation=()",
    ),
];

/// What `Strict-Transport-Security` asks of a browser: to reach the fair only over https, for
/// a year, whatever link or typed address leads it there (the fair's own host only: other
/// sites under its domain are not ours to bind).
const STRICT_TRANSPORT: &str = "max-age=31536000";

/// Adds each default header the handler did not set itself, and `Strict-Transport-Security`
/// when `https` (the fair's public address is https; over plain http it would mean nothing).
pub async fn headers(State(https): State<bool>, request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    for (name, value) in &DEFAULTS {
        headers
            .entry(name.clone())
            .or_insert(HeaderValue::from_static(value));
    }
    if https {
        headers
            .entry(header::STRICT_TRANSPORT_SECURITY)
            .or_insert(HeaderValue::from_static(STRICT_TRANSPORT));
    }
    response
}

/// Refuses a state-changing request (anything but GET, HEAD, OPTIONS) that a browser says
/// comes from another site: `Sec-Fetch-Site` other than `same-origin` or `none`, or, from
/// browsers without it, an `Origin` whose host is not the one asked. Requests without either
/// header do not come from a browser's cross-site form or script, so they pass. This covers
/// server functions and plain forms alike, with no token to embed or forget.
pub async fn same_origin_writes(request: Request, next: Next) -> Response {
    let safe = matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    );
    if safe || is_same_origin(request.headers()) {
        return next.run(request).await;
    }
    crate::log_throttle::warn_throttled!(path = %request.uri().path(), "refused a cross-site request");
    (
        StatusCode::FORBIDDEN,
        "This request came from another site and was refused.\n",
    )
        .into_response()
}

pub(crate) fn is_same_origin(headers: &axum::http::HeaderMap) -> bool {
    let text = |name: HeaderName| headers.get(name).and_then(|value| value.to_str().ok());
    if let Some(site) = text(HeaderName::from_static("sec-fetch-site")) {
        return matches!(site, "same-origin" | "none");
    }
    match (text(header::ORIGIN), text(header::HOST)) {
        (None, _) => true,
        (Some(origin), Some(host)) => origin
            .split_once("://")
            .is_some_and(|(_, origin_host)| origin_host == host),
        (Some(_), None) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderMap;

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        pairs
            .iter()
            .map(|(name, value)| (HeaderName::from_static(name), value.parse().unwrap()))
            .collect()
    }

    #[test]
    fn cross_site_writes_are_recognised() {
        assert!(is_same_origin(&headers(&[])));
        assert!(is_same_origin(&headers(&[(
            "sec-fetch-site",
            "same-origin"
        )])));
        assert!(!is_same_origin(&headers(&[(
            "sec-fetch-site",
            "cross-site"
        )])));
        assert!(!is_same_origin(&headers(&[(
            "sec-fetch-site",
            "same-site"
        )])));
        let host = ("host", "fair.example:3000");
        assert!(is_same_origin(&headers(&[
            ("origin", "http://fair.example:3000"),
            host
        ])));
        assert!(!is_same_origin(&headers(&[
            ("origin", "https://evil.example"),
            host
        ])));
        assert!(!is_same_origin(&headers(&[("origin", "null"), host])));
    }

    #[tokio::test]
    async fn strict_transport_is_sent_only_for_an_https_fair() {
        use tower::ServiceExt;
        for (https, expected) in [(true, Some(STRICT_TRANSPORT)), (false, None)] {
            let app = axum::Router::new()
                .route("/", axum::routing::get(|| async { "ok" }))
                .layer(axum::middleware::from_fn_with_state(https, super::headers));
            let request = Request::builder()
                .uri("/")
                .body(axum::body::Body::empty())
                .unwrap();
            let response = app.oneshot(request).await.unwrap();
            let sent = response.headers().get(header::STRICT_TRANSPORT_SECURITY);
            assert_eq!(
                sent.map(|v| v.to_str().unwrap()),
                expected,
                "https: {https}"
            );
            assert_eq!(response.headers()[header::X_FRAME_OPTIONS], "DENY");
        }
    }
}
