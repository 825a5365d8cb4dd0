//! The Conversations port: buyers and exhibitors' teams writing to each other. Every call
//! checks the actor's right to the conversation; a message is stored (once per sender and
//! `client_id`, by the writer's group commit) before anyone is told of it, then published to
//! the sockets following it.

pub mod attachments;
pub mod calls;
pub mod digest;
pub mod flood;
mod follower;
pub mod hub;
pub mod presence;
pub mod socket;
pub mod throttle;
pub mod writer;

use crate::accounts::allowances::{DailyAllowances, Started};
use crate::accounts::secret::new_secret;
use crate::meetings::zones;
use crate::slots::KeyedSlots;
use crate::storage::Db;
use crate::storage::conversations::{NewMessage, Parties, Reader, StoredAttachment};
use crate::storage::moderation::NewReport;
use app::domain::conversation::{self, ConversationSummary, ConversationView, Message};
use app::domain::moderation::{
    ConversationReport, OtherSide, REPORT_EXCERPT_MESSAGES, Side, valid_report,
};
use app::domain::text::utc_minute;
use app::domain::{Action, ConversationId, CurrentUser, ExhibitorId, MessageId, UserId, authorize};
use app::error::AppError;
use app::error::ErrorCode;
use app::ports::Conversations;
use flood::Flood;
use hub::ChatHub;
use presence::{Party, Presence};
use throttle::SocketLimits;
use writer::MessageWriter;

/// Conversations whose parties are kept in memory (they never change).
const PARTIES_CACHED: u64 = 100_000;

pub struct ChatService {
    pub db: Db,
    pub hub: ChatHub,
    pub flood: Flood,
    /// Who is in which meeting's video call.
    pub calls: calls::CallHub,
    /// Who has a socket open.
    pub presence: Presence,
    /// What one socket may send, and how many one person may have.
    pub socket_limits: SocketLimits,
    /// The open sockets, per person.
    pub sockets: KeyedSlots<UserId>,
    writer: MessageWriter,
    parties: moka::sync::Cache<ConversationId, Parties>,
    /// How many new conversations a buyer may start a day.
    daily: DailyAllowances,
}

impl ChatService {
    /// The service on `db`, with its message writer started and every limit multiplied by
    /// `rate_limit_scale`.
    pub fn new(db: Db, rate_limit_scale: u32) -> Self {
        let socket_limits = SocketLimits::scaled(rate_limit_scale);
        ChatService {
            writer: MessageWriter::spawn(db.clone()),
            db,
            hub: ChatHub::default(),
            flood: Flood::scaled(rate_limit_scale),
            sockets: socket_limits.sockets(),
            socket_limits,
            calls: calls::CallHub::default(),
            presence: Presence::default(),
            parties: moka::sync::Cache::new(PARTIES_CACHED),
            daily: DailyAllowances::scaled(rate_limit_scale),
        }
    }

    /// The same service with other daily allowances (tests use small ones).
    pub fn allowing(self, daily: DailyAllowances) -> Self {
        ChatService { daily, ..self }
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

    /// Stores a message (once per sender and `client_id`) and tells the followers of a new one.
    async fn store(
        &self,
        user: &CurrentUser,
        parties: Parties,
        conversation: ConversationId,
        client_id: &str,
        body: String,
        attachment: Option<StoredAttachment>,
    ) -> Result<(Message, bool), AppError> {
        let client_id = conversation::client_id(client_id)?;
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
                attachment,
            })
            .await?;
        if new {
            self.hub.publish(&message);
        }
        Ok((message, new))
    }

    /// Whether `user` may write in `conversation` now: one of its sides, and not blocked.
    pub async fn may_write(
        &self,
        user: &CurrentUser,
        conversation: ConversationId,
    ) -> Result<(), AppError> {
        self.reader(Some(user), conversation).await?;
        let blocks = self.db.conversation_blocks(conversation).await?;
        if blocks.buyer || blocks.team {
            return Err(AppError::Conflict(ErrorCode::ConversationBlocked));
        }
        Ok(())
    }

    /// Sends a stored file with its caption, as a message.
    pub async fn send_file(
        &self,
        user: &CurrentUser,
        conversation: ConversationId,
        client_id: &str,
        caption: &str,
        attachment: StoredAttachment,
    ) -> Result<Message, AppError> {
        let (user, _, parties) = self.reader(Some(user), conversation).await?;
        let caption = conversation::caption(caption)?;
        let (message, _) = self
            .store(
                user,
                parties,
                conversation,
                client_id,
                caption,
                Some(attachment),
            )
            .await?;
        Ok(message)
    }

    /// The file of `message` in `conversation`, for one of its sides; `NotFound` when the
    /// message has none.
    pub async fn attachment(
        &self,
        user: &CurrentUser,
        conversation: ConversationId,
        message: MessageId,
    ) -> Result<StoredAttachment, AppError> {
        self.reader(Some(user), conversation).await?;
        self.db
            .message_attachment(conversation, message)
            .await?
            .ok_or(AppError::NotFound)
    }

    /// The party on the other side of `conversation` from the actor (who must be in it).
    pub async fn other_party(
        &self,
        actor: &CurrentUser,
        conversation: ConversationId,
    ) -> Result<Party, AppError> {
        let (_, reader, parties) = self.reader(Some(actor), conversation).await?;
        Ok(other_party(reader, parties))
    }

    /// Whether the other side is here, its zone and that zone's offset now.
    async fn other_side(&self, reader: Reader, parties: Parties) -> Result<OtherSide, AppError> {
        let stored = match reader {
            Reader::Team(..) => self.db.user_zone(parties.buyer).await?,
            Reader::Buyer(_) => self.db.exhibitor_zone(parties.exhibitor).await?,
        };
        let (tz, zone) = zones::zone(&stored);
        let now = jiff::Timestamp::now();
        Ok(OtherSide {
            online: self.presence.is_online(other_party(reader, parties)),
            zone,
            utc_offset: tz.to_offset(now).seconds(),
            at: now.as_second(),
        })
    }
}

fn side(reader: Reader) -> Side {
    match reader {
        Reader::Buyer(_) => Side::Buyer,
        Reader::Team(..) => Side::Team,
    }
}

fn other_party(reader: Reader, parties: Parties) -> Party {
    match reader {
        Reader::Buyer(_) => Party::Team(parties.exhibitor),
        Reader::Team(..) => Party::Person(parties.buyer),
    }
}

/// The last messages as the organizer reads them in a report, oldest first.
fn excerpt(messages: &[Message]) -> String {
    let from = messages.len().saturating_sub(REPORT_EXCERPT_MESSAGES);
    messages[from..]
        .iter()
        .map(|m| {
            let file = m
                .attachment
                .as_ref()
                .map(|a| format!(" [{}]", a.name))
                .unwrap_or_default();
            format!(
                "{} UTC · {}: {}{file}",
                utc_minute(m.sent_at),
                m.sender_name,
                m.body
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[async_trait::async_trait]
impl Conversations for ChatService {
    #[tracing::instrument(skip_all, fields(actor = ?actor.map(|user| user.id.0), exhibitor = exhibitor.0))]
    async fn start_conversation(
        &self,
        actor: Option<&CurrentUser>,
        exhibitor: ExhibitorId,
    ) -> Result<ConversationId, AppError> {
        authorize(actor, Action::ContactExhibitor(exhibitor))?;
        let user = actor.ok_or(AppError::Unauthenticated)?;
        if self
            .db
            .conversation_between(user.id, exhibitor)
            .await?
            .is_none()
        {
            self.daily
                .check(&self.db, user.id, Started::Conversations)
                .await?;
        }
        self.db.start_conversation(user.id, exhibitor).await
    }

    #[tracing::instrument(skip_all, fields(actor = ?actor.map(|user| user.id.0)))]
    async fn list_conversations(
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

    #[tracing::instrument(skip_all, fields(actor = ?actor.map(|user| user.id.0), conversation = conversation.0, before = ?before.map(|id| id.0)))]
    async fn get_conversation(
        &self,
        actor: Option<&CurrentUser>,
        conversation: ConversationId,
        before: Option<MessageId>,
    ) -> Result<ConversationView, AppError> {
        let (user, reader, parties) = self.reader(actor, conversation).await?;
        let (messages, older) = self.db.messages_before(conversation, before).await?;
        if let (None, Some(last)) = (before, messages.last()) {
            self.db.mark_read(conversation, user.id, last.id).await?;
        }
        let summary = self.db.conversation_summary(reader, conversation).await?;
        let blocks = self.db.conversation_blocks(conversation).await?;
        let reader_side = side(reader);
        Ok(ConversationView {
            older_before: older.then(|| messages.first().map(|m| m.id)).flatten(),
            messages,
            summary,
            reader_is_exhibitor: reader_side == Side::Team,
            form_client_id: new_secret().map_err(AppError::internal)?,
            blocked_by_reader: blocks.by(reader_side),
            blocked_by_other: blocks.by(reader_side.other()),
            reported: self.db.has_reported(conversation, user.id).await?,
            other: self.other_side(reader, parties).await?,
        })
    }

    #[tracing::instrument(skip_all, fields(actor = ?actor.map(|user| user.id.0), conversation = conversation.0))]
    async fn send_message(
        &self,
        actor: Option<&CurrentUser>,
        conversation: ConversationId,
        client_id: &str,
        body: &str,
    ) -> Result<(Message, bool), AppError> {
        let (user, _, parties) = self.reader(actor, conversation).await?;
        let body = conversation::message_body(body)?;
        self.store(user, parties, conversation, client_id, body, None)
            .await
    }

    #[tracing::instrument(skip_all, fields(actor = ?actor.map(|user| user.id.0), conversation = conversation.0, after = ?after.map(|id| id.0)))]
    async fn list_messages_after(
        &self,
        actor: Option<&CurrentUser>,
        conversation: ConversationId,
        after: Option<MessageId>,
    ) -> Result<Vec<Message>, AppError> {
        self.reader(actor, conversation).await?;
        self.db.messages_after(conversation, after).await
    }

    #[tracing::instrument(skip_all, fields(actor = ?actor.map(|user| user.id.0), conversation = conversation.0, up_to = up_to.0))]
    async fn mark_read(
        &self,
        actor: Option<&CurrentUser>,
        conversation: ConversationId,
        up_to: MessageId,
    ) -> Result<(), AppError> {
        let (user, _, _) = self.reader(actor, conversation).await?;
        self.db.mark_read(conversation, user.id, up_to).await
    }

    #[tracing::instrument(skip_all, fields(actor = ?actor.map(|user| user.id.0), conversation = conversation.0, blocked))]
    async fn set_blocked(
        &self,
        actor: Option<&CurrentUser>,
        conversation: ConversationId,
        blocked: bool,
    ) -> Result<(), AppError> {
        let (_, reader, _) = self.reader(actor, conversation).await?;
        self.db
            .set_conversation_block(conversation, side(reader), blocked)
            .await
    }

    #[tracing::instrument(skip_all, fields(actor = ?actor.map(|user| user.id.0), conversation = conversation.0, block))]
    async fn report_conversation(
        &self,
        actor: Option<&CurrentUser>,
        conversation: ConversationId,
        reason: &str,
        note: &str,
        block: bool,
    ) -> Result<(), AppError> {
        let (user, reader, _) = self.reader(actor, conversation).await?;
        let (reason, note) = valid_report(reason, note)?;
        let (messages, _) = self.db.messages_before(conversation, None).await?;
        self.db
            .insert_report(NewReport {
                conversation,
                reporter: user.id,
                reason,
                note: &note,
                excerpt: &excerpt(&messages),
            })
            .await?;
        if block {
            self.db
                .set_conversation_block(conversation, side(reader), true)
                .await?;
        }
        Ok(())
    }

    #[tracing::instrument(skip_all, fields(actor = ?actor.map(|user| user.id.0)))]
    async fn list_reports(
        &self,
        actor: Option<&CurrentUser>,
    ) -> Result<Vec<ConversationReport>, AppError> {
        authorize(actor, Action::ReadReports)?;
        self.db.list_reports().await
    }
}
