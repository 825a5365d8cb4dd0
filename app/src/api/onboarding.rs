//! Onboarding: a company applies to exhibit, the organizer approves or declines, then assigns
//! and releases booths. The forms work with JavaScript on and off (see
//! `session::finish`); the service checks every right.

use crate::domain::{Application, ApplicationForm, ApplicationId, BoothAssignments, Page};
use crate::error::AppError;
#[cfg(feature = "ssr")]
use crate::session;
use leptos::prelude::*;

/// The organizer's page of one exhibitor's booths.
pub fn booths_page(exhibitor: &str) -> String {
    format!(
        "/organizer/exhibitors/{}",
        crate::domain::text::percent_encode(exhibitor)
    )
}

#[server(endpoint = "submit_application")]
pub async fn submit_application(form: ApplicationForm) -> Result<(), AppError> {
    let locale = session::request_locale().await;
    let result = crate::ports::port::<dyn crate::ports::Onboarding>()?
        .insert_application(&form, locale)
        .await;
    let typed = [
        ("company_en", form.company_en.as_str()),
        ("company_zh", &form.company_zh),
        ("country", &form.country),
        ("section", &form.section),
        ("year_founded", &form.year_founded),
        ("staff_size", &form.staff_size),
        ("contact_name", &form.contact_name),
        ("email", &form.email),
        ("website", &form.website),
        ("message", &form.message),
    ];
    session::finish(result, "/apply/sent", "/apply", &typed).await
}

/// One page of pending applications; `after` 0 is the first.
#[server(endpoint = "get_applications")]
pub async fn get_applications(after: i64) -> Result<Page<Application>, AppError> {
    super::with_status(
        async {
            let user = session::current_user().await?;
            let cursor = crate::domain::Cursor::from_after(after);
            crate::ports::port::<dyn crate::ports::Onboarding>()?
                .list_applications(user.as_ref(), cursor)
                .await
        }
        .await,
    )
}

/// Approves an application, then goes to the new exhibitor's booths.
#[server(endpoint = "approve_application")]
pub async fn approve_application(application: ApplicationId) -> Result<(), AppError> {
    let result = async {
        let user = session::current_user().await?;
        crate::ports::port::<dyn crate::ports::Onboarding>()?
            .approve_application(user.as_ref(), application)
            .await
    }
    .await;
    let done = match &result {
        Ok(slug) => format!("{}?approved=1", booths_page(slug)),
        Err(_) => String::new(),
    };
    let result = result.map(|_| ());
    session::finish(result, &done, "/organizer/applications", &[]).await
}

#[server(endpoint = "decline_application")]
pub async fn decline_application(
    application: ApplicationId,
    reason: String,
) -> Result<(), AppError> {
    let result = async {
        let user = session::current_user().await?;
        crate::ports::port::<dyn crate::ports::Onboarding>()?
            .decline_application(user.as_ref(), application, &reason)
            .await
    }
    .await;
    session::finish(
        result,
        "/organizer/applications?declined=1",
        "/organizer/applications",
        &[],
    )
    .await
}

#[server(endpoint = "get_booth_assignments")]
pub async fn get_booth_assignments(exhibitor: String) -> Result<BoothAssignments, AppError> {
    super::with_status(
        async {
            let user = session::current_user().await?;
            crate::ports::port::<dyn crate::ports::Onboarding>()?
                .get_booth_assignments(user.as_ref(), &exhibitor)
                .await
        }
        .await,
    )
}

#[server(endpoint = "assign_booth")]
pub async fn assign_booth(exhibitor: String, booth: String) -> Result<(), AppError> {
    let result = async {
        let user = session::current_user().await?;
        crate::ports::port::<dyn crate::ports::Onboarding>()?
            .assign_booth(user.as_ref(), &exhibitor, &booth)
            .await
    }
    .await;
    let page = booths_page(&exhibitor);
    session::finish(result, &page, &page, &[("booth", booth.as_str())]).await
}

#[server(endpoint = "release_booth")]
pub async fn release_booth(exhibitor: String, booth: String) -> Result<(), AppError> {
    let result = async {
        let user = session::current_user().await?;
        crate::ports::port::<dyn crate::ports::Onboarding>()?
            .release_booth(user.as_ref(), &exhibitor, &booth)
            .await
    }
    .await;
    let page = booths_page(&exhibitor);
    session::finish(result, &page, &page, &[]).await
}
