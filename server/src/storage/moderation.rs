//! Blocks and reports of conversations over SQL: each side's block is the time it blocked
//! (cleared when it unblocks); a report, one per person and conversation, keeps the excerpt
//! the reporter saw.

use super::Db;
use crate::clock::now;
use app::domain::moderation::{ConversationReport, ReportReason, Side};
use app::domain::{ConversationId, ReportId, UserId};
use app::error::AppError;
use app::error::ErrorCode;

/// The most reports the organizer's list shows at once.
const REPORTS_LISTED: i64 = 200;

/// Whether each side has a conversation blocked.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Blocks {
    pub buyer: bool,
    pub team: bool,
}

impl Blocks {
    /// Whether `side` has it blocked.
    pub fn by(self, side: Side) -> bool {
        match side {
            Side::Buyer => self.buyer,
            Side::Team => self.team,
        }
    }
}

/// A report to store.
pub struct NewReport<'a> {
    pub conversation: ConversationId,
    pub reporter: UserId,
    pub reason: ReportReason,
    pub note: &'a str,
    pub excerpt: &'a str,
}

fn block_column(side: Side) -> &'static str {
    match side {
        Side::Buyer => "buyer_blocked_at",
        Side::Team => "team_blocked_at",
    }
}

#[derive(sqlx::FromRow)]
struct ReportRow {
    id: i64,
    conversation_id: i64,
    reporter_id: i64,
    reporter_name: String,
    reporter_email: String,
    buyer_id: i64,
    buyer_name: String,
    buyer_company: String,
    exhibitor_name_en: String,
    reason: String,
    note: String,
    excerpt: String,
    reported_at: i64,
    buyer_blocked_at: Option<i64>,
    team_blocked_at: Option<i64>,
}

impl ReportRow {
    fn into_report(self) -> Result<ConversationReport, AppError> {
        let reason = ReportReason::parse(&self.reason).ok_or_else(|| {
            AppError::internal(format!("report {} has reason {:?}", self.id, self.reason))
        })?;
        let reporter_side = if self.reporter_id == self.buyer_id {
            Side::Buyer
        } else {
            Side::Team
        };
        let reported = match reporter_side {
            Side::Buyer => self.exhibitor_name_en,
            Side::Team => format!("{} ({})", self.buyer_name, self.buyer_company),
        };
        Ok(ConversationReport {
            id: ReportId(self.id),
            conversation: ConversationId(self.conversation_id),
            reporter: UserId(self.reporter_id),
            reporter_name: self.reporter_name,
            reporter_email: self.reporter_email,
            reporter_side,
            reported,
            reason,
            note: self.note,
            excerpt: self.excerpt,
            reported_at: self.reported_at,
            blocked_by_buyer: self.buyer_blocked_at.is_some(),
            blocked_by_team: self.team_blocked_at.is_some(),
        })
    }
}

impl Db {
    /// Which sides have `conversation` blocked; `NotFound` for an unknown one.
    pub async fn conversation_blocks(
        &self,
        conversation: ConversationId,
    ) -> Result<Blocks, AppError> {
        let row: Option<(Option<i64>, Option<i64>)> = sqlx::query_as(
            "SELECT buyer_blocked_at, team_blocked_at FROM conversations WHERE id = $1",
        )
        .bind(conversation.0)
        .fetch_optional(&self.pool)
        .await?;
        let (buyer, team) = row.ok_or(AppError::NotFound)?;
        Ok(Blocks {
            buyer: buyer.is_some(),
            team: team.is_some(),
        })
    }

    /// `side` blocks `conversation` (keeping the first time it did) or unblocks it.
    pub async fn set_conversation_block(
        &self,
        conversation: ConversationId,
        side: Side,
        blocked: bool,
    ) -> Result<(), AppError> {
        let column = block_column(side);
        // Blocking keeps the time of the first block; unblocking clears it.
        let sql = format!(
            "UPDATE conversations SET {column} = CASE WHEN $2 THEN COALESCE({column}, $3) END \
             WHERE id = $1"
        );
        sqlx::query(&sql)
            .bind(conversation.0)
            .bind(blocked)
            .bind(now())
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Stores a report; `Conflict("already_reported")` when the reporter reported this
    /// conversation before.
    pub async fn insert_report(&self, report: NewReport<'_>) -> Result<(), AppError> {
        let inserted = sqlx::query(
            "INSERT INTO conversation_reports \
             (conversation_id, reporter_id, reason, note, excerpt, reported_at) \
             VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (conversation_id, reporter_id) DO NOTHING",
        )
        .bind(report.conversation.0)
        .bind(report.reporter.0)
        .bind(report.reason.as_str())
        .bind(report.note)
        .bind(report.excerpt)
        .bind(now())
        .execute(&self.pool)
        .await?;
        if inserted.rows_affected() == 0 {
            return Err(AppError::Conflict(ErrorCode::AlreadyReported));
        }
        Ok(())
    }

    /// Whether `reporter` has reported `conversation`.
    pub async fn has_reported(
        &self,
        conversation: ConversationId,
        reporter: UserId,
    ) -> Result<bool, AppError> {
        let count: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM conversation_reports WHERE conversation_id = $1 AND reporter_id = $2",
        )
        .bind(conversation.0)
        .bind(reporter.0)
        .fetch_one(&self.pool)
        .await?;
        Ok(count > 0)
    }

    /// The newest reports first.
    pub async fn list_reports(&self) -> Result<Vec<ConversationReport>, AppError> {
        let rows: Vec<ReportRow> = sqlx::query_as(
            "SELECT r.id, r.conversation_id, r.reporter_id, ru.name AS reporter_name, \
             ru.email AS reporter_email, c.buyer_id, b.name AS buyer_name, \
             b.company AS buyer_company, e.name_en AS exhibitor_name_en, r.reason, r.note, \
             r.excerpt, r.reported_at, c.buyer_blocked_at, c.team_blocked_at \
             FROM conversation_reports r \
             JOIN conversations c ON c.id = r.conversation_id \
             JOIN users ru ON ru.id = r.reporter_id \
             JOIN users b ON b.id = c.buyer_id \
             JOIN exhibitors e ON e.id = c.exhibitor_id \
             ORDER BY r.reported_at DESC, r.id DESC LIMIT $1",
        )
        .bind(REPORTS_LISTED)
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter().map(ReportRow::into_report).collect()
    }
}
