//! Accounts: register, verify the address, sign in and out, who is signed in. The session
//! lives in an `HttpOnly`, `SameSite=Lax` cookie (`Secure` behind HTTPS) holding a random
//! secret; signing in always issues a new one.
//!
//! The form functions serve both kinds of caller: a script gets the error with its status;
//! a plain form post (JavaScript off) is sent back to its page with the errors and what was
//! typed (never the password) in the query, see `crate::domain::form`.

use crate::domain::{CurrentUser, Registration};
use crate::error::AppError;
use leptos::prelude::*;

/// The session cookie's name.
pub const SESSION_COOKIE: &str = "cf_session";

#[server(endpoint = "register")]
pub async fn register(form: Registration) -> Result<(), AppError> {
    let result = async {
        let valid = form.validate().map_err(AppError::Validation)?;
        let locale = session::request_locale().await;
        crate::ports::port::<dyn crate::ports::Accounts>()?
            .register(valid, locale)
            .await?;
        Ok(())
    }
    .await;
    let typed = [
        ("email", form.email.as_str()),
        ("name", &form.name),
        ("company", &form.company),
        ("country", &form.country),
        ("business_type", &form.business_type),
    ];
    session::finish(result, "/register/sent", "/register", &typed).await
}

#[server(endpoint = "verify_email")]
pub async fn verify_email(token: String) -> Result<(), AppError> {
    super::with_status(
        crate::ports::port::<dyn crate::ports::Accounts>()?
            .verify_email(&token)
            .await,
    )
}

#[server(endpoint = "request_password_reset")]
pub async fn request_password_reset(email: String) -> Result<(), AppError> {
    let result = async {
        let locale = session::request_locale().await;
        crate::ports::port::<dyn crate::ports::Accounts>()?
            .request_password_reset(&email, locale)
            .await
    }
    .await;
    let typed = [("email", email.as_str())];
    session::finish(result, "/forgot-password/sent", "/forgot-password", &typed).await
}

#[server(endpoint = "reset_password")]
pub async fn reset_password(token: String, password: String) -> Result<(), AppError> {
    let result = async {
        crate::ports::port::<dyn crate::ports::Accounts>()?
            .reset_password(&token, &password)
            .await
    }
    .await;
    let typed = [("token", token.as_str())];
    session::finish(result, "/sign-in?reset=done", "/reset-password", &typed).await
}

#[server(endpoint = "log_in")]
pub async fn log_in(email: String, password: String) -> Result<CurrentUser, AppError> {
    let result = async {
        let accounts = crate::ports::port::<dyn crate::ports::Accounts>()?;
        if let Some(old) = session::token().await {
            accounts.log_out(&old, false).await?;
        }
        let token = accounts.log_in(&email, &password).await?;
        let user = accounts
            .current_user(&token)
            .await?
            .ok_or_else(|| AppError::internal("a new session has no user"))?;
        session::set_cookie(&token.0, accounts.secure_cookies(), true);
        Ok(user)
    }
    .await;
    session::finish(result, "/", "/sign-in", &[("email", &email)]).await
}

#[server(endpoint = "log_out")]
pub async fn log_out(everywhere: bool) -> Result<(), AppError> {
    super::with_status(
        async {
            let accounts = crate::ports::port::<dyn crate::ports::Accounts>()?;
            if let Some(token) = session::token().await {
                accounts.log_out(&token, everywhere).await?;
            }
            session::set_cookie("", accounts.secure_cookies(), false);
            leptos_axum::redirect("/");
            Ok(())
        }
        .await,
    )
}

#[server(endpoint = "get_current_user")]
pub async fn get_current_user() -> Result<Option<CurrentUser>, AppError> {
    super::with_status(session::current_user().await)
}

/// The request's session cookie and language, and the `Set-Cookie` of a response.
#[cfg(feature = "ssr")]
pub mod session {
    use super::SESSION_COOKIE;
    use crate::components::account_menu::SignedIn;
    use crate::domain::CurrentUser;
    use crate::error::AppError;
    use crate::ports::SessionToken;
    use http::HeaderMap;

    async fn headers() -> HeaderMap {
        leptos_axum::extract::<HeaderMap>()
            .await
            .unwrap_or_default()
    }

    fn cookie(headers: &HeaderMap, name: &str) -> Option<String> {
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
            .and_then(|parts| parts.extensions.get::<crate::ports::ClientAddress>())
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
        token_in(&headers().await)
    }

    /// The session secret in a request's cookies, if any.
    pub fn token_in(headers: &HeaderMap) -> Option<SessionToken> {
        cookie(headers, SESSION_COOKIE)
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
                    .current_user(&token)
                    .await
            }
            None => Ok(None),
        }
    }

    /// The language of the request: the saved choice, else the browser's preference.
    pub async fn request_locale() -> &'static str {
        let headers = headers().await;
        let chosen = cookie(
            &headers,
            crate::components::language_switch::LANGUAGE_COOKIE,
        )
        .or_else(|| {
            headers
                .get(http::header::ACCEPT_LANGUAGE)
                .and_then(|value| value.to_str().ok())
                .map(str::to_owned)
        });
        match chosen {
            Some(value) if value.trim_start().starts_with("zh") => "zh",
            _ => "en",
        }
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
        let secure = if secure { "; Secure" } else { "" };
        let cookie = format!(
            "{SESSION_COOKIE}={value}; Path=/; Max-Age={max_age}; HttpOnly; SameSite=Lax{secure}"
        );
        if let (Some(response), Ok(value)) = (
            leptos::prelude::use_context::<leptos_axum::ResponseOptions>(),
            cookie.parse(),
        ) {
            response.append_header(http::header::SET_COOKIE, value);
        }
    }
}
