//! Hostile values for every query parameter the pages read (and the path parameters beside
//! them): overflowing, negative, fractional, infinite, empty, repeated, 10 KB long, NUL,
//! markup and invalid percent-encoding, for visitors and for the people whose pages read
//! them. No answer is a 5xx; a malformed parameter of a page that documents 400 (search's
//! numbers, the directory's and booths' cursors) gets 400.

use crate::support::hostile::still_serving;
use crate::support::{self, TestApp};
use futures_util::StreamExt;
use server::demo::accounts::{BUYER, EXHIBITOR, ORGANIZER};

/// The hostile values, as they go into a URL.
fn values() -> Vec<String> {
    let mut values: Vec<String> = [
        "99999999999999999999",
        "9223372036854775807",
        "-9223372036854775808",
        "-1",
        "1.5",
        "1e309",
        "NaN",
        "",
        "%00",
        "a%00b",
        "%zz",
        "%",
        "%FF%FE",
        "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
        "..%2F..%2Fetc%2Fpasswd",
        "%E2%80%AE",
        "0x10",
    ]
    .map(str::to_owned)
    .to_vec();
    values.push("9".repeat(10 * 1024));
    values
}

/// Values that are no number at all, or one out of range: where a page documents 400 for a
/// malformed number, each of these gets it.
const NOT_NUMBERS: [&str; 6] = ["99999999999999999999", "-1", "1e309", "NaN", "a%00b", "%zz"];

/// Pages and the query parameters they read, with `{slug}`, `{booth}` and `{id}` filled in
/// by the test; who reads them (0 visitor, 1 buyer, 2 exhibitor owner, 3 organizer).
const PAGES: &[(&str, &[&str], usize)] = &[
    (
        "/search",
        &[
            "q",
            "category",
            "section",
            "country",
            "certification",
            "new",
            "verified",
            "currency",
            "price_min",
            "price_max",
            "moq_min",
            "moq_max",
            "sort",
            "page",
        ],
        0,
    ),
    (
        "/exhibitors",
        &["category", "section", "country", "after"],
        0,
    ),
    ("/halls/{hall}", &["booth"], 0),
    ("/exhibitors/{slug}", &["after"], 0),
    ("/exhibitors/{slug}/meetings", &["errors", "sent"], 1),
    ("/lang/en", &["next"], 0),
    ("/verify-email", &["token"], 0),
    ("/reset-password", &["token", "errors"], 0),
    ("/invitation", &["token", "errors"], 0),
    ("/sign-in", &["email", "reset", "errors"], 0),
    ("/register", &["errors"], 0),
    ("/apply", &["errors"], 0),
    ("/contracts/abc", &["hash"], 0),
    ("/products/{id}/inquiry", &["errors"], 1),
    ("/messages", &["show"], 1),
    ("/messages/{conversation}", &["before", "errors"], 1),
    ("/account/two-factor", &["enabled", "disabled", "errors"], 1),
    ("/exhibitor/booth", &["saved", "errors"], 2),
    ("/exhibitor/team", &["errors"], 2),
    ("/exhibitor/meetings", &["errors"], 2),
    (
        "/exhibitor/products",
        &["after", "saved", "deleted", "ordered"],
        2,
    ),
    ("/exhibitor/products/import", &["report", "errors"], 2),
    ("/exhibitor/products/{id}", &["saved", "errors"], 2),
    (
        "/organizer/applications",
        &["after", "approved", "declined", "errors"],
        3,
    ),
    ("/organizer/exhibitors", &["after"], 3),
    ("/organizer/exhibitors/{slug}", &["errors"], 3),
];

/// Path parameters given hostile values: the paths, with `{}` for the value.
const PATHS: &[&str] = &[
    "/products/{}",
    "/halls/{}",
    "/exhibitors/{}",
    "/categories/{}",
    "/sections/{}",
    "/sitemaps/products-{}.xml",
    "/sitemaps/exhibitors-{}.xml",
    "/sitemaps/{}",
    "/lang/{}",
    "/media/uploads/{}",
    "/media/products/{}/x.svg",
    "/contracts/{}/contract.txt",
    "/meetings/{}",
    "/inquiries/{}",
    "/orders/{}",
    "/messages/{}",
    "/messages/{}/attachments/1",
];

/// Every page with every value of every parameter, and the parameter repeated, as the page's reader.
async fn sweep_pages(app: &TestApp, cookies: &[Option<String>; 4]) -> usize {
    let product: i64 = sqlx::query_scalar("SELECT MIN(id) FROM products")
        .fetch_one(&app.db.db.pool)
        .await
        .unwrap();
    let hall: String = sqlx::query_scalar("SELECT slug FROM halls ORDER BY id LIMIT 1")
        .fetch_one(&app.db.db.pool)
        .await
        .unwrap();
    let slug = app.exhibitor_slug(1).await;
    let conversation =
        crate::messages::buyer_conversation(app, cookies[1].as_deref().unwrap()).await;
    // The index is built at start; until then search answers 503 "not ready yet".
    let started = std::time::Instant::now();
    while app.get("/search?q=lamp").await.status == 503 {
        assert!(
            started.elapsed().as_secs() < 60,
            "the search index is ready within a minute"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    let mut requests = Vec::new();
    for (page, params, reader) in PAGES {
        let page = page
            .replace("{slug}", &slug)
            .replace("{hall}", &hall)
            .replace("{id}", &product.to_string())
            .replace("{conversation}", &conversation.to_string());
        for param in *params {
            for value in values() {
                requests.push((format!("{page}?{param}={value}"), *reader));
            }
            requests.push((format!("{page}?{param}=1&{param}=-1&{param}=abc"), *reader));
        }
    }
    for path in PATHS {
        for value in values() {
            requests.push((path.replace("{}", &value), 1));
        }
    }
    let count = requests.len();
    let gets = requests.into_iter().map(|(url, reader)| async move {
        let headers: Vec<(&str, &str)> = cookies[reader]
            .as_deref()
            .map(|c| ("Cookie", c))
            .into_iter()
            .collect();
        let answer = app.get_with(&url, &headers).await;
        let shown = &url[..url.len().min(200)];
        assert!(
            answer.status < 500,
            "GET {shown}: {} {}",
            answer.status,
            answer.text().chars().take(300).collect::<String>()
        );
    });
    futures_util::stream::iter(gets)
        .buffer_unordered(8)
        .collect::<Vec<()>>()
        .await;
    count
}

on_both_engines! { mod hostile_queries; support::spawn_app;

    async fn hostile_query_and_path_values_never_get_a_5xx(app) {
        let buyer = app.sign_in(BUYER.email, BUYER.password).await;
        let owner = app.sign_in(EXHIBITOR.email, EXHIBITOR.password).await;
        let organizer = app.sign_in(ORGANIZER.email, ORGANIZER.password).await;
        let count = sweep_pages(&app, &[None, Some(buyer), Some(owner), Some(organizer)]).await;
        assert!(count > 1_000, "{count} requests");
        println!("{count} requests");
        still_serving(&app).await;
    }

    async fn malformed_numbers_where_a_page_documents_400_get_400(app) {
        let slug = app.exhibitor_slug(1).await;
        let booth = format!("/exhibitors/{slug}");
        let mut pages: Vec<(&str, &str)> = ["price_min", "price_max", "moq_min", "moq_max", "page"].iter().map(|p| ("/search", *p)).collect();
        pages.push(("/exhibitors", "after"));
        pages.push((&booth, "after"));
        for (page, param) in pages {
            for value in NOT_NUMBERS {
                let answer = app.get(&format!("{page}?{param}={value}")).await;
                assert_eq!(answer.status, 400, "{page}?{param}={value}");
            }
        }
    }
}
