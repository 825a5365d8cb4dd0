//! TURN credentials on both engines: a requested meeting's call gets the STUN server only;
//! once the team confirms, each party gets a relay credential of its own, valid an hour, in
//! coturn's shared-secret scheme; nobody else gets one.

use crate::meetings::{book, latest_meeting, parties, slots};
use crate::support::{self, TestApp};
use server::clock::now;
use server::meetings::turn::{TURN_SECONDS, credential};

const SECRET: &str = "a-secret-only-the-relay-shares";

async fn servers(app: &TestApp, cookie: &str, meeting: i64) -> (u16, Vec<serde_json::Value>) {
    let room = app
        .post(
            "/api/get_call_room",
            &[("Cookie", cookie)],
            &format!("meeting={meeting}"),
        )
        .await;
    if room.status != 200 {
        return (room.status, Vec::new());
    }
    let room: serde_json::Value = serde_json::from_slice(&room.body).unwrap();
    // The room, then the conversation beside it.
    (
        200,
        serde_json::from_str(room[0]["ice_servers"].as_str().unwrap()).unwrap(),
    )
}

async fn with_turn(engine: support::Engine) -> TestApp {
    support::spawn_app_with_turn(engine, "turn:127.0.0.1:3478", SECRET).await
}

on_both_engines! { mod turn_credentials; with_turn;

    async fn only_the_parties_of_a_confirmed_meeting_get_a_relay_credential(app) {
        let p = parties(&app).await;
        let slot = slots(&app, &p).await[0];
        assert_eq!(app.post("/api/book_meeting", &[("Cookie", &p.buyer)], &book(&p, slot)).await.status, 200);
        let meeting = latest_meeting(&app).await;
        let (status, requested) = servers(&app, &p.buyer, meeting).await;
        assert_eq!(status, 200);
        assert_eq!(requested.len(), 1, "the STUN server only: {requested:?}");

        let confirmed = app.post("/api/answer_meeting", &[("Cookie", &p.exhibitor)], &format!("meeting={meeting}&answer=confirm")).await;
        assert_eq!(confirmed.status, 200, "{}", confirmed.text());
        let mut usernames = Vec::new();
        for cookie in [&p.buyer, &p.exhibitor] {
            let (status, list) = servers(&app, cookie, meeting).await;
            assert_eq!(status, 200);
            let relay = list.iter().find(|s| s["urls"][0] == "turn:127.0.0.1:3478").expect("a relay");
            let username = relay["username"].as_str().unwrap().to_owned();
            let (expiry, who) = username.split_once(':').unwrap();
            let expiry: i64 = expiry.parse().unwrap();
            assert!((expiry - now() - TURN_SECONDS).abs() <= 5, "valid an hour: {username}");
            assert!(who.starts_with(&format!("m{meeting}u")), "{who}");
            assert_eq!(relay["credential"], credential(SECRET, &username).as_str());
            usernames.push(username);
        }
        assert_ne!(usernames[0], usernames[1], "each party its own");

        let other = app.sign_in(server::demo::accounts::OTHER_EXHIBITOR.email, server::demo::accounts::OTHER_EXHIBITOR.password).await;
        assert_eq!(servers(&app, &other, meeting).await.0, 403);
        assert_eq!(app.post("/api/get_call_room", &[], &format!("meeting={meeting}")).await.status, 401);
    }
}

/// The coturn configuration the README gives, on a free loopback port of this machine.
fn readme_relay_config(port: u16) -> String {
    let readme = include_str!("../../../README.md");
    let start = readme
        .find("cat > /etc/turnserver.conf <<'CONF'\n")
        .expect("the README's coturn configuration");
    let body = &readme[start..].split_once('\n').unwrap().1;
    let body = &body[..body.find("\nCONF\n").unwrap()];
    let body = body.replace("listening-port=3478", &format!("listening-port={port}"));
    format!("{body}\nlistening-ip=127.0.0.1\nno-tls\nno-dtls\nno-cli\nlog-file=stdout\n")
}

/// Asks the relay at `port` for an allocation with `username` and `credential`, and to send
/// to a peer on this machine; what the client printed.
async fn try_relay(port: u16, username: &str, credential: &str) -> String {
    let out = tokio::process::Command::new("turnutils_uclient")
        .args([
            "-u",
            username,
            "-w",
            credential,
            "-p",
            &port.to_string(),
            "-n",
            "1",
            "-m",
            "1",
        ])
        .args(["-l", "100", "-e", "127.0.0.1", "127.0.0.1"])
        .kill_on_drop(true)
        .output();
    let out = tokio::time::timeout(std::time::Duration::from_secs(20), out)
        .await
        .expect("the client ends")
        .expect("turnutils_uclient runs");
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// coturn as the README configures it accepts a credential the fair made, refuses a forged
/// one, and will not relay to this machine's own addresses.
#[tokio::test]
async fn the_readme_relay_takes_the_fairs_credentials_and_never_relays_to_loopback() {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("turnserver.conf");
    std::fs::write(&config, readme_relay_config(port)).unwrap();
    let mut relay = tokio::process::Command::new("turnserver")
        .arg("-c")
        .arg(&config)
        .stdout(std::process::Stdio::null())
        .kill_on_drop(true)
        .spawn()
        .expect("turnserver (coturn, installed by .ci/setup.sh) starts");
    tokio::time::sleep(std::time::Duration::from_millis(800)).await;
    let servers = server::meetings::turn::TurnRelay {
        urls: vec![format!("turn:127.0.0.1:{port}")],
        secret: "choose-a-long-secret".into(),
    };
    let entry = servers.entry("m1u2", now());
    let (username, password) = (
        entry["username"].as_str().unwrap(),
        entry["credential"].as_str().unwrap(),
    );

    let accepted = try_relay(port, username, password).await;
    assert!(
        !accepted.contains("Cannot complete Allocation"),
        "the fair's credential allocates: {accepted}"
    );
    assert!(
        accepted.contains("Forbidden IP"),
        "no relaying to loopback: {accepted}"
    );
    let forged = try_relay(port, username, "Zm9yZ2VkIGNyZWRlbnRpYWw=").await;
    assert!(forged.contains("Cannot complete Allocation"), "{forged}");
    let expired = servers.entry("m1u2", now() - 2 * TURN_SECONDS);
    let late = try_relay(
        port,
        expired["username"].as_str().unwrap(),
        expired["credential"].as_str().unwrap(),
    )
    .await;
    assert!(
        late.contains("Cannot complete Allocation"),
        "an expired credential: {late}"
    );
    relay.kill().await.ok();
}
