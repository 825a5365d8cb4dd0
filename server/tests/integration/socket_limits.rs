//! What one person's sockets may ask of the server: a few sockets at once (one more is 429),
//! frames within a budget (a flood is refused, then closed with 1008), read marks written
//! together and still written when the socket closes at once. SQLite only: the limits live
//! in the server, not the database.

use crate::messages::{Sides, acked, next, open_socket, put, send, sides, socket};
use crate::support::{self, Engine, TestApp};
use app::domain::{ChatFrame, ConversationId, MessageId, SocketFrame};
use app::error::AppError;
use server::demo::accounts::BUYER;
use std::time::Duration;
use tokio::time::{Instant, sleep};

async fn unread(app: &TestApp, cookie: &str, conversation: ConversationId) -> Option<i64> {
    let listed = app
        .post("/api/list_conversations", &[("Cookie", cookie)], "")
        .await;
    assert_eq!(listed.status, 200, "{}", listed.text());
    let list: Vec<app::domain::ConversationSummary> = serde_json::from_slice(&listed.body).unwrap();
    list.iter()
        .find(|c| c.id == conversation)
        .map(|c| c.unread as i64)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_person_has_at_most_eight_sockets_at_once() {
    let app = support::spawn_app(Engine::Sqlite).await;
    let buyer = app.sign_in(BUYER.email, BUYER.password).await;
    let mut open = Vec::new();
    for _ in 0..8 {
        open.push(socket(&app, &buyer).await);
    }
    assert_eq!(open_socket(&app, Some(&buyer), None).await.err(), Some(429));
    drop(open.pop());
    let started = Instant::now();
    while open_socket(&app, Some(&buyer), None).await.is_err() {
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "a closed socket gives its place back"
        );
        sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_flood_of_frames_is_refused_then_closed() {
    let app = support::spawn_app(Engine::Sqlite).await;
    let Sides {
        buyer,
        conversation,
        ..
    } = sides(&app).await;
    let mut flooding = socket(&app, &buyer).await;
    let mark = ChatFrame::Read {
        conversation,
        up_to: MessageId(1),
    };
    for _ in 0..400 {
        put(&mut flooding, &mark).await;
    }
    let mut limited = false;
    loop {
        match tokio::time::timeout(
            Duration::from_secs(5),
            futures_util::StreamExt::next(&mut flooding),
        )
        .await
        {
            Ok(Some(Ok(tokio_tungstenite::tungstenite::Message::Text(text)))) => {
                if let Ok(SocketFrame::Refused {
                    error: AppError::RateLimited,
                    ..
                }) = serde_json::from_str(&text)
                {
                    limited = true;
                }
            }
            Ok(Some(Ok(tokio_tungstenite::tungstenite::Message::Close(frame)))) => {
                assert_eq!(frame.map(|f| u16::from(f.code)), Some(1008));
                break;
            }
            Ok(Some(Ok(_))) => {}
            other => panic!("expected refusals, then a close frame: {other:?}"),
        }
    }
    assert!(
        limited,
        "frames over the budget were refused with rate_limited"
    );
    // The person is not shut out: a new socket works.
    let mut again = socket(&app, &buyer).await;
    put(
        &mut again,
        &send(conversation, "after-the-flood", "Still here?"),
    )
    .await;
    acked(next(&mut again).await);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn read_marks_are_written_together_and_when_the_socket_closes() {
    let app = support::spawn_app(Engine::Sqlite).await;
    let Sides {
        buyer,
        exhibitor,
        conversation,
    } = sides(&app).await;
    let mut buyer_socket = socket(&app, &buyer).await;
    let mut newest = MessageId(0);
    for n in 0..3 {
        put(
            &mut buyer_socket,
            &send(conversation, &format!("m{n}"), "Samples?"),
        )
        .await;
        newest = acked(next(&mut buyer_socket).await).id;
    }
    assert_eq!(unread(&app, &exhibitor, conversation).await, Some(3));

    // Marks sent in a row are written once, with the newest; within the second.
    let mut team = socket(&app, &exhibitor).await;
    for up_to in [MessageId(newest.0 - 2), newest, MessageId(newest.0 - 1)] {
        put(
            &mut team,
            &ChatFrame::Read {
                conversation,
                up_to,
            },
        )
        .await;
    }
    let started = Instant::now();
    while unread(&app, &exhibitor, conversation).await != Some(0) {
        assert!(
            started.elapsed() < Duration::from_secs(3),
            "the marks were written"
        );
        sleep(Duration::from_millis(100)).await;
    }

    // A mark sent just before the socket closes is written too.
    put(&mut buyer_socket, &send(conversation, "m3", "And prices?")).await;
    let last = acked(next(&mut buyer_socket).await).id;
    assert_eq!(unread(&app, &exhibitor, conversation).await, Some(1));
    put(
        &mut team,
        &ChatFrame::Read {
            conversation,
            up_to: last,
        },
    )
    .await;
    let _ = futures_util::SinkExt::close(&mut team).await;
    let started = Instant::now();
    while unread(&app, &exhibitor, conversation).await != Some(0) {
        assert!(
            started.elapsed() < Duration::from_secs(3),
            "the last mark was written on close"
        );
        sleep(Duration::from_millis(100)).await;
    }
}
