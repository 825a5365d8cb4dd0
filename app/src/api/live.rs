//! Exhibitors On Live's server functions: a team makes its stream key.

use crate::domain::ExhibitorId;
use crate::error::AppError;
#[cfg(feature = "ssr")]
use crate::session;
use leptos::prelude::*;

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
