//! What the sitemap lists, read in id ranges so that no request scans a whole table.

use super::Db;
use sqlx::Row;

/// Ids per sitemap file (the protocol allows 50,000 URLs).
pub const CHUNK: i64 = 40_000;

impl Db {
    /// The largest id in `table` (`exhibitors` or `products`), 0 when empty.
    pub async fn max_id(&self, table: SitemapTable) -> Result<i64, sqlx::Error> {
        let row = sqlx::query(&format!(
            "SELECT COALESCE(MAX(id), 0) AS n FROM {}",
            table.name()
        ))
        .fetch_one(&self.pool)
        .await?;
        row.try_get("n")
    }

    /// The path segments of chunk `n` of `table`: exhibitor slugs or published product ids.
    pub async fn sitemap_chunk(
        &self,
        table: SitemapTable,
        n: i64,
    ) -> Result<Vec<String>, sqlx::Error> {
        let (column, only) = match table {
            SitemapTable::Exhibitors => ("slug", ""),
            SitemapTable::Products => ("CAST(id AS TEXT)", "AND published = 1"),
        };
        let rows = sqlx::query(&format!(
            "SELECT {column} AS segment FROM {} WHERE id > $1 AND id <= $2 {only} ORDER BY id",
            table.name()
        ))
        .bind(n * CHUNK)
        .bind((n + 1) * CHUNK)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(|r| r.try_get("segment")).collect()
    }

    /// Slugs of every category, section and hall, as site paths.
    pub async fn structure_paths(&self) -> Result<Vec<String>, sqlx::Error> {
        let rows = sqlx::query(
            "SELECT '/categories/' || slug AS path, 1 AS kind, id FROM categories \
             UNION ALL SELECT '/sections/' || slug, 2, id FROM sections \
             UNION ALL SELECT '/halls/' || slug, 3, id FROM halls ORDER BY kind, id",
        )
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(|r| r.try_get("path")).collect()
    }
}

/// The long lists a sitemap is split over.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SitemapTable {
    Exhibitors,
    Products,
}

impl SitemapTable {
    pub fn name(self) -> &'static str {
        match self {
            SitemapTable::Exhibitors => "exhibitors",
            SitemapTable::Products => "products",
        }
    }
}
