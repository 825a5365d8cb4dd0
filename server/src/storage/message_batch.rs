//! The writer's group commit over SQL: a batch of messages stored by one multi-row `INSERT`
//! and one `UPDATE` of their conversations, in one transaction. Statements, not messages, are
//! what a transaction pays for: each is a round trip to SQLite's worker thread or to the
//! PostgreSQL server.

use super::Db;
use super::conversations::{MESSAGE_COLUMNS, MessageRow, NewMessage};
use crate::clock::now;
use app::domain::conversation::Attachment;
use app::domain::{Message, MessageId};
use app::error::AppError;
use app::error::ErrorCode;
use sqlx::Row;
use std::collections::HashMap;

/// Columns bound for each message, in the order of `INSERT INTO messages`.
const COLUMNS_BOUND: usize = 9;

type Tx = sqlx::Transaction<'static, sqlx::Any>;

/// The ids of the messages inserted, by sender and `client_id`.
type Inserted = HashMap<(i64, String), i64>;

impl Db {
    /// Stores `batch` in one transaction. For each message: the stored one and `true` when it
    /// is new, the one its sender stored before under the same `client_id` (in an earlier
    /// batch or earlier in this one) and `false`, `Conflict("client_id_reused")` when that id
    /// named a message of another conversation, or `Conflict("conversation_blocked")` when a
    /// side has blocked the conversation. An `Err` of the whole means nothing was stored.
    pub async fn insert_messages(
        &self,
        batch: &[NewMessage],
    ) -> Result<Vec<Result<(Message, bool), AppError>>, AppError> {
        if batch.is_empty() {
            return Ok(Vec::new());
        }
        let mut tx = self.begin_write().await?;
        let at = now();
        let mut inserted = insert_new(&mut tx, batch, at).await?;
        touch_conversations(&mut tx, batch, &inserted, at).await?;
        let mut out = Vec::with_capacity(batch.len());
        for new in batch {
            // The first of the batch with its sender and `client_id` took the id; any later
            // one is a copy sent again, answered like a copy from an earlier batch.
            let result = match inserted.remove(&key(new)) {
                Some(id) => Ok((stored(new, id, at), true)),
                None => stored_before(&mut tx, new).await?,
            };
            out.push(result);
        }
        tx.commit().await?;
        Ok(out)
    }
}

/// Inserts the messages of conversations nobody has blocked, skipping each whose sender used
/// its `client_id` before; the ids given, by sender and `client_id`.
async fn insert_new(tx: &mut Tx, batch: &[NewMessage], at: i64) -> Result<Inserted, AppError> {
    // A VALUES list's columns are column1, column2, … on both engines.
    let rows = placeholders(batch.len(), COLUMNS_BOUND, 1);
    let sql = format!(
        "INSERT INTO messages (conversation_id, sender_id, client_id, body, sent_at, \
         attachment_file, attachment_name, attachment_kind, attachment_bytes) \
         SELECT v.column1, v.column2, v.column3, v.column4, v.column5, v.column6, v.column7, \
         v.column8, v.column9 FROM (VALUES {rows}) AS v \
         WHERE NOT EXISTS (SELECT 1 FROM conversations c WHERE c.id = v.column1 \
         AND (c.buyer_blocked_at IS NOT NULL OR c.team_blocked_at IS NOT NULL)) \
         ON CONFLICT (sender_id, client_id) DO NOTHING RETURNING id, sender_id, client_id"
    );
    let mut query = sqlx::query(&sql);
    for new in batch {
        let attachment = new.attachment.as_ref();
        query = query
            .bind(new.conversation.0)
            .bind(new.sender.0)
            .bind(new.client_id.clone())
            .bind(new.body.clone())
            .bind(at)
            .bind(attachment.map(|a| a.file.clone()))
            .bind(attachment.map(|a| a.name.clone()))
            .bind(attachment.map(|a| a.kind.as_str()))
            .bind(attachment.map(|a| a.bytes));
    }
    let returned = query.fetch_all(&mut **tx).await?;
    let mut ids = HashMap::with_capacity(returned.len());
    for row in returned {
        let sender: i64 = row.try_get("sender_id")?;
        let client_id: String = row.try_get("client_id")?;
        ids.insert((sender, client_id), row.try_get("id")?);
    }
    Ok(ids)
}

/// Moves `last_message_at` of each conversation that got a message.
async fn touch_conversations(
    tx: &mut Tx,
    batch: &[NewMessage],
    inserted: &Inserted,
    at: i64,
) -> Result<(), AppError> {
    let mut conversations: Vec<i64> = batch
        .iter()
        .filter(|new| inserted.contains_key(&key(new)))
        .map(|new| new.conversation.0)
        .collect();
    conversations.sort_unstable();
    conversations.dedup();
    if conversations.is_empty() {
        return Ok(());
    }
    let ids = placeholders(1, conversations.len(), 2);
    let sql = format!("UPDATE conversations SET last_message_at = $1 WHERE id IN {ids}");
    let mut query = sqlx::query(&sql).bind(at);
    for id in conversations {
        query = query.bind(id);
    }
    query.execute(&mut **tx).await?;
    Ok(())
}

/// The message its sender stored before under the same `client_id`, or why there is none.
async fn stored_before(
    tx: &mut Tx,
    new: &NewMessage,
) -> Result<Result<(Message, bool), AppError>, AppError> {
    let sql = format!("SELECT {MESSAGE_COLUMNS} WHERE m.sender_id = $1 AND m.client_id = $2");
    let row: Option<MessageRow> = sqlx::query_as(&sql)
        .bind(new.sender.0)
        .bind(&new.client_id)
        .fetch_optional(&mut **tx)
        .await?;
    Ok(match row {
        // Not inserted and not there before: the conversation is blocked.
        None => Err(AppError::Conflict(ErrorCode::ConversationBlocked)),
        Some(row) if row.conversation_id == new.conversation.0 => Ok((row.into(), false)),
        Some(_) => Err(AppError::Conflict(ErrorCode::ClientIdReused)),
    })
}

fn stored(new: &NewMessage, id: i64, at: i64) -> Message {
    Message {
        id: MessageId(id),
        conversation: new.conversation,
        sender: new.sender,
        sender_name: new.sender_name.clone(),
        from_exhibitor: new.sender != new.buyer,
        client_id: new.client_id.clone(),
        body: new.body.clone(),
        sent_at: at,
        attachment: new.attachment.as_ref().map(|a| Attachment {
            name: a.name.clone(),
            kind: a.kind,
            bytes: a.bytes,
        }),
    }
}

fn key(new: &NewMessage) -> (i64, String) {
    (new.sender.0, new.client_id.clone())
}

/// `rows` parenthesised groups of `width` placeholders numbered from `$first`:
/// `($1, $2), ($3, $4)`.
fn placeholders(rows: usize, width: usize, first: usize) -> String {
    let groups: Vec<String> = (0..rows)
        .map(|row| {
            let start = first + row * width;
            let list: Vec<String> = (start..start + width).map(|n| format!("${n}")).collect();
            format!("({})", list.join(", "))
        })
        .collect();
    groups.join(", ")
}

#[cfg(test)]
mod tests {
    use super::placeholders;

    #[test]
    fn placeholders_number_rows_and_lists() {
        assert_eq!(placeholders(2, 2, 1), "($1, $2), ($3, $4)");
        assert_eq!(placeholders(1, 3, 2), "($2, $3, $4)");
    }
}
