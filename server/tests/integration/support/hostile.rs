//! What the hostile-input tests share: a snapshot of what the app keeps (rows of every
//! table, files of the media folder, staging files included) to show that a refusal left
//! nothing behind, a streamed upload of any size that never sits in the test's memory, and
//! the process's resident memory.

use super::TestApp;
use super::http::{Response, parse};
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// Rows per table and the media folder's files, at one moment.
#[derive(Debug, PartialEq, Eq)]
pub struct Kept {
    pub rows: BTreeMap<String, i64>,
    pub files: BTreeSet<PathBuf>,
}

/// What the app keeps now.
pub async fn kept(app: &TestApp) -> Kept {
    Kept {
        rows: row_counts(app).await,
        files: media_files(app),
    }
}

/// Fails unless the app keeps exactly what it kept `before`, naming `what` was tried.
pub async fn assert_nothing_left(app: &TestApp, before: &Kept, what: &str) {
    let now = kept(app).await;
    assert_eq!(now.rows, before.rows, "{what}: rows changed");
    assert_eq!(
        now.files, before.files,
        "{what}: files left in the media folder"
    );
}

/// The row count of every table of the app's schema (either engine).
pub async fn row_counts(app: &TestApp) -> BTreeMap<String, i64> {
    let pool = &app.db.db.pool;
    let mut tables: Vec<String> = sqlx::query_scalar(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' \
         AND name NOT LIKE '_sqlx%'",
    )
    .fetch_all(pool)
    .await
    .unwrap_or_default();
    if tables.is_empty() {
        tables = sqlx::query_scalar(
            "SELECT table_name::text FROM information_schema.tables \
             WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' \
             AND table_name NOT LIKE '_sqlx%'",
        )
        .fetch_all(pool)
        .await
        .expect("the tables");
    }
    let mut counts = BTreeMap::new();
    for table in tables {
        // Sessions are the one thing a request may rightly touch (a sign-in being refused
        // never adds one, but their last use is recorded); they are not the upload's.
        if table == "user_sessions" {
            continue;
        }
        let count: i64 = sqlx::query_scalar(&format!("SELECT COUNT(*) FROM \"{table}\""))
            .fetch_one(pool)
            .await
            .expect("a count");
        counts.insert(table, count);
    }
    counts
}

/// Every file under the media folder, staging files and subfolders included.
pub fn media_files(app: &TestApp) -> BTreeSet<PathBuf> {
    let mut found = BTreeSet::new();
    let mut folders = vec![app.media_dir()];
    while let Some(folder) = folders.pop() {
        let Ok(entries) = std::fs::read_dir(&folder) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                folders.push(path);
            } else {
                found.insert(path);
            }
        }
    }
    found
}

/// Fails unless the app still answers its health check.
pub async fn still_serving(app: &TestApp) {
    assert_eq!(
        app.get("/healthz").await.status,
        200,
        "the server still answers"
    );
}

/// A multipart form with plain `fields` and one file `name` (`file_name`, `content_type`)
/// whose content is `head` followed by zeros up to `total` bytes, streamed as it is sent,
/// so that a file of hundreds of megabytes costs the test no memory. The answer is read
/// while the body is still being written, since a server may answer before reading it all.
pub async fn post_padded_file(
    app: &TestApp,
    path: &str,
    headers: &[(&str, &str)],
    fields: &[(&str, &str)],
    (name, file_name, content_type): (&str, &str, &str),
    head: &[u8],
    total: usize,
) -> Response {
    const BOUNDARY: &str = "cloud-fair-hostile-boundary-41c2";
    let mut opening = String::new();
    for (field, value) in fields {
        opening.push_str(&format!(
            "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{field}\"\r\n\r\n{value}\r\n"
        ));
    }
    opening.push_str(&format!(
        "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{name}\"; \
         filename=\"{file_name}\"\r\nContent-Type: {content_type}\r\n\r\n"
    ));
    let closing = format!("\r\n--{BOUNDARY}--\r\n");
    let length = opening.len() + total + closing.len();
    let mut request = format!(
        "POST {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\
         Content-Type: multipart/form-data; boundary={BOUNDARY}\r\nContent-Length: {length}\r\n",
        app.addr
    );
    for (header, value) in headers {
        request.push_str(&format!("{header}: {value}\r\n"));
    }
    request.push_str("\r\n");
    let stream = tokio::net::TcpStream::connect(app.addr)
        .await
        .expect("connect");
    let (mut reader, mut writer) = stream.into_split();
    let head = head.to_vec();
    let writing = tokio::spawn(async move {
        let zeros = vec![0u8; 256 * 1024];
        writer.write_all(request.as_bytes()).await?;
        writer.write_all(opening.as_bytes()).await?;
        writer.write_all(&head).await?;
        let mut left = total - head.len();
        while left > 0 {
            let n = left.min(zeros.len());
            writer.write_all(&zeros[..n]).await?;
            left -= n;
        }
        writer.write_all(closing.as_bytes()).await?;
        // Kept open until the answer is read: a half-closed connection is dropped unanswered.
        std::future::pending::<()>().await;
        Ok::<_, std::io::Error>(writer)
    });
    let mut raw = Vec::new();
    let read = tokio::time::timeout(std::time::Duration::from_secs(120), async {
        let mut buffer = vec![0u8; 64 * 1024];
        loop {
            match reader.read(&mut buffer).await {
                Ok(0) => return None,
                Err(error) => return Some(error),
                Ok(n) => raw.extend_from_slice(&buffer[..n]),
            }
        }
    })
    .await;
    assert!(read.is_ok(), "POST {path}: no answer within 120 s");
    writing.abort();
    let written = writing.await.map(|_| ());
    assert!(
        raw.windows(4).any(|w| w == b"\r\n\r\n"),
        "POST {path}: no answer ({} bytes read: {read:?}; writing: {written:?})",
        raw.len()
    );
    parse(&raw)
}

/// This process's resident memory in KiB, as the kernel counts it (`VmRSS`).
pub fn resident_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .expect("/proc/self/status")
        .lines()
        .find_map(|line| line.strip_prefix("VmRSS:"))
        .and_then(|rest| rest.trim().trim_end_matches("kB").trim().parse().ok())
        .expect("VmRSS")
}

/// Fails unless `status` is a refusal (4xx), naming `what` was sent and the answer.
pub fn assert_refused(response: &Response, what: &str) {
    assert!(
        (400..500).contains(&response.status),
        "{what}: expected a 4xx, got {} {}",
        response.status,
        response.text()
    );
}
