//! Products: the product page.

use crate::domain::{ProductDetail, ProductId};
use crate::error::AppError;
use leptos::prelude::*;

#[server(endpoint = "get_product")]
pub async fn get_product(id: ProductId) -> Result<ProductDetail, AppError> {
    super::with_status(crate::ports::catalogue()?.get_product(id).await)
}
