//! Conversations between buyers and exhibitors' teams, and their moderation.

use crate::domain::conversation::{ConversationSummary, ConversationView, Message};
use crate::domain::{ConversationId, CurrentUser, ExhibitorId, MessageId};
use crate::error::AppError;

/// Conversations between buyers and exhibitors' teams. Every call checks that the actor is
/// the conversation's buyer or in its exhibitor's team.
#[async_trait::async_trait]
pub trait Conversations: Send + Sync + 'static {
    /// The buyer's conversation with `exhibitor`, started if there was none.
    async fn start_conversation(
        &self,
        actor: Option<&CurrentUser>,
        exhibitor: ExhibitorId,
    ) -> Result<ConversationId, AppError>;
    /// The actor's conversations, the latest first, with their unread counts.
    async fn list_conversations(
        &self,
        actor: Option<&CurrentUser>,
    ) -> Result<Vec<ConversationSummary>, AppError>;
    /// A conversation with its newest messages (or those before `before`); marks them read.
    async fn get_conversation(
        &self,
        actor: Option<&CurrentUser>,
        conversation: ConversationId,
        before: Option<MessageId>,
    ) -> Result<ConversationView, AppError>;
    /// Stores a message, or finds the one its sender stored under the same `client_id`;
    /// `true` when it is new. Nothing is acknowledged before this returns.
    async fn send_message(
        &self,
        actor: Option<&CurrentUser>,
        conversation: ConversationId,
        client_id: &str,
        body: &str,
    ) -> Result<(Message, bool), AppError>;
    /// Up to a page of messages after `after`, oldest first.
    async fn list_messages_after(
        &self,
        actor: Option<&CurrentUser>,
        conversation: ConversationId,
        after: Option<MessageId>,
    ) -> Result<Vec<Message>, AppError>;
    /// The actor has read the conversation up to `up_to`.
    async fn mark_read(
        &self,
        actor: Option<&CurrentUser>,
        conversation: ConversationId,
        up_to: MessageId,
    ) -> Result<(), AppError>;
    /// The actor's side blocks the conversation (no messages either way until it unblocks)
    /// or unblocks it.
    async fn set_blocked(
        &self,
        actor: Option<&CurrentUser>,
        conversation: ConversationId,
        blocked: bool,
    ) -> Result<(), AppError>;
    /// Reports the conversation to the organizer with a reason and a note, keeping its last
    /// messages; blocks it too if asked. `Conflict` when the actor reported it before.
    async fn report_conversation(
        &self,
        actor: Option<&CurrentUser>,
        conversation: ConversationId,
        reason: &str,
        note: &str,
        block: bool,
    ) -> Result<(), AppError>;
    /// Every report, the newest first: the organizer's.
    async fn list_reports(
        &self,
        actor: Option<&CurrentUser>,
    ) -> Result<Vec<crate::domain::moderation::ConversationReport>, AppError>;
}
