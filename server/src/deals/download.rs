//! `/contracts/{token}/contract.txt`: a contract's exact text as a file, the bytes its
//! recorded SHA-256 was taken of. Anyone with the link may download it, as they may see it.

use crate::http::error::HttpError;
use app::ports::Deals;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use std::sync::Arc;

pub async fn contract_file(
    State(deals): State<Arc<dyn Deals>>,
    Path(token): Path<String>,
) -> Result<Response, HttpError> {
    let public = deals.get_contract(&token).await?;
    Ok((
        [
            (header::CONTENT_TYPE, "text/plain; charset=utf-8".to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"contract-CF-{}.txt\"", public.order),
            ),
            (header::CACHE_CONTROL, "private, no-cache".to_owned()),
        ],
        public.contract.body,
    )
        .into_response())
}
