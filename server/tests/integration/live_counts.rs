//! Exhibitors On Live's counts on both engines: people, not connections (a buyer in three
//! tabs and a visitor's browser by its viewer cookie are one viewer each), the most watching
//! at once, the people who watched, the inquiries and meetings sent from under the video;
//! read live on the team's desk and kept on its studio page after the stream ends.

use crate::deals::inquiry_form;
use crate::live::{OBS_OFFER, offer, viewer_offer};
use crate::meetings::{book, parties, slots};
use crate::support::{self, TestApp};
use server::demo::accounts::OTHER_EXHIBITOR;
use support::http::{Response, send};

async fn json(app: &TestApp, cookie: &str, path: &str, form: &str) -> serde_json::Value {
    let response = app.post(path, &[("Cookie", cookie)], form).await;
    assert_eq!(response.status, 200, "{path}: {}", response.text());
    serde_json::from_slice(&response.body).unwrap()
}

/// Watching `stream` with these headers: the resource to leave by.
async fn watch(app: &TestApp, stream: i64, headers: &[(&str, &str)]) -> Response {
    let watching = offer(
        app,
        &format!("/live/streams/{stream}/whep"),
        headers,
        &viewer_offer(),
    )
    .await;
    assert_eq!(watching.status, 201, "{}", watching.text());
    watching
}

async fn leave(app: &TestApp, watching: &Response) {
    let left = send(
        app.addr,
        "DELETE",
        watching.header("location").unwrap(),
        &[],
        b"",
    )
    .await;
    assert_eq!(left.status, 200);
}

async fn watching_now(app: &TestApp, stream: i64) -> i64 {
    let now: serde_json::Value =
        serde_json::from_slice(&app.get(&format!("/live/streams/{stream}")).await.body).unwrap();
    now["viewers"].as_i64().unwrap()
}

on_both_engines! { mod live_counts; support::spawn_app;
    async fn people_are_counted_once_however_many_tabs_and_the_counts_are_kept(app) {
        let p = parties(&app).await;
        let published = offer(&app, "/live/whip", &[("Cookie", &p.exhibitor)], OBS_OFFER).await;
        assert_eq!(published.status, 201, "{}", published.text());
        let id: i64 = sqlx::query_scalar("SELECT id FROM live_streams WHERE status = 'live'").fetch_one(&app.db.db.pool).await.unwrap();

        // A buyer signed in, in three tabs: one viewer.
        let mut tabs = Vec::new();
        for _ in 0..3 {
            tabs.push(watch(&app, id, &[("Cookie", &p.buyer)]).await);
        }
        assert_eq!(watching_now(&app, id).await, 1);

        // A visitor's browser gets a viewer cookie; its next tabs send it and stay one viewer.
        let first = watch(&app, id, &[]).await;
        let set = first.header("set-cookie").expect("a viewer cookie").to_owned();
        assert!(set.starts_with("cf_viewer=") && set.contains("HttpOnly") && set.contains("Path=/live"), "{set}");
        let cookie = set.split(';').next().unwrap().to_owned();
        let second = watch(&app, id, &[("Cookie", &cookie)]).await;
        assert!(second.header("set-cookie").is_none(), "a known browser keeps its cookie");
        assert_eq!(watching_now(&app, id).await, 2);
        // Another browser is another viewer; a forged cookie is a new browser, not an error.
        let other = watch(&app, id, &[("Cookie", "cf_viewer=<script>")]).await;
        assert!(other.header("set-cookie").is_some());
        assert_eq!(watching_now(&app, id).await, 3);
        leave(&app, &other).await;
        assert_eq!(watching_now(&app, id).await, 2);

        // Closing two of the buyer's three tabs leaves the buyer watching.
        leave(&app, &tabs[0]).await;
        leave(&app, &tabs[1]).await;
        assert_eq!(watching_now(&app, id).await, 2);
        leave(&app, &first).await;
        assert_eq!(watching_now(&app, id).await, 2, "the visitor still watches in its second tab");

        // An inquiry and a meeting from under the video; another exhibitor's stream is not kept
        // on a meeting with this one.
        let product: i64 = sqlx::query_scalar("SELECT MIN(id) FROM products WHERE exhibitor_id = 1 AND published = 1").fetch_one(&app.db.db.pool).await.unwrap();
        let form = inquiry_form(product).replacen(&format!("product={product}&"), "", 1);
        let sent = app.post("/api/inquire_from_stream", &[("Cookie", &p.buyer)], &format!("stream={id}&product={product}&{form}")).await;
        assert_eq!(sent.status, 200, "{}", sent.text());
        let free = slots(&app, &p).await;
        let booked = app.post("/api/book_meeting", &[("Cookie", &p.buyer)], &format!("{}&stream={id}", book(&p, free[0]))).await;
        assert_eq!(booked.status, 200, "{}", booked.text());
        let other_team = app.sign_in(OTHER_EXHIBITOR.email, OTHER_EXHIBITOR.password).await;
        assert_eq!(offer(&app, "/live/whip", &[("Cookie", &other_team)], OBS_OFFER).await.status, 201);
        let elsewhere: i64 = sqlx::query_scalar("SELECT id FROM live_streams WHERE status = 'live' AND id <> $1").bind(id).fetch_one(&app.db.db.pool).await.unwrap();
        let booked = app.post("/api/book_meeting", &[("Cookie", &p.buyer)], &format!("{}&stream={elsewhere}", book(&p, free[1]))).await;
        assert_eq!(booked.status, 200, "{}", booked.text());
        let kept: Vec<Option<i64>> = sqlx::query_scalar("SELECT stream_id FROM meetings ORDER BY id").fetch_all(&app.db.db.pool).await.unwrap();
        assert_eq!(kept, [Some(id), None]);

        // The team's desk reads them live.
        let desk = json(&app, &p.exhibitor, "/api/get_stream_desk", &format!("stream={id}")).await;
        let counts = &desk["counts"];
        assert_eq!((counts["watching"].as_i64(), counts["peak"].as_i64(), counts["people"].as_i64()), (Some(2), Some(3), Some(3)), "{desk}");
        assert_eq!((counts["inquiries"].as_i64(), counts["meetings"].as_i64()), (Some(1), Some(1)), "{desk}");

        // The team stops: everyone's time is kept, and the studio lists the replay's counts.
        let stopped = send(app.addr, "DELETE", published.header("location").unwrap(), &[("Cookie", &p.exhibitor)], b"").await;
        assert_eq!(stopped.status, 200);
        let kept: Vec<(String, i64)> = sqlx::query_as("SELECT viewer, seconds FROM live_viewers WHERE stream_id = $1 ORDER BY viewer").bind(id).fetch_all(&app.db.db.pool).await.unwrap();
        assert_eq!(kept.len(), 3, "{kept:?}");
        assert!(kept.iter().all(|(viewer, seconds)| *seconds >= 0 && !viewer.contains("script")), "{kept:?}");
        assert_eq!(watching_now(&app, id).await, 0);
        let studio = json(&app, &p.exhibitor, "/api/get_studio", "").await;
        let replay = studio["streams"].as_array().unwrap().iter().find(|s| s["id"] == id).unwrap();
        assert_eq!(replay["counts"]["peak"], 3, "{replay}");
        assert_eq!(replay["counts"]["people"], 3, "{replay}");
        assert_eq!(replay["counts"]["meetings"], 1, "{replay}");
        let html = app.get_with("/exhibitor/live", &[("Cookie", &p.exhibitor)]).await.text().replace("<!>", "");
        assert!(html.contains("Most at once: 3") && html.contains("People who watched: 3") && html.contains("Meetings booked: 1"), "{html}");
        // Nobody else reads them.
        assert_eq!(app.post("/api/get_stream_desk", &[("Cookie", &p.buyer)], &format!("stream={id}")).await.status, 403);
    }
}
