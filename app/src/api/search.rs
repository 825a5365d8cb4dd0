//! Product search and the suggestions of the header's search box.

use crate::domain::{SearchQuery, SearchResults};
use crate::error::AppError;
use leptos::prelude::*;

/// The most suggestions one prefix gets.
pub const SUGGESTIONS_MAX: usize = 8;

#[server(endpoint = "search_products")]
pub async fn search_products(query: SearchQuery) -> Result<SearchResults, AppError> {
    super::with_status(
        crate::ports::port::<dyn crate::ports::Search>()?
            .search_products(&query)
            .await,
    )
}

/// Product titles that start with `prefix`, in the visitor's language.
#[server(endpoint = "suggest_products")]
pub async fn suggest_products(prefix: String) -> Result<Vec<String>, AppError> {
    let locale = crate::session::request_locale().await;
    super::with_status(
        crate::ports::port::<dyn crate::ports::Search>()?
            .suggest(&prefix, locale, SUGGESTIONS_MAX)
            .await,
    )
}
