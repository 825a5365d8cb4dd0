//! What makes the fair an installable app, built into the binary from `public/`: the web app
//! manifest, and the service worker with the headers a worker needs. A worker obeys its own
//! script's Content-Security-Policy, so this one may fetch this site's pages and files (the
//! strict default would forbid it), and it is revalidated on every visit, so that a new
//! version reaches browsers at once.

use axum::http::header;
use axum::response::{IntoResponse, Response};

const SERVICE_WORKER: &str = include_str!("../../../public/sw.js");
const MANIFEST: &str = include_str!("../../../public/manifest.webmanifest");

/// `/sw.js`.
pub async fn service_worker() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "no-cache"),
            (header::CONTENT_SECURITY_POLICY, "default-src 'self'"),
        ],
        SERVICE_WORKER,
    )
        .into_response()
}

/// `/manifest.webmanifest`.
pub async fn manifest() -> Response {
    (
        [
            (header::CONTENT_TYPE, "application/manifest+json"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        MANIFEST,
    )
        .into_response()
}
