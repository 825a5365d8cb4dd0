//! `POST /exhibitor/products/import`: a CSV or XLSX file of products, sent as a multipart
//! form (fields `exhibitor` and `file`), read into a table (`spreadsheet`) and imported by the
//! product service. A plain form is sent on to the report's page; a script gets the report.

use crate::spreadsheet;
use crate::startup::AppState;
use crate::uploads::{booth_file, signed_in};
use app::api::accounts::session::is_plain_form;
use app::domain::product_import::{IMPORT_BYTES_MAX, ImportReport};
use app::error::AppError;
use axum::extract::{Multipart, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};

const PAGE: &str = "/exhibitor/products/import";

pub async fn upload(
    State(state): State<AppState>,
    headers: HeaderMap,
    multipart: Multipart,
) -> Response {
    let result = import(&state, &headers, multipart).await;
    match result {
        Ok(report) if is_plain_form(&headers) => {
            Redirect::to(&format!("{PAGE}?report={}", report.id)).into_response()
        }
        Ok(report) => axum::Json(report).into_response(),
        Err(error) if is_plain_form(&headers) => {
            let query = app::domain::form::encode(&error, &[]);
            Redirect::to(&format!("{PAGE}?{query}")).into_response()
        }
        Err(error) => {
            let status = if is_too_large(&error) {
                StatusCode::PAYLOAD_TOO_LARGE
            } else {
                StatusCode::from_u16(error.status()).unwrap_or(StatusCode::BAD_REQUEST)
            };
            (status, axum::Json(error)).into_response()
        }
    }
}

fn is_too_large(error: &AppError) -> bool {
    matches!(error, AppError::Validation(errors) if errors.iter().any(|e| e.message == "file_too_large"))
}

async fn import(
    state: &AppState,
    headers: &HeaderMap,
    mut multipart: Multipart,
) -> Result<ImportReport, AppError> {
    let user = signed_in(state, headers).await?;
    let (exhibitor, name, bytes) =
        booth_file(&user, &mut multipart, "file", IMPORT_BYTES_MAX).await?;
    let rows = tokio::task::spawn_blocking(move || spreadsheet::read(&bytes))
        .await
        .map_err(AppError::internal)?
        .map_err(|error| AppError::invalid("file", error.code()))?;
    state
        .products
        .import_products(Some(&user), exhibitor, &name, rows)
        .await
}
