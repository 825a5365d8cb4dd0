//! Meetings through the server functions, on both engines: an exhibitor in Shanghai
//! publishes slots, a buyer in Berlin sees them in both zones and books one, the team
//! confirms, the buyer moves it without cancelling; many bookings of one slot at once make
//! one; an unanswered request expires and frees its slot; reminders reach both sides.

use crate::messages::{next, open_socket, put, refusal};
use crate::support::{self, TestApp};
use app::domain::{ChatFrame, MeetingId, SocketFrame};
use server::demo::accounts::{BUYER, EXHIBITOR};

/// The day three days from now in Shanghai, as the availability form takes it.
pub fn day_ahead() -> String {
    let today = jiff::Zoned::now().in_tz("Asia/Shanghai").unwrap().date();
    today
        .checked_add(jiff::Span::new().days(3))
        .unwrap()
        .strftime("%Y-%m-%d")
        .to_string()
}

pub struct Parties {
    pub buyer: String,
    pub exhibitor: String,
    pub slug: String,
}

/// The demo buyer in Berlin and the demo exhibitor in Shanghai, with two 30-minute slots
/// from 09:00 there, three days ahead.
pub async fn parties(app: &TestApp) -> Parties {
    let buyer = app.sign_in(BUYER.email, BUYER.password).await;
    let exhibitor = app.sign_in(EXHIBITOR.email, EXHIBITOR.password).await;
    parties_of(app, buyer, exhibitor).await
}

/// The same with sessions signed in already.
pub async fn parties_of(app: &TestApp, buyer: String, exhibitor: String) -> Parties {
    for (cookie, zone) in [(&buyer, "Europe/Berlin"), (&exhibitor, "Asia/Shanghai")] {
        let set = app
            .post(
                "/api/set_time_zone",
                &[("Cookie", cookie)],
                &format!("zone={zone}&back=%2F"),
            )
            .await;
        assert_eq!(set.status, 200, "{}", set.text());
    }
    let added = app
        .post(
            "/api/add_availability",
            &[("Cookie", &exhibitor)],
            &format!(
                "form[date]={}&form[from]=09:00&form[to]=10:00&form[minutes]=30",
                day_ahead()
            ),
        )
        .await;
    assert_eq!(added.status, 200, "{}", added.text());
    assert_eq!(added.text(), "2");
    let (a, _) = app.db.db.exhibitor_id_range().await.unwrap();
    Parties {
        buyer,
        exhibitor,
        slug: app.exhibitor_slug(a.0).await,
    }
}

async fn json(app: &TestApp, cookie: &str, path: &str, form: &str) -> serde_json::Value {
    let response = app.post(path, &[("Cookie", cookie)], form).await;
    assert_eq!(response.status, 200, "{path}: {}", response.text());
    serde_json::from_slice(&response.body).unwrap()
}

pub async fn slots(app: &TestApp, p: &Parties) -> Vec<i64> {
    let page = json(
        app,
        &p.buyer,
        "/api/get_booking_page",
        &format!("exhibitor={}", p.slug),
    )
    .await;
    page["slots"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_i64().unwrap())
        .collect()
}

pub fn book(p: &Parties, slot: i64) -> String {
    format!("exhibitor={}&slot={slot}&topic=Samples+and+prices", p.slug)
}

pub async fn latest_meeting(app: &TestApp) -> i64 {
    sqlx::query_scalar("SELECT MAX(id) FROM meetings")
        .fetch_one(&app.db.db.pool)
        .await
        .unwrap()
}

on_both_engines! { mod meetings; support::spawn_app;

    async fn a_meeting_is_booked_confirmed_and_moved_in_both_zones(app) {
        let p = parties(&app).await;
        let page = json(&app, &p.buyer, "/api/get_booking_page", &format!("exhibitor={}", p.slug)).await;
        assert_eq!(page["zones"]["exhibitor"], "Asia/Shanghai");
        assert_eq!(page["zones"]["buyer"], "Europe/Berlin");
        let first = &page["slots"][0]["starts"];
        assert!(first["exhibitor"].as_str().unwrap().ends_with(" 09:00"), "{first}");
        assert!(first["buyer"].as_str().unwrap().ends_with(" 02:00"), "{first}");
        let ids = slots(&app, &p).await;
        assert_eq!(ids.len(), 2);

        let booked = app.post("/api/book_meeting", &[("Cookie", &p.buyer)], &book(&p, ids[0])).await;
        assert_eq!(booked.status, 200, "{}", booked.text());
        let meeting = latest_meeting(&app).await;
        assert_eq!(slots(&app, &p).await, [ids[1]], "a booked slot is no longer offered");
        let again = app.post("/api/book_meeting", &[("Cookie", &p.buyer)], &book(&p, ids[0])).await;
        assert_eq!(again.status, 409);
        assert!(again.text().contains("slot_taken"));

        // The team sees it in its own zone and confirms.
        let seen = json(&app, &p.exhibitor, "/api/get_meeting", &format!("id={meeting}")).await;
        assert_eq!((seen["status"].as_str(), seen["reader"].as_str()), (Some("requested"), Some("exhibitor")));
        assert!(seen["slot"]["starts"]["exhibitor"].as_str().unwrap().ends_with(" 09:00"));
        // In Russian, the weekday is Russian; the day and time are written as before.
        let russian = app.post("/api/get_meeting", &[("Cookie", &p.exhibitor), ("Accept-Language", "ru")], &format!("id={meeting}")).await;
        let russian: serde_json::Value = serde_json::from_slice(&russian.body).unwrap();
        let starts = russian["slot"]["starts"]["exhibitor"].as_str().unwrap();
        let (weekday, rest) = starts.split_once(' ').unwrap();
        assert!(["пн", "вт", "ср", "чт", "пт", "сб", "вс"].contains(&weekday), "{starts}");
        assert_eq!(rest, seen["slot"]["starts"]["exhibitor"].as_str().unwrap().split_once(' ').unwrap().1);
        let buyer_confirms = app.post("/api/answer_meeting", &[("Cookie", &p.buyer)], &format!("meeting={meeting}&answer=confirm")).await;
        assert_eq!(buyer_confirms.status, 403);
        let confirmed = app.post("/api/answer_meeting", &[("Cookie", &p.exhibitor)], &format!("meeting={meeting}&answer=confirm")).await;
        assert_eq!(confirmed.status, 200, "{}", confirmed.text());

        // The calendar file, for the parties only, in UTC (09:00 in Shanghai is 01:00Z).
        let ics = app.get_with(&format!("/meetings/{meeting}/meeting.ics"), &[("Cookie", &p.buyer)]).await;
        assert_eq!(ics.status, 200);
        let text = ics.text();
        assert!(text.contains("BEGIN:VEVENT") && text.contains("STATUS:CONFIRMED"), "{text}");
        assert!(text.lines().any(|l| l.starts_with("DTSTART:") && l.ends_with("T010000Z")), "{text}");
        assert_eq!(app.get(&format!("/meetings/{meeting}/meeting.ics")).await.status, 401);

        // The buyer moves it to the other slot without cancelling: the first is free again.
        let moved = app.post("/api/reschedule_meeting", &[("Cookie", &p.buyer)], &format!("meeting={meeting}&slot={}", ids[1])).await;
        assert_eq!(moved.status, 200, "{}", moved.text());
        let after = json(&app, &p.buyer, "/api/get_meeting", &format!("id={meeting}")).await;
        assert_eq!(after["slot"]["id"], ids[1]);
        assert_eq!(after["status"], "requested");
        assert_eq!(slots(&app, &p).await, [ids[0]]);
        let team_moves = app.post("/api/reschedule_meeting", &[("Cookie", &p.exhibitor)], &format!("meeting={meeting}&slot={}", ids[0])).await;
        assert_eq!(team_moves.status, 403);

        // Cancelled, it frees its slot and cannot be answered.
        let cancelled = app.post("/api/cancel_meeting", &[("Cookie", &p.exhibitor)], &format!("meeting={meeting}")).await;
        assert_eq!(cancelled.status, 200);
        let late = app.post("/api/answer_meeting", &[("Cookie", &p.exhibitor)], &format!("meeting={meeting}&answer=confirm")).await;
        assert_eq!(late.status, 409);
        assert_eq!(slots(&app, &p).await.len(), 2);
        let listed = json(&app, &p.buyer, "/api/list_meetings", "").await;
        assert_eq!(listed[0]["status"], "cancelled");
    }

    async fn simultaneous_bookings_of_one_slot_make_one_meeting(app) {
        let p = parties(&app).await;
        let slot = slots(&app, &p).await[0];
        let form = book(&p, slot);
        let headers = [("Cookie", p.buyer.as_str())];
        let attempts = (0..24).map(|_| app.post("/api/book_meeting", &headers, &form));
        let statuses: Vec<u16> = futures_util::future::join_all(attempts).await.into_iter().map(|r| r.status).collect();
        assert_eq!(statuses.iter().filter(|s| **s == 200).count(), 1, "{statuses:?}");
        assert!(statuses.iter().all(|s| *s == 200 || *s == 409), "{statuses:?}");
        let live: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM meetings WHERE slot_id = $1 AND status IN ('requested', 'confirmed')")
            .bind(slot).fetch_one(&app.db.db.pool).await.unwrap();
        assert_eq!(live, 1);
        // The database refuses a second live booking even without the service.
        let forced = sqlx::query(
            "INSERT INTO meetings (slot_id, buyer_id, exhibitor_id, topic, status, expires_at, created_at, updated_at) \
             SELECT slot_id, buyer_id, exhibitor_id, '', 'confirmed', expires_at, 0, 0 FROM meetings WHERE slot_id = $1",
        ).bind(slot).execute(&app.db.db.pool).await;
        assert!(forced.is_err());
    }

    async fn unanswered_requests_expire_and_reminders_reach_both_sides(app) {
        let p = parties(&app).await;
        let ids = slots(&app, &p).await;
        let booked = app.post("/api/book_meeting", &[("Cookie", &p.buyer)], &book(&p, ids[0])).await;
        assert_eq!(booked.status, 200);
        let stale = latest_meeting(&app).await;
        sqlx::query("UPDATE meetings SET expires_at = 1 WHERE id = $1").bind(stale).execute(&app.db.db.pool).await.unwrap();
        // The expired request no longer holds the slot: it is offered and can be booked.
        assert_eq!(slots(&app, &p).await.len(), 2);
        let late = app.post("/api/answer_meeting", &[("Cookie", &p.exhibitor)], &format!("meeting={stale}&answer=confirm")).await;
        assert_eq!(late.status, 409);
        let rebooked = app.post("/api/book_meeting", &[("Cookie", &p.buyer)], &book(&p, ids[0])).await;
        assert_eq!(rebooked.status, 200, "{}", rebooked.text());
        let fresh = latest_meeting(&app).await;
        let status: String = sqlx::query_scalar("SELECT status FROM meetings WHERE id = $1").bind(stale).fetch_one(&app.db.db.pool).await.unwrap();
        assert_eq!(status, "expired");

        // Confirmed and starting within the hour: one sweep writes one reminder per person.
        let confirmed = app.post("/api/answer_meeting", &[("Cookie", &p.exhibitor)], &format!("meeting={fresh}&answer=confirm")).await;
        assert_eq!(confirmed.status, 200);
        let soon = server::clock::now() + 1800;
        sqlx::query("UPDATE meeting_slots SET starts_at = $2, ends_at = $3 WHERE id = $1")
            .bind(ids[0]).bind(soon).bind(soon + 1800).execute(&app.db.db.pool).await.unwrap();
        // The buyer reads the fair in French (chosen with the language switch, kept on the
        // account); the team in English, the language they have.
        let switched = app.get_with("/lang/fr?next=/", &[("Cookie", &p.buyer)]).await;
        assert_eq!(switched.status, 303);
        let signal = server::mail::MailSignal::default();
        for _ in 0..2 {
            server::meetings::sweeper::sweep(&app.db.db, "http://fair.example", &signal).await.unwrap();
        }
        // Every mail about this meeting, in whatever language.
        let reminders: Vec<(String, String, String)> = sqlx::query_as(
            "SELECT recipient, subject, body FROM outbox WHERE body LIKE $1 ORDER BY id",
        )
        .bind(format!("%/meetings/{fresh}\n%"))
        .fetch_all(&app.db.db.pool).await.unwrap();
        let to = |email: &str| reminders.iter().filter(|(recipient, ..)| recipient == email).collect::<Vec<_>>();
        assert_eq!(to(BUYER.email).len(), 1, "one reminder, however many sweeps: {reminders:?}");
        assert_eq!(to(EXHIBITOR.email).len(), 1, "{reminders:?}");
        let (_, subject, body) = to(BUYER.email)[0];
        assert!(subject.starts_with("Rappel : votre rendez-vous avec "), "{subject}");
        assert!(body.contains("Chez vous :") && body.contains("http://fair.example/meetings/"), "{body}");
        let (_, subject, body) = to(EXHIBITOR.email)[0];
        assert!(subject.starts_with("Reminder: your meeting with "), "{subject}");
        assert!(body.contains("Your time:") && body.contains(BUYER.name), "{body}");
    }

    async fn the_call_passes_signals_between_the_two_parties_only(app) {
        let p = parties(&app).await;
        let slot = slots(&app, &p).await[0];
        assert_eq!(app.post("/api/book_meeting", &[("Cookie", &p.buyer)], &book(&p, slot)).await.status, 200);
        let meeting = MeetingId(latest_meeting(&app).await);
        let mut team = open_socket(&app, Some(&p.exhibitor), None).await.unwrap();
        let mut buyer = open_socket(&app, Some(&p.buyer), None).await.unwrap();
        // A signal before joining is refused.
        put(&mut buyer, &ChatFrame::Signal { meeting, signal: "{}".into() }).await;
        assert_eq!(refusal(next(&mut buyer).await), app::error::AppError::Conflict(app::error::ErrorCode::CallNotJoined));
        put(&mut team, &ChatFrame::JoinCall { meeting }).await;
        assert_eq!(next(&mut team).await, SocketFrame::CallJoined { meeting, others: 0 });
        put(&mut buyer, &ChatFrame::JoinCall { meeting }).await;
        assert_eq!(next(&mut buyer).await, SocketFrame::CallJoined { meeting, others: 1 });
        assert_eq!(next(&mut team).await, SocketFrame::PeerJoined { meeting });
        let offer = r#"{"kind":"offer","sdp":"v=0"}"#.to_owned();
        put(&mut buyer, &ChatFrame::Signal { meeting, signal: offer.clone() }).await;
        assert_eq!(next(&mut team).await, SocketFrame::Signal { meeting, signal: offer });
        // Someone else's socket cannot join; a visitor cannot even open one.
        let other = app.sign_in(server::demo::accounts::OTHER_EXHIBITOR.email, server::demo::accounts::OTHER_EXHIBITOR.password).await;
        let mut stranger = open_socket(&app, Some(&other), None).await.unwrap();
        put(&mut stranger, &ChatFrame::JoinCall { meeting }).await;
        assert_eq!(refusal(next(&mut stranger).await).status(), 403);
        // The buyer leaves: the team is told.
        drop(buyer);
        assert_eq!(next(&mut team).await, SocketFrame::PeerLeft { meeting });
        // A cancelled meeting's call cannot be joined.
        assert_eq!(app.post("/api/cancel_meeting", &[("Cookie", &p.buyer)], &format!("meeting={}", meeting.0)).await.status, 200);
        let mut late = open_socket(&app, Some(&p.buyer), None).await.unwrap();
        put(&mut late, &ChatFrame::JoinCall { meeting }).await;
        assert_eq!(refusal(next(&mut late).await), app::error::AppError::Conflict(app::error::ErrorCode::MeetingClosed));
        assert_eq!(app.post("/api/get_call_room", &[("Cookie", &p.buyer)], &format!("meeting={}", meeting.0)).await.status, 409);
    }

    async fn bad_times_and_zones_are_refused(app) {
        let p = parties(&app).await;
        for (form, code) in [
            ("form[date]=2026-02-30&form[from]=09:00&form[to]=10:00&form[minutes]=30", "date_invalid"),
            ("form[date]=2020-01-01&form[from]=09:00&form[to]=10:00&form[minutes]=30", "slot_past"),
            ("form[date]=2100-01-01&form[from]=09:00&form[to]=10:00&form[minutes]=30", "too_far_ahead"),
            ("form[date]=2026-12-08&form[from]=10:00&form[to]=09:00&form[minutes]=30", "window_too_short"),
            ("form[date]=2026-12-08&form[from]=09:00&form[to]=10:00&form[minutes]=7", "choose_one"),
        ] {
            let added = app.post("/api/add_availability", &[("Cookie", &p.exhibitor)], form).await;
            assert_eq!(added.status, 400, "{form}");
            assert!(added.text().contains(code), "{form}: {}", added.text());
        }
        let zone = app.post("/api/set_time_zone", &[("Cookie", &p.buyer)], "zone=Mars%2FOlympus&back=%2F").await;
        assert_eq!(zone.status, 400);
        let buyer_publishes = app.post("/api/add_availability", &[("Cookie", &p.buyer)],
            &format!("form[date]={}&form[from]=11:00&form[to]=12:00&form[minutes]=30", day_ahead())).await;
        assert_eq!(buyer_publishes.status, 403);
        let team_books = app.post("/api/book_meeting", &[("Cookie", &p.exhibitor)], &book(&p, slots(&app, &p).await[0])).await;
        assert_eq!(team_books.status, 403);
        let slot = slots(&app, &p).await[0];
        sqlx::query("UPDATE meeting_slots SET starts_at = 1000, ends_at = 2800 WHERE id = $1").bind(slot).execute(&app.db.db.pool).await.unwrap();
        let past = app.post("/api/book_meeting", &[("Cookie", &p.buyer)], &book(&p, slot)).await;
        assert_eq!(past.status, 409);
        assert!(past.text().contains("slot_past"));
        assert_eq!(app.post("/api/book_meeting", &[("Cookie", &p.buyer)], &book(&p, 999_999)).await.status, 404);
        let meetings: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM meetings").fetch_one(&app.db.db.pool).await.unwrap();
        assert_eq!(meetings, 0);
    }
}
