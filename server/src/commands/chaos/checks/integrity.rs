//! The database after the kills: SQLite's own integrity and foreign-key checks, or on
//! PostgreSQL `amcheck` over every B-tree index and table when the extension is installed
//! (and no index left invalid); then the rules the load raced against: no slot with two
//! live meetings, no quotation or inquiry with two orders, no message stored twice, and no
//! race that the server acknowledged twice.

use super::verdict::Check;
use crate::commands::chaos::ledger::Ledger;
use crate::storage::{Backend, Db};
use sqlx::Row;
use std::collections::HashMap;
use std::hash::Hash;

pub async fn check(db: &Db, ledger: &Ledger) -> Vec<Check> {
    let mut checks = match db.backend {
        Backend::Sqlite => sqlite(db).await,
        Backend::Postgres => postgres(db).await,
    };
    let rules = [
        (
            "no slot is booked twice",
            "SELECT COUNT(*) FROM (SELECT slot_id FROM meetings WHERE status IN ('requested', 'confirmed') GROUP BY slot_id HAVING COUNT(*) > 1) AS twice",
        ),
        (
            "no quotation became two orders",
            "SELECT COUNT(*) FROM (SELECT quotation_id FROM orders GROUP BY quotation_id HAVING COUNT(*) > 1) AS twice",
        ),
        (
            "no inquiry has two orders",
            "SELECT COUNT(*) FROM (SELECT inquiry_id FROM orders GROUP BY inquiry_id HAVING COUNT(*) > 1) AS twice",
        ),
        (
            "no message is stored twice",
            "SELECT COUNT(*) FROM (SELECT sender_id, client_id FROM messages GROUP BY sender_id, client_id HAVING COUNT(*) > 1) AS twice",
        ),
    ];
    for (name, sql) in rules {
        checks.push(
            match sqlx::query_scalar::<_, i64>(sql).fetch_one(&db.pool).await {
                Ok(n) => Check::new(name, n == 0, format!("{n} found in the database")),
                Err(error) => Check::broken(name, error.into()),
            },
        );
    }
    let bookings = twice(&ledger.bookings.lock().await, |(slot, _)| *slot);
    checks.push(Check::new(
        "no slot's booking acknowledged twice",
        bookings == 0,
        format!("{bookings} slots"),
    ));
    let acceptances = twice(&ledger.acceptances.lock().await, |(_, quotation)| {
        *quotation
    });
    checks.push(Check::new(
        "no quotation's acceptance acknowledged twice",
        acceptances == 0,
        format!("{acceptances} quotations"),
    ));
    checks
}

/// How many keys appear more than once.
fn twice<T, K: Hash + Eq>(items: &[T], key: impl Fn(&T) -> K) -> usize {
    let mut seen: HashMap<K, usize> = HashMap::new();
    for item in items {
        *seen.entry(key(item)).or_default() += 1;
    }
    seen.values().filter(|n| **n > 1).count()
}

async fn sqlite(db: &Db) -> Vec<Check> {
    let integrity = async {
        let rows = sqlx::query("PRAGMA integrity_check")
            .fetch_all(&db.pool)
            .await?;
        let lines: Vec<String> = rows
            .iter()
            .map(|row| row.try_get::<String, _>(0))
            .collect::<Result<_, _>>()?;
        anyhow::Ok(Check::new(
            "PRAGMA integrity_check",
            lines == ["ok"],
            lines.join("; "),
        ))
    };
    let keys = async {
        let rows = sqlx::query("PRAGMA foreign_key_check")
            .fetch_all(&db.pool)
            .await?;
        anyhow::Ok(Check::new(
            "PRAGMA foreign_key_check",
            rows.is_empty(),
            format!("{} rows pointing nowhere", rows.len()),
        ))
    };
    vec![
        integrity
            .await
            .unwrap_or_else(|e| Check::broken("PRAGMA integrity_check", e)),
        keys.await
            .unwrap_or_else(|e| Check::broken("PRAGMA foreign_key_check", e)),
    ]
}

async fn postgres(db: &Db) -> Vec<Check> {
    let mut checks = Vec::new();
    let invalid =
        sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM pg_index WHERE NOT indisvalid")
            .fetch_one(&db.pool)
            .await;
    checks.push(match invalid {
        Ok(n) => Check::new("no invalid index", n == 0, format!("{n} invalid")),
        Err(error) => Check::broken("no invalid index", error.into()),
    });
    if let Err(error) = sqlx::query("CREATE EXTENSION IF NOT EXISTS amcheck")
        .execute(&db.pool)
        .await
    {
        checks.push(Check::new(
            "amcheck",
            true,
            format!("skipped: the extension is not available ({error})"),
        ));
        return checks;
    }
    let indexes = "SELECT COUNT(*) FROM (SELECT bt_index_check(c.oid, true) FROM pg_index i \
         JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am a ON a.oid = c.relam \
         WHERE a.amname = 'btree' AND c.relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema())) AS checked";
    checks.push(
        match sqlx::query_scalar::<_, i64>(indexes)
            .fetch_one(&db.pool)
            .await
        {
            Ok(n) => Check::new(
                "amcheck bt_index_check (with heapallindexed)",
                true,
                format!("{n} B-tree indexes sound"),
            ),
            Err(error) => Check::new(
                "amcheck bt_index_check (with heapallindexed)",
                false,
                error.to_string(),
            ),
        },
    );
    let tables = "SELECT COUNT(*) FROM pg_class c, verify_heapam(c.oid) \
         WHERE c.relkind = 'r' AND c.relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema())";
    checks.push(
        match sqlx::query_scalar::<_, i64>(tables)
            .fetch_one(&db.pool)
            .await
        {
            Ok(n) => Check::new(
                "amcheck verify_heapam",
                n == 0,
                format!("{n} corruptions reported"),
            ),
            Err(error) => Check::new("amcheck verify_heapam", false, error.to_string()),
        },
    );
    checks
}
