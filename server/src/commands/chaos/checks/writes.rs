//! Every write the server acknowledged, looked for in the database: messages by
//! conversation and client id, each product's title at least at its last acknowledged
//! version, every row of each acknowledged import, a live meeting of the buyer on each
//! acknowledged slot, an order for each acknowledged acceptance.

use crate::commands::chaos::ledger::Ledger;
use crate::commands::chaos::writers::{imports, products};
use crate::storage::Db;
use sqlx::Row;
use std::collections::{HashMap, HashSet};

/// Per kind: (kind, acknowledged writes missing, what was found).
pub type Found = Vec<(&'static str, u64, String)>;

fn of(missing: usize, acked: usize) -> String {
    format!("{} of {acked} found", acked - missing)
}

pub async fn check(db: &Db, ledger: &Ledger, run: &str) -> anyhow::Result<Found> {
    let mut found = Found::new();

    let stored: HashSet<(i64, String)> =
        sqlx::query("SELECT conversation_id, client_id FROM messages WHERE client_id LIKE $1")
            .bind(format!("{run}-m%"))
            .fetch_all(&db.pool)
            .await?
            .iter()
            .map(|row| Ok((row.try_get(0)?, row.try_get(1)?)))
            .collect::<Result<_, sqlx::Error>>()?;
    let messages = ledger.messages.lock().await;
    let missing = messages.iter().filter(|m| !stored.contains(*m)).count();
    found.push(("message", missing as u64, of(missing, messages.len())));

    let edits = ledger.edits.lock().await;
    let mut missing = 0;
    let mut acked = 0;
    for (&product, edit) in edits.iter().filter(|(_, edit)| edit.acked > 0) {
        acked += 1;
        // The edits before the last acknowledged one are overwritten by it: a product is
        // whole when its title is at that version or a later one that was sent.
        let title: Option<String> =
            sqlx::query_scalar("SELECT title_en FROM products WHERE id = $1")
                .bind(product)
                .fetch_optional(&db.pool)
                .await?;
        let version = title.and_then(|title| products::version_of(run, product, &title));
        if !version.is_some_and(|v| v >= edit.acked && v <= edit.sent) {
            tracing::error!(
                product,
                ?version,
                acked = edit.acked,
                sent = edit.sent,
                "a product edit is lost"
            );
            missing += 1;
        }
    }
    found.push((
        "product edit",
        missing,
        format!(
            "{} of {acked} products at or after their last acknowledged edit",
            acked - missing
        ),
    ));

    let done = ledger.imports.lock().await;
    let mut missing = 0;
    for import in done.iter() {
        let rows: HashMap<String, String> = sqlx::query(
            "SELECT sku, title_en FROM products WHERE exhibitor_id = $1 AND sku LIKE $2 AND published = 1",
        )
        .bind(import.exhibitor)
        .bind(format!("{}%", import.prefix))
        .fetch_all(&db.pool)
        .await?
        .iter()
        .map(|row| Ok((row.try_get(0)?, row.try_get(1)?)))
        .collect::<Result<_, sqlx::Error>>()?;
        let whole = (1..=imports::ROWS).all(|row| {
            rows.get(&format!("{}{row}", import.prefix))
                .is_some_and(|title| *title == imports::row_title(&import.prefix, row))
        });
        if !whole || (rows.len() as i64) < import.rows {
            tracing::error!(
                prefix = import.prefix,
                found = rows.len(),
                "an import is lost"
            );
            missing += 1;
        }
    }
    found.push(("import", missing as u64, of(missing, done.len())));

    let live: HashSet<(i64, i64)> = sqlx::query(
        "SELECT slot_id, buyer_id FROM meetings WHERE status IN ('requested', 'confirmed')",
    )
    .fetch_all(&db.pool)
    .await?
    .iter()
    .map(|row| Ok((row.try_get(0)?, row.try_get(1)?)))
    .collect::<Result<_, sqlx::Error>>()?;
    let bookings = ledger.bookings.lock().await;
    let missing = bookings.iter().filter(|b| !live.contains(*b)).count();
    found.push(("booking", missing as u64, of(missing, bookings.len())));

    let orders: HashSet<(i64, i64)> = sqlx::query("SELECT inquiry_id, quotation_id FROM orders")
        .fetch_all(&db.pool)
        .await?
        .iter()
        .map(|row| Ok((row.try_get(0)?, row.try_get(1)?)))
        .collect::<Result<_, sqlx::Error>>()?;
    let acceptances = ledger.acceptances.lock().await;
    let missing = acceptances.iter().filter(|a| !orders.contains(*a)).count();
    found.push(("acceptance", missing as u64, of(missing, acceptances.len())));
    Ok(found)
}
