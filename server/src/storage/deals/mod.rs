//! Deals over SQL: inquiries, their quotations and answers, orders and their history. Each
//! change of state is one conditional UPDATE inside a write transaction, so two answers to
//! the same quotation, however close together, change it once and place one order.

mod inquiries;
mod lists;
pub mod orders;
mod quotations;

use super::Db;
use super::conversations::Parties;
pub(super) use super::rows::{PARTY_COLUMNS, PartyRow, country, currency, stored};
use app::domain::{ExhibitorId, InquiryId, OrderId, QuotationId, UserId};
use app::error::{AppError, ErrorCode};
use sqlx::{Any, Transaction};

/// Whose deals to list: a buyer's, or an exhibitor's team's.
#[derive(Clone, Copy, Debug)]
pub enum Dealer {
    Buyer(UserId),
    Team(ExhibitorId),
}

impl Dealer {
    /// The filter on `alias.buyer_id` or `alias.exhibitor_id`, and its value.
    pub(super) fn filter(self, alias: &str) -> (String, i64) {
        match self {
            Dealer::Buyer(user) => (format!("{alias}.buyer_id = $1"), user.0),
            Dealer::Team(exhibitor) => (format!("{alias}.exhibitor_id = $1"), exhibitor.0),
        }
    }

    /// The other side's name, as a column.
    pub(super) fn other_side(self) -> &'static str {
        match self {
            Dealer::Buyer(_) => "e.name_en",
            Dealer::Team(_) => "b.name || ' · ' || b.company",
        }
    }
}

/// Why a conditional change found nothing to change: the row is gone, or it moved on.
pub(super) async fn missed(
    tx: &mut Transaction<'static, Any>,
    table: &str,
    id: i64,
    conflict: ErrorCode,
) -> AppError {
    let exists: Result<Option<i64>, _> =
        sqlx::query_scalar(&format!("SELECT id FROM {table} WHERE id = $1"))
            .bind(id)
            .fetch_optional(&mut **tx)
            .await;
    match exists {
        Ok(Some(_)) => AppError::Conflict(conflict),
        Ok(None) => AppError::NotFound,
        Err(error) => AppError::from(error),
    }
}

impl Db {
    /// Who an inquiry is between.
    pub async fn inquiry_parties(&self, id: InquiryId) -> Result<Parties, AppError> {
        self.parties_of("inquiries", id.0).await
    }

    /// Who an order is between.
    pub async fn order_parties(&self, id: OrderId) -> Result<Parties, AppError> {
        self.parties_of("orders", id.0).await
    }

    /// The inquiry of a quotation, and who it is between.
    pub async fn quotation_parties(
        &self,
        quotation: QuotationId,
    ) -> Result<(InquiryId, Parties), AppError> {
        let inquiry: Option<i64> =
            sqlx::query_scalar("SELECT inquiry_id FROM quotations WHERE id = $1")
                .bind(quotation.0)
                .fetch_optional(&self.pool)
                .await?;
        let inquiry = InquiryId(inquiry.ok_or(AppError::NotFound)?);
        Ok((inquiry, self.inquiry_parties(inquiry).await?))
    }
}
