//! The fair's structure: home page, categories, sections and hall maps.

use crate::domain::{
    CategoryDetail, CategorySummary, FairSession, HallMap, ProductSummary, SectionDetail,
};
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// What the home page shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HomeData {
    pub session: FairSession,
    pub categories: Vec<CategorySummary>,
    pub new_products: Vec<ProductSummary>,
}

#[server(endpoint = "get_home")]
pub async fn get_home() -> Result<HomeData, AppError> {
    super::with_status(
        async {
            let catalogue = crate::ports::port::<dyn crate::ports::Catalogue>()?;
            Ok(HomeData {
                session: catalogue.get_current_session().await?,
                categories: catalogue.list_categories().await?,
                new_products: catalogue.list_new_products(12).await?,
            })
        }
        .await,
    )
}

#[server(endpoint = "list_categories")]
pub async fn list_categories() -> Result<Vec<CategorySummary>, AppError> {
    super::with_status(
        crate::ports::port::<dyn crate::ports::Catalogue>()?
            .list_categories()
            .await,
    )
}

#[server(endpoint = "get_category")]
pub async fn get_category(slug: String) -> Result<CategoryDetail, AppError> {
    super::with_status(
        crate::ports::port::<dyn crate::ports::Catalogue>()?
            .get_category(&slug)
            .await,
    )
}

#[server(endpoint = "get_section")]
pub async fn get_section(slug: String) -> Result<SectionDetail, AppError> {
    super::with_status(
        crate::ports::port::<dyn crate::ports::Catalogue>()?
            .get_section(&slug)
            .await,
    )
}

#[server(endpoint = "get_hall_map")]
pub async fn get_hall_map(slug: String) -> Result<HallMap, AppError> {
    super::with_status(
        crate::ports::port::<dyn crate::ports::Catalogue>()?
            .get_hall_map(&slug)
            .await,
    )
}

/// Every exhibition section of the current session, by category then position.
#[server(endpoint = "list_sections")]
pub async fn list_sections() -> Result<Vec<crate::domain::SectionSummary>, AppError> {
    super::with_status(
        crate::ports::port::<dyn crate::ports::Catalogue>()?
            .list_sections()
            .await,
    )
}
