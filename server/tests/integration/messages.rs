//! Conversations over the real socket (`/ws`) and the plain forms: a message is stored before
//! it is acknowledged and reaches the other side; sent again after a reconnect it is kept
//! once; a reconnect replays exactly what was missed; bad frames, other people's
//! conversations and floods are refused and change nothing.

use crate::support::{self, TestApp};
use app::domain::conversation::SESSION_ENDED_CLOSE;
use app::domain::moderation::Side;
use app::domain::{ChatFrame, ConversationId, ExhibitorId, Message, MessageId, SocketFrame};
use app::error::AppError;
use futures_util::{SinkExt, StreamExt};
use server::demo::accounts::{BUYER, EXHIBITOR, OTHER_EXHIBITOR};
use server::storage::conversations::{NewMessage, Parties};
use std::time::Duration;
use tokio::net::TcpStream;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::tungstenite::{self, Message as Ws};
use tokio_tungstenite::{MaybeTlsStream, WebSocketStream};

pub type Socket = WebSocketStream<MaybeTlsStream<TcpStream>>;

/// A socket opened with `cookie`'s session (and `origin`, if given); the HTTP status of a
/// refused upgrade otherwise.
pub async fn open_socket(
    app: &TestApp,
    cookie: Option<&str>,
    origin: Option<&str>,
) -> Result<Socket, u16> {
    let mut request = format!("ws://{}/ws", app.addr)
        .into_client_request()
        .unwrap();
    if let Some(cookie) = cookie {
        request
            .headers_mut()
            .insert("Cookie", cookie.parse().unwrap());
    }
    if let Some(origin) = origin {
        request
            .headers_mut()
            .insert("Origin", origin.parse().unwrap());
    }
    match tokio_tungstenite::connect_async(request).await {
        Ok((socket, _)) => Ok(socket),
        Err(tungstenite::Error::Http(response)) => Err(response.status().as_u16()),
        Err(error) => panic!("the socket did not open: {error}"),
    }
}

pub async fn socket(app: &TestApp, cookie: &str) -> Socket {
    open_socket(app, Some(cookie), None)
        .await
        .expect("the socket opens")
}

pub async fn put(socket: &mut Socket, frame: &ChatFrame) {
    let text = serde_json::to_string(frame).unwrap();
    socket
        .send(Ws::text(text))
        .await
        .expect("the frame is sent");
}

/// The next frame other than the other side's presence, within 5 seconds.
pub async fn next(socket: &mut Socket) -> SocketFrame {
    loop {
        match next_any(socket).await {
            SocketFrame::Presence { .. } => continue,
            frame => return frame,
        }
    }
}

/// The next frame, within 5 seconds.
pub async fn next_any(socket: &mut Socket) -> SocketFrame {
    tokio::time::timeout(Duration::from_secs(5), async {
        loop {
            match socket
                .next()
                .await
                .expect("the socket is open")
                .expect("a frame")
            {
                Ws::Text(text) => return serde_json::from_str(&text).expect("a frame we know"),
                Ws::Ping(_) | Ws::Pong(_) => continue,
                other => panic!("unexpected frame {other:?}"),
            }
        }
    })
    .await
    .expect("a frame within 5 s")
}

/// The code the server closed `socket` with, within 5 seconds (frames before it are skipped).
async fn close_code(socket: &mut Socket) -> u16 {
    tokio::time::timeout(Duration::from_secs(5), async {
        loop {
            match socket
                .next()
                .await
                .expect("a close frame first")
                .expect("a frame")
            {
                Ws::Close(frame) => return frame.map(|f| u16::from(f.code)).unwrap_or(0),
                _ => continue,
            }
        }
    })
    .await
    .expect("closed within 5 s")
}

/// No frame but the other side's presence for 300 ms (what was sent has all arrived).
async fn quiet(socket: &mut Socket) {
    let deadline = tokio::time::Instant::now() + Duration::from_millis(300);
    loop {
        let got = tokio::time::timeout_at(deadline, socket.next()).await;
        match got {
            Err(_) => return,
            Ok(Some(Ok(Ws::Text(text))))
                if matches!(
                    serde_json::from_str(&text),
                    Ok(SocketFrame::Presence { .. })
                ) => {}
            Ok(Some(Ok(Ws::Ping(_) | Ws::Pong(_)))) => {}
            other => panic!("expected nothing more, got {other:?}"),
        }
    }
}

pub fn send(conversation: ConversationId, client_id: &str, body: &str) -> ChatFrame {
    ChatFrame::Send {
        conversation,
        client_id: client_id.into(),
        body: body.into(),
    }
}

pub fn follow(conversation: ConversationId, after: Option<MessageId>) -> ChatFrame {
    ChatFrame::Follow {
        conversation,
        after,
    }
}

pub fn acked(frame: SocketFrame) -> Message {
    match frame {
        SocketFrame::Ack { message } => message,
        other => panic!("expected an acknowledgement, got {other:?}"),
    }
}

fn delivered(frame: SocketFrame) -> Message {
    match frame {
        SocketFrame::Message { message } => message,
        other => panic!("expected a message, got {other:?}"),
    }
}

pub fn refusal(frame: SocketFrame) -> AppError {
    match frame {
        SocketFrame::Refused { error, .. } => error,
        other => panic!("expected a refusal, got {other:?}"),
    }
}

pub async fn stored(app: &TestApp) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM messages")
        .fetch_one(&app.db.db.pool)
        .await
        .unwrap()
}

/// The demo buyer's conversation with the demo exhibitor's company (started by its form).
pub async fn buyer_conversation(app: &TestApp, buyer: &str) -> ConversationId {
    let (a, _) = app.db.db.exhibitor_id_range().await.unwrap();
    let started = app
        .post(
            "/api/start_conversation",
            &[("Cookie", buyer)],
            &format!("exhibitor={}&back=%2F", a.0),
        )
        .await;
    assert_eq!(started.status, 200, "{}", started.text());
    let id: i64 = sqlx::query_scalar("SELECT id FROM conversations WHERE exhibitor_id = $1")
        .bind(a.0)
        .fetch_one(&app.db.db.pool)
        .await
        .unwrap();
    ConversationId(id)
}

pub struct Sides {
    pub buyer: String,
    pub exhibitor: String,
    pub conversation: ConversationId,
}

pub async fn sides(app: &TestApp) -> Sides {
    let buyer = app.sign_in(BUYER.email, BUYER.password).await;
    let exhibitor = app.sign_in(EXHIBITOR.email, EXHIBITOR.password).await;
    let conversation = buyer_conversation(app, &buyer).await;
    Sides {
        buyer,
        exhibitor,
        conversation,
    }
}

on_both_engines! { mod chat; support::spawn_app;

    async fn a_message_is_stored_before_its_ack_and_reaches_the_other_side(app) {
        let Sides { buyer, exhibitor, conversation } = sides(&app).await;
        let mut team = socket(&app, &exhibitor).await;
        put(&mut team, &follow(conversation, None)).await;
        let mut client = socket(&app, &buyer).await;
        put(&mut client, &send(conversation, "first-1", "  Hello, do you ship to Lyon?  ")).await;
        let message = acked(next(&mut client).await);
        assert_eq!(stored(&app).await, 1, "stored when acknowledged");
        assert_eq!(message.body, "Hello, do you ship to Lyon?", "trimmed");
        assert!(!message.from_exhibitor);
        assert_eq!(delivered(next(&mut team).await), message, "the team sees it, without asking");

        put(&mut team, &send(conversation, "reply-1", "Yes, by sea: 30 days.")).await;
        let reply = acked(next(&mut team).await);
        assert!(reply.from_exhibitor);
        assert_eq!(delivered(next(&mut team).await), reply, "the team's other tabs see it too");
        put(&mut client, &follow(conversation, Some(message.id))).await;
        assert_eq!(delivered(next(&mut client).await), reply, "the buyer gets what came after");
        quiet(&mut client).await;
    }

    async fn a_message_sent_again_is_kept_once_and_a_reconnect_replays_what_was_missed(app) {
        let Sides { buyer, exhibitor, conversation } = sides(&app).await;
        let mut client = socket(&app, &buyer).await;
        put(&mut client, &send(conversation, "again-1", "Price for 500 pieces?")).await;
        let first = acked(next(&mut client).await);
        // The connection drops before the browser sees the ack: it sends the message again.
        drop(client);
        let mut client = socket(&app, &buyer).await;
        put(&mut client, &send(conversation, "again-1", "Price for 500 pieces?")).await;
        assert_eq!(acked(next(&mut client).await), first, "the stored one, not a second");
        assert_eq!(stored(&app).await, 1);

        let mut team = socket(&app, &exhibitor).await;
        put(&mut team, &follow(conversation, None)).await;
        assert_eq!(delivered(next(&mut team).await), first);
        drop(team);
        let mut missed = Vec::new();
        for n in 0..3 {
            put(&mut client, &send(conversation, &format!("missed-{n}"), &format!("Missed {n}"))).await;
            missed.push(acked(next(&mut client).await));
        }
        let mut team = socket(&app, &exhibitor).await;
        put(&mut team, &follow(conversation, Some(first.id))).await;
        for message in &missed {
            assert_eq!(&delivered(next(&mut team).await), message, "in order");
        }
        quiet(&mut team).await;
        // A client id used in one conversation cannot name a message in another.
        let (_, b) = app.db.db.exhibitor_id_range().await.unwrap();
        let other = app.db.db.start_conversation(first.sender, b).await.unwrap();
        put(&mut client, &send(other, "again-1", "Elsewhere")).await;
        assert_eq!(refusal(next(&mut client).await), AppError::Conflict(app::error::ErrorCode::ClientIdReused));
        assert_eq!(stored(&app).await, 4);
    }

    async fn the_same_message_sent_at_once_from_many_tabs_is_stored_once(app) {
        let Sides { buyer, conversation, .. } = sides(&app).await;
        let mut tabs = Vec::new();
        for _ in 0..8 {
            tabs.push(socket(&app, &buyer).await);
        }
        let sends = tabs.into_iter().enumerate().map(|(n, mut tab)| async move {
            put(&mut tab, &send(conversation, "same-1", "One order, please")).await;
            put(&mut tab, &send(conversation, &format!("own-{n}"), "And one of mine")).await;
            (acked(next(&mut tab).await), acked(next(&mut tab).await))
        });
        let acks = futures_util::future::join_all(sends).await;
        let first = acks[0].0.id;
        assert!(acks.iter().all(|(same, _)| same.id == first), "every tab is answered with the one stored");
        let mut own: Vec<_> = acks.iter().map(|(_, own)| own.id).collect();
        own.sort();
        own.dedup();
        assert_eq!(own.len(), 8, "each tab's own message is stored");
        assert_eq!(stored(&app).await, 9);
    }

    async fn bad_frames_and_other_peoples_conversations_are_refused_and_change_nothing(app) {
        let Sides { buyer, conversation, .. } = sides(&app).await;
        let mut client = socket(&app, &buyer).await;
        let cases = [
            (send(conversation, "e-1", " \n "), AppError::invalid("body", app::error::ErrorCode::MessageEmpty)),
            (send(conversation, "e-2", &"x".repeat(4_001)), AppError::invalid("body", app::error::ErrorCode::MessageTooLong)),
            (send(conversation, "no spaces", "Hi"), AppError::invalid("client_id", app::error::ErrorCode::ClientIdInvalid)),
            (send(ConversationId(999_999), "e-3", "Hi"), AppError::NotFound),
            (follow(ConversationId(999_999), None), AppError::NotFound),
        ];
        for (frame, error) in cases {
            put(&mut client, &frame).await;
            assert_eq!(refusal(next(&mut client).await), error, "{frame:?}");
        }
        client.send(Ws::text("{\"type\":\"drop_tables\"}")).await.unwrap();
        assert_eq!(refusal(next(&mut client).await), AppError::invalid("frame", app::error::ErrorCode::FrameUnreadable));
        client.send(Ws::binary(vec![1, 2, 3])).await.unwrap();
        assert_eq!(refusal(next(&mut client).await), AppError::invalid("frame", app::error::ErrorCode::FrameNotJson));

        let other = app.sign_in(OTHER_EXHIBITOR.email, OTHER_EXHIBITOR.password).await;
        let mut stranger = socket(&app, &other).await;
        put(&mut stranger, &follow(conversation, None)).await;
        assert_eq!(refusal(next(&mut stranger).await), AppError::Forbidden);
        put(&mut stranger, &send(conversation, "s-1", "Buy from us instead")).await;
        assert_eq!(refusal(next(&mut stranger).await), AppError::Forbidden);

        // A frame over the limit closes that socket; the server goes on.
        let _ = client.send(Ws::text("x".repeat(100_000))).await;
        let closed = tokio::time::timeout(Duration::from_secs(5), async {
            loop {
                match client.next().await {
                    None | Some(Err(_)) | Some(Ok(Ws::Close(_))) => return,
                    Some(Ok(_)) => continue,
                }
            }
        }).await;
        assert!(closed.is_ok(), "an oversized frame closes the socket");
        assert_eq!(open_socket(&app, None, None).await.err(), Some(401), "visitors cannot open one");
        assert_eq!(
            open_socket(&app, Some(&buyer), Some("https://evil.example")).await.err(),
            Some(403),
            "nor can another site's page"
        );
        assert_eq!(stored(&app).await, 0);
        let mut again = socket(&app, &buyer).await;
        put(&mut again, &send(conversation, "after-1", "Still here?")).await;
        acked(next(&mut again).await);
    }

    async fn a_flood_is_refused_past_the_limit_and_nothing_past_it_is_stored(app) {
        let Sides { buyer, conversation, .. } = sides(&app).await;
        let mut client = socket(&app, &buyer).await;
        let limit = server::conversations::flood::MESSAGES_MAX as usize;
        let (mut ok, mut limited) = (0, 0);
        for n in 0..limit + 5 {
            put(&mut client, &send(conversation, &format!("flood-{n}"), "Spam")).await;
            match next(&mut client).await {
                SocketFrame::Ack { .. } => ok += 1,
                frame => {
                    assert_eq!(refusal(frame), AppError::RateLimited);
                    limited += 1;
                }
            }
        }
        assert_eq!((ok, limited), (limit, 5));
        assert_eq!(stored(&app).await, limit as i64);
    }

    async fn unread_counts_follow_reading_and_the_plain_form_stores_once(app) {
        let Sides { buyer, exhibitor, conversation } = sides(&app).await;
        let form = format!("conversation={}&client_id=plain-form-1&body=Samples+available%3F", conversation.0);
        let html = [("Cookie", buyer.as_str()), ("Accept", "text/html")];
        for _ in 0..2 {
            let sent = app.post("/api/send_message", &html, &form).await;
            assert_eq!(sent.status, 302, "{}", sent.text());
            assert_eq!(sent.header("location"), Some(format!("/messages/{}", conversation.0).as_str()));
        }
        assert_eq!(stored(&app).await, 1, "a form sent twice is stored once");
        let unread = |cookie: String| {
            let app = &app;
            async move {
                let listed = app.post("/api/list_conversations", &[("Cookie", &cookie)], "").await;
                assert_eq!(listed.status, 200, "{}", listed.text());
                let list: Vec<app::domain::ConversationSummary> = serde_json::from_slice(&listed.body).unwrap();
                list.iter().find(|c| c.id == conversation).map(|c| c.unread)
            }
        };
        assert_eq!(unread(exhibitor.clone()).await, Some(1), "unread by the team");
        assert_eq!(unread(buyer.clone()).await, Some(0), "one's own message is read");
        let page = app.get_with(&format!("/messages/{}", conversation.0), &[("Cookie", &exhibitor)]).await;
        assert_eq!(page.status, 200);
        assert!(page.text().contains("Samples available?"), "the page shows the message");
        assert_eq!(unread(exhibitor).await, Some(0), "opened, it is read");
        let stranger = app.sign_in(OTHER_EXHIBITOR.email, OTHER_EXHIBITOR.password).await;
        let page = app.get_with(&format!("/messages/{}", conversation.0), &[("Cookie", &stranger)]).await;
        assert_eq!(page.status, 403);
        assert!(!page.text().contains("Samples available?"));
        let empty = app.post("/api/send_message", &html, &format!("conversation={}&client_id=plain-form-2&body=+", conversation.0)).await;
        assert_eq!(empty.status, 302);
        assert!(empty.header("location").unwrap().contains("message_empty"), "sent back with the reason");
    }

    async fn one_batch_stores_each_message_or_says_why_not(app) {
        let Sides { conversation, .. } = sides(&app).await;
        let db = &app.db.db;
        let Parties { buyer, exhibitor } = db.conversation_parties(conversation).await.unwrap();
        let elsewhere = db.start_conversation(buyer, ExhibitorId(exhibitor.0 + 1)).await.unwrap();
        let blocked = db.start_conversation(buyer, ExhibitorId(exhibitor.0 + 2)).await.unwrap();
        db.set_conversation_block(blocked, Side::Team, true).await.unwrap();
        let name: String = sqlx::query_scalar("SELECT name FROM users WHERE id = $1")
            .bind(buyer.0)
            .fetch_one(&db.pool)
            .await
            .unwrap();
        let new = |conversation, client_id: &str, body: &str| NewMessage {
            conversation,
            sender: buyer,
            sender_name: name.clone(),
            buyer,
            client_id: client_id.into(),
            body: body.into(),
            attachment: None,
        };
        let earlier = db.insert_messages(&[new(conversation, "b-0", "Before")]).await.unwrap();
        let (before, _) = earlier[0].clone().unwrap();
        let batch = [
            new(conversation, "b-1", "First"),
            new(conversation, "b-1", "First, sent again"),
            new(conversation, "b-0", "Before, sent again"),
            new(elsewhere, "b-1", "Same id, other conversation"),
            new(blocked, "b-2", "Into a blocked one"),
            new(elsewhere, "b-3", "Second"),
        ];
        let results = db.insert_messages(&batch).await.unwrap();
        let (first, is_new) = results[0].clone().unwrap();
        assert!(is_new);
        assert_eq!((first.body.as_str(), first.conversation), ("First", conversation));
        assert_eq!(results[1], Ok((first.clone(), false)), "a copy in the same batch is the first");
        assert_eq!(results[2].clone().unwrap().0.id, before.id, "a copy of an earlier batch's");
        assert!(!results[2].clone().unwrap().1);
        assert_eq!(results[3], Err(AppError::Conflict(app::error::ErrorCode::ClientIdReused)));
        assert_eq!(results[4], Err(AppError::Conflict(app::error::ErrorCode::ConversationBlocked)));
        let (second, is_new) = results[5].clone().unwrap();
        assert!(is_new && second.conversation == elsewhere && second.body == "Second");
        assert!(second.id > first.id, "ids follow the batch's order");
        assert_eq!(stored(&app).await, 3);
        let (messages, _) = db.messages_before(elsewhere, None).await.unwrap();
        assert_eq!(messages, vec![second.clone()], "what was acknowledged is what is stored");
        let touched: Vec<i64> = sqlx::query_scalar(
            "SELECT last_message_at FROM conversations WHERE id IN ($1, $2) ORDER BY id",
        )
        .bind(conversation.0)
        .bind(elsewhere.0)
        .fetch_all(&db.pool)
        .await
        .unwrap();
        assert_eq!(touched, vec![first.sent_at, second.sent_at]);
    }

    async fn a_socket_closes_when_its_session_ends_and_only_then(app) {
        let Sides { conversation, .. } = sides(&app).await;
        let (first, second) = (app.sign_in(BUYER.email, BUYER.password).await, app.sign_in(BUYER.email, BUYER.password).await);
        let (mut on_first, mut on_second) = (socket(&app, &first).await, socket(&app, &second).await);
        let out = app.post("/api/log_out", &[("Cookie", &first)], "everywhere=false").await;
        assert!(out.status < 400, "{}", out.text());
        assert_eq!(close_code(&mut on_first).await, SESSION_ENDED_CLOSE, "the signed-out session's socket");
        put(&mut on_second, &send(conversation, "after-1", "Still here")).await;
        assert_eq!(acked(next(&mut on_second).await).body, "Still here", "another session's socket is untouched");
        let everywhere = app.post("/api/log_out", &[("Cookie", &second)], "everywhere=true").await;
        assert!(everywhere.status < 400, "{}", everywhere.text());
        assert_eq!(close_code(&mut on_second).await, SESSION_ENDED_CLOSE);
        assert_eq!(open_socket(&app, Some(&second), None).await.err(), Some(401), "no new socket either");
    }
}
