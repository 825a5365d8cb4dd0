//! Behind a reverse proxy, on both engines: the client a trusted proxy names in
//! `X-Forwarded-For` is the one rate limits count and signatures record; the header from any
//! other peer, and what a client wrote before the proxy's entry, change nothing.

use crate::deals;
use crate::support::{self, TestApp, http::post_from};

/// A failed sign-in to a fresh address each time (so the per-account limit never counts),
/// arriving with `headers` from `source`.
async fn failed_sign_in(app: &TestApp, source: [u8; 4], headers: &[(&str, &str)], n: usize) -> u16 {
    let form = format!("email=nobody{n}%40example.com&password=wrong+guess+here");
    post_from(source.into(), app.addr, "/api/log_in", headers, &form)
        .await
        .status
}

/// The app behind a proxy at 127.0.0.1 only.
async fn behind_proxy(engine: support::Engine) -> TestApp {
    support::spawn_app_behind_proxy(engine, "127.0.0.1").await
}

on_both_engines! {
    mod behind_a_trusted_proxy; behind_proxy;

    async fn each_forwarded_client_has_its_own_allowance(app) {
        let first = [("X-Forwarded-For", "203.0.113.1")];
        for n in 0..10 {
            assert_eq!(failed_sign_in(&app, [127, 0, 0, 1], &first, n).await, 401);
        }
        assert_eq!(failed_sign_in(&app, [127, 0, 0, 1], &first, 10).await, 429, "the client's eleventh try");
        let second = [("X-Forwarded-For", "203.0.113.2")];
        assert_eq!(failed_sign_in(&app, [127, 0, 0, 1], &second, 11).await, 401, "another client behind the same proxy");
        assert_eq!(failed_sign_in(&app, [127, 0, 0, 1], &[], 12).await, 401, "the proxy itself has its own");
    }

    async fn what_a_client_writes_before_the_proxy_is_ignored(app) {
        for n in 0..10 {
            let spoofed = format!("198.51.100.{n}, 203.0.113.3");
            assert_eq!(failed_sign_in(&app, [127, 0, 0, 1], &[("X-Forwarded-For", &spoofed)], n).await, 401);
        }
        let spoofed = [("X-Forwarded-For", "198.51.100.99, 203.0.113.3")];
        assert_eq!(failed_sign_in(&app, [127, 0, 0, 1], &spoofed, 10).await, 429, "counted as 203.0.113.3 throughout");
    }

    async fn the_header_from_an_untrusted_peer_is_ignored(app) {
        for n in 0..10 {
            let claimed = format!("203.0.113.{n}");
            assert_eq!(failed_sign_in(&app, [127, 0, 0, 2], &[("X-Forwarded-For", &claimed)], n).await, 401);
        }
        let claimed = [("X-Forwarded-For", "203.0.113.200")];
        assert_eq!(failed_sign_in(&app, [127, 0, 0, 2], &claimed, 10).await, 429, "counted as 127.0.0.2 throughout");
    }

    async fn a_signature_records_the_forwarded_client(app) {
        let (deal, order) = deals::order(&app).await;
        let seen = deals::json(&app, &deal.buyer, "/api/get_order", &format!("id={order}")).await;
        let hash = seen["contract"]["sha256"].as_str().unwrap().to_owned();
        let signed = app
            .post(
                "/api/sign_contract",
                &[("Cookie", &deal.buyer), ("X-Forwarded-For", "192.0.2.1, 2001:db8::42")],
                &format!("order={order}&sha256={hash}&signer_name=Buyer&confirmation=demo-buyer-2026"),
            )
            .await;
        assert_eq!(signed.status, 200, "{}", signed.text());
        let seen = deals::json(&app, &deal.exhibitor, "/api/get_order", &format!("id={order}")).await;
        assert_eq!(seen["contract"]["signatures"][0]["ip"], "2001:db8::42", "{seen}");
    }
}

on_both_engines! {
    mod without_trusted_proxies; support::spawn_app;

    async fn forwarded_headers_are_ignored(app) {
        for n in 0..10 {
            let claimed = format!("203.0.113.{n}");
            assert_eq!(failed_sign_in(&app, [127, 0, 0, 1], &[("X-Forwarded-For", &claimed), ("Forwarded", &format!("for={claimed}"))], n).await, 401);
        }
        assert_eq!(failed_sign_in(&app, [127, 0, 0, 1], &[("X-Forwarded-For", "203.0.113.200")], 10).await, 429);
    }
}
