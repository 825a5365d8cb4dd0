//! What the search indexer reads: the feed of changes (`search_changes`, written by triggers),
//! published products with everything their search document takes from elsewhere, and
//! exhibitors.

use super::Db;
use super::rows::{ExhibitorRow, ProductSummaryRow};
use app::error::AppError;
use sqlx::Row;

/// One row of the feed: a product changed, or an exhibitor whose products must be redone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Change {
    pub seq: i64,
    pub product: Option<i64>,
    pub exhibitor: Option<i64>,
}

/// A published product as the index needs it: its card, and what only its document uses.
#[derive(sqlx::FromRow)]
pub struct IndexedProduct {
    #[sqlx(flatten)]
    pub card: ProductSummaryRow,
    pub exhibitor_id: i64,
    pub category_id: i64,
    pub section_id: i64,
    pub description_en: String,
    pub description_zh: String,
    pub specs: String,
    pub country: String,
    pub verified: i64,
    pub certifications: String,
    pub category_en: String,
    pub category_zh: String,
    pub section_en: String,
    pub section_zh: String,
}

/// An exhibitor as the index needs it: its card, and what only its document uses.
#[derive(sqlx::FromRow)]
pub struct IndexedExhibitor {
    #[sqlx(flatten)]
    pub card: ExhibitorRow,
    pub description_en: String,
    pub description_zh: String,
    /// The description's HTML in the other languages (`translations::named`).
    pub descriptions: Option<String>,
    pub main_markets: String,
    pub certifications: String,
    pub category_id: i64,
    pub section_id: i64,
    pub category_en: String,
    pub category_zh: String,
    pub section_en: String,
    pub section_zh: String,
}

const INDEXED_EXHIBITOR: &str = "SELECT e.id, e.slug, e.name_en, e.name_zh, e.country, e.verified, \
     e.year_founded, e.description_en, e.description_zh, e.descriptions, e.main_markets, e.certifications, \
     e.category_id, e.section_id, c.name_en AS category_en, c.name_zh AS category_zh, \
     s.name_en AS section_en, s.name_zh AS section_zh \
     FROM exhibitors e JOIN categories c ON c.id = e.category_id JOIN sections s ON s.id = e.section_id";

const INDEXED_PRODUCT: &str = "SELECT p.id, p.exhibitor_id, p.category_id, p.section_id, \
     p.title_en, p.title_zh, p.description_en, p.description_zh, p.specs, p.price_min_cents, \
     p.price_max_cents, p.currency, p.moq, p.unit_en, p.unit_zh, p.is_new, p.cover_hash, \
     p.translations, e.name_en AS exhibitor_name_en, e.name_zh AS exhibitor_name_zh, e.country, e.verified, \
     e.certifications, c.name_en AS category_en, c.name_zh AS category_zh, \
     s.name_en AS section_en, s.name_zh AS section_zh \
     FROM products p JOIN exhibitors e ON e.id = p.exhibitor_id \
     JOIN categories c ON c.id = p.category_id JOIN sections s ON s.id = p.section_id \
     WHERE p.published = 1";

impl Db {
    /// The number of the newest change, 0 when there is none.
    pub async fn last_search_change(&self) -> Result<i64, AppError> {
        let row = sqlx::query("SELECT COALESCE(MAX(seq), 0) AS seq FROM search_changes")
            .fetch_one(&self.pool)
            .await?;
        row.try_get("seq").map_err(AppError::from)
    }

    /// Up to `limit` changes after `after`, oldest first.
    pub async fn search_changes_after(
        &self,
        after: i64,
        limit: i64,
    ) -> Result<Vec<Change>, AppError> {
        let rows = sqlx::query(
            "SELECT seq, product_id, exhibitor_id FROM search_changes WHERE seq > $1 ORDER BY seq LIMIT $2",
        )
        .bind(after)
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| {
                Ok(Change {
                    seq: row.try_get("seq")?,
                    product: row.try_get("product_id")?,
                    exhibitor: row.try_get("exhibitor_id")?,
                })
            })
            .collect::<Result<_, sqlx::Error>>()
            .map_err(AppError::from)
    }

    /// Published products after id `after`, by id, `limit` at a time: the full build's pages.
    pub async fn indexed_products_after(
        &self,
        after: i64,
        limit: i64,
    ) -> Result<Vec<IndexedProduct>, AppError> {
        sqlx::query_as(&format!(
            "{INDEXED_PRODUCT} AND p.id > $1 ORDER BY p.id LIMIT $2"
        ))
        .bind(after)
        .bind(limit)
        .fetch_all(&self.pool)
        .await
        .map_err(AppError::from)
    }

    /// The published ones among `ids` (a product missing from the answer is gone from search).
    pub async fn indexed_products(&self, ids: &[i64]) -> Result<Vec<IndexedProduct>, AppError> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        sqlx::query_as(&format!("{INDEXED_PRODUCT} AND p.id IN ({})", id_list(ids)))
            .fetch_all(&self.pool)
            .await
            .map_err(AppError::from)
    }

    /// The ids of every product of these exhibitors, drafts included (a draft's document must
    /// go if it has one).
    pub async fn exhibitors_product_ids(&self, exhibitors: &[i64]) -> Result<Vec<i64>, AppError> {
        if exhibitors.is_empty() {
            return Ok(Vec::new());
        }
        let rows = sqlx::query(&format!(
            "SELECT id FROM products WHERE exhibitor_id IN ({})",
            id_list(exhibitors)
        ))
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| row.try_get("id"))
            .collect::<Result<_, _>>()
            .map_err(AppError::from)
    }

    /// Exhibitors after id `after`, by id, `limit` at a time: the full build's pages.
    pub async fn indexed_exhibitors_after(
        &self,
        after: i64,
        limit: i64,
    ) -> Result<Vec<IndexedExhibitor>, AppError> {
        sqlx::query_as(&format!(
            "{INDEXED_EXHIBITOR} WHERE e.id > $1 ORDER BY e.id LIMIT $2"
        ))
        .bind(after)
        .bind(limit)
        .fetch_all(&self.pool)
        .await
        .map_err(AppError::from)
    }

    /// The ones among `ids` that exist.
    pub async fn indexed_exhibitors(&self, ids: &[i64]) -> Result<Vec<IndexedExhibitor>, AppError> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        sqlx::query_as(&format!(
            "{INDEXED_EXHIBITOR} WHERE e.id IN ({})",
            id_list(ids)
        ))
        .fetch_all(&self.pool)
        .await
        .map_err(AppError::from)
    }

    /// How many products are published: the full build's total.
    pub async fn count_published_products(&self) -> Result<i64, AppError> {
        let row = sqlx::query("SELECT COUNT(*) AS n FROM products WHERE published = 1")
            .fetch_one(&self.pool)
            .await?;
        row.try_get("n").map_err(AppError::from)
    }
}

/// Integers written into SQL: they come from our own rows, never from a request.
fn id_list(ids: &[i64]) -> String {
    ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",")
}
