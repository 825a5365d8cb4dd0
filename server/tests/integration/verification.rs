//! A buyer who has not verified their address, on both engines: they browse the fair and set
//! their own things, but writing to an exhibitor (a conversation, an inquiry, a meeting
//! request) is refused with 403 `Unverified` and stores nothing; the pages say why and mail
//! the link again, at most once a minute, ending the earlier link; once verified, they write.

use crate::accounts::{FORM, link_in_mail, link_to, log_in};
use crate::support::{self, TestApp};
use crate::{deals, meetings};
use server::demo::accounts::EXHIBITOR;

const ANA: &str = "ana.lima@example.com";

async fn count(app: &TestApp, table: &str, column: &str) -> i64 {
    let sql = format!(
        "SELECT COUNT(*) FROM {table} t JOIN users u ON u.id = t.{column} WHERE u.email = $1"
    );
    sqlx::query_scalar(&sql)
        .bind(ANA)
        .fetch_one(&app.db.db.pool)
        .await
        .unwrap()
}

on_both_engines! { mod verification; support::spawn_app;

    async fn an_unverified_buyer_browses_but_writes_only_after_verifying(app) {
        assert_eq!(app.post("/api/register", &[], FORM).await.status, 200);
        let first_link = link_in_mail(&app, ANA).await;
        let buyer = support::session_cookie(&log_in(&app, None, "correct+horse+battery").await);
        let exhibitor = app.sign_in(EXHIBITOR.email, EXHIBITOR.password).await;
        // Setting one's own time zone is not writing to anyone: allowed.
        let parties = meetings::parties_of(&app, buyer.clone(), exhibitor).await;
        let slot: i64 = sqlx::query_scalar("SELECT MIN(id) FROM meeting_slots")
            .fetch_one(&app.db.db.pool).await.unwrap();
        let product = deals::product_of_a(&app).await;
        let (a, _) = app.db.db.exhibitor_id_range().await.unwrap();
        let me = [("Cookie", buyer.as_str())];

        let writes = [
            ("/api/start_conversation", format!("exhibitor={}&back=%2F", a.0)),
            ("/api/get_inquiry_draft", format!("product={product}")),
            ("/api/send_inquiry", deals::inquiry_form(product)),
            ("/api/get_booking_page", format!("exhibitor={}", parties.slug)),
            ("/api/book_meeting", meetings::book(&parties, slot)),
        ];
        for (path, form) in &writes {
            let refused = app.post(path, &me, form).await;
            assert_eq!(refused.status, 403, "{path}: {}", refused.text());
            assert_eq!(refused.text(), "\"Unverified\"", "{path}");
        }
        assert_eq!(count(&app, "conversations", "buyer_id").await, 0);
        assert_eq!(count(&app, "inquiries", "buyer_id").await, 0);
        assert_eq!(count(&app, "meetings", "buyer_id").await, 0);

        // Browsing: the product page shows why there is no contact button, and a way on.
        let page = app.get_with(&format!("/products/{product}"), &me).await;
        assert_eq!(page.status, 200);
        let html = page.text();
        assert!(html.contains("action=\"/api/resend_verification\""), "{html}");
        assert!(html.contains(ANA) && !html.contains("action=\"/api/start_conversation\""));
        let form_page = app.get_with(&format!("/products/{product}/inquiry"), &me).await;
        assert_eq!(form_page.status, 403);
        assert!(form_page.text().contains("Verify your e-mail address first"));
        // Without JavaScript the refused form goes back to its page, which says why.
        let plain = [("Cookie", buyer.as_str()), ("Accept", "text/html")];
        let back = app.post("/api/start_conversation", &plain, &format!("exhibitor={}&back=%2Fproducts%2F{product}", a.0)).await;
        assert_eq!(back.header("location"), Some(format!("/products/{product}?errors=%3Aemail_unverified").as_str()));

        // Right after registering, the first link is a moment old: not mailed again.
        let early = app.post("/api/resend_verification", &me, "back=%2F").await;
        assert_eq!(early.status, 429, "{}", early.text());
        // Two minutes later (the link's issue time moved back), the link again, back to the
        // page saying so; a second at once is refused.
        sqlx::query("UPDATE email_links SET expires_at = expires_at - 120")
            .execute(&app.db.db.pool).await.unwrap();
        let resent = app.post("/api/resend_verification", &plain, &format!("back=%2Fproducts%2F{product}")).await;
        assert_eq!(resent.status, 302, "{}", resent.text());
        assert_eq!(resent.header("location"), Some(format!("/products/{product}?verification=sent").as_str()));
        let said = app.get_with(&format!("/products/{product}?verification=sent"), &me).await.text();
        assert!(said.contains("A new link is on its way to"), "{said}");
        let again = app.post("/api/resend_verification", &me, "back=%2F").await;
        assert_eq!(again.status, 429, "{}", again.text());
        let second_link = link_to(&app.mail.wait_for_nth(ANA, 1).await, "/verify-email?token=");
        assert_ne!(second_link, first_link);
        let token = |link: &str| format!("token={}", link.split("token=").nth(1).unwrap());
        assert_eq!(app.post("/api/verify_email", &[], &token(&first_link)).await.status, 404, "the earlier link ended");
        assert_eq!(app.post("/api/verify_email", &[], &token(&second_link)).await.status, 200);

        // Verified: the same session writes.
        for (path, form) in &writes {
            let done = app.post(path, &me, form).await;
            assert_eq!(done.status, 200, "{path}: {}", done.text());
        }
        assert_eq!(count(&app, "conversations", "buyer_id").await, 1);
        assert_eq!(count(&app, "inquiries", "buyer_id").await, 1);
        assert_eq!(count(&app, "meetings", "buyer_id").await, 1);
        let verified = app.post("/api/resend_verification", &me, "back=%2F").await;
        assert_eq!(verified.status, 200, "a verified address needs no link: {}", verified.text());
        assert_eq!(app.mail.received().iter().filter(|m| m.to.iter().any(|r| r == ANA)).count(), 2);
    }
}
