//! Files sent in conversations: images (decided by content, re-encoded as JPEG on white, at
//! most 2,000 pixels a side, with a 320 pixel preview; metadata dropped) and PDFs (whole, with
//! no active content), at most 10 MB, sent as a multipart form with or without JavaScript.
//! They are stored content-addressed under `DATA_DIR/media/attachments`, which `/media` never
//! serves: only the conversation's two sides read them, through `/messages/{id}/attachments/`.

use super::ChatService;
use crate::hashing::sha256_hex;
use crate::http::error::HttpError;
use crate::http::extract::SignedIn;
use crate::http::multipart::{answer_files, bad_form, read_file};
use crate::media::imaging::{self, ImageKind};
use crate::media::{MediaStore, pdf, process_image};
use crate::storage::conversations::StoredAttachment;
use app::domain::conversation::{self, ATTACHMENT_BYTES_MAX, AttachmentKind, attachment_name};
use app::domain::{ConversationId, MessageId};
use app::error::AppError;
use app::error::ErrorCode;
use app::links::{attachment_path, conversation_path};
use axum::extract::{Multipart, Path, State};
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Response};
use std::sync::Arc;

const FIELD: &str = "file";

/// The private store of attachments, below the public uploads.
fn store(media: &MediaStore) -> MediaStore {
    media.below("attachments")
}

/// `POST /messages/{id}/attachments`: fields `client_id`, `body` (a caption) and `file`.
pub async fn upload(
    State(chat): State<Arc<ChatService>>,
    State(media): State<MediaStore>,
    signed_in: Result<SignedIn, HttpError>,
    Path(conversation): Path<i64>,
    headers: HeaderMap,
    multipart: Multipart,
) -> Response {
    let conversation = ConversationId(conversation);
    let result = receive(&chat, &media, signed_in, conversation, multipart).await;
    answer_files(&headers, result, &conversation_path(conversation))
}

async fn receive(
    chat: &ChatService,
    media: &MediaStore,
    signed_in: Result<SignedIn, HttpError>,
    conversation: ConversationId,
    mut multipart: Multipart,
) -> Result<Vec<String>, AppError> {
    let user = signed_in?.user;
    // The right to write, and that nobody blocked it, before any file is read.
    chat.may_write(&user, conversation).await?;
    let (mut client_id, mut caption, mut file) = (String::new(), String::new(), None);
    while let Some(field) = multipart.next_field().await.map_err(bad_form(FIELD))? {
        match field.name() {
            Some("client_id") => client_id = field.text().await.unwrap_or_default(),
            Some("body") => caption = field.text().await.unwrap_or_default(),
            Some(FIELD) => {
                let name = field.file_name().unwrap_or_default().to_owned();
                let bytes = read_file(field, FIELD, ATTACHMENT_BYTES_MAX).await?;
                file = Some((name, bytes)).filter(|(_, bytes)| !bytes.is_empty());
            }
            _ => {}
        }
    }
    let (name, bytes) = file.ok_or_else(|| AppError::invalid(FIELD, ErrorCode::Required))?;
    // The caption before the file is kept, so that a refused one leaves no file behind.
    let caption = conversation::caption(&caption)?;
    let attachment = keep(media, &name, bytes).await?;
    let message = chat
        .send_file(&user, conversation, &client_id, &caption, attachment)
        .await?;
    Ok(vec![attachment_path(conversation, message.id)])
}

/// Checks the file, stores it (and an image's preview), and says what was stored.
async fn keep(
    media: &MediaStore,
    name: &str,
    bytes: Vec<u8>,
) -> Result<StoredAttachment, AppError> {
    let media = store(media);
    if pdf::sniff(&bytes) {
        let name = attachment_name(name, AttachmentKind::Pdf)?;
        pdf::check(&bytes).map_err(|error| AppError::invalid(FIELD, error.code()))?;
        let file = format!("{}.pdf", sha256_hex(&bytes));
        media.put(&file, &bytes).await.map_err(AppError::internal)?;
        return Ok(StoredAttachment {
            file,
            name,
            kind: AttachmentKind::Pdf,
            bytes: bytes.len() as i64,
        });
    }
    if imaging::sniff(&bytes).is_none() {
        return Err(AppError::invalid(FIELD, pdf::PdfError::NotAPdf.code()));
    }
    let name = attachment_name(name, AttachmentKind::Image)?;
    let image = process_image(bytes, ImageKind::Attachment, FIELD).await?;
    let hash = sha256_hex(&image.bytes);
    for (_, preview) in &image.thumbnails {
        media
            .put(&format!("{hash}-preview.jpg"), preview)
            .await
            .map_err(AppError::internal)?;
    }
    let file = format!("{hash}.jpg");
    media
        .put(&file, &image.bytes)
        .await
        .map_err(AppError::internal)?;
    Ok(StoredAttachment {
        file,
        name,
        kind: AttachmentKind::Image,
        bytes: image.bytes.len() as i64,
    })
}

/// `GET /messages/{id}/attachments/{message}`: the file, to the conversation's two sides.
pub async fn file(
    State(chat): State<Arc<ChatService>>,
    State(media): State<MediaStore>,
    signed_in: Result<SignedIn, HttpError>,
    Path((conversation, message)): Path<(i64, i64)>,
) -> Result<Response, HttpError> {
    read(&chat, &media, signed_in?, conversation, message, false).await
}

/// `GET /messages/{id}/attachments/{message}/preview`: an image's 320 pixel preview.
pub async fn preview(
    State(chat): State<Arc<ChatService>>,
    State(media): State<MediaStore>,
    signed_in: Result<SignedIn, HttpError>,
    Path((conversation, message)): Path<(i64, i64)>,
) -> Result<Response, HttpError> {
    read(&chat, &media, signed_in?, conversation, message, true).await
}

async fn read(
    chat: &ChatService,
    media: &MediaStore,
    signed_in: SignedIn,
    conversation: i64,
    message: i64,
    preview: bool,
) -> Result<Response, HttpError> {
    let stored = chat
        .attachment(
            &signed_in.user,
            ConversationId(conversation),
            MessageId(message),
        )
        .await?;
    let file = match (stored.kind, preview) {
        (AttachmentKind::Image, true) => stored.file.replace(".jpg", "-preview.jpg"),
        (AttachmentKind::Pdf, true) => return Err(AppError::NotFound.into()),
        (_, false) => stored.file.clone(),
    };
    let bytes = match tokio::fs::read(store(media).dir.join(&file)).await {
        Ok(bytes) => bytes,
        Err(error) => {
            tracing::error!(%error, file, "an attachment's file is missing");
            return Err(AppError::NotFound.into());
        }
    };
    let (content_type, disposition) = match stored.kind {
        AttachmentKind::Image => ("image/jpeg", "inline"),
        AttachmentKind::Pdf => ("application/pdf", "attachment"),
    };
    let mut response = bytes.into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, max-age=31536000, immutable"),
    );
    if let Ok(value) = HeaderValue::from_str(&content_disposition(disposition, &stored.name)) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static("sandbox; default-src 'none'"),
    );
    Ok(response)
}

/// `attachment; filename="…"; filename*=UTF-8''…`: an ASCII name for old clients, the real
/// one percent-encoded (RFC 6266).
fn content_disposition(disposition: &str, name: &str) -> String {
    let ascii: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || ".-_ ".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    let encoded: String = name
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b".-_".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect();
    format!("{disposition}; filename=\"{ascii}\"; filename*=UTF-8''{encoded}")
}

#[cfg(test)]
mod tests {
    #[test]
    fn file_names_reach_old_and_new_clients() {
        assert_eq!(
            super::content_disposition("attachment", "报价 \"1\".pdf"),
            "attachment; filename=\"__ _1_.pdf\"; filename*=UTF-8''%E6%8A%A5%E4%BB%B7%20%221%22.pdf"
        );
    }
}
