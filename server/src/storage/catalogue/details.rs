//! The lookups the catalogue's pages share: a product with its exhibitor and booths, a
//! category or a section by its slug, an exhibitor's booths.

use super::EXHIBITOR_COLUMNS;
use crate::storage::Db;
use crate::storage::rows::{BoothLocationRow, CategoryRow, ExhibitorRow, ProductRow, parse_specs};
use app::domain::{
    BoothLocation, CategorySummary, ExhibitorId, Localized, ProductDetail, ProductId,
    SectionSummary, Translations,
};
use app::error::AppError;
use sqlx::{FromRow, Row};

impl Db {
    /// Two queries: the product with its exhibitor, category and section in one join, then
    /// the exhibitor's booths.
    /// Drafts only `with_drafts`, for the team's preview.
    pub async fn product_detail(
        &self,
        id: ProductId,
        with_drafts: bool,
    ) -> Result<ProductDetail, AppError> {
        let row = sqlx::query(&format!(
            "SELECT p.title_en, p.title_zh, p.description_en, p.description_zh, p.specs, p.price_min_cents, \
             p.price_max_cents, p.currency, p.moq, p.unit_en, p.unit_zh, p.lead_time_days, p.is_new, p.image_count, p.hs_code, p.model_file, p.published, p.translations, \
             {EXHIBITOR_COLUMNS}, \
             c.id AS category_id, c.slug AS category_slug, c.name_en AS category_name_en, c.name_zh AS category_name_zh, c.names AS category_names, \
             (SELECT COUNT(*) FROM sections x WHERE x.category_id = c.id) AS category_children, \
             s.id AS section_id, s.slug AS section_slug, s.name_en AS section_name_en, s.name_zh AS section_name_zh, s.names AS section_names, \
             (SELECT COUNT(*) FROM halls h WHERE h.section_id = s.id) AS section_children \
             FROM products p JOIN exhibitors e ON e.id = p.exhibitor_id JOIN categories c ON c.id = p.category_id \
             JOIN sections s ON s.id = p.section_id WHERE p.id = $1 AND (p.published = 1 OR $2 = 1)"
        ))
        .bind(id.0)
        .bind(i64::from(with_drafts))
        .fetch_optional(&self.reads)
        .await?
        .ok_or(AppError::NotFound)?;
        let product = ProductRow::from_row(&row)?;
        let exhibitor = ExhibitorRow::from_row(&row)?.into_summary()?;
        let category = CategoryRow::prefixed(&row, "category")?.into_category();
        let section = CategoryRow::prefixed(&row, "section")?.into_section();
        let booths = self.booths_of(exhibitor.id).await?;
        let photos = self.product_photos(id).await?;
        let row = product;
        let mut title = Localized::new(row.title_en, row.title_zh);
        let mut description = Localized::new(row.description_en, row.description_zh);
        Translations::from_stored(row.translations.as_deref())
            .add_to(&mut title, Some(&mut description));
        Ok(ProductDetail {
            id,
            title,
            description,
            specs: parse_specs(&row.specs)?,
            price: row.price.into_price()?,
            moq: row.moq,
            unit: Localized::new(row.unit_en, row.unit_zh),
            lead_time_days: row.lead_time_days,
            is_new: row.is_new != 0,
            draft: row.published == 0,
            hs_code: row.hs_code,
            image_count: row.image_count,
            photos,
            model: row.model_file,
            category,
            section,
            exhibitor,
            booths,
        })
    }

    pub(super) async fn category_where<T>(
        &self,
        condition: &str,
        value: T,
    ) -> Result<CategorySummary, AppError>
    where
        T: for<'q> sqlx::Encode<'q, sqlx::Any> + sqlx::Type<sqlx::Any> + Send,
    {
        let row: CategoryRow = sqlx::query_as(&format!(
            "SELECT c.id, c.slug, c.name_en, c.name_zh, c.names, \
             (SELECT COUNT(*) FROM sections s WHERE s.category_id = c.id) AS child_count \
             FROM categories c WHERE {condition}"
        ))
        .bind(value)
        .fetch_optional(&self.reads)
        .await?
        .ok_or(AppError::NotFound)?;
        Ok(row.into_category())
    }

    pub(super) async fn section_by_slug(
        &self,
        slug: &str,
    ) -> Result<(SectionSummary, i64), AppError> {
        let row = sqlx::query(
            "SELECT s.id, s.slug, s.name_en, s.name_zh, s.names, s.category_id, \
             (SELECT COUNT(*) FROM halls h WHERE h.section_id = s.id) AS child_count \
             FROM sections s WHERE s.slug = $1",
        )
        .bind(slug)
        .fetch_optional(&self.reads)
        .await?
        .ok_or(AppError::NotFound)?;
        let category_id: i64 = row.try_get("category_id")?;
        Ok((CategoryRow::from_row(&row)?.into_section(), category_id))
    }

    pub(super) async fn booths_of(
        &self,
        exhibitor: ExhibitorId,
    ) -> Result<Vec<BoothLocation>, AppError> {
        let rows: Vec<BoothLocationRow> = sqlx::query_as(
            "SELECT b.id, b.code, h.slug AS hall_slug, h.name_en AS hall_name_en, h.name_zh AS hall_name_zh, h.names AS hall_names \
             FROM booths b JOIN halls h ON h.id = b.hall_id WHERE b.exhibitor_id = $1 ORDER BY b.id",
        )
        .bind(exhibitor.0)
        .fetch_all(&self.reads)
        .await?;
        Ok(rows.into_iter().map(Into::into).collect())
    }
}
