//! The organizer's views. Each asks the service, which checks the role (`domain::access`).

use crate::domain::OutboxMail;
use crate::error::AppError;
use leptos::prelude::*;

/// How many mails the outbox page lists, newest first.
pub const OUTBOX_PAGE: i64 = 200;

#[server(endpoint = "get_outbox")]
pub async fn get_outbox() -> Result<Vec<OutboxMail>, AppError> {
    super::with_status(
        async {
            let user = super::accounts::session::current_user().await?;
            crate::ports::accounts()?
                .outbox(user.as_ref(), OUTBOX_PAGE)
                .await
        }
        .await,
    )
}
