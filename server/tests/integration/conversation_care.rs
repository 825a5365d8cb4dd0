//! Around a conversation: the other side's presence (over the socket, and on the page) and
//! local time; blocking, which stops messages both ways until the side that blocked
//! unblocks; reporting to the organizer with what the reporter saw; the digest mail of
//! messages left unread, each mailed about once.

use crate::messages::{
    Sides, acked, follow, next, next_any, put, refusal, send, sides, socket, stored,
};
use crate::support::{self, TestApp};
use app::domain::moderation::{ConversationReport, ReportReason, Side};
use app::domain::{ConversationId, ConversationView, SocketFrame};
use server::demo::accounts::{BUYER, EXHIBITOR, ORGANIZER};
use server::storage::digests::Swept;
use std::time::Duration;

async fn view(app: &TestApp, cookie: &str, conversation: ConversationId) -> ConversationView {
    let got = app
        .post(
            "/api/get_conversation",
            &[("Cookie", cookie)],
            &format!("conversation={conversation}"),
        )
        .await;
    assert_eq!(got.status, 200, "{}", got.text());
    serde_json::from_slice(&got.body).expect("a conversation")
}

async fn block(app: &TestApp, cookie: &str, conversation: ConversationId, blocked: bool) -> u16 {
    app.post(
        "/api/block_conversation",
        &[("Cookie", cookie)],
        &format!("conversation={conversation}&blocked={blocked}"),
    )
    .await
    .status
}

async fn presence(socket: &mut crate::messages::Socket) -> bool {
    match next_any(socket).await {
        SocketFrame::Presence { online, .. } => online,
        other => panic!("expected the other side's presence, got {other:?}"),
    }
}

/// A sweep of the digest that looks at conversations where a message became due since `since`.
async fn sweep(app: &TestApp, quiet: u64, since: i64) -> Swept {
    let signal = server::mail::MailSignal::default();
    server::conversations::digest::sweep(
        &app.db.db,
        "http://fair.example",
        &signal,
        Duration::from_secs(quiet),
        since,
    )
    .await
    .unwrap()
}

/// The mails of a sweep over the whole window.
async fn digest(app: &TestApp, quiet: u64) -> usize {
    sweep(app, quiet, 0).await.mails
}

async fn digests_to(app: &TestApp, email: &str) -> Vec<(String, String)> {
    sqlx::query_as("SELECT subject, body FROM outbox WHERE recipient = $1 AND subject LIKE '%unread message%' ORDER BY id")
        .bind(email)
        .fetch_all(&app.db.db.pool)
        .await
        .unwrap()
}

on_both_engines! { mod care; support::spawn_app;

    async fn each_side_sees_whether_the_other_is_here_and_its_time(app) {
        let Sides { buyer, exhibitor, conversation } = sides(&app).await;
        let exhibitor_id: i64 = sqlx::query_scalar("SELECT exhibitor_id FROM conversations WHERE id = $1")
            .bind(conversation.0).fetch_one(&app.db.db.pool).await.unwrap();
        sqlx::query("UPDATE exhibitors SET time_zone = 'Asia/Shanghai' WHERE id = $1")
            .bind(exhibitor_id).execute(&app.db.db.pool).await.unwrap();
        sqlx::query("UPDATE users SET time_zone = 'America/Sao_Paulo' WHERE email = $1")
            .bind(BUYER.email).execute(&app.db.db.pool).await.unwrap();

        let mut client = socket(&app, &buyer).await;
        put(&mut client, &follow(conversation, None)).await;
        assert!(!presence(&mut client).await, "nobody of the team is here yet");
        let seen = view(&app, &buyer, conversation).await;
        assert!(!seen.other.online);
        assert_eq!((seen.other.zone.as_str(), seen.other.utc_offset), ("Asia/Shanghai", 8 * 3600));

        let mut team = socket(&app, &exhibitor).await;
        assert!(presence(&mut client).await, "the team came");
        put(&mut team, &follow(conversation, None)).await;
        assert!(presence(&mut team).await, "the buyer is here");
        let seen = view(&app, &exhibitor, conversation).await;
        assert!(seen.other.online);
        assert_eq!((seen.other.zone.as_str(), seen.other.utc_offset), ("America/Sao_Paulo", -3 * 3600));
        let page = app.get_with(&format!("/messages/{conversation}"), &[("Cookie", &buyer)]).await.text();
        assert!(page.contains("Online now"), "{page}");
        assert!(page.contains("(Asia/Shanghai, UTC+8)"), "the buyer reads the team's time");

        drop(team);
        assert!(!presence(&mut client).await, "the team's last socket closed");
    }

    async fn a_block_stops_messages_both_ways_until_its_side_unblocks(app) {
        let Sides { buyer, exhibitor, conversation } = sides(&app).await;
        let mut client = socket(&app, &buyer).await;
        put(&mut client, &send(conversation, "before-1", "Do you make it in blue?")).await;
        let before = acked(next(&mut client).await);

        assert_eq!(block(&app, &exhibitor, conversation, true).await, 200);
        put(&mut client, &send(conversation, "after-1", "Hello?")).await;
        let refused = refusal(next(&mut client).await);
        assert_eq!((refused.status(), refused), (409, app::error::AppError::Conflict(app::error::ErrorCode::ConversationBlocked)));
        let mut team = socket(&app, &exhibitor).await;
        put(&mut team, &send(conversation, "team-1", "One more thing")).await;
        assert_eq!(refusal(next(&mut team).await).status(), 409, "the side that blocked cannot write either");
        let form = app.post("/api/send_message", &[("Cookie", &buyer)],
            &format!("conversation={conversation}&client_id=form-1&body=Hi")).await;
        assert_eq!(form.status, 409, "the plain form too");
        put(&mut client, &send(conversation, "before-1", "Do you make it in blue?")).await;
        assert_eq!(acked(next(&mut client).await), before, "a message stored before the block is still acknowledged");
        assert_eq!(stored(&app).await, 1, "nothing new was stored");

        let seen = view(&app, &buyer, conversation).await;
        assert!(seen.blocked_by_other && !seen.blocked_by_reader);
        let page = app.get_with(&format!("/messages/{conversation}"), &[("Cookie", &buyer)]).await.text();
        assert!(page.contains("The other side has blocked this conversation"), "{page}");
        assert!(!page.contains("/api/send_message"), "no box to write in");

        // The buyer's unblocking is not the team's.
        assert_eq!(block(&app, &buyer, conversation, false).await, 200);
        put(&mut client, &send(conversation, "after-2", "Hello?")).await;
        assert_eq!(refusal(next(&mut client).await).status(), 409);
        assert_eq!(block(&app, &exhibitor, conversation, false).await, 200);
        put(&mut client, &send(conversation, "after-3", "Hello again")).await;
        acked(next(&mut client).await);
        assert_eq!(stored(&app).await, 2);
        assert!(!view(&app, &exhibitor, conversation).await.blocked_by_reader);
    }

    async fn a_report_keeps_what_the_reporter_saw_for_the_organizer(app) {
        let Sides { buyer, exhibitor, conversation } = sides(&app).await;
        let mut team = socket(&app, &exhibitor).await;
        put(&mut team, &send(conversation, "pitch-1", "Pay the deposit to our private account, please.")).await;
        acked(next(&mut team).await);

        let report = |form: String| {
            let (app, buyer) = (&app, buyer.clone());
            async move { app.post("/api/report_conversation", &[("Cookie", &buyer)], &form).await }
        };
        let bad = report(format!("conversation={conversation}&reason=rude&note=")).await;
        assert_eq!(bad.status, 400, "{}", bad.text());
        let bad = report(format!("conversation={conversation}&reason=other&note=")).await;
        assert_eq!(bad.status, 400, "'other' needs a note: {}", bad.text());
        let long = "x".repeat(1_001);
        assert_eq!(report(format!("conversation={conversation}&reason=fraud&note={long}")).await.status, 400);
        let sent = report(format!("conversation={conversation}&reason=fraud&note=Asks+to+pay+outside&block=on")).await;
        assert_eq!(sent.status, 200, "{}", sent.text());
        assert_eq!(report(format!("conversation={conversation}&reason=spam&note=")).await.status, 409, "once per person");

        let seen = view(&app, &buyer, conversation).await;
        assert!(seen.reported && seen.blocked_by_reader);
        let organizer = app.sign_in(ORGANIZER.email, ORGANIZER.password).await;
        let listed = app.post("/api/list_reports", &[("Cookie", &organizer)], "").await;
        assert_eq!(listed.status, 200, "{}", listed.text());
        let reports: Vec<ConversationReport> = serde_json::from_slice(&listed.body).unwrap();
        assert_eq!(reports.len(), 1);
        let r = &reports[0];
        assert_eq!((r.reason, r.reporter_side, r.note.as_str()), (ReportReason::Fraud, Side::Buyer, "Asks to pay outside"));
        assert!(r.excerpt.contains("Pay the deposit to our private account"), "{}", r.excerpt);
        assert!(r.blocked_by_buyer && !r.blocked_by_team);
        let page = app.get_with("/organizer/reports", &[("Cookie", &organizer)]).await;
        assert_eq!(page.status, 200);
        assert!(page.text().contains("Pay the deposit to our private account"));
        assert_eq!(app.get_with("/organizer/reports", &[("Cookie", &buyer)]).await.status, 403);
    }

    async fn unread_messages_are_mailed_once_in_a_digest(app) {
        let Sides { buyer, exhibitor, conversation } = sides(&app).await;
        let mut client = socket(&app, &buyer).await;
        for n in 0..2 {
            put(&mut client, &send(conversation, &format!("d-{n}"), "Are you there?")).await;
            acked(next(&mut client).await);
        }
        let early = sweep(&app, 3600, 0).await;
        assert_eq!(early.mails, 0, "not unread for long enough");
        assert_eq!(sweep(&app, 0, early.due).await.mails, 1, "due since the last sweep");
        let mails = digests_to(&app, EXHIBITOR.email).await;
        assert_eq!(mails.len(), 1, "{mails:?}");
        assert_eq!(mails[0].0, "2 unread messages on Cloud Fair");
        assert!(mails[0].1.contains(&format!("http://fair.example/messages/{conversation}")), "{}", mails[0].1);
        assert_eq!(digest(&app, 0).await, 0, "each message is mailed about once");

        // Read before the digest: no mail.
        put(&mut client, &send(conversation, "d-2", "Read this one")).await;
        acked(next(&mut client).await);
        view(&app, &exhibitor, conversation).await;
        assert_eq!(digest(&app, 0).await, 0);

        // The team's reply, unread by the buyer, reaches the buyer, in the language they chose
        // (kept on their account by the language switch); a blocked one does not.
        let language = || async {
            sqlx::query_scalar::<_, String>("SELECT language FROM users WHERE email = $1")
                .bind(BUYER.email).fetch_one(&app.db.db.pool).await.unwrap()
        };
        // A link on another site changes what the browser shows, not what the account keeps;
        // an unknown code changes nothing.
        let cross_site = app.get_with("/lang/ru", &[("Cookie", &buyer), ("Sec-Fetch-Site", "cross-site")]).await;
        assert_eq!(cross_site.status, 303);
        assert!(cross_site.header("set-cookie").is_some_and(|c| c.contains("=ru")));
        assert_eq!(app.get_with("/lang/xx", &[("Cookie", &buyer)]).await.status, 303);
        assert_eq!(language().await, "en");
        assert_eq!(app.get_with("/lang/ar?next=/messages", &[("Cookie", &buyer), ("Sec-Fetch-Site", "same-origin")]).await.status, 303);
        assert_eq!(language().await, "ar");
        let mut team = socket(&app, &exhibitor).await;
        put(&mut team, &send(conversation, "r-1", "Yes, here.")).await;
        acked(next(&mut team).await);
        assert_eq!(digest(&app, 0).await, 1);
        let (subject, body): (String, String) =
            sqlx::query_as("SELECT subject, body FROM outbox WHERE recipient = $1 ORDER BY id DESC LIMIT 1")
                .bind(BUYER.email)
                .fetch_one(&app.db.db.pool)
                .await
                .unwrap();
        assert_eq!(subject, "لديك رسالة واحدة غير مقروءة في Cloud Fair");
        assert!(body.starts_with(&format!("مرحبًا {}،", BUYER.name)), "{body}");
        assert!(body.contains(&format!("http://fair.example/messages/{conversation}")), "{body}");
        put(&mut team, &send(conversation, "r-2", "Anything else?")).await;
        acked(next(&mut team).await);
        assert_eq!(block(&app, &buyer, conversation, true).await, 200);
        assert_eq!(digest(&app, 0).await, 0, "nothing is mailed from a blocked conversation");
    }
}
