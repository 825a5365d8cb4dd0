//! Where a stream stands for its players, and the product on screen: what the team pinned
//! under the video, kept in memory per live stream (players ask every two seconds) and read
//! from the database once.

use super::LiveService;
use app::domain::live::{PinnedProduct, StreamNow, StreamStatus};
use app::domain::live_chat::ChatNews;
use app::domain::{ProductSummary, StreamId};
use app::error::AppError;
use app::i18n::Locale;

impl LiveService {
    /// Where `stream` stands now for a reader of `locale`: live while a publisher holds it
    /// (from memory), else as stored; with the chat's news after message `after`.
    pub async fn now(
        &self,
        stream: i64,
        locale: Locale,
        after: Option<i64>,
    ) -> Result<StreamNow, AppError> {
        let status = if self.is_publishing(stream) {
            StreamStatus::Live
        } else {
            let row = self.db.stream(stream).await?.ok_or(AppError::NotFound)?;
            StreamStatus::parse(&row.status).ok_or_else(|| {
                AppError::internal(format!("unknown stream status {:?}", row.status))
            })?
        };
        let chat = match status {
            StreamStatus::Live => self.chat_news(StreamId(stream), after).await?,
            _ => ChatNews::default(),
        };
        Ok(StreamNow {
            status,
            viewers: self.viewers(stream),
            pinned: self.on_screen(stream, status, locale).await?,
            chat,
        })
    }

    /// The product on screen under a stream in `status`, written for a reader of `locale`.
    pub(super) async fn on_screen(
        &self,
        stream: i64,
        status: StreamStatus,
        locale: Locale,
    ) -> Result<Option<PinnedProduct>, AppError> {
        if status != StreamStatus::Live {
            return Ok(None);
        }
        Ok(self
            .pinned(stream)
            .await?
            .map(|product| PinnedProduct::of(&product, locale)))
    }

    /// The product pinned under `stream`'s video: from memory, else as stored.
    pub(super) async fn pinned(&self, stream: i64) -> Result<Option<ProductSummary>, AppError> {
        let known = {
            let pinned = self.pinned.lock().unwrap_or_else(|e| e.into_inner());
            pinned.get(&stream).cloned()
        };
        if let Some(product) = known {
            return Ok(product);
        }
        self.read_pin(stream).await
    }

    /// Reads what is pinned under `stream` from the database and keeps it.
    pub(super) async fn read_pin(&self, stream: i64) -> Result<Option<ProductSummary>, AppError> {
        let product = self.db.pinned_product(StreamId(stream)).await?;
        let mut pinned = self.pinned.lock().unwrap_or_else(|e| e.into_inner());
        pinned.insert(stream, product.clone());
        Ok(product)
    }

    /// Forgets an ended stream's pin.
    pub(super) fn forget_pin(&self, stream: i64) {
        let mut pinned = self.pinned.lock().unwrap_or_else(|e| e.into_inner());
        pinned.remove(&stream);
    }
}
