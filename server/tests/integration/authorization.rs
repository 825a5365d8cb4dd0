//! The authorization matrix: every endpoint that changes state or shows something private,
//! tried by every kind of person against objects they own and objects they do not, with the
//! status each cell must get. A new endpoint gets a row here.

use crate::support;

use app::domain::{BusinessType, CountryCode, ExhibitorId, Role, TeamRole};
use server::accounts::password;
use server::demo::accounts::{BUYER, EXHIBITOR, ORGANIZER, OTHER_EXHIBITOR};
use server::storage::accounts::NewUser;
use support::TestApp;

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

        // (what, endpoint, form for the actor at index i, expected status per actor)
        type Form = Box<dyn Fn(usize) -> String>;
        let unowned_for = unowned.clone();
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
        assert!(failures.is_empty(), "cells that leak or refuse wrongly:\n{}", failures.join("\n"));
    }
}
