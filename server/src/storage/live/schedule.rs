//! Streams as pages list them: scheduling one with its products, the lists of `/live` and
//! of a team's studio, one stream with its featured products.

use crate::clock::now;
use crate::storage::Db;
use crate::storage::catalogue::PRODUCT_SUMMARY_COLUMNS;
use crate::storage::rows::ProductSummaryRow;
use app::domain::live::{StreamStatus, ValidStream};
use app::domain::translations::{named, stored_names};
use app::domain::{
    ConversationExhibitor, ExhibitorId, Localized, ProductId, ProductSummary, StreamId,
};
use app::error::{AppError, ErrorCode};

/// How many streams each list of `/live` shows.
const LIST_MAX: i64 = 60;
/// How many of its replays a team's studio lists.
const STUDIO_REPLAYS_MAX: i64 = 30;
/// How many products a team chooses from.
const TEAM_PRODUCTS_MAX: i64 = 500;
/// How long after its announced start a stream that has not begun still counts as to come.
const LATE_SECONDS: i64 = 3600;

const STREAM_COLUMNS: &str = "s.id, s.exhibitor_id, e.slug, e.name_en, e.name_zh, s.title_en, \
     s.title_zh, s.titles, s.status, s.starts_at, s.started_at, s.unpublished_at";

/// A stream with its exhibitor, as lists show it.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct StreamListRow {
    pub id: i64,
    pub exhibitor_id: i64,
    pub slug: String,
    pub name_en: String,
    pub name_zh: String,
    pub title_en: String,
    pub title_zh: String,
    pub titles: Option<String>,
    pub status: String,
    pub starts_at: Option<i64>,
    pub started_at: Option<i64>,
    pub unpublished_at: Option<i64>,
}

impl StreamListRow {
    pub fn id(&self) -> StreamId {
        StreamId(self.id)
    }

    pub fn title(&self) -> Localized {
        named(
            self.title_en.clone(),
            self.title_zh.clone(),
            self.titles.as_deref(),
        )
    }

    pub fn exhibitor(&self) -> ConversationExhibitor {
        ConversationExhibitor {
            id: ExhibitorId(self.exhibitor_id),
            slug: self.slug.clone(),
            name: Localized::new(self.name_en.clone(), self.name_zh.clone()),
        }
    }

    pub fn status(&self) -> Result<StreamStatus, AppError> {
        StreamStatus::parse(&self.status)
            .ok_or_else(|| AppError::internal(format!("unknown stream status {:?}", self.status)))
    }

    /// The moment a list shows: when it started, else when it is to start.
    pub fn at(&self) -> Option<i64> {
        self.started_at.or(self.starts_at)
    }
}

/// `product` is one of `exhibitor`'s published products, else a field error on `field`.
pub(super) async fn own_product(
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    exhibitor: ExhibitorId,
    product: ProductId,
    field: &str,
) -> Result<(), AppError> {
    let own: Option<i64> = sqlx::query_scalar(
        "SELECT id FROM products WHERE id = $1 AND exhibitor_id = $2 AND published = 1",
    )
    .bind(product.0)
    .bind(exhibitor.0)
    .fetch_optional(&mut **tx)
    .await?;
    match own {
        Some(_) => Ok(()),
        None => Err(AppError::invalid(field, ErrorCode::ProductNotOwn)),
    }
}

impl Db {
    /// Schedules a stream of `exhibitor` at `starts_at` featuring `products`, which must be
    /// its own published ones (a field error on `products` otherwise).
    pub async fn schedule_stream(
        &self,
        exhibitor: ExhibitorId,
        stream: &ValidStream,
        starts_at: i64,
    ) -> Result<StreamId, AppError> {
        let mut tx = self.begin_write().await?;
        for product in &stream.products {
            own_product(&mut tx, exhibitor, *product, "products").await?;
        }
        // A Chinese title left empty shows the English one, as product titles do.
        let zh = match stream.title.zh.as_str() {
            "" => stream.title.en.as_str(),
            zh => zh,
        };
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO live_streams (exhibitor_id, title_en, title_zh, titles, starts_at, status, created_at) \
             VALUES ($1, $2, $3, $4, $5, 'scheduled', $6) RETURNING id",
        )
        .bind(exhibitor.0)
        .bind(&stream.title.en)
        .bind(zh)
        .bind(stored_names(&stream.title))
        .bind(starts_at)
        .bind(now())
        .fetch_one(&mut *tx)
        .await?;
        for (position, product) in stream.products.iter().enumerate() {
            sqlx::query(
                "INSERT INTO live_stream_products (stream_id, product_id, position) VALUES ($1, $2, $3)",
            )
            .bind(id)
            .bind(product.0)
            .bind(position as i64)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(StreamId(id))
    }

    /// Streams live now (latest started first), to come (soonest first; a late one for an
    /// hour after its announced start) or ended (latest first), as `/live` lists them.
    pub async fn streams_listed(
        &self,
        status: StreamStatus,
    ) -> Result<Vec<StreamListRow>, AppError> {
        let (condition, order) = match status {
            StreamStatus::Live => ("s.status = 'live'", "s.started_at DESC"),
            StreamStatus::Scheduled => (
                "s.status = 'scheduled' AND s.starts_at >= $2",
                "s.starts_at",
            ),
            StreamStatus::Ended => (
                "s.status = 'ended' AND s.unpublished_at IS NULL",
                "s.ended_at DESC",
            ),
        };
        let sql = format!(
            "SELECT {STREAM_COLUMNS} FROM live_streams s JOIN exhibitors e ON e.id = s.exhibitor_id \
             WHERE {condition} ORDER BY {order}, s.id LIMIT $1"
        );
        let query = sqlx::query_as(&sql).bind(LIST_MAX);
        let query = match status {
            StreamStatus::Scheduled => query.bind(now() - LATE_SECONDS),
            _ => query,
        };
        Ok(query.fetch_all(&self.reads).await?)
    }

    /// A team's streams: live and to come, soonest first, then its latest replays.
    pub async fn team_streams(
        &self,
        exhibitor: ExhibitorId,
    ) -> Result<Vec<StreamListRow>, AppError> {
        let coming: Vec<StreamListRow> = sqlx::query_as(&format!(
            "SELECT {STREAM_COLUMNS} FROM live_streams s JOIN exhibitors e ON e.id = s.exhibitor_id \
             WHERE s.exhibitor_id = $1 \
             AND (s.status = 'live' OR s.status = 'scheduled' AND s.starts_at IS NOT NULL) \
             ORDER BY CASE s.status WHEN 'live' THEN 0 ELSE 1 END, s.starts_at, s.id"
        ))
        .bind(exhibitor.0)
        .fetch_all(&self.pool)
        .await?;
        let ended: Vec<StreamListRow> = sqlx::query_as(&format!(
            "SELECT {STREAM_COLUMNS} FROM live_streams s JOIN exhibitors e ON e.id = s.exhibitor_id \
             WHERE s.exhibitor_id = $1 AND s.status = 'ended' ORDER BY s.ended_at DESC, s.id LIMIT $2"
        ))
        .bind(exhibitor.0)
        .bind(STUDIO_REPLAYS_MAX)
        .fetch_all(&self.pool)
        .await?;
        Ok(coming.into_iter().chain(ended).collect())
    }

    /// The stream a booth shows: its live one, else its next one to come.
    pub async fn booth_stream(
        &self,
        exhibitor: ExhibitorId,
    ) -> Result<Option<StreamListRow>, AppError> {
        Ok(sqlx::query_as(&format!(
            "SELECT {STREAM_COLUMNS} FROM live_streams s JOIN exhibitors e ON e.id = s.exhibitor_id \
             WHERE s.exhibitor_id = $1 \
             AND (s.status = 'live' OR s.status = 'scheduled' AND s.starts_at >= $2) \
             ORDER BY CASE s.status WHEN 'live' THEN 0 ELSE 1 END, s.starts_at, s.id LIMIT 1"
        ))
        .bind(exhibitor.0)
        .bind(now() - LATE_SECONDS)
        .fetch_optional(&self.reads)
        .await?)
    }

    /// One stream with its exhibitor.
    pub async fn stream_listed(&self, id: StreamId) -> Result<StreamListRow, AppError> {
        sqlx::query_as(&format!(
            "SELECT {STREAM_COLUMNS} FROM live_streams s JOIN exhibitors e ON e.id = s.exhibitor_id \
             WHERE s.id = $1"
        ))
        .bind(id.0)
        .fetch_optional(&self.reads)
        .await?
        .ok_or(AppError::NotFound)
    }

    /// Takes `exhibitor`'s ended `stream` off the fair (`published` false) or puts it back;
    /// `409 stream_not_ended` for a stream that has not ended, 404 for another's.
    pub async fn publish_replay(
        &self,
        stream: StreamId,
        exhibitor: ExhibitorId,
        published: bool,
    ) -> Result<(), AppError> {
        let status: Option<String> = sqlx::query_scalar(
            "SELECT status FROM live_streams WHERE id = $1 AND exhibitor_id = $2",
        )
        .bind(stream.0)
        .bind(exhibitor.0)
        .fetch_optional(&self.pool)
        .await?;
        match status.as_deref() {
            None => return Err(AppError::NotFound),
            Some("ended") => {}
            Some(_) => return Err(AppError::Conflict(ErrorCode::StreamNotEnded)),
        }
        sqlx::query("UPDATE live_streams SET unpublished_at = $2 WHERE id = $1")
            .bind(stream.0)
            .bind((!published).then(now))
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// The products a stream features that are still published, in the team's order.
    pub async fn featured_products(&self, id: StreamId) -> Result<Vec<ProductSummary>, AppError> {
        let rows: Vec<ProductSummaryRow> = sqlx::query_as(&format!(
            "SELECT {PRODUCT_SUMMARY_COLUMNS} FROM live_stream_products f \
             JOIN products p ON p.id = f.product_id JOIN exhibitors e ON e.id = p.exhibitor_id \
             WHERE f.stream_id = $1 AND p.published = 1 ORDER BY f.position"
        ))
        .bind(id.0)
        .fetch_all(&self.reads)
        .await?;
        rows.into_iter()
            .map(ProductSummaryRow::into_summary)
            .collect()
    }

    /// A team's published products, for a stream to feature: ids and titles, in the
    /// team's order.
    pub async fn products_to_feature(
        &self,
        exhibitor: ExhibitorId,
    ) -> Result<Vec<(ProductId, Localized)>, AppError> {
        let rows: Vec<(i64, String, String)> = sqlx::query_as(
            "SELECT id, title_en, title_zh FROM products WHERE exhibitor_id = $1 AND published = 1 \
             ORDER BY position LIMIT $2",
        )
        .bind(exhibitor.0)
        .bind(TEAM_PRODUCTS_MAX)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|(id, en, zh)| (ProductId(id), Localized::new(en, zh)))
            .collect())
    }

    /// Whether the team has a stream key.
    pub async fn has_stream_key(&self, exhibitor: ExhibitorId) -> Result<bool, AppError> {
        let found: Option<i64> =
            sqlx::query_scalar("SELECT exhibitor_id FROM stream_keys WHERE exhibitor_id = $1")
                .bind(exhibitor.0)
                .fetch_optional(&self.pool)
                .await?;
        Ok(found.is_some())
    }
}
