//! `/lang/{code}?next=/path`: keeps the visitor's language in the cookie the i18n layer reads,
//! then returns to the page they were on. Works without JavaScript. An unknown code changes
//! nothing: the visitor just returns.

use app::links::is_local_path;
use axum::extract::{Path, Query};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

pub use app::components::language_switch::LANGUAGE_COOKIE as COOKIE;
use app::i18n::Locale;
use leptos_i18n::Locale as _;

#[derive(Deserialize)]
pub struct Next {
    next: Option<String>,
}

pub async fn switch(Path(code): Path<String>, Query(query): Query<Next>) -> Response {
    let known = Locale::get_all()
        .iter()
        .any(|locale| locale.as_str() == code);
    let target = query
        .next
        .filter(|n| is_local_path(n))
        .unwrap_or_else(|| "/".to_owned());
    let mut response = Redirect::to(&target).into_response();
    if !known {
        return response;
    }
    let cookie = format!("{COOKIE}={code}; Path=/; Max-Age=31536000; SameSite=Lax");
    if let Ok(value) = HeaderValue::from_str(&cookie) {
        response.headers_mut().insert(header::SET_COOKIE, value);
    }
    response
}
