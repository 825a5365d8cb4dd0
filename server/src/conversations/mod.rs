//! The Conversations port: buyers and exhibitors' teams writing to each other. Every call
//! checks the actor's right to the conversation; a message is stored (once per sender and
//! `client_id`, by the writer's group commit) before anyone is told of it, then published to
//! the sockets following it.

pub mod calls;
pub mod flood;
pub mod hub;
pub mod socket;
pub mod writer;

use crate::accounts::secret::new_secret;
use crate::storage::Db;
use crate::storage::conversations::{NewMessage, Parties, Reader};
use app::domain::conversation::{self, ConversationSummary, ConversationView, Message};
use app::domain::{Action, ConversationId, CurrentUser, ExhibitorId, MessageId, authorize};
use app::error::AppError;
use app::ports::Conversations;
use flood::Flood;
use hub::ChatHub;
use writer::MessageWriter;

/// Conversations whose parties are kept in memory (they never change).
const PARTIES_CACHED: u64 = 100_000;

pub struct ChatService {
    pub db: Db,
    pub hub: ChatHub,
    pub flood: Flood,
    /// Who is in which meeting's video call.
    pub calls: calls::CallHub,
    writer: MessageWriter,
    parties: moka::sync::Cache<ConversationId, Parties>,
}

impl ChatService {
    /// The service on `db`, with its message writer started.
    pub fn new(db: Db, flood: Flood) -> Self {
        ChatService {
            writer: MessageWriter::spawn(db.clone()),
            db,
            hub: ChatHub::default(),
            flood,
            calls: calls::CallHub::default(),
            parties: moka::sync::Cache::new(PARTIES_CACHED),
        }
    }

    async fn parties(&self, conversation: ConversationId) -> Result<Parties, AppError> {
        if let Some(parties) = self.parties.get(&conversation) {
            return Ok(parties);
        }
        let parties = self.db.conversation_parties(conversation).await?;
        self.parties.insert(conversation, parties);
        Ok(parties)
    }

    /// The signed-in actor, if they may read and write `conversation`, as whom, and the
    /// conversation's parties.
    async fn reader<'a>(
        &self,
        actor: Option<&'a CurrentUser>,
        conversation: ConversationId,
    ) -> Result<(&'a CurrentUser, Reader, Parties), AppError> {
        let user = actor.ok_or(AppError::Unauthenticated)?;
        let parties = self.parties(conversation).await?;
        let Parties { buyer, exhibitor } = parties;
        authorize(Some(user), Action::Negotiate { buyer, exhibitor })?;
        let reader = match user.team {
            Some(team) if team.exhibitor == exhibitor => Reader::Team(user.id, exhibitor),
            _ => Reader::Buyer(user.id),
        };
        Ok((user, reader, parties))
    }
}

#[async_trait::async_trait]
impl Conversations for ChatService {
    async fn start(
        &self,
        actor: Option<&CurrentUser>,
        exhibitor: ExhibitorId,
    ) -> Result<ConversationId, AppError> {
        authorize(actor, Action::ContactExhibitor(exhibitor))?;
        let user = actor.ok_or(AppError::Unauthenticated)?;
        self.db.start_conversation(user.id, exhibitor).await
    }

    async fn list(
        &self,
        actor: Option<&CurrentUser>,
    ) -> Result<Vec<ConversationSummary>, AppError> {
        let user = actor.ok_or(AppError::Unauthenticated)?;
        let reader = match user.team {
            Some(team) => Reader::Team(user.id, team.exhibitor),
            None => Reader::Buyer(user.id),
        };
        self.db.list_conversations(reader).await
    }

    async fn open(
        &self,
        actor: Option<&CurrentUser>,
        conversation: ConversationId,
        before: Option<MessageId>,
    ) -> Result<ConversationView, AppError> {
        let (user, reader, _) = self.reader(actor, conversation).await?;
        let (messages, older) = self.db.messages_before(conversation, before).await?;
        if let (None, Some(last)) = (before, messages.last()) {
            self.db.mark_read(conversation, user.id, last.id).await?;
        }
        let summary = self.db.conversation_summary(reader, conversation).await?;
        Ok(ConversationView {
            older_before: older.then(|| messages.first().map(|m| m.id)).flatten(),
            messages,
            summary,
            reader_is_exhibitor: matches!(reader, Reader::Team(..)),
            form_client_id: new_secret().map_err(AppError::internal)?,
        })
    }

    async fn send(
        &self,
        actor: Option<&CurrentUser>,
        conversation: ConversationId,
        client_id: &str,
        body: &str,
    ) -> Result<(Message, bool), AppError> {
        let (user, _, parties) = self.reader(actor, conversation).await?;
        let client_id = conversation::client_id(client_id)?;
        let body = conversation::message_body(body)?;
        self.flood.allow(user.id)?;
        let (message, new) = self
            .writer
            .store(NewMessage {
                conversation,
                sender: user.id,
                sender_name: user.name.clone(),
                buyer: parties.buyer,
                client_id,
                body,
            })
            .await?;
        if new {
            self.hub.publish(&message);
        }
        Ok((message, new))
    }

    async fn messages_after(
        &self,
        actor: Option<&CurrentUser>,
        conversation: ConversationId,
        after: Option<MessageId>,
    ) -> Result<Vec<Message>, AppError> {
        self.reader(actor, conversation).await?;
        self.db.messages_after(conversation, after).await
    }

    async fn mark_read(
        &self,
        actor: Option<&CurrentUser>,
        conversation: ConversationId,
        up_to: MessageId,
    ) -> Result<(), AppError> {
        let (user, _, _) = self.reader(actor, conversation).await?;
        self.db.mark_read(conversation, user.id, up_to).await
    }
}
