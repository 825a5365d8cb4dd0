//! Delivering the outbox through a real SMTP server the test starts: sent mail is marked sent
//! and carries its headers; a refused recipient is not retried; an unreachable server leaves
//! the mail queued for a later attempt; sent mail keeps no link secret, and old mail is
//! forgotten.

use crate::support;

use app::domain::OutboxMail;
use app::domain::Registration;
use app::domain::mail::REMOVED_SECRET;
use server::mail::purge::{self, KEEP_SECONDS};
use server::mail::{MailSignal, SmtpSettings, spawn_sender};
use server::storage::Db;
use std::time::Duration;
use support::smtp::SmtpServer;

/// Queues one verification mail to `email`, the way registering does.
async fn queue_mail(db: &Db, email: &str, subject: &str) {
    let form = Registration {
        email: email.into(),
        password: "correct horse battery".into(),
        name: "Wang Fang".into(),
        company: "Fang Trading".into(),
        country: "CN".into(),
        business_type: "wholesaler".into(),
        interests: vec![],
    }
    .validate()
    .expect("a valid form");
    db.create_buyer(
        &form,
        app::i18n::Locale::zh,
        "hash",
        (&format!("fingerprint of {email}"), i64::MAX),
        (
            subject,
            "你好 Wang Fang,\n\nhttps://fair.example/verify-email?token=abc\n",
        ),
    )
    .await
    .expect("queued");
}

/// The outbox row of `email`, once `done` holds for it (within ten seconds).
async fn outbox_row(db: &Db, email: &str, done: impl Fn(&OutboxMail) -> bool) -> OutboxMail {
    for _ in 0..100 {
        let rows = db.list_outbox(10).await.unwrap();
        if let Some(mail) = rows.into_iter().find(|m| m.recipient == email && done(m)) {
            return mail;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("the outbox row of {email} never reached the expected state");
}

fn settings(url: String) -> SmtpSettings {
    SmtpSettings {
        url,
        from: "Cloud Fair <fair@example.com>".into(),
    }
}

on_both_engines! { mod mail; support::empty_db;

    async fn queued_mail_is_delivered_and_marked_sent(test_db) {
        let smtp = SmtpServer::start().await;
        let signal = MailSignal::default();
        spawn_sender(test_db.db.clone(), &settings(smtp.url()), signal.clone()).unwrap();
        queue_mail(&test_db.db, "wang@example.cn", "请验证您的云展会邮箱").await;
        signal.wake();

        let received = smtp.wait_for("wang@example.cn").await;
        assert_eq!(received.from, "fair@example.com");
        assert_eq!(received.header("To"), Some("wang@example.cn"));
        assert!(received.header("Subject").unwrap().starts_with("=?utf-8?"), "an encoded word: {:?}", received.header("Subject"));
        assert!(received.body().contains("你好 Wang Fang"), "{}", received.body());
        assert!(received.body().contains("https://fair.example/verify-email?token=abc"));
        let row = outbox_row(&test_db.db, "wang@example.cn", |m| m.sent_at.is_some()).await;
        assert_eq!((row.attempts, row.last_error), (1, None));
        assert_eq!(smtp.received().len(), 1, "sent once");
        assert_eq!(
            row.body,
            format!("你好 Wang Fang,\n\nhttps://fair.example/verify-email?token={REMOVED_SECRET}\n"),
            "the sent mail keeps no secret"
        );
    }

    async fn old_mail_is_forgotten_and_sent_mail_loses_its_secrets(test_db) {
        let db = &test_db.db;
        queue_mail(db, "old@example.com", "Verify").await;
        queue_mail(db, "sent@example.com", "Verify").await;
        queue_mail(db, "new@example.com", "Verify").await;
        // One mail a month old; one sent by an older version, its link's secret still in it.
        sqlx::query("UPDATE outbox SET created_at = created_at - $1 WHERE recipient = 'old@example.com'")
            .bind(KEEP_SECONDS + 60)
            .execute(&db.pool).await.unwrap();
        sqlx::query("UPDATE outbox SET sent_at = created_at WHERE recipient <> 'new@example.com'")
            .execute(&db.pool).await.unwrap();
        assert_eq!(purge::forget_sent_secrets(db).await.unwrap(), 2);
        assert_eq!(purge::forget_sent_secrets(db).await.unwrap(), 0, "once is enough");
        assert_eq!(purge::purge(db, server::clock::now() - KEEP_SECONDS).await.unwrap(), 1);
        let left = db.list_outbox(10).await.unwrap();
        let by = |to: &str| left.iter().find(|m| m.recipient == to).cloned();
        assert!(by("old@example.com").is_none());
        assert!(by("sent@example.com").unwrap().body.contains(&format!("token={REMOVED_SECRET}")));
        assert!(by("new@example.com").unwrap().body.contains("token=abc"), "unsent mail keeps its link");
    }

    async fn a_refused_recipient_is_not_tried_again(test_db) {
        let smtp = SmtpServer::start().await;
        let signal = MailSignal::default();
        spawn_sender(test_db.db.clone(), &settings(smtp.url()), signal.clone()).unwrap();
        queue_mail(&test_db.db, "bounce@example.com", "Verify").await;
        signal.wake();

        let row = outbox_row(&test_db.db, "bounce@example.com", |m| m.last_error.is_some()).await;
        assert!(row.last_error.as_deref().unwrap().contains("no such mailbox"), "{:?}", row.last_error);
        assert_eq!((row.sent_at, row.attempts), (None, 1));
        assert!(test_db.db.claim_due_mail(8, 300).await.unwrap().is_none(), "nothing left to try");
        assert!(smtp.received().is_empty());
    }

    async fn mail_waits_in_the_outbox_while_the_server_is_unreachable(test_db) {
        let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap();
        let signal = MailSignal::default();
        spawn_sender(test_db.db.clone(), &settings(format!("smtp://{closed}")), signal.clone()).unwrap();
        queue_mail(&test_db.db, "later@example.com", "Verify").await;
        signal.wake();

        let row = outbox_row(&test_db.db, "later@example.com", |m| m.last_error.is_some()).await;
        assert_eq!((row.sent_at, row.attempts), (None, 1));
        assert!(test_db.db.claim_due_mail(8, 300).await.unwrap().is_none(), "not due before the delay");
    }
}
