//! The onboarding service: applications to exhibit, the organizer's decision, and booth
//! assignment. It checks `domain::access`, applies the shared form rules, writes the mails in
//! the applicant's language, and makes the public pages show a new exhibitor or a moved booth
//! at once (catalogue cache and page cache).

use crate::accounts::teams::invitation_mail;
use crate::accounts::{reader_locale, secret};
use crate::catalogue::cache::CachedCatalogue;
use crate::exhibitors::booths::this_year;
use crate::http::layers::page_cache::PageCache;
use crate::mail::MailSignal;
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
        let company = valid.company.get(reader_locale(locale));
        let mail = receipt_mail(locale, &valid.contact_name, company);
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
        let company = application.company.get(reader_locale(&locale));
        let mail = invitation_mail(&locale, &organizer.name, company, TeamRole::Owner, &url);
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
        let company = application.company.get(reader_locale(&locale));
        let mail = decline_mail(
            &locale,
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

/// Subject and text of the mail confirming an application.
fn receipt_mail(locale: &str, name: &str, company: &str) -> (String, String) {
    if locale == "zh" {
        (
            format!("我们已收到{company}的参展申请"),
            format!(
                "{name}您好：\n\n感谢{company}申请参加云展会。主办方审核后会发邮件到这个地址：或邀请您布置展位，或说明无法接受申请的原因。\n"
            ),
        )
    } else {
        (
            format!("We received the application of {company}"),
            format!(
                "Hello {name},\n\nThank you for applying to exhibit {company} at Cloud Fair. The organizer reviews every application and will write to this address: either an invitation to set up your booth, or the reason the application cannot be accepted.\n"
            ),
        )
    }
}

/// Subject and text of the mail declining an application, with the organizer's reason.
fn decline_mail(
    locale: &str,
    name: &str,
    company: &str,
    reason: &str,
    apply_url: &str,
) -> (String, String) {
    if locale == "zh" {
        (
            format!("关于{company}的参展申请"),
            format!(
                "{name}您好：\n\n感谢{company}申请参加云展会。很遗憾，这次无法接受申请，原因如下：\n\n{reason}\n\n您可以在这里重新申请：{apply_url}\n"
            ),
        )
    } else {
        (
            format!("Your application for {company}"),
            format!(
                "Hello {name},\n\nThank you for applying to exhibit {company} at Cloud Fair. We cannot accept the application this time, for this reason:\n\n{reason}\n\nYou may apply again at {apply_url}\n"
            ),
        )
    }
}
