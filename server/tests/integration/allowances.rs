//! Per-account limits beside the per-address ones, on both engines: a buyer's daily
//! allowances of new conversations, inquiries and meeting requests (429 `DailyLimit`, nothing
//! stored, opening a conversation one has stays free), and failed sign-ins counted per
//! account however many addresses they come from.

use crate::accounts::{FORM, log_in};
use crate::support::{self, TestApp, http::post_from};
use crate::{deals, meetings};
use server::accounts::allowances::DailyAllowances;
use server::accounts::sign_in_failures::FAILURES_MAX;
use server::demo::accounts::BUYER;

const ONE_EACH: DailyAllowances = DailyAllowances {
    conversations: 1,
    inquiries: 1,
    meeting_requests: 1,
};

async fn spawn_app_allowing_one(engine: support::Engine) -> TestApp {
    support::spawn_app_allowing(engine, ONE_EACH).await
}

async fn rows(app: &TestApp, table: &str) -> i64 {
    sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {table}"))
        .fetch_one(&app.db.db.pool)
        .await
        .unwrap()
}

on_both_engines! { mod daily; spawn_app_allowing_one;

    async fn a_buyer_starts_only_their_daily_allowance(app) {
        let p = meetings::parties(&app).await;
        let me = [("Cookie", p.buyer.as_str())];
        let (a, b) = app.db.db.exhibitor_id_range().await.unwrap();
        let start = |exhibitor: i64| format!("exhibitor={exhibitor}&back=%2F");
        assert_eq!(app.post("/api/start_conversation", &me, &start(a.0)).await.status, 200);
        assert_eq!(app.post("/api/start_conversation", &me, &start(a.0)).await.status, 200, "opening one's own again is free");
        let second = app.post("/api/start_conversation", &me, &start(b.0)).await;
        assert_eq!((second.status, second.text().as_str()), (429, "\"DailyLimit\""));
        assert_eq!(rows(&app, "conversations").await, 1);

        let product = deals::product_of_a(&app).await;
        assert_eq!(app.post("/api/send_inquiry", &me, &deals::inquiry_form(product)).await.status, 200);
        assert_eq!(app.post("/api/send_inquiry", &me, &deals::inquiry_form(product)).await.status, 429);
        let plain = [("Cookie", p.buyer.as_str()), ("Accept", "text/html")];
        let back = app.post("/api/send_inquiry", &plain, &deals::inquiry_form(product)).await;
        assert!(back.header("location").unwrap().contains("errors=%3Adaily_limit"), "{:?}", back.header("location"));
        assert_eq!(rows(&app, "inquiries").await, 1);

        let slots = meetings::slots(&app, &p).await;
        assert_eq!(app.post("/api/book_meeting", &me, &meetings::book(&p, slots[0])).await.status, 200);
        assert_eq!(app.post("/api/book_meeting", &me, &meetings::book(&p, slots[1])).await.status, 429);
        assert_eq!(rows(&app, "meetings").await, 1);

        // Yesterday's no longer count.
        for (table, column) in [("conversations", "started_at"), ("inquiries", "created_at"), ("meetings", "created_at")] {
            sqlx::query(&format!("UPDATE {table} SET {column} = {column} - 86401"))
                .execute(&app.db.db.pool).await.unwrap();
        }
        assert_eq!(app.post("/api/start_conversation", &me, &start(b.0)).await.status, 200);
        assert_eq!(app.post("/api/send_inquiry", &me, &deals::inquiry_form(product)).await.status, 200);
    }
}

on_both_engines! { mod sign_in; support::spawn_app;

    async fn guesses_at_one_account_from_many_addresses_are_stopped(app) {
        assert_eq!(app.post("/api/register", &[], FORM).await.status, 200);
        let guess = |n: u32| {
            let app = &app;
            async move {
                let source = std::net::IpAddr::from([127, 0, 0, 10 + n as u8]);
                let password = if n == FAILURES_MAX { "correct" } else { "guess" };
                post_from(source, app.addr, "/api/log_in", &[],
                    &format!("email=ana.lima%40example.com&password={password}+horse+battery")).await.status
            }
        };
        // Each address stays far below its own limit; the account's count is what stops them.
        for n in 0..FAILURES_MAX {
            assert_eq!(guess(n).await, 401, "guess {n}");
        }
        assert_eq!(guess(FAILURES_MAX).await, 429, "even the right password waits out the window");
        let other = format!("email={}&password={}", BUYER.email.replace('@', "%40"), BUYER.password.replace(' ', "+"));
        assert_eq!(post_from([127, 0, 0, 99].into(), app.addr, "/api/log_in", &[], &other).await.status, 200, "other accounts sign in");
        assert_eq!(log_in(&app, None, "correct+horse+battery").await.status, 429);
    }
}
