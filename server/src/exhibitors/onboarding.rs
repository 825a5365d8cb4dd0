//! The onboarding service: applications to exhibit, the organizer's decision, and booth
//! assignment. It checks `domain::access`, applies the shared form rules, writes the mails in
//! the applicant's language, and makes the public pages show a new exhibitor or a moved booth
//! at once (catalogue cache and page cache).

use crate::accounts::{reader_locale, secret};
use crate::catalogue::cache::CachedCatalogue;
use crate::exhibitors::booths::this_year;
use crate::http::layers::page_cache::PageCache;
use crate::mail::{MailSignal, texts};
use crate::storage::Db;
use app::domain::application::MESSAGE_MAX;
use app::domain::validation::{Lines, checked_text};
use app::domain::{
    Action, Application, ApplicationForm, ApplicationId, BoothAssignments, CurrentUser, Cursor,
    Page, TeamRole, authorize,
};
use app::error::AppError;
use app::error::ErrorCode;
use app::ports::Onboarding;
use std::sync::Arc;

/// Applications per page of the organizer's list.
const APPLICATIONS_PAGE: usize = 50;

pub struct OnboardingService {
    pub db: Db,
    pub public_url: Arc<str>,
    pub mail_signal: MailSignal,
    pub catalogue: Arc<CachedCatalogue>,
    pub pages: PageCache,
}

#[async_trait::async_trait]
impl Onboarding for OnboardingService {
    #[tracing::instrument(skip_all, fields(locale))]
    async fn insert_application(
        &self,
        form: &ApplicationForm,
        locale: &str,
    ) -> Result<(), AppError> {
        let valid = form.validate(this_year()).map_err(AppError::Validation)?;
        self.refuse_taken_address(&valid.email).await?;
        let reader = reader_locale(locale);
        let mail = texts::receipt(reader, &valid.contact_name, valid.company.get(reader));
        self.db
            .insert_application(&valid, locale, (&mail.0, &mail.1))
            .await?;
        self.mail_signal.wake();
        Ok(())
    }

    #[tracing::instrument(skip_all, fields(actor = ?actor.map(|user| user.id.0)))]
    async fn list_applications(
        &self,
        actor: Option<&CurrentUser>,
        after: Cursor,
    ) -> Result<Page<Application>, AppError> {
        authorize(actor, Action::InviteExhibitor)?;
        self.db
            .pending_applications(after.after(), APPLICATIONS_PAGE)
            .await
    }

    #[tracing::instrument(skip_all, fields(actor = ?actor.map(|user| user.id.0), application = application.0))]
    async fn approve_application(
        &self,
        actor: Option<&CurrentUser>,
        application: ApplicationId,
    ) -> Result<String, AppError> {
        authorize(actor, Action::InviteExhibitor)?;
        let organizer = actor.ok_or(AppError::Unauthenticated)?;
        let (application, locale) = self.db.pending_application(application.0).await?;
        self.refuse_taken_address(&application.email).await?;
        let link = secret::new_secret().map_err(AppError::internal)?;
        let url = format!("{}/invitation?token={link}", self.public_url);
        let reader = reader_locale(&locale);
        let company = application.company.get(reader);
        let mail = texts::invitation(reader, &organizer.name, company, TeamRole::Owner, &url);
        let (exhibitor, slug) = self
            .db
            .approve_application(
                &application,
                organizer.id,
                (&secret::fingerprint(&link), (&mail.0, &mail.1)),
            )
            .await?;
        self.mail_signal.wake();
        self.catalogue.forget_counters();
        self.catalogue.forget_exhibitor(&slug, exhibitor);
        self.pages.clear();
        Ok(slug)
    }

    #[tracing::instrument(skip_all, fields(actor = ?actor.map(|user| user.id.0), application = application.0))]
    async fn decline_application(
        &self,
        actor: Option<&CurrentUser>,
        application: ApplicationId,
        reason: &str,
    ) -> Result<(), AppError> {
        authorize(actor, Action::InviteExhibitor)?;
        let organizer = actor.ok_or(AppError::Unauthenticated)?;
        let reason = reason.trim();
        checked_text(reason, Lines::Many, MESSAGE_MAX, true)
            .map_err(|code| AppError::invalid("reason", code))?;
        let (application, locale) = self.db.pending_application(application.0).await?;
        let reader = reader_locale(&locale);
        let company = application.company.get(reader);
        let mail = texts::decline(
            reader,
            &application.contact_name,
            company,
            reason,
            &format!("{}/apply", self.public_url),
        );
        self.db
            .decline_application(&application, organizer.id, (&mail.0, &mail.1))
            .await?;
        self.mail_signal.wake();
        Ok(())
    }

    #[tracing::instrument(skip_all, fields(actor = ?actor.map(|user| user.id.0), exhibitor_slug))]
    async fn get_booth_assignments(
        &self,
        actor: Option<&CurrentUser>,
        exhibitor_slug: &str,
    ) -> Result<BoothAssignments, AppError> {
        authorize(actor, Action::InviteExhibitor)?;
        self.db.booth_assignments(exhibitor_slug).await
    }

    #[tracing::instrument(skip_all, fields(actor = ?actor.map(|user| user.id.0), exhibitor_slug))]
    async fn assign_booth(
        &self,
        actor: Option<&CurrentUser>,
        exhibitor_slug: &str,
        booth: &str,
    ) -> Result<(), AppError> {
        self.change_booth(actor, exhibitor_slug, booth, true).await
    }

    #[tracing::instrument(skip_all, fields(actor = ?actor.map(|user| user.id.0), exhibitor_slug))]
    async fn release_booth(
        &self,
        actor: Option<&CurrentUser>,
        exhibitor_slug: &str,
        booth: &str,
    ) -> Result<(), AppError> {
        self.change_booth(actor, exhibitor_slug, booth, false).await
    }
}

impl OnboardingService {
    /// `Conflict("email_taken")` when an account uses `email`: accepting the owner's
    /// invitation creates a new account.
    async fn refuse_taken_address(&self, email: &str) -> Result<(), AppError> {
        match self.db.find_account(email).await? {
            Some(_) => Err(AppError::Conflict(ErrorCode::EmailTaken)),
            None => Ok(()),
        }
    }

    /// Assigns (`give`) or releases a booth, then shows the change on the public pages.
    async fn change_booth(
        &self,
        actor: Option<&CurrentUser>,
        exhibitor_slug: &str,
        booth: &str,
        give: bool,
    ) -> Result<(), AppError> {
        authorize(actor, Action::InviteExhibitor)?;
        let organizer = actor.ok_or(AppError::Unauthenticated)?;
        let exhibitor = self.db.exhibitor_id(exhibitor_slug).await?;
        let booth = booth.trim().to_ascii_uppercase();
        if booth.is_empty() {
            return Err(AppError::invalid("booth", ErrorCode::Required));
        }
        if give {
            self.db
                .assign_booth(exhibitor, &booth, organizer.id)
                .await?;
        } else {
            self.db
                .release_booth(exhibitor, &booth, organizer.id)
                .await?;
        }
        self.catalogue.forget_exhibitor(exhibitor_slug, exhibitor);
        self.pages.clear();
        Ok(())
    }
}
