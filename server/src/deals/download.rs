//! `/contracts/{token}/contract.txt`: a contract's exact text as a file, the bytes its
//! recorded SHA-256 was taken of. Anyone with the link may download it, as they may see it.

use crate::startup::AppState;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};

pub async fn contract_file(State(state): State<AppState>, Path(token): Path<String>) -> Response {
    match state.deals.contract(&token).await {
        Ok(public) => (
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
            .into_response(),
        Err(error) => {
            let status =
                StatusCode::from_u16(error.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            (status, format!("{error}\n")).into_response()
        }
    }
}
