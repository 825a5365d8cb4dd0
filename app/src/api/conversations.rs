//! Conversations between buyers and exhibitors' teams. Messages travel over the WebSocket
//! (`/ws`) once the page is hydrated; these functions render the pages and take the plain
//! forms that work without JavaScript. The service checks every right.

#[cfg(feature = "ssr")]
use super::accounts::session;
use crate::domain::conversation::{ConversationSummary, ConversationView};
use crate::domain::{ConversationId, ExhibitorId, MessageId};
use crate::error::AppError;
use leptos::prelude::*;

/// Opens (or starts) the buyer's conversation with an exhibitor and goes there.
#[server(endpoint = "start_conversation")]
pub async fn start_conversation(exhibitor: ExhibitorId, back: String) -> Result<(), AppError> {
    let result = async {
        let user = session::current_user().await?;
        crate::ports::conversations()?
            .start(user.as_ref(), exhibitor)
            .await
    }
    .await;
    // Only a path of this site to go back to.
    let back = if back.starts_with('/') && !back.starts_with("//") {
        back
    } else {
        "/".to_owned()
    };
    let done = match &result {
        Ok(id) => crate::domain::conversation::path(*id),
        Err(_) => back.clone(),
    };
    session::finish(result, &done, &back, &[]).await.map(|_| ())
}

#[server(endpoint = "list_conversations")]
pub async fn list_conversations() -> Result<Vec<ConversationSummary>, AppError> {
    super::with_status(
        async {
            let user = session::current_user().await?;
            crate::ports::conversations()?.list(user.as_ref()).await
        }
        .await,
    )
}

#[server(endpoint = "get_conversation")]
pub async fn get_conversation(
    conversation: ConversationId,
    before: Option<MessageId>,
) -> Result<ConversationView, AppError> {
    super::with_status(
        async {
            let user = session::current_user().await?;
            crate::ports::conversations()?
                .open(user.as_ref(), conversation, before)
                .await
        }
        .await,
    )
}

/// A message from the plain form (without JavaScript); the form's `client_id` was made with
/// the page, so sending it twice stores it once.
#[server(endpoint = "send_message")]
pub async fn send_message(
    conversation: ConversationId,
    client_id: String,
    body: String,
) -> Result<(), AppError> {
    let result = async {
        let user = session::current_user().await?;
        crate::ports::conversations()?
            .send(user.as_ref(), conversation, &client_id, &body)
            .await
    }
    .await;
    let page = crate::domain::conversation::path(conversation);
    let typed = [("body", body.as_str())];
    session::finish(result, &page, &page, &typed)
        .await
        .map(|_| ())
}
