//! Two-factor sign-in: a person's settings (set up, confirm, turn off) and the second step
//! of signing in. Each form works with JavaScript on and off (`session::finish`).

use crate::domain::CurrentUser;
use crate::domain::two_factor::TwoFactorStatus;
use crate::error::AppError;
#[cfg(feature = "ssr")]
use crate::links::{SIGN_IN_CODE_PATH, TWO_FACTOR_PATH};
#[cfg(feature = "ssr")]
use crate::session;
use leptos::prelude::*;

#[server(endpoint = "get_two_factor")]
pub async fn get_two_factor() -> Result<TwoFactorStatus, AppError> {
    super::with_status(
        async {
            let user = session::current_user().await?;
            crate::ports::port::<dyn crate::ports::TwoFactor>()?
                .get_two_factor(user.as_ref())
                .await
        }
        .await,
    )
}

/// A new secret and recovery codes to set up; the settings page then shows them.
#[server(endpoint = "start_two_factor")]
pub async fn start_two_factor() -> Result<(), AppError> {
    let result = async {
        let user = session::current_user().await?;
        crate::ports::port::<dyn crate::ports::TwoFactor>()?
            .start_two_factor(user.as_ref())
            .await
    }
    .await;
    session::finish(result, TWO_FACTOR_PATH, TWO_FACTOR_PATH, &[]).await
}

#[server(endpoint = "confirm_two_factor")]
pub async fn confirm_two_factor(code: String, current_password: String) -> Result<(), AppError> {
    let result = async {
        let user = session::current_user().await?;
        crate::ports::port::<dyn crate::ports::TwoFactor>()?
            .confirm_two_factor(user.as_ref(), &code, &current_password)
            .await
    }
    .await;
    let done = format!("{TWO_FACTOR_PATH}?enabled=1");
    session::finish(result, &done, TWO_FACTOR_PATH, &[]).await
}

#[server(endpoint = "disable_two_factor")]
pub async fn disable_two_factor(password: String) -> Result<(), AppError> {
    let result = async {
        let user = session::current_user().await?;
        crate::ports::port::<dyn crate::ports::TwoFactor>()?
            .disable_two_factor(user.as_ref(), &password)
            .await
    }
    .await;
    let done = format!("{TWO_FACTOR_PATH}?disabled=1");
    session::finish(result, &done, TWO_FACTOR_PATH, &[]).await
}

/// The second step of signing in: the code of the sign-in whose cookie the browser holds.
#[server(endpoint = "verify_sign_in_code")]
pub async fn verify_sign_in_code(code: String) -> Result<CurrentUser, AppError> {
    let result = async {
        let challenge = session::challenge()
            .await
            .ok_or(AppError::Conflict(crate::error::ErrorCode::SignInExpired))?;
        let token = crate::ports::port::<dyn crate::ports::TwoFactor>()?
            .finish_sign_in(&challenge, &code)
            .await?;
        let secure = crate::ports::port::<dyn crate::ports::Accounts>()?.secure_cookies();
        session::set_challenge_cookie("", secure, false);
        super::accounts::signed_in(token).await
    }
    .await;
    session::finish(result, "/", SIGN_IN_CODE_PATH, &[]).await
}
