//! Exhibitors On Live: what pages ask of the live service (the media path itself is the
//! server's WHIP and WHEP surface).

use crate::domain::live::{
    LivePage, StreamDesk, StreamSummary, StreamView, StudioPage, ValidStream,
};
use crate::domain::live_chat::ChatLine;
use crate::domain::{CurrentUser, ExhibitorId, ProductId, StreamId};
use crate::error::AppError;

#[async_trait::async_trait]
pub trait Live: Send + Sync + 'static {
    /// Makes a new stream key for `exhibitor`'s team, replacing the one before; the key,
    /// shown this once.
    async fn rotate_stream_key(
        &self,
        actor: Option<&CurrentUser>,
        exhibitor: ExhibitorId,
    ) -> Result<String, AppError>;

    /// What is live, to come, and replays, with times in the reader's zone.
    async fn get_live_page(
        &self,
        actor: Option<&CurrentUser>,
        locale: &str,
    ) -> Result<LivePage, AppError>;

    /// One stream's page.
    async fn get_stream(
        &self,
        actor: Option<&CurrentUser>,
        id: StreamId,
        locale: &str,
    ) -> Result<StreamView, AppError>;

    /// The stream a booth shows: its live one, else its next one to come.
    async fn booth_stream(
        &self,
        actor: Option<&CurrentUser>,
        exhibitor: ExhibitorId,
        locale: &str,
    ) -> Result<Option<StreamSummary>, AppError>;

    /// The signed-in team's studio.
    async fn get_studio(
        &self,
        actor: Option<&CurrentUser>,
        locale: &str,
    ) -> Result<StudioPage, AppError>;

    /// Pins `product` under a live stream's video (or unpins, with `None`).
    async fn pin_product(
        &self,
        actor: Option<&CurrentUser>,
        stream: StreamId,
        product: Option<ProductId>,
    ) -> Result<(), AppError>;

    /// The team's desk while it streams.
    async fn stream_desk(
        &self,
        actor: Option<&CurrentUser>,
        stream: StreamId,
    ) -> Result<StreamDesk, AppError>;

    /// Writes `body` in a live stream's chat; the message as kept.
    async fn send_stream_chat(
        &self,
        actor: Option<&CurrentUser>,
        stream: StreamId,
        body: &str,
    ) -> Result<ChatLine, AppError>;

    /// The team deletes a message of its live stream's chat, or mutes (`mute`) its author for
    /// the stream.
    async fn moderate_stream_chat(
        &self,
        actor: Option<&CurrentUser>,
        stream: StreamId,
        message: i64,
        mute: bool,
    ) -> Result<(), AppError>;

    /// The team takes its replay off the fair (`published` false) or puts it back.
    async fn publish_replay(
        &self,
        actor: Option<&CurrentUser>,
        stream: StreamId,
        published: bool,
    ) -> Result<(), AppError>;

    /// Schedules a stream of the signed-in team; its id.
    async fn schedule_stream(
        &self,
        actor: Option<&CurrentUser>,
        stream: ValidStream,
    ) -> Result<StreamId, AppError>;
}
