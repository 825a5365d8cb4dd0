//! The compiled site's files (wasm, JS, CSS from cargo-leptos; `public/`), sent precompressed
//! when the browser accepts it, with cache lifetimes by kind: a hashed bundle file never changes
//! under its name, so browsers keep it a year; other files are revalidated after an hour.

use axum::extract::{Request, State};
use axum::http::{HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;
use leptos::config::LeptosOptions;
use std::path::PathBuf;

/// The file cargo-leptos writes next to the server binary, naming the bundle's hashes.
pub fn hash_file() -> Option<PathBuf> {
    let file = std::env::current_exe().ok()?.parent()?.join("hash.txt");
    file.exists().then_some(file)
}

/// Middleware for the static files: sets `Cache-Control` on successful answers.
pub async fn cache_control(
    State(options): State<LeptosOptions>,
    request: Request,
    next: Next,
) -> Response {
    let bundle = format!("/{}/", options.site_pkg_dir);
    let immutable = options.hash_files && request.uri().path().starts_with(&bundle);
    let mut response = next.run(request).await;
    if response.status().is_success() {
        let value = if immutable {
            "public, max-age=31536000, immutable"
        } else {
            "public, max-age=3600"
        };
        response
            .headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static(value));
    }
    response
}
