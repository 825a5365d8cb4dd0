//! The booth editor's server functions: load the signed-in member's booth profile with its
//! audit log, and save it. The service checks the right to edit.

use crate::domain::exhibitor::Video;
use crate::domain::{AuditEntry, ExhibitorId, Localized, ProfileForm};
use crate::error::AppError;
#[cfg(feature = "ssr")]
use crate::session;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// What the editor page shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BoothEditorData {
    pub exhibitor: ExhibitorId,
    pub slug: String,
    pub name: Localized,
    pub form: ProfileForm,
    /// The uploaded logo's URL, if any.
    pub logo: Option<String>,
    /// The uploaded banner's hash, if any.
    pub banner: Option<String>,
    /// The booth's video, if any.
    pub video: Option<Video>,
    pub audit: Vec<AuditEntry>,
}

#[server(endpoint = "get_booth_editor")]
pub async fn get_booth_editor() -> Result<BoothEditorData, AppError> {
    super::with_status(
        async {
            let user = session::current_user().await?;
            let user = user.as_ref().ok_or(AppError::Unauthenticated)?;
            let exhibitor = user.team.ok_or(AppError::Forbidden)?.exhibitor;
            let booths = crate::ports::port::<dyn crate::ports::Booths>()?;
            let team = crate::ports::port::<dyn crate::ports::Teams>()?
                .get_team(Some(user), exhibitor)
                .await?;
            let profile = crate::ports::port::<dyn crate::ports::Catalogue>()?
                .get_exhibitor(&team.slug)
                .await?;
            Ok(BoothEditorData {
                exhibitor,
                logo: profile.logo,
                banner: profile.banner,
                video: profile.video,
                slug: team.slug,
                name: team.name,
                form: booths.get_profile_form(Some(user), exhibitor).await?,
                audit: booths.list_audit_log(Some(user), exhibitor).await?,
            })
        }
        .await,
    )
}

#[server(endpoint = "save_profile")]
pub async fn save_profile(exhibitor: ExhibitorId, form: ProfileForm) -> Result<(), AppError> {
    let result = async {
        let user = session::current_user().await?;
        crate::ports::port::<dyn crate::ports::Booths>()?
            .save_profile(user.as_ref(), exhibitor, form.clone())
            .await
    }
    .await;
    // A plain form sent back keeps the short fields in the address; the descriptions are too
    // long for it and come back as last saved.
    let typed = [
        ("year_founded", form.year_founded.as_str()),
        ("staff_size", &form.staff_size),
        ("main_markets", &form.main_markets),
        ("certifications", &form.certifications),
        ("contact_email", &form.contact_email),
        ("contact_phone", &form.contact_phone),
        ("website", &form.website),
    ];
    session::finish(
        result,
        "/exhibitor/booth?saved=1",
        "/exhibitor/booth",
        &typed,
    )
    .await
}
