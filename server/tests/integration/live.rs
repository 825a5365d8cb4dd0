//! Exhibitors On Live's media path over HTTP on both engines: a team's stream key, a studio
//! encoder's WHIP publish (an offer shaped as OBS 30 sends it) answered 201 with H.264 and
//! Opus, its resource and the ICE servers; viewers' WHEP; leaving; and every refusal: no key
//! or a wrong one, someone outside the team, a malformed offer, no H.264, the wrong type, a
//! second publisher, a stream not live.

use crate::support::{self, TestApp};
use server::demo::accounts::{BUYER, EXHIBITOR, OTHER_EXHIBITOR};
use support::http::{Response, send};

/// An offer shaped as OBS 30 sends it (H.264 and Opus, no candidates).
pub const OBS_OFFER: &str = include_str!("../../src/live/media/obs_offer.sdp");

/// The same offer from a browser that cannot send H.264.
fn vp8_offer() -> String {
    OBS_OFFER.replace("H264/90000", "VP8/90000").replace(
        "a=fmtp:96 profile-level-id=42e01f;packetization-mode=1;level-asymmetry-allowed=1\r\n",
        "",
    )
}

/// A viewer's offer: the publisher's, receiving.
pub fn viewer_offer() -> String {
    OBS_OFFER.replace("a=sendonly", "a=recvonly")
}

/// POSTs an SDP body to `path` with these headers.
pub async fn offer(app: &TestApp, path: &str, headers: &[(&str, &str)], sdp: &str) -> Response {
    let mut all = vec![("Content-Type", "application/sdp")];
    all.extend_from_slice(headers);
    send(app.addr, "POST", path, &all, sdp.as_bytes()).await
}

/// A fresh stream key for exhibitor 1, made by its owner.
async fn stream_key(app: &TestApp, owner: &str) -> String {
    let made = app
        .post(
            "/api/rotate_stream_key",
            &[("Cookie", owner)],
            "exhibitor=1",
        )
        .await;
    assert_eq!(made.status, 200, "{}", made.text());
    serde_json::from_slice(&made.body).unwrap()
}

async fn status_of_stream(app: &TestApp, id: i64) -> String {
    sqlx::query_scalar("SELECT status FROM live_streams WHERE id = $1")
        .bind(id)
        .fetch_one(&app.db.db.pool)
        .await
        .unwrap()
}

/// The stream a session's publish started: exhibitor 1's only one.
async fn only_stream(app: &TestApp) -> i64 {
    sqlx::query_scalar("SELECT id FROM live_streams WHERE exhibitor_id = 1")
        .fetch_one(&app.db.db.pool)
        .await
        .unwrap()
}

on_both_engines! { mod live; support::spawn_app;

    async fn a_studio_encoder_goes_live_with_its_key_and_leaves(app) {
        let owner = app.sign_in(EXHIBITOR.email, EXHIBITOR.password).await;
        let key = stream_key(&app, &owner).await;
        assert!(key.starts_with("live_") && key.len() == 48, "{key}");
        let bearer = format!("Bearer {key}");

        let published = offer(&app, "/live/whip", &[("Authorization", &bearer)], OBS_OFFER).await;
        assert_eq!(published.status, 201, "{}", published.text());
        assert_eq!(published.header("content-type"), Some("application/sdp"));
        let answer = published.text();
        assert!(answer.starts_with("v=0\r\n"), "{answer}");
        assert!(answer.contains("a=rtpmap:96 H264/90000") && answer.contains("a=rtpmap:111 opus/48000/2"), "{answer}");
        assert!(answer.contains("typ host"), "our address is in the answer: {answer}");
        let location = published.header("location").unwrap().to_owned();
        let stream = only_stream(&app).await;
        assert!(location.starts_with(&format!("/live/streams/{stream}/sessions/")), "{location}");
        assert_eq!(status_of_stream(&app, stream).await, "live");
        let title: String = sqlx::query_scalar("SELECT title_en FROM live_streams WHERE id = $1")
            .bind(stream).fetch_one(&app.db.db.pool).await.unwrap();
        assert!(title.ends_with(" live"), "{title}");

        // A second publisher of the same stream, by key or by a team member, is refused.
        let again = offer(&app, "/live/whip", &[("Authorization", &bearer)], OBS_OFFER).await;
        assert_eq!(again.status, 409, "{}", again.text());
        assert!(again.text().contains("stream_busy"));
        let path = format!("/live/streams/{stream}/whip");
        assert_eq!(offer(&app, &path, &[("Cookie", &owner)], OBS_OFFER).await.status, 409);

        // Viewers join while it is live.
        let watched = offer(&app, &format!("/live/streams/{stream}/whep"), &[], &viewer_offer()).await;
        assert_eq!(watched.status, 201, "{}", watched.text());
        let viewer = watched.header("location").unwrap().to_owned();
        assert_ne!(viewer, location);
        // No trickle ICE: PATCH is not allowed on a resource.
        let patch = send(app.addr, "PATCH", &location, &[("Content-Type", "application/trickle-ice-sdpfrag")], b"a=end-of-candidates\r\n").await;
        assert_eq!(patch.status, 405);

        // Only its team ends a publisher's session; a viewer leaves by its own resource.
        assert_eq!(send(app.addr, "DELETE", &location, &[], b"").await.status, 401);
        let other = app.sign_in(OTHER_EXHIBITOR.email, OTHER_EXHIBITOR.password).await;
        assert_eq!(send(app.addr, "DELETE", &location, &[("Cookie", &other)], b"").await.status, 403);
        assert_eq!(status_of_stream(&app, stream).await, "live", "nothing ended by refused requests");
        assert_eq!(send(app.addr, "DELETE", &viewer, &[], b"").await.status, 200);
        assert_eq!(send(app.addr, "DELETE", &viewer, &[], b"").await.status, 404, "already gone");
        let elsewhere = location.replace(&format!("/streams/{stream}/"), "/streams/999999/");
        assert_eq!(send(app.addr, "DELETE", &elsewhere, &[("Authorization", &bearer)], b"").await.status, 404, "another stream's");
        let staying = offer(&app, &format!("/live/streams/{stream}/whep"), &[], &viewer_offer()).await;
        assert_eq!(staying.status, 201);
        assert_eq!(send(app.addr, "DELETE", &location, &[("Authorization", &bearer)], b"").await.status, 200);
        assert_eq!(status_of_stream(&app, stream).await, "ended");
        let staying = staying.header("location").unwrap();
        assert_eq!(send(app.addr, "DELETE", staying, &[], b"").await.status, 404, "the stream's end closed its viewers");
        let late = offer(&app, &format!("/live/streams/{stream}/whep"), &[], &viewer_offer()).await;
        assert_eq!(late.status, 409);
        assert!(late.text().contains("stream_ended"), "{}", late.text());
        let ended = offer(&app, &path, &[("Authorization", &bearer)], OBS_OFFER).await;
        assert_eq!(ended.status, 409);
        assert!(ended.text().contains("stream_ended"));
    }

    async fn a_team_member_goes_live_from_the_browser(app) {
        let owner = app.sign_in(EXHIBITOR.email, EXHIBITOR.password).await;
        let key = stream_key(&app, &owner).await;
        // The encoder path makes the stream; it ends; a new one is started by the next publish.
        let first = offer(&app, "/live/whip", &[("Authorization", &format!("Bearer {key}"))], OBS_OFFER).await;
        let stream = only_stream(&app).await;
        assert_eq!(send(app.addr, "DELETE", first.header("location").unwrap(), &[("Cookie", &owner)], b"").await.status, 200);
        sqlx::query("INSERT INTO live_streams (exhibitor_id, title_en, title_zh, starts_at, status, created_at) VALUES (1, 'Spring lamps', '春季灯具', 0, 'scheduled', 0)")
            .execute(&app.db.db.pool).await.unwrap();
        let scheduled: i64 = sqlx::query_scalar("SELECT MAX(id) FROM live_streams").fetch_one(&app.db.db.pool).await.unwrap();
        assert_ne!(scheduled, stream);
        let path = format!("/live/streams/{scheduled}/whip");
        let buyer = app.sign_in(BUYER.email, BUYER.password).await;
        let other = app.sign_in(OTHER_EXHIBITOR.email, OTHER_EXHIBITOR.password).await;
        assert_eq!(offer(&app, &path, &[], OBS_OFFER).await.status, 401);
        assert_eq!(offer(&app, &path, &[("Cookie", &buyer)], OBS_OFFER).await.status, 403);
        assert_eq!(offer(&app, &path, &[("Cookie", &other)], OBS_OFFER).await.status, 403);
        assert_eq!(status_of_stream(&app, scheduled).await, "scheduled", "nothing started");
        let published = offer(&app, &path, &[("Cookie", &owner)], OBS_OFFER).await;
        assert_eq!(published.status, 201, "{}", published.text());
        assert_eq!(status_of_stream(&app, scheduled).await, "live");
        assert_eq!(send(app.addr, "DELETE", published.header("location").unwrap(), &[("Cookie", &owner)], b"").await.status, 200);
    }

    async fn publishing_without_the_right_key_or_offer_is_refused(app) {
        let owner = app.sign_in(EXHIBITOR.email, EXHIBITOR.password).await;
        let key = stream_key(&app, &owner).await;
        let bearer = format!("Bearer {key}");
        let refused = |status: u16, code: &'static str| move |response: Response| {
            assert_eq!(response.status, status, "{}", response.text());
            assert!(response.text().contains(code), "{code}: {}", response.text());
        };
        refused(401, "")(offer(&app, "/live/whip", &[], OBS_OFFER).await);
        let made_up = format!("Bearer live_{}", "A".repeat(43));
        refused(401, "")(offer(&app, "/live/whip", &[("Authorization", &made_up)], OBS_OFFER).await);
        refused(401, "")(offer(&app, "/live/whip", &[("Authorization", "Bearer nonsense")], OBS_OFFER).await);
        refused(400, "sdp_malformed")(offer(&app, "/live/whip", &[("Authorization", &bearer)], "v=0\r\nnot an offer").await);
        refused(422, "codec_unsupported")(offer(&app, "/live/whip", &[("Authorization", &bearer)], &vp8_offer()).await);
        let plain = send(app.addr, "POST", "/live/whip", &[("Authorization", &bearer), ("Content-Type", "text/plain")], OBS_OFFER.as_bytes()).await;
        refused(415, "media_type_unsupported")(plain);
        let huge = format!("{OBS_OFFER}{}", "a=x\r\n".repeat(5000));
        assert_eq!(offer(&app, "/live/whip", &[("Authorization", &bearer)], &huge).await.status, 413);
        let streams: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM live_streams")
            .fetch_one(&app.db.db.pool).await.unwrap();
        assert_eq!(streams, 0, "no stream made, none went live");

        // A new key replaces the old one; a key only makes by its team.
        let newer = stream_key(&app, &owner).await;
        refused(401, "")(offer(&app, "/live/whip", &[("Authorization", &bearer)], OBS_OFFER).await);
        let buyer = app.sign_in(BUYER.email, BUYER.password).await;
        assert_eq!(app.post("/api/rotate_stream_key", &[("Cookie", &buyer)], "exhibitor=1").await.status, 403);
        assert_eq!(app.post("/api/rotate_stream_key", &[], "exhibitor=1").await.status, 401);
        let published = offer(&app, "/live/whip", &[("Authorization", &format!("Bearer {newer}"))], OBS_OFFER).await;
        assert_eq!(published.status, 201);
        // Watching what does not exist or is not live.
        assert_eq!(offer(&app, "/live/streams/999999/whep", &[], &viewer_offer()).await.status, 404);
        assert_eq!(offer(&app, "/live/streams/x/whep", &[], &viewer_offer()).await.status, 400);
    }
}
