//! Files in a conversation: an image's preview linking to the whole image, a PDF's name,
//! type and size as a download; and the form that sends one (a plain multipart form, with a
//! progress bar once hydrated).

use crate::components::form_field::{FileField, form_errors};
use crate::components::upload_form::UploadForm;
use crate::domain::conversation::{
    ATTACHMENT_BYTES_MAX, Attachment, AttachmentKind, MESSAGE_CHARS_MAX, file_size,
};
use crate::domain::{ConversationId, MessageId};
use crate::error::AppError;
use crate::i18n::*;
use crate::links::{attachment_path, conversation_path};
use leptos::prelude::*;

/// The types the file picker offers; the server decides by content.
const ACCEPTED: &str = "image/png,image/jpeg,image/webp,image/gif,application/pdf";

/// A message's file.
#[component]
pub fn AttachmentLink(
    conversation: ConversationId,
    message: MessageId,
    attachment: Attachment,
) -> impl IntoView {
    let href = attachment_path(conversation, message);
    match attachment.kind {
        AttachmentKind::Image => view! {
            <a class="attachment" href=href.clone()>
                <img src=format!("{href}/preview") alt=attachment.name loading="lazy" />
            </a>
        }
        .into_any(),
        AttachmentKind::Pdf => view! {
            <a class="attachment" href=href download=attachment.name.clone()>
                {format!("{} (PDF, {})", attachment.name, file_size(attachment.bytes))}
            </a>
        }
        .into_any(),
    }
}

/// Sends an image or a PDF with a caption; `client_id` makes a second send of the same form
/// store one message.
#[component]
pub fn AttachmentForm(conversation: ConversationId, client_id: String) -> impl IntoView {
    let i18n = use_i18n();
    let errors = form_errors(|| None::<Result<(), AppError>>);
    let limit = format!("{} MB", ATTACHMENT_BYTES_MAX / (1024 * 1024));
    view! {
        <UploadForm action=format!("{}/attachments", conversation_path(conversation)) class="attachment-form">
            <input type="hidden" name="client_id" value=client_id />
            <FileField id="file" label=t_string!(i18n, chat_attach, limit = limit).to_string() accept=ACCEPTED errors />
            <label for="attachment-caption">{t!(i18n, chat_caption)}</label>
            <input id="attachment-caption" name="body" type="text" maxlength=MESSAGE_CHARS_MAX />
            <button type="submit" class="secondary">{t!(i18n, chat_send_file)}</button>
        </UploadForm>
    }
}
