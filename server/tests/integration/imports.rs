//! Bulk product import through the real app on both engines: an XLSX file of 1,000 products
//! with some bad rows, the same file again (updates by SKU, nothing duplicated), a CSV file,
//! files refused as a whole, and who may import.

use crate::support;
use server::demo::accounts::{BUYER, EXHIBITOR, OTHER_EXHIBITOR};
use support::TestApp;
use support::http::{Part, Response, post_multipart};

const HEADER: [&str; 9] = [
    "sku",
    "title_en",
    "price_min",
    "price_max",
    "currency",
    "moq",
    "unit_en",
    "lead_time_days",
    "published",
];

/// An XLSX workbook of `rows` products priced `price`, with two bad rows at the end.
fn workbook(rows: u32, price: f64) -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (column, name) in HEADER.iter().enumerate() {
        sheet.write_string(0, column as u16, *name).unwrap();
    }
    for n in 1..=rows {
        sheet.write_string(n, 0, format!("P-{n:05}")).unwrap();
        sheet
            .write_string(n, 1, format!("Imported lamp {n}"))
            .unwrap();
        sheet.write_number(n, 2, price).unwrap();
        sheet.write_number(n, 3, price + 1.0).unwrap();
        sheet.write_string(n, 4, "USD").unwrap();
        sheet.write_number(n, 5, 100.0).unwrap();
        sheet.write_string(n, 6, "pieces").unwrap();
        sheet.write_number(n, 7, 15.0).unwrap();
        sheet.write_string(n, 8, "yes").unwrap();
    }
    sheet.write_string(rows + 1, 0, "BAD-1").unwrap();
    sheet.write_string(rows + 1, 2, "cheap").unwrap();
    sheet.write_string(rows + 2, 0, "P-00001").unwrap();
    sheet.write_string(rows + 2, 1, "Twin").unwrap();
    for (column, value) in [(2, "1"), (4, "USD"), (5, "1"), (6, "pieces"), (7, "1")] {
        sheet.write_string(rows + 2, column, value).unwrap();
    }
    book.save_to_buffer().unwrap()
}

pub async fn import(
    app: &TestApp,
    headers: &[(&str, &str)],
    exhibitor: i64,
    name: &str,
    bytes: &[u8],
) -> Response {
    let exhibitor = exhibitor.to_string();
    let parts = [
        Part {
            name: "exhibitor",
            file_name: None,
            content_type: "text/plain",
            content: exhibitor.as_bytes(),
        },
        Part {
            name: "file",
            file_name: Some(name),
            content_type: "application/octet-stream",
            content: bytes,
        },
    ];
    post_multipart(app.addr, "/exhibitor/products/import", headers, &parts).await
}

fn report(response: &Response) -> serde_json::Value {
    assert_eq!(response.status, 200, "{}", response.text());
    serde_json::from_slice(&response.body).unwrap()
}

pub async fn products_of(app: &TestApp, exhibitor: i64) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM products WHERE exhibitor_id = $1")
        .bind(exhibitor)
        .fetch_one(&app.db.db.pool)
        .await
        .unwrap()
}

on_both_engines! { mod imports; support::spawn_app;

    async fn a_thousand_products_from_xlsx_then_updated_by_sku(app) {
        let owner = app.sign_in(EXHIBITOR.email, EXHIBITOR.password).await;
        let cookie = [("Cookie", owner.as_str())];
        let before = products_of(&app, 1).await;
        let listed_before: i64 = sqlx::query_scalar("SELECT product_count FROM exhibitors WHERE id = 1").fetch_one(&app.db.db.pool).await.unwrap();

        let first = report(&import(&app, &cookie, 1, "lamps.xlsx", &workbook(1000, 2.5)).await);
        assert_eq!((first["created"].as_i64(), first["updated"].as_i64(), first["skipped"].as_i64()), (Some(1000), Some(0), Some(2)));
        let errors: Vec<String> = first["errors"].as_array().unwrap().iter()
            .map(|e| format!("{}:{}:{}", e["row"], e["field"].as_str().unwrap(), e["code"].as_str().unwrap())).collect();
        assert_eq!(errors, ["1002:title_en:required", "1002:unit_en:required", "1002:price_min:price_invalid",
            "1002:currency:currency_unknown", "1002:moq:number_invalid", "1002:lead_time_days:number_invalid",
            "1003:sku:sku_repeated"]);
        assert_eq!(products_of(&app, 1).await, before + 1000);
        let listed: i64 = sqlx::query_scalar("SELECT product_count FROM exhibitors WHERE id = 1").fetch_one(&app.db.db.pool).await.unwrap();
        assert_eq!(listed, listed_before + 1000, "the booth counts the published imports");
        let id: i64 = sqlx::query_scalar("SELECT id FROM products WHERE exhibitor_id = 1 AND sku = 'P-00500'").fetch_one(&app.db.db.pool).await.unwrap();
        let page = app.get(&format!("/products/{id}")).await;
        assert!(page.text().contains("Imported lamp 500") && page.text().contains("US$ 2.50–3.50"));

        let again = report(&import(&app, &cookie, 1, "lamps.xlsx", &workbook(1000, 3.0)).await);
        assert_eq!((again["created"].as_i64(), again["updated"].as_i64()), (Some(0), Some(1000)));
        assert_eq!(products_of(&app, 1).await, before + 1000, "updated, not duplicated");
        assert!(app.get(&format!("/products/{id}")).await.text().contains("US$ 3.00–4.00"), "buyers see the new price");

        // The report page, as the plain form gets there.
        let plain = [("Cookie", owner.as_str()), ("Accept", "text/html")];
        let csv = b"title_en,price_min,currency,moq,unit_en,lead_time_days\nCSV lamp,1.5,EUR,10,sets,3\n";
        let sent = import(&app, &plain, 1, "one.csv", csv).await;
        assert_eq!(sent.status, 303);
        let location = sent.header("location").unwrap().to_owned();
        assert!(location.starts_with("/exhibitor/products/import?report="), "{location}");
        let page = app.get_with(&location, &[("Cookie", &owner)]).await;
        assert_eq!(page.status, 200);
        assert!(page.text().contains("one.csv") && page.text().contains(" products added, <!>0<!> updated"), "{}", page.text());
        let other = app.sign_in(OTHER_EXHIBITOR.email, OTHER_EXHIBITOR.password).await;
        assert_eq!(app.get_with(&location, &[("Cookie", &other)]).await.status, 404, "another team's report");
    }

    async fn an_update_keeps_the_languages_its_file_has_no_column_for(app) {
        let owner = app.sign_in(EXHIBITOR.email, EXHIBITOR.password).await;
        let cookie = [("Cookie", owner.as_str())];
        let translated = "sku,title_en,price_min,currency,moq,unit_en,lead_time_days,title_fr,description_fr,title_ru\n\
            T-1,Desk lamp,2,USD,10,pieces,5,Lampe de bureau,Lumière chaude,Настольная лампа\n";
        report(&import(&app, &cookie, 1, "translated.csv", translated.as_bytes()).await);
        let stored = || async {
            sqlx::query_scalar::<_, Option<String>>("SELECT translations FROM products WHERE exhibitor_id = 1 AND sku = 'T-1'")
                .fetch_one(&app.db.db.pool).await.unwrap().unwrap_or_default()
        };
        let first = stored().await;
        assert!(first.contains("Lampe de bureau") && first.contains("Настольная лампа"), "{first}");

        // An older spreadsheet without those columns changes the price and keeps the texts.
        let older = "sku,title_en,price_min,currency,moq,unit_en,lead_time_days\nT-1,Desk lamp,3,USD,10,pieces,5\n";
        report(&import(&app, &cookie, 1, "older.csv", older.as_bytes()).await);
        assert_eq!(stored().await, first);
        // A file with a Russian column empties the Russian title, and only that.
        let russian = "sku,title_en,price_min,currency,moq,unit_en,lead_time_days,title_ru\nT-1,Desk lamp,3,USD,10,pieces,5,\n";
        report(&import(&app, &cookie, 1, "russian.csv", russian.as_bytes()).await);
        let after = stored().await;
        assert!(after.contains("Lampe de bureau") && !after.contains("Настольная"), "{after}");
        // A file with the French title alone changes it and keeps the French description.
        let french = "sku,title_en,price_min,currency,moq,unit_en,lead_time_days,title_fr\nT-1,Desk lamp,3,USD,10,pieces,5,Lampe de chevet\n";
        report(&import(&app, &cookie, 1, "french.csv", french.as_bytes()).await);
        let last = stored().await;
        assert!(last.contains("Lampe de chevet") && last.contains("Lumière chaude"), "{last}");
    }

    async fn wrong_files_and_wrong_people_change_nothing(app) {
        let owner = app.sign_in(EXHIBITOR.email, EXHIBITOR.password).await;
        let buyer = app.sign_in(BUYER.email, BUYER.password).await;
        let other = app.sign_in(OTHER_EXHIBITOR.email, OTHER_EXHIBITOR.password).await;
        let cookie = [("Cookie", owner.as_str())];
        let before = products_of(&app, 1).await;
        let good = b"title_en,price_min,currency,moq,unit_en,lead_time_days\nLamp,1,USD,1,pieces,1\n";

        let missing = import(&app, &cookie, 1, "a.csv", b"title_en,price_min,moq,unit_en,lead_time_days\nLamp,1,1,pieces,1\n").await;
        assert_eq!(missing.status, 400);
        assert!(missing.text().contains("column_missing:currency"), "{}", missing.text());
        let png = import(&app, &cookie, 1, "a.xlsx", &[0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0xff]).await;
        assert_eq!(png.status, 400);
        assert!(png.text().contains("import_not_a_table"));
        let broken = import(&app, &cookie, 1, "a.xlsx", b"PK\x03\x04 not really a workbook").await;
        assert!(broken.status == 400 && broken.text().contains("import_unreadable"));
        let mut many = String::from("title_en,price_min,currency,moq,unit_en,lead_time_days\n");
        many.push_str(&"Lamp,1,USD,1,pieces,1\n".repeat(10_001));
        let too_many = import(&app, &cookie, 1, "many.csv", many.as_bytes()).await;
        assert!(too_many.status == 400 && too_many.text().contains("import_too_many_rows"));

        assert_eq!(import(&app, &[], 1, "a.csv", good).await.status, 401);
        assert_eq!(import(&app, &[("Cookie", &buyer)], 1, "a.csv", good).await.status, 403);
        assert_eq!(import(&app, &[("Cookie", &other)], 1, "a.csv", good).await.status, 403);
        assert_eq!(products_of(&app, 1).await, before, "nothing imported");
    }
}
