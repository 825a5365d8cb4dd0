//! What the organizer's outbox shows of mailed links, on both engines: on a fair with SMTP, no
//! link's secret (the mail went to its recipient, who alone may use it); on a fair without
//! SMTP, such as the demo, the links themselves, which work.

use crate::accounts::{FORM, link_in_mail};
use crate::support::{self, TestApp};
use app::domain::mail::REMOVED_SECRET;
use server::demo::accounts::ORGANIZER;

const EMAIL: &str = "ana.lima@example.com";

/// The outbox as the organizer's script reads it.
async fn outbox(app: &TestApp) -> String {
    let organizer = app.sign_in(ORGANIZER.email, ORGANIZER.password).await;
    let listed = app
        .post("/api/get_outbox", &[("Cookie", &organizer)], "")
        .await;
    assert_eq!(listed.status, 200, "{}", listed.text());
    listed.text()
}

/// The secret after `token=` in `text`.
fn secret_in(text: &str) -> String {
    let (_, after) = text
        .split_once("verify-email?token=")
        .expect("a verification link");
    after
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect()
}

async fn verifies(app: &TestApp, secret: &str) -> u16 {
    app.post("/api/verify_email", &[], &format!("token={secret}"))
        .await
        .status
}

on_both_engines! {
    mod with_smtp; support::spawn_app;

    async fn the_outbox_shows_no_link_secret(app) {
        assert_eq!(app.post("/api/register", &[], FORM).await.status, 200);
        let mailed = secret_in(&link_in_mail(&app, EMAIL).await);
        let shown = outbox(&app).await;
        assert!(shown.contains(EMAIL), "{shown}");
        assert_eq!(secret_in(&shown), REMOVED_SECRET);
        assert!(!shown.contains(&mailed));
        let kept = app.db.db.list_outbox(10).await.unwrap();
        assert!(kept.iter().all(|mail| !mail.body.contains(&mailed)), "nor does the database keep it");
        assert_eq!(verifies(&app, &mailed).await, 200, "the mailed link works");
    }
}

on_both_engines! {
    mod without_smtp; support::spawn_app_without_smtp;

    async fn the_outbox_shows_the_working_links(app) {
        assert_eq!(app.post("/api/register", &[], FORM).await.status, 200);
        let shown = secret_in(&outbox(&app).await);
        assert_ne!(shown, REMOVED_SECRET);
        assert_eq!(verifies(&app, &shown).await, 200, "the organizer can pass the link on");
        assert!(app.mail.received().is_empty(), "nothing was sent");
    }
}
