//! Quotations: an exhibitor's offer, the buyer's counter-offer or refusal, and the acceptance
//! that places the order and stores its contract.

use super::orders::{NewContract, insert_event, order_terms};
use super::{currency, missed, stored};
use crate::clock::now;
use crate::storage::Db;
use app::domain::deal::{
    Answer, Counter, OrderStatus, OrderTerms, Quotation, QuotationStatus, ValidQuotation,
};
use app::domain::{InquiryId, OrderId, QuotationId, UserId};
use app::error::AppError;
use app::error::ErrorCode;

#[derive(sqlx::FromRow)]
pub(super) struct QuotationRow {
    id: i64,
    author_name: String,
    quantity: i64,
    unit_price_cents: i64,
    currency: String,
    moq: i64,
    lead_time_days: i64,
    valid_until: i64,
    note: String,
    status: String,
    counter_price_cents: Option<i64>,
    counter_quantity: Option<i64>,
    answer_note: String,
    created_at: i64,
}

impl QuotationRow {
    pub(super) fn into_quotation(self) -> Result<Quotation, AppError> {
        Ok(Quotation {
            id: QuotationId(self.id),
            author_name: self.author_name,
            quantity: self.quantity,
            unit_price_cents: self.unit_price_cents,
            currency: currency(&self.currency)?,
            moq: self.moq,
            lead_time_days: self.lead_time_days,
            valid_until: self.valid_until,
            note: self.note,
            status: stored(
                QuotationStatus::parse(&self.status),
                "quotation status",
                &self.status,
            )?,
            counter: match (self.counter_price_cents, self.counter_quantity) {
                (Some(unit_price_cents), Some(quantity)) => Some(Counter {
                    unit_price_cents,
                    quantity,
                }),
                _ => None,
            },
            answer_note: self.answer_note,
            created_at: self.created_at,
        })
    }
}

impl Db {
    /// Stores a quotation; one the buyer has not answered yet is superseded. A declined or
    /// ordered inquiry takes no more quotations (409).
    pub async fn insert_quotation(
        &self,
        inquiry: InquiryId,
        author: UserId,
        quotation: &ValidQuotation,
    ) -> Result<QuotationId, AppError> {
        let at = now();
        let mut tx = self.begin_write().await?;
        let reopened = sqlx::query(
            "UPDATE inquiries SET status = 'quoted', updated_at = $2 \
             WHERE id = $1 AND status IN ('open', 'quoted', 'countered')",
        )
        .bind(inquiry.0)
        .bind(at)
        .execute(&mut *tx)
        .await?;
        if reopened.rows_affected() == 0 {
            return Err(missed(&mut tx, "inquiries", inquiry.0, ErrorCode::InquiryClosed).await);
        }
        sqlx::query(
            "UPDATE quotations SET status = 'superseded' WHERE inquiry_id = $1 AND status = 'offered'",
        )
        .bind(inquiry.0)
        .execute(&mut *tx)
        .await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO quotations (inquiry_id, author_id, quantity, unit_price_cents, currency, \
             moq, lead_time_days, valid_until, note, status, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'offered', $10) RETURNING id",
        )
        .bind(inquiry.0)
        .bind(author.0)
        .bind(quotation.quantity)
        .bind(quotation.unit_price_cents)
        .bind(quotation.currency.code())
        .bind(quotation.moq)
        .bind(quotation.lead_time_days)
        .bind(at + quotation.valid_days * 86_400)
        .bind(&quotation.note)
        .bind(at)
        .fetch_one(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(QuotationId(id))
    }

    /// The buyer's counter-offer or refusal of an offered quotation; 409 when it was
    /// answered or replaced already.
    pub async fn answer_quotation(
        &self,
        quotation: QuotationId,
        inquiry: InquiryId,
        by: UserId,
        answer: &Answer,
    ) -> Result<(), AppError> {
        let (status, inquiry_status, price, quantity, note) = match answer {
            Answer::Counter {
                unit_price_cents,
                quantity,
                note,
            } => (
                "countered",
                "countered",
                Some(*unit_price_cents),
                Some(*quantity),
                note,
            ),
            Answer::Decline { note } => ("declined", "declined", None, None, note),
            Answer::Accept => return Err(AppError::internal("an acceptance is an order")),
        };
        let at = now();
        let mut tx = self.begin_write().await?;
        let answered = sqlx::query(
            "UPDATE quotations SET status = $2, counter_price_cents = $3, counter_quantity = $4, \
             answer_note = $5, answered_by = $6, answered_at = $7 \
             WHERE id = $1 AND status = 'offered'",
        )
        .bind(quotation.0)
        .bind(status)
        .bind(price)
        .bind(quantity)
        .bind(note)
        .bind(by.0)
        .bind(at)
        .execute(&mut *tx)
        .await?;
        if answered.rows_affected() == 0 {
            return Err(answered_already(&mut tx, quotation).await);
        }
        sqlx::query("UPDATE inquiries SET status = $2, updated_at = $3 WHERE id = $1")
            .bind(inquiry.0)
            .bind(inquiry_status)
            .bind(at)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Accepts an offered quotation that is still valid: the order is placed and its
    /// contract stored, with the text `contract` writes from the order's terms, all in one
    /// transaction. 409 when the quotation was answered, replaced or has expired.
    pub async fn accept_quotation(
        &self,
        quotation: QuotationId,
        by: UserId,
        contract: impl FnOnce(&OrderTerms) -> Result<NewContract, AppError>,
    ) -> Result<OrderId, AppError> {
        let at = now();
        let mut tx = self.begin_write().await?;
        let accepted = sqlx::query(
            "UPDATE quotations SET status = 'accepted', answered_by = $2, answered_at = $3 \
             WHERE id = $1 AND status = 'offered' AND valid_until >= $3",
        )
        .bind(quotation.0)
        .bind(by.0)
        .bind(at)
        .execute(&mut *tx)
        .await?;
        if accepted.rows_affected() == 0 {
            let expired: Option<i64> = sqlx::query_scalar(
                "SELECT id FROM quotations WHERE id = $1 AND status = 'offered'",
            )
            .bind(quotation.0)
            .fetch_optional(&mut *tx)
            .await?;
            if expired.is_some() {
                return Err(AppError::Conflict(ErrorCode::QuotationExpired));
            }
            return Err(answered_already(&mut tx, quotation).await);
        }
        let order: i64 = sqlx::query_scalar(
            "INSERT INTO orders (inquiry_id, quotation_id, buyer_id, exhibitor_id, status, \
             placed_at, updated_at) \
             SELECT i.id, q.id, i.buyer_id, i.exhibitor_id, 'placed', $2, $2 \
             FROM quotations q JOIN inquiries i ON i.id = q.inquiry_id WHERE q.id = $1 RETURNING id",
        )
        .bind(quotation.0)
        .bind(at)
        .fetch_one(&mut *tx)
        .await
        .map_err(|error| match &error {
            sqlx::Error::Database(db) if db.is_unique_violation() => {
                AppError::Conflict(ErrorCode::QuotationAnswered)
            }
            _ => AppError::from(error),
        })?;
        sqlx::query(
            "UPDATE inquiries SET status = 'ordered', updated_at = $2 \
             WHERE id = (SELECT inquiry_id FROM quotations WHERE id = $1)",
        )
        .bind(quotation.0)
        .bind(at)
        .execute(&mut *tx)
        .await?;
        insert_event(&mut tx, OrderId(order), OrderStatus::Placed, by, at).await?;
        let terms = order_terms(&mut tx, OrderId(order)).await?;
        let new = contract(&terms)?;
        sqlx::query(
            "INSERT INTO contracts (order_id, token, body, sha256, created_at) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(order)
        .bind(&new.token)
        .bind(&new.body)
        .bind(&new.sha256)
        .bind(at)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(OrderId(order))
    }
}

/// Why a quotation could not be answered: it is gone (404) or no longer offered (409).
async fn answered_already(
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    quotation: QuotationId,
) -> AppError {
    missed(tx, "quotations", quotation.0, ErrorCode::QuotationAnswered).await
}
