//! The schema cannot drift: both engines' migrations make the same tables, columns, indexes
//! and triggers, and a database made at any earlier migration (or while 0012 was rewritten)
//! starts and upgrades to exactly the schema of a new one, keeping what it held.

use crate::support::{self, Engine, blank_database_url};
use server::storage::migrations::{self, REWRITTEN, hex_bytes};
use server::storage::{Backend, Db};
use sqlx::migrate::Migrator;
use sqlx::{AnyPool, Executor, Row};
use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

/// What both engines must agree on: columns (with whether they take NULL) by table, indexes
/// with their table and columns, and when triggers fire (table, timing, event: PostgreSQL
/// names one trigger for `UPDATE OR DELETE` where SQLite needs two).
#[derive(Debug, PartialEq, Eq)]
struct Shape {
    columns: BTreeMap<String, Vec<(String, bool)>>,
    indexes: BTreeMap<String, (String, Vec<String>)>,
    triggers: BTreeSet<(String, String)>,
}

fn backend(engine: Engine) -> Backend {
    match engine {
        Engine::Sqlite => Backend::Sqlite,
        Engine::Postgres => Backend::Postgres,
    }
}

async fn rows(pool: &AnyPool, sql: &str) -> Vec<Vec<String>> {
    sqlx::query(sql)
        .fetch_all(pool)
        .await
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
        .iter()
        .map(|row| {
            (0..row.len())
                .map(|i| row.try_get::<String, _>(i).unwrap_or_default())
                .collect()
        })
        .collect()
}

async fn shape(pool: &AnyPool, backend: Backend) -> Shape {
    let (columns, indexes, triggers) = match backend {
        Backend::Sqlite => (
            "SELECT m.name, c.name, CASE WHEN c.\"notnull\" = 1 OR c.pk = 1 THEN 'NO' ELSE 'YES' END \
             FROM sqlite_master m JOIN pragma_table_info(m.name) c \
             WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name <> '_sqlx_migrations' \
             ORDER BY m.name, c.cid",
            "SELECT m.name, m.tbl_name, COALESCE(i.name, '(expression)') \
             FROM sqlite_master m JOIN pragma_index_info(m.name) i \
             WHERE m.type = 'index' AND m.sql IS NOT NULL ORDER BY m.name, i.seqno",
            "SELECT tbl_name, upper(sql) FROM sqlite_master WHERE type = 'trigger'",
        ),
        Backend::Postgres => (
            "SELECT table_name::text, column_name::text, is_nullable::text FROM information_schema.columns \
             WHERE table_schema = current_schema() AND table_name <> '_sqlx_migrations' \
             ORDER BY table_name, ordinal_position",
            "SELECT i.relname::text, t.relname::text, COALESCE(a.attname::text, '(expression)') \
             FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid \
             JOIN pg_namespace n ON n.oid = t.relnamespace \
             CROSS JOIN LATERAL unnest(x.indkey::int2[]) WITH ORDINALITY k(attnum, ord) \
             LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum AND k.attnum > 0 \
             WHERE n.nspname = current_schema() AND NOT x.indisprimary AND t.relname <> '_sqlx_migrations' \
             AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid) \
             ORDER BY i.relname, k.ord",
            "SELECT event_object_table::text, action_timing::text || ' ' || event_manipulation::text \
             FROM information_schema.triggers WHERE trigger_schema = current_schema()",
        ),
    };
    let mut shape = Shape {
        columns: BTreeMap::new(),
        indexes: BTreeMap::new(),
        triggers: BTreeSet::new(),
    };
    for row in rows(pool, columns).await {
        shape
            .columns
            .entry(row[0].clone())
            .or_default()
            .push((row[1].clone(), row[2] == "YES"));
    }
    for row in rows(pool, indexes).await {
        let index = shape
            .indexes
            .entry(row[0].clone())
            .or_insert_with(|| (row[1].clone(), Vec::new()));
        index.1.push(row[2].clone());
    }
    for row in rows(pool, triggers).await {
        shape
            .triggers
            .insert((row[0].clone(), when_it_fires(&row[1])));
    }
    shape
}

/// "BEFORE UPDATE" from PostgreSQL's timing and event, or from a SQLite trigger's statement.
fn when_it_fires(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    let at = words
        .iter()
        .position(|w| matches!(*w, "BEFORE" | "AFTER"))
        .expect("a timing");
    format!("{} {}", words[at], words[at + 1])
}

/// Everything an engine says of its schema, to the letter: within one engine, an upgraded
/// database must equal a new one in each definition, not only in names.
async fn definitions(pool: &AnyPool, backend: Backend) -> Vec<Vec<String>> {
    match backend {
        Backend::Sqlite => {
            rows(
                pool,
                "SELECT type, name, COALESCE(sql, '') FROM sqlite_master \
                        WHERE name <> '_sqlx_migrations' ORDER BY type, name",
            )
            .await
        }
        Backend::Postgres => {
            let mut all = rows(pool, "SELECT table_name::text, column_name::text, data_type::text, \
                is_nullable::text, COALESCE(column_default::text, '') FROM information_schema.columns \
                WHERE table_schema = current_schema() ORDER BY table_name, column_name").await;
            all.extend(
                rows(
                    pool,
                    "SELECT indexname::text, indexdef::text FROM pg_indexes \
                WHERE schemaname = current_schema() ORDER BY indexname",
                )
                .await,
            );
            all.extend(rows(pool, "SELECT c.conname::text, pg_get_constraintdef(c.oid)::text FROM pg_constraint c \
                JOIN pg_namespace n ON n.oid = c.connamespace WHERE n.nspname = current_schema() \
                ORDER BY c.conname").await);
            all.extend(
                rows(
                    pool,
                    "SELECT t.tgname::text, pg_get_triggerdef(t.oid)::text FROM pg_trigger t \
                WHERE NOT t.tgisinternal ORDER BY t.tgname",
                )
                .await,
            );
            all.extend(
                rows(
                    pool,
                    "SELECT p.proname::text, p.prosrc::text FROM pg_proc p \
                JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = current_schema() \
                ORDER BY p.proname",
                )
                .await,
            );
            all
        }
    }
}

/// A database on `engine` that has run only the first `count` migrations; its URL and pool.
async fn made_by_the_first(
    engine: Engine,
    count: usize,
    dir: &std::path::Path,
) -> (String, AnyPool) {
    sqlx::any::install_default_drivers();
    let url = blank_database_url(engine, dir).await;
    let pool = AnyPool::connect(&url).await.expect("connect");
    let older = Migrator {
        migrations: Cow::Owned(
            migrations::migrator(backend(engine))
                .iter()
                .take(count)
                .cloned()
                .collect(),
        ),
        ..Migrator::DEFAULT
    };
    older.run(&pool).await.expect("the older migrations");
    (url, pool)
}

async fn new_database(engine: Engine) -> (support::TestDb, Vec<Vec<String>>) {
    let fresh = support::empty_db(engine).await;
    let definitions = definitions(&fresh.db.pool, backend(engine)).await;
    (fresh, definitions)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn both_engines_make_the_same_tables_columns_indexes_and_triggers() {
    let sqlite = support::empty_db(Engine::Sqlite).await;
    let postgres = support::empty_db(Engine::Postgres).await;
    let sqlite = shape(&sqlite.db.pool, Backend::Sqlite).await;
    let postgres = shape(&postgres.db.pool, Backend::Postgres).await;
    assert!(
        sqlite.columns.len() > 30 && sqlite.indexes.len() > 20 && sqlite.triggers.len() > 5,
        "{sqlite:?}"
    );
    for (table, columns) in &sqlite.columns {
        assert_eq!(Some(columns), postgres.columns.get(table), "table {table}");
    }
    assert_eq!(
        sqlite.columns.keys().collect::<Vec<_>>(),
        postgres.columns.keys().collect::<Vec<_>>()
    );
    for (index, of) in &sqlite.indexes {
        assert_eq!(Some(of), postgres.indexes.get(index), "index {index}");
    }
    assert_eq!(
        sqlite.indexes.keys().collect::<Vec<_>>(),
        postgres.indexes.keys().collect::<Vec<_>>()
    );
    assert_eq!(sqlite.triggers, postgres.triggers);
}

async fn just(engine: Engine) -> Engine {
    engine
}

on_both_engines! { mod upgrades; just;

    async fn a_database_made_at_any_earlier_migration_upgrades_to_the_new_schema_and_keeps_its_rows(engine) {
        let (_fresh, expected) = new_database(engine).await;
        let all = migrations::migrator(backend(engine)).iter().count();
        for count in 1..all {
            let dir = tempfile::tempdir().unwrap();
            let (url, pool) = made_by_the_first(engine, count, dir.path()).await;
            if count == 1 {
                pool.execute("INSERT INTO fair_sessions (id, slug, name_en, name_zh, starts_on, ends_on, phase, is_current) \
                              VALUES (1, 'spring', 'Spring', '春季', '2026-04-15', '2026-04-24', 'open', 1); \
                              INSERT INTO categories (id, session_id, slug, position, name_en, name_zh) \
                              VALUES (1, 1, 'lighting', 1, 'Lighting', '照明')").await.unwrap();
            }
            pool.close().await;
            let upgraded = Db::connect(&url, 2).await.unwrap_or_else(|e| panic!("made by {count} migrations: {e:#}"));
            assert_eq!(definitions(&upgraded.pool, backend(engine)).await, expected, "made by {count} migrations");
            if count == 1 {
                let slug: String = sqlx::query_scalar("SELECT slug FROM categories WHERE id = 1")
                    .fetch_one(&upgraded.pool).await.unwrap();
                assert_eq!(slug, "lighting", "the oldest database's rows are kept");
            }
            upgraded.pool.close().await;
        }
    }

    async fn a_database_made_while_0012_was_rewritten_starts_and_upgrades(engine) {
        let (_fresh, expected) = new_database(engine).await;
        let backend = backend(engine);
        let migrator = migrations::migrator(backend);
        let before_0018 = migrator.iter().position(|m| m.version == 18).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let (url, pool) = made_by_the_first(engine, before_0018, dir.path()).await;
        // As the rewritten 0012 left it: the widened triggers and that file's checksum.
        let widened = &migrator.iter().find(|m| m.version == 18).unwrap().sql;
        pool.execute(&**widened).await.unwrap();
        let (_, version, rewritten) = REWRITTEN.iter().find(|(b, ..)| *b == backend).unwrap();
        sqlx::query("UPDATE _sqlx_migrations SET checksum = $1 WHERE version = $2")
            .bind(hex_bytes(rewritten)).bind(*version).execute(&pool).await.unwrap();
        // Without its lock: a refusal returns the locked connection to the pool, and the
        // server's own migration below would wait for that lock.
        let unlocked = Migrator { migrations: migrator.migrations.clone(), locking: false, ..Migrator::DEFAULT };
        assert!(unlocked.run(&pool).await.is_err(), "sqlx alone refuses the database");
        pool.close().await;
        let upgraded = Db::connect(&url, 2).await.expect("the database starts");
        assert_eq!(definitions(&upgraded.pool, backend).await, expected);
        let checksum: Vec<u8> = sqlx::query_scalar("SELECT checksum FROM _sqlx_migrations WHERE version = 12")
            .fetch_one(&upgraded.pool).await.unwrap();
        assert_eq!(checksum, migrator.iter().find(|m| m.version == 12).unwrap().checksum.to_vec());
        upgraded.pool.close().await;
    }
}
