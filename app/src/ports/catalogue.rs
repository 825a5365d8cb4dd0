//! The catalogue (fair, halls, exhibitors, products) and its search.

use crate::domain::{
    CategoryDetail, CategorySummary, Cursor, DirectoryFilter, ExhibitorId, ExhibitorProfile,
    ExhibitorSummary, FairSession, HallMap, Page, ProductDetail, ProductId, ProductSummary,
    SectionDetail, SectionSummary,
};
use crate::error::AppError;

/// Read access to the fair's catalogue: its structure, exhibitors and products.
#[async_trait::async_trait]
pub trait Catalogue: Send + Sync + 'static {
    /// The session the site currently shows.
    async fn get_current_session(&self) -> Result<FairSession, AppError>;
    /// All categories of the current session, in display order.
    async fn list_categories(&self) -> Result<Vec<CategorySummary>, AppError>;
    /// All sections of the current session, by category and position.
    async fn list_sections(&self) -> Result<Vec<SectionSummary>, AppError>;
    async fn get_category(&self, slug: &str) -> Result<CategoryDetail, AppError>;
    async fn get_section(&self, slug: &str) -> Result<SectionDetail, AppError>;
    async fn get_hall_map(&self, slug: &str) -> Result<HallMap, AppError>;
    async fn get_exhibitor(&self, slug: &str) -> Result<ExhibitorProfile, AppError>;
    /// Exhibitors matching `filter`, by id, `limit` at a time.
    async fn list_exhibitors(
        &self,
        filter: &DirectoryFilter,
        limit: usize,
    ) -> Result<Page<ExhibitorSummary>, AppError>;
    /// An exhibitor's products, by id, `limit` at a time, starting after `after`.
    async fn list_exhibitor_products(
        &self,
        exhibitor: ExhibitorId,
        after: Cursor,
        limit: usize,
    ) -> Result<Page<ProductSummary>, AppError>;
    /// The newest products flagged new.
    async fn list_new_products(&self, limit: usize) -> Result<Vec<ProductSummary>, AppError>;
    async fn get_product(&self, id: ProductId) -> Result<ProductDetail, AppError>;
}

/// Full-text product search with facets, kept in step with the catalogue by the server.
#[async_trait::async_trait]
pub trait Search: Send + Sync + 'static {
    /// One page of products matching `query`, with facet counts; `Unavailable` while the
    /// index is first built.
    async fn search_products(
        &self,
        query: &crate::domain::SearchQuery,
    ) -> Result<crate::domain::SearchResults, AppError>;
    /// Up to `limit` product titles starting with what was typed, in `locale`.
    async fn suggest(
        &self,
        prefix: &str,
        locale: &str,
        limit: usize,
    ) -> Result<Vec<String>, AppError>;
}
