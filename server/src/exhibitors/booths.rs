//! The booth editor's service: checks the right to edit (`domain::access`), applies the
//! shared form rules, sanitises the rich-text descriptions (`rich_text`), stores the profile
//! with its audit entry, and makes the public pages show the change at once (catalogue cache
//! and page cache).

use crate::catalogue::cache::CachedCatalogue;
use crate::clock::now;
use crate::http::layers::page_cache::PageCache;
use crate::rich_text::{plain_text, sanitise};
use crate::storage::Db;
use crate::storage::booths::StoredProfile;
use app::domain::exhibitor::BoothImage;
use app::domain::text::utc_minute;
use app::domain::{
    Action, AuditEntry, CurrentUser, ExhibitorId, Localized, ProfileForm, authorize,
};
use app::error::AppError;
use app::ports::Booths;
use std::sync::Arc;

/// How many changes the audit log shows.
const AUDIT_PAGE: i64 = 50;

pub struct BoothEditor {
    pub db: Db,
    pub catalogue: Arc<CachedCatalogue>,
    pub pages: PageCache,
}

#[async_trait::async_trait]
impl Booths for BoothEditor {
    #[tracing::instrument(skip_all, fields(actor = ?actor.map(|user| user.id.0), exhibitor = exhibitor.0))]
    async fn get_profile_form(
        &self,
        actor: Option<&CurrentUser>,
        exhibitor: ExhibitorId,
    ) -> Result<ProfileForm, AppError> {
        authorize(actor, Action::EditBooth(exhibitor))?;
        self.db.profile_form(exhibitor).await
    }

    #[tracing::instrument(skip_all, fields(actor = ?actor.map(|user| user.id.0), exhibitor = exhibitor.0))]
    async fn save_profile(
        &self,
        actor: Option<&CurrentUser>,
        exhibitor: ExhibitorId,
        form: ProfileForm,
    ) -> Result<(), AppError> {
        authorize(actor, Action::EditBooth(exhibitor))?;
        let editor = actor.ok_or(AppError::Unauthenticated)?;
        let valid = form.validate(this_year()).map_err(AppError::Validation)?;
        let html = Localized::each(|locale| sanitise(valid.description.written(locale)));
        let profile = StoredProfile {
            text_en: plain_text(&html.en),
            text_zh: plain_text(&html.zh),
            html,
            valid,
        };
        let slug = self.db.save_profile(exhibitor, editor.id, &profile).await?;
        self.show_changes(&slug, exhibitor);
        Ok(())
    }

    #[tracing::instrument(skip_all, fields(actor = ?actor.map(|user| user.id.0), exhibitor = exhibitor.0, which = ?which))]
    async fn set_image(
        &self,
        actor: Option<&CurrentUser>,
        exhibitor: ExhibitorId,
        which: BoothImage,
        hash: &str,
    ) -> Result<(), AppError> {
        authorize(actor, Action::EditBooth(exhibitor))?;
        let editor = actor.ok_or(AppError::Unauthenticated)?;
        let slug = self
            .db
            .set_booth_image(exhibitor, editor.id, which, hash)
            .await?;
        self.show_changes(&slug, exhibitor);
        Ok(())
    }

    #[tracing::instrument(skip_all, fields(actor = ?actor.map(|user| user.id.0), exhibitor = exhibitor.0))]
    async fn set_video(
        &self,
        actor: Option<&CurrentUser>,
        exhibitor: ExhibitorId,
        file: &str,
        poster: &str,
    ) -> Result<(), AppError> {
        authorize(actor, Action::EditBooth(exhibitor))?;
        let editor = actor.ok_or(AppError::Unauthenticated)?;
        let slug = self
            .db
            .set_video(exhibitor, editor.id, file, poster)
            .await?;
        self.show_changes(&slug, exhibitor);
        Ok(())
    }

    #[tracing::instrument(skip_all, fields(actor = ?actor.map(|user| user.id.0), exhibitor = exhibitor.0))]
    async fn list_audit_log(
        &self,
        actor: Option<&CurrentUser>,
        exhibitor: ExhibitorId,
    ) -> Result<Vec<AuditEntry>, AppError> {
        authorize(actor, Action::ViewTeam(exhibitor))?;
        self.db.audit_log(exhibitor, AUDIT_PAGE).await
    }
}

impl BoothEditor {
    /// Makes the public pages show a changed booth at once.
    pub(crate) fn show_changes(&self, slug: &str, exhibitor: ExhibitorId) {
        self.catalogue.forget_exhibitor(slug, exhibitor);
        self.pages.clear();
    }
}

/// The current year in UTC.
pub(crate) fn this_year() -> i64 {
    utc_minute(now())[..4].parse().unwrap_or(2026)
}
