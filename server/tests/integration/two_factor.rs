//! Two-factor sign-in on both engines: a buyer sets up an authenticator app through the
//! settings forms and then signs in with a code or a recovery code, each once; wrong codes
//! are counted; organizers and owners act in their role only with it and cannot turn it off;
//! signing a contract asks for the password or a code again.

use crate::deals;
use crate::support::{self, TestApp, two_factor};
use server::demo::accounts::{BUYER, EXHIBITOR, ORGANIZER};

/// A form field's URL-encoded demo buyer login.
const BUYER_LOGIN: &str = "email=buyer%40demo.cloudfair.test&password=demo-buyer-2026";

async fn page(app: &TestApp, cookie: &str, path: &str) -> support::http::Response {
    app.get_with(path, &[("Cookie", cookie)]).await
}

/// A page's HTML without the markers hydration places between a text and its values.
async fn page_text(app: &TestApp, cookie: &str, path: &str) -> String {
    page(app, cookie, path).await.text().replace("<!>", "")
}

/// The recovery codes being set up for `email`, as stored until confirmed.
async fn pending_codes(app: &TestApp, email: &str) -> Option<String> {
    sqlx::query_scalar(
        "SELECT f.pending_codes FROM two_factor f JOIN users u ON u.id = f.user_id WHERE u.email = $1",
    )
    .bind(email)
    .fetch_one(&app.db.db.pool)
    .await
    .unwrap()
}

/// Signs the demo buyer in with the password: the answer, which waits for a code.
async fn password_step(app: &TestApp, headers: &[(&str, &str)]) -> support::http::Response {
    let answer = app.post("/api/log_in", headers, BUYER_LOGIN).await;
    assert_eq!(answer.status, 200, "{}", answer.text());
    assert_eq!(answer.text(), "\"CodeNeeded\"");
    assert!(
        !answer
            .headers
            .iter()
            .any(|(k, v)| k.eq_ignore_ascii_case("set-cookie")
                && v.starts_with("cf_session=")
                && !v.starts_with("cf_session=;")),
        "no session before the code"
    );
    answer
}

async fn code_step(app: &TestApp, challenge: &str, code: &str) -> support::http::Response {
    app.post(
        "/api/verify_sign_in_code",
        &[("Cookie", challenge)],
        &format!("code={code}"),
    )
    .await
}

on_both_engines! { mod two_factor_sign_in; support::spawn_app;

    async fn a_buyer_sets_it_up_and_signs_in_with_a_code_or_a_recovery_code_once(app) {
        let buyer = app.sign_in(BUYER.email, BUYER.password).await;
        let settings = page(&app, &buyer, "/account/two-factor").await;
        assert_eq!(settings.status, 200);
        assert!(settings.text().contains("Two-factor sign-in is off."), "{}", settings.text());
        assert_eq!(app.get("/account/two-factor").await.status, 401, "a visitor has no settings");

        // Set up: a QR code, its key and ten recovery codes, until a right code confirms.
        let me = [("Cookie", buyer.as_str())];
        assert_eq!(app.post("/api/start_two_factor", &me, "").await.status, 200);
        let shown = page(&app, &buyer, "/account/two-factor").await.text();
        assert!(shown.contains("<svg") && shown.contains("id=\"two-factor-key\""), "{shown}");
        let codes: Vec<String> = pending_codes(&app, BUYER.email).await.unwrap().lines().map(str::to_owned).collect();
        assert_eq!(codes.len(), 10);
        assert!(codes.iter().all(|code| code.len() == 24), "about 119 bits each: {codes:?}");
        assert!(shown.contains(&format!("{}-{}-", &codes[0][..6], &codes[0][6..12])), "codes shown as typed");
        let wrong = app.post("/api/confirm_two_factor", &me, "code=12345x&current_password=demo-buyer-2026").await;
        assert_eq!(wrong.status, 400, "{}", wrong.text());
        assert!(wrong.text().contains("code_invalid"));
        let code = two_factor::fresh_code(&app, BUYER.email, true).await;
        // A session alone does not move the factor: the password is asked again.
        let unproven = app.post("/api/confirm_two_factor", &me, &format!("code={code}&current_password=not-my-password")).await;
        assert_eq!(unproven.status, 400, "{}", unproven.text());
        assert!(unproven.text().contains("confirmation_wrong"));
        let confirmed = app.post("/api/confirm_two_factor", &me, &format!("code={code}&current_password=demo-buyer-2026")).await;
        assert_eq!(confirmed.status, 200, "{}", confirmed.text());
        assert_eq!(pending_codes(&app, BUYER.email).await, None, "the codes are no longer readable");
        let stored: Vec<String> = sqlx::query_scalar("SELECT code_hash FROM recovery_codes")
            .fetch_all(&app.db.db.pool).await.unwrap();
        assert_eq!(stored.len(), 10);
        assert!(!stored.contains(&codes[0]), "only fingerprints are kept");
        let on = page_text(&app, &buyer, "/account/two-factor?enabled=1").await;
        assert!(on.contains("Two-factor sign-in is on.") && on.contains("Recovery codes left: 10."), "{on}");

        // The password alone now opens nothing; the waiting sign-in's cookie is no session.
        let answer = password_step(&app, &[]).await;
        let challenge = two_factor::challenge_cookie(&answer);
        assert_eq!(page(&app, &challenge, "/account/two-factor").await.status, 401);
        let bad = code_step(&app, &challenge, "000000").await;
        let code = two_factor::fresh_code(&app, BUYER.email, false).await;
        if code != "000000" {
            assert_eq!(bad.status, 400, "{}", bad.text());
            assert!(bad.text().contains("code_wrong"), "{}", bad.text());
        }
        assert_eq!(code_step(&app, "cf_sign_in=made-up", &code).await.status, 409, "no such sign-in");
        let signed_in = code_step(&app, &challenge, &code).await;
        assert_eq!(signed_in.status, 200, "{}", signed_in.text());
        let session = support::session_cookie(&signed_in);
        assert_eq!(page(&app, &session, "/account/two-factor").await.status, 200);
        assert_eq!(code_step(&app, &challenge, &code).await.status, 409, "a finished sign-in is gone");

        // The same code again, on a new sign-in: used.
        let again = two_factor::challenge_cookie(&password_step(&app, &[]).await);
        let replayed = code_step(&app, &again, &code).await;
        assert_eq!(replayed.status, 400);
        assert!(replayed.text().contains("code_used"), "{}", replayed.text());

        // A recovery code, as shown (upper case, a dash), once.
        let typed = format!("{}-{}", codes[3][..12].to_uppercase(), &codes[3][12..]);
        let recovered = code_step(&app, &again, &typed).await;
        assert_eq!(recovered.status, 200, "{}", recovered.text());
        let third = two_factor::challenge_cookie(&password_step(&app, &[]).await);
        assert_eq!(code_step(&app, &third, &typed).await.status, 400, "a recovery code works once");
        let left = page_text(&app, &session, "/account/two-factor").await;
        assert!(left.contains("Recovery codes left: 9."), "{left}");

        // Without JavaScript: to the code page, back to it with the error, then home.
        let html = [("Accept", "text/html")];
        let plain = app.post("/api/log_in", &html, BUYER_LOGIN).await;
        assert_eq!(plain.status, 302);
        assert_eq!(plain.header("location"), Some("/sign-in/code"));
        let plain_challenge = two_factor::challenge_cookie(&plain);
        let form_page = page(&app, &plain_challenge, "/sign-in/code").await;
        assert_eq!(form_page.status, 200);
        assert!(form_page.text().contains("Six-digit code or recovery code"));
        let with_cookie = [("Accept", "text/html"), ("Cookie", plain_challenge.as_str())];
        let refused = app.post("/api/verify_sign_in_code", &with_cookie, "code=abc").await;
        assert_eq!(refused.header("location"), Some("/sign-in/code?errors=code%3Acode_invalid"));
        let code = two_factor::fresh_code(&app, BUYER.email, false).await;
        let done = app.post("/api/verify_sign_in_code", &with_cookie, &format!("code={code}")).await;
        assert_eq!(done.status, 302, "{}", done.text());
        assert_eq!(done.header("location"), Some("/"));
        support::session_cookie(&done);

        // Off again with the password (a wrong one changes nothing); then the password suffices.
        let kept = app.post("/api/disable_two_factor", &[("Cookie", session.as_str())], "password=not-my-password").await;
        assert_eq!(kept.status, 400, "{}", kept.text());
        assert!(kept.text().contains("confirmation_wrong"));
        let off = app.post("/api/disable_two_factor", &[("Cookie", session.as_str())], "password=demo-buyer-2026").await;
        assert_eq!(off.status, 200, "{}", off.text());
        let direct = app.post("/api/log_in", &[], BUYER_LOGIN).await;
        assert!(direct.text().contains("SignedIn"), "{}", direct.text());
    }

    async fn a_waiting_sign_in_takes_five_codes_and_wrong_codes_lock_the_account(app) {
        let buyer = app.sign_in(BUYER.email, BUYER.password).await;
        two_factor::set_up(&app, &buyer, BUYER.email, BUYER.password).await;
        let challenge = two_factor::challenge_cookie(&password_step(&app, &[]).await);
        // Five wrong tries, then even the right code is refused: the password again.
        for n in 0..5 {
            let wrong = code_step(&app, &challenge, &format!("{:06}", (n * 7919 + 13) % 1_000_000)).await;
            assert_eq!(wrong.status, 400, "{}", wrong.text());
        }
        let code = two_factor::fresh_code(&app, BUYER.email, false).await;
        let expired = code_step(&app, &challenge, &code).await;
        assert_eq!(expired.status, 409, "{}", expired.text());
        assert!(expired.text().contains("sign_in_expired"));
        // Five more wrong codes reach the account's ten failures: now the right code gets 429
        // on a sign-in that was waiting already, and so does the password.
        let next = two_factor::challenge_cookie(&password_step(&app, &[]).await);
        let waiting = two_factor::challenge_cookie(&password_step(&app, &[]).await);
        for n in 0..5 {
            assert_eq!(code_step(&app, &next, &format!("{:06}", (n * 104_729 + 7) % 1_000_000)).await.status, 400);
        }
        assert_eq!(code_step(&app, &waiting, &code).await.status, 429);
        assert_eq!(app.post("/api/log_in", &[], BUYER_LOGIN).await.status, 429);
    }

    async fn organizers_and_owners_act_in_their_role_only_with_it(app) {
        // An owner who has not set it up (as a newly invited one): sent to set it up, refused
        // in the role meanwhile.
        sqlx::query("DELETE FROM two_factor WHERE user_id = (SELECT id FROM users WHERE email = $1)")
            .bind(EXHIBITOR.email).execute(&app.db.db.pool).await.unwrap();
        let form = format!("email={}&password={}", EXHIBITOR.email.replace('@', "%40"), EXHIBITOR.password);
        let plain = app.post("/api/log_in", &[("Accept", "text/html")], &form).await;
        assert_eq!(plain.header("location"), Some("/account/two-factor"));
        let owner = support::session_cookie(&plain);
        let booth = page(&app, &owner, "/exhibitor/booth").await;
        assert_eq!(booth.status, 403);
        assert!(booth.text().contains("Set up two-factor sign-in first"), "{}", booth.text());
        let settings = page(&app, &owner, "/account/two-factor").await.text();
        assert!(settings.contains("Organizers and the owners of exhibitors"), "{settings}");
        two_factor::set_up(&app, &owner, EXHIBITOR.email, EXHIBITOR.password).await;
        assert_eq!(page(&app, &owner, "/exhibitor/booth").await.status, 200);
        let refused = app.post("/api/disable_two_factor", &[("Cookie", owner.as_str())], "password=demo-exhibitor").await;
        assert_eq!(refused.status, 409, "{}", refused.text());
        assert!(refused.text().contains("two_factor_required"));

        // The demo organizer has it; signing in takes the code (the test client's sign_in).
        let organizer = app.sign_in(ORGANIZER.email, ORGANIZER.password).await;
        assert_eq!(page(&app, &organizer, "/organizer/outbox").await.status, 200);
    }

    async fn signing_a_contract_asks_for_the_password_or_a_code_again(app) {
        let (deal, order) = deals::order(&app).await;
        let seen = deals::json(&app, &deal.buyer, "/api/get_order", &format!("id={order}")).await;
        let hash = seen["contract"]["sha256"].as_str().unwrap().to_owned();
        let sign = |cookie: String, confirmation: String| {
            let app = &app;
            let form = format!("order={order}&sha256={hash}&signer_name=Signer&confirmation={confirmation}");
            async move { app.post("/api/sign_contract", &[("Cookie", &cookie)], &form).await }
        };
        let html = app.get_with(&format!("/orders/{order}"), &[("Cookie", &deal.buyer)]).await.text();
        assert!(html.contains("Your password, or a code from your authenticator app"), "{html}");
        for wrong in ["", "not-the-password", "123456"] {
            let refused = sign(deal.buyer.clone(), wrong.into()).await;
            assert_eq!(refused.status, 400, "{wrong:?}: {}", refused.text());
            assert!(refused.text().contains("confirmation_wrong"), "{}", refused.text());
        }
        let signatures = || async {
            sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM contract_signatures").fetch_one(&app.db.db.pool).await.unwrap()
        };
        assert_eq!(signatures().await, 0);
        assert_eq!(sign(deal.buyer.clone(), BUYER.password.into()).await.status, 200);
        // The owner, who uses an authenticator app, signs with a current code.
        let code = two_factor::fresh_code(&app, EXHIBITOR.email, false).await;
        let signed = sign(deal.exhibitor.clone(), code).await;
        assert_eq!(signed.status, 200, "{}", signed.text());
        assert_eq!(signatures().await, 2);
    }
}
