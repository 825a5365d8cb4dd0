//! Exhibitor teams: the organizer invites a company's owner, the owner invites and removes
//! staff, an invited person accepts. The forms work with JavaScript on and off (see
//! `session::finish`); the service checks every right.

use crate::domain::{CurrentUser, ExhibitorId, InvitationOffer, TeamView, UserId};
use crate::error::AppError;
#[cfg(feature = "ssr")]
use crate::session;
use leptos::prelude::*;

#[server(endpoint = "invite_owner")]
pub async fn invite_owner(exhibitor: String, email: String) -> Result<(), AppError> {
    let result = async {
        let user = session::current_user().await?;
        let locale = session::request_locale().await;
        crate::ports::port::<dyn crate::ports::Teams>()?
            .invite_owner(user.as_ref(), &exhibitor, &email, locale)
            .await
    }
    .await;
    let typed = [("exhibitor", exhibitor.as_str()), ("email", &email)];
    session::finish(
        result,
        "/organizer/invite?sent=1",
        "/organizer/invite",
        &typed,
    )
    .await
}

#[server(endpoint = "invite_staff")]
pub async fn invite_staff(exhibitor: ExhibitorId, email: String) -> Result<(), AppError> {
    let result = async {
        let user = session::current_user().await?;
        let locale = session::request_locale().await;
        crate::ports::port::<dyn crate::ports::Teams>()?
            .invite_staff(user.as_ref(), exhibitor, &email, locale)
            .await
    }
    .await;
    let typed = [("email", email.as_str())];
    session::finish(result, "/exhibitor/team?sent=1", "/exhibitor/team", &typed).await
}

#[server(endpoint = "remove_staff")]
pub async fn remove_staff(exhibitor: ExhibitorId, user: UserId) -> Result<(), AppError> {
    let result = async {
        let actor = session::current_user().await?;
        crate::ports::port::<dyn crate::ports::Teams>()?
            .remove_staff(actor.as_ref(), exhibitor, user)
            .await
    }
    .await;
    session::finish(result, "/exhibitor/team", "/exhibitor/team", &[]).await
}

/// Ends an open invitation; back to the team page, or to the organizer's overview of
/// exhibitors for an organizer.
#[server(endpoint = "revoke_invitation")]
pub async fn revoke_invitation(exhibitor: ExhibitorId, email: String) -> Result<(), AppError> {
    let actor = session::current_user().await;
    let back = match &actor {
        Ok(Some(user)) if user.role == crate::domain::Role::Organizer => "/organizer/exhibitors",
        _ => "/exhibitor/team",
    };
    let result = async {
        crate::ports::port::<dyn crate::ports::Teams>()?
            .revoke_invitation(actor?.as_ref(), exhibitor, &email)
            .await
    }
    .await;
    session::finish(result, back, back, &[]).await
}

/// The team of the signed-in person's exhibitor.
#[server(endpoint = "get_my_team")]
pub async fn get_my_team() -> Result<TeamView, AppError> {
    super::with_status(
        async {
            let user = session::current_user().await?;
            let user = user.as_ref().ok_or(AppError::Unauthenticated)?;
            let team = user.team.ok_or(AppError::Forbidden)?;
            crate::ports::port::<dyn crate::ports::Teams>()?
                .get_team(Some(user), team.exhibitor)
                .await
        }
        .await,
    )
}

#[server(endpoint = "get_invitation")]
pub async fn get_invitation(token: String) -> Result<InvitationOffer, AppError> {
    super::with_status(
        crate::ports::port::<dyn crate::ports::Teams>()?
            .get_invitation(&token)
            .await,
    )
}

#[server(endpoint = "accept_invitation")]
pub async fn accept_invitation(
    token: String,
    name: String,
    password: String,
) -> Result<CurrentUser, AppError> {
    let result = async {
        let locale = session::request_locale().await;
        let session_token = crate::ports::port::<dyn crate::ports::Teams>()?
            .accept_invitation(&token, &name, &password, locale)
            .await?;
        super::accounts::signed_in(session_token).await
    }
    .await;
    let typed = [("token", token.as_str()), ("name", &name)];
    // An owner sets up two-factor sign-in before anything else.
    let done = match &result {
        Ok(user) if crate::domain::two_factor::required_for(user) => crate::links::TWO_FACTOR_PATH,
        _ => "/exhibitor/team",
    };
    session::finish(result, done, "/invitation", &typed).await
}
