//! A buyer's or a team's inquiries and orders, as their deals page lists them.

use super::{Dealer, currency, stored};
use crate::storage::Db;
use app::domain::deal::{
    DealLists, InquiryStatus, InquirySummary, OrderStatus, OrderSummary, total_cents,
};
use app::domain::{InquiryId, OrderId};
use app::error::AppError;

/// The most inquiries and orders listed at once.
const LISTED_MAX: i64 = 200;

impl Db {
    /// The reader's inquiries and orders, the latest first.
    pub async fn list_deals(&self, dealer: Dealer) -> Result<DealLists, AppError> {
        let (filter, party) = dealer.filter("i");
        let other = dealer.other_side();
        #[derive(sqlx::FromRow)]
        struct InquiryLine {
            id: i64,
            counterpart: String,
            product_title: String,
            quantity: i64,
            status: String,
            updated_at: i64,
        }
        #[derive(sqlx::FromRow)]
        struct OrderLine {
            id: i64,
            counterpart: String,
            product_title: String,
            quantity: i64,
            unit_price_cents: i64,
            currency: String,
            status: String,
            updated_at: i64,
        }
        let inquiries: Vec<InquiryLine> = sqlx::query_as(&format!(
            "SELECT i.id, {other} AS counterpart, i.product_title, i.quantity, i.status, i.updated_at \
             FROM inquiries i JOIN users b ON b.id = i.buyer_id \
             JOIN exhibitors e ON e.id = i.exhibitor_id WHERE {filter} \
             ORDER BY i.updated_at DESC, i.id DESC LIMIT {LISTED_MAX}"
        ))
        .bind(party)
        .fetch_all(&self.pool)
        .await?;
        let (filter, party) = dealer.filter("o");
        let orders: Vec<OrderLine> = sqlx::query_as(&format!(
            "SELECT o.id, {other} AS counterpart, i.product_title, q.quantity, q.unit_price_cents, \
             q.currency, o.status, o.updated_at \
             FROM orders o JOIN inquiries i ON i.id = o.inquiry_id \
             JOIN quotations q ON q.id = o.quotation_id JOIN users b ON b.id = o.buyer_id \
             JOIN exhibitors e ON e.id = o.exhibitor_id WHERE {filter} \
             ORDER BY o.updated_at DESC, o.id DESC LIMIT {LISTED_MAX}"
        ))
        .bind(party)
        .fetch_all(&self.pool)
        .await?;
        Ok(DealLists {
            inquiries: inquiries
                .into_iter()
                .map(|line| {
                    Ok(InquirySummary {
                        id: InquiryId(line.id),
                        status: stored(
                            InquiryStatus::parse(&line.status),
                            "inquiry status",
                            &line.status,
                        )?,
                        with: line.counterpart,
                        product_title: line.product_title,
                        quantity: line.quantity,
                        updated_at: line.updated_at,
                    })
                })
                .collect::<Result<_, AppError>>()?,
            orders: orders
                .into_iter()
                .map(|line| {
                    Ok(OrderSummary {
                        id: OrderId(line.id),
                        total_cents: total_cents(line.quantity, line.unit_price_cents)
                            .unwrap_or(i64::MAX),
                        currency: currency(&line.currency)?,
                        status: stored(
                            OrderStatus::parse(&line.status),
                            "order status",
                            &line.status,
                        )?,
                        with: line.counterpart,
                        product_title: line.product_title,
                        updated_at: line.updated_at,
                    })
                })
                .collect::<Result<_, AppError>>()?,
        })
    }
}
