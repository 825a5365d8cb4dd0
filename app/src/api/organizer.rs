//! The organizer's views. Each asks the service, which checks the role (`domain::access`).

use crate::domain::{ExhibitorOnboarding, OutboxMail, Page};
use crate::error::AppError;
use leptos::prelude::*;

/// How many mails the outbox page lists, newest first.
pub const OUTBOX_PAGE: i64 = 200;

#[server(endpoint = "get_outbox")]
pub async fn get_outbox() -> Result<Vec<OutboxMail>, AppError> {
    super::with_status(
        async {
            let user = crate::session::current_user().await?;
            crate::ports::port::<dyn crate::ports::Accounts>()?
                .list_outbox(user.as_ref(), OUTBOX_PAGE)
                .await
        }
        .await,
    )
}

/// One page of exhibitors with their booths and owners; `after` 0 is the first.
#[server(endpoint = "get_onboarding")]
pub async fn get_onboarding(after: i64) -> Result<Page<ExhibitorOnboarding>, AppError> {
    super::with_status(
        async {
            let user = crate::session::current_user().await?;
            let cursor = crate::domain::Cursor::from_after(after);
            crate::ports::port::<dyn crate::ports::Teams>()?
                .get_onboarding(user.as_ref(), cursor)
                .await
        }
        .await,
    )
}
