//! The chat beside a stream on both engines: a buyer and the team write, everyone reads (a
//! player asks for what is new after its last message), a visitor may not write; empty,
//! over-long and two-line messages are refused and nothing is kept; a flood is refused as too
//! fast; the team deletes a message (gone for every reader, and from the replay) and mutes a
//! person, whose next message is refused with the reason; nobody else moderates; after the
//! stream, nobody writes and the replay's page shows the chat as it was.

use crate::live::{OBS_OFFER, offer};
use crate::support::{self, TestApp};
use server::demo::accounts::{BUYER, EXHIBITOR, OTHER_EXHIBITOR};
use support::http::send;

async fn say(app: &TestApp, cookie: &str, stream: i64, body: &str) -> support::http::Response {
    let body = body
        .replace('%', "%25")
        .replace('&', "%26")
        .replace('\n', "%0A")
        .replace(' ', "+");
    let headers: Vec<(&str, &str)> = (!cookie.is_empty())
        .then_some(("Cookie", cookie))
        .into_iter()
        .collect();
    app.post(
        "/api/send_stream_chat",
        &headers,
        &format!("stream={stream}&body={body}"),
    )
    .await
}

async fn now(app: &TestApp, stream: i64, after: Option<i64>) -> serde_json::Value {
    let path = match after {
        Some(after) => format!("/live/streams/{stream}?after={after}"),
        None => format!("/live/streams/{stream}"),
    };
    serde_json::from_slice(&app.get(&path).await.body).unwrap()
}

fn bodies(chat: &serde_json::Value) -> Vec<String> {
    chat.as_array()
        .unwrap()
        .iter()
        .map(|line| line["body"].as_str().unwrap().to_owned())
        .collect()
}

async fn kept(app: &TestApp, stream: i64) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM live_chat WHERE stream_id = $1")
        .bind(stream)
        .fetch_one(&app.db.db.pool)
        .await
        .unwrap()
}

on_both_engines! { mod live_chat; support::spawn_app;
    async fn viewers_and_the_team_chat_and_the_team_moderates(app) {
        let owner = app.sign_in(EXHIBITOR.email, EXHIBITOR.password).await;
        let published = offer(&app, "/live/whip", &[("Cookie", &owner)], OBS_OFFER).await;
        assert_eq!(published.status, 201, "{}", published.text());
        let id: i64 = sqlx::query_scalar("SELECT id FROM live_streams WHERE status = 'live'").fetch_one(&app.db.db.pool).await.unwrap();
        let buyer = app.sign_in(BUYER.email, BUYER.password).await;

        // A buyer asks, the team answers; a visitor may read but not write.
        let asked = say(&app, &buyer, id, "  Do you ship to Santos?  ").await;
        assert_eq!(asked.status, 200, "{}", asked.text());
        let asked: serde_json::Value = serde_json::from_slice(&asked.body).unwrap();
        assert_eq!(asked["body"], "Do you ship to Santos?");
        assert_eq!(asked["from_team"], false);
        assert!(asked["author"].is_null(), "readers are not told who wrote by id: {asked}");
        let answered = say(&app, &owner, id, "Yes, from Ningbo: 30 days").await;
        assert_eq!(answered.status, 200, "{}", answered.text());
        let answered: serde_json::Value = serde_json::from_slice(&answered.body).unwrap();
        assert_eq!(answered["from_team"], true);
        let exhibitor: String = sqlx::query_scalar("SELECT name_en FROM exhibitors WHERE id = 1").fetch_one(&app.db.db.pool).await.unwrap();
        assert_eq!(answered["company"], exhibitor, "the team writes as its exhibitor");
        assert_eq!(say(&app, "", id, "Hello").await.status, 401);
        let all = now(&app, id, None).await;
        assert_eq!(bodies(&all["chat"]["lines"]), ["Do you ship to Santos?", "Yes, from Ningbo: 30 days"]);
        let first = asked["id"].as_i64().unwrap();
        assert_eq!(bodies(&now(&app, id, Some(first)).await["chat"]["lines"]), ["Yes, from Ningbo: 30 days"]);

        // Bad messages are refused with their reason, and nothing is kept.
        for (body, code) in [("   ", "message_empty"), (&"x".repeat(301)[..], "message_too_long"), ("two\nlines", "hidden_character")] {
            let refused = say(&app, &buyer, id, body).await;
            assert_eq!(refused.status, 400, "{body:?}");
            assert!(refused.text().contains(code), "{}", refused.text());
        }
        assert_eq!(kept(&app, id).await, 2);

        // A flood: five messages in ten seconds, then refused as too fast.
        for n in 0..4 {
            assert_eq!(say(&app, &buyer, id, &format!("Price for {n}?")).await.status, 200);
        }
        let flood = say(&app, &buyer, id, "And now?").await;
        assert_eq!(flood.status, 429, "{}", flood.text());
        assert_eq!(kept(&app, id).await, 6);

        // The team deletes the first question: gone for every reader, told to players.
        let moderate = |message: i64, action: &str| format!("stream={id}&message={message}&action={action}");
        assert_eq!(app.post("/api/moderate_stream_chat", &[("Cookie", &buyer)], &moderate(first, "delete")).await.status, 403);
        let other = app.sign_in(OTHER_EXHIBITOR.email, OTHER_EXHIBITOR.password).await;
        assert_eq!(app.post("/api/moderate_stream_chat", &[("Cookie", &other)], &moderate(first, "delete")).await.status, 403);
        assert_eq!(app.post("/api/moderate_stream_chat", &[("Cookie", &owner)], &moderate(first, "delete")).await.status, 200);
        assert_eq!(app.post("/api/moderate_stream_chat", &[("Cookie", &owner)], &moderate(first, "delete")).await.status, 404);
        assert_eq!(app.post("/api/moderate_stream_chat", &[("Cookie", &owner)], &moderate(999_999, "mute")).await.status, 404);
        assert_eq!(app.post("/api/moderate_stream_chat", &[("Cookie", &owner)], &moderate(first, "shout")).await.status, 400);
        let after_delete = now(&app, id, Some(first)).await;
        assert_eq!(after_delete["chat"]["removed"], serde_json::json!([first]));
        assert!(!bodies(&now(&app, id, None).await["chat"]["lines"]).contains(&"Do you ship to Santos?".to_owned()));
        let desk: serde_json::Value = serde_json::from_slice(&app.post("/api/get_stream_desk", &[("Cookie", &owner)], &format!("stream={id}")).await.body).unwrap();
        assert_eq!(desk["chat"].as_array().unwrap().len(), 5, "{desk}");
        assert!(desk["chat"][0]["author"].is_number(), "the team's desk knows whom to mute: {desk}");

        // The team mutes the buyer: their next message is refused with the reason.
        let theirs = desk["chat"][1]["id"].as_i64().unwrap();
        assert_eq!(app.post("/api/moderate_stream_chat", &[("Cookie", &owner)], &moderate(theirs, "mute")).await.status, 200);
        let muted = say(&app, &buyer, id, "Hello?").await;
        assert_eq!(muted.status, 409, "{}", muted.text());
        assert!(muted.text().contains("chat_muted"), "{}", muted.text());
        assert_eq!(say(&app, &owner, id, "Thanks for watching").await.status, 200, "the team is never muted");

        // The stream ends: nobody writes, and the replay shows the chat as it was.
        let stopped = send(app.addr, "DELETE", published.header("location").unwrap(), &[("Cookie", &owner)], b"").await;
        assert_eq!(stopped.status, 200);
        let late = say(&app, &owner, id, "One more").await;
        assert_eq!(late.status, 409);
        assert!(late.text().contains("stream_ended"), "{}", late.text());
        let replay = app.get(&format!("/live/{id}")).await.text().replace("<!>", "");
        assert!(replay.contains("Yes, from Ningbo: 30 days") && replay.contains("Thanks for watching"), "{replay}");
        assert!(!replay.contains("Do you ship to Santos?"), "a deleted message stays deleted");
        assert!(now(&app, id, None).await["chat"]["lines"].as_array().unwrap().is_empty());
    }
}
