//! Uploads: the exhibitor's logo, sent as a multipart form (with or without JavaScript),
//! streamed with a size limit, checked and re-encoded (`imaging`), stored content-addressed
//! under the data folder, and served with immutable caching. A refused file leaves nothing
//! behind: files are written only after the image was accepted, under a temporary name first.

use crate::imaging::{self, ImageError, MAX_UPLOAD_BYTES};
use crate::startup::AppState;
use app::api::accounts::session::{is_plain_form, token_in};
use app::domain::exhibitor::uploaded_logo;
use app::domain::{Action, ExhibitorId, authorize};
use app::error::AppError;
use axum::body::Body;
use axum::extract::{Multipart, Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use sha2::{Digest, Sha256};
use std::path::PathBuf;

/// Where uploaded files live: `DATA_DIR/media`.
#[derive(Clone, Debug)]
pub struct MediaStore {
    pub dir: PathBuf,
}

impl MediaStore {
    /// Writes `bytes` as `name` unless it exists already, atomically (temporary file, rename).
    async fn put(&self, name: &str, bytes: &[u8]) -> std::io::Result<()> {
        let path = self.dir.join(name);
        if tokio::fs::try_exists(&path).await? {
            return Ok(());
        }
        tokio::fs::create_dir_all(&self.dir).await?;
        let temporary = self.dir.join(format!(".{name}.part"));
        tokio::fs::write(&temporary, bytes).await?;
        tokio::fs::rename(&temporary, &path).await
    }
}

/// The hex SHA-256 of `bytes`.
fn sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// `POST /exhibitor/logo`: fields `exhibitor` and `file`.
pub async fn upload_logo(
    State(state): State<AppState>,
    headers: HeaderMap,
    multipart: Multipart,
) -> Response {
    let plain = is_plain_form(&headers);
    match store_logo(&state, &headers, multipart).await {
        Ok(_) if plain => Redirect::to("/exhibitor/booth?saved=1").into_response(),
        Ok(url) => axum::Json(serde_json::json!({ "url": url })).into_response(),
        Err(error) if plain => {
            let query = app::domain::form::encode(&error, &[]);
            Redirect::to(&format!("/exhibitor/booth?{query}")).into_response()
        }
        Err(error) => (status_of(&error), axum::Json(error)).into_response(),
    }
}

/// The error's status, except that an oversized file is 413 Payload Too Large.
fn status_of(error: &AppError) -> StatusCode {
    let too_large = image_error(ImageError::TooLarge);
    if *error == too_large {
        StatusCode::PAYLOAD_TOO_LARGE
    } else {
        StatusCode::from_u16(error.status()).unwrap_or(StatusCode::BAD_REQUEST)
    }
}

async fn store_logo(
    state: &AppState,
    headers: &HeaderMap,
    mut multipart: Multipart,
) -> Result<String, AppError> {
    let user = match token_in(headers) {
        Some(token) => state.accounts.current_user(&token).await?,
        None => None,
    };
    let user = user.ok_or(AppError::Unauthenticated)?;
    let mut exhibitor = None;
    let mut file = None;
    while let Some(mut field) = multipart.next_field().await.map_err(bad_form)? {
        match field.name() {
            Some("exhibitor") => {
                let text = field.text().await.map_err(bad_form)?;
                exhibitor =
                    Some(ExhibitorId(text.trim().parse().map_err(|_| {
                        AppError::invalid("exhibitor", "number_invalid")
                    })?));
            }
            Some("file") => {
                // The right to edit is checked before reading the file itself.
                let target = exhibitor.ok_or_else(|| AppError::invalid("exhibitor", "required"))?;
                authorize(Some(&user), Action::EditBooth(target))?;
                let mut bytes = Vec::new();
                while let Some(chunk) = field.chunk().await.map_err(bad_form)? {
                    if bytes.len() + chunk.len() > MAX_UPLOAD_BYTES {
                        return Err(image_error(ImageError::TooLarge));
                    }
                    bytes.extend_from_slice(&chunk);
                }
                file = Some(bytes);
            }
            _ => {}
        }
    }
    let exhibitor = exhibitor.ok_or_else(|| AppError::invalid("exhibitor", "required"))?;
    authorize(Some(&user), Action::EditBooth(exhibitor))?;
    let bytes = file
        .filter(|bytes| !bytes.is_empty())
        .ok_or_else(|| AppError::invalid("logo", "required"))?;
    let processed = tokio::task::spawn_blocking(move || imaging::process_logo(&bytes))
        .await
        .map_err(AppError::internal)?
        .map_err(image_error)?;
    let hash = sha256(&processed.png);
    for (side, thumbnail) in &processed.thumbnails {
        state
            .media
            .put(&format!("{hash}-{side}.png"), thumbnail)
            .await
            .map_err(AppError::internal)?;
    }
    state
        .media
        .put(&format!("{hash}.png"), &processed.png)
        .await
        .map_err(AppError::internal)?;
    state.booths.set_logo(Some(&user), exhibitor, &hash).await?;
    Ok(uploaded_logo(&hash))
}

fn bad_form(error: axum::extract::multipart::MultipartError) -> AppError {
    if error.status() == StatusCode::PAYLOAD_TOO_LARGE {
        image_error(ImageError::TooLarge)
    } else {
        AppError::invalid("logo", "upload_broken")
    }
}

fn image_error(error: ImageError) -> AppError {
    AppError::invalid("logo", error.code())
}

/// `GET /media/uploads/{file}`: a stored upload, cached for a year (its name is its hash).
pub async fn serve(State(state): State<AppState>, Path(file): Path<String>) -> Response {
    let valid = file
        .strip_suffix(".png")
        .map(|stem| stem.split_once('-').map_or(stem, |(hash, _)| hash))
        .is_some_and(|hash| hash.len() == 64 && hash.bytes().all(|b| b.is_ascii_hexdigit()))
        && file
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.');
    if !valid {
        return StatusCode::NOT_FOUND.into_response();
    }
    match tokio::fs::read(state.media.dir.join(&file)).await {
        Ok(bytes) => (
            [
                (header::CONTENT_TYPE, "image/png"),
                (header::CACHE_CONTROL, "public, max-age=31536000, immutable"),
            ],
            Body::from(bytes),
        )
            .into_response(),
        Err(_) => StatusCode::NOT_FOUND.into_response(),
    }
}
