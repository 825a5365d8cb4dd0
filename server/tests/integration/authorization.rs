//! The authorization matrix: every endpoint that changes state or shows something private,
//! tried by every kind of person against objects they own and objects they do not, with the
//! status each cell must get. A new endpoint gets a row here.

use crate::applications::application;
use crate::attachments;
use crate::deals;
use crate::live;
use crate::meetings;
use crate::messages;
use crate::support;

use app::domain::{
    BusinessType, ChatFrame, ConversationId, CountryCode, ExhibitorId, Role, SocketFrame, TeamRole,
};
use server::accounts::password;
use server::demo::accounts::{BUYER, EXHIBITOR, ORGANIZER, OTHER_EXHIBITOR};
use server::storage::accounts::NewUser;
use support::TestApp;
use support::http::{Part, post_multipart, send};

/// Who tries: a visitor, a buyer, the owner of another exhibitor (B), staff of this exhibitor
/// (A), the owner of A, and the organizer.
const ACTORS: [&str; 6] = [
    "visitor",
    "buyer",
    "owner of B",
    "staff of A",
    "owner of A",
    "organizer",
];

/// Their passwords, as a form field, for what asks for one again.
const PASSWORDS: [&str; 6] = [
    "none",
    BUYER.password,
    OTHER_EXHIBITOR.password,
    "staff+horse+battery",
    EXHIBITOR.password,
    ORGANIZER.password,
];

/// A new staff member of `exhibitor`, stored directly; their id.
async fn add_staff(app: &TestApp, exhibitor: ExhibitorId, email: &str) -> i64 {
    let hash = password::hash("staff horse battery".into()).await.unwrap();
    let user = app
        .db
        .db
        .insert_verified_user(&NewUser {
            email,
            password_hash: &hash,
            name: "Staff Member",
            company: "Exhibitor",
            country: CountryCode::parse("CN").unwrap(),
            business_type: BusinessType::Manufacturer,
            role: Role::Exhibitor,
            language: app::i18n::Locale::en,
        })
        .await
        .unwrap();
    app.db
        .db
        .add_team_member(user, exhibitor, TeamRole::Staff)
        .await
        .unwrap();
    user.0
}

fn profile(exhibitor: i64) -> String {
    format!(
        "exhibitor={exhibitor}&form[description_en]=%3Cp%3EEdited%3C%2Fp%3E&form[description_zh]=\
         &form[year_founded]=2001&form[staff_size]=50&form[main_markets]=Europe&form[certifications]=CE\
         &form[contact_email]=&form[contact_phone]=&form[website]="
    )
}

/// A product form for `exhibitor`; with `id`, an edit of that product.
fn product(exhibitor: i64, id: Option<i64>) -> String {
    let id = id.map(|id| format!("&id={id}")).unwrap_or_default();
    format!(
        "exhibitor={exhibitor}{id}&form[title_en]=Tested+lamp&form[price_min]=3&form[currency]=EUR\
         &form[moq]=10&form[unit_en]=pieces&form[lead_time_days]=7&form[published]=on"
    )
}

/// The first two products of `exhibitor`, in its order.
async fn first_products(app: &TestApp, exhibitor: ExhibitorId) -> (i64, i64) {
    let ids: Vec<i64> = sqlx::query_scalar(
        "SELECT id FROM products WHERE exhibitor_id = $1 ORDER BY position LIMIT 2",
    )
    .bind(exhibitor.0)
    .fetch_all(&app.db.db.pool)
    .await
    .unwrap();
    (ids[0], ids[1])
}

/// A PNG photo, to upload.
fn png() -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    image::DynamicImage::ImageRgb8(image::RgbImage::new(40, 30))
        .write_to(&mut out, image::ImageFormat::Png)
        .unwrap();
    out.into_inner()
}

on_both_engines! { mod matrix; support::spawn_app;

    async fn every_cell_gets_its_status(app) {
        let (a, b) = app.db.db.exhibitor_id_range().await.unwrap();
        let staff_a = format!("staff-a@{}.example", a.0);
        add_staff(&app, a, &staff_a).await;
        let cookies = [
            None,
            Some(app.sign_in(BUYER.email, BUYER.password).await),
            Some(app.sign_in(OTHER_EXHIBITOR.email, OTHER_EXHIBITOR.password).await),
            Some(app.sign_in(&staff_a, "staff horse battery").await),
            Some(app.sign_in(EXHIBITOR.email, EXHIBITOR.password).await),
            Some(app.sign_in(ORGANIZER.email, ORGANIZER.password).await),
        ];
        let unowned: String = sqlx::query_scalar("SELECT slug FROM exhibitors WHERE id = $1")
            .bind(a.0 + 1)
            .fetch_one(&app.db.db.pool)
            .await
            .unwrap();

        let ((pa, pa2), (pb, pb2)) = (first_products(&app, a).await, first_products(&app, b).await);

        // Two applications to decide, and two free booths: one to assign, one the organizer
        // gives the unowned exhibitor first so that there is one to release.
        let section: String = sqlx::query_scalar("SELECT slug FROM sections ORDER BY id LIMIT 1")
            .fetch_one(&app.db.db.pool).await.unwrap();
        for email in ["approve@apply.example", "decline@apply.example"] {
            let applied = app.post("/api/submit_application", &[], &application("Applicant", email, &section)).await;
            assert_eq!(applied.status, 200, "{}", applied.text());
        }
        let applications: Vec<i64> = sqlx::query_scalar("SELECT id FROM exhibitor_applications ORDER BY email")
            .fetch_all(&app.db.db.pool).await.unwrap();
        let (to_approve, to_decline) = (applications[0], applications[1]);
        let free: Vec<String> = sqlx::query_scalar("SELECT code FROM booths WHERE exhibitor_id IS NULL ORDER BY id LIMIT 2")
            .fetch_all(&app.db.db.pool).await.unwrap();
        let (to_assign, to_release) = (free[0].clone(), free[1].clone());
        let organizer = cookies[5].as_deref().unwrap();
        let given = app.post("/api/assign_booth", &[("Cookie", organizer)], &format!("exhibitor={unowned}&booth={to_release}")).await;
        assert_eq!(given.status, 200, "{}", given.text());

        // The buyer's conversation with A.
        let conversation = messages::buyer_conversation(&app, cookies[1].as_deref().unwrap()).await.0;

        // An inquiry of the buyer to A with an open quotation, and an order of another one.
        let (buyer, owner_a) = (cookies[1].clone().unwrap(), cookies[4].clone().unwrap());
        let inquiry = deals::inquiry_between(&app, buyer.clone(), owner_a.clone()).await;
        let quotation = deals::quote(&app, &inquiry, "2.40").await;
        let (inquiry, asked_about) = (inquiry.inquiry, inquiry.product);
        let second = deals::inquiry_between(&app, buyer.clone(), owner_a.clone()).await;
        let (_, order) = deals::order_of(&app, second).await;
        let (hash, token): (String, String) = sqlx::query_as("SELECT sha256, token FROM contracts WHERE order_id = $1")
            .bind(order).fetch_one(&app.db.db.pool).await.unwrap();

        // A meeting of the buyer with A in its first slot; the second slot is free.
        let parties = meetings::parties_of(&app, buyer, owner_a).await;
        let free = meetings::slots(&app, &parties).await;
        let booked = app.post("/api/book_meeting", &[("Cookie", &parties.buyer)], &meetings::book(&parties, free[0])).await;
        assert_eq!(booked.status, 200, "{}", booked.text());
        let meeting = meetings::latest_meeting(&app).await;
        let (slug_a, taken_slot, free_slot) = (parties.slug.clone(), free[0], free[1]);
        let book_taken = meetings::book(&parties, taken_slot);
        let window = format!("form[date]={}&form[from]=14:00&form[to]=15:00&form[minutes]=30", meetings::day_ahead());

        // (what, endpoint, form for the actor at index i, expected status per actor)
        type Form = Box<dyn Fn(usize) -> String>;
        let unowned_for = unowned.clone();
        let (unowned_assign, unowned_release, unowned_read) = (unowned.clone(), unowned.clone(), unowned.clone());
        let rows: Vec<(&str, &str, Form, [u16; 6])> = vec![
            ("invite an owner", "/api/invite_owner",
                Box::new(move |i| format!("exhibitor={unowned_for}&email=owner{i}%40new.example")),
                [401, 403, 403, 403, 403, 200]),
            ("invite staff to A", "/api/invite_staff",
                Box::new(move |i| format!("exhibitor={}&email=a{i}%40staff.example", a.0)),
                [401, 403, 403, 403, 200, 200]),
            ("invite staff to B", "/api/invite_staff",
                Box::new(move |i| format!("exhibitor={}&email=b{i}%40staff.example", b.0)),
                [401, 403, 200, 403, 403, 200]),
            ("edit A's booth", "/api/save_profile", Box::new(move |_| profile(a.0)),
                [401, 403, 403, 200, 200, 403]),
            ("edit B's booth", "/api/save_profile", Box::new(move |_| profile(b.0)),
                [401, 403, 200, 403, 403, 403]),
            ("read the outbox", "/api/get_outbox", Box::new(|_| String::new()),
                [401, 403, 403, 403, 403, 200]),
            ("read the exhibitors overview", "/api/get_onboarding", Box::new(|_| "after=0".into()),
                [401, 403, 403, 403, 403, 200]),
            ("open one's booth editor", "/api/get_booth_editor", Box::new(|_| String::new()),
                [401, 403, 200, 200, 200, 403]),
            ("open one's team", "/api/get_my_team", Box::new(|_| String::new()),
                [401, 403, 200, 200, 200, 403]),
            ("list one's products", "/api/get_team_products", Box::new(|_| String::new()),
                [401, 403, 200, 200, 200, 403]),
            ("add a product to A", "/api/save_product", Box::new(move |_| product(a.0, None)),
                [401, 403, 403, 200, 200, 403]),
            ("add a product to B", "/api/save_product", Box::new(move |_| product(b.0, None)),
                [401, 403, 200, 403, 403, 403]),
            ("open A's product", "/api/get_product_editor", Box::new(move |_| format!("id={pa}")),
                [401, 403, 403, 200, 200, 403]),
            ("edit A's product", "/api/save_product", Box::new(move |_| product(a.0, Some(pa))),
                [401, 403, 403, 200, 200, 403]),
            ("edit A's product, naming B", "/api/save_product", Box::new(move |_| product(b.0, Some(pa))),
                [401, 403, 403, 200, 200, 403]),
            ("edit B's product", "/api/save_product", Box::new(move |_| product(b.0, Some(pb))),
                [401, 403, 200, 403, 403, 403]),
            ("autosave A's product (published: refused)", "/api/autosave_product",
                Box::new(move |_| product(a.0, Some(pa)).replace("&form[published]=on", "")),
                [401, 403, 403, 409, 409, 403]),
            ("autosave B's product", "/api/autosave_product",
                Box::new(move |_| product(b.0, Some(pb)).replace("&form[published]=on", "")),
                [401, 403, 409, 403, 403, 403]),
            ("reorder A's products", "/api/reorder_products",
                Box::new(move |_| format!("exhibitor={}&ids[0]={pa2}&ids[1]={pa}", a.0)),
                [401, 403, 403, 200, 200, 403]),
            ("reorder B's products", "/api/reorder_products",
                Box::new(move |_| format!("exhibitor={}&ids[0]={pb2}&ids[1]={pb}", b.0)),
                [401, 403, 200, 403, 403, 403]),
            ("remove a photo A's product lacks", "/api/remove_product_photo",
                Box::new(move |_| format!("id={pa}&index=0")),
                [401, 403, 403, 404, 404, 403]),
            ("apply to exhibit", "/api/submit_application",
                Box::new(move |i| application("New Company", &format!("applicant{i}@apply.example"), &section)),
                [200, 200, 200, 200, 200, 200]),
            ("read the applications", "/api/get_applications", Box::new(|_| "after=0".into()),
                [401, 403, 403, 403, 403, 200]),
            ("approve an application", "/api/approve_application",
                Box::new(move |_| format!("application={to_approve}")),
                [401, 403, 403, 403, 403, 200]),
            ("decline an application", "/api/decline_application",
                Box::new(move |_| format!("application={to_decline}&reason=Incomplete")),
                [401, 403, 403, 403, 403, 200]),
            ("read an exhibitor's booths", "/api/get_booth_assignments",
                Box::new(move |_| format!("exhibitor={unowned_read}")),
                [401, 403, 403, 403, 403, 200]),
            ("assign a booth", "/api/assign_booth",
                Box::new(move |_| format!("exhibitor={unowned_assign}&booth={to_assign}")),
                [401, 403, 403, 403, 403, 200]),
            ("release a booth", "/api/release_booth",
                Box::new(move |_| format!("exhibitor={unowned_release}&booth={to_release}")),
                [401, 403, 403, 403, 403, 200]),
            ("start a conversation with A", "/api/start_conversation",
                Box::new(move |_| format!("exhibitor={}&back=%2F", a.0)),
                [401, 200, 403, 403, 403, 403]),
            ("list one's conversations", "/api/list_conversations", Box::new(|_| String::new()),
                [401, 200, 200, 200, 200, 200]),
            ("open the buyer's conversation with A", "/api/get_conversation",
                Box::new(move |_| format!("conversation={conversation}")),
                [401, 200, 403, 200, 200, 403]),
            ("write in it", "/api/send_message",
                Box::new(move |i| format!("conversation={conversation}&client_id=matrix-{i}&body=Hello")),
                [401, 200, 403, 200, 200, 403]),
            ("unblock it", "/api/block_conversation",
                Box::new(move |_| format!("conversation={conversation}&blocked=false")),
                [401, 200, 403, 200, 200, 403]),
            ("report it", "/api/report_conversation",
                Box::new(move |_| format!("conversation={conversation}&reason=spam&note=")),
                [401, 200, 403, 200, 200, 403]),
            ("read the reports", "/api/list_reports", Box::new(|_| String::new()),
                [401, 403, 403, 403, 403, 200]),
            ("open the form to ask about A's product", "/api/get_inquiry_draft",
                Box::new(move |_| format!("product={asked_about}")),
                [401, 200, 403, 403, 403, 403]),
            ("send an inquiry about A's product", "/api/send_inquiry",
                Box::new(move |_| deals::inquiry_form(asked_about)),
                [401, 200, 403, 403, 403, 403]),
            ("list one's inquiries and orders", "/api/list_deals", Box::new(|_| String::new()),
                [401, 200, 200, 200, 200, 200]),
            ("open the buyer's inquiry to A", "/api/get_inquiry",
                Box::new(move |_| format!("id={inquiry}")),
                [401, 200, 403, 200, 200, 403]),
            ("counter A's quotation", "/api/answer_quotation",
                Box::new(move |_| deals::answer(inquiry, quotation, "counter")),
                [401, 200, 403, 403, 403, 403]),
            ("quote on the buyer's inquiry to A", "/api/send_quotation",
                Box::new(move |_| deals::quotation_form(inquiry, "2.30")),
                [401, 403, 403, 200, 200, 403]),
            ("open the buyer's order from A", "/api/get_order",
                Box::new(move |_| format!("id={order}")),
                [401, 200, 403, 200, 200, 403]),
            ("complete a placed order (a wrong turn once allowed in)", "/api/move_order",
                Box::new(move |_| format!("order={order}&status=completed")),
                [401, 409, 403, 409, 409, 403]),
            ("sign the order's contract", "/api/sign_contract",
                Box::new(move |i| format!("order={order}&sha256={hash}&signer_name=Signer&confirmation={}", PASSWORDS[i])),
                [401, 200, 403, 403, 200, 403]),
            ("open the form to book a meeting with A", "/api/get_booking_page",
                Box::new(move |_| format!("exhibitor={slug_a}")),
                [401, 200, 403, 403, 403, 403]),
            ("book A's taken slot", "/api/book_meeting",
                Box::new(move |_| book_taken.clone()),
                [401, 409, 403, 403, 403, 403]),
            ("open the buyer's meeting with A", "/api/get_meeting",
                Box::new(move |_| format!("id={meeting}")),
                [401, 200, 403, 200, 200, 403]),
            ("confirm it", "/api/answer_meeting",
                Box::new(move |_| format!("meeting={meeting}&answer=confirm")),
                [401, 403, 403, 200, 409, 403]),
            ("move it to A's free slot", "/api/reschedule_meeting",
                Box::new(move |_| format!("meeting={meeting}&slot={free_slot}")),
                [401, 200, 403, 403, 403, 403]),
            ("cancel it", "/api/cancel_meeting",
                Box::new(move |_| format!("meeting={meeting}")),
                [401, 200, 403, 409, 409, 403]),
            ("open one's availability", "/api/get_availability", Box::new(|_| String::new()),
                [401, 403, 200, 200, 200, 403]),
            ("publish free times", "/api/add_availability", Box::new(move |_| window.clone()),
                [401, 403, 200, 200, 200, 403]),
            ("set one's time zone", "/api/set_time_zone", Box::new(|_| "zone=Asia%2FTokyo&back=%2F".into()),
                [401, 200, 200, 200, 200, 200]),
            ("list one's meetings", "/api/list_meetings", Box::new(|_| String::new()),
                [401, 200, 200, 200, 200, 200]),
            ("mail a new verification link (verified already: nothing to do)", "/api/resend_verification",
                Box::new(|_| "back=%2F".into()), [401, 200, 200, 200, 200, 200]),
            ("read one's two-factor settings", "/api/get_two_factor", Box::new(|_| String::new()),
                [401, 200, 200, 200, 200, 200]),
            ("start setting up an authenticator app", "/api/start_two_factor", Box::new(|_| String::new()),
                [401, 200, 200, 200, 200, 200]),
            ("confirm it with a wrong code", "/api/confirm_two_factor", Box::new(|i| format!("code=000000&current_password={}", PASSWORDS[i])),
                [401, 400, 400, 400, 400, 400]),
            ("turn two-factor sign-in off (organizers and owners may not)", "/api/disable_two_factor",
                Box::new(|i| format!("password={}", PASSWORDS[i])),
                [401, 200, 409, 200, 409, 409]),
            ("see a contract by its link", "/api/get_contract",
                Box::new(move |_| format!("token={token}")),
                [200, 200, 200, 200, 200, 200]),
            ("make A's stream key", "/api/rotate_stream_key", Box::new(move |_| format!("exhibitor={}", a.0)),
                [401, 403, 403, 200, 200, 403]),
            ("make B's stream key", "/api/rotate_stream_key", Box::new(move |_| format!("exhibitor={}", b.0)),
                [401, 403, 200, 403, 403, 403]),
            ("list the fair's streams", "/api/get_live_page", Box::new(|_| String::new()),
                [200, 200, 200, 200, 200, 200]),
            ("open one's live studio", "/api/get_studio", Box::new(|_| String::new()),
                [401, 403, 200, 200, 200, 403]),
            ("schedule one's stream", "/api/schedule_stream",
                Box::new(|_| format!("form[title_en]=Matrix&form[date]={}&form[time]=10:00", meetings::day_ahead())),
                [401, 403, 200, 200, 200, 403]),
        ];
        let mut failures = Vec::new();
        for (what, path, form, expected) in &rows {
            for (i, cookie) in cookies.iter().enumerate() {
                let headers: Vec<(&str, &str)> = cookie.as_deref().map(|c| ("Cookie", c)).into_iter().collect();
                let got = app.post(path, &headers, &form(i)).await.status;
                if got != expected[i] {
                    failures.push(format!("{what} as {}: {got}, expected {}", ACTORS[i], expected[i]));
                }
            }
        }

        // Removing staff of A, a fresh staff member for each attempt; then of B.
        for (team, expected) in [(a, [401, 403, 403, 403, 200, 200]), (b, [401, 403, 200, 403, 403, 200])] {
            for (i, cookie) in cookies.iter().enumerate() {
                let target = add_staff(&app, team, &format!("removable-{}-{i}@x.example", team.0)).await;
                let headers: Vec<(&str, &str)> = cookie.as_deref().map(|c| ("Cookie", c)).into_iter().collect();
                let got = app.post("/api/remove_staff", &headers, &format!("exhibitor={}&user={target}", team.0)).await.status;
                if got != expected[i] {
                    failures.push(format!("remove staff of {} as {}: {got}, expected {}", team.0, ACTORS[i], expected[i]));
                }
            }
        }
        // Revoking an invitation to A, then to B, a fresh one (sent by the organizer) each time.
        for (team, expected) in [(a, [401, 403, 403, 403, 200, 200]), (b, [401, 403, 200, 403, 403, 200])] {
            for (i, cookie) in cookies.iter().enumerate() {
                let form = format!("exhibitor={}&email=revocable-{}-{i}%40x.example", team.0, team.0);
                assert_eq!(app.post("/api/invite_staff", &[("Cookie", organizer)], &form).await.status, 200);
                let headers: Vec<(&str, &str)> = cookie.as_deref().map(|c| ("Cookie", c)).into_iter().collect();
                let got = app.post("/api/revoke_invitation", &headers, &form).await.status;
                if got != expected[i] {
                    failures.push(format!("revoke an invitation to {} as {}: {got}, expected {}", team.0, ACTORS[i], expected[i]));
                }
            }
        }
        // Uploading a photo to A's product, then deleting a fresh product of A, per actor.
        let photo = png();
        for (i, cookie) in cookies.iter().enumerate() {
            let mut headers: Vec<(&str, &str)> = cookie.as_deref().map(|c| ("Cookie", c)).into_iter().collect();
            let expected = [401, 403, 403, 200, 200, 403][i];
            let parts = [Part { name: "file", file_name: Some("p.png"), content_type: "image/png", content: &photo }];
            let got = post_multipart(app.addr, &format!("/exhibitor/products/{pa}/photos"), &headers, &parts).await.status;
            if got != expected {
                failures.push(format!("upload a photo of A's product as {}: {got}, expected {expected}", ACTORS[i]));
            }
            let owner = cookies[4].as_deref().unwrap_or_default();
            let created = app.post("/api/save_product", &[("Cookie", owner)], &product(a.0, None)).await;
            let fresh = String::from_utf8_lossy(&created.body).into_owned();
            headers.truncate(cookie.is_some() as usize);
            let got = app.post("/api/delete_product", &headers, &format!("id={fresh}")).await.status;
            if got != expected {
                failures.push(format!("delete A's product as {}: {got}, expected {expected}", ACTORS[i]));
            }
        }
        // Going live on a stream of A from the browser; anyone watching it meanwhile; leaving
        // it, which only A's team may do for its publisher.
        sqlx::query("INSERT INTO live_streams (exhibitor_id, title_en, title_zh, starts_at, status, created_at) \
                     VALUES ($1, 'Matrix', '矩阵', 0, 'scheduled', 0)")
            .bind(a.0).execute(&app.db.db.pool).await.unwrap();
        let stream: i64 = sqlx::query_scalar("SELECT MAX(id) FROM live_streams").fetch_one(&app.db.db.pool).await.unwrap();
        for (i, cookie) in cookies.iter().enumerate() {
            let headers: Vec<(&str, &str)> = cookie.as_deref().map(|c| ("Cookie", c)).into_iter().collect();
            let opened = app.post("/api/get_stream", &headers, &format!("id={stream}")).await.status;
            if opened != 200 {
                failures.push(format!("open a stream of A as {}: {opened}, expected 200", ACTORS[i]));
            }
        }
        for (i, cookie) in cookies.iter().enumerate() {
            let expected = [401, 403, 403, 201, 201, 403][i];
            let headers: Vec<(&str, &str)> = cookie.as_deref().map(|c| ("Cookie", c)).into_iter().collect();
            let published = live::offer(&app, &format!("/live/streams/{stream}/whip"), &headers, live::OBS_OFFER).await;
            if published.status != expected {
                failures.push(format!("publish a stream of A as {}: {}, expected {expected}", ACTORS[i], published.status));
            }
            if published.status != 201 {
                continue;
            }
            for (j, viewer) in cookies.iter().enumerate() {
                let headers: Vec<(&str, &str)> = viewer.as_deref().map(|c| ("Cookie", c)).into_iter().collect();
                let watched = live::offer(&app, &format!("/live/streams/{stream}/whep"), &headers, &live::viewer_offer()).await;
                if watched.status != 201 {
                    failures.push(format!("watch a live stream of A as {}: {}, expected 201", ACTORS[j], watched.status));
                }
            }
            // While live: pinning a product, the team's desk, an inquiry from under the video.
            let product: i64 = sqlx::query_scalar("SELECT id FROM products WHERE exhibitor_id = $1 AND published = 1 ORDER BY id LIMIT 1")
                .bind(a.0).fetch_one(&app.db.db.pool).await.unwrap();
            let inquiry = crate::deals::inquiry_form(product).replacen(&format!("product={product}&"), "", 1);
            let live_rows: [(&str, &str, String, [u16; 6]); 4] = [
                ("pin a product under A's stream", "/api/pin_product", format!("stream={stream}&product={product}"), [401, 403, 403, 200, 200, 403]),
                ("read A's stream desk", "/api/get_stream_desk", format!("stream={stream}"), [401, 403, 403, 200, 200, 403]),
                ("inquire from under A's stream", "/api/inquire_from_stream", format!("stream={stream}&product={product}&{inquiry}"), [401, 200, 403, 403, 403, 403]),
                ("write in A's stream chat", "/api/send_stream_chat", format!("stream={stream}&body=Hello"), [401, 200, 403, 200, 200, 403]),
            ];
            for (what, path, form, expected) in &live_rows {
                for (j, other) in cookies.iter().enumerate() {
                    let headers: Vec<(&str, &str)> = other.as_deref().map(|c| ("Cookie", c)).into_iter().collect();
                    let got = app.post(path, &headers, form).await.status;
                    if got != expected[j] {
                        failures.push(format!("{what} as {}: {got}, expected {}", ACTORS[j], expected[j]));
                    }
                }
            }
            // Moderating the chat: muting the author of its latest message.
            let message: i64 = sqlx::query_scalar("SELECT MAX(id) FROM live_chat WHERE stream_id = $1")
                .bind(stream).fetch_one(&app.db.db.pool).await.unwrap();
            for (j, other) in cookies.iter().enumerate() {
                let headers: Vec<(&str, &str)> = other.as_deref().map(|c| ("Cookie", c)).into_iter().collect();
                let got = app.post("/api/moderate_stream_chat", &headers, &format!("stream={stream}&message={message}&action=mute")).await.status;
                let expected = [401, 403, 403, 200, 200, 403][j];
                if got != expected {
                    failures.push(format!("moderate A's stream chat as {}: {got}, expected {expected}", ACTORS[j]));
                }
            }
            let location = published.header("location").unwrap_or_default().to_owned();
            for (j, other) in cookies.iter().enumerate().filter(|(j, _)| ![3, 4].contains(j)) {
                let headers: Vec<(&str, &str)> = other.as_deref().map(|c| ("Cookie", c)).into_iter().collect();
                let got = send(app.addr, "DELETE", &location, &headers, b"").await.status;
                let expected = [401, 403, 403, 0, 0, 403][j];
                if got != expected {
                    failures.push(format!("end A's publisher as {}: {got}, expected {expected}", ACTORS[j]));
                }
            }
            let got = send(app.addr, "DELETE", &location, &headers, b"").await.status;
            if got != 200 {
                failures.push(format!("end one's own publishing as {}: {got}, expected 200", ACTORS[i]));
            }
            sqlx::query("UPDATE live_streams SET status = 'scheduled' WHERE id = $1").bind(stream).execute(&app.db.db.pool).await.unwrap();
        }
        // Taking A's replay off the fair and opening it then.
        sqlx::query("UPDATE live_streams SET status = 'ended' WHERE id = $1").bind(stream).execute(&app.db.db.pool).await.unwrap();
        for (i, cookie) in cookies.iter().enumerate() {
            let expected = [401, 403, 403, 200, 200, 403][i];
            let headers: Vec<(&str, &str)> = cookie.as_deref().map(|c| ("Cookie", c)).into_iter().collect();
            let got = app.post("/api/publish_replay", &headers, &format!("stream={stream}&published=false")).await.status;
            if got != expected {
                failures.push(format!("take A's replay off the fair as {}: {got}, expected {expected}", ACTORS[i]));
            }
        }
        for (i, cookie) in cookies.iter().enumerate() {
            let expected = [404, 404, 404, 200, 200, 404][i];
            let headers: Vec<(&str, &str)> = cookie.as_deref().map(|c| ("Cookie", c)).into_iter().collect();
            let got = app.post("/api/get_stream", &headers, &format!("id={stream}")).await.status;
            if got != expected {
                failures.push(format!("open A's replay off the fair as {}: {got}, expected {expected}", ACTORS[i]));
            }
        }
        // The meeting's calendar file.
        for (i, cookie) in cookies.iter().enumerate() {
            let expected = [401, 200, 403, 200, 200, 403][i];
            let headers: Vec<(&str, &str)> = cookie.as_deref().map(|c| ("Cookie", c)).into_iter().collect();
            let got = app.get_with(&format!("/meetings/{meeting}/meeting.ics"), &headers).await.status;
            if got != expected {
                failures.push(format!("download the meeting's calendar file as {}: {got}, expected {expected}", ACTORS[i]));
            }
        }
        // A file in the buyer's conversation with A: sending one, then reading the buyer's.
        let mut file_url = None;
        for (i, cookie) in cookies.iter().enumerate() {
            let expected = [401, 200, 403, 200, 200, 403][i];
            let sent = attachments::attach(&app, cookie.as_deref().unwrap_or(""), ConversationId(conversation),
                &format!("file-{i}"), ("photo.png", &attachments::png(40, 30))).await;
            if sent.status == 200 && file_url.is_none() {
                let json: serde_json::Value = serde_json::from_slice(&sent.body).unwrap();
                file_url = json["urls"][0].as_str().map(str::to_owned);
            }
            if sent.status != expected {
                failures.push(format!("send a file in the conversation as {}: {}, expected {expected}", ACTORS[i], sent.status));
            }
        }
        let file_url = file_url.expect("the buyer sent a file");
        for (i, cookie) in cookies.iter().enumerate() {
            let expected = [401, 200, 403, 200, 200, 403][i];
            let headers: Vec<(&str, &str)> = cookie.as_deref().map(|c| ("Cookie", c)).into_iter().collect();
            let got = app.get_with(&file_url, &headers).await.status;
            if got != expected {
                failures.push(format!("read a file of the conversation as {}: {got}, expected {expected}", ACTORS[i]));
            }
        }
        // The socket: open it, then write in the buyer's conversation with A.
        for (i, cookie) in cookies.iter().enumerate() {
            let expected = [401, 200, 403, 200, 200, 403][i];
            let got = match messages::open_socket(&app, cookie.as_deref(), None).await {
                Err(status) => status,
                Ok(mut socket) => {
                    let frame = ChatFrame::Send {
                        conversation: ConversationId(conversation),
                        client_id: format!("socket-{i}"),
                        body: "Hello".into(),
                    };
                    messages::put(&mut socket, &frame).await;
                    match messages::next(&mut socket).await {
                        SocketFrame::Ack { .. } => 200,
                        frame => messages::refusal(frame).status(),
                    }
                }
            };
            if got != expected {
                failures.push(format!("write over the socket as {}: {got}, expected {expected}", ACTORS[i]));
            }
        }
        // Joining a live meeting's video call over the socket.
        let open_slot = meetings::slots(&app, &parties).await[0];
        let booked = app.post("/api/book_meeting", &[("Cookie", &parties.buyer)], &meetings::book(&parties, open_slot)).await;
        assert_eq!(booked.status, 200, "{}", booked.text());
        let live = app::domain::MeetingId(meetings::latest_meeting(&app).await);
        for (i, cookie) in cookies.iter().enumerate() {
            let expected = [401, 200, 403, 200, 200, 403][i];
            let got = match messages::open_socket(&app, cookie.as_deref(), None).await {
                Err(status) => status,
                Ok(mut socket) => {
                    messages::put(&mut socket, &ChatFrame::JoinCall { meeting: live }).await;
                    match messages::next(&mut socket).await {
                        SocketFrame::CallJoined { .. } => 200,
                        frame => messages::refusal(frame).status(),
                    }
                }
            };
            if got != expected {
                failures.push(format!("join the meeting's call as {}: {got}, expected {expected}", ACTORS[i]));
            }
        }
        assert!(failures.is_empty(), "cells that leak or refuse wrongly:\n{}", failures.join("\n"));
    }
}
