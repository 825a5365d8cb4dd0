//! Conversations between buyers and exhibitors' teams. Messages travel over the WebSocket
//! (`/ws`) once the page is hydrated; these functions render the pages and take the plain
//! forms that work without JavaScript. The service checks every right.

use crate::domain::conversation::{ConversationSummary, ConversationView};
use crate::domain::moderation::ConversationReport;
use crate::domain::{ConversationId, ExhibitorId, MessageId};
use crate::error::AppError;
#[cfg(feature = "ssr")]
use crate::session;
use leptos::prelude::*;

/// Opens (or starts) the buyer's conversation with an exhibitor and goes there.
#[server(endpoint = "start_conversation")]
pub async fn start_conversation(exhibitor: ExhibitorId, back: String) -> Result<(), AppError> {
    let result = async {
        let user = session::current_user().await?;
        crate::ports::port::<dyn crate::ports::Conversations>()?
            .start_conversation(user.as_ref(), exhibitor)
            .await
    }
    .await;
    let back = crate::links::local_or_home(&back).to_owned();
    let done = match &result {
        Ok(id) => crate::links::conversation_path(*id),
        Err(_) => back.clone(),
    };
    session::finish(result, &done, &back, &[]).await.map(|_| ())
}

#[server(endpoint = "list_conversations")]
pub async fn list_conversations() -> Result<Vec<ConversationSummary>, AppError> {
    super::with_status(
        async {
            let user = session::current_user().await?;
            crate::ports::port::<dyn crate::ports::Conversations>()?
                .list_conversations(user.as_ref())
                .await
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
            crate::ports::port::<dyn crate::ports::Conversations>()?
                .get_conversation(user.as_ref(), conversation, before)
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
        crate::ports::port::<dyn crate::ports::Conversations>()?
            .send_message(user.as_ref(), conversation, &client_id, &body)
            .await
    }
    .await;
    let page = crate::links::conversation_path(conversation);
    let typed = [("body", body.as_str())];
    session::finish(result, &page, &page, &typed)
        .await
        .map(|_| ())
}

/// The reader's side blocks (`blocked` true) or unblocks the conversation; back to it.
#[server(endpoint = "block_conversation")]
pub async fn block_conversation(
    conversation: ConversationId,
    blocked: bool,
) -> Result<(), AppError> {
    let result = async {
        let user = session::current_user().await?;
        crate::ports::port::<dyn crate::ports::Conversations>()?
            .set_blocked(user.as_ref(), conversation, blocked)
            .await
    }
    .await;
    let page = crate::links::conversation_path(conversation);
    session::finish(result, &page, &page, &[]).await
}

/// Reports the conversation to the organizer (and blocks it when `block` is set); back to
/// it, saying so.
#[server(endpoint = "report_conversation")]
pub async fn report_conversation(
    conversation: ConversationId,
    reason: String,
    note: String,
    #[server(default)] block: Option<String>,
) -> Result<(), AppError> {
    let result = async {
        let user = session::current_user().await?;
        crate::ports::port::<dyn crate::ports::Conversations>()?
            .report_conversation(user.as_ref(), conversation, &reason, &note, block.is_some())
            .await
    }
    .await;
    let page = crate::links::conversation_path(conversation);
    let typed = [("reason", reason.as_str()), ("note", note.as_str())];
    session::finish(result, &format!("{page}?reported=1"), &page, &typed).await
}

/// Every report of a conversation: the organizer's.
#[server(endpoint = "list_reports")]
pub async fn list_reports() -> Result<Vec<ConversationReport>, AppError> {
    super::with_status(
        async {
            let user = session::current_user().await?;
            crate::ports::port::<dyn crate::ports::Conversations>()?
                .list_reports(user.as_ref())
                .await
        }
        .await,
    )
}
