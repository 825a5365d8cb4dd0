//! Products: the product page. A draft is found only by its own team, as a preview; to
//! everyone else it does not exist (404, never 403, so drafts do not leak).

use crate::domain::{ProductDetail, ProductId};
use crate::error::AppError;
use leptos::prelude::*;

#[server(endpoint = "get_product")]
pub async fn get_product(id: ProductId) -> Result<ProductDetail, AppError> {
    let published = crate::ports::port::<dyn crate::ports::Catalogue>()?
        .get_product(id)
        .await;
    let result = match published {
        Err(AppError::NotFound) => team_preview(id).await,
        other => other,
    };
    super::with_status(result)
}

/// The draft `id` if the person asking is in its team, else not found.
#[cfg(feature = "ssr")]
async fn team_preview(id: ProductId) -> Result<ProductDetail, AppError> {
    let Some(user) = crate::session::current_user().await? else {
        return Err(AppError::NotFound);
    };
    if user.team.is_none() {
        return Err(AppError::NotFound);
    }
    match crate::ports::port::<dyn crate::ports::Products>()?
        .get_product_preview(Some(&user), id)
        .await
    {
        Err(AppError::Forbidden | AppError::Unauthenticated) => Err(AppError::NotFound),
        other => other,
    }
}
