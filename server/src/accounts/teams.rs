//! The teams port on the accounts service: invitations by mail, accepting them, the team
//! list and removing staff. Each action checks `domain::access` before touching data.

use super::{AccountService, password, secret};
use crate::clock::now;
use crate::mail::texts;
use crate::storage::teams::Invitation;
use app::domain::account::{NAME_MAX, normalise_email, password_problem};
use app::domain::team::INVITATION_SECONDS;
use app::domain::validation::Problems;
use app::domain::{
    Action, CurrentUser, Cursor, ExhibitorId, ExhibitorOnboarding, InvitationOffer, Page, TeamRole,
    TeamView, UserId, authorize,
};
use app::error::AppError;
use app::error::ErrorCode;
use app::ports::{SessionToken, Teams};

/// Exhibitors per page of the organizer's overview.
const ONBOARDING_PAGE: usize = 50;

#[async_trait::async_trait]
impl Teams for AccountService {
    #[tracing::instrument(skip_all, fields(actor = ?actor.map(|user| user.id.0), exhibitor_slug, locale))]
    async fn invite_owner(
        &self,
        actor: Option<&CurrentUser>,
        exhibitor_slug: &str,
        email: &str,
        locale: &str,
    ) -> Result<(), AppError> {
        authorize(actor, Action::InviteExhibitor)?;
        let exhibitor = self
            .db
            .exhibitor_id(exhibitor_slug.trim())
            .await
            .map_err(|error| match error {
                AppError::NotFound => AppError::invalid("exhibitor", ErrorCode::ExhibitorUnknown),
                other => other,
            })?;
        let team = self.db.team(exhibitor).await?;
        let has_owner = team.members.iter().any(|m| m.role == TeamRole::Owner)
            || team.invitations.iter().any(|i| i.role == TeamRole::Owner);
        if has_owner {
            return Err(AppError::Conflict(ErrorCode::OwnerExists));
        }
        self.invite(actor, &team, TeamRole::Owner, email, locale)
            .await
    }

    #[tracing::instrument(skip_all, fields(actor = ?actor.map(|user| user.id.0), exhibitor = exhibitor.0, locale))]
    async fn invite_staff(
        &self,
        actor: Option<&CurrentUser>,
        exhibitor: ExhibitorId,
        email: &str,
        locale: &str,
    ) -> Result<(), AppError> {
        authorize(actor, Action::ManageTeam(exhibitor))?;
        let team = self.db.team(exhibitor).await?;
        self.invite(actor, &team, TeamRole::Staff, email, locale)
            .await
    }

    #[tracing::instrument(skip_all)]
    async fn get_invitation(&self, token: &str) -> Result<InvitationOffer, AppError> {
        self.db.invitation_offer(&secret::fingerprint(token)).await
    }

    #[tracing::instrument(skip_all)]
    async fn accept_invitation(
        &self,
        token: &str,
        name: &str,
        new_password: &str,
        locale: &str,
    ) -> Result<SessionToken, AppError> {
        let mut problems = Problems::default();
        let name = problems.line("name", name, NAME_MAX, true);
        if let Some(code) = password_problem(new_password) {
            problems.add("password", code);
        }
        problems.into_result().map_err(AppError::Validation)?;
        // The invitation first: a flood of made-up tokens costs a lookup each, not a hash.
        let fingerprint = secret::fingerprint(token);
        let offer = self.db.invitation_offer(&fingerprint).await?;
        let personal = vec![offer.email, name.clone(), offer.company.en];
        let hash = password::hash_new(new_password.to_owned(), personal).await?;
        let user = self
            .db
            .accept_invitation(&fingerprint, &name, &hash, super::reader_locale(locale))
            .await?;
        self.start_session(user).await
    }

    #[tracing::instrument(skip_all, fields(actor = ?actor.map(|user| user.id.0), exhibitor = exhibitor.0))]
    async fn get_team(
        &self,
        actor: Option<&CurrentUser>,
        exhibitor: ExhibitorId,
    ) -> Result<TeamView, AppError> {
        authorize(actor, Action::ViewTeam(exhibitor))?;
        self.db.team(exhibitor).await
    }

    #[tracing::instrument(skip_all, fields(actor = ?actor.map(|user| user.id.0)))]
    async fn get_onboarding(
        &self,
        actor: Option<&CurrentUser>,
        after: Cursor,
    ) -> Result<Page<ExhibitorOnboarding>, AppError> {
        authorize(actor, Action::InviteExhibitor)?;
        self.db
            .onboarding(after.0.unwrap_or(0), ONBOARDING_PAGE)
            .await
    }

    #[tracing::instrument(skip_all, fields(actor = ?actor.map(|user| user.id.0), exhibitor = exhibitor.0))]
    async fn revoke_invitation(
        &self,
        actor: Option<&CurrentUser>,
        exhibitor: ExhibitorId,
        email: &str,
    ) -> Result<(), AppError> {
        authorize(actor, Action::ManageTeam(exhibitor))?;
        // An address that is not one was never invited.
        let email = normalise_email(email).ok_or(AppError::NotFound)?;
        self.db.revoke_invitations(exhibitor, &email).await
    }

    #[tracing::instrument(skip_all, fields(actor = ?actor.map(|user| user.id.0), exhibitor = exhibitor.0, user = user.0))]
    async fn remove_staff(
        &self,
        actor: Option<&CurrentUser>,
        exhibitor: ExhibitorId,
        user: UserId,
    ) -> Result<(), AppError> {
        authorize(actor, Action::ManageTeam(exhibitor))?;
        self.db.remove_staff(exhibitor, user).await?;
        // Their sessions ended with their place in the team.
        self.session_ends.ended(user);
        Ok(())
    }
}

impl AccountService {
    /// Checks the address, then stores the invitation to `team` and its mail.
    async fn invite(
        &self,
        actor: Option<&CurrentUser>,
        team: &TeamView,
        role: TeamRole,
        email: &str,
        locale: &str,
    ) -> Result<(), AppError> {
        let inviter = actor.ok_or(AppError::Unauthenticated)?;
        let email = normalise_email(email)
            .ok_or_else(|| AppError::invalid("email", ErrorCode::EmailInvalid))?;
        if self.db.find_account(&email).await?.is_some() {
            return Err(AppError::Conflict(ErrorCode::EmailTaken));
        }
        let link = secret::new_secret().map_err(AppError::internal)?;
        let url = format!("{}/invitation?token={link}", self.public_url);
        let reader = super::reader_locale(locale);
        let mail = texts::invitation(reader, &inviter.name, team.name.get(reader), role, &url);
        self.db
            .create_invitation(
                &Invitation {
                    email,
                    exhibitor: team.exhibitor,
                    role,
                },
                inviter.id,
                (&secret::fingerprint(&link), now() + INVITATION_SECONDS),
                (&mail.0, &mail.1),
            )
            .await?;
        self.mail_signal.wake();
        Ok(())
    }
}
