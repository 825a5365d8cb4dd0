//! Exhibitors On Live: what pages ask of the live service (the media path itself is the
//! server's WHIP and WHEP surface).

use crate::domain::{CurrentUser, ExhibitorId};
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
}
