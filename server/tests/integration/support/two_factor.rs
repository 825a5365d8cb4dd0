//! Two-factor sign-in as the tests go through it: the next code an account's authenticator
//! app would show that the server has not seen yet, the second step of signing in, and
//! setting an app up through the real forms.

use super::{TestApp, http, session_cookie};
use server::accounts::totp;
use server::clock::now;

/// The account's secret (the one in force, or with `pending` the one being set up) and the
/// last step a code was used for.
async fn stored(app: &TestApp, email: &str, pending: bool) -> (String, i64) {
    let column = if pending { "pending_secret" } else { "secret" };
    let sql = format!(
        "SELECT f.{column}, f.last_step FROM two_factor f JOIN users u ON u.id = f.user_id \
         WHERE u.email = $1"
    );
    sqlx::query_as(&sql)
        .bind(email)
        .fetch_one(&app.db.db.pool)
        .await
        .expect("a two-factor secret")
}

/// A code the server accepts now and for at least ten seconds more (however slow the request
/// that carries it): of the step before while ten seconds of the current one are left, else
/// of the current or the next step, waiting for a later step when those were used.
pub async fn fresh_code(app: &TestApp, email: &str, pending: bool) -> String {
    loop {
        let (secret, last_step) = stored(app, email, pending).await;
        let now_step = totp::step_at(now());
        let left_of_step = totp::STEP_SECONDS - now().rem_euclid(totp::STEP_SECONDS);
        let earliest = if left_of_step >= 10 {
            now_step - totp::SKEW_STEPS
        } else {
            now_step
        };
        let step = earliest.max(last_step + 1);
        if step <= now_step + totp::SKEW_STEPS {
            return totp::code_at(&secret, step).expect("a base32 secret");
        }
        tokio::time::sleep(std::time::Duration::from_secs(1)).await;
    }
}

/// The second step of a sign-in whose password was right (`answer`, the log-in's response):
/// a fresh code with the waiting sign-in's cookie; the session cookie.
pub async fn finish_sign_in(app: &TestApp, email: &str, answer: &http::Response) -> String {
    let challenge = challenge_cookie(answer);
    let code = fresh_code(app, email, false).await;
    let response = app
        .post(
            "/api/verify_sign_in_code",
            &[("Cookie", &challenge)],
            &format!("code={code}"),
        )
        .await;
    assert_eq!(response.status, 200, "{email}'s code: {}", response.text());
    session_cookie(&response)
}

/// The `name=value` of the waiting sign-in's cookie a log-in answered with.
pub fn challenge_cookie(answer: &http::Response) -> String {
    super::set_cookie(answer, "cf_sign_in", "SameSite=Strict")
}

/// Sets up an authenticator app for the person of `cookie` (`email`, `password`) through the
/// settings forms; its secret.
pub async fn set_up(app: &TestApp, cookie: &str, email: &str, password: &str) -> String {
    let headers = [("Cookie", cookie)];
    let started = app.post("/api/start_two_factor", &headers, "").await;
    assert_eq!(started.status, 200, "{}", started.text());
    let (secret, _) = stored(app, email, true).await;
    let code = fresh_code(app, email, true).await;
    let confirmed = app
        .post(
            "/api/confirm_two_factor",
            &headers,
            &format!(
                "code={code}&current_password={}",
                password.replace(' ', "+")
            ),
        )
        .await;
    assert_eq!(confirmed.status, 200, "{}", confirmed.text());
    secret
}
