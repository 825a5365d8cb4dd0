//! The catalogue and the generator against real databases: SQLite and PostgreSQL.

use crate::support;

use app::domain::{CountryCode, Cursor, DirectoryFilter, ExhibitorId, ProductId};
use app::error::AppError;
use app::ports::Catalogue;
use server::demo::{self, Outcome, scale::TINY};
use sqlx::Row;
use std::ops::ControlFlow;
use support::TestDb;

async fn count(db: &TestDb, sql: &str) -> i64 {
    sqlx::query(sql)
        .fetch_one(&db.db.pool)
        .await
        .unwrap()
        .try_get::<i64, _>(0)
        .unwrap()
}

on_both_engines! { mod catalogue; support::fair_db;

    async fn the_cached_catalogue_answers_repeats_from_memory_until_told(db) {
        use server::catalogue::cache::{CacheLimits, CachedCatalogue};
        let cached = CachedCatalogue::new(std::sync::Arc::new(db.db.clone()), CacheLimits::new(std::time::Duration::from_secs(60)));
        let id = ProductId(5);
        let before = cached.get_product(id).await.unwrap();
        sqlx::query("UPDATE products SET title_en = 'Renamed' WHERE id = 5").execute(&db.db.pool).await.unwrap();
        assert_eq!(cached.get_product(id).await.unwrap(), before, "served from memory");
        cached.forget_product(id).await;
        assert_eq!(cached.get_product(id).await.unwrap().title.en, "Renamed");
        assert!(matches!(cached.get_product(ProductId(999_999)).await, Err(AppError::NotFound)));
        let off = CachedCatalogue::new(std::sync::Arc::new(db.db.clone()), CacheLimits::new(std::time::Duration::ZERO));
        sqlx::query("UPDATE products SET title_en = 'Again' WHERE id = 5").execute(&db.db.pool).await.unwrap();
        assert_eq!(off.get_product(id).await.unwrap().title.en, "Again", "a zero time to live turns the cache off");
    }

    async fn generated_fair_has_the_requested_size(db) {
        let session = db.db.get_current_session().await.unwrap();
        assert_eq!(session.counters.booths, TINY.booths);
        assert_eq!(session.counters.exhibitors, TINY.exhibitors);
        assert_eq!(session.counters.products, TINY.products);
        assert_eq!(session.counters.new_products, TINY.new_products);
        assert_eq!(db.db.list_categories().await.unwrap().len(), 16);
        assert_eq!(db.db.list_sections().await.unwrap().len(), 50);
        let halls = count(&db, "SELECT COUNT(*) FROM halls").await;
        assert_eq!(count(&db, "SELECT COUNT(*) FROM booths WHERE exhibitor_id IS NULL").await, halls, "a free booth in each tiny hall");
    }

    async fn category_section_and_hall_link_up(db) {
        let category = db.db.get_category("lighting").await.unwrap();
        assert_eq!(category.sections.len(), 3);
        let section = db.db.get_section(&category.sections[0].slug).await.unwrap();
        assert_eq!(section.category.slug, "lighting");
        let hall = db.db.get_hall_map(&section.halls[0].slug).await.unwrap();
        assert_eq!(hall.booths.len() as i64, hall.hall.booth_count);
        let taken = hall.booths.iter().filter(|b| b.exhibitor.is_some()).count();
        assert_eq!(taken, hall.booths.len() - 1, "all but the last booth are taken");
        assert!(hall.booths.iter().all(|b| b.rect.x + b.rect.w <= hall.width && b.rect.y + b.rect.h <= hall.depth));
        assert_eq!(db.db.get_category("no-such-category").await, Err(AppError::NotFound));
        assert_eq!(db.db.get_hall_map("no-such-hall").await.unwrap_err(), AppError::NotFound);
    }

    async fn directory_pages_cover_every_exhibitor_once(db) {
        let mut filter = DirectoryFilter::default();
        let mut seen = Vec::new();
        loop {
            let page = db.db.list_exhibitors(&filter, 24).await.unwrap();
            assert!(page.items.len() <= 24);
            seen.extend(page.items.iter().map(|e| e.id.0));
            match page.next_after {
                Some(after) => filter.cursor = Cursor(Some(after)),
                None => break,
            }
        }
        assert_eq!(seen.len() as i64, TINY.exhibitors);
        assert!(seen.windows(2).all(|w| w[0] < w[1]), "ids strictly increase, so none repeats");
    }

    async fn directory_filters_match_the_database(db) {
        let country = CountryCode::parse("CN").unwrap();
        let filter = DirectoryFilter { category: Some("textiles-garments".into()), country: Some(country), ..Default::default() };
        let page = db.db.list_exhibitors(&filter, 1000).await.unwrap();
        let expected = count(&db, "SELECT COUNT(*) FROM exhibitors e JOIN categories c ON c.id = e.category_id \
            WHERE c.slug = 'textiles-garments' AND e.country = 'CN'").await;
        assert!(expected > 0);
        assert_eq!(page.items.len() as i64, expected);
        assert!(page.items.iter().all(|e| e.country == country));
        let unknown = DirectoryFilter { section: Some("no-such-section".into()), ..Default::default() };
        assert!(db.db.list_exhibitors(&unknown, 10).await.unwrap().items.is_empty());
    }

    async fn booth_page_data_is_complete(db) {
        let slug: String = sqlx::query("SELECT slug FROM exhibitors WHERE id = 5").fetch_one(&db.db.pool).await.unwrap().get(0);
        let profile = db.db.get_exhibitor(&slug).await.unwrap();
        assert_eq!(profile.summary.id, ExhibitorId(5));
        assert!(!profile.booths.is_empty());
        assert!(!profile.main_markets.is_empty() && !profile.certifications.is_empty());
        let first = db.db.list_exhibitor_products(profile.summary.id, Cursor(None), 2).await.unwrap();
        let all = db.db.list_exhibitor_products(profile.summary.id, Cursor(None), 1000).await.unwrap();
        assert_eq!(all.items.len() as i64, profile.product_count);
        if profile.product_count > 2 {
            let next = db.db.list_exhibitor_products(profile.summary.id, Cursor(first.next_after), 2).await.unwrap();
            assert_eq!(next.items[0].id, all.items[2].id);
        }
        assert_eq!(db.db.get_exhibitor("nobody").await.unwrap_err(), AppError::NotFound);
    }

    async fn product_page_data_is_complete(db) {
        let product = db.db.get_product(ProductId(17)).await.unwrap();
        assert!(product.specs.len() >= 5);
        assert!(product.price.min_cents <= product.price.max_cents);
        assert!(!product.booths.is_empty());
        assert!(!product.title.en.is_empty() && !product.title.zh.is_empty());
        assert_eq!(db.db.get_product(ProductId(9_999_999)).await.unwrap_err(), AppError::NotFound);
        let new = db.db.list_new_products(12).await.unwrap();
        assert_eq!(new.len(), 12);
        assert!(new.iter().all(|p| p.is_new));
    }
}

on_both_engines! { mod generation; support::empty_db;

    async fn interrupted_generation_resumes_to_the_same_fair(db) {
        let stopped = demo::generate(&db.db, TINY, 7, |done, _| if done == 20 { ControlFlow::Break(()) } else { ControlFlow::Continue(()) })
            .await
            .unwrap();
        assert_eq!(stopped, Outcome::Stopped { halls_done: 20 });
        let halfway = count(&db, "SELECT COUNT(*) FROM booths").await;
        assert!(halfway > 0 && halfway < TINY.booths);
        let resumed = demo::generate(&db.db, TINY, 7, |_, _| ControlFlow::Continue(())).await.unwrap();
        assert_eq!(resumed, Outcome::Generated { halls: 30 });
        assert_eq!(count(&db, "SELECT COUNT(*) FROM products").await, TINY.products);
        assert_eq!(count(&db, "SELECT COUNT(*) FROM exhibitors").await, TINY.exhibitors);
        let again = demo::generate(&db.db, TINY, 7, |_, _| ControlFlow::Continue(())).await.unwrap();
        assert_eq!(again, Outcome::AlreadyThere);

        let straight = support::fair_db(support::Engine::Sqlite).await;
        let title = |db: &TestDb| {
            let pool = db.db.pool.clone();
            async move { sqlx::query("SELECT title_en FROM products WHERE id = 1111").fetch_one(&pool).await.unwrap().get::<String, _>(0) }
        };
        assert_eq!(title(&db).await, title(&straight).await, "deterministic from the seed");
        let wrong_seed = demo::generate(&db.db, TINY, 8, |_, _| ControlFlow::Continue(())).await;
        assert!(wrong_seed.is_err());
    }
}

/// SQLite: what a commit wrote reaches the database file without any commit copying the log
/// back (that stalled the message writer): the checkpoint task does it beside the commits.
#[tokio::test]
async fn sqlite_commits_are_copied_back_by_the_checkpoint_task() {
    let db = support::empty_db(support::Engine::Sqlite).await;
    let pool = &db.db.pool;
    let file: String =
        sqlx::query_scalar("SELECT file FROM pragma_database_list WHERE name = 'main'")
            .fetch_one(pool)
            .await
            .unwrap();
    let size = || std::fs::metadata(&file).unwrap().len();
    sqlx::query("CREATE TABLE filler (body TEXT NOT NULL)")
        .execute(pool)
        .await
        .unwrap();
    // The log starts empty, copied back by hand.
    sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
        .execute(pool)
        .await
        .unwrap();
    let before = size();
    // About 600 pages of 4 KB: under the 1,000 at which SQLite's own default would copy them.
    for _ in 0..6 {
        sqlx::query("INSERT INTO filler (body) VALUES ($1)")
            .bind("x".repeat(400_000))
            .execute(pool)
            .await
            .unwrap();
    }
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
    while size() < before + 2_000_000 && std::time::Instant::now() < deadline {
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert!(
        size() >= before + 2_000_000,
        "the database file holds the rows: {} bytes",
        size()
    );
}

/// SQLite: every connection of the pool syncs commits as configured (full by default, so an
/// acknowledged write survives a power cut; normal when asked).
#[tokio::test]
async fn sqlite_syncs_commits_as_configured() {
    let dir = tempfile::tempdir().unwrap();
    for (synchronous, expected) in [
        (None, 2),
        (Some(server::storage::Synchronous::Normal), 1),
        (Some(server::storage::Synchronous::Full), 2),
    ] {
        let url = format!(
            "sqlite://{}?mode=rwc",
            dir.path()
                .join(format!("{expected}-{synchronous:?}.db"))
                .display()
        );
        let db = match synchronous {
            None => server::storage::Db::connect(&url, 3).await,
            Some(synchronous) => server::storage::Db::connect_with(&url, 3, synchronous).await,
        }
        .unwrap();
        // Three connections at once, so each is a different one of the pool.
        let mut held = Vec::new();
        for _ in 0..3 {
            let mut connection = db.pool.acquire().await.unwrap();
            let got: i64 = sqlx::query_scalar("PRAGMA synchronous")
                .fetch_one(&mut *connection)
                .await
                .unwrap();
            assert_eq!(got, expected, "{synchronous:?}");
            held.push(connection);
        }
    }
}
