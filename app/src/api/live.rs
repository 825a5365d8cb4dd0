//! Exhibitors On Live's server functions: the list of streams, a stream's page, and the
//! team's studio, where it schedules streams and makes its stream key.

use crate::domain::deal::InquiryForm;
use crate::domain::live::{LivePage, StreamDesk, StreamForm, StreamView, StudioPage};
use crate::domain::live_chat::ChatLine;
use crate::domain::{ExhibitorId, InquiryId, ProductId, StreamId};
use crate::error::AppError;
#[cfg(feature = "ssr")]
use crate::session;
use leptos::prelude::*;

/// The team's studio page.
pub const STUDIO_PATH: &str = "/exhibitor/live";

#[server(endpoint = "get_live_page")]
pub async fn get_live_page() -> Result<LivePage, AppError> {
    super::with_status(
        async {
            let user = session::current_user().await?;
            crate::ports::port::<dyn crate::ports::Live>()?
                .get_live_page(user.as_ref(), session::request_locale().await)
                .await
        }
        .await,
    )
}

#[server(endpoint = "get_stream")]
pub async fn get_stream(id: StreamId) -> Result<StreamView, AppError> {
    super::with_status(
        async {
            let user = session::current_user().await?;
            crate::ports::port::<dyn crate::ports::Live>()?
                .get_stream(user.as_ref(), id, session::request_locale().await)
                .await
        }
        .await,
    )
}

#[server(endpoint = "get_studio")]
pub async fn get_studio() -> Result<StudioPage, AppError> {
    super::with_status(
        async {
            let user = session::current_user().await?;
            crate::ports::port::<dyn crate::ports::Live>()?
                .get_studio(user.as_ref(), session::request_locale().await)
                .await
        }
        .await,
    )
}

/// Schedules a stream; back to the studio, which lists it.
#[server(endpoint = "schedule_stream")]
pub async fn schedule_stream(form: StreamForm) -> Result<StreamId, AppError> {
    let result = async {
        let user = session::current_user().await?;
        let stream = form.validate().map_err(AppError::Validation)?;
        crate::ports::port::<dyn crate::ports::Live>()?
            .schedule_stream(user.as_ref(), stream)
            .await
    }
    .await;
    let done = result
        .as_ref()
        .map(|id| format!("{STUDIO_PATH}?scheduled={id}"))
        .unwrap_or_default();
    let typed = [
        ("title_en", form.title_en.as_str()),
        ("title_zh", &form.title_zh),
        ("title_ar", &form.title_ar),
        ("title_fr", &form.title_fr),
        ("title_es", &form.title_es),
        ("title_ru", &form.title_ru),
        ("date", &form.date),
        ("time", &form.time),
    ];
    session::finish(result, &done, STUDIO_PATH, &typed).await
}

/// Pins a product under the team's live stream (none: unpins). Called by the studio's script.
#[server(endpoint = "pin_product")]
pub async fn pin_product(stream: StreamId, product: Option<ProductId>) -> Result<(), AppError> {
    let result = async {
        let user = session::current_user().await?;
        crate::ports::port::<dyn crate::ports::Live>()?
            .pin_product(user.as_ref(), stream, product)
            .await
    }
    .await;
    super::with_status(result)
}

/// The team's desk while it streams: viewers, the pinned product, inquiries from the stream.
#[server(endpoint = "get_stream_desk")]
pub async fn get_stream_desk(stream: StreamId) -> Result<StreamDesk, AppError> {
    let result = async {
        let user = session::current_user().await?;
        crate::ports::port::<dyn crate::ports::Live>()?
            .stream_desk(user.as_ref(), stream)
            .await
    }
    .await;
    super::with_status(result)
}

/// The team takes its replay off the fair (`published=false`) or puts it back; back to the
/// studio. A plain form.
#[server(endpoint = "publish_replay")]
pub async fn publish_replay(stream: StreamId, published: bool) -> Result<(), AppError> {
    let result = async {
        let user = session::current_user().await?;
        crate::ports::port::<dyn crate::ports::Live>()?
            .publish_replay(user.as_ref(), stream, published)
            .await
    }
    .await;
    session::finish(result, STUDIO_PATH, STUDIO_PATH, &[]).await
}

/// A message in a live stream's chat, sent by the player as a plain form post; the message
/// as kept.
#[server(endpoint = "send_stream_chat")]
pub async fn send_stream_chat(stream: StreamId, body: String) -> Result<ChatLine, AppError> {
    let result = async {
        let user = session::current_user().await?;
        crate::ports::port::<dyn crate::ports::Live>()?
            .send_stream_chat(user.as_ref(), stream, &body)
            .await
    }
    .await;
    super::with_status(result)
}

/// The team deletes a message of its stream's chat (`action=delete`) or mutes its author for
/// the stream (`action=mute`).
#[server(endpoint = "moderate_stream_chat")]
pub async fn moderate_stream_chat(
    stream: StreamId,
    message: i64,
    action: String,
) -> Result<(), AppError> {
    let result = async {
        let user = session::current_user().await?;
        let mute = match action.as_str() {
            "mute" => true,
            "delete" => false,
            _ => {
                return Err(AppError::invalid(
                    "action",
                    crate::error::ErrorCode::ChooseOne,
                ));
            }
        };
        crate::ports::port::<dyn crate::ports::Live>()?
            .moderate_stream_chat(user.as_ref(), stream, message, mute)
            .await
    }
    .await;
    super::with_status(result)
}

/// An inquiry about the product on screen, sent from under the stream's video without
/// leaving it; the inquiry keeps the stream and the moment. Its id.
#[server(endpoint = "inquire_from_stream")]
pub async fn inquire_from_stream(
    stream: StreamId,
    product: ProductId,
    form: InquiryForm,
) -> Result<InquiryId, AppError> {
    let result = async {
        let user = session::current_user().await?;
        let valid = form.validate().map_err(AppError::Validation)?;
        crate::ports::port::<dyn crate::ports::Deals>()?
            .insert_inquiry(user.as_ref(), product, valid, Some(stream))
            .await
    }
    .await;
    super::with_status(result)
}

/// A new stream key for the team's encoder, replacing the one before; shown this once.
#[server(endpoint = "rotate_stream_key")]
pub async fn rotate_stream_key(exhibitor: ExhibitorId) -> Result<String, AppError> {
    let result = async {
        let user = session::current_user().await?;
        crate::ports::port::<dyn crate::ports::Live>()?
            .rotate_stream_key(user.as_ref(), exhibitor)
            .await
    }
    .await;
    super::with_status(result)
}
