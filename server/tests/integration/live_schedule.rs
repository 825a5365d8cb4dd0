//! Exhibitors On Live's pages on both engines: a team schedules a stream with its titles,
//! its time in the team's zone and its products; buyers find it on `/live`, on its page
//! (with or without JavaScript, in their own zone and language); field errors for a time
//! past or too far, a title too long, another exhibitor's product; going live from the
//! studio starts the team's next stream, and `/live` counts its viewers.

use crate::deals::inquiry_form;
use crate::live::{OBS_OFFER, offer, viewer_offer};
use crate::meetings::day_ahead;
use crate::support::{self, TestApp};
use server::demo::accounts::{BUYER, EXHIBITOR, OTHER_EXHIBITOR};
use support::http::send;

/// Two published products of exhibitor `id`.
async fn products_of(app: &TestApp, id: i64) -> Vec<i64> {
    sqlx::query_scalar(
        "SELECT id FROM products WHERE exhibitor_id = $1 AND published = 1 ORDER BY id LIMIT 2",
    )
    .bind(id)
    .fetch_all(&app.db.db.pool)
    .await
    .unwrap()
}

async fn product_title(app: &TestApp, id: i64) -> String {
    sqlx::query_scalar("SELECT title_en FROM products WHERE id = $1")
        .bind(id)
        .fetch_one(&app.db.db.pool)
        .await
        .unwrap()
}

async fn stream_count(app: &TestApp) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM live_streams")
        .fetch_one(&app.db.db.pool)
        .await
        .unwrap()
}

fn schedule_form(date: &str, title: &str, products: &[i64]) -> String {
    let mut form = format!(
        "form[title_en]={title}&form[title_ar]=%D9%85%D8%B5%D8%A7%D8%A8%D9%8A%D8%AD&form[date]={date}&form[time]=10:30"
    );
    for product in products {
        form.push_str(&format!("&form[products][]={product}"));
    }
    form
}

async fn json(app: &TestApp, cookie: &str, path: &str, form: &str) -> serde_json::Value {
    let response = app.post(path, &[("Cookie", cookie)], form).await;
    assert_eq!(response.status, 200, "{path}: {}", response.text());
    serde_json::from_slice(&response.body).unwrap()
}

on_both_engines! { mod live_schedule; support::spawn_app;

    async fn a_team_schedules_a_stream_and_buyers_find_it_in_their_zone_and_language(app) {
        let owner = app.sign_in(EXHIBITOR.email, EXHIBITOR.password).await;
        let set = app.post("/api/set_time_zone", &[("Cookie", &owner)], "zone=Asia%2FShanghai&back=%2F").await;
        assert_eq!(set.status, 200, "{}", set.text());
        let products = products_of(&app, 1).await;
        let form = schedule_form(&day_ahead(), "Spring+lamps+live", &[products[1], products[0]]);
        let plain = [("Cookie", owner.as_str()), ("Accept", "text/html")];
        let scheduled = app.post("/api/schedule_stream", &plain, &form).await;
        assert_eq!(scheduled.status, 302, "{}", scheduled.text());
        let to = scheduled.header("location").unwrap().to_owned();
        let id: i64 = to.rsplit('=').next().unwrap().parse().unwrap();
        assert_eq!(to, format!("/exhibitor/live?scheduled={id}"));

        // In a buyer's zone: 10:30 in Shanghai is 03:30 in Berlin in winter, 04:30 in summer.
        let buyer = app.sign_in(BUYER.email, BUYER.password).await;
        app.post("/api/set_time_zone", &[("Cookie", &buyer)], "zone=Europe%2FBerlin&back=%2F").await;
        let page = json(&app, &buyer, "/api/get_live_page", "").await;
        assert_eq!(page["zone"], "Europe/Berlin");
        let listed = &page["scheduled"][0];
        assert_eq!(listed["id"], id);
        assert_eq!(listed["title"]["en"], "Spring lamps live");
        assert_eq!(listed["status"], "scheduled");
        let local = listed["at_local"].as_str().unwrap();
        assert!(local.ends_with(" 03:30") || local.ends_with(" 04:30"), "{local}");
        assert_eq!(page["live"].as_array().unwrap().len(), 0);

        // Its page without JavaScript: the title, the time, the products in the team's order.
        let html = app.get(&format!("/live/{id}")).await;
        assert_eq!(html.status, 200);
        let text = html.text().replace("<!>", "");
        assert!(text.contains("Spring lamps live") && text.contains("(UTC)"), "a visitor reads UTC: {text}");
        let (first, second) = (product_title(&app, products[1]).await, product_title(&app, products[0]).await);
        let at = |needle: &str| text.find(needle).unwrap_or_else(|| panic!("{needle} on the page"));
        assert!(at(&first) < at(&second), "featured in the team's order");
        assert!(text.contains("id=\"live-video\""), "the player is there for when it starts");
        let arabic = app.get_with(&format!("/live/{id}"), &[("Accept-Language", "ar")]).await.text();
        assert!(arabic.contains("lang=\"ar\" dir=\"rtl\">مصابيح</h1>") || arabic.contains(">مصابيح</h1>"), "the Arabic title");
        assert!(app.get("/live").await.text().contains("Spring lamps live"));

        // The team's studio lists it, and offers it to go live with.
        let studio = json(&app, &owner, "/api/get_studio", "").await;
        assert_eq!(studio["streams"][0]["id"], id);
        assert_eq!(studio["has_key"], false);
        assert!(studio["products"].as_array().unwrap().len() >= 2);
        assert_eq!(app.post("/api/get_studio", &[("Cookie", &buyer)], "").await.status, 403);
        assert_eq!(app.post("/api/get_studio", &[], "").await.status, 401);
        assert_eq!(app.get("/live/999999").await.status, 404);
    }

    async fn a_bad_schedule_gets_field_errors_and_saves_nothing(app) {
        let owner = app.sign_in(EXHIBITOR.email, EXHIBITOR.password).await;
        let own = products_of(&app, 1).await;
        let others = products_of(&app, 2).await;
        let refused = async |form: String, field: &str, code: &str| {
            let response = app.post("/api/schedule_stream", &[("Cookie", &owner)], &form).await;
            assert_eq!(response.status, 400, "{form}: {}", response.text());
            let text = response.text();
            assert!(text.contains(field) && text.contains(code), "{field} {code}: {text}");
        };
        refused(schedule_form("2020-01-01", "Old", &own), "date", "slot_past").await;
        refused(schedule_form("2099-01-01", "Far", &own), "date", "too_far_ahead").await;
        refused(schedule_form(&day_ahead(), &"x".repeat(121), &own), "title_en", "too_long").await;
        refused(schedule_form(&day_ahead(), "", &own), "title_en", "required").await;
        refused(schedule_form(&day_ahead(), "Theirs", &[own[0], others[0]]), "products", "product_not_own").await;
        refused(schedule_form(&day_ahead(), "Bad", &[]).replace("10:30", "25:00"), "time", "time_invalid").await;
        let many: Vec<i64> = (1..=13).collect();
        refused(schedule_form(&day_ahead(), "Many", &many), "products", "too_many").await;
        assert_eq!(stream_count(&app).await, 0, "nothing saved");
        // The page form keeps what was typed and names the field.
        let plain = [("Cookie", owner.as_str()), ("Accept", "text/html")];
        let back = app.post("/api/schedule_stream", &plain, &schedule_form("2020-01-01", "Old", &own)).await;
        let to = back.header("location").unwrap();
        assert!(to.starts_with("/exhibitor/live?") && to.contains("slot_past") && to.contains("Old"), "{to}");
        // Only a team schedules, and only its own streams.
        let buyer = app.sign_in(BUYER.email, BUYER.password).await;
        let form = schedule_form(&day_ahead(), "Mine", &[]);
        assert_eq!(app.post("/api/schedule_stream", &[("Cookie", &buyer)], &form).await.status, 403);
        assert_eq!(app.post("/api/schedule_stream", &[], &form).await.status, 401);
        let other = app.sign_in(OTHER_EXHIBITOR.email, OTHER_EXHIBITOR.password).await;
        assert_eq!(app.post("/api/schedule_stream", &[("Cookie", &other)], &schedule_form(&day_ahead(), "Mine", &own)).await.status, 400);
        assert_eq!(stream_count(&app).await, 0);
    }

    async fn going_live_from_the_studio_starts_the_next_stream_and_counts_its_viewers(app) {
        let owner = app.sign_in(EXHIBITOR.email, EXHIBITOR.password).await;
        let published = offer(&app, "/live/whip", &[("Cookie", &owner)], OBS_OFFER).await;
        assert_eq!(published.status, 201, "{}", published.text());
        let buyer = app.sign_in(BUYER.email, BUYER.password).await;
        assert_eq!(offer(&app, "/live/whip", &[("Cookie", &buyer)], OBS_OFFER).await.status, 403);
        let page = json(&app, &buyer, "/api/get_live_page", "").await;
        let live = &page["live"][0];
        assert_eq!(live["status"], "live");
        assert_eq!(live["viewers"], 0);
        let id = live["id"].as_i64().unwrap();
        let watching = offer(&app, &format!("/live/streams/{id}/whep"), &[], &viewer_offer()).await;
        assert_eq!(watching.status, 201);
        let page = json(&app, &buyer, "/api/get_live_page", "").await;
        assert_eq!(page["live"][0]["viewers"], 1);
        let listed = app.get("/live").await.text().replace("<!>", "");
        assert!(listed.contains("Watching: 1"), "{listed}");
        // The team stops: the stream is a replay, and its page says it ended.
        let stopped = send(app.addr, "DELETE", published.header("location").unwrap(), &[("Cookie", &owner)], b"").await;
        assert_eq!(stopped.status, 200);
        let page = json(&app, &buyer, "/api/get_live_page", "").await;
        assert_eq!(page["replays"][0]["id"], id);
        let html = app.get(&format!("/live/{id}")).await.text();
        assert!(html.contains("The stream has ended.") && !html.contains("id=\"live-video\""));
    }

    async fn the_team_pins_a_product_and_a_buyer_inquires_from_under_the_video(app) {
        let owner = app.sign_in(EXHIBITOR.email, EXHIBITOR.password).await;
        let published = offer(&app, "/live/whip", &[("Cookie", &owner)], OBS_OFFER).await;
        assert_eq!(published.status, 201, "{}", published.text());
        let id: i64 = sqlx::query_scalar("SELECT id FROM live_streams WHERE status = 'live'").fetch_one(&app.db.db.pool).await.unwrap();
        let own = products_of(&app, 1).await;
        let others = products_of(&app, 2).await;

        // Only the team pins, only its own products, only while live.
        let buyer = app.sign_in(BUYER.email, BUYER.password).await;
        let pin = |product: i64| format!("stream={id}&product={product}");
        assert_eq!(app.post("/api/pin_product", &[("Cookie", &buyer)], &pin(own[0])).await.status, 403);
        assert_eq!(app.post("/api/pin_product", &[], &pin(own[0])).await.status, 401);
        let theirs = app.post("/api/pin_product", &[("Cookie", &owner)], &pin(others[0])).await;
        assert_eq!(theirs.status, 400);
        assert!(theirs.text().contains("product_not_own"), "{}", theirs.text());
        assert_eq!(app.post("/api/pin_product", &[("Cookie", &owner)], &pin(own[1])).await.status, 200);

        // Every viewer's next look shows it.
        let now = app.get(&format!("/live/streams/{id}")).await;
        assert_eq!(now.status, 200);
        let now: serde_json::Value = serde_json::from_slice(&now.body).unwrap();
        assert_eq!(now["status"], "live");
        assert_eq!(now["pinned"]["id"], own[1]);
        let view = json(&app, &buyer, "/api/get_stream", &format!("id={id}")).await;
        assert_eq!(view["pinned"]["id"], own[1]);
        assert!(view["inquiry"]["country"].as_str().is_some_and(|c| c.len() == 2), "{view}");
        let visitor = app.post("/api/get_stream", &[], &format!("id={id}")).await;
        assert!(serde_json::from_slice::<serde_json::Value>(&visitor.body).unwrap()["inquiry"].is_null());

        // The buyer inquires in one step; the inquiry keeps the stream and the moment.
        let form = inquiry_form(own[1]).replacen(&format!("product={}&", own[1]), "", 1);
        let sent = app.post("/api/inquire_from_stream", &[("Cookie", &buyer)], &format!("stream={id}&product={}&{form}", own[1])).await;
        assert_eq!(sent.status, 200, "{}", sent.text());
        let inquiry: i64 = serde_json::from_slice(&sent.body).unwrap();
        let (stream, second): (Option<i64>, Option<i64>) = sqlx::query_as("SELECT stream_id, stream_second FROM inquiries WHERE id = $1")
            .bind(inquiry).fetch_one(&app.db.db.pool).await.unwrap();
        assert_eq!(stream, Some(id));
        assert!(second.is_some_and(|s| (0..60).contains(&s)), "{second:?}");
        // Another exhibitor's stream is not kept on an inquiry about this one's product.
        let other = app.sign_in(OTHER_EXHIBITOR.email, OTHER_EXHIBITOR.password).await;
        assert_eq!(offer(&app, "/live/whip", &[("Cookie", &other)], OBS_OFFER).await.status, 201);
        let elsewhere: i64 = sqlx::query_scalar("SELECT id FROM live_streams WHERE status = 'live' AND id <> $1")
            .bind(id).fetch_one(&app.db.db.pool).await.unwrap();
        let sent = app.post("/api/inquire_from_stream", &[("Cookie", &buyer)], &format!("stream={elsewhere}&product={}&{form}", own[1])).await;
        assert_eq!(sent.status, 200, "{}", sent.text());
        let inquiry: i64 = serde_json::from_slice(&sent.body).unwrap();
        let kept: Option<i64> = sqlx::query_scalar("SELECT stream_id FROM inquiries WHERE id = $1").bind(inquiry).fetch_one(&app.db.db.pool).await.unwrap();
        assert_eq!(kept, None);

        // The team's desk lists it; nobody else reads the desk.
        let desk = json(&app, &owner, "/api/get_stream_desk", &format!("stream={id}")).await;
        assert_eq!(desk["pinned"], own[1]);
        assert_eq!(desk["inquiries"].as_array().unwrap().len(), 1, "{desk}");
        assert_eq!(desk["inquiries"][0]["product"], product_title(&app, own[1]).await);
        assert_eq!(app.post("/api/get_stream_desk", &[("Cookie", &buyer)], &format!("stream={id}")).await.status, 403);
        assert_eq!(app.post("/api/get_stream_desk", &[("Cookie", &other)], &format!("stream={id}")).await.status, 403);

        // Unpinned, then the stream ends: nothing on screen, no more pinning.
        assert_eq!(app.post("/api/pin_product", &[("Cookie", &owner)], &format!("stream={id}")).await.status, 200);
        let now: serde_json::Value = serde_json::from_slice(&app.get(&format!("/live/streams/{id}")).await.body).unwrap();
        assert!(now["pinned"].is_null(), "{now}");
        send(app.addr, "DELETE", published.header("location").unwrap(), &[("Cookie", &owner)], b"").await;
        let late = app.post("/api/pin_product", &[("Cookie", &owner)], &pin(own[0])).await;
        assert_eq!(late.status, 409);
        let pins: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM live_pins WHERE stream_id = $1").bind(id).fetch_one(&app.db.db.pool).await.unwrap();
        assert_eq!(pins, 2, "the pin and the unpin, kept as chapters");
    }
}
