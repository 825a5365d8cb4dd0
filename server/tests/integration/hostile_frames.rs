//! Hostile WebSocket frames on `/ws`: binary frames, invalid UTF-8, JSON nested 10,000 deep,
//! unknown kinds, ids that overflow or are negative, a client id of 10 KB, conversations and
//! meetings that do not exist, frames over the limit. Each is refused with a reason, or the
//! socket is closed with a close code; nothing is stored, the server never crashes and goes on
//! serving other sockets. SQLite only: what a frame may carry is checked before any database
//! is asked (the engines' answers to unknown ids are in messages.rs).

use crate::messages::{Sides, acked, next, put, send, sides, socket, stored};
use crate::support::hostile::still_serving;
use crate::support::{self, Engine};
use app::domain::SocketFrame;
use futures_util::{SinkExt, StreamExt};
use std::time::Duration;
use tokio_tungstenite::tungstenite::Message as Ws;
use tokio_tungstenite::tungstenite::protocol::frame::coding::{Data, OpCode};
use tokio_tungstenite::tungstenite::protocol::frame::{Frame, FrameHeader};

/// What a socket did after a frame.
#[derive(Debug)]
enum Outcome {
    Refused(String),
    Closed(Option<u16>),
    Acknowledged,
}

/// The first answer to a frame within 5 seconds (presence frames skipped).
async fn outcome(socket: &mut crate::messages::Socket) -> Outcome {
    let waited = tokio::time::timeout(Duration::from_secs(5), async {
        loop {
            match socket.next().await {
                None | Some(Err(_)) => return Outcome::Closed(None),
                Some(Ok(Ws::Close(frame))) => {
                    return Outcome::Closed(frame.map(|f| u16::from(f.code)));
                }
                Some(Ok(Ws::Text(text))) => match serde_json::from_str::<SocketFrame>(&text) {
                    Ok(SocketFrame::Refused { error, .. }) => {
                        return Outcome::Refused(format!("{error:?}"));
                    }
                    Ok(SocketFrame::Presence { .. }) => continue,
                    Ok(_) => return Outcome::Acknowledged,
                    Err(_) => panic!("a frame the browser cannot read: {text}"),
                },
                Some(Ok(_)) => continue,
            }
        }
    })
    .await;
    waited.expect("an answer or a close within 5 s")
}

/// The hostile text frames a socket is refused for and stays open after, each with a
/// word the refusal names.
fn refused_frames(conversation: i64) -> Vec<(&'static str, String, &'static str)> {
    let nested = format!(
        "{{\"type\":\"send\",\"conversation\":{}1{}}}",
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    vec![
        (
            "an unknown kind",
            r#"{"type":"drop_tables","conversation":1}"#.to_owned(),
            "FrameUnreadable",
        ),
        (
            "no kind",
            r#"{"conversation":1}"#.to_owned(),
            "FrameUnreadable",
        ),
        ("not JSON", "hello <script>".to_owned(), "Frame"),
        ("JSON nested 10,000 deep", nested, "Frame"),
        (
            "a conversation id over i64",
            r#"{"type":"send","conversation":99999999999999999999,"client_id":"h-1","body":"Hi"}"#
                .to_owned(),
            "FrameUnreadable",
        ),
        (
            "a conversation id of 1e309",
            r#"{"type":"follow","conversation":1e309,"after":null}"#.to_owned(),
            "FrameUnreadable",
        ),
        (
            "a fractional conversation id",
            r#"{"type":"follow","conversation":1.5,"after":null}"#.to_owned(),
            "FrameUnreadable",
        ),
        (
            "a negative conversation",
            r#"{"type":"send","conversation":-1,"client_id":"h-2","body":"Hi"}"#.to_owned(),
            "NotFound",
        ),
        (
            "the largest conversation id",
            format!(
                r#"{{"type":"send","conversation":{},"client_id":"h-3","body":"Hi"}}"#,
                i64::MAX
            ),
            "NotFound",
        ),
        (
            "a conversation that does not exist",
            r#"{"type":"follow","conversation":999999,"after":null}"#.to_owned(),
            "NotFound",
        ),
        (
            "a message id over i64",
            format!(
                r#"{{"type":"follow","conversation":{conversation},"after":18446744073709551616}}"#
            ),
            "FrameUnreadable",
        ),
        (
            "a client id of 10 KB",
            format!(
                r#"{{"type":"send","conversation":{conversation},"client_id":"{}","body":"Hi"}}"#,
                "a".repeat(10 * 1024)
            ),
            "ClientIdInvalid",
        ),
        (
            "a body of the wrong type",
            format!(
                r#"{{"type":"send","conversation":{conversation},"client_id":"h-4","body":{{"x":[1]}}}}"#
            ),
            "FrameUnreadable",
        ),
        (
            "a NUL in the body",
            format!(
                r#"{{"type":"send","conversation":{conversation},"client_id":"h-5","body":"Hi\u0000"}}"#
            ),
            "HiddenCharacter",
        ),
        (
            "a meeting that does not exist",
            r#"{"type":"join_call","meeting":999999}"#.to_owned(),
            "NotFound",
        ),
        (
            "a signal for a meeting id over i64",
            r#"{"type":"signal","meeting":99999999999999999999,"signal":"x"}"#.to_owned(),
            "FrameUnreadable",
        ),
    ]
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hostile_frames_are_refused_or_closed_and_store_nothing() {
    let app = support::spawn_app(Engine::Sqlite).await;
    let Sides {
        buyer,
        exhibitor,
        conversation,
    } = sides(&app).await;
    let mut client = socket(&app, &buyer).await;
    let cases = refused_frames(conversation.0);
    let count = cases.len();
    for (what, frame, reason) in cases {
        client.send(Ws::text(frame)).await.expect("sent");
        match outcome(&mut client).await {
            Outcome::Refused(error) => assert!(
                error.contains(reason),
                "{what}: refused with {error}, expected {reason}"
            ),
            other => panic!("{what}: expected a refusal, got {other:?}"),
        }
    }
    client
        .send(Ws::binary(vec![0xff; 1024]))
        .await
        .expect("sent");
    assert!(
        matches!(outcome(&mut client).await, Outcome::Refused(e) if e.contains("FrameNotJson")),
        "a binary frame"
    );
    assert_eq!(
        stored(&app).await,
        0,
        "nothing stored after {count} hostile frames"
    );

    // Invalid UTF-8 in a text frame breaks the protocol: the socket is closed.
    let mut broken = socket(&app, &buyer).await;
    let header = FrameHeader {
        opcode: OpCode::Data(Data::Text),
        ..FrameHeader::default()
    };
    let _ = broken
        .send(Ws::Frame(Frame::from_payload(
            header,
            b"{\"type\":\"\xff\xfe\"}".to_vec().into(),
        )))
        .await;
    assert!(
        matches!(outcome(&mut broken).await, Outcome::Closed(_)),
        "invalid UTF-8 closes the socket"
    );

    // A frame over 64 KiB closes the socket (1009, message too big, or a dropped connection).
    let mut greedy = socket(&app, &buyer).await;
    let _ = greedy
        .send(Ws::text(format!(
            r#"{{"type":"send","conversation":{conversation},"client_id":"big","body":"{}"}}"#,
            "x".repeat(1024 * 1024)
        )))
        .await;
    assert!(
        matches!(outcome(&mut greedy).await, Outcome::Closed(code) if code.is_none_or(|c| c == 1009)),
        "an oversized frame closes the socket"
    );

    // The first socket, and everyone else, are still served.
    assert_eq!(stored(&app).await, 0, "nothing stored");
    still_serving(&app).await;
    put(&mut client, &send(conversation, "after-1", "Still here?")).await;
    acked(next(&mut client).await);
    let mut team = socket(&app, &exhibitor).await;
    put(&mut team, &send(conversation, "after-2", "Yes.")).await;
    acked(next(&mut team).await);
    assert_eq!(stored(&app).await, 2);
}
