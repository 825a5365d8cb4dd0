//! Conversations and their messages over SQL: one conversation per buyer and exhibitor,
//! messages stored once per sender and `client_id`, and each reader's last read message.

use super::Db;
use super::rows::PartyRow;
use crate::clock::now;
use app::domain::conversation::{Attachment, AttachmentKind, MESSAGES_PER_PAGE};
use app::domain::{ConversationId, ConversationSummary, ExhibitorId, Message, MessageId, UserId};
use app::error::AppError;

/// The longest start of a last message shown in a list.
const PREVIEW_CHARS: usize = 140;
/// The most conversations listed at once.
const LISTED_MAX: i64 = 200;

/// Who a conversation is between.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Parties {
    pub buyer: UserId,
    pub exhibitor: ExhibitorId,
}

/// Whose conversations to list, and so which side's messages are unread.
#[derive(Clone, Copy, Debug)]
pub enum Reader {
    Buyer(UserId),
    /// A member of this exhibitor's team.
    Team(UserId, ExhibitorId),
}

impl Reader {
    fn user(self) -> UserId {
        match self {
            Reader::Buyer(user) | Reader::Team(user, _) => user,
        }
    }
}

const SUMMARY_COLUMNS: &str = "c.id, c.buyer_id, u.name AS buyer_name, u.company AS buyer_company, \
     u.country AS buyer_country, c.exhibitor_id, e.slug AS exhibitor_slug, \
     e.name_en AS exhibitor_name_en, e.name_zh AS exhibitor_name_zh, c.last_message_at, \
     (SELECT CASE WHEN m.body = '' THEN m.attachment_name ELSE m.body END FROM messages m \
     WHERE m.conversation_id = c.id ORDER BY m.id DESC LIMIT 1) AS last_body";

/// The unread messages of `$1`, the reader: the other side's, after the last one read.
fn unread_column(reader: Reader) -> String {
    // The buyer's unread messages are the team's, and the team's are the buyer's.
    let other_side = match reader {
        Reader::Buyer(_) => "<>",
        Reader::Team(..) => "=",
    };
    format!(
        "(SELECT COUNT(*) FROM messages m WHERE m.conversation_id = c.id \
         AND m.sender_id {other_side} c.buyer_id \
         AND m.id > COALESCE((SELECT r.last_read_id FROM conversation_reads r \
         WHERE r.conversation_id = c.id AND r.user_id = $1), 0)) AS unread"
    )
}

#[derive(sqlx::FromRow)]
struct SummaryRow {
    id: i64,
    #[sqlx(flatten)]
    parties: PartyRow,
    last_message_at: i64,
    last_body: Option<String>,
    unread: i64,
}

impl SummaryRow {
    fn into_summary(self) -> Result<ConversationSummary, AppError> {
        Ok(ConversationSummary {
            id: ConversationId(self.id),
            buyer: self.parties.buyer()?,
            exhibitor: self.parties.exhibitor(),
            last_message_at: self.last_message_at,
            last_body: self
                .last_body
                .map(|body| body.chars().take(PREVIEW_CHARS).collect()),
            unread: self.unread.max(0) as u64,
        })
    }
}

pub(super) const MESSAGE_COLUMNS: &str = "m.id, m.conversation_id, m.sender_id, u.name AS sender_name, \
     c.buyer_id, m.client_id, m.body, m.sent_at, m.attachment_name, m.attachment_kind, \
     m.attachment_bytes \
     FROM messages m JOIN users u ON u.id = m.sender_id JOIN conversations c ON c.id = m.conversation_id";

#[derive(sqlx::FromRow)]
pub(super) struct MessageRow {
    id: i64,
    pub(super) conversation_id: i64,
    sender_id: i64,
    sender_name: String,
    buyer_id: i64,
    client_id: String,
    body: String,
    sent_at: i64,
    attachment_name: Option<String>,
    attachment_kind: Option<String>,
    attachment_bytes: Option<i64>,
}

impl From<MessageRow> for Message {
    fn from(row: MessageRow) -> Self {
        Message {
            id: MessageId(row.id),
            conversation: ConversationId(row.conversation_id),
            sender: UserId(row.sender_id),
            sender_name: row.sender_name,
            from_exhibitor: row.sender_id != row.buyer_id,
            client_id: row.client_id,
            body: row.body,
            sent_at: row.sent_at,
            attachment: match (row.attachment_name, row.attachment_kind) {
                (Some(name), Some(kind)) => AttachmentKind::parse(&kind).map(|kind| Attachment {
                    name,
                    kind,
                    bytes: row.attachment_bytes.unwrap_or(0),
                }),
                _ => None,
            },
        }
    }
}

impl Db {
    /// The conversation of `buyer` with `exhibitor`, started if there was none;
    /// `NotFound` for an unknown exhibitor.
    pub async fn start_conversation(
        &self,
        buyer: UserId,
        exhibitor: ExhibitorId,
    ) -> Result<ConversationId, AppError> {
        let known: Option<i64> = sqlx::query_scalar("SELECT id FROM exhibitors WHERE id = $1")
            .bind(exhibitor.0)
            .fetch_optional(&self.pool)
            .await?;
        if known.is_none() {
            return Err(AppError::NotFound);
        }
        let at = now();
        sqlx::query(
            "INSERT INTO conversations (buyer_id, exhibitor_id, started_at, last_message_at) \
             VALUES ($1, $2, $3, $4) ON CONFLICT (buyer_id, exhibitor_id) DO NOTHING",
        )
        .bind(buyer.0)
        .bind(exhibitor.0)
        .bind(at)
        .bind(at)
        .execute(&self.pool)
        .await?;
        self.conversation_between(buyer, exhibitor)
            .await?
            .ok_or_else(|| AppError::internal("a conversation just stored is missing"))
    }

    /// The conversation of `buyer` with `exhibitor`'s team, if they have one.
    pub async fn conversation_between(
        &self,
        buyer: UserId,
        exhibitor: ExhibitorId,
    ) -> Result<Option<ConversationId>, AppError> {
        let id: Option<i64> = sqlx::query_scalar(
            "SELECT id FROM conversations WHERE buyer_id = $1 AND exhibitor_id = $2",
        )
        .bind(buyer.0)
        .bind(exhibitor.0)
        .fetch_optional(&self.pool)
        .await?;
        Ok(id.map(ConversationId))
    }

    /// Who `conversation` is between; `NotFound` when there is no such conversation.
    pub async fn conversation_parties(
        &self,
        conversation: ConversationId,
    ) -> Result<Parties, AppError> {
        self.parties_of("conversations", conversation.0).await
    }

    /// Who the row `id` of `table` (a conversation, an inquiry, an order) is between.
    pub(super) async fn parties_of(&self, table: &str, id: i64) -> Result<Parties, AppError> {
        let row: Option<(i64, i64)> = sqlx::query_as(&format!(
            "SELECT buyer_id, exhibitor_id FROM {table} WHERE id = $1"
        ))
        .bind(id)
        .fetch_optional(&self.pool)
        .await?;
        let (buyer, exhibitor) = row.ok_or(AppError::NotFound)?;
        Ok(Parties {
            buyer: UserId(buyer),
            exhibitor: ExhibitorId(exhibitor),
        })
    }

    /// The reader's conversations, the latest first.
    pub async fn list_conversations(
        &self,
        reader: Reader,
    ) -> Result<Vec<ConversationSummary>, AppError> {
        let (filter, party) = match reader {
            Reader::Buyer(user) => ("c.buyer_id = $2", user.0),
            Reader::Team(_, exhibitor) => ("c.exhibitor_id = $2", exhibitor.0),
        };
        let sql = format!(
            "SELECT {SUMMARY_COLUMNS}, {} FROM conversations c \
             JOIN users u ON u.id = c.buyer_id JOIN exhibitors e ON e.id = c.exhibitor_id \
             WHERE {filter} ORDER BY c.last_message_at DESC, c.id DESC LIMIT $3",
            unread_column(reader)
        );
        let rows: Vec<SummaryRow> = sqlx::query_as(&sql)
            .bind(reader.user().0)
            .bind(party)
            .bind(LISTED_MAX)
            .fetch_all(&self.pool)
            .await?;
        rows.into_iter().map(SummaryRow::into_summary).collect()
    }

    /// One conversation as `reader` sees it.
    pub async fn conversation_summary(
        &self,
        reader: Reader,
        conversation: ConversationId,
    ) -> Result<ConversationSummary, AppError> {
        let sql = format!(
            "SELECT {SUMMARY_COLUMNS}, {} FROM conversations c \
             JOIN users u ON u.id = c.buyer_id JOIN exhibitors e ON e.id = c.exhibitor_id \
             WHERE c.id = $2",
            unread_column(reader)
        );
        let row: Option<SummaryRow> = sqlx::query_as(&sql)
            .bind(reader.user().0)
            .bind(conversation.0)
            .fetch_optional(&self.pool)
            .await?;
        row.ok_or(AppError::NotFound)?.into_summary()
    }

    /// Up to a page of messages after `after`, oldest first.
    pub async fn messages_after(
        &self,
        conversation: ConversationId,
        after: Option<MessageId>,
    ) -> Result<Vec<Message>, AppError> {
        let sql = format!(
            "SELECT {MESSAGE_COLUMNS} WHERE m.conversation_id = $1 AND m.id > $2 ORDER BY m.id LIMIT $3"
        );
        let rows: Vec<MessageRow> = sqlx::query_as(&sql)
            .bind(conversation.0)
            .bind(after.map_or(0, |id| id.0))
            .bind(MESSAGES_PER_PAGE as i64)
            .fetch_all(&self.pool)
            .await?;
        Ok(rows.into_iter().map(Message::from).collect())
    }

    /// The page of messages before `before` (the newest without it), oldest first, and
    /// whether there are older ones.
    pub async fn messages_before(
        &self,
        conversation: ConversationId,
        before: Option<MessageId>,
    ) -> Result<(Vec<Message>, bool), AppError> {
        let sql = format!(
            "SELECT {MESSAGE_COLUMNS} WHERE m.conversation_id = $1 AND m.id < $2 ORDER BY m.id DESC LIMIT $3"
        );
        let mut rows: Vec<MessageRow> = sqlx::query_as(&sql)
            .bind(conversation.0)
            .bind(before.map_or(i64::MAX, |id| id.0))
            .bind(MESSAGES_PER_PAGE as i64 + 1)
            .fetch_all(&self.pool)
            .await?;
        let older = rows.len() > MESSAGES_PER_PAGE;
        rows.truncate(MESSAGES_PER_PAGE);
        rows.reverse();
        Ok((rows.into_iter().map(Message::from).collect(), older))
    }

    /// The file of `message`, if it is in `conversation` and has one.
    pub async fn message_attachment(
        &self,
        conversation: ConversationId,
        message: MessageId,
    ) -> Result<Option<StoredAttachment>, AppError> {
        #[derive(sqlx::FromRow)]
        struct Row {
            attachment_file: Option<String>,
            attachment_name: Option<String>,
            attachment_kind: Option<String>,
            attachment_bytes: Option<i64>,
        }
        let row: Option<Row> = sqlx::query_as(
            "SELECT attachment_file, attachment_name, attachment_kind, attachment_bytes \
             FROM messages WHERE id = $1 AND conversation_id = $2",
        )
        .bind(message.0)
        .bind(conversation.0)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.and_then(|row| {
            Some(StoredAttachment {
                file: row.attachment_file?,
                name: row.attachment_name?,
                kind: AttachmentKind::parse(&row.attachment_kind?)?,
                bytes: row.attachment_bytes.unwrap_or(0),
            })
        }))
    }

    /// `reader` has read `conversation` up to `up_to`, or up to its last message if `up_to`
    /// is past it (a later mark is never moved back).
    pub async fn mark_read(
        &self,
        conversation: ConversationId,
        reader: UserId,
        up_to: MessageId,
    ) -> Result<(), AppError> {
        let mut tx = self.begin_write().await?;
        upsert_read(&mut tx, conversation, reader, up_to).await?;
        tx.commit().await.map_err(AppError::from)
    }
}

/// A message to store, with what its acknowledgement needs besides its id.
pub struct NewMessage {
    pub conversation: ConversationId,
    pub sender: UserId,
    pub sender_name: String,
    /// The conversation's buyer (a sender who is not is in the exhibitor's team).
    pub buyer: UserId,
    pub client_id: String,
    pub body: String,
    pub attachment: Option<StoredAttachment>,
}

/// A file kept in the attachments store, sent with a message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredAttachment {
    /// Its name in the store (its hash and extension).
    pub file: String,
    pub name: String,
    pub kind: AttachmentKind,
    pub bytes: i64,
}

async fn upsert_read(
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    conversation: ConversationId,
    reader: UserId,
    up_to: MessageId,
) -> Result<(), AppError> {
    sqlx::query(
        "INSERT INTO conversation_reads (conversation_id, user_id, last_read_id) VALUES ($1, $2, \
         (SELECT COALESCE(MAX(id), 0) FROM messages WHERE conversation_id = $1 AND id <= $3)) \
         ON CONFLICT (conversation_id, user_id) DO UPDATE SET last_read_id = CASE \
         WHEN excluded.last_read_id > conversation_reads.last_read_id THEN excluded.last_read_id \
         ELSE conversation_reads.last_read_id END",
    )
    .bind(conversation.0)
    .bind(reader.0)
    .bind(up_to.0)
    .execute(&mut **tx)
    .await?;
    Ok(())
}
