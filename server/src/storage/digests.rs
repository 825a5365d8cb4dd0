//! The digest of unread messages over SQL: who has messages from the other side that stayed
//! unread, per conversation; each line is claimed by moving the reader's `mailed_up_to`
//! forward with a conditional update, so that two servers of a cluster never mail the same
//! messages twice, and the mails are written to the outbox in the same transaction.

use super::Db;
use super::outbox::insert_mail;
use crate::clock::now;
use app::error::AppError;

/// One reader's unread messages in one conversation.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct DigestLine {
    pub conversation_id: i64,
    pub user_id: i64,
    pub email: String,
    pub name: String,
    /// The language the reader reads the fair in, by its code.
    pub language: String,
    /// Who the messages are from: the exhibitor, or the buyer and their company.
    pub other_name: String,
    pub unread: i64,
    pub last_id: i64,
}

/// The conversations where a message became due: sent between `$3` and `$2`. A sweep looks
/// only at these, so that it reads the last minute's messages rather than the whole window's.
const DUE: &str = "(SELECT conversation_id FROM messages WHERE sent_at >= $3 AND sent_at <= $2)";

/// Unread messages of the buyer: the team's, after what they read and were mailed (the
/// exhibitor named in Chinese for a reader of Chinese).
fn buyer_lines() -> String {
    format!(
        "SELECT c.id AS conversation_id, u.id AS user_id, u.email, u.name, u.language, \
         CASE WHEN u.language = 'zh' AND e.name_zh <> '' THEN e.name_zh ELSE e.name_en END \
         AS other_name, COUNT(*) AS unread, MAX(m.id) AS last_id \
         FROM messages m JOIN conversations c ON c.id = m.conversation_id \
         JOIN users u ON u.id = c.buyer_id JOIN exhibitors e ON e.id = c.exhibitor_id \
         LEFT JOIN conversation_reads r ON r.conversation_id = c.id AND r.user_id = c.buyer_id \
         WHERE m.conversation_id IN {DUE} AND m.sent_at > $1 AND m.sender_id <> c.buyer_id \
         AND c.buyer_blocked_at IS NULL AND c.team_blocked_at IS NULL \
         AND m.id > COALESCE(r.last_read_id, 0) AND m.id > COALESCE(r.mailed_up_to, 0) \
         GROUP BY c.id, u.id, u.email, u.name, u.language, e.name_en, e.name_zh HAVING MIN(m.sent_at) <= $2"
    )
}

/// Unread messages of each team member: the buyer's, after what they read and were mailed,
/// and after the team's last answer within the window (someone in the team has answered
/// those already; an answer before the window is before every message in it).
fn team_lines() -> String {
    format!(
        "SELECT c.id AS conversation_id, u.id AS user_id, u.email, u.name, u.language, \
         b.name || ' (' || b.company || ')' AS other_name, COUNT(*) AS unread, \
         MAX(m.id) AS last_id \
         FROM messages m JOIN conversations c ON c.id = m.conversation_id \
         JOIN team_members t ON t.exhibitor_id = c.exhibitor_id JOIN users u ON u.id = t.user_id \
         JOIN users b ON b.id = c.buyer_id \
         LEFT JOIN conversation_reads r ON r.conversation_id = c.id AND r.user_id = t.user_id \
         LEFT JOIN (SELECT x.conversation_id, MAX(x.id) AS answered FROM messages x \
             JOIN conversations cx ON cx.id = x.conversation_id \
             WHERE x.conversation_id IN {DUE} AND x.sent_at > $1 AND x.sender_id <> cx.buyer_id \
             GROUP BY x.conversation_id) a ON a.conversation_id = c.id \
         WHERE m.conversation_id IN {DUE} AND m.sent_at > $1 AND m.sender_id = c.buyer_id \
         AND c.buyer_blocked_at IS NULL AND c.team_blocked_at IS NULL \
         AND m.id > COALESCE(r.last_read_id, 0) AND m.id > COALESCE(r.mailed_up_to, 0) \
         AND m.id > COALESCE(a.answered, 0) \
         GROUP BY c.id, u.id, u.email, u.name, u.language, b.name, b.company HAVING MIN(m.sent_at) <= $2"
    )
}

/// What a sweep did: the mails written, and the time up to which messages were due (the next
/// sweep's `since`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Swept {
    pub mails: usize,
    pub due: i64,
}

impl Db {
    /// Writes one mail per person whose oldest unread message (within the last `window`
    /// seconds) has waited `quiet` seconds or more, made by `mail` from their lines; each
    /// message is mailed about once. Only conversations where a message became due since
    /// `since` (the last sweep's `due`; 0 the first time) are looked at: a message due
    /// earlier was mailed then, or read, answered or blocked.
    pub async fn mail_digests(
        &self,
        since: i64,
        quiet: i64,
        window: i64,
        mail: impl Fn(&[DigestLine]) -> (String, String),
    ) -> Result<Swept, AppError> {
        let at = now();
        let due = at - quiet;
        // Found outside the write transaction, so that the one writer is held only for the
        // claims and the mails; a line another server claims meanwhile is skipped below.
        let mut lines: Vec<DigestLine> = Vec::new();
        for sql in [buyer_lines(), team_lines()] {
            let found: Vec<DigestLine> = sqlx::query_as(&sql)
                .bind(at - window)
                .bind(due)
                // The bound is inclusive: a message of the second `due` committed after
                // this sweep read is still seen by the next.
                .bind(since.max(at - window))
                .fetch_all(&self.pool)
                .await?;
            lines.extend(found);
        }
        if lines.is_empty() {
            return Ok(Swept { mails: 0, due });
        }
        let mut tx = self.begin_write().await?;
        let mut claimed = Vec::with_capacity(lines.len());
        for line in lines {
            sqlx::query(
                "INSERT INTO conversation_reads (conversation_id, user_id, last_read_id) \
                 VALUES ($1, $2, 0) ON CONFLICT (conversation_id, user_id) DO NOTHING",
            )
            .bind(line.conversation_id)
            .bind(line.user_id)
            .execute(&mut *tx)
            .await?;
            let moved = sqlx::query(
                "UPDATE conversation_reads SET mailed_up_to = $3 \
                 WHERE conversation_id = $1 AND user_id = $2 AND mailed_up_to < $3",
            )
            .bind(line.conversation_id)
            .bind(line.user_id)
            .bind(line.last_id)
            .execute(&mut *tx)
            .await?;
            if moved.rows_affected() == 1 {
                claimed.push(line);
            }
        }
        claimed.sort_by_key(|line| (line.user_id, line.conversation_id));
        let mut mails = 0;
        for person in claimed.chunk_by(|a, b| a.user_id == b.user_id) {
            let (subject, body) = mail(person);
            insert_mail(&mut tx, &person[0].email, (&subject, &body)).await?;
            mails += 1;
        }
        tx.commit().await?;
        Ok(Swept { mails, due })
    }
}
