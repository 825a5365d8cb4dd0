//! A database too busy to take a write in time (another writer holds the lock longer than
//! SQLite's `busy_timeout` or PostgreSQL's `lock_timeout` of a write transaction, 5 s): the
//! write is answered 503 `Busy` with `Retry-After`, not 500, nothing of it is saved, and the
//! same write goes through once the database is free.

use crate::products::{PRODUCT, saved_id};
use crate::support::{self, TestApp};
use server::demo::accounts::EXHIBITOR;
use server::storage::Backend;

async fn products_named(app: &TestApp) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM products WHERE title_en = 'Solar lantern S1'")
        .fetch_one(&app.db.db.pool)
        .await
        .unwrap()
}

on_both_engines! { mod busy_database; support::spawn_app;

    async fn a_write_that_cannot_get_the_lock_in_time_is_busy_and_saves_nothing(app) {
        let owner = app.sign_in(EXHIBITOR.email, EXHIBITOR.password).await;
        let before = products_named(&app).await;
        // Another writer takes the write lock and keeps it.
        let mut holder = match app.db.db.backend {
            Backend::Sqlite => app.db.db.pool.begin_with("BEGIN IMMEDIATE").await.unwrap(),
            Backend::Postgres => {
                let mut tx = app.db.db.pool.begin().await.unwrap();
                sqlx::query("LOCK TABLE products IN EXCLUSIVE MODE").execute(&mut *tx).await.unwrap();
                tx
            }
        };
        let refused = app.post("/api/save_product", &[("Cookie", &owner)], PRODUCT).await;
        assert_eq!(refused.status, 503, "{}", refused.text());
        assert_eq!(refused.text(), "\"Busy\"");
        assert_eq!(refused.header("retry-after"), Some("5"));
        sqlx::query("SELECT 1").execute(&mut *holder).await.unwrap();
        holder.rollback().await.unwrap();
        assert_eq!(products_named(&app).await, before, "nothing of the refused write was saved");
        saved_id(&app.post("/api/save_product", &[("Cookie", &owner)], PRODUCT).await);
        assert_eq!(products_named(&app).await, before + 1);
    }
}
