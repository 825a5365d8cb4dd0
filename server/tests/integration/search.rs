//! Product search through the real app on both engines: relevance in English and Chinese,
//! typos and prefixes, facet counts against the database, the index following saves within
//! two seconds, rebuilding after the index folder is lost, and bad input on the page.

use crate::support;
use app::domain::search::{SearchHint, SearchSort};
use app::domain::text::query_value;
use app::domain::{CountryCode, SearchQuery, SearchResults};
use app::ports::Search;
use server::demo::accounts::EXHIBITOR;
use server::search::sync::Indexer;
use server::search::{ProductSearch, SearchIndex};
use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};
use support::TestApp;

/// A published product of exhibitor 1 with these texts (`+` for spaces, as in a form).
fn product(title_en: &str, title_zh: &str, description_en: &str, price: &str) -> String {
    format!(
        "exhibitor=1&form[title_en]={title_en}&form[title_zh]={title_zh}\
         &form[description_en]={description_en}&form[specs]=Material%3A+steel\
         &form[price_min]={price}&form[price_max]={price}&form[currency]=USD&form[moq]=100\
         &form[unit_en]=pieces&form[lead_time_days]=20&form[hs_code]=9405.40&form[published]=on"
    )
}

async fn save(app: &TestApp, cookie: &str, form: &str) -> i64 {
    let response = app
        .post("/api/save_product", &[("Cookie", cookie)], form)
        .await;
    assert_eq!(response.status, 200, "{}", response.text());
    serde_json::from_slice::<serde_json::Value>(&response.body)
        .expect("json")
        .as_i64()
        .expect("an id")
}

fn words(text: &str) -> SearchQuery {
    SearchQuery {
        text: text.into(),
        page: 1,
        ..SearchQuery::default()
    }
}

async fn search(app: &TestApp, query: &SearchQuery) -> SearchResults {
    wait_for(&*app.search, query).await
}

/// The ids of the first page of results for `text`.
async fn ids(app: &TestApp, text: &str) -> Vec<i64> {
    search(app, &words(text))
        .await
        .hits
        .iter()
        .map(|hit| hit.id.0)
        .collect()
}

/// Waits until `found` holds for the results of `text`; how long that took.
async fn until(app: &TestApp, text: &str, found: impl Fn(&[i64]) -> bool) -> Duration {
    let started = Instant::now();
    loop {
        if found(&ids(app, text).await) {
            return started.elapsed();
        }
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "{text:?} never gave the expected results"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

async fn rows(app: &TestApp, sql: &str) -> HashMap<String, u64> {
    let rows: Vec<(String, i64)> = sqlx::query_as(sql)
        .fetch_all(&app.db.db.pool)
        .await
        .expect("counts");
    rows.into_iter().map(|(k, n)| (k, n as u64)).collect()
}

fn counted(facets: &[app::domain::search::FacetCount]) -> HashMap<String, u64> {
    facets.iter().map(|f| (f.value.clone(), f.count)).collect()
}

on_both_engines! { mod search; support::spawn_app;

    async fn known_products_come_first_in_both_languages(app) {
        let owner = app.sign_in(EXHIBITOR.email, EXHIBITOR.password).await;
        let in_title = save(&app, &owner, &product("Zephyrite+lantern+with+solar+panel", "锆石太阳能灯笼", "Weatherproof+garden+light", "4.00")).await;
        let in_description = save(&app, &owner, &product("Garden+torch+T2", "花园火炬", "A+lantern+body+of+zephyrite+glass", "3.00")).await;
        let cup = save(&app, &owner, &product("Thermos+teapot+Q9", "珐琅保温茶壶", "Keeps+tea+hot", "2.50")).await;
        let cup_in_text = save(&app, &owner, &product("Tea+tray+Q9", "木质茶盘", "配珐琅茶壶使用", "9.00")).await;
        until(&app, "zephyrite", |found| found.contains(&in_title) && found.contains(&in_description)).await;
        until(&app, "q9", |found| found.contains(&cup) && found.contains(&cup_in_text)).await;

        assert_eq!(ids(&app, "zephyrite lantern").await[..2], [in_title, in_description], "title above description");
        assert_eq!(ids(&app, "Zephyrite Lanterns").await[..2], [in_title, in_description], "case and plural");
        assert_eq!(ids(&app, "zepherite").await[..2], [in_title, in_description], "one typo in a long word");
        assert_eq!(ids(&app, "zephyrite  ,,, !!").await[..2], [in_title, in_description], "punctuation is ignored");
        assert!(ids(&app, "zephy").await.is_empty(), "no prefix match on the search page");
        assert_eq!(ids(&app, "珐琅茶壶").await, [cup, cup_in_text], "Chinese title above Chinese description");
        assert_eq!(ids(&app, "保温茶壶").await, [cup]);
        assert_eq!(ids(&app, "锆石 灯笼").await, [in_title]);
        assert_eq!(ids(&app, "thermos 珐琅").await, [cup], "mixed languages");
        assert!(ids(&app, "不锈钢水杯").await.len() > 1, "the demo fair's own bottles");

        let suggested = app.search.suggest("zephy", "en", 8).await.expect("suggestions");
        assert_eq!(suggested[0], "Zephyrite lantern with solar panel", "{suggested:?}");
        let suggested = app.search.suggest("珐琅", "zh", 8).await.expect("suggestions");
        assert_eq!(suggested, ["珐琅保温茶壶", "木质茶盘"]);

        let by_price = |sort| SearchQuery { sort, ..words("Q9") };
        let cheap: Vec<i64> = search(&app, &by_price(SearchSort::PriceLow)).await.hits.iter().map(|h| h.id.0).collect();
        assert_eq!(cheap, [cup, cup_in_text]);
        let dear: Vec<i64> = search(&app, &by_price(SearchSort::PriceHigh)).await.hits.iter().map(|h| h.id.0).collect();
        assert_eq!(dear, [cup_in_text, cup]);
        let newest: Vec<i64> = search(&app, &by_price(SearchSort::Newest)).await.hits.iter().map(|h| h.id.0).collect();
        assert_eq!(newest, [cup_in_text, cup]);
        let under_five = SearchQuery { price_max: Some(500), ..words("Q9") };
        assert_eq!(search(&app, &under_five).await.hits.iter().map(|h| h.id.0).collect::<Vec<_>>(), [cup]);
        let in_euros = SearchQuery { price_max: Some(500), currency: Some(app::domain::Currency::Eur), ..words("Q9") };
        assert_eq!(search(&app, &in_euros).await.total, 0, "a price filter keeps to its currency");
    }

    async fn facet_counts_equal_the_database(app) {
        // Every product of the tiny fair is indexed once the first build is committed.
        let all = SearchQuery { new_only: true, page: 1, ..SearchQuery::default() };
        let results = search(&app, &all).await;
        let base = "FROM products p JOIN exhibitors e ON e.id = p.exhibitor_id WHERE p.published = 1 AND p.is_new = 1";
        let total: i64 = sqlx::query_scalar(&format!("SELECT COUNT(*) {base}")).fetch_one(&app.db.db.pool).await.unwrap();
        assert!(total > 0);
        assert_eq!(results.total, total as u64);
        assert_eq!(results.facets.new_products, total as u64);
        let by = |column: &str, join: &str| format!("SELECT {column}, COUNT(*) {} GROUP BY {column}", base.replacen("WHERE", &format!("{join} WHERE"), 1));
        assert_eq!(counted(&results.facets.categories), rows(&app, &by("c.slug", "JOIN categories c ON c.id = p.category_id")).await);
        assert_eq!(counted(&results.facets.sections), rows(&app, &by("s.slug", "JOIN sections s ON s.id = p.section_id")).await);
        assert_eq!(counted(&results.facets.countries), rows(&app, &by("e.country", "")).await);
        let verified: i64 = sqlx::query_scalar(&format!("SELECT COUNT(*) {base} AND e.verified = 1")).fetch_one(&app.db.db.pool).await.unwrap();
        assert_eq!(results.facets.verified_exhibitors, verified as u64);

        // Filters combine, and the counts follow them.
        let country = results.facets.countries.iter().find(|c| c.value != "CN").expect("a country besides China");
        let narrowed = SearchQuery { country: CountryCode::parse(&country.value), verified_only: true, ..all.clone() };
        let expected: i64 = sqlx::query_scalar(&format!("SELECT COUNT(*) {base} AND e.verified = 1 AND e.country = $1"))
            .bind(&country.value).fetch_one(&app.db.db.pool).await.unwrap();
        let narrowed = search(&app, &narrowed).await;
        assert_eq!(narrowed.total, expected as u64);
        assert!(narrowed.facets.countries.iter().all(|c| c.value == country.value));

        // Certifications are a list per exhibitor; each product counts once under each.
        let certified: Vec<(String,)> = sqlx::query_as(&format!("SELECT e.certifications {base}")).fetch_all(&app.db.db.pool).await.unwrap();
        let mut expected = HashMap::new();
        for (list,) in certified {
            for name in list.split('|').map(str::trim).filter(|n| !n.is_empty()) {
                *expected.entry(name.to_owned()).or_insert(0u64) += 1;
            }
        }
        assert_eq!(counted(&results.facets.certifications), expected);
        let first = results.facets.certifications[0].clone();
        let by_certificate = SearchQuery { certification: Some(first.value.clone()), ..all.clone() };
        assert_eq!(search(&app, &by_certificate).await.total, first.count);
    }

    async fn search_follows_saves_within_two_seconds(app) {
        search(&app, &words("kettle")).await; // the first build is done
        let owner = app.sign_in(EXHIBITOR.email, EXHIBITOR.password).await;
        let form = product("Quokkaware+kettle", "", "Boils+fast", "7.00");
        let id = save(&app, &owner, &form).await;
        let created = until(&app, "quokkaware", |found| found == [id]).await;

        save(&app, &owner, &format!("{}&id={id}", form.replace("Quokkaware+kettle", "Wombatware+kettle"))).await;
        let renamed = until(&app, "wombatware", |found| found == [id]).await;
        assert!(ids(&app, "quokkaware").await.is_empty(), "the old title is gone");

        save(&app, &owner, &format!("{}&id={id}", form.replace("Quokkaware+kettle", "Wombatware+kettle").replace("&form[published]=on", ""))).await;
        let unpublished = until(&app, "wombatware", <[i64]>::is_empty).await;

        save(&app, &owner, &format!("{}&id={id}", form.replace("Quokkaware+kettle", "Wombatware+kettle"))).await;
        until(&app, "wombatware", |found| found == [id]).await;
        let deleted = app.post("/api/delete_product", &[("Cookie", &owner)], &format!("id={id}")).await;
        assert_eq!(deleted.status, 200, "{}", deleted.text());
        let gone = until(&app, "wombatware", <[i64]>::is_empty).await;

        // An exhibitor renamed in the database: its products are found by the new name.
        sqlx::query("UPDATE exhibitors SET name_en = 'Platypus Lighting Works' WHERE id = 1").execute(&app.db.db.pool).await.unwrap();
        let renamed_exhibitor = until(&app, "platypus", |found| !found.is_empty()).await;
        let by_name = search(&app, &words("platypus works")).await;
        assert_eq!(by_name.exhibitors.iter().map(|e| e.id.0).collect::<Vec<_>>(), [1], "the exhibitor itself is found");
        assert_eq!(by_name.exhibitors[0].name.en, "Platypus Lighting Works");
        let new_only = SearchQuery { new_only: true, ..words("platypus works") };
        assert!(search(&app, &new_only).await.exhibitors.is_empty(), "a filter only products have leaves exhibitors out");
        for took in [created, renamed, unpublished, gone, renamed_exhibitor] {
            assert!(took < Duration::from_secs(2), "search followed a save after {took:?}");
        }
    }

    async fn words_with_letters_beyond_ascii_are_found_whole(app) {
        search(&app, &words("kettle")).await; // the first build is done
        let owner = app.sign_in(EXHIBITOR.email, EXHIBITOR.password).await;
        // "Crème cérulique lamp", "Высокий торшер" (a tall floor lamp), "فانوس" (a lantern):
        // words the demo's texts in those languages do not have.
        let form = product(
            "Cr%C3%A8me+c%C3%A9rulique+lamp",
            "",
            "%D0%92%D1%8B%D1%81%D0%BE%D0%BA%D0%B8%D0%B9+%D1%82%D0%BE%D1%80%D1%88%D0%B5%D1%80+%D9%81%D8%A7%D9%86%D9%88%D8%B3",
            "9.00",
        );
        let id = save(&app, &owner, &form).await;
        until(&app, "cérulique", |found| found == [id]).await;
        for text in ["crème", "CÉRULIQUE", "торшер", "Высокий", "فانوس"] {
            assert_eq!(ids(&app, text).await, [id], "{text}");
        }
        assert!(ids(&app, "é").await.is_empty());
        assert!(ids(&app, "а").await.is_empty(), "the Cyrillic a");
    }

    async fn products_are_found_and_shown_in_each_language_they_are_written_in(app) {
        search(&app, &words("kettle")).await; // the first build is done
        let owner = app.sign_in(EXHIBITOR.email, EXHIBITOR.password).await;
        let mut form = product("Kestrel+desk+lamp+K7", "红隼台灯", "Warm+light", "7.00");
        for (field, text) in [
            ("title_fr", "Lampes de bureau Crécerelle K7"),
            ("description_fr", "Lumière chaude réglable"),
            ("title_es", "Lámpara de escritorio Cernícalo"),
            ("title_ru", "Настольная лампа Пустельга"),
            ("description_ru", "Светодиодные лампы для офиса"),
            ("title_ar", "مصباح مكتب العوسق"),
        ] {
            form.push_str(&format!("&form[{field}]={}", query_value(text)));
        }
        let id = save(&app, &owner, &form).await;
        until(&app, "k7", |found| found == [id]).await;
        // Each language's own forms of its words (plurals, cases, the Arabic article and
        // vowel marks), and English as before.
        for text in [
            "crécerelles", "lampe crécerelle", "lumières réglables", "cernícalos", "пустельги",
            "светодиодная пустельга", "عوسق", "العَوْسَق", "kestrel lamps",
        ] {
            assert_eq!(ids(&app, text).await, [id], "{text}");
        }
        // The card carries each title; a page shows the reader's language, else English,
        // marking the English with its own language.
        let card = &search(&app, &words("k7")).await.hits[0];
        assert_eq!(card.title.fr, "Lampes de bureau Crécerelle K7");
        assert_eq!(card.title.ar, "مصباح مكتب العوسق");
        let page = |lang: &'static str| {
            let app = &app;
            async move { app.get(&format!("/products/{id}?lang={lang}")).await.text() }
        };
        let french = page("fr").await;
        assert!(french.contains("<h1><span>Lampes de bureau Crécerelle K7</span>"), "{french}");
        assert!(french.contains(r#"<p class="description">Lumière chaude réglable</p>"#), "{french}");
        let spanish = page("es").await;
        assert!(spanish.contains("<h1><span>Lámpara de escritorio Cernícalo</span>"), "{spanish}");
        assert!(spanish.contains(r#"<p lang="en" dir="ltr" class="description">Warm light</p>"#), "{spanish}");
        let chinese = page("zh").await;
        assert!(chinese.contains("<h1><span>红隼台灯</span>"), "{chinese}");
    }

    async fn a_booth_is_found_and_shown_in_each_language_its_team_wrote(app) {
        search(&app, &words("kettle")).await; // the first build is done
        let owner = app.sign_in(EXHIBITOR.email, EXHIBITOR.password).await;
        let mut form = "exhibitor=1&form[description_en]=%3Cp%3EWarm+lanterns%3C%2Fp%3E&form[description_zh]=\
            &form[year_founded]=1998&form[staff_size]=120&form[main_markets]=Europe&form[certifications]=CE\
            &form[contact_email]=&form[contact_phone]=&form[website]="
            .to_owned();
        for (field, text) in [
            ("description_fr", "<p>Lanternes <strong>solaires</strong> pliables</p><script>alert(1)</script>"),
            ("description_ar", "<p>فوانيس شمسية قابلة للطي</p>"),
            ("description_ru", "<p>Складные солнечные фонари</p>"),
        ] {
            form.push_str(&format!("&form[{field}]={}", query_value(text)));
        }
        let too_long = format!("{form}&form[description_es]={}", "x".repeat(20_001));
        let refused = app.post("/api/save_profile", &[("Cookie", &owner)], &too_long).await;
        assert_eq!(refused.status, 400);
        assert!(refused.text().contains("description_es"), "{}", refused.text());
        let saved = app.post("/api/save_profile", &[("Cookie", &owner)], &form).await;
        assert_eq!(saved.status, 200, "{}", saved.text());

        // Found by each language's own forms of its words, the exhibitor itself.
        for text in ["lanterne pliable", "солнечный фонарь", "الشمسية"] {
            let query = words(text);
            let started = Instant::now();
            while search(&app, &query).await.exhibitors.iter().all(|e| e.id.0 != 1) {
                assert!(started.elapsed() < Duration::from_secs(10), "{text:?} never found the booth");
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
        }
        // The page shows the reader's language, else English marked as English; the HTML
        // sanitised in every language.
        let slug = app.exhibitor_slug(1).await;
        let page = |lang: &'static str| {
            let (app, slug) = (&app, &slug);
            async move { app.get(&format!("/exhibitors/{slug}?lang={lang}")).await.text() }
        };
        let french = page("fr").await;
        assert!(french.contains(r#"<div class="description"><p>Lanternes <strong>solaires</strong> pliables</p></div>"#), "{french}");
        assert!(!french.contains("alert(1)"));
        assert!(page("ar").await.contains(r#"<div class="description"><p>فوانيس شمسية قابلة للطي</p></div>"#));
        let spanish = page("es").await;
        assert!(spanish.contains(r#"<div lang="en" dir="ltr" class="description"><p>Warm lanterns</p></div>"#), "{spanish}");
        assert!(spanish.contains(r#"<meta name="description" content="Warm lanterns""#), "{spanish}");

        // The editor gives each text back in its field, marked with its language; the log
        // names each language's field.
        let editor = app.get_with("/exhibitor/booth", &[("Cookie", &owner)]).await.text();
        assert!(editor.contains(r#"lang="ar" dir="rtl""#) && editor.contains("فوانيس شمسية"), "{editor}");
        let log = app.db.db.audit_log(app::domain::ExhibitorId(1), 10).await.unwrap();
        let fields: Vec<&str> = log[0].changes.iter().map(|(field, _, _)| field.as_str()).collect();
        for field in ["description_en", "description_ar", "description_fr", "description_ru"] {
            assert!(fields.contains(&field), "{fields:?}");
        }
        assert!(!fields.contains(&"description_es"), "nothing written, nothing changed");
    }

    async fn a_lost_or_broken_index_is_rebuilt_from_the_database(app) {
        let dir = tempfile::tempdir().unwrap();
        let index_dir = dir.path().join("search");
        let port = |index: SearchIndex| ProductSearch { index, catalogue: Arc::new(app.db.db.clone()) };
        let search = port(server::search::sync::spawn(app.db.db.clone(), &index_dir).unwrap());
        let kettles = wait_for(&search, &words("kettle")).await;
        assert!(kettles.total > 0);

        // Another folder, as after a restart with the index deleted: built again, the same.
        let elsewhere = dir.path().join("search-again");
        let rebuilt = port(server::search::sync::spawn(app.db.db.clone(), &elsewhere).unwrap());
        assert_eq!(wait_for(&rebuilt, &words("kettle")).await.total, kettles.total);

        // A folder whose files are garbage is replaced by a new index.
        let broken = dir.path().join("broken");
        std::fs::create_dir_all(&broken).unwrap();
        std::fs::write(broken.join("meta.json"), b"{ not json").unwrap();
        let repaired = port(server::search::sync::spawn(app.db.db.clone(), &broken).unwrap());
        assert_eq!(wait_for(&repaired, &words("kettle")).await.total, kettles.total);
    }

    async fn an_index_ahead_of_its_database_is_rebuilt(app) {
        let dir = tempfile::tempdir().unwrap();
        let index_dir = dir.path().join("search");
        let pool = &app.db.db.pool;
        sqlx::query("UPDATE products SET title_en = 'Numbat ' || title_en WHERE id <= 50").execute(pool).await.unwrap();
        {
            let mut indexer = Indexer::new(app.db.db.clone(), SearchIndex::open(&index_dir).unwrap()).unwrap();
            indexer.rebuild(|_, _| {}).await.unwrap();
        }
        // The database goes back to a state older than the index (as a restored backup would):
        // the titles lose their word and the feed has no record of it.
        sqlx::query("UPDATE products SET title_en = substr(title_en, 8) WHERE id <= 50").execute(pool).await.unwrap();
        sqlx::query("DELETE FROM search_changes").execute(pool).await.unwrap();
        let search = ProductSearch { index: server::search::sync::spawn(app.db.db.clone(), &index_dir).unwrap(), catalogue: Arc::new(app.db.db.clone()) };
        let started = Instant::now();
        while wait_for(&search, &words("numbat")).await.total > 0 {
            assert!(started.elapsed() < Duration::from_secs(30), "the stale index was kept");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        assert!(wait_for(&search, &words("kettle")).await.total > 0);
    }

    async fn the_page_answers_bad_input_without_failing(app) {
        search(&app, &words("kettle")).await; // the first build is done
        let page = app.get("/search?q=lantern").await;
        assert_eq!(page.status, 200);
        assert!(page.headers.iter().any(|(k, v)| k.eq_ignore_ascii_case("cache-control") && v.contains("no-store")), "results are never cached");
        // In one language, its address and the others' keep the search's own query first.
        let arabic = app.get("/search?q=lantern&lang=ar").await.text();
        assert!(arabic.contains("dir=\"rtl\""));
        let spanish = format!("<link href=\"http://{}/search?q=lantern&amp;lang=es\" hreflang=\"es\"", app.addr);
        assert!(arabic.contains(&spanish), "{spanish}");
        for (query, hint) in [
            ("/search", "Type what you are looking for"),
            ("/search?q=%21%21%21+%3F%3F%3F", "had no words in it"),
            ("/search?q=%22lantern+AND+%28title%3A*", "No products match"),
            ("/search?q=lantern&category=no-such-category", "does not have"),
        ] {
            let page = app.get(query).await;
            assert_eq!(page.status, 200, "{query}");
            assert!(page.text().contains(hint), "{query}: {hint}");
        }
        let long = format!("/search?q={}", "lantern+".repeat(2_000));
        assert_eq!(app.get(&long).await.status, 200, "a long query is cut, not refused");
        let many = format!("/search?q={}", "kettle+".repeat(20));
        let page = app.get(&many).await;
        assert_eq!(page.status, 200);
        assert!(page.text().contains("Only the first 12 words were searched for"), "{}", page.text());
        let results = search(&app, &words(&"kettle ".repeat(20))).await;
        assert!(results.total > 0, "the words kept still find");
        assert_eq!(results.hint, Some(SearchHint::WordsDropped));
        assert_eq!(search(&app, &words(&"kettle ".repeat(12))).await.hint, None, "twelve words are all searched");
        for query in ["/search?q=x&price_min=abc", "/search?q=x&page=999", "/search?q=x&country=ZZ", "/search?q=x&sort=sideways", "/search?q=x&moq_max=-1"] {
            let page = app.get(query).await;
            assert_eq!(page.status, 400, "{query}");
        }
    }
}

/// The results of `query` once `search` has finished its first build.
async fn wait_for(search: &dyn Search, query: &SearchQuery) -> SearchResults {
    let started = Instant::now();
    loop {
        match search.search_products(query).await {
            Ok(results) => return results,
            Err(app::error::AppError::Unavailable(_))
                if started.elapsed() < Duration::from_secs(30) =>
            {
                tokio::time::sleep(Duration::from_millis(50)).await
            }
            Err(other) => panic!("{other:?}"),
        }
    }
}
