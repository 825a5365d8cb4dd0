//! Multipart forms (`http::multipart`): a request body with a fixed boundary, arriving in
//! chunks of the size the first byte says (1 to 256 bytes), made into axum's `Multipart` as
//! the upload handlers receive it, its fields walked as they walk them (text
//! fields read as text, `file` through `read_file`, `video` through `stream_file` into a
//! staging folder), in a current-thread runtime. The size limit here is 1 KiB, not the
//! routes' megabytes, so that fuzzed bodies reach it. A file read is within the limit; a
//! streamed file's head is its first bytes; a refused stream leaves no staging file behind.
#![no_main]

use app::domain::conversation::{AttachmentKind, attachment_name};
use axum::body::Body;
use axum::extract::{FromRequest, Multipart};
use axum::http::{Request, header};
use libfuzzer_sys::fuzz_target;
use server::http::multipart::{HEAD_BYTES, read_file, stream_file};
use std::convert::Infallible;
use std::path::PathBuf;
use std::sync::LazyLock;
use tokio::runtime::Runtime;

const LIMIT: usize = 1024;

static RUNTIME: LazyLock<Runtime> = LazyLock::new(|| {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
});

static STAGING: LazyLock<PathBuf> = LazyLock::new(|| {
    let dir = std::env::temp_dir().join(format!("cloud-fair-fuzz-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
});

async fn walk(chunk: usize, body: Vec<u8>) {
    let chunks: Vec<Result<Vec<u8>, Infallible>> =
        body.chunks(chunk).map(|c| Ok(c.to_vec())).collect();
    let request = Request::builder()
        .method("POST")
        .uri("/exhibitor/logo")
        .header(header::CONTENT_TYPE, "multipart/form-data; boundary=b0und")
        .body(Body::from_stream(futures_util::stream::iter(chunks)))
        .unwrap();
    let Ok(mut multipart) = Multipart::from_request(request, &()).await else {
        return;
    };
    while let Ok(Some(field)) = multipart.next_field().await {
        match field.name() {
            Some("file") => {
                let name = field.file_name().unwrap_or_default().to_owned();
                let Ok(bytes) = read_file(field, "file", LIMIT).await else {
                    return;
                };
                assert!(bytes.len() <= LIMIT);
                let _ = attachment_name(&name, AttachmentKind::Pdf);
            }
            Some("video") => {
                let Ok(streamed) = stream_file(field, "video", LIMIT as u64, &STAGING).await else {
                    return;
                };
                let kept = std::fs::read(&streamed.path).unwrap();
                std::fs::remove_file(&streamed.path).unwrap();
                assert_eq!(kept.len() as u64, streamed.len);
                assert!(streamed.len <= LIMIT as u64);
                assert_eq!(streamed.head, kept[..kept.len().min(HEAD_BYTES)]);
            }
            Some(_) => {
                let _ = field.text().await;
            }
            None => {}
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&chunk, body)) = data.split_first() else {
        return;
    };
    RUNTIME.block_on(walk(usize::from(chunk) + 1, body.to_vec()));
    let left = std::fs::read_dir(&*STAGING).unwrap().count();
    assert_eq!(left, 0, "a staging file was left behind");
});
