//! Accounts: register, verify the address, sign in and out, who is signed in. The session
//! lives in an `HttpOnly`, `SameSite=Lax` cookie (`Secure` behind HTTPS) holding a random
//! secret; signing in always issues a new one.
//!
//! The form functions serve both kinds of caller: a script gets the error with its status;
//! a plain form post (JavaScript off) is sent back to its page with the errors and what was
//! typed (never the password) in the query, see `crate::domain::form`.

use crate::domain::two_factor::SignInStep;
use crate::domain::{CurrentUser, Registration};
use crate::error::AppError;
#[cfg(feature = "ssr")]
use crate::session;
use leptos::prelude::*;

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

/// Mails the signed-in buyer a new verification link, then back to `back` saying so.
#[server(endpoint = "resend_verification")]
pub async fn resend_verification(back: String) -> Result<(), AppError> {
    let result = async {
        let user = session::current_user().await?;
        let locale = session::request_locale().await;
        crate::ports::port::<dyn crate::ports::Accounts>()?
            .resend_verification(user.as_ref(), locale)
            .await
    }
    .await;
    let back = crate::links::local_or_home(&back).to_owned();
    let done = crate::links::with_query(&back, "verification=sent");
    session::finish(result, &done, &back, &[]).await
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

/// Signs in with the password: signed in, or (for an account with two-factor sign-in) on to
/// `/sign-in/code` with a cookie for the waiting sign-in. An organizer or owner who has not
/// set up two-factor sign-in yet goes to set it up.
#[server(endpoint = "log_in")]
pub async fn log_in(email: String, password: String) -> Result<SignInStep, AppError> {
    use crate::ports::SignInStart;
    let result = async {
        let accounts = crate::ports::port::<dyn crate::ports::Accounts>()?;
        if let Some(old) = session::token().await {
            accounts.log_out(&old, false).await?;
        }
        match accounts.log_in(&email, &password).await? {
            SignInStart::Session(token) => signed_in(token).await.map(SignInStep::SignedIn),
            SignInStart::Challenge(secret) => {
                session::set_challenge_cookie(&secret, accounts.secure_cookies(), true);
                Ok(SignInStep::CodeNeeded)
            }
        }
    }
    .await;
    let done = match &result {
        Ok(SignInStep::CodeNeeded) => crate::links::SIGN_IN_CODE_PATH,
        Ok(SignInStep::SignedIn(user))
            if crate::domain::two_factor::required_for(user) && !user.two_factor =>
        {
            crate::links::TWO_FACTOR_PATH
        }
        _ => "/",
    };
    session::finish(result, done, "/sign-in", &[("email", &email)]).await
}

/// Sets the cookie of a new session; the person it signs in. A language they chose on this
/// browser before signing in becomes their account's (the mails written for them without a
/// request come in it); a failure to keep it costs only that, and is logged.
#[cfg(feature = "ssr")]
pub(crate) async fn signed_in(token: crate::ports::SessionToken) -> Result<CurrentUser, AppError> {
    let accounts = crate::ports::port::<dyn crate::ports::Accounts>()?;
    let user = accounts
        .get_current_user(&token)
        .await?
        .ok_or_else(|| AppError::internal("a new session has no user"))?;
    session::set_cookie(&token.0, accounts.secure_cookies(), true);
    if let Some(chosen) = session::chosen_locale().await
        && let Err(error) = accounts.choose_language(user.id, chosen).await
    {
        tracing::warn!(%error, "the language chosen before signing in was not kept");
    }
    Ok(user)
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
