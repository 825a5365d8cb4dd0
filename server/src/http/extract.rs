//! What raw handlers take from a request besides the state: `SignedIn`, the person and the
//! session its cookie names (401 without one). Server functions read the same cookie through
//! `app::session`; both ask the `Accounts` port.

use crate::http::error::HttpError;
use app::domain::CurrentUser;
use app::error::AppError;
use app::ports::{Accounts, SessionToken};
use app::session::token_in;
use axum::extract::{FromRef, FromRequestParts, OptionalFromRequestParts};
use axum::http::request::Parts;
use std::sync::Arc;

/// The signed-in person a request comes from, and the session it carries.
pub struct SignedIn {
    pub user: CurrentUser,
    pub token: SessionToken,
}

impl<S> FromRequestParts<S> for SignedIn
where
    Arc<dyn Accounts>: FromRef<S>,
    S: Send + Sync,
{
    type Rejection = HttpError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, HttpError> {
        let accounts = Arc::<dyn Accounts>::from_ref(state);
        let token =
            token_in(&parts.headers, accounts.secure_cookies()).ok_or(AppError::Unauthenticated)?;
        let user = accounts.get_current_user(&token).await?;
        let user = user.ok_or(AppError::Unauthenticated)?;
        Ok(SignedIn { user, token })
    }
}

/// The signed-in person, if the request carries a session (for what others may do with a
/// key instead).
impl<S> OptionalFromRequestParts<S> for SignedIn
where
    Arc<dyn Accounts>: FromRef<S>,
    S: Send + Sync,
{
    type Rejection = HttpError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Option<Self>, HttpError> {
        let accounts = Arc::<dyn Accounts>::from_ref(state);
        let Some(token) = token_in(&parts.headers, accounts.secure_cookies()) else {
            return Ok(None);
        };
        let user = accounts.get_current_user(&token).await?;
        Ok(user.map(|user| SignedIn { user, token }))
    }
}
