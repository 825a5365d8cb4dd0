//! Applications to exhibit through the real app on both engines: a company applies (bad
//! applications refused field by field), the organizer approves, which creates the exhibitor
//! and mails its contact an invitation; the organizer assigns and releases booths, which the
//! hall map shows at once; another application is declined with a reason the applicant gets.
//! Every organizer step is also tried by people who may not do it.

use crate::support;
use crate::teams::invitation_token_in;

use server::demo::accounts::{BUYER, EXHIBITOR, ORGANIZER};
use support::TestApp;

/// An application form for `company` from `email` in section `section`.
pub(crate) fn application(company: &str, email: &str, section: &str) -> String {
    format!(
        "form[company_en]={}&form[company_zh]=&form[country]=CN&form[section]={section}\
         &form[year_founded]=2004&form[staff_size]=350&form[contact_name]=Li+Wei\
         &form[email]={}&form[website]=https%3A%2F%2Fbright.example&form[message]=LED+panels",
        company.replace(' ', "+"),
        email.replace('@', "%40")
    )
}

async fn scalar(app: &TestApp, sql: &str) -> i64 {
    sqlx::query_scalar(sql)
        .fetch_one(&app.db.db.pool)
        .await
        .unwrap()
}

async fn text(app: &TestApp, sql: &str) -> String {
    sqlx::query_scalar(sql)
        .fetch_one(&app.db.db.pool)
        .await
        .unwrap()
}

on_both_engines! { mod applications; support::spawn_app;

    async fn a_company_applies_is_approved_gets_booths_and_its_owner_takes_over(app) {
        let organizer = app.sign_in(ORGANIZER.email, ORGANIZER.password).await;
        let buyer = app.sign_in(BUYER.email, BUYER.password).await;
        let other_owner = app.sign_in(EXHIBITOR.email, EXHIBITOR.password).await;
        let section = text(&app, "SELECT slug FROM sections ORDER BY id LIMIT 1").await;
        let exhibitors_before = scalar(&app, "SELECT exhibitor_count FROM fair_sessions WHERE is_current = 1").await;

        // A bad application is refused with every reason, and nothing is stored.
        let bad = app.post("/api/submit_application", &[], "form[company_en]=&form[country]=XX&form[section]=&form[year_founded]=3000&form[staff_size]=0&form[contact_name]=&form[email]=nope").await;
        assert_eq!(bad.status, 400);
        for field in ["company_en", "country", "section", "year_founded", "staff_size", "contact_name", "email"] {
            assert!(bad.text().contains(field), "{field} in {}", bad.text());
        }
        let unknown_section = app.post("/api/submit_application", &[], &application("Bright Lamps", "li.wei@bright.example", "no-such-section")).await;
        assert_eq!(unknown_section.status, 400);
        assert_eq!(scalar(&app, "SELECT COUNT(*) FROM exhibitor_applications").await, 0);

        // A good one is stored and confirmed by mail; the same address cannot apply twice while
        // it waits, and an address with an account cannot apply.
        let form = application("Ningbo Bright Lamps", "li.wei@bright.example", &section);
        let applied = app.post("/api/submit_application", &[], &form).await;
        assert_eq!(applied.status, 200, "{}", applied.text());
        let receipt = app.mail.wait_for("li.wei@bright.example").await;
        assert!(receipt.header("Subject").unwrap().contains("Ningbo Bright Lamps"));
        assert_eq!(app.post("/api/submit_application", &[], &form).await.status, 409);
        let taken = application("Buyer Co", BUYER.email, &section);
        assert_eq!(app.post("/api/submit_application", &[], &taken).await.status, 409);

        // Only the organizer sees and decides applications.
        let list = "/organizer/applications";
        assert_eq!(app.get(list).await.status, 401);
        assert_eq!(app.get_with(list, &[("Cookie", &buyer)]).await.status, 403);
        let page = app.get_with(list, &[("Cookie", &organizer)]).await;
        assert_eq!(page.status, 200);
        assert!(page.text().contains("Ningbo Bright Lamps") && page.text().contains("LED panels"));
        let id = scalar(&app, "SELECT id FROM exhibitor_applications WHERE email = 'li.wei@bright.example'").await;
        let approve = format!("application={id}");
        assert_eq!(app.status_as(None, "/api/approve_application", &approve).await, 401);
        assert_eq!(app.status_as(Some(&buyer), "/api/approve_application", &approve).await, 403);
        assert_eq!(app.status_as(Some(&other_owner), "/api/approve_application", &approve).await, 403);
        assert_eq!(app.status_as(Some(&organizer), "/api/approve_application", "application=999999").await, 404);
        assert_eq!(app.status_as(Some(&organizer), "/api/approve_application", &approve).await, 200);
        assert_eq!(app.status_as(Some(&organizer), "/api/approve_application", &approve).await, 409, "decided once");

        // The exhibitor exists, counts, and is public; its contact has an owner's invitation.
        assert_eq!(scalar(&app, "SELECT exhibitor_count FROM fair_sessions WHERE is_current = 1").await, exhibitors_before + 1);
        let booth_page = app.get("/exhibitors/ningbo-bright-lamps").await;
        assert_eq!(booth_page.status, 200);
        assert!(booth_page.text().contains("Ningbo Bright Lamps"));
        let token = invitation_token_in(&app.mail.wait_for_nth("li.wei@bright.example", 1).await);

        // Booths: a free one is assigned and shows on its hall's map; a taken or unknown one is
        // refused; a released one is free again.
        let free = text(&app, "SELECT code FROM booths WHERE exhibitor_id IS NULL ORDER BY id LIMIT 1").await;
        let hall = text(&app, &format!("SELECT h.slug FROM halls h JOIN booths b ON b.hall_id = h.id WHERE b.code = '{free}'")).await;
        let held_by_one = text(&app, "SELECT code FROM booths WHERE exhibitor_id = 1 ORDER BY id LIMIT 1").await;
        let booths = app.get_with("/organizer/exhibitors/ningbo-bright-lamps", &[("Cookie", &organizer)]).await;
        assert_eq!(booths.status, 200);
        assert!(booths.text().contains(&free), "free booths are offered");
        assert_eq!(app.get_with("/organizer/exhibitors/ningbo-bright-lamps", &[("Cookie", &buyer)]).await.status, 403);
        let assign = format!("exhibitor=ningbo-bright-lamps&booth={}", free.to_lowercase());
        assert_eq!(app.status_as(None, "/api/assign_booth", &assign).await, 401);
        assert_eq!(app.status_as(Some(&buyer), "/api/assign_booth", &assign).await, 403);
        assert_eq!(app.status_as(Some(&other_owner), "/api/assign_booth", &assign).await, 403);
        let before = app.get(&format!("/halls/{hall}")).await.text(); // now in the page cache
        assert!(!before.contains("Ningbo Bright Lamps"));
        assert_eq!(app.status_as(Some(&organizer), "/api/assign_booth", &assign).await, 200);
        assert!(app.get(&format!("/halls/{hall}")).await.text().contains("Ningbo Bright Lamps"), "the map shows the booth at once");
        assert_eq!(app.status_as(Some(&organizer), "/api/assign_booth", &format!("exhibitor=ningbo-bright-lamps&booth={held_by_one}")).await, 409);
        assert_eq!(app.status_as(Some(&organizer), "/api/assign_booth", "exhibitor=ningbo-bright-lamps&booth=Z.9Z99").await, 400);
        assert_eq!(app.status_as(Some(&organizer), "/api/assign_booth", &format!("exhibitor=no-such-firm&booth={free}")).await, 404);
        let release = format!("exhibitor=ningbo-bright-lamps&booth={held_by_one}");
        assert_eq!(app.status_as(Some(&organizer), "/api/release_booth", &release).await, 404, "not its booth");
        let owner_of_one = app.exhibitor_slug(1).await;
        let release_one = format!("exhibitor={owner_of_one}&booth={held_by_one}");
        assert_eq!(app.status_as(Some(&buyer), "/api/release_booth", &release_one).await, 403);
        assert_eq!(app.status_as(Some(&organizer), "/api/release_booth", &release_one).await, 200);
        let reassign = format!("exhibitor=ningbo-bright-lamps&booth={held_by_one}");
        assert_eq!(app.status_as(Some(&organizer), "/api/assign_booth", &reassign).await, 200, "a released booth can be given again");
        let held: Vec<String> = sqlx::query_scalar("SELECT b.code FROM booths b JOIN exhibitors e ON e.id = b.exhibitor_id WHERE e.slug = 'ningbo-bright-lamps' ORDER BY b.code")
            .fetch_all(&app.db.db.pool).await.unwrap();
        let mut expected = vec![free.clone(), held_by_one.clone()];
        expected.sort();
        assert_eq!(held, expected);
        assert_eq!(scalar(&app, "SELECT COUNT(*) FROM audit_log WHERE entity = 'booth'").await, 3, "each change (assign, release, assign) is in the audit log");

        // The contact accepts and runs the booth.
        let accepted = app.post("/api/accept_invitation", &[], &format!("token={token}&name=Li+Wei&password=lamps+horse+battery")).await;
        assert_eq!(accepted.status, 200, "{}", accepted.text());
        let owner = support::session_cookie(&accepted);
        support::two_factor::set_up(&app, &owner, "li.wei@bright.example", "lamps horse battery").await;
        let team = app.get_with("/exhibitor/team", &[("Cookie", &owner)]).await;
        assert!(team.text().contains("Ningbo Bright Lamps") && team.text().contains("Li Wei"));
    }

    async fn a_declined_applicant_is_told_why(app) {
        let organizer = app.sign_in(ORGANIZER.email, ORGANIZER.password).await;
        let section = text(&app, "SELECT slug FROM sections ORDER BY id DESC LIMIT 1").await;
        let applied = app.post("/api/submit_application", &[("Cookie", "i18n_pref_locale=zh")], &application("Shoddy Goods", "shoddy@goods.example", &section)).await;
        assert_eq!(applied.status, 200, "{}", applied.text());
        let receipt = app.mail.wait_for("shoddy@goods.example").await;
        assert!(receipt.body().contains("感谢Shoddy Goods申请参加云展会"), "in the applicant's language: {}", receipt.body());
        let id = scalar(&app, "SELECT id FROM exhibitor_applications WHERE email = 'shoddy@goods.example'").await;
        let exhibitors = scalar(&app, "SELECT COUNT(*) FROM exhibitors").await;

        assert_eq!(app.status_as(Some(&organizer), "/api/decline_application", &format!("application={id}&reason=+")).await, 400, "a reason is required");
        assert_eq!(app.status_as(None, "/api/decline_application", &format!("application={id}&reason=No")).await, 401);
        let declined = app.post("/api/decline_application", &[("Cookie", &organizer)], &format!("application={id}&reason=Your+booth+photos+show+another+company")).await;
        assert_eq!(declined.status, 200, "{}", declined.text());
        assert_eq!(app.status_as(Some(&organizer), "/api/approve_application", &format!("application={id}")).await, 409);
        assert_eq!(scalar(&app, "SELECT COUNT(*) FROM exhibitors").await, exhibitors, "no exhibitor for a declined application");
        let answer = app.mail.wait_for_nth("shoddy@goods.example", 1).await;
        assert!(answer.body().contains("Your booth photos show another company"), "{}", answer.body());
        let page = app.get_with("/organizer/applications", &[("Cookie", &organizer)]).await;
        assert!(!page.text().contains("Shoddy Goods"), "decided applications leave the list");
        // Declined, the address may apply again.
        assert_eq!(app.post("/api/submit_application", &[], &application("Better Goods", "shoddy@goods.example", &section)).await.status, 200);
    }
}
