//! Products as buyers see them: a card in a list, and the full product page.

use super::{
    BoothLocation, CategorySummary, ExhibitorSummary, Localized, PriceRange, ProductId,
    SectionSummary,
};
use serde::{Deserialize, Serialize};

/// One row of a product's specification table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Spec {
    pub key: Localized,
    pub value: String,
}

/// A product as shown on cards and in lists.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProductSummary {
    pub id: ProductId,
    pub title: Localized,
    pub price: PriceRange,
    pub moq: i64,
    pub unit: Localized,
    pub is_new: bool,
    pub exhibitor_name: Localized,
}

/// Everything the product page shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProductDetail {
    pub id: ProductId,
    pub title: Localized,
    pub description: Localized,
    pub specs: Vec<Spec>,
    pub price: PriceRange,
    pub moq: i64,
    pub unit: Localized,
    pub lead_time_days: i64,
    pub is_new: bool,
    pub image_count: i64,
    pub category: CategorySummary,
    pub section: SectionSummary,
    pub exhibitor: ExhibitorSummary,
    pub booths: Vec<BoothLocation>,
}

/// The URL of a product's `n`th image (0-based), served by our own server.
pub fn image_url(id: ProductId, n: i64) -> String {
    format!("/media/products/{id}/{n}.svg")
}
