//! Multipart forms (uploads, imports, attachments), sent by a plain form without JavaScript or
//! by a script: their fields read within a size limit, and the one way they are answered.

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
