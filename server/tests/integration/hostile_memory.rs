//! The server's memory stays bounded under hostile input, read from the process itself: the
//! app runs inside the test process, so its resident memory (`VmRSS`) is measured before and
//! after floods of 5 MB bodies to server functions, uploads one byte over their limit and
//! decompression bombs, all sent at once. SQLite only: the bounds are the server's, not the
//! database's. Other tests of this binary run in parallel and allocate too, so the
//! measuring runs in a process of its own: the outer test starts this very test binary again
//! with only the inner test selected.

use crate::support::hostile::{post_padded_file, resident_kib, still_serving};
use crate::support::http::send;
use crate::support::{self, Engine, TestApp};
use futures_util::StreamExt;
use server::demo::accounts::EXHIBITOR;

/// Growth allowed, in MiB. Each request body is bounded before it is buffered: a server
/// function's at its body limit (about 2 MiB, refused with 413 beyond), an image upload's at
/// 5 MiB + 64 KiB, and the 16 requests in flight at once could hold about 16 × 5 MiB = 80 MiB
/// together at worst; the allocator keeps some of what is freed for reuse, and the first
/// floods warm caches (pages, the search index, decoders). 160 MiB leaves that room twice over
/// while still catching a body or a bomb that is read whole: the 80-odd bodies of 5 MB and
/// the oversized logos sent here add up to over 400 MB, and one bomb decoded as declared would
/// be 256 MB (7,999 × 7,999 × 4 bytes).
const GROWTH_MAX_MIB: u64 = 160;

/// Requests in flight at once.
const AT_ONCE: usize = 16;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn memory_stays_bounded_under_hostile_floods() {
    let exe = std::env::current_exe().expect("the test binary");
    let output = std::process::Command::new(exe)
        .args([
            "hostile_memory::flood_measured_alone",
            "--exact",
            "--ignored",
            "--nocapture",
            "--test-threads=1",
        ])
        .output()
        .expect("the test binary runs");
    let text = String::from_utf8_lossy(&output.stdout).into_owned()
        + &String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "the measured flood failed:\n{text}"
    );
    assert!(text.contains("1 passed"), "the measured flood ran:\n{text}");
    let growth = text
        .lines()
        .find_map(|line| line.find("resident memory").map(|at| &line[at..]))
        .unwrap_or("no measure");
    println!("{growth}");
}

/// Sends 5 MB to every server function, AT_ONCE at a time, `rounds` times.
async fn flood_server_functions(app: &TestApp, rounds: usize) {
    let body = format!("x={}", "a".repeat(5 * 1024 * 1024)).into_bytes();
    let paths: Vec<String> = crate::hostile_bodies::server_functions()
        .into_iter()
        .map(|(p, _)| p)
        .collect();
    let calls = (0..rounds).flat_map(|_| paths.iter()).map(|path| {
        let body = &body;
        async move {
            let headers = [("Content-Type", "application/x-www-form-urlencoded")];
            let answer = send(app.addr, "POST", path, &headers, body).await;
            assert_eq!(answer.status, 413, "{path}");
        }
    });
    futures_util::stream::iter(calls)
        .buffer_unordered(AT_ONCE)
        .collect::<Vec<()>>()
        .await;
}

/// Logos one byte over the limit and PNGs declaring 7,999 × 7,999 pixels, AT_ONCE at a time.
async fn flood_uploads(app: &TestApp, cookie: &str, count: usize) {
    let png = crate::hostile_uploads::png_declaring(7_999, 7_999);
    let calls = (0..count).map(|n| {
        let png = &png;
        async move {
            let headers = [("Cookie", cookie)];
            let total = if n % 2 == 0 {
                server::media::imaging::MAX_UPLOAD_BYTES + 1
            } else {
                png.len()
            };
            let answer = post_padded_file(
                app,
                "/exhibitor/logo",
                &headers,
                &[("exhibitor", "1")],
                ("file", "logo.png", "image/png"),
                png,
                total,
            )
            .await;
            assert!(
                (400..500).contains(&answer.status),
                "upload {n}: {}",
                answer.status
            );
        }
    });
    futures_util::stream::iter(calls)
        .buffer_unordered(AT_ONCE.min(4))
        .collect::<Vec<()>>()
        .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "run by memory_stays_bounded_under_hostile_floods in a process of its own"]
async fn flood_measured_alone() {
    let app = support::spawn_app(Engine::Sqlite).await;
    let owner = app.sign_in(EXHIBITOR.email, EXHIBITOR.password).await;
    // A first, smaller round warms what any server would keep (connection pools, caches).
    flood_server_functions(&app, 1).await;
    flood_uploads(&app, &owner, 4).await;
    let before = resident_kib();
    flood_server_functions(&app, 1).await;
    flood_uploads(&app, &owner, 20).await;
    still_serving(&app).await;
    let after = resident_kib();
    let growth_mib = after.saturating_sub(before) / 1024;
    println!(
        "resident memory {} MiB before, {} MiB after: {growth_mib} MiB growth (bound {GROWTH_MAX_MIB} MiB)",
        before / 1024,
        after / 1024
    );
    assert!(
        growth_mib < GROWTH_MAX_MIB,
        "memory grew by {growth_mib} MiB"
    );
}
