//! Exhibitors: the directory and the booth page.

use crate::domain::{
    CategorySummary, DirectoryFilter, ExhibitorProfile, ExhibitorSummary, Page, ProductSummary,
    SectionSummary,
};
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// How many cards a page of a long list shows.
pub const PAGE_SIZE: usize = 24;

/// The booth page: the company and one page of its products.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BoothPageData {
    pub profile: ExhibitorProfile,
    pub products: Page<ProductSummary>,
    /// Its live stream, else its next one.
    pub stream: Option<crate::domain::live::StreamSummary>,
}

#[server(endpoint = "get_booth_page")]
pub async fn get_booth_page(slug: String, after: i64) -> Result<BoothPageData, AppError> {
    super::with_status(
        async {
            if after < 0 {
                return Err(AppError::invalid(
                    "after",
                    crate::error::ErrorCode::Reason("must not be negative".into()),
                ));
            }
            let catalogue = crate::ports::port::<dyn crate::ports::Catalogue>()?;
            let profile = catalogue.get_exhibitor(&slug).await?;
            let products = catalogue
                .list_exhibitor_products(
                    profile.summary.id,
                    crate::domain::Cursor::from_after(after),
                    PAGE_SIZE,
                )
                .await?;
            let stream = crate::ports::port::<dyn crate::ports::Live>()?
                .booth_stream(
                    crate::session::current_user().await?.as_ref(),
                    profile.summary.id,
                    crate::session::request_locale().await,
                )
                .await?;
            Ok(BoothPageData {
                profile,
                products,
                stream,
            })
        }
        .await,
    )
}

/// The directory: the choices for its filters and one page of exhibitors.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DirectoryData {
    pub categories: Vec<CategorySummary>,
    pub sections: Vec<SectionSummary>,
    pub page: Page<ExhibitorSummary>,
}

#[server(endpoint = "get_directory")]
pub async fn get_directory(
    #[server(default)] filter: DirectoryFilter,
) -> Result<DirectoryData, AppError> {
    super::with_status(
        async {
            let catalogue = crate::ports::port::<dyn crate::ports::Catalogue>()?;
            Ok(DirectoryData {
                categories: catalogue.list_categories().await?,
                sections: catalogue.list_sections().await?,
                page: catalogue.list_exhibitors(&filter, PAGE_SIZE).await?,
            })
        }
        .await,
    )
}
