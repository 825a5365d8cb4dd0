//! `POST /exhibitor/products/import`: a CSV or XLSX file of products, sent as a multipart
//! form (fields `exhibitor` and `file`), read into a table (`spreadsheet`) and imported by the
//! product service. A plain form is sent on to the report's page; a script gets the report.

use crate::exhibitors::spreadsheet;
use crate::exhibitors::uploads::booth_file;
use crate::http::error::HttpError;
use crate::http::extract::SignedIn;
use crate::http::multipart::answer;
use app::domain::product_import::{IMPORT_BYTES_MAX, ImportReport};
use app::error::AppError;
use app::ports::Products;
use axum::extract::{Multipart, State};
use axum::http::HeaderMap;
use axum::response::Response;
use std::sync::Arc;

const PAGE: &str = "/exhibitor/products/import";

/// A plain form goes on to the report's page; a script gets the report.
pub async fn upload(
    State(products): State<Arc<dyn Products>>,
    signed_in: Result<SignedIn, HttpError>,
    headers: HeaderMap,
    multipart: Multipart,
) -> Response {
    let result = import(&products, signed_in, multipart).await;
    answer(&headers, result, PAGE, |report| {
        format!("{PAGE}?report={}", report.id)
    })
}

async fn import(
    products: &Arc<dyn Products>,
    signed_in: Result<SignedIn, HttpError>,
    mut multipart: Multipart,
) -> Result<ImportReport, AppError> {
    let user = signed_in?.user;
    let (exhibitor, name, bytes) =
        booth_file(&user, &mut multipart, "file", IMPORT_BYTES_MAX).await?;
    let rows = crate::gates::SPREADSHEETS
        .run(move || spreadsheet::read(&bytes))
        .await?
        .map_err(|error| AppError::invalid("file", error.code()))?;
    products
        .import_products(Some(&user), exhibitor, &name, rows)
        .await
}
