//! Exhibitor onboarding through the real app on both engines: the organizer invites an owner,
//! who accepts from the mailed link and invites staff, who accept; the owner removes staff;
//! a revoked invitation's link no longer works.
//! The owner edits the booth's profile, which buyers see at once. Every step is also tried
//! by people who may not do it.

use crate::support;

use server::demo::accounts::{BUYER, EXHIBITOR, ORGANIZER};
use support::TestApp;

/// The invitation token in the mail to `to`.
async fn invitation_token(app: &TestApp, to: &str) -> String {
    invitation_token_in(&app.mail.wait_for(to).await)
}

/// The invitation token in `mail`'s link.
pub(crate) fn invitation_token_in(mail: &support::smtp::Received) -> String {
    let body = mail.body();
    let start = body
        .find("/invitation?token=")
        .unwrap_or_else(|| panic!("a link in {body}"));
    body[start + "/invitation?token=".len()..]
        .split_whitespace()
        .next()
        .unwrap()
        .to_owned()
}

on_both_engines! { mod teams; support::spawn_app;

    async fn an_invited_owner_builds_a_team_and_only_the_right_people_can(app) {
        let organizer = app.sign_in(ORGANIZER.email, ORGANIZER.password).await;
        let buyer = app.sign_in(BUYER.email, BUYER.password).await;
        let other_owner = app.sign_in(EXHIBITOR.email, EXHIBITOR.password).await; // owner of exhibitor 1
        let slug = app.exhibitor_slug(2).await;

        // Only the organizer invites an owner.
        let invite = format!("exhibitor={slug}&email=owner%40two.example");
        assert_eq!(app.status_as(None, "/api/invite_owner", &invite).await, 401);
        assert_eq!(app.status_as(Some(&buyer), "/api/invite_owner", &invite).await, 403);
        assert_eq!(app.status_as(Some(&other_owner), "/api/invite_owner", &invite).await, 403);
        assert!(app.mail.received().is_empty(), "refused invitations send nothing");
        assert_eq!(app.status_as(Some(&organizer), "/api/invite_owner", "exhibitor=no-such-firm&email=a%40b.example").await, 400);
        assert_eq!(app.status_as(Some(&organizer), "/api/invite_owner", &invite).await, 200);
        assert_eq!(app.status_as(Some(&organizer), "/api/invite_owner", &invite.replace("owner%40", "second%40")).await, 409, "one owner");
        let token = invitation_token(&app, "owner@two.example").await;

        // The link shows the offer; a bad password is refused without using it up.
        let page = app.get(&format!("/invitation?token={token}")).await;
        assert_eq!(page.status, 200);
        assert!(page.text().contains("owner@two.example"));
        let short = app.post("/api/accept_invitation", &[], &format!("token={token}&name=Omar+Owner&password=short")).await;
        assert_eq!(short.status, 400);
        let guessable = app.post("/api/accept_invitation", &[], &format!("token={token}&name=Omar+Owner&password=password1234")).await;
        assert_eq!(guessable.status, 400, "a common password");
        assert!(guessable.text().contains("password_guessable"));
        let accepted = app.post("/api/accept_invitation", &[], &format!("token={token}&name=Omar+Owner&password=owner+horse+battery")).await;
        assert_eq!(accepted.status, 200, "{}", accepted.text());
        let owner = support::session_cookie(&accepted);
        // An owner acts as one once an authenticator app is set up.
        assert_eq!(app.status_as(Some(&owner), "/api/invite_staff", "exhibitor=2&email=early%40two.example").await, 403);
        support::two_factor::set_up(&app, &owner, "owner@two.example", "owner horse battery").await;
        assert_eq!(app.status_as(None, "/api/accept_invitation", &format!("token={token}&name=X&password=owner+horse+battery")).await, 404, "once");
        assert_eq!(app.get(&format!("/invitation?token={token}")).await.status, 404);

        // The owner invites staff; nobody else may invite to this team.
        let staff_invite = "exhibitor=2&email=sam%40two.example";
        assert_eq!(app.status_as(None, "/api/invite_staff", staff_invite).await, 401);
        assert_eq!(app.status_as(Some(&buyer), "/api/invite_staff", staff_invite).await, 403);
        assert_eq!(app.status_as(Some(&other_owner), "/api/invite_staff", staff_invite).await, 403);
        assert_eq!(app.status_as(Some(&owner), "/api/invite_staff", "exhibitor=1&email=x%40two.example").await, 403, "not the owner's exhibitor");
        assert_eq!(app.status_as(Some(&owner), "/api/invite_staff", staff_invite).await, 200);
        let staff_token = invitation_token(&app, "sam@two.example").await;
        let joined = app.post("/api/accept_invitation", &[("Accept-Language", "es-MX")], &format!("token={staff_token}&name=Sam+Staff&password=staff+horse+battery")).await;
        assert_eq!(joined.status, 200);
        let language: String = sqlx::query_scalar("SELECT language FROM users WHERE email = 'sam@two.example'")
            .fetch_one(&app.db.db.pool).await.unwrap();
        assert_eq!(language, "es", "the language of the page that accepted");
        let staff = support::session_cookie(&joined);
        assert_eq!(app.status_as(Some(&staff), "/api/invite_staff", "exhibitor=2&email=y%40two.example").await, 403, "staff do not invite");

        // Team pages: members see their own team, others do not.
        let team = app.get_with("/exhibitor/team", &[("Cookie", &staff)]).await;
        assert_eq!(team.status, 200);
        assert!(team.text().contains("Omar Owner") && team.text().contains("Sam Staff"));
        assert_eq!(app.get_with("/exhibitor/team", &[("Cookie", &buyer)]).await.status, 403);
        assert_eq!(app.get("/exhibitor/team").await.status, 401);

        // Removing staff: only the owner (or an organizer), and the removed person is out at once.
        let sam: i64 = sqlx::query_scalar("SELECT id FROM users WHERE email = 'sam@two.example'").fetch_one(&app.db.db.pool).await.unwrap();
        let removal = format!("exhibitor=2&user={sam}");
        assert_eq!(app.status_as(None, "/api/remove_staff", &removal).await, 401);
        assert_eq!(app.status_as(Some(&buyer), "/api/remove_staff", &removal).await, 403);
        assert_eq!(app.status_as(Some(&other_owner), "/api/remove_staff", &removal).await, 403);
        assert_eq!(app.status_as(Some(&staff), "/api/remove_staff", &removal).await, 403);
        assert_eq!(app.status_as(Some(&owner), "/api/remove_staff", &removal).await, 200);
        assert_eq!(app.status_as(Some(&owner), "/api/remove_staff", &removal).await, 404, "removed already");
        assert_eq!(app.post("/api/get_current_user", &[("Cookie", &staff)], "").await.text(), "null");
    }

    async fn a_revoked_invitation_no_longer_works(app) {
        let organizer = app.sign_in(ORGANIZER.email, ORGANIZER.password).await;
        let buyer = app.sign_in(BUYER.email, BUYER.password).await;
        let owner_of_one = app.sign_in(EXHIBITOR.email, EXHIBITOR.password).await;
        let slug = app.exhibitor_slug(2).await;

        // The organizer takes back an owner's invitation sent to the wrong address.
        let invite = format!("exhibitor={slug}&email=wrong%40two.example");
        assert_eq!(app.status_as(Some(&organizer), "/api/invite_owner", &invite).await, 200);
        let token = invitation_token(&app, "wrong@two.example").await;
        let revoke = "exhibitor=2&email=Wrong%40Two.example";
        assert_eq!(app.status_as(None, "/api/revoke_invitation", revoke).await, 401);
        assert_eq!(app.status_as(Some(&buyer), "/api/revoke_invitation", revoke).await, 403);
        assert_eq!(app.status_as(Some(&owner_of_one), "/api/revoke_invitation", revoke).await, 403);
        assert_eq!(app.get(&format!("/invitation?token={token}")).await.status, 200, "refusals change nothing");
        assert_eq!(app.status_as(Some(&organizer), "/api/revoke_invitation", revoke).await, 200);
        assert_eq!(app.get(&format!("/invitation?token={token}")).await.status, 404);
        let accept = format!("token={token}&name=Wrong+Person&password=owner+horse+battery");
        assert_eq!(app.status_as(None, "/api/accept_invitation", &accept).await, 404);
        assert_eq!(app.status_as(Some(&organizer), "/api/revoke_invitation", revoke).await, 404, "revoked already");
        assert_eq!(app.status_as(Some(&organizer), "/api/revoke_invitation", "exhibitor=2&email=not-an-address").await, 404);
        let overview = app.get_with("/organizer/exhibitors", &[("Cookie", &organizer)]).await.text();
        assert!(!overview.contains("wrong@two.example"), "no longer shown as invited");
        let right = format!("exhibitor={slug}&email=right%40two.example");
        assert_eq!(app.status_as(Some(&organizer), "/api/invite_owner", &right).await, 200, "the exhibitor may be invited again");

        // An owner takes back a staff invitation of their own team, and of no other.
        let staff = "exhibitor=1&email=pat%40one.example";
        assert_eq!(app.status_as(Some(&owner_of_one), "/api/invite_staff", staff).await, 200);
        let staff_token = invitation_token(&app, "pat@one.example").await;
        assert_eq!(app.status_as(Some(&owner_of_one), "/api/revoke_invitation", "exhibitor=2&email=right%40two.example").await, 403);
        assert_eq!(app.status_as(Some(&owner_of_one), "/api/revoke_invitation", staff).await, 200);
        let joined = format!("token={staff_token}&name=Pat+Staff&password=staff+horse+battery");
        assert_eq!(app.status_as(None, "/api/accept_invitation", &joined).await, 404);
        let team = app.get_with("/exhibitor/team", &[("Cookie", &owner_of_one)]).await.text();
        assert!(!team.contains("pat@one.example"), "gone from the team page");
        let form = app.post("/api/revoke_invitation", &[("Cookie", &owner_of_one), ("Accept", "text/html")], staff).await;
        assert_eq!(form.header("location"), Some("/exhibitor/team?errors=%3Alink_invalid"), "a plain form comes back with the reason");
    }

    async fn the_team_edits_its_booth_and_buyers_see_it_sanitised(app) {
        let owner = app.sign_in(EXHIBITOR.email, EXHIBITOR.password).await; // owner of exhibitor 1
        let buyer = app.sign_in(BUYER.email, BUYER.password).await;
        let organizer = app.sign_in(ORGANIZER.email, ORGANIZER.password).await;
        let slug = app.exhibitor_slug(1).await;
        let booth = format!("/exhibitors/{slug}");
        let before = app.get(&booth).await.text(); // now in the page cache
        assert!(!before.contains("Solar lanterns since 1998"));

        let form = "exhibitor=1&form[description_en]=%3Cp%20onclick%3D%22x()%22%3ESolar%20lanterns%20since%201998%3Cscript%3Ealert(1)%3C%2Fscript%3E%3C%2Fp%3E\
            &form[description_zh]=&form[year_founded]=1998&form[staff_size]=120&form[main_markets]=Europe%2C+Africa\
            &form[certifications]=CE&form[contact_email]=sales%40lanterns.example&form[contact_phone]=%2B86+20+1234\
            &form[website]=https%3A%2F%2Flanterns.example";
        assert_eq!(app.status_as(None, "/api/save_profile", form).await, 401);
        assert_eq!(app.status_as(Some(&buyer), "/api/save_profile", form).await, 403);
        assert_eq!(app.status_as(Some(&organizer), "/api/save_profile", form).await, 403);
        assert_eq!(app.status_as(Some(&owner), "/api/save_profile", &form.replace("exhibitor=1", "exhibitor=2")).await, 403, "another exhibitor's booth");
        let bad = app.post("/api/save_profile", &[("Cookie", &owner)], &form.replace("year_founded]=1998", "year_founded]=3000")).await;
        assert_eq!(bad.status, 400);
        assert!(bad.text().contains("year_invalid"));
        assert!(!app.get(&booth).await.text().contains("Solar lanterns"), "nothing saved by refused requests");

        let saved = app.post("/api/save_profile", &[("Cookie", &owner)], form).await;
        assert_eq!(saved.status, 200, "{}", saved.text());
        let page = app.get(&booth).await.text();
        assert!(page.contains("<p>Solar lanterns since 1998</p>"), "shown at once, sanitised");
        assert!(!page.contains("alert(1)") && !page.contains("onclick"));
        assert!(page.contains("Europe, Africa") && page.contains("mailto:sales@lanterns.example"));

        let log = app.db.db.audit_log(app::domain::ExhibitorId(1), 10).await.unwrap();
        assert_eq!(log.len(), 1);
        assert_eq!(log[0].who.as_deref(), Some("Emma Exhibitor"));
        assert!(log[0].changes.iter().any(|(field, _, new)| field == "year_founded" && new == "1998"));
        let again = app.post("/api/save_profile", &[("Cookie", &owner)], form).await;
        assert_eq!(again.status, 200);
        assert_eq!(app.db.db.audit_log(app::domain::ExhibitorId(1), 10).await.unwrap().len(), 1, "no change, no entry");
        let editor = app.get_with("/exhibitor/booth", &[("Cookie", &owner)]).await;
        assert_eq!(editor.status, 200);
        assert_eq!(app.get_with("/exhibitor/booth", &[("Cookie", &buyer)]).await.status, 403);
    }

    async fn the_organizer_sees_who_runs_each_booth(app) {
        let organizer = app.sign_in(ORGANIZER.email, ORGANIZER.password).await;
        let buyer = app.sign_in(BUYER.email, BUYER.password).await;
        assert_eq!(app.get("/organizer/exhibitors").await.status, 401);
        assert_eq!(app.get_with("/organizer/exhibitors", &[("Cookie", &buyer)]).await.status, 403);
        assert_eq!(app.status_as(Some(&buyer), "/api/get_onboarding", "after=0").await, 403);
        let slug = app.exhibitor_slug(2).await;
        let invite = format!("exhibitor={slug}&email=owner%40two.example");
        assert_eq!(app.status_as(Some(&organizer), "/api/invite_owner", &invite).await, 200);

        let page = app.get_with("/organizer/exhibitors", &[("Cookie", &organizer)]).await;
        assert_eq!(page.status, 200);
        let html = page.text();
        let row = |id: i64| -> String {
            let slug = html.split(&format!("href=\"/exhibitors/{}\"", nth_exhibitor_slug(&html, id))).nth(1).unwrap_or("").to_owned();
            slug[..slug.find("</tr>").unwrap()].to_owned()
        };
        let first = row(1);
        assert!(first.contains("Emma Exhibitor") && first.contains("exhibitor@demo.cloudfair.test"), "{first}");
        assert!(row(2).contains("Invitation sent"));
        assert!(row(3).contains("Invite an owner"));
        let booths: Vec<String> = sqlx::query_scalar("SELECT code FROM booths WHERE exhibitor_id = 1 ORDER BY code").fetch_all(&app.db.db.pool).await.unwrap();
        assert!(first.contains(&booths.join(", ")), "booths {booths:?} in {first}");
        assert!(html.contains("rel=\"next\""), "more than one page");
        assert_eq!(app.get_with("/organizer/exhibitors?after=x", &[("Cookie", &organizer)]).await.status, 400);
    }
}

/// The slug of exhibitor `id` as the overview links it (the n-th exhibitor link, in id order).
fn nth_exhibitor_slug(html: &str, id: i64) -> String {
    html.split("href=\"/exhibitors/")
        .skip(1)
        .nth(id as usize - 1)
        .and_then(|rest| rest.split('"').next())
        .unwrap_or_default()
        .to_owned()
}
