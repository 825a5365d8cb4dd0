//! Uploads: the exhibitor's logo and product photos, sent as multipart forms (with or without
//! JavaScript), streamed with a size limit, checked and re-encoded (`imaging`), stored
//! content-addressed under the data folder, and served with immutable caching. A refused file leaves nothing
//! behind: files are written only after the image was accepted, under a temporary name first.

use crate::hashing::sha256_hex;
use crate::http::error::HttpError;
use crate::http::extract::SignedIn;
use crate::http::multipart::{answer_files, bad_form, read_file, stream_file};
use crate::media::imaging::{ImageKind, MAX_UPLOAD_BYTES};
use crate::media::{MediaStore, models3d, process_image, video};
use crate::storage::Db;
use app::domain::exhibitor::{BoothImage, uploaded_banner, uploaded_logo};
use app::domain::product::{uploaded_file, uploaded_image};
use app::domain::product_edit::PHOTOS_MAX;
use app::domain::{Action, CurrentUser, ExhibitorId, ProductId, authorize};
use app::error::AppError;
use app::error::ErrorCode;
use app::links::product_editor_path;
use app::ports::{Booths, Products};
use axum::body::Body;
use axum::extract::multipart::Field;
use axum::extract::{Multipart, Path, State};
use axum::http::{HeaderMap, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use std::sync::Arc;

/// What the upload handlers use of the state.
#[derive(Clone)]
pub struct Uploads {
    pub db: Db,
    pub booths: Arc<dyn Booths>,
    pub products: Arc<dyn Products>,
    pub media: MediaStore,
}

/// `POST /exhibitor/logo` and `POST /exhibitor/banner`: fields `exhibitor` and `file`.
pub async fn upload_booth_image(
    State(state): State<Uploads>,
    signed_in: Result<SignedIn, HttpError>,
    uri: Uri,
    headers: HeaderMap,
    multipart: Multipart,
) -> Response {
    let image = match uri.path().rsplit('/').next() {
        Some("banner") => BoothImage::Banner,
        _ => BoothImage::Logo,
    };
    let result = store_booth_image(&state, signed_in, multipart, image).await;
    answer_files(&headers, result, "/exhibitor/booth")
}

/// `POST /exhibitor/products/{id}/photos` (one or more `file` fields, all accepted or none)
/// and `POST /exhibitor/products/{id}/model` (one `file` field, a glTF 2.0 model).
pub async fn upload_product_file(
    State(state): State<Uploads>,
    signed_in: Result<SignedIn, HttpError>,
    Path(id): Path<String>,
    uri: Uri,
    headers: HeaderMap,
    multipart: Multipart,
) -> Response {
    let Ok(id) = id.parse::<i64>().map(ProductId) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let result = match uri.path().rsplit('/').next() {
        Some("model") => store_model(&state, signed_in, id, multipart).await,
        _ => store_photos(&state, signed_in, id, multipart).await,
    };
    answer_files(&headers, result, &product_editor_path(id))
}

/// The `exhibitor` field of a booth upload and then its `file` field, read by `read` once
/// `user` may edit that booth (checked before the file is read): the exhibitor, the file's
/// name and what `read` made of it. `name` is the field errors are reported on.
async fn booth_field<T>(
    user: &CurrentUser,
    multipart: &mut Multipart,
    name: &'static str,
    read: impl AsyncFnOnce(Field<'_>) -> Result<T, AppError>,
) -> Result<(ExhibitorId, String, T), AppError> {
    let mut exhibitor = None;
    while let Some(field) = multipart.next_field().await.map_err(bad_form(name))? {
        match field.name() {
            Some("exhibitor") => {
                let text = field.text().await.map_err(bad_form(name))?;
                let id = text
                    .trim()
                    .parse()
                    .map_err(|_| AppError::invalid("exhibitor", ErrorCode::NumberInvalid))?;
                exhibitor = Some(ExhibitorId(id));
            }
            Some("file") => {
                let target =
                    exhibitor.ok_or_else(|| AppError::invalid("exhibitor", ErrorCode::Required))?;
                authorize(Some(user), Action::EditBooth(target))?;
                let file_name = field.file_name().unwrap_or("upload").to_owned();
                return Ok((target, file_name, read(field).await?));
            }
            _ => {}
        }
    }
    Err(match exhibitor {
        None => AppError::invalid("exhibitor", ErrorCode::Required),
        Some(_) => AppError::invalid(name, ErrorCode::Required),
    })
}

/// The `exhibitor` and `file` fields of a booth upload (see [`booth_field`]): the exhibitor,
/// the file's name and its bytes, which must not be empty.
pub(crate) async fn booth_file(
    user: &CurrentUser,
    multipart: &mut Multipart,
    name: &'static str,
    limit: usize,
) -> Result<(ExhibitorId, String, Vec<u8>), AppError> {
    let read = async |field: Field<'_>| read_file(field, name, limit).await;
    let (exhibitor, file_name, bytes) = booth_field(user, multipart, name, read).await?;
    if bytes.is_empty() {
        return Err(AppError::invalid(name, ErrorCode::Required));
    }
    Ok((exhibitor, file_name, bytes))
}

/// `POST /exhibitor/video`: fields `exhibitor` and `file`, an MP4 or WebM video.
pub async fn upload_video(
    State(state): State<Uploads>,
    signed_in: Result<SignedIn, HttpError>,
    headers: HeaderMap,
    multipart: Multipart,
) -> Response {
    let result = store_video(&state, signed_in, multipart).await;
    answer_files(&headers, result, "/exhibitor/booth")
}

async fn store_video(
    state: &Uploads,
    signed_in: Result<SignedIn, HttpError>,
    mut multipart: Multipart,
) -> Result<Vec<String>, AppError> {
    const FIELD: &str = "video";
    let user = signed_in?.user;
    // Up to 200 MB: written to a staging file as it arrives, never whole in memory; ffmpeg
    // reads it there until it is accepted.
    let limit = video::MAX_VIDEO_BYTES as u64;
    let stream = async |field: Field<'_>| stream_file(field, FIELD, limit, &state.media.dir).await;
    let (exhibitor, _, streamed) = booth_field(&user, &mut multipart, FIELD, stream).await?;
    let trial = streamed.path;
    let refused = |error: video::VideoError| AppError::invalid(FIELD, error.code());
    let extension = match (streamed.len, video::sniff(&streamed.head)) {
        (1.., Some(extension)) => extension,
        (length, _) => {
            let _ = tokio::fs::remove_file(&trial).await;
            return Err(if length == 0 {
                AppError::invalid(FIELD, ErrorCode::Required)
            } else {
                refused(video::VideoError::NotAVideo)
            });
        }
    };
    let name = format!("{}.{extension}", streamed.sha256);
    let frame = video::poster_frame(&trial, extension).await;
    let frame = match frame {
        Ok(frame) => frame,
        Err(error) => {
            let _ = tokio::fs::remove_file(&trial).await;
            return Err(refused(error));
        }
    };
    let poster = match process_image(frame, ImageKind::ProductPhoto, FIELD).await {
        Ok(poster) => state.media.keep_image(&poster).await,
        Err(error) => Err(error),
    };
    let poster = match poster {
        Ok(poster) => poster,
        Err(error) => {
            let _ = tokio::fs::remove_file(&trial).await;
            return Err(error);
        }
    };
    state
        .media
        .promote(&trial, &name)
        .await
        .map_err(AppError::internal)?;
    state
        .booths
        .set_video(Some(&user), exhibitor, &name, &poster)
        .await?;
    Ok(vec![uploaded_file(&name)])
}

async fn store_model(
    state: &Uploads,
    signed_in: Result<SignedIn, HttpError>,
    id: ProductId,
    mut multipart: Multipart,
) -> Result<Vec<String>, AppError> {
    const FIELD: &str = "model";
    let user = signed_in?.user;
    let exhibitor = state.db.product_exhibitor(id).await?;
    authorize(Some(&user), Action::EditBooth(exhibitor))?;
    let mut file = None;
    while let Some(field) = multipart.next_field().await.map_err(bad_form(FIELD))? {
        if field.name() == Some("file") {
            file = Some(read_file(field, FIELD, models3d::MAX_MODEL_BYTES).await?);
        }
    }
    let bytes = file
        .filter(|bytes| !bytes.is_empty())
        .ok_or_else(|| AppError::invalid(FIELD, ErrorCode::Required))?;
    let (bytes, extension) = crate::gates::MEDIA_DECODING
        .run(move || models3d::check(&bytes).map(|extension| (bytes, extension)))
        .await?
        .map_err(|error| AppError::invalid(FIELD, error.code()))?;
    let name = format!("{}.{extension}", sha256_hex(&bytes));
    state
        .media
        .put(&name, &bytes)
        .await
        .map_err(AppError::internal)?;
    state
        .products
        .set_product_model(Some(&user), id, name.clone())
        .await?;
    Ok(vec![uploaded_file(&name)])
}

async fn store_booth_image(
    state: &Uploads,
    signed_in: Result<SignedIn, HttpError>,
    mut multipart: Multipart,
    which: BoothImage,
) -> Result<Vec<String>, AppError> {
    let field = which.name();
    let user = signed_in?.user;
    let (exhibitor, _, bytes) = booth_file(&user, &mut multipart, field, MAX_UPLOAD_BYTES).await?;
    let kind = match which {
        BoothImage::Logo => ImageKind::Logo,
        BoothImage::Banner => ImageKind::Banner,
    };
    let processed = process_image(bytes, kind, field).await?;
    let hash = state.media.keep_image(&processed).await?;
    state
        .booths
        .set_image(Some(&user), exhibitor, which, &hash)
        .await?;
    Ok(vec![match which {
        BoothImage::Logo => uploaded_logo(&hash),
        BoothImage::Banner => uploaded_banner(&hash, false),
    }])
}

async fn store_photos(
    state: &Uploads,
    signed_in: Result<SignedIn, HttpError>,
    id: ProductId,
    mut multipart: Multipart,
) -> Result<Vec<String>, AppError> {
    const FIELD: &str = "photos";
    let user = signed_in?.user;
    // The right to edit is checked before reading any file.
    let exhibitor = state.db.product_exhibitor(id).await?;
    authorize(Some(&user), Action::EditBooth(exhibitor))?;
    let mut files = Vec::new();
    while let Some(field) = multipart.next_field().await.map_err(bad_form(FIELD))? {
        if field.name() != Some("file") {
            continue;
        }
        if files.len() == PHOTOS_MAX {
            return Err(AppError::invalid(FIELD, ErrorCode::TooMany));
        }
        let bytes = read_file(field, FIELD, MAX_UPLOAD_BYTES).await?;
        if !bytes.is_empty() {
            files.push(bytes);
        }
    }
    if files.is_empty() {
        return Err(AppError::invalid(FIELD, ErrorCode::Required));
    }
    let mut processed = Vec::with_capacity(files.len());
    for bytes in files {
        processed.push(process_image(bytes, ImageKind::ProductPhoto, FIELD).await?);
    }
    let mut hashes = Vec::with_capacity(processed.len());
    for image in &processed {
        hashes.push(state.media.keep_image(image).await?);
    }
    state
        .products
        .add_product_photos(Some(&user), id, hashes.clone())
        .await?;
    Ok(hashes
        .iter()
        .map(|hash| uploaded_image(hash, None))
        .collect())
}

/// The name without its extension, and the type a stored file is served as.
fn served_type(file: &str) -> Option<(&str, &'static str)> {
    let (stem, extension) = file.rsplit_once('.')?;
    let content_type = match extension {
        "png" => "image/png",
        "jpg" => "image/jpeg",
        "glb" => "model/gltf-binary",
        "gltf" => "model/gltf+json",
        "mp4" => "video/mp4",
        "webm" => "video/webm",
        _ => return None,
    };
    Some((stem, content_type))
}

/// `GET /media/uploads/{file}`: a stored upload, cached for a year (its name is its hash),
/// with range requests for seeking in videos.
pub async fn serve(
    State(media): State<MediaStore>,
    Path(file): Path<String>,
    request: axum::extract::Request,
) -> Response {
    let Some((stem, content_type)) = served_type(&file) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let hash = stem.split_once('-').map_or(stem, |(hash, _)| hash);
    let valid = hash.len() == 64
        && hash.bytes().all(|b| b.is_ascii_hexdigit())
        && file
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.');
    if !valid {
        return StatusCode::NOT_FOUND.into_response();
    }
    let mime: mime::Mime = match content_type.parse() {
        Ok(mime) => mime,
        Err(_) => return StatusCode::NOT_FOUND.into_response(),
    };
    let service = tower_http::services::ServeFile::new_with_mime(media.dir.join(&file), &mime);
    match tower::ServiceExt::oneshot(service, request).await {
        Ok(response) if response.status().is_success() => {
            let mut response = response.map(Body::new);
            response.headers_mut().insert(
                header::CACHE_CONTROL,
                header::HeaderValue::from_static("public, max-age=31536000, immutable"),
            );
            response
        }
        Ok(response) => response.status().into_response(),
        Err(_) => StatusCode::NOT_FOUND.into_response(),
    }
}
