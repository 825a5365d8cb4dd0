//! The session contract, in one place: the cookie that carries the session secret
//! (`HttpOnly`, `SameSite=Lax`; behind HTTPS `Secure` and named with the `__Host-` prefix, so
//! that no other site, not even a subdomain, can set it), the token in it, the signed-in
//! person, the address a request came from, whether a request is a plain form post, and where
//! a form goes when it is done or refused (through `links::with_query`, after the one strict
//! local-path check of `links`). Server only.

use crate::components::account_menu::SignedIn;
use crate::domain::CurrentUser;
use crate::error::AppError;
use http::HeaderMap;

/// The session cookie's name on a fair served over plain HTTP (a laptop, the demo).
pub const SESSION_COOKIE: &str = "cf_session";
/// Its name behind HTTPS: browsers keep a `__Host-` cookie only when it is `Secure`, has
/// `Path=/` and no `Domain`, and only from a secure page, so a neighbouring subdomain
/// cannot plant a session of its choosing.
pub const SECURE_SESSION_COOKIE: &str = "__Host-cf_session";

/// The session cookie's name, with `secure` when the fair is served over HTTPS.
pub fn session_cookie_name(secure: bool) -> &'static str {
    if secure {
        SECURE_SESSION_COOKIE
    } else {
        SESSION_COOKIE
    }
}

/// A session secret as the browser keeps it in its cookie; the server stores only its hash.
#[derive(Clone, PartialEq, Eq)]
pub struct SessionToken(pub String);

/// The address a request came from; the server's session layer leaves it in the request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ClientAddress(pub std::net::IpAddr);

async fn headers() -> HeaderMap {
    leptos_axum::extract::<HeaderMap>()
        .await
        .unwrap_or_default()
}

/// The value of cookie `name` in `headers`, if sent.
pub fn cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(http::header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value.to_owned())
}

/// Where the request came from: its address and the browser's own name for itself.
pub async fn signed_from() -> crate::ports::SignedFrom {
    let parts = leptos::prelude::use_context::<http::request::Parts>();
    let ip = parts
        .as_ref()
        .and_then(|parts| parts.extensions.get::<ClientAddress>())
        .map(|address| address.0.to_string())
        .unwrap_or_default();
    let user_agent = headers()
        .await
        .get(http::header::USER_AGENT)
        .and_then(|value| value.to_str().ok())
        .map(|value| value.chars().take(300).collect())
        .unwrap_or_default();
    crate::ports::SignedFrom { ip, user_agent }
}

/// The session secret the browser sent, if any.
pub async fn token() -> Option<SessionToken> {
    let secure = crate::ports::port::<dyn crate::ports::Accounts>()
        .is_ok_and(|accounts| accounts.secure_cookies());
    token_in(&headers().await, secure)
}

/// The session secret in a request's cookies, if any: behind HTTPS (`secure`) only the
/// `__Host-` cookie counts.
pub fn token_in(headers: &HeaderMap, secure: bool) -> Option<SessionToken> {
    cookie(headers, session_cookie_name(secure))
        .filter(|value| !value.is_empty())
        .map(SessionToken)
}

/// The signed-in person, if the request carries a valid session: as the server's session
/// layer found it, else looked up.
pub async fn current_user() -> Result<Option<CurrentUser>, AppError> {
    let known = leptos::prelude::use_context::<http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<SignedIn>().cloned());
    if let Some(SignedIn(user)) = known {
        return Ok(user);
    }
    match token().await {
        Some(token) => {
            crate::ports::port::<dyn crate::ports::Accounts>()?
                .get_current_user(&token)
                .await
        }
        None => Ok(None),
    }
}

/// The language the person chose on this browser with the language switch, if any.
pub async fn chosen_locale() -> Option<&'static str> {
    let headers = headers().await;
    cookie(
        &headers,
        crate::components::language_switch::LANGUAGE_COOKIE,
    )
    .and_then(|chosen| crate::languages::known(&chosen))
}

/// The language of the request: the saved choice, else the browser's preference.
pub async fn request_locale() -> &'static str {
    if let Some(chosen) = chosen_locale().await {
        return chosen;
    }
    headers()
        .await
        .get(http::header::ACCEPT_LANGUAGE)
        .and_then(|value| value.to_str().ok())
        .and_then(crate::languages::preferred)
        .unwrap_or("en")
}

/// Ends a form's server function: success goes to `done`; a failed plain form post goes
/// back to `back` with the errors and the `typed` values; a script gets the error and its
/// HTTP status.
pub async fn finish<T>(
    result: Result<T, AppError>,
    done: &str,
    back: &str,
    typed: &[(&str, &str)],
) -> Result<T, AppError> {
    match &result {
        Ok(_) => leptos_axum::redirect(done),
        Err(error) if is_plain_form(&headers().await) => {
            let errors = crate::domain::form::encode(error, typed);
            leptos_axum::redirect(&crate::links::with_query(back, &errors));
        }
        Err(_) => return crate::api::with_status(result),
    }
    result
}

/// Whether a request is a browser's form post rather than a script's call: only the
/// browser asks for HTML in answer to a POST.
pub fn is_plain_form(headers: &HeaderMap) -> bool {
    headers
        .get(http::header::ACCEPT)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| value.contains("text/html"))
}

/// Sets the session cookie to `value`, or expires it when `keep` is false.
pub fn set_cookie(value: &str, secure: bool, keep: bool) {
    let max_age = if keep {
        crate::domain::account::SESSION_SECONDS
    } else {
        0
    };
    write_cookie(session_cookie_name(secure), value, max_age, "Lax", secure);
}

/// The cookie of a sign-in that passed the password and waits for its code, over plain HTTP
/// and behind HTTPS.
pub const CHALLENGE_COOKIE: &str = "cf_sign_in";
pub const SECURE_CHALLENGE_COOKIE: &str = "__Host-cf_sign_in";

fn challenge_cookie_name(secure: bool) -> &'static str {
    if secure {
        SECURE_CHALLENGE_COOKIE
    } else {
        CHALLENGE_COOKIE
    }
}

/// Sets the waiting sign-in's cookie to `value` for as long as it waits, or expires it when
/// `keep` is false. Only this site's own pages send it back (`SameSite=Strict`).
pub fn set_challenge_cookie(value: &str, secure: bool, keep: bool) {
    let max_age = if keep {
        crate::domain::two_factor::CHALLENGE_SECONDS
    } else {
        0
    };
    write_cookie(
        challenge_cookie_name(secure),
        value,
        max_age,
        "Strict",
        secure,
    );
}

/// The secret of the sign-in waiting for its code, if the browser sent one.
pub async fn challenge() -> Option<String> {
    let secure = crate::ports::port::<dyn crate::ports::Accounts>()
        .is_ok_and(|accounts| accounts.secure_cookies());
    cookie(&headers().await, challenge_cookie_name(secure)).filter(|value| !value.is_empty())
}

fn write_cookie(name: &str, value: &str, max_age: i64, same_site: &str, secure: bool) {
    let secure = if secure { "; Secure" } else { "" };
    let cookie = format!(
        "{name}={value}; Path=/; Max-Age={max_age}; HttpOnly; SameSite={same_site}{secure}"
    );
    if let (Some(response), Ok(value)) = (
        leptos::prelude::use_context::<leptos_axum::ResponseOptions>(),
        cookie.parse(),
    ) {
        response.append_header(http::header::SET_COOKIE, value);
    }
}
