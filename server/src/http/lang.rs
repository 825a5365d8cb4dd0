//! `/lang/{code}?next=/path`: keeps the visitor's language in the cookie the i18n layer reads
//! (and, for a signed-in person, on their account, for the mails written without a request),
//! then returns to the page they were on. Works without JavaScript. An unknown code changes
//! nothing: the visitor just returns. And `?lang={code}` on any page, for that page alone
//! (`per_page`).

use crate::http::layers::security::is_same_origin;
use app::links::{LANGUAGE_PARAM, is_local_path};
use app::ports::Accounts;
use app::session::token_in;
use axum::extract::{Path, Query, Request, State};
use axum::http::{HeaderMap, HeaderValue, header};
use axum::middleware;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use std::sync::Arc;

pub use app::components::language_switch::LANGUAGE_COOKIE as COOKIE;

#[derive(Deserialize)]
pub struct Next {
    next: Option<String>,
}

pub async fn switch(
    State(accounts): State<Arc<dyn Accounts>>,
    headers: HeaderMap,
    Path(code): Path<String>,
    Query(query): Query<Next>,
) -> Response {
    let known = app::languages::known(&code).is_some();
    let target = query
        .next
        .filter(|n| is_local_path(n))
        .unwrap_or_else(|| "/".to_owned());
    let mut response = Redirect::to(&target).into_response();
    if !known {
        return response;
    }
    keep_on_account(accounts.as_ref(), &headers, &code).await;
    let cookie = format!("{COOKIE}={code}; Path=/; Max-Age=31536000; SameSite=Lax");
    if let Ok(value) = HeaderValue::from_str(&cookie) {
        response.headers_mut().insert(header::SET_COOKIE, value);
    }
    response
}

/// Keeps `code` on the account of the person signed in, if anyone is, when the switch comes
/// from one of the fair's own pages: a link on another site may change what this browser
/// shows (the cookie), not what the account keeps. A failure costs them only their mails'
/// language, not the switch: it is logged, and the page still changes.
async fn keep_on_account(accounts: &dyn Accounts, headers: &HeaderMap, code: &str) {
    if !is_same_origin(headers) {
        return;
    }
    let Some(token) = token_in(headers, accounts.secure_cookies()) else {
        return;
    };
    let kept = match accounts.get_current_user(&token).await {
        Ok(Some(user)) => accounts.choose_language(user.id, code).await,
        Ok(None) => Ok(()),
        Err(error) => Err(error),
    };
    if let Err(error) = kept {
        tracing::warn!(%error, "the language chosen was not kept on the account");
    }
}

/// Middleware on the pages, inside the page cache. `?lang={code}` shows a page in that
/// language for this request only, over the visitor's choice and their browser's: these are
/// the addresses each page names as its `hreflang` alternates and the sitemaps list per
/// language; an unknown code changes nothing. And the language cookie the i18n layer writes
/// back on every page that read one is dropped: only `/lang/{code}` keeps a choice, and a page
/// that sets no cookie may be served again from the page cache.
pub async fn per_page(mut request: Request, next: middleware::Next) -> Response {
    if let Some(code) = query_language(request.uri().query()) {
        let cookies = request
            .headers()
            .get_all(header::COOKIE)
            .iter()
            .filter_map(|value| value.to_str().ok())
            .flat_map(|value| value.split(';'))
            .map(str::trim)
            .filter(|pair| !pair.is_empty() && !is_language_cookie(pair))
            .map(str::to_owned)
            .chain(std::iter::once(format!("{COOKIE}={code}")))
            .collect::<Vec<_>>()
            .join("; ");
        if let Ok(value) = HeaderValue::from_str(&cookies) {
            request.headers_mut().insert(header::COOKIE, value);
        }
    }
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    let kept: Vec<HeaderValue> = headers
        .get_all(header::SET_COOKIE)
        .iter()
        .filter(|value| !value.to_str().is_ok_and(is_language_cookie))
        .cloned()
        .collect();
    headers.remove(header::SET_COOKIE);
    for value in kept {
        headers.append(header::SET_COOKIE, value);
    }
    response
}

fn is_language_cookie(pair: &str) -> bool {
    pair.strip_prefix(COOKIE)
        .is_some_and(|rest| rest.starts_with('='))
}

/// The known language a query string names with `lang=` (`LANGUAGE_PARAM`).
fn query_language(query: Option<&str>) -> Option<&'static str> {
    query?
        .split('&')
        .find_map(|pair| pair.strip_prefix(LANGUAGE_PARAM)?.strip_prefix('='))
        .and_then(app::languages::known)
}

#[cfg(test)]
mod tests {
    use super::query_language;

    #[test]
    fn the_query_names_a_known_language_or_none() {
        assert_eq!(query_language(Some("lang=ar")), Some("ar"));
        assert_eq!(query_language(Some("q=lamp&lang=fr&page=2")), Some("fr"));
        for other in [
            None,
            Some(""),
            Some("lang=xx"),
            Some("lang="),
            Some("slang=fr"),
            Some("lang=FR"),
        ] {
            assert_eq!(query_language(other), None, "{other:?}");
        }
    }
}
