//! The listening socket under slow and greedy clients: headers trickled past their deadline,
//! bodies that stall or crawl, a connection over the cap, more uploads at once than one
//! client may hold, more upload bytes at once than the server keeps in memory. Each is cut off or refused with its status while the server goes on
//! answering others; a slow body that keeps its pace is served. The transport is the same on
//! both engines, so these run on SQLite only.

use crate::support::{self, Engine, TestApp, http};
use server::demo::accounts::EXHIBITOR;
use server::http::connections::ConnectionLimits;
use server::http::pacing::BodyPace;
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::time::{Instant, sleep, timeout};

/// Short limits, so that a test waits seconds rather than minutes.
fn short() -> ConnectionLimits {
    ConnectionLimits {
        header_read: Duration::from_secs(1),
        body: BodyPace {
            idle: Duration::from_millis(800),
            grace: Duration::from_secs(1),
            min_rate: 100,
        },
        ..ConnectionLimits::default()
    }
}

/// What the server sends until it closes the connection (within `limit`).
async fn read_until_closed(stream: &mut TcpStream, limit: Duration) -> Vec<u8> {
    let mut raw = Vec::new();
    timeout(limit, async {
        let mut buffer = [0u8; 4096];
        loop {
            match stream.read(&mut buffer).await {
                Ok(0) | Err(_) => break,
                Ok(read) => raw.extend_from_slice(&buffer[..read]),
            }
        }
    })
    .await
    .expect("the server closes the connection");
    raw
}

/// The head of a form post of `length` bytes to the sign-in server function.
fn sign_in_head(app: &TestApp, length: usize) -> String {
    format!(
        "POST /api/log_in HTTP/1.1\r\nHost: {}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {length}\r\n\r\n",
        app.addr
    )
}

fn sign_in_form() -> String {
    format!(
        "email={}&password={}",
        EXHIBITOR.email.replace('@', "%40"),
        EXHIBITOR.password.replace(' ', "+")
    )
}

async fn still_serving(app: &TestApp) {
    assert_eq!(app.get("/healthz").await.status, 200);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn headers_trickled_past_their_deadline_are_cut_off() {
    let app = support::spawn_app_limited(Engine::Sqlite, short()).await;
    let mut trickle = TcpStream::connect(app.addr).await.unwrap();
    let started = Instant::now();
    for byte in b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: aaaaaaaa" {
        if trickle.write_all(&[*byte]).await.is_err() {
            break;
        }
        sleep(Duration::from_millis(50)).await;
        if started.elapsed() > Duration::from_secs(3) {
            break;
        }
    }
    let answer = read_until_closed(&mut trickle, Duration::from_secs(3)).await;
    assert!(
        !String::from_utf8_lossy(&answer).contains("200 OK"),
        "a request whose headers took over a second was not served"
    );

    // An idle keep-alive connection is closed at the same deadline.
    let mut idle = TcpStream::connect(app.addr).await.unwrap();
    let request = format!("GET /healthz HTTP/1.1\r\nHost: {}\r\n\r\n", app.addr);
    idle.write_all(request.as_bytes()).await.unwrap();
    let started = Instant::now();
    let answer = read_until_closed(&mut idle, Duration::from_secs(4)).await;
    assert!(String::from_utf8_lossy(&answer).starts_with("HTTP/1.1 200"));
    assert!(
        started.elapsed() >= Duration::from_millis(900),
        "kept open while idle for the header deadline"
    );
    still_serving(&app).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_stalled_body_is_answered_408_and_the_connection_closed() {
    let app = support::spawn_app_limited(Engine::Sqlite, short()).await;
    let form = sign_in_form();
    let mut stream = TcpStream::connect(app.addr).await.unwrap();
    stream
        .write_all(sign_in_head(&app, form.len()).as_bytes())
        .await
        .unwrap();
    stream.write_all(&form.as_bytes()[..10]).await.unwrap();
    let answer = http::parse(&read_until_closed(&mut stream, Duration::from_secs(5)).await);
    assert_eq!(answer.status, 408, "{}", answer.text());
    assert!(
        answer.text().contains("request_too_slow"),
        "{}",
        answer.text()
    );
    assert_eq!(answer.header("connection"), Some("close"));
    still_serving(&app).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_body_below_the_minimum_rate_is_cut_off_though_it_never_pauses_long() {
    let app = support::spawn_app_limited(Engine::Sqlite, short()).await;
    let form = sign_in_form();
    let mut stream = TcpStream::connect(app.addr).await.unwrap();
    stream
        .write_all(sign_in_head(&app, form.len()).as_bytes())
        .await
        .unwrap();
    // A byte every 300 ms: never idle for the 800 ms limit, but 3 bytes a second against
    // the 100 required once the first second is over.
    let sender = async {
        for byte in form.as_bytes() {
            sleep(Duration::from_millis(300)).await;
            if stream.write_all(&[*byte]).await.is_err() {
                break;
            }
        }
    };
    let _ = timeout(Duration::from_secs(3), sender).await;
    let answer = http::parse(&read_until_closed(&mut stream, Duration::from_secs(3)).await);
    assert_eq!(answer.status, 408, "{}", answer.text());
    still_serving(&app).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_slow_body_that_keeps_its_pace_is_served() {
    let limits = ConnectionLimits {
        body: BodyPace {
            min_rate: 20,
            ..short().body
        },
        ..short()
    };
    let app = support::spawn_app_limited(Engine::Sqlite, limits).await;
    let form = sign_in_form();
    let mut stream = TcpStream::connect(app.addr).await.unwrap();
    stream
        .write_all(sign_in_head(&app, form.len()).as_bytes())
        .await
        .unwrap();
    // Three pieces 600 ms apart: 1.2 s in all, past the grace second, at over 20 bytes a
    // second, with no pause as long as the idle limit.
    let piece = form.len().div_ceil(3);
    for chunk in form.as_bytes().chunks(piece) {
        stream.write_all(chunk).await.unwrap();
        sleep(Duration::from_millis(600)).await;
    }
    let mut raw = Vec::new();
    let mut buffer = [0u8; 4096];
    while !String::from_utf8_lossy(&raw).contains("\r\n\r\n") {
        let read = timeout(Duration::from_secs(5), stream.read(&mut buffer))
            .await
            .expect("an answer")
            .unwrap();
        assert!(read > 0, "closed without an answer");
        raw.extend_from_slice(&buffer[..read]);
    }
    let answer = http::parse(&raw);
    assert_eq!(answer.status, 200, "{}", answer.text());
    assert!(answer.header("set-cookie").is_some(), "signed in");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_connection_over_the_cap_is_answered_503_until_one_closes() {
    let limits = ConnectionLimits {
        max_connections: 2,
        header_read: Duration::from_secs(30),
        ..ConnectionLimits::default()
    };
    let app = support::spawn_app_limited(Engine::Sqlite, limits).await;
    let first = TcpStream::connect(app.addr).await.unwrap();
    let _second = TcpStream::connect(app.addr).await.unwrap();
    sleep(Duration::from_millis(200)).await;
    let refused = app.get("/healthz").await;
    assert_eq!(refused.status, 503, "{}", refused.text());
    assert_eq!(refused.header("retry-after"), Some("5"));

    drop(first);
    let started = Instant::now();
    loop {
        if app.get("/healthz").await.status == 200 {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "a closed connection gives its place back"
        );
        sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_client_holds_at_most_four_uploads_at_once() {
    let app = support::spawn_app(Engine::Sqlite).await;
    let owner = app.sign_in(EXHIBITOR.email, EXHIBITOR.password).await;
    let boundary = "transport-test-boundary";
    let head = |length: usize| {
        format!(
            "POST /exhibitor/logo HTTP/1.1\r\nHost: {}\r\nCookie: {owner}\r\nContent-Type: multipart/form-data; boundary={boundary}\r\nContent-Length: {length}\r\n\r\n",
            app.addr
        )
    };
    let opening = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"exhibitor\"\r\n\r\n1\r\n--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"logo.png\"\r\nContent-Type: image/png\r\n\r\n"
    );
    // Four uploads that have sent their start and wait (as a slow link would).
    let mut held = Vec::new();
    for _ in 0..4 {
        let mut stream = TcpStream::connect(app.addr).await.unwrap();
        stream.write_all(head(1_000_000).as_bytes()).await.unwrap();
        stream.write_all(opening.as_bytes()).await.unwrap();
        held.push(stream);
    }
    sleep(Duration::from_millis(300)).await;
    let cookie = [("Cookie", owner.as_str())];
    let parts = [http::Part {
        name: "exhibitor",
        file_name: None,
        content_type: "text/plain",
        content: b"1",
    }];
    let fifth = http::post_multipart(app.addr, "/exhibitor/logo", &cookie, &parts).await;
    assert_eq!(fifth.status, 429, "{}", fifth.text());
    assert_eq!(fifth.header("retry-after"), Some("5"));
    still_serving(&app).await;

    drop(held);
    let started = Instant::now();
    loop {
        let again = http::post_multipart(app.addr, "/exhibitor/logo", &cookie, &parts).await;
        if again.status != 429 {
            assert_eq!(
                again.status,
                400,
                "a form without its file: {}",
                again.text()
            );
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "closed uploads give their slots back"
        );
        sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn uploads_past_the_memory_budget_wait_then_get_503_and_videos_are_not_counted() {
    // A budget of 2 MiB, waited for one second.
    let app = support::spawn_app_with_upload_memory(
        Engine::Sqlite,
        2 * 1024 * 1024,
        Duration::from_secs(1),
    )
    .await;
    let owner = app.sign_in(EXHIBITOR.email, EXHIBITOR.password).await;
    let head = |path: &str, length: usize| {
        format!(
            "POST {path} HTTP/1.1\r\nHost: {}\r\nCookie: {owner}\r\nContent-Type: multipart/form-data; boundary=b\r\nContent-Length: {length}\r\n\r\n",
            app.addr
        )
    };
    // Two photos of about a megabyte each, on their way (as on a slow link): most of the budget.
    let mut held = Vec::new();
    for _ in 0..2 {
        let mut stream = TcpStream::connect(app.addr).await.unwrap();
        stream
            .write_all(head("/exhibitor/logo", 1_000_000).as_bytes())
            .await
            .unwrap();
        held.push(stream);
    }
    sleep(Duration::from_millis(300)).await;
    let cookie = [("Cookie", owner.as_str())];
    let photo = [http::Part {
        name: "file",
        file_name: Some("logo.png"),
        content_type: "image/png",
        content: &[7u8; 300_000],
    }];
    let started = Instant::now();
    let refused = http::post_multipart(app.addr, "/exhibitor/banner", &cookie, &photo).await;
    assert_eq!(refused.status, 503, "{}", refused.text());
    assert_eq!(refused.header("retry-after"), Some("5"));
    assert!(
        started.elapsed() >= Duration::from_millis(900),
        "it waited for its share first"
    );
    // A video goes to disk as it arrives: it is not held back by the budget.
    let video = [http::Part {
        name: "file",
        file_name: Some("v.mp4"),
        content_type: "video/mp4",
        content: &[7u8; 300_000],
    }];
    let streamed = http::post_multipart(app.addr, "/exhibitor/video", &cookie, &video).await;
    assert!(
        streamed.status != 503 && streamed.status < 500,
        "{}: {}",
        streamed.status,
        streamed.text()
    );
    still_serving(&app).await;

    drop(held);
    sleep(Duration::from_millis(300)).await;
    let served = http::post_multipart(app.addr, "/exhibitor/banner", &cookie, &photo).await;
    assert_eq!(
        served.status,
        400,
        "the budget is back; this file is no image: {}",
        served.text()
    );
}
