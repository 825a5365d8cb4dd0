//! The product on screen: what a team pins under its stream's video (each pin from its moment
//! on, the replay's chapters), and the inquiries buyers sent from under it.

use super::schedule::own_product;
use crate::clock::now;
use crate::storage::Db;
use crate::storage::catalogue::PRODUCT_SUMMARY_COLUMNS;
use crate::storage::rows::ProductSummaryRow;
use app::domain::live::{Chapter, DeskInquiry, InquiryDefaults};
use app::domain::{ExhibitorId, InquiryId, ProductId, ProductSummary, StreamId, UserId};
use app::error::AppError;

/// A product shown under a stream, from its moment: a replay's chapter.
#[derive(sqlx::FromRow)]
struct ChapterRow {
    second: i64,
    #[sqlx(flatten)]
    product: ProductSummaryRow,
}

/// An inquiry from under a stream, as stored.
#[derive(sqlx::FromRow)]
struct DeskInquiryRow {
    id: i64,
    name: String,
    company: String,
    product_title: String,
    quantity: i64,
    unit: String,
    stream_second: Option<i64>,
}

impl Db {
    /// Pins `product` under `stream` (or unpins, with `None`); the product must be one of the
    /// exhibitor's published ones.
    pub async fn pin_product(
        &self,
        stream: StreamId,
        exhibitor: ExhibitorId,
        product: Option<ProductId>,
        by: UserId,
    ) -> Result<(), AppError> {
        let mut tx = self.begin_write().await?;
        if let Some(product) = product {
            own_product(&mut tx, exhibitor, product, "product").await?;
        }
        sqlx::query(
            "INSERT INTO live_pins (stream_id, product_id, pinned_by, pinned_at) VALUES ($1, $2, $3, $4)",
        )
        .bind(stream.0)
        .bind(product.map(|p| p.0))
        .bind(by.0)
        .bind(now())
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// The product pinned under `stream` now (none when the last pin unpinned, or its product
    /// is no longer published).
    pub async fn pinned_product(
        &self,
        stream: StreamId,
    ) -> Result<Option<ProductSummary>, AppError> {
        let row: Option<ProductSummaryRow> = sqlx::query_as(&format!(
            "SELECT {PRODUCT_SUMMARY_COLUMNS} FROM products p JOIN exhibitors e ON e.id = p.exhibitor_id \
             WHERE p.published = 1 AND p.id = (SELECT product_id FROM live_pins WHERE stream_id = $1 \
             ORDER BY pinned_at DESC, id DESC LIMIT 1)"
        ))
        .bind(stream.0)
        .fetch_optional(&self.pool)
        .await?;
        row.map(ProductSummaryRow::into_summary).transpose()
    }

    /// The products shown under `stream`, in order, each from its moment into the stream
    /// (the replay's chapters; unpins and products since unpublished left out; at most 100).
    pub async fn stream_chapters(&self, stream: StreamId) -> Result<Vec<Chapter>, AppError> {
        let rows: Vec<ChapterRow> = sqlx::query_as(&format!(
            "SELECT lp.pinned_at - COALESCE(s.started_at, lp.pinned_at) AS second, \
             {PRODUCT_SUMMARY_COLUMNS} FROM live_pins lp \
             JOIN live_streams s ON s.id = lp.stream_id \
             JOIN products p ON p.id = lp.product_id JOIN exhibitors e ON e.id = p.exhibitor_id \
             WHERE lp.stream_id = $1 AND p.published = 1 ORDER BY lp.pinned_at, lp.id LIMIT 100"
        ))
        .bind(stream.0)
        .fetch_all(&self.reads)
        .await?;
        rows.into_iter()
            .map(|row| {
                Ok(Chapter {
                    second: row.second.max(0),
                    product: row.product.into_summary()?,
                })
            })
            .collect()
    }

    /// The inquiries sent from under `stream`, latest first (at most 100).
    pub async fn stream_inquiries(&self, stream: StreamId) -> Result<Vec<DeskInquiry>, AppError> {
        let rows: Vec<DeskInquiryRow> = sqlx::query_as(
            "SELECT i.id, u.name, u.company, i.product_title, i.quantity, i.unit, i.stream_second \
             FROM inquiries i JOIN users u ON u.id = i.buyer_id \
             WHERE i.stream_id = $1 ORDER BY i.id DESC LIMIT 100",
        )
        .bind(stream.0)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|row| DeskInquiry {
                id: InquiryId(row.id),
                buyer: row.name,
                company: row.company,
                product: row.product_title,
                quantity: row.quantity,
                unit: row.unit,
                second: row.stream_second.unwrap_or(0),
            })
            .collect())
    }

    /// What `buyer`'s next inquiry starts with: their country, and where their last one went.
    pub async fn inquiry_defaults(&self, buyer: UserId) -> Result<InquiryDefaults, AppError> {
        let country: Option<String> = sqlx::query_scalar("SELECT country FROM users WHERE id = $1")
            .bind(buyer.0)
            .fetch_optional(&self.pool)
            .await?;
        let last: Option<(String, String)> = sqlx::query_as(
            "SELECT destination_country, destination_place FROM inquiries WHERE buyer_id = $1 \
             ORDER BY id DESC LIMIT 1",
        )
        .bind(buyer.0)
        .fetch_optional(&self.pool)
        .await?;
        Ok(match last {
            Some((country, place)) => InquiryDefaults { country, place },
            None => InquiryDefaults {
                country: country.unwrap_or_default(),
                place: String::new(),
            },
        })
    }
}
