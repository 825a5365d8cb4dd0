//! Multipart forms (uploads, imports, attachments), sent by a plain form without JavaScript or
//! by a script: their fields read within a size limit, and the one way they are answered.

use crate::hashing::hex;
use crate::http::error::HttpError;
use app::error::AppError;
use app::error::ErrorCode;
use app::session::is_plain_form;
use axum::extract::multipart::{Field, MultipartError};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Serialize;

/// A plain form goes on to `done(&value)`, or back to `page` with the errors in its query; a
/// script gets the value as JSON, or the error with its status.
pub fn answer<T: Serialize>(
    headers: &HeaderMap,
    result: Result<T, AppError>,
    page: &str,
    done: impl FnOnce(&T) -> String,
) -> Response {
    let plain = is_plain_form(headers);
    match result {
        Ok(value) if plain => Redirect::to(&done(&value)).into_response(),
        Ok(value) => axum::Json(value).into_response(),
        Err(error) if plain => {
            let query = app::domain::form::encode(&error, &[]);
            Redirect::to(&format!("{page}?{query}")).into_response()
        }
        Err(error) => HttpError(error).into_response(),
    }
}

/// The answer to an upload: a plain form goes back to `page` with `saved=1` or the errors; a
/// script gets `{"urls": […]}` with the stored files' URLs, or the error with its status.
pub fn answer_files(
    headers: &HeaderMap,
    result: Result<Vec<String>, AppError>,
    page: &str,
) -> Response {
    let urls = result.map(|urls| serde_json::json!({ "urls": urls }));
    answer(headers, urls, page, |_| format!("{page}?saved=1"))
}

/// A file field's bytes, refused as soon as they pass `limit`; errors name the field `name`.
pub async fn read_file(
    mut field: Field<'_>,
    name: &'static str,
    limit: usize,
) -> Result<Vec<u8>, AppError> {
    let mut bytes = Vec::new();
    while let Some(chunk) = field.chunk().await.map_err(bad_form(name))? {
        if bytes.len() + chunk.len() > limit {
            return Err(AppError::invalid(name, ErrorCode::FileTooLarge));
        }
        bytes.extend_from_slice(&chunk);
    }
    Ok(bytes)
}

/// A file field as [`stream_file`] wrote it: its staging file, SHA-256, first bytes and size.
pub struct Streamed {
    pub path: std::path::PathBuf,
    pub sha256: String,
    /// The first [`HEAD_BYTES`], for telling the file's type.
    pub head: Vec<u8>,
    pub len: u64,
}

/// Bytes of a streamed file kept in memory to tell its type by.
pub const HEAD_BYTES: usize = 64;

/// A file field written to a new staging file in `dir` as it arrives, hashed on the way, so a
/// large upload never sits whole in memory; refused as soon as it passes `limit`. On any error
/// the staging file is gone; on success the caller keeps it (renaming it) or removes it.
pub async fn stream_file(
    mut field: Field<'_>,
    name: &'static str,
    limit: u64,
    dir: &std::path::Path,
) -> Result<Streamed, AppError> {
    use sha2::{Digest, Sha256};
    use tokio::io::AsyncWriteExt;
    tokio::fs::create_dir_all(dir)
        .await
        .map_err(AppError::internal)?;
    let mut random = [0u8; 16];
    getrandom::fill(&mut random).map_err(AppError::internal)?;
    let path = dir.join(format!(".upload-{}.part", hex(&random)));
    let mut file = tokio::fs::File::create(&path)
        .await
        .map_err(AppError::internal)?;
    let (mut hasher, mut head, mut len) = (Sha256::new(), Vec::new(), 0u64);
    let written = async {
        while let Some(chunk) = field.chunk().await.map_err(bad_form(name))? {
            len += chunk.len() as u64;
            if len > limit {
                return Err(AppError::invalid(name, ErrorCode::FileTooLarge));
            }
            hasher.update(&chunk);
            let room = HEAD_BYTES.saturating_sub(head.len());
            head.extend_from_slice(&chunk[..room.min(chunk.len())]);
            file.write_all(&chunk).await.map_err(AppError::internal)?;
        }
        file.flush().await.map_err(AppError::internal)
    }
    .await;
    drop(file);
    if let Err(error) = written {
        let _ = tokio::fs::remove_file(&path).await;
        return Err(error);
    }
    let sha256 = hex(&hasher.finalize());
    Ok(Streamed {
        path,
        sha256,
        head,
        len,
    })
}

/// The field error of a form that could not be read: too large for the route's body limit,
/// or broken.
pub fn bad_form(name: &'static str) -> impl Fn(MultipartError) -> AppError {
    move |error| {
        if error.status() == StatusCode::PAYLOAD_TOO_LARGE {
            AppError::invalid(name, ErrorCode::FileTooLarge)
        } else {
            AppError::invalid(name, ErrorCode::UploadBroken)
        }
    }
}
