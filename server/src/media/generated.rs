//! Generated pictures for the demo fair, served by our own server: product images and
//! exhibitor logos as small SVGs drawn from the id, so the demo needs no external host.

use axum::extract::Path;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};

const PALETTE: &[(&str, &str)] = &[
    ("#0b5cad", "#d7e8fa"),
    ("#a3320b", "#fbe3d6"),
    ("#1d6b3a", "#d9f2e1"),
    ("#6a2c91", "#eadcf5"),
    ("#8a6100", "#fbeec8"),
    ("#0f6e73", "#d3f0f1"),
    ("#9c1f4f", "#f8d9e6"),
    ("#3d4f5c", "#e1e8ed"),
];

/// `/media/products/{id}/{n}.svg`
pub async fn product_image(Path((id, file)): Path<(String, String)>) -> Response {
    let (Some(id), Some(n)) = (
        parse_number(&id),
        file.strip_suffix(".svg").and_then(parse_number),
    ) else {
        return not_found();
    };
    if n >= 8 {
        return not_found();
    }
    let (ink, paper) = PALETTE[((id + n) % PALETTE.len() as u64) as usize];
    let shape = match (id * 7 + n) % 4 {
        0 => format!(
            r#"<circle cx="120" cy="115" r="{}" fill="{ink}"/>"#,
            50 + id % 20
        ),
        1 => r#"<rect x="65" y="60" width="110" height="110" rx="14" fill="INK"/>"#
            .replace("INK", ink),
        2 => r#"<polygon points="120,45 190,175 50,175" fill="INK"/>"#.replace("INK", ink),
        _ => r#"<rect x="50" y="90" width="140" height="60" rx="30" fill="INK"/>"#
            .replace("INK", ink),
    };
    svg(format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 240 240" width="240" height="240"><rect width="240" height="240" fill="{paper}"/>{shape}<circle cx="120" cy="115" r="18" fill="{paper}" opacity="0.6"/><rect x="40" y="196" width="160" height="10" rx="5" fill="{ink}" opacity="0.35"/></svg>"#
    ))
}

/// `/media/logos/{id}.svg`
pub async fn logo(Path(file): Path<String>) -> Response {
    let Some(id) = file.strip_suffix(".svg").and_then(parse_number) else {
        return not_found();
    };
    let (ink, paper) = PALETTE[(id % PALETTE.len() as u64) as usize];
    let turn = id % 360;
    svg(format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 96 96" width="96" height="96"><rect width="96" height="96" rx="18" fill="{ink}"/><g transform="rotate({turn} 48 48)"><rect x="26" y="26" width="44" height="44" rx="8" fill="{paper}"/><circle cx="48" cy="48" r="12" fill="{ink}"/></g></svg>"#
    ))
}

fn parse_number(s: &str) -> Option<u64> {
    (!s.is_empty() && s.len() <= 18 && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

fn svg(body: String) -> Response {
    (
        [
            (header::CONTENT_TYPE, "image/svg+xml"),
            (header::CACHE_CONTROL, "public, max-age=604800, immutable"),
        ],
        body,
    )
        .into_response()
}

fn not_found() -> Response {
    (StatusCode::NOT_FOUND, "no such image\n").into_response()
}
