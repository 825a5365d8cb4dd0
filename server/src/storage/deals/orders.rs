//! Orders: their terms and contract, their history, and their moves from status to status.

use super::{PARTY_COLUMNS, PartyRow, country, currency, missed, stored};
use crate::clock::now;
use crate::storage::Db;
use app::domain::deal::{Incoterm, OrderEvent, OrderStatus, OrderTerms, total_cents};
use app::domain::{InquiryId, OrderId, QuotationId, UserId};
use app::error::{AppError, ErrorCode};
use sqlx::{Any, Transaction};

/// An order's terms and parties, as stored.
#[derive(sqlx::FromRow)]
struct OrderRow {
    #[sqlx(flatten)]
    parties: PartyRow,
    pub id: i64,
    pub inquiry_id: i64,
    pub quotation_id: i64,
    pub quotation_at: i64,
    pub product_title: String,
    pub unit: String,
    pub quantity: i64,
    pub unit_price_cents: i64,
    pub currency: String,
    pub incoterm: String,
    pub destination_country: String,
    pub destination_place: String,
    pub lead_time_days: i64,
    pub status: String,
    pub placed_at: i64,
}

impl OrderRow {
    fn into_terms(self) -> Result<OrderTerms, AppError> {
        Ok(OrderTerms {
            id: OrderId(self.id),
            inquiry: InquiryId(self.inquiry_id),
            quotation: QuotationId(self.quotation_id),
            quotation_at: self.quotation_at,
            buyer: self.parties.buyer()?,
            exhibitor: self.parties.exhibitor(),
            exhibitor_country: country(&self.parties.exhibitor_country)?,
            total_cents: total_cents(self.quantity, self.unit_price_cents).ok_or_else(|| {
                AppError::internal(format!("order {} has an absurd total", self.id))
            })?,
            product_title: self.product_title,
            unit: self.unit,
            quantity: self.quantity,
            unit_price_cents: self.unit_price_cents,
            currency: currency(&self.currency)?,
            incoterm: stored(Incoterm::parse(&self.incoterm), "incoterm", &self.incoterm)?,
            destination_country: country(&self.destination_country)?,
            destination_place: self.destination_place,
            lead_time_days: self.lead_time_days,
            status: stored(
                OrderStatus::parse(&self.status),
                "order status",
                &self.status,
            )?,
            placed_at: self.placed_at,
        })
    }
}

const ORDER_QUERY: &str = "SELECT o.id, o.inquiry_id, o.quotation_id, q.created_at AS quotation_at, \
     i.product_title, i.unit, q.quantity, q.unit_price_cents, q.currency, i.incoterm, \
     i.destination_country, i.destination_place, q.lead_time_days, o.status, o.placed_at, ";

pub(super) async fn order_terms(
    conn: &mut sqlx::AnyConnection,
    id: OrderId,
) -> Result<OrderTerms, AppError> {
    let row: Option<OrderRow> = sqlx::query_as(&format!(
        "{ORDER_QUERY}{PARTY_COLUMNS} FROM orders o JOIN quotations q ON q.id = o.quotation_id \
         JOIN inquiries i ON i.id = o.inquiry_id JOIN users b ON b.id = o.buyer_id \
         JOIN exhibitors e ON e.id = o.exhibitor_id WHERE o.id = $1"
    ))
    .bind(id.0)
    .fetch_optional(&mut *conn)
    .await?;
    row.ok_or(AppError::NotFound)?.into_terms()
}

impl Db {
    /// An order's terms and parties.
    pub async fn order_terms(&self, id: OrderId) -> Result<OrderTerms, AppError> {
        let mut conn = self.pool.acquire().await?;
        order_terms(&mut conn, id).await
    }

    /// An order's changes of status, oldest first.
    pub async fn order_history(&self, id: OrderId) -> Result<Vec<OrderEvent>, AppError> {
        let rows: Vec<(String, String, i64)> = sqlx::query_as(
            "SELECT v.status, u.name, v.at FROM order_events v JOIN users u ON u.id = v.actor_id \
             WHERE v.order_id = $1 ORDER BY v.id",
        )
        .bind(id.0)
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter()
            .map(|(status, by, at)| {
                Ok(OrderEvent {
                    status: stored(OrderStatus::parse(&status), "order status", &status)?,
                    by,
                    at,
                })
            })
            .collect()
    }

    /// Moves an order from `from` to `to`; 409 when it is no longer at `from`.
    pub async fn move_order(
        &self,
        id: OrderId,
        from: OrderStatus,
        to: OrderStatus,
        by: UserId,
    ) -> Result<(), AppError> {
        let at = now();
        let mut tx = self.begin_write().await?;
        let moved = sqlx::query(
            "UPDATE orders SET status = $3, updated_at = $4 WHERE id = $1 AND status = $2",
        )
        .bind(id.0)
        .bind(from.as_str())
        .bind(to.as_str())
        .bind(at)
        .execute(&mut *tx)
        .await?;
        if moved.rows_affected() == 0 {
            return Err(missed(&mut tx, "orders", id.0, ErrorCode::OrderChanged).await);
        }
        insert_event(&mut tx, id, to, by, at).await?;
        tx.commit().await.map_err(AppError::from)
    }
}

pub struct NewContract {
    pub token: String,
    pub body: String,
    pub sha256: String,
}

pub(super) async fn insert_event(
    tx: &mut Transaction<'static, Any>,
    order: OrderId,
    status: OrderStatus,
    by: UserId,
    at: i64,
) -> Result<(), AppError> {
    sqlx::query(
        "INSERT INTO order_events (order_id, status, actor_id, at) VALUES ($1, $2, $3, $4)",
    )
    .bind(order.0)
    .bind(status.as_str())
    .bind(by.0)
    .bind(at)
    .execute(&mut **tx)
    .await?;
    Ok(())
}
