//! The benchmark's baseline: a saved copy of a page, answered from memory by the same server
//! (with the same layers) as the pages it is compared with. Only with `serve --bench-copy FILE`.

use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};

/// The saved page, when the server was started with one.
#[derive(Clone, Debug, Default)]
pub struct BenchCopy(pub Option<axum::body::Bytes>);

/// `/bench/copy`: the saved page, or 404 when the server was not started for a benchmark.
pub async fn copy(State(copy): State<BenchCopy>) -> Response {
    match copy.0 {
        Some(html) => ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], html).into_response(),
        None => (StatusCode::NOT_FOUND, "not a benchmark run\n").into_response(),
    }
}
