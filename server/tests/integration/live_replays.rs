//! Replays on both engines: when a stream ends its page lists the products the team showed,
//! in order, each from its moment (the chapters); the team takes the replay off the fair
//! (gone from `/live` and from everyone else's reach, kept in its studio) and puts it back;
//! a stream that has not ended cannot be taken off.

use crate::live::{OBS_OFFER, offer};
use crate::support::{self, TestApp};
use server::demo::accounts::{BUYER, EXHIBITOR};
use support::http::send;

async fn json(app: &TestApp, cookie: &str, path: &str, form: &str) -> serde_json::Value {
    let response = app.post(path, &[("Cookie", cookie)], form).await;
    assert_eq!(response.status, 200, "{path}: {}", response.text());
    serde_json::from_slice(&response.body).unwrap()
}

async fn replays(app: &TestApp, cookie: &str) -> Vec<i64> {
    let page = json(app, cookie, "/api/get_live_page", "").await;
    page["replays"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_i64().unwrap())
        .collect()
}

on_both_engines! { mod live_replays; support::spawn_app;
    async fn a_replay_shows_its_chapters_and_its_team_takes_it_off_the_fair_and_back(app) {
        let owner = app.sign_in(EXHIBITOR.email, EXHIBITOR.password).await;
        let buyer = app.sign_in(BUYER.email, BUYER.password).await;
        let published = offer(&app, "/live/whip", &[("Cookie", &owner)], OBS_OFFER).await;
        assert_eq!(published.status, 201, "{}", published.text());
        let id: i64 = sqlx::query_scalar("SELECT id FROM live_streams WHERE status = 'live'").fetch_one(&app.db.db.pool).await.unwrap();
        let off = |published: bool| format!("stream={id}&published={published}");
        let live = app.post("/api/publish_replay", &[("Cookie", &owner)], &off(false)).await;
        assert_eq!(live.status, 409);
        assert!(live.text().contains("stream_not_ended"), "{}", live.text());

        // The team shows two products, then none; the stream ends.
        let own: Vec<(i64, String)> = sqlx::query_as("SELECT id, title_en FROM products WHERE exhibitor_id = 1 AND published = 1 ORDER BY id LIMIT 2")
            .fetch_all(&app.db.db.pool).await.unwrap();
        for (product, _) in &own {
            let pinned = app.post("/api/pin_product", &[("Cookie", &owner)], &format!("stream={id}&product={product}")).await;
            assert_eq!(pinned.status, 200, "{}", pinned.text());
        }
        assert_eq!(app.post("/api/pin_product", &[("Cookie", &owner)], &format!("stream={id}")).await.status, 200);
        let stopped = send(app.addr, "DELETE", published.header("location").unwrap(), &[("Cookie", &owner)], b"").await;
        assert_eq!(stopped.status, 200);

        // Its page lists them in order, each with its moment, with or without JavaScript.
        let view = json(&app, &buyer, "/api/get_stream", &format!("id={id}")).await;
        let chapters: Vec<(i64, i64)> = view["chapters"].as_array().unwrap().iter()
            .map(|c| (c["product"]["id"].as_i64().unwrap(), c["second"].as_i64().unwrap())).collect();
        assert_eq!(chapters.iter().map(|c| c.0).collect::<Vec<_>>(), own.iter().map(|p| p.0).collect::<Vec<_>>(), "{view}");
        assert!(chapters.iter().all(|c| (0..60).contains(&c.1)), "{chapters:?}");
        let html = app.get(&format!("/live/{id}")).await.text().replace("<!>", "");
        let (first, second) = (html.find(&own[0].1).expect("the first chapter"), html.find(&own[1].1).expect("the second"));
        assert!(html.contains("Products shown") && first < second, "{html}");
        assert!(replays(&app, &buyer).await.contains(&id));

        // The team takes it off the fair: gone from /live, not found by others, kept for the team.
        let plain = [("Cookie", owner.as_str()), ("Accept", "text/html")];
        let taken = app.post("/api/publish_replay", &plain, &off(false)).await;
        assert_eq!(taken.status, 302, "{}", taken.text());
        assert_eq!(taken.header("location"), Some("/exhibitor/live"));
        assert!(!replays(&app, &buyer).await.contains(&id));
        assert_eq!(app.post("/api/get_stream", &[("Cookie", &buyer)], &format!("id={id}")).await.status, 404);
        assert_eq!(app.get(&format!("/live/{id}")).await.status, 404);
        assert_eq!(json(&app, &owner, "/api/get_stream", &format!("id={id}")).await["stream"]["unpublished"], true);
        let studio = app.get_with("/exhibitor/live", &[("Cookie", &owner)]).await.text().replace("<!>", "");
        assert!(studio.contains("Off the fair: only your team sees this replay.") && studio.contains("Put the replay back on the fair"), "{studio}");

        // And back.
        assert_eq!(app.post("/api/publish_replay", &[("Cookie", &owner)], &off(true)).await.status, 200);
        assert!(replays(&app, &buyer).await.contains(&id));
        assert_eq!(app.get(&format!("/live/{id}")).await.status, 200);
        assert_eq!(app.post("/api/publish_replay", &[("Cookie", &owner)], "stream=999999&published=false").await.status, 404);
    }
}
