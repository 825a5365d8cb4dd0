//! The search index against the database: the index (opened read-only, the server stopped)
//! must hold each published product once, under its id, with the title the database has,
//! and nothing else; and the wait for the indexer to reach the end of the change feed.

use super::verdict::Check;
use crate::search::Progress;
use crate::search::schema::{self, PRODUCT};
use crate::storage::Db;
use anyhow::Context;
use app::domain::ProductSummary;
use sqlx::Row;
use std::collections::HashMap;
use std::path::Path;
use tantivy::collector::DocSetCollector;
use tantivy::query::TermQuery;
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{Index, TantivyDocument, Term};

/// How far into the change feed the index's last commit got, if it has one.
fn index_progress(dir: &Path) -> Option<Progress> {
    let payload = Index::open_in_dir(dir).ok()?.load_metas().ok()?.payload?;
    serde_json::from_str(&payload).ok()
}

/// Whether the index has taken in the whole change feed.
pub async fn caught_up(db: &Db, dir: &Path) -> anyhow::Result<bool> {
    let written = db.last_search_change().await?;
    Ok(index_progress(dir).is_some_and(|progress| progress.feed >= written))
}

pub async fn check(db: &Db, dir: &Path) -> anyhow::Result<Check> {
    let name = "the search index agrees with the database";
    let stored: HashMap<i64, String> =
        sqlx::query("SELECT id, title_en FROM products WHERE published = 1")
            .fetch_all(&db.pool)
            .await?
            .iter()
            .map(|row| Ok((row.try_get(0)?, row.try_get(1)?)))
            .collect::<Result<_, sqlx::Error>>()?;
    let indexed = indexed_products(dir)?;
    let mut titles = HashMap::with_capacity(indexed.len());
    let mut doubles = 0;
    for (id, title) in indexed {
        if titles.insert(id, title).is_some() {
            doubles += 1;
        }
    }
    let missing = stored.keys().filter(|id| !titles.contains_key(id)).count();
    let extra = titles.keys().filter(|id| !stored.contains_key(id)).count();
    let stale = stored
        .iter()
        .filter(|(id, title)| titles.get(id).is_some_and(|t| t != *title))
        .count();
    Ok(Check::new(
        name,
        missing + extra + stale + doubles == 0,
        format!(
            "{} published products, {} in the index; {missing} missing, {extra} not published, \
             {stale} with another title, {doubles} twice",
            stored.len(),
            titles.len()
        ),
    ))
}

/// Every product document of the index: its id and English title.
fn indexed_products(dir: &Path) -> anyhow::Result<Vec<(i64, String)>> {
    let index = Index::open_in_dir(dir).context("cannot open the search index")?;
    let (_, fields) = schema::schema();
    let reader: tantivy::IndexReader = index
        .reader_builder()
        .reload_policy(tantivy::ReloadPolicy::Manual)
        .try_into()?;
    let searcher = reader.searcher();
    let query = TermQuery::new(
        Term::from_field_u64(fields.kind, PRODUCT),
        IndexRecordOption::Basic,
    );
    let mut products = Vec::new();
    for address in searcher.search(&query, &DocSetCollector)? {
        let doc: TantivyDocument = searcher.doc(address)?;
        let id = doc.get_first(fields.id).and_then(|v| v.as_u64());
        let card = doc.get_first(fields.card).and_then(|v| v.as_str());
        let (Some(id), Some(card)) = (id, card) else {
            anyhow::bail!("a product document without its id or card");
        };
        let card: ProductSummary = serde_json::from_str(card)?;
        products.push((id as i64, card.title.en));
    }
    Ok(products)
}
