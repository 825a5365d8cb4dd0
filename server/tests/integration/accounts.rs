//! Accounts through the real app on both engines: registration, the mailed verification link,
//! signing in and out, sessions, and the guard against cross-site requests.

use crate::support;

use server::demo::accounts::{BUYER, EXHIBITOR, ORGANIZER};
use support::TestApp;

pub const FORM: &str = "form[email]=Ana.Lima%40Example.com&form[password]=correct+horse+battery\
    &form[name]=Ana+Lima&form[company]=Lima+Importadora&form[country]=BR\
    &form[business_type]=importer&form[interests][4]=1&form[interests][9]=3";

/// The verification link in the mail the SMTP server received for `to`.
pub async fn link_in_mail(app: &TestApp, to: &str) -> String {
    link_to(&app.mail.wait_for(to).await, "/verify-email?token=")
}

/// The link starting with `path` in a received mail.
pub fn link_to(mail: &support::smtp::Received, path: &str) -> String {
    let body = mail.body();
    let start = body
        .find(path)
        .unwrap_or_else(|| panic!("a {path} link in {body}"));
    body[start..].split_whitespace().next().unwrap().to_owned()
}

pub async fn log_in(
    app: &TestApp,
    cookie: Option<&str>,
    password: &str,
) -> support::http::Response {
    let form = format!("email=ana.lima%40example.com&password={password}");
    let headers: Vec<(&str, &str)> = cookie.map(|c| ("Cookie", c)).into_iter().collect();
    app.post("/api/log_in", &headers, &form).await
}

async fn who(app: &TestApp, cookie: &str) -> String {
    app.post("/api/get_current_user", &[("Cookie", cookie)], "")
        .await
        .text()
}

on_both_engines! { mod accounts; support::spawn_app;

    async fn the_verification_mail_is_in_the_readers_language(app) {
        // The chosen language first, else the first of the six the browser names, else
        // English: for the mail as for the page that sent it.
        let cases = [
            ("ar@example.com", vec![("Accept-Language", "de-DE,ar-EG;q=0.9,en;q=0.8")], "مرحبًا Ana Lima،"),
            ("ru@example.com", vec![("Cookie", "i18n_pref_locale=ru"), ("Accept-Language", "fr")], "Здравствуйте, Ana Lima!"),
            ("fr@example.com", vec![("Cookie", "i18n_pref_locale=xx"), ("Accept-Language", "fr-CA")], "Bonjour Ana Lima,"),
            ("es@example.com", vec![("Accept-Language", "es-419")], "Hola, Ana Lima:"),
            ("en@example.com", vec![("Accept-Language", "de, it;q=0.5")], "Hello Ana Lima,"),
            ("es2@example.com", vec![("Accept-Language", "de-DE,de;q=0.9,es;q=0.5,ru;q=0.7")], "Hola, Ana Lima:"),
        ];
        for (email, headers, greeting) in cases {
            let page = app.get_with("/register", &headers).await.text();
            let code = &email[..2];
            let html = page.split("<html").nth(1).and_then(|tag| tag.split('>').next()).unwrap_or_default();
            assert!(html.contains(&format!(" lang=\"{code}\"")), "{email}: the page in {code}: <html{html}>");
            let form = FORM.replace("Ana.Lima%40Example.com", email);
            let registered = app.post("/api/register", &headers, &form).await;
            assert_eq!(registered.status, 200, "{}", registered.text());
            let mail = app.mail.wait_for(email).await;
            assert!(mail.body().starts_with(greeting), "{email}: {}", mail.body());
            // And the account keeps it, for the mails written with no request behind them.
            let kept: String = sqlx::query_scalar("SELECT language FROM users WHERE email = $1")
                .bind(email)
                .fetch_one(&app.db.db.pool)
                .await
                .unwrap();
            assert_eq!(kept, code, "{email}");
        }
    }

    async fn a_buyer_registers_verifies_and_signs_in_and_out(app) {
        let registered = app.post("/api/register", &[], FORM).await;
        assert_eq!(registered.status, 200, "{}", registered.text());
        let link = link_in_mail(&app, "ana.lima@example.com").await;
        let token = link.split("token=").nth(1).unwrap();

        assert_eq!(log_in(&app, None, "wrong+horse+battery").await.status, 401);
        let first = log_in(&app, None, "correct+horse+battery").await;
        assert_eq!(first.status, 200, "{}", first.text());
        let plain = first.header("set-cookie").unwrap();
        assert!(plain.starts_with("cf_session=") && !plain.contains("Secure"), "plain HTTP: {plain}");
        assert_eq!(first.header("strict-transport-security"), None);
        let first = support::session_cookie(&first);
        let me = who(&app, &first).await;
        assert!(me.contains("\"name\":\"Ana Lima\"") && me.contains("\"role\":\"buyer\""), "{me}");
        assert!(me.contains("\"email_verified\":false"));

        assert_eq!(app.post("/api/verify_email", &[], &format!("token={token}")).await.status, 200);
        assert!(who(&app, &first).await.contains("\"email_verified\":true"));
        assert_eq!(app.post("/api/verify_email", &[], &format!("token={token}")).await.status, 404, "a link works once");

        // Signing in again replaces the session the browser had.
        let second = support::session_cookie(&log_in(&app, Some(&first), "correct+horse+battery").await);
        assert_ne!(second, first);
        assert_eq!(who(&app, &first).await, "null");
        let elsewhere = support::session_cookie(&log_in(&app, None, "correct+horse+battery").await);
        assert!(who(&app, &elsewhere).await.contains("Ana Lima"));

        // A language chosen on this browser before signing in becomes the account's (its
        // mails'); a cookie naming no language of the fair changes nothing.
        let language = || async {
            sqlx::query_scalar::<_, String>("SELECT language FROM users WHERE email = 'ana.lima@example.com'")
                .fetch_one(&app.db.db.pool).await.unwrap()
        };
        assert_eq!(language().await, "en");
        assert_eq!(log_in(&app, Some("i18n_pref_locale=es"), "correct+horse+battery").await.status, 200);
        assert_eq!(language().await, "es");
        assert_eq!(log_in(&app, Some("i18n_pref_locale=xx"), "correct+horse+battery").await.status, 200);
        assert_eq!(language().await, "es");

        let out = app.post("/api/log_out", &[("Cookie", &second)], "everywhere=true").await;
        assert_eq!(out.status, 200);
        assert!(out.header("set-cookie").unwrap().contains("Max-Age=0"));
        assert_eq!(who(&app, &second).await, "null");
        assert_eq!(who(&app, &elsewhere).await, "null", "signed out everywhere");
    }

    async fn bad_registrations_are_refused_with_reasons_and_store_nothing(app) {
        let bad = app.post("/api/register", &[], "form[email]=nope&form[password]=short&form[name]=&form[company]=X&form[country]=ZZ&form[business_type]=importer").await;
        assert_eq!(bad.status, 400);
        let body = bad.text();
        for code in ["email_invalid", "password_short", "required", "country_unknown"] {
            assert!(body.contains(code), "{code} in {body}");
        }
        for guessable in ["password1234", "qwertyuiop1", "limaimportadora"] {
            let refused = app.post("/api/register", &[], &FORM.replace("correct+horse+battery", guessable)).await;
            assert_eq!(refused.status, 400, "{guessable}");
            assert!(refused.text().contains("password_guessable"), "{guessable}: {}", refused.text());
        }
        let plain = app.post("/api/register", &[("Accept", "text/html")], &FORM.replace("correct+horse+battery", "password1234")).await;
        assert!(plain.header("location").unwrap().contains("errors=password%3Apassword_guessable"), "{:?}", plain.header("location"));
        assert_eq!(app.post("/api/register", &[], FORM).await.status, 200, "the address stayed free");
        let again = app.post("/api/register", &[], &FORM.replace("Ana.Lima", "ANA.LIMA")).await;
        assert_eq!(again.status, 409, "the address is compared without case");
        assert_eq!(app.db.db.list_outbox(10).await.unwrap().len(), 1, "one mail, for the first registration");
        let bogus = app.post("/api/verify_email", &[], "token=made-up").await;
        assert_eq!(bogus.status, 404);
    }

    async fn repeated_sign_in_attempts_are_slowed(app) {
        for _ in 0..10 {
            assert_eq!(log_in(&app, None, "guess+horse+battery").await.status, 401);
        }
        let limited = log_in(&app, None, "correct+horse+battery").await;
        assert_eq!(limited.status, 429);
        assert_eq!(limited.text(), "\"RateLimited\"", "the error a script decodes");
        assert_eq!(limited.header("retry-after"), Some("60"));
        let form = app.post("/api/log_in", &[("Accept", "text/html")], "email=a%40b.cn&password=x").await;
        assert_eq!(form.status, 303);
        assert_eq!(form.header("location"), Some("/sign-in?errors=%3Arate_limited"));
        assert_eq!(app.post("/api/register", &[], FORM).await.status, 200, "other actions keep their own allowance");
    }

    async fn cross_site_writes_are_refused(app) {
        let forged = app.post("/api/register", &[("Origin", "https://evil.example")], FORM).await;
        assert_eq!(forged.status, 403);
        let fetched = app.post("/api/register", &[("Sec-Fetch-Site", "cross-site")], FORM).await;
        assert_eq!(fetched.status, 403);
        assert!(app.db.db.list_outbox(10).await.unwrap().is_empty(), "nothing was stored");
        let origin = format!("http://{}", app.addr);
        let own = app.post("/api/register", &[("Origin", origin.as_str()), ("Sec-Fetch-Site", "same-origin")], FORM).await;
        assert_eq!(own.status, 200);
    }

    async fn only_the_organizer_reads_the_outbox(app) {
        assert_eq!(app.post("/api/register", &[], FORM).await.status, 200);
        let page = app.get("/organizer/outbox").await;
        assert_eq!(page.status, 401);
        assert!(page.text().contains("Please sign in"));
        assert!(!page.text().contains("ana.lima@example.com"));
        for login in [&BUYER, &EXHIBITOR] {
            let cookie = app.sign_in(login.email, login.password).await;
            let page = app.get_with("/organizer/outbox", &[("Cookie", &cookie)]).await;
            assert_eq!(page.status, 403, "{}", login.email);
            assert!(!page.text().contains("ana.lima@example.com"));
            assert_eq!(app.post("/api/get_outbox", &[("Cookie", &cookie)], "").await.status, 403);
        }
        let organizer = app.sign_in(ORGANIZER.email, ORGANIZER.password).await;
        let page = app.get_with("/organizer/outbox", &[("Cookie", &organizer)]).await;
        assert_eq!(page.status, 200);
        let html = page.text();
        assert!(html.contains("Verify your e-mail address for Cloud Fair"));
        assert!(html.contains("ana.lima@example.com"));
        assert!(html.contains("<a href=\"http://"), "the link is clickable");
        assert_eq!(page.header("cache-control"), Some("no-store"));
    }

    async fn the_header_names_the_signed_in_person(app) {
        let visitor = app.get("/").await.text();
        assert!(visitor.contains("href=\"/sign-in\""));
        let cookie = app.sign_in(ORGANIZER.email, ORGANIZER.password).await;
        let page = app.get_with("/", &[("Cookie", &cookie)]).await.text();
        let menu = page.split("class=\"account-menu\"").nth(1).expect("the account menu");
        let menu = &menu[..menu.find("</div>").unwrap()];
        assert!(menu.contains("Signed in as") && menu.contains("Olivia Organizer"), "{menu}");
        assert!(page.contains("href=\"/organizer/outbox\""), "the organizer's link");
        assert!(!app.get("/").await.text().contains("Olivia"), "the cached visitor page stays anonymous");
    }

    async fn a_forgotten_password_is_reset_by_a_mailed_link_once(app) {
        assert_eq!(app.post("/api/register", &[], FORM).await.status, 200);
        let old_session = support::session_cookie(&log_in(&app, None, "correct+horse+battery").await);
        let unknown = app.post("/api/request_password_reset", &[], "email=nobody%40example.com").await;
        assert_eq!(unknown.status, 200, "the same answer for an unknown address");
        let bad = app.post("/api/request_password_reset", &[], "email=not-an-address").await;
        assert_eq!(bad.status, 400);
        let asked = app.post("/api/request_password_reset", &[], "email=Ana.Lima%40example.com").await;
        assert_eq!(asked.status, 200);
        let mails = loop {
            let mails: Vec<_> = app.mail.received().into_iter().filter(|m| m.to == ["ana.lima@example.com"]).collect();
            if mails.len() == 2 { break mails; }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        };
        assert_eq!(app.mail.received().len(), 2, "no mail for the unknown address");
        let reset = mails.iter().find(|m| m.header("Subject") == Some("Reset your Cloud Fair password")).expect("the reset mail");
        let link = link_to(reset, "/reset-password?token=");
        let token = link.split("token=").nth(1).unwrap();

        let short = app.post("/api/reset_password", &[], &format!("token={token}&password=short")).await;
        assert_eq!(short.status, 400);
        assert!(short.text().contains("password_short"));
        let leaked = app.post("/api/reset_password", &[], &format!("token={token}&password=iloveyou1234")).await;
        assert_eq!(leaked.status, 400);
        assert!(leaked.text().contains("password_guessable"), "{}", leaked.text());
        let done = app.post("/api/reset_password", &[], &format!("token={token}&password=new+horse+battery+staple")).await;
        assert_eq!(done.status, 200, "the refused password left the link usable: {}", done.text());
        assert_eq!(who(&app, &old_session).await, "null", "signed out everywhere");
        assert_eq!(log_in(&app, None, "correct+horse+battery").await.status, 401);
        assert_eq!(log_in(&app, None, "new+horse+battery+staple").await.status, 200);
        let again = app.post("/api/reset_password", &[], &format!("token={token}&password=third+horse+battery")).await;
        assert_eq!(again.status, 404, "a link works once");
        assert_eq!(log_in(&app, None, "third+horse+battery").await.status, 401);
    }

    async fn a_new_reset_link_ends_the_earlier_ones(app) {
        assert_eq!(app.post("/api/register", &[], FORM).await.status, 200);
        let to = "ana.lima@example.com";
        app.mail.wait_for(to).await; // the verification mail
        let mut tokens = Vec::new();
        for nth in 1..=2 {
            // A request within a minute of the last link answers the same and mails nothing.
            for _ in 0..2 {
                let asked = app.post("/api/request_password_reset", &[], "email=Ana.Lima%40example.com").await;
                assert_eq!(asked.status, 200);
            }
            let link = link_to(&app.mail.wait_for_nth(to, nth).await, "/reset-password?token=");
            tokens.push(link.split("token=").nth(1).unwrap().to_owned());
            sqlx::query("UPDATE email_links SET expires_at = expires_at - 120")
                .execute(&app.db.db.pool).await.unwrap();
        }
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
        let mails = app.mail.received().iter().filter(|m| m.to.iter().any(|r| r == to)).count();
        assert_eq!(mails, 3, "one verification mail and one reset mail a minute");
        let reset = |token: &str, password: &str| format!("token={token}&password={password}");
        let first = app.post("/api/reset_password", &[], &reset(&tokens[0], "first+horse+battery")).await;
        assert_eq!(first.status, 404, "the earlier link ended: {}", first.text());
        assert_eq!(log_in(&app, None, "first+horse+battery").await.status, 401);
        let newest = app.post("/api/reset_password", &[], &reset(&tokens[1], "newest+horse+battery")).await;
        assert_eq!(newest.status, 200, "{}", newest.text());
        assert_eq!(log_in(&app, None, "newest+horse+battery").await.status, 200);
    }

    async fn a_session_left_unused_for_a_week_ends(app) {
        assert_eq!(app.post("/api/register", &[], FORM).await.status, 200);
        let cookie = support::session_cookie(&log_in(&app, None, "correct+horse+battery").await);
        let pool = &app.db.db.pool;
        let now = server::clock::now();
        let set_last_seen = |at: i64| sqlx::query("UPDATE user_sessions SET last_seen_at = $1").bind(at).execute(pool);
        // Used two hours ago: still signed in, and the use is recorded again.
        set_last_seen(now - 2 * 3600).await.unwrap();
        assert!(who(&app, &cookie).await.contains("ana.lima@example.com"));
        let seen: i64 = sqlx::query_scalar("SELECT last_seen_at FROM user_sessions").fetch_one(pool).await.unwrap();
        assert!(seen >= now, "the request renewed the session: {seen} < {now}");
        // A request within the hour writes nothing.
        set_last_seen(now - 60).await.unwrap();
        assert!(who(&app, &cookie).await.contains("ana.lima@example.com"));
        let seen: i64 = sqlx::query_scalar("SELECT last_seen_at FROM user_sessions").fetch_one(pool).await.unwrap();
        assert_eq!(seen, now - 60);
        // Unused for a week and a minute: signed out, though its 30 days are not over.
        set_last_seen(now - app::domain::account::SESSION_IDLE_SECONDS - 60).await.unwrap();
        assert_eq!(who(&app, &cookie).await, "null");
        assert_eq!(log_in(&app, None, "correct+horse+battery").await.status, 200, "signing in again works");
    }
}

on_both_engines! { mod behind_https; support::spawn_app_behind_https;

    async fn an_https_fair_uses_a_host_cookie_and_strict_transport(app) {
        let form = format!("email={}&password={}", BUYER.email.replace('@', "%40"), BUYER.password.replace(' ', "+"));
        let signed_in = app.post("/api/log_in", &[], &form).await;
        assert_eq!(signed_in.status, 200, "{}", signed_in.text());
        let set = signed_in.header("set-cookie").unwrap().to_owned();
        assert!(set.starts_with("__Host-cf_session=") && set.contains("; Secure") && set.contains("Path=/"), "{set}");
        assert!(!set.to_ascii_lowercase().contains("domain="), "{set}");
        let cookie = support::session_cookie(&signed_in);
        assert!(who(&app, &cookie).await.contains(BUYER.email));
        // The same secret under the plain name, as a neighbouring subdomain could set it: no session.
        let planted = cookie.replacen("__Host-", "", 1);
        assert_eq!(who(&app, &planted).await, "null");
        let page = app.get_with("/", &[("Cookie", &cookie)]).await;
        assert_eq!(page.header("strict-transport-security"), Some("max-age=31536000"));
        let out = app.post("/api/log_out", &[("Cookie", &cookie)], "everywhere=false").await;
        assert!(out.header("set-cookie").unwrap().starts_with("__Host-cf_session=;"), "signing out clears the same cookie");
    }
}
