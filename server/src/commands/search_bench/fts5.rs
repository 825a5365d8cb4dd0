//! The benchmark's yardstick: the same published products in a SQLite FTS5 table (in a file
//! of its own beside the fair's database, which it attaches), answering the same searches
//! with the same facets. FTS5 cannot segment Chinese, so its text is jieba's words joined by
//! spaces; English goes through its Porter stemmer; it has no typo tolerance. Ranking is its
//! BM25 with the index's field weights; facets are counted over every matching row.

use crate::search::analyzer::{query_words, segmented};
use crate::search::facets::FacetTally;
use crate::search::schema::country_number;
use crate::storage::Db;
use crate::storage::rows::{StoredSpec, list};
use anyhow::Context;
use app::domain::{CountryCode, SearchQuery};
use sqlx::sqlite::{SqliteConnectOptions, SqlitePool, SqlitePoolOptions};
use sqlx::{Executor, Row};
use std::path::Path;
use std::time::{Duration, Instant};

pub struct Fts5 {
    pool: SqlitePool,
}

/// Rows written per transaction while building.
const BUILD_BATCH: i64 = 5_000;

impl Fts5 {
    /// Opens the FTS5 copy in `file` with the fair's database `fair` attached, building it from
    /// `db` first when it is not complete; the build's duration, if there was one.
    pub async fn open(
        file: &Path,
        fair: &Path,
        db: &Db,
    ) -> anyhow::Result<(Fts5, Option<Duration>)> {
        let attach = format!(
            "ATTACH DATABASE '{}' AS fair",
            fair.display().to_string().replace('\'', "''")
        );
        let options = SqliteConnectOptions::new()
            .filename(file)
            .create_if_missing(true);
        let pool = SqlitePoolOptions::new()
            .max_connections(1)
            .after_connect(move |conn, _| {
                let attach = attach.clone();
                Box::pin(async move {
                    conn.execute(attach.as_str()).await?;
                    conn.execute("PRAGMA cache_size = -262144").await?;
                    Ok(())
                })
            })
            .connect_with(options)
            .await
            .with_context(|| format!("cannot open {}", file.display()))?;
        pool.execute(
            "CREATE VIRTUAL TABLE IF NOT EXISTS products_fts USING fts5(title, maker, place, body, \
             tokenize = 'porter unicode61'); \
             CREATE TABLE IF NOT EXISTS fts_build (done BIGINT NOT NULL)",
        )
        .await?;
        let fts = Fts5 { pool };
        let built: Option<i64> = sqlx::query_scalar("SELECT done FROM fts_build")
            .fetch_optional(&fts.pool)
            .await?;
        if built.is_some() {
            return Ok((fts, None));
        }
        let started = Instant::now();
        fts.build(db).await?;
        Ok((fts, Some(started.elapsed())))
    }

    async fn build(&self, db: &Db) -> anyhow::Result<()> {
        self.pool.execute("DELETE FROM products_fts").await?;
        let mut after = 0;
        loop {
            let batch = db.indexed_products_after(after, BUILD_BATCH).await?;
            let Some(last) = batch.last() else { break };
            after = last.card.id;
            let mut tx = self.pool.begin().await?;
            for product in batch {
                let specs: Vec<StoredSpec> =
                    serde_json::from_str(&product.specs).unwrap_or_default();
                let specs: Vec<String> = specs
                    .into_iter()
                    .map(|s| format!("{} {} {}", s.en, s.zh, s.value))
                    .collect();
                let title = segmented(&format!(
                    "{} {}",
                    product.card.title_en, product.card.title_zh
                ));
                let maker = segmented(&format!(
                    "{} {}",
                    product.card.exhibitor_name_en, product.card.exhibitor_name_zh
                ));
                let place = segmented(&format!(
                    "{} {} {} {}",
                    product.category_en,
                    product.category_zh,
                    product.section_en,
                    product.section_zh
                ));
                let body = segmented(&format!(
                    "{} {} {}",
                    product.description_en,
                    product.description_zh,
                    specs.join(" ")
                ));
                sqlx::query("INSERT INTO products_fts (rowid, title, maker, place, body) VALUES ($1, $2, $3, $4, $5)")
                    .bind(product.card.id)
                    .bind(title)
                    .bind(maker)
                    .bind(place)
                    .bind(body)
                    .execute(&mut *tx)
                    .await?;
            }
            tx.commit().await?;
        }
        self.pool
            .execute("INSERT INTO products_fts (products_fts) VALUES ('optimize')")
            .await?;
        self.pool
            .execute("INSERT INTO fts_build (done) VALUES (1)")
            .await?;
        Ok(())
    }

    /// The search's total, first page of ids (best BM25 first) and facet counts.
    pub async fn search(
        &self,
        search: &SearchQuery,
    ) -> anyhow::Result<(u64, Vec<i64>, FacetTally)> {
        let words = query_words(&search.text);
        if words.is_empty() {
            return Ok((0, Vec::new(), FacetTally::default()));
        }
        let matching = words
            .iter()
            .map(|w| format!("\"{}\"", w.typed.replace('"', "")))
            .collect::<Vec<_>>()
            .join(" ");
        let filters = filters(search);
        // CROSS JOIN keeps SQLite's join order: the match first, then each matching row's
        // product and exhibitor (left to itself, it may walk an index of products instead).
        let from = format!(
            "FROM products_fts f CROSS JOIN fair.products p ON p.id = f.rowid \
             CROSS JOIN fair.exhibitors e ON e.id = p.exhibitor_id WHERE products_fts MATCH $1{filters}"
        );
        let top_sql =
            format!("SELECT p.id {from} ORDER BY bm25(products_fts, 4.0, 1.5, 1.5, 1.0) LIMIT 20");
        let top = bound(&top_sql, &matching, search)
            .fetch_all(&self.pool)
            .await?;
        let ids = top
            .iter()
            .map(|row| row.try_get("id"))
            .collect::<Result<Vec<i64>, _>>()?;
        let facets_sql = format!(
            "SELECT p.category_id, p.section_id, e.country, p.is_new, e.verified, e.certifications {from}"
        );
        let rows = bound(&facets_sql, &matching, search)
            .fetch_all(&self.pool)
            .await?;
        let mut tally = FacetTally::default();
        for row in &rows {
            *tally
                .categories
                .entry(row.try_get::<i64, _>("category_id")? as u64)
                .or_default() += 1;
            *tally
                .sections
                .entry(row.try_get::<i64, _>("section_id")? as u64)
                .or_default() += 1;
            if let Some(country) = CountryCode::parse(row.try_get("country")?) {
                *tally.countries.entry(country_number(country)).or_default() += 1;
            }
            tally.new += row.try_get::<i64, _>("is_new")? as u64;
            tally.verified += row.try_get::<i64, _>("verified")? as u64;
            for certification in list(row.try_get("certifications")?) {
                *tally.certifications.entry(certification).or_default() += 1;
            }
        }
        Ok((rows.len() as u64, ids, tally))
    }
}

/// `sql` with the match expression and the filters' texts bound, in the order `filters` numbers them.
fn bound<'q>(
    sql: &'q str,
    matching: &'q str,
    search: &'q SearchQuery,
) -> sqlx::query::Query<'q, sqlx::Sqlite, sqlx::sqlite::SqliteArguments<'q>> {
    let mut query = sqlx::query(sql).bind(matching);
    for value in [&search.category, &search.section, &search.certification]
        .into_iter()
        .flatten()
    {
        query = query.bind(value.as_str());
    }
    query
}

/// The query's filters as SQL; numbers and country codes were validated when the query was
/// parsed, the texts are bound in the order category, section, certification.
fn filters(search: &SearchQuery) -> String {
    let mut sql = String::new();
    let mut next = 2;
    let mut bound = |sql: &mut String, clause: &str| {
        sql.push_str(&clause.replace('?', &format!("${next}")));
        next += 1;
    };
    if search.category.is_some() {
        bound(
            &mut sql,
            " AND p.category_id = (SELECT id FROM fair.categories WHERE slug = ?)",
        );
    }
    if search.section.is_some() {
        bound(
            &mut sql,
            " AND p.section_id = (SELECT id FROM fair.sections WHERE slug = ?)",
        );
    }
    if search.certification.is_some() {
        bound(
            &mut sql,
            " AND ('|' || e.certifications || '|') LIKE ('%|' || ? || '|%')",
        );
    }
    if let Some(country) = search.country {
        sql.push_str(&format!(" AND e.country = '{}'", country.as_str()));
    }
    if search.new_only {
        sql.push_str(" AND p.is_new = 1");
    }
    if search.verified_only {
        sql.push_str(" AND e.verified = 1");
    }
    if let Some(currency) = search.price_currency() {
        sql.push_str(&format!(" AND p.currency = '{}'", currency.code()));
        if let Some(min) = search.price_min {
            sql.push_str(&format!(" AND p.price_max_cents >= {min}"));
        }
        if let Some(max) = search.price_max {
            sql.push_str(&format!(" AND p.price_min_cents <= {max}"));
        }
    }
    if let Some(min) = search.moq_min {
        sql.push_str(&format!(" AND p.moq >= {min}"));
    }
    if let Some(max) = search.moq_max {
        sql.push_str(&format!(" AND p.moq <= {max}"));
    }
    sql
}
